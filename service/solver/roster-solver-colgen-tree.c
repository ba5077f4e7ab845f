/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-colgen-private.h"

/*
 * Branching on the cover. The relaxation spreads the shortfall of cover over more
 * (day, type) pairs than a roster can, in fractions, and a dive settles where it
 * falls by the way: on some instances every dive from the root ends a point above
 * the optimum. A branch bounds one cover slack from above or below at a whole
 * number, which needs no change in the pricing (only the duals move) and keeps every
 * line; at a node whose cover slacks are all whole, a few dives try for a roster.
 *
 * The nodes' bounds differ by a point or two at most, and the lowest are not where
 * the best rosters are (on Instance7 of the benchmark, dives under shortfalls whose
 * relaxation costs 1054.7 gave 1057 at best, the optimum 1056 lies under one at
 * 1055.4), so the
 * next node is drawn at random among the open ones, then followed down to a leaf by
 * its child nearer the relaxation: every plunge tries another pattern of shortfall.
 */

/* a bound a branch puts on a cover slack column */
typedef struct {
	gint col;
	gdouble lo;
	gdouble hi; /* G_MAXDOUBLE for none */
} SlackBound;

typedef struct {
	GArray *bounds; /* SlackBound, from the root down */
	gdouble lp;	/* the parent's relaxation: no roster below costs less */
} CoverNode;

/* dives from the root before the tree's first plunge */
#define ROOT_DIVES 4

/* dives at a node whose cover slacks are whole */
#define LEAF_DIVES 2

/* a slack closer than this to a whole number is whole */
#define SLACK_EPSILON 1e-4

static CoverNode *
cover_node_new(const CoverNode *parent, const SlackBound *bound, gdouble lp)
{
	CoverNode *node = g_new0(CoverNode, 1);
	node->bounds = g_array_new(FALSE, FALSE, sizeof(SlackBound));
	if (parent != NULL)
		g_array_append_vals(node->bounds, parent->bounds->data, parent->bounds->len);
	if (bound != NULL)
		g_array_append_val(node->bounds, *bound);
	node->lp = lp;
	return node;
}

static void
cover_node_free(gpointer data)
{
	CoverNode *node = data;
	g_array_unref(node->bounds);
	g_free(node);
}

/*
 * puts the master in the state of a node (nullable: the root): its slack bounds, no
 * dive's fixings, every line alive
 */
static void
restore_node(Colgen *self, const CoverNode *node)
{
	const RosterSolverModel *m = self->m;

	for (guint p = 0; p < m->n_people; p++)
		self->chosen[p] = -1;
	for (gsize i = 0; i < (gsize)m->n_people * m->n_days; i++)
		self->fixed[i] = FIXED_NONE;
	for (guint i = 0; i < self->n_cells; i++)
		roster_colgen_root_slack_bounds(self, i);
	/* a later bound lies within the earlier ones on its column */
	for (guint b = 0; node != NULL && b < node->bounds->len; b++) {
		SlackBound *sb = &g_array_index(node->bounds, SlackBound, b);
		roster_lp_set_bounds(self->lp, sb->col, sb->lo, sb->hi);
	}
	for (guint c = 0; c < self->owner->len; c++) {
		self->alive->data[c] = 1;
		roster_lp_set_bounds(self->lp, line_col(self, c), 0, G_MAXDOUBLE);
	}
}

/* frees every line again for the next dive */
static gboolean
undo_dive(Colgen *self)
{
	restore_node(self, NULL);
	return roster_colgen_solve_relaxation(self, FALSE);
}

static void
allow_artificial(Colgen *self, gboolean allow)
{
	for (guint i = 0; i < 2 * self->n_cells; i++) {
		gint j = artificial_col(self, 0) + (gint)i;
		roster_lp_set_bounds(self->lp, j, 0, allow ? G_MAXDOUBLE : 0);
	}
}

static gboolean
artificial_used(Colgen *self)
{
	for (guint i = 0; i < 2 * self->n_cells; i++) {
		if (roster_lp_get_value(self->lp, artificial_col(self, 0) + (gint)i) > RC_EPSILON)
			return TRUE;
	}
	return FALSE;
}

/*
 * the branches on the cover slack with a cost that the relaxation has the most
 * fractional, the one towards its nearest whole number first; FALSE when every
 * such slack is whole
 */
static gboolean
branch_slack(Colgen *self, SlackBound *first, SlackBound *second)
{
	gint best = 0;
	gdouble best_frac = SLACK_EPSILON;
	gdouble v;
	SlackBound down;
	SlackBound up;

	guint n_extra = self->extra_first[self->n_cells];

	for (guint k = 1; k <= 2 * self->n_cells + n_extra; k++) {
		gint c = k <= 2 * self->n_cells ? (gint)k
						: extra_col(self, k - 2 * self->n_cells - 1);
		gdouble frac;
		if (roster_lp_get_cost(self->lp, (gint)c) <= 0)
			continue;
		v = roster_lp_get_value(self->lp, (gint)c);
		frac = MIN(v - floor(v), ceil(v) - v);
		if (frac > best_frac) {
			best_frac = frac;
			best = (gint)c;
		}
	}
	if (best == 0)
		return FALSE;
	v = roster_lp_get_value(self->lp, best);
	down.col = up.col = best;
	down.lo = roster_lp_get_lo(self->lp, best);
	down.hi = floor(v);
	up.lo = ceil(v);
	up.hi = roster_lp_get_hi(self->lp, best);
	*first = v - floor(v) >= 0.5 ? up : down;
	*second = v - floor(v) >= 0.5 ? down : up;
	return TRUE;
}

/*
 * solves a node's relaxation and returns its children in @first and @second, or
 * none (@branch FALSE) when it is pruned or is a leaf, whose dives it runs; FALSE
 * when the search should end
 */
static gboolean
expand_node(Colgen *self,
	    Best *best,
	    const CoverNode *node,
	    SlackBound *first,
	    SlackBound *second,
	    gboolean *branch)
{
	const RosterColgenParams *params = best->params;
	gboolean go_on = TRUE;

	*branch = FALSE;
	restore_node(self, node);
	if (roster_colgen_price_rounds(self, G_MAXUINT, FALSE, params, &best->stats->rounds) !=
	    PRICE_OPTIMAL)
		return !stopped(self, params);
	best->stats->nodes++;
	/* a relaxation that still needs an artificial column has no roster with this
	 * shortfall among the lines priced so far, and likely none at all */
	if (roster_lp_get_objective(self->lp) > self->cutoff || artificial_used(self))
		return TRUE;
	if (branch_slack(self, first, second)) {
		*branch = TRUE;
		return TRUE;
	}
	for (guint k = 0; k < LEAF_DIVES && go_on; k++) {
		if (k > 0) {
			restore_node(self, node);
			go_on = roster_colgen_solve_relaxation(self, FALSE);
		}
		go_on = go_on && roster_colgen_dive_once(self, best, TRUE, k > 0);
	}
	return go_on;
}

/* the open nodes of the cover tree, and the one a plunge goes on with */
typedef struct {
	GPtrArray *open;
	CoverNode *next;
} CoverTree;

static gboolean
cover_tree_done(const CoverTree *tree)
{
	return tree->next == NULL && tree->open->len == 0;
}

/*
 * one plunge: from an open node drawn at random down to a leaf or a pruned node;
 * FALSE when the search should end
 */
static gboolean
cover_plunge(Colgen *self, Best *best, CoverTree *tree)
{
	gboolean go_on = TRUE;

	allow_artificial(self, TRUE);
	do {
		CoverNode *node = tree->next;
		SlackBound first;
		SlackBound second;
		gboolean branch = FALSE;

		if (node == NULL) {
			guint i = (guint)(rng_next(self) % tree->open->len);
			node = g_ptr_array_steal_index_fast(tree->open, i);
		}
		tree->next = NULL;
		roster_colgen_update_cutoff(self, best);
		if (node->lp <= self->cutoff)
			go_on = expand_node(self, best, node, &first, &second, &branch);
		if (go_on && branch) {
			gdouble lp = roster_lp_get_objective(self->lp);
			g_ptr_array_add(tree->open, cover_node_new(node, &second, lp));
			tree->next = cover_node_new(node, &first, lp);
		}
		cover_node_free(node);
	} while (go_on && tree->next != NULL);
	allow_artificial(self, FALSE);
	restore_node(self, NULL);
	return go_on;
}

/*
 * branch and bound over every line generated (GLPK's, under the deadline), starting
 * from the roster of the lines in @chosen that costs @cost; TRUE when it found a
 * better one, now in @cells
 */
gboolean
roster_colgen_improve_integer(Colgen *self, const gint *chosen, gdouble cost, gint16 *cells)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	gint n_cols = roster_lp_get_n_cols(self->lp);
	g_autofree gdouble *start = g_new0(gdouble, (gsize)n_cols + 1);
	g_autofree gdouble *x = g_new0(gdouble, (gsize)n_cols + 1);
	gdouble found = G_MAXDOUBLE;

	roster_colgen_roster_values(self, chosen, start);
	if (!undo_dive(self))
		return FALSE;
	roster_colgen_allow_no_line(self, FALSE);
	if (!roster_lp_solve_binary(self->lp,
				    line_col(self, 0),
				    start,
				    self->deadline,
				    x,
				    &found) ||
	    found > cost - 0.5)
		return FALSE;
	for (guint c = 0; c < self->owner->len; c++) {
		guint p = g_array_index(self->owner, guint, c);
		if (x[line_col(self, c)] > 0.5)
			memcpy(cells + (gsize)p * H,
			       &g_array_index(self->lines, gint16, (gsize)c * H),
			       sizeof(gint16) * H);
	}
	return TRUE;
}

/*
 * dives from the relaxation until one reaches its bound, @params->max_dives are done
 * or the deadline; after the first few, each dive is followed by a plunge of the cover
 * tree when @params asks for it. The
 * best roster goes into @cells and @best_chosen; returns its cost, or G_MAXDOUBLE
 * when no dive finished (@cells then holds the first dive's lines, the free people's
 * picked by rounding)
 */
gdouble
roster_colgen_dives(Colgen *self,
		    const RosterColgenParams *params,
		    gint *best_chosen,
		    gint16 *cells,
		    RosterColgenStats *stats)
{
	Best best = {
	    .params = params,
	    .stats = stats,
	    .chosen = best_chosen,
	    .cells = cells,
	    .cost = G_MAXDOUBLE,
	    .bound = ceil(stats->lp_objective - RC_EPSILON),
	};
	CoverTree tree = {NULL, NULL};
	gboolean go_on = TRUE;

	if (params->cover_tree) {
		tree.open = g_ptr_array_new_with_free_func(cover_node_free);
		tree.next = cover_node_new(NULL, NULL, stats->lp_objective);
	}
	roster_colgen_allow_no_line(self, TRUE);
	self->cutoff = G_MAXDOUBLE;
	for (guint k = 0; go_on && (params->max_dives == 0 || best.n_dives < params->max_dives);
	     k++) {
		if (k > 0 && !undo_dive(self))
			break;
		go_on = roster_colgen_dive_once(self, &best, k % 2 == 1, k > 1);
		/* after the first dives, root dives and plunges of the tree take turns:
		 * either finds what the other misses on some instance */
		if (go_on && tree.open != NULL && k + 1 >= ROOT_DIVES && best.cost < G_MAXDOUBLE &&
		    !cover_tree_done(&tree))
			go_on = cover_plunge(self, &best, &tree);
	}
	if (tree.open != NULL) {
		g_debug("cover tree: %u nodes, %u left open", stats->nodes, tree.open->len);
		g_clear_pointer(&tree.next, cover_node_free);
		g_ptr_array_unref(tree.open);
	}
	return best.cost;
}
