/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* explanations of a roster: every uncovered seat, duty block and broken rule, with its
 * reason */

#include "config.h"

#include "roster-engine-duty-private.h"
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
	g_autoptr(JsonNode) list = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_rosters_load_current(self, principal, id, &edit, error))
		return NULL;
	list = roster_hotline_explain(edit.model, edit.before);
	if (!roster_engine_duty_add_explanations(self, id, edit.model, list, error))
		return NULL;
	return g_steal_pointer(&list);
}
