/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-engine-web.h"
#include "roster-http-private.h"

/* the token of a request (a bearer token, or a browser's session cookie with its CSRF
 * token), and the caller it belongs to */

/* longer values cannot be tokens we issued; refuse them before the engine sees them */
#define ROSTER_HTTP_MAX_TOKEN_LENGTH 512

/**
 * roster_http_dup_bearer_token:
 * @msg: a #SoupServerMessage
 * @error: a #GError or %NULL
 *
 * Reads the token of an `Authorization: Bearer <token>` header. The token is
 * never logged.
 *
 * Returns: (transfer full): the token, or %NULL with %ROSTER_ERROR_AUTH_FAILED
 *
 * Since: 0.1
 **/
gchar *
roster_http_dup_bearer_token(SoupServerMessage *msg, GError **error)
{
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(msg);
	const gchar *value = soup_message_headers_get_one(headers, "Authorization");
	const gchar *token;
	gsize length;

	if (value == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    "a bearer token is needed: log in first");
		return NULL;
	}
	if (g_ascii_strncasecmp(value, "Bearer ", 7) != 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    "the Authorization header must use the Bearer scheme");
		return NULL;
	}
	token = value + 7;
	while (*token == ' ')
		token++;
	length = strlen(token);
	while (length > 0 && token[length - 1] == ' ')
		length--;
	if (length == 0 || length > ROSTER_HTTP_MAX_TOKEN_LENGTH) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    "the bearer token is malformed");
		return NULL;
	}
	for (gsize i = 0; i < length; i++) {
		if (!g_ascii_isgraph(token[i])) {
			g_set_error_literal(error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_AUTH_FAILED,
					    "the bearer token is malformed");
			return NULL;
		}
	}
	return g_strndup(token, length);
}

/* the session cookie's value from the Cookie header, or NULL */
static gchar *
dup_session_cookie(SoupServerMessage *msg)
{
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(msg);
	const gchar *value = soup_message_headers_get_list(headers, "Cookie");
	g_autoptr(GHashTable) cookies = NULL;
	const gchar *token;

	if (value == NULL)
		return NULL;
	cookies = soup_header_parse_semi_param_list(value);
	token = g_hash_table_lookup(cookies, ROSTER_HTTP_SESSION_COOKIE);
	if (token == NULL || strlen(token) > ROSTER_HTTP_MAX_TOKEN_LENGTH)
		return NULL;
	return g_strdup(token);
}

/* whether the method of @msg only reads: those need no CSRF token */
static gboolean
is_safe_method(SoupServerMessage *msg)
{
	const gchar *method = soup_server_message_get_method(msg);

	return g_strcmp0(method, "GET") == 0 || g_strcmp0(method, "HEAD") == 0 ||
	       g_strcmp0(method, "OPTIONS") == 0;
}

/**
 * roster_http_dup_session_token:
 * @msg: a #SoupServerMessage
 * @from_cookie: (out) (optional): whether the token came from the session cookie
 * @error: a #GError or %NULL
 *
 * Reads the token of a request: the bearer token of its Authorization header, or
 * else the session cookie of a browser.
 *
 * Returns: (transfer full): the token, or %NULL with %ROSTER_ERROR_AUTH_FAILED
 *
 * Since: 0.3
 **/
gchar *
roster_http_dup_session_token(SoupServerMessage *msg, gboolean *from_cookie, GError **error)
{
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(msg);
	gchar *cookie = NULL;

	if (from_cookie != NULL)
		*from_cookie = FALSE;
	if (soup_message_headers_get_one(headers, "Authorization") == NULL)
		cookie = dup_session_cookie(msg);
	if (cookie == NULL)
		return roster_http_dup_bearer_token(msg, error);
	if (from_cookie != NULL)
		*from_cookie = TRUE;
	return cookie;
}

/**
 * roster_http_authenticate:
 * @engine: a #RosterEngine
 * @msg: a #SoupServerMessage
 * @error: a #GError or %NULL
 *
 * Finds who is calling, for every route that needs a signed-in caller: from the bearer
 * token of @msg, or from the session cookie of a browser. A request of a cookie
 * session that may change something (any method but GET, HEAD and OPTIONS) must also
 * carry the session's CSRF token in an `X-CSRF-Token` header; a bearer token needs
 * none, since a browser never sends one by itself.
 *
 * Returns: (transfer full): the principal, or %NULL with %ROSTER_ERROR_AUTH_FAILED or
 *   %ROSTER_ERROR_CSRF_FAILED
 *
 * Since: 0.1
 **/
RosterPrincipal *
roster_http_authenticate(RosterEngine *engine, SoupServerMessage *msg, GError **error)
{
	SoupMessageHeaders *headers = soup_server_message_get_request_headers(msg);
	g_autofree gchar *token = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	gboolean from_cookie = FALSE;

	token = roster_http_dup_session_token(msg, &from_cookie, error);
	if (token == NULL)
		return NULL;
	principal = roster_engine_authenticate(engine, token, error);
	if (principal == NULL)
		return NULL;
	if (from_cookie && !is_safe_method(msg) &&
	    !roster_engine_check_csrf(
		token,
		soup_message_headers_get_one(headers, ROSTER_HTTP_CSRF_HEADER),
		error))
		return NULL;
	return g_steal_pointer(&principal);
}

/**
 * roster_http_set_session_cookie:
 * @msg: a #SoupServerMessage
 * @token: (nullable): the session's token, or %NULL to end the session in the browser
 * @max_age: the seconds the cookie lives
 *
 * Sets the session cookie: HttpOnly so that scripts cannot read it, SameSite=Strict so
 * that no other site's page sends it, Path=/ and Secure when the request came over
 * https (directly or through a proxy that says so in X-Forwarded-Proto).
 *
 * Since: 0.3
 **/
void
roster_http_set_session_cookie(SoupServerMessage *msg, const gchar *token, gint64 max_age)
{
	SoupMessageHeaders *request = soup_server_message_get_request_headers(msg);
	const gchar *scheme = g_uri_get_scheme(soup_server_message_get_uri(msg));
	const gchar *forwarded = soup_message_headers_get_one(request, "X-Forwarded-Proto");
	gboolean secure = g_strcmp0(scheme, "https") == 0 ||
			  (forwarded != NULL && g_ascii_strcasecmp(forwarded, "https") == 0);
	g_autofree gchar *cookie = NULL;

	cookie = g_strdup_printf("%s=%s; Path=/; Max-Age=%" G_GINT64_FORMAT
				 "; HttpOnly; SameSite=Strict%s",
				 ROSTER_HTTP_SESSION_COOKIE,
				 token != NULL ? token : "",
				 token != NULL ? MAX(max_age, 0) : 0,
				 secure ? "; Secure" : "");
	soup_message_headers_append(soup_server_message_get_response_headers(msg),
				    "Set-Cookie",
				    cookie);
}
