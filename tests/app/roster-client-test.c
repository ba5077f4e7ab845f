/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "roster-app-config.h"
#include "roster-client.h"
#include "roster-date.h"
#include "roster-error.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"
#include "roster-token-store.h"
#include "roster-volunteer-import.h"

/*
 * The app's API client and list models against the real RosterHttpServer on
 * loopback (tests/common's fixture runs it in its own thread, so this thread's
 * default main context drives the asynchronous calls).
 */

static GAsyncResult *
wait_for_result(GAsyncResult **result)
{
	while (*result == NULL)
		g_main_context_iteration(NULL, TRUE);
	return *result;
}

static void
store_result_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	GAsyncResult **out = user_data;
	*out = g_object_ref(result);
}

static RosterClient *
new_client(RosterTestFixture *fixture)
{
	g_autofree gchar *base = g_strconcat(fixture->root_uri, "/api/v1", NULL);
	return roster_client_new(base);
}

static gboolean
login(RosterClient *client, const gchar *username, const gchar *password, GError **error)
{
	g_autoptr(GAsyncResult) result = NULL;

	roster_client_login_async(client, username, password, NULL, store_result_cb, &result);
	return roster_client_login_finish(client, wait_for_result(&result), error);
}

static JsonNode *
call(RosterClient *client,
     const gchar *method,
     const gchar *path,
     const gchar *body,
     gchar **field,
     GError **error)
{
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(JsonNode) node = NULL;

	if (body != NULL) {
		node = json_from_string(body, NULL);
		g_assert_nonnull(node);
	}
	roster_client_call_async(client, method, path, node, NULL, store_result_cb, &result);
	return roster_client_call_finish(client, wait_for_result(&result), field, error);
}

static void
test_base_url(void)
{
	g_autoptr(RosterClient) client = roster_client_new("http://127.0.0.1:8355/");

	g_assert_cmpstr(roster_client_get_base_url(client), ==, "http://127.0.0.1:8355/api/v1");
	roster_client_set_base_url(client, "http://example.test/api/v1");
	g_assert_cmpstr(roster_client_get_base_url(client), ==, "http://example.test/api/v1");
	g_assert_false(roster_client_get_logged_in(client));
}

static void
test_build_query(void)
{
	g_autofree gchar *path = roster_client_build_query("/volunteers",
							   ROSTER_PARAM_Q,
							   "王 小",
							   ROSTER_PARAM_TIER,
							   NULL,
							   ROSTER_PARAM_ACTIVE,
							   "",
							   ROSTER_PARAM_LIMIT,
							   "500",
							   NULL);
	g_autofree gchar *bare = roster_client_build_query("/teams", ROSTER_PARAM_Q, NULL, NULL);

	g_assert_cmpstr(path, ==, "/volunteers?q=%E7%8E%8B%20%E5%B0%8F&limit=500");
	g_assert_cmpstr(bare, ==, "/teams");
}

static void
test_error_messages(void)
{
	g_autofree gchar *invalid = roster_client_dup_error_message("invalid-data", "name");
	g_autofree gchar *unknown = roster_client_dup_error_message("no-such-code", NULL);
	g_autofree gchar *conflict = roster_client_dup_error_message("conflict", NULL);
	g_autofree gchar *solves = roster_client_dup_error_message("too-many-requests", "rosters");
	g_autofree gchar *logins = roster_client_dup_error_message("too-many-requests", NULL);
	g_autofree gchar *overrides = roster_client_dup_error_message("invalid-data", "overrides");
	g_autofree gchar *not_started =
	    roster_client_dup_error_message("invalid-data", "shift-not-started");

	/* the tests run in C.UTF-8, so these are the English messages */
	g_assert_cmpstr(solves,
			==,
			"As many solves as the server allows are running; try again when one has "
			"ended");
	g_assert_cmpstr(logins, ==, "Too many failed attempts; wait a moment and try again");
	g_assert_cmpstr(invalid, ==, "The value of “Name” is not valid");
	/* the calendar form's rows have words too */
	g_assert_cmpstr(overrides, ==, "The value of “Dated Overrides” is not valid");
	/* attendance for a shift that has not started says so, not "not valid" */
	g_assert_cmpstr(not_started,
			==,
			"This shift has not started yet; record its attendance once it has");
	g_assert_cmpstr(unknown, ==, "The server met an internal error");
	g_assert_cmpstr(conflict, ==, "Someone else changed this record; reload and try again");
}

static void
test_login(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) me = NULL;

	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	g_assert_no_error(error);
	g_assert_true(roster_client_get_logged_in(client));
	g_assert_cmpstr(roster_client_get_role(client), ==, "coordinator");
	g_assert_cmpstr(roster_client_get_username(client), ==, ROSTER_TEST_COORDINATOR_USER);

	/* the token is sent with the following calls */
	me = call(client, "GET", "/me", NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(me));
	g_assert_cmpstr(
	    json_object_get_string_member(json_node_get_object(me), ROSTER_KEY_USERNAME),
	    ==,
	    ROSTER_TEST_COORDINATOR_USER);
}

static void
test_resume(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) first = new_client(fixture);
	g_autoptr(RosterClient) again = new_client(fixture);
	g_autoptr(RosterClient) stale = new_client(fixture);
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;

	/* the token of one login, as the keyring would keep it, serves a new client */
	g_assert_true(
	    login(first, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	roster_client_resume_async(again,
				   roster_client_get_token(first),
				   NULL,
				   store_result_cb,
				   &result);
	g_assert_true(roster_client_resume_finish(again, wait_for_result(&result), &error));
	g_assert_no_error(error);
	g_assert_true(roster_client_get_logged_in(again));
	g_assert_cmpstr(roster_client_get_username(again), ==, ROSTER_TEST_COORDINATOR_USER);
	g_assert_cmpstr(roster_client_get_role(again), ==, "coordinator");

	/* a token the daemon does not know leaves the client logged out */
	g_clear_object(&result);
	roster_client_resume_async(stale,
				   "0123456789abcdef0123456789abcdef",
				   NULL,
				   store_result_cb,
				   &result);
	g_assert_false(roster_client_resume_finish(stale, wait_for_result(&result), &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_false(roster_client_get_logged_in(stale));
	g_assert_cmpint(roster_token_store_is_available(), ==, HAVE_LIBSECRET);
}

static void
test_login_wrong_password(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;

	g_assert_false(login(client, ROSTER_TEST_ADMIN_USER, "wrong", &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_cmpstr(error->message,
			==,
			"Wrong user name or password, or the session has expired");
	g_assert_false(roster_client_get_logged_in(client));
	g_clear_error(&error);

	/* without a token every route but health and login is refused */
	node = call(client, "GET", "/volunteers", NULL, NULL, &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
}

static void
test_invalid_field(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *field = NULL;

	g_assert_true(login(client, ROSTER_TEST_ADMIN_USER, ROSTER_TEST_ADMIN_PASSWORD, &error));
	node = call(client,
		    "POST",
		    "/volunteers",
		    "{\"name\":\"Chen Jie\",\"counsellor_no\":\"C-900\",\"tier\":\"grandmaster\"}",
		    &field,
		    &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpstr(field, ==, ROSTER_KEY_TIER);
	g_assert_cmpstr(error->message, ==, "The value of “Tier” is not valid");
}

static void
test_unreachable(void)
{
	/* a port nobody listens on: bind one and close it again */
	g_autoptr(GSocketListener) listener = g_socket_listener_new();
	g_autoptr(RosterClient) client = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *uri = NULL;
	guint16 port;

	port = g_socket_listener_add_any_inet_port(listener, NULL, &error);
	g_assert_no_error(error);
	g_socket_listener_close(listener);
	uri = g_strdup_printf("http://127.0.0.1:%u", port);
	client = roster_client_new(uri);
	node = call(client, "GET", "/health", NULL, NULL, &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INTERNAL);
	g_assert_true(
	    g_str_has_prefix(error->message, "Cannot reach the server at http://127.0.0.1:"));
}

static void
test_cancel(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(GCancellable) cancellable = g_cancellable_new();
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;

	roster_client_call_async(client,
				 "GET",
				 "/health",
				 NULL,
				 cancellable,
				 store_result_cb,
				 &result);
	g_cancellable_cancel(cancellable);
	node = roster_client_call_finish(client, wait_for_result(&result), NULL, &error);
	g_assert_null(node);
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
items_changed_cb(GListModel *model, guint position, guint removed, guint added, gpointer user_data)
{
	guint *n_signals = user_data;
	(*n_signals)++;
}

static void
test_item_list(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(RosterItemList) list = NULL;
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterItem) first = NULL;
	g_autofree gchar *path = NULL;
	guint n_before;
	guint n_signals = 0;
	gint64 id;

	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	id = roster_test_create(fixture,
				"/api/v1/volunteers",
				"{\"name\":\"林晓\",\"counsellor_no\":\"C101\",\"tier\":\"senior\","
				"\"modes\":[\"on-site\",\"cloud\"]}");
	roster_test_create(fixture,
			   "/api/v1/volunteers",
			   "{\"name\":\"王芳\",\"counsellor_no\":\"C102\",\"tier\":\"trainee\"}");

	list = roster_item_list_new(client, "/volunteers?limit=500");
	roster_item_list_set_describe_func(list, roster_volunteer_describe);
	g_signal_connect(list, "items-changed", G_CALLBACK(items_changed_cb), &n_signals);
	g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(list)), ==, 0);
	g_assert_true(g_list_model_get_item_type(G_LIST_MODEL(list)) == ROSTER_TYPE_ITEM);

	roster_item_list_reload_async(list, NULL, store_result_cb, &result);
	g_assert_true(roster_item_list_get_loading(list));
	g_assert_true(roster_item_list_reload_finish(list, wait_for_result(&result), &error));
	g_assert_no_error(error);
	g_assert_false(roster_item_list_get_loading(list));
	g_assert_cmpuint(n_signals, ==, 1);
	n_before = g_list_model_get_n_items(G_LIST_MODEL(list));
	/* the fixture's own two volunteers and ours */
	g_assert_cmpuint(n_before, >=, 4);
	g_assert_cmpuint(roster_item_list_get_total(list), ==, n_before);
	g_assert_nonnull(roster_item_list_find_by_id(list, id));
	g_assert_cmpstr(roster_item_get_title(roster_item_list_find_by_id(list, id)), ==, "林晓");
	g_assert_cmpstr(roster_item_get_subtitle(roster_item_list_find_by_id(list, id)),
			==,
			"C101 · Senior · On-site, Cloud seat");

	/* a search narrows the list to one */
	path = roster_client_build_query("/volunteers", ROSTER_PARAM_Q, "王芳", NULL);
	roster_item_list_set_path(list, path);
	g_clear_object(&result);
	roster_item_list_reload_async(list, NULL, store_result_cb, &result);
	g_assert_true(roster_item_list_reload_finish(list, wait_for_result(&result), &error));
	g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(list)), ==, 1);
	g_assert_cmpuint(n_signals, ==, 2);
	first = g_list_model_get_item(G_LIST_MODEL(list), 0);
	g_assert_cmpstr(roster_item_get_string(first, ROSTER_KEY_TIER), ==, ROSTER_TIER_TRAINEE);
	g_assert_cmpint(roster_item_get_revision(first), >=, 1);
	g_assert_null(g_list_model_get_item(G_LIST_MODEL(list), 1));
}

static void
test_availability(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(RosterItemList) list = NULL;
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *field = NULL;
	g_autofree gchar *list_path = NULL;
	g_autofree gchar *entry_path = NULL;
	g_autofree gchar *patch = NULL;
	g_autofree gchar *delete_path = NULL;
	RosterItem *entry;
	gint64 volunteer;
	gint64 id;

	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	volunteer = roster_test_create(
	    fixture,
	    "/api/v1/volunteers",
	    "{\"name\":\"林晓\",\"counsellor_no\":\"C111\",\"tier\":\"senior\"}");
	list_path = g_strdup_printf("/volunteers/%" G_GINT64_FORMAT "/availability", volunteer);

	/* a weekly entry and a dated one, as the availability form sends them */
	node = call(client,
		    "POST",
		    list_path,
		    "{\"kind\":\"unavailable\",\"weekday\":2,\"date\":null,"
		    "\"start\":\"19:00\",\"end\":\"23:00\",\"note\":null}",
		    NULL,
		    &error);
	g_assert_no_error(error);
	g_clear_pointer(&node, json_node_unref);
	node = call(client,
		    "POST",
		    list_path,
		    "{\"kind\":\"preferred\",\"weekday\":null,\"date\":\"2026-12-24\","
		    "\"start\":null,\"end\":null,\"note\":\"平安夜\"}",
		    NULL,
		    &error);
	g_assert_no_error(error);
	g_clear_pointer(&node, json_node_unref);

	/* a start without an end is refused, naming the field in words */
	node = call(client,
		    "POST",
		    list_path,
		    "{\"kind\":\"avoid\",\"weekday\":3,\"start\":\"08:00\"}",
		    &field,
		    &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpstr(field, ==, ROSTER_KEY_END);
	g_assert_cmpstr(error->message, ==, "The value of “End” is not valid");
	g_clear_error(&error);

	list = roster_item_list_new(client, list_path);
	roster_item_list_set_describe_func(list, roster_availability_describe);
	roster_item_list_reload_async(list, NULL, store_result_cb, &result);
	g_assert_true(roster_item_list_reload_finish(list, wait_for_result(&result), &error));
	g_assert_no_error(error);
	g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(list)), ==, 2);
	entry = g_list_model_get_item(G_LIST_MODEL(list), 0);
	g_object_unref(entry);
	g_assert_cmpstr(roster_item_get_subtitle(entry),
			==,
			"Unavailable · Every Tuesday · 19:00–23:00");
	id = roster_item_get_id(entry);

	/* an edit switches the weekly entry to a date, clearing the weekday */
	entry_path = g_strdup_printf("%s/%" G_GINT64_FORMAT, list_path, id);
	patch = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT
				",\"kind\":\"avoid\",\"weekday\":null,\"date\":\"2026-12-31\","
				"\"start\":null,\"end\":null}",
				roster_item_get_revision(entry));
	node = call(client, "PATCH", entry_path, patch, NULL, &error);
	g_assert_no_error(error);
	g_clear_pointer(&node, json_node_unref);
	/* the same revision again is a conflict */
	node = call(client, "PATCH", entry_path, patch, NULL, &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);

	g_clear_object(&result);
	roster_item_list_reload_async(list, NULL, store_result_cb, &result);
	g_assert_true(roster_item_list_reload_finish(list, wait_for_result(&result), &error));
	entry = roster_item_list_find_by_id(list, id);
	g_assert_nonnull(entry);
	g_assert_cmpstr(roster_item_get_subtitle(entry), ==, "Rather not · 2026-12-31 · all day");

	/* and the delete takes the revision it read */
	delete_path = g_strdup_printf("%s?revision=%" G_GINT64_FORMAT,
				      entry_path,
				      roster_item_get_revision(entry));
	node = call(client, "DELETE", delete_path, NULL, NULL, &error);
	g_assert_no_error(error);
	g_clear_pointer(&node, json_node_unref);
	g_clear_object(&result);
	roster_item_list_reload_async(list, NULL, store_result_cb, &result);
	g_assert_true(roster_item_list_reload_finish(list, wait_for_result(&result), &error));
	g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(list)), ==, 1);
	g_assert_null(roster_item_list_find_by_id(list, id));
}

static void
test_stars(void)
{
	g_autofree gchar *none = roster_stars_dup_label(0);
	g_autofree gchar *three = roster_stars_dup_label(3);

	g_assert_cmpuint(roster_stars_for_hours(0), ==, 0);
	g_assert_cmpuint(roster_stars_for_hours(99.9), ==, 0);
	g_assert_cmpuint(roster_stars_for_hours(100), ==, 1);
	g_assert_cmpuint(roster_stars_for_hours(599.5), ==, 2);
	g_assert_cmpuint(roster_stars_for_hours(1499), ==, 4);
	g_assert_cmpuint(roster_stars_for_hours(1500), ==, 5);
	g_assert_cmpuint(roster_stars_for_hours(9000), ==, 5);
	g_assert_cmpstr(none, ==, "–");
	g_assert_cmpstr(three, ==, "★★★");
}

static void
test_delete_in_use(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *stale = NULL;
	gint64 seat_class;

	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	seat_class = roster_test_create(fixture,
					"/api/v1/seat-classes",
					"{\"code\":\"legal\",\"name\":\"法律援助\","
					"\"mode\":\"cloud\",\"min_tier\":\"counsellor\"}");
	body = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"08:00\",\"end\":\"20:00\",\"seats\":1}",
			       seat_class);
	roster_test_create(fixture, "/api/v1/demand-rules", body);

	/* a seat class that a demand rule uses is not deleted, and the message says why */
	path = g_strdup_printf("/seat-classes/%" G_GINT64_FORMAT "?revision=1", seat_class);
	node = call(client, "DELETE", path, NULL, NULL, &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_cmpstr(error->message,
			==,
			"Other records still use this one; change or delete them first");
	g_clear_error(&error);

	/* a stale revision is the other kind of 409 */
	g_free(path);
	path = g_strdup_printf("/seat-classes/%" G_GINT64_FORMAT, seat_class);
	stale = g_strdup("{\"revision\":7,\"name\":\"法律\"}");
	node = call(client, "PATCH", path, stale, NULL, &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_cmpstr(error->message,
			==,
			"Someone else changed this record; reload and try again");
}

static void
test_records_field(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *field = NULL;
	g_autofree gchar *body = NULL;
	gint64 volunteer;

	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	volunteer = roster_test_create(
	    fixture,
	    "/api/v1/volunteers",
	    "{\"name\":\"林晓\",\"counsellor_no\":\"C121\",\"tier\":\"trainee\"}");
	/* the records routes name their collection before the member */
	body = g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT
			       ",\"kind\":\"pre-job\",\"hours\":2,\"date\":\"2099-01-01\"}",
			       volunteer);
	node = call(client, "POST", "/training", body, &field, &error);
	g_assert_null(node);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpstr(field, ==, ROSTER_KEY_DATE);
	g_assert_cmpstr(error->message, ==, "The value of “Date” is not valid");
}

static void
test_reload_all(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(RosterItemList) volunteers = NULL;
	g_autoptr(RosterItemList) missing = NULL;
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	RosterItemList *lists[2];

	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	volunteers = roster_item_list_new(client, "/volunteers");
	missing = roster_item_list_new(client, "/no-such-collection");

	/* one callback for all; the first error, and the other list still loads */
	lists[0] = missing;
	lists[1] = volunteers;
	roster_item_list_reload_all_async(lists, 2, NULL, store_result_cb, &result);
	g_assert_false(roster_item_list_reload_all_finish(wait_for_result(&result), &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(volunteers)), >, 0);
	g_clear_error(&error);

	g_clear_object(&result);
	roster_item_list_reload_all_async(lists + 1, 1, NULL, store_result_cb, &result);
	g_assert_true(roster_item_list_reload_all_finish(wait_for_result(&result), &error));
	g_assert_no_error(error);
	g_clear_object(&result);
	roster_item_list_reload_all_async(NULL, 0, NULL, store_result_cb, &result);
	g_assert_true(roster_item_list_reload_all_finish(wait_for_result(&result), &error));
}

static void
test_item_list_error(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(RosterItemList) list = roster_item_list_new(client, "/volunteers");
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;

	/* not logged in: the list stays empty and says why */
	roster_item_list_reload_async(list, NULL, store_result_cb, &result);
	g_assert_false(roster_item_list_reload_finish(list, wait_for_result(&result), &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED);
	g_assert_cmpuint(g_list_model_get_n_items(G_LIST_MODEL(list)), ==, 0);
	g_assert_false(roster_item_list_get_loading(list));
}

/* sends @csv as coordinator; returns how many were added, and the bad rows */
static guint
import_csv(RosterClient *client, RosterVolunteerImport *import, const gchar *csv)
{
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	guint n_created = G_MAXUINT;

	g_assert_true(roster_volunteer_import_parse(import, csv, strlen(csv), &error));
	g_assert_no_error(error);
	roster_volunteer_import_run_async(import, client, NULL, store_result_cb, &result);
	g_assert_true(roster_volunteer_import_run_finish(import,
							 wait_for_result(&result),
							 &n_created,
							 &error));
	g_assert_no_error(error);
	return n_created;
}

static void
test_import(RosterTestFixture *fixture, gconstpointer user_data)
{
	const gchar *good = "\xef\xbb\xbf工号,姓名,级别,坐席方式,备注\r\n"
			    "C201,林晓,资深,坐班、云坐席,\"夜班, 周末\"\r\n"
			    "C203,赵雷,trainee,on-site,\r\n";
	const gchar *bad = "工号,姓名,级别,坐席方式,颜色\n"
			   "C301,王芳,grandmaster,cloud,红\n"
			   "C302,好人,咨询师,cloud,蓝\n"
			   "C201,重复,咨询师,cloud,绿\n";
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(RosterVolunteerImport) import = roster_volunteer_import_new();
	g_autoptr(RosterVolunteerImport) refused = roster_volunteer_import_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) none = NULL;
	g_autofree gchar *title = NULL;
	GPtrArray *errors;

	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	g_assert_cmpuint(import_csv(client, import, good), ==, 2);
	g_assert_cmpuint(roster_volunteer_import_get_errors(import)->len, ==, 0);
	title = roster_volunteer_import_dup_title(2);
	g_assert_cmpstr(title, ==, "2 Volunteers Imported");
	list = call(client, "GET", "/volunteers?q=C201", NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(list), ROSTER_KEY_TOTAL),
			==,
			1);

	/* any bad row: every one is named by its line and nothing is added */
	g_assert_cmpuint(import_csv(client, refused, bad), ==, 0);
	errors = roster_volunteer_import_get_errors(refused);
	/* the result's title says nothing was added, not that the import finished */
	g_clear_pointer(&title, g_free);
	title = roster_volunteer_import_dup_title(0);
	g_assert_cmpstr(title, ==, "Nothing Imported");
	g_assert_cmpuint(errors->len, >=, 1);
	for (guint i = 0; i < errors->len; i++)
		g_test_message("%s", (const gchar *)g_ptr_array_index(errors, i));
	/* in the user's language: the header's unknown column, then the bad cell */
	g_assert_cmpstr(g_ptr_array_index(errors, 0), ==, "Line 1: there is no column “颜色”");
	none = call(client, "GET", "/volunteers?q=C30", NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(none), ROSTER_KEY_TOTAL),
			==,
			0);
}

static void
test_import_row_errors(void)
{
	const struct {
		const gchar *daemon;
		const gchar *shown;
	} rows[] = {
	    {"line 2: tier: unknown tier “grandmaster”",
	     "Line 2: Tier: there is no tier “grandmaster”"},
	    {"line 3: max_shifts_month: “many” is not a whole number",
	     "Line 3: Maximum shifts a month: “many” is not a whole number"},
	    {"line 4: counsellor_no: already exists",
	     "Line 4: Counsellor number: another volunteer "
	     "already has this value"},
	    {"line 5: name: must be 1 to 100 characters", "Line 5: Name: the value is not valid"},
	    {"line 1: the column “name” (姓名) is missing", "Line 1: the column “Name” is missing"},
	    {"line 6: 3 fields where the header has 4", "Line 6: 3 cells where the heading has 4"},
	    {"something else", "something else"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(rows); i++) {
		g_autofree gchar *shown = roster_volunteer_import_dup_row_error(rows[i].daemon);
		g_assert_cmpstr(shown, ==, rows[i].shown);
	}
}

static void
test_import_bad_file(void)
{
	g_autoptr(RosterVolunteerImport) import = roster_volunteer_import_new();
	g_autoptr(GError) error = NULL;

	g_assert_false(roster_volunteer_import_parse(import, "", 0, &error));
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
	g_clear_error(&error);
}

/* a file as Excel saves it on Chinese Windows, GB18030 (GBK): the daemon converts it */
static void
test_import_gb18030(RosterTestFixture *fixture, gconstpointer user_data)
{
	const gchar *utf8 = "工号,姓名,级别,坐席方式\r\nC251,欧阳晴,咨询师,云坐席\r\n";
	g_autoptr(RosterClient) client = new_client(fixture);
	g_autoptr(RosterVolunteerImport) import = roster_volunteer_import_new();
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autofree gchar *gbk = g_convert(utf8, -1, "GB18030", "UTF-8", NULL, NULL, &error);
	JsonArray *items;

	g_assert_no_error(error);
	g_assert_false(g_utf8_validate(gbk, -1, NULL));
	g_assert_true(
	    login(client, ROSTER_TEST_COORDINATOR_USER, ROSTER_TEST_ACCOUNT_PASSWORD, &error));
	g_assert_cmpuint(import_csv(client, import, gbk), ==, 1);
	g_assert_cmpuint(roster_volunteer_import_get_errors(import)->len, ==, 0);
	list = call(client, "GET", "/volunteers?q=C251", NULL, NULL, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(json_node_get_object(list), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 1);
	g_assert_cmpstr(
	    json_object_get_string_member(json_array_get_object_element(items, 0), ROSTER_KEY_NAME),
	    ==,
	    "欧阳晴");
}

static void
test_dates(void)
{
	GDate date;
	GDate other;
	GDate last;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *day = NULL;
	g_autofree gchar *week = NULL;

	g_assert_true(roster_date_parse("2026-11-26", &date, &error));
	g_assert_no_error(error);
	roster_date_get_week_start(&date, &other);
	text = roster_date_to_string(&other);
	g_assert_cmpstr(text, ==, "2026-11-23");
	day = roster_date_format_day(&other);
	g_assert_cmpstr(day, ==, "Mon 11/23");
	week = roster_date_format_week(&other);
	g_assert_cmpstr(week, ==, "2026-11-23 to 11-29");
	/* a Monday is its own week start */
	roster_date_get_week_start(&other, &last);
	g_assert_cmpint(g_date_compare(&other, &last), ==, 0);

	g_assert_true(roster_date_parse("2028-02-10", &date, NULL));
	roster_date_get_month_range(&date, &other, &last);
	g_assert_cmpuint(g_date_get_day(&other), ==, 1);
	g_assert_cmpuint(g_date_get_day(&last), ==, 29);

	g_assert_false(roster_date_parse("2026-02-30", &date, &error));
	g_assert_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_false(roster_date_parse("2026-11-26x", &date, &error));
	g_clear_error(&error);
	g_assert_false(roster_date_parse(NULL, &date, &error));
}

/* a refused roster edit as a daemon may answer it, and whether the app may offer
 * "assign anyway" for it */
typedef struct {
	guint status;
	const gchar *body;
	gboolean overridable;
} OverridableCase;

static const OverridableCase overridable_refused = {
    422,
    "{\"error\":{\"code\":\"invalid-data\",\"message\":\"min-rest: too little rest\","
    "\"field\":\"min-rest\",\"overridable\":false}}",
    FALSE};
static const OverridableCase overridable_accepted = {
    422,
    "{\"error\":{\"code\":\"invalid-data\",\"message\":\"min-rest: too little rest\","
    "\"field\":\"min-rest\",\"overridable\":true}}",
    TRUE};
/* a daemon that does not say: every hard rule but one-shift-per-day */
static const OverridableCase overridable_unsaid = {
    422,
    "{\"error\":{\"code\":\"invalid-data\",\"message\":\"min-rest: too little rest\","
    "\"field\":\"min-rest\"}}",
    TRUE};
static const OverridableCase overridable_unsaid_one_shift = {
    422,
    "{\"error\":{\"code\":\"invalid-data\",\"message\":\"one-shift-per-day: works\","
    "\"field\":\"one-shift-per-day\"}}",
    FALSE};
static const OverridableCase overridable_not_a_rule = {
    422,
    "{\"error\":{\"code\":\"invalid-data\",\"message\":\"date: must be a date\","
    "\"field\":\"date\",\"overridable\":true}}",
    FALSE};
static const OverridableCase overridable_conflict = {
    409,
    "{\"error\":{\"code\":\"conflict\",\"message\":\"revision: stale\","
    "\"field\":\"revision\"}}",
    FALSE};

static void
overridable_handler_cb(SoupServer *server,
		       SoupServerMessage *msg,
		       const gchar *path,
		       GHashTable *query,
		       gpointer user_data)
{
	const OverridableCase *row = user_data;

	soup_server_message_set_status(msg, row->status, NULL);
	soup_server_message_set_response(msg,
					 "application/json",
					 SOUP_MEMORY_STATIC,
					 row->body,
					 strlen(row->body));
}

static void
test_overridable(gconstpointer user_data)
{
	const OverridableCase *row = user_data;
	g_autoptr(SoupServer) server = soup_server_new(NULL, NULL);
	g_autoptr(RosterClient) client = NULL;
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(JsonNode) body = json_from_string("{\"revision\":3}", NULL);
	g_autoptr(GUri) uri = NULL;
	g_autofree gchar *base = NULL;
	GSList *uris;

	/* a real libsoup server on loopback that answers the refusal, driven by this
	 * thread's main context as the client is */
	soup_server_add_handler(server, NULL, overridable_handler_cb, (gpointer)row, NULL);
	g_assert_true(soup_server_listen_local(server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
	g_assert_no_error(error);
	uris = soup_server_get_uris(server);
	g_assert_nonnull(uris);
	uri = g_uri_ref(uris->data);
	g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
	base = g_strdup_printf("http://127.0.0.1:%d/api/v1", g_uri_get_port(uri));
	client = roster_client_new(base);
	roster_client_call_async(client,
				 "PATCH",
				 "/rosters/1/assignments/2",
				 body,
				 NULL,
				 store_result_cb,
				 &result);
	node = roster_client_call_finish(client, wait_for_result(&result), NULL, &error);
	g_assert_null(node);
	g_assert_nonnull(error);
	g_assert_cmpint(roster_client_call_get_overridable(client, result), ==, row->overridable);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/client/base-url", test_base_url);
	g_test_add_func("/roster/client/build-query", test_build_query);
	g_test_add_func("/roster/client/error-messages", test_error_messages);
	g_test_add_func("/roster/client/unreachable", test_unreachable);
	g_test_add_data_func("/roster/client/overridable/refused",
			     &overridable_refused,
			     test_overridable);
	g_test_add_data_func("/roster/client/overridable/accepted",
			     &overridable_accepted,
			     test_overridable);
	g_test_add_data_func("/roster/client/overridable/unsaid",
			     &overridable_unsaid,
			     test_overridable);
	g_test_add_data_func("/roster/client/overridable/unsaid-one-shift-per-day",
			     &overridable_unsaid_one_shift,
			     test_overridable);
	g_test_add_data_func("/roster/client/overridable/not-a-rule",
			     &overridable_not_a_rule,
			     test_overridable);
	g_test_add_data_func("/roster/client/overridable/conflict",
			     &overridable_conflict,
			     test_overridable);
	g_test_add("/roster/client/login",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_login,
		   roster_test_fixture_teardown);
	g_test_add("/roster/client/resume",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_resume,
		   roster_test_fixture_teardown);
	g_test_add("/roster/client/login-wrong-password",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_login_wrong_password,
		   roster_test_fixture_teardown);
	g_test_add("/roster/client/invalid-field",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_invalid_field,
		   roster_test_fixture_teardown);
	g_test_add("/roster/client/cancel",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_cancel,
		   roster_test_fixture_teardown);
	g_test_add("/roster/item-list/volunteers",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_item_list,
		   roster_test_fixture_teardown);
	g_test_add("/roster/item-list/availability",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_availability,
		   roster_test_fixture_teardown);
	g_test_add_func("/roster/item/stars", test_stars);
	g_test_add("/roster/client/delete-in-use",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_delete_in_use,
		   roster_test_fixture_teardown);
	g_test_add("/roster/client/records-field",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_records_field,
		   roster_test_fixture_teardown);
	g_test_add("/roster/item-list/reload-all",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_reload_all,
		   roster_test_fixture_teardown);
	g_test_add("/roster/item-list/error",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_item_list_error,
		   roster_test_fixture_teardown);
	g_test_add_func("/roster/date/helpers", test_dates);
	g_test_add_func("/roster/volunteer-import/bad-file", test_import_bad_file);
	g_test_add_func("/roster/volunteer-import/row-errors", test_import_row_errors);
	g_test_add("/roster/volunteer-import/csv",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_import,
		   roster_test_fixture_teardown);
	g_test_add("/roster/volunteer-import/gb18030",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_import_gb18030,
		   roster_test_fixture_teardown);
	return g_test_run();
}
