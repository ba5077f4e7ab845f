/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* team rotations: weekdays, cycles, soft rules, invalid settings, edits and gap reasons */

#include "config.h"

#include "roster-rosters-test-common.h"

static gint64
add_roster_period(Fixture *f, const gchar *start, const gchar *end, const gchar *settings)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf(
	    "{\"name\":\"period\",\"period_start\":\"%s\",\"period_end\":\"%s\","
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
	    roster_test_json_printf("{\"kind\":\"unavailable\",\"date\":\"2026-12-09\"}");
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
		    roster_test_json_printf("{\"name\":\"x\",\"period_start\":\"" WEEK_START
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

/* a shift a hard rotation forbids counts as a broken rule in the score and the
 * explanations, as the edit's check refused it: made with the override here, and the
 * same for one a time-limited solve leaves */
static void
test_team_rotation_counted(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 team_a = add_team(f, "A");
	gint64 team_b = add_team(f, "B");
	gint64 b;
	gint64 id;
	guint listed = 0;
	g_autofree gchar *settings = NULL;
	g_autofree gchar *forced = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) made = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) explained = NULL;
	JsonArray *items;

	add_rule(f, seat, "08:00", "11:00", 1);
	add_team_volunteer(f, "CA", team_a);
	b = add_team_volunteer(f, "CB", team_b);
	settings = g_strdup_printf("{\"team_rotation\":{\"mode\":\"hard\",\"rules\":["
				   "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[1,2]}]}}",
				   team_a);
	id = add_roster(f, settings);
	forced = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":true",
	    seat,
	    b);
	made = assign(f, id, forced, &error);
	g_assert_no_error(error);
	roster = get_roster(f, id);
	g_assert_cmpint(
	    json_object_get_int_member(json_object_get_object_member(obj(roster), ROSTER_KEY_SCORE),
				       ROSTER_KEY_HARD_VIOLATIONS),
	    ==,
	    1);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE),
			      "team-rotation") == 0)
			listed++;
	}
	g_assert_cmpuint(listed, ==, 1);
}

void
roster_test_add_rosters_teams(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/rule/team-rotation-weekdays",
			 test_team_rotation_weekdays);
	ROSTERS_TEST_ADD("/roster/rosters/rule/team-rotation-cycle", test_team_rotation_cycle);
	ROSTERS_TEST_ADD("/roster/rosters/rule/team-rotation-soft", test_team_rotation_soft);
	ROSTERS_TEST_ADD("/roster/rosters/rule/team-rotation-invalid", test_team_rotation_invalid);
	ROSTERS_TEST_ADD("/roster/rosters/edit/team-rotation", test_team_rotation_edit);
	ROSTERS_TEST_ADD("/roster/rosters/rule/team-rotation-counted", test_team_rotation_counted);
	ROSTERS_TEST_ADD("/roster/rosters/rule/team-rotation-gap-reason",
			 test_team_rotation_gap_reason);
}
