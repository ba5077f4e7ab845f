/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI test of real key presses against a real daemon: xdotool types into the window
 * through the X server, as a keyboard would, and the focus moves across the roster's
 * seats and Enter opens Move… (the other tests call the grid's actions directly) */

#include "config.h"

#include <unistd.h>

#include "roster-app-ui-fixture.h"
#include "roster-seat.h"

/* keys pressed through the X server, to the window that has the input focus */
static void
press_keys(const gchar *keys)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GSubprocess) process = g_subprocess_new(G_SUBPROCESS_FLAGS_NONE,
							  &error,
							  "xdotool",
							  "key",
							  "--delay",
							  "60",
							  keys,
							  NULL);

	g_assert_no_error(error);
	g_assert_true(g_subprocess_wait_check(process, NULL, &error));
	g_assert_no_error(error);
	/* the events are in the X server's queue: let GTK read and handle them */
	settle();
	settle();
}

static gboolean
window_is_active(gpointer data)
{
	return gtk_window_is_active(GTK_WINDOW(data));
}

/* the X input focus on the window, found by a title of its own (there is no window
 * manager under Xvfb to give it) */
static void
focus_window(UiFixture *fixture)
{
	g_autofree gchar *title = g_strdup_printf("roster-keys-%d", (gint)getpid());
	g_autoptr(GError) error = NULL;
	g_autoptr(GSubprocess) process = NULL;

	gtk_window_set_title(GTK_WINDOW(fixture->window), title);
	settle();
	process = g_subprocess_new(G_SUBPROCESS_FLAGS_NONE,
				   &error,
				   "xdotool",
				   "search",
				   "--sync",
				   "--name",
				   title,
				   "windowfocus",
				   NULL);
	g_assert_no_error(error);
	g_assert_true(g_subprocess_wait_check(process, NULL, &error));
	g_assert_no_error(error);
	wait_until(window_is_active, fixture->window, "the window to get the keyboard");
}

/* Right goes to the same seat a day later, Left back; Down to the next seat of the day,
 * Up back; Enter opens the seat's popover with Move… focused, Enter again starts the
 * move: all as key presses the X server delivers */
static void
test_real_keys(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *chip;
	GtkWidget *next;
	RosterCell from;
	RosterCell to;
	FindData find = {root, "move-bar"};
	g_autofree gchar *xdotool = g_find_program_in_path("xdotool");

	if (g_strcmp0(G_OBJECT_TYPE_NAME(gdk_display_get_default()), "GdkX11Display") != 0) {
		g_test_skip("key presses go through an X server");
		return;
	}
	if (xdotool == NULL) {
		g_test_skip("xdotool is not installed");
		return;
	}
	show_solved_roster(fixture);
	focus_window(fixture);
	chip = find_by_class(root, "seat-filled");
	g_assert_true(ROSTER_IS_SEAT(chip));
	from = *roster_seat_get_cell(ROSTER_SEAT(chip));
	g_assert_true(gtk_widget_grab_focus(chip));
	settle();

	press_keys("Right");
	next = gtk_root_get_focus(GTK_ROOT(root));
	g_assert_true(ROSTER_IS_SEAT(next));
	to = *roster_seat_get_cell(ROSTER_SEAT(next));
	g_assert_cmpstr(to.date, >, from.date);
	g_assert_cmpstr(to.slot, ==, from.slot);
	press_keys("Left");
	g_assert_true(gtk_root_get_focus(GTK_ROOT(root)) == chip);
	press_keys("Down");
	next = gtk_root_get_focus(GTK_ROOT(root));
	g_assert_true(ROSTER_IS_SEAT(next) && next != chip);
	to = *roster_seat_get_cell(ROSTER_SEAT(next));
	g_assert_cmpstr(to.date, ==, from.date);
	g_assert_cmpstr(to.slot, >=, from.slot);
	press_keys("Up");
	g_assert_true(gtk_root_get_focus(GTK_ROOT(root)) == chip);

	press_keys("Return");
	next = find_by_class(root, "move");
	g_assert_nonnull(next);
	g_assert_true(gtk_root_get_focus(GTK_ROOT(root)) == next);
	press_keys("Return");
	wait_until(class_is_shown, &find, "the move bar");
	save_screenshot(root, "real-keys-move");
}

/**
 * roster_app_ui_add_keys_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the test path of real key presses, skipped without a display.
 */
void
roster_app_ui_add_keys_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/real-keys", test_real_keys},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
