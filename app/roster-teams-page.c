/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the teams editor: the rotating teams of a manned day with their name, colour and
 * note, and their members, added with a searchable picker and removed one by one; and
 * the team's part of a roster's rotation (a roster setting), edited beside them */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "roster-client-records.h"
#include "roster-client-roles.h"
#include "roster-form-widgets.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-page-lists.h"
#include "roster-queue-actions.h"
#include "roster-row-actions.h"
#include "roster-team-rotation.h"
#include "roster-teams-page.h"
#include "roster-volunteer-picker.h"

struct _RosterTeamsPage {
	RosterPage parent_instance;
	GtkWidget *new_button;
	GtkListBox *teams_list;
	AdwPreferencesGroup *form_group;
	GtkWidget *save_button;
	AdwEntryRow *name_row;
	AdwActionRow *colour_row;
	GtkColorButton *colour_button;
	AdwEntryRow *note_row;
	GtkLabel *error_label;
	AdwPreferencesGroup *members_group;
	GtkListBox *members_list;
	AdwActionRow *add_row;
	GtkDropDown *picker;
	RosterTeamRotation *rotation;
	RosterItemList *teams;
	RosterItemList *volunteers;
	RosterItemList *rosters;
	/* the team in the form, or NULL for a new one */
	RosterItem *editing;
};

G_DEFINE_FINAL_TYPE(RosterTeamsPage, roster_teams_page, ROSTER_TYPE_PAGE)

static void
show_form_error(RosterTeamsPage *self, const gchar *message, const gchar *field)
{
	gtk_widget_remove_css_class(GTK_WIDGET(self->name_row), "error");
	if (g_strcmp0(field, ROSTER_KEY_NAME) == 0)
		gtk_widget_add_css_class(GTK_WIDGET(self->name_row), "error");
	gtk_label_set_text(self->error_label, message != NULL ? message : "");
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), message != NULL);
}

static gint64
editing_id(RosterTeamsPage *self)
{
	return self->editing != NULL ? roster_item_get_id(self->editing) : 0;
}

/* the members of the team in the form: the volunteers whose team it is */
static gboolean
is_member_cb(gpointer item, gpointer user_data)
{
	RosterTeamsPage *self = ROSTER_TEAMS_PAGE(user_data);

	return self->editing != NULL &&
	       roster_item_get_int(ROSTER_ITEM(item), ROSTER_KEY_TEAM_ID, 0) == editing_id(self);
}

static void
refresh_members(RosterTeamsPage *self);

static void
fill_form(RosterTeamsPage *self, RosterItem *team)
{
	const gchar *colour = team != NULL ? roster_item_get_string(team, ROSTER_KEY_COLOUR) : NULL;
	const gchar *note = team != NULL ? roster_item_get_string(team, ROSTER_KEY_NOTE) : NULL;
	GdkRGBA rgba = {0.6f, 0.6f, 0.6f, 1.0f};

	g_set_object(&self->editing, team);
	show_form_error(self, NULL, NULL);
	adw_preferences_group_set_title(self->form_group,
					team != NULL ? roster_item_get_title(team) : _("New Team"));
	gtk_editable_set_text(GTK_EDITABLE(self->name_row),
			      team != NULL ? roster_item_get_title(team) : "");
	if (colour == NULL || !gdk_rgba_parse(&rgba, colour))
		gdk_rgba_parse(&rgba, "#999999");
	gtk_color_chooser_set_rgba(GTK_COLOR_CHOOSER(self->colour_button), &rgba);
	gtk_editable_set_text(GTK_EDITABLE(self->note_row), note != NULL ? note : "");
	gtk_widget_set_visible(GTK_WIDGET(self->members_group), team != NULL);
	roster_team_rotation_set_team(self->rotation, team != NULL ? roster_item_get_id(team) : 0);
	refresh_members(self);
}

static void
edit_team_cb(gpointer page, RosterItem *team)
{
	fill_form(ROSTER_TEAMS_PAGE(page), team);
}

static void
changed_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterTeamsPage) self = ROSTER_TEAMS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (node == NULL && error != NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_form_error(self, error->message, field);
		return;
	}
	if (node != NULL && JSON_NODE_HOLDS_OBJECT(node) &&
	    json_object_has_member(json_node_get_object(node), ROSTER_KEY_COLOUR)) {
		g_autoptr(RosterItem) team = roster_item_new(json_node_get_object(node));
		g_set_object(&self->editing, team);
		adw_preferences_group_set_title(self->form_group, roster_item_get_title(team));
		gtk_widget_set_visible(GTK_WIDGET(self->members_group), TRUE);
		roster_team_rotation_set_team(self->rotation, roster_item_get_id(team));
	}
	show_form_error(self, NULL, NULL);
	roster_page_show_toast(ROSTER_PAGE(self), _("Teams saved"));
	roster_page_reload(ROSTER_PAGE(self));
}

static void
delete_team_cb(gpointer page, RosterItem *team)
{
	RosterTeamsPage *self = ROSTER_TEAMS_PAGE(page);

	if (self->editing != NULL && roster_item_get_id(self->editing) == roster_item_get_id(team))
		fill_form(self, NULL);
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_delete_async(roster_page_get_client(ROSTER_PAGE(self)),
				   ROSTER_RESOURCE_TEAMS,
				   roster_item_get_id(team),
				   roster_item_get_revision(team),
				   roster_page_get_cancellable(ROSTER_PAGE(self)),
				   changed_cb,
				   g_object_ref(self));
}

static GtkWidget *
create_team_row_cb(gpointer item, gpointer user_data)
{
	RosterTeamsPage *self = ROSTER_TEAMS_PAGE(user_data);
	RosterItem *team = ROSTER_ITEM(item);
	const gchar *note = roster_item_get_string(team, ROSTER_KEY_NOTE);
	GtkWidget *row = adw_action_row_new();
	guint n_members = 0;

	for (guint i = 0; self->volunteers != NULL &&
			  i < g_list_model_get_n_items(G_LIST_MODEL(self->volunteers));
	     i++) {
		g_autoptr(RosterItem) volunteer =
		    g_list_model_get_item(G_LIST_MODEL(self->volunteers), i);
		if (roster_item_get_int(volunteer, ROSTER_KEY_TEAM_ID, 0) ==
		    roster_item_get_id(team))
			n_members++;
	}
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), roster_item_get_title(team));
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	{
		/* TRANSLATORS: a team's row: how many members, then its note */
		g_autofree gchar *count =
		    g_strdup_printf(ngettext("%u member", "%u members", n_members), n_members);
		g_autofree gchar *subtitle = note != NULL && note[0] != '\0'
						 ? g_strdup_printf("%s · %s", count, note)
						 : g_strdup(count);
		adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	}
	gtk_widget_add_css_class(row, "team-row");
	if (roster_client_can_plan(roster_page_get_client(ROSTER_PAGE(self))))
		roster_row_add_edit_delete(ADW_ACTION_ROW(row),
					   team,
					   "team",
					   edit_team_cb,
					   delete_team_cb,
					   self);
	return row;
}

/* creates (@id 0) or changes a team or a volunteer */
static void
save(RosterTeamsPage *self, RosterResource resource, gint64 id, JsonNode *body)
{
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 resource,
				 id,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 changed_cb,
				 g_object_ref(self));
}

/* a volunteer's team set (or cleared, with @team_id 0), with the revision it was read at */
static void
set_volunteer_team(RosterTeamsPage *self, RosterItem *volunteer, gint64 team_id)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, roster_item_get_revision(volunteer));
	json_builder_set_member_name(builder, ROSTER_KEY_TEAM_ID);
	if (team_id > 0)
		json_builder_add_int_value(builder, team_id);
	else
		json_builder_add_null_value(builder);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	save(self, ROSTER_RESOURCE_VOLUNTEERS, roster_item_get_id(volunteer), body);
}

static void
remove_member_clicked_cb(GtkButton *button, gpointer user_data)
{
	set_volunteer_team(ROSTER_TEAMS_PAGE(user_data), roster_queue_button_get_item(button), 0);
}

static void
refresh_members(RosterTeamsPage *self)
{
	GtkWidget *child;
	gboolean planner = roster_client_can_plan(roster_page_get_client(ROSTER_PAGE(self)));

	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->members_list))) != NULL)
		gtk_list_box_remove(self->members_list, child);
	for (guint i = 0; self->volunteers != NULL &&
			  i < g_list_model_get_n_items(G_LIST_MODEL(self->volunteers));
	     i++) {
		g_autoptr(RosterItem) volunteer =
		    g_list_model_get_item(G_LIST_MODEL(self->volunteers), i);
		GtkWidget *row;

		if (!is_member_cb(volunteer, self))
			continue;
		row = roster_queue_row_new(
		    roster_item_get_title(volunteer),
		    roster_item_get_string(volunteer, ROSTER_KEY_COUNSELLOR_NO),
		    "team-member-row");
		if (planner)
			roster_queue_add_button(ADW_ACTION_ROW(row),
						G_OBJECT(self),
						volunteer,
						_("_Remove"),
						"team-member-remove",
						G_CALLBACK(remove_member_clicked_cb));
		gtk_list_box_append(self->members_list, row);
	}
}

static void
add_member_clicked_cb(RosterTeamsPage *self)
{
	gint64 id = roster_volunteer_picker_get_id(self->picker);
	RosterItem *volunteer = roster_item_list_find_by_id(self->volunteers, id);

	if (volunteer == NULL || self->editing == NULL)
		return;
	set_volunteer_team(self, volunteer, editing_id(self));
}

static void
save_clicked_cb(RosterTeamsPage *self)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *colour = NULL;
	const gchar *note = gtk_editable_get_text(GTK_EDITABLE(self->note_row));
	GdkRGBA rgba;

	gtk_color_chooser_get_rgba(GTK_COLOR_CHOOSER(self->colour_button), &rgba);
	colour = g_strdup_printf("#%02X%02X%02X",
				 (guint)(rgba.red * 255.0f + 0.5f),
				 (guint)(rgba.green * 255.0f + 0.5f),
				 (guint)(rgba.blue * 255.0f + 0.5f));
	json_builder_begin_object(builder);
	if (self->editing != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
		json_builder_add_int_value(builder, roster_item_get_revision(self->editing));
	}
	json_builder_set_member_name(builder, ROSTER_KEY_NAME);
	json_builder_add_string_value(builder, gtk_editable_get_text(GTK_EDITABLE(self->name_row)));
	json_builder_set_member_name(builder, ROSTER_KEY_COLOUR);
	json_builder_add_string_value(builder, colour);
	json_builder_set_member_name(builder, ROSTER_KEY_NOTE);
	if (note[0] != '\0')
		json_builder_add_string_value(builder, note);
	else
		json_builder_add_null_value(builder);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	save(self, ROSTER_RESOURCE_TEAMS, editing_id(self), body);
}

static void
new_clicked_cb(RosterTeamsPage *self)
{
	fill_form(self, NULL);
	gtk_widget_grab_focus(GTK_WIDGET(self->name_row));
}

/* the form's team as saved now, and its members */
static void
loaded_cb(RosterPage *page)
{
	RosterTeamsPage *self = ROSTER_TEAMS_PAGE(page);

	if (self->editing != NULL) {
		RosterItem *team = roster_item_list_find_by_id(self->teams, editing_id(self));
		if (team != NULL)
			g_set_object(&self->editing, team);
	}
	refresh_members(self);
}

/* the volunteers first, so that the teams' rows count their members; the rosters for
 * the rotation */
static void
roster_teams_page_real_reload(RosterPage *page)
{
	RosterTeamsPage *self = ROSTER_TEAMS_PAGE(page);
	RosterItemList *lists[3] = {self->volunteers, self->teams, self->rosters};

	roster_page_load_lists(page, lists, G_N_ELEMENTS(lists), loaded_cb);
}

/* another account: the previous one's teams go, and a manager reads without editing */
static void
roster_teams_page_client_changed(RosterPage *page)
{
	RosterTeamsPage *self = ROSTER_TEAMS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);
	gboolean planner = roster_client_can_plan(client);

	g_clear_object(&self->teams);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->rosters);
	self->teams = roster_item_list_new_for(client, ROSTER_RESOURCE_TEAMS, 200);
	self->volunteers = roster_item_list_new_for(client, ROSTER_RESOURCE_VOLUNTEERS, 500);
	self->rosters = roster_item_list_new_for(client, ROSTER_RESOURCE_ROSTERS, 0);
	roster_team_rotation_set_client(self->rotation, client);
	roster_team_rotation_set_rosters(self->rotation, G_LIST_MODEL(self->rosters));
	gtk_list_box_bind_model(self->teams_list,
				G_LIST_MODEL(self->teams),
				create_team_row_cb,
				self,
				NULL);
	roster_volunteer_picker_set_model(self->picker, G_LIST_MODEL(self->volunteers));
	fill_form(self, NULL);
	gtk_widget_set_visible(self->new_button, planner);
	gtk_widget_set_visible(GTK_WIDGET(self->form_group), planner);
	gtk_widget_set_visible(GTK_WIDGET(self->add_row), planner);
}

static void
roster_teams_page_dispose(GObject *object)
{
	RosterTeamsPage *self = ROSTER_TEAMS_PAGE(object);

	g_clear_object(&self->teams);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->rosters);
	g_clear_object(&self->editing);
	G_OBJECT_CLASS(roster_teams_page_parent_class)->dispose(object);
}

static void
roster_teams_page_class_init(RosterTeamsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_teams_page_dispose;
	page_class->reload = roster_teams_page_real_reload;
	page_class->client_changed = roster_teams_page_client_changed;
}

static AdwEntryRow *
add_entry(AdwPreferencesGroup *group, const gchar *title, const gchar *css_class)
{
	GtkWidget *row = adw_entry_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	gtk_widget_add_css_class(row, css_class);
	adw_preferences_group_add(group, row);
	return ADW_ENTRY_ROW(row);
}

static void
roster_teams_page_init(RosterTeamsPage *self)
{
	GtkWidget *page = adw_preferences_page_new();
	GtkWidget *teams = adw_preferences_group_new();
	GtkWidget *add_button;

	adw_preferences_group_set_title(ADW_PREFERENCES_GROUP(teams), _("Teams"));
	adw_preferences_group_set_description(
	    ADW_PREFERENCES_GROUP(teams),
	    _("The rotating teams of a manned day; edit a team for its members and the days "
	      "it holds in a roster's rotation."));
	self->new_button =
	    roster_form_button_new(_("_New Team"), "team-new", G_CALLBACK(new_clicked_cb), self);
	adw_preferences_group_set_header_suffix(ADW_PREFERENCES_GROUP(teams), self->new_button);
	self->teams_list = roster_form_list_new("teams-list");
	roster_row_set_placeholder(self->teams_list, _("No teams yet"));
	adw_preferences_group_add(ADW_PREFERENCES_GROUP(teams), GTK_WIDGET(self->teams_list));
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), ADW_PREFERENCES_GROUP(teams));

	self->form_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	self->save_button =
	    roster_form_button_new(_("_Save"), "team-save", G_CALLBACK(save_clicked_cb), self);
	gtk_widget_add_css_class(self->save_button, "suggested-action");
	adw_preferences_group_set_header_suffix(self->form_group, self->save_button);
	self->name_row = add_entry(self->form_group, C_("team", "Name"), "team-name");
	self->colour_row = ADW_ACTION_ROW(adw_action_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->colour_row), _("Colour"));
	adw_action_row_set_subtitle(self->colour_row, _("How the team's shifts are marked"));
	self->colour_button = GTK_COLOR_BUTTON(gtk_color_button_new());
	gtk_color_chooser_set_use_alpha(GTK_COLOR_CHOOSER(self->colour_button), FALSE);
	gtk_widget_set_valign(GTK_WIDGET(self->colour_button), GTK_ALIGN_CENTER);
	adw_action_row_add_suffix(self->colour_row, GTK_WIDGET(self->colour_button));
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->colour_row));
	self->note_row = add_entry(self->form_group, _("Note"), "team-note");
	self->error_label = roster_form_error_label_new("team-error");
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->error_label));
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), self->form_group);
	/* the rotation above the members, whose list may be long */
	self->rotation = ROSTER_TEAM_ROTATION(roster_team_rotation_new());
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), ADW_PREFERENCES_GROUP(self->rotation));

	self->members_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	adw_preferences_group_set_title(self->members_group, _("Members"));
	self->members_list = roster_form_list_new("team-members-list");
	roster_row_set_placeholder(self->members_list, _("Nobody is in this team yet"));
	adw_preferences_group_add(self->members_group, GTK_WIDGET(self->members_list));
	self->add_row =
	    roster_volunteer_picker_row_new(_("Add a Member"), "team-member-picker", &self->picker);
	gtk_widget_set_margin_top(GTK_WIDGET(self->add_row), 12);
	add_button = roster_form_button_new(_("_Add"),
					    "team-member-add",
					    G_CALLBACK(add_member_clicked_cb),
					    self);
	adw_action_row_add_suffix(self->add_row, add_button);
	adw_preferences_group_add(self->members_group, GTK_WIDGET(self->add_row));
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), self->members_group);

	gtk_widget_set_parent(page, GTK_WIDGET(self));
	fill_form(self, NULL);
}

/**
 * roster_teams_page_new:
 *
 * Returns: (transfer floating): a new teams editor
 *
 * Since: 0.4
 */
GtkWidget *
roster_teams_page_new(void)
{
	return g_object_new(ROSTER_TYPE_TEAMS_PAGE, NULL);
}
