/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* printing the roster shown: one week per page, and the same pages as PDF */

#pragma once

#include <gtk/gtk.h>

#include "roster-week-grid.h"

G_BEGIN_DECLS

guint
roster_print_count_weeks(RosterRoster *roster);
gboolean
roster_print_export_pdf(const RosterGridData *data, const gchar *path, GError **error);
gboolean
roster_print_run(const RosterGridData *data, GtkWindow *parent, GError **error);

G_END_DECLS
