/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "roster-item-list.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-row-actions.h"
#include "roster-volunteer-import.h"
#include "roster-volunteers-page.h"

/*
 * The volunteers view: a searchable, filterable list (a RosterItemList reloaded with
 * the search as query parameters) and an edit form that shows the daemon's 422 field
 * next to the row it is about.
 */

struct _RosterVolunteersPage {
	GtkWidget parent_instance;
	GtkSearchEntry *search_entry;
	GtkDropDown *tier_dropdown;
	GtkCheckButton *active_check;
	GtkListView *list_view;
	GtkLabel *count_label;
	AdwPreferencesGroup *form_group;
	AdwEntryRow *name_row;
	AdwEntryRow *number_row;
	AdwComboRow *tier_row;
	AdwActionRow *modes_row;
	GtkCheckButton *on_site_check;
	GtkCheckButton *cloud_check;
	AdwEntryRow *phone_row;
	AdwEntryRow *email_row;
	AdwActionRow *max_shifts_row;
	GtkSpinButton *max_shifts_spin;
	AdwActionRow *active_row;
	AdwActionRow *calendar_row;
	GtkButton *calendar_button;
	gchar *calendar_url;
	GtkButton *import_button;
	GtkFileChooserNative *chooser;
	gboolean importing;
	GtkSwitch *active_switch;
	GtkLabel *error_label;
	GtkButton *save_button;
	RosterClient *client;
	RosterItemList *list;
	GtkSingleSelection *selection;
	GCancellable *cancellable;
	/* the volunteer in the form, or NULL for a new one */
	RosterItem *editing;
	AdwPreferencesGroup *availability_group;
	AdwPreferencesGroup *availability_form_group;
	GtkListBox *availability_list;
	AdwComboRow *availability_kind_row;
	AdwComboRow *availability_day_row;
	AdwEntryRow *availability_date_row;
	AdwEntryRow *availability_start_row;
	AdwEntryRow *availability_end_row;
	AdwEntryRow *availability_note_row;
	GtkLabel *availability_error_label;
	GtkButton *availability_save_button;
	GtkButton *availability_cancel_button;
	/* the availability of the volunteer in the form, and its own cancellable so that
	 * choosing another volunteer drops a load still under way */
	RosterItemList *availability;
	GCancellable *availability_cancellable;
	/* the entry in the availability form, or NULL for a new one */
	RosterItem *editing_availability;
	guint availability_pending;
	/* a volunteer to select once the list has loaded, or 0 */
	gint64 show_id;
};

G_DEFINE_FINAL_TYPE(RosterVolunteersPage, roster_volunteers_page, GTK_TYPE_WIDGET)

static const gchar *tiers[] = {ROSTER_TIER_TRAINEE,
			       ROSTER_TIER_COUNSELLOR,
			       ROSTER_TIER_SENIOR,
			       ROSTER_TIER_EXPERT};

/* in the order of the kind row's items */
static const gchar *availability_kinds[] = {ROSTER_AVAILABILITY_UNAVAILABLE,
					    ROSTER_AVAILABILITY_PREFERRED,
					    ROSTER_AVAILABILITY_AVOID};

/* the day row lists Monday to Sunday, then a single date */
#define DAY_ROW_DATE 7

static void
set_availability_volunteer(RosterVolunteersPage *self);

static void
show_toast(RosterVolunteersPage *self, const gchar *message)
{
	gtk_widget_activate_action(GTK_WIDGET(self), "win.toast", "s", message);
}

static GtkWidget *
row_for_field(RosterVolunteersPage *self, const gchar *field)
{
	if (g_strcmp0(field, ROSTER_KEY_NAME) == 0)
		return GTK_WIDGET(self->name_row);
	if (g_strcmp0(field, ROSTER_KEY_COUNSELLOR_NO) == 0)
		return GTK_WIDGET(self->number_row);
	if (g_strcmp0(field, ROSTER_KEY_TIER) == 0)
		return GTK_WIDGET(self->tier_row);
	if (g_strcmp0(field, ROSTER_KEY_MODES) == 0)
		return GTK_WIDGET(self->modes_row);
	if (g_strcmp0(field, ROSTER_KEY_PHONE) == 0)
		return GTK_WIDGET(self->phone_row);
	if (g_strcmp0(field, ROSTER_KEY_EMAIL) == 0)
		return GTK_WIDGET(self->email_row);
	if (g_strcmp0(field, ROSTER_KEY_MAX_SHIFTS_MONTH) == 0)
		return GTK_WIDGET(self->max_shifts_row);
	if (g_strcmp0(field, ROSTER_KEY_ACTIVE) == 0)
		return GTK_WIDGET(self->active_row);
	return NULL;
}

static void
clear_errors(RosterVolunteersPage *self)
{
	const gchar *fields[] = {ROSTER_KEY_NAME,
				 ROSTER_KEY_COUNSELLOR_NO,
				 ROSTER_KEY_TIER,
				 ROSTER_KEY_MODES,
				 ROSTER_KEY_PHONE,
				 ROSTER_KEY_EMAIL,
				 ROSTER_KEY_MAX_SHIFTS_MONTH,
				 ROSTER_KEY_ACTIVE};

	for (guint i = 0; i < G_N_ELEMENTS(fields); i++)
		gtk_widget_remove_css_class(row_for_field(self, fields[i]), "error");
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), FALSE);
}

static void
show_error(RosterVolunteersPage *self, const gchar *message, const gchar *field)
{
	GtkWidget *row = row_for_field(self, field);

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
	JsonNode *modes = NULL;
	const gchar *tier;
	gboolean on_site = FALSE;
	gboolean cloud = FALSE;

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
	gtk_editable_set_text(GTK_EDITABLE(self->name_row),
			      item != NULL ? roster_item_get_title(item) : "");
	gtk_editable_set_text(GTK_EDITABLE(self->number_row),
			      item != NULL &&
				      roster_item_get_string(item, ROSTER_KEY_COUNSELLOR_NO) != NULL
				  ? roster_item_get_string(item, ROSTER_KEY_COUNSELLOR_NO)
				  : "");
	tier = item != NULL ? roster_item_get_string(item, ROSTER_KEY_TIER)
			    : ROSTER_TIER_COUNSELLOR;
	for (guint i = 0; i < G_N_ELEMENTS(tiers); i++) {
		if (g_strcmp0(tiers[i], tier) == 0)
			adw_combo_row_set_selected(self->tier_row, i);
	}
	if (item != NULL)
		modes = json_object_get_member(roster_item_get_object(item), ROSTER_KEY_MODES);
	if (modes != NULL && JSON_NODE_HOLDS_ARRAY(modes)) {
		JsonArray *array = json_node_get_array(modes);
		for (guint i = 0; i < json_array_get_length(array); i++) {
			const gchar *mode = json_array_get_string_element(array, i);
			on_site |= g_strcmp0(mode, ROSTER_MODE_ON_SITE) == 0;
			cloud |= g_strcmp0(mode, ROSTER_MODE_CLOUD) == 0;
		}
	} else if (item == NULL) {
		on_site = TRUE;
	}
	gtk_check_button_set_active(self->on_site_check, on_site);
	gtk_check_button_set_active(self->cloud_check, cloud);
	gtk_editable_set_text(GTK_EDITABLE(self->phone_row),
			      item != NULL && roster_item_get_string(item, ROSTER_KEY_PHONE) != NULL
				  ? roster_item_get_string(item, ROSTER_KEY_PHONE)
				  : "");
	gtk_editable_set_text(GTK_EDITABLE(self->email_row),
			      item != NULL && roster_item_get_string(item, ROSTER_KEY_EMAIL) != NULL
				  ? roster_item_get_string(item, ROSTER_KEY_EMAIL)
				  : "");
	gtk_spin_button_set_value(
	    self->max_shifts_spin,
	    (gdouble)(item != NULL ? roster_item_get_int(item, ROSTER_KEY_MAX_SHIFTS_MONTH, 12)
				   : 12));
	gtk_switch_set_active(self->active_switch,
			      item != NULL ? roster_item_get_boolean(item, ROSTER_KEY_ACTIVE, TRUE)
					   : TRUE);
	set_availability_volunteer(self);
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

	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_toast(self, error->message);
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
void
roster_volunteers_page_reload(RosterVolunteersPage *self)
{
	g_autofree gchar *path = NULL;
	guint tier_index;

	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	if (self->list == NULL)
		return;
	tier_index = gtk_drop_down_get_selected(self->tier_dropdown);
	path = roster_client_build_query(
	    "/" ROSTER_COLLECTION_VOLUNTEERS,
	    ROSTER_PARAM_Q,
	    gtk_editable_get_text(GTK_EDITABLE(self->search_entry)),
	    ROSTER_PARAM_TIER,
	    tier_index >= 1 && tier_index <= G_N_ELEMENTS(tiers) ? tiers[tier_index - 1] : NULL,
	    ROSTER_PARAM_ACTIVE,
	    gtk_check_button_get_active(self->active_check) ? "true" : NULL,
	    ROSTER_PARAM_LIMIT,
	    "500",
	    NULL);
	roster_item_list_set_path(self->list, path);
	g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	self->cancellable = g_cancellable_new();
	roster_item_list_reload_async(self->list, self->cancellable, reload_cb, g_object_ref(self));
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
	node = roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);
	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_error(self, error->message, field);
		return;
	}
	if (JSON_NODE_HOLDS_OBJECT(node)) {
		g_autoptr(RosterItem) item = roster_item_new(json_node_get_object(node));
		gboolean is_new = self->editing == NULL;

		g_set_object(&self->editing, item);
		adw_preferences_group_set_title(self->form_group, roster_item_get_title(item));
		/* a volunteer just created may now be given availability */
		if (is_new)
			set_availability_volunteer(self);
	}
	clear_errors(self);
	show_toast(self, _("Volunteer saved"));
	roster_volunteers_page_reload(self);
}

static void
add_string(JsonBuilder *builder, const gchar *key, const gchar *value)
{
	json_builder_set_member_name(builder, key);
	json_builder_add_string_value(builder, value);
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
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;
	const gchar *phone = gtk_editable_get_text(GTK_EDITABLE(self->phone_row));
	const gchar *email = gtk_editable_get_text(GTK_EDITABLE(self->email_row));
	guint tier_index = adw_combo_row_get_selected(self->tier_row);

	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	if (self->client == NULL)
		return;
	json_builder_begin_object(builder);
	if (self->editing != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
		json_builder_add_int_value(builder, roster_item_get_revision(self->editing));
	}
	add_string(builder, ROSTER_KEY_NAME, gtk_editable_get_text(GTK_EDITABLE(self->name_row)));
	add_string(builder,
		   ROSTER_KEY_COUNSELLOR_NO,
		   gtk_editable_get_text(GTK_EDITABLE(self->number_row)));
	add_string(builder,
		   ROSTER_KEY_TIER,
		   tier_index < G_N_ELEMENTS(tiers) ? tiers[tier_index] : ROSTER_TIER_COUNSELLOR);
	json_builder_set_member_name(builder, ROSTER_KEY_MODES);
	json_builder_begin_array(builder);
	if (gtk_check_button_get_active(self->on_site_check))
		json_builder_add_string_value(builder, ROSTER_MODE_ON_SITE);
	if (gtk_check_button_get_active(self->cloud_check))
		json_builder_add_string_value(builder, ROSTER_MODE_CLOUD);
	json_builder_end_array(builder);
	if (phone[0] != '\0')
		add_string(builder, ROSTER_KEY_PHONE, phone);
	if (email[0] != '\0')
		add_string(builder, ROSTER_KEY_EMAIL, email);
	json_builder_set_member_name(builder, ROSTER_KEY_MAX_SHIFTS_MONTH);
	json_builder_add_int_value(builder,
				   gtk_spin_button_get_value_as_int(self->max_shifts_spin));
	json_builder_set_member_name(builder, ROSTER_KEY_ACTIVE);
	json_builder_add_boolean_value(builder, gtk_switch_get_active(self->active_switch));
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);

	if (self->editing != NULL) {
		path = g_strdup_printf("/%s/%" G_GINT64_FORMAT,
				       ROSTER_COLLECTION_VOLUNTEERS,
				       roster_item_get_id(self->editing));
	} else {
		path = g_strdup("/" ROSTER_COLLECTION_VOLUNTEERS);
	}
	gtk_widget_set_sensitive(GTK_WIDGET(self->save_button), FALSE);
	roster_client_call_async(self->client,
				 self->editing != NULL ? "PATCH" : "POST",
				 path,
				 body,
				 self->cancellable,
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
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);
	const gchar *url = NULL;
	g_autofree gchar *root = NULL;

	gtk_widget_set_sensitive(GTK_WIDGET(self->calendar_button), TRUE);
	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_toast(self, error->message);
		return;
	}
	if (JSON_NODE_HOLDS_OBJECT(node))
		url = json_object_get_string_member_with_default(json_node_get_object(node),
								 ROSTER_KEY_URL,
								 NULL);
	if (url == NULL)
		return;
	g_free(self->calendar_url);
	/* a path is relative to the server, not to the API root */
	if (url[0] == '/') {
		root = g_strdup(roster_client_get_base_url(self->client));
		if (g_str_has_suffix(root, "/api/v1"))
			root[strlen(root) - strlen("/api/v1")] = '\0';
		self->calendar_url = g_strconcat(root, url, NULL);
	} else {
		self->calendar_url = g_strdup(url);
	}
	adw_action_row_set_subtitle(self->calendar_row, self->calendar_url);
	gdk_clipboard_set_text(gtk_widget_get_clipboard(GTK_WIDGET(self)), self->calendar_url);
	show_toast(self, _("Calendar link copied; the previous link no longer works"));
}

static void
calendar_clicked_cb(RosterVolunteersPage *self)
{
	g_autofree gchar *path = NULL;

	if (self->client == NULL || self->editing == NULL)
		return;
	path = g_strdup_printf("/calendar-tokens/%" G_GINT64_FORMAT,
			       roster_item_get_id(self->editing));
	gtk_widget_set_sensitive(GTK_WIDGET(self->calendar_button), FALSE);
	roster_client_call_async(self->client,
				 "POST",
				 path,
				 NULL,
				 self->cancellable,
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
					_("Import Finished"),
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
			show_toast(self, error->message);
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
			show_toast(self, error->message);
		return;
	}
	roster_volunteer_import_run_async(import,
					  self->client,
					  self->cancellable,
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
	if (self->client == NULL || self->importing)
		return;
	set_importing(self, TRUE);
	g_file_load_contents_async(file, self->cancellable, import_loaded_cb, g_object_ref(self));
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

static GtkWidget *
availability_row_for_field(RosterVolunteersPage *self, const gchar *field)
{
	if (g_strcmp0(field, ROSTER_KEY_KIND) == 0)
		return GTK_WIDGET(self->availability_kind_row);
	if (g_strcmp0(field, ROSTER_KEY_WEEKDAY) == 0)
		return GTK_WIDGET(self->availability_day_row);
	if (g_strcmp0(field, ROSTER_KEY_DATE) == 0) {
		return adw_combo_row_get_selected(self->availability_day_row) == DAY_ROW_DATE
			   ? GTK_WIDGET(self->availability_date_row)
			   : GTK_WIDGET(self->availability_day_row);
	}
	if (g_strcmp0(field, ROSTER_KEY_START) == 0)
		return GTK_WIDGET(self->availability_start_row);
	if (g_strcmp0(field, ROSTER_KEY_END) == 0)
		return GTK_WIDGET(self->availability_end_row);
	if (g_strcmp0(field, ROSTER_KEY_NOTE) == 0)
		return GTK_WIDGET(self->availability_note_row);
	return NULL;
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
	GtkWidget *row = availability_row_for_field(self, field);

	clear_availability_errors(self);
	if (row != NULL)
		gtk_widget_add_css_class(row, "error");
	gtk_label_set_text(self->availability_error_label, message);
	gtk_widget_set_visible(GTK_WIDGET(self->availability_error_label), TRUE);
}

/* puts @entry into the availability form, or empties it for a new entry */
static void
fill_availability_form(RosterVolunteersPage *self, RosterItem *entry)
{
	const gchar *kind = entry != NULL ? roster_item_get_string(entry, ROSTER_KEY_KIND) : NULL;
	const gchar *date = entry != NULL ? roster_item_get_string(entry, ROSTER_KEY_DATE) : NULL;
	const gchar *start = entry != NULL ? roster_item_get_string(entry, ROSTER_KEY_START) : NULL;
	const gchar *end = entry != NULL ? roster_item_get_string(entry, ROSTER_KEY_END) : NULL;
	const gchar *note = entry != NULL ? roster_item_get_string(entry, ROSTER_KEY_NOTE) : NULL;
	gint64 weekday = entry != NULL ? roster_item_get_int(entry, ROSTER_KEY_WEEKDAY, 1) : 1;

	g_set_object(&self->editing_availability, entry);
	clear_availability_errors(self);
	adw_combo_row_set_selected(self->availability_kind_row, 0);
	for (guint i = 0; kind != NULL && i < G_N_ELEMENTS(availability_kinds); i++) {
		if (g_strcmp0(availability_kinds[i], kind) == 0)
			adw_combo_row_set_selected(self->availability_kind_row, i);
	}
	if (date != NULL) {
		adw_combo_row_set_selected(self->availability_day_row, DAY_ROW_DATE);
	} else {
		adw_combo_row_set_selected(self->availability_day_row,
					   weekday >= 1 && weekday <= 7 ? (guint)weekday - 1 : 0);
	}
	gtk_editable_set_text(GTK_EDITABLE(self->availability_date_row), date != NULL ? date : "");
	gtk_editable_set_text(GTK_EDITABLE(self->availability_start_row),
			      start != NULL ? start : "");
	gtk_editable_set_text(GTK_EDITABLE(self->availability_end_row), end != NULL ? end : "");
	gtk_editable_set_text(GTK_EDITABLE(self->availability_note_row), note != NULL ? note : "");
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
		show_toast(self, error->message);
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
			show_toast(self, error->message);
		return;
	}
	show_toast(self, _("Availability entry deleted"));
	reload_availability(self);
}

static void
availability_delete(gpointer page, RosterItem *entry)
{
	RosterVolunteersPage *self = ROSTER_VOLUNTEERS_PAGE(page);
	g_autofree gchar *path = NULL;

	if (self->client == NULL || self->availability == NULL || entry == NULL)
		return;
	/* the form must not keep an entry that is about to go */
	if (self->editing_availability != NULL &&
	    roster_item_get_id(self->editing_availability) == roster_item_get_id(entry))
		fill_availability_form(self, NULL);
	path = g_strdup_printf("%s/%" G_GINT64_FORMAT "?%s=%" G_GINT64_FORMAT,
			       roster_item_list_get_path(self->availability),
			       roster_item_get_id(entry),
			       ROSTER_KEY_REVISION,
			       roster_item_get_revision(entry));
	self->availability_pending++;
	roster_client_call_async(self->client,
				 "DELETE",
				 path,
				 NULL,
				 self->availability_cancellable,
				 availability_delete_cb,
				 g_object_ref(self));
}

static GtkWidget *
create_availability_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *entry = ROSTER_ITEM(item);
	const gchar *note = roster_item_get_string(entry, ROSTER_KEY_NOTE);
	GtkWidget *row = adw_action_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), roster_item_get_subtitle(entry));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), note != NULL ? note : "");
	roster_row_add_edit_delete(ADW_ACTION_ROW(row),
				   entry,
				   "availability",
				   availability_edit,
				   availability_delete,
				   user_data);
	return row;
}

/* follows the volunteer in the form: its availability, or nothing for a new one */
static void
set_availability_volunteer(RosterVolunteersPage *self)
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
	if (self->client == NULL || self->editing == NULL) {
		gtk_list_box_bind_model(self->availability_list, NULL, NULL, NULL, NULL);
		return;
	}
	path = g_strdup_printf("/%s/%" G_GINT64_FORMAT "/%s",
			       ROSTER_COLLECTION_VOLUNTEERS,
			       roster_item_get_id(self->editing),
			       ROSTER_COLLECTION_AVAILABILITY);
	self->availability = roster_item_list_new(self->client, path);
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
	show_toast(self,
		   self->editing_availability != NULL ? _("Availability entry saved")
						      : _("Availability entry added"));
	fill_availability_form(self, NULL);
	reload_availability(self);
}

static void
add_nullable_string(JsonBuilder *builder, const gchar *key, const gchar *value)
{
	json_builder_set_member_name(builder, key);
	if (value != NULL && value[0] != '\0')
		json_builder_add_string_value(builder, value);
	else
		json_builder_add_null_value(builder);
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
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;
	guint kind_index;
	guint day_index;

	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	if (self->client == NULL || self->availability == NULL)
		return;
	kind_index = adw_combo_row_get_selected(self->availability_kind_row);
	day_index = adw_combo_row_get_selected(self->availability_day_row);
	json_builder_begin_object(builder);
	if (self->editing_availability != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
		json_builder_add_int_value(builder,
					   roster_item_get_revision(self->editing_availability));
	}
	json_builder_set_member_name(builder, ROSTER_KEY_KIND);
	json_builder_add_string_value(builder,
				      kind_index < G_N_ELEMENTS(availability_kinds)
					  ? availability_kinds[kind_index]
					  : ROSTER_AVAILABILITY_UNAVAILABLE);
	/* one of date and weekday; the other is cleared, so an edit may switch between them */
	json_builder_set_member_name(builder, ROSTER_KEY_WEEKDAY);
	if (day_index < DAY_ROW_DATE)
		json_builder_add_int_value(builder, (gint64)day_index + 1);
	else
		json_builder_add_null_value(builder);
	add_nullable_string(builder,
			    ROSTER_KEY_DATE,
			    day_index == DAY_ROW_DATE
				? gtk_editable_get_text(GTK_EDITABLE(self->availability_date_row))
				: NULL);
	add_nullable_string(builder,
			    ROSTER_KEY_START,
			    gtk_editable_get_text(GTK_EDITABLE(self->availability_start_row)));
	add_nullable_string(builder,
			    ROSTER_KEY_END,
			    gtk_editable_get_text(GTK_EDITABLE(self->availability_end_row)));
	add_nullable_string(builder,
			    ROSTER_KEY_NOTE,
			    gtk_editable_get_text(GTK_EDITABLE(self->availability_note_row)));
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	if (self->editing_availability != NULL) {
		path = g_strdup_printf("%s/%" G_GINT64_FORMAT,
				       roster_item_list_get_path(self->availability),
				       roster_item_get_id(self->editing_availability));
	} else {
		path = g_strdup(roster_item_list_get_path(self->availability));
	}
	self->availability_pending++;
	gtk_widget_set_sensitive(GTK_WIDGET(self->availability_save_button), FALSE);
	roster_client_call_async(self->client,
				 self->editing_availability != NULL ? "PATCH" : "POST",
				 path,
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

/* the last calendar link made in this view, or NULL */
const gchar *
roster_volunteers_page_get_calendar_url(RosterVolunteersPage *self)
{
	g_return_val_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self), NULL);
	return self->calendar_url;
}

void
roster_volunteers_page_set_client(RosterVolunteersPage *self, RosterClient *client)
{
	g_return_if_fail(ROSTER_IS_VOLUNTEERS_PAGE(self));
	if (!g_set_object(&self->client, client))
		return;
	g_clear_object(&self->list);
	self->list = roster_item_list_new(client, "/" ROSTER_COLLECTION_VOLUNTEERS);
	roster_item_list_set_describe_func(self->list, roster_volunteer_describe);
	gtk_single_selection_set_model(self->selection, G_LIST_MODEL(self->list));
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
	GtkWidget *child;

	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	g_clear_object(&self->editing);
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
	g_clear_object(&self->client);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_VOLUNTEERS_PAGE);
	/* the root of the template is not a bound child, so it is not unparented for us */
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self))) != NULL)
		gtk_widget_unparent(child);
	G_OBJECT_CLASS(roster_volunteers_page_parent_class)->dispose(object);
}

static void
roster_volunteers_page_class_init(RosterVolunteersPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->dispose = roster_volunteers_page_dispose;
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
	gtk_widget_class_bind_template_callback(widget_class, availability_save_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, availability_cancel_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, availability_day_changed_cb);
}

static void
roster_volunteers_page_init(RosterVolunteersPage *self)
{
	GtkWidget *placeholder;

	gtk_widget_init_template(GTK_WIDGET(self));
	self->selection = gtk_single_selection_new(NULL);
	gtk_single_selection_set_autoselect(self->selection, FALSE);
	gtk_single_selection_set_can_unselect(self->selection, TRUE);
	gtk_list_view_set_model(self->list_view, GTK_SELECTION_MODEL(self->selection));
	g_signal_connect(self->selection,
			 "notify::selected-item",
			 G_CALLBACK(selection_changed_cb),
			 self);
	self->cancellable = g_cancellable_new();
	placeholder = gtk_label_new(_("No availability entries: the volunteer may take any shift"));
	gtk_label_set_wrap(GTK_LABEL(placeholder), TRUE);
	gtk_widget_add_css_class(placeholder, "dim-label");
	gtk_widget_set_margin_top(placeholder, 12);
	gtk_widget_set_margin_bottom(placeholder, 12);
	gtk_widget_set_margin_start(placeholder, 12);
	gtk_widget_set_margin_end(placeholder, 12);
	gtk_list_box_set_placeholder(self->availability_list, placeholder);
	fill_form(self, NULL);
}
