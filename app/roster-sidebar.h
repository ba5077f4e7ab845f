/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the window's sidebar: the views of a view stack in groups, each shown while its page is */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROSTER_TYPE_SIDEBAR (roster_sidebar_get_type())
G_DECLARE_FINAL_TYPE(RosterSidebar, roster_sidebar, ROSTER, SIDEBAR, GtkWidget)

GtkWidget *
roster_sidebar_new(AdwViewStack *stack);
guint
roster_sidebar_get_n_shown(RosterSidebar *self);
const gchar *
roster_sidebar_get_nth_shown(RosterSidebar *self, guint n);

G_END_DECLS
