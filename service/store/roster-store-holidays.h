/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-store.h"

G_BEGIN_DECLS

/*
 * The imported holiday calendars (schema version 12): one row per date the State
 * Council's notice names, a day off (a statutory holiday or a day off in lieu) or a
 * make-up working day (调休), with the holiday's name, the year it was imported for
 * and the notice it came from (a JSON array of URLs, or the file's format name).
 */

typedef enum {
	ROSTER_STORE_HOLIDAY_OFF,
	ROSTER_STORE_HOLIDAY_WORKING,
} RosterStoreHolidayKind;

typedef struct {
	/* YYYY-MM-DD */
	gchar *date;
	RosterStoreHolidayKind kind;
	gchar *name;
	gint year;
	/* JSON text */
	gchar *source;
} RosterStoreHoliday;

void
roster_store_holiday_free(RosterStoreHoliday *holiday);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterStoreHoliday, roster_store_holiday_free)

const gchar *
roster_store_holiday_kind_to_string(RosterStoreHolidayKind kind);

/* replaces every row of @year by @days (RosterStoreHoliday), inside the caller's
 * transaction */
gboolean
roster_store_replace_holidays(RosterStore *self, gint year, GPtrArray *days, GError **error);
/* the rows from @from to @to (dates, both included), by date */
GPtrArray *
roster_store_list_holidays(RosterStore *self, const gchar *from, const gchar *to, GError **error);
/* how many rows @year has: 0 when its calendar was never imported */
gboolean
roster_store_count_holidays(RosterStore *self, gint year, gint64 *count, GError **error);

G_END_DECLS
