/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the stream one request of a kept-alive connection is served over (listener only) */

#include "config.h"

#include "roster-http-listener-stream.h"

/*
 * libsoup 3.2 serves one request per connection handed to it with
 * soup_server_accept_iostream() and closes it after the response (it keeps a
 * connection alive only for its own listeners, and that is where it leaks). To keep a
 * connection alive anyway, the listener hands libsoup a RosterHttpRequestStream per
 * request over the same socket: closing it gives the socket back to the listener
 * instead of closing it, and the listener waits for the next request itself.
 *
 * That is only right if libsoup has read exactly one request, no byte of the next: its
 * line reader buffers whatever the socket holds. So until the end of the request's
 * head the input side peeks at the socket and lets through no byte after the blank
 * line that ends the head, found by the same rule as libsoup's header reader
 * (soup_message_io_data_read_headers: a line "\n" or "\r\n" after a line end, once at
 * least two or three bytes came before it). A request is reusable when its head ended
 * so, nothing after it was read, no read or write failed, and the head names no body:
 * "content-length" or "transfer-encoding" anywhere in it, in any case and any
 * position (a folded or misspelt header included), makes it a one-request connection,
 * so that no body a proxy sends could ever be read as a next request.
 */

/* libsoup refuses heads larger than 64 KiB; a longer head is never reusable */
#define HEAD_LIMIT (72 * 1024)

/* input: the request's head through a peek, then the socket as it is */

#define ROSTER_TYPE_HEAD_INPUT_STREAM (roster_head_input_stream_get_type())
G_DECLARE_FINAL_TYPE(RosterHeadInputStream,
		     roster_head_input_stream,
		     ROSTER,
		     HEAD_INPUT_STREAM,
		     GInputStream)

struct _RosterHeadInputStream {
	GInputStream parent_instance;
	GSocket *socket;
	GInputStream *base;
	GByteArray *head; /* the head let through so far */
	gboolean head_done;
	gboolean past_head; /* a byte after the head was read */
	gboolean broken;    /* a read failed or met the end of the stream */
};

static void
roster_head_input_stream_pollable_init(GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE(RosterHeadInputStream,
			      roster_head_input_stream,
			      G_TYPE_INPUT_STREAM,
			      G_IMPLEMENT_INTERFACE(G_TYPE_POLLABLE_INPUT_STREAM,
						    roster_head_input_stream_pollable_init))

/* the length of @data's prefix that still belongs to the head, the blank line ending it
 * included; sets head_done when that line is in it */
static gsize
head_input_scan(RosterHeadInputStream *self, const guint8 *data, gsize length)
{
	const guint8 *head = self->head->data;
	gsize before = self->head->len;

	for (gsize i = 0; i < length; i++) {
		gsize position = before + i;
		guint8 previous;
		guint8 second;

		if (data[i] != '\n' || position < 2)
			continue;
		previous = position - 1 >= before ? data[position - 1 - before]
						  : head[position - 1];
		second = position - 2 >= before ? data[position - 2 - before] : head[position - 2];
		if (previous == '\n' || (position >= 4 && previous == '\r' && second == '\n')) {
			self->head_done = TRUE;
			return i + 1;
		}
	}
	return length;
}

static gssize
head_input_read(RosterHeadInputStream *self,
		void *buffer,
		gsize count,
		gboolean blocking,
		GCancellable *cancellable,
		GError **error)
{
	GInputVector vector = {buffer, count};
	gint flags = G_SOCKET_MSG_PEEK;
	gssize peeked;
	gssize received;
	gsize wanted;

	if (self->head_done) {
		g_autoptr(GError) error_local = NULL;

		received = g_pollable_stream_read(self->base,
						  buffer,
						  count,
						  blocking,
						  cancellable,
						  &error_local);
		if (received > 0)
			self->past_head = TRUE;
		else if (received == 0 ||
			 !g_error_matches(error_local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
			self->broken = TRUE;
		if (error_local != NULL)
			g_propagate_error(error, g_steal_pointer(&error_local));
		return received;
	}

	/* the socket is non-blocking: wait here for the blocking form */
	while (TRUE) {
		g_autoptr(GError) error_local = NULL;

		flags = G_SOCKET_MSG_PEEK;
		peeked = g_socket_receive_message(self->socket,
						  NULL,
						  &vector,
						  1,
						  NULL,
						  NULL,
						  &flags,
						  cancellable,
						  &error_local);
		if (peeked >= 0)
			break;
		if (!blocking ||
		    !g_error_matches(error_local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK)) {
			if (!g_error_matches(error_local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
				self->broken = TRUE;
			g_propagate_error(error, g_steal_pointer(&error_local));
			return -1;
		}
		if (!g_socket_condition_wait(self->socket, G_IO_IN, cancellable, error)) {
			self->broken = TRUE;
			return -1;
		}
	}
	if (peeked == 0) {
		self->broken = TRUE;
		return 0;
	}

	/* take from the socket only what belongs to the head */
	wanted = head_input_scan(self, buffer, (gsize)peeked);
	received =
	    g_socket_receive_with_blocking(self->socket, buffer, wanted, FALSE, cancellable, error);
	if (received <= 0) {
		self->head_done = FALSE;
		self->broken = TRUE;
		return received;
	}
	if ((gsize)received < wanted)
		self->head_done = FALSE;
	if (self->head->len + (gsize)received > HEAD_LIMIT)
		self->broken = TRUE;
	else
		g_byte_array_append(self->head, buffer, (guint)received);
	return received;
}

static gssize
roster_head_input_stream_read_fn(GInputStream *stream,
				 void *buffer,
				 gsize count,
				 GCancellable *cancellable,
				 GError **error)
{
	return head_input_read(ROSTER_HEAD_INPUT_STREAM(stream),
			       buffer,
			       count,
			       TRUE,
			       cancellable,
			       error);
}

static gboolean
roster_head_input_stream_close_fn(GInputStream *stream, GCancellable *cancellable, GError **error)
{
	/* the socket is the listener's */
	return TRUE;
}

static gssize
roster_head_input_stream_read_nonblocking(GPollableInputStream *stream,
					  void *buffer,
					  gsize count,
					  GError **error)
{
	return head_input_read(ROSTER_HEAD_INPUT_STREAM(stream), buffer, count, FALSE, NULL, error);
}

static gboolean
roster_head_input_stream_is_readable(GPollableInputStream *stream)
{
	RosterHeadInputStream *self = ROSTER_HEAD_INPUT_STREAM(stream);
	return g_pollable_input_stream_is_readable(G_POLLABLE_INPUT_STREAM(self->base));
}

static GSource *
roster_head_input_stream_create_source(GPollableInputStream *stream, GCancellable *cancellable)
{
	RosterHeadInputStream *self = ROSTER_HEAD_INPUT_STREAM(stream);
	g_autoptr(GSource) base =
	    g_pollable_input_stream_create_source(G_POLLABLE_INPUT_STREAM(self->base), cancellable);

	return g_pollable_source_new_full(self, base, cancellable);
}

static void
roster_head_input_stream_pollable_init(GPollableInputStreamInterface *iface)
{
	iface->is_readable = roster_head_input_stream_is_readable;
	iface->create_source = roster_head_input_stream_create_source;
	iface->read_nonblocking = roster_head_input_stream_read_nonblocking;
}

static void
roster_head_input_stream_finalize(GObject *object)
{
	RosterHeadInputStream *self = ROSTER_HEAD_INPUT_STREAM(object);

	g_clear_object(&self->socket);
	g_clear_object(&self->base);
	g_byte_array_unref(self->head);
	G_OBJECT_CLASS(roster_head_input_stream_parent_class)->finalize(object);
}

static void
roster_head_input_stream_class_init(RosterHeadInputStreamClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GInputStreamClass *input_class = G_INPUT_STREAM_CLASS(klass);

	object_class->finalize = roster_head_input_stream_finalize;
	input_class->read_fn = roster_head_input_stream_read_fn;
	input_class->close_fn = roster_head_input_stream_close_fn;
}

static void
roster_head_input_stream_init(RosterHeadInputStream *self)
{
	self->head = g_byte_array_new();
}

/* TRUE when @head names a body anywhere, in any case */
static gboolean
head_names_body(const GByteArray *head)
{
	const gchar *names[] = {"content-length", "transfer-encoding"};

	for (gsize i = 0; i < head->len; i++) {
		for (guint j = 0; j < G_N_ELEMENTS(names); j++) {
			gsize length = strlen(names[j]);
			if (head->len - i >= length &&
			    g_ascii_strncasecmp((const gchar *)head->data + i, names[j], length) ==
				0)
				return TRUE;
		}
	}
	return FALSE;
}

/* output: the socket as it is, closed without closing the socket. libsoup writes a
 * response's head and its body apart; the first write (the head, when it is small) is
 * held back and leaves with the second in one call, so that most responses go out as
 * one segment without a cork's two extra calls; what is still held when the stream is
 * closed (a response without a body) leaves then */

/* the most of a first write that is held back */
#define HOLD_LIMIT 4096

#define ROSTER_TYPE_PASS_OUTPUT_STREAM (roster_pass_output_stream_get_type())
G_DECLARE_FINAL_TYPE(RosterPassOutputStream,
		     roster_pass_output_stream,
		     ROSTER,
		     PASS_OUTPUT_STREAM,
		     GOutputStream)

struct _RosterPassOutputStream {
	GOutputStream parent_instance;
	GSocket *socket;
	GOutputStream *base;
	GByteArray *held; /* the first write, not sent yet */
	gboolean wrote;	  /* a write came: only the first is held */
	gboolean broken;  /* a write failed */
};

static void
roster_pass_output_stream_pollable_init(GPollableOutputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE(RosterPassOutputStream,
			      roster_pass_output_stream,
			      G_TYPE_OUTPUT_STREAM,
			      G_IMPLEMENT_INTERFACE(G_TYPE_POLLABLE_OUTPUT_STREAM,
						    roster_pass_output_stream_pollable_init))

/* sends what is held without waiting; a client that does not read its responses
 * loses the connection rather than hold up the daemon */
static void
pass_output_send_held(RosterPassOutputStream *self)
{
	while (self->held != NULL && self->held->len > 0) {
		gssize sent = g_socket_send_with_blocking(self->socket,
							  (const gchar *)self->held->data,
							  self->held->len,
							  FALSE,
							  NULL,
							  NULL);
		if (sent <= 0) {
			self->broken = TRUE;
			break;
		}
		g_byte_array_remove_range(self->held, 0, (guint)sent);
	}
	g_clear_pointer(&self->held, g_byte_array_unref);
}

/* without waiting: what is held, then @buffer, in one call; returns how much of
 * @buffer was sent, or -1 with G_IO_ERROR_WOULD_BLOCK when none of it was */
static gssize
pass_output_write_with_held(RosterPassOutputStream *self,
			    const void *buffer,
			    gsize count,
			    GError **error)
{
	GOutputVector vectors[] = {{self->held->data, self->held->len}, {buffer, count}};
	g_autoptr(GError) error_local = NULL;
	gsize sent = 0;
	GPollableReturn rc = g_socket_send_message_with_timeout(self->socket,
								NULL,
								vectors,
								G_N_ELEMENTS(vectors),
								NULL,
								0,
								G_SOCKET_MSG_NONE,
								0,
								&sent,
								NULL,
								&error_local);

	if (rc == G_POLLABLE_RETURN_FAILED) {
		self->broken = TRUE;
		g_propagate_error(error, g_steal_pointer(&error_local));
		return -1;
	}
	if (rc == G_POLLABLE_RETURN_OK && sent > self->held->len) {
		sent -= self->held->len;
		g_clear_pointer(&self->held, g_byte_array_unref);
		return (gssize)sent;
	}
	if (rc == G_POLLABLE_RETURN_OK && sent == self->held->len)
		g_clear_pointer(&self->held, g_byte_array_unref);
	else if (rc == G_POLLABLE_RETURN_OK)
		g_byte_array_remove_range(self->held, 0, (guint)sent);
	g_set_error_literal(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK, "the socket is full");
	return -1;
}

static gssize
pass_output_write(RosterPassOutputStream *self,
		  const void *buffer,
		  gsize count,
		  gboolean blocking,
		  GCancellable *cancellable,
		  GError **error)
{
	g_autoptr(GError) error_local = NULL;
	gssize written;

	if (!self->wrote && count <= HOLD_LIMIT) {
		self->wrote = TRUE;
		self->held = g_byte_array_sized_new((guint)count);
		g_byte_array_append(self->held, buffer, (guint)count);
		return (gssize)count;
	}
	self->wrote = TRUE;
	if (self->held != NULL && !blocking)
		return pass_output_write_with_held(self, buffer, count, error);
	/* a blocking write (libsoup's server does not make them) sends the head first */
	if (self->held != NULL && !g_output_stream_write_all(self->base,
							     self->held->data,
							     self->held->len,
							     NULL,
							     cancellable,
							     &error_local)) {
		self->broken = TRUE;
		g_propagate_error(error, g_steal_pointer(&error_local));
		return -1;
	}
	g_clear_pointer(&self->held, g_byte_array_unref);
	written =
	    g_pollable_stream_write(self->base, buffer, count, blocking, cancellable, &error_local);
	if (written < 0) {
		if (!g_error_matches(error_local, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
			self->broken = TRUE;
		g_propagate_error(error, g_steal_pointer(&error_local));
	}
	return written;
}

static gssize
roster_pass_output_stream_write_fn(GOutputStream *stream,
				   const void *buffer,
				   gsize count,
				   GCancellable *cancellable,
				   GError **error)
{
	return pass_output_write(ROSTER_PASS_OUTPUT_STREAM(stream),
				 buffer,
				 count,
				 TRUE,
				 cancellable,
				 error);
}

static gboolean
roster_pass_output_stream_close_fn(GOutputStream *stream, GCancellable *cancellable, GError **error)
{
	/* the socket is the listener's: only what is held leaves */
	pass_output_send_held(ROSTER_PASS_OUTPUT_STREAM(stream));
	return TRUE;
}

static gssize
roster_pass_output_stream_write_nonblocking(GPollableOutputStream *stream,
					    const void *buffer,
					    gsize count,
					    GError **error)
{
	return pass_output_write(ROSTER_PASS_OUTPUT_STREAM(stream),
				 buffer,
				 count,
				 FALSE,
				 NULL,
				 error);
}

static gboolean
roster_pass_output_stream_is_writable(GPollableOutputStream *stream)
{
	RosterPassOutputStream *self = ROSTER_PASS_OUTPUT_STREAM(stream);
	return g_pollable_output_stream_is_writable(G_POLLABLE_OUTPUT_STREAM(self->base));
}

static GSource *
roster_pass_output_stream_create_source(GPollableOutputStream *stream, GCancellable *cancellable)
{
	RosterPassOutputStream *self = ROSTER_PASS_OUTPUT_STREAM(stream);
	g_autoptr(GSource) base =
	    g_pollable_output_stream_create_source(G_POLLABLE_OUTPUT_STREAM(self->base),
						   cancellable);

	return g_pollable_source_new_full(self, base, cancellable);
}

static void
roster_pass_output_stream_pollable_init(GPollableOutputStreamInterface *iface)
{
	iface->is_writable = roster_pass_output_stream_is_writable;
	iface->create_source = roster_pass_output_stream_create_source;
	iface->write_nonblocking = roster_pass_output_stream_write_nonblocking;
}

static void
roster_pass_output_stream_finalize(GObject *object)
{
	RosterPassOutputStream *self = ROSTER_PASS_OUTPUT_STREAM(object);

	g_clear_pointer(&self->held, g_byte_array_unref);
	g_clear_object(&self->socket);
	g_clear_object(&self->base);
	G_OBJECT_CLASS(roster_pass_output_stream_parent_class)->finalize(object);
}

static void
roster_pass_output_stream_class_init(RosterPassOutputStreamClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GOutputStreamClass *output_class = G_OUTPUT_STREAM_CLASS(klass);

	object_class->finalize = roster_pass_output_stream_finalize;
	output_class->write_fn = roster_pass_output_stream_write_fn;
	output_class->close_fn = roster_pass_output_stream_close_fn;
}

static void
roster_pass_output_stream_init(RosterPassOutputStream *self)
{
}

/* the pair, handed to libsoup */

struct _RosterHttpRequestStream {
	GIOStream parent_instance;
	RosterHeadInputStream *input;
	RosterPassOutputStream *output;
	RosterHttpRequestStreamDone done;
	gpointer done_data;
};

G_DEFINE_FINAL_TYPE(RosterHttpRequestStream, roster_http_request_stream, G_TYPE_IO_STREAM)

static GInputStream *
roster_http_request_stream_get_input_stream(GIOStream *stream)
{
	return G_INPUT_STREAM(ROSTER_HTTP_REQUEST_STREAM(stream)->input);
}

static GOutputStream *
roster_http_request_stream_get_output_stream(GIOStream *stream)
{
	return G_OUTPUT_STREAM(ROSTER_HTTP_REQUEST_STREAM(stream)->output);
}

static gboolean
roster_http_request_stream_close_fn(GIOStream *stream, GCancellable *cancellable, GError **error)
{
	RosterHttpRequestStream *self = ROSTER_HTTP_REQUEST_STREAM(stream);
	RosterHttpRequestStreamDone done = self->done;

	/* neither closes the socket; closed, they refuse any late read or write */
	g_input_stream_close(G_INPUT_STREAM(self->input), NULL, NULL);
	g_output_stream_close(G_OUTPUT_STREAM(self->output), NULL, NULL);
	self->done = NULL;
	if (done != NULL)
		done(self, self->done_data);
	return TRUE;
}

/* closing never blocks: no thread for it, unlike the default */
static void
roster_http_request_stream_close_async(GIOStream *stream,
				       int io_priority,
				       GCancellable *cancellable,
				       GAsyncReadyCallback callback,
				       gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(stream, cancellable, callback, user_data);

	roster_http_request_stream_close_fn(stream, cancellable, NULL);
	g_task_return_boolean(task, TRUE);
}

static gboolean
roster_http_request_stream_close_finish(GIOStream *stream, GAsyncResult *result, GError **error)
{
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
roster_http_request_stream_finalize(GObject *object)
{
	RosterHttpRequestStream *self = ROSTER_HTTP_REQUEST_STREAM(object);

	g_clear_object(&self->input);
	g_clear_object(&self->output);
	G_OBJECT_CLASS(roster_http_request_stream_parent_class)->finalize(object);
}

static void
roster_http_request_stream_class_init(RosterHttpRequestStreamClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GIOStreamClass *stream_class = G_IO_STREAM_CLASS(klass);

	object_class->finalize = roster_http_request_stream_finalize;
	stream_class->get_input_stream = roster_http_request_stream_get_input_stream;
	stream_class->get_output_stream = roster_http_request_stream_get_output_stream;
	stream_class->close_fn = roster_http_request_stream_close_fn;
	stream_class->close_async = roster_http_request_stream_close_async;
	stream_class->close_finish = roster_http_request_stream_close_finish;
}

static void
roster_http_request_stream_init(RosterHttpRequestStream *self)
{
}

/**
 * roster_http_request_stream_new:
 * @connection: a connected socket, non-blocking, that the caller keeps
 * @done: called once when the stream is closed
 * @user_data: for @done
 *
 * Returns: (transfer full): a stream for one request over @connection; closing it
 * leaves @connection open
 *
 * Since: 0.2
 **/
RosterHttpRequestStream *
roster_http_request_stream_new(GSocketConnection *connection,
			       RosterHttpRequestStreamDone done,
			       gpointer user_data)
{
	RosterHttpRequestStream *self;
	GIOStream *base = G_IO_STREAM(connection);

	g_return_val_if_fail(G_IS_SOCKET_CONNECTION(connection), NULL);

	self = g_object_new(ROSTER_TYPE_HTTP_REQUEST_STREAM, NULL);
	self->input = g_object_new(ROSTER_TYPE_HEAD_INPUT_STREAM, NULL);
	self->input->socket = g_object_ref(g_socket_connection_get_socket(connection));
	self->input->base = g_object_ref(g_io_stream_get_input_stream(base));
	self->output = g_object_new(ROSTER_TYPE_PASS_OUTPUT_STREAM, NULL);
	self->output->socket = g_object_ref(g_socket_connection_get_socket(connection));
	self->output->base = g_object_ref(g_io_stream_get_output_stream(base));
	self->done = done;
	self->done_data = user_data;
	return self;
}

/**
 * roster_http_request_stream_is_reusable:
 * @self: a #RosterHttpRequestStream
 *
 * Returns: %TRUE when exactly one whole head was read, it names no body, and no read
 * or write failed: the next byte on the socket is the next request's first
 *
 * Since: 0.2
 **/
gboolean
roster_http_request_stream_is_reusable(RosterHttpRequestStream *self)
{
	g_return_val_if_fail(ROSTER_IS_HTTP_REQUEST_STREAM(self), FALSE);
	return self->input->head_done && !self->input->past_head && !self->input->broken &&
	       !self->output->broken && !head_names_body(self->input->head);
}

/**
 * roster_http_request_stream_send_held:
 * @self: a #RosterHttpRequestStream
 *
 * Sends at once what the stream holds back of a response, for a response the client
 * waits for before it goes on (100 Continue).
 *
 * Since: 0.2
 **/
void
roster_http_request_stream_send_held(RosterHttpRequestStream *self)
{
	g_return_if_fail(ROSTER_IS_HTTP_REQUEST_STREAM(self));
	pass_output_send_held(self->output);
	/* the final response's head is held again */
	self->output->wrote = FALSE;
}
