/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/*
 * The authorisation matrix: each caller (nobody, each role, a second volunteer)
 * against each route, one test path per cell, asserting the status and that phone
 * and e-mail are absent wherever the caller may not see them. Placeholders in
 * paths and bodies: {VID} the caller-volunteer's record, {OVID} the other
 * volunteer's, {ID} and {REV} a record made for the test in the row's seed
 * collection, {SEAT} a seat class.
 */

typedef struct {
	const gchar *name;
	const gchar *method;
	const gchar *path;
	const gchar *body;
	/* the collection path and body of a record to make first, for {ID} and {REV} */
	const gchar *seed_path;
	const gchar *seed_body;
	/* by caller: nobody, admin, coordinator, manager, volunteer, other volunteer */
	guint expected[ROSTER_TEST_CALLER_LAST];
} MatrixRow;

#define R401 SOUP_STATUS_UNAUTHORIZED
#define R403 SOUP_STATUS_FORBIDDEN

/* admin and coordinator write, manager reads, volunteers neither */
#define STAFF_READ                                                                                 \
	{                                                                                          \
		R401, 200, 200, 200, R403, R403                                                    \
	}
#define STAFF_WRITE(ok)                                                                            \
	{                                                                                          \
		R401, ok, ok, R403, R403, R403                                                     \
	}
#define ADMIN_ONLY(ok)                                                                             \
	{                                                                                          \
		R401, ok, R403, R403, R403, R403                                                   \
	}

#define SEED_CALENDAR "{\"name\":\"Seed line\",\"line\":\"12356\"}"
#define SEED_SEAT                                                                                  \
	"{\"code\":\"seed\",\"name\":\"Seed\",\"mode\":\"cloud\",\"min_tier\":\"trainee\"}"
#define SEED_RULE                                                                                  \
	"{\"seat_class_id\":{SEAT},\"weekdays\":[6,7],\"start\":\"08:00\",\"end\":\"11:00\","      \
	"\"seats\":1}"
#define SEED_TEAM "{\"name\":\"Seed team\"}"
#define SEED_VOLUNTEER                                                                             \
	"{\"name\":\"Seed Person\",\"counsellor_no\":\"S-001\",\"tier\":\"trainee\","              \
	"\"phone\":\"+86 135 0000 0000\",\"email\":\"seed@example.org\"}"
#define SEED_ACCOUNT "{\"username\":\"seed\",\"password\":\"seed-password\",\"role\":\"manager\"}"
#define SEED_AVAIL   "{\"kind\":\"preferred\",\"weekday\":3}"
#define AVAIL_PATH   "/api/v1/volunteers/{VID}/availability"
#define PATCH_NAME   "{\"revision\":{REV},\"name\":\"Renamed\"}"

static const MatrixRow matrix_rows[] = {
    {"health", "GET", "/api/v1/health", NULL, NULL, NULL, {200, 200, 200, 200, 200, 200}},
    {"me", "GET", "/api/v1/me", NULL, NULL, NULL, {R401, 200, 200, 200, 200, 200}},
    {"logout", "POST", "/api/v1/logout", NULL, NULL, NULL, {R401, 204, 204, 204, 204, 204}},
    {"audit/list", "GET", "/api/v1/audit", NULL, NULL, NULL, {R401, 200, R403, 200, R403, R403}},

    {"calendars/list", "GET", "/api/v1/calendars", NULL, NULL, NULL, STAFF_READ},
    {"calendars/create",
     "POST",
     "/api/v1/calendars",
     "{\"name\":\"New line\",\"line\":\"12355\"}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"calendars/get",
     "GET",
     "/api/v1/calendars/{ID}",
     NULL,
     "/api/v1/calendars",
     SEED_CALENDAR,
     STAFF_READ},
    {"calendars/update",
     "PATCH",
     "/api/v1/calendars/{ID}",
     PATCH_NAME,
     "/api/v1/calendars",
     SEED_CALENDAR,
     STAFF_WRITE(200)},
    {"calendars/delete",
     "DELETE",
     "/api/v1/calendars/{ID}",
     NULL,
     "/api/v1/calendars",
     SEED_CALENDAR,
     STAFF_WRITE(204)},

    {"seat-classes/list", "GET", "/api/v1/seat-classes", NULL, NULL, NULL, STAFF_READ},
    {"seat-classes/create",
     "POST",
     "/api/v1/seat-classes",
     "{\"code\":\"legal\",\"name\":\"Legal aid\",\"mode\":\"on-site\",\"min_tier\":\"senior\"}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"seat-classes/get",
     "GET",
     "/api/v1/seat-classes/{ID}",
     NULL,
     "/api/v1/seat-classes",
     SEED_SEAT,
     STAFF_READ},
    {"seat-classes/update",
     "PATCH",
     "/api/v1/seat-classes/{ID}",
     PATCH_NAME,
     "/api/v1/seat-classes",
     SEED_SEAT,
     STAFF_WRITE(200)},
    {"seat-classes/delete",
     "DELETE",
     "/api/v1/seat-classes/{ID}",
     NULL,
     "/api/v1/seat-classes",
     SEED_SEAT,
     STAFF_WRITE(204)},

    {"demand-rules/list", "GET", "/api/v1/demand-rules", NULL, NULL, NULL, STAFF_READ},
    {"demand-rules/create",
     "POST",
     "/api/v1/demand-rules",
     "{\"seat_class_id\":{SEAT},\"weekdays\":[1],\"start\":\"19:00\",\"end\":\"22:00\","
     "\"seats\":2}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"demand-rules/get",
     "GET",
     "/api/v1/demand-rules/{ID}",
     NULL,
     "/api/v1/demand-rules",
     SEED_RULE,
     STAFF_READ},
    {"demand-rules/update",
     "PATCH",
     "/api/v1/demand-rules/{ID}",
     "{\"revision\":{REV},\"seats\":4}",
     "/api/v1/demand-rules",
     SEED_RULE,
     STAFF_WRITE(200)},
    {"demand-rules/delete",
     "DELETE",
     "/api/v1/demand-rules/{ID}",
     NULL,
     "/api/v1/demand-rules",
     SEED_RULE,
     STAFF_WRITE(204)},

    {"teams/list", "GET", "/api/v1/teams", NULL, NULL, NULL, STAFF_READ},
    {"teams/create",
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team C\"}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"teams/get", "GET", "/api/v1/teams/{ID}", NULL, "/api/v1/teams", SEED_TEAM, STAFF_READ},
    {"teams/update",
     "PATCH",
     "/api/v1/teams/{ID}",
     PATCH_NAME,
     "/api/v1/teams",
     SEED_TEAM,
     STAFF_WRITE(200)},
    {"teams/delete",
     "DELETE",
     "/api/v1/teams/{ID}",
     NULL,
     "/api/v1/teams",
     SEED_TEAM,
     STAFF_WRITE(204)},

    /* a volunteer lists only itself */
    {"volunteers/list",
     "GET",
     "/api/v1/volunteers",
     NULL,
     NULL,
     NULL,
     {R401, 200, 200, 200, 200, 200}},
    {"volunteers/create",
     "POST",
     "/api/v1/volunteers",
     "{\"name\":\"Sun Li\",\"counsellor_no\":\"C-300\",\"tier\":\"trainee\"}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"volunteers/get-own",
     "GET",
     "/api/v1/volunteers/{VID}",
     NULL,
     NULL,
     NULL,
     {R401, 200, 200, 200, 200, R403}},
    {"volunteers/get-other",
     "GET",
     "/api/v1/volunteers/{OVID}",
     NULL,
     NULL,
     NULL,
     {R401, 200, 200, 200, R403, 200}},
    {"volunteers/update-own",
     "PATCH",
     "/api/v1/volunteers/{VID}",
     "{\"revision\":{VREV},\"phone\":\"+86 137 0000 0009\"}",
     NULL,
     NULL,
     {R401, 200, 200, R403, 200, R403}},
    {"volunteers/delete",
     "DELETE",
     "/api/v1/volunteers/{ID}",
     NULL,
     "/api/v1/volunteers",
     SEED_VOLUNTEER,
     STAFF_WRITE(204)},

    {"accounts/list", "GET", "/api/v1/accounts", NULL, NULL, NULL, ADMIN_ONLY(200)},
    {"accounts/create",
     "POST",
     "/api/v1/accounts",
     "{\"username\":\"newcomer\",\"password\":\"newcomer-password\",\"role\":\"coordinator\"}",
     NULL,
     NULL,
     ADMIN_ONLY(201)},
    {"accounts/get",
     "GET",
     "/api/v1/accounts/{ID}",
     NULL,
     "/api/v1/accounts",
     SEED_ACCOUNT,
     ADMIN_ONLY(200)},
    {"accounts/update",
     "PATCH",
     "/api/v1/accounts/{ID}",
     "{\"revision\":{REV},\"active\":false}",
     "/api/v1/accounts",
     SEED_ACCOUNT,
     ADMIN_ONLY(200)},
    {"accounts/delete",
     "DELETE",
     "/api/v1/accounts/{ID}",
     NULL,
     "/api/v1/accounts",
     SEED_ACCOUNT,
     ADMIN_ONLY(204)},

    /* a volunteer manages its own availability only */
    {"availability/list", "GET", AVAIL_PATH, NULL, NULL, NULL, {R401, 200, 200, 200, 200, R403}},
    {"availability/create",
     "POST",
     AVAIL_PATH,
     "{\"kind\":\"unavailable\",\"date\":\"2026-12-24\"}",
     NULL,
     NULL,
     {R401, 201, 201, R403, 201, R403}},
    {"availability/get",
     "GET",
     AVAIL_PATH "/{ID}",
     NULL,
     AVAIL_PATH,
     SEED_AVAIL,
     {R401, 200, 200, 200, 200, R403}},
    {"availability/update",
     "PATCH",
     AVAIL_PATH "/{ID}",
     "{\"revision\":{REV},\"kind\":\"avoid\"}",
     AVAIL_PATH,
     SEED_AVAIL,
     {R401, 200, 200, R403, 200, R403}},
    {"availability/delete",
     "DELETE",
     AVAIL_PATH "/{ID}",
     NULL,
     AVAIL_PATH,
     SEED_AVAIL,
     {R401, 204, 204, R403, 204, R403}},
};

typedef struct {
	const MatrixRow *row;
	RosterTestCaller caller;
} MatrixCase;

static MatrixCase matrix_cases[G_N_ELEMENTS(matrix_rows) * ROSTER_TEST_CALLER_LAST];

static void
replace_int(GString *text, const gchar *placeholder, gint64 value)
{
	g_autofree gchar *number = g_strdup_printf("%" G_GINT64_FORMAT, value);
	g_string_replace(text, placeholder, number, 0);
}

static gint64
get_revision(RosterTestFixture *fixture, const gchar *path)
{
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	return roster_test_response_get_int(response, ROSTER_KEY_REVISION);
}

/* fills the placeholders, making the records they name */
static gchar *
expand(RosterTestFixture *fixture, const gchar *template, gint64 id, gint64 revision)
{
	GString *text;

	if (template == NULL)
		return NULL;
	text = g_string_new(template);
	replace_int(text, "{OVID}", fixture->other_volunteer_id);
	replace_int(text, "{VID}", fixture->volunteer_id);
	if (strstr(text->str, "{VREV}") != NULL) {
		g_autofree gchar *path =
		    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT, fixture->volunteer_id);
		replace_int(text, "{VREV}", get_revision(fixture, path));
	}
	if (strstr(text->str, "{SEAT}") != NULL) {
		gint64 seat =
		    roster_test_create(fixture,
				       "/api/v1/seat-classes",
				       "{\"code\":\"seat-for-rule\",\"name\":\"Rule seat\","
				       "\"mode\":\"on-site\",\"min_tier\":\"counsellor\"}");
		replace_int(text, "{SEAT}", seat);
	}
	replace_int(text, "{ID}", id);
	replace_int(text, "{REV}", revision);
	return g_string_free(text, FALSE);
}

/* phone and e-mail must be present exactly when the caller may see them */
static void
check_personal(RosterTestFixture *fixture, RosterTestCaller caller, JsonObject *record)
{
	gint64 id = json_object_get_int_member(record, ROSTER_KEY_ID);
	gboolean trusted =
	    caller == ROSTER_TEST_CALLER_ADMIN || caller == ROSTER_TEST_CALLER_COORDINATOR ||
	    (caller == ROSTER_TEST_CALLER_VOLUNTEER && id == fixture->volunteer_id) ||
	    (caller == ROSTER_TEST_CALLER_OTHER_VOLUNTEER && id == fixture->other_volunteer_id);

	g_assert_cmpint(json_object_has_member(record, ROSTER_KEY_PHONE), ==, trusted);
	g_assert_cmpint(json_object_has_member(record, ROSTER_KEY_EMAIL), ==, trusted);
}

static void
check_volunteers(RosterTestFixture *fixture, RosterTestCaller caller, RosterTestResponse *response)
{
	JsonObject *object = roster_test_response_get_object(response);
	JsonArray *items;

	if (!json_object_has_member(object, ROSTER_KEY_ITEMS)) {
		check_personal(fixture, caller, object);
		return;
	}
	items = json_object_get_array_member(object, ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		check_personal(fixture, caller, item);
		/* a volunteer sees no one else */
		if (caller == ROSTER_TEST_CALLER_VOLUNTEER)
			g_assert_cmpint(json_object_get_int_member(item, ROSTER_KEY_ID),
					==,
					fixture->volunteer_id);
	}
	if (caller == ROSTER_TEST_CALLER_VOLUNTEER)
		g_assert_cmpuint(json_array_get_length(items), ==, 1);
}

static void
test_matrix(RosterTestFixture *fixture, gconstpointer user_data)
{
	const MatrixCase *test_case = user_data;
	const MatrixRow *row = test_case->row;
	guint expected = row->expected[test_case->caller];
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;
	gint64 id = 0;
	gint64 revision = 0;

	if (row->seed_path != NULL) {
		g_autofree gchar *seed_path = expand(fixture, row->seed_path, 0, 0);
		g_autofree gchar *seed_body = expand(fixture, row->seed_body, 0, 0);
		g_autoptr(RosterTestResponse) seed =
		    roster_test_request_as(fixture,
					   ROSTER_TEST_CALLER_ADMIN,
					   "POST",
					   seed_path,
					   seed_body);
		g_assert_cmpuint(seed->status, ==, SOUP_STATUS_CREATED);
		id = roster_test_response_get_int(seed, ROSTER_KEY_ID);
		revision = roster_test_response_get_int(seed, ROSTER_KEY_REVISION);
	}
	path = expand(fixture, row->path, id, revision);
	body = expand(fixture, row->body, id, revision);
	response = roster_test_request_as(fixture, test_case->caller, row->method, path, body);
	if (response->status != expected) {
		g_autofree gchar *text = g_strndup(g_bytes_get_data(response->body, NULL),
						   g_bytes_get_size(response->body));
		g_test_message("%s %s as %s: %s",
			       row->method,
			       path,
			       roster_test_caller_to_string(test_case->caller),
			       text);
	}
	g_assert_cmpuint(response->status, ==, expected);

	if (expected == R401) {
		g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "auth-failed");
		g_assert_nonnull(roster_test_response_get_header(response, "WWW-Authenticate"));
	} else if (expected == R403) {
		g_assert_cmpstr(roster_test_response_get_error_code(response),
				==,
				"permission-denied");
	}
	if (expected == SOUP_STATUS_OK && g_str_has_prefix(path, "/api/v1/volunteers") &&
	    strstr(path, "availability") == NULL)
		check_volunteers(fixture, test_case->caller, response);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	for (guint i = 0; i < G_N_ELEMENTS(matrix_rows); i++) {
		for (guint caller = 0; caller < ROSTER_TEST_CALLER_LAST; caller++) {
			MatrixCase *test_case = &matrix_cases[i * ROSTER_TEST_CALLER_LAST + caller];
			g_autofree gchar *path =
			    g_strdup_printf("/roster/http/auth/%s/%s",
					    matrix_rows[i].name,
					    roster_test_caller_to_string(caller));
			test_case->row = &matrix_rows[i];
			test_case->caller = (RosterTestCaller)caller;
			g_test_add(path,
				   RosterTestFixture,
				   test_case,
				   roster_test_fixture_setup,
				   test_matrix,
				   roster_test_fixture_teardown);
		}
	}
	return g_test_run();
}
