/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* soft: under- and over-cover of each (day, shift type) */

typedef struct {
	guint *counts; /* n_days * n_types */
} CoverState;

static gpointer
cover_state_new(const RosterSolverModel *m)
{
	CoverState *st = g_new0(CoverState, 1);
	st->counts = g_new0(guint, (gsize)m->n_days * m->n_types + 1);
	return st;
}

static void
cover_state_free(gpointer state)
{
	CoverState *st = state;
	g_free(st->counts);
	g_free(st);
}

/**
 * roster_constraint_cover_counts:
 * @state: the cover's state in a search state
 *
 * Returns: (transfer none): how many people hold each (day, type), day-major
 */
const guint *
roster_constraint_cover_counts(gconstpointer state)
{
	const CoverState *st = state;
	return st->counts;
}

static void
cover_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	CoverState *st = state;
	gsize n = (gsize)m->n_days * m->n_types;
	for (gsize i = 0; i < n; i++)
		st->counts[i] = 0;
	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < m->n_days; d++) {
			gint s = cells[(gsize)p * m->n_days + d];
			if (s >= 0)
				st->counts[d * m->n_types + s]++;
		}
	}
	cost->hard = 0;
	cost->soft = 0;
	for (gsize i = 0; i < n; i++)
		cost->soft += roster_solver_model_cover_cost(m, i, st->counts[i]);
}

static void
cover_delta(gpointer state,
	    const RosterSolverModel *m,
	    const gint16 *cells,
	    const RosterMove *move,
	    RosterCost *delta)
{
	CoverState *st = state;
	for (guint d = move->lo; d <= move->hi; d++) {
		gint types[4];
		gint diffs[4];
		guint n = 0;
		for (guint i = 0; i < move->n_lines; i++) {
			gint o = cells[(gsize)move->person[i] * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			if (o == v)
				continue;
			for (guint k = 0; k < 2; k++) {
				gint s = k == 0 ? o : v;
				gint add = k == 0 ? -1 : 1;
				guint j;
				if (s < 0)
					continue;
				for (j = 0; j < n; j++) {
					if (types[j] == s)
						break;
				}
				if (j == n) {
					types[n] = s;
					diffs[n++] = 0;
				}
				diffs[j] += add;
			}
		}
		for (guint j = 0; j < n; j++) {
			guint idx = d * m->n_types + (guint)types[j];
			guint c = st->counts[idx];
			if (diffs[j] == 0)
				continue;
			delta->soft +=
			    roster_solver_model_cover_cost(m, idx, (guint)((gint)c + diffs[j])) -
			    roster_solver_model_cover_cost(m, idx, c);
		}
	}
}

static void
cover_apply(gpointer state, const RosterSolverModel *m, const gint16 *cells, const RosterMove *move)
{
	CoverState *st = state;
	for (guint i = 0; i < move->n_lines; i++) {
		for (guint d = move->lo; d <= move->hi; d++) {
			gint o = cells[(gsize)move->person[i] * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			if (o >= 0)
				st->counts[d * m->n_types + o]--;
			if (v >= 0)
				st->counts[d * m->n_types + v]++;
		}
	}
}

const RosterConstraintClass roster_constraint_cover = {
    .name = "cover",
    .state_new = cover_state_new,
    .state_free = cover_state_free,
    .reset = cover_reset,
    .delta = cover_delta,
    .apply = cover_apply,
};
