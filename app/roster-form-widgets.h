/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the small widgets the editors built alike: a header button, a boxed list and the
 * error line under a form */

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *
roster_form_button_new(const gchar *label,
		       const gchar *css_class,
		       GCallback callback,
		       gpointer data);
GtkListBox *
roster_form_list_new(const gchar *css_class);
GtkLabel *
roster_form_error_label_new(const gchar *css_class);

G_END_DECLS
