/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-line.h"

G_BEGIN_DECLS

/* %TRUE when the caller wants the column generation to stop now */
typedef gboolean (*RosterColgenStopFunc)(gpointer user_data);

/**
 * RosterColgenStats:
 * @rounds: pricing rounds run
 * @columns: lines generated, all people
 * @lp_objective: the value of the last linear relaxation
 * @lp_optimal: %TRUE when no line with a negative reduced cost was left, so that
 *   @lp_objective bounds every roster from below (up to the line DP's exactness)
 * @integer: %TRUE when the dive fixed a line for everybody, %FALSE when it was cut
 *   short and the lines of the people left were picked by rounding the relaxation
 * @exact_dive: %TRUE when the dive priced exactly in the per-type counts
 * @improved: %TRUE when branch and bound over the lines beat the dive's roster
 *
 * What a column generation did.
 */
typedef struct {
	guint rounds;
	guint columns;
	gdouble lp_objective;
	gboolean lp_optimal;
	gboolean integer;
	gboolean exact_dive;
	gboolean improved;
} RosterColgenStats;

gboolean
roster_colgen_solve(const RosterSolverModel *m,
		    RosterLineDp *dp,
		    const gint16 *seed_cells,
		    guint first,
		    guint last,
		    gint64 lp_deadline,
		    gint64 ip_deadline,
		    RosterColgenStopFunc stop,
		    gpointer stop_data,
		    gint16 *cells,
		    RosterColgenStats *stats);

G_END_DECLS
