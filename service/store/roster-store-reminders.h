/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the store's record of the reminders written: one row per shift, volunteer and offset,
 * so that the scheduler writes each reminder exactly once */

#pragma once

#include "roster-store.h"

G_BEGIN_DECLS

/* schema step 14 */
#define ROSTER_STORE_REMINDERS_SCHEMA                                                              \
	"CREATE TABLE reminders_sent ("                                                            \
	" roster_id INTEGER NOT NULL, assignment_id INTEGER NOT NULL,"                             \
	" volunteer_id INTEGER NOT NULL, offset_minutes INTEGER NOT NULL,"                         \
	" written_at INTEGER NOT NULL,"                                                            \
	" PRIMARY KEY (roster_id, assignment_id, volunteer_id, offset_minutes)) WITHOUT ROWID;"

/* inside the caller's transaction: records the reminder; *@added is FALSE when it was
 * already written */
gboolean
roster_store_reminder_add(RosterStore *self,
			  gint64 roster_id,
			  gint64 assignment_id,
			  gint64 volunteer_id,
			  gint offset_minutes,
			  gint64 at,
			  gboolean *added,
			  GError **error);
/* whether any reminder of the shift was written to @volunteer_id */
gboolean
roster_store_reminder_any(RosterStore *self,
			  gint64 roster_id,
			  gint64 assignment_id,
			  gint64 volunteer_id,
			  gboolean *any,
			  GError **error);

G_END_DECLS
