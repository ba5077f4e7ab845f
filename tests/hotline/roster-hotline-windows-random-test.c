/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-model.h"
#include "roster-hotline-test-common.h"

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

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/hotline/windows/random", test_windows_random);
	return g_test_run();
}
