/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_ROSTER_PAGE (roster_roster_page_get_type())
G_DECLARE_FINAL_TYPE(RosterRosterPage, roster_roster_page, ROSTER, ROSTER_PAGE, RosterPage)

void
roster_roster_page_set_client(RosterRosterPage *self, RosterClient *client);
void
roster_roster_page_reload(RosterRosterPage *self);
gboolean
roster_roster_page_get_busy(RosterRosterPage *self);
gboolean
roster_roster_page_get_solving(RosterRosterPage *self);
gboolean
roster_roster_page_get_can_plan(RosterRosterPage *self);
gint64
roster_roster_page_get_roster_id(RosterRosterPage *self);
void
roster_roster_page_create_roster(RosterRosterPage *self, const gchar *period_start);
void
roster_roster_page_set_time_limit(RosterRosterPage *self, gdouble seconds);
void
roster_roster_page_set_month_view(RosterRosterPage *self, gboolean month);

void
roster_roster_page_move_assignment(RosterRosterPage *self,
				   gint64 assignment_id,
				   const gchar *date,
				   const gchar *slot,
				   gint64 seat_class_id);
void
roster_roster_page_swap_assignments(RosterRosterPage *self, gint64 first, gint64 second);
AdwMessageDialog *
roster_roster_page_get_override_dialog(RosterRosterPage *self);
void
roster_roster_page_clear_undo(RosterRosterPage *self);
void
roster_roster_page_show_person(RosterRosterPage *self, gint64 volunteer_id);
GtkWindow *
roster_roster_page_get_person_view(RosterRosterPage *self);
gboolean
roster_roster_page_export_pdf(RosterRosterPage *self, const gchar *path, GError **error);
guint
roster_roster_page_get_n_undo(RosterRosterPage *self);
/* the new-roster or settings dialog open, or NULL (roster-roster-page-rosters.c) */
GtkWindow *
roster_roster_page_get_roster_dialog(RosterRosterPage *self);

void
roster_roster_page_select_seat(RosterRosterPage *self,
			       const gchar *date,
			       const gchar *slot,
			       gint64 assignment_id);
const gchar *
roster_roster_page_get_selected_date(RosterRosterPage *self);
const gchar *
roster_roster_page_get_selected_slot(RosterRosterPage *self);
guint
roster_roster_page_get_n_uncovered(RosterRosterPage *self);
guint
roster_roster_page_get_n_broken_rules(RosterRosterPage *self);
const gchar *
roster_roster_page_get_solve_text(RosterRosterPage *self);
gboolean
roster_roster_page_get_live(RosterRosterPage *self);

G_END_DECLS
