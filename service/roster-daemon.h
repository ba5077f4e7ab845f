/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "roster-engine.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_DAEMON (roster_daemon_get_type())
G_DECLARE_FINAL_TYPE(RosterDaemon, roster_daemon, ROSTER, DAEMON, GObject)

RosterDaemon *
roster_daemon_new(const gchar *database_path, const gchar *address, guint port);
void
roster_daemon_set_idle_timeout(RosterDaemon *self, guint seconds);
gboolean
roster_daemon_open_database(RosterDaemon *self, GError **error);
gboolean
roster_daemon_ensure_admin(RosterDaemon *self,
			   const gchar *username,
			   const gchar *password,
			   gchar **new_password,
			   GError **error);
gboolean
roster_daemon_start(RosterDaemon *self, GError **error);
gboolean
roster_daemon_run(RosterDaemon *self, GError **error);
void
roster_daemon_quit(RosterDaemon *self);
void
roster_daemon_stop(RosterDaemon *self);
RosterEngine *
roster_daemon_get_engine(RosterDaemon *self);
const gchar *
roster_daemon_get_database_path(RosterDaemon *self);
gchar *
roster_daemon_dup_base_uri(RosterDaemon *self);

G_END_DECLS
