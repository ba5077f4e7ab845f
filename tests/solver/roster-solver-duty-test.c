/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty rota's exact assignment: cover first, then sharing, limits and backups */

#include "config.h"

#include "roster-solver-duty.h"

static RosterDutyProblem *
problem_all_allowed(guint n_blocks, guint n_people, guint n_backups)
{
	RosterDutyProblem *problem = roster_duty_problem_new(n_blocks, n_people, n_backups);

	for (guint b = 0; b < n_blocks; b++) {
		for (guint p = 0; p < n_people; p++)
			roster_duty_problem_allow(problem, b, p, TRUE);
	}
	return problem;
}

/* 30 nights, three experts: every night has a primary, ten each */
static void
test_duty_every_night_shared(void)
{
	g_autoptr(RosterDutyProblem) problem = problem_all_allowed(30, 3, 0);
	g_autoptr(RosterDutySolution) solution = roster_duty_solve(problem);
	guint count[3] = {0, 0, 0};

	g_assert_cmpuint(solution->n_uncovered, ==, 0);
	for (guint b = 0; b < 30; b++) {
		g_assert_cmpint(solution->primary[b], >=, 0);
		count[solution->primary[b]]++;
	}
	for (guint p = 0; p < 3; p++)
		g_assert_cmpuint(count[p], ==, 10);
}

/* a block nobody may hold stays uncovered; the others are still covered */
static void
test_duty_block_without_expert(void)
{
	g_autoptr(RosterDutyProblem) problem = problem_all_allowed(4, 2, 0);
	g_autoptr(RosterDutySolution) solution = NULL;

	roster_duty_problem_allow(problem, 2, 0, FALSE);
	roster_duty_problem_allow(problem, 2, 1, FALSE);
	solution = roster_duty_solve(problem);
	g_assert_cmpuint(solution->n_uncovered, ==, 1);
	g_assert_cmpint(solution->primary[2], ==, -1);
	g_assert_cmpint(solution->primary[0], >=, 0);
	g_assert_cmpint(solution->primary[1], >=, 0);
	g_assert_cmpint(solution->primary[3], >=, 0);
}

/* cover comes before sharing: the only one allowed on block 1 takes it even though
 * that gives them two blocks and the other none */
static void
test_duty_cover_before_sharing(void)
{
	g_autoptr(RosterDutyProblem) problem = roster_duty_problem_new(2, 2, 0);
	g_autoptr(RosterDutySolution) solution = NULL;

	roster_duty_problem_allow(problem, 0, 0, TRUE);
	roster_duty_problem_allow(problem, 0, 1, TRUE);
	roster_duty_problem_allow(problem, 1, 1, TRUE);
	solution = roster_duty_solve(problem);
	g_assert_cmpuint(solution->n_uncovered, ==, 0);
	g_assert_cmpint(solution->primary[0], ==, 0);
	g_assert_cmpint(solution->primary[1], ==, 1);
}

/* a person's limit is never passed, counting the blocks held already in the month */
static void
test_duty_limits(void)
{
	g_autoptr(RosterDutyProblem) problem = problem_all_allowed(6, 2, 0);
	g_autoptr(RosterDutySolution) solution = NULL;
	guint count[2] = {0, 0};

	problem->max_blocks[0] = 3;
	problem->held[0] = 2;
	solution = roster_duty_solve(problem);
	for (guint b = 0; b < 6; b++)
		count[solution->primary[b]]++;
	g_assert_cmpuint(count[0], ==, 1);
	g_assert_cmpuint(count[1], ==, 5);
}

/* the backups of each block are the other allowed people, fastest response first, and
 * never the primary */
static void
test_duty_backups_ordered(void)
{
	g_autoptr(RosterDutyProblem) problem = problem_all_allowed(3, 4, 2);
	g_autoptr(RosterDutySolution) solution = NULL;

	problem->response_minutes[0] = 25;
	problem->response_minutes[1] = 5;
	problem->response_minutes[2] = 15;
	problem->response_minutes[3] = 10;
	roster_duty_problem_allow(problem, 1, 1, FALSE);
	solution = roster_duty_solve(problem);
	for (guint b = 0; b < 3; b++) {
		gint first = roster_duty_solution_get_backup(solution, b, 0);
		gint second = roster_duty_solution_get_backup(solution, b, 1);
		g_assert_cmpint(first, >=, 0);
		g_assert_cmpint(second, >=, 0);
		g_assert_cmpint(first, !=, solution->primary[b]);
		g_assert_cmpint(second, !=, solution->primary[b]);
		g_assert_cmpint(problem->response_minutes[first],
				<=,
				problem->response_minutes[second]);
		g_assert_true(roster_duty_problem_is_allowed(problem, b, first));
		g_assert_true(roster_duty_problem_is_allowed(problem, b, second));
	}
	/* block 1 refuses person 1, the fastest: its first backup is someone else */
	g_assert_cmpint(roster_duty_solution_get_backup(solution, 1, 0), !=, 1);
	g_assert_cmpint(roster_duty_solution_get_backup(solution, 0, 2), ==, -1);
}

/* an avoided block goes to someone else when the sharing allows it */
static void
test_duty_avoided(void)
{
	g_autoptr(RosterDutyProblem) problem = problem_all_allowed(2, 2, 0);
	g_autoptr(RosterDutySolution) solution = NULL;

	problem->cost[0 * 2 + 0] = 500;
	solution = roster_duty_solve(problem);
	g_assert_cmpint(solution->primary[0], ==, 1);
	g_assert_cmpint(solution->primary[1], ==, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/solver/duty/every-night-shared", test_duty_every_night_shared);
	g_test_add_func("/roster/solver/duty/block-without-expert", test_duty_block_without_expert);
	g_test_add_func("/roster/solver/duty/cover-before-sharing", test_duty_cover_before_sharing);
	g_test_add_func("/roster/solver/duty/limits", test_duty_limits);
	g_test_add_func("/roster/solver/duty/backups-ordered", test_duty_backups_ordered);
	g_test_add_func("/roster/solver/duty/avoided", test_duty_avoided);
	return g_test_run();
}
