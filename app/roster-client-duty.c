/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the typed calls of the duty rota API the app reads: a roster's duty blocks */

#include "config.h"

#include "roster-client-duty.h"

/**
 * roster_client_list_duty_blocks_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Loads the duty blocks of the roster's draft, each with its primary and backups.
 *
 * Since: 0.1
 */
void
roster_client_list_duty_blocks_async(RosterClient *self,
				     gint64 roster_id,
				     GCancellable *cancellable,
				     GAsyncReadyCallback callback,
				     gpointer user_data)
{
	g_autofree gchar *path =
	    g_strdup_printf("/duty/rosters/%" G_GINT64_FORMAT "/blocks", roster_id);

	roster_client_call_async(self, "GET", path, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_list_duty_blocks_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the blocks by start, or %NULL with @error set
 *
 * Since: 0.1
 */
JsonArray *
roster_client_list_duty_blocks_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	return roster_client_call_finish_items(self, result, error);
}
