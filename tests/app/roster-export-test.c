/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* tests of the roster's spreadsheet export: the table, the XLSX and the CSV files */

#include "config.h"

#include <glib/gstdio.h>

#include "roster-csv.h"
#include "roster-export.h"
#include "roster-item.h"

/*
 * A three-day roster with two slots and two seat classes, one name a formula, is
 * written the way the app writes it; the XLSX is opened as the zip it must be (with
 * Python's zipfile, which checks every member's CRC) and its sheet and shared
 * strings are read back, the CSV is parsed back with the product's reader. The tests
 * run in C.UTF-8, so the headers are the English ones.
 */

static JsonObject *
object_new(const gchar *json)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = json_from_string(json, &error);

	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(node));
	return json_object_ref(json_node_get_object(node));
}

static RosterRoster *
roster_new(void)
{
	g_autoptr(JsonObject) object =
	    object_new("{\"id\":3,\"name\":\"十二月\",\"period_start\":\"2026-12-01\","
		       "\"period_end\":\"2026-12-03\",\"state\":\"draft\",\"assignments\":["
		       "{\"id\":1,\"volunteer_id\":10,\"date\":\"2026-12-01\",\"slot\":\"19:00\","
		       "\"seat_class_id\":2},"
		       "{\"id\":2,\"volunteer_id\":11,\"date\":\"2026-12-01\",\"slot\":\"08:00\","
		       "\"seat_class_id\":1},"
		       "{\"id\":3,\"volunteer_id\":12,\"date\":\"2026-12-01\",\"slot\":\"08:00\","
		       "\"seat_class_id\":1},"
		       "{\"id\":4,\"volunteer_id\":10,\"date\":\"2026-12-03\",\"slot\":\"08:00\","
		       "\"seat_class_id\":2}]}");
	return roster_roster_new(object);
}

static GListModel *
items_new(const gchar *const *json)
{
	GListStore *store = g_list_store_new(ROSTER_TYPE_ITEM);

	for (guint i = 0; json[i] != NULL; i++) {
		g_autoptr(JsonObject) object = object_new(json[i]);
		g_autoptr(RosterItem) item = roster_item_new(object);
		g_list_store_append(store, item);
	}
	return G_LIST_MODEL(store);
}

static GListModel *
seat_classes_new(void)
{
	/* the hotline first, as the daemon lists them: its columns come first in a slot */
	const gchar *json[] = {"{\"id\":2,\"name\":\"热线\"}",
			       "{\"id\":1,\"name\":\"危机\"}",
			       NULL};
	return items_new(json);
}

static GListModel *
volunteers_new(void)
{
	const gchar *json[] = {"{\"id\":10,\"name\":\"王芳\"}",
			       "{\"id\":11,\"name\":\"=cmd|' /C calc'!A0\"}",
			       "{\"id\":12,\"name\":\"Li, Lei\"}",
			       NULL};
	return items_new(json);
}

static gchar *
dup_zip_member(const gchar *path, const gchar *member)
{
	const gchar *argv[] = {"python3",
			       "-c",
			       "import sys, zipfile\n"
			       "z = zipfile.ZipFile(sys.argv[1])\n"
			       "assert z.testzip() is None\n"
			       "sys.stdout.write(z.read(sys.argv[2]).decode('utf-8'))\n",
			       path,
			       member,
			       NULL};
	g_autoptr(GError) error = NULL;
	gchar *out = NULL;
	gint status = 0;

	g_spawn_sync(NULL,
		     (gchar **)argv,
		     NULL,
		     G_SPAWN_SEARCH_PATH,
		     NULL,
		     NULL,
		     &out,
		     NULL,
		     &status,
		     &error);
	g_assert_no_error(error);
	g_spawn_check_wait_status(status, &error);
	g_assert_no_error(error);
	return out;
}

static void
test_table(void)
{
	g_autoptr(RosterRoster) roster = roster_new();
	g_autoptr(GListModel) seat_classes = seat_classes_new();
	g_autoptr(GListModel) volunteers = volunteers_new();
	g_autoptr(GPtrArray) table = roster_export_dup_table(roster, seat_classes, volunteers);
	GStrv header;
	GStrv first;

	/* a header and a row per day of the period, an empty day included */
	g_assert_cmpuint(table->len, ==, 4);
	header = g_ptr_array_index(table, 0);
	g_assert_cmpuint(g_strv_length(header), ==, 5);
	g_assert_cmpstr(header[0], ==, "Date");
	g_assert_cmpstr(header[1], ==, "Weekday");
	g_assert_cmpstr(header[2], ==, "08:00 热线");
	g_assert_cmpstr(header[3], ==, "08:00 危机");
	g_assert_cmpstr(header[4], ==, "19:00 热线");
	first = g_ptr_array_index(table, 1);
	g_assert_cmpstr(first[0], ==, "2026-12-01");
	g_assert_cmpstr(first[1], ==, "Tue");
	g_assert_cmpstr(first[2], ==, "");
	g_assert_cmpstr(first[3], ==, "=cmd|' /C calc'!A0, Li, Lei");
	g_assert_cmpstr(first[4], ==, "王芳");
	g_assert_cmpstr(((GStrv)g_ptr_array_index(table, 2))[0], ==, "2026-12-02");
	g_assert_cmpstr(((GStrv)g_ptr_array_index(table, 2))[2], ==, "");
	g_assert_cmpstr(((GStrv)g_ptr_array_index(table, 3))[2], ==, "王芳");
}

static void
test_unknown_names(void)
{
	g_autoptr(RosterRoster) roster = roster_new();
	g_autoptr(GPtrArray) table = roster_export_dup_table(roster, NULL, NULL);
	GStrv header = g_ptr_array_index(table, 0);

	/* without the lists, seats and people are named by id rather than left out */
	g_assert_cmpuint(g_strv_length(header), ==, 5);
	g_assert_cmpstr(header[2], ==, "08:00 #1");
	g_assert_cmpstr(((GStrv)g_ptr_array_index(table, 1))[2], ==, "#11, #12");
}

static void
test_files(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRoster) roster = roster_new();
	g_autoptr(GListModel) seat_classes = seat_classes_new();
	g_autoptr(GListModel) volunteers = volunteers_new();
	g_autofree gchar *dir = g_dir_make_tmp("roster-export-XXXXXX", &error);
	g_autofree gchar *xlsx = NULL;
	g_autofree gchar *csv = NULL;
	g_autofree gchar *sheet = NULL;
	g_autofree gchar *strings = NULL;
	g_autofree gchar *workbook = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(GPtrArray) records = NULL;
	RosterCsvRecord *record;
	gsize length = 0;

	g_assert_no_error(error);
	xlsx = g_build_filename(dir, "december.xlsx", NULL);
	g_assert_true(roster_export_write_files(roster, seat_classes, volunteers, xlsx, &error));
	g_assert_no_error(error);

	/* the workbook: a valid zip, one sheet named after the roster, the names as text */
	workbook = dup_zip_member(xlsx, "xl/workbook.xml");
	g_assert_nonnull(strstr(workbook, "name=\"十二月\""));
	sheet = dup_zip_member(xlsx, "xl/worksheets/sheet1.xml");
	g_assert_nonnull(strstr(sheet, "<dimension ref=\"A1:E4\"/>"));
	g_assert_nonnull(strstr(sheet, "<c r=\"D2\""));
	g_assert_nonnull(strstr(sheet, "<c r=\"C4\""));
	g_assert_null(strstr(sheet, "<c r=\"C2\""));
	g_assert_null(strstr(sheet, "<f>"));
	g_assert_nonnull(strstr(sheet, "<pane "));
	strings = dup_zip_member(xlsx, "xl/sharedStrings.xml");
	g_assert_nonnull(strstr(strings, "<t>08:00 危机</t>"));
	g_assert_nonnull(strstr(strings, "<t>王芳</t>"));
	g_assert_nonnull(strstr(strings, "<t>=cmd|' /C calc'!A0, Li, Lei</t>"));

	/* the CSV beside it: a BOM, the same rows, the formula neutralised */
	csv = g_build_filename(dir, "december.csv", NULL);
	g_assert_true(g_file_get_contents(csv, &text, &length, &error));
	g_assert_no_error(error);
	g_assert_true(g_str_has_prefix(text, "\xEF\xBB\xBF"));
	g_assert_nonnull(strstr(text, "\"'=cmd|' /C calc'!A0, Li, Lei\""));
	records = roster_csv_parse(text, length, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(records->len, ==, 4);
	record = g_ptr_array_index(records, 0);
	g_assert_cmpstr(record->fields[0], ==, "Date");
	g_assert_cmpstr(record->fields[3], ==, "08:00 危机");
	record = g_ptr_array_index(records, 1);
	g_assert_cmpuint(g_strv_length(record->fields), ==, 5);
	g_assert_cmpstr(record->fields[3], ==, "=cmd|' /C calc'!A0, Li, Lei");
	g_assert_cmpstr(record->fields[4], ==, "王芳");
	record = g_ptr_array_index(records, 3);
	g_assert_cmpstr(record->fields[0], ==, "2026-12-03");
	g_assert_cmpstr(record->fields[2], ==, "王芳");

	g_assert_cmpint(g_unlink(xlsx), ==, 0);
	g_assert_cmpint(g_unlink(csv), ==, 0);
	g_assert_cmpint(g_rmdir(dir), ==, 0);
}

static void
test_unwritable(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRoster) roster = roster_new();

	/* a folder that does not exist: an error, no crash, nothing written */
	g_assert_false(roster_export_write_files(roster,
						 NULL,
						 NULL,
						 "/nonexistent-roster-dir/x.xlsx",
						 &error));
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_FAILED);
	g_assert_false(g_file_test("/nonexistent-roster-dir/x.csv", G_FILE_TEST_EXISTS));
}

static void
test_csv_path(void)
{
	g_autofree gchar *a = roster_export_dup_csv_path("/tmp/r.xlsx");
	g_autofree gchar *b = roster_export_dup_csv_path("/tmp/r.XLSX");
	g_autofree gchar *c = roster_export_dup_csv_path("/tmp/roster");

	g_assert_cmpstr(a, ==, "/tmp/r.csv");
	g_assert_cmpstr(b, ==, "/tmp/r.csv");
	g_assert_cmpstr(c, ==, "/tmp/roster.csv");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/export/table", test_table);
	g_test_add_func("/export/unknown-names", test_unknown_names);
	g_test_add_func("/export/files", test_files);
	g_test_add_func("/export/unwritable", test_unwritable);
	g_test_add_func("/export/csv-path", test_csv_path);
	return g_test_run();
}
