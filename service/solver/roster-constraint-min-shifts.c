/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* soft: each person's commitment of a minimum number of shifts */

/* counts[0]: each person's shifts */
static gpointer
min_shifts_state_new(const RosterSolverModel *m)
{
	return roster_person_counts_new(m, 1);
}

static inline gint64
shortfall(const RosterSolverModel *m, guint p, gint64 shifts)
{
	gint64 min = m->hotline->min_shifts[p];
	return shifts < min ? (min - shifts) * m->hotline->min_shifts_weight : 0;
}

static void
min_shifts_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	RosterPersonCounts *st = state;
	cost->hard = 0;
	cost->soft = 0;
	if (st == NULL)
		return;
	for (guint p = 0; p < m->n_people; p++) {
		st->counts[0][p] = 0;
		for (guint d = 0; d < m->n_days; d++)
			st->counts[0][p] += cells[(gsize)p * m->n_days + d] >= 0;
		cost->soft += shortfall(m, p, st->counts[0][p]);
	}
}

static gint64
line_diff(const RosterSolverModel *m, const gint16 *cells, const RosterMove *move, guint i)
{
	gint64 diff = 0;
	for (guint d = move->lo; d <= move->hi; d++) {
		gint o = cells[(gsize)move->person[i] * m->n_days + d];
		gint v = move->vals[i][d - move->lo];
		diff += (v >= 0) - (o >= 0);
	}
	return diff;
}

static void
min_shifts_delta(gpointer state,
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
		gint64 diff = line_diff(m, cells, move, i);
		if (diff != 0)
			delta->soft += shortfall(m, p, st->counts[0][p] + diff) -
				       shortfall(m, p, st->counts[0][p]);
	}
}

static void
min_shifts_apply(gpointer state,
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

const RosterConstraintClass roster_constraint_min_shifts = {
    .name = "min-shifts",
    .state_new = min_shifts_state_new,
    .state_free = roster_person_counts_free,
    .reset = min_shifts_reset,
    .delta = min_shifts_delta,
    .apply = min_shifts_apply,
};
