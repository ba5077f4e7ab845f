/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-bound.h"
#include "roster-solver-bound-private.h"
#include "roster-solver-evaluate.h"
#include "roster-solver-line.h"

/*
 * a Lagrangian lower bound on the objective, for the hotline and the benchmark alike.
 * The rules that join people are moved into the prices of each person's line, with a
 * multiplier each:
 *   - cover: a seat of (day, type) is worth lambda to whoever works it, and each cell
 *     adds the least of its penalty plus lambda times the seats over every count;
 *   - the trainee pairing: a trainee pays pi for a shift of a group on a day, and the
 *     mentors of that group and day share it as a reward.
 * Each person's line is then priced by the line DP, which keeps the person's own rules
 * by construction: availability, eligibility and pins (as forbidden prices), rest
 * (successions and the days off between runs), one shift a day, the month's minutes
 * and shift counts, weekends and fixed days off; the least and most consecutive working
 * days are dropped (a relaxation, so the bound stays valid), which makes each DP as
 * many times smaller as the most consecutive days and buys many more rounds. The
 * shortfall w max(0, min - n) under a commitment is priced by the DP itself, at the end
 * of the line, from its minutes: n is at most the minutes over the shortest shift, so
 * the price is never above the real one (and equal to it when every shift is as long,
 * as on a hotline). Two
 * one-person rules the DP does not count are dualised too: the weekly minutes (a
 * multiplier per person and week) and the night maximum (one per person). The soft
 * terms the DP cannot add up are bounded from below by lines with multipliers of their
 * own: the square w n^2 of each person's nights and weekend shifts by a line
 * u n + c(u) that lies below it at every whole count. Any multipliers give a bound;
 * projected subgradient steps (Polyak's rule, aimed at the best roster known) raise it.
 */

/* a line's prices are scaled to integers for the DP and rounded down, so that the DP's
 * least cost stays below the real one */
#define BOUND_PRICE_SCALE 1000.0

/* labels per key when per-type counts matter: the DP must be exact for a bound */
#define BOUND_EXACT_LABELS 16

/* the rounds a bound needs to say much: the first ones, from multipliers that only
 * guess, are often below zero (the city month: about 20 rounds) */
#define BOUND_MIN_ROUNDS 30

/* the step factor halves after this many rounds without a better bound, or after a
 * share of the rounds that fit before the deadline when that is more: the city month
 * fits about 4,000 rounds in 48 s, and halving after 6 idle rounds ended them after 5 s
 * at 8,465 where halving after 60 reached 8,699 (its best roster: 8,751) */
#define BOUND_PATIENCE	     6
#define BOUND_PATIENCE_SHARE 20
#define BOUND_PATIENCE_MAX   200

/* and the rounds end when it is this small, or this when the time allows no more
 * patience than the least */
#define BOUND_MIN_STEP	     0.0001
#define BOUND_SHORT_MIN_STEP 0.004

typedef struct {
	const RosterSolverModel *m;
	const RosterSolverHotline *h; /* nullable */
	const RosterSolverBoundParams *params;
	RosterLineDp *dp;
	guint H;
	guint T;
	guint P;
	guint W;	      /* weeks, for the weekly limits */
	guint G;	      /* pairing groups */
	gdouble *lambda;      /* H * T: the worth of a seat */
	gdouble *lambda_min;  /* H * T: its range */
	gdouble *lambda_max;  /* H * T */
	gdouble *nu;	      /* P * W: the price of a unit of work in a week */
	gdouble unit;	      /* minutes: the longest shift, so that the weekly
				 multipliers move at the pace of the others */
	gdouble *mu;	      /* P: the price of a night */
	gint *trainee;	      /* P: the index among the trainees, or -1 */
	guint n_trainees;     /* trainees with a group to be paired in */
	gdouble *pi;	      /* n_trainees * H * G */
	gdouble *pi_sum;      /* H * G: what the mentors share */
	gdouble *night_u;     /* P: the price of a night of the line below the square */
	gdouble *weekend_u;   /* P: and of a weekend shift */
	guint dp_unit;	      /* the minutes of a unit of the DP's */
	guint shortest;	      /* the shortest shift's minutes */
	guint n_shortfall;    /* units up to those that hold the largest commitment */
	gint *shortfall;      /* n_shortfall: a person's commitment's price by the line's
				 units, w max(0, min - n) for the most shifts n they
				 hold, scaled as the line's prices */
	gboolean *relax;      /* P: the DP with the per-type maxima was not exact */
	gdouble *price;	      /* H * (T + 1) */
	gint *iprice;	      /* H * (T + 1) */
	gint16 *line;	      /* H */
	gdouble *g_cover;     /* H * T */
	gdouble *g_week;      /* P * W */
	gdouble *g_night;     /* P */
	gdouble *g_night_u;   /* P */
	gdouble *g_weekend_u; /* P */
	gdouble *g_pair;      /* n_trainees * H * G */
	guint *mentors;	      /* H * G: the mentors of the round working the group */
	gdouble *dir;	      /* every multiplier: the direction of the last step */
} Bound;

static gboolean
stop_asked(const Bound *self)
{
	const RosterSolverBoundParams *params = self->params;
	if (params->stop != NULL && params->stop(params->user_data))
		return TRUE;
	return params->deadline > 0 && g_get_monotonic_time() >= params->deadline;
}

/* where the incumbent puts the lines that bound the convex soft terms */
static void
init_linearisation(Bound *self)
{
	const RosterSolverModel *m = self->m;
	const gint16 *inc = self->params->incumbent;

	for (guint p = 0; p < self->P && self->h != NULL; p++) {
		guint nights = 0;
		guint weekends = 0;
		for (guint d = 0; d < self->H && inc != NULL; d++) {
			gint s = inc[(gsize)p * self->H + d];
			if (s < 0)
				continue;
			nights += self->h->type_night[s];
			weekends += self->h->day_weekend[d];
		}
		/* the lines touch the squares at the roster's counts */
		self->night_u[p] = 2.0 * self->h->night_weight * nights;
		self->weekend_u[p] = 2.0 * self->h->weekend_weight * weekends;
	}
	for (guint p = 0; p < self->P && inc != NULL; p++) {
		for (guint d = 0; d < self->H; d++) {
			gint s = inc[(gsize)p * self->H + d];
			if (s >= 0)
				self->g_cover[d * self->T + s] += 1;
		}
	}
	for (guint i = 0; i < self->H * self->T; i++) {
		guint req = m->cover_req[i];
		guint count = (guint)self->g_cover[i];
		self->lambda_min[i] = -(gdouble)m->cover_over[i];
		self->lambda_max[i] = req > 0 ? (gdouble)roster_solver_model_cover_piece(m, i, req)
					      : 0;
		/* a seat is worth what its absence costs where the roster leaves it empty,
		 * and little where people are to spare; with no roster, half the price of
		 * the first missing seat */
		if (req == 0 || (inc != NULL && count >= req))
			self->lambda[i] = 0;
		else if (inc != NULL)
			self->lambda[i] =
			    (gdouble)roster_solver_model_cover_piece(m, i, req - count);
		else
			self->lambda[i] = (gdouble)roster_solver_model_cover_piece(m, i, 1) / 2;
	}
}

/* the least of each cell's penalty plus lambda per seat, and the count that has it */
static gdouble
price_cover(Bound *self)
{
	const RosterSolverModel *m = self->m;
	gdouble total = 0;

	for (guint i = 0; i < self->H * self->T; i++) {
		guint req = m->cover_req[i];
		gdouble best = G_MAXDOUBLE;
		guint best_n = 0;
		/* with lambda at least minus the over weight, counts over the requirement
		 * cost more than the requirement itself */
		for (guint n = 0; n <= req; n++) {
			gdouble v =
			    (gdouble)roster_solver_model_cover_cost(m, i, n) + self->lambda[i] * n;
			if (v < best) {
				best = v;
				best_n = n;
			}
		}
		total += best;
		self->g_cover[i] = best_n;
	}
	return total;
}

/*
 * the intercept of the line of slope u below w n^2 on the whole counts n: the least of
 * w n^2 - u n over n = 0, 1, 2..., which is at the count nearest u / 2w (into @n). A
 * count of nights or weekend shifts is whole, so this line lies above the tangent of
 * the same slope, whose intercept -u^2 / 4w is the least over every real n: by up to
 * w / 4 where u / 2w is half-way between two counts
 */
static gdouble
square_intercept(guint w, gdouble u, guint *n)
{
	gdouble best = 0;
	if (n != NULL)
		*n = 0;
	if (w == 0 || u <= 0)
		return 0;
	best = floor(u / (2.0 * w) + 0.5);
	if (n != NULL)
		*n = (guint)best;
	return w * best * best - u * best;
}

/* the real prices of person p's values and the constant of the bounding lines */
static gdouble
build_prices(Bound *self, guint p)
{
	const RosterSolverModel *m = self->m;
	const RosterSolverHotline *h = self->h;
	guint H = self->H;
	guint T = self->T;
	gdouble constant = 0;
	gdouble nw = 0;
	gdouble ww = 0;
	gdouble mu = 0;
	gint t = -1;
	gboolean mentor = FALSE;
	gboolean weekly = FALSE;

	if (h != NULL) {
		/* w n^2 >= u n + c(u) for every u and whole n */
		nw = self->night_u[p];
		ww = self->weekend_u[p];
		constant += square_intercept(h->night_weight, nw, NULL);
		constant += square_intercept(h->weekend_weight, ww, NULL);
		if (h->max_nights[p] != ROSTER_SOLVER_UNLIMITED) {
			mu = self->mu[p];
			constant -= mu * h->max_nights[p];
		}
		weekly = h->week_max_minutes[p] != ROSTER_SOLVER_UNLIMITED;
		for (guint w = 0; w < self->W && weekly; w++)
			constant -= self->nu[p * self->W + w] * h->week_max_minutes[p] / self->unit;
		t = self->trainee[p];
		mentor = h->pair_role[p] == ROSTER_SOLVER_PAIR_MENTOR;
	}
	for (guint d = 0; d < H; d++) {
		const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
		gdouble *pr = self->price + (gsize)d * (T + 1);
		pr[0] = un[0];
		for (guint s = 0; s < T; s++) {
			gdouble v = un[s + 1] - self->lambda[d * T + s];
			if (h != NULL) {
				gint g = h->type_pair_group[s];
				if (h->type_night[s])
					v += nw + mu;
				if (h->day_weekend[d])
					v += ww;
				if (weekly)
					v += self->nu[p * self->W + h->day_week[d]] *
					     roster_solver_model_type_length(m, (gint)s) /
					     self->unit;
				if (g >= 0 && t >= 0)
					v += self->pi[((gsize)t * H + d) * self->G + g];
				else if (g >= 0 && mentor)
					v -= self->pi_sum[d * self->G + g];
			}
			pr[s + 1] = v;
		}
	}
	return constant;
}

/* the shortfall under the largest commitment by the minutes of a line, from no minutes
 * to those that hold it: a line of k units holds at most k unit / shortest shifts */
static void
init_shortfall(Bound *self)
{
	const RosterSolverHotline *h = self->h;
	guint most = 0;

	self->dp_unit = roster_line_dp_get_unit(self->dp);
	self->shortest = G_MAXUINT;
	for (guint p = 0; p < self->P && h != NULL && h->min_shifts_weight > 0; p++)
		most = MAX(most, h->min_shifts[p]);
	for (guint s = 0; s < self->T; s++) {
		guint len = roster_solver_model_type_length(self->m, (gint)s);
		if (len > 0)
			self->shortest = MIN(self->shortest, len);
	}
	if (most == 0 || self->shortest == G_MAXUINT)
		return;
	self->n_shortfall = (most * self->shortest + self->dp_unit - 1) / self->dp_unit + 1;
	self->shortfall = g_new0(gint, self->n_shortfall);
}

/* p's shortfall by the line's units, scaled, into the DP; the largest price, for the
 * scale */
static gdouble
set_shortfall(Bound *self, guint p, gdouble scale)
{
	const RosterSolverHotline *h = self->h;
	gdouble w = h != NULL ? h->min_shifts_weight : 0;
	guint min = h != NULL ? h->min_shifts[p] : 0;

	if (self->shortfall == NULL || w <= 0 || min == 0) {
		roster_line_dp_set_terminal(self->dp, NULL, 0);
		return 0;
	}
	for (guint k = 0; k < self->n_shortfall && scale > 0; k++) {
		guint held = k * self->dp_unit / self->shortest;
		self->shortfall[k] = held < min ? (gint)floor(w * (min - held) * scale) : 0;
	}
	roster_line_dp_set_terminal(self->dp, self->shortfall, self->n_shortfall);
	return w * min;
}

/* the least price of p's line, never above the real least: by the DP, or day by day
 * when the DP is not exact; the line found is left in self->line */
static gdouble
price_line(Bound *self, guint p, RosterSolverBoundStats *stats)
{
	guint H = self->H;
	guint T = self->T;
	gdouble largest = 1;
	gdouble most;
	gdouble scale;
	gint64 cost = 0;
	gdouble day_sum = 0;
	gboolean found;

	for (guint d = 0; d < H; d++) {
		for (guint v = 0; v <= T; v++) {
			if (!roster_solver_bound_cell_forbidden(self->m, p, d, v))
				largest = MAX(largest, fabs(self->price[d * (T + 1) + v]));
		}
	}
	most = set_shortfall(self, p, 0);
	largest = MAX(largest, most);
	/* the DP sums prices in 32 bits: the days' and the shortfall's */
	scale = MIN(BOUND_PRICE_SCALE, (G_MAXINT32 / 4.0) / ((H + 1) * largest));
	set_shortfall(self, p, scale);
	for (guint d = 0; d < H; d++) {
		for (guint v = 0; v <= T; v++) {
			gsize i = (gsize)d * (T + 1) + v;
			self->iprice[i] = roster_solver_bound_cell_forbidden(self->m, p, d, v)
					      ? ROSTER_LINE_FORBIDDEN
					      : (gint)floor(self->price[i] * scale);
		}
	}
	if (!self->relax[p]) {
		if (roster_line_dp_solve(self->dp, p, self->iprice, self->line, &cost) &&
		    roster_line_dp_was_exact(self->dp))
			return (gdouble)cost / scale;
		/* the next rounds go to the relaxed DP at once */
		self->relax[p] = TRUE;
	}
	/* too many labels for the per-type counts: without the maxima the minutes do not
	 * imply, the DP is exact again and still bounds the line from below */
	roster_line_dp_set_relax_counts(self->dp, TRUE);
	found = roster_line_dp_solve(self->dp, p, self->iprice, self->line, &cost);
	roster_line_dp_set_relax_counts(self->dp, FALSE);
	stats->relaxed++;
	if (found)
		return (gdouble)cost / scale;
	stats->inexact++;
	for (guint d = 0; d < H; d++) {
		gdouble best = G_MAXDOUBLE;
		self->line[d] = ROSTER_SOLVER_OFF;
		for (guint v = 0; v <= T; v++) {
			gdouble pr = self->price[d * (T + 1) + v];
			if (roster_solver_bound_cell_forbidden(self->m, p, d, v) || pr >= best)
				continue;
			best = pr;
			self->line[d] = (gint16)((gint)v - 1);
		}
		/* a day with nothing allowed has no roster at all: any bound holds */
		if (best < G_MAXDOUBLE)
			day_sum += best;
	}
	return day_sum;
}

/* the subgradient's share of p's line: seats, weekly minutes, nights, pairings */
static void
add_line(Bound *self, guint p, const gint16 *line)
{
	const RosterSolverModel *m = self->m;
	const RosterSolverHotline *h = self->h;
	guint nights = 0;

	for (guint d = 0; d < self->H; d++) {
		gint s = line[d];
		if (s < 0)
			continue;
		self->g_cover[d * self->T + s] -= 1;
		if (h == NULL)
			continue;
		nights += h->type_night[s];
		if (h->week_max_minutes[p] != ROSTER_SOLVER_UNLIMITED)
			self->g_week[p * self->W + h->day_week[d]] +=
			    roster_solver_model_type_length(m, s) / self->unit;
		if (h->type_pair_group[s] < 0)
			continue;
		if (self->trainee[p] >= 0)
			self->g_pair[((gsize)self->trainee[p] * self->H + d) * self->G +
				     h->type_pair_group[s]] += 1;
		else if (h->pair_role[p] == ROSTER_SOLVER_PAIR_MENTOR)
			self->mentors[d * self->G + h->type_pair_group[s]]++;
	}
	if (h == NULL)
		return;
	{
		guint weekends = 0;
		for (guint d = 0; d < self->H; d++) {
			if (line[d] < 0)
				continue;
			weekends += h->day_weekend[d];
		}
		/* the lines move towards the line's counts */
		if (h->night_weight > 0) {
			guint n;
			square_intercept(h->night_weight, self->night_u[p], &n);
			self->g_night_u[p] = (gdouble)nights - n;
		}
		if (h->weekend_weight > 0) {
			guint n;
			square_intercept(h->weekend_weight, self->weekend_u[p], &n);
			self->g_weekend_u[p] = (gdouble)weekends - n;
		}
	}
	if (h->max_nights[p] != ROSTER_SOLVER_UNLIMITED)
		self->g_night[p] = (gdouble)nights - h->max_nights[p];
	for (guint w = 0; w < self->W && h->week_max_minutes[p] != ROSTER_SOLVER_UNLIMITED; w++)
		self->g_week[p * self->W + w] -= h->week_max_minutes[p] / self->unit;
}

/* one round: every line priced; FALSE when stopped before the last person */
static gboolean
round_value(Bound *self, RosterSolverBoundStats *stats, gboolean first, gdouble *value)
{
	gsize n_pair = (gsize)self->n_trainees * self->H * self->G;
	gint64 begin = g_get_monotonic_time();
	gdouble total = price_cover(self);

	memset(self->g_week, 0, sizeof(gdouble) * self->P * self->W);
	memset(self->g_night, 0, sizeof(gdouble) * self->P);
	memset(self->g_pair, 0, sizeof(gdouble) * n_pair);
	memset(self->mentors, 0, sizeof(guint) * self->H * self->G);
	memset(self->pi_sum, 0, sizeof(gdouble) * self->H * self->G);
	for (gsize i = 0; i < n_pair; i++)
		self->pi_sum[i % ((gsize)self->H * self->G)] += self->pi[i];
	for (guint p = 0; p < self->P; p++) {
		if (stop_asked(self))
			return FALSE;
		/* a bound needs rounds: when the first would take more than a share of the
		 * time that leaves BOUND_MIN_ROUNDS, the time is better spent searching */
		if (first && p == MIN(self->P / 8, 64) && p > 0 &&
		    self->params->deadline > 0) {
			gint64 now = g_get_monotonic_time();
			gint64 round = (now - begin) * self->P / p;
			if (BOUND_MIN_ROUNDS * round > self->params->deadline - now) {
				stats->abandoned = TRUE;
				return FALSE;
			}
		}
		total += build_prices(self, p) + price_line(self, p, stats);
		add_line(self, p, self->line);
	}
	/* a trainee's pairing is short by the group's mentors of the day */
	for (gsize i = 0; i < n_pair; i++)
		self->g_pair[i] -= self->mentors[i % ((gsize)self->H * self->G)];
	*value = total;
	return TRUE;
}

/* a multiplier held at the end of its range by the subgradient does not move: its part
 * of the subgradient is dropped, so that it does not shrink the others' steps */
static void
project(gdouble *g, const gdouble *x, const gdouble *lo, const gdouble *hi, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		if ((g[i] < 0 && x[i] <= (lo != NULL ? lo[i] : 0)) ||
		    (g[i] > 0 && hi != NULL && x[i] >= hi[i]))
			g[i] = 0;
	}
}

static void
move(gdouble *x, const gdouble *g, const gdouble *lo, const gdouble *hi, gsize n, gdouble size)
{
	for (gsize i = 0; i < n; i++) {
		x[i] = MAX(x[i] + size * g[i], lo != NULL ? lo[i] : 0);
		if (hi != NULL)
			x[i] = MIN(x[i], hi[i]);
	}
}

/* the multipliers of one kind, their subgradient, their direction of the last step
 * and their range (a NULL lo is 0, a NULL hi no limit) */
typedef struct {
	gdouble *x;
	gdouble *g;
	gdouble *d;
	const gdouble *lo;
	const gdouble *hi;
	gsize n;
} Block;

#define N_BLOCKS 6

static void
blocks(Bound *self, Block *b)
{
	gsize n_cells = (gsize)self->H * self->T;
	gsize n_week = (gsize)self->P * self->W;
	gsize n_pair = (gsize)self->n_trainees * self->H * self->G;
	gdouble *d = self->dir;
	Block all[N_BLOCKS] = {
	    {self->lambda, self->g_cover, NULL, self->lambda_min, self->lambda_max, n_cells},
	    {self->nu, self->g_week, NULL, NULL, NULL, n_week},
	    {self->mu, self->g_night, NULL, NULL, NULL, self->P},
	    {self->pi, self->g_pair, NULL, NULL, NULL, n_pair},
	    {self->night_u, self->g_night_u, NULL, NULL, NULL, self->P},
	    {self->weekend_u, self->g_weekend_u, NULL, NULL, NULL, self->P},
	};
	for (guint k = 0; k < N_BLOCKS; k++) {
		b[k] = all[k];
		b[k].d = d;
		d += b[k].n;
	}
}

static gsize
blocks_size(Bound *self)
{
	return (gsize)self->H * self->T + (gsize)self->P * self->W +
	       (gsize)self->n_trainees * self->H * self->G + 3 * (gsize)self->P;
}

/*
 * a step along the subgradient deflected by the last step's direction, each multiplier
 * kept in its range; FALSE when the projected subgradient is zero, so that the
 * multipliers are optimal. Plain subgradient steps zigzag across the ridge of the dual
 * and take hundreds of rounds to climb it; the modified Camerini-Fratta-Maffioli rule
 * (d = g + beta d', beta = 1.5 max(0, -g.d' / |d'|^2)) adds back the part of the last
 * direction that the new subgradient undoes, which on the city month raises the bound
 * of the first hundred rounds by about a tenth of the remaining gap
 */
static gboolean
step(Bound *self, gdouble factor, gdouble upper, gdouble value)
{
	Block b[N_BLOCKS];
	gdouble gg = 0;
	gdouble gd = 0;
	gdouble dd = 0;
	gdouble beta = 0;
	gdouble size;

	blocks(self, b);
	for (guint k = 0; k < N_BLOCKS; k++) {
		project(b[k].g, b[k].x, b[k].lo, b[k].hi, b[k].n);
		project(b[k].d, b[k].x, b[k].lo, b[k].hi, b[k].n);
		for (gsize i = 0; i < b[k].n; i++) {
			gg += b[k].g[i] * b[k].g[i];
			gd += b[k].g[i] * b[k].d[i];
			dd += b[k].d[i] * b[k].d[i];
		}
	}
	if (gg <= 0)
		return FALSE;
	if (!self->params->plain_steps && dd > 0)
		beta = 1.5 * MAX(0, -gd / dd);
	dd = 0;
	for (guint k = 0; k < N_BLOCKS; k++) {
		for (gsize i = 0; i < b[k].n; i++) {
			b[k].d[i] = b[k].g[i] + beta * b[k].d[i];
			dd += b[k].d[i] * b[k].d[i];
		}
	}
	/* Polyak's rule, along the deflected direction */
	size = factor * MAX(upper - value, 1e-6 * fabs(value) + 1e-3) / dd;
	for (guint k = 0; k < N_BLOCKS; k++)
		move(b[k].x, b[k].d, b[k].lo, b[k].hi, b[k].n, size);
	return TRUE;
}

static void
bound_clear(Bound *self)
{
	roster_line_dp_free(self->dp);
	g_free(self->lambda);
	g_free(self->lambda_min);
	g_free(self->lambda_max);
	g_free(self->nu);
	g_free(self->mu);
	g_free(self->trainee);
	g_free(self->pi);
	g_free(self->pi_sum);
	g_free(self->night_u);
	g_free(self->weekend_u);
	g_free(self->shortfall);
	g_free(self->g_night_u);
	g_free(self->g_weekend_u);
	g_free(self->relax);
	g_free(self->price);
	g_free(self->iprice);
	g_free(self->line);
	g_free(self->g_cover);
	g_free(self->g_week);
	g_free(self->g_night);
	g_free(self->g_pair);
	g_free(self->mentors);
	g_free(self->dir);
}

static void
bound_init(Bound *self, const RosterSolverModel *m, const RosterSolverBoundParams *params)
{
	const RosterSolverHotline *h = m->hotline;
	gsize n_pair;

	self->m = m;
	self->h = h;
	self->params = params;
	self->H = m->n_days;
	self->T = m->n_types;
	self->P = m->n_people;
	self->W = h != NULL ? h->n_weeks : 0;
	self->G = h != NULL ? h->n_pair_groups : 0;
	self->unit = 1;
	for (guint s = 0; s < self->T; s++)
		self->unit = MAX(self->unit, roster_solver_model_type_length(m, (gint)s));
	self->trainee = g_new(gint, self->P);
	for (guint p = 0; p < self->P; p++) {
		gboolean pairs =
		    h != NULL && self->G > 0 && h->pair_role[p] == ROSTER_SOLVER_PAIR_TRAINEE;
		self->trainee[p] = pairs ? (gint)self->n_trainees++ : -1;
	}
	n_pair = (gsize)self->n_trainees * self->H * self->G;
	self->dp = roster_line_dp_new(m);
	roster_line_dp_set_labels_per_key(self->dp, BOUND_EXACT_LABELS);
	/* many cheap rounds raise the bound more than a few that keep run lengths */
	roster_line_dp_set_relax_runs(self->dp, TRUE);
	self->lambda = g_new0(gdouble, (gsize)self->H * self->T + 1);
	self->lambda_min = g_new0(gdouble, (gsize)self->H * self->T + 1);
	self->lambda_max = g_new0(gdouble, (gsize)self->H * self->T + 1);
	self->nu = g_new0(gdouble, (gsize)self->P * self->W + 1);
	self->mu = g_new0(gdouble, self->P + 1);
	self->pi = g_new0(gdouble, n_pair + 1);
	self->pi_sum = g_new0(gdouble, (gsize)self->H * self->G + 1);
	self->night_u = g_new0(gdouble, self->P + 1);
	self->weekend_u = g_new0(gdouble, self->P + 1);
	self->g_night_u = g_new0(gdouble, self->P + 1);
	self->g_weekend_u = g_new0(gdouble, self->P + 1);
	init_shortfall(self);
	self->relax = g_new0(gboolean, self->P + 1);
	self->price = g_new0(gdouble, (gsize)self->H * (self->T + 1));
	self->iprice = g_new0(gint, (gsize)self->H * (self->T + 1));
	self->line = g_new0(gint16, self->H);
	self->g_cover = g_new0(gdouble, (gsize)self->H * self->T + 1);
	self->g_week = g_new0(gdouble, (gsize)self->P * self->W + 1);
	self->g_night = g_new0(gdouble, self->P + 1);
	self->g_pair = g_new0(gdouble, n_pair + 1);
	self->mentors = g_new0(guint, (gsize)self->H * self->G + 1);
	self->dir = g_new0(gdouble, blocks_size(self) + 1);
	init_linearisation(self);
}

/* what the steps aim at: no roster that keeps the hard rules costs less than the
 * optimum, and these are above it or near */
static gdouble
initial_aim(const Bound *self)
{
	const RosterSolverModel *m = self->m;
	const RosterSolverBoundParams *params = self->params;
	gdouble empty = 0;

	if (params->upper < G_MAXDOUBLE)
		return params->upper;
	if (params->incumbent != NULL) {
		RosterSolverRoster roster = {self->P, self->H, (gint16 *)params->incumbent};
		g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, &roster);
		return (gdouble)ev->objective;
	}
	for (guint i = 0; i < self->H * self->T; i++)
		empty += (gdouble)roster_solver_model_cover_cost(m, i, 0);
	return empty;
}

/*
 * the objective split in two, each part bounded on its own: the requests and the
 * commitments by a round with every multiplier at zero (each person's cheapest line by
 * its own requests and shortfall; the seats then cost nothing and the squares are
 * bounded by 0), the squares and the cover by roster-solver-bound-fairness.c. Their
 * sum is a bound, kept when it beats the rounds'. The rounds start where the thread's
 * roster is, and a roster just built is far from fair: on the province month (2,000
 * volunteers) the first round from it is about -45,000, and the 280 rounds that fit
 * in 48 s climb to a few hundred, where this proves at once the 3,600 that 180
 * volunteers fall short of their commitments whatever the roster, plus the squares.
 * FALSE when stopped
 */
static gboolean
flat_round(Bound *self, RosterSolverBoundStats *stats)
{
	gsize n_cells = (gsize)self->H * self->T;
	g_autofree gdouble *night_u = g_memdup2(self->night_u, sizeof(gdouble) * self->P);
	g_autofree gdouble *weekend_u = g_memdup2(self->weekend_u, sizeof(gdouble) * self->P);
	g_autofree gdouble *lambda = g_memdup2(self->lambda, sizeof(gdouble) * n_cells);
	gdouble value = 0;

	memset(self->night_u, 0, sizeof(gdouble) * self->P);
	memset(self->weekend_u, 0, sizeof(gdouble) * self->P);
	memset(self->lambda, 0, sizeof(gdouble) * n_cells);
	if (!round_value(self, stats, FALSE, &value))
		return FALSE;
	stats->iterations++;
	if (!self->params->rounds_only) {
		gdouble counts = roster_solver_bound_fairness(self->m);
		g_debug("bound from parts: requests and commitments %.2f, fairness and cover %.2f",
			value,
			counts);
		stats->bound = value + counts;
	}
	memcpy(self->night_u, night_u, sizeof(gdouble) * self->P);
	memcpy(self->weekend_u, weekend_u, sizeof(gdouble) * self->P);
	memcpy(self->lambda, lambda, sizeof(gdouble) * n_cells);
	return TRUE;
}

/* the idle rounds before the step factor halves: by the rounds the time left allows,
 * from the first round's time */
static guint
rounds_patience(const Bound *self, gint64 begin)
{
	gint64 now = g_get_monotonic_time();
	gint64 round = MAX(now - begin, 1);

	if (self->params->deadline <= now)
		return BOUND_PATIENCE;
	return CLAMP((guint)MIN((self->params->deadline - now) / round / BOUND_PATIENCE_SHARE,
				BOUND_PATIENCE_MAX),
		     BOUND_PATIENCE,
		     BOUND_PATIENCE_MAX);
}

/* the step factor below which the rounds end: a short solve, whose time allows no
 * more than the least patience, keeps the old, earlier end, so that its first thread
 * goes back to searching */
static gdouble
rounds_min_step(guint patience)
{
	return patience > BOUND_PATIENCE ? BOUND_MIN_STEP : BOUND_SHORT_MIN_STEP;
}

/**
 * roster_solver_bound:
 * @model: a model, sealed by this call
 * @params: how long and from where
 * @stats: (out caller-allocates): the bound and what it took
 *
 * Computes a lower bound on the objective of every roster of @model that keeps all
 * its hard rules (see roster-solver-bound.c for what is relaxed and how): rounds of
 * pricing each person's line by the line DP, with the rules that join people in the
 * prices, until @params says stop or the bound no longer rises.
 *
 * Returns: %TRUE when a round finished with a bound above zero, which @stats->bound
 *   holds (every objective is at least zero: a bound of zero says nothing)
 */
gboolean
roster_solver_bound(const RosterSolverModel *model,
		    const RosterSolverBoundParams *params,
		    RosterSolverBoundStats *stats)
{
	Bound self = {0};
	gdouble factor = 1.0;
	guint idle = 0;
	guint patience = BOUND_PATIENCE;
	gint64 begin = g_get_monotonic_time();
	gboolean done = FALSE;
	guint rounds = 0;
	guint64 labels;
	gdouble aim;

	g_return_val_if_fail(model != NULL && params != NULL && stats != NULL, FALSE);

	/* as roster_solver_solve() does: the dense arrays are built once */
	roster_solver_model_seal((RosterSolverModel *)model);

	memset(stats, 0, sizeof(*stats));
	stats->bound = -G_MAXDOUBLE;
	bound_init(&self, model, params);
	aim = initial_aim(&self);
	/* the bound from parts costs one round, and the rounds are not abandoned before
	 * it is priced */
	if (self.h != NULL)
		done = !flat_round(&self, stats);
	while (!done) {
		gdouble value = 0;
		gdouble upper;
		gdouble known;
		gint64 round_begin;
		if (params->max_iterations > 0 && stats->iterations >= params->max_iterations)
			break;
		round_begin = g_get_monotonic_time();
		if (!round_value(&self, stats, rounds == 0, &value))
			break;
		stats->iterations++;
		if (rounds++ == 0)
			patience = rounds_patience(&self, round_begin);
		if (value > stats->bound + 1e-9 * MAX(1, fabs(stats->bound))) {
			stats->bound = value;
			idle = 0;
		} else if (++idle >= patience) {
			factor /= 2;
			idle = 0;
		}
		/* a step aims at the best roster's objective, or at the given roster's, or
		 * at the cost of leaving every seat empty */
		known = params->upper;
		if (params->best != NULL)
			known = MIN(known, params->best(params->user_data));
		aim = MIN(aim, known);
		upper = MAX(aim, stats->bound + 1);
		/* an objective is whole: a bound within one of the roster proves it */
		if (known < G_MAXDOUBLE && ceil(stats->bound - 1e-6) >= known)
			break;
		done = factor < rounds_min_step(patience) || !step(&self, factor, upper, value);
	}
	/* every term of the objective is a sum of non-negative weights */
	stats->bound = MAX(stats->bound, 0);
	labels = roster_line_dp_get_n_labels(self.dp);
	stats->labels = labels;
	stats->ms_per_round =
	    (gdouble)(g_get_monotonic_time() - begin) / 1000 / MAX(stats->iterations, 1);
	bound_clear(&self);
	return stats->iterations > 0 && stats->bound > 0;
}
