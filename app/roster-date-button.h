/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* a day picked on a calendar, not typed: a menu button that shows the day and opens a
 * calendar */

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *
roster_date_button_new(const gchar *label, const gchar *css_class);
void
roster_date_button_set_date(GtkMenuButton *button, const GDate *date);
gboolean
roster_date_button_get_date(GtkMenuButton *button, GDate *date);
gchar *
roster_date_button_dup_text(GtkMenuButton *button);

G_END_DECLS
