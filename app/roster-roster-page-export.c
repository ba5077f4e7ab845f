/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster page's Export… button: the roster shown, saved as XLSX with a CSV beside it */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-export.h"
#include "roster-roster-page-private.h"

static void
export_response_cb(GtkNativeDialog *dialog, gint response, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GtkNativeDialog) chooser = dialog;
	g_autoptr(GFile) file = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *csv_path = NULL;
	g_autofree gchar *xlsx_name = NULL;
	g_autofree gchar *csv_name = NULL;
	g_autofree gchar *message = NULL;

	if (response == GTK_RESPONSE_ACCEPT)
		file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(chooser));
	if (file == NULL || self->roster == NULL)
		return;
	path = g_file_get_path(file);
	if (path == NULL) {
		roster_page_show_toast(ROSTER_PAGE(self), _("Choose a file on this computer"));
		return;
	}
	if (!roster_export_write_files(self->roster,
				       G_LIST_MODEL(self->seat_classes),
				       G_LIST_MODEL(self->volunteers),
				       path,
				       &error)) {
		/* TRANSLATORS: %s says why the file could not be written */
		message = g_strdup_printf(_("Cannot export the roster: %s"), error->message);
		roster_page_show_toast(ROSTER_PAGE(self), message);
		return;
	}
	csv_path = roster_export_dup_csv_path(path);
	xlsx_name = g_path_get_basename(path);
	csv_name = g_path_get_basename(csv_path);
	/* TRANSLATORS: the two files written, the spreadsheet and then the CSV */
	message = g_strdup_printf(_("Roster exported to %s and %s"), xlsx_name, csv_name);
	roster_page_show_toast(ROSTER_PAGE(self), message);
}

static void
export_clicked_cb(RosterRosterPage *self)
{
	GtkWidget *root = GTK_WIDGET(gtk_widget_get_root(GTK_WIDGET(self)));
	g_autoptr(GtkFileFilter) filter = gtk_file_filter_new();
	g_autofree gchar *name = NULL;
	GtkFileChooserNative *chooser;

	if (self->roster == NULL) {
		roster_page_show_toast(ROSTER_PAGE(self), _("No roster to export"));
		return;
	}
	/* the dialog holds its own reference until its answer, dropped in the callback */
	chooser = gtk_file_chooser_native_new(_("Export Roster"),
					      GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL,
					      GTK_FILE_CHOOSER_ACTION_SAVE,
					      _("_Save"),
					      _("_Cancel"));
	gtk_native_dialog_set_modal(GTK_NATIVE_DIALOG(chooser), TRUE);
	gtk_file_filter_set_name(filter, _("Excel workbooks"));
	gtk_file_filter_add_suffix(filter, "xlsx");
	gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(chooser), filter);
	name = g_strdup_printf("%s.xlsx", roster_roster_get_name(self->roster));
	g_strdelimit(name, "/\\", '-');
	gtk_file_chooser_set_current_name(GTK_FILE_CHOOSER(chooser), name);
	g_signal_connect_object(chooser, "response", G_CALLBACK(export_response_cb), self, 0);
	gtk_native_dialog_show(GTK_NATIVE_DIALOG(chooser));
}

void
roster_roster_page_export_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_bind_template_callback(widget_class, export_clicked_cb);
}
