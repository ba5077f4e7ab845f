/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-http-private.h"

/* the bearer token of a request, and the caller it belongs to */

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

/**
 * roster_http_authenticate:
 * @engine: a #RosterEngine
 * @msg: a #SoupServerMessage
 * @error: a #GError or %NULL
 *
 * Finds who is calling from the bearer token of @msg.
 *
 * Returns: (transfer full): the principal, or %NULL with %ROSTER_ERROR_AUTH_FAILED
 *
 * Since: 0.1
 **/
RosterPrincipal *
roster_http_authenticate(RosterEngine *engine, SoupServerMessage *msg, GError **error)
{
	g_autofree gchar *token = NULL;

	token = roster_http_dup_bearer_token(msg, error);
	if (token == NULL)
		return NULL;
	return roster_engine_authenticate(engine, token, error);
}
