/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-store-hours.h"
#include "roster-store-private.h"

/* binds @params (null, integer, double or string nodes) to ?1, ?2, … */
static gboolean
bind_params(RosterStore *self, RosterStmt *stmt, JsonArray *params, GError **error)
{
	for (guint i = 0; params != NULL && i < json_array_get_length(params); i++) {
		JsonNode *node = json_array_get_element(params, i);
		gint col = (gint)i + 1;
		gint rc;

		if (JSON_NODE_HOLDS_NULL(node)) {
			rc = sqlite3_bind_null(stmt, col);
		} else if (json_node_get_value_type(node) == G_TYPE_INT64) {
			rc = sqlite3_bind_int64(stmt, col, json_node_get_int(node));
		} else if (json_node_get_value_type(node) == G_TYPE_DOUBLE) {
			rc = sqlite3_bind_double(stmt, col, json_node_get_double(node));
		} else if (json_node_get_value_type(node) == G_TYPE_BOOLEAN) {
			rc = sqlite3_bind_int64(stmt, col, json_node_get_boolean(node) ? 1 : 0);
		} else {
			rc = sqlite3_bind_text(stmt,
					       col,
					       json_node_get_string(node),
					       -1,
					       SQLITE_TRANSIENT);
		}
		if (rc != SQLITE_OK) {
			roster_store_set_sqlite_error(self, rc, "binding a value", error);
			return FALSE;
		}
	}
	return TRUE;
}

static JsonObject *
row_to_object(sqlite3_stmt *stmt)
{
	JsonObject *row = json_object_new();

	for (gint i = 0; i < sqlite3_column_count(stmt); i++) {
		const gchar *name = sqlite3_column_name(stmt, i);
		switch (sqlite3_column_type(stmt, i)) {
		case SQLITE_INTEGER:
			json_object_set_int_member(row, name, sqlite3_column_int64(stmt, i));
			break;
		case SQLITE_FLOAT:
			json_object_set_double_member(row, name, sqlite3_column_double(stmt, i));
			break;
		case SQLITE_TEXT:
			json_object_set_string_member(row,
						      name,
						      (const gchar *)sqlite3_column_text(stmt, i));
			break;
		default:
			json_object_set_null_member(row, name);
			break;
		}
	}
	return row;
}

/* runs @sql (static) with @params and returns every row */
static JsonArray *
query(RosterStore *self, const gchar *sql, JsonArray *params, GError **error)
{
	g_autoptr(RosterStmt) stmt = roster_store_prepare(self, sql, error);
	g_autoptr(JsonArray) rows = json_array_new();
	gint rc;

	if (stmt == NULL || !bind_params(self, stmt, params, error))
		return NULL;
	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW)
		json_array_add_object_element(rows, row_to_object(stmt));
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&rows);
}

static gboolean
execute(RosterStore *self, const gchar *sql, JsonArray *params, GError **error)
{
	g_autoptr(RosterStmt) stmt = roster_store_prepare(self, sql, error);

	if (stmt == NULL || !bind_params(self, stmt, params, error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

static gint64
insert(RosterStore *self, const gchar *sql, JsonArray *params, GError **error)
{
	if (!execute(self, sql, params, error))
		return 0;
	return sqlite3_last_insert_rowid(roster_store_get_db(self));
}

/* the first row of @sql, or NULL with ROSTER_ERROR_NOT_FOUND naming @what */
static JsonObject *
query_one(RosterStore *self,
	  const gchar *sql,
	  JsonArray *params,
	  const gchar *what,
	  gint64 id,
	  GError **error)
{
	g_autoptr(JsonArray) rows = query(self, sql, params, error);

	if (rows == NULL)
		return NULL;
	if (json_array_get_length(rows) == 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "%s: no record %" G_GINT64_FORMAT,
			    what,
			    id);
		return NULL;
	}
	return json_object_ref(json_array_get_object_element(rows, 0));
}

/* the values of @row's members @keys, in order, missing ones as null */
static JsonArray *
params_from(JsonObject *row, const gchar *const *keys)
{
	JsonArray *params = json_array_new();

	for (guint i = 0; keys[i] != NULL; i++) {
		JsonNode *node = json_object_get_member(row, keys[i]);
		if (node != NULL)
			json_array_add_element(params, json_node_copy(node));
		else
			json_array_add_null_element(params);
	}
	return params;
}

/*
 * The recognition records (service logs, training, ratings) are written from their
 * kind's field table (service/model/roster-kind.c): the columns are the kind's fields,
 * hours kept as minutes, then what the engine adds. The statements are made once from
 * these static names, never from input.
 */
typedef struct {
	const gchar *collection;
	const gchar *table;
	/* the columns the engine fills, after the kind's fields, NULL-terminated */
	const gchar *const *extra_keys;
} EntryTable;

typedef struct {
	GStrv keys;
	gchar *sql_insert;
} EntryStatements;

static const gchar *const log_extra_keys[] = {ROSTER_KEY_CREATED, ROSTER_KEY_STATE, NULL};
static const gchar *const training_extra_keys[] = {ROSTER_KEY_CREATED, NULL};
static const gchar *const rating_extra_keys[] = {ROSTER_KEY_RATER, ROSTER_KEY_CREATED, NULL};

static const EntryTable entry_tables[] = {
    {ROSTER_COLLECTION_SERVICE_LOGS, "service_logs", log_extra_keys},
    {ROSTER_COLLECTION_TRAINING, "training_records", training_extra_keys},
    {ROSTER_COLLECTION_RATINGS, "ratings", rating_extra_keys},
};

static EntryStatements *entry_statements[G_N_ELEMENTS(entry_tables)];

static EntryStatements *
entry_statements_new(const EntryTable *table)
{
	const RosterKind *kind = roster_kind_lookup(table->collection);
	EntryStatements *st = g_new0(EntryStatements, 1);
	g_autoptr(GStrvBuilder) keys = g_strv_builder_new();
	g_autoptr(GString) names = g_string_new(NULL);
	g_autoptr(GString) values = g_string_new(NULL);

	for (guint i = 0; i < kind->n_fields; i++) {
		const gchar *key = kind->fields[i].key;
		g_strv_builder_add(keys,
				   g_strcmp0(key, ROSTER_KEY_HOURS) == 0 ? ROSTER_KEY_MINUTES
									 : key);
	}
	g_strv_builder_addv(keys, (const gchar **)table->extra_keys);
	st->keys = g_strv_builder_end(keys);
	for (guint i = 0; st->keys[i] != NULL; i++) {
		g_string_append_printf(names, "%s%s", i > 0 ? ", " : "", st->keys[i]);
		g_string_append_printf(values, "%s?%u", i > 0 ? ", " : "", i + 1);
	}
	st->sql_insert = g_strdup_printf("INSERT INTO %s (%s) VALUES (%s)",
					 table->table,
					 names->str,
					 values->str);
	return st;
}

/* inserts a new row of an entry kind; returns its id, 0 with @error set */
static gint64
insert_entry(RosterStore *self, guint index, JsonObject *row, GError **error)
{
	g_autoptr(JsonArray) params = NULL;

	if (g_once_init_enter(&entry_statements[index])) {
		EntryStatements *st = entry_statements_new(&entry_tables[index]);
		g_once_init_leave(&entry_statements[index], st);
	}
	params = params_from(row, (const gchar *const *)entry_statements[index]->keys);
	return insert(self, entry_statements[index]->sql_insert, params, error);
}

/**
 * roster_store_add_text_param:
 * @params: the parameters of a statement
 * @text: (nullable): a text
 *
 * Adds @text as the next parameter, or null when it is %NULL.
 **/
void
roster_store_add_text_param(JsonArray *params, const gchar *text)
{
	if (text != NULL)
		json_array_add_string_element(params, text);
	else
		json_array_add_null_element(params);
}

/* volunteer (0 for all), from, to as the first three parameters */
static JsonArray *
range_params(gint64 volunteer_id, const gchar *from, const gchar *to)
{
	JsonArray *params = json_array_new();

	json_array_add_int_element(params, volunteer_id);
	roster_store_add_text_param(params, from);
	roster_store_add_text_param(params, to);
	return params;
}

gboolean
roster_store_set_calendar_token(RosterStore *self,
				gint64 volunteer_id,
				const guint8 *hash,
				gsize hash_len,
				const gchar *now,
				GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(
	    self,
	    "INSERT OR REPLACE INTO calendar_tokens (volunteer_id, hash, created)"
	    " VALUES (?1, ?2, ?3)",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (sqlite3_bind_int64(stmt, 1, volunteer_id) != SQLITE_OK ||
	    sqlite3_bind_blob(stmt, 2, hash, (gint)hash_len, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(stmt, 3, now, -1, SQLITE_TRANSIENT) != SQLITE_OK) {
		roster_store_set_sqlite_error(self, SQLITE_ERROR, "binding a token", error);
		return FALSE;
	}
	return roster_store_step_done(self, stmt, error);
}

gboolean
roster_store_lookup_calendar_token(RosterStore *self,
				   const guint8 *hash,
				   gsize hash_len,
				   gint64 *volunteer_id,
				   gchar **created,
				   GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	*volunteer_id = 0;
	stmt = roster_store_prepare(
	    self,
	    "SELECT volunteer_id, created FROM calendar_tokens WHERE hash = ?1",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (sqlite3_bind_blob(stmt, 1, hash, (gint)hash_len, SQLITE_TRANSIENT) != SQLITE_OK) {
		roster_store_set_sqlite_error(self, SQLITE_ERROR, "binding a token", error);
		return FALSE;
	}
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return FALSE;
	if (rc == SQLITE_ROW) {
		*volunteer_id = sqlite3_column_int64(stmt, 0);
		if (created != NULL)
			*created = g_strdup((const gchar *)sqlite3_column_text(stmt, 1));
	}
	return TRUE;
}

gboolean
roster_store_put_attendance(RosterStore *self, JsonObject *row, GError **error)
{
	const gchar *const keys[] = {"assignment_id",
				     "roster_id",
				     "volunteer_id",
				     "date",
				     "slot",
				     "seat_class_id",
				     "status",
				     "late_minutes",
				     "early_minutes",
				     "minutes",
				     "recorded_by",
				     "modified",
				     NULL};
	g_autoptr(JsonArray) params = params_from(row, keys);

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	return execute(self,
		       "INSERT OR REPLACE INTO attendance (assignment_id, roster_id, volunteer_id,"
		       " date, slot, seat_class_id, status, late_minutes, early_minutes, minutes,"
		       " recorded_by, modified)"
		       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
		       params,
		       error);
}

JsonObject *
roster_store_get_attendance(RosterStore *self, gint64 assignment_id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, assignment_id);
	return query_one(self,
			 "SELECT * FROM attendance WHERE assignment_id = ?1",
			 params,
			 "attendance",
			 assignment_id,
			 error);
}

JsonArray *
roster_store_list_attendance(RosterStore *self,
			     gint64 volunteer_id,
			     const gchar *from,
			     const gchar *to,
			     GError **error)
{
	g_autoptr(JsonArray) params = range_params(volunteer_id, from, to);

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return query(self,
		     "SELECT * FROM attendance WHERE (?1 = 0 OR volunteer_id = ?1)"
		     " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
		     " ORDER BY date, slot, volunteer_id",
		     params,
		     error);
}

gint64
roster_store_insert_service_log(RosterStore *self, JsonObject *row, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	return insert_entry(self, 0, row, error);
}

JsonObject *
roster_store_get_service_log(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, id);
	return query_one(self,
			 "SELECT * FROM service_logs WHERE id = ?1",
			 params,
			 "service-logs",
			 id,
			 error);
}

gboolean
roster_store_decide_service_log(RosterStore *self,
				gint64 id,
				const gchar *state,
				const gchar *approver,
				const gchar *now,
				GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, id);
	json_array_add_string_element(params, state);
	json_array_add_string_element(params, approver);
	json_array_add_string_element(params, now);
	return execute(self,
		       "UPDATE service_logs SET state = ?2, approver = ?3, decided = ?4"
		       " WHERE id = ?1",
		       params,
		       error);
}

JsonArray *
roster_store_list_service_logs(RosterStore *self,
			       gint64 volunteer_id,
			       const gchar *from,
			       const gchar *to,
			       const gchar *state,
			       GError **error)
{
	g_autoptr(JsonArray) params = range_params(volunteer_id, from, to);

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	roster_store_add_text_param(params, state);
	return query(self,
		     "SELECT * FROM service_logs WHERE (?1 = 0 OR volunteer_id = ?1)"
		     " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
		     " AND (?4 IS NULL OR state = ?4) ORDER BY date, id",
		     params,
		     error);
}

gint64
roster_store_insert_training(RosterStore *self, JsonObject *row, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	return insert_entry(self, 1, row, error);
}

JsonArray *
roster_store_list_training(RosterStore *self,
			   gint64 volunteer_id,
			   const gchar *from,
			   const gchar *to,
			   GError **error)
{
	g_autoptr(JsonArray) params = range_params(volunteer_id, from, to);

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return query(self,
		     "SELECT * FROM training_records WHERE (?1 = 0 OR volunteer_id = ?1)"
		     " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
		     " ORDER BY date, id",
		     params,
		     error);
}

gint64
roster_store_insert_rating(RosterStore *self, JsonObject *row, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	return insert_entry(self, 2, row, error);
}

JsonArray *
roster_store_list_ratings(RosterStore *self,
			  gint64 volunteer_id,
			  const gchar *from,
			  const gchar *to,
			  GError **error)
{
	g_autoptr(JsonArray) params = range_params(volunteer_id, from, to);

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return query(self,
		     "SELECT * FROM ratings WHERE (?1 = 0 OR volunteer_id = ?1)"
		     " AND (?2 IS NULL OR date >= ?2) AND (?3 IS NULL OR date <= ?3)"
		     " ORDER BY date DESC, id DESC",
		     params,
		     error);
}

gboolean
roster_store_get_setting(RosterStore *self, const gchar *key, gchar **value, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	*value = NULL;
	json_array_add_string_element(params, key);
	rows = query(self, "SELECT value FROM settings WHERE key = ?1", params, error);
	if (rows == NULL)
		return FALSE;
	if (json_array_get_length(rows) > 0) {
		JsonObject *row = json_array_get_object_element(rows, 0);
		*value = g_strdup(json_object_get_string_member_with_default(row, "value", NULL));
	}
	return TRUE;
}

gboolean
roster_store_set_setting(RosterStore *self, const gchar *key, const gchar *value, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_string_element(params, key);
	json_array_add_string_element(params, value);
	return execute(self,
		       "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
		       params,
		       error);
}

gint64
roster_store_insert_promotion(RosterStore *self, JsonObject *row, GError **error)
{
	const gchar *const keys[] =
	    {"volunteer_id", "from_tier", "to_tier", "actor", "at", "evidence", NULL};
	g_autoptr(JsonArray) params = params_from(row, keys);

	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	return insert(self,
		      "INSERT INTO promotions (volunteer_id, from_tier, to_tier, actor, at,"
		      " evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		      params,
		      error);
}

JsonArray *
roster_store_list_promotions(RosterStore *self, gint64 volunteer_id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, volunteer_id);
	return query(self,
		     "SELECT * FROM promotions WHERE (?1 = 0 OR volunteer_id = ?1) ORDER BY id",
		     params,
		     error);
}

/**
 * roster_store_query_json:
 * @self: a #RosterStore
 * @sql: a static statement
 * @params: (nullable): its parameters ?1, ?2, … as JSON values
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): every row as an object of its column names
 **/
JsonArray *
roster_store_query_json(RosterStore *self, const gchar *sql, JsonArray *params, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return query(self, sql, params, error);
}

/**
 * roster_store_execute_json:
 * @self: a #RosterStore
 * @sql: a static statement
 * @params: (nullable): its parameters ?1, ?2, … as JSON values
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether the statement ran to its end
 **/
gboolean
roster_store_execute_json(RosterStore *self, const gchar *sql, JsonArray *params, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	return execute(self, sql, params, error);
}
