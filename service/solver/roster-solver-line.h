/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model-private.h"

G_BEGIN_DECLS

/* a price that rules a value out on a day */
#define ROSTER_LINE_FORBIDDEN G_MAXINT32

/* re-optimises one person's whole line by dynamic programming over days */
typedef struct _RosterLineDp RosterLineDp;

RosterLineDp *
roster_line_dp_new(const RosterSolverModel *m);
void
roster_line_dp_free(RosterLineDp *self);
void
roster_line_dp_set_labels_per_key(RosterLineDp *self, guint n);
gboolean
roster_line_dp_solve(RosterLineDp *self,
		     guint person,
		     const gint *price,
		     gint16 *line,
		     gint64 *cost);

gboolean
roster_line_dp_solve_window(RosterLineDp *self,
			    guint person,
			    const gint16 *current,
			    guint first,
			    guint last,
			    const gint *price,
			    gint16 *line,
			    gint64 *cost);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterLineDp, roster_line_dp_free)

G_END_DECLS
