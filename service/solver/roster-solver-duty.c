/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty rota solved exactly as a min-cost flow: blocks to people, each person's
 * k-th block costing more than the one before, so the most blocks are covered and the
 * blocks are then shared as evenly as the rules allow */

#include "config.h"

#include "roster-solver-duty.h"

/* one more block for a person costs this much per block already held: above any
 * response time or avoided time, so sharing comes before speed */
#define FAIRNESS_STEP 10000

typedef struct {
	guint to;
	gint capacity;
	gint64 cost;
} Edge;

typedef struct {
	GArray *edges;	/* Edge; edge i ^ 1 is its reverse */
	GPtrArray *out; /* per node: GArray of guint edge indices */
} Graph;

static void
graph_init(Graph *g, guint n_nodes)
{
	g->edges = g_array_new(FALSE, FALSE, sizeof(Edge));
	g->out = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
	for (guint i = 0; i < n_nodes; i++)
		g_ptr_array_add(g->out, g_array_new(FALSE, FALSE, sizeof(guint)));
}

static void
graph_clear(Graph *g)
{
	g_array_unref(g->edges);
	g_ptr_array_unref(g->out);
}

static guint
graph_add(Graph *g, guint from, guint to, gint64 cost)
{
	Edge forward = {to, 1, cost};
	Edge backward = {from, 0, -cost};
	guint index = g->edges->len;
	guint back = index + 1;

	g_array_append_val(g->edges, forward);
	g_array_append_val(g->edges, backward);
	g_array_append_val(g_ptr_array_index(g->out, from), index);
	g_array_append_val(g_ptr_array_index(g->out, to), back);
	return index;
}

/* the cheapest augmenting path by Bellman-Ford in queue form (the residual graph has
 * negative edges); FALSE when the sink cannot be reached */
static gboolean
graph_augment(Graph *g, guint source, guint sink, gint64 *cost)
{
	guint n = g->out->len;
	g_autofree gint64 *dist = g_new(gint64, n);
	g_autofree gint *via = g_new(gint, n);
	g_autofree gboolean *queued = g_new0(gboolean, n);
	g_autoptr(GQueue) queue = g_queue_new();
	guint node;

	for (guint i = 0; i < n; i++) {
		dist[i] = G_MAXINT64;
		via[i] = -1;
	}
	dist[source] = 0;
	g_queue_push_tail(queue, GUINT_TO_POINTER(source));
	queued[source] = TRUE;
	while (!g_queue_is_empty(queue)) {
		GArray *out;
		guint u = GPOINTER_TO_UINT(g_queue_pop_head(queue));
		queued[u] = FALSE;
		out = g_ptr_array_index(g->out, u);
		for (guint i = 0; i < out->len; i++) {
			guint e = g_array_index(out, guint, i);
			const Edge *edge = &g_array_index(g->edges, Edge, e);
			if (edge->capacity <= 0 || dist[u] + edge->cost >= dist[edge->to])
				continue;
			dist[edge->to] = dist[u] + edge->cost;
			via[edge->to] = (gint)e;
			if (!queued[edge->to]) {
				queued[edge->to] = TRUE;
				g_queue_push_tail(queue, GUINT_TO_POINTER(edge->to));
			}
		}
	}
	if (dist[sink] == G_MAXINT64)
		return FALSE;
	for (node = sink; node != source;) {
		guint e = (guint)via[node];
		g_array_index(g->edges, Edge, e).capacity--;
		g_array_index(g->edges, Edge, e ^ 1).capacity++;
		node = g_array_index(g->edges, Edge, e ^ 1).to;
	}
	*cost += dist[sink];
	return TRUE;
}

/**
 * roster_duty_problem_new:
 * @n_blocks: the blocks to cover
 * @n_people: the people who might
 * @n_backups: the backups wanted per block
 *
 * Returns: (transfer full): a problem where nobody may hold any block yet, with no
 *   limits and response times of 0
 *
 * Since: 0.1
 */
RosterDutyProblem *
roster_duty_problem_new(guint n_blocks, guint n_people, guint n_backups)
{
	RosterDutyProblem *self = g_new0(RosterDutyProblem, 1);

	self->n_blocks = n_blocks;
	self->n_people = n_people;
	self->n_backups = n_backups;
	self->allowed = g_new0(guint8, (gsize)n_blocks * n_people + 1);
	self->cost = g_new0(guint, (gsize)n_blocks * n_people + 1);
	self->response_minutes = g_new0(gint, n_people + 1);
	self->max_blocks = g_new(gint, n_people + 1);
	self->held = g_new0(guint, n_people + 1);
	for (guint p = 0; p < n_people; p++)
		self->max_blocks[p] = ROSTER_DUTY_NO_LIMIT;
	return self;
}

/**
 * roster_duty_problem_free:
 * @self: a problem
 *
 * Since: 0.1
 */
void
roster_duty_problem_free(RosterDutyProblem *self)
{
	g_free(self->allowed);
	g_free(self->cost);
	g_free(self->response_minutes);
	g_free(self->max_blocks);
	g_free(self->held);
	g_free(self);
}

/**
 * roster_duty_problem_allow:
 * @self: a problem
 * @block: a block index
 * @person: a person index
 * @allowed: whether every hard rule lets the person hold the block
 *
 * Since: 0.1
 */
void
roster_duty_problem_allow(RosterDutyProblem *self, guint block, guint person, gboolean allowed)
{
	g_return_if_fail(block < self->n_blocks && person < self->n_people);
	self->allowed[(gsize)block * self->n_people + person] = allowed ? 1 : 0;
}

/**
 * roster_duty_problem_is_allowed:
 * @self: a problem
 * @block: a block index
 * @person: a person index
 *
 * Returns: whether the person may hold the block
 *
 * Since: 0.1
 */
gboolean
roster_duty_problem_is_allowed(const RosterDutyProblem *self, guint block, guint person)
{
	g_return_val_if_fail(block < self->n_blocks && person < self->n_people, FALSE);
	return self->allowed[(gsize)block * self->n_people + person] != 0;
}

/* the blocks a person may still take: the limit less those held, or every block */
static guint
capacity_of(const RosterDutyProblem *problem, guint person)
{
	gint limit = problem->max_blocks[person];

	if (limit == ROSTER_DUTY_NO_LIMIT)
		return problem->n_blocks;
	if ((guint)limit <= problem->held[person])
		return 0;
	return MIN((guint)limit - problem->held[person], problem->n_blocks);
}

/* the backups of a block: every other person allowed, fastest first, then the one with
 * fewer primary blocks, then the lower index */
typedef struct {
	const RosterDutyProblem *problem;
	const guint *load;
} BackupOrder;

static gint
compare_backups(gconstpointer a, gconstpointer b, gpointer user_data)
{
	const BackupOrder *order = user_data;
	guint pa = *(const guint *)a;
	guint pb = *(const guint *)b;
	gint ra = order->problem->response_minutes[pa];
	gint rb = order->problem->response_minutes[pb];

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (order->load[pa] != order->load[pb])
		return order->load[pa] < order->load[pb] ? -1 : 1;
	return pa < pb ? -1 : (pa > pb ? 1 : 0);
}

static void
pick_backups(const RosterDutyProblem *problem, RosterDutySolution *solution)
{
	g_autofree guint *load = g_new0(guint, problem->n_people + 1);
	g_autoptr(GArray) candidates = g_array_new(FALSE, FALSE, sizeof(guint));
	BackupOrder order = {problem, load};

	for (guint b = 0; b < problem->n_blocks; b++) {
		if (solution->primary[b] >= 0)
			load[solution->primary[b]]++;
	}
	for (guint b = 0; b < problem->n_blocks; b++) {
		g_array_set_size(candidates, 0);
		for (guint p = 0; p < problem->n_people; p++) {
			if ((gint)p != solution->primary[b] &&
			    roster_duty_problem_is_allowed(problem, b, p))
				g_array_append_val(candidates, p);
		}
		g_array_sort_with_data(candidates, compare_backups, &order);
		for (guint r = 0; r < problem->n_backups && r < candidates->len; r++)
			solution->backups[(gsize)b * problem->n_backups + r] =
			    (gint)g_array_index(candidates, guint, r);
	}
}

/**
 * roster_duty_solve:
 * @problem: a problem
 *
 * Assigns the primaries by a min-cost maximum flow: the most blocks get a primary,
 * and among those rosters the sum over people of the convex cost of their blocks
 * (FAIRNESS_STEP × k for their k-th, counting the blocks held already), their response
 * minutes and the extra costs is the least. Each block's backups are then the other
 * people allowed on it, fastest first.
 *
 * Returns: (transfer full): the solution
 *
 * Since: 0.1
 */
RosterDutySolution *
roster_duty_solve(const RosterDutyProblem *problem)
{
	RosterDutySolution *solution = g_new0(RosterDutySolution, 1);
	guint n_blocks = problem->n_blocks;
	guint n_people = problem->n_people;
	guint source = 0;
	guint sink = n_blocks + n_people + 1;
	g_autofree guint *pair_edge = g_new0(guint, (gsize)n_blocks * n_people + 1);
	Graph g;

	solution->n_blocks = n_blocks;
	solution->n_backups = problem->n_backups;
	solution->primary = g_new(gint, n_blocks + 1);
	solution->backups = g_new(gint, (gsize)n_blocks * problem->n_backups + 1);
	for (guint b = 0; b < n_blocks; b++)
		solution->primary[b] = -1;
	for (gsize i = 0; i < (gsize)n_blocks * problem->n_backups; i++)
		solution->backups[i] = -1;

	graph_init(&g, sink + 1);
	for (guint b = 0; b < n_blocks; b++) {
		graph_add(&g, source, 1 + b, 0);
		for (guint p = 0; p < n_people; p++) {
			gsize i = (gsize)b * n_people + p;
			if (!problem->allowed[i])
				continue;
			pair_edge[i] = graph_add(&g,
						 1 + b,
						 1 + n_blocks + p,
						 (gint64)MAX(problem->response_minutes[p], 0) +
						     problem->cost[i]);
		}
	}
	for (guint p = 0; p < n_people; p++) {
		guint capacity = capacity_of(problem, p);
		for (guint k = 0; k < capacity; k++)
			graph_add(&g,
				  1 + n_blocks + p,
				  sink,
				  (gint64)FAIRNESS_STEP * (problem->held[p] + k + 1));
	}
	while (graph_augment(&g, source, sink, &solution->cost))
		;
	for (guint b = 0; b < n_blocks; b++) {
		for (guint p = 0; p < n_people; p++) {
			gsize i = (gsize)b * n_people + p;
			if (problem->allowed[i] &&
			    g_array_index(g.edges, Edge, pair_edge[i]).capacity == 0)
				solution->primary[b] = (gint)p;
		}
		if (solution->primary[b] < 0)
			solution->n_uncovered++;
	}
	graph_clear(&g);
	pick_backups(problem, solution);
	return solution;
}

/**
 * roster_duty_solution_free:
 * @self: a solution
 *
 * Since: 0.1
 */
void
roster_duty_solution_free(RosterDutySolution *self)
{
	g_free(self->primary);
	g_free(self->backups);
	g_free(self);
}

/**
 * roster_duty_solution_get_backup:
 * @self: a solution
 * @block: a block index
 * @rank: 0 for the first backup
 *
 * Returns: the person index of the backup, or -1
 *
 * Since: 0.1
 */
gint
roster_duty_solution_get_backup(const RosterDutySolution *self, guint block, guint rank)
{
	g_return_val_if_fail(block < self->n_blocks, -1);
	if (rank >= self->n_backups)
		return -1;
	return self->backups[(gsize)block * self->n_backups + rank];
}
