/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the price of a change of a hotline roster: the solver's incremental score of one move,
 * behind the hotline mapping */

#include "config.h"

#include "roster-hotline-score.h"
#include "roster-solver-state.h"

struct _RosterHotlineScorer {
	RosterSearchState *state;
};

/**
 * roster_hotline_scorer_new:
 * @model: a hotline model
 * @roster: a roster of @model
 *
 * Scores @roster once, so that each change after is priced by what it touches: the
 * same amounts a from-scratch evaluation of the changed roster would differ by.
 *
 * Returns: (transfer full): a scorer of @roster
 **/
RosterHotlineScorer *
roster_hotline_scorer_new(const RosterHotlineModel *model, const RosterSolverRoster *roster)
{
	RosterHotlineScorer *self = g_new0(RosterHotlineScorer, 1);

	self->state = roster_search_state_new(model->solver, roster->cells);
	return self;
}

/**
 * roster_hotline_scorer_price_shift:
 * @self: a scorer
 * @person: the person's index in the model
 * @day: the day's index in the roster
 * @shift_type: the solver's shift type of the cell, as the hotline model maps it
 *
 * Returns: what the change costs: the change of the hard penalty and of the soft
 *   objective, negative when it is better
 **/
RosterHotlineCost
roster_hotline_scorer_price_shift(RosterHotlineScorer *self,
				  guint person,
				  guint day,
				  gint16 shift_type)
{
	RosterMove move = {1, {person, 0}, day, day, {&shift_type, NULL}};
	RosterCost delta = roster_search_state_delta(self->state, &move);
	RosterHotlineCost cost = {delta.hard, delta.soft};

	return cost;
}

/**
 * roster_hotline_scorer_free:
 * @self: (nullable): a scorer
 *
 * Frees @self.
 **/
void
roster_hotline_scorer_free(RosterHotlineScorer *self)
{
	if (self == NULL)
		return;
	roster_search_state_free(self->state);
	g_free(self);
}
