/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-roles.h"
#include "roster-client-rosters.h"
#include "roster-code-labels.h"
#include "roster-date-button.h"
#include "roster-date.h"
#include "roster-item-list.h"
#include "roster-json-keys-records.h"
#include "roster-record-fields.h"
#include "roster-record-rows.h"
#include "roster-records-page.h"
#include "roster-volunteer-picker.h"

/*
 * Records: the attendance of one day's shifts (attended, late, no-show), the promotion
 * candidates with their evidence, training records and ratings.
 */

struct _RosterRecordsPage {
	RosterPage parent_instance;
	GtkLabel *day_label;
	GtkListBox *attendance_list;
	GtkListBox *candidates_list;
	GtkListBox *training_list;
	GtkListBox *ratings_list;
	RosterItemList *rosters;
	RosterItemList *volunteers;
	RosterItemList *seat_classes;
	RosterItemList *training;
	RosterItemList *ratings;
	RosterItemList *candidates;
	RosterItemList *attendance;
	GListStore *shifts;
	RosterRoster *roster;
	GDate day;
	GtkSpinButton *late_spin;
	AdwActionRow *training_volunteer_row;
	GtkDropDown *training_picker;
	AdwComboRow *training_kind_row;
	AdwActionRow *training_date_row;
	GtkMenuButton *training_date_button;
	AdwActionRow *training_hours_spin_row;
	GtkSpinButton *training_hours_spin;
	AdwEntryRow *training_verified_row;
	GtkLabel *training_error_label;
	GtkButton *training_add_button;
	AdwActionRow *rating_volunteer_row;
	GtkDropDown *rating_picker;
	AdwComboRow *rating_dimension_row;
	AdwActionRow *rating_score_spin_row;
	GtkSpinButton *rating_score_spin;
	AdwActionRow *rating_date_row;
	GtkMenuButton *rating_date_button;
	AdwEntryRow *rating_note_row;
	GtkLabel *rating_error_label;
	GtkButton *rating_add_button;
};

G_DEFINE_FINAL_TYPE(RosterRecordsPage, roster_records_page, ROSTER_TYPE_PAGE)

static const struct {
	const gchar *status;
	const gchar *label;
} statuses[] = {
    {ROSTER_STATUS_ATTENDED, N_("Attended")},
    {ROSTER_STATUS_LATE, N_("Late")},
    {ROSTER_STATUS_NO_SHOW, N_("No-show")},
};

static void
load_day(RosterRecordsPage *self);
static void
promote(gpointer page, RosterItem *candidate);

gboolean
roster_records_page_get_busy(RosterRecordsPage *self)
{
	return roster_page_get_busy(ROSTER_PAGE(self));
}

static const gchar *
volunteer_name(RosterRecordsPage *self, gint64 id)
{
	RosterItem *volunteer = roster_item_list_find_by_id(self->volunteers, id);
	return volunteer != NULL ? roster_item_get_title(volunteer) : "?";
}

static void
promote_clicked_cb(GtkButton *button, gpointer user_data)
{
	promote(user_data, g_object_get_data(G_OBJECT(button), "candidate"));
}

static GtkWidget *
create_candidate_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *candidate = ROSTER_ITEM(item);
	g_autofree gchar *evidence = roster_candidate_dup_evidence_text(candidate);
	g_autofree gchar *title = NULL;
	GtkWidget *row = adw_action_row_new();
	GtkWidget *button;

	/* TRANSLATORS: a promotion candidate: name, current tier and next tier */
	title = g_strdup_printf(_("%s: %s → %s"),
				roster_item_get_title(candidate),
				roster_tier_to_label(roster_candidate_get_from_tier(candidate)),
				roster_tier_to_label(roster_candidate_get_to_tier(candidate)));
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), evidence);
	/* only managers and admins promote: a coordinator reads the candidates */
	if (!roster_client_can_keep_records(roster_page_get_client(ROSTER_PAGE(user_data))))
		return row;
	button = gtk_button_new_with_mnemonic(_("_Promote"));
	gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(button, "promote");
	g_object_set_data_full(G_OBJECT(button),
			       "candidate",
			       g_object_ref(candidate),
			       g_object_unref);
	g_signal_connect_object(button, "clicked", G_CALLBACK(promote_clicked_cb), user_data, 0);
	adw_action_row_add_suffix(ADW_ACTION_ROW(row), button);
	return row;
}

static GtkWidget *
create_training_row_cb(gpointer item, gpointer user_data)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(user_data);
	RosterTrainingFields record;
	GtkWidget *row = adw_action_row_new();
	g_autofree gchar *subtitle = NULL;

	roster_training_fields_read(&record, ROSTER_ITEM(item));
	/* TRANSLATORS: a training record: date, kind and hours */
	subtitle = g_strdup_printf(_("%s · %s · %.1f hours"),
				   record.date,
				   roster_training_kind_to_label(record.kind),
				   record.hours);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
				      volunteer_name(self, record.volunteer_id));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	return row;
}

static GtkWidget *
create_rating_row_cb(gpointer item, gpointer user_data)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(user_data);
	RosterRatingFields rating;
	GtkWidget *row = adw_action_row_new();
	g_autofree gchar *subtitle = NULL;

	roster_rating_fields_read(&rating, ROSTER_ITEM(item));
	/* TRANSLATORS: a rating: date, what was rated and the score */
	subtitle = g_strdup_printf(_("%s · %s · score %d"),
				   rating.date,
				   roster_dimension_to_label(rating.dimension),
				   (gint)rating.score);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
				      volunteer_name(self, rating.volunteer_id));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	return row;
}

static void
record_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordsPage) self = ROSTER_RECORDS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	}
	load_day(self);
}

static void
status_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(user_data);
	g_autoptr(JsonNode) body = NULL;

	if (self->roster == NULL)
		return;
	body = roster_attendance_body_new(
	    roster_roster_get_id(self->roster),
	    (gint64)GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(button), "assignment-id")),
	    g_object_get_data(G_OBJECT(button), "status"),
	    gtk_spin_button_get_value_as_int(self->late_spin));
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_ATTENDANCE,
				 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 record_cb,
				 g_object_ref(self));
}

/* whether @day comes after today, in the local time of this computer */
static gboolean
day_is_future(const GDate *day)
{
	GDate today;

	roster_date_get_today(&today);
	return g_date_compare(day, &today) > 0;
}

static GtkWidget *
create_shift_row_cb(gpointer item, gpointer user_data)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(user_data);
	RosterItem *shift = ROSTER_ITEM(item);
	RosterItem *seat_class =
	    roster_item_list_find_by_id(self->seat_classes, roster_shift_get_seat_class_id(shift));
	const gchar *slot = roster_shift_get_slot(shift);
	const gchar *status = roster_shift_get_status(shift);
	GtkWidget *row = adw_action_row_new();
	GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 0);
	g_autofree gchar *subtitle = NULL;

	subtitle = g_strdup_printf("%s · %s",
				   slot != NULL ? slot : "",
				   seat_class != NULL ? roster_item_get_title(seat_class) : "");
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
				      volunteer_name(self, roster_shift_get_volunteer_id(shift)));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	gtk_widget_add_css_class(box, "linked");
	gtk_widget_set_valign(box, GTK_ALIGN_CENTER);
	for (guint i = 0; i < G_N_ELEMENTS(statuses); i++) {
		GtkWidget *button = gtk_toggle_button_new_with_label(_(statuses[i].label));
		gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(button),
					     g_strcmp0(status, statuses[i].status) == 0);
		gtk_widget_add_css_class(button, "attendance-status");
		g_object_set_data(G_OBJECT(button), "status", (gpointer)statuses[i].status);
		g_object_set_data(G_OBJECT(button),
				  "assignment-id",
				  GSIZE_TO_POINTER(roster_item_get_id(shift)));
		g_signal_connect_object(button, "clicked", G_CALLBACK(status_clicked_cb), self, 0);
		gtk_box_append(GTK_BOX(box), button);
	}
	/* a day after today has no shift that has started: nothing to record yet */
	if (day_is_future(&self->day)) {
		gtk_widget_set_sensitive(box, FALSE);
		gtk_widget_set_tooltip_text(
		    row,
		    _("This shift has not started yet; record its attendance once it has"));
	}
	adw_action_row_add_suffix(ADW_ACTION_ROW(row), box);
	return row;
}

static void
build_shifts(RosterRecordsPage *self)
{
	g_autofree gchar *date = roster_date_to_string(&self->day);
	guint n = self->roster != NULL ? roster_roster_get_n_assignments(self->roster) : 0;
	g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func(g_object_unref);

	for (guint i = 0; i < n; i++) {
		const RosterAssignment *a = roster_roster_get_assignment(self->roster, i);

		if (g_strcmp0(a->cell.date, date) != 0)
			continue;
		g_ptr_array_add(
		    items,
		    roster_shift_new(
			a,
			roster_attendance_find_status(G_LIST_MODEL(self->attendance), a->id)));
	}
	g_list_store_splice(self->shifts,
			    0,
			    g_list_model_get_n_items(G_LIST_MODEL(self->shifts)),
			    items->pdata,
			    items->len);
}

static void
day_roster_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordsPage) self = ROSTER_RECORDS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRoster) roster =
	    roster_client_get_roster_finish(ROSTER_CLIENT(source), result, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (roster == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	} else {
		g_set_object(&self->roster, roster);
	}
	build_shifts(self);
}

static void
day_attendance_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordsPage) self = ROSTER_RECORDS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	}
	build_shifts(self);
}

/* the roster whose period holds the day, published ones first */
static RosterItem *
find_roster(RosterRecordsPage *self, const gchar *date)
{
	RosterItem *found = NULL;

	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->rosters)); i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(G_LIST_MODEL(self->rosters), i);
		if (!roster_summary_contains_date(item, date))
			continue;
		if (found == NULL || roster_summary_get_published(item))
			found =
			    roster_item_list_find_by_id(self->rosters, roster_item_get_id(item));
	}
	return found;
}

static void
load_day(RosterRecordsPage *self)
{
	g_autofree gchar *date = roster_date_to_string(&self->day);
	g_autofree gchar *day = roster_date_format_day(&self->day);
	g_autofree gchar *label = g_strdup_printf("%s %s", date, day);
	g_autofree gchar *attendance_path = NULL;
	RosterItem *roster = find_roster(self, date);

	gtk_label_set_text(self->day_label, label);
	g_clear_object(&self->roster);
	if (roster == NULL) {
		build_shifts(self);
		return;
	}
	attendance_path = roster_client_dup_attendance_path(&self->day);
	roster_item_list_set_path(self->attendance, attendance_path);
	roster_page_hold(ROSTER_PAGE(self));
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_get_roster_async(roster_page_get_client(ROSTER_PAGE(self)),
				       roster_item_get_id(roster),
				       roster_page_get_cancellable(ROSTER_PAGE(self)),
				       day_roster_cb,
				       g_object_ref(self));
	roster_item_list_reload_async(self->attendance,
				      roster_page_get_cancellable(ROSTER_PAGE(self)),
				      day_attendance_cb,
				      g_object_ref(self));
}

static void
list_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordsPage) self = ROSTER_RECORDS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	}
	if (!roster_page_get_busy(ROSTER_PAGE(self)))
		load_day(self);
}

static void
roster_records_page_real_reload(RosterPage *page)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(page);
	RosterItemList *lists[] = {self->rosters,
				   self->volunteers,
				   self->seat_classes,
				   self->training,
				   self->ratings,
				   self->candidates};

	for (guint i = 0; i < G_N_ELEMENTS(lists); i++)
		roster_page_hold(ROSTER_PAGE(self));
	for (guint i = 0; i < G_N_ELEMENTS(lists); i++)
		roster_item_list_reload_async(lists[i],
					      roster_page_get_cancellable(ROSTER_PAGE(self)),
					      list_cb,
					      g_object_ref(self));
}

void
roster_records_page_reload(RosterRecordsPage *self)
{
	roster_page_reload(ROSTER_PAGE(self));
}

void
roster_records_page_set_date(RosterRecordsPage *self, const gchar *date)
{
	g_return_if_fail(ROSTER_IS_RECORDS_PAGE(self));
	if (!roster_date_parse(date, &self->day, NULL))
		return;
	if (roster_page_get_client(ROSTER_PAGE(self)) != NULL &&
	    !roster_page_get_busy(ROSTER_PAGE(self)))
		load_day(self);
}

static void
previous_day_cb(RosterRecordsPage *self)
{
	g_date_subtract_days(&self->day, 1);
	if (roster_page_get_client(ROSTER_PAGE(self)) != NULL)
		load_day(self);
}

static void
next_day_cb(RosterRecordsPage *self)
{
	g_date_add_days(&self->day, 1);
	if (roster_page_get_client(ROSTER_PAGE(self)) != NULL)
		load_day(self);
}

static void
confirm_day_cb(RosterRecordsPage *self)
{
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *date = roster_date_to_string(&self->day);

	if (self->roster == NULL || roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	body = roster_attendance_day_body_new(roster_roster_get_id(self->roster), date);
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_ATTENDANCE_DAYS,
				 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 record_cb,
				 g_object_ref(self));
}

static void
promote_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordsPage) self = ROSTER_RECORDS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_toast(ROSTER_PAGE(self), error->message);
		return;
	}
	roster_page_show_toast(
	    ROSTER_PAGE(self),
	    _("Promoted; the volunteer may take seats of the new tier from now on"));
	roster_records_page_reload(self);
}

/* confirms a candidate's promotion to the next tier, as its Promote button does */
static void
promote(gpointer page, RosterItem *candidate)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(page);
	g_autoptr(JsonNode) body = NULL;

	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || candidate == NULL)
		return;
	body = roster_promotion_body_new(roster_candidate_get_volunteer_id(candidate),
					 roster_candidate_get_to_tier(candidate));
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_PROMOTIONS,
				 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 promote_cb,
				 g_object_ref(self));
}

/* the training and rating forms; @training tells which of the two */

static GtkWidget *
form_row_for_field(RosterRecordsPage *self, gboolean training, RosterField field)
{
	switch (field) {
	case ROSTER_FIELD_VOLUNTEER_ID:
		return training ? GTK_WIDGET(self->training_volunteer_row)
				: GTK_WIDGET(self->rating_volunteer_row);
	case ROSTER_FIELD_DATE:
		return training ? GTK_WIDGET(self->training_date_row)
				: GTK_WIDGET(self->rating_date_row);
	case ROSTER_FIELD_KIND:
		return training ? GTK_WIDGET(self->training_kind_row) : NULL;
	case ROSTER_FIELD_HOURS:
		return training ? GTK_WIDGET(self->training_hours_spin_row) : NULL;
	case ROSTER_FIELD_VERIFIED_BY:
		return training ? GTK_WIDGET(self->training_verified_row) : NULL;
	case ROSTER_FIELD_DIMENSION:
		return training ? NULL : GTK_WIDGET(self->rating_dimension_row);
	case ROSTER_FIELD_SCORE:
		return training ? NULL : GTK_WIDGET(self->rating_score_spin_row);
	case ROSTER_FIELD_NOTE:
		return training ? NULL : GTK_WIDGET(self->rating_note_row);
	default:
		return NULL;
	}
}

static void
clear_form_errors(RosterRecordsPage *self, gboolean training)
{
	for (guint field = 0; field <= ROSTER_FIELD_SCORE; field++) {
		GtkWidget *row = form_row_for_field(self, training, (RosterField)field);
		if (row != NULL)
			gtk_widget_remove_css_class(row, "error");
	}
	gtk_widget_set_visible(
	    GTK_WIDGET(training ? self->training_error_label : self->rating_error_label),
	    FALSE);
}

static void
finish_form(RosterRecordsPage *self, gboolean training, GObject *source, GAsyncResult *result)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);
	GtkLabel *label = training ? self->training_error_label : self->rating_error_label;
	GtkWidget *row;

	roster_page_release(ROSTER_PAGE(self));
	gtk_widget_set_sensitive(
	    GTK_WIDGET(training ? self->training_add_button : self->rating_add_button),
	    TRUE);
	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		clear_form_errors(self, training);
		row = form_row_for_field(self, training, roster_field_from_key(field));
		if (row != NULL)
			gtk_widget_add_css_class(row, "error");
		gtk_label_set_text(label, error->message);
		gtk_widget_set_visible(GTK_WIDGET(label), TRUE);
		return;
	}
	clear_form_errors(self, training);
	roster_page_show_toast(ROSTER_PAGE(self),
			       training ? _("Training record added") : _("Rating added"));
	roster_records_page_reload(self);
}

static void
training_posted_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordsPage) self = ROSTER_RECORDS_PAGE(user_data);
	finish_form(self, TRUE, source, result);
}

static void
rating_posted_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordsPage) self = ROSTER_RECORDS_PAGE(user_data);
	finish_form(self, FALSE, source, result);
}

/**
 * roster_records_page_add_training:
 * @self: a #RosterRecordsPage
 *
 * Records the training in the form, as its Add button does.
 *
 * Since: 0.1
 */
void
roster_records_page_add_training(RosterRecordsPage *self)
{
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *date = NULL;
	RosterTrainingFields record;

	g_return_if_fail(ROSTER_IS_RECORDS_PAGE(self));
	record.volunteer_id = roster_volunteer_picker_get_id(self->training_picker);
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || record.volunteer_id == 0)
		return;
	date = roster_date_button_dup_text(self->training_date_button);
	record.date = date;
	record.kind = roster_choice_get_value(ROSTER_CHOICE_TRAINING_KIND,
					      adw_combo_row_get_selected(self->training_kind_row));
	record.hours = gtk_spin_button_get_value(self->training_hours_spin);
	record.verified_by = gtk_editable_get_text(GTK_EDITABLE(self->training_verified_row));
	body = roster_training_fields_to_json(&record);
	roster_page_hold(ROSTER_PAGE(self));
	gtk_widget_set_sensitive(GTK_WIDGET(self->training_add_button), FALSE);
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_TRAINING,
				 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 training_posted_cb,
				 g_object_ref(self));
}

static void
training_add_clicked_cb(RosterRecordsPage *self)
{
	roster_records_page_add_training(self);
}

/**
 * roster_records_page_add_rating:
 * @self: a #RosterRecordsPage
 *
 * Records the rating in the form, as its Add button does.
 *
 * Since: 0.1
 */
void
roster_records_page_add_rating(RosterRecordsPage *self)
{
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *date = NULL;
	RosterRatingFields rating;

	g_return_if_fail(ROSTER_IS_RECORDS_PAGE(self));
	rating.volunteer_id = roster_volunteer_picker_get_id(self->rating_picker);
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || rating.volunteer_id == 0)
		return;
	date = roster_date_button_dup_text(self->rating_date_button);
	rating.date = date;
	rating.dimension =
	    roster_choice_get_value(ROSTER_CHOICE_DIMENSION,
				    adw_combo_row_get_selected(self->rating_dimension_row));
	rating.score = gtk_spin_button_get_value_as_int(self->rating_score_spin);
	rating.note = gtk_editable_get_text(GTK_EDITABLE(self->rating_note_row));
	body = roster_rating_fields_to_json(&rating);
	roster_page_hold(ROSTER_PAGE(self));
	gtk_widget_set_sensitive(GTK_WIDGET(self->rating_add_button), FALSE);
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_RATINGS,
				 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 rating_posted_cb,
				 g_object_ref(self));
}

static void
rating_add_clicked_cb(RosterRecordsPage *self)
{
	roster_records_page_add_rating(self);
}

GListModel *
roster_records_page_get_training_model(RosterRecordsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORDS_PAGE(self), NULL);
	return self->training != NULL ? G_LIST_MODEL(self->training) : NULL;
}

GListModel *
roster_records_page_get_ratings_model(RosterRecordsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORDS_PAGE(self), NULL);
	return self->ratings != NULL ? G_LIST_MODEL(self->ratings) : NULL;
}

GListModel *
roster_records_page_get_candidates_model(RosterRecordsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_RECORDS_PAGE(self), NULL);
	return self->candidates != NULL ? G_LIST_MODEL(self->candidates) : NULL;
}

static void
roster_records_page_client_changed(RosterPage *page)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);

	g_clear_object(&self->rosters);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->training);
	g_clear_object(&self->ratings);
	g_clear_object(&self->candidates);
	g_clear_object(&self->attendance);
	g_clear_object(&self->roster);
	/* another account: the previous session's shifts of the day go with it */
	g_list_store_remove_all(self->shifts);
	self->rosters = roster_item_list_new_for(client, ROSTER_RESOURCE_ROSTERS, 0);
	self->volunteers = roster_item_list_new_for(client, ROSTER_RESOURCE_VOLUNTEERS, 500);
	self->seat_classes = roster_item_list_new_for(client, ROSTER_RESOURCE_SEAT_CLASSES, 500);
	self->training = roster_item_list_new_for(client, ROSTER_RESOURCE_TRAINING, 0);
	self->ratings = roster_item_list_new_for(client, ROSTER_RESOURCE_RATINGS, 0);
	self->candidates =
	    roster_item_list_new_for(client, ROSTER_RESOURCE_PROMOTION_CANDIDATES, 0);
	self->attendance = roster_item_list_new(client, NULL);
	gtk_list_box_bind_model(self->candidates_list,
				G_LIST_MODEL(self->candidates),
				create_candidate_row_cb,
				self,
				NULL);
	gtk_list_box_bind_model(self->training_list,
				G_LIST_MODEL(self->training),
				create_training_row_cb,
				self,
				NULL);
	gtk_list_box_bind_model(self->ratings_list,
				G_LIST_MODEL(self->ratings),
				create_rating_row_cb,
				self,
				NULL);
	roster_volunteer_picker_set_model(self->training_picker, G_LIST_MODEL(self->volunteers));
	roster_volunteer_picker_set_model(self->rating_picker, G_LIST_MODEL(self->volunteers));
	gtk_list_box_bind_model(self->attendance_list,
				G_LIST_MODEL(self->shifts),
				create_shift_row_cb,
				self,
				NULL);
}

void
roster_records_page_set_client(RosterRecordsPage *self, RosterClient *client)
{
	roster_page_set_client(ROSTER_PAGE(self), client);
}

static void
roster_records_page_dispose(GObject *object)
{
	RosterRecordsPage *self = ROSTER_RECORDS_PAGE(object);

	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_RECORDS_PAGE);
	g_clear_object(&self->rosters);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->training);
	g_clear_object(&self->ratings);
	g_clear_object(&self->candidates);
	g_clear_object(&self->shifts);
	g_clear_object(&self->attendance);
	g_clear_object(&self->roster);
	G_OBJECT_CLASS(roster_records_page_parent_class)->dispose(object);
}

static void
roster_records_page_class_init(RosterRecordsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_records_page_dispose;
	page_class->reload = roster_records_page_real_reload;
	page_class->client_changed = roster_records_page_client_changed;
	g_type_ensure(ROSTER_TYPE_ITEM);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-records-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, day_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, attendance_list);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, candidates_list);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, training_list);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, ratings_list);
	gtk_widget_class_bind_template_callback(widget_class, previous_day_cb);
	gtk_widget_class_bind_template_callback(widget_class, next_day_cb);
	gtk_widget_class_bind_template_callback(widget_class, confirm_day_cb);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, late_spin);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterRecordsPage,
					     training_volunteer_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, training_kind_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, training_date_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterRecordsPage,
					     training_hours_spin_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, training_hours_spin);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterRecordsPage,
					     training_verified_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, training_error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, training_add_button);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, rating_volunteer_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, rating_dimension_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterRecordsPage,
					     rating_score_spin_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, rating_score_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, rating_date_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, rating_note_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, rating_error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRecordsPage, rating_add_button);
	gtk_widget_class_bind_template_callback(widget_class, training_add_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, rating_add_clicked_cb);
}

static void
add_suffix(AdwActionRow *row, GtkWidget *widget)
{
	adw_action_row_add_suffix(row, widget);
	adw_action_row_set_activatable_widget(row, widget);
}

static void
roster_records_page_init(RosterRecordsPage *self)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();

	gtk_widget_init_template(GTK_WIDGET(self));
	self->shifts = g_list_store_new(ROSTER_TYPE_ITEM);
	g_date_clear(&self->day, 1);
	g_date_set_dmy(&self->day,
		       (GDateDay)g_date_time_get_day_of_month(now),
		       (GDateMonth)g_date_time_get_month(now),
		       (GDateYear)g_date_time_get_year(now));
	/* the forms' volunteers are searched by name, their days picked on a calendar
	 * (starting at today: training and ratings are recorded after the fact) */
	self->training_picker = GTK_DROP_DOWN(roster_volunteer_picker_new("training-volunteer"));
	add_suffix(self->training_volunteer_row, GTK_WIDGET(self->training_picker));
	self->rating_picker = GTK_DROP_DOWN(roster_volunteer_picker_new("rating-volunteer"));
	add_suffix(self->rating_volunteer_row, GTK_WIDGET(self->rating_picker));
	self->training_date_button =
	    GTK_MENU_BUTTON(roster_date_button_new(_("Date"), "training-date-button"));
	add_suffix(self->training_date_row, GTK_WIDGET(self->training_date_button));
	self->rating_date_button =
	    GTK_MENU_BUTTON(roster_date_button_new(_("Date"), "rating-date-button"));
	add_suffix(self->rating_date_row, GTK_WIDGET(self->rating_date_button));
}
