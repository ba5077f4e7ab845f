/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of what each role sees: a manager gets no button the daemon would refuse
 * on the queues and rounds, and a change of account empties every view */

#include "config.h"

#include "roster-app-ui-fixture.h"
#include "roster-approvals-page.h"
#include "roster-json-keys.h"
#include "roster-requests-page.h"

/* a pick-up waiting for approval and a service log waiting for a decision */
static void
fill_queues(UiFixture *fixture)
{
	UiFixture volunteer;
	g_autoptr(JsonObject) log = NULL;
	g_autofree gchar *body = NULL;
	gint64 volunteer_id = volunteer_session(fixture, &volunteer);

	pick_up(&volunteer, publish_empty_week(fixture), NULL);
	body = g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT ",\"date\":\"2026-11-20\","
			       "\"hours\":2,\"kind\":\"outreach\",\"description\":\"社区宣讲\"}",
			       volunteer_id);
	log = api_call(&volunteer, "POST", "/service-logs", body);
	g_clear_object(&volunteer.client);
}

/* a manager sees the waiting request without Approve or Decline (only planners may),
 * decides service hours (managers may) and opens no round; a coordinator on the same
 * window gets the request's buttons and the round form back */
static void
test_manager_queues(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	g_autoptr(RosterClient) manager = login_as(fixture, "wang", "manager", "");
	g_autoptr(RosterClient) coordinator = login_as(fixture, "lin", "coordinator", "");
	RosterRequestsPage *requests;

	fill_queues(fixture);
	roster_window_set_client(fixture->window, manager);
	ui_show_view(fixture, "requests");
	requests = ROSTER_REQUESTS_PAGE(roster_window_get_page(fixture->window, "requests"));
	g_assert_cmpuint(roster_requests_page_get_n_waiting(requests), ==, 1);
	g_assert_nonnull(find_by_class(root, "request-row"));
	g_assert_null(find_by_class(root, "request-approve"));
	g_assert_null(find_by_class(root, "request-decline"));
	save_screenshot(root, "manager-requests");
	ui_show_view(fixture, "approvals");
	g_assert_nonnull(find_by_class(root, "log-approve"));
	g_assert_nonnull(find_by_class(root, "log-decline"));
	ui_show_view(fixture, "rounds");
	g_assert_nonnull(find_by_class(root, "rounds-list"));
	g_assert_null(find_by_class(root, "rounds-open-button"));
	save_screenshot(root, "manager-rounds");

	roster_window_set_client(fixture->window, coordinator);
	ui_show_view(fixture, "rounds");
	g_assert_nonnull(find_by_class(root, "rounds-open-button"));
	ui_show_view(fixture, "requests");
	g_assert_nonnull(find_by_class(root, "request-approve"));
	g_assert_nonnull(find_by_class(root, "request-decline"));
}

static guint
n_rows(GtkWidget *list)
{
	guint n = 0;

	for (GtkWidget *child = gtk_widget_get_first_child(list); child != NULL;
	     child = gtk_widget_get_next_sibling(child))
		n += GTK_IS_LIST_BOX_ROW(child) ? 1 : 0;
	return n;
}

/* the rounds, the requests and the service hours a coordinator loaded are gone from
 * the views when a volunteer's account (which loads nothing) takes the window */
static void
test_switch_clears_pages(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	g_autoptr(JsonObject) round = NULL;
	g_autoptr(RosterClient) volunteer = NULL;
	GtkWidget *rounds_list;
	RosterRequestsPage *requests =
	    ROSTER_REQUESTS_PAGE(roster_window_get_page(fixture->window, "requests"));
	RosterApprovalsPage *approvals =
	    ROSTER_APPROVALS_PAGE(roster_window_get_page(fixture->window, "approvals"));

	fill_queues(fixture);
	round = api_call(fixture,
			 "POST",
			 "/rounds",
			 "{\"name\":\"二月\",\"period_start\":\"2027-02-01\","
			 "\"period_end\":\"2027-02-28\",\"deadline\":\"2027-01-20T18:00\"}");
	volunteer = login_as_volunteer(fixture, "c901");

	roster_window_set_client(fixture->window, fixture->client);
	ui_show_view(fixture, "rounds");
	rounds_list = find_by_class(root, "rounds-list");
	g_assert_cmpuint(n_rows(rounds_list), ==, 1);
	ui_show_view(fixture, "requests");
	g_assert_cmpuint(roster_requests_page_get_n_waiting(requests), ==, 1);
	ui_show_view(fixture, "approvals");
	g_assert_cmpuint(roster_approvals_page_get_n_pending(approvals), ==, 1);

	roster_window_set_client(fixture->window, volunteer);
	settle();
	g_assert_cmpuint(n_rows(rounds_list), ==, 0);
	g_assert_cmpuint(roster_requests_page_get_n_waiting(requests), ==, 0);
	g_assert_cmpuint(roster_approvals_page_get_n_pending(approvals), ==, 0);
}

/**
 * roster_app_ui_add_roles_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the test paths of a manager's queues and of what an account switch clears,
 * skipped without a display.
 */
void
roster_app_ui_add_roles_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/manager-queues", test_manager_queues},
	    {"/roster/app-ui/switch-clears-pages", test_switch_clears_pages},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
