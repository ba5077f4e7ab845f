/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster's spreadsheet export: its table, and that table as XLSX and as CSV */

#pragma once

#include <gio/gio.h>

#include "roster-roster.h"

G_BEGIN_DECLS

GPtrArray *
roster_export_dup_table(RosterRoster *roster, GListModel *seat_classes, GListModel *volunteers);
gboolean
roster_export_write_xlsx(GPtrArray *table,
			 const gchar *sheet_name,
			 const gchar *path,
			 GError **error);
gboolean
roster_export_write_csv(GPtrArray *table, const gchar *path, GError **error);
gchar *
roster_export_dup_csv_path(const gchar *xlsx_path);
gboolean
roster_export_write_files(RosterRoster *roster,
			  GListModel *seat_classes,
			  GListModel *volunteers,
			  const gchar *xlsx_path,
			  GError **error);

G_END_DECLS
