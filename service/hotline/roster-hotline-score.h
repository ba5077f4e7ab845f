/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* what a change of a hotline roster costs in the solver's terms, read through the hotline
 * mapping so that the engine needs none of the solver's search internals */

#include "roster-hotline-model.h"

G_BEGIN_DECLS

/* the size of the broken hard rules and the soft objective of a roster or a change */
typedef struct {
	gint64 hard;
	gint64 soft;
} RosterHotlineCost;

/* a roster of a model, scored once, that prices changes of one cell at a time */
typedef struct _RosterHotlineScorer RosterHotlineScorer;

RosterHotlineScorer *
roster_hotline_scorer_new(const RosterHotlineModel *model, const RosterSolverRoster *roster);
/* what giving @person the solver's shift type @shift_type on @day would cost; the
 * roster itself is left as it is */
RosterHotlineCost
roster_hotline_scorer_price_shift(RosterHotlineScorer *self,
				  guint person,
				  guint day,
				  gint16 shift_type);
void
roster_hotline_scorer_free(RosterHotlineScorer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterHotlineScorer, roster_hotline_scorer_free)

G_END_DECLS
