/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model-private.h"

G_BEGIN_DECLS

/* whether value v (0 a day off, s + 1 shift type s) is ruled out for person p on
 * day d by a rule of one cell: a day off, a type p never works, a hotline's
 * forbidden cell or another value pinned */
static inline gboolean
roster_solver_bound_cell_forbidden(const RosterSolverModel *m, guint p, guint d, guint v)
{
	const RosterSolverHotline *h = m->hotline;
	gsize pd = (gsize)p * m->n_days + d;

	if (v > 0 && (m->day_off[pd] || roster_solver_model_max_shifts(m, p, v - 1) == 0))
		return TRUE;
	if (h == NULL)
		return FALSE;
	if (v > 0 && h->forbid_cell[pd * m->n_types + v - 1])
		return TRUE;
	return h->fixed[pd] != ROSTER_SOLVER_FIXED_NONE && (gint)v != h->fixed[pd] + 1;
}

gdouble
roster_solver_bound_fairness(const RosterSolverModel *m);

G_END_DECLS
