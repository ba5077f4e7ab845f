/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* soft: requests to work or not to work a shift, folded into a per-cell price */

static inline gint
unary(const RosterSolverModel *m, guint p, guint d, gint v)
{
	return m->unary[((gsize)p * m->n_days + d) * (m->n_types + 1) + (guint)(v + 1)];
}

static void
requests_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	cost->hard = 0;
	cost->soft = 0;
	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < m->n_days; d++)
			cost->soft += unary(m, p, d, cells[(gsize)p * m->n_days + d]);
	}
}

static void
requests_delta(gpointer state,
	       const RosterSolverModel *m,
	       const gint16 *cells,
	       const RosterMove *move,
	       RosterCost *delta)
{
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		for (guint d = move->lo; d <= move->hi; d++) {
			gint o = cells[(gsize)p * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			if (o != v)
				delta->soft += unary(m, p, d, v) - unary(m, p, d, o);
		}
	}
}

const RosterConstraintClass roster_constraint_requests = {
    .name = "requests",
    .reset = requests_reset,
    .delta = requests_delta,
};
