/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what the engine's parts for the volunteers' page share: a published shift, the
 * members of their answers and the helpers of my shifts that rounds reuse */

#pragma once

#include "roster-engine-web.h"
#include "roster-hotline.h"
#include "roster-service-calendar.h"

G_BEGIN_DECLS

/* one shift of the last published version of a roster */
typedef struct {
	gint64 roster_id;
	/* the version the shift is in: the roster's last */
	gint64 number;
	gchar roster_name[128];
	RosterHotlineAssignment assignment;
} RosterWebShift;

/* roster-engine-me.c */
gint64
roster_engine_web_get_volunteer_id(RosterPrincipal *principal, GError **error);
gboolean
roster_engine_web_is_night(const RosterServiceCalendar *calendar, gint slot_start);
GPtrArray *
roster_engine_web_list_published(RosterEngine *self,
				 gint64 volunteer_id,
				 guint32 from,
				 guint32 to,
				 GError **error);
gint
roster_engine_web_shift_compare(const RosterWebShift *a, const RosterWebShift *b);
GHashTable *
roster_engine_web_new_record_cache(void);
void
roster_engine_web_add_shift(RosterEngine *self,
			    JsonBuilder *b,
			    const RosterServiceCalendar *calendar,
			    GHashTable *cache,
			    const RosterWebShift *shift);
gchar *
roster_engine_web_dup_today(const RosterServiceCalendar *calendar);

G_END_DECLS
