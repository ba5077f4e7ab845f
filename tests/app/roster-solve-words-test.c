/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a solve's and a roster's counts in words, with the English plural of each count */

#include "config.h"

#include <locale.h>

#include "roster-solve-words.h"

static RosterSolveProgress
progress_with(RosterSolveState state, gint64 uncovered)
{
	RosterSolveProgress progress = {
	    .state = state,
	    .has_uncovered = TRUE,
	    .uncovered = uncovered,
	};
	return progress;
}

static void
assert_solve_text(RosterSolveProgress progress, gboolean has_now, guint now, const gchar *expected)
{
	g_autofree gchar *text = roster_solve_dup_uncovered_text(&progress, has_now, now);
	g_assert_cmpstr(text, ==, expected);
}

/* a running solve: 0, 1 and 2 seats, each with its plural; no roster yet is a dash */
static void
test_solve_running(void)
{
	RosterSolveProgress none = {.state = ROSTER_SOLVE_RUNNING};

	assert_solve_text(progress_with(ROSTER_SOLVE_RUNNING, 0), FALSE, 0, "0 seats uncovered");
	assert_solve_text(progress_with(ROSTER_SOLVE_RUNNING, 1), FALSE, 0, "1 seat uncovered");
	assert_solve_text(progress_with(ROSTER_SOLVE_RUNNING, 2), FALSE, 0, "2 seats uncovered");
	assert_solve_text(none, FALSE, 0, "– seats uncovered");
	/* while it runs, the solve's own count is the one that holds */
	assert_solve_text(progress_with(ROSTER_SOLVE_RUNNING, 1), TRUE, 3, "1 seat uncovered");
}

/* an ended solve after a hand edit: its count, then the count now; the same count
 * needs no second figure */
static void
test_solve_after_edit(void)
{
	assert_solve_text(progress_with(ROSTER_SOLVE_DONE, 0),
			  TRUE,
			  1,
			  "0 seats uncovered when it ended, 1 now");
	assert_solve_text(progress_with(ROSTER_SOLVE_DONE, 1),
			  TRUE,
			  0,
			  "1 seat uncovered when it ended, 0 now");
	assert_solve_text(progress_with(ROSTER_SOLVE_CANCELLED, 2),
			  TRUE,
			  5,
			  "2 seats uncovered when it ended, 5 now");
	assert_solve_text(progress_with(ROSTER_SOLVE_DONE, 1), TRUE, 1, "1 seat uncovered");
}

/* a roster's summary: rules and seats, with and without the seats it has */
static void
test_roster_counts(void)
{
	struct {
		guint n;
		const gchar *rules;
		const gchar *seats;
		const gchar *of_seats;
	} cases[] = {
	    {0, "0 broken rules", "0 seats uncovered", "0 of 1 seat uncovered"},
	    {1, "1 broken rule", "1 seat uncovered", "1 of 1 seat uncovered"},
	    {2, "2 broken rules", "2 seats uncovered", "2 of 1 seat uncovered"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *rules = roster_dup_broken_rules_text(cases[i].n);
		g_autofree gchar *seats = roster_dup_uncovered_text(cases[i].n, FALSE, 0);
		g_autofree gchar *of_one = roster_dup_uncovered_text(cases[i].n, TRUE, 1);
		g_autofree gchar *of_many = roster_dup_uncovered_text(cases[i].n, TRUE, 30);
		g_autofree gchar *expected_many =
		    g_strdup_printf("%u of 30 seats uncovered", cases[i].n);

		g_assert_cmpstr(rules, ==, cases[i].rules);
		g_assert_cmpstr(seats, ==, cases[i].seats);
		g_assert_cmpstr(of_one, ==, cases[i].of_seats);
		g_assert_cmpstr(of_many, ==, expected_many);
	}
}

/* the proven gap beside a score: its share with one decimal, and a roster whose gap
 * shows as 0.0 proven the best possible */
static void
test_solve_gap(void)
{
	struct {
		gdouble gap;
		const gchar *text;
	} cases[] = {
	    {0, "proven the best possible"},
	    {0.04, "proven the best possible"},
	    {0.05, "within 0.1 % of the best possible"},
	    {21.5, "within 21.5 % of the best possible"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *text = roster_solve_dup_gap_text(cases[i].gap);
		g_assert_cmpstr(text, ==, cases[i].text);
	}
}

int
main(int argc, char **argv)
{
	/* the words as written in the source: no catalog, the English plural */
	setlocale(LC_ALL, "C");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/solve-words/solve-running", test_solve_running);
	g_test_add_func("/roster/solve-words/solve-after-edit", test_solve_after_edit);
	g_test_add_func("/roster/solve-words/roster-counts", test_roster_counts);
	g_test_add_func("/roster/solve-words/solve-gap", test_solve_gap);
	return g_test_run();
}
