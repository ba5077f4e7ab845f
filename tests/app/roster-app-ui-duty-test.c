/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI test of the duty experts on the roster grids: the demo line keeps a duty rota,
 * so a solved month shows each day's duty expert in the week and the month views */

#include "config.h"

#include "roster-app-ui-fixture.h"

static void
test_duty_marks(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	GtkWidget *mark;

	mark = find_by_class(root, "duty-mark");
	g_assert_nonnull(mark);
	g_assert_cmpstr(gtk_label_get_text(GTK_LABEL(mark)), !=, "");
	save_screenshot(root, "duty-week");
	roster_roster_page_set_month_view(roster_page, TRUE);
	settle();
	g_assert_nonnull(find_by_class(root, "duty-mark"));
	save_screenshot(root, "duty-month");
}

/**
 * roster_app_ui_add_duty_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the duty marks' test path, skipped without a display.
 */
void
roster_app_ui_add_duty_tests(gboolean have_display)
{
	if (!have_display) {
		g_test_add_func("/roster/app-ui/duty-marks", skip_no_display);
		return;
	}
	g_test_add("/roster/app-ui/duty-marks",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_duty_marks,
		   ui_fixture_teardown);
}
