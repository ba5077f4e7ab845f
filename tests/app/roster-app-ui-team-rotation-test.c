/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI test of a team's rotation edited in the Teams view against a real daemon: the
 * pattern and its preview follow the edit, the daemon stores it in the roster's settings,
 * and a fresh load shows it again */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"

#define TEAM_NAME "夜线轮换组"

typedef struct {
	UiFixture *fixture;
	gchar *path;
} StoredData;

/* the roster's stored rotation gives the team Monday and Thursday */
static gboolean
rotation_stored(gpointer data)
{
	StoredData *stored = data;
	g_autoptr(JsonObject) roster = api_get(stored->fixture, stored->path);
	JsonObject *settings = json_object_get_object_member(roster, ROSTER_KEY_SETTINGS);
	JsonObject *rotation;
	JsonArray *rules;
	JsonArray *weekdays;

	if (settings == NULL || !json_object_has_member(settings, ROSTER_SETTING_TEAM_ROTATION) ||
	    json_object_get_null_member(settings, ROSTER_SETTING_TEAM_ROTATION))
		return FALSE;
	rotation = json_object_get_object_member(settings, ROSTER_SETTING_TEAM_ROTATION);
	rules = json_object_get_array_member(rotation, ROSTER_ROTATION_RULES);
	if (json_array_get_length(rules) != 1)
		return FALSE;
	weekdays = json_object_get_array_member(json_array_get_object_element(rules, 0),
						ROSTER_RULE_WEEKDAYS);
	return weekdays != NULL && json_array_get_length(weekdays) == 2 &&
	       json_array_get_int_element(weekdays, 0) == 1 &&
	       json_array_get_int_element(weekdays, 1) == 4;
}

/* the Edit button of the team's row */
static GtkWidget *
find_team_edit(GtkWidget *root)
{
	GtkWidget *list = find_by_class(root, "teams-list");

	for (GtkWidget *row = gtk_widget_get_first_child(list); row != NULL;
	     row = gtk_widget_get_next_sibling(row)) {
		if (ADW_IS_PREFERENCES_ROW(row) &&
		    g_strcmp0(adw_preferences_row_get_title(ADW_PREFERENCES_ROW(row)), TEAM_NAME) ==
			0)
			return find_by_class(row, "team-edit");
	}
	return NULL;
}

static gboolean
rotation_loaded(gpointer data)
{
	GtkWidget *kind = find_by_class(GTK_WIDGET(data), "team-rotation-kind");

	return kind != NULL && gtk_widget_get_mapped(kind);
}

static void
edit_team(UiFixture *fixture)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *edit;

	wait_until(page_is_idle, roster_window_get_page(fixture->window, "teams"), "the teams");
	edit = find_team_edit(root);
	g_assert_nonnull(edit);
	g_signal_emit_by_name(edit, "clicked");
	settle();
	wait_until(rotation_loaded, root, "the team's rotation");
	settle();
}

static GtkToggleButton *
weekday_toggle(GtkWidget *root, guint weekday)
{
	g_autofree gchar *css_class = g_strdup_printf("team-rotation-weekday-%u", weekday);

	return GTK_TOGGLE_BUTTON(find_by_class(root, css_class));
}

/* the view scrolled so that @widget's bottom is in sight, for the screenshot */
static void
scroll_to(GtkWidget *widget)
{
	GtkWidget *scrolled = gtk_widget_get_ancestor(widget, GTK_TYPE_SCROLLED_WINDOW);
	GtkAdjustment *adjustment;
	graphene_point_t bottom = GRAPHENE_POINT_INIT(0, 0);
	graphene_point_t at;

	g_assert_nonnull(scrolled);
	adjustment = gtk_scrolled_window_get_vadjustment(GTK_SCROLLED_WINDOW(scrolled));
	bottom.y = (gfloat)gtk_widget_get_height(widget);
	g_assert_true(gtk_widget_compute_point(widget, scrolled, &bottom, &at));
	gtk_adjustment_set_value(adjustment,
				 gtk_adjustment_get_value(adjustment) + at.y -
				     gtk_adjustment_get_page_size(adjustment) + 24);
	settle();
}

/* "Mon, Thu" in the language of the run */
static gchar *
dup_monday_thursday(void)
{
	return g_strconcat(g_dpgettext2(GETTEXT_PACKAGE, "weekday", "Mon"),
			   g_dgettext(GETTEXT_PACKAGE, ", "),
			   g_dpgettext2(GETTEXT_PACKAGE, "weekday", "Thu"),
			   NULL);
}

/* a coordinator gives a team Mondays and Thursdays in a March draft: the words and the
 * preview of March's first week say so before saving, the daemon stores it, and the
 * Teams view loaded afresh shows the days ticked */
static void
test_team_rotation(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	g_autoptr(JsonObject) team =
	    api_call(fixture,
		     "POST",
		     "/teams",
		     "{\"name\":\"" TEAM_NAME "\",\"colour\":\"#3366CC\"}");
	g_autoptr(JsonObject) roster =
	    api_call(fixture,
		     "POST",
		     "/rosters",
		     "{\"name\":\"March "
		     "2099\",\"period_start\":\"2099-03-01\",\"period_end\":\"2099-03-31\"}");
	g_autofree gchar *days = dup_monday_thursday();
	g_autofree gchar *words = NULL;
	StoredData stored = {fixture, NULL};
	GtkWidget *preview;

	g_assert_cmpint(json_object_get_int_member(team, ROSTER_KEY_ID), >, 0);
	stored.path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT,
				      json_object_get_int_member(roster, ROSTER_KEY_ID));
	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "teams");
	settle();
	edit_team(fixture);

	adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "team-rotation-kind")), 1);
	gtk_toggle_button_set_active(weekday_toggle(root, 1), TRUE);
	gtk_toggle_button_set_active(weekday_toggle(root, 4), TRUE);
	settle();
	words = g_strdup_printf(g_dgettext(GETTEXT_PACKAGE, "Every %s"), days);
	g_assert_cmpstr(
	    adw_action_row_get_subtitle(ADW_ACTION_ROW(find_by_class(root, "team-rotation-words"))),
	    ==,
	    words);
	/* the roster has not begun: the preview starts with its first week (1 March 2099
	 * is a Sunday, alone in its week) */
	preview = find_by_class(root, "team-rotation-preview");
	g_assert_cmpstr(adw_action_row_get_subtitle(ADW_ACTION_ROW(preview)),
			==,
			g_dgettext(GETTEXT_PACKAGE, "No day held"));
	preview = gtk_widget_get_next_sibling(preview);
	g_assert_cmpstr(adw_action_row_get_subtitle(ADW_ACTION_ROW(preview)), ==, days);
	scroll_to(gtk_widget_get_ancestor(preview, ADW_TYPE_PREFERENCES_GROUP));
	save_screenshot(root, "team-rotation");

	g_signal_emit_by_name(find_by_class(root, "team-rotation-save"), "clicked");
	wait_until(rotation_stored, &stored, "the rotation in the roster's settings");

	/* a fresh load: the account set again empties the view and reads it back */
	roster_window_set_client(fixture->window, fixture->client);
	settle();
	edit_team(fixture);
	g_assert_cmpuint(
	    adw_combo_row_get_selected(ADW_COMBO_ROW(find_by_class(root, "team-rotation-kind"))),
	    ==,
	    1);
	g_assert_true(gtk_toggle_button_get_active(weekday_toggle(root, 1)));
	g_assert_false(gtk_toggle_button_get_active(weekday_toggle(root, 2)));
	g_assert_true(gtk_toggle_button_get_active(weekday_toggle(root, 4)));
	g_assert_cmpstr(
	    adw_action_row_get_subtitle(ADW_ACTION_ROW(find_by_class(root, "team-rotation-words"))),
	    ==,
	    words);
	g_free(stored.path);
}

/**
 * roster_app_ui_add_team_rotation_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the test path of a team's rotation in the Teams view, skipped without a display.
 */
void
roster_app_ui_add_team_rotation_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/team-rotation", test_team_rotation},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
