/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-colgen.h"
#include "roster-solver-lp.h"
#include "roster-solver-rng.h"

G_BEGIN_DECLS

/* the column generation's state and the stages that share it: the master and its
 * pricing (roster-solver-colgen.c), the dives (-dive.c) and the cover tree (-tree.c) */

/* DP prices are integers: duals are scaled and rounded, then the reduced cost of the
 * line found is computed again exactly */
#define PRICE_SCALE 1000.0

#define RC_EPSILON 1e-6

/* labels per key of the exact pricing (see roster-solver-line.c) */
#define EXACT_LABELS 16

/* an exact pricing round at the whole horizon's root once this many fast ones have
 * lowered the relaxation by less than TAIL_DROP of it, and more slowly a second than
 * the last exact round did: fast pricing misses the lines that move a master of many
 * shift types (four weeks of 120 people and 18 types: 20 fast rounds lowered it from 197.5
 * to 187.4, the exact round after them to 148.9), but where fast rounds lower it as
 * well (twelve weeks of 45 people and 6 types) an exact round costs three fast ones */
#define TAIL_ROUNDS 5
#define TAIL_DROP   0.01

/* the root's master keeps at most this many line columns a row, see purge_lines():
 * its simplex took 90 % of the time of the root on four weeks of 120 people and 18
 * types, 0.8 ms an iteration with 6,000 columns */
#define PURGE_FACTOR 3

/* the most pricing rounds after each fixing step of a dive */
#define DIVE_ROUNDS 30

/* a fixing step of a dive by assignments fixes every one the relaxation values at
 * least this much: fixing only whole ones and one more took hundreds of steps over
 * eight weeks of fifty people, each a relaxation and a round of pricing */
#define DIVE_FIX_VALUE 0.8

/* the cost of leaving a person without a line: keeps the master feasible while a
 * dive's fixings rule out every line a person has so far */
#define NO_LINE_COST 1e7

/* a cell no dive has fixed */
#define FIXED_NONE G_MININT16

/* an artificial column costs this many times the dearest cover slack */
#define ARTIFICIAL_FACTOR 100.0

/* the root's pricing prices at this share of the centre's multipliers (those of the
 * best Lagrangian bound so far, Wentges' smoothing, or before there is one those the
 * last round priced at, Neame's) and the rest of the duals': a degenerate master's
 * duals swing from round to round, and neither its relaxation nor its bound settles */
#define SMOOTHING 0.5

/* the most lines the branch and bound after the dive takes on */
#define MIP_MAX_LINES 20000

typedef struct {
	const RosterSolverModel *m;
	RosterLineDp *dp;
	RosterLp *lp;
	guint n_cells;	    /* (day of the window, shift type) pairs */
	guint n_slack;	    /* columns before the lines, see under_col() */
	guint *under_hi;    /* n_cells: the root bound of each under-cover slack */
	guint *extra_first; /* n_cells + 1: the cell's further pieces in extra_hi */
	guint *extra_hi;    /* the root bound of each further piece's column */
	GArray *owner;	    /* guint per line column: its person */
	GArray *lines;	    /* gint16, n_days per line column */
	gint *ind;	    /* 1-based row indexes of one column */
	gdouble *val;	    /* and its coefficients */
	gint *price;	    /* n_days * (n_types + 1) */
	gdouble *dual;	    /* 1-based, every row */
	gint16 *line;	    /* n_days */
	gint16 *relaxed;    /* n_days: the line of least_cost() */
	gint64 deadline;    /* of the current phase, monotonic µs */
	gint64 end;	    /* of everything: no relaxation is solved after it */
	gint *chosen;	    /* n_people: the line column a dive ended with, or -1 */
	gint16 *fixed;	    /* n_people * n_days: the value a dive fixed, or FIXED_NONE */
	GByteArray *alive;  /* per line column: still allowed by the fixings */
	GHashTable *known;  /* GBytes: person and window of every line column */
	gdouble *y;	    /* n_people * window * (n_types + 1): assignment values */
	guint first;	    /* the window of days re-planned; the others keep the seed */
	guint last;
	const gint16 *seed;    /* nullable when the window is the whole horizon */
	guint exact_labels;    /* labels per key of exact pricing, 1 when it is off */
	guint64 rng;	       /* picks the lines later dives fix */
	gdouble cutoff;	       /* a dive whose relaxation reaches this cannot win */
	gint64 exact_round_us; /* how long the last exact round took */
	gint64 bound_us;       /* and of it least_cost() */
	gboolean round_exact;  /* every DP of the last pricing round was exact */
	gdouble artificial_cost;
	guint max_req;		/* the largest requirement of the window's cells (cover_pieces()) */
	gboolean may_purge;	/* the root's pricing: no dive holds a line's index */
	guint max_lines;	/* see RosterColgenParams, 0 for PURGE_FACTOR a row */
	guint purged;		/* line columns purge_lines() dropped */
	guint exact_rounds;	/* pricing rounds at the root that were exact */
	guint least_costs;	/* people's lines sought again for a bound (least_cost()) */
	gint price_limit;	/* the largest price the DP sums without overflowing */
	gdouble lagrange;	/* the best Lagrangian bound of the root's rounds, or
				   -G_MAXDOUBLE; see price_round() */
	gdouble *centre;	/* 1-based: the cover rows' multipliers of that bound, or
				   before one those the last round priced at */
	gdouble *smoothed;	/* 1-based: those a smoothed round prices at */
	const gdouble *pricing; /* the multipliers set_prices() takes: dual or smoothed */
	gboolean has_centre;
	gboolean centre_bound; /* the centre is that of the best bound */
	gboolean mispriced;    /* the last smoothed round found no line: price at the duals */
	guint smoothed_rounds;
} Colgen;

typedef enum {
	PRICE_FAILED,  /* the relaxation could not be solved */
	PRICE_STOPPED, /* out of rounds or of time, lines may still be missing */
	PRICE_OPTIMAL, /* no line with a negative reduced cost is left */
} PriceOutcome;

/* what the dives and the cover tree have found so far */
typedef struct {
	const RosterColgenParams *params;
	RosterColgenStats *stats;
	gint *chosen;  /* the best roster's line columns */
	gint16 *cells; /* and its cells */
	gdouble cost;  /* G_MAXDOUBLE before the first */
	gdouble bound; /* the relaxation's at the root, rounded up */
	guint n_dives; /* started, root and tree alike: counts towards max_dives */
} Best;

static inline gboolean
stopped(Colgen *self, const RosterColgenParams *params)
{
	return params->stop(params->user_data) || g_get_monotonic_time() >= self->deadline;
}

/*
 * the columns before the lines: per (day of the window, type) i an under-cover slack
 * 2i + 1 and an over-cover one 2i + 2; one "no line" column per person; then per i
 * two artificial columns (+1 and -1) that keep the master feasible when a branch on
 * the cover asks for more or less than the lines so far can give
 */
static inline gint
under_col(guint i)
{
	return (gint)(2 * i + 1);
}

/*
 * after the artificial columns: the further pieces of the cells whose under-cover
 * penalty is convex (roster_solver_model_cover_piece()), the k-th of them in the
 * list of every cell's pieces; the first piece is the cell's under-cover slack, and
 * a cell with one piece (every cell of the benchmark) has none here
 */
static inline gint
extra_col(const Colgen *self, guint k)
{
	return (gint)(4 * self->n_cells + self->m->n_people + k + 1);
}

static inline gint
no_line_col(const Colgen *self, guint p)
{
	return (gint)(2 * self->n_cells + p + 1);
}

static inline gint
artificial_col(const Colgen *self, guint i)
{
	return (gint)(2 * self->n_cells + self->m->n_people + 2 * i + 1);
}

static inline gint
line_col(const Colgen *self, guint c)
{
	return (gint)(self->n_slack + c + 1);
}

static inline guint64
rng_next(Colgen *self)
{
	return roster_solver_rng_next(&self->rng);
}

void
roster_colgen_root_slack_bounds(Colgen *self, guint i);
gboolean
roster_colgen_add_line(Colgen *self, guint p, const gint16 *line);
void
roster_colgen_build_master(Colgen *self);
gboolean
roster_colgen_solve_relaxation(Colgen *self, gboolean dual);
PriceOutcome
roster_colgen_price_rounds(Colgen *self,
			   guint max_rounds,
			   gboolean diving,
			   const RosterColgenParams *params,
			   guint *rounds);
gboolean
roster_colgen_dive(Colgen *self,
		   gboolean by_lines,
		   gboolean randomise,
		   const RosterColgenParams *params,
		   guint *rounds);
void
roster_colgen_allow_no_line(Colgen *self, gboolean allow);
gdouble
roster_colgen_roster_values(Colgen *self, const gint *chosen, gdouble *x);
void
roster_colgen_update_cutoff(Colgen *self, Best *best);
gboolean
roster_colgen_dive_once(Colgen *self, Best *best, gboolean by_lines, gboolean randomise);
gboolean
roster_colgen_improve_integer(Colgen *self, const gint *chosen, gdouble cost, gint16 *cells);
gdouble
roster_colgen_dives(Colgen *self,
		    const RosterColgenParams *params,
		    gint *best_chosen,
		    gint16 *cells,
		    RosterColgenStats *stats);

G_END_DECLS
