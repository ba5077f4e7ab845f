/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-evaluate.h"
#include "roster-solver-model.h"

G_BEGIN_DECLS

/**
 * RosterSolverProgress:
 * @elapsed: seconds since the solve started
 * @objective: the soft objective of the best roster so far
 * @n_violations: the hard rules the best roster so far breaks
 * @iterations: moves tried so far, all threads
 * @roster: the best roster so far, valid only during the callback
 * @has_bound: whether @bound holds
 * @bound: no roster that keeps every hard rule has a lower objective
 *
 * A snapshot passed to the progress callback whenever the best roster improves.
 */
typedef struct {
	gdouble elapsed;
	gint64 objective;
	guint n_violations;
	guint64 iterations;
	const RosterSolverRoster *roster;
	gboolean has_bound;
	gdouble bound;
} RosterSolverProgress;

/* called in the thread that called roster_solver_solve() */
typedef void (*RosterSolverProgressFunc)(const RosterSolverProgress *progress, gpointer user_data);

/**
 * RosterSolverOptions:
 * @time_limit: seconds; 0 or less means no limit
 * @max_iterations: moves per thread; 0 means no limit
 * @seed: the seed of the first thread; thread i uses @seed + i
 * @n_threads: independent searches that share their best roster
 * @has_target: stop as soon as a feasible roster reaches @target
 * @target: the objective to reach
 * @cancel: (nullable): set to non-zero from any thread with g_atomic_int_set() to stop
 * @progress: (nullable): called on every new best roster
 * @progress_data: user data for @progress
 * @initial: (nullable): a roster to start from, e.g. the previous one
 * @verify_every: compare the incremental score with the evaluator after this many
 *   applied moves; 0 never (debug builds default to 1000)
 * @thread_setup: (nullable): called first in each search thread, e.g. by a server to
 *   lower the thread's priority below its request handling
 * @thread_setup_data: user data for @thread_setup
 *
 * How to run a solve; fill with roster_solver_options_init() first.
 */
typedef struct {
	gdouble time_limit;
	guint64 max_iterations;
	guint32 seed;
	guint n_threads;
	gboolean has_target;
	gint64 target;
	gint *cancel;
	RosterSolverProgressFunc progress;
	gpointer progress_data;
	const RosterSolverRoster *initial;
	guint verify_every;
	void (*thread_setup)(gpointer user_data);
	gpointer thread_setup_data;
} RosterSolverOptions;

/**
 * RosterSolverResult:
 * @roster: the best roster found
 * @feasible: %TRUE when @roster keeps every hard rule
 * @objective: its soft objective
 * @n_violations: the hard rules it breaks
 * @violations: (element-type utf8): each broken hard rule in words
 * @seconds: the length of the solve
 * @seconds_to_best: when @roster was found
 * @iterations: moves tried, all threads
 * @cancelled: %TRUE when the solve was stopped by @cancel
 * @optimal: %TRUE when no roster is better: the relaxation over whole lines, priced
 *   exactly, costs as much (rounded up); the solve then ends before its time limit
 * @has_bound: whether @bound holds
 * @bound: a proven lower bound on the objective of every roster that keeps the hard
 *   rules: from the whole horizon's relaxation, or for a hotline from
 *   roster_solver_bound()
 *
 * The outcome of a solve; the best roster is always returned.
 */
typedef struct {
	RosterSolverRoster *roster;
	gboolean feasible;
	gint64 objective;
	guint n_violations;
	GPtrArray *violations;
	gdouble seconds;
	gdouble seconds_to_best;
	guint64 iterations;
	gboolean cancelled;
	gboolean optimal;
	gboolean has_bound;
	gdouble bound;
} RosterSolverResult;

void
roster_solver_options_init(RosterSolverOptions *options);
RosterSolverResult *
roster_solver_solve(const RosterSolverModel *model,
		    const RosterSolverOptions *options,
		    GError **error);
void
roster_solver_result_free(RosterSolverResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterSolverResult, roster_solver_result_free)

G_END_DECLS
