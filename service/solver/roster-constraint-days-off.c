/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: no work on a fixed day off */

static void
days_off_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	gsize n = (gsize)m->n_people * m->n_days;
	cost->hard = 0;
	cost->soft = 0;
	for (gsize i = 0; i < n; i++) {
		if (m->day_off[i] && cells[i] >= 0)
			cost->hard++;
	}
}

static void
days_off_delta(gpointer state,
	       const RosterSolverModel *m,
	       const gint16 *cells,
	       const RosterMove *move,
	       RosterCost *delta)
{
	for (guint i = 0; i < move->n_lines; i++) {
		gsize base = (gsize)move->person[i] * m->n_days;
		for (guint d = move->lo; d <= move->hi; d++) {
			if (!m->day_off[base + d])
				continue;
			delta->hard += (move->vals[i][d - move->lo] >= 0) - (cells[base + d] >= 0);
		}
	}
}

const RosterConstraintClass roster_constraint_days_off = {
    .name = "days-off",
    .reset = days_off_reset,
    .delta = days_off_delta,
};
