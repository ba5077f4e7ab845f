/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "roster-json-keys.h"
#include "roster-store-private.h"

/*
 * One table per collection. The columns are not listed here: they are the fields of
 * the collection's kind (service/model/roster-kind.c), so the one field table drives
 * validation, SQL and JSON. A column is named as its field, but for the few renamed
 * below; write-only fields (a password) have no column, and a table may keep values
 * that are no field (an account's password hash). The statements are made once per
 * table from these static names, never from input. Parameters: ?1 is the time of the
 * write, ?2 the id and ?3 the revision read, and the columns start at ?4. List
 * statements share one parameter layout: ?1 the LIKE pattern, ?2 a choice (tier or
 * role), ?3 a team, ?4 active, ?5 one id, ?6 a parent id, ?7 limit and ?8 offset.
 */

typedef enum {
	COL_TEXT,
	COL_INT,
	COL_BOOL,
	COL_JSON,
} ColumnType;

typedef struct {
	const gchar *key;
	const gchar *name;
	ColumnType type;
} Column;

typedef struct {
	const gchar *collection;
	const gchar *table;
	/* the list filter, with the parameter layout above, or "" */
	const gchar *where;
	/* values kept that are no field of the kind, NULL-terminated */
	const gchar *const *extra_keys;
	/* what may still refer to a record, for the message when a delete is refused */
	const gchar *referenced_by;
} Table;

/* the statements and columns of one table, made on first use */
typedef struct {
	GArray *columns;
	gchar *sql_get;
	gchar *sql_insert;
	gchar *sql_update;
	gchar *sql_delete;
	gchar *sql_exists;
	gchar *sql_list;
	gchar *sql_count;
	gchar *sql_by_unique;
} Statements;

#define PARAM_FIRST_COLUMN 4

/* field keys whose column has another name: SQL reserves these words */
static const struct {
	const gchar *key;
	const gchar *column;
} column_names[] = {
    {ROSTER_KEY_START, "start_time"},
    {ROSTER_KEY_END, "end_time"},
};

static const gchar *const account_extra_keys[] = {ROSTER_RECORD_KEY_PASSWORD_HASH, NULL};

static const Table tables[] = {
    {ROSTER_COLLECTION_CALENDARS,
     "calendars",
     " WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\')",
     NULL,
     NULL},
    {ROSTER_COLLECTION_SEAT_CLASSES,
     "seat_classes",
     " WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR code LIKE ?1 ESCAPE '\\')",
     NULL,
     "demand rules"},
    {ROSTER_COLLECTION_DEMAND_RULES, "demand_rules", "", NULL, NULL},
    {ROSTER_COLLECTION_TEAMS,
     "teams",
     " WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\')",
     NULL,
     "volunteers"},
    {ROSTER_COLLECTION_VOLUNTEERS,
     "volunteers",
     " WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR counsellor_no LIKE ?1 ESCAPE '\\')"
     " AND (?2 IS NULL OR tier = ?2) AND (?3 IS NULL OR team_id = ?3)"
     " AND (?4 IS NULL OR active = ?4) AND (?5 IS NULL OR id = ?5)",
     NULL,
     "accounts"},
    {ROSTER_COLLECTION_AVAILABILITY,
     "availability",
     " WHERE (?6 IS NULL OR volunteer_id = ?6)",
     NULL,
     NULL},
    {ROSTER_COLLECTION_ACCOUNTS,
     "accounts",
     " WHERE (?1 IS NULL OR username LIKE ?1 ESCAPE '\\') AND (?2 IS NULL OR role = ?2)"
     " AND (?4 IS NULL OR active = ?4)",
     account_extra_keys,
     NULL},
};

static Statements *statements[G_N_ELEMENTS(tables)];

static const gchar *
column_name(const gchar *key)
{
	for (guint i = 0; i < G_N_ELEMENTS(column_names); i++) {
		if (g_strcmp0(column_names[i].key, key) == 0)
			return column_names[i].column;
	}
	return key;
}

static ColumnType
column_type(RosterFieldType type)
{
	switch (type) {
	case ROSTER_FIELD_TYPE_INT:
		return COL_INT;
	case ROSTER_FIELD_TYPE_BOOL:
		return COL_BOOL;
	case ROSTER_FIELD_TYPE_ARRAY:
		return COL_JSON;
	case ROSTER_FIELD_TYPE_STRING:
	default:
		return COL_TEXT;
	}
}

/* the columns of @table: the stored fields of its kind, then its extra values */
static GArray *
table_columns(const Table *table)
{
	const RosterKind *kind = roster_kind_lookup(table->collection);
	GArray *columns = g_array_new(FALSE, TRUE, sizeof(Column));

	for (guint i = 0; kind != NULL && i < kind->n_fields; i++) {
		const RosterField *field = &kind->fields[i];
		Column column = {field->key, column_name(field->key), column_type(field->type)};
		if (field->flags & ROSTER_FIELD_FLAG_WRITE_ONLY)
			continue;
		g_array_append_val(columns, column);
	}
	for (guint i = 0; table->extra_keys != NULL && table->extra_keys[i] != NULL; i++) {
		Column column = {table->extra_keys[i], table->extra_keys[i], COL_TEXT};
		g_array_append_val(columns, column);
	}
	return columns;
}

static Statements *
statements_new(const Table *table)
{
	Statements *st = g_new0(Statements, 1);
	const RosterKind *kind = roster_kind_lookup(table->collection);
	const RosterField *unique = kind != NULL ? roster_kind_get_unique_field(kind) : NULL;
	g_autoptr(GString) select = g_string_new("id, revision, created, modified");
	g_autoptr(GString) names = g_string_new("revision, created, modified");
	g_autoptr(GString) values = g_string_new("1, ?1, ?1");
	g_autoptr(GString) sets = g_string_new("revision = revision + 1, modified = ?1");

	st->columns = table_columns(table);
	for (guint i = 0; i < st->columns->len; i++) {
		const Column *column = &g_array_index(st->columns, Column, i);
		guint param = i + PARAM_FIRST_COLUMN;
		g_string_append_printf(select, ", %s", column->name);
		g_string_append_printf(names, ", %s", column->name);
		g_string_append_printf(values, ", ?%u", param);
		g_string_append_printf(sets, ", %s = ?%u", column->name, param);
	}
	st->sql_get = g_strdup_printf("SELECT %s FROM %s WHERE id = ?2", select->str, table->table);
	st->sql_insert = g_strdup_printf("INSERT INTO %s (%s) VALUES (%s)",
					 table->table,
					 names->str,
					 values->str);
	st->sql_update = g_strdup_printf("UPDATE %s SET %s WHERE id = ?2 AND revision = ?3",
					 table->table,
					 sets->str);
	st->sql_delete = g_strdup_printf("DELETE FROM %s WHERE id = ?2", table->table);
	st->sql_exists = g_strdup_printf("SELECT 1 FROM %s WHERE id = ?2", table->table);
	st->sql_list = g_strdup_printf("SELECT %s FROM %s%s ORDER BY id LIMIT ?7 OFFSET ?8",
				       select->str,
				       table->table,
				       table->where);
	st->sql_count = g_strdup_printf("SELECT COUNT(*) FROM %s%s", table->table, table->where);
	if (unique != NULL)
		st->sql_by_unique = g_strdup_printf("SELECT %s FROM %s WHERE %s = ?1",
						    select->str,
						    table->table,
						    column_name(unique->key));
	return st;
}

/* the statements of @table, made once and kept for the life of the process */
static const Statements *
table_statements(const Table *table)
{
	guint index = (guint)(table - tables);

	if (g_once_init_enter(&statements[index])) {
		Statements *st = statements_new(table);
		g_once_init_leave(&statements[index], st);
	}
	return statements[index];
}

static const Table *
lookup_table(const gchar *collection, GError **error)
{
	for (guint i = 0; i < G_N_ELEMENTS(tables); i++) {
		if (g_strcmp0(tables[i].collection, collection) == 0)
			return &tables[i];
	}
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_NOT_FOUND,
		    "%s: no such collection",
		    collection);
	return NULL;
}

static gboolean
bind_column(RosterStore *self,
	    RosterStmt *stmt,
	    gint index,
	    const Column *column,
	    JsonNode *value,
	    GError **error)
{
	g_autofree gchar *text = NULL;

	if (value == NULL || JSON_NODE_HOLDS_NULL(value))
		return roster_store_check_bind(self, sqlite3_bind_null(stmt, index), error);
	switch (column->type) {
	case COL_INT:
		return roster_store_check_bind(
		    self,
		    sqlite3_bind_int64(stmt, index, json_node_get_int(value)),
		    error);
	case COL_BOOL:
		return roster_store_check_bind(
		    self,
		    sqlite3_bind_int(stmt, index, json_node_get_boolean(value) ? 1 : 0),
		    error);
	case COL_TEXT:
		return roster_store_check_bind(self,
					       sqlite3_bind_text(stmt,
								 index,
								 json_node_get_string(value),
								 -1,
								 SQLITE_TRANSIENT),
					       error);
	case COL_JSON:
		text = json_to_string(value, FALSE);
		return roster_store_check_bind(
		    self,
		    sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT),
		    error);
	default:
		break;
	}
	g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_INTERNAL, "unknown column type");
	return FALSE;
}

static JsonNode *
read_column(RosterStmt *stmt, gint index, const Column *column, GError **error)
{
	JsonNode *node;
	const gchar *text;

	if (sqlite3_column_type(stmt, index) == SQLITE_NULL)
		return json_node_new(JSON_NODE_NULL);
	switch (column->type) {
	case COL_INT:
		node = json_node_new(JSON_NODE_VALUE);
		json_node_set_int(node, sqlite3_column_int64(stmt, index));
		return node;
	case COL_BOOL:
		node = json_node_new(JSON_NODE_VALUE);
		json_node_set_boolean(node, sqlite3_column_int(stmt, index) != 0);
		return node;
	case COL_TEXT:
		node = json_node_new(JSON_NODE_VALUE);
		json_node_set_string(node, (const gchar *)sqlite3_column_text(stmt, index));
		return node;
	case COL_JSON:
		text = (const gchar *)sqlite3_column_text(stmt, index);
		node = json_from_string(text, NULL);
		if (node == NULL) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "%s: stored value is not JSON",
				    column->key);
		}
		return node;
	default:
		break;
	}
	g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_INTERNAL, "unknown column type");
	return NULL;
}

static RosterRecord *
read_record(const RosterKind *kind, const Table *table, RosterStmt *stmt, GError **error)
{
	g_autoptr(RosterRecord) record = roster_record_new(kind);
	GArray *columns = table_statements(table)->columns;

	roster_record_set_id(record, sqlite3_column_int64(stmt, 0));
	roster_record_set_revision(record, sqlite3_column_int64(stmt, 1));
	roster_record_set_created(record, (const gchar *)sqlite3_column_text(stmt, 2));
	roster_record_set_modified(record, (const gchar *)sqlite3_column_text(stmt, 3));
	for (guint i = 0; i < columns->len; i++) {
		const Column *column = &g_array_index(columns, Column, i);
		JsonNode *value = read_column(stmt, (gint)i + PARAM_FIRST_COLUMN, column, error);
		if (value == NULL)
			return NULL;
		roster_record_set_value(record, column->key, value);
	}
	return g_steal_pointer(&record);
}

/**
 * roster_store_get_record:
 * @self: a #RosterStore
 * @kind: the collection's kind
 * @id: the record id
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the record, or %NULL with %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.1
 **/
RosterRecord *
roster_store_get_record(RosterStore *self, const RosterKind *kind, gint64 id, GError **error)
{
	const Table *table;
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	g_return_val_if_fail(kind != NULL, NULL);

	table = lookup_table(kind->collection, error);
	if (table == NULL)
		return NULL;
	stmt = roster_store_prepare(self, table_statements(table)->sql_get, error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, id), error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "%s %" G_GINT64_FORMAT ": not found",
			    kind->collection,
			    id);
		return NULL;
	}
	return read_record(kind, table, stmt, error);
}

static void
set_write_error(RosterStore *self, const RosterKind *kind, gint rc, GError **error)
{
	const RosterField *unique = roster_kind_get_unique_field(kind);

	rc = sqlite3_extended_errcode(roster_store_get_db(self));

	if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
		roster_error_set_field(error,
				       ROSTER_ERROR_ALREADY_EXISTS,
				       unique != NULL ? unique->key : ROSTER_KEY_ID,
				       "already taken by another record");
		return;
	}
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "%s: a referenced record does not exist",
			    kind->collection);
		return;
	}
	roster_store_set_sqlite_error(self, rc, "writing a record", error);
}

static gboolean
bind_values(RosterStore *self,
	    const Table *table,
	    RosterStmt *stmt,
	    RosterRecord *record,
	    const gchar *now,
	    GError **error)
{
	GArray *columns = table_statements(table)->columns;

	if (!roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 1, now, -1, SQLITE_TRANSIENT),
				     error))
		return FALSE;
	for (guint i = 0; i < columns->len; i++) {
		const Column *column = &g_array_index(columns, Column, i);
		JsonNode *value = roster_record_get_value(record, column->key);
		if (!bind_column(self, stmt, (gint)i + PARAM_FIRST_COLUMN, column, value, error))
			return FALSE;
	}
	return TRUE;
}

/* the insert or update statement of the record's table with its values bound */
static RosterStmt *
prepare_write(RosterStore *self,
	      RosterRecord *record,
	      gboolean update,
	      const gchar *now,
	      GError **error)
{
	const Table *table = lookup_table(roster_record_get_kind(record)->collection, error);
	g_autoptr(RosterStmt) stmt = NULL;

	if (table == NULL)
		return NULL;
	stmt = roster_store_prepare(self,
				    update ? table_statements(table)->sql_update
					   : table_statements(table)->sql_insert,
				    error);
	if (stmt == NULL)
		return NULL;
	if (!bind_values(self, table, stmt, record, now, error))
		return NULL;
	return g_steal_pointer(&stmt);
}

/**
 * roster_store_insert_record:
 * @self: a #RosterStore
 * @record: a validated record; gets its id, revision 1 and times
 * @now: the time of the write, ISO 8601 UTC
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success; a taken unique key is %ROSTER_ERROR_ALREADY_EXISTS
 *
 * Since: 0.1
 **/
gboolean
roster_store_insert_record(RosterStore *self,
			   RosterRecord *record,
			   const gchar *now,
			   GError **error)
{
	const RosterKind *kind;
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(ROSTER_IS_RECORD(record), FALSE);

	kind = roster_record_get_kind(record);
	stmt = prepare_write(self, record, FALSE, now, error);
	if (stmt == NULL)
		return FALSE;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE) {
		set_write_error(self, kind, rc, error);
		return FALSE;
	}
	roster_record_set_id(record, sqlite3_last_insert_rowid(roster_store_get_db(self)));
	roster_record_set_revision(record, 1);
	roster_record_set_created(record, now);
	roster_record_set_modified(record, now);
	return TRUE;
}

/**
 * roster_store_update_record:
 * @self: a #RosterStore
 * @record: a validated record carrying the revision it was read at
 * @now: the time of the write, ISO 8601 UTC
 * @error: a #GError, or %NULL
 *
 * Writes @record only when the stored revision still matches, then bumps the
 * revision of @record.
 *
 * Returns: %TRUE on success; a changed revision is %ROSTER_ERROR_CONFLICT
 *
 * Since: 0.1
 **/
gboolean
roster_store_update_record(RosterStore *self,
			   RosterRecord *record,
			   const gchar *now,
			   GError **error)
{
	const RosterKind *kind;
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(ROSTER_IS_RECORD(record), FALSE);

	kind = roster_record_get_kind(record);
	stmt = prepare_write(self, record, TRUE, now, error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self,
				     sqlite3_bind_int64(stmt, 2, roster_record_get_id(record)),
				     error))
		return FALSE;
	if (!roster_store_check_bind(
		self,
		sqlite3_bind_int64(stmt, 3, roster_record_get_revision(record)),
		error))
		return FALSE;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE) {
		set_write_error(self, kind, rc, error);
		return FALSE;
	}
	if (sqlite3_changes(roster_store_get_db(self)) != 1) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "%s %" G_GINT64_FORMAT ": changed since revision %" G_GINT64_FORMAT,
			    kind->collection,
			    roster_record_get_id(record),
			    roster_record_get_revision(record));
		return FALSE;
	}
	roster_record_set_revision(record, roster_record_get_revision(record) + 1);
	roster_record_set_modified(record, now);
	return TRUE;
}

/**
 * roster_store_delete_record:
 * @self: a #RosterStore
 * @kind: the collection's kind
 * @id: the record id
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success; a record still referenced is %ROSTER_ERROR_CONFLICT, a
 * missing one %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.1
 **/
gboolean
roster_store_delete_record(RosterStore *self, const RosterKind *kind, gint64 id, GError **error)
{
	const Table *table;
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(kind != NULL, FALSE);

	table = lookup_table(kind->collection, error);
	if (table == NULL)
		return FALSE;
	stmt = roster_store_prepare(self, table_statements(table)->sql_delete, error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, id), error))
		return FALSE;
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE)
		rc = sqlite3_extended_errcode(roster_store_get_db(self));
	/* a restricting foreign key fails as a constraint, a trigger-like one included */
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "%s %" G_GINT64_FORMAT
			    ": still used by %s; change or delete those first",
			    kind->collection,
			    id,
			    table->referenced_by != NULL ? table->referenced_by : "other records");
		return FALSE;
	}
	if (rc != SQLITE_DONE) {
		roster_store_set_sqlite_error(self, rc, "deleting a record", error);
		return FALSE;
	}
	if (sqlite3_changes(roster_store_get_db(self)) != 1) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "%s %" G_GINT64_FORMAT ": not found",
			    kind->collection,
			    id);
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_store_record_exists:
 * @self: a #RosterStore
 * @collection: a collection name
 * @id: a record id
 * @exists: (out): whether the record exists
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_store_record_exists(RosterStore *self,
			   const gchar *collection,
			   gint64 id,
			   gboolean *exists,
			   GError **error)
{
	const Table *table;
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(exists != NULL, FALSE);

	table = lookup_table(collection, error);
	if (table == NULL)
		return FALSE;
	stmt = roster_store_prepare(self, table_statements(table)->sql_exists, error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, id), error))
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return FALSE;
	*exists = rc == SQLITE_ROW;
	return TRUE;
}

void
roster_store_filter_init(RosterStoreFilter *filter)
{
	memset(filter, 0, sizeof(*filter));
	filter->team = -1;
	filter->active = -1;
	filter->only_id = -1;
	filter->parent_id = -1;
	filter->offset = 0;
	filter->limit = 50;
}

static gchar *
like_pattern(const gchar *q)
{
	GString *str = g_string_new("%");

	for (const gchar *p = q; *p != '\0'; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			g_string_append_c(str, '\\');
		g_string_append_c(str, *p);
	}
	g_string_append_c(str, '%');
	return g_string_free(str, FALSE);
}

static gboolean
bind_optional_int(RosterStore *self, RosterStmt *stmt, gint index, gint64 value, GError **error)
{
	if (index > sqlite3_bind_parameter_count(stmt) || value < 0)
		return TRUE;
	return roster_store_check_bind(self, sqlite3_bind_int64(stmt, index, value), error);
}

static gboolean
bind_optional_text(RosterStore *self,
		   RosterStmt *stmt,
		   gint index,
		   const gchar *value,
		   GError **error)
{
	if (index > sqlite3_bind_parameter_count(stmt) || value == NULL)
		return TRUE;
	return roster_store_check_bind(self,
				       sqlite3_bind_text(stmt, index, value, -1, SQLITE_TRANSIENT),
				       error);
}

static gboolean
bind_filter(RosterStore *self, RosterStmt *stmt, const RosterStoreFilter *filter, GError **error)
{
	g_autofree gchar *pattern = filter->q != NULL ? like_pattern(filter->q) : NULL;

	return bind_optional_text(self, stmt, 1, pattern, error) &&
	       bind_optional_text(self, stmt, 2, filter->choice, error) &&
	       bind_optional_int(self, stmt, 3, filter->team, error) &&
	       bind_optional_int(self, stmt, 4, filter->active, error) &&
	       bind_optional_int(self, stmt, 5, filter->only_id, error) &&
	       bind_optional_int(self, stmt, 6, filter->parent_id, error) &&
	       bind_optional_int(self, stmt, 7, filter->limit, error) &&
	       bind_optional_int(self, stmt, 8, filter->offset, error);
}

/**
 * roster_store_list_records:
 * @self: a #RosterStore
 * @kind: the collection's kind
 * @filter: the filters and the page
 * @total: (out) (optional): the number of records matching, over all pages
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer container) (element-type RosterRecord): one page, by id
 *
 * Since: 0.1
 **/
GPtrArray *
roster_store_list_records(RosterStore *self,
			  const RosterKind *kind,
			  const RosterStoreFilter *filter,
			  gint64 *total,
			  GError **error)
{
	const Table *table;
	g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func(g_object_unref);
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	g_return_val_if_fail(kind != NULL && filter != NULL, NULL);

	table = lookup_table(kind->collection, error);
	if (table == NULL)
		return NULL;
	if (total != NULL) {
		g_autoptr(RosterStmt) count =
		    roster_store_prepare(self, table_statements(table)->sql_count, error);
		if (count == NULL || !bind_filter(self, count, filter, error))
			return NULL;
		if (roster_store_step(self, count, error) != SQLITE_ROW)
			return NULL;
		*total = sqlite3_column_int64(count, 0);
	}
	{
		g_autoptr(RosterStmt) stmt =
		    roster_store_prepare(self, table_statements(table)->sql_list, error);
		if (stmt == NULL || !bind_filter(self, stmt, filter, error))
			return NULL;
		while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW) {
			RosterRecord *record = read_record(kind, table, stmt, error);
			if (record == NULL)
				return NULL;
			g_ptr_array_add(records, record);
		}
		if (rc < 0)
			return NULL;
	}
	return g_steal_pointer(&records);
}

/**
 * roster_store_get_account_by_username:
 * @self: a #RosterStore
 * @username: a username
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the account with its password hash, or %NULL with
 * %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.1
 **/
RosterRecord *
roster_store_get_account_by_username(RosterStore *self, const gchar *username, GError **error)
{
	const Table *table;
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	g_return_val_if_fail(username != NULL, NULL);

	table = lookup_table(ROSTER_COLLECTION_ACCOUNTS, error);
	if (table == NULL)
		return NULL;
	stmt = roster_store_prepare(self, table_statements(table)->sql_by_unique, error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 1, username, -1, SQLITE_TRANSIENT),
				     error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "account %s: not found",
			    username);
		return NULL;
	}
	return read_record(roster_kind_lookup(ROSTER_COLLECTION_ACCOUNTS), table, stmt, error);
}
