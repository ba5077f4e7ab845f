/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-row-actions.h"

/*
 * The edit and delete buttons at the end of a list row (availability entries, seat
 * classes, demand rules): icon buttons with a tooltip and an accessible label, each
 * calling back with the row's item while the page that made them is alive.
 */

typedef struct {
	RosterItem *item;
	RosterRowActionFunc func;
	GWeakRef self;
} RowAction;

static void
row_action_free(gpointer data, GClosure *closure)
{
	RowAction *action = data;

	g_object_unref(action->item);
	g_weak_ref_clear(&action->self);
	g_free(action);
}

static void
row_action_clicked_cb(GtkButton *button, gpointer user_data)
{
	RowAction *action = user_data;
	g_autoptr(GObject) self = g_weak_ref_get(&action->self);

	if (self != NULL)
		action->func(self, action->item);
}

static void
add_button(AdwActionRow *row,
	   RosterItem *item,
	   const gchar *icon_name,
	   const gchar *label,
	   const gchar *css_class,
	   RosterRowActionFunc func,
	   gpointer self)
{
	GtkWidget *button = gtk_button_new_from_icon_name(icon_name);
	RowAction *action = g_new0(RowAction, 1);

	action->item = g_object_ref(item);
	action->func = func;
	g_weak_ref_init(&action->self, self);
	gtk_widget_set_tooltip_text(button, label);
	gtk_accessible_update_property(GTK_ACCESSIBLE(button),
				       GTK_ACCESSIBLE_PROPERTY_LABEL,
				       label,
				       -1);
	gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(button, "flat");
	gtk_widget_add_css_class(button, css_class);
	g_signal_connect_data(button,
			      "clicked",
			      G_CALLBACK(row_action_clicked_cb),
			      action,
			      row_action_free,
			      0);
	adw_action_row_add_suffix(row, button);
}

/**
 * roster_row_add_edit_delete:
 * @row: a row
 * @item: the item the row shows
 * @css_prefix: the buttons get the CSS classes `PREFIX-edit` and `PREFIX-delete`
 * @edit_func: called with @self and @item when Edit is clicked
 * @delete_func: called with @self and @item when Delete is clicked
 * @self: the page; held weakly
 *
 * Adds an edit and a delete button to the end of @row.
 *
 * Since: 0.1
 */
void
roster_row_add_edit_delete(AdwActionRow *row,
			   RosterItem *item,
			   const gchar *css_prefix,
			   RosterRowActionFunc edit_func,
			   RosterRowActionFunc delete_func,
			   gpointer self)
{
	g_autofree gchar *edit_class = g_strconcat(css_prefix, "-edit", NULL);
	g_autofree gchar *delete_class = g_strconcat(css_prefix, "-delete", NULL);

	g_return_if_fail(ADW_IS_ACTION_ROW(row));
	g_return_if_fail(ROSTER_IS_ITEM(item));
	g_return_if_fail(G_IS_OBJECT(self));
	add_button(row, item, "document-edit-symbolic", _("Edit"), edit_class, edit_func, self);
	add_button(row, item, "user-trash-symbolic", _("Delete"), delete_class, delete_func, self);
}

/**
 * roster_row_set_placeholder:
 * @list: a boxed list
 * @text: what an empty list means
 *
 * Gives @list a dim, wrapping label to show while it has no rows, so that an empty
 * boxed list does not show as a bare line.
 *
 * Since: 0.1
 */
void
roster_row_set_placeholder(GtkListBox *list, const gchar *text)
{
	GtkWidget *placeholder = gtk_label_new(text);

	gtk_label_set_wrap(GTK_LABEL(placeholder), TRUE);
	gtk_widget_add_css_class(placeholder, "dim-label");
	gtk_widget_set_margin_top(placeholder, 12);
	gtk_widget_set_margin_bottom(placeholder, 12);
	gtk_widget_set_margin_start(placeholder, 12);
	gtk_widget_set_margin_end(placeholder, 12);
	gtk_list_box_set_placeholder(list, placeholder);
}
