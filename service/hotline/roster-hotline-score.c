/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the cost of a hotline roster: the solver's from-scratch evaluation of the model */

#include "config.h"

#include "roster-hotline-score.h"

/**
 * roster_hotline_score:
 * @model: a hotline model
 * @roster: a roster of @model
 *
 * Scores @roster from scratch as the solver does: the same amounts its search state
 * keeps up to date move by move.
 *
 * Returns: the hard penalty and the soft objective of @roster
 **/
RosterHotlineCost
roster_hotline_score(const RosterHotlineModel *model, const RosterSolverRoster *roster)
{
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(model->solver, roster);
	RosterHotlineCost cost = {ev->hard_penalty, ev->objective};

	return cost;
}

/**
 * roster_hotline_cost_delta:
 * @before: the cost of a roster
 * @after: the cost of the roster changed
 *
 * Returns: what the change costs: @after less @before
 **/
RosterHotlineCost
roster_hotline_cost_delta(RosterHotlineCost before, RosterHotlineCost after)
{
	RosterHotlineCost delta = {after.hard - before.hard, after.soft - before.soft};

	return delta;
}
