/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-line.h"

/*
 * the best line for one person given a price per (day, value): a shortest path over
 * days whose labels carry the person's resources. A label is keyed by (run state, minutes
 * worked); the run state is the length of the current run of days off (capped at the
 * minimum) or of working days with the last shift type and whether the run began on day
 * 0. Per key only the cheapest label survives, and weekends and per-type counts ride
 * along: that makes it a heuristic for those two resources, exact for the rest. Every
 * line it returns keeps all the person's hard rules.
 */

#define COST_NONE G_MAXINT32

struct _RosterLineDp {
	const RosterSolverModel *m;
	guint g;       /* the gcd of the shift lengths */
	guint max_len; /* in minutes */
	gsize cap_keys;
	gsize cap_pred;
	gint32 *cost[2];
	guint8 *weekends[2];
	guint16 *counts[2]; /* keys * n_types */
	guint32 *active[2];
	guint n_active[2];
	gint32 *pred; /* n_days * keys */
};

static guint
gcd(guint a, guint b)
{
	while (b != 0) {
		guint t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/**
 * roster_line_dp_new:
 * @m: a sealed model
 *
 * Returns: (transfer full): a workspace for one thread
 */
RosterLineDp *
roster_line_dp_new(const RosterSolverModel *m)
{
	RosterLineDp *self = g_new0(RosterLineDp, 1);
	self->m = m;
	self->g = 0;
	for (guint s = 0; s < m->n_types; s++) {
		guint len = roster_solver_model_type_length(m, (gint)s);
		self->g = gcd(self->g, len);
		self->max_len = MAX(self->max_len, len);
	}
	if (self->g == 0)
		self->g = 1;
	return self;
}

/**
 * roster_line_dp_free:
 * @self: a workspace
 *
 * Frees the workspace.
 */
void
roster_line_dp_free(RosterLineDp *self)
{
	if (self == NULL)
		return;
	for (guint i = 0; i < 2; i++) {
		g_free(self->cost[i]);
		g_free(self->weekends[i]);
		g_free(self->counts[i]);
		g_free(self->active[i]);
	}
	g_free(self->pred);
	g_free(self);
}

static void
ensure_capacity(RosterLineDp *self, gsize keys)
{
	const RosterSolverModel *m = self->m;
	gsize pred = keys * m->n_days;
	if (keys > self->cap_keys) {
		for (guint i = 0; i < 2; i++) {
			g_free(self->cost[i]);
			g_free(self->weekends[i]);
			g_free(self->counts[i]);
			g_free(self->active[i]);
			self->cost[i] = g_new(gint32, keys);
			for (gsize k = 0; k < keys; k++)
				self->cost[i][k] = COST_NONE;
			self->weekends[i] = g_new0(guint8, keys);
			self->counts[i] = g_new0(guint16, keys * MAX(m->n_types, 1));
			self->active[i] = g_new(guint32, keys);
		}
		self->cap_keys = keys;
	}
	if (pred > self->cap_pred) {
		g_free(self->pred);
		self->pred = g_new(gint32, pred);
		self->cap_pred = pred;
	}
}

/**
 * roster_line_dp_solve:
 * @self: a workspace
 * @person: the person
 * @price: n_days * (n_types + 1) prices, value 0 is off and 1 + s shift type s
 * @line: (out caller-allocates): n_days cells for the best line
 * @cost: (out): the sum of the prices of @line
 *
 * Finds a cheap line for @person that keeps all of the person's hard rules.
 *
 * Returns: %FALSE if no such line was found
 */
gboolean
roster_line_dp_solve(RosterLineDp *self,
		     guint person,
		     const gint *price,
		     gint16 *line,
		     gint64 *cost)
{
	const RosterSolverModel *m = self->m;
	const RosterSolverPerson *pp = roster_solver_model_person(m, person);
	guint H = m->n_days;
	guint T = m->n_types;
	guint g = self->g;
	guint min_off = MIN(pp->min_off, H);
	guint max_work = MIN(pp->max_work, H);
	guint min_work = pp->min_work;
	guint max_minutes = (guint)MIN((guint64)pp->max_minutes, (guint64)H * self->max_len);
	guint M = max_minutes / g + 1;
	guint n_states = min_off + 2 * max_work * T;
	gsize keys = (gsize)n_states * M;
	guint cur = 0;
	gint32 best = COST_NONE;
	gint64 best_key = -1;
	const guint8 *day_off = m->day_off + (gsize)person * H;
	guint16 max_shifts[256];
	guint lens[256];

	g_return_val_if_fail(T < 256, FALSE);
	ensure_capacity(self, keys);
	for (guint s = 0; s < T; s++) {
		guint max = roster_solver_model_max_shifts(m, person, s);
		max_shifts[s] = (guint16)MIN(max, G_MAXUINT16);
		lens[s] = roster_solver_model_type_length(m, (gint)s) / g;
	}

	/* before day 0: an endless run of days off */
	{
		guint32 k0 = (min_off - 1) * M;
		self->cost[0][k0] = 0;
		self->weekends[0][k0] = 0;
		memset(self->counts[0] + (gsize)k0 * T, 0, sizeof(guint16) * T);
		self->active[0][0] = k0;
		self->n_active[0] = 1;
	}

	for (guint d = 0; d < H; d++) {
		guint nxt = cur ^ 1;
		const gint *pr = price + (gsize)d * (T + 1);
		gboolean sunday = d % 7 == 6;
		guint64 remaining = (guint64)(H - 1 - d) * self->max_len;
		gint32 *pred = self->pred + (gsize)d * keys;

		self->n_active[nxt] = 0;
		for (guint a = 0; a < self->n_active[cur]; a++) {
			guint32 key = self->active[cur][a];
			guint state = key / M;
			guint mi = key % M;
			gint32 c = self->cost[cur][key];
			guint wk = self->weekends[cur][key];
			const guint16 *cnt = self->counts[cur] + (gsize)key * T;
			gboolean prev_work = state >= min_off;
			guint w = 0;
			guint last = 0;
			guint from0 = 0;

			if (prev_work) {
				guint ws = state - min_off;
				last = ws % T;
				w = (ws / T) % max_work + 1;
				from0 = ws / T / max_work;
			}
			for (guint v = 0; v <= T; v++) {
				guint nstate;
				guint nmi = mi;
				guint nwk = wk;
				guint32 nkey;
				gint32 nc;

				if (v == 0) {
					/* a short interior run of work may not end here */
					if (prev_work && from0 == 0 && w < min_work)
						continue;
					nstate = prev_work ? 0 : MIN(state + 1, min_off - 1);
				} else {
					guint s = v - 1;
					if (day_off[d] || cnt[s] >= max_shifts[s])
						continue;
					nmi = mi + lens[s];
					if (nmi >= M)
						continue;
					if (prev_work) {
						if (w >= max_work ||
						    roster_solver_model_forbidden(m,
										  (gint)last,
										  (gint)s))
							continue;
						nstate = min_off + ((from0 * max_work + w) * T + s);
					} else {
						/* an interior rest run must be long enough */
						if (state + 1 < min_off)
							continue;
						nstate = min_off +
							 (((d == 0 ? 1 : 0) * max_work) * T + s);
					}
				}
				if ((guint64)nmi * g + remaining < pp->min_minutes)
					continue;
				if (sunday && (prev_work || v > 0)) {
					nwk++;
					if (nwk > pp->max_weekends)
						continue;
				}
				nc = c + pr[v];
				nkey = nstate * M + nmi;
				if (self->cost[nxt][nkey] == COST_NONE) {
					self->active[nxt][self->n_active[nxt]++] = nkey;
				} else if (nc > self->cost[nxt][nkey] ||
					   (nc == self->cost[nxt][nkey] &&
					    nwk >= self->weekends[nxt][nkey])) {
					continue;
				}
				self->cost[nxt][nkey] = nc;
				self->weekends[nxt][nkey] = (guint8)nwk;
				memcpy(self->counts[nxt] + (gsize)nkey * T,
				       cnt,
				       sizeof(guint16) * T);
				if (v > 0)
					self->counts[nxt][(gsize)nkey * T + v - 1]++;
				pred[nkey] = (gint32)key;
			}
		}
		/* clear the day just read so the buffer is clean for reuse */
		for (guint a = 0; a < self->n_active[cur]; a++)
			self->cost[cur][self->active[cur][a]] = COST_NONE;
		self->n_active[cur] = 0;
		cur = nxt;
	}

	for (guint a = 0; a < self->n_active[cur]; a++) {
		guint32 key = self->active[cur][a];
		if ((guint64)(key % M) * g < pp->min_minutes)
			continue;
		if (self->cost[cur][key] < best) {
			best = self->cost[cur][key];
			best_key = key;
		}
	}
	for (guint a = 0; a < self->n_active[cur]; a++)
		self->cost[cur][self->active[cur][a]] = COST_NONE;
	self->n_active[cur] = 0;
	if (best_key < 0)
		return FALSE;

	/* walk back along the predecessors */
	{
		gint64 key = best_key;
		for (guint d = H; d-- > 0;) {
			guint state = (guint)(key / M);
			line[d] = state < min_off ? ROSTER_SOLVER_OFF
						  : (gint16)((state - min_off) % T);
			key = self->pred[(gsize)d * keys + key];
		}
	}
	*cost = best;
	return TRUE;
}
