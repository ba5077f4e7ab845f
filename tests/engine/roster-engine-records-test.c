/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the engine on records: create, read, update and delete of every collection, revisions,
 * references, unique keys and list filters */

#include "config.h"

#include "roster-engine-test-common.h"

static void
test_volunteer_crud(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(VOLUNTEER_BODY);
	g_autoptr(JsonNode) created = NULL;
	g_autoptr(JsonNode) got = NULL;
	g_autoptr(JsonNode) patch = NULL;
	g_autoptr(JsonNode) updated = NULL;
	gint64 id;

	created = roster_engine_create(fixture->engine,
				       fixture->admin,
				       ROSTER_COLLECTION_VOLUNTEERS,
				       0,
				       body,
				       &error);
	g_assert_no_error(error);
	id = json_object_get_int_member(obj(created), ROSTER_KEY_ID);
	g_assert_cmpint(id, >, 0);
	g_assert_cmpint(json_object_get_int_member(obj(created), ROSTER_KEY_REVISION), ==, 1);
	g_assert_true(json_object_get_boolean_member(obj(created), ROSTER_KEY_ACTIVE));
	g_assert_false(
	    json_object_get_boolean_member(obj(created), ROSTER_KEY_HONOUR_ROLL_CONSENT));
	g_assert_true(
	    g_str_has_suffix(json_object_get_string_member(obj(created), ROSTER_KEY_CREATED), "Z"));

	got = roster_engine_get(fixture->engine,
				fixture->admin,
				ROSTER_COLLECTION_VOLUNTEERS,
				0,
				id,
				&error);
	g_assert_no_error(error);
	g_assert_true(json_node_equal(got, created));

	patch = roster_test_json("{\"revision\":1,\"tier\":\"senior\",\"team_id\":null}");
	updated = roster_engine_update(fixture->engine,
				       fixture->admin,
				       ROSTER_COLLECTION_VOLUNTEERS,
				       0,
				       id,
				       patch,
				       &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(updated), ROSTER_KEY_REVISION), ==, 2);
	g_assert_cmpstr(json_object_get_string_member(obj(updated), ROSTER_KEY_TIER), ==, "senior");
	/* partial: the rest is kept */
	g_assert_cmpstr(json_object_get_string_member(obj(updated), ROSTER_KEY_NAME), ==, "张伟");
	g_assert_cmpstr(json_object_get_string_member(obj(updated), ROSTER_KEY_EMAIL),
			==,
			"zhang@example.org");

	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_VOLUNTEERS,
					   0,
					   id,
					   2,
					   &error));
	g_assert_no_error(error);
	g_assert_null(roster_engine_get(fixture->engine,
					fixture->admin,
					ROSTER_COLLECTION_VOLUNTEERS,
					0,
					id,
					&error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
}

/* one valid body per collection, and a change that is valid too */
typedef struct {
	const gchar *collection;
	const gchar *body;
	const gchar *patch;
	const gchar *key;
} CrudCase;

static const CrudCase crud_cases[] = {
    {ROSTER_COLLECTION_SEAT_CLASSES,
     "{\"code\":\"crisis\",\"name\":\"高危专席\",\"mode\":\"on-site\",\"min_tier\":\"expert\","
     "\"skills\":[\"crisis\"],\"crisis\":true,\"colour\":\"#AA0000\"}",
     "{\"revision\":1,\"location\":\"中心 3 楼\"}",
     ROSTER_KEY_LOCATION},
    {ROSTER_COLLECTION_TEAMS,
     "{\"name\":\"A 组\",\"colour\":\"#00ff00\"}",
     "{\"revision\":1,\"note\":\"早班\"}",
     ROSTER_KEY_NOTE},
    {ROSTER_COLLECTION_ACCOUNTS,
     "{\"username\":\"li.coord\",\"role\":\"coordinator\",\"password\":\"correct horse\"}",
     "{\"revision\":1,\"active\":false}",
     ROSTER_KEY_ACTIVE},
};

static void
test_collection_crud(RosterTestFixture *fixture, gconstpointer user_data)
{
	const CrudCase *c = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) patch = roster_test_json(c->patch);
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(JsonNode) got = NULL;
	gint64 before = roster_test_count(fixture, c->collection, 0);
	gint64 id = roster_test_create(fixture, c->collection, 0, c->body);

	g_assert_cmpint(roster_test_count(fixture, c->collection, 0), ==, before + 1);
	updated = roster_engine_update(fixture->engine,
				       fixture->admin,
				       c->collection,
				       0,
				       id,
				       patch,
				       &error);
	g_assert_no_error(error);
	g_assert_true(json_object_has_member(obj(updated), c->key));
	g_assert_false(json_object_get_null_member(obj(updated), c->key));
	got = roster_engine_get(fixture->engine, fixture->admin, c->collection, 0, id, &error);
	g_assert_no_error(error);
	g_assert_true(json_node_equal(got, updated));
	g_assert_false(json_object_has_member(obj(got), ROSTER_KEY_PASSWORD));
	g_assert_false(json_object_has_member(obj(got), "password_hash"));
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   c->collection,
					   0,
					   id,
					   -1,
					   &error));
	g_assert_no_error(error);
	g_assert_cmpint(roster_test_count(fixture, c->collection, 0), ==, before);
}

/* a hotline has one service calendar: a second is refused (it would be ignored), the
 * one there is changed with PATCH and cannot be deleted */
static void
test_calendar_singleton(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(
	    "{\"name\":\"12356 心理援助热线\",\"line\":\"12356\",\"slot_minutes\":120}");
	g_autoptr(JsonNode) patch =
	    roster_test_json("{\"revision\":1,\"duty_contact\":\"值班专家 王\"}");
	g_autoptr(JsonNode) created = NULL;
	g_autoptr(JsonNode) updated = NULL;

	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_CALENDARS, 0), ==, 1);
	created = roster_engine_create(fixture->engine,
				       fixture->admin,
				       ROSTER_COLLECTION_CALENDARS,
				       0,
				       body,
				       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_ALREADY_EXISTS);
	g_assert_null(created);
	g_clear_error(&error);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_CALENDARS, 0), ==, 1);

	updated = roster_engine_update(fixture->engine,
				       fixture->admin,
				       ROSTER_COLLECTION_CALENDARS,
				       0,
				       1,
				       patch,
				       &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(updated), ROSTER_KEY_DUTY_CONTACT),
			==,
			"值班专家 王");

	g_assert_false(roster_engine_delete(fixture->engine,
					    fixture->admin,
					    ROSTER_COLLECTION_CALENDARS,
					    0,
					    1,
					    -1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_CALENDARS, 0), ==, 1);
}

static void
test_demand_rule_crud(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) patch =
	    roster_test_json("{\"revision\":1,\"seats\":3,\"weekdays\":[5,6]}");
	g_autoptr(JsonNode) updated = NULL;
	gint64 seat =
	    roster_test_create(fixture,
			       ROSTER_COLLECTION_SEAT_CLASSES,
			       0,
			       "{\"code\":\"cloud\",\"name\":\"云坐席\",\"mode\":\"cloud\","
			       "\"min_tier\":\"counsellor\"}");
	g_autofree gchar *body =
	    g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			    ",\"start\":\"19:00\",\"end\":\"02:00\",\"seats\":2,"
			    "\"date_from\":\"2026-06-01\",\"date_to\":\"2026-06-30\"}",
			    seat);
	gint64 id = roster_test_create(fixture, ROSTER_COLLECTION_DEMAND_RULES, 0, body);

	updated = roster_engine_update(fixture->engine,
				       fixture->admin,
				       ROSTER_COLLECTION_DEMAND_RULES,
				       0,
				       id,
				       patch,
				       &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(updated), ROSTER_KEY_SEATS), ==, 3);
	g_assert_cmpstr(json_object_get_string_member(obj(updated), ROSTER_KEY_END), ==, "02:00");

	/* the seat class is still used */
	g_assert_false(roster_engine_delete(fixture->engine,
					    fixture->admin,
					    ROSTER_COLLECTION_SEAT_CLASSES,
					    0,
					    seat,
					    -1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_nonnull(strstr(error->message, "demand rules"));
	g_clear_error(&error);
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_DEMAND_RULES,
					   0,
					   id,
					   -1,
					   &error));
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_SEAT_CLASSES,
					   0,
					   seat,
					   -1,
					   &error));
	g_assert_no_error(error);
}

static void
test_availability_crud(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	gint64 vol = add_volunteer(fixture, "A-1");
	gint64 other = add_volunteer(fixture, "A-2");
	g_autoptr(JsonNode) patch = roster_test_json("{\"revision\":1,\"kind\":\"avoid\"}");
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(JsonNode) got = NULL;
	gint64 id = roster_test_create(
	    fixture,
	    ROSTER_COLLECTION_AVAILABILITY,
	    vol,
	    "{\"kind\":\"unavailable\",\"date\":\"2026-02-17\",\"note\":\"春节\"}");

	roster_test_create(
	    fixture,
	    ROSTER_COLLECTION_AVAILABILITY,
	    vol,
	    "{\"kind\":\"preferred\",\"weekday\":6,\"start\":\"08:00\",\"end\":\"14:00\"}");
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_AVAILABILITY, vol), ==, 2);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_AVAILABILITY, other), ==, 0);
	updated = roster_engine_update(fixture->engine,
				       fixture->admin,
				       ROSTER_COLLECTION_AVAILABILITY,
				       vol,
				       id,
				       patch,
				       &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(updated), ROSTER_KEY_VOLUNTEER_ID), ==, vol);

	/* under the wrong parent it does not exist */
	got = roster_engine_get(fixture->engine,
				fixture->admin,
				ROSTER_COLLECTION_AVAILABILITY,
				other,
				id,
				&error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_assert_null(got);
	g_clear_error(&error);
	got = roster_engine_get(fixture->engine,
				fixture->admin,
				ROSTER_COLLECTION_AVAILABILITY,
				9999,
				id,
				&error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);

	/* deleting the volunteer takes its availability, each one audited */
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_VOLUNTEERS,
					   0,
					   vol,
					   -1,
					   &error));
	g_assert_no_error(error);
	{
		g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
		g_autoptr(JsonNode) audit = NULL;
		g_hash_table_insert(params, (gpointer) "collection", (gpointer) "availability");
		audit = roster_engine_list(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_AUDIT,
					   0,
					   params,
					   &error);
		g_assert_no_error(error);
		/* two creates, one update, two deletes */
		g_assert_cmpint(json_object_get_int_member(obj(audit), ROSTER_KEY_TOTAL), ==, 5);
	}
}

static void
test_unknown_collection(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list =
	    roster_engine_list(fixture->engine, fixture->admin, "rosters", 0, NULL, &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_assert_null(list);
}

static void
test_default_calendar(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) got = roster_engine_get(fixture->engine,
						    fixture->admin,
						    ROSTER_COLLECTION_CALENDARS,
						    0,
						    1,
						    &error);

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(got), ROSTER_KEY_NAME),
			==,
			"12355 青少年服务热线");
	g_assert_cmpstr(json_object_get_string_member(obj(got), ROSTER_KEY_TIME_ZONE),
			==,
			"Asia/Shanghai");
	g_assert_cmpint(json_object_get_int_member(obj(got), ROSTER_KEY_SLOT_MINUTES), ==, 180);
	g_assert_cmpstr(json_object_get_string_member(obj(got), ROSTER_KEY_FIRST_SLOT_START),
			==,
			"08:00");
}

static void
test_stale_revision(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	gint64 id = add_volunteer(fixture, "R-1");
	g_autoptr(JsonNode) first = roster_test_json("{\"revision\":1,\"name\":\"第一次\"}");
	g_autoptr(JsonNode) stale = roster_test_json("{\"revision\":1,\"name\":\"第二次\"}");
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(JsonNode) got = NULL;

	result = roster_engine_update(fixture->engine,
				      fixture->admin,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      id,
				      first,
				      &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_update(fixture->engine,
				      fixture->admin,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      id,
				      stale,
				      &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_null(result);
	g_clear_error(&error);
	g_assert_false(roster_engine_delete(fixture->engine,
					    fixture->admin,
					    ROSTER_COLLECTION_VOLUNTEERS,
					    0,
					    id,
					    1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	got = roster_engine_get(fixture->engine,
				fixture->admin,
				ROSTER_COLLECTION_VOLUNTEERS,
				0,
				id,
				&error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(got), ROSTER_KEY_NAME), ==, "第一次");
	g_assert_cmpint(json_object_get_int_member(obj(got), ROSTER_KEY_REVISION), ==, 2);
}

static void
test_update_needs_revision(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	gint64 id = add_volunteer(fixture, "R-2");
	g_autoptr(JsonNode) patch = roster_test_json("{\"name\":\"无版本\"}");
	g_autoptr(JsonNode) result = roster_engine_update(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_VOLUNTEERS,
							  0,
							  id,
							  patch,
							  &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "revision: "));
	g_assert_null(result);
}

static void
test_invalid_changes_nothing(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	gint64 id = add_volunteer(fixture, "R-3");
	g_autoptr(JsonNode) patch =
	    roster_test_json("{\"revision\":1,\"name\":\"好名字\",\"tier\":\"boss\"}");
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(JsonNode) got = NULL;

	result = roster_engine_update(fixture->engine,
				      fixture->admin,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      id,
				      patch,
				      &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message,
			==,
			"tier: must be one of trainee, counsellor, senior, expert");
	g_clear_error(&error);
	got = roster_engine_get(fixture->engine,
				fixture->admin,
				ROSTER_COLLECTION_VOLUNTEERS,
				0,
				id,
				&error);
	g_assert_cmpstr(json_object_get_string_member(obj(got), ROSTER_KEY_NAME), ==, "志愿者 R-3");
	g_assert_cmpint(json_object_get_int_member(obj(got), ROSTER_KEY_REVISION), ==, 1);
}

static void
test_unique(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body =
	    roster_test_json("{\"name\":\"重复\",\"counsellor_no\":\"u-1\",\"tier\":\"trainee\"}");
	g_autoptr(JsonNode) result = NULL;

	add_volunteer(fixture, "U-1");
	/* counsellor numbers are unique regardless of case */
	result = roster_engine_create(fixture->engine,
				      fixture->admin,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      body,
				      &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_ALREADY_EXISTS);
	g_assert_true(g_str_has_prefix(error->message, "counsellor_no: "));
	g_assert_null(result);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);
}

static void
test_reference_missing(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(
	    "{\"name\":\"无组\",\"counsellor_no\":\"T-1\",\"tier\":\"trainee\",\"team_id\":42}");
	g_autoptr(JsonNode) result = roster_engine_create(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_VOLUNTEERS,
							  0,
							  body,
							  &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "team_id: "));
	g_assert_null(result);
}

static void
test_team_referenced(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	gint64 team =
	    roster_test_create(fixture, ROSTER_COLLECTION_TEAMS, 0, "{\"name\":\"B 组\"}");
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"组员\",\"counsellor_no\":\"T-2\",\"tier\":\"trainee\","
			    "\"team_id\":%" G_GINT64_FORMAT "}",
			    team);

	roster_test_create(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0, body);
	g_assert_false(roster_engine_delete(fixture->engine,
					    fixture->admin,
					    ROSTER_COLLECTION_TEAMS,
					    0,
					    team,
					    -1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_TEAMS, 0), ==, 1);
}

static JsonNode *
list_with(RosterTestFixture *fixture,
	  RosterPrincipal *principal,
	  const gchar *key,
	  const gchar *value,
	  GError **error)
{
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);

	if (key != NULL)
		g_hash_table_insert(params, (gpointer)key, (gpointer)value);
	return roster_engine_list(fixture->engine,
				  principal,
				  ROSTER_COLLECTION_VOLUNTEERS,
				  0,
				  params,
				  error);
}

static gint64
list_total(RosterTestFixture *fixture, const gchar *key, const gchar *value)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = list_with(fixture, fixture->admin, key, value, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL);
}

static void
test_list_filters(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) page = NULL;
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	gint64 team =
	    roster_test_create(fixture, ROSTER_COLLECTION_TEAMS, 0, "{\"name\":\"夜班\"}");
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"李 100%%\",\"counsellor_no\":\"X-9\",\"tier\":\"expert\","
			    "\"active\":false,\"team_id\":%" G_GINT64_FORMAT "}",
			    team);
	g_autofree gchar *team_str = g_strdup_printf("%" G_GINT64_FORMAT, team);

	for (guint i = 0; i < 5; i++) {
		g_autofree gchar *number = g_strdup_printf("N-%u", i);
		add_volunteer(fixture, number);
	}
	roster_test_create(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0, body);
	g_assert_cmpint(list_total(fixture, NULL, NULL), ==, 6);
	g_assert_cmpint(list_total(fixture, "q", "n-3"), ==, 1);
	g_assert_cmpint(list_total(fixture, "q", "志愿者"), ==, 5);
	/* wildcards are literal */
	g_assert_cmpint(list_total(fixture, "q", "%"), ==, 1);
	g_assert_cmpint(list_total(fixture, "q", "_"), ==, 0);
	g_assert_cmpint(list_total(fixture, "tier", "expert"), ==, 1);
	g_assert_cmpint(list_total(fixture, "team", team_str), ==, 1);
	g_assert_cmpint(list_total(fixture, "active", "false"), ==, 1);
	g_assert_cmpint(list_total(fixture, "active", "true"), ==, 5);

	g_hash_table_insert(params, (gpointer) "offset", (gpointer) "2");
	g_hash_table_insert(params, (gpointer) "limit", (gpointer) "3");
	page = roster_engine_list(fixture->engine,
				  fixture->admin,
				  ROSTER_COLLECTION_VOLUNTEERS,
				  0,
				  params,
				  &error);
	g_assert_no_error(error);
	g_assert_cmpint(
	    json_array_get_length(json_object_get_array_member(obj(page), ROSTER_KEY_ITEMS)),
	    ==,
	    3);
	g_assert_cmpint(json_object_get_int_member(obj(page), ROSTER_KEY_TOTAL), ==, 6);
	g_assert_cmpint(json_object_get_int_member(obj(page), ROSTER_KEY_OFFSET), ==, 2);
	g_assert_cmpint(json_object_get_int_member(obj(page), ROSTER_KEY_LIMIT), ==, 3);
}

typedef struct {
	const gchar *key;
	const gchar *value;
} BadParam;

static void
test_list_bad_params(RosterTestFixture *fixture, gconstpointer user_data)
{
	static const BadParam bad[] = {
	    {"limit", "0"},
	    {"limit", "501"},
	    {"offset", "-1"},
	    {"offset", "x"},
	    {"tier", "boss"},
	    {"active", "yes"},
	    {"team", "0"},
	    {"colour", "red"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(JsonNode) list =
		    list_with(fixture, fixture->admin, bad[i].key, bad[i].value, &error);
		g_autofree gchar *prefix = g_strdup_printf("%s: ", bad[i].key);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		g_assert_true(g_str_has_prefix(error->message, prefix));
		g_assert_null(list);
	}
}

void
roster_test_add_engine_records(void)
{
	ROSTER_ENGINE_TEST_ADD("/roster/engine/volunteer-crud", test_volunteer_crud);
	for (guint i = 0; i < G_N_ELEMENTS(crud_cases); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/engine/crud/%s", crud_cases[i].collection);
		g_test_add(path,
			   RosterTestFixture,
			   &crud_cases[i],
			   roster_test_fixture_setup,
			   test_collection_crud,
			   roster_test_fixture_teardown);
	}
	ROSTER_ENGINE_TEST_ADD("/roster/engine/crud/demand-rules", test_demand_rule_crud);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/crud/availability", test_availability_crud);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/unknown-collection", test_unknown_collection);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/default-calendar", test_default_calendar);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/calendar-singleton", test_calendar_singleton);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/stale-revision", test_stale_revision);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/update-needs-revision", test_update_needs_revision);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/invalid-changes-nothing",
			       test_invalid_changes_nothing);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/unique", test_unique);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/reference-missing", test_reference_missing);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/team-referenced", test_team_referenced);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/list-filters", test_list_filters);
	ROSTER_ENGINE_TEST_ADD("/roster/engine/list-bad-params", test_list_bad_params);
}
