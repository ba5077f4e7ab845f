/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the editors against a real daemon: the volunteer form's team, skills,
 * limits, note and consent; a duplicate counsellor number named with its holder; the
 * teams editor with its members */

#include "config.h"

#include <string.h>

#include "roster-app-ui-fixture.h"
#include "roster-item.h"
#include "roster-json-keys.h"
#include "roster-volunteers-page.h"

static void
set_text(GtkWidget *root, const gchar *css_class, const gchar *text)
{
	GtkWidget *widget = find_by_class(root, css_class);

	g_assert_nonnull(widget);
	gtk_editable_set_text(GTK_EDITABLE(widget), text);
}

/* chooses the entry of a combo row that reads @text */
static void
select_string(AdwComboRow *row, const gchar *text)
{
	GListModel *names = adw_combo_row_get_model(row);

	for (guint i = 0; i < g_list_model_get_n_items(names); i++) {
		if (g_strcmp0(gtk_string_list_get_string(GTK_STRING_LIST(names), i), text) == 0) {
			adw_combo_row_set_selected(row, i);
			return;
		}
	}
	g_error("no entry %s", text);
}

static JsonObject *
first_volunteer(UiFixture *fixture, guint n)
{
	g_autoptr(JsonObject) list = api_get(fixture, "/volunteers?limit=5");
	JsonArray *items = json_object_get_array_member(list, ROSTER_KEY_ITEMS);

	return json_object_ref(json_array_get_object_element(items, n));
}

static gboolean
is_null_member(JsonObject *object, const gchar *member)
{
	return !json_object_has_member(object, member) ||
	       json_object_get_null_member(object, member);
}

/* every field the API takes, saved from the form; a limit above what a week holds is
 * refused in the form with its row marked, and nothing is sent */
static void
test_volunteer_details(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterVolunteersPage *page =
	    ROSTER_VOLUNTEERS_PAGE(roster_window_get_page(fixture->window, "volunteers"));
	g_autoptr(JsonObject) team =
	    api_call(fixture, "POST", "/teams", "{\"name\":\"夜班组\",\"colour\":\"#3366CC\"}");
	g_autoptr(JsonObject) before = first_volunteer(fixture, 0);
	g_autoptr(JsonObject) after = NULL;
	g_autoptr(JsonObject) unchanged = NULL;
	g_autofree gchar *path = g_strdup_printf("/volunteers/%" G_GINT64_FORMAT,
						 json_object_get_int_member(before, ROSTER_KEY_ID));
	JsonArray *skills;

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "volunteers");
	settle();
	wait_until(page_is_idle, page, "the volunteers");
	roster_volunteers_page_show_volunteer(page,
					      json_object_get_int_member(before, ROSTER_KEY_ID));
	settle();
	wait_until(page_is_idle, page, "the volunteer's teams");
	select_string(ADW_COMBO_ROW(find_by_class(root, "volunteer-team")), "夜班组");
	/* a reload of the teams still under way keeps the choice (teams_cb) */
	settle();
	wait_until(page_is_idle, page, "the teams");
	g_assert_cmpstr(
	    gtk_string_object_get_string(GTK_STRING_OBJECT(adw_combo_row_get_selected_item(
		ADW_COMBO_ROW(find_by_class(root, "volunteer-team"))))),
	    ==,
	    "夜班组");
	gtk_check_button_set_active(GTK_CHECK_BUTTON(find_by_class(root, "skill-crisis")), TRUE);
	set_text(root, "volunteer-other-skills", "法律援助，手语");
	set_text(root, "volunteer-max-hours-week", "２0");
	set_text(root, "volunteer-max-hours-month", "");
	set_text(root, "volunteer-max-consecutive", "3");
	set_text(root, "volunteer-max-nights", "4");
	set_text(root, "volunteer-min-shifts", "6");
	set_text(root, "volunteer-note", "只值周末");
	gtk_switch_set_active(GTK_SWITCH(find_by_class(root, "volunteer-consent")), TRUE);
	roster_volunteers_page_save(page);
	settle();
	wait_until(page_is_idle, page, "the saved volunteer");
	after = api_get(fixture, path);
	g_assert_cmpint(json_object_get_int_member(after, ROSTER_KEY_TEAM_ID),
			==,
			json_object_get_int_member(team, ROSTER_KEY_ID));
	skills = json_object_get_array_member(after, ROSTER_KEY_SKILLS);
	g_assert_cmpuint(json_array_get_length(skills), >=, 3);
	g_assert_cmpint(json_object_get_int_member(after, ROSTER_KEY_MAX_HOURS_WEEK), ==, 20);
	g_assert_true(is_null_member(after, ROSTER_KEY_MAX_HOURS_MONTH));
	g_assert_cmpint(json_object_get_int_member(after, ROSTER_KEY_MAX_CONSECUTIVE_DAYS), ==, 3);
	g_assert_cmpint(json_object_get_int_member(after, ROSTER_KEY_MAX_NIGHTS_MONTH), ==, 4);
	g_assert_cmpint(json_object_get_int_member(after, ROSTER_KEY_MIN_SHIFTS_MONTH), ==, 6);
	g_assert_cmpstr(json_object_get_string_member(after, ROSTER_KEY_NOTE), ==, "只值周末");
	g_assert_true(json_object_get_boolean_member(after, ROSTER_KEY_HONOUR_ROLL_CONSENT));
	save_screenshot(root, "volunteer-details");

	set_text(root, "volunteer-max-hours-week", "999");
	roster_volunteers_page_save(page);
	settle();
	g_assert_true(
	    gtk_widget_has_css_class(find_by_class(root, "volunteer-max-hours-week"), "error"));
	unchanged = api_get(fixture, path);
	g_assert_cmpint(json_object_get_int_member(unchanged, ROSTER_KEY_REVISION),
			==,
			json_object_get_int_member(after, ROSTER_KEY_REVISION));
	save_screenshot(root, "volunteer-limit-refused");
}

static gboolean
holder_named(gpointer data)
{
	UiFixture *fixture = data;
	GtkWidget *page = roster_window_get_page(fixture->window, "volunteers");
	const gchar *name = g_object_get_data(G_OBJECT(page), "test-holder");
	GtkWidget *label = find_by_class(page, "volunteer-error");

	return label != NULL && strstr(gtk_label_get_text(GTK_LABEL(label)), name) != NULL;
}

/* a new volunteer given another's counsellor number: the number's row is marked and
 * the error names who holds it */
static void
test_duplicate_number(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterVolunteersPage *page =
	    ROSTER_VOLUNTEERS_PAGE(roster_window_get_page(fixture->window, "volunteers"));
	g_autoptr(JsonObject) holder = first_volunteer(fixture, 1);
	g_autoptr(JsonObject) volunteers = NULL;
	gint64 total;

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "volunteers");
	settle();
	wait_until(page_is_idle, page, "the volunteers");
	volunteers = api_get(fixture, "/volunteers?limit=1");
	total = json_object_get_int_member(volunteers, ROSTER_KEY_TOTAL);
	g_object_set_data_full(G_OBJECT(page),
			       "test-holder",
			       g_strdup(json_object_get_string_member(holder, ROSTER_KEY_NAME)),
			       g_free);
	roster_volunteers_page_new_volunteer(page);
	set_text(root, "volunteer-name", "新来的");
	set_text(root,
		 "volunteer-number",
		 json_object_get_string_member(holder, ROSTER_KEY_COUNSELLOR_NO));
	roster_volunteers_page_save(page);
	wait_until(holder_named, fixture, "the holder's name");
	wait_until(page_is_idle, page, "the holder's lookup");
	g_assert_true(gtk_widget_has_css_class(find_by_class(root, "volunteer-number"), "error"));
	g_clear_pointer(&volunteers, json_object_unref);
	volunteers = api_get(fixture, "/volunteers?limit=1");
	g_assert_cmpint(json_object_get_int_member(volunteers, ROSTER_KEY_TOTAL), ==, total);
	save_screenshot(root, "volunteer-duplicate-number");
}

static guint
n_children(GtkWidget *widget)
{
	guint n = 0;

	for (GtkWidget *child = gtk_widget_get_first_child(widget); child != NULL;
	     child = gtk_widget_get_next_sibling(child))
		n += GTK_IS_LIST_BOX_ROW(child) && gtk_widget_get_visible(child) ? 1 : 0;
	return n;
}

/* the id of the item of @items named @name, or 0 */
static gint64
id_of_name(JsonArray *items, const gchar *name)
{
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_NAME), name) == 0)
			return json_object_get_int_member(item, ROSTER_KEY_ID);
	}
	return 0;
}

/* the id of the volunteer the picker offers at @position */
static gint64
picker_choose(GtkWidget *root, guint position)
{
	GtkDropDown *picker = GTK_DROP_DOWN(find_by_class(root, "team-member-picker"));
	g_autoptr(GObject) item = NULL;

	g_assert_nonnull(picker);
	gtk_drop_down_set_selected(picker, position);
	item = g_list_model_get_item(gtk_drop_down_get_model(picker), position);
	return roster_item_get_id(ROSTER_ITEM(item));
}

/* a team made in the editor; a member added with the picker and removed again */
static void
test_teams_editor(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *page = roster_window_get_page(fixture->window, "teams");
	g_autoptr(JsonObject) teams = NULL;
	g_autoptr(JsonObject) member = NULL;
	g_autoptr(JsonObject) removed = NULL;
	g_autofree gchar *path = NULL;
	gint64 team_id;
	gint64 volunteer_id;
	guint n_teams;

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "teams");
	settle();
	wait_until(page_is_idle, page, "the teams");
	n_teams = n_children(find_by_class(root, "teams-list"));
	g_signal_emit_by_name(find_by_class(root, "team-new"), "clicked");
	set_text(root, "team-name", "白班一组");
	set_text(root, "team-note", "周一至周五");
	g_signal_emit_by_name(find_by_class(root, "team-save"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the new team");
	teams = api_get(fixture, "/teams?limit=100");
	team_id = id_of_name(json_object_get_array_member(teams, ROSTER_KEY_ITEMS), "白班一组");
	g_assert_cmpint(team_id, >, 0);
	g_assert_cmpuint(n_children(find_by_class(root, "teams-list")), ==, n_teams + 1);

	volunteer_id = picker_choose(root, 2);
	g_signal_emit_by_name(find_by_class(root, "team-member-add"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the new member");
	path = g_strdup_printf("/volunteers/%" G_GINT64_FORMAT, volunteer_id);
	member = api_get(fixture, path);
	g_assert_cmpint(json_object_get_int_member(member, ROSTER_KEY_TEAM_ID), ==, team_id);
	g_assert_cmpuint(n_children(find_by_class(root, "team-members-list")), ==, 1);
	save_screenshot(root, "teams");

	g_signal_emit_by_name(find_by_class(root, "team-member-remove"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the member removed");
	removed = api_get(fixture, path);
	g_assert_true(is_null_member(removed, ROSTER_KEY_TEAM_ID));
	g_assert_cmpuint(n_children(find_by_class(root, "team-members-list")), ==, 0);
}

/**
 * roster_app_ui_add_editors_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the editors' test paths, skipped without a display.
 */
void
roster_app_ui_add_editors_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/volunteer-details", test_volunteer_details},
	    {"/roster/app-ui/duplicate-number", test_duplicate_number},
	    {"/roster/app-ui/teams-editor", test_teams_editor},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
