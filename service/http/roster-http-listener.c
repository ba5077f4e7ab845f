/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <sys/socket.h>

#include "roster-http-listener.h"

/*
 * RosterHttpListener accepts the connections of a SoupServer itself instead of
 * letting libsoup listen, for three reasons:
 *
 * - libsoup 3.2 (Debian 12) leaks every connection a client closes before sending a
 *   request, the idle one after a keep-alive response included: the message waiting
 *   for the request ends without anyone to disconnect it, so its descriptor stays open
 *   for good (fixed upstream in 3.3). A connection is handed to libsoup only once the
 *   first byte of its request has arrived, which libsoup always finishes and closes;
 *   until then the listener owns it, closes it when the peer does and after the idle
 *   timeout, and keep-alive is off (every response says `Connection: close`, see
 *   roster-http-server.c), so no connection ever goes back to waiting inside libsoup.
 * - libsoup listens with a backlog of 10 and drops bursts of new connections; the
 *   listener asks for the system's maximum.
 * - libsoup stops accepting for good, silently, after one failed accept (no
 *   descriptors left); the listener logs it, frees the descriptors of connections
 *   that have not sent anything, retries, and after %ROSTER_HTTP_DEFAULT_ACCEPT_FAILURE_LIMIT
 *   seconds of failing emits ::failed so that the daemon exits for its supervisor.
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

typedef struct {
	RosterHttpListener *listener;
	GSocketConnection *connection;
	GSource *source;
	gint64 accepted_at;
	GList *link;
} RosterWaiting;

struct _RosterHttpListener {
	GObject parent_instance;
	SoupServer *soup_server;
	GMainContext *context;
	GSocket *socket;
	GSource *accept_source;
	guint retry_id;
	guint sweep_id;
	GQueue waiting; /* of RosterWaiting, oldest first */
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

static void
waiting_free(RosterWaiting *waiting)
{
	if (waiting->source != NULL) {
		g_source_destroy(waiting->source);
		g_source_unref(waiting->source);
	}
	if (waiting->connection != NULL) {
		/* closing a socket never blocks; an error here has nobody to go to */
		g_io_stream_close(G_IO_STREAM(waiting->connection), NULL, NULL);
		g_object_unref(waiting->connection);
	}
	g_free(waiting);
}

static void
waiting_drop(RosterWaiting *waiting)
{
	g_queue_delete_link(&waiting->listener->waiting, waiting->link);
	waiting_free(waiting);
}

static void
hand_over(RosterWaiting *waiting)
{
	RosterHttpListener *self = waiting->listener;
	GSocket *socket = g_socket_connection_get_socket(waiting->connection);
	g_autoptr(GSocketAddress) local = g_socket_get_local_address(socket, NULL);
	g_autoptr(GSocketAddress) remote = g_socket_get_remote_address(socket, NULL);
	g_autoptr(GError) error = NULL;

	/* from now on a stalled read or write fails after the idle timeout, and libsoup
	 * finishes the request and closes the connection */
	g_socket_set_timeout(socket, self->idle_timeout);
	if (!soup_server_accept_iostream(self->soup_server,
					 G_IO_STREAM(waiting->connection),
					 local,
					 remote,
					 &error)) {
		g_debug("cannot hand a connection to the server: %s", error->message);
		waiting_drop(waiting);
		return;
	}
	g_clear_object(&waiting->connection);
	waiting_drop(waiting);
}

/* TRUE when the connection is done with: handed over, or closed because the peer has
 * gone; FALSE while it still waits for its first byte */
static gboolean
waiting_check(RosterWaiting *waiting)
{
	GSocket *socket = g_socket_connection_get_socket(waiting->connection);
	gchar byte;
	gssize received;

	received = recv(g_socket_get_fd(socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
	if (received > 0) {
		hand_over(waiting);
		return TRUE;
	}
	if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return FALSE;

	/* 0: the peer closed without a request; or the connection failed */
	waiting_drop(waiting);
	return TRUE;
}

static gboolean
waiting_ready_cb(GSocket *socket, GIOCondition condition, gpointer user_data)
{
	RosterWaiting *waiting = user_data;

	/* the source is destroyed with the waiting connection when it is done */
	waiting_check(waiting);
	return G_SOURCE_CONTINUE;
}

static void
add_waiting(RosterHttpListener *self, GSocket *socket)
{
	RosterWaiting *waiting = g_new0(RosterWaiting, 1);

	waiting->listener = self;
	waiting->connection = g_socket_connection_factory_create_connection(socket);
	waiting->accepted_at = g_get_monotonic_time();
	g_queue_push_tail(&self->waiting, waiting);
	waiting->link = g_queue_peek_tail_link(&self->waiting);

	/* most clients send their request with the handshake: no source needed then */
	if (waiting_check(waiting))
		return;
	waiting->source = g_socket_create_source(socket, G_IO_IN, NULL);
	g_source_set_callback(waiting->source, G_SOURCE_FUNC(waiting_ready_cb), waiting, NULL);
	g_source_attach(waiting->source, self->context);
}

static guint
reclaim_waiting(RosterHttpListener *self, guint max)
{
	guint closed = 0;

	while (closed < max && !g_queue_is_empty(&self->waiting)) {
		RosterWaiting *waiting = g_queue_peek_head(&self->waiting);
		waiting_drop(waiting);
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
		RosterWaiting *waiting = g_queue_peek_head(&self->waiting);
		if (waiting->accepted_at > oldest_allowed)
			break;
		waiting_drop(waiting);
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
		g_warning("cannot accept a connection: %s (closed %u connections that had sent "
			  "nothing, %u left waiting)",
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
			add_waiting(self, socket);
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
 * Returns: how many accepted connections have not sent a byte yet
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
		waiting_drop(g_queue_peek_head(&self->waiting));
	if (self->socket != NULL)
		g_socket_close(self->socket, NULL);
	g_clear_object(&self->socket);
}
