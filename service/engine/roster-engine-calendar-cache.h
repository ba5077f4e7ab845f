/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine-calendar.h"

G_BEGIN_DECLS

/*
 * The rendered personal feeds, kept until the database changes: a calendar program
 * polls the same feed again and again, and building one reads the published history
 * of every roster. The cache holds the two counters of the data it was filled from
 * (the engine's writes and the store's data version); when either moved, it forgets
 * every feed. Its size is bounded by the bytes of the texts.
 */

typedef struct _RosterCalendarCache RosterCalendarCache;

RosterCalendarCache *
roster_calendar_cache_new(gsize max_bytes);
void
roster_calendar_cache_free(RosterCalendarCache *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterCalendarCache, roster_calendar_cache_free)

void
roster_calendar_cache_validate(RosterCalendarCache *self, guint64 generation, gint64 data_version);
const RosterCalendarFeed *
roster_calendar_cache_lookup(RosterCalendarCache *self, const gchar *key);
void
roster_calendar_cache_insert(RosterCalendarCache *self, const gchar *key, RosterCalendarFeed *feed);
guint
roster_calendar_cache_get_size(RosterCalendarCache *self);

G_END_DECLS
