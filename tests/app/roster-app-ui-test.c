/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "roster-app-ui-fixture.h"
#include "roster-data-dirs.h"
#include "roster-date-button.h"
#include "roster-date.h"
#include "roster-item.h"
#include "roster-json-keys.h"
#include "roster-publish-page.h"
#include "roster-records-page.h"
#include "roster-reports-page.h"
#include "roster-roster-page.h"
#include "roster-seats-page.h"
#include "roster-volunteers-page.h"
#include "roster-window.h"

/*
 * A month of work through the app against a real daemon: a demo city hotline made by roster-tool
 * seed-demo, the daemon on a free loopback port, and the window driven as a coordinator would
 * (create a month, solve it to the end, unassign and assign a seat from the grid,
 * publish through the confirmation dialog). The results are checked through the
 * daemon's API, and every view is saved as a PNG in the build folder, named after
 * the language in ROSTER_SCREENSHOT_LANG.
 */

static void
test_month_of_work(UiFixture *fixture, gconstpointer user_data)
{
	RosterRosterPage *roster_page;
	RosterPublishPage *publish_page;
	RosterVolunteersPage *volunteers_page;
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *chip;
	GtkWidget *button;
	g_autoptr(JsonObject) roster = NULL;
	g_autofree gchar *roster_path = NULL;
	g_autofree gchar *versions_path = NULL;
	g_autoptr(JsonObject) versions = NULL;
	FindData find = {root, NULL};
	gint64 roster_id;
	gint64 n_before;
	AdwMessageDialog *dialog;

	roster_page = ROSTER_ROSTER_PAGE(roster_window_get_page(fixture->window, "roster"));
	publish_page = ROSTER_PUBLISH_PAGE(roster_window_get_page(fixture->window, "publish"));

	/* log in through the connect dialog's result: the window takes the client */
	roster_window_set_client(fixture->window, fixture->client);
	wait_until(page_is_idle, roster_page, "the roster view to load");
	save_screenshot(root, "roster-empty");

	/* a coordinator makes December and solves it through the Solve button's action */
	roster_roster_page_create_roster(roster_page, "2026-12-01");
	wait_until(roster_page_has_roster, roster_page, "the new roster");
	roster_id = roster_roster_page_get_roster_id(roster_page);
	roster_roster_page_set_time_limit(roster_page, 2);
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.solve", NULL));
	g_assert_true(roster_roster_page_get_solving(roster_page));
	save_screenshot(root, "solve-progress");
	wait_until(roster_page_solved, roster_page, "the solve to finish");
	n_before = count_assignments(fixture, roster_id);
	g_assert_cmpint(n_before, >, 0);
	save_screenshot(root, "roster-week");

	/* unassign a seat from its popover, then fill the empty seat from the suggestions; a
	 * counsellor's, which no trainee beside it needs and which is no trainee place */
	chip = find_by_class(root, "tier-counsellor");
	g_assert_nonnull(chip);
	g_signal_emit_by_name(chip, "clicked");
	find.css_class = "unassign";
	wait_until(class_is_shown, &find, "the seat popover");
	save_screenshot(gtk_widget_get_ancestor(find_by_class(root, "unassign"), GTK_TYPE_POPOVER),
			"seat-popover");
	g_signal_emit_by_name(find_by_class(root, "unassign"), "clicked");
	wait_until(page_is_idle, roster_page, "the roster to reload");
	settle();
	g_assert_cmpint(count_assignments(fixture, roster_id), ==, n_before - 1);

	chip = find_by_class(root, "seat-empty");
	g_assert_nonnull(chip);
	g_signal_emit_by_name(chip, "clicked");
	find.css_class = "suggestion";
	wait_until(class_is_shown, &find, "the suggestions");
	button = find_by_class(root, "suggestion");
	/* a popover is a surface of its own, so it gets its own picture */
	save_screenshot(gtk_widget_get_ancestor(button, GTK_TYPE_POPOVER), "suggestions");
	g_signal_emit_by_name(button, "clicked");
	settle();
	wait_until(page_is_idle, roster_page, "the roster to reload");
	g_assert_cmpint(count_assignments(fixture, roster_id), ==, n_before);

	/* Move… from a seat's popover shows the move bar; the same seat again cancels it */
	chip = find_by_class(root, "seat-filled");
	g_signal_emit_by_name(chip, "clicked");
	find.css_class = "move";
	wait_until(class_is_shown, &find, "the seat popover");
	g_signal_emit_by_name(find_by_class(root, "move"), "clicked");
	settle();
	g_assert_nonnull(find_by_class(root, "move-bar"));
	save_screenshot(root, "roster-move");
	g_signal_emit_by_name(find_by_class(root, "seat-filled"), "clicked");
	settle();
	g_assert_null(find_by_class(root, "move-bar"));

	/* Move… on one seat, then a click on another taken seat swaps the two volunteers */
	{
		guint n = 1;
		GtkWidget *first = find_by_class(root, "seat-filled");
		GtkWidget *second = find_nth_by_class(root, "seat-filled", &n);
		gint64 first_id =
		    (gint64)GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(first), "assignment-id"));
		gint64 second_id =
		    (gint64)GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(second), "assignment-id"));
		gint64 first_volunteer = volunteer_of(fixture, roster_id, first_id);
		gint64 second_volunteer = volunteer_of(fixture, roster_id, second_id);

		g_signal_emit_by_name(first, "clicked");
		find.css_class = "move";
		wait_until(class_is_shown, &find, "the seat popover");
		g_signal_emit_by_name(find_by_class(root, "move"), "clicked");
		settle();
		g_signal_emit_by_name(second, "clicked");
		settle();
		/* two seats of different modes may break a rule: then swap anyway */
		wait_until(swap_answered, roster_page, "the swap");
		dialog = find_message_dialog();
		if (dialog != NULL) {
			adw_message_dialog_response(dialog, "override");
			gtk_window_close(GTK_WINDOW(dialog));
			wait_until(dialog_is_gone, NULL, "the override question to close");
			settle();
			wait_until(page_is_idle, roster_page, "the overridden swap");
		}
		g_assert_cmpint(volunteer_of(fixture, roster_id, first_id), ==, second_volunteer);
		g_assert_cmpint(volunteer_of(fixture, roster_id, second_id), ==, first_volunteer);
	}

	/* moving a counsellor onto the crisis seat breaks a hard rule: the daemon's 422
	 * becomes the question whether to assign anyway, and yes records an override */
	{
		g_autoptr(JsonObject) counsellors =
		    api_get(fixture, "/volunteers?tier=counsellor&limit=500");
		g_autoptr(JsonObject) crisis = api_get(fixture, "/seat-classes?q=crisis");
		g_autoptr(JsonObject) current = api_get(fixture, roster_path_for(roster_id));
		JsonArray *people = json_object_get_array_member(counsellors, ROSTER_KEY_ITEMS);
		JsonArray *assignments =
		    json_object_get_array_member(current, ROSTER_KEY_ASSIGNMENTS);
		gint64 crisis_id = json_object_get_int_member(
		    json_array_get_object_element(
			json_object_get_array_member(crisis, ROSTER_KEY_ITEMS),
			0),
		    ROSTER_KEY_ID);
		JsonObject *moved = NULL;
		const gchar *moved_name = NULL;
		g_autoptr(JsonObject) after = NULL;
		gint64 moved_id;
		const gchar *moved_date;

		for (guint i = 0; moved == NULL && i < json_array_get_length(assignments); i++) {
			JsonObject *a = json_array_get_object_element(assignments, i);
			for (guint j = 0; j < json_array_get_length(people); j++) {
				JsonObject *person = json_array_get_object_element(people, j);
				if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) ==
				    json_object_get_int_member(person, ROSTER_KEY_ID)) {
					moved = a;
					moved_name =
					    json_object_get_string_member(person, ROSTER_KEY_NAME);
					break;
				}
			}
		}
		g_assert_nonnull(moved);
		moved_id = json_object_get_int_member(moved, ROSTER_KEY_ID);
		moved_date = json_object_get_string_member(moved, ROSTER_KEY_DATE);
		roster_roster_page_move_assignment(roster_page,
						   moved_id,
						   moved_date,
						   "20:00",
						   crisis_id);
		wait_until(dialog_is_shown, NULL, "the override question");
		dialog = find_message_dialog();
		g_assert_true(dialog == roster_roster_page_get_override_dialog(roster_page));
		/* the question names the volunteer the refused move was about */
		g_assert_nonnull(strstr(adw_message_dialog_get_body(dialog), moved_name));
		save_screenshot(GTK_WIDGET(dialog), "override");
		adw_message_dialog_response(dialog, "override");
		gtk_window_close(GTK_WINDOW(dialog));
		wait_until(dialog_is_gone, NULL, "the override question to close");
		settle();
		wait_until(page_is_idle, roster_page, "the overridden move");
		after = api_get(fixture, roster_path_for(roster_id));
		assignments = json_object_get_array_member(after, ROSTER_KEY_ASSIGNMENTS);
		for (guint i = 0; i < json_array_get_length(assignments); i++) {
			JsonObject *a = json_array_get_object_element(assignments, i);
			if (json_object_get_int_member(a, ROSTER_KEY_ID) != moved_id)
				continue;
			g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID),
					==,
					crisis_id);
			g_assert_cmpstr(json_object_get_string_member(a, ROSTER_KEY_SOURCE),
					==,
					"override");
		}
		/* the summary counts the rule the override broke */
		g_assert_cmpuint(roster_roster_page_get_n_broken_rules(roster_page), >, 0);
	}

	roster_roster_page_set_month_view(roster_page, TRUE);
	save_screenshot(root, "roster-month");
	roster_roster_page_set_month_view(roster_page, FALSE);

	/* the other views */
	roster_window_set_view(fixture->window, "volunteers");
	volunteers_page =
	    ROSTER_VOLUNTEERS_PAGE(roster_window_get_page(fixture->window, "volunteers"));
	roster_volunteers_page_select(volunteers_page, 0);
	g_signal_emit_by_name(find_by_class(root, "calendar-link"), "clicked");
	wait_until(calendar_url_is_set, volunteers_page, "the calendar link");
	g_assert_true(g_str_has_prefix(roster_volunteers_page_get_calendar_url(volunteers_page),
				       "http://127.0.0.1:"));
	save_screenshot(root, "volunteers");

	/* availability of the selected volunteer: add, refuse, edit and delete an entry */
	{
		GListModel *entries;
		guint n_entries;
		g_autoptr(RosterItem) entry = NULL;
		g_autofree gchar *entry_path = NULL;
		g_autoptr(JsonObject) saved = NULL;

		wait_until(availability_idle, volunteers_page, "the availability");
		entries = roster_volunteers_page_get_availability_model(volunteers_page);
		g_assert_nonnull(entries);
		n_entries = g_list_model_get_n_items(entries);
		adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "availability-day")),
					   1);
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "availability-start")),
				      "19:00");
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "availability-end")),
				      "23:00");
		roster_volunteers_page_save_availability(volunteers_page);
		settle();
		wait_until(availability_idle, volunteers_page, "the new availability entry");
		entries = roster_volunteers_page_get_availability_model(volunteers_page);
		g_assert_cmpuint(g_list_model_get_n_items(entries), ==, n_entries + 1);

		/* a start without an end: the daemon's 422 marks the end row */
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "availability-start")),
				      "08:00");
		roster_volunteers_page_save_availability(volunteers_page);
		find.css_class = "availability-end";
		wait_until(availability_idle, volunteers_page, "the refused entry");
		g_assert_true(
		    gtk_widget_has_css_class(find_by_class(root, "availability-end"), "error"));
		gtk_widget_grab_focus(find_by_class(root, "availability-end"));
		save_screenshot(root, "volunteer-availability");

		/* edit the first entry into a preferred one, then delete it */
		entry = g_list_model_get_item(entries, 0);
		g_signal_emit_by_name(find_by_class(root, "availability-edit"), "clicked");
		settle();
		adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "availability-kind")),
					   1);
		roster_volunteers_page_save_availability(volunteers_page);
		settle();
		wait_until(availability_idle, volunteers_page, "the edited entry");
		entry_path = g_strdup_printf("/volunteers/%" G_GINT64_FORMAT
					     "/availability/%" G_GINT64_FORMAT,
					     roster_item_get_int(entry, ROSTER_KEY_VOLUNTEER_ID, 0),
					     roster_item_get_id(entry));
		saved = api_get(fixture, entry_path);
		g_assert_cmpstr(json_object_get_string_member(saved, ROSTER_KEY_KIND),
				==,
				ROSTER_AVAILABILITY_PREFERRED);
		g_signal_emit_by_name(find_by_class(root, "availability-delete"), "clicked");
		settle();
		wait_until(availability_idle, volunteers_page, "the deleted entry");
		entries = roster_volunteers_page_get_availability_model(volunteers_page);
		g_assert_cmpuint(g_list_model_get_n_items(entries), ==, n_entries);
	}

	/* a new volunteer without a name: the daemon's 422 marks the name row */
	roster_volunteers_page_new_volunteer(volunteers_page);
	roster_volunteers_page_save(volunteers_page);
	find.css_class = "error";
	wait_until(class_is_shown, &find, "the validation message");
	save_screenshot(root, "volunteer-invalid");

	/* import two volunteers from CSV */
	{
		const gchar *csv = "工号,姓名,级别,坐席方式\n"
				   "C901,韩梅,咨询师,云坐席\n"
				   "C903,林涛,见习,坐班\n";
		g_autofree gchar *path = g_build_filename(fixture->tmpdir, "volunteers.csv", NULL);
		g_autoptr(GFile) file = g_file_new_for_path(path);
		g_autoptr(JsonObject) found = NULL;

		g_assert_true(g_file_set_contents(path, csv, -1, NULL));
		roster_volunteers_page_import_file(volunteers_page, file);
		wait_until(dialog_is_shown, NULL, "the import result");
		dialog = find_message_dialog();
		save_screenshot(GTK_WIDGET(dialog), "import-result");
		adw_message_dialog_response(dialog, "close");
		/* a response from code does not close the dialog as a click does */
		gtk_window_close(GTK_WINDOW(dialog));
		wait_until(dialog_is_gone, NULL, "the import result to close");
		found = api_get(fixture, "/volunteers?q=C90");
		g_assert_cmpint(json_object_get_int_member(found, ROSTER_KEY_TOTAL), ==, 2);
		g_unlink(path);
	}
	/* seats and demand: edit a rule, add and delete a seat class, refuse a bad rule */
	{
		RosterSeatsPage *seats_page =
		    ROSTER_SEATS_PAGE(roster_window_get_page(fixture->window, "seats"));
		g_autoptr(RosterItem) rule = NULL;
		g_autofree gchar *rule_path = NULL;
		g_autoptr(JsonObject) saved = NULL;
		GtkSpinButton *seats_spin;
		guint n_classes;

		roster_window_set_view(fixture->window, "seats");
		roster_seats_page_reload(seats_page);
		wait_until(page_is_idle, seats_page, "the seats view");
		settle();
		/* the demo calendar has 3-hour slots from 08:00, every one manned */
		g_assert_nonnull(roster_seats_page_get_preview_text(seats_page, 1, 7));
		g_assert_null(roster_seats_page_get_preview_text(seats_page, 1, 8));
		save_screenshot(root, "seats");
		/* the preview lies below the fold: a picture of its own */
		save_screenshot(find_by_class(root, "seats-preview"), "seats-preview");

		rule = g_list_model_get_item(roster_seats_page_get_rules_model(seats_page), 0);
		g_signal_emit_by_name(find_by_class(root, "demand-rule-edit"), "clicked");
		settle();
		seats_spin = GTK_SPIN_BUTTON(find_by_class(root, "rule-seats-spin"));
		gtk_spin_button_set_value(seats_spin, gtk_spin_button_get_value(seats_spin) + 1);
		roster_seats_page_save_rule(seats_page);
		settle();
		wait_until(page_is_idle, seats_page, "the edited rule");
		rule_path =
		    g_strdup_printf("/demand-rules/%" G_GINT64_FORMAT, roster_item_get_id(rule));
		saved = api_get(fixture, rule_path);
		g_assert_cmpint(json_object_get_int_member(saved, ROSTER_KEY_SEATS),
				==,
				roster_item_get_int(rule, ROSTER_KEY_SEATS, 0) + 1);
		g_assert_cmpint(json_object_get_int_member(saved, ROSTER_KEY_REVISION),
				==,
				roster_item_get_revision(rule) + 1);

		n_classes =
		    g_list_model_get_n_items(roster_seats_page_get_classes_model(seats_page));
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "class-code")), "legal");
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "class-name")), "法律援助");
		/* trainee places and the seats kept under shortage reach the daemon */
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "class-places-spin")),
					  2);
		gtk_spin_button_set_value(
		    GTK_SPIN_BUTTON(find_by_class(root, "class-min-seats-spin")),
		    0);
		roster_seats_page_save_class(seats_page);
		settle();
		wait_until(page_is_idle, seats_page, "the new seat class");
		settle();
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_seats_page_get_classes_model(seats_page)),
		    ==,
		    n_classes + 1);
		{
			g_autoptr(RosterItem) added =
			    g_list_model_get_item(roster_seats_page_get_classes_model(seats_page),
						  n_classes);
			g_autofree gchar *class_path =
			    g_strdup_printf("/seat-classes/%" G_GINT64_FORMAT,
					    roster_item_get_id(added));
			g_autoptr(JsonObject) stored = api_get(fixture, class_path);
			g_assert_cmpint(
			    json_object_get_int_member(stored, ROSTER_KEY_TRAINEE_PLACES),
			    ==,
			    2);
			g_assert_cmpint(json_object_get_int_member(stored, ROSTER_KEY_MIN_SEATS),
					==,
					0);
		}
		g_signal_emit_by_name(find_last_by_class(root, "seat-class-delete"), "clicked");
		settle();
		wait_until(page_is_idle, seats_page, "the deleted seat class");
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_seats_page_get_classes_model(seats_page)),
		    ==,
		    n_classes);

		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "rule-end")), "25:00");
		roster_seats_page_save_rule(seats_page);
		settle();
		wait_until(page_is_idle, seats_page, "the refused rule");
		g_assert_true(gtk_widget_has_css_class(find_by_class(root, "rule-end"), "error"));
		gtk_widget_grab_focus(find_by_class(root, "rule-end"));
		save_screenshot(root, "seats-rule-invalid");
	}

	/* publish through the confirmation dialog */
	roster_window_set_view(fixture->window, "publish");
	roster_publish_page_reload(publish_page);
	wait_until(page_is_idle, publish_page, "the publish view");
	save_screenshot(root, "publish");
	roster_publish_page_publish(publish_page, TRUE);
	wait_until(dialog_is_shown, NULL, "the confirmation");
	dialog = find_message_dialog();
	save_screenshot(GTK_WIDGET(dialog), "publish-confirm");
	adw_message_dialog_response(dialog, "publish");
	gtk_window_close(GTK_WINDOW(dialog));
	settle();
	wait_until(page_is_idle, publish_page, "the publish");
	settle();
	wait_until(page_is_idle, publish_page, "the publish view to reload");
	save_screenshot(root, "publish-done");

	roster_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT, roster_id);
	roster = api_get(fixture, roster_path);
	g_assert_cmpstr(json_object_get_string_member(roster, ROSTER_KEY_STATE),
			==,
			ROSTER_STATE_PUBLISHED);
	g_assert_cmpint(json_object_get_int_member(roster, ROSTER_KEY_N_VERSIONS), ==, 1);
	versions_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/versions", roster_id);
	versions = api_get(fixture, versions_path);
	g_assert_cmpint(json_object_get_int_member(versions, ROSTER_KEY_TOTAL), ==, 1);
	/* the version shows when it was published as a local time, not the daemon's text */
	{
		JsonObject *version = json_array_get_object_element(
		    json_object_get_array_member(versions, ROSTER_KEY_ITEMS),
		    0);
		const gchar *created = json_object_get_string_member(version, ROSTER_KEY_CREATED);
		g_autofree gchar *when = roster_date_format_timestamp(created);
		const gchar *subtitle = adw_action_row_get_subtitle(
		    ADW_ACTION_ROW(find_by_class(root, "published-version")));

		g_assert_true(g_str_has_prefix(subtitle, when));
		g_assert_null(strstr(subtitle, created));
	}

	/* records: the first day's shifts all attended, one of them late */
	{
		RosterRecordsPage *records_page =
		    ROSTER_RECORDS_PAGE(roster_window_get_page(fixture->window, "records"));
		g_autoptr(JsonObject) attendance = NULL;

		roster_window_set_view(fixture->window, "records");
		roster_records_page_set_date(records_page, "2026-12-01");
		roster_records_page_reload(records_page);
		wait_until(page_is_idle, records_page, "the records");
		settle();
		find.css_class = "attendance-status";
		wait_until(class_is_shown, &find, "the day's shifts");
		button = find_by_class(root, "attendance-status");
		g_signal_emit_by_name(button, "clicked");
		settle();
		wait_until(page_is_idle, records_page, "the attendance");
		/* the first shift's Late button, 25 minutes late */
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "late-minutes")), 25);
		{
			guint n = 1;
			button = find_nth_by_class(root, "attendance-status", &n);
		}
		g_signal_emit_by_name(button, "clicked");
		settle();
		wait_until(page_is_idle, records_page, "the late attendance");
		g_signal_emit_by_name(find_by_class(root, "confirm-day"), "clicked");
		settle();
		wait_until(page_is_idle, records_page, "the day's confirmation");
		save_screenshot(root, "records");
		attendance = api_get(fixture, "/attendance?from=2026-12-01&to=2026-12-01");
		g_assert_cmpint(json_object_get_int_member(attendance, ROSTER_KEY_TOTAL), >, 1);
		{
			JsonArray *items =
			    json_object_get_array_member(attendance, ROSTER_KEY_ITEMS);
			gboolean late_found = FALSE;
			for (guint i = 0; i < json_array_get_length(items); i++) {
				JsonObject *record = json_array_get_object_element(items, i);
				late_found |=
				    json_object_get_int_member_with_default(record,
									    "late_minutes",
									    0) == 25;
			}
			g_assert_true(late_found);
		}
	}

	/* records: a training record and a rating through the forms, a refused one, and a
	 * promotion once the rules ask little enough for a trainee to qualify */
	{
		RosterRecordsPage *records_page =
		    ROSTER_RECORDS_PAGE(roster_window_get_page(fixture->window, "records"));
		g_autoptr(JsonObject) settings = NULL;
		g_autoptr(JsonObject) promoted = NULL;
		g_autoptr(RosterItem) candidate = NULL;
		g_autofree gchar *volunteer_path = NULL;
		GDate future;
		guint n_training;
		guint n_ratings;

		settings = api_call(fixture,
				    "PUT",
				    "/record-settings",
				    "{\"promotion_rules\":[{\"from\":\"trainee\",\"to\":"
				    "\"counsellor\",\"service_hours\":0,\"supervision_hours\":0,"
				    "\"min_average_rating\":0,\"last_n_ratings\":1,"
				    "\"max_no_shows\":5}]}");
		roster_records_page_reload(records_page);
		wait_until(page_is_idle, records_page, "the records");
		settle();
		n_training =
		    g_list_model_get_n_items(roster_records_page_get_training_model(records_page));
		n_ratings =
		    g_list_model_get_n_items(roster_records_page_get_ratings_model(records_page));
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "training-hours")),
					  3.5);
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "training-verified")),
				      "督导 王老师");
		roster_records_page_add_training(records_page);
		settle();
		wait_until(page_is_idle, records_page, "the training record");
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_records_page_get_training_model(records_page)),
		    ==,
		    n_training + 1);
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "rating-score")), 5);
		roster_records_page_add_rating(records_page);
		settle();
		wait_until(page_is_idle, records_page, "the rating");
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_records_page_get_ratings_model(records_page)),
		    ==,
		    n_ratings + 1);

		/* a training date in the future, picked on the calendar, is refused and its
		 * row marked */
		g_date_clear(&future, 1);
		g_date_set_dmy(&future, 1, G_DATE_JANUARY, 2099);
		roster_date_button_set_date(
		    GTK_MENU_BUTTON(find_by_class(root, "training-date-button")),
		    &future);
		roster_records_page_add_training(records_page);
		settle();
		wait_until(page_is_idle, records_page, "the refused training record");
		g_assert_true(
		    gtk_widget_has_css_class(find_by_class(root, "training-date"), "error"));
		gtk_widget_grab_focus(find_by_class(root, "training-date"));
		save_screenshot(root, "records-forms");

		g_assert_cmpuint(g_list_model_get_n_items(
				     roster_records_page_get_candidates_model(records_page)),
				 >,
				 0);
		candidate =
		    g_list_model_get_item(roster_records_page_get_candidates_model(records_page),
					  0);
		g_signal_emit_by_name(find_by_class(root, "promote"), "clicked");
		settle();
		wait_until(page_is_idle, records_page, "the promotion");
		volunteer_path =
		    g_strdup_printf("/volunteers/%" G_GINT64_FORMAT,
				    roster_item_get_int(candidate, ROSTER_KEY_VOLUNTEER_ID, 0));
		promoted = api_get(fixture, volunteer_path);
		g_assert_cmpstr(json_object_get_string_member(promoted, ROSTER_KEY_TIER),
				==,
				ROSTER_TIER_COUNSELLOR);
	}

	/* the manager's reports */
	roster_window_set_view(fixture->window, "reports");
	roster_reports_page_reload(
	    ROSTER_REPORTS_PAGE(roster_window_get_page(fixture->window, "reports")));
	wait_until(page_is_idle, roster_window_get_page(fixture->window, "reports"), "the reports");
	save_screenshot(root, "reports");

	/* a date range with no records empties the table; the star column reads all time */
	{
		RosterReportsPage *reports_page =
		    ROSTER_REPORTS_PAGE(roster_window_get_page(fixture->window, "reports"));
		GListModel *rows = roster_reports_page_get_model(reports_page);
		g_autofree gchar *stars = NULL;

		if (g_list_model_get_n_items(rows) > 0) {
			g_autoptr(RosterItem) row = g_list_model_get_item(rows, 0);
			stars = roster_reports_page_dup_stars_text(
			    reports_page,
			    roster_item_get_int(row, ROSTER_KEY_VOLUNTEER_ID, 0));
			g_assert_nonnull(stars);
		}
		roster_reports_page_set_range(reports_page, "2030-02-28", "2030-01-01");
		wait_until(page_is_idle, reports_page, "the report of an empty range");
		g_assert_cmpuint(g_list_model_get_n_items(rows), ==, 0);
		g_assert_cmpstr(
		    gtk_menu_button_get_label(GTK_MENU_BUTTON(find_by_class(root, "range-from"))),
		    ==,
		    "2030-01-01");
		roster_reports_page_set_range(reports_page, "2026-01-01", NULL);
		wait_until(page_is_idle, reports_page, "the report of this year");
		settle();
		save_screenshot(root, "reports-range");
	}

	/* the connect dialog */
	roster_window_show_connect(fixture->window);
	settle();
	{
		GListModel *toplevels = gtk_window_get_toplevels();
		for (guint i = 0; i < g_list_model_get_n_items(toplevels); i++) {
			g_autoptr(GtkWidget) window = g_list_model_get_item(toplevels, i);
			if (window != root && gtk_widget_get_mapped(window) &&
			    !ADW_IS_MESSAGE_DIALOG(window)) {
				save_screenshot(window, "connect");
				gtk_window_destroy(GTK_WINDOW(window));
				break;
			}
		}
	}
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, roster_data_dirs_locale_dir());
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);
	g_test_init(&argc, &argv, NULL);
	if ((g_getenv("DISPLAY") == NULL && g_getenv("WAYLAND_DISPLAY") == NULL) ||
	    !gtk_init_check()) {
		g_test_add_func("/roster/app-ui/month-of-work", skip_no_display);
		roster_app_ui_add_roster_tests(FALSE);
		roster_app_ui_add_calendar_tests(FALSE);
		roster_app_ui_add_duty_tests(FALSE);
		roster_app_ui_add_rotation_tests(FALSE);
		roster_app_ui_add_rounds_tests(FALSE);
		roster_app_ui_add_account_tests(FALSE);
		roster_app_ui_add_requests_tests(FALSE);
		roster_app_ui_add_messages_tests(FALSE);
		roster_app_ui_add_views_tests(FALSE);
		roster_app_ui_add_live_tests(FALSE);
		roster_app_ui_add_roles_tests(FALSE);
		roster_app_ui_add_editors_tests(FALSE);
		roster_app_ui_add_admin_tests(FALSE);
		roster_app_ui_add_shell_tests(FALSE);
		roster_app_ui_add_team_rotation_tests(FALSE);
		roster_app_ui_add_keys_tests(FALSE);
		return g_test_run();
	}
	adw_init();
	g_test_add("/roster/app-ui/month-of-work",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_month_of_work,
		   ui_fixture_teardown);
	roster_app_ui_add_roster_tests(TRUE);
	roster_app_ui_add_calendar_tests(TRUE);
	roster_app_ui_add_duty_tests(TRUE);
	roster_app_ui_add_rotation_tests(TRUE);
	roster_app_ui_add_rounds_tests(TRUE);
	roster_app_ui_add_account_tests(TRUE);
	roster_app_ui_add_requests_tests(TRUE);
	roster_app_ui_add_messages_tests(TRUE);
	roster_app_ui_add_views_tests(TRUE);
	roster_app_ui_add_live_tests(TRUE);
	roster_app_ui_add_roles_tests(TRUE);
	roster_app_ui_add_editors_tests(TRUE);
	roster_app_ui_add_admin_tests(TRUE);
	roster_app_ui_add_shell_tests(TRUE);
	roster_app_ui_add_team_rotation_tests(TRUE);
	roster_app_ui_add_keys_tests(TRUE);
	return g_test_run();
}
