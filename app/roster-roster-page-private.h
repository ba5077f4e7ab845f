/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster page's layout, shared by roster-roster-page.c (loading and showing) and
 * roster-roster-page-edits.c (the manual edits) */

#pragma once

#include "roster-explanations-panel.h"
#include "roster-item-list.h"
#include "roster-month-grid.h"
#include "roster-person-view.h"
#include "roster-roster-dialog.h"
#include "roster-roster-page.h"
#include "roster-solve-bar.h"
#include "roster-week-grid.h"

G_BEGIN_DECLS

struct _RosterRosterPage {
	RosterPage parent_instance;
	GtkDropDown *roster_dropdown;
	GtkLabel *range_label;
	GtkToggleButton *month_toggle;
	GtkSpinButton *time_spin;
	/* the controls of a planner (admin, coordinator): hidden from a manager */
	GtkWidget *new_button;
	GtkWidget *settings_button;
	GtkWidget *undo_button;
	GtkWidget *seconds_label;
	GtkWidget *solve_button;
	GtkWidget *cancel_button;
	AdwStatusPage *status_page;
	RosterSolveBar *solve_bar;
	GtkLabel *summary_label;
	GtkStack *view_stack;
	RosterWeekGrid *week_grid;
	RosterMonthGrid *month_grid;
	RosterItemList *rosters;
	RosterItemList *seat_classes;
	RosterItemList *volunteers;
	RosterItemList *calendars;
	RosterItem *calendar;
	RosterRoster *roster;
	/* the explanation list of the roster shown, as RosterExplanation items */
	GListStore *explanations;
	/* the duty blocks of the roster shown, NULL when the line keeps no duty rota */
	JsonArray *duty_blocks;
	RosterExplanationsPanel *explanations_panel;
	GtkScrolledWindow *week_scroller;
	/* the day headings, above the scrolled week grid */
	GtkScrolledWindow *week_header_scroller;
	GtkGrid *week_header;
	/* the seat the explanation list took the coordinator to, and its assignment */
	gchar *selected_date;
	gchar *selected_slot;
	gint64 selected_assignment;
	guint n_uncovered;
	guint n_broken_rules;
	GtkCssProvider *css_provider;
	GDate week_start;
	gboolean loading_lists;
	gint64 select_roster_id;
	GtkBox *move_bar;
	GtkLabel *move_label;
	/* the assignment being moved to another seat, or 0 */
	gint64 moving_id;
	/* the manual edit waiting for the user's answer to "assign anyway?" */
	AdwMessageDialog *override_dialog;
	/* the new-roster or settings dialog open, if any */
	RosterRosterDialog *roster_dialog;
	/* RosterUndo: the last edits, the newest last (roster-roster-page-edits.c) */
	GArray *undo_stack;
	/* one volunteer's month, while open (roster-roster-page-person.c) */
	RosterPersonView *person_view;
	/* a solve under way (roster-roster-page-live.c): the best roster it has found so
	 * far, an empty explanation list to show it with, and its load */
	RosterRoster *live_roster;
	GListStore *live_explanations;
	gboolean live_in_flight;
	gboolean live_pending;
};

void
roster_roster_page_load_roster(RosterRosterPage *self);
void
roster_roster_page_get_grid_data(RosterRosterPage *self, RosterGridData *data);
void
roster_roster_page_rebuild(RosterRosterPage *self);
void
roster_roster_page_edits_class_init(GtkWidgetClass *widget_class);
void
roster_roster_page_update_undo(RosterRosterPage *self);
/* roster-roster-page-rosters.c: the roster list, the new-roster and settings dialogs */
void
roster_roster_page_rosters_class_init(GtkWidgetClass *widget_class);
void
roster_roster_page_rosters_init(RosterRosterPage *self);
void
roster_roster_page_rosters_dispose(RosterRosterPage *self);
/* roster-roster-page-person.c: one volunteer's month */
void
roster_roster_page_person_class_init(GtkWidgetClass *widget_class);
void
roster_roster_page_update_person(RosterRosterPage *self, const RosterGridData *data);
void
roster_roster_page_person_dispose(RosterRosterPage *self);
/* roster-roster-page-live.c: the grids during a solve */
void
roster_roster_page_live_class_init(GtkWidgetClass *widget_class);
void
roster_roster_page_live_init(RosterRosterPage *self);
void
roster_roster_page_live_dispose(RosterRosterPage *self);
void
roster_roster_page_live_grid_data(RosterRosterPage *self, RosterGridData *data);
void
roster_roster_page_live_solving_changed(RosterRosterPage *self, gboolean solving);
gchar *
roster_roster_page_live_dup_summary(RosterRosterPage *self, const gchar *name);
/* roster-roster-page-export.c: the Export… button */
void
roster_roster_page_export_class_init(GtkWidgetClass *widget_class);

G_END_DECLS
