/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: the most shifts of each type per person; a maximum of 0 forbids the type */

typedef struct {
	guint *counts; /* n_people * n_types */
	gint *diff;    /* n_types, zero between calls */
	guint *touched;
} LimitsState;

static gpointer
limits_state_new(const RosterSolverModel *m)
{
	LimitsState *st = g_new0(LimitsState, 1);
	st->counts = g_new0(guint, (gsize)m->n_people * m->n_types + 1);
	st->diff = g_new0(gint, m->n_types + 1);
	st->touched = g_new0(guint, 2 * (gsize)m->n_days + 2);
	return st;
}

static void
limits_state_free(gpointer state)
{
	LimitsState *st = state;
	g_free(st->counts);
	g_free(st->diff);
	g_free(st->touched);
	g_free(st);
}

static inline gint64
excess(const RosterSolverModel *m, guint p, guint s, guint count)
{
	guint max = roster_solver_model_max_shifts(m, p, s);
	return count > max ? count - max : 0;
}

static void
limits_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	LimitsState *st = state;
	cost->hard = 0;
	cost->soft = 0;
	for (gsize i = 0; i < (gsize)m->n_people * m->n_types; i++)
		st->counts[i] = 0;
	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < m->n_days; d++) {
			gint s = cells[(gsize)p * m->n_days + d];
			if (s >= 0)
				st->counts[p * m->n_types + s]++;
		}
		for (guint s = 0; s < m->n_types; s++)
			cost->hard += excess(m, p, s, st->counts[p * m->n_types + s]);
	}
}

static void
limits_delta(gpointer state,
	     const RosterSolverModel *m,
	     const gint16 *cells,
	     const RosterMove *move,
	     RosterCost *delta)
{
	LimitsState *st = state;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		guint n_touched = 0;
		for (guint d = move->lo; d <= move->hi; d++) {
			gint o = cells[(gsize)p * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			if (o == v)
				continue;
			if (o >= 0) {
				if (st->diff[o] == 0)
					st->touched[n_touched++] = (guint)o;
				st->diff[o]--;
			}
			if (v >= 0) {
				if (st->diff[v] == 0)
					st->touched[n_touched++] = (guint)v;
				st->diff[v]++;
			}
		}
		/* a type may be touched twice when its diff went back through zero */
		for (guint k = 0; k < n_touched; k++) {
			guint s = st->touched[k];
			guint c = st->counts[p * m->n_types + s];
			if (st->diff[s] == 0)
				continue;
			delta->hard +=
			    excess(m, p, s, (guint)((gint)c + st->diff[s])) - excess(m, p, s, c);
			st->diff[s] = 0;
		}
	}
}

static void
limits_apply(gpointer state,
	     const RosterSolverModel *m,
	     const gint16 *cells,
	     const RosterMove *move)
{
	LimitsState *st = state;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		for (guint d = move->lo; d <= move->hi; d++) {
			gint o = cells[(gsize)p * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			if (o >= 0)
				st->counts[p * m->n_types + o]--;
			if (v >= 0)
				st->counts[p * m->n_types + v]++;
		}
	}
}

const RosterConstraintClass roster_constraint_shift_limits = {
    .name = "shift-limits",
    .state_new = limits_state_new,
    .state_free = limits_state_free,
    .reset = limits_reset,
    .delta = limits_delta,
    .apply = limits_apply,
};
