/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "roster-explanation.h"

G_BEGIN_DECLS

/**
 * RosterExplanationsFilter:
 * @ROSTER_EXPLANATIONS_FILTER_ALL: every explanation
 * @ROSTER_EXPLANATIONS_FILTER_CONFLICTS: the conflicts list: every uncovered seat and
 *   every broken hard rule, each linked to its seat or person
 * @ROSTER_EXPLANATIONS_FILTER_GAPS: uncovered seats
 * @ROSTER_EXPLANATIONS_FILTER_BROKEN_RULES: hard rules broken by overrides and hand edits
 * @ROSTER_EXPLANATIONS_FILTER_SOFT_RULES: wishes and soft rules
 * @ROSTER_EXPLANATIONS_FILTER_IDLE_VOLUNTEERS: volunteers without a shift
 *
 * The choices of the panel's filter, in the order it lists them.
 */
typedef enum {
	ROSTER_EXPLANATIONS_FILTER_ALL,
	ROSTER_EXPLANATIONS_FILTER_CONFLICTS,
	ROSTER_EXPLANATIONS_FILTER_GAPS,
	ROSTER_EXPLANATIONS_FILTER_BROKEN_RULES,
	ROSTER_EXPLANATIONS_FILTER_SOFT_RULES,
	ROSTER_EXPLANATIONS_FILTER_IDLE_VOLUNTEERS,
} RosterExplanationsFilter;

#define ROSTER_TYPE_EXPLANATIONS_PANEL (roster_explanations_panel_get_type())
G_DECLARE_FINAL_TYPE(RosterExplanationsPanel,
		     roster_explanations_panel,
		     ROSTER,
		     EXPLANATIONS_PANEL,
		     GtkWidget)

void
roster_explanations_panel_set_model(RosterExplanationsPanel *self, GListModel *model);
GListModel *
roster_explanations_panel_get_shown(RosterExplanationsPanel *self);
void
roster_explanations_panel_set_filter(RosterExplanationsPanel *self,
				     RosterExplanationsFilter filter);
RosterExplanationsFilter
roster_explanations_panel_get_filter(RosterExplanationsPanel *self);

G_END_DECLS
