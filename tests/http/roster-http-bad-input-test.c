/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/*
 * A table of bad requests, one test path per row: each asserts the status, the
 * error code (and field, for 422) and that the database is unchanged, by
 * comparing every collection's list output and the audit log before and after.
 * Placeholders: {TEAM} the fixture's team (revision 1, or 2 for STALE rows),
 * {VID} the fixture's volunteer.
 */

typedef enum {
	BODY_TEXT,
	/* bytes that are not UTF-8 */
	BODY_INVALID_UTF8,
	/* arrays nested 1000 deep */
	BODY_DEEP,
	/* a team name of 101 characters */
	BODY_LONG_NAME,
	/* a volunteer CSV whose third line holds an encoded surrogate, not UTF-8 */
	BODY_CSV_SURROGATE,
} BodyKind;

typedef struct {
	const gchar *name;
	RosterTestCaller caller;
	/* a raw Authorization header instead of the caller's token */
	const gchar *authorization;
	const gchar *method;
	const gchar *path;
	const gchar *body;
	BodyKind body_kind;
	/* first update {TEAM} once, so that revision 1 is stale */
	gboolean stale;
	guint status;
	const gchar *code;
	const gchar *field;
	const gchar *allow;
	/* the start of the error message */
	const gchar *message;
} BadRow;

#define ADMIN	     ROSTER_TEST_CALLER_ADMIN
#define NOBODY	     ROSTER_TEST_CALLER_NONE
#define VOL	     ROSTER_TEST_CALLER_VOLUNTEER
#define MANAGER	     ROSTER_TEST_CALLER_MANAGER
#define S400	     SOUP_STATUS_BAD_REQUEST
#define S401	     SOUP_STATUS_UNAUTHORIZED
#define S403	     SOUP_STATUS_FORBIDDEN
#define S404	     SOUP_STATUS_NOT_FOUND
#define S405	     SOUP_STATUS_METHOD_NOT_ALLOWED
#define S409	     SOUP_STATUS_CONFLICT
#define S422	     SOUP_STATUS_UNPROCESSABLE_ENTITY
#define VOLUNTEER_OK "\"name\":\"Chen Jie\",\"counsellor_no\":\"C-500\",\"tier\":\"counsellor\""
#define RULE_OK	     "\"seat_class_id\":1,\"weekdays\":[1],\"seats\":1"

static const BadRow bad_rows[] = {
    /* 400: the body cannot be parsed */
    {"malformed-json",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":",
     BODY_TEXT,
     FALSE,
     S400,
     "malformed"},
    {"trailing-garbage",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"X\"} x",
     BODY_TEXT,
     FALSE,
     S400,
     "malformed"},
    {"body-array",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "[{\"name\":\"X\"}]",
     BODY_TEXT,
     FALSE,
     S400,
     "malformed"},
    {"body-string",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "\"X\"",
     BODY_TEXT,
     FALSE,
     S400,
     "malformed"},
    {"body-empty", ADMIN, NULL, "POST", "/api/v1/teams", "", BODY_TEXT, FALSE, S400, "malformed"},
    {"body-missing",
     ADMIN,
     NULL,
     "PATCH",
     "/api/v1/teams/{TEAM}",
     NULL,
     BODY_TEXT,
     FALSE,
     S400,
     "malformed"},
    {"invalid-utf8",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     NULL,
     BODY_INVALID_UTF8,
     FALSE,
     S400,
     "malformed"},
    {"deep-nesting",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     NULL,
     BODY_DEEP,
     FALSE,
     S400,
     "malformed"},
    {"login-malformed",
     NOBODY,
     NULL,
     "POST",
     "/api/v1/login",
     "{",
     BODY_TEXT,
     FALSE,
     S400,
     "malformed"},

    /* 422: values that are wrong, naming the field */
    {"wrong-type-string",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":42}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "name"},
    {"wrong-type-int",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/demand-rules",
     "{\"seat_class_id\":\"one\",\"start\":\"08:00\",\"end\":\"11:00\",\"seats\":1}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "seat_class_id"},
    {"wrong-type-bool",
     ADMIN,
     NULL,
     "PATCH",
     "/api/v1/volunteers/{VID}",
     "{\"revision\":1,\"active\":\"yes\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "active"},
    {"wrong-type-array",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers",
     "{" VOLUNTEER_OK ",\"skills\":\"crisis\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "skills"},
    {"null-required",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":null}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "name"},
    {"missing-field",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers",
     "{\"name\":\"Chen Jie\",\"tier\":\"counsellor\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "counsellor_no"},
    {"unknown-field",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team Z\",\"motto\":\"x\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "motto"},
    {"read-only-field",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team Z\",\"id\":7}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "id"},
    {"over-long-string",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     NULL,
     BODY_LONG_NAME,
     FALSE,
     S422,
     "invalid-data",
     "name"},
    {"empty-string",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"  \"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "name"},
    {"invalid-tier",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers",
     "{\"name\":\"Chen Jie\",\"counsellor_no\":\"C-500\",\"tier\":\"guru\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "tier"},
    {"invalid-email",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers",
     "{" VOLUNTEER_OK ",\"email\":\"not-an-address\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "email"},
    {"invalid-time",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/demand-rules",
     "{" RULE_OK ",\"start\":\"25:00\",\"end\":\"11:00\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "start"},
    {"invalid-time-window",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers/{VID}/availability",
     "{\"kind\":\"unavailable\",\"weekday\":2,\"start\":\"19:00\",\"end\":\"19:00\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "end"},
    {"invalid-manned-window",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/calendars",
     "{\"name\":\"Line\",\"line\":\"12355\",\"manned_windows\":[{\"weekday\":8,\"start\":\"08:00\","
     "\"end\":\"20:00\"}]}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "manned_windows"},
    {"out-of-range",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/demand-rules",
     "{\"seat_class_id\":1,\"start\":\"08:00\",\"end\":\"11:00\",\"seats\":-1}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "seats"},
    {"unknown-reference",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers",
     "{" VOLUNTEER_OK ",\"team_id\":999999}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "team_id"},
    {"missing-revision",
     ADMIN,
     NULL,
     "PATCH",
     "/api/v1/teams/{TEAM}",
     "{\"name\":\"Renamed\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "revision"},
    {"revision-param-not-a-number",
     ADMIN,
     NULL,
     "DELETE",
     "/api/v1/teams/{TEAM}?revision=abc",
     NULL,
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "revision"},
    /* a bad query parameter is named as the field, not the route */
    {"report-format-param",
     MANAGER,
     NULL,
     "GET",
     "/api/v1/reports/hours?format=xml",
     NULL,
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "format",
     NULL,
     "format: must be json or csv"},
    {"report-roster-param",
     MANAGER,
     NULL,
     "GET",
     "/api/v1/reports/coverage?roster=x",
     NULL,
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "roster"},
    {"calendar-export-id-param",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/calendar-export.ics?team=0",
     NULL,
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "team",
     NULL,
     "team: must be an id"},
    {"unknown-list-param",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/volunteers?colour=red",
     NULL,
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "colour"},
    {"invalid-list-tier",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/volunteers?tier=guru",
     NULL,
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "tier"},
    {"invalid-list-limit",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/volunteers?limit=0",
     NULL,
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "limit"},
    {"login-missing-password",
     NOBODY,
     NULL,
     "POST",
     "/api/v1/login",
     "{\"username\":\"admin\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "password"},
    {"login-unknown-field",
     NOBODY,
     NULL,
     "POST",
     "/api/v1/login",
     "{\"username\":\"admin\",\"password\":\"x\",\"otp\":1}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "otp"},

    /* 422: text that is not Unicode, such as an escaped unpaired surrogate, which
     * json-glib would store as bytes that are not UTF-8 */
    {"surrogate-high",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"A\\ud800B\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "name"},
    {"surrogate-low",
     VOL,
     NULL,
     "PATCH",
     "/api/v1/volunteers/{VID}",
     "{\"revision\":1,\"note\":\"\\udc00x\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "note"},
    {"surrogate-in-array",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers",
     "{" VOLUNTEER_OK ",\"skills\":[\"crisis\",\"\\ud83dx\"]}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "skills[1]"},
    {"surrogate-member-name",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team Z\",\"\\ud800k\":\"x\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     NULL,
     NULL,
     "request body: a member name is not valid Unicode text"},
    {"surrogate-nested-member-name",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/calendars",
     "{\"name\":\"Line\",\"line\":\"12355\",\"manned_windows\":[{\"\\udbffw\":1}]}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "manned_windows[0]"},
    {"surrogate-login",
     NOBODY,
     NULL,
     "POST",
     "/api/v1/login",
     "{\"username\":\"\\ud800admin\",\"password\":\"x\"}",
     BODY_TEXT,
     FALSE,
     S422,
     "invalid-data",
     "username"},
    {"csv-import-surrogate",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers/import",
     NULL,
     BODY_CSV_SURROGATE,
     FALSE,
     S422,
     "invalid-data",
     NULL,
     NULL,
     "line 3: the file is not valid UTF-8"},

    /* 404: unknown ids and routes */
    {"unknown-id-get",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/teams/999999",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"unknown-id-update",
     ADMIN,
     NULL,
     "PATCH",
     "/api/v1/teams/999999",
     "{\"revision\":1,\"name\":\"X\"}",
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"unknown-id-delete",
     ADMIN,
     NULL,
     "DELETE",
     "/api/v1/teams/999999",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"unknown-parent",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/volunteers/999999/availability",
     "{\"kind\":\"avoid\",\"weekday\":1}",
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"id-not-a-number",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/teams/abc",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"id-zero", ADMIN, NULL, "GET", "/api/v1/teams/0", NULL, BODY_TEXT, FALSE, S404, "not-found"},
    {"id-negative",
     ADMIN,
     NULL,
     "DELETE",
     "/api/v1/teams/-1",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"id-too-big",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/teams/99999999999999999999",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"unknown-route",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/no-such-collection",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"unknown-prefix",
     ADMIN,
     NULL,
     "GET",
     "/api/v2/teams",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"route-prefix-only",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/teamsx",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    {"route-too-deep",
     ADMIN,
     NULL,
     "GET",
     "/api/v1/teams/{TEAM}/members",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},
    /* "/" leads to the volunteers' page; other paths outside the API stay unknown */
    {"outside-api",
     NOBODY,
     NULL,
     "GET",
     "/nothing-here",
     NULL,
     BODY_TEXT,
     FALSE,
     S404,
     "not-found"},

    /* 405 with Allow */
    {"put-record",
     ADMIN,
     NULL,
     "PUT",
     "/api/v1/teams/{TEAM}",
     "{\"name\":\"X\"}",
     BODY_TEXT,
     FALSE,
     S405,
     "not-supported",
     NULL,
     "GET, PATCH, DELETE"},
    {"delete-collection",
     ADMIN,
     NULL,
     "DELETE",
     "/api/v1/teams",
     NULL,
     BODY_TEXT,
     FALSE,
     S405,
     "not-supported",
     NULL,
     "GET, POST"},
    {"patch-availability-list",
     ADMIN,
     NULL,
     "PATCH",
     "/api/v1/volunteers/{VID}/availability",
     "{}",
     BODY_TEXT,
     FALSE,
     S405,
     "not-supported",
     NULL,
     "GET, POST"},
    {"get-login",
     NOBODY,
     NULL,
     "GET",
     "/api/v1/login",
     NULL,
     BODY_TEXT,
     FALSE,
     S405,
     "not-supported",
     NULL,
     "POST"},
    {"post-health",
     NOBODY,
     NULL,
     "POST",
     "/api/v1/health",
     "{}",
     BODY_TEXT,
     FALSE,
     S405,
     "not-supported",
     NULL,
     "GET"},
    {"post-audit",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/audit",
     "{}",
     BODY_TEXT,
     FALSE,
     S405,
     "not-supported",
     NULL,
     "GET"},

    /* 401 and 403 */
    {"no-token",
     NOBODY,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team Z\"}",
     BODY_TEXT,
     FALSE,
     S401,
     "auth-failed"},
    {"garbage-token",
     NOBODY,
     "Bearer not-a-token",
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team Z\"}",
     BODY_TEXT,
     FALSE,
     S401,
     "auth-failed"},
    {"empty-token",
     NOBODY,
     "Bearer ",
     "GET",
     "/api/v1/teams",
     NULL,
     BODY_TEXT,
     FALSE,
     S401,
     "auth-failed"},
    {"basic-scheme",
     NOBODY,
     "Basic YWRtaW46YWRtaW4=",
     "GET",
     "/api/v1/teams",
     NULL,
     BODY_TEXT,
     FALSE,
     S401,
     "auth-failed"},
    /* a wrong password is not here: it is refused with 401 but writes an audit row
     * (roster-http-auth-test.c checks both) */
    {"manager-writes",
     MANAGER,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team Z\"}",
     BODY_TEXT,
     FALSE,
     S403,
     "permission-denied"},
    {"volunteer-changes-tier",
     VOL,
     NULL,
     "PATCH",
     "/api/v1/volunteers/{VID}",
     "{\"revision\":1,\"tier\":\"expert\"}",
     BODY_TEXT,
     FALSE,
     S403,
     "permission-denied"},

    /* 409 */
    {"stale-revision-update",
     ADMIN,
     NULL,
     "PATCH",
     "/api/v1/teams/{TEAM}",
     "{\"revision\":1,\"name\":\"Renamed again\"}",
     BODY_TEXT,
     TRUE,
     S409,
     "conflict"},
    {"stale-revision-delete",
     ADMIN,
     NULL,
     "DELETE",
     "/api/v1/teams/{TEAM}?revision=1",
     NULL,
     BODY_TEXT,
     TRUE,
     S409,
     "conflict"},
    {"duplicate-unique",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team A\"}",
     BODY_TEXT,
     FALSE,
     S409,
     "already-exists"},

};

static gchar *
expand(RosterTestFixture *fixture, const gchar *template)
{
	GString *text = g_string_new(template);
	g_autofree gchar *team = g_strdup_printf("%" G_GINT64_FORMAT, fixture->team_id);
	g_autofree gchar *volunteer = g_strdup_printf("%" G_GINT64_FORMAT, fixture->volunteer_id);

	g_string_replace(text, "{TEAM}", team, 0);
	g_string_replace(text, "{VID}", volunteer, 0);
	return g_string_free(text, FALSE);
}

static GBytes *
make_body(const BadRow *row, const gchar *text)
{
	switch (row->body_kind) {
	case BODY_TEXT:
		return text != NULL ? g_bytes_new(text, strlen(text)) : NULL;
	case BODY_INVALID_UTF8:
		return g_bytes_new_static("{\"name\":\"\xff\xfe\"}", 14);
	case BODY_DEEP: {
		GString *deep = g_string_new("{\"name\":");
		for (guint i = 0; i < 1000; i++)
			g_string_append_c(deep, '[');
		for (guint i = 0; i < 1000; i++)
			g_string_append_c(deep, ']');
		g_string_append_c(deep, '}');
		return g_string_free_to_bytes(deep);
	}
	case BODY_CSV_SURROGATE:
		return g_bytes_new_static("counsellor_no,name,tier\nA1,ok,counsellor\n"
					  "A2,\xed\xa0\x80,counsellor\n",
					  59);
	case BODY_LONG_NAME: {
		GString *name = g_string_new("{\"name\":\"");
		/* 101 characters of three bytes each: the limit counts characters */
		for (guint i = 0; i < 101; i++)
			g_string_append(name, "队");
		g_string_append(name, "\"}");
		return g_string_free_to_bytes(name);
	}
	default:
		g_assert_not_reached();
	}
}

static RosterTestResponse *
send_row(RosterTestFixture *fixture, const BadRow *row)
{
	g_autofree gchar *path = expand(fixture, row->path);
	g_autofree gchar *text = row->body != NULL ? expand(fixture, row->body) : NULL;
	g_autofree gchar *uri = g_strconcat(fixture->root_uri, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new(row->method, uri);
	g_autoptr(GBytes) body = make_body(row, text);
	SoupMessageHeaders *headers;
	const gchar *token = roster_test_fixture_get_token(fixture, row->caller);

	g_assert_nonnull(msg);
	headers = soup_message_get_request_headers(msg);
	if (row->authorization != NULL) {
		soup_message_headers_replace(headers, "Authorization", row->authorization);
	} else if (token != NULL) {
		g_autofree gchar *value = g_strdup_printf("Bearer %s", token);
		soup_message_headers_replace(headers, "Authorization", value);
	}
	if (body != NULL) {
		soup_message_set_request_body_from_bytes(msg, "application/json", body);
	}
	return roster_test_send(fixture->session, msg);
}

static void
make_team_stale(RosterTestFixture *fixture)
{
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/teams/%" G_GINT64_FORMAT, fixture->team_id);
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture,
				   ROSTER_TEST_CALLER_ADMIN,
				   "PATCH",
				   path,
				   "{\"revision\":1,\"note\":\"changed once\"}");

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_assert_cmpint(roster_test_response_get_int(response, ROSTER_KEY_REVISION), ==, 2);
}

static void
test_bad_input(RosterTestFixture *fixture, gconstpointer user_data)
{
	const BadRow *row = user_data;
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;

	if (row->stale)
		make_team_stale(fixture);
	before = roster_test_fixture_dup_snapshot(fixture);
	response = send_row(fixture, row);
	if (response->status != row->status) {
		g_autofree gchar *text = g_strndup(g_bytes_get_data(response->body, NULL),
						   MIN(g_bytes_get_size(response->body), 500));
		g_test_message("%s %s: %u %s", row->method, row->path, response->status, text);
	}
	g_assert_cmpuint(response->status, ==, row->status);
	g_assert_cmpstr(roster_test_response_get_header(response, "Content-Type"),
			==,
			"application/json");
	g_assert_cmpstr(roster_test_response_get_error_code(response), ==, row->code);
	if (row->field != NULL)
		g_assert_cmpstr(roster_test_response_get_error_field(response), ==, row->field);
	if (row->allow != NULL)
		g_assert_cmpstr(roster_test_response_get_header(response, "Allow"), ==, row->allow);
	if (row->message != NULL) {
		JsonObject *error =
		    json_object_get_object_member(roster_test_response_get_object(response),
						  ROSTER_KEY_ERROR);
		g_assert_true(
		    g_str_has_prefix(json_object_get_string_member(error, ROSTER_KEY_MESSAGE),
				     row->message));
	}
	if (row->status == S401)
		g_assert_nonnull(roster_test_response_get_header(response, "WWW-Authenticate"));

	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	for (guint i = 0; i < G_N_ELEMENTS(bad_rows); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/http/bad-input/%s", bad_rows[i].name);
		g_test_add(path,
			   RosterTestFixture,
			   &bad_rows[i],
			   roster_test_fixture_setup,
			   test_bad_input,
			   roster_test_fixture_teardown);
	}
	return g_test_run();
}
