/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "roster-store-holidays.h"

G_BEGIN_DECLS

/*
 * A year's holiday calendar read from one of the public JSON formats that keep the
 * State Council's notice (both MIT):
 *
 *   holiday-cn    {"year": 2026, "papers": [url, ...],
 *                  "days": [{"name": "元旦", "date": "2026-01-01", "isOffDay": true}, ...]}
 *   chinese-days  {"holidays": {"2026-01-01": "New Year's Day,元旦,1", ...},
 *                  "workdays": {"2026-01-04": "New Year's Day,元旦,1", ...},
 *                  "inLieuDays": {...}}
 *
 * A refusal is ROSTER_ERROR_MALFORMED (no JSON) or ROSTER_ERROR_INVALID_DATA whose
 * field names the member (days[3].date) and whose message starts with the line of
 * the file it is on.
 */

typedef struct {
	gint year;
	/* "holiday-cn" or "chinese-days" */
	const gchar *format;
	/* the notice's URLs (holiday-cn's papers); none in chinese-days */
	GStrv papers;
	/* RosterStoreHoliday, by date, their source set */
	GPtrArray *days;
} RosterHolidayFile;

void
roster_holiday_file_free(RosterHolidayFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterHolidayFile, roster_holiday_file_free)

RosterHolidayFile *
roster_holiday_file_parse(const gchar *data, gsize length, gint year, GError **error);

G_END_DECLS
