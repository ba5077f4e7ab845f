/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the roster views against a real daemon: the checks before publishing,
 * the conflicts list, one volunteer's month, undo, the confirmation mark and the print
 * to PDF */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "roster-app-ui-fixture.h"
#include "roster-explanation.h"
#include "roster-explanations-panel.h"
#include "roster-json-keys.h"
#include "roster-person-view.h"
#include "roster-print.h"
#include "roster-publish-page.h"
#include "roster-seat.h"
#include "roster-week-grid.h"

/* the id of the demo's crisis seat class */
static gint64
crisis_class(UiFixture *fixture)
{
	g_autoptr(JsonObject) classes = api_get(fixture, "/seat-classes?limit=500");
	JsonArray *items = json_object_get_array_member(classes, ROSTER_KEY_ITEMS);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (json_object_get_boolean_member_with_default(item, ROSTER_KEY_CRISIS, FALSE))
			return json_object_get_int_member(item, ROSTER_KEY_ID);
	}
	g_assert_not_reached();
	return 0;
}

/* the @n-th (from 0) assignment of a seat class in the roster */
static JsonObject *
dup_nth_of_class(UiFixture *fixture, gint64 roster_id, gint64 class_id, guint n)
{
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);

	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		if (json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID) == class_id && n-- == 0)
			return json_object_ref(a);
	}
	g_assert_not_reached();
	return NULL;
}

static gint64
revision_of(UiFixture *fixture, gint64 roster_id)
{
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	return json_object_get_int_member(roster, ROSTER_KEY_REVISION);
}

/* empties a seat, even when that leaves a trainee alone (an override, audited) */
static void
unassign(UiFixture *fixture, gint64 roster_id, gint64 assignment_id)
{
	g_autofree gchar *path =
	    g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
			    "?revision=%" G_GINT64_FORMAT "&override=true",
			    roster_id,
			    assignment_id,
			    revision_of(fixture, roster_id));
	g_autoptr(JsonObject) answer = api_call(fixture, "DELETE", path, NULL);
}

/* a counsellor (below a crisis seat's tier) with no shift on @date */
static gint64
free_counsellor(UiFixture *fixture, gint64 roster_id, const gchar *date)
{
	g_autoptr(JsonObject) counsellors =
	    api_get(fixture, "/volunteers?tier=counsellor&limit=500");
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *items = json_object_get_array_member(counsellors, ROSTER_KEY_ITEMS);
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		gint64 id = json_object_get_int_member(json_array_get_object_element(items, i),
						       ROSTER_KEY_ID);
		gboolean busy = FALSE;
		for (guint j = 0; j < json_array_get_length(assignments); j++) {
			JsonObject *a = json_array_get_object_element(assignments, j);
			if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) == id &&
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_DATE), date) == 0)
				busy = TRUE;
		}
		if (!busy)
			return id;
	}
	g_assert_not_reached();
	return 0;
}

/* an uncovered crisis seat (the first crisis assignment emptied) and a hard rule broken
 * by an override (a counsellor put in the second one's place); the broken rule's seat */
static RosterCell
make_conflicts(UiFixture *fixture, gint64 roster_id)
{
	gint64 crisis_id = crisis_class(fixture);
	g_autoptr(JsonObject) gap = dup_nth_of_class(fixture, roster_id, crisis_id, 0);
	g_autoptr(JsonObject) broken = NULL;
	g_autoptr(JsonObject) answer = NULL;
	g_autofree gchar *path =
	    g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/assignments", roster_id);
	g_autofree gchar *body = NULL;
	RosterCell cell;

	unassign(fixture, roster_id, json_object_get_int_member(gap, ROSTER_KEY_ID));
	broken = dup_nth_of_class(fixture, roster_id, crisis_id, 0);
	roster_cell_init(&cell,
			 json_object_get_string_member(broken, ROSTER_KEY_DATE),
			 json_object_get_string_member(broken, ROSTER_KEY_SLOT),
			 crisis_id);
	unassign(fixture, roster_id, json_object_get_int_member(broken, ROSTER_KEY_ID));
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"%s\","
			       "\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":true}",
			       revision_of(fixture, roster_id),
			       cell.date,
			       cell.slot,
			       crisis_id,
			       free_counsellor(fixture, roster_id, cell.date));
	answer = api_call(fixture, "POST", path, body);
	return cell;
}

/* the volunteers with a shift in the roster */
static guint
count_volunteers(UiFixture *fixture, gint64 roster_id)
{
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	g_autoptr(GHashTable) ids =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);

	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		gint64 id =
		    json_object_get_int_member(json_array_get_object_element(assignments, i),
					       ROSTER_KEY_VOLUNTEER_ID);
		g_hash_table_add(ids, g_memdup2(&id, sizeof(id)));
	}
	return g_hash_table_size(ids);
}

/* before the first version: everyone's shifts are counted, the crisis gap and the
 * override are warned about and the dialog's default is not to publish; after it the
 * page shows the same roster published, with nothing left to change */
static void
test_publish_checks(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	RosterPublishPage *publish_page =
	    ROSTER_PUBLISH_PAGE(roster_window_get_page(fixture->window, "publish"));
	g_autoptr(JsonObject) other =
	    api_call(fixture,
		     "POST",
		     "/rosters",
		     "{\"period_start\":\"2027-01-01\",\"period_end\":\"2027-01-31\"}");
	g_autoptr(JsonObject) roster = NULL;
	AdwMessageDialog *dialog;
	guint n_volunteers;
	guint n_crisis = 0;
	guint n_broken = 0;

	make_conflicts(fixture, roster_id);
	n_volunteers = count_volunteers(fixture, roster_id);
	g_assert_cmpuint(n_volunteers, >, 0);
	roster_window_set_view(fixture->window, "publish");
	roster_publish_page_reload(publish_page);
	wait_until(page_is_idle, publish_page, "the publish view");
	/* the January roster comes first (the list is newest period first) */
	g_assert_cmpint(roster_publish_page_get_roster_id(publish_page),
			==,
			json_object_get_int_member(other, ROSTER_KEY_ID));
	roster_publish_page_select_roster(publish_page, roster_id);
	wait_until(page_is_idle, publish_page, "the December roster");
	g_assert_cmpint(roster_publish_page_get_roster_id(publish_page), ==, roster_id);
	/* the first version counts everyone, not "0 volunteers affected" */
	g_assert_cmpuint(roster_publish_page_get_n_changes(publish_page), ==, n_volunteers);
	roster_publish_page_get_warnings(publish_page, &n_crisis, &n_broken);
	g_assert_cmpuint(n_crisis, >=, 1);
	g_assert_cmpuint(n_broken, >=, 1);
	g_assert_nonnull(find_by_class(root, "publish-warning"));
	save_screenshot(root, "publish-warnings");

	roster_publish_page_publish(publish_page, TRUE);
	wait_until(dialog_is_shown, NULL, "the confirmation");
	dialog = find_message_dialog();
	/* Enter does not publish a roster with a warning */
	g_assert_cmpstr(adw_message_dialog_get_default_response(dialog), ==, "cancel");
	g_assert_cmpint(adw_message_dialog_get_response_appearance(dialog, "publish"),
			==,
			ADW_RESPONSE_DESTRUCTIVE);
	save_screenshot(GTK_WIDGET(dialog), "publish-warning-confirm");
	adw_message_dialog_response(dialog, "publish");
	gtk_window_close(GTK_WINDOW(dialog));
	settle();
	wait_until(page_is_idle, publish_page, "the publish");
	settle();
	wait_until(page_is_idle, publish_page, "the publish view to reload");

	roster = api_get(fixture, roster_path_for(roster_id));
	g_assert_cmpint(json_object_get_int_member(roster, ROSTER_KEY_N_VERSIONS), ==, 1);
	/* the page refreshed on the roster just published: nothing left to change, one
	 * version listed */
	g_assert_cmpint(roster_publish_page_get_roster_id(publish_page), ==, roster_id);
	g_assert_cmpuint(roster_publish_page_get_n_changes(publish_page), ==, 0);
	g_assert_nonnull(find_by_class(root, "published-version"));
	/* nothing left to publish: no warning before it */
	g_assert_null(find_by_class(root, "publish-warning"));
	save_screenshot(root, "publish-after");
}

/* the conflicts list holds the gaps and broken rules only, each worded, and a broken
 * rule's row selects its seat in the grid */
static void
test_conflicts(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	RosterCell broken = make_conflicts(fixture, roster_id);
	RosterExplanationsPanel *panel;
	GListModel *shown;
	FindData find = {root, "explanations-panel"};
	guint position = G_MAXUINT;
	guint n_gaps = 0;
	guint n_broken = 0;

	roster_roster_page_reload(roster_page);
	wait_until(page_is_idle, roster_page, "the roster to reload");
	gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(find_by_class(root, "explanations-toggle")),
				     TRUE);
	settle();
	wait_until(class_is_shown, &find, "the explanation panel");
	panel = ROSTER_EXPLANATIONS_PANEL(find_by_class(root, "explanations-panel"));
	gtk_drop_down_set_selected(GTK_DROP_DOWN(find_by_class(root, "explanations-filter")),
				   ROSTER_EXPLANATIONS_FILTER_CONFLICTS);
	shown = roster_explanations_panel_get_shown(panel);
	for (guint i = 0; i < g_list_model_get_n_items(shown); i++) {
		g_autoptr(RosterExplanation) item = g_list_model_get_item(shown, i);
		JsonObject *object = roster_explanation_get_object(item);
		RosterExplanationCategory category = roster_explanation_get_category(item);

		g_assert_true(category == ROSTER_EXPLANATION_GAP ||
			      category == ROSTER_EXPLANATION_BROKEN_RULE);
		/* each row names its seat or person in words, never by a code */
		g_assert_cmpstr(roster_explanation_get_subtitle(item), !=, "");
		g_assert_cmpstr(roster_explanation_get_title(item),
				!=,
				json_object_get_string_member(object, ROSTER_KEY_CODE));
		if (category == ROSTER_EXPLANATION_GAP) {
			n_gaps++;
			continue;
		}
		n_broken++;
		if (g_strcmp0(roster_explanation_get_date(item), broken.date) == 0 &&
		    g_strcmp0(roster_explanation_get_slot(item), broken.slot) == 0 &&
		    position == G_MAXUINT)
			position = i;
	}
	g_assert_cmpuint(n_gaps, >=, 1);
	g_assert_cmpuint(n_broken, >=, 1);
	/* the list is every gap and every broken rule the summary counts */
	g_assert_cmpuint(n_broken, ==, roster_roster_page_get_n_broken_rules(roster_page));
	g_assert_cmpuint(position, !=, G_MAXUINT);
	save_screenshot(root, "conflicts");

	g_signal_emit_by_name(find_by_class(root, "explanations-list"), "activate", position);
	settle();
	find.css_class = "selected-seat";
	wait_until(class_is_shown, &find, "the broken rule's seat");
	g_assert_cmpstr(roster_roster_page_get_selected_date(roster_page), ==, broken.date);
	g_assert_cmpstr(roster_roster_page_get_selected_slot(roster_page), ==, broken.slot);
	g_assert_cmpint(
	    roster_seat_get_cell(ROSTER_SEAT(find_by_class(root, "selected-seat")))->seat_class_id,
	    ==,
	    broken.seat_class_id);
	save_screenshot(root, "conflicts-selected");
}

static gboolean
person_view_shown(gpointer data)
{
	GtkWindow *view = roster_roster_page_get_person_view(ROSTER_ROSTER_PAGE(data));
	return view != NULL && gtk_widget_get_mapped(GTK_WIDGET(view));
}

/* one volunteer's month from a seat's popover: their shifts and hours as the daemon
 * has them; the picker changes the person; a shift chosen selects its seat */
static void
test_person_view(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	FindData find = {root, "show-person"};
	RosterPersonView *view;
	GtkWidget *chip;
	GtkWidget *row;
	GtkDropDown *picker;
	gint64 volunteer_id;
	guint n_shifts = 0;
	guint other;

	chip = find_by_class(root, "seat-filled");
	g_assert_true(ROSTER_IS_SEAT(chip));
	volunteer_id =
	    volunteer_of(fixture, roster_id, roster_seat_get_assignment_id(ROSTER_SEAT(chip)));
	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		if (json_object_get_int_member(json_array_get_object_element(assignments, i),
					       ROSTER_KEY_VOLUNTEER_ID) == volunteer_id)
			n_shifts++;
	}
	g_assert_cmpuint(n_shifts, >, 0);
	g_signal_emit_by_name(chip, "clicked");
	wait_until(class_is_shown, &find, "the seat popover");
	g_signal_emit_by_name(find_by_class(root, "show-person"), "clicked");
	wait_until(person_view_shown, roster_page, "the person's month");
	view = ROSTER_PERSON_VIEW(roster_roster_page_get_person_view(roster_page));
	g_assert_cmpint(roster_person_view_get_volunteer(view), ==, volunteer_id);
	g_assert_cmpuint(roster_person_view_get_n_shifts(view), ==, n_shifts);
	/* the demo's slots are three hours */
	g_assert_cmpuint(roster_person_view_get_minutes(view), ==, n_shifts * 180);
	save_screenshot(GTK_WIDGET(view), "person-view");

	/* the searchable picker shows another volunteer */
	picker = GTK_DROP_DOWN(find_by_class(GTK_WIDGET(view), "person-picker"));
	g_assert_true(gtk_drop_down_get_enable_search(picker));
	other = gtk_drop_down_get_selected(picker) == 0 ? 1 : 0;
	gtk_drop_down_set_selected(picker, other);
	g_assert_cmpint(roster_person_view_get_volunteer(view), !=, volunteer_id);
	roster_person_view_set_volunteer(view, volunteer_id);
	settle();

	/* a shift chosen there selects its seat in the grid */
	row = find_by_class(GTK_WIDGET(view), "person-shift");
	g_assert_nonnull(row);
	g_signal_emit_by_name(gtk_widget_get_parent(row), "row-activated", row);
	settle();
	g_assert_nonnull(roster_roster_page_get_selected_date(roster_page));
	g_assert_nonnull(find_by_class(root, "selected-seat"));
	gtk_window_destroy(GTK_WINDOW(view));
	settle();
}

static gint
compare_lines_cb(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

/* the roster's assignments as sorted "date slot class volunteer pinned" lines */
static gchar *
dup_roster_state(UiFixture *fixture, gint64 roster_id)
{
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		g_ptr_array_add(
		    lines,
		    g_strdup_printf("%s %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d",
				    json_object_get_string_member(a, ROSTER_KEY_DATE),
				    json_object_get_string_member(a, ROSTER_KEY_SLOT),
				    json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID),
				    json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID),
				    json_object_get_boolean_member(a, ROSTER_KEY_PINNED)));
	}
	g_ptr_array_sort(lines, compare_lines_cb);
	g_ptr_array_add(lines, NULL);
	return g_strjoinv("\n", (gchar **)lines->pdata);
}

static void
activate_and_wait(RosterRosterPage *roster_page, const gchar *action, GVariant *parameter)
{
	g_assert_true(
	    gtk_widget_activate_action_variant(GTK_WIDGET(roster_page), action, parameter));
	settle();
	wait_until(page_is_idle, roster_page, action);
}

/* twelve edits (eleven pins and an unassignment), undone one by one through the same
 * API edits, leave the roster as it was */
static void
test_undo(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	g_autofree gchar *before = dup_roster_state(fixture, roster_id);
	g_autofree gchar *edited = NULL;
	g_autofree gchar *after = NULL;
	/* a counsellor's seat: emptying it leaves no trainee alone */
	GtkWidget *chip = find_by_class(root, "tier-counsellor");
	gint64 unassigned_id;
	guint n_pinned = 0;

	g_assert_true(ROSTER_IS_SEAT(chip));
	unassigned_id = roster_seat_get_assignment_id(ROSTER_SEAT(chip));
	g_assert_cmpuint(roster_roster_page_get_n_undo(roster_page), ==, 0);
	for (guint i = 0; n_pinned < 11 && i < json_array_get_length(assignments); i++) {
		gint64 id =
		    json_object_get_int_member(json_array_get_object_element(assignments, i),
					       ROSTER_KEY_ID);
		if (id == unassigned_id)
			continue;
		activate_and_wait(roster_page, "roster.pin", g_variant_new_int64(id));
		n_pinned++;
	}
	g_assert_cmpuint(n_pinned, ==, 11);
	activate_and_wait(roster_page, "roster.unassign", g_variant_new_int64(unassigned_id));
	g_assert_cmpuint(roster_roster_page_get_n_undo(roster_page), ==, 12);
	edited = dup_roster_state(fixture, roster_id);
	g_assert_cmpstr(edited, !=, before);
	save_screenshot(root, "undo-edited");
	for (guint i = 0; i < 12; i++)
		activate_and_wait(roster_page, "roster.undo", NULL);
	g_assert_cmpuint(roster_roster_page_get_n_undo(roster_page), ==, 0);
	after = dup_roster_state(fixture, roster_id);
	g_assert_cmpstr(after, ==, before);
}

/* the seat chip of an assignment in the week shown */
static GtkWidget *
find_chip(GtkWidget *root, gint64 assignment_id)
{
	for (guint i = 0;; i++) {
		guint n = i;
		GtkWidget *chip = find_nth_by_class(root, "seat-filled", &n);
		if (chip == NULL ||
		    roster_seat_get_assignment_id(ROSTER_SEAT(chip)) == assignment_id)
			return chip;
	}
}

static GtkEventController *
find_controller(GtkWidget *widget, GType type)
{
	g_autoptr(GListModel) controllers = gtk_widget_observe_controllers(widget);

	for (guint i = 0; i < g_list_model_get_n_items(controllers); i++) {
		g_autoptr(GtkEventController) controller = g_list_model_get_item(controllers, i);
		if (G_TYPE_CHECK_INSTANCE_TYPE(controller, type))
			return controller;
	}
	return NULL;
}

/* a volunteer dragged onto another's seat swaps the two through the same edit as
 * Move…, and the swap can be undone; two seats of one class in one slot, so that no
 * rule stands in the way */
static void
test_drag_and_drop(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	g_autoptr(GdkContentProvider) content = NULL;
	g_auto(GValue) dragged = G_VALUE_INIT;
	GtkEventController *source;
	GtkEventController *target;
	GtkWidget *first_chip = NULL;
	GtkWidget *second_chip = NULL;
	gint64 first = 0;
	gint64 second = 0;
	gint64 first_volunteer;
	gint64 second_volunteer;
	gboolean dropped = FALSE;

	for (guint i = 0; second_chip == NULL && i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		for (guint j = i + 1; j < json_array_get_length(assignments); j++) {
			JsonObject *b = json_array_get_object_element(assignments, j);
			if (g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_DATE),
				      json_object_get_string_member(b, ROSTER_KEY_DATE)) != 0 ||
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_SLOT),
				      json_object_get_string_member(b, ROSTER_KEY_SLOT)) != 0 ||
			    json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID) !=
				json_object_get_int_member(b, ROSTER_KEY_SEAT_CLASS_ID))
				continue;
			first = json_object_get_int_member(a, ROSTER_KEY_ID);
			second = json_object_get_int_member(b, ROSTER_KEY_ID);
			first_chip = find_chip(root, first);
			second_chip = find_chip(root, second);
			if (first_chip != NULL && second_chip != NULL)
				break;
			second_chip = NULL;
		}
	}
	g_assert_nonnull(second_chip);
	first_volunteer = volunteer_of(fixture, roster_id, first);
	second_volunteer = volunteer_of(fixture, roster_id, second);
	g_assert_cmpint(first_volunteer, !=, second_volunteer);

	/* the drag carries the assignment */
	source = find_controller(first_chip, GTK_TYPE_DRAG_SOURCE);
	g_assert_nonnull(source);
	g_signal_emit_by_name(source, "prepare", 1.0, 1.0, &content);
	g_assert_nonnull(content);
	g_value_init(&dragged, G_TYPE_INT64);
	g_assert_true(gdk_content_provider_get_value(content, &dragged, NULL));
	g_assert_cmpint(g_value_get_int64(&dragged), ==, first);

	/* dropped on the other seat: the two volunteers change places */
	target = find_controller(second_chip, GTK_TYPE_DROP_TARGET);
	g_assert_nonnull(target);
	g_signal_emit_by_name(target, "drop", &dragged, 1.0, 1.0, &dropped);
	g_assert_true(dropped);
	settle();
	wait_until(page_is_idle, roster_page, "the swap");
	g_assert_cmpint(volunteer_of(fixture, roster_id, first), ==, second_volunteer);
	g_assert_cmpint(volunteer_of(fixture, roster_id, second), ==, first_volunteer);
	g_assert_cmpuint(roster_roster_page_get_n_undo(roster_page), ==, 1);
	save_screenshot(root, "drag-and-drop");

	/* a seat dropped on itself is no edit */
	first_chip = find_chip(root, first);
	target = find_controller(first_chip, GTK_TYPE_DROP_TARGET);
	g_value_set_int64(&dragged, first);
	g_signal_emit_by_name(target, "drop", &dragged, 1.0, 1.0, &dropped);
	g_assert_false(dropped);

	activate_and_wait(roster_page, "roster.undo", NULL);
	g_assert_cmpint(volunteer_of(fixture, roster_id, first), ==, first_volunteer);
	g_assert_cmpint(volunteer_of(fixture, roster_id, second), ==, second_volunteer);
}

static GtkWidget *
focused_widget(UiFixture *fixture)
{
	return gtk_root_get_focus(GTK_ROOT(fixture->window));
}

/* the keyboard across seats: Right goes to the seat at the same place a day later,
 * Down to the next seat of the cell or the slot below; Enter on a seat opens its
 * popover with Move… focused, and Enter there starts the move */
static void
test_keyboard(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterWeekGrid *grid;
	GtkWidget *chip;
	GtkWidget *next;
	RosterCell from;
	RosterCell to;
	FindData find = {root, "move-bar"};

	show_solved_roster(fixture);
	grid = ROSTER_WEEK_GRID(find_by_class(root, "week-grid"));
	chip = find_by_class(root, "seat-filled");
	g_assert_true(ROSTER_IS_SEAT(chip));
	from = *roster_seat_get_cell(ROSTER_SEAT(chip));
	g_assert_true(gtk_widget_grab_focus(chip));
	/* what the arrow keys do */
	g_assert_true(roster_week_grid_move_focus(grid, GTK_DIR_RIGHT));
	next = focused_widget(fixture);
	g_assert_true(ROSTER_IS_SEAT(next));
	to = *roster_seat_get_cell(ROSTER_SEAT(next));
	g_assert_cmpstr(to.date, >, from.date);
	g_assert_cmpstr(to.slot, ==, from.slot);
	g_assert_true(roster_week_grid_move_focus(grid, GTK_DIR_LEFT));
	g_assert_true(focused_widget(fixture) == chip);
	g_assert_true(roster_week_grid_move_focus(grid, GTK_DIR_DOWN));
	next = focused_widget(fixture);
	g_assert_true(ROSTER_IS_SEAT(next) && next != chip);
	to = *roster_seat_get_cell(ROSTER_SEAT(next));
	g_assert_cmpstr(to.date, ==, from.date);
	g_assert_cmpstr(to.slot, >=, from.slot);
	g_assert_true(roster_week_grid_move_focus(grid, GTK_DIR_UP));
	g_assert_true(focused_widget(fixture) == chip);

	/* Enter (activate) opens the popover; Move… has the focus */
	gtk_widget_activate(chip);
	settle();
	next = find_by_class(root, "move");
	g_assert_nonnull(next);
	g_assert_true(focused_widget(fixture) == next);
	gtk_widget_activate(next);
	settle();
	wait_until(class_is_shown, &find, "the move bar");
	save_screenshot(root, "keyboard-move");
}

/* a published shift confirmed (as by the volunteer's page or reminder link) carries a
 * mark in the grid, and no other seat does */
static void
test_confirmed_mark(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	g_autofree gchar *publish_path =
	    g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/publish", roster_id);
	g_autofree gchar *body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", revision_of(fixture, roster_id));
	g_autofree gchar *confirm_path = NULL;
	g_autoptr(JsonObject) published = NULL;
	g_autoptr(JsonObject) confirmed = NULL;
	GtkWidget *chip = find_by_class(root, "seat-filled");
	GtkWidget *mark;
	gint64 assignment_id;
	guint n = 1;

	g_assert_true(ROSTER_IS_SEAT(chip));
	assignment_id = roster_seat_get_assignment_id(ROSTER_SEAT(chip));
	published = api_call(fixture, "POST", publish_path, body);
	roster_roster_page_reload(roster_page);
	wait_until(page_is_idle, roster_page, "the published roster");
	g_assert_null(find_by_class(root, "seat-confirmed"));

	confirm_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
				       "/confirm",
				       roster_id,
				       assignment_id);
	confirmed = api_call(fixture, "POST", confirm_path, NULL);
	roster_roster_page_reload(roster_page);
	wait_until(page_is_idle, roster_page, "the confirmed roster");
	settle();
	mark = find_by_class(root, "seat-confirmed");
	g_assert_nonnull(mark);
	g_assert_cmpint(roster_seat_get_assignment_id(ROSTER_SEAT(mark)), ==, assignment_id);
	g_assert_null(find_nth_by_class(root, "seat-confirmed", &n));
	g_assert_nonnull(strstr(gtk_widget_get_tooltip_text(mark), "·"));
	save_screenshot(root, "confirmed-mark");

	/* the month overview marks the day of the confirmed shift, and no other */
	roster_roster_page_set_month_view(roster_page, TRUE);
	settle();
	n = 1;
	mark = find_by_class(root, "day-confirmed");
	g_assert_true(GTK_IS_LABEL(mark));
	g_assert_true(gtk_widget_is_drawable(mark));
	g_assert_true(g_str_has_prefix(gtk_label_get_text(GTK_LABEL(mark)), "✓"));
	g_assert_null(find_nth_by_class(root, "day-confirmed", &n));
	save_screenshot(root, "confirmed-month");
	roster_roster_page_set_month_view(roster_page, FALSE);
	settle();
}

static gchar *
dup_command_output(const gchar *const *argv)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GSubprocess) process =
	    g_subprocess_newv(argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
	gchar *output = NULL;

	g_assert_no_error(error);
	g_assert_true(g_subprocess_communicate_utf8(process, NULL, NULL, &output, NULL, &error));
	g_assert_no_error(error);
	return output;
}

/* the print as PDF: one page per week the period touches, in a CJK font, with the
 * names and the page numbers on it; a folder that does not exist fails cleanly */
static void
test_print_pdf(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	const gchar *lang = g_getenv("ROSTER_SCREENSHOT_LANG");
	g_autofree gchar *name = g_strdup_printf("roster-print-%s.pdf", lang != NULL ? lang : "C");
	g_autofree gchar *dir = g_build_filename(g_getenv("G_TEST_BUILDDIR"), "screenshots", NULL);
	g_autofree gchar *path = g_build_filename(dir, name, NULL);
	g_autofree gchar *bad_path = g_build_filename(fixture->tmpdir, "none", "roster.pdf", NULL);
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	GtkWidget *chip = find_by_class(root, "seat-filled");
	gint64 volunteer_id =
	    volunteer_of(fixture, roster_id, roster_seat_get_assignment_id(ROSTER_SEAT(chip)));
	g_autofree gchar *volunteer_path =
	    g_strdup_printf("/volunteers/%" G_GINT64_FORMAT, volunteer_id);
	g_autoptr(JsonObject) volunteer = api_get(fixture, volunteer_path);
	g_autoptr(JsonObject) roster_object = api_get(fixture, roster_path_for(roster_id));
	g_autoptr(RosterRoster) roster = roster_roster_new(roster_object);
	g_autofree gchar *pdfinfo = g_find_program_in_path("pdfinfo");
	g_autofree gchar *pdftotext = g_find_program_in_path("pdftotext");

	/* December 2026 runs from a Tuesday to a Thursday: five weeks from Monday; the file
	 * stays beside the screenshots, to be looked at */
	g_mkdir_with_parents(dir, 0755);
	g_assert_true(roster_roster_page_export_pdf(roster_page, path, &error));
	g_assert_no_error(error);
	g_assert_true(g_file_get_contents(path, &contents, &length, &error));
	g_assert_no_error(error);
	g_assert_true(g_str_has_prefix(contents, "%PDF-"));
	if (pdfinfo != NULL) {
		const gchar *argv[] = {pdfinfo, path, NULL};
		g_autofree gchar *info = dup_command_output(argv);
		const gchar *pages = strstr(info, "Pages:");
		g_assert_nonnull(pages);
		g_assert_cmpint(g_ascii_strtoll(pages + strlen("Pages:"), NULL, 10), ==, 5);
		g_assert_cmpuint(roster_print_count_weeks(roster), ==, 5);
		/* the CJK font is embedded */
		{
			const gchar *fonts_argv[] = {"pdffonts", path, NULL};
			g_autofree gchar *fonts = dup_command_output(fonts_argv);
			g_assert_nonnull(strstr(fonts, "CJK"));
		}
	} else {
		g_test_message("pdfinfo not found: the page count is not checked");
	}
	if (pdftotext != NULL) {
		const gchar *argv[] = {pdftotext, path, "-", NULL};
		g_autofree gchar *text = dup_command_output(argv);
		gboolean chinese = g_strcmp0(lang, "zh_CN") == 0;
		g_assert_nonnull(
		    strstr(text, json_object_get_string_member(volunteer, ROSTER_KEY_NAME)));
		/* every page is numbered, in the language of the app */
		g_assert_nonnull(strstr(text, chinese ? "第 1 页，共 5 页" : "Page 1 of 5"));
		g_assert_nonnull(strstr(text, chinese ? "第 5 页，共 5 页" : "Page 5 of 5"));
		g_assert_null(strstr(text, chinese ? "第 6 页" : "Page 6"));
	} else {
		g_test_message("pdftotext not found: the names are not checked");
	}

	g_assert_false(roster_roster_page_export_pdf(roster_page, bad_path, &error));
	g_assert_nonnull(error);
	g_assert_false(g_file_test(bad_path, G_FILE_TEST_EXISTS));
}

/**
 * roster_app_ui_add_views_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the roster views' test paths, skipped without a display.
 */
void
roster_app_ui_add_views_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/views/publish-checks", test_publish_checks},
	    {"/roster/app-ui/views/conflicts", test_conflicts},
	    {"/roster/app-ui/views/person-view", test_person_view},
	    {"/roster/app-ui/views/undo", test_undo},
	    {"/roster/app-ui/views/drag-and-drop", test_drag_and_drop},
	    {"/roster/app-ui/views/keyboard", test_keyboard},
	    {"/roster/app-ui/views/confirmed-mark", test_confirmed_mark},
	    {"/roster/app-ui/views/print-pdf", test_print_pdf},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
