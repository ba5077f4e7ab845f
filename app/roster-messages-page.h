/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the messages view: the outbox's messages and the notifier's settings */

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_MESSAGES_PAGE (roster_messages_page_get_type())
G_DECLARE_FINAL_TYPE(RosterMessagesPage, roster_messages_page, ROSTER, MESSAGES_PAGE, RosterPage)

G_END_DECLS
