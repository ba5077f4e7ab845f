/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the alerts written to the coordinators, keyed on roster, kind and seat, and the list
 * of the coordinators who receive them */

#include "config.h"

#include "roster-store-alerts.h"
#include "roster-store-private.h"

/**
 * roster_store_alert_add:
 * @self: a store
 * @roster_id: the roster
 * @kind: the kind of alert
 * @seat: the seat or shift it is about, as a stable key
 * @at: when, seconds since the epoch
 * @added: (out): whether the alert is new
 * @error: (nullable): return location for a #GError
 *
 * Returns: %FALSE on a database error
 */
gboolean
roster_store_alert_add(RosterStore *self,
		       gint64 roster_id,
		       const gchar *kind,
		       const gchar *seat,
		       gint64 at,
		       gboolean *added,
		       GError **error)
{
	g_autoptr(JsonArray) params = json_array_new();

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	json_array_add_int_element(params, roster_id);
	json_array_add_string_element(params, kind);
	json_array_add_string_element(params, seat);
	json_array_add_int_element(params, at);
	if (!roster_store_execute_json(self,
				       "INSERT OR IGNORE INTO alerts_sent (roster_id, kind, seat,"
				       " written_at) VALUES (?1, ?2, ?3, ?4)",
				       params,
				       error))
		return FALSE;
	*added = sqlite3_changes(roster_store_get_db(self)) > 0;
	return TRUE;
}

/**
 * roster_store_list_coordinators:
 * @self: a store
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the active coordinators with an address, each with its
 *   language
 */
JsonArray *
roster_store_list_coordinators(RosterStore *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	/* a coordinator's account has no volunteer record: its own address is the one */
	return roster_store_query_json(
	    self,
	    "SELECT id AS account_id, username AS name, email, preferred_language AS language"
	    " FROM accounts"
	    " WHERE role = 'coordinator' AND active = 1 AND email IS NOT NULL"
	    " ORDER BY id",
	    NULL,
	    error);
}
