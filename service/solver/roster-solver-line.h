/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model-private.h"

G_BEGIN_DECLS

/* a price that rules a value out on a day */
#define ROSTER_LINE_FORBIDDEN G_MAXINT32

/* the most labels a key keeps, see roster_line_dp_set_labels_per_key() */
#define ROSTER_LINE_MAX_LABELS 64

/* re-optimises one person's whole line by dynamic programming over days */
typedef struct _RosterLineDp RosterLineDp;

RosterLineDp *
roster_line_dp_new(const RosterSolverModel *m);
void
roster_line_dp_free(RosterLineDp *self);
void
roster_line_dp_set_labels_per_key(RosterLineDp *self, guint n);
gboolean
roster_line_dp_was_exact(RosterLineDp *self);
guint64
roster_line_dp_get_n_labels(RosterLineDp *self);
void
roster_line_dp_set_terminal(RosterLineDp *self, const gint *terminal, guint n);
guint
roster_line_dp_get_unit(RosterLineDp *self);
void
roster_line_dp_set_min_slack(RosterLineDp *self, guint64 minutes);
void
roster_line_dp_set_relax_counts(RosterLineDp *self, gboolean relax);
void
roster_line_dp_set_relax_runs(RosterLineDp *self, gboolean relax);
void
roster_line_dp_set_upper(RosterLineDp *self, gint64 upper);
/**
 * RosterLinePartial:
 * @ROSTER_LINE_WHOLE: a window joins the days after it, and the line reaches the
 *   person's minimum minutes
 * @ROSTER_LINE_PRO_RATA: the days after a window are planned later: the window need
 *   not join them, and the line up to its end reaches the minimum minutes' share of
 *   the days so far
 * @ROSTER_LINE_OPEN: as %ROSTER_LINE_PRO_RATA, with no minimum at all
 *
 * How a window is planned when the line is built from the first day on.
 */
typedef enum {
	ROSTER_LINE_WHOLE,
	ROSTER_LINE_PRO_RATA,
	ROSTER_LINE_OPEN,
} RosterLinePartial;

guint64
roster_line_dp_whole_work(RosterLineDp *self);
void
roster_line_dp_set_partial(RosterLineDp *self, RosterLinePartial partial);
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
