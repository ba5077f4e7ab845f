/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar's one loader: the calendar a new database starts with has the
 * kind's defaults, and a changed calendar's values come back as a typed value */

#include "config.h"

#include "roster-test-common.h"
#include "roster-datetime.h"
#include "roster-service-calendar.h"

static void
test_service_calendar_seeded(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterServiceCalendar) calendar =
	    roster_engine_load_service_calendar(fixture->engine, &error);

	g_assert_no_error(error);
	g_assert_nonnull(calendar);
	g_assert_cmpint(calendar->id, >, 0);
	g_assert_cmpint(calendar->slot_minutes, ==, 180);
	g_assert_cmpint(calendar->first_slot_start, ==, 8 * 60);
	g_assert_cmpint(calendar->night_start, ==, 23 * 60);
	g_assert_cmpint(calendar->night_end, ==, 8 * 60);
	g_assert_cmpstr(calendar->time_zone, ==, "Asia/Shanghai");
	g_assert_cmpuint(calendar->windows->len, ==, 0);
	g_assert_cmpuint(calendar->overrides->len, ==, 0);
}

static void
test_service_calendar_record(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	RosterServiceWindow *window;
	RosterServiceOverride *override;
	guint32 christmas = 0;
	g_autoptr(RosterServiceCalendar) seeded =
	    roster_engine_load_service_calendar(fixture->engine, &error);
	g_autoptr(JsonNode) body = roster_test_json(
	    "{\"revision\": 1, \"time_zone\": \"Europe/Berlin\", \"slot_minutes\": 240,"
	    " \"first_slot_start\": \"06:00\", \"line\": \"12356\","
	    " \"manned_windows\": [{\"weekday\": 2, \"start\": \"18:00\", \"end\": \"24:00\"}],"
	    " \"overrides\": [{\"date_from\": \"2024-12-25\", \"date_to\": \"2024-12-26\","
	    " \"windows\": []}], \"night_start\": \"22:00\", \"night_end\": \"06:00\"}");
	g_autoptr(JsonNode) updated = NULL;

	g_assert_no_error(error);
	updated = roster_engine_update(fixture->engine,
				       fixture->admin,
				       "calendars",
				       0,
				       seeded->id,
				       body,
				       &error);
	g_assert_no_error(error);
	g_assert_nonnull(updated);
	calendar = roster_engine_load_service_calendar(fixture->engine, &error);
	g_assert_no_error(error);
	g_assert_cmpint(calendar->id, ==, seeded->id);
	g_assert_cmpstr(calendar->line, ==, "12356");
	g_assert_cmpstr(calendar->time_zone, ==, "Europe/Berlin");
	g_assert_cmpint(calendar->slot_minutes, ==, 240);
	g_assert_cmpint(calendar->first_slot_start, ==, 6 * 60);
	g_assert_cmpint(calendar->night_start, ==, 22 * 60);
	g_assert_cmpint(calendar->night_end, ==, 6 * 60);
	g_assert_nonnull(calendar->modified);
	g_assert_cmpuint(calendar->windows->len, ==, 1);
	window = &g_array_index(calendar->windows, RosterServiceWindow, 0);
	g_assert_cmpuint(window->weekday, ==, 2);
	g_assert_cmpint(window->start, ==, 18 * 60);
	g_assert_cmpint(window->end, ==, 1440);
	g_assert_cmpuint(calendar->overrides->len, ==, 1);
	override = g_ptr_array_index(calendar->overrides, 0);
	g_assert_true(roster_datetime_parse_date("2024-12-25", &christmas));
	g_assert_cmpuint(override->date_from, ==, christmas);
	g_assert_cmpuint(override->date_to, ==, christmas + 1);
	g_assert_cmpuint(override->windows->len, ==, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/service-calendar/seeded",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_service_calendar_seeded,
		   roster_test_fixture_teardown);
	g_test_add("/roster/service-calendar/record",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_service_calendar_record,
		   roster_test_fixture_teardown);
	return g_test_run();
}
