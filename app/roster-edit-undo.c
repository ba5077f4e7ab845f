/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the undo of the roster view's manual edits: what sends each edit back, as an edit of
 * its own that goes through the same API call and the same rule checks */

#include "config.h"

#include <string.h>

#include "roster-edit-undo.h"

/**
 * roster_undo_init:
 * @undo: the undo to fill
 * @edit: an edit about to be sent
 * @before: the roster as the edit finds it
 *
 * Works out what undoes @edit once the daemon has taken it.
 *
 * Returns: %FALSE when @edit names an assignment @before does not hold
 *
 * Since: 0.4
 */
gboolean
roster_undo_init(RosterUndo *undo, const RosterEdit *edit, RosterRoster *before)
{
	const RosterAssignment *first = NULL;
	const RosterAssignment *second = NULL;

	g_return_val_if_fail(ROSTER_IS_ROSTER(before), FALSE);
	memset(undo, 0, sizeof(*undo));
	if (edit->kind != ROSTER_EDIT_ASSIGN) {
		first = roster_roster_find_assignment(before, edit->assignment_id);
		if (first == NULL)
			return FALSE;
	}
	switch (edit->kind) {
	case ROSTER_EDIT_ASSIGN:
		undo->kind = ROSTER_EDIT_UNASSIGN;
		undo->at[0] = edit->cell;
		undo->volunteer_at[0] = edit->volunteer_id;
		break;
	case ROSTER_EDIT_UNASSIGN:
		undo->kind = ROSTER_EDIT_ASSIGN;
		undo->cell = first->cell;
		undo->volunteer_id = first->volunteer_id;
		break;
	case ROSTER_EDIT_PIN:
		undo->kind = ROSTER_EDIT_PIN;
		undo->at[0] = first->cell;
		undo->volunteer_at[0] = first->volunteer_id;
		undo->pinned = first->pinned;
		break;
	case ROSTER_EDIT_MOVE:
		undo->kind = ROSTER_EDIT_MOVE;
		undo->at[0] = edit->cell;
		undo->volunteer_at[0] = first->volunteer_id;
		undo->cell = first->cell;
		break;
	case ROSTER_EDIT_SWAP:
	default:
		second = roster_roster_find_assignment(before, edit->other_id);
		if (second == NULL)
			return FALSE;
		/* after the swap each seat holds the other's volunteer */
		undo->kind = ROSTER_EDIT_SWAP;
		undo->at[0] = first->cell;
		undo->volunteer_at[0] = second->volunteer_id;
		undo->at[1] = second->cell;
		undo->volunteer_at[1] = first->volunteer_id;
		break;
	}
	return TRUE;
}

static gint64
find_at(RosterRoster *now, const RosterCell *cell, gint64 volunteer_id)
{
	return roster_roster_find_assignment_of(now, cell->date, cell->slot, volunteer_id);
}

/**
 * roster_undo_to_edit:
 * @undo: an undo
 * @now: the roster as it is now
 * @edit: (out): the edit that undoes, against @now's revision
 *
 * Returns: %FALSE when the assignments to change are no longer where the edit left
 *   them (someone changed them since)
 *
 * Since: 0.4
 */
gboolean
roster_undo_to_edit(const RosterUndo *undo, RosterRoster *now, RosterEdit *edit)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(now), FALSE);
	memset(edit, 0, sizeof(*edit));
	edit->kind = undo->kind;
	edit->roster_id = roster_roster_get_id(now);
	edit->revision = roster_roster_get_revision(now);
	edit->cell = undo->cell;
	edit->volunteer_id = undo->volunteer_id;
	edit->pinned = undo->pinned;
	if (undo->kind == ROSTER_EDIT_ASSIGN)
		return TRUE;
	edit->assignment_id = find_at(now, &undo->at[0], undo->volunteer_at[0]);
	if (edit->assignment_id == 0)
		return FALSE;
	if (undo->kind != ROSTER_EDIT_SWAP)
		return TRUE;
	edit->other_id = find_at(now, &undo->at[1], undo->volunteer_at[1]);
	return edit->other_id != 0;
}
