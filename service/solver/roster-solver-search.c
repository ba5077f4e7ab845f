/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-search-private.h"

/*
 * the search: every thread builds a roster line by line with the DP, then runs
 * simulated annealing over small moves (one day, a swap between two people on a day
 * with its swap back on a day near where there is one, some aimed at a request not
 * met, a block of days swapped between two people), large moves (one person's whole line
 * re-optimised by DP against everybody else's cover, with noise on the prices, most
 * aimed at a seat left empty while one is) and, every ASSIGN_PERIOD moves, a few days'
 * shifts dealt out again among a group by an assignment problem, in
 * cycles that restart from the best roster shared by all threads
 */

static const gdouble cycle_t_starts[CYCLE_N_STARTS] = {CYCLE_T_COOL, CYCLE_T_HOT};

/* the start of the next cycle: each start once, the cool one first; then the one whose
 * cycles lately gained most, the hot one of equals (a roster no cycle improves needs a
 * hot start to leave its local optimum); one cycle in CYCLE_EXPLORE a start at random */
guint
roster_search_choose_start(Worker *w)
{
	guint best = CYCLE_N_STARTS - 1;

	for (guint i = 0; i < CYCLE_N_STARTS; i++) {
		if (w->start_gain[i] < 0)
			return i;
	}
	if (rng_below(w, CYCLE_EXPLORE) == 0)
		return rng_below(w, CYCLE_N_STARTS);
	for (guint i = 0; i < CYCLE_N_STARTS; i++) {
		if (w->start_gain[i] > w->start_gain[best])
			best = i;
	}
	return best;
}

/* the length of an annealing cycle for a roster of @n_cells cells in a solve of
 * @time_limit seconds (0 when bounded by moves alone) */
gdouble
roster_search_cycle_secs(gsize n_cells, gdouble time_limit)
{
	gdouble longest = MAX(CYCLE_SECS, MIN(CYCLE_SECS_LONGEST, time_limit / 6));

	return CLAMP((gdouble)n_cells / CYCLE_CELLS_A_SECOND, CYCLE_SECS, longest);
}

/* a cycle from @start that began at @before is done: its gain, half and half with the
 * start's figure before. Only cycles between feasible rosters count: the repair's gains
 * say nothing of the temperature */
void
roster_search_note_start_gain(Worker *w, guint start, RosterCost before)
{
	gdouble gain;

	if (before.hard > 0 || w->best_cost.hard > 0)
		return;
	gain = (gdouble)MAX(before.soft - w->best_cost.soft, 0);
	w->start_gain[start] = w->start_gain[start] < 0 ? gain : (w->start_gain[start] + gain) / 2;
}

/* small moves between two large ones of this cycle: where the staff is short,
 * STAFF_SHORT_LINE_MOVES times fewer */
guint
roster_search_large_period(const Worker *w)
{
	if (!w->spare_minutes)
		return w->dp_period;
	return MAX(w->dp_period / STAFF_SHORT_LINE_MOVES, 2);
}

/* whether the large move of draw @r (0-9) ruins and recreates (four in ten, none
 * where the staff is short) rather than re-plans one line */
gboolean
roster_search_is_ruin(const Worker *w, guint r)
{
	return r < 4 && !w->spare_minutes;
}

/*
 * one cycle of the annealing: it cools from a start temperature
 * (roster_search_choose_start()) to CYCLE_T_END over the worker's cycle_secs (or
 * CYCLE_MOVES when the solve is bounded by moves alone, so that a seeded solve stays
 * deterministic), then adopts the best roster of all threads. FALSE when the solve is
 * to stop.
 */
gboolean
roster_search_anneal_cycle(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	guint P = m->n_people;
	gdouble begin = roster_search_elapsed(w->shared);
	guint64 first = w->iterations;
	RosterCost before = w->best_cost;
	RosterCost from = w->st->cost;
	/* the thread's own roster is cooled from the cool start, see HoldStage */
	guint start = w->hold != HOLD_NONE ? 0 : roster_search_choose_start(w);
	gdouble t_start = cycle_t_starts[start];
	gdouble temperature = t_start;
	guint large_period;

	w->spare_minutes = roster_search_staff_short(w->shared);
	large_period = roster_search_large_period(w);

	while (TRUE) {
		RosterMove move = {0};
		RosterCost delta;
		gint64 ds;

		w->iterations++;
		if (w->iterations % CHECK_PERIOD == 0) {
			gdouble now = roster_search_elapsed(w->shared);
			gdouble f;
			if (roster_search_should_stop(w))
				return FALSE;
			/* feasible first: a roster still breaking a hard rule is repaired */
			if (w->st->cost.hard > 0 && now - w->last_repair >= REPAIR_PERIOD_SECS) {
				roster_search_repair(w);
				w->last_repair = roster_search_elapsed(w->shared);
			}
			if (w->time_limit > 0)
				f = (now - begin) / w->cycle_secs;
			else
				f = (gdouble)(w->iterations - first) / (gdouble)CYCLE_MOVES;
			if (f >= 1) {
				if (w->hold != HOLD_NONE && roster_search_hold_next(w, from))
					return TRUE;
				roster_search_note_start_gain(w, start, before);
				roster_search_adopt_shared_best(w);
				return TRUE;
			}
			temperature = t_start * pow(CYCLE_T_END / t_start, f);
		}
		/* off the large moves' beat, which falls on multiples of its period */
		if (w->iterations % ASSIGN_PERIOD == 1) {
			roster_search_move_assign(w, temperature);
			continue;
		}
		if (w->iterations % large_period == 0) {
			guint r = rng_below(w, 10);
			if (roster_search_is_ruin(w, r)) {
				roster_search_move_ruin(w,
							2 + rng_below(w, RUIN_MAX - 1),
							temperature);
			} else if (rng_below(w, 10) < SEAT_LINE_MOVES &&
				   roster_search_move_to_seat(w, temperature)) {
				roster_search_note_best(w);
			} else {
				guint p = rng_below(w, P);
				gint noise = r < 6 ? (gint)rng_below(w, 6) : 0;
				guint first_day = 0;
				guint last_day = 0;
				roster_search_pick_window(w, &first_day, &last_day);
				roster_search_move_line(w,
							p,
							first_day,
							last_day,
							noise,
							temperature,
							FALSE);
				roster_search_note_best(w);
			}
			continue;
		}
		if (!roster_search_pick_small_move(w, &move))
			continue;
		delta = roster_search_state_delta_unless_hard(w->st, &move);
		/* a move that would break a hard rule of a roster that breaks none is never
		 * taken: one hard unit outweighs any soft gain */
		if (delta.hard > 0 && w->st->cost.hard == 0)
			continue;
		ds = scalar(delta);
		/* where the seats the staff cannot cover are most of the cost, a move that
		 * spends more minutes is taken only when it lowers the cost: at equal cost
		 * the roster drifts to shorter shifts, and the minutes it frees let
		 * somebody take another seat (a 12-hour seat given up for an empty 10-hour
		 * one costs nothing, five of them free a shift). Left to chance, the drift
		 * went both ways and stalled (README, "Session 22") */
		if (ds >= 0 && w->spare_minutes &&
		    roster_search_move_minutes(m, w->st->cells, &move) > 0)
			continue;
		if (ds > 0 && rng_double(w) >= exp(-(gdouble)ds / temperature))
			continue;
		roster_search_apply_move(w, &move, delta);
		if (ds < 0)
			roster_search_note_best(w);
	}
}

static void
search(Worker *w)
{
	/* a construction left for another thread's feasible roster goes on from that */
	if (!roster_search_construct(w))
		roster_search_adopt_shared_best(w);
	roster_search_repair(w);
	w->last_repair = roster_search_elapsed(w->shared);
	roster_search_run_capacity(w);
	roster_search_run_colgen(w);
	roster_search_run_bound(w);
	w->last_repair = roster_search_elapsed(w->shared);
	while (roster_search_anneal_cycle(w))
		;
	if (w->own_best_unpublished)
		roster_search_publish(w);
}

static gpointer
worker_thread(gpointer data)
{
	Worker *w = data;
	SolveShared *shared = w->shared;

	if (shared->opts->thread_setup != NULL)
		shared->opts->thread_setup(shared->opts->thread_setup_data);
	search(w);
	g_mutex_lock(&shared->lock);
	shared->n_running--;
	shared->iterations += w->iterations;
	g_cond_broadcast(&shared->cond);
	g_mutex_unlock(&shared->lock);
	return NULL;
}

/* a worker's random stream from @seed: splitmixed, so that neighbouring seeds give
 * unrelated streams */
static guint64
rng_from_seed(guint64 seed)
{
	guint64 rng = (seed + 1) * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);

	rng ^= rng >> 31;
	return rng != 0 ? rng : 1;
}

static Worker *
worker_new(SolveShared *shared, guint index)
{
	const RosterSolverModel *m = shared->m;
	const RosterSolverOptions *opts = shared->opts;
	guint H = m->n_days;
	guint T = m->n_types;
	Worker *w = g_new0(Worker, 1);

	w->shared = shared;
	w->index = index;
	w->rng = rng_from_seed((guint64)opts->seed + index);
	w->st = roster_search_state_new(m, NULL);
	w->best_cells = g_new(gint16, (gsize)m->n_people * H + 1);
	w->dp = roster_line_dp_new(m);
	w->price = g_new0(gint, (gsize)H * (T + 1));
	w->counts = g_new0(guint, (gsize)H * T + 1);
	w->line = g_new0(gint16, H);
	w->vals[0] = g_new0(gint16, H);
	w->vals[1] = g_new0(gint16, H);
	w->allowed = g_new0(guint8, (gsize)m->n_people * (T + 1));
	w->saved = g_new0(gint16, (gsize)RUIN_MAX * H);
	w->saved_roster = g_new0(gint16, (gsize)m->n_people * H + 1);
	w->chosen = g_new0(guint, RUIN_MAX);
	for (guint p = 0; p < m->n_people; p++) {
		w->allowed[p * (T + 1)] = 1;
		for (guint s = 0; s < T; s++)
			w->allowed[p * (T + 1) + s + 1] =
			    roster_solver_model_max_shifts(m, p, s) > 0;
	}
	/* large moves get about as much time as small ones: one DP costs roughly its
	 * number of label extensions, a small move a few hundred of them */
	{
		guint64 work = 0;
		for (guint p = 0; p < m->n_people; p++) {
			const RosterSolverPerson *pp = roster_solver_model_person(m, p);
			guint64 states =
			    MIN(pp->min_off, H) + 2 * (guint64)MIN(pp->max_work, H) * T;
			guint64 minutes = MIN((guint64)pp->max_minutes, (guint64)H * 720) / 60 + 1;
			work += states * minutes * H * (T + 1);
		}
		work /= m->n_people;
		w->dp_period = (guint)CLAMP(work / 12000, 2, 20000);
	}
	w->assign_group = ASSIGN_GROUP;
	w->max_iterations = opts->max_iterations;
	w->time_limit = opts->time_limit;
	w->cycle_secs = roster_search_cycle_secs((gsize)m->n_people * H, opts->time_limit);
	for (guint i = 0; i < CYCLE_N_STARTS; i++)
		w->start_gain[i] = -1;
	w->verify_every = opts->verify_every;
	return w;
}

static void
worker_free(Worker *w)
{
	roster_search_state_free(w->st);
	roster_line_dp_free(w->dp);
	g_free(w->best_cells);
	g_free(w->price);
	g_free(w->counts);
	g_free(w->line);
	g_free(w->vals[0]);
	g_free(w->vals[1]);
	g_free(w->allowed);
	g_free(w->saved);
	g_free(w->saved_roster);
	g_free(w->chosen);
	roster_search_hold_free(w);
	g_free(w);
}

/**
 * roster_solver_options_init:
 * @options: options to fill
 *
 * Sets the defaults: 60 s, seed 1, one thread, no target.
 */
void
roster_solver_options_init(RosterSolverOptions *options)
{
	memset(options, 0, sizeof(*options));
	options->time_limit = 60;
	options->seed = 1;
	options->n_threads = 1;
#ifndef __OPTIMIZE__
	/* unoptimised builds check the incremental scores against the evaluator */
	options->verify_every = 1000;
#endif
}

static void
report_progress(SolveShared *shared, const gint16 *cells, RosterCost cost, gdouble when)
{
	const RosterSolverModel *m = shared->m;
	RosterSolverRoster roster = {m->n_people, m->n_days, (gint16 *)cells};
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, &roster);
	RosterSolverProgress progress = {
	    .elapsed = when,
	    .objective = ev->objective,
	    .n_violations = ev->n_violations,
	    .iterations = 0,
	    .roster = &roster,
	};

	g_mutex_lock(&shared->lock);
	progress.has_bound = shared->has_bound;
	progress.bound = shared->bound;
	g_mutex_unlock(&shared->lock);
	shared->opts->progress(&progress, shared->opts->progress_data);
}

/**
 * roster_solver_solve:
 * @model: the problem
 * @options: how to solve it
 * @error: return location for a #GError
 *
 * Searches for the best roster until the time limit, the iteration limit, the target
 * or a cancel. Hard rules that no roster found could keep are listed in the result.
 *
 * Returns: (transfer full): the best roster found, or %NULL on error
 */
RosterSolverResult *
roster_solver_solve(const RosterSolverModel *model,
		    const RosterSolverOptions *options,
		    GError **error)
{
	SolveShared shared = {0};
	g_autoptr(GPtrArray) workers = g_ptr_array_new_with_free_func((GDestroyNotify)worker_free);
	RosterSolverResult *result;
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	guint n_threads;
	guint64 seen_version = 0;

	g_return_val_if_fail(model != NULL && options != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (model->n_people == 0 || model->n_types == 0) {
		g_set_error_literal(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_MODEL,
				    "the model has no people or no shift types");
		return NULL;
	}
	if (model->n_types >= 255) {
		g_set_error_literal(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_MODEL,
				    "the model has more than 254 shift types");
		return NULL;
	}
	if (options->initial != NULL && (options->initial->n_people != model->n_people ||
					 options->initial->n_days != model->n_days)) {
		g_set_error_literal(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_MODEL,
				    "the initial roster does not match the model");
		return NULL;
	}
	roster_solver_model_seal((RosterSolverModel *)model);

	n_threads = CLAMP(options->n_threads, 1, ROSTER_SEARCH_MAX_THREADS);
	shared.m = model;
	shared.opts = options;
	shared.start_time = g_get_monotonic_time();
	g_mutex_init(&shared.lock);
	g_cond_init(&shared.cond);
	shared.best_cells = g_new(gint16, (gsize)model->n_people * model->n_days + 1);
	shared.wish = roster_search_wishes(model);

	for (guint i = 0; i < n_threads; i++)
		g_ptr_array_add(workers, worker_new(&shared, i));
	shared.n_running = n_threads;
	shared.n_threads = n_threads;
	for (guint i = 0; i < n_threads; i++) {
		Worker *w = g_ptr_array_index(workers, i);
		w->thread = g_thread_new("roster-solver", worker_thread, w);
	}

	/* the calling thread reports progress until every search has stopped */
	g_mutex_lock(&shared.lock);
	while (shared.n_running > 0) {
		g_cond_wait_until(&shared.cond,
				  &shared.lock,
				  g_get_monotonic_time() + G_USEC_PER_SEC / 10);
		if (options->progress != NULL && shared.has_best &&
		    shared.best_version != seen_version) {
			gsize n = (gsize)model->n_people * model->n_days;
			g_autofree gint16 *copy = g_memdup2(shared.best_cells, n * sizeof(gint16));
			RosterCost cost = shared.best_cost;
			gdouble when = shared.best_time;
			seen_version = shared.best_version;
			g_mutex_unlock(&shared.lock);
			report_progress(&shared, copy, cost, when);
			g_mutex_lock(&shared.lock);
		}
	}
	g_mutex_unlock(&shared.lock);
	for (guint i = 0; i < n_threads; i++) {
		Worker *w = g_ptr_array_index(workers, i);
		g_thread_join(w->thread);
	}

	result = g_new0(RosterSolverResult, 1);
	result->roster = roster_solver_roster_new(model->n_people, model->n_days);
	memcpy(result->roster->cells,
	       shared.best_cells,
	       sizeof(gint16) * model->n_people * model->n_days);
	ev = roster_solver_evaluate(model, result->roster);
	g_debug("best roster: cover %" G_GINT64_FORMAT ", requests %" G_GINT64_FORMAT
		", fairness and commitments %" G_GINT64_FORMAT,
		ev->cover_penalty,
		ev->request_penalty,
		ev->hotline_penalty);
	result->feasible = ev->feasible;
	result->objective = ev->objective;
	result->n_violations = ev->n_violations;
	result->violations = g_ptr_array_ref(ev->violations);
	result->seconds = roster_search_elapsed(&shared);
	result->seconds_to_best = shared.best_time;
	result->iterations = shared.iterations;
	result->cancelled = options->cancel != NULL && g_atomic_int_get(options->cancel);
	result->optimal = g_atomic_int_get(&shared.optimal) && result->feasible;
	result->has_bound = shared.has_bound;
	result->bound = shared.bound;
	if (options->progress != NULL && shared.best_version != seen_version)
		report_progress(&shared, shared.best_cells, shared.best_cost, shared.best_time);

	g_free(shared.best_cells);
	g_free(shared.wish);
	g_mutex_clear(&shared.lock);
	g_cond_clear(&shared.cond);
	return result;
}

/* one thread of a solve bounded by moves alone, from @roster: the tests' way in */
typedef struct {
	RosterSolverOptions options;
	SolveShared shared;
	Worker *w;
} LoneWorker;

static void
lone_worker_init(LoneWorker *self, const RosterSolverModel *model, const RosterSolverRoster *roster)
{
	gsize n = (gsize)model->n_people * model->n_days;

	memset(self, 0, sizeof(*self));
	roster_solver_model_seal((RosterSolverModel *)model);
	roster_solver_options_init(&self->options);
	self->options.time_limit = 0;
	self->shared.m = model;
	self->shared.opts = &self->options;
	self->shared.n_threads = 1;
	self->shared.start_time = g_get_monotonic_time();
	g_mutex_init(&self->shared.lock);
	g_cond_init(&self->shared.cond);
	self->shared.best_cells = g_new(gint16, n + 1);
	self->shared.wish = roster_search_wishes(model);
	self->w = worker_new(&self->shared, 0);
	memcpy(self->w->st->cells, roster->cells, n * sizeof(gint16));
	roster_search_state_reset(self->w->st);
	self->w->best_cost.hard = G_MAXINT32;
}

/* copies the worker's roster into @roster and frees the worker */
static void
lone_worker_clear(LoneWorker *self, RosterSolverRoster *roster)
{
	const RosterSolverModel *m = self->shared.m;

	memcpy(roster->cells, self->w->st->cells, (gsize)m->n_people * m->n_days * sizeof(gint16));
	worker_free(self->w);
	g_free(self->shared.best_cells);
	g_free(self->shared.wish);
	g_mutex_clear(&self->shared.lock);
	g_cond_clear(&self->shared.cond);
}

/**
 * roster_search_repair_roster:
 * @model: the problem
 * @roster: a roster of it, repaired in place
 * @by_windows: re-plan windows of days even where the whole line's DP is small
 * @n_dps: (out) (optional): the DPs the repair solved
 *
 * The search's repair on its own, as the tests see it: every person who breaks a
 * rule of their own gets their line re-planned by the DP.
 *
 * Returns: the people still breaking a rule of their own
 */
guint
roster_search_repair_roster(const RosterSolverModel *model,
			    RosterSolverRoster *roster,
			    gboolean by_windows,
			    guint *n_dps)
{
	LoneWorker lone;
	guint left;

	lone_worker_init(&lone, model, roster);
	lone.w->repair_by_windows = by_windows;
	left = roster_search_repair(lone.w);
	if (n_dps != NULL)
		*n_dps = lone.w->repair_dps;
	lone_worker_clear(&lone, roster);
	return left;
}

/**
 * roster_search_hold_roster:
 * @model: the problem
 * @roster: a roster of it, annealed in place
 * @fixings: n_people × n_days flags: the cells to hold, as a dive cut short leaves them
 * @n_cycles: annealing cycles of CYCLE_MOVES moves
 * @held: (out) (optional): n_people × n_days flags, the cells still held after them
 *
 * The annealing of a dive's roster (roster-solver-search-hold.c) on its own, as the
 * tests see it.
 *
 * Returns: the stage (HoldStage) after the cycles
 */
guint
roster_search_hold_roster(const RosterSolverModel *model,
			  RosterSolverRoster *roster,
			  const guint8 *fixings,
			  guint n_cycles,
			  guint8 *held)
{
	LoneWorker lone;
	gsize n = (gsize)model->n_people * model->n_days;
	guint stage;

	lone_worker_init(&lone, model, roster);
	lone.w->best_cost = lone.w->st->cost;
	memcpy(lone.w->best_cells, lone.w->st->cells, n * sizeof(gint16));
	roster_search_hold(lone.w, fixings);
	for (guint i = 0; i < n_cycles; i++)
		roster_search_anneal_cycle(lone.w);
	if (held != NULL) {
		if (lone.w->held != NULL)
			memcpy(held, lone.w->held, n);
		else
			memset(held, 0, n);
	}
	stage = lone.w->hold;
	lone_worker_clear(&lone, roster);
	return stage;
}

/**
 * roster_search_seat_roster:
 * @model: the problem
 * @roster: a roster of it, changed in place
 * @n_moves: the most line moves aimed at a seat to make
 *
 * The line moves aimed at a seat that wants somebody (roster_search_move_to_seat()),
 * at temperature 0, as the tests see them.
 *
 * Returns: the moves made: fewer than @n_moves once no seat wants anybody
 */
guint
roster_search_seat_roster(const RosterSolverModel *model, RosterSolverRoster *roster, guint n_moves)
{
	LoneWorker lone;
	guint made = 0;

	lone_worker_init(&lone, model, roster);
	while (made < n_moves && roster_search_move_to_seat(lone.w, 0))
		made++;
	lone_worker_clear(&lone, roster);
	return made;
}

/**
 * roster_search_dealings_roster:
 * @model: the problem
 * @roster: a roster of it, changed in place
 * @n_draws: the dealings to draw
 * @group: the most people a dealing deals among (ASSIGN_GROUP in a solve)
 * @seed: the seed of the draws (a solve's first thread draws as seed 1 does)
 *
 * The dealings of a few days' shifts by an assignment problem
 * (roster-solver-search-assign.c) at temperature 0, as the tests see them, each
 * checked against the evaluator.
 *
 * Returns: the dealings made
 */
guint
roster_search_dealings_roster(const RosterSolverModel *model,
			      RosterSolverRoster *roster,
			      guint n_draws,
			      guint group,
			      guint64 seed)
{
	LoneWorker lone;
	guint made = 0;

	lone_worker_init(&lone, model, roster);
	lone.w->rng = rng_from_seed(seed);
	lone.w->verify_every = 1;
	lone.w->assign_group = group;
	for (guint i = 0; i < n_draws; i++)
		made += roster_search_move_assign(lone.w, 0);
	lone_worker_clear(&lone, roster);
	return made;
}

/**
 * roster_search_swaps_roster:
 * @model: the problem
 * @roster: a roster of it, changed in place
 * @n_draws: the swaps to draw
 * @aimed: swaps aimed at a request, taken where they lower the cost, rather than
 *   one-day swaps with their swap back, taken whatever they cost
 *
 * The one-day swaps of the annealing (roster-solver-search-moves.c), as the tests see
 * them.
 *
 * Returns: the swaps made
 */
guint
roster_search_swaps_roster(const RosterSolverModel *model,
			   RosterSolverRoster *roster,
			   guint n_draws,
			   gboolean aimed)
{
	LoneWorker lone;
	guint made;

	lone_worker_init(&lone, model, roster);
	/* every swap made is checked against the evaluator: a swap whose values and cost
	 * disagree shows here, not a thousand moves later or never */
	lone.w->verify_every = 1;
	made = roster_search_swap_draws(lone.w, n_draws, aimed);
	lone_worker_clear(&lone, roster);
	return made;
}

/**
 * roster_solver_result_free:
 * @self: a result
 *
 * Frees the result.
 */
void
roster_solver_result_free(RosterSolverResult *self)
{
	if (self == NULL)
		return;
	roster_solver_roster_free(self->roster);
	if (self->violations != NULL)
		g_ptr_array_unref(self->violations);
	g_free(self);
}
