/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty blocks in the expert's personal calendar feed: one event per block of the
 * last published version of each roster in which the expert is the primary */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-duty-private.h"

/* minutes from the midnight of @date to @local ("YYYY-MM-DDTHH:MM") */
static gboolean
minutes_from(guint32 date, const gchar *local, gint *minutes)
{
	guint32 julian = 0;
	gint time = 0;

	if (!roster_duty_parse_local(local, &julian, &time))
		return FALSE;
	*minutes = ((gint)julian - (gint)date) * 1440 + time;
	return TRUE;
}

/**
 * roster_duty_add_feed_events:
 * @self: an engine
 * @volunteer_id: the feed's volunteer
 * @line: (nullable): the line's name for the summaries
 * @events: (element-type RosterCalendarEvent): the feed's events, added to
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_duty_add_feed_events(RosterEngine *self,
			    gint64 volunteer_id,
			    const gchar *line,
			    GPtrArray *events,
			    GError **error)
{
	g_autoptr(GPtrArray) blocks =
	    roster_store_duty_list_published_for(roster_engine_get_store(self),
						 volunteer_id,
						 error);

	if (blocks == NULL)
		return FALSE;
	for (guint i = 0; i < blocks->len; i++) {
		const RosterStoreDutyBlock *block = g_ptr_array_index(blocks, i);
		g_autoptr(RosterCalendarEvent) event = roster_calendar_event_new();
		g_autofree gchar *date = g_strndup(block->starts, 10);
		guint32 julian = 0;
		gint end = 0;
		if (!roster_datetime_parse_date(date, &julian) ||
		    !minutes_from(julian, block->starts, &event->start_minutes) ||
		    !minutes_from(julian, block->ends, &end))
			continue;
		event->uid = g_strdup_printf("duty-%" G_GINT64_FORMAT "-%s@hotline-roster",
					     block->roster_id,
					     block->starts);
		event->date = g_steal_pointer(&date);
		event->duration_minutes = end - event->start_minutes;
		event->line = g_strdup(line);
		event->on_call = TRUE;
		g_ptr_array_add(events, g_steal_pointer(&event));
	}
	return TRUE;
}
