/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster page's Export… button: the roster shown, saved as XLSX with a CSV beside
 * it; and its Print… button (roster.print, Ctrl+P): one week per page, or a PDF */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-export.h"
#include "roster-print.h"
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

/**
 * roster_roster_page_export_pdf:
 * @self: a #RosterRosterPage
 * @path: the PDF file to write
 * @error: a #GError, or %NULL
 *
 * Writes the roster shown as the print would show it, one week per page.
 *
 * Returns: %FALSE when there is no roster or the file cannot be written
 *
 * Since: 0.4
 */
gboolean
roster_roster_page_export_pdf(RosterRosterPage *self, const gchar *path, GError **error)
{
	RosterGridData data;

	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), FALSE);
	if (self->roster == NULL) {
		g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no roster shown");
		return FALSE;
	}
	roster_roster_page_get_grid_data(self, &data);
	return roster_print_export_pdf(&data, path, error);
}

static void
print_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	GtkRoot *root = gtk_widget_get_root(widget);
	g_autoptr(GError) error = NULL;
	RosterGridData data;

	if (self->roster == NULL) {
		roster_page_show_toast(ROSTER_PAGE(self), _("No roster to print"));
		return;
	}
	roster_roster_page_get_grid_data(self, &data);
	if (!roster_print_run(&data, GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL, &error)) {
		g_autofree gchar *message = NULL;
		/* TRANSLATORS: %s says why printing failed */
		message = g_strdup_printf(_("Cannot print the roster: %s"), error->message);
		roster_page_show_toast(ROSTER_PAGE(self), message);
	}
}

void
roster_roster_page_export_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_bind_template_callback(widget_class, export_clicked_cb);
	gtk_widget_class_install_action(widget_class, "roster.print", NULL, print_action_cb);
	gtk_widget_class_add_binding_action(widget_class,
					    GDK_KEY_p,
					    GDK_CONTROL_MASK,
					    "roster.print",
					    NULL);
}
