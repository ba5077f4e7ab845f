/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-evaluate.h"
#include "roster-solver-model-private.h"

G_BEGIN_DECLS

/* scores the hotline extras from scratch into @self (roster-solver-evaluate-hotline.c) */
void
roster_solver_evaluate_hotline(RosterSolverEvaluation *self,
			       const RosterSolverModel *m,
			       const RosterSolverRoster *roster);

gint64
roster_solver_evaluate_person_hard(const RosterSolverModel *m,
				   const RosterSolverRoster *roster,
				   guint p);

G_END_DECLS
