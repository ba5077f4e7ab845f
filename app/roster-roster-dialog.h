/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the dialog that creates a roster (a month, a name, the team rotation) or edits an
 * existing one's name, rotation and weights, and deletes a draft */

#pragma once

#include <adwaita.h>

#include "roster-client.h"
#include "roster-roster-settings.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_ROSTER_DIALOG (roster_roster_dialog_get_type())
G_DECLARE_FINAL_TYPE(RosterRosterDialog, roster_roster_dialog, ROSTER, ROSTER_DIALOG, AdwWindow)

RosterRosterDialog *
roster_roster_dialog_new_create(GtkWindow *parent,
				RosterClient *client,
				GListModel *rosters,
				const GDate *today);
RosterRosterDialog *
roster_roster_dialog_new_settings(GtkWindow *parent, RosterClient *client, gint64 roster_id);

gboolean
roster_roster_dialog_get_busy(RosterRosterDialog *self);
const gchar *
roster_roster_dialog_get_period_start(RosterRosterDialog *self);
gboolean
roster_roster_dialog_get_existing_warned(RosterRosterDialog *self);
void
roster_roster_dialog_select_month(RosterRosterDialog *self, const gchar *first_day);

G_END_DECLS
