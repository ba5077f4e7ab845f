/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-search-private.h"

/*
 * the shifts of a day (or of two days near each other, or a short block of days)
 * dealt out again among a group of people by an assignment problem: each person of
 * the group may take what any of them holds on those days, so the cover of each day
 * stays as it is, and every other rule of the benchmark is one person's, so what a
 * dealing costs is the sum of what each person's own rules say of their new days
 * (roster_search_state_delta_own()). The cheapest dealing is exact (the Hungarian
 * method over the group) and may pass shifts round a chain of three or more people,
 * which a tight roster's swaps of two cannot do without breaking a rule on the way.
 * The group is half people whose request on a day dealt is not met, each with
 * somebody who holds what they asked for, and half people drawn at random (README
 * "Session 31"). The hotline's pairing and fairness couple people; there the
 * dealing's real cost is taken as it is applied, and the dealing is kept as any move
 * of the annealing is, or undone.
 */

/* a cost no dealing takes: a value the person may not hold, or a hard rule broken
 * where the roster breaks none */
#define ASSIGN_NEVER (G_GINT64_CONSTANT(1) << 50)

/* the cheapest assignment of n rows to n columns of @a (n × n, row-major): @col_of
 * gets each row's column (the Hungarian method with potentials, O(n³)) */
void
roster_search_cheapest_assignment(const gint64 *a, guint n, guint *col_of)
{
	g_autofree gint64 *u = g_new0(gint64, n + 1);
	g_autofree gint64 *v = g_new0(gint64, n + 1);
	g_autofree gint64 *minv = g_new(gint64, n + 1);
	g_autofree guint *row = g_new0(guint, n + 1);
	g_autofree guint *way = g_new0(guint, n + 1);
	g_autofree gboolean *used = g_new(gboolean, n + 1);

	/* rows and columns count from 1; column 0 holds the row being placed */
	for (guint i = 1; i <= n; i++) {
		guint j0 = 0;
		row[0] = i;
		for (guint j = 0; j <= n; j++) {
			minv[j] = G_MAXINT64;
			used[j] = FALSE;
		}
		do {
			guint i0 = row[j0];
			gint64 delta = G_MAXINT64;
			guint j1 = 0;
			used[j0] = TRUE;
			for (guint j = 1; j <= n; j++) {
				gint64 cur;
				if (used[j])
					continue;
				cur = a[(gsize)(i0 - 1) * n + j - 1] - u[i0] - v[j];
				if (cur < minv[j]) {
					minv[j] = cur;
					way[j] = j0;
				}
				if (minv[j] < delta) {
					delta = minv[j];
					j1 = j;
				}
			}
			for (guint j = 0; j <= n; j++) {
				if (used[j]) {
					u[row[j]] += delta;
					v[j] -= delta;
				} else {
					minv[j] -= delta;
				}
			}
			j0 = j1;
		} while (row[j0] != 0);
		do {
			guint j1 = way[j0];
			row[j0] = row[j1];
			j0 = j1;
		} while (j0 != 0);
	}
	for (guint j = 1; j <= n; j++)
		col_of[row[j] - 1] = j - 1;
}

/* days lo..hi of person @p's line with the days of @days (@n_days of them) set to
 * @tuple, into @out */
static void
fill_line(const Worker *w,
	  guint p,
	  const guint *days,
	  guint n_days,
	  const gint16 *tuple,
	  guint lo,
	  guint hi,
	  gint16 *out)
{
	guint H = w->shared->m->n_days;

	memcpy(out, w->st->cells + (gsize)p * H + lo, sizeof(gint16) * (hi - lo + 1));
	for (guint k = 0; k < n_days; k++)
		out[days[k] - lo] = tuple[k];
}

/* whether person @p may hold @tuple on @days at all */
static gboolean
may_hold(const Worker *w, guint p, const guint *days, guint n_days, const gint16 *tuple)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint T = m->n_types;

	for (guint k = 0; k < n_days; k++) {
		gint v = tuple[k];
		if (!w->allowed[(gsize)p * (T + 1) + v + 1] ||
		    (v >= 0 && m->day_off[(gsize)p * H + days[k]]))
			return FALSE;
	}
	return TRUE;
}

/* the days of a dealing: one day, two days at most SWAP_BACK_DAYS apart, or a block of
 * two to four days; returns how many, sorted into @days */
static guint
draw_days(Worker *w, guint *days)
{
	guint H = w->shared->m->n_days;
	guint kind = rng_below(w, 3);

	days[0] = rng_below(w, H);
	if (kind == 0 || H < 2)
		return 1;
	if (kind == 1) {
		guint gap = 1 + rng_below(w, MIN(SWAP_BACK_DAYS, H - 1));
		guint e = days[0] + gap < H ? days[0] + gap : days[0] - MIN(gap, days[0]);
		if (e == days[0])
			return 1;
		days[1] = MAX(e, days[0]);
		days[0] = MIN(e, days[0]);
		return 2;
	} else {
		guint len = MIN(2 + rng_below(w, 3), H);
		days[0] = MIN(days[0], H - len);
		for (guint k = 1; k < len; k++)
			days[k] = days[0] + k;
		return len;
	}
}

/* person @p joins the group unless in it already or held on a day dealt */
static void
join(const Worker *w, guint p, const guint *days, guint n_days, guint8 *in, guint *group, guint *n)
{
	if (in[p])
		return;
	for (guint k = 0; k < n_days; k++) {
		if (roster_search_is_held(w, p, days[k]))
			return;
	}
	in[p] = 1;
	group[(*n)++] = p;
}

/* the people a dealing deals among: everybody where they are w->assign_group or fewer;
 * else people whose request on a day dealt is not met, each with somebody who holds
 * what they asked for, up to half the group, and the rest drawn at random. Returns
 * how many */
static guint
draw_group(Worker *w, const guint *days, guint n_days, guint *group)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint P = m->n_people;
	const gint16 *cells = w->st->cells;
	const gint16 *wish = w->shared->wish;
	guint size = MIN(P, w->assign_group);
	g_autofree guint8 *in = g_new0(guint8, P);
	guint n = 0;

	if (P <= w->assign_group) {
		for (guint p = 0; p < P; p++)
			join(w, p, days, n_days, in, group, &n);
		return n;
	}
	for (guint i = 0, p0 = rng_below(w, P); i < P && n + 2 <= size / 2; i++) {
		guint p = (p0 + i) % P;
		for (guint k = 0; k < n_days; k++) {
			guint d = days[k];
			gint want = wish[(gsize)p * H + d];
			guint q0;
			if (want == ROSTER_SEARCH_NO_WISH || want == cells[(gsize)p * H + d] ||
			    in[p])
				continue;
			q0 = rng_below(w, P);
			for (guint j = 0; j < P; j++) {
				guint q = (q0 + j) % P;
				guint had = n;
				if (q == p || in[q] || cells[(gsize)q * H + d] != want)
					continue;
				join(w, p, days, n_days, in, group, &n);
				if (n > had)
					join(w, q, days, n_days, in, group, &n);
				break;
			}
			break;
		}
	}
	for (guint tries = 0; tries < 4 * P && n < size; tries++)
		join(w, rng_below(w, P), days, n_days, in, group, &n);
	return n;
}

/* the cost matrix of a dealing (@n × @n): what each person's own rules say of each
 * distinct value of the group's (@tuples, @n_classes of them, person i holding
 * class_of[i]), then one column per person's place, the column of person j's place
 * costing row i what j's values cost i. @line is scratch of the days' span */
static gint64 *
own_costs(Worker *w,
	  const guint *group,
	  guint n,
	  const guint *days,
	  guint n_days,
	  const gint16 *tuples,
	  const guint *class_of,
	  guint n_classes,
	  gint16 *line)
{
	guint lo = days[0];
	guint hi = days[n_days - 1];
	g_autofree gint64 *by_class = g_new(gint64, (gsize)n * n_classes);
	gint64 *cost = g_new(gint64, (gsize)n * n);

	for (guint i = 0; i < n; i++) {
		for (guint c = 0; c < n_classes; c++) {
			const gint16 *t = tuples + (gsize)c * n_days;
			RosterMove move = {1, {group[i], 0}, lo, hi, {line, NULL}};
			RosterCost d;
			gint64 *out = by_class + (gsize)i * n_classes + c;
			if (c == class_of[i]) {
				*out = 0;
				continue;
			}
			if (!may_hold(w, group[i], days, n_days, t)) {
				*out = ASSIGN_NEVER;
				continue;
			}
			fill_line(w, group[i], days, n_days, t, lo, hi, line);
			d = roster_search_state_delta_own(w->st, &move);
			*out = d.hard > 0 && w->st->cost.hard == 0 ? ASSIGN_NEVER : scalar(d);
		}
	}
	for (guint i = 0; i < n; i++) {
		for (guint j = 0; j < n; j++)
			cost[(gsize)i * n + j] = by_class[(gsize)i * n_classes + class_of[j]];
	}
	return cost;
}

/*
 * deals the days drawn out again among up to w->assign_group people (draw_group()) at
 * the cheapest dealing, made where it lowers the cost. TRUE when it changed the
 * roster
 */
gboolean
roster_search_move_assign(Worker *w, gdouble temperature)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint P = m->n_people;
	guint days[ASSIGN_MAX_DAYS];
	guint n_days = draw_days(w, days);
	guint lo = days[0];
	guint hi = days[n_days - 1];
	guint span = hi - lo + 1;
	guint n = 0;
	g_autofree guint *group = g_new(guint, MIN(P, w->assign_group));
	g_autofree gint16 *tuples = NULL;
	g_autofree gint64 *cost = NULL;
	g_autofree guint *class_of = NULL;
	g_autofree guint *col_of = NULL;
	g_autofree gint16 *line = g_new(gint16, span);
	guint n_classes = 0;
	gint64 expected = 0;
	RosterCost total = {0, 0};
	gint64 ds;

	n = draw_group(w, days, n_days, group);
	if (n < 3)
		return FALSE;

	/* each person's values on the days, and the distinct ones among them */
	tuples = g_new(gint16, (gsize)n * n_days);
	class_of = g_new(guint, n);
	for (guint i = 0; i < n; i++) {
		gint16 *t = tuples + (gsize)n_classes * n_days;
		for (guint k = 0; k < n_days; k++)
			t[k] = w->st->cells[(gsize)group[i] * H + days[k]];
		class_of[i] = n_classes;
		for (guint c = 0; c < n_classes; c++) {
			if (memcmp(tuples + (gsize)c * n_days, t, sizeof(gint16) * n_days) == 0) {
				class_of[i] = c;
				break;
			}
		}
		if (class_of[i] == n_classes)
			n_classes++;
	}
	if (n_classes < 2)
		return FALSE;

	cost = own_costs(w, group, n, days, n_days, tuples, class_of, n_classes, line);
	col_of = g_new(guint, n);
	roster_search_cheapest_assignment(cost, n, col_of);
	for (guint i = 0; i < n; i++)
		expected += cost[(gsize)i * n + col_of[i]];
	if (expected >= 0)
		return FALSE;

	/* deal: each person whose values change, one after the other (the cover is
	 * whole again once all are dealt) */
	for (guint i = 0; i < n; i++) {
		guint c = class_of[col_of[i]];
		RosterMove move = {1, {group[i], 0}, lo, hi, {line, NULL}};
		RosterCost d;
		if (c == class_of[i])
			continue;
		fill_line(w, group[i], days, n_days, tuples + (gsize)c * n_days, lo, hi, line);
		d = roster_search_state_delta(w->st, &move);
		roster_search_apply_move(w, &move, d);
		total.hard += d.hard;
		total.soft += d.soft;
	}
	ds = scalar(total);
	/* without the hotline's rules that couple people the dealing costs what the
	 * assignment said */
	g_warn_if_fail(m->hotline != NULL || ds == expected);
	if (ds < 0 || (temperature > 0 && rng_double(w) < exp(-(gdouble)ds / temperature))) {
		roster_search_note_best(w);
		return TRUE;
	}
	/* a rule that couples people (the hotline's) made it dearer: undo, each person
	 * back to their own values (the days between the dealt ones never changed) */
	for (guint i = 0; i < n; i++) {
		RosterMove move = {1, {group[i], 0}, lo, hi, {line, NULL}};
		if (class_of[col_of[i]] == class_of[i])
			continue;
		fill_line(w,
			  group[i],
			  days,
			  n_days,
			  tuples + (gsize)class_of[i] * n_days,
			  lo,
			  hi,
			  line);
		roster_search_apply_move(w, &move, roster_search_state_delta(w->st, &move));
	}
	return FALSE;
}
