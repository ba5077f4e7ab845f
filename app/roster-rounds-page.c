/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the availability rounds view: a coordinator opens a round for a period with a
 * deadline and sees which volunteers have answered on their page */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "roster-client-roles.h"
#include "roster-date.h"
#include "roster-form-widgets.h"
#include "roster-rounds-page.h"
#include "roster-row-actions.h"

struct _RosterRoundsPage {
	RosterPage parent_instance;
	AdwEntryRow *name_row;
	AdwEntryRow *start_row;
	AdwEntryRow *end_row;
	AdwEntryRow *deadline_row;
	GtkWidget *form_group;
	GtkListBox *rounds_list;
	AdwPreferencesGroup *answers_group;
	GtkListBox *answers_list;
};

G_DEFINE_FINAL_TYPE(RosterRoundsPage, roster_rounds_page, ROSTER_TYPE_PAGE)

static void
clear_list(GtkListBox *list)
{
	GtkListBoxRow *row;

	/* the rows only: a placeholder stays */
	while ((row = gtk_list_box_get_row_at_index(list, 0)) != NULL)
		gtk_list_box_remove(list, GTK_WIDGET(row));
}

static GtkWidget *
new_row(const gchar *title, const gchar *subtitle)
{
	GtkWidget *row = adw_action_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	return row;
}

/* the answer of one call, or NULL after showing its error; finished by the client that
 * made it, which a change of account may since have replaced */
static JsonObject *
finish_call(RosterRoundsPage *self, GObject *source, GAsyncResult *result)
{
	g_autoptr(GError) error = NULL;
	JsonObject *object =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (object == NULL)
		roster_page_show_error(ROSTER_PAGE(self), error);
	return object;
}

static void
call(RosterRoundsPage *self,
     const gchar *method,
     const gchar *path,
     JsonNode *body,
     GAsyncReadyCallback callback)
{
	roster_page_call(ROSTER_PAGE(self), method, path, body, callback);
}

static void
round_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRoundsPage) self = ROSTER_ROUNDS_PAGE(user_data);
	g_autoptr(JsonObject) round = finish_call(self, source, result);
	JsonArray *answers;

	if (round == NULL)
		return;
	clear_list(self->answers_list);
	adw_preferences_group_set_title(self->answers_group,
					json_object_get_string_member(round, "name"));
	answers = json_object_get_array_member(round, "answers");
	for (guint i = 0; answers != NULL && i < json_array_get_length(answers); i++) {
		JsonObject *answer = json_array_get_object_element(answers, i);
		const gchar *at = json_object_get_null_member(answer, "answered_at")
				      ? NULL
				      : json_object_get_string_member(answer, "answered_at");
		g_autofree gchar *title =
		    g_strdup_printf("%s %s",
				    json_object_get_string_member(answer, "counsellor_no"),
				    json_object_get_string_member(answer, "name"));
		g_autofree gchar *when = at != NULL ? roster_date_format_timestamp(at) : NULL;
		/* TRANSLATORS: when a volunteer answered an availability round, and with how
		 * many marks */
		g_autofree gchar *subtitle =
		    at != NULL ? g_strdup_printf(_("Answered %s, %d marks"),
						 when,
						 (gint)json_object_get_int_member(answer, "marks"))
			       : g_strdup(_("Not answered yet"));

		gtk_list_box_append(self->answers_list, new_row(title, subtitle));
	}
	gtk_widget_set_visible(GTK_WIDGET(self->answers_group), TRUE);
}

static void
round_activated_cb(RosterRoundsPage *self, GtkListBoxRow *row)
{
	gint64 id = GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(row), "round-id"));
	g_autofree gchar *path = g_strdup_printf("/rounds/%" G_GINT64_FORMAT, id);

	call(self, "GET", path, NULL, round_cb);
}

static void
rounds_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRoundsPage) self = ROSTER_ROUNDS_PAGE(user_data);
	g_autoptr(JsonObject) list = finish_call(self, source, result);
	JsonArray *items;

	if (list == NULL)
		return;
	clear_list(self->rounds_list);
	items = json_object_get_array_member(list, "items");
	for (guint i = 0; items != NULL && i < json_array_get_length(items); i++) {
		JsonObject *round = json_array_get_object_element(items, i);
		g_autofree gchar *deadline =
		    roster_date_format_timestamp(json_object_get_string_member(round, "deadline"));
		gboolean open = json_object_get_boolean_member(round, "open");
		/* TRANSLATORS: a round's period, its deadline and how many volunteers
		 * answered, e.g. "2027-01-01 – 2027-01-31, closes …, 12 of 60 answered" */
		g_autofree gchar *subtitle = g_strdup_printf(
		    open ? _("%s – %s, closes %s, %d of %d answered")
			 : _("%s – %s, closed %s, %d of %d answered"),
		    json_object_get_string_member(round, "period_start"),
		    json_object_get_string_member(round, "period_end"),
		    deadline,
		    (gint)json_object_get_int_member_with_default(round, "answered", 0),
		    (gint)json_object_get_int_member_with_default(round, "volunteers", 0));
		GtkWidget *row = new_row(json_object_get_string_member(round, "name"), subtitle);

		gtk_list_box_row_set_activatable(GTK_LIST_BOX_ROW(row), TRUE);
		adw_action_row_add_suffix(ADW_ACTION_ROW(row),
					  gtk_image_new_from_icon_name("go-next-symbolic"));
		g_object_set_data(G_OBJECT(row),
				  "round-id",
				  GSIZE_TO_POINTER(json_object_get_int_member(round, "id")));
		gtk_list_box_append(self->rounds_list, row);
	}
}

static void
roster_rounds_page_real_reload(RosterPage *page)
{
	RosterRoundsPage *self = ROSTER_ROUNDS_PAGE(page);

	gtk_widget_set_visible(GTK_WIDGET(self->answers_group), FALSE);
	call(self, "GET", "/rounds", NULL, rounds_cb);
}

static void
opened_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRoundsPage) self = ROSTER_ROUNDS_PAGE(user_data);
	g_autoptr(JsonObject) round = finish_call(self, source, result);

	if (round == NULL)
		return;
	roster_page_show_toast(ROSTER_PAGE(self),
			       _("Round opened: volunteers answer it on their page"));
	gtk_editable_set_text(GTK_EDITABLE(self->name_row), "");
	roster_page_reload(ROSTER_PAGE(self));
}

static void
open_clicked_cb(RosterRoundsPage *self)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	struct {
		const gchar *key;
		AdwEntryRow *row;
	} fields[] = {
	    {"name", self->name_row},
	    {"period_start", self->start_row},
	    {"period_end", self->end_row},
	    {"deadline", self->deadline_row},
	};

	json_builder_begin_object(builder);
	for (guint i = 0; i < G_N_ELEMENTS(fields); i++) {
		json_builder_set_member_name(builder, fields[i].key);
		json_builder_add_string_value(builder,
					      gtk_editable_get_text(GTK_EDITABLE(fields[i].row)));
	}
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	call(self, "POST", "/rounds", body, opened_cb);
}

static AdwEntryRow *
add_entry(AdwPreferencesGroup *group, const gchar *title, const gchar *text, const gchar *css_class)
{
	GtkWidget *row = adw_entry_row_new();

	gtk_widget_add_css_class(row, css_class);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	if (text != NULL)
		gtk_editable_set_text(GTK_EDITABLE(row), text);
	adw_preferences_group_add(group, row);
	return ADW_ENTRY_ROW(row);
}

/* another account: the previous session's rounds and answers go, and a manager, who
 * may read rounds but not open one, gets no form */
static void
roster_rounds_page_client_changed(RosterPage *page)
{
	RosterRoundsPage *self = ROSTER_ROUNDS_PAGE(page);

	clear_list(self->rounds_list);
	clear_list(self->answers_list);
	gtk_widget_set_visible(GTK_WIDGET(self->answers_group), FALSE);
	gtk_widget_set_visible(self->form_group,
			       roster_client_can_plan(roster_page_get_client(page)));
}

static void
roster_rounds_page_class_init(RosterRoundsPageClass *klass)
{
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	page_class->reload = roster_rounds_page_real_reload;
	page_class->client_changed = roster_rounds_page_client_changed;
}

static void
roster_rounds_page_init(RosterRoundsPage *self)
{
	GtkWidget *page = adw_preferences_page_new();
	GtkWidget *form = adw_preferences_group_new();
	GtkWidget *rounds = adw_preferences_group_new();
	GtkWidget *button = gtk_button_new_with_mnemonic(_("_Open Round"));
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autoptr(GDateTime) next = g_date_time_add_months(now, 1);
	g_autoptr(GDateTime) deadline = g_date_time_add_days(now, 10);
	g_autofree gchar *first = g_date_time_format(next, "%Y-%m-01");
	g_autofree gchar *last = NULL;
	g_autofree gchar *deadline_text = g_date_time_format(deadline, "%Y-%m-%dT18:00");
	GDate date;

	g_date_clear(&date, 1);
	g_date_set_dmy(&date,
		       1,
		       (GDateMonth)g_date_time_get_month(next),
		       (GDateYear)g_date_time_get_year(next));
	g_date_add_months(&date, 1);
	g_date_subtract_days(&date, 1);
	last = g_strdup_printf("%04d-%02d-%02d",
			       g_date_get_year(&date),
			       g_date_get_month(&date),
			       g_date_get_day(&date));

	adw_preferences_group_set_title(ADW_PREFERENCES_GROUP(form),
					_("Open an Availability Round"));
	adw_preferences_group_set_description(
	    ADW_PREFERENCES_GROUP(form),
	    _("Volunteers mark the period on their page until the deadline; their marks are "
	      "the availability the solver uses."));
	self->name_row =
	    add_entry(ADW_PREFERENCES_GROUP(form), _("Round Name"), NULL, "rounds-name-row");
	self->start_row =
	    add_entry(ADW_PREFERENCES_GROUP(form), _("First Day"), first, "rounds-start-row");
	self->end_row =
	    add_entry(ADW_PREFERENCES_GROUP(form), _("Last Day"), last, "rounds-end-row");
	self->deadline_row = add_entry(ADW_PREFERENCES_GROUP(form),
				       _("Deadline (date and time)"),
				       deadline_text,
				       "rounds-deadline-row");
	gtk_widget_set_valign(button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(button, "suggested-action");
	gtk_widget_add_css_class(button, "rounds-open-button");
	g_signal_connect_swapped(button, "clicked", G_CALLBACK(open_clicked_cb), self);
	adw_preferences_group_set_header_suffix(ADW_PREFERENCES_GROUP(form), button);
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), ADW_PREFERENCES_GROUP(form));
	self->form_group = form;

	adw_preferences_group_set_title(ADW_PREFERENCES_GROUP(rounds), _("Rounds"));
	self->rounds_list = roster_form_list_new("rounds-list");
	roster_row_set_placeholder(self->rounds_list, _("No rounds yet"));
	g_signal_connect_swapped(self->rounds_list,
				 "row-activated",
				 G_CALLBACK(round_activated_cb),
				 self);
	adw_preferences_group_add(ADW_PREFERENCES_GROUP(rounds), GTK_WIDGET(self->rounds_list));
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), ADW_PREFERENCES_GROUP(rounds));

	self->answers_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	adw_preferences_group_set_description(self->answers_group, _("Who has answered"));
	self->answers_list = roster_form_list_new("rounds-answers-list");
	adw_preferences_group_add(self->answers_group, GTK_WIDGET(self->answers_list));
	gtk_widget_set_visible(GTK_WIDGET(self->answers_group), FALSE);
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), self->answers_group);

	gtk_widget_set_parent(page, GTK_WIDGET(self));
}

/**
 * roster_rounds_page_new:
 *
 * Returns: (transfer floating): a new rounds view
 *
 * Since: 0.3
 **/
GtkWidget *
roster_rounds_page_new(void)
{
	return g_object_new(ROSTER_TYPE_ROUNDS_PAGE, NULL);
}
