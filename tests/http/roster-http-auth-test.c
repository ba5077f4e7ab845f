/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/*
 * The authorisation matrix: each caller (nobody, each role, a second volunteer)
 * against each route, one test path per cell, asserting the status and that phone
 * and e-mail are absent wherever the caller may not see them. Placeholders in
 * paths and bodies: {VID} the caller-volunteer's record, {OVID} the other
 * volunteer's, {ID} and {REV} a record made for the test in the row's seed
 * collection, {SEAT} a seat class.
 */

typedef struct {
	const gchar *name;
	const gchar *method;
	const gchar *path;
	const gchar *body;
	/* the collection path and body of a record to make first, for {ID} and {REV} */
	const gchar *seed_path;
	const gchar *seed_body;
	/* by caller: nobody, admin, coordinator, manager, volunteer, other volunteer */
	guint expected[ROSTER_TEST_CALLER_LAST];
} MatrixRow;

#define R401 SOUP_STATUS_UNAUTHORIZED
#define R403 SOUP_STATUS_FORBIDDEN

/* admin and coordinator write, manager reads, volunteers neither */
#define STAFF_READ                                                                                 \
	{                                                                                          \
		R401, 200, 200, 200, R403, R403                                                    \
	}
#define STAFF_WRITE(ok)                                                                            \
	{                                                                                          \
		R401, ok, ok, R403, R403, R403                                                     \
	}
#define ADMIN_ONLY(ok)                                                                             \
	{                                                                                          \
		R401, ok, R403, R403, R403, R403                                                   \
	}

#define SEED_SEAT                                                                                  \
	"{\"code\":\"seed\",\"name\":\"Seed\",\"mode\":\"cloud\",\"min_tier\":\"trainee\"}"
#define SEED_RULE                                                                                  \
	"{\"seat_class_id\":{SEAT},\"weekdays\":[6,7],\"start\":\"08:00\",\"end\":\"11:00\","      \
	"\"seats\":1}"
#define SEED_TEAM "{\"name\":\"Seed team\"}"
#define SEED_VOLUNTEER                                                                             \
	"{\"name\":\"Seed Person\",\"counsellor_no\":\"S-001\",\"tier\":\"trainee\","              \
	"\"phone\":\"+86 135 0000 0000\",\"email\":\"seed@example.org\"}"
#define SEED_ACCOUNT                                                                               \
	"{\"username\":\"seed\",\"password\":\"Copper-Kettle-Moss-44\",\"role\":\"manager\"}"
#define SEED_AVAIL "{\"kind\":\"preferred\",\"weekday\":3}"
#define AVAIL_PATH "/api/v1/volunteers/{VID}/availability"
#define PATCH_NAME "{\"revision\":{REV},\"name\":\"Renamed\"}"

static const MatrixRow matrix_rows[] = {
    {"health", "GET", "/api/v1/health", NULL, NULL, NULL, {200, 200, 200, 200, 200, 200}},
    {"me", "GET", "/api/v1/me", NULL, NULL, NULL, {R401, 200, 200, 200, 200, 200}},
    {"logout", "POST", "/api/v1/logout", NULL, NULL, NULL, {R401, 204, 204, 204, 204, 204}},
    {"audit/list", "GET", "/api/v1/audit", NULL, NULL, NULL, {R401, 200, R403, 200, R403, R403}},

    {"calendars/list", "GET", "/api/v1/calendars", NULL, NULL, NULL, STAFF_READ},
    /* one service calendar per hotline: a second is 409, and the one there stays */
    {"calendars/create",
     "POST",
     "/api/v1/calendars",
     "{\"name\":\"New line\",\"line\":\"12355\"}",
     NULL,
     NULL,
     STAFF_WRITE(409)},
    {"calendars/get", "GET", "/api/v1/calendars/1", NULL, NULL, NULL, STAFF_READ},
    {"calendars/update",
     "PATCH",
     "/api/v1/calendars/1",
     "{\"revision\":1,\"name\":\"Renamed line\"}",
     NULL,
     NULL,
     STAFF_WRITE(200)},
    {"calendars/delete", "DELETE", "/api/v1/calendars/1", NULL, NULL, NULL, STAFF_WRITE(409)},

    {"seat-classes/list", "GET", "/api/v1/seat-classes", NULL, NULL, NULL, STAFF_READ},
    {"seat-classes/create",
     "POST",
     "/api/v1/seat-classes",
     "{\"code\":\"legal\",\"name\":\"Legal aid\",\"mode\":\"on-site\",\"min_tier\":\"senior\"}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"seat-classes/get",
     "GET",
     "/api/v1/seat-classes/{ID}",
     NULL,
     "/api/v1/seat-classes",
     SEED_SEAT,
     STAFF_READ},
    {"seat-classes/update",
     "PATCH",
     "/api/v1/seat-classes/{ID}",
     PATCH_NAME,
     "/api/v1/seat-classes",
     SEED_SEAT,
     STAFF_WRITE(200)},
    {"seat-classes/delete",
     "DELETE",
     "/api/v1/seat-classes/{ID}",
     NULL,
     "/api/v1/seat-classes",
     SEED_SEAT,
     STAFF_WRITE(204)},

    {"demand-rules/list", "GET", "/api/v1/demand-rules", NULL, NULL, NULL, STAFF_READ},
    {"demand-rules/create",
     "POST",
     "/api/v1/demand-rules",
     "{\"seat_class_id\":{SEAT},\"weekdays\":[1],\"start\":\"19:00\",\"end\":\"22:00\","
     "\"seats\":2}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"demand-rules/get",
     "GET",
     "/api/v1/demand-rules/{ID}",
     NULL,
     "/api/v1/demand-rules",
     SEED_RULE,
     STAFF_READ},
    {"demand-rules/update",
     "PATCH",
     "/api/v1/demand-rules/{ID}",
     "{\"revision\":{REV},\"seats\":4}",
     "/api/v1/demand-rules",
     SEED_RULE,
     STAFF_WRITE(200)},
    {"demand-rules/delete",
     "DELETE",
     "/api/v1/demand-rules/{ID}",
     NULL,
     "/api/v1/demand-rules",
     SEED_RULE,
     STAFF_WRITE(204)},

    {"teams/list", "GET", "/api/v1/teams", NULL, NULL, NULL, STAFF_READ},
    {"teams/create",
     "POST",
     "/api/v1/teams",
     "{\"name\":\"Team C\"}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"teams/get", "GET", "/api/v1/teams/{ID}", NULL, "/api/v1/teams", SEED_TEAM, STAFF_READ},
    {"teams/update",
     "PATCH",
     "/api/v1/teams/{ID}",
     PATCH_NAME,
     "/api/v1/teams",
     SEED_TEAM,
     STAFF_WRITE(200)},
    {"teams/delete",
     "DELETE",
     "/api/v1/teams/{ID}",
     NULL,
     "/api/v1/teams",
     SEED_TEAM,
     STAFF_WRITE(204)},

    /* a volunteer lists only itself */
    {"volunteers/list",
     "GET",
     "/api/v1/volunteers",
     NULL,
     NULL,
     NULL,
     {R401, 200, 200, 200, 200, 200}},
    {"volunteers/create",
     "POST",
     "/api/v1/volunteers",
     "{\"name\":\"Sun Li\",\"counsellor_no\":\"C-300\",\"tier\":\"trainee\"}",
     NULL,
     NULL,
     STAFF_WRITE(201)},
    {"volunteers/get-own",
     "GET",
     "/api/v1/volunteers/{VID}",
     NULL,
     NULL,
     NULL,
     {R401, 200, 200, 200, 200, R403}},
    {"volunteers/get-other",
     "GET",
     "/api/v1/volunteers/{OVID}",
     NULL,
     NULL,
     NULL,
     {R401, 200, 200, 200, R403, 200}},
    {"volunteers/update-own",
     "PATCH",
     "/api/v1/volunteers/{VID}",
     "{\"revision\":{VREV},\"phone\":\"+86 137 0000 0009\"}",
     NULL,
     NULL,
     {R401, 200, 200, R403, 200, R403}},
    {"volunteers/delete",
     "DELETE",
     "/api/v1/volunteers/{ID}",
     NULL,
     "/api/v1/volunteers",
     SEED_VOLUNTEER,
     STAFF_WRITE(204)},

    {"accounts/list", "GET", "/api/v1/accounts", NULL, NULL, NULL, ADMIN_ONLY(200)},
    {"accounts/create",
     "POST",
     "/api/v1/accounts",
     "{\"username\":\"newcomer\",\"password\":\"Copper-Kettle-Moss-44\",\"role\":\"coordinator\"}",
     NULL,
     NULL,
     ADMIN_ONLY(201)},
    {"accounts/get",
     "GET",
     "/api/v1/accounts/{ID}",
     NULL,
     "/api/v1/accounts",
     SEED_ACCOUNT,
     ADMIN_ONLY(200)},
    {"accounts/update",
     "PATCH",
     "/api/v1/accounts/{ID}",
     "{\"revision\":{REV},\"active\":false}",
     "/api/v1/accounts",
     SEED_ACCOUNT,
     ADMIN_ONLY(200)},
    {"accounts/delete",
     "DELETE",
     "/api/v1/accounts/{ID}",
     NULL,
     "/api/v1/accounts",
     SEED_ACCOUNT,
     ADMIN_ONLY(204)},

    /* a volunteer manages its own availability only */
    {"availability/list", "GET", AVAIL_PATH, NULL, NULL, NULL, {R401, 200, 200, 200, 200, R403}},
    {"availability/create",
     "POST",
     AVAIL_PATH,
     "{\"kind\":\"unavailable\",\"date\":\"2026-12-24\"}",
     NULL,
     NULL,
     {R401, 201, 201, R403, 201, R403}},
    {"availability/get",
     "GET",
     AVAIL_PATH "/{ID}",
     NULL,
     AVAIL_PATH,
     SEED_AVAIL,
     {R401, 200, 200, 200, 200, R403}},
    {"availability/update",
     "PATCH",
     AVAIL_PATH "/{ID}",
     "{\"revision\":{REV},\"kind\":\"avoid\"}",
     AVAIL_PATH,
     SEED_AVAIL,
     {R401, 200, 200, R403, 200, R403}},
    {"availability/delete",
     "DELETE",
     AVAIL_PATH "/{ID}",
     NULL,
     AVAIL_PATH,
     SEED_AVAIL,
     {R401, 204, 204, R403, 204, R403}},
};

typedef struct {
	const MatrixRow *row;
	RosterTestCaller caller;
} MatrixCase;

static MatrixCase matrix_cases[G_N_ELEMENTS(matrix_rows) * ROSTER_TEST_CALLER_LAST];

static void
replace_int(GString *text, const gchar *placeholder, gint64 value)
{
	g_autofree gchar *number = g_strdup_printf("%" G_GINT64_FORMAT, value);
	g_string_replace(text, placeholder, number, 0);
}

static gint64
get_revision(RosterTestFixture *fixture, const gchar *path)
{
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);

	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	return roster_test_response_get_int(response, ROSTER_KEY_REVISION);
}

/* fills the placeholders, making the records they name */
static gchar *
expand(RosterTestFixture *fixture, const gchar *template, gint64 id, gint64 revision)
{
	GString *text;

	if (template == NULL)
		return NULL;
	text = g_string_new(template);
	replace_int(text, "{OVID}", fixture->other_volunteer_id);
	replace_int(text, "{VID}", fixture->volunteer_id);
	if (strstr(text->str, "{VREV}") != NULL) {
		g_autofree gchar *path =
		    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT, fixture->volunteer_id);
		replace_int(text, "{VREV}", get_revision(fixture, path));
	}
	if (strstr(text->str, "{SEAT}") != NULL) {
		gint64 seat =
		    roster_test_create(fixture,
				       "/api/v1/seat-classes",
				       "{\"code\":\"seat-for-rule\",\"name\":\"Rule seat\","
				       "\"mode\":\"on-site\",\"min_tier\":\"counsellor\"}");
		replace_int(text, "{SEAT}", seat);
	}
	replace_int(text, "{ID}", id);
	replace_int(text, "{REV}", revision);
	return g_string_free(text, FALSE);
}

/* phone and e-mail must be present exactly when the caller may see them */
static void
check_personal(RosterTestFixture *fixture, RosterTestCaller caller, JsonObject *record)
{
	gint64 id = json_object_get_int_member(record, ROSTER_KEY_ID);
	gboolean trusted =
	    caller == ROSTER_TEST_CALLER_ADMIN || caller == ROSTER_TEST_CALLER_COORDINATOR ||
	    (caller == ROSTER_TEST_CALLER_VOLUNTEER && id == fixture->volunteer_id) ||
	    (caller == ROSTER_TEST_CALLER_OTHER_VOLUNTEER && id == fixture->other_volunteer_id);

	g_assert_cmpint(json_object_has_member(record, ROSTER_KEY_PHONE), ==, trusted);
	g_assert_cmpint(json_object_has_member(record, ROSTER_KEY_EMAIL), ==, trusted);
}

static void
check_volunteers(RosterTestFixture *fixture, RosterTestCaller caller, RosterTestResponse *response)
{
	JsonObject *object = roster_test_response_get_object(response);
	JsonArray *items;

	if (!json_object_has_member(object, ROSTER_KEY_ITEMS)) {
		check_personal(fixture, caller, object);
		return;
	}
	items = json_object_get_array_member(object, ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		check_personal(fixture, caller, item);
		/* a volunteer sees no one else */
		if (caller == ROSTER_TEST_CALLER_VOLUNTEER)
			g_assert_cmpint(json_object_get_int_member(item, ROSTER_KEY_ID),
					==,
					fixture->volunteer_id);
	}
	if (caller == ROSTER_TEST_CALLER_VOLUNTEER)
		g_assert_cmpuint(json_array_get_length(items), ==, 1);
}

static void
test_matrix(RosterTestFixture *fixture, gconstpointer user_data)
{
	const MatrixCase *test_case = user_data;
	const MatrixRow *row = test_case->row;
	guint expected = row->expected[test_case->caller];
	g_autoptr(RosterTestResponse) response = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;
	gint64 id = 0;
	gint64 revision = 0;

	if (row->seed_path != NULL) {
		g_autofree gchar *seed_path = expand(fixture, row->seed_path, 0, 0);
		g_autofree gchar *seed_body = expand(fixture, row->seed_body, 0, 0);
		g_autoptr(RosterTestResponse) seed =
		    roster_test_request_as(fixture,
					   ROSTER_TEST_CALLER_ADMIN,
					   "POST",
					   seed_path,
					   seed_body);
		g_assert_cmpuint(seed->status, ==, SOUP_STATUS_CREATED);
		id = roster_test_response_get_int(seed, ROSTER_KEY_ID);
		revision = roster_test_response_get_int(seed, ROSTER_KEY_REVISION);
	}
	path = expand(fixture, row->path, id, revision);
	body = expand(fixture, row->body, id, revision);
	response = roster_test_request_as(fixture, test_case->caller, row->method, path, body);
	if (response->status != expected) {
		g_autofree gchar *text = g_strndup(g_bytes_get_data(response->body, NULL),
						   g_bytes_get_size(response->body));
		g_test_message("%s %s as %s: %s",
			       row->method,
			       path,
			       roster_test_caller_to_string(test_case->caller),
			       text);
	}
	g_assert_cmpuint(response->status, ==, expected);

	if (expected == R401) {
		g_assert_cmpstr(roster_test_response_get_error_code(response), ==, "auth-failed");
		g_assert_nonnull(roster_test_response_get_header(response, "WWW-Authenticate"));
	} else if (expected == R403) {
		g_assert_cmpstr(roster_test_response_get_error_code(response),
				==,
				"permission-denied");
	}
	if (expected == SOUP_STATUS_OK && g_str_has_prefix(path, "/api/v1/volunteers") &&
	    strstr(path, "availability") == NULL)
		check_volunteers(fixture, test_case->caller, response);
}

/* the tests of logins, lock-outs, password strength and token revocation */

#define STRONG_PASSWORD "Lantern-Orchard-Ferry-57"

typedef struct {
	RosterEngine *engine;
	gboolean fast_hashing;
	guint delay_base;
	GMutex mutex;
	GCond cond;
	gboolean done;
} EngineSettings;

static gboolean
apply_settings_cb(gpointer user_data)
{
	EngineSettings *settings = user_data;

	roster_engine_set_fast_password_hashing(settings->engine, settings->fast_hashing);
	if (settings->delay_base > 0)
		g_object_set(settings->engine, "login-delay-base", settings->delay_base, NULL);
	g_mutex_lock(&settings->mutex);
	settings->done = TRUE;
	g_cond_signal(&settings->cond);
	g_mutex_unlock(&settings->mutex);
	return G_SOURCE_REMOVE;
}

/* only the server thread uses the engine: change it there and wait */
static void
set_engine(RosterTestFixture *fixture, gboolean fast_hashing, guint delay_base)
{
	EngineSettings settings = {fixture->engine, fast_hashing, delay_base};

	g_mutex_init(&settings.mutex);
	g_cond_init(&settings.cond);
	g_main_context_invoke(fixture->context, apply_settings_cb, &settings);
	g_mutex_lock(&settings.mutex);
	while (!settings.done)
		g_cond_wait(&settings.cond, &settings.mutex);
	g_mutex_unlock(&settings.mutex);
	g_mutex_clear(&settings.mutex);
	g_cond_clear(&settings.cond);
}

static RosterTestResponse *
login(RosterTestFixture *fixture, const gchar *username, const gchar *password)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"username\":\"%s\",\"password\":\"%s\"}", username, password);
	return roster_test_request(fixture, "POST", "/api/v1/login", NULL, body);
}

static void
assert_login_status(RosterTestFixture *fixture,
		    const gchar *username,
		    const gchar *password,
		    guint status)
{
	g_autoptr(RosterTestResponse) response = login(fixture, username, password);
	g_assert_cmpuint(response->status, ==, status);
}

typedef struct {
	guint n_logins_done;
	guint n_logins_at_health;
	gboolean health_done;
	guint health_status;
	guint n_unauthorized;
} ParallelState;

static void
parallel_login_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	ParallelState *state = user_data;
	g_autoptr(GBytes) body = NULL;
	g_autoptr(GError) error = NULL;
	SoupMessage *msg = soup_session_get_async_result_message(SOUP_SESSION(source), result);

	body = soup_session_send_and_read_finish(SOUP_SESSION(source), result, &error);
	g_assert_no_error(error);
	if (soup_message_get_status(msg) == SOUP_STATUS_UNAUTHORIZED)
		state->n_unauthorized++;
	state->n_logins_done++;
}

static void
parallel_health_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	ParallelState *state = user_data;
	g_autoptr(GBytes) body = NULL;
	g_autoptr(GError) error = NULL;
	SoupMessage *msg = soup_session_get_async_result_message(SOUP_SESSION(source), result);

	body = soup_session_send_and_read_finish(SOUP_SESSION(source), result, &error);
	g_assert_no_error(error);
	state->health_status = soup_message_get_status(msg);
	state->n_logins_at_health = state->n_logins_done;
	state->health_done = TRUE;
}

/* while 8 logins with wrong passwords (at the real Argon2id cost) are in flight, the
 * health check is answered before any of them: the hashing is off the main loop */
static void
test_login_off_main_thread(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GMainContext) context = g_main_context_new();
	g_autoptr(SoupSession) session = NULL;
	g_autofree gchar *login_uri = g_strconcat(fixture->root_uri, "/api/v1/login", NULL);
	g_autofree gchar *health_uri = g_strconcat(fixture->root_uri, "/api/v1/health", NULL);
	g_autoptr(SoupMessage) health = NULL;
	ParallelState state = {0};
	const guint n_logins = 8;

	set_engine(fixture, FALSE, 0);
	g_main_context_push_thread_default(context);
	session = soup_session_new_with_options("max-conns",
						32,
						"max-conns-per-host",
						32,
						"timeout",
						120,
						"proxy-resolver",
						NULL,
						NULL);
	for (guint i = 0; i < n_logins; i++) {
		g_autoptr(SoupMessage) msg = soup_message_new("POST", login_uri);
		g_autofree gchar *body =
		    g_strdup_printf("{\"username\":\"ghost-%u\",\"password\":\"wrong-guess-%u\"}",
				    i,
				    i);
		g_autoptr(GBytes) bytes = g_bytes_new(body, strlen(body));

		soup_message_set_request_body_from_bytes(msg, "application/json", bytes);
		soup_session_send_and_read_async(session,
						 msg,
						 G_PRIORITY_DEFAULT,
						 NULL,
						 parallel_login_done_cb,
						 &state);
	}
	health = soup_message_new("GET", health_uri);
	soup_session_send_and_read_async(session,
					 health,
					 G_PRIORITY_DEFAULT,
					 NULL,
					 parallel_health_done_cb,
					 &state);
	while (!state.health_done || state.n_logins_done < n_logins)
		g_main_context_iteration(context, TRUE);
	g_main_context_pop_thread_default(context);

	g_assert_cmpuint(state.health_status, ==, SOUP_STATUS_OK);
	g_assert_cmpuint(state.n_logins_at_health, ==, 0);
	g_assert_cmpuint(state.n_unauthorized, ==, n_logins);
}

/* 5 wrong passwords in a row lock the account: the 6th attempt, and even the right
 * password, get 429 with Retry-After; after the delay the right password works */
static void
test_login_lockout(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) locked = NULL;
	g_autoptr(RosterTestResponse) right = NULL;

	set_engine(fixture, TRUE, 400);
	for (guint i = 0; i < 5; i++)
		assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, "wrong-guess", 401);
	locked = login(fixture, ROSTER_TEST_MANAGER_USER, "wrong-guess");
	g_assert_cmpuint(locked->status, ==, 429);
	g_assert_cmpstr(roster_test_response_get_error_code(locked), ==, "too-many-requests");
	g_assert_cmpstr(roster_test_response_get_header(locked, "Retry-After"), ==, "1");
	right = login(fixture, ROSTER_TEST_MANAGER_USER, ROSTER_TEST_ACCOUNT_PASSWORD);
	g_assert_cmpuint(right->status, ==, 429);
	g_assert_nonnull(roster_test_response_get_header(right, "Retry-After"));
	/* another account is not locked */
	assert_login_status(fixture,
			    ROSTER_TEST_COORDINATOR_USER,
			    ROSTER_TEST_ACCOUNT_PASSWORD,
			    200);

	g_usleep(500 * 1000);
	assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, ROSTER_TEST_ACCOUNT_PASSWORD, 200);
	/* the success reset the count: a wrong password is a plain 401 again */
	assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, "wrong-guess", 401);
}

/* the delay doubles with each failure past the threshold */
static void
test_login_lockout_grows(RosterTestFixture *fixture, gconstpointer user_data)
{
	set_engine(fixture, TRUE, 300);
	for (guint i = 0; i < 5; i++)
		assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, "wrong-guess", 401);
	g_usleep(350 * 1000);
	/* the 6th failure locks for 600 ms: 350 ms later it is still locked */
	assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, "wrong-guess", 401);
	g_usleep(350 * 1000);
	assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, ROSTER_TEST_ACCOUNT_PASSWORD, 429);
	g_usleep(350 * 1000);
	assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, ROSTER_TEST_ACCOUNT_PASSWORD, 200);
}

/* one address guessing across many account names is locked too, for every account */
static void
test_login_lockout_address(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) locked = NULL;

	for (guint i = 0; i < 20; i++) {
		g_autofree gchar *username = g_strdup_printf("guess-%u", i);
		assert_login_status(fixture, username, "wrong-guess", 401);
	}
	locked = login(fixture, "guess-20", "wrong-guess");
	g_assert_cmpuint(locked->status, ==, 429);
	g_assert_cmpstr(roster_test_response_get_error_code(locked), ==, "too-many-requests");
	g_assert_nonnull(roster_test_response_get_header(locked, "Retry-After"));
	assert_login_status(fixture, ROSTER_TEST_ADMIN_USER, ROSTER_TEST_ADMIN_PASSWORD, 429);
}

static JsonObject *
find_audit(JsonArray *items, const gchar *action, const gchar *actor)
{
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *entry = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(entry, ROSTER_KEY_ACTOR), actor) == 0 &&
		    g_strcmp0(json_object_get_string_member(entry, "action"), action) == 0)
			return entry;
	}
	return NULL;
}

/* every failed login and each lock-out is in the audit log, without the password */
static void
test_login_failures_audited(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) me = NULL;
	g_autoptr(RosterTestResponse) audit = NULL;
	g_autofree gchar *text = NULL;
	JsonArray *items;
	JsonObject *entry;
	JsonObject *after;

	me = roster_test_request_as(fixture, ROSTER_TEST_CALLER_MANAGER, "GET", "/api/v1/me", NULL);
	for (guint i = 0; i < 5; i++)
		assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, "Secret-Wrong-Guess", 401);
	assert_login_status(fixture, "ghost", "Secret-Wrong-Guess", 401);
	audit = roster_test_request_as(fixture,
				       ROSTER_TEST_CALLER_ADMIN,
				       "GET",
				       "/api/v1/audit?limit=500",
				       NULL);
	g_assert_cmpuint(audit->status, ==, 200);
	text = g_strndup(g_bytes_get_data(audit->body, NULL), g_bytes_get_size(audit->body));
	g_assert_null(strstr(text, "Secret-Wrong-Guess"));
	items = json_object_get_array_member(roster_test_response_get_object(audit), "items");

	entry = find_audit(items, "login-failed", ROSTER_TEST_MANAGER_USER);
	g_assert_nonnull(entry);
	g_assert_cmpstr(json_object_get_string_member(entry, ROSTER_KEY_COLLECTION),
			==,
			"accounts");
	g_assert_cmpint(json_object_get_int_member(entry, "record_id"),
			==,
			roster_test_response_get_int(me, ROSTER_KEY_ACCOUNT_ID));
	after = json_object_get_object_member(entry, "after");
	g_assert_cmpstr(json_object_get_string_member(after, "address"), ==, "127.0.0.1");
	g_assert_cmpstr(json_object_get_string_member(after, "reason"), ==, "wrong-password");

	entry = find_audit(items, "login-failed", "ghost");
	g_assert_nonnull(entry);
	g_assert_cmpint(json_object_get_int_member(entry, "record_id"), ==, 0);
	after = json_object_get_object_member(entry, "after");
	g_assert_cmpstr(json_object_get_string_member(after, "reason"), ==, "unknown-user");

	entry = find_audit(items, "login-locked", ROSTER_TEST_MANAGER_USER);
	g_assert_nonnull(entry);
	after = json_object_get_object_member(entry, "after");
	g_assert_cmpstr(json_object_get_string_member(after, "scope"), ==, "account");
	g_assert_cmpint(json_object_get_int_member(after, "locked_seconds"), ==, 1);
}

/* a new password ends every session of the account: its old tokens get 401 */
static void
test_password_change_revokes_tokens(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) me = NULL;
	g_autoptr(RosterTestResponse) account = NULL;
	g_autoptr(RosterTestResponse) patched = NULL;
	g_autoptr(RosterTestResponse) second = NULL;
	g_autoptr(RosterTestResponse) after = NULL;
	g_autoptr(RosterTestResponse) after_second = NULL;
	g_autoptr(RosterTestResponse) admin_me = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;
	const gchar *old_token = roster_test_fixture_get_token(fixture, ROSTER_TEST_CALLER_MANAGER);

	me = roster_test_request(fixture, "GET", "/api/v1/me", old_token, NULL);
	g_assert_cmpuint(me->status, ==, 200);
	second = login(fixture, ROSTER_TEST_MANAGER_USER, ROSTER_TEST_ACCOUNT_PASSWORD);
	g_assert_cmpuint(second->status, ==, 200);
	path = g_strdup_printf("/api/v1/accounts/%" G_GINT64_FORMAT,
			       roster_test_response_get_int(me, ROSTER_KEY_ACCOUNT_ID));
	account = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"password\":\"%s\"}",
			       roster_test_response_get_int(account, ROSTER_KEY_REVISION),
			       STRONG_PASSWORD);
	patched = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);
	g_assert_cmpuint(patched->status, ==, 200);

	after = roster_test_request(fixture, "GET", "/api/v1/me", old_token, NULL);
	g_assert_cmpuint(after->status, ==, 401);
	after_second =
	    roster_test_request(fixture,
				"GET",
				"/api/v1/me",
				roster_test_response_get_string(second, ROSTER_KEY_TOKEN),
				NULL);
	g_assert_cmpuint(after_second->status, ==, 401);
	/* other accounts keep their sessions */
	admin_me =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", "/api/v1/me", NULL);
	g_assert_cmpuint(admin_me->status, ==, 200);
	assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, ROSTER_TEST_ACCOUNT_PASSWORD, 401);
	assert_login_status(fixture, ROSTER_TEST_MANAGER_USER, STRONG_PASSWORD, 200);
}

/* a change that leaves the password alone keeps the sessions */
static void
test_other_change_keeps_tokens(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) me = NULL;
	g_autoptr(RosterTestResponse) account = NULL;
	g_autoptr(RosterTestResponse) patched = NULL;
	g_autoptr(RosterTestResponse) after = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;

	me = roster_test_request_as(fixture, ROSTER_TEST_CALLER_MANAGER, "GET", "/api/v1/me", NULL);
	path = g_strdup_printf("/api/v1/accounts/%" G_GINT64_FORMAT,
			       roster_test_response_get_int(me, ROSTER_KEY_ACCOUNT_ID));
	account = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"role\":\"coordinator\"}",
			       roster_test_response_get_int(account, ROSTER_KEY_REVISION));
	patched = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);
	g_assert_cmpuint(patched->status, ==, 200);
	after =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_MANAGER, "GET", "/api/v1/me", NULL);
	g_assert_cmpuint(after->status, ==, 200);
}

typedef struct {
	const gchar *name;
	const gchar *password;
	const gchar *message;
} WeakPassword;

static const WeakPassword weak_passwords[] = {
    {"digits", "12345678", "at least 10 characters"},
    {"password", "password", "at least 10 characters"},
    {"dictionary", "password123", "dictionary word"},
    {"systematic", "abcdefghijk", "dictionary word"},
    {"user-name", "manager-newcomer-77", "user name"},
};

/* weak passwords are refused with 422 on field password, on create and on change */
static void
test_weak_password(RosterTestFixture *fixture, gconstpointer user_data)
{
	const WeakPassword *weak = user_data;
	g_autoptr(RosterTestResponse) created = NULL;
	g_autoptr(RosterTestResponse) changed = NULL;
	g_autoptr(RosterTestResponse) me = NULL;
	g_autoptr(RosterTestResponse) account = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *patch = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;

	before = roster_test_fixture_dup_snapshot(fixture);
	body = g_strdup_printf(
	    "{\"username\":\"newcomer\",\"password\":\"%s\",\"role\":\"coordinator\"}",
	    weak->password);
	created = roster_test_request_as(fixture,
					 ROSTER_TEST_CALLER_ADMIN,
					 "POST",
					 "/api/v1/accounts",
					 body);
	g_assert_cmpuint(created->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_code(created), ==, "invalid-data");
	g_assert_cmpstr(roster_test_response_get_error_field(created), ==, "password");
	g_assert_nonnull(strstr(
	    json_object_get_string_member(
		json_object_get_object_member(roster_test_response_get_object(created), "error"),
		"message"),
	    weak->message));

	me = roster_test_request_as(fixture, ROSTER_TEST_CALLER_MANAGER, "GET", "/api/v1/me", NULL);
	path = g_strdup_printf("/api/v1/accounts/%" G_GINT64_FORMAT,
			       roster_test_response_get_int(me, ROSTER_KEY_ACCOUNT_ID));
	account = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	patch = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"password\":\"%s\"}",
				roster_test_response_get_int(account, ROSTER_KEY_REVISION),
				weak->password);
	changed = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, patch);
	g_assert_cmpuint(changed->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_field(changed), ==, "password");
	after = roster_test_fixture_dup_snapshot(fixture);
	g_assert_cmpstr(after, ==, before);
}

/* a strong password is accepted and logs in */
static void
test_strong_password(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) created = NULL;

	created =
	    roster_test_request_as(fixture,
				   ROSTER_TEST_CALLER_ADMIN,
				   "POST",
				   "/api/v1/accounts",
				   "{\"username\":\"newcomer\",\"password\":\"" STRONG_PASSWORD
				   "\",\"role\":\"coordinator\"}");
	g_assert_cmpuint(created->status, ==, 201);
	assert_login_status(fixture, "newcomer", STRONG_PASSWORD, 200);
}

static void
add_test(const gchar *path, gconstpointer data, void (*func)(RosterTestFixture *, gconstpointer))
{
	g_test_add(path,
		   RosterTestFixture,
		   data,
		   roster_test_fixture_setup,
		   func,
		   roster_test_fixture_teardown);
}

static void
add_login_tests(void)
{
	add_test("/roster/http/auth/login/off-main-thread", NULL, test_login_off_main_thread);
	add_test("/roster/http/auth/login/lockout", NULL, test_login_lockout);
	add_test("/roster/http/auth/login/lockout-grows", NULL, test_login_lockout_grows);
	add_test("/roster/http/auth/login/lockout-address", NULL, test_login_lockout_address);
	add_test("/roster/http/auth/login/failures-audited", NULL, test_login_failures_audited);
	add_test("/roster/http/auth/password/change-revokes-tokens",
		 NULL,
		 test_password_change_revokes_tokens);
	add_test("/roster/http/auth/password/other-change-keeps-tokens",
		 NULL,
		 test_other_change_keeps_tokens);
	add_test("/roster/http/auth/password/strong", NULL, test_strong_password);
	for (guint i = 0; i < G_N_ELEMENTS(weak_passwords); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/http/auth/password/weak/%s", weak_passwords[i].name);
		add_test(path, &weak_passwords[i], test_weak_password);
	}
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	add_login_tests();

	for (guint i = 0; i < G_N_ELEMENTS(matrix_rows); i++) {
		for (guint caller = 0; caller < ROSTER_TEST_CALLER_LAST; caller++) {
			MatrixCase *test_case = &matrix_cases[i * ROSTER_TEST_CALLER_LAST + caller];
			g_autofree gchar *path =
			    g_strdup_printf("/roster/http/auth/%s/%s",
					    matrix_rows[i].name,
					    roster_test_caller_to_string(caller));
			test_case->row = &matrix_rows[i];
			test_case->caller = (RosterTestCaller)caller;
			g_test_add(path,
				   RosterTestFixture,
				   test_case,
				   roster_test_fixture_setup,
				   test_matrix,
				   roster_test_fixture_teardown);
		}
	}
	return g_test_run();
}
