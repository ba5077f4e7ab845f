/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/*
 * hard: maximum and minimum runs of working days and minimum runs of days off; runs
 * touching day 0 or the last day are exempt from the minimums, never from the maximum
 */

typedef struct {
	gint16 *buf; /* n_days: the changed line */
} ConsecutiveState;

static gpointer
consecutive_state_new(const RosterSolverModel *m)
{
	ConsecutiveState *st = g_new0(ConsecutiveState, 1);
	st->buf = g_new0(gint16, m->n_days + 1);
	return st;
}

static void
consecutive_state_free(gpointer state)
{
	ConsecutiveState *st = state;
	g_free(st->buf);
	g_free(st);
}

/* the cost of the runs of line[first..last], which starts and ends on run borders */
static gint64
runs_cost(const RosterSolverPerson *person, const gint16 *line, guint first, guint last, guint H)
{
	gint64 cost = 0;
	guint d = first;
	while (d <= last) {
		gboolean work = line[d] >= 0;
		guint start = d;
		guint len;
		gboolean interior;
		while (d <= last && (line[d] >= 0) == work)
			d++;
		len = d - start;
		interior = start > 0 && d < H;
		if (work) {
			if (len > person->max_work)
				cost += len - person->max_work;
			if (interior && len < person->min_work)
				cost += person->min_work - len;
		} else if (interior && len < person->min_off) {
			cost += person->min_off - len;
		}
	}
	return cost;
}

static void
consecutive_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	cost->hard = 0;
	cost->soft = 0;
	for (guint p = 0; p < m->n_people; p++) {
		cost->hard += runs_cost(roster_solver_model_person(m, p),
					cells + (gsize)p * m->n_days,
					0,
					m->n_days - 1,
					m->n_days);
	}
}

static void
consecutive_delta(gpointer state,
		  const RosterSolverModel *m,
		  const gint16 *cells,
		  const RosterMove *move,
		  RosterCost *delta)
{
	ConsecutiveState *st = state;
	guint H = m->n_days;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		const gint16 *line = cells + (gsize)p * H;
		const RosterSolverPerson *person = roster_solver_model_person(m, p);
		guint first = move->lo;
		guint last = move->hi;
		gboolean changed = FALSE;

		/* the days outside lo..hi are unchanged, so the runs through lo-1 and hi+1
		 * start and end at the same days before and after the move */
		if (first > 0) {
			gboolean work = line[first - 1] >= 0;
			first--;
			while (first > 0 && (line[first - 1] >= 0) == work)
				first--;
		}
		if (last + 1 < H) {
			gboolean work = line[last + 1] >= 0;
			last++;
			while (last + 1 < H && (line[last + 1] >= 0) == work)
				last++;
		}
		for (guint d = first; d <= last; d++) {
			st->buf[d] = (gint16)roster_move_value(move, cells, H, i, d);
			if ((st->buf[d] >= 0) != (line[d] >= 0))
				changed = TRUE;
		}
		if (!changed)
			continue;
		delta->hard += runs_cost(person, st->buf, first, last, H) -
			       runs_cost(person, line, first, last, H);
	}
}

const RosterConstraintClass roster_constraint_consecutive = {
    .name = "consecutive",
    .state_new = consecutive_state_new,
    .state_free = consecutive_state_free,
    .reset = consecutive_reset,
    .delta = consecutive_delta,
};
