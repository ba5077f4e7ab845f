/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the SQL of the imported holiday calendars: a year replaced as a whole, and the
 * dates of a period read back */

#include "config.h"

#include "roster-store-holidays.h"
#include "roster-store-private.h"

/**
 * roster_store_holiday_free:
 * @holiday: (nullable): a holiday row
 *
 * Frees the row.
 *
 * Since: 0.3
 **/
void
roster_store_holiday_free(RosterStoreHoliday *holiday)
{
	if (holiday == NULL)
		return;
	g_free(holiday->date);
	g_free(holiday->name);
	g_free(holiday->source);
	g_free(holiday);
}

/**
 * roster_store_holiday_kind_to_string:
 * @kind: a kind of holiday row
 *
 * Returns: "off" or "working", as the table stores them
 *
 * Since: 0.3
 **/
const gchar *
roster_store_holiday_kind_to_string(RosterStoreHolidayKind kind)
{
	return kind == ROSTER_STORE_HOLIDAY_WORKING ? "working" : "off";
}

static gboolean
insert_holiday(RosterStore *self, gint year, const RosterStoreHoliday *day, GError **error)
{
	g_autoptr(RosterStmt) stmt =
	    roster_store_prepare(self,
				 "INSERT INTO holidays (date, kind, name, year, source)"
				 " VALUES (?1, ?2, ?3, ?4, ?5)",
				 error);

	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 1, day->date, -1, SQLITE_TRANSIENT),
				     error) ||
	    !roster_store_check_bind(
		self,
		sqlite3_bind_text(stmt,
				  2,
				  roster_store_holiday_kind_to_string(day->kind),
				  -1,
				  SQLITE_STATIC),
		error) ||
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 3, day->name, -1, SQLITE_TRANSIENT),
				     error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int(stmt, 4, year), error) ||
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 5, day->source, -1, SQLITE_TRANSIENT),
				     error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_replace_holidays:
 * @self: a #RosterStore
 * @year: the year imported
 * @days: (element-type RosterStoreHoliday): its dates
 * @error: a #GError, or %NULL
 *
 * Replaces the rows of @year by @days; call it inside a transaction, so that a
 * failure leaves the year as it was.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.3
 **/
gboolean
roster_store_replace_holidays(RosterStore *self, gint year, GPtrArray *days, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(days != NULL, FALSE);

	stmt = roster_store_prepare(self, "DELETE FROM holidays WHERE year = ?1", error);
	if (stmt == NULL ||
	    !roster_store_check_bind(self, sqlite3_bind_int(stmt, 1, year), error) ||
	    !roster_store_step_done(self, stmt, error))
		return FALSE;
	for (guint i = 0; i < days->len; i++) {
		if (!insert_holiday(self, year, g_ptr_array_index(days, i), error))
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_store_list_holidays:
 * @self: a #RosterStore
 * @from: the first date, YYYY-MM-DD
 * @to: the last date, YYYY-MM-DD
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type RosterStoreHoliday): the rows of the dates
 *   from @from to @to, by date, or %NULL with @error set
 *
 * Since: 0.3
 **/
GPtrArray *
roster_store_list_holidays(RosterStore *self, const gchar *from, const gchar *to, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	g_autoptr(GPtrArray) rows =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_store_holiday_free);
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);

	stmt = roster_store_prepare(self,
				    "SELECT date, kind, name, year, source FROM holidays"
				    " WHERE date >= ?1 AND date <= ?2 ORDER BY date, year",
				    error);
	if (stmt == NULL ||
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT),
				     error) ||
	    !roster_store_check_bind(self,
				     sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT),
				     error))
		return NULL;
	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW) {
		RosterStoreHoliday *row = g_new0(RosterStoreHoliday, 1);
		row->date = g_strdup((const gchar *)sqlite3_column_text(stmt, 0));
		row->kind = g_strcmp0((const gchar *)sqlite3_column_text(stmt, 1), "working") == 0
				? ROSTER_STORE_HOLIDAY_WORKING
				: ROSTER_STORE_HOLIDAY_OFF;
		row->name = g_strdup((const gchar *)sqlite3_column_text(stmt, 2));
		row->year = sqlite3_column_int(stmt, 3);
		row->source = g_strdup((const gchar *)sqlite3_column_text(stmt, 4));
		g_ptr_array_add(rows, row);
	}
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&rows);
}

/**
 * roster_store_count_holidays:
 * @self: a #RosterStore
 * @year: a year
 * @count: (out): its rows
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 *
 * Since: 0.3
 **/
gboolean
roster_store_count_holidays(RosterStore *self, gint year, gint64 *count, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);

	stmt = roster_store_prepare(self, "SELECT COUNT(*) FROM holidays WHERE year = ?1", error);
	if (stmt == NULL || !roster_store_check_bind(self, sqlite3_bind_int(stmt, 1, year), error))
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return FALSE;
	if (rc != SQLITE_ROW) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "counting holidays returned no row");
		return FALSE;
	}
	*count = sqlite3_column_int64(stmt, 0);
	return TRUE;
}
