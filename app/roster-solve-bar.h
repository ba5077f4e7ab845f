/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "roster-client.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_SOLVE_BAR (roster_solve_bar_get_type())
G_DECLARE_FINAL_TYPE(RosterSolveBar, roster_solve_bar, ROSTER, SOLVE_BAR, GtkBox)

void
roster_solve_bar_start(RosterSolveBar *self,
		       RosterClient *client,
		       gint64 roster_id,
		       gdouble time_limit);
void
roster_solve_bar_stop(RosterSolveBar *self);
gboolean
roster_solve_bar_get_solving(RosterSolveBar *self);
void
roster_solve_bar_set_uncovered_now(RosterSolveBar *self, gint64 roster_id, guint n_uncovered);
const gchar *
roster_solve_bar_get_text(RosterSolveBar *self);
gint64
roster_solve_bar_get_roster_id(RosterSolveBar *self);

G_END_DECLS
