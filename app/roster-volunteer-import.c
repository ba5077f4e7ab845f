/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "roster-json-keys.h"
#include "roster-volunteer-import.h"

/*
 * Importing volunteers from a CSV file in the app: the file goes as it is to
 * POST /volunteers/import, where the daemon reads it exactly as roster-tool does
 * (UTF-8 with or without a BOM, English or Chinese headers) and imports all rows or
 * none; every bad row comes back with its line number.
 */

struct _RosterVolunteerImport {
	GObject parent_instance;
	GBytes *contents;
	GPtrArray *errors; /* gchar */
};

G_DEFINE_FINAL_TYPE(RosterVolunteerImport, roster_volunteer_import, G_TYPE_OBJECT)

static void
roster_volunteer_import_finalize(GObject *object)
{
	RosterVolunteerImport *self = ROSTER_VOLUNTEER_IMPORT(object);

	g_clear_pointer(&self->contents, g_bytes_unref);
	g_clear_pointer(&self->errors, g_ptr_array_unref);
	G_OBJECT_CLASS(roster_volunteer_import_parent_class)->finalize(object);
}

static void
roster_volunteer_import_class_init(RosterVolunteerImportClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->finalize = roster_volunteer_import_finalize;
}

static void
roster_volunteer_import_init(RosterVolunteerImport *self)
{
	self->errors = g_ptr_array_new_with_free_func(g_free);
}

/**
 * roster_volunteer_import_new:
 *
 * Returns: (transfer full): a new #RosterVolunteerImport
 *
 * Since: 0.1
 */
RosterVolunteerImport *
roster_volunteer_import_new(void)
{
	return g_object_new(ROSTER_TYPE_VOLUNTEER_IMPORT, NULL);
}

/**
 * roster_volunteer_import_parse:
 * @self: a #RosterVolunteerImport
 * @text: the file's contents
 * @length: the length of @text
 * @error: a #GError
 *
 * Takes the file; only what makes it no CSV at all (empty, not UTF-8) is refused here,
 * the daemon checks every row.
 *
 * Returns: %TRUE when the file can be sent
 *
 * Since: 0.1
 */
gboolean
roster_volunteer_import_parse(RosterVolunteerImport *self,
			      const gchar *text,
			      gsize length,
			      GError **error)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (text == NULL || length == 0) {
		g_set_error_literal(error,
				    G_IO_ERROR,
				    G_IO_ERROR_INVALID_DATA,
				    _("The file is empty"));
		return FALSE;
	}
	/* a file that is not UTF-8 goes as it is: the daemon reads GBK/GB18030, as Excel
	 * writes it on Chinese Windows, and names the line of anything else */
	g_clear_pointer(&self->contents, g_bytes_unref);
	self->contents = g_bytes_new(text, length);
	g_ptr_array_set_size(self->errors, 0);
	return TRUE;
}

/**
 * roster_volunteer_import_get_errors:
 * @self: a #RosterVolunteerImport
 *
 * Returns: (transfer none) (element-type utf8): the bad rows, each "line N: reason"
 *
 * Since: 0.1
 */
GPtrArray *
roster_volunteer_import_get_errors(RosterVolunteerImport *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), NULL);
	return self->errors;
}

/* the value in the first “…” of @text when it matches @pattern, else NULL */
static gchar *
dup_match(const gchar *pattern, const gchar *text)
{
	g_autoptr(GRegex) regex = g_regex_new(pattern, 0, 0, NULL);
	g_autoptr(GMatchInfo) match = NULL;

	if (!g_regex_match(regex, text, 0, &match))
		return NULL;
	return g_match_info_fetch(match, 1);
}

/* the reason after "FIELD: " in a row error, in the user's language */
static gchar *
dup_field_reason(const gchar *field, const gchar *reason)
{
	const gchar *label = roster_client_get_field_label(field);
	g_autofree gchar *value = NULL;

	/* TRANSLATORS: a bad cell of an import: the column, then the value */
	if ((value = dup_match("^“(.*)” is not a whole number$", reason)) != NULL)
		return g_strdup_printf(_("%s: “%s” is not a whole number"), label, value);
	if ((value = dup_match("^“(.*)” is not yes or no$", reason)) != NULL)
		return g_strdup_printf(_("%s: “%s” is not yes or no"), label, value);
	if ((value = dup_match("^unknown tier “(.*)”$", reason)) != NULL)
		return g_strdup_printf(_("%s: there is no tier “%s”"), label, value);
	if ((value = dup_match("^unknown mode “(.*)”$", reason)) != NULL)
		return g_strdup_printf(_("%s: there is no seat mode “%s”"), label, value);
	if ((value = dup_match("^no team is called “(.*)”$", reason)) != NULL)
		return g_strdup_printf(_("%s: no team is called “%s”"), label, value);
	if (g_str_has_prefix(reason, "unsupported column")) {
		/* TRANSLATORS: %s is a column of the file */
		return g_strdup_printf(_("%s: this column cannot be imported"), label);
	}
	if (strstr(reason, "already") != NULL) {
		/* TRANSLATORS: %s is a column such as the counsellor number */
		return g_strdup_printf(_("%s: another volunteer already has this value"), label);
	}
	/* TRANSLATORS: %s is a column of the file */
	return g_strdup_printf(_("%s: the value is not valid"), label);
}

/**
 * roster_volunteer_import_dup_row_error:
 * @row_error: a bad row as the daemon reports it, `line N: reason` in English
 *
 * Returns: (transfer full): the same in the user's language
 *
 * Since: 0.1
 */
gchar *
roster_volunteer_import_dup_row_error(const gchar *row_error)
{
	g_autoptr(GRegex) line_regex = g_regex_new("^line ([0-9]+): (.*)$", 0, 0, NULL);
	g_autoptr(GRegex) field_regex = g_regex_new("^([a-z_]+): (.*)$", 0, 0, NULL);
	g_autoptr(GRegex) header_regex =
	    g_regex_new("^(unknown column|column|the column) “([^”]*)”(.*)$", 0, 0, NULL);
	g_autoptr(GRegex) count_regex =
	    g_regex_new("^([0-9]+) fields where the header has ([0-9]+)$", 0, 0, NULL);
	g_autoptr(GMatchInfo) match = NULL;
	g_autofree gchar *line = NULL;
	g_autofree gchar *rest = NULL;
	g_autofree gchar *reason = NULL;

	g_return_val_if_fail(row_error != NULL, NULL);
	if (!g_regex_match(line_regex, row_error, 0, &match))
		return g_strdup(row_error);
	line = g_match_info_fetch(match, 1);
	rest = g_match_info_fetch(match, 2);
	g_clear_pointer(&match, g_match_info_unref);
	if (g_regex_match(header_regex, rest, 0, &match)) {
		g_autofree gchar *kind = g_match_info_fetch(match, 1);
		g_autofree gchar *column = g_match_info_fetch(match, 2);
		g_autofree gchar *tail = g_match_info_fetch(match, 3);

		if (g_strcmp0(kind, "unknown column") == 0)
			/* TRANSLATORS: %s is a heading of the file */
			reason = g_strdup_printf(_("there is no column “%s”"), column);
		else if (g_str_has_suffix(tail, "appears twice"))
			/* TRANSLATORS: %s is a heading of the file */
			reason = g_strdup_printf(_("the column “%s” appears twice"), column);
		else
			/* TRANSLATORS: %s is a column the file must have */
			reason = g_strdup_printf(_("the column “%s” is missing"),
						 roster_client_get_field_label(column));
	}
	g_clear_pointer(&match, g_match_info_unref);
	if (reason == NULL && g_regex_match(count_regex, rest, 0, &match)) {
		g_autofree gchar *n = g_match_info_fetch(match, 1);
		g_autofree gchar *m = g_match_info_fetch(match, 2);

		/* TRANSLATORS: a row with the wrong number of cells */
		reason = g_strdup_printf(_("%s cells where the heading has %s"), n, m);
	}
	g_clear_pointer(&match, g_match_info_unref);
	if (reason == NULL && g_strcmp0(rest, "the file is empty") == 0)
		reason = g_strdup(_("The file is empty"));
	if (reason == NULL && g_regex_match(field_regex, rest, 0, &match)) {
		g_autofree gchar *field = g_match_info_fetch(match, 1);
		g_autofree gchar *why = g_match_info_fetch(match, 2);

		reason = dup_field_reason(field, why);
	}
	if (reason == NULL)
		reason = g_strdup(rest);
	/* TRANSLATORS: a refused row of an import: the line of the file, then why */
	return g_strdup_printf(_("Line %s: %s"), line, reason);
}

static void
post_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterVolunteerImport *self = g_task_get_source_object(task);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);
	JsonObject *error_object;
	JsonArray *rows = NULL;

	if (node != NULL) {
		g_task_return_int(
		    task,
		    json_object_get_int_member_with_default(json_node_get_object(node),
							    ROSTER_KEY_IMPORTED,
							    0));
		return;
	}
	/* bad rows are the answer of an import, not a failure of it: nothing was added */
	error_object = roster_client_call_get_error_object(ROSTER_CLIENT(source), result);
	if (error_object != NULL && json_object_has_member(error_object, ROSTER_KEY_ROWS))
		rows = json_object_get_array_member(error_object, ROSTER_KEY_ROWS);
	if (rows == NULL || json_array_get_length(rows) == 0) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	for (guint i = 0; i < json_array_get_length(rows); i++)
		g_ptr_array_add(
		    self->errors,
		    roster_volunteer_import_dup_row_error(json_array_get_string_element(rows, i)));
	g_task_return_int(task, 0);
}

/**
 * roster_volunteer_import_run_async:
 * @self: a #RosterVolunteerImport with a file
 * @client: a logged-in client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the daemon has answered
 * @user_data: data for @callback
 *
 * Sends the file; the daemon imports every row or, when any row is bad, none.
 *
 * Since: 0.1
 */
void
roster_volunteer_import_run_async(RosterVolunteerImport *self,
				  RosterClient *client,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data)
{
	GTask *task;

	g_return_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self));
	g_return_if_fail(ROSTER_IS_CLIENT(client));
	g_return_if_fail(self->contents != NULL);
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_volunteer_import_run_async);
	g_ptr_array_set_size(self->errors, 0);
	roster_client_call_bytes_async(client,
				       "POST",
				       "/" ROSTER_COLLECTION_VOLUNTEERS "/import",
				       g_utf8_validate(g_bytes_get_data(self->contents, NULL),
						       (gssize)g_bytes_get_size(self->contents),
						       NULL)
					   ? "text/csv; charset=utf-8"
					   : "text/csv",
				       self->contents,
				       cancellable,
				       post_cb,
				       task);
}

/**
 * roster_volunteer_import_run_finish:
 * @self: a #RosterVolunteerImport
 * @result: the result
 * @n_created: (out) (optional): how many volunteers were added (0 when any row is bad)
 * @error: a #GError
 *
 * Returns: %TRUE when the daemon answered, with the bad rows in
 *   roster_volunteer_import_get_errors()
 *
 * Since: 0.1
 */
gboolean
roster_volunteer_import_run_finish(RosterVolunteerImport *self,
				   GAsyncResult *result,
				   guint *n_created,
				   GError **error)
{
	g_autoptr(GError) error_local = NULL;
	gssize created;

	g_return_val_if_fail(ROSTER_IS_VOLUNTEER_IMPORT(self), FALSE);
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	created = g_task_propagate_int(G_TASK(result), &error_local);
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	if (n_created != NULL)
		*n_created = (guint)created;
	return TRUE;
}

/**
 * roster_volunteer_import_dup_title:
 * @n_created: the volunteers the import added
 *
 * Returns: (transfer full): the title of the import's result: how many were added, or
 *   that nothing was
 *
 * Since: 0.1
 */
gchar *
roster_volunteer_import_dup_title(guint n_created)
{
	if (n_created == 0)
		return g_strdup(_("Nothing Imported"));
	return g_strdup_printf(
	    ngettext("%u Volunteer Imported", "%u Volunteers Imported", n_created),
	    n_created);
}
