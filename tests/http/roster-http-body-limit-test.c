/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/*
 * The limit on request bodies (ROSTER_HTTP_MAX_BODY_SIZE): a larger body is refused
 * with 413 before it is read, whether it declares its length or comes chunked and
 * whatever the path, and changes nothing; a body of exactly the limit is handled.
 */

typedef struct {
	const gchar *name;
	RosterTestCaller caller;
	const gchar *path;
	/* sent chunked, without a Content-Length */
	gboolean chunked;
} OversizedRow;

static const OversizedRow oversized_rows[] = {
    {"oversized-body", ROSTER_TEST_CALLER_ADMIN, "/api/v1/teams", FALSE},
    {"oversized-body-chunked", ROSTER_TEST_CALLER_ADMIN, "/api/v1/teams", TRUE},
    {"oversized-body-unknown-route", ROSTER_TEST_CALLER_NONE, "/api/v1/nothing", FALSE},
};

static GBytes *
make_oversized_body(void)
{
	gsize size = 2 * ROSTER_HTTP_MAX_BODY_SIZE;
	gchar *data = g_malloc(size);

	/* valid JSON, so only the size is wrong */
	memset(data, ' ', size);
	memcpy(data, "{\"name\":\"big\"}", 14);
	return g_bytes_new_take(data, size);
}

static void
count_body_data_cb(SoupMessage *msg, guint chunk_size, gpointer user_data)
{
	guint *wrote_body = user_data;

	*wrote_body += chunk_size;
}

/* 413 before the body is read, and nothing changed */
static void
test_oversized(RosterTestFixture *fixture, gconstpointer user_data)
{
	const OversizedRow *row = user_data;
	g_autofree gchar *uri = g_strconcat(fixture->root_uri, row->path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new("POST", uri);
	g_autoptr(GBytes) body = make_oversized_body();
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(fixture);
	g_autofree gchar *after = NULL;
	const gchar *token = roster_test_fixture_get_token(fixture, row->caller);

	if (token != NULL) {
		g_autofree gchar *value = g_strdup_printf("Bearer %s", token);
		soup_message_headers_replace(soup_message_get_request_headers(msg),
					     "Authorization",
					     value);
	}
	if (row->chunked) {
		g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes(body);
		soup_message_set_request_body(msg, "application/json", stream, -1);
	} else {
		soup_message_set_request_body_from_bytes(msg, "application/json", body);
	}
	response = roster_test_send(fixture->session, msg);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
	g_assert_cmpstr(roster_test_response_get_header(response, "Content-Type"),
			==,
			"application/json");
	g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "too-large");
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

/* the limit is inclusive: a body of exactly 1 MiB is read and handled */
static void
test_body_at_limit(RosterTestFixture *fixture, gconstpointer user_data)
{
	gsize size = ROSTER_HTTP_MAX_BODY_SIZE;
	gchar *data = g_malloc(size);
	g_autoptr(GBytes) body = NULL;
	g_autoptr(RosterTestResponse) response = NULL;

	memset(data, ' ', size);
	memcpy(data, "{\"name\":\"Edge\"", 14);
	data[size - 1] = '}';
	body = g_bytes_new_take(data, size);
	response = roster_test_request_bytes(
	    fixture,
	    "POST",
	    "/api/v1/teams",
	    roster_test_fixture_get_token(fixture, ROSTER_TEST_CALLER_ADMIN),
	    body);
	if (response->status != SOUP_STATUS_CREATED)
		g_test_message("%.*s",
			       (int)MIN(g_bytes_get_size(response->body), 300),
			       (const gchar *)g_bytes_get_data(response->body, NULL));
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_CREATED);
	g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_NAME), ==, "Edge");
}

/* a client that waits for 100 Continue gets the 413 and never sends the body */
static void
test_oversized_expect_continue(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *uri = g_strconcat(fixture->root_uri, "/api/v1/teams", NULL);
	g_autoptr(SoupMessage) msg = soup_message_new("POST", uri);
	g_autoptr(GBytes) body = make_oversized_body();
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *value =
	    g_strdup_printf("Bearer %s",
			    roster_test_fixture_get_token(fixture, ROSTER_TEST_CALLER_ADMIN));
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(fixture);
	g_autofree gchar *after = NULL;
	SoupMessageHeaders *headers = soup_message_get_request_headers(msg);
	guint wrote_body = 0;

	soup_message_headers_replace(headers, "Authorization", value);
	soup_message_headers_set_expectations(headers, SOUP_EXPECTATION_CONTINUE);
	soup_message_set_request_body_from_bytes(msg, "application/json", body);
	g_signal_connect(msg, "wrote-body-data", G_CALLBACK(count_body_data_cb), &wrote_body);
	response = roster_test_send(fixture->session, msg);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
	g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "too-large");
	g_assert_cmpuint(wrote_body, ==, 0);
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

/* after a refused body the server still answers on a new connection */
static void
test_after_oversized(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GBytes) body = make_oversized_body();
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) health = NULL;

	refused = roster_test_request_bytes(fixture, "POST", "/api/v1/teams", NULL, body);
	g_assert_cmpuint(refused->status, ==, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
	g_assert_cmpstr(roster_test_response_get_header(refused, "Connection"), ==, "close");
	health = roster_test_request(fixture, "GET", "/api/v1/health", NULL, NULL);
	g_assert_cmpuint(health->status, ==, SOUP_STATUS_OK);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	for (guint i = 0; i < G_N_ELEMENTS(oversized_rows); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/http/bad-input/%s", oversized_rows[i].name);
		g_test_add(path,
			   RosterTestFixture,
			   &oversized_rows[i],
			   roster_test_fixture_setup,
			   test_oversized,
			   roster_test_fixture_teardown);
	}
	g_test_add("/roster/http/bad-input/body-at-limit",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_body_at_limit,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/bad-input/oversized-body-expect-continue",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_oversized_expect_continue,
		   roster_test_fixture_teardown);
	g_test_add("/roster/http/bad-input/after-oversized",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_after_oversized,
		   roster_test_fixture_teardown);
	return g_test_run();
}
