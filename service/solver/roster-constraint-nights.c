/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: the maximum number of night shifts per person; each night too many counts */

/* counts[0]: each person's nights */
static gpointer
nights_state_new(const RosterSolverModel *m)
{
	return roster_person_counts_new(m, 1);
}

static inline gint64
excess(const RosterSolverModel *m, guint p, gint64 nights)
{
	guint max = m->hotline->max_nights[p];
	return nights > (gint64)max ? nights - max : 0;
}

static void
nights_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	RosterPersonCounts *st = state;
	cost->hard = 0;
	cost->soft = 0;
	if (st == NULL)
		return;
	for (guint p = 0; p < m->n_people; p++) {
		st->counts[0][p] = 0;
		for (guint d = 0; d < m->n_days; d++)
			st->counts[0][p] +=
			    roster_type_is_night(m, cells[(gsize)p * m->n_days + d]);
		cost->hard += excess(m, p, st->counts[0][p]);
	}
}

static gint64
line_diff(const RosterSolverModel *m, const gint16 *cells, const RosterMove *move, guint i)
{
	gint64 diff = 0;
	for (guint d = move->lo; d <= move->hi; d++) {
		gint o = cells[(gsize)move->person[i] * m->n_days + d];
		gint v = move->vals[i][d - move->lo];
		diff += roster_type_is_night(m, v) - roster_type_is_night(m, o);
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
	RosterPersonCounts *st = state;
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
			    excess(m, p, st->counts[0][p] + diff) - excess(m, p, st->counts[0][p]);
	}
}

static void
nights_apply(gpointer state,
	     const RosterSolverModel *m,
	     const gint16 *cells,
	     const RosterMove *move)
{
	RosterPersonCounts *st = state;
	if (st == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++)
		st->counts[0][move->person[i]] += line_diff(m, cells, move, i);
}

const RosterConstraintClass roster_constraint_nights = {
    .name = "nights",
    .state_new = nights_state_new,
    .state_free = roster_person_counts_free,
    .reset = nights_reset,
    .delta = nights_delta,
    .apply = nights_apply,
};
