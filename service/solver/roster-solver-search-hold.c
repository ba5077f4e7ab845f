/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-search-private.h"

/*
 * the first thread's roster after a whole horizon's dive cut short by its deadline:
 * most cells fixed where the relaxation wanted them, the rest rounded, so that it
 * costs far more than the other threads' rosters yet lies where a roster near the
 * relaxation's bound does. Annealed from the best roster of all threads it would be
 * lost; annealed with the dive's fixings held, then the days around the cover it
 * misses freed, then everything, it reached the bound (107) or within 6 of it in
 * seven of eight seeds on four weeks of 120 people and 18 types, median 107.5 where
 * the search had 150.5 (README "Session 20"). Every move keeps the held cells: the
 * small moves draw from the free cells and give up on a held one, the DP moves price
 * every other value of a held cell as forbidden, a ruin that could not restore one
 * is undone.
 */

static void
list_free(Worker *w)
{
	gsize n = (gsize)w->shared->m->n_people * w->shared->m->n_days;
	w->n_free = 0;
	for (gsize i = 0; i < n; i++) {
		if (!w->held[i])
			w->free_cells[w->n_free++] = (guint)i;
	}
}

void
roster_search_hold_free(Worker *w)
{
	g_clear_pointer(&w->held, g_free);
	g_clear_pointer(&w->free_cells, g_free);
	w->n_free = 0;
}

/* holds the cells flagged in @fixings (n_people × n_days) for the next cycle, when
 * they are at least half of the roster: a dive cut short that early has fixed too
 * little to be worth a cycle of one thread */
void
roster_search_hold(Worker *w, const guint8 *fixings)
{
	gsize n = (gsize)w->shared->m->n_people * w->shared->m->n_days;
	gsize n_fixed = 0;

	for (gsize i = 0; i < n; i++)
		n_fixed += fixings[i] != 0;
	if (n == 0 || 2 * n_fixed < n)
		return;
	roster_search_hold_free(w);
	w->held = g_memdup2(fixings, n);
	w->free_cells = g_new(guint, n);
	list_free(w);
	w->hold = HOLD_FIXINGS;
	g_debug("holding %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " cells", n_fixed, n);
}

/* frees the days within HOLD_DAYS of each (day, type) whose cover costs anything;
 * FALSE when there is none */
static gboolean
free_around_cover(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint T = m->n_types;
	g_autofree guint *count = g_new0(guint, (gsize)H * T + 1);
	g_autofree guint8 *near = g_new0(guint8, H);
	gboolean any = FALSE;

	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < H; d++) {
			gint v = w->st->cells[(gsize)p * H + d];
			if (v >= 0)
				count[d * T + (guint)v]++;
		}
	}
	for (guint d = 0; d < H; d++) {
		for (guint s = 0; s < T; s++) {
			if (roster_solver_model_cover_cost(m, d * T + s, count[d * T + s]) == 0)
				continue;
			any = TRUE;
			for (guint e = d > HOLD_DAYS ? d - HOLD_DAYS : 0;
			     e <= MIN(d + HOLD_DAYS, H - 1);
			     e++)
				near[e] = 1;
		}
	}
	if (!any)
		return FALSE;
	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < H; d++) {
			if (near[d])
				w->held[(gsize)p * H + d] = 0;
		}
	}
	list_free(w);
	return TRUE;
}

/*
 * at the end of a cycle of the own roster begun at @cycle_from: the next stage;
 * TRUE when the next cycle anneals the thread's own roster again, FALSE when the
 * thread goes back to the best roster of all threads
 */
gboolean
roster_search_hold_next(Worker *w, RosterCost cycle_from)
{
	switch (w->hold) {
	case HOLD_FIXINGS:
		if (free_around_cover(w)) {
			w->hold = HOLD_AROUND_COVER;
			g_debug("holding all but %u cells, %" G_GINT64_FORMAT,
				w->n_free,
				w->st->cost.soft);
			return TRUE;
		}
		/* nothing to free around: every cell */
		G_GNUC_FALLTHROUGH;
	case HOLD_AROUND_COVER:
		roster_search_hold_free(w);
		w->hold = HOLD_OWN;
		g_debug("holding none, %" G_GINT64_FORMAT, w->st->cost.soft);
		return TRUE;
	case HOLD_OWN:
		if (cost_less(w->st->cost, cycle_from))
			return TRUE;
		w->hold = HOLD_NONE;
		return FALSE;
	case HOLD_NONE:
	default:
		return FALSE;
	}
}

/* TRUE when a cell of @p's days first..first + len - 1 is held */
gboolean
roster_search_held_block(const Worker *w, guint p, guint first, guint len)
{
	for (guint k = 0; k < len; k++) {
		if (roster_search_is_held(w, p, first + k))
			return TRUE;
	}
	return FALSE;
}

/* a cell drawn from those not held, as person and day; FALSE when every one is */
gboolean
roster_search_draw_free(Worker *w, guint *p, guint *d)
{
	guint H = w->shared->m->n_days;
	guint c;
	if (w->n_free == 0)
		return FALSE;
	c = w->free_cells[rng_below(w, w->n_free)];
	*p = c / H;
	*d = c % H;
	return TRUE;
}
