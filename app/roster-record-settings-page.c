/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the record settings editor: the pre-job training a volunteer needs and the promotion
 * rules, one per step between tiers; managers and admins change them, coordinators
 * read them */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "roster-client-records.h"
#include "roster-client-roles.h"
#include "roster-json-keys-records.h"
#include "roster-record-fields.h"
#include "roster-record-settings-page.h"

/* the numbers of a promotion rule, in the order of their rows */
static const struct {
	const gchar *key;
	const gchar *title;
	const gchar *subtitle;
	gdouble upper;
	gdouble step;
	guint digits;
} rule_numbers[] = {
    {ROSTER_KEY_SERVICE_HOURS, N_("Service hours"), N_("At least this many, in all"), 10000, 1, 0},
    {ROSTER_KEY_SUPERVISION_HOURS,
     N_("Case supervision hours"),
     N_("At least this many, in all"),
     1000,
     1,
     0},
    {ROSTER_KEY_MIN_AVERAGE,
     N_("Average rating"),
     N_("At least this average of the last ratings, 1 to 5"),
     5,
     0.1,
     1},
    {ROSTER_KEY_LAST_N_RATINGS, N_("Ratings counted"), N_("The last ratings averaged"), 100, 1, 0},
    {ROSTER_KEY_MAX_NO_SHOWS, N_("No-shows allowed"), N_("At most this many, in all"), 100, 1, 0},
};

#define N_RULE_NUMBERS G_N_ELEMENTS(rule_numbers)

typedef struct {
	gchar *from;
	gchar *to;
	GtkSpinButton *spins[N_RULE_NUMBERS];
} RuleRows;

struct _RosterRecordSettingsPage {
	RosterPage parent_instance;
	AdwPreferencesGroup *training_group;
	GtkWidget *save_button;
	GtkSpinButton *pre_job_spin;
	AdwPreferencesGroup *rules_group;
	/* the expander rows of the rules shown, and their spin buttons */
	GPtrArray *rule_widgets;
	GPtrArray *rules;
};

G_DEFINE_FINAL_TYPE(RosterRecordSettingsPage, roster_record_settings_page, ROSTER_TYPE_PAGE)

static void
rule_rows_free(RuleRows *rows)
{
	g_free(rows->from);
	g_free(rows->to);
	g_free(rows);
}

static GtkSpinButton *
add_spin_row(GtkWidget *parent,
	     const gchar *title,
	     const gchar *subtitle,
	     gdouble upper,
	     gdouble step,
	     guint digits,
	     const gchar *css_class)
{
	GtkWidget *row = adw_action_row_new();
	GtkWidget *spin = gtk_spin_button_new_with_range(0, upper, step);

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	gtk_spin_button_set_digits(GTK_SPIN_BUTTON(spin), digits);
	gtk_widget_set_valign(spin, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(spin, css_class);
	gtk_accessible_update_property(GTK_ACCESSIBLE(spin),
				       GTK_ACCESSIBLE_PROPERTY_LABEL,
				       title,
				       -1);
	adw_action_row_add_suffix(ADW_ACTION_ROW(row), spin);
	if (ADW_IS_EXPANDER_ROW(parent))
		adw_expander_row_add_row(ADW_EXPANDER_ROW(parent), row);
	else
		adw_preferences_group_add(ADW_PREFERENCES_GROUP(parent), row);
	return GTK_SPIN_BUTTON(spin);
}

static void
clear_rules(RosterRecordSettingsPage *self)
{
	for (guint i = 0; i < self->rule_widgets->len; i++)
		adw_preferences_group_remove(self->rules_group,
					     g_ptr_array_index(self->rule_widgets, i));
	g_ptr_array_set_size(self->rule_widgets, 0);
	g_ptr_array_set_size(self->rules, 0);
}

static void
add_rule(RosterRecordSettingsPage *self, JsonObject *rule, gboolean editable)
{
	RuleRows *rows = g_new0(RuleRows, 1);
	GtkWidget *expander = adw_expander_row_new();
	g_autofree gchar *title = NULL;
	g_autofree gchar *css_class = NULL;

	rows->from = g_strdup(json_object_get_string_member_with_default(rule, "from", ""));
	rows->to = g_strdup(json_object_get_string_member_with_default(rule, "to", ""));
	/* TRANSLATORS: a promotion rule: from one tier to the next */
	title = g_strdup_printf(_("%s → %s"),
				roster_tier_to_label(rows->from),
				roster_tier_to_label(rows->to));
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(expander), title);
	adw_expander_row_set_subtitle(ADW_EXPANDER_ROW(expander),
				      _("A volunteer is a candidate when every condition holds"));
	css_class = g_strdup_printf("rule-%s", rows->from);
	gtk_widget_add_css_class(expander, css_class);
	for (guint i = 0; i < N_RULE_NUMBERS; i++) {
		g_autofree gchar *spin_class =
		    g_strdup_printf("rule-%s-%s", rows->from, rule_numbers[i].key);
		rows->spins[i] = add_spin_row(expander,
					      _(rule_numbers[i].title),
					      _(rule_numbers[i].subtitle),
					      rule_numbers[i].upper,
					      rule_numbers[i].step,
					      rule_numbers[i].digits,
					      spin_class);
		gtk_spin_button_set_value(
		    rows->spins[i],
		    json_object_get_double_member_with_default(rule, rule_numbers[i].key, 0));
		gtk_widget_set_sensitive(GTK_WIDGET(rows->spins[i]), editable);
	}
	adw_preferences_group_add(self->rules_group, expander);
	g_ptr_array_add(self->rule_widgets, expander);
	g_ptr_array_add(self->rules, rows);
}

static void
show_settings(RosterRecordSettingsPage *self, JsonObject *settings)
{
	gboolean editable =
	    roster_client_can_keep_records(roster_page_get_client(ROSTER_PAGE(self)));
	JsonNode *rules_node = json_object_get_member(settings, ROSTER_KEY_PROMOTION_RULES);
	JsonArray *rules = rules_node != NULL && JSON_NODE_HOLDS_ARRAY(rules_node)
			       ? json_node_get_array(rules_node)
			       : NULL;

	gtk_spin_button_set_value(
	    self->pre_job_spin,
	    json_object_get_double_member_with_default(settings, ROSTER_KEY_PRE_JOB_MIN_HOURS, 0));
	gtk_widget_set_sensitive(GTK_WIDGET(self->pre_job_spin), editable);
	clear_rules(self);
	for (guint i = 0; rules != NULL && i < json_array_get_length(rules); i++)
		add_rule(self, json_array_get_object_element(rules, i), editable);
}

static void
settings_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRecordSettingsPage) self = ROSTER_RECORD_SETTINGS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) settings =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (settings == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	show_settings(self, settings);
	if (GPOINTER_TO_INT(g_object_steal_data(G_OBJECT(self), "saving")))
		roster_page_show_toast(ROSTER_PAGE(self), _("Record settings saved"));
}

static void
call(RosterRecordSettingsPage *self, const gchar *method, JsonNode *body)
{
	g_autofree gchar *path =
	    roster_client_dup_resource_path(ROSTER_RESOURCE_RECORD_SETTINGS, NULL, NULL);

	roster_page_call(ROSTER_PAGE(self), method, path, body, settings_cb);
}

static void
roster_record_settings_page_real_reload(RosterPage *page)
{
	call(ROSTER_RECORD_SETTINGS_PAGE(page), "GET", NULL);
}

/**
 * roster_record_settings_page_save:
 * @self: a #RosterRecordSettingsPage
 *
 * Sends the pre-job hours and the promotion rules shown, as the Save button does.
 *
 * Since: 0.4
 */
void
roster_record_settings_page_save(RosterRecordSettingsPage *self)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;

	g_return_if_fail(ROSTER_IS_RECORD_SETTINGS_PAGE(self));
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_PRE_JOB_MIN_HOURS);
	json_builder_add_double_value(builder, gtk_spin_button_get_value(self->pre_job_spin));
	json_builder_set_member_name(builder, ROSTER_KEY_PROMOTION_RULES);
	json_builder_begin_array(builder);
	for (guint i = 0; i < self->rules->len; i++) {
		RuleRows *rows = g_ptr_array_index(self->rules, i);

		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "from");
		json_builder_add_string_value(builder, rows->from);
		json_builder_set_member_name(builder, "to");
		json_builder_add_string_value(builder, rows->to);
		for (guint n = 0; n < N_RULE_NUMBERS; n++) {
			json_builder_set_member_name(builder, rule_numbers[n].key);
			if (rule_numbers[n].digits > 0 || rule_numbers[n].step < 1)
				json_builder_add_double_value(
				    builder,
				    gtk_spin_button_get_value(rows->spins[n]));
			else
				json_builder_add_int_value(
				    builder,
				    gtk_spin_button_get_value_as_int(rows->spins[n]));
		}
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	g_object_set_data(G_OBJECT(self), "saving", GINT_TO_POINTER(TRUE));
	call(self, "PUT", body);
}

/* coordinators read the settings; managers and admins change them */
static void
roster_record_settings_page_client_changed(RosterPage *page)
{
	RosterRecordSettingsPage *self = ROSTER_RECORD_SETTINGS_PAGE(page);

	clear_rules(self);
	gtk_spin_button_set_value(self->pre_job_spin, 0);
	gtk_widget_set_visible(self->save_button,
			       roster_client_can_keep_records(roster_page_get_client(page)));
}

static gboolean
roster_record_settings_page_shown_to(RosterPage *page, RosterClient *client)
{
	return roster_client_can_plan(client) || roster_client_can_keep_records(client);
}

static void
roster_record_settings_page_dispose(GObject *object)
{
	RosterRecordSettingsPage *self = ROSTER_RECORD_SETTINGS_PAGE(object);

	g_clear_pointer(&self->rules, g_ptr_array_unref);
	g_clear_pointer(&self->rule_widgets, g_ptr_array_unref);
	G_OBJECT_CLASS(roster_record_settings_page_parent_class)->dispose(object);
}

static void
roster_record_settings_page_class_init(RosterRecordSettingsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_record_settings_page_dispose;
	page_class->reload = roster_record_settings_page_real_reload;
	page_class->client_changed = roster_record_settings_page_client_changed;
	page_class->shown_to = roster_record_settings_page_shown_to;
}

static void
roster_record_settings_page_init(RosterRecordSettingsPage *self)
{
	GtkWidget *page = adw_preferences_page_new();

	self->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_rows_free);
	self->rule_widgets = g_ptr_array_new();
	self->training_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	adw_preferences_group_set_title(self->training_group, _("Pre-job Training"));
	adw_preferences_group_set_description(
	    self->training_group,
	    _("The solver seats no volunteer with fewer verified hours of pre-job training "
	      "than this; 0 turns the check off."));
	self->save_button = gtk_button_new_with_mnemonic(_("_Save"));
	gtk_widget_set_valign(self->save_button, GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(self->save_button, "suggested-action");
	gtk_widget_add_css_class(self->save_button, "record-settings-save");
	g_signal_connect_swapped(self->save_button,
				 "clicked",
				 G_CALLBACK(roster_record_settings_page_save),
				 self);
	adw_preferences_group_set_header_suffix(self->training_group, self->save_button);
	self->pre_job_spin = add_spin_row(GTK_WIDGET(self->training_group),
					  _("Pre-job training hours"),
					  _("The minimum before a first shift"),
					  1000,
					  0.5,
					  1,
					  "pre-job-hours");
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), self->training_group);

	self->rules_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	adw_preferences_group_set_title(self->rules_group, _("Promotion Rules"));
	adw_preferences_group_set_description(
	    self->rules_group,
	    _("A volunteer who meets every condition of the step to the next tier is listed "
	      "as a promotion candidate on the records view; a manager then promotes."));
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), self->rules_group);
	gtk_widget_set_parent(page, GTK_WIDGET(self));
}

/**
 * roster_record_settings_page_new:
 *
 * Returns: (transfer floating): a new record settings editor
 *
 * Since: 0.4
 */
GtkWidget *
roster_record_settings_page_new(void)
{
	return g_object_new(ROSTER_TYPE_RECORD_SETTINGS_PAGE, NULL);
}
