/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* explanations of a roster: every uncovered seat and broken rule, with its reason */

#include "config.h"

#include "roster-engine-rosters-private.h"

/**
 * roster_engine_explain_roster:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): every uncovered seat and broken rule with a stable code,
 * the date, slot and seat class, its reason in data and an English sentence
 */
JsonNode *
roster_engine_explain_roster(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     GError **error)
{
	g_auto(RosterRosterEdit) edit = {0};

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_rosters_load_current(self, principal, id, &edit, error))
		return NULL;
	return roster_hotline_explain(edit.model, edit.before);
}
