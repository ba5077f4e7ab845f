/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the rows of a queue, their buttons and the confirmation that asks for a reason,
 * shared by the requests and approvals queues */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-queue-actions.h"

typedef struct {
	GObject *owner;
	gint64 id;
	gboolean approve;
	const RosterQueueDecision *decision;
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
		reason->decision->decide(reason->owner,
					 reason->id,
					 reason->approve,
					 gtk_editable_get_text(reason->entry));
}

/* asks whether to approve (or decline) @item, with a reason the volunteer will read */
static void
ask_reason(GObject *owner, RosterItem *item, const RosterQueueDecision *decision, gboolean approve)
{
	g_autofree gchar *body = decision->summary(owner, item);
	GtkWidget *dialog = adw_message_dialog_new(
	    GTK_WINDOW(gtk_widget_get_root(GTK_WIDGET(owner))),
	    approve ? _(decision->approve_heading) : _(decision->decline_heading),
	    body);
	GtkWidget *entry = gtk_entry_new();
	ReasonData *reason = g_new0(ReasonData, 1);

	reason->owner = g_object_ref(owner);
	reason->id = roster_item_get_id(item);
	reason->approve = approve;
	reason->decision = decision;
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
					 approve ? _("_Approve") : _("_Decline"),
					 NULL);
	adw_message_dialog_set_response_appearance(ADW_MESSAGE_DIALOG(dialog),
						   "confirm",
						   approve ? ADW_RESPONSE_SUGGESTED
							   : ADW_RESPONSE_DESTRUCTIVE);
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
 * roster_queue_row_new:
 * @title: who or what the row is about, shown as plain text
 * @subtitle: its details, up to three lines
 * @css_class: a style class that names the row
 *
 * Returns: (transfer floating): a queue's row, without buttons yet
 *
 * Since: 0.4
 */
GtkWidget *
roster_queue_row_new(const gchar *title, const gchar *subtitle, const gchar *css_class)
{
	GtkWidget *row = adw_action_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	adw_action_row_set_subtitle_lines(ADW_ACTION_ROW(row), 3);
	gtk_widget_add_css_class(row, css_class);
	return row;
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
 * Returns: (transfer none): the button, added at the end of @row
 *
 * Since: 0.3
 */
GtkWidget *
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
	return button;
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

static void
decision_clicked_cb(GtkButton *button, gpointer user_data)
{
	ask_reason(G_OBJECT(user_data),
		   roster_queue_button_get_item(button),
		   g_object_get_data(G_OBJECT(button), "decision"),
		   GPOINTER_TO_INT(g_object_get_data(G_OBJECT(button), "approve")));
}

static void
add_decision_button(AdwActionRow *row,
		    GObject *owner,
		    RosterItem *item,
		    const RosterQueueDecision *decision,
		    gboolean approve)
{
	g_autofree gchar *css_class =
	    g_strconcat(decision->css_prefix, approve ? "-approve" : "-decline", NULL);
	GtkWidget *button = roster_queue_add_button(row,
						    owner,
						    item,
						    approve ? _("_Approve…") : _("_Decline…"),
						    css_class,
						    G_CALLBACK(decision_clicked_cb));

	g_object_set_data(G_OBJECT(button), "decision", (gpointer)decision);
	g_object_set_data(G_OBJECT(button), "approve", GINT_TO_POINTER(approve));
}

/**
 * roster_queue_add_decision:
 * @row: a queue's row
 * @owner: the page, which @decision calls back
 * @item: what the row shows
 * @decision: (not nullable): how the queue decides, a static table
 * @can_decline: whether to show the Decline… button
 * @can_approve: whether to show the Approve… button
 *
 * Adds the buttons that decline and approve @item after asking for a reason; a button
 * that the account's role or the item's state would make the daemon refuse is left out.
 *
 * Since: 0.4
 */
void
roster_queue_add_decision(AdwActionRow *row,
			  GObject *owner,
			  RosterItem *item,
			  const RosterQueueDecision *decision,
			  gboolean can_decline,
			  gboolean can_approve)
{
	g_return_if_fail(decision != NULL);
	if (can_decline)
		add_decision_button(row, owner, item, decision, FALSE);
	if (can_approve)
		add_decision_button(row, owner, item, decision, TRUE);
}
