/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster views' logic without a display: the first version's changes and the
 * warnings before publishing, and what undoes each manual edit */

#include "config.h"

#include <string.h>

#include "roster-edit-undo.h"
#include "roster-json-keys.h"
#include "roster-publish-check.h"

static RosterRoster *
roster_from(const gchar *json)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = json_from_string(json, &error);

	g_assert_no_error(error);
	return roster_roster_new(json_node_get_object(node));
}

/* volunteer 7 sits in 1 and 3, volunteer 4 in 2 (pinned) */
#define ROSTER_JSON                                                                                \
	"{\"id\":5,\"revision\":9,\"period_start\":\"2026-12-01\",\"period_end\":"                 \
	"\"2026-12-31\",\"assignments\":["                                                         \
	"{\"id\":1,\"volunteer_id\":7,\"date\":\"2026-12-02\",\"slot\":\"08:00\","                 \
	"\"seat_class_id\":2,\"confirmed_at\":\"2026-11-30T10:00:00+08:00\"},"                     \
	"{\"id\":2,\"volunteer_id\":4,\"date\":\"2026-12-02\",\"slot\":\"08:00\","                 \
	"\"seat_class_id\":2,\"pinned\":true,\"confirmed_at\":null},"                              \
	"{\"id\":3,\"volunteer_id\":7,\"date\":\"2026-12-03\",\"slot\":\"20:00\","                 \
	"\"seat_class_id\":3}]}"

static void
test_first_changes(void)
{
	g_autoptr(RosterRoster) roster = roster_from(ROSTER_JSON);
	g_autoptr(GPtrArray) changes = roster_publish_dup_first_changes(roster);
	g_autoptr(GArray) added = NULL;
	g_autoptr(GArray) removed = NULL;

	/* everyone with a shift, by id, each with all of their shifts */
	g_assert_cmpuint(changes->len, ==, 2);
	g_assert_cmpint(roster_change_get_volunteer_id(g_ptr_array_index(changes, 0)), ==, 4);
	g_assert_cmpint(roster_change_get_volunteer_id(g_ptr_array_index(changes, 1)), ==, 7);
	added = roster_change_dup_cells(g_ptr_array_index(changes, 1), TRUE);
	removed = roster_change_dup_cells(g_ptr_array_index(changes, 1), FALSE);
	g_assert_cmpuint(added->len, ==, 2);
	g_assert_cmpuint(removed->len, ==, 0);
	g_assert_cmpstr(g_array_index(added, RosterCell, 1).date, ==, "2026-12-03");
	g_assert_cmpstr(g_array_index(added, RosterCell, 1).slot, ==, "20:00");
	g_assert_cmpint(g_array_index(added, RosterCell, 1).seat_class_id, ==, 3);
}

static void
test_confirmed(void)
{
	g_autoptr(RosterRoster) roster = roster_from(ROSTER_JSON);

	/* a time is confirmed; null and missing are not */
	g_assert_true(roster_roster_get_assignment(roster, 0)->confirmed);
	g_assert_false(roster_roster_get_assignment(roster, 1)->confirmed);
	g_assert_false(roster_roster_get_assignment(roster, 2)->confirmed);
}

static void
test_warnings(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = json_from_string(
	    "[{\"code\":\"uncovered-crisis-seat\",\"kind\":\"soft\",\"date\":\"2026-12-01\","
	    "\"slot\":\"20:00\",\"reason\":{\"required\":2,\"assigned\":0}},"
	    "{\"code\":\"uncovered-seat\",\"kind\":\"soft\",\"date\":\"2026-12-01\","
	    "\"slot\":\"08:00\",\"reason\":{\"required\":3,\"assigned\":1}},"
	    "{\"code\":\"not-eligible\",\"kind\":\"hard\",\"date\":\"2026-12-02\","
	    "\"slot\":\"20:00\",\"volunteer_id\":7},"
	    "{\"code\":\"avoided-slot\",\"kind\":\"soft\",\"date\":\"2026-12-02\","
	    "\"slot\":\"08:00\",\"volunteer_id\":7}]",
	    &error);
	g_autoptr(GPtrArray) warnings = NULL;
	g_autofree gchar *text = NULL;
	guint n_crisis = 0;
	guint n_broken = 0;

	g_assert_no_error(error);
	warnings = roster_publish_dup_warnings(json_node_get_array(node),
					       NULL,
					       NULL,
					       &n_crisis,
					       &n_broken);
	/* the crisis gap counts its missing seats; an ordinary gap and a soft rule are no
	 * warning */
	g_assert_cmpuint(n_crisis, ==, 2);
	g_assert_cmpuint(n_broken, ==, 1);
	g_assert_cmpuint(warnings->len, ==, 2);
	g_assert_cmpint(roster_explanation_get_category(g_ptr_array_index(warnings, 1)),
			==,
			ROSTER_EXPLANATION_BROKEN_RULE);
	text = roster_publish_dup_warning_text(n_crisis, n_broken);
	g_assert_cmpstr(text, ==, "2 crisis seats have nobody in them. 1 hard rule is broken.");
	g_assert_null(roster_publish_dup_warning_text(0, 0));
}

/* the undo of an edit, resolved against the roster as the edit left it */
static void
check_undo(const RosterEdit *edit, const gchar *after_json, RosterEdit *undo_edit)
{
	g_autoptr(RosterRoster) before = roster_from(ROSTER_JSON);
	g_autoptr(RosterRoster) after = roster_from(after_json);
	RosterUndo undo;

	g_assert_true(roster_undo_init(&undo, edit, before));
	g_assert_true(roster_undo_to_edit(&undo, after, undo_edit));
	/* against the roster as it is now */
	g_assert_cmpint(undo_edit->roster_id, ==, 5);
	g_assert_cmpint(undo_edit->revision, ==, roster_roster_get_revision(after));
}

static void
test_undo_unassign_move(void)
{
	RosterEdit edit = {.kind = ROSTER_EDIT_UNASSIGN, .assignment_id = 3};
	RosterEdit undo_edit;
	g_autoptr(RosterRoster) before = roster_from(ROSTER_JSON);
	RosterUndo undo;

	/* an unassignment comes back as an assignment of the same volunteer and seat */
	check_undo(&edit, "{\"id\":5,\"revision\":10,\"assignments\":[]}", &undo_edit);
	g_assert_cmpint(undo_edit.kind, ==, ROSTER_EDIT_ASSIGN);
	g_assert_cmpint(undo_edit.volunteer_id, ==, 7);
	g_assert_cmpstr(undo_edit.cell.date, ==, "2026-12-03");
	g_assert_cmpint(undo_edit.cell.seat_class_id, ==, 3);

	/* a move goes back to where it was, the assignment found where it went (its id may
	 * have changed by an undo since) */
	edit.kind = ROSTER_EDIT_MOVE;
	roster_cell_init(&edit.cell, "2026-12-04", "11:00", 2);
	check_undo(&edit,
		   "{\"id\":5,\"revision\":10,\"assignments\":[{\"id\":8,\"volunteer_id\":7,"
		   "\"date\":\"2026-12-04\",\"slot\":\"11:00\",\"seat_class_id\":2}]}",
		   &undo_edit);
	g_assert_cmpint(undo_edit.kind, ==, ROSTER_EDIT_MOVE);
	g_assert_cmpint(undo_edit.assignment_id, ==, 8);
	g_assert_cmpstr(undo_edit.cell.date, ==, "2026-12-03");
	g_assert_cmpstr(undo_edit.cell.slot, ==, "20:00");

	/* gone since: nothing to undo */
	g_assert_true(roster_undo_init(&undo, &edit, before));
	{
		g_autoptr(RosterRoster) empty =
		    roster_from("{\"id\":5,\"revision\":11,\"assignments\":[]}");
		g_assert_false(roster_undo_to_edit(&undo, empty, &undo_edit));
	}
	/* an edit of an assignment the roster does not hold has no undo */
	edit.assignment_id = 99;
	g_assert_false(roster_undo_init(&undo, &edit, before));
}

static void
test_undo_pin_swap_assign(void)
{
	RosterEdit edit = {.kind = ROSTER_EDIT_PIN, .assignment_id = 2, .pinned = FALSE};
	RosterEdit undo_edit;

	/* an unpin pins again */
	check_undo(&edit, ROSTER_JSON, &undo_edit);
	g_assert_cmpint(undo_edit.kind, ==, ROSTER_EDIT_PIN);
	g_assert_cmpint(undo_edit.assignment_id, ==, 2);
	g_assert_true(undo_edit.pinned);

	/* a swap is undone by swapping the two seats back */
	edit.kind = ROSTER_EDIT_SWAP;
	edit.assignment_id = 1;
	edit.other_id = 3;
	check_undo(&edit,
		   "{\"id\":5,\"revision\":10,\"assignments\":["
		   "{\"id\":1,\"volunteer_id\":7,\"date\":\"2026-12-02\",\"slot\":\"08:00\","
		   "\"seat_class_id\":2},"
		   "{\"id\":3,\"volunteer_id\":7,\"date\":\"2026-12-03\",\"slot\":\"20:00\","
		   "\"seat_class_id\":3}]}",
		   &undo_edit);
	g_assert_cmpint(undo_edit.kind, ==, ROSTER_EDIT_SWAP);
	g_assert_cmpint(undo_edit.assignment_id, ==, 1);
	g_assert_cmpint(undo_edit.other_id, ==, 3);

	/* an assignment is undone by unassigning it */
	memset(&edit, 0, sizeof(edit));
	edit.kind = ROSTER_EDIT_ASSIGN;
	edit.volunteer_id = 4;
	roster_cell_init(&edit.cell, "2026-12-05", "14:00", 2);
	check_undo(&edit,
		   "{\"id\":5,\"revision\":10,\"assignments\":[{\"id\":12,\"volunteer_id\":4,"
		   "\"date\":\"2026-12-05\",\"slot\":\"14:00\",\"seat_class_id\":2}]}",
		   &undo_edit);
	g_assert_cmpint(undo_edit.kind, ==, ROSTER_EDIT_UNASSIGN);
	g_assert_cmpint(undo_edit.assignment_id, ==, 12);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/views/first-changes", test_first_changes);
	g_test_add_func("/roster/views/confirmed", test_confirmed);
	g_test_add_func("/roster/views/warnings", test_warnings);
	g_test_add_func("/roster/views/undo-unassign-move", test_undo_unassign_move);
	g_test_add_func("/roster/views/undo-pin-swap-assign", test_undo_pin_swap_assign);
	return g_test_run();
}
