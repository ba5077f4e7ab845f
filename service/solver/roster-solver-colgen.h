/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-line.h"

G_BEGIN_DECLS

/* %TRUE when the caller wants the column generation to stop now */
typedef gboolean (*RosterColgenStopFunc)(gpointer user_data);

/* a roster better than any before it in this column generation: n_people * n_days */
typedef void (*RosterColgenFoundFunc)(const gint16 *cells, gpointer user_data);

/* the cost of the best roster the caller knows over the whole horizon (no hard rule
 * broken), G_MAXDOUBLE when it knows none */
typedef gdouble (*RosterColgenBestFunc)(gpointer user_data);

/* a lower bound on every roster over the whole horizon, higher than any before it */
typedef void (*RosterColgenBoundFunc)(gdouble bound, gpointer user_data);

/**
 * RosterColgenParams:
 * @lp_deadline: when to stop pricing the first relaxation (monotonic time, µs)
 * @ip_deadline: when to stop diving and branching
 * @max_dives: the most dives, 0 for as many as fit before @ip_deadline
 * @seed: picks the lines that later dives fix
 * @cover_tree: after the first dives, branch on the cover slacks (see
 *   roster-solver-colgen.c)
 * @stop: called between lines; %TRUE stops at once
 * @found: (nullable): told of each better roster as soon as it is found
 * @best: (nullable): when the window is the whole horizon, a roster to beat from
 *   elsewhere: the dives and the cover tree give up on anything no better
 * @bound: (nullable): when the window is the whole horizon, told of each higher
 *   bound as soon as the root proves it (see @RosterColgenStats.bound)
 * @proven: a lower bound on every roster proven elsewhere (0 for none): the root's
 *   rounds leave out the work of a bound that cannot beat it
 * @user_data: for @stop, @found, @best and @bound
 * @max_lines: while the first relaxation is priced, the master keeps at most this
 *   many line columns (the dearest go), 0 for PURGE_FACTOR a row of the master
 * @fixings: (nullable): n_people × n_days flags, written when the first dive is cut
 *   short by the deadline: 1 for each cell that dive had fixed, 0 for the rest (the
 *   roster returned then has each person's line that the relaxation values most
 *   and that keeps them; see roster_search_hold())
 *
 * How long and how a column generation runs.
 */
typedef struct {
	gint64 lp_deadline;
	gint64 ip_deadline;
	guint max_dives;
	guint64 seed;
	gboolean cover_tree;
	RosterColgenStopFunc stop;
	RosterColgenFoundFunc found;
	RosterColgenBestFunc best;
	RosterColgenBoundFunc bound;
	gdouble proven;
	gpointer user_data;
	guint max_lines;
	guint8 *fixings;
} RosterColgenParams;

/**
 * RosterColgenStats:
 * @rounds: pricing rounds run
 * @columns: lines generated, all people
 * @lp_objective: the value of the last linear relaxation
 * @lp_optimal: %TRUE when no line with a negative reduced cost was left, in a round
 *   whose DPs were exact, so that @lp_objective bounds every roster from below
 * @bound: a lower bound on every roster over the whole horizon: @lp_objective when
 *   @lp_optimal, else the best Lagrangian bound of the root's pricing rounds;
 *   -G_MAXDOUBLE when none was proven (a window, or no round knew every
 *   person's least cost)
 * @integer: %TRUE when a dive fixed a line for everybody, %FALSE when the first was
 *   cut short and the lines of the people left were picked by rounding the relaxation
 * @dives: dives that fixed a line for everybody
 * @proven: %TRUE when the roster's cost reached the relaxation's (rounded up), so that
 *   no better roster exists over these days
 * @exact_dive: %TRUE when the dive priced exactly in the per-type counts
 * @improved: %TRUE when branch and bound over the lines beat the dive's roster
 * @nodes: nodes of the cover tree whose relaxation was solved
 * @labels_per_round: DP labels of one pricing round of the first relaxation, all
 *   people
 * @ms_per_round: and its time, milliseconds
 * @exact_rounds: rounds of the first relaxation priced exactly
 * @purged: line columns the first relaxation dropped, see @max_lines
 * @least_costs: people whose line the root's rounds sought again for a Lagrangian
 *   bound (see @proven)
 * @smoothed_rounds: the root's rounds priced at smoothed multipliers (SMOOTHING)
 *
 * What a column generation did.
 */
typedef struct {
	guint rounds;
	guint columns;
	gdouble lp_objective;
	gboolean lp_optimal;
	gdouble bound;
	gboolean integer;
	guint dives;
	gboolean proven;
	gboolean exact_dive;
	gboolean improved;
	guint nodes;
	gdouble labels_per_round;
	gdouble ms_per_round;
	guint exact_rounds;
	guint purged;
	guint least_costs;
	guint smoothed_rounds;
} RosterColgenStats;

gboolean
roster_colgen_solve(const RosterSolverModel *m,
		    RosterLineDp *dp,
		    const gint16 *seed_cells,
		    guint first,
		    guint last,
		    const RosterColgenParams *params,
		    gint16 *cells,
		    RosterColgenStats *stats);

G_END_DECLS
