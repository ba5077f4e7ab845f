/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-csv.h"
#include "roster-error.h"

/*
 * Formula injection (CWE-1236): a spreadsheet reads a cell that starts with = + - or @
 * as a formula, and some strip a leading tab or carriage return before looking, so a
 * volunteer's note =HYPERLINK(…) would run in the admin's spreadsheet. As OWASP
 * advises, a text cell that starts with one of these is written with a single quote
 * in front and the field is quoted.
 *
 * The kind of the column decides, not the look of the value: a text cell that reads
 * like a number, such as a note "-5" or a phone number "+8613800000000", is written
 * '-5 like any other text, because a test for "looks like a number" is exactly what a
 * payload such as -2+3+cmd|… slips past (and a spreadsheet would turn the phone number
 * into 8.6E+12). Cells the product computes as numbers (ROSTER_CSV_CELL_NUMBER) stay
 * bare numbers, negative ones included.
 *
 * roster_csv_parse() takes one leading quote off a field that starts with a quote and
 * then a trigger or another quote, so that a file we wrote reads back as it was; for
 * that, a text cell that itself starts with a quote and a trigger or a quote gets one
 * more quote in front when written.
 */
static const gchar formula_triggers[] = "=+-@\t\r";

static gboolean
is_formula_trigger(gchar c)
{
	return c != '\0' && strchr(formula_triggers, c) != NULL;
}

/* TRUE for a field written with a quote in front of it */
static gboolean
is_neutralised(const gchar *value)
{
	return value[0] == '\'' && (is_formula_trigger(value[1]) || value[1] == '\'');
}

/* an optional minus and digits, with an optional fraction, as the product writes them */
static gboolean
is_plain_number(const gchar *value)
{
	const gchar *p = value;

	if (*p == '-')
		p++;
	if (!g_ascii_isdigit(*p))
		return FALSE;
	while (g_ascii_isdigit(*p))
		p++;
	if (*p == '.') {
		p++;
		if (!g_ascii_isdigit(*p))
			return FALSE;
		while (g_ascii_isdigit(*p))
			p++;
	}
	return *p == '\0';
}

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
	/* undo what roster_csv_append_row() did against formula injection */
	if (is_neutralised(field->str))
		g_string_erase(field, 0, 1);
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
 * @text: the file's contents, UTF-8 with or without a byte-order mark, or GBK/GB18030
 *   as Excel writes it on Chinese Windows
 * @length: the length of @text in bytes
 * @error: (nullable): return location for a #GError
 *
 * Parses comma-separated values as RFC 4180 describes them: fields may be quoted,
 * a quote inside a quoted field is doubled, and quoted fields may span lines. Both
 * CRLF and LF end a record; blank lines are skipped. A field that starts with a single
 * quote followed by `=`, `+`, `-`, `@`, a tab, a carriage return or another single quote
 * loses that first quote, which roster_csv_append_row() put there against formula
 * injection.
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
	g_autofree gchar *converted = NULL;
	const gchar *end;
	gsize i = 0;
	guint line = 1;
	guint record_line = 1;
	gboolean quoted = FALSE;
	gboolean was_quoted = FALSE;

	g_return_val_if_fail(text != NULL || length == 0, NULL);

	/* Excel on Chinese Windows saves a CSV in the ANSI code page, GBK, of which GB18030
	 * is the superset: such a file is read as converted, not refused */
	if (!g_utf8_validate(text, length, NULL)) {
		gsize converted_length = 0;
		converted = g_convert(text,
				      (gssize)length,
				      "UTF-8",
				      "GB18030",
				      NULL,
				      &converted_length,
				      NULL);
		if (converted != NULL) {
			text = converted;
			length = converted_length;
		}
	}
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
 * @cells: (nullable) (array length=n_fields): what each field holds, or %NULL when all
 *   of them are text
 * @n_fields: the number of @fields
 *
 * Appends one CRLF-terminated row, quoting the fields that need it. A text field
 * that a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return) is written with a single quote in front, and
 * roster_csv_parse() takes that quote off again. A number field that is not a plain
 * decimal number is written as text.
 *
 * Since: 0.1
 **/
void
roster_csv_append_row(GString *out,
		      const gchar *const *fields,
		      const RosterCsvCell *cells,
		      guint n_fields)
{
	for (guint i = 0; i < n_fields; i++) {
		const gchar *value = fields[i] != NULL ? fields[i] : "";
		gboolean number = cells != NULL && cells[i] == ROSTER_CSV_CELL_NUMBER &&
				  (value[0] == '\0' || is_plain_number(value));
		gboolean prefix =
		    !number && (is_formula_trigger(value[0]) || is_neutralised(value));

		if (i > 0)
			g_string_append_c(out, ',');
		if (prefix || strpbrk(value, ",\"\r\n") != NULL) {
			g_string_append_c(out, '"');
			if (prefix)
				g_string_append_c(out, '\'');
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
