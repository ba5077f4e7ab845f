/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-kind.h"

G_BEGIN_DECLS

/*
 * RosterRecord is one stored record of any collection: the bookkeeping members every
 * record has (id, revision, created, modified) plus the values of the fields its
 * RosterKind describes. The kind's field table drives validation (from_json) and
 * output (to_json), so each collection is a table, not a copy of this code.
 */

#define ROSTER_TYPE_RECORD (roster_record_get_type())
G_DECLARE_FINAL_TYPE(RosterRecord, roster_record, ROSTER, RECORD, GObject)

typedef enum {
	ROSTER_RECORD_FLAG_NONE = 0,
	/* include personal fields (phone, e-mail) */
	ROSTER_RECORD_FLAG_TRUSTED = 1 << 0,
} RosterRecordFlags;

RosterRecord *
roster_record_new(const RosterKind *kind);
const RosterKind *
roster_record_get_kind(RosterRecord *self);
gint64
roster_record_get_id(RosterRecord *self);
void
roster_record_set_id(RosterRecord *self, gint64 id);
gint64
roster_record_get_revision(RosterRecord *self);
void
roster_record_set_revision(RosterRecord *self, gint64 revision);
const gchar *
roster_record_get_created(RosterRecord *self);
void
roster_record_set_created(RosterRecord *self, const gchar *created);
const gchar *
roster_record_get_modified(RosterRecord *self);
void
roster_record_set_modified(RosterRecord *self, const gchar *modified);

/* the field values, keyed by member name; also holds stored-only values such as an
 * account's password hash, which to_json never writes */
JsonObject *
roster_record_get_values(RosterRecord *self);
JsonNode *
roster_record_get_value(RosterRecord *self, const gchar *key);
gint64
roster_record_get_int(RosterRecord *self, const gchar *key, gint64 default_value);
const gchar *
roster_record_get_string(RosterRecord *self, const gchar *key);
gboolean
roster_record_get_bool(RosterRecord *self, const gchar *key, gboolean default_value);
void
roster_record_set_value(RosterRecord *self, const gchar *key, JsonNode *value);

void
roster_record_to_json(RosterRecord *self, JsonBuilder *builder, RosterRecordFlags flags);
JsonNode *
roster_record_to_node(RosterRecord *self, RosterRecordFlags flags);
RosterRecord *
roster_record_from_json(const RosterKind *kind,
			JsonNode *node,
			RosterRecord *existing,
			GError **error);

G_END_DECLS
