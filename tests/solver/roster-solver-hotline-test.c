/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-evaluate.h"
#include "roster-solver-search-private.h"
#include "roster-solver-search.h"
#include "roster-solver-state.h"

/* a small random model that uses every hotline extra */
static RosterSolverModel *
make_model(guint32 seed)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
	RosterSolverModel *m = roster_solver_model_new(21);
	guint T = 6;
	guint P = 9;

	for (guint s = 0; s < T; s++) {
		g_autofree gchar *id = g_strdup_printf("T%u", s);
		roster_solver_model_add_shift_type(m, id, 480 + 180 * (s % 3), 180);
	}
	roster_solver_model_forbid_succession(m, 2, 0);
	for (guint p = 0; p < P; p++) {
		g_autofree gchar *id = g_strdup_printf("P%u", p);
		roster_solver_model_add_person(m, id);
		for (guint s = 0; s < T; s++)
			roster_solver_model_set_max_shifts(m, p, s, 10);
		roster_solver_model_set_minutes(m, p, 0, 180 * 12);
		roster_solver_model_set_consecutive(m, p, 1, 5, 1);
		roster_solver_model_set_max_weekends(m, p, 3);
	}
	for (guint d = 0; d < 21; d++) {
		for (guint s = 0; s < T; s++)
			roster_solver_model_set_cover(m, d, s, 1, s < 3 ? 100 : 10, 50);
		roster_solver_model_set_weekend(m, d, d % 7 >= 5);
		roster_solver_model_set_day_week(m, d, (d + 3) / 7);
	}
	for (guint s = 0; s < T; s++) {
		roster_solver_model_set_pair_group(m, s, (gint)(s % 3));
		roster_solver_model_set_night(m, s, s % 3 == 2);
	}
	roster_solver_model_set_fairness(m, 3, 2);
	roster_solver_model_set_min_shifts_weight(m, 7);
	for (guint p = 0; p < P; p++) {
		roster_solver_model_set_pair_role(m, p, p % 3);
		roster_solver_model_set_week_max_minutes(m, p, 180 * 4);
		roster_solver_model_set_min_shifts(m, p, 5);
		roster_solver_model_set_max_nights(m, p, 3 + p % 3);
	}
	for (guint k = 0; k < 30; k++) {
		roster_solver_model_forbid_cell(m,
						g_rand_int_range(rand, 0, P),
						g_rand_int_range(rand, 0, 21),
						g_rand_int_range(rand, 0, T));
	}
	roster_solver_model_fix_cell(m, 0, 3, 1);
	roster_solver_model_fix_cell(m, 4, 10, 4);
	return m;
}

/* @n cells of a roster, each a day off or a shift of the @n_types drawn at random */
static void
random_cells(GRand *rand, gint16 *cells, gsize n, guint n_types)
{
	for (gsize i = 0; i < n; i++)
		cells[i] = (gint16)g_rand_int_range(rand, -1, n_types);
}

/* random moves of every shape keep the incremental score equal to the evaluator's */
static void
test_hotline_random_moves(void)
{
	g_autoptr(RosterSolverModel) m = make_model(3);
	g_autoptr(GRand) rand = g_rand_new_with_seed(11);
	guint H = roster_solver_model_get_n_days(m);
	guint P = roster_solver_model_get_n_people(m);
	guint T = roster_solver_model_get_n_shift_types(m);
	g_autoptr(RosterSearchState) st = NULL;
	g_autofree gint16 *vals0 = g_new0(gint16, H);
	g_autofree gint16 *vals1 = g_new0(gint16, H);
	g_autofree gint16 *start = g_new(gint16, (gsize)P * H);

	random_cells(rand, start, (gsize)P * H, T);
	st = roster_search_state_new(m, start);
	for (guint k = 0; k < 3000; k++) {
		RosterMove move = {0};
		RosterSolverRoster roster = {P, H, st->cells};
		g_autoptr(RosterSolverEvaluation) ev = NULL;
		RosterCost delta;
		guint shape = g_rand_int_range(rand, 0, 4);
		guint len = shape == 0 ? 1 : shape == 3 ? H : (guint)g_rand_int_range(rand, 1, 11);

		move.lo = g_rand_int_range(rand, 0, H - len + 1);
		move.hi = move.lo + len - 1;
		move.person[0] = g_rand_int_range(rand, 0, P);
		move.person[1] = (move.person[0] + g_rand_int_range(rand, 1, P)) % P;
		move.n_lines = shape == 2 ? 2 : 1;
		move.vals[0] = vals0;
		move.vals[1] = vals1;
		for (guint d = 0; d < len; d++) {
			if (shape == 2) {
				vals0[d] = st->cells[(gsize)move.person[1] * H + move.lo + d];
				vals1[d] = st->cells[(gsize)move.person[0] * H + move.lo + d];
			} else {
				vals0[d] = (gint16)g_rand_int_range(rand, -1, T);
			}
		}
		delta = roster_search_state_delta(st, &move);
		roster_search_state_apply(st, &move, delta);
		ev = roster_solver_evaluate(m, &roster);
		g_assert_cmpint(st->cost.hard, ==, ev->hard_penalty);
		g_assert_cmpint(st->cost.soft, ==, ev->objective);
	}
}

/* each extra is scored where it should be: one roster, one rule broken at a time */
static void
test_hotline_evaluate_rules(void)
{
	g_autoptr(RosterSolverModel) m = roster_solver_model_new(7);
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;

	roster_solver_model_add_shift_type(m, "day", 480, 180);
	roster_solver_model_add_shift_type(m, "eve", 1140, 180);
	roster_solver_model_add_person(m, "trainee");
	roster_solver_model_add_person(m, "senior");
	for (guint p = 0; p < 2; p++) {
		for (guint s = 0; s < 2; s++)
			roster_solver_model_set_max_shifts(m, p, s, 7);
		roster_solver_model_set_minutes(m, p, 0, 10000);
		roster_solver_model_set_consecutive(m, p, 0, 7, 0);
		roster_solver_model_set_max_weekends(m, p, 1);
	}
	roster_solver_model_set_pair_group(m, 0, 0);
	roster_solver_model_set_pair_group(m, 1, 1);
	roster_solver_model_set_pair_role(m, 0, ROSTER_SOLVER_PAIR_TRAINEE);
	roster_solver_model_set_pair_role(m, 1, ROSTER_SOLVER_PAIR_MENTOR);
	roster_solver_model_forbid_cell(m, 1, 2, 1);
	roster_solver_model_fix_cell(m, 1, 4, 0);
	roster_solver_model_set_week_max_minutes(m, 0, 360);
	roster_solver_model_set_min_shifts(m, 1, 4);
	roster_solver_model_set_min_shifts_weight(m, 5);

	roster = roster_solver_roster_new(2, 7);
	/* trainee alone on day 0 (pairing), on day 1 with the senior, and 3 shifts in the
	 * week (weekly); the senior works the forbidden eve of day 2 and not the pinned day
	 * of day 4; the senior has 3 shifts of a commitment of 4 */
	roster_solver_roster_set(roster, 0, 0, 0);
	roster_solver_roster_set(roster, 0, 1, 0);
	roster_solver_roster_set(roster, 1, 1, 0);
	roster_solver_roster_set(roster, 0, 5, 1);
	roster_solver_roster_set(roster, 1, 5, 1);
	roster_solver_roster_set(roster, 1, 2, 1);
	ev = roster_solver_evaluate(m, roster);
	g_assert_cmpuint(ev->n_violations, ==, 4);
	g_assert_cmpint(ev->hotline_penalty, ==, 5);
}

/* a short solve finds a roster that keeps every extra */
static void
test_hotline_solve(void)
{
	g_autoptr(RosterSolverModel) m = make_model(5);
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;

	roster_solver_options_init(&options);
	/* stops as soon as a feasible roster is found; sanitizer builds are slow */
	options.time_limit = 2.5;
	options.n_threads = 1;
	options.seed = 1;
	options.verify_every = 2000;
	options.has_target = TRUE;
	options.target = G_MAXINT64;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	g_assert_true(result->feasible);
	g_assert_cmpint(roster_solver_roster_get(result->roster, 0, 3), ==, 1);
	g_assert_cmpint(roster_solver_roster_get(result->roster, 4, 10), ==, 4);
}

/* a hotline solve reports a proven bound: above zero (nights and uncovered seats cost),
 * never above the roster it returns */
static void
test_hotline_bound(void)
{
	g_autoptr(RosterSolverModel) m = make_model(5);
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;

	roster_solver_options_init(&options);
	/* the bound has a fifth of the time, after the first roster: room for a busy
	 * machine and a sanitizer build */
	options.time_limit = 8.0;
	options.n_threads = 1;
	options.seed = 1;
	options.verify_every = 2000;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	g_assert_true(result->feasible);
	g_assert_true(result->has_bound);
	g_test_message("objective %" G_GINT64_FORMAT ", bound %.2f",
		       result->objective,
		       result->bound);
	g_assert_cmpfloat(result->bound, >, 0);
	g_assert_cmpfloat(result->bound, <=, (gdouble)result->objective + 1e-6);
}

/*
 * a convex cover penalty: 3 people for two shift types that want 3 each on one day;
 * the k-th missing seat costs k * 100 and a seat below the minimum of 1 costs 1000,
 * so 2 + 1 (missing 1 + 2: 100 + 300) beats 3 + 0 (0 + 1000 + 100 + 200), where a
 * linear penalty would cost 300 either way; two threads (column generation and
 * annealing) must agree on 400
 */
static void
test_hotline_cover_shortage(void)
{
	g_autoptr(RosterSolverModel) m = roster_solver_model_new(1);
	g_autoptr(RosterSolverRoster) piled = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;
	guint counts[2] = {0, 0};

	roster_solver_model_add_shift_type(m, "A", 480, 180);
	roster_solver_model_add_shift_type(m, "B", 660, 180);
	for (guint p = 0; p < 3; p++) {
		g_autofree gchar *id = g_strdup_printf("P%u", p);
		guint q = roster_solver_model_add_person(m, id);
		roster_solver_model_set_minutes(m, q, 0, ROSTER_SOLVER_UNLIMITED);
	}
	for (guint s = 0; s < 2; s++) {
		roster_solver_model_set_cover(m, 0, s, 3, 100, 2000);
		roster_solver_model_set_cover_shortage(m, 0, s, 1, 1000, TRUE);
	}
	piled = roster_solver_roster_new(3, 1);
	for (guint p = 0; p < 3; p++)
		roster_solver_roster_set(piled, p, 0, 0);
	ev = roster_solver_evaluate(m, piled);
	g_assert_cmpint(ev->cover_penalty, ==, 1000 + 100 + 200);

	roster_solver_options_init(&options);
	options.time_limit = 1.0;
	options.n_threads = 2;
	options.seed = 1;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	g_assert_true(result->feasible);
	g_assert_cmpint(result->objective, ==, 100 + 100 + 200);
	for (guint p = 0; p < 3; p++) {
		gint s = roster_solver_roster_get(result->roster, p, 0);
		g_assert_cmpint(s, >=, 0);
		counts[s]++;
	}
	g_assert_cmpuint(MIN(counts[0], counts[1]), ==, 1);
}

/* a roster's cost as the search weighs it */
static gint64
weighed(const RosterSolverModel *m, RosterSolverRoster *roster)
{
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, roster);
	return ev->hard_penalty * HARD_WEIGHT + ev->objective;
}

/*
 * dealings on a hotline, whose pairing and fairness couple people: a dealing is made
 * only where its real cost, taken as it is made, is lower; one whose own rules said
 * cheaper but which costs more is undone, and the roster is then as it was, cell for
 * cell. One draw at a time, each with its own seed; every change is checked against
 * the evaluator, and every seat keeps its people
 */
static void
test_hotline_dealings(void)
{
	g_autoptr(RosterSolverModel) m = make_model(3);
	g_autoptr(GRand) rand = g_rand_new_with_seed(17);
	guint H = roster_solver_model_get_n_days(m);
	guint P = roster_solver_model_get_n_people(m);
	guint T = roster_solver_model_get_n_shift_types(m);
	g_autoptr(RosterSolverRoster) r = roster_solver_roster_new(P, H);
	guint made = 0;

	random_cells(rand, r->cells, (gsize)P * H, T);
	for (guint k = 0; k < 300; k++) {
		g_autoptr(RosterSolverRoster) before = roster_solver_roster_copy(r);
		gint64 cost = weighed(m, r);
		if (roster_search_dealings_roster(m, r, 1, ASSIGN_GROUP, k) > 0) {
			g_assert_cmpint(weighed(m, r), <, cost);
			made++;
		} else {
			g_assert_cmpmem(r->cells,
					sizeof(gint16) * P * H,
					before->cells,
					sizeof(gint16) * P * H);
		}
		for (guint d = 0; d < H; d++) {
			guint had[7] = {0};
			guint has[7] = {0};
			for (guint p = 0; p < P; p++) {
				had[roster_solver_roster_get(before, p, d) + 1]++;
				has[roster_solver_roster_get(r, p, d) + 1]++;
			}
			g_assert_cmpmem(had, sizeof(had), has, sizeof(has));
		}
	}
	g_test_message("%u dealings of 300 made", made);
	g_assert_cmpuint(made, >, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/solver/hotline/random-moves", test_hotline_random_moves);
	g_test_add_func("/roster/solver/hotline/evaluate-rules", test_hotline_evaluate_rules);
	g_test_add_func("/roster/solver/hotline/solve", test_hotline_solve);
	g_test_add_func("/roster/solver/hotline/dealings", test_hotline_dealings);
	g_test_add_func("/roster/solver/hotline/cover-shortage", test_hotline_cover_shortage);
	g_test_add_func("/roster/solver/hotline/bound", test_hotline_bound);
	return g_test_run();
}
