/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "roster-json-keys.h"
#include "roster-store-private.h"

/* sessions and the audit log: rows that are not records of a collection */

gboolean
roster_store_count_active_admins(RosterStore *self, gint64 *count, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(count != NULL, FALSE);

	stmt = roster_store_prepare(
	    self,
	    "SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND active = 1",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (roster_store_step(self, stmt, error) != SQLITE_ROW)
		return FALSE;
	*count = sqlite3_column_int64(stmt, 0);
	return TRUE;
}

gboolean
roster_store_add_token(RosterStore *self,
		       const guint8 *hash,
		       gsize hash_len,
		       gint64 account_id,
		       gint64 created,
		       gint64 expires,
		       GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(hash != NULL, FALSE);

	stmt = roster_store_prepare(
	    self,
	    "INSERT INTO tokens (hash, account_id, created, expires) VALUES (?1, ?2, ?3, ?4)",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(
		self,
		sqlite3_bind_blob(stmt, 1, hash, (gint)hash_len, SQLITE_TRANSIENT),
		error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, account_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 3, created), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 4, expires), error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_lookup_token:
 * @self: a #RosterStore
 * @hash: the token's hash
 * @hash_len: its length
 * @account_id: (out): the account the token belongs to
 * @expires: (out): when it expires, in seconds since 1970
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE when found; an unknown token is %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.1
 **/
gboolean
roster_store_lookup_token(RosterStore *self,
			  const guint8 *hash,
			  gsize hash_len,
			  gint64 *account_id,
			  gint64 *expires,
			  GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(hash != NULL, FALSE);

	stmt = roster_store_prepare(self,
				    "SELECT account_id, expires FROM tokens WHERE hash = ?1",
				    error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(
		self,
		sqlite3_bind_blob(stmt, 1, hash, (gint)hash_len, SQLITE_TRANSIENT),
		error))
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return FALSE;
	if (rc != SQLITE_ROW) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_NOT_FOUND,
				    "token: not found");
		return FALSE;
	}
	*account_id = sqlite3_column_int64(stmt, 0);
	*expires = sqlite3_column_int64(stmt, 1);
	return TRUE;
}

gboolean
roster_store_delete_token(RosterStore *self,
			  const guint8 *hash,
			  gsize hash_len,
			  gboolean *deleted,
			  GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(hash != NULL, FALSE);

	stmt = roster_store_prepare(self, "DELETE FROM tokens WHERE hash = ?1", error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(
		self,
		sqlite3_bind_blob(stmt, 1, hash, (gint)hash_len, SQLITE_TRANSIENT),
		error))
		return FALSE;
	if (!roster_store_step_done(self, stmt, error))
		return FALSE;
	if (deleted != NULL)
		*deleted = sqlite3_changes(roster_store_get_db(self)) > 0;
	return TRUE;
}

gboolean
roster_store_delete_expired_tokens(RosterStore *self, gint64 now, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);

	stmt = roster_store_prepare(self, "DELETE FROM tokens WHERE expires <= ?1", error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, now), error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_delete_account_tokens:
 * @self: a #RosterStore
 * @account_id: an account
 * @error: a #GError, or %NULL
 *
 * Ends every session of @account_id, e.g. when its password changes.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_store_delete_account_tokens(RosterStore *self, gint64 account_id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);

	stmt = roster_store_prepare(self, "DELETE FROM tokens WHERE account_id = ?1", error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, account_id), error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

static gboolean
bind_json(RosterStore *self, RosterStmt *stmt, gint index, JsonNode *node, GError **error)
{
	g_autofree gchar *text = NULL;

	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return roster_store_check_bind(self, sqlite3_bind_null(stmt, index), error);
	text = json_to_string(node, FALSE);
	return roster_store_check_bind(self,
				       sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT),
				       error);
}

/**
 * roster_store_add_audit:
 * @self: a #RosterStore
 * @entry: who did what
 * @now: the time of the write, ISO 8601 UTC
 * @error: a #GError, or %NULL
 *
 * Writes one audit row; call it inside the transaction of the write it records.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_store_add_audit(RosterStore *self,
		       const RosterStoreAudit *entry,
		       const gchar *now,
		       GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(entry != NULL, FALSE);

	stmt = roster_store_prepare(self,
				    "INSERT INTO audit (at, actor, actor_id, action, collection,"
				    " record_id, before_json, after_json)"
				    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				    error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 1, now, -1, SQLITE_TRANSIENT),
				     error) ||
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 2, entry->actor, -1, SQLITE_TRANSIENT),
				     error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 3, entry->actor_id), error) ||
	    !roster_store_check_bind(
		self,
		sqlite3_bind_text(stmt, 4, entry->action, -1, SQLITE_TRANSIENT),
		error) ||
	    !roster_store_check_bind(
		self,
		sqlite3_bind_text(stmt, 5, entry->collection, -1, SQLITE_TRANSIENT),
		error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 6, entry->record_id), error) ||
	    !bind_json(self, stmt, 7, entry->before, error) ||
	    !bind_json(self, stmt, 8, entry->after, error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

#define AUDIT_COLUMNS                                                                              \
	"id, at, actor, actor_id, action, collection, record_id, before_json, after_json"
#define AUDIT_WHERE                                                                                \
	" WHERE (?1 IS NULL OR collection = ?1) AND (?2 IS NULL OR record_id = ?2)"                \
	" AND (?3 IS NULL OR actor = ?3) AND (?6 IS NULL OR at >= ?6) AND (?7 IS NULL OR at < ?7)"

static void
add_json_member(JsonBuilder *builder, const gchar *key, RosterStmt *stmt, gint index)
{
	const gchar *text = (const gchar *)sqlite3_column_text(stmt, index);
	JsonNode *node = text != NULL ? json_from_string(text, NULL) : NULL;

	json_builder_set_member_name(builder, key);
	json_builder_add_value(builder, node != NULL ? node : json_node_new(JSON_NODE_NULL));
}

static JsonNode *
read_audit(RosterStmt *stmt)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_ID);
	json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 0));
	json_builder_set_member_name(builder, ROSTER_KEY_AT);
	json_builder_add_string_value(builder, (const gchar *)sqlite3_column_text(stmt, 1));
	json_builder_set_member_name(builder, ROSTER_KEY_ACTOR);
	json_builder_add_string_value(builder, (const gchar *)sqlite3_column_text(stmt, 2));
	json_builder_set_member_name(builder, ROSTER_KEY_ACTOR_ID);
	json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 3));
	json_builder_set_member_name(builder, ROSTER_KEY_ACTION);
	json_builder_add_string_value(builder, (const gchar *)sqlite3_column_text(stmt, 4));
	json_builder_set_member_name(builder, ROSTER_KEY_COLLECTION);
	json_builder_add_string_value(builder, (const gchar *)sqlite3_column_text(stmt, 5));
	json_builder_set_member_name(builder, ROSTER_KEY_RECORD_ID);
	json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 6));
	add_json_member(builder, ROSTER_KEY_BEFORE, stmt, 7);
	add_json_member(builder, ROSTER_KEY_AFTER, stmt, 8);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

static gboolean
bind_audit_filter(RosterStore *self,
		  RosterStmt *stmt,
		  const gchar *collection,
		  gint64 record_id,
		  const gchar *actor,
		  const gchar *from,
		  const gchar *to,
		  GError **error)
{
	if (from != NULL &&
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 6, from, -1, SQLITE_TRANSIENT),
				     error))
		return FALSE;
	if (to != NULL &&
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 7, to, -1, SQLITE_TRANSIENT),
				     error))
		return FALSE;
	if (collection != NULL &&
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 1, collection, -1, SQLITE_TRANSIENT),
				     error))
		return FALSE;
	if (record_id > 0 &&
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, record_id), error))
		return FALSE;
	if (actor != NULL &&
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 3, actor, -1, SQLITE_TRANSIENT),
				     error))
		return FALSE;
	return TRUE;
}

/**
 * roster_store_list_audit:
 * @self: a #RosterStore
 * @collection: (nullable): only entries of this collection
 * @record_id: only entries of this record, or 0
 * @actor: (nullable): only entries by this username
 * @offset: entries to skip
 * @limit: entries to return at most
 * @total: (out) (optional): the number of entries matching
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer container) (element-type JsonNode): entries as JSON objects, by id
 *
 * Since: 0.1
 **/
GPtrArray *
roster_store_list_audit(RosterStore *self,
			const gchar *collection,
			gint64 record_id,
			const gchar *actor,
			gint64 offset,
			gint64 limit,
			gint64 *total,
			GError **error)
{
	return roster_store_list_audit_between(self,
					       collection,
					       record_id,
					       actor,
					       NULL,
					       NULL,
					       offset,
					       limit,
					       total,
					       error);
}

/**
 * roster_store_list_audit_between:
 * @self: a #RosterStore
 * @collection: (nullable): only entries of this collection
 * @record_id: only entries of this record, or 0
 * @actor: (nullable): only entries by this username
 * @from: (nullable): only entries at or after this UTC time, `YYYY-MM-DDTHH:MM:SSZ`
 * @to: (nullable): only entries before this UTC time
 * @offset: entries to skip
 * @limit: entries to return at most
 * @total: (out) (optional): the number of entries matching
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer container) (element-type JsonNode): entries as JSON objects, by id
 *
 * Since: 0.4
 **/
GPtrArray *
roster_store_list_audit_between(RosterStore *self,
				const gchar *collection,
				gint64 record_id,
				const gchar *actor,
				const gchar *from,
				const gchar *to,
				gint64 offset,
				gint64 limit,
				gint64 *total,
				GError **error)
{
	g_autoptr(GPtrArray) entries =
	    g_ptr_array_new_with_free_func((GDestroyNotify)json_node_unref);
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);

	if (total != NULL) {
		g_autoptr(RosterStmt) count =
		    roster_store_prepare(self, "SELECT COUNT(*) FROM audit" AUDIT_WHERE, error);
		if (count == NULL ||
		    !bind_audit_filter(self, count, collection, record_id, actor, from, to, error))
			return NULL;
		if (roster_store_step(self, count, error) != SQLITE_ROW)
			return NULL;
		*total = sqlite3_column_int64(count, 0);
	}
	{
		g_autoptr(RosterStmt) stmt =
		    roster_store_prepare(self,
					 "SELECT " AUDIT_COLUMNS " FROM audit" AUDIT_WHERE
					 " ORDER BY id LIMIT ?4 OFFSET ?5",
					 error);
		if (stmt == NULL ||
		    !bind_audit_filter(self, stmt, collection, record_id, actor, from, to, error))
			return NULL;
		if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 4, limit), error) ||
		    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 5, offset), error))
			return NULL;
		while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW)
			g_ptr_array_add(entries, read_audit(stmt));
		if (rc < 0)
			return NULL;
	}
	return g_steal_pointer(&entries);
}

/**
 * roster_store_get_audit:
 * @self: a #RosterStore
 * @id: an entry id
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the entry, or %NULL with %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.1
 **/
JsonNode *
roster_store_get_audit(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);

	stmt =
	    roster_store_prepare(self, "SELECT " AUDIT_COLUMNS " FROM audit WHERE id = ?1", error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, id), error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "audit %" G_GINT64_FORMAT ": not found",
			    id);
		return NULL;
	}
	return read_audit(stmt);
}
