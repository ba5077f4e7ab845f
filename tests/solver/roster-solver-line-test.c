/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-nrp-parser.h"
#include "roster-solver-colgen.h"
#include "roster-solver-evaluate.h"
#include "roster-solver-line.h"
#include "roster-solver-test-common.h"

/* a one-person instance over h days with random limits, written in the benchmark's
 * format so that the parser builds the model; with @late a third shift type that no
 * succession rule tells from the day shift */
static RosterSolverModel *
random_person_model(GRand *rand, guint h, gboolean late)
{
	g_autoptr(GString) text = g_string_new(NULL);
	g_autoptr(GError) error = NULL;
	guint max_d = (guint)g_rand_int_range(rand, 1, (gint)h + 1);
	guint max_n = (guint)g_rand_int_range(rand, 1, 4);
	guint max_work = (guint)g_rand_int_range(rand, 2, 6);
	guint min_work = (guint)g_rand_int_range(rand, 1, 3);
	guint min_off = (guint)g_rand_int_range(rand, 1, 3);
	guint max_we = (guint)g_rand_int_range(rand, 0, 2);
	guint max_minutes = 480 * (guint)g_rand_int_range(rand, 2, (gint)h);
	guint min_minutes = max_minutes / 3;
	RosterSolverModel *m;

	g_string_append_printf(text, "SECTION_HORIZON\n%u\n\n", h);
	g_string_append(text,
			late ? "SECTION_SHIFTS\nD,480,\nN,600,D|L\nL,480,\n\n"
			     : "SECTION_SHIFTS\nD,480,\nN,600,D\n\n");
	g_string_append_printf(text,
			       "SECTION_STAFF\nA,D=%u|N=%u%s,%u,%u,%u,%u,%u,%u\n\n",
			       max_d,
			       max_n,
			       late ? "|L=2" : "",
			       max_minutes,
			       min_minutes,
			       max_work,
			       min_work,
			       min_off,
			       max_we);
	g_string_append_printf(text,
			       "SECTION_DAYS_OFF\nA,%d\n\n",
			       g_rand_int_range(rand, 0, (gint)h));
	g_string_append(text, "SECTION_COVER\n");
	for (guint d = 0; d < h; d++)
		g_string_append_printf(text, "%u,D,1,100,1\n%u,N,0,100,1\n", d, d);
	m = roster_nrp_parse_instance(text->str, text->len, &error);
	g_assert_no_error(error);
	roster_solver_model_seal(m);
	return m;
}

static gboolean
line_feasible(const RosterSolverModel *m, const gint16 *line)
{
	g_autoptr(RosterSolverRoster) roster = roster_solver_roster_new(1, m->n_days);
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	memcpy(roster->cells, line, sizeof(gint16) * m->n_days);
	ev = roster_solver_evaluate(m, roster);
	return ev->n_violations == 0;
}

static gint64
line_price(const RosterSolverModel *m, const gint *price, const gint16 *line)
{
	gint64 sum = 0;
	for (guint d = 0; d < m->n_days; d++)
		sum += price[d * (m->n_types + 1) + (guint)(line[d] + 1)];
	return sum;
}

/* the price of a line's minutes: @terminal[k] for k units of @unit minutes, the last
 * for more; 0 without @terminal */
static gint64
terminal_price(const RosterSolverModel *m,
	       const gint16 *line,
	       const gint *terminal,
	       guint n_terminal,
	       guint unit)
{
	guint units = 0;
	if (terminal == NULL)
		return 0;
	for (guint d = 0; d < m->n_days; d++) {
		if (line[d] >= 0)
			units += roster_solver_model_type_length(m, line[d]) / unit;
	}
	return terminal[MIN(units, n_terminal - 1)];
}

/* the cheapest feasible line without a forbidden value that equals @current outside
 * first..last, by enumerating every one, with a price of its minutes (@terminal,
 * nullable); G_MAXINT64 when none is */
static gint64
brute_force_terminal(const RosterSolverModel *m,
		     const gint *price,
		     const gint16 *current,
		     guint first,
		     guint last,
		     const gint *terminal,
		     guint n_terminal,
		     guint unit)
{
	guint base = m->n_types + 1;
	guint total = 1;
	gint64 best = G_MAXINT64;
	g_autofree gint16 *line = g_memdup2(current, sizeof(gint16) * m->n_days);

	for (guint d = first; d <= last; d++)
		total *= base;
	for (guint code = 0; code < total; code++) {
		guint c = code;
		gint64 cost = 0;
		for (guint d = first; d <= last && cost != G_MAXINT64; d++) {
			gint p;
			line[d] = (gint16)(c % base) - 1;
			p = price[d * base + (guint)(line[d] + 1)];
			cost = p == ROSTER_LINE_FORBIDDEN ? G_MAXINT64 : cost + p;
			c /= base;
		}
		if (cost != G_MAXINT64)
			cost += terminal_price(m, line, terminal, n_terminal, unit);
		if (cost < best && line_feasible(m, line))
			best = cost;
	}
	return best;
}

static gint64
brute_force_window(const RosterSolverModel *m,
		   const gint *price,
		   const gint16 *current,
		   guint first,
		   guint last)
{
	return brute_force_terminal(m, price, current, first, last, NULL, 0, 1);
}

/* the same over the whole horizon */
static gint64
brute_force(const RosterSolverModel *m, const gint *price)
{
	g_autofree gint16 *off = g_new0(gint16, m->n_days);
	return brute_force_window(m, price, off, 0, m->n_days - 1);
}

/* with enough labels per key the DP finds the cheapest feasible line; with one it
 * still finds a feasible line, never cheaper than that, and does not claim to be
 * exact when it missed the cheapest */
static void
test_line_dp_exact(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(7);

	for (guint round = 0; round < 40; round++) {
		guint h = 7 + round % 3;
		g_autoptr(RosterSolverModel) m = random_person_model(rand, h, FALSE);
		g_autoptr(RosterLineDp) dp = roster_line_dp_new(m);
		g_autofree gint *price = g_new0(gint, h * (m->n_types + 1));
		g_autofree gint16 *line = g_new0(gint16, h);
		gint64 exact;
		gint64 cost = 0;
		gboolean found;

		for (guint i = 0; i < h * (m->n_types + 1); i++)
			price[i] = g_rand_int_range(rand, -60, 40);
		exact = brute_force(m, price);

		roster_line_dp_set_labels_per_key(dp, 64);
		found = roster_line_dp_solve(dp, 0, price, line, &cost);
		g_assert_cmpint(found, ==, exact != G_MAXINT64);
		if (!found)
			continue;
		g_assert_cmpint(cost, ==, exact);
		g_assert_cmpint(line_price(m, price, line), ==, exact);
		g_assert_true(line_feasible(m, line));
		g_assert_true(roster_line_dp_was_exact(dp));

		roster_line_dp_set_labels_per_key(dp, 1);
		if (roster_line_dp_solve(dp, 0, price, line, &cost)) {
			g_assert_cmpint(cost, >=, exact);
			g_assert_true(line_feasible(m, line));
			if (cost > exact)
				g_assert_false(roster_line_dp_was_exact(dp));
		}

		/* without the per-type maxima: a lower bound on the least cost (what the
		 * column generation's bound takes when the DP dropped labels) */
		roster_line_dp_set_relax_counts(dp, TRUE);
		g_assert_true(roster_line_dp_solve(dp, 0, price, line, &cost));
		g_assert_cmpint(cost, <=, exact);
		roster_line_dp_set_relax_counts(dp, FALSE);
	}
}

/* a price of the whole line's minutes, as a commitment's shortfall puts it: the DP
 * still finds the cheapest line, that price included */
static void
test_line_dp_terminal(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(11);

	for (guint round = 0; round < 30; round++) {
		guint h = 7 + round % 2;
		g_autoptr(RosterSolverModel) m = random_person_model(rand, h, FALSE);
		g_autoptr(RosterLineDp) dp = roster_line_dp_new(m);
		g_autofree gint *price = g_new0(gint, h * (m->n_types + 1));
		g_autofree gint16 *line = g_new0(gint16, h);
		g_autofree gint16 *off = g_new0(gint16, h);
		guint unit = roster_line_dp_get_unit(dp);
		guint n_terminal = 4 * 600 / unit + 1;
		g_autofree gint *terminal = g_new0(gint, n_terminal);
		gint64 exact;
		gint64 cost = 0;

		/* a large price for few minutes, falling to none */
		for (guint k = 0; k < n_terminal; k++)
			terminal[k] = (gint)((n_terminal - 1 - k) * g_rand_int_range(rand, 0, 30));
		for (guint i = 0; i < h * (m->n_types + 1); i++)
			price[i] = g_rand_int_range(rand, -20, 60);
		exact = brute_force_terminal(m, price, off, 0, h - 1, terminal, n_terminal, unit);

		roster_line_dp_set_labels_per_key(dp, 64);
		roster_line_dp_set_terminal(dp, terminal, n_terminal);
		g_assert_cmpint(roster_line_dp_solve(dp, 0, price, line, &cost),
				==,
				exact != G_MAXINT64);
		if (exact == G_MAXINT64)
			continue;
		g_assert_cmpint(cost, ==, exact);
		g_assert_cmpint(line_price(m, price, line) +
				    terminal_price(m, line, terminal, n_terminal, unit),
				==,
				exact);
		g_assert_true(line_feasible(m, line));
	}
}

/*
 * one label per key keeps the cheaper of two half-lines that reach the same state,
 * here the one that used the only N shift allowed, and so misses the line that saves
 * it for the day it pays most: the DP must not claim to be exact then
 */
static void
test_line_dp_unsure(void)
{
	const gchar *text = "SECTION_HORIZON\n4\n\nSECTION_SHIFTS\nD,480,\nN,480,\n\n"
			    "SECTION_STAFF\nA,D=4|N=1,1920,0,4,1,1,2\n\n"
			    "SECTION_COVER\n0,D,0,100,1\n";
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) m = roster_nrp_parse_instance(text, strlen(text), &error);
	g_autoptr(RosterLineDp) dp = NULL;
	gint price[4 * 3] = {0, -9, -10, 0, 50, 50, 0, 50, 50, 0, 0, -100};
	gint16 line[4];
	gint64 cost = 0;

	g_assert_no_error(error);
	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	g_assert_true(roster_line_dp_solve(dp, 0, price, line, &cost));
	g_assert_cmpint(cost, ==, -100);
	g_assert_false(roster_line_dp_was_exact(dp));
	roster_line_dp_set_labels_per_key(dp, 16);
	g_assert_true(roster_line_dp_solve(dp, 0, price, line, &cost));
	g_assert_cmpint(cost, ==, -109);
	g_assert_true(roster_line_dp_was_exact(dp));
}

/* a feasible line to start a window from (the DP's cheapest for random prices), then
 * fresh random prices for the window; FALSE when the person has no line at all */
static gboolean
window_start(GRand *rand,
	     const RosterSolverModel *m,
	     RosterLineDp *dp,
	     gint *price,
	     gint16 *current)
{
	guint n = m->n_days * (m->n_types + 1);
	gint64 cost = 0;

	for (guint i = 0; i < n; i++)
		price[i] = g_rand_int_range(rand, -60, 40);
	roster_line_dp_set_labels_per_key(dp, 64);
	if (!roster_line_dp_solve(dp, 0, price, current, &cost))
		return FALSE;
	for (guint i = 0; i < n; i++)
		price[i] = g_rand_int_range(rand, -60, 40);
	return TRUE;
}

/* a window joins the fixed days on both sides legally, and is the cheapest that does */
static void
test_line_dp_window(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(5);
	guint checked = 0;

	for (guint round = 0; round < 200; round++) {
		guint h = 15;
		g_autoptr(RosterSolverModel) m = random_person_model(rand, h, FALSE);
		g_autoptr(RosterLineDp) dp = roster_line_dp_new(m);
		g_autofree gint *price = g_new0(gint, h * (m->n_types + 1));
		g_autofree gint16 *current = g_new0(gint16, h);
		g_autofree gint16 *line = g_new0(gint16, h);
		guint first = (guint)g_rand_int_range(rand, 0, (gint)h);
		guint len = (guint)g_rand_int_range(rand, 1, 10);
		guint last = MIN(h - 1, first + len - 1);
		gint64 exact;
		gint64 cost = 0;
		gboolean found;

		if (!window_start(rand, m, dp, price, current))
			continue;
		exact = brute_force_window(m, price, current, first, last);
		memcpy(line, current, sizeof(gint16) * h);
		found =
		    roster_line_dp_solve_window(dp, 0, current, first, last, price, line, &cost);
		/* the current days are a feasible choice, so a line always exists */
		g_assert_cmpint(exact, !=, G_MAXINT64);
		g_assert_true(found);
		g_assert_cmpint(cost, ==, exact);
		g_assert_true(line_feasible(m, line));
		for (guint d = 0; d < h; d++) {
			if (d < first || d > last)
				g_assert_cmpint(line[d], ==, current[d]);
		}
		checked++;
	}
	g_assert_cmpuint(checked, >=, 100);
}

/* an upper price keeps the cheapest window when it costs no more than that, finds none
 * below it, places no more labels than the search without it, and lasts one solve */
static void
test_line_dp_upper(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(23);
	guint checked = 0;
	guint fewer = 0;

	for (guint round = 0; round < 200; round++) {
		guint h = 15;
		g_autoptr(RosterSolverModel) m = random_person_model(rand, h, FALSE);
		g_autoptr(RosterLineDp) dp = roster_line_dp_new(m);
		g_autofree gint *price = g_new0(gint, h * (m->n_types + 1));
		g_autofree gint16 *current = g_new0(gint16, h);
		g_autofree gint16 *line = g_new0(gint16, h);
		guint first = (guint)g_rand_int_range(rand, 0, (gint)h);
		guint len = (guint)g_rand_int_range(rand, 3, 10);
		guint last = MIN(h - 1, first + len - 1);
		guint64 before;
		guint64 plain;
		guint64 pruned;
		gint64 exact;
		gint64 cost = 0;

		if (!window_start(rand, m, dp, price, current))
			continue;
		exact = brute_force_window(m, price, current, first, last);
		g_assert_cmpint(exact, !=, G_MAXINT64);
		/* a window's solve writes only its own days */
		memcpy(line, current, sizeof(gint16) * h);

		before = roster_line_dp_get_n_labels(dp);
		g_assert_true(
		    roster_line_dp_solve_window(dp, 0, current, first, last, price, line, &cost));
		plain = roster_line_dp_get_n_labels(dp) - before;
		g_assert_cmpint(cost, ==, exact);

		roster_line_dp_set_upper(dp, exact);
		before = roster_line_dp_get_n_labels(dp);
		g_assert_true(
		    roster_line_dp_solve_window(dp, 0, current, first, last, price, line, &cost));
		pruned = roster_line_dp_get_n_labels(dp) - before;
		g_assert_cmpint(cost, ==, exact);
		g_assert_true(line_feasible(m, line));
		g_assert_cmpuint(pruned, <=, plain);
		if (pruned < plain)
			fewer++;

		roster_line_dp_set_upper(dp, exact + g_rand_int_range(rand, 0, 50));
		g_assert_true(
		    roster_line_dp_solve_window(dp, 0, current, first, last, price, line, &cost));
		g_assert_cmpint(cost, ==, exact);

		roster_line_dp_set_upper(dp, exact - 1);
		g_assert_false(
		    roster_line_dp_solve_window(dp, 0, current, first, last, price, line, &cost));
		/* the upper price was for that solve only */
		g_assert_true(
		    roster_line_dp_solve_window(dp, 0, current, first, last, price, line, &cost));
		g_assert_cmpint(cost, ==, exact);
		checked++;
	}
	g_assert_cmpuint(checked, >=, 100);
	/* and it does prune: most windows need fewer labels */
	g_assert_cmpuint(fewer, >=, checked / 2);
}

/* values ruled out by the price never appear, and a type that shares its succession
 * rules with another still keeps its own maximum */
static void
test_line_dp_forbidden(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(11);

	for (guint round = 0; round < 30; round++) {
		guint h = 7;
		g_autoptr(RosterSolverModel) m = random_person_model(rand, h, TRUE);
		g_autoptr(RosterLineDp) dp = roster_line_dp_new(m);
		g_autofree gint *price = g_new0(gint, h * (m->n_types + 1));
		g_autofree gint16 *line = g_new0(gint16, h);
		gint64 exact;
		gint64 cost = 0;
		gboolean found;

		for (guint i = 0; i < h * (m->n_types + 1); i++) {
			price[i] = g_rand_int_range(rand, -60, 40);
			if (g_rand_int_range(rand, 0, 6) == 0)
				price[i] = ROSTER_LINE_FORBIDDEN;
		}
		exact = brute_force(m, price);
		roster_line_dp_set_labels_per_key(dp, 64);
		found = roster_line_dp_solve(dp, 0, price, line, &cost);
		g_assert_cmpint(found, ==, exact != G_MAXINT64);
		if (!found)
			continue;
		g_assert_cmpint(cost, ==, exact);
		for (guint d = 0; d < h; d++)
			g_assert_cmpint(price[d * (m->n_types + 1) + (guint)(line[d] + 1)],
					!=,
					ROSTER_LINE_FORBIDDEN);
		g_assert_true(line_feasible(m, line));
	}
}

static gboolean
never_stop(gpointer data)
{
	return FALSE;
}

typedef struct {
	gsize n_cells;
	gint16 *last; /* the last roster reported */
	guint n;
} FoundLog;

static void
log_found(const gint16 *cells, gpointer data)
{
	FoundLog *log = data;
	g_free(log->last);
	log->last = g_memdup2(cells, sizeof(gint16) * log->n_cells);
	log->n++;
}

/* deadlines in seconds from now, at most @max_dives dives */
static RosterColgenParams
colgen_params(gdouble lp_secs, gdouble ip_secs, guint max_dives)
{
	gint64 now = g_get_monotonic_time();
	RosterColgenParams params = {
	    .lp_deadline = now + (gint64)(lp_secs * G_USEC_PER_SEC),
	    .ip_deadline = now + (gint64)(ip_secs * G_USEC_PER_SEC),
	    .max_dives = max_dives,
	    .seed = 1,
	    .stop = never_stop,
	};
	return params;
}

/* the column generation over the whole horizon from no roster, into @roster */
static gboolean
solve_root(RosterSolverModel *m,
	   RosterLineDp *dp,
	   const RosterColgenParams *params,
	   RosterSolverRoster *roster,
	   RosterColgenStats *stats)
{
	return roster_colgen_solve(m, dp, NULL, 0, m->n_days - 1, params, roster->cells, stats);
}

/* the relaxation bounds the optimum from below, and the dive's roster is feasible */
static void
test_colgen_instance(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	gint64 optimum = instance->optimum;
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);
	g_autoptr(RosterLineDp) dp = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	RosterColgenStats stats;
	RosterColgenParams params = colgen_params(30, 60, 3);
	FoundLog found = {0, NULL, 0};

	if (m == NULL)
		return;
	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	roster = roster_solver_roster_new(m->n_people, m->n_days);
	found.n_cells = (gsize)m->n_people * m->n_days;
	params.found = log_found;
	params.user_data = &found;
	g_assert_true(solve_root(m, dp, &params, roster, &stats));
	g_assert_true(stats.lp_optimal);
	g_assert_cmpfloat(stats.lp_objective, <=, optimum + 1e-6);
	g_assert_cmpuint(stats.columns, >=, m->n_people);
	ev = roster_solver_evaluate(m, roster);
	g_assert_true(ev->feasible);
	g_assert_cmpint(ev->objective, >=, optimum);
	g_assert_cmpfloat(ev->objective, >=, stats.lp_objective - 1e-6);
	/* the caller heard of the roster returned as soon as it was found */
	g_assert_cmpuint(found.n, >=, 1);
	g_assert_true(memcmp(found.last, roster->cells, sizeof(gint16) * m->n_people * m->n_days) ==
		      0);
	g_free(found.last);
}

/* the relaxation's value with the master purged down to four lines a person as it
 * is priced, and with every line kept, is the same */
static void
test_colgen_purge(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("nrp-10x28.txt");
	g_autoptr(RosterLineDp) dp = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	RosterColgenStats purged;
	RosterColgenStats kept;
	RosterColgenParams params = colgen_params(30, 30, 1);

	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	roster = roster_solver_roster_new(m->n_people, m->n_days);
	params.max_lines = 4 * m->n_people;
	g_assert_true(solve_root(m, dp, &params, roster, &purged));
	params = colgen_params(30, 30, 1);
	params.max_lines = G_MAXUINT;
	g_assert_true(solve_root(m, dp, &params, roster, &kept));
	g_assert_true(purged.lp_optimal);
	g_assert_true(kept.lp_optimal);
	g_assert_cmpuint(purged.purged, >, 0);
	g_assert_cmpuint(kept.purged, ==, 0);
	g_assert_cmpfloat_with_epsilon(purged.lp_objective, kept.lp_objective, 1e-6);
	g_assert_cmpfloat(purged.lp_objective, <=, 1648 + 1e-6);
}

/* a window re-plans only its days, and joins the fixed days around it legally */
static void
test_colgen_window(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);
	g_autoptr(RosterLineDp) dp = NULL;
	g_autoptr(RosterSolverRoster) whole = NULL;
	g_autoptr(RosterSolverRoster) window = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	RosterColgenStats stats;
	/* one dive, which ends when its roster is whole: the limits only bound a busy machine */
	RosterColgenParams quick = colgen_params(1, 3, 1);
	RosterColgenParams params;
	guint first = 9;
	guint last = 20;

	if (m == NULL)
		return;
	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	/* a feasible start: the dive's roster of the whole horizon, cut short early */
	whole = roster_solver_roster_new(m->n_people, m->n_days);
	g_assert_true(
	    roster_colgen_solve(m, dp, NULL, 0, m->n_days - 1, &quick, whole->cells, &stats));
	ev = roster_solver_evaluate(m, whole);
	g_assert_true(ev->feasible);
	g_clear_pointer(&ev, roster_solver_evaluation_free);

	window = roster_solver_roster_new(m->n_people, m->n_days);
	params = colgen_params(20, 40, 2);
	g_assert_true(
	    roster_colgen_solve(m, dp, whole->cells, first, last, &params, window->cells, &stats));
	g_assert_true(stats.lp_optimal);
	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < m->n_days; d++) {
			gint a = roster_solver_roster_get(whole, p, d);
			gint b = roster_solver_roster_get(window, p, d);
			if (d < first || d > last)
				g_assert_cmpint(a, ==, b);
		}
	}
	ev = roster_solver_evaluate(m, window);
	g_assert_true(ev->feasible);
	if (instance->optimum >= 0)
		g_assert_cmpint(ev->objective, >=, instance->optimum);
}

/* the caller's roster to beat: a fixed cost */
static gdouble
fixed_best(gpointer data)
{
	return *(const gdouble *)data;
}

/* the cover tree branches on the cover slacks after the first dives, and every
 * roster it returns keeps the hard rules */
static void
test_colgen_cover_tree(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);
	g_autoptr(RosterLineDp) dp = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	RosterColgenStats stats;
	RosterColgenParams params = colgen_params(10, 3, 0);

	if (m == NULL)
		return;
	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	roster = roster_solver_roster_new(m->n_people, m->n_days);
	params.cover_tree = TRUE;
	g_assert_true(solve_root(m, dp, &params, roster, &stats));
	g_assert_cmpuint(stats.nodes, >, 0);
	ev = roster_solver_evaluate(m, roster);
	g_assert_true(ev->feasible);
	g_assert_cmpint(ev->objective, >=, instance->optimum);
}

/* when the caller already has a roster at the relaxation's bound, nothing is left to
 * find: no dive and no node of the cover tree */
static void
test_colgen_at_bound(gconstpointer data)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(data);
	g_autoptr(RosterLineDp) dp = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	RosterColgenStats stats;
	RosterColgenParams params = colgen_params(10, 3, 1);
	gdouble unbeatable;

	if (m == NULL)
		return;
	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	roster = roster_solver_roster_new(m->n_people, m->n_days);
	g_assert_true(solve_root(m, dp, &params, roster, &stats));
	g_assert_true(stats.lp_optimal);

	unbeatable = ceil(stats.lp_objective - 1e-6);
	params = colgen_params(10, 20, 0);
	params.cover_tree = TRUE;
	params.best = fixed_best;
	params.user_data = &unbeatable;
	g_assert_true(solve_root(m, dp, &params, roster, &stats));
	g_assert_cmpuint(stats.nodes, ==, 0);
	g_assert_cmpuint(stats.dives, ==, 0);
}

/* stops a column generation at the n-th time it asks */
static gboolean
stop_after(gpointer data)
{
	guint *left = data;
	if (*left == 0)
		return TRUE;
	(*left)--;
	return FALSE;
}

/*
 * the bound of a column generation stopped anywhere in its root: the relaxation's own
 * when priced to the end, else a Lagrangian bound of one of its rounds, never above the
 * relaxation's optimum (and so never above the roster's)
 */
static void
test_colgen_lagrange(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);
	g_autoptr(RosterLineDp) dp = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	RosterColgenStats full;
	RosterColgenParams params = colgen_params(30, 30, 1);
	guint cut_with_bound = 0;
	guint asked = 0;
	gdouble best_cut = -G_MAXDOUBLE;

	if (m == NULL)
		return;
	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	roster = roster_solver_roster_new(m->n_people, m->n_days);
	g_assert_true(solve_root(m, dp, &params, roster, &full));
	g_assert_true(full.lp_optimal);
	g_assert_cmpfloat_with_epsilon(full.bound, full.lp_objective, 1e-9);
	/* most of the root's rounds price at smoothed multipliers, whose Lagrangian
	 * bounds the cut roots below check */
	g_assert_cmpuint(full.smoothed_rounds, >, 0);
	/* the root asks before each round and before each person's pricing (the dives'
	 * rounds count too: a few cuts fall in the dive) */
	asked = full.rounds * (m->n_people + 1);

	for (guint k = 1; k < asked; k += MAX(asked / 100, 1)) {
		RosterColgenStats cut;
		guint left = k;
		params = colgen_params(30, 30, 1);
		params.stop = stop_after;
		params.user_data = &left;
		if (!solve_root(m, dp, &params, roster, &cut))
			continue;
		if (cut.bound == -G_MAXDOUBLE)
			continue;
		g_assert_cmpfloat(cut.bound, <=, full.lp_objective + 1e-6);
		if (instance->optimum >= 0)
			g_assert_cmpfloat(cut.bound, <=, instance->optimum + 1e-6);
		if (!cut.lp_optimal) {
			cut_with_bound++;
			best_cut = MAX(best_cut, cut.bound);
		}
	}
	g_test_message("%u stops asked, %u cut roots with a bound, the best %.2f of %.2f",
		       asked,
		       cut_with_bound,
		       best_cut,
		       full.lp_objective);
	g_assert_cmpuint(cut_with_bound, >, 0);
}

/*
 * a bound proven elsewhere that no round could beat spares the rounds the search for
 * their people's least costs (least_cost()), and changes nothing else: the same
 * rounds, lines and relaxation as a root told of none
 */
static void
test_colgen_lagrange_proven(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);
	g_autoptr(RosterLineDp) dp = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	RosterColgenStats plain;
	RosterColgenStats told;
	RosterColgenParams params = colgen_params(30, 30, 1);

	if (m == NULL)
		return;
	roster_solver_model_seal(m);
	dp = roster_line_dp_new(m);
	roster = roster_solver_roster_new(m->n_people, m->n_days);
	g_assert_true(solve_root(m, dp, &params, roster, &plain));
	params = colgen_params(30, 30, 1);
	params.proven = 1e12;
	g_assert_true(solve_root(m, dp, &params, roster, &told));
	g_test_message("%u least costs sought told of none, %u told of a bound",
		       plain.least_costs,
		       told.least_costs);
	/* the instance's exact rounds drop labels, so that no round proves the
	 * relaxation optimal by itself: the least costs sought for the last round's
	 * Lagrangian bound make it the relaxation's */
	g_assert_cmpuint(plain.least_costs, >, 0);
	g_assert_false(plain.lp_optimal);
	g_assert_cmpfloat_with_epsilon(plain.bound, plain.lp_objective, 1e-6);
	g_assert_cmpfloat(plain.bound, <=, instance->optimum);
	g_assert_cmpuint(told.least_costs, ==, 0);
	g_assert_cmpuint(told.rounds, ==, plain.rounds);
	g_assert_cmpuint(told.columns, ==, plain.columns);
	g_assert_cmpfloat_with_epsilon(told.lp_objective, plain.lp_objective, 1e-6);
}

/* types forbidden alike before and after, of one length and with no binding maximum
 * (D and E here), lead to the same labels: the DP keeps only the cheaper of them per
 * day and still finds the cheapest line */
static void
test_line_dp_twins(void)
{
	g_autoptr(GRand) rand = g_rand_new_with_seed(11);

	for (guint round = 0; round < 30; round++) {
		guint h = 7;
		g_autoptr(GString) text = g_string_new(NULL);
		g_autoptr(GError) error = NULL;
		g_autoptr(RosterSolverModel) m = NULL;
		g_autoptr(RosterLineDp) dp = NULL;
		g_autofree gint *price = NULL;
		g_autofree gint16 *line = g_new0(gint16, h);
		gint64 exact;
		gint64 cost = 0;

		g_string_append_printf(
		    text,
		    "SECTION_HORIZON\n%u\n\nSECTION_SHIFTS\nD,480,\nE,480,\n"
		    "N,480,D|E\n\nSECTION_STAFF\nA,D=%u|E=%u|N=%u,%u,%u,%u,%u,%u,1\n\n"
		    "SECTION_DAYS_OFF\nA,%d\n\nSECTION_COVER\n",
		    h,
		    h,
		    h,
		    (guint)g_rand_int_range(rand, 1, 4),
		    480 * h,
		    480 * (guint)g_rand_int_range(rand, 0, 4),
		    (guint)g_rand_int_range(rand, 2, 6),
		    (guint)g_rand_int_range(rand, 1, 3),
		    (guint)g_rand_int_range(rand, 1, 3),
		    g_rand_int_range(rand, 0, (gint)h));
		for (guint d = 0; d < h; d++)
			g_string_append_printf(text,
					       "%u,D,1,100,1\n%u,E,0,100,1\n%u,N,0,100,1\n",
					       d,
					       d,
					       d);
		m = roster_nrp_parse_instance(text->str, text->len, &error);
		g_assert_no_error(error);
		roster_solver_model_seal(m);
		dp = roster_line_dp_new(m);
		price = g_new0(gint, h * (m->n_types + 1));
		for (guint i = 0; i < h * (m->n_types + 1); i++)
			price[i] = g_rand_int_range(rand, -60, 40);
		/* a tie between the twins on some days */
		price[1 * (m->n_types + 1) + 2] = price[1 * (m->n_types + 1) + 1];
		exact = brute_force(m, price);
		roster_line_dp_set_labels_per_key(dp, 64);
		g_assert_cmpint(roster_line_dp_solve(dp, 0, price, line, &cost),
				==,
				exact != G_MAXINT64);
		if (exact == G_MAXINT64)
			continue;
		g_assert_cmpint(cost, ==, exact);
		g_assert_cmpint(line_price(m, price, line), ==, exact);
		g_assert_true(line_feasible(m, line));
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	roster_test_add_instances("/roster/solver/colgen/root",
				  ROSTER_TEST_ROLE_COLGEN,
				  test_colgen_instance);
	roster_test_add_instances("/roster/solver/colgen/at-bound",
				  ROSTER_TEST_ROLE_COLGEN,
				  test_colgen_at_bound);
	roster_test_add_instances("/roster/solver/colgen/lagrange",
				  ROSTER_TEST_ROLE_COLGEN,
				  test_colgen_lagrange);
	roster_test_add_instances("/roster/solver/colgen/lagrange-proven",
				  ROSTER_TEST_ROLE_LEAST,
				  test_colgen_lagrange_proven);
	roster_test_add_instances("/roster/solver/colgen/window",
				  ROSTER_TEST_ROLE_WINDOW,
				  test_colgen_window);
	roster_test_add_instances("/roster/solver/colgen/cover-tree",
				  ROSTER_TEST_ROLE_BRANCH,
				  test_colgen_cover_tree);
	if (roster_test_is_curtois())
		return roster_test_run();
	g_test_add_func("/roster/solver/colgen/purge", test_colgen_purge);
	g_test_add_func("/roster/solver/line/dp-exact", test_line_dp_exact);
	g_test_add_func("/roster/solver/line/dp-unsure", test_line_dp_unsure);
	g_test_add_func("/roster/solver/line/dp-forbidden", test_line_dp_forbidden);
	g_test_add_func("/roster/solver/line/dp-window", test_line_dp_window);
	g_test_add_func("/roster/solver/line/dp-upper", test_line_dp_upper);
	g_test_add_func("/roster/solver/line/dp-twins", test_line_dp_twins);
	g_test_add_func("/roster/solver/line/dp-terminal", test_line_dp_terminal);
	return roster_test_run();
}
