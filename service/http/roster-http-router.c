/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-engine-rosters.h"
#include "roster-http-answer-cache.h"
#include "roster-http-router.h"
#include "roster-json-keys.h"

/*
 * The one dispatcher of every request (see roster-http-router.h for the route table):
 * one SoupServer handler, at the root, finds the route, runs the prologue every route
 * shares and answers with what the handler returns.
 */

typedef struct {
	RosterHttpRoute route;
	gchar *pattern;
	gchar **segments;
	guint n_segments;
	gconstpointer data;
} RouterEntry;

struct _RosterHttpRouter {
	RosterEngine *engine;
	GPtrArray *entries;
	RosterHttpAnswerCache *answers;
};

/* the order of the methods in an Allow header */
static const struct {
	RosterHttpMethod method;
	const gchar *name;
} method_names[] = {
    {ROSTER_HTTP_METHOD_GET, "GET"},
    {ROSTER_HTTP_METHOD_HEAD, "HEAD"},
    {ROSTER_HTTP_METHOD_POST, "POST"},
    {ROSTER_HTTP_METHOD_PUT, "PUT"},
    {ROSTER_HTTP_METHOD_PATCH, "PATCH"},
    {ROSTER_HTTP_METHOD_DELETE, "DELETE"},
};

static void
router_entry_free(RouterEntry *entry)
{
	g_free(entry->pattern);
	g_strfreev(entry->segments);
	g_free(entry);
}

/**
 * roster_http_router_new:
 * @engine: the #RosterEngine the handlers call
 *
 * Returns: (transfer full): a router without routes
 *
 * Since: 0.2
 **/
RosterHttpRouter *
roster_http_router_new(RosterEngine *engine)
{
	RosterHttpRouter *router = g_new0(RosterHttpRouter, 1);

	router->engine = engine;
	router->entries = g_ptr_array_new_with_free_func((GDestroyNotify)router_entry_free);
	router->answers = roster_http_answer_cache_new();
	return router;
}

/**
 * roster_http_router_free:
 * @router: a #RosterHttpRouter
 *
 * Frees the router and its routes.
 *
 * Since: 0.2
 **/
void
roster_http_router_free(RosterHttpRouter *router)
{
	g_ptr_array_unref(router->entries);
	roster_http_answer_cache_free(router->answers);
	g_free(router);
}

/**
 * roster_http_router_add:
 * @router: a #RosterHttpRouter
 * @routes: a table of routes
 * @n_routes: the number of @routes
 * @prefix: (nullable): a path put before every pattern of @routes
 * @data: (nullable): what the handlers of @routes find as the request's data
 *
 * Adds the routes of a table; one table may be added under several prefixes.
 *
 * Since: 0.2
 **/
void
roster_http_router_add(RosterHttpRouter *router,
		       const RosterHttpRoute *routes,
		       guint n_routes,
		       const gchar *prefix,
		       gconstpointer data)
{
	for (guint i = 0; i < n_routes; i++) {
		RouterEntry *entry = g_new0(RouterEntry, 1);
		guint n_ids = 0;

		entry->route = routes[i];
		entry->pattern = g_strconcat(prefix != NULL ? prefix : "", routes[i].pattern, NULL);
		entry->route.pattern = entry->pattern;
		entry->segments = g_strsplit(entry->pattern, "/", -1);
		entry->n_segments = g_strv_length(entry->segments);
		entry->data = data;
		for (guint j = 0; entry->segments[j] != NULL; j++)
			n_ids += g_strcmp0(entry->segments[j], "{id}") == 0 ? 1 : 0;
		/* a pattern with more ids would never match */
		g_warn_if_fail(n_ids <= ROSTER_HTTP_MAX_IDS);
		g_ptr_array_add(router->entries, entry);
	}
}

/**
 * roster_http_router_add_collection:
 * @router: a #RosterHttpRouter
 * @routes: a table of routes
 * @n_routes: the number of @routes
 * @name: the name of a collection under %ROSTER_HTTP_API_PREFIX, e.g. `teams`
 * @data: (nullable): what the handlers of @routes find as the request's data
 *
 * Adds the routes of a table under the path of one collection.
 *
 * Since: 0.2
 **/
void
roster_http_router_add_collection(RosterHttpRouter *router,
				  const RosterHttpRoute *routes,
				  guint n_routes,
				  const gchar *name,
				  gconstpointer data)
{
	g_autofree gchar *prefix = g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s", name);

	roster_http_router_add(router, routes, n_routes, prefix, data);
}

/**
 * roster_http_router_dup_allow:
 * @methods: a set of methods
 *
 * Returns: (transfer full): the value of an Allow header listing @methods, e.g. `GET, POST`
 *
 * Since: 0.2
 **/
gchar *
roster_http_router_dup_allow(RosterHttpMethod methods)
{
	GString *allow = g_string_new(NULL);

	for (guint i = 0; i < G_N_ELEMENTS(method_names); i++) {
		if ((methods & method_names[i].method) == 0)
			continue;
		if (allow->len > 0)
			g_string_append(allow, ", ");
		g_string_append(allow, method_names[i].name);
	}
	return g_string_free(allow, FALSE);
}

static RosterHttpMethod
method_from_string(const gchar *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(method_names); i++) {
		if (g_strcmp0(name, method_names[i].name) == 0)
			return method_names[i].method;
	}
	return 0;
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

/* whether the path's @n_segments @segments fit @entry, with its ids and text in @request */
static gboolean
entry_matches(const RouterEntry *entry,
	      gchar **segments,
	      guint n_segments,
	      RosterHttpRequest *request)
{
	guint n_ids = 0;
	g_autofree gchar *text = NULL;

	/* most entries differ in length: every request compares with each of them */
	if (entry->n_segments != n_segments)
		return FALSE;
	for (guint i = 0; segments[i] != NULL; i++) {
		const gchar *pattern = entry->segments[i];

		if (g_strcmp0(pattern, "{id}") == 0) {
			gint64 id = parse_id(segments[i]);
			if (id <= 0 || n_ids >= ROSTER_HTTP_MAX_IDS)
				return FALSE;
			request->ids[n_ids++] = id;
		} else if (g_str_has_prefix(pattern, "{text}")) {
			const gchar *suffix = pattern + strlen("{text}");
			if (!g_str_has_suffix(segments[i], suffix))
				return FALSE;
			g_free(text);
			text = g_strndup(segments[i], strlen(segments[i]) - strlen(suffix));
		} else if (g_strcmp0(pattern, segments[i]) != 0) {
			return FALSE;
		}
	}
	request->n_ids = n_ids;
	g_free(request->text);
	request->text = g_steal_pointer(&text);
	return TRUE;
}

/* the route for the request's path and method; NULL with the methods of the path in
 * @allowed when only the method is wrong, or with none when the path is unknown */
static const RouterEntry *
router_find(RosterHttpRouter *router,
	    const gchar *path,
	    RosterHttpMethod method,
	    RosterHttpRequest *request,
	    RosterHttpMethod *allowed)
{
	g_auto(GStrv) segments = g_strsplit(path != NULL ? path : "", "/", -1);
	guint n_segments = g_strv_length(segments);

	*allowed = 0;
	for (guint i = 0; i < router->entries->len; i++) {
		const RouterEntry *entry = g_ptr_array_index(router->entries, i);

		if (!entry_matches(entry, segments, n_segments, request))
			continue;
		if ((entry->route.methods & method) != 0)
			return entry;
		*allowed |= entry->route.methods;
	}
	return NULL;
}

static void
reply_not_found(SoupServerMessage *msg)
{
	g_autofree gchar *message =
	    g_strdup_printf("no route for %s %s",
			    soup_server_message_get_method(msg),
			    g_uri_get_path(soup_server_message_get_uri(msg)));

	roster_http_reply_error_literal(msg, ROSTER_ERROR_NOT_FOUND, message);
}

static void
request_finished_cb(SoupServerMessage *msg, gpointer user_data)
{
	RosterHttpRequest *request = user_data;

	request->gone = TRUE;
	g_cancellable_cancel(request->cancellable);
}

static void
request_clear(RosterHttpRequest *request)
{
	if (request->finished_id != 0)
		g_signal_handler_disconnect(request->msg, request->finished_id);
	g_clear_object(&request->msg);
	g_clear_object(&request->cancellable);
	g_clear_object(&request->engine);
	g_clear_pointer(&request->principal, roster_principal_unref);
	g_clear_pointer(&request->body, json_node_unref);
	g_clear_pointer(&request->query, g_hash_table_unref);
	g_free(request->text);
	g_free(request->location);
}

static RosterHttpRequest *
request_new(RosterHttpRouter *router, SoupServerMessage *msg, GHashTable *query)
{
	RosterHttpRequest *request = g_rc_box_new0(RosterHttpRequest);

	request->engine = g_object_ref(router->engine);
	request->msg = g_object_ref(msg);
	request->query = query != NULL ? g_hash_table_ref(query)
				       : g_hash_table_new(g_str_hash, g_str_equal);
	request->status = SOUP_STATUS_OK;
	request->cancellable = g_cancellable_new();
	return request;
}

/**
 * roster_http_request_unref:
 * @request: a #RosterHttpRequest
 *
 * Drops a reference; the last one frees the request.
 *
 * Since: 0.2
 **/
void
roster_http_request_unref(RosterHttpRequest *request)
{
	g_rc_box_release_full(request, (GDestroyNotify)request_clear);
}

/**
 * roster_http_request_pause:
 * @request: a #RosterHttpRequest
 *
 * Keeps the message waiting for an answer made later, from an engine callback; a
 * client that goes away cancels the request's cancellable.
 *
 * Returns: (transfer full): a reference for the callback, which answers with
 *   roster_http_request_answer() or roster_http_request_resume()
 *
 * Since: 0.2
 **/
RosterHttpRequest *
roster_http_request_pause(RosterHttpRequest *request)
{
	request->answered = TRUE;
	request->paused = TRUE;
	request->finished_id =
	    g_signal_connect(request->msg, "finished", G_CALLBACK(request_finished_cb), request);
	soup_server_message_pause(request->msg);
	return g_rc_box_acquire(request);
}

/**
 * roster_http_request_resume:
 * @request: a paused #RosterHttpRequest
 *
 * Sends what has been set on the message, unless the client is gone.
 *
 * Since: 0.2
 **/
void
roster_http_request_resume(RosterHttpRequest *request)
{
	if (request->paused && !request->gone) {
		request->paused = FALSE;
		soup_server_message_unpause(request->msg);
	}
}

/* the error answer: a refusal for a hard rule says whether "override" would accept it */
static void
request_reply_error(RosterHttpRequest *request, const GError *error)
{
	gboolean overridable = FALSE;
	g_autoptr(JsonNode) node = NULL;

	if ((request->route->flags & ROSTER_HTTP_ROUTE_FLAG_RULE_REFUSALS) != 0 &&
	    roster_engine_is_rule_refusal(error, &overridable)) {
		node = json_node_new(JSON_NODE_VALUE);
		json_node_set_boolean(node, overridable);
	}
	roster_http_reply_error_with_details(request->msg,
					     error,
					     node != NULL ? ROSTER_KEY_OVERRIDABLE : NULL,
					     node);
	if (request->retry_after > 0) {
		g_autofree gchar *seconds = g_strdup_printf("%u", request->retry_after);
		soup_message_headers_replace(soup_server_message_get_response_headers(request->msg),
					     "Retry-After",
					     seconds);
	}
}

/**
 * roster_http_request_answer:
 * @request: a #RosterHttpRequest
 * @result: (nullable): the JSON answer
 * @error: (nullable): why there is none
 *
 * Answers with @result, in the request's status and with a Location header when a
 * record was created, or with the error reply of @error; a paused request is resumed.
 * Nothing is sent to a client that is gone.
 *
 * Since: 0.2
 **/
void
roster_http_request_answer(RosterHttpRequest *request, JsonNode *result, const GError *error)
{
	if (request->gone)
		return;
	if (result == NULL) {
		request_reply_error(request, error);
	} else {
		if (request->location != NULL && JSON_NODE_HOLDS_OBJECT(result)) {
			JsonObject *object = json_node_get_object(result);
			gint64 id =
			    json_object_get_int_member_with_default(object, ROSTER_KEY_ID, 0);
			if (id > 0) {
				g_autofree gchar *location =
				    g_strdup_printf("%s/%" G_GINT64_FORMAT, request->location, id);
				soup_message_headers_replace(
				    soup_server_message_get_response_headers(request->msg),
				    "Location",
				    location);
			}
		}
		roster_http_reply_json(request->msg, request->status, result);
	}
	roster_http_request_resume(request);
}

/**
 * roster_http_request_get_param:
 * @request: a #RosterHttpRequest
 * @key: the name of a query parameter
 *
 * Returns: (nullable): the parameter's value
 *
 * Since: 0.2
 **/
const gchar *
roster_http_request_get_param(RosterHttpRequest *request, const gchar *key)
{
	return g_hash_table_lookup(request->query, key);
}

/**
 * roster_http_request_get_uint_param:
 * @request: a #RosterHttpRequest
 * @key: the name of a query parameter
 * @absent: the value when the parameter is absent
 * @value: (out): the value
 * @error: a #GError or %NULL
 *
 * Reads a non-negative integer parameter.
 *
 * Returns: %FALSE with %ROSTER_ERROR_INVALID_DATA about @key when it is not one
 *
 * Since: 0.2
 **/
gboolean
roster_http_request_get_uint_param(RosterHttpRequest *request,
				   const gchar *key,
				   gint64 absent,
				   gint64 *value,
				   GError **error)
{
	const gchar *text = roster_http_request_get_param(request, key);
	guint64 parsed = 0;

	*value = absent;
	if (text == NULL)
		return TRUE;
	if (!g_ascii_string_to_unsigned(text, 10, 0, G_MAXINT64, &parsed, NULL)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "must be a non-negative integer");
		return FALSE;
	}
	*value = (gint64)parsed;
	return TRUE;
}

/**
 * roster_http_request_get_id_param:
 * @request: a #RosterHttpRequest
 * @key: the name of a query parameter
 *
 * Returns: the positive id in the parameter, 0 when it is absent, -1 when it is not an id
 *
 * Since: 0.2
 **/
gint64
roster_http_request_get_id_param(RosterHttpRequest *request, const gchar *key)
{
	const gchar *text = roster_http_request_get_param(request, key);
	gint64 id;

	if (text == NULL)
		return 0;
	id = parse_id(text);
	return id > 0 ? id : -1;
}

/**
 * roster_http_request_set_created:
 * @request: a #RosterHttpRequest
 * @collection_path: the path of the collection, e.g. `/api/v1/teams`
 *
 * Makes the answer 201 Created, with a Location header of @collection_path and the
 * `id` of the record answered.
 *
 * Since: 0.2
 **/
void
roster_http_request_set_created(RosterHttpRequest *request, const gchar *collection_path)
{
	request->status = SOUP_STATUS_CREATED;
	g_free(request->location);
	request->location = g_strdup(collection_path);
}

/**
 * roster_http_request_reply_no_content:
 * @request: a #RosterHttpRequest
 *
 * Answers 204 with no body.
 *
 * Since: 0.2
 **/
void
roster_http_request_reply_no_content(RosterHttpRequest *request)
{
	request->answered = TRUE;
	roster_http_reply_no_content(request->msg);
}

/**
 * roster_http_request_set_attachment:
 * @request: a #RosterHttpRequest
 * @filename: (nullable): the name to save the body as, or %NULL to show it
 *
 * Sets the Content-Disposition header of a body that is a file.
 *
 * Since: 0.2
 **/
void
roster_http_request_set_attachment(RosterHttpRequest *request, const gchar *filename)
{
	g_autofree gchar *disposition = NULL;

	if (filename == NULL)
		return;
	disposition = g_strdup_printf("attachment; filename=\"%s\"", filename);
	soup_message_headers_replace(soup_server_message_get_response_headers(request->msg),
				     "Content-Disposition",
				     disposition);
}

/**
 * roster_http_request_reply_text:
 * @request: a #RosterHttpRequest
 * @content_type: the type of @text, e.g. `text/csv; charset=utf-8`
 * @filename: (nullable): the name of the file to save @text to
 * @text: the body
 *
 * Answers 200 with a body that is not JSON.
 *
 * Since: 0.2
 **/
void
roster_http_request_reply_text(RosterHttpRequest *request,
			       const gchar *content_type,
			       const gchar *filename,
			       const gchar *text)
{
	request->answered = TRUE;
	roster_http_set_common_headers(request->msg);
	roster_http_request_set_attachment(request, filename);
	soup_server_message_set_status(request->msg, SOUP_STATUS_OK, NULL);
	soup_server_message_set_response(request->msg,
					 content_type,
					 SOUP_MEMORY_COPY,
					 text,
					 strlen(text));
}

/* the prologue every route shares, then the handler; FALSE when the request has
 * been answered */
static gboolean
request_prepare(RosterHttpRequest *request, GError **error)
{
	const RosterHttpRoute *route = request->route;
	SoupMessageBody *body = soup_server_message_get_request_body(request->msg);

	if (route->auth == ROSTER_HTTP_AUTH_TOKEN) {
		request->principal = roster_http_authenticate(request->engine, request->msg, error);
		if (request->principal == NULL)
			return FALSE;
	}
	if (route->guard != NULL && !route->guard(request, error))
		return FALSE;
	if (route->body == ROSTER_HTTP_BODY_REQUIRED ||
	    (route->body == ROSTER_HTTP_BODY_OPTIONAL && body->length > 0)) {
		request->body = roster_http_parse_body(request->msg, error);
		if (request->body == NULL)
			return FALSE;
	}
	return TRUE;
}

static void
router_cb(SoupServer *soup_server,
	  SoupServerMessage *msg,
	  const char *path,
	  GHashTable *query,
	  gpointer user_data)
{
	RosterHttpRouter *router = user_data;
	g_autoptr(RosterHttpRequest) request = request_new(router, msg, query);
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *cache_key = NULL;
	RosterHttpMethod allowed = 0;
	const RouterEntry *entry;

	entry = router_find(router,
			    path,
			    method_from_string(soup_server_message_get_method(msg)),
			    request,
			    &allowed);
	if (entry == NULL && allowed != 0) {
		g_autofree gchar *allow = roster_http_router_dup_allow(allowed);
		roster_http_reply_method_not_allowed(msg, allow);
		return;
	}
	if (entry == NULL) {
		reply_not_found(msg);
		return;
	}
	request->route = &entry->route;
	request->data = entry->data;
	if ((entry->route.flags & ROSTER_HTTP_ROUTE_FLAG_CACHED) != 0 &&
	    g_strcmp0(soup_server_message_get_method(msg), "GET") == 0)
		cache_key = roster_http_answer_cache_dup_key(msg, path);
	if (cache_key != NULL &&
	    roster_http_answer_cache_reply(router->answers, router->engine, cache_key, msg))
		return;
	if (request_prepare(request, &error))
		result = entry->route.handler(request, &error);
	if (request->answered)
		return;
	if (result == NULL && error == NULL) {
		g_critical("the handler of %s answered nothing", entry->pattern);
		g_set_error_literal(&error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "the handler answered nothing");
	}
	if (result != NULL && cache_key != NULL && request->status == SOUP_STATUS_OK) {
		roster_http_answer_cache_reply_new(router->answers, cache_key, msg, result);
		return;
	}
	roster_http_request_answer(request, result, error);
}

static void
refuse_body(SoupServerMessage *msg)
{
	SoupMessageBody *body = soup_server_message_get_request_body(msg);
	g_autofree gchar *message = g_strdup_printf("request body is larger than %u bytes",
						    (guint)ROSTER_HTTP_MAX_BODY_SIZE);

	/* whatever arrives from now on is dropped, never kept or handed on */
	soup_message_body_set_accumulate(body, FALSE);
	soup_message_body_truncate(body);
	roster_http_reply_error_literal(msg, ROSTER_ERROR_TOO_LARGE, message);
	soup_message_headers_replace(soup_server_message_get_response_headers(msg),
				     "Connection",
				     "close");
}

static void
request_got_chunk_cb(SoupServerMessage *msg, GBytes *chunk, gpointer user_data)
{
	SoupMessageBody *body = soup_server_message_get_request_body(msg);

	if (soup_server_message_get_status(msg) != 0)
		return;
	if (body->length > ROSTER_HTTP_MAX_BODY_SIZE)
		refuse_body(msg);
}

/*
 * limit_body_early_cb:
 * @soup_server: a #SoupServer
 * @msg: a #SoupServerMessage whose headers have arrived
 * @path: the request path
 * @query: (nullable): the query
 * @user_data: unused
 *
 * Refuses a declared body over %ROSTER_HTTP_MAX_BODY_SIZE before it is read, and
 * watches a chunked body so that one growing past the limit is refused too; a
 * refused body never reaches a handler.
 */
static void
limit_body_early_cb(SoupServer *soup_server,
		    SoupServerMessage *msg,
		    const char *path,
		    GHashTable *query,
		    gpointer user_data)
{
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(msg);

	if (soup_message_headers_get_encoding(headers) == SOUP_ENCODING_CONTENT_LENGTH &&
	    soup_message_headers_get_content_length(headers) > ROSTER_HTTP_MAX_BODY_SIZE) {
		refuse_body(msg);
		return;
	}
	g_signal_connect(msg, "got-chunk", G_CALLBACK(request_got_chunk_cb), NULL);
}

/**
 * roster_http_router_attach:
 * @router: a #RosterHttpRouter, which must outlive @soup_server's use of it
 * @soup_server: the #SoupServer
 *
 * Serves every path of @soup_server with the router, after the early handler that
 * refuses oversized bodies.
 *
 * Since: 0.2
 **/
void
roster_http_router_attach(RosterHttpRouter *router, SoupServer *soup_server)
{
	soup_server_add_early_handler(soup_server, NULL, limit_body_early_cb, NULL, NULL);
	soup_server_add_handler(soup_server, NULL, router_cb, router, NULL);
}
