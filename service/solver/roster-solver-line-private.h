/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* a label's cost that is not there, and a rest without any line */
#define COST_NONE G_MAXINT32

void
roster_line_rest_compute(gint32 **rest,
			 gsize *cap,
			 guint T,
			 const gint *price,
			 const guint8 *day_off,
			 const guint16 *max_shifts,
			 const guint *lens,
			 guint first,
			 guint last,
			 guint M);

G_END_DECLS
