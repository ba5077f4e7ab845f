/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI test of the duty experts on the roster grids: the demo line keeps a duty rota,
 * so a solved month shows each day's duty expert in the week and the month views, and
 * a block is handed to a backup from its mark */

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

/* the first duty block of the roster with a backup, and that backup */
static JsonObject *
block_with_backup(UiFixture *fixture, gint64 roster_id, gint64 *backup_id)
{
	g_autofree gchar *path =
	    g_strdup_printf("/duty/rosters/%" G_GINT64_FORMAT "/blocks", roster_id);
	g_autoptr(JsonObject) list = api_get(fixture, path);
	JsonArray *items = json_object_get_array_member(list, "items");

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *block = json_array_get_object_element(items, i);
		JsonArray *backups = json_object_get_array_member(block, "backups");
		if (json_array_get_length(backups) > 0 &&
		    json_object_get_member(block, "primary") != NULL &&
		    JSON_NODE_HOLDS_OBJECT(json_object_get_member(block, "primary"))) {
			*backup_id =
			    json_object_get_int_member(json_array_get_object_element(backups, 0),
						       "id");
			return json_object_ref(block);
		}
	}
	g_assert_not_reached();
}

/* the same block as the daemon has it now */
static JsonObject *
block_again(UiFixture *fixture, gint64 roster_id, gint64 block_id)
{
	g_autofree gchar *path =
	    g_strdup_printf("/duty/rosters/%" G_GINT64_FORMAT "/blocks", roster_id);
	g_autoptr(JsonObject) list = api_get(fixture, path);
	JsonArray *items = json_object_get_array_member(list, "items");

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *block = json_array_get_object_element(items, i);
		if (json_object_get_int_member(block, "id") == block_id)
			return json_object_ref(block);
	}
	g_assert_not_reached();
}

/* a duty block handed by hand to its first backup from the mark's popover: the daemon
 * has the backup on duty, marked manual, and the expert who had it as first backup */
static void
test_duty_edit(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	gint64 backup_id = 0;
	g_autoptr(JsonObject) before = block_with_backup(fixture, roster_id, &backup_id);
	g_autoptr(JsonObject) after = NULL;
	gint64 block_id = json_object_get_int_member(before, "id");
	gint64 old_primary =
	    json_object_get_int_member(json_object_get_object_member(before, "primary"), "id");
	GtkWidget *button = find_by_class(root, "duty-block");

	g_assert_nonnull(button);
	gtk_menu_button_popup(GTK_MENU_BUTTON(button));
	settle();
	g_assert_nonnull(find_by_class(root, "duty-backup"));
	save_screenshot(root, "duty-edit");
	gtk_menu_button_popdown(GTK_MENU_BUTTON(button));
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page),
						 "roster.duty-primary",
						 "(xx)",
						 block_id,
						 backup_id));
	settle();
	wait_until(page_is_idle, roster_page, "the duty edit");
	after = block_again(fixture, roster_id, block_id);
	g_assert_cmpint(
	    json_object_get_int_member(json_object_get_object_member(after, "primary"), "id"),
	    ==,
	    backup_id);
	g_assert_cmpstr(json_object_get_string_member(after, "source"), ==, "manual");
	g_assert_cmpint(
	    json_object_get_int_member(
		json_array_get_object_element(json_object_get_array_member(after, "backups"), 0),
		"id"),
	    ==,
	    old_primary);
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
		g_test_add_func("/roster/app-ui/duty-edit", skip_no_display);
		return;
	}
	g_test_add("/roster/app-ui/duty-marks",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_duty_marks,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/duty-edit",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_duty_edit,
		   ui_fixture_teardown);
}
