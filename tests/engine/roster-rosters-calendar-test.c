/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar: overrides of the manned hours, dated rules and night slots */

#include "config.h"

#include "roster-rosters-test-common.h"

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
	body = roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT ",%s}",
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
	       roster_test_json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
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

void
roster_test_add_rosters_calendar(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/calendar/override-24h", test_calendar_override_24h);
	ROSTERS_TEST_ADD("/roster/rosters/calendar/override-closure",
			 test_calendar_override_closure);
	ROSTERS_TEST_ADD("/roster/rosters/calendar/dated-rule-outside-manned",
			 test_calendar_dated_rule_outside_manned);
	ROSTERS_TEST_ADD("/roster/rosters/calendar/nights-8h", test_calendar_nights_8h);
}
