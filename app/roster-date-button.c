/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the date picker of the forms and the audit viewer: a menu button labelled with the
 * day as the API writes it, opening a calendar; a day picked changes the button's
 * label, so "notify::label" tells of it */

#include "config.h"

#include "roster-date-button.h"

static gchar *
dup_iso(const GDate *date)
{
	return g_strdup_printf("%04d-%02d-%02d",
			       g_date_get_year(date),
			       g_date_get_month(date),
			       g_date_get_day(date));
}

static void
show_date(GtkMenuButton *button, const GDate *date)
{
	g_autofree gchar *text = dup_iso(date);

	g_object_set_data_full(G_OBJECT(button), "date", g_memdup2(date, sizeof(*date)), g_free);
	gtk_menu_button_set_label(button, text);
}

static void
day_selected_cb(GtkCalendar *calendar, gpointer user_data)
{
	GtkMenuButton *button = GTK_MENU_BUTTON(user_data);
	g_autoptr(GDateTime) picked = gtk_calendar_get_date(calendar);
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_dmy(&date,
		       (GDateDay)g_date_time_get_day_of_month(picked),
		       (GDateMonth)g_date_time_get_month(picked),
		       (GDateYear)g_date_time_get_year(picked));
	gtk_menu_button_popdown(button);
	show_date(button, &date);
}

/**
 * roster_date_button_new:
 * @label: what the day is, for screen readers and the tooltip
 * @css_class: a style class that names the button
 *
 * Returns: (transfer floating): a date picker showing today
 *
 * Since: 0.4
 */
GtkWidget *
roster_date_button_new(const gchar *label, const gchar *css_class)
{
	GtkWidget *button = gtk_menu_button_new();
	GtkWidget *popover = gtk_popover_new();
	GtkWidget *calendar = gtk_calendar_new();
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	GDate today;

	g_date_clear(&today, 1);
	g_date_set_dmy(&today,
		       (GDateDay)g_date_time_get_day_of_month(now),
		       (GDateMonth)g_date_time_get_month(now),
		       (GDateYear)g_date_time_get_year(now));
	g_object_set_data(G_OBJECT(button), "calendar", calendar);
	g_signal_connect_object(calendar, "day-selected", G_CALLBACK(day_selected_cb), button, 0);
	gtk_popover_set_child(GTK_POPOVER(popover), calendar);
	gtk_menu_button_set_popover(GTK_MENU_BUTTON(button), popover);
	gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(button, css_class);
	gtk_widget_set_tooltip_text(button, label);
	gtk_accessible_update_property(GTK_ACCESSIBLE(button),
				       GTK_ACCESSIBLE_PROPERTY_LABEL,
				       label,
				       -1);
	show_date(GTK_MENU_BUTTON(button), &today);
	return button;
}

/**
 * roster_date_button_set_date:
 * @button: a button of roster_date_button_new()
 * @date: a valid day
 *
 * Shows @date, on the button and on its calendar.
 *
 * Since: 0.4
 */
void
roster_date_button_set_date(GtkMenuButton *button, const GDate *date)
{
	GtkCalendar *calendar = g_object_get_data(G_OBJECT(button), "calendar");
	g_autoptr(GDateTime) day = NULL;

	g_return_if_fail(GTK_IS_MENU_BUTTON(button));
	g_return_if_fail(g_date_valid(date));
	day = g_date_time_new_local(g_date_get_year(date),
				    g_date_get_month(date),
				    g_date_get_day(date),
				    12,
				    0,
				    0);
	/* selecting on the calendar picks the day as a click would */
	gtk_calendar_select_day(calendar, day);
	show_date(button, date);
}

/* the day shown; %FALSE when none is */
gboolean
roster_date_button_get_date(GtkMenuButton *button, GDate *date)
{
	const GDate *shown = g_object_get_data(G_OBJECT(button), "date");

	g_return_val_if_fail(GTK_IS_MENU_BUTTON(button), FALSE);
	if (shown == NULL || !g_date_valid(shown))
		return FALSE;
	*date = *shown;
	return TRUE;
}

/**
 * roster_date_button_dup_text:
 * @button: a button of roster_date_button_new()
 *
 * Returns: (transfer full): the day shown as the API writes it, `YYYY-MM-DD`
 *
 * Since: 0.4
 */
gchar *
roster_date_button_dup_text(GtkMenuButton *button)
{
	GDate date;

	if (!roster_date_button_get_date(button, &date))
		return g_strdup("");
	return dup_iso(&date);
}
