/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "roster-http-server.h"

G_BEGIN_DECLS

/* the calendar feed /calendar/<token>.ics and the routes of attendance, hours,
 * training, ratings, promotions, recognition and reports (roster-http-records.c) */
void
roster_http_records_register(RosterHttpServer *self, SoupServer *soup_server);

G_END_DECLS
