/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* hard: a trainee works only where a mentor works in the same group on the same day;
 * each trainee without one counts once */

typedef struct {
	guint *trainees; /* n_days * n_groups */
	guint *mentors;	 /* n_days * n_groups */
	guint n_groups;
} PairingState;

static gpointer
pairing_state_new(const RosterSolverModel *m)
{
	PairingState *st;
	if (m->hotline == NULL || m->hotline->n_pair_groups == 0)
		return NULL;
	st = g_new0(PairingState, 1);
	st->n_groups = m->hotline->n_pair_groups;
	st->trainees = g_new0(guint, (gsize)m->n_days * st->n_groups);
	st->mentors = g_new0(guint, (gsize)m->n_days * st->n_groups);
	return st;
}

static void
pairing_state_free(gpointer state)
{
	PairingState *st = state;
	if (st == NULL)
		return;
	g_free(st->trainees);
	g_free(st->mentors);
	g_free(st);
}

static inline gint64
group_cost(guint trainees, guint mentors)
{
	return mentors == 0 ? trainees : 0;
}

static void
pairing_reset(gpointer state, const RosterSolverModel *m, const gint16 *cells, RosterCost *cost)
{
	PairingState *st = state;
	gsize n;
	cost->hard = 0;
	cost->soft = 0;
	if (st == NULL)
		return;
	n = (gsize)m->n_days * st->n_groups;
	for (gsize i = 0; i < n; i++) {
		st->trainees[i] = 0;
		st->mentors[i] = 0;
	}
	for (guint p = 0; p < m->n_people; p++) {
		guint role = m->hotline->pair_role[p];
		if (role == ROSTER_SOLVER_PAIR_NONE)
			continue;
		for (guint d = 0; d < m->n_days; d++) {
			gint s = cells[(gsize)p * m->n_days + d];
			gint g = s >= 0 ? m->hotline->type_pair_group[s] : -1;
			if (g < 0)
				continue;
			if (role == ROSTER_SOLVER_PAIR_TRAINEE)
				st->trainees[(gsize)d * st->n_groups + g]++;
			else
				st->mentors[(gsize)d * st->n_groups + g]++;
		}
	}
	for (gsize i = 0; i < n; i++)
		cost->hard += group_cost(st->trainees[i], st->mentors[i]);
}

static void
pairing_delta(gpointer state,
	      const RosterSolverModel *m,
	      const gint16 *cells,
	      const RosterMove *move,
	      RosterCost *delta)
{
	PairingState *st = state;
	if (st == NULL)
		return;
	for (guint d = move->lo; d <= move->hi; d++) {
		gint groups[4];
		gint dt[4];
		gint dm[4];
		guint n = 0;
		for (guint i = 0; i < move->n_lines; i++) {
			guint p = move->person[i];
			guint role = m->hotline->pair_role[p];
			gint o = cells[(gsize)p * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			if (o == v || role == ROSTER_SOLVER_PAIR_NONE)
				continue;
			for (guint k = 0; k < 2; k++) {
				gint s = k == 0 ? o : v;
				gint add = k == 0 ? -1 : 1;
				gint g = s >= 0 ? m->hotline->type_pair_group[s] : -1;
				guint j;
				if (g < 0)
					continue;
				for (j = 0; j < n; j++) {
					if (groups[j] == g)
						break;
				}
				if (j == n) {
					groups[n] = g;
					dt[n] = 0;
					dm[n++] = 0;
				}
				if (role == ROSTER_SOLVER_PAIR_TRAINEE)
					dt[j] += add;
				else
					dm[j] += add;
			}
		}
		for (guint j = 0; j < n; j++) {
			gsize idx = (gsize)d * st->n_groups + (guint)groups[j];
			guint t = st->trainees[idx];
			guint mt = st->mentors[idx];
			delta->hard +=
			    group_cost((guint)((gint)t + dt[j]), (guint)((gint)mt + dm[j])) -
			    group_cost(t, mt);
		}
	}
}

static void
pairing_apply(gpointer state,
	      const RosterSolverModel *m,
	      const gint16 *cells,
	      const RosterMove *move)
{
	PairingState *st = state;
	if (st == NULL)
		return;
	for (guint i = 0; i < move->n_lines; i++) {
		guint p = move->person[i];
		guint role = m->hotline->pair_role[p];
		guint *counts = role == ROSTER_SOLVER_PAIR_TRAINEE ? st->trainees : st->mentors;
		if (role == ROSTER_SOLVER_PAIR_NONE)
			continue;
		for (guint d = move->lo; d <= move->hi; d++) {
			gint o = cells[(gsize)p * m->n_days + d];
			gint v = move->vals[i][d - move->lo];
			if (o >= 0 && m->hotline->type_pair_group[o] >= 0)
				counts[(gsize)d * st->n_groups + m->hotline->type_pair_group[o]]--;
			if (v >= 0 && m->hotline->type_pair_group[v] >= 0)
				counts[(gsize)d * st->n_groups + m->hotline->type_pair_group[v]]++;
		}
	}
}

const RosterConstraintClass roster_constraint_pairing = {
    .name = "pairing",
    .state_new = pairing_state_new,
    .state_free = pairing_state_free,
    .reset = pairing_reset,
    .delta = pairing_delta,
    .apply = pairing_apply,
};
