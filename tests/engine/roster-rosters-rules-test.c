/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hard rules of a solve: eligibility, crisis seats, rest, unavailability, pins, nights and team
 * slots */

#include "config.h"

#include "roster-rosters-test-common.h"

static void
test_create_and_read(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) bad =
	    roster_test_json_printf("{\"name\":\"x\",\"period_start\":\"2026-12-10\","
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
	g_autoptr(JsonNode) settings = roster_test_json_printf("{\"pre_job_min_hours\":20}");
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
		g_autoptr(JsonNode) training = roster_test_json_printf(
		    "{\"volunteer_id\":%" G_GINT64_FORMAT
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
		    roster_test_json_printf("{\"kind\":\"unavailable\",\"date\":\"2026-12-09\"}");
		g_autoptr(JsonNode) b = roster_test_json_printf(
		    "{\"kind\":\"unavailable\",\"weekday\":4,\"start\":\"08:00\","
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

/* a limit of nights (23:00-08:00) per month holds in a solve and in an edit */
static void
test_rule_max_nights(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 limited[2];
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
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

	/* by hand on a roster of its own: two nights are taken, the third is refused
	 * with the rule's code and changes nothing */
	id = add_roster(f, NULL);
	for (guint day = 7; day <= 9; day++) {
		g_autoptr(JsonNode) taken = NULL;
		g_autoptr(JsonNode) after = NULL;
		g_free(fields);
		fields = g_strdup_printf("\"date\":\"2026-12-%02u\",\"slot\":\"23:00\","
					 "\"seat_class_id\":%" G_GINT64_FORMAT
					 ",\"volunteer_id\":%" G_GINT64_FORMAT,
					 day,
					 seat,
					 limited[0]);
		taken = assign(f, id, fields, &error);
		if (day < 9) {
			g_assert_no_error(error);
			g_assert_nonnull(taken);
			continue;
		}
		g_assert_null(taken);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		g_assert_true(g_str_has_prefix(error->message, "max-nights-month: "));
		after = get_roster(f, id);
		g_assert_cmpuint(json_array_get_length(assignments_of(after)), ==, 2);
	}
}

/* each team works the slots it prefers when the seats allow it */
static void
test_team_slots(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 team_a =
	    create(f, ROSTER_COLLECTION_TEAMS, roster_test_json_printf("{\"name\":\"A\"}"));
	gint64 team_b =
	    create(f, ROSTER_COLLECTION_TEAMS, roster_test_json_printf("{\"name\":\"B\"}"));
	g_autofree gchar *extra_a = g_strdup_printf("\"team_id\":%" G_GINT64_FORMAT, team_a);
	g_autofree gchar *extra_b = g_strdup_printf("\"team_id\":%" G_GINT64_FORMAT, team_b);
	g_autofree gchar *settings = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) bad =
	    roster_test_json_printf("{\"name\":\"x\",\"period_start\":\"2026-12-07\","
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

void
roster_test_add_rosters_rules(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/create-and-read", test_create_and_read);
	ROSTERS_TEST_ADD("/roster/rosters/rule/crisis-only-experts", test_rule_crisis_only_experts);
	ROSTERS_TEST_ADD("/roster/rosters/rule/window-crossing-midnight",
			 test_rule_window_crossing_midnight);
	ROSTERS_TEST_ADD("/roster/rosters/rule/trainee-never-alone", test_rule_trainee_never_alone);
	ROSTERS_TEST_ADD("/roster/rosters/rule/untrained-only-paired",
			 test_rule_untrained_only_paired);
	ROSTERS_TEST_ADD("/roster/rosters/rule/rest-respected", test_rule_rest_respected);
	ROSTERS_TEST_ADD("/roster/rosters/rule/unavailability-respected",
			 test_rule_unavailability_respected);
	ROSTERS_TEST_ADD("/roster/rosters/rule/pins-kept", test_rule_pins_kept);
	ROSTERS_TEST_ADD("/roster/rosters/rule/team-slots", test_team_slots);
	ROSTERS_TEST_ADD("/roster/rosters/rule/max-nights", test_rule_max_nights);
}
