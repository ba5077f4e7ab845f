/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine-private.h"

G_BEGIN_DECLS

/* shared by the record access of roster-engine-records.c (writes),
 * roster-engine-records-read.c (lists, gets and the audit log) and
 * roster-engine-records-async.c (writes that hash a password in a worker thread) */

typedef enum {
	ROSTER_ENGINE_ACCESS_READ,
	ROSTER_ENGINE_ACCESS_CREATE,
	ROSTER_ENGINE_ACCESS_UPDATE,
	ROSTER_ENGINE_ACCESS_DELETE,
} RosterEngineAccess;

/* may @principal do @access on @kind (under @parent_id, on record @id, 0 for none)? */
gboolean
roster_engine_records_check_access(RosterPrincipal *principal,
				   const RosterKind *kind,
				   gint64 parent_id,
				   gint64 id,
				   RosterEngineAccess access,
				   GError **error);

/* what every record access opens with: the audit log refused for a write, the kind
 * of @collection (checking @parent_id) and may @principal do @access on it */
const RosterKind *
roster_engine_records_open_kind(RosterEngine *self,
				RosterPrincipal *principal,
				const gchar *collection,
				gint64 parent_id,
				gint64 id,
				RosterEngineAccess access,
				GError **error);

/* what of @record @principal may see */
RosterRecordFlags
roster_engine_records_output_flags(RosterPrincipal *principal, RosterRecord *record);

/* the audit log, read-only, is listed as a collection */
gboolean
roster_engine_records_is_audit(const gchar *collection);

/* the stored record @id, which must belong to @parent_id in a sub-collection */
RosterRecord *
roster_engine_records_load_record(RosterEngine *self,
				  const RosterKind *kind,
				  gint64 parent_id,
				  gint64 id,
				  GError **error);

/* checks, validates and writes a new record of @collection with its audit row */
JsonNode *
roster_engine_records_create_record(RosterEngine *self,
				    RosterPrincipal *principal,
				    const gchar *collection,
				    gint64 parent_id,
				    JsonNode *body,
				    const RosterPasswordHash *prehashed,
				    GError **error);
/* checks, validates and writes a change of record @id with its audit row */
JsonNode *
roster_engine_records_update_record(RosterEngine *self,
				    RosterPrincipal *principal,
				    const gchar *collection,
				    gint64 parent_id,
				    gint64 id,
				    JsonNode *body,
				    const RosterPasswordHash *prehashed,
				    GError **error);

G_END_DECLS
