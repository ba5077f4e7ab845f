/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: the maximum minutes per person per week, measured in started hours */

typedef struct {
	gint64 *minutes; /* n_people * n_weeks */
	guint n_weeks;
} WeeklyState;

static gpointer
weekly_state_new(const RosterSolverModel *m)
{
	WeeklyState *st;
	if (m->hotline == NULL)
		return NULL;
	st = g_new0(WeeklyState, 1);
	st->n_weeks = m->hotline->n_weeks;
	st->minutes = g_new0(gint64, (gsize)m->n_people * st->n_weeks + 1);
	return st;
}

static void
weekly_state_free(gpointer state)
{
	WeeklyState *st = state;
	if (st == NULL)
		return;
	g_free(st->minutes);
	g_free(st);
}

static inline gint64
amount(const RosterSolverModel *m, guint p, gint64 minutes)
{
	guint max = m->hotline->week_max_minutes[p];
	if (minutes > (gint64)max)
		return (minutes - max + 59) / 60;
	return 0;
}

static void
weekly_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	WeeklyState *st = state;
	cost->hard = 0;
	cost->soft = 0;
	if (st == NULL)
		return;
	for (guint p = 0; p < m->n_people; p++) {
		gint64 *row = st->minutes + (gsize)p * st->n_weeks;
		for (guint w = 0; w < st->n_weeks; w++)
			row[w] = 0;
		for (guint d = 0; d < m->n_days; d++)
			row[m->hotline->day_week[d]] +=
			    roster_solver_model_type_length(m, cells[(gsize)p * m->n_days + d]);
		for (guint w = 0; w < st->n_weeks; w++)
			cost->hard += amount(m, p, row[w]);
	}
}

/* weeks are runs of consecutive days, so the move touches each week once */
static void
weekly_delta(gpointer state,
	     const RosterSolverModel *m,
	     const gint16 *cells,
	     const RosterMove *move,
	     RosterCost *delta)
{
	WeeklyState *st = state;
	if (st == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		guint d = move->lo;
		if (m->hotline->week_max_minutes[p] == ROSTER_SOLVER_UNLIMITED)
			continue;
		while (d <= move->hi) {
			guint w = m->hotline->day_week[d];
			gint64 diff = 0;
			gint64 cur = st->minutes[(gsize)p * st->n_weeks + w];
			for (; d <= move->hi && m->hotline->day_week[d] == w; d++) {
				gint o = cells[(gsize)p * m->n_days + d];
				gint v = move->vals[i][d - move->lo];
				diff += (gint64)roster_solver_model_type_length(m, v) -
					(gint64)roster_solver_model_type_length(m, o);
			}
			if (diff != 0)
				delta->hard += amount(m, p, cur + diff) - amount(m, p, cur);
		}
	}
}

static void
weekly_apply(gpointer state,
	     const RosterSolverModel *m,
	     const gint16 *cells,
	     const RosterMove *move)
{
	WeeklyState *st = state;
	if (st == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		for (guint d = move->lo; d <= move->hi; d++) {
			gint o = cells[(gsize)p * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			st->minutes[(gsize)p * st->n_weeks + m->hotline->day_week[d]] +=
			    (gint64)roster_solver_model_type_length(m, v) -
			    (gint64)roster_solver_model_type_length(m, o);
		}
	}
}

const RosterConstraintClass roster_constraint_weekly = {
    .name = "weekly",
    .state_new = weekly_state_new,
    .state_free = weekly_state_free,
    .reset = weekly_reset,
    .delta = weekly_delta,
    .apply = weekly_apply,
};
