/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-model.h"
#include "roster-hotline-test-common.h"

/*
 * How time windows resolve to (operational day, slot): demand rules, manned windows and
 * availability ranges are clock time on the calendar dates they name, whatever the
 * operational day's start, and a window covers every slot it shares a minute with.
 */

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
	return g_test_run();
}
