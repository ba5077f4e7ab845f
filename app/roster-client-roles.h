/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* what the role of a client's account may change, as the daemon's permission checks
 * allow it: the views show no button whose call the daemon would refuse */

#include "roster-client.h"

G_BEGIN_DECLS

gboolean
roster_client_can_plan(RosterClient *client);
gboolean
roster_client_can_keep_records(RosterClient *client);
gboolean
roster_client_is_admin(RosterClient *client);

G_END_DECLS
