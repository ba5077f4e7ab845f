/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the store's schema: the ladder of migrations that brings any older file to the
 * current version, and the check of a file before it is used */

/*
 * Schema versions (PRAGMA user_version):
 *
 *   0  an empty file
 *   1  calendars, seat_classes, demand_rules, teams, volunteers, availability,
 *      accounts, tokens and audit; a default service calendar
 *   2  volunteers.honour_roll_consent; an index on audit.actor_id; counsellor
 *      numbers unique regardless of case
 *   3  rosters (a period with its state, settings and score), their assignments and
 *      their published versions (immutable copies numbered per roster)
 *   4  calendar feed tokens (hashed), attendance of assignments, service logs,
 *      training records, ratings, settings and promotions
 *   5  version_shifts: one row per assignment of each published version, indexed by
 *      volunteer and by roster, filled from the versions' JSON copies, so that a
 *      calendar reads only the history it shows
 *   6  seat_classes.min_seats: the seats of each slot a shortage keeps (null is 1)
 *   7  calendars.overrides (dated manned hours, '[]'), calendars.night_start and
 *      night_end (the night window, 23:00 to 08:00 as it was fixed before)
 *   8  seat_classes.trainee_places: places for paired trainees beside the seats of
 *      each slot (0 for none); the step adds the column only when it is missing
 *   9  volunteers.preferred_language: the language of the volunteer's calendar feed
 *      (null: the hotline's, Chinese)
 *  10  the volunteers' page: sign-in links (hashed), confirmations of published
 *      shifts, the versions a volunteer last saw, availability rounds and their answers
 *  11  shift_requests (swap, give-away and pick-up requests of published shifts) and
 *      service_logs.reason (roster-store-requests.c)
 *  12  holidays: the imported holiday calendars, one row per date of a notice (a day
 *      off or a make-up working day, its name, year and source); calendars.holiday_hours
 *      (sunday, closed or own) and calendars.holiday_windows (the line's own hours)
 *  13  outbox (notifications and their delivery state) and notify_optouts (the kinds of
 *      message a volunteer does not want); see roster-store-outbox.c
 *  14  reminders_sent (each reminder before a shift written once); see
 *      roster-store-reminders.c
 *  15  duty_reach, duty_blocks and duty_activations: the duty expert's rota; see
 *      roster-store-duty.c
 *  16  accounts.email (a coordinator's own address) and alerts_sent (each alert to the
 *      coordinators written once); see roster-store-alerts.c
 *  17  accounts.preferred_language (the language of a coordinator's messages); see
 *      roster-store-alerts.c
 *
 * Each step of the ladder runs in its own transaction. A failed step rolls back and
 * stops with an error: the file is always kept, never deleted.
 */

#include "config.h"

#include <sqlite3.h>

#include "roster-store-alerts.h"
#include "roster-store-duty.h"
#include "roster-store-private.h"
#include "roster-store-reminders.h"
#include "roster-store-requests.h"
#include "roster-store-web.h"

#define CURRENT_SCHEMA_VERSION ROSTER_STORE_SCHEMA_VERSION

static const gchar schema_v1[] =
    "CREATE TABLE calendars ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " name TEXT NOT NULL, line TEXT NOT NULL, time_zone TEXT NOT NULL,"
    " slot_minutes INTEGER NOT NULL, first_slot_start TEXT NOT NULL,"
    " manned_windows TEXT NOT NULL DEFAULT '[]', duty_contact TEXT);"
    "CREATE TABLE seat_classes ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, mode TEXT NOT NULL,"
    " min_tier TEXT NOT NULL, skills TEXT NOT NULL DEFAULT '[]',"
    " crisis INTEGER NOT NULL DEFAULT 0, location TEXT, colour TEXT);"
    "CREATE TABLE demand_rules ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " seat_class_id INTEGER NOT NULL REFERENCES seat_classes(id) ON DELETE RESTRICT,"
    " weekdays TEXT NOT NULL DEFAULT '[]', date_from TEXT, date_to TEXT,"
    " start_time TEXT NOT NULL, end_time TEXT NOT NULL, seats INTEGER NOT NULL,"
    " note TEXT);"
    "CREATE INDEX demand_rules_seat_class ON demand_rules(seat_class_id);"
    "CREATE TABLE teams ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " name TEXT NOT NULL UNIQUE, colour TEXT, note TEXT);"
    "CREATE TABLE volunteers ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " name TEXT NOT NULL, counsellor_no TEXT NOT NULL UNIQUE, phone TEXT, email TEXT,"
    " tier TEXT NOT NULL, skills TEXT NOT NULL DEFAULT '[]',"
    " modes TEXT NOT NULL DEFAULT '[\"on-site\",\"cloud\"]',"
    " team_id INTEGER REFERENCES teams(id) ON DELETE RESTRICT,"
    " active INTEGER NOT NULL DEFAULT 1,"
    " max_hours_week INTEGER, max_hours_month INTEGER, max_shifts_month INTEGER,"
    " max_consecutive_days INTEGER, max_nights_month INTEGER, min_shifts_month INTEGER,"
    " note TEXT);"
    "CREATE INDEX volunteers_team ON volunteers(team_id);"
    "CREATE TABLE availability ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL, date TEXT, weekday INTEGER, start_time TEXT, end_time TEXT,"
    " note TEXT);"
    "CREATE INDEX availability_volunteer ON availability(volunteer_id);"
    "CREATE TABLE accounts ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,"
    " volunteer_id INTEGER REFERENCES volunteers(id) ON DELETE RESTRICT,"
    " password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1);"
    "CREATE INDEX accounts_volunteer ON accounts(volunteer_id);"
    "CREATE TABLE tokens ("
    " hash BLOB PRIMARY KEY,"
    " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
    " created INTEGER NOT NULL, expires INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE INDEX tokens_account ON tokens(account_id);"
    "CREATE TABLE audit ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,"
    " actor_id INTEGER NOT NULL, action TEXT NOT NULL, collection TEXT NOT NULL,"
    " record_id INTEGER NOT NULL, before_json TEXT, after_json TEXT);"
    "CREATE INDEX audit_record ON audit(collection, record_id);"
    "INSERT INTO calendars (created, modified, name, line, time_zone, slot_minutes,"
    " first_slot_start)"
    " VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
    " '12355 青少年服务热线', '12355', 'Asia/Shanghai', 180, '08:00');"
    "PRAGMA user_version = 1;";

static const gchar schema_v2[] =
    "ALTER TABLE volunteers ADD COLUMN honour_roll_consent INTEGER NOT NULL DEFAULT 0;"
    "CREATE INDEX audit_actor ON audit(actor_id);"
    "CREATE UNIQUE INDEX volunteers_counsellor_no_nocase"
    " ON volunteers(counsellor_no COLLATE NOCASE);"
    "PRAGMA user_version = 2;";

static const gchar schema_v3[] =
    "CREATE TABLE rosters ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " name TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL,"
    " state TEXT NOT NULL DEFAULT 'draft', settings TEXT NOT NULL DEFAULT '{}',"
    " score TEXT, n_versions INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE assignments ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,"
    " date TEXT NOT NULL, slot_start TEXT NOT NULL,"
    " seat_class_id INTEGER NOT NULL REFERENCES seat_classes(id) ON DELETE RESTRICT,"
    " seat_no INTEGER NOT NULL,"
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT,"
    " pinned INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT 'manual',"
    " UNIQUE (roster_id, date, slot_start, seat_class_id, seat_no));"
    "CREATE INDEX assignments_volunteer ON assignments(volunteer_id);"
    "CREATE TABLE roster_versions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,"
    " number INTEGER NOT NULL, created TEXT NOT NULL, actor TEXT NOT NULL,"
    " score TEXT, assignments TEXT NOT NULL, UNIQUE (roster_id, number));"
    "PRAGMA user_version = 3;";

static const gchar schema_v4[] =
    "CREATE TABLE calendar_tokens ("
    " volunteer_id INTEGER PRIMARY KEY REFERENCES volunteers(id) ON DELETE CASCADE,"
    " hash BLOB NOT NULL UNIQUE, created TEXT NOT NULL);"
    "CREATE TABLE attendance ("
    " assignment_id INTEGER PRIMARY KEY,"
    " roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,"
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT,"
    " date TEXT NOT NULL, slot TEXT NOT NULL, seat_class_id INTEGER NOT NULL,"
    " status TEXT NOT NULL, late_minutes INTEGER NOT NULL DEFAULT 0,"
    " early_minutes INTEGER NOT NULL DEFAULT 0, minutes INTEGER NOT NULL,"
    " recorded_by TEXT NOT NULL, modified TEXT NOT NULL);"
    "CREATE INDEX attendance_volunteer ON attendance(volunteer_id, date);"
    "CREATE TABLE service_logs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT,"
    " date TEXT NOT NULL, minutes INTEGER NOT NULL, kind TEXT NOT NULL, description TEXT,"
    " state TEXT NOT NULL DEFAULT 'pending', approver TEXT, decided TEXT);"
    "CREATE INDEX service_logs_volunteer ON service_logs(volunteer_id, date);"
    "CREATE TABLE training_records ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT,"
    " kind TEXT NOT NULL, minutes INTEGER NOT NULL, date TEXT NOT NULL,"
    " verified_by TEXT, note TEXT);"
    "CREATE INDEX training_records_volunteer ON training_records(volunteer_id, date);"
    "CREATE TABLE ratings ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL,"
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT,"
    " dimension TEXT NOT NULL, score INTEGER NOT NULL, rater TEXT NOT NULL,"
    " date TEXT NOT NULL, note TEXT);"
    "CREATE INDEX ratings_volunteer ON ratings(volunteer_id, date);"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE promotions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE RESTRICT,"
    " from_tier TEXT NOT NULL, to_tier TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL,"
    " evidence TEXT);"
    "PRAGMA user_version = 4;";

/* the rows repeat roster_versions.assignments, which stays the copy of record; the
 * calendar's history queries need them by volunteer without parsing every version */
static const gchar schema_v5[] =
    "CREATE TABLE version_shifts ("
    " roster_id INTEGER NOT NULL, number INTEGER NOT NULL,"
    " assignment_id INTEGER NOT NULL, volunteer_id INTEGER NOT NULL,"
    " seat_class_id INTEGER NOT NULL, date TEXT NOT NULL, slot TEXT NOT NULL,"
    " FOREIGN KEY (roster_id, number) REFERENCES roster_versions(roster_id, number)"
    " ON DELETE CASCADE);"
    "CREATE INDEX version_shifts_volunteer ON version_shifts(volunteer_id, roster_id, number);"
    "CREATE INDEX version_shifts_roster ON version_shifts(roster_id, number);"
    "INSERT INTO version_shifts (roster_id, number, assignment_id, volunteer_id,"
    " seat_class_id, date, slot)"
    " SELECT v.roster_id, v.number, " ROSTER_STORE_VERSION_SHIFT_COLUMNS
    " FROM roster_versions v, json_each(CASE WHEN json_valid(v.assignments)"
    " THEN v.assignments ELSE '[]' END) e WHERE e.type = 'object'"
    " ORDER BY v.roster_id, v.number, e.key;"
    "PRAGMA user_version = 5;";

static const gchar schema_v6[] = "ALTER TABLE seat_classes ADD COLUMN min_seats INTEGER;"
				 "PRAGMA user_version = 6;";

static const gchar schema_v7[] =
    "ALTER TABLE calendars ADD COLUMN overrides TEXT NOT NULL DEFAULT '[]';"
    "ALTER TABLE calendars ADD COLUMN night_start TEXT NOT NULL DEFAULT '23:00';"
    "ALTER TABLE calendars ADD COLUMN night_end TEXT NOT NULL DEFAULT '08:00';"
    "PRAGMA user_version = 7;";
static const gchar schema_v8[] =
    "ALTER TABLE seat_classes ADD COLUMN trainee_places INTEGER NOT NULL DEFAULT 0;"
    "PRAGMA user_version = 8;";
static const gchar schema_v8_present[] = "PRAGMA user_version = 8;";
static const gchar schema_v9[] = "ALTER TABLE volunteers ADD COLUMN preferred_language TEXT;"
				 "PRAGMA user_version = 9;";
static const gchar schema_v10[] = ROSTER_STORE_WEB_SCHEMA "PRAGMA user_version = 10;";
static const gchar schema_v12[] =
    "CREATE TABLE holidays ("
    " date TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('off', 'working')),"
    " name TEXT NOT NULL, year INTEGER NOT NULL, source TEXT NOT NULL,"
    " PRIMARY KEY (year, date));"
    "CREATE INDEX holidays_date ON holidays(date);"
    "ALTER TABLE calendars ADD COLUMN holiday_hours TEXT NOT NULL DEFAULT 'sunday';"
    "ALTER TABLE calendars ADD COLUMN holiday_windows TEXT NOT NULL DEFAULT '[]';"
    "PRAGMA user_version = 12;";
static const gchar schema_v13[] =
    "CREATE TABLE outbox ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
    " volunteer_id INTEGER REFERENCES volunteers(id) ON DELETE SET NULL,"
    " account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,"
    " address TEXT NOT NULL, transport TEXT NOT NULL, subject TEXT NOT NULL,"
    " body TEXT NOT NULL, language TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',"
    " attempts INTEGER NOT NULL DEFAULT 0, next_attempt INTEGER NOT NULL, last_error TEXT,"
    " created TEXT NOT NULL, sent TEXT);"
    "CREATE INDEX outbox_due ON outbox(state, next_attempt);"
    "CREATE INDEX outbox_volunteer ON outbox(volunteer_id);"
    "CREATE TABLE notify_optouts ("
    " volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL, PRIMARY KEY (volunteer_id, kind)) WITHOUT ROWID;"
    "PRAGMA user_version = 13;";
static const gchar schema_v14[] = ROSTER_STORE_REMINDERS_SCHEMA "PRAGMA user_version = 14;";
static const gchar schema_v15[] = ROSTER_STORE_DUTY_SCHEMA "PRAGMA user_version = 15;";
static const gchar schema_v16[] = ROSTER_STORE_ALERTS_SCHEMA "PRAGMA user_version = 16;";
static const gchar schema_v17[] = ROSTER_STORE_ACCOUNT_LANGUAGE_SCHEMA "PRAGMA user_version = 17;";

/**
 * roster_store_exec:
 * @self: a #RosterStore
 * @sql: statements without results
 * @what: what is being done, for the error message
 * @error: (nullable): optional return location for an error
 *
 * Runs @sql on the open database.
 *
 * Returns: %TRUE on success
 **/
gboolean
roster_store_exec(RosterStore *self, const gchar *sql, const gchar *what, GError **error)
{
	gint rc = sqlite3_exec(roster_store_get_db(self), sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, what, error);
		return FALSE;
	}
	return TRUE;
}

/* @sql's first row, or NULL with @error set when it fails or has none */
static sqlite3_stmt *
first_row(RosterStore *self, const gchar *sql, GError **error)
{
	g_autoptr(sqlite3_stmt) stmt = NULL;
	gint rc = sqlite3_prepare_v2(roster_store_get_db(self), sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		roster_store_set_sqlite_error(self, rc, "reading the database", error);
		return NULL;
	}
	return g_steal_pointer(&stmt);
}

static gboolean
query_int(RosterStore *self, const gchar *sql, gint64 *value, GError **error)
{
	g_autoptr(sqlite3_stmt) stmt = first_row(self, sql, error);

	if (stmt == NULL)
		return FALSE;
	*value = sqlite3_column_int64(stmt, 0);
	return TRUE;
}

/**
 * roster_store_query_text:
 * @self: a #RosterStore
 * @sql: a query of one text value
 * @value: (out): the value of its first row
 * @error: (nullable): optional return location for an error
 *
 * Reads one text value.
 *
 * Returns: %TRUE on success
 **/
gboolean
roster_store_query_text(RosterStore *self, const gchar *sql, gchar **value, GError **error)
{
	g_autoptr(sqlite3_stmt) stmt = first_row(self, sql, error);

	if (stmt == NULL)
		return FALSE;
	*value = g_strdup((const gchar *)sqlite3_column_text(stmt, 0));
	return TRUE;
}

static gboolean
migrate_step(RosterStore *self, const gchar *sql, gint to_version, GError **error)
{
	g_info("migrating %s to schema version %d", roster_store_get_path(self), to_version);
	if (!roster_store_exec(self, "BEGIN IMMEDIATE", "starting a migration", error))
		return FALSE;
	if (!roster_store_exec(self, sql, "migrating the database", error)) {
		sqlite3_exec(roster_store_get_db(self), "ROLLBACK", NULL, NULL, NULL);
		g_prefix_error(error, "schema version %d: ", to_version);
		return FALSE;
	}
	if (!roster_store_exec(self, "COMMIT", "finishing a migration", error)) {
		sqlite3_exec(roster_store_get_db(self), "ROLLBACK", NULL, NULL, NULL);
		return FALSE;
	}
	return TRUE;
}

/* keyed on the column's absence rather than on the version number alone */
static gboolean
migrate_v8(RosterStore *self, GError **error)
{
	gint64 present = 0;

	if (!query_int(self,
		       "SELECT COUNT(*) FROM pragma_table_info('seat_classes')"
		       " WHERE name = 'trainee_places'",
		       &present,
		       error))
		return FALSE;
	return migrate_step(self, present > 0 ? schema_v8_present : schema_v8, 8, error);
}

/**
 * roster_store_migrate:
 * @self: a #RosterStore
 * @version: the file's schema version
 * @error: (nullable): optional return location for an error
 *
 * Brings the open database from @version to the current schema, a transaction a step.
 *
 * Returns: %TRUE on success
 **/
gboolean
roster_store_migrate(RosterStore *self, gint64 version, GError **error)
{
	/* the ladder: each case falls through to the next version */
	switch (version) {
	case 0:
		if (!migrate_step(self, schema_v1, 1, error))
			return FALSE;
		/* fall through */
	case 1:
		if (!migrate_step(self, schema_v2, 2, error))
			return FALSE;
		/* fall through */
	case 2:
		if (!migrate_step(self, schema_v3, 3, error))
			return FALSE;
		/* fall through */
	case 3:
		if (!migrate_step(self, schema_v4, 4, error))
			return FALSE;
		/* fall through */
	case 4:
		if (!migrate_step(self, schema_v5, 5, error))
			return FALSE;
		/* fall through */
	case 5:
		if (!migrate_step(self, schema_v6, 6, error))
			return FALSE;
		/* fall through */
	case 6:
		if (!migrate_step(self, schema_v7, 7, error))
			return FALSE;
		/* fall through */
	case 7:
		if (!migrate_v8(self, error))
			return FALSE;
		/* fall through */
	case 8:
		if (!migrate_step(self, schema_v9, 9, error))
			return FALSE;
		/* fall through */
	case 9:
		if (!migrate_step(self, schema_v10, 10, error))
			return FALSE;
		/* fall through */
	case 10:
		if (!migrate_step(self, roster_store_schema_requests, 11, error))
			return FALSE;
		/* fall through */
	case 11:
		if (!migrate_step(self, schema_v12, 12, error))
			return FALSE;
		/* fall through */
	case 12:
		if (!migrate_step(self, schema_v13, 13, error))
			return FALSE;
		/* fall through */
	case 13:
		if (!migrate_step(self, schema_v14, 14, error))
			return FALSE;
		/* fall through */
	case 14:
		if (!migrate_step(self, schema_v15, 15, error))
			return FALSE;
		/* fall through */
	case 15:
		if (!migrate_step(self, schema_v16, 16, error))
			return FALSE;
		/* fall through */
	case 16:
		if (!migrate_step(self, schema_v17, 17, error))
			return FALSE;
		/* fall through */
	case CURRENT_SCHEMA_VERSION:
		break;
	default:
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "unknown schema version %" G_GINT64_FORMAT,
			    version);
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_store_check_schema:
 * @self: a #RosterStore
 * @version: (out): the file's schema version
 * @error: (nullable): optional return location for an error
 *
 * Reads the schema version of the open database, refusing a newer one than this
 * program knows, and checks the file is not damaged.
 *
 * Returns: %TRUE when the file can be used
 **/
gboolean
roster_store_check_schema(RosterStore *self, gint64 *version, GError **error)
{
	g_autofree gchar *check = NULL;

	if (!query_int(self, "PRAGMA user_version", version, error))
		return FALSE;
	if (*version > CURRENT_SCHEMA_VERSION || *version < 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_SUPPORTED,
			    "%s has schema version %" G_GINT64_FORMAT
			    ", newer than this program supports (%d)",
			    roster_store_get_path(self),
			    *version,
			    CURRENT_SCHEMA_VERSION);
		return FALSE;
	}
	if (!roster_store_query_text(self, "PRAGMA quick_check", &check, error))
		return FALSE;
	if (g_strcmp0(check, "ok") != 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "%s is damaged: %s",
			    roster_store_get_path(self),
			    check);
		return FALSE;
	}
	return TRUE;
}
