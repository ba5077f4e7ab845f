/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-engine-web.h"
#include "roster-http-router.h"
#include "roster-json-keys.h"
#include "roster-web-resources.h"

/*
 * The volunteers' page and its sessions:
 *
 *   GET    /                        302 to /my/
 *   GET    /my/                     the page, in Chinese or English (?lang=, else
 *                                   Accept-Language)
 *   GET    /my/{file}               its scripts, style sheet and string tables
 *   POST   /api/v1/session          {"username","password"} → a cookie session
 *   POST   /api/v1/session/link     {"token"} of a sign-in link → a cookie session
 *   GET    /api/v1/session          who the session is, with its CSRF token
 *   DELETE /api/v1/session          ends the session and clears the cookie
 *   POST   /api/v1/signin-links     {"volunteer_id","lifetime"?} (coordinators)
 *   GET    /api/v1/signin-links     ?volunteer_id= (coordinators)
 *   DELETE /api/v1/signin-links/{id} revokes an unused link (coordinators)
 *
 * A session's answer carries its CSRF token, which the page sends back in the
 * X-CSRF-Token header of every request that changes something.
 */

#define WEB_RESOURCE_PATH "/cn/hotline/Roster/web/"
#define WEB_LANG_MARK	  "lang=\"zh-CN\""

/* the page may load only its own files and talk only to its own daemon */
#define PAGE_POLICY                                                                                \
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "          \
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "             \
	"frame-ancestors 'none'"

static const struct {
	const gchar *suffix;
	const gchar *content_type;
} content_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
};

static void
set_page_headers(SoupServerMessage *msg)
{
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);

	roster_http_set_common_headers(msg);
	soup_message_headers_replace(headers, "Content-Security-Policy", PAGE_POLICY);
	soup_message_headers_replace(headers, "X-Frame-Options", "DENY");
	soup_message_headers_replace(headers, "Cache-Control", "no-cache");
}

/* the language of the page: ?lang= first, then the browser's first choice; Chinese
 * unless English is asked for */
static const gchar *
page_language(RosterHttpRequest *request)
{
	const gchar *lang = roster_http_request_get_param(request, "lang");
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(request->msg);
	const gchar *accept = soup_message_headers_get_list(headers, "Accept-Language");
	g_autoptr(GSList) preferred = NULL;

	if (lang != NULL)
		return g_ascii_strncasecmp(lang, "en", 2) == 0 ? "en" : "zh-CN";
	if (accept == NULL)
		return "zh-CN";
	preferred = soup_header_parse_quality_list(accept, NULL);
	if (preferred != NULL && g_ascii_strncasecmp(preferred->data, "en", 2) == 0) {
		g_slist_free_full(g_steal_pointer(&preferred), g_free);
		return "en";
	}
	g_slist_free_full(g_steal_pointer(&preferred), g_free);
	return "zh-CN";
}

static GBytes *
lookup_file(const gchar *name, GError **error)
{
	g_autofree gchar *path = NULL;
	GBytes *bytes;

	if (name == NULL || name[0] == '\0' || name[0] == '.' || strchr(name, '/') != NULL)
		bytes = NULL;
	else {
		path = g_strconcat(WEB_RESOURCE_PATH, name, NULL);
		bytes = g_resource_lookup_data(roster_web_get_resource(),
					       path,
					       G_RESOURCE_LOOKUP_FLAGS_NONE,
					       NULL);
	}
	if (bytes == NULL)
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "the page has no file %s",
			    name != NULL ? name : "");
	return bytes;
}

static void
reply_bytes(RosterHttpRequest *request, const gchar *content_type, GBytes *bytes)
{
	gsize length = 0;
	gconstpointer data = g_bytes_get_data(bytes, &length);

	request->answered = TRUE;
	set_page_headers(request->msg);
	soup_server_message_set_status(request->msg, SOUP_STATUS_OK, NULL);
	soup_server_message_set_response(request->msg,
					 content_type,
					 SOUP_MEMORY_COPY,
					 data,
					 length);
}

static JsonNode *
root_cb(RosterHttpRequest *request, GError **error)
{
	const gchar *lang = roster_http_request_get_param(request, "lang");
	g_autofree gchar *location = g_strdup_printf(
	    "/my/%s",
	    lang != NULL && g_ascii_strncasecmp(lang, "en", 2) == 0 ? "?lang=en" : "");

	request->answered = TRUE;
	set_page_headers(request->msg);
	/* a relative location: behind a proxy the daemon does not know its public address */
	soup_server_message_set_status(request->msg, SOUP_STATUS_FOUND, NULL);
	soup_message_headers_replace(soup_server_message_get_response_headers(request->msg),
				     "Location",
				     location);
	return NULL;
}

static JsonNode *
page_cb(RosterHttpRequest *request, GError **error)
{
	g_autoptr(GBytes) bytes = lookup_file("index.html", error);
	g_autoptr(GString) page = NULL;
	g_autofree gchar *mark = NULL;

	if (bytes == NULL)
		return NULL;
	page = g_string_new_len(g_bytes_get_data(bytes, NULL), (gssize)g_bytes_get_size(bytes));
	mark = g_strdup_printf("lang=\"%s\"", page_language(request));
	g_string_replace(page, WEB_LANG_MARK, mark, 1);
	request->answered = TRUE;
	set_page_headers(request->msg);
	soup_message_headers_replace(soup_server_message_get_response_headers(request->msg),
				     "Vary",
				     "Accept-Language");
	soup_server_message_set_status(request->msg, SOUP_STATUS_OK, NULL);
	soup_server_message_set_response(request->msg,
					 "text/html; charset=utf-8",
					 SOUP_MEMORY_COPY,
					 page->str,
					 page->len);
	return NULL;
}

static JsonNode *
file_cb(RosterHttpRequest *request, GError **error)
{
	g_autoptr(GBytes) bytes = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(content_types); i++) {
		if (!g_str_has_suffix(request->text, content_types[i].suffix))
			continue;
		bytes = lookup_file(request->text, error);
		if (bytes == NULL)
			return NULL;
		reply_bytes(request, content_types[i].content_type, bytes);
		return NULL;
	}
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_NOT_FOUND,
		    "the page has no file %s",
		    request->text);
	return NULL;
}

/* a sign-in must come as JSON: a form of another site can post text/plain that parses
 * as JSON, but cannot set this type without the browser asking the daemon first */
static gboolean
check_json_body(RosterHttpRequest *request, GError **error)
{
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(request->msg);
	const gchar *type = soup_message_headers_get_content_type(headers, NULL);

	if (g_strcmp0(type, "application/json") == 0)
		return TRUE;
	g_set_error_literal(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_MALFORMED,
			    "a sign-in must be sent as Content-Type: application/json");
	return FALSE;
}

/* the answer of a session: who it is and its CSRF token, never the session's token */
static JsonNode *
session_node(RosterPrincipal *principal, const gchar *token, gint64 expires_at)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autofree gchar *csrf = roster_engine_dup_csrf_token(token);
	gint64 volunteer_id = roster_principal_get_volunteer_id(principal);

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_WEB_KEY_CSRF_TOKEN);
	json_builder_add_string_value(builder, csrf);
	json_builder_set_member_name(builder, ROSTER_KEY_USERNAME);
	json_builder_add_string_value(builder, roster_principal_get_username(principal));
	json_builder_set_member_name(builder, ROSTER_KEY_ROLE);
	json_builder_add_string_value(builder,
				      roster_role_to_string(roster_principal_get_role(principal)));
	json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
	if (volunteer_id > 0)
		json_builder_add_int_value(builder, volunteer_id);
	else
		json_builder_add_null_value(builder);
	if (expires_at > 0) {
		g_autoptr(GDateTime) expires = g_date_time_new_from_unix_utc(expires_at);
		g_autofree gchar *text = g_date_time_format(expires, "%Y-%m-%dT%H:%M:%SZ");
		json_builder_set_member_name(builder, ROSTER_KEY_EXPIRES_AT);
		json_builder_add_string_value(builder, text);
	}
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/* answers a new session: its cookie and who it is */
static void
answer_session(RosterHttpRequest *request,
	       const gchar *token,
	       RosterPrincipal *principal,
	       gint64 expires_at,
	       gint64 retry_after,
	       const GError *error)
{
	g_autoptr(JsonNode) root = NULL;

	if (token == NULL) {
		request->retry_after = (guint)CLAMP(retry_after, 0, G_MAXUINT);
		roster_http_request_answer(request, NULL, error);
		return;
	}
	root = session_node(principal, token, expires_at);
	if (!request->gone)
		roster_http_set_session_cookie(request->msg,
					       token,
					       expires_at - g_get_real_time() / G_USEC_PER_SEC);
	roster_http_request_answer(request, root, NULL);
}

static void
session_login_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterHttpRequest) request = user_data;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	gint64 expires_at = 0;
	gint64 retry_after = 0;

	token = roster_engine_login_finish(ROSTER_ENGINE(source),
					   result,
					   &expires_at,
					   &principal,
					   &retry_after,
					   &error);
	answer_session(request, token, principal, expires_at, retry_after, error);
}

static JsonNode *
session_login_cb(RosterHttpRequest *request, GError **error)
{
	const gchar *username = NULL;
	const gchar *password = NULL;
	RosterHttpRequest *paused;

	if (!check_json_body(request, error) ||
	    !roster_http_read_login_body(request->body, &username, &password, error))
		return NULL;
	/* the engine's login: rate-limited, the password verified in a worker thread */
	paused = roster_http_request_pause(request);
	roster_engine_login_async(request->engine,
				  username,
				  password,
				  soup_server_message_get_remote_host(request->msg),
				  paused->cancellable,
				  session_login_done_cb,
				  paused);
	return NULL;
}

static JsonNode *
session_link_cb(RosterHttpRequest *request, GError **error)
{
	JsonObject *object = json_node_get_object(request->body);
	JsonNode *node = json_object_get_member(object, ROSTER_KEY_TOKEN);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GError) error_local = NULL;
	g_autofree gchar *token = NULL;
	gint64 expires_at = 0;
	gint64 retry_after = 0;

	if (!check_json_body(request, error))
		return NULL;
	if (node == NULL || json_node_get_value_type(node) != G_TYPE_STRING ||
	    json_object_get_size(object) != 1) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_TOKEN,
				       "the body is {\"token\": \"…\"} and nothing else");
		return NULL;
	}
	token = roster_engine_redeem_signin_link(request->engine,
						 json_node_get_string(node),
						 soup_server_message_get_remote_host(request->msg),
						 &expires_at,
						 &principal,
						 &retry_after,
						 &error_local);
	request->answered = TRUE;
	answer_session(request, token, principal, expires_at, retry_after, error_local);
	return NULL;
}

static JsonNode *
session_get_cb(RosterHttpRequest *request, GError **error)
{
	g_autofree gchar *token = roster_http_dup_session_token(request->msg, NULL, error);

	if (token == NULL)
		return NULL;
	return session_node(request->principal, token, 0);
}

static JsonNode *
session_delete_cb(RosterHttpRequest *request, GError **error)
{
	g_autofree gchar *token = roster_http_dup_session_token(request->msg, NULL, error);

	if (token == NULL || !roster_engine_logout(request->engine, token, error))
		return NULL;
	roster_http_request_reply_no_content(request);
	roster_http_set_session_cookie(request->msg, NULL, 0);
	return NULL;
}

static JsonNode *
links_create_cb(RosterHttpRequest *request, GError **error)
{
	JsonNode *link = roster_engine_create_signin_link(request->engine,
							  request->principal,
							  request->body,
							  error);

	if (link != NULL)
		roster_http_request_set_created(request, ROSTER_HTTP_API_PREFIX "/signin-links");
	return link;
}

static JsonNode *
links_list_cb(RosterHttpRequest *request, GError **error)
{
	gint64 volunteer_id = roster_http_request_get_id_param(request, ROSTER_KEY_VOLUNTEER_ID);

	if (volunteer_id < 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_VOLUNTEER_ID,
				       "must be a positive id");
		return NULL;
	}
	return roster_engine_list_signin_links(request->engine,
					       request->principal,
					       volunteer_id,
					       error);
}

static JsonNode *
links_revoke_cb(RosterHttpRequest *request, GError **error)
{
	if (!roster_engine_revoke_signin_link(request->engine,
					      request->principal,
					      request->ids[0],
					      error))
		return NULL;
	roster_http_request_reply_no_content(request);
	return NULL;
}

static const RosterHttpRoute page_routes[] = {
    {ROSTER_HTTP_METHOD_GET, "/", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_NONE, root_cb},
    {ROSTER_HTTP_METHOD_GET, "/my", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_NONE, root_cb},
    {ROSTER_HTTP_METHOD_GET, "/my/", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_NONE, page_cb},
    {ROSTER_HTTP_METHOD_GET, "/my/{text}", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_NONE, file_cb},
};

static const RosterHttpRoute session_routes[] = {
    {ROSTER_HTTP_METHOD_POST,
     "/session",
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_NONE,
     session_login_cb},
    {ROSTER_HTTP_METHOD_POST,
     "/session/link",
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_NONE,
     session_link_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/session",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     session_get_cb},
    {ROSTER_HTTP_METHOD_DELETE,
     "/session",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     session_delete_cb},
    {ROSTER_HTTP_METHOD_POST,
     "/signin-links",
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_TOKEN,
     links_create_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/signin-links",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     links_list_cb},
    {ROSTER_HTTP_METHOD_DELETE,
     "/signin-links/{id}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     links_revoke_cb},
};

/**
 * roster_http_route_web_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the volunteers' page, its sessions and the sign-in links.
 *
 * Since: 0.3
 **/
void
roster_http_route_web_add(RosterHttpRouter *router)
{
	roster_http_router_add(router, page_routes, G_N_ELEMENTS(page_routes), NULL, NULL);
	roster_http_router_add(router,
			       session_routes,
			       G_N_ELEMENTS(session_routes),
			       ROSTER_HTTP_API_PREFIX,
			       NULL);
}
