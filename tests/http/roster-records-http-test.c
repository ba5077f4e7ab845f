/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* recognition records over HTTP: a bad value is refused with the real input field */

#include "config.h"

#include <string.h>

#include "roster-test-fixture.h"

typedef struct {
	const gchar *path;
	/* the members after volunteer_id */
	const gchar *members;
	const gchar *field;
} BadRecord;

/* each body is valid but for the one field named */
static const BadRecord bad_records[] = {
    {"/api/v1/ratings",
     "\"dimension\": \"quality-review\","
     " \"score\": 9, \"date\": \"2024-01-10\"}",
     "score"},
    {"/api/v1/ratings",
     "\"dimension\": \"charm\","
     " \"score\": 4, \"date\": \"2024-01-10\"}",
     "dimension"},
    {"/api/v1/training",
     "\"kind\": \"juggling\", \"hours\": 2,"
     " \"date\": \"2024-01-10\"}",
     "kind"},
    {"/api/v1/training",
     "\"kind\": \"supervision\", \"hours\": -1,"
     " \"date\": \"2024-01-10\"}",
     "hours"},
    {"/api/v1/training",
     "\"kind\": \"supervision\", \"hours\": 2,"
     " \"date\": \"2024-02-30\"}",
     "date"},
};

static void
test_bad_record_field(RosterTestFixture *fixture, gconstpointer user_data)
{
	const BadRecord *row = user_data;
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(fixture);
	g_autofree gchar *after = NULL;
	g_autofree gchar *body = g_strdup_printf("{\"volunteer_id\": %" G_GINT64_FORMAT ", %s",
						 fixture->volunteer_id,
						 row->members);
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "POST", row->path, body);

	g_assert_cmpuint(response->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "invalid-data");
	g_assert_cmpstr(roster_test_response_get_error_field(response), ==, row->field);
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	for (guint i = 0; i < G_N_ELEMENTS(bad_records); i++) {
		g_autofree gchar *path = g_strdup_printf("/roster/records-http/bad-field/%s/%s",
							 bad_records[i].path + strlen("/api/v1/"),
							 bad_records[i].field);
		g_test_add(path,
			   RosterTestFixture,
			   &bad_records[i],
			   roster_test_fixture_setup,
			   test_bad_record_field,
			   roster_test_fixture_teardown);
	}
	return g_test_run();
}
