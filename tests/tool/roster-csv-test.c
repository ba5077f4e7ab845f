/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-csv.h"
#include "roster-error.h"

static GPtrArray *
parse(const gchar *text, GError **error)
{
	return roster_csv_parse(text, strlen(text), error);
}

static void
test_csv_plain(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("a,b,c\r\n1,2,3\r\n", &error);
	RosterCsvRecord *second;

	g_assert_no_error(error);
	g_assert_cmpuint(records->len, ==, 2);
	second = g_ptr_array_index(records, 1);
	g_assert_cmpuint(second->line, ==, 2);
	g_assert_cmpuint(g_strv_length(second->fields), ==, 3);
	g_assert_cmpstr(second->fields[2], ==, "3");
}

static void
test_csv_bom(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("\xEF\xBB\xBF工号,姓名\n001,王静\n", &error);
	RosterCsvRecord *header;

	g_assert_no_error(error);
	header = g_ptr_array_index(records, 0);
	g_assert_cmpstr(header->fields[0], ==, "工号");
}

static void
test_csv_quoted(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records =
	    parse("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\nlast,row\n", &error);
	RosterCsvRecord *quoted;
	RosterCsvRecord *last;

	g_assert_no_error(error);
	g_assert_cmpuint(records->len, ==, 3);
	quoted = g_ptr_array_index(records, 1);
	g_assert_cmpstr(quoted->fields[0], ==, "x, \"y\"");
	g_assert_cmpstr(quoted->fields[1], ==, "two\nlines");
	/* the record after a field spanning two lines starts on line 4 */
	last = g_ptr_array_index(records, 2);
	g_assert_cmpuint(last->line, ==, 4);
}

static void
test_csv_blank_lines(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("a\n\n1\n\n", &error);

	g_assert_no_error(error);
	g_assert_cmpuint(records->len, ==, 2);
	g_assert_cmpuint(((RosterCsvRecord *)g_ptr_array_index(records, 1))->line, ==, 3);
}

static void
test_csv_no_final_newline(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("a,b\n1,", &error);
	RosterCsvRecord *last;

	g_assert_no_error(error);
	last = g_ptr_array_index(records, 1);
	g_assert_cmpuint(g_strv_length(last->fields), ==, 2);
	g_assert_cmpstr(last->fields[1], ==, "");
}

static void
test_csv_unclosed_quote(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("a\n1\n\"open\n", &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(records);
	g_assert_true(g_str_has_prefix(error->message, "line 3:"));
}

static void
test_csv_stray_quote(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("a\nx\"y\n", &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(records);
	g_assert_true(g_str_has_prefix(error->message, "line 2:"));
}

static void
test_csv_invalid_utf8(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("a\nok\n\xff\xfe\n", &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(records);
	g_assert_true(g_str_has_prefix(error->message, "line 3:"));
}

/* a file as Excel saves it on Chinese Windows, in GB18030 (GBK): read as converted */
static void
test_csv_gb18030(void)
{
	const gchar *utf8 = "工号,姓名,备注\r\n001,王静,\"夜班，周末\"\r\n";
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	g_autofree gchar *gbk = g_convert(utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
	g_autoptr(GPtrArray) records = NULL;
	RosterCsvRecord *record;

	g_assert_no_error(error);
	g_assert_false(g_utf8_validate(gbk, (gssize)length, NULL));
	records = roster_csv_parse(gbk, length, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(records->len, ==, 2);
	record = g_ptr_array_index(records, 0);
	g_assert_cmpstr(record->fields[0], ==, "工号");
	g_assert_cmpstr(record->fields[1], ==, "姓名");
	record = g_ptr_array_index(records, 1);
	g_assert_cmpstr(record->fields[1], ==, "王静");
	g_assert_cmpstr(record->fields[2], ==, "夜班，周末");
}

static void
test_csv_write_round_trip(void)
{
	const gchar *row[] = {"plain", "with, comma", "with \"quote\"", "two\nlines", NULL};
	g_autoptr(GString) out = g_string_new(NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = NULL;
	RosterCsvRecord *record;

	roster_csv_append_row(out, row, NULL, 4);
	records = roster_csv_parse(out->str, out->len, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(records->len, ==, 1);
	record = g_ptr_array_index(records, 0);
	for (guint i = 0; i < 4; i++)
		g_assert_cmpstr(record->fields[i], ==, row[i]);
}

/* each cell a spreadsheet would read as a formula gets a quote in front and is quoted */
static void
test_csv_write_formula(void)
{
	const gchar *row[] = {"=HYPERLINK(\"http://x\",\"y\")",
			      "+1+1",
			      "-2+3+cmd|' /C calc'!A0",
			      "@SUM(A1)",
			      "\tx",
			      "\rx",
			      "plain",
			      "a=b"};
	g_autoptr(GString) out = g_string_new(NULL);

	roster_csv_append_row(out, row, NULL, G_N_ELEMENTS(row));
	g_assert_cmpstr(out->str,
			==,
			"\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
			"\"'+1+1\","
			"\"'-2+3+cmd|' /C calc'!A0\","
			"\"'@SUM(A1)\","
			"\"'\tx\","
			"\"'\rx\","
			"plain,"
			"a=b\r\n");
}

/* numbers the product writes stay numbers; text that reads like one is still text */
static void
test_csv_write_numbers(void)
{
	const gchar *row[] = {"-5", "-1.25", "", "-5", "=1+1", "-5e3"};
	const RosterCsvCell cells[] = {ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER};
	g_autoptr(GString) out = g_string_new(NULL);

	roster_csv_append_row(out, row, cells, G_N_ELEMENTS(row));
	g_assert_cmpstr(out->str, ==, "-5,-1.25,,\"'-5\",\"'=1+1\",\"'-5e3\"\r\n");
}

/* what was written reads back the same, however many quotes it starts with */
static void
test_csv_formula_round_trip(void)
{
	const gchar *row[] = {"=HYPERLINK(\"http://x\",\"y\")",
			      "+8613800000000",
			      "-5",
			      "@x",
			      "\tx",
			      "\rx",
			      "'=x",
			      "''=x",
			      "'",
			      "''",
			      "'plain",
			      "plain"};
	g_autoptr(GString) out = g_string_new(NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = NULL;
	RosterCsvRecord *record;

	roster_csv_append_row(out, row, NULL, G_N_ELEMENTS(row));
	records = roster_csv_parse(out->str, out->len, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(records->len, ==, 1);
	record = g_ptr_array_index(records, 0);
	g_assert_cmpuint(g_strv_length(record->fields), ==, G_N_ELEMENTS(row));
	for (guint i = 0; i < G_N_ELEMENTS(row); i++)
		g_assert_cmpstr(record->fields[i], ==, row[i]);
}

/* a quote a person typed in front of ordinary text is kept */
static void
test_csv_parse_keeps_quote(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) records = parse("'plain,'=x,\"'-5\"\n", &error);
	RosterCsvRecord *record;

	g_assert_no_error(error);
	record = g_ptr_array_index(records, 0);
	g_assert_cmpstr(record->fields[0], ==, "'plain");
	g_assert_cmpstr(record->fields[1], ==, "=x");
	g_assert_cmpstr(record->fields[2], ==, "-5");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/csv/plain", test_csv_plain);
	g_test_add_func("/roster/csv/bom", test_csv_bom);
	g_test_add_func("/roster/csv/quoted", test_csv_quoted);
	g_test_add_func("/roster/csv/blank-lines", test_csv_blank_lines);
	g_test_add_func("/roster/csv/no-final-newline", test_csv_no_final_newline);
	g_test_add_func("/roster/csv/unclosed-quote", test_csv_unclosed_quote);
	g_test_add_func("/roster/csv/stray-quote", test_csv_stray_quote);
	g_test_add_func("/roster/csv/invalid-utf8", test_csv_invalid_utf8);
	g_test_add_func("/roster/csv/gb18030", test_csv_gb18030);
	g_test_add_func("/roster/csv/write-round-trip", test_csv_write_round_trip);
	g_test_add_func("/roster/csv/write-formula", test_csv_write_formula);
	g_test_add_func("/roster/csv/write-numbers", test_csv_write_numbers);
	g_test_add_func("/roster/csv/formula-round-trip", test_csv_formula_round_trip);
	g_test_add_func("/roster/csv/parse-keeps-quote", test_csv_parse_keeps_quote);
	return g_test_run();
}
