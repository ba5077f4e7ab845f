/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the addresses on the daemon a client talks to that are not API calls: the volunteers'
 * own page and its sign-in links */

#include "roster-client.h"

G_BEGIN_DECLS

gchar *
roster_client_dup_site_url(RosterClient *client, const gchar *path);

G_END_DECLS
