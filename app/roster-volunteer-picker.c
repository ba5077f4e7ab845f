/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the searchable volunteer picker of the records forms and the teams editor: a
 * GtkDropDown over a list of volunteers whose search matches the name typed */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-volunteer-picker.h"

/**
 * roster_volunteer_picker_new:
 * @css_class: a style class that names the picker
 *
 * Returns: (transfer floating): a drop-down that shows and searches volunteers by name
 *
 * Since: 0.4
 */
GtkWidget *
roster_volunteer_picker_new(const gchar *css_class)
{
	g_autoptr(GtkExpression) expression =
	    gtk_property_expression_new(ROSTER_TYPE_ITEM, NULL, "title");
	GtkWidget *picker = gtk_drop_down_new(NULL, NULL);

	gtk_drop_down_set_expression(GTK_DROP_DOWN(picker), expression);
	gtk_drop_down_set_enable_search(GTK_DROP_DOWN(picker), TRUE);
	gtk_widget_set_valign(picker, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(picker, css_class);
	gtk_accessible_update_property(GTK_ACCESSIBLE(picker),
				       GTK_ACCESSIBLE_PROPERTY_LABEL,
				       _("Volunteer"),
				       -1);
	return picker;
}

/**
 * roster_volunteer_picker_row_new:
 * @title: the row's title
 * @css_class: a style class that names the picker
 * @picker: (out) (transfer none): the picker in the row
 *
 * Returns: (transfer floating): a form row with a volunteer picker at its end
 *
 * Since: 0.4
 */
AdwActionRow *
roster_volunteer_picker_row_new(const gchar *title, const gchar *css_class, GtkDropDown **picker)
{
	GtkWidget *row = adw_action_row_new();

	*picker = GTK_DROP_DOWN(roster_volunteer_picker_new(css_class));
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_action_row_add_suffix(ADW_ACTION_ROW(row), GTK_WIDGET(*picker));
	adw_action_row_set_activatable_widget(ADW_ACTION_ROW(row), GTK_WIDGET(*picker));
	return ADW_ACTION_ROW(row);
}

/* the volunteers the picker offers; the first is chosen */
void
roster_volunteer_picker_set_model(GtkDropDown *picker, GListModel *volunteers)
{
	g_return_if_fail(GTK_IS_DROP_DOWN(picker));
	gtk_drop_down_set_model(picker, volunteers);
}

/**
 * roster_volunteer_picker_get_id:
 * @picker: a picker of roster_volunteer_picker_new()
 *
 * Returns: the id of the volunteer chosen, or 0 for none
 *
 * Since: 0.4
 */
gint64
roster_volunteer_picker_get_id(GtkDropDown *picker)
{
	gpointer item;

	g_return_val_if_fail(GTK_IS_DROP_DOWN(picker), 0);
	item = gtk_drop_down_get_selected_item(picker);
	return item != NULL && ROSTER_IS_ITEM(item) ? roster_item_get_id(ROSTER_ITEM(item)) : 0;
}
