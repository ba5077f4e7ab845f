/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/* that ids cannot be probed through the per-volunteer routes */

/*
 * A volunteer asking about someone else gets the same answer whether that volunteer
 * exists or not, so that ids cannot be probed: one test path per route, each sent
 * for the other volunteer of the fixture and for an id that does not exist. The
 * answer is 403 on every route: the permission check comes before any look-up.
 * {ID} is the volunteer asked about, {AID} an availability entry of the other volunteer.
 */
typedef struct {
	const gchar *name;
	const gchar *method;
	const gchar *path;
	const gchar *body;
} HiddenRow;

static const HiddenRow hidden_rows[] = {
    {"availability-list", "GET", "/api/v1/volunteers/{ID}/availability", NULL},
    {"availability-create",
     "POST",
     "/api/v1/volunteers/{ID}/availability",
     "{\"kind\":\"avoid\",\"weekday\":1}"},
    {"availability-get", "GET", "/api/v1/volunteers/{ID}/availability/{AID}", NULL},
    {"availability-update",
     "PATCH",
     "/api/v1/volunteers/{ID}/availability/{AID}",
     "{\"revision\":1,\"weekday\":2}"},
    {"availability-delete", "DELETE", "/api/v1/volunteers/{ID}/availability/{AID}", NULL},
    {"volunteer-get", "GET", "/api/v1/volunteers/{ID}", NULL},
    {"volunteer-update", "PATCH", "/api/v1/volunteers/{ID}", "{\"revision\":1,\"note\":\"x\"}"},
    {"volunteer-delete", "DELETE", "/api/v1/volunteers/{ID}", NULL},
    {"calendar-token", "POST", "/api/v1/calendar-tokens/{ID}", "{}"},
    {"hours", "GET", "/api/v1/hours/{ID}", NULL},
    {"stars", "GET", "/api/v1/stars/{ID}", NULL},
    {"calendar-export", "GET", "/api/v1/calendar-export.ics?volunteer={ID}", NULL},
    {"service-logs", "GET", "/api/v1/service-logs?volunteer={ID}", NULL},
    {"training", "GET", "/api/v1/training?volunteer={ID}", NULL},
    {"ratings", "GET", "/api/v1/ratings?volunteer={ID}", NULL},
    {"attendance", "GET", "/api/v1/attendance?volunteer={ID}", NULL},
};

#define MISSING_VOLUNTEER_ID 999999

/* the status, error code and message of @row for volunteer @id, the id in the message
 * replaced by {ID} */
static gchar *
dup_hidden_answer(RosterTestFixture *fixture, const HiddenRow *row, gint64 id, gint64 aid)
{
	g_autoptr(GString) path = g_string_new(row->path);
	g_autofree gchar *id_text = g_strdup_printf("%" G_GINT64_FORMAT, id);
	g_autofree gchar *aid_text = g_strdup_printf("%" G_GINT64_FORMAT, aid);
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(GString) message = NULL;
	JsonObject *error;

	g_string_replace(path, "{ID}", id_text, 0);
	g_string_replace(path, "{AID}", aid_text, 0);
	response = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_VOLUNTEER,
					  row->method,
					  path->str,
					  row->body);
	if (response->json == NULL || !JSON_NODE_HOLDS_OBJECT(response->json) ||
	    !json_object_has_member(roster_test_response_get_object(response), ROSTER_KEY_ERROR))
		return g_strdup_printf("%u", response->status);
	error = json_object_get_object_member(roster_test_response_get_object(response),
					      ROSTER_KEY_ERROR);
	message = g_string_new(json_object_get_string_member(error, ROSTER_KEY_MESSAGE));
	g_string_replace(message, id_text, "{ID}", 0);
	return g_strdup_printf("%u %s %s",
			       response->status,
			       json_object_get_string_member(error, ROSTER_KEY_CODE),
			       message->str);
}

static void
test_hidden_volunteer(RosterTestFixture *fixture, gconstpointer user_data)
{
	const HiddenRow *row = user_data;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autofree gchar *other = NULL;
	g_autofree gchar *missing = NULL;
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT "/availability",
			    fixture->other_volunteer_id);
	gint64 aid = roster_test_create(fixture, path, "{\"kind\":\"avoid\",\"weekday\":3}");

	before = roster_test_fixture_dup_snapshot(fixture);
	other = dup_hidden_answer(fixture, row, fixture->other_volunteer_id, aid);
	missing = dup_hidden_answer(fixture, row, MISSING_VOLUNTEER_ID, aid);
	g_test_message("other: %s; missing: %s", other, missing);
	g_assert_cmpstr(other, ==, missing);
	/* 403 for both, as every per-volunteer route answers: nothing is looked up first */
	g_assert_true(g_str_has_prefix(other, "403 permission-denied "));
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

/* the status, error code and message of @method on the fixture volunteer's own
 * availability entry @aid, the id in the message replaced by {AID} */
static gchar *
dup_entry_answer(RosterTestFixture *fixture, const gchar *method, gint64 aid)
{
	const gchar *body = g_strcmp0(method, "PATCH") == 0 ? "{\"revision\":1,\"weekday\":2}"
							    : NULL;
	g_autofree gchar *path = g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT
						 "/availability/%" G_GINT64_FORMAT,
						 fixture->volunteer_id,
						 aid);
	g_autofree gchar *aid_text = g_strdup_printf("%" G_GINT64_FORMAT, aid);
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_VOLUNTEER, method, path, body);
	JsonObject *error = json_object_get_object_member(roster_test_response_get_object(response),
							  ROSTER_KEY_ERROR);
	g_autoptr(GString) message =
	    g_string_new(json_object_get_string_member(error, ROSTER_KEY_MESSAGE));

	g_string_replace(message, aid_text, "{AID}", 0);
	return g_strdup_printf("%u %s %s",
			       response->status,
			       json_object_get_string_member(error, ROSTER_KEY_CODE),
			       message->str);
}

/* under its own record a volunteer gets the same 404 for another volunteer's
 * availability entry as for one that does not exist */
static void
test_hidden_availability_entry(RosterTestFixture *fixture, gconstpointer user_data)
{
	const gchar *method = user_data;
	g_autofree gchar *other_path =
	    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT "/availability",
			    fixture->other_volunteer_id);
	gint64 aid = roster_test_create(fixture, other_path, "{\"kind\":\"avoid\",\"weekday\":3}");
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(fixture);
	g_autofree gchar *after = NULL;
	g_autofree gchar *other = dup_entry_answer(fixture, method, aid);
	g_autofree gchar *missing = dup_entry_answer(fixture, method, MISSING_VOLUNTEER_ID);

	g_test_message("other: %s; missing: %s", other, missing);
	g_assert_cmpstr(other, ==, missing);
	g_assert_true(g_str_has_prefix(other, "404 not-found "));
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	for (guint i = 0; i < G_N_ELEMENTS(hidden_rows); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/http/bad-input/hidden-volunteer/%s",
				    hidden_rows[i].name);
		g_test_add(path,
			   RosterTestFixture,
			   &hidden_rows[i],
			   roster_test_fixture_setup,
			   test_hidden_volunteer,
			   roster_test_fixture_teardown);
	}
	g_test_add("/roster/http/bad-input/hidden-availability-entry/get",
		   RosterTestFixture,
		   "GET",
		   roster_test_fixture_setup,
		   test_hidden_availability_entry,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/bad-input/hidden-availability-entry/update",
		   RosterTestFixture,
		   "PATCH",
		   roster_test_fixture_setup,
		   test_hidden_availability_entry,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/bad-input/hidden-availability-entry/delete",
		   RosterTestFixture,
		   "DELETE",
		   roster_test_fixture_setup,
		   test_hidden_availability_entry,
		   roster_test_fixture_teardown);
	return g_test_run();
}
