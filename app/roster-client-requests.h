/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the typed client of the coordinator's queues: shift requests (swap, give-away,
 * pick-up) and volunteers' service logs waiting for approval */

#include "roster-client.h"
#include "roster-item.h"

G_BEGIN_DECLS

/* the path of the requests list, of one state when @state is not %NULL */
gchar *
roster_client_dup_requests_path(const gchar *state);
/* the path of the colleagues who may take open give-away @request_id */
gchar *
roster_client_dup_request_candidates_path(gint64 request_id);
/* the path of the service logs waiting for approval */
gchar *
roster_client_dup_pending_logs_path(void);

/* POST /requests/{id}/@action with the reason when there is one */
void
roster_client_act_on_request_async(RosterClient *self,
				   gint64 request_id,
				   const gchar *action,
				   const gchar *reason,
				   GCancellable *cancellable,
				   GAsyncReadyCallback callback,
				   gpointer user_data);
/* the request as it is now, or %NULL with @error set */
JsonObject *
roster_client_act_on_request_finish(RosterClient *self, GAsyncResult *result, GError **error);

/* approves or rejects a pending service log, with the reason when there is one */
void
roster_client_decide_service_log_async(RosterClient *self,
				       gint64 log_id,
				       gboolean approve,
				       const gchar *reason,
				       GCancellable *cancellable,
				       GAsyncReadyCallback callback,
				       gpointer user_data);
gboolean
roster_client_decide_service_log_finish(RosterClient *self, GAsyncResult *result, GError **error);

/* a request in the user's words: its kind, its state, who asks and who takes it, and
 * the shift (or both shifts of a swap) */
const gchar *
roster_request_kind_to_label(const gchar *kind);
const gchar *
roster_request_state_to_label(const gchar *state);
/* a service log's kind in the user's words */
const gchar *
roster_service_log_kind_to_label(const gchar *kind);
gchar *
roster_request_dup_title(RosterItem *request);
gchar *
roster_request_dup_subtitle(RosterItem *request);
/* whether a coordinator may approve it (accepted) and decline it (open or accepted) */
gboolean
roster_request_can_approve(RosterItem *request);
gboolean
roster_request_can_decline(RosterItem *request);
/* whether it is an open give-away to anyone eligible, which has candidates */
gboolean
roster_request_has_candidates(RosterItem *request);

G_END_DECLS
