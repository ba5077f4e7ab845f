/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-state.h"

/**
 * roster_search_state_new:
 * @m: a sealed model
 * @cells: (nullable): the starting roster, or %NULL for everyone off
 *
 * Returns: (transfer full): a scored state
 */
RosterSearchState *
roster_search_state_new(const RosterSolverModel *m, const gint16 *cells)
{
	RosterSearchState *self = g_new0(RosterSearchState, 1);
	gsize n = (gsize)m->n_people * m->n_days;

	self->m = m;
	self->cells = g_new(gint16, n + 1);
	if (cells != NULL) {
		memcpy(self->cells, cells, n * sizeof(gint16));
	} else {
		for (gsize i = 0; i < n; i++)
			self->cells[i] = ROSTER_SOLVER_OFF;
	}
	self->classes = roster_constraint_get_all();
	while (self->classes[self->n_classes] != NULL)
		self->n_classes++;
	self->cstates = g_new0(gpointer, self->n_classes);
	for (guint i = 0; i < self->n_classes; i++) {
		if (self->classes[i]->state_new != NULL)
			self->cstates[i] = self->classes[i]->state_new(m);
	}
	roster_search_state_reset(self);
	return self;
}

/**
 * roster_search_state_free:
 * @self: a state
 *
 * Frees the state.
 */
void
roster_search_state_free(RosterSearchState *self)
{
	if (self == NULL)
		return;
	for (guint i = 0; i < self->n_classes; i++) {
		if (self->classes[i]->state_free != NULL)
			self->classes[i]->state_free(self->cstates[i]);
	}
	g_free(self->cstates);
	g_free(self->cells);
	g_free(self);
}

/**
 * roster_search_state_reset:
 * @self: a state
 *
 * Recomputes every cache and the cost after the cells were written directly.
 */
void
roster_search_state_reset(RosterSearchState *self)
{
	self->cost.hard = 0;
	self->cost.soft = 0;
	for (guint i = 0; i < self->n_classes; i++) {
		RosterCost c = {0, 0};
		self->classes[i]->reset(self->cstates[i], self->m, self->cells, &c);
		self->cost.hard += c.hard;
		self->cost.soft += c.soft;
	}
}

/**
 * roster_search_state_delta:
 * @self: a state
 * @move: a change
 *
 * Returns: how the cost would change if @move were applied
 */
RosterCost
roster_search_state_delta(RosterSearchState *self, const RosterMove *move)
{
	RosterCost delta = {0, 0};
	for (guint i = 0; i < self->n_classes; i++)
		self->classes[i]->delta(self->cstates[i], self->m, self->cells, move, &delta);
	return delta;
}

/**
 * roster_search_state_delta_unless_hard:
 * @self: a state
 * @move: a change
 *
 * The annealing's delta: like roster_search_state_delta(), except that when the roster
 * breaks no hard rule and @move would break one, it stops at the first kind of rule
 * broken. Its hard part is then positive and its soft part partial: fit only to turn
 * the move down, which one hard unit outweighing any soft gain of a move does anyway.
 * Most small moves of a tight roster break a rule, and the soft kinds come last.
 *
 * Returns: how the cost would change, or a delta with a positive hard part
 */
RosterCost
roster_search_state_delta_unless_hard(RosterSearchState *self, const RosterMove *move)
{
	RosterCost delta = {0, 0};
	for (guint i = 0; i < self->n_classes; i++) {
		self->classes[i]->delta(self->cstates[i], self->m, self->cells, move, &delta);
		if (delta.hard > 0 && self->cost.hard == 0)
			break;
	}
	return delta;
}

/**
 * roster_search_state_delta_own:
 * @self: a state
 * @move: a change
 *
 * Like roster_search_state_delta_unless_hard(), but without the cover: how the
 * move's people's own rules would change. Where every other rule is one person's
 * (every benchmark model), a change that leaves each day's cover as it was costs the
 * sum of its people's own deltas.
 *
 * Returns: how the cost of the rules other than the cover would change, or a delta
 * with a positive hard part
 */
RosterCost
roster_search_state_delta_own(RosterSearchState *self, const RosterMove *move)
{
	RosterCost delta = {0, 0};
	for (guint i = 0; i < self->n_classes; i++) {
		if (self->classes[i] == &roster_constraint_cover)
			continue;
		self->classes[i]->delta(self->cstates[i], self->m, self->cells, move, &delta);
		if (delta.hard > 0 && self->cost.hard == 0)
			break;
	}
	return delta;
}

/**
 * roster_search_state_apply:
 * @self: a state
 * @move: a change
 * @delta: its cost from roster_search_state_delta()
 *
 * Applies the change.
 */
void
roster_search_state_apply(RosterSearchState *self, const RosterMove *move, RosterCost delta)
{
	guint H = self->m->n_days;

	/* vals never point into cells, so the caches see the old roster */
	for (guint i = 0; i < self->n_classes; i++) {
		if (self->classes[i]->apply != NULL)
			self->classes[i]->apply(self->cstates[i], self->m, self->cells, move);
	}
	for (guint i = 0; i < move->n_lines; i++) {
		memcpy(self->cells + (gsize)move->person[i] * H + move->lo,
		       move->vals[i],
		       sizeof(gint16) * (move->hi - move->lo + 1));
	}
	self->cost.hard += delta.hard;
	self->cost.soft += delta.soft;
}

/**
 * roster_search_state_cover_counts:
 * @self: a state
 *
 * Returns: (transfer none): how many people hold each (day, type) of the roster,
 * day-major, kept by the cover's scoring
 */
const guint *
roster_search_state_cover_counts(RosterSearchState *self)
{
	for (guint i = 0; i < self->n_classes; i++) {
		if (self->classes[i] == &roster_constraint_cover)
			return roster_constraint_cover_counts(self->cstates[i]);
	}
	g_assert_not_reached();
	return NULL;
}
