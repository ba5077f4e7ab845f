/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the typed client against the real HTTP server: the paths it owns, a roster read into
 * RosterRoster, and a RosterEdit the daemon refuses */

#include "config.h"

#include "roster-client-records.h"
#include "roster-client-rosters.h"
#include "roster-error.h"
#include "roster-json-keys.h"
#include "roster-roster-settings.h"
#include "roster-test-fixture.h"

static void
store_result_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	*(GAsyncResult **)user_data = g_object_ref(result);
}

static GAsyncResult *
wait_for_result(GAsyncResult **result)
{
	while (*result == NULL)
		g_main_context_iteration(NULL, TRUE);
	return *result;
}

static RosterClient *
new_coordinator(RosterTestFixture *fixture)
{
	g_autofree gchar *base = g_strconcat(fixture->root_uri, "/api/v1", NULL);
	g_autoptr(RosterClient) client = roster_client_new(base);
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;

	roster_client_login_async(client,
				  ROSTER_TEST_COORDINATOR_USER,
				  ROSTER_TEST_ACCOUNT_PASSWORD,
				  NULL,
				  store_result_cb,
				  &result);
	g_assert_true(roster_client_login_finish(client, wait_for_result(&result), &error));
	g_assert_no_error(error);
	return g_steal_pointer(&client);
}

static gint64
create_roster(RosterClient *client)
{
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	gint64 roster_id;

	roster_client_create_roster_async(client,
					  "January",
					  "2027-01-01",
					  "2027-01-31",
					  NULL,
					  NULL,
					  store_result_cb,
					  &result);
	roster_id = roster_client_create_roster_finish(client, wait_for_result(&result), &error);
	g_assert_no_error(error);
	g_assert_cmpint(roster_id, >, 0);
	return roster_id;
}

/* the pages name a resource; the client spells its path and escapes the query */
static void
test_resource_paths(void)
{
	g_autofree gchar *search = roster_client_dup_resource_path(ROSTER_RESOURCE_VOLUNTEERS,
								   "q",
								   "王 a&b",
								   "tier",
								   NULL,
								   "limit",
								   "500",
								   NULL);
	g_autofree gchar *days =
	    roster_client_dup_resource_path(ROSTER_RESOURCE_ATTENDANCE_DAYS, NULL, NULL);
	g_autofree gchar *availability = roster_client_dup_availability_path(7);
	g_autofree gchar *versions = roster_client_dup_versions_path(3);
	g_autofree gchar *diff = roster_client_dup_diff_path(3, 2);

	g_assert_cmpstr(search, ==, "/volunteers?q=%E7%8E%8B%20a%26b&limit=500");
	g_assert_cmpstr(days, ==, "/attendance/confirm-day");
	g_assert_cmpstr(availability, ==, "/volunteers/7/availability");
	g_assert_cmpstr(versions, ==, "/rosters/3/versions");
	g_assert_cmpstr(diff, ==, "/rosters/3/diff?from=2&to=0");
}

/* a roster created through the typed client reads back into RosterRoster's fields */
static void
test_create_and_get(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_coordinator(fixture);
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRoster) roster = NULL;
	gint64 roster_id = create_roster(client);

	roster_client_get_roster_async(client, roster_id, NULL, store_result_cb, &result);
	roster = roster_client_get_roster_finish(client, wait_for_result(&result), &error);
	g_assert_no_error(error);
	g_assert_nonnull(roster);
	g_assert_cmpint(roster_roster_get_id(roster), ==, roster_id);
	g_assert_cmpstr(roster_roster_get_name(roster), ==, "January");
	g_assert_cmpstr(roster_roster_get_period_start(roster), ==, "2027-01-01");
	g_assert_cmpstr(roster_roster_get_period_end(roster), ==, "2027-01-31");
	g_assert_false(roster_roster_get_published(roster));
	g_assert_cmpint(roster_roster_get_revision(roster), >, 0);
	g_assert_true(roster_roster_contains_date(roster, "2027-01-31"));
	g_assert_false(roster_roster_contains_date(roster, "2027-02-01"));
	g_assert_cmpuint(roster_roster_get_n_assignments(roster), ==, 0);
}

/* an edit of an assignment the roster does not have is refused, and is no hard rule
 * that an override could pass */
static void
test_edit_refused(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_coordinator(fixture);
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterEdit edit = {
	    .kind = ROSTER_EDIT_UNASSIGN,
	    .roster_id = create_roster(client),
	    .revision = 1,
	    .assignment_id = 999999,
	};

	roster_client_edit_async(client, &edit, NULL, store_result_cb, &result);
	g_assert_false(roster_client_edit_finish(client, wait_for_result(&result), &error));
	g_assert_nonnull(error);
	g_assert_true(error->domain == ROSTER_ERROR);
	g_assert_false(roster_client_call_get_overridable(client, result));
}

/* the settings dialog's calls: a rename and a rotation sent as a PATCH, the rotation
 * read back as the dialog reads it, and the draft deleted */
static void
test_update_and_delete(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_coordinator(fixture);
	gint64 roster_id = create_roster(client);
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GAsyncResult) read = NULL;
	g_autoptr(GAsyncResult) deleted = NULL;
	g_autoptr(GAsyncResult) gone = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) settings = json_object_new();
	g_autoptr(JsonObject) roster = NULL;
	g_autoptr(JsonObject) missing = NULL;
	g_autoptr(RosterRotation) rotation = roster_rotation_new();
	g_autoptr(RosterRotation) back = NULL;
	RosterRotationRule *rule;
	gint64 team =
	    roster_test_create(fixture, ROSTER_HTTP_API_PREFIX "/teams", "{\"name\":\"A\"}");

	rotation->kind = ROSTER_ROTATION_WEEKDAYS;
	rule = roster_rotation_add_rule(rotation, team);
	rule->weekdays = (1u << 1) | (1u << 2);
	json_object_set_member(settings,
			       ROSTER_SETTING_TEAM_ROTATION,
			       roster_rotation_to_node(rotation));
	roster_client_update_roster_async(client,
					  roster_id,
					  1,
					  TRUE,
					  "January, cities",
					  settings,
					  NULL,
					  store_result_cb,
					  &result);
	g_assert_true(roster_client_edit_finish(client, wait_for_result(&result), &error));
	g_assert_no_error(error);
	roster_client_get_roster_object_async(client, roster_id, NULL, store_result_cb, &read);
	roster = roster_client_call_finish_object(client, wait_for_result(&read), &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(roster, ROSTER_KEY_NAME),
			==,
			"January, cities");
	back = roster_rotation_new_from_settings(
	    json_object_get_object_member(roster, ROSTER_KEY_SETTINGS));
	g_assert_cmpint(back->kind, ==, ROSTER_ROTATION_WEEKDAYS);
	g_assert_true(back->hard);
	g_assert_cmpuint(back->rules->len, ==, 1);
	rule = g_ptr_array_index(back->rules, 0);
	g_assert_cmpint(rule->team_id, ==, team);
	g_assert_cmpuint(rule->weekdays, ==, (1u << 1) | (1u << 2));

	roster_client_delete_roster_async(client,
					  roster_id,
					  json_object_get_int_member(roster, ROSTER_KEY_REVISION),
					  NULL,
					  store_result_cb,
					  &deleted);
	g_assert_true(roster_client_edit_finish(client, wait_for_result(&deleted), &error));
	g_assert_no_error(error);
	roster_client_get_roster_object_async(client, roster_id, NULL, store_result_cb, &gone);
	missing = roster_client_call_finish_object(client, wait_for_result(&gone), &error);
	g_assert_null(missing);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/client-rosters/resource-paths", test_resource_paths);
	g_test_add("/roster/client-rosters/create-and-get",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_create_and_get,
		   roster_test_fixture_teardown);
	g_test_add("/roster/client-rosters/update-and-delete",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_update_and_delete,
		   roster_test_fixture_teardown);
	g_test_add("/roster/client-rosters/edit-refused",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_edit_refused,
		   roster_test_fixture_teardown);
	return g_test_run();
}
