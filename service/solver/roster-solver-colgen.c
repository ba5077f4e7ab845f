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
#define EXACT_LABELS 8

/* the most pricing rounds after each fixing step of a dive */
#define DIVE_ROUNDS 30

/* the most lines the branch and bound after the dive takes on */
#define MIP_MAX_LINES 20000

typedef struct {
	const RosterSolverModel *m;
	RosterLineDp *dp;
	glp_prob *lp;
	guint n_slack;	 /* cover slack columns, 2 per (day, type) */
	GArray *owner;	 /* guint per line column: its person */
	GArray *lines;	 /* gint16, n_days per line column */
	gint *ind;	 /* 1-based row indexes of one column */
	gdouble *val;	 /* and its coefficients */
	gint *price;	 /* n_days * (n_types + 1) */
	gdouble *dual;	 /* 1-based, every row */
	gint16 *line;	 /* n_days */
	gint64 deadline; /* of the current phase, monotonic µs */
	gint *chosen;	 /* n_people: the line column a dive fixed, or -1 */
	guint first;	 /* the window of days re-planned; the others keep the seed */
	guint last;
	const gint16 *seed; /* nullable when the window is the whole horizon */
} Colgen;

static gint
remaining_ms(gint64 deadline)
{
	gint64 left = (deadline - g_get_monotonic_time()) / 1000;
	return (gint)CLAMP(left, 1, G_MAXINT32);
}

/* rows: one per person, then one per (day of the window, shift type) */
static gint
cover_row(const Colgen *self, guint d, guint s)
{
	const RosterSolverModel *m = self->m;
	return (gint)(m->n_people + (d - self->first) * m->n_types + s + 1);
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

static void
add_line(Colgen *self, guint p, const gint16 *line)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	gint len = 1;
	gint j = glp_add_cols(self->lp, 1);

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
}

static void
build_master(Colgen *self)
{
	const RosterSolverModel *m = self->m;
	guint T = m->n_types;
	guint P = m->n_people;
	guint W = self->last - self->first + 1;
	gint first;

	self->lp = glp_create_prob();
	glp_set_obj_dir(self->lp, GLP_MIN);
	glp_add_rows(self->lp, (gint)(P + W * T));
	for (guint p = 0; p < P; p++)
		glp_set_row_bnds(self->lp, (gint)p + 1, GLP_FX, 1, 1);
	/* per (day, type): lines + under - over = requirement */
	self->n_slack = 2 * W * T;
	first = glp_add_cols(self->lp, (gint)self->n_slack);
	for (guint d = self->first; d <= self->last; d++) {
		for (guint s = 0; s < T; s++) {
			guint idx = d * T + s;
			gint row = cover_row(self, d, s);
			gint under = first + 2 * (row - (gint)P - 1);
			gdouble req = m->cover_req[idx];
			gint ind[2] = {0, row};
			gdouble plus[2] = {0, 1};
			gdouble minus[2] = {0, -1};

			glp_set_row_bnds(self->lp, row, GLP_FX, req, req);
			glp_set_mat_col(self->lp, under, 1, ind, plus);
			if (req > 0)
				glp_set_col_bnds(self->lp, under, GLP_DB, 0, req);
			else
				glp_set_col_bnds(self->lp, under, GLP_FX, 0, 0);
			glp_set_obj_coef(self->lp, under, m->cover_under[idx]);
			glp_set_mat_col(self->lp, under + 1, 1, ind, minus);
			glp_set_col_bnds(self->lp, under + 1, GLP_LO, 0, 0);
			glp_set_obj_coef(self->lp, under + 1, m->cover_over[idx]);
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
	parm.tm_lim = remaining_ms(self->deadline);
	if (glp_simplex(self->lp, &parm) != 0)
		return FALSE;
	return glp_get_status(self->lp) == GLP_OPT;
}

/* one pricing round: TRUE when some person got a line with a negative reduced cost */
static gboolean
price_round(Colgen *self, RosterColgenStopFunc stop, gpointer stop_data, gboolean *complete)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint P = m->n_people;
	guint n_rows = P + (self->last - self->first + 1) * T;
	gboolean added = FALSE;

	*complete = FALSE;
	for (guint i = 1; i <= n_rows; i++)
		self->dual[i] = glp_get_row_dual(self->lp, (gint)i);
	for (guint p = 0; p < P; p++) {
		gint64 dp_cost = 0;
		gdouble rc;
		if (self->chosen[p] >= 0)
			continue;
		if (stop(stop_data) || g_get_monotonic_time() >= self->deadline)
			return added;
		for (guint d = self->first; d <= self->last; d++) {
			const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
			gint *pr = self->price + (gsize)d * (T + 1);
			pr[0] = (gint)lround(PRICE_SCALE * un[0]);
			for (guint s = 0; s < T; s++) {
				gdouble mu = self->dual[cover_row(self, d, s)];
				pr[s + 1] = (gint)lround(PRICE_SCALE * (un[s + 1] - mu));
			}
		}
		if (self->seed != NULL)
			memcpy(self->line, self->seed + (gsize)p * H, sizeof(gint16) * H);
		if (!roster_line_dp_solve_window(self->dp,
						 p,
						 self->line,
						 self->first,
						 self->last,
						 self->price,
						 self->line,
						 &dp_cost))
			continue;
		rc = line_cost(self, p, self->line) - self->dual[p + 1];
		for (guint d = self->first; d <= self->last; d++) {
			if (self->line[d] >= 0)
				rc -= self->dual[cover_row(self, d, (guint)self->line[d])];
		}
		if (rc < -RC_EPSILON) {
			add_line(self, p, self->line);
			added = TRUE;
		}
	}
	*complete = TRUE;
	return added;
}

/* the column of the line each person has the most of in the relaxation */
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
		gdouble x = glp_get_col_prim(self->lp, (gint)(self->n_slack + c + 1));
		if (self->chosen[p] >= 0)
			x = (guint)self->chosen[p] == c ? 2 : -1;
		if (x > best[p]) {
			best[p] = x;
			memcpy(cells + (gsize)p * H,
			       &g_array_index(self->lines, gint16, (gsize)c * H),
			       sizeof(gint16) * H);
		}
	}
}

/* keeps column c as its person's line: every other line of the person is set to 0 */
static void
fix_line(Colgen *self, guint c)
{
	guint p = g_array_index(self->owner, guint, c);
	for (guint k = 0; k < self->owner->len; k++) {
		if (k != c && g_array_index(self->owner, guint, k) == p)
			glp_set_col_bnds(self->lp, (gint)(self->n_slack + k + 1), GLP_FX, 0, 0);
	}
	self->chosen[p] = (gint)c;
}

/*
 * price and dive: fix the line the relaxation uses most (and every line it already
 * uses whole), price the people still free again for a few rounds, and repeat until
 * everybody has a line. FALSE when stopped first.
 */
static gboolean
dive(Colgen *self, RosterColgenStopFunc stop, gpointer stop_data, guint *rounds)
{
	const RosterSolverModel *m = self->m;
	guint n_fixed = 0;

	while (n_fixed < m->n_people) {
		guint best_c = G_MAXUINT;
		gdouble best_x = -1;
		guint n_before = n_fixed;
		if (stop(stop_data) || g_get_monotonic_time() >= self->deadline)
			return FALSE;
		for (guint c = 0; c < self->owner->len; c++) {
			guint p = g_array_index(self->owner, guint, c);
			gdouble x;
			if (self->chosen[p] >= 0)
				continue;
			x = glp_get_col_prim(self->lp, (gint)(self->n_slack + c + 1));
			if (x > 1 - RC_EPSILON) {
				fix_line(self, c);
				n_fixed++;
			} else if (x > best_x) {
				best_x = x;
				best_c = c;
			}
		}
		if (n_fixed == n_before && best_c != G_MAXUINT) {
			fix_line(self, best_c);
			n_fixed++;
		}
		if (n_fixed == n_before)
			return FALSE;
		if (n_fixed == m->n_people)
			break;
		for (guint r = 0; r < DIVE_ROUNDS; r++) {
			gboolean complete = FALSE;
			if (!solve_relaxation(self, r == 0))
				return FALSE;
			(*rounds)++;
			if (!price_round(self, stop, stop_data, &complete))
				break;
		}
		if (!solve_relaxation(self, FALSE))
			return FALSE;
	}
	return TRUE;
}

typedef struct {
	gdouble *x; /* 1-based values of every column: the dive's roster */
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
 * from the dive's roster; TRUE when it found a better one, now in @cells
 */
static gboolean
improve_integer(Colgen *self, gint16 *cells)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	gint n_cols = glp_get_num_cols(self->lp);
	g_autofree gdouble *x = g_new0(gdouble, (gsize)n_cols + 1);
	guint W = self->last - self->first + 1;
	g_autofree guint *count = g_new0(guint, (gsize)W * T);
	Incumbent inc = {x, FALSE};
	gdouble dive_obj = 0;
	glp_iocp parm;
	gint status;

	/* the dive's roster as values of the columns, with the slacks it needs */
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		gint j = (gint)(self->n_slack + c + 1);
		glp_set_col_bnds(self->lp, j, GLP_LO, 0, 0);
		glp_set_col_kind(self->lp, j, GLP_BV);
		if ((guint)self->chosen[p] != c)
			continue;
		x[j] = 1;
		dive_obj += glp_get_obj_coef(self->lp, j);
		for (guint d = self->first; d <= self->last; d++) {
			gint16 v = g_array_index(self->lines, gint16, (gsize)c * H + d);
			if (v >= 0)
				count[(d - self->first) * T + (guint)v]++;
		}
	}
	for (guint i = 0; i < W * T; i++) {
		guint idx = self->first * T + i;
		guint req = m->cover_req[idx];
		x[2 * i + 1] = req > count[i] ? req - count[i] : 0;
		x[2 * i + 2] = count[i] > req ? count[i] - req : 0;
		dive_obj += x[2 * i + 1] * m->cover_under[idx] + x[2 * i + 2] * m->cover_over[idx];
	}
	if (!solve_relaxation(self, FALSE))
		return FALSE;
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.tm_lim = remaining_ms(self->deadline);
	parm.cb_func = offer_incumbent;
	parm.cb_info = &inc;
	glp_intopt(self->lp, &parm);
	status = glp_mip_status(self->lp);
	if ((status != GLP_OPT && status != GLP_FEAS) || glp_mip_obj_val(self->lp) > dive_obj - 0.5)
		return FALSE;
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		if (glp_mip_col_val(self->lp, (gint)(self->n_slack + c + 1)) > 0.5)
			memcpy(cells + (gsize)p * H,
			       &g_array_index(self->lines, gint16, (gsize)c * H),
			       sizeof(gint16) * H);
	}
	return TRUE;
}

/**
 * roster_colgen_solve:
 * @m: a sealed model without hotline rules
 * @dp: a line DP workspace for @m
 * @seed_cells: (nullable): a roster whose lines start the master; required when
 *   the window is not the whole horizon
 * @first: the first day to re-plan
 * @last: the last day to re-plan
 * @lp_deadline: when to stop pricing (monotonic time, µs)
 * @ip_deadline: when to stop the integer master
 * @stop: called between lines; %TRUE stops at once
 * @stop_data: user data for @stop
 * @cells: (out caller-allocates): n_people * n_days cells for the roster
 * @stats: (out): what was done
 *
 * Builds a roster from the linear relaxation over whole lines. Every line keeps its
 * person's hard rules; cover is left to the objective.
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
		    gint64 lp_deadline,
		    gint64 ip_deadline,
		    RosterColgenStopFunc stop,
		    gpointer stop_data,
		    gint16 *cells,
		    RosterColgenStats *stats)
{
	Colgen self = {0};
	guint H = m->n_days;
	guint T = m->n_types;
	guint P = m->n_people;
	gboolean ok = TRUE;
	gboolean have_lp = FALSE;
	gint64 exact_round = 0;

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
	self.deadline = lp_deadline;
	for (guint p = 0; p < P; p++)
		self.chosen[p] = -1;

	glp_term_out(GLP_OFF);
	build_master(&self);
	/* fast pricing first: only the cheapest label per key */
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

	while (ok && !stop(stop_data) && g_get_monotonic_time() < self.deadline) {
		gboolean complete = FALSE;
		gboolean added;
		if (!solve_relaxation(&self, FALSE))
			break;
		have_lp = TRUE;
		stats->rounds++;
		stats->lp_objective = glp_get_obj_val(self.lp);
		added = price_round(&self, stop, stop_data, &complete);
		if (complete && !added && exact_round == 0) {
			/* then exact in the per-type counts, until nothing is left */
			gint64 begin = g_get_monotonic_time();
			roster_line_dp_set_labels_per_key(dp, EXACT_LABELS);
			added = price_round(&self, stop, stop_data, &complete);
			exact_round = MAX(g_get_monotonic_time() - begin, 1);
		}
		if (complete && !added) {
			stats->lp_optimal = TRUE;
			break;
		}
	}
	/* the last lines added must be in the relaxation the roster is read from */
	self.deadline = ip_deadline;
	if (ok && have_lp && !stats->lp_optimal)
		have_lp = solve_relaxation(&self, FALSE);
	ok = ok && have_lp;
	if (ok) {
		/* the dive prices exactly only when that costs a small part of its time */
		stats->exact_dive = exact_round > 0 && exact_round * (gint64)P * DIVE_ROUNDS / 8 <
							   ip_deadline - g_get_monotonic_time();
		roster_line_dp_set_labels_per_key(dp, stats->exact_dive ? EXACT_LABELS : 1);
		stats->integer = dive(&self, stop, stop_data, &stats->rounds);
		/* a dive cut short keeps its fixed lines and rounds the rest */
		pick_lines(&self, cells);
		if (stats->integer && !stop(stop_data) &&
		    g_get_monotonic_time() + G_USEC_PER_SEC < ip_deadline &&
		    self.owner->len <= MIP_MAX_LINES)
			stats->improved = improve_integer(&self, cells);
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
	roster_line_dp_set_labels_per_key(dp, 1);
	/* GLPK keeps an environment per thread: free it, the solver threads are short */
	glp_free_env();
	return ok;
}
