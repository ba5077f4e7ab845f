/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a roster's and a solve's counts in words, each count with its own plural */

#pragma once

#include "roster-client-rosters.h"

G_BEGIN_DECLS

gchar *
roster_solve_dup_uncovered_text(const RosterSolveProgress *progress,
				gboolean has_uncovered_now,
				guint uncovered_now);
gchar *
roster_solve_dup_gap_text(gdouble gap);
gchar *
roster_dup_broken_rules_text(guint n_broken);
gchar *
roster_dup_uncovered_text(guint n_uncovered, gboolean has_required, gint64 required);

G_END_DECLS
