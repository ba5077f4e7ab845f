/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "roster-item-list.h"
#include "roster-roster.h"
#include "roster-seat.h"

G_BEGIN_DECLS

/**
 * RosterGridData:
 * @roster: the roster shown
 * @explanations: its explanation list, of #RosterExplanation
 * @seat_classes: the seat classes
 * @volunteers: the volunteers
 * @calendar: (nullable): the service calendar, for the slots
 * @duty_blocks: (nullable): the roster's duty blocks, as the API lists them
 *
 * What the week and month grids show.
 */
typedef struct {
	RosterRoster *roster;
	GListModel *explanations;
	RosterItemList *seat_classes;
	RosterItemList *volunteers;
	RosterItem *calendar;
	JsonArray *duty_blocks;
} RosterGridData;

guint
roster_grid_data_count_gaps(const RosterGridData *data,
			    const gchar *date,
			    const gchar *slot,
			    GtkBox *cell);
gchar *
roster_grid_data_dup_day_mark(const RosterGridData *data,
			      const gchar *date,
			      const gchar **css_class);

#define ROSTER_TYPE_WEEK_GRID (roster_week_grid_get_type())
G_DECLARE_FINAL_TYPE(RosterWeekGrid, roster_week_grid, ROSTER, WEEK_GRID, GtkGrid)

void
roster_week_grid_show(RosterWeekGrid *self,
		      const RosterGridData *data,
		      const GDate *week_start,
		      const gchar *selected_date,
		      const gchar *selected_slot,
		      gint64 selected_assignment);
void
roster_week_grid_set_header(RosterWeekGrid *self, GtkGrid *header);
GtkGrid *
roster_week_grid_get_header(RosterWeekGrid *self);
GtkWidget *
roster_week_grid_get_selected(RosterWeekGrid *self);
gboolean
roster_week_grid_move_focus(RosterWeekGrid *self, GtkDirectionType direction);
void
roster_grid_clear(GtkGrid *grid);

G_END_DECLS
