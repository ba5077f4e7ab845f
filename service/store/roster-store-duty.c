/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty expert's rota: reachability, duty blocks of drafts and published versions,
 * activations (schema 15) */

#include "config.h"

#include <sqlite3.h>

#include "roster-error.h"
#include "roster-store-duty.h"
#include "roster-store-private.h"

#define BLOCK_COLUMNS                                                                              \
	"b.id, b.roster_id, b.version, b.starts, b.ends, IFNULL(b.primary_id, 0) AS primary_id,"   \
	" b.backups, b.source, b.reason"

/**
 * roster_store_duty_block_new:
 *
 * Returns: (transfer full): an empty block, made by the solver
 *
 * Since: 0.1
 */
RosterStoreDutyBlock *
roster_store_duty_block_new(void)
{
	RosterStoreDutyBlock *self = g_new0(RosterStoreDutyBlock, 1);

	self->backups = g_array_new(FALSE, FALSE, sizeof(gint64));
	self->source = g_strdup("solver");
	return self;
}

/**
 * roster_store_duty_block_free:
 * @self: a block
 *
 * Since: 0.1
 */
void
roster_store_duty_block_free(RosterStoreDutyBlock *self)
{
	g_free(self->starts);
	g_free(self->ends);
	g_array_unref(self->backups);
	g_free(self->source);
	g_free(self->reason);
	g_free(self);
}

static gchar *
backups_to_text(const GArray *backups)
{
	GString *text = g_string_new("[");

	for (guint i = 0; i < backups->len; i++)
		g_string_append_printf(text,
				       "%s%" G_GINT64_FORMAT,
				       i > 0 ? "," : "",
				       g_array_index(backups, gint64, i));
	g_string_append_c(text, ']');
	return g_string_free(text, FALSE);
}

static void
backups_from_text(GArray *backups, const gchar *text)
{
	g_autoptr(JsonNode) node = text != NULL ? json_from_string(text, NULL) : NULL;
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return;
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		gint64 id = json_array_get_int_element(array, i);
		g_array_append_val(backups, id);
	}
}

static RosterStoreDutyBlock *
block_from_row(JsonObject *row)
{
	RosterStoreDutyBlock *block = roster_store_duty_block_new();

	block->id = json_object_get_int_member(row, "id");
	block->roster_id = json_object_get_int_member(row, "roster_id");
	block->version = json_object_get_int_member(row, "version");
	block->starts = g_strdup(json_object_get_string_member(row, "starts"));
	block->ends = g_strdup(json_object_get_string_member(row, "ends"));
	block->primary_id = json_object_get_int_member(row, "primary_id");
	backups_from_text(block->backups,
			  json_object_get_string_member_with_default(row, "backups", NULL));
	g_free(block->source);
	block->source = g_strdup(json_object_get_string_member(row, "source"));
	block->reason = g_strdup(json_object_get_string_member_with_default(row, "reason", NULL));
	return block;
}

static GPtrArray *
blocks_from_rows(JsonArray *rows)
{
	GPtrArray *blocks =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_store_duty_block_free);

	for (guint i = 0; i < json_array_get_length(rows); i++)
		g_ptr_array_add(blocks, block_from_row(json_array_get_object_element(rows, i)));
	return blocks;
}

static void
add_id_or_null(JsonArray *params, gint64 id)
{
	if (id > 0)
		json_array_add_int_element(params, id);
	else
		json_array_add_null_element(params);
}

/**
 * roster_store_duty_list_reach:
 * @self: a store
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the reachability rows, by volunteer
 *
 * Since: 0.1
 */
JsonArray *
roster_store_duty_list_reach(RosterStore *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return roster_store_query_json(self,
				       "SELECT volunteer_id, phone, response_minutes,"
				       " max_blocks_month, modified FROM duty_reach"
				       " ORDER BY volunteer_id",
				       NULL,
				       error);
}

/**
 * roster_store_duty_list_people:
 * @self: a store
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): each volunteer with a reachability row: id, name, the
 *   number to call (the duty phone, else the volunteer's own), response minutes
 *
 * Since: 0.1
 */
JsonArray *
roster_store_duty_list_people(RosterStore *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return roster_store_query_json(self,
				       "SELECT v.id, v.name, IFNULL(r.phone, v.phone) AS phone,"
				       " r.response_minutes FROM duty_reach r"
				       " JOIN volunteers v ON v.id = r.volunteer_id ORDER BY v.id",
				       NULL,
				       error);
}

/**
 * roster_store_duty_set_reach:
 * @self: a store
 * @volunteer_id: the volunteer
 * @phone: (nullable): the number to call
 * @response_minutes: how soon the volunteer can respond
 * @max_blocks_month: the most duty blocks a month, or -1 for no limit
 * @now: the time of the change
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_store_duty_set_reach(RosterStore *self,
			    gint64 volunteer_id,
			    const gchar *phone,
			    gint response_minutes,
			    gint max_blocks_month,
			    const gchar *now,
			    GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, volunteer_id);
	roster_store_add_text_param(params, phone);
	json_array_add_int_element(params, response_minutes);
	if (max_blocks_month >= 0)
		json_array_add_int_element(params, max_blocks_month);
	else
		json_array_add_null_element(params);
	json_array_add_string_element(params, now);
	return roster_store_execute_json(self,
					 "INSERT OR REPLACE INTO duty_reach (volunteer_id, phone,"
					 " response_minutes, max_blocks_month, modified)"
					 " VALUES (?1, ?2, ?3, ?4, ?5)",
					 params,
					 error);
}

/**
 * roster_store_duty_delete_reach:
 * @self: a store
 * @volunteer_id: the volunteer
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success, also when there was no row
 *
 * Since: 0.1
 */
gboolean
roster_store_duty_delete_reach(RosterStore *self, gint64 volunteer_id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, volunteer_id);
	return roster_store_execute_json(self,
					 "DELETE FROM duty_reach WHERE volunteer_id = ?1",
					 params,
					 error);
}

/**
 * roster_store_duty_delete_draft:
 * @self: a store inside a transaction
 * @roster_id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Deletes the blocks of the roster's draft; published versions keep theirs.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_store_duty_delete_draft(RosterStore *self, gint64 roster_id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, roster_id);
	return roster_store_execute_json(self,
					 "DELETE FROM duty_blocks WHERE roster_id = ?1"
					 " AND version = 0",
					 params,
					 error);
}

/**
 * roster_store_duty_insert_block:
 * @self: a store
 * @block: a block of a draft; its id is ignored
 * @error: (nullable): return location for a #GError
 *
 * Returns: the new id, or 0 with @error set
 *
 * Since: 0.1
 */
gint64
roster_store_duty_insert_block(RosterStore *self, const RosterStoreDutyBlock *block, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autofree gchar *backups = backups_to_text(block->backups);

	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	json_array_add_int_element(params, block->roster_id);
	json_array_add_int_element(params, block->version);
	json_array_add_string_element(params, block->starts);
	json_array_add_string_element(params, block->ends);
	add_id_or_null(params, block->primary_id);
	json_array_add_string_element(params, backups);
	json_array_add_string_element(params, block->source);
	roster_store_add_text_param(params, block->reason);
	if (!roster_store_execute_json(self,
				       "INSERT INTO duty_blocks (roster_id, version, starts, ends,"
				       " primary_id, backups, source, reason)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				       params,
				       error))
		return 0;
	return sqlite3_last_insert_rowid(roster_store_get_db(self));
}

/**
 * roster_store_duty_update_block:
 * @self: a store
 * @block: a block: its primary, backups, source and reason are written
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_store_duty_update_block(RosterStore *self, const RosterStoreDutyBlock *block, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autofree gchar *backups = backups_to_text(block->backups);

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, block->id);
	add_id_or_null(params, block->primary_id);
	json_array_add_string_element(params, backups);
	json_array_add_string_element(params, block->source);
	roster_store_add_text_param(params, block->reason);
	return roster_store_execute_json(self,
					 "UPDATE duty_blocks SET primary_id = ?2, backups = ?3,"
					 " source = ?4, reason = ?5 WHERE id = ?1",
					 params,
					 error);
}

/**
 * roster_store_duty_list_blocks:
 * @self: a store
 * @roster_id: the roster
 * @version: 0 for the draft, or a published version's number
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full) (element-type RosterStoreDutyBlock): the blocks by start
 *
 * Since: 0.1
 */
GPtrArray *
roster_store_duty_list_blocks(RosterStore *self, gint64 roster_id, gint64 version, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, roster_id);
	json_array_add_int_element(params, version);
	rows = roster_store_query_json(self,
				       "SELECT " BLOCK_COLUMNS " FROM duty_blocks b"
				       " WHERE b.roster_id = ?1 AND b.version = ?2"
				       " ORDER BY b.starts, b.id",
				       params,
				       error);
	return rows != NULL ? blocks_from_rows(rows) : NULL;
}

/**
 * roster_store_duty_get_block:
 * @self: a store
 * @id: the block
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the block, or %NULL with %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.1
 */
RosterStoreDutyBlock *
roster_store_duty_get_block(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, id);
	rows =
	    roster_store_query_json(self,
				    "SELECT " BLOCK_COLUMNS " FROM duty_blocks b WHERE b.id = ?1",
				    params,
				    error);
	if (rows == NULL)
		return NULL;
	if (json_array_get_length(rows) == 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "duty block %" G_GINT64_FORMAT " not found",
			    id);
		return NULL;
	}
	return block_from_row(json_array_get_object_element(rows, 0));
}

/**
 * roster_store_duty_list_published_at:
 * @self: a store
 * @at: a local time, "YYYY-MM-DDTHH:MM"
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full) (element-type RosterStoreDutyBlock): the blocks of each
 *   roster's last published version that hold @at
 *
 * Since: 0.1
 */
GPtrArray *
roster_store_duty_list_published_at(RosterStore *self, const gchar *at, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_string_element(params, at);
	rows =
	    roster_store_query_json(self,
				    "SELECT " BLOCK_COLUMNS " FROM duty_blocks b"
				    " JOIN rosters r ON r.id = b.roster_id"
				    " WHERE r.n_versions > 0 AND b.version = r.n_versions"
				    " AND b.starts <= ?1 AND b.ends > ?1 ORDER BY b.starts, b.id",
				    params,
				    error);
	return rows != NULL ? blocks_from_rows(rows) : NULL;
}

/**
 * roster_store_duty_list_published_for:
 * @self: a store
 * @volunteer_id: a volunteer
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full) (element-type RosterStoreDutyBlock): the blocks of each
 *   roster's last published version whose primary is @volunteer_id
 *
 * Since: 0.1
 */
GPtrArray *
roster_store_duty_list_published_for(RosterStore *self, gint64 volunteer_id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, volunteer_id);
	rows = roster_store_query_json(self,
				       "SELECT " BLOCK_COLUMNS " FROM duty_blocks b"
				       " JOIN rosters r ON r.id = b.roster_id"
				       " WHERE r.n_versions > 0 AND b.version = r.n_versions"
				       " AND b.primary_id = ?1 ORDER BY b.starts, b.id",
				       params,
				       error);
	return rows != NULL ? blocks_from_rows(rows) : NULL;
}

/**
 * roster_store_duty_publish:
 * @self: a store inside the publish transaction
 * @roster_id: the roster
 * @version: the number of the version being published
 * @error: (nullable): return location for a #GError
 *
 * Copies the draft's blocks into the version.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_store_duty_publish(RosterStore *self, gint64 roster_id, gint64 version, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, roster_id);
	json_array_add_int_element(params, version);
	return roster_store_execute_json(
	    self,
	    "INSERT INTO duty_blocks (roster_id, version, starts, ends,"
	    " primary_id, backups, source, reason)"
	    " SELECT roster_id, ?2, starts, ends, primary_id, backups,"
	    " source, reason FROM duty_blocks WHERE roster_id = ?1"
	    " AND version = 0 ORDER BY starts, id",
	    params,
	    error);
}

/**
 * roster_store_duty_insert_activation:
 * @self: a store
 * @block_id: the block, or 0
 * @volunteer_id: the expert who took the call
 * @started: local start "YYYY-MM-DDTHH:MM"
 * @ended: local end
 * @service_log_id: the service record it made, or 0
 * @created: the time of the entry
 * @actor: who recorded it
 * @error: (nullable): return location for a #GError
 *
 * Returns: the new id, or 0 with @error set
 *
 * Since: 0.1
 */
gint64
roster_store_duty_insert_activation(RosterStore *self,
				    gint64 block_id,
				    gint64 volunteer_id,
				    const gchar *started,
				    const gchar *ended,
				    gint64 service_log_id,
				    const gchar *created,
				    const gchar *actor,
				    GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	add_id_or_null(params, block_id);
	json_array_add_int_element(params, volunteer_id);
	json_array_add_string_element(params, started);
	json_array_add_string_element(params, ended);
	add_id_or_null(params, service_log_id);
	json_array_add_string_element(params, created);
	json_array_add_string_element(params, actor);
	if (!roster_store_execute_json(self,
				       "INSERT INTO duty_activations (block_id, volunteer_id,"
				       " started, ended, service_log_id, created, actor)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				       params,
				       error))
		return 0;
	return sqlite3_last_insert_rowid(roster_store_get_db(self));
}

/**
 * roster_store_duty_list_activations:
 * @self: a store
 * @from: (nullable): the earliest end, local time
 * @to: (nullable): the latest start, local time
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the activations that overlap the range, by start
 *
 * Since: 0.1
 */
JsonArray *
roster_store_duty_list_activations(RosterStore *self,
				   const gchar *from,
				   const gchar *to,
				   GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	roster_store_add_text_param(params, from);
	roster_store_add_text_param(params, to);
	return roster_store_query_json(
	    self,
	    "SELECT id, IFNULL(block_id, 0) AS block_id, volunteer_id,"
	    " started, ended, IFNULL(service_log_id, 0) AS service_log_id,"
	    " created, actor FROM duty_activations"
	    " WHERE (?1 IS NULL OR ended >= ?1)"
	    " AND (?2 IS NULL OR started <= ?2) ORDER BY started, id",
	    params,
	    error);
}
