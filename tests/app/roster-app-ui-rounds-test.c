/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI test of the availability rounds view against a real daemon: a round opened
 * from the form is on the daemon, and its row shows every active volunteer's answer */

#include "config.h"

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"

static gboolean
has_answers(gpointer data)
{
	GtkWidget *list = find_by_class(GTK_WIDGET(data), "rounds-answers-list");

	return list != NULL && gtk_widget_get_first_child(list) != NULL;
}

static void
test_rounds(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *page = roster_window_get_page(fixture->window, "rounds");
	g_autoptr(JsonObject) rounds = NULL;
	g_autoptr(JsonObject) volunteers = NULL;
	GtkWidget *list;
	GtkWidget *row;
	guint n_answers = 0;

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "rounds");
	settle();
	wait_until(page_is_idle, page, "the rounds view");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "rounds-name-row")), "Next month");
	g_signal_emit_by_name(find_by_class(root, "rounds-open-button"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the new round");
	settle();
	wait_until(page_is_idle, page, "the rounds after the new one");
	rounds = api_get(fixture, "/rounds");
	g_assert_cmpint(json_object_get_int_member(rounds, ROSTER_KEY_TOTAL), ==, 1);
	g_assert_cmpstr(json_object_get_string_member(
			    json_array_get_object_element(
				json_object_get_array_member(rounds, ROSTER_KEY_ITEMS),
				0),
			    ROSTER_KEY_NAME),
			==,
			"Next month");
	list = find_by_class(root, "rounds-list");
	row = gtk_widget_get_first_child(list);
	g_assert_nonnull(row);
	g_signal_emit_by_name(list, "row-activated", row);
	wait_until(has_answers, root, "the answers of the round");
	wait_until(page_is_idle, page, "the round");
	for (GtkWidget *child =
		 gtk_widget_get_first_child(find_by_class(root, "rounds-answers-list"));
	     child != NULL;
	     child = gtk_widget_get_next_sibling(child))
		n_answers++;
	volunteers = api_get(fixture, "/volunteers?active=true&limit=1");
	g_assert_cmpint(n_answers, ==, json_object_get_int_member(volunteers, ROSTER_KEY_TOTAL));
	save_screenshot(page, "rounds");
}

/**
 * roster_app_ui_add_rounds_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the rounds view's test path, skipped without a display.
 */
void
roster_app_ui_add_rounds_tests(gboolean have_display)
{
	if (!have_display) {
		g_test_add_func("/roster/app-ui/rounds", skip_no_display);
		return;
	}
	g_test_add("/roster/app-ui/rounds",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_rounds,
		   ui_fixture_teardown);
}
