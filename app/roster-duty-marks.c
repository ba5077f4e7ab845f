/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty expert of each day (值班专家), marked in the heading of a week or month
 * grid's day: one line naming the primary of every duty block that starts that day,
 * in red when a block has nobody */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "roster-duty-marks.h"
#include "roster-seat.h"

/**
 * roster_duty_marks_dup_text:
 * @blocks: (nullable): the roster's duty blocks, as the API lists them
 * @date: the day, YYYY-MM-DD
 * @uncovered: (out): whether a block of the day has no duty expert
 *
 * Returns: (transfer full) (nullable): e.g. "Duty 20:00 Wang Fang", one block after the
 *   other, or %NULL when no block starts that day
 *
 * Since: 0.1
 */
gchar *
roster_duty_marks_dup_text(JsonArray *blocks, const gchar *date, gboolean *uncovered)
{
	g_autoptr(GString) text = NULL;

	*uncovered = FALSE;
	for (guint i = 0; blocks != NULL && i < json_array_get_length(blocks); i++) {
		JsonObject *block = json_array_get_object_element(blocks, i);
		const gchar *starts =
		    json_object_get_string_member_with_default(block, "starts", "");
		JsonNode *primary = json_object_get_member(block, "primary");
		g_autofree gchar *line = NULL;

		if (strlen(starts) < 16 || strncmp(starts, date, 10) != 0)
			continue;
		if (primary != NULL && JSON_NODE_HOLDS_OBJECT(primary)) {
			/* TRANSLATORS: the duty expert of a day in the roster grid; the
			 * first %s is the block's start (20:00), the second the expert */
			line = g_strdup_printf(_("Duty %s %s"),
					       starts + 11,
					       json_object_get_string_member_with_default(
						   json_node_get_object(primary),
						   "name",
						   ""));
		} else {
			/* TRANSLATORS: a duty block of the day nobody can hold; %s is its start */
			line = g_strdup_printf(_("Duty %s: nobody"), starts + 11);
			*uncovered = TRUE;
		}
		if (text == NULL)
			text = g_string_new(line);
		else
			g_string_append_printf(text, "\n%s", line);
	}
	return text != NULL ? g_string_free(g_steal_pointer(&text), FALSE) : NULL;
}

/* the day's blocks, each a button whose popover hands the block to one of its backups
 * (the window's roster.duty-primary action: the edit goes through the daemon's checks) */
static GtkWidget *
block_button(JsonObject *block, const gchar *text, gboolean uncovered)
{
	GtkWidget *button = gtk_menu_button_new();
	GtkWidget *popover = gtk_popover_new();
	GtkBox *box = GTK_BOX(gtk_box_new(GTK_ORIENTATION_VERTICAL, 6));
	JsonArray *backups = json_object_get_array_member(block, "backups");
	guint n_backups = backups != NULL ? json_array_get_length(backups) : 0;

	gtk_menu_button_set_child(
	    GTK_MENU_BUTTON(button),
	    roster_seat_new_label(text, uncovered ? "duty-uncovered" : "duty-mark"));
	gtk_menu_button_set_has_frame(GTK_MENU_BUTTON(button), FALSE);
	gtk_widget_add_css_class(button, "duty-block");
	gtk_box_append(box,
		       roster_seat_new_label(n_backups > 0 ? _("Hand this duty to a backup")
							   : _("No backup can take this duty"),
					     "heading"));
	for (guint i = 0; i < n_backups; i++) {
		JsonObject *person = json_array_get_object_element(backups, i);
		/* TRANSLATORS: a button that makes a backup the duty expert of a block */
		g_autofree gchar *label =
		    g_strdup_printf(_("On duty: %s"),
				    json_object_get_string_member_with_default(person, "name", ""));
		GtkWidget *item = gtk_button_new_with_label(label);

		gtk_widget_add_css_class(item, "flat");
		gtk_widget_add_css_class(item, "duty-backup");
		gtk_actionable_set_action_name(GTK_ACTIONABLE(item), "roster.duty-primary");
		gtk_actionable_set_action_target(
		    GTK_ACTIONABLE(item),
		    "(xx)",
		    json_object_get_int_member_with_default(block, "id", 0),
		    json_object_get_int_member_with_default(person, "id", 0));
		gtk_box_append(box, item);
	}
	gtk_popover_set_child(GTK_POPOVER(popover), GTK_WIDGET(box));
	gtk_menu_button_set_popover(GTK_MENU_BUTTON(button), popover);
	return button;
}

/**
 * roster_duty_marks_add:
 * @box: the heading of a day
 * @blocks: (nullable): the roster's duty blocks
 * @date: the day, YYYY-MM-DD
 *
 * Appends the day's duty experts to @box, when the line keeps a duty rota: one button
 * per block, whose popover hands the block to one of its backups.
 *
 * Since: 0.1
 */
void
roster_duty_marks_add(GtkBox *box, JsonArray *blocks, const gchar *date)
{
	for (guint i = 0; blocks != NULL && i < json_array_get_length(blocks); i++) {
		JsonObject *block = json_array_get_object_element(blocks, i);
		g_autoptr(JsonArray) one = json_array_new();
		gboolean uncovered = FALSE;
		g_autofree gchar *text = NULL;

		json_array_add_object_element(one, json_object_ref(block));
		text = roster_duty_marks_dup_text(one, date, &uncovered);
		if (text != NULL)
			gtk_box_append(box, block_button(block, text, uncovered));
	}
}

/**
 * roster_duty_marks_backups_after:
 * @blocks: the roster's duty blocks
 * @block_id: a block
 * @primary_id: the expert who takes it
 *
 * Returns: (transfer full): the block's backups once @primary_id has it: the expert
 *   who had it first, then the other backups, at most 5
 */
GArray *
roster_duty_marks_backups_after(JsonArray *blocks, gint64 block_id, gint64 primary_id)
{
	GArray *ids = g_array_new(FALSE, FALSE, sizeof(gint64));

	for (guint i = 0; blocks != NULL && i < json_array_get_length(blocks); i++) {
		JsonObject *block = json_array_get_object_element(blocks, i);
		JsonNode *primary = json_object_get_member(block, "primary");
		JsonArray *backups = json_object_get_array_member(block, "backups");

		if (json_object_get_int_member_with_default(block, "id", 0) != block_id)
			continue;
		if (primary != NULL && JSON_NODE_HOLDS_OBJECT(primary)) {
			gint64 id =
			    json_object_get_int_member_with_default(json_node_get_object(primary),
								    "id",
								    0);
			if (id > 0 && id != primary_id)
				g_array_append_val(ids, id);
		}
		for (guint j = 0; backups != NULL && j < json_array_get_length(backups); j++) {
			gint64 id = json_object_get_int_member_with_default(
			    json_array_get_object_element(backups, j),
			    "id",
			    0);
			if (id > 0 && id != primary_id && ids->len < 5)
				g_array_append_val(ids, id);
		}
	}
	return ids;
}
