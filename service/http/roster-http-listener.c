/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the daemon's own accepting of connections, handed to libsoup a request at a time */

#include "config.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "roster-http-listener-stream.h"
#include "roster-http-listener.h"

/*
 * RosterHttpListener accepts the connections of a SoupServer itself instead of
 * letting libsoup listen, for three reasons:
 *
 * - libsoup 3.2 (Debian 12) leaks every connection a client closes while libsoup waits
 *   for its next request, the idle one after a keep-alive response included: the
 *   message waiting for the request ends without anyone to disconnect it, so its
 *   descriptor stays open for good (fixed upstream in 3.3). So libsoup never waits:
 *   the listener owns a connection whenever no request is in progress on it, closes it
 *   when the peer does and after the idle timeout, and hands libsoup one request at a
 *   time, once its first byte has arrived, over a RosterHttpRequestStream (see
 *   roster-http-listener-stream.c). libsoup serves that request and closes the stream,
 *   which gives the socket back: when the request and its response allow it
 *   (soup_server_message_is_keepalive(), exactly one head read and no body), the
 *   listener waits for the next request on it, otherwise it closes it.
 * - libsoup listens with a backlog of 10 and drops bursts of new connections; the
 *   listener asks for the system's maximum.
 * - libsoup stops accepting for good, silently, after one failed accept (no
 *   descriptors left); the listener logs it, frees the descriptors of connections
 *   that are waiting for a request, retries, and after
 *   %ROSTER_HTTP_DEFAULT_ACCEPT_FAILURE_LIMIT seconds of failing emits ::failed so that
 *   the daemon exits for its supervisor.
 */

/* how often waiting connections are checked against the idle timeout, in ms */
#define SWEEP_INTERVAL 500

/* how long accepting pauses after running out of descriptors, in ms */
#define ACCEPT_RETRY_DELAY 250

/* the most connections taken from the queue in one go, so that a burst does not
 * starve the requests already accepted */
#define ACCEPT_BATCH 64

/* the waiting connections closed at once when accepting runs out of descriptors */
#define RECLAIM_BATCH 16

/* one accepted connection: waiting for a request (in the waiting queue, watched by
 * @source) or serving one (in the serving queue, @request is libsoup's) */
typedef struct {
	RosterHttpListener *listener; /* NULL once the listener is closed */
	GSocketConnection *connection;
	GSource *source;
	gint64 idle_since;
	GList *link;
	RosterHttpRequestStream *request;
	GSocketAddress *local;
	GSocketAddress *remote; /* handed with the request, finds the client again */
	gboolean keep_alive;
} RosterClient;

struct _RosterHttpListener {
	GObject parent_instance;
	SoupServer *soup_server;
	GMainContext *context;
	GSocket *socket;
	GSource *accept_source;
	guint retry_id;
	guint sweep_id;
	gulong started_id;
	gulong finished_id;
	GQueue waiting; /* of RosterClient, longest idle first */
	GQueue serving; /* of RosterClient */
	guint idle_timeout;
	guint backlog;
	guint port;
	guint accept_failure_limit;
	gint64 failing_since;
	gint64 last_warning;
	gboolean failed;
};

enum { SIGNAL_FAILED, N_SIGNALS };

static guint signals[N_SIGNALS] = {0};

G_DEFINE_FINAL_TYPE(RosterHttpListener, roster_http_listener, G_TYPE_OBJECT)

static GQuark
client_quark(void)
{
	return g_quark_from_static_string("roster-http-listener-client");
}

static void
client_forget_request(RosterClient *client)
{
	client->request = NULL;
	if (client->remote != NULL) {
		g_object_set_qdata(G_OBJECT(client->remote), client_quark(), NULL);
		g_clear_object(&client->remote);
	}
}

static void
client_unwatch(RosterClient *client)
{
	if (client->source == NULL)
		return;
	g_source_destroy(client->source);
	g_clear_pointer(&client->source, g_source_unref);
}

/* closes a client that is in no queue and serves no request */
static void
client_free(RosterClient *client)
{
	g_assert(client->request == NULL);
	client_unwatch(client);
	client_forget_request(client);
	g_clear_object(&client->local);
	/* closing a socket never blocks; an error here has nobody to go to */
	g_io_stream_close(G_IO_STREAM(client->connection), NULL, NULL);
	g_object_unref(client->connection);
	g_free(client);
}

/* takes a waiting @client out of its queue and closes it */
static void
client_drop(RosterClient *client)
{
	g_queue_delete_link(&client->listener->waiting, client->link);
	client->link = NULL;
	client_free(client);
}

static gboolean
client_ready_cb(GSocket *socket, GIOCondition condition, gpointer user_data);

/* puts @client in the waiting queue, watched from the next main loop iteration */
static void
client_wait(RosterClient *client)
{
	RosterHttpListener *self = client->listener;
	GSocket *socket = g_socket_connection_get_socket(client->connection);

	client->idle_since = g_get_monotonic_time();
	g_queue_push_tail(&self->waiting, client);
	client->link = g_queue_peek_tail_link(&self->waiting);
	client->source = g_socket_create_source(socket, G_IO_IN, NULL);
	g_source_set_callback(client->source, G_SOURCE_FUNC(client_ready_cb), client, NULL);
	g_source_attach(client->source, self->context);
}

/* libsoup has closed the stream of @client's request */
static void
request_done_cb(RosterHttpRequestStream *request, gpointer user_data)
{
	RosterClient *client = user_data;
	RosterHttpListener *self = client->listener;
	GSocket *socket = g_socket_connection_get_socket(client->connection);
	gboolean reuse = client->keep_alive && roster_http_request_stream_is_reusable(request);

	client_forget_request(client);
	if (self == NULL) {
		client_free(client);
		return;
	}
	g_queue_delete_link(&self->serving, client->link);
	client->link = NULL;
	if (!reuse) {
		client_free(client);
		return;
	}
	/* waiting for a request has the idle timeout of the sweep, not the socket's */
	g_socket_set_timeout(socket, 0);
	client_wait(client);
}

static void
hand_over(RosterClient *client)
{
	RosterHttpListener *self = client->listener;
	GSocket *socket = g_socket_connection_get_socket(client->connection);
	g_autoptr(RosterHttpRequestStream) request = NULL;
	g_autoptr(GError) error = NULL;

	/* the local address never changes; the remote one is new for every request */
	if (client->local == NULL)
		client->local = g_socket_get_local_address(socket, NULL);
	client->remote = g_socket_get_remote_address(socket, NULL);
	if (client->local == NULL || client->remote == NULL) {
		client_drop(client);
		return;
	}

	/* serving before libsoup sees it: libsoup may serve the whole request, and give
	 * the connection back, before soup_server_accept_iostream() returns */
	g_queue_delete_link(&self->waiting, client->link);
	client_unwatch(client);
	g_queue_push_tail(&self->serving, client);
	client->link = g_queue_peek_tail_link(&self->serving);
	client->keep_alive = FALSE;
	request = roster_http_request_stream_new(client->connection, request_done_cb, client);
	client->request = request;
	g_object_set_qdata(G_OBJECT(client->remote), client_quark(), client);

	/* from now on a stalled read or write fails after the idle timeout, and libsoup
	 * finishes the request and closes its stream */
	g_socket_set_timeout(socket, self->idle_timeout);
	if (!soup_server_accept_iostream(self->soup_server,
					 G_IO_STREAM(request),
					 client->local,
					 client->remote,
					 &error)) {
		g_debug("cannot hand a connection to the server: %s", error->message);
		g_io_stream_close(G_IO_STREAM(request), NULL, NULL);
	}
}

/* TRUE when the client is done with: handed over, or closed because the peer has
 * gone; FALSE while it still waits for the first byte of a request */
static gboolean
client_check(RosterClient *client)
{
	GSocket *socket = g_socket_connection_get_socket(client->connection);
	gchar byte;
	gssize received;

	received = recv(g_socket_get_fd(socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
	if (received > 0) {
		hand_over(client);
		return TRUE;
	}
	if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return FALSE;

	/* 0: the peer closed without a request; or the connection failed */
	client_drop(client);
	return TRUE;
}

static gboolean
client_ready_cb(GSocket *socket, GIOCondition condition, gpointer user_data)
{
	RosterClient *client = user_data;

	/* the source is destroyed when the client is handed over or closed */
	client_check(client);
	return G_SOURCE_CONTINUE;
}

static void
add_client(RosterHttpListener *self, GSocket *socket)
{
	RosterClient *client = g_new0(RosterClient, 1);

	/* responses go out at once, not after the delayed acknowledgement of the last one */
	g_socket_set_option(socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
	g_socket_set_blocking(socket, FALSE);
	client->listener = self;
	client->connection = g_socket_connection_factory_create_connection(socket);
	client->idle_since = g_get_monotonic_time();
	g_queue_push_tail(&self->waiting, client);
	client->link = g_queue_peek_tail_link(&self->waiting);

	/* most clients send their request with the handshake: no source needed then */
	if (client_check(client))
		return;
	client->source = g_socket_create_source(socket, G_IO_IN, NULL);
	g_source_set_callback(client->source, G_SOURCE_FUNC(client_ready_cb), client, NULL);
	g_source_attach(client->source, self->context);
}

static RosterClient *
client_for_message(SoupServerMessage *msg)
{
	GSocketAddress *remote = soup_server_message_get_remote_address(msg);

	return remote != NULL ? g_object_get_qdata(G_OBJECT(remote), client_quark()) : NULL;
}

/* a request this connection cannot be kept for after says so in its response */
static void
request_got_headers_cb(SoupServerMessage *msg, gpointer user_data)
{
	RosterClient *client = client_for_message(msg);

	if (client == NULL || client->request == NULL ||
	    !roster_http_request_stream_is_reusable(client->request))
		soup_message_headers_replace(soup_server_message_get_response_headers(msg),
					     "Connection",
					     "close");
}

/* an informational response (100 Continue) is waited for: out with it now, not with
 * the final one's body */
static void
request_wrote_informational_cb(SoupServerMessage *msg, gpointer user_data)
{
	RosterClient *client = client_for_message(msg);

	if (client == NULL || client->request == NULL)
		return;
	roster_http_request_stream_send_held(client->request);
}

static void
request_started_cb(SoupServer *soup_server, SoupServerMessage *msg, gpointer user_data)
{
	g_signal_connect(msg, "got-headers", G_CALLBACK(request_got_headers_cb), NULL);
	g_signal_connect(msg,
			 "wrote-informational",
			 G_CALLBACK(request_wrote_informational_cb),
			 NULL);
}

/* libsoup's own rule (soup_server_message_is_keepalive(), not public): HTTP/1.1, no
 * side asked to close, and the response's end is not the connection's */
static gboolean
message_is_keepalive(SoupServerMessage *msg)
{
	SoupMessageHeaders *request = soup_server_message_get_request_headers(msg);
	SoupMessageHeaders *response = soup_server_message_get_response_headers(msg);

	return soup_server_message_get_http_version(msg) == SOUP_HTTP_1_1 &&
	       !soup_message_headers_header_contains(request, "Connection", "close") &&
	       !soup_message_headers_header_contains(response, "Connection", "close") &&
	       soup_message_headers_get_encoding(response) != SOUP_ENCODING_EOF;
}

static void
request_finished_cb(SoupServer *soup_server, SoupServerMessage *msg, gpointer user_data)
{
	RosterClient *client = client_for_message(msg);

	if (client != NULL)
		client->keep_alive = message_is_keepalive(msg);
}

static guint
reclaim_waiting(RosterHttpListener *self, guint max)
{
	guint closed = 0;

	while (closed < max && !g_queue_is_empty(&self->waiting)) {
		client_drop(g_queue_peek_head(&self->waiting));
		closed++;
	}
	return closed;
}

static gboolean
sweep_cb(gpointer user_data)
{
	RosterHttpListener *self = ROSTER_HTTP_LISTENER(user_data);
	gint64 now = g_get_monotonic_time();
	gint64 oldest_allowed = now - (gint64)self->idle_timeout * G_USEC_PER_SEC;

	while (!g_queue_is_empty(&self->waiting)) {
		RosterClient *client = g_queue_peek_head(&self->waiting);
		if (client->idle_since > oldest_allowed)
			break;
		client_drop(client);
	}
	return G_SOURCE_CONTINUE;
}

static void
start_accepting(RosterHttpListener *self);

static guint
attach_timeout(RosterHttpListener *self, guint interval, GSourceFunc func)
{
	g_autoptr(GSource) source = g_timeout_source_new(interval);

	g_source_set_callback(source, func, self, NULL);
	return g_source_attach(source, self->context);
}

static void
remove_source_by_id(RosterHttpListener *self, guint *id)
{
	GSource *source;

	if (*id == 0)
		return;
	source = g_main_context_find_source_by_id(self->context, *id);
	if (source != NULL)
		g_source_destroy(source);
	*id = 0;
}

static gboolean
retry_accept_cb(gpointer user_data)
{
	RosterHttpListener *self = ROSTER_HTTP_LISTENER(user_data);

	self->retry_id = 0;
	start_accepting(self);
	return G_SOURCE_REMOVE;
}

static gboolean
is_resource_error(const GError *error)
{
	return g_error_matches(error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_OPEN_FILES) ||
	       g_error_matches(error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
	       (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_FAILED);
}

/* accepting failed for want of descriptors or memory: free what can be freed and try
 * again; FALSE when accepting should pause */
static gboolean
accept_failed(RosterHttpListener *self, const GError *error)
{
	gint64 now = g_get_monotonic_time();
	guint reclaimed;

	if (self->failing_since == 0)
		self->failing_since = now;
	reclaimed = reclaim_waiting(self, RECLAIM_BATCH);
	if (now - self->last_warning >= 10 * G_USEC_PER_SEC) {
		g_warning("cannot accept a connection: %s (closed %u connections that were "
			  "waiting for a request, %u left waiting)",
			  error->message,
			  reclaimed,
			  g_queue_get_length(&self->waiting));
		self->last_warning = now;
	}
	if (now - self->failing_since >= (gint64)self->accept_failure_limit * G_USEC_PER_SEC) {
		g_autoptr(GError) failure =
		    g_error_new(error->domain,
				error->code,
				"accepting connections has failed for %u s: %s",
				self->accept_failure_limit,
				error->message);
		self->failed = TRUE;
		g_signal_emit(self, signals[SIGNAL_FAILED], 0, failure);
		return FALSE;
	}
	return reclaimed > 0;
}

static gboolean
accept_cb(GSocket *listening, GIOCondition condition, gpointer user_data)
{
	RosterHttpListener *self = ROSTER_HTTP_LISTENER(user_data);

	for (guint i = 0; i < ACCEPT_BATCH; i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(GSocket) socket = g_socket_accept(listening, NULL, &error);

		if (socket != NULL) {
			self->failing_since = 0;
			add_client(self, socket);
			continue;
		}
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
			break;
		if (!is_resource_error(error)) {
			/* the client gave up before it was accepted, and the like */
			g_debug("accept: %s", error->message);
			continue;
		}
		if (accept_failed(self, error))
			continue;

		/* pause, so that a full descriptor table does not spin the main loop */
		g_clear_pointer(&self->accept_source, g_source_destroy);
		if (!self->failed)
			self->retry_id = attach_timeout(self, ACCEPT_RETRY_DELAY, retry_accept_cb);
		return G_SOURCE_REMOVE;
	}
	return G_SOURCE_CONTINUE;
}

static void
start_accepting(RosterHttpListener *self)
{
	GSource *source;

	if (self->socket == NULL || self->accept_source != NULL)
		return;
	source = g_socket_create_source(self->socket, G_IO_IN, NULL);
	g_source_set_callback(source, G_SOURCE_FUNC(accept_cb), self, NULL);
	g_source_attach(source, self->context);
	self->accept_source = source;
	g_source_unref(source);
}

static guint
read_max_backlog(void)
{
	g_autofree gchar *contents = NULL;
	guint64 value = 0;

	if (g_file_get_contents("/proc/sys/net/core/somaxconn", &contents, NULL, NULL) &&
	    g_ascii_string_to_unsigned(g_strstrip(contents), 10, 1, G_MAXINT, &value, NULL))
		return (guint)value;
	return SOMAXCONN;
}

static void
roster_http_listener_dispose(GObject *object)
{
	RosterHttpListener *self = ROSTER_HTTP_LISTENER(object);

	roster_http_listener_close(self);
	g_clear_object(&self->soup_server);
	g_clear_pointer(&self->context, g_main_context_unref);
	G_OBJECT_CLASS(roster_http_listener_parent_class)->dispose(object);
}

static void
roster_http_listener_class_init(RosterHttpListenerClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->dispose = roster_http_listener_dispose;

	/**
	 * RosterHttpListener::failed:
	 * @self: the listener
	 * @error: why accepting has stopped
	 *
	 * Emitted once when accepting has failed for longer than the accept failure
	 * limit; the listener accepts nothing after it.
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
roster_http_listener_init(RosterHttpListener *self)
{
	g_queue_init(&self->waiting);
	g_queue_init(&self->serving);
	self->idle_timeout = ROSTER_HTTP_DEFAULT_IDLE_TIMEOUT;
	self->accept_failure_limit = ROSTER_HTTP_DEFAULT_ACCEPT_FAILURE_LIMIT;
}

/**
 * roster_http_listener_new:
 * @soup_server: the #SoupServer the connections are handed to
 * @address: the address to listen on; port 0 lets the system pick one
 * @idle_timeout: seconds a connection may wait for its request or stall
 * @error: a #GError or %NULL
 *
 * Binds and listens with the system's largest backlog, and accepts connections on
 * the thread-default main context of the calling thread.
 *
 * Returns: (transfer full): a new #RosterHttpListener, or %NULL when it cannot listen
 *
 * Since: 0.2
 **/
RosterHttpListener *
roster_http_listener_new(SoupServer *soup_server,
			 GSocketAddress *address,
			 guint idle_timeout,
			 GError **error)
{
	g_autoptr(RosterHttpListener) self = NULL;
	g_autoptr(GSocketAddress) bound = NULL;

	g_return_val_if_fail(SOUP_IS_SERVER(soup_server), NULL);
	g_return_val_if_fail(G_IS_INET_SOCKET_ADDRESS(address), NULL);
	g_return_val_if_fail(idle_timeout > 0, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	self = g_object_new(ROSTER_TYPE_HTTP_LISTENER, NULL);
	self->soup_server = g_object_ref(soup_server);
	self->context = g_main_context_ref_thread_default();
	self->idle_timeout = idle_timeout;
	self->socket = g_socket_new(g_socket_address_get_family(address),
				    G_SOCKET_TYPE_STREAM,
				    G_SOCKET_PROTOCOL_TCP,
				    error);
	if (self->socket == NULL)
		return NULL;
	g_socket_set_blocking(self->socket, FALSE);
	if (!g_socket_bind(self->socket, address, TRUE, error))
		return NULL;
	self->backlog = read_max_backlog();
	g_socket_set_listen_backlog(self->socket, (gint)self->backlog);
	if (!g_socket_listen(self->socket, error))
		return NULL;
	bound = g_socket_get_local_address(self->socket, error);
	if (bound == NULL)
		return NULL;
	self->port = g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(bound));
	self->started_id = g_signal_connect(self->soup_server,
					    "request-started",
					    G_CALLBACK(request_started_cb),
					    NULL);
	self->finished_id = g_signal_connect(self->soup_server,
					     "request-finished",
					     G_CALLBACK(request_finished_cb),
					     NULL);
	start_accepting(self);
	self->sweep_id = attach_timeout(self, SWEEP_INTERVAL, sweep_cb);
	return g_steal_pointer(&self);
}

/**
 * roster_http_listener_get_port:
 * @self: a #RosterHttpListener
 *
 * Returns: the port listened on, the real one when 0 was asked for
 *
 * Since: 0.2
 **/
guint
roster_http_listener_get_port(RosterHttpListener *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_LISTENER(self), 0);
	return self->port;
}

/**
 * roster_http_listener_get_backlog:
 * @self: a #RosterHttpListener
 *
 * Returns: the listen backlog asked for
 *
 * Since: 0.2
 **/
guint
roster_http_listener_get_backlog(RosterHttpListener *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_LISTENER(self), 0);
	return self->backlog;
}

/**
 * roster_http_listener_get_waiting:
 * @self: a #RosterHttpListener
 *
 * Returns: how many connections wait for a request: new ones and kept-alive ones
 *
 * Since: 0.2
 **/
guint
roster_http_listener_get_waiting(RosterHttpListener *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_LISTENER(self), 0);
	return g_queue_get_length(&self->waiting);
}

/**
 * roster_http_listener_set_accept_failure_limit:
 * @self: a #RosterHttpListener
 * @seconds: how long accepting may fail before ::failed is emitted
 *
 * Since: 0.2
 **/
void
roster_http_listener_set_accept_failure_limit(RosterHttpListener *self, guint seconds)
{
	g_return_if_fail(ROSTER_IS_HTTP_LISTENER(self));
	self->accept_failure_limit = seconds;
}

/**
 * roster_http_listener_close:
 * @self: a #RosterHttpListener
 *
 * Stops accepting, closes the listening socket and the connections that have not
 * been handed over. Safe to call more than once.
 *
 * Since: 0.2
 **/
void
roster_http_listener_close(RosterHttpListener *self)
{
	g_return_if_fail(ROSTER_IS_HTTP_LISTENER(self));
	g_clear_pointer(&self->accept_source, g_source_destroy);
	remove_source_by_id(self, &self->retry_id);
	remove_source_by_id(self, &self->sweep_id);
	while (!g_queue_is_empty(&self->waiting))
		client_drop(g_queue_peek_head(&self->waiting));
	/* a request in progress ends in libsoup, which closes its stream */
	for (GList *l = self->serving.head; l != NULL; l = l->next) {
		RosterClient *client = l->data;
		client->listener = NULL;
		client->link = NULL;
	}
	g_queue_clear(&self->serving);
	if (self->started_id != 0)
		g_signal_handler_disconnect(self->soup_server, self->started_id);
	if (self->finished_id != 0)
		g_signal_handler_disconnect(self->soup_server, self->finished_id);
	self->started_id = 0;
	self->finished_id = 0;
	if (self->socket != NULL)
		g_socket_close(self->socket, NULL);
	g_clear_object(&self->socket);
}
