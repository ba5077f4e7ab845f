/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "roster-solver-lp.h"

/* the column generation's master in small: a row per person (exactly one line), a row
 * per cell (lines + under - over = requirement), random lines; CLP's relaxation, then
 * GLPK's after the hand-over (or GLPK's alone), against each other and against the
 * duals' definition */

#define N_PEOPLE 6
#define N_CELLS	 10
#define N_ROWS	 (N_PEOPLE + N_CELLS)

typedef struct {
	GArray *rows;  /* per column: GArray of gint, 1-based rows */
	GArray *costs; /* gdouble */
} Columns;

static gint
add_column(RosterLp *lp, Columns *cols, GArray *rows, gdouble lo, gdouble hi, gdouble cost)
{
	gint ind[N_ROWS + 1];
	gdouble val[N_ROWS + 1];
	gint j;
	for (guint k = 0; k < rows->len; k++) {
		gint r = g_array_index(rows, gint, k);
		ind[k + 1] = ABS(r);
		val[k + 1] = r < 0 ? -1 : 1;
	}
	j = roster_lp_add_col(lp, (gint)rows->len, ind, val, lo, hi, cost);
	g_assert_cmpint(j, ==, (gint)cols->rows->len + 1);
	g_array_append_val(cols->rows, rows);
	g_array_append_val(cols->costs, cost);
	return j;
}

static GArray *
one_row(gint r)
{
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(gint));
	g_array_append_val(rows, r);
	return rows;
}

/* a line of person p: a random set of cells */
static gint
add_line(RosterLp *lp, Columns *cols, GRand *rand, guint p)
{
	GArray *rows = one_row((gint)p + 1);
	for (guint i = 0; i < N_CELLS; i++) {
		if (g_rand_int_range(rand, 0, 3) == 0) {
			gint r = N_PEOPLE + (gint)i + 1;
			g_array_append_val(rows, r);
		}
	}
	return add_column(lp, cols, rows, 0, G_MAXDOUBLE, g_rand_int_range(rand, 0, 6));
}

/* reduced costs by their definition, and optimality: none negative at a lower bound
 * of zero, zero on a basic column */
static void
assert_duals(RosterLp *lp, Columns *cols)
{
	for (guint c = 0; c < cols->rows->len; c++) {
		GArray *rows = g_array_index(cols->rows, GArray *, c);
		gint j = (gint)c + 1;
		gdouble rc = g_array_index(cols->costs, gdouble, c);
		for (guint k = 0; k < rows->len; k++) {
			gint r = g_array_index(rows, gint, k);
			rc -= (r < 0 ? -1 : 1) * roster_lp_get_row_dual(lp, ABS(r));
		}
		g_assert_cmpfloat_with_epsilon(rc, roster_lp_get_reduced_cost(lp, j), 1e-6);
		if (roster_lp_is_basic(lp, j))
			g_assert_cmpfloat_with_epsilon(rc, 0, 1e-6);
		else if (roster_lp_get_hi(lp, j) > roster_lp_get_lo(lp, j) &&
			 roster_lp_get_value(lp, j) < roster_lp_get_lo(lp, j) + 1e-9)
			g_assert_cmpfloat(rc, >, -1e-6);
	}
}

static void
free_rows(gpointer data)
{
	g_array_unref(*(GArray **)data);
}

static void
test_lp_master(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(7);

	for (guint trial = 0; trial < 20; trial++) {
		/* GLPK from the start in every other trial */
		g_autoptr(RosterLp) lp = roster_lp_new(N_ROWS, trial % 2 == 0);
		Columns cols = {g_array_new(FALSE, FALSE, sizeof(GArray *)),
				g_array_new(FALSE, FALSE, sizeof(gdouble))};
		gint first_line;
		gdouble lp_clp;
		gdouble lp_more;
		g_autofree gdouble *start = NULL;
		g_autofree gdouble *x = NULL;
		gdouble found = 0;
		gint fixed = 0;

		g_array_set_clear_func(cols.rows, free_rows);
		for (guint p = 0; p < N_PEOPLE; p++)
			roster_lp_set_row(lp, (gint)p + 1, 1);
		for (guint i = 0; i < N_CELLS; i++) {
			gint r = N_PEOPLE + (gint)i + 1;
			roster_lp_set_row(lp, r, g_rand_int_range(rand, 0, 3));
			add_column(lp, &cols, one_row(r), 0, G_MAXDOUBLE, 10);
			add_column(lp, &cols, one_row(-r), 0, G_MAXDOUBLE, 1);
		}
		first_line = roster_lp_get_n_cols(lp) + 1;
		for (guint p = 0; p < N_PEOPLE; p++)
			add_line(lp, &cols, rand, p);
		g_assert_cmpfloat(roster_lp_get_hi(lp, 1), ==, G_MAXDOUBLE);

		g_assert_true(roster_lp_solve(lp, FALSE, G_MAXINT64));
		lp_clp = roster_lp_get_objective(lp);
		assert_duals(lp, &cols);

		/* more lines, added warm: the relaxation can only fall */
		for (guint k = 0; k < 4 * N_PEOPLE; k++) {
			gint j = add_line(lp, &cols, rand, k % N_PEOPLE);
			/* not solved yet */
			g_assert_cmpfloat(roster_lp_get_value(lp, j), ==, 0);
		}
		g_assert_true(roster_lp_solve(lp, FALSE, G_MAXINT64));
		lp_more = roster_lp_get_objective(lp);
		g_assert_cmpfloat(lp_more, <=, lp_clp + 1e-9);
		assert_duals(lp, &cols);

		/* non-basic lines deleted: the relaxation stays, the later columns move
		 * down */
		{
			gint del[2];
			guint n = 0;
			for (gint j = roster_lp_get_n_cols(lp); j >= first_line && n < 2; j--) {
				if (!roster_lp_is_basic(lp, j))
					del[n++] = j;
			}
			g_assert_cmpuint(n, ==, 2);
			roster_lp_delete_cols(lp, n, (gint[]){del[1], del[0]});
			g_array_remove_index(cols.rows, (guint)del[0] - 1);
			g_array_remove_index(cols.costs, (guint)del[0] - 1);
			g_array_remove_index(cols.rows, (guint)del[1] - 1);
			g_array_remove_index(cols.costs, (guint)del[1] - 1);
			g_assert_cmpint(roster_lp_get_n_cols(lp), ==, (gint)cols.rows->len);
			g_assert_true(roster_lp_solve(lp, FALSE, G_MAXINT64));
			g_assert_cmpfloat_with_epsilon(roster_lp_get_objective(lp), lp_more, 1e-6);
			assert_duals(lp, &cols);
		}

		/* GLPK from CLP's basis finds the same relaxation */
		g_assert_true(roster_lp_hand_over(lp, G_MAXINT64));
		g_assert_cmpfloat_with_epsilon(roster_lp_get_objective(lp), lp_more, 1e-6);
		assert_duals(lp, &cols);

		/* a dive's fixing: the line used most goes, by the dual simplex */
		for (gint j = first_line; j <= roster_lp_get_n_cols(lp); j++) {
			if (fixed == 0 ||
			    roster_lp_get_value(lp, j) > roster_lp_get_value(lp, fixed))
				fixed = j;
		}
		g_assert_cmpfloat(roster_lp_get_value(lp, fixed), >, 0);
		roster_lp_set_bounds(lp, fixed, 0, 0);
		g_assert_true(roster_lp_solve(lp, TRUE, G_MAXINT64));
		g_assert_cmpfloat(roster_lp_get_value(lp, fixed), ==, 0);
		g_assert_cmpfloat(roster_lp_get_objective(lp), >=, lp_more - 1e-6);
		assert_duals(lp, &cols);
		roster_lp_set_bounds(lp, fixed, 0, G_MAXDOUBLE);
		g_assert_true(roster_lp_solve(lp, FALSE, G_MAXINT64));
		g_assert_cmpfloat_with_epsilon(roster_lp_get_objective(lp), lp_more, 1e-6);

		/* branch and bound over the lines: one whole line a person, at least the
		 * relaxation, at most the roster it started from (each person's first
		 * line, the cells' slacks making up the rest) */
		start = g_new0(gdouble, (gsize)roster_lp_get_n_cols(lp) + 1);
		x = g_new0(gdouble, (gsize)roster_lp_get_n_cols(lp) + 1);
		{
			gdouble cover[N_ROWS + 1] = {0};
			gdouble start_cost = 0;
			for (guint p = 0; p < N_PEOPLE; p++) {
				gint j = first_line + (gint)p;
				GArray *rows = g_array_index(cols.rows, GArray *, j - 1);
				start[j] = 1;
				start_cost += roster_lp_get_cost(lp, j);
				for (guint k = 1; k < rows->len; k++)
					cover[g_array_index(rows, gint, k)]++;
			}
			for (guint i = 0; i < N_CELLS; i++) {
				gint r = N_PEOPLE + (gint)i + 1;
				gdouble req = 0;
				/* the requirement, from the relaxation's row: lines +
				 * under - over */
				for (guint c = 0; c < cols.rows->len; c++) {
					GArray *rows = g_array_index(cols.rows, GArray *, c);
					for (guint k = 0; k < rows->len; k++) {
						gint rr = g_array_index(rows, gint, k);
						if (ABS(rr) == r)
							req += (rr < 0 ? -1 : 1) *
							       roster_lp_get_value(lp, (gint)c + 1);
					}
				}
				req = round(req);
				start[2 * i + 1] = MAX(req - cover[r], 0);
				start[2 * i + 2] = MAX(cover[r] - req, 0);
				start_cost += 10 * start[2 * i + 1] + start[2 * i + 2];
			}
			g_assert_true(
			    roster_lp_solve_binary(lp, first_line, start, G_MAXINT64, x, &found));
			g_assert_cmpfloat(found, >=, lp_more - 1e-6);
			g_assert_cmpfloat(found, <=, start_cost + 1e-6);
		}
		for (guint p = 0; p < N_PEOPLE; p++) {
			gdouble sum = 0;
			for (gint j = first_line; j <= roster_lp_get_n_cols(lp); j++) {
				GArray *rows = g_array_index(cols.rows, GArray *, j - 1);
				g_assert_true(x[j] == 0 || x[j] == 1);
				if (g_array_index(rows, gint, 0) == (gint)p + 1)
					sum += x[j];
			}
			g_assert_cmpfloat(sum, ==, 1);
		}
		g_array_unref(cols.rows);
		g_array_unref(cols.costs);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/solver/lp/master", test_lp_master);
	return g_test_run();
}
