/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-colgen-private.h"

/*
 * column generation over whole lines: the master picks one line per person and pays
 * the cover penalties through slack columns; its duals price each (day, shift type)
 * for the line DP, which returns the person's line with the most negative reduced
 * cost. When no such line is left the relaxation is optimal, and an integer master
 * over the generated lines (GLPK's branch and cut, under a deadline) picks the roster.
 * The relaxation of this master is tight on rostering problems, which is why branch
 * and price solves the small instances exactly; here it gives the local search a
 * start that already has the right global shape.
 */

/**
 * roster_colgen_solve:
 * @m: a sealed model without hotline rules
 * @dp: a line DP workspace for @m
 * @seed_cells: (nullable): a roster whose lines start the master; required when
 *   the window is not the whole horizon
 * @first: the first day to re-plan
 * @last: the last day to re-plan
 * @params: deadlines, the most dives, and the caller's stop and found functions
 * @cells: (out caller-allocates): n_people * n_days cells for the roster
 * @stats: (out): what was done
 *
 * Builds a roster from the linear relaxation over whole lines: prices it to the end
 * or to @params->lp_deadline, dives from it (again and again, randomised, until a dive
 * reaches the relaxation's bound), then lets branch and bound over every line found
 * try to beat the best dive. Every line keeps its person's hard rules; cover is left
 * to the objective.
 *
 * Returns: %FALSE when some person has no line, or when stopped before the first
 *   relaxation was solved; @cells is then untouched
 */
gboolean
roster_colgen_solve(const RosterSolverModel *m,
		    RosterLineDp *dp,
		    const gint16 *seed_cells,
		    guint first,
		    guint last,
		    const RosterColgenParams *params,
		    gint16 *cells,
		    RosterColgenStats *stats)
{
	Colgen self = {0};
	guint H = m->n_days;
	guint T = m->n_types;
	guint P = m->n_people;
	gboolean ok = TRUE;
	gboolean have_lp = FALSE;
	g_autofree gint *best_chosen = g_new(gint, P);

	g_return_val_if_fail(first <= last && last < H, FALSE);
	g_return_val_if_fail(seed_cells != NULL || (first == 0 && last == H - 1), FALSE);

	memset(stats, 0, sizeof(*stats));
	self.m = m;
	self.first = first;
	self.last = last;
	self.seed = seed_cells;
	if (seed_cells != NULL)
		memcpy(cells, seed_cells, sizeof(gint16) * P * H);
	self.dp = dp;
	self.owner = g_array_new(FALSE, FALSE, sizeof(guint));
	self.lines = g_array_new(FALSE, FALSE, sizeof(gint16));
	self.ind = g_new0(gint, H + 2);
	self.val = g_new0(gdouble, H + 2);
	self.price = g_new0(gint, (gsize)H * (T + 1));
	self.dual = g_new0(gdouble, P + (gsize)H * T + 1);
	self.centre = g_new0(gdouble, P + (gsize)H * T + 1);
	self.smoothed = g_new0(gdouble, P + (gsize)H * T + 1);
	self.pricing = self.dual;
	self.line = g_new0(gint16, H);
	self.relaxed = g_new0(gint16, H);
	self.chosen = g_new(gint, P);
	self.fixed = g_new(gint16, (gsize)P * H);
	self.alive = g_byte_array_new();
	self.known =
	    g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
	self.y = g_new(gdouble, (gsize)P * (last - first + 1) * (T + 1));
	for (gsize i = 0; i < (gsize)P * H; i++)
		self.fixed[i] = FIXED_NONE;
	self.deadline = params->lp_deadline;
	self.max_lines = params->max_lines;
	self.end = params->ip_deadline;
	self.rng = params->seed * G_GUINT64_CONSTANT(0x9E3779B97F4A7C15) + 1;
	self.lagrange = -G_MAXDOUBLE;
	stats->bound = -G_MAXDOUBLE;
	for (guint p = 0; p < P; p++)
		self.chosen[p] = -1;

	roster_colgen_build_master(&self);
	roster_line_dp_set_labels_per_key(dp, 1);

	/* every person starts with the line of the seed roster, or the cheapest line
	 * with every shift priced at its under-cover weight */
	for (guint p = 0; p < P && ok; p++) {
		gint64 dp_cost = 0;
		if (seed_cells != NULL) {
			roster_colgen_add_line(&self, p, seed_cells + (gsize)p * H);
			continue;
		}
		for (guint d = 0; d < H; d++) {
			const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
			self.price[d * (T + 1)] = un[0];
			for (guint s = 0; s < T; s++)
				self.price[d * (T + 1) + s + 1] =
				    un[s + 1] - (gint)m->cover_under[d * T + s];
		}
		ok = roster_line_dp_solve(dp, p, self.price, self.line, &dp_cost);
		if (ok)
			roster_colgen_add_line(&self, p, self.line);
	}

	self.exact_labels = EXACT_LABELS;
	if (ok) {
		guint64 labels = roster_line_dp_get_n_labels(dp);
		gint64 begin = g_get_monotonic_time();
		PriceOutcome outcome;
		self.may_purge = TRUE;
		outcome =
		    roster_colgen_price_rounds(&self, G_MAXUINT, FALSE, params, &stats->rounds);
		self.may_purge = FALSE;
		/* what one pricing round costs: it sizes the next windows */
		stats->labels_per_round =
		    (gdouble)(roster_line_dp_get_n_labels(dp) - labels) / MAX(stats->rounds, 1);
		stats->ms_per_round =
		    (gdouble)(g_get_monotonic_time() - begin) / 1000 / MAX(stats->rounds, 1);
		stats->exact_rounds = self.exact_rounds;
		stats->purged = self.purged;
		stats->least_costs = self.least_costs;
		stats->smoothed_rounds = self.smoothed_rounds;
		g_debug("pricing days %u-%u: %u rounds (%u exact), %.0f labels and %.1f ms per "
			"round, %u lines purged, %u least costs sought for a bound",
			first,
			last,
			stats->rounds,
			stats->exact_rounds,
			stats->labels_per_round,
			stats->ms_per_round,
			stats->purged,
			stats->least_costs);
		have_lp = outcome != PRICE_FAILED;
		/* a bound only when the last round's DPs dropped no label */
		stats->lp_optimal = outcome == PRICE_OPTIMAL && self.round_exact;
		if (have_lp)
			stats->lp_objective = roster_lp_get_objective(self.lp);
		stats->bound = stats->lp_optimal ? stats->lp_objective : self.lagrange;
		g_debug("relaxation %.2f%s after %u rounds, %u lines, bound %.2f",
			stats->lp_objective,
			stats->lp_optimal ? " (optimal)" : "",
			stats->rounds,
			self.owner->len,
			stats->bound);
	}
	ok = ok && have_lp;
	/* the dives change the master a little between solves (roster_lp_hand_over()) */
	ok = ok && roster_lp_hand_over(self.lp, params->ip_deadline);
	if (ok) {
		gint64 now = g_get_monotonic_time();
		gdouble best;
		/* the dives price exactly when that costs a small part of their time */
		stats->exact_dive = self.exact_round_us > 0 &&
				    self.exact_round_us * (gint64)P < params->ip_deadline - now;
		if (!stats->exact_dive)
			self.exact_labels = 1;
		/* the dives leave a quarter of the time to branch and bound */
		/* the dives leave a quarter of the time to branch and bound over the
		 * lines, unless the cover tree takes it all */
		self.deadline = params->cover_tree ? params->ip_deadline
						   : now + (params->ip_deadline - now) * 3 / 4;
		best = roster_colgen_dives(&self, params, best_chosen, cells, stats);
		stats->integer = best < G_MAXDOUBLE;
		self.deadline = params->ip_deadline;
		if (stats->integer && !stats->proven && !params->stop(params->user_data) &&
		    g_get_monotonic_time() + G_USEC_PER_SEC < params->ip_deadline &&
		    self.owner->len <= MIP_MAX_LINES) {
			stats->improved =
			    roster_colgen_improve_integer(&self, best_chosen, best, cells);
			if (stats->improved && params->found != NULL)
				params->found(cells, params->user_data);
		}
	}
	stats->columns = self.owner->len;

	roster_lp_free(self.lp);
	g_array_unref(self.owner);
	g_array_unref(self.lines);
	g_free(self.ind);
	g_free(self.val);
	g_free(self.price);
	g_free(self.dual);
	g_free(self.centre);
	g_free(self.smoothed);
	g_free(self.line);
	g_free(self.relaxed);
	g_free(self.chosen);
	g_free(self.fixed);
	g_byte_array_unref(self.alive);
	g_hash_table_unref(self.known);
	g_free(self.y);
	g_free(self.under_hi);
	g_free(self.extra_first);
	g_free(self.extra_hi);
	roster_line_dp_set_labels_per_key(dp, 1);
	return ok;
}
