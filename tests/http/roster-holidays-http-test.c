/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the holiday calendar routes on a real server: a coordinator imports the 2026
 * notice with PUT, a volunteer reads it back and may not import, a bad file is refused
 * with its member and changes nothing */

#include "config.h"

#include <string.h>

#include "roster-test-fixture.h"

static gchar *
dup_notice(void)
{
	g_autoptr(GError) error = NULL;
	gchar *contents = NULL;

	g_file_get_contents(g_test_get_filename(G_TEST_DIST, "data", "holidays-2026.json", NULL),
			    &contents,
			    NULL,
			    &error);
	g_assert_no_error(error);
	return contents;
}

static void
test_holidays_routes(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *notice = dup_notice();
	g_auto(GStrv) parts = g_strsplit(notice, "\"2026-10-03\"", -1);
	g_autofree gchar *bad = g_strjoinv("\"2026-10-32\"", parts);
	g_autoptr(RosterTestResponse) imported = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) forbidden = NULL;
	g_autoptr(RosterTestResponse) year = NULL;
	JsonObject *obj;

	imported = roster_test_request_as(fixture,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "PUT",
					  "/api/v1/holidays/2026",
					  notice);
	g_assert_cmpuint(imported->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(imported, "days"), ==, 16);
	forbidden = roster_test_request_as(fixture,
					   ROSTER_TEST_CALLER_VOLUNTEER,
					   "PUT",
					   "/api/v1/holidays/2026",
					   notice);
	g_assert_cmpuint(forbidden->status, ==, 403);
	refused = roster_test_request_as(fixture,
					 ROSTER_TEST_CALLER_ADMIN,
					 "POST",
					 "/api/v1/holidays/2026",
					 bad);
	g_assert_cmpuint(refused->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_code(refused), ==, "invalid-data");
	g_assert_cmpstr(roster_test_response_get_error_field(refused), ==, "days[10]");
	year = roster_test_request_as(fixture,
				      ROSTER_TEST_CALLER_VOLUNTEER,
				      "GET",
				      "/api/v1/holidays?year=2026",
				      NULL);
	g_assert_cmpuint(year->status, ==, 200);
	obj = roster_test_response_get_object(year);
	g_assert_cmpint(json_object_get_int_member(obj, "total"), ==, 16);
	g_assert_cmpstr(
	    json_array_get_string_element(json_object_get_array_member(obj, "papers"), 0),
	    ==,
	    "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm");
	/* the refused file left 2026-10-03 a holiday */
	g_assert_cmpstr(
	    json_object_get_string_member(
		json_array_get_object_element(json_object_get_array_member(obj, "items"), 10),
		"date"),
	    ==,
	    "2026-10-03");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/holidays-http/routes",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_holidays_routes,
		   roster_test_fixture_teardown);
	return g_test_run();
}
