/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* one record of a CSV file: its fields and the line it starts on (from 1) */
typedef struct {
	guint line;
	GStrv fields;
} RosterCsvRecord;

void
roster_csv_record_free(RosterCsvRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterCsvRecord, roster_csv_record_free)

/* what a cell of a written row holds: only text is neutralised against formulas */
typedef enum {
	ROSTER_CSV_CELL_TEXT,
	ROSTER_CSV_CELL_NUMBER,
} RosterCsvCell;

GPtrArray *
roster_csv_parse(const gchar *text, gsize length, GError **error);
void
roster_csv_append_row(GString *out,
		      const gchar *const *fields,
		      const RosterCsvCell *cells,
		      guint n_fields);

G_END_DECLS
