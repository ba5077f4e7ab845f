/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "roster-csv.h"
#include "roster-export.h"
#include "roster-item.h"

/*
 * The export writes the roster the app holds as one table that reads like the
 * printed rosters coordinators pin up: a row per day of the period (date and
 * weekday first), a column per slot and seat class, the volunteers of that seat in
 * the cell. The same table goes to an XLSX file (libxlsxwriter, every cell a
 * string, so no name can become a formula) and to a CSV file beside it (UTF-8 with
 * a byte-order mark so that Excel reads the Chinese, formula-leading cells
 * neutralised by roster_csv_append_row()). No GTK here: the tests run it headless.
 */

/* the seat of a column: a slot and a seat class */
typedef struct {
	gchar slot[6];
	gint64 seat_class_id;
	guint seat_class_index;
} RosterExportColumn;

static RosterItem *
find_item(GListModel *model, gint64 id, guint *index)
{
	for (guint i = 0; model != NULL && i < g_list_model_get_n_items(model); i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(model, i);
		if (roster_item_get_id(item) == id) {
			if (index != NULL)
				*index = i;
			return item;
		}
	}
	if (index != NULL)
		*index = G_MAXUINT;
	return NULL;
}

static gchar *
dup_title(GListModel *model, gint64 id)
{
	RosterItem *item = find_item(model, id, NULL);
	if (item == NULL)
		return g_strdup_printf("#%" G_GINT64_FORMAT, id);
	return g_strdup(roster_item_get_title(item));
}

static gint
column_compare(gconstpointer a, gconstpointer b)
{
	const RosterExportColumn *ca = a;
	const RosterExportColumn *cb = b;
	gint rc = g_strcmp0(ca->slot, cb->slot);

	if (rc != 0)
		return rc;
	if (ca->seat_class_index != cb->seat_class_index)
		return ca->seat_class_index < cb->seat_class_index ? -1 : 1;
	if (ca->seat_class_id != cb->seat_class_id)
		return ca->seat_class_id < cb->seat_class_id ? -1 : 1;
	return 0;
}

static GArray *
dup_columns(RosterRoster *roster, GListModel *seat_classes)
{
	GArray *columns = g_array_new(FALSE, TRUE, sizeof(RosterExportColumn));

	for (guint i = 0; i < roster_roster_get_n_assignments(roster); i++) {
		const RosterAssignment *a = roster_roster_get_assignment(roster, i);
		RosterExportColumn column = {.seat_class_id = a->cell.seat_class_id};
		gboolean seen = FALSE;

		g_strlcpy(column.slot, a->cell.slot, sizeof(column.slot));
		find_item(seat_classes, column.seat_class_id, &column.seat_class_index);
		for (guint j = 0; j < columns->len && !seen; j++)
			seen = column_compare(&g_array_index(columns, RosterExportColumn, j),
					      &column) == 0;
		if (seen)
			continue;
		g_array_append_val(columns, column);
	}
	g_array_sort(columns, column_compare);
	return columns;
}

static gboolean
parse_date(const gchar *text, GDate *date)
{
	guint y = 0;
	guint m = 0;
	guint d = 0;

	g_date_clear(date, 1);
	if (text == NULL || sscanf(text, "%4u-%2u-%2u", &y, &m, &d) != 3)
		return FALSE;
	if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
		return FALSE;
	g_date_set_dmy(date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
	return TRUE;
}

static gchar *
dup_cell(RosterRoster *roster,
	 GListModel *volunteers,
	 const gchar *date,
	 const RosterExportColumn *column)
{
	g_autoptr(GString) cell = g_string_new(NULL);

	for (guint i = 0; i < roster_roster_get_n_assignments(roster); i++) {
		const RosterAssignment *a = roster_roster_get_assignment(roster, i);
		g_autofree gchar *name = NULL;

		if (g_strcmp0(a->cell.date, date) != 0 ||
		    g_strcmp0(a->cell.slot, column->slot) != 0 ||
		    a->cell.seat_class_id != column->seat_class_id)
			continue;
		name = dup_title(volunteers, a->volunteer_id);
		if (cell->len > 0) {
			/* TRANSLATORS: separates the items of a short list */
			g_string_append(cell, _(", "));
		}
		g_string_append(cell, name);
	}
	return g_string_free(g_steal_pointer(&cell), FALSE);
}

/**
 * roster_export_dup_table:
 * @roster: the roster
 * @seat_classes: (nullable): the seat classes, as #RosterItem, for the column titles
 * @volunteers: (nullable): the volunteers, as #RosterItem, for the names
 *
 * Lays the roster out as a table: a header row (date, weekday, then one column per
 * slot and seat class that the roster fills, by slot and then in the order of
 * @seat_classes), then a row per day of the roster's period, each cell holding the
 * names of the volunteers of that seat. Someone not in @volunteers is named by id.
 *
 * Returns: (transfer full) (element-type GStrv): the rows, the header first
 *
 * Since: 0.1
 **/
GPtrArray *
roster_export_dup_table(RosterRoster *roster, GListModel *seat_classes, GListModel *volunteers)
{
	g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	g_autoptr(GArray) columns = NULL;
	g_autoptr(GStrvBuilder) header = g_strv_builder_new();
	GDate day;
	GDate last;

	g_return_val_if_fail(ROSTER_IS_ROSTER(roster), NULL);

	columns = dup_columns(roster, seat_classes);
	g_strv_builder_add(header, _("Date"));
	g_strv_builder_add(header, _("Weekday"));
	for (guint i = 0; i < columns->len; i++) {
		RosterExportColumn *column = &g_array_index(columns, RosterExportColumn, i);
		g_autofree gchar *seat = dup_title(seat_classes, column->seat_class_id);
		g_autofree gchar *title = g_strdup_printf("%s %s", column->slot, seat);
		g_strv_builder_add(header, title);
	}
	g_ptr_array_add(table, g_strv_builder_end(header));

	if (!parse_date(roster_roster_get_period_start(roster), &day) ||
	    !parse_date(roster_roster_get_period_end(roster), &last))
		return g_steal_pointer(&table);
	for (; g_date_compare(&day, &last) <= 0; g_date_add_days(&day, 1)) {
		g_autoptr(GStrvBuilder) row = g_strv_builder_new();
		g_autoptr(GDateTime) dt = g_date_time_new_local(g_date_get_year(&day),
								g_date_get_month(&day),
								g_date_get_day(&day),
								0,
								0,
								0);
		g_autofree gchar *date = g_date_time_format(dt, "%Y-%m-%d");
		g_autofree gchar *weekday = g_date_time_format(dt, "%a");

		g_strv_builder_add(row, date);
		g_strv_builder_add(row, weekday != NULL ? weekday : "");
		for (guint i = 0; i < columns->len; i++) {
			g_autofree gchar *cell =
			    dup_cell(roster,
				     volunteers,
				     date,
				     &g_array_index(columns, RosterExportColumn, i));
			g_strv_builder_add(row, cell);
		}
		g_ptr_array_add(table, g_strv_builder_end(row));
	}
	return g_steal_pointer(&table);
}

/* a worksheet name as Excel allows it: at most 31 characters, none of []:*?/\ */
static gchar *
dup_sheet_name(const gchar *name)
{
	g_autofree gchar *shorter = NULL;

	if (name == NULL || name[0] == '\0')
		name = _("Roster");
	shorter = g_utf8_substring(name, 0, MIN(g_utf8_strlen(name, -1), 31));
	g_strdelimit(shorter, "[]:*?/\\", '_');
	return g_steal_pointer(&shorter);
}

static gboolean
set_lxw_error(lxw_error rc, const gchar *path, GError **error)
{
	if (rc == LXW_NO_ERROR)
		return TRUE;
	g_set_error(error,
		    G_IO_ERROR,
		    G_IO_ERROR_FAILED,
		    /* TRANSLATORS: the file, then the library's reason in English */
		    _("Could not write %s: %s"),
		    path,
		    lxw_strerror(rc));
	return FALSE;
}

/**
 * roster_export_write_xlsx:
 * @table: (element-type GStrv): the rows from roster_export_dup_table()
 * @sheet_name: (nullable): the worksheet's name, cut to what Excel allows
 * @path: the file to write
 * @error: (nullable): return location for a #GError
 *
 * Writes @table as an XLSX workbook of one worksheet: the header row bold and
 * frozen with the date and weekday columns, every cell a string (a name starting
 * with `=` stays text, never a formula).
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_export_write_xlsx(GPtrArray *table,
			 const gchar *sheet_name,
			 const gchar *path,
			 GError **error)
{
	g_autofree gchar *name = dup_sheet_name(sheet_name);
	lxw_workbook *workbook;
	lxw_worksheet *worksheet;
	lxw_format *bold;
	lxw_error rc = LXW_NO_ERROR;

	g_return_val_if_fail(table != NULL, FALSE);
	g_return_val_if_fail(path != NULL, FALSE);

	workbook = workbook_new(path);
	if (workbook == NULL)
		return set_lxw_error(LXW_ERROR_CREATING_XLSX_FILE, path, error);
	worksheet = workbook_add_worksheet(workbook, name);
	if (worksheet == NULL)
		worksheet = workbook_add_worksheet(workbook, NULL);
	bold = workbook_add_format(workbook);
	format_set_bold(bold);
	worksheet_set_column(worksheet, 0, 0, 12, NULL);
	worksheet_set_column(worksheet, 1, 1, 8, NULL);
	worksheet_set_column(worksheet, 2, 200, 20, NULL);
	worksheet_freeze_panes(worksheet, 1, 2);
	for (guint r = 0; r < table->len && rc == LXW_NO_ERROR; r++) {
		GStrv row = g_ptr_array_index(table, r);
		for (guint c = 0; row[c] != NULL && rc == LXW_NO_ERROR; c++) {
			if (row[c][0] == '\0')
				continue;
			rc = worksheet_write_string(worksheet,
						    (lxw_row_t)r,
						    (lxw_col_t)c,
						    row[c],
						    r == 0 ? bold : NULL);
		}
	}
	if (rc != LXW_NO_ERROR) {
		workbook_close(workbook);
		return set_lxw_error(rc, path, error);
	}
	return set_lxw_error(workbook_close(workbook), path, error);
}

/**
 * roster_export_write_csv:
 * @table: (element-type GStrv): the rows from roster_export_dup_table()
 * @path: the file to write
 * @error: (nullable): return location for a #GError
 *
 * Writes @table as CSV in UTF-8 with a byte-order mark (so that Excel on a Chinese
 * desktop reads it as UTF-8); every cell is text, neutralised against formulas as in
 * the product's other CSV files.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_export_write_csv(GPtrArray *table, const gchar *path, GError **error)
{
	g_autoptr(GString) out = g_string_new("\xEF\xBB\xBF");

	g_return_val_if_fail(table != NULL, FALSE);
	g_return_val_if_fail(path != NULL, FALSE);

	for (guint r = 0; r < table->len; r++) {
		GStrv row = g_ptr_array_index(table, r);
		roster_csv_append_row(out, (const gchar *const *)row, NULL, g_strv_length(row));
	}
	return g_file_set_contents(path, out->str, (gssize)out->len, error);
}

/**
 * roster_export_dup_csv_path:
 * @xlsx_path: the XLSX file's path
 *
 * Returns: (transfer full): the path of the CSV file beside it: `.xlsx` replaced by
 *   `.csv`, or `.csv` appended
 *
 * Since: 0.1
 **/
gchar *
roster_export_dup_csv_path(const gchar *xlsx_path)
{
	gsize len;

	g_return_val_if_fail(xlsx_path != NULL, NULL);
	len = strlen(xlsx_path);
	if (len > 5 && g_ascii_strcasecmp(xlsx_path + len - 5, ".xlsx") == 0)
		return g_strdup_printf("%.*s.csv", (gint)(len - 5), xlsx_path);
	return g_strdup_printf("%s.csv", xlsx_path);
}

/**
 * roster_export_write_files:
 * @roster: the roster
 * @seat_classes: (nullable): the seat classes, as #RosterItem
 * @volunteers: (nullable): the volunteers, as #RosterItem
 * @xlsx_path: the XLSX file to write; the CSV goes beside it
 * @error: (nullable): return location for a #GError
 *
 * Writes the roster's table (roster_export_dup_table()) as XLSX to @xlsx_path and
 * as CSV to roster_export_dup_csv_path().
 *
 * Returns: %TRUE when both files were written
 *
 * Since: 0.1
 **/
gboolean
roster_export_write_files(RosterRoster *roster,
			  GListModel *seat_classes,
			  GListModel *volunteers,
			  const gchar *xlsx_path,
			  GError **error)
{
	g_autoptr(GPtrArray) table = NULL;
	g_autofree gchar *csv_path = NULL;

	g_return_val_if_fail(ROSTER_IS_ROSTER(roster), FALSE);
	g_return_val_if_fail(xlsx_path != NULL, FALSE);

	table = roster_export_dup_table(roster, seat_classes, volunteers);
	if (!roster_export_write_xlsx(table, roster_roster_get_name(roster), xlsx_path, error))
		return FALSE;
	csv_path = roster_export_dup_csv_path(xlsx_path);
	return roster_export_write_csv(table, csv_path, error);
}
