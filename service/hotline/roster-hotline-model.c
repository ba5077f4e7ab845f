/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-error.h"
#include "roster-hotline-model-private.h"

/* the mapping of a hotline to the solver model: people, shift types, cover, limits,
 * availability, team rotation and stability (the lookups between their indices are in
 * roster-hotline-model-lookup.c) */

static void
add_availability(RosterHotlineModel *self, guint p, const RosterHotlineAvailability *a)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	guint64 all = self->n_slots >= 64 ? G_MAXUINT64
					  : (G_GUINT64_CONSTANT(1) << self->n_slots) - 1;

	for (guint d = 0; d < h->n_days; d++) {
		guint64 mask = roster_hotline_model_availability_slots(self, a, d);
		if (mask == 0)
			continue;
		mask &= all;
		if (a->kind == ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE && mask == all) {
			roster_solver_model_add_day_off(m, p, d);
			continue;
		}
		for (guint k = 0; k < self->n_slots; k++) {
			gboolean in = (mask & (G_GUINT64_CONSTANT(1) << k)) != 0;
			/* the seats of each class, then its trainee places */
			for (guint i = 0; i < 2 * self->n_classes; i++) {
				guint c = i % self->n_classes;
				gint s = i < self->n_classes
					     ? roster_hotline_model_shift_type(self, k, c)
					     : roster_hotline_model_trainee_type(self, k, c);
				if (s < 0)
					continue;
				if (a->kind == ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE && in)
					roster_solver_model_forbid_cell(m, p, d, (guint)s);
				else if (a->kind == ROSTER_HOTLINE_AVAILABILITY_AVOID && in &&
					 h->settings.w_avoid > 0)
					roster_solver_model_add_request(m,
									p,
									d,
									(guint)s,
									FALSE,
									h->settings.w_avoid);
				else if (a->kind == ROSTER_HOTLINE_AVAILABILITY_PREFERRED && !in &&
					 h->settings.w_preferred > 0)
					/* preferred hours: other hours of that day cost a little */
					roster_solver_model_add_request(m,
									p,
									d,
									(guint)s,
									FALSE,
									h->settings.w_preferred);
			}
		}
	}
}

static void
set_person_limits(RosterHotlineModel *self, guint p)
{
	const RosterHotline *h = self->hotline;
	const RosterHotlineVolunteer *v =
	    g_ptr_array_index(h->volunteers, self->person_volunteer[p]);
	RosterSolverModel *m = self->solver;
	guint max_minutes = ROSTER_SOLVER_UNLIMITED;
	guint max_shifts = h->n_days;

	if (v->max_hours_month >= 0)
		max_minutes = (guint)v->max_hours_month * 60;
	if (v->max_shifts_month >= 0) {
		max_shifts = MIN(max_shifts, (guint)v->max_shifts_month);
		max_minutes = MIN(max_minutes, (guint)v->max_shifts_month * h->slot_minutes);
	}
	for (guint s = 0; s < self->n_types; s++)
		roster_solver_model_set_max_shifts(
		    m,
		    p,
		    s,
		    roster_hotline_model_may_take(self, p, (gint)s) ? max_shifts : 0);
	roster_solver_model_set_minutes(m, p, 0, max_minutes);
	roster_solver_model_set_consecutive(
	    m,
	    p,
	    1,
	    v->max_consecutive_days >= 0 ? (guint)v->max_consecutive_days : h->n_days,
	    1);
	roster_solver_model_set_max_weekends(m, p, ROSTER_SOLVER_UNLIMITED);
}

/* the team rotation: a hard one takes the cells bound to other teams away from the
 * volunteer, as an unavailability does; a soft one makes each of them cost its weight */
static void
add_team_rotation(RosterHotlineModel *self, guint p)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	gboolean hard = h->rotation.mode == ROSTER_HOTLINE_ROTATION_HARD;

	if (h->rotation.rules->len == 0 || (!hard && h->rotation.weight == 0))
		return;
	for (guint d = 0; d < h->n_days; d++) {
		for (guint s = 0; s < self->n_types; s++) {
			guint slot = roster_hotline_model_type_slot(self, (gint)s);
			if (!roster_hotline_model_is_outside_team_rotation(self, p, d, slot))
				continue;
			if (hard)
				roster_solver_model_forbid_cell(m, p, d, s);
			else
				roster_solver_model_add_request(m,
								p,
								d,
								s,
								FALSE,
								h->rotation.weight);
		}
	}
}

static void
set_person_extras(RosterHotlineModel *self, guint p)
{
	const RosterHotline *h = self->hotline;
	const RosterHotlineVolunteer *v =
	    g_ptr_array_index(h->volunteers, self->person_volunteer[p]);
	RosterSolverModel *m = self->solver;

	if (v->max_hours_week >= 0)
		roster_solver_model_set_week_max_minutes(m, p, (guint)v->max_hours_week * 60);
	if (v->max_nights_month >= 0)
		roster_solver_model_set_max_nights(m, p, (guint)v->max_nights_month);
	if (v->min_shifts_month > 0 && v->active)
		roster_solver_model_set_min_shifts(m, p, (guint)v->min_shifts_month);
	if (h->settings.w_team > 0 && h->team_slots->len > 0) {
		for (guint s = 0; s < self->n_types; s++) {
			guint slot = roster_hotline_model_type_slot(self, (gint)s);
			if (!roster_hotline_model_is_outside_team_slots(self, p, slot))
				continue;
			for (guint d = 0; d < h->n_days; d++)
				roster_solver_model_add_request(m,
								p,
								d,
								s,
								FALSE,
								h->settings.w_team);
		}
	}
	add_team_rotation(self, p);
	if (v->tier == ROSTER_HOTLINE_TIER_TRAINEE)
		roster_solver_model_set_pair_role(m, p, ROSTER_SOLVER_PAIR_TRAINEE);
	else if (v->tier >= ROSTER_HOTLINE_TIER_SENIOR)
		roster_solver_model_set_pair_role(m, p, ROSTER_SOLVER_PAIR_MENTOR);
	for (guint i = 0; i < h->availability->len; i++) {
		const RosterHotlineAvailability *a = g_ptr_array_index(h->availability, i);
		if (a->volunteer_id == v->id)
			add_availability(self, p, a);
	}
}

static void
add_people(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;

	self->person_volunteer = g_new0(gint, h->volunteers->len + 1);
	self->volunteer_person = g_new0(gint, h->volunteers->len + 1);
	for (guint i = 0; i < h->volunteers->len; i++) {
		const RosterHotlineVolunteer *v = g_ptr_array_index(h->volunteers, i);
		g_autofree gchar *id = g_strdup_printf("%s (%" G_GINT64_FORMAT ")", v->name, v->id);
		guint p = roster_solver_model_add_person(m, id);
		self->person_volunteer[p] = (gint)i;
		self->volunteer_person[i] = (gint)p;
	}
}

static void
add_shift_types(RosterHotlineModel *self, const gboolean *needed)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;

	for (guint kind = 0; kind < self->n_slots * self->n_classes; kind++) {
		guint k = kind / self->n_classes;
		gint start = roster_hotline_model_slot_start(self, k);
		const RosterHotlineSeatClass *sc =
		    g_ptr_array_index(h->seat_classes, kind % self->n_classes);
		g_autofree gchar *id = NULL;
		if (needed != NULL && !needed[kind]) {
			self->kind_type[kind] = -1;
			continue;
		}
		id = g_strdup_printf("%02d:%02d %s", start / 60, start % 60, sc->code);
		self->kind_type[kind] =
		    (gint)roster_solver_model_add_shift_type(m, id, (guint)start, h->slot_minutes);
		self->type_kind[self->n_types++] = kind;
	}
	/* the trainee places of each (slot, seat class) that offers them, after the seats:
	 * a shift type of its own, so that only trainees take it and its cover is apart */
	for (guint kind = 0; kind < self->n_slots * self->n_classes; kind++) {
		gint start = roster_hotline_model_slot_start(self, kind / self->n_classes);
		const RosterHotlineSeatClass *sc =
		    g_ptr_array_index(h->seat_classes, kind % self->n_classes);
		g_autofree gchar *id = NULL;
		self->kind_trainee_type[kind] = -1;
		if (self->kind_type[kind] < 0 ||
		    !roster_hotline_seat_class_offers_trainee_places(sc))
			continue;
		id = g_strdup_printf("%02d:%02d %s trainee", start / 60, start % 60, sc->code);
		self->kind_trainee_type[kind] =
		    (gint)roster_solver_model_add_shift_type(m, id, (guint)start, h->slot_minutes);
		self->type_trainee[self->n_types] = 1;
		self->type_kind[self->n_types++] = kind;
	}
	/* rest: a shift may not follow one of the day before when the gap is too short */
	for (guint s = 0; s < self->n_types; s++) {
		for (guint t = 0; t < self->n_types; t++) {
			guint k = roster_hotline_model_type_slot(self, (gint)s);
			guint j = roster_hotline_model_type_slot(self, (gint)t);
			if (roster_hotline_model_rest_too_short(self, k, j))
				roster_solver_model_forbid_succession(m, s, t);
		}
	}
}

/*
 * under shortage: the seats of a slot up to its seat class's minimum cost this many
 * times the under-cover weight (at most ROSTER_HOTLINE_MIN_SEAT_WEIGHT_MAX), and each
 * further missing seat of the same slot costs one under-cover weight more than the
 * one before, so that the gap spreads over the slots instead of piling up where the
 * other soft rules (night fairness) make seats dearest
 */
#define ROSTER_HOTLINE_MIN_SEAT_FACTOR	   10
#define ROSTER_HOTLINE_MIN_SEAT_WEIGHT_MAX 50000

static void
add_cover_and_days(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	guint wd0 = roster_hotline_weekday_of(h->first_day);

	for (guint d = 0; d < h->n_days; d++) {
		roster_solver_model_set_day_week(m, d, (d + wd0 - 1) / 7);
		/* holidays count for the weekend fairness, make-up working days do not */
		roster_solver_model_set_weekend(m,
						d,
						roster_hotline_is_weekend(h, h->first_day + d));
		for (guint s = 0; s < self->n_types; s++) {
			guint k = roster_hotline_model_type_slot(self, (gint)s);
			guint c = roster_hotline_model_type_class(self, (gint)s);
			const RosterHotlineSeatClass *sc = g_ptr_array_index(h->seat_classes, c);
			guint req = roster_hotline_model_get_requirement(self, d, k, c);
			guint under = sc->crisis ? h->settings.w_uncovered_crisis
						 : h->settings.w_uncovered;
			guint64 min_weight = (guint64)under * ROSTER_HOTLINE_MIN_SEAT_FACTOR;
			if (roster_hotline_model_type_is_trainee(self, (gint)s)) {
				/* an empty trainee place is no gap: linear and cheap */
				roster_solver_model_set_cover(
				    m,
				    d,
				    s,
				    roster_hotline_model_get_trainee_places(self, d, k, c),
				    h->settings.w_trainee_place,
				    h->settings.w_over);
				continue;
			}
			roster_solver_model_set_cover(m, d, s, req, under, h->settings.w_over);
			roster_solver_model_set_cover_shortage(
			    m,
			    d,
			    s,
			    MIN(req, sc->min_seats),
			    (guint)MAX(MIN(min_weight, ROSTER_HOTLINE_MIN_SEAT_WEIGHT_MAX), under),
			    TRUE);
		}
	}
	for (guint s = 0; s < self->n_types; s++) {
		guint k = roster_hotline_model_type_slot(self, (gint)s);
		const RosterHotlineSeatClass *sc =
		    g_ptr_array_index(h->seat_classes,
				      roster_hotline_model_type_class(self, (gint)s));
		roster_solver_model_set_night(m, s, roster_hotline_model_is_night(self, k));
		/* a trainee needs a senior or expert in the same slot and seat mode */
		roster_solver_model_set_pair_group(m, s, (gint)(k * 2 + (sc->cloud ? 1 : 0)));
	}
	roster_solver_model_set_fairness(m, h->settings.w_night, h->settings.w_weekend);
	roster_solver_model_set_min_shifts_weight(m, h->settings.w_commitment);
}

/*
 * stability: every shift that differs from the last published version, or from the
 * roster the solve starts from when nothing is published yet, costs w_stability: a
 * shift dropped or moved, and a shift on a day the volunteer was off
 */
static void
add_stability(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	GPtrArray *reference = h->previous->len > 0 ? h->previous : h->current;
	guint n_people = roster_solver_model_get_n_people(m);
	g_autofree guint8 *working = NULL;

	if (h->settings.w_stability == 0 || reference->len == 0)
		return;
	working = g_new0(guint8, (gsize)n_people * h->n_days + 1);
	for (guint i = 0; i < reference->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(reference, i);
		guint p;
		guint d;
		guint s;
		if (!roster_hotline_model_locate(self, a, &p, &d, &s))
			continue;
		working[(gsize)p * h->n_days + d] = 1;
		roster_solver_model_add_request(m, p, d, s, TRUE, h->settings.w_stability);
	}
	for (guint p = 0; p < n_people; p++) {
		for (guint d = 0; d < h->n_days; d++) {
			if (working[(gsize)p * h->n_days + d])
				continue;
			for (guint s = 0; s < self->n_types; s++)
				roster_solver_model_add_request(m,
								p,
								d,
								s,
								FALSE,
								h->settings.w_stability);
		}
	}
}

/**
 * roster_hotline_model_new:
 * @hotline: the hotline data; must outlive the model
 * @error: (nullable): return location for a #GError
 *
 * Builds the solver model of @hotline.
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
RosterHotlineModel *
roster_hotline_model_new(const RosterHotline *hotline, GError **error)
{
	g_autoptr(RosterHotlineModel) self = g_new0(RosterHotlineModel, 1);
	g_autofree gboolean *needed = NULL;
	RosterSolverModel *m;

	if (hotline->n_days == 0 || hotline->slot_minutes == 0 ||
	    1440 % hotline->slot_minutes != 0 || hotline->seat_classes->len == 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "a roster needs days, a slot length that divides a day and "
				    "seat classes");
		return NULL;
	}
	self->hotline = hotline;
	self->n_slots = 1440 / hotline->slot_minutes;
	self->n_classes = hotline->seat_classes->len;
	/* a shift type per (slot, seat class), and one more for its trainee places */
	if (2 * self->n_slots * self->n_classes > G_MAXINT16) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "too many slots and seat classes");
		return NULL;
	}
	self->solver = roster_solver_model_new(hotline->n_days);
	m = self->solver;
	self->kind_type = g_new0(gint, self->n_slots * self->n_classes + 1);
	self->type_kind = g_new0(guint, 2 * self->n_slots * self->n_classes + 1);
	self->kind_trainee_type = g_new0(gint, self->n_slots * self->n_classes + 1);
	self->type_trainee = g_new0(guint8, 2 * self->n_slots * self->n_classes + 1);
	roster_hotline_model_resolve_demand(self);
	if (hotline->only_needed) {
		needed = g_new0(gboolean, self->n_slots * self->n_classes + 1);
		for (gsize i = 0; i < (gsize)hotline->n_days * self->n_slots * self->n_classes;
		     i++) {
			if (self->requirement[i] > 0)
				needed[i % (self->n_slots * self->n_classes)] = TRUE;
		}
		roster_hotline_model_mark_needed(self, hotline->pinned, needed);
		roster_hotline_model_mark_needed(self, hotline->current, needed);
		roster_hotline_model_mark_needed(self, hotline->previous, needed);
	}
	add_shift_types(self, needed);
	add_people(self);
	add_cover_and_days(self);
	for (guint p = 0; p < hotline->volunteers->len; p++) {
		set_person_limits(self, p);
		set_person_extras(self, p);
	}
	add_stability(self);
	for (guint i = 0; i < hotline->pinned->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(hotline->pinned, i);
		guint p;
		guint d;
		guint s;
		if (roster_hotline_model_locate(self, a, &p, &d, &s))
			roster_solver_model_fix_cell(m, p, d, s);
	}
	if (hotline->current->len > 0)
		self->initial = roster_hotline_model_place(self, hotline->current, FALSE, NULL);
	return g_steal_pointer(&self);
}

/**
 * roster_hotline_model_free:
 * @self: (nullable): a model
 *
 * Frees the model.
 */
void
roster_hotline_model_free(RosterHotlineModel *self)
{
	if (self == NULL)
		return;
	roster_solver_model_free(self->solver);
	roster_solver_roster_free(self->initial);
	g_free(self->person_volunteer);
	g_free(self->volunteer_person);
	g_free(self->requirement);
	g_free(self->kind_type);
	g_free(self->type_kind);
	g_free(self->kind_trainee_type);
	g_free(self->type_trainee);
	g_free(self);
}
