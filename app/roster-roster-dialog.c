/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the new-roster dialog (a month picked, next month by default, a warning when the month
 * has a roster already, the team rotation) and the settings of an existing roster (its
 * name, rotation and weights, sent as a PATCH of what changed; deleting a draft) */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-rosters.h"
#include "roster-date.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-roster-dialog.h"

/* the months the picker offers around today */
#define MONTHS_BEFORE 12
#define MONTHS_AFTER  24
#define MAX_WEIGHT    50000

/* one team's row of the rotation: its weekdays, slots and week of the cycle */
typedef struct {
	gint64 team_id;
	GtkWidget *days_box;
	GtkToggleButton *days[7];
	GtkEntry *slots;
	GtkSpinButton *week;
} TeamRow;

struct _RosterRosterDialog {
	AdwWindow parent_instance;
	AdwWindowTitle *window_title;
	GtkButton *save_button;
	GtkLabel *error_label;
	AdwActionRow *month_row;
	GtkDropDown *month_dropdown;
	AdwActionRow *period_row;
	AdwEntryRow *name_row;
	GtkLabel *existing_label;
	AdwPreferencesGroup *rotation_group;
	AdwComboRow *rotation_row;
	AdwActionRow *hard_row;
	GtkSwitch *hard_switch;
	AdwActionRow *weight_row;
	GtkEntry *weight_entry;
	AdwActionRow *cycle_row;
	GtkSpinButton *cycle_spin;
	GtkListBox *teams_list;
	AdwPreferencesGroup *weights_group;
	AdwPreferencesGroup *delete_group;
	GtkButton *delete_button;

	RosterClient *client;
	GCancellable *cancellable;
	GListModel *rosters;
	RosterItemList *teams;
	/* the month picker's first days, "YYYY-MM-DD" */
	GPtrArray *month_starts;
	/* the settings editor's roster: 0 for a new one */
	gint64 roster_id;
	gint64 revision;
	gchar *stored_name;
	gchar *period_start;
	gchar *period_end;
	JsonObject *stored_settings;
	RosterRotation *rotation;
	GPtrArray *team_rows;
	/* the rotation's JSON as first shown, to send it only when changed */
	gchar *shown_rotation;
	/* the entries of the weights, by setting key */
	GHashTable *weight_entries;
	guint busy;
};

G_DEFINE_FINAL_TYPE(RosterRosterDialog, roster_roster_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SAVED, SIGNAL_DELETED, N_SIGNALS };

static guint signals[N_SIGNALS];

gboolean
roster_roster_dialog_get_busy(RosterRosterDialog *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_DIALOG(self), FALSE);
	return self->busy > 0;
}

/* the first day of the period the dialog creates or edits */
const gchar *
roster_roster_dialog_get_period_start(RosterRosterDialog *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_DIALOG(self), NULL);
	return self->period_start;
}

/* whether the dialog warns that the month has a roster already */
gboolean
roster_roster_dialog_get_existing_warned(RosterRosterDialog *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_DIALOG(self), FALSE);
	return gtk_widget_get_visible(GTK_WIDGET(self->existing_label));
}

static void
set_busy(RosterRosterDialog *self, gboolean busy)
{
	if (busy)
		self->busy++;
	else if (self->busy > 0)
		self->busy--;
	gtk_widget_set_sensitive(GTK_WIDGET(self->save_button), self->busy == 0);
	gtk_widget_set_sensitive(GTK_WIDGET(self->delete_button), self->busy == 0);
}

/* FALSE when the call was cancelled: the dialog is going */
static gboolean
show_error(RosterRosterDialog *self, const GError *error)
{
	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return FALSE;
	gtk_label_set_text(self->error_label, error->message);
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), TRUE);
	return TRUE;
}

static void
show_message(RosterRosterDialog *self, const gchar *message)
{
	gtk_label_set_text(self->error_label, message);
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), TRUE);
}

static RosterRotationKind
get_kind(RosterRosterDialog *self)
{
	return (RosterRotationKind)adw_combo_row_get_selected(self->rotation_row);
}

static const gchar *
kind_help(RosterRotationKind kind)
{
	switch (kind) {
	case ROSTER_ROTATION_WEEKDAYS:
		return _("Each team holds the weekdays ticked for it; a day no team holds is open "
			 "to everyone.");
	case ROSTER_ROTATION_SLOTS:
		return _("Each team holds the slots typed for it (their start times, e.g. 08:00, "
			 "20:00) on every day; other slots are open to everyone.");
	case ROSTER_ROTATION_CYCLE:
		return _("Teams take turns week by week: each holds its week of the cycle, only "
			 "the slots typed if any; a week no team holds is open to everyone.");
	case ROSTER_ROTATION_NONE:
	default:
		return _("Volunteers of any team may take any shift.");
	}
}

/* what the rotation's rows show for the kind chosen */
static void
update_rotation_rows(RosterRosterDialog *self)
{
	RosterRotationKind kind = get_kind(self);
	gboolean on = kind != ROSTER_ROTATION_NONE;
	g_autofree gchar *help = NULL;

	if (on && self->team_rows->len == 0)
		help = g_strdup_printf("%s %s",
				       kind_help(kind),
				       _("There are no teams yet: give volunteers a team first."));
	/* the group's description, above the rows: a subtitle of the kind's row would
	 * squeeze the kind chosen */
	adw_preferences_group_set_description(self->rotation_group,
					      help != NULL ? help : kind_help(kind));
	gtk_widget_set_visible(GTK_WIDGET(self->hard_row), on);
	gtk_widget_set_visible(GTK_WIDGET(self->weight_row),
			       on && !gtk_switch_get_active(self->hard_switch));
	gtk_widget_set_visible(GTK_WIDGET(self->cycle_row), kind == ROSTER_ROTATION_CYCLE);
	gtk_widget_set_visible(GTK_WIDGET(self->teams_list), on && self->team_rows->len > 0);
	for (guint i = 0; i < self->team_rows->len; i++) {
		TeamRow *row = g_ptr_array_index(self->team_rows, i);
		gtk_widget_set_visible(row->days_box, kind == ROSTER_ROTATION_WEEKDAYS);
		gtk_widget_set_visible(GTK_WIDGET(row->slots),
				       kind == ROSTER_ROTATION_SLOTS ||
					   kind == ROSTER_ROTATION_CYCLE);
		gtk_widget_set_visible(GTK_WIDGET(row->week), kind == ROSTER_ROTATION_CYCLE);
	}
}

static void
rotation_kind_changed_cb(RosterRosterDialog *self)
{
	update_rotation_rows(self);
}

static void
cycle_weeks_changed_cb(RosterRosterDialog *self)
{
	gdouble weeks = gtk_spin_button_get_value(self->cycle_spin);

	for (guint i = 0; i < self->team_rows->len; i++) {
		TeamRow *row = g_ptr_array_index(self->team_rows, i);
		gtk_spin_button_set_range(row->week, 0, weeks);
	}
}

/* the row of one team, filled from the rule the settings hold for it */
static void
add_team_row(RosterRosterDialog *self, RosterItem *team)
{
	TeamRow *row = g_new0(TeamRow, 1);
	RosterRotationRule *rule =
	    roster_rotation_find_rule(self->rotation, roster_item_get_id(team));
	GtkWidget *action_row = adw_action_row_new();
	GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
	g_autofree gchar *team_class =
	    g_strdup_printf("rotation-team-%" G_GINT64_FORMAT, roster_item_get_id(team));
	/* a Monday, for the weekdays' short names */
	g_autoptr(GDate) day = g_date_new_dmy(1, G_DATE_JANUARY, 2024);

	row->team_id = roster_item_get_id(team);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(action_row), roster_item_get_title(team));
	gtk_widget_add_css_class(action_row, team_class);
	row->days_box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 0);
	gtk_widget_add_css_class(row->days_box, "linked");
	for (guint d = 0; d < 7; d++) {
		GtkWidget *toggle =
		    gtk_toggle_button_new_with_label(roster_date_get_weekday_label(day));
		g_autofree gchar *day_class = g_strdup_printf("rotation-weekday-%u", d + 1);
		gtk_widget_add_css_class(toggle, day_class);
		gtk_widget_add_css_class(toggle, "rotation-day");
		gtk_widget_set_valign(toggle, GTK_ALIGN_CENTER);
		if (rule != NULL && (rule->weekdays & (1u << (d + 1))))
			gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(toggle), TRUE);
		row->days[d] = GTK_TOGGLE_BUTTON(toggle);
		gtk_box_append(GTK_BOX(row->days_box), toggle);
		g_date_add_days(day, 1);
	}
	row->slots = GTK_ENTRY(gtk_entry_new());
	gtk_entry_set_placeholder_text(row->slots, _("Slots, e.g. 20:00, 23:00"));
	gtk_widget_set_valign(GTK_WIDGET(row->slots), GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(GTK_WIDGET(row->slots), "rotation-slots");
	if (rule != NULL && rule->slots != NULL)
		gtk_editable_set_text(GTK_EDITABLE(row->slots), rule->slots);
	row->week = GTK_SPIN_BUTTON(
	    gtk_spin_button_new_with_range(0, gtk_spin_button_get_value(self->cycle_spin), 1));
	gtk_widget_set_valign(GTK_WIDGET(row->week), GTK_ALIGN_CENTER);
	gtk_widget_set_tooltip_text(GTK_WIDGET(row->week),
				    _("The team's week of the cycle; 0 for none"));
	gtk_widget_add_css_class(GTK_WIDGET(row->week), "rotation-week");
	if (rule != NULL)
		gtk_spin_button_set_value(row->week, rule->cycle_week);
	gtk_box_append(GTK_BOX(box), row->days_box);
	gtk_box_append(GTK_BOX(box), GTK_WIDGET(row->week));
	gtk_box_append(GTK_BOX(box), GTK_WIDGET(row->slots));
	adw_action_row_add_suffix(ADW_ACTION_ROW(action_row), box);
	gtk_list_box_append(self->teams_list, action_row);
	g_ptr_array_add(self->team_rows, row);
}

static gchar *
dup_rotation_text(RosterRosterDialog *self);

/* the teams, with the rotation the settings hold */
static void
build_rotation(RosterRosterDialog *self)
{
	GtkWidget *child;

	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->teams_list))) != NULL)
		gtk_list_box_remove(self->teams_list, child);
	g_ptr_array_set_size(self->team_rows, 0);
	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->teams)); i++) {
		g_autoptr(RosterItem) team = g_list_model_get_item(G_LIST_MODEL(self->teams), i);
		add_team_row(self, team);
	}
	gtk_switch_set_active(self->hard_switch, self->rotation->hard);
	gtk_spin_button_set_value(self->cycle_spin, self->rotation->cycle_weeks);
	if (self->rotation->weight >= 0) {
		g_autofree gchar *weight =
		    g_strdup_printf("%" G_GINT64_FORMAT, self->rotation->weight);
		gtk_editable_set_text(GTK_EDITABLE(self->weight_entry), weight);
	}
	adw_combo_row_set_selected(self->rotation_row, self->rotation->kind);
	update_rotation_rows(self);
	/* the rotation as the widgets show it before any change: a rotation set through
	 * the API that the widgets cannot show whole stays as it is unless it is changed */
	g_free(self->shown_rotation);
	self->shown_rotation = dup_rotation_text(self);
}

/* a whole number from 0 to MAX_WEIGHT, or blank (-1); FALSE marks the entry */
static gboolean
read_number(GtkEntry *entry, gint64 *value)
{
	g_autofree gchar *text = g_strstrip(g_strdup(gtk_editable_get_text(GTK_EDITABLE(entry))));
	guint64 number = 0;

	gtk_widget_remove_css_class(GTK_WIDGET(entry), "error");
	*value = -1;
	if (text[0] == '\0')
		return TRUE;
	if (!g_ascii_string_to_unsigned(text, 10, 0, MAX_WEIGHT, &number, NULL)) {
		gtk_widget_add_css_class(GTK_WIDGET(entry), "error");
		return FALSE;
	}
	*value = (gint64)number;
	return TRUE;
}

/* the rotation as the widgets set it, or %NULL when its weight is no number */
static RosterRotation *
read_rotation(RosterRosterDialog *self)
{
	g_autoptr(RosterRotation) rotation = roster_rotation_new();

	rotation->kind = get_kind(self);
	rotation->hard = gtk_switch_get_active(self->hard_switch);
	rotation->cycle_weeks = (guint)gtk_spin_button_get_value(self->cycle_spin);
	if (!rotation->hard && !read_number(self->weight_entry, &rotation->weight))
		return NULL;
	for (guint i = 0; i < self->team_rows->len; i++) {
		TeamRow *row = g_ptr_array_index(self->team_rows, i);
		RosterRotationRule *rule = roster_rotation_add_rule(rotation, row->team_id);
		for (guint d = 0; d < 7; d++) {
			if (gtk_toggle_button_get_active(row->days[d]))
				rule->weekdays |= 1u << (d + 1);
		}
		rule->slots = g_strdup(gtk_editable_get_text(GTK_EDITABLE(row->slots)));
		rule->cycle_week = (guint)gtk_spin_button_get_value(row->week);
	}
	return g_steal_pointer(&rotation);
}

/* the rotation's JSON as the widgets set it, or %NULL when its weight is no number */
static gchar *
dup_rotation_text(RosterRosterDialog *self)
{
	g_autoptr(RosterRotation) rotation = read_rotation(self);
	g_autoptr(JsonNode) node = rotation != NULL ? roster_rotation_to_node(rotation) : NULL;

	return node != NULL ? json_to_string(node, FALSE) : NULL;
}

/* the settings the dialog sets: the rotation and, for a roster being edited, the
 * weights; %NULL when a number is not one */
static JsonObject *
read_settings(RosterRosterDialog *self)
{
	g_autoptr(JsonObject) settings = json_object_new();
	g_autoptr(RosterRotation) rotation = read_rotation(self);
	GHashTableIter iter;
	gpointer key;
	gpointer value;
	gboolean ok = TRUE;

	if (rotation == NULL) {
		show_message(self,
			     _("The cost of a shift outside the rotation is a whole number "
			       "from 0 to 50000, or blank."));
		return NULL;
	}
	{
		JsonNode *node = roster_rotation_to_node(rotation);
		g_autofree gchar *text = json_to_string(node, FALSE);
		/* unchanged since shown: no member, so a rotation the widgets cannot show
		 * whole is not rewritten by a rename */
		if (self->roster_id != 0 && g_strcmp0(text, self->shown_rotation) == 0)
			json_node_unref(node);
		else
			json_object_set_member(settings, ROSTER_SETTING_TEAM_ROTATION, node);
	}
	g_hash_table_iter_init(&iter, self->weight_entries);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		gint64 number = -1;
		if (!read_number(GTK_ENTRY(value), &number)) {
			ok = FALSE;
			continue;
		}
		if (number < 0)
			json_object_set_null_member(settings, key);
		else
			json_object_set_int_member(settings, key, number);
	}
	if (!ok) {
		show_message(self, _("A weight is a whole number from 0 to 50000, or blank."));
		return NULL;
	}
	return g_steal_pointer(&settings);
}

/* the end of the dialog's call: its error shown, or @signal_id emitted and the dialog
 * closed */
static void
end_call(RosterRosterDialog *self,
	 gboolean ok,
	 const GError *error,
	 guint signal_id,
	 gint64 roster_id)
{
	set_busy(self, FALSE);
	if (!ok) {
		show_error(self, error);
		return;
	}
	g_signal_emit(self, signals[signal_id], 0, roster_id);
	gtk_window_destroy(GTK_WINDOW(self));
}

static void
created_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterDialog) self = user_data;
	g_autoptr(GError) error = NULL;
	gint64 id = roster_client_create_roster_finish(ROSTER_CLIENT(source), result, &error);

	end_call(self, id != 0, error, SIGNAL_SAVED, id);
}

static void
updated_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterDialog) self = user_data;
	g_autoptr(GError) error = NULL;
	gboolean ok = roster_client_edit_finish(ROSTER_CLIENT(source), result, &error);

	end_call(self, ok, error, SIGNAL_SAVED, self->roster_id);
}

static void
save_clicked_cb(RosterRosterDialog *self)
{
	g_autoptr(JsonObject) settings = NULL;
	g_autofree gchar *name =
	    g_strstrip(g_strdup(gtk_editable_get_text(GTK_EDITABLE(self->name_row))));

	gtk_widget_set_visible(GTK_WIDGET(self->error_label), FALSE);
	settings = read_settings(self);
	if (settings == NULL || self->period_start == NULL)
		return;
	set_busy(self, TRUE);
	if (self->roster_id == 0) {
		/* a new roster starts from the defaults: no rotation is no member at all */
		if (get_kind(self) == ROSTER_ROTATION_NONE)
			json_object_remove_member(settings, ROSTER_SETTING_TEAM_ROTATION);
		roster_client_create_roster_async(self->client,
						  name,
						  self->period_start,
						  self->period_end,
						  settings,
						  self->cancellable,
						  created_cb,
						  g_object_ref(self));
		return;
	}
	{
		g_autoptr(JsonObject) changes =
		    roster_roster_settings_dup_changes(self->stored_settings, settings);
		gboolean rename =
		    g_strcmp0(name, self->stored_name != NULL ? self->stored_name : "") != 0;

		if (!rename && json_object_get_size(changes) == 0) {
			set_busy(self, FALSE);
			gtk_window_destroy(GTK_WINDOW(self));
			return;
		}
		roster_client_update_roster_async(self->client,
						  self->roster_id,
						  self->revision,
						  rename,
						  name,
						  changes,
						  self->cancellable,
						  updated_cb,
						  g_object_ref(self));
	}
}

static void
cancel_clicked_cb(RosterRosterDialog *self)
{
	gtk_window_destroy(GTK_WINDOW(self));
}

static void
deleted_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterDialog) self = user_data;
	g_autoptr(GError) error = NULL;
	gboolean ok = roster_client_edit_finish(ROSTER_CLIENT(source), result, &error);

	end_call(self, ok, error, SIGNAL_DELETED, self->roster_id);
}

static void
delete_response_cb(AdwMessageDialog *dialog, const gchar *response, gpointer user_data)
{
	RosterRosterDialog *self = ROSTER_ROSTER_DIALOG(user_data);

	if (g_strcmp0(response, "delete") != 0)
		return;
	set_busy(self, TRUE);
	roster_client_delete_roster_async(self->client,
					  self->roster_id,
					  self->revision,
					  self->cancellable,
					  deleted_cb,
					  g_object_ref(self));
}

static void
delete_clicked_cb(RosterRosterDialog *self)
{
	g_autofree gchar *name =
	    roster_roster_dup_display_name(self->stored_name, self->period_start, self->period_end);
	GtkWidget *dialog = adw_message_dialog_new(GTK_WINDOW(self), _("Delete this draft?"), NULL);

	adw_message_dialog_format_body(ADW_MESSAGE_DIALOG(dialog),
				       _("“%s” and all its shifts will be deleted. This cannot be "
					 "undone."),
				       name);
	adw_message_dialog_add_responses(ADW_MESSAGE_DIALOG(dialog),
					 "cancel",
					 _("_Cancel"),
					 "delete",
					 _("_Delete"),
					 NULL);
	adw_message_dialog_set_response_appearance(ADW_MESSAGE_DIALOG(dialog),
						   "delete",
						   ADW_RESPONSE_DESTRUCTIVE);
	adw_message_dialog_set_close_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
	g_signal_connect_object(dialog, "response", G_CALLBACK(delete_response_cb), self, 0);
	gtk_window_present(GTK_WINDOW(dialog));
}

/* a roster of the month picked exists already: say so, and which */
static void
update_existing(RosterRosterDialog *self)
{
	g_autoptr(GString) names = g_string_new(NULL);

	for (guint i = 0; self->rosters != NULL && i < g_list_model_get_n_items(self->rosters);
	     i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(self->rosters, i);
		g_autofree gchar *name = NULL;
		if (g_strcmp0(roster_item_get_string(item, ROSTER_KEY_PERIOD_START),
			      self->period_start) != 0 ||
		    g_strcmp0(roster_item_get_string(item, ROSTER_KEY_PERIOD_END),
			      self->period_end) != 0)
			continue;
		name = roster_roster_dup_display_name(roster_item_get_string(item, ROSTER_KEY_NAME),
						      self->period_start,
						      self->period_end);
		if (names->len > 0)
			g_string_append(names, _(", "));
		g_string_append_printf(names, _("“%s”"), name);
	}
	if (names->len > 0) {
		g_autofree gchar *text = g_strdup_printf(
		    _("This month has a roster already: %s. A second one plans the same month "
		      "again, apart from it."),
		    names->str);
		gtk_label_set_text(self->existing_label, text);
	}
	gtk_widget_set_visible(GTK_WIDGET(self->existing_label), names->len > 0);
}

static void
month_changed_cb(RosterRosterDialog *self)
{
	guint selected = gtk_drop_down_get_selected(self->month_dropdown);
	GDate day;
	GDate first;
	GDate last;
	g_autofree gchar *placeholder = NULL;

	if (self->roster_id != 0 || selected >= self->month_starts->len)
		return;
	if (!roster_date_parse(g_ptr_array_index(self->month_starts, selected), &day, NULL))
		return;
	roster_date_get_month_range(&day, &first, &last);
	g_free(self->period_start);
	g_free(self->period_end);
	self->period_start = roster_date_to_string(&first);
	self->period_end = roster_date_to_string(&last);
	/* the name the roster is shown by when none is typed, in the language of the day */
	placeholder = roster_roster_dup_display_name(NULL, self->period_start, self->period_end);
	{
		g_autofree gchar *subtitle = g_strdup_printf(
		    _("Without a name it shows as “%s”, in the language the app runs in"),
		    placeholder);
		adw_action_row_set_subtitle(self->month_row, subtitle);
	}
	update_existing(self);
}

/**
 * roster_roster_dialog_select_month:
 * @self: a new-roster dialog
 * @first_day: a day of the month to pick, `YYYY-MM-DD`
 *
 * Picks a month as the month picker would.
 */
void
roster_roster_dialog_select_month(RosterRosterDialog *self, const gchar *first_day)
{
	GDate day;
	GDate first;
	GDate last;
	g_autofree gchar *text = NULL;

	g_return_if_fail(ROSTER_IS_ROSTER_DIALOG(self));
	if (!roster_date_parse(first_day, &day, NULL))
		return;
	roster_date_get_month_range(&day, &first, &last);
	text = roster_date_to_string(&first);
	for (guint i = 0; i < self->month_starts->len; i++) {
		if (g_strcmp0(g_ptr_array_index(self->month_starts, i), text) == 0)
			gtk_drop_down_set_selected(self->month_dropdown, i);
	}
}

static void
fill_months(RosterRosterDialog *self, const GDate *today)
{
	g_autoptr(GtkStringList) labels = gtk_string_list_new(NULL);
	GDate month = *today;
	GDate first;
	GDate last;

	g_date_set_day(&month, 1);
	g_date_subtract_months(&month, MONTHS_BEFORE);
	for (guint i = 0; i <= MONTHS_BEFORE + MONTHS_AFTER; i++) {
		g_autofree gchar *start = NULL;
		g_autofree gchar *end = NULL;
		g_autofree gchar *label = NULL;
		roster_date_get_month_range(&month, &first, &last);
		start = roster_date_to_string(&first);
		end = roster_date_to_string(&last);
		label = roster_roster_dup_period_text(start, end);
		gtk_string_list_append(labels, label);
		g_ptr_array_add(self->month_starts, g_steal_pointer(&start));
		g_date_add_months(&month, 1);
	}
	gtk_drop_down_set_model(self->month_dropdown, G_LIST_MODEL(labels));
	/* next month: what a coordinator plans now */
	gtk_drop_down_set_selected(self->month_dropdown, MONTHS_BEFORE + 1);
	month_changed_cb(self);
}

/* the weights' rows, each with its sentence, filled from the stored settings */
static void
build_weights(RosterRosterDialog *self)
{
	guint n_fields = 0;
	const RosterSettingField *fields = roster_roster_settings_get_fields(&n_fields);

	for (guint i = 0; i < n_fields; i++) {
		GtkWidget *row = adw_action_row_new();
		GtkWidget *entry = gtk_entry_new();
		JsonNode *stored =
		    self->stored_settings != NULL
			? json_object_get_member(self->stored_settings, fields[i].key)
			: NULL;
		g_autofree gchar *row_class = g_strdup_printf("weight-%s", fields[i].key);

		adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), _(fields[i].label));
		adw_action_row_set_subtitle(ADW_ACTION_ROW(row), _(fields[i].description));
		gtk_widget_add_css_class(row, row_class);
		gtk_entry_set_placeholder_text(GTK_ENTRY(entry), _("Default"));
		gtk_entry_set_input_purpose(GTK_ENTRY(entry), GTK_INPUT_PURPOSE_DIGITS);
		gtk_editable_set_width_chars(GTK_EDITABLE(entry), 8);
		gtk_widget_set_valign(entry, GTK_ALIGN_CENTER);
		if (stored != NULL && JSON_NODE_HOLDS_VALUE(stored) &&
		    json_node_get_value_type(stored) == G_TYPE_INT64) {
			g_autofree gchar *text =
			    g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(stored));
			gtk_editable_set_text(GTK_EDITABLE(entry), text);
		}
		adw_action_row_add_suffix(ADW_ACTION_ROW(row), entry);
		adw_preferences_group_add(self->weights_group, row);
		g_hash_table_insert(self->weight_entries, g_strdup(fields[i].key), entry);
	}
}

static void
teams_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterDialog) self = user_data;
	g_autoptr(GError) error = NULL;

	set_busy(self, FALSE);
	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error) &&
	    !show_error(self, error))
		return;
	if (self->roster_id == 0 || self->stored_settings != NULL)
		build_rotation(self);
}

/* the roster being edited: its name, period, state and settings */
static void
roster_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterDialog) self = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) roster =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);
	JsonNode *settings;
	JsonNode *name;
	g_autofree gchar *period = NULL;
	gboolean published;
	gboolean ever_published;

	set_busy(self, FALSE);
	if (roster == NULL) {
		show_error(self, error);
		return;
	}
	self->revision = json_object_get_int_member_with_default(roster, ROSTER_KEY_REVISION, 0);
	name = json_object_get_member(roster, ROSTER_KEY_NAME);
	self->stored_name = g_strdup(
	    name != NULL && JSON_NODE_HOLDS_VALUE(name) ? json_node_get_string(name) : NULL);
	self->period_start = g_strdup(
	    json_object_get_string_member_with_default(roster, ROSTER_KEY_PERIOD_START, ""));
	self->period_end =
	    g_strdup(json_object_get_string_member_with_default(roster, ROSTER_KEY_PERIOD_END, ""));
	settings = json_object_get_member(roster, ROSTER_KEY_SETTINGS);
	self->stored_settings = settings != NULL && JSON_NODE_HOLDS_OBJECT(settings)
				    ? json_object_ref(json_node_get_object(settings))
				    : json_object_new();
	published =
	    g_strcmp0(json_object_get_string_member_with_default(roster, ROSTER_KEY_STATE, ""),
		      ROSTER_STATE_PUBLISHED) == 0;
	ever_published =
	    published ||
	    json_object_get_int_member_with_default(roster, ROSTER_KEY_N_VERSIONS, 0) > 0;
	if (self->stored_name != NULL)
		gtk_editable_set_text(GTK_EDITABLE(self->name_row), self->stored_name);
	period = roster_roster_dup_period_text(self->period_start, self->period_end);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->period_row), period);
	adw_action_row_set_subtitle(
	    self->period_row,
	    published ? _("Published: its rules stay as they were when it was solved; you can "
			  "rename it. Solve it again or edit a shift to make it a draft.")
		      : _("Draft: a change of its rules is used by the next solve."));
	gtk_widget_set_sensitive(GTK_WIDGET(self->rotation_group), !published);
	gtk_widget_set_sensitive(GTK_WIDGET(self->weights_group), !published);
	gtk_widget_set_visible(GTK_WIDGET(self->delete_group), !ever_published);
	roster_rotation_free(self->rotation);
	self->rotation = roster_rotation_new_from_settings(self->stored_settings);
	build_weights(self);
	if (!roster_item_list_get_loading(self->teams))
		build_rotation(self);
}

static RosterRosterDialog *
dialog_new(GtkWindow *parent, RosterClient *client)
{
	RosterRosterDialog *self = g_object_new(ROSTER_TYPE_ROSTER_DIALOG, NULL);
	g_autofree gchar *teams_path = roster_client_dup_teams_path();

	if (parent != NULL)
		gtk_window_set_transient_for(GTK_WINDOW(self), parent);
	self->client = g_object_ref(client);
	self->teams = roster_item_list_new(client, teams_path);
	set_busy(self, TRUE);
	roster_item_list_reload_async(self->teams, self->cancellable, teams_cb, g_object_ref(self));
	return self;
}

/**
 * roster_roster_dialog_new_create:
 * @parent: (nullable): the window it belongs to
 * @client: a logged-in client
 * @rosters: (nullable): the rosters there are, as #RosterItem, to warn of a second one
 *   for the same month
 * @today: today, to offer the months around it and pick the next
 *
 * Returns: (transfer full): the new-roster dialog; it emits "saved" with the new roster
 */
RosterRosterDialog *
roster_roster_dialog_new_create(GtkWindow *parent,
				RosterClient *client,
				GListModel *rosters,
				const GDate *today)
{
	RosterRosterDialog *self = dialog_new(parent, client);

	if (rosters != NULL)
		self->rosters = g_object_ref(rosters);
	adw_window_title_set_title(self->window_title, _("New Roster"));
	gtk_button_set_label(self->save_button, _("C_reate"));
	gtk_widget_set_visible(GTK_WIDGET(self->period_row), FALSE);
	gtk_widget_set_visible(GTK_WIDGET(self->weights_group), FALSE);
	gtk_widget_set_visible(GTK_WIDGET(self->delete_group), FALSE);
	fill_months(self, today);
	return self;
}

/**
 * roster_roster_dialog_new_settings:
 * @parent: (nullable): the window it belongs to
 * @client: a logged-in client
 * @roster_id: the roster to edit
 *
 * Returns: (transfer full): the settings of the roster; the dialog emits "saved" once
 *   they are sent, "deleted" when the draft was deleted
 */
RosterRosterDialog *
roster_roster_dialog_new_settings(GtkWindow *parent, RosterClient *client, gint64 roster_id)
{
	RosterRosterDialog *self = dialog_new(parent, client);

	self->roster_id = roster_id;
	adw_window_title_set_title(self->window_title, _("Roster Settings"));
	gtk_button_set_label(self->save_button, _("_Save"));
	gtk_widget_set_visible(GTK_WIDGET(self->month_row), FALSE);
	set_busy(self, TRUE);
	roster_client_get_roster_object_async(client,
					      roster_id,
					      self->cancellable,
					      roster_cb,
					      g_object_ref(self));
	return self;
}

static void
roster_roster_dialog_dispose(GObject *object)
{
	RosterRosterDialog *self = ROSTER_ROSTER_DIALOG(object);

	g_cancellable_cancel(self->cancellable);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_ROSTER_DIALOG);
	g_clear_object(&self->client);
	g_clear_object(&self->rosters);
	g_clear_object(&self->teams);
	G_OBJECT_CLASS(roster_roster_dialog_parent_class)->dispose(object);
}

static void
roster_roster_dialog_finalize(GObject *object)
{
	RosterRosterDialog *self = ROSTER_ROSTER_DIALOG(object);

	g_clear_object(&self->cancellable);
	g_ptr_array_unref(self->month_starts);
	g_ptr_array_unref(self->team_rows);
	g_hash_table_unref(self->weight_entries);
	roster_rotation_free(self->rotation);
	g_clear_pointer(&self->stored_settings, json_object_unref);
	g_free(self->stored_name);
	g_free(self->shown_rotation);
	g_free(self->period_start);
	g_free(self->period_end);
	G_OBJECT_CLASS(roster_roster_dialog_parent_class)->finalize(object);
}

static void
roster_roster_dialog_class_init(RosterRosterDialogClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->dispose = roster_roster_dialog_dispose;
	object_class->finalize = roster_roster_dialog_finalize;
	signals[SIGNAL_SAVED] = g_signal_new("saved",
					     G_TYPE_FROM_CLASS(klass),
					     G_SIGNAL_RUN_LAST,
					     0,
					     NULL,
					     NULL,
					     NULL,
					     G_TYPE_NONE,
					     1,
					     G_TYPE_INT64);
	signals[SIGNAL_DELETED] = g_signal_new("deleted",
					       G_TYPE_FROM_CLASS(klass),
					       G_SIGNAL_RUN_LAST,
					       0,
					       NULL,
					       NULL,
					       NULL,
					       G_TYPE_NONE,
					       1,
					       G_TYPE_INT64);
	gtk_widget_class_set_template_from_resource(
	    widget_class,
	    "/cn/hotline/Roster/ui/roster-roster-dialog.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, window_title);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, save_button);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, month_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, month_dropdown);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, period_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, name_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, existing_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, rotation_group);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, rotation_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, hard_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, hard_switch);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, weight_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, weight_entry);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, cycle_row);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, cycle_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, teams_list);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, weights_group);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, delete_group);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterDialog, delete_button);
	gtk_widget_class_bind_template_callback(widget_class, save_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, cancel_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, delete_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, month_changed_cb);
	gtk_widget_class_bind_template_callback(widget_class, rotation_kind_changed_cb);
	gtk_widget_class_bind_template_callback(widget_class, cycle_weeks_changed_cb);
}

static void
roster_roster_dialog_init(RosterRosterDialog *self)
{
	self->cancellable = g_cancellable_new();
	self->month_starts = g_ptr_array_new_with_free_func(g_free);
	self->team_rows = g_ptr_array_new_with_free_func(g_free);
	self->weight_entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	self->rotation = roster_rotation_new();
	gtk_widget_init_template(GTK_WIDGET(self));
	update_rotation_rows(self);
}
