/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-store.h"

G_BEGIN_DECLS

/* whether the database changed: a number for caches of what was read from it */

gboolean
roster_store_get_data_version(RosterStore *self, gint64 *version, GError **error);

G_END_DECLS
