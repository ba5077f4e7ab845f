/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-model-private.h"

/* the hotline extras of the model: cells, weeks, pairing, fairness and commitments */

static RosterSolverHotline *
ensure_hotline(RosterSolverModel *m)
{
	RosterSolverHotline *h;
	gsize pd = (gsize)m->n_people * m->n_days;

	if (m->hotline != NULL)
		return m->hotline;
	roster_solver_model_seal(m);
	h = g_new0(RosterSolverHotline, 1);
	h->forbid_cell = g_new0(guint8, pd * m->n_types + 1);
	h->fixed = g_new(gint16, pd + 1);
	for (gsize i = 0; i < pd; i++)
		h->fixed[i] = ROSTER_SOLVER_FIXED_NONE;
	h->day_week = g_new0(guint, m->n_days + 1);
	for (guint d = 0; d < m->n_days; d++)
		h->day_week[d] = d / 7;
	h->n_weeks = (m->n_days + 6) / 7;
	h->week_max_minutes = g_new(guint, m->n_people + 1);
	for (guint p = 0; p < m->n_people; p++)
		h->week_max_minutes[p] = ROSTER_SOLVER_UNLIMITED;
	h->type_pair_group = g_new(gint, m->n_types + 1);
	for (guint s = 0; s < m->n_types; s++)
		h->type_pair_group[s] = -1;
	h->pair_role = g_new0(guint8, m->n_people + 1);
	h->type_night = g_new0(guint8, m->n_types + 1);
	h->day_weekend = g_new0(guint8, m->n_days + 1);
	h->min_shifts = g_new0(guint, m->n_people + 1);
	h->max_nights = g_new(guint, m->n_people + 1);
	for (guint p = 0; p < m->n_people; p++)
		h->max_nights[p] = ROSTER_SOLVER_UNLIMITED;
	m->hotline = h;
	return h;
}

/**
 * roster_solver_model_forbid_cell:
 * @self: a model
 * @person: a person index
 * @day: a day index
 * @shift_type: a shift type index
 *
 * Forbids one shift type on one day for one person, a hard rule (an unavailable slot).
 */
void
roster_solver_model_forbid_cell(RosterSolverModel *self, guint person, guint day, guint shift_type)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && person < self->n_people && day < self->n_days);
	g_return_if_fail(shift_type < self->n_types);
	h = ensure_hotline(self);
	h->forbid_cell[((gsize)person * self->n_days + day) * self->n_types + shift_type] = 1;
}

/**
 * roster_solver_model_fix_cell:
 * @self: a model
 * @person: a person index
 * @day: a day index
 * @shift_type: a shift type index
 *
 * Keeps one shift, a hard rule (a pinned assignment).
 */
void
roster_solver_model_fix_cell(RosterSolverModel *self, guint person, guint day, guint shift_type)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && person < self->n_people && day < self->n_days);
	g_return_if_fail(shift_type < self->n_types);
	h = ensure_hotline(self);
	h->fixed[(gsize)person * self->n_days + day] = (gint16)shift_type;
}

/**
 * roster_solver_model_set_day_week:
 * @self: a model
 * @day: a day index
 * @week: the index of its week; days of one week are consecutive
 *
 * Places a day in a week for the weekly limits (by default day / 7).
 */
void
roster_solver_model_set_day_week(RosterSolverModel *self, guint day, guint week)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && day < self->n_days && week < self->n_days);
	h = ensure_hotline(self);
	h->day_week[day] = week;
	h->n_weeks = MAX(h->n_weeks, week + 1);
}

/**
 * roster_solver_model_set_week_max_minutes:
 * @self: a model
 * @person: a person index
 * @max_minutes: the hard limit of minutes in any one week
 *
 * Limits a person's work per week.
 */
void
roster_solver_model_set_week_max_minutes(RosterSolverModel *self, guint person, guint max_minutes)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && person < self->n_people);
	h = ensure_hotline(self);
	h->week_max_minutes[person] = max_minutes;
}

/**
 * roster_solver_model_set_pair_group:
 * @self: a model
 * @shift_type: a shift type index
 * @group: the group (e.g. one slot and one seat mode), or -1
 *
 * A trainee working a shift type of a group needs a mentor working in the same group
 * on the same day, a hard rule.
 */
void
roster_solver_model_set_pair_group(RosterSolverModel *self, guint shift_type, gint group)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && shift_type < self->n_types);
	/* the search keeps a count per day and group */
	g_return_if_fail(group >= -1 && group < G_MAXUINT16);
	h = ensure_hotline(self);
	h->type_pair_group[shift_type] = group;
	if (group >= 0)
		h->n_pair_groups = MAX(h->n_pair_groups, (guint)group + 1);
}

/**
 * roster_solver_model_set_pair_role:
 * @self: a model
 * @person: a person index
 * @role: %ROSTER_SOLVER_PAIR_NONE, %ROSTER_SOLVER_PAIR_TRAINEE or
 *   %ROSTER_SOLVER_PAIR_MENTOR
 *
 * Sets a person's part in the pairing rule.
 */
void
roster_solver_model_set_pair_role(RosterSolverModel *self, guint person, guint role)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && person < self->n_people && role <= 2);
	h = ensure_hotline(self);
	h->pair_role[person] = (guint8)role;
}

/**
 * roster_solver_model_set_night:
 * @self: a model
 * @shift_type: a shift type index
 * @night: whether it counts as a night
 *
 * Marks a night shift type for the fairness of nights.
 */
void
roster_solver_model_set_night(RosterSolverModel *self, guint shift_type, gboolean night)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && shift_type < self->n_types);
	h = ensure_hotline(self);
	h->type_night[shift_type] = night ? 1 : 0;
}

/**
 * roster_solver_model_set_weekend:
 * @self: a model
 * @day: a day index
 * @weekend: whether it counts as a weekend day
 *
 * Marks a weekend day for the fairness of weekends.
 */
void
roster_solver_model_set_weekend(RosterSolverModel *self, guint day, gboolean weekend)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && day < self->n_days);
	h = ensure_hotline(self);
	h->day_weekend[day] = weekend ? 1 : 0;
}

/**
 * roster_solver_model_set_fairness:
 * @self: a model
 * @night_weight: the weight of the square of each person's nights
 * @weekend_weight: the weight of the square of each person's weekend shifts
 *
 * Sets the soft fairness weights: squares spread the load across people.
 */
void
roster_solver_model_set_fairness(RosterSolverModel *self, guint night_weight, guint weekend_weight)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL);
	h = ensure_hotline(self);
	h->night_weight = night_weight;
	h->weekend_weight = weekend_weight;
}

/**
 * roster_solver_model_set_min_shifts:
 * @self: a model
 * @person: a person index
 * @min_shifts: the soft minimum number of shifts
 *
 * Sets a person's commitment.
 */
void
roster_solver_model_set_min_shifts(RosterSolverModel *self, guint person, guint min_shifts)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && person < self->n_people);
	h = ensure_hotline(self);
	h->min_shifts[person] = min_shifts;
}

/**
 * roster_solver_model_set_min_shifts_weight:
 * @self: a model
 * @weight: the penalty per shift missing from a commitment
 *
 * Sets the weight of the commitments.
 */
void
roster_solver_model_set_min_shifts_weight(RosterSolverModel *self, guint weight)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL);
	h = ensure_hotline(self);
	h->min_shifts_weight = weight;
}

/**
 * roster_solver_model_set_max_nights:
 * @self: a model
 * @person: a person index
 * @max_nights: the hard maximum of shifts of night types
 *
 * Limits a person's nights (see roster_solver_model_set_night()).
 */
void
roster_solver_model_set_max_nights(RosterSolverModel *self, guint person, guint max_nights)
{
	RosterSolverHotline *h;
	g_return_if_fail(self != NULL && person < self->n_people);
	h = ensure_hotline(self);
	h->max_nights[person] = max_nights;
}
