/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the reminders written before shifts, keyed on shift, volunteer and offset */

#include "config.h"

#include <sqlite3.h>

#include "roster-store-private.h"
#include "roster-store-reminders.h"

static gboolean
bind_key(RosterStore *self,
	 sqlite3_stmt *stmt,
	 gint64 roster_id,
	 gint64 assignment_id,
	 gint64 volunteer_id,
	 GError **error)
{
	gint rc = sqlite3_bind_int64(stmt, 1, roster_id);

	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(stmt, 2, assignment_id);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(stmt, 3, volunteer_id);
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "binding a value", error);
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_store_reminder_add:
 * @self: a store inside a transaction
 * @roster_id: the roster
 * @assignment_id: the shift's assignment
 * @volunteer_id: the volunteer reminded
 * @offset_minutes: how long before the start
 * @at: when, seconds since the epoch
 * @added: (out): whether the row is new
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_reminder_add(RosterStore *self,
			  gint64 roster_id,
			  gint64 assignment_id,
			  gint64 volunteer_id,
			  gint offset_minutes,
			  gint64 at,
			  gboolean *added,
			  GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt =
	    roster_store_prepare(self,
				 "INSERT OR IGNORE INTO reminders_sent (roster_id, assignment_id,"
				 " volunteer_id, offset_minutes, written_at)"
				 " VALUES (?1, ?2, ?3, ?4, ?5)",
				 error);
	if (stmt == NULL || !bind_key(self, stmt, roster_id, assignment_id, volunteer_id, error))
		return FALSE;
	rc = sqlite3_bind_int64(stmt, 4, offset_minutes);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_int64(stmt, 5, at);
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "binding a value", error);
		return FALSE;
	}
	if (!roster_store_step_done(self, stmt, error))
		return FALSE;
	*added = sqlite3_changes(roster_store_get_db(self)) > 0;
	return TRUE;
}

/**
 * roster_store_reminder_any:
 * @self: a store
 * @roster_id: the roster
 * @assignment_id: the shift's assignment
 * @volunteer_id: the volunteer
 * @any: (out): whether a reminder of the shift was written to @volunteer_id
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_reminder_any(RosterStore *self,
			  gint64 roster_id,
			  gint64 assignment_id,
			  gint64 volunteer_id,
			  gboolean *any,
			  GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(self,
				    "SELECT 1 FROM reminders_sent WHERE roster_id = ?1"
				    " AND assignment_id = ?2 AND volunteer_id = ?3 LIMIT 1",
				    error);
	if (stmt == NULL || !bind_key(self, stmt, roster_id, assignment_id, volunteer_id, error))
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return FALSE;
	*any = rc == SQLITE_ROW;
	return TRUE;
}
