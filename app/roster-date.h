/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean
roster_date_parse(const gchar *text, GDate *date, GError **error);
gchar *
roster_date_to_string(const GDate *date);
gchar *
roster_time_normalize(const gchar *text);
void
roster_date_get_today(GDate *date);
void
roster_date_get_week_start(const GDate *date, GDate *week_start);
void
roster_date_get_month_range(const GDate *date, GDate *first, GDate *last);
const gchar *
roster_date_get_weekday_label(const GDate *date);
gchar *
roster_date_format_day(const GDate *date);
gchar *
roster_date_format_week(const GDate *week_start);
gchar *
roster_date_format_timestamp(const gchar *iso8601);

G_END_DECLS
