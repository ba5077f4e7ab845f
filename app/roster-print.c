/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* printing the roster shown (GtkPrintOperation): one week per landscape page, slots
 * down and days across, each seat's volunteer and class, the empty seats counted, in a
 * CJK font so that Chinese names print, and the page number at the foot of each page;
 * the same pages exported as PDF */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-date.h"
#include "roster-print.h"
#include "roster-roster-settings.h"

/* Noto Sans CJK prints both scripts; fontconfig falls back when it is missing */
#define PRINT_FONT "Noto Sans CJK SC"

/* the print's own references to what it shows, and its weeks */
typedef struct {
	RosterGridData data;
	GDate first_week;
	guint n_weeks;
} PrintJob;

static void
print_job_free(PrintJob *job)
{
	g_clear_object(&job->data.roster);
	g_clear_object(&job->data.explanations);
	g_clear_object(&job->data.seat_classes);
	g_clear_object(&job->data.volunteers);
	g_clear_object(&job->data.calendar);
	g_free(job);
}

static gpointer
ref_or_null(gpointer object)
{
	return object != NULL ? g_object_ref(object) : NULL;
}

static PrintJob *
print_job_new(const RosterGridData *data)
{
	PrintJob *job = g_new0(PrintJob, 1);
	GDate start;
	GDate end;

	job->data.roster = g_object_ref(data->roster);
	job->data.explanations = ref_or_null(data->explanations);
	job->data.seat_classes = ref_or_null(data->seat_classes);
	job->data.volunteers = ref_or_null(data->volunteers);
	job->data.calendar = ref_or_null(data->calendar);
	g_date_clear(&job->first_week, 1);
	if (roster_date_parse(roster_roster_get_period_start(data->roster), &start, NULL) &&
	    roster_date_parse(roster_roster_get_period_end(data->roster), &end, NULL) &&
	    g_date_compare(&start, &end) <= 0) {
		roster_date_get_week_start(&start, &job->first_week);
		job->n_weeks = (g_date_days_between(&job->first_week, &end) / 7) + 1;
	}
	return job;
}

/* the text of one cell: a line per seat, then the seats nobody fills */
static gchar *
dup_cell_text(PrintJob *job, const gchar *date, const gchar *slot)
{
	GString *text = g_string_new(NULL);
	const RosterGridData *data = &job->data;
	guint n_gaps;

	for (guint i = 0; i < roster_roster_get_n_assignments(data->roster); i++) {
		const RosterAssignment *a = roster_roster_get_assignment(data->roster, i);
		RosterItem *volunteer;
		RosterItem *seat_class;

		if (g_strcmp0(a->cell.date, date) != 0 || g_strcmp0(a->cell.slot, slot) != 0)
			continue;
		volunteer = data->volunteers != NULL
				? roster_item_list_find_by_id(data->volunteers, a->volunteer_id)
				: NULL;
		seat_class =
		    data->seat_classes != NULL
			? roster_item_list_find_by_id(data->seat_classes, a->cell.seat_class_id)
			: NULL;
		if (text->len > 0)
			g_string_append_c(text, '\n');
		/* TRANSLATORS: a seat on the printed roster: volunteer, then seat class */
		g_string_append_printf(text,
				       _("%s · %s"),
				       volunteer != NULL ? roster_item_get_title(volunteer) : "?",
				       seat_class != NULL ? roster_item_get_title(seat_class) : "");
	}
	n_gaps = data->explanations != NULL ? roster_grid_data_count_gaps(data, date, slot, NULL)
					    : 0;
	if (n_gaps > 0) {
		if (text->len > 0)
			g_string_append_c(text, '\n');
		/* TRANSLATORS: the empty seats of a slot on the printed roster */
		g_string_append_printf(text,
				       ngettext("%u seat empty", "%u seats empty", n_gaps),
				       n_gaps);
	}
	return g_string_free(text, FALSE);
}

static void
show_text(cairo_t *cr,
	  PangoLayout *layout,
	  const gchar *text,
	  gdouble x,
	  gdouble y,
	  gdouble width,
	  gdouble height)
{
	pango_layout_set_text(layout, text, -1);
	pango_layout_set_width(layout, (gint)(width * PANGO_SCALE));
	pango_layout_set_height(layout, (gint)(height * PANGO_SCALE));
	pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, layout);
}

static void
draw_page_cb(GtkPrintOperation *operation,
	     GtkPrintContext *context,
	     gint page_nr,
	     gpointer user_data)
{
	PrintJob *job = user_data;
	cairo_t *cr = gtk_print_context_get_cairo_context(context);
	gdouble width = gtk_print_context_get_width(context);
	gdouble height = gtk_print_context_get_height(context);
	guint minutes = roster_calendar_get_slot_minutes(job->data.calendar);
	guint first = roster_calendar_get_first_slot_start(job->data.calendar);
	guint n_slots = 1440 / minutes;
	gdouble title_height = 24;
	gdouble head_height = 16;
	gdouble foot_height = 14;
	gdouble label_width = 64;
	gdouble column_width = (width - label_width) / 7;
	gdouble row_height = (height - title_height - head_height - foot_height) / n_slots;
	g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout(context);
	g_autoptr(PangoFontDescription) font = pango_font_description_from_string(PRINT_FONT);
	g_autofree gchar *name = NULL;
	g_autofree gchar *week = NULL;
	g_autofree gchar *title = NULL;
	g_autofree gchar *page_text = NULL;
	GDate week_start = job->first_week;

	g_date_add_days(&week_start, (guint)page_nr * 7);
	name = roster_roster_dup_display_name(roster_roster_get_name(job->data.roster),
					      roster_roster_get_period_start(job->data.roster),
					      roster_roster_get_period_end(job->data.roster));
	week = roster_date_format_week(&week_start);
	/* TRANSLATORS: the heading of a printed page: the roster, then the week */
	title = g_strdup_printf(_("%s · %s"), name, week);
	pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
	pango_font_description_set_size(font, 12 * PANGO_SCALE);
	pango_layout_set_font_description(layout, font);
	cairo_set_source_rgb(cr, 0, 0, 0);
	show_text(cr, layout, title, 0, 0, width, title_height);

	/* the day headings */
	pango_font_description_set_size(font, 8 * PANGO_SCALE);
	pango_layout_set_font_description(layout, font);
	for (guint d = 0; d < 7; d++) {
		GDate date = week_start;
		g_autofree gchar *day = NULL;

		g_date_add_days(&date, d);
		day = roster_date_format_day(&date);
		show_text(cr,
			  layout,
			  day,
			  label_width + d * column_width + 2,
			  title_height,
			  column_width - 4,
			  head_height);
	}

	/* the slots: a line above each row, its times, then a cell per day */
	pango_font_description_set_weight(font, PANGO_WEIGHT_NORMAL);
	pango_font_description_set_size(font, 6 * PANGO_SCALE);
	pango_layout_set_font_description(layout, font);
	cairo_set_line_width(cr, 0.5);
	for (guint k = 0; k < n_slots; k++) {
		guint start = (first + k * minutes) % 1440;
		guint end = (start + minutes) % 1440;
		gdouble y = title_height + head_height + k * row_height;
		g_autofree gchar *slot = g_strdup_printf("%02u:%02u", start / 60, start % 60);
		g_autofree gchar *slot_label =
		    g_strdup_printf("%s–%02u:%02u", slot, end / 60, end % 60);

		cairo_move_to(cr, 0, y);
		cairo_line_to(cr, width, y);
		cairo_stroke(cr);
		show_text(cr, layout, slot_label, 0, y + 2, label_width - 4, row_height - 4);
		for (guint d = 0; d < 7; d++) {
			GDate date = week_start;
			g_autofree gchar *date_text = NULL;
			g_autofree gchar *cell = NULL;

			g_date_add_days(&date, d);
			date_text = roster_date_to_string(&date);
			if (!roster_roster_contains_date(job->data.roster, date_text))
				continue;
			cell = dup_cell_text(job, date_text, slot);
			show_text(cr,
				  layout,
				  cell,
				  label_width + d * column_width + 2,
				  y + 2,
				  column_width - 4,
				  row_height - 4);
		}
	}

	/* the page number, at the foot on the right */
	/* TRANSLATORS: the foot of a printed page: this page's number, then how many */
	page_text = g_strdup_printf(_("Page %u of %u"), (guint)page_nr + 1, MAX(job->n_weeks, 1));
	pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT);
	show_text(cr, layout, page_text, 0, height - foot_height + 4, width, foot_height - 4);
	pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT);
}

static GtkPrintOperation *
new_operation(const RosterGridData *data)
{
	GtkPrintOperation *operation = gtk_print_operation_new();
	g_autoptr(GtkPageSetup) setup = gtk_page_setup_new();
	g_autoptr(GtkPaperSize) paper = gtk_paper_size_new(GTK_PAPER_NAME_A4);
	PrintJob *job = print_job_new(data);

	gtk_page_setup_set_paper_size_and_default_margins(setup, paper);
	gtk_page_setup_set_orientation(setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
	gtk_print_operation_set_default_page_setup(operation, setup);
	gtk_print_operation_set_unit(operation, GTK_UNIT_POINTS);
	gtk_print_operation_set_n_pages(operation, MAX(job->n_weeks, 1));
	gtk_print_operation_set_job_name(operation, _("Roster"));
	g_signal_connect(operation, "draw-page", G_CALLBACK(draw_page_cb), job);
	g_object_set_data_full(G_OBJECT(operation),
			       "print-job",
			       job,
			       (GDestroyNotify)print_job_free);
	return operation;
}

/**
 * roster_print_count_weeks:
 * @roster: a roster
 *
 * Returns: the pages of its print: the weeks, Monday to Sunday, its period touches
 *
 * Since: 0.4
 */
guint
roster_print_count_weeks(RosterRoster *roster)
{
	RosterGridData data = {.roster = roster};
	PrintJob *job = print_job_new(&data);
	guint n_weeks = job->n_weeks;

	print_job_free(job);
	return n_weeks;
}

/**
 * roster_print_export_pdf:
 * @data: the roster to print
 * @path: the PDF file to write
 * @error: a #GError, or %NULL
 *
 * Writes the printed roster to @path as PDF, one week per page, without a dialog.
 *
 * Returns: %FALSE when the file cannot be written
 *
 * Since: 0.4
 */
gboolean
roster_print_export_pdf(const RosterGridData *data, const gchar *path, GError **error)
{
	g_autoptr(GtkPrintOperation) operation = NULL;

	g_return_val_if_fail(data != NULL && ROSTER_IS_ROSTER(data->roster), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	operation = new_operation(data);
	gtk_print_operation_set_export_filename(operation, path);
	return gtk_print_operation_run(operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) !=
	       GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * roster_print_run:
 * @data: the roster to print
 * @parent: (nullable): the window the print dialog belongs to
 * @error: a #GError, or %NULL
 *
 * Shows the print dialog (which can also save a PDF) and prints the roster.
 *
 * Returns: %FALSE when printing failed
 *
 * Since: 0.4
 */
gboolean
roster_print_run(const RosterGridData *data, GtkWindow *parent, GError **error)
{
	g_autoptr(GtkPrintOperation) operation = NULL;

	g_return_val_if_fail(data != NULL && ROSTER_IS_ROSTER(data->roster), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	operation = new_operation(data);
	return gtk_print_operation_run(operation,
				       GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
				       parent,
				       error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
