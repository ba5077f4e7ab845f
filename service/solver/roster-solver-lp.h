/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * the linear program of the column generation's master: rows that are equalities,
 * columns added and deleted as pricing goes, bounds changed by the dives. Rows and
 * columns are numbered from 1. Its simplex is COIN-OR CLP's, warm from the last basis,
 * then GLPK's after roster_lp_hand_over(); its branch and bound over binary columns is
 * GLPK's, on a copy.
 */
typedef struct _RosterLp RosterLp;

/* an upper bound of G_MAXDOUBLE is none; GLPK's simplex from the start unless @clp */
RosterLp *
roster_lp_new(guint n_rows, gboolean clp);
void
roster_lp_free(RosterLp *self);
void
roster_lp_set_row(RosterLp *self, gint i, gdouble value);
gint
roster_lp_add_col(RosterLp *self,
		  gint len,
		  const gint *ind,
		  const gdouble *val,
		  gdouble lo,
		  gdouble hi,
		  gdouble cost);
void
roster_lp_delete_cols(RosterLp *self, guint n, const gint *cols);
gint
roster_lp_get_n_rows(RosterLp *self);
gint
roster_lp_get_n_cols(RosterLp *self);
void
roster_lp_set_bounds(RosterLp *self, gint j, gdouble lo, gdouble hi);
gdouble
roster_lp_get_lo(RosterLp *self, gint j);
gdouble
roster_lp_get_hi(RosterLp *self, gint j);
void
roster_lp_set_cost(RosterLp *self, gint j, gdouble cost);
gdouble
roster_lp_get_cost(RosterLp *self, gint j);

gboolean
roster_lp_hand_over(RosterLp *self, gint64 deadline);
gboolean
roster_lp_solve(RosterLp *self, gboolean dual, gint64 deadline);
gdouble
roster_lp_get_objective(RosterLp *self);
gdouble
roster_lp_get_value(RosterLp *self, gint j);
gdouble
roster_lp_get_reduced_cost(RosterLp *self, gint j);
gboolean
roster_lp_is_basic(RosterLp *self, gint j);
gdouble
roster_lp_get_row_dual(RosterLp *self, gint i);

gboolean
roster_lp_solve_binary(RosterLp *self,
		       gint first_binary,
		       const gdouble *start,
		       gint64 deadline,
		       gdouble *x,
		       gdouble *objective);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterLp, roster_lp_free)

G_END_DECLS
