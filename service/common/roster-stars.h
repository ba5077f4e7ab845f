/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the highest star level of China's volunteer record rules */
#define ROSTER_STARS_MAX 5

guint
roster_stars_threshold_hours(guint level);
guint
roster_stars_for_hours(gdouble hours);

G_END_DECLS
