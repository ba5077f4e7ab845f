/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* record access, the reading side: list parameters, pages, single records and the
 * audit log, each as the caller may see it */

#include "config.h"

#include "roster-engine-records-private.h"
#include "roster-json-keys.h"

#define LIST_LIMIT_DEFAULT 50
#define LIST_LIMIT_MAX	   500
#define QUERY_MAX_CHARS	   100

static gboolean
parse_int_param(const gchar *key,
		const gchar *value,
		gint64 min,
		gint64 max,
		gint64 *out,
		GError **error)
{
	guint64 v = 0;

	if (!g_ascii_string_to_unsigned(value, 10, (guint64)MAX(min, 0), (guint64)max, &v, NULL)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "must be a whole number from %" G_GINT64_FORMAT
				       " to %" G_GINT64_FORMAT,
				       min,
				       max);
		return FALSE;
	}
	*out = (gint64)v;
	return TRUE;
}

static gboolean
parse_choice_param(const RosterKind *kind,
		   const gchar *field_key,
		   const gchar *key,
		   const gchar *value,
		   GError **error)
{
	const RosterField *field = roster_kind_get_field(kind, field_key);
	g_autofree gchar *list = NULL;

	if (g_strv_contains((const gchar *const *)field->choices, value))
		return TRUE;
	list = g_strjoinv(", ", (gchar **)field->choices);
	roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, key, "must be one of %s", list);
	return FALSE;
}

static gboolean
parse_param(const RosterKind *kind,
	    const gchar *key,
	    const gchar *value,
	    RosterStoreFilter *filter,
	    GError **error)
{
	if (g_strcmp0(key, ROSTER_PARAM_OFFSET) == 0)
		return parse_int_param(key, value, 0, G_MAXINT32, &filter->offset, error);
	if (g_strcmp0(key, ROSTER_PARAM_LIMIT) == 0)
		return parse_int_param(key, value, 1, LIST_LIMIT_MAX, &filter->limit, error);
	if (kind == NULL || !roster_kind_has_filter(kind, key)) {
		roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, key, "unknown parameter");
		return FALSE;
	}
	if (g_strcmp0(key, ROSTER_PARAM_Q) == 0) {
		if (g_utf8_strlen(value, -1) > QUERY_MAX_CHARS) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       key,
					       "longer than %d characters",
					       QUERY_MAX_CHARS);
			return FALSE;
		}
		filter->q = value;
		return TRUE;
	}
	if (g_strcmp0(key, ROSTER_PARAM_TIER) == 0 || g_strcmp0(key, ROSTER_PARAM_ROLE) == 0) {
		filter->choice = value;
		return parse_choice_param(kind, key, key, value, error);
	}
	if (g_strcmp0(key, ROSTER_PARAM_TEAM) == 0)
		return parse_int_param(key, value, 1, G_MAXINT64, &filter->team, error);
	if (g_strcmp0(key, ROSTER_PARAM_ACTIVE) == 0) {
		if (g_strcmp0(value, "true") != 0 && g_strcmp0(value, "false") != 0) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       key,
					       "must be true or false");
			return FALSE;
		}
		filter->active = g_strcmp0(value, "true") == 0 ? 1 : 0;
		return TRUE;
	}
	roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, key, "unknown parameter");
	return FALSE;
}

/* the params in a stable order, so that the first bad one is always the same */
static gboolean
parse_params(const RosterKind *kind, GHashTable *params, RosterStoreFilter *filter, GError **error)
{
	g_autoptr(GList) keys = NULL;

	roster_store_filter_init(filter);
	filter->limit = LIST_LIMIT_DEFAULT;
	if (params == NULL)
		return TRUE;
	keys = g_list_sort(g_hash_table_get_keys(params), (GCompareFunc)g_strcmp0);
	for (GList *l = keys; l != NULL; l = l->next) {
		if (!parse_param(kind,
				 l->data,
				 g_hash_table_lookup(params, l->data),
				 filter,
				 error))
			return FALSE;
	}
	return TRUE;
}

static JsonNode *
envelope(GPtrArray *items, gint64 total, const RosterStoreFilter *filter)
{
	g_autoptr(JsonArray) array = json_array_sized_new(items->len);
	JsonNode *node;

	for (guint i = 0; i < items->len; i++)
		json_array_add_element(array, json_node_ref(g_ptr_array_index(items, i)));
	node = roster_engine_new_list(array, total);
	json_object_set_int_member(json_node_get_object(node), ROSTER_KEY_OFFSET, filter->offset);
	json_object_set_int_member(json_node_get_object(node), ROSTER_KEY_LIMIT, filter->limit);
	return node;
}

static gboolean
check_audit_access(RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_MANAGERS,
					      ROSTER_COLLECTION_AUDIT,
					      "only admins and managers may read the audit log",
					      error);
}

static void
redact_member(JsonObject *entry, const gchar *member, const RosterKind *kind)
{
	JsonNode *node = json_object_get_member(entry, member);
	JsonObject *obj;

	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return;
	obj = json_node_get_object(node);
	for (guint i = 0; i < kind->n_fields; i++) {
		if (kind->fields[i].flags & ROSTER_FIELD_FLAG_PERSONAL)
			json_object_remove_member(obj, kind->fields[i].key);
	}
}

/* personal fields inside before and after are only for admins */
static void
redact_audit(RosterPrincipal *principal, JsonNode *entry)
{
	JsonObject *obj = json_node_get_object(entry);
	const RosterKind *kind = roster_kind_lookup(
	    json_object_get_string_member_with_default(obj, ROSTER_KEY_COLLECTION, NULL));

	if (roster_principal_get_role(principal) == ROSTER_ROLE_ADMIN || kind == NULL)
		return;
	redact_member(obj, ROSTER_KEY_BEFORE, kind);
	redact_member(obj, ROSTER_KEY_AFTER, kind);
}

/* a bound of the audit's time range: a time with its offset, kept as UTC in the form
 * the audit's rows are written in, so that the two compare as text */
static gboolean
parse_time_param(const gchar *key, const gchar *value, gchar **utc, GError **error)
{
	g_autoptr(GDateTime) time = g_date_time_new_from_iso8601(value, NULL);
	g_autoptr(GDateTime) in_utc = NULL;

	if (time == NULL) {
		roster_error_set_field(
		    error,
		    ROSTER_ERROR_INVALID_DATA,
		    key,
		    "must be a time with its offset, e.g. 2026-12-01T00:00:00+08:00");
		return FALSE;
	}
	in_utc = g_date_time_to_utc(time);
	g_free(*utc);
	*utc = g_date_time_format(in_utc, "%Y-%m-%dT%H:%M:%SZ");
	return TRUE;
}

static gboolean
parse_audit_param(const gchar *key,
		  const gchar *value,
		  RosterStoreFilter *filter,
		  const gchar **collection,
		  gint64 *record_id,
		  gchar **from,
		  gchar **to,
		  GError **error)
{
	if (g_strcmp0(key, ROSTER_PARAM_FROM) == 0)
		return parse_time_param(key, value, from, error);
	if (g_strcmp0(key, ROSTER_PARAM_TO) == 0)
		return parse_time_param(key, value, to, error);
	if (g_strcmp0(key, ROSTER_PARAM_COLLECTION) == 0) {
		*collection = value;
		return TRUE;
	}
	if (g_strcmp0(key, ROSTER_PARAM_RECORD_ID) == 0)
		return parse_int_param(key, value, 1, G_MAXINT64, record_id, error);
	if (g_strcmp0(key, ROSTER_PARAM_ACTOR) == 0) {
		filter->q = value;
		return TRUE;
	}
	return parse_param(NULL, key, value, filter, error);
}

static JsonNode *
list_audit(RosterEngine *self,
	   RosterPrincipal *principal,
	   gint64 parent_id,
	   GHashTable *params,
	   GError **error)
{
	RosterStoreFilter filter;
	const gchar *collection = NULL;
	gint64 record_id = 0;
	gint64 total = 0;
	g_autoptr(GPtrArray) entries = NULL;
	g_autoptr(GList) keys = NULL;
	g_autofree gchar *from = NULL;
	g_autofree gchar *to = NULL;

	if (!check_audit_access(principal, error))
		return NULL;
	if (parent_id != 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_NOT_FOUND,
				    "audit: not a sub-collection");
		return NULL;
	}
	roster_store_filter_init(&filter);
	filter.limit = LIST_LIMIT_DEFAULT;
	if (params != NULL)
		keys = g_list_sort(g_hash_table_get_keys(params), (GCompareFunc)g_strcmp0);
	for (GList *l = keys; l != NULL; l = l->next) {
		if (!parse_audit_param(l->data,
				       g_hash_table_lookup(params, l->data),
				       &filter,
				       &collection,
				       &record_id,
				       &from,
				       &to,
				       error))
			return NULL;
	}
	entries = roster_store_list_audit_between(roster_engine_get_store(self),
						  collection,
						  record_id,
						  filter.q,
						  from,
						  to,
						  filter.offset,
						  filter.limit,
						  &total,
						  error);
	if (entries == NULL)
		return NULL;
	for (guint i = 0; i < entries->len; i++)
		redact_audit(principal, g_ptr_array_index(entries, i));
	return envelope(entries, total, &filter);
}

/**
 * roster_engine_list:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name
 * @parent_id: the parent record of a sub-collection, else 0
 * @params: (nullable) (element-type utf8 utf8): list parameters
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): `{"items":[…],"total":N,"offset":N,"limit":N}`
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_list(RosterEngine *self,
		   RosterPrincipal *principal,
		   const gchar *collection,
		   gint64 parent_id,
		   GHashTable *params,
		   GError **error)
{
	const RosterKind *kind;
	RosterStoreFilter filter;
	gint64 total = 0;
	g_autoptr(GPtrArray) records = NULL;
	g_autoptr(GPtrArray) items =
	    g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref);

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(principal != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_ensure_open(self, error))
		return NULL;
	if (roster_engine_records_is_audit(collection))
		return list_audit(self, principal, parent_id, params, error);
	kind = roster_engine_records_open_kind(self,
					       principal,
					       collection,
					       parent_id,
					       0,
					       ROSTER_ENGINE_ACCESS_READ,
					       error);
	if (kind == NULL)
		return NULL;
	if (!parse_params(kind, params, &filter, error))
		return NULL;
	if (kind->parent_key != NULL)
		filter.parent_id = parent_id;
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER &&
	    g_strcmp0(collection, ROSTER_COLLECTION_VOLUNTEERS) == 0)
		filter.only_id = roster_principal_get_volunteer_id(principal);
	records =
	    roster_store_list_records(roster_engine_get_store(self), kind, &filter, &total, error);
	if (records == NULL)
		return NULL;
	for (guint i = 0; i < records->len; i++) {
		RosterRecord *record = g_ptr_array_index(records, i);
		g_ptr_array_add(
		    items,
		    roster_record_to_node(record,
					  roster_engine_records_output_flags(principal, record)));
	}
	return envelope(items, total, &filter);
}

/**
 * roster_engine_get:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name
 * @parent_id: the parent record of a sub-collection, else 0
 * @id: the record id
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the record as @principal may see it
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_get(RosterEngine *self,
		  RosterPrincipal *principal,
		  const gchar *collection,
		  gint64 parent_id,
		  gint64 id,
		  GError **error)
{
	const RosterKind *kind;
	g_autoptr(RosterRecord) record = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(principal != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_ensure_open(self, error))
		return NULL;
	if (roster_engine_records_is_audit(collection)) {
		JsonNode *entry;
		if (!check_audit_access(principal, error))
			return NULL;
		entry = roster_store_get_audit(roster_engine_get_store(self), id, error);
		if (entry != NULL)
			redact_audit(principal, entry);
		return entry;
	}
	kind = roster_engine_records_open_kind(self,
					       principal,
					       collection,
					       parent_id,
					       id,
					       ROSTER_ENGINE_ACCESS_READ,
					       error);
	if (kind == NULL)
		return NULL;
	record = roster_engine_records_load_record(self, kind, parent_id, id, error);
	if (record == NULL)
		return NULL;
	return roster_record_to_node(record, roster_engine_records_output_flags(principal, record));
}
