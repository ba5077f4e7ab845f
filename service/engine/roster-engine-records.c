/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-private.h"
#include "roster-engine-records-private.h"
#include "roster-json-keys.h"

/*
 * Record access for every collection through its RosterKind: resolve the collection,
 * check the caller's role, validate, write the change and its audit row in one
 * transaction, and answer with the record as the caller may see it.
 */

/* may @principal do @access on @kind (under @parent_id, on record @id, 0 for none)? */
gboolean
roster_engine_records_check_access(RosterPrincipal *principal,
				   const RosterKind *kind,
				   gint64 parent_id,
				   gint64 id,
				   RosterEngineAccess access,
				   GError **error)
{
	gint64 own = roster_principal_get_volunteer_id(principal);
	const gchar *collection = kind->collection;
	/* volunteers, when the account is linked to one */
	guint volunteer = own > 0 ? ROSTER_ROLE_BIT(ROSTER_ROLE_VOLUNTEER) : 0;
	gboolean own_record =
	    (g_strcmp0(collection, ROSTER_COLLECTION_AVAILABILITY) == 0 && parent_id == own) ||
	    (g_strcmp0(collection, ROSTER_COLLECTION_VOLUNTEERS) == 0 &&
	     ((access == ROSTER_ENGINE_ACCESS_READ && (id == 0 || id == own)) ||
	      (access == ROSTER_ENGINE_ACCESS_UPDATE && id == own)));

	if (g_strcmp0(collection, ROSTER_COLLECTION_ACCOUNTS) == 0)
		return roster_engine_check_permission(principal,
						      ROSTER_ROLE_BIT(ROSTER_ROLE_ADMIN),
						      collection,
						      "only admins may see or change accounts",
						      error);
	/* planners do anything, a manager reads, a volunteer sees and changes its own
	 * record and availability */
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_STAFF | volunteer,
					      collection,
					      "no access without a role",
					      error) &&
	       roster_engine_check_permission(principal,
					      (access == ROSTER_ENGINE_ACCESS_READ
						   ? ROSTER_ROLES_STAFF
						   : ROSTER_ROLES_PLANNERS) |
						  volunteer,
					      collection,
					      "a manager may only read",
					      error) &&
	       roster_engine_check_permission(
		   principal,
		   ROSTER_ROLES_STAFF | (own_record ? volunteer : 0),
		   collection,
		   "a volunteer may only see and change its own record and availability",
		   error);
}

RosterRecordFlags
roster_engine_records_output_flags(RosterPrincipal *principal, RosterRecord *record)
{
	RosterRole role = roster_principal_get_role(principal);
	const RosterKind *kind = roster_record_get_kind(record);

	if (role == ROSTER_ROLE_ADMIN || role == ROSTER_ROLE_COORDINATOR)
		return ROSTER_RECORD_FLAG_TRUSTED;
	if (role == ROSTER_ROLE_VOLUNTEER &&
	    g_strcmp0(kind->collection, ROSTER_COLLECTION_VOLUNTEERS) == 0 &&
	    roster_record_get_id(record) == roster_principal_get_volunteer_id(principal))
		return ROSTER_RECORD_FLAG_TRUSTED;
	return ROSTER_RECORD_FLAG_NONE;
}

gboolean
roster_engine_records_is_audit(const gchar *collection)
{
	return g_strcmp0(collection, ROSTER_COLLECTION_AUDIT) == 0;
}

/* the kind of @collection, checking that @parent_id exists where one is needed */
static const RosterKind *
resolve(RosterEngine *self, const gchar *collection, gint64 parent_id, GError **error)
{
	const RosterKind *kind = roster_kind_lookup(collection);
	const gchar *parent;
	gboolean exists = FALSE;

	if (kind == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "%s: no such collection",
			    collection != NULL ? collection : "(null)");
		return NULL;
	}
	if (kind->parent_key == NULL) {
		if (parent_id != 0) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_NOT_FOUND,
				    "%s: not a sub-collection",
				    collection);
			return NULL;
		}
		return kind;
	}
	parent = roster_kind_get_field(kind, kind->parent_key)->references;
	if (parent_id > 0 && !roster_store_record_exists(roster_engine_get_store(self),
							 parent,
							 parent_id,
							 &exists,
							 error))
		return NULL;
	if (!exists) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "%s %" G_GINT64_FORMAT ": not found",
			    parent,
			    parent_id);
		return NULL;
	}
	return kind;
}

/* the stored record @id, which must belong to @parent_id in a sub-collection */
RosterRecord *
roster_engine_records_load_record(RosterEngine *self,
				  const RosterKind *kind,
				  gint64 parent_id,
				  gint64 id,
				  GError **error)
{
	g_autoptr(RosterRecord) record =
	    roster_store_get_record(roster_engine_get_store(self), kind, id, error);

	if (record == NULL)
		return NULL;
	if (kind->parent_key != NULL &&
	    roster_record_get_int(record, kind->parent_key, 0) != parent_id) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "%s %" G_GINT64_FORMAT ": not found",
			    kind->collection,
			    id);
		return NULL;
	}
	return g_steal_pointer(&record);
}

static gboolean
check_references(RosterEngine *self, RosterRecord *record, GError **error)
{
	const RosterKind *kind = roster_record_get_kind(record);

	for (guint i = 0; i < kind->n_fields; i++) {
		const RosterField *field = &kind->fields[i];
		gint64 ref = roster_record_get_int(record, field->key, 0);
		gboolean exists = FALSE;
		if (field->references == NULL || ref <= 0)
			continue;
		if (!roster_store_record_exists(roster_engine_get_store(self),
						field->references,
						ref,
						&exists,
						error))
			return FALSE;
		if (!exists) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       field->key,
					       "there is no record %" G_GINT64_FORMAT " in %s",
					       ref,
					       field->references);
			return FALSE;
		}
	}
	return TRUE;
}

/* the audit row of a record write; the log keeps personal fields, which are removed
 * when a manager reads it */
static gboolean
add_audit(RosterEngine *self,
	  RosterPrincipal *principal,
	  const gchar *action,
	  RosterRecord *before,
	  RosterRecord *after,
	  const gchar *now,
	  GError **error)
{
	RosterRecord *record = after != NULL ? after : before;
	g_autoptr(JsonNode) before_node = NULL;
	g_autoptr(JsonNode) after_node = NULL;

	if (before != NULL)
		before_node = roster_record_to_node(before, ROSTER_RECORD_FLAG_TRUSTED);
	if (after != NULL)
		after_node = roster_record_to_node(after, ROSTER_RECORD_FLAG_TRUSTED);
	return roster_engine_add_audit_at(self,
					  principal,
					  action,
					  roster_record_get_kind(record)->collection,
					  roster_record_get_id(record),
					  before_node,
					  after_node,
					  now,
					  error);
}

gboolean
roster_engine_write_record(RosterEngine *self,
			   RosterPrincipal *principal,
			   RosterRecord *record,
			   RosterRecord *before,
			   GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autofree gchar *now = roster_engine_dup_now();

	if (!check_references(self, record, error))
		return FALSE;
	if (before == NULL) {
		if (!roster_store_insert_record(store, record, now, error))
			return FALSE;
	} else {
		if (!roster_store_update_record(store, record, now, error))
			return FALSE;
	}
	return add_audit(self,
			 principal,
			 before == NULL ? ROSTER_ACTION_CREATE : ROSTER_ACTION_UPDATE,
			 before,
			 record,
			 now,
			 error);
}

static gboolean
refuse_audit_write(const gchar *collection, GError **error)
{
	if (!roster_engine_records_is_audit(collection))
		return FALSE;
	g_set_error_literal(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_SUPPORTED,
			    "audit: the audit log is read-only");
	return TRUE;
}

/* what every record access opens with: the audit log refused for a write, the kind
 * of @collection (with its parent) and the caller's access to it */
const RosterKind *
roster_engine_records_open_kind(RosterEngine *self,
				RosterPrincipal *principal,
				const gchar *collection,
				gint64 parent_id,
				gint64 id,
				RosterEngineAccess access,
				GError **error)
{
	const RosterKind *kind;

	if (access != ROSTER_ENGINE_ACCESS_READ && refuse_audit_write(collection, error))
		return NULL;
	kind = resolve(self, collection, parent_id, error);
	if (kind == NULL ||
	    !roster_engine_records_check_access(principal, kind, parent_id, id, access, error))
		return NULL;
	return kind;
}

static gboolean
count_records(RosterEngine *self, const RosterKind *kind, gint64 *total, GError **error)
{
	RosterStoreFilter filter;
	g_autoptr(GPtrArray) records = NULL;

	roster_store_filter_init(&filter);
	filter.limit = 1;
	records =
	    roster_store_list_records(roster_engine_get_store(self), kind, &filter, total, error);
	return records != NULL;
}

/* a hotline has one service calendar: rostering, feeds and reports read it, so a
 * second one would be accepted and then ignored; it is changed with PATCH */
static gboolean
refuse_second_calendar(RosterEngine *self, const RosterKind *kind, GError **error)
{
	gint64 total = 0;

	if (g_strcmp0(kind->collection, ROSTER_COLLECTION_CALENDARS) != 0)
		return FALSE;
	if (!count_records(self, kind, &total, error))
		return TRUE;
	if (total == 0)
		return FALSE;
	g_set_error_literal(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_ALREADY_EXISTS,
			    "calendars: a hotline has one service calendar; change it with PATCH "
			    "/calendars/{id}");
	return TRUE;
}

/* and without one nothing can be rostered: the last one stays */
static gboolean
refuse_last_calendar(RosterEngine *self, const RosterKind *kind, GError **error)
{
	gint64 total = 0;

	if (g_strcmp0(kind->collection, ROSTER_COLLECTION_CALENDARS) != 0)
		return FALSE;
	if (!count_records(self, kind, &total, error))
		return TRUE;
	if (total > 1)
		return FALSE;
	g_set_error_literal(
	    error,
	    ROSTER_ERROR,
	    ROSTER_ERROR_CONFLICT,
	    "calendars: the hotline's service calendar cannot be deleted; change it "
	    "with PATCH");
	return TRUE;
}

/* validates one new record of @kind; does not write */
static RosterRecord *
prepare_new(RosterEngine *self,
	    const RosterKind *kind,
	    gint64 parent_id,
	    JsonNode *body,
	    const RosterPasswordHash *prehashed,
	    GError **error)
{
	g_autoptr(RosterRecord) record = roster_record_from_json(kind, body, NULL, error);

	if (record == NULL)
		return NULL;
	if (refuse_second_calendar(self, kind, error))
		return NULL;
	if (kind->parent_key != NULL) {
		JsonNode *node = json_node_new(JSON_NODE_VALUE);
		json_node_set_int(node, parent_id);
		roster_record_set_value(record, kind->parent_key, node);
	}
	if (!roster_engine_hash_record_password(self, record, prehashed, error))
		return NULL;
	return g_steal_pointer(&record);
}

JsonNode *
roster_engine_records_create_record(RosterEngine *self,
				    RosterPrincipal *principal,
				    const gchar *collection,
				    gint64 parent_id,
				    JsonNode *body,
				    const RosterPasswordHash *prehashed,
				    GError **error)
{
	const RosterKind *kind;
	g_autoptr(RosterRecord) record = NULL;

	if (!roster_engine_ensure_open(self, error))
		return NULL;
	kind = roster_engine_records_open_kind(self,
					       principal,
					       collection,
					       parent_id,
					       0,
					       ROSTER_ENGINE_ACCESS_CREATE,
					       error);
	if (kind == NULL)
		return NULL;
	record = prepare_new(self, kind, parent_id, body, prehashed, error);
	if (record == NULL)
		return NULL;
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	if (!roster_engine_end_write(
		self,
		roster_engine_write_record(self, principal, record, NULL, error),
		error))
		return NULL;
	return roster_record_to_node(record, roster_engine_records_output_flags(principal, record));
}

/**
 * roster_engine_create:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name
 * @parent_id: the parent record of a sub-collection, else 0
 * @body: the new record as a JSON object
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the stored record
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_create(RosterEngine *self,
		     RosterPrincipal *principal,
		     const gchar *collection,
		     gint64 parent_id,
		     JsonNode *body,
		     GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(principal != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	return roster_engine_records_create_record(self,
						   principal,
						   collection,
						   parent_id,
						   body,
						   NULL,
						   error);
}

/* a volunteer may change only some fields of its own record */
static gboolean
check_self_edit(RosterPrincipal *principal, RosterRecord *existing, JsonNode *body, GError **error)
{
	const RosterKind *kind = roster_record_get_kind(existing);
	JsonObject *obj = json_node_get_object(body);
	g_autoptr(GList) members = json_object_get_members(obj);

	if (roster_principal_get_role(principal) != ROSTER_ROLE_VOLUNTEER ||
	    g_strcmp0(kind->collection, ROSTER_COLLECTION_VOLUNTEERS) != 0)
		return TRUE;
	for (GList *l = members; l != NULL; l = l->next) {
		const RosterField *field = roster_kind_get_field(kind, l->data);
		JsonNode *old = roster_record_get_value(existing, l->data);
		if (field == NULL || (field->flags & ROSTER_FIELD_FLAG_SELF_EDIT))
			continue;
		if (old != NULL && json_node_equal(old, json_object_get_member(obj, l->data)))
			continue;
		roster_error_set_field(error,
				       ROSTER_ERROR_PERMISSION_DENIED,
				       field->key,
				       "a volunteer may not change this field");
		return FALSE;
	}
	return TRUE;
}

static gboolean
check_revision(RosterRecord *existing, gint64 revision, GError **error)
{
	if (revision < 0 || revision == roster_record_get_revision(existing))
		return TRUE;
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_CONFLICT,
		    "%s %" G_GINT64_FORMAT ": changed since revision %" G_GINT64_FORMAT
		    " (now %" G_GINT64_FORMAT ")",
		    roster_record_get_kind(existing)->collection,
		    roster_record_get_id(existing),
		    revision,
		    roster_record_get_revision(existing));
	return FALSE;
}

static RosterRecord *
update_in_transaction(RosterEngine *self,
		      RosterPrincipal *principal,
		      const RosterKind *kind,
		      gint64 parent_id,
		      gint64 id,
		      JsonNode *body,
		      const RosterPasswordHash *prehashed,
		      GError **error)
{
	g_autoptr(RosterRecord) existing = NULL;
	g_autoptr(RosterRecord) record = NULL;
	JsonNode *revision;
	gboolean new_password;

	existing = roster_engine_records_load_record(self, kind, parent_id, id, error);
	if (existing == NULL)
		return NULL;
	if (body != NULL && JSON_NODE_HOLDS_OBJECT(body)) {
		revision = json_object_get_member(json_node_get_object(body), ROSTER_KEY_REVISION);
		if (revision != NULL && JSON_NODE_HOLDS_VALUE(revision) &&
		    json_node_get_value_type(revision) == G_TYPE_INT64 &&
		    !check_revision(existing, json_node_get_int(revision), error))
			return NULL;
	}
	record = roster_record_from_json(kind, body, existing, error);
	if (record == NULL)
		return NULL;
	if (!check_self_edit(principal, existing, body, error))
		return NULL;
	new_password = roster_record_get_string(record, ROSTER_KEY_PASSWORD) != NULL;
	if (!roster_engine_hash_record_password(self, record, prehashed, error))
		return NULL;
	if (!roster_engine_write_record(self, principal, record, existing, error))
		return NULL;
	/* a new password ends every session of the account, the caller's own too: whoever
	 * knew the old password must not keep a way in */
	if (new_password && !roster_engine_revoke_account_tokens(self, id, error))
		return NULL;
	return g_steal_pointer(&record);
}

JsonNode *
roster_engine_records_update_record(RosterEngine *self,
				    RosterPrincipal *principal,
				    const gchar *collection,
				    gint64 parent_id,
				    gint64 id,
				    JsonNode *body,
				    const RosterPasswordHash *prehashed,
				    GError **error)
{
	const RosterKind *kind;
	g_autoptr(RosterRecord) record = NULL;

	if (!roster_engine_ensure_open(self, error))
		return NULL;
	kind = roster_engine_records_open_kind(self,
					       principal,
					       collection,
					       parent_id,
					       id,
					       ROSTER_ENGINE_ACCESS_UPDATE,
					       error);
	if (kind == NULL)
		return NULL;
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_MALFORMED,
				    "the request body must be a JSON object");
		return NULL;
	}
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	record =
	    update_in_transaction(self, principal, kind, parent_id, id, body, prehashed, error);
	if (!roster_engine_end_write(self, record != NULL, error))
		return NULL;
	return roster_record_to_node(record, roster_engine_records_output_flags(principal, record));
}

/**
 * roster_engine_update:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name
 * @parent_id: the parent record of a sub-collection, else 0
 * @id: the record id
 * @body: the members to change, with the revision the caller read
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the stored record after the change
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_update(RosterEngine *self,
		     RosterPrincipal *principal,
		     const gchar *collection,
		     gint64 parent_id,
		     gint64 id,
		     JsonNode *body,
		     GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(principal != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	return roster_engine_records_update_record(self,
						   principal,
						   collection,
						   parent_id,
						   id,
						   body,
						   NULL,
						   error);
}

/* deleting a volunteer takes its availability with it: log each of those too */
static gboolean
audit_children(RosterEngine *self,
	       RosterPrincipal *principal,
	       const RosterKind *kind,
	       gint64 id,
	       const gchar *now,
	       GError **error)
{
	const RosterKind *child = roster_kind_lookup(ROSTER_COLLECTION_AVAILABILITY);
	RosterStoreFilter filter;
	g_autoptr(GPtrArray) children = NULL;

	if (g_strcmp0(kind->collection, ROSTER_COLLECTION_VOLUNTEERS) != 0)
		return TRUE;
	roster_store_filter_init(&filter);
	filter.parent_id = id;
	filter.limit = G_MAXINT64;
	children =
	    roster_store_list_records(roster_engine_get_store(self), child, &filter, NULL, error);
	if (children == NULL)
		return FALSE;
	for (guint i = 0; i < children->len; i++) {
		RosterRecord *record = g_ptr_array_index(children, i);
		if (!add_audit(self, principal, ROSTER_ACTION_DELETE, record, NULL, now, error))
			return FALSE;
	}
	return TRUE;
}

static gboolean
delete_in_transaction(RosterEngine *self,
		      RosterPrincipal *principal,
		      const RosterKind *kind,
		      gint64 parent_id,
		      gint64 id,
		      gint64 revision,
		      GError **error)
{
	g_autoptr(RosterRecord) existing =
	    roster_engine_records_load_record(self, kind, parent_id, id, error);
	g_autofree gchar *now = roster_engine_dup_now();

	if (existing == NULL)
		return FALSE;
	if (!check_revision(existing, revision, error))
		return FALSE;
	if (!audit_children(self, principal, kind, id, now, error))
		return FALSE;
	if (!roster_store_delete_record(roster_engine_get_store(self), kind, id, error))
		return FALSE;
	return add_audit(self, principal, ROSTER_ACTION_DELETE, existing, NULL, now, error);
}

/**
 * roster_engine_delete:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name
 * @parent_id: the parent record of a sub-collection, else 0
 * @id: the record id
 * @revision: the revision the caller read, or -1 to skip the check
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success; a record still referenced is %ROSTER_ERROR_CONFLICT
 *
 * Since: 0.1
 **/
gboolean
roster_engine_delete(RosterEngine *self,
		     RosterPrincipal *principal,
		     const gchar *collection,
		     gint64 parent_id,
		     gint64 id,
		     gint64 revision,
		     GError **error)
{
	const RosterKind *kind;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(principal != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	kind = roster_engine_records_open_kind(self,
					       principal,
					       collection,
					       parent_id,
					       id,
					       ROSTER_ENGINE_ACCESS_DELETE,
					       error);
	if (kind == NULL)
		return FALSE;
	if (refuse_last_calendar(self, kind, error))
		return FALSE;
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return FALSE;
	return roster_engine_end_write(
	    self,
	    delete_in_transaction(self, principal, kind, parent_id, id, revision, error),
	    error);
}

/* validates and inserts every item; bad items are collected, other failures stop */
static gboolean
create_all(RosterEngine *self,
	   RosterPrincipal *principal,
	   const RosterKind *kind,
	   JsonArray *items,
	   GPtrArray *bad,
	   GError **error)
{
	for (guint i = 0; i < json_array_get_length(items); i++) {
		g_autoptr(GError) error_local = NULL;
		g_autoptr(RosterRecord) record = prepare_new(self,
							     kind,
							     0,
							     json_array_get_element(items, i),
							     NULL,
							     &error_local);
		if (record != NULL &&
		    roster_engine_write_record(self, principal, record, NULL, &error_local))
			continue;
		if (!g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA) &&
		    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_MALFORMED) &&
		    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_ALREADY_EXISTS)) {
			g_propagate_prefixed_error(error,
						   g_steal_pointer(&error_local),
						   "item %u: ",
						   i);
			return FALSE;
		}
		g_ptr_array_add(bad, g_strdup_printf("%u\t%s", i, error_local->message));
	}
	return TRUE;
}

/**
 * roster_engine_create_many:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name (not a sub-collection)
 * @items: the new records
 * @item_errors: (out) (optional) (transfer full) (element-type utf8): one
 *   "index<TAB>message" per bad item; an empty array when all are good
 * @error: a #GError, or %NULL
 *
 * All or nothing: the items are written in one transaction, and only when every one
 * of them is valid (unique keys are checked against each other and the database).
 *
 * Returns: %TRUE when every item was written
 *
 * Since: 0.1
 **/
gboolean
roster_engine_create_many(RosterEngine *self,
			  RosterPrincipal *principal,
			  const gchar *collection,
			  JsonArray *items,
			  GPtrArray **item_errors,
			  GError **error)
{
	const RosterKind *kind;
	g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func(g_free);
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(principal != NULL, FALSE);
	g_return_val_if_fail(items != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (item_errors != NULL)
		*item_errors = NULL;
	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	kind = roster_engine_records_open_kind(self,
					       principal,
					       collection,
					       0,
					       0,
					       ROSTER_ENGINE_ACCESS_CREATE,
					       error);
	if (kind == NULL)
		return FALSE;
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return FALSE;
	ok = create_all(self, principal, kind, items, bad, error);
	if (ok && bad->len > 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "%u of %u items are invalid; nothing was written",
			    bad->len,
			    json_array_get_length(items));
		ok = FALSE;
	}
	ok = roster_engine_end_write(self, ok, error);
	if (item_errors != NULL)
		*item_errors = g_steal_pointer(&bad);
	return ok;
}
