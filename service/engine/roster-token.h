/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* a bearer secret: 32 random bytes, shown once as 64 lower-case hex digits; only
 * its hash is stored */
#define ROSTER_TOKEN_BYTES	32
#define ROSTER_TOKEN_HEX_LEN	(ROSTER_TOKEN_BYTES * 2)
#define ROSTER_TOKEN_HASH_BYTES 32

void
roster_token_new(gchar hex[ROSTER_TOKEN_HEX_LEN + 1], guint8 hash[ROSTER_TOKEN_HASH_BYTES]);
gboolean
roster_token_hash_hex(const gchar *hex, guint8 hash[ROSTER_TOKEN_HASH_BYTES]);

G_END_DECLS
