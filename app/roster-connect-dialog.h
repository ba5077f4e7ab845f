/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-client.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_CONNECT_DIALOG (roster_connect_dialog_get_type())
G_DECLARE_FINAL_TYPE(RosterConnectDialog, roster_connect_dialog, ROSTER, CONNECT_DIALOG, AdwWindow)

RosterConnectDialog *
roster_connect_dialog_new(GtkWindow *parent, const gchar *server_url, const gchar *username);
const gchar *
roster_connect_dialog_get_server_url(RosterConnectDialog *self);
void
roster_connect_dialog_set_password(RosterConnectDialog *self, const gchar *password);
void
roster_connect_dialog_connect(RosterConnectDialog *self);

G_END_DECLS
