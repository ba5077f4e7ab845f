/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "roster-http-server.h"

G_BEGIN_DECLS

/* the routes under /api/v1/rosters (roster-http-rosters.c) */
void
roster_http_rosters_register(RosterHttpServer *self, SoupServer *soup_server);

G_END_DECLS
