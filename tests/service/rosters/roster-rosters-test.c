/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "roster-demo.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys.h"

/* each test builds one small hand-made hotline through the engine, in a temporary
 * directory, for the week of Monday 2026-12-07 */

#define WEEK_START "2026-12-07"
#define WEEK_END   "2026-12-13"
#define SOLVE_S	   1.0

typedef struct {
	gchar *tmpdir;
	RosterEngine *engine;
	RosterPrincipal *admin;
} Fixture;

static void
fixture_setup(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = NULL;

	f->tmpdir = g_dir_make_tmp("roster-rosters-XXXXXX", &error);
	g_assert_no_error(error);
	path = g_build_filename(f->tmpdir, "roster.db", NULL);
	f->engine = roster_engine_new(path);
	roster_engine_set_fast_password_hashing(f->engine, TRUE);
	g_assert_true(roster_engine_open(f->engine, &error));
	g_assert_no_error(error);
	f->admin = roster_engine_dup_local_principal(f->engine);
}

static void
fixture_teardown(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GDir) dir = NULL;
	const gchar *name;

	/* a job still running keeps the engine until it has written its roster */
	while (g_main_context_iteration(NULL, FALSE))
		;
	g_clear_pointer(&f->admin, roster_principal_unref);
	g_clear_object(&f->engine);
	dir = g_dir_open(f->tmpdir, 0, NULL);
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *path = g_build_filename(f->tmpdir, name, NULL);
		g_unlink(path);
	}
	g_rmdir(f->tmpdir);
	g_free(f->tmpdir);
}

static JsonNode *
json_printf(const gchar *format, ...) G_GNUC_PRINTF(1, 2);

static JsonNode *
json_printf(const gchar *format, ...)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	JsonNode *node;
	va_list args;

	va_start(args, format);
	text = g_strdup_vprintf(format, args);
	va_end(args);
	node = json_from_string(text, &error);
	g_assert_no_error(error);
	return node;
}

static JsonObject *
obj(JsonNode *node)
{
	return json_node_get_object(node);
}

static gint64
create(Fixture *f, const gchar *collection, JsonNode *body_owned)
{
	g_autoptr(JsonNode) body = body_owned;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) record =
	    roster_engine_create(f->engine, f->admin, collection, 0, body, &error);
	g_assert_no_error(error);
	return json_object_get_int_member(obj(record), ROSTER_KEY_ID);
}

static gint64
add_seat(Fixture *f, const gchar *code, const gchar *mode, const gchar *tier, gboolean crisis)
{
	return create(f,
		      ROSTER_COLLECTION_SEAT_CLASSES,
		      json_printf("{\"code\":\"%s\",\"name\":\"%s\",\"mode\":\"%s\","
				  "\"min_tier\":\"%s\",\"crisis\":%s}",
				  code,
				  code,
				  mode,
				  tier,
				  crisis ? "true" : "false"));
}

static void
add_rule(Fixture *f, gint64 seat, const gchar *start, const gchar *end, guint seats)
{
	create(f,
	       ROSTER_COLLECTION_DEMAND_RULES,
	       json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			   ",\"start\":\"%s\",\"end\":\"%s\",\"seats\":%u}",
			   seat,
			   start,
			   end,
			   seats));
}

static gint64
add_volunteer(Fixture *f, const gchar *number, const gchar *tier, const gchar *extra)
{
	return create(f,
		      ROSTER_COLLECTION_VOLUNTEERS,
		      json_printf("{\"name\":\"V%s\",\"counsellor_no\":\"%s\",\"tier\":\"%s\"%s%s}",
				  number,
				  number,
				  tier,
				  extra != NULL ? "," : "",
				  extra != NULL ? extra : ""));
}

static gint64
add_roster(Fixture *f, const gchar *settings)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = json_printf("{\"name\":\"week\",\"period_start\":\"" WEEK_START
					       "\",\"period_end\":\"" WEEK_END "\"%s%s}",
					       settings != NULL ? ",\"settings\":" : "",
					       settings != NULL ? settings : "");
	g_autoptr(JsonNode) roster = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	return json_object_get_int_member(obj(roster), ROSTER_KEY_ID);
}

static JsonNode *
solve(Fixture *f, gint64 roster)
{
	g_autoptr(GError) error = NULL;
	JsonNode *score =
	    roster_engine_solve_roster(f->engine, f->admin, roster, SOLVE_S, 1, &error);
	g_assert_no_error(error);
	return score;
}

static JsonNode *
get_roster(Fixture *f, gint64 roster)
{
	g_autoptr(GError) error = NULL;
	JsonNode *node = roster_engine_get_roster(f->engine, f->admin, roster, &error);
	g_assert_no_error(error);
	return node;
}

static JsonArray *
assignments_of(JsonNode *roster)
{
	return json_object_get_array_member(obj(roster), ROSTER_KEY_ASSIGNMENTS);
}

static gint64
revision_of(Fixture *f, gint64 roster)
{
	g_autoptr(JsonNode) node = get_roster(f, roster);
	return json_object_get_int_member(obj(node), ROSTER_KEY_REVISION);
}

static gint
minutes_of(const gchar *hhmm)
{
	return atoi(hhmm) * 60 + atoi(hhmm + 3);
}

/* the operational day index of a date in the test week */
static gint
day_of(const gchar *date)
{
	return atoi(date + 8) - 7;
}

/* minutes from the start of the test week to the start of an assignment */
static gint
start_of(JsonObject *a)
{
	gint slot = minutes_of(json_object_get_string_member(a, ROSTER_KEY_SLOT));
	/* slots before 08:00 belong to the operational day before */
	return day_of(json_object_get_string_member(a, ROSTER_KEY_DATE)) * 1440 + slot +
	       (slot < 480 ? 1440 : 0);
}

static void
test_create_and_read(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) bad = json_printf("{\"name\":\"x\",\"period_start\":\"2026-12-10\","
					      "\"period_end\":\"2026-12-01\"}");
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) roster = NULL;
	gint64 id = add_roster(f, "{\"min_rest_minutes\":600,\"uncovered_crisis\":5000}");

	roster = get_roster(f, id);
	g_assert_cmpstr(json_object_get_string_member(obj(roster), ROSTER_KEY_STATE), ==, "draft");
	g_assert_cmpint(json_array_get_length(assignments_of(roster)), ==, 0);
	g_assert_cmpint(json_object_get_int_member(
			    json_object_get_object_member(obj(roster), ROSTER_KEY_SETTINGS),
			    "min_rest_minutes"),
			==,
			600);
	list = roster_engine_list_rosters(f->engine, f->admin, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL), ==, 1);
	refused = roster_engine_create_roster(f->engine, f->admin, bad, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(refused);
}

/* four experts can cover 19:00-02:00 (three slots a day); nobody else may */
static void
test_rule_crisis_only_experts(Fixture *f, gconstpointer user_data)
{
	gint64 crisis = add_seat(f, "crisis", "on-site", "expert", TRUE);
	g_autoptr(GHashTable) experts =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 id;

	add_rule(f, crisis, "19:00", "02:00", 1);
	for (guint i = 0; i < 8; i++) {
		g_autofree gchar *number = g_strdup_printf("E%u", i);
		gint64 v = add_volunteer(f,
					 number,
					 i < 4	 ? "expert"
					 : i < 6 ? "senior"
						 : "counsellor",
					 NULL);
		if (i < 4)
			g_hash_table_add(experts, g_memdup2(&v, sizeof(v)));
	}
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpint(json_array_get_length(items), ==, 21);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		g_assert_true(g_hash_table_contains(experts, &v));
	}
}

/* a window 19:00-02:00 covers the slots 17:00, 20:00 and 23:00 of the day it starts */
static void
test_rule_window_crossing_midnight(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "crisis", "on-site", "counsellor", TRUE);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 id;
	guint counts[3] = {0, 0, 0};

	add_rule(f, seat, "19:00", "02:00", 1);
	for (guint i = 0; i < 6; i++) {
		g_autofree gchar *number = g_strdup_printf("W%u", i);
		add_volunteer(f, number, "counsellor", NULL);
	}
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), "required"), ==, 21);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		const gchar *slot = json_object_get_string_member(a, ROSTER_KEY_SLOT);
		if (g_strcmp0(slot, "17:00") == 0)
			counts[0]++;
		else if (g_strcmp0(slot, "20:00") == 0)
			counts[1]++;
		else if (g_strcmp0(slot, "23:00") == 0)
			counts[2]++;
		else
			g_assert_not_reached();
		/* the 23:00 shift stays on the operational day it starts in */
		g_assert_cmpint(day_of(json_object_get_string_member(a, ROSTER_KEY_DATE)), <, 7);
	}
	g_assert_cmpuint(counts[0], ==, 7);
	g_assert_cmpuint(counts[1], ==, 7);
	g_assert_cmpuint(counts[2], ==, 7);
}

/* trainees only where a senior or expert works a seat of the same mode and slot */
static void
test_rule_trainee_never_alone(Fixture *f, gconstpointer user_data)
{
	gint64 onsite = add_seat(f, "onsite", "on-site", "trainee", FALSE);
	gint64 cloud = add_seat(f, "cloud", "cloud", "trainee", FALSE);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(GHashTable) tiers =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	JsonArray *items;
	gint64 id;
	guint trainee_shifts = 0;

	add_rule(f, onsite, "08:00", "14:00", 2);
	add_rule(f, cloud, "08:00", "14:00", 1);
	for (guint i = 0; i < 10; i++) {
		g_autofree gchar *number = g_strdup_printf("T%u", i);
		const gchar *tier = i < 5 ? "trainee" : i < 7 ? "senior" : "counsellor";
		gint64 v = add_volunteer(f, number, tier, "\"min_shifts_month\":4");
		g_hash_table_insert(tiers, g_memdup2(&v, sizeof(v)), (gpointer)tier);
	}
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, id);
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gboolean paired = FALSE;
		if (g_strcmp0(g_hash_table_lookup(tiers, &v), "trainee") != 0)
			continue;
		trainee_shifts++;
		for (guint j = 0; j < json_array_get_length(items); j++) {
			JsonObject *b = json_array_get_object_element(items, j);
			gint64 w = json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID);
			paired |= g_strcmp0(g_hash_table_lookup(tiers, &w), "senior") == 0 &&
				  start_of(a) == start_of(b) &&
				  json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID) ==
				      json_object_get_int_member(b, ROSTER_KEY_SEAT_CLASS_ID);
		}
		g_assert_true(paired);
	}
	/* the commitments make trainees work at all */
	g_assert_cmpuint(trainee_shifts, >, 0);
}

/* a counsellor below the minimum of verified pre-job training sits only as a paired
 * trainee: never on a seat for counsellors, never without a senior beside it */
static void
test_rule_untrained_only_paired(Fixture *f, gconstpointer user_data)
{
	gint64 open_seat = add_seat(f, "open", "on-site", "trainee", FALSE);
	gint64 solo_seat = add_seat(f, "solo", "on-site", "counsellor", FALSE);
	g_autoptr(JsonNode) settings = json_printf("{\"pre_job_min_hours\":20}");
	g_autoptr(JsonNode) done = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(GError) error = NULL;
	JsonArray *items;
	gint64 untrained;
	gint64 senior;
	gint64 id;
	guint shifts = 0;

	add_rule(f, open_seat, "08:00", "11:00", 2);
	add_rule(f, solo_seat, "14:00", "17:00", 1);
	untrained = add_volunteer(f, "U1", "counsellor", "\"min_shifts_month\":4");
	senior = add_volunteer(f, "S1", "senior", NULL);
	add_volunteer(f, "C1", "counsellor", NULL);
	for (guint i = 0; i < 2; i++) {
		g_autoptr(JsonNode) training =
		    json_printf("{\"volunteer_id\":%" G_GINT64_FORMAT
				",\"kind\":\"pre-job\",\"hours\":24,\"date\":\"2026-01-05\","
				"\"verified_by\":\"督导\"}",
				i == 0 ? senior : senior + 1);
		g_autoptr(JsonNode) record =
		    roster_engine_create_training(f->engine, f->admin, training, &error);
		g_assert_no_error(error);
	}
	done = roster_engine_set_record_settings(f->engine, f->admin, settings, &error);
	g_assert_no_error(error);

	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, id);
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gboolean paired = FALSE;
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != untrained)
			continue;
		shifts++;
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID),
				==,
				open_seat);
		for (guint j = 0; j < json_array_get_length(items); j++) {
			JsonObject *b = json_array_get_object_element(items, j);
			paired |=
			    json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID) == senior &&
			    start_of(a) == start_of(b);
		}
		g_assert_true(paired);
	}
	/* the commitment makes the untrained counsellor work at all */
	g_assert_cmpuint(shifts, >, 0);
}

/* at least 11 hours between the end of one shift and the start of the next */
static void
test_rule_rest_respected(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 id;

	add_rule(f, seat, "08:00", "08:00", 1);
	for (guint i = 0; i < 12; i++) {
		g_autofree gchar *number = g_strdup_printf("R%u", i);
		add_volunteer(f, number, "counsellor", "\"min_shifts_month\":6");
	}
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, id);
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		for (guint j = 0; j < json_array_get_length(items); j++) {
			JsonObject *b = json_array_get_object_element(items, j);
			gint gap = start_of(b) - (start_of(a) + 180);
			if (i == j || json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) !=
					  json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID))
				continue;
			if (start_of(b) > start_of(a))
				g_assert_cmpint(gap, >=, 660);
		}
	}
}

/* a whole unavailable day and an unavailable morning on a weekday */
static void
test_rule_unavailability_respected(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) score = NULL;
	JsonArray *items;
	gint64 away;
	gint64 late;
	gint64 id;

	add_rule(f, seat, "08:00", "20:00", 1);
	away = add_volunteer(f, "U0", "counsellor", "\"min_shifts_month\":7");
	late = add_volunteer(f, "U1", "counsellor", "\"min_shifts_month\":7");
	for (guint i = 2; i < 5; i++) {
		g_autofree gchar *number = g_strdup_printf("U%u", i);
		add_volunteer(f, number, "counsellor", NULL);
	}
	{
		g_autoptr(GError) error = NULL;
		g_autoptr(JsonNode) a =
		    json_printf("{\"kind\":\"unavailable\",\"date\":\"2026-12-09\"}");
		g_autoptr(JsonNode) b =
		    json_printf("{\"kind\":\"unavailable\",\"weekday\":4,\"start\":\"08:00\","
				"\"end\":\"14:00\"}");
		g_autoptr(JsonNode) ra = roster_engine_create(f->engine,
							      f->admin,
							      ROSTER_COLLECTION_AVAILABILITY,
							      away,
							      a,
							      &error);
		g_autoptr(JsonNode) rb = NULL;
		g_assert_no_error(error);
		rb = roster_engine_create(f->engine,
					  f->admin,
					  ROSTER_COLLECTION_AVAILABILITY,
					  late,
					  b,
					  &error);
		g_assert_no_error(error);
	}
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, id);
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		const gchar *date = json_object_get_string_member(a, ROSTER_KEY_DATE);
		gint slot = minutes_of(json_object_get_string_member(a, ROSTER_KEY_SLOT));
		if (v == away)
			g_assert_cmpstr(date, !=, "2026-12-09");
		/* Thursday 2026-12-10: not 08:00 or 11:00 */
		if (v == late && g_strcmp0(date, "2026-12-10") == 0)
			g_assert_cmpint(slot, >=, 840);
	}
}

static JsonNode *
assign(Fixture *f, gint64 roster, const gchar *fields, GError **error)
{
	g_autoptr(JsonNode) body =
	    json_printf("{\"revision\":%" G_GINT64_FORMAT ",%s}", revision_of(f, roster), fields);
	return roster_engine_assign(f->engine, f->admin, roster, body, error);
}

/* a pinned assignment survives a solve that would rather not have it */
static void
test_rule_pins_kept(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) pinned = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autofree gchar *fields = NULL;
	JsonArray *items;
	gint64 v;
	gint64 id;
	gboolean found = FALSE;

	add_rule(f, seat, "08:00", "14:00", 1);
	v = add_volunteer(f, "P0", "counsellor", NULL);
	add_volunteer(f, "P1", "counsellor", NULL);
	add_volunteer(f, "P2", "counsellor", NULL);
	id = add_roster(f, NULL);
	/* 17:00 has no demand, so the solver would drop it: the pin keeps it */
	fields = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"17:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"pinned\":true",
	    seat,
	    v);
	pinned = assign(f, id, fields, &error);
	g_assert_no_error(error);
	score = solve(f, id);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		if (json_object_get_int_member(a, ROSTER_KEY_ID) ==
		    json_object_get_int_member(obj(pinned), ROSTER_KEY_ID)) {
			found = TRUE;
			g_assert_true(json_object_get_boolean_member(a, ROSTER_KEY_PINNED));
			g_assert_cmpstr(json_object_get_string_member(a, ROSTER_KEY_SLOT),
					==,
					"17:00");
		}
		/* the volunteer has no second shift that day */
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) == v &&
		    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_DATE), "2026-12-08") == 0)
			g_assert_cmpstr(json_object_get_string_member(a, ROSTER_KEY_SLOT),
					==,
					"17:00");
	}
	g_assert_true(found);
}

/* a small hotline for the edit tests: seat ids in ids[0] (on-site), ids[1] (crisis);
 * volunteers in ids[2..] (expert, senior, counsellor, trainee) */
static gint64
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

static guint
count_assignments(Fixture *f, gint64 roster)
{
	g_autoptr(JsonNode) node = get_roster(f, roster);
	return json_array_get_length(assignments_of(node));
}

static void
test_edit_refused(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) r1 = NULL;
	g_autoptr(JsonNode) r2 = NULL;
	g_autoptr(JsonNode) r3 = NULL;
	g_autoptr(JsonNode) r4 = NULL;
	g_autoptr(JsonNode) r5 = NULL;
	g_autoptr(JsonNode) audit = NULL;
	g_autofree gchar *crisis_by_counsellor = NULL;
	g_autofree gchar *trainee_alone = NULL;
	g_autofree gchar *late = NULL;
	g_autofree gchar *early = NULL;
	gint64 before;

	crisis_by_counsellor = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"20:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[1],
	    ids[4]);
	before = revision_of(f, id);
	r1 = assign(f, id, crisis_by_counsellor, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "not-eligible: "));
	g_assert_nonnull(strstr(error->message, "VX2"));
	g_assert_null(r1);
	g_clear_error(&error);
	g_assert_cmpint(revision_of(f, id), ==, before);
	g_assert_cmpuint(count_assignments(f, id), ==, 0);

	trainee_alone = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[5]);
	r2 = assign(f, id, trainee_alone, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "trainee-alone: "));
	g_clear_error(&error);
	g_assert_cmpuint(count_assignments(f, id), ==, 0);

	/* 23:00 on Tuesday then 08:00 on Wednesday leaves 6 hours of rest */
	late = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"23:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[4]);
	r3 = assign(f, id, late, &error);
	g_assert_no_error(error);
	early = g_strdup_printf(
	    "\"date\":\"2026-12-09\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[4]);
	r4 = assign(f, id, early, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "min-rest: "));
	g_clear_error(&error);
	g_assert_cmpuint(count_assignments(f, id), ==, 1);

	/* the coordinator overrides: accepted, marked and audited */
	{
		g_autofree gchar *forced = g_strdup_printf(
		    "\"date\":\"2026-12-10\",\"slot\":\"20:00\",\"seat_class_id\":%" G_GINT64_FORMAT
		    ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":true",
		    ids[1],
		    ids[4]);
		g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
		JsonArray *items;
		gboolean audited = FALSE;
		r5 = assign(f, id, forced, &error);
		g_assert_no_error(error);
		g_assert_cmpstr(json_object_get_string_member(obj(r5), ROSTER_KEY_SOURCE),
				==,
				"override");
		g_hash_table_insert(params, (gpointer)ROSTER_PARAM_LIMIT, (gpointer) "500");
		audit = roster_engine_list(f->engine,
					   f->admin,
					   ROSTER_COLLECTION_AUDIT,
					   0,
					   params,
					   &error);
		g_assert_no_error(error);
		items = json_object_get_array_member(obj(audit), ROSTER_KEY_ITEMS);
		for (guint i = 0; i < json_array_get_length(items); i++) {
			JsonObject *e = json_array_get_object_element(items, i);
			audited |= g_strcmp0(json_object_get_string_member(e, ROSTER_KEY_ACTION),
					     "override") == 0;
		}
		g_assert_true(audited);
	}
}

static JsonNode *
swap(Fixture *f, gint64 roster, gint64 first, gint64 second, gboolean override, GError **error)
{
	g_autoptr(JsonNode) body =
	    json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"assignments\":[%" G_GINT64_FORMAT
			",%" G_GINT64_FORMAT "],\"override\":%s}",
			revision_of(f, roster),
			first,
			second,
			override ? "true" : "false");
	return roster_engine_swap_assignments(f->engine, f->admin, roster, body, error);
}

/* the volunteer of an assignment as the roster has it now */
static gint64
volunteer_of(Fixture *f, gint64 roster, gint64 assignment)
{
	g_autoptr(JsonNode) node = get_roster(f, roster);
	JsonArray *items = assignments_of(node);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		if (json_object_get_int_member(a, ROSTER_KEY_ID) == assignment)
			return json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
	}
	return 0;
}

/* two people exchange their seats in one step, even on the same day, where two moves
 * one after the other would each break one-shift-per-day */
static void
test_edit_swap(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) ra = NULL;
	g_autoptr(JsonNode) rb = NULL;
	g_autoptr(JsonNode) rc = NULL;
	g_autoptr(JsonNode) swapped = NULL;
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) forced = NULL;
	g_autoptr(JsonNode) pinned = NULL;
	g_autoptr(JsonNode) pin = NULL;
	g_autoptr(JsonNode) same = NULL;
	g_autofree gchar *morning = NULL;
	g_autofree gchar *noon = NULL;
	g_autofree gchar *crisis = NULL;
	gint64 a;
	gint64 b;
	gint64 c;
	gint64 before;

	morning = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[3]);
	noon = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"11:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[4]);
	crisis = g_strdup_printf(
	    "\"date\":\"2026-12-09\",\"slot\":\"20:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[1],
	    ids[2]);
	ra = assign(f, id, morning, &error);
	g_assert_no_error(error);
	rb = assign(f, id, noon, &error);
	g_assert_no_error(error);
	rc = assign(f, id, crisis, &error);
	g_assert_no_error(error);
	a = json_object_get_int_member(obj(ra), ROSTER_KEY_ID);
	b = json_object_get_int_member(obj(rb), ROSTER_KEY_ID);
	c = json_object_get_int_member(obj(rc), ROSTER_KEY_ID);

	/* the senior and the counsellor, same day: exchanged, one revision */
	before = revision_of(f, id);
	swapped = swap(f, id, a, b, FALSE, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(swapped), ROSTER_KEY_REVISION),
			==,
			before + 1);
	g_assert_cmpint(volunteer_of(f, id, a), ==, ids[4]);
	g_assert_cmpint(volunteer_of(f, id, b), ==, ids[3]);

	/* the senior onto the crisis seat breaks a hard rule: refused, nothing changes */
	before = revision_of(f, id);
	refused = swap(f, id, b, c, FALSE, &error);
	g_assert_null(refused);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "not-eligible: "));
	g_clear_error(&error);
	g_assert_cmpint(revision_of(f, id), ==, before);
	g_assert_cmpint(volunteer_of(f, id, c), ==, ids[2]);

	/* with the override it is made and marked */
	forced = swap(f, id, b, c, TRUE, &error);
	g_assert_no_error(error);
	g_assert_cmpint(volunteer_of(f, id, c), ==, ids[3]);
	g_assert_cmpstr(json_object_get_string_member(
			    json_array_get_object_element(
				json_object_get_array_member(obj(forced), ROSTER_KEY_ASSIGNMENTS),
				1),
			    ROSTER_KEY_SOURCE),
			==,
			"override");

	/* a pinned seat is not swapped, nor a seat with itself */
	{
		g_autoptr(JsonNode) body =
		    json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"pinned\":true}",
				revision_of(f, id));
		pin = roster_engine_update_assignment(f->engine, f->admin, id, a, body, &error);
		g_assert_no_error(error);
	}
	pinned = swap(f, id, a, b, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "pinned: "));
	g_clear_error(&error);
	same = swap(f, id, a, a, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "assignments: "));
}

/* two coordinators edit from the same revision: the second gets a conflict */
static void
test_edit_conflict(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	gint64 read = revision_of(f, id);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) first_body = json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"2026-12-08\",\"slot\":\"08:00\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    read,
	    ids[0],
	    ids[3]);
	g_autoptr(JsonNode) second_body = json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"2026-12-08\",\"slot\":\"11:00\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    read,
	    ids[0],
	    ids[4]);
	g_autoptr(JsonNode) first =
	    roster_engine_assign(f->engine, f->admin, id, first_body, &error);
	g_autoptr(JsonNode) second = NULL;
	g_autoptr(JsonNode) unpin = NULL;
	g_autoptr(JsonNode) gone = NULL;

	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(first), ROSTER_KEY_REVISION), ==, read + 1);
	second = roster_engine_assign(f->engine, f->admin, id, second_body, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_null(second);
	g_clear_error(&error);
	g_assert_cmpuint(count_assignments(f, id), ==, 1);
	/* a stale delete is refused too; a current one works */
	gone = roster_engine_unassign(f->engine,
				      f->admin,
				      id,
				      json_object_get_int_member(obj(first), ROSTER_KEY_ID),
				      read,
				      FALSE,
				      &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	unpin = roster_engine_unassign(f->engine,
				       f->admin,
				       id,
				       json_object_get_int_member(obj(first), ROSTER_KEY_ID),
				       read + 1,
				       FALSE,
				       &error);
	g_assert_no_error(error);
	g_assert_cmpuint(count_assignments(f, id), ==, 0);
}

/* a move of a pinned assignment needs an unpin first; a move keeps the hard rules */
static void
test_edit_move_and_pin(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *fields = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"pinned\":true",
	    ids[0],
	    ids[4]);
	g_autoptr(JsonNode) a = assign(f, id, fields, &error);
	gint64 aid = json_object_get_int_member(obj(a), ROSTER_KEY_ID);
	g_autoptr(JsonNode) move1 = NULL;
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) unpin = NULL;
	g_autoptr(JsonNode) moved = NULL;
	g_autoptr(JsonNode) body = NULL;

	g_assert_no_error(error);
	move1 = json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"slot\":\"11:00\"}",
			    revision_of(f, id));
	refused = roster_engine_update_assignment(f->engine, f->admin, id, aid, move1, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "pinned: "));
	g_clear_error(&error);
	body =
	    json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"pinned\":false}", revision_of(f, id));
	unpin = roster_engine_update_assignment(f->engine, f->admin, id, aid, body, &error);
	g_assert_no_error(error);
	g_assert_false(json_object_get_boolean_member(obj(unpin), ROSTER_KEY_PINNED));
	g_clear_pointer(&body, json_node_unref);
	body = json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"slot\":\"11:00\"}",
			   revision_of(f, id));
	moved = roster_engine_update_assignment(f->engine, f->admin, id, aid, body, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(moved), ROSTER_KEY_SLOT), ==, "11:00");
}

static const gchar *
job_state(Fixture *f, gint64 id)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) job = roster_engine_get_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	return g_intern_string(json_object_get_string_member(obj(job), ROSTER_KEY_STATE));
}

static void
wait_job(Fixture *f, gint64 id)
{
	while (g_strcmp0(job_state(f, id), ROSTER_JOB_RUNNING) == 0)
		g_main_context_iteration(NULL, TRUE);
}

/* start, progress, a second start refused, edits refused, cancel keeps the best */
static void
test_job_cancel(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = json_printf("{\"time_limit\":60,\"seed\":3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	g_autoptr(JsonNode) again = NULL;
	g_autoptr(JsonNode) cancelled = NULL;
	g_autoptr(JsonNode) edit = NULL;
	g_autoptr(JsonNode) progress = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autofree gchar *fields = NULL;

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(job), ROSTER_KEY_STATE), ==, "running");
	again = roster_engine_start_solve(f->engine, f->admin, id, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	fields = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[3]);
	edit = assign(f, id, fields, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	/* reads stay possible while the job runs, and show the best roster's empty seats
	 * as soon as there is one */
	for (guint i = 0; i < 100; i++) {
		g_usleep(G_USEC_PER_SEC / 20);
		g_clear_pointer(&progress, json_node_unref);
		progress = roster_engine_get_solve(f->engine, f->admin, id, &error);
		g_assert_no_error(error);
		if (!json_object_get_null_member(obj(progress), ROSTER_KEY_BEST_SCORE))
			break;
	}
	g_assert_cmpstr(json_object_get_string_member(obj(progress), ROSTER_KEY_STATE),
			==,
			ROSTER_JOB_RUNNING);
	g_assert_cmpfloat(json_object_get_double_member(obj(progress), ROSTER_KEY_ELAPSED), >, 0);
	g_assert_false(json_object_get_null_member(obj(progress), ROSTER_KEY_BEST_SCORE));
	g_assert_false(json_object_get_null_member(obj(progress), ROSTER_KEY_UNCOVERED));
	g_assert_cmpint(json_object_get_int_member(obj(progress), ROSTER_KEY_UNCOVERED), >=, 0);
	g_assert_false(json_object_get_null_member(obj(progress), ROSTER_KEY_UNCOVERED_CRISIS));
	cancelled = roster_engine_cancel_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	wait_job(f, id);
	g_assert_cmpstr(job_state(f, id), ==, ROSTER_JOB_CANCELLED);
	roster = get_roster(f, id);
	/* the best roster so far was written: every 08:00 and 11:00 seat of the week */
	g_assert_cmpint(json_array_get_length(assignments_of(roster)), ==, 14);
	g_assert_false(json_object_get_null_member(obj(roster), ROSTER_KEY_SCORE));
}

static void
test_job_done(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = json_printf("{\"time_limit\":0.3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	g_autoptr(JsonNode) done = NULL;
	g_autoptr(JsonNode) bad_body = json_printf("{\"time_limit\":-1}");
	g_autoptr(JsonNode) bad = NULL;

	g_assert_no_error(error);
	wait_job(f, id);
	done = roster_engine_get_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(done), ROSTER_KEY_STATE), ==, "done");
	g_assert_cmpint(json_object_get_int_member(obj(done), ROSTER_KEY_UNCOVERED), ==, 0);
	g_assert_cmpint(json_object_get_int_member(obj(done), ROSTER_KEY_HARD_VIOLATIONS), ==, 0);
	bad = roster_engine_start_solve(f->engine, f->admin, id, bad_body, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
}

/* the nice values of this process's solver threads that run now, -1 for none */
static gint
solver_thread_nice(void)
{
	g_autoptr(GDir) dir = g_dir_open("/proc/self/task", 0, NULL);
	const gchar *tid;
	gint nice = -1;

	g_assert_nonnull(dir);
	while ((tid = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *comm_path =
		    g_build_filename("/proc/self/task", tid, "comm", NULL);
		g_autofree gchar *stat_path =
		    g_build_filename("/proc/self/task", tid, "stat", NULL);
		g_autofree gchar *comm = NULL;
		g_autofree gchar *stat = NULL;
		g_auto(GStrv) fields = NULL;
		const gchar *after_name;
		if (!g_file_get_contents(comm_path, &comm, NULL, NULL) ||
		    !g_str_has_prefix(comm, "roster-solver") ||
		    !g_file_get_contents(stat_path, &stat, NULL, NULL))
			continue;
		/* the fields after the command's closing parenthesis; nice is field 19 */
		after_name = strrchr(stat, ')');
		g_assert_nonnull(after_name);
		fields = g_strsplit(after_name + 2, " ", -1);
		g_assert_cmpuint(g_strv_length(fields), >, 16);
		nice = (gint)g_ascii_strtoll(fields[16], NULL, 10);
	}
	return nice;
}

/* a solve's search threads run below the request handling (nice 10), so that the
 * daemon answers people first while a solve uses every core */
static void
test_job_threads_niced(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = json_printf("{\"time_limit\":3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	gint nice = -1;

	g_assert_no_error(error);
	for (guint i = 0; i < 100 && nice < 0; i++) {
		g_usleep(G_USEC_PER_SEC / 50);
		nice = solver_thread_nice();
	}
	g_assert_cmpint(nice, ==, 10);
	g_assert_cmpint(getpriority(PRIO_PROCESS, 0), ==, 0);
	wait_job(f, id);
}

/* the job's best score, after waiting up to 5 s for the first one */
static void
wait_best_score(Fixture *f, gint64 id)
{
	for (guint i = 0; i < 100; i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(JsonNode) progress =
		    roster_engine_get_solve(f->engine, f->admin, id, &error);
		g_assert_no_error(error);
		if (!json_object_get_null_member(obj(progress), ROSTER_KEY_BEST_SCORE))
			return;
		g_usleep(G_USEC_PER_SEC / 20);
	}
	g_assert_not_reached();
}

/* the audit rows of the roster's solves, newest first */
static JsonArray *
solve_audits(Fixture *f, gint64 id, JsonNode **list_out)
{
	g_autoptr(GHashTable) params = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	g_autoptr(GError) error = NULL;
	JsonArray *items;
	JsonArray *solves = json_array_new();

	g_hash_table_insert(params,
			    (gpointer)ROSTER_PARAM_COLLECTION,
			    g_strdup(ROSTER_COLLECTION_ROSTERS));
	g_hash_table_insert(params,
			    (gpointer)ROSTER_PARAM_RECORD_ID,
			    g_strdup_printf("%" G_GINT64_FORMAT, id));
	*list_out =
	    roster_engine_list(f->engine, f->admin, ROSTER_COLLECTION_AUDIT, 0, params, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(*list_out), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *e = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(e, ROSTER_KEY_ACTION), "solve") == 0)
			json_array_add_object_element(solves, json_object_ref(e));
	}
	return solves;
}

/* a stopping daemon: running jobs stop, write their best roster and say so; no new job */
static void
test_job_stop_solves(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	gint64 other = add_roster(f, NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = json_printf("{\"time_limit\":60,\"seed\":3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) stopped = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) audit = NULL;
	g_autoptr(JsonArray) solves = NULL;
	JsonObject *after;
	JsonObject *ending;

	g_assert_no_error(error);
	wait_best_score(f, id);
	g_assert_cmpuint(roster_engine_get_n_solves(f->engine), ==, 1);
	g_assert_cmpuint(roster_engine_stop_solves(f->engine), ==, 1);
	refused = roster_engine_start_solve(f->engine, f->admin, other, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_BUSY);
	g_assert_null(refused);
	g_clear_error(&error);
	while (roster_engine_get_n_solves(f->engine) > 0)
		g_main_context_iteration(NULL, TRUE);

	stopped = roster_engine_get_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(stopped), ROSTER_KEY_STATE),
			==,
			ROSTER_JOB_STOPPED);
	g_assert_nonnull(
	    strstr(json_object_get_string_member(obj(stopped), ROSTER_KEY_MESSAGE), "stopped"));
	roster = get_roster(f, id);
	g_assert_cmpint(json_array_get_length(assignments_of(roster)), ==, 14);
	g_assert_false(json_object_get_null_member(obj(roster), ROSTER_KEY_SCORE));
	/* the write is audited with how the job ended */
	solves = solve_audits(f, id, &audit);
	g_assert_cmpuint(json_array_get_length(solves), ==, 1);
	after = json_object_get_object_member(json_array_get_object_element(solves, 0),
					      ROSTER_KEY_AFTER);
	g_assert_true(json_object_has_member(after, ROSTER_KEY_OBJECTIVE));
	ending = json_object_get_object_member(after, ROSTER_KEY_JOB);
	g_assert_nonnull(ending);
	g_assert_cmpstr(json_object_get_string_member(ending, ROSTER_KEY_STATE),
			==,
			ROSTER_JOB_STOPPED);
	g_assert_cmpint(json_object_get_int_member(ending, ROSTER_KEY_JOB_ID),
			==,
			json_object_get_int_member(obj(job), ROSTER_KEY_JOB_ID));
}

static void
test_publish_and_diff(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = solve(f, id);
	g_autoptr(JsonNode) v1 =
	    roster_engine_publish_roster(f->engine, f->admin, id, revision_of(f, id), &error);
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) gone = NULL;
	g_autoptr(JsonNode) added = NULL;
	g_autoptr(JsonNode) v2 = NULL;
	g_autoptr(JsonNode) stale = NULL;
	g_autoptr(JsonNode) versions = NULL;
	g_autoptr(JsonNode) diff = NULL;
	g_autofree gchar *fields = NULL;
	JsonObject *first;
	JsonArray *items;
	gint64 removed_volunteer;
	gboolean saw_removed = FALSE;

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(v1), ROSTER_KEY_STATE), ==, "published");
	g_assert_cmpint(json_object_get_int_member(obj(v1), ROSTER_KEY_N_VERSIONS), ==, 1);
	roster = get_roster(f, id);
	first = json_array_get_object_element(assignments_of(roster), 0);
	removed_volunteer = json_object_get_int_member(first, ROSTER_KEY_VOLUNTEER_ID);
	gone = roster_engine_unassign(f->engine,
				      f->admin,
				      id,
				      json_object_get_int_member(first, ROSTER_KEY_ID),
				      revision_of(f, id),
				      TRUE,
				      &error);
	g_assert_no_error(error);
	/* the expert takes a crisis seat on a day free of other shifts */
	for (guint day = 7; day <= 13 && added == NULL; day++) {
		g_free(fields);
		fields = g_strdup_printf("\"date\":\"2026-12-%02u\",\"slot\":\"20:00\","
					 "\"seat_class_id\":%" G_GINT64_FORMAT
					 ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":true",
					 day,
					 ids[1],
					 ids[2]);
		added = assign(f, id, fields, &error);
		if (added == NULL)
			g_clear_error(&error);
	}
	g_assert_nonnull(added);
	stale = roster_engine_publish_roster(f->engine, f->admin, id, 1, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	v2 = roster_engine_publish_roster(f->engine, f->admin, id, revision_of(f, id), &error);
	g_assert_no_error(error);
	versions = roster_engine_list_versions(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(versions), ROSTER_KEY_TOTAL), ==, 2);
	diff = roster_engine_diff_versions(f->engine, f->admin, id, 1, 2, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(diff), ROSTER_KEY_ITEMS);
	g_assert_cmpint(json_array_get_length(items), >=, 1);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(item, ROSTER_KEY_VOLUNTEER_ID);
		guint n_added =
		    json_array_get_length(json_object_get_array_member(item, ROSTER_KEY_ADDED));
		guint n_removed =
		    json_array_get_length(json_object_get_array_member(item, ROSTER_KEY_REMOVED));
		if (v == removed_volunteer && n_removed == 1)
			saw_removed = TRUE;
		if (v == ids[2])
			g_assert_cmpuint(n_added, >=, 1);
	}
	g_assert_true(saw_removed);
}

/* too few experts for the crisis seat: every gap explained with its reasons */
static void
test_explanations(Fixture *f, gconstpointer user_data)
{
	gint64 crisis = add_seat(f, "crisis", "on-site", "expert", TRUE);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) explained = NULL;
	JsonArray *items;
	gint64 id;
	guint crisis_gaps = 0;

	add_rule(f, crisis, "19:00", "02:00", 1);
	add_volunteer(f, "E0", "expert", "\"max_shifts_month\":3");
	add_volunteer(f, "E1", "expert", NULL);
	add_volunteer(f, "C0", "counsellor", NULL);
	id = add_roster(f, NULL);
	score = solve(f, id);
	/* 21 crisis seats, two experts, one of them at most 3 shifts: 10 at most */
	g_assert_cmpint(json_object_get_int_member(obj(score), "uncovered_crisis"), >=, 11);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		JsonObject *reason = json_object_get_object_member(item, ROSTER_KEY_REASON);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE),
			      "uncovered-crisis-seat") != 0)
			continue;
		crisis_gaps++;
		g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_SEAT_CLASS),
				==,
				"crisis");
		g_assert_cmpint(json_object_get_int_member(reason, "eligible"), ==, 2);
		g_assert_true(g_str_has_prefix(json_object_get_string_member(item, ROSTER_KEY_TEXT),
					       "Mon ") ||
			      strstr(json_object_get_string_member(item, ROSTER_KEY_TEXT),
				     "eligible volunteers: 2") != NULL);
	}
	g_assert_cmpuint(crisis_gaps,
			 ==,
			 json_object_get_int_member(obj(score), "uncovered_crisis"));
}

/* a limit of nights (23:00-08:00) per month holds in a solve and in an edit */
static void
test_rule_max_nights(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 limited[2];
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *fields = NULL;
	JsonArray *items;
	guint nights[2] = {0, 0};
	gint64 id;

	add_rule(f, seat, "23:00", "02:00", 1);
	limited[0] = add_volunteer(f, "N0", "counsellor", "\"max_nights_month\":2");
	limited[1] = add_volunteer(f, "N1", "counsellor", "\"max_nights_month\":2");
	add_volunteer(f, "N2", "counsellor", NULL);
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		gint64 v = json_object_get_int_member(json_array_get_object_element(items, i),
						      ROSTER_KEY_VOLUNTEER_ID);
		for (guint k = 0; k < 2; k++)
			nights[k] += v == limited[k];
	}
	g_assert_cmpuint(nights[0], <=, 2);
	g_assert_cmpuint(nights[1], <=, 2);
	/* a third night by hand is refused with the rule's code */
	for (guint day = 7; day <= 13 && refused == NULL && error == NULL; day++) {
		g_free(fields);
		fields = g_strdup_printf("\"date\":\"2026-12-%02u\",\"slot\":\"05:00\","
					 "\"seat_class_id\":%" G_GINT64_FORMAT
					 ",\"volunteer_id\":%" G_GINT64_FORMAT,
					 day,
					 seat,
					 limited[nights[0] == 2 ? 0 : 1]);
		refused = assign(f, id, fields, &error);
		if (error != NULL && g_str_has_prefix(error->message, "one-shift-per-day"))
			g_clear_error(&error);
		else if (refused != NULL)
			g_clear_pointer(&refused, json_node_unref);
	}
	if (nights[0] == 2 || nights[1] == 2) {
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		g_assert_nonnull(strstr(error->message, "max-nights-month: "));
	}
}

/* each team works the slots it prefers when the seats allow it */
static void
test_team_slots(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 team_a = create(f, ROSTER_COLLECTION_TEAMS, json_printf("{\"name\":\"A\"}"));
	gint64 team_b = create(f, ROSTER_COLLECTION_TEAMS, json_printf("{\"name\":\"B\"}"));
	g_autofree gchar *extra_a = g_strdup_printf("\"team_id\":%" G_GINT64_FORMAT, team_a);
	g_autofree gchar *extra_b = g_strdup_printf("\"team_id\":%" G_GINT64_FORMAT, team_b);
	g_autofree gchar *settings = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) bad = json_printf("{\"name\":\"x\",\"period_start\":\"2026-12-07\","
					      "\"period_end\":\"2026-12-13\","
					      "\"settings\":{\"team_slots\":{\"a\":[\"08:00\"]}}}");
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(GError) error = NULL;
	JsonArray *items;
	gint64 a;
	gint64 id;

	add_rule(f, seat, "08:00", "14:00", 1);
	a = add_volunteer(f, "TA", "counsellor", extra_a);
	add_volunteer(f, "TB", "counsellor", extra_b);
	settings = g_strdup_printf("{\"team_slots\":{\"%" G_GINT64_FORMAT "\":[\"08:00\"],"
				   "\"%" G_GINT64_FORMAT "\":[\"11:00\"]}}",
				   team_a,
				   team_b);
	id = add_roster(f, settings);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpint(json_array_get_length(items), ==, 14);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		gboolean is_a = json_object_get_int_member(item, ROSTER_KEY_VOLUNTEER_ID) == a;
		g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_SLOT),
				==,
				is_a ? "08:00" : "11:00");
	}
	refused = roster_engine_create_roster(f->engine, f->admin, bad, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
}

/* the only volunteer covers a seat in hours they asked to avoid: explained as soft */
static void
test_explanations_avoided(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 v;
	gint64 id;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) avoid =
	    json_printf("{\"kind\":\"avoid\",\"date\":\"2026-12-08\",\"start\":\"08:00\","
			"\"end\":\"11:00\"}");
	g_autoptr(JsonNode) entry = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) explained = NULL;
	JsonArray *items;
	gboolean found = FALSE;

	add_rule(f, seat, "08:00", "11:00", 1);
	v = add_volunteer(f, "A0", "counsellor", NULL);
	entry = roster_engine_create(f->engine,
				     f->admin,
				     ROSTER_COLLECTION_AVAILABILITY,
				     v,
				     avoid,
				     &error);
	g_assert_no_error(error);
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE),
			      "avoided-slot") != 0)
			continue;
		found = TRUE;
		g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_DATE),
				==,
				"2026-12-08");
		g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_SLOT), ==, "08:00");
	}
	g_assert_true(found);
}

static void
test_suggestions(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list =
	    roster_engine_suggest(f->engine, f->admin, id, "2026-12-08", "08:00", "onsite", &error);
	g_autoptr(JsonNode) crisis = NULL;
	JsonArray *items;

	g_assert_no_error(error);
	items = json_object_get_array_member(obj(list), ROSTER_KEY_ITEMS);
	/* everybody may take the on-site seat; the trainee alone breaks a rule: last */
	g_assert_cmpint(json_array_get_length(items), ==, 4);
	g_assert_cmpint(json_object_get_int_member(json_array_get_object_element(items, 3),
						   ROSTER_KEY_VOLUNTEER_ID),
			==,
			ids[5]);
	crisis =
	    roster_engine_suggest(f->engine, f->admin, id, "2026-12-08", "20:00", "crisis", &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(crisis), ROSTER_KEY_TOTAL), ==, 1);
}

static void
test_permissions(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(RosterPrincipal) manager =
	    roster_principal_new(99, "manager", ROSTER_ROLE_MANAGER, 0);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) read = roster_engine_get_roster(f->engine, manager, id, &error);
	g_autoptr(JsonNode) solved = NULL;

	g_assert_no_error(error);
	g_assert_nonnull(read);
	solved = roster_engine_solve_roster(f->engine, manager, id, 0.1, 1, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

/* a volunteer reads its own assignments and nobody else's */
static void
test_volunteer_sees_own(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(RosterPrincipal) volunteer =
	    roster_principal_new(98, "volunteer", ROSTER_ROLE_VOLUNTEER, ids[4]);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = solve(f, id);
	g_autoptr(JsonNode) own = roster_engine_get_roster(f->engine, volunteer, id, &error);
	g_autoptr(JsonNode) diff = NULL;
	JsonArray *items;

	g_assert_no_error(error);
	items = assignments_of(own);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID), ==, ids[4]);
	}
	diff = roster_engine_diff_versions(f->engine, volunteer, id, 0, 0, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

/* shortage: the slot index (0 is 08:00, 5 to 7 are the nights 23:00-08:00) */
#define N_SLOTS		 8
#define FIRST_NIGHT_SLOT 5
#define SHORTAGE_SOLVE_S 4.0

static guint
slot_index(JsonObject *a)
{
	gint m = minutes_of(json_object_get_string_member(a, ROSTER_KEY_SLOT));
	return (guint)(((m - 480 + 1440) % 1440) / 180);
}

/* filled seats per (day, slot) of one seat class (0 for every class) */
static void
count_cover(JsonArray *items, gint64 seat, gint64 skip_volunteer, guint counts[7][N_SLOTS])
{
	memset(counts, 0, sizeof(guint) * 7 * N_SLOTS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		if (seat != 0 && json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID) != seat)
			continue;
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) == skip_volunteer)
			continue;
		counts[day_of(json_object_get_string_member(a, ROSTER_KEY_DATE))][slot_index(a)]++;
	}
}

static gint64
add_short_volunteers(Fixture *f, guint n, guint max_shifts, gint64 *ids)
{
	for (guint i = 0; i < n; i++) {
		g_autofree gchar *number = g_strdup_printf("S%02u", i);
		g_autofree gchar *extra = g_strdup_printf("\"max_shifts_month\":%u", max_shifts);
		ids[i] = add_volunteer(f, number, "counsellor", extra);
	}
	return ids[0];
}

/*
 * 20 volunteers of 6 shifts for 4 cloud seats 24/7 (120 shifts for 224 seats): every
 * slot keeps a seat, the nights get as many seats as the days (within a fifth), and
 * every volunteer works nights (none has a limit against them), the most and the
 * fewest nights at most 2 apart
 */
static void
test_shortage_every_slot_and_nights(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "cloud", "cloud", "counsellor", FALSE);
	gint64 ids[20];
	guint counts[7][N_SLOTS];
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(GHashTable) nights = g_hash_table_new(g_int64_hash, g_int64_equal);
	JsonArray *items;
	guint night_seats = 0;
	guint day_seats = 0;
	guint fewest = G_MAXUINT;
	guint most = 0;
	gint64 id;

	add_rule(f, seat, "08:00", "08:00", 4);
	add_short_volunteers(f, G_N_ELEMENTS(ids), 6, ids);
	for (guint i = 0; i < G_N_ELEMENTS(ids); i++)
		g_hash_table_insert(nights, &ids[i], GUINT_TO_POINTER(0));
	id = add_roster(f, NULL);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 1, &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpuint(json_array_get_length(items), ==, 120);
	count_cover(items, 0, 0, counts);
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < N_SLOTS; k++) {
			g_assert_cmpuint(counts[d][k], >=, 1);
			if (k >= FIRST_NIGHT_SLOT)
				night_seats += counts[d][k];
			else
				day_seats += counts[d][k];
		}
	}
	/* seats per slot: nights (3 slots a day) against days (5 slots a day) */
	g_assert_cmpfloat((gdouble)night_seats / 3, >=, 0.8 * day_seats / 5);
	g_assert_cmpfloat((gdouble)night_seats / 3, <=, 1.2 * day_seats / 5);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gint64 *key = NULL;
		gpointer n = NULL;
		if (slot_index(a) < FIRST_NIGHT_SLOT)
			continue;
		g_assert_true(g_hash_table_lookup_extended(nights, &v, (gpointer *)&key, &n));
		g_hash_table_insert(nights, key, GUINT_TO_POINTER(GPOINTER_TO_UINT(n) + 1));
	}
	for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
		guint n = GPOINTER_TO_UINT(g_hash_table_lookup(nights, &ids[i]));
		fewest = MIN(fewest, n);
		most = MAX(most, n);
	}
	g_assert_cmpuint(fewest, >=, 1);
	g_assert_cmpuint(most - fewest, <=, 2);
}

/*
 * min_seats of a seat class: class A keeps 2 of its 3 seats in every slot before
 * class B (min_seats 0) gets any; the field is stored, and out of range is refused
 */
static void
test_shortage_seat_class_minimum(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) bad =
	    json_printf("{\"code\":\"bad\",\"name\":\"bad\",\"mode\":\"cloud\","
			"\"min_tier\":\"counsellor\",\"min_seats\":201}");
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) read = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	gint64 a = create(f,
			  ROSTER_COLLECTION_SEAT_CLASSES,
			  json_printf("{\"code\":\"a\",\"name\":\"A\",\"mode\":\"cloud\","
				      "\"min_tier\":\"counsellor\",\"min_seats\":2}"));
	gint64 b = create(f,
			  ROSTER_COLLECTION_SEAT_CLASSES,
			  json_printf("{\"code\":\"b\",\"name\":\"B\",\"mode\":\"cloud\","
				      "\"min_tier\":\"counsellor\",\"min_seats\":0}"));
	gint64 plain = add_seat(f, "plain", "cloud", "counsellor", FALSE);
	gint64 ids[20];
	guint counts[7][N_SLOTS];
	gint64 id;

	read = roster_engine_get(f->engine, f->admin, ROSTER_COLLECTION_SEAT_CLASSES, 0, a, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(read), ROSTER_KEY_MIN_SEATS), ==, 2);
	g_clear_pointer(&read, json_node_unref);
	read = roster_engine_get(f->engine,
				 f->admin,
				 ROSTER_COLLECTION_SEAT_CLASSES,
				 0,
				 plain,
				 &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_null_member(obj(read), ROSTER_KEY_MIN_SEATS));
	refused = roster_engine_create(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_SEAT_CLASSES,
				       0,
				       bad,
				       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(refused);
	g_clear_error(&error);
	list = roster_engine_list(f->engine,
				  f->admin,
				  ROSTER_COLLECTION_SEAT_CLASSES,
				  0,
				  NULL,
				  &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL), ==, 3);

	add_rule(f, a, "08:00", "08:00", 3);
	add_rule(f, b, "08:00", "08:00", 3);
	add_short_volunteers(f, G_N_ELEMENTS(ids), 6, ids);
	id = add_roster(f, NULL);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 1, &error);
	g_assert_no_error(error);
	roster = get_roster(f, id);
	count_cover(assignments_of(roster), a, 0, counts);
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < N_SLOTS; k++)
			g_assert_cmpuint(counts[d][k], >=, 2);
	}
}

/* the value of @key of every assignment of volunteer @v as "date slot seat" strings */
static GHashTable *
shifts_of(JsonArray *items, gint64 v)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != v)
			continue;
		g_hash_table_add(
		    set,
		    g_strdup_printf("%s %s",
				    json_object_get_string_member(a, ROSTER_KEY_DATE),
				    json_object_get_string_member(a, ROSTER_KEY_SLOT)));
	}
	return set;
}

static gboolean
same_shifts(GHashTable *x, GHashTable *y)
{
	GHashTableIter iter;
	gpointer key;
	if (g_hash_table_size(x) != g_hash_table_size(y))
		return FALSE;
	g_hash_table_iter_init(&iter, x);
	while (g_hash_table_iter_next(&iter, &key, NULL)) {
		if (!g_hash_table_contains(y, key))
			return FALSE;
	}
	return TRUE;
}

/* filled seats, and slots left without any seat, of per-(day, slot) counts */
static void
cover_figures(guint counts[7][N_SLOTS], guint *filled, guint *dark)
{
	*filled = 0;
	*dark = 0;
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < N_SLOTS; k++) {
			*filled += counts[d][k];
			*dark += counts[d][k] == 0 ? 1 : 0;
		}
	}
}

/*
 * one volunteer of a short-staffed line drops out (made inactive) and the draft is
 * solved again: another volunteer's shifts change only where that regains a seat:
 * putting any one changed volunteer's shifts back as they were leaves fewer seats
 * filled or a slot without a seat, at most one volunteer changes per seat regained
 * or slot the dropout left without a seat, and no seat is lost
 */
static void
test_shortage_resolve_churn(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "cloud", "cloud", "counsellor", FALSE);
	gint64 ids[12];
	guint before[7][N_SLOTS];
	guint after[7][N_SLOTS];
	guint filled_before;
	guint dark_before;
	guint filled_after;
	guint dark_after;
	guint changed = 0;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) first = NULL;
	g_autoptr(JsonNode) second = NULL;
	g_autoptr(JsonNode) volunteer = NULL;
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(JsonNode) patch = NULL;
	JsonArray *old_items;
	JsonArray *new_items;
	gint64 dropout;
	gint64 id;

	/* 12 volunteers of 6 shifts for 2 seats 24/7: 72 shifts for 112 seats */
	add_rule(f, seat, "08:00", "08:00", 2);
	add_short_volunteers(f, G_N_ELEMENTS(ids), 6, ids);
	dropout = ids[3];
	id = add_roster(f, NULL);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 1, &error);
	g_assert_no_error(error);
	first = get_roster(f, id);
	old_items = assignments_of(first);

	volunteer = roster_engine_get(f->engine,
				      f->admin,
				      ROSTER_COLLECTION_VOLUNTEERS,
				      0,
				      dropout,
				      &error);
	g_assert_no_error(error);
	patch = json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"active\":false}",
			    json_object_get_int_member(obj(volunteer), ROSTER_KEY_REVISION));
	updated = roster_engine_update(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_VOLUNTEERS,
				       0,
				       dropout,
				       patch,
				       &error);
	g_assert_no_error(error);
	g_clear_pointer(&score, json_node_unref);
	score = roster_engine_solve_roster(f->engine, f->admin, id, SHORTAGE_SOLVE_S, 2, &error);
	g_assert_no_error(error);
	second = get_roster(f, id);
	new_items = assignments_of(second);

	count_cover(old_items, 0, dropout, before);
	count_cover(new_items, 0, 0, after);
	cover_figures(before, &filled_before, &dark_before);
	cover_figures(after, &filled_after, &dark_after);
	g_assert_cmpuint(filled_after, >=, filled_before);
	g_assert_cmpuint(dark_after, <=, dark_before);
	for (guint i = 0; i < G_N_ELEMENTS(ids); i++) {
		g_autoptr(GHashTable) was = NULL;
		g_autoptr(GHashTable) is = NULL;
		guint reverted[7][N_SLOTS];
		guint filled;
		guint dark;
		if (ids[i] == dropout)
			continue;
		was = shifts_of(old_items, ids[i]);
		is = shifts_of(new_items, ids[i]);
		if (same_shifts(was, is))
			continue;
		changed++;
		/* the volunteer's old shifts instead of the new ones */
		count_cover(new_items, 0, ids[i], reverted);
		for (guint j = 0; j < json_array_get_length(old_items); j++) {
			JsonObject *a = json_array_get_object_element(old_items, j);
			if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != ids[i])
				continue;
			reverted[day_of(json_object_get_string_member(a, ROSTER_KEY_DATE))]
				[slot_index(a)]++;
		}
		cover_figures(reverted, &filled, &dark);
		g_assert_true(filled < filled_after || dark > dark_after);
	}
	g_test_message("%u of %u others changed; %u slots left without a seat, %u seats "
		       "regained",
		       changed,
		       (guint)G_N_ELEMENTS(ids) - 1,
		       dark_before,
		       filled_after - filled_before);
	/* one volunteer moved or added per slot the dropout left without a seat or per
	 * seat regained, no more */
	g_assert_cmpuint(changed, <=, dark_before + filled_after - filled_before);
}

/* the service calendar (the default one, id 1) with the members given */
static void
set_calendar(Fixture *f, const gchar *members)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) cal =
	    roster_engine_get(f->engine, f->admin, ROSTER_COLLECTION_CALENDARS, 0, 1, &error);
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) updated = NULL;

	g_assert_no_error(error);
	body = json_printf("{\"revision\":%" G_GINT64_FORMAT ",%s}",
			   json_object_get_int_member(obj(cal), ROSTER_KEY_REVISION),
			   members);
	updated = roster_engine_update(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_CALENDARS,
				       0,
				       1,
				       body,
				       &error);
	g_assert_no_error(error);
}

/* manned 08:00-20:00 every day */
#define DAY_HOURS                                                                                  \
	"\"manned_windows\":[{\"weekday\":1,\"start\":\"08:00\",\"end\":\"20:00\"},"               \
	"{\"weekday\":2,\"start\":\"08:00\",\"end\":\"20:00\"},"                                   \
	"{\"weekday\":3,\"start\":\"08:00\",\"end\":\"20:00\"},"                                   \
	"{\"weekday\":4,\"start\":\"08:00\",\"end\":\"20:00\"},"                                   \
	"{\"weekday\":5,\"start\":\"08:00\",\"end\":\"20:00\"},"                                   \
	"{\"weekday\":6,\"start\":\"08:00\",\"end\":\"20:00\"},"                                   \
	"{\"weekday\":7,\"start\":\"08:00\",\"end\":\"20:00\"}]"

/* solves the week with @n counsellors and returns the seats required, every seat
 * covered, and per operational day (0 for 7 December) a bit per slot held */
static gint64
solve_cover(Fixture *f, gint64 seat, guint n, guint slots[7])
{
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 id;

	for (guint i = 0; i < n; i++) {
		g_autofree gchar *number = g_strdup_printf("C%u", i);
		add_volunteer(f, number, "counsellor", NULL);
	}
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	memset(slots, 0, 7 * sizeof(guint));
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint slot = minutes_of(json_object_get_string_member(a, ROSTER_KEY_SLOT));
		/* 08:00 is slot 0, 05:00 slot 7 */
		guint k = (guint)(((slot - 480 + 1440) % 1440) / 180);
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID), ==, seat);
		slots[day_of(json_object_get_string_member(a, ROSTER_KEY_DATE))] |= 1u << k;
	}
	return json_object_get_int_member(obj(score), "required");
}

/*
 * exam season on a day-only line: the calendar's override from 9 to 10 December mans
 * those dates around the clock, the night before the first one included; the other
 * days keep 08:00-20:00 (four slots)
 */
static void
test_calendar_override_24h(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	guint slots[7];

	set_calendar(f,
		     DAY_HOURS
		     ",\"overrides\":[{\"date_from\":\"2026-12-09\",\"date_to\":"
		     "\"2026-12-10\",\"windows\":[{\"start\":\"00:00\",\"end\":\"24:00\"}]}]");
	add_rule(f, seat, "00:00", "24:00", 1);
	/* 4 slots on 7, 11, 12 and 13 December; 8 December's four and its night (23:00,
	 * 02:00, 05:00); all 8 of the 9th; the 10th until midnight (08:00 to 23:00) */
	g_assert_cmpint(solve_cover(f, seat, 10, slots), ==, 4 * 4 + 7 + 8 + 6);
	g_assert_cmphex(slots[0], ==, 0x0f);
	g_assert_cmphex(slots[1], ==, 0xef);
	g_assert_cmphex(slots[2], ==, 0xff);
	g_assert_cmphex(slots[3], ==, 0x3f);
	g_assert_cmphex(slots[4], ==, 0x0f);
}

/* a holiday closure of 9 and 10 December on a 24/7 line: no seat from midnight to
 * midnight; the slots across either midnight keep their open part */
static void
test_calendar_override_closure(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	guint slots[7];

	set_calendar(f,
		     "\"overrides\":[{\"date_from\":\"2026-12-09\",\"date_to\":\"2026-12-10\","
		     "\"windows\":[],\"note\":\"closed\"}]");
	add_rule(f, seat, "00:00", "24:00", 1);
	/* 56 slots less 8 December's 02:00 and 05:00, all of the 9th and the 10th's five
	 * slots before 23:00 */
	g_assert_cmpint(solve_cover(f, seat, 12, slots), ==, 56 - 2 - 8 - 5);
	g_assert_cmphex(slots[1], ==, 0x3f);
	g_assert_cmphex(slots[2], ==, 0x00);
	g_assert_cmphex(slots[3], ==, 0xe0);
	g_assert_cmphex(slots[4], ==, 0xff);
}

/*
 * a dated demand rule is never cut by the weekly manned hours: 2 seats around the clock
 * on 9 December on a line manned 08:00-20:00 (its night before included, up to its
 * midnight), while the weekly rule keeps to the day hours
 */
static void
test_calendar_dated_rule_outside_manned(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	guint slots[7];

	set_calendar(f, DAY_HOURS);
	add_rule(f, seat, "00:00", "24:00", 1);
	create(f,
	       ROSTER_COLLECTION_DEMAND_RULES,
	       json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			   ",\"date_from\":\"2026-12-09\",\"date_to\":\"2026-12-09\","
			   "\"start\":\"00:00\",\"end\":\"24:00\",\"seats\":2}",
			   seat));
	/* 8 December: 4 day slots of 1 and its night of 2 (3 slots); the 9th: 6 slots of
	 * 2 until midnight; 5 other days of 4 */
	g_assert_cmpint(solve_cover(f, seat, 12, slots), ==, 4 + 3 * 2 + 6 * 2 + 5 * 4);
	g_assert_cmphex(slots[1], ==, 0xef);
	g_assert_cmphex(slots[2], ==, 0x3f);
	g_assert_cmphex(slots[3], ==, 0x0f);
}

/*
 * 8-hour slots: a shift is a night when at least half of it lies in 23:00-08:00, so
 * 16:00-24:00 is no night for a volunteer who takes none and 00:00-08:00 is one,
 * refused by max_nights_month; a night window of the calendar's own moves the line
 */
static void
test_calendar_nights_8h(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 none[2];
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) evening = NULL;
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) moved = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *fields = NULL;
	JsonArray *items;
	gint64 id;

	set_calendar(f, "\"slot_minutes\":480");
	add_rule(f, seat, "16:00", "24:00", 1);
	none[0] = add_volunteer(f, "N0", "counsellor", "\"max_nights_month\":0");
	none[1] = add_volunteer(f, "N1", "counsellor", "\"max_nights_month\":0");
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), "required"), ==, 7);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpuint(json_array_get_length(items), ==, 7);

	/* by hand, in a roster of its own: the evening is taken, the night refused */
	id = add_roster(f, NULL);
	fields = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"16:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    seat,
	    none[0]);
	evening = assign(f, id, fields, &error);
	g_assert_no_error(error);
	g_free(fields);
	fields = g_strdup_printf(
	    "\"date\":\"2026-12-10\",\"slot\":\"00:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    seat,
	    none[1]);
	refused = assign(f, id, fields, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "max-nights-month: "));
	g_assert_null(refused);
	g_clear_error(&error);

	/* a night from 20:00 to 04:00: half of 16:00-24:00 is in it, so it is a night */
	set_calendar(f, "\"night_start\":\"20:00\",\"night_end\":\"04:00\"");
	g_free(fields);
	fields = g_strdup_printf(
	    "\"date\":\"2026-12-11\",\"slot\":\"16:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    seat,
	    none[1]);
	moved = assign(f, id, fields, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "max-nights-month: "));
	g_assert_null(moved);
}

/* a seat class of one mode for counsellors with trainee places beside its seats */
static gint64
add_seat_with_places(Fixture *f, const gchar *code, const gchar *mode, guint places)
{
	return create(f,
		      ROSTER_COLLECTION_SEAT_CLASSES,
		      json_printf("{\"code\":\"%s\",\"name\":\"%s\",\"mode\":\"%s\","
				  "\"min_tier\":\"counsellor\",\"trainee_places\":%u}",
				  code,
				  code,
				  mode,
				  places));
}

/* how many assignments of the roster a volunteer holds */
static guint
count_shifts(JsonArray *items, gint64 volunteer)
{
	guint n = 0;
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		n += json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) == volunteer;
	}
	return n;
}

/* trainee places are taken only beside a senior of the same mode: the on-site place
 * beside the on-site senior every day, the cloud place never (only a counsellor works
 * the cloud seat); the places are no seats: none is required, none uncovered, and a
 * trainee's seat number comes after the class's one seat */
static void
test_trainee_places_paired(Fixture *f, gconstpointer user_data)
{
	gint64 onsite = add_seat_with_places(f, "onsite", "on-site", 1);
	gint64 cloud = add_seat_with_places(f, "cloud", "cloud", 1);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 senior;
	gint64 near;
	gint64 far;
	gint64 id;

	add_rule(f, onsite, "08:00", "11:00", 1);
	add_rule(f, cloud, "08:00", "11:00", 1);
	senior = add_volunteer(f, "S1", "senior", "\"modes\":[\"on-site\"]");
	add_volunteer(f, "C1", "counsellor", "\"modes\":[\"cloud\"]");
	near = add_volunteer(f, "T1", "trainee", "\"modes\":[\"on-site\"]");
	far = add_volunteer(f, "T2", "trainee", "\"modes\":[\"cloud\"],\"min_shifts_month\":4");
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), "required"), ==, 14);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	/* with no senior or expert in the cloud the cloud trainee stays home, commitment
	 * or not; the on-site trainee sits beside the senior on each of the 7 days */
	g_assert_cmpuint(count_shifts(items, far), ==, 0);
	g_assert_cmpuint(count_shifts(items, senior), ==, 7);
	g_assert_cmpuint(count_shifts(items, near), ==, 7);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gboolean paired = FALSE;
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != near)
			continue;
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID),
				==,
				onsite);
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_NO), ==, 2);
		for (guint j = 0; j < json_array_get_length(items); j++) {
			JsonObject *b = json_array_get_object_element(items, j);
			paired |=
			    json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID) == senior &&
			    start_of(a) == start_of(b);
		}
		g_assert_true(paired);
	}
}

/* a trainee never sits on a crisis seat, not even one whose minimum tier is trainee
 * and beside an expert: the second crisis seat of each day stays empty */
static void
test_trainee_never_crisis(Fixture *f, gconstpointer user_data)
{
	gint64 crisis = add_seat(f, "crisis", "on-site", "trainee", TRUE);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	gint64 trainee;
	gint64 id;

	add_rule(f, crisis, "08:00", "11:00", 2);
	add_volunteer(f, "E1", "expert", NULL);
	trainee = add_volunteer(f, "T1", "trainee", "\"min_shifts_month\":7");
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED_CRISIS), ==, 7);
	roster = get_roster(f, id);
	g_assert_cmpuint(count_shifts(assignments_of(roster), trainee), ==, 0);
}

/* a crisis seat class offers no trainee places: refused when created so, and when a
 * class with places is made a crisis class; nothing changes */
static void
test_trainee_places_crisis_refused(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) bad = json_printf("{\"code\":\"crisis\",\"name\":\"crisis\","
					      "\"mode\":\"on-site\",\"min_tier\":\"expert\","
					      "\"crisis\":true,\"trainee_places\":1}");
	g_autoptr(JsonNode) to_crisis = json_printf("{\"revision\":1,\"crisis\":true}");
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(JsonNode) kept = NULL;
	g_autoptr(JsonNode) list = NULL;
	gint64 onsite = add_seat_with_places(f, "onsite", "on-site", 2);

	refused = roster_engine_create(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_SEAT_CLASSES,
				       0,
				       bad,
				       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(refused);
	g_assert_true(g_str_has_prefix(error->message, "trainee_places: "));
	g_assert_nonnull(strstr(error->message, "crisis"));
	g_clear_error(&error);
	updated = roster_engine_update(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_SEAT_CLASSES,
				       0,
				       onsite,
				       to_crisis,
				       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(updated);
	g_clear_error(&error);
	kept = roster_engine_get(f->engine,
				 f->admin,
				 ROSTER_COLLECTION_SEAT_CLASSES,
				 0,
				 onsite,
				 &error);
	g_assert_no_error(error);
	g_assert_false(json_object_get_boolean_member(obj(kept), ROSTER_KEY_CRISIS));
	g_assert_cmpint(json_object_get_int_member(obj(kept), ROSTER_KEY_TRAINEE_PLACES), ==, 2);
	g_assert_cmpint(json_object_get_int_member(obj(kept), ROSTER_KEY_REVISION), ==, 1);
}

/* trainee places nobody takes are no gap: the score counts no uncovered seat, the
 * explanations list none and the coverage report has every seat filled */
static void
test_trainee_places_no_gap(Fixture *f, gconstpointer user_data)
{
	gint64 onsite = add_seat_with_places(f, "onsite", "on-site", 2);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) explained = NULL;
	g_autoptr(JsonNode) coverage = NULL;
	JsonObject *total;
	JsonArray *items;
	gint64 id;

	add_rule(f, onsite, "08:00", "11:00", 1);
	add_volunteer(f, "S1", "senior", NULL);
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), "required"), ==, 7);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		g_assert_false(
		    g_str_has_prefix(json_object_get_string_member(item, ROSTER_KEY_CODE),
				     "uncovered-"));
	}
	coverage = roster_engine_report_coverage(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	total = json_object_get_object_member(obj(coverage), ROSTER_KEY_TOTAL);
	g_assert_cmpint(json_object_get_int_member(total, ROSTER_KEY_REQUIRED), ==, 7);
	g_assert_cmpint(json_object_get_int_member(total, ROSTER_KEY_FILLED), ==, 7);
}

/* the demo city line, seeded as the command-line tool seeds it: in a solved month
 * each of its 8 trainees works, and each trainee shift has a senior or expert of the
 * same mode in its slot */
static void
test_demo_trainees_get_shifts(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = json_printf("{\"name\":\"December\",\"period_start\":"
					       "\"2026-12-01\",\"period_end\":\"2026-12-31\"}");
	g_autoptr(JsonNode) created = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) volunteers = NULL;
	g_autoptr(JsonNode) classes = NULL;
	g_autoptr(GHashTable) tiers =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
	g_autoptr(GHashTable) modes =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
	g_autoptr(GHashTable) shifts =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	JsonArray *list;
	JsonArray *items;
	guint n_trainees = 0;

	g_assert_true(roster_demo_seed_scale(f->engine, "city", 1, &error));
	g_assert_no_error(error);
	g_hash_table_insert(params, (gpointer)ROSTER_PARAM_LIMIT, (gpointer) "100");
	volunteers = roster_engine_list(f->engine,
					f->admin,
					ROSTER_COLLECTION_VOLUNTEERS,
					0,
					params,
					&error);
	g_assert_no_error(error);
	list = json_object_get_array_member(obj(volunteers), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(list); i++) {
		JsonObject *v = json_array_get_object_element(list, i);
		gint64 vid = json_object_get_int_member(v, ROSTER_KEY_ID);
		g_hash_table_insert(tiers,
				    g_memdup2(&vid, sizeof(vid)),
				    g_strdup(json_object_get_string_member(v, ROSTER_KEY_TIER)));
	}
	classes = roster_engine_list(f->engine,
				     f->admin,
				     ROSTER_COLLECTION_SEAT_CLASSES,
				     0,
				     params,
				     &error);
	g_assert_no_error(error);
	list = json_object_get_array_member(obj(classes), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(list); i++) {
		JsonObject *c = json_array_get_object_element(list, i);
		gint64 cid = json_object_get_int_member(c, ROSTER_KEY_ID);
		g_hash_table_insert(modes,
				    g_memdup2(&cid, sizeof(cid)),
				    g_strdup(json_object_get_string_member(c, ROSTER_KEY_MODE)));
	}

	created = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	score = roster_engine_solve_roster(f->engine,
					   f->admin,
					   json_object_get_int_member(obj(created), ROSTER_KEY_ID),
					   3.0,
					   1,
					   &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, json_object_get_int_member(obj(created), ROSTER_KEY_ID));
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gint64 c = json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID);
		gboolean paired = FALSE;
		if (g_strcmp0(g_hash_table_lookup(tiers, &v), "trainee") != 0)
			continue;
		g_hash_table_add(shifts, g_memdup2(&v, sizeof(v)));
		for (guint j = 0; j < json_array_get_length(items) && !paired; j++) {
			JsonObject *b = json_array_get_object_element(items, j);
			gint64 w = json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID);
			gint64 e = json_object_get_int_member(b, ROSTER_KEY_SEAT_CLASS_ID);
			const gchar *tier = g_hash_table_lookup(tiers, &w);
			paired =
			    (g_strcmp0(tier, "senior") == 0 || g_strcmp0(tier, "expert") == 0) &&
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_DATE),
				      json_object_get_string_member(b, ROSTER_KEY_DATE)) == 0 &&
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_SLOT),
				      json_object_get_string_member(b, ROSTER_KEY_SLOT)) == 0 &&
			    g_strcmp0(g_hash_table_lookup(modes, &c),
				      g_hash_table_lookup(modes, &e)) == 0;
		}
		g_assert_true(paired);
	}
	for (GList *l = g_hash_table_get_values(tiers); l != NULL; l = g_list_delete_link(l, l))
		n_trainees += g_strcmp0(l->data, "trainee") == 0;
	g_assert_cmpuint(n_trainees, ==, 8);
	g_assert_cmpuint(g_hash_table_size(shifts), ==, 8);
}

static gint64
add_team(Fixture *f, const gchar *name)
{
	return create(f, ROSTER_COLLECTION_TEAMS, json_printf("{\"name\":\"%s\"}", name));
}

static gint64
add_team_volunteer(Fixture *f, const gchar *number, gint64 team)
{
	g_autofree gchar *extra = g_strdup_printf("\"team_id\":%" G_GINT64_FORMAT, team);
	return add_volunteer(f, number, "counsellor", extra);
}

static gint64
add_roster_period(Fixture *f, const gchar *start, const gchar *end, const gchar *settings)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body =
	    json_printf("{\"name\":\"period\",\"period_start\":\"%s\",\"period_end\":\"%s\","
			"\"settings\":%s}",
			start,
			end,
			settings);
	g_autoptr(JsonNode) roster = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	return json_object_get_int_member(obj(roster), ROSTER_KEY_ID);
}

/* days from 2026-12-07 to a date */
static gint
days_from_start(const gchar *date)
{
	g_autoptr(GDate) first = g_date_new_dmy(7, G_DATE_DECEMBER, 2026);
	g_autoptr(GDate) other = g_date_new();
	g_date_set_parse(other, date);
	g_assert_true(g_date_valid(other));
	return (gint)g_date_get_julian(other) - (gint)g_date_get_julian(first);
}

/*
 * three teams rotate by weekday, hard: team A holds Monday and Tuesday, B Wednesday and
 * Thursday, C Friday to Sunday; every assignment is its day's team, every seat covered
 */
/* a seat left empty because a hard rotation binds it to a team with nobody free says so:
 * the other teams' volunteers count as kept out, not as free */
static void
test_team_rotation_gap_reason(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 bound = add_team(f, "Bound");
	gint64 other = add_team(f, "Other");
	g_autofree gchar *settings = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) explained = NULL;
	JsonArray *items;
	guint gaps = 0;
	gint64 id;

	add_rule(f, seat, "08:00", "11:00", 1);
	add_team_volunteer(f, "O1", other);
	settings =
	    g_strdup_printf("{\"team_rotation\":{\"mode\":\"hard\",\"rules\":["
			    "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[1,2,3,4,5,6,7]}]}}",
			    bound);
	id = add_roster(f, settings);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 7);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		JsonObject *reason = json_object_get_object_member(item, ROSTER_KEY_REASON);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE),
			      "uncovered-seat") != 0)
			continue;
		gaps++;
		g_assert_cmpint(json_object_get_int_member(reason, "eligible"), ==, 1);
		g_assert_cmpint(json_object_get_int_member(reason, "unavailable"), ==, 1);
		g_assert_cmpint(json_object_get_int_member(reason, "free"), ==, 0);
	}
	g_assert_cmpuint(gaps, ==, 7);
}

static void
test_team_rotation_weekdays(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 teams[3];
	g_autoptr(GHashTable) team_of =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
	g_autofree gchar *settings = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 id;

	add_rule(f, seat, "08:00", "14:00", 1);
	for (guint t = 0; t < 3; t++) {
		g_autofree gchar *name = g_strdup_printf("T%u", t);
		teams[t] = add_team(f, name);
		for (guint i = 0; i < 3; i++) {
			g_autofree gchar *number = g_strdup_printf("R%u%u", t, i);
			gint64 v = add_team_volunteer(f, number, teams[t]);
			g_hash_table_insert(team_of,
					    g_memdup2(&v, sizeof(v)),
					    g_memdup2(&teams[t], sizeof(teams[t])));
		}
	}
	settings = g_strdup_printf("{\"team_rotation\":{\"mode\":\"hard\",\"rules\":["
				   "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[1,2]},"
				   "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[3,4]},"
				   "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[5,6,7]}]}}",
				   teams[0],
				   teams[1],
				   teams[2]);
	id = add_roster(f, settings);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_HARD_VIOLATIONS), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpint(json_array_get_length(items), ==, 14);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gint day = day_of(json_object_get_string_member(a, ROSTER_KEY_DATE));
		guint want = day < 2 ? 0 : day < 4 ? 1 : 2;
		gint64 *team = g_hash_table_lookup(team_of, &v);
		g_assert_nonnull(team);
		g_assert_cmpint(*team, ==, teams[want]);
	}
}

/*
 * a 2-week cycle of nights over a 4-week roster: team A holds the nights of weeks 1
 * and 3, team B those of weeks 2 and 4; the day slots are open to both
 */
static void
test_team_rotation_cycle(Fixture *f, gconstpointer user_data)
{
	gint64 night = add_seat(f, "night", "on-site", "counsellor", FALSE);
	gint64 day_seat = add_seat(f, "day", "on-site", "counsellor", FALSE);
	gint64 team_a = add_team(f, "A");
	gint64 team_b = add_team(f, "B");
	g_autoptr(GHashTable) in_a =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autofree gchar *settings = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	guint day_by[2] = {0, 0};
	gint64 id;

	add_rule(f, night, "23:00", "08:00", 1);
	add_rule(f, day_seat, "08:00", "11:00", 1);
	for (guint i = 0; i < 8; i++) {
		g_autofree gchar *number = g_strdup_printf("N%u", i);
		gint64 v = add_team_volunteer(f, number, i < 4 ? team_a : team_b);
		if (i < 4)
			g_hash_table_add(in_a, g_memdup2(&v, sizeof(v)));
	}
	settings = g_strdup_printf(
	    "{\"team_rotation\":{\"mode\":\"hard\",\"cycle_start\":\"2026-12-07\",\"rules\":["
	    "{\"team_id\":%" G_GINT64_FORMAT ",\"cycle_weeks\":2,\"cycle_week\":1,"
	    "\"slots\":[\"23:00\",\"02:00\",\"05:00\"]},"
	    "{\"team_id\":%" G_GINT64_FORMAT ",\"cycle_weeks\":2,\"cycle_week\":2,"
	    "\"slots\":[\"23:00\",\"02:00\",\"05:00\"]}]}}",
	    team_a,
	    team_b);
	id = add_roster_period(f, "2026-12-07", "2027-01-03", settings);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpint(json_array_get_length(items), ==, 28 * 4);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gint day = days_from_start(json_object_get_string_member(a, ROSTER_KEY_DATE));
		gboolean is_a = g_hash_table_contains(in_a, &v);
		if (json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID) == day_seat) {
			day_by[is_a ? 0 : 1]++;
			continue;
		}
		g_assert_cmpint(is_a, ==, (day / 7) % 2 == 0);
	}
	/* the open day seat is no team's: both took some of its 28 shifts */
	g_assert_cmpuint(day_by[0] + day_by[1], ==, 28);
}

/*
 * soft: team A holds every 08:00; its one volunteer is away on Wednesday, so team B's
 * volunteer takes that shift only, and the score counts the weight once
 */
static void
test_team_rotation_soft(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 team_a = add_team(f, "A");
	gint64 team_b = add_team(f, "B");
	gint64 a = add_team_volunteer(f, "SA", team_a);
	gint64 b = add_team_volunteer(f, "SB", team_b);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) away =
	    json_printf("{\"kind\":\"unavailable\",\"date\":\"2026-12-09\"}");
	g_autoptr(JsonNode) entry = NULL;
	g_autofree gchar *settings = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 objective;
	gint64 id;

	add_rule(f, seat, "08:00", "11:00", 1);
	entry = roster_engine_create(f->engine,
				     f->admin,
				     ROSTER_COLLECTION_AVAILABILITY,
				     a,
				     away,
				     &error);
	g_assert_no_error(error);
	settings = g_strdup_printf("{\"team_rotation\":{\"mode\":\"soft\",\"weight\":60,\"rules\":["
				   "{\"team_id\":%" G_GINT64_FORMAT ",\"slots\":[\"08:00\"]}]}}",
				   team_a);
	id = add_roster(f, settings);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpint(json_array_get_length(items), ==, 7);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		gint day = day_of(json_object_get_string_member(item, ROSTER_KEY_DATE));
		g_assert_cmpint(json_object_get_int_member(item, ROSTER_KEY_VOLUNTEER_ID),
				==,
				day == 2 ? b : a);
	}
	/* one shift outside the rotation at 60, and little else */
	objective = json_object_get_int_member(obj(score), ROSTER_KEY_OBJECTIVE);
	g_assert_cmpint(objective, >=, 60);
	g_assert_cmpint(objective, <, 120);
}

/* every member of a rotation is checked, the error names it, and nothing is created */
static void
test_team_rotation_invalid(Fixture *f, gconstpointer user_data)
{
	gint64 team = add_team(f, "A");
	const struct {
		const gchar *rotation;
		const gchar *field;
	} cases[] = {
	    {"[]", "team_rotation:"},
	    {"{\"rules\":[{\"team_id\":%T,\"weekdays\":[1]}],\"turns\":2}", "team_rotation.turns"},
	    {"{\"mode\":\"firm\",\"rules\":[]}", "team_rotation.mode"},
	    {"{\"weight\":-1,\"rules\":[]}", "team_rotation.weight"},
	    {"{\"weight\":\"high\",\"rules\":[]}", "team_rotation.weight"},
	    {"{\"cycle_start\":\"2027-02-30\",\"rules\":[]}", "team_rotation.cycle_start"},
	    {"{\"mode\":\"hard\"}", "team_rotation.rules"},
	    {"{\"rules\":[7]}", "team_rotation.rules[0]"},
	    {"{\"rules\":[{\"weekdays\":[1]}]}", "rules[0].team_id"},
	    {"{\"rules\":[{\"team_id\":999,\"weekdays\":[1]}]}", "rules[0].team_id"},
	    {"{\"rules\":[{\"team_id\":%T,\"weekdays\":[1]},{\"team_id\":%T,\"weekdays\":[8]}]}",
	     "rules[1].weekdays"},
	    {"{\"rules\":[{\"team_id\":%T,\"weekdays\":[]}]}", "rules[0].weekdays"},
	    {"{\"rules\":[{\"team_id\":%T,\"slots\":[\"25:00\"]}]}", "rules[0].slots"},
	    {"{\"rules\":[{\"team_id\":%T,\"cycle_weeks\":2,\"cycle_week\":3}]}",
	     "rules[0].cycle_week"},
	    {"{\"rules\":[{\"team_id\":%T,\"cycle_weeks\":0,\"cycle_week\":0}]}",
	     "rules[0].cycle_weeks"},
	    {"{\"rules\":[{\"team_id\":%T,\"cycle_weeks\":2}]}", "rules[0].cycle_week"},
	    {"{\"rules\":[{\"team_id\":%T}]}", "rules[0].weekdays"},
	    {"{\"rules\":[{\"team_id\":%T,\"weekdays\":[1],\"city\":\"A\"}]}", "rules[0].city"},
	};
	g_autofree gchar *team_text = g_strdup_printf("%" G_GINT64_FORMAT, team);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_auto(GStrv) parts = g_strsplit(cases[i].rotation, "%T", -1);
		g_autofree gchar *rotation = g_strjoinv(team_text, parts);
		g_autoptr(JsonNode) body =
		    json_printf("{\"name\":\"x\",\"period_start\":\"" WEEK_START
				"\",\"period_end\":\"" WEEK_END "\",\"settings\":"
				"{\"team_rotation\":%s}}",
				rotation);
		g_autoptr(JsonNode) refused =
		    roster_engine_create_roster(f->engine, f->admin, body, &error);
		g_assert_null(refused);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		if (strstr(error->message, cases[i].field) == NULL)
			g_error("case %u: %s does not name %s", i, error->message, cases[i].field);
		g_clear_error(&error);
	}
	list = roster_engine_list_rosters(f->engine, f->admin, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL), ==, 0);
}

/* a manual edit that puts team B's volunteer on team A's Tuesday is refused like any
 * broken hard rule, and made with the override; an open day takes anyone */
static void
test_team_rotation_edit(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 team_a = add_team(f, "A");
	gint64 team_b = add_team(f, "B");
	gint64 b;
	gint64 id;
	g_autofree gchar *settings = NULL;
	g_autofree gchar *tuesday = NULL;
	g_autofree gchar *forced = NULL;
	g_autofree gchar *friday = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) r1 = NULL;
	g_autoptr(JsonNode) r2 = NULL;
	g_autoptr(JsonNode) r3 = NULL;
	gint64 before;

	add_rule(f, seat, "08:00", "11:00", 1);
	add_team_volunteer(f, "EA", team_a);
	b = add_team_volunteer(f, "EB", team_b);
	settings = g_strdup_printf("{\"team_rotation\":{\"mode\":\"hard\",\"rules\":["
				   "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[1,2]}]}}",
				   team_a);
	id = add_roster(f, settings);
	tuesday = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    seat,
	    b);
	before = revision_of(f, id);
	r1 = assign(f, id, tuesday, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "team-rotation: "));
	g_assert_nonnull(strstr(error->message, "VEB"));
	g_assert_null(r1);
	g_clear_error(&error);
	g_assert_cmpint(revision_of(f, id), ==, before);
	g_assert_cmpuint(count_assignments(f, id), ==, 0);

	forced = g_strdup_printf("%s,\"override\":true", tuesday);
	r2 = assign(f, id, forced, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(r2), ROSTER_KEY_SOURCE), ==, "override");

	friday = g_strdup_printf(
	    "\"date\":\"2026-12-11\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    seat,
	    b);
	r3 = assign(f, id, friday, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(r3), ROSTER_KEY_SOURCE), ==, "manual");
	g_assert_cmpuint(count_assignments(f, id), ==, 2);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
#define ADD(path, func) g_test_add(path, Fixture, NULL, fixture_setup, func, fixture_teardown)
	ADD("/roster/rosters/create-and-read", test_create_and_read);
	ADD("/roster/rosters/rule/crisis-only-experts", test_rule_crisis_only_experts);
	ADD("/roster/rosters/rule/window-crossing-midnight", test_rule_window_crossing_midnight);
	ADD("/roster/rosters/rule/trainee-never-alone", test_rule_trainee_never_alone);
	ADD("/roster/rosters/rule/untrained-only-paired", test_rule_untrained_only_paired);
	ADD("/roster/rosters/rule/rest-respected", test_rule_rest_respected);
	ADD("/roster/rosters/rule/unavailability-respected", test_rule_unavailability_respected);
	ADD("/roster/rosters/rule/pins-kept", test_rule_pins_kept);
	ADD("/roster/rosters/edit/refused", test_edit_refused);
	ADD("/roster/rosters/edit/conflict", test_edit_conflict);
	ADD("/roster/rosters/edit/move-and-pin", test_edit_move_and_pin);
	ADD("/roster/rosters/edit/swap", test_edit_swap);
	ADD("/roster/rosters/job/cancel", test_job_cancel);
	ADD("/roster/rosters/job/done", test_job_done);
	ADD("/roster/rosters/job/threads-niced", test_job_threads_niced);
	ADD("/roster/rosters/job/stop-solves", test_job_stop_solves);
	ADD("/roster/rosters/publish-and-diff", test_publish_and_diff);
	ADD("/roster/rosters/explanations", test_explanations);
	ADD("/roster/rosters/explanations-avoided", test_explanations_avoided);
	ADD("/roster/rosters/rule/team-slots", test_team_slots);
	ADD("/roster/rosters/rule/max-nights", test_rule_max_nights);
	ADD("/roster/rosters/suggestions", test_suggestions);
	ADD("/roster/rosters/permissions", test_permissions);
	ADD("/roster/rosters/volunteer-sees-own", test_volunteer_sees_own);
	ADD("/roster/rosters/shortage/every-slot-and-nights", test_shortage_every_slot_and_nights);
	ADD("/roster/rosters/shortage/seat-class-minimum", test_shortage_seat_class_minimum);
	ADD("/roster/rosters/shortage/resolve-churn", test_shortage_resolve_churn);
	ADD("/roster/rosters/calendar/override-24h", test_calendar_override_24h);
	ADD("/roster/rosters/calendar/override-closure", test_calendar_override_closure);
	ADD("/roster/rosters/calendar/dated-rule-outside-manned",
	    test_calendar_dated_rule_outside_manned);
	ADD("/roster/rosters/calendar/nights-8h", test_calendar_nights_8h);
	ADD("/roster/rosters/trainees/places-paired", test_trainee_places_paired);
	ADD("/roster/rosters/trainees/never-crisis", test_trainee_never_crisis);
	ADD("/roster/rosters/trainees/places-crisis-refused", test_trainee_places_crisis_refused);
	ADD("/roster/rosters/trainees/places-no-gap", test_trainee_places_no_gap);
	ADD("/roster/rosters/trainees/demo-get-shifts", test_demo_trainees_get_shifts);
	ADD("/roster/rosters/rule/team-rotation-weekdays", test_team_rotation_weekdays);
	ADD("/roster/rosters/rule/team-rotation-cycle", test_team_rotation_cycle);
	ADD("/roster/rosters/rule/team-rotation-soft", test_team_rotation_soft);
	ADD("/roster/rosters/rule/team-rotation-invalid", test_team_rotation_invalid);
	ADD("/roster/rosters/edit/team-rotation", test_team_rotation_edit);
	ADD("/roster/rosters/rule/team-rotation-gap-reason", test_team_rotation_gap_reason);
#undef ADD
	return g_test_run();
}
