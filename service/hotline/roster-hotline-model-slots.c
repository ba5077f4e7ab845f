/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-model-private.h"

/* the slots of the mapped hotline: manned windows, dated overrides, the demand each
 * slot resolves to, rest between slots and nights */

/* the start of slot k of operational day d, in minutes after midnight of the period's
 * first day */
gint64
roster_hotline_model_slot_at(const RosterHotlineModel *self, gint d, guint k)
{
	const RosterHotline *h = self->hotline;
	return (gint64)d * 1440 + h->first_slot_start + (gint64)k * h->slot_minutes;
}

static gboolean
demand_has_dates(const RosterHotlineDemand *r)
{
	return r->date_from != 0 || r->date_to != 0;
}

static gboolean
demand_in_dates(const RosterHotlineDemand *r, gint64 julian)
{
	return (r->date_from == 0 || julian >= r->date_from) &&
	       (r->date_to == 0 || julian <= r->date_to);
}

/* whether a rule with dates of the seat class covers the calendar date: then that
 * date's clock hours follow the class's dated rules only */
static gboolean
is_dated(const RosterHotline *h, gint64 seat_class_id, gint64 julian)
{
	for (guint i = 0; i < h->demands->len; i++) {
		const RosterHotlineDemand *r = g_ptr_array_index(h->demands, i);
		if (r->seat_class_id == seat_class_id && demand_has_dates(r) &&
		    demand_in_dates(r, julian))
			return TRUE;
	}
	return FALSE;
}

/* a demand rule applied on one calendar date: the minutes it holds and its seats; a
 * dated rule's minutes up to @free_to count whether or not the line is manned then */
typedef struct {
	gint64 from;
	gint64 to;
	gint64 free_to;
	guint seats;
} DemandSpan;

/* the override of a calendar date, or NULL when its weekly manned windows hold */
static const RosterHotlineOverride *
override_of(const RosterHotline *h, gint64 julian)
{
	for (guint i = 0; i < h->overrides->len; i++) {
		const RosterHotlineOverride *o = g_ptr_array_index(h->overrides, i);
		if (julian >= o->date_from && julian <= o->date_to)
			return o;
	}
	return NULL;
}

/* whether a holiday of the imported calendar has hours other than the weekly ones of
 * a weekday: the line's own holiday windows, or none when it closes on holidays */
static gboolean
has_holiday_hours(const RosterHotline *h, gint64 julian)
{
	return h->holiday_hours != ROSTER_HOTLINE_HOLIDAY_AS_SUNDAY &&
	       roster_hotline_rule_weekday_of(h, julian) == ROSTER_HOTLINE_WEEKDAY_HOLIDAY;
}

/* whether a date's hours are the weekly windows of its (rule) weekday, so that they
 * stop at its midnight when the next date's hours are its own */
static gboolean
has_own_hours(const RosterHotline *h, gint64 julian)
{
	return override_of(h, julian) != NULL || has_holiday_hours(h, julian);
}

/* the spans of a seat class's rules on the calendar dates around operational day d
 * (the day before, the day itself and the next: no other date's window reaches its
 * slots); a weekly rule's window stops where a date of dated rules begins; a dated
 * rule is its own manned hours up to a date the calendar overrides (an override is
 * the last word on the hours of its dates) */
static void
collect_demand_spans(const RosterHotlineModel *self, gint d, gint64 seat_class_id, GArray *spans)
{
	const RosterHotline *h = self->hotline;

	g_array_set_size(spans, 0);
	for (gint date = d - 1; date <= d + 1; date++) {
		gint64 julian = (gint64)h->first_day + date;
		gboolean dated = is_dated(h, seat_class_id, julian);
		gboolean next_dated = is_dated(h, seat_class_id, julian + 1);
		gboolean overridden = override_of(h, julian) != NULL;
		gboolean next_overridden = override_of(h, julian + 1) != NULL;
		for (guint i = 0; i < h->demands->len; i++) {
			const RosterHotlineDemand *r = g_ptr_array_index(h->demands, i);
			DemandSpan span = {0};
			if (r->seat_class_id != seat_class_id || r->seats == 0 ||
			    demand_has_dates(r) != dated)
				continue;
			if (dated && !demand_in_dates(r, julian))
				continue;
			if (!roster_hotline_weekdays_match(h, r->weekdays, julian))
				continue;
			roster_hotline_window_on_date(date, r->start, r->end, &span.from, &span.to);
			if (!dated && next_dated)
				span.to = MIN(span.to, (gint64)(date + 1) * 1440);
			span.free_to = span.from;
			if (dated && !overridden)
				span.free_to = next_overridden
						   ? MIN(span.to, (gint64)(date + 1) * 1440)
						   : span.to;
			span.seats = r->seats;
			g_array_append_val(spans, span);
		}
	}
}

/* the seats a slot needs: those of its busiest minute, the sum of the spans that hold
 * that minute (only their free minutes when @free_only: the slot is not manned); the
 * busiest minute of a slot is the start of some span in it (or the slot's start) */
static guint
busiest_minute(GArray *spans, gint64 slot_start, guint slot_minutes, gboolean free_only)
{
	guint best = 0;

	for (guint i = 0; i < spans->len; i++) {
		const DemandSpan *a = &g_array_index(spans, DemandSpan, i);
		gint64 a_to = free_only ? a->free_to : a->to;
		gint64 t = MAX(a->from, slot_start);
		guint seats = 0;
		if (!roster_hotline_window_covers_slot(a->from, a_to, slot_start, slot_minutes))
			continue;
		for (guint j = 0; j < spans->len; j++) {
			const DemandSpan *b = &g_array_index(spans, DemandSpan, j);
			if (b->from <= t && t < (free_only ? b->free_to : b->to))
				seats += b->seats;
		}
		best = MAX(best, seats);
	}
	return best;
}

/* whether a window placed on a date covers the slot starting at @s; @clip is where the
 * window must stop (the midnight of an overridden date), G_MAXINT64 for nowhere */
static gboolean
window_covers(const RosterHotline *h, gint date, gint start, gint end, gint64 clip, gint64 s)
{
	gint64 from;
	gint64 to;

	roster_hotline_window_on_date(date, start, end, &from, &to);
	to = MIN(to, clip);
	return from < to && roster_hotline_window_covers_slot(from, to, s, h->slot_minutes);
}

/* whether the line is manned in any minute of slot k of operational day d: on a date
 * the calendar overrides, in the override's windows only (they keep a night past its
 * last midnight, as a dated demand rule does); on a holiday the line does not take as
 * a Sunday, in its holiday windows (none when it closes); on other dates, in the
 * weekly windows of its weekday as roster_hotline_rule_weekday_of() gives it (the
 * whole date when the calendar has none), up to the midnight of a date with hours of
 * its own */
static gboolean
is_manned(const RosterHotlineModel *self, gint d, guint k)
{
	const RosterHotline *h = self->hotline;
	gint64 s = roster_hotline_model_slot_at(self, d, k);

	for (gint date = d - 1; date <= d + 1; date++) {
		gint64 julian = (gint64)h->first_day + date;
		const RosterHotlineOverride *o = override_of(h, julian);
		gint64 clip = has_own_hours(h, julian + 1) ? (gint64)(date + 1) * 1440 : G_MAXINT64;
		guint wd = roster_hotline_rule_weekday_of(h, julian);
		/* a dated override is the last word, then a holiday's own hours */
		GArray *own = o != NULL
				  ? o->windows
				  : (has_holiday_hours(h, julian) ? h->holiday_windows : NULL);
		if (own != NULL) {
			for (guint i = 0; i < own->len; i++) {
				const RosterHotlineWindow *w =
				    &g_array_index(own, RosterHotlineWindow, i);
				if (window_covers(h, date, w->start, w->end, G_MAXINT64, s))
					return TRUE;
			}
			continue;
		}
		if (h->windows->len == 0 && window_covers(h, date, 0, 1440, G_MAXINT64, s))
			return TRUE;
		for (guint i = 0; i < h->windows->len; i++) {
			const RosterHotlineWindow *w =
			    &g_array_index(h->windows, RosterHotlineWindow, i);
			if (w->weekday == wd && window_covers(h, date, w->start, w->end, clip, s))
				return TRUE;
		}
	}
	return FALSE;
}

/* seats per (operational day, slot, seat class): every window is clock time on the
 * calendar date it is applied to, and a slot takes the seats of its busiest minute
 * among the windows that cover it; a slot outside the manned hours needs only the
 * seats of dated rules on dates the calendar does not override */
void
roster_hotline_model_resolve_demand(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	g_autoptr(GArray) spans = g_array_new(FALSE, TRUE, sizeof(DemandSpan));
	g_autofree gboolean *manned = g_new0(gboolean, self->n_slots + 1);

	self->requirement = g_new0(guint, (gsize)h->n_days * self->n_slots * self->n_classes + 1);
	for (guint d = 0; d < h->n_days; d++) {
		for (guint k = 0; k < self->n_slots; k++)
			manned[k] = is_manned(self, (gint)d, k);
		for (guint c = 0; c < self->n_classes; c++) {
			const RosterHotlineSeatClass *sc = g_ptr_array_index(h->seat_classes, c);
			collect_demand_spans(self, (gint)d, sc->id, spans);
			for (guint k = 0; k < self->n_slots; k++) {
				self->requirement[((gsize)d * self->n_slots + k) * self->n_classes +
						  c] =
				    busiest_minute(spans,
						   roster_hotline_model_slot_at(self, (gint)d, k),
						   h->slot_minutes,
						   !manned[k]);
			}
		}
	}
}

/**
 * roster_hotline_model_rest_too_short:
 * @self: a model
 * @slot: the slot of a shift
 * @next: the slot of a shift the next day
 *
 * Returns: whether the rest between them is shorter than the minimum
 */
gboolean
roster_hotline_model_rest_too_short(const RosterHotlineModel *self, guint slot, guint next)
{
	const RosterHotline *h = self->hotline;
	gint gap = 1440 + (gint)(next * h->slot_minutes) - (gint)((slot + 1) * h->slot_minutes);
	return gap < (gint)h->settings.min_rest_minutes;
}

/**
 * roster_hotline_model_is_night:
 * @self: a model
 * @slot: a slot index
 *
 * A shift is a night when at least half of it lies in the calendar's night window
 * (23:00 to 08:00 by default), clock time on every date: with 8-hour slots from 08:00,
 * 00:00-08:00 is a night and 16:00-24:00 is not; with 3-hour slots, 23:00, 02:00 and
 * 05:00 are.
 *
 * Returns: whether the slot counts as a night, for the night fairness and the nights
 *   per month
 */
gboolean
roster_hotline_model_is_night(const RosterHotlineModel *self, guint slot)
{
	const RosterHotline *h = self->hotline;
	gint64 s = h->first_slot_start + (gint64)slot * h->slot_minutes;
	gint64 e = s + h->slot_minutes;
	gint64 inside = 0;

	/* the slot starts on date 0 and ends by date 1; the night of date -1 may reach it */
	for (gint date = -1; date <= 1; date++) {
		gint64 from;
		gint64 to;
		roster_hotline_window_on_date(date, h->night_start, h->night_end, &from, &to);
		inside += MAX(0, MIN(e, to) - MAX(s, from));
	}
	return 2 * inside >= (gint64)h->slot_minutes;
}
