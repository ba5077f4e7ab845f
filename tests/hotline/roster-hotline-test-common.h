/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the small helpers the hotline tests share */

static inline guint32
julian_of(guint year, guint month, guint day)
{
	g_autoptr(GDate) date = g_date_new_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year);
	return g_date_get_julian(date);
}

static inline gint
hhmm(guint hours, guint minutes)
{
	return (gint)(hours * 60 + minutes);
}

G_END_DECLS
