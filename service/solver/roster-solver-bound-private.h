/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model-private.h"

G_BEGIN_DECLS

gdouble
roster_solver_bound_fairness(const RosterSolverModel *m);

G_END_DECLS
