/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the answers kept for repeated reads of a record (roster-http-answer-cache.c) */

#include "config.h"

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

static gchar *
volunteer_path(RosterTestFixture *fixture)
{
	return g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT, fixture->volunteer_id);
}

/* a GET with an If-None-Match header */
static RosterTestResponse *
get_if_none_match(RosterTestFixture *fixture,
		  const gchar *path,
		  RosterTestCaller caller,
		  const gchar *etag)
{
	g_autofree gchar *uri = g_strconcat(fixture->root_uri, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new("GET", uri);
	g_autofree gchar *auth =
	    g_strdup_printf("Bearer %s", roster_test_fixture_get_token(fixture, caller));
	SoupMessageHeaders *headers = soup_message_get_request_headers(msg);

	soup_message_headers_replace(headers, "Authorization", auth);
	soup_message_headers_replace(headers, "If-None-Match", etag);
	return roster_test_send(fixture->session, msg);
}

/* a repeated read gives the same text and ETag; the ETag makes it a 304 with no body,
 * and the answer is marked as one a shared cache must not keep */
static void
test_repeat(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *path = volunteer_path(fixture);
	g_autoptr(RosterTestResponse) first = NULL;
	g_autoptr(RosterTestResponse) again = NULL;
	g_autoptr(RosterTestResponse) current = NULL;
	const gchar *etag;

	first = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(first->status, ==, 200);
	etag = roster_test_response_get_header(first, "ETag");
	g_assert_nonnull(etag);
	g_assert_true(g_str_has_prefix(etag, "\""));
	g_assert_cmpstr(roster_test_response_get_header(first, "Cache-Control"),
			==,
			"private, no-cache");
	again = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(again->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_header(again, "ETag"), ==, etag);
	g_assert_true(g_bytes_equal(again->body, first->body));
	current = get_if_none_match(fixture, path, ROSTER_TEST_CALLER_ADMIN, etag);
	g_assert_cmpuint(current->status, ==, 304);
	g_assert_cmpuint(g_bytes_get_size(current->body), ==, 0);
}

/* a change through the API shows in the next read, with a new ETag, and the old copy
 * is no longer current */
static void
test_own_write(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *path = volunteer_path(fixture);
	g_autofree gchar *body = NULL;
	g_autoptr(RosterTestResponse) first = NULL;
	g_autoptr(RosterTestResponse) patched = NULL;
	g_autoptr(RosterTestResponse) after = NULL;
	g_autoptr(RosterTestResponse) stale = NULL;

	first = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(first->status, ==, 200);
	body = g_strdup_printf("{\"revision\": %" G_GINT64_FORMAT ", \"name\": \"Wang Fang\"}",
			       roster_test_response_get_int(first, ROSTER_KEY_REVISION));
	patched = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);
	g_assert_cmpuint(patched->status, ==, 200);
	after = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(after->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(after, ROSTER_KEY_NAME), ==, "Wang Fang");
	g_assert_cmpstr(roster_test_response_get_header(after, "ETag"),
			!=,
			roster_test_response_get_header(first, "ETag"));
	stale = get_if_none_match(fixture,
				  path,
				  ROSTER_TEST_CALLER_ADMIN,
				  roster_test_response_get_header(first, "ETag"));
	g_assert_cmpuint(stale->status, ==, 200);
}

/* a change written by another connection to the same database (as the tool or a
 * solve's thread writes) shows in the next read */
static void
test_other_connection(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *path = volunteer_path(fixture);
	g_autoptr(RosterEngine) other = roster_engine_new(fixture->database_path);
	g_autoptr(RosterPrincipal) admin = NULL;
	g_autoptr(RosterTestResponse) first = NULL;
	g_autoptr(RosterTestResponse) after = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(GError) error = NULL;

	first = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(first->status, ==, 200);
	g_assert_true(roster_engine_open(other, &error));
	g_assert_no_error(error);
	admin = roster_engine_dup_local_principal(other);
	body =
	    roster_test_json_printf("{\"revision\": %" G_GINT64_FORMAT ", \"name\": \"Zhao Lei\"}",
				    roster_test_response_get_int(first, ROSTER_KEY_REVISION));
	updated = roster_engine_update(other,
				       admin,
				       ROSTER_COLLECTION_VOLUNTEERS,
				       0,
				       fixture->volunteer_id,
				       body,
				       &error);
	g_assert_no_error(error);
	g_assert_nonnull(updated);
	after = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(after->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(after, ROSTER_KEY_NAME), ==, "Zhao Lei");
}

/* an answer is only ever given to the token it was built for: another volunteer who
 * may not see the record is refused, and a token that logged out is refused */
static void
test_per_token(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *path = volunteer_path(fixture);
	g_autoptr(RosterTestResponse) own = NULL;
	g_autoptr(RosterTestResponse) admin = NULL;
	g_autoptr(RosterTestResponse) other = NULL;
	g_autoptr(RosterTestResponse) logout = NULL;
	g_autoptr(RosterTestResponse) after = NULL;

	admin = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(admin->status, ==, 200);
	own = roster_test_request_as(fixture, ROSTER_TEST_CALLER_VOLUNTEER, "GET", path, NULL);
	g_assert_cmpuint(own->status, ==, 200);
	other =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, "GET", path, NULL);
	g_assert_cmpuint(other->status, ==, 403);
	logout = roster_test_request_as(fixture,
					ROSTER_TEST_CALLER_VOLUNTEER,
					"POST",
					"/api/v1/logout",
					NULL);
	g_assert_cmpuint(logout->status, <, 300);
	after = roster_test_request_as(fixture, ROSTER_TEST_CALLER_VOLUNTEER, "GET", path, NULL);
	g_assert_cmpuint(after->status, ==, 401);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/http/answer-cache/repeat",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_repeat,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/answer-cache/own-write",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_own_write,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/answer-cache/other-connection",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_other_connection,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/answer-cache/per-token",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_per_token,
		   roster_test_fixture_teardown);
	return g_test_run();
}
