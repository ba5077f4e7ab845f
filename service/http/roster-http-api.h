/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the two constants of the HTTP API that its files and the tests share */

#pragma once

/* the largest request body accepted, in bytes; larger ones get 413 */
#define ROSTER_HTTP_MAX_BODY_SIZE (1024 * 1024)

/* the prefix of every route */
#define ROSTER_HTTP_API_PREFIX "/api/v1"
