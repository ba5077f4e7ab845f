/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty expert of each day, marked in the heading of a week or month grid's day */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gchar *
roster_duty_marks_dup_text(JsonArray *blocks, const gchar *date, gboolean *uncovered);
void
roster_duty_marks_add(GtkBox *box, JsonArray *blocks, const gchar *date);

GArray *
roster_duty_marks_backups_after(JsonArray *blocks, gint64 block_id, gint64 primary_id);

G_END_DECLS
