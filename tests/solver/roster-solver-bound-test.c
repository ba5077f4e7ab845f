/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the proven lower bound: below the optimum by brute force on a small hotline, below
 * the known optimum of a shipped benchmark instance, and above zero where the rules
 * force a cost */

#include "config.h"

#include <string.h>

#include "roster-solver-bound.h"
#include "roster-solver-evaluate.h"
#include "roster-solver-test-common.h"

#define SMALL_DAYS   4
#define SMALL_PEOPLE 3
#define SMALL_TYPES  2

/* the day and night types (no day straight after a night) and SMALL_PEOPLE people who
 * may work either on any day, up to three shifts, or a random one to four when @rand */
static RosterSolverModel *
small_people(GRand *rand)
{
	RosterSolverModel *m = roster_solver_model_new(SMALL_DAYS);

	roster_solver_model_add_shift_type(m, "day", 480, 180);
	roster_solver_model_add_shift_type(m, "night", 1260, 180);
	roster_solver_model_forbid_succession(m, 1, 0);
	for (guint p = 0; p < SMALL_PEOPLE; p++) {
		g_autofree gchar *id = g_strdup_printf("P%u", p);
		guint shifts = rand != NULL ? (guint)g_rand_int_range(rand, 1, 5) : 3;
		roster_solver_model_add_person(m, id);
		for (guint s = 0; s < SMALL_TYPES; s++)
			roster_solver_model_set_max_shifts(m, p, s, SMALL_DAYS);
		roster_solver_model_set_minutes(m, p, 0, shifts * 180);
		roster_solver_model_set_consecutive(m, p, 1, 3, 1);
		roster_solver_model_set_max_weekends(m, p, ROSTER_SOLVER_UNLIMITED);
	}
	return m;
}

/*
 * three people over four days, a day and a night type, every hotline extra: a trainee
 * and a mentor, a night maximum, a weekly limit, fairness, commitments, a request, an
 * unavailable cell and a pinned one; nine seats for at most nine shifts, and every
 * night worked costs its fairness, so that every roster costs something
 */
static RosterSolverModel *
make_small(void)
{
	RosterSolverModel *m = small_people(NULL);

	for (guint d = 0; d < SMALL_DAYS; d++) {
		roster_solver_model_set_cover(m, d, 0, d == 1 ? 2 : 1, 200, 50);
		roster_solver_model_set_cover(m, d, 1, 1, 100, 50);
		roster_solver_model_set_day_week(m, d, d / 2);
		roster_solver_model_set_weekend(m, d, d == 3);
	}
	roster_solver_model_set_cover_shortage(m, 1, 0, 1, 500, TRUE);
	roster_solver_model_add_request(m, 0, 1, 0, FALSE, 20);
	roster_solver_model_set_pair_group(m, 0, 0);
	roster_solver_model_set_pair_group(m, 1, 1);
	roster_solver_model_set_pair_role(m, 0, ROSTER_SOLVER_PAIR_TRAINEE);
	roster_solver_model_set_pair_role(m, 1, ROSTER_SOLVER_PAIR_MENTOR);
	roster_solver_model_set_night(m, 1, TRUE);
	roster_solver_model_set_max_nights(m, 1, 1);
	roster_solver_model_set_week_max_minutes(m, 2, 360);
	roster_solver_model_set_fairness(m, 4, 2);
	for (guint p = 0; p < SMALL_PEOPLE; p++)
		roster_solver_model_set_min_shifts(m, p, 3);
	roster_solver_model_set_min_shifts_weight(m, 30);
	roster_solver_model_forbid_cell(m, 2, 0, 1);
	roster_solver_model_fix_cell(m, 1, 2, 0);
	return m;
}

/*
 * a small hotline of random rules and weights, as make_small() without its pin: seats
 * of each cell 0 to 2, its penalties, which type is a night, the weekend days, the
 * fairness and commitment weights, each person's commitment and minutes, and cells
 * forbidden
 */
static RosterSolverModel *
make_random(GRand *rand, guint8 *allowed)
{
	RosterSolverModel *m = small_people(rand);

	for (guint d = 0; d < SMALL_DAYS; d++) {
		for (guint s = 0; s < SMALL_TYPES; s++)
			roster_solver_model_set_cover(m,
						      d,
						      s,
						      (guint)g_rand_int_range(rand, 0, 3),
						      (guint)g_rand_int_range(rand, 1, 40),
						      (guint)g_rand_int_range(rand, 1, 40));
		roster_solver_model_set_day_week(m, d, 0);
		roster_solver_model_set_weekend(m, d, g_rand_boolean(rand));
	}
	roster_solver_model_set_night(m, 1, TRUE);
	roster_solver_model_set_night(m, 0, g_rand_int_range(rand, 0, 4) == 0);
	roster_solver_model_set_fairness(m,
					 (guint)g_rand_int_range(rand, 0, 6),
					 (guint)g_rand_int_range(rand, 0, 6));
	for (guint p = 0; p < SMALL_PEOPLE; p++)
		roster_solver_model_set_min_shifts(m, p, (guint)g_rand_int_range(rand, 0, 4));
	roster_solver_model_set_min_shifts_weight(m, (guint)g_rand_int_range(rand, 0, 30));
	memset(allowed, 1, SMALL_PEOPLE * SMALL_DAYS * (SMALL_TYPES + 1));
	for (guint p = 0; p < SMALL_PEOPLE; p++) {
		for (guint d = 0; d < SMALL_DAYS; d++) {
			for (guint s = 0; s < SMALL_TYPES; s++) {
				if (g_rand_int_range(rand, 0, 6) != 0)
					continue;
				roster_solver_model_forbid_cell(m, p, d, s);
				allowed[(p * SMALL_DAYS + d) * (SMALL_TYPES + 1) + s + 1] = 0;
			}
		}
	}
	return m;
}

/* the values a cell of make_small() may hold: the pinned one, none of the forbidden */
static guint
cell_values(guint p, guint d, gint16 *values)
{
	guint n = 0;
	for (gint v = -1; v < SMALL_TYPES; v++) {
		if (p == 1 && d == 2 && v != 0)
			continue;
		if (p == 2 && d == 0 && v == 1)
			continue;
		values[n++] = (gint16)v;
	}
	return n;
}

/* the least objective of the rosters that break no hard rule, by trying them all; the
 * values a cell may hold from @allowed (n_people * n_days * (n_types + 1), the value
 * plus one), or make_small()'s when %NULL */
static gint64
brute_force_optimum(const RosterSolverModel *m, const guint8 *allowed)
{
	guint n = SMALL_PEOPLE * SMALL_DAYS;
	gint16 values[SMALL_PEOPLE * SMALL_DAYS][SMALL_TYPES + 1];
	guint n_values[SMALL_PEOPLE * SMALL_DAYS];
	guint64 total = 1;
	gint64 best = G_MAXINT64;
	g_autoptr(RosterSolverRoster) roster = roster_solver_roster_new(SMALL_PEOPLE, SMALL_DAYS);

	for (guint i = 0; i < n; i++) {
		if (allowed == NULL) {
			n_values[i] = cell_values(i / SMALL_DAYS, i % SMALL_DAYS, values[i]);
		} else {
			n_values[i] = 0;
			for (gint v = -1; v < SMALL_TYPES; v++) {
				if (allowed[i * (SMALL_TYPES + 1) + (guint)(v + 1)])
					values[i][n_values[i]++] = (gint16)v;
			}
		}
		total *= n_values[i];
	}
	for (guint64 code = 0; code < total; code++) {
		g_autoptr(RosterSolverEvaluation) ev = NULL;
		guint64 rest = code;
		for (guint i = 0; i < n; i++) {
			roster->cells[i] = values[i][rest % n_values[i]];
			rest /= n_values[i];
		}
		ev = roster_solver_evaluate(m, roster);
		if (ev->feasible)
			best = MIN(best, ev->objective);
	}
	return best;
}

/* with no roster to aim at, and with the optimum as the aim: never above it */
static void
test_bound_brute_force(void)
{
	g_autoptr(RosterSolverModel) m = make_small();
	gint64 optimum = brute_force_optimum(m, NULL);
	RosterSolverBoundParams params = {.max_iterations = 200, .upper = G_MAXDOUBLE};
	RosterSolverBoundStats stats;

	g_assert_cmpint(optimum, <, G_MAXINT64);
	g_assert_true(roster_solver_bound(m, &params, &stats));
	g_test_message("optimum %" G_GINT64_FORMAT ", bound %.2f after %u rounds",
		       optimum,
		       stats.bound,
		       stats.iterations);
	g_assert_cmpfloat(stats.bound, <=, (gdouble)optimum + 1e-6);
	g_assert_cmpfloat(stats.bound, >, 0);

	params.upper = (gdouble)optimum;
	g_assert_true(roster_solver_bound(m, &params, &stats));
	g_assert_cmpfloat(stats.bound, <=, (gdouble)optimum + 1e-6);
	g_assert_cmpfloat(stats.bound, >, 0);
}

/* on small hotlines of random rules and weights, never above the optimum */
static void
test_bound_random(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(5);

	for (guint round = 0; round < 12; round++) {
		guint8 allowed[SMALL_PEOPLE * SMALL_DAYS * (SMALL_TYPES + 1)];
		g_autoptr(RosterSolverModel) m = make_random(rand, allowed);
		gint64 optimum = brute_force_optimum(m, allowed);
		RosterSolverBoundParams params = {.max_iterations = 100, .upper = G_MAXDOUBLE};
		RosterSolverBoundStats stats;

		g_assert_cmpint(optimum, <, G_MAXINT64);
		if (roster_solver_bound(m, &params, &stats)) {
			g_test_message("optimum %" G_GINT64_FORMAT ", bound %.2f",
				       optimum,
				       stats.bound);
			g_assert_cmpfloat(stats.bound, <=, (gdouble)optimum + 1e-6);
		}
	}
}

/* on a benchmark instance of known optimum the bound (cover alone joins people)
 * stays below the optimum */
static void
test_bound_benchmark(void)
{
	guint n_instances = 0;
	const RosterTestInstance *instances = roster_test_get_instances(&n_instances);
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(&instances[0]);
	RosterSolverBoundParams params = {.max_iterations = 100, .upper = G_MAXDOUBLE};
	RosterSolverBoundStats stats;

	g_assert_cmpint(instances[0].optimum, >, 0);
	g_assert_true(roster_solver_bound(m, &params, &stats));
	g_test_message("%s: optimum %" G_GINT64_FORMAT ", bound %.2f after %u rounds",
		       instances[0].name,
		       instances[0].optimum,
		       stats.bound,
		       stats.iterations);
	g_assert_cmpfloat(stats.bound, <=, (gdouble)instances[0].optimum + 1e-6);
	g_assert_cmpfloat(stats.bound, >, 0);
}

/* aimed at the optimum, as a solve aims at its best roster, the deflected steps climb
 * faster than plain subgradient steps: in the same rounds their bound is higher, and
 * still below the optimum */
static void
test_bound_deflected(void)
{
	guint n_instances = 0;
	const RosterTestInstance *instances = roster_test_get_instances(&n_instances);
	const RosterTestInstance *instance = &instances[1];
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);
	RosterSolverBoundParams params = {.max_iterations = 100};
	RosterSolverBoundStats deflected;
	RosterSolverBoundStats plain;

	g_assert_cmpint(instance->optimum, >, 0);
	params.upper = (gdouble)instance->optimum;
	g_assert_true(roster_solver_bound(m, &params, &deflected));
	params.plain_steps = TRUE;
	g_assert_true(roster_solver_bound(m, &params, &plain));
	g_test_message("%s: optimum %" G_GINT64_FORMAT ", bound after %u rounds %.2f deflected, "
		       "%.2f plain",
		       instance->name,
		       instance->optimum,
		       params.max_iterations,
		       deflected.bound,
		       plain.bound);
	g_assert_cmpfloat(deflected.bound, >, plain.bound);
	g_assert_cmpfloat(deflected.bound, <=, (gdouble)instance->optimum + 1e-6);
}

/* two people free to work any of @days nights, one seat a night whose absence or
 * excess costs @weight, and the square of each one's nights weighing 4 */
static RosterSolverModel *
make_nights(guint days, guint weight)
{
	RosterSolverModel *m = roster_solver_model_new(days);

	roster_solver_model_add_shift_type(m, "night", 1260, 180);
	for (guint p = 0; p < 2; p++) {
		g_autofree gchar *id = g_strdup_printf("P%u", p);
		roster_solver_model_add_person(m, id);
		roster_solver_model_set_max_shifts(m, p, 0, days);
		roster_solver_model_set_minutes(m, p, 0, days * 180);
		roster_solver_model_set_consecutive(m, p, 1, days, 1);
		roster_solver_model_set_max_weekends(m, p, ROSTER_SOLVER_UNLIMITED);
	}
	for (guint d = 0; d < days; d++)
		roster_solver_model_set_cover(m, d, 0, 1, weight, weight);
	roster_solver_model_set_night(m, 0, TRUE);
	roster_solver_model_set_fairness(m, 4, 0);
	return m;
}

/*
 * two people and three nights that must all be worked, the square of each one's nights
 * weighing 4: the best split is two and one, 4 (4 + 1) = 20. Over real counts the
 * split would be one and a half each, 4 (2.25 + 2.25) = 18, which is all that lines
 * tangent to the squares prove; nights are whole, and the lines below the squares at
 * whole counts prove 20 (the rounds alone: the bound from counts proves it too)
 */
static void
test_bound_whole_counts(void)
{
	g_autoptr(RosterSolverModel) m = make_nights(3, 1000);
	RosterSolverBoundParams params = {.max_iterations = 400, .upper = 20, .rounds_only = TRUE};
	RosterSolverBoundStats stats;

	g_assert_true(roster_solver_bound(m, &params, &stats));
	g_test_message("optimum 20, bound %.2f after %u rounds", stats.bound, stats.iterations);
	g_assert_cmpfloat(stats.bound, >, 19);
	g_assert_cmpfloat(stats.bound, <=, 20 + 1e-6);
}

/*
 * a roster just built can be far from fair, and the lines below the fairness squares
 * start at its counts: here one person works all four nights, and the first round from
 * there is below zero. Person 0 may only work the first night and is committed to
 * three: whatever the roster, 20 of shortfall. The round from flat lines, priced
 * first, proves it at once (the optimum: person 0 on the first night, 4 + 36 + 20)
 */
static void
test_bound_unfair_start(void)
{
	g_autoptr(RosterSolverModel) m = make_nights(4, 100);
	gint16 roster[2 * 4] = {-1, -1, -1, -1, 0, 0, 0, 0};
	RosterSolverBoundParams params = {
	    .max_iterations = 1,
	    .upper = G_MAXDOUBLE,
	    .incumbent = roster,
	};
	RosterSolverBoundStats stats;

	for (guint d = 1; d < 4; d++)
		roster_solver_model_add_day_off(m, 0, d);
	roster_solver_model_set_min_shifts(m, 0, 3);
	roster_solver_model_set_min_shifts_weight(m, 10);

	g_assert_true(roster_solver_bound(m, &params, &stats));
	g_test_message("optimum 60, bound %.2f after %u rounds", stats.bound, stats.iterations);
	g_assert_cmpfloat(stats.bound, >=, 20 - 1e-6);
	g_assert_cmpfloat(stats.bound, <=, 60 + 1e-6);
}

/* two people over two weeks, a short (6 h) and a long (12 h) shift type with a seat
 * each every day (28 seats, 252 hours), and each person's most minutes, longest run,
 * least days off between runs and most weekends */
static RosterSolverModel *
make_two_weeks(guint max_minutes, guint max_work, guint min_off, guint max_weekends)
{
	RosterSolverModel *m = roster_solver_model_new(14);

	roster_solver_model_add_shift_type(m, "short", 480, 360);
	roster_solver_model_add_shift_type(m, "long", 480, 720);
	for (guint p = 0; p < 2; p++) {
		g_autofree gchar *id = g_strdup_printf("P%u", p);
		roster_solver_model_add_person(m, id);
		for (guint s = 0; s < 2; s++)
			roster_solver_model_set_max_shifts(m, p, s, 14);
		roster_solver_model_set_minutes(m, p, 0, max_minutes);
		roster_solver_model_set_consecutive(m, p, 1, max_work, min_off);
		roster_solver_model_set_max_weekends(m, p, max_weekends);
	}
	for (guint d = 0; d < 14; d++) {
		for (guint s = 0; s < 2; s++)
			roster_solver_model_set_cover(m, d, s, 1, 100, 1);
	}
	return m;
}

/*
 * at most 120 hours each, 240 hours for the 252 of the seats: covering every short
 * seat and 13 long ones fills them exactly, so at least one long seat stays empty
 * (100), the bound. A roster reaches it: the second person works short on days 0-5,
 * long on 6-12, the first the other type every day and short on the last. With 126
 * hours each every seat fits, and nothing is proven
 */
static void
test_capacity_minutes(void)
{
	g_autoptr(RosterSolverModel) m = make_two_weeks(120 * 60, 14, 1, ROSTER_SOLVER_UNLIMITED);
	g_autoptr(RosterSolverModel) roomy =
	    make_two_weeks(126 * 60, 14, 1, ROSTER_SOLVER_UNLIMITED);
	g_autoptr(RosterSolverRoster) roster = roster_solver_roster_new(2, 14);
	g_autoptr(RosterSolverEvaluation) ev = NULL;

	g_assert_cmpfloat(roster_solver_bound_capacity(m, G_MAXINT64), ==, 100);
	for (guint d = 0; d < 14; d++) {
		gint second = d < 6 ? 0 : d < 13 ? 1 : -1;
		roster_solver_roster_set(roster, 1, d, second);
		roster_solver_roster_set(roster, 0, d, second < 0 ? 0 : 1 - second);
	}
	ev = roster_solver_evaluate(m, roster);
	g_assert_true(ev->feasible);
	g_assert_cmpint(ev->objective, ==, 100);
	g_assert_cmpfloat(roster_solver_bound_capacity(roomy, G_MAXINT64), ==, 0);
}

/* minutes to spare: runs of at most two days with two off between leave each person
 * eight of the fourteen days, so 12 seats stay empty; with runs of any length but no
 * weekend, the four weekend days' eight seats */
static void
test_capacity_runs_weekends(void)
{
	g_autoptr(RosterSolverModel) runs = make_two_weeks(14 * 720, 2, 2, ROSTER_SOLVER_UNLIMITED);
	g_autoptr(RosterSolverModel) weekends = make_two_weeks(14 * 720, 14, 1, 0);

	g_assert_cmpfloat(roster_solver_bound_capacity(runs, G_MAXINT64), ==, 1200);
	g_assert_cmpfloat(roster_solver_bound_capacity(weekends, G_MAXINT64), ==, 800);
}

/* on the shipped benchmark instances (or the published ones with the Curtois suite),
 * never above the known optimum */
static void
test_capacity_benchmark(void)
{
	guint n_instances = 0;
	const RosterTestInstance *instances = roster_test_get_instances(&n_instances);

	for (guint i = 0; i < n_instances; i++) {
		g_autoptr(RosterSolverModel) m = NULL;
		gdouble bound;
		if (instances[i].optimum <= 0)
			continue;
		m = roster_test_load_instance(&instances[i]);
		bound = roster_solver_bound_capacity(m, G_MAXINT64);
		g_test_message("%s: optimum %" G_GINT64_FORMAT ", capacity bound %.0f",
			       instances[i].name,
			       instances[i].optimum,
			       bound);
		g_assert_cmpfloat(bound, <=, (gdouble)instances[i].optimum);
	}
}

/* a hotline has its own bound, whose cover part knows its seats' shapes: none here,
 * though the two weeks of test_capacity_minutes() with weeks of seven days set (its
 * rules unchanged, but a hotline's) leave a seat empty */
static void
test_capacity_not_hotline(void)
{
	g_autoptr(RosterSolverModel) m = make_two_weeks(120 * 60, 14, 1, ROSTER_SOLVER_UNLIMITED);
	g_autoptr(RosterSolverModel) hotline =
	    make_two_weeks(120 * 60, 14, 1, ROSTER_SOLVER_UNLIMITED);

	for (guint d = 0; d < 14; d++)
		roster_solver_model_set_day_week(hotline, d, d / 7);
	g_assert_cmpfloat(roster_solver_bound_capacity(m, G_MAXINT64), ==, 100);
	g_assert_cmpfloat(roster_solver_bound_capacity(hotline, G_MAXINT64), ==, 0);
}

/* the staff's most minutes over the seats': 2 × 120 h against 14 days of a 6- and a
 * 12-hour seat (252 h); a person's most is no more than their longest shift every
 * day (2 × 14 × 12 h); none for a hotline */
static void
test_minutes_ratio(void)
{
	g_autoptr(RosterSolverModel) m = make_two_weeks(120 * 60, 14, 1, ROSTER_SOLVER_UNLIMITED);
	g_autoptr(RosterSolverModel) roomy =
	    make_two_weeks(1000 * 60, 14, 1, ROSTER_SOLVER_UNLIMITED);
	g_autoptr(RosterSolverModel) hotline =
	    make_two_weeks(120 * 60, 14, 1, ROSTER_SOLVER_UNLIMITED);

	for (guint d = 0; d < 14; d++)
		roster_solver_model_set_day_week(hotline, d, d / 7);
	g_assert_cmpfloat_with_epsilon(roster_solver_minutes_ratio(m), 240.0 / 252, 1e-9);
	g_assert_cmpfloat_with_epsilon(roster_solver_minutes_ratio(roomy), 336.0 / 252, 1e-9);
	g_assert_cmpfloat(roster_solver_minutes_ratio(hotline), ==, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/solver/bound/brute-force", test_bound_brute_force);
	g_test_add_func("/roster/solver/bound/random", test_bound_random);
	g_test_add_func("/roster/solver/bound/benchmark", test_bound_benchmark);
	g_test_add_func("/roster/solver/bound/deflected", test_bound_deflected);
	g_test_add_func("/roster/solver/bound/whole-counts", test_bound_whole_counts);
	g_test_add_func("/roster/solver/bound/unfair-start", test_bound_unfair_start);
	g_test_add_func("/roster/solver/bound/capacity/minutes", test_capacity_minutes);
	g_test_add_func("/roster/solver/bound/capacity/runs-weekends", test_capacity_runs_weekends);
	g_test_add_func("/roster/solver/bound/capacity/benchmark", test_capacity_benchmark);
	g_test_add_func("/roster/solver/bound/capacity/not-hotline", test_capacity_not_hotline);
	g_test_add_func("/roster/solver/bound/minutes-ratio", test_minutes_ratio);
	return g_test_run();
}
