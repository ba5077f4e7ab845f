/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glpk.h>
#include <math.h>
#include <string.h>

#include "roster-solver-colgen.h"

/*
 * column generation over whole lines: the master picks one line per person and pays
 * the cover penalties through slack columns; its duals price each (day, shift type)
 * for the line DP, which returns the person's line with the most negative reduced
 * cost. When no such line is left the relaxation is optimal, and an integer master
 * over the generated lines (GLPK's branch and cut, under a deadline) picks the roster.
 * The relaxation of this master is tight on rostering problems, which is why branch
 * and price solves the small instances exactly; here it gives the local search a
 * start that already has the right global shape.
 */

/* DP prices are integers: duals are scaled and rounded, then the reduced cost of the
 * line found is computed again exactly */
#define PRICE_SCALE 1000.0

#define RC_EPSILON 1e-6

/* labels per key of the exact pricing (see roster-solver-line.c) */
#define EXACT_LABELS 16

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

/* the most lines the branch and bound after the dive takes on */
#define MIP_MAX_LINES 20000

typedef struct {
	const RosterSolverModel *m;
	RosterLineDp *dp;
	glp_prob *lp;
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
	gboolean round_exact;  /* every DP of the last pricing round was exact */
	gdouble artificial_cost;
	gint price_limit; /* the largest price the DP sums without overflowing */
} Colgen;

static gint
remaining_ms(gint64 deadline)
{
	gint64 left = (deadline - g_get_monotonic_time()) / 1000;
	return (gint)CLAMP(left, 1, G_MAXINT32);
}

static gboolean
stopped(Colgen *self, const RosterColgenParams *params)
{
	return params->stop(params->user_data) || g_get_monotonic_time() >= self->deadline;
}

/* rows: one per person, then one per (day of the window, shift type) */
static gint
cover_row(const Colgen *self, guint d, guint s)
{
	const RosterSolverModel *m = self->m;
	return (gint)(m->n_people + (d - self->first) * m->n_types + s + 1);
}

/*
 * the columns before the lines: per (day of the window, type) i an under-cover slack
 * 2i + 1 and an over-cover one 2i + 2; one "no line" column per person; then per i
 * two artificial columns (+1 and -1) that keep the master feasible when a branch on
 * the cover asks for more or less than the lines so far can give
 */
static gint
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
static gint
extra_col(const Colgen *self, guint k)
{
	return (gint)(4 * self->n_cells + self->m->n_people + k + 1);
}

static gint
no_line_col(const Colgen *self, guint p)
{
	return (gint)(2 * self->n_cells + p + 1);
}

static gint
artificial_col(const Colgen *self, guint i)
{
	return (gint)(2 * self->n_cells + self->m->n_people + 2 * i + 1);
}

static void
set_col_bounds(glp_prob *lp, gint j, gdouble lo, gdouble hi)
{
	if (hi >= G_MAXDOUBLE)
		glp_set_col_bnds(lp, j, GLP_LO, lo, 0);
	else if (hi > lo)
		glp_set_col_bnds(lp, j, GLP_DB, lo, hi);
	else
		glp_set_col_bnds(lp, j, GLP_FX, lo, lo);
}

/* the bounds of the cover slacks of (day of the window, type) i at the root */
static void
root_slack_bounds(Colgen *self, guint i)
{
	set_col_bounds(self->lp, under_col(i), 0, self->under_hi[i]);
	set_col_bounds(self->lp, under_col(i) + 1, 0, G_MAXDOUBLE);
	for (guint k = self->extra_first[i]; k < self->extra_first[i + 1]; k++)
		set_col_bounds(self->lp, extra_col(self, k), 0, self->extra_hi[k]);
}

/*
 * the pieces of the under-cover penalty of (day, type) idx: runs of missing seats
 * of one cost, cheapest first; returns how many, with their sizes and costs
 */
static guint
cover_pieces(const RosterSolverModel *m, guint idx, guint *size, gdouble *cost)
{
	guint req = m->cover_req[idx];
	guint n = 0;

	if (!roster_solver_model_cover_shaped(m, idx)) {
		size[0] = req;
		cost[0] = m->cover_under[idx];
		return 1;
	}
	for (guint j = 1; j <= req; j++) {
		gdouble c = (gdouble)roster_solver_model_cover_piece(m, idx, j);
		if (n > 0 && cost[n - 1] == c) {
			size[n - 1]++;
			continue;
		}
		size[n] = 1;
		cost[n++] = c;
	}
	if (n == 0) {
		size[0] = 0;
		cost[0] = m->cover_under[idx];
		n = 1;
	}
	return n;
}

static gdouble
line_cost(const Colgen *self, guint p, const gint16 *line)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	gdouble cost = 0;
	for (guint d = self->first; d <= self->last; d++)
		cost += m->unary[((gsize)p * H + d) * (T + 1) + (guint)(line[d] + 1)];
	return cost;
}

/*
 * adds a line column unless the person has it already (with duals as large as an
 * artificial column's, the simplex's tolerance can leave a column in the master
 * with a slightly negative reduced cost, and pricing would find it again and again)
 */
static gboolean
add_line(Colgen *self, guint p, const gint16 *line)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint W = self->last - self->first + 1;
	gint len = 1;
	gint j;
	gint16 *key = g_new(gint16, W + 2);

	key[0] = (gint16)(p & 0xffff);
	key[1] = (gint16)(p >> 16);
	memcpy(key + 2, line + self->first, sizeof(gint16) * W);
	if (!g_hash_table_add(self->known, g_bytes_new_take(key, sizeof(gint16) * (W + 2))))
		return FALSE;
	j = glp_add_cols(self->lp, 1);

	self->ind[1] = (gint)p + 1;
	self->val[1] = 1;
	for (guint d = self->first; d <= self->last; d++) {
		if (line[d] < 0)
			continue;
		len++;
		self->ind[len] = cover_row(self, d, (guint)line[d]);
		self->val[len] = 1;
	}
	glp_set_mat_col(self->lp, j, len, self->ind, self->val);
	glp_set_col_bnds(self->lp, j, GLP_LO, 0, 0);
	glp_set_obj_coef(self->lp, j, line_cost(self, p, line));
	g_array_append_val(self->owner, p);
	g_array_append_vals(self->lines, line, H);
	{
		guint8 one = 1;
		g_byte_array_append(self->alive, &one, 1);
	}
	return TRUE;
}

static void
build_master(Colgen *self)
{
	const RosterSolverModel *m = self->m;
	guint T = m->n_types;
	guint P = m->n_people;
	guint W = self->last - self->first + 1;
	gint first;

	guint max_req = 1;
	g_autofree guint *size = NULL;
	g_autofree gdouble *cost = NULL;
	guint n_extra = 0;

	self->artificial_cost = 1;
	self->n_cells = W * T;
	self->under_hi = g_new0(guint, self->n_cells);
	self->extra_first = g_new0(guint, self->n_cells + 1);
	for (guint d = self->first; d <= self->last; d++) {
		for (guint s = 0; s < T; s++)
			max_req = MAX(max_req, m->cover_req[d * T + s]);
	}
	size = g_new0(guint, max_req + 1);
	cost = g_new0(gdouble, max_req + 1);
	for (guint i = 0; i < self->n_cells; i++) {
		guint idx = self->first * T + i;
		guint n = cover_pieces(m, idx, size, cost);
		self->under_hi[i] = size[0];
		self->extra_first[i] = n_extra;
		n_extra += n - 1;
		self->artificial_cost =
		    MAX(self->artificial_cost,
			ARTIFICIAL_FACTOR * MAX(cost[n - 1], (gdouble)m->cover_over[idx]));
	}
	self->extra_first[self->n_cells] = n_extra;
	self->extra_hi = g_new0(guint, n_extra + 1);
	self->price_limit = (gint)(G_MAXINT32 / 4 / (self->last - self->first + 2));
	self->lp = glp_create_prob();
	glp_set_obj_dir(self->lp, GLP_MIN);
	glp_add_rows(self->lp, (gint)(P + W * T));
	for (guint p = 0; p < P; p++)
		glp_set_row_bnds(self->lp, (gint)p + 1, GLP_FX, 1, 1);
	/* per (day, type): lines + under - over = requirement */
	self->n_slack = 4 * W * T + P + n_extra;
	first = glp_add_cols(self->lp, (gint)self->n_slack);
	g_assert(first == 1);
	for (guint p = 0; p < P; p++) {
		gint j = no_line_col(self, p);
		gint ind[2] = {0, (gint)p + 1};
		gdouble one[2] = {0, 1};
		glp_set_mat_col(self->lp, j, 1, ind, one);
		glp_set_col_bnds(self->lp, j, GLP_FX, 0, 0);
		glp_set_obj_coef(self->lp, j, NO_LINE_COST);
	}
	for (guint d = self->first; d <= self->last; d++) {
		for (guint s = 0; s < T; s++) {
			guint idx = d * T + s;
			gint row = cover_row(self, d, s);
			guint i = (guint)(row - (gint)P - 1);
			gint under = under_col(i);
			gdouble req = m->cover_req[idx];
			gint ind[2] = {0, row};
			gdouble plus[2] = {0, 1};
			gdouble minus[2] = {0, -1};

			guint n = cover_pieces(m, idx, size, cost);

			glp_set_row_bnds(self->lp, row, GLP_FX, req, req);
			glp_set_mat_col(self->lp, under, 1, ind, plus);
			glp_set_obj_coef(self->lp, under, cost[0]);
			for (guint k = 1; k < n; k++) {
				guint e = self->extra_first[i] + k - 1;
				self->extra_hi[e] = size[k];
				glp_set_mat_col(self->lp, extra_col(self, e), 1, ind, plus);
				glp_set_obj_coef(self->lp, extra_col(self, e), cost[k]);
			}
			glp_set_mat_col(self->lp, under + 1, 1, ind, minus);
			root_slack_bounds(self, i);
			glp_set_obj_coef(self->lp, under + 1, m->cover_over[idx]);
			for (guint k = 0; k < 2; k++) {
				gdouble sign[2] = {0, k == 0 ? 1 : -1};
				gint j = artificial_col(self, i) + (gint)k;
				glp_set_mat_col(self->lp, j, 1, ind, sign);
				glp_set_col_bnds(self->lp, j, GLP_FX, 0, 0);
				glp_set_obj_coef(self->lp, j, self->artificial_cost);
			}
		}
	}
}

static gboolean
solve_relaxation(Colgen *self, gboolean dual)
{
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	/* after fixing lines the old basis stays dual feasible */
	if (dual)
		parm.meth = GLP_DUALP;
	parm.tm_lim = remaining_ms(self->end);
	if (glp_simplex(self->lp, &parm) != 0)
		return FALSE;
	return glp_get_status(self->lp) == GLP_OPT;
}

/* one pricing round: TRUE when some person got a line with a negative reduced cost */
static gboolean
price_round(Colgen *self, const RosterColgenParams *params, gboolean *complete)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint P = m->n_people;
	guint n_rows = P + (self->last - self->first + 1) * T;
	gboolean added = FALSE;

	*complete = FALSE;
	self->round_exact = TRUE;
	for (guint i = 1; i <= n_rows; i++)
		self->dual[i] = glp_get_row_dual(self->lp, (gint)i);
	for (guint p = 0; p < P; p++) {
		gint64 dp_cost = 0;
		gdouble rc;
		gboolean found;
		gboolean clamped = FALSE;
		if (self->chosen[p] >= 0)
			continue;
		if (stopped(self, params))
			return added;
		for (guint d = self->first; d <= self->last; d++) {
			const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
			gint *pr = self->price + (gsize)d * (T + 1);
			pr[0] = (gint)lround(PRICE_SCALE * un[0]);
			for (guint s = 0; s < T; s++) {
				gdouble mu = self->dual[cover_row(self, d, s)];
				gdouble price = PRICE_SCALE * (un[s + 1] - mu);
				/* only an artificial column's dual comes near: the DP
				 * is no longer exact then */
				if (fabs(price) > self->price_limit) {
					price = CLAMP(price, -self->price_limit, self->price_limit);
					clamped = TRUE;
				}
				pr[s + 1] = (gint)lround(price);
			}
			if (self->fixed[(gsize)p * H + d] != FIXED_NONE) {
				for (guint v = 0; v <= T; v++) {
					if ((gint)v - 1 != self->fixed[(gsize)p * H + d])
						pr[v] = ROSTER_LINE_FORBIDDEN;
				}
			}
		}
		if (self->seed != NULL)
			memcpy(self->line, self->seed + (gsize)p * H, sizeof(gint16) * H);
		found = roster_line_dp_solve_window(self->dp,
						    p,
						    self->line,
						    self->first,
						    self->last,
						    self->price,
						    self->line,
						    &dp_cost);
		self->round_exact &= roster_line_dp_was_exact(self->dp) && !clamped;
		if (!found)
			continue;
		rc = line_cost(self, p, self->line) - self->dual[p + 1];
		for (guint d = self->first; d <= self->last; d++) {
			if (self->line[d] >= 0)
				rc -= self->dual[cover_row(self, d, (guint)self->line[d])];
		}
		if (rc < -RC_EPSILON && add_line(self, p, self->line))
			added = TRUE;
	}
	*complete = TRUE;
	return added;
}

typedef enum {
	PRICE_FAILED,  /* the relaxation could not be solved */
	PRICE_STOPPED, /* out of rounds or of time, lines may still be missing */
	PRICE_OPTIMAL, /* no line with a negative reduced cost is left */
} PriceOutcome;

/*
 * up to @max_rounds of solving the relaxation and pricing every free person. At the
 * root, fast pricing (the cheapest label per key) while it finds lines, then an exact
 * round to prove that none is left; while @diving, exact pricing throughout (when it
 * is on), because lines that fast pricing misses lead the dive astray. The relaxation
 * is solved again at the end so that it covers the last lines added.
 */
static PriceOutcome
price_rounds(Colgen *self,
	     guint max_rounds,
	     gboolean diving,
	     const RosterColgenParams *params,
	     guint *rounds)
{
	for (guint r = 0; r < max_rounds; r++) {
		gboolean complete = FALSE;
		gboolean added;
		if (stopped(self, params))
			break;
		if (!solve_relaxation(self, diving && r == 0))
			return PRICE_FAILED;
		(*rounds)++;
		roster_line_dp_set_labels_per_key(self->dp, diving ? self->exact_labels : 1);
		added = price_round(self, params, &complete);
		if (complete && !added && !diving && self->exact_labels > 1) {
			gint64 begin = g_get_monotonic_time();
			roster_line_dp_set_labels_per_key(self->dp, self->exact_labels);
			added = price_round(self, params, &complete);
			self->exact_round_us = MAX(g_get_monotonic_time() - begin, 1);
		}
		if (complete && !added)
			return PRICE_OPTIMAL;
	}
	if (!solve_relaxation(self, FALSE))
		return PRICE_FAILED;
	return PRICE_STOPPED;
}

static gint
line_col(const Colgen *self, guint c)
{
	return (gint)(self->n_slack + c + 1);
}

/* the alive column of the line each person has the most of in the relaxation */
static void
pick_lines(Colgen *self, gint16 *cells)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	g_autofree gdouble *best = g_new(gdouble, m->n_people);

	for (guint p = 0; p < m->n_people; p++)
		best[p] = -1;
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		gdouble x = glp_get_col_prim(self->lp, line_col(self, c));
		if (!self->alive->data[c])
			continue;
		if (x > best[p]) {
			best[p] = x;
			memcpy(cells + (gsize)p * H,
			       &g_array_index(self->lines, gint16, (gsize)c * H),
			       sizeof(gint16) * H);
		}
	}
}

/* xorshift64*, as in the search */
static guint64
rng_next(Colgen *self)
{
	self->rng ^= self->rng >> 12;
	self->rng ^= self->rng << 25;
	self->rng ^= self->rng >> 27;
	return self->rng * G_GUINT64_CONSTANT(2685821657736338717);
}

/*
 * the values of the assignments (person, day, value) in the relaxation; TRUE when
 * it is integral: every person has one line, none is left without
 */
static gboolean
assignment_values(Colgen *self)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint W = self->last - self->first + 1;
	gboolean integral = TRUE;

	memset(self->y, 0, sizeof(gdouble) * m->n_people * W * (T + 1));
	for (guint p = 0; p < m->n_people; p++) {
		if (glp_get_col_prim(self->lp, no_line_col(self, p)) > RC_EPSILON)
			integral = FALSE;
	}
	for (guint i = 0; i < 2 * self->n_cells; i++) {
		if (glp_get_col_prim(self->lp, artificial_col(self, 0) + (gint)i) > RC_EPSILON)
			integral = FALSE;
	}
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		const gint16 *line = &g_array_index(self->lines, gint16, (gsize)c * H);
		gdouble x;
		if (!self->alive->data[c])
			continue;
		x = glp_get_col_prim(self->lp, line_col(self, c));
		if (x <= RC_EPSILON)
			continue;
		if (x < 1 - RC_EPSILON)
			integral = FALSE;
		for (guint d = self->first; d <= self->last; d++)
			self->y[((gsize)p * W + d - self->first) * (T + 1) +
				(guint)(line[d] + 1)] += x;
	}
	return integral;
}

/* the lines the relaxation uses, one per person, as the dive's end */
static void
take_integral(Colgen *self)
{
	for (guint c = 0; c < self->owner->len; c++) {
		if (self->alive->data[c] &&
		    glp_get_col_prim(self->lp, line_col(self, c)) > 1 - RC_EPSILON)
			self->chosen[g_array_index(self->owner, guint, c)] = (gint)c;
	}
}

/* rules out every line that breaks a fixing */
static void
kill_lines(Colgen *self)
{
	guint H = self->m->n_days;
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		const gint16 *line = &g_array_index(self->lines, gint16, (gsize)c * H);
		const gint16 *fixed = self->fixed + (gsize)p * H;
		if (!self->alive->data[c])
			continue;
		for (guint d = self->first; d <= self->last; d++) {
			if (fixed[d] != FIXED_NONE && fixed[d] != line[d]) {
				self->alive->data[c] = 0;
				glp_set_col_bnds(self->lp, line_col(self, c), GLP_FX, 0, 0);
				break;
			}
		}
	}
}

/*
 * the fractional candidates of a fixing step: the next one fixed is the largest, or in
 * a randomised dive one drawn with odds growing with the square of its value
 */
typedef struct {
	GArray *index; /* gsize */
	GArray *odds;  /* gdouble */
	gdouble total;
	gsize best;
	gdouble best_value;
} Draw;

static void
draw_init(Draw *draw)
{
	draw->index = g_array_new(FALSE, FALSE, sizeof(gsize));
	draw->odds = g_array_new(FALSE, FALSE, sizeof(gdouble));
	draw->total = 0;
	draw->best = G_MAXSIZE;
	draw->best_value = 0;
}

static void
draw_add(Draw *draw, gsize index, gdouble value)
{
	gdouble odds = value * value;
	g_array_append_val(draw->index, index);
	g_array_append_val(draw->odds, odds);
	draw->total += odds;
	if (value > draw->best_value) {
		draw->best_value = value;
		draw->best = index;
	}
}

/* the candidate picked, G_MAXSIZE when there is none; frees the candidates */
static gsize
draw_pick(Colgen *self, Draw *draw, gboolean randomise)
{
	gsize picked = draw->best;
	if (randomise && draw->total > 0) {
		gdouble pick = (gdouble)(rng_next(self) >> 11) / 9007199254740992.0 * draw->total;
		for (guint k = 0; k < draw->odds->len; k++) {
			pick -= g_array_index(draw->odds, gdouble, k);
			if (pick <= 0) {
				picked = g_array_index(draw->index, gsize, k);
				break;
			}
		}
	}
	g_array_unref(draw->index);
	g_array_unref(draw->odds);
	return picked;
}

/*
 * fixes every assignment the relaxation makes (nearly) whole, or else one fractional
 * one (see Draw), so that dives after the first explore other rosters near the
 * relaxation; returns how many were fixed
 */
static guint
fix_assignments(Colgen *self, gboolean randomise)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint W = self->last - self->first + 1;
	gsize n = (gsize)m->n_people * W * (T + 1);
	gsize best;
	guint n_fixed = 0;
	Draw draw;

	draw_init(&draw);
	for (gsize i = 0; i < n; i++) {
		gdouble y = self->y[i];
		gsize cell = i / (T + 1);
		guint p = (guint)(cell / W);
		guint d = self->first + (guint)(cell % W);
		if (y <= RC_EPSILON || self->fixed[(gsize)p * H + d] != FIXED_NONE)
			continue;
		if (y >= DIVE_FIX_VALUE - RC_EPSILON) {
			self->fixed[(gsize)p * H + d] = (gint16)((gint)(i % (T + 1)) - 1);
			n_fixed++;
			continue;
		}
		draw_add(&draw, i, y);
	}
	best = draw_pick(self, &draw, randomise);
	if (n_fixed == 0 && best != G_MAXSIZE) {
		gsize cell = best / (T + 1);
		guint p = (guint)(cell / W);
		guint d = self->first + (guint)(cell % W);
		if (self->fixed[(gsize)p * H + d] == FIXED_NONE) {
			self->fixed[(gsize)p * H + d] = (gint16)((gint)(best % (T + 1)) - 1);
			n_fixed++;
		}
	}
	return n_fixed;
}

/* fixes every day of the window as line column c has it; returns the days fixed */
static guint
fix_line(Colgen *self, guint c)
{
	guint H = self->m->n_days;
	guint p = g_array_index(self->owner, guint, c);
	const gint16 *line = &g_array_index(self->lines, gint16, (gsize)c * H);
	guint n_fixed = 0;
	for (guint d = self->first; d <= self->last; d++) {
		if (self->fixed[(gsize)p * H + d] == FIXED_NONE) {
			self->fixed[(gsize)p * H + d] = line[d];
			n_fixed++;
		}
	}
	return n_fixed;
}

/*
 * fixes every line the relaxation uses whole, or else one fractional line (see
 * Draw); returns the days fixed
 */
static guint
fix_lines(Colgen *self, gboolean randomise)
{
	gsize best;
	guint n_fixed = 0;
	Draw draw;

	draw_init(&draw);
	for (guint c = 0; c < self->owner->len; c++) {
		gdouble x;
		if (!self->alive->data[c])
			continue;
		x = glp_get_col_prim(self->lp, line_col(self, c));
		if (x >= 1 - RC_EPSILON) {
			n_fixed += fix_line(self, c);
		} else if (x > RC_EPSILON) {
			draw_add(&draw, c, x);
		}
	}
	best = draw_pick(self, &draw, randomise);
	if (n_fixed == 0 && best != G_MAXSIZE)
		n_fixed += fix_line(self, (guint)best);
	return n_fixed;
}

/*
 * price and dive: fix the assignments of people to shifts that the relaxation makes
 * whole and the largest fractional one, rule out the lines that break them, price
 * again for a few rounds (the DP keeps the fixings), and repeat until the relaxation
 * is integral. FALSE when stopped first, or when the fixings leave someone without
 * a line.
 */
static gboolean
dive(Colgen *self,
     gboolean by_lines,
     gboolean randomise,
     const RosterColgenParams *params,
     guint *rounds)
{
	while (TRUE) {
		if (stopped(self, params))
			return FALSE;
		if (assignment_values(self)) {
			take_integral(self);
			return TRUE;
		}
		if ((by_lines ? fix_lines(self, randomise) : fix_assignments(self, randomise)) == 0)
			return FALSE;
		kill_lines(self);
		if (price_rounds(self, DIVE_ROUNDS, TRUE, params, rounds) == PRICE_FAILED)
			return FALSE;
		/* no roster below this dive's relaxation beats the best so far */
		if (glp_get_obj_val(self->lp) > self->cutoff)
			return FALSE;
	}
}

/*
 * only dives may leave a person without a line (at a prohibitive cost), when their
 * fixings rule out every line the person has so far; a column that costs that much
 * would only hurt the precision of the duals elsewhere
 */
static void
allow_no_line(Colgen *self, gboolean allow)
{
	guint P = self->m->n_people;
	for (guint p = 0; p < P; p++) {
		gint j = no_line_col(self, p);
		if (allow)
			glp_set_col_bnds(self->lp, j, GLP_LO, 0, 0);
		else
			glp_set_col_bnds(self->lp, j, GLP_FX, 0, 0);
	}
}

/*
 * the values of every column (1-based) for the roster of the lines in @chosen, with
 * the cover slacks it needs; returns its cost over the window
 */
static gdouble
roster_values(Colgen *self, const gint *chosen, gdouble *x)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint W = self->last - self->first + 1;
	g_autofree guint *count = g_new0(guint, (gsize)W * T);
	gdouble cost = 0;

	memset(x, 0, sizeof(gdouble) * ((gsize)glp_get_num_cols(self->lp) + 1));
	for (guint p = 0; p < m->n_people; p++) {
		guint c = (guint)chosen[p];
		gint j = line_col(self, c);
		x[j] = 1;
		cost += glp_get_obj_coef(self->lp, j);
		for (guint d = self->first; d <= self->last; d++) {
			gint16 v = g_array_index(self->lines, gint16, (gsize)c * H + d);
			if (v >= 0)
				count[(d - self->first) * T + (guint)v]++;
		}
	}
	for (guint i = 0; i < W * T; i++) {
		guint idx = self->first * T + i;
		guint req = m->cover_req[idx];
		gint under = under_col(i);
		guint missing = req > count[i] ? req - count[i] : 0;
		x[under] = MIN(missing, self->under_hi[i]);
		missing -= (guint)x[under];
		for (guint k = self->extra_first[i]; k < self->extra_first[i + 1]; k++) {
			gint j = extra_col(self, k);
			x[j] = MIN(missing, self->extra_hi[k]);
			missing -= (guint)x[j];
		}
		x[under + 1] = count[i] > req ? count[i] - req : 0;
		cost += (gdouble)roster_solver_model_cover_cost(m, idx, count[i]);
	}
	return cost;
}

/* writes the lines of @chosen into @cells */
static void
write_lines(Colgen *self, const gint *chosen, gint16 *cells)
{
	guint H = self->m->n_days;
	for (guint p = 0; p < self->m->n_people; p++) {
		memcpy(cells + (gsize)p * H,
		       &g_array_index(self->lines, gint16, (gsize)chosen[p] * H),
		       sizeof(gint16) * H);
	}
}

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

/* no roster worth finding costs more than the cutoff: one less than the best so far,
 * here or the caller's */
static void
update_cutoff(Colgen *self, Best *best)
{
	gdouble cost = best->cost;
	if (best->params->best != NULL)
		cost = MIN(cost, best->params->best(best->params->user_data));
	self->cutoff = cost < G_MAXDOUBLE ? cost - 1 + RC_EPSILON : G_MAXDOUBLE;
}

/*
 * the roster of the lines in self->chosen: kept when it is the best so far; FALSE
 * when it is proven optimal
 */
static gboolean
offer_roster(Colgen *self, Best *best)
{
	const RosterColgenParams *params = best->params;
	g_autofree gdouble *x = g_new(gdouble, (gsize)glp_get_num_cols(self->lp) + 1);
	gdouble cost = roster_values(self, self->chosen, x);

	g_debug("roster %.0f after %u rounds", cost, best->stats->rounds);
	if (cost < best->cost - 0.5) {
		best->cost = cost;
		memcpy(best->chosen, self->chosen, sizeof(gint) * self->m->n_people);
		write_lines(self, best->chosen, best->cells);
		if (params->found != NULL)
			params->found(best->cells, params->user_data);
	}
	if (best->stats->lp_optimal && best->cost <= best->bound + 0.5) {
		best->stats->proven = TRUE;
		return FALSE;
	}
	return TRUE;
}

/*
 * one dive from the relaxation as it stands: dives fix whole lines and single
 * assignments in turn (the first rosters differ, and neither kind is best on every
 * instance), and are randomised from the third on. FALSE when the time is up or the
 * best roster is proven optimal.
 */
static gboolean
dive_once(Colgen *self, Best *best, gboolean by_lines, gboolean randomise)
{
	const RosterColgenParams *params = best->params;
	RosterColgenStats *stats = best->stats;
	guint k = best->n_dives++;

	update_cutoff(self, best);
	/* a roster at the bound already: nothing is left to find */
	if (stats->lp_optimal && self->cutoff < best->bound - 0.5)
		return FALSE;
	if (!dive(self, by_lines, randomise, params, &stats->rounds)) {
		/* a roster all the same: the dive's fixings, the rest rounded */
		if (best->cost == G_MAXDOUBLE && k == 0)
			pick_lines(self, best->cells);
		return !stopped(self, params);
	}
	stats->dives++;
	return offer_roster(self, best);
}

/*
 * Branching on the cover. The relaxation spreads the shortfall of cover over more
 * (day, type) pairs than a roster can, in fractions, and a dive settles where it
 * falls by the way: on some instances every dive from the root ends a point above
 * the optimum. A branch bounds one cover slack from above or below at a whole
 * number, which needs no change in the pricing (only the duals move) and keeps every
 * line; at a node whose cover slacks are all whole, a few dives try for a roster.
 *
 * The nodes' bounds differ by a point or two at most, and the lowest are not where
 * the best rosters are (on Instance7 of the benchmark, dives under shortfalls whose
 * relaxation costs 1054.7 gave 1057 at best, the optimum 1056 lies under one at
 * 1055.4), so the
 * next node is drawn at random among the open ones, then followed down to a leaf by
 * its child nearer the relaxation: every plunge tries another pattern of shortfall.
 */

/* a bound a branch puts on a cover slack column */
typedef struct {
	gint col;
	gdouble lo;
	gdouble hi; /* G_MAXDOUBLE for none */
} SlackBound;

typedef struct {
	GArray *bounds; /* SlackBound, from the root down */
	gdouble lp;	/* the parent's relaxation: no roster below costs less */
} CoverNode;

/* dives from the root before the tree's first plunge */
#define ROOT_DIVES 4

/* dives at a node whose cover slacks are whole */
#define LEAF_DIVES 2

/* a slack closer than this to a whole number is whole */
#define SLACK_EPSILON 1e-4

static CoverNode *
cover_node_new(const CoverNode *parent, const SlackBound *bound, gdouble lp)
{
	CoverNode *node = g_new0(CoverNode, 1);
	node->bounds = g_array_new(FALSE, FALSE, sizeof(SlackBound));
	if (parent != NULL)
		g_array_append_vals(node->bounds, parent->bounds->data, parent->bounds->len);
	if (bound != NULL)
		g_array_append_val(node->bounds, *bound);
	node->lp = lp;
	return node;
}

static void
cover_node_free(gpointer data)
{
	CoverNode *node = data;
	g_array_unref(node->bounds);
	g_free(node);
}

/*
 * puts the master in the state of a node (nullable: the root): its slack bounds, no
 * dive's fixings, every line alive
 */
static void
restore_node(Colgen *self, const CoverNode *node)
{
	const RosterSolverModel *m = self->m;

	for (guint p = 0; p < m->n_people; p++)
		self->chosen[p] = -1;
	for (gsize i = 0; i < (gsize)m->n_people * m->n_days; i++)
		self->fixed[i] = FIXED_NONE;
	for (guint i = 0; i < self->n_cells; i++)
		root_slack_bounds(self, i);
	/* a later bound lies within the earlier ones on its column */
	for (guint b = 0; node != NULL && b < node->bounds->len; b++) {
		SlackBound *sb = &g_array_index(node->bounds, SlackBound, b);
		set_col_bounds(self->lp, sb->col, sb->lo, sb->hi);
	}
	for (guint c = 0; c < self->owner->len; c++) {
		self->alive->data[c] = 1;
		glp_set_col_bnds(self->lp, line_col(self, c), GLP_LO, 0, 0);
	}
}

/* frees every line again for the next dive */
static gboolean
undo_dive(Colgen *self)
{
	restore_node(self, NULL);
	return solve_relaxation(self, FALSE);
}

static void
allow_artificial(Colgen *self, gboolean allow)
{
	for (guint i = 0; i < 2 * self->n_cells; i++) {
		gint j = artificial_col(self, 0) + (gint)i;
		set_col_bounds(self->lp, j, 0, allow ? G_MAXDOUBLE : 0);
	}
}

static gboolean
artificial_used(Colgen *self)
{
	for (guint i = 0; i < 2 * self->n_cells; i++) {
		if (glp_get_col_prim(self->lp, artificial_col(self, 0) + (gint)i) > RC_EPSILON)
			return TRUE;
	}
	return FALSE;
}

/*
 * the branches on the cover slack with a cost that the relaxation has the most
 * fractional, the one towards its nearest whole number first; FALSE when every
 * such slack is whole
 */
static gboolean
branch_slack(Colgen *self, SlackBound *first, SlackBound *second)
{
	gint best = 0;
	gdouble best_frac = SLACK_EPSILON;
	gdouble v;
	SlackBound down;
	SlackBound up;

	guint n_extra = self->extra_first[self->n_cells];

	for (guint k = 1; k <= 2 * self->n_cells + n_extra; k++) {
		gint c = k <= 2 * self->n_cells ? (gint)k
						: extra_col(self, k - 2 * self->n_cells - 1);
		gdouble frac;
		if (glp_get_obj_coef(self->lp, (gint)c) <= 0)
			continue;
		v = glp_get_col_prim(self->lp, (gint)c);
		frac = MIN(v - floor(v), ceil(v) - v);
		if (frac > best_frac) {
			best_frac = frac;
			best = (gint)c;
		}
	}
	if (best == 0)
		return FALSE;
	v = glp_get_col_prim(self->lp, best);
	down.col = up.col = best;
	down.lo = glp_get_col_lb(self->lp, best);
	down.hi = floor(v);
	up.lo = ceil(v);
	up.hi = glp_get_col_type(self->lp, best) == GLP_LO ? G_MAXDOUBLE
							   : glp_get_col_ub(self->lp, best);
	*first = v - floor(v) >= 0.5 ? up : down;
	*second = v - floor(v) >= 0.5 ? down : up;
	return TRUE;
}

/*
 * solves a node's relaxation and returns its children in @first and @second, or
 * none (@branch FALSE) when it is pruned or is a leaf, whose dives it runs; FALSE
 * when the search should end
 */
static gboolean
expand_node(Colgen *self,
	    Best *best,
	    const CoverNode *node,
	    SlackBound *first,
	    SlackBound *second,
	    gboolean *branch)
{
	const RosterColgenParams *params = best->params;
	gboolean go_on = TRUE;

	*branch = FALSE;
	restore_node(self, node);
	if (price_rounds(self, G_MAXUINT, FALSE, params, &best->stats->rounds) != PRICE_OPTIMAL)
		return !stopped(self, params);
	best->stats->nodes++;
	/* a relaxation that still needs an artificial column has no roster with this
	 * shortfall among the lines priced so far, and likely none at all */
	if (glp_get_obj_val(self->lp) > self->cutoff || artificial_used(self))
		return TRUE;
	if (branch_slack(self, first, second)) {
		*branch = TRUE;
		return TRUE;
	}
	for (guint k = 0; k < LEAF_DIVES && go_on; k++) {
		if (k > 0) {
			restore_node(self, node);
			go_on = solve_relaxation(self, FALSE);
		}
		go_on = go_on && dive_once(self, best, TRUE, k > 0);
	}
	return go_on;
}

/* the open nodes of the cover tree, and the one a plunge goes on with */
typedef struct {
	GPtrArray *open;
	CoverNode *next;
} CoverTree;

static gboolean
cover_tree_done(const CoverTree *tree)
{
	return tree->next == NULL && tree->open->len == 0;
}

/*
 * one plunge: from an open node drawn at random down to a leaf or a pruned node;
 * FALSE when the search should end
 */
static gboolean
cover_plunge(Colgen *self, Best *best, CoverTree *tree)
{
	gboolean go_on = TRUE;

	allow_artificial(self, TRUE);
	do {
		CoverNode *node = tree->next;
		SlackBound first;
		SlackBound second;
		gboolean branch = FALSE;

		if (node == NULL) {
			guint i = (guint)(rng_next(self) % tree->open->len);
			node = g_ptr_array_steal_index_fast(tree->open, i);
		}
		tree->next = NULL;
		update_cutoff(self, best);
		if (node->lp <= self->cutoff)
			go_on = expand_node(self, best, node, &first, &second, &branch);
		if (go_on && branch) {
			gdouble lp = glp_get_obj_val(self->lp);
			g_ptr_array_add(tree->open, cover_node_new(node, &second, lp));
			tree->next = cover_node_new(node, &first, lp);
		}
		cover_node_free(node);
	} while (go_on && tree->next != NULL);
	allow_artificial(self, FALSE);
	restore_node(self, NULL);
	return go_on;
}

typedef struct {
	gdouble *x; /* 1-based values of every column: the best dive's roster */
	gboolean offered;
} Incumbent;

static void
offer_incumbent(glp_tree *tree, void *info)
{
	Incumbent *inc = info;
	if (glp_ios_reason(tree) != GLP_IHEUR || inc->offered)
		return;
	inc->offered = TRUE;
	glp_ios_heur_sol(tree, inc->x);
}

/*
 * branch and bound over every line generated (GLPK's, under the deadline), starting
 * from the roster of the lines in @chosen that costs @cost; TRUE when it found a
 * better one, now in @cells
 */
static gboolean
improve_integer(Colgen *self, const gint *chosen, gdouble cost, gint16 *cells)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	gint n_cols = glp_get_num_cols(self->lp);
	g_autofree gdouble *x = g_new0(gdouble, (gsize)n_cols + 1);
	Incumbent inc = {x, FALSE};
	glp_iocp parm;
	gint status;

	roster_values(self, chosen, x);
	for (guint c = 0; c < self->owner->len; c++)
		glp_set_col_kind(self->lp, line_col(self, c), GLP_BV);
	if (!undo_dive(self))
		return FALSE;
	allow_no_line(self, FALSE);
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.tm_lim = remaining_ms(self->deadline);
	parm.cb_func = offer_incumbent;
	parm.cb_info = &inc;
	glp_intopt(self->lp, &parm);
	status = glp_mip_status(self->lp);
	if ((status != GLP_OPT && status != GLP_FEAS) || glp_mip_obj_val(self->lp) > cost - 0.5)
		return FALSE;
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		if (glp_mip_col_val(self->lp, line_col(self, c)) > 0.5)
			memcpy(cells + (gsize)p * H,
			       &g_array_index(self->lines, gint16, (gsize)c * H),
			       sizeof(gint16) * H);
	}
	return TRUE;
}

/*
 * dives from the relaxation until one reaches its bound, @params->max_dives are done
 * or the deadline; after the first few, each dive is followed by a plunge of the cover
 * tree when @params asks for it. The
 * best roster goes into @cells and @best_chosen; returns its cost, or G_MAXDOUBLE
 * when no dive finished (@cells then holds the first dive's lines, the free people's
 * picked by rounding)
 */
static gdouble
dives(Colgen *self,
      const RosterColgenParams *params,
      gint *best_chosen,
      gint16 *cells,
      RosterColgenStats *stats)
{
	Best best = {
	    .params = params,
	    .stats = stats,
	    .chosen = best_chosen,
	    .cells = cells,
	    .cost = G_MAXDOUBLE,
	    .bound = ceil(stats->lp_objective - RC_EPSILON),
	};
	CoverTree tree = {NULL, NULL};
	gboolean go_on = TRUE;

	if (params->cover_tree) {
		tree.open = g_ptr_array_new_with_free_func(cover_node_free);
		tree.next = cover_node_new(NULL, NULL, stats->lp_objective);
	}
	allow_no_line(self, TRUE);
	self->cutoff = G_MAXDOUBLE;
	for (guint k = 0; go_on && (params->max_dives == 0 || best.n_dives < params->max_dives);
	     k++) {
		if (k > 0 && !undo_dive(self))
			break;
		go_on = dive_once(self, &best, k % 2 == 1, k > 1);
		/* after the first dives, root dives and plunges of the tree take turns:
		 * either finds what the other misses on some instance */
		if (go_on && tree.open != NULL && k + 1 >= ROOT_DIVES && best.cost < G_MAXDOUBLE &&
		    !cover_tree_done(&tree))
			go_on = cover_plunge(self, &best, &tree);
	}
	if (tree.open != NULL) {
		g_debug("cover tree: %u nodes, %u left open", stats->nodes, tree.open->len);
		g_clear_pointer(&tree.next, cover_node_free);
		g_ptr_array_unref(tree.open);
	}
	return best.cost;
}

/**
 * roster_colgen_solve:
 * @m: a sealed model without hotline rules
 * @dp: a line DP workspace for @m
 * @seed_cells: (nullable): a roster whose lines start the master; required when
 *   the window is not the whole horizon
 * @first: the first day to re-plan
 * @last: the last day to re-plan
 * @params: deadlines, the most dives, and the caller's stop and found functions
 * @cells: (out caller-allocates): n_people * n_days cells for the roster
 * @stats: (out): what was done
 *
 * Builds a roster from the linear relaxation over whole lines: prices it to the end
 * or to @params->lp_deadline, dives from it (again and again, randomised, until a dive
 * reaches the relaxation's bound), then lets branch and bound over every line found
 * try to beat the best dive. Every line keeps its person's hard rules; cover is left
 * to the objective.
 *
 * Returns: %FALSE when some person has no line, or when stopped before the first
 *   relaxation was solved; @cells is then untouched
 */
gboolean
roster_colgen_solve(const RosterSolverModel *m,
		    RosterLineDp *dp,
		    const gint16 *seed_cells,
		    guint first,
		    guint last,
		    const RosterColgenParams *params,
		    gint16 *cells,
		    RosterColgenStats *stats)
{
	Colgen self = {0};
	guint H = m->n_days;
	guint T = m->n_types;
	guint P = m->n_people;
	gboolean ok = TRUE;
	gboolean have_lp = FALSE;
	g_autofree gint *best_chosen = g_new(gint, P);

	g_return_val_if_fail(first <= last && last < H, FALSE);
	g_return_val_if_fail(seed_cells != NULL || (first == 0 && last == H - 1), FALSE);

	memset(stats, 0, sizeof(*stats));
	self.m = m;
	self.first = first;
	self.last = last;
	self.seed = seed_cells;
	if (seed_cells != NULL)
		memcpy(cells, seed_cells, sizeof(gint16) * P * H);
	self.dp = dp;
	self.owner = g_array_new(FALSE, FALSE, sizeof(guint));
	self.lines = g_array_new(FALSE, FALSE, sizeof(gint16));
	self.ind = g_new0(gint, H + 2);
	self.val = g_new0(gdouble, H + 2);
	self.price = g_new0(gint, (gsize)H * (T + 1));
	self.dual = g_new0(gdouble, P + (gsize)H * T + 1);
	self.line = g_new0(gint16, H);
	self.chosen = g_new(gint, P);
	self.fixed = g_new(gint16, (gsize)P * H);
	self.alive = g_byte_array_new();
	self.known =
	    g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
	self.y = g_new(gdouble, (gsize)P * (last - first + 1) * (T + 1));
	for (gsize i = 0; i < (gsize)P * H; i++)
		self.fixed[i] = FIXED_NONE;
	self.deadline = params->lp_deadline;
	self.end = params->ip_deadline;
	self.rng = params->seed * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15) + 1;
	for (guint p = 0; p < P; p++)
		self.chosen[p] = -1;

	glp_term_out(GLP_OFF);
	build_master(&self);
	roster_line_dp_set_labels_per_key(dp, 1);

	/* every person starts with the line of the seed roster, or the cheapest line
	 * with every shift priced at its under-cover weight */
	for (guint p = 0; p < P && ok; p++) {
		gint64 dp_cost = 0;
		if (seed_cells != NULL) {
			add_line(&self, p, seed_cells + (gsize)p * H);
			continue;
		}
		for (guint d = 0; d < H; d++) {
			const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
			self.price[d * (T + 1)] = un[0];
			for (guint s = 0; s < T; s++)
				self.price[d * (T + 1) + s + 1] =
				    un[s + 1] - (gint)m->cover_under[d * T + s];
		}
		ok = roster_line_dp_solve(dp, p, self.price, self.line, &dp_cost);
		if (ok)
			add_line(&self, p, self.line);
	}

	self.exact_labels = EXACT_LABELS;
	if (ok) {
		PriceOutcome outcome =
		    price_rounds(&self, G_MAXUINT, FALSE, params, &stats->rounds);
		have_lp = outcome != PRICE_FAILED;
		/* a bound only when the last round's DPs dropped no label */
		stats->lp_optimal = outcome == PRICE_OPTIMAL && self.round_exact;
		if (have_lp)
			stats->lp_objective = glp_get_obj_val(self.lp);
		g_debug("relaxation %.2f%s after %u rounds, %u lines",
			stats->lp_objective,
			stats->lp_optimal ? " (optimal)" : "",
			stats->rounds,
			self.owner->len);
	}
	ok = ok && have_lp;
	if (ok) {
		gint64 now = g_get_monotonic_time();
		gdouble best;
		/* the dives price exactly when that costs a small part of their time */
		stats->exact_dive = self.exact_round_us > 0 &&
				    self.exact_round_us * (gint64)P < params->ip_deadline - now;
		if (!stats->exact_dive)
			self.exact_labels = 1;
		/* the dives leave a quarter of the time to branch and bound */
		/* the dives leave a quarter of the time to branch and bound over the
		 * lines, unless the cover tree takes it all */
		self.deadline = params->cover_tree ? params->ip_deadline
						   : now + (params->ip_deadline - now) * 3 / 4;
		best = dives(&self, params, best_chosen, cells, stats);
		stats->integer = best < G_MAXDOUBLE;
		self.deadline = params->ip_deadline;
		if (stats->integer && !stats->proven && !params->stop(params->user_data) &&
		    g_get_monotonic_time() + G_USEC_PER_SEC < params->ip_deadline &&
		    self.owner->len <= MIP_MAX_LINES) {
			stats->improved = improve_integer(&self, best_chosen, best, cells);
			if (stats->improved && params->found != NULL)
				params->found(cells, params->user_data);
		}
	}
	stats->columns = self.owner->len;

	glp_delete_prob(self.lp);
	g_array_unref(self.owner);
	g_array_unref(self.lines);
	g_free(self.ind);
	g_free(self.val);
	g_free(self.price);
	g_free(self.dual);
	g_free(self.line);
	g_free(self.chosen);
	g_free(self.fixed);
	g_byte_array_unref(self.alive);
	g_hash_table_unref(self.known);
	g_free(self.y);
	g_free(self.under_hi);
	g_free(self.extra_first);
	g_free(self.extra_hi);
	roster_line_dp_set_labels_per_key(dp, 1);
	/* GLPK keeps an environment per thread: free it, the solver threads are short */
	glp_free_env();
	return ok;
}
