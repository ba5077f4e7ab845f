/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"
#include "roster-store-rosters.h"

G_BEGIN_DECLS

/* shared by roster-engine-calendar.c and roster-engine-hours.c */

/* ROSTER_ERROR_NOT_FOUND unless the volunteer exists */
gboolean
roster_engine_hours_check_volunteer(RosterEngine *self, gint64 volunteer_id, GError **error);
/* one audit row inside the caller's transaction */
gboolean
roster_engine_hours_audit(RosterEngine *self,
			  RosterPrincipal *principal,
			  const gchar *action,
			  const gchar *collection,
			  gint64 record_id,
			  JsonNode *before,
			  JsonNode *after,
			  GError **error);
/* the value of a setting, or its default; never NULL without @error set */
JsonNode *
roster_engine_hours_dup_setting(RosterEngine *self, const gchar *key, GError **error);

/* the assignments of the last published version (or of the draft of a roster never
 * published), as RosterHotlineAssignment */
GPtrArray *
roster_engine_hours_dup_published_assignments(RosterEngine *self,
					      RosterStoreRoster *roster,
					      gboolean *published,
					      GError **error);

G_END_DECLS
