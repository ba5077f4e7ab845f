/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a team's part of a roster's rotation in words, and the days it holds in a given week */

#pragma once

#include "roster-roster-settings.h"

G_BEGIN_DECLS

gchar *
roster_rotation_dup_rule_text(RosterRotation *rotation, gint64 team_id);
gboolean
roster_rotation_holds_day(RosterRotation *rotation,
			  gint64 team_id,
			  const GDate *day,
			  const GDate *cycle_origin);
gchar *
roster_rotation_dup_week_text(RosterRotation *rotation,
			      gint64 team_id,
			      const GDate *week_start,
			      const GDate *cycle_origin,
			      const GDate *first,
			      const GDate *last);

G_END_DECLS
