/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* a proven lower bound on the objective of every roster that keeps the hard rules */

#include "roster-solver-model.h"

G_BEGIN_DECLS

/**
 * RosterSolverBoundParams:
 * @deadline: when to stop (monotonic time, µs), 0 for none
 * @max_iterations: the most rounds of pricing, 0 for as many as improve the bound
 * @upper: the objective of a roster known to keep every hard rule, or %G_MAXDOUBLE;
 *   it sizes the steps and ends the rounds once the bound reaches it
 * @incumbent: (nullable): n_people * n_days cells of a good roster: where the square
 *   and the shortfall of the hotline's fairness and commitments are bounded by lines
 * @best: (nullable): the objective of the best roster known now that keeps every hard
 *   rule, %G_MAXDOUBLE for none: a lower one than @upper replaces it
 * @stop: (nullable): called before each line; %TRUE stops at once
 * @user_data: for @best and @stop
 * @plain_steps: steps along the subgradient alone, without the deflection by the last
 *   step's direction (slower; for comparison)
 * @rounds_only: the rounds' bound alone, without the bound of the hotline's fairness
 *   and cover from counts (for comparison)
 *
 * How long and from where a bound is computed.
 */
typedef struct {
	gint64 deadline;
	guint max_iterations;
	gdouble upper;
	const gint16 *incumbent;
	gdouble (*best)(gpointer user_data);
	gboolean (*stop)(gpointer user_data);
	gpointer user_data;
	gboolean plain_steps;
	gboolean rounds_only;
} RosterSolverBoundParams;

/**
 * RosterSolverBoundStats:
 * @bound: the best bound of all rounds: no roster that keeps every hard rule costs
 *   less
 * @iterations: rounds of pricing completed
 * @relaxed: lines whose DP dropped a label, priced again without the per-type maxima
 *   that the minutes do not imply
 * @inexact: lines the DP found none for, bounded day by day instead
 * @labels: DP labels placed, all rounds
 * @ms_per_round: the time of one round of pricing, milliseconds
 * @abandoned: the first round was stopped early: too slow for a few rounds to fit
 *   before @params' deadline
 *
 * What a bound computation did.
 */
typedef struct {
	gdouble bound;
	guint iterations;
	guint relaxed;
	guint inexact;
	guint64 labels;
	gdouble ms_per_round;
	gboolean abandoned;
} RosterSolverBoundStats;

gboolean
roster_solver_bound(const RosterSolverModel *model,
		    const RosterSolverBoundParams *params,
		    RosterSolverBoundStats *stats);

gdouble
roster_solver_bound_capacity(const RosterSolverModel *model, gint64 deadline);
gdouble
roster_solver_minutes_ratio(const RosterSolverModel *model);

G_END_DECLS
