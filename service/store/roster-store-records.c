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
 * One table per collection. Every statement is static text; a column table maps the
 * record's members onto the columns in statement order. Parameters: ?1 is the time
 * of the write, ?2 the id and ?3 the revision read, and the columns start at ?4.
 * List statements share one parameter layout: ?1 the LIKE pattern, ?2 a choice (tier
 * or role), ?3 a team, ?4 active, ?5 one id, ?6 a parent id, ?7 limit and ?8 offset.
 */

typedef enum {
	COL_TEXT,
	COL_INT,
	COL_BOOL,
	COL_JSON,
} ColumnType;

typedef struct {
	const gchar *key;
	ColumnType type;
} Column;

typedef struct {
	const gchar *collection;
	const Column *columns;
	guint n_columns;
	const gchar *sql_get;
	const gchar *sql_insert;
	const gchar *sql_update;
	const gchar *sql_delete;
	const gchar *sql_exists;
	const gchar *sql_list;
	const gchar *sql_count;
	/* what may still refer to a record, for the message when a delete is refused */
	const gchar *referenced_by;
} Table;

#define PARAM_FIRST_COLUMN 4

#define META "id, revision, created, modified, "

/* calendars */
static const Column calendar_columns[] = {
    {ROSTER_KEY_NAME, COL_TEXT},
    {ROSTER_KEY_LINE, COL_TEXT},
    {ROSTER_KEY_TIME_ZONE, COL_TEXT},
    {ROSTER_KEY_SLOT_MINUTES, COL_INT},
    {ROSTER_KEY_FIRST_SLOT_START, COL_TEXT},
    {ROSTER_KEY_MANNED_WINDOWS, COL_JSON},
    {ROSTER_KEY_DUTY_CONTACT, COL_TEXT},
    {ROSTER_KEY_OVERRIDES, COL_JSON},
    {ROSTER_KEY_NIGHT_START, COL_TEXT},
    {ROSTER_KEY_NIGHT_END, COL_TEXT},
};
#define CALENDAR_COLUMNS                                                                           \
	META                                                                                       \
	    "name, line, time_zone, slot_minutes, first_slot_start, manned_windows, duty_contact," \
	    " overrides, night_start, night_end"
#define CALENDAR_WHERE " WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\')"

/* seat classes */
static const Column seat_class_columns[] = {
    {ROSTER_KEY_CODE, COL_TEXT},
    {ROSTER_KEY_NAME, COL_TEXT},
    {ROSTER_KEY_MODE, COL_TEXT},
    {ROSTER_KEY_MIN_TIER, COL_TEXT},
    {ROSTER_KEY_SKILLS, COL_JSON},
    {ROSTER_KEY_CRISIS, COL_BOOL},
    {ROSTER_KEY_LOCATION, COL_TEXT},
    {ROSTER_KEY_COLOUR, COL_TEXT},
    {ROSTER_KEY_MIN_SEATS, COL_INT},
    {ROSTER_KEY_TRAINEE_PLACES, COL_INT},
};
#define SEAT_CLASS_COLUMNS                                                                         \
	META "code, name, mode, min_tier, skills, crisis, location, colour, min_seats,"            \
	     " trainee_places"
#define SEAT_CLASS_WHERE                                                                           \
	" WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR code LIKE ?1 ESCAPE '\\')"

/* demand rules */
static const Column demand_rule_columns[] = {
    {ROSTER_KEY_SEAT_CLASS_ID, COL_INT},
    {ROSTER_KEY_WEEKDAYS, COL_JSON},
    {ROSTER_KEY_DATE_FROM, COL_TEXT},
    {ROSTER_KEY_DATE_TO, COL_TEXT},
    {ROSTER_KEY_START, COL_TEXT},
    {ROSTER_KEY_END, COL_TEXT},
    {ROSTER_KEY_SEATS, COL_INT},
    {ROSTER_KEY_NOTE, COL_TEXT},
};
#define DEMAND_RULE_COLUMNS                                                                        \
	META "seat_class_id, weekdays, date_from, date_to, start_time, end_time, seats, note"

/* teams */
static const Column team_columns[] = {
    {ROSTER_KEY_NAME, COL_TEXT},
    {ROSTER_KEY_COLOUR, COL_TEXT},
    {ROSTER_KEY_NOTE, COL_TEXT},
};
#define TEAM_COLUMNS META "name, colour, note"
#define TEAM_WHERE   " WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\')"

/* volunteers */
static const Column volunteer_columns[] = {
    {ROSTER_KEY_NAME, COL_TEXT},
    {ROSTER_KEY_COUNSELLOR_NO, COL_TEXT},
    {ROSTER_KEY_PHONE, COL_TEXT},
    {ROSTER_KEY_EMAIL, COL_TEXT},
    {ROSTER_KEY_TIER, COL_TEXT},
    {ROSTER_KEY_SKILLS, COL_JSON},
    {ROSTER_KEY_MODES, COL_JSON},
    {ROSTER_KEY_TEAM_ID, COL_INT},
    {ROSTER_KEY_ACTIVE, COL_BOOL},
    {ROSTER_KEY_MAX_HOURS_WEEK, COL_INT},
    {ROSTER_KEY_MAX_HOURS_MONTH, COL_INT},
    {ROSTER_KEY_MAX_SHIFTS_MONTH, COL_INT},
    {ROSTER_KEY_MAX_CONSECUTIVE_DAYS, COL_INT},
    {ROSTER_KEY_MAX_NIGHTS_MONTH, COL_INT},
    {ROSTER_KEY_MIN_SHIFTS_MONTH, COL_INT},
    {ROSTER_KEY_HONOUR_ROLL_CONSENT, COL_BOOL},
    {ROSTER_KEY_NOTE, COL_TEXT},
};
#define VOLUNTEER_COLUMNS                                                                          \
	META "name, counsellor_no, phone, email, tier, skills, modes, team_id, active,"            \
	     " max_hours_week, max_hours_month, max_shifts_month, max_consecutive_days,"           \
	     " max_nights_month, min_shifts_month, honour_roll_consent, note"
#define VOLUNTEER_WHERE                                                                            \
	" WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR counsellor_no LIKE ?1 ESCAPE '\\')"     \
	" AND (?2 IS NULL OR tier = ?2) AND (?3 IS NULL OR team_id = ?3)"                          \
	" AND (?4 IS NULL OR active = ?4) AND (?5 IS NULL OR id = ?5)"

/* availability */
static const Column availability_columns[] = {
    {ROSTER_KEY_VOLUNTEER_ID, COL_INT},
    {ROSTER_KEY_KIND, COL_TEXT},
    {ROSTER_KEY_DATE, COL_TEXT},
    {ROSTER_KEY_WEEKDAY, COL_INT},
    {ROSTER_KEY_START, COL_TEXT},
    {ROSTER_KEY_END, COL_TEXT},
    {ROSTER_KEY_NOTE, COL_TEXT},
};
#define AVAILABILITY_COLUMNS META "volunteer_id, kind, date, weekday, start_time, end_time, note"
#define AVAILABILITY_WHERE   " WHERE (?6 IS NULL OR volunteer_id = ?6)"

/* accounts: the password hash is stored, never part of the kind's fields */
static const Column account_columns[] = {
    {ROSTER_KEY_USERNAME, COL_TEXT},
    {ROSTER_KEY_ROLE, COL_TEXT},
    {ROSTER_KEY_VOLUNTEER_ID, COL_INT},
    {ROSTER_RECORD_KEY_PASSWORD_HASH, COL_TEXT},
    {ROSTER_KEY_ACTIVE, COL_BOOL},
};
#define ACCOUNT_COLUMNS META "username, role, volunteer_id, password_hash, active"
#define ACCOUNT_WHERE                                                                              \
	" WHERE (?1 IS NULL OR username LIKE ?1 ESCAPE '\\') AND (?2 IS NULL OR role = ?2)"        \
	" AND (?4 IS NULL OR active = ?4)"

#define PAGE " ORDER BY id LIMIT ?7 OFFSET ?8"

static const Table tables[] = {
    {ROSTER_COLLECTION_CALENDARS,
     calendar_columns,
     G_N_ELEMENTS(calendar_columns),
     "SELECT " CALENDAR_COLUMNS " FROM calendars WHERE id = ?2",
     "INSERT INTO calendars (revision, created, modified, name, line, time_zone, slot_minutes,"
     " first_slot_start, manned_windows, duty_contact, overrides, night_start, night_end)"
     " VALUES (1, ?1, ?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
     "UPDATE calendars SET revision = revision + 1, modified = ?1, name = ?4, line = ?5,"
     " time_zone = ?6, slot_minutes = ?7, first_slot_start = ?8, manned_windows = ?9,"
     " duty_contact = ?10, overrides = ?11, night_start = ?12, night_end = ?13"
     " WHERE id = ?2 AND revision = ?3",
     "DELETE FROM calendars WHERE id = ?2",
     "SELECT 1 FROM calendars WHERE id = ?2",
     "SELECT " CALENDAR_COLUMNS " FROM calendars" CALENDAR_WHERE PAGE,
     "SELECT COUNT(*) FROM calendars" CALENDAR_WHERE,
     NULL},
    {ROSTER_COLLECTION_SEAT_CLASSES,
     seat_class_columns,
     G_N_ELEMENTS(seat_class_columns),
     "SELECT " SEAT_CLASS_COLUMNS " FROM seat_classes WHERE id = ?2",
     "INSERT INTO seat_classes (revision, created, modified, code, name, mode, min_tier, skills,"
     " crisis, location, colour, min_seats, trainee_places)"
     " VALUES (1, ?1, ?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
     "UPDATE seat_classes SET revision = revision + 1, modified = ?1, code = ?4, name = ?5,"
     " mode = ?6, min_tier = ?7, skills = ?8, crisis = ?9, location = ?10, colour = ?11,"
     " min_seats = ?12, trainee_places = ?13"
     " WHERE id = ?2 AND revision = ?3",
     "DELETE FROM seat_classes WHERE id = ?2",
     "SELECT 1 FROM seat_classes WHERE id = ?2",
     "SELECT " SEAT_CLASS_COLUMNS " FROM seat_classes" SEAT_CLASS_WHERE PAGE,
     "SELECT COUNT(*) FROM seat_classes" SEAT_CLASS_WHERE,
     "demand rules"},
    {ROSTER_COLLECTION_DEMAND_RULES,
     demand_rule_columns,
     G_N_ELEMENTS(demand_rule_columns),
     "SELECT " DEMAND_RULE_COLUMNS " FROM demand_rules WHERE id = ?2",
     "INSERT INTO demand_rules (revision, created, modified, seat_class_id, weekdays, date_from,"
     " date_to, start_time, end_time, seats, note)"
     " VALUES (1, ?1, ?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
     "UPDATE demand_rules SET revision = revision + 1, modified = ?1, seat_class_id = ?4,"
     " weekdays = ?5, date_from = ?6, date_to = ?7, start_time = ?8, end_time = ?9,"
     " seats = ?10, note = ?11 WHERE id = ?2 AND revision = ?3",
     "DELETE FROM demand_rules WHERE id = ?2",
     "SELECT 1 FROM demand_rules WHERE id = ?2",
     "SELECT " DEMAND_RULE_COLUMNS " FROM demand_rules" PAGE,
     "SELECT COUNT(*) FROM demand_rules",
     NULL},
    {ROSTER_COLLECTION_TEAMS,
     team_columns,
     G_N_ELEMENTS(team_columns),
     "SELECT " TEAM_COLUMNS " FROM teams WHERE id = ?2",
     "INSERT INTO teams (revision, created, modified, name, colour, note)"
     " VALUES (1, ?1, ?1, ?4, ?5, ?6)",
     "UPDATE teams SET revision = revision + 1, modified = ?1, name = ?4, colour = ?5,"
     " note = ?6 WHERE id = ?2 AND revision = ?3",
     "DELETE FROM teams WHERE id = ?2",
     "SELECT 1 FROM teams WHERE id = ?2",
     "SELECT " TEAM_COLUMNS " FROM teams" TEAM_WHERE PAGE,
     "SELECT COUNT(*) FROM teams" TEAM_WHERE,
     "volunteers"},
    {ROSTER_COLLECTION_VOLUNTEERS,
     volunteer_columns,
     G_N_ELEMENTS(volunteer_columns),
     "SELECT " VOLUNTEER_COLUMNS " FROM volunteers WHERE id = ?2",
     "INSERT INTO volunteers (revision, created, modified, name, counsellor_no, phone, email,"
     " tier, skills, modes, team_id, active, max_hours_week, max_hours_month,"
     " max_shifts_month, max_consecutive_days, max_nights_month, min_shifts_month,"
     " honour_roll_consent, note) VALUES (1, ?1, ?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
     " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
     "UPDATE volunteers SET revision = revision + 1, modified = ?1, name = ?4,"
     " counsellor_no = ?5, phone = ?6, email = ?7, tier = ?8, skills = ?9, modes = ?10,"
     " team_id = ?11, active = ?12, max_hours_week = ?13, max_hours_month = ?14,"
     " max_shifts_month = ?15, max_consecutive_days = ?16, max_nights_month = ?17,"
     " min_shifts_month = ?18, honour_roll_consent = ?19, note = ?20"
     " WHERE id = ?2 AND revision = ?3",
     "DELETE FROM volunteers WHERE id = ?2",
     "SELECT 1 FROM volunteers WHERE id = ?2",
     "SELECT " VOLUNTEER_COLUMNS " FROM volunteers" VOLUNTEER_WHERE PAGE,
     "SELECT COUNT(*) FROM volunteers" VOLUNTEER_WHERE,
     "accounts"},
    {ROSTER_COLLECTION_AVAILABILITY,
     availability_columns,
     G_N_ELEMENTS(availability_columns),
     "SELECT " AVAILABILITY_COLUMNS " FROM availability WHERE id = ?2",
     "INSERT INTO availability (revision, created, modified, volunteer_id, kind, date, weekday,"
     " start_time, end_time, note) VALUES (1, ?1, ?1, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
     "UPDATE availability SET revision = revision + 1, modified = ?1, volunteer_id = ?4,"
     " kind = ?5, date = ?6, weekday = ?7, start_time = ?8, end_time = ?9, note = ?10"
     " WHERE id = ?2 AND revision = ?3",
     "DELETE FROM availability WHERE id = ?2",
     "SELECT 1 FROM availability WHERE id = ?2",
     "SELECT " AVAILABILITY_COLUMNS " FROM availability" AVAILABILITY_WHERE PAGE,
     "SELECT COUNT(*) FROM availability" AVAILABILITY_WHERE,
     NULL},
    {ROSTER_COLLECTION_ACCOUNTS,
     account_columns,
     G_N_ELEMENTS(account_columns),
     "SELECT " ACCOUNT_COLUMNS " FROM accounts WHERE id = ?2",
     "INSERT INTO accounts (revision, created, modified, username, role, volunteer_id,"
     " password_hash, active) VALUES (1, ?1, ?1, ?4, ?5, ?6, ?7, ?8)",
     "UPDATE accounts SET revision = revision + 1, modified = ?1, username = ?4, role = ?5,"
     " volunteer_id = ?6, password_hash = ?7, active = ?8 WHERE id = ?2 AND revision = ?3",
     "DELETE FROM accounts WHERE id = ?2",
     "SELECT 1 FROM accounts WHERE id = ?2",
     "SELECT " ACCOUNT_COLUMNS " FROM accounts" ACCOUNT_WHERE PAGE,
     "SELECT COUNT(*) FROM accounts" ACCOUNT_WHERE,
     NULL},
};

static const gchar sql_account_by_username[] = "SELECT " ACCOUNT_COLUMNS
					       " FROM accounts WHERE username = ?1";

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
bind_rc(RosterStore *self, gint rc, GError **error)
{
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "binding a value", error);
		return FALSE;
	}
	return TRUE;
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
		return bind_rc(self, sqlite3_bind_null(stmt, index), error);
	switch (column->type) {
	case COL_INT:
		return bind_rc(self,
			       sqlite3_bind_int64(stmt, index, json_node_get_int(value)),
			       error);
	case COL_BOOL:
		return bind_rc(self,
			       sqlite3_bind_int(stmt, index, json_node_get_boolean(value) ? 1 : 0),
			       error);
	case COL_TEXT:
		return bind_rc(self,
			       sqlite3_bind_text(stmt,
						 index,
						 json_node_get_string(value),
						 -1,
						 SQLITE_TRANSIENT),
			       error);
	case COL_JSON:
		text = json_to_string(value, FALSE);
		return bind_rc(self,
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

	roster_record_set_id(record, sqlite3_column_int64(stmt, 0));
	roster_record_set_revision(record, sqlite3_column_int64(stmt, 1));
	roster_record_set_created(record, (const gchar *)sqlite3_column_text(stmt, 2));
	roster_record_set_modified(record, (const gchar *)sqlite3_column_text(stmt, 3));
	for (guint i = 0; i < table->n_columns; i++) {
		JsonNode *value = read_column(stmt, (gint)i + 4, &table->columns[i], error);
		if (value == NULL)
			return NULL;
		roster_record_set_value(record, table->columns[i].key, value);
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
	stmt = roster_store_prepare(self, table->sql_get, error);
	if (stmt == NULL)
		return NULL;
	if (!bind_rc(self, sqlite3_bind_int64(stmt, 2, id), error))
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
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_ALREADY_EXISTS,
			    "%s: already taken by another record",
			    unique != NULL ? unique->key : "id");
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
	if (!bind_rc(self, sqlite3_bind_text(stmt, 1, now, -1, SQLITE_TRANSIENT), error))
		return FALSE;
	for (guint i = 0; i < table->n_columns; i++) {
		JsonNode *value = roster_record_get_value(record, table->columns[i].key);
		if (!bind_column(self,
				 stmt,
				 (gint)i + PARAM_FIRST_COLUMN,
				 &table->columns[i],
				 value,
				 error))
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
	stmt = roster_store_prepare(self, update ? table->sql_update : table->sql_insert, error);
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
	if (!bind_rc(self, sqlite3_bind_int64(stmt, 2, roster_record_get_id(record)), error))
		return FALSE;
	if (!bind_rc(self, sqlite3_bind_int64(stmt, 3, roster_record_get_revision(record)), error))
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
	stmt = roster_store_prepare(self, table->sql_delete, error);
	if (stmt == NULL)
		return FALSE;
	if (!bind_rc(self, sqlite3_bind_int64(stmt, 2, id), error))
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
	stmt = roster_store_prepare(self, table->sql_exists, error);
	if (stmt == NULL)
		return FALSE;
	if (!bind_rc(self, sqlite3_bind_int64(stmt, 2, id), error))
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
	return bind_rc(self, sqlite3_bind_int64(stmt, index, value), error);
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
	return bind_rc(self, sqlite3_bind_text(stmt, index, value, -1, SQLITE_TRANSIENT), error);
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
		g_autoptr(RosterStmt) count = roster_store_prepare(self, table->sql_count, error);
		if (count == NULL || !bind_filter(self, count, filter, error))
			return NULL;
		if (roster_store_step(self, count, error) != SQLITE_ROW)
			return NULL;
		*total = sqlite3_column_int64(count, 0);
	}
	{
		g_autoptr(RosterStmt) stmt = roster_store_prepare(self, table->sql_list, error);
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
	stmt = roster_store_prepare(self, sql_account_by_username, error);
	if (stmt == NULL)
		return NULL;
	if (!bind_rc(self, sqlite3_bind_text(stmt, 1, username, -1, SQLITE_TRANSIENT), error))
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
