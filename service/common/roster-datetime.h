/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Dates and times as the API writes them: a date `YYYY-MM-DD` is a julian day
 * (GDate's count, 0 for none), a time `HH:MM` is minutes after midnight, and a
 * point of the day in the service's time zone is a GDateTime in that zone.
 */

gboolean
roster_datetime_parse_date(const gchar *text, guint32 *julian);
gboolean
roster_datetime_parse_time(const gchar *text, gint *minutes);
gboolean
roster_datetime_parse_end_time(const gchar *text, gint *minutes);
gchar *
roster_datetime_format_date(guint32 julian);
gchar *
roster_datetime_format_time(gint minutes);
gint
roster_datetime_minutes_of_day(gint hours, gint minutes);
gchar *
roster_datetime_dup_today(GTimeZone *tz);
GDateTime *
roster_datetime_new_local(GTimeZone *tz, guint32 julian, gint minutes);

G_END_DECLS
