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
	/* 2 MiB with a Content-Length */
	BODY_OVERSIZED,
	/* 2 MiB sent chunked, without a Content-Length */
	BODY_OVERSIZED_CHUNKED,
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
#define S413	     SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
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
    {"root", NOBODY, NULL, "GET", "/", NULL, BODY_TEXT, FALSE, S404, "not-found"},

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

    /* 413, before the body is read */
    {"oversized-body",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     NULL,
     BODY_OVERSIZED,
     FALSE,
     S413,
     "too-large"},
    {"oversized-body-chunked",
     ADMIN,
     NULL,
     "POST",
     "/api/v1/teams",
     NULL,
     BODY_OVERSIZED_CHUNKED,
     FALSE,
     S413,
     "too-large"},
    {"oversized-body-unknown-route",
     NOBODY,
     NULL,
     "POST",
     "/api/v1/nothing",
     NULL,
     BODY_OVERSIZED,
     FALSE,
     S413,
     "too-large"},
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
make_oversized_body(void)
{
	gsize size = 2 * ROSTER_HTTP_MAX_BODY_SIZE;
	gchar *data = g_malloc(size);

	/* valid JSON, so only the size is wrong */
	memset(data, ' ', size);
	memcpy(data, "{\"name\":\"big\"}", 14);
	return g_bytes_new_take(data, size);
}

static GBytes *
make_body(const BadRow *row, const gchar *text)
{
	switch (row->body_kind) {
	case BODY_TEXT:
		return text != NULL ? g_bytes_new(text, strlen(text)) : NULL;
	case BODY_INVALID_UTF8:
		return g_bytes_new_static("{\"name\":\"\xff\xfe\"}", 14);
	case BODY_OVERSIZED:
	case BODY_OVERSIZED_CHUNKED:
		return make_oversized_body();
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
	if (row->body_kind == BODY_OVERSIZED_CHUNKED) {
		g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes(body);
		soup_message_set_request_body(msg, "application/json", stream, -1);
	} else if (body != NULL) {
		soup_message_set_request_body_from_bytes(msg, "application/json", body);
	}
	return roster_test_send(fixture->session, msg);
}

static void
count_body_data_cb(SoupMessage *msg, guint chunk_size, gpointer user_data)
{
	guint *wrote_body = user_data;

	*wrote_body += chunk_size;
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

/* text that a spreadsheet would run as a formula is good input: it is stored as it
 * came, and the hours report the daemon serves as CSV writes it with a quote in front */
static void
test_formula_in_csv_report(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *volunteer =
	    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT, fixture->volunteer_id);
	g_autofree gchar *training = g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT
						     ",\"kind\":\"pre-job\",\"hours\":2,\"date\":"
						     "\"2026-03-02\",\"verified_by\":\"Dr Zhou\"}",
						     fixture->volunteer_id);
	g_autoptr(RosterTestResponse) renamed = NULL;
	g_autoptr(RosterTestResponse) report = NULL;
	g_autofree gchar *csv = NULL;

	renamed = roster_test_request_as(
	    fixture,
	    ADMIN,
	    "PATCH",
	    volunteer,
	    "{\"revision\":1,\"name\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"}");
	g_assert_cmpuint(renamed->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(renamed, ROSTER_KEY_NAME),
			==,
			"=HYPERLINK(\"http://x\",\"y\")");
	roster_test_create(fixture, "/api/v1/training", training);
	report = roster_test_request_as(
	    fixture,
	    MANAGER,
	    "GET",
	    "/api/v1/reports/hours?format=csv&period=month&from=2026-03-01&to=2026-03-31",
	    NULL);
	g_assert_cmpuint(report->status, ==, SOUP_STATUS_OK);
	csv = g_strndup(g_bytes_get_data(report->body, NULL), g_bytes_get_size(report->body));
	g_test_message("%s", csv);
	g_assert_nonnull(
	    strstr(csv, ",C-001,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0.00,2.00,"));
}

/* the limit is inclusive: a body of exactly 1 MiB is read and handled */
static void
test_body_at_limit(RosterTestFixture *fixture, gconstpointer user_data)
{
	gsize size = ROSTER_HTTP_MAX_BODY_SIZE;
	gchar *data = g_malloc(size);
	g_autoptr(GBytes) body = NULL;
	g_autoptr(RosterTestResponse) response = NULL;

	memset(data, ' ', size);
	memcpy(data, "{\"name\":\"Edge\"", 14);
	data[size - 1] = '}';
	body = g_bytes_new_take(data, size);
	response = roster_test_request_bytes(fixture,
					     "POST",
					     "/api/v1/teams",
					     roster_test_fixture_get_token(fixture, ADMIN),
					     body);
	if (response->status != SOUP_STATUS_CREATED)
		g_test_message("%.*s",
			       (int)MIN(g_bytes_get_size(response->body), 300),
			       (const gchar *)g_bytes_get_data(response->body, NULL));
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_CREATED);
	g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_NAME), ==, "Edge");
}

/* a client that waits for 100 Continue gets the 413 and never sends the body */
static void
test_oversized_expect_continue(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *uri = g_strconcat(fixture->root_uri, "/api/v1/teams", NULL);
	g_autoptr(SoupMessage) msg = soup_message_new("POST", uri);
	g_autoptr(GBytes) body = make_oversized_body();
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *value =
	    g_strdup_printf("Bearer %s", roster_test_fixture_get_token(fixture, ADMIN));
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(fixture);
	g_autofree gchar *after = NULL;
	SoupMessageHeaders *headers = soup_message_get_request_headers(msg);
	guint wrote_body = 0;

	soup_message_headers_replace(headers, "Authorization", value);
	soup_message_headers_set_expectations(headers, SOUP_EXPECTATION_CONTINUE);
	soup_message_set_request_body_from_bytes(msg, "application/json", body);
	g_signal_connect(msg, "wrote-body-data", G_CALLBACK(count_body_data_cb), &wrote_body);
	response = roster_test_send(fixture->session, msg);
	g_assert_cmpuint(response->status, ==, S413);
	g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "too-large");
	g_assert_cmpuint(wrote_body, ==, 0);
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

/* after a refused body the server still answers on a new connection */
static void
test_after_oversized(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GBytes) body = make_oversized_body();
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) health = NULL;

	refused = roster_test_request_bytes(fixture, "POST", "/api/v1/teams", NULL, body);
	g_assert_cmpuint(refused->status, ==, S413);
	g_assert_cmpstr(roster_test_response_get_header(refused, "Connection"), ==, "close");
	health = roster_test_request(fixture, "GET", "/api/v1/health", NULL, NULL);
	g_assert_cmpuint(health->status, ==, SOUP_STATUS_OK);
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
	g_test_add("/roster/http/bad-input/formula-in-csv-report",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_formula_in_csv_report,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/bad-input/body-at-limit",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_body_at_limit,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/bad-input/oversized-body-expect-continue",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_oversized_expect_continue,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/bad-input/after-oversized",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_after_oversized,
		   roster_test_fixture_teardown);
	return g_test_run();
}
