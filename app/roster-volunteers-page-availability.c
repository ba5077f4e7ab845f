/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the volunteers page's availability section: the entries of the volunteer in the
 * form (unavailable, preferred, avoid; by weekday or date) and their edit form */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-record-fields.h"
#include "roster-row-actions.h"
#include "roster-volunteers-page-private.h"

/* the day row lists Monday to Sunday, then a single date */
#define DAY_ROW_DATE 7

static GtkWidget *
availability_row_for_field(RosterVolunteersPage *self, RosterField field)
{
	switch (field) {
	case ROSTER_FIELD_KIND:
		return GTK_WIDGET(self->availability_kind_row);
	case ROSTER_FIELD_WEEKDAY:
		return GTK_WIDGET(self->availability_day_row);
	case ROSTER_FIELD_DATE:
		return adw_combo_row_get_selected(self->availability_day_row) == DAY_ROW_DATE
			   ? GTK_WIDGET(self->availability_date_row)
			   : GTK_WIDGET(self->availability_day_row);
	case ROSTER_FIELD_START:
		return GTK_WIDGET(self->availability_start_row);
	case ROSTER_FIELD_END:
		return GTK_WIDGET(self->availability_end_row);
	case ROSTER_FIELD_NOTE:
		return GTK_WIDGET(self->availability_note_row);
	default:
		return NULL;
	}
}

static void
clear_availability_errors(RosterVolunteersPage *self)
{
	GtkWidget *rows[] = {GTK_WIDGET(self->availability_kind_row),
			     GTK_WIDGET(self->availability_day_row),
			     GTK_WIDGET(self->availability_date_row),
			     GTK_WIDGET(self->availability_start_row),
			     GTK_WIDGET(self->availability_end_row),
			     GTK_WIDGET(self->availability_note_row)};

	for (guint i = 0; i < G_N_ELEMENTS(rows); i++)
		gtk_widget_remove_css_class(rows[i], "error");
	gtk_widget_set_visible(GTK_WIDGET(self->availability_error_label), FALSE);
}

static void
show_availability_error(RosterVolunteersPage *self, const gchar *message, const gchar *field)
{
	GtkWidget *row = availability_row_for_field(self, roster_field_from_key(field));

	clear_availability_errors(self);
	if (row != NULL)
		gtk_widget_add_css_class(row, "error");
	gtk_label_set_text(self->availability_error_label, message);
	gtk_widget_set_visible(GTK_WIDGET(self->availability_error_label), TRUE);
}

static void
set_text(AdwEntryRow *row, const gchar *text)
{
	gtk_editable_set_text(GTK_EDITABLE(row), text != NULL ? text : "");
}

/* puts @entry into the availability form, or empties it for a new entry */
static void
fill_availability_form(RosterVolunteersPage *self, RosterItem *entry)
{
	RosterAvailabilityFields fields;

	roster_availability_fields_read(&fields, entry);
	g_set_object(&self->editing_availability, entry);
	clear_availability_errors(self);
	adw_combo_row_set_selected(
	    self->availability_kind_row,
	    roster_choice_get_index(ROSTER_CHOICE_AVAILABILITY_KIND, fields.kind));
	adw_combo_row_set_selected(self->availability_day_row,
				   fields.weekday >= 1 && fields.weekday <= 7
				       ? (guint)fields.weekday - 1
				   : fields.date != NULL ? DAY_ROW_DATE
							 : 0);
	set_text(self->availability_date_row, fields.date);
	set_text(self->availability_start_row, fields.start);
	set_text(self->availability_end_row, fields.end);
	set_text(self->availability_note_row, fields.note);
	adw_preferences_group_set_title(self->availability_form_group,
					entry != NULL ? _("Edit Availability")
						      : _("Add Availability"));
	gtk_button_set_label(self->availability_save_button,
			     entry != NULL ? _("_Save") : _("_Add"));
	gtk_widget_set_visible(GTK_WIDGET(self->availability_cancel_button), entry != NULL);
}

static void
availability_day_changed_cb(RosterVolunteersPage *self)
{
	gtk_widget_set_visible(GTK_WIDGET(self->availability_date_row),
			       adw_combo_row_get_selected(self->availability_day_row) ==
				   DAY_ROW_DATE);
}

static void
availability_cancel_clicked_cb(RosterVolunteersPage *self)
{
	fill_availability_form(self, NULL);
}

static void
availability_pending_done(RosterVolunteersPage *self)
{
	if (self->availability_pending > 0)
		self->availability_pending--;
	gtk_widget_set_sensitive(GTK_WIDGET(self->availability_save_button),
				 self->availability_pending == 0 && self->editing != NULL);
}

static void
availability_reload_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error) &&
	    !g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	availability_pending_done(self);
}

static void
reload_availability(RosterVolunteersPage *self)
{
	if (self->availability == NULL)
		return;
	self->availability_pending++;
	roster_item_list_reload_async(self->availability,
				      self->availability_cancellable,
				      availability_reload_cb,
				      g_object_ref(self));
}

static void
availability_edit(gpointer page, RosterItem *entry)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(page);

	fill_availability_form(self, entry);
	gtk_widget_grab_focus(GTK_WIDGET(self->availability_kind_row));
}

static void
availability_delete_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	availability_pending_done(self);
	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_toast(ROSTER_PAGE(self), error->message);
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self), _("Availability entry deleted"));
	reload_availability(self);
}

static void
availability_delete(gpointer page, RosterItem *entry)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(page);

	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || self->availability == NULL ||
	    entry == NULL)
		return;
	/* the form must not keep an entry that is about to go */
	if (self->editing_availability != NULL &&
	    roster_item_get_id(self->editing_availability) == roster_item_get_id(entry))
		fill_availability_form(self, NULL);
	self->availability_pending++;
	roster_client_delete_at_async(roster_page_get_client(ROSTER_PAGE(self)),
				      roster_item_list_get_path(self->availability),
				      roster_item_get_id(entry),
				      roster_item_get_revision(entry),
				      self->availability_cancellable,
				      availability_delete_cb,
				      g_object_ref(self));
}

static GtkWidget *
create_availability_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *entry = ROSTER_ITEM(item);
	RosterAvailabilityFields fields;
	GtkWidget *row = adw_action_row_new();

	roster_availability_fields_read(&fields, entry);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), roster_item_get_subtitle(entry));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), fields.note != NULL ? fields.note : "");
	roster_row_add_edit_delete(ADW_ACTION_ROW(row),
				   entry,
				   "availability",
				   availability_edit,
				   availability_delete,
				   user_data);
	return row;
}

/* follows the volunteer in the form: its availability, or nothing for a new one */
/* shows the availability of the volunteer in the form, or none for a new one */
void
roster_volunteers_page_set_availability_volunteer(RosterVolunteersPage *self)
{
	g_autofree gchar *path = NULL;

	if (self->availability_cancellable != NULL)
		g_cancellable_cancel(self->availability_cancellable);
	g_clear_object(&self->availability_cancellable);
	self->availability_cancellable = g_cancellable_new();
	g_clear_object(&self->availability);
	self->availability_pending = 0;
	fill_availability_form(self, NULL);
	gtk_widget_set_sensitive(GTK_WIDGET(self->availability_form_group), self->editing != NULL);
	gtk_widget_set_sensitive(GTK_WIDGET(self->availability_save_button), self->editing != NULL);
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || self->editing == NULL) {
		gtk_list_box_bind_model(self->availability_list, NULL, NULL, NULL, NULL);
		return;
	}
	path = roster_client_dup_availability_path(roster_item_get_id(self->editing));
	self->availability = roster_item_list_new(roster_page_get_client(ROSTER_PAGE(self)), path);
	roster_item_list_set_describe_func(self->availability, roster_availability_describe);
	gtk_list_box_bind_model(self->availability_list,
				G_LIST_MODEL(self->availability),
				create_availability_row_cb,
				self,
				NULL);
	reload_availability(self);
}

static void
availability_save_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);

	availability_pending_done(self);
	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_availability_error(self, error->message, field);
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self),
			       self->editing_availability != NULL ? _("Availability entry saved")
								  : _("Availability entry added"));
	fill_availability_form(self, NULL);
	reload_availability(self);
}

/**
 * roster_volunteers_page_save_availability:
 * @self: a #RosterVolunteersPage
 *
 * Adds the availability entry in the form to the volunteer in the form, or saves the
 * entry being edited, as the Add or Save button of the availability form does.
 *
 * Since: 0.1
 */
void
roster_volunteers_page_save_availability(RosterVolunteersPage *self)
{
	g_autoptr(JsonNode) body = NULL;
	RosterAvailabilityFields fields;
	guint day_index;

	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || self->availability == NULL)
		return;
	day_index = adw_combo_row_get_selected(self->availability_day_row);
	fields.kind =
	    roster_choice_get_value(ROSTER_CHOICE_AVAILABILITY_KIND,
				    adw_combo_row_get_selected(self->availability_kind_row));
	/* one of date and weekday; the body clears the other */
	fields.weekday = day_index < DAY_ROW_DATE ? (gint64)day_index + 1 : 0;
	fields.date = gtk_editable_get_text(GTK_EDITABLE(self->availability_date_row));
	fields.start = gtk_editable_get_text(GTK_EDITABLE(self->availability_start_row));
	fields.end = gtk_editable_get_text(GTK_EDITABLE(self->availability_end_row));
	fields.note = gtk_editable_get_text(GTK_EDITABLE(self->availability_note_row));
	body = roster_availability_fields_to_json(
	    &fields,
	    self->editing_availability != NULL
		? roster_item_get_revision(self->editing_availability)
		: 0);
	self->availability_pending++;
	gtk_widget_set_sensitive(GTK_WIDGET(self->availability_save_button), FALSE);
	roster_client_save_at_async(
	    roster_page_get_client(ROSTER_PAGE(self)),
	    roster_item_list_get_path(self->availability),
	    self->editing_availability != NULL ? roster_item_get_id(self->editing_availability) : 0,
	    body,
	    self->availability_cancellable,
	    availability_save_cb,
	    g_object_ref(self));
}

static void
availability_save_clicked_cb(RosterVolunteersPage *self)
{
	roster_volunteers_page_save_availability(self);
}

/* the availability entries of the volunteer in the form, or NULL for a new volunteer */
GListModel *
roster_volunteers_page_get_availability_model(RosterVolunteersPage *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self), NULL);
	return self->availability != NULL ? G_LIST_MODEL(self->availability) : NULL;
}

/* whether an availability load or edit is under way */
gboolean
roster_volunteers_page_get_availability_busy(RosterVolunteersPage *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self), FALSE);
	return self->availability_pending > 0;
}

/**
 * roster_volunteers_page_availability_class_init:
 * @widget_class: the volunteers page's class, its template set
 *
 * Binds the availability form's callbacks of the template.
 *
 * Since: 0.1
 */
void
roster_volunteers_page_availability_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_bind_template_callback(widget_class, availability_save_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, availability_cancel_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, availability_day_changed_cb);
}
