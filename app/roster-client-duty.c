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

/**
 * roster_client_set_duty_primary_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @block_id: the duty block of its draft
 * @primary_id: the expert on duty
 * @backup_ids: the backups in order, without @primary_id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish_object()
 * @user_data: data for @callback
 *
 * Hands a duty block to another expert by hand, with the same checks as the solve
 * (eligible, reachable within the line's time, on no overlapping seat).
 */
void
roster_client_set_duty_primary_async(RosterClient *self,
				     gint64 roster_id,
				     gint64 block_id,
				     gint64 primary_id,
				     GArray *backup_ids,
				     GCancellable *cancellable,
				     GAsyncReadyCallback callback,
				     gpointer user_data)
{
	g_autofree gchar *path =
	    g_strdup_printf("/duty/rosters/%" G_GINT64_FORMAT "/blocks/%" G_GINT64_FORMAT,
			    roster_id,
			    block_id);
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) body = NULL;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "primary_id");
	json_builder_add_int_value(b, primary_id);
	json_builder_set_member_name(b, "backup_ids");
	json_builder_begin_array(b);
	for (guint i = 0; i < backup_ids->len; i++)
		json_builder_add_int_value(b, g_array_index(backup_ids, gint64, i));
	json_builder_end_array(b);
	json_builder_end_object(b);
	body = json_builder_get_root(b);
	roster_client_call_async(self, "PATCH", path, body, cancellable, callback, user_data);
}
