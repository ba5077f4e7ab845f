/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the cost of a hotline roster in the solver's terms, read through the hotline mapping so
 * that the engine needs none of the solver's search internals */

#include "roster-hotline-model.h"

G_BEGIN_DECLS

/* the size of the broken hard rules and the soft objective of a roster */
typedef struct {
	gint64 hard;
	gint64 soft;
} RosterHotlineCost;

RosterHotlineCost
roster_hotline_score(const RosterHotlineModel *model, const RosterSolverRoster *roster);
/* the change of the cost from @before to @after: negative is better */
RosterHotlineCost
roster_hotline_cost_delta(RosterHotlineCost before, RosterHotlineCost after);

G_END_DECLS
