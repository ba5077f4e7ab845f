/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "roster-engine.h"
#include "roster-http-server.h"

G_BEGIN_DECLS

/* the passwords of the fixture's accounts */
#define ROSTER_TEST_ADMIN_USER	     "admin"
#define ROSTER_TEST_ADMIN_PASSWORD   "Blue-Lantern-Roster-91"
#define ROSTER_TEST_COORDINATOR_USER "coordinator"
#define ROSTER_TEST_MANAGER_USER     "manager"
#define ROSTER_TEST_VOLUNTEER_USER   "volunteer"
#define ROSTER_TEST_OTHER_VOLUNTEER  "volunteer2"
#define ROSTER_TEST_ACCOUNT_PASSWORD "account-password"

/* who makes a request in a test: each role, a second volunteer, and nobody */
typedef enum {
	ROSTER_TEST_CALLER_NONE,
	ROSTER_TEST_CALLER_ADMIN,
	ROSTER_TEST_CALLER_COORDINATOR,
	ROSTER_TEST_CALLER_MANAGER,
	ROSTER_TEST_CALLER_VOLUNTEER,
	ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
	ROSTER_TEST_CALLER_LAST
} RosterTestCaller;

const gchar *
roster_test_caller_to_string(RosterTestCaller caller);

/*
 * A loopback fixture: a temporary folder, an engine on a fresh database with one
 * account per role, and the real RosterHttpServer on 127.0.0.1 (a free port)
 * running in its own thread and main context, so the test thread can use a
 * synchronous SoupSession. Use with g_test_add(…, RosterTestFixture, data,
 * roster_test_fixture_setup, test, roster_test_fixture_teardown).
 */
typedef struct {
	gchar *tmpdir;
	gchar *database_path;
	RosterEngine *engine;
	/* http://127.0.0.1:PORT, without the API prefix */
	gchar *root_uri;
	SoupSession *session;
	gchar *tokens[ROSTER_TEST_CALLER_LAST];
	/* a team, and the volunteers linked to the two volunteer accounts */
	gint64 team_id;
	gint64 volunteer_id;
	gint64 other_volunteer_id;
	/* the server thread */
	GThread *thread;
	GMainContext *context;
	GMainLoop *loop;
	GMutex mutex;
	GCond cond;
	gboolean ready;
	RosterHttpServer *server;
	GError *start_error;
} RosterTestFixture;

void
roster_test_fixture_setup(RosterTestFixture *fixture, gconstpointer user_data);
void
roster_test_fixture_teardown(RosterTestFixture *fixture, gconstpointer user_data);
const gchar *
roster_test_fixture_get_token(RosterTestFixture *fixture, RosterTestCaller caller);

/* a response: the status, the headers, the raw body and, when it is JSON, the parsed body */
typedef struct {
	guint status;
	SoupMessageHeaders *headers;
	GBytes *body;
	JsonNode *json;
} RosterTestResponse;

void
roster_test_response_free(RosterTestResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterTestResponse, roster_test_response_free)

JsonObject *
roster_test_response_get_object(RosterTestResponse *response);
gint64
roster_test_response_get_int(RosterTestResponse *response, const gchar *member);
const gchar *
roster_test_response_get_string(RosterTestResponse *response, const gchar *member);
const gchar *
roster_test_response_get_error_code(RosterTestResponse *response);
const gchar *
roster_test_response_get_error_field(RosterTestResponse *response);
const gchar *
roster_test_response_get_header(RosterTestResponse *response, const gchar *name);

/* @path starts at the server root, e.g. /api/v1/teams; @body is raw text or NULL */
RosterTestResponse *
roster_test_request(RosterTestFixture *fixture,
		    const gchar *method,
		    const gchar *path,
		    const gchar *token,
		    const gchar *body);
RosterTestResponse *
roster_test_request_bytes(RosterTestFixture *fixture,
			  const gchar *method,
			  const gchar *path,
			  const gchar *token,
			  GBytes *body);
RosterTestResponse *
roster_test_request_as(RosterTestFixture *fixture,
		       RosterTestCaller caller,
		       const gchar *method,
		       const gchar *path,
		       const gchar *body);
RosterTestResponse *
roster_test_send(SoupSession *session, SoupMessage *msg);

/* creates a record as admin through the API and returns its id */
gint64
roster_test_create(RosterTestFixture *fixture, const gchar *collection_path, const gchar *body);

/* every collection's list output and the audit total, as text, to compare
 * before and after a request that must change nothing */
gchar *
roster_test_fixture_dup_snapshot(RosterTestFixture *fixture);

/* a JSON value from printf-style text, which must parse */
JsonNode *
roster_test_json_printf(const gchar *format, ...) G_GNUC_PRINTF(1, 2);

/* the folder of a new temporary test directory, removed with roster_test_rmtree() */
gchar *
roster_test_make_tmpdir(void);
void
roster_test_rmtree(const gchar *path);

G_END_DECLS
