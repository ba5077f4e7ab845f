/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <stdarg.h>
#include <string.h>

#include "roster-client.h"
#include "roster-error.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"

/*
 * RosterClient speaks to the daemon's JSON API: one SoupSession, the bearer token of
 * the session, and every call asynchronous with a cancellable. Errors from the daemon
 * come back in the ROSTER_ERROR domain with a message translated from their code; the
 * daemon's own message is machine-facing and only logged.
 */

struct _RosterClient {
	GObject parent_instance;
	SoupSession *session;
	gchar *base_url;
	gchar *token;
	gchar *username;
	gchar *role;
};

G_DEFINE_FINAL_TYPE(RosterClient, roster_client, G_TYPE_OBJECT)

enum { PROP_0, PROP_BASE_URL, PROP_TOKEN, PROP_USERNAME, PROP_ROLE, PROP_LOGGED_IN, N_PROPS };

static GParamSpec *properties[N_PROPS];

typedef struct {
	SoupMessage *msg;
	gchar *field;
	/* the daemon's error object, e.g. with every bad row of an import */
	JsonNode *error_object;
	/* the body as it came (CSV exports), not parsed as JSON */
	gboolean raw;
} CallData;

static void
call_data_free(CallData *data)
{
	g_clear_object(&data->msg);
	g_free(data->field);
	g_clear_pointer(&data->error_object, json_node_unref);
	g_free(data);
}

static void
roster_client_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterClient *self = ROSTER_CLIENT(object);

	switch (prop_id) {
	case PROP_BASE_URL:
		g_value_set_string(value, self->base_url);
		break;
	case PROP_TOKEN:
		g_value_set_string(value, self->token);
		break;
	case PROP_USERNAME:
		g_value_set_string(value, self->username);
		break;
	case PROP_ROLE:
		g_value_set_string(value, self->role);
		break;
	case PROP_LOGGED_IN:
		g_value_set_boolean(value, roster_client_get_logged_in(self));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_client_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
	RosterClient *self = ROSTER_CLIENT(object);

	switch (prop_id) {
	case PROP_BASE_URL:
		roster_client_set_base_url(self, g_value_get_string(value));
		break;
	case PROP_TOKEN:
		roster_client_set_token(self, g_value_get_string(value));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_client_dispose(GObject *object)
{
	RosterClient *self = ROSTER_CLIENT(object);

	if (self->session != NULL)
		soup_session_abort(self->session);
	g_clear_object(&self->session);
	G_OBJECT_CLASS(roster_client_parent_class)->dispose(object);
}

static void
roster_client_finalize(GObject *object)
{
	RosterClient *self = ROSTER_CLIENT(object);

	g_free(self->base_url);
	g_free(self->token);
	g_free(self->username);
	g_free(self->role);
	G_OBJECT_CLASS(roster_client_parent_class)->finalize(object);
}

static void
roster_client_class_init(RosterClientClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->get_property = roster_client_get_property;
	object_class->set_property = roster_client_set_property;
	object_class->dispose = roster_client_dispose;
	object_class->finalize = roster_client_finalize;

	properties[PROP_BASE_URL] = g_param_spec_string(
	    "base-url",
	    NULL,
	    NULL,
	    NULL,
	    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
	properties[PROP_TOKEN] = g_param_spec_string("token",
						     NULL,
						     NULL,
						     NULL,
						     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
							 G_PARAM_STATIC_STRINGS);
	properties[PROP_USERNAME] = g_param_spec_string("username",
							NULL,
							NULL,
							NULL,
							G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_ROLE] = g_param_spec_string("role",
						    NULL,
						    NULL,
						    NULL,
						    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_LOGGED_IN] =
	    g_param_spec_boolean("logged-in",
				 NULL,
				 NULL,
				 FALSE,
				 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
roster_client_init(RosterClient *self)
{
	self->session = soup_session_new_with_options("timeout",
						      60,
						      "user-agent",
						      PACKAGE_NAME "/" PACKAGE_VERSION,
						      NULL);
}

/**
 * roster_client_new:
 * @base_url: the API root, e.g. `http://127.0.0.1:8355/api/v1`
 *
 * Returns: (transfer full): a new client, not logged in
 *
 * Since: 0.1
 */
RosterClient *
roster_client_new(const gchar *base_url)
{
	return g_object_new(ROSTER_TYPE_CLIENT, "base-url", base_url, NULL);
}

const gchar *
roster_client_get_base_url(RosterClient *self)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), NULL);
	return self->base_url;
}

void
roster_client_set_base_url(RosterClient *self, const gchar *base_url)
{
	g_autofree gchar *stripped = NULL;

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	if (base_url != NULL) {
		stripped = g_strstrip(g_strdup(base_url));
		while (g_str_has_suffix(stripped, "/"))
			stripped[strlen(stripped) - 1] = '\0';
		/* a bare server address gets the API prefix */
		if (stripped[0] != '\0' && !g_str_has_suffix(stripped, "/api/v1")) {
			gchar *with_prefix = g_strconcat(stripped, "/api/v1", NULL);
			g_free(stripped);
			stripped = with_prefix;
		}
	}
	if (g_strcmp0(self->base_url, stripped) == 0)
		return;
	g_free(self->base_url);
	self->base_url = g_steal_pointer(&stripped);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BASE_URL]);
}

const gchar *
roster_client_get_token(RosterClient *self)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), NULL);
	return self->token;
}

void
roster_client_set_token(RosterClient *self, const gchar *token)
{
	g_return_if_fail(ROSTER_IS_CLIENT(self));
	if (g_strcmp0(self->token, token) == 0)
		return;
	g_free(self->token);
	self->token = g_strdup(token);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_TOKEN]);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_LOGGED_IN]);
}

const gchar *
roster_client_get_username(RosterClient *self)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), NULL);
	return self->username;
}

const gchar *
roster_client_get_role(RosterClient *self)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), NULL);
	return self->role;
}

gboolean
roster_client_get_logged_in(RosterClient *self)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), FALSE);
	return self->token != NULL;
}

/**
 * roster_client_add_nullable_string:
 * @builder: a #JsonBuilder inside an object
 * @key: the member
 * @value: (nullable): its text; empty or %NULL clears the member with a JSON null
 *
 * Adds a member a form may leave empty to a request body.
 *
 * Since: 0.1
 */
void
roster_client_add_nullable_string(JsonBuilder *builder, const gchar *key, const gchar *value)
{
	json_builder_set_member_name(builder, key);
	if (value != NULL && value[0] != '\0')
		json_builder_add_string_value(builder, value);
	else
		json_builder_add_null_value(builder);
}

/**
 * roster_client_build_query:
 * @path: a path under the API root, e.g. `/volunteers`
 * @first_key: the first parameter name, then its value, and so on; a %NULL or empty
 *   value leaves its parameter out
 *
 * Returns: (transfer full): the path with an escaped query string
 *
 * Since: 0.1
 */
gchar *
roster_client_build_query(const gchar *path, const gchar *first_key, ...)
{
	gchar *result;
	va_list args;

	va_start(args, first_key);
	result = roster_client_build_query_valist(path, first_key, args);
	va_end(args);
	return result;
}

/**
 * roster_client_build_query_valist:
 * @path: the path under the API root
 * @first_key: (nullable): the first parameter
 * @args: its value, then more pairs, ending with %NULL
 *
 * Returns: (transfer full): the path with an escaped query string, as
 *   roster_client_build_query() makes it
 *
 * Since: 0.1
 */
gchar *
roster_client_build_query_valist(const gchar *path, const gchar *first_key, va_list args)
{
	GString *str = g_string_new(path);
	const gchar *key = first_key;
	gboolean first = TRUE;

	while (key != NULL) {
		const gchar *value = va_arg(args, const gchar *);

		if (value != NULL && value[0] != '\0') {
			g_string_append_c(str, first ? '?' : '&');
			g_string_append_uri_escaped(str, key, NULL, FALSE);
			g_string_append_c(str, '=');
			g_string_append_uri_escaped(str, value, NULL, FALSE);
			first = FALSE;
		}
		key = va_arg(args, const gchar *);
	}
	return g_string_free(str, FALSE);
}

static void
return_transport_error(GTask *task, RosterClient *self, GError *error)
{
	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
		g_task_return_error(task, error);
		return;
	}
	g_debug("request failed: %s", error->message);
	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT)) {
		g_task_return_new_error(task,
					ROSTER_ERROR,
					ROSTER_ERROR_TIMED_OUT,
					"%s",
					_("The server took too long to answer"));
	} else {
		g_task_return_new_error(task,
					ROSTER_ERROR,
					ROSTER_ERROR_INTERNAL,
					/* TRANSLATORS: %s is the server's address */
					_("Cannot reach the server at %s"),
					self->base_url);
	}
	g_error_free(error);
}

static void
call_read_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterClient *self = g_task_get_source_object(task);
	CallData *data = g_task_get_task_data(task);
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) error = NULL;
	guint status;
	gsize size = 0;
	const gchar *text;

	bytes = soup_session_send_and_read_finish(SOUP_SESSION(source), result, &error);
	if (bytes == NULL) {
		return_transport_error(task, self, g_steal_pointer(&error));
		return;
	}
	status = soup_message_get_status(data->msg);
	text = g_bytes_get_data(bytes, &size);
	if (data->raw && SOUP_STATUS_IS_SUCCESSFUL(status)) {
		g_task_return_pointer(task, g_steal_pointer(&bytes), (GDestroyNotify)g_bytes_unref);
		return;
	}
	if (size > 0 && !json_parser_load_from_data(parser, text, (gssize)size, &error)) {
		g_debug("response %u is not JSON: %s", status, error->message);
		if (SOUP_STATUS_IS_SUCCESSFUL(status)) {
			g_task_return_new_error(task,
						ROSTER_ERROR,
						ROSTER_ERROR_INTERNAL,
						"%s",
						_("The server sent an answer that cannot be read"));
			return;
		}
	}
	if (!SOUP_STATUS_IS_SUCCESSFUL(status)) {
		JsonNode *root = size > 0 ? json_parser_get_root(parser) : NULL;
		JsonObject *error_object = NULL;
		const gchar *code = NULL;
		g_autofree gchar *message = NULL;

		if (root != NULL && JSON_NODE_HOLDS_OBJECT(root)) {
			error_object = json_object_get_object_member(json_node_get_object(root),
								     ROSTER_KEY_ERROR);
		}
		if (error_object != NULL) {
			data->error_object = json_node_init_object(json_node_alloc(), error_object);
			code = json_object_get_string_member_with_default(error_object,
									  ROSTER_KEY_CODE,
									  NULL);
			data->field =
			    g_strdup(json_object_get_string_member_with_default(error_object,
										ROSTER_KEY_FIELD,
										NULL));
			g_debug("daemon error %u %s: %s",
				status,
				code,
				json_object_get_string_member_with_default(error_object,
									   ROSTER_KEY_MESSAGE,
									   ""));
		}
		if (code == NULL) {
			if (status == SOUP_STATUS_UNAUTHORIZED)
				code = "auth-failed";
			else if (status == SOUP_STATUS_FORBIDDEN)
				code = "permission-denied";
			else if (status == SOUP_STATUS_NOT_FOUND)
				code = "not-found";
			else
				code = "internal";
		}
		/* a 409 is a stale revision, or a delete refused because other records
		 * still refer to the record; the daemon's message tells which */
		if (error_object != NULL && g_strcmp0(code, "conflict") == 0 &&
		    strstr(json_object_get_string_member_with_default(error_object,
								      ROSTER_KEY_MESSAGE,
								      ""),
			   "still used by") != NULL) {
			message = g_strdup(
			    _("Other records still use this one; change or delete them first"));
		} else {
			message = roster_client_dup_error_message(code, data->field);
		}
		g_task_return_new_error(task,
					ROSTER_ERROR,
					roster_error_from_string(code),
					"%s",
					message);
		return;
	}
	if (size == 0) {
		g_task_return_pointer(task,
				      json_node_new(JSON_NODE_NULL),
				      (GDestroyNotify)json_node_unref);
		return;
	}
	g_task_return_pointer(task,
			      json_node_ref(json_parser_get_root(parser)),
			      (GDestroyNotify)json_node_unref);
}

/**
 * roster_client_call_async:
 * @self: a #RosterClient
 * @method: `GET`, `POST`, `PATCH` or `DELETE`
 * @path: the path under the API root with its query string, e.g. `/volunteers?q=王`
 * @body: (nullable): the JSON body
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the answer has arrived
 * @user_data: data for @callback
 *
 * Sends one request with the session's bearer token.
 *
 * Since: 0.1
 */
void
roster_client_call_async(RosterClient *self,
			 const gchar *method,
			 const gchar *path,
			 JsonNode *body,
			 GCancellable *cancellable,
			 GAsyncReadyCallback callback,
			 gpointer user_data)
{
	g_autoptr(GBytes) bytes = NULL;

	if (body != NULL) {
		gchar *text = json_to_string(body, FALSE);
		bytes = g_bytes_new_take(text, strlen(text));
	}
	roster_client_call_bytes_async(self,
				       method,
				       path,
				       "application/json",
				       bytes,
				       cancellable,
				       callback,
				       user_data);
}

/**
 * roster_client_call_bytes_async:
 * @self: a #RosterClient
 * @method: the HTTP method
 * @path: the path below the API prefix, e.g. `/volunteers/import`
 * @content_type: the type of @body
 * @body: (nullable): the request body
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish()
 * @user_data: data for @callback
 *
 * Like roster_client_call_async() with a body that is not JSON, e.g. a CSV file.
 *
 * Since: 0.1
 */
void
roster_client_call_bytes_async(RosterClient *self,
			       const gchar *method,
			       const gchar *path,
			       const gchar *content_type,
			       GBytes *body,
			       GCancellable *cancellable,
			       GAsyncReadyCallback callback,
			       gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	g_autofree gchar *uri = NULL;
	CallData *data;

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	g_return_if_fail(method != NULL);
	g_return_if_fail(path != NULL);
	g_return_if_fail(cancellable == NULL || G_IS_CANCELLABLE(cancellable));

	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_client_call_async);
	uri = g_strconcat(self->base_url != NULL ? self->base_url : "", path, NULL);
	data = g_new0(CallData, 1);
	g_task_set_task_data(task, data, (GDestroyNotify)call_data_free);
	data->msg = soup_message_new(method, uri);
	if (data->msg == NULL) {
		g_task_return_new_error(
		    task,
		    ROSTER_ERROR,
		    ROSTER_ERROR_INVALID_DATA,
		    /* TRANSLATORS: %s is what the user typed as the server address */
		    _("“%s” is not a valid server address"),
		    self->base_url != NULL ? self->base_url : "");
		return;
	}
	if (self->token != NULL) {
		g_autofree gchar *value = g_strdup_printf("Bearer %s", self->token);
		soup_message_headers_replace(soup_message_get_request_headers(data->msg),
					     "Authorization",
					     value);
	}
	if (body != NULL)
		soup_message_set_request_body_from_bytes(data->msg, content_type, body);
	soup_session_send_and_read_async(self->session,
					 data->msg,
					 G_PRIORITY_DEFAULT,
					 cancellable,
					 call_read_cb,
					 g_steal_pointer(&task));
}

/**
 * roster_client_call_get_error_object:
 * @self: a #RosterClient
 * @result: the result of a call that failed
 *
 * Returns: (transfer none) (nullable): the daemon's error object of a failed call, with
 *   members beyond the code and message (such as the bad rows of an import)
 *
 * Since: 0.1
 */
JsonObject *
roster_client_call_get_error_object(RosterClient *self, GAsyncResult *result)
{
	CallData *data;

	g_return_val_if_fail(ROSTER_IS_CLIENT(self), NULL);
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	data = g_task_get_task_data(G_TASK(result));
	if (data == NULL || data->error_object == NULL)
		return NULL;
	return json_node_get_object(data->error_object);
}

/**
 * roster_client_call_get_overridable:
 * @self: a #RosterClient
 * @result: the result of a roster edit that failed
 *
 * Whether the edit may be sent again as an override: the daemon refused it for a hard
 * rule, and did not say that the rule is one no override can break. A daemon that
 * does not say (an older one) is taken at its word for every rule but
 * `one-shift-per-day`, which it refuses even with an override.
 *
 * Returns: %TRUE to offer "assign anyway"
 *
 * Since: 0.1
 */
gboolean
roster_client_call_get_overridable(RosterClient *self, GAsyncResult *result)
{
	CallData *data;
	JsonObject *error_object;
	JsonNode *overridable;

	g_return_val_if_fail(ROSTER_IS_CLIENT(self), FALSE);
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	data = g_task_get_task_data(G_TASK(result));
	if (data == NULL || data->error_object == NULL ||
	    !roster_client_field_is_hard_rule(data->field))
		return FALSE;
	error_object = json_node_get_object(data->error_object);
	if (roster_error_from_string(
		json_object_get_string_member_with_default(error_object, ROSTER_KEY_CODE, NULL)) !=
	    ROSTER_ERROR_INVALID_DATA)
		return FALSE;
	overridable = json_object_get_member(error_object, ROSTER_KEY_OVERRIDABLE);
	if (overridable != NULL && json_node_get_value_type(overridable) == G_TYPE_BOOLEAN)
		return json_node_get_boolean(overridable);
	return g_strcmp0(data->field, "one-shift-per-day") != 0;
}

/**
 * roster_client_call_finish:
 * @self: a #RosterClient
 * @result: the result
 * @field: (out) (optional) (nullable): the member an error is about
 * @error: a #GError
 *
 * Returns: (transfer full): the parsed answer (a null node for an empty one), or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
JsonNode *
roster_client_call_finish(RosterClient *self, GAsyncResult *result, gchar **field, GError **error)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_CLIENT(self), NULL);
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	node = g_task_propagate_pointer(G_TASK(result), error);
	if (field != NULL) {
		CallData *data = g_task_get_task_data(G_TASK(result));
		*field = node == NULL && data != NULL ? g_strdup(data->field) : NULL;
	}
	return node;
}

/**
 * roster_client_call_finish_object:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the answer's object, or %NULL with @error set (an answer
 *   that is not an object is an error)
 *
 * Since: 0.1
 */
JsonObject *
roster_client_call_finish_object(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonNode) node = roster_client_call_finish(self, result, NULL, error);

	if (node == NULL)
		return NULL;
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    _("The server sent an answer that cannot be read"));
		return NULL;
	}
	return json_object_ref(json_node_get_object(node));
}

/**
 * roster_client_call_finish_items:
 * @self: a #RosterClient
 * @result: the result of a list call
 * @error: a #GError
 *
 * Returns: (transfer full): the `items` of a list answer (empty when it has none), or
 *   %NULL with @error set
 *
 * Since: 0.1
 */
JsonArray *
roster_client_call_finish_items(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonObject) object = roster_client_call_finish_object(self, result, error);
	JsonArray *items;

	if (object == NULL)
		return NULL;
	items = (json_object_has_member(object, ROSTER_KEY_ITEMS)
		     ? json_object_get_array_member(object, ROSTER_KEY_ITEMS)
		     : NULL);
	return items != NULL ? json_array_ref(items) : json_array_new();
}

/**
 * roster_client_get_bytes_async:
 * @self: a #RosterClient
 * @path: the path under the API root with its query string
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the answer has arrived
 * @user_data: data for @callback
 *
 * Fetches a document that is not JSON, such as a CSV export; errors are read as for
 * roster_client_call_async().
 *
 * Since: 0.1
 */
void
roster_client_get_bytes_async(RosterClient *self,
			      const gchar *path,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	g_autofree gchar *uri = NULL;
	CallData *data;

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	g_return_if_fail(path != NULL);

	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_client_get_bytes_async);
	uri = g_strconcat(self->base_url != NULL ? self->base_url : "", path, NULL);
	data = g_new0(CallData, 1);
	data->raw = TRUE;
	g_task_set_task_data(task, data, (GDestroyNotify)call_data_free);
	data->msg = soup_message_new("GET", uri);
	if (data->msg == NULL) {
		g_task_return_new_error(task,
					ROSTER_ERROR,
					ROSTER_ERROR_INVALID_DATA,
					_("“%s” is not a valid server address"),
					self->base_url != NULL ? self->base_url : "");
		return;
	}
	if (self->token != NULL) {
		g_autofree gchar *value = g_strdup_printf("Bearer %s", self->token);
		soup_message_headers_replace(soup_message_get_request_headers(data->msg),
					     "Authorization",
					     value);
	}
	soup_session_send_and_read_async(self->session,
					 data->msg,
					 G_PRIORITY_DEFAULT,
					 cancellable,
					 call_read_cb,
					 g_steal_pointer(&task));
}

/**
 * roster_client_get_bytes_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the body, or %NULL with @error set
 *
 * Since: 0.1
 */
GBytes *
roster_client_get_bytes_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), NULL);
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}

static void
login_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterClient *self = ROSTER_CLIENT(source);
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(GError) error = NULL;
	JsonObject *object;
	const gchar *token;

	node = roster_client_call_finish(self, result, NULL, &error);
	if (node == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	object = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
	token = object != NULL
		    ? json_object_get_string_member_with_default(object, ROSTER_KEY_TOKEN, NULL)
		    : NULL;
	if (token == NULL) {
		g_task_return_new_error(task,
					ROSTER_ERROR,
					ROSTER_ERROR_INTERNAL,
					"%s",
					_("The server sent an answer that cannot be read"));
		return;
	}
	g_free(self->username);
	self->username =
	    g_strdup(json_object_get_string_member_with_default(object, ROSTER_KEY_USERNAME, NULL));
	g_free(self->role);
	self->role =
	    g_strdup(json_object_get_string_member_with_default(object, ROSTER_KEY_ROLE, NULL));
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_USERNAME]);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_ROLE]);
	roster_client_set_token(self, token);
	g_task_return_boolean(task, TRUE);
}

static void
resume_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterClient *self = ROSTER_CLIENT(source);
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(GError) error = NULL;
	JsonObject *object;

	node = roster_client_call_finish(self, result, NULL, &error);
	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node)) {
		/* a revoked or expired token leaves the client logged out */
		roster_client_set_token(self, NULL);
		if (error == NULL)
			g_set_error_literal(&error,
					    ROSTER_ERROR,
					    ROSTER_ERROR_INTERNAL,
					    _("The server sent an answer that cannot be read"));
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	object = json_node_get_object(node);
	g_free(self->username);
	self->username =
	    g_strdup(json_object_get_string_member_with_default(object, ROSTER_KEY_USERNAME, NULL));
	g_free(self->role);
	self->role =
	    g_strdup(json_object_get_string_member_with_default(object, ROSTER_KEY_ROLE, NULL));
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_USERNAME]);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_ROLE]);
	g_task_return_boolean(task, TRUE);
}

/**
 * roster_client_resume_async:
 * @self: a #RosterClient
 * @token: a token from an earlier login, e.g. remembered in the keyring
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the daemon has accepted or refused the token
 * @user_data: data for @callback
 *
 * Continues an earlier session: the client takes @token and asks the daemon who it
 * belongs to. A token the daemon refuses leaves the client logged out.
 *
 * Since: 0.1
 */
void
roster_client_resume_async(RosterClient *self,
			   const gchar *token,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data)
{
	g_autoptr(GTask) task = NULL;

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	g_return_if_fail(token != NULL);
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_client_resume_async);
	roster_client_set_token(self, token);
	roster_client_call_async(self,
				 "GET",
				 "/me",
				 NULL,
				 cancellable,
				 resume_cb,
				 g_steal_pointer(&task));
}

gboolean
roster_client_resume_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), FALSE);
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

/**
 * roster_client_login_async:
 * @self: a #RosterClient
 * @username: the account's name
 * @password: its password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Logs in and keeps the token for the following calls.
 *
 * Since: 0.1
 */
void
roster_client_login_async(RosterClient *self,
			  const gchar *username,
			  const gchar *password,
			  GCancellable *cancellable,
			  GAsyncReadyCallback callback,
			  gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;

	g_return_if_fail(ROSTER_IS_CLIENT(self));

	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_client_login_async);
	roster_client_set_token(self, NULL);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_USERNAME);
	json_builder_add_string_value(builder, username != NULL ? username : "");
	json_builder_set_member_name(builder, ROSTER_KEY_PASSWORD);
	json_builder_add_string_value(builder, password != NULL ? password : "");
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	roster_client_call_async(self,
				 "POST",
				 "/login",
				 body,
				 cancellable,
				 login_cb,
				 g_steal_pointer(&task));
}

gboolean
roster_client_login_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(self), FALSE);
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}
