/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: no work on a forbidden (person, day, shift type), and pinned shifts are kept */

static inline gint64
cell_cost(const RosterSolverModel *m, gsize pd, gint v)
{
	const RosterSolverHotline *h = m->hotline;
	gint64 cost = 0;
	if (v >= 0 && h->forbid_cell[pd * m->n_types + (guint)v])
		cost++;
	if (h->fixed[pd] != ROSTER_SOLVER_FIXED_NONE && h->fixed[pd] != v)
		cost++;
	return cost;
}

static void
forbidden_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	gsize n = (gsize)m->n_people * m->n_days;
	cost->hard = 0;
	cost->soft = 0;
	if (m->hotline == NULL)
		return;
	for (gsize i = 0; i < n; i++)
		cost->hard += cell_cost(m, i, cells[i]);
}

static void
forbidden_delta(gpointer state,
		const RosterSolverModel *m,
		const gint16 *cells,
		const RosterMove *move,
		RosterCost *delta)
{
	if (m->hotline == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++) {
		gsize base = (gsize)move->person[i] * m->n_days;
		for (guint d = move->lo; d <= move->hi; d++) {
			gint o = cells[base + d];
			gint v = move->vals[i][d - move->lo];
			if (o != v)
				delta->hard +=
				    cell_cost(m, base + d, v) - cell_cost(m, base + d, o);
		}
	}
}

const RosterConstraintClass roster_constraint_forbidden = {
    .name = "forbidden",
    .reset = forbidden_reset,
    .delta = forbidden_delta,
};
