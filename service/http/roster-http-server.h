/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "roster-engine.h"
#include "roster-http-api.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_HTTP_SERVER (roster_http_server_get_type())
G_DECLARE_FINAL_TYPE(RosterHttpServer, roster_http_server, ROSTER, HTTP_SERVER, GObject)

RosterHttpServer *
roster_http_server_new(RosterEngine *engine,
		       const gchar *address,
		       guint port,
		       guint idle_timeout,
		       GCancellable *cancellable,
		       GError **error);
RosterEngine *
roster_http_server_get_engine(RosterHttpServer *self);
const gchar *
roster_http_server_get_address(RosterHttpServer *self);
guint
roster_http_server_get_port(RosterHttpServer *self);
gchar *
roster_http_server_dup_base_uri(RosterHttpServer *self);
void
roster_http_server_stop(RosterHttpServer *self);

G_END_DECLS
