/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: the most weekends worked; day 0 is a Monday, so weekend k is days 7k+5 and 7k+6 */

typedef struct {
	guint *weekends; /* n_people */
} WeekendsState;

static gpointer
weekends_state_new(const RosterSolverModel *m)
{
	WeekendsState *st = g_new0(WeekendsState, 1);
	st->weekends = g_new0(guint, m->n_people + 1);
	return st;
}

static void
weekends_state_free(gpointer state)
{
	WeekendsState *st = state;
	g_free(st->weekends);
	g_free(st);
}

static inline gint64
amount(const RosterSolverModel *m, guint p, guint weekends)
{
	guint max = roster_solver_model_person(m, p)->max_weekends;
	return weekends > max ? weekends - max : 0;
}

static void
weekends_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	WeekendsState *st = state;
	cost->hard = 0;
	cost->soft = 0;
	for (guint p = 0; p < m->n_people; p++) {
		const gint16 *line = cells + (gsize)p * m->n_days;
		st->weekends[p] = 0;
		for (guint sat = 5; sat + 1 < m->n_days; sat += 7)
			st->weekends[p] += line[sat] >= 0 || line[sat + 1] >= 0;
		cost->hard += amount(m, p, st->weekends[p]);
	}
}

static gint
line_diff(const RosterSolverModel *m, const gint16 *cells, const RosterMove *move, guint i)
{
	const gint16 *line = cells + (gsize)move->person[i] * m->n_days;
	guint first = move->lo / 7;
	gint diff = 0;
	for (guint sat = 7 * first + 5; sat <= move->hi + 1 && sat + 1 < m->n_days; sat += 7) {
		gboolean was = line[sat] >= 0 || line[sat + 1] >= 0;
		gboolean now = roster_move_value(move, cells, m->n_days, i, sat) >= 0 ||
			       roster_move_value(move, cells, m->n_days, i, sat + 1) >= 0;
		diff += (gint)now - (gint)was;
	}
	return diff;
}

static void
weekends_delta(gpointer state,
	       const RosterSolverModel *m,
	       const gint16 *cells,
	       const RosterMove *move,
	       RosterCost *delta)
{
	WeekendsState *st = state;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		gint diff = line_diff(m, cells, move, i);
		if (diff != 0) {
			delta->hard += amount(m, p, (guint)((gint)st->weekends[p] + diff)) -
				       amount(m, p, st->weekends[p]);
		}
	}
}

static void
weekends_apply(gpointer state,
	       const RosterSolverModel *m,
	       const gint16 *cells,
	       const RosterMove *move)
{
	WeekendsState *st = state;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		st->weekends[p] = (guint)((gint)st->weekends[p] + line_diff(m, cells, move, i));
	}
}

const RosterConstraintClass roster_constraint_weekends = {
    .name = "weekends",
    .state_new = weekends_state_new,
    .state_free = weekends_state_free,
    .reset = weekends_reset,
    .delta = weekends_delta,
    .apply = weekends_apply,
};
