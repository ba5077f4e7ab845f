/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-line.h"
#include "roster-solver-rng.h"
#include "roster-solver-search.h"
#include "roster-solver-state.h"

G_BEGIN_DECLS

/* the search's threads and what they share: the loop and the threads
 * (roster-solver-search.c), the moves (-moves.c) and the column generation start
 * (-colgen.c) */

/* one unit of hard violation outweighs any soft gain a single move can make */
#define HARD_WEIGHT 100000

/* the most people a ruin-and-recreate move re-plans at once */
#define RUIN_MAX 4

/* the parts of the time limit by which the first thread ends pricing the relaxation
 * and ends its dive; the rest it spends in the local search */
#define COLGEN_LP_SHARE 0.35
#define COLGEN_SHARE	0.8

/* horizons longer than this are re-planned in windows of days, overlapping by half:
 * a sweep of four weeks for a quick start, then windows sized from the instance: as
 * many weeks (at least two, at most eight) as keep one pricing round near
 * COLGEN_ROUND_MS, by the time per day of window the rounds so far took (many people
 * and many shift types make a round slow, and a window whose relaxation does not
 * converge gains nothing); longer once those stop gaining. A window of eight weeks
 * gets at most this many seconds, a shorter one its share; windows go on until this
 * part of the time limit */
#define COLGEN_WHOLE_DAYS    84
#define COLGEN_FIRST_WINDOW  28
#define COLGEN_MIN_WINDOW    14
#define COLGEN_WINDOW	     56
#define COLGEN_ROUND_MS	     250.0
#define COLGEN_WINDOW_SECS   8
#define COLGEN_WINDOWS_SHARE 0.95
/* a window that gains less than annealing is tried again after annealing for this
 * many times its time (roster-solver-search-colgen.c) */
#define COLGEN_RETRY 4

/* the hotline's first thread proves a bound (roster-solver-bound.c) until this part
 * of the time limit, then searches: rounds of pricing after the first raise the bound
 * less and less. With other threads searching, the first one's search adds little to
 * the best roster while the bound still rises (city month, 60 s, 2 threads: a share of
 * 0.2 left a 13.3 % gap, 0.5 a 5.4 % gap, 0.8 a 2.3 % gap, the roster's objective the
 * same within 0.2 %); a thread alone keeps most of its time for the search */
#define BOUND_SHARE	  0.8
#define BOUND_SHARE_ALONE 0.2

/* the most of the time the bound from the staff's capacity may take */
#define CAPACITY_SHARE 0.05

/* the annealing turns down moves of equal cost that spend more minutes where the
 * seats no roster can fill are at least this share of the best roster's cost (on
 * Instance20, where they are 14 %, the rule made three seeds of three worse) */
#define SPARE_MINUTES_SHARE 0.5

/* the staff counts as short too where the most minutes it may work exceed the seats'
 * minutes by at most this share: every minute spent on a longer shift or an extra
 * seat leaves a seat empty (the tight generated instances: 0.3 to 0.5 %; Instance20
 * 18 %, where the rule made three seeds of three worse) */
#define MINUTES_TIGHT_SLACK 0.01

/* where the staff is short (as above) the large moves of the annealing are all line
 * moves, this many times as often: a line's DP re-spends its person's minutes on the
 * seats that pay most, exactly, where ruin and recreate hands the seats to the first
 * person re-planned and the small moves only trade minutes a seat at a time
 * (README, "Session 23") */
#define STAFF_SHORT_LINE_MOVES 4

/* of ten line moves of the annealing, this many are aimed at a seat that wants
 * somebody while one does (roster_search_move_to_seat(); README "Session 27") */
#define SEAT_LINE_MOVES 9

/* when the DPs of everybody's whole line may hold more labels than this (a few
 * seconds' work), lines are first planned two weeks at a time: DPs over many months
 * of minutes and weekends cost too much time and memory */
#define CONSTRUCT_WHOLE_WORK 800000000
#define CONSTRUCT_CHUNK_DAYS 14
/* the other threads plan a week at a time: about twice as fast, a worse start that
 * the repair makes feasible sooner (on 150 people, 32 types and a year: the first
 * feasible roster at 8.8 s instead of 12.6 s, one thread on a shared machine) */
#define CONSTRUCT_QUICK_CHUNK_DAYS 7

/* feasible first: a thread whose roster breaks a hard rule this many seconds after
 * its last repair repairs it again (roster-solver-search-repair.c); the repair of
 * one person re-plans windows of this many days, overlapping by half, then twice as
 * long up to REPAIR_LONGEST days, when the DP of the whole line would hold more labels
 * than REPAIR_WHOLE_WORK */
#define REPAIR_PERIOD_SECS 2.0
#define REPAIR_WINDOW	   28
#define REPAIR_LONGEST	   112
#define REPAIR_WHOLE_WORK  2000000

/* the annealing (roster_search_anneal_cycle()) cools in cycles from a start
 * temperature to CYCLE_T_END, each of a few seconds, or of a number of moves when the
 * solve is bounded by moves alone, then restarts from the best roster of all threads.
 * Each thread chooses each cycle's start, CYCLE_T_COOL or CYCLE_T_HOT, by what its
 * cycles from each lately gained: while the search still descends, a hot start undoes
 * more of the best roster than a cycle mends (the generated half-years and years, the
 * four weeks of 120 people); once it has stalled in a local optimum, only a hot start
 * leaves it (the shared instances, the city month); README "Solver benchmark". One
 * cycle in CYCLE_EXPLORE takes a start at random, so that neither figure goes stale */
#define CYCLE_T_COOL   0.5
#define CYCLE_T_HOT    3.0
#define CYCLE_N_STARTS 2
#define CYCLE_EXPLORE  4
#define CYCLE_T_END    0.05
#define CYCLE_SECS     3.0
#define CYCLE_MOVES    400000

/* a cycle of CYCLE_SECS gives a roster of 27,300 cells (150 people, half a year) about
 * 200 moves a cell, too few to mend what its start undid: a cycle lasts a second for
 * every CYCLE_CELLS_A_SECOND cells, from CYCLE_SECS to CYCLE_SECS_LONGEST, and at most a
 * sixth of the time limit (README "Session 21") */
#define CYCLE_CELLS_A_SECOND 3000.0
#define CYCLE_SECS_LONGEST   10.0

/*
 * after a whole horizon's dive cut short by its deadline (roster-solver-search-hold.c),
 * the first thread anneals the dive's roster rather than the best of all threads: its
 * first cycle keeps every cell the dive fixed, the next frees the days within
 * HOLD_DAYS of each (day, type) whose cover the roster misses or overfills, then
 * every cell, and its own roster is annealed for as long as a cycle lowers it
 */
typedef enum {
	HOLD_NONE,
	HOLD_FIXINGS,
	HOLD_AROUND_COVER,
	HOLD_OWN,
} HoldStage;
#define HOLD_DAYS 2

/* the most threads a solve runs */
#define ROSTER_SEARCH_MAX_THREADS 64

/* how often a thread looks at the clock and the shared state */
#define CHECK_PERIOD 256

/* how far from a swapped day its swap back may be (roster-solver-search-moves.c) */
#define SWAP_BACK_DAYS 14

/* small moves in 100 that are a one-day swap aimed at a request, the draws of a
 * person and a day that look for one whose request is not met, and the most people
 * looked at (from a random one on) for one who holds what they asked for */
#define AIMED_SWAPS	      10
#define AIMED_SWAP_TRIES      4
#define AIMED_SWAP_SCAN	      256
#define ROSTER_SEARCH_NO_WISH (-2)

/* the most people and days a dealing of a few days' shifts by an assignment problem
 * takes (roster-solver-search-assign.c), and the moves of the annealing from one
 * dealing to the next (a dealing of 48 people costs a few thousand small moves) */
#define ASSIGN_GROUP	48
#define ASSIGN_MAX_DAYS 4
#define ASSIGN_PERIOD	5000

typedef struct {
	const RosterSolverModel *m;
	const RosterSolverOptions *opts;
	gint64 start_time;
	GMutex lock;
	GCond cond;
	gint16 *best_cells;
	/* n_people × n_days: the value each person asked for on each day, or
	 * ROSTER_SEARCH_NO_WISH (roster_search_wishes()) */
	gint16 *wish;
	RosterCost best_cost;
	gboolean has_best;
	guint64 best_version;
	gdouble best_time;
	gint stop;
	gint optimal; /* a roster of the relaxation's cost was found: none is better */
	gboolean has_bound;
	gdouble bound; /* no roster that keeps the hard rules costs less (under lock) */
	/* what the seats the staff cannot cover cost at least (the capacity bound; under
	 * lock) */
	gdouble capacity;
	/* the staff's most minutes are within MINUTES_TIGHT_SLACK of the seats' (under
	 * lock) */
	gboolean minutes_tight;
	guint n_running;
	guint n_threads;
	/* per thread: how far its rosters lowered the best objective without a broken
	 * hard rule (under lock) */
	gdouble gain[ROSTER_SEARCH_MAX_THREADS];
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
	/* seconds of one annealing cycle */
	gdouble cycle_secs;
	/* this cycle turns down moves of equal cost that spend more minutes */
	gboolean spare_minutes;
	guint verify_every;
	guint dp_period;
	guint assign_group; /* the most people a dealing deals among: ASSIGN_GROUP */
	/* what a cycle from each start temperature gained lately; -1 before the first */
	gdouble start_gain[CYCLE_N_STARTS];
	gdouble last_repair;	    /* when the search last repaired its roster, s */
	gboolean repair_by_windows; /* for the tests: windows even for short lines */
	guint repair_dps;	    /* DPs the repairs have solved */
	GThread *thread;
	/* while the thread anneals its own roster after a dive cut short, see
	 * roster-solver-search-hold.c: the cells its moves keep (NULL when none), the
	 * indexes of the others, and the stage */
	guint8 *held;
	guint *free_cells;
	guint n_free;
	HoldStage hold;
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

static inline guint64
rng_next(Worker *w)
{
	return roster_solver_rng_next(&w->rng);
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

gdouble
roster_search_elapsed(SolveShared *shared);
void
roster_search_apply_move(Worker *w, const RosterMove *move, RosterCost delta);
void
roster_search_publish(Worker *w);
void
roster_search_note_best(Worker *w);
void
roster_search_adopt_shared_best(Worker *w);
void
roster_search_adopt_if_better(Worker *w);
gboolean
roster_search_should_stop(Worker *w);
gdouble
roster_search_cycle_secs(gsize n_cells, gdouble time_limit);
guint
roster_search_choose_start(Worker *w);
guint
roster_search_large_period(const Worker *w);
gboolean
roster_search_is_ruin(const Worker *w, guint r);
void
roster_search_note_start_gain(Worker *w, guint start, RosterCost before);
void
roster_search_build_prices(Worker *w, guint p, gint noise);
void
roster_search_pick_window(Worker *w, guint *first, guint *last);
gboolean
roster_search_move_line(Worker *w,
			guint p,
			guint first,
			guint last,
			gint noise,
			gdouble temperature,
			gboolean force);
gboolean
roster_search_construct(Worker *w);
gboolean
roster_search_move_to_seat(Worker *w, gdouble temperature);
gboolean
roster_search_move_assign(Worker *w, gdouble temperature);
void
roster_search_cheapest_assignment(const gint64 *a, guint n, guint *col_of);
guint
roster_search_dealings_roster(const RosterSolverModel *model,
			      RosterSolverRoster *roster,
			      guint n_draws,
			      guint group,
			      guint64 seed);
void
roster_search_move_ruin(Worker *w, guint k, gdouble temperature);
gboolean
roster_search_pick_small_move(Worker *w, RosterMove *move);
gboolean
roster_search_anneal_cycle(Worker *w);
void
roster_search_run_colgen(Worker *w);
void
roster_search_run_bound(Worker *w);
void
roster_search_run_capacity(Worker *w);
void
roster_search_check_bound_locked(SolveShared *shared);
gboolean
roster_search_staff_short(SolveShared *shared);
gint64
roster_search_move_minutes(const RosterSolverModel *m, const gint16 *cells, const RosterMove *move);
void
roster_search_raise_bound(SolveShared *shared, gdouble bound);
guint
roster_search_repair(Worker *w);
void
roster_search_hold(Worker *w, const guint8 *fixings);
gboolean
roster_search_hold_next(Worker *w, RosterCost cycle_from);
void
roster_search_hold_free(Worker *w);
static inline gboolean
roster_search_is_held(const Worker *w, guint p, guint d)
{
	return w->held != NULL && w->held[(gsize)p * w->shared->m->n_days + d];
}
gboolean
roster_search_held_block(const Worker *w, guint p, guint first, guint len);
gboolean
roster_search_draw_free(Worker *w, guint *p, guint *d);
guint
roster_search_repair_roster(const RosterSolverModel *model,
			    RosterSolverRoster *roster,
			    gboolean by_windows,
			    guint *n_dps);
guint
roster_search_seat_roster(const RosterSolverModel *model,
			  RosterSolverRoster *roster,
			  guint n_moves);
gint16 *
roster_search_wishes(const RosterSolverModel *m);
guint
roster_search_swap_draws(Worker *w, guint n_draws, gboolean aimed);
guint
roster_search_swaps_roster(const RosterSolverModel *model,
			   RosterSolverRoster *roster,
			   guint n_draws,
			   gboolean aimed);
guint
roster_search_hold_roster(const RosterSolverModel *model,
			  RosterSolverRoster *roster,
			  const guint8 *fixings,
			  guint n_cycles,
			  guint8 *held);

G_END_DECLS
