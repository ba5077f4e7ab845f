/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of a roster's making against a real daemon: the new-roster dialog (next
 * month by default, a weekday team rotation), the solve that follows it, the roster list's
 * words, the settings dialog (rename, a weight) and deleting the draft */

#include "config.h"

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"
#include "roster-roster-dialog.h"

static gboolean
dialog_idle(gpointer data)
{
	RosterRosterPage *page = data;
	GtkWindow *dialog = roster_roster_page_get_roster_dialog(page);
	return dialog != NULL && !roster_roster_dialog_get_busy(ROSTER_ROSTER_DIALOG(dialog)) &&
	       gtk_widget_get_mapped(GTK_WIDGET(dialog));
}

static gboolean
dialog_closed(gpointer data)
{
	RosterRosterPage *page = data;
	return roster_roster_page_get_roster_dialog(page) == NULL && page_is_idle(page);
}

/* the first day of next month, as the daemon writes dates */
static gchar *
dup_next_month(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autoptr(GDateTime) next = g_date_time_add_months(now, 1);

	return g_strdup_printf("%04d-%02d-01",
			       g_date_time_get_year(next),
			       g_date_time_get_month(next));
}

/* the dialog of the page, shown and loaded, after a click on one of the page's buttons */
static RosterRosterDialog *
open_dialog(RosterRosterPage *page, const gchar *button_class)
{
	GtkWidget *button = find_by_class(GTK_WIDGET(page), button_class);

	g_assert_nonnull(button);
	g_signal_emit_by_name(button, "clicked");
	wait_until(dialog_idle, page, "the roster dialog");
	settle();
	return ROSTER_ROSTER_DIALOG(roster_roster_page_get_roster_dialog(page));
}

static void
save_dialog(RosterRosterPage *page, RosterRosterDialog *dialog)
{
	g_signal_emit_by_name(find_by_class(GTK_WIDGET(dialog), "roster-dialog-save"), "clicked");
	wait_until(dialog_closed, page, "the dialog to save and the page to reload");
	settle();
}

/* team id → volunteers of it, from the daemon */
static GHashTable *
dup_team_of(UiFixture *fixture)
{
	g_autoptr(JsonObject) list = api_get(fixture, "/volunteers?limit=500");
	JsonArray *items = json_object_get_array_member(list, ROSTER_KEY_ITEMS);
	GHashTable *team_of = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *v = json_array_get_object_element(items, i);
		gint64 id = json_object_get_int_member(v, ROSTER_KEY_ID);
		gint64 team = json_object_get_int_member_with_default(v, ROSTER_KEY_TEAM_ID, 0);
		g_hash_table_insert(team_of,
				    g_memdup2(&id, sizeof(id)),
				    g_memdup2(&team, sizeof(team)));
	}
	return team_of;
}

/*
 * a coordinator makes next month with the dialog (no month to click through to), binds
 * the first team to Monday and Tuesday, solves, and every Monday and Tuesday shift is that
 * team's; the list words the roster in the language of the app
 */
static void
test_new_roster_rotation(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *page =
	    ROSTER_ROSTER_PAGE(roster_window_get_page(fixture->window, "roster"));
	g_autofree gchar *next_month = dup_next_month();
	g_autoptr(JsonObject) teams = NULL;
	g_autoptr(JsonObject) roster = NULL;
	g_autoptr(GHashTable) team_of = NULL;
	g_autofree gchar *team_class = NULL;
	RosterRosterDialog *dialog;
	GtkWidget *team_row;
	JsonObject *rotation;
	JsonArray *assignments;
	gint64 team_a;
	gint64 roster_id;
	/* [Monday or Tuesday, other day][team A, another team] */
	guint counts[2][2] = {{0, 0}, {0, 0}};

	roster_window_set_client(fixture->window, fixture->client);
	wait_until(page_is_idle, page, "the roster view to load");
	teams = api_get(fixture, "/teams");
	team_a = json_object_get_int_member(
	    json_array_get_object_element(json_object_get_array_member(teams, ROSTER_KEY_ITEMS), 0),
	    ROSTER_KEY_ID);

	dialog = open_dialog(page, "new-roster-button");
	g_assert_cmpstr(roster_roster_dialog_get_period_start(dialog), ==, next_month);
	g_assert_false(roster_roster_dialog_get_existing_warned(dialog));
	save_screenshot(GTK_WIDGET(dialog), "new-roster");

	/* by weekday: the first team holds Monday and Tuesday */
	adw_combo_row_set_selected(
	    ADW_COMBO_ROW(find_by_class(GTK_WIDGET(dialog), "roster-rotation-kind")),
	    ROSTER_ROTATION_WEEKDAYS);
	settle();
	team_class = g_strdup_printf("rotation-team-%" G_GINT64_FORMAT, team_a);
	team_row = find_by_class(GTK_WIDGET(dialog), team_class);
	g_assert_nonnull(team_row);
	gtk_toggle_button_set_active(
	    GTK_TOGGLE_BUTTON(find_by_class(team_row, "rotation-weekday-1")),
	    TRUE);
	gtk_toggle_button_set_active(
	    GTK_TOGGLE_BUTTON(find_by_class(team_row, "rotation-weekday-2")),
	    TRUE);
	settle();
	save_screenshot(GTK_WIDGET(dialog), "new-roster-rotation");
	save_dialog(page, dialog);

	roster_id = roster_roster_page_get_roster_id(page);
	g_assert_cmpint(roster_id, >, 0);
	roster = api_get(fixture, roster_path_for(roster_id));
	g_assert_cmpstr(json_object_get_string_member(roster, ROSTER_KEY_PERIOD_START),
			==,
			next_month);
	/* no name stored: the app words the period */
	g_assert_true(JSON_NODE_HOLDS_NULL(json_object_get_member(roster, ROSTER_KEY_NAME)));
	rotation = json_object_get_object_member(
	    json_object_get_object_member(roster, ROSTER_KEY_SETTINGS),
	    ROSTER_SETTING_TEAM_ROTATION);
	g_assert_nonnull(rotation);
	/* a hard rotation makes the month tighter: time to reach a roster that breaks no
	 * hard rule on a busy machine (10 s once were not enough under the sanitizers) */
	roster_roster_page_set_time_limit(page, ROSTER_TEST_SANITIZED ? 30 : 10);
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(page), "roster.solve", NULL));
	wait_until(roster_page_solved, page, "the solve to finish");
	settle();
	g_clear_pointer(&roster, json_object_unref);
	roster = api_get(fixture, roster_path_for(roster_id));
	assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	g_assert_cmpuint(json_array_get_length(assignments), >, 0);
	g_assert_cmpint(
	    json_object_get_int_member(json_object_get_object_member(roster, ROSTER_KEY_SCORE),
				       ROSTER_KEY_HARD_VIOLATIONS),
	    ==,
	    0);
	/* Monday and Tuesday are the first team's, every shift of them (a roster that
	 * breaks no hard rule breaks no hard rotation); the other days are open to all */
	team_of = dup_team_of(fixture);
	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		g_autoptr(GDate) date = g_date_new();
		gboolean held;
		gint64 *team;
		g_date_set_parse(date, json_object_get_string_member(a, ROSTER_KEY_DATE));
		g_assert_true(g_date_valid(date));
		held = g_date_get_weekday(date) <= G_DATE_TUESDAY;
		team = g_hash_table_lookup(team_of, &v);
		g_assert_nonnull(team);
		counts[held ? 0 : 1][*team == team_a ? 0 : 1]++;
	}
	g_test_message("team A's shifts: %u of %u on Mondays and Tuesdays, %u of %u on other days",
		       counts[0][0],
		       counts[0][0] + counts[0][1],
		       counts[1][0],
		       counts[1][0] + counts[1][1]);
	g_assert_cmpuint(counts[0][0], >, 0);
	g_assert_cmpuint(counts[0][1], ==, 0);
	g_assert_cmpuint(counts[1][1], >, 0);
	/* the month starts on a Friday: the next week shows a Monday and Tuesday */
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(page), "roster.next", NULL));
	settle();
	save_screenshot(root, "rotation-solved");

	/* a second roster for the month is warned of */
	dialog = open_dialog(page, "new-roster-button");
	g_assert_true(roster_roster_dialog_get_existing_warned(dialog));
	save_screenshot(GTK_WIDGET(dialog), "new-roster-existing");
	gtk_window_destroy(GTK_WINDOW(dialog));
	wait_until(dialog_closed, page, "the dialog to close");
}

/* the first text entry under @root */
static GtkWidget *
find_entry(GtkWidget *root)
{
	if (GTK_IS_ENTRY(root))
		return root;
	for (GtkWidget *child = gtk_widget_get_first_child(root); child != NULL;
	     child = gtk_widget_get_next_sibling(child)) {
		GtkWidget *found = find_entry(child);
		if (found != NULL)
			return found;
	}
	return NULL;
}

#define API_ROTATION                                                                               \
	"{\"mode\":\"soft\",\"weight\":7,\"cycle_start\":\"2026-12-07\",\"rules\":[{\"team_id\":"  \
	"1,"                                                                                       \
	"\"weekdays\":[1],\"slots\":[\"08:00\"]}]}"

/* the settings of the roster shown: a rename and a weight reach the daemon, a draft is
 * deleted after the question */
static void
test_roster_settings(UiFixture *fixture, gconstpointer user_data)
{
	RosterRosterPage *page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(page);
	g_autoptr(JsonObject) roster = NULL;
	g_autoptr(JsonObject) list = NULL;
	RosterRosterDialog *dialog;
	GtkWidget *weight_row;
	GtkWidget *entry;
	AdwMessageDialog *question;
	g_autofree gchar *body = NULL;
	g_autofree gchar *rotation = NULL;
	g_autoptr(JsonObject) patched = NULL;
	gint64 total;

	/* a rotation set through the API that the dialog cannot show whole (a weekday and a
	 * slot in one rule, a cycle start): a rename leaves it as it is */
	roster = api_get(fixture, roster_path_for(roster_id));
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"settings\":{\"team_rotation\":"
			       "%s}}",
			       json_object_get_int_member(roster, ROSTER_KEY_REVISION),
			       API_ROTATION);
	g_clear_pointer(&roster, json_object_unref);
	patched = api_call(fixture, "PATCH", roster_path_for(roster_id), body);

	dialog = open_dialog(page, "roster-settings-button");
	save_screenshot(GTK_WIDGET(dialog), "roster-settings");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(GTK_WIDGET(dialog), "roster-name-row")),
			      "December, cities");
	weight_row = find_by_class(GTK_WIDGET(dialog), "weight-" ROSTER_SETTING_NIGHT);
	g_assert_nonnull(weight_row);
	entry = find_entry(weight_row);
	g_assert_nonnull(entry);
	gtk_editable_set_text(GTK_EDITABLE(entry), "7");
	save_dialog(page, dialog);
	roster = api_get(fixture, roster_path_for(roster_id));
	g_assert_cmpstr(json_object_get_string_member(roster, ROSTER_KEY_NAME),
			==,
			"December, cities");
	g_assert_cmpint(
	    json_object_get_int_member(json_object_get_object_member(roster, ROSTER_KEY_SETTINGS),
				       ROSTER_SETTING_NIGHT),
	    ==,
	    7);
	rotation = json_to_string(
	    json_object_get_member(json_object_get_object_member(roster, ROSTER_KEY_SETTINGS),
				   ROSTER_SETTING_TEAM_ROTATION),
	    FALSE);
	g_assert_cmpstr(rotation, ==, API_ROTATION);
	save_screenshot(GTK_WIDGET(fixture->window), "roster-renamed");

	list = api_get(fixture, "/rosters");
	total = json_object_get_int_member(list, ROSTER_KEY_TOTAL);
	dialog = open_dialog(page, "roster-settings-button");
	g_signal_emit_by_name(find_by_class(GTK_WIDGET(dialog), "roster-delete-draft"), "clicked");
	wait_until(dialog_is_shown, NULL, "the question");
	question = find_message_dialog();
	save_screenshot(GTK_WIDGET(question), "delete-draft");
	adw_message_dialog_response(question, "delete");
	wait_until(dialog_closed, page, "the draft to go");
	g_clear_pointer(&list, json_object_unref);
	list = api_get(fixture, "/rosters");
	g_assert_cmpint(json_object_get_int_member(list, ROSTER_KEY_TOTAL), ==, total - 1);
}

/**
 * roster_app_ui_add_rotation_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the new-roster and settings dialogs' test paths, skipped without a display.
 */
void
roster_app_ui_add_rotation_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/new-roster-rotation", test_new_roster_rotation},
	    {"/roster/app-ui/roster-settings", test_roster_settings},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
