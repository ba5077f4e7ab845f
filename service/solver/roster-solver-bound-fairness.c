/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-bound-private.h"

/*
 * a lower bound on the fairness squares and the cover together, from counts alone. Every
 * seat a roster fills on a night is one of somebody's nights, so the nights n_p cover at
 * most sum n_p night seats, and each seat left empty costs its piece of the cell's
 * penalty; the least of sum w n_p^2 plus the pieces of the seats left over, each n_p
 * at most what p's rules allow, is found by pairing the dearest seats with the cheapest
 * next nights (the k-th night of anyone costs w (2k - 1) more than k - 1 did). Weekend
 * shifts likewise. A seat of a weekend night is counted in both, with half its piece in
 * each, so that no empty seat is charged twice. Seats of neither kind cost nothing
 * here: somebody may take them at no fairness cost. This ignores which seats a person
 * may take, so it is weak on a small line and strong on a large one with many people
 * per seat (the province month), where the Lagrangian rounds that would prove as much
 * are too few for the time.
 */

static gint
compare_desc(gconstpointer a, gconstpointer b)
{
	gdouble x = *(const gdouble *)a;
	gdouble y = *(const gdouble *)b;
	return (x < y) - (x > y);
}

/* the most shifts of a kind p may work: the days one of its types is allowed on, no
 * more than the month's minutes hold and, for nights, the night maximum */
static guint
kind_cap(const RosterSolverModel *m, guint p, gboolean night)
{
	const RosterSolverHotline *h = m->hotline;
	const RosterSolverPerson *pp = roster_solver_model_person(m, p);
	guint shortest = G_MAXUINT;
	guint days = 0;

	for (guint s = 0; s < m->n_types; s++) {
		guint len = roster_solver_model_type_length(m, (gint)s);
		if (len > 0 && roster_solver_model_max_shifts(m, p, s) > 0)
			shortest = MIN(shortest, len);
	}
	for (guint d = 0; d < m->n_days; d++) {
		gboolean allowed = FALSE;
		if (!night && !h->day_weekend[d])
			continue;
		for (guint s = 0; s < m->n_types && !allowed; s++) {
			if (night && !h->type_night[s])
				continue;
			allowed = !roster_solver_bound_cell_forbidden(m, p, d, s + 1);
		}
		days += allowed ? 1 : 0;
	}
	if (shortest != G_MAXUINT)
		days = MIN(days, pp->max_minutes / shortest);
	if (night && h->max_nights[p] != ROSTER_SOLVER_UNLIMITED)
		days = MIN(days, h->max_nights[p]);
	return days;
}

/* the least of w sum n_p^2 plus the pieces of the seats no n_p covers */
static gdouble
pair_seats(const RosterSolverModel *m, guint w, gboolean night)
{
	const RosterSolverHotline *h = m->hotline;
	g_autoptr(GArray) pieces = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autofree guint *caps = g_new0(guint, m->n_people + 1);
	g_autofree guint *above = NULL;
	guint most = 0;
	guint level = 0;
	guint left = 0;
	gdouble total = 0;

	if (w == 0)
		return 0;
	for (guint d = 0; d < m->n_days; d++) {
		for (guint s = 0; s < m->n_types; s++) {
			guint i = d * m->n_types + s;
			gboolean counts = night ? h->type_night[s] : h->day_weekend[d];
			gdouble share = h->type_night[s] && h->day_weekend[d] ? 0.5 : 1.0;
			if (!counts)
				continue;
			for (guint j = 1; j <= m->cover_req[i]; j++) {
				gdouble piece = share * (gdouble)roster_solver_model_cover_piece(m, i, j);
				g_array_append_val(pieces, piece);
			}
		}
	}
	g_array_sort(pieces, compare_desc);
	for (guint p = 0; p < m->n_people; p++) {
		caps[p] = kind_cap(m, p, night);
		most = MAX(most, caps[p]);
	}
	/* above[k]: the people who may work more than k of the kind */
	above = g_new0(guint, most + 1);
	for (guint p = 0; p < m->n_people; p++) {
		for (guint k = 0; k < caps[p]; k++)
			above[k]++;
	}
	left = above[0];
	for (guint i = 0; i < pieces->len; i++) {
		gdouble piece = g_array_index(pieces, gdouble, i);
		/* the (level + 1)-th shift of a person costs w (2 level + 1) more */
		while (left == 0 && level + 1 < most)
			left = above[++level];
		if (left > 0 && (gdouble)w * (2 * level + 1) < piece) {
			total += (gdouble)w * (2 * level + 1);
			left--;
		} else {
			total += piece;
		}
	}
	return total;
}

/**
 * roster_solver_bound_fairness:
 * @m: a sealed model with hotline extras
 *
 * Returns: a lower bound on the fairness squares plus the cover penalty of every
 *   roster of @m that keeps its hard rules (see above)
 */
gdouble
roster_solver_bound_fairness(const RosterSolverModel *m)
{
	if (m->hotline == NULL)
		return 0;
	return pair_seats(m, m->hotline->night_weight, TRUE) +
	       pair_seats(m, m->hotline->weekend_weight, FALSE);
}
