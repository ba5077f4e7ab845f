/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"

G_BEGIN_DECLS

/*
 * The hotline's service calendar as one typed value: its slots, manned windows and
 * their dated overrides, what holidays take, its night and its time zone, read from the one
 * calendar record by one loader. A hotline without a calendar yet gets the defaults of the calendar
 * kind's field table, so no reader keeps defaults of its own.
 */

/* a manned window: clock minutes on its date, an end up to 1440; weekday 1 (Monday)
 * to 7 in the weekly windows, 0 in an override's */
typedef struct {
	guint weekday;
	gint start;
	gint end;
} RosterServiceWindow;

/* the windows that replace the weekly ones from date_from to date_to (julian days,
 * both included); no windows: closed */
typedef struct {
	guint32 date_from;
	guint32 date_to;
	GArray *windows;
	/* the period's name (高考, 中考), or NULL */
	gchar *name;
} RosterServiceOverride;

typedef struct {
	/* the calendar record, 0 when the hotline has none yet */
	gint64 id;
	gchar *name;
	gchar *line;
	gchar *time_zone;
	gchar *duty_contact;
	/* when the record last changed, ISO 8601, or NULL */
	gchar *modified;
	gint slot_minutes;
	/* minutes after midnight */
	gint first_slot_start;
	gint night_start;
	gint night_end;
	/* RosterServiceWindow, weekly */
	GArray *windows;
	/* RosterServiceOverride */
	GPtrArray *overrides;
	/* what a holiday of the imported calendar takes: ROSTER_HOLIDAY_HOURS_SUNDAY,
	 * _CLOSED or _OWN, and the line's own holiday windows (weekday 0) */
	gchar *holiday_hours;
	GArray *holiday_windows;
} RosterServiceCalendar;

void
roster_service_calendar_free(RosterServiceCalendar *calendar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterServiceCalendar, roster_service_calendar_free)

RosterServiceCalendar *
roster_engine_load_service_calendar(RosterEngine *self, GError **error);

G_END_DECLS
