/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterMonthGrid: the month overview, a button per day with its coverage, the shifts
 * volunteers confirmed (✓, as on the week grid's seats) and its holiday or make-up
 * working day mark; a click on a day is its day-clicked signal */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-date.h"
#include "roster-duty-marks.h"
#include "roster-month-grid.h"

struct _RosterMonthGrid {
	GtkGrid parent_instance;
};

G_DEFINE_FINAL_TYPE(RosterMonthGrid, roster_month_grid, GTK_TYPE_GRID)

enum { SIGNAL_DAY_CLICKED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
day_clicked_cb(GtkButton *button, RosterMonthGrid *self)
{
	g_signal_emit(self,
		      signals[SIGNAL_DAY_CLICKED],
		      0,
		      g_object_get_data(G_OBJECT(button), "date"));
}

static GtkWidget *
new_day(RosterMonthGrid *self, const RosterGridData *data, const GDate *date)
{
	g_autofree gchar *date_text = roster_date_to_string(date);
	g_autofree gchar *coverage = NULL;
	g_autofree gchar *day = g_strdup_printf("%u", g_date_get_day(date));
	g_autofree gchar *mark = NULL;
	const gchar *css_class = NULL;
	GtkWidget *button = gtk_button_new();
	GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 2);
	guint n_assigned = 0;
	guint n_confirmed = 0;
	guint n_gaps;

	for (guint i = 0; i < roster_roster_get_n_assignments(data->roster); i++) {
		const RosterAssignment *a = roster_roster_get_assignment(data->roster, i);
		if (g_strcmp0(a->cell.date, date_text) != 0)
			continue;
		n_assigned++;
		if (a->confirmed)
			n_confirmed++;
	}
	n_gaps = roster_grid_data_count_gaps(data, date_text, NULL, NULL);
	/* TRANSLATORS: coverage of a day: filled seats of required seats */
	coverage = g_strdup_printf(_("%u of %u seats"), n_assigned, n_assigned + n_gaps);
	gtk_box_append(GTK_BOX(box), roster_seat_new_label(day, "title-4"));
	/* a holiday or make-up working day of the imported calendar */
	mark = roster_grid_data_dup_day_mark(data, date_text, &css_class);
	if (mark != NULL) {
		gtk_box_append(GTK_BOX(box), roster_seat_new_label(mark, css_class));
		gtk_widget_add_css_class(button, css_class);
	}
	gtk_box_append(GTK_BOX(box), roster_seat_new_label(coverage, NULL));
	/* ✓: shifts of the day the volunteers confirmed (page or reminder link) */
	if (n_confirmed > 0) {
		g_autofree gchar *confirmed = NULL;
		/* TRANSLATORS: the shifts of a day their volunteers confirmed, of all its
		 * shifts, in the month overview */
		confirmed = g_strdup_printf(_("✓ %u of %u confirmed"), n_confirmed, n_assigned);
		gtk_box_append(GTK_BOX(box), roster_seat_new_label(confirmed, "day-confirmed"));
	}
	roster_duty_marks_add(GTK_BOX(box), data->duty_blocks, date_text);
	if (n_gaps > 0) {
		g_autofree gchar *gaps =
		    g_strdup_printf(ngettext("%u uncovered", "%u uncovered", n_gaps), n_gaps);
		gtk_box_append(GTK_BOX(box), roster_seat_new_label(gaps, "error"));
		gtk_widget_add_css_class(button, "day-uncovered");
	}
	gtk_button_set_child(GTK_BUTTON(button), box);
	gtk_widget_add_css_class(button, "month-day");
	gtk_widget_set_size_request(button, -1, 96);
	g_object_set_data_full(G_OBJECT(button), "date", g_steal_pointer(&date_text), g_free);
	g_signal_connect_object(button, "clicked", G_CALLBACK(day_clicked_cb), self, 0);
	return button;
}

/**
 * roster_month_grid_show:
 * @self: a #RosterMonthGrid
 * @data: the roster shown
 * @day: a day of the month to show
 *
 * Builds the month: a row per week, a button per day with its filled and required
 * seats.
 *
 * Since: 0.1
 */
void
roster_month_grid_show(RosterMonthGrid *self, const RosterGridData *data, const GDate *day)
{
	GDate first;
	GDate last;
	GDate week;

	g_return_if_fail(ROSTER_IS_MONTH_GRID(self));
	roster_grid_clear(GTK_GRID(self));
	roster_date_get_month_range(day, &first, &last);
	roster_date_get_week_start(&first, &week);
	for (guint d = 0; d < 7; d++) {
		GDate date = week;
		g_date_add_days(&date, d);
		gtk_grid_attach(
		    GTK_GRID(self),
		    roster_seat_new_label(roster_date_get_weekday_label(&date), "heading"),
		    (gint)d,
		    0,
		    1,
		    1);
	}
	for (GDate date = first; g_date_compare(&date, &last) <= 0; g_date_add_days(&date, 1)) {
		guint row = (g_date_days_between(&week, &date)) / 7 + 1;
		gtk_grid_attach(GTK_GRID(self),
				new_day(self, data, &date),
				(gint)(g_date_get_weekday(&date) - G_DATE_MONDAY),
				(gint)row,
				1,
				1);
	}
}

static void
roster_month_grid_dispose(GObject *object)
{
	roster_grid_clear(GTK_GRID(object));
	G_OBJECT_CLASS(roster_month_grid_parent_class)->dispose(object);
}

static void
roster_month_grid_class_init(RosterMonthGridClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->dispose = roster_month_grid_dispose;
	/**
	 * RosterMonthGrid::day-clicked:
	 * @self: the grid
	 * @date: the day clicked, `YYYY-MM-DD`
	 */
	signals[SIGNAL_DAY_CLICKED] = g_signal_new("day-clicked",
						   G_TYPE_FROM_CLASS(klass),
						   G_SIGNAL_RUN_LAST,
						   0,
						   NULL,
						   NULL,
						   NULL,
						   G_TYPE_NONE,
						   1,
						   G_TYPE_STRING);
}

static void
roster_month_grid_init(RosterMonthGrid *self)
{
}
