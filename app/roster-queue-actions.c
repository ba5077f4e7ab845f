/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the buttons of a queue's rows and the confirmation that asks for a reason, shared by
 * the requests and approvals queues */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-queue-actions.h"

typedef struct {
	GObject *owner;
	gint64 id;
	RosterReasonFunc func;
	GtkEditable *entry;
} ReasonData;

static void
reason_data_free_cb(gpointer data, GClosure *closure)
{
	ReasonData *reason = data;
	g_clear_object(&reason->owner);
	g_free(reason);
}

static void
response_cb(AdwMessageDialog *dialog, const gchar *response, gpointer user_data)
{
	ReasonData *reason = user_data;

	if (g_strcmp0(response, "confirm") == 0)
		reason->func(reason->owner, reason->id, gtk_editable_get_text(reason->entry));
}

/**
 * roster_queue_ask_reason:
 * @owner: the widget that asks
 * @heading: the question
 * @body: what it does
 * @confirm_label: the button that does it
 * @destructive: whether that button refuses something
 * @id: what it is about
 * @func: called with @owner, @id and the reason on confirmation
 *
 * Since: 0.3
 */
void
roster_queue_ask_reason(GtkWidget *owner,
			const gchar *heading,
			const gchar *body,
			const gchar *confirm_label,
			gboolean destructive,
			gint64 id,
			RosterReasonFunc func)
{
	GtkWidget *dialog =
	    adw_message_dialog_new(GTK_WINDOW(gtk_widget_get_root(owner)), heading, body);
	GtkWidget *entry = gtk_entry_new();
	ReasonData *reason = g_new0(ReasonData, 1);

	reason->owner = g_object_ref(G_OBJECT(owner));
	reason->id = id;
	reason->func = func;
	reason->entry = GTK_EDITABLE(entry);
	gtk_entry_set_placeholder_text(GTK_ENTRY(entry), _("Reason (optional)"));
	gtk_entry_set_max_length(GTK_ENTRY(entry), 500);
	gtk_entry_set_activates_default(GTK_ENTRY(entry), TRUE);
	gtk_widget_add_css_class(entry, "reason-entry");
	adw_message_dialog_set_extra_child(ADW_MESSAGE_DIALOG(dialog), entry);
	adw_message_dialog_add_responses(ADW_MESSAGE_DIALOG(dialog),
					 "cancel",
					 _("_Cancel"),
					 "confirm",
					 confirm_label,
					 NULL);
	adw_message_dialog_set_response_appearance(ADW_MESSAGE_DIALOG(dialog),
						   "confirm",
						   destructive ? ADW_RESPONSE_DESTRUCTIVE
							       : ADW_RESPONSE_SUGGESTED);
	adw_message_dialog_set_default_response(ADW_MESSAGE_DIALOG(dialog), "confirm");
	adw_message_dialog_set_close_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
	g_signal_connect_data(dialog,
			      "response",
			      G_CALLBACK(response_cb),
			      reason,
			      reason_data_free_cb,
			      0);
	gtk_window_present(GTK_WINDOW(dialog));
}

/**
 * roster_queue_add_button:
 * @row: a queue's row
 * @owner: the page, the data of @callback
 * @item: what the row shows
 * @label: the button's label, with a mnemonic
 * @css_class: a style class that names the button
 * @callback: its "clicked" handler
 *
 * Since: 0.3
 */
void
roster_queue_add_button(AdwActionRow *row,
			GObject *owner,
			RosterItem *item,
			const gchar *label,
			const gchar *css_class,
			GCallback callback)
{
	GtkWidget *button = gtk_button_new_with_mnemonic(label);

	gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(button, css_class);
	g_object_set_data_full(G_OBJECT(button), "item", g_object_ref(item), g_object_unref);
	g_signal_connect_object(button, "clicked", callback, owner, 0);
	adw_action_row_add_suffix(row, button);
}

/**
 * roster_queue_button_get_item:
 * @button: a button of roster_queue_add_button()
 *
 * Returns: (transfer none): the item of its row
 *
 * Since: 0.3
 */
RosterItem *
roster_queue_button_get_item(GtkButton *button)
{
	return g_object_get_data(G_OBJECT(button), "item");
}
