/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-common.h"

#define VOLUNTEER_BODY                                                                             \
	"{\"name\":\"张伟\",\"counsellor_no\":\"SZ-001\",\"tier\":\"counsellor\","               \
	"\"phone\":\"+86 138-0000-0000\",\"email\":\"zhang@example.org\"}"

static JsonObject *
obj(JsonNode *node)
{
	return json_node_get_object(node);
}

static gint64
add_volunteer(RosterTestFixture *fixture, const gchar *number)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"志愿者 %s\",\"counsellor_no\":\"%s\",\"tier\":\"senior\","
			    "\"phone\":\"123\",\"email\":\"v%s@example.org\"}",
			    number,
			    number,
			    number);
	return roster_test_create(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0, body);
}

/* an account of @role, logged in */
static RosterPrincipal *
login_as(RosterTestFixture *fixture, const gchar *role, gint64 volunteer_id)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *username = g_strdup_printf("%s-%" G_GINT64_FORMAT, role, volunteer_id);
	g_autofree gchar *body = NULL;
	g_autofree gchar *token = NULL;
	RosterPrincipal *principal = NULL;

	if (volunteer_id > 0) {
		body = g_strdup_printf(
		    "{\"username\":\"%s\",\"role\":\"%s\",\"volunteer_id\":%" G_GINT64_FORMAT
		    ",\"password\":\"correct horse\"}",
		    username,
		    role,
		    volunteer_id);
	} else {
		body = g_strdup_printf(
		    "{\"username\":\"%s\",\"role\":\"%s\",\"password\":\"correct horse\"}",
		    username,
		    role);
	}
	roster_test_create(fixture, ROSTER_COLLECTION_ACCOUNTS, 0, body);
	token = roster_engine_login(fixture->engine,
				    username,
				    "correct horse",
				    NULL,
				    &principal,
				    &error);
	g_assert_no_error(error);
	g_assert_nonnull(token);
	return principal;
}

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

static void
assert_denied(GError *error, JsonNode *result)
{
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_assert_null(result);
}

static void
test_permissions_manager(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterPrincipal) manager = login_as(fixture, "manager", 0);
	gint64 vol = add_volunteer(fixture, "M-1");
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) got = roster_engine_get(fixture->engine,
						    manager,
						    ROSTER_COLLECTION_VOLUNTEERS,
						    0,
						    vol,
						    &error);
	g_autoptr(JsonNode) body = roster_test_json("{\"name\":\"C 组\"}");
	g_autoptr(JsonNode) result = NULL;

	g_assert_no_error(error);
	/* no personal data for managers */
	g_assert_false(json_object_has_member(obj(got), ROSTER_KEY_PHONE));
	g_assert_false(json_object_has_member(obj(got), ROSTER_KEY_EMAIL));
	g_assert_true(json_object_has_member(obj(got), ROSTER_KEY_NAME));
	result = roster_engine_create(fixture->engine,
				      manager,
				      ROSTER_COLLECTION_TEAMS,
				      0,
				      body,
				      &error);
	assert_denied(error, result);
	g_clear_error(&error);
	result = roster_engine_list(fixture->engine,
				    manager,
				    ROSTER_COLLECTION_ACCOUNTS,
				    0,
				    NULL,
				    &error);
	assert_denied(error, result);
	g_clear_error(&error);
	g_assert_false(roster_engine_delete(fixture->engine,
					    manager,
					    ROSTER_COLLECTION_VOLUNTEERS,
					    0,
					    vol,
					    -1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

static void
test_permissions_coordinator(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterPrincipal) coordinator = login_as(fixture, "coordinator", 0);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(VOLUNTEER_BODY);
	g_autoptr(JsonNode) created = roster_engine_create(fixture->engine,
							   coordinator,
							   ROSTER_COLLECTION_VOLUNTEERS,
							   0,
							   body,
							   &error);
	g_autoptr(JsonNode) account = roster_test_json(
	    "{\"username\":\"sneaky\",\"role\":\"admin\",\"password\":\"12345678\"}");
	g_autoptr(JsonNode) result = NULL;

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(created), ROSTER_KEY_PHONE),
			==,
			"+86 138-0000-0000");
	result = roster_engine_create(fixture->engine,
				      coordinator,
				      ROSTER_COLLECTION_ACCOUNTS,
				      0,
				      account,
				      &error);
	assert_denied(error, result);
	g_clear_error(&error);
	result = roster_engine_list(fixture->engine,
				    coordinator,
				    ROSTER_COLLECTION_AUDIT,
				    0,
				    NULL,
				    &error);
	assert_denied(error, result);
}

static void
test_permissions_volunteer(RosterTestFixture *fixture, gconstpointer user_data)
{
	gint64 own = add_volunteer(fixture, "V-1");
	gint64 other = add_volunteer(fixture, "V-2");
	g_autoptr(RosterPrincipal) volunteer = login_as(fixture, "volunteer", own);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(JsonNode) mine = NULL;
	g_autoptr(JsonNode) self_edit =
	    roster_test_json("{\"revision\":1,\"phone\":\"555\",\"honour_roll_consent\":true}");
	g_autoptr(JsonNode) promote = roster_test_json("{\"revision\":2,\"tier\":\"expert\"}");
	g_autoptr(JsonNode) same_tier =
	    roster_test_json("{\"revision\":2,\"tier\":\"senior\",\"note\":\"hi\"}");
	g_autoptr(JsonNode) avail = roster_test_json("{\"kind\":\"unavailable\",\"weekday\":3}");

	/* a list shows only its own record, with its personal data */
	list = roster_engine_list(fixture->engine,
				  volunteer,
				  ROSTER_COLLECTION_VOLUNTEERS,
				  0,
				  NULL,
				  &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL), ==, 1);
	mine = roster_engine_get(fixture->engine,
				 volunteer,
				 ROSTER_COLLECTION_VOLUNTEERS,
				 0,
				 own,
				 &error);
	g_assert_no_error(error);
	g_assert_true(json_object_has_member(obj(mine), ROSTER_KEY_PHONE));
	result = roster_engine_get(fixture->engine,
				   volunteer,
				   ROSTER_COLLECTION_VOLUNTEERS,
				   0,
				   other,
				   &error);
	assert_denied(error, result);
	g_clear_error(&error);

	result = roster_engine_update(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      own,
				      self_edit,
				      &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_update(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      own,
				      promote,
				      &error);
	assert_denied(error, result);
	g_assert_true(g_str_has_prefix(error->message, "tier: "));
	g_clear_error(&error);
	/* sending back an unchanged value is fine */
	result = roster_engine_update(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      own,
				      same_tier,
				      &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);

	result = roster_engine_create(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_AVAILABILITY,
				      own,
				      avail,
				      &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_create(fixture->engine,
				      volunteer,
				      ROSTER_COLLECTION_AVAILABILITY,
				      other,
				      avail,
				      &error);
	assert_denied(error, result);
	g_clear_error(&error);
	result = roster_engine_list(fixture->engine,
				    volunteer,
				    ROSTER_COLLECTION_CALENDARS,
				    0,
				    NULL,
				    &error);
	assert_denied(error, result);
	g_clear_error(&error);
	g_assert_false(roster_engine_delete(fixture->engine,
					    volunteer,
					    ROSTER_COLLECTION_VOLUNTEERS,
					    0,
					    own,
					    -1,
					    &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

static void
test_login(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *password = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *bad_user = NULL;
	g_autofree gchar *bad_pass = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	gint64 expires = 0;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	g_assert_true(roster_engine_ensure_admin(fixture->engine, NULL, NULL, &password, &error));
	g_assert_no_error(error);
	g_assert_nonnull(password);
	g_assert_cmpint(strlen(password), >=, 16);
	token = roster_engine_login(fixture->engine, "admin", password, &expires, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(strlen(token), ==, 64);
	g_assert_cmpint(expires, >=, now + 24 * 3600 - 5);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_no_error(error);
	g_assert_cmpint(roster_principal_get_role(principal), ==, ROSTER_ROLE_ADMIN);
	g_assert_cmpstr(roster_principal_get_username(principal), ==, "admin");

	bad_user = roster_engine_login(fixture->engine, "nobody", password, NULL, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(bad_user);
	{
		g_autoptr(GError) error2 = NULL;
		bad_pass = roster_engine_login(fixture->engine,
					       "admin",
					       "wrong password",
					       NULL,
					       NULL,
					       &error2);
		g_assert_error(error2, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
		g_assert_cmpstr(error->message, ==, error2->message);
		g_assert_null(bad_pass);
	}
}

static void
test_ensure_admin_once(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *first = NULL;
	g_autofree gchar *second = NULL;

	g_assert_true(roster_engine_ensure_admin(fixture->engine,
						 "root",
						 "Amber-Ridge-Falcon-63",
						 &first,
						 &error));
	g_assert_cmpstr(first, ==, "Amber-Ridge-Falcon-63");
	g_assert_true(roster_engine_ensure_admin(fixture->engine, "root", NULL, &second, &error));
	g_assert_no_error(error);
	g_assert_null(second);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_ACCOUNTS, 0), ==, 1);
}

static void
test_token_expired(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;

	g_assert_true(roster_engine_ensure_admin(fixture->engine,
						 "admin",
						 "Amber-Ridge-Falcon-63",
						 NULL,
						 &error));
	roster_engine_set_token_lifetime(fixture->engine, 0);
	token = roster_engine_login(fixture->engine,
				    "admin",
				    "Amber-Ridge-Falcon-63",
				    NULL,
				    NULL,
				    &error);
	g_assert_no_error(error);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(principal);
}

static void
test_token_logout(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;

	g_assert_true(roster_engine_ensure_admin(fixture->engine,
						 "admin",
						 "Amber-Ridge-Falcon-63",
						 NULL,
						 &error));
	token = roster_engine_login(fixture->engine,
				    "admin",
				    "Amber-Ridge-Falcon-63",
				    NULL,
				    NULL,
				    &error);
	g_assert_true(roster_engine_logout(fixture->engine, token, &error));
	g_assert_no_error(error);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(principal);
	g_clear_error(&error);
	g_assert_null(roster_engine_authenticate(fixture->engine, "not-a-token", &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
}

static void
test_token_inactive(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) patch = roster_test_json("{\"revision\":1,\"active\":false}");
	g_autoptr(JsonNode) result = NULL;
	gint64 id = roster_test_create(
	    fixture,
	    ROSTER_COLLECTION_ACCOUNTS,
	    0,
	    "{\"username\":\"temp\",\"role\":\"manager\",\"password\":\"Amber-Ridge-Falcon-63\"}");

	token = roster_engine_login(fixture->engine,
				    "temp",
				    "Amber-Ridge-Falcon-63",
				    NULL,
				    NULL,
				    &error);
	g_assert_no_error(error);
	result = roster_engine_update(fixture->engine,
				      fixture->admin,
				      ROSTER_COLLECTION_ACCOUNTS,
				      0,
				      id,
				      patch,
				      &error);
	g_assert_no_error(error);
	principal = roster_engine_authenticate(fixture->engine, token, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_null(principal);
	g_clear_error(&error);
	g_assert_null(roster_engine_login(fixture->engine,
					  "temp",
					  "Amber-Ridge-Falcon-63",
					  NULL,
					  NULL,
					  &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
}

static void
test_audit(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	gint64 id = add_volunteer(fixture, "AU-1");
	g_autoptr(JsonNode) patch = roster_test_json("{\"revision\":1,\"name\":\"改名\"}");
	g_autoptr(JsonNode) result = roster_engine_update(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_VOLUNTEERS,
							  0,
							  id,
							  patch,
							  &error);
	g_autoptr(RosterPrincipal) manager = login_as(fixture, "manager", 0);
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	g_autofree gchar *id_str = g_strdup_printf("%" G_GINT64_FORMAT, id);
	g_autoptr(JsonNode) admin_view = NULL;
	g_autoptr(JsonNode) manager_view = NULL;
	JsonArray *items;
	JsonObject *update;

	g_assert_no_error(error);
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_VOLUNTEERS,
					   0,
					   id,
					   -1,
					   &error));
	g_hash_table_insert(params, (gpointer) "collection", (gpointer) "volunteers");
	g_hash_table_insert(params, (gpointer) "record_id", (gpointer)id_str);
	admin_view = roster_engine_list(fixture->engine,
					fixture->admin,
					ROSTER_COLLECTION_AUDIT,
					0,
					params,
					&error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(admin_view), ROSTER_KEY_ITEMS);
	g_assert_cmpint(json_array_get_length(items), ==, 3);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 0),
						      ROSTER_KEY_ACTION),
			==,
			"create");
	g_assert_true(json_object_get_null_member(json_array_get_object_element(items, 0),
						  ROSTER_KEY_BEFORE));
	update = json_array_get_object_element(items, 1);
	g_assert_cmpstr(json_object_get_string_member(update, ROSTER_KEY_ACTION), ==, "update");
	g_assert_cmpstr(json_object_get_string_member(update, ROSTER_KEY_ACTOR), ==, "roster-tool");
	g_assert_cmpint(json_object_get_int_member(update, ROSTER_KEY_ACTOR_ID), ==, 0);
	g_assert_cmpstr(
	    json_object_get_string_member(json_object_get_object_member(update, ROSTER_KEY_BEFORE),
					  ROSTER_KEY_NAME),
	    ==,
	    "志愿者 AU-1");
	g_assert_cmpstr(
	    json_object_get_string_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
					  ROSTER_KEY_NAME),
	    ==,
	    "改名");
	g_assert_true(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
				   ROSTER_KEY_PHONE));
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 2),
						      ROSTER_KEY_ACTION),
			==,
			"delete");
	g_assert_true(
	    json_object_get_null_member(json_array_get_object_element(items, 2), ROSTER_KEY_AFTER));

	/* managers read the log without personal data */
	manager_view = roster_engine_list(fixture->engine,
					  manager,
					  ROSTER_COLLECTION_AUDIT,
					  0,
					  params,
					  &error);
	g_assert_no_error(error);
	update = json_array_get_object_element(
	    json_object_get_array_member(obj(manager_view), ROSTER_KEY_ITEMS),
	    1);
	g_assert_false(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_BEFORE),
				   ROSTER_KEY_PHONE));
	g_assert_false(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
				   ROSTER_KEY_EMAIL));
	g_assert_true(
	    json_object_has_member(json_object_get_object_member(update, ROSTER_KEY_AFTER),
				   ROSTER_KEY_NAME));
}

static void
test_audit_no_password(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(JsonNode) audit = NULL;
	g_autofree gchar *text = NULL;

	roster_test_create(
	    fixture,
	    ROSTER_COLLECTION_ACCOUNTS,
	    0,
	    "{\"username\":\"pw.test\",\"role\":\"manager\",\"password\":\"secret-pass-1\"}");
	g_hash_table_insert(params, (gpointer) "collection", (gpointer) "accounts");
	audit = roster_engine_list(fixture->engine,
				   fixture->admin,
				   ROSTER_COLLECTION_AUDIT,
				   0,
				   params,
				   &error);
	g_assert_no_error(error);
	text = json_to_string(audit, FALSE);
	g_assert_null(strstr(text, "secret-pass-1"));
	g_assert_null(strstr(text, "argon2"));
	g_assert_nonnull(strstr(text, "pw.test"));
}

static void
test_create_many_all_or_nothing(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) item_errors = NULL;
	g_autoptr(JsonNode) items =
	    roster_test_json("[{\"name\":\"甲\",\"counsellor_no\":\"B-1\",\"tier\":\"trainee\"},"
			     "{\"name\":\"乙\",\"counsellor_no\":\"B-2\",\"tier\":\"guru\"},"
			     "{\"name\":\"丙\",\"counsellor_no\":\"B-3\",\"tier\":\"senior\"},"
			     "{\"name\":\"丁\",\"counsellor_no\":\"b-1\",\"tier\":\"senior\"},"
			     "{\"name\":\"戊\",\"counsellor_no\":\"EX-1\",\"tier\":\"senior\"}]");

	add_volunteer(fixture, "EX-1");
	g_assert_false(roster_engine_create_many(fixture->engine,
						 fixture->admin,
						 ROSTER_COLLECTION_VOLUNTEERS,
						 json_node_get_array(items),
						 &item_errors,
						 &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpint(item_errors->len, ==, 3);
	g_assert_cmpstr(g_ptr_array_index(item_errors, 0),
			==,
			"1\ttier: must be one of trainee, counsellor, senior, expert");
	g_assert_true(g_str_has_prefix(g_ptr_array_index(item_errors, 1), "3\tcounsellor_no: "));
	g_assert_true(g_str_has_prefix(g_ptr_array_index(item_errors, 2), "4\tcounsellor_no: "));
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);
}

static void
test_create_many_good(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) item_errors = NULL;
	g_autoptr(JsonNode) items =
	    roster_test_json("[{\"name\":\"甲\",\"counsellor_no\":\"C-1\",\"tier\":\"trainee\"},"
			     "{\"name\":\"乙\",\"counsellor_no\":\"C-2\",\"tier\":\"expert\"}]");

	g_assert_true(roster_engine_create_many(fixture->engine,
						fixture->admin,
						ROSTER_COLLECTION_VOLUNTEERS,
						json_node_get_array(items),
						&item_errors,
						&error));
	g_assert_no_error(error);
	g_assert_cmpint(item_errors->len, ==, 0);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 2);
}

static void
test_backup_restore(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *backup = g_build_filename(fixture->tmpdir, "backup.db", NULL);
	gint64 kept = add_volunteer(fixture, "BK-1");
	gint64 later;

	g_assert_true(roster_engine_backup(fixture->engine, backup, &error));
	g_assert_no_error(error);
	later = add_volunteer(fixture, "BK-2");
	g_assert_true(roster_engine_delete(fixture->engine,
					   fixture->admin,
					   ROSTER_COLLECTION_VOLUNTEERS,
					   0,
					   kept,
					   -1,
					   &error));
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);

	g_assert_true(roster_engine_restore(fixture->engine, backup, &error));
	g_assert_no_error(error);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);
	{
		g_autoptr(JsonNode) got = roster_engine_get(fixture->engine,
							    fixture->admin,
							    ROSTER_COLLECTION_VOLUNTEERS,
							    0,
							    kept,
							    &error);
		g_assert_no_error(error);
		g_assert_nonnull(got);
	}
	{
		g_autoptr(JsonNode) gone = roster_engine_get(fixture->engine,
							     fixture->admin,
							     ROSTER_COLLECTION_VOLUNTEERS,
							     0,
							     later,
							     &error);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
		g_assert_null(gone);
		g_clear_error(&error);
	}
	/* the engine keeps working after a restore */
	add_volunteer(fixture, "BK-3");
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 2);
}

static void
test_restore_refuses_junk(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *junk = g_build_filename(fixture->tmpdir, "junk.db", NULL);
	g_autofree gchar *missing = g_build_filename(fixture->tmpdir, "missing.db", NULL);

	add_volunteer(fixture, "J-1");
	g_assert_true(g_file_set_contents(junk,
					  "this is not a database, just some text to be restored\n",
					  -1,
					  NULL));
	g_assert_false(roster_engine_restore(fixture->engine, junk, &error));
	g_assert_nonnull(error);
	g_clear_error(&error);
	g_assert_false(roster_engine_restore(fixture->engine, missing, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_assert_cmpint(roster_test_count(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0), ==, 1);
}

static void
test_audit_read_only(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json("{}");
	g_autoptr(JsonNode) result = roster_engine_create(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_AUDIT,
							  0,
							  body,
							  &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_SUPPORTED);
	g_assert_null(result);
}

static void
test_body_not_object(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json("[1,2]");
	g_autoptr(JsonNode) result = roster_engine_create(fixture->engine,
							  fixture->admin,
							  ROSTER_COLLECTION_TEAMS,
							  0,
							  body,
							  &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_MALFORMED);
	g_assert_null(result);
}

#define ADD(path, func)                                                                            \
	g_test_add(path,                                                                           \
		   RosterTestFixture,                                                              \
		   NULL,                                                                           \
		   roster_test_fixture_setup,                                                      \
		   func,                                                                           \
		   roster_test_fixture_teardown)

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	ADD("/roster/engine/volunteer-crud", test_volunteer_crud);
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
	ADD("/roster/engine/crud/demand-rules", test_demand_rule_crud);
	ADD("/roster/engine/crud/availability", test_availability_crud);
	ADD("/roster/engine/unknown-collection", test_unknown_collection);
	ADD("/roster/engine/default-calendar", test_default_calendar);
	ADD("/roster/engine/calendar-singleton", test_calendar_singleton);
	ADD("/roster/engine/stale-revision", test_stale_revision);
	ADD("/roster/engine/update-needs-revision", test_update_needs_revision);
	ADD("/roster/engine/invalid-changes-nothing", test_invalid_changes_nothing);
	ADD("/roster/engine/unique", test_unique);
	ADD("/roster/engine/reference-missing", test_reference_missing);
	ADD("/roster/engine/team-referenced", test_team_referenced);
	ADD("/roster/engine/list-filters", test_list_filters);
	ADD("/roster/engine/list-bad-params", test_list_bad_params);
	ADD("/roster/engine/permissions/manager", test_permissions_manager);
	ADD("/roster/engine/permissions/coordinator", test_permissions_coordinator);
	ADD("/roster/engine/permissions/volunteer", test_permissions_volunteer);
	ADD("/roster/engine/login", test_login);
	ADD("/roster/engine/ensure-admin-once", test_ensure_admin_once);
	ADD("/roster/engine/token/expired", test_token_expired);
	ADD("/roster/engine/token/logout", test_token_logout);
	ADD("/roster/engine/token/inactive", test_token_inactive);
	ADD("/roster/engine/audit", test_audit);
	ADD("/roster/engine/audit-no-password", test_audit_no_password);
	ADD("/roster/engine/audit-read-only", test_audit_read_only);
	ADD("/roster/engine/body-not-object", test_body_not_object);
	ADD("/roster/engine/create-many/all-or-nothing", test_create_many_all_or_nothing);
	ADD("/roster/engine/create-many/good", test_create_many_good);
	ADD("/roster/engine/backup-restore", test_backup_restore);
	ADD("/roster/engine/restore-refuses-junk", test_restore_refuses_junk);
	return g_test_run();
}
