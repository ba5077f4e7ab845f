/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the window's shell against a real daemon: the sidebar lists each role's
 * views and no other, and choosing a row shows its view */

#include "config.h"

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"

/* the names of the sidebar's rows on screen, in their order, joined by spaces */
static gchar *
dup_sidebar_rows(RosterWindow *window)
{
	GtkListBox *list = GTK_LIST_BOX(find_by_class(GTK_WIDGET(window), "navigation-sidebar"));
	g_autoptr(GString) names = g_string_new(NULL);
	GtkListBoxRow *row;

	g_assert_nonnull(list);
	for (guint i = 0; (row = gtk_list_box_get_row_at_index(list, i)) != NULL; i++) {
		if (!gtk_widget_get_mapped(GTK_WIDGET(row)))
			continue;
		if (names->len > 0)
			g_string_append_c(names, ' ');
		g_string_append(names, gtk_widget_get_name(GTK_WIDGET(row)));
	}
	return g_string_free(g_steal_pointer(&names), FALSE);
}

static void
show_client(UiFixture *fixture, RosterClient *client)
{
	roster_window_set_client(fixture->window, client);
	settle();
	wait_until(page_is_idle, roster_window_get_page(fixture->window, "roster"), "the roster");
	settle();
}

/* the account's views are the sidebar's rows, @rows in their order; @name for the
 * screenshot */
static void
assert_rows(UiFixture *fixture, RosterClient *client, const gchar *rows, const gchar *name)
{
	g_autofree gchar *shown = NULL;
	g_autofree gchar *screenshot = g_strconcat("sidebar-", name, NULL);

	show_client(fixture, client);
	shown = dup_sidebar_rows(fixture->window);
	g_assert_cmpstr(shown, ==, rows);
	save_screenshot(GTK_WIDGET(fixture->window), screenshot);
}

/* an admin sees every view, a coordinator no accounts and no audit log, a manager no
 * publishing, messages or accounts; a volunteer's account gets no sidebar at all */
static void
test_sidebar_roles(UiFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterClient) coordinator = login_as(fixture, "lin", "coordinator", "");
	g_autoptr(RosterClient) manager = login_as(fixture, "wang", "manager", "");
	g_autoptr(RosterClient) volunteer = NULL;

	assert_rows(fixture,
		    fixture->client,
		    "roster seats rounds requests publish volunteers teams accounts records "
		    "approvals reports messages record-settings audit",
		    "admin");
	assert_rows(fixture,
		    coordinator,
		    "roster seats rounds requests publish volunteers teams records approvals "
		    "reports messages record-settings",
		    "coordinator");
	assert_rows(fixture,
		    manager,
		    "roster seats rounds requests volunteers teams records approvals reports "
		    "record-settings audit",
		    "manager");

	volunteer = login_as_volunteer(fixture, "c900");
	roster_window_set_client(fixture->window, volunteer);
	settle();
	g_assert_null(find_by_class(GTK_WIDGET(fixture->window), "navigation-sidebar"));
}

/* choosing a row shows its view and names it in the header; a view shown another way
 * (Alt+3, the third row) selects its row */
static void
test_sidebar_selects(UiFixture *fixture, gconstpointer user_data)
{
	GtkListBox *list;
	GtkListBoxRow *selected;
	GtkWidget *title;
	GtkListBoxRow *row;
	guint teams = 0;

	show_client(fixture, fixture->client);
	list = GTK_LIST_BOX(find_by_class(GTK_WIDGET(fixture->window), "navigation-sidebar"));
	for (guint i = 0; (row = gtk_list_box_get_row_at_index(list, i)) != NULL; i++) {
		if (g_strcmp0(gtk_widget_get_name(GTK_WIDGET(row)), "teams") == 0)
			teams = i;
	}
	g_assert_cmpuint(teams, >, 0);
	gtk_list_box_select_row(list, gtk_list_box_get_row_at_index(list, teams));
	settle();
	g_assert_true(roster_window_get_page(fixture->window, "teams") ==
		      adw_view_stack_get_visible_child(ADW_VIEW_STACK(gtk_widget_get_parent(
			  roster_window_get_page(fixture->window, "teams")))));
	title = find_by_class(GTK_WIDGET(fixture->window), "roster-window-title");
	g_assert_cmpstr(adw_window_title_get_subtitle(ADW_WINDOW_TITLE(title)),
			==,
			g_dgettext(GETTEXT_PACKAGE, "Teams"));

	g_assert_true(
	    gtk_widget_activate_action(GTK_WIDGET(fixture->window), "win.show-nth-view", "u", 2));
	settle();
	selected = gtk_list_box_get_selected_row(list);
	g_assert_nonnull(selected);
	g_assert_cmpstr(gtk_widget_get_name(GTK_WIDGET(selected)), ==, "rounds");
	g_assert_true(gtk_widget_get_mapped(roster_window_get_page(fixture->window, "rounds")));
	save_screenshot(GTK_WIDGET(fixture->window), "sidebar-rounds");
}

/**
 * roster_app_ui_add_shell_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the test paths of the window's sidebar, skipped without a display.
 */
void
roster_app_ui_add_shell_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/sidebar-roles", test_sidebar_roles},
	    {"/roster/app-ui/sidebar-selects", test_sidebar_selects},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
