/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the availability rounds view: open a round, see who has answered */

#pragma once

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_ROUNDS_PAGE (roster_rounds_page_get_type())
G_DECLARE_FINAL_TYPE(RosterRoundsPage, roster_rounds_page, ROSTER, ROUNDS_PAGE, RosterPage)

GtkWidget *
roster_rounds_page_new(void);

G_END_DECLS
