/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-paths.h"

/**
 * roster_dup_default_database_path:
 *
 * The database the daemon and the command-line tool use when none is named: one
 * SQLite file under the user's data directory (DESIGN.md §2).
 *
 * Returns: (transfer full): a path such as ~/.local/share/hotline-roster/roster.db
 *
 * Since: 0.1
 **/
gchar *
roster_dup_default_database_path(void)
{
	return g_build_filename(g_get_user_data_dir(), "hotline-roster", "roster.db", NULL);
}
