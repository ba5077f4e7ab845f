/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-colgen-private.h"

/* the master of the column generation and its pricing: the rows and columns of the
 * linear master over whole lines, its relaxation and the rounds of line pricing that
 * its duals drive */

/* rows: one per person, then one per (day of the window, shift type) */
static gint
cover_row(const Colgen *self, guint d, guint s)
{
	const RosterSolverModel *m = self->m;
	return (gint)(m->n_people + (d - self->first) * m->n_types + s + 1);
}

/* the bounds of the cover slacks of (day of the window, type) i at the root */
void
roster_colgen_root_slack_bounds(Colgen *self, guint i)
{
	roster_lp_set_bounds(self->lp, under_col(i), 0, self->under_hi[i]);
	roster_lp_set_bounds(self->lp, under_col(i) + 1, 0, G_MAXDOUBLE);
	for (guint k = self->extra_first[i]; k < self->extra_first[i + 1]; k++)
		roster_lp_set_bounds(self->lp, extra_col(self, k), 0, self->extra_hi[k]);
}

/*
 * the pieces of the under-cover penalty of (day, type) idx: runs of missing seats
 * of one cost, cheapest first; returns how many, with their sizes and costs
 */
static guint
cover_pieces(const RosterSolverModel *m, guint idx, guint *size, gdouble *cost)
{
	guint req = m->cover_req[idx];
	guint n = 0;

	if (!roster_solver_model_cover_shaped(m, idx)) {
		size[0] = req;
		cost[0] = m->cover_under[idx];
		return 1;
	}
	for (guint j = 1; j <= req; j++) {
		gdouble c = (gdouble)roster_solver_model_cover_piece(m, idx, j);
		if (n > 0 && cost[n - 1] == c) {
			size[n - 1]++;
			continue;
		}
		size[n] = 1;
		cost[n++] = c;
	}
	if (n == 0) {
		size[0] = 0;
		cost[0] = m->cover_under[idx];
		n = 1;
	}
	return n;
}

static gdouble
line_cost(const Colgen *self, guint p, const gint16 *line)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	gdouble cost = 0;
	for (guint d = self->first; d <= self->last; d++)
		cost += m->unary[((gsize)p * H + d) * (T + 1) + (guint)(line[d] + 1)];
	return cost;
}

/*
 * adds a line column unless the person has it already (with duals as large as an
 * artificial column's, the simplex's tolerance can leave a column in the master
 * with a slightly negative reduced cost, and pricing would find it again and again)
 */
gboolean
roster_colgen_add_line(Colgen *self, guint p, const gint16 *line)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint W = self->last - self->first + 1;
	gint len = 1;
	gint j;
	gint16 *key = g_new(gint16, W + 2);

	key[0] = (gint16)(p & 0xffff);
	key[1] = (gint16)(p >> 16);
	memcpy(key + 2, line + self->first, sizeof(gint16) * W);
	if (!g_hash_table_add(self->known, g_bytes_new_take(key, sizeof(gint16) * (W + 2))))
		return FALSE;
	self->ind[1] = (gint)p + 1;
	self->val[1] = 1;
	for (guint d = self->first; d <= self->last; d++) {
		if (line[d] < 0)
			continue;
		len++;
		self->ind[len] = cover_row(self, d, (guint)line[d]);
		self->val[len] = 1;
	}
	j = roster_lp_add_col(self->lp,
			      len,
			      self->ind,
			      self->val,
			      0,
			      G_MAXDOUBLE,
			      line_cost(self, p, line));
	g_assert(j == line_col(self, self->owner->len));
	g_array_append_val(self->owner, p);
	g_array_append_vals(self->lines, line, H);
	{
		guint8 one = 1;
		g_byte_array_append(self->alive, &one, 1);
	}
	return TRUE;
}

void
roster_colgen_build_master(Colgen *self)
{
	const RosterSolverModel *m = self->m;
	guint T = m->n_types;
	guint P = m->n_people;
	guint W = self->last - self->first + 1;
	g_autofree gint *slack_row = NULL;
	g_autofree gdouble *slack_sign = NULL;
	g_autofree gdouble *slack_cost = NULL;

	g_autofree guint *size = NULL;
	g_autofree gdouble *cost = NULL;
	guint n_extra = 0;

	self->artificial_cost = 1;
	self->n_cells = W * T;
	self->under_hi = g_new0(guint, self->n_cells);
	self->extra_first = g_new0(guint, self->n_cells + 1);
	self->max_req = 1;
	for (guint d = self->first; d <= self->last; d++) {
		for (guint s = 0; s < T; s++)
			self->max_req = MAX(self->max_req, m->cover_req[d * T + s]);
	}
	size = g_new0(guint, self->max_req + 1);
	cost = g_new0(gdouble, self->max_req + 1);
	for (guint i = 0; i < self->n_cells; i++) {
		guint idx = self->first * T + i;
		guint n = cover_pieces(m, idx, size, cost);
		self->under_hi[i] = size[0];
		self->extra_first[i] = n_extra;
		n_extra += n - 1;
		self->artificial_cost =
		    MAX(self->artificial_cost,
			ARTIFICIAL_FACTOR * MAX(cost[n - 1], (gdouble)m->cover_over[idx]));
	}
	self->extra_first[self->n_cells] = n_extra;
	self->extra_hi = g_new0(guint, n_extra + 1);
	self->price_limit = (gint)(G_MAXINT32 / 4 / (self->last - self->first + 2));
	/* CLP at the root of the whole horizon; a window of a long one is priced for a
	 * few rounds, where GLPK did better (roster_lp_hand_over()) */
	self->lp = roster_lp_new(P + W * T, self->first == 0 && self->last == m->n_days - 1);
	for (guint p = 0; p < P; p++)
		roster_lp_set_row(self->lp, (gint)p + 1, 1);
	/* per (day, type): lines + under - over = requirement; each slack column is
	 * one coefficient, set here by its number and added in order */
	self->n_slack = 4 * W * T + P + n_extra;
	slack_row = g_new0(gint, self->n_slack + 1);
	slack_sign = g_new0(gdouble, self->n_slack + 1);
	slack_cost = g_new0(gdouble, self->n_slack + 1);
	for (guint p = 0; p < P; p++) {
		gint j = no_line_col(self, p);
		slack_row[j] = (gint)p + 1;
		slack_sign[j] = 1;
		slack_cost[j] = NO_LINE_COST;
	}
	for (guint d = self->first; d <= self->last; d++) {
		for (guint s = 0; s < T; s++) {
			guint idx = d * T + s;
			gint row = cover_row(self, d, s);
			guint i = (guint)(row - (gint)P - 1);
			gint under = under_col(i);
			guint n = cover_pieces(m, idx, size, cost);

			roster_lp_set_row(self->lp, row, m->cover_req[idx]);
			slack_row[under] = row;
			slack_sign[under] = 1;
			slack_cost[under] = cost[0];
			for (guint k = 1; k < n; k++) {
				guint e = self->extra_first[i] + k - 1;
				gint j = extra_col(self, e);
				self->extra_hi[e] = size[k];
				slack_row[j] = row;
				slack_sign[j] = 1;
				slack_cost[j] = cost[k];
			}
			slack_row[under + 1] = row;
			slack_sign[under + 1] = -1;
			slack_cost[under + 1] = m->cover_over[idx];
			for (guint k = 0; k < 2; k++) {
				gint j = artificial_col(self, i) + (gint)k;
				slack_row[j] = row;
				slack_sign[j] = k == 0 ? 1 : -1;
				slack_cost[j] = self->artificial_cost;
			}
		}
	}
	for (gint j = 1; j <= (gint)self->n_slack; j++) {
		gint ind[2] = {0, slack_row[j]};
		gdouble val[2] = {0, slack_sign[j]};
		gint added = roster_lp_add_col(self->lp, 1, ind, val, 0, 0, slack_cost[j]);
		g_assert(added == j);
	}
	for (guint i = 0; i < self->n_cells; i++)
		roster_colgen_root_slack_bounds(self, i);
}

gboolean
roster_colgen_solve_relaxation(Colgen *self, gboolean dual)
{
	/* after fixing lines the old basis stays dual feasible */
	return roster_lp_solve(self->lp, dual, self->end);
}

/*
 * the least a line of person p could cost at the prices of the last solve, which
 * dropped labels: the DP again with as many labels a key as it may keep, and when
 * that still drops some, without the per-type maxima it could not keep apart (exact,
 * and never dearer than the real least, but far below it where those maxima bind);
 * FALSE when it found no line
 */
static gboolean
least_cost(Colgen *self, guint p, gint64 *cost)
{
	gboolean found = FALSE;
	gint64 begin = g_get_monotonic_time();
	self->least_costs++;
	roster_line_dp_set_labels_per_key(self->dp, ROSTER_LINE_MAX_LABELS);
	for (guint relax = 0; relax <= 1; relax++) {
		roster_line_dp_set_relax_counts(self->dp, relax);
		found = roster_line_dp_solve_window(self->dp,
						    p,
						    self->line,
						    self->first,
						    self->last,
						    self->price,
						    self->relaxed,
						    cost);
		if (!found || roster_line_dp_was_exact(self->dp))
			break;
	}
	roster_line_dp_set_relax_counts(self->dp, FALSE);
	roster_line_dp_set_labels_per_key(self->dp, self->exact_labels);
	self->bound_us += g_get_monotonic_time() - begin;
	return found;
}

/*
 * person p's prices at the duals: each cell's cost less its cover row's dual, scaled and
 * rounded for the DP, fixed cells forbidding every other value. Returns the most the
 * rounding lifted a value's price, summed over the days; @clamped when a price had to
 * be clamped (only an artificial column's dual comes near: the DP is no longer exact)
 */
static gdouble
set_prices(Colgen *self, guint p, gboolean *clamped)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	gdouble rounded_up = 0;

	*clamped = FALSE;
	for (guint d = self->first; d <= self->last; d++) {
		const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
		gint *pr = self->price + (gsize)d * (T + 1);
		gdouble day_up = 0;
		pr[0] = (gint)lround(PRICE_SCALE * un[0]);
		for (guint s = 0; s < T; s++) {
			gdouble mu = self->pricing[cover_row(self, d, s)];
			gdouble price = PRICE_SCALE * (un[s + 1] - mu);
			if (fabs(price) > self->price_limit) {
				price = CLAMP(price, -self->price_limit, self->price_limit);
				*clamped = TRUE;
			}
			pr[s + 1] = (gint)lround(price);
			day_up = MAX(day_up, pr[s + 1] - price);
		}
		rounded_up += day_up;
		if (self->fixed[(gsize)p * H + d] != FIXED_NONE) {
			for (guint v = 0; v <= T; v++) {
				if ((gint)v - 1 != self->fixed[(gsize)p * H + d])
					pr[v] = ROSTER_LINE_FORBIDDEN;
			}
		}
	}
	return rounded_up;
}

/* what person p adds to the Lagrangian bound when no line of theirs costs less than
 * @least at prices lifted by at most @rounded_up: their least reduced cost, at most 0 */
static gdouble
least_reduced_cost(Colgen *self, guint p, gint64 least, gdouble rounded_up)
{
	return MIN(0, (least - rounded_up) / PRICE_SCALE - self->dual[p + 1]);
}

/*
 * the cover rows' part of the Lagrangian dual's value at multipliers @pi (1-based, the
 * people's rows unused): with the cover rows (lines + under - over = requirement)
 * relaxed, each row gives requirement * pi, each piece of its under-cover slack, whose
 * column is bounded, min(0, cost - pi) * its size, and the over-cover slack, which is
 * not, nothing while pi >= -its cost (-G_MAXDOUBLE below). Artificial and no-line
 * columns are not in the real problem: left out, they cannot lower its bound
 */
static gdouble
cover_rows_value(const Colgen *self, const gdouble *pi)
{
	const RosterSolverModel *m = self->m;
	guint T = m->n_types;
	g_autofree guint *size = g_new0(guint, self->max_req + 1);
	g_autofree gdouble *cost = g_new0(gdouble, self->max_req + 1);
	gdouble value = 0;

	for (guint d = self->first; d <= self->last; d++) {
		for (guint s = 0; s < T; s++) {
			guint idx = d * T + s;
			gdouble v = pi[cover_row(self, d, s)];
			guint n = cover_pieces(m, idx, size, cost);
			if (v < -(gdouble)m->cover_over[idx])
				return -G_MAXDOUBLE;
			value += m->cover_req[idx] * v;
			for (guint k = 0; k < n; k++)
				value += MIN(0, cost[k] - v) * size[k];
		}
	}
	return value;
}

/*
 * the multipliers a round at the root prices at: the duals, or where a centre is
 * known and the last smoothed round found a line, SMOOTHING of the centre's and the
 * rest of the duals' (never below an over-cover slack's cost, where the bound would
 * be lost)
 */
static gboolean
smooth_prices(Colgen *self, gboolean bounding)
{
	const RosterSolverModel *m = self->m;
	guint T = m->n_types;

	self->pricing = self->dual;
	if (!bounding || !self->has_centre || self->mispriced)
		return FALSE;
	for (guint d = self->first; d <= self->last; d++) {
		for (guint s = 0; s < T; s++) {
			gint row = cover_row(self, d, s);
			gdouble v =
			    SMOOTHING * self->centre[row] + (1 - SMOOTHING) * self->dual[row];
			self->smoothed[row] = MAX(v, -(gdouble)m->cover_over[d * T + s]);
		}
	}
	self->pricing = self->smoothed;
	self->smoothed_rounds++;
	return TRUE;
}

/*
 * the bound a round at the root proves from its people's least costs: at the duals the
 * master's objective and every person's least reduced cost (@rc_sum); at smoothed
 * multipliers the Lagrangian dual's value itself, the cover rows' part and every
 * person's cheapest line at them (@least_sum)
 */
static gdouble
round_bound(const Colgen *self, gboolean smoothing, gdouble rc_sum, gdouble least_sum)
{
	if (smoothing)
		return cover_rows_value(self, self->pricing) + least_sum;
	return roster_lp_get_objective(self->lp) + rc_sum;
}

/*
 * one pricing round: TRUE when some person got a line with a negative reduced cost
 * at the duals; @exact when the DP keeps several labels a key (the round then always
 * bounds the objective at the root, see below). At the root the DPs may price at
 * smoothed multipliers instead (smooth_prices()): the lines are still added by their
 * reduced cost at the duals, and the bound is the Lagrangian's at the multipliers
 * priced
 */
static gboolean
price_round_at(Colgen *self, const RosterColgenParams *params, gboolean exact, gboolean *complete)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint P = m->n_people;
	guint n_rows = P + (self->last - self->first + 1) * T;
	gboolean added = FALSE;
	/* every person's least reduced cost, summed (see below); for a person whose DP
	 * dropped labels first that of the line it found, which is no less */
	gdouble rc_sum = 0;
	/* and at smoothed multipliers every person's least line cost, summed */
	gdouble least_sum = 0;
	g_autofree gdouble *found_rc = g_new0(gdouble, P);
	g_autofree gdouble *found_least = g_new0(gdouble, P);
	g_autoptr(GArray) inexact = g_array_new(FALSE, FALSE, sizeof(guint));
	gboolean bounding = self->may_purge && self->first == 0 && self->last == H - 1;
	gboolean smoothing;

	*complete = FALSE;
	self->round_exact = TRUE;
	for (guint i = 1; i <= n_rows; i++)
		self->dual[i] = roster_lp_get_row_dual(self->lp, (gint)i);
	smoothing = smooth_prices(self, bounding);
	for (guint p = 0; p < P; p++) {
		gint64 dp_cost = 0;
		gdouble rc;
		gdouble rounded_up;
		gboolean found;
		gboolean clamped;
		if (self->chosen[p] >= 0)
			continue;
		if (stopped(self, params))
			return added;
		rounded_up = set_prices(self, p, &clamped);
		if (self->seed != NULL)
			memcpy(self->line, self->seed + (gsize)p * H, sizeof(gint16) * H);
		found = roster_line_dp_solve_window(self->dp,
						    p,
						    self->line,
						    self->first,
						    self->last,
						    self->price,
						    self->line,
						    &dp_cost);
		self->round_exact &= roster_line_dp_was_exact(self->dp) && !clamped;
		if (!found) {
			bounding = FALSE;
			continue;
		}
		bounding &= !clamped;
		if (bounding) {
			/* a fast round's DP is often exact too; an exact round's that
			 * was not is solved again for the bound, after the round */
			if (!roster_line_dp_was_exact(self->dp)) {
				bounding = exact;
				g_array_append_val(inexact, p);
			}
			/* rounding lifted no line's price by more than rounded_up, so
			 * none of the person's is cheaper than this at the duals */
			found_rc[p] = least_reduced_cost(self, p, dp_cost, rounded_up);
			rc_sum += found_rc[p];
			found_least[p] = (dp_cost - rounded_up) / PRICE_SCALE;
			least_sum += found_least[p];
		}
		rc = line_cost(self, p, self->line) - self->dual[p + 1];
		for (guint d = self->first; d <= self->last; d++) {
			if (self->line[d] >= 0)
				rc -= self->dual[cover_row(self, d, (guint)self->line[d])];
		}
		if (rc < -RC_EPSILON && roster_colgen_add_line(self, p, self->line))
			added = TRUE;
	}
	/* a smoothed round that finds no line proves nothing of the duals (mispricing):
	 * the rounds after it price at them until one finds a line, so that the round
	 * that proves the relaxation optimal does */
	*complete = !smoothing;
	self->mispriced = smoothing ? !added : self->mispriced && !added;
	/*
	 * a round at the root whose every person's least cost is known (a DP that
	 * dropped no label, or least_cost()) bounds every roster, optimal relaxation or
	 * not (Lasdon's bound): with the cover rows' duals as multipliers, each person's
	 * cheapest line at them plus the rows' right-hand sides is the Lagrangian dual's
	 * value, which is the master's objective plus every person's least reduced cost
	 * (taken at most zero, which only lowers it). This holds whatever lines the
	 * master holds (a seed's that break a rule too); columns the real problem lacks
	 * (no line, artificial) only lower it as well.
	 *
	 * The lines found give it from above: when even that is no higher than a bound
	 * already proven, the least costs of those whose DP dropped labels (the dear
	 * part of an exact round, most of it on twelve weeks of 45 people) are not
	 * sought.
	 */
	if (bounding && inexact->len > 0) {
		gdouble known = MAX(MAX(self->lagrange, params->proven), 0);
		gdouble above = round_bound(self, smoothing, rc_sum, least_sum);
		if (above <= known)
			bounding = FALSE;
		for (guint i = 0; i < inexact->len && bounding; i++) {
			guint p = g_array_index(inexact, guint, i);
			gboolean clamped;
			gdouble rounded_up = set_prices(self, p, &clamped);
			gint64 least = 0;
			if (self->seed != NULL)
				memcpy(self->line, self->seed + (gsize)p * H, sizeof(gint16) * H);
			bounding = !stopped(self, params) && least_cost(self, p, &least);
			rc_sum += least_reduced_cost(self, p, least, rounded_up) - found_rc[p];
			least_sum += (least - rounded_up) / PRICE_SCALE - found_least[p];
		}
	}
	if (bounding) {
		gdouble bound = round_bound(self, smoothing, rc_sum, least_sum);
		if (bound > self->lagrange) {
			self->lagrange = bound;
			memcpy(self->centre, self->pricing, sizeof(gdouble) * (n_rows + 1));
			self->has_centre = self->centre_bound = TRUE;
			if (params->bound != NULL)
				params->bound(bound, params->user_data);
		}
	}
	if (self->may_purge && !self->centre_bound) {
		memcpy(self->centre, self->pricing, sizeof(gdouble) * (n_rows + 1));
		self->has_centre = TRUE;
	}
	return added;
}

/* price_round_at(), after which set_prices() takes the duals again */
static gboolean
price_round(Colgen *self, const RosterColgenParams *params, gboolean exact, gboolean *complete)
{
	gboolean added = price_round_at(self, params, exact, complete);

	self->pricing = self->dual;
	return added;
}

typedef struct {
	guint c;
	gdouble rc;
} Priced;

static gint
priced_dearer_first(gconstpointer a, gconstpointer b)
{
	const Priced *x = a;
	const Priced *y = b;
	return (x->rc < y->rc) - (x->rc > y->rc);
}

/*
 * the master's simplex slows with every line column it holds (each iteration prices
 * them all): while the relaxation is priced from the root, once there are more lines
 * than max_lines (PURGE_FACTOR a row), the dearest at the duals of the optimal
 * relaxation go (never a basic one, so the relaxation stays optimal) until a third of
 * that is free. Their keys go too: pricing may find them again.
 */
static void
purge_lines(Colgen *self)
{
	guint H = self->m->n_days;
	guint W = self->last - self->first + 1;
	guint cap;
	g_autoptr(GArray) priced = g_array_new(FALSE, FALSE, sizeof(Priced));
	g_autofree gint *del = NULL;
	g_autofree guint8 *gone = NULL;
	guint n_del;
	guint kept = 0;
	cap = self->max_lines > 0 ? self->max_lines
				  : PURGE_FACTOR * (guint)roster_lp_get_n_rows(self->lp);
	if (!self->may_purge || self->owner->len <= cap)
		return;
	for (guint c = 0; c < self->owner->len; c++) {
		gint j = line_col(self, c);
		Priced pr = {c, roster_lp_get_reduced_cost(self->lp, j)};
		if (roster_lp_is_basic(self->lp, j) || pr.rc <= RC_EPSILON)
			continue;
		g_array_append_val(priced, pr);
	}
	g_array_sort(priced, priced_dearer_first);
	n_del = MIN(priced->len, self->owner->len - cap * 2 / 3);
	if (n_del == 0)
		return;
	del = g_new(gint, n_del);
	gone = g_new0(guint8, self->owner->len);
	for (guint k = 0; k < n_del; k++) {
		guint c = g_array_index(priced, Priced, k).c;
		guint p = g_array_index(self->owner, guint, c);
		gint16 *key = g_new(gint16, W + 2);
		g_autoptr(GBytes) bytes = NULL;
		key[0] = (gint16)(p & 0xffff);
		key[1] = (gint16)(p >> 16);
		memcpy(key + 2,
		       &g_array_index(self->lines, gint16, (gsize)c * H + self->first),
		       sizeof(gint16) * W);
		bytes = g_bytes_new_take(key, sizeof(gint16) * (W + 2));
		g_hash_table_remove(self->known, bytes);
		gone[c] = 1;
		del[k] = line_col(self, c);
	}
	roster_lp_delete_cols(self->lp, n_del, del);
	self->purged += n_del;
	for (guint c = 0; c < self->owner->len; c++) {
		if (gone[c])
			continue;
		g_array_index(self->owner, guint, kept) = g_array_index(self->owner, guint, c);
		memmove(&g_array_index(self->lines, gint16, (gsize)kept * H),
			&g_array_index(self->lines, gint16, (gsize)c * H),
			sizeof(gint16) * H);
		self->alive->data[kept] = self->alive->data[c];
		kept++;
	}
	g_array_set_size(self->owner, kept);
	g_array_set_size(self->lines, (gsize)kept * H);
	g_byte_array_set_size(self->alive, kept);
}

/*
 * up to @max_rounds of solving the relaxation and pricing every free person. At the
 * root, fast pricing (the cheapest label per key) while it lowers the relaxation,
 * then an exact round: when a fast round finds no line (to prove that none is left),
 * and over the whole horizon when TAIL_ROUNDS fast ones have lowered it by less than
 * TAIL_DROP, and more slowly than the last exact round did (see TAIL_DROP). While
 * @diving, exact pricing throughout (when it is on), because lines that fast pricing
 * misses lead the dive astray. The relaxation is solved again at the end so that it
 * covers the last lines added.
 */
PriceOutcome
roster_colgen_price_rounds(Colgen *self,
			   guint max_rounds,
			   gboolean diving,
			   const RosterColgenParams *params,
			   guint *rounds)
{
	/* the relaxation after each of the last fast rounds, and when */
	gdouble recent[TAIL_ROUNDS + 1];
	gint64 recent_at[TAIL_ROUNDS + 1];
	guint fast = 0;			  /* fast rounds since the last exact one */
	gdouble exact_rate = G_MAXDOUBLE; /* what the last exact round lowered it a second */
	gdouble exact_from = 0;		  /* the relaxation before that round */
	gint64 exact_at = 0;		  /* and when that round began, 0 when none is open */
	/* a window's rounds are few and sized by their time: an exact one would take
	 * much of it (half-years of 150 people and 32 types were worse with them) */
	gboolean whole = self->first == 0 && self->last == self->m->n_days - 1;

	for (guint r = 0; r < max_rounds; r++) {
		gboolean complete = FALSE;
		gboolean added = FALSE;
		gboolean tailing = FALSE;
		gint64 now;
		gdouble lp;
		guint k;
		if (stopped(self, params))
			break;
		if (!roster_colgen_solve_relaxation(self, diving && r == 0))
			return PRICE_FAILED;
		(*rounds)++;
		purge_lines(self);
		lp = roster_lp_get_objective(self->lp);
		now = g_get_monotonic_time();
		if (exact_at > 0) {
			exact_rate = (exact_from - lp) / MAX(now - exact_at, 1);
			exact_at = 0;
		}
		k = fast % (TAIL_ROUNDS + 1);
		recent[k] = lp;
		recent_at[k] = now;
		if (whole && fast >= TAIL_ROUNDS) {
			guint j = (fast - TAIL_ROUNDS) % (TAIL_ROUNDS + 1);
			gdouble drop = recent[j] - lp;
			tailing = drop < TAIL_DROP * MAX(fabs(lp), 1) &&
				  drop / MAX(now - recent_at[j], 1) < exact_rate;
		}
		fast++;
		roster_line_dp_set_labels_per_key(self->dp, diving ? self->exact_labels : 1);
		if (diving || !tailing)
			added = price_round(self, params, FALSE, &complete);
		if (!diving && (tailing || (complete && !added)) && self->exact_labels > 1) {
			/* a round that would prove the whole horizon's relaxation optimal
			 * (fast pricing found no line) runs to its end once begun, past the
			 * root's deadline if need be: its bound is the one that counts */
			gint64 deadline = self->deadline;
			if (self->may_purge && whole && complete && !added)
				self->deadline = MAX(deadline, self->end);
			roster_line_dp_set_labels_per_key(self->dp, self->exact_labels);
			self->bound_us = 0;
			added = price_round(self, params, TRUE, &complete);
			self->deadline = deadline;
			/* the pricing's time, which sizes the dives: not the bound's */
			self->exact_round_us =
			    MAX(g_get_monotonic_time() - now - self->bound_us, 1);
			self->exact_rounds++;
			exact_from = lp;
			exact_at = now;
			fast = 0;
		}
		if (complete && !added)
			return PRICE_OPTIMAL;
	}
	if (!roster_colgen_solve_relaxation(self, FALSE))
		return PRICE_FAILED;
	return PRICE_STOPPED;
}
