/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-model.h"

/*
 * How time windows resolve to (operational day, slot): demand rules, manned windows and
 * availability ranges are clock time on the calendar dates they name, whatever the
 * operational day's start, and a window covers every slot it shares a minute with.
 */

static guint32
julian_of(guint year, guint month, guint day)
{
	g_autoptr(GDate) date = g_date_new_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return g_date_get_julian(date);
}

static gint
hhmm(guint hours, guint minutes)
{
	return (gint)(hours * 60 + minutes);
}

/* the seats of one seat class over the whole period */
static guint
total_seats(const RosterHotlineModel *model, guint seat_class)
{
	guint total = 0;
	for (guint d = 0; d < model->hotline->n_days; d++) {
		for (guint k = 0; k < model->n_slots; k++)
			total += roster_hotline_model_get_requirement(model, d, k, seat_class);
	}
	return total;
}

static guint
seats_at(const RosterHotlineModel *model, guint day, guint hours, guint minutes)
{
	gint slot = roster_hotline_model_find_slot(model, hhmm(hours, minutes));
	g_assert_cmpint(slot, >=, 0);
	return roster_hotline_model_get_requirement(model, day, (guint)slot, 0);
}

/* a 24 h rule gives the full 24/7 count, whichever way it is written: 4 seats in the
 * 8 slots of 31 days are 992 (the 00:00-00:00 rule once gave 372: only the slots after
 * midnight) */
static void
test_windows_whole_day(void)
{
	const gint ends[][2] = {{0, 1440}, {0, 0}, {1200, 1200}, {480, 480}};

	for (guint i = 0; i < G_N_ELEMENTS(ends); i++) {
		g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2026, 12, 1), 31);
		g_autoptr(RosterHotlineModel) model = NULL;
		g_autoptr(GError) error = NULL;

		roster_hotline_add_seat_class(h, 1, "phone");
		roster_hotline_add_demand(h, 1, ends[i][0], ends[i][1], 4);
		model = roster_hotline_model_new(h, &error);
		g_assert_no_error(error);
		g_assert_cmpuint(total_seats(model, 0), ==, 992);
	}
}

/* 06:00-10:00 covers the slots on both sides of the operational day's start: with the
 * day from 08:00, the 08:00 slot of its date and the 05:00 slot of the day before;
 * with the day from 05:00, the 05:00 and 08:00 slots of one day */
static void
test_windows_across_day_start(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 3, 1), 7);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterHotline) early = roster_hotline_new(julian_of(2027, 3, 1), 7);
	g_autoptr(RosterHotlineModel) early_model = NULL;
	g_autoptr(GError) error = NULL;

	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, hhmm(6, 0), hhmm(10, 0), 2);
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < model->n_slots; k++) {
			gint start = roster_hotline_model_slot_start(model, k);
			guint want = start == hhmm(8, 0) || start == hhmm(5, 0) ? 2 : 0;
			g_assert_cmpuint(roster_hotline_model_get_requirement(model, d, k, 0),
					 ==,
					 want);
		}
	}
	/* two slots a day for seven days: the 05:00 slot of the last day is the morning
	 * after the period, its rule on 8 March is the period's too */
	g_assert_cmpuint(total_seats(model, 0), ==, 28);

	early->first_slot_start = hhmm(5, 0);
	roster_hotline_add_seat_class(early, 1, "phone");
	roster_hotline_add_demand(early, 1, hhmm(6, 0), hhmm(10, 0), 2);
	early_model = roster_hotline_model_new(early, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(seats_at(early_model, 3, 5, 0), ==, 2);
	g_assert_cmpuint(seats_at(early_model, 3, 8, 0), ==, 2);
	g_assert_cmpuint(seats_at(early_model, 3, 11, 0), ==, 0);
	g_assert_cmpuint(seats_at(early_model, 3, 2, 0), ==, 0);
	g_assert_cmpuint(total_seats(early_model, 0), ==, 28);
}

/* a weekday rule is clock time on that weekday: Saturday 02:00-06:00 is the end of
 * Friday's operational day, not of Saturday's */
static void
test_windows_weekday_is_the_date(void)
{
	/* 5 March 2027 is a Friday */
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 3, 5), 2);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineDemand *rule;

	roster_hotline_add_seat_class(h, 1, "phone");
	rule = roster_hotline_add_demand(h, 1, hhmm(2, 0), hhmm(6, 0), 1);
	rule->weekdays = 1u << G_DATE_SATURDAY;
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(seats_at(model, 0, 2, 0), ==, 1);
	g_assert_cmpuint(seats_at(model, 0, 5, 0), ==, 1);
	g_assert_cmpuint(seats_at(model, 1, 2, 0), ==, 0);
	g_assert_cmpuint(seats_at(model, 1, 5, 0), ==, 0);
	g_assert_cmpuint(total_seats(model, 0), ==, 2);
}

/* a dated rule covers its calendar dates: the night before the first exam morning is
 * the exam's (its slots after midnight belong to the operational day before), the
 * weekly rule stops at midnight, and the exam's last night ends at midnight too */
static void
test_windows_dated_night_before(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 6, 1), 30);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineDemand *exam;
	/* 6 June is day 5 */
	const guint want[][8] = {
	    /* 08 11 14 17 20 23 02 05 */
	    {1, 1, 1, 1, 0, 3, 3, 3}, /* 6 June: the night before the exams */
	    {3, 3, 3, 3, 3, 3, 3, 3}, /* 7 June */
	    {3, 3, 3, 3, 3, 3, 3, 3}, /* 8 June */
	    {3, 3, 3, 3, 3, 3, 3, 3}, /* 9 June */
	    {3, 3, 3, 3, 3, 3, 0, 0}, /* 10 June: the night after is weekly again */
	    {1, 1, 1, 1, 0, 0, 0, 0}, /* 11 June */
	};

	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, hhmm(8, 0), hhmm(20, 0), 1);
	exam = roster_hotline_add_demand(h, 1, 0, 1440, 3);
	exam->date_from = julian_of(2027, 6, 7);
	exam->date_to = julian_of(2027, 6, 10);
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(want); i++) {
		for (guint k = 0; k < 8; k++) {
			g_assert_cmpuint(roster_hotline_model_get_requirement(model, 5 + i, k, 0),
					 ==,
					 want[i][k]);
		}
	}
	/* 26 weekly days of 4 slots; the exam's 96 hours from midnight to midnight touch
	 * 33 slots, from 23:00 on 6 June to 23:00 on 10 June */
	g_assert_cmpuint(total_seats(model, 0), ==, 26 * 4 + 33 * 3);
}

/* availability ranges are clock time on their date too: unavailable 06:00-10:00 on 8
 * June is the 05:00 slot of 7 June's operational day and the 08:00 slot of 8 June's;
 * 20:00-24:00 covers 20:00 and 23:00; a whole day without times is the operational
 * day of its date */
static void
test_windows_availability(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 6, 1), 30);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineAvailability *a;
	guint busy = 0;

	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, 0, 0, 1);
	roster_hotline_add_volunteer(h, 7, "甲");
	a = roster_hotline_add_availability(h, 7, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	a->date = julian_of(2027, 6, 8);
	a->start = hhmm(6, 0);
	a->end = hhmm(10, 0);
	a = roster_hotline_add_availability(h, 7, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	a->date = julian_of(2027, 6, 20);
	a->start = hhmm(20, 0);
	a->end = 1440;
	a = roster_hotline_add_availability(h, 7, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	a->date = julian_of(2027, 6, 25);
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);

	/* 7 June is day 6: its 05:00 slot (k 7) is the morning of 8 June */
	g_assert_true(roster_hotline_model_is_unavailable(model, 0, 6, 7));
	g_assert_false(roster_hotline_model_is_unavailable(model, 0, 6, 6));
	g_assert_true(roster_hotline_model_is_unavailable(model, 0, 7, 0));
	g_assert_false(roster_hotline_model_is_unavailable(model, 0, 7, 1));
	g_assert_false(roster_hotline_model_is_unavailable(model, 0, 7, 7));
	/* 20 June, day 19: 20:00 and 23:00, not 17:00 nor 02:00 */
	g_assert_true(roster_hotline_model_is_unavailable(model, 0, 19, 4));
	g_assert_true(roster_hotline_model_is_unavailable(model, 0, 19, 5));
	g_assert_false(roster_hotline_model_is_unavailable(model, 0, 19, 3));
	g_assert_false(roster_hotline_model_is_unavailable(model, 0, 19, 6));
	for (guint d = 0; d < 30; d++) {
		for (guint k = 0; k < 8; k++)
			busy += roster_hotline_model_is_unavailable(model, 0, d, k) ? 1 : 0;
	}
	/* 2 + 2 + the 8 slots of 25 June */
	g_assert_cmpuint(busy, ==, 12);
	g_assert_cmpuint(
	    roster_hotline_model_get_availability(model,
						  0,
						  24,
						  ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE),
	    ==,
	    G_MAXUINT64);
}

/* manned windows are clock time on their weekday: Monday 00:00-24:00 mans the end of
 * Sunday's operational day (23:00, 02:00, 05:00) and Monday's until midnight */
static void
test_windows_manned(void)
{
	/* 7 March 2027 is a Sunday */
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 3, 7), 2);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineWindow window = {G_DATE_MONDAY, 0, 1440};
	const guint want[][8] = {
	    {0, 0, 0, 0, 0, 1, 1, 1},
	    {1, 1, 1, 1, 1, 1, 0, 0},
	};

	g_array_append_val(h->windows, window);
	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, 0, 0, 1);
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	for (guint d = 0; d < 2; d++) {
		for (guint k = 0; k < 8; k++)
			g_assert_cmpuint(roster_hotline_model_get_requirement(model, d, k, 0),
					 ==,
					 want[d][k]);
	}
}

/* the seats of seat class @c on operational days @first.. as rows of the 8 slots of
 * 3 hours from 08:00 */
static void
assert_days(const RosterHotlineModel *model, guint first, guint c, const guint want[][8], guint n)
{
	for (guint i = 0; i < n; i++) {
		for (guint k = 0; k < 8; k++) {
			guint got = roster_hotline_model_get_requirement(model, first + i, k, c);
			if (got != want[i][k])
				g_error("day %u slot %u class %u: %u seats, want %u",
					first + i,
					k,
					c,
					got,
					want[i][k]);
		}
	}
}

/* a line manned 08:00-20:00 every day */
static void
add_day_hours(RosterHotline *h)
{
	for (guint wd = 1; wd <= 7; wd++) {
		RosterHotlineWindow w = {wd, hhmm(8, 0), hhmm(20, 0)};
		g_array_append_val(h->windows, w);
	}
}

/* exam season on a day-only line: an override 00:00-24:00 from 7 to 10 June mans those
 * dates around the clock (the night before the first exam morning too, as for a dated
 * demand rule), the other dates keep their day hours */
static void
test_override_day_line_24h(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 6, 1), 14);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineOverride *exams;
	/* from 6 June, day 5 */
	const guint want[][8] = {
	    /* 08 11 14 17 20 23 02 05 */
	    {1, 1, 1, 1, 0, 1, 1, 1}, /* 6 June: the night before the exams */
	    {1, 1, 1, 1, 1, 1, 1, 1}, /* 7 June */
	    {1, 1, 1, 1, 1, 1, 1, 1}, /* 8 June */
	    {1, 1, 1, 1, 1, 1, 1, 1}, /* 9 June */
	    {1, 1, 1, 1, 1, 1, 0, 0}, /* 10 June: midnight ends the override */
	    {1, 1, 1, 1, 0, 0, 0, 0}, /* 11 June */
	};

	add_day_hours(h);
	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, 0, 1440, 1);
	exams = roster_hotline_add_override(h, julian_of(2027, 6, 7), julian_of(2027, 6, 10));
	roster_hotline_override_add_window(exams, 0, 1440);
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	assert_days(model, 5, 0, want, G_N_ELEMENTS(want));
	/* 10 days of day hours; the override's 96 hours touch 33 slots */
	g_assert_cmpuint(total_seats(model, 0), ==, 10 * 4 + 33);
}

/* a holiday closure on a 24/7 line: no seat from midnight of 1 October to midnight
 * after 3 October; a slot across either midnight keeps the open part */
static void
test_override_closure(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 9, 28), 10);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	/* from 30 September, day 2 */
	const guint want[][8] = {
	    /* 08 11 14 17 20 23 02 05 */
	    {1, 1, 1, 1, 1, 1, 0, 0}, /* 30 September: open until midnight */
	    {0, 0, 0, 0, 0, 0, 0, 0}, /* 1 October */
	    {0, 0, 0, 0, 0, 0, 0, 0}, /* 2 October */
	    {0, 0, 0, 0, 0, 1, 1, 1}, /* 3 October: open again from midnight */
	    {1, 1, 1, 1, 1, 1, 1, 1}, /* 4 October */
	};

	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, 0, 1440, 1);
	roster_hotline_add_override(h, julian_of(2027, 10, 1), julian_of(2027, 10, 3));
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	assert_days(model, 2, 0, want, G_N_ELEMENTS(want));
	g_assert_cmpuint(total_seats(model, 0), ==, 80 - 2 - 16 - 5);
}

/* a weekly night window that runs into a closed date stops at its midnight, and a
 * date of shortened hours is manned in those only: the weekly night that would start
 * on it is replaced too */
static void
test_override_replaces_weekly_night(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 9, 28), 10);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineOverride *short_day;
	/* from 30 September, day 2 */
	const guint want[][8] = {
	    /* 08 11 14 17 20 23 02 05 */
	    {0, 0, 0, 0, 1, 1, 0, 0}, /* 30 September: the night stops at midnight */
	    {0, 0, 0, 0, 0, 0, 0, 0}, /* 1 October: closed */
	    {1, 1, 0, 0, 0, 0, 0, 0}, /* 2 October: 09:00-12:00, no weekly night */
	    {0, 0, 0, 0, 1, 1, 1, 1}, /* 3 October: weekly again */
	};

	for (guint wd = 1; wd <= 7; wd++) {
		RosterHotlineWindow w = {wd, hhmm(20, 0), hhmm(6, 0)};
		g_array_append_val(h->windows, w);
	}
	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, 0, 1440, 1);
	roster_hotline_add_override(h, julian_of(2027, 10, 1), julian_of(2027, 10, 1));
	short_day = roster_hotline_add_override(h, julian_of(2027, 10, 2), julian_of(2027, 10, 2));
	roster_hotline_override_add_window(short_day, hhmm(9, 0), hhmm(12, 0));
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	assert_days(model, 2, 0, want, G_N_ELEMENTS(want));
}

/* a dated demand rule is its own manned hours on its dates: 2 seats around the clock
 * on 9 June on a line manned 08:00-20:00, while another class's weekly rule stays in
 * the day hours; the weekly rule of its class stops at the midnight before */
static void
test_dated_rule_outside_manned(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 6, 1), 14);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineDemand *exam;
	/* from 8 June, day 7 */
	const guint want[][8] = {
	    /* 08 11 14 17 20 23 02 05 */
	    {1, 1, 1, 1, 0, 2, 2, 2}, /* 8 June */
	    {2, 2, 2, 2, 2, 2, 0, 0}, /* 9 June */
	    {1, 1, 1, 1, 0, 0, 0, 0}, /* 10 June */
	};
	const guint other[][8] = {
	    {1, 1, 1, 1, 0, 0, 0, 0},
	    {1, 1, 1, 1, 0, 0, 0, 0},
	    {1, 1, 1, 1, 0, 0, 0, 0},
	};

	add_day_hours(h);
	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_seat_class(h, 2, "chat");
	roster_hotline_add_demand(h, 1, 0, 1440, 1);
	roster_hotline_add_demand(h, 2, 0, 1440, 1);
	exam = roster_hotline_add_demand(h, 1, 0, 1440, 2);
	exam->date_from = julian_of(2027, 6, 9);
	exam->date_to = julian_of(2027, 6, 9);
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	assert_days(model, 7, 0, want, G_N_ELEMENTS(want));
	assert_days(model, 7, 1, other, G_N_ELEMENTS(other));
}

/* an override is the last word on its dates' hours: a closure holds against a dated
 * demand rule of the same dates */
static void
test_override_cuts_dated_rule(void)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 10, 1), 7);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	RosterHotlineDemand *week;
	/* from 2 October, day 1 */
	const guint want[][8] = {
	    /* 08 11 14 17 20 23 02 05 */
	    {0, 0, 0, 0, 0, 0, 0, 0}, /* 2 October: closed */
	    {0, 0, 0, 0, 0, 3, 3, 3}, /* 3 October: closed until midnight */
	    {3, 3, 3, 3, 3, 3, 3, 3}, /* 4 October */
	};

	add_day_hours(h);
	roster_hotline_add_seat_class(h, 1, "phone");
	week = roster_hotline_add_demand(h, 1, 0, 1440, 3);
	week->date_from = julian_of(2027, 10, 1);
	week->date_to = julian_of(2027, 10, 7);
	roster_hotline_add_override(h, julian_of(2027, 10, 2), julian_of(2027, 10, 3));
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	assert_days(model, 1, 0, want, G_N_ELEMENTS(want));
}

/* a shift is a night when at least half of it lies in the night window */
static void
test_nights_half_inside(void)
{
	const struct {
		guint slot_minutes;
		gint first;
		gint night_start;
		gint night_end;
		gint slot;
		gboolean night;
	} cases[] = {
	    /* 8-hour slots from 08:00, the default night 23:00-08:00 */
	    {480, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(8, 0), FALSE},
	    {480, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(16, 0), FALSE},
	    {480, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(0, 0), TRUE},
	    /* 3-hour slots: 05:00-08:00 lies wholly in the night, 20:00-23:00 not at all */
	    {180, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(5, 0), TRUE},
	    {180, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(20, 0), FALSE},
	    {180, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(23, 0), TRUE},
	    {180, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(8, 0), FALSE},
	    /* 4-hour slots: one hour of 20:00-24:00 is not half */
	    {240, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(20, 0), FALSE},
	    {240, hhmm(8, 0), hhmm(23, 0), hhmm(8, 0), hhmm(4, 0), TRUE},
	    /* a night 20:00-04:00: exactly half of 16:00-24:00 is a night */
	    {480, hhmm(8, 0), hhmm(20, 0), hhmm(4, 0), hhmm(16, 0), TRUE},
	    {480, hhmm(8, 0), hhmm(20, 0), hhmm(4, 0), hhmm(0, 0), TRUE},
	    {480, hhmm(8, 0), hhmm(20, 0), hhmm(4, 0), hhmm(8, 0), FALSE},
	    /* a night that does not cross midnight, 12-hour slots from 07:00 */
	    {720, hhmm(7, 0), hhmm(0, 0), hhmm(5, 0), hhmm(19, 0), FALSE},
	    {720, hhmm(7, 0), hhmm(0, 0), hhmm(7, 0), hhmm(19, 0), TRUE},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(RosterHotline) h = roster_hotline_new(julian_of(2027, 6, 1), 2);
		g_autoptr(RosterHotlineModel) model = NULL;
		g_autoptr(GError) error = NULL;
		gint slot;

		h->slot_minutes = cases[i].slot_minutes;
		h->first_slot_start = cases[i].first;
		h->night_start = cases[i].night_start;
		h->night_end = cases[i].night_end;
		roster_hotline_add_seat_class(h, 1, "phone");
		roster_hotline_add_demand(h, 1, 0, 1440, 1);
		model = roster_hotline_model_new(h, &error);
		g_assert_no_error(error);
		slot = roster_hotline_model_find_slot(model, cases[i].slot);
		g_assert_cmpint(slot, >=, 0);
		if (roster_hotline_model_is_night(model, (guint)slot) != cases[i].night)
			g_error("case %u: the slot at %d min is%s a night",
				i,
				cases[i].slot,
				cases[i].night ? " not" : "");
	}
}

/* the overlap rule on its own: a shared minute covers, a touching edge does not */
static void
test_windows_covers_slot(void)
{
	g_assert_true(roster_hotline_window_covers_slot(479, 480 + 1, 480, 180));
	g_assert_true(roster_hotline_window_covers_slot(659, 700, 480, 180));
	g_assert_false(roster_hotline_window_covers_slot(300, 480, 480, 180));
	g_assert_false(roster_hotline_window_covers_slot(660, 900, 480, 180));
}

/* the property test: random windows against a plain computation per clock hour */

typedef struct {
	gint64 seat_class_id;
	guint weekdays;
	guint32 date_from;
	guint32 date_to;
	/* whole hours, end 0 to 24 */
	gint start;
	gint end;
	guint seats;
} Rule;

static guint
weekday_plain(gint64 julian)
{
	g_autoptr(GDate) date = g_date_new_julian((guint32)julian);
	return g_date_get_weekday(date);
}

/* whether a window start-end (whole hours) placed on calendar date @date holds clock
 * hour @hour; both as counts from the same midnight */
static gboolean
holds_hour(gint64 date, gint start, gint end, gint64 hour)
{
	gint64 from = date * 24 + start;
	gint64 to = date * 24 + end;
	if (end <= start)
		to += 24;
	return from <= hour && hour < to;
}

static gboolean
rule_is_dated(const Rule *r)
{
	return r->date_from != 0 || r->date_to != 0;
}

static gboolean
rule_in_dates(const Rule *r, gint64 julian)
{
	return (r->date_from == 0 || julian >= r->date_from) &&
	       (r->date_to == 0 || julian <= r->date_to);
}

static gboolean
date_is_dated(const Rule *rules, guint n_rules, gint64 seat_class_id, gint64 julian)
{
	for (guint i = 0; i < n_rules; i++) {
		if (rules[i].seat_class_id == seat_class_id && rule_is_dated(&rules[i]) &&
		    rule_in_dates(&rules[i], julian))
			return TRUE;
	}
	return FALSE;
}

/* the seats a seat class needs in clock hour @hour (hours after midnight of julian day
 * 0): every rule whose window, placed on a calendar date it applies to (that day or the
 * day before), holds the hour; on a date a dated rule of the class covers, weekly rules
 * apply neither that date nor into it */
static guint
plain_seats(const Rule *rules, guint n_rules, gint64 seat_class_id, gint64 hour)
{
	gint64 today = hour / 24;
	guint seats = 0;

	for (guint i = 0; i < n_rules; i++) {
		const Rule *r = &rules[i];
		if (r->seat_class_id != seat_class_id)
			continue;
		if (!rule_is_dated(r) && date_is_dated(rules, n_rules, seat_class_id, today))
			continue;
		for (gint64 date = today - 1; date <= today; date++) {
			gboolean applies;
			if (rule_is_dated(r))
				applies = rule_in_dates(r, date);
			else
				applies = !date_is_dated(rules, n_rules, seat_class_id, date);
			if (r->weekdays != 0 && (r->weekdays & (1u << weekday_plain(date))) == 0)
				applies = FALSE;
			if (applies && holds_hour(date, r->start, r->end, hour))
				seats += r->seats;
		}
	}
	return seats;
}

typedef struct {
	guint weekday;
	guint32 date; /* 0 for a weekday */
	gint start;   /* whole hours, -1 for the whole operational day */
	gint end;
} Window;

/* whether a window of a weekday or a date holds clock hour @hour */
static gboolean
plain_window_holds(const Window *w, gint64 hour)
{
	for (gint64 date = hour / 24 - 1; date <= hour / 24; date++) {
		if (w->date != 0 ? w->date != date : weekday_plain(date) != w->weekday)
			continue;
		if (holds_hour(date, w->start, w->end, hour))
			return TRUE;
	}
	return FALSE;
}

/* a dated override of the manned hours: whole hours on each date from @from to @to */
typedef struct {
	guint32 from;
	guint32 to;
	guint n_windows;
	gint start[2];
	gint end[2];
} Override;

static const Override *
plain_override(const Override *overrides, guint n_overrides, gint64 julian)
{
	for (guint i = 0; i < n_overrides; i++) {
		if (julian >= overrides[i].from && julian <= overrides[i].to)
			return &overrides[i];
	}
	return NULL;
}

/* whether the line is manned in clock hour @hour: the windows placed on that date and
 * the one before, an override's on its dates, the weekly ones elsewhere but never into
 * an overridden date; no weekly windows is every hour */
static gboolean
plain_manned(const Window *windows,
	     guint n_windows,
	     const Override *overrides,
	     guint n_overrides,
	     gint64 hour)
{
	gint64 today = hour / 24;

	for (gint64 date = today - 1; date <= today; date++) {
		const Override *o = plain_override(overrides, n_overrides, date);
		if (o != NULL) {
			for (guint i = 0; i < o->n_windows; i++) {
				if (holds_hour(date, o->start[i], o->end[i], hour))
					return TRUE;
			}
			continue;
		}
		if (date < today && plain_override(overrides, n_overrides, today) != NULL)
			continue;
		if (n_windows == 0 && date == today)
			return TRUE;
		for (guint i = 0; i < n_windows; i++) {
			if (windows[i].weekday == weekday_plain(date) &&
			    holds_hour(date, windows[i].start, windows[i].end, hour))
				return TRUE;
		}
	}
	return FALSE;
}

/* the seats of a seat class's dated rules in clock hour @hour that hold whether or not
 * the line is manned: placed on a date no override covers, and not into one */
static guint
plain_free_seats(const Rule *rules,
		 guint n_rules,
		 const Override *overrides,
		 guint n_overrides,
		 gint64 seat_class_id,
		 gint64 hour)
{
	gint64 today = hour / 24;
	guint seats = 0;

	for (guint i = 0; i < n_rules; i++) {
		const Rule *r = &rules[i];
		if (r->seat_class_id != seat_class_id || !rule_is_dated(r))
			continue;
		for (gint64 date = today - 1; date <= today; date++) {
			if (!rule_in_dates(r, date) ||
			    plain_override(overrides, n_overrides, date) != NULL)
				continue;
			if (date < today && plain_override(overrides, n_overrides, today) != NULL)
				continue;
			if (r->weekdays != 0 && (r->weekdays & (1u << weekday_plain(date))) == 0)
				continue;
			if (holds_hour(date, r->start, r->end, hour))
				seats += r->seats;
		}
	}
	return seats;
}

static gint
random_hour(GRand *rand)
{
	return g_rand_int_range(rand, 0, 24);
}

static gint
random_end(GRand *rand, gint start)
{
	guint roll = (guint)g_rand_int_range(rand, 0, 10);
	/* 24:00, the same time (24 h), or any hour (before the start: across midnight) */
	if (roll == 0)
		return 24;
	if (roll == 1)
		return start;
	return random_hour(rand);
}

static void
check_random_hotline(GRand *rand)
{
	const guint lengths[] = {60, 120, 180, 240, 480};
	guint32 first_day = julian_of(2027, 1, 1) + (guint32)g_rand_int_range(rand, 0, 365);
	guint n_days = (guint)g_rand_int_range(rand, 1, 36);
	g_autoptr(RosterHotline) h = roster_hotline_new(first_day, n_days);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(GError) error = NULL;
	Rule rules[12];
	guint n_rules = (guint)g_rand_int_range(rand, 1, 12);
	Window windows[5];
	guint n_windows = g_rand_boolean(rand) ? 0 : (guint)g_rand_int_range(rand, 1, 6);
	Window entries[6];
	guint n_entries = (guint)g_rand_int_range(rand, 0, 7);
	Override overrides[2];
	guint n_overrides = (guint)g_rand_int_range(rand, 0, 3);
	gint first_hour = random_hour(rand);
	guint slot_hours;

	h->slot_minutes = lengths[g_rand_int_range(rand, 0, G_N_ELEMENTS(lengths))];
	h->first_slot_start = first_hour * 60;
	slot_hours = h->slot_minutes / 60;
	roster_hotline_add_seat_class(h, 1, "one");
	roster_hotline_add_seat_class(h, 2, "two");
	for (guint i = 0; i < n_rules; i++) {
		Rule *r = &rules[i];
		RosterHotlineDemand *d;
		r->seat_class_id = g_rand_int_range(rand, 1, 3);
		r->weekdays = 0;
		if (g_rand_int_range(rand, 0, 3) == 0) {
			for (guint w = 1; w <= 7; w++)
				r->weekdays |= g_rand_boolean(rand) ? 1u << w : 0;
		}
		r->date_from = 0;
		r->date_to = 0;
		if (g_rand_int_range(rand, 0, 3) == 0) {
			/* dates around the period, now and then open on one side */
			r->date_from =
			    first_day + (guint32)g_rand_int_range(rand, -3, (gint)n_days);
			r->date_to = r->date_from + (guint32)g_rand_int_range(rand, 0, 6);
			if (g_rand_int_range(rand, 0, 6) == 0)
				r->date_from = 0;
			else if (g_rand_int_range(rand, 0, 6) == 0)
				r->date_to = 0;
		}
		r->start = random_hour(rand);
		r->end = random_end(rand, r->start);
		r->seats = (guint)g_rand_int_range(rand, 1, 6);
		d = roster_hotline_add_demand(h,
					      r->seat_class_id,
					      r->start * 60,
					      r->end * 60,
					      r->seats);
		d->weekdays = r->weekdays;
		d->date_from = r->date_from;
		d->date_to = r->date_to;
	}
	for (guint i = 0; i < n_windows; i++) {
		RosterHotlineWindow w = {0};
		windows[i].weekday = (guint)g_rand_int_range(rand, 1, 8);
		windows[i].date = 0;
		windows[i].start = random_hour(rand);
		windows[i].end = random_end(rand, windows[i].start);
		w.weekday = windows[i].weekday;
		w.start = windows[i].start * 60;
		w.end = windows[i].end * 60;
		g_array_append_val(h->windows, w);
	}
	for (guint i = 0; i < n_overrides; i++) {
		Override *o = &overrides[i];
		RosterHotlineOverride *ho;
		/* dates around the period, the second after the first */
		o->from = i == 0 ? first_day + (guint32)g_rand_int_range(rand, -2, (gint)n_days)
				 : overrides[0].to + (guint32)g_rand_int_range(rand, 1, 4);
		o->to = o->from + (guint32)g_rand_int_range(rand, 0, 4);
		o->n_windows = (guint)g_rand_int_range(rand, 0, 3);
		ho = roster_hotline_add_override(h, o->from, o->to);
		for (guint j = 0; j < o->n_windows; j++) {
			o->start[j] = random_hour(rand);
			o->end[j] = random_end(rand, o->start[j]);
			if (o->end[j] == o->start[j])
				o->end[j] = 24;
			roster_hotline_override_add_window(ho, o->start[j] * 60, o->end[j] * 60);
		}
	}
	roster_hotline_add_volunteer(h, 9, "乙");
	for (guint i = 0; i < n_entries; i++) {
		RosterHotlineAvailability *a =
		    roster_hotline_add_availability(h, 9, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
		Window *e = &entries[i];
		e->date = 0;
		e->weekday = 0;
		if (g_rand_boolean(rand))
			e->date = first_day + (guint32)g_rand_int_range(rand, -1, (gint)n_days + 1);
		else
			e->weekday = (guint)g_rand_int_range(rand, 1, 8);
		e->start = g_rand_int_range(rand, 0, 5) == 0 ? -1 : random_hour(rand);
		e->end = e->start < 0 ? -1 : random_end(rand, e->start);
		a->date = e->date;
		a->weekday = e->weekday;
		a->start = e->start < 0 ? -1 : e->start * 60;
		a->end = e->end < 0 ? -1 : e->end * 60;
	}
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);

	for (guint d = 0; d < n_days; d++) {
		for (guint k = 0; k < model->n_slots; k++) {
			/* the slot's clock hours, counted from julian day 0 */
			gint64 slot_hour =
			    ((gint64)first_day + d) * 24 + first_hour + (gint64)k * slot_hours;
			gboolean manned = FALSE;
			gboolean unavailable = FALSE;
			for (guint j = 0; j < slot_hours; j++)
				manned |= plain_manned(windows,
						       n_windows,
						       overrides,
						       n_overrides,
						       slot_hour + j);
			for (guint c = 0; c < 2; c++) {
				guint busiest = 0;
				guint got = roster_hotline_model_get_requirement(model, d, k, c);
				/* every clock hour of a manned slot gets the slot's seats: as many
				 * as its busiest hour needs, never fewer than any hour needs;
				 * outside the manned hours only dated rules count */
				for (guint j = 0; j < slot_hours; j++) {
					guint seats = manned ? plain_seats(rules,
									   n_rules,
									   (gint64)c + 1,
									   slot_hour + j)
							     : plain_free_seats(rules,
										n_rules,
										overrides,
										n_overrides,
										(gint64)c + 1,
										slot_hour + j);
					g_assert_cmpuint(got, >=, seats);
					busiest = MAX(busiest, seats);
				}
				g_assert_cmpuint(got, ==, busiest);
			}
			for (guint i = 0; i < n_entries; i++) {
				const Window *e = &entries[i];
				if (e->start < 0) {
					/* the whole operational day of its date */
					unavailable |=
					    e->date != 0
						? e->date == first_day + d
						: e->weekday == weekday_plain(first_day + d);
					continue;
				}
				for (guint j = 0; j < slot_hours; j++)
					unavailable |= plain_window_holds(e, slot_hour + j);
			}
			g_assert_cmpint(roster_hotline_model_is_unavailable(model, 0, d, k),
					==,
					unavailable);
		}
	}
}

static void
test_windows_random(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(15);

	for (guint i = 0; i < 400; i++)
		check_random_hotline(rand);
}

/* a hotline of four weeks from Monday 2027-01-04 with a night seat and three
 * volunteers: team 10, team 20 and no team; team 10 holds the 23:00 slot in week 1 of a
 * 2-week cycle and all of Sunday, team 20 the 23:00 slot in week 2 */
static RosterHotline *
rotation_hotline(guint32 cycle_start, RosterHotlineRotationMode mode)
{
	RosterHotline *h = roster_hotline_new(julian_of(2027, 1, 4), 28);
	RosterHotlineTeamRule *r;

	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, hhmm(23, 0), hhmm(8, 0), 1);
	roster_hotline_add_volunteer(h, 1, "A")->team_id = 10;
	roster_hotline_add_volunteer(h, 2, "B")->team_id = 20;
	roster_hotline_add_volunteer(h, 3, "free");
	h->rotation.mode = mode;
	h->rotation.weight = 7;
	h->rotation.cycle_start = cycle_start;
	r = roster_hotline_add_team_rule(h, 10);
	r->cycle_weeks = 2;
	r->cycle_week = 1;
	roster_hotline_team_rule_add_slot(r, hhmm(23, 0));
	r = roster_hotline_add_team_rule(h, 20);
	r->cycle_weeks = 2;
	r->cycle_week = 2;
	roster_hotline_team_rule_add_slot(r, hhmm(23, 0));
	r = roster_hotline_add_team_rule(h, 10);
	r->weekdays = 1u << 7;
	return h;
}

static gboolean
outside(const RosterHotlineModel *model, gint64 volunteer, guint day, guint hours)
{
	gint slot = roster_hotline_model_find_slot(model, hhmm(hours, 0));
	g_assert_cmpint(slot, >=, 0);
	return roster_hotline_model_is_outside_team_rotation(
	    model,
	    (guint)roster_hotline_model_find_person(model, volunteer),
	    day,
	    (guint)slot);
}

/* the cycle counts whole weeks from its start, before or after the period alike: a
 * start a week before or a week after the period's Monday both make that week the
 * cycle's second; a cell two rules bind takes both teams, and other cells are open */
static void
test_team_rotation_cells(void)
{
	const guint32 starts[] = {julian_of(2026, 12, 28), julian_of(2027, 1, 11)};

	for (guint i = 0; i < G_N_ELEMENTS(starts); i++) {
		g_autoptr(RosterHotline) h =
		    rotation_hotline(starts[i], ROSTER_HOTLINE_ROTATION_HARD);
		g_autoptr(RosterHotlineModel) model = NULL;
		g_autoptr(GError) error = NULL;

		model = roster_hotline_model_new(h, &error);
		g_assert_no_error(error);
		for (guint week = 0; week < 4; week++) {
			/* Monday 23:00: team 20 in the cycle's week 2 (the period's 1 and 3) */
			g_assert_cmpint(outside(model, 1, week * 7, 23), ==, week % 2 == 0);
			g_assert_cmpint(outside(model, 2, week * 7, 23), ==, week % 2 == 1);
			g_assert_false(outside(model, 3, week * 7, 23));
			/* Monday 02:00: no rule binds it */
			g_assert_false(outside(model, 1, week * 7, 2));
			g_assert_false(outside(model, 2, week * 7, 2));
			/* Sunday: team 10's, and at 23:00 also the week's night team's */
			g_assert_false(outside(model, 1, week * 7 + 6, 23));
			g_assert_cmpint(outside(model, 2, week * 7 + 6, 23), ==, week % 2 == 1);
			g_assert_true(outside(model, 2, week * 7 + 6, 2));
		}
	}
}

/* the solver sees a hard rotation as a broken hard rule, a soft one as its weight */
static void
test_team_rotation_solver_model(void)
{
	const RosterHotlineRotationMode modes[] = {ROSTER_HOTLINE_ROTATION_HARD,
						   ROSTER_HOTLINE_ROTATION_SOFT};

	for (guint i = 0; i < G_N_ELEMENTS(modes); i++) {
		g_autoptr(RosterHotline) h = rotation_hotline(julian_of(2027, 1, 4), modes[i]);
		g_autoptr(RosterHotlineModel) model = NULL;
		g_autoptr(RosterSolverRoster) roster = NULL;
		g_autoptr(RosterSolverEvaluation) inside = NULL;
		g_autoptr(RosterSolverEvaluation) ev = NULL;
		g_autoptr(GError) error = NULL;
		gint type;

		model = roster_hotline_model_new(h, &error);
		g_assert_no_error(error);
		type = roster_hotline_model_shift_type(
		    model,
		    (guint)roster_hotline_model_find_slot(model, hhmm(23, 0)),
		    0);
		g_assert_cmpint(type, >=, 0);
		roster = roster_solver_roster_new(3, 28);
		/* team 10 on its own Monday night of the cycle's week 1 */
		roster_solver_roster_set(roster,
					 (guint)roster_hotline_model_find_person(model, 1),
					 0,
					 type);
		inside = roster_solver_evaluate(model->solver, roster);
		/* team 20 on team 10's Monday night */
		roster_solver_roster_set(roster,
					 (guint)roster_hotline_model_find_person(model, 2),
					 0,
					 type);
		ev = roster_solver_evaluate(model->solver, roster);
		if (modes[i] == ROSTER_HOTLINE_ROTATION_HARD) {
			g_assert_cmpuint(inside->n_violations, ==, 0);
			g_assert_cmpuint(ev->n_violations, ==, 1);
		} else {
			g_assert_cmpuint(ev->n_violations, ==, 0);
			g_assert_cmpint(ev->request_penalty - inside->request_penalty, ==, 7);
		}
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/hotline/windows/whole-day", test_windows_whole_day);
	g_test_add_func("/hotline/windows/across-day-start", test_windows_across_day_start);
	g_test_add_func("/hotline/windows/weekday-is-the-date", test_windows_weekday_is_the_date);
	g_test_add_func("/hotline/windows/dated-night-before", test_windows_dated_night_before);
	g_test_add_func("/hotline/windows/availability", test_windows_availability);
	g_test_add_func("/hotline/windows/manned", test_windows_manned);
	g_test_add_func("/hotline/windows/override-day-line-24h", test_override_day_line_24h);
	g_test_add_func("/hotline/windows/override-closure", test_override_closure);
	g_test_add_func("/hotline/windows/override-replaces-weekly-night",
			test_override_replaces_weekly_night);
	g_test_add_func("/hotline/windows/dated-rule-outside-manned",
			test_dated_rule_outside_manned);
	g_test_add_func("/hotline/windows/override-cuts-dated-rule", test_override_cuts_dated_rule);
	g_test_add_func("/hotline/windows/nights-half-inside", test_nights_half_inside);
	g_test_add_func("/hotline/windows/covers-slot", test_windows_covers_slot);
	g_test_add_func("/hotline/windows/random", test_windows_random);
	g_test_add_func("/hotline/windows/team-rotation-cells", test_team_rotation_cells);
	g_test_add_func("/hotline/windows/team-rotation-solver-model",
			test_team_rotation_solver_model);
	return g_test_run();
}
