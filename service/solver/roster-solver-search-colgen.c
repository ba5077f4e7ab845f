/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-bound.h"
#include "roster-solver-colgen.h"
#include "roster-solver-search-private.h"

/* the first thread's start from the column generation: the whole horizon at once, or
 * window after window of days on a long one; on a hotline, the first thread's bound */

static gboolean
colgen_stop(gpointer data)
{
	return roster_search_should_stop(data);
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
	roster_search_publish(w);
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

/* a bound the whole horizon's root proved: raised at once, so that a roster already
 * at it ends the search (roster_search_check_bound_locked()); none at or below zero,
 * which every roster's cost is above anyway (the first rounds' often are) */
static void
colgen_bound(gdouble bound, gpointer data)
{
	Worker *w = data;
	if (bound <= 0)
		return;
	g_debug("bound %.2f from the root's pricing at %.2f s",
		bound,
		roster_search_elapsed(w->shared));
	roster_search_raise_bound(w->shared, bound);
}

/*
 * column generation over days first..last from the thread's current roster: a part
 * of the time prices lines, then dives (and branch and bound) pick them; the roster
 * found replaces the current one when it is no worse, or always when it replans the
 * whole horizon (the current one is then only the construction). FALSE when no dive
 * finished in time.
 */
static gboolean
colgen_window(Worker *w,
	      guint first,
	      guint last,
	      gint64 lp_deadline,
	      gint64 ip_deadline,
	      RosterColgenStats *out)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	gsize n = (gsize)m->n_people * m->n_days;
	gboolean whole = first == 0 && last == m->n_days - 1;
	g_autofree gint16 *cells = g_new(gint16, n);
	g_autofree guint8 *fixings = whole ? g_new0(guint8, n) : NULL;
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
	    .bound = whole ? colgen_bound : NULL,
	    .user_data = w,
	    .fixings = fixings,
	};

	if (whole) {
		g_mutex_lock(&shared->lock);
		params.proven = shared->has_bound ? MAX(shared->bound, 0) : 0;
		g_mutex_unlock(&shared->lock);
	}
	if (!roster_colgen_solve(m, w->dp, w->st->cells, first, last, &params, cells, &stats))
		return FALSE;
	if (out != NULL)
		*out = stats;
	memcpy(w->saved_roster, w->st->cells, n * sizeof(gint16));
	memcpy(w->st->cells, cells, n * sizeof(gint16));
	roster_search_state_reset(w->st);
	g_debug("column generation, days %u-%u: %.2f s, %u rounds, %u lines, relaxation "
		"%.2f%s, %u %s dives, %u cover nodes%s, roster %" G_GINT64_FORMAT
		"/%" G_GINT64_FORMAT,
		first,
		last,
		roster_search_elapsed(shared),
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
	/* a dive cut short: its roster is annealed before the best of all threads */
	if (whole && !stats.integer)
		roster_search_hold(w, fixings);
	roster_search_note_best(w);
	if (w->own_best_unpublished)
		roster_search_publish(w);
	/* the whole horizon's relaxation (or a Lagrangian bound of its root's rounds)
	 * bounds every roster: raising the bound ends the search once any thread's roster
	 * reaches it (roster_search_check_bound_locked) */
	if (whole && (stats.lp_optimal || stats.bound > 0))
		roster_search_raise_bound(shared, stats.bound);
	/* a dive proved its roster optimal (unless a line of the seed that breaks a hard
	 * rule made it) */
	if (whole && stats.proven && w->st->cost.hard == 0) {
		g_atomic_int_set(&shared->optimal, 1);
		g_atomic_int_set(&shared->stop, 1);
	}
	return stats.integer;
}

/*
 * where the first thread's time goes on a long horizon: windows, or annealing cycles
 * like the other threads', whichever has lately lowered the best roster faster. On
 * the tight half-year of 150 people and 32 types the other thread's annealing beats
 * every window's roster before the window is done; on Instance20 the annealing gains
 * nothing more while the windows still do. Gains are the threads' own
 * (SolveShared.gain): a window's is measured against the other threads' annealing
 * over the same time, a cycle's against all threads'. A window that loses that race
 * shows no gain at all, so windows are tried again after annealing for COLGEN_RETRY
 * times a window's time, twice as long after each window that loses again. A thread
 * alone compares its own cycles, one a sweep after the first.
 */
typedef struct {
	gdouble window_rate; /* what the windows gain a second, lately; -1 unknown */
	gdouble anneal_rate; /* what an annealing thread gained a second, last; -1 unknown */
	gint64 anneal_until; /* the annealing gives way to a window then */
	guint losses;	     /* windows in a row that gained less than the annealing */
} Split;

/* how far the rosters of thread @index, and those of the other threads, have lowered
 * the best objective so far */
static void
read_gains(SolveShared *shared, guint index, gdouble *own, gdouble *others)
{
	*own = 0;
	*others = 0;
	g_mutex_lock(&shared->lock);
	for (guint i = 0; i < shared->n_threads; i++)
		*(i == index ? own : others) += shared->gain[i];
	g_mutex_unlock(&shared->lock);
}

static gdouble
seconds_since(gint64 t0)
{
	return (gdouble)MAX(g_get_monotonic_time() - t0, 1000) / G_USEC_PER_SEC;
}

/* the windows' rate measured again: half the old one and half the new, or the new
 * alone (windows of one sweep differ more than annealing cycles do; the annealing's
 * rate is its last cycle's, since its gains fall fast as the roster improves) */
static gdouble
blend_rate(gdouble old, gdouble rate)
{
	return old >= 0 ? (old + rate) / 2 : rate;
}

/* annealing cycles while they gain faster than the windows, until @end; FALSE when
 * the solve is to stop */
static gboolean
split_anneal(Worker *w, Split *split, gint64 end)
{
	SolveShared *shared = w->shared;

	while (split->window_rate >= 0 && split->anneal_rate > split->window_rate &&
	       g_get_monotonic_time() < MIN(split->anneal_until, end)) {
		gint64 t0 = g_get_monotonic_time();
		gdouble own0, others0, own1, others1, rate;
		read_gains(shared, w->index, &own0, &others0);
		if (!roster_search_anneal_cycle(w))
			return FALSE;
		read_gains(shared, w->index, &own1, &others1);
		rate = (own1 + others1 - own0 - others0) / shared->n_threads / seconds_since(t0);
		split->anneal_rate = rate;
		g_debug("an annealing cycle: %.1f a thread and second, windows %.1f",
			rate,
			split->window_rate);
	}
	return TRUE;
}

/* a window that began at @t0, when the gains were @own0 and @others0, is done */
static void
split_window_done(Worker *w, Split *split, gint64 t0, gdouble own0, gdouble others0)
{
	SolveShared *shared = w->shared;
	gdouble secs = seconds_since(t0);
	gdouble own1, others1;

	read_gains(shared, w->index, &own1, &others1);
	split->window_rate = blend_rate(split->window_rate, (own1 - own0) / secs);
	if (shared->n_threads > 1)
		split->anneal_rate = (others1 - others0) / (shared->n_threads - 1) / secs;
	g_debug("a window: %.1f a second, annealing %.1f a thread and second",
		(own1 - own0) / secs,
		split->anneal_rate);
	if (split->anneal_rate <= split->window_rate) {
		split->losses = 0;
		return;
	}
	split->losses = MIN(split->losses + 1, 16);
	split->anneal_until =
	    g_get_monotonic_time() +
	    (gint64)(secs * G_USEC_PER_SEC * COLGEN_RETRY * (1u << (split->losses - 1)));
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

/* the window length whose pricing rounds take about COLGEN_ROUND_MS, in whole weeks,
 * from the measured time of a round per day of window */
static guint
sized_window(gdouble day_ms, guint H)
{
	gdouble days = day_ms > 0 ? COLGEN_ROUND_MS / day_ms : COLGEN_WINDOW;
	guint len = (guint)MIN(days, COLGEN_WINDOW) / 7 * 7;
	return CLAMP(len, MIN(COLGEN_MIN_WINDOW, H), MIN(COLGEN_WINDOW, H));
}

/*
 * the first thread starts its search from the relaxation over whole lines; a long
 * horizon is re-planned a window of days at a time, window after window, because
 * pricing whole lines of many months is too slow to converge
 */
void
roster_search_run_colgen(Worker *w)
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
	gdouble day_ms = 0;	/* a pricing round's milliseconds per day of window */
	gboolean sized = FALSE; /* the first sweep is over: windows follow the instance */
	Split split = {-1, -1, 0, 0};
	gdouble own0, others0;

	/* the hotline's extra rules are not in the line DP: its lines would break them */
	if (w->index != 0 || m->hotline != NULL || w->time_limit <= 0)
		return;
	if (H <= COLGEN_WHOLE_DAYS) {
		colgen_window(w,
			      0,
			      H - 1,
			      start + (gint64)(w->time_limit * COLGEN_LP_SHARE * G_USEC_PER_SEC),
			      end,
			      NULL);
		return;
	}
	end = start + (gint64)(w->time_limit * COLGEN_WINDOWS_SHARE * G_USEC_PER_SEC);
	for (guint k = 0; !roster_search_should_stop(w); k++) {
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
		RosterColgenStats stats;
		/* a shifted sweep reaches the end one window early */
		if (k % n_windows > 0 && offset + (k % n_windows - 1) * step >= H - len)
			continue;
		if (sized && k % n_windows == 0 && shared->n_threads == 1) {
			split.anneal_rate = G_MAXDOUBLE;
			split.anneal_until = now + 1;
		}
		if (!split_anneal(w, &split, end))
			return;
		/* where the staff is short no window tried found a better roster than the
		 * annealing did meanwhile (README, "Session 23"): the first thread anneals.
		 * Known once the best roster is good enough to tell, after a window or two */
		if (roster_search_staff_short(shared)) {
			g_debug("windows: no more, the staff is short");
			break;
		}
		now = g_get_monotonic_time();
		/* a window cut short gains nothing: the local search has the rest */
		if (end - now < MAX(typical, budget / 4))
			break;
		budget = MIN(budget, end - now);
		/* each window starts from the best roster of all threads */
		if (cost_less(w->best_cost, w->st->cost))
			roster_search_adopt_shared_best(w);
		else
			roster_search_adopt_if_better(w);
		/* a window cannot mend lines that break a rule outside it */
		roster_search_repair(w);
		before = w->st->cost;
		read_gains(shared, w->index, &own0, &others0);
		/* windows too large to solve in their time (many people, many shift
		 * types) gain nothing either */
		stats.rounds = 0;
		if (colgen_window(w, first, last, now + budget / 2, now + budget, &stats))
			cut_short = 0;
		else if (++cut_short >= 2)
			break;
		if (stats.rounds > 0) {
			gdouble measured = stats.ms_per_round / len;
			day_ms = day_ms > 0 ? (day_ms + measured) / 2 : measured;
		}
		typical = (typical + g_get_monotonic_time() - now) / (typical > 0 ? 2 : 1);
		split_window_done(w, &split, now, own0, others0);
		if (scalar(w->st->cost) < scalar(before))
			idle = 0;
		else
			idle++;
		/* four weeks only make a quick start: after them (or as soon as their
		 * rounds are too slow) the windows take the length the measured rounds
		 * allow. When a whole sweep of windows gained nothing, the roster is as
		 * good as windows of this length make it: move resources (minutes,
		 * weekends) between parts of the horizon with windows twice as long */
		if (!sized && (k + 1 >= n_windows || sized_window(day_ms, H) < len)) {
			sized = TRUE;
			g_debug("windows of %u days: %.2f ms per day of window and round",
				sized_window(day_ms, H),
				day_ms);
			if (sized_window(day_ms, H) != len || k + 1 >= n_windows) {
				len = sized_window(day_ms, H);
				idle = 0;
				typical = 0;
				k = G_MAXUINT; /* the next window starts a sweep */
			}
		} else if (idle >= n_windows && len < H) {
			len = MIN(2 * len, H);
			idle = 0;
			typical = 0;
			k = G_MAXUINT;
		}
	}
}

/**
 * roster_search_raise_bound:
 * @shared: the solve
 * @bound: a proven lower bound on the objective
 *
 * Keeps @bound when it is higher than the solve's, and has it reported with the
 * best roster.
 */
void
roster_search_raise_bound(SolveShared *shared, gdouble bound)
{
	g_mutex_lock(&shared->lock);
	if (!shared->has_bound || bound > shared->bound) {
		shared->has_bound = TRUE;
		shared->bound = bound;
		/* the reporter hears of it with the (same) best roster */
		if (shared->has_best)
			shared->best_version++;
		roster_search_check_bound_locked(shared);
		g_cond_broadcast(&shared->cond);
	}
	g_mutex_unlock(&shared->lock);
}

/*
 * the first thread of a model without hotline extras proves what the staff's capacity
 * against the seats costs at least (roster-solver-bound-capacity.c): the only bound of
 * a horizon too long for the relaxation over whole lines, and a start for the others
 */
void
roster_search_run_capacity(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	gint64 begin = g_get_monotonic_time();
	gdouble bound;
	gdouble ratio;

	if (w->index != 0 || m->hotline != NULL || w->time_limit <= 0)
		return;
	ratio = roster_solver_minutes_ratio(m);
	if (ratio > 0 && ratio <= 1 + MINUTES_TIGHT_SLACK) {
		g_mutex_lock(&shared->lock);
		shared->minutes_tight = TRUE;
		g_mutex_unlock(&shared->lock);
	}
	g_debug("the staff's most minutes are %.3f times the seats'", ratio);
	bound = roster_solver_bound_capacity(
	    m,
	    begin + (gint64)(w->time_limit * CAPACITY_SHARE * G_USEC_PER_SEC));
	g_debug("capacity bound %.0f in %.3f s",
		bound,
		(gdouble)(g_get_monotonic_time() - begin) / G_USEC_PER_SEC);
	if (bound > 0) {
		g_mutex_lock(&shared->lock);
		shared->capacity = bound;
		g_mutex_unlock(&shared->lock);
		roster_search_raise_bound(shared, bound);
	}
}

/*
 * a hotline's first thread proves a lower bound before it searches (the column
 * generation start skips a hotline: its lines would break the extra rules): rounds of
 * Lagrangian pricing, aimed at the best roster so far, whose lines of the soft
 * fairness terms go through that roster's counts
 */
void
roster_search_run_bound(Worker *w)
{
	SolveShared *shared = w->shared;
	const RosterSolverModel *m = shared->m;
	RosterSolverBoundStats stats;
	gdouble share = shared->n_threads > 1 ? BOUND_SHARE : BOUND_SHARE_ALONE;
	RosterSolverBoundParams params = {
	    .deadline = shared->start_time + (gint64)(w->time_limit * share * G_USEC_PER_SEC),
	    .upper = colgen_best(w),
	    .incumbent = w->st->cells,
	    .best = colgen_best,
	    .stop = colgen_stop,
	    .user_data = w,
	};

	if (w->index != 0 || m->hotline == NULL || w->time_limit <= 0)
		return;
	if (!roster_solver_bound(m, &params, &stats)) {
		g_debug("no bound: %s",
			stats.abandoned	       ? "a round of pricing is too slow for the time"
			: stats.iterations > 0 ? "none above zero"
					       : "stopped in the first round");
		return;
	}
	roster_search_raise_bound(shared, stats.bound);
	g_debug("bound %.2f after %.2f s: %u rounds of %.1f ms, %.0f labels a round, %u lines "
		"relaxed, %u bounded day by day",
		stats.bound,
		roster_search_elapsed(shared),
		stats.iterations,
		stats.ms_per_round,
		(gdouble)stats.labels / MAX(stats.iterations, 1),
		stats.relaxed,
		stats.inexact);
}
