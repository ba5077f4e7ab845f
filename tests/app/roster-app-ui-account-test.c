/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI test of switching accounts: what one session loaded is gone from the window
 * when another user logs in */

#include "config.h"

#include <string.h>

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"
#include "roster-volunteers-page.h"

#define PHONE "13987654321"

static void
login_result_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	*(GAsyncResult **)user_data = g_object_ref(result);
}

static gboolean
login_answered(gpointer data)
{
	return *(GAsyncResult **)data != NULL;
}

/* an account made by the admin (@extra: more members of its body, or ""), and a client
 * logged in with it */
RosterClient *
login_as(UiFixture *fixture, const gchar *username, const gchar *role, const gchar *extra)
{
	g_autofree gchar *body = NULL;
	g_autoptr(JsonObject) account = NULL;
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterClient *client = roster_client_new(fixture->base_uri);

	body = g_strdup_printf("{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"%s}",
			       username,
			       ADMIN_PASSWORD,
			       role,
			       extra);
	account = api_call(fixture, "POST", "/accounts", body);
	roster_client_login_async(client, username, ADMIN_PASSWORD, NULL, login_result_cb, &result);
	wait_until(login_answered, &result, "the login");
	g_assert_true(roster_client_login_finish(client, result, &error));
	g_assert_no_error(error);
	return client;
}

/* a volunteer's account of the demo's first volunteer, and a client logged in with it */
RosterClient *
login_as_volunteer(UiFixture *fixture, const gchar *username)
{
	g_autoptr(JsonObject) volunteers = api_get(fixture, "/volunteers?limit=1");
	g_autofree gchar *extra = NULL;

	extra = g_strdup_printf(",\"volunteer_id\":%" G_GINT64_FORMAT,
				json_object_get_int_member(
				    json_array_get_object_element(
					json_object_get_array_member(volunteers, ROSTER_KEY_ITEMS),
					0),
				    ROSTER_KEY_ID));
	return login_as(fixture, username, "volunteer", extra);
}

/* whether any label or text field under @widget shows @text */
static gboolean
tree_shows(GtkWidget *widget, const gchar *text)
{
	const gchar *shown = NULL;

	if (GTK_IS_LABEL(widget))
		shown = gtk_label_get_text(GTK_LABEL(widget));
	else if (GTK_IS_EDITABLE(widget))
		shown = gtk_editable_get_text(GTK_EDITABLE(widget));
	if (shown != NULL && strstr(shown, text) != NULL)
		return TRUE;
	for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
	     child = gtk_widget_get_next_sibling(child)) {
		if (tree_shows(child, text))
			return TRUE;
	}
	return FALSE;
}

static gboolean
phone_shown(gpointer data)
{
	return tree_shows(GTK_WIDGET(data), PHONE);
}

/* a coordinator opens a volunteer with a phone number; a manager logs in on the same
 * window and sees the number nowhere */
static void
test_account_switch(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *page = roster_window_get_page(fixture->window, "volunteers");
	g_autoptr(JsonObject) volunteers = NULL;
	g_autoptr(JsonObject) patched = NULL;
	g_autoptr(RosterClient) coordinator = NULL;
	g_autoptr(RosterClient) manager = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;
	JsonObject *volunteer;
	gint64 volunteer_id;

	volunteers = api_get(fixture, "/volunteers?limit=1");
	volunteer = json_array_get_object_element(
	    json_object_get_array_member(volunteers, ROSTER_KEY_ITEMS),
	    0);
	volunteer_id = json_object_get_int_member(volunteer, ROSTER_KEY_ID);
	path = g_strdup_printf("/volunteers/%" G_GINT64_FORMAT, volunteer_id);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"phone\":\"" PHONE "\"}",
			       json_object_get_int_member(volunteer, ROSTER_KEY_REVISION));
	patched = api_call(fixture, "PATCH", path, body);
	coordinator = login_as(fixture, "lin", "coordinator", "");
	manager = login_as(fixture, "wang", "manager", "");

	roster_window_set_client(fixture->window, coordinator);
	roster_window_set_view(fixture->window, "volunteers");
	settle();
	wait_until(page_is_idle, page, "the coordinator's volunteers");
	roster_volunteers_page_show_volunteer(ROSTER_VOLUNTEERS_PAGE(page), volunteer_id);
	wait_until(phone_shown, root, "the volunteer's phone in the form");

	roster_window_set_client(fixture->window, manager);
	settle();
	wait_until(page_is_idle, page, "the manager's volunteers");
	settle();
	g_assert_false(tree_shows(root, PHONE));
}

static gboolean
view_is_visible(RosterWindow *window, const gchar *name)
{
	AdwViewStack *stack =
	    ADW_VIEW_STACK(gtk_widget_get_parent(roster_window_get_page(window, name)));

	return adw_view_stack_page_get_visible(
	    adw_view_stack_get_page(stack, roster_window_get_page(window, name)));
}

/* a volunteer's account sees where its own page is and none of the coordinators' views;
 * a coordinator logging in next gets the views back */
static void
test_volunteer_view(UiFixture *fixture, gconstpointer user_data)
{
	const gchar *views[] = {"roster", "publish", "volunteers", "seats", "records", "reports"};
	g_autoptr(RosterClient) volunteer = NULL;
	g_autoptr(RosterClient) coordinator = NULL;
	g_autofree gchar *expected = NULL;
	GtkWidget *link;

	volunteer = login_as_volunteer(fixture, "c900");
	coordinator = login_as(fixture, "lin", "coordinator", "");

	roster_window_set_client(fixture->window, volunteer);
	settle();
	g_assert_true(view_is_visible(fixture->window, "volunteer"));
	for (guint i = 0; i < G_N_ELEMENTS(views); i++)
		g_assert_false(view_is_visible(fixture->window, views[i]));
	link = adw_status_page_get_child(
	    ADW_STATUS_PAGE(roster_window_get_page(fixture->window, "volunteer")));
	g_assert_true(g_str_has_suffix(fixture->base_uri, "/api/v1"));
	expected = g_strconcat(fixture->base_uri, "/", NULL);
	memcpy(expected + strlen(expected) - strlen("/api/v1/"), "/my/", strlen("/my/") + 1);
	g_assert_cmpstr(gtk_link_button_get_uri(GTK_LINK_BUTTON(link)), ==, expected);
	g_assert_true(gtk_widget_get_mapped(link));
	save_screenshot(GTK_WIDGET(fixture->window), "volunteer-account");

	roster_window_set_client(fixture->window, coordinator);
	settle();
	g_assert_false(view_is_visible(fixture->window, "volunteer"));
	for (guint i = 0; i < G_N_ELEMENTS(views); i++)
		g_assert_true(view_is_visible(fixture->window, views[i]));
	g_assert_false(gtk_widget_get_mapped(link));
}

/* a manager reads rosters and volunteers: no Publish view, no volunteer edit button and
 * no roster control that changes a roster; a coordinator next gets them all */
static void
test_manager_view(UiFixture *fixture, gconstpointer user_data)
{
	const gchar *buttons[] = {"volunteer-save", "volunteer-import", "calendar-link"};
	const gchar *roster_controls[] = {"new-roster-button",
					  "roster-settings-button",
					  "solve-button"};
	GtkWidget *page = roster_window_get_page(fixture->window, "volunteers");
	GtkWidget *roster = roster_window_get_page(fixture->window, "roster");
	g_autoptr(RosterClient) manager = login_as(fixture, "wang", "manager", "");
	g_autoptr(RosterClient) coordinator = login_as(fixture, "lin", "coordinator", "");

	roster_window_set_client(fixture->window, manager);
	roster_window_set_view(fixture->window, "volunteers");
	settle();
	wait_until(page_is_idle, page, "the manager's volunteers");
	g_assert_false(view_is_visible(fixture->window, "publish"));
	g_assert_true(view_is_visible(fixture->window, "records"));
	for (guint i = 0; i < G_N_ELEMENTS(buttons); i++)
		g_assert_null(find_by_class(page, buttons[i]));
	save_screenshot(GTK_WIDGET(fixture->window), "manager-volunteers");
	/* the roster view reads: no new roster, no settings, no solve, no undo */
	roster_window_set_view(fixture->window, "roster");
	settle();
	for (guint i = 0; i < G_N_ELEMENTS(roster_controls); i++)
		g_assert_null(find_by_class(roster, roster_controls[i]));
	save_screenshot(GTK_WIDGET(fixture->window), "manager-roster");
	roster_window_set_view(fixture->window, "volunteers");

	roster_window_set_client(fixture->window, coordinator);
	settle();
	wait_until(page_is_idle, page, "the coordinator's volunteers");
	g_assert_true(view_is_visible(fixture->window, "publish"));
	for (guint i = 0; i < G_N_ELEMENTS(buttons); i++)
		g_assert_nonnull(find_by_class(page, buttons[i]));
	roster_window_set_view(fixture->window, "roster");
	settle();
	for (guint i = 0; i < G_N_ELEMENTS(roster_controls); i++)
		g_assert_nonnull(find_by_class(roster, roster_controls[i]));
}

/**
 * roster_app_ui_add_account_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the account switch's, the volunteer view's and the manager view's test paths,
 * skipped without a display.
 */
void
roster_app_ui_add_account_tests(gboolean have_display)
{
	if (!have_display) {
		g_test_add_func("/roster/app-ui/account-switch", skip_no_display);
		g_test_add_func("/roster/app-ui/volunteer-view", skip_no_display);
		g_test_add_func("/roster/app-ui/manager-view", skip_no_display);
		return;
	}
	g_test_add("/roster/app-ui/account-switch",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_account_switch,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/volunteer-view",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_volunteer_view,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/manager-view",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_manager_view,
		   ui_fixture_teardown);
}
