/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-colgen-private.h"

/* the dives of the column generation: fix the lines or assignments the relaxation
 * favours and price again, until every person has a line */

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
		gdouble x = roster_lp_get_value(self->lp, line_col(self, c));
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

/* 1 for each cell a dive has fixed, 0 for the rest */
static void
write_fixings(Colgen *self, guint8 *fixings)
{
	gsize n = (gsize)self->m->n_people * self->m->n_days;
	for (gsize i = 0; i < n; i++)
		fixings[i] = self->fixed[i] != FIXED_NONE;
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
		if (roster_lp_get_value(self->lp, no_line_col(self, p)) > RC_EPSILON)
			integral = FALSE;
	}
	for (guint i = 0; i < 2 * self->n_cells; i++) {
		if (roster_lp_get_value(self->lp, artificial_col(self, 0) + (gint)i) > RC_EPSILON)
			integral = FALSE;
	}
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		const gint16 *line = &g_array_index(self->lines, gint16, (gsize)c * H);
		gdouble x;
		if (!self->alive->data[c])
			continue;
		x = roster_lp_get_value(self->lp, line_col(self, c));
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
		    roster_lp_get_value(self->lp, line_col(self, c)) > 1 - RC_EPSILON)
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
				roster_lp_set_bounds(self->lp, line_col(self, c), 0, 0);
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
		x = roster_lp_get_value(self->lp, line_col(self, c));
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
gboolean
roster_colgen_dive(Colgen *self,
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
		if (roster_colgen_price_rounds(self, DIVE_ROUNDS, TRUE, params, rounds) ==
		    PRICE_FAILED)
			return FALSE;
		/* no roster below this dive's relaxation beats the best so far */
		if (roster_lp_get_objective(self->lp) > self->cutoff)
			return FALSE;
	}
}

/*
 * only dives may leave a person without a line (at a prohibitive cost), when their
 * fixings rule out every line the person has so far; a column that costs that much
 * would only hurt the precision of the duals elsewhere
 */
void
roster_colgen_allow_no_line(Colgen *self, gboolean allow)
{
	guint P = self->m->n_people;
	for (guint p = 0; p < P; p++) {
		gint j = no_line_col(self, p);
		if (allow)
			roster_lp_set_bounds(self->lp, j, 0, G_MAXDOUBLE);
		else
			roster_lp_set_bounds(self->lp, j, 0, 0);
	}
}

/*
 * the values of every column (1-based) for the roster of the lines in @chosen, with
 * the cover slacks it needs; returns its cost over the window
 */
gdouble
roster_colgen_roster_values(Colgen *self, const gint *chosen, gdouble *x)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint W = self->last - self->first + 1;
	g_autofree guint *count = g_new0(guint, (gsize)W * T);
	gdouble cost = 0;

	memset(x, 0, sizeof(gdouble) * ((gsize)roster_lp_get_n_cols(self->lp) + 1));
	for (guint p = 0; p < m->n_people; p++) {
		guint c = (guint)chosen[p];
		gint j = line_col(self, c);
		x[j] = 1;
		cost += roster_lp_get_cost(self->lp, j);
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

/* no roster worth finding costs more than the cutoff: one less than the best so far,
 * here or the caller's */
void
roster_colgen_update_cutoff(Colgen *self, Best *best)
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
	g_autofree gdouble *x = g_new(gdouble, (gsize)roster_lp_get_n_cols(self->lp) + 1);
	gdouble cost = roster_colgen_roster_values(self, self->chosen, x);

	if (cost < best->cost - 0.5) {
		g_debug("roster %.0f after %u rounds", cost, best->stats->rounds);
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
gboolean
roster_colgen_dive_once(Colgen *self, Best *best, gboolean by_lines, gboolean randomise)
{
	const RosterColgenParams *params = best->params;
	RosterColgenStats *stats = best->stats;
	guint k = best->n_dives++;

	roster_colgen_update_cutoff(self, best);
	/* a roster at the bound already: nothing is left to find */
	if (stats->lp_optimal && self->cutoff < best->bound - 0.5)
		return FALSE;
	if (!roster_colgen_dive(self, by_lines, randomise, params, &stats->rounds)) {
		/* a roster all the same: the dive's fixings, the rest rounded */
		if (best->cost == G_MAXDOUBLE && k == 0) {
			pick_lines(self, best->cells);
			if (params->fixings != NULL && stopped(self, params))
				write_fixings(self, params->fixings);
		}
		return !stopped(self, params);
	}
	stats->dives++;
	return offer_roster(self, best);
}
