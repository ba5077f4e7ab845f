/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the widgets the editors made in code repeat: one place for their look */

#include "config.h"

#include "roster-form-widgets.h"

/**
 * roster_form_button_new:
 * @label: the label, with a mnemonic
 * @css_class: a style class that names the button
 * @callback: its "clicked" handler, called with @data as its only argument
 * @data: the handler's data, usually the page
 *
 * Returns: (transfer floating): a button for a group's header or a row's end
 *
 * Since: 0.4
 */
GtkWidget *
roster_form_button_new(const gchar *label,
		       const gchar *css_class,
		       GCallback callback,
		       gpointer data)
{
	GtkWidget *button = gtk_button_new_with_mnemonic(label);

	gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(button, css_class);
	g_signal_connect_swapped(button, "clicked", callback, data);
	return button;
}

/* a boxed list without selection, named by @css_class */
GtkListBox *
roster_form_list_new(const gchar *css_class)
{
	GtkWidget *list = gtk_list_box_new();

	gtk_list_box_set_selection_mode(GTK_LIST_BOX(list), GTK_SELECTION_NONE);
	gtk_widget_add_css_class(list, "boxed-list");
	gtk_widget_add_css_class(list, css_class);
	return GTK_LIST_BOX(list);
}

/* the hidden, wrapping error line under a form, named by @css_class */
GtkLabel *
roster_form_error_label_new(const gchar *css_class)
{
	GtkLabel *label = GTK_LABEL(gtk_label_new(NULL));

	gtk_label_set_wrap(label, TRUE);
	gtk_label_set_xalign(label, 0.0f);
	gtk_widget_set_margin_top(GTK_WIDGET(label), 6);
	gtk_widget_add_css_class(GTK_WIDGET(label), "error");
	gtk_widget_add_css_class(GTK_WIDGET(label), css_class);
	gtk_widget_set_visible(GTK_WIDGET(label), FALSE);
	return label;
}
