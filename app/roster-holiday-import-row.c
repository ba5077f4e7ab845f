/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar's row that imports a year's holiday calendar (the State
 * Council's notice as the public holiday-cn or chinese-days JSON) from a file and says
 * what it changed */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "roster-date.h"
#include "roster-holiday-import-row.h"
#include "roster-json-keys.h"

struct _RosterHolidayImportRow {
	AdwActionRow parent_instance;
	RosterPage *page; /* unowned: the page owns the form that owns the row */
	GtkButton *button;
	GtkFileChooserNative *chooser;
	GBytes *contents;
	gchar *result;
	gchar *error;
	gboolean importing;
};

G_DEFINE_FINAL_TYPE(RosterHolidayImportRow, roster_holiday_import_row, ADW_TYPE_ACTION_ROW)

static void
roster_holiday_import_row_dispose(GObject *object)
{
	RosterHolidayImportRow *self = ROSTER_HOLIDAY_IMPORT_ROW(object);

	if (self->chooser != NULL)
		gtk_native_dialog_destroy(GTK_NATIVE_DIALOG(self->chooser));
	g_clear_object(&self->chooser);
	G_OBJECT_CLASS(roster_holiday_import_row_parent_class)->dispose(object);
}

static void
roster_holiday_import_row_finalize(GObject *object)
{
	RosterHolidayImportRow *self = ROSTER_HOLIDAY_IMPORT_ROW(object);

	g_clear_pointer(&self->contents, g_bytes_unref);
	g_free(self->result);
	g_free(self->error);
	G_OBJECT_CLASS(roster_holiday_import_row_parent_class)->finalize(object);
}

static void
roster_holiday_import_row_class_init(RosterHolidayImportRowClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->dispose = roster_holiday_import_row_dispose;
	object_class->finalize = roster_holiday_import_row_finalize;
}

static void
roster_holiday_import_row_init(RosterHolidayImportRow *self)
{
}

static void
set_importing(RosterHolidayImportRow *self, gboolean importing)
{
	self->importing = importing;
	gtk_widget_set_sensitive(GTK_WIDGET(self->button), !importing);
}

/* the year a file is for: its "year" member (holiday-cn), else the year of next month,
 * the month being planned (a chinese-days file holds several years) */
static gint
year_of(GBytes *contents)
{
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autoptr(GDateTime) next = g_date_time_add_months(now, 1);
	gsize length = 0;
	const gchar *data = g_bytes_get_data(contents, &length);
	JsonNode *root;

	if (json_parser_load_from_data(parser, data, (gssize)length, NULL) &&
	    (root = json_parser_get_root(parser)) != NULL && JSON_NODE_HOLDS_OBJECT(root)) {
		JsonNode *year = json_object_get_member(json_node_get_object(root), "year");
		if (year != NULL && JSON_NODE_HOLDS_VALUE(year) &&
		    json_node_get_value_type(year) == G_TYPE_INT64)
			return (gint)json_node_get_int(year);
	}
	return g_date_time_get_year(next);
}

/* "国庆节 10月8日（十月排班）、…": the published roster days the import changed */
static gchar *
dup_changed_days(JsonArray *changed)
{
	GString *text = g_string_new(NULL);

	for (guint i = 0; i < json_array_get_length(changed); i++) {
		JsonObject *day = json_array_get_object_element(changed, i);
		const gchar *iso = json_object_get_string_member_with_default(day, "date", "");
		const gchar *roster =
		    json_object_get_string_member_with_default(day, "roster_name", "");
		g_autofree gchar *label = NULL;
		GDate date;

		label = roster_date_parse(iso, &date, NULL) ? roster_date_format_day(&date)
							    : g_strdup(iso);

		if (text->len > 0)
			/* TRANSLATORS: between the days of a list */
			g_string_append(text, _(", "));
		/* TRANSLATORS: a changed day and its roster, e.g. 10月8日 周四（十月排班） */
		g_string_append_printf(text, _("%s (%s)"), label, roster);
	}
	return g_string_free(text, FALSE);
}

static void
show_result(RosterHolidayImportRow *self, JsonObject *reply)
{
	JsonArray *changed = json_object_get_array_member(reply, "changed_days");
	g_autofree gchar *summary = NULL;

	/* TRANSLATORS: after importing a year's holiday calendar: the year, the holidays
	 * and the make-up working days (调休) */
	summary = g_strdup_printf(_("%d imported: %d holidays, %d make-up working days"),
				  (gint)json_object_get_int_member(reply, "year"),
				  (gint)json_object_get_int_member(reply, "off"),
				  (gint)json_object_get_int_member(reply, "working"));
	g_free(self->result);
	if (changed != NULL && json_array_get_length(changed) > 0) {
		g_autofree gchar *days = dup_changed_days(changed);
		/* TRANSLATORS: the first %s says what was imported, the second lists the
		 * days of published rosters whose holiday or working day changed */
		self->result =
		    g_strdup_printf(_("%s. Published days that changed: %s"), summary, days);
	} else {
		self->result = g_steal_pointer(&summary);
	}
	adw_action_row_set_subtitle(ADW_ACTION_ROW(self), self->result);
}

/* the daemon says which line of the file it could not read ("line 59: …") */
static gchar *
dup_error_text(JsonObject *error_object, const GError *error)
{
	const gchar *message =
	    error_object != NULL
		? json_object_get_string_member_with_default(error_object, "message", NULL)
		: NULL;
	const gchar *line = message != NULL ? strstr(message, "line ") : NULL;

	if (line != NULL && g_ascii_isdigit(line[5])) {
		/* TRANSLATORS: %u is a line number of the file the coordinator chose */
		return g_strdup_printf(_("Line %u of the file is not a holiday calendar entry; "
					 "nothing was imported"),
				       (guint)strtoul(line + 5, NULL, 10));
	}
	/* TRANSLATORS: %s says why, e.g. "The value of “year” is not valid" */
	return g_strdup_printf(_("The file is not a holiday calendar (%s); nothing was imported"),
			       error->message);
}

static void
import_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterHolidayImportRow) self = ROSTER_HOLIDAY_IMPORT_ROW(user_data);
	RosterClient *client = ROSTER_CLIENT(source);
	g_autoptr(GError) error = NULL;
	JsonObject *error_object = roster_client_call_get_error_object(client, result);
	g_autoptr(JsonObject) reply = roster_client_call_finish_object(client, result, &error);

	if (reply == NULL && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return;
	set_importing(self, FALSE);
	g_clear_pointer(&self->error, g_free);
	if (reply == NULL) {
		self->error = dup_error_text(error_object, error);
		roster_page_show_toast(self->page, self->error);
		return;
	}
	show_result(self, reply);
	roster_page_reload(self->page);
}

static void
loaded_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterHolidayImportRow) self = ROSTER_HOLIDAY_IMPORT_ROW(user_data);
	RosterClient *client = roster_page_get_client(self->page);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *data = NULL;
	g_autofree gchar *path = NULL;
	gsize length = 0;

	if (!g_file_load_contents_finish(G_FILE(source), result, &data, &length, NULL, &error)) {
		set_importing(self, FALSE);
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_error(self->page, error);
		return;
	}
	if (client == NULL) {
		set_importing(self, FALSE);
		return;
	}
	g_clear_pointer(&self->contents, g_bytes_unref);
	self->contents = g_bytes_new_take(g_steal_pointer(&data), length);
	path = g_strdup_printf("/holidays/%d", year_of(self->contents));
	roster_client_call_bytes_async(client,
				       "PUT",
				       path,
				       "application/json",
				       self->contents,
				       roster_page_get_cancellable(self->page),
				       import_cb,
				       g_object_ref(self));
}

/**
 * roster_holiday_import_row_import_file:
 * @self: a #RosterHolidayImportRow
 * @file: a holiday-cn or chinese-days JSON file
 *
 * Imports the year of @file (replacing an earlier import of that year) and shows what it
 * imported and which published days it changed, or which line it could not read.
 */
void
roster_holiday_import_row_import_file(RosterHolidayImportRow *self, GFile *file)
{
	g_return_if_fail(ROSTER_IS_HOLIDAY_IMPORT_ROW(self));
	g_return_if_fail(G_IS_FILE(file));
	if (self->importing || roster_page_get_client(self->page) == NULL)
		return;
	set_importing(self, TRUE);
	/* what the last import did no longer stands for this one */
	g_clear_pointer(&self->result, g_free);
	g_clear_pointer(&self->error, g_free);
	g_file_load_contents_async(file,
				   roster_page_get_cancellable(self->page),
				   loaded_cb,
				   g_object_ref(self));
}

/**
 * roster_holiday_import_row_get_result:
 * @self: a #RosterHolidayImportRow
 *
 * Returns: (nullable): what the last import did, in words
 */
const gchar *
roster_holiday_import_row_get_result(RosterHolidayImportRow *self)
{
	g_return_val_if_fail(ROSTER_IS_HOLIDAY_IMPORT_ROW(self), NULL);
	return self->result;
}

/**
 * roster_holiday_import_row_get_error:
 * @self: a #RosterHolidayImportRow
 *
 * Returns: (nullable): why the last import was refused, in words
 */
const gchar *
roster_holiday_import_row_get_error(RosterHolidayImportRow *self)
{
	g_return_val_if_fail(ROSTER_IS_HOLIDAY_IMPORT_ROW(self), NULL);
	return self->error;
}

static void
chooser_response_cb(GtkNativeDialog *dialog, gint response, gpointer user_data)
{
	RosterHolidayImportRow *self = ROSTER_HOLIDAY_IMPORT_ROW(user_data);
	g_autoptr(GFile) file = NULL;

	if (response == GTK_RESPONSE_ACCEPT)
		file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
	g_clear_object(&self->chooser);
	if (file != NULL)
		roster_holiday_import_row_import_file(self, file);
}

static void
clicked_cb(RosterHolidayImportRow *self)
{
	GtkWidget *root = GTK_WIDGET(gtk_widget_get_root(GTK_WIDGET(self)));
	g_autoptr(GtkFileFilter) filter = gtk_file_filter_new();

	g_clear_object(&self->chooser);
	self->chooser = gtk_file_chooser_native_new(_("Import Holiday Calendar"),
						    GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL,
						    GTK_FILE_CHOOSER_ACTION_OPEN,
						    _("_Import"),
						    _("_Cancel"));
	gtk_file_filter_set_name(filter, _("Holiday calendars (JSON)"));
	gtk_file_filter_add_pattern(filter, "*.json");
	gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(self->chooser), filter);
	g_signal_connect(self->chooser, "response", G_CALLBACK(chooser_response_cb), self);
	gtk_native_dialog_show(GTK_NATIVE_DIALOG(self->chooser));
}

/**
 * roster_holiday_import_row_new:
 * @page: the page whose client and cancellable the import uses, reloaded after it
 *
 * Returns: (transfer floating): a row with an Import… button
 */
GtkWidget *
roster_holiday_import_row_new(RosterPage *page)
{
	RosterHolidayImportRow *self = g_object_new(ROSTER_TYPE_HOLIDAY_IMPORT_ROW, NULL);

	self->page = page;
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self), _("Holiday calendar"));
	adw_action_row_set_subtitle(
	    ADW_ACTION_ROW(self),
	    _("The year's holidays and make-up working days (调休) from the State Council's "
	      "notice, as a holiday-cn or chinese-days JSON file"));
	self->button = GTK_BUTTON(gtk_button_new_with_mnemonic(_("_Import…")));
	gtk_widget_set_valign(GTK_WIDGET(self->button), GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(GTK_WIDGET(self), "calendar-holiday-import-row");
	adw_action_row_add_suffix(ADW_ACTION_ROW(self), GTK_WIDGET(self->button));
	g_signal_connect_swapped(self->button, "clicked", G_CALLBACK(clicked_cb), self);
	return GTK_WIDGET(self);
}
