/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the calls and words of the notifier: the outbox's messages and the settings */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-messages.h"
#include "roster-date.h"
#include "roster-error.h"
#include "roster-json-keys.h"

#define MESSAGES_PATH "/messages"
/* the newest messages the view shows */
#define MESSAGES_LIMIT "100"

/**
 * roster_client_dup_messages_path:
 * @state: (nullable): pending, sending, sent or failed
 *
 * Returns: (transfer full): the path of the newest messages, of @state when not %NULL
 *
 * Since: 0.3
 */
gchar *
roster_client_dup_messages_path(const gchar *state)
{
	return roster_client_build_query(MESSAGES_PATH,
					 "limit",
					 MESSAGES_LIMIT,
					 "state",
					 state,
					 NULL);
}

/**
 * roster_client_resend_message_async:
 * @self: a #RosterClient
 * @message_id: a message of the outbox
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Makes the message pending again with its attempts reset.
 *
 * Since: 0.3
 */
void
roster_client_resend_message_async(RosterClient *self,
				   gint64 message_id,
				   GCancellable *cancellable,
				   GAsyncReadyCallback callback,
				   gpointer user_data)
{
	g_autofree gchar *path =
	    g_strdup_printf(MESSAGES_PATH "/%" G_GINT64_FORMAT "/resend", message_id);

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	roster_client_call_async(self, "POST", path, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_resend_message_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: whether the message is pending again
 *
 * Since: 0.3
 */
gboolean
roster_client_resend_message_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonObject) object = roster_client_call_finish_object(self, result, error);

	return object != NULL;
}

/**
 * roster_client_notifier_settings_async:
 * @self: a #RosterClient
 * @changes: (nullable): the settings to change (a null member resets one), or %NULL to
 *   read them
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Since: 0.3
 */
void
roster_client_notifier_settings_async(RosterClient *self,
				      JsonObject *changes,
				      GCancellable *cancellable,
				      GAsyncReadyCallback callback,
				      gpointer user_data)
{
	g_autoptr(JsonNode) body = NULL;

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	if (changes != NULL) {
		body = json_node_new(JSON_NODE_OBJECT);
		json_node_set_object(body, changes);
	}
	roster_client_call_async(self,
				 changes != NULL ? "PUT" : "GET",
				 MESSAGES_PATH "/settings",
				 body,
				 cancellable,
				 callback,
				 user_data);
}

/**
 * roster_client_notifier_settings_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the settings as the daemon shows them
 *
 * Since: 0.3
 */
JsonObject *
roster_client_notifier_settings_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	return roster_client_call_finish_object(self, result, error);
}

/**
 * roster_notifier_format_minutes:
 * @minutes: (nullable): whole numbers
 *
 * Returns: (transfer full): them separated by commas
 *
 * Since: 0.3
 */
gchar *
roster_notifier_format_minutes(JsonArray *minutes)
{
	g_autoptr(GString) text = g_string_new(NULL);

	for (guint i = 0; minutes != NULL && i < json_array_get_length(minutes); i++)
		g_string_append_printf(text,
				       "%s%" G_GINT64_FORMAT,
				       i > 0 ? ", " : "",
				       json_array_get_int_element(minutes, i));
	return g_string_free(g_steal_pointer(&text), FALSE);
}

/**
 * roster_notifier_parse_minutes:
 * @text: whole numbers separated by commas
 * @error: a #GError
 *
 * Returns: (transfer full): the numbers, or %NULL with @error set; the daemon checks
 *   their range
 *
 * Since: 0.3
 */
JsonArray *
roster_notifier_parse_minutes(const gchar *text, GError **error)
{
	g_auto(GStrv) parts = g_strsplit(text, ",", -1);
	g_autoptr(JsonArray) minutes = json_array_new();

	for (guint i = 0; parts[i] != NULL; i++) {
		gint64 value = 0;
		g_strstrip(parts[i]);
		if (!g_ascii_string_to_signed(parts[i], 10, 1, G_MAXINT32, &value, NULL)) {
			g_set_error_literal(error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_INVALID_DATA,
					    _("Write the reminders as minutes separated by commas, "
					      "such as 1440, 120"));
			return NULL;
		}
		json_array_add_int_element(minutes, value);
	}
	return g_steal_pointer(&minutes);
}

/**
 * roster_message_kind_to_label:
 * @kind: (nullable): a kind of message
 *
 * Returns: the kind in the user's words
 *
 * Since: 0.3
 */
const gchar *
roster_message_kind_to_label(const gchar *kind)
{
	if (g_strcmp0(kind, "publish") == 0)
		return _("Published roster");
	if (g_strcmp0(kind, "reminder") == 0)
		return _("Shift reminder");
	if (g_strcmp0(kind, "request") == 0)
		return _("Shift request");
	if (g_strcmp0(kind, "escalation") == 0)
		return _("Unconfirmed crisis seat");
	if (g_strcmp0(kind, "uncovered") == 0)
		return _("Uncovered seats");
	return _("Message");
}

/**
 * roster_message_state_to_label:
 * @state: (nullable): pending, sending, sent or failed
 *
 * Returns: the state in the user's words
 *
 * Since: 0.3
 */
const gchar *
roster_message_state_to_label(const gchar *state)
{
	if (g_strcmp0(state, "pending") == 0)
		return _("Waiting to be sent");
	if (g_strcmp0(state, "sending") == 0)
		return _("Being sent");
	if (g_strcmp0(state, "sent") == 0)
		return _("Sent");
	if (g_strcmp0(state, "failed") == 0)
		return _("Failed");
	return _("Unknown");
}

/**
 * roster_message_dup_subtitle:
 * @message: a message of the outbox
 *
 * Returns: (transfer full): its kind, state, address and time, and why it failed
 *
 * Since: 0.3
 */
gchar *
roster_message_dup_subtitle(RosterItem *message)
{
	const gchar *error = roster_item_get_string(message, "last_error");
	const gchar *sent = roster_item_get_string(message, "sent");
	g_autofree gchar *when = roster_date_format_timestamp(
	    sent != NULL ? sent : roster_item_get_string(message, "created"));
	g_autoptr(GString) text = g_string_new(NULL);

	/* TRANSLATORS: a message: its kind, its state, where it goes and when */
	g_string_append_printf(
	    text,
	    _("%s · %s · to %s · %s"),
	    roster_message_kind_to_label(roster_item_get_string(message, "kind")),
	    roster_message_state_to_label(roster_item_get_string(message, ROSTER_KEY_STATE)),
	    roster_item_get_string(message, "address"),
	    when);
	if (error != NULL)
		g_string_append_printf(text, _(" · Reason: %s"), error);
	return g_string_free(g_steal_pointer(&text), FALSE);
}
