/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/* the happy path of every route against a real server on loopback */

typedef struct {
	const gchar *name;
	/* the collection's path; {VID} is the fixture's volunteer */
	const gchar *path;
	/* {SEAT} is a seat class made for the test */
	const gchar *create;
	const gchar *update_member;
	const gchar *update_value;
} CollectionRow;

static const CollectionRow collection_rows[] = {
    {"seat-classes",
     "/api/v1/seat-classes",
     "{\"code\":\"counsel-onsite\",\"name\":\"Counselling on-site\",\"mode\":\"on-site\","
     "\"min_tier\":\"counsellor\",\"skills\":[\"counselling\"]}",
     "name",
     "\"Counselling\""},
    {"demand-rules",
     "/api/v1/demand-rules",
     "{\"seat_class_id\":{SEAT},\"weekdays\":[1,2,3],\"start\":\"19:00\",\"end\":\"22:00\","
     "\"seats\":2}",
     "seats",
     "3"},
    {"teams", "/api/v1/teams", "{\"name\":\"Team B\"}", "note", "\"evening rotation\""},
    {"volunteers",
     "/api/v1/volunteers",
     "{\"name\":\"Zhao Lei\",\"counsellor_no\":\"C-100\",\"tier\":\"trainee\","
     "\"phone\":\"+86 139 0000 0100\"}",
     "tier",
     "\"counsellor\""},
    {"accounts",
     "/api/v1/accounts",
     "{\"username\":\"coord2\",\"password\":\"secret-password\",\"role\":\"coordinator\"}",
     "active",
     "false"},
    {"availability",
     "/api/v1/volunteers/{VID}/availability",
     "{\"kind\":\"unavailable\",\"date\":\"2026-12-01\",\"note\":\"exam\"}",
     "kind",
     "\"avoid\""},
};

typedef enum { OP_CREATE, OP_GET, OP_LIST, OP_UPDATE, OP_DELETE, OP_LAST } Op;

static const gchar *const op_names[OP_LAST] = {"create", "get", "list", "update", "delete"};

typedef struct {
	const CollectionRow *row;
	Op op;
} CollectionCase;

static CollectionCase collection_cases[G_N_ELEMENTS(collection_rows) * OP_LAST];

static gchar *
expand(RosterTestFixture *fixture, const gchar *template)
{
	GString *text = g_string_new(template);
	g_autofree gchar *vid = g_strdup_printf("%" G_GINT64_FORMAT, fixture->volunteer_id);

	g_string_replace(text, "{VID}", vid, 0);
	if (strstr(text->str, "{SEAT}") != NULL) {
		gint64 seat = roster_test_create(
		    fixture,
		    "/api/v1/seat-classes",
		    "{\"code\":\"crisis\",\"name\":\"Crisis\",\"mode\":\"cloud\","
		    "\"min_tier\":\"expert\",\"crisis\":true}");
		g_autofree gchar *seat_text = g_strdup_printf("%" G_GINT64_FORMAT, seat);
		g_string_replace(text, "{SEAT}", seat_text, 0);
	}
	return g_string_free(text, FALSE);
}

static gboolean
list_has_id(RosterTestResponse *response, gint64 id)
{
	JsonArray *items = json_object_get_array_member(roster_test_response_get_object(response),
							ROSTER_KEY_ITEMS);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (json_object_get_int_member(item, ROSTER_KEY_ID) == id)
			return TRUE;
	}
	return FALSE;
}

static void
test_collection(RosterTestFixture *fixture, gconstpointer user_data)
{
	const CollectionCase *test_case = user_data;
	const CollectionRow *row = test_case->row;
	g_autofree gchar *path = expand(fixture, row->path);
	g_autofree gchar *body = expand(fixture, row->create);
	g_autoptr(RosterTestResponse) created = NULL;
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *record_path = NULL;
	g_autofree gchar *location = NULL;
	gint64 id;
	gint64 revision;

	created = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "POST", path, body);
	g_assert_cmpuint(created->status, ==, SOUP_STATUS_CREATED);
	id = roster_test_response_get_int(created, ROSTER_KEY_ID);
	revision = roster_test_response_get_int(created, ROSTER_KEY_REVISION);
	g_assert_cmpint(id, >, 0);
	record_path = g_strdup_printf("%s/%" G_GINT64_FORMAT, path, id);

	switch (test_case->op) {
	case OP_CREATE:
		g_assert_cmpstr(roster_test_response_get_header(created, "Location"),
				==,
				record_path);
		g_assert_cmpstr(roster_test_response_get_header(created, "Content-Type"),
				==,
				"application/json");
		g_assert_nonnull(json_object_get_member(roster_test_response_get_object(created),
							ROSTER_KEY_CREATED));
		/* write-only members never come back */
		g_assert_false(json_object_has_member(roster_test_response_get_object(created),
						      ROSTER_KEY_PASSWORD));
		break;
	case OP_GET:
		response = roster_test_request_as(fixture,
						  ROSTER_TEST_CALLER_ADMIN,
						  "GET",
						  record_path,
						  NULL);
		g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
		g_assert_true(json_node_equal(response->json, created->json));
		break;
	case OP_LIST:
		response =
		    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
		g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
		g_assert_true(list_has_id(response, id));
		g_assert_cmpint(roster_test_response_get_int(response, ROSTER_KEY_TOTAL), >=, 1);
		break;
	case OP_UPDATE: {
		g_autofree gchar *patch =
		    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"%s\":%s}",
				    revision,
				    row->update_member,
				    row->update_value);
		g_autoptr(JsonNode) expected = json_from_string(row->update_value, NULL);
		g_autoptr(RosterTestResponse) again = NULL;

		response = roster_test_request_as(fixture,
						  ROSTER_TEST_CALLER_ADMIN,
						  "PATCH",
						  record_path,
						  patch);
		g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
		g_assert_cmpint(roster_test_response_get_int(response, ROSTER_KEY_REVISION),
				>,
				revision);
		g_assert_true(json_node_equal(
		    json_object_get_member(roster_test_response_get_object(response),
					   row->update_member),
		    expected));
		again = roster_test_request_as(fixture,
					       ROSTER_TEST_CALLER_ADMIN,
					       "GET",
					       record_path,
					       NULL);
		g_assert_true(json_node_equal(again->json, response->json));
		break;
	}
	case OP_DELETE: {
		g_autofree gchar *delete_path =
		    g_strdup_printf("%s?revision=%" G_GINT64_FORMAT, record_path, revision);
		g_autoptr(RosterTestResponse) gone = NULL;

		response = roster_test_request_as(fixture,
						  ROSTER_TEST_CALLER_ADMIN,
						  "DELETE",
						  delete_path,
						  NULL);
		g_assert_cmpuint(response->status, ==, SOUP_STATUS_NO_CONTENT);
		g_assert_cmpuint(g_bytes_get_size(response->body), ==, 0);
		gone = roster_test_request_as(fixture,
					      ROSTER_TEST_CALLER_ADMIN,
					      "GET",
					      record_path,
					      NULL);
		g_assert_cmpuint(gone->status, ==, SOUP_STATUS_NOT_FOUND);
		g_assert_cmpstr(roster_test_response_get_error_code(gone), ==, "not-found");
		break;
	}
	case OP_LAST:
	default:
		g_assert_not_reached();
	}
}

static void
test_health(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response =
	    roster_test_request(fixture, "GET", "/api/v1/health", NULL, NULL);

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(response, "status"), ==, "ok");
	g_assert_cmpstr(roster_test_response_get_string(response, "version"), ==, PACKAGE_VERSION);
	g_assert_cmpstr(roster_test_response_get_header(response, "Content-Type"),
			==,
			"application/json");
	g_assert_cmpstr(roster_test_response_get_header(response, "Cache-Control"), ==, "no-store");
	g_assert_cmpstr(roster_test_response_get_header(response, "X-Content-Type-Options"),
			==,
			"nosniff");
}

static void
test_login(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(RosterTestResponse) me = NULL;
	const gchar *token;

	response = roster_test_request(fixture,
				       "POST",
				       "/api/v1/login",
				       NULL,
				       "{\"username\":\"" ROSTER_TEST_MANAGER_USER
				       "\",\"password\":\"" ROSTER_TEST_ACCOUNT_PASSWORD "\"}");
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	token = roster_test_response_get_string(response, ROSTER_KEY_TOKEN);
	g_assert_nonnull(token);
	g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_ROLE), ==, "manager");
	g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_USERNAME),
			==,
			ROSTER_TEST_MANAGER_USER);
	g_assert_nonnull(roster_test_response_get_string(response, ROSTER_KEY_EXPIRES_AT));

	me = roster_test_request(fixture, "GET", "/api/v1/me", token, NULL);
	g_assert_cmpuint(me->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(me, ROSTER_KEY_USERNAME),
			==,
			ROSTER_TEST_MANAGER_USER);
}

static void
test_login_wrong_password(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;

	response =
	    roster_test_request(fixture,
				"POST",
				"/api/v1/login",
				NULL,
				"{\"username\":\"admin\",\"password\":\"not the password\"}");
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_UNAUTHORIZED);
	g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "auth-failed");
	g_assert_nonnull(roster_test_response_get_header(response, "WWW-Authenticate"));
}

static void
test_logout(RosterTestFixture *fixture, gconstpointer user_data)
{
	const gchar *token = roster_test_fixture_get_token(fixture, ROSTER_TEST_CALLER_COORDINATOR);
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(RosterTestResponse) me = NULL;

	response = roster_test_request(fixture, "POST", "/api/v1/logout", token, NULL);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_NO_CONTENT);
	me = roster_test_request(fixture, "GET", "/api/v1/me", token, NULL);
	g_assert_cmpuint(me->status, ==, SOUP_STATUS_UNAUTHORIZED);
	g_assert_cmpstr(roster_test_response_get_error_code(me), ==, "auth-failed");
	g_assert_cmpstr(roster_test_response_get_header(me, "WWW-Authenticate"),
			==,
			"Bearer realm=\"hotline-roster\"");
}

static void
test_me_volunteer(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture,
				   ROSTER_TEST_CALLER_VOLUNTEER,
				   "GET",
				   "/api/v1/me",
				   NULL);

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_ROLE),
			==,
			"volunteer");
	g_assert_cmpint(roster_test_response_get_int(response, ROSTER_KEY_VOLUNTEER_ID),
			==,
			fixture->volunteer_id);
	g_assert_cmpint(roster_test_response_get_int(response, ROSTER_KEY_ACCOUNT_ID), >, 0);
}

static void
test_me_admin(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", "/api/v1/me", NULL);

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_ROLE), ==, "admin");
	g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_USERNAME),
			==,
			ROSTER_TEST_ADMIN_USER);
	g_assert_true(json_object_get_null_member(roster_test_response_get_object(response),
						  ROSTER_KEY_VOLUNTEER_ID));
}

static void
test_audit_list(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *path = NULL;
	JsonArray *items;
	JsonObject *entry;
	gint64 id = roster_test_create(fixture, "/api/v1/teams", "{\"name\":\"Audited\"}");

	path = g_strdup_printf("/api/v1/audit?collection=teams&record_id=%" G_GINT64_FORMAT, id);
	response = roster_test_request_as(fixture, ROSTER_TEST_CALLER_MANAGER, "GET", path, NULL);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	items = json_object_get_array_member(roster_test_response_get_object(response),
					     ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 1);
	entry = json_array_get_object_element(items, 0);
	g_assert_cmpstr(json_object_get_string_member(entry, ROSTER_KEY_ACTION), ==, "create");
	g_assert_cmpstr(json_object_get_string_member(entry, ROSTER_KEY_ACTOR),
			==,
			ROSTER_TEST_ADMIN_USER);
	g_assert_true(json_object_get_null_member(entry, ROSTER_KEY_BEFORE));
	g_assert_cmpstr(
	    json_object_get_string_member(json_object_get_object_member(entry, ROSTER_KEY_AFTER),
					  ROSTER_KEY_NAME),
	    ==,
	    "Audited");
}

/* the number of audit entries of the teams from @from to @to */
static guint
count_team_audit(RosterTestFixture *fixture, GDateTime *from, GDateTime *to)
{
	g_autofree gchar *from_text = g_date_time_format(from, "%Y-%m-%dT%H:%M:%SZ");
	g_autofree gchar *to_text = g_date_time_format(to, "%Y-%m-%dT%H:%M:%SZ");
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/audit?collection=teams&from=%s&to=%s", from_text, to_text);
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_MANAGER, "GET", path, NULL);

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	return json_array_get_length(
	    json_object_get_array_member(roster_test_response_get_object(response),
					 ROSTER_KEY_ITEMS));
}

/* the audit log between two times: a team made now adds one entry to the hour around
 * now and none to tomorrow; a bound that is no time is refused naming it */
static void
test_audit_range(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	g_autoptr(GDateTime) before = g_date_time_add_hours(now, -1);
	g_autoptr(GDateTime) after = g_date_time_add_hours(now, 1);
	g_autoptr(GDateTime) tomorrow = g_date_time_add_days(now, 1);
	g_autoptr(GDateTime) later = g_date_time_add_days(now, 2);
	g_autoptr(RosterTestResponse) bad = NULL;
	guint n_before = count_team_audit(fixture, before, after);

	roster_test_create(fixture, "/api/v1/teams", "{\"name\":\"Ranged\"}");
	g_assert_cmpuint(count_team_audit(fixture, before, after), ==, n_before + 1);
	g_assert_cmpuint(count_team_audit(fixture, tomorrow, later), ==, 0);
	bad = roster_test_request_as(fixture,
				     ROSTER_TEST_CALLER_MANAGER,
				     "GET",
				     "/api/v1/audit?from=yesterday",
				     NULL);
	g_assert_cmpuint(bad->status, ==, SOUP_STATUS_UNPROCESSABLE_ENTITY);
	g_assert_cmpstr(roster_test_response_get_error_field(bad), ==, "from");
}

static void
test_audit_get(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) list = NULL;
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *path = NULL;
	JsonArray *items;
	gint64 entry_id;

	list = roster_test_request_as(fixture,
				      ROSTER_TEST_CALLER_ADMIN,
				      "GET",
				      "/api/v1/audit?limit=1",
				      NULL);
	g_assert_cmpuint(list->status, ==, SOUP_STATUS_OK);
	items =
	    json_object_get_array_member(roster_test_response_get_object(list), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 1);
	entry_id =
	    json_object_get_int_member(json_array_get_object_element(items, 0), ROSTER_KEY_ID);
	path = g_strdup_printf("/api/v1/audit/%" G_GINT64_FORMAT, entry_id);
	response = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_assert_cmpint(roster_test_response_get_int(response, ROSTER_KEY_ID), ==, entry_id);
}

typedef struct {
	const gchar *name;
	/* {TEAM} is the fixture's team */
	const gchar *query;
	guint expected;
} FilterRow;

static const FilterRow filter_rows[] = {
    {"q-name", "q=Li%20Wei", 1},
    {"q-counsellor-no", "q=C-002", 1},
    {"q-none", "q=nobody", 0},
    {"tier", "tier=senior", 1},
    {"team", "team={TEAM}", 1},
    {"active", "active=true", 2},
    {"inactive", "active=false", 0},
    {"limit", "limit=1", 1},
    {"offset", "offset=1&limit=10", 1},
};

static void
test_volunteer_filter(RosterTestFixture *fixture, gconstpointer user_data)
{
	const FilterRow *row = user_data;
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *team = g_strdup_printf("%" G_GINT64_FORMAT, fixture->team_id);
	g_autofree gchar *path = NULL;
	GString *query = g_string_new(row->query);
	JsonArray *items;

	g_string_replace(query, "{TEAM}", team, 0);
	path = g_strdup_printf("/api/v1/volunteers?%s", query->str);
	g_string_free(query, TRUE);
	response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_COORDINATOR, "GET", path, NULL);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	items = json_object_get_array_member(roster_test_response_get_object(response),
					     ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, row->expected);
}

static void
test_volunteer_import(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(RosterTestResponse) listed = NULL;

	response = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "POST",
					  "/api/v1/volunteers/import",
					  "\xEF\xBB\xBF工号,姓名,级别,坐席方式\r\n"
					  "IMP-1,导入一,咨询师,云坐席\r\n"
					  "IMP-2,导入二,资深,坐班\r\n");
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_assert_cmpint(roster_test_response_get_int(response, ROSTER_KEY_IMPORTED), ==, 2);
	listed = roster_test_request_as(fixture,
					ROSTER_TEST_CALLER_COORDINATOR,
					"GET",
					"/api/v1/volunteers?q=IMP-",
					NULL);
	g_assert_cmpint(roster_test_response_get_int(listed, ROSTER_KEY_TOTAL), ==, 2);
}

/* any bad row: 422 naming every bad line, and nothing imported */
static void
test_volunteer_import_bad_rows(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(fixture);
	g_autofree gchar *after = NULL;
	JsonArray *rows;

	response = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "POST",
					  "/api/v1/volunteers/import",
					  "counsellor_no,name,tier,modes\n"
					  "BAD-1,好,counsellor,cloud\n"
					  "BAD-2,坏级别,grandmaster,cloud\n"
					  "BAD-3,坏方式,senior,boat\n");
	g_assert_cmpuint(response->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "invalid-data");
	rows = json_object_get_array_member(
	    json_object_get_object_member(roster_test_response_get_object(response),
					  ROSTER_KEY_ERROR),
	    ROSTER_KEY_ROWS);
	g_assert_cmpuint(json_array_get_length(rows), ==, 2);
	g_assert_true(g_str_has_prefix(json_array_get_string_element(rows, 0), "line 3:"));
	g_assert_true(g_str_has_prefix(json_array_get_string_element(rows, 1), "line 4:"));
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(before, ==, after);
}

static void
test_volunteer_import_manager(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;

	response = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_MANAGER,
					  "POST",
					  "/api/v1/volunteers/import",
					  "counsellor_no,name\nM-1,经理导入\n");
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_FORBIDDEN);
}

/* one service calendar per hotline: a second is refused and changes nothing, the one
 * there is changed with PATCH and cannot be deleted */
static void
test_calendar_singleton(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(fixture);
	g_autofree gchar *after = NULL;
	g_autoptr(RosterTestResponse) second = NULL;
	g_autoptr(RosterTestResponse) deleted = NULL;
	g_autoptr(RosterTestResponse) patched = NULL;

	second = roster_test_request_as(fixture,
					ROSTER_TEST_CALLER_COORDINATOR,
					"POST",
					"/api/v1/calendars",
					"{\"name\":\"12355 youth line\",\"line\":\"12355\","
					"\"manned_windows\":[{\"weekday\":1,\"start\":\"08:00\","
					"\"end\":\"20:00\"}]}");
	g_assert_cmpuint(second->status, ==, SOUP_STATUS_CONFLICT);
	g_assert_cmpstr(roster_test_response_get_error_code(second), ==, "already-exists");
	deleted = roster_test_request_as(fixture,
					 ROSTER_TEST_CALLER_COORDINATOR,
					 "DELETE",
					 "/api/v1/calendars/1",
					 NULL);
	g_assert_cmpuint(deleted->status, ==, SOUP_STATUS_CONFLICT);
	g_assert_cmpstr(roster_test_response_get_error_code(deleted), ==, "conflict");
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);

	patched = roster_test_request_as(fixture,
					 ROSTER_TEST_CALLER_COORDINATOR,
					 "PATCH",
					 "/api/v1/calendars/1",
					 "{\"revision\":1,\"name\":\"12355 line\"}");
	g_assert_cmpuint(patched->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(patched, "name"), ==, "12355 line");
}

/* the seats per day and slot that the app's preview shows come from the daemon's own
 * resolution: a weekly 24 h rule, a dated rule on one date, clock time around the
 * operational day's start */
static void
test_report_demand(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(RosterTestResponse) bad_date = NULL;
	g_autoptr(RosterTestResponse) bad_days = NULL;
	g_autoptr(RosterTestResponse) volunteer = NULL;
	g_autofree gchar *body = NULL;
	JsonObject *object;
	JsonArray *days;
	JsonArray *classes;
	gint64 seat_class;
	guint column = 0;

	seat_class =
	    roster_test_create(fixture,
			       "/api/v1/seat-classes",
			       "{\"code\":\"preview\",\"name\":\"Preview\",\"mode\":\"cloud\","
			       "\"min_tier\":\"counsellor\"}");
	body = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"00:00\",\"end\":\"24:00\",\"seats\":2}",
			       seat_class);
	roster_test_create(fixture, "/api/v1/demand-rules", body);
	g_free(body);
	/* 06:00-07:00 on 5 January: the 05:00 slot of the 4th's operational day; on that
	 * date, midnight to midnight, the dated rule replaces the weekly one */
	body = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"date_from\":\"2027-01-05\",\"date_to\":\"2027-01-05\","
			       "\"start\":\"06:00\",\"end\":\"07:00\",\"seats\":5}",
			       seat_class);
	roster_test_create(fixture, "/api/v1/demand-rules", body);

	response = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "GET",
					  "/api/v1/reports/demand?from=2027-01-04&days=2",
					  NULL);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	object = roster_test_response_get_object(response);
	g_assert_cmpstr(json_object_get_string_member(object, "from"), ==, "2027-01-04");
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(object, "slots")),
			 ==,
			 8);
	classes = json_object_get_array_member(object, "seat_classes");
	for (guint c = 0; c < json_array_get_length(classes); c++) {
		if (json_object_get_int_member(json_array_get_object_element(classes, c), "id") ==
		    seat_class)
			column = c;
	}
	days = json_object_get_array_member(object, "seats");
	g_assert_cmpuint(json_array_get_length(days), ==, 2);
	for (guint d = 0; d < 2; d++) {
		JsonArray *slots = json_array_get_array_element(days, d);
		for (guint k = 0; k < 8; k++) {
			JsonArray *per_class = json_array_get_array_element(slots, k);
			/* slots 0-4 lie on the day's own date, 5 (23:00) runs past
			 * midnight and takes the weekly rule's minutes, 6 and 7 lie on
			 * the next date */
			gboolean on_fifth = (d == 0 && k >= 6) || (d == 1 && k < 5);
			gint64 expected = !on_fifth ? 2 : (d == 0 && k == 7 ? 5 : 0);
			g_assert_cmpint(json_array_get_int_element(per_class, column),
					==,
					expected);
		}
	}

	bad_date = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "GET",
					  "/api/v1/reports/demand?from=2027-02-30",
					  NULL);
	g_assert_cmpuint(bad_date->status, ==, 422);
	bad_days = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "GET",
					  "/api/v1/reports/demand?from=2027-01-04&days=63",
					  NULL);
	g_assert_cmpuint(bad_days->status, ==, 422);
	volunteer = roster_test_request_as(fixture,
					   ROSTER_TEST_CALLER_VOLUNTEER,
					   "GET",
					   "/api/v1/reports/demand?from=2027-01-04",
					   NULL);
	g_assert_cmpuint(volunteer->status, ==, SOUP_STATUS_FORBIDDEN);
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
	    ROSTER_TEST_CALLER_ADMIN,
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
	    ROSTER_TEST_CALLER_MANAGER,
	    "GET",
	    "/api/v1/reports/hours?format=csv&period=month&from=2026-03-01&to=2026-03-31",
	    NULL);
	g_assert_cmpuint(report->status, ==, SOUP_STATUS_OK);
	csv = g_strndup(g_bytes_get_data(report->body, NULL), g_bytes_get_size(report->body));
	g_test_message("%s", csv);
	g_assert_nonnull(
	    strstr(csv, ",C-001,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0.00,2.00,"));
}

static void
add_test(const gchar *path, gconstpointer data, void (*test)(RosterTestFixture *, gconstpointer))
{
	g_test_add(path,
		   RosterTestFixture,
		   data,
		   roster_test_fixture_setup,
		   test,
		   roster_test_fixture_teardown);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	add_test("/roster/http/routes/health", NULL, test_health);
	add_test("/roster/http/routes/login", NULL, test_login);
	add_test("/roster/http/routes/login-wrong-password", NULL, test_login_wrong_password);
	add_test("/roster/http/routes/logout", NULL, test_logout);
	add_test("/roster/http/routes/me/volunteer", NULL, test_me_volunteer);
	add_test("/roster/http/routes/me/admin", NULL, test_me_admin);
	add_test("/roster/http/routes/audit/list", NULL, test_audit_list);
	add_test("/roster/http/routes/audit/get", NULL, test_audit_get);
	add_test("/roster/http/routes/audit/range", NULL, test_audit_range);
	add_test("/roster/http/routes/volunteers/import", NULL, test_volunteer_import);
	add_test("/roster/http/routes/volunteers/import-bad-rows",
		 NULL,
		 test_volunteer_import_bad_rows);
	add_test("/roster/http/routes/reports/demand", NULL, test_report_demand);
	add_test("/roster/http/routes/reports/formula-in-csv", NULL, test_formula_in_csv_report);
	add_test("/roster/http/routes/calendars/singleton", NULL, test_calendar_singleton);
	add_test("/roster/http/routes/volunteers/import-manager",
		 NULL,
		 test_volunteer_import_manager);
	for (guint i = 0; i < G_N_ELEMENTS(collection_rows); i++) {
		for (guint op = 0; op < OP_LAST; op++) {
			CollectionCase *test_case = &collection_cases[i * OP_LAST + op];
			g_autofree gchar *path = g_strdup_printf("/roster/http/routes/%s/%s",
								 collection_rows[i].name,
								 op_names[op]);
			test_case->row = &collection_rows[i];
			test_case->op = (Op)op;
			add_test(path, test_case, test_collection);
		}
	}
	for (guint i = 0; i < G_N_ELEMENTS(filter_rows); i++) {
		g_autofree gchar *path = g_strdup_printf("/roster/http/routes/volunteers/filter/%s",
							 filter_rows[i].name);
		add_test(path, &filter_rows[i], test_volunteer_filter);
	}
	return g_test_run();
}
