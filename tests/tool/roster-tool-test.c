/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

/* drives the real roster-tool binary on a database in a temporary folder */

typedef struct {
	gchar *dir;
	gchar *database;
} Fixture;

typedef struct {
	gint status;
	gchar *out;
	gchar *err;
} Run;

static void
run_clear(Run *run)
{
	g_free(run->out);
	g_free(run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Run, run_clear)

static void
fixture_setup(Fixture *fixture, gconstpointer data)
{
	g_autoptr(GError) error = NULL;

	fixture->dir = g_dir_make_tmp("roster-tool-test-XXXXXX", &error);
	g_assert_no_error(error);
	fixture->database = g_build_filename(fixture->dir, "roster.db", NULL);
}

static void
remove_tree(const gchar *path)
{
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	const gchar *name;

	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *child = g_build_filename(path, name, NULL);
		g_remove(child);
	}
	g_rmdir(path);
}

static void
fixture_teardown(Fixture *fixture, gconstpointer data)
{
	remove_tree(fixture->dir);
	g_free(fixture->dir);
	g_free(fixture->database);
}

/* runs roster-tool with the arguments, NULL-terminated, after the subcommand */
static void
tool(Fixture *fixture, Run *run, const gchar *command, ...)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GError) error = NULL;
	va_list args;
	const gchar *arg;

	g_ptr_array_add(argv, (gpointer)g_getenv("ROSTER_TOOL"));
	g_ptr_array_add(argv, (gpointer)command);
	g_ptr_array_add(argv, (gpointer) "--database");
	g_ptr_array_add(argv, fixture->database);
	va_start(args, command);
	while ((arg = va_arg(args, const gchar *)) != NULL)
		g_ptr_array_add(argv, (gpointer)arg);
	va_end(args);
	g_ptr_array_add(argv, NULL);
	g_spawn_sync(NULL,
		     (gchar **)argv->pdata,
		     NULL,
		     G_SPAWN_DEFAULT,
		     NULL,
		     NULL,
		     &run->out,
		     &run->err,
		     &run->status,
		     &error);
	g_assert_no_error(error);
}

static gchar *
write_file(Fixture *fixture, const gchar *name, const gchar *contents)
{
	g_autoptr(GError) error = NULL;
	gchar *path = g_build_filename(fixture->dir, name, NULL);

	g_file_set_contents(path, contents, -1, &error);
	g_assert_no_error(error);
	return path;
}

/* the volunteers as exported, one string, without the header */
static gchar *
export_rows(Fixture *fixture)
{
	g_auto(Run) run = {0};
	const gchar *newline;

	tool(fixture, &run, "export-volunteers", "-", NULL);
	g_assert_cmpint(run.status, ==, 0);
	g_assert_true(g_str_has_prefix(run.out, "\xEF\xBB\xBF"));
	newline = strchr(run.out, '\n');
	g_assert_nonnull(newline);
	return g_strdup(newline + 1);
}

static const gchar *good_english =
    "counsellor_no,name,tier,modes,skills,phone,max_shifts_month\r\n"
    "A001,王静,counsellor,on-site;cloud,counselling,13800000001,10\r\n"
    "A002,李敏,expert,cloud,counselling;crisis,,8\r\n"
    "A003,\"Zhang, Wei\",trainee,on-site,,,\r\n";

static void
test_import_english(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture, "good.csv", good_english);
	g_autofree gchar *rows = NULL;
	g_auto(Run) run = {0};

	tool(fixture, &run, "import-volunteers", csv, NULL);
	g_assert_cmpint(run.status, ==, 0);
	rows = export_rows(fixture);
	g_assert_nonnull(strstr(rows, "A001,王静,counsellor,on-site;cloud,counselling"));
	g_assert_nonnull(strstr(rows, "13800000001"));
	g_assert_nonnull(strstr(rows, "A003,\"Zhang, Wei\",trainee"));
}

static void
test_import_chinese_bom(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture,
					   "chinese.csv",
					   "\xEF\xBB\xBF工号,姓名,级别,坐席方式,在岗\n"
					   "B001,陈晓燕,资深,坐班、云坐席,是\n"
					   "B002,周杰,见习,坐班,否\n");
	g_autofree gchar *rows = NULL;
	g_auto(Run) run = {0};

	tool(fixture, &run, "import-volunteers", csv, NULL);
	g_assert_cmpint(run.status, ==, 0);
	rows = export_rows(fixture);
	g_assert_nonnull(strstr(rows, "B001,陈晓燕,senior,on-site;cloud"));
	g_assert_nonnull(strstr(rows, "B002,周杰,trainee,on-site,,,false"));
}

static void
test_import_bad_rows(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture,
					   "bad.csv",
					   "counsellor_no,name,tier,modes,max_shifts_month\n"
					   "C001,好人,counsellor,cloud,10\n"
					   "C002,坏级别,grandmaster,cloud,10\n"
					   "C003,好人二,senior,cloud,10\n"
					   "C004,坏数字,senior,cloud,many\n"
					   "C005,少一列,senior\n");
	g_autofree gchar *rows = NULL;
	g_auto(Run) run = {0};

	tool(fixture, &run, "import-volunteers", csv, NULL);
	g_assert_cmpint(run.status, !=, 0);
	/* every bad row is named by its line, and only the bad ones */
	g_assert_nonnull(strstr(run.err, "line 3:"));
	g_assert_nonnull(strstr(run.err, "line 5:"));
	g_assert_nonnull(strstr(run.err, "line 6:"));
	g_assert_null(strstr(run.err, "line 2:"));
	g_assert_null(strstr(run.err, "line 4:"));
	rows = export_rows(fixture);
	g_assert_cmpstr(rows, ==, "");
}

static void
test_import_invalid_value(Fixture *fixture, gconstpointer data)
{
	/* the CSV converts, the engine refuses row 3: nothing is imported */
	g_autofree gchar *csv = write_file(fixture,
					   "invalid.csv",
					   "counsellor_no,name,tier,modes\n"
					   "D001,好人,counsellor,cloud\n"
					   "D001,重复工号,counsellor,cloud\n");
	g_autofree gchar *rows = NULL;
	g_auto(Run) run = {0};

	tool(fixture, &run, "import-volunteers", csv, NULL);
	g_assert_cmpint(run.status, !=, 0);
	g_assert_nonnull(strstr(run.err, "line 3:"));
	rows = export_rows(fixture);
	g_assert_cmpstr(rows, ==, "");
}

static void
test_import_unknown_column(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv =
	    write_file(fixture, "columns.csv", "counsellor_no,name,shoe_size\nE001,好人,42\n");
	g_auto(Run) run = {0};

	tool(fixture, &run, "import-volunteers", csv, NULL);
	g_assert_cmpint(run.status, !=, 0);
	g_assert_nonnull(strstr(run.err, "line 1:"));
	g_assert_nonnull(strstr(run.err, "shoe_size"));
}

static void
test_export_round_trip(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture, "good.csv", good_english);
	g_autofree gchar *exported = g_build_filename(fixture->dir, "exported.csv", NULL);
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autofree gchar *other = g_build_filename(fixture->dir, "other.db", NULL);
	g_auto(Run) import = {0};
	g_auto(Run) export = {0};
	g_auto(Run) reimport = {0};

	tool(fixture, &import, "import-volunteers", csv, NULL);
	g_assert_cmpint(import.status, ==, 0);
	tool(fixture, &export, "export-volunteers", "--chinese", exported, NULL);
	g_assert_cmpint(export.status, ==, 0);
	before = export_rows(fixture);

	/* the Chinese export imports into a fresh database and gives the same rows */
	g_free(fixture->database);
	fixture->database = g_strdup(other);
	tool(fixture, &reimport, "import-volunteers", exported, NULL);
	g_assert_cmpint(reimport.status, ==, 0);
	after = export_rows(fixture);
	g_assert_cmpstr(before, ==, after);
}

/* notes and phone numbers a spreadsheet would read as formulas (a leading tab never
 * reaches the database: text is trimmed) */
static const gchar *formula_english =
    "counsellor_no,name,tier,phone,max_shifts_month,note\r\n"
    "A001,王静,counsellor,+8613800000000,10,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
    "A002,李敏,expert,,8,@SUM(A1)\r\n"
    "A003,张伟,trainee,,,-5\r\n"
    "A005,钱七,trainee,,,'=quoted\r\n";

/* the export writes each such text cell with a quote in front; numbers stay bare (the
 * note is followed by the empty preferred_language) */
static void
test_export_formula(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture, "formula.csv", formula_english);
	g_autofree gchar *rows = NULL;
	g_auto(Run) import = {0};

	tool(fixture, &import, "import-volunteers", csv, NULL);
	g_assert_cmpint(import.status, ==, 0);
	rows = export_rows(fixture);
	g_assert_nonnull(strstr(rows, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\r\n"));
	g_assert_nonnull(strstr(rows, ",\"'+8613800000000\","));
	g_assert_nonnull(strstr(rows, ",,10,"));
	g_assert_nonnull(strstr(rows, ",\"'@SUM(A1)\",\r\n"));
	g_assert_nonnull(strstr(rows, ",\"'-5\",\r\n"));
	/* the file's '=quoted was read as =quoted, so it goes out neutralised again */
	g_assert_nonnull(strstr(rows, ",\"'=quoted\",\r\n"));
	g_assert_null(strstr(rows, ",=HYPERLINK"));
}

/* importing an export gives the same notes, without a quote more each time */
static void
test_export_formula_round_trip(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture, "formula.csv", formula_english);
	g_autofree gchar *exported = g_build_filename(fixture->dir, "exported.csv", NULL);
	g_autofree gchar *other = g_build_filename(fixture->dir, "other.db", NULL);
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_auto(Run) import = {0};
	g_auto(Run) export = {0};
	g_auto(Run) reimport = {0};

	tool(fixture, &import, "import-volunteers", csv, NULL);
	g_assert_cmpint(import.status, ==, 0);
	tool(fixture, &export, "export-volunteers", exported, NULL);
	g_assert_cmpint(export.status, ==, 0);
	before = export_rows(fixture);

	g_free(fixture->database);
	fixture->database = g_strdup(other);
	tool(fixture, &reimport, "import-volunteers", exported, NULL);
	g_assert_cmpint(reimport.status, ==, 0);
	after = export_rows(fixture);
	g_assert_cmpstr(before, ==, after);
}

static void
test_backup_restore(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture, "good.csv", good_english);
	g_autofree gchar *more =
	    write_file(fixture,
		       "more.csv",
		       "counsellor_no,name,tier,modes\nF001,后来者,senior,cloud\n");
	g_autofree gchar *backup = g_build_filename(fixture->dir, "backup.db", NULL);
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_auto(Run) import = {0};
	g_auto(Run) save = {0};
	g_auto(Run) import_more = {0};
	g_auto(Run) restore = {0};

	tool(fixture, &import, "import-volunteers", csv, NULL);
	g_assert_cmpint(import.status, ==, 0);
	before = export_rows(fixture);
	tool(fixture, &save, "backup", backup, NULL);
	g_assert_cmpint(save.status, ==, 0);
	g_assert_true(g_file_test(backup, G_FILE_TEST_IS_REGULAR));

	tool(fixture, &import_more, "import-volunteers", more, NULL);
	g_assert_cmpint(import_more.status, ==, 0);
	tool(fixture, &restore, "restore", backup, NULL);
	g_assert_cmpint(restore.status, ==, 0);
	after = export_rows(fixture);
	g_assert_cmpstr(before, ==, after);
}

static void
assert_private(const gchar *path)
{
	GStatBuf st;

	g_assert_cmpint(g_stat(path, &st), ==, 0);
	if ((st.st_mode & 077) != 0)
		g_test_message("%s has mode %o", path, (guint)(st.st_mode & 0777));
	g_assert_cmpint(st.st_mode & 077, ==, 0);
}

/* under the usual umask of 022 the database, a backup and the files the tool writes
 * can be read by their owner only */
static void
test_file_modes(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture, "good.csv", good_english);
	g_autofree gchar *backup = g_build_filename(fixture->dir, "backup.db", NULL);
	g_autofree gchar *report = g_build_filename(fixture->dir, "report.csv", NULL);
	g_autofree gchar *exported = g_build_filename(fixture->dir, "exported.csv", NULL);
	g_auto(Run) import = {0};
	g_auto(Run) save = {0};
	g_auto(Run) report_run = {0};
	g_auto(Run) export = {0};
	mode_t saved = umask(022);

	tool(fixture, &import, "import-volunteers", csv, NULL);
	tool(fixture, &save, "backup", backup, NULL);
	tool(fixture, &report_run, "report", "--output", report, NULL);
	tool(fixture, &export, "export-volunteers", exported, NULL);
	umask(saved);
	g_assert_cmpint(import.status, ==, 0);
	g_assert_cmpint(save.status, ==, 0);
	g_assert_cmpint(report_run.status, ==, 0);
	g_assert_cmpint(export.status, ==, 0);
	assert_private(fixture->database);
	assert_private(backup);
	assert_private(report);
	assert_private(exported);
}

static void
test_restore_not_a_database(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *csv = write_file(fixture, "good.csv", good_english);
	g_autofree gchar *junk = write_file(fixture, "junk.db", "this is not a database\n");
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_auto(Run) import = {0};
	g_auto(Run) restore = {0};

	tool(fixture, &import, "import-volunteers", csv, NULL);
	g_assert_cmpint(import.status, ==, 0);
	before = export_rows(fixture);
	tool(fixture, &restore, "restore", junk, NULL);
	g_assert_cmpint(restore.status, !=, 0);
	after = export_rows(fixture);
	g_assert_cmpstr(before, ==, after);
}

static void
test_seed_demo(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *rows = NULL;
	g_auto(Run) run = {0};
	guint n_rows = 0;

	tool(fixture, &run, "seed-demo", NULL);
	g_assert_cmpint(run.status, ==, 0);
	rows = export_rows(fixture);
	for (const gchar *p = rows; *p != '\0'; p++) {
		if (*p == '\n')
			n_rows++;
	}
	g_assert_cmpuint(n_rows, ==, 60);
}

/* import-holidays: the shipped 2026 notice is imported and counted; a bad date is
 * refused with its line, and the import after it still works */
static void
test_import_holidays(Fixture *fixture, gconstpointer data)
{
	g_auto(Run) good = {0};
	g_auto(Run) bad = {0};
	g_auto(Run) again = {0};
	g_autofree gchar *contents = NULL;
	g_autofree gchar *bad_path = NULL;
	g_auto(GStrv) parts = NULL;
	g_autofree gchar *bad_text = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *notice = g_test_get_filename(G_TEST_DIST, "data", "holidays-2026.json", NULL);

	tool(fixture, &good, "import-holidays", notice, NULL);
	g_assert_cmpint(good.status, ==, 0);
	g_assert_nonnull(strstr(good.out, "2026: 13 days off, 3 make-up working days"));
	g_file_get_contents(notice, &contents, NULL, &error);
	g_assert_no_error(error);
	parts = g_strsplit(contents, "\"2026-10-03\"", -1);
	bad_text = g_strjoinv("\"2026-13-03\"", parts);
	bad_path = write_file(fixture, "bad.json", bad_text);
	tool(fixture, &bad, "import-holidays", bad_path, NULL);
	g_assert_cmpint(bad.status, !=, 0);
	g_assert_nonnull(strstr(bad.err, "line 59: "));
	g_assert_nonnull(strstr(bad.err, "days[10]"));
	tool(fixture, &again, "import-holidays", notice, NULL);
	g_assert_cmpint(again.status, ==, 0);
}

/* import-holidays after a roster is published prints the roster's days whose kind
 * the import changes: the first day of the month the tool plans by default, made a
 * holiday by a chinese-days file */
static void
test_import_holidays_changed(Fixture *fixture, gconstpointer data)
{
	g_auto(Run) seed = {0};
	g_auto(Run) solve = {0};
	g_auto(Run) publish = {0};
	g_auto(Run) import = {0};
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autoptr(GDateTime) next = g_date_time_add_months(now, 1);
	g_autofree gchar *date = g_strdup_printf("%04d-%02d-01",
						 g_date_time_get_year(next),
						 g_date_time_get_month(next));
	g_autofree gchar *text =
	    g_strdup_printf("{\"holidays\": {\"%s\": \"Test Day,测试节,1\"}, \"workdays\": {}}",
			    date);
	g_autofree gchar *path = write_file(fixture, "days.json", text);
	g_autofree gchar *line = NULL;

	tool(fixture, &seed, "seed-demo", NULL);
	g_assert_cmpint(seed.status, ==, 0);
	tool(fixture, &solve, "solve-roster", "-l", "1", NULL);
	g_assert_cmpint(solve.status, ==, 0);
	tool(fixture, &publish, "publish-roster", "-i", "1", NULL);
	g_assert_cmpint(publish.status, ==, 0);
	tool(fixture, &import, "import-holidays", path, NULL);
	g_assert_cmpint(import.status, ==, 0);
	line = g_strdup_printf("%s, ordinary day → holiday", date);
	g_assert_nonnull(strstr(import.out, "Changed in published roster"));
	g_assert_nonnull(strstr(import.out, line));
}

/* nrp-solve's result line carries the proven bound: on a small instance the relaxation
 * is priced to the end, the roster reaches it and the line says optimal */
static void
test_nrp_solve_bound(Fixture *fixture, gconstpointer data)
{
	g_autofree gchar *instance =
	    g_build_filename(g_getenv("ROSTER_NRP_DATA"), "nrp-8x14.txt", NULL);
	const gchar *argv[] = {g_getenv("ROSTER_TOOL"),
			       "nrp-solve",
			       instance,
			       "--quiet",
			       "--threads",
			       "1",
			       "--time-limit",
			       "10",
			       NULL};
	g_auto(Run) run = {0};
	g_autoptr(GError) error = NULL;
	g_auto(GStrv) words = NULL;
	gdouble objective = -1;
	gdouble bound = -1;

	g_spawn_sync(NULL,
		     (gchar **)argv,
		     NULL,
		     G_SPAWN_DEFAULT,
		     NULL,
		     NULL,
		     &run.out,
		     &run.err,
		     &run.status,
		     &error);
	g_assert_no_error(error);
	g_assert_true(g_spawn_check_wait_status(run.status, NULL));
	g_assert_true(g_str_has_prefix(run.out, "result: feasible "));
	words = g_strsplit_set(g_strstrip(run.out), " ", -1);
	for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++) {
		if (g_strcmp0(words[i], "objective") == 0)
			objective = g_ascii_strtod(words[i + 1], NULL);
		if (g_strcmp0(words[i], "bound") == 0)
			bound = g_ascii_strtod(words[i + 1], NULL);
	}
	g_assert_cmpfloat(objective, >, 0);
	g_assert_cmpfloat(bound, >, 0);
	g_assert_cmpfloat(bound, <=, objective);
	g_assert_cmpfloat(ceil(bound - 1e-6), ==, objective);
	g_assert_true(g_str_has_suffix(run.out, " optimal"));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/tool/import/english",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_import_english,
		   fixture_teardown);
	g_test_add("/roster/tool/import/chinese-bom",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_import_chinese_bom,
		   fixture_teardown);
	g_test_add("/roster/tool/import/bad-rows",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_import_bad_rows,
		   fixture_teardown);
	g_test_add("/roster/tool/import/invalid-value",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_import_invalid_value,
		   fixture_teardown);
	g_test_add("/roster/tool/import/unknown-column",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_import_unknown_column,
		   fixture_teardown);
	g_test_add("/roster/tool/export/round-trip",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_export_round_trip,
		   fixture_teardown);
	g_test_add("/roster/tool/export/formula",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_export_formula,
		   fixture_teardown);
	g_test_add("/roster/tool/export/formula-round-trip",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_export_formula_round_trip,
		   fixture_teardown);
	g_test_add("/roster/tool/backup-restore",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_backup_restore,
		   fixture_teardown);
	g_test_add("/roster/tool/file-modes",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_file_modes,
		   fixture_teardown);
	g_test_add("/roster/tool/restore/not-a-database",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_restore_not_a_database,
		   fixture_teardown);
	g_test_add("/roster/tool/import-holidays",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_import_holidays,
		   fixture_teardown);
	g_test_add("/roster/tool/import-holidays-changed",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_import_holidays_changed,
		   fixture_teardown);
	g_test_add("/roster/tool/seed-demo",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_seed_demo,
		   fixture_teardown);
	g_test_add("/roster/tool/nrp-solve/bound",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_nrp_solve_bound,
		   fixture_teardown);
	return g_test_run();
}
