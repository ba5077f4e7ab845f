/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-application.h"
#include "roster-client.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_WINDOW (roster_window_get_type())
G_DECLARE_FINAL_TYPE(RosterWindow, roster_window, ROSTER, WINDOW, AdwApplicationWindow)

RosterWindow *
roster_window_new(RosterApplication *application);
RosterClient *
roster_window_get_client(RosterWindow *self);
void
roster_window_set_client(RosterWindow *self, RosterClient *client);
void
roster_window_show_connect(RosterWindow *self);
void
roster_window_set_view(RosterWindow *self, const gchar *name);
void
roster_window_set_server_url(RosterWindow *self, const gchar *url);
GtkWidget *
roster_window_get_page(RosterWindow *self, const gchar *name);
void
roster_window_add_toast(RosterWindow *self, const gchar *message);
gboolean
roster_window_dismiss_toast(RosterWindow *self);

void
roster_window_resume_session(RosterWindow *self);

G_END_DECLS
