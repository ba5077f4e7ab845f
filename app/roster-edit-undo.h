/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the undo of the roster view's manual edits: what sends each edit back, as an edit of
 * its own that goes through the same API call and the same rule checks */

#pragma once

#include "roster-client-rosters.h"

G_BEGIN_DECLS

/**
 * RosterUndo:
 * @kind: the edit that undoes
 * @at: where the assignments it changes are after the edit (a swap has two)
 * @volunteer_at: whose they are
 * @cell: the seat to put back (assign, move)
 * @volunteer_id: the volunteer to put back (assign)
 * @pinned: the pin to put back (pin)
 *
 * How to undo one edit. Assignments are found again by seat and volunteer, not by
 * id: undoing an unassignment makes a new assignment with a new id, and the edits
 * before it must still be found.
 */
typedef struct {
	RosterEditKind kind;
	RosterCell at[2];
	gint64 volunteer_at[2];
	RosterCell cell;
	gint64 volunteer_id;
	gboolean pinned;
} RosterUndo;

gboolean
roster_undo_init(RosterUndo *undo, const RosterEdit *edit, RosterRoster *before);
gboolean
roster_undo_to_edit(const RosterUndo *undo, RosterRoster *now, RosterEdit *edit);

G_END_DECLS
