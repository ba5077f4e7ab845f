/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the fixture and helpers of the roster engine tests: a small hand-made hotline built through the
 * engine in a temporary directory, for the week of Monday 2026-12-07 */

#include "config.h"

#include "roster-rosters-test-common.h"

void
fixture_setup(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = NULL;

	f->tmpdir = roster_test_make_tmpdir();
	path = g_build_filename(f->tmpdir, "roster.db", NULL);
	f->engine = roster_engine_new(path);
	roster_engine_set_fast_password_hashing(f->engine, TRUE);
	g_assert_true(roster_engine_open(f->engine, &error));
	g_assert_no_error(error);
	f->admin = roster_engine_dup_local_principal(f->engine);
}

void
fixture_teardown(Fixture *f, gconstpointer user_data)
{
	/* a job still running keeps the engine until it has written its roster */
	while (g_main_context_iteration(NULL, FALSE))
		;
	g_clear_pointer(&f->admin, roster_principal_unref);
	g_clear_object(&f->engine);
	roster_test_rmtree(f->tmpdir);
	g_free(f->tmpdir);
}

JsonObject *
obj(JsonNode *node)
{
	return json_node_get_object(node);
}

gint64
create(Fixture *f, const gchar *collection, JsonNode *body_owned)
{
	g_autoptr(JsonNode) body = body_owned;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) record =
	    roster_engine_create(f->engine, f->admin, collection, 0, body, &error);
	g_assert_no_error(error);
	return json_object_get_int_member(obj(record), ROSTER_KEY_ID);
}

gint64
add_seat(Fixture *f, const gchar *code, const gchar *mode, const gchar *tier, gboolean crisis)
{
	return create(f,
		      ROSTER_COLLECTION_SEAT_CLASSES,
		      roster_test_json_printf("{\"code\":\"%s\",\"name\":\"%s\",\"mode\":\"%s\","
					      "\"min_tier\":\"%s\",\"crisis\":%s}",
					      code,
					      code,
					      mode,
					      tier,
					      crisis ? "true" : "false"));
}

void
add_rule(Fixture *f, gint64 seat, const gchar *start, const gchar *end, guint seats)
{
	create(f,
	       ROSTER_COLLECTION_DEMAND_RULES,
	       roster_test_json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
				       ",\"start\":\"%s\",\"end\":\"%s\",\"seats\":%u}",
				       seat,
				       start,
				       end,
				       seats));
}

gint64
add_volunteer(Fixture *f, const gchar *number, const gchar *tier, const gchar *extra)
{
	return create(f,
		      ROSTER_COLLECTION_VOLUNTEERS,
		      roster_test_json_printf(
			  "{\"name\":\"V%s\",\"counsellor_no\":\"%s\",\"tier\":\"%s\"%s%s}",
			  number,
			  number,
			  tier,
			  extra != NULL ? "," : "",
			  extra != NULL ? extra : ""));
}

gint64
add_roster(Fixture *f, const gchar *settings)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body =
	    roster_test_json_printf("{\"name\":\"week\",\"period_start\":\"" WEEK_START
				    "\",\"period_end\":\"" WEEK_END "\"%s%s}",
				    settings != NULL ? ",\"settings\":" : "",
				    settings != NULL ? settings : "");
	g_autoptr(JsonNode) roster = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	return json_object_get_int_member(obj(roster), ROSTER_KEY_ID);
}

JsonNode *
solve(Fixture *f, gint64 roster)
{
	g_autoptr(GError) error = NULL;
	JsonNode *score =
	    roster_engine_solve_roster(f->engine, f->admin, roster, SOLVE_S, 1, &error);
	g_assert_no_error(error);
	return score;
}

JsonNode *
get_roster(Fixture *f, gint64 roster)
{
	g_autoptr(GError) error = NULL;
	JsonNode *node = roster_engine_get_roster(f->engine, f->admin, roster, &error);
	g_assert_no_error(error);
	return node;
}

JsonArray *
assignments_of(JsonNode *roster)
{
	return json_object_get_array_member(obj(roster), ROSTER_KEY_ASSIGNMENTS);
}

gint64
revision_of(Fixture *f, gint64 roster)
{
	g_autoptr(JsonNode) node = get_roster(f, roster);
	return json_object_get_int_member(obj(node), ROSTER_KEY_REVISION);
}

gint
minutes_of(const gchar *hhmm)
{
	return atoi(hhmm) * 60 + atoi(hhmm + 3);
}

/* the operational day index of a date in the test week */
gint
day_of(const gchar *date)
{
	return atoi(date + 8) - 7;
}

/* minutes from the start of the test week to the start of an assignment */
gint
start_of(JsonObject *a)
{
	gint slot = minutes_of(json_object_get_string_member(a, ROSTER_KEY_SLOT));
	/* slots before 08:00 belong to the operational day before */
	return day_of(json_object_get_string_member(a, ROSTER_KEY_DATE)) * 1440 + slot +
	       (slot < 480 ? 1440 : 0);
}

JsonNode *
assign(Fixture *f, gint64 roster, const gchar *fields, GError **error)
{
	g_autoptr(JsonNode) body = roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT ",%s}",
							   revision_of(f, roster),
							   fields);
	return roster_engine_assign(f->engine, f->admin, roster, body, error);
}

/* a small hotline for the edit tests: seat ids in ids[0] (on-site), ids[1] (crisis);
 * volunteers in ids[2..] (expert, senior, counsellor, trainee) */
gint64
edit_hotline(Fixture *f, gint64 *ids)
{
	ids[0] = add_seat(f, "onsite", "on-site", "trainee", FALSE);
	ids[1] = add_seat(f, "crisis", "on-site", "expert", TRUE);
	add_rule(f, ids[0], "08:00", "14:00", 1);
	ids[2] = add_volunteer(f, "X0", "expert", NULL);
	ids[3] = add_volunteer(f, "X1", "senior", NULL);
	ids[4] = add_volunteer(f, "X2", "counsellor", NULL);
	ids[5] = add_volunteer(f, "X3", "trainee", NULL);
	return add_roster(f, NULL);
}

/* the first item's id of @collection */
static gint64
first_id(Fixture *f, const gchar *collection)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list =
	    roster_engine_list(f->engine, f->admin, collection, 0, NULL, &error);
	JsonArray *items;

	g_assert_no_error(error);
	items = json_object_get_array_member(obj(list), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), >, 0);
	return json_object_get_int_member(json_array_get_object_element(items, 0), ROSTER_KEY_ID);
}

gint64
demo_month(Fixture *f, gint64 *seat_class, gint64 *volunteer)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body =
	    roster_test_json_printf("{\"name\":\"December\",\"period_start\":"
				    "\"2026-12-01\",\"period_end\":\"2026-12-31\"}");
	g_autoptr(JsonNode) roster = NULL;

	g_assert_true(roster_demo_seed_scale(f->engine, "city", 1, &error));
	g_assert_no_error(error);
	roster = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	*seat_class = first_id(f, ROSTER_COLLECTION_SEAT_CLASSES);
	*volunteer = first_id(f, ROSTER_COLLECTION_VOLUNTEERS);
	return json_object_get_int_member(obj(roster), ROSTER_KEY_ID);
}

guint
count_assignments(Fixture *f, gint64 roster)
{
	g_autoptr(JsonNode) node = get_roster(f, roster);
	return json_array_get_length(assignments_of(node));
}

gint64
add_team(Fixture *f, const gchar *name)
{
	return create(f,
		      ROSTER_COLLECTION_TEAMS,
		      roster_test_json_printf("{\"name\":\"%s\"}", name));
}

/* a counsellor of @team */
gint64
add_team_volunteer(Fixture *f, const gchar *number, gint64 team)
{
	g_autofree gchar *extra = g_strdup_printf("\"team_id\":%" G_GINT64_FORMAT, team);
	return add_volunteer(f, number, "counsellor", extra);
}
