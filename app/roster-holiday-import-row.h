/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar's row that imports a year's holiday calendar from a file */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_HOLIDAY_IMPORT_ROW (roster_holiday_import_row_get_type())
G_DECLARE_FINAL_TYPE(RosterHolidayImportRow,
		     roster_holiday_import_row,
		     ROSTER,
		     HOLIDAY_IMPORT_ROW,
		     AdwActionRow)

GtkWidget *
roster_holiday_import_row_new(RosterPage *page);
void
roster_holiday_import_row_import_file(RosterHolidayImportRow *self, GFile *file);
const gchar *
roster_holiday_import_row_get_result(RosterHolidayImportRow *self);
const gchar *
roster_holiday_import_row_get_error(RosterHolidayImportRow *self);

G_END_DECLS
