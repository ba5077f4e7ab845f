/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-json-keys.h"
#include "roster-record.h"

struct _RosterRecord {
	GObject parent_instance;
	const RosterKind *kind;
	gint64 id;
	gint64 revision;
	gchar *created;
	gchar *modified;
	JsonObject *values;
};

G_DEFINE_FINAL_TYPE(RosterRecord, roster_record, G_TYPE_OBJECT)

static void
roster_record_finalize(GObject *object)
{
	RosterRecord *self = ROSTER_RECORD(object);

	g_free(self->created);
	g_free(self->modified);
	json_object_unref(self->values);
	G_OBJECT_CLASS(roster_record_parent_class)->finalize(object);
}

static void
roster_record_class_init(RosterRecordClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = roster_record_finalize;
}

static void
roster_record_init(RosterRecord *self)
{
	self->values = json_object_new();
}

/**
 * roster_record_new:
 * @kind: the collection's #RosterKind
 *
 * Returns: (transfer full): an empty record of @kind
 *
 * Since: 0.1
 **/
RosterRecord *
roster_record_new(const RosterKind *kind)
{
	RosterRecord *self;

	g_return_val_if_fail(kind != NULL, NULL);
	self = g_object_new(ROSTER_TYPE_RECORD, NULL);
	self->kind = kind;
	return self;
}

const RosterKind *
roster_record_get_kind(RosterRecord *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORD(self), NULL);
	return self->kind;
}

gint64
roster_record_get_id(RosterRecord *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORD(self), 0);
	return self->id;
}

void
roster_record_set_id(RosterRecord *self, gint64 id)
{
	g_return_if_fail(ROSTER_IS_RECORD(self));
	self->id = id;
}

gint64
roster_record_get_revision(RosterRecord *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORD(self), 0);
	return self->revision;
}

void
roster_record_set_revision(RosterRecord *self, gint64 revision)
{
	g_return_if_fail(ROSTER_IS_RECORD(self));
	self->revision = revision;
}

const gchar *
roster_record_get_created(RosterRecord *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORD(self), NULL);
	return self->created;
}

void
roster_record_set_created(RosterRecord *self, const gchar *created)
{
	g_return_if_fail(ROSTER_IS_RECORD(self));
	g_free(self->created);
	self->created = g_strdup(created);
}

const gchar *
roster_record_get_modified(RosterRecord *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORD(self), NULL);
	return self->modified;
}

void
roster_record_set_modified(RosterRecord *self, const gchar *modified)
{
	g_return_if_fail(ROSTER_IS_RECORD(self));
	g_free(self->modified);
	self->modified = g_strdup(modified);
}

/**
 * roster_record_get_values:
 * @self: a #RosterRecord
 *
 * Returns: (transfer none): the field values
 *
 * Since: 0.1
 **/
JsonObject *
roster_record_get_values(RosterRecord *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORD(self), NULL);
	return self->values;
}

/**
 * roster_record_get_value:
 * @self: a #RosterRecord
 * @key: a member name
 *
 * Returns: (transfer none) (nullable): the value of @key, or %NULL when unset
 *
 * Since: 0.1
 **/
JsonNode *
roster_record_get_value(RosterRecord *self, const gchar *key)
{
	g_return_val_if_fail(ROSTER_IS_RECORD(self), NULL);
	return json_object_get_member(self->values, key);
}

gint64
roster_record_get_int(RosterRecord *self, const gchar *key, gint64 default_value)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_RECORD(self), default_value);
	node = json_object_get_member(self->values, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_INT64)
		return default_value;
	return json_node_get_int(node);
}

const gchar *
roster_record_get_string(RosterRecord *self, const gchar *key)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_RECORD(self), NULL);
	node = json_object_get_member(self->values, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
}

gboolean
roster_record_get_bool(RosterRecord *self, const gchar *key, gboolean default_value)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_RECORD(self), default_value);
	node = json_object_get_member(self->values, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_BOOLEAN)
		return default_value;
	return json_node_get_boolean(node);
}

/**
 * roster_record_set_value:
 * @self: a #RosterRecord
 * @key: a member name
 * @value: (transfer full) (nullable): the value, or %NULL to remove the member
 *
 * Since: 0.1
 **/
void
roster_record_set_value(RosterRecord *self, const gchar *key, JsonNode *value)
{
	g_return_if_fail(ROSTER_IS_RECORD(self));
	if (value == NULL) {
		json_object_remove_member(self->values, key);
		return;
	}
	json_object_set_member(self->values, key, value);
}

/**
 * roster_record_to_json:
 * @self: a #RosterRecord
 * @builder: a #JsonBuilder
 * @flags: #RosterRecordFlags
 *
 * Adds the record as a JSON object; personal fields only with
 * %ROSTER_RECORD_FLAG_TRUSTED, write-only fields never.
 *
 * Since: 0.1
 **/
void
roster_record_to_json(RosterRecord *self, JsonBuilder *builder, RosterRecordFlags flags)
{
	g_return_if_fail(ROSTER_IS_RECORD(self));
	g_return_if_fail(JSON_IS_BUILDER(builder));

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_ID);
	json_builder_add_int_value(builder, self->id);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, self->revision);
	json_builder_set_member_name(builder, ROSTER_KEY_CREATED);
	json_builder_add_string_value(builder, self->created);
	json_builder_set_member_name(builder, ROSTER_KEY_MODIFIED);
	json_builder_add_string_value(builder, self->modified);
	for (guint i = 0; i < self->kind->n_fields; i++) {
		const RosterField *field = &self->kind->fields[i];
		JsonNode *value = json_object_get_member(self->values, field->key);
		if (field->flags & ROSTER_FIELD_FLAG_WRITE_ONLY)
			continue;
		if ((field->flags & ROSTER_FIELD_FLAG_PERSONAL) &&
		    (flags & ROSTER_RECORD_FLAG_TRUSTED) == 0)
			continue;
		json_builder_set_member_name(builder, field->key);
		json_builder_add_value(builder,
				       value != NULL ? json_node_copy(value)
						     : json_node_new(JSON_NODE_NULL));
	}
	json_builder_end_object(builder);
}

/**
 * roster_record_to_node:
 * @self: a #RosterRecord
 * @flags: #RosterRecordFlags
 *
 * Returns: (transfer full): the record as a JSON object node
 *
 * Since: 0.1
 **/
JsonNode *
roster_record_to_node(RosterRecord *self, RosterRecordFlags flags)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_RECORD(self), NULL);
	roster_record_to_json(self, builder, flags);
	return json_builder_get_root(builder);
}

static gboolean
check_members(const RosterKind *kind, JsonObject *obj, gboolean is_update, GError **error)
{
	g_autoptr(GList) members = json_object_get_members(obj);

	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		const RosterField *field = roster_kind_get_field(kind, key);
		if (g_strcmp0(key, ROSTER_KEY_REVISION) == 0 && is_update)
			continue;
		if (g_strcmp0(key, ROSTER_KEY_ID) == 0 || g_strcmp0(key, ROSTER_KEY_CREATED) == 0 ||
		    g_strcmp0(key, ROSTER_KEY_MODIFIED) == 0 ||
		    g_strcmp0(key, ROSTER_KEY_REVISION) == 0 ||
		    (field != NULL && (field->flags & ROSTER_FIELD_FLAG_READ_ONLY))) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       key,
					       "read-only field");
			return FALSE;
		}
		if (field == NULL) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       key,
					       "unknown field");
			return FALSE;
		}
	}
	return TRUE;
}

static gboolean
check_required(const RosterKind *kind, JsonObject *obj, gboolean is_update, GError **error)
{
	if (is_update) {
		JsonNode *rev = json_object_get_member(obj, ROSTER_KEY_REVISION);
		if (rev == NULL) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_REVISION,
					       "required");
			return FALSE;
		}
		if (!JSON_NODE_HOLDS_VALUE(rev) || json_node_get_value_type(rev) != G_TYPE_INT64) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_REVISION,
					       "must be an integer");
			return FALSE;
		}
		return TRUE;
	}
	for (guint i = 0; i < kind->n_fields; i++) {
		const RosterField *field = &kind->fields[i];
		if ((field->flags & ROSTER_FIELD_FLAG_REQUIRED) &&
		    !json_object_has_member(obj, field->key)) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       field->key,
					       "required");
			return FALSE;
		}
	}
	return TRUE;
}

static void
copy_member_cb(JsonObject *object, const gchar *key, JsonNode *node, gpointer user_data)
{
	json_object_set_member(user_data, key, json_node_copy(node));
}

static JsonObject *
merge_values(const RosterKind *kind, JsonObject *obj, RosterRecord *existing)
{
	g_autoptr(JsonObject) values = json_object_new();

	if (existing != NULL) {
		json_object_foreach_member(existing->values, copy_member_cb, values);
	} else {
		for (guint i = 0; i < kind->n_fields; i++) {
			const RosterField *field = &kind->fields[i];
			if (field->flags & ROSTER_FIELD_FLAG_WRITE_ONLY)
				continue;
			json_object_set_member(values,
					       field->key,
					       field->default_json != NULL
						   ? json_from_string(field->default_json, NULL)
						   : json_node_new(JSON_NODE_NULL));
		}
	}
	for (guint i = 0; i < kind->n_fields; i++) {
		JsonNode *value = json_object_get_member(obj, kind->fields[i].key);
		if (value != NULL)
			json_object_set_member(values, kind->fields[i].key, json_node_copy(value));
	}
	return g_steal_pointer(&values);
}

/**
 * roster_record_from_json:
 * @kind: the collection's #RosterKind
 * @node: a request body
 * @existing: (nullable): the stored record for an update, or %NULL to create
 * @error: a #GError, or %NULL
 *
 * Validates @node and returns a new record: for a create, absent members take their
 * defaults; for an update, members present replace those of @existing (which is not
 * changed) and the body must carry the revision. The merged record is checked as a
 * whole. A body that is not an object is %ROSTER_ERROR_MALFORMED; anything else wrong
 * is %ROSTER_ERROR_INVALID_DATA with a message starting with the field name and ": ".
 *
 * Returns: (transfer full): a new #RosterRecord, or %NULL on error
 *
 * Since: 0.1
 **/
RosterRecord *
roster_record_from_json(const RosterKind *kind,
			JsonNode *node,
			RosterRecord *existing,
			GError **error)
{
	JsonObject *obj;
	g_autoptr(RosterRecord) record = NULL;
	g_autoptr(JsonObject) values = NULL;
	g_autoptr(GList) members = NULL;

	g_return_val_if_fail(kind != NULL, NULL);
	g_return_val_if_fail(existing == NULL || ROSTER_IS_RECORD(existing), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_MALFORMED,
				    "the request body must be a JSON object");
		return NULL;
	}
	obj = json_node_get_object(node);
	if (!check_members(kind, obj, existing != NULL, error))
		return NULL;
	if (!check_required(kind, obj, existing != NULL, error))
		return NULL;
	members = json_object_get_members(obj);
	for (GList *l = members; l != NULL; l = l->next) {
		const RosterField *field = roster_kind_get_field(kind, l->data);
		if (field == NULL)
			continue;
		if (!roster_field_validate(field, json_object_get_member(obj, l->data), error))
			return NULL;
	}
	values = merge_values(kind, obj, existing);
	if (kind->check != NULL && !kind->check(values, error))
		return NULL;

	record = roster_record_new(kind);
	json_object_unref(record->values);
	record->values = g_steal_pointer(&values);
	if (existing != NULL) {
		record->id = existing->id;
		record->revision = existing->revision;
		record->created = g_strdup(existing->created);
		record->modified = g_strdup(existing->modified);
	}
	return g_steal_pointer(&record);
}
