/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-calendar-ical.h"
#include "roster-calendar.h"
#include "roster-error.h"

static RosterCalendarEvent *
make_event(const gchar *uid, const gchar *date, gint start, guint sequence, gboolean cancelled)
{
	RosterCalendarEvent *event = roster_calendar_event_new();

	event->uid = g_strdup(uid);
	event->date = g_strdup(date);
	event->start_minutes = start;
	event->duration_minutes = 180;
	event->sequence = sequence;
	event->cancelled = cancelled;
	event->line = g_strdup("12355");
	event->seat_class = g_strdup("危机专席");
	event->mode = g_strdup("cloud");
	event->team = g_strdup("一组");
	event->duty_contact = g_strdup("值班专家 13800000000");
	return event;
}

static gchar *
render(GPtrArray *events, gboolean english)
{
	g_autoptr(GError) error = NULL;
	RosterCalendarOptions options = {
	    .time_zone = "Asia/Shanghai",
	    .english = english,
	    .alarms = roster_calendar_default_alarms,
	    .n_alarms = G_N_ELEMENTS(roster_calendar_default_alarms),
	    .name = "test",
	    .stamp = 1767225600,
	};
	gchar *text = roster_calendar_render(events, &options, &error);

	g_assert_no_error(error);
	g_assert_nonnull(text);
	return text;
}

static void
test_summary(void)
{
	g_autoptr(RosterCalendarEvent) event = make_event("a", "2026-03-05", 1200, 0, FALSE);
	g_autofree gchar *zh = roster_calendar_dup_summary(event, FALSE);
	g_autofree gchar *en = roster_calendar_dup_summary(event, TRUE);

	g_assert_cmpstr(zh, ==, "12355 值班：危机专席（云坐席）");
	g_assert_cmpstr(en, ==, "12355 duty: 危机专席 (cloud seat)");
	g_free(event->mode);
	event->mode = g_strdup("on-site");
	g_free(zh);
	zh = roster_calendar_dup_summary(event, FALSE);
	g_assert_cmpstr(zh, ==, "12355 值班：危机专席（坐班）");

	/* a seat class whose name carries its mode does not get it twice */
	g_free(event->seat_class);
	event->seat_class = g_strdup("咨询专席（坐班）");
	g_free(zh);
	zh = roster_calendar_dup_summary(event, FALSE);
	g_assert_cmpstr(zh, ==, "12355 值班：咨询专席（坐班）");
	g_free(event->seat_class);
	event->seat_class = g_strdup("Crisis (on-site)");
	g_free(en);
	en = roster_calendar_dup_summary(event, TRUE);
	g_assert_cmpstr(en, ==, "12355 duty: Crisis (on-site)");
}

/* parses the output back with libical and checks every property we promise */
static void
test_round_trip(void)
{
	g_autoptr(GPtrArray) events =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_event_free);
	g_autofree gchar *text = NULL;
	g_autoptr(ICalComponent) parsed = NULL;
	g_autoptr(ICalComponent) vtz = NULL;
	g_autoptr(ICalProperty) tzprop = NULL;
	g_autoptr(ICalComponent) vevent = NULL;
	g_autoptr(ICalProperty) dtstart = NULL;
	g_autoptr(ICalParameter) tzid = NULL;
	g_autoptr(ICalTime) start = NULL;
	g_autoptr(ICalTime) end = NULL;
	guint n_events = 0;

	g_ptr_array_add(events, make_event("1@1.hotline-roster", "2026-03-05", 1200, 2, FALSE));
	/* 23:00 + 3 h ends on the next day; 02:00 of the operational day is the next date */
	g_ptr_array_add(events, make_event("2@1.hotline-roster", "2026-03-05", 1380, 0, FALSE));
	g_ptr_array_add(events, make_event("3@1.hotline-roster", "2026-03-05", 1560, 1, TRUE));
	text = render(events, FALSE);
	g_assert_true(g_str_has_prefix(text, "BEGIN:VCALENDAR\r\n"));
	parsed = i_cal_parser_parse_string(text);
	g_assert_nonnull(parsed);
	g_assert_cmpint(i_cal_component_isa(parsed), ==, I_CAL_VCALENDAR_COMPONENT);
	vtz = i_cal_component_get_first_component(parsed, I_CAL_VTIMEZONE_COMPONENT);
	g_assert_nonnull(vtz);
	tzprop = i_cal_component_get_first_property(vtz, I_CAL_TZID_PROPERTY);
	g_assert_cmpstr(i_cal_property_get_tzid(tzprop), ==, "Asia/Shanghai");

	vevent = i_cal_component_get_first_component(parsed, I_CAL_VEVENT_COMPONENT);
	while (vevent != NULL) {
		const gchar *uid = i_cal_component_get_uid(vevent);
		g_autoptr(ICalComponent) valarm =
		    i_cal_component_get_first_component(vevent, I_CAL_VALARM_COMPONENT);
		n_events++;
		dtstart = i_cal_component_get_first_property(vevent, I_CAL_DTSTART_PROPERTY);
		tzid = i_cal_property_get_first_parameter(dtstart, I_CAL_TZID_PARAMETER);
		g_assert_cmpstr(i_cal_parameter_get_tzid(tzid), ==, "Asia/Shanghai");
		g_clear_object(&tzid);
		g_clear_object(&dtstart);
		start = i_cal_component_get_dtstart(vevent);
		end = i_cal_component_get_dtend(vevent);
		g_assert_cmpint(i_cal_time_compare(start, end), <, 0);
		if (g_strcmp0(uid, "1@1.hotline-roster") == 0) {
			g_assert_cmpint(i_cal_time_get_day(start), ==, 5);
			g_assert_cmpint(i_cal_time_get_hour(start), ==, 20);
			g_assert_cmpint(i_cal_component_get_sequence(vevent), ==, 2);
			g_assert_cmpint(i_cal_component_get_status(vevent),
					==,
					I_CAL_STATUS_CONFIRMED);
			g_assert_cmpstr(i_cal_component_get_summary(vevent),
					==,
					"12355 值班：危机专席（云坐席）");
			g_assert_nonnull(valarm);
			g_assert_cmpint(
			    i_cal_component_count_components(vevent, I_CAL_VALARM_COMPONENT),
			    ==,
			    2);
			g_assert_nonnull(strstr(i_cal_component_get_description(vevent), "一组"));
		} else if (g_strcmp0(uid, "2@1.hotline-roster") == 0) {
			g_assert_cmpint(i_cal_time_get_hour(start), ==, 23);
			g_assert_cmpint(i_cal_time_get_day(end), ==, 6);
			g_assert_cmpint(i_cal_time_get_hour(end), ==, 2);
		} else {
			g_assert_cmpstr(uid, ==, "3@1.hotline-roster");
			g_assert_cmpint(i_cal_time_get_day(start), ==, 6);
			g_assert_cmpint(i_cal_time_get_hour(start), ==, 2);
			g_assert_cmpint(i_cal_component_get_status(vevent),
					==,
					I_CAL_STATUS_CANCELLED);
			g_assert_null(valarm);
		}
		g_clear_object(&start);
		g_clear_object(&end);
		g_clear_object(&vevent);
		vevent = i_cal_component_get_next_component(parsed, I_CAL_VEVENT_COMPONENT);
	}
	g_assert_cmpuint(n_events, ==, 3);
}

static void
test_location_and_english(void)
{
	g_autoptr(GPtrArray) events =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_event_free);
	RosterCalendarEvent *event = make_event("1@1.hotline-roster", "2026-03-05", 480, 0, FALSE);
	g_autofree gchar *text = NULL;

	g_free(event->mode);
	event->mode = g_strdup("on-site");
	event->location = g_strdup("市心理援助中心 3 楼");
	g_ptr_array_add(events, event);
	text = render(events, TRUE);
	g_assert_nonnull(strstr(text, "LOCATION:市心理援助中心 3 楼"));
	g_assert_nonnull(strstr(text, "SUMMARY:12355 duty: 危机专席 (on-site)"));
	g_assert_nonnull(strstr(text, "Duty contact:"));
}

static void
test_bad_input(void)
{
	g_autoptr(GPtrArray) events =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_event_free);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	RosterCalendarOptions options = {.time_zone = "Mars/Olympus_Mons"};

	text = roster_calendar_render(events, &options, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(text);
	g_clear_error(&error);
	options.time_zone = "Europe/Berlin";
	g_ptr_array_add(events, make_event("x", "2026-02-30", 0, 0, FALSE));
	text = roster_calendar_render(events, &options, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(text);
}

/* the VEVENT number @index of @text with its DTSTAMP line dropped */
static gchar *
dup_event_without_stamp(const gchar *text, guint index)
{
	const gchar *begin = strstr(text, "BEGIN:VEVENT\r\n");
	const gchar *end;
	const gchar *stamp;
	const gchar *stamp_end;

	for (guint i = 0; begin != NULL && i < index; i++)
		begin = strstr(begin + 1, "BEGIN:VEVENT\r\n");
	g_assert_nonnull(begin);
	end = strstr(begin, "END:VEVENT\r\n");
	stamp = strstr(begin, "\r\nDTSTAMP:");
	g_assert_nonnull(end);
	g_assert_true(stamp != NULL && stamp < end);
	stamp_end = strstr(stamp + 2, "\r\n");
	return g_strdup_printf("%.*s%.*s",
			       (gint)(stamp - begin),
			       begin,
			       (gint)(end - stamp_end),
			       stamp_end);
}

/* events of one shape share the text libical wrote for the first of them: each must
 * read as libical writes it alone (a calendar of its own, with a stamp of its own) */
static void
test_shared_shape(gconstpointer user_data)
{
	const gchar *time_zone = user_data;
	g_autoptr(GPtrArray) events =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_event_free);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	RosterCalendarOptions options = {
	    .time_zone = time_zone,
	    .alarms = roster_calendar_default_alarms,
	    .n_alarms = G_N_ELEMENTS(roster_calendar_default_alarms),
	    .stamp = 1767225600,
	};

	/* midnight, month, year and leap day crossings; sequences and uids of several
	 * lengths; one uid that libical would fold */
	g_ptr_array_add(events, make_event("1-1@1.hotline-roster", "2027-01-31", 1380, 0, FALSE));
	g_ptr_array_add(events, make_event("22-7@1.hotline-roster", "2027-12-31", 1500, 7, FALSE));
	g_ptr_array_add(events,
			make_event("333-7@12.hotline-roster", "2028-02-28", 1500, 12, FALSE));
	g_ptr_array_add(events, make_event("4-7@1.hotline-roster", "2028-02-29", 0, 123456, FALSE));
	g_ptr_array_add(events,
			make_event("12345678901234567890-12345678901234567890@"
				   "12345678901234567890.hotline-roster",
				   "2027-06-30",
				   1260,
				   3,
				   FALSE));
	text = roster_calendar_render(events, &options, &error);
	g_assert_no_error(error);
	for (guint i = 0; i < events->len; i++) {
		RosterCalendarEvent *event = g_ptr_array_index(events, i);
		g_autoptr(GPtrArray) alone = g_ptr_array_new();
		g_autofree gchar *alone_text = NULL;
		g_autofree gchar *expected = NULL;
		g_autofree gchar *got = NULL;

		/* another stamp is another shape, so libical writes it */
		options.stamp = 1767225600 + 1 + i;
		g_ptr_array_add(alone, event);
		alone_text = roster_calendar_render(alone, &options, &error);
		g_assert_no_error(error);
		expected = dup_event_without_stamp(alone_text, 0);
		got = dup_event_without_stamp(text, i);
		g_assert_cmpstr(got, ==, expected);
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/calendar/summary", test_summary);
	g_test_add_func("/roster/calendar/round-trip", test_round_trip);
	g_test_add_func("/roster/calendar/location-english", test_location_and_english);
	g_test_add_func("/roster/calendar/bad-input", test_bad_input);
	g_test_add_data_func("/roster/calendar/shared-shape/zoned",
			     "Asia/Shanghai",
			     test_shared_shape);
	g_test_add_data_func("/roster/calendar/shared-shape/utc", "UTC", test_shared_shape);
	return g_test_run();
}
