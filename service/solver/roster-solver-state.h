/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-constraint.h"

G_BEGIN_DECLS

/* the incrementally scored roster one search works on */
typedef struct {
	const RosterSolverModel *m;
	gint16 *cells;
	gpointer *cstates;
	const RosterConstraintClass *const *classes;
	guint n_classes;
	RosterCost cost;
} RosterSearchState;

RosterSearchState *
roster_search_state_new(const RosterSolverModel *m, const gint16 *cells);
void
roster_search_state_free(RosterSearchState *self);
void
roster_search_state_reset(RosterSearchState *self);
RosterCost
roster_search_state_delta(RosterSearchState *self, const RosterMove *move);
RosterCost
roster_search_state_delta_unless_hard(RosterSearchState *self, const RosterMove *move);
RosterCost
roster_search_state_delta_own(RosterSearchState *self, const RosterMove *move);
void
roster_search_state_apply(RosterSearchState *self, const RosterMove *move, RosterCost delta);
const guint *
roster_search_state_cover_counts(RosterSearchState *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterSearchState, roster_search_state_free)

G_END_DECLS
