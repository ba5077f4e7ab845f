/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a team's rotation in one roster, edited in the Teams view: its pattern in words, a
 * preview of the days it holds in the next weeks, saved in the roster's settings */

#pragma once

#include <adwaita.h>

#include "roster-client.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_TEAM_ROTATION (roster_team_rotation_get_type())
G_DECLARE_FINAL_TYPE(RosterTeamRotation,
		     roster_team_rotation,
		     ROSTER,
		     TEAM_ROTATION,
		     AdwPreferencesGroup)

GtkWidget *
roster_team_rotation_new(void);
void
roster_team_rotation_set_client(RosterTeamRotation *self, RosterClient *client);
void
roster_team_rotation_set_rosters(RosterTeamRotation *self, GListModel *rosters);
void
roster_team_rotation_set_team(RosterTeamRotation *self, gint64 team_id);

G_END_DECLS
