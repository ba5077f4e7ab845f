/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the stream one request of a kept-alive connection is served over (listener only) */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ROSTER_TYPE_HTTP_REQUEST_STREAM (roster_http_request_stream_get_type())
G_DECLARE_FINAL_TYPE(RosterHttpRequestStream,
		     roster_http_request_stream,
		     ROSTER,
		     HTTP_REQUEST_STREAM,
		     GIOStream)

/* called once, when the server closes the stream: the connection is the caller's again */
typedef void (*RosterHttpRequestStreamDone)(RosterHttpRequestStream *stream, gpointer user_data);

RosterHttpRequestStream *
roster_http_request_stream_new(GSocketConnection *connection,
			       RosterHttpRequestStreamDone done,
			       gpointer user_data);
gboolean
roster_http_request_stream_is_reusable(RosterHttpRequestStream *self);
void
roster_http_request_stream_send_held(RosterHttpRequestStream *self);

G_END_DECLS
