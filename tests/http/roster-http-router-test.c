/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/*
 * The router itself (roster-http-router.c), one test path per row against a real
 * server: which routes a path and a method find (404, 405 with the Allow header of
 * every method of the path), a bad {id}, the order of the prologue (method, then
 * authentication, then the body) and what each kind of body a route takes accepts.
 * Placeholders: {TEAM} the fixture's team.
 */

typedef struct {
	const gchar *name;
	RosterTestCaller caller;
	const gchar *method;
	const gchar *path;
	/* NULL for no body at all */
	const gchar *body;
	guint status;
	/* the error code, or NULL for a success */
	const gchar *code;
	/* the Allow header of a 405 */
	const gchar *allow;
	/* the whole error message, when the row checks it */
	const gchar *message;
} RouterRow;

#define ADMIN  ROSTER_TEST_CALLER_ADMIN
#define NOBODY ROSTER_TEST_CALLER_NONE

static const RouterRow router_rows[] = {
    /* 405: the Allow header lists every method of the path, whichever route has it */
    {"allow/solve",
     ADMIN,
     "PUT",
     "/api/v1/rosters/1/solve",
     NULL,
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "GET, POST, DELETE",
     "method PUT is not allowed here; allowed: GET, POST, DELETE"},
    {"allow/record",
     ADMIN,
     "POST",
     "/api/v1/teams/{TEAM}",
     "{}",
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "GET, PATCH, DELETE"},
    {"allow/collection",
     ADMIN,
     "DELETE",
     "/api/v1/volunteers",
     NULL,
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "GET, POST"},
    {"allow/assignment",
     ADMIN,
     "GET",
     "/api/v1/rosters/1/assignments/2",
     NULL,
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "PATCH, DELETE"},
    {"allow/settings",
     ADMIN,
     "POST",
     "/api/v1/record-settings",
     "{}",
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "GET, PUT"},
    {"allow/feed",
     NOBODY,
     "POST",
     "/calendar/abc.ics",
     NULL,
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "GET, HEAD"},
    {"allow/unknown-method",
     ADMIN,
     "OPTIONS",
     "/api/v1/me",
     NULL,
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "GET"},
    /* the method is checked before the caller */
    {"allow/before-auth",
     NOBODY,
     "PUT",
     "/api/v1/teams",
     NULL,
     SOUP_STATUS_METHOD_NOT_ALLOWED,
     "not-supported",
     "GET, POST"},

    /* 404: a path no pattern fits, with the stable body */
    {"not-found/unknown-path",
     ADMIN,
     "GET",
     "/api/v1/nowhere",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found",
     NULL,
     "no route for GET /api/v1/nowhere"},
    {"not-found/outside-api",
     NOBODY,
     "POST",
     "/nowhere",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found",
     NULL,
     "no route for POST /nowhere"},
    {"not-found/trailing-slash",
     ADMIN,
     "GET",
     "/api/v1/teams/",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},
    {"not-found/too-deep",
     ADMIN,
     "GET",
     "/api/v1/rosters/1/versions/2",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},
    {"not-found/feed-not-ics",
     NOBODY,
     "GET",
     "/calendar/abc.txt",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},

    /* a bad {id} is a path no pattern fits, before the method or the caller count */
    {"bad-id/letters",
     ADMIN,
     "GET",
     "/api/v1/rosters/abc",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found",
     NULL,
     "no route for GET /api/v1/rosters/abc"},
    {"bad-id/zero",
     ADMIN,
     "GET",
     "/api/v1/volunteers/0/availability",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},
    {"bad-id/second",
     ADMIN,
     "DELETE",
     "/api/v1/rosters/1/assignments/-1",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},
    {"bad-id/too-big",
     ADMIN,
     "GET",
     "/api/v1/hours/9223372036854775808",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},
    {"bad-id/wrong-method-too",
     NOBODY,
     "PUT",
     "/api/v1/teams/x1",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},

    /* the caller is checked before the body is read */
    {"auth/before-body",
     NOBODY,
     "POST",
     "/api/v1/teams",
     "{\"name\":",
     SOUP_STATUS_UNAUTHORIZED,
     "auth-failed"},

    /* bodies: required, optional or not read at all */
    {"body/required-missing",
     ADMIN,
     "PATCH",
     "/api/v1/teams/{TEAM}",
     NULL,
     SOUP_STATUS_BAD_REQUEST,
     "malformed",
     NULL,
     "request body is empty, a JSON object is needed"},
    {"body/required-malformed",
     ADMIN,
     "PUT",
     "/api/v1/record-settings",
     "{\"weights\":",
     SOUP_STATUS_BAD_REQUEST,
     "malformed"},
    {"body/required-not-object",
     ADMIN,
     "POST",
     "/api/v1/training",
     "[]",
     SOUP_STATUS_BAD_REQUEST,
     "malformed",
     NULL,
     "request body must be a JSON object"},
    /* an absent optional body lets the handler run: the engine finds no roster */
    {"body/optional-absent",
     ADMIN,
     "POST",
     "/api/v1/rosters/999999/solve",
     NULL,
     SOUP_STATUS_NOT_FOUND,
     "not-found"},
    {"body/optional-malformed",
     ADMIN,
     "POST",
     "/api/v1/rosters/999999/solve",
     "{",
     SOUP_STATUS_BAD_REQUEST,
     "malformed"},
    /* a route that takes no body does not read one, as before the router */
    {"body/none-not-read", ADMIN, "POST", "/api/v1/logout", "{", SOUP_STATUS_NO_CONTENT},
};

static gchar *
expand(RosterTestFixture *fixture, const gchar *template)
{
	GString *text = g_string_new(template);
	g_autofree gchar *team = g_strdup_printf("%" G_GINT64_FORMAT, fixture->team_id);

	g_string_replace(text, "{TEAM}", team, 0);
	return g_string_free(text, FALSE);
}

static void
test_router_row(RosterTestFixture *fixture, gconstpointer user_data)
{
	const RouterRow *row = user_data;
	g_autofree gchar *path = expand(fixture, row->path);
	g_autoptr(RosterTestResponse) response = NULL;

	response = roster_test_request_as(fixture, row->caller, row->method, path, row->body);
	g_assert_cmpuint(response->status, ==, row->status);
	if (row->code != NULL) {
		JsonObject *error =
		    json_object_get_object_member(roster_test_response_get_object(response),
						  ROSTER_KEY_ERROR);

		g_assert_cmpstr(roster_test_response_get_header(response, "Content-Type"),
				==,
				"application/json");
		g_assert_cmpstr(roster_test_response_get_error_code(response), ==, row->code);
		if (row->message != NULL) {
			g_assert_cmpstr(json_object_get_string_member(error, ROSTER_KEY_MESSAGE),
					==,
					row->message);
			/* the stable shape: a code and a message, nothing else */
			g_assert_cmpuint(json_object_get_size(error), ==, 2);
		}
	}
	g_assert_cmpstr(roster_test_response_get_header(response, "Allow"), ==, row->allow);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	for (guint i = 0; i < G_N_ELEMENTS(router_rows); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/http/router/%s", router_rows[i].name);
		g_test_add(path,
			   RosterTestFixture,
			   &router_rows[i],
			   roster_test_fixture_setup,
			   test_router_row,
			   roster_test_fixture_teardown);
	}
	return g_test_run();
}
