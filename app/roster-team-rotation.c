/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a team's rotation in one roster, edited in the Teams view: the roster (a draft by
 * default), the kind of rotation (one for all its teams), the team's weekdays, slots or
 * cycle week, the pattern in words and the days it holds in the next four weeks, all
 * following the edit before it is saved as a PATCH of the roster's team_rotation */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-rosters.h"
#include "roster-date.h"
#include "roster-form-widgets.h"
#include "roster-item.h"
#include "roster-json-keys.h"
#include "roster-roster-settings.h"
#include "roster-rotation-words.h"
#include "roster-team-rotation.h"

/* weeks the preview shows */
#define PREVIEW_WEEKS 4

struct _RosterTeamRotation {
	AdwPreferencesGroup parent_instance;
	RosterClient *client;
	GCancellable *cancellable;
	GListModel *rosters;
	/* the rosters' ids in the order of the roster row */
	GArray *roster_ids;
	gint64 team_id;
	/* the roster shown: as the daemon answered it, and its rotation as edited */
	JsonObject *roster;
	RosterRotation *rotation;
	AdwComboRow *roster_row;
	AdwComboRow *kind_row;
	AdwActionRow *days_row;
	GtkToggleButton *days[7];
	AdwEntryRow *slots_row;
	AdwActionRow *cycle_row;
	GtkSpinButton *cycle_weeks_spin;
	GtkSpinButton *week_spin;
	AdwActionRow *words_row;
	AdwActionRow *week_rows[PREVIEW_WEEKS];
	GtkWidget *save_button;
	GtkLabel *error_label;
	/* set while the widgets are filled from the rotation, so they do not write back */
	gboolean filling;
};

G_DEFINE_FINAL_TYPE(RosterTeamRotation, roster_team_rotation, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error(RosterTeamRotation *self, const gchar *message)
{
	gtk_label_set_text(self->error_label, message != NULL ? message : "");
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), message != NULL);
}

static gboolean
get_roster_date(RosterTeamRotation *self, const gchar *key, GDate *date)
{
	const gchar *text = json_object_get_string_member_with_default(self->roster, key, NULL);

	g_date_clear(date, 1);
	return text != NULL && roster_date_parse(text, date, NULL);
}

/* the first day of the cycle's first week: the settings' cycle start, else the roster's
 * first day, as the solver counts */
static void
get_cycle_origin(RosterTeamRotation *self, const GDate *first, GDate *origin)
{
	JsonObject *settings = json_object_get_object_member(self->roster, ROSTER_KEY_SETTINGS);
	JsonNode *node = settings != NULL
			     ? json_object_get_member(settings, ROSTER_SETTING_TEAM_ROTATION)
			     : NULL;
	const gchar *start = NULL;

	if (node != NULL && JSON_NODE_HOLDS_OBJECT(node))
		start = json_object_get_string_member_with_default(json_node_get_object(node),
								   ROSTER_ROTATION_CYCLE_START,
								   NULL);
	*origin = *first;
	if (start != NULL)
		roster_date_parse(start, origin, NULL);
}

/* the pattern in words and the weeks from today (or from the roster's start, when it
 * has not begun or is over) to four weeks on, within the roster */
static void
update_preview(RosterTeamRotation *self)
{
	g_autofree gchar *words = NULL;
	GDate first;
	GDate last;
	GDate today;
	GDate origin;
	GDate week;

	words = roster_rotation_dup_rule_text(self->rotation, self->team_id);
	adw_action_row_set_subtitle(self->words_row, words);
	if (!get_roster_date(self, ROSTER_KEY_PERIOD_START, &first) ||
	    !get_roster_date(self, ROSTER_KEY_PERIOD_END, &last))
		return;
	get_cycle_origin(self, &first, &origin);
	roster_date_get_today(&today);
	if (g_date_compare(&today, &first) < 0 || g_date_compare(&today, &last) > 0)
		today = first;
	roster_date_get_week_start(&today, &week);
	for (guint i = 0; i < PREVIEW_WEEKS; i++) {
		g_autofree gchar *title = roster_date_format_week(&week);
		g_autofree gchar *days = roster_rotation_dup_week_text(self->rotation,
								       self->team_id,
								       &week,
								       &origin,
								       &first,
								       &last);
		adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->week_rows[i]), title);
		adw_action_row_set_subtitle(self->week_rows[i], days);
		gtk_widget_set_visible(GTK_WIDGET(self->week_rows[i]),
				       g_date_compare(&week, &last) <= 0);
		g_date_add_days(&week, 7);
	}
}

/* the rows the kind uses: weekdays, or slots, or a cycle week with its slots */
static void
update_rows(RosterTeamRotation *self)
{
	RosterRotationKind kind = self->rotation->kind;
	gboolean shown = self->roster != NULL;

	gtk_widget_set_visible(GTK_WIDGET(self->kind_row), shown);
	gtk_widget_set_visible(GTK_WIDGET(self->days_row),
			       shown && kind == ROSTER_ROTATION_WEEKDAYS);
	gtk_widget_set_visible(
	    GTK_WIDGET(self->slots_row),
	    shown && (kind == ROSTER_ROTATION_SLOTS || kind == ROSTER_ROTATION_CYCLE));
	gtk_widget_set_visible(GTK_WIDGET(self->cycle_row), shown && kind == ROSTER_ROTATION_CYCLE);
	gtk_widget_set_visible(GTK_WIDGET(self->words_row), shown);
	for (guint i = 0; i < PREVIEW_WEEKS; i++)
		gtk_widget_set_visible(GTK_WIDGET(self->week_rows[i]), shown);
	gtk_widget_set_visible(self->save_button, shown);
	if (shown)
		update_preview(self);
}

/* the widgets from the rotation's rule for the team */
static void
fill_widgets(RosterTeamRotation *self)
{
	RosterRotationRule *rule = roster_rotation_find_rule(self->rotation, self->team_id);

	self->filling = TRUE;
	adw_combo_row_set_selected(self->kind_row, self->rotation->kind);
	for (guint d = 0; d < 7; d++)
		gtk_toggle_button_set_active(self->days[d],
					     rule != NULL && (rule->weekdays & (1u << (d + 1))));
	gtk_editable_set_text(GTK_EDITABLE(self->slots_row),
			      rule != NULL && rule->slots != NULL ? rule->slots : "");
	gtk_spin_button_set_value(self->cycle_weeks_spin, self->rotation->cycle_weeks);
	gtk_spin_button_set_range(self->week_spin, 0, self->rotation->cycle_weeks);
	gtk_spin_button_set_value(self->week_spin, rule != NULL ? rule->cycle_week : 0);
	self->filling = FALSE;
	update_rows(self);
}

/* an edit of any widget: the rotation follows, and the words and preview with it */
static void
edited_cb(RosterTeamRotation *self)
{
	RosterRotationRule *rule;

	if (self->filling || self->roster == NULL)
		return;
	rule = roster_rotation_find_rule(self->rotation, self->team_id);
	if (rule == NULL)
		rule = roster_rotation_add_rule(self->rotation, self->team_id);
	self->rotation->kind = (RosterRotationKind)adw_combo_row_get_selected(self->kind_row);
	rule->weekdays = 0;
	for (guint d = 0; d < 7; d++) {
		if (gtk_toggle_button_get_active(self->days[d]))
			rule->weekdays |= 1u << (d + 1);
	}
	g_free(rule->slots);
	rule->slots = g_strdup(gtk_editable_get_text(GTK_EDITABLE(self->slots_row)));
	self->rotation->cycle_weeks = (guint)gtk_spin_button_get_value(self->cycle_weeks_spin);
	gtk_spin_button_set_range(self->week_spin, 0, self->rotation->cycle_weeks);
	rule->cycle_week = (guint)gtk_spin_button_get_value(self->week_spin);
	show_error(self, NULL);
	update_rows(self);
}

static void
roster_loaded_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterTeamRotation) self = ROSTER_TEAM_ROTATION(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) roster =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);
	JsonObject *settings;

	if (roster == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_error(self, error->message);
		return;
	}
	g_clear_pointer(&self->roster, json_object_unref);
	self->roster = g_steal_pointer(&roster);
	settings = json_object_get_object_member(self->roster, ROSTER_KEY_SETTINGS);
	g_clear_pointer(&self->rotation, roster_rotation_free);
	self->rotation = roster_rotation_new_from_settings(settings);
	show_error(self, NULL);
	fill_widgets(self);
}

/* the roster chosen, as stored now */
static void
load_roster(RosterTeamRotation *self)
{
	guint selected = adw_combo_row_get_selected(self->roster_row);

	if (self->client == NULL || self->team_id == 0 || selected >= self->roster_ids->len)
		return;
	roster_client_get_roster_object_async(self->client,
					      g_array_index(self->roster_ids, gint64, selected),
					      self->cancellable,
					      roster_loaded_cb,
					      g_object_ref(self));
}

static void
saved_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterTeamRotation) self = ROSTER_TEAM_ROTATION(user_data);
	g_autoptr(GError) error = NULL;

	gtk_widget_set_sensitive(self->save_button, TRUE);
	if (!roster_client_edit_finish(ROSTER_CLIENT(source), result, &error)) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_error(self, error->message);
		return;
	}
	gtk_widget_activate_action(GTK_WIDGET(self), "win.toast", "s", _("Rotation saved"));
	load_roster(self);
}

/* the whole rotation goes back, with the cycle start it had (the app does not edit it) */
static void
save_clicked_cb(RosterTeamRotation *self)
{
	g_autoptr(JsonObject) changes = json_object_new();
	JsonNode *node;
	JsonObject *settings;
	JsonNode *stored;

	if (self->roster == NULL)
		return;
	node = roster_rotation_to_node(self->rotation);
	settings = json_object_get_object_member(self->roster, ROSTER_KEY_SETTINGS);
	stored = settings != NULL ? json_object_get_member(settings, ROSTER_SETTING_TEAM_ROTATION)
				  : NULL;
	if (JSON_NODE_HOLDS_OBJECT(node) && stored != NULL && JSON_NODE_HOLDS_OBJECT(stored) &&
	    json_object_has_member(json_node_get_object(stored), ROSTER_ROTATION_CYCLE_START))
		json_object_set_string_member(
		    json_node_get_object(node),
		    ROSTER_ROTATION_CYCLE_START,
		    json_object_get_string_member(json_node_get_object(stored),
						  ROSTER_ROTATION_CYCLE_START));
	json_object_set_member(changes, ROSTER_SETTING_TEAM_ROTATION, node);
	gtk_widget_set_sensitive(self->save_button, FALSE);
	roster_client_update_roster_async(
	    self->client,
	    json_object_get_int_member(self->roster, ROSTER_KEY_ID),
	    json_object_get_int_member(self->roster, ROSTER_KEY_REVISION),
	    FALSE,
	    NULL,
	    changes,
	    self->cancellable,
	    saved_cb,
	    g_object_ref(self));
}

/* the draft with the latest period, else the latest roster: the one a coordinator plans */
static guint
pick_default(RosterTeamRotation *self)
{
	guint best = GTK_INVALID_LIST_POSITION;
	const gchar *best_start = NULL;
	gboolean best_draft = FALSE;

	for (guint i = 0; i < g_list_model_get_n_items(self->rosters); i++) {
		g_autoptr(RosterItem) roster = g_list_model_get_item(self->rosters, i);
		const gchar *start = roster_item_get_string(roster, ROSTER_KEY_PERIOD_START);
		gboolean draft = g_strcmp0(roster_item_get_string(roster, ROSTER_KEY_STATE),
					   ROSTER_STATE_DRAFT) == 0;
		if (best == GTK_INVALID_LIST_POSITION || (draft && !best_draft) ||
		    (draft == best_draft && g_strcmp0(start, best_start) > 0)) {
			best = i;
			best_start = start;
			best_draft = draft;
		}
	}
	return best;
}

/* the roster row lists the rosters; the one chosen stays chosen if it is still there */
static void
rosters_changed_cb(RosterTeamRotation *self)
{
	g_autoptr(GtkStringList) names = gtk_string_list_new(NULL);
	guint selected = adw_combo_row_get_selected(self->roster_row);
	gint64 chosen = selected < self->roster_ids->len
			    ? g_array_index(self->roster_ids, gint64, selected)
			    : 0;
	guint keep = GTK_INVALID_LIST_POSITION;

	g_array_set_size(self->roster_ids, 0);
	for (guint i = 0; self->rosters != NULL && i < g_list_model_get_n_items(self->rosters);
	     i++) {
		g_autoptr(RosterItem) roster = g_list_model_get_item(self->rosters, i);
		gint64 id = roster_item_get_id(roster);
		g_autofree gchar *name = roster_roster_dup_display_name(
		    roster_item_get_string(roster, ROSTER_KEY_NAME),
		    roster_item_get_string(roster, ROSTER_KEY_PERIOD_START),
		    roster_item_get_string(roster, ROSTER_KEY_PERIOD_END));
		gtk_string_list_append(names, name);
		g_array_append_val(self->roster_ids, id);
		if (id == chosen)
			keep = i;
	}
	self->filling = TRUE;
	adw_combo_row_set_model(self->roster_row, G_LIST_MODEL(names));
	self->filling = FALSE;
	if (keep == GTK_INVALID_LIST_POSITION && self->rosters != NULL)
		keep = pick_default(self);
	gtk_widget_set_visible(GTK_WIDGET(self->roster_row), keep != GTK_INVALID_LIST_POSITION);
	if (keep == GTK_INVALID_LIST_POSITION) {
		g_clear_pointer(&self->roster, json_object_unref);
		update_rows(self);
		return;
	}
	adw_combo_row_set_selected(self->roster_row, keep);
	load_roster(self);
}

static void
roster_chosen_cb(RosterTeamRotation *self)
{
	if (!self->filling)
		load_roster(self);
}

/**
 * roster_team_rotation_set_client:
 * @self: a #RosterTeamRotation
 * @client: (nullable): the client the rosters are read and saved with
 *
 * Since: 0.4
 */
void
roster_team_rotation_set_client(RosterTeamRotation *self, RosterClient *client)
{
	g_return_if_fail(ROSTER_IS_TEAM_ROTATION(self));
	g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	self->cancellable = g_cancellable_new();
	g_set_object(&self->client, client);
	g_clear_pointer(&self->roster, json_object_unref);
	update_rows(self);
}

/**
 * roster_team_rotation_set_rosters:
 * @self: a #RosterTeamRotation
 * @rosters: (nullable): the rosters, a list of #RosterItem
 *
 * Since: 0.4
 */
void
roster_team_rotation_set_rosters(RosterTeamRotation *self, GListModel *rosters)
{
	g_return_if_fail(ROSTER_IS_TEAM_ROTATION(self));
	if (self->rosters != NULL)
		g_signal_handlers_disconnect_by_data(self->rosters, self);
	g_set_object(&self->rosters, rosters);
	if (rosters != NULL)
		g_signal_connect_swapped(rosters,
					 "items-changed",
					 G_CALLBACK(rosters_changed_cb),
					 self);
	rosters_changed_cb(self);
}

/**
 * roster_team_rotation_set_team:
 * @self: a #RosterTeamRotation
 * @team_id: the team edited, or 0 for none (the group hides)
 *
 * Since: 0.4
 */
void
roster_team_rotation_set_team(RosterTeamRotation *self, gint64 team_id)
{
	g_return_if_fail(ROSTER_IS_TEAM_ROTATION(self));
	gtk_widget_set_visible(GTK_WIDGET(self), team_id > 0);
	if (team_id == self->team_id)
		return;
	self->team_id = team_id;
	show_error(self, NULL);
	if (self->roster != NULL)
		fill_widgets(self);
	else
		load_roster(self);
}

static void
roster_team_rotation_dispose(GObject *object)
{
	RosterTeamRotation *self = ROSTER_TEAM_ROTATION(object);

	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	if (self->rosters != NULL)
		g_signal_handlers_disconnect_by_data(self->rosters, self);
	g_clear_object(&self->rosters);
	g_clear_object(&self->client);
	g_clear_pointer(&self->roster, json_object_unref);
	g_clear_pointer(&self->rotation, roster_rotation_free);
	g_clear_pointer(&self->roster_ids, g_array_unref);
	G_OBJECT_CLASS(roster_team_rotation_parent_class)->dispose(object);
}

static void
roster_team_rotation_class_init(RosterTeamRotationClass *klass)
{
	G_OBJECT_CLASS(klass)->dispose = roster_team_rotation_dispose;
}

static AdwActionRow *
add_action_row(RosterTeamRotation *self, const gchar *title, const gchar *css_class)
{
	GtkWidget *row = adw_action_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	gtk_widget_add_css_class(row, css_class);
	adw_preferences_group_add(ADW_PREFERENCES_GROUP(self), row);
	return ADW_ACTION_ROW(row);
}

static GtkSpinButton *
add_spin(AdwActionRow *row, const gchar *tooltip, const gchar *css_class)
{
	GtkWidget *spin = gtk_spin_button_new_with_range(0, 52, 1);

	gtk_widget_set_valign(spin, GTK_ALIGN_CENTER);
	gtk_widget_set_tooltip_text(spin, tooltip);
	gtk_widget_add_css_class(spin, css_class);
	adw_action_row_add_suffix(row, spin);
	return GTK_SPIN_BUTTON(spin);
}

static void
build_days_row(RosterTeamRotation *self)
{
	GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 0);
	/* a Monday, for the weekdays' short names */
	g_autoptr(GDate) day = g_date_new_dmy(5, G_DATE_JANUARY, 2026);

	self->days_row = add_action_row(self, _("Days the team holds"), "team-rotation-days");
	gtk_widget_add_css_class(box, "linked");
	gtk_widget_set_valign(box, GTK_ALIGN_CENTER);
	for (guint d = 0; d < 7; d++) {
		GtkWidget *toggle =
		    gtk_toggle_button_new_with_label(roster_date_get_weekday_label(day));
		g_autofree gchar *day_class = g_strdup_printf("team-rotation-weekday-%u", d + 1);
		gtk_widget_add_css_class(toggle, day_class);
		g_signal_connect_swapped(toggle, "toggled", G_CALLBACK(edited_cb), self);
		self->days[d] = GTK_TOGGLE_BUTTON(toggle);
		gtk_box_append(GTK_BOX(box), toggle);
		g_date_add_days(day, 1);
	}
	adw_action_row_add_suffix(self->days_row, box);
}

static void
roster_team_rotation_init(RosterTeamRotation *self)
{
	AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP(self);
	g_autoptr(GtkStringList) kinds = gtk_string_list_new(NULL);

	self->roster_ids = g_array_new(FALSE, FALSE, sizeof(gint64));
	self->rotation = roster_rotation_new();
	self->cancellable = g_cancellable_new();
	adw_preferences_group_set_title(group, _("Rotation"));
	adw_preferences_group_set_description(
	    group,
	    _("Which days the team holds in a roster. The kind of rotation is the roster's, "
	      "for all its teams."));
	self->save_button = gtk_button_new_with_mnemonic(_("Save _Rotation"));
	gtk_widget_add_css_class(self->save_button, "team-rotation-save");
	gtk_widget_set_valign(self->save_button, GTK_ALIGN_CENTER);
	g_signal_connect_swapped(self->save_button, "clicked", G_CALLBACK(save_clicked_cb), self);
	adw_preferences_group_set_header_suffix(group, self->save_button);

	self->roster_row = ADW_COMBO_ROW(adw_combo_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->roster_row), _("Roster"));
	gtk_widget_add_css_class(GTK_WIDGET(self->roster_row), "team-rotation-roster");
	g_signal_connect_swapped(self->roster_row,
				 "notify::selected",
				 G_CALLBACK(roster_chosen_cb),
				 self);
	adw_preferences_group_add(group, GTK_WIDGET(self->roster_row));

	gtk_string_list_append(kinds, _("No rotation"));
	gtk_string_list_append(kinds, _("By weekday"));
	gtk_string_list_append(kinds, _("By slot"));
	gtk_string_list_append(kinds, _("By week of a cycle"));
	self->kind_row = ADW_COMBO_ROW(adw_combo_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->kind_row), _("Kind of rotation"));
	adw_combo_row_set_model(self->kind_row, G_LIST_MODEL(kinds));
	gtk_widget_add_css_class(GTK_WIDGET(self->kind_row), "team-rotation-kind");
	g_signal_connect_swapped(self->kind_row, "notify::selected", G_CALLBACK(edited_cb), self);
	adw_preferences_group_add(group, GTK_WIDGET(self->kind_row));

	build_days_row(self);
	self->slots_row = ADW_ENTRY_ROW(adw_entry_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->slots_row),
				      _("Slots, e.g. 20:00, 23:00"));
	gtk_widget_add_css_class(GTK_WIDGET(self->slots_row), "team-rotation-slots");
	g_signal_connect_swapped(self->slots_row, "changed", G_CALLBACK(edited_cb), self);
	adw_preferences_group_add(group, GTK_WIDGET(self->slots_row));
	self->cycle_row = add_action_row(self, _("Week of the cycle"), "team-rotation-cycle");
	adw_action_row_set_subtitle(self->cycle_row,
				    _("The team's week, then the cycle's length in weeks"));
	self->week_spin = add_spin(self->cycle_row,
				   _("The team's week of the cycle; 0 for none"),
				   "team-rotation-week");
	self->cycle_weeks_spin = add_spin(self->cycle_row,
					  _("The cycle's length in weeks"),
					  "team-rotation-cycle-weeks");
	gtk_spin_button_set_range(self->cycle_weeks_spin, 1, 52);
	g_signal_connect_swapped(self->week_spin, "value-changed", G_CALLBACK(edited_cb), self);
	g_signal_connect_swapped(self->cycle_weeks_spin,
				 "value-changed",
				 G_CALLBACK(edited_cb),
				 self);

	self->words_row = add_action_row(self, _("Pattern"), "team-rotation-words");
	gtk_widget_add_css_class(GTK_WIDGET(self->words_row), "property");
	for (guint i = 0; i < PREVIEW_WEEKS; i++)
		self->week_rows[i] = add_action_row(self, "", "team-rotation-preview");
	self->error_label = roster_form_error_label_new("team-rotation-error");
	adw_preferences_group_add(group, GTK_WIDGET(self->error_label));
	update_rows(self);
	gtk_widget_set_visible(GTK_WIDGET(self), FALSE);
}

/**
 * roster_team_rotation_new:
 *
 * Returns: (transfer floating): a team's rotation editor, hidden until a team is set
 *
 * Since: 0.4
 */
GtkWidget *
roster_team_rotation_new(void)
{
	return g_object_new(ROSTER_TYPE_TEAM_ROTATION, NULL);
}
