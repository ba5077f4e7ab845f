/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the typed client of the notifier: the messages of the outbox (resend a failed one)
 * and the notifier's settings, with their words for the user */

#include "roster-client.h"
#include "roster-item.h"

G_BEGIN_DECLS

/* the path of the newest messages, of one state when @state is not %NULL */
gchar *
roster_client_dup_messages_path(const gchar *state);

/* POST /messages/{id}/resend */
void
roster_client_resend_message_async(RosterClient *self,
				   gint64 message_id,
				   GCancellable *cancellable,
				   GAsyncReadyCallback callback,
				   gpointer user_data);
gboolean
roster_client_resend_message_finish(RosterClient *self, GAsyncResult *result, GError **error);

/* GET /messages/settings, or PUT @changes to it (@changes %NULL: a GET); the settings as
 * the daemon shows them (a secret only as "<key>_set") */
void
roster_client_notifier_settings_async(RosterClient *self,
				      JsonObject *changes,
				      GCancellable *cancellable,
				      GAsyncReadyCallback callback,
				      gpointer user_data);
JsonObject *
roster_client_notifier_settings_finish(RosterClient *self, GAsyncResult *result, GError **error);

/* the reminder offsets as the user writes them, "1440, 120", and back: %NULL with @error
 * for text that is not whole numbers separated by commas */
gchar *
roster_notifier_format_minutes(JsonArray *minutes);
JsonArray *
roster_notifier_parse_minutes(const gchar *text, GError **error);

/* a message in the user's words */
const gchar *
roster_message_kind_to_label(const gchar *kind);
const gchar *
roster_message_state_to_label(const gchar *state);
gchar *
roster_message_dup_subtitle(RosterItem *message);

G_END_DECLS
