/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-evaluate.h"
#include "roster-solver-state.h"
#include "roster-solver-test-common.h"

/* a move of one of four shapes drawn at random: one day, a few days, a block swap
 * between two people, a whole line */
static void
draw_move(GRand *rand, RosterSearchState *st, RosterMove *move, gint16 *vals0, gint16 *vals1)
{
	const RosterSolverModel *m = st->m;
	guint H = m->n_days;
	guint P = m->n_people;
	guint T = m->n_types;
	guint shape = g_rand_int_range(rand, 0, 4);
	guint len = shape == 0	 ? 1
		    : shape == 3 ? H
				 : (guint)g_rand_int_range(rand, 1, MIN(H, 10) + 1);

	move->lo = g_rand_int_range(rand, 0, H - len + 1);
	move->hi = move->lo + len - 1;
	move->person[0] = g_rand_int_range(rand, 0, P);
	move->person[1] = (move->person[0] + g_rand_int_range(rand, 1, P)) % P;
	move->n_lines = shape == 2 ? 2 : 1;
	move->vals[0] = vals0;
	move->vals[1] = vals1;
	for (guint d = 0; d < len; d++) {
		if (shape == 2) {
			/* a block swap between two people */
			vals0[d] = st->cells[(gsize)move->person[1] * H + move->lo + d];
			vals1[d] = st->cells[(gsize)move->person[0] * H + move->lo + d];
		} else {
			vals0[d] = (gint16)g_rand_int_range(rand, -1, T);
		}
	}
}

/* random moves of every shape keep the incremental score equal to the evaluator's */
static void
check_random_moves(RosterSolverModel *m, guint n_moves, guint32 seed)
{
	guint H = m->n_days;
	guint P = m->n_people;
	guint T = m->n_types;
	g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
	g_autoptr(RosterSearchState) st = NULL;
	g_autofree gint16 *vals0 = g_new0(gint16, H);
	g_autofree gint16 *vals1 = g_new0(gint16, H);
	g_autofree gint16 *start = g_new(gint16, (gsize)P * H);

	for (gsize i = 0; i < (gsize)P * H; i++)
		start[i] = g_rand_int_range(rand, 0, 2) ? (gint16)g_rand_int_range(rand, -1, T)
							: -1;
	st = roster_search_state_new(m, start);
	for (guint k = 0; k < n_moves; k++) {
		RosterMove move = {0};
		RosterSolverRoster roster = {P, H, st->cells};
		g_autoptr(RosterSolverEvaluation) ev = NULL;
		RosterCost before = st->cost;
		RosterCost delta;

		draw_move(rand, st, &move, vals0, vals1);
		delta = roster_search_state_delta(st, &move);
		roster_search_state_apply(st, &move, delta);
		ev = roster_solver_evaluate(m, &roster);
		g_assert_cmpint(st->cost.hard, ==, before.hard + delta.hard);
		g_assert_cmpint(st->cost.hard, ==, ev->hard_penalty);
		g_assert_cmpint(st->cost.soft, ==, ev->objective);
	}
}

static void
test_state_random_moves_small(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("small.txt");
	check_random_moves(m, 3000, 1);
}

static void
test_state_random_moves_instance(gconstpointer data)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(data);
	if (m == NULL)
		return;
	check_random_moves(m, 400, 7);
}

/* a state built from the roster of an instance's optimum scores the optimum */
static void
test_state_reset_matches_evaluator(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);
	g_autoptr(RosterSolverRoster) r = NULL;
	g_autoptr(RosterSearchState) st = NULL;

	if (m == NULL)
		return;
	r = roster_test_load_solution(instance, m);
	st = roster_search_state_new(m, r->cells);
	g_assert_cmpint(st->cost.hard, ==, 0);
	g_assert_cmpint(st->cost.soft, ==, instance->optimum);
}

/* @n_moves random moves scored both ways: where the roster breaks no hard rule and a
 * move would break one, the short delta has a positive hard part too (counted in the
 * return value when it stopped early), else the two are equal. The moves that break
 * no more rules are applied, so that the roster changes and a feasible one stays so */
static guint
check_unless_hard(GRand *rand, RosterSearchState *st, guint n_moves, guint *n_applied)
{
	g_autofree gint16 *vals0 = g_new0(gint16, st->m->n_days);
	g_autofree gint16 *vals1 = g_new0(gint16, st->m->n_days);
	guint n_short = 0;

	for (guint k = 0; k < n_moves; k++) {
		RosterMove move = {0};
		RosterCost whole;
		RosterCost part;

		draw_move(rand, st, &move, vals0, vals1);
		whole = roster_search_state_delta(st, &move);
		part = roster_search_state_delta_unless_hard(st, &move);
		if (st->cost.hard == 0 && whole.hard > 0) {
			g_assert_cmpint(part.hard, >, 0);
			n_short += part.hard != whole.hard || part.soft != whole.soft;
			continue;
		}
		g_assert_cmpint(part.hard, ==, whole.hard);
		g_assert_cmpint(part.soft, ==, whole.soft);
		if (whole.hard <= 0) {
			roster_search_state_apply(st, &move, whole);
			(*n_applied)++;
		}
	}
	return n_short;
}

/* the annealing's delta is the whole delta, except that on a roster breaking no hard
 * rule a move that would break one may stop early: on the planted tight half-year
 * (feasible) most random moves break a rule; on a roster breaking rules it is always
 * the whole delta */
static void
test_state_delta_unless_hard(void)
{
	g_autofree gchar *path =
	    g_test_build_filename(G_TEST_DIST, "data", "nrp-8x182-tight.grid", NULL);
	g_autoptr(RosterSolverModel) m = roster_test_load_data("nrp-8x182-tight.txt");
	g_autoptr(RosterSolverRoster) r = roster_test_load_grid(m, path);
	g_autoptr(GRand) rand = g_rand_new_with_seed(3);
	g_autoptr(RosterSearchState) st = NULL;
	guint n_applied = 0;
	guint n_short;

	roster_solver_model_seal(m);
	st = roster_search_state_new(m, r->cells);
	g_assert_cmpint(st->cost.hard, ==, 0);
	n_short = check_unless_hard(rand, st, 4000, &n_applied);
	g_test_message("%u of 4000 moves stopped early, %u applied", n_short, n_applied);
	g_assert_cmpuint(n_short, >, 1000);
	g_assert_cmpuint(n_applied, >, 0);
	g_assert_cmpint(st->cost.hard, ==, 0);

	/* a roster that breaks rules */
	for (guint d = 0; d < m->n_days; d += 3)
		st->cells[d] = ROSTER_SOLVER_OFF;
	roster_search_state_reset(st);
	g_assert_cmpint(st->cost.hard, >, 0);
	n_applied = 0;
	check_unless_hard(rand, st, 1000, &n_applied);
	g_assert_cmpuint(n_applied, >, 0);
	g_assert_cmpint(st->cost.hard, >, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	roster_test_add_instances("/roster/solver/state/random-moves",
				  ROSTER_TEST_ROLE_STATE,
				  test_state_random_moves_instance);
	roster_test_add_instances("/roster/solver/state/reset-matches-evaluator",
				  ROSTER_TEST_ROLE_SOLUTION,
				  test_state_reset_matches_evaluator);
	if (roster_test_is_curtois())
		return roster_test_run();
	g_test_add_func("/roster/solver/state/random-moves-small", test_state_random_moves_small);
	g_test_add_func("/roster/solver/state/delta-unless-hard", test_state_delta_unless_hard);
	return roster_test_run();
}
