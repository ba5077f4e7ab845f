/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-http-private.h"
#include "roster-json-keys.h"

/* the replies of the API (JSON bodies, the one error reply) and the parsing of request
 * bodies */

/* deeper documents are refused before json-glib's recursive parser sees them */
#define ROSTER_HTTP_MAX_JSON_DEPTH 64

/* the name itself cannot be quoted back, so the object holding it is named */
#define INVALID_MEMBER_NAME                                                                        \
	"a member name is not valid Unicode text (an unpaired surrogate or a byte that is "        \
	"not UTF-8)"

/* the one table from error codes to HTTP statuses */
static const guint error_statuses[ROSTER_ERROR_LAST] = {
    [ROSTER_ERROR_INTERNAL] = SOUP_STATUS_INTERNAL_SERVER_ERROR,
    [ROSTER_ERROR_INVALID_DATA] = SOUP_STATUS_UNPROCESSABLE_ENTITY,
    [ROSTER_ERROR_NOT_FOUND] = SOUP_STATUS_NOT_FOUND,
    [ROSTER_ERROR_ALREADY_EXISTS] = SOUP_STATUS_CONFLICT,
    [ROSTER_ERROR_CONFLICT] = SOUP_STATUS_CONFLICT,
    [ROSTER_ERROR_PERMISSION_DENIED] = SOUP_STATUS_FORBIDDEN,
    [ROSTER_ERROR_AUTH_FAILED] = SOUP_STATUS_UNAUTHORIZED,
    [ROSTER_ERROR_BUSY] = SOUP_STATUS_SERVICE_UNAVAILABLE,
    [ROSTER_ERROR_NOT_SUPPORTED] = SOUP_STATUS_NOT_IMPLEMENTED,
    [ROSTER_ERROR_TIMED_OUT] = SOUP_STATUS_SERVICE_UNAVAILABLE,
    [ROSTER_ERROR_MALFORMED] = SOUP_STATUS_BAD_REQUEST,
    [ROSTER_ERROR_TOO_LARGE] = SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
    /* RFC 6585; libsoup 3.2 has no name for it */
    [ROSTER_ERROR_TOO_MANY_REQUESTS] = 429,
    [ROSTER_ERROR_CSRF_FAILED] = SOUP_STATUS_FORBIDDEN,
    [ROSTER_ERROR_LOCKED] = SOUP_STATUS_LOCKED,
};

/**
 * roster_http_set_common_headers:
 * @msg: a #SoupServerMessage
 *
 * Sets the headers every response carries.
 *
 * Since: 0.1
 **/
void
roster_http_set_common_headers(SoupServerMessage *msg)
{
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);

	soup_message_headers_replace(headers, "Cache-Control", "no-store");
	soup_message_headers_replace(headers, "X-Content-Type-Options", "nosniff");
	soup_message_headers_replace(headers, "Referrer-Policy", "no-referrer");
	/* an answer of the API is never a page: nothing in it may run or be framed (the
	 * volunteers' page replaces this with its own policy) */
	soup_message_headers_replace(headers,
				     "Content-Security-Policy",
				     "default-src 'none'; frame-ancestors 'none'");
}

/**
 * roster_http_reply_json:
 * @msg: a #SoupServerMessage
 * @status: an HTTP status
 * @node: the body
 *
 * Responds with @status and @node as an `application/json` body.
 *
 * Since: 0.1
 **/
void
roster_http_reply_json(SoupServerMessage *msg, guint status, JsonNode *node)
{
	g_autoptr(JsonGenerator) generator = json_generator_new();
	gsize length = 0;
	gchar *data;

	json_generator_set_root(generator, node);
	data = json_generator_to_data(generator, &length);
	roster_http_set_common_headers(msg);
	/* libsoup knows no phrase for 429 */
	soup_server_message_set_status(msg, status, status == 429 ? "Too Many Requests" : NULL);
	soup_server_message_set_response(msg, "application/json", SOUP_MEMORY_TAKE, data, length);
}

/**
 * roster_http_reply_no_content:
 * @msg: a #SoupServerMessage
 *
 * Responds with 204 and no body.
 *
 * Since: 0.1
 **/
void
roster_http_reply_no_content(SoupServerMessage *msg)
{
	roster_http_set_common_headers(msg);
	soup_server_message_set_status(msg, SOUP_STATUS_NO_CONTENT, NULL);
	soup_server_message_set_response(msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
}

/**
 * roster_http_status_for_error:
 * @error: a #GError, converted to %ROSTER_ERROR when it is of another domain
 *
 * Returns: the HTTP status for @error
 *
 * Since: 0.1
 **/
guint
roster_http_status_for_error(const GError *error)
{
	if (error == NULL || error->domain != ROSTER_ERROR || error->code < 0 ||
	    error->code >= ROSTER_ERROR_LAST)
		return SOUP_STATUS_INTERNAL_SERVER_ERROR;
	return error_statuses[error->code];
}

/**
 * roster_http_reply_error:
 * @msg: a #SoupServerMessage
 * @error: a #GError of any domain
 *
 * Responds with the status of @error and the stable error body
 * `{"error":{"code":…,"message":…,"field":…}}`. Internal errors are logged and
 * their details are not sent.
 *
 * Since: 0.1
 **/
void
roster_http_reply_error(SoupServerMessage *msg, const GError *error)
{
	roster_http_reply_error_with_details(msg, error, NULL, NULL);
}

/**
 * roster_http_reply_error_with_details:
 * @msg: a #SoupServerMessage
 * @error: (nullable): the error to report
 * @details_key: (nullable): the member of the error object that carries @details
 * @details: (nullable): more about the error, e.g. every bad row of an import
 *
 * Responds like roster_http_reply_error() with one more member in the error object.
 *
 * Since: 0.1
 **/
void
roster_http_reply_error_with_details(SoupServerMessage *msg,
				     const GError *error,
				     const gchar *details_key,
				     JsonNode *details)
{
	g_autoptr(GError) converted = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	const gchar *field;
	const gchar *message;
	guint status;

	converted =
	    error != NULL
		? g_error_copy(error)
		: g_error_new_literal(ROSTER_ERROR, ROSTER_ERROR_INTERNAL, "no error was given");
	roster_error_convert(&converted);
	status = roster_http_status_for_error(converted);
	message = converted->message;
	if (converted->code == ROSTER_ERROR_INTERNAL) {
		g_warning("internal error while handling %s %s: %s",
			  soup_server_message_get_method(msg),
			  g_uri_get_path(soup_server_message_get_uri(msg)),
			  converted->message);
		message = "internal error";
	}
	/* the input field an error is about travels with it as data */
	field = roster_error_get_field(converted);

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_ERROR);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_CODE);
	json_builder_add_string_value(builder, roster_error_to_string(converted->code));
	json_builder_set_member_name(builder, ROSTER_KEY_MESSAGE);
	json_builder_add_string_value(builder, message);
	if (field != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_FIELD);
		json_builder_add_string_value(builder, field);
	}
	if (details_key != NULL && details != NULL) {
		json_builder_set_member_name(builder, details_key);
		json_builder_add_value(builder, json_node_copy(details));
	}
	json_builder_end_object(builder);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);

	if (status == SOUP_STATUS_UNAUTHORIZED) {
		soup_message_headers_replace(soup_server_message_get_response_headers(msg),
					     "WWW-Authenticate",
					     "Bearer realm=\"hotline-roster\"");
	}
	/* busy is brief: the database was locked by another writer */
	if (status == SOUP_STATUS_SERVICE_UNAVAILABLE) {
		soup_message_headers_replace(soup_server_message_get_response_headers(msg),
					     "Retry-After",
					     "1");
	}
	roster_http_reply_json(msg, status, root);
}

/**
 * roster_http_reply_error_literal:
 * @msg: a #SoupServerMessage
 * @code: a #RosterError
 * @message: the message
 *
 * Responds with an error made of @code and @message.
 *
 * Since: 0.1
 **/
void
roster_http_reply_error_literal(SoupServerMessage *msg, RosterError code, const gchar *message)
{
	g_autoptr(GError) error = g_error_new_literal(ROSTER_ERROR, code, message);

	roster_http_reply_error(msg, error);
}

/**
 * roster_http_reply_method_not_allowed:
 * @msg: a #SoupServerMessage
 * @allow: the methods the route allows, e.g. `GET, POST`
 *
 * Responds with 405 and an `Allow` header.
 *
 * Since: 0.1
 **/
void
roster_http_reply_method_not_allowed(SoupServerMessage *msg, const gchar *allow)
{
	g_autofree gchar *message = g_strdup_printf("method %s is not allowed here; allowed: %s",
						    soup_server_message_get_method(msg),
						    allow);

	roster_http_reply_error_literal(msg, ROSTER_ERROR_NOT_SUPPORTED, message);
	soup_server_message_set_status(msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
	soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Allow", allow);
}

static gboolean
check_json_depth(const gchar *data, gsize length, GError **error)
{
	gboolean in_string = FALSE;
	guint depth = 0;

	for (gsize i = 0; i < length; i++) {
		gchar c = data[i];

		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = FALSE;
			continue;
		}
		if (c == '"') {
			in_string = TRUE;
		} else if (c == '{' || c == '[') {
			if (++depth > ROSTER_HTTP_MAX_JSON_DEPTH) {
				g_set_error(error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_MALFORMED,
					    "request body is nested deeper than %u levels",
					    (guint)ROSTER_HTTP_MAX_JSON_DEPTH);
				return FALSE;
			}
		} else if ((c == '}' || c == ']') && depth > 0) {
			depth--;
		}
	}
	return TRUE;
}

static gboolean
check_text_node(JsonNode *node, const gchar *path, GError **error);

static gboolean
check_text_object(JsonObject *object, const gchar *path, GError **error)
{
	JsonObjectIter iter;
	const gchar *name;
	JsonNode *member;

	json_object_iter_init(&iter, object);
	while (json_object_iter_next(&iter, &name, &member)) {
		g_autofree gchar *child = NULL;

		if (!g_utf8_validate(name, -1, NULL) && path[0] == '\0') {
			g_set_error_literal(error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_INVALID_DATA,
					    "request body: " INVALID_MEMBER_NAME);
			return FALSE;
		}
		if (!g_utf8_validate(name, -1, NULL)) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       path,
					       INVALID_MEMBER_NAME);
			return FALSE;
		}
		child = path[0] != '\0' ? g_strdup_printf("%s.%s", path, name) : g_strdup(name);
		if (!check_text_node(member, child, error))
			return FALSE;
	}
	return TRUE;
}

/* every string below @node, values and member names, must be valid UTF-8: json-glib
 * decodes an unpaired surrogate escape such as \ud800 into the bytes of the surrogate,
 * which are not UTF-8, and swallows the character after it, so such text would be
 * stored broken and break every list that includes it */
static gboolean
check_text_node(JsonNode *node, const gchar *path, GError **error)
{
	if (JSON_NODE_HOLDS_OBJECT(node))
		return check_text_object(json_node_get_object(node), path, error);
	if (JSON_NODE_HOLDS_ARRAY(node)) {
		JsonArray *array = json_node_get_array(node);
		for (guint i = 0; i < json_array_get_length(array); i++) {
			g_autofree gchar *child = g_strdup_printf("%s[%u]", path, i);
			if (!check_text_node(json_array_get_element(array, i), child, error))
				return FALSE;
		}
		return TRUE;
	}
	if (JSON_NODE_HOLDS_VALUE(node) && json_node_get_value_type(node) == G_TYPE_STRING &&
	    !g_utf8_validate(json_node_get_string(node), -1, NULL)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       path,
				       "not valid Unicode text (an unpaired surrogate or a byte "
				       "that is not UTF-8)");
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_http_parse_json:
 * @data: the bytes of a request body
 * @length: the number of bytes
 * @error: a #GError or %NULL
 *
 * Parses the request body, which must be a UTF-8 JSON object. A body that cannot be
 * read as JSON is %ROSTER_ERROR_MALFORMED. A string or member name that decodes to
 * something that is not Unicode text (an escaped unpaired surrogate such as `\ud800`)
 * is %ROSTER_ERROR_INVALID_DATA naming the field, as for any other value that is
 * wrong: the JSON itself was well-formed. Split from roster_http_parse_body() so
 * that the fuzz targets drive it without a server.
 *
 * Returns: (transfer full): the body, or %NULL with %ROSTER_ERROR_MALFORMED,
 *   %ROSTER_ERROR_INVALID_DATA or %ROSTER_ERROR_TOO_LARGE
 *
 * Since: 0.1
 **/
JsonNode *
roster_http_parse_json(const gchar *data, gsize length, GError **error)
{
	g_autoptr(JsonParser) parser = json_parser_new_immutable();
	g_autoptr(JsonNode) root = NULL;
	g_autoptr(GError) error_local = NULL;

	if (length > ROSTER_HTTP_MAX_BODY_SIZE) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_TOO_LARGE,
			    "request body is larger than %u bytes",
			    (guint)ROSTER_HTTP_MAX_BODY_SIZE);
		return NULL;
	}
	if (length == 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_MALFORMED,
				    "request body is empty, a JSON object is needed");
		return NULL;
	}
	if (!g_utf8_validate(data, (gssize)length, NULL)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_MALFORMED,
				    "request body is not valid UTF-8");
		return NULL;
	}
	if (!check_json_depth(data, length, error))
		return NULL;
	if (!json_parser_load_from_data(parser, data, (gssize)length, &error_local)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_MALFORMED,
			    "request body is not valid JSON: %s",
			    error_local->message);
		return NULL;
	}
	root = json_parser_steal_root(parser);
	if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_MALFORMED,
				    "request body must be a JSON object");
		return NULL;
	}
	if (!check_text_node(root, "", error))
		return NULL;
	return g_steal_pointer(&root);
}

/**
 * roster_http_parse_body:
 * @msg: a #SoupServerMessage whose body has been read
 * @error: a #GError or %NULL
 *
 * Parses the request body, which must be a UTF-8 JSON object.
 *
 * Returns: (transfer full): the body, or %NULL with %ROSTER_ERROR_MALFORMED or
 *   %ROSTER_ERROR_TOO_LARGE
 *
 * Since: 0.1
 **/
JsonNode *
roster_http_parse_body(SoupServerMessage *msg, GError **error)
{
	SoupMessageBody *body = soup_server_message_get_request_body(msg);
	g_autoptr(GBytes) bytes = soup_message_body_flatten(body);
	gsize length = 0;
	const gchar *data = g_bytes_get_data(bytes, &length);

	return roster_http_parse_json(data, length, error);
}
