/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"
#include "roster-hotline-model.h"
#include "roster-store.h"

G_BEGIN_DECLS

/* the actor of writes the daemon makes by itself, such as the first admin */
#define ROSTER_ENGINE_SYSTEM_USERNAME "system"
/* the actor of the command-line tool */
#define ROSTER_ENGINE_LOCAL_USERNAME "roster-tool"

RosterStore *
roster_engine_get_store(RosterEngine *self);
gboolean
roster_engine_ensure_open(RosterEngine *self, GError **error);
/* hashes the write-only password of an account record into its stored hash */
gboolean
roster_engine_hash_record_password(RosterEngine *self, RosterRecord *record, GError **error);
RosterPrincipal *
roster_principal_new(gint64 account_id,
		     const gchar *username,
		     RosterRole role,
		     gint64 volunteer_id);
gchar *
roster_engine_dup_now(void);

/* writes @record (new when its id is 0) with its audit row inside the caller's
 * transaction; @before is the stored record for an update */
gboolean
roster_engine_write_record(RosterEngine *self,
			   RosterPrincipal *principal,
			   RosterRecord *record,
			   RosterRecord *before,
			   GError **error);

/* the hotline's calendar, seat classes and demand, read for a solve or a report */
gboolean
roster_engine_load_hotline_calendar(RosterEngine *self, RosterHotline *h, GError **error);
gboolean
roster_engine_load_hotline_seats(RosterEngine *self, RosterHotline *h, GError **error);

G_END_DECLS
