/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar's form in the seats view: two groups of the view's preferences
 * page, one with the night window and the weekly manned hours, one with the dated
 * overrides and a form that adds or edits one; the hours and the overrides are saved
 * apart with PATCH and the revision read, and a 422 marks the row of the field it names */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-calendar-fields.h"
#include "roster-calendar-form.h"
#include "roster-client-records.h"
#include "roster-date.h"
#include "roster-holiday-import-row.h"
#include "roster-record-fields.h"

/* what a save changes: the night and weekly hours, or the overrides with the one in
 * the override form put in its place, or one of them removed */
typedef enum {
	CHANGE_NOTHING,
	CHANGE_HOURS,
	CHANGE_PUT,
	CHANGE_REMOVE,
} Change;

struct _RosterCalendarForm {
	GObject parent_instance;
	RosterPage *page; /* unowned: the page owns the form */
	RosterItem *calendar;
	RosterCalendarFields fields;
	AdwPreferencesGroup *calendar_group;
	AdwEntryRow *night_start_row;
	AdwEntryRow *night_end_row;
	AdwEntryRow *weekly_rows[7];
	/* what a holiday of the imported calendar takes, and the line's own hours */
	AdwComboRow *holiday_row;
	AdwEntryRow *holiday_windows_row;
	GtkLabel *calendar_error_label;
	GtkButton *save_button;
	AdwPreferencesGroup *overrides_group;
	GtkListBox *overrides_list;
	AdwPreferencesGroup *override_form_group;
	AdwEntryRow *from_row;
	AdwEntryRow *to_row;
	AdwEntryRow *windows_row;
	AdwEntryRow *name_row;
	AdwEntryRow *note_row;
	GtkLabel *override_error_label;
	GtkButton *override_button;
	GtkButton *override_cancel_button;
	/* the override in the form, or -1 for a new one */
	gint editing;
	/* what the save under way, then the reload that follows it, changes */
	Change saving;
};

G_DEFINE_FINAL_TYPE(RosterCalendarForm, roster_calendar_form, G_TYPE_OBJECT)

static void
clear_errors(RosterCalendarForm *self)
{
	GtkWidget *rows[] = {GTK_WIDGET(self->night_start_row),
			     GTK_WIDGET(self->night_end_row),
			     GTK_WIDGET(self->from_row),
			     GTK_WIDGET(self->to_row),
			     GTK_WIDGET(self->windows_row)};

	for (guint i = 0; i < G_N_ELEMENTS(rows); i++)
		gtk_widget_remove_css_class(rows[i], "error");
	for (guint d = 0; d < 7; d++)
		gtk_widget_remove_css_class(GTK_WIDGET(self->weekly_rows[d]), "error");
	gtk_widget_set_visible(GTK_WIDGET(self->calendar_error_label), FALSE);
	gtk_widget_set_visible(GTK_WIDGET(self->override_error_label), FALSE);
}

static void
fill_override_form(RosterCalendarForm *self, gint index)
{
	RosterCalendarOverride *o =
	    index >= 0 ? g_ptr_array_index(self->fields.overrides, (guint)index) : NULL;

	self->editing = index;
	gtk_editable_set_text(GTK_EDITABLE(self->from_row), o != NULL ? o->date_from : "");
	gtk_editable_set_text(GTK_EDITABLE(self->to_row), o != NULL ? o->date_to : "");
	gtk_editable_set_text(GTK_EDITABLE(self->windows_row),
			      o != NULL ? o->windows : "00:00-24:00");
	gtk_editable_set_text(GTK_EDITABLE(self->note_row),
			      o != NULL && o->note != NULL ? o->note : "");
	gtk_editable_set_text(GTK_EDITABLE(self->name_row),
			      o != NULL && o->name != NULL ? o->name : "");
	gtk_button_set_label(self->override_button,
			     o != NULL ? _("_Save Override") : _("_Add Override"));
	adw_preferences_group_set_title(self->override_form_group,
					o != NULL ? _("Edit Override") : _("New Override"));
	gtk_widget_set_visible(GTK_WIDGET(self->override_cancel_button), o != NULL);
}

static void
edit_clicked_cb(GtkButton *button, RosterCalendarForm *self)
{
	clear_errors(self);
	fill_override_form(self, GPOINTER_TO_INT(g_object_get_data(G_OBJECT(button), "index")) - 1);
}

static void
remove_clicked_cb(GtkButton *button, RosterCalendarForm *self)
{
	roster_calendar_form_remove_override(
	    self,
	    (guint)GPOINTER_TO_INT(g_object_get_data(G_OBJECT(button), "index")) - 1);
}

static GtkWidget *
icon_button(RosterCalendarForm *self,
	    const gchar *icon,
	    const gchar *tooltip,
	    guint index,
	    GCallback callback)
{
	GtkWidget *button = gtk_button_new_from_icon_name(icon);

	gtk_widget_set_tooltip_text(button, tooltip);
	gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(button, "flat");
	g_object_set_data(G_OBJECT(button), "index", GINT_TO_POINTER(index + 1));
	g_signal_connect(button, "clicked", callback, self);
	return button;
}

static void
build_overrides_list(RosterCalendarForm *self)
{
	GtkListBoxRow *old;

	while ((old = gtk_list_box_get_row_at_index(self->overrides_list, 0)) != NULL)
		gtk_list_box_remove(self->overrides_list, GTK_WIDGET(old));
	for (guint i = 0; i < self->fields.overrides->len; i++) {
		RosterCalendarOverride *o = g_ptr_array_index(self->fields.overrides, i);
		GtkWidget *row = adw_action_row_new();
		g_autofree gchar *title = NULL;
		g_autofree gchar *subtitle = NULL;
		const gchar *hours = o->windows[0] != '\0' ? o->windows : _("closed");

		g_autofree gchar *dates = NULL;

		if (g_strcmp0(o->date_from, o->date_to) == 0)
			dates = g_strdup(o->date_from);
		else
			/* TRANSLATORS: the first and the last date of a calendar override */
			dates = g_strdup_printf(_("%s to %s"), o->date_from, o->date_to);
		/* a named period (高考) shows its name before its dates */
		title = o->name != NULL ? g_strdup_printf("%s · %s", o->name, dates)
					: g_steal_pointer(&dates);
		subtitle = o->note != NULL ? g_strdup_printf("%s · %s", hours, o->note)
					   : g_strdup(hours);
		adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
		adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
		gtk_widget_add_css_class(row, "calendar-override-row");
		adw_action_row_add_suffix(ADW_ACTION_ROW(row),
					  icon_button(self,
						      "document-edit-symbolic",
						      _("Edit this override"),
						      i,
						      G_CALLBACK(edit_clicked_cb)));
		adw_action_row_add_suffix(ADW_ACTION_ROW(row),
					  icon_button(self,
						      "user-trash-symbolic",
						      _("Remove this override"),
						      i,
						      G_CALLBACK(remove_clicked_cb)));
		gtk_list_box_append(self->overrides_list, row);
	}
}

static const gchar *
holiday_choice(RosterCalendarForm *self)
{
	return roster_calendar_holiday_choice(adw_combo_row_get_selected(self->holiday_row));
}

/**
 * roster_calendar_form_set_calendar:
 * @self: a #RosterCalendarForm
 * @calendar: (nullable): the line's calendar as listed, or %NULL when it has none
 *
 * Shows @calendar in the form, discarding what was typed and not saved.
 *
 * Since: 0.1
 */
void
roster_calendar_form_set_calendar(RosterCalendarForm *self, RosterItem *calendar)
{
	RosterCalendarFields read = {NULL};
	AdwEntryRow *rows[9] = {self->night_start_row, self->night_end_row};
	gboolean other = self->calendar == NULL || calendar == NULL ||
			 roster_item_get_id(self->calendar) != roster_item_get_id(calendar);

	g_return_if_fail(ROSTER_IS_CALENDAR_FORM(self));
	roster_calendar_fields_read(&read, calendar);
	/* a row the user changed and did not save keeps the change through a reload of the
	 * view (a seat class saved meanwhile, say), unless another calendar is shown */
	for (guint d = 0; d < 7; d++)
		rows[d + 2] = self->weekly_rows[d];
	for (guint i = 0; i < G_N_ELEMENTS(rows); i++) {
		const gchar *was = i == 0   ? self->fields.night_start
				   : i == 1 ? self->fields.night_end
					    : self->fields.weekly[i - 2];
		const gchar *now = i == 0   ? read.night_start
				   : i == 1 ? read.night_end
					    : read.weekly[i - 2];

		if (other || self->saving == CHANGE_HOURS ||
		    g_strcmp0(gtk_editable_get_text(GTK_EDITABLE(rows[i])), was) == 0)
			gtk_editable_set_text(GTK_EDITABLE(rows[i]), now);
	}
	if (other || self->saving == CHANGE_HOURS ||
	    g_strcmp0(holiday_choice(self), self->fields.holiday_hours) == 0)
		adw_combo_row_set_selected(self->holiday_row,
					   roster_calendar_holiday_index(read.holiday_hours));
	if (other || self->saving == CHANGE_HOURS ||
	    g_strcmp0(gtk_editable_get_text(GTK_EDITABLE(self->holiday_windows_row)),
		      self->fields.holiday_windows) == 0)
		gtk_editable_set_text(GTK_EDITABLE(self->holiday_windows_row),
				      read.holiday_windows);
	g_set_object(&self->calendar, calendar);
	roster_calendar_fields_clear(&self->fields);
	self->fields = read;
	build_overrides_list(self);
	/* so does the override form, unless its override was just saved */
	if (other || self->saving == CHANGE_PUT || self->saving == CHANGE_REMOVE) {
		clear_errors(self);
		fill_override_form(self, -1);
	} else if (self->saving == CHANGE_HOURS) {
		clear_errors(self);
	}
	self->saving = CHANGE_NOTHING;
	gtk_widget_set_sensitive(GTK_WIDGET(self->calendar_group), calendar != NULL);
	gtk_widget_set_sensitive(GTK_WIDGET(self->overrides_group), calendar != NULL);
	gtk_widget_set_sensitive(GTK_WIDGET(self->override_form_group), calendar != NULL);
}

static void
show_error(RosterCalendarForm *self, const gchar *field, const gchar *message)
{
	RosterField f = roster_field_from_key(field);
	GtkLabel *label = self->calendar_error_label;

	clear_errors(self);
	if (f == ROSTER_FIELD_NIGHT_START) {
		gtk_widget_add_css_class(GTK_WIDGET(self->night_start_row), "error");
	} else if (f == ROSTER_FIELD_NIGHT_END) {
		gtk_widget_add_css_class(GTK_WIDGET(self->night_end_row), "error");
	} else if (f == ROSTER_FIELD_MANNED_WINDOWS) {
		for (guint d = 0; d < 7; d++) {
			if (gtk_editable_get_text(GTK_EDITABLE(self->weekly_rows[d]))[0] != '\0')
				gtk_widget_add_css_class(GTK_WIDGET(self->weekly_rows[d]), "error");
		}
	} else if (f == ROSTER_FIELD_OVERRIDES) {
		label = self->override_error_label;
		gtk_widget_add_css_class(GTK_WIDGET(self->from_row), "error");
		gtk_widget_add_css_class(GTK_WIDGET(self->to_row), "error");
		gtk_widget_add_css_class(GTK_WIDGET(self->windows_row), "error");
	}
	gtk_label_set_text(label, message);
	gtk_widget_set_visible(GTK_WIDGET(label), TRUE);
}

static void
save_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterCalendarForm) self = ROSTER_CALENDAR_FORM(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);
	/* the reference send() took, so a page closed meanwhile is still there */
	g_autoptr(RosterPage) page = self->page;

	roster_page_release(page);
	if (node == NULL && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return;
	gtk_widget_set_sensitive(GTK_WIDGET(self->save_button), TRUE);
	gtk_widget_set_sensitive(GTK_WIDGET(self->override_button), TRUE);
	if (node == NULL) {
		JsonObject *detail =
		    roster_client_call_get_error_object(ROSTER_CLIENT(source), result);
		/* a refused override: which one and why, where the app knows the reason */
		g_autofree gchar *refusal =
		    roster_field_from_key(field) == ROSTER_FIELD_OVERRIDES && detail != NULL
			? roster_calendar_dup_override_refusal(
			      json_object_get_string_member_with_default(detail, "message", NULL))
			: NULL;
		self->saving = CHANGE_NOTHING;
		show_error(self, field, refusal != NULL ? refusal : error->message);
		return;
	}
	roster_page_show_toast(self->page, _("Service calendar saved"));
	roster_page_reload(self->page);
}

/* sends @body for the calendar shown */
static void
send(RosterCalendarForm *self, Change change, JsonNode *body)
{
	self->saving = change;
	roster_page_hold(g_object_ref(self->page));
	gtk_widget_set_sensitive(GTK_WIDGET(self->save_button), FALSE);
	gtk_widget_set_sensitive(GTK_WIDGET(self->override_button), FALSE);
	roster_client_save_async(roster_page_get_client(self->page),
				 ROSTER_RESOURCE_CALENDARS,
				 roster_item_get_id(self->calendar),
				 body,
				 roster_page_get_cancellable(self->page),
				 save_cb,
				 g_object_ref(self));
}

/* saves the overrides as read with @change: the override in the override form put at
 * the one being edited (or added), or the one at @index removed */
static void
save_overrides(RosterCalendarForm *self, Change change, guint index)
{
	g_autoptr(RosterCalendarOverride) put = NULL;
	g_autoptr(GPtrArray) overrides = g_ptr_array_new();
	g_autoptr(JsonNode) body = NULL;

	if (roster_page_get_client(self->page) == NULL || self->calendar == NULL)
		return;
	if (change == CHANGE_PUT) {
		put = roster_calendar_override_new(
		    gtk_editable_get_text(GTK_EDITABLE(self->from_row)),
		    gtk_editable_get_text(GTK_EDITABLE(self->to_row)),
		    gtk_editable_get_text(GTK_EDITABLE(self->windows_row)),
		    gtk_editable_get_text(GTK_EDITABLE(self->note_row)));
		if (gtk_editable_get_text(GTK_EDITABLE(self->name_row))[0] != '\0')
			put->name = g_strdup(gtk_editable_get_text(GTK_EDITABLE(self->name_row)));
		/* a date written in the first box only is an override of that day */
		if (put->date_to[0] == '\0') {
			g_free(put->date_to);
			put->date_to = g_strdup(put->date_from);
		}
	}
	for (guint i = 0; i < self->fields.overrides->len; i++) {
		if (change == CHANGE_REMOVE && i == index)
			continue;
		if (change == CHANGE_PUT && (gint)i == self->editing)
			g_ptr_array_add(overrides, put);
		else
			g_ptr_array_add(overrides, g_ptr_array_index(self->fields.overrides, i));
	}
	if (change == CHANGE_PUT && self->editing < 0)
		g_ptr_array_add(overrides, put);
	body =
	    roster_calendar_overrides_to_json(overrides, roster_item_get_revision(self->calendar));
	send(self, change, body);
}

/**
 * roster_calendar_form_save:
 * @self: a #RosterCalendarForm
 *
 * Saves the night window and the weekly manned hours, as the form's button does; the
 * overrides are saved by their own buttons.
 *
 * Since: 0.1
 */
void
roster_calendar_form_save(RosterCalendarForm *self)
{
	g_autoptr(JsonNode) body = NULL;
	RosterCalendarFields fields = {NULL};

	g_return_if_fail(ROSTER_IS_CALENDAR_FORM(self));
	if (roster_page_get_client(self->page) == NULL || self->calendar == NULL)
		return;
	fields.night_start = (gchar *)gtk_editable_get_text(GTK_EDITABLE(self->night_start_row));
	fields.night_end = (gchar *)gtk_editable_get_text(GTK_EDITABLE(self->night_end_row));
	for (guint d = 0; d < 7; d++)
		fields.weekly[d] =
		    (gchar *)gtk_editable_get_text(GTK_EDITABLE(self->weekly_rows[d]));
	fields.holiday_hours = (gchar *)holiday_choice(self);
	fields.holiday_windows =
	    (gchar *)gtk_editable_get_text(GTK_EDITABLE(self->holiday_windows_row));
	body = roster_calendar_fields_to_json(&fields, roster_item_get_revision(self->calendar));
	send(self, CHANGE_HOURS, body);
}

/* adds the override in the override form, or saves the one being edited */
void
roster_calendar_form_save_override(RosterCalendarForm *self)
{
	g_return_if_fail(ROSTER_IS_CALENDAR_FORM(self));
	save_overrides(self, CHANGE_PUT, 0);
}

/* removes the override at @index and saves */
void
roster_calendar_form_remove_override(RosterCalendarForm *self, guint index)
{
	g_return_if_fail(ROSTER_IS_CALENDAR_FORM(self));
	g_return_if_fail(index < self->fields.overrides->len);
	save_overrides(self, CHANGE_REMOVE, index);
}

/* how many overrides the form lists, as last read */
guint
roster_calendar_form_get_n_overrides(RosterCalendarForm *self)
{
	g_return_val_if_fail(ROSTER_IS_CALENDAR_FORM(self), 0);
	return self->fields.overrides->len;
}

/* the daemon's refusal the form shows, or %NULL */
const gchar *
roster_calendar_form_get_error(RosterCalendarForm *self)
{
	g_return_val_if_fail(ROSTER_IS_CALENDAR_FORM(self), NULL);
	if (gtk_widget_get_visible(GTK_WIDGET(self->override_error_label)))
		return gtk_label_get_text(self->override_error_label);
	if (gtk_widget_get_visible(GTK_WIDGET(self->calendar_error_label)))
		return gtk_label_get_text(self->calendar_error_label);
	return NULL;
}

static AdwEntryRow *
entry_row(AdwPreferencesGroup *group, const gchar *title, const gchar *css_class)
{
	GtkWidget *row = adw_entry_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	gtk_widget_add_css_class(row, css_class);
	adw_preferences_group_add(group, row);
	return ADW_ENTRY_ROW(row);
}

static GtkLabel *
error_label(AdwPreferencesGroup *group)
{
	GtkWidget *label = gtk_label_new(NULL);

	gtk_label_set_wrap(GTK_LABEL(label), TRUE);
	gtk_label_set_xalign(GTK_LABEL(label), 0);
	gtk_widget_set_margin_top(label, 6);
	gtk_widget_add_css_class(label, "error");
	gtk_widget_set_visible(label, FALSE);
	adw_preferences_group_add(group, label);
	return GTK_LABEL(label);
}

static GtkButton *
header_button(AdwPreferencesGroup *group, GtkBox *box, const gchar *label, const gchar *css)
{
	GtkWidget *button = gtk_button_new_with_mnemonic(label);

	gtk_widget_add_css_class(button, css);
	gtk_box_append(box, button);
	gtk_widget_set_valign(GTK_WIDGET(box), GTK_ALIGN_CENTER);
	if (gtk_widget_get_parent(GTK_WIDGET(box)) == NULL)
		adw_preferences_group_set_header_suffix(group, GTK_WIDGET(box));
	return GTK_BUTTON(button);
}

static void
override_cancel_clicked_cb(RosterCalendarForm *self)
{
	clear_errors(self);
	fill_override_form(self, -1);
}

static void
build_calendar_group(RosterCalendarForm *self)
{
	GtkBox *box = GTK_BOX(gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6));

	self->calendar_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	adw_preferences_group_set_title(self->calendar_group, _("Service Calendar"));
	gtk_widget_add_css_class(GTK_WIDGET(self->calendar_group), "calendar-group");
	adw_preferences_group_set_description(
	    self->calendar_group,
	    _("A shift counts as a night when at least half of it lies in the night window. "
	      "The manned hours of each weekday are windows such as 08:00-22:00, separated by "
	      "commas; with every day empty the line is open around the clock, otherwise an "
	      "empty day is closed."));
	self->save_button =
	    header_button(self->calendar_group, box, _("_Save Calendar"), "calendar-save-button");
	gtk_widget_add_css_class(GTK_WIDGET(self->save_button), "suggested-action");
	g_signal_connect_swapped(self->save_button,
				 "clicked",
				 G_CALLBACK(roster_calendar_form_save),
				 self);
	self->night_start_row =
	    entry_row(self->calendar_group, _("Night starts"), "calendar-night-start-row");
	self->night_end_row =
	    entry_row(self->calendar_group, _("Night ends"), "calendar-night-end-row");
	for (guint d = 0; d < 7; d++) {
		GDate date;
		g_autofree gchar *title = NULL;

		/* 2024-01-01 was a Monday */
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, 1, G_DATE_JANUARY, 2024);
		g_date_add_days(&date, d);
		/* TRANSLATORS: the title of a weekday's manned windows, e.g. Mon manned hours */
		title = g_strdup_printf(_("%s manned hours"), roster_date_get_weekday_label(&date));
		self->weekly_rows[d] =
		    entry_row(self->calendar_group, title, "calendar-weekly-row");
	}
	self->holiday_row = ADW_COMBO_ROW(adw_combo_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->holiday_row), _("On holidays"));
	adw_action_row_set_subtitle(
	    ADW_ACTION_ROW(self->holiday_row),
	    _("Holidays of the imported calendar; a make-up working day is worked as the "
	      "weekday next to it (Saturday as Friday, Sunday as Monday)"));
	adw_combo_row_set_model(self->holiday_row,
				G_LIST_MODEL(gtk_string_list_new((const gchar *const[]){
				    /* TRANSLATORS: what the line does on a holiday */
				    _("Hours and demand of a Sunday"),
				    /* TRANSLATORS: what the line does on a holiday */
				    _("Closed"),
				    /* TRANSLATORS: what the line does on a holiday */
				    _("Own holiday hours and demand"),
				    NULL})));
	gtk_widget_add_css_class(GTK_WIDGET(self->holiday_row), "calendar-holiday-row");
	adw_preferences_group_add(self->calendar_group, GTK_WIDGET(self->holiday_row));
	self->holiday_windows_row = entry_row(self->calendar_group,
					      _("Holiday manned hours (own hours)"),
					      "calendar-holiday-windows-row");
	adw_preferences_group_add(self->calendar_group, roster_holiday_import_row_new(self->page));
	self->calendar_error_label = error_label(self->calendar_group);
}

static void
build_overrides_group(RosterCalendarForm *self)
{
	GtkBox *box = GTK_BOX(gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6));
	GtkWidget *placeholder = gtk_label_new(_("No dated overrides"));

	self->overrides_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	adw_preferences_group_set_title(self->overrides_group, _("Dated Overrides"));
	gtk_widget_add_css_class(GTK_WIDGET(self->overrides_group), "calendar-overrides-group");
	adw_preferences_group_set_description(
	    self->overrides_group,
	    _("Manned hours for a range of dates that replace the weekly hours there: an exam "
	      "season around the clock (00:00-24:00), a holiday closure (no hours), shortened "
	      "hours. No date may be in two overrides."));
	self->overrides_list = GTK_LIST_BOX(gtk_list_box_new());
	gtk_list_box_set_selection_mode(self->overrides_list, GTK_SELECTION_NONE);
	gtk_widget_add_css_class(GTK_WIDGET(self->overrides_list), "boxed-list");
	gtk_widget_add_css_class(placeholder, "dim-label");
	gtk_widget_set_margin_top(placeholder, 12);
	gtk_widget_set_margin_bottom(placeholder, 12);
	gtk_list_box_set_placeholder(self->overrides_list, placeholder);
	adw_preferences_group_add(self->overrides_group, GTK_WIDGET(self->overrides_list));

	/* the form that adds an override or edits the one chosen from the list */
	self->override_form_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	gtk_widget_add_css_class(GTK_WIDGET(self->override_form_group), "calendar-override-form");
	self->override_cancel_button = header_button(self->override_form_group,
						     box,
						     _("_Cancel"),
						     "calendar-override-cancel-button");
	g_signal_connect_swapped(self->override_cancel_button,
				 "clicked",
				 G_CALLBACK(override_cancel_clicked_cb),
				 self);
	self->override_button = header_button(self->override_form_group,
					      box,
					      _("_Add Override"),
					      "calendar-override-button");
	g_signal_connect_swapped(self->override_button,
				 "clicked",
				 G_CALLBACK(roster_calendar_form_save_override),
				 self);
	self->from_row = entry_row(self->override_form_group,
				   _("From (YYYY-MM-DD)"),
				   "calendar-override-from-row");
	self->to_row =
	    entry_row(self->override_form_group, _("To (YYYY-MM-DD)"), "calendar-override-to-row");
	self->windows_row = entry_row(self->override_form_group,
				      _("Manned hours (empty: closed)"),
				      "calendar-override-windows-row");
	self->name_row = entry_row(self->override_form_group,
				   _("Name (e.g. 高考)"),
				   "calendar-override-name-row");
	self->note_row =
	    entry_row(self->override_form_group, _("Note"), "calendar-override-note-row");
	self->override_error_label = error_label(self->override_form_group);
}

/**
 * roster_calendar_form_new:
 * @page: the page the form saves for: its client, its busy count and its toasts
 * @preferences: the preferences page the form's groups are added to
 *
 * Returns: (transfer full): a form showing no calendar yet
 *
 * Since: 0.1
 */
RosterCalendarForm *
roster_calendar_form_new(RosterPage *page, AdwPreferencesPage *preferences)
{
	RosterCalendarForm *self = g_object_new(ROSTER_TYPE_CALENDAR_FORM, NULL);

	self->page = page;
	build_calendar_group(self);
	build_overrides_group(self);
	adw_preferences_page_add(preferences, self->calendar_group);
	adw_preferences_page_add(preferences, self->overrides_group);
	adw_preferences_page_add(preferences, self->override_form_group);
	roster_calendar_form_set_calendar(self, NULL);
	return self;
}

static void
roster_calendar_form_finalize(GObject *object)
{
	RosterCalendarForm *self = ROSTER_CALENDAR_FORM(object);

	g_clear_object(&self->calendar);
	roster_calendar_fields_clear(&self->fields);
	G_OBJECT_CLASS(roster_calendar_form_parent_class)->finalize(object);
}

static void
roster_calendar_form_class_init(RosterCalendarFormClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = roster_calendar_form_finalize;
}

static void
roster_calendar_form_init(RosterCalendarForm *self)
{
	self->editing = -1;
}
