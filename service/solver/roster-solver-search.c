/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-colgen.h"
#include "roster-solver-line.h"
#include "roster-solver-search.h"
#include "roster-solver-state.h"

/*
 * the search: every thread builds a roster line by line with the DP, then runs
 * simulated annealing over small moves (one day, a swap between two people on a day, a
 * block of days swapped between two people) and large moves (one person's whole line
 * re-optimised by DP against everybody else's cover, with noise on the prices), in
 * cycles that restart from the best roster shared by all threads
 */

/* one unit of hard violation outweighs any soft gain a single move can make */
#define HARD_WEIGHT 100000

/* the most people a ruin-and-recreate move re-plans at once */
#define RUIN_MAX 4

/* the parts of the time limit by which the first thread ends pricing the relaxation
 * and ends its dive; the rest it spends in the local search */
#define COLGEN_LP_SHARE 0.35
#define COLGEN_SHARE	0.8

/* horizons longer than this are re-planned in windows of days, overlapping by half:
 * one sweep of four weeks for a quick start, then eight weeks, longer once those stop
 * gaining. A window of eight weeks gets at most this many seconds; windows go on
 * until this part of the time limit */
#define COLGEN_WHOLE_DAYS    84
#define COLGEN_FIRST_WINDOW  28
#define COLGEN_WINDOW	     56
#define COLGEN_WINDOW_SECS   8
#define COLGEN_WINDOWS_SHARE 0.95

/* when the DPs of everybody's whole line may hold more labels than this (a few
 * seconds' work), lines are first planned two weeks at a time: DPs over many months
 * of minutes and weekends cost too much time and memory */
#define CONSTRUCT_WHOLE_WORK 800000000
#define CONSTRUCT_CHUNK_DAYS 14

/* how often a thread looks at the clock and the shared state */
#define CHECK_PERIOD 256

typedef struct {
	const RosterSolverModel *m;
	const RosterSolverOptions *opts;
	gint64 start_time;
	GMutex lock;
	GCond cond;
	gint16 *best_cells;
	RosterCost best_cost;
	gboolean has_best;
	guint64 best_version;
	gdouble best_time;
	gint stop;
	gint optimal; /* a roster of the relaxation's cost was found: none is better */
	guint n_running;
	guint64 iterations;
} SolveShared;

typedef struct {
	SolveShared *shared;
	guint index;
	guint64 rng;
	RosterSearchState *st;
	gint16 *best_cells;
	RosterCost best_cost;
	gboolean own_best_unpublished;
	guint64 last_publish;
	RosterLineDp *dp;
	gint *price;
	guint *counts;
	gint16 *line;
	gint16 *vals[2];
	guint8 *allowed;      /* n_people * (n_types + 1) */
	gint16 *saved;	      /* lines kept while a ruin-and-recreate move is tried */
	gint16 *saved_roster; /* the roster kept while a column generation is tried */
	guint *chosen;
	guint64 iterations;
	guint64 applied;
	guint64 max_iterations;
	gdouble time_limit;
	guint verify_every;
	guint dp_period;
	GThread *thread;
} Worker;

static inline gint64
scalar(RosterCost c)
{
	return c.hard * HARD_WEIGHT + c.soft;
}

/* the order of the best roster: fewer hard violations first, then the soft cost, so
 * that no soft gain, however large its weights, buys a broken hard rule */
static inline gboolean
cost_less(RosterCost a, RosterCost b)
{
	if (a.hard != b.hard)
		return a.hard < b.hard;
	return a.soft < b.soft;
}

/* xorshift64*: fast, and the same sequence on every platform */
static inline guint64
rng_next(Worker *w)
{
	w->rng ^= w->rng >> 12;
	w->rng ^= w->rng << 25;
	w->rng ^= w->rng >> 27;
	return w->rng * G_GUINT64_CONSTANT(2685821657736338717);
}

static inline guint
rng_below(Worker *w, guint n)
{
	return (guint)((rng_next(w) >> 32) % n);
}

static inline gdouble
rng_double(Worker *w)
{
	return (gdouble)(rng_next(w) >> 11) / 9007199254740992.0;
}

static gdouble
elapsed(SolveShared *shared)
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

static void
apply_move(Worker *w, const RosterMove *move, RosterCost delta)
{
	roster_search_state_apply(w->st, move, delta);
	w->applied++;
	if (w->verify_every > 0 && w->applied % w->verify_every == 0)
		verify(w);
}

static void
publish(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	gsize n = (gsize)m->n_people * m->n_days;

	w->own_best_unpublished = FALSE;
	w->last_publish = w->iterations;
	g_mutex_lock(&shared->lock);
	if (!shared->has_best || cost_less(w->best_cost, shared->best_cost)) {
		memcpy(shared->best_cells, w->best_cells, n * sizeof(gint16));
		shared->best_cost = w->best_cost;
		shared->has_best = TRUE;
		shared->best_version++;
		shared->best_time = elapsed(shared);
		if (shared->opts->has_target && w->best_cost.hard == 0 &&
		    w->best_cost.soft <= shared->opts->target)
			g_atomic_int_set(&shared->stop, 1);
		g_cond_broadcast(&shared->cond);
	}
	g_mutex_unlock(&shared->lock);
}

static void
note_best(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	if (!cost_less(w->st->cost, w->best_cost))
		return;
	memcpy(w->best_cells, w->st->cells, sizeof(gint16) * m->n_people * m->n_days);
	w->best_cost = w->st->cost;
	w->own_best_unpublished = TRUE;
	if (w->iterations - w->last_publish > 2000 || w->best_cost.hard == 0)
		publish(w);
}

/* restart from the best roster of all threads when it beats this thread's own */
static void
adopt_shared_best(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	gsize n = (gsize)m->n_people * m->n_days;

	if (w->own_best_unpublished)
		publish(w);
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
static void
adopt_if_better(Worker *w)
{
	SolveShared *shared = w->shared;
	gsize n = (gsize)shared->m->n_people * shared->m->n_days;
	gboolean better;

	if (w->own_best_unpublished)
		publish(w);
	g_mutex_lock(&shared->lock);
	better = shared->has_best && cost_less(shared->best_cost, w->st->cost);
	if (better)
		memcpy(w->st->cells, shared->best_cells, n * sizeof(gint16));
	g_mutex_unlock(&shared->lock);
	if (better)
		roster_search_state_reset(w->st);
}

static gboolean
should_stop(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverOptions *opts = shared->opts;
	if (g_atomic_int_get(&shared->stop))
		return TRUE;
	if (opts->cancel != NULL && g_atomic_int_get(opts->cancel))
		return TRUE;
	if (w->max_iterations > 0 && w->iterations >= w->max_iterations)
		return TRUE;
	if (w->time_limit > 0 && elapsed(shared) >= w->time_limit)
		return TRUE;
	if (opts->has_target && w->best_cost.hard == 0 && w->best_cost.soft <= opts->target)
		return TRUE;
	return FALSE;
}

/* the price of each (day, value) for person p: requests plus the change in cover */
static void
build_prices(Worker *w, guint p, gint noise)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint T = m->n_types;
	const gint16 *cells = w->st->cells;

	memset(w->counts, 0, sizeof(guint) * H * T);
	for (guint q = 0; q < m->n_people; q++) {
		const gint16 *line = cells + (gsize)q * H;
		if (q == p)
			continue;
		for (guint d = 0; d < H; d++) {
			if (line[d] >= 0)
				w->counts[d * T + line[d]]++;
		}
	}
	for (guint d = 0; d < H; d++) {
		gint *pr = w->price + (gsize)d * (T + 1);
		const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
		pr[0] = un[0];
		for (guint s = 0; s < T; s++) {
			guint idx = d * T + s;
			guint c = w->counts[idx];
			pr[s + 1] =
			    un[s + 1] + (gint)(roster_solver_model_cover_cost(m, idx, c + 1) -
					       roster_solver_model_cover_cost(m, idx, c));
		}
		if (noise > 0) {
			for (guint v = 0; v <= T; v++)
				pr[v] += (gint)rng_below(w, (guint)noise + 1);
		}
	}
}

/* a window of days for a large move: the whole horizon when it is short */
static void
pick_window(Worker *w, guint *first, guint *last)
{
	guint H = w->shared->m->n_days;
	guint len;
	/* short horizons re-plan whole lines; long ones mostly windows, which cost less */
	if (H <= 28 || (H <= 56 && rng_below(w, 4) == 0)) {
		*first = 0;
		*last = H - 1;
		return;
	}
	/* MIN() evaluates its arguments twice: draw first */
	len = 7 + rng_below(w, MIN(H, 36));
	len = MIN(len, H);
	*first = rng_below(w, H - len + 1);
	*last = *first + len - 1;
}

/* re-optimise days first..last of one person's line; TRUE when it changed */
static gboolean
move_line(Worker *w,
	  guint p,
	  guint first,
	  guint last,
	  gint noise,
	  gdouble temperature,
	  gboolean force)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	gint64 dp_cost = 0;
	const gint16 *current = w->st->cells + (gsize)p * H;
	RosterMove move = {1, {p, 0}, first, last, {w->line + first, NULL}};
	RosterCost delta;
	gint64 ds;

	build_prices(w, p, noise);
	if (!roster_line_dp_solve_window(w->dp,
					 p,
					 current,
					 first,
					 last,
					 w->price,
					 w->line,
					 &dp_cost))
		return FALSE;
	if (memcmp(w->line + first, current + first, sizeof(gint16) * (last - first + 1)) == 0)
		return FALSE;
	delta = roster_search_state_delta(w->st, &move);
	ds = scalar(delta);
	if (!force && ds > 0 &&
	    (temperature <= 0 || rng_double(w) >= exp(-(gdouble)ds / temperature)))
		return FALSE;
	apply_move(w, &move, delta);
	return TRUE;
}

/*
 * plans person p's line from day 0 a few weeks at a time, each part against the
 * cover of everybody else. A @fresh line is planned part after part, each reaching
 * its share of the minimum minutes where it can (and the last all of it); otherwise
 * each part only replaces the given one when that is better, and joins the days
 * after it.
 */
static void
construct_chunks(Worker *w, guint p, gboolean fresh)
{
	guint H = w->shared->m->n_days;
	for (guint first = 0; first < H; first += CONSTRUCT_CHUNK_DAYS) {
		guint last = MIN(first + CONSTRUCT_CHUNK_DAYS, H) - 1;
		roster_line_dp_set_partial(w->dp,
					   fresh && last + 1 < H ? ROSTER_LINE_PRO_RATA
								 : ROSTER_LINE_WHOLE);
		if (!move_line(w, p, first, last, 0, 0, fresh) && fresh && last + 1 < H) {
			roster_line_dp_set_partial(w->dp, ROSTER_LINE_OPEN);
			move_line(w, p, first, last, 0, 0, fresh);
		}
	}
	roster_line_dp_set_partial(w->dp, ROSTER_LINE_WHOLE);
}

static void
construct(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	const RosterSolverOptions *opts = w->shared->opts;
	g_autofree guint *order = g_new(guint, m->n_people + 1);
	gboolean chunks = roster_line_dp_whole_work(w->dp) > CONSTRUCT_WHOLE_WORK;

	if (opts->initial != NULL) {
		memcpy(w->st->cells,
		       opts->initial->cells,
		       sizeof(gint16) * m->n_people * m->n_days);
		roster_search_state_reset(w->st);
	}
	for (guint p = 0; p < m->n_people; p++)
		order[p] = p;
	for (guint round = 0; round < (m->n_days <= 56 ? 3 : 1); round++) {
		/* a random order per round, so that threads start from different rosters */
		for (guint p = m->n_people; p > 1; p--) {
			guint j = rng_below(w, p);
			guint t = order[p - 1];
			order[p - 1] = order[j];
			order[j] = t;
		}
		for (guint i = 0; i < m->n_people; i++) {
			/* the first round must complete so that every line is planned */
			if (round > 0 && should_stop(w))
				break;
			if (chunks) {
				construct_chunks(w, order[i], opts->initial == NULL);
				continue;
			}
			move_line(w,
				  order[i],
				  0,
				  m->n_days - 1,
				  0,
				  0,
				  round == 0 && opts->initial == NULL);
		}
	}
	w->best_cost.hard = G_MAXINT32;
	w->best_cost.soft = 0;
	note_best(w);
	publish(w);
}

static void
set_line(Worker *w, guint p, guint first, guint last, const gint16 *vals)
{
	RosterMove move = {1, {p, 0}, first, last, {vals, NULL}};
	RosterCost delta = roster_search_state_delta(w->st, &move);
	apply_move(w, &move, delta);
}

/*
 * ruin and recreate: k people lose their lines, then each in turn gets the best line
 * the DP finds against everybody else; accepted like any other move
 */
static void
move_ruin(Worker *w, guint k, gdouble temperature)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint P = m->n_people;
	RosterCost before = w->st->cost;
	gint64 ds;
	guint first = 0;
	guint last = 0;
	guint len;

	pick_window(w, &first, &last);
	len = last - first + 1;
	k = MIN(k, MIN(P, RUIN_MAX));
	{
		/* one time in four the people are related: half work on a random day and
		 * half are off on it, so that shifts can move between them */
		guint d = first + rng_below(w, len);
		gboolean related = rng_below(w, 4) == 0;
		for (guint i = 0; i < k; i++) {
			gboolean dup = TRUE;
			for (guint tries = 0; dup && tries < 4 * P; tries++) {
				guint p = rng_below(w, P);
				gboolean works = w->st->cells[(gsize)p * H + d] >= 0;
				if (related && tries < 2 * P && works != (i % 2 == 0))
					continue;
				w->chosen[i] = p;
				dup = FALSE;
				for (guint j = 0; j < i; j++)
					dup |= w->chosen[j] == p;
			}
			if (dup) {
				k = i;
				break;
			}
			memcpy(w->saved + (gsize)i * H,
			       w->st->cells + (gsize)w->chosen[i] * H + first,
			       sizeof(gint16) * len);
		}
	}
	for (guint i = 0; i < H; i++)
		w->line[i] = ROSTER_SOLVER_OFF;
	for (guint i = 0; i < k; i++)
		set_line(w, w->chosen[i], first, last, w->line);
	for (guint i = 0; i < k; i++) {
		guint p = w->chosen[i];
		gint64 dp_cost = 0;
		build_prices(w, p, 0);
		if (roster_line_dp_solve_window(w->dp,
						p,
						w->st->cells + (gsize)p * H,
						first,
						last,
						w->price,
						w->line,
						&dp_cost))
			set_line(w, p, first, last, w->line + first);
	}
	ds = scalar(w->st->cost) - scalar(before);
	if (ds <= 0 || (temperature > 0 && rng_double(w) < exp(-(gdouble)ds / temperature))) {
		note_best(w);
		return;
	}
	for (guint i = 0; i < k; i++)
		set_line(w, w->chosen[i], first, last, w->saved + (gsize)i * H);
}

static gint
random_value(Worker *w, guint p, gint not_this)
{
	const RosterSolverModel *m = w->shared->m;
	guint T = m->n_types;
	const guint8 *allowed = w->allowed + (gsize)p * (T + 1);
	for (guint tries = 0; tries < 8; tries++) {
		guint v = rng_below(w, T + 1);
		if (allowed[v] && (gint)v - 1 != not_this)
			return (gint)v - 1;
	}
	/* off is always allowed */
	return ROSTER_SOLVER_OFF;
}

/* one small move: fills move and the value buffers; FALSE when it would change nothing */
static gboolean
pick_small_move(Worker *w, RosterMove *move)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint P = m->n_people;
	const gint16 *cells = w->st->cells;
	guint kind = rng_below(w, 100);

	if (kind < 35 || P < 2) {
		/* one person, one day, another value */
		guint p = rng_below(w, P);
		guint d = rng_below(w, H);
		gint o = cells[(gsize)p * H + d];
		gint v = random_value(w, p, o);
		if (v == o || (v >= 0 && m->day_off[(gsize)p * H + d]))
			return FALSE;
		move->n_lines = 1;
		move->person[0] = p;
		move->lo = move->hi = d;
		w->vals[0][0] = (gint16)v;
		move->vals[0] = w->vals[0];
		return TRUE;
	}
	if (kind < 50) {
		/* one person, a short block set to days off or to one shift type */
		guint p = rng_below(w, P);
		guint len = 2 + rng_below(w, 3);
		guint d;
		gint v;
		gboolean differs = FALSE;
		if (len > H)
			return FALSE;
		d = rng_below(w, H - len + 1);
		v = random_value(w, p, -2);
		for (guint k = 0; k < len; k++) {
			if (v >= 0 && m->day_off[(gsize)p * H + d + k])
				return FALSE;
			w->vals[0][k] = (gint16)v;
			differs |= cells[(gsize)p * H + d + k] != v;
		}
		if (!differs)
			return FALSE;
		move->n_lines = 1;
		move->person[0] = p;
		move->lo = d;
		move->hi = d + len - 1;
		move->vals[0] = w->vals[0];
		return TRUE;
	}
	{
		/* two people swap one day or a block of days */
		guint p1 = rng_below(w, P);
		guint p2 = rng_below(w, P - 1);
		/* a horizon of one day has no block of two */
		guint len = kind < 70 || H < 2 ? 1 : 2 + rng_below(w, MIN(H, 14) - 1);
		guint d;
		gboolean differs = FALSE;
		if (p2 >= p1)
			p2++;
		if (len > H)
			len = H;
		d = rng_below(w, H - len + 1);
		for (guint k = 0; k < len; k++) {
			gint a = cells[(gsize)p1 * H + d + k];
			gint b = cells[(gsize)p2 * H + d + k];
			if ((b >= 0 && m->day_off[(gsize)p1 * H + d + k]) ||
			    (a >= 0 && m->day_off[(gsize)p2 * H + d + k]))
				return FALSE;
			w->vals[0][k] = (gint16)b;
			w->vals[1][k] = (gint16)a;
			differs |= a != b;
		}
		if (!differs)
			return FALSE;
		move->n_lines = 2;
		move->person[0] = p1;
		move->person[1] = p2;
		move->lo = d;
		move->hi = d + len - 1;
		move->vals[0] = w->vals[0];
		move->vals[1] = w->vals[1];
		return TRUE;
	}
}

static gboolean
colgen_stop(gpointer data)
{
	return should_stop(data);
}

/* a roster from the column generation: shared at once when it is the thread's best */
static void
colgen_found(const gint16 *cells, gpointer data)
{
	Worker *w = data;
	const RosterSolverModel *m = w->shared->m;
	RosterSolverRoster roster = {m->n_people, m->n_days, (gint16 *)cells};
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, &roster);
	RosterCost cost = {ev->hard_penalty, ev->objective};

	if (!cost_less(cost, w->best_cost))
		return;
	memcpy(w->best_cells, cells, sizeof(gint16) * m->n_people * m->n_days);
	w->best_cost = cost;
	publish(w);
}

/* the objective of the best roster of all threads, when it breaks no hard rule */
static gdouble
colgen_best(gpointer data)
{
	Worker *w = data;
	SolveShared *shared = w->shared;
	gdouble best = G_MAXDOUBLE;

	g_mutex_lock(&shared->lock);
	if (shared->has_best && shared->best_cost.hard == 0)
		best = (gdouble)shared->best_cost.soft;
	g_mutex_unlock(&shared->lock);
	return best;
}

/*
 * column generation over days first..last from the thread's current roster: a part
 * of the time prices lines, then dives (and branch and bound) pick them; the roster
 * found replaces the current one when it is no worse, or always when it replans the
 * whole horizon (the current one is then only the construction). FALSE when no dive
 * finished in time.
 */
static gboolean
colgen_window(Worker *w, guint first, guint last, gint64 lp_deadline, gint64 ip_deadline)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	gsize n = (gsize)m->n_people * m->n_days;
	gboolean whole = first == 0 && last == m->n_days - 1;
	g_autofree gint16 *cells = g_new(gint16, n);
	RosterColgenStats stats;
	RosterCost before = w->st->cost;
	RosterColgenParams params = {
	    .lp_deadline = lp_deadline,
	    .ip_deadline = ip_deadline,
	    .seed = rng_next(w),
	    .cover_tree = whole,
	    .stop = colgen_stop,
	    .found = colgen_found,
	    .best = whole ? colgen_best : NULL,
	    .user_data = w,
	};

	if (!roster_colgen_solve(m, w->dp, w->st->cells, first, last, &params, cells, &stats))
		return FALSE;
	memcpy(w->saved_roster, w->st->cells, n * sizeof(gint16));
	memcpy(w->st->cells, cells, n * sizeof(gint16));
	roster_search_state_reset(w->st);
	g_debug("column generation, days %u-%u: %.2f s, %u rounds, %u lines, relaxation "
		"%.2f%s, %u %s dives, %u cover nodes%s, roster %" G_GINT64_FORMAT
		"/%" G_GINT64_FORMAT,
		first,
		last,
		elapsed(shared),
		stats.rounds,
		stats.columns,
		stats.lp_objective,
		stats.lp_optimal ? " (optimal)" : "",
		stats.dives,
		stats.exact_dive ? "exact" : "fast",
		stats.nodes,
		stats.proven	 ? ", proven optimal"
		: stats.improved ? ", improved by branch and bound"
		: stats.integer	 ? ""
				 : ", the first cut short",
		w->st->cost.hard,
		w->st->cost.soft);
	if (!whole && scalar(w->st->cost) > scalar(before)) {
		memcpy(w->st->cells, w->saved_roster, n * sizeof(gint16));
		roster_search_state_reset(w->st);
		return stats.integer;
	}
	note_best(w);
	if (w->own_best_unpublished)
		publish(w);
	/* the whole horizon's relaxation bounds every roster: searching on is in vain
	 * once this roster (unless a line of the seed that breaks a hard rule made it)
	 * or another thread's reaches it */
	if (whole &&
	    ((stats.proven && w->st->cost.hard == 0) ||
	     (stats.lp_optimal && colgen_best(w) <= ceil(stats.lp_objective - 1e-6) + 0.5))) {
		g_atomic_int_set(&shared->optimal, 1);
		g_atomic_int_set(&shared->stop, 1);
	}
	return stats.integer;
}

/* the j-th number of the base-2 van der Corput sequence: 0, 1/2, 1/4, 3/4, 1/8, ... */
static gdouble
van_der_corput(guint j)
{
	gdouble x = 0;
	for (gdouble f = 0.5; j > 0; j >>= 1, f /= 2) {
		if (j & 1)
			x += f;
	}
	return x;
}

/*
 * the first thread starts its search from the relaxation over whole lines; a long
 * horizon is re-planned a window of days at a time, window after window, because
 * pricing whole lines of many months is too slow to converge
 */
static void
run_colgen(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	guint H = m->n_days;
	gint64 start = shared->start_time;
	gint64 end = start + (gint64)(w->time_limit * COLGEN_SHARE * G_USEC_PER_SEC);
	guint len = COLGEN_FIRST_WINDOW;
	guint idle = 0;
	gint64 typical = 0; /* how long windows of this length take, recently */
	guint cut_short = 0;

	/* the hotline's extra rules are not in the line DP: its lines would break them */
	if (w->index != 0 || m->hotline != NULL || w->time_limit <= 0)
		return;
	if (H <= COLGEN_WHOLE_DAYS) {
		colgen_window(w,
			      0,
			      H - 1,
			      start + (gint64)(w->time_limit * COLGEN_LP_SHARE * G_USEC_PER_SEC),
			      end);
		return;
	}
	end = start + (gint64)(w->time_limit * COLGEN_WINDOWS_SHARE * G_USEC_PER_SEC);
	for (guint k = 0; !should_stop(w); k++) {
		gint64 now = g_get_monotonic_time();
		guint step = len / 2;
		guint n_windows = (H - len + step - 1) / step + 1;
		/* every sweep of a length tiles the horizon, each shifted from the ones
		 * before by a fraction of a step that halves (1/2, 1/4, 3/4, ...), so
		 * that the borders move and no window repeats another */
		guint offset = (guint)(step * van_der_corput(k / n_windows));
		guint first = MIN(offset + (k % n_windows) * step, H - len);
		guint last = first + len - 1;
		gint64 budget = (gint64)COLGEN_WINDOW_SECS * G_USEC_PER_SEC * len / COLGEN_WINDOW;
		RosterCost before;
		/* a shifted sweep reaches the end one window early */
		if (k % n_windows > 0 && offset + (k % n_windows - 1) * step >= H - len)
			continue;
		/* a window cut short gains nothing: the local search has the rest */
		if (end - now < MAX(typical, budget / 4))
			break;
		budget = MIN(budget, end - now);
		/* each window starts from the best roster of all threads */
		if (cost_less(w->best_cost, w->st->cost))
			adopt_shared_best(w);
		else
			adopt_if_better(w);
		before = w->st->cost;
		/* windows too large to solve in their time (many people, many shift
		 * types) gain nothing either */
		if (colgen_window(w, first, last, now + budget / 2, now + budget))
			cut_short = 0;
		else if (++cut_short >= 2)
			break;
		typical = (typical + g_get_monotonic_time() - now) / (typical > 0 ? 2 : 1);
		if (scalar(w->st->cost) < scalar(before))
			idle = 0;
		else
			idle++;
		/* four weeks only make a quick start. When a whole sweep of windows
		 * gained nothing, the roster is as good as windows of this length make
		 * it: move resources (minutes, weekends) between parts of the horizon with
		 * windows twice as long */
		if ((idle >= n_windows || (len < COLGEN_WINDOW && k + 1 >= n_windows)) && len < H) {
			len = MIN(2 * len, H);
			idle = 0;
			typical = 0;
			k = G_MAXUINT; /* the next window starts a sweep */
		}
	}
}

static void
search(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	guint P = m->n_people;
	/* a cycle cools from t_start to t_end, then restarts from the best roster; it
	 * lasts a few seconds, or a number of moves when the solve is bounded by moves
	 * alone, so that a seeded solve stays deterministic */
	gdouble t_start = 3.0;
	gdouble t_end = 0.05;
	gdouble cycle_secs = 3.0;
	guint64 cycle_moves = 400000;
	gdouble cycle_begin;
	guint64 cycle_first = 0;
	guint dp_period = w->dp_period;
	gdouble temperature = t_start;

	construct(w);
	run_colgen(w);
	cycle_begin = elapsed(w->shared);
	while (TRUE) {
		RosterMove move = {0};
		RosterCost delta;
		gint64 ds;

		w->iterations++;
		if (w->iterations % CHECK_PERIOD == 0) {
			gdouble now = elapsed(w->shared);
			gdouble f;
			if (should_stop(w))
				break;
			if (w->time_limit > 0)
				f = (now - cycle_begin) / cycle_secs;
			else
				f = (gdouble)(w->iterations - cycle_first) / (gdouble)cycle_moves;
			if (f >= 1) {
				adopt_shared_best(w);
				cycle_begin = now;
				cycle_first = w->iterations;
				f = 0;
			}
			temperature = t_start * pow(t_end / t_start, f);
		}
		if (w->iterations % dp_period == 0) {
			guint r = rng_below(w, 10);
			if (r < 4) {
				move_ruin(w, 2 + rng_below(w, RUIN_MAX - 1), temperature);
			} else {
				guint p = rng_below(w, P);
				gint noise = r < 6 ? (gint)rng_below(w, 6) : 0;
				guint first = 0;
				guint last = 0;
				pick_window(w, &first, &last);
				move_line(w, p, first, last, noise, temperature, FALSE);
				note_best(w);
			}
			continue;
		}
		if (!pick_small_move(w, &move))
			continue;
		delta = roster_search_state_delta(w->st, &move);
		ds = scalar(delta);
		if (ds > 0 && rng_double(w) >= exp(-(gdouble)ds / temperature))
			continue;
		apply_move(w, &move, delta);
		if (ds < 0)
			note_best(w);
	}
	if (w->own_best_unpublished)
		publish(w);
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
	/* splitmix the seed so that neighbouring seeds give unrelated streams */
	w->rng = ((guint64)opts->seed + index + 1) * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15);
	w->rng ^= w->rng >> 31;
	if (w->rng == 0)
		w->rng = 1;
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
	w->max_iterations = opts->max_iterations;
	w->time_limit = opts->time_limit;
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

	n_threads = CLAMP(options->n_threads, 1, 64);
	shared.m = model;
	shared.opts = options;
	shared.start_time = g_get_monotonic_time();
	g_mutex_init(&shared.lock);
	g_cond_init(&shared.cond);
	shared.best_cells = g_new(gint16, (gsize)model->n_people * model->n_days + 1);

	for (guint i = 0; i < n_threads; i++)
		g_ptr_array_add(workers, worker_new(&shared, i));
	shared.n_running = n_threads;
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
	result->feasible = ev->feasible;
	result->objective = ev->objective;
	result->n_violations = ev->n_violations;
	result->violations = g_ptr_array_ref(ev->violations);
	result->seconds = elapsed(&shared);
	result->seconds_to_best = shared.best_time;
	result->iterations = shared.iterations;
	result->cancelled = options->cancel != NULL && g_atomic_int_get(options->cancel);
	result->optimal = g_atomic_int_get(&shared.optimal) && result->feasible;
	if (options->progress != NULL && shared.best_version != seen_version)
		report_progress(&shared, shared.best_cells, shared.best_cost, shared.best_time);

	g_free(shared.best_cells);
	g_mutex_clear(&shared.lock);
	g_cond_clear(&shared.cond);
	return result;
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
