/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the roster grid while it moves: the grid filled by a solve under way,
 * and the day headings kept in view when the week scrolls down */

#include "config.h"

#include <math.h>

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"
#include "roster-seat.h"

static gboolean
page_is_live(gpointer data)
{
	return roster_roster_page_get_live(ROSTER_ROSTER_PAGE(data));
}

/* the state of the roster's job, as the daemon reports it */
static gchar *
dup_job_state(UiFixture *fixture, gint64 roster_id)
{
	g_autofree gchar *path = g_strdup_printf("%s/solve", roster_path_for(roster_id));
	g_autoptr(JsonObject) job = api_get(fixture, path);

	return g_strdup(json_object_get_string_member(job, ROSTER_KEY_STATE));
}

static guint
count_stored_assignments(UiFixture *fixture, gint64 roster_id)
{
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));

	return json_array_get_length(json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS));
}

/* whether a popover of @seat is open */
static gboolean
has_open_popover(GtkWidget *seat)
{
	for (GtkWidget *child = gtk_widget_get_first_child(seat); child != NULL;
	     child = gtk_widget_get_next_sibling(child)) {
		if (GTK_IS_POPOVER(child) && gtk_widget_get_visible(child))
			return TRUE;
	}
	return FALSE;
}

/* a solve under way fills the empty grid with the best roster found so far, before
 * anything is written, marked as being solved and with a seat's click held back; its
 * end shows the stored roster without the mark */
static void
test_live_grid(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_new_roster(fixture);
	g_autofree gchar *state = NULL;
	g_autoptr(GtkWidget) clicked = NULL;
	GtkWidget *chip;
	gint64 roster_id;
	guint n_stored;

	settle();
	roster_id = roster_roster_page_get_roster_id(roster_page);
	g_assert_null(find_by_class(root, "seat-filled"));
	g_assert_false(roster_roster_page_get_live(roster_page));

	roster_roster_page_set_time_limit(roster_page, 60);
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.solve", NULL));
	wait_until(page_is_live, roster_page, "the best roster so far");
	settle();
	g_assert_true(roster_roster_page_get_solving(roster_page));
	chip = find_by_class(root, "seat-filled");
	g_assert_true(ROSTER_IS_SEAT(chip));
	/* not written yet: the seats come from the running job */
	g_assert_cmpint(roster_seat_get_assignment_id(ROSTER_SEAT(chip)), ==, 0);
	n_stored = count_stored_assignments(fixture, roster_id);
	state = dup_job_state(fixture, roster_id);
	g_assert_cmpstr(state, ==, ROSTER_JOB_RUNNING);
	g_assert_cmpuint(n_stored, ==, 0);
	g_assert_nonnull(find_by_class(root, "being-solved"));
	/* a seat's click opens no popover while the solve runs; a better roster arriving
	 * meanwhile rebuilds the grid, so the seat is held until it has been looked at */
	clicked = g_object_ref(chip);
	g_signal_emit_by_name(clicked, "clicked");
	settle();
	g_assert_false(has_open_popover(clicked));
	save_screenshot(root, "live-grid");

	g_assert_true(
	    gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.cancel-solve", NULL));
	wait_until(roster_page_solved, roster_page, "the solve to stop");
	settle();
	g_assert_false(roster_roster_page_get_live(roster_page));
	g_assert_null(find_by_class(root, "being-solved"));
	chip = find_by_class(root, "seat-filled");
	g_assert_true(ROSTER_IS_SEAT(chip));
	g_assert_cmpint(roster_seat_get_assignment_id(ROSTER_SEAT(chip)), >, 0);
	g_assert_cmpuint(count_stored_assignments(fixture, roster_id), >, 0);
}

/* the bounds of @widget in the window */
static void
bounds_in_root(GtkWidget *widget, GtkWidget *root, graphene_rect_t *bounds)
{
	g_assert_true(gtk_widget_compute_bounds(widget, root, bounds));
}

/* scrolled to the bottom of the week, the day headings are still in the window above
 * the grid, each over its day's column */
static void
test_day_header(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	GtkWidget *grid = find_by_class(root, "week-grid");
	GtkWidget *header = find_by_class(root, "week-header");
	GtkWidget *scroller;
	GtkAdjustment *vadjustment;
	GtkWidget *heading;
	GtkWidget *cell;
	graphene_rect_t header_bounds;
	graphene_rect_t scroller_bounds;
	graphene_rect_t heading_bounds;
	graphene_rect_t cell_bounds;

	g_assert_nonnull(roster_page);
	g_assert_true(GTK_IS_GRID(grid));
	g_assert_true(GTK_IS_GRID(header));
	scroller = gtk_widget_get_ancestor(grid, GTK_TYPE_SCROLLED_WINDOW);
	vadjustment = gtk_scrolled_window_get_vadjustment(GTK_SCROLLED_WINDOW(scroller));
	/* the week is taller than the view: there is something to scroll */
	g_assert_cmpfloat(gtk_adjustment_get_upper(vadjustment),
			  >,
			  gtk_adjustment_get_page_size(vadjustment) + 100);
	gtk_adjustment_set_value(vadjustment,
				 gtk_adjustment_get_upper(vadjustment) -
				     gtk_adjustment_get_page_size(vadjustment));
	settle();
	g_assert_cmpfloat(gtk_adjustment_get_value(vadjustment), >, 100);

	/* the header is drawn, inside the window and above the scrolled grid */
	g_assert_true(gtk_widget_is_drawable(header));
	bounds_in_root(header, root, &header_bounds);
	bounds_in_root(scroller, root, &scroller_bounds);
	g_assert_cmpfloat(header_bounds.size.height, >, 10);
	g_assert_cmpfloat(header_bounds.origin.y, >=, 0);
	g_assert_cmpfloat(header_bounds.origin.y + header_bounds.size.height,
			  <=,
			  scroller_bounds.origin.y + 1);
	g_assert_cmpfloat(header_bounds.origin.y + header_bounds.size.height,
			  <=,
			  gtk_widget_get_height(root));
	/* Wednesday's heading stands over Wednesday's seats, as wide */
	heading = gtk_grid_get_child_at(GTK_GRID(header), 3, 0);
	cell = gtk_grid_get_child_at(GTK_GRID(grid), 3, 1);
	g_assert_nonnull(heading);
	g_assert_nonnull(cell);
	bounds_in_root(heading, root, &heading_bounds);
	bounds_in_root(cell, root, &cell_bounds);
	g_assert_cmpfloat(fabsf(heading_bounds.origin.x - cell_bounds.origin.x), <, 1);
	g_assert_cmpfloat(fabsf(heading_bounds.size.width - cell_bounds.size.width), <, 1);
	save_screenshot(root, "day-header-scrolled");
}

/**
 * roster_app_ui_add_live_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the tests of the grid during a solve and of its day headings, skipped without
 * a display.
 */
void
roster_app_ui_add_live_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/live/grid", test_live_grid},
	    {"/roster/app-ui/live/day-header", test_day_header},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
