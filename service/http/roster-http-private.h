/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "roster-engine.h"
#include "roster-http-api.h"

G_BEGIN_DECLS

/* what the files of the HTTP layer share: the replies, the parsing of request bodies and
 * the bearer tokens */

/* member names that only the HTTP layer writes; candidates for roster-json-keys.h */
#define ROSTER_HTTP_KEY_STATUS	"status"
#define ROSTER_HTTP_KEY_VERSION "version"

/* roster-http-json.c: responses and request bodies */
void
roster_http_set_common_headers(SoupServerMessage *msg);
void
roster_http_reply_json(SoupServerMessage *msg, guint status, JsonNode *node);
void
roster_http_reply_no_content(SoupServerMessage *msg);
void
roster_http_reply_error(SoupServerMessage *msg, const GError *error);
void
roster_http_reply_error_with_details(SoupServerMessage *msg,
				     const GError *error,
				     const gchar *details_key,
				     JsonNode *details);
void
roster_http_reply_error_literal(SoupServerMessage *msg, RosterError code, const gchar *message);
void
roster_http_reply_method_not_allowed(SoupServerMessage *msg, const gchar *allow);
guint
roster_http_status_for_error(const GError *error);
JsonNode *
roster_http_parse_json(const gchar *data, gsize length, GError **error);
JsonNode *
roster_http_parse_body(SoupServerMessage *msg, GError **error);

/* roster-http-auth.c: bearer tokens and browser sessions */
#define ROSTER_HTTP_SESSION_COOKIE "roster_session"
#define ROSTER_HTTP_CSRF_HEADER	   "X-CSRF-Token"
gchar *
roster_http_dup_bearer_token(SoupServerMessage *msg, GError **error);
gchar *
roster_http_dup_session_token(SoupServerMessage *msg, gboolean *from_cookie, GError **error);
RosterPrincipal *
roster_http_authenticate(RosterEngine *engine, SoupServerMessage *msg, GError **error);
void
roster_http_set_session_cookie(SoupServerMessage *msg, const gchar *token, gint64 max_age);

/* roster-http-route-auth.c: the body of a login, {"username", "password"} */
gboolean
roster_http_read_login_body(JsonNode *body,
			    const gchar **username,
			    const gchar **password,
			    GError **error);

G_END_DECLS
