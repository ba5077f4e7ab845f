/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar as the calendar form edits it: the night window, the weekly
 * manned windows, what holidays take and the dated overrides (with their names), read from a list
 * item and written as a request body here, so no page spells a JSON key */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-item.h"

G_BEGIN_DECLS

/**
 * RosterCalendarOverride:
 * @date_from: the first date, `YYYY-MM-DD`
 * @date_to: the last date
 * @windows: the manned hours as text, `HH:MM-HH:MM` separated by commas; empty is closed
 * @note: (nullable): why, e.g. exam season
 * @name: (nullable): the period's name shown in the app and the explanations, e.g. 高考
 *
 * A dated override of the weekly manned hours; it owns its strings.
 */
typedef struct {
	gchar *date_from;
	gchar *date_to;
	gchar *windows;
	gchar *note;
	gchar *name;
} RosterCalendarOverride;

RosterCalendarOverride *
roster_calendar_override_new(const gchar *date_from,
			     const gchar *date_to,
			     const gchar *windows,
			     const gchar *note);
void
roster_calendar_override_free(RosterCalendarOverride *override);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterCalendarOverride, roster_calendar_override_free)

/**
 * RosterCalendarFields:
 * @weekly: the manned hours of each weekday (Monday first) as windows text; all empty
 *   is a line open around the clock
 * @overrides: (element-type RosterCalendarOverride): the dated overrides
 * @holiday_hours: (nullable): what a holiday of the imported calendar takes, `sunday`,
 *   `closed` or `own`; %NULL leaves it out of the body
 * @holiday_windows: (nullable): the line's own holiday hours as windows text
 *
 * A calendar as the calendar form edits it; it owns its strings and its overrides.
 */
typedef struct {
	gchar *night_start;
	gchar *night_end;
	gchar *weekly[7];
	GPtrArray *overrides;
	gchar *holiday_hours;
	gchar *holiday_windows;
} RosterCalendarFields;

void
roster_calendar_fields_read(RosterCalendarFields *fields, RosterItem *item);
void
roster_calendar_fields_clear(RosterCalendarFields *fields);
JsonNode *
roster_calendar_fields_to_json(const RosterCalendarFields *fields, gint64 revision);
JsonNode *
roster_calendar_overrides_to_json(GPtrArray *overrides, gint64 revision);

gchar *
roster_calendar_windows_to_text(JsonArray *windows, gint64 weekday);
void
roster_calendar_windows_add(JsonBuilder *builder, const gchar *text, gint64 weekday);

guint
roster_calendar_holiday_index(const gchar *choice);
const gchar *
roster_calendar_holiday_choice(guint index);
gchar *
roster_calendar_dup_override_refusal(const gchar *message);

G_END_DECLS
