/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the store's shift requests (swap, give-away, pick-up): their table, their conditional
 * state changes and the reason a service log was decided with */

#include "roster-store.h"

G_BEGIN_DECLS

/* schema step 11: shift_requests, and service_logs.reason */
extern const gchar roster_store_schema_requests[];

/* a new request from @row, whose members are its columns; its id */
gint64
roster_store_insert_request(RosterStore *self, JsonObject *row, GError **error);
/* the row of request @id; an unknown id is ROSTER_ERROR_NOT_FOUND */
JsonObject *
roster_store_get_request(RosterStore *self, gint64 id, GError **error);
/* the requests a volunteer is party to or may take (@volunteer_id 0: every request), in
 * @state or any (NULL), newest first */
JsonArray *
roster_store_list_requests(RosterStore *self,
			   gint64 volunteer_id,
			   const gchar *state,
			   GError **error);
/* moves request @id from state @from to @to when it is still in @from, setting the
 * members of @changes (taker_id, reason, decided_by, decided, applied_version,
 * auto_approved) that are present; *@done says whether it moved */
gboolean
roster_store_transition_request(RosterStore *self,
				gint64 id,
				const gchar *from,
				const gchar *to,
				JsonObject *changes,
				const gchar *now,
				gboolean *done,
				GError **error);
/* the requests still open or accepted whose first shift starts at or before @now */
JsonArray *
roster_store_list_due_requests(RosterStore *self, const gchar *now, GError **error);
/* how many requests still open or accepted hold assignment @assignment_id (when above
 * 0) or claim the seat (@roster_id, @date, @slot, @seat_class_id, @seat_no) */
gboolean
roster_store_count_active_requests(RosterStore *self,
				   gint64 roster_id,
				   gint64 assignment_id,
				   const gchar *date,
				   const gchar *slot,
				   gint64 seat_class_id,
				   gint64 seat_no,
				   gint64 *count,
				   GError **error);
/* writes the reason a service log was approved or declined with */
gboolean
roster_store_set_service_log_reason(RosterStore *self,
				    gint64 id,
				    const gchar *reason,
				    GError **error);

G_END_DECLS
