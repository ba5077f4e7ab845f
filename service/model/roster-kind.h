/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-error.h"

G_BEGIN_DECLS

/*
 * A RosterKind describes one collection: its member fields with their types, limits
 * and formats, the list filters it accepts and a check across fields. The tables are
 * static and immutable, so they are shared freely between threads.
 */

/* a stored value that is no field: an account's Argon2id password hash, never output */
#define ROSTER_RECORD_KEY_PASSWORD_HASH "password_hash"

typedef enum {
	ROSTER_FIELD_TYPE_STRING,
	ROSTER_FIELD_TYPE_INT,
	ROSTER_FIELD_TYPE_BOOL,
	ROSTER_FIELD_TYPE_ARRAY,
	/* an integer or a decimal number (hours) */
	ROSTER_FIELD_TYPE_NUMBER,
} RosterFieldType;

typedef enum {
	ROSTER_FIELD_FLAG_NONE = 0,
	/* must be present when the record is created */
	ROSTER_FIELD_FLAG_REQUIRED = 1 << 0,
	/* null is a valid value; absent optional fields are null */
	ROSTER_FIELD_FLAG_NULLABLE = 1 << 1,
	/* personal data: shown only to trusted callers */
	ROSTER_FIELD_FLAG_PERSONAL = 1 << 2,
	/* accepted in input, never written out (passwords) */
	ROSTER_FIELD_FLAG_WRITE_ONLY = 1 << 3,
	/* a volunteer may change this field on its own record */
	ROSTER_FIELD_FLAG_SELF_EDIT = 1 << 4,
	/* no two records of the collection share the value */
	ROSTER_FIELD_FLAG_UNIQUE = 1 << 5,
	/* set by the engine, never by a request body (the parent id) */
	ROSTER_FIELD_FLAG_READ_ONLY = 1 << 6,
} RosterFieldFlags;

/* checks a string value or one array item; the message names no field, the caller
 * prefixes it */
typedef gboolean (*RosterFieldCheckFunc)(JsonNode *value, GError **error);

typedef struct {
	const gchar *key;
	RosterFieldType type;
	RosterFieldFlags flags;
	/* int: value range; string: length in characters; array: number of items */
	gint64 min;
	gint64 max;
	/* the allowed values of a string enum */
	const gchar *const *choices;
	/* the format of a string, or of each item of an array */
	RosterFieldCheckFunc check;
	/* the value, as JSON text, when the member is absent on create; NULL means null */
	const gchar *default_json;
	/* the collection a non-null id must exist in */
	const gchar *references;
	/* the field's name for people in a spreadsheet (Chinese), or NULL for its key;
	 * columns a file format lists by hand name themselves there */
	const gchar *label;
} RosterField;

typedef struct {
	const gchar *collection;
	/* the member holding the parent's id in a sub-collection, or NULL; its field's
	 * references names the parent collection */
	const gchar *parent_key;
	const RosterField *fields;
	guint n_fields;
	/* list parameters accepted besides offset and limit, NULL-terminated */
	const gchar *const *filters;
	/* a check across fields of the merged record */
	gboolean (*check)(JsonObject *values, GError **error);
} RosterKind;

const RosterKind *
roster_kind_lookup(const gchar *collection);
const RosterField *
roster_kind_get_field(const RosterKind *kind, const gchar *key);
const RosterField *
roster_kind_get_unique_field(const RosterKind *kind);
gboolean
roster_kind_has_filter(const RosterKind *kind, const gchar *name);
gboolean
roster_field_validate(const RosterField *field, JsonNode *value, GError **error);
gboolean
roster_kind_validate_members(const RosterKind *kind, JsonObject *obj, GError **error);

G_END_DECLS
