/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-http-private.h"
#include "roster-json-keys.h"
#include "roster-volunteer-csv.h"

/*
 * One handler per resource prefix under /api/v1; each parses its own path
 * segments, checks the method (405 with Allow), authenticates the bearer token,
 * parses the body and hands the request to the engine. Business rules (what is
 * valid, who may do what) live in the engine only.
 */

typedef enum {
	ROUTE_NONE,
	ROUTE_COLLECTION,
	ROUTE_RECORD,
} RouteKind;

typedef struct {
	RouteKind kind;
	const gchar *collection;
	gint64 parent_id;
	gint64 id;
} Route;

/* the collections with the generic create/read/update/delete routes */
static const gchar *const crud_collections[] = {
    ROSTER_COLLECTION_CALENDARS,
    ROSTER_COLLECTION_SEAT_CLASSES,
    ROSTER_COLLECTION_DEMAND_RULES,
    ROSTER_COLLECTION_TEAMS,
    ROSTER_COLLECTION_VOLUNTEERS,
    ROSTER_COLLECTION_ACCOUNTS,
};

static void
reply_not_found(SoupServerMessage *msg)
{
	g_autofree gchar *message =
	    g_strdup_printf("no route for %s %s",
			    soup_server_message_get_method(msg),
			    g_uri_get_path(soup_server_message_get_uri(msg)));

	roster_http_reply_error_literal(msg, ROSTER_ERROR_NOT_FOUND, message);
}

/* the segments after /api/v1/, or NULL when @path is outside it */
static gchar **
split_path(const gchar *path)
{
	const gchar *prefix = ROSTER_HTTP_API_PREFIX "/";

	if (path == NULL || !g_str_has_prefix(path, prefix))
		return NULL;
	return g_strsplit(path + strlen(prefix), "/", -1);
}

/* a positive decimal id, or 0 for anything else */
static gint64
parse_id(const gchar *text)
{
	guint64 value = 0;

	if (text == NULL || text[0] == '\0' || strlen(text) > 18)
		return 0;
	for (const gchar *p = text; *p != '\0'; p++) {
		if (!g_ascii_isdigit(*p))
			return 0;
	}
	if (!g_ascii_string_to_unsigned(text, 10, 1, G_MAXINT64, &value, NULL))
		return 0;
	return (gint64)value;
}

static gboolean
method_is(SoupServerMessage *msg, const gchar *method)
{
	return g_strcmp0(soup_server_message_get_method(msg), method) == 0;
}

/* the params handed to the engine's lists: the query, or an empty table */
static GHashTable *
dup_params(GHashTable *query)
{
	if (query != NULL)
		return g_hash_table_ref(query);
	return g_hash_table_new(g_str_hash, g_str_equal);
}

static void
reply_record_created(SoupServerMessage *msg, const Route *route, JsonNode *record)
{
	g_autofree gchar *location = NULL;
	gint64 id = 0;

	if (record != NULL && JSON_NODE_HOLDS_OBJECT(record)) {
		JsonObject *object = json_node_get_object(record);
		id = json_object_get_int_member_with_default(object, ROSTER_KEY_ID, 0);
	}
	if (id > 0 && route->parent_id > 0) {
		location = g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s/%" G_GINT64_FORMAT
								  "/%s/%" G_GINT64_FORMAT,
					   ROSTER_COLLECTION_VOLUNTEERS,
					   route->parent_id,
					   route->collection,
					   id);
	} else if (id > 0) {
		location = g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s/%" G_GINT64_FORMAT,
					   route->collection,
					   id);
	}
	if (location != NULL) {
		soup_message_headers_replace(soup_server_message_get_response_headers(msg),
					     "Location",
					     location);
	}
	roster_http_reply_json(msg, SOUP_STATUS_CREATED, record);
}

/* a request answered later, from an engine callback: the message stays paused and
 * referenced until then; a client that goes away cancels the work */
typedef struct {
	RosterHttpServer *self;
	SoupServerMessage *msg;
	GCancellable *cancellable;
	gulong finished_id;
	gboolean finished;
	Route route;
} PausedRequest;

static void
paused_request_finished_cb(SoupServerMessage *msg, gpointer user_data)
{
	PausedRequest *request = user_data;

	request->finished = TRUE;
	g_cancellable_cancel(request->cancellable);
}

static PausedRequest *
paused_request_new(RosterHttpServer *self, SoupServerMessage *msg)
{
	PausedRequest *request = g_new0(PausedRequest, 1);

	request->self = g_object_ref(self);
	request->msg = g_object_ref(msg);
	request->cancellable = g_cancellable_new();
	request->finished_id =
	    g_signal_connect(msg, "finished", G_CALLBACK(paused_request_finished_cb), request);
	soup_server_message_pause(msg);
	return request;
}

static void
paused_request_free(PausedRequest *request)
{
	g_signal_handler_disconnect(request->msg, request->finished_id);
	g_object_unref(request->msg);
	g_object_unref(request->cancellable);
	g_object_unref(request->self);
	g_free(request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(PausedRequest, paused_request_free)

/* sends what the callback set on the message, unless the client is gone */
static void
paused_request_unpause(PausedRequest *request)
{
	if (!request->finished)
		soup_server_message_unpause(request->msg);
}

static void
account_write_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(PausedRequest) request = user_data;
	RosterEngine *engine = ROSTER_ENGINE(source);
	g_autoptr(JsonNode) record = NULL;
	g_autoptr(GError) error = NULL;

	if (request->route.kind == ROUTE_COLLECTION)
		record = roster_engine_create_finish(engine, result, &error);
	else
		record = roster_engine_update_finish(engine, result, &error);
	if (request->finished)
		return;
	if (record == NULL)
		roster_http_reply_error(request->msg, error);
	else if (request->route.kind == ROUTE_COLLECTION)
		reply_record_created(request->msg, &request->route, record);
	else
		roster_http_reply_json(request->msg, SOUP_STATUS_OK, record);
	paused_request_unpause(request);
}

/* POST /accounts and PATCH /accounts/{id}: a new password is checked and hashed in a
 * worker thread while the message waits */
static void
handle_account_write(RosterHttpServer *self,
		     SoupServerMessage *msg,
		     RosterPrincipal *principal,
		     const Route *route,
		     JsonNode *body)
{
	RosterEngine *engine = roster_http_server_get_engine(self);
	PausedRequest *request = paused_request_new(self, msg);

	request->route = *route;
	if (route->kind == ROUTE_COLLECTION) {
		roster_engine_create_async(engine,
					   principal,
					   route->collection,
					   route->parent_id,
					   body,
					   request->cancellable,
					   account_write_done_cb,
					   request);
		return;
	}
	roster_engine_update_async(engine,
				   principal,
				   route->collection,
				   route->parent_id,
				   route->id,
				   body,
				   request->cancellable,
				   account_write_done_cb,
				   request);
}

/* DELETE takes the revision it read as ?revision=N; absent means no check */
static gboolean
parse_revision_param(GHashTable *query, gint64 *revision, GError **error)
{
	const gchar *text = query != NULL ? g_hash_table_lookup(query, ROSTER_KEY_REVISION) : NULL;
	guint64 value = 0;

	*revision = -1;
	if (text == NULL)
		return TRUE;
	if (!g_ascii_string_to_unsigned(text, 10, 0, G_MAXINT64, &value, NULL)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    ROSTER_KEY_REVISION ": must be a non-negative integer");
		return FALSE;
	}
	*revision = (gint64)value;
	return TRUE;
}

/* /volunteers/{id}/availability: a caller who may not see volunteer {id} is refused by
 * the engine's check for that volunteer's record, which does not look the id up, so the
 * answer is the same 403 whether the volunteer exists or not, as on every other
 * per-volunteer route; only a caller who may see volunteers learns that one is missing */
static gboolean
check_parent_visible(RosterEngine *engine,
		     RosterPrincipal *principal,
		     const Route *route,
		     GError **error)
{
	g_autoptr(JsonNode) parent = NULL;
	g_autoptr(GError) error_local = NULL;

	if (route->parent_id <= 0)
		return TRUE;
	parent = roster_engine_get(engine,
				   principal,
				   ROSTER_COLLECTION_VOLUNTEERS,
				   0,
				   route->parent_id,
				   &error_local);
	if (parent == NULL &&
	    g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	return TRUE;
}

static void
handle_route(RosterHttpServer *self, SoupServerMessage *msg, GHashTable *query, const Route *route)
{
	RosterEngine *engine = roster_http_server_get_engine(self);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *allow = route->kind == ROUTE_COLLECTION ? ROSTER_HTTP_ALLOW_COLLECTION
							     : ROSTER_HTTP_ALLOW_RECORD;
	gboolean is_get = method_is(msg, SOUP_METHOD_GET);
	gboolean is_post = method_is(msg, SOUP_METHOD_POST);
	gboolean is_patch = method_is(msg, "PATCH");
	gboolean is_delete = method_is(msg, SOUP_METHOD_DELETE);

	if ((route->kind == ROUTE_COLLECTION && !is_get && !is_post) ||
	    (route->kind == ROUTE_RECORD && !is_get && !is_patch && !is_delete)) {
		roster_http_reply_method_not_allowed(msg, allow);
		return;
	}
	principal = roster_http_authenticate(engine, msg, &error);
	if (principal == NULL || !check_parent_visible(engine, principal, route, &error)) {
		roster_http_reply_error(msg, error);
		return;
	}
	if (is_post || is_patch) {
		body = roster_http_parse_body(msg, &error);
		if (body == NULL) {
			roster_http_reply_error(msg, error);
			return;
		}
	}
	if ((is_post || is_patch) &&
	    g_strcmp0(route->collection, ROSTER_COLLECTION_ACCOUNTS) == 0) {
		handle_account_write(self, msg, principal, route, body);
		return;
	}

	if (route->kind == ROUTE_COLLECTION && is_get) {
		g_autoptr(GHashTable) params = dup_params(query);
		result = roster_engine_list(engine,
					    principal,
					    route->collection,
					    route->parent_id,
					    params,
					    &error);
	} else if (route->kind == ROUTE_COLLECTION) {
		result = roster_engine_create(engine,
					      principal,
					      route->collection,
					      route->parent_id,
					      body,
					      &error);
		if (result != NULL) {
			reply_record_created(msg, route, result);
			return;
		}
	} else if (is_get) {
		result = roster_engine_get(engine,
					   principal,
					   route->collection,
					   route->parent_id,
					   route->id,
					   &error);
	} else if (is_patch) {
		result = roster_engine_update(engine,
					      principal,
					      route->collection,
					      route->parent_id,
					      route->id,
					      body,
					      &error);
	} else {
		gint64 revision = -1;

		if (!parse_revision_param(query, &revision, &error) ||
		    !roster_engine_delete(engine,
					  principal,
					  route->collection,
					  route->parent_id,
					  route->id,
					  revision,
					  &error)) {
			roster_http_reply_error(msg, error);
			return;
		}
		roster_http_reply_no_content(msg);
		return;
	}
	if (result == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	roster_http_reply_json(msg, SOUP_STATUS_OK, result);
}

/* /C, /C/{id}, /volunteers/{id}/availability and /volunteers/{id}/availability/{aid} */
static gboolean
resolve_collection_route(gchar **segments, Route *route)
{
	guint n_segments = g_strv_length(segments);
	gboolean known = FALSE;

	for (guint i = 0; i < G_N_ELEMENTS(crud_collections); i++) {
		if (g_strcmp0(segments[0], crud_collections[i]) == 0) {
			route->collection = crud_collections[i];
			known = TRUE;
		}
	}
	if (!known)
		return FALSE;
	if (n_segments == 1) {
		route->kind = ROUTE_COLLECTION;
		return TRUE;
	}
	route->id = parse_id(segments[1]);
	if (route->id <= 0)
		return FALSE;
	if (n_segments == 2) {
		route->kind = ROUTE_RECORD;
		return TRUE;
	}
	if (g_strcmp0(route->collection, ROSTER_COLLECTION_VOLUNTEERS) != 0 ||
	    g_strcmp0(segments[2], ROSTER_COLLECTION_AVAILABILITY) != 0 || n_segments > 4)
		return FALSE;
	route->collection = ROSTER_COLLECTION_AVAILABILITY;
	route->parent_id = route->id;
	route->id = 0;
	if (n_segments == 3) {
		route->kind = ROUTE_COLLECTION;
		return TRUE;
	}
	route->id = parse_id(segments[3]);
	if (route->id <= 0)
		return FALSE;
	route->kind = ROUTE_RECORD;
	return TRUE;
}

static void
collection_cb(SoupServer *soup_server,
	      SoupServerMessage *msg,
	      const char *path,
	      GHashTable *query,
	      gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_auto(GStrv) segments = split_path(path);
	Route route = {ROUTE_NONE, NULL, 0, 0};

	if (segments == NULL || !resolve_collection_route(segments, &route)) {
		reply_not_found(msg);
		return;
	}
	handle_route(self, msg, query, &route);
}

/* TRUE when @path is exactly /api/v1/@name */
static gboolean
path_is(const gchar *path, const gchar *name)
{
	g_autofree gchar *expected = g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s", name);
	return g_strcmp0(path, expected) == 0;
}

/* POST /api/v1/volunteers/import: a CSV file, all or nothing (roster-volunteer-csv.c) */
static void
volunteer_import_cb(SoupServer *soup_server,
		    SoupServerMessage *msg,
		    const char *path,
		    GHashTable *query,
		    gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GPtrArray) line_errors = NULL;
	g_autoptr(JsonNode) warnings = NULL;
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *data;
	gsize length = 0;
	guint n_imported = 0;

	if (!path_is(path, ROSTER_COLLECTION_VOLUNTEERS "/import")) {
		reply_not_found(msg);
		return;
	}
	if (!method_is(msg, SOUP_METHOD_POST)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_POST);
		return;
	}
	principal = roster_http_authenticate(roster_http_server_get_engine(self), msg, &error);
	if (principal == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	bytes = soup_message_body_flatten(soup_server_message_get_request_body(msg));
	data = g_bytes_get_data(bytes, &length);
	if (!roster_volunteer_csv_import_full(roster_http_server_get_engine(self),
					      principal,
					      data != NULL ? data : "",
					      length,
					      &n_imported,
					      &line_errors,
					      &warnings,
					      &error)) {
		g_autoptr(JsonNode) rows = json_node_new(JSON_NODE_ARRAY);
		g_autoptr(JsonArray) array = json_array_new();
		for (guint i = 0; line_errors != NULL && i < line_errors->len; i++)
			json_array_add_string_element(array, g_ptr_array_index(line_errors, i));
		json_node_set_array(rows, array);
		roster_http_reply_error_with_details(msg, error, ROSTER_KEY_ROWS, rows);
		return;
	}
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_IMPORTED);
	json_builder_add_int_value(builder, n_imported);
	/* the imported people who fit no seat class */
	json_builder_set_member_name(builder, ROSTER_KEY_WARNINGS);
	json_builder_add_value(builder, g_steal_pointer(&warnings));
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	roster_http_reply_json(msg, SOUP_STATUS_OK, root);
}

static void
health_cb(SoupServer *soup_server,
	  SoupServerMessage *msg,
	  const char *path,
	  GHashTable *query,
	  gpointer user_data)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;

	if (!path_is(path, "health")) {
		reply_not_found(msg);
		return;
	}
	if (!method_is(msg, SOUP_METHOD_GET)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_GET);
		return;
	}
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_HTTP_KEY_STATUS);
	json_builder_add_string_value(builder, "ok");
	json_builder_set_member_name(builder, ROSTER_HTTP_KEY_VERSION);
	json_builder_add_string_value(builder, PACKAGE_VERSION);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	roster_http_reply_json(msg, SOUP_STATUS_OK, root);
}

/* the login body: exactly a string username and a string password */
static gboolean
read_login_body(JsonNode *body, const gchar **username, const gchar **password, GError **error)
{
	JsonObject *object = json_node_get_object(body);
	const gchar *keys[] = {ROSTER_KEY_USERNAME, ROSTER_KEY_PASSWORD};
	const gchar **values[] = {username, password};
	g_autoptr(GList) members = json_object_get_members(object);

	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		if (g_strcmp0(key, ROSTER_KEY_USERNAME) != 0 &&
		    g_strcmp0(key, ROSTER_KEY_PASSWORD) != 0) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "%s: unknown field",
				    key);
			return FALSE;
		}
	}
	for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
		JsonNode *node = json_object_get_member(object, keys[i]);
		if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
		    json_node_get_value_type(node) != G_TYPE_STRING) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "%s: a string is required",
				    keys[i]);
			return FALSE;
		}
		*values[i] = json_node_get_string(node);
	}
	return TRUE;
}

static gchar *
format_timestamp(gint64 unix_time)
{
	g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc(unix_time);

	if (datetime == NULL)
		return NULL;
	return g_date_time_format_iso8601(datetime);
}

static void
login_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(PausedRequest) request = user_data;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *expires = NULL;
	gint64 expires_at = 0;
	gint64 retry_after = 0;

	token = roster_engine_login_finish(ROSTER_ENGINE(source),
					   result,
					   &expires_at,
					   &principal,
					   &retry_after,
					   &error);
	if (request->finished)
		return;
	if (token == NULL) {
		if (retry_after > 0) {
			g_autofree gchar *seconds =
			    g_strdup_printf("%" G_GINT64_FORMAT, retry_after);
			soup_message_headers_replace(
			    soup_server_message_get_response_headers(request->msg),
			    "Retry-After",
			    seconds);
		}
		roster_http_reply_error(request->msg, error);
		paused_request_unpause(request);
		return;
	}
	expires = format_timestamp(expires_at);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_TOKEN);
	json_builder_add_string_value(builder, token);
	json_builder_set_member_name(builder, ROSTER_KEY_EXPIRES_AT);
	json_builder_add_string_value(builder, expires);
	json_builder_set_member_name(builder, ROSTER_KEY_ROLE);
	json_builder_add_string_value(builder,
				      roster_role_to_string(roster_principal_get_role(principal)));
	json_builder_set_member_name(builder, ROSTER_KEY_USERNAME);
	json_builder_add_string_value(builder, roster_principal_get_username(principal));
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	g_info("%s logged in", roster_principal_get_username(principal));
	roster_http_reply_json(request->msg, SOUP_STATUS_OK, root);
	paused_request_unpause(request);
}

static void
login_cb(SoupServer *soup_server,
	 SoupServerMessage *msg,
	 const char *path,
	 GHashTable *query,
	 gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *username = NULL;
	const gchar *password = NULL;
	PausedRequest *request;

	if (!path_is(path, "login")) {
		reply_not_found(msg);
		return;
	}
	if (!method_is(msg, SOUP_METHOD_POST)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_POST);
		return;
	}
	body = roster_http_parse_body(msg, &error);
	if (body == NULL || !read_login_body(body, &username, &password, &error)) {
		roster_http_reply_error(msg, error);
		return;
	}
	/* the password is verified in a worker thread; the main loop keeps serving */
	request = paused_request_new(self, msg);
	roster_engine_login_async(roster_http_server_get_engine(self),
				  username,
				  password,
				  soup_server_message_get_remote_host(msg),
				  request->cancellable,
				  login_done_cb,
				  request);
}

static void
logout_cb(SoupServer *soup_server,
	  SoupServerMessage *msg,
	  const char *path,
	  GHashTable *query,
	  gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	RosterEngine *engine = roster_http_server_get_engine(self);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;

	if (!path_is(path, "logout")) {
		reply_not_found(msg);
		return;
	}
	if (!method_is(msg, SOUP_METHOD_POST)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_POST);
		return;
	}
	token = roster_http_dup_bearer_token(msg, &error);
	if (token != NULL)
		principal = roster_engine_authenticate(engine, token, &error);
	if (principal == NULL || !roster_engine_logout(engine, token, &error)) {
		roster_http_reply_error(msg, error);
		return;
	}
	roster_http_reply_no_content(msg);
}

static void
me_cb(SoupServer *soup_server,
      SoupServerMessage *msg,
      const char *path,
      GHashTable *query,
      gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GError) error = NULL;
	gint64 volunteer_id;

	if (!path_is(path, "me")) {
		reply_not_found(msg);
		return;
	}
	if (!method_is(msg, SOUP_METHOD_GET)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_GET);
		return;
	}
	principal = roster_http_authenticate(roster_http_server_get_engine(self), msg, &error);
	if (principal == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	volunteer_id = roster_principal_get_volunteer_id(principal);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_USERNAME);
	json_builder_add_string_value(builder, roster_principal_get_username(principal));
	json_builder_set_member_name(builder, ROSTER_KEY_ROLE);
	json_builder_add_string_value(builder,
				      roster_role_to_string(roster_principal_get_role(principal)));
	json_builder_set_member_name(builder, ROSTER_KEY_ACCOUNT_ID);
	json_builder_add_int_value(builder, roster_principal_get_account_id(principal));
	json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
	if (volunteer_id > 0)
		json_builder_add_int_value(builder, volunteer_id);
	else
		json_builder_add_null_value(builder);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	roster_http_reply_json(msg, SOUP_STATUS_OK, root);
}

static void
audit_cb(SoupServer *soup_server,
	 SoupServerMessage *msg,
	 const char *path,
	 GHashTable *query,
	 gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	RosterEngine *engine = roster_http_server_get_engine(self);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GHashTable) params = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(GStrv) segments = NULL;
	guint n_segments;
	gint64 id = 0;

	segments = split_path(path);
	n_segments = segments != NULL ? g_strv_length(segments) : 0;
	if (n_segments == 2)
		id = parse_id(segments[1]);
	if (n_segments < 1 || n_segments > 2 ||
	    g_strcmp0(segments[0], ROSTER_COLLECTION_AUDIT) != 0 || (n_segments == 2 && id <= 0)) {
		reply_not_found(msg);
		return;
	}
	if (!method_is(msg, SOUP_METHOD_GET)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_GET);
		return;
	}
	principal = roster_http_authenticate(engine, msg, &error);
	if (principal == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	if (id > 0) {
		result =
		    roster_engine_get(engine, principal, ROSTER_COLLECTION_AUDIT, 0, id, &error);
	} else {
		params = dup_params(query);
		result = roster_engine_list(engine,
					    principal,
					    ROSTER_COLLECTION_AUDIT,
					    0,
					    params,
					    &error);
	}
	if (result == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	roster_http_reply_json(msg, SOUP_STATUS_OK, result);
}

static void
default_cb(SoupServer *soup_server,
	   SoupServerMessage *msg,
	   const char *path,
	   GHashTable *query,
	   gpointer user_data)
{
	reply_not_found(msg);
}

static void
add_route(RosterHttpServer *self,
	  SoupServer *soup_server,
	  const gchar *name,
	  SoupServerCallback callback)
{
	g_autofree gchar *path = name != NULL ? g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s", name)
					      : NULL;

	/* the early handler belongs to the same path entry, so each route gets one */
	soup_server_add_early_handler(soup_server,
				      path,
				      roster_http_limit_body_early_cb,
				      NULL,
				      NULL);
	soup_server_add_handler(soup_server, path, callback, self, NULL);
}

/**
 * roster_http_routes_register:
 * @self: the #RosterHttpServer handlers get as user data
 * @soup_server: the #SoupServer
 *
 * Adds every route of the API, and the default handler that answers a JSON 404.
 *
 * Since: 0.1
 **/
void
roster_http_routes_register(RosterHttpServer *self, SoupServer *soup_server)
{
	add_route(self, soup_server, "health", health_cb);
	add_route(self, soup_server, "login", login_cb);
	add_route(self, soup_server, "logout", logout_cb);
	add_route(self, soup_server, "me", me_cb);
	add_route(self, soup_server, ROSTER_COLLECTION_AUDIT, audit_cb);
	add_route(self, soup_server, ROSTER_COLLECTION_VOLUNTEERS "/import", volunteer_import_cb);
	for (guint i = 0; i < G_N_ELEMENTS(crud_collections); i++)
		add_route(self, soup_server, crud_collections[i], collection_cb);
	add_route(self, soup_server, NULL, default_cb);
}
