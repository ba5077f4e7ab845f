/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-evaluate.h"
#include "roster-solver-test-common.h"

/* the roster of an instance's proven optimum breaks nothing and costs the optimum */
static void
test_evaluate_optimal(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;

	m = roster_test_load_instance(instance);
	if (m == NULL)
		return;
	r = roster_test_load_solution(instance, m);
	ev = roster_solver_evaluate(m, r);
	g_assert_cmpuint(ev->n_violations, ==, 0);
	g_assert_cmpuint(ev->violations->len, ==, 0);
	g_assert_true(ev->feasible);
	g_assert_cmpint(ev->hard_penalty, ==, 0);
	g_assert_cmpint(ev->objective, ==, instance->optimum);
	g_assert_cmpint(ev->cover_penalty + ev->request_penalty, ==, instance->optimum);
}

typedef struct {
	const gchar *grid;
	gboolean feasible;
	gint64 objective;
	const gchar *words; /* a part of the one violation's text */
} HandMade;

/* tests/solver/data/small.txt: each grid breaks one rule once, or sits on a border */
static const HandMade hand_made[] = {
    {"base", TRUE, 407, NULL},
    {"day-off", FALSE, 507, "fixed day off"},
    {"succession", FALSE, 506, "may not follow N"},
    {"succession-reverse", TRUE, 508, NULL},
    {"succession-day0", TRUE, 407, NULL},
    {"max-shifts", FALSE, 606, "2 N shifts, more than the maximum of 1"},
    {"max-minutes", FALSE, 408, "2880 minutes, more than the maximum of 2700"},
    {"min-minutes", FALSE, 505, "960 minutes, fewer than the minimum of 1440"},
    {"all-off", FALSE, 702, "0 minutes, fewer than the minimum"},
    {"max-consecutive", FALSE, 306, "5 consecutive working days, more than"},
    {"max-consecutive-day0", FALSE, 505, "days 0–4: 5 consecutive working days"},
    {"min-consecutive", FALSE, 604, "1 consecutive working days, fewer than"},
    {"min-consecutive-start", TRUE, 406, NULL},
    {"min-consecutive-end", TRUE, 305, NULL},
    {"min-off", FALSE, 406, "1 consecutive days off, fewer than"},
    {"min-off-start", TRUE, 604, NULL},
    {"min-off-end", TRUE, 504, NULL},
    {"weekend-sunday", FALSE, 307, "1 weekends worked, more than the maximum of 0"},
};

static void
test_evaluate_hand_made(gconstpointer data)
{
	const HandMade *h = data;
	g_autoptr(RosterSolverModel) m = roster_test_load_data("small.txt");
	g_autofree gchar *file = g_strdup_printf("small-%s.grid", h->grid);
	g_autofree gchar *path = g_test_build_filename(G_TEST_DIST, "data", file, NULL);
	g_autoptr(RosterSolverRoster) r = roster_test_load_grid(m, path);
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, r);

	g_assert_cmpint(ev->objective, ==, h->objective);
	if (h->feasible) {
		g_assert_true(ev->feasible);
		g_assert_cmpuint(ev->violations->len, ==, 0);
		return;
	}
	g_assert_false(ev->feasible);
	g_assert_cmpuint(ev->n_violations, ==, 1);
	g_assert_cmpuint(ev->violations->len, ==, 1);
	g_assert_cmpint(ev->hard_penalty, >, 0);
	if (strstr(g_ptr_array_index(ev->violations, 0), h->words) == NULL)
		g_error("“%s” does not say “%s”",
			(const gchar *)g_ptr_array_index(ev->violations, 0),
			h->words);
}

static void
test_evaluate_penalties_in_words(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("small.txt");
	g_autofree gchar *path =
	    g_test_build_filename(G_TEST_DIST, "data", "small-base.grid", NULL);
	g_autoptr(RosterSolverRoster) r = roster_test_load_grid(m, path);
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, r);
	gboolean on_request = FALSE;
	gboolean off_request = FALSE;

	/* the on-request for N on day 4 is not met by a D: a different shift still costs */
	for (guint i = 0; i < ev->penalties->len; i++) {
		const gchar *text = g_ptr_array_index(ev->penalties, i);
		on_request |= strstr(text, "day 4: asked to work N") != NULL;
		off_request |= strstr(text, "day 5: asked not to work D") != NULL;
	}
	g_assert_true(on_request);
	g_assert_true(off_request);
	g_assert_cmpint(ev->request_penalty, ==, 5);
	g_assert_cmpint(ev->cover_penalty, ==, 402);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	roster_test_add_instances("/roster/solver/evaluate/optimal",
				  ROSTER_TEST_ROLE_SOLUTION,
				  test_evaluate_optimal);
	if (roster_test_is_curtois())
		return roster_test_run();
	for (guint i = 0; i < G_N_ELEMENTS(hand_made); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/solver/evaluate/hand-made/%s", hand_made[i].grid);
		g_test_add_data_func(path, &hand_made[i], test_evaluate_hand_made);
	}
	g_test_add_func("/roster/solver/evaluate/penalties-in-words",
			test_evaluate_penalties_in_words);
	return roster_test_run();
}
