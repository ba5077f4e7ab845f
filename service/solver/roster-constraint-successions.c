/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: forbidden successions from one day to the next; outside the horizon is off */

static void
successions_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	cost->hard = 0;
	cost->soft = 0;
	for (guint p = 0; p < m->n_people; p++) {
		const gint16 *line = cells + (gsize)p * m->n_days;
		for (guint d = 0; d + 1 < m->n_days; d++)
			cost->hard += roster_solver_model_forbidden(m, line[d], line[d + 1]);
	}
}

static void
successions_delta(gpointer state,
		  const RosterSolverModel *m,
		  const gint16 *cells,
		  const RosterMove *move,
		  RosterCost *delta)
{
	guint first = move->lo > 0 ? move->lo - 1 : 0;
	guint last = MIN(move->hi, m->n_days - 1);
	for (guint i = 0; i < move->n_lines; i++) {
		const gint16 *line = cells + (gsize)move->person[i] * m->n_days;
		for (guint d = first; d < last + 1 && d + 1 < m->n_days; d++) {
			gint a = roster_move_value(move, cells, m->n_days, i, d);
			gint b = roster_move_value(move, cells, m->n_days, i, d + 1);
			delta->hard += roster_solver_model_forbidden(m, a, b) -
				       roster_solver_model_forbidden(m, line[d], line[d + 1]);
		}
	}
}

const RosterConstraintClass roster_constraint_successions = {
    .name = "successions",
    .reset = successions_reset,
    .delta = successions_delta,
};
