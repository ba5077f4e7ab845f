/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the daemon's own accepting of connections, handed to libsoup a request at a time */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* how long a connection may wait for the first byte of its request, and how long a
 * read or write of a request in progress may stall, in seconds */
#define ROSTER_HTTP_DEFAULT_IDLE_TIMEOUT 30

/* how long accepting may keep failing for want of descriptors before the listener
 * gives up, in seconds */
#define ROSTER_HTTP_DEFAULT_ACCEPT_FAILURE_LIMIT 60

#define ROSTER_TYPE_HTTP_LISTENER (roster_http_listener_get_type())
G_DECLARE_FINAL_TYPE(RosterHttpListener, roster_http_listener, ROSTER, HTTP_LISTENER, GObject)

RosterHttpListener *
roster_http_listener_new(SoupServer *soup_server,
			 GSocketAddress *address,
			 guint idle_timeout,
			 GError **error);
guint
roster_http_listener_get_port(RosterHttpListener *self);
guint
roster_http_listener_get_backlog(RosterHttpListener *self);
guint
roster_http_listener_get_waiting(RosterHttpListener *self);
void
roster_http_listener_set_accept_failure_limit(RosterHttpListener *self, guint seconds);
void
roster_http_listener_close(RosterHttpListener *self);

G_END_DECLS
