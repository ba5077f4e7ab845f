/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-search-private.h"

/* a search thread's shared steps, which the construction, the moves and the column
 * generation stage all take: apply a move, note and publish a best roster, adopt the
 * shared best, and know when to stop */

gdouble
roster_search_elapsed(SolveShared *shared)
{
	return (gdouble)(g_get_monotonic_time() - shared->start_time) / G_USEC_PER_SEC;
}

static void
verify(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	RosterSolverRoster roster = {m->n_people, m->n_days, w->st->cells};
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, &roster);
	if (ev->hard_penalty != w->st->cost.hard || ev->objective != w->st->cost.soft) {
		g_critical("incremental score %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
			   " differs from the evaluator's %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
			   w->st->cost.hard,
			   w->st->cost.soft,
			   ev->hard_penalty,
			   ev->objective);
	}
}

void
roster_search_apply_move(Worker *w, const RosterMove *move, RosterCost delta)
{
	roster_search_state_apply(w->st, move, delta);
	w->applied++;
	if (w->verify_every > 0 && w->applied % w->verify_every == 0)
		verify(w);
}

/* whether the best roster keeps the hard rules and the staff has no minutes to spare:
 * the seats it cannot cover are most of that roster's cost, or its minutes just
 * suffice for the seats */
gboolean
roster_search_staff_short(SolveShared *shared)
{
	gboolean short_of_staff;

	g_mutex_lock(&shared->lock);
	short_of_staff =
	    shared->has_best && shared->best_cost.hard == 0 &&
	    (shared->minutes_tight ||
	     (shared->capacity > 0 &&
	      shared->capacity >= SPARE_MINUTES_SHARE * (gdouble)shared->best_cost.soft));
	g_mutex_unlock(&shared->lock);
	return short_of_staff;
}

/* the minutes @move adds to the roster of @cells (fewer when below zero) */
gint64
roster_search_move_minutes(const RosterSolverModel *m, const gint16 *cells, const RosterMove *move)
{
	gint64 total = 0;

	for (guint i = 0; i < move->n_lines; i++) {
		const gint16 *line = cells + (gsize)move->person[i] * m->n_days;
		for (guint d = move->lo; d <= move->hi; d++) {
			gint v = move->vals[i][d - move->lo];
			if (v >= 0)
				total += roster_solver_model_type_length(m, v);
			if (line[d] >= 0)
				total -= roster_solver_model_type_length(m, line[d]);
		}
	}
	return total;
}

/* with the lock held: a roster that breaks no hard rule and costs what a proven bound
 * does (rounded up: objectives are whole) is optimal, and the search ends, a hotline's
 * job too: nothing is left to find in the rest of its time */
void
roster_search_check_bound_locked(SolveShared *shared)
{
	if (shared->has_best && shared->has_bound && shared->best_cost.hard == 0 &&
	    (gdouble)shared->best_cost.soft <= ceil(shared->bound - 1e-6) + 0.5) {
		g_atomic_int_set(&shared->optimal, 1);
		g_atomic_int_set(&shared->stop, 1);
	}
}

void
roster_search_publish(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	gsize n = (gsize)m->n_people * m->n_days;

	w->own_best_unpublished = FALSE;
	w->last_publish = w->iterations;
	g_mutex_lock(&shared->lock);
	if (!shared->has_best || cost_less(w->best_cost, shared->best_cost)) {
		if (shared->has_best && shared->best_cost.hard == 0)
			shared->gain[w->index] +=
			    (gdouble)(shared->best_cost.soft - w->best_cost.soft);
		memcpy(shared->best_cells, w->best_cells, n * sizeof(gint16));
		shared->best_cost = w->best_cost;
		shared->has_best = TRUE;
		shared->best_version++;
		shared->best_time = roster_search_elapsed(shared);
		if (shared->opts->has_target && w->best_cost.hard == 0 &&
		    w->best_cost.soft <= shared->opts->target)
			g_atomic_int_set(&shared->stop, 1);
		roster_search_check_bound_locked(shared);
		g_cond_broadcast(&shared->cond);
	}
	g_mutex_unlock(&shared->lock);
}

void
roster_search_note_best(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	if (!cost_less(w->st->cost, w->best_cost))
		return;
	memcpy(w->best_cells, w->st->cells, sizeof(gint16) * m->n_people * m->n_days);
	w->best_cost = w->st->cost;
	w->own_best_unpublished = TRUE;
	if (w->iterations - w->last_publish > 2000 || w->best_cost.hard == 0)
		roster_search_publish(w);
}

/* restart from the best roster of all threads when it beats this thread's own */
void
roster_search_adopt_shared_best(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	gsize n = (gsize)m->n_people * m->n_days;

	if (w->own_best_unpublished)
		roster_search_publish(w);
	g_mutex_lock(&shared->lock);
	if (shared->has_best && cost_less(shared->best_cost, w->best_cost)) {
		memcpy(w->best_cells, shared->best_cells, n * sizeof(gint16));
		w->best_cost = shared->best_cost;
	}
	g_mutex_unlock(&shared->lock);
	memcpy(w->st->cells, w->best_cells, n * sizeof(gint16));
	roster_search_state_reset(w->st);
}

/* takes the best roster of all threads when it beats the current one */
void
roster_search_adopt_if_better(Worker *w)
{
	SolveShared *shared = w->shared;
	gsize n = (gsize)shared->m->n_people * shared->m->n_days;
	gboolean better;

	if (w->own_best_unpublished)
		roster_search_publish(w);
	g_mutex_lock(&shared->lock);
	better = shared->has_best && cost_less(shared->best_cost, w->st->cost);
	if (better)
		memcpy(w->st->cells, shared->best_cells, n * sizeof(gint16));
	g_mutex_unlock(&shared->lock);
	if (better)
		roster_search_state_reset(w->st);
}

gboolean
roster_search_should_stop(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverOptions *opts = shared->opts;
	if (g_atomic_int_get(&shared->stop))
		return TRUE;
	if (opts->cancel != NULL && g_atomic_int_get(opts->cancel))
		return TRUE;
	if (w->max_iterations > 0 && w->iterations >= w->max_iterations)
		return TRUE;
	if (w->time_limit > 0 && roster_search_elapsed(shared) >= w->time_limit)
		return TRUE;
	if (opts->has_target && w->best_cost.hard == 0 && w->best_cost.soft <= opts->target)
		return TRUE;
	return FALSE;
}
