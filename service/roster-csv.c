/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-csv.h"
#include "roster-error.h"

/**
 * roster_csv_record_free:
 * @record: a #RosterCsvRecord
 *
 * Frees @record and its fields.
 *
 * Since: 0.1
 **/
void
roster_csv_record_free(RosterCsvRecord *record)
{
	g_strfreev(record->fields);
	g_free(record);
}

static void
finish_field(GPtrArray *fields, GString *field)
{
	g_ptr_array_add(fields, g_strdup(field->str));
	g_string_truncate(field, 0);
}

static void
finish_record(GPtrArray *records, GPtrArray *fields, guint line)
{
	RosterCsvRecord *record = g_new0(RosterCsvRecord, 1);
	gboolean blank =
	    fields->len == 1 && ((const gchar *)g_ptr_array_index(fields, 0))[0] == '\0';

	record->line = line;
	g_ptr_array_add(fields, NULL);
	record->fields = (GStrv)g_ptr_array_steal(fields, NULL);
	/* a blank line is not a record */
	if (blank) {
		roster_csv_record_free(record);
		return;
	}
	g_ptr_array_add(records, record);
}

/**
 * roster_csv_parse:
 * @text: the file's contents, UTF-8 with or without a byte-order mark
 * @length: the length of @text in bytes
 * @error: (nullable): return location for a #GError
 *
 * Parses comma-separated values as RFC 4180 describes them: fields may be quoted,
 * a quote inside a quoted field is doubled, and quoted fields may span lines. Both
 * CRLF and LF end a record; blank lines are skipped.
 *
 * Returns: (transfer full) (element-type RosterCsvRecord): the records, or %NULL
 *
 * Since: 0.1
 **/
GPtrArray *
roster_csv_parse(const gchar *text, gsize length, GError **error)
{
	g_autoptr(GPtrArray) records =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_csv_record_free);
	g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GString) field = g_string_new(NULL);
	const gchar *end;
	gsize i = 0;
	guint line = 1;
	guint record_line = 1;
	gboolean quoted = FALSE;
	gboolean was_quoted = FALSE;

	g_return_val_if_fail(text != NULL || length == 0, NULL);

	if (!g_utf8_validate(text, length, &end)) {
		guint bad_line = 1;
		for (const gchar *p = text; p < end; p++) {
			if (*p == '\n')
				bad_line++;
		}
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "line %u: the file is not valid UTF-8",
			    bad_line);
		return NULL;
	}
	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;

	for (; i < length; i++) {
		gchar c = text[i];
		if (quoted) {
			if (c == '"' && i + 1 < length && text[i + 1] == '"') {
				g_string_append_c(field, '"');
				i++;
			} else if (c == '"') {
				quoted = FALSE;
			} else {
				if (c == '\n')
					line++;
				g_string_append_c(field, c);
			}
			continue;
		}
		if (c == '"') {
			if (field->len > 0 || was_quoted) {
				g_set_error(error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_INVALID_DATA,
					    "line %u: a quote inside an unquoted field",
					    line);
				return NULL;
			}
			quoted = TRUE;
			was_quoted = TRUE;
		} else if (c == ',') {
			finish_field(fields, field);
			was_quoted = FALSE;
		} else if (c == '\r' && i + 1 < length && text[i + 1] == '\n') {
			continue;
		} else if (c == '\n') {
			finish_field(fields, field);
			finish_record(records, fields, record_line);
			was_quoted = FALSE;
			line++;
			record_line = line;
		} else if (was_quoted) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "line %u: text after the closing quote of a field",
				    line);
			return NULL;
		} else {
			g_string_append_c(field, c);
		}
	}
	if (quoted) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "line %u: a quoted field is never closed",
			    record_line);
		return NULL;
	}
	if (field->len > 0 || fields->len > 0 || was_quoted) {
		finish_field(fields, field);
		finish_record(records, fields, record_line);
	}
	return g_steal_pointer(&records);
}

/**
 * roster_csv_append_row:
 * @out: the text so far
 * @fields: the values of the row
 * @n_fields: the number of @fields
 *
 * Appends one CRLF-terminated row, quoting the fields that need it.
 *
 * Since: 0.1
 **/
void
roster_csv_append_row(GString *out, const gchar *const *fields, guint n_fields)
{
	for (guint i = 0; i < n_fields; i++) {
		const gchar *value = fields[i] != NULL ? fields[i] : "";
		if (i > 0)
			g_string_append_c(out, ',');
		if (strpbrk(value, ",\"\r\n") != NULL) {
			g_string_append_c(out, '"');
			for (const gchar *p = value; *p != '\0'; p++) {
				if (*p == '"')
					g_string_append_c(out, '"');
				g_string_append_c(out, *p);
			}
			g_string_append_c(out, '"');
		} else {
			g_string_append(out, value);
		}
	}
	g_string_append(out, "\r\n");
}
