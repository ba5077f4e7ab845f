/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the common date and time helpers: the API's forms read and written back */

#include "config.h"

#include <glib.h>

#include "roster-datetime.h"

static void
test_datetime_date_round_trip(void)
{
	guint32 julian = 0;
	g_autofree gchar *text = NULL;

	g_assert_true(roster_datetime_parse_date("2024-02-29", &julian));
	text = roster_datetime_format_date(julian);
	g_assert_cmpstr(text, ==, "2024-02-29");
}

static void
test_datetime_date_refused(void)
{
	const gchar *const bad[] =
	    {"2023-02-29", "2024-13-01", "2024-1-01", "2024/01/01", "0000-01-01", "", NULL};

	for (guint i = 0; bad[i] != NULL; i++)
		g_assert_false(roster_datetime_parse_date(bad[i], NULL));
	g_assert_false(roster_datetime_parse_date(NULL, NULL));
}

static void
test_datetime_time(void)
{
	gint minutes = -1;
	g_autofree gchar *text = NULL;

	g_assert_true(roster_datetime_parse_time("08:30", &minutes));
	g_assert_cmpint(minutes, ==, 510);
	text = roster_datetime_format_time(minutes);
	g_assert_cmpstr(text, ==, "08:30");
	g_assert_false(roster_datetime_parse_time("24:00", NULL));
	g_assert_false(roster_datetime_parse_time("8:30", NULL));
	g_assert_cmpint(roster_datetime_minutes_of_day(23, 59), ==, 1439);
}

static void
test_datetime_end_time(void)
{
	gint minutes = -1;
	g_autofree gchar *text = NULL;

	g_assert_true(roster_datetime_parse_end_time("24:00", &minutes));
	g_assert_cmpint(minutes, ==, 1440);
	text = roster_datetime_format_time(minutes);
	g_assert_cmpstr(text, ==, "24:00");
	g_assert_false(roster_datetime_parse_end_time("24:01", NULL));
}

static void
test_datetime_local(void)
{
	g_autoptr(GTimeZone) tz = g_time_zone_new_identifier("Asia/Shanghai");
	g_autoptr(GDateTime) local = NULL;
	g_autoptr(GDateTime) next = NULL;
	guint32 julian = 0;

	g_assert_nonnull(tz);
	g_assert_true(roster_datetime_parse_date("2024-03-31", &julian));
	local = roster_datetime_new_local(tz, julian, 23 * 60);
	g_assert_nonnull(local);
	/* 23:00 in Shanghai (UTC+8) is 15:00 UTC the same day */
	g_assert_cmpint(g_date_time_to_unix(local), ==, 1711897200);
	/* minutes past the day run into the next date */
	next = roster_datetime_new_local(tz, julian, 1440 + 60);
	g_assert_cmpint(g_date_time_get_month(next), ==, 4);
	g_assert_cmpint(g_date_time_get_day_of_month(next), ==, 1);
	g_assert_cmpint(g_date_time_get_hour(next), ==, 1);
	g_assert_null(roster_datetime_new_local(tz, 0, 0));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/datetime/date-round-trip", test_datetime_date_round_trip);
	g_test_add_func("/roster/datetime/date-refused", test_datetime_date_refused);
	g_test_add_func("/roster/datetime/time", test_datetime_time);
	g_test_add_func("/roster/datetime/end-time", test_datetime_end_time);
	g_test_add_func("/roster/datetime/local", test_datetime_local);
	return g_test_run();
}
