/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the SQL of shift requests: one row per request with the shift (or open seat) it is
 * about, the colleague's shift of a swap, who took it and how it ended; a state moves
 * only by a conditional update, so that of two callers exactly one wins */

#include "config.h"

#include <sqlite3.h>

#include "roster-json-keys-requests.h"
#include "roster-json-keys.h"
#include "roster-store-private.h"
#include "roster-store-requests.h"

/* the partial unique indexes repeat, as a last guard, what the engine checks inside
 * the write transaction: one pending request per shift, one claim per open seat */
const gchar roster_store_schema_requests[] =
    "CREATE TABLE shift_requests ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, revision INTEGER NOT NULL DEFAULT 1,"
    " created TEXT NOT NULL, modified TEXT NOT NULL,"
    " kind TEXT NOT NULL, state TEXT NOT NULL,"
    " roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,"
    " requester_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"
    " assignment_id INTEGER,"
    " date TEXT NOT NULL, slot TEXT NOT NULL, seat_class_id INTEGER NOT NULL,"
    " seat_no INTEGER NOT NULL,"
    " target_volunteer_id INTEGER REFERENCES volunteers(id) ON DELETE CASCADE,"
    " target_assignment_id INTEGER, target_date TEXT, target_slot TEXT,"
    " target_seat_class_id INTEGER,"
    " taker_id INTEGER REFERENCES volunteers(id) ON DELETE CASCADE,"
    " starts_at TEXT NOT NULL, note TEXT, reason TEXT, decided_by TEXT, decided TEXT,"
    " applied_version INTEGER, auto_approved INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX shift_requests_state ON shift_requests(state, starts_at);"
    "CREATE INDEX shift_requests_requester ON shift_requests(requester_id);"
    "CREATE UNIQUE INDEX shift_requests_pending_shift ON shift_requests(assignment_id)"
    " WHERE assignment_id IS NOT NULL AND state IN ('open', 'accepted');"
    "CREATE UNIQUE INDEX shift_requests_seat_claim"
    " ON shift_requests(roster_id, date, slot, seat_class_id, seat_no)"
    " WHERE kind = 'pickup' AND state IN ('open', 'accepted');"
    "ALTER TABLE service_logs ADD COLUMN reason TEXT;"
    "PRAGMA user_version = 11;";

/* the columns a new request sets, in the order of the INSERT's parameters */
static const gchar *const insert_columns[] = {ROSTER_KEY_CREATED,
					      ROSTER_KEY_KIND,
					      ROSTER_KEY_STATE,
					      ROSTER_KEY_ROSTER_ID,
					      ROSTER_KEY_REQUESTER_ID,
					      ROSTER_KEY_ASSIGNMENT_ID,
					      ROSTER_KEY_DATE,
					      ROSTER_KEY_SLOT,
					      ROSTER_KEY_SEAT_CLASS_ID,
					      ROSTER_KEY_SEAT_NO,
					      ROSTER_KEY_TARGET_VOLUNTEER_ID,
					      ROSTER_KEY_TARGET_ASSIGNMENT_ID,
					      ROSTER_KEY_TARGET_DATE,
					      ROSTER_KEY_TARGET_SLOT,
					      ROSTER_KEY_TARGET_SEAT_CLASS_ID,
					      ROSTER_KEY_TAKER_ID,
					      ROSTER_KEY_STARTS_AT,
					      ROSTER_KEY_NOTE};

/* the member @key of @row as a parameter, null when it is missing */
static void
add_member(JsonArray *params, JsonObject *row, const gchar *key)
{
	JsonNode *node = json_object_get_member(row, key);

	if (node != NULL)
		json_array_add_element(params, json_node_copy(node));
	else
		json_array_add_null_element(params);
}

/**
 * roster_store_insert_request:
 * @self: a #RosterStore
 * @row: the columns of the new request
 * @error: (nullable): return location for a #GError
 *
 * Returns: the id of the new request, or 0 with @error set
 **/
gint64
roster_store_insert_request(RosterStore *self, JsonObject *row, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	for (guint i = 0; i < G_N_ELEMENTS(insert_columns); i++)
		add_member(params, row, insert_columns[i]);
	if (!roster_store_execute_json(
		self,
		"INSERT INTO shift_requests (created, modified, kind, state, roster_id,"
		" requester_id, assignment_id, date, slot, seat_class_id, seat_no,"
		" target_volunteer_id, target_assignment_id, target_date, target_slot,"
		" target_seat_class_id, taker_id, starts_at, note)"
		" VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
		" ?16, ?17, ?18)",
		params,
		error))
		return 0;
	return sqlite3_last_insert_rowid(roster_store_get_db(self));
}

/**
 * roster_store_get_request:
 * @self: a #RosterStore
 * @id: a request
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the row, or %NULL (ROSTER_ERROR_NOT_FOUND when unknown)
 **/
JsonObject *
roster_store_get_request(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, id);
	rows = roster_store_query_json(self,
				       "SELECT * FROM shift_requests WHERE id = ?1",
				       params,
				       error);
	if (rows == NULL)
		return NULL;
	if (json_array_get_length(rows) == 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "requests: no record %" G_GINT64_FORMAT,
			    id);
		return NULL;
	}
	return json_object_ref(json_array_get_object_element(rows, 0));
}

/**
 * roster_store_list_requests:
 * @self: a #RosterStore
 * @volunteer_id: a volunteer whose requests, requests to and open give-aways are
 *   listed, or 0 for every request
 * @state: (nullable): one state, or %NULL for any
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the rows, newest first
 **/
JsonArray *
roster_store_list_requests(RosterStore *self,
			   gint64 volunteer_id,
			   const gchar *state,
			   GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_int_element(params, volunteer_id);
	roster_store_add_text_param(params, state);
	return roster_store_query_json(
	    self,
	    "SELECT * FROM shift_requests WHERE (?1 = 0 OR requester_id = ?1"
	    " OR target_volunteer_id = ?1 OR taker_id = ?1"
	    " OR (kind = 'giveaway' AND target_volunteer_id IS NULL AND state = 'open'))"
	    " AND (?2 IS NULL OR state = ?2) ORDER BY id DESC",
	    params,
	    error);
}

/**
 * roster_store_transition_request:
 * @self: a #RosterStore
 * @id: a request
 * @from: the state it must still be in
 * @to: its new state
 * @changes: (nullable): the members to set beside the state
 * @now: the time of the change
 * @done: (out): whether the request was in @from and moved
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether the statement ran
 **/
gboolean
roster_store_transition_request(RosterStore *self,
				gint64 id,
				const gchar *from,
				const gchar *to,
				JsonObject *changes,
				const gchar *now,
				gboolean *done,
				GError **error)
{
	g_autoptr(JsonObject) empty = json_object_new();
	g_autoptr(JsonArray) params = json_array_new();
	JsonObject *c = changes != NULL ? changes : empty;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, id);
	json_array_add_string_element(params, from);
	json_array_add_string_element(params, to);
	json_array_add_string_element(params, now);
	add_member(params, c, ROSTER_KEY_TAKER_ID);
	add_member(params, c, ROSTER_KEY_REASON);
	add_member(params, c, ROSTER_KEY_DECIDED_BY);
	add_member(params, c, ROSTER_KEY_DECIDED);
	add_member(params, c, ROSTER_KEY_APPLIED_VERSION);
	add_member(params, c, ROSTER_KEY_AUTO_APPROVED);
	if (!roster_store_execute_json(
		self,
		"UPDATE shift_requests SET state = ?3, modified = ?4, revision = revision + 1,"
		" taker_id = IFNULL(?5, taker_id), reason = IFNULL(?6, reason),"
		" decided_by = IFNULL(?7, decided_by), decided = IFNULL(?8, decided),"
		" applied_version = IFNULL(?9, applied_version),"
		" auto_approved = IFNULL(?10, auto_approved)"
		" WHERE id = ?1 AND state = ?2",
		params,
		error))
		return FALSE;
	*done = sqlite3_changes(roster_store_get_db(self)) > 0;
	return TRUE;
}

/**
 * roster_store_list_due_requests:
 * @self: a #RosterStore
 * @now: an ISO 8601 UTC time
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the rows of the requests still pending whose first shift
 *   has started by @now
 **/
JsonArray *
roster_store_list_due_requests(RosterStore *self, const gchar *now, GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	json_array_add_string_element(params, now);
	return roster_store_query_json(self,
				       "SELECT * FROM shift_requests WHERE state IN ('open',"
				       " 'accepted') AND starts_at <= ?1 ORDER BY id",
				       params,
				       error);
}

/**
 * roster_store_count_active_requests:
 * @self: a #RosterStore
 * @roster_id: the roster of the seat
 * @assignment_id: a shift, or 0 to count only claims of the seat
 * @date: the seat's operational day
 * @slot: its slot
 * @seat_class_id: its seat class
 * @seat_no: its seat number
 * @count: (out): how many pending requests hold the shift or claim the seat
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether the query ran
 **/
gboolean
roster_store_count_active_requests(RosterStore *self,
				   gint64 roster_id,
				   gint64 assignment_id,
				   const gchar *date,
				   const gchar *slot,
				   gint64 seat_class_id,
				   gint64 seat_no,
				   gint64 *count,
				   GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, roster_id);
	json_array_add_int_element(params, assignment_id);
	json_array_add_string_element(params, date);
	json_array_add_string_element(params, slot);
	json_array_add_int_element(params, seat_class_id);
	json_array_add_int_element(params, seat_no);
	rows = roster_store_query_json(
	    self,
	    "SELECT COUNT(*) AS n FROM shift_requests WHERE state IN ('open', 'accepted')"
	    " AND ((?2 > 0 AND (assignment_id = ?2 OR target_assignment_id = ?2))"
	    " OR (kind = 'pickup' AND roster_id = ?1 AND date = ?3 AND slot = ?4"
	    " AND seat_class_id = ?5 AND seat_no = ?6))",
	    params,
	    error);
	if (rows == NULL)
		return FALSE;
	*count = json_object_get_int_member(json_array_get_object_element(rows, 0), "n");
	return TRUE;
}

/**
 * roster_store_set_service_log_reason:
 * @self: a #RosterStore
 * @id: a service log
 * @reason: (nullable): why it was approved or declined
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether it was written
 **/
gboolean
roster_store_set_service_log_reason(RosterStore *self,
				    gint64 id,
				    const gchar *reason,
				    GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, id);
	roster_store_add_text_param(params, reason);
	return roster_store_execute_json(self,
					 "UPDATE service_logs SET reason = ?2 WHERE id = ?1",
					 params,
					 error);
}
