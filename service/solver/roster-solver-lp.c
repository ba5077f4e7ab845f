/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <coin/Clp_C_Interface.h>
#include <float.h>
#include <glpk.h>
#include <string.h>

#include "roster-solver-lp.h"

/*
 * CLP rather than GLPK for the simplex: the master's basis is mostly lines of 20 to 28
 * cells, and GLPK refactorizes it every 100 updates with a dense LU. The root's masters
 * of four weeks of 120 people and 18 types, re-solved warm by each: CLP's median 169 ms
 * a round against GLPK's 284 ms, in as many iterations (README, session 18).
 */

/* what CLP takes as no bound: its COIN_DBL_MAX, declared for C++ only */
#define CLP_INFINITY DBL_MAX

/* iterations of one call to CLP's simplex, between looks at the deadline */
#define ITERATIONS_PER_CALL 2000

/* CLP's column statuses */
enum {
	CLP_BASIC = 1,
	CLP_AT_UPPER = 2,
	CLP_AT_LOWER = 3,
	CLP_FIXED = 5,
};

struct _RosterLp {
	Clp_Simplex *clp; /* until roster_lp_hand_over() */
	glp_prob *glp;	  /* after it */
	gboolean glpk_used;
	gint n_rows;
	gdouble *row_dual; /* 0-based, of the last relaxation solved */
	gdouble objective;
	/* columns added since the last flush: CLP's column arrays are reallocated by
	 * every addition, so they go in together */
	GArray *starts;	 /* CoinBigIndex, pending + 1 */
	GArray *indices; /* gint, 0-based rows */
	GArray *values;
	GArray *lo;
	GArray *hi;
	GArray *cost;
};

static gdouble
to_clp_bound(gdouble hi)
{
	return hi >= G_MAXDOUBLE ? CLP_INFINITY : hi;
}

RosterLp *
roster_lp_new(guint n_rows, gboolean clp)
{
	RosterLp *self = g_new0(RosterLp, 1);
	CoinBigIndex start = 0;

	if (clp) {
		self->clp = Clp_newModel();
		Clp_setLogLevel(self->clp, 0);
		Clp_setOptimizationDirection(self->clp, 1);
		Clp_resize(self->clp, (gint)n_rows, 0);
	} else {
		glp_term_out(GLP_OFF);
		self->glpk_used = TRUE;
		self->glp = glp_create_prob();
		glp_set_obj_dir(self->glp, GLP_MIN);
		glp_add_rows(self->glp, (gint)n_rows);
	}
	self->n_rows = (gint)n_rows;
	self->row_dual = g_new0(gdouble, n_rows);
	self->starts = g_array_new(FALSE, FALSE, sizeof(CoinBigIndex));
	self->indices = g_array_new(FALSE, FALSE, sizeof(gint));
	self->values = g_array_new(FALSE, FALSE, sizeof(gdouble));
	self->lo = g_array_new(FALSE, FALSE, sizeof(gdouble));
	self->hi = g_array_new(FALSE, FALSE, sizeof(gdouble));
	self->cost = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_array_append_val(self->starts, start);
	return self;
}

void
roster_lp_free(RosterLp *self)
{
	if (self->clp != NULL)
		Clp_deleteModel(self->clp);
	if (self->glp != NULL)
		glp_delete_prob(self->glp);
	/* GLPK keeps an environment per thread: free it, the solver threads are short
	 * and hold one program at a time */
	if (self->glpk_used)
		glp_free_env();
	g_free(self->row_dual);
	g_array_unref(self->starts);
	g_array_unref(self->indices);
	g_array_unref(self->values);
	g_array_unref(self->lo);
	g_array_unref(self->hi);
	g_array_unref(self->cost);
	g_free(self);
}

/* row @i requires exactly @value */
void
roster_lp_set_row(RosterLp *self, gint i, gdouble value)
{
	if (self->glp != NULL) {
		glp_set_row_bnds(self->glp, i, GLP_FX, value, value);
		return;
	}
	Clp_rowLower(self->clp)[i - 1] = value;
	Clp_rowUpper(self->clp)[i - 1] = value;
}

/* the pending columns into CLP, nonbasic at their lower bound */
static void
flush(RosterLp *self)
{
	gint n = (gint)self->lo->len;
	gint first = Clp_getNumCols(self->clp);
	if (n == 0)
		return;
	Clp_addColumns(self->clp,
		       n,
		       (gdouble *)self->lo->data,
		       (gdouble *)self->hi->data,
		       (gdouble *)self->cost->data,
		       (CoinBigIndex *)self->starts->data,
		       (gint *)self->indices->data,
		       (gdouble *)self->values->data);
	/* before the first solve there is no basis yet */
	for (gint j = first; j < first + n && Clp_statusExists(self->clp); j++)
		Clp_setColumnStatus(self->clp, j, CLP_AT_LOWER);
	g_array_set_size(self->starts, 1);
	g_array_set_size(self->indices, 0);
	g_array_set_size(self->values, 0);
	g_array_set_size(self->lo, 0);
	g_array_set_size(self->hi, 0);
	g_array_set_size(self->cost, 0);
}

/* a column of @len coefficients @val in rows @ind (both from index 1, as GLPK's);
 * returns its number */
gint
roster_lp_add_col(RosterLp *self,
		  gint len,
		  const gint *ind,
		  const gdouble *val,
		  gdouble lo,
		  gdouble hi,
		  gdouble cost)
{
	CoinBigIndex end;
	gdouble clp_hi = to_clp_bound(hi);
	if (self->glp != NULL) {
		gint j = glp_add_cols(self->glp, 1);
		glp_set_mat_col(self->glp, j, len, ind, val);
		roster_lp_set_bounds(self, j, lo, hi);
		glp_set_obj_coef(self->glp, j, cost);
		return j;
	}
	for (gint k = 1; k <= len; k++) {
		gint row = ind[k] - 1;
		g_array_append_val(self->indices, row);
	}
	g_array_append_vals(self->values, val + 1, (guint)len);
	end = (CoinBigIndex)self->indices->len;
	g_array_append_val(self->starts, end);
	g_array_append_val(self->lo, lo);
	g_array_append_val(self->hi, clp_hi);
	g_array_append_val(self->cost, cost);
	return roster_lp_get_n_cols(self);
}

/* deletes the @n columns @cols; those after them move down */
void
roster_lp_delete_cols(RosterLp *self, guint n, const gint *cols)
{
	g_autofree gint *which = g_new(gint, n + 1);
	if (self->glp != NULL) {
		memcpy(which + 1, cols, sizeof(gint) * n);
		glp_del_cols(self->glp, (gint)n, which);
		return;
	}
	flush(self);
	for (guint k = 0; k < n; k++)
		which[k] = cols[k] - 1;
	Clp_deleteColumns(self->clp, (gint)n, which);
}

gint
roster_lp_get_n_rows(RosterLp *self)
{
	return self->n_rows;
}

gint
roster_lp_get_n_cols(RosterLp *self)
{
	if (self->glp != NULL)
		return glp_get_num_cols(self->glp);
	return Clp_getNumCols(self->clp) + (gint)self->lo->len;
}

void
roster_lp_set_bounds(RosterLp *self, gint j, gdouble lo, gdouble hi)
{
	if (self->glp != NULL) {
		if (hi >= G_MAXDOUBLE)
			glp_set_col_bnds(self->glp, j, GLP_LO, lo, 0);
		else if (hi > lo)
			glp_set_col_bnds(self->glp, j, GLP_DB, lo, hi);
		else
			glp_set_col_bnds(self->glp, j, GLP_FX, lo, lo);
		return;
	}
	flush(self);
	Clp_columnLower(self->clp)[j - 1] = lo;
	Clp_columnUpper(self->clp)[j - 1] = to_clp_bound(hi);
}

gdouble
roster_lp_get_lo(RosterLp *self, gint j)
{
	if (self->glp != NULL)
		return glp_get_col_lb(self->glp, j);
	flush(self);
	return Clp_getColLower(self->clp)[j - 1];
}

/* G_MAXDOUBLE when the column has no upper bound */
gdouble
roster_lp_get_hi(RosterLp *self, gint j)
{
	gdouble hi;
	if (self->glp != NULL) {
		return glp_get_col_type(self->glp, j) == GLP_LO ? G_MAXDOUBLE
								: glp_get_col_ub(self->glp, j);
	}
	flush(self);
	hi = Clp_getColUpper(self->clp)[j - 1];
	return hi >= CLP_INFINITY ? G_MAXDOUBLE : hi;
}

void
roster_lp_set_cost(RosterLp *self, gint j, gdouble cost)
{
	if (self->glp != NULL) {
		glp_set_obj_coef(self->glp, j, cost);
		return;
	}
	flush(self);
	Clp_objective(self->clp)[j - 1] = cost;
}

gdouble
roster_lp_get_cost(RosterLp *self, gint j)
{
	if (self->glp != NULL)
		return glp_get_obj_coef(self->glp, j);
	flush(self);
	return Clp_getObjCoefficients(self->clp)[j - 1];
}

static gint
remaining_ms(gint64 deadline)
{
	gint64 left = (deadline - g_get_monotonic_time()) / 1000;
	return (gint)CLAMP(left, 1, G_MAXINT32);
}

/* the program in GLPK, with CLP's basis */
static glp_prob *
to_glpk(RosterLp *self, gint first_binary)
{
	glp_prob *lp = glp_create_prob();
	gint n_cols = Clp_getNumCols(self->clp);
	const CoinBigIndex *starts = Clp_getVectorStarts(self->clp);
	const gint *lengths = Clp_getVectorLengths(self->clp);
	const gint *indices = Clp_getIndices(self->clp);
	const gdouble *elements = Clp_getElements(self->clp);
	const gdouble *col_lo = Clp_getColLower(self->clp);
	const gdouble *col_hi = Clp_getColUpper(self->clp);
	const gdouble *cost = Clp_getObjCoefficients(self->clp);
	const gdouble *row_lo = Clp_getRowLower(self->clp);
	g_autofree gint *ind = g_new(gint, (gsize)self->n_rows + 1);
	g_autofree gdouble *val = g_new(gdouble, (gsize)self->n_rows + 1);

	glp_set_obj_dir(lp, GLP_MIN);
	glp_add_rows(lp, self->n_rows);
	for (gint i = 0; i < self->n_rows; i++) {
		glp_set_row_bnds(lp, i + 1, GLP_FX, row_lo[i], row_lo[i]);
		glp_set_row_stat(lp,
				 i + 1,
				 Clp_getRowStatus(self->clp, i) == CLP_BASIC ? GLP_BS : GLP_NS);
	}
	glp_add_cols(lp, n_cols);
	for (gint j = 0; j < n_cols; j++) {
		gint len = lengths[j];
		gint status = Clp_getColumnStatus(self->clp, j);
		for (gint k = 0; k < len; k++) {
			ind[k + 1] = indices[starts[j] + k] + 1;
			val[k + 1] = elements[starts[j] + k];
		}
		glp_set_mat_col(lp, j + 1, len, ind, val);
		if (col_hi[j] >= CLP_INFINITY)
			glp_set_col_bnds(lp, j + 1, GLP_LO, col_lo[j], 0);
		else if (col_hi[j] > col_lo[j])
			glp_set_col_bnds(lp, j + 1, GLP_DB, col_lo[j], col_hi[j]);
		else
			glp_set_col_bnds(lp, j + 1, GLP_FX, col_lo[j], col_lo[j]);
		glp_set_obj_coef(lp, j + 1, cost[j]);
		if (j + 1 >= first_binary)
			glp_set_col_kind(lp, j + 1, GLP_BV);
		glp_set_col_stat(lp,
				 j + 1,
				 status == CLP_BASIC	  ? GLP_BS
				 : status == CLP_AT_UPPER ? GLP_NU
				 : status == CLP_FIXED	  ? GLP_NS
							  : GLP_NL);
	}
	return lp;
}

static gboolean
solve_glpk(RosterLp *self, gboolean dual, gint64 deadline)
{
	glp_smcp parm;
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	if (dual)
		parm.meth = GLP_DUALP;
	parm.tm_lim = remaining_ms(deadline);
	if (glp_simplex(self->glp, &parm) != 0 || glp_get_status(self->glp) != GLP_OPT)
		return FALSE;
	for (gint i = 0; i < self->n_rows; i++)
		self->row_dual[i] = glp_get_row_dual(self->glp, i + 1);
	self->objective = glp_get_obj_val(self->glp);
	return TRUE;
}

/*
 * from now on GLPK's simplex, from CLP's last basis. CLP factorizes the basis afresh
 * at each solve, GLPK keeps its factorization between solves: CLP is faster while
 * each solve takes hundreds of iterations (the root's pricing rounds), GLPK once
 * most take a few (the dives: 70 ms a round against CLP's 80-120 ms on four weeks of
 * 120 people and 18 types). Solves the relaxation again (from the optimal basis:
 * no iteration) so that the getters answer; FALSE when that fails by @deadline.
 */
gboolean
roster_lp_hand_over(RosterLp *self, gint64 deadline)
{
	if (self->glp != NULL)
		return TRUE;
	flush(self);
	glp_term_out(GLP_OFF);
	self->glpk_used = TRUE;
	self->glp = to_glpk(self, G_MAXINT);
	Clp_deleteModel(self->clp);
	self->clp = NULL;
	return solve_glpk(self, FALSE, deadline);
}

/*
 * solves the relaxation from the last basis, by the dual simplex when @dual (after
 * bounds were tightened the basis stays dual feasible), else by the primal; FALSE when
 * it is not optimal by @deadline (monotonic µs)
 */
gboolean
roster_lp_solve(RosterLp *self, gboolean dual, gint64 deadline)
{
	gint status;
	if (self->glp != NULL)
		return solve_glpk(self, dual, deadline);
	flush(self);
	Clp_setMaximumIterations(self->clp, ITERATIONS_PER_CALL);
	for (;;) {
		/* the limit counts the model's iterations, not the call's */
		Clp_setNumberIterations(self->clp, 0);
		if (dual)
			Clp_dual(self->clp, 0);
		else
			Clp_primal(self->clp, 0);
		status = Clp_status(self->clp);
		/* 3: stopped at the iteration limit */
		if (status != 3 || g_get_monotonic_time() >= deadline)
			break;
	}
	if (status != 0)
		return FALSE;
	memcpy(self->row_dual,
	       Clp_dualRowSolution(self->clp),
	       sizeof(gdouble) * (gsize)self->n_rows);
	self->objective = Clp_objectiveValue(self->clp);
	return TRUE;
}

/* of the last relaxation solved, as every getter below */
gdouble
roster_lp_get_objective(RosterLp *self)
{
	return self->objective;
}

gdouble
roster_lp_get_value(RosterLp *self, gint j)
{
	if (self->glp != NULL)
		return glp_get_col_prim(self->glp, j);
	/* a column added since */
	if (j > Clp_getNumCols(self->clp))
		return 0;
	return Clp_primalColumnSolution(self->clp)[j - 1];
}

gdouble
roster_lp_get_reduced_cost(RosterLp *self, gint j)
{
	if (self->glp != NULL)
		return glp_get_col_dual(self->glp, j);
	return Clp_dualColumnSolution(self->clp)[j - 1];
}

gboolean
roster_lp_is_basic(RosterLp *self, gint j)
{
	if (self->glp != NULL)
		return glp_get_col_stat(self->glp, j) == GLP_BS;
	return Clp_getColumnStatus(self->clp, j - 1) == CLP_BASIC;
}

gdouble
roster_lp_get_row_dual(RosterLp *self, gint i)
{
	return self->row_dual[i - 1];
}

typedef struct {
	const gdouble *start;
	gboolean offered;
} Incumbent;

static void
offer_incumbent(glp_tree *tree, void *info)
{
	Incumbent *inc = info;
	if (glp_ios_reason(tree) != GLP_IHEUR || inc->offered)
		return;
	inc->offered = TRUE;
	glp_ios_heur_sol(tree, inc->start);
}

/*
 * branch and bound (GLPK's) with the columns from @first_binary on binary, starting
 * from the values @start (from index 1) of a solution; TRUE when it found one by
 * @deadline, its values then in @x (from index 1) and its cost in @objective
 */
gboolean
roster_lp_solve_binary(RosterLp *self,
		       gint first_binary,
		       const gdouble *start,
		       gint64 deadline,
		       gdouble *x,
		       gdouble *objective)
{
	glp_prob *lp;
	Incumbent inc = {start, FALSE};
	glp_smcp sparm;
	glp_iocp parm;
	gint status;
	gint n_cols;

	glp_term_out(GLP_OFF);
	self->glpk_used = TRUE;
	if (self->glp != NULL) {
		lp = glp_create_prob();
		glp_copy_prob(lp, self->glp, GLP_OFF);
		for (gint j = first_binary; j <= glp_get_num_cols(lp); j++)
			glp_set_col_kind(lp, j, GLP_BV);
	} else {
		flush(self);
		lp = to_glpk(self, first_binary);
	}
	n_cols = glp_get_num_cols(lp);
	glp_init_smcp(&sparm);
	sparm.msg_lev = GLP_MSG_OFF;
	sparm.tm_lim = remaining_ms(deadline);
	/* a basis CLP left singular for GLPK's tolerances: from GLPK's own */
	if (glp_simplex(lp, &sparm) != 0) {
		glp_std_basis(lp);
		sparm.tm_lim = remaining_ms(deadline);
		glp_simplex(lp, &sparm);
	}
	status = GLP_UNDEF;
	if (glp_get_status(lp) == GLP_OPT) {
		glp_init_iocp(&parm);
		parm.msg_lev = GLP_MSG_OFF;
		parm.tm_lim = remaining_ms(deadline);
		parm.cb_func = offer_incumbent;
		parm.cb_info = &inc;
		glp_intopt(lp, &parm);
		status = glp_mip_status(lp);
	}
	if (status == GLP_OPT || status == GLP_FEAS) {
		*objective = glp_mip_obj_val(lp);
		for (gint j = 1; j <= n_cols; j++)
			x[j] = glp_mip_col_val(lp, j);
	}
	glp_delete_prob(lp);
	return status == GLP_OPT || status == GLP_FEAS;
}
