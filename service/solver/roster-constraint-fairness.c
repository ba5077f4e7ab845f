/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* soft: nights and weekend shifts spread across people; the square of each person's
 * count makes two people with one night each cheaper than one person with two */

/* counts[0]: each person's nights, counts[1]: their weekend shifts */
static gpointer
fairness_state_new(const RosterSolverModel *m)
{
	return roster_person_counts_new(m, 2);
}

static inline gint
is_weekend(const RosterSolverModel *m, guint d, gint s)
{
	return s >= 0 && m->hotline->day_weekend[d] ? 1 : 0;
}

static void
fairness_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	RosterPersonCounts *st = state;
	cost->hard = 0;
	cost->soft = 0;
	if (st == NULL)
		return;
	for (guint p = 0; p < m->n_people; p++) {
		st->counts[0][p] = 0;
		st->counts[1][p] = 0;
		for (guint d = 0; d < m->n_days; d++) {
			gint s = cells[(gsize)p * m->n_days + d];
			st->counts[0][p] += roster_type_is_night(m, s);
			st->counts[1][p] += is_weekend(m, d, s);
		}
		cost->soft +=
		    (gint64)m->hotline->night_weight * st->counts[0][p] * st->counts[0][p] +
		    (gint64)m->hotline->weekend_weight * st->counts[1][p] * st->counts[1][p];
	}
}

static void
line_diff(const RosterSolverModel *m,
	  const gint16 *cells,
	  const RosterMove *move,
	  guint i,
	  gint64 *dn,
	  gint64 *dw)
{
	guint p = move->person[i];
	*dn = 0;
	*dw = 0;
	for (guint d = move->lo; d <= move->hi; d++) {
		gint o = cells[(gsize)p * m->n_days + d];
		gint v = move->vals[i][d - move->lo];
		*dn += roster_type_is_night(m, v) - roster_type_is_night(m, o);
		*dw += is_weekend(m, d, v) - is_weekend(m, d, o);
	}
}

static void
fairness_delta(gpointer state,
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
		gint64 dn;
		gint64 dw;
		gint64 n = st->counts[0][p];
		gint64 w = st->counts[1][p];
		line_diff(m, cells, move, i, &dn, &dw);
		delta->soft += (gint64)m->hotline->night_weight * ((n + dn) * (n + dn) - n * n) +
			       (gint64)m->hotline->weekend_weight * ((w + dw) * (w + dw) - w * w);
	}
}

static void
fairness_apply(gpointer state,
	       const RosterSolverModel *m,
	       const gint16 *cells,
	       const RosterMove *move)
{
	RosterPersonCounts *st = state;
	if (st == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++) {
		gint64 dn;
		gint64 dw;
		line_diff(m, cells, move, i, &dn, &dw);
		st->counts[0][move->person[i]] += dn;
		st->counts[1][move->person[i]] += dw;
	}
}

const RosterConstraintClass roster_constraint_fairness = {
    .name = "fairness",
    .state_new = fairness_state_new,
    .state_free = roster_person_counts_free,
    .reset = fairness_reset,
    .delta = fairness_delta,
    .apply = fairness_apply,
};
