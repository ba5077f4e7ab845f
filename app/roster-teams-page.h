/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the teams editor: the rotating teams and their members */

#pragma once

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_TEAMS_PAGE (roster_teams_page_get_type())
G_DECLARE_FINAL_TYPE(RosterTeamsPage, roster_teams_page, ROSTER, TEAMS_PAGE, RosterPage)

GtkWidget *
roster_teams_page_new(void);

G_END_DECLS
