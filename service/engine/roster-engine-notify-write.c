/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* one message in every language, written to the outbox for one person in theirs: what
 * the escalations and the request steps share */

#include "config.h"

#include "roster-engine-notify-private.h"
#include "roster-store-alerts.h"

/**
 * roster_notify_write_text:
 * @store: a store inside a transaction
 * @settings: the notifier's settings
 * @contact: the person: account_id, volunteer_id, email, phone, language
 * @kind: the kind of message
 * @text: the message in every language
 * @next_attempt: when the worker may first send it
 * @created: now, ISO 8601
 * @error: (nullable): return location for a #GError
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
roster_notify_write_text(RosterStore *store,
			 const RosterNotifySettings *settings,
			 JsonObject *contact,
			 const gchar *kind,
			 const RosterNotifyText *text,
			 gint64 next_attempt,
			 const gchar *created,
			 GError **error)
{
	g_autoptr(RosterOutboxMessage) m = g_new0(RosterOutboxMessage, 1);
	g_autofree gchar *email =
	    g_strdup(json_object_get_string_member_with_default(contact, "email", NULL));
	g_autofree gchar *phone =
	    g_strdup(json_object_get_string_member_with_default(contact, "phone", NULL));
	RosterNotifyLanguage language = roster_notify_language_from_code(
	    json_object_get_string_member_with_default(contact, "language", NULL));

	if (!roster_notify_message_set_address(m, settings, &email, &phone))
		return TRUE;
	m->kind = g_strdup(kind);
	m->volunteer_id = json_object_get_int_member_with_default(contact, "volunteer_id", 0);
	m->account_id = json_object_get_int_member_with_default(contact, "account_id", 0);
	m->subject = g_strdup(text->subject[language]->str);
	m->body = g_strdup(text->body[language]->str);
	m->language = g_strdup(roster_notify_language_get_code(language));
	m->next_attempt = next_attempt;
	m->created = g_strdup(created);
	return roster_store_outbox_insert(store, m, error) > 0;
}

/**
 * roster_notify_dup_volunteer_contact:
 * @store: a store
 * @volunteer_id: a volunteer
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the volunteer's contact with its name, or %NULL with @error
 *   set
 */
JsonObject *
roster_notify_dup_volunteer_contact(RosterStore *store, gint64 volunteer_id, GError **error)
{
	g_autofree gchar *name = NULL;
	g_autofree gchar *email = NULL;
	g_autofree gchar *phone = NULL;
	g_autofree gchar *language = NULL;
	JsonObject *contact;

	if (!roster_store_notify_get_contact(store,
					     volunteer_id,
					     &name,
					     &email,
					     &phone,
					     &language,
					     error))
		return NULL;
	contact = json_object_new();
	json_object_set_int_member(contact, "volunteer_id", volunteer_id);
	json_object_set_string_member(contact, "name", name);
	json_object_set_string_member(contact, "email", email);
	json_object_set_string_member(contact, "phone", phone);
	json_object_set_string_member(contact, "language", language);
	return contact;
}

/**
 * roster_notify_write_to_coordinators:
 * @store: a store inside a transaction
 * @settings: the notifier's settings
 * @kind: the kind of message
 * @text: the message in every language
 * @next_attempt: when the worker may first send it
 * @created: now, ISO 8601
 * @error: (nullable): return location for a #GError
 *
 * Writes @text to every active coordinator with an address, each in their language.
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
roster_notify_write_to_coordinators(RosterStore *store,
				    const RosterNotifySettings *settings,
				    const gchar *kind,
				    const RosterNotifyText *text,
				    gint64 next_attempt,
				    const gchar *created,
				    GError **error)
{
	g_autoptr(JsonArray) coordinators = roster_store_list_coordinators(store, error);

	if (coordinators == NULL)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(coordinators); i++) {
		if (!roster_notify_write_text(store,
					      settings,
					      json_array_get_object_element(coordinators, i),
					      kind,
					      text,
					      next_attempt,
					      created,
					      error))
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_notify_dup_roster_label:
 * @roster: a roster
 *
 * Returns: (transfer full): its name, or its period when it has none
 */
gchar *
roster_notify_dup_roster_label(const RosterStoreRoster *roster)
{
	if (roster->name != NULL && roster->name[0] != '\0')
		return g_strdup(roster->name);
	return g_strdup_printf("%s – %s", roster->period_start, roster->period_end);
}
