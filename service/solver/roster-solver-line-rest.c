/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-line-private.h"
#include "roster-solver-line.h"

/* the line DP's optimistic rest of a window, for its upper price
 * (roster_line_dp_set_upper()) */

/*
 * rest[(d - first) * M + r]: the least sum of prices of days d..last, on each day off or
 * any shift allowed that day, whose shifts' units of minutes add up to at most r.
 * Every rule but the minutes forgotten: no line of the window's rest costs less
 */
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
			 guint M)
{
	gsize n = (gsize)(last - first + 2) * M;
	gint32 *next;

	if (n > *cap) {
		g_free(*rest);
		*rest = g_new(gint32, n);
		*cap = n;
	}
	next = *rest + (gsize)(last - first + 1) * M;
	memset(next, 0, sizeof(gint32) * M);
	for (guint d = last + 1; d-- > first;) {
		const gint *pr = price + (gsize)d * (T + 1);
		gint32 *here = *rest + (gsize)(d - first) * M;
		for (guint r = 0; r < M; r++) {
			gint64 best = pr[0] == ROSTER_LINE_FORBIDDEN ? COST_NONE
								     : (gint64)pr[0] + next[r];
			for (guint s = 0; s < T && !day_off[d]; s++) {
				if (pr[s + 1] == ROSTER_LINE_FORBIDDEN || max_shifts[s] == 0 ||
				    lens[s] > r)
					continue;
				best = MIN(best, (gint64)pr[s + 1] + next[r - lens[s]]);
			}
			/* a day with nothing allowed: no line at all, any bound holds */
			here[r] = (gint32)CLAMP(best, G_MININT32 / 2, COST_NONE);
		}
		next = here;
	}
}
