/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: the maximum number of night shifts per person; each night too many counts */

typedef struct {
	gint64 *nights; /* n_people */
} NightsState;

static gpointer
nights_state_new(const RosterSolverModel *m)
{
	NightsState *st;
	if (m->hotline == NULL)
		return NULL;
	st = g_new0(NightsState, 1);
	st->nights = g_new0(gint64, m->n_people + 1);
	return st;
}

static void
nights_state_free(gpointer state)
{
	NightsState *st = state;
	if (st == NULL)
		return;
	g_free(st->nights);
	g_free(st);
}

static inline gint64
excess(const RosterSolverModel *m, guint p, gint64 nights)
{
	guint max = m->hotline->max_nights[p];
	return nights > (gint64)max ? nights - max : 0;
}

static inline gint
is_night(const RosterSolverModel *m, gint s)
{
	return s >= 0 && m->hotline->type_night[s] ? 1 : 0;
}

static void
nights_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	NightsState *st = state;
	cost->hard = 0;
	cost->soft = 0;
	if (st == NULL)
		return;
	for (guint p = 0; p < m->n_people; p++) {
		st->nights[p] = 0;
		for (guint d = 0; d < m->n_days; d++)
			st->nights[p] += is_night(m, cells[(gsize)p * m->n_days + d]);
		cost->hard += excess(m, p, st->nights[p]);
	}
}

static gint64
line_diff(const RosterSolverModel *m, const gint16 *cells, const RosterMove *move, guint i)
{
	gint64 diff = 0;
	for (guint d = move->lo; d <= move->hi; d++) {
		gint o = cells[(gsize)move->person[i] * m->n_days + d];
		gint v = move->vals[i][d - move->lo];
		diff += is_night(m, v) - is_night(m, o);
	}
	return diff;
}

static void
nights_delta(gpointer state,
	     const RosterSolverModel *m,
	     const gint16 *cells,
	     const RosterMove *move,
	     RosterCost *delta)
{
	NightsState *st = state;
	if (st == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		gint64 diff;
		if (m->hotline->max_nights[p] == ROSTER_SOLVER_UNLIMITED)
			continue;
		diff = line_diff(m, cells, move, i);
		if (diff != 0)
			delta->hard +=
			    excess(m, p, st->nights[p] + diff) - excess(m, p, st->nights[p]);
	}
}

static void
nights_apply(gpointer state,
	     const RosterSolverModel *m,
	     const gint16 *cells,
	     const RosterMove *move)
{
	NightsState *st = state;
	if (st == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++)
		st->nights[move->person[i]] += line_diff(m, cells, move, i);
}

const RosterConstraintClass roster_constraint_nights = {
    .name = "nights",
    .state_new = nights_state_new,
    .state_free = nights_state_free,
    .reset = nights_reset,
    .delta = nights_delta,
    .apply = nights_apply,
};
