/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

/* the kinds that may break a hard rule first, the soft ones after them:
 * roster_search_state_delta_unless_hard() stops at the first kind a move would break,
 * before the soft kinds' work. The quick checks that turn down most moves lead: on the
 * tight half-year of 150 people, a shift type's maximum turned down half of the small
 * moves, successions a fifth, minutes an eighth, the runs (the dearest to score) 5 %
 * (README "Session 28") */
static const RosterConstraintClass *const all_classes[] = {
    &roster_constraint_shift_limits,
    &roster_constraint_successions,
    &roster_constraint_minutes,
    &roster_constraint_consecutive,
    &roster_constraint_weekends,
    &roster_constraint_days_off,
    &roster_constraint_forbidden,
    &roster_constraint_weekly,
    &roster_constraint_pairing,
    &roster_constraint_nights,
    &roster_constraint_cover,
    &roster_constraint_requests,
    &roster_constraint_fairness,
    &roster_constraint_min_shifts,
    NULL,
};

/**
 * roster_constraint_get_all:
 *
 * Returns: (transfer none): the constraint kinds, NULL-terminated
 */
const RosterConstraintClass *const *
roster_constraint_get_all(void)
{
	return all_classes;
}

/**
 * roster_person_counts_new:
 * @m: a model
 * @n_counts: how many counters each person has, 1 or 2
 *
 * Returns: (nullable): zeroed counters, or %NULL when @m has no hotline extras
 */
gpointer
roster_person_counts_new(const RosterSolverModel *m, guint n_counts)
{
	RosterPersonCounts *st;

	g_return_val_if_fail(n_counts >= 1 && n_counts <= G_N_ELEMENTS(st->counts), NULL);
	if (m->hotline == NULL)
		return NULL;
	st = g_new0(RosterPersonCounts, 1);
	for (guint i = 0; i < n_counts; i++)
		st->counts[i] = g_new0(gint64, m->n_people + 1);
	return st;
}

/**
 * roster_person_counts_free:
 * @state: (nullable): counters from roster_person_counts_new()
 */
void
roster_person_counts_free(gpointer state)
{
	RosterPersonCounts *st = state;

	if (st == NULL)
		return;
	for (guint i = 0; i < G_N_ELEMENTS(st->counts); i++)
		g_free(st->counts[i]);
	g_free(st);
}
