/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the roster view against a real daemon: the explanation list, the
 * solve bar after a hand edit, and a rule no override can break */

#include "config.h"

#include "roster-app-ui-fixture.h"
#include "roster-explanation.h"
#include "roster-explanations-panel.h"
#include "roster-json-keys.h"
#include "roster-seat.h"

/* a seat emptied from its popover shows in the summary at once, and the explanation
 * list takes the coordinator back to it from another week */
static void
test_explanations(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	GtkLabel *summary = GTK_LABEL(find_by_class(root, "roster-summary"));
	RosterExplanationsPanel *panel;
	GListModel *shown;
	g_autoptr(RosterExplanation) gap = NULL;
	g_autofree gchar *summary_before = g_strdup(gtk_label_get_text(summary));
	guint n_uncovered = roster_roster_page_get_n_uncovered(roster_page);
	FindData find = {root, "unassign"};
	RosterCell emptied;
	GtkWidget *chip;
	GtkWidget *selected;
	guint position = G_MAXUINT;

	/* unassign the first counsellor's seat of the week (a senior's may leave a trainee
	 * alone, a trainee's place is no gap) */
	chip = find_by_class(root, "tier-counsellor");
	g_assert_true(ROSTER_IS_SEAT(chip));
	emptied = *roster_seat_get_cell(ROSTER_SEAT(chip));
	g_signal_emit_by_name(chip, "clicked");
	wait_until(class_is_shown, &find, "the seat popover");
	g_signal_emit_by_name(find_by_class(root, "unassign"), "clicked");
	settle();
	wait_until(page_is_idle, roster_page, "the roster to reload");
	g_assert_cmpuint(roster_roster_page_get_n_uncovered(roster_page), ==, n_uncovered + 1);
	g_assert_cmpstr(gtk_label_get_text(summary), !=, summary_before);

	/* the panel, filtered to the gaps, lists only gaps, the emptied seat among them
	 * with the reason it is empty */
	gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(find_by_class(root, "explanations-toggle")),
				     TRUE);
	settle();
	/* the panel slides in: slow under the sanitizers */
	find.css_class = "explanations-panel";
	wait_until(class_is_shown, &find, "the explanation panel");
	panel = ROSTER_EXPLANATIONS_PANEL(find_by_class(root, "explanations-panel"));
	g_assert_nonnull(panel);
	gtk_drop_down_set_selected(GTK_DROP_DOWN(find_by_class(root, "explanations-filter")),
				   ROSTER_EXPLANATIONS_FILTER_GAPS);
	shown = roster_explanations_panel_get_shown(panel);
	g_assert_cmpuint(g_list_model_get_n_items(shown), >, 0);
	for (guint i = 0; i < g_list_model_get_n_items(shown); i++) {
		g_autoptr(RosterExplanation) item = g_list_model_get_item(shown, i);
		g_assert_cmpint(roster_explanation_get_category(item), ==, ROSTER_EXPLANATION_GAP);
		if (g_strcmp0(roster_explanation_get_date(item), emptied.date) == 0 &&
		    g_strcmp0(roster_explanation_get_slot(item), emptied.slot) == 0 &&
		    roster_explanation_get_seat_class_id(item) == emptied.seat_class_id)
			position = i;
	}
	g_assert_cmpuint(position, !=, G_MAXUINT);
	gap = g_list_model_get_item(shown, position);
	g_assert_cmpuint(roster_explanation_get_n_missing(gap), >=, 1);
	g_assert_cmpstr(roster_explanation_get_title(gap), !=, "");
	g_assert_nonnull(roster_explanation_get_detail(gap));
	g_assert_cmpstr(roster_explanation_get_detail(gap), !=, "");
	save_screenshot(root, "explanations");

	/* from another week, the row brings the emptied seat back and marks it */
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.next", NULL));
	settle();
	g_assert_null(find_by_class(root, "selected-cell"));
	g_signal_emit_by_name(find_by_class(root, "explanations-list"), "activate", position);
	settle();
	find.css_class = "selected-cell";
	wait_until(class_is_shown, &find, "the marked seat");
	g_assert_cmpstr(roster_roster_page_get_selected_date(roster_page), ==, emptied.date);
	g_assert_cmpstr(roster_roster_page_get_selected_slot(roster_page), ==, emptied.slot);
	selected = find_by_class(root, "selected-cell");
	g_assert_nonnull(selected);
	chip = find_by_class(selected, "seat-empty");
	g_assert_nonnull(chip);
	/* the empty seat gives the same reason on hover */
	g_assert_cmpstr(gtk_widget_get_tooltip_text(chip), ==, roster_explanation_get_detail(gap));
	save_screenshot(root, "explanations-selected");
}

/* after a hand edit the solve bar no longer passes the solve's figure off as the
 * roster's: it gives the seats uncovered now as well */
static void
test_solve_bar_after_edit(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	g_autofree gchar *solved_text = g_strdup(roster_roster_page_get_solve_text(roster_page));
	g_autofree gchar *now = NULL;
	FindData find = {root, "unassign"};
	guint n_uncovered;

	g_assert_cmpstr(solved_text, !=, "");
	g_signal_emit_by_name(find_by_class(root, "tier-counsellor"), "clicked");
	wait_until(class_is_shown, &find, "the seat popover");
	g_signal_emit_by_name(find_by_class(root, "unassign"), "clicked");
	settle();
	wait_until(page_is_idle, roster_page, "the roster to reload");
	n_uncovered = roster_roster_page_get_n_uncovered(roster_page);
	g_assert_cmpuint(n_uncovered, >, 0);
	g_assert_cmpstr(roster_roster_page_get_solve_text(roster_page), !=, solved_text);
	/* the text ends with the figure that holds now, in either language */
	now = g_strdup_printf("%u", n_uncovered);
	g_assert_nonnull(g_strrstr(roster_roster_page_get_solve_text(roster_page), now));
	save_screenshot(root, "solve-after-edit");
}

/* a rule no override can break gets no "assign anyway?": moving a volunteer onto a day
 * they already work is refused once, and nothing changes */
static void
test_not_overridable(UiFixture *fixture, gconstpointer user_data)
{
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	g_autoptr(JsonObject) after = NULL;
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	JsonObject *moved = NULL;
	JsonObject *other = NULL;

	/* one volunteer's shifts on two different days */
	for (guint i = 0; other == NULL && i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		for (guint j = i + 1; j < json_array_get_length(assignments); j++) {
			JsonObject *b = json_array_get_object_element(assignments, j);
			if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) ==
				json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID) &&
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_DATE),
				      json_object_get_string_member(b, ROSTER_KEY_DATE)) != 0) {
				moved = a;
				other = b;
				break;
			}
		}
	}
	g_assert_nonnull(other);
	roster_roster_page_move_assignment(
	    roster_page,
	    json_object_get_int_member(moved, ROSTER_KEY_ID),
	    json_object_get_string_member(other, ROSTER_KEY_DATE),
	    json_object_get_string_member(other, ROSTER_KEY_SLOT),
	    json_object_get_int_member(other, ROSTER_KEY_SEAT_CLASS_ID));
	wait_until(page_is_idle, roster_page, "the refused move");
	settle();
	g_assert_null(find_message_dialog());
	g_assert_null(roster_roster_page_get_override_dialog(roster_page));
	after = api_get(fixture, roster_path_for(roster_id));
	g_assert_cmpint(json_object_get_int_member(after, ROSTER_KEY_REVISION),
			==,
			json_object_get_int_member(roster, ROSTER_KEY_REVISION));
}

/**
 * roster_app_ui_add_roster_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the roster view's test paths, skipped without a display.
 */
void
roster_app_ui_add_roster_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/explanations", test_explanations},
	    {"/roster/app-ui/solve-bar-after-edit", test_solve_bar_after_edit},
	    {"/roster/app-ui/not-overridable", test_not_overridable},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
