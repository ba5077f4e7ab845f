/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "roster-client-roles.h"
#include "roster-error.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-record-fields.h"
#include "roster-row-actions.h"
#include "roster-volunteer-import.h"
#include "roster-volunteers-page-private.h"

/*
 * The volunteers view: a searchable, filterable list (a RosterItemList reloaded with
 * the search as query parameters) and an edit form that shows the daemon's 422 field
 * next to the row it is about.
 */

G_DEFINE_FINAL_TYPE(RosterVolunteersPage, roster_volunteers_page, ROSTER_TYPE_PAGE)

static GtkWidget *
row_for_field(RosterVolunteersPage *self, RosterField field)
{
	switch (field) {
	case ROSTER_FIELD_NAME:
		return GTK_WIDGET(self->name_row);
	case ROSTER_FIELD_COUNSELLOR_NO:
		return GTK_WIDGET(self->number_row);
	case ROSTER_FIELD_TIER:
		return GTK_WIDGET(self->tier_row);
	case ROSTER_FIELD_MODES:
		return GTK_WIDGET(self->modes_row);
	case ROSTER_FIELD_PHONE:
		return GTK_WIDGET(self->phone_row);
	case ROSTER_FIELD_EMAIL:
		return GTK_WIDGET(self->email_row);
	case ROSTER_FIELD_MAX_SHIFTS_MONTH:
		return GTK_WIDGET(self->max_shifts_row);
	case ROSTER_FIELD_ACTIVE:
		return GTK_WIDGET(self->active_row);
	default:
		return NULL;
	}
}

static void
clear_errors(RosterVolunteersPage *self)
{
	for (guint field = 0; field <= ROSTER_FIELD_SCORE; field++) {
		GtkWidget *row = row_for_field(self, (RosterField)field);
		if (row != NULL)
			gtk_widget_remove_css_class(row, "error");
	}
	roster_volunteers_page_details_clear_errors(self);
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), FALSE);
}

static void
show_error(RosterVolunteersPage *self, const gchar *message, const gchar *field)
{
	GtkWidget *row = row_for_field(self, roster_field_from_key(field));

	if (row == NULL)
		row = roster_volunteers_page_details_row_for_key(self, field);
	clear_errors(self);
	if (row != NULL) {
		gtk_widget_add_css_class(row, "error");
		gtk_widget_grab_focus(row);
	}
	gtk_label_set_text(self->error_label, message);
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), TRUE);
}

static void
fill_form(RosterVolunteersPage *self, RosterItem *item)
{
	RosterVolunteerFields fields;

	roster_volunteer_fields_read(&fields, item);
	g_set_object(&self->editing, item);
	clear_errors(self);
	gtk_widget_set_sensitive(GTK_WIDGET(self->calendar_button), item != NULL);
	/* a link belongs to the volunteer it was made for */
	g_clear_pointer(&self->calendar_url, g_free);
	adw_action_row_set_subtitle(
	    self->calendar_row,
	    _("Make a personal link for the volunteer's calendar app; it is "
	      "copied to the clipboard and the previous link stops working."));
	adw_preferences_group_set_title(self->form_group,
					item != NULL ? roster_item_get_title(item)
						     : _("New Volunteer"));
	gtk_editable_set_text(GTK_EDITABLE(self->name_row), fields.name);
	gtk_editable_set_text(GTK_EDITABLE(self->number_row), fields.counsellor_no);
	adw_combo_row_set_selected(self->tier_row,
				   roster_choice_get_index(ROSTER_CHOICE_TIER, fields.tier));
	gtk_check_button_set_active(self->on_site_check, fields.on_site);
	gtk_check_button_set_active(self->cloud_check, fields.cloud);
	gtk_editable_set_text(GTK_EDITABLE(self->phone_row), fields.phone);
	gtk_editable_set_text(GTK_EDITABLE(self->email_row), fields.email);
	gtk_spin_button_set_value(self->max_shifts_spin, (gdouble)fields.max_shifts_month);
	gtk_switch_set_active(self->active_switch, fields.active);
	roster_volunteers_page_details_fill(self, &fields);
	roster_volunteers_page_set_availability_volunteer(self);
}

static void
selection_changed_cb(GtkSingleSelection *selection, GParamSpec *pspec, gpointer user_data)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(user_data);
	RosterItem *item = gtk_single_selection_get_selected_item(selection);

	if (item != NULL)
		fill_form(self, item);
}

static void
update_count(RosterVolunteersPage *self)
{
	g_autofree gchar *text = NULL;
	guint n = g_list_model_get_n_items(G_LIST_MODEL(self->list));
	guint total = roster_item_list_get_total(self->list);

	if (n < total) {
		/* TRANSLATORS: shown under the list when only part of the matches is loaded */
		text = g_strdup_printf(_("Showing %u of %u volunteers"), n, total);
	} else {
		text = g_strdup_printf(ngettext("%u volunteer", "%u volunteers", total), total);
	}
	gtk_label_set_text(self->count_label, text);
}

static void
reload_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_toast(ROSTER_PAGE(self), error->message);
		return;
	}
	update_count(self);
	if (self->show_id > 0 && roster_item_list_find_by_id(self->list, self->show_id) != NULL)
		roster_volunteers_page_show_volunteer(self, self->show_id);
	if (self->editing != NULL) {
		RosterItem *item =
		    roster_item_list_find_by_id(self->list, roster_item_get_id(self->editing));
		if (item != NULL)
			g_set_object(&self->editing, item);
	}
}

/**
 * roster_volunteers_page_reload:
 * @self: a #RosterVolunteersPage
 *
 * Reloads the list with the current search and filters.
 *
 * Since: 0.1
 */
static void
roster_volunteers_page_real_reload(RosterPage *page)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(page);
	g_autofree gchar *path = NULL;
	guint tier_index;

	if (self->list == NULL)
		return;
	tier_index = gtk_drop_down_get_selected(self->tier_dropdown);
	path = roster_client_dup_volunteers_path(
	    gtk_editable_get_text(GTK_EDITABLE(self->search_entry)),
	    tier_index >= 1 && tier_index <= roster_choice_get_n_values(ROSTER_CHOICE_TIER)
		? roster_choice_get_value(ROSTER_CHOICE_TIER, tier_index - 1)
		: NULL,
	    gtk_check_button_get_active(self->active_check),
	    500);
	roster_item_list_set_path(self->list, path);
	/* a newer search replaces the one under way */
	g_cancellable_cancel(self->list_cancellable);
	g_clear_object(&self->list_cancellable);
	self->list_cancellable = g_cancellable_new();
	/* the page is busy until the list is in: a volunteer opened in the form before it
	 * came back would be filled in again from it */
	roster_page_hold(ROSTER_PAGE(self));
	roster_item_list_reload_async(self->list,
				      self->list_cancellable,
				      reload_cb,
				      g_object_ref(self));
	roster_volunteers_page_details_reload(self);
}

void
roster_volunteers_page_reload(RosterVolunteersPage *self)
{
	roster_page_reload(ROSTER_PAGE(self));
}

static void
filter_changed_cb(RosterVolunteersPage *self)
{
	roster_volunteers_page_reload(self);
}

/* empties the form for a new volunteer, as the New button does */
void
roster_volunteers_page_new_volunteer(RosterVolunteersPage *self)
{
	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	gtk_selection_model_unselect_all(GTK_SELECTION_MODEL(self->selection));
	fill_form(self, NULL);
	gtk_widget_grab_focus(GTK_WIDGET(self->name_row));
}

static void
new_clicked_cb(RosterVolunteersPage *self)
{
	gtk_selection_model_unselect_all(GTK_SELECTION_MODEL(self->selection));
	fill_form(self, NULL);
	gtk_widget_grab_focus(GTK_WIDGET(self->name_row));
}

static void
save_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *field = NULL;

	gtk_widget_set_sensitive(GTK_WIDGET(self->save_button), TRUE);
	roster_page_release(ROSTER_PAGE(self));
	node = roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);
	if (node == NULL) {
		g_autofree gchar *message = NULL;

		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		/* TRANSLATORS: a refused save: the volunteer's name, then why */
		message = g_strdup_printf(_("%s: %s"),
					  gtk_editable_get_text(GTK_EDITABLE(self->name_row)),
					  error->message);
		show_error(self, message, field);
		/* a number another volunteer holds: who it is */
		if (g_error_matches(error, ROSTER_ERROR, ROSTER_ERROR_ALREADY_EXISTS) &&
		    g_strcmp0(field, ROSTER_KEY_COUNSELLOR_NO) == 0)
			roster_volunteers_page_details_find_holder(
			    self,
			    gtk_editable_get_text(GTK_EDITABLE(self->number_row)));
		return;
	}
	if (JSON_NODE_HOLDS_OBJECT(node)) {
		g_autoptr(RosterItem) item = roster_item_new(json_node_get_object(node));
		gboolean is_new = self->editing == NULL;

		g_set_object(&self->editing, item);
		adw_preferences_group_set_title(self->form_group, roster_item_get_title(item));
		/* a volunteer just created may now be given availability */
		if (is_new)
			roster_volunteers_page_set_availability_volunteer(self);
	}
	clear_errors(self);
	roster_page_show_toast(ROSTER_PAGE(self), _("Volunteer saved"));
	roster_volunteers_page_reload(self);
}

/**
 * roster_volunteers_page_save:
 * @self: a #RosterVolunteersPage
 *
 * Creates or updates the volunteer in the form, as the Save button does.
 *
 * Since: 0.1
 */
void
roster_volunteers_page_save(RosterVolunteersPage *self)
{
	g_autoptr(JsonNode) body = NULL;
	RosterVolunteerFields fields;
	const gchar *invalid;

	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	fields.name = gtk_editable_get_text(GTK_EDITABLE(self->name_row));
	fields.counsellor_no = gtk_editable_get_text(GTK_EDITABLE(self->number_row));
	fields.tier =
	    roster_choice_get_value(ROSTER_CHOICE_TIER, adw_combo_row_get_selected(self->tier_row));
	fields.on_site = gtk_check_button_get_active(self->on_site_check);
	fields.cloud = gtk_check_button_get_active(self->cloud_check);
	fields.phone = gtk_editable_get_text(GTK_EDITABLE(self->phone_row));
	fields.email = gtk_editable_get_text(GTK_EDITABLE(self->email_row));
	/* the typed text, before the spin button would clamp it: 999 is refused, not
	 * silently saved as the upper bound */
	if (!roster_volunteer_fields_parse_max_shifts(
		gtk_editable_get_text(GTK_EDITABLE(self->max_shifts_spin)),
		&fields.max_shifts_month)) {
		g_autofree gchar *message = g_strdup_printf(
		    /* TRANSLATORS: %d is the most shifts a month can hold */
		    _("The maximum shifts a month must be a whole number from 0 to %d"),
		    ROSTER_MAX_SHIFTS_MONTH_LIMIT);
		show_error(self, message, NULL);
		gtk_widget_add_css_class(GTK_WIDGET(self->max_shifts_row), "error");
		return;
	}
	fields.active = gtk_switch_get_active(self->active_switch);
	invalid = roster_volunteers_page_details_read(self, &fields);
	if (invalid != NULL) {
		g_autofree gchar *message = g_strdup_printf(
		    /* TRANSLATORS: %s names a limit, e.g. "Maximum hours a week" */
		    _("“%s” must be empty (no limit) or a whole number within what the period "
		      "holds"),
		    roster_client_get_field_label(invalid));
		show_error(self, message, invalid);
		return;
	}
	body = roster_volunteer_fields_to_json(
	    &fields,
	    self->editing != NULL ? roster_item_get_revision(self->editing) : 0);

	gtk_widget_set_sensitive(GTK_WIDGET(self->save_button), FALSE);
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_VOLUNTEERS,
				 self->editing != NULL ? roster_item_get_id(self->editing) : 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 save_cb,
				 g_object_ref(self));
}

static void
save_clicked_cb(RosterVolunteersPage *self)
{
	roster_volunteers_page_save(self);
}

static void
calendar_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *url =
	    roster_client_create_calendar_token_finish(ROSTER_CLIENT(source), result, &error);

	gtk_widget_set_sensitive(GTK_WIDGET(self->calendar_button), TRUE);
	if (url == NULL) {
		if (error != NULL)
			roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	g_free(self->calendar_url);
	self->calendar_url = g_steal_pointer(&url);
	adw_action_row_set_subtitle(self->calendar_row, self->calendar_url);
	gdk_clipboard_set_text(gtk_widget_get_clipboard(GTK_WIDGET(self)), self->calendar_url);
	roster_page_show_toast(ROSTER_PAGE(self),
			       _("Calendar link copied; the previous link no longer works"));
}

static void
calendar_clicked_cb(RosterVolunteersPage *self)
{
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || self->editing == NULL)
		return;
	gtk_widget_set_sensitive(GTK_WIDGET(self->calendar_button), FALSE);
	roster_client_create_calendar_token_async(roster_page_get_client(ROSTER_PAGE(self)),
						  roster_item_get_id(self->editing),
						  roster_page_get_cancellable(ROSTER_PAGE(self)),
						  calendar_cb,
						  g_object_ref(self));
}

static void
set_importing(RosterVolunteersPage *self, gboolean importing)
{
	self->importing = importing;
	gtk_widget_set_sensitive(GTK_WIDGET(self->import_button), !importing);
}

gboolean
roster_volunteers_page_get_importing(RosterVolunteersPage *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self), FALSE);
	return self->importing;
}

static void
show_import_result(RosterVolunteersPage *self, guint n_created, GPtrArray *errors)
{
	g_autoptr(GString) body = g_string_new(NULL);
	g_autofree gchar *title = roster_volunteer_import_dup_title(n_created);
	GtkWidget *dialog;

	g_string_append_printf(body,
			       ngettext("%u volunteer added.", "%u volunteers added.", n_created),
			       n_created);
	if (errors->len > 0) {
		g_string_append(body, "\n\n");
		g_string_append_printf(body,
				       ngettext("%u problem:", "%u problems:", errors->len),
				       errors->len);
	}
	for (guint i = 0; i < errors->len && i < 20; i++)
		g_string_append_printf(body, "\n%s", (const gchar *)g_ptr_array_index(errors, i));
	if (errors->len > 20)
		g_string_append(body, "\n…");
	dialog = adw_message_dialog_new(GTK_WINDOW(gtk_widget_get_root(GTK_WIDGET(self))),
					title,
					body->str);
	adw_message_dialog_add_response(ADW_MESSAGE_DIALOG(dialog), "close", _("_Close"));
	gtk_widget_add_css_class(dialog, "import-result");
	gtk_window_present(GTK_WINDOW(dialog));
}

static void
import_run_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	RosterVolunteerImport *import = ROSTER_VOLUNTEER_IMPORT(source);
	g_autoptr(GError) error = NULL;
	guint n_created = 0;

	set_importing(self, FALSE);
	if (!roster_volunteer_import_run_finish(import, result, &n_created, &error)) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_toast(ROSTER_PAGE(self), error->message);
		return;
	}
	show_import_result(self, n_created, roster_volunteer_import_get_errors(import));
	roster_volunteers_page_reload(self);
}

static void
import_loaded_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(RosterVolunteerImport) import = roster_volunteer_import_new();
	g_autoptr(GError) error = NULL;
	g_autofree gchar *contents = NULL;
	gsize length = 0;

	if (!g_file_load_contents_finish(G_FILE(source),
					 result,
					 &contents,
					 &length,
					 NULL,
					 &error) ||
	    !roster_volunteer_import_parse(import, contents, length, &error)) {
		set_importing(self, FALSE);
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_toast(ROSTER_PAGE(self), error->message);
		return;
	}
	roster_volunteer_import_run_async(import,
					  roster_page_get_client(ROSTER_PAGE(self)),
					  roster_page_get_cancellable(ROSTER_PAGE(self)),
					  import_run_cb,
					  g_object_ref(self));
}

/**
 * roster_volunteers_page_import_file:
 * @self: a #RosterVolunteersPage
 * @file: a CSV file
 *
 * Adds the volunteers of @file and shows what was added and which rows were refused.
 *
 * Since: 0.1
 */
void
roster_volunteers_page_import_file(RosterVolunteersPage *self, GFile *file)
{
	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	g_return_if_fail(G_IS_FILE(file));
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || self->importing)
		return;
	set_importing(self, TRUE);
	g_file_load_contents_async(file,
				   roster_page_get_cancellable(ROSTER_PAGE(self)),
				   import_loaded_cb,
				   g_object_ref(self));
}

static void
chooser_response_cb(GtkNativeDialog *dialog, gint response, gpointer user_data)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GFile) file = NULL;

	if (response == GTK_RESPONSE_ACCEPT)
		file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
	g_clear_object(&self->chooser);
	if (file != NULL)
		roster_volunteers_page_import_file(self, file);
}

static void
import_clicked_cb(RosterVolunteersPage *self)
{
	GtkWidget *root = GTK_WIDGET(gtk_widget_get_root(GTK_WIDGET(self)));
	g_autoptr(GtkFileFilter) filter = gtk_file_filter_new();

	g_clear_object(&self->chooser);
	self->chooser = gtk_file_chooser_native_new(_("Import Volunteers"),
						    GTK_IS_WINDOW(root) ? GTK_WINDOW(root) : NULL,
						    GTK_FILE_CHOOSER_ACTION_OPEN,
						    _("_Import"),
						    _("_Cancel"));
	gtk_file_filter_set_name(filter, _("CSV files"));
	gtk_file_filter_add_suffix(filter, "csv");
	gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(self->chooser), filter);
	g_signal_connect_object(self->chooser,
				"response",
				G_CALLBACK(chooser_response_cb),
				self,
				0);
	gtk_native_dialog_show(GTK_NATIVE_DIALOG(self->chooser));
}

/* the last calendar link made in this view, or NULL */
const gchar *
roster_volunteers_page_get_calendar_url(RosterVolunteersPage *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self), NULL);
	return self->calendar_url;
}

static void
roster_volunteers_page_client_changed(RosterPage *page)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);

	gboolean can_edit = roster_client_can_plan(client);

	/* another account: nothing the previous session opened stays in the form */
	fill_form(self, NULL);
	/* a manager reads volunteers: no button that the daemon would refuse */
	gtk_widget_set_visible(gtk_widget_get_parent(GTK_WIDGET(self->save_button)), can_edit);
	gtk_widget_set_visible(GTK_WIDGET(self->import_button), can_edit);
	gtk_widget_set_visible(GTK_WIDGET(self->calendar_button), can_edit);
	gtk_widget_set_visible(GTK_WIDGET(self->availability_save_button), can_edit);
	roster_volunteers_page_details_set_client(self, client);
	g_clear_object(&self->list);
	self->list = roster_item_list_new_for(client, ROSTER_RESOURCE_VOLUNTEERS, 0);
	roster_item_list_set_describe_func(self->list, roster_volunteer_describe);
	gtk_single_selection_set_model(self->selection, G_LIST_MODEL(self->list));
}

void
roster_volunteers_page_set_client(RosterVolunteersPage *self, RosterClient *client)
{
	roster_page_set_client(ROSTER_PAGE(self), client);
}

GListModel *
roster_volunteers_page_get_model(RosterVolunteersPage *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self), NULL);
	return self->list != NULL ? G_LIST_MODEL(self->list) : NULL;
}

void
roster_volunteers_page_select(RosterVolunteersPage *self, guint position)
{
	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	gtk_single_selection_set_selected(self->selection, position);
}

/**
 * roster_volunteers_page_show_volunteer:
 * @self: a #RosterVolunteersPage
 * @volunteer_id: a volunteer
 *
 * Selects the volunteer in the list and opens it in the form; a search or filter
 * that hides them is cleared first.
 *
 * Since: 0.1
 */
void
roster_volunteers_page_show_volunteer(RosterVolunteersPage *self, gint64 volunteer_id)
{
	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	if (self->list == NULL)
		return;
	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->list)); i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(G_LIST_MODEL(self->list), i);
		if (roster_item_get_id(item) != volunteer_id)
			continue;
		self->show_id = 0;
		gtk_single_selection_set_selected(self->selection, i);
		return;
	}
	self->show_id = volunteer_id;
	gtk_drop_down_set_selected(self->tier_dropdown, 0);
	gtk_check_button_set_active(self->active_check, FALSE);
	roster_volunteers_page_set_search(self, "");
}

void
roster_volunteers_page_set_search(RosterVolunteersPage *self, const gchar *text)
{
	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	gtk_editable_set_text(GTK_EDITABLE(self->search_entry), text);
	roster_volunteers_page_reload(self);
}

static void
roster_volunteers_page_dispose(GObject *object)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(object);

	g_clear_object(&self->editing);
	if (self->list_cancellable != NULL)
		g_cancellable_cancel(self->list_cancellable);
	g_clear_object(&self->list_cancellable);
	if (self->availability_cancellable != NULL)
		g_cancellable_cancel(self->availability_cancellable);
	g_clear_object(&self->availability_cancellable);
	g_clear_object(&self->editing_availability);
	g_clear_object(&self->availability);
	g_clear_pointer(&self->calendar_url, g_free);
	if (self->chooser != NULL)
		gtk_native_dialog_destroy(GTK_NATIVE_DIALOG(self->chooser));
	g_clear_object(&self->chooser);
	g_clear_object(&self->selection);
	g_clear_object(&self->list);
	g_clear_object(&self->teams);
	g_clear_pointer(&self->skills, json_array_unref);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_VOLUNTEERS_PAGE);
	G_OBJECT_CLASS(roster_volunteers_page_parent_class)->dispose(object);
}

static void
roster_volunteers_page_class_init(RosterVolunteersPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_volunteers_page_dispose;
	page_class->reload = roster_volunteers_page_real_reload;
	page_class->client_changed = roster_volunteers_page_client_changed;
	g_type_ensure(ROSTER_TYPE_ITEM);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(
	    widget_class,
	    "/cn/hotline/Roster/ui/roster-volunteers-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, search_entry);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, tier_dropdown);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, active_check);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, list_view);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, count_label);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, form_group);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, name_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, number_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, tier_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, modes_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, on_site_check);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, cloud_check);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, phone_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, email_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, max_shifts_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, max_shifts_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, active_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, calendar_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, calendar_button);
	gtk_widget_class_bind_template_callback(widget_class, calendar_clicked_cb);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, import_button);
	gtk_widget_class_bind_template_callback(widget_class, import_clicked_cb);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, active_switch);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, save_button);
	gtk_widget_class_bind_template_callback(widget_class, filter_changed_cb);
	gtk_widget_class_bind_template_callback(widget_class, new_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, save_clicked_cb);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_group);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_form_group);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, availability_list);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_kind_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_day_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_date_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_start_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_end_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_note_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_error_label);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_save_button);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     availability_cancel_button);
	roster_volunteers_page_availability_class_init(widget_class);
	roster_volunteers_page_details_class_init(widget_class);
}

static void
roster_volunteers_page_init(RosterVolunteersPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	self->selection = gtk_single_selection_new(NULL);
	gtk_single_selection_set_autoselect(self->selection, FALSE);
	gtk_single_selection_set_can_unselect(self->selection, TRUE);
	gtk_list_view_set_model(self->list_view, GTK_SELECTION_MODEL(self->selection));
	g_signal_connect(self->selection,
			 "notify::selected-item",
			 G_CALLBACK(selection_changed_cb),
			 self);
	roster_row_set_placeholder(self->availability_list,
				   _("No availability entries: the volunteer may take any shift"));
	roster_volunteers_page_details_init(self);
	fill_form(self, NULL);
}
