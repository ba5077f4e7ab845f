/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model.h"

G_BEGIN_DECLS

/**
 * RosterSolverEvaluation:
 * @feasible: %TRUE when no hard rule is broken
 * @n_violations: the number of broken hard rules, each listed in @violations
 * @hard_penalty: the size of the hard violations (days, shifts, hours, weekends)
 * @objective: the soft objective: cover plus requests
 * @cover_penalty: the cover part of @objective
 * @request_penalty: the request part of @objective
 * @hotline_penalty: the hotline part of @objective: fairness and commitments
 * @violations: (element-type utf8): each broken hard rule in words
 * @penalties: (element-type utf8): each soft penalty in words
 *
 * The from-scratch score of one roster.
 */
typedef struct {
	gboolean feasible;
	guint n_violations;
	gint64 hard_penalty;
	gint64 objective;
	gint64 cover_penalty;
	gint64 request_penalty;
	gint64 hotline_penalty;
	GPtrArray *violations;
	GPtrArray *penalties;
} RosterSolverEvaluation;

RosterSolverEvaluation *
roster_solver_evaluate(const RosterSolverModel *model, const RosterSolverRoster *roster);
void
roster_solver_evaluation_free(RosterSolverEvaluation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterSolverEvaluation, roster_solver_evaluation_free)

G_END_DECLS
