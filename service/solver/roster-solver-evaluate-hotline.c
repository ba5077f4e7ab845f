/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-evaluate-private.h"

/*
 * the hotline extras scored from scratch, rule by rule; like roster-solver-evaluate.c
 * this shares no code with the incremental constraints so that each checks the other
 */

static void
add_violation(RosterSolverEvaluation *self, gint64 amount, gchar *text)
{
	self->n_violations++;
	self->hard_penalty += amount;
	g_ptr_array_add(self->violations, text);
}

static void
evaluate_cells(RosterSolverEvaluation *self,
	       const RosterSolverModel *m,
	       const RosterSolverRoster *roster,
	       guint p)
{
	const RosterSolverHotline *h = m->hotline;
	const gchar *pid = roster_solver_model_get_person_id(m, p);

	for (guint d = 0; d < m->n_days; d++) {
		gsize pd = (gsize)p * m->n_days + d;
		gint s = roster->cells[pd];
		if (s >= 0 && h->forbid_cell[pd * m->n_types + s]) {
			add_violation(self,
				      1,
				      g_strdup_printf("%s, day %u: works %s, which is forbidden",
						      pid,
						      d,
						      roster_solver_model_get_shift_type_id(m, s)));
		}
		if (h->fixed[pd] != ROSTER_SOLVER_FIXED_NONE && h->fixed[pd] != s) {
			add_violation(self,
				      1,
				      g_strdup_printf(
					  "%s, day %u: the pinned %s is not kept",
					  pid,
					  d,
					  roster_solver_model_get_shift_type_id(m, h->fixed[pd])));
		}
	}
}

static void
evaluate_weeks(RosterSolverEvaluation *self,
	       const RosterSolverModel *m,
	       const RosterSolverRoster *roster,
	       guint p)
{
	const RosterSolverHotline *h = m->hotline;
	guint max = h->week_max_minutes[p];

	if (max == ROSTER_SOLVER_UNLIMITED)
		return;
	for (guint w = 0; w < h->n_weeks; w++) {
		guint64 minutes = 0;
		for (guint d = 0; d < m->n_days; d++) {
			gint s = roster->cells[(gsize)p * m->n_days + d];
			if (h->day_week[d] == w && s >= 0)
				minutes += roster_solver_model_type_length(m, s);
		}
		if (minutes > max) {
			add_violation(
			    self,
			    (gint64)(minutes - max + 59) / 60,
			    g_strdup_printf("%s, week %u: %" G_GUINT64_FORMAT
					    " minutes, more than the weekly maximum of %u",
					    roster_solver_model_get_person_id(m, p),
					    w,
					    minutes,
					    max));
		}
	}
}

static void
evaluate_pairing(RosterSolverEvaluation *self,
		 const RosterSolverModel *m,
		 const RosterSolverRoster *roster)
{
	const RosterSolverHotline *h = m->hotline;

	for (guint p = 0; p < m->n_people; p++) {
		if (h->pair_role[p] != ROSTER_SOLVER_PAIR_TRAINEE)
			continue;
		for (guint d = 0; d < m->n_days; d++) {
			gint s = roster->cells[(gsize)p * m->n_days + d];
			gboolean paired = FALSE;
			if (s < 0 || h->type_pair_group[s] < 0)
				continue;
			for (guint q = 0; q < m->n_people && !paired; q++) {
				gint t = roster->cells[(gsize)q * m->n_days + d];
				paired = h->pair_role[q] == ROSTER_SOLVER_PAIR_MENTOR && t >= 0 &&
					 h->type_pair_group[t] == h->type_pair_group[s];
			}
			if (!paired) {
				add_violation(
				    self,
				    1,
				    g_strdup_printf("%s, day %u: a trainee on %s with no mentor",
						    roster_solver_model_get_person_id(m, p),
						    d,
						    roster_solver_model_get_shift_type_id(m, s)));
			}
		}
	}
}

static gint64
evaluate_soft(RosterSolverEvaluation *self,
	      const RosterSolverModel *m,
	      const RosterSolverRoster *roster,
	      guint p)
{
	const RosterSolverHotline *h = m->hotline;
	const gchar *pid = roster_solver_model_get_person_id(m, p);
	gint64 nights = 0;
	gint64 weekends = 0;
	gint64 shifts = 0;
	gint64 cost = 0;

	for (guint d = 0; d < m->n_days; d++) {
		gint s = roster->cells[(gsize)p * m->n_days + d];
		if (s < 0)
			continue;
		shifts++;
		if (h->type_night[s])
			nights++;
		if (h->day_weekend[d])
			weekends++;
	}
	if (nights > (gint64)h->max_nights[p]) {
		self->n_violations++;
		self->hard_penalty += nights - h->max_nights[p];
		g_ptr_array_add(self->violations,
				g_strdup_printf("%s: %" G_GINT64_FORMAT
						" night shifts, more than the maximum of %u",
						pid,
						nights,
						h->max_nights[p]));
	}
	cost += (gint64)h->night_weight * nights * nights;
	cost += (gint64)h->weekend_weight * weekends * weekends;
	if (shifts < (gint64)h->min_shifts[p] && h->min_shifts_weight > 0) {
		cost += (h->min_shifts[p] - shifts) * h->min_shifts_weight;
		g_ptr_array_add(self->penalties,
				g_strdup_printf("%s: %" G_GINT64_FORMAT
						" shifts, fewer than the commitment of %u",
						pid,
						shifts,
						h->min_shifts[p]));
	}
	return cost;
}

/**
 * roster_solver_evaluate_hotline:
 * @self: the evaluation being filled
 * @m: a sealed model
 * @roster: the roster
 *
 * Adds the hotline extras: forbidden and pinned cells, weekly limits and the pairing
 * of trainees as hard rules; fairness and commitments into @self's hotline penalty.
 */
void
roster_solver_evaluate_hotline(RosterSolverEvaluation *self,
			       const RosterSolverModel *m,
			       const RosterSolverRoster *roster)
{
	if (m->hotline == NULL)
		return;
	for (guint p = 0; p < m->n_people; p++) {
		evaluate_cells(self, m, roster, p);
		evaluate_weeks(self, m, roster, p);
		self->hotline_penalty += evaluate_soft(self, m, roster, p);
	}
	if (m->hotline->n_pair_groups > 0)
		evaluate_pairing(self, m, roster);
}
