/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-http-router.h"
#include "roster-json-keys.h"

/*
 * The routes of sessions and of the service itself:
 *
 *   GET  /api/v1/health   no login
 *   POST /api/v1/login    {"username","password"} → a bearer token (no login)
 *   POST /api/v1/logout   ends the session of the bearer token
 *   GET  /api/v1/me       who the bearer token belongs to
 */

static JsonNode *
health_cb(RosterHttpRequest *request, GError **error)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_HTTP_KEY_STATUS);
	json_builder_add_string_value(builder, "ok");
	json_builder_set_member_name(builder, ROSTER_HTTP_KEY_VERSION);
	json_builder_add_string_value(builder, PACKAGE_VERSION);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/**
 * roster_http_read_login_body:
 * @body: the body of a request
 * @username: (out): its username
 * @password: (out): its password
 * @error: a #GError or %NULL
 *
 * Reads a login body: exactly a string username and a string password.
 *
 * Returns: %FALSE with %ROSTER_ERROR_INVALID_DATA about the field that is wrong
 *
 * Since: 0.3
 **/
gboolean
roster_http_read_login_body(JsonNode *body,
			    const gchar **username,
			    const gchar **password,
			    GError **error)
{
	JsonObject *object = json_node_get_object(body);
	const gchar *keys[] = {ROSTER_KEY_USERNAME, ROSTER_KEY_PASSWORD};
	const gchar **values[] = {username, password};
	g_autoptr(GList) members = json_object_get_members(object);

	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		if (g_strcmp0(key, ROSTER_KEY_USERNAME) != 0 &&
		    g_strcmp0(key, ROSTER_KEY_PASSWORD) != 0) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       key,
					       "unknown field");
			return FALSE;
		}
	}
	for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
		JsonNode *node = json_object_get_member(object, keys[i]);
		if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
		    json_node_get_value_type(node) != G_TYPE_STRING) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       keys[i],
					       "a string is required");
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
	g_autoptr(RosterHttpRequest) request = user_data;
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
	if (token == NULL) {
		request->retry_after = (guint)CLAMP(retry_after, 0, G_MAXUINT);
		roster_http_request_answer(request, NULL, error);
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
	if (!request->gone)
		g_info("%s logged in", roster_principal_get_username(principal));
	roster_http_request_answer(request, root, NULL);
}

static JsonNode *
login_cb(RosterHttpRequest *request, GError **error)
{
	const gchar *username = NULL;
	const gchar *password = NULL;
	RosterHttpRequest *paused;

	if (!roster_http_read_login_body(request->body, &username, &password, error))
		return NULL;
	/* the password is verified in a worker thread; the main loop keeps serving */
	paused = roster_http_request_pause(request);
	roster_engine_login_async(request->engine,
				  username,
				  password,
				  soup_server_message_get_remote_host(request->msg),
				  paused->cancellable,
				  login_done_cb,
				  paused);
	return NULL;
}

static JsonNode *
logout_cb(RosterHttpRequest *request, GError **error)
{
	g_autofree gchar *token = roster_http_dup_session_token(request->msg, NULL, error);

	if (token == NULL || !roster_engine_logout(request->engine, token, error))
		return NULL;
	roster_http_request_reply_no_content(request);
	return NULL;
}

static JsonNode *
me_cb(RosterHttpRequest *request, GError **error)
{
	RosterPrincipal *principal = request->principal;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	gint64 volunteer_id = roster_principal_get_volunteer_id(principal);

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
	return json_builder_get_root(builder);
}

static const RosterHttpRoute auth_routes[] = {
    {ROSTER_HTTP_METHOD_GET, "/health", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_NONE, health_cb},
    {ROSTER_HTTP_METHOD_POST, "/login", ROSTER_HTTP_BODY_REQUIRED, ROSTER_HTTP_AUTH_NONE, login_cb},
    {ROSTER_HTTP_METHOD_POST, "/logout", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, logout_cb},
    {ROSTER_HTTP_METHOD_GET, "/me", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, me_cb},
};

/**
 * roster_http_route_auth_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the health check and the routes of sessions.
 *
 * Since: 0.2
 **/
void
roster_http_route_auth_add(RosterHttpRouter *router)
{
	roster_http_router_add(router,
			       auth_routes,
			       G_N_ELEMENTS(auth_routes),
			       ROSTER_HTTP_API_PREFIX,
			       NULL);
}
