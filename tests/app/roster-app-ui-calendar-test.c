/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI test of the service calendar's form in the seats view against a real daemon:
 * a named dated override added, read back and removed, the night window, the weekly
 * manned hours and the holiday choice saved, an override the daemon refuses shown at
 * its rows with the daemon's reason; and the grids' holiday marks */

#include "config.h"

#include <string.h>

#include "roster-app-ui-fixture.h"
#include "roster-holiday-import-row.h"
#include "roster-json-keys.h"
#include "roster-roster-page.h"
#include "roster-seats-page.h"

/* the line's calendar as the daemon has it */
static JsonObject *
get_calendar(UiFixture *fixture)
{
	g_autoptr(JsonObject) list = api_get(fixture, "/calendars");
	JsonArray *items = json_object_get_array_member(list, ROSTER_KEY_ITEMS);

	g_assert_cmpuint(json_array_get_length(items), ==, 1);
	return json_object_ref(json_array_get_object_element(items, 0));
}

/* how many overrides the daemon has */
static void
assert_n_overrides(UiFixture *fixture, guint n)
{
	g_autoptr(JsonObject) calendar = get_calendar(fixture);

	g_assert_cmpuint(
	    json_array_get_length(json_object_get_array_member(calendar, ROSTER_KEY_OVERRIDES)),
	    ==,
	    n);
}

static void
set_text(GtkWidget *root, const gchar *css_class, const gchar *text)
{
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, css_class)), text);
}

/* waits for the page after a save, and for the reload the save starts */
static void
wait_saved(RosterSeatsPage *seats_page, const gchar *what)
{
	settle();
	wait_until(page_is_idle, seats_page, what);
	settle();
	wait_until(page_is_idle, seats_page, what);
}

static void
test_calendar(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterSeatsPage *seats_page =
	    ROSTER_SEATS_PAGE(roster_window_get_page(fixture->window, "seats"));
	RosterCalendarForm *form;
	guint n_before;

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "seats");
	roster_seats_page_reload(seats_page);
	wait_until(page_is_idle, seats_page, "the seats view");
	settle();
	form = roster_seats_page_get_calendar_form(seats_page);
	n_before = roster_calendar_form_get_n_overrides(form);

	/* exam season around the clock on a dated range, with a night start typed and not
	 * saved: the override's save leaves it to the hours' button */
	set_text(root, "calendar-night-start-row", "21:00");
	set_text(root, "calendar-override-from-row", "2027-06-07");
	set_text(root, "calendar-override-to-row", "2027-06-10");
	set_text(root, "calendar-override-windows-row", "00:00-24:00");
	set_text(root, "calendar-override-note-row", "高考");
	set_text(root, "calendar-override-name-row", "高考");
	roster_calendar_form_save_override(form);
	wait_saved(seats_page, "the added override");
	g_assert_null(roster_calendar_form_get_error(form));
	g_assert_cmpuint(roster_calendar_form_get_n_overrides(form), ==, n_before + 1);
	g_assert_cmpstr(
	    gtk_editable_get_text(GTK_EDITABLE(find_by_class(root, "calendar-night-start-row"))),
	    ==,
	    "21:00");
	{
		g_autoptr(JsonObject) calendar = get_calendar(fixture);
		JsonArray *overrides = json_object_get_array_member(calendar, ROSTER_KEY_OVERRIDES);
		JsonObject *added;
		JsonObject *window;

		g_assert_cmpuint(json_array_get_length(overrides), ==, n_before + 1);
		g_assert_cmpstr(json_object_get_string_member(calendar, ROSTER_KEY_NIGHT_START),
				!=,
				"21:00");
		added = json_array_get_object_element(overrides, n_before);
		g_assert_cmpstr(json_object_get_string_member(added, ROSTER_KEY_DATE_FROM),
				==,
				"2027-06-07");
		g_assert_cmpstr(json_object_get_string_member(added, ROSTER_KEY_DATE_TO),
				==,
				"2027-06-10");
		g_assert_cmpstr(json_object_get_string_member(added, ROSTER_KEY_NOTE), ==, "高考");
		g_assert_cmpstr(json_object_get_string_member(added, ROSTER_KEY_NAME), ==, "高考");
		g_assert_cmpuint(
		    json_array_get_length(json_object_get_array_member(added, ROSTER_KEY_WINDOWS)),
		    ==,
		    1);
		window = json_array_get_object_element(
		    json_object_get_array_member(added, ROSTER_KEY_WINDOWS),
		    0);
		g_assert_cmpstr(json_object_get_string_member(window, ROSTER_KEY_START),
				==,
				"00:00");
		g_assert_cmpstr(json_object_get_string_member(window, ROSTER_KEY_END), ==, "24:00");
	}
	/* the row the daemon's answer lists */
	g_assert_nonnull(find_by_class(root, "calendar-override-row"));
	save_screenshot(find_by_class(root, "calendar-overrides-group"),
			"seats-calendar-overrides");

	/* a date already in an override is refused, at the override's rows, and nothing
	 * changes */
	set_text(root, "calendar-override-from-row", "2027-06-09");
	set_text(root, "calendar-override-to-row", "2027-06-09");
	set_text(root, "calendar-override-windows-row", "");
	roster_calendar_form_save_override(form);
	wait_saved(seats_page, "the refused override");
	g_assert_nonnull(roster_calendar_form_get_error(form));
	g_assert_true(
	    gtk_widget_has_css_class(find_by_class(root, "calendar-override-from-row"), "error"));
	assert_n_overrides(fixture, n_before + 1);
	/* the daemon's reason in the user's language: which override, and the dates it
	 * shares, not only the generic words */
	g_assert_nonnull(strstr(roster_calendar_form_get_error(form), "2027-06-07"));
	save_screenshot(find_by_class(root, "calendar-override-form"),
			"seats-calendar-override-invalid");

	/* the night window and Monday's manned hours */
	set_text(root, "calendar-night-start-row", "22:00");
	set_text(root, "calendar-night-end-row", "07:00");
	set_text(root, "calendar-weekly-row", "08:00-22:00");
	/* holidays closed */
	adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "calendar-holiday-row")), 1);
	roster_calendar_form_save(form);
	wait_saved(seats_page, "the saved calendar");
	g_assert_null(roster_calendar_form_get_error(form));
	{
		g_autoptr(JsonObject) calendar = get_calendar(fixture);
		JsonArray *weekly =
		    json_object_get_array_member(calendar, ROSTER_KEY_MANNED_WINDOWS);
		JsonObject *monday;

		g_assert_cmpstr(json_object_get_string_member(calendar, ROSTER_KEY_NIGHT_START),
				==,
				"22:00");
		g_assert_cmpstr(json_object_get_string_member(calendar, ROSTER_KEY_NIGHT_END),
				==,
				"07:00");
		g_assert_cmpuint(json_array_get_length(weekly), ==, 1);
		monday = json_array_get_object_element(weekly, 0);
		g_assert_cmpint(json_object_get_int_member(monday, ROSTER_KEY_WEEKDAY), ==, 1);
		g_assert_cmpstr(json_object_get_string_member(monday, ROSTER_KEY_END), ==, "22:00");
		g_assert_cmpstr(json_object_get_string_member(calendar, ROSTER_KEY_HOLIDAY_HOURS),
				==,
				"closed");
	}
	save_screenshot(find_by_class(root, "calendar-group"), "seats-calendar");

	/* a night of no length is refused at the night's end */
	set_text(root, "calendar-night-end-row", "22:00");
	roster_calendar_form_save(form);
	wait_saved(seats_page, "the refused night");
	g_assert_true(
	    gtk_widget_has_css_class(find_by_class(root, "calendar-night-end-row"), "error"));

	/* the override removed from its row */
	roster_calendar_form_remove_override(form, n_before);
	wait_saved(seats_page, "the removed override");
	g_assert_cmpuint(roster_calendar_form_get_n_overrides(form), ==, n_before);
	assert_n_overrides(fixture, n_before);
}

/* the month and week grids mark the imported calendar's holidays and make-up working
 * days of a roster over October 2026 */
static void
test_holiday_marks(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page =
	    ROSTER_ROSTER_PAGE(roster_window_get_page(fixture->window, "roster"));
	g_autofree gchar *notice = NULL;
	g_autoptr(JsonObject) imported = NULL;
	g_autoptr(GError) error = NULL;

	g_file_get_contents(g_test_get_filename(G_TEST_DIST, "data", "holidays-2026.json", NULL),
			    &notice,
			    NULL,
			    &error);
	g_assert_no_error(error);
	imported = api_call(fixture, "POST", "/holidays/2026", notice);
	g_assert_cmpint(json_object_get_int_member(imported, "off"), ==, 13);
	roster_window_set_client(fixture->window, fixture->client);
	wait_until(page_is_idle, roster_page, "the roster view to load");
	roster_roster_page_create_roster(roster_page, "2026-10-01");
	wait_until(roster_page_has_roster, roster_page, "the October roster");
	settle();
	/* the week of 2026-10-01: Thursday to Sunday are holidays */
	g_assert_nonnull(find_by_class(root, "day-holiday"));
	save_screenshot(root, "holidays-week");
	roster_roster_page_set_month_view(roster_page, TRUE);
	settle();
	g_assert_nonnull(find_by_class(root, "day-holiday"));
	/* Saturday 2026-10-10 is worked */
	g_assert_nonnull(find_by_class(root, "day-makeup"));
	save_screenshot(root, "holidays-month");
}

static gboolean
import_row_done(gpointer data)
{
	RosterHolidayImportRow *row = ROSTER_HOLIDAY_IMPORT_ROW(data);

	return roster_holiday_import_row_get_result(row) != NULL ||
	       roster_holiday_import_row_get_error(row) != NULL;
}

/* the service calendar imports a year's holiday calendar from a file: a file it cannot
 * read is refused with its line and imports nothing; the 2026 notice is imported and
 * the row says how many holidays and make-up days it brought */
static void
test_holiday_import(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterSeatsPage *seats_page =
	    ROSTER_SEATS_PAGE(roster_window_get_page(fixture->window, "seats"));
	RosterHolidayImportRow *row;
	g_autofree gchar *bad_path = g_build_filename(fixture->tmpdir, "bad.json", NULL);
	g_autoptr(GFile) bad = g_file_new_for_path(bad_path);
	g_autoptr(GFile) notice = g_file_new_for_path(
	    g_test_get_filename(G_TEST_DIST, "data", "holidays-2026.json", NULL));
	g_autoptr(JsonObject) before = NULL;
	g_autoptr(JsonObject) after = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *year = NULL;

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "seats");
	roster_seats_page_reload(seats_page);
	wait_until(page_is_idle, seats_page, "the seats view");
	settle();
	row = ROSTER_HOLIDAY_IMPORT_ROW(find_by_class(root, "calendar-holiday-import-row"));

	g_file_set_contents(
	    bad_path,
	    "{\n  \"year\": 2026,\n  \"papers\": [],\n  \"days\": [\n"
	    "    {\"name\": \"元旦\", \"date\": \"2026-13-01\", \"isOffDay\": true}\n"
	    "  ]\n}\n",
	    -1,
	    &error);
	g_assert_no_error(error);
	roster_holiday_import_row_import_file(row, bad);
	wait_until(import_row_done, row, "the refused import");
	g_assert_null(roster_holiday_import_row_get_result(row));
	g_assert_nonnull(strstr(roster_holiday_import_row_get_error(row), "5"));
	before = api_get(fixture, "/holidays?year=2026");
	g_assert_false(json_object_get_boolean_member(before, "imported"));

	roster_holiday_import_row_import_file(row, notice);
	wait_until(import_row_done, row, "the import");
	settle();
	g_assert_nonnull(roster_holiday_import_row_get_result(row));
	year = g_strdup_printf("%d", 2026);
	g_assert_nonnull(strstr(roster_holiday_import_row_get_result(row), year));
	g_assert_nonnull(strstr(roster_holiday_import_row_get_result(row), "13"));
	after = api_get(fixture, "/holidays?year=2026");
	g_assert_true(json_object_get_boolean_member(after, "imported"));
	gtk_widget_grab_focus(GTK_WIDGET(row));
	settle();
	save_screenshot(root, "holiday-import");
}

/**
 * roster_app_ui_add_calendar_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the calendar form's test path, skipped without a display.
 */
void
roster_app_ui_add_calendar_tests(gboolean have_display)
{
	if (!have_display) {
		g_test_add_func("/roster/app-ui/calendar", skip_no_display);
		g_test_add_func("/roster/app-ui/holiday-marks", skip_no_display);
		g_test_add_func("/roster/app-ui/holiday-import", skip_no_display);
		return;
	}
	g_test_add("/roster/app-ui/calendar",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_calendar,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/holiday-marks",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_holiday_marks,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/holiday-import",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_holiday_import,
		   ui_fixture_teardown);
}
