/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

static const gchar *const caller_names[ROSTER_TEST_CALLER_LAST] = {
    [ROSTER_TEST_CALLER_NONE] = "anonymous",
    [ROSTER_TEST_CALLER_ADMIN] = "admin",
    [ROSTER_TEST_CALLER_COORDINATOR] = "coordinator",
    [ROSTER_TEST_CALLER_MANAGER] = "manager",
    [ROSTER_TEST_CALLER_VOLUNTEER] = "volunteer",
    [ROSTER_TEST_CALLER_OTHER_VOLUNTEER] = "other-volunteer",
};

const gchar *
roster_test_caller_to_string(RosterTestCaller caller)
{
	g_assert_cmpint(caller, <, ROSTER_TEST_CALLER_LAST);
	return caller_names[caller];
}

JsonNode *
roster_test_json_printf(const gchar *format, ...)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	JsonNode *node;
	va_list args;

	va_start(args, format);
	text = g_strdup_vprintf(format, args);
	va_end(args);
	node = json_from_string(text, &error);
	g_assert_no_error(error);
	return node;
}

gchar *
roster_test_make_tmpdir(void)
{
	g_autoptr(GError) error = NULL;
	gchar *path = g_dir_make_tmp("roster-test-XXXXXX", &error);

	g_assert_no_error(error);
	g_assert_nonnull(path);
	return path;
}

void
roster_test_rmtree(const gchar *path)
{
	g_autoptr(GDir) dir = NULL;
	const gchar *name;

	if (path == NULL)
		return;
	dir = g_dir_open(path, 0, NULL);
	if (dir != NULL) {
		while ((name = g_dir_read_name(dir)) != NULL) {
			g_autofree gchar *child = g_build_filename(path, name, NULL);
			if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
			    !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
				roster_test_rmtree(child);
			else
				g_unlink(child);
		}
	}
	g_rmdir(path);
}

static JsonNode *
parse_json(const gchar *text)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(GError) error = NULL;

	json_parser_load_from_data(parser, text, -1, &error);
	g_assert_no_error(error);
	return json_parser_steal_root(parser);
}

/* creates a record through the engine as the local (admin) principal */
static gint64
engine_create(RosterTestFixture *fixture, const gchar *collection, const gchar *json)
{
	g_autoptr(RosterPrincipal) principal = roster_engine_dup_local_principal(fixture->engine);
	g_autoptr(JsonNode) body = parse_json(json);
	g_autoptr(JsonNode) record = NULL;
	g_autoptr(GError) error = NULL;

	record = roster_engine_create(fixture->engine, principal, collection, 0, body, &error);
	g_assert_no_error(error);
	g_assert_nonnull(record);
	return json_object_get_int_member(json_node_get_object(record), ROSTER_KEY_ID);
}

static gchar *
engine_login(RosterTestFixture *fixture, const gchar *username, const gchar *password)
{
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GError) error = NULL;
	gint64 expires_at = 0;
	gchar *token;

	token = roster_engine_login(fixture->engine,
				    username,
				    password,
				    &expires_at,
				    &principal,
				    &error);
	g_assert_no_error(error);
	g_assert_nonnull(token);
	return token;
}

static void
create_accounts(RosterTestFixture *fixture)
{
	g_autofree gchar *new_password = NULL;
	g_autofree gchar *json = NULL;
	g_autoptr(GError) error = NULL;
	const struct {
		RosterTestCaller caller;
		const gchar *username;
		const gchar *role;
	} accounts[] = {
	    {ROSTER_TEST_CALLER_COORDINATOR, ROSTER_TEST_COORDINATOR_USER, "coordinator"},
	    {ROSTER_TEST_CALLER_MANAGER, ROSTER_TEST_MANAGER_USER, "manager"},
	    {ROSTER_TEST_CALLER_VOLUNTEER, ROSTER_TEST_VOLUNTEER_USER, "volunteer"},
	    {ROSTER_TEST_CALLER_OTHER_VOLUNTEER, ROSTER_TEST_OTHER_VOLUNTEER, "volunteer"},
	};

	g_assert_true(roster_engine_ensure_admin(fixture->engine,
						 ROSTER_TEST_ADMIN_USER,
						 ROSTER_TEST_ADMIN_PASSWORD,
						 &new_password,
						 &error));
	g_assert_no_error(error);
	fixture->tokens[ROSTER_TEST_CALLER_ADMIN] =
	    engine_login(fixture, ROSTER_TEST_ADMIN_USER, ROSTER_TEST_ADMIN_PASSWORD);

	fixture->team_id = engine_create(fixture,
					 ROSTER_COLLECTION_TEAMS,
					 "{\"name\":\"Team A\",\"colour\":\"#3366cc\"}");
	json = g_strdup_printf("{\"name\":\"Li Wei\",\"counsellor_no\":\"C-001\","
			       "\"phone\":\"+86 138 0000 0001\",\"email\":\"li.wei@example.org\","
			       "\"tier\":\"counsellor\",\"team_id\":%" G_GINT64_FORMAT "}",
			       fixture->team_id);
	fixture->volunteer_id = engine_create(fixture, ROSTER_COLLECTION_VOLUNTEERS, json);
	fixture->other_volunteer_id =
	    engine_create(fixture,
			  ROSTER_COLLECTION_VOLUNTEERS,
			  "{\"name\":\"Wang Fang\",\"counsellor_no\":\"C-002\","
			  "\"phone\":\"+86 138 0000 0002\",\"email\":\"wang.fang@example.org\","
			  "\"tier\":\"senior\"}");

	for (guint i = 0; i < G_N_ELEMENTS(accounts); i++) {
		g_autofree gchar *account = NULL;
		gint64 volunteer_id = 0;

		if (accounts[i].caller == ROSTER_TEST_CALLER_VOLUNTEER)
			volunteer_id = fixture->volunteer_id;
		else if (accounts[i].caller == ROSTER_TEST_CALLER_OTHER_VOLUNTEER)
			volunteer_id = fixture->other_volunteer_id;
		if (volunteer_id > 0) {
			account = g_strdup_printf(
			    "{\"username\":\"%s\",\"password\":\"%s\","
			    "\"role\":\"%s\",\"volunteer_id\":%" G_GINT64_FORMAT "}",
			    accounts[i].username,
			    ROSTER_TEST_ACCOUNT_PASSWORD,
			    accounts[i].role,
			    volunteer_id);
		} else {
			account = g_strdup_printf(
			    "{\"username\":\"%s\",\"password\":\"%s\",\"role\":\"%s\"}",
			    accounts[i].username,
			    ROSTER_TEST_ACCOUNT_PASSWORD,
			    accounts[i].role);
		}
		engine_create(fixture, ROSTER_COLLECTION_ACCOUNTS, account);
		fixture->tokens[accounts[i].caller] =
		    engine_login(fixture, accounts[i].username, ROSTER_TEST_ACCOUNT_PASSWORD);
	}
}

static gboolean
quit_loop_cb(gpointer user_data)
{
	RosterTestFixture *fixture = user_data;

	g_main_loop_quit(fixture->loop);
	return G_SOURCE_REMOVE;
}

static gpointer
server_thread_cb(gpointer user_data)
{
	RosterTestFixture *fixture = user_data;
	RosterHttpServer *server;
	GError *error = NULL;

	g_main_context_push_thread_default(fixture->context);
	server = roster_http_server_new(fixture->engine, "127.0.0.1", 0, 0, NULL, &error);

	g_mutex_lock(&fixture->mutex);
	fixture->server = server;
	fixture->start_error = error;
	fixture->ready = TRUE;
	g_cond_signal(&fixture->cond);
	g_mutex_unlock(&fixture->mutex);

	if (server != NULL) {
		g_main_loop_run(fixture->loop);
		/* the sockets belong to this context: close them here */
		roster_http_server_stop(server);
		g_object_unref(server);
	}
	while (g_main_context_iteration(fixture->context, FALSE))
		;
	g_main_context_pop_thread_default(fixture->context);
	return NULL;
}

void
roster_test_fixture_setup(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;

	fixture->tmpdir = roster_test_make_tmpdir();
	fixture->database_path = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	fixture->engine = roster_engine_new(fixture->database_path);
	roster_engine_set_fast_password_hashing(fixture->engine, TRUE);
	g_assert_true(roster_engine_open(fixture->engine, &error));
	g_assert_no_error(error);
	create_accounts(fixture);

	/* from here on only the server thread uses the engine */
	g_mutex_init(&fixture->mutex);
	g_cond_init(&fixture->cond);
	fixture->context = g_main_context_new();
	fixture->loop = g_main_loop_new(fixture->context, FALSE);
	fixture->thread = g_thread_new("roster-test-server", server_thread_cb, fixture);
	g_mutex_lock(&fixture->mutex);
	while (!fixture->ready)
		g_cond_wait(&fixture->cond, &fixture->mutex);
	g_mutex_unlock(&fixture->mutex);
	g_assert_no_error(fixture->start_error);
	g_assert_nonnull(fixture->server);
	fixture->root_uri =
	    g_strdup_printf("http://127.0.0.1:%u", roster_http_server_get_port(fixture->server));

	fixture->session =
	    soup_session_new_with_options("timeout", 120, "proxy-resolver", NULL, NULL);
}

void
roster_test_fixture_teardown(RosterTestFixture *fixture, gconstpointer user_data)
{
	if (fixture->session != NULL) {
		soup_session_abort(fixture->session);
		g_clear_object(&fixture->session);
	}
	if (fixture->thread != NULL) {
		g_main_context_invoke(fixture->context, quit_loop_cb, fixture);
		g_thread_join(g_steal_pointer(&fixture->thread));
	}
	g_clear_error(&fixture->start_error);
	g_clear_pointer(&fixture->loop, g_main_loop_unref);
	g_clear_pointer(&fixture->context, g_main_context_unref);
	g_mutex_clear(&fixture->mutex);
	g_cond_clear(&fixture->cond);
	fixture->server = NULL;
	g_clear_object(&fixture->engine);
	for (guint i = 0; i < ROSTER_TEST_CALLER_LAST; i++)
		g_clear_pointer(&fixture->tokens[i], g_free);
	roster_test_rmtree(fixture->tmpdir);
	g_clear_pointer(&fixture->tmpdir, g_free);
	g_clear_pointer(&fixture->database_path, g_free);
	g_clear_pointer(&fixture->root_uri, g_free);
}

const gchar *
roster_test_fixture_get_token(RosterTestFixture *fixture, RosterTestCaller caller)
{
	g_assert_cmpint(caller, <, ROSTER_TEST_CALLER_LAST);
	return fixture->tokens[caller];
}

void
roster_test_response_free(RosterTestResponse *response)
{
	if (response == NULL)
		return;
	g_clear_pointer(&response->headers, soup_message_headers_unref);
	g_clear_pointer(&response->body, g_bytes_unref);
	g_clear_pointer(&response->json, json_node_unref);
	g_free(response);
}

RosterTestResponse *
roster_test_send(SoupSession *session, SoupMessage *msg)
{
	RosterTestResponse *response = g_new0(RosterTestResponse, 1);
	g_autoptr(GError) error = NULL;
	const gchar *content_type;
	gsize length = 0;
	const gchar *data;

	response->body = soup_session_send_and_read(session, msg, NULL, &error);
	g_assert_no_error(error);
	response->status = soup_message_get_status(msg);
	response->headers = soup_message_headers_ref(soup_message_get_response_headers(msg));
	content_type = soup_message_headers_get_content_type(response->headers, NULL);
	data = g_bytes_get_data(response->body, &length);
	if (length > 0 && g_strcmp0(content_type, "application/json") == 0) {
		g_autoptr(JsonParser) parser = json_parser_new_immutable();
		json_parser_load_from_data(parser, data, (gssize)length, &error);
		g_assert_no_error(error);
		response->json = json_parser_steal_root(parser);
	}
	return response;
}

RosterTestResponse *
roster_test_request_bytes(RosterTestFixture *fixture,
			  const gchar *method,
			  const gchar *path,
			  const gchar *token,
			  GBytes *body)
{
	g_autofree gchar *uri = g_strconcat(fixture->root_uri, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new(method, uri);

	g_assert_nonnull(msg);
	if (token != NULL) {
		g_autofree gchar *value = g_strdup_printf("Bearer %s", token);
		soup_message_headers_replace(soup_message_get_request_headers(msg),
					     "Authorization",
					     value);
	}
	if (body != NULL)
		soup_message_set_request_body_from_bytes(msg, "application/json", body);
	return roster_test_send(fixture->session, msg);
}

RosterTestResponse *
roster_test_request(RosterTestFixture *fixture,
		    const gchar *method,
		    const gchar *path,
		    const gchar *token,
		    const gchar *body)
{
	g_autoptr(GBytes) bytes = NULL;

	if (body != NULL)
		bytes = g_bytes_new(body, strlen(body));
	return roster_test_request_bytes(fixture, method, path, token, bytes);
}

RosterTestResponse *
roster_test_request_as(RosterTestFixture *fixture,
		       RosterTestCaller caller,
		       const gchar *method,
		       const gchar *path,
		       const gchar *body)
{
	return roster_test_request(fixture,
				   method,
				   path,
				   roster_test_fixture_get_token(fixture, caller),
				   body);
}

JsonObject *
roster_test_response_get_object(RosterTestResponse *response)
{
	g_assert_nonnull(response->json);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(response->json));
	return json_node_get_object(response->json);
}

gint64
roster_test_response_get_int(RosterTestResponse *response, const gchar *member)
{
	JsonObject *object = roster_test_response_get_object(response);

	g_assert_true(json_object_has_member(object, member));
	return json_object_get_int_member(object, member);
}

const gchar *
roster_test_response_get_string(RosterTestResponse *response, const gchar *member)
{
	JsonObject *object = roster_test_response_get_object(response);

	return json_object_get_string_member_with_default(object, member, NULL);
}

static JsonObject *
get_error_object(RosterTestResponse *response)
{
	JsonObject *object = roster_test_response_get_object(response);
	JsonNode *error = json_object_get_member(object, ROSTER_KEY_ERROR);

	g_assert_nonnull(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(error));
	return json_node_get_object(error);
}

const gchar *
roster_test_response_get_error_code(RosterTestResponse *response)
{
	JsonObject *error = get_error_object(response);

	/* every error carries a message too */
	g_assert_nonnull(
	    json_object_get_string_member_with_default(error, ROSTER_KEY_MESSAGE, NULL));
	return json_object_get_string_member_with_default(error, ROSTER_KEY_CODE, NULL);
}

const gchar *
roster_test_response_get_error_field(RosterTestResponse *response)
{
	return json_object_get_string_member_with_default(get_error_object(response),
							  ROSTER_KEY_FIELD,
							  NULL);
}

const gchar *
roster_test_response_get_header(RosterTestResponse *response, const gchar *name)
{
	return soup_message_headers_get_one(response->headers, name);
}

gint64
roster_test_create(RosterTestFixture *fixture, const gchar *collection_path, const gchar *body)
{
	g_autoptr(RosterTestResponse) response = roster_test_request_as(fixture,
									ROSTER_TEST_CALLER_ADMIN,
									"POST",
									collection_path,
									body);

	if (response->status != SOUP_STATUS_CREATED) {
		g_autofree gchar *text = g_strndup(g_bytes_get_data(response->body, NULL),
						   g_bytes_get_size(response->body));
		g_test_message("POST %s %s -> %u %s",
			       collection_path,
			       body,
			       response->status,
			       text);
	}
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_CREATED);
	return roster_test_response_get_int(response, ROSTER_KEY_ID);
}

static void
append_list(RosterTestFixture *fixture, GString *snapshot, const gchar *path)
{
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_string_append_printf(snapshot, "%s\n", path);
	g_string_append_len(snapshot,
			    g_bytes_get_data(response->body, NULL),
			    (gssize)g_bytes_get_size(response->body));
	g_string_append_c(snapshot, '\n');
}

gchar *
roster_test_fixture_dup_snapshot(RosterTestFixture *fixture)
{
	GString *snapshot = g_string_new(NULL);
	const gchar *paths[] = {
	    "/api/v1/calendars",
	    "/api/v1/seat-classes",
	    "/api/v1/demand-rules",
	    "/api/v1/teams",
	    "/api/v1/volunteers",
	    "/api/v1/accounts",
	    "/api/v1/audit",
	};
	g_autofree gchar *availability = NULL;
	g_autofree gchar *other_availability = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(paths); i++)
		append_list(fixture, snapshot, paths[i]);
	availability = g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT "/availability",
				       fixture->volunteer_id);
	other_availability = g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT "/availability",
					     fixture->other_volunteer_id);
	append_list(fixture, snapshot, availability);
	append_list(fixture, snapshot, other_availability);
	return g_string_free(snapshot, FALSE);
}
