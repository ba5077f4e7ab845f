/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "roster-date.h"

/*
 * Date helpers for the roster views: the API speaks ISO dates (YYYY-MM-DD) in the
 * hotline's time zone, and weeks start on Monday as they do on Chinese calendars.
 */

/**
 * roster_date_parse:
 * @text: an ISO date, e.g. `2026-11-23`
 * @date: (out caller-allocates): the date
 * @error: a #GError
 *
 * Returns: %TRUE when @text is a valid date
 *
 * Since: 0.1
 */
gboolean
roster_date_parse(const gchar *text, GDate *date, GError **error)
{
	guint year = 0;
	guint month = 0;
	guint day = 0;
	gchar tail = '\0';

	g_return_val_if_fail(date != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (text == NULL || sscanf(text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
	    !g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year)) {
		g_set_error(error,
			    G_IO_ERROR,
			    G_IO_ERROR_INVALID_DATA,
			    "not a date: %s",
			    text != NULL ? text : "(null)");
		return FALSE;
	}
	g_date_clear(date, 1);
	g_date_set_dmy(date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return TRUE;
}

/* sets @date to today, in the local time of this computer */
void
roster_date_get_today(GDate *date)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();

	g_return_if_fail(date != NULL);
	g_date_clear(date, 1);
	g_date_set_dmy(date,
		       (GDateDay)g_date_time_get_day_of_month(now),
		       (GDateMonth)g_date_time_get_month(now),
		       (GDateYear)g_date_time_get_year(now));
}

/**
 * roster_time_normalize:
 * @text: (nullable): a time or a list of hours as typed, e.g. `19：00` from a Chinese
 *   input method
 *
 * Maps full-width digits, colons, dashes, commas and spaces to their ASCII forms
 * (Unicode compatibility normalisation) and strips the ends, so that every time the
 * app reads is spelt as the API expects it.
 *
 * Returns: (transfer full) (nullable): the text in ASCII forms, or %NULL for %NULL
 *
 * Since: 0.1
 */
gchar *
roster_time_normalize(const gchar *text)
{
	gchar *normal;

	if (text == NULL)
		return NULL;
	normal = g_utf8_normalize(text, -1, G_NORMALIZE_NFKC);
	/* text that is not UTF-8 is left to the daemon to refuse */
	if (normal == NULL)
		return g_strdup(text);
	return g_strstrip(normal);
}

gchar *
roster_date_to_string(const GDate *date)
{
	g_return_val_if_fail(date != NULL && g_date_valid(date), NULL);
	return g_strdup_printf("%04u-%02u-%02u",
			       g_date_get_year(date),
			       g_date_get_month(date),
			       g_date_get_day(date));
}

/* the Monday on or before @date */
void
roster_date_get_week_start(const GDate *date, GDate *week_start)
{
	g_return_if_fail(date != NULL && g_date_valid(date));
	*week_start = *date;
	g_date_subtract_days(week_start, g_date_get_weekday(date) - G_DATE_MONDAY);
}

void
roster_date_get_month_range(const GDate *date, GDate *first, GDate *last)
{
	g_return_if_fail(date != NULL && g_date_valid(date));
	g_date_clear(first, 1);
	g_date_set_dmy(first, 1, g_date_get_month(date), g_date_get_year(date));
	*last = *first;
	g_date_add_months(last, 1);
	g_date_subtract_days(last, 1);
}

const gchar *
roster_date_get_weekday_label(const GDate *date)
{
	switch (g_date_get_weekday(date)) {
	case G_DATE_MONDAY:
		return C_("weekday", "Mon");
	case G_DATE_TUESDAY:
		return C_("weekday", "Tue");
	case G_DATE_WEDNESDAY:
		return C_("weekday", "Wed");
	case G_DATE_THURSDAY:
		return C_("weekday", "Thu");
	case G_DATE_FRIDAY:
		return C_("weekday", "Fri");
	case G_DATE_SATURDAY:
		return C_("weekday", "Sat");
	case G_DATE_SUNDAY:
		return C_("weekday", "Sun");
	case G_DATE_BAD_WEEKDAY:
	default:
		return "";
	}
}

/* "Mon 11/23" */
gchar *
roster_date_format_day(const GDate *date)
{
	g_return_val_if_fail(date != NULL && g_date_valid(date), NULL);
	/* TRANSLATORS: a day heading: weekday, month and day, e.g. "Mon 11/23" */
	return g_strdup_printf(_("%s %u/%u"),
			       roster_date_get_weekday_label(date),
			       g_date_get_month(date),
			       g_date_get_day(date));
}

/* "2026-11-23 – 11-29" */
gchar *
roster_date_format_week(const GDate *week_start)
{
	GDate last;

	g_return_val_if_fail(week_start != NULL && g_date_valid(week_start), NULL);
	last = *week_start;
	g_date_add_days(&last, 6);
	/* TRANSLATORS: a week: year, month and day of its Monday, then month and day of its
	 * Sunday */
	return g_strdup_printf(_("%04u-%02u-%02u to %02u-%02u"),
			       g_date_get_year(week_start),
			       g_date_get_month(week_start),
			       g_date_get_day(week_start),
			       g_date_get_month(&last),
			       g_date_get_day(&last));
}

/**
 * roster_date_format_timestamp:
 * @iso8601: (nullable): a time as the daemon writes it, e.g. `2026-12-04T16:06:07Z`
 *
 * Returns: (transfer full): the time in the local time zone, as a date, weekday and
 *   time of day in the user's language, e.g. "2026-12-04 Fri 17:06"; text that is no
 *   ISO 8601 time comes back as it is
 *
 * Since: 0.1
 */
gchar *
roster_date_format_timestamp(const gchar *iso8601)
{
	g_autoptr(GDateTime) utc = NULL;
	g_autoptr(GDateTime) local = NULL;
	GDate date;

	if (iso8601 == NULL)
		return g_strdup("");
	utc = g_date_time_new_from_iso8601(iso8601, NULL);
	if (utc == NULL)
		return g_strdup(iso8601);
	local = g_date_time_to_local(utc);
	g_date_clear(&date, 1);
	g_date_set_dmy(&date,
		       (GDateDay)g_date_time_get_day_of_month(local),
		       (GDateMonth)g_date_time_get_month(local),
		       (GDateYear)g_date_time_get_year(local));
	/* TRANSLATORS: a moment: year, month, day, weekday, then hours and minutes, e.g.
	 * "2026-12-04 Fri 17:06" */
	return g_strdup_printf(_("%04d-%02d-%02d %s %02d:%02d"),
			       g_date_time_get_year(local),
			       g_date_time_get_month(local),
			       g_date_time_get_day_of_month(local),
			       roster_date_get_weekday_label(&date),
			       g_date_time_get_hour(local),
			       g_date_time_get_minute(local));
}
