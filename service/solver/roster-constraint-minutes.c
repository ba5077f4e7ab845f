/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: minimum and maximum total minutes per person, measured in started hours */

typedef struct {
	gint64 *minutes; /* n_people */
} MinutesState;

static gpointer
minutes_state_new(const RosterSolverModel *m)
{
	MinutesState *st = g_new0(MinutesState, 1);
	st->minutes = g_new0(gint64, m->n_people + 1);
	return st;
}

static void
minutes_state_free(gpointer state)
{
	MinutesState *st = state;
	g_free(st->minutes);
	g_free(st);
}

static inline gint64
amount(const RosterSolverModel *m, guint p, gint64 minutes)
{
	const RosterSolverPerson *person = roster_solver_model_person(m, p);
	if (minutes > (gint64)person->max_minutes)
		return (minutes - person->max_minutes + 59) / 60;
	if (minutes < (gint64)person->min_minutes)
		return (person->min_minutes - minutes + 59) / 60;
	return 0;
}

static void
minutes_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	MinutesState *st = state;
	cost->hard = 0;
	cost->soft = 0;
	for (guint p = 0; p < m->n_people; p++) {
		st->minutes[p] = 0;
		for (guint d = 0; d < m->n_days; d++)
			st->minutes[p] +=
			    roster_solver_model_type_length(m, cells[(gsize)p * m->n_days + d]);
		cost->hard += amount(m, p, st->minutes[p]);
	}
}

static gint64
line_diff(const RosterSolverModel *m, const gint16 *cells, const RosterMove *move, guint i)
{
	gint64 diff = 0;
	for (guint d = move->lo; d <= move->hi; d++) {
		gint o = cells[(gsize)move->person[i] * m->n_days + d];
		gint v = move->vals[i][d - move->lo];
		diff += (gint64)roster_solver_model_type_length(m, v) -
			(gint64)roster_solver_model_type_length(m, o);
	}
	return diff;
}

static void
minutes_delta(gpointer state,
	      const RosterSolverModel *m,
	      const gint16 *cells,
	      const RosterMove *move,
	      RosterCost *delta)
{
	MinutesState *st = state;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		gint64 diff = line_diff(m, cells, move, i);
		if (diff != 0)
			delta->hard +=
			    amount(m, p, st->minutes[p] + diff) - amount(m, p, st->minutes[p]);
	}
}

static void
minutes_apply(gpointer state,
	      const RosterSolverModel *m,
	      const gint16 *cells,
	      const RosterMove *move)
{
	MinutesState *st = state;
	for (guint i = 0; i < move->n_lines; i++)
		st->minutes[move->person[i]] += line_diff(m, cells, move, i);
}

const RosterConstraintClass roster_constraint_minutes = {
    .name = "minutes",
    .state_new = minutes_state_new,
    .state_free = minutes_state_free,
    .reset = minutes_reset,
    .delta = minutes_delta,
    .apply = minutes_apply,
};
