/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the coordinator's queues against a real daemon: a volunteer's pick-up
 * approved from the requests queue becomes the roster's next published version, and a
 * volunteer's service hours are approved from the approval queue */

#include "config.h"

#include "roster-app-ui-fixture.h"
#include "roster-approvals-page.h"
#include "roster-json-keys.h"
#include "roster-requests-page.h"

#define VOLUNTEER_PASSWORD "Ui-Harbour-Lantern-58"

/* a fixture whose calls go through a volunteer's own session; the volunteer's id */
gint64
volunteer_session(UiFixture *fixture, UiFixture *volunteer)
{
	g_autoptr(JsonObject) volunteers = api_get(fixture, "/volunteers?tier=senior&limit=1");
	JsonArray *items = json_object_get_array_member(volunteers, "items");
	gint64 volunteer_id;
	g_autofree gchar *account = NULL;
	g_autoptr(JsonObject) created = NULL;
	g_autoptr(JsonObject) login = NULL;

	g_assert_cmpuint(json_array_get_length(items), ==, 1);
	volunteer_id =
	    json_object_get_int_member(json_array_get_object_element(items, 0), ROSTER_KEY_ID);
	account = g_strdup_printf("{\"username\":\"ui-volunteer\",\"password\":\"%s\","
				  "\"role\":\"volunteer\",\"volunteer_id\":%" G_GINT64_FORMAT "}",
				  VOLUNTEER_PASSWORD,
				  volunteer_id);
	created = api_call(fixture, "POST", "/accounts", account);
	login = api_call(fixture,
			 "POST",
			 "/login",
			 "{\"username\":\"ui-volunteer\",\"password\":\"" VOLUNTEER_PASSWORD "\"}");
	*volunteer = *fixture;
	volunteer->client = roster_client_new(fixture->base_uri);
	roster_client_set_token(volunteer->client, json_object_get_string_member(login, "token"));
	return volunteer_id;
}

/* a published week of March 2027 with nobody on it: every seat is open */
gint64
publish_empty_week(UiFixture *fixture)
{
	g_autoptr(JsonObject) roster =
	    api_call(fixture,
		     "POST",
		     "/rosters",
		     "{\"name\":\"三月空周\",\"period_start\":\"2027-03-01\","
		     "\"period_end\":\"2027-03-07\"}");
	gint64 id = json_object_get_int_member(roster, ROSTER_KEY_ID);
	g_autofree gchar *path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/publish", id);
	g_autoptr(JsonObject) published = api_call(fixture, "POST", path, "{\"revision\":1}");

	return id;
}

/* the volunteer picks up the first open seat it may take on another day than @not_date */
gint64
pick_up(UiFixture *volunteer, gint64 roster_id, const gchar *not_date)
{
	g_autofree gchar *path =
	    g_strdup_printf("/requests/open-seats?roster_id=%" G_GINT64_FORMAT, roster_id);
	g_autoptr(JsonObject) seats = api_get(volunteer, path);
	JsonArray *items = json_object_get_array_member(seats, "items");

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *seat = json_array_get_object_element(items, i);
		g_autofree gchar *body = NULL;
		g_autoptr(JsonObject) made = NULL;
		if (g_strcmp0(json_object_get_string_member(seat, ROSTER_KEY_DATE), not_date) == 0)
			continue;
		body = g_strdup_printf("{\"kind\":\"pickup\",\"roster_id\":%" G_GINT64_FORMAT
				       ",\"date\":\"%s\","
				       "\"slot\":\"%s\",\"seat_class_id\":%" G_GINT64_FORMAT "}",
				       roster_id,
				       json_object_get_string_member(seat, ROSTER_KEY_DATE),
				       json_object_get_string_member(seat, ROSTER_KEY_SLOT),
				       json_object_get_int_member(seat, ROSTER_KEY_SEAT_CLASS_ID));
		made = api_call(volunteer, "POST", "/requests", body);
		g_assert_cmpstr(json_object_get_string_member(made, ROSTER_KEY_STATE),
				==,
				"accepted");
		return json_object_get_int_member(made, ROSTER_KEY_ID);
	}
	g_assert_not_reached();
	return 0;
}

static const gchar *
request_state(UiFixture *fixture, gint64 id)
{
	g_autofree gchar *path = g_strdup_printf("/requests/%" G_GINT64_FORMAT, id);
	g_autoptr(JsonObject) request = api_get(fixture, path);

	return g_intern_string(json_object_get_string_member(request, ROSTER_KEY_STATE));
}

/* confirms the open reason dialog with @reason, saving its picture as @view */
static void
confirm_with_reason(const gchar *view, const gchar *reason)
{
	AdwMessageDialog *dialog;

	wait_until(dialog_is_shown, NULL, "the reason dialog");
	dialog = find_message_dialog();
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(GTK_WIDGET(dialog), "reason-entry")),
			      reason);
	save_screenshot(GTK_WIDGET(dialog), view);
	adw_message_dialog_response(dialog, "confirm");
	gtk_window_close(GTK_WINDOW(dialog));
	wait_until(dialog_is_gone, NULL, "the dialog to close");
}

/* two pick-ups wait; the coordinator approves one with a reason from the queue: it is
 * applied as version 2 and leaves the queue, the other still waits */
static void
test_requests_queue(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	UiFixture volunteer;
	RosterRequestsPage *page;
	g_autoptr(JsonObject) first_request = NULL;
	g_autoptr(JsonObject) versions = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *versions_path = NULL;
	gint64 roster_id;
	gint64 first;
	gint64 second;

	volunteer_session(fixture, &volunteer);
	roster_id = publish_empty_week(fixture);
	first = pick_up(&volunteer, roster_id, NULL);
	path = g_strdup_printf("/requests/%" G_GINT64_FORMAT, first);
	first_request = api_get(fixture, path);
	second = pick_up(&volunteer,
			 roster_id,
			 json_object_get_string_member(first_request, ROSTER_KEY_DATE));

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "requests");
	page = ROSTER_REQUESTS_PAGE(roster_window_get_page(fixture->window, "requests"));
	wait_until(page_is_idle, page, "the requests to load");
	g_assert_cmpuint(roster_requests_page_get_n_waiting(page), ==, 2);
	save_screenshot(root, "requests");

	/* the newest first: the first pick-up's row is the last */
	g_signal_emit_by_name(find_last_by_class(root, "request-approve"), "clicked");
	confirm_with_reason("request-reason", "同级坐席，已核对");
	settle();
	wait_until(page_is_idle, page, "the requests to reload");
	g_assert_cmpstr(request_state(fixture, first), ==, "applied");
	g_assert_cmpstr(request_state(fixture, second), ==, "accepted");
	g_assert_cmpuint(roster_requests_page_get_n_waiting(page), ==, 1);
	versions_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/versions", roster_id);
	versions = api_get(fixture, versions_path);
	g_assert_cmpint(json_object_get_int_member(versions, "total"), ==, 2);
	save_screenshot(root, "requests-approved");
	g_clear_object(&volunteer.client);
}

/* a volunteer's own service hours wait in the approval queue until approved */
static void
test_approvals_queue(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	UiFixture volunteer;
	RosterApprovalsPage *page;
	g_autoptr(JsonObject) log = NULL;
	g_autoptr(JsonObject) approved = NULL;
	g_autofree gchar *body = NULL;
	gint64 volunteer_id = volunteer_session(fixture, &volunteer);

	body =
	    g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT ",\"date\":\"2026-11-20\","
			    "\"hours\":2,\"kind\":\"outreach\",\"description\":\"校园心理讲座\"}",
			    volunteer_id);
	log = api_call(&volunteer, "POST", "/service-logs", body);
	g_assert_cmpstr(json_object_get_string_member(log, ROSTER_KEY_STATE), ==, "pending");

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "approvals");
	page = ROSTER_APPROVALS_PAGE(roster_window_get_page(fixture->window, "approvals"));
	wait_until(page_is_idle, page, "the service logs to load");
	g_assert_cmpuint(roster_approvals_page_get_n_pending(page), ==, 1);
	save_screenshot(root, "approvals");
	g_signal_emit_by_name(find_by_class(root, "log-approve"), "clicked");
	confirm_with_reason("approval-reason", "有活动签到表");
	settle();
	wait_until(page_is_idle, page, "the service logs to reload");
	g_assert_cmpuint(roster_approvals_page_get_n_pending(page), ==, 0);
	approved = api_get(fixture, "/service-logs?state=approved");
	g_assert_cmpint(json_object_get_int_member(approved, "total"), ==, 1);
	save_screenshot(root, "approvals-done");
	g_clear_object(&volunteer.client);
}

/**
 * roster_app_ui_add_requests_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the test paths of the requests and approval queues, skipped without a display.
 */
void
roster_app_ui_add_requests_tests(gboolean have_display)
{
	if (!have_display) {
		g_test_add_func("/roster/app-ui/requests-queue", skip_no_display);
		g_test_add_func("/roster/app-ui/approvals-queue", skip_no_display);
		return;
	}
	g_test_add("/roster/app-ui/requests-queue",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_requests_queue,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/approvals-queue",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_approvals_queue,
		   ui_fixture_teardown);
}
