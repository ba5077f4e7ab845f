/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* whether the database changed since a cache read it: SQLite's data version */

#include "config.h"

#include <sqlite3.h>

#include "roster-store-changes.h"
#include "roster-store-private.h"

/**
 * roster_store_get_data_version:
 * @self: a #RosterStore
 * @version: (out): the version
 * @error: (nullable): return location for a #GError
 *
 * A number that differs from the one read before whenever the database was written in
 * between: by another connection, in this process or another one such as the
 * command-line tool (SQLite's `PRAGMA data_version`), or by this store's own connection
 * (the rows it changed, counted by SQLite). A write undone by a rollback may change it
 * too; a restore from a backup does not, its caller must say so to its caches.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.2
 **/
gboolean
roster_store_get_data_version(RosterStore *self, gint64 *version, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(version != NULL, FALSE);

	stmt = roster_store_prepare(self, "PRAGMA data_version", error);
	if (stmt == NULL)
		return FALSE;
	if (roster_store_step(self, stmt, error) != SQLITE_ROW)
		return FALSE;
	/* both only grow while the connection is open, so their sum changes when either
	 * does */
	*version =
	    sqlite3_column_int64(stmt, 0) + sqlite3_total_changes64(roster_store_get_db(self));
	return TRUE;
}
