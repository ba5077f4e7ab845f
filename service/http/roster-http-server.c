/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-http-listener.h"
#include "roster-http-router.h"
#include "roster-http-server.h"

/*
 * RosterHttpServer is the transport: it owns a SoupServer and the RosterHttpListener
 * that accepts its connections on one address, and its RosterHttpRouter dispatches every
 * request to the route files, which translate it into RosterEngine calls. Listening happens in
 * GInitable's init, so a taken port is a GError for the caller; the listening socket attaches to
 * the thread-default main context of the thread that creates it.
 */

struct _RosterHttpServer {
	GObject parent_instance;
	RosterEngine *engine;
	SoupServer *soup_server;
	RosterHttpRouter *router;
	RosterHttpListener *listener;
	gchar *address;
	guint port;
	guint idle_timeout;
};

enum { PROP_0, PROP_ENGINE, PROP_ADDRESS, PROP_PORT, PROP_IDLE_TIMEOUT, N_PROPS };

static GParamSpec *properties[N_PROPS] = {NULL};

enum { SIGNAL_FAILED, N_SIGNALS };

static guint signals[N_SIGNALS] = {0};

static void
roster_http_server_initable_iface_init(GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE(RosterHttpServer,
			      roster_http_server,
			      G_TYPE_OBJECT,
			      G_IMPLEMENT_INTERFACE(G_TYPE_INITABLE,
						    roster_http_server_initable_iface_init))

typedef struct {
	guint hosts;
	guint content_lengths;
	guint transfer_encodings;
} RosterFraming;

static void
count_framing_header(const char *name, const char *value, gpointer user_data)
{
	RosterFraming *framing = user_data;

	if (g_ascii_strcasecmp(name, "Host") == 0)
		framing->hosts++;
	else if (g_ascii_strcasecmp(name, "Content-Length") == 0)
		framing->content_lengths++;
	else if (g_ascii_strcasecmp(name, "Transfer-Encoding") == 0)
		framing->transfer_encodings++;
}

/* a request whose length or host two parts of a chain could read differently is
 * refused before any handler sees it (request smuggling) */
static void
request_got_headers_cb(SoupServerMessage *msg, gpointer user_data)
{
	RosterFraming framing = {0};

	if (soup_server_message_get_status(msg) != 0)
		return;
	soup_message_headers_foreach(soup_server_message_get_request_headers(msg),
				     count_framing_header,
				     &framing);
	if (framing.hosts > 1) {
		roster_http_reply_error_literal(msg,
						ROSTER_ERROR_MALFORMED,
						"the request has more than one Host header");
	} else if (framing.content_lengths > 1) {
		roster_http_reply_error_literal(
		    msg,
		    ROSTER_ERROR_MALFORMED,
		    "the request has more than one Content-Length header");
	} else if (framing.content_lengths > 0 && framing.transfer_encodings > 0) {
		roster_http_reply_error_literal(msg,
						ROSTER_ERROR_MALFORMED,
						"the request has both Content-Length and "
						"Transfer-Encoding");
	}
}

/* whether a connection is kept after a response is the listener's to decide (see
 * roster-http-listener.c) */
static void
request_started_cb(SoupServer *soup_server, SoupServerMessage *msg, gpointer user_data)
{
	g_signal_connect(msg, "got-headers", G_CALLBACK(request_got_headers_cb), NULL);
}

static void
listener_failed_cb(RosterHttpListener *listener, GError *error, gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);

	g_signal_emit(self, signals[SIGNAL_FAILED], 0, error);
}

/* one debug line per request for --verbose; the query and headers, which may hold
 * names or tokens, are left out */
static void
request_finished_cb(SoupServer *soup_server, SoupServerMessage *msg, gpointer user_data)
{
	GUri *uri = soup_server_message_get_uri(msg);

	/* a request libsoup refused before it had a URI (no Host) has none */
	g_debug("%s %s %u",
		soup_server_message_get_method(msg),
		uri != NULL ? g_uri_get_path(uri) : "-",
		soup_server_message_get_status(msg));
}

static gboolean
roster_http_server_initable_init(GInitable *initable, GCancellable *cancellable, GError **error)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(initable);
	g_autoptr(GInetAddress) inet_address = NULL;
	g_autoptr(GSocketAddress) socket_address = NULL;
	g_autoptr(GError) error_local = NULL;

	if (self->engine == NULL) {
		g_set_error_literal(error,
				    G_IO_ERROR,
				    G_IO_ERROR_INVALID_ARGUMENT,
				    "no engine was given");
		return FALSE;
	}
	if (self->listener != NULL)
		return TRUE;
	inet_address = g_inet_address_new_from_string(self->address);
	if (inet_address == NULL) {
		g_set_error(error,
			    G_IO_ERROR,
			    G_IO_ERROR_INVALID_ARGUMENT,
			    "cannot listen on %s: not a numeric IPv4 or IPv6 address",
			    self->address);
		return FALSE;
	}
	socket_address = g_inet_socket_address_new(inet_address, (guint16)self->port);
	self->listener = roster_http_listener_new(self->soup_server,
						  socket_address,
						  self->idle_timeout,
						  &error_local);
	if (self->listener == NULL) {
		g_set_error(error,
			    error_local->domain,
			    error_local->code,
			    "cannot listen on %s:%u: %s",
			    self->address,
			    self->port,
			    error_local->message);
		return FALSE;
	}

	g_signal_connect(self->listener, "failed", G_CALLBACK(listener_failed_cb), self);

	/* with port 0 the system picked one */
	self->port = roster_http_listener_get_port(self->listener);
	g_info("listening on %s port %u (backlog %u, idle timeout %u s)",
	       self->address,
	       self->port,
	       roster_http_listener_get_backlog(self->listener),
	       self->idle_timeout);
	return TRUE;
}

static void
roster_http_server_initable_iface_init(GInitableIface *iface)
{
	iface->init = roster_http_server_initable_init;
}

static void
roster_http_server_constructed(GObject *object)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(object);

	G_OBJECT_CLASS(roster_http_server_parent_class)->constructed(object);
	self->soup_server =
	    soup_server_new("server-header", PACKAGE_NAME "/" PACKAGE_VERSION, NULL);
	self->router = roster_http_router_new(self->engine);
	roster_http_route_auth_add(self->router);
	roster_http_route_collections_add(self->router);
	roster_http_route_rosters_add(self->router);
	roster_http_route_records_add(self->router);
	roster_http_route_reports_add(self->router);
	roster_http_route_calendars_add(self->router);
	roster_http_route_confirm_add(self->router);
	roster_http_route_web_add(self->router);
	roster_http_route_me_add(self->router);
	roster_http_route_rounds_add(self->router);
	roster_http_route_requests_add(self->router);
	roster_http_route_holidays_add(self->router);
	roster_http_route_messages_add(self->router);
	roster_http_route_duty_add(self->router);
	roster_http_router_attach(self->router, self->soup_server);
	g_signal_connect(self->soup_server,
			 "request-started",
			 G_CALLBACK(request_started_cb),
			 NULL);
	g_signal_connect(self->soup_server,
			 "request-finished",
			 G_CALLBACK(request_finished_cb),
			 NULL);
}

static void
roster_http_server_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(object);

	switch (prop_id) {
	case PROP_ENGINE:
		g_value_set_object(value, self->engine);
		break;
	case PROP_ADDRESS:
		g_value_set_string(value, self->address);
		break;
	case PROP_PORT:
		g_value_set_uint(value, self->port);
		break;
	case PROP_IDLE_TIMEOUT:
		g_value_set_uint(value, self->idle_timeout);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_http_server_set_property(GObject *object,
				guint prop_id,
				const GValue *value,
				GParamSpec *pspec)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(object);

	switch (prop_id) {
	case PROP_ENGINE:
		g_set_object(&self->engine, g_value_get_object(value));
		break;
	case PROP_ADDRESS:
		g_free(self->address);
		self->address = g_value_dup_string(value);
		break;
	case PROP_PORT:
		self->port = g_value_get_uint(value);
		break;
	case PROP_IDLE_TIMEOUT:
		self->idle_timeout = g_value_get_uint(value);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_http_server_dispose(GObject *object)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(object);

	roster_http_server_stop(self);
	g_clear_object(&self->soup_server);
	g_clear_object(&self->engine);
	G_OBJECT_CLASS(roster_http_server_parent_class)->dispose(object);
}

static void
roster_http_server_finalize(GObject *object)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(object);

	g_free(self->address);
	g_clear_pointer(&self->router, roster_http_router_free);
	G_OBJECT_CLASS(roster_http_server_parent_class)->finalize(object);
}

static void
roster_http_server_class_init(RosterHttpServerClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->constructed = roster_http_server_constructed;
	object_class->get_property = roster_http_server_get_property;
	object_class->set_property = roster_http_server_set_property;
	object_class->dispose = roster_http_server_dispose;
	object_class->finalize = roster_http_server_finalize;

	properties[PROP_ENGINE] = g_param_spec_object("engine",
						      NULL,
						      NULL,
						      ROSTER_TYPE_ENGINE,
						      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
							  G_PARAM_STATIC_STRINGS);
	properties[PROP_ADDRESS] = g_param_spec_string("address",
						       NULL,
						       NULL,
						       "127.0.0.1",
						       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
							   G_PARAM_STATIC_STRINGS);
	properties[PROP_PORT] =
	    g_param_spec_uint("port",
			      NULL,
			      NULL,
			      0,
			      G_MAXUINT16,
			      ROSTER_DEFAULT_PORT,
			      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
	properties[PROP_IDLE_TIMEOUT] =
	    g_param_spec_uint("idle-timeout",
			      NULL,
			      NULL,
			      1,
			      G_MAXUINT16,
			      ROSTER_HTTP_DEFAULT_IDLE_TIMEOUT,
			      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);

	/**
	 * RosterHttpServer::failed:
	 * @self: the server
	 * @error: why it stopped accepting connections
	 *
	 * Emitted when the server can no longer accept connections (see
	 * RosterHttpListener::failed); the owner should exit so that a supervisor
	 * restarts it.
	 *
	 * Since: 0.2
	 **/
	signals[SIGNAL_FAILED] = g_signal_new("failed",
					      G_TYPE_FROM_CLASS(klass),
					      G_SIGNAL_RUN_LAST,
					      0,
					      NULL,
					      NULL,
					      NULL,
					      G_TYPE_NONE,
					      1,
					      G_TYPE_ERROR);
}

static void
roster_http_server_init(RosterHttpServer *self)
{
}

/**
 * roster_http_server_new:
 * @engine: the #RosterEngine requests are handed to
 * @address: a numeric IPv4 or IPv6 address to listen on, e.g. `127.0.0.1`
 * @port: the port, or 0 to let the system pick a free one
 * @idle_timeout: seconds a connection may wait for its request or stall, 0 for
 *   %ROSTER_HTTP_DEFAULT_IDLE_TIMEOUT
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError or %NULL
 *
 * Creates the server and starts listening; requests are served from the
 * thread-default main context of the calling thread.
 *
 * Returns: (transfer full): a new #RosterHttpServer, or %NULL when it cannot listen
 *
 * Since: 0.1
 **/
RosterHttpServer *
roster_http_server_new(RosterEngine *engine,
		       const gchar *address,
		       guint port,
		       guint idle_timeout,
		       GCancellable *cancellable,
		       GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(engine), NULL);
	g_return_val_if_fail(address != NULL, NULL);
	g_return_val_if_fail(port <= G_MAXUINT16, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	return g_initable_new(ROSTER_TYPE_HTTP_SERVER,
			      cancellable,
			      error,
			      "engine",
			      engine,
			      "address",
			      address,
			      "port",
			      port,
			      "idle-timeout",
			      idle_timeout > 0 ? idle_timeout : ROSTER_HTTP_DEFAULT_IDLE_TIMEOUT,
			      NULL);
}

/**
 * roster_http_server_get_engine:
 * @self: a #RosterHttpServer
 *
 * Returns: (transfer none): the engine
 *
 * Since: 0.1
 **/
RosterEngine *
roster_http_server_get_engine(RosterHttpServer *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_SERVER(self), NULL);
	return self->engine;
}

/**
 * roster_http_server_get_address:
 * @self: a #RosterHttpServer
 *
 * Returns: the address listened on
 *
 * Since: 0.1
 **/
const gchar *
roster_http_server_get_address(RosterHttpServer *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_SERVER(self), NULL);
	return self->address;
}

/**
 * roster_http_server_get_port:
 * @self: a #RosterHttpServer
 *
 * Returns: the port listened on, the real one when 0 was asked for
 *
 * Since: 0.1
 **/
guint
roster_http_server_get_port(RosterHttpServer *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_SERVER(self), 0);
	return self->port;
}

/**
 * roster_http_server_dup_base_uri:
 * @self: a #RosterHttpServer
 *
 * Returns: (transfer full): the URI of the API, e.g. `http://127.0.0.1:8355/api/v1`
 *
 * Since: 0.1
 **/
gchar *
roster_http_server_dup_base_uri(RosterHttpServer *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_SERVER(self), NULL);
	return g_uri_join(G_URI_FLAGS_NONE,
			  "http",
			  NULL,
			  self->address,
			  (gint)self->port,
			  ROSTER_HTTP_API_PREFIX,
			  NULL,
			  NULL);
}

/**
 * roster_http_server_stop:
 * @self: a #RosterHttpServer
 *
 * Closes the listening sockets and the open connections.
 *
 * Since: 0.1
 **/
void
roster_http_server_stop(RosterHttpServer *self)
{
	g_return_if_fail(ROSTER_IS_HTTP_SERVER(self));
	if (self->listener != NULL) {
		g_signal_handlers_disconnect_by_data(self->listener, self);
		roster_http_listener_close(self->listener);
		g_clear_object(&self->listener);
	}
	if (self->soup_server != NULL)
		soup_server_disconnect(self->soup_server);
}
