/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-engine-rosters.h"
#include "roster-http-private.h"
#include "roster-http-rosters.h"
#include "roster-json-keys.h"

/*
 * /api/v1/rosters and everything below one roster: solve jobs, assignments,
 * explanations, suggestions, publishing, versions and diffs. Each handler checks the
 * method, authenticates, parses the body and calls the engine; the engine decides.
 *
 *   GET, POST        /rosters
 *   GET              /rosters/{id}
 *   POST, GET, DELETE /rosters/{id}/solve            (POST answers 202 with the job)
 *     (POST answers 429 too-many-requests with Retry-After when the most solves that
 *     may run at once are running)
 *   POST             /rosters/{id}/assignments
 *   PATCH, DELETE    /rosters/{id}/assignments/{aid}  (DELETE ?revision=N&override=true)
 *   POST             /rosters/{id}/swap  (two assignments exchange their volunteers)
 *   GET              /rosters/{id}/explanations
 *   GET              /rosters/{id}/suggestions?date=&slot=&seat_class=
 *   POST             /rosters/{id}/publish
 *   GET              /rosters/{id}/versions
 *   GET              /rosters/{id}/diff?from=N&to=M
 */

#define ALLOW_SOLVE  "GET, POST, DELETE"
#define ALLOW_ASSIGN "PATCH, DELETE"

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

static void
reply_not_found(SoupServerMessage *msg)
{
	g_autofree gchar *message =
	    g_strdup_printf("no route for %s %s",
			    soup_server_message_get_method(msg),
			    g_uri_get_path(soup_server_message_get_uri(msg)));
	roster_http_reply_error_literal(msg, ROSTER_ERROR_NOT_FOUND, message);
}

static const gchar *
query_get(GHashTable *query, const gchar *key)
{
	return query != NULL ? g_hash_table_lookup(query, key) : NULL;
}

/* an integer query parameter: absent gives @absent, a bad one an error */
static gboolean
query_int(GHashTable *query, const gchar *key, gint64 absent, gint64 *value, GError **error)
{
	const gchar *text = query_get(query, key);
	guint64 parsed = 0;

	*value = absent;
	if (text == NULL)
		return TRUE;
	if (!g_ascii_string_to_unsigned(text, 10, 0, G_MAXINT64, &parsed, NULL)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "%s: must be a non-negative integer",
			    key);
		return FALSE;
	}
	*value = (gint64)parsed;
	return TRUE;
}

static void
reply_created(SoupServerMessage *msg, const gchar *location, JsonNode *node)
{
	soup_message_headers_replace(soup_server_message_get_response_headers(msg),
				     "Location",
				     location);
	roster_http_reply_json(msg, SOUP_STATUS_CREATED, node);
}

/* a solve refused for too many running ones may start when the first of them ends */
static void
reply_retry_after(SoupServerMessage *msg, guint seconds)
{
	g_autofree gchar *value = g_strdup_printf("%u", seconds);

	soup_message_headers_replace(soup_server_message_get_response_headers(msg),
				     "Retry-After",
				     value);
}

/* the answer of one sub-resource of a roster; NULL when the method is not allowed
 * (already answered) or with @error set */
static JsonNode *
handle_roster_part(RosterEngine *engine,
		   RosterPrincipal *principal,
		   SoupServerMessage *msg,
		   GHashTable *query,
		   gint64 id,
		   const gchar *part,
		   JsonNode *body,
		   guint *status,
		   GError **error)
{
	if (g_strcmp0(part, "solve") == 0) {
		if (method_is(msg, SOUP_METHOD_POST)) {
			*status = SOUP_STATUS_ACCEPTED;
			return roster_engine_start_solve(engine, principal, id, body, error);
		}
		if (method_is(msg, SOUP_METHOD_DELETE))
			return roster_engine_cancel_solve(engine, principal, id, error);
		return roster_engine_get_solve(engine, principal, id, error);
	}
	if (g_strcmp0(part, "explanations") == 0)
		return roster_engine_explain_roster(engine, principal, id, error);
	if (g_strcmp0(part, "suggestions") == 0)
		return roster_engine_suggest(engine,
					     principal,
					     id,
					     query_get(query, ROSTER_PARAM_DATE),
					     query_get(query, ROSTER_PARAM_SLOT),
					     query_get(query, ROSTER_PARAM_SEAT_CLASS),
					     error);
	if (g_strcmp0(part, "publish") == 0) {
		JsonObject *obj = body != NULL && JSON_NODE_HOLDS_OBJECT(body)
				      ? json_node_get_object(body)
				      : NULL;
		gint64 revision =
		    obj != NULL
			? json_object_get_int_member_with_default(obj, ROSTER_KEY_REVISION, 0)
			: 0;
		return roster_engine_publish_roster(engine, principal, id, revision, error);
	}
	if (g_strcmp0(part, "versions") == 0)
		return roster_engine_list_versions(engine, principal, id, error);
	if (g_strcmp0(part, "diff") == 0) {
		gint64 from = 0;
		gint64 to = 0;
		if (!query_int(query, ROSTER_PARAM_FROM, 0, &from, error) ||
		    !query_int(query, ROSTER_PARAM_TO, 0, &to, error))
			return NULL;
		return roster_engine_diff_versions(engine, principal, id, from, to, error);
	}
	if (g_strcmp0(part, ROSTER_COLLECTION_ASSIGNMENTS) == 0) {
		*status = SOUP_STATUS_CREATED;
		return roster_engine_assign(engine, principal, id, body, error);
	}
	if (g_strcmp0(part, "swap") == 0)
		return roster_engine_swap_assignments(engine, principal, id, body, error);
	return NULL;
}

/* the methods each sub-resource takes */
static const gchar *
allowed_methods(const gchar *part)
{
	if (g_strcmp0(part, "solve") == 0)
		return ALLOW_SOLVE;
	if (g_strcmp0(part, "publish") == 0 ||
	    g_strcmp0(part, ROSTER_COLLECTION_ASSIGNMENTS) == 0 || g_strcmp0(part, "swap") == 0)
		return ROSTER_HTTP_ALLOW_POST;
	if (g_strcmp0(part, "explanations") == 0 || g_strcmp0(part, "suggestions") == 0 ||
	    g_strcmp0(part, "versions") == 0 || g_strcmp0(part, "diff") == 0)
		return ROSTER_HTTP_ALLOW_GET;
	return NULL;
}

static gboolean
method_allowed(SoupServerMessage *msg, const gchar *allow)
{
	g_auto(GStrv) methods = g_strsplit(allow, ", ", -1);
	return g_strv_contains((const gchar *const *)methods, soup_server_message_get_method(msg));
}

/* an error reply; a refusal for a hard rule says whether "override" would accept it */
static void
reply_roster_error(SoupServerMessage *msg, const GError *error)
{
	gboolean overridable = FALSE;
	g_autoptr(JsonNode) node = NULL;

	if (!roster_engine_is_rule_refusal(error, &overridable)) {
		roster_http_reply_error(msg, error);
		return;
	}
	node = json_node_new(JSON_NODE_VALUE);
	json_node_set_boolean(node, overridable);
	roster_http_reply_error_with_details(msg, error, ROSTER_KEY_OVERRIDABLE, node);
}

static void
handle_assignment(RosterEngine *engine,
		  RosterPrincipal *principal,
		  SoupServerMessage *msg,
		  GHashTable *query,
		  gint64 id,
		  gint64 aid,
		  JsonNode *body)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result = NULL;

	if (method_is(msg, "PATCH")) {
		result = roster_engine_update_assignment(engine, principal, id, aid, body, &error);
	} else {
		gint64 revision = 0;
		const gchar *override = query_get(query, ROSTER_KEY_OVERRIDE);
		if (query_int(query, ROSTER_KEY_REVISION, 0, &revision, &error))
			result = roster_engine_unassign(engine,
							principal,
							id,
							aid,
							revision,
							g_strcmp0(override, "true") == 0,
							&error);
	}
	if (result == NULL) {
		reply_roster_error(msg, error);
		return;
	}
	roster_http_reply_json(msg, SOUP_STATUS_OK, result);
}

static void
rosters_cb(SoupServer *soup_server,
	   SoupServerMessage *msg,
	   const char *path,
	   GHashTable *query,
	   gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	RosterEngine *engine = roster_http_server_get_engine(self);
	const gchar *prefix = ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_ROSTERS;
	g_auto(GStrv) segments = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *allow;
	guint n_segments;
	guint status = SOUP_STATUS_OK;
	gint64 id = 0;
	gint64 aid = 0;

	if (!g_str_has_prefix(path, prefix) ||
	    (path[strlen(prefix)] != '\0' && path[strlen(prefix)] != '/')) {
		reply_not_found(msg);
		return;
	}
	segments =
	    g_strsplit(path[strlen(prefix)] == '/' ? path + strlen(prefix) + 1 : "", "/", -1);
	n_segments = g_strv_length(segments);
	if (n_segments == 1 && segments[0][0] == '\0')
		n_segments = 0;
	if (n_segments >= 1) {
		id = parse_id(segments[0]);
		if (id <= 0) {
			reply_not_found(msg);
			return;
		}
	}
	if (n_segments == 0)
		allow = ROSTER_HTTP_ALLOW_COLLECTION;
	else if (n_segments == 1)
		allow = ROSTER_HTTP_ALLOW_GET;
	else if (n_segments == 2)
		allow = allowed_methods(segments[1]);
	else if (n_segments == 3 && g_strcmp0(segments[1], ROSTER_COLLECTION_ASSIGNMENTS) == 0 &&
		 (aid = parse_id(segments[2])) > 0)
		allow = ALLOW_ASSIGN;
	else
		allow = NULL;
	if (allow == NULL) {
		reply_not_found(msg);
		return;
	}
	if (!method_allowed(msg, allow)) {
		roster_http_reply_method_not_allowed(msg, allow);
		return;
	}
	principal = roster_http_authenticate(engine, msg, &error);
	if (principal == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	if (method_is(msg, SOUP_METHOD_POST) || method_is(msg, "PATCH")) {
		/* a solve may start without a body */
		gboolean empty = soup_server_message_get_request_body(msg)->length == 0;
		if (!(empty && n_segments == 2 && g_strcmp0(segments[1], "solve") == 0)) {
			body = roster_http_parse_body(msg, &error);
			if (body == NULL) {
				roster_http_reply_error(msg, error);
				return;
			}
		}
	}
	if (n_segments == 3) {
		handle_assignment(engine, principal, msg, query, id, aid, body);
		return;
	}
	if (n_segments == 0 && method_is(msg, SOUP_METHOD_GET)) {
		result = roster_engine_list_rosters(engine, principal, &error);
	} else if (n_segments == 0) {
		result = roster_engine_create_roster(engine, principal, body, &error);
		if (result != NULL) {
			g_autofree gchar *location =
			    g_strdup_printf("%s/%" G_GINT64_FORMAT,
					    prefix,
					    json_object_get_int_member(json_node_get_object(result),
								       ROSTER_KEY_ID));
			reply_created(msg, location, result);
			return;
		}
	} else if (n_segments == 1) {
		result = roster_engine_get_roster(engine, principal, id, &error);
	} else {
		result = handle_roster_part(engine,
					    principal,
					    msg,
					    query,
					    id,
					    segments[1],
					    body,
					    &status,
					    &error);
	}
	if (result == NULL) {
		reply_roster_error(msg, error);
		if (g_error_matches(error, ROSTER_ERROR, ROSTER_ERROR_TOO_MANY_REQUESTS))
			reply_retry_after(msg, roster_engine_get_solve_retry_after(engine));
		return;
	}
	roster_http_reply_json(msg, status, result);
}

/**
 * roster_http_rosters_register:
 * @self: the #RosterHttpServer handlers get as user data
 * @soup_server: the #SoupServer
 *
 * Adds the routes under /api/v1/rosters.
 *
 * Since: 0.1
 **/
void
roster_http_rosters_register(RosterHttpServer *self, SoupServer *soup_server)
{
	const gchar *path = ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_ROSTERS;

	soup_server_add_early_handler(soup_server,
				      path,
				      roster_http_limit_body_early_cb,
				      NULL,
				      NULL);
	soup_server_add_handler(soup_server, path, rosters_cb, self, NULL);
}
