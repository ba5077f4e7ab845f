/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the date and time helpers: parse and format `YYYY-MM-DD` and `HH:MM`, minutes of
 * the day, and a local date-time in the service's time zone */

#include "config.h"

#include <string.h>

#include "roster-datetime.h"

/**
 * roster_datetime_parse_date:
 * @text: (nullable): a date `YYYY-MM-DD`
 * @julian: (out) (optional): the julian day
 *
 * Returns: whether @text is a valid calendar date in that exact form
 *
 * Since: 0.1
 **/
gboolean
roster_datetime_parse_date(const gchar *text, guint32 *julian)
{
	guint year;
	guint month;
	guint day;
	GDate date;

	if (text == NULL || strlen(text) != 10 || text[4] != '-' || text[7] != '-')
		return FALSE;
	for (guint i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && !g_ascii_isdigit(text[i]))
			return FALSE;
	}
	year = (guint)g_ascii_strtoull(text, NULL, 10);
	month = (guint)g_ascii_strtoull(text + 5, NULL, 10);
	day = (guint)g_ascii_strtoull(text + 8, NULL, 10);
	if (year < 1 || !g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year))
		return FALSE;
	if (julian != NULL) {
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
		*julian = g_date_get_julian(&date);
	}
	return TRUE;
}

/**
 * roster_datetime_parse_time:
 * @text: (nullable): a time `HH:MM`
 * @minutes: (out) (optional): the minutes after midnight
 *
 * A point of the day, 00:00 to 23:59: a slot's start, a window's start.
 *
 * Returns: whether @text is such a time
 *
 * Since: 0.1
 **/
gboolean
roster_datetime_parse_time(const gchar *text, gint *minutes)
{
	gint hours;
	gint mins;

	if (text == NULL || strlen(text) != 5 || text[2] != ':')
		return FALSE;
	if (!g_ascii_isdigit(text[0]) || !g_ascii_isdigit(text[1]) || !g_ascii_isdigit(text[3]) ||
	    !g_ascii_isdigit(text[4]))
		return FALSE;
	hours = (text[0] - '0') * 10 + (text[1] - '0');
	mins = (text[3] - '0') * 10 + (text[4] - '0');
	if (hours > 23 || mins > 59)
		return FALSE;
	if (minutes != NULL)
		*minutes = roster_datetime_minutes_of_day(hours, mins);
	return TRUE;
}

/**
 * roster_datetime_parse_end_time:
 * @text: (nullable): a time `HH:MM`
 * @minutes: (out) (optional): the minutes after midnight, 1440 for 24:00
 *
 * The end of a time window: 00:00 to 23:59 as roster_datetime_parse_time(), and
 * 24:00, the end of the window's date.
 *
 * Returns: whether @text is such a time
 *
 * Since: 0.1
 **/
gboolean
roster_datetime_parse_end_time(const gchar *text, gint *minutes)
{
	if (g_strcmp0(text, "24:00") == 0) {
		if (minutes != NULL)
			*minutes = 1440;
		return TRUE;
	}
	return roster_datetime_parse_time(text, minutes);
}

/**
 * roster_datetime_format_date:
 * @julian: a julian day
 *
 * Returns: (transfer full): the date as `YYYY-MM-DD`, `0000-00-00` for no valid day
 *
 * Since: 0.1
 **/
gchar *
roster_datetime_format_date(guint32 julian)
{
	GDate date;

	if (!g_date_valid_julian(julian))
		return g_strdup("0000-00-00");
	g_date_clear(&date, 1);
	g_date_set_julian(&date, julian);
	return g_strdup_printf("%04u-%02u-%02u",
			       g_date_get_year(&date),
			       (guint)g_date_get_month(&date),
			       g_date_get_day(&date));
}

/**
 * roster_datetime_format_time:
 * @minutes: minutes after midnight, 0 to 1440
 *
 * Returns: (transfer full): the time as `HH:MM` (1440 is `24:00`)
 *
 * Since: 0.1
 **/
gchar *
roster_datetime_format_time(gint minutes)
{
	return g_strdup_printf("%02d:%02d", minutes / 60, minutes % 60);
}

/**
 * roster_datetime_minutes_of_day:
 * @hours: hours after midnight
 * @minutes: minutes after the hour
 *
 * Returns: the minutes after midnight
 *
 * Since: 0.1
 **/
gint
roster_datetime_minutes_of_day(gint hours, gint minutes)
{
	return hours * 60 + minutes;
}

/**
 * roster_datetime_dup_today:
 * @tz: (nullable): a time zone, %NULL for UTC
 *
 * Returns: (transfer full): today's date in @tz as `YYYY-MM-DD`
 *
 * Since: 0.1
 **/
gchar *
roster_datetime_dup_today(GTimeZone *tz)
{
	g_autoptr(GDateTime) now = tz != NULL ? g_date_time_new_now(tz) : g_date_time_new_now_utc();

	return g_date_time_format(now, "%Y-%m-%d");
}

/**
 * roster_datetime_new_local:
 * @tz: the service's time zone
 * @julian: a julian day
 * @minutes: minutes after midnight of that day; 1440 and more run into the next days
 *
 * Returns: (transfer full) (nullable): the wall-clock time @minutes into @julian in @tz,
 * or %NULL for no valid day
 *
 * Since: 0.1
 **/
GDateTime *
roster_datetime_new_local(GTimeZone *tz, guint32 julian, gint minutes)
{
	GDate date;

	g_return_val_if_fail(tz != NULL, NULL);
	if (!g_date_valid_julian(julian))
		return NULL;
	g_date_clear(&date, 1);
	g_date_set_julian(&date, julian + (guint32)(minutes / 1440));
	return g_date_time_new(tz,
			       g_date_get_year(&date),
			       g_date_get_month(&date),
			       g_date_get_day(&date),
			       (minutes % 1440) / 60,
			       minutes % 60,
			       0);
}
