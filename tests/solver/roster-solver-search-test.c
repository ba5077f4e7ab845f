/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-search-private.h"
#include "roster-solver-test-common.h"

/* a short solve finds a roster that keeps every hard rule, scored as the evaluator
 * scores it */
static void
test_search_feasible(gconstpointer data)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(data);
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;

	if (m == NULL)
		return;
	roster_solver_options_init(&options);
	options.time_limit = 2;
	options.n_threads = 2;
	options.verify_every = 500;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	g_assert_true(result->feasible);
	g_assert_cmpuint(result->violations->len, ==, 0);
	ev = roster_solver_evaluate(m, result->roster);
	g_assert_true(ev->feasible);
	g_assert_cmpint(ev->objective, ==, result->objective);
}

static RosterSolverResult *
solve_iterations(RosterSolverModel *m, guint32 seed)
{
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;
	RosterSolverResult *result;

	roster_solver_options_init(&options);
	options.time_limit = 0;
	options.max_iterations = 20000;
	options.seed = seed;
	options.n_threads = 1;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	return result;
}

/* a solve bounded by moves alone gives the same roster for the same seed */
static void
test_search_deterministic(gconstpointer data)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(data);
	g_autoptr(RosterSolverResult) a = NULL;
	g_autoptr(RosterSolverResult) b = NULL;
	gsize size;

	if (m == NULL)
		return;
	a = solve_iterations(m, 42);
	b = solve_iterations(m, 42);
	size = sizeof(gint16) * roster_solver_model_get_n_people(m) *
	       roster_solver_model_get_n_days(m);
	g_assert_cmpint(a->objective, ==, b->objective);
	g_assert_cmpmem(a->roster->cells, size, b->roster->cells, size);
}

static void
count_progress_cb(const RosterSolverProgress *progress, gpointer user_data)
{
	guint *count = user_data;
	g_assert_cmpfloat(progress->elapsed, >=, 0);
	(*count)++;
}

static void
test_search_target_and_progress(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("small.txt");
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;
	guint count = 0;

	/* no time limit and more moves than a thread makes before the target: only
	 * the target ends the solve early */
	roster_solver_options_init(&options);
	options.time_limit = 0;
	options.max_iterations = G_GUINT64_CONSTANT(1) << 40;
	options.n_threads = 1;
	options.has_target = TRUE;
	options.target = 100000;
	options.progress = count_progress_cb;
	options.progress_data = &count;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	g_assert_true(result->feasible);
	g_assert_cmpint(result->objective, <=, options.target);
	g_assert_cmpuint(result->iterations, <, options.max_iterations);
	g_assert_cmpuint(count, >, 0);
}

static gpointer
cancel_thread(gpointer data)
{
	g_usleep(G_USEC_PER_SEC / 5);
	g_atomic_int_set((gint *)data, 1);
	return NULL;
}

/* one person, a week, and a minimum of minutes that no line meets: no column
 * generation proves anything, so the search runs until it is stopped */
static RosterSolverModel *
unmeetable_model(void)
{
	RosterSolverModel *m = roster_solver_model_new(7);
	guint d = roster_solver_model_add_shift_type(m, "D", 480, 480);
	guint p = roster_solver_model_add_person(m, "A");

	/* 5000 minutes in a week of at most 5 eight-hour shifts cannot be met */
	roster_solver_model_set_minutes(m, p, 5000, 6000);
	roster_solver_model_set_consecutive(m, p, 1, 5, 1);
	for (guint day = 0; day < 7; day++)
		roster_solver_model_set_cover(m, day, d, 1, 100, 1);
	return m;
}

static void
test_search_cancel(void)
{
	g_autoptr(RosterSolverModel) m = unmeetable_model();
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;
	gint cancel = 0;
	GThread *thread;

	/* no time limit and moves without end: only the cancel ends the solve */
	roster_solver_options_init(&options);
	options.time_limit = 0;
	options.max_iterations = G_GUINT64_CONSTANT(1) << 40;
	options.n_threads = 2;
	options.cancel = &cancel;
	thread = g_thread_new("cancel", cancel_thread, &cancel);
	result = roster_solver_solve(m, &options, &error);
	g_thread_join(thread);
	g_assert_no_error(error);
	g_assert_true(result->cancelled);
	g_assert_cmpuint(result->iterations, <, 2 * options.max_iterations);
	g_assert_nonnull(result->roster);
}

static void
test_search_unmeetable_rule_reported(void)
{
	g_autoptr(RosterSolverModel) m = unmeetable_model();
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;

	roster_solver_options_init(&options);
	options.time_limit = 0.5;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	g_assert_false(result->feasible);
	g_assert_false(result->optimal);
	g_assert_cmpuint(result->violations->len, >, 0);
}

/* two people who may work the one shift type, at most @max_shifts of the @days and
 * @max_work days in a row, and a seat every day whose absence costs 100 */
static RosterSolverModel *
make_two_people(guint days, guint max_shifts, guint max_work)
{
	RosterSolverModel *m = roster_solver_model_new(days);
	guint d = roster_solver_model_add_shift_type(m, "D", 480, 480);

	for (guint i = 0; i < 2; i++) {
		guint p = roster_solver_model_add_person(m, i == 0 ? "A" : "B");
		roster_solver_model_set_minutes(m, p, 0, max_shifts * 480);
		roster_solver_model_set_consecutive(m, p, 1, max_work, 1);
	}
	for (guint day = 0; day < days; day++)
		roster_solver_model_set_cover(m, day, d, 1, 100, 1);
	return m;
}

/* a solve of a minute with two threads that proves its roster optimal */
static RosterSolverResult *
solve_to_optimal(RosterSolverModel *m)
{
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;
	RosterSolverResult *result;

	roster_solver_options_init(&options);
	options.time_limit = 60;
	options.n_threads = 2;
	result = roster_solver_solve(m, &options, &error);
	g_assert_no_error(error);
	g_assert_true(result->feasible);
	g_assert_true(result->optimal);
	g_assert_false(result->cancelled);
	return result;
}

/* a roster that costs what the relaxation does is optimal: the solve says so and
 * ends long before its time limit. Two people who may work five days in a row cover
 * a week between them, and must, or pay for each day left open. */
static void
test_search_proven_optimal(void)
{
	g_autoptr(RosterSolverModel) m = make_two_people(7, 5, 5);
	g_autoptr(RosterSolverResult) result = solve_to_optimal(m);
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(m, result->roster);

	g_assert_cmpint(result->objective, ==, 0);
	g_assert_cmpint(ev->objective, ==, 0);
}

/* a horizon too long for the relaxation over whole lines still gets the bound of the
 * staff's capacity: two people who may each work 40 of 91 days leave 11 of the 91
 * seats empty (1,100) whatever the roster; the search reaches it, says it is optimal
 * and ends before its time limit */
static void
test_search_capacity_bound(void)
{
	g_autoptr(RosterSolverModel) m = make_two_people(91, 40, 91);
	g_autoptr(RosterSolverResult) result = NULL;

	g_assert_cmpuint(91, >, COLGEN_WHOLE_DAYS);
	result = solve_to_optimal(m);
	g_assert_true(result->has_bound);
	g_assert_cmpfloat(result->bound, ==, 1100);
	g_assert_cmpint(result->objective, ==, 1100);
}

static void
test_search_empty_model(void)
{
	g_autoptr(RosterSolverModel) m = roster_solver_model_new(7);
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;

	roster_solver_options_init(&options);
	result = roster_solver_solve(m, &options, &error);
	g_assert_error(error, ROSTER_SOLVER_ERROR, ROSTER_SOLVER_ERROR_INVALID_MODEL);
	g_assert_null(result);
}

/* a roster where everybody works their first allowed type every day: it breaks run
 * lengths, minutes and weekends for everyone */
static RosterSolverRoster *
overworked_roster(const RosterSolverModel *m)
{
	RosterSolverRoster *r = roster_solver_roster_new(m->n_people, m->n_days);
	for (guint p = 0; p < m->n_people; p++) {
		gint first = 0;
		while (roster_solver_model_max_shifts(m, p, (guint)first) == 0)
			first++;
		for (guint d = 0; d < m->n_days; d++)
			r->cells[p * m->n_days + d] = (gint16)first;
	}
	return r;
}

static void
assert_repaired(const gchar *instance, gboolean by_windows)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data(instance);
	g_autoptr(RosterSolverRoster) r = overworked_roster(m);
	g_autoptr(RosterSolverEvaluation) before = roster_solver_evaluate(m, r);
	g_autoptr(RosterSolverEvaluation) after = NULL;

	g_assert_cmpuint(before->n_violations, >=, m->n_people);
	g_assert_cmpuint(roster_search_repair_roster(m, r, by_windows, NULL), ==, 0);
	after = roster_solver_evaluate(m, r);
	if (!after->feasible)
		g_error("%s", (const gchar *)g_ptr_array_index(after->violations, 0));
}

/* feasible first: every person's broken line is re-planned by the DP, whole */
static void
test_search_repair_whole(void)
{
	assert_repaired("nrp-14x42.txt", FALSE);
}

/* the same by windows of days, as for lines too long for one DP: weekends and minutes
 * beyond the maximum are shed first, then the windows mend runs and minimums (a tight
 * half-year instance from nrp-generate.py, feasible by construction) */
static void
test_search_repair_windows(void)
{
	assert_repaired("nrp-8x182-tight.txt", TRUE);
}

/* the people on (day, type) @idx of @r */
static guint
seat_count(const RosterSolverModel *m, const RosterSolverRoster *r, guint idx)
{
	guint n = 0;

	for (guint p = 0; p < m->n_people; p++)
		n += r->cells[(gsize)p * m->n_days + idx / m->n_types] == (gint)(idx % m->n_types);
	return n;
}

/* the shipped tight half-year and the roster planted in it, which breaks no rule */
static RosterSolverRoster *
load_planted_tight(RosterSolverModel **m)
{
	g_autofree gchar *path =
	    g_test_build_filename(G_TEST_DIST, "data", "nrp-8x182-tight.grid", NULL);
	*m = roster_test_load_data("nrp-8x182-tight.txt");
	return roster_test_load_grid(*m, path);
}

/* a line move aimed at an empty seat: on the planted tight half-year, whose cover is
 * its planted roster's, no seat wants anybody; with one person taken off a seat late in
 * the horizon, the moves go to that seat until somebody takes it, and the roster costs
 * at least the seat's price less */
static void
test_search_seat_moves(void)
{
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = load_planted_tight(&m);
	g_autoptr(RosterSolverEvaluation) holed = NULL;
	g_autoptr(RosterSolverEvaluation) after = NULL;
	guint H = m->n_days;
	guint T = m->n_types;
	guint idx = 0;
	guint made;

	roster_solver_model_seal(m);
	g_assert_cmpuint(roster_search_seat_roster(m, r, 10), ==, 0);
	for (guint p = 0; p < m->n_people && idx == 0; p++) {
		guint d = H - 20;
		gint s = r->cells[(gsize)p * H + d];
		if (s < 0 || seat_count(m, r, d * T + (guint)s) != m->cover_req[d * T + (guint)s])
			continue;
		idx = d * T + (guint)s;
		r->cells[(gsize)p * H + d] = ROSTER_SOLVER_OFF;
	}
	g_assert_cmpuint(idx, >, 0);
	g_assert_cmpuint(seat_count(m, r, idx), <, m->cover_req[idx]);
	holed = roster_solver_evaluate(m, r);
	made = roster_search_seat_roster(m, r, 200);
	g_assert_cmpuint(made, >, 0);
	g_assert_cmpuint(made, <, 200);
	g_assert_cmpuint(seat_count(m, r, idx), ==, m->cover_req[idx]);
	after = roster_solver_evaluate(m, r);
	g_assert_cmpint(after->objective, <=, holed->objective - 99);
	g_assert_cmpuint(after->n_violations, <=, holed->n_violations);
}

/* a one-day swap with its swap back: on the planted tight half-year, where every type's
 * maximum and the minutes are the planted roster's own, hundreds of them change the
 * roster while every person keeps the number of shifts of each type and every seat
 * its people */
static void
test_search_swap_back(void)
{
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = load_planted_tight(&m);
	g_autoptr(RosterSolverRoster) before = roster_solver_roster_copy(r);
	guint H = m->n_days;
	guint T = m->n_types;
	guint changed = 0;

	roster_solver_model_seal(m);
	g_assert_cmpuint(roster_search_swaps_roster(m, r, 4000, FALSE), >, 200);
	for (guint p = 0; p < m->n_people; p++) {
		for (guint s = 0; s < T; s++) {
			guint n_before = 0;
			guint n_after = 0;
			for (guint d = 0; d < H; d++) {
				n_before += before->cells[(gsize)p * H + d] == (gint)s;
				n_after += r->cells[(gsize)p * H + d] == (gint)s;
			}
			g_assert_cmpuint(n_after, ==, n_before);
		}
		for (guint d = 0; d < H; d++)
			changed += r->cells[(gsize)p * H + d] != before->cells[(gsize)p * H + d];
	}
	for (guint idx = 0; idx < H * T; idx++)
		g_assert_cmpuint(seat_count(m, r, idx), ==, seat_count(m, before, idx));
	g_assert_cmpuint(changed, >, 100);
}

/* what each person asked for on each day: the value their requests make cheapest,
 * off where a request not to work makes off one of the cheapest, nothing where every
 * value costs the same */
static void
test_search_wishes(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("nrp-8x182-tight.txt");
	g_autofree gint16 *wish = NULL;
	guint H = m->n_days;
	guint T = m->n_types;
	guint n_shifts = 0;
	guint n_off = 0;

	roster_solver_model_seal(m);
	wish = roster_search_wishes(m);
	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < H; d++) {
			const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
			gint v = wish[(gsize)p * H + d];
			gboolean all_equal = TRUE;
			for (guint i = 0; i <= T; i++) {
				all_equal &= un[i] == un[0];
				if (v != ROSTER_SEARCH_NO_WISH)
					g_assert_cmpint(un[v + 1], <=, un[i]);
			}
			if (all_equal)
				g_assert_cmpint(v, ==, ROSTER_SEARCH_NO_WISH);
			n_shifts += v >= 0;
			n_off += v == ROSTER_SOLVER_OFF;
		}
	}
	g_assert_cmpuint(n_shifts, >, 0);
	g_assert_cmpuint(n_off, >, 0);
}

/* the days on which @r gives a person what they asked for */
static guint
wishes_met(const RosterSolverModel *m, const RosterSolverRoster *r)
{
	g_autofree gint16 *wish = roster_search_wishes(m);
	guint n = 0;

	for (gsize i = 0; i < (gsize)m->n_people * m->n_days; i++)
		n += wish[i] == r->cells[i];
	return n;
}

/* swaps aimed at a request, taken where they lower the cost, on the planted tight
 * half-year (its requests are drawn apart from the roster): they are found, and they
 * meet requests without breaking a rule or leaving a seat */
static void
test_search_aimed_swaps(void)
{
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = load_planted_tight(&m);
	g_autoptr(RosterSolverRoster) before = roster_solver_roster_copy(r);
	g_autoptr(RosterSolverEvaluation) ev0 = NULL;
	g_autoptr(RosterSolverEvaluation) ev1 = NULL;

	roster_solver_model_seal(m);
	ev0 = roster_solver_evaluate(m, r);
	g_assert_true(ev0->feasible);
	g_assert_cmpuint(roster_search_swaps_roster(m, r, 4000, TRUE), >, 0);
	ev1 = roster_solver_evaluate(m, r);
	g_assert_true(ev1->feasible);
	g_assert_cmpint(ev1->request_penalty, <, ev0->request_penalty);
	g_assert_cmpuint(wishes_met(m, r), >, wishes_met(m, before));
	for (guint idx = 0; idx < m->n_days * m->n_types; idx++)
		g_assert_cmpuint(seat_count(m, r, idx), ==, seat_count(m, before, idx));
}

/* the least total of @a (n × n) over every permutation from row @i on, rows before it
 * holding the columns marked in @used */
static gint64
brute_assignment(const gint64 *a, guint n, guint i, gboolean *used)
{
	gint64 best = G_MAXINT64;

	if (i == n)
		return 0;
	for (guint j = 0; j < n; j++) {
		gint64 rest;
		if (used[j])
			continue;
		used[j] = TRUE;
		rest = brute_assignment(a, n, i + 1, used);
		used[j] = FALSE;
		best = MIN(best, a[(gsize)i * n + j] + rest);
	}
	return best;
}

/* the cheapest assignment of the dealings is the least over every permutation, on
 * random matrices of up to seven rows with costs of either sign, ties and entries
 * no assignment should take */
static void
test_search_cheapest_assignment(void)
{
	GRand *rand = g_rand_new_with_seed(31);

	for (guint round = 0; round < 400; round++) {
		guint n = 1 + round % 7;
		gint64 a[49];
		guint col_of[7];
		gboolean used[7] = {FALSE};
		gint64 total = 0;
		for (guint i = 0; i < n * n; i++) {
			a[i] = g_rand_int_range(rand, -20, 21);
			if (g_rand_int_range(rand, 0, 6) == 0 && i % (n + 1) != 0)
				a[i] = G_GINT64_CONSTANT(1) << 50;
		}
		roster_search_cheapest_assignment(a, n, col_of);
		for (guint i = 0; i < n; i++) {
			g_assert_cmpuint(col_of[i], <, n);
			g_assert_false(used[col_of[i]]);
			used[col_of[i]] = TRUE;
			total += a[(gsize)i * n + col_of[i]];
		}
		memset(used, 0, sizeof(used));
		g_assert_cmpint(total, ==, brute_assignment(a, n, 0, used));
	}
	g_rand_free(rand);
}

/* dealings of the days' shifts among groups of at most @group people on the planted
 * tight half-year (its requests are drawn apart from the roster): dealings are found
 * that lower the cost, each one's cost agrees with the evaluator's (every change is
 * checked), no rule breaks, more requests are met and every seat keeps its people */
static void
check_dealings(guint group)
{
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = load_planted_tight(&m);
	g_autoptr(RosterSolverRoster) before = roster_solver_roster_copy(r);
	g_autoptr(RosterSolverEvaluation) ev0 = NULL;
	g_autoptr(RosterSolverEvaluation) ev1 = NULL;
	guint made;

	roster_solver_model_seal(m);
	ev0 = roster_solver_evaluate(m, r);
	g_assert_true(ev0->feasible);
	made = roster_search_dealings_roster(m, r, 2000, group, 1);
	g_assert_cmpuint(made, >, 0);
	ev1 = roster_solver_evaluate(m, r);
	g_assert_true(ev1->feasible);
	/* each dealing made lowered the cost by one at least */
	g_assert_cmpint(ev1->objective, <=, ev0->objective - (gint64)made);
	g_assert_cmpuint(wishes_met(m, r), >, wishes_met(m, before));
	for (guint idx = 0; idx < m->n_days * m->n_types; idx++)
		g_assert_cmpuint(seat_count(m, r, idx), ==, seat_count(m, before, idx));
}

/* the whole staff in one group, as a line of ASSIGN_GROUP people or fewer has it */
static void
test_search_dealings(void)
{
	check_dealings(ASSIGN_GROUP);
}

/* groups of four, half people whose request is not met, each with
 * somebody who holds what they asked for, as a larger line has them */
static void
test_search_dealings_groups(void)
{
	check_dealings(4);
}

/* a roster that breaks no rule is left as it is */
static void
test_search_repair_feasible_kept(void)
{
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = load_planted_tight(&m);
	g_autofree gint16 *planted = g_memdup2(r->cells, sizeof(gint16) * m->n_people * m->n_days);

	g_assert_cmpuint(roster_search_repair_roster(m, r, TRUE, NULL), ==, 0);
	g_assert_cmpmem(r->cells,
			sizeof(gint16) * m->n_people * m->n_days,
			planted,
			sizeof(gint16) * m->n_people * m->n_days);
}

/* the repair goes to the broken rule: two days of the planted half-year roster swapped
 * late in the horizon (the same minutes, shifts and weekends) so that a run or a
 * succession breaks are mended by a window around them, not by a sweep of windows from
 * the first day (ten DPs or more to get there) */
static void
test_search_repair_targeted(void)
{
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = load_planted_tight(&m);
	g_autoptr(RosterSolverEvaluation) after = NULL;
	guint H = m->n_days;
	gboolean broken = FALSE;
	guint n_dps = 0;

	for (guint d = 150; d + 1 < H && !broken; d++) {
		/* both days of the week or both of the weekend (day 5 is a Saturday) */
		if (d % 7 == 4 || d % 7 == 6)
			continue;
		for (guint p = 0; p < m->n_people && !broken; p++) {
			gint16 *cell = &r->cells[(gsize)p * H + d];
			gint16 a = cell[0];
			gint16 b = cell[1];
			g_autoptr(RosterSolverEvaluation) ev = NULL;
			if (a == b || m->day_off[(gsize)p * H + d] ||
			    m->day_off[(gsize)p * H + d + 1])
				continue;
			cell[0] = b;
			cell[1] = a;
			ev = roster_solver_evaluate(m, r);
			broken = !ev->feasible;
			if (!broken) {
				cell[0] = a;
				cell[1] = b;
			}
		}
	}
	g_assert_true(broken);
	g_assert_cmpuint(roster_search_repair_roster(m, r, TRUE, &n_dps), ==, 0);
	after = roster_solver_evaluate(m, r);
	g_assert_true(after->feasible);
	g_assert_cmpuint(n_dps, >=, 1);
	g_assert_cmpuint(n_dps, <=, 3);
}

/* a line far below its minimum minutes is lifted window by window: every other
 * working day of the planted half-year roster taken off one person */
static void
test_search_repair_lift(void)
{
	g_autoptr(RosterSolverModel) m = NULL;
	g_autoptr(RosterSolverRoster) r = load_planted_tight(&m);
	g_autoptr(RosterSolverEvaluation) before = NULL;
	g_autoptr(RosterSolverEvaluation) after = NULL;
	guint H = m->n_days;
	guint p = 0;
	guint worked = 0;

	for (guint d = 0; d < H; d++) {
		gint16 *cell = &r->cells[(gsize)p * H + d];
		if (*cell >= 0 && worked++ % 2 == 0)
			*cell = ROSTER_SOLVER_OFF;
	}
	before = roster_solver_evaluate(m, r);
	g_assert_false(before->feasible);
	g_assert_cmpuint(roster_search_repair_roster(m, r, TRUE, NULL), ==, 0);
	after = roster_solver_evaluate(m, r);
	if (!after->feasible)
		g_error("%s", (const gchar *)g_ptr_array_index(after->violations, 0));
}

/* the annealing's start temperatures: each once, the cool one first */
static void
test_search_start_untried_first(void)
{
	Worker w = {.rng = 1, .best_cost = {0, 90}};

	for (guint i = 0; i < CYCLE_N_STARTS; i++)
		w.start_gain[i] = -1;
	g_assert_cmpuint(roster_search_choose_start(&w), ==, 0);
	roster_search_note_start_gain(&w, 0, (RosterCost){0, 100});
	g_assert_cmpfloat(w.start_gain[0], ==, 10);
	g_assert_cmpuint(roster_search_choose_start(&w), ==, 1);
}

/* a cycle lasts longer on a large roster, within its bounds and a sixth of the limit */
static void
test_search_cycle_secs(void)
{
	/* the shared instances, the city month */
	g_assert_cmpfloat(roster_search_cycle_secs(1708, 60), ==, CYCLE_SECS);
	/* a half-year of 150 people */
	g_assert_cmpfloat_with_epsilon(roster_search_cycle_secs(27300, 60), 9.1, 1e-9);
	/* a year of 150 people, the province month */
	g_assert_cmpfloat(roster_search_cycle_secs(54600, 60), ==, CYCLE_SECS_LONGEST);
	g_assert_cmpfloat(roster_search_cycle_secs(54600, 600), ==, CYCLE_SECS_LONGEST);
	/* a short solve keeps several cycles; a solve bounded by moves alone is untouched */
	g_assert_cmpfloat(roster_search_cycle_secs(27300, 30), ==, 5);
	g_assert_cmpfloat(roster_search_cycle_secs(27300, 10), ==, CYCLE_SECS);
	g_assert_cmpfloat(roster_search_cycle_secs(27300, 0), ==, CYCLE_SECS);
}

/* the minutes a move adds, which the annealing of a short-staffed line turns down at
 * equal cost: a 12-hour shift changed for a 6-hour one frees 360, a day off taken up
 * spends a shift, a swap between two people of one day spends nothing */
static void
test_search_move_minutes(void)
{
	g_autoptr(RosterSolverModel) m = roster_solver_model_new(3);
	gint16 cells[2 * 3] = {1, -1, 0, 0, 1, -1};
	gint16 vals[2][2];
	RosterMove move = {0};

	roster_solver_model_add_shift_type(m, "short", 480, 360);
	roster_solver_model_add_shift_type(m, "long", 480, 720);
	roster_solver_model_add_person(m, "A");
	roster_solver_model_add_person(m, "B");
	roster_solver_model_seal(m);

	/* A's long shift on day 0 made short */
	vals[0][0] = 0;
	move.n_lines = 1;
	move.person[0] = 0;
	move.lo = move.hi = 0;
	move.vals[0] = vals[0];
	g_assert_cmpint(roster_search_move_minutes(m, cells, &move), ==, -360);
	/* and back, from the roster where it is short */
	cells[0] = 0;
	vals[0][0] = 1;
	g_assert_cmpint(roster_search_move_minutes(m, cells, &move), ==, 360);
	cells[0] = 1;
	/* A's day off on day 1 taken up by a long shift, then days 1-2 both off */
	move.lo = move.hi = 1;
	g_assert_cmpint(roster_search_move_minutes(m, cells, &move), ==, 720);
	vals[0][0] = vals[0][1] = -1;
	move.hi = 2;
	g_assert_cmpint(roster_search_move_minutes(m, cells, &move), ==, -360);
	/* A and B swap day 1 (off and long) */
	move.n_lines = 2;
	move.person[1] = 1;
	move.lo = move.hi = 1;
	vals[0][0] = 1;
	vals[1][0] = -1;
	move.vals[1] = vals[1];
	g_assert_cmpint(roster_search_move_minutes(m, cells, &move), ==, 0);
}

/* the rule on minutes holds where the seats no roster can fill are at least half the
 * best roster's cost, or where the staff's minutes just suffice, and never before a
 * roster keeps every hard rule */
static void
test_search_staff_short(void)
{
	SolveShared shared = {0};

	g_mutex_init(&shared.lock);
	shared.has_best = TRUE;
	shared.best_cost.soft = 1000;
	g_assert_false(roster_search_staff_short(&shared));
	shared.capacity = 900;
	g_assert_true(roster_search_staff_short(&shared));
	shared.best_cost.soft = 2000;
	g_assert_false(roster_search_staff_short(&shared));
	shared.best_cost.soft = 1000;
	shared.best_cost.hard = 1;
	g_assert_false(roster_search_staff_short(&shared));
	/* minutes that just suffice for the seats count as short, whatever the bound */
	shared.capacity = 0;
	shared.minutes_tight = TRUE;
	g_assert_false(roster_search_staff_short(&shared));
	shared.best_cost.hard = 0;
	g_assert_true(roster_search_staff_short(&shared));
	g_mutex_clear(&shared.lock);
}

/* where the staff is short the large moves are all line moves, STAFF_SHORT_LINE_MOVES
 * times as often; elsewhere four draws in ten ruin and recreate */
static void
test_search_staff_short_lines(void)
{
	Worker w = {.dp_period = 20000};
	guint ruins = 0;

	for (guint r = 0; r < 10; r++)
		ruins += roster_search_is_ruin(&w, r);
	g_assert_cmpuint(ruins, ==, 4);
	g_assert_cmpuint(roster_search_large_period(&w), ==, 20000);
	w.spare_minutes = TRUE;
	for (guint r = 0; r < 10; r++)
		g_assert_false(roster_search_is_ruin(&w, r));
	g_assert_cmpuint(roster_search_large_period(&w), ==, 20000 / STAFF_SHORT_LINE_MOVES);
	w.dp_period = 3;
	g_assert_cmpuint(roster_search_large_period(&w), ==, 2);
}

/* the share of @n_draws cycles that start hot */
static gdouble
hot_share(gdouble cool_gain, gdouble hot_gain, guint n_draws)
{
	Worker w = {.rng = 7};
	guint hot = 0;

	w.start_gain[0] = cool_gain;
	w.start_gain[1] = hot_gain;
	for (guint i = 0; i < n_draws; i++)
		hot += roster_search_choose_start(&w) == 1;
	return (gdouble)hot / n_draws;
}

/* then mostly the start whose cycles gained more lately, the hot one of equals, and
 * one cycle in CYCLE_EXPLORE at random (7 in 8 on the better of two) */
static void
test_search_start_follows_gain(void)
{
	gdouble better = 1 - 0.5 / CYCLE_EXPLORE;

	g_assert_cmpfloat_with_epsilon(hot_share(30, 0, 8000), 1 - better, 0.02);
	g_assert_cmpfloat_with_epsilon(hot_share(0, 5, 8000), better, 0.02);
	g_assert_cmpfloat_with_epsilon(hot_share(0, 0, 8000), better, 0.02);
}

/* a cycle's gain is blended half and half into its start's figure, and only between
 * feasible rosters: a repair's gain says nothing of the temperature */
static void
test_search_start_gain_feasible_only(void)
{
	Worker w = {.rng = 1, .start_gain = {20, 4}, .best_cost = {0, 90}};

	roster_search_note_start_gain(&w, 0, (RosterCost){1, 100});
	g_assert_cmpfloat(w.start_gain[0], ==, 20);
	roster_search_note_start_gain(&w, 0, (RosterCost){0, 100});
	g_assert_cmpfloat(w.start_gain[0], ==, 15);
	roster_search_note_start_gain(&w, 1, (RosterCost){0, 80});
	g_assert_cmpfloat(w.start_gain[1], ==, 2);
	w.best_cost.hard = 2;
	roster_search_note_start_gain(&w, 1, (RosterCost){0, 100});
	g_assert_cmpfloat(w.start_gain[1], ==, 2);
}

/* the planted roster of nrp-10x28 and flags for its cells, every one set */
static RosterSolverRoster *
hold_start(RosterSolverModel *m, guint8 **fixings)
{
	g_autofree gchar *path = g_test_build_filename(G_TEST_DIST, "data", "nrp-10x28.grid", NULL);
	gsize n = (gsize)m->n_people * m->n_days;

	*fixings = g_malloc(n);
	memset(*fixings, 1, n);
	return roster_test_load_grid(m, path);
}

/* a dive's roster annealed with its fixings held: no move changes a held cell, the
 * free ones (every third, taken off) are planned again */
static void
test_search_hold_keeps_fixings(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("nrp-10x28.txt");
	g_autofree guint8 *fixings = NULL;
	g_autoptr(RosterSolverRoster) r = hold_start(m, &fixings);
	g_autoptr(RosterSolverRoster) planted = roster_solver_roster_copy(r);
	g_autoptr(RosterSolverEvaluation) before = NULL;
	g_autoptr(RosterSolverEvaluation) after = NULL;
	gsize n = (gsize)m->n_people * m->n_days;
	guint stage;

	for (gsize i = 0; i < n; i += 3) {
		fixings[i] = 0;
		r->cells[i] = ROSTER_SOLVER_OFF;
	}
	before = roster_solver_evaluate(m, r);
	stage = roster_search_hold_roster(m, r, fixings, 1, NULL);
	g_assert_cmpuint(stage, !=, HOLD_FIXINGS);
	for (gsize i = 0; i < n; i++) {
		if (fixings[i])
			g_assert_cmpint(r->cells[i], ==, planted->cells[i]);
	}
	after = roster_solver_evaluate(m, r);
	g_assert_cmpint(after->hard_penalty * 1000000 + after->objective,
			<,
			before->hard_penalty * 1000000 + before->objective);
}

/* then the days within HOLD_DAYS of each (day, type) whose cover costs anything
 * are freed for every person, and no other */
static void
test_search_hold_frees_around_cover(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("nrp-10x28.txt");
	g_autofree guint8 *fixings = NULL;
	g_autoptr(RosterSolverRoster) r = hold_start(m, &fixings);
	guint H = m->n_days;
	guint T = m->n_types;
	g_autofree guint *count = g_new0(guint, (gsize)H * T);
	g_autofree gboolean *near = g_new0(gboolean, H);
	g_autofree guint8 *held = g_malloc((gsize)m->n_people * H);
	guint n_near = 0;

	/* the cover asks for what the roster has, then someone's first working day after
	 * the first week is taken off */
	for (gsize i = 0; i < (gsize)m->n_people * H; i++) {
		if (r->cells[i] >= 0)
			count[(i % H) * T + (guint)r->cells[i]]++;
	}
	memcpy(m->cover_req, count, sizeof(guint) * H * T);
	for (guint d = 7; d < H; d++) {
		if (r->cells[d] >= 0) {
			count[d * T + (guint)r->cells[d]]--;
			r->cells[d] = ROSTER_SOLVER_OFF;
			break;
		}
	}
	for (guint d = 0; d < H; d++) {
		for (guint s = 0; s < T; s++) {
			if (roster_solver_model_cover_cost(m, d * T + s, count[d * T + s]) == 0)
				continue;
			for (guint e = d > HOLD_DAYS ? d - HOLD_DAYS : 0;
			     e <= MIN(d + HOLD_DAYS, H - 1);
			     e++)
				near[e] = TRUE;
		}
	}
	for (guint d = 0; d < H; d++)
		n_near += near[d];
	g_assert_cmpuint(n_near, >, 0);
	g_assert_cmpuint(n_near, <, H);

	g_assert_cmpuint(roster_search_hold_roster(m, r, fixings, 1, held), ==, HOLD_AROUND_COVER);
	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < H; d++)
			g_assert_cmpint(held[(gsize)p * H + d], ==, !near[d]);
	}
}

/* a dive cut short before it fixed half the cells is not held at all */
static void
test_search_hold_needs_half(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("nrp-10x28.txt");
	g_autofree guint8 *fixings = NULL;
	g_autoptr(RosterSolverRoster) r = hold_start(m, &fixings);
	gsize n = (gsize)m->n_people * m->n_days;
	g_autofree guint8 *held = g_malloc(n);

	for (gsize i = 0; i < n / 2 + 1; i++)
		fixings[i] = 0;
	g_assert_cmpuint(roster_search_hold_roster(m, r, fixings, 0, held), ==, HOLD_NONE);
	for (gsize i = 0; i < n; i++)
		g_assert_cmpint(held[i], ==, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	roster_test_add_instances("/roster/solver/search/feasible",
				  ROSTER_TEST_ROLE_SEARCH,
				  test_search_feasible);
	roster_test_add_instances("/roster/solver/search/deterministic",
				  ROSTER_TEST_ROLE_DETERMINISTIC,
				  test_search_deterministic);
	if (roster_test_is_curtois())
		return roster_test_run();
	g_test_add_func("/roster/solver/search/target-and-progress",
			test_search_target_and_progress);
	g_test_add_func("/roster/solver/search/cancel", test_search_cancel);
	g_test_add_func("/roster/solver/search/unmeetable-rule-reported",
			test_search_unmeetable_rule_reported);
	g_test_add_func("/roster/solver/search/empty-model", test_search_empty_model);
	g_test_add_func("/roster/solver/search/proven-optimal", test_search_proven_optimal);
	g_test_add_func("/roster/solver/search/capacity-bound", test_search_capacity_bound);
	g_test_add_func("/roster/solver/search/repair-whole", test_search_repair_whole);
	g_test_add_func("/roster/solver/search/repair-windows", test_search_repair_windows);
	g_test_add_func("/roster/solver/search/repair-feasible-kept",
			test_search_repair_feasible_kept);
	g_test_add_func("/roster/solver/search/repair-targeted", test_search_repair_targeted);
	g_test_add_func("/roster/solver/search/repair-lift", test_search_repair_lift);
	g_test_add_func("/roster/solver/search/seat-moves", test_search_seat_moves);
	g_test_add_func("/roster/solver/search/swap-back", test_search_swap_back);
	g_test_add_func("/roster/solver/search/wishes", test_search_wishes);
	g_test_add_func("/roster/solver/search/aimed-swaps", test_search_aimed_swaps);
	g_test_add_func("/roster/solver/search/cheapest-assignment",
			test_search_cheapest_assignment);
	g_test_add_func("/roster/solver/search/dealings", test_search_dealings);
	g_test_add_func("/roster/solver/search/dealings-groups", test_search_dealings_groups);
	g_test_add_func("/roster/solver/search/hold-keeps-fixings", test_search_hold_keeps_fixings);
	g_test_add_func("/roster/solver/search/hold-frees-around-cover",
			test_search_hold_frees_around_cover);
	g_test_add_func("/roster/solver/search/hold-needs-half", test_search_hold_needs_half);
	g_test_add_func("/roster/solver/search/start-untried-first",
			test_search_start_untried_first);
	g_test_add_func("/roster/solver/search/start-follows-gain", test_search_start_follows_gain);
	g_test_add_func("/roster/solver/search/cycle-secs", test_search_cycle_secs);
	g_test_add_func("/roster/solver/search/move-minutes", test_search_move_minutes);
	g_test_add_func("/roster/solver/search/staff-short", test_search_staff_short);
	g_test_add_func("/roster/solver/search/staff-short-lines", test_search_staff_short_lines);
	g_test_add_func("/roster/solver/search/start-gain-feasible-only",
			test_search_start_gain_feasible_only);
	return roster_test_run();
}
