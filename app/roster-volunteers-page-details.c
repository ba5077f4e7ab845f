/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the volunteer form's second group: the team, the skills, the limits the solver keeps
 * to, the commitment, a note and the honour-roll consent; and who holds a counsellor
 * number the daemon refused as taken */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-records.h"
#include "roster-code-labels.h"
#include "roster-json-keys.h"
#include "roster-volunteers-page-private.h"

/* the skills with a check button of their own; any other is typed in a list */
static const gchar *const known_skills[] = {"counselling", "crisis"};

typedef struct {
	const gchar *key;
	gsize row_offset;
	gsize field_offset;
	gint64 limit;
} Limit;

#define LIMIT(row, field, key, limit)                                                              \
	{                                                                                          \
		key, G_STRUCT_OFFSET(RosterVolunteersPage, row),                                   \
		    G_STRUCT_OFFSET(RosterVolunteerFields, field), limit                           \
	}

/* the daemon's bounds of each limit (service/model/roster-kind.c) */
static const Limit limits[] = {
    LIMIT(max_hours_week_row, max_hours_week, ROSTER_KEY_MAX_HOURS_WEEK, 168),
    LIMIT(max_hours_month_row, max_hours_month, ROSTER_KEY_MAX_HOURS_MONTH, 744),
    LIMIT(max_consecutive_row, max_consecutive_days, ROSTER_KEY_MAX_CONSECUTIVE_DAYS, 31),
    LIMIT(max_nights_row, max_nights_month, ROSTER_KEY_MAX_NIGHTS_MONTH, 31),
    LIMIT(min_shifts_row, min_shifts_month, ROSTER_KEY_MIN_SHIFTS_MONTH, 248),
};

static AdwEntryRow *
limit_row(RosterVolunteersPage *self, const Limit *limit)
{
	return G_STRUCT_MEMBER(AdwEntryRow *, self, limit->row_offset);
}

static GtkCheckButton *
skill_check(RosterVolunteersPage *self, guint i)
{
	return i == 0 ? self->counselling_check : self->crisis_check;
}

/**
 * roster_volunteers_page_details_row_for_key:
 * @self: a #RosterVolunteersPage
 * @key: (nullable): the field of a refusal
 *
 * Returns: (transfer none) (nullable): the row of the details group that shows @key
 *
 * Since: 0.4
 */
GtkWidget *
roster_volunteers_page_details_row_for_key(RosterVolunteersPage *self, const gchar *key)
{
	for (guint i = 0; i < G_N_ELEMENTS(limits); i++) {
		if (g_strcmp0(limits[i].key, key) == 0)
			return GTK_WIDGET(limit_row(self, &limits[i]));
	}
	if (g_strcmp0(key, ROSTER_KEY_TEAM_ID) == 0)
		return GTK_WIDGET(self->team_row);
	if (g_strcmp0(key, ROSTER_KEY_SKILLS) == 0)
		return GTK_WIDGET(self->other_skills_row);
	if (g_strcmp0(key, ROSTER_KEY_NOTE) == 0)
		return GTK_WIDGET(self->note_row);
	if (g_strcmp0(key, ROSTER_KEY_HONOUR_ROLL_CONSENT) == 0)
		return GTK_WIDGET(self->consent_row);
	return NULL;
}

/**
 * roster_volunteers_page_details_clear_errors:
 * @self: a #RosterVolunteersPage
 *
 * Unmarks every row of the details group.
 *
 * Since: 0.4
 */
void
roster_volunteers_page_details_clear_errors(RosterVolunteersPage *self)
{
	const gchar *const keys[] = {ROSTER_KEY_TEAM_ID,
				     ROSTER_KEY_SKILLS,
				     ROSTER_KEY_NOTE,
				     ROSTER_KEY_HONOUR_ROLL_CONSENT};

	for (guint i = 0; i < G_N_ELEMENTS(limits); i++)
		gtk_widget_remove_css_class(GTK_WIDGET(limit_row(self, &limits[i])), "error");
	for (guint i = 0; i < G_N_ELEMENTS(keys); i++)
		gtk_widget_remove_css_class(
		    roster_volunteers_page_details_row_for_key(self, keys[i]),
		    "error");
}

/* the team row's entries: "no team", then the teams in the list's order */
static void
update_team_choices(RosterVolunteersPage *self, gint64 team_id)
{
	g_autoptr(GtkStringList) names = gtk_string_list_new(NULL);
	guint selected = 0;

	gtk_string_list_append(names, _("No team"));
	for (guint i = 0;
	     self->teams != NULL && i < g_list_model_get_n_items(G_LIST_MODEL(self->teams));
	     i++) {
		g_autoptr(RosterItem) team = g_list_model_get_item(G_LIST_MODEL(self->teams), i);
		gtk_string_list_append(names, roster_item_get_title(team));
		if (roster_item_get_id(team) == team_id)
			selected = i + 1;
	}
	adw_combo_row_set_model(self->team_row, G_LIST_MODEL(names));
	adw_combo_row_set_selected(self->team_row, selected);
}

static gint64
selected_team_id(RosterVolunteersPage *self)
{
	guint selected = adw_combo_row_get_selected(self->team_row);
	g_autoptr(RosterItem) team = NULL;

	if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || self->teams == NULL)
		return -1;
	team = g_list_model_get_item(G_LIST_MODEL(self->teams), selected - 1);
	return team != NULL ? roster_item_get_id(team) : -1;
}

/**
 * roster_volunteers_page_details_fill:
 * @self: a #RosterVolunteersPage
 * @fields: the volunteer's fields
 *
 * Shows the details of @fields in the group.
 *
 * Since: 0.4
 */
void
roster_volunteers_page_details_fill(RosterVolunteersPage *self, const RosterVolunteerFields *fields)
{
	g_autoptr(GString) others = g_string_new(NULL);

	update_team_choices(self, fields->team_id);
	for (guint i = 0; i < G_N_ELEMENTS(known_skills); i++)
		gtk_check_button_set_active(skill_check(self, i), FALSE);
	for (guint i = 0; fields->skills != NULL && i < json_array_get_length(fields->skills);
	     i++) {
		const gchar *skill = json_array_get_string_element(fields->skills, i);
		gboolean known = FALSE;

		for (guint k = 0; k < G_N_ELEMENTS(known_skills); k++) {
			if (g_strcmp0(skill, known_skills[k]) == 0) {
				gtk_check_button_set_active(skill_check(self, k), TRUE);
				known = TRUE;
			}
		}
		if (known || skill == NULL)
			continue;
		if (others->len > 0)
			g_string_append(others, ", ");
		g_string_append(others, skill);
	}
	gtk_editable_set_text(GTK_EDITABLE(self->other_skills_row), others->str);
	for (guint i = 0; i < G_N_ELEMENTS(limits); i++) {
		gint64 value = G_STRUCT_MEMBER(gint64, fields, limits[i].field_offset);
		g_autofree gchar *text = value >= 0 ? g_strdup_printf("%" G_GINT64_FORMAT, value)
						    : g_strdup("");
		gtk_editable_set_text(GTK_EDITABLE(limit_row(self, &limits[i])), text);
	}
	gtk_editable_set_text(GTK_EDITABLE(self->note_row),
			      fields->note != NULL ? fields->note : "");
	gtk_switch_set_active(self->consent_switch, fields->honour_roll_consent);
}

/* adds each skill of a comma-separated list (Chinese commas too) that is not there yet */
static void
add_typed_skills(JsonArray *skills, const gchar *text)
{
	g_autofree gchar *commas = g_strdup(text != NULL ? text : "");
	g_auto(GStrv) parts = NULL;
	g_autoptr(GString) plain = g_string_new(NULL);

	/* the full-width comma and the enumeration comma as a Chinese input method types
	 * them are separators too */
	for (const gchar *p = commas; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c == 0xFF0C || c == 0x3001)
			g_string_append_c(plain, ',');
		else
			g_string_append_unichar(plain, c);
	}
	parts = g_strsplit(plain->str, ",", -1);
	for (guint i = 0; parts[i] != NULL; i++) {
		const gchar *skill = g_strstrip(parts[i]);
		gboolean seen = FALSE;

		for (guint j = 0; j < json_array_get_length(skills); j++)
			seen |= g_strcmp0(json_array_get_string_element(skills, j), skill) == 0;
		if (skill[0] != '\0' && !seen)
			json_array_add_string_element(skills, skill);
	}
}

/**
 * roster_volunteers_page_details_read:
 * @self: a #RosterVolunteersPage
 * @fields: the fields to set
 *
 * Reads the group into @fields; its skills stay valid until the next read.
 *
 * Returns: (nullable): the key of a limit that is not a number in its range (its row
 *   is marked), or %NULL when all are
 *
 * Since: 0.4
 */
const gchar *
roster_volunteers_page_details_read(RosterVolunteersPage *self, RosterVolunteerFields *fields)
{
	for (guint i = 0; i < G_N_ELEMENTS(limits); i++) {
		AdwEntryRow *row = limit_row(self, &limits[i]);
		gint64 *value = &G_STRUCT_MEMBER(gint64, fields, limits[i].field_offset);

		if (!roster_volunteer_fields_parse_limit(gtk_editable_get_text(GTK_EDITABLE(row)),
							 limits[i].limit,
							 value))
			return limits[i].key;
	}
	g_clear_pointer(&self->skills, json_array_unref);
	self->skills = json_array_new();
	for (guint i = 0; i < G_N_ELEMENTS(known_skills); i++) {
		if (gtk_check_button_get_active(skill_check(self, i)))
			json_array_add_string_element(self->skills, known_skills[i]);
	}
	add_typed_skills(self->skills, gtk_editable_get_text(GTK_EDITABLE(self->other_skills_row)));
	fields->skills = self->skills;
	fields->team_id = selected_team_id(self);
	fields->note = gtk_editable_get_text(GTK_EDITABLE(self->note_row));
	fields->honour_roll_consent = gtk_switch_get_active(self->consent_switch);
	return NULL;
}

static void
holder_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonArray) items =
	    roster_client_call_finish_items(ROSTER_CLIENT(source), result, &error);
	const gchar *number = g_object_get_data(G_OBJECT(self), "holder-number");

	roster_page_release(ROSTER_PAGE(self));
	if (items == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *volunteer = json_array_get_object_element(items, i);
		g_autofree gchar *message = NULL;

		if (g_strcmp0(json_object_get_string_member_with_default(volunteer,
									 ROSTER_KEY_COUNSELLOR_NO,
									 NULL),
			      number) != 0)
			continue;
		/* TRANSLATORS: a counsellor number (工号) that another volunteer holds:
		 * the number, then the holder's name */
		message = g_strdup_printf(
		    _("Counsellor number %s is already held by %s"),
		    number,
		    json_object_get_string_member_with_default(volunteer, ROSTER_KEY_NAME, "?"));
		gtk_label_set_text(self->error_label, message);
		return;
	}
}

/**
 * roster_volunteers_page_details_find_holder:
 * @self: a #RosterVolunteersPage
 * @number: a counsellor number the daemon refused as taken
 *
 * Looks up who holds @number and names them in the form's error.
 *
 * Since: 0.4
 */
void
roster_volunteers_page_details_find_holder(RosterVolunteersPage *self, const gchar *number)
{
	g_autofree gchar *path = roster_client_dup_volunteers_path(number, NULL, FALSE, 50);

	g_object_set_data_full(G_OBJECT(self), "holder-number", g_strdup(number), g_free);
	roster_page_call(ROSTER_PAGE(self), "GET", path, NULL, holder_cb);
}

static void
teams_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterVolunteersPage) self = ROSTER_VOLUNTEERS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	RosterVolunteerFields fields;
	GListModel *names = adw_combo_row_get_model(self->team_row);
	guint selected = adw_combo_row_get_selected(self->team_row);
	/* the team chosen in the form, by name: the list it was chosen from is the old one */
	g_autofree gchar *chosen =
	    names != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION
		? g_strdup(gtk_string_list_get_string(GTK_STRING_LIST(names), selected))
		: NULL;

	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (roster_page_show_error(ROSTER_PAGE(self), error))
			roster_page_release(ROSTER_PAGE(self));
		return;
	}
	roster_page_release(ROSTER_PAGE(self));
	if (ROSTER_ITEM_LIST(source) != self->teams)
		return;
	/* the volunteer in the form keeps its team now that the names are known, or the
	 * team chosen in the form before the reload came back */
	roster_volunteer_fields_read(&fields, self->editing);
	for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items(G_LIST_MODEL(self->teams));
	     i++) {
		g_autoptr(RosterItem) team = g_list_model_get_item(G_LIST_MODEL(self->teams), i);
		if (g_strcmp0(roster_item_get_title(team), chosen) == 0)
			fields.team_id = roster_item_get_id(team);
	}
	update_team_choices(self, fields.team_id);
}

/**
 * roster_volunteers_page_details_reload:
 * @self: a #RosterVolunteersPage
 *
 * Loads the teams the team row offers.
 *
 * Since: 0.4
 */
void
roster_volunteers_page_details_reload(RosterVolunteersPage *self)
{
	if (self->teams == NULL)
		return;
	roster_page_hold(ROSTER_PAGE(self));
	roster_item_list_reload_async(self->teams,
				      roster_page_get_cancellable(ROSTER_PAGE(self)),
				      teams_cb,
				      g_object_ref(self));
}

/**
 * roster_volunteers_page_details_set_client:
 * @self: a #RosterVolunteersPage
 * @client: (nullable): the page's new client
 *
 * Drops the previous account's teams: the new client loads its own.
 *
 * Since: 0.4
 */
void
roster_volunteers_page_details_set_client(RosterVolunteersPage *self, RosterClient *client)
{
	g_clear_object(&self->teams);
	self->teams = roster_item_list_new_for(client, ROSTER_RESOURCE_TEAMS, 200);
	update_team_choices(self, -1);
}

/**
 * roster_volunteers_page_details_class_init:
 * @widget_class: the volunteers page's class, its template set
 *
 * Binds the details group's rows of the template.
 *
 * Since: 0.4
 */
void
roster_volunteers_page_details_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, details_group);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, team_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, skills_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, counselling_check);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, crisis_check);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, other_skills_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     max_hours_week_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     max_hours_month_row);
	gtk_widget_class_bind_template_child(widget_class,
					     RosterVolunteersPage,
					     max_consecutive_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, max_nights_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, min_shifts_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, note_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, consent_row);
	gtk_widget_class_bind_template_child(widget_class, RosterVolunteersPage, consent_switch);
}

/**
 * roster_volunteers_page_details_init:
 * @self: a #RosterVolunteersPage, its template initialised
 *
 * Labels the skills' check buttons in the user's words.
 *
 * Since: 0.4
 */
void
roster_volunteers_page_details_init(RosterVolunteersPage *self)
{
	for (guint i = 0; i < G_N_ELEMENTS(known_skills); i++)
		gtk_check_button_set_label(skill_check(self, i),
					   roster_skill_to_label(known_skills[i]));
	update_team_choices(self, -1);
}
