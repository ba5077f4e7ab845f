/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the coverage report on the reports view: for a roster picked from a list, how many of
 * the seats its demand asks for are filled, in all, on crisis seats and per seat class
 * (GET /reports/coverage) */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-records.h"
#include "roster-coverage-view.h"
#include "roster-form-widgets.h"
#include "roster-item-list.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-row-actions.h"

struct _RosterCoverageView {
	AdwPreferencesGroup parent_instance;
	RosterClient *client;
	GCancellable *cancellable;
	GtkDropDown *roster_dropdown;
	GtkListBox *list;
	RosterItemList *rosters;
	RosterItemList *seat_classes;
	/* the total share shown, or -1 */
	gdouble total_share;
	guint n_pending;
};

G_DEFINE_FINAL_TYPE(RosterCoverageView, roster_coverage_view, ADW_TYPE_PREFERENCES_GROUP)

enum { PROP_0, PROP_BUSY, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
hold(RosterCoverageView *self)
{
	if (self->n_pending++ == 0)
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BUSY]);
}

static void
release(RosterCoverageView *self)
{
	if (--self->n_pending == 0)
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BUSY]);
}

/* whether a load of the view is under way */
gboolean
roster_coverage_view_get_busy(RosterCoverageView *self)
{
	g_return_val_if_fail(ROSTER_IS_COVERAGE_VIEW(self), FALSE);
	return self->n_pending > 0;
}

/* the share of all required seats filled, 0 to 1, or -1 before a report */
gdouble
roster_coverage_view_get_total_share(RosterCoverageView *self)
{
	g_return_val_if_fail(ROSTER_IS_COVERAGE_VIEW(self), -1);
	return self->total_share;
}

static void
clear_rows(RosterCoverageView *self)
{
	GtkListBoxRow *row;

	while ((row = gtk_list_box_get_row_at_index(self->list, 0)) != NULL)
		gtk_list_box_remove(self->list, GTK_WIDGET(row));
	self->total_share = -1;
}

/* a line of the report: what, and filled of required as a share */
static void
add_share_row(RosterCoverageView *self, const gchar *title, JsonObject *share, const gchar *css)
{
	GtkWidget *row = adw_action_row_new();
	GtkWidget *bar = gtk_level_bar_new();
	gint64 required = json_object_get_int_member_with_default(share, ROSTER_KEY_REQUIRED, 0);
	gint64 filled = json_object_get_int_member_with_default(share, ROSTER_KEY_FILLED, 0);
	gdouble fraction = required > 0 ? (gdouble)filled / (gdouble)required : 0;
	g_autofree gchar *subtitle = NULL;

	/* TRANSLATORS: a coverage line: seats filled, seats required and the share */
	subtitle = required > 0 ? g_strdup_printf(_("%d of %d seats filled (%.0f %%)"),
						  (gint)filled,
						  (gint)required,
						  fraction * 100)
				: g_strdup(_("No seats required"));
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	gtk_level_bar_set_value(GTK_LEVEL_BAR(bar), fraction);
	gtk_widget_set_size_request(bar, 120, -1);
	gtk_widget_set_valign(bar, GTK_ALIGN_CENTER);
	adw_action_row_add_suffix(ADW_ACTION_ROW(row), bar);
	gtk_widget_add_css_class(row, css);
	gtk_list_box_append(self->list, row);
}

static void
coverage_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterCoverageView) self = ROSTER_COVERAGE_VIEW(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) report =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);
	JsonArray *classes;

	/* a cancelled call was another session's, whose count is gone */
	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return;
	release(self);
	if (report == NULL) {
		gtk_widget_activate_action(GTK_WIDGET(self), "win.toast", "s", error->message);
		return;
	}
	clear_rows(self);
	add_share_row(self,
		      _("All seats"),
		      json_object_get_object_member(report, ROSTER_KEY_TOTAL),
		      "coverage-total");
	self->total_share = json_object_get_double_member_with_default(
	    json_object_get_object_member(report, ROSTER_KEY_TOTAL),
	    ROSTER_KEY_SHARE,
	    0);
	add_share_row(self,
		      _("Crisis seats"),
		      json_object_get_object_member(report, ROSTER_KEY_CRISIS),
		      "coverage-crisis");
	classes = json_object_get_array_member(report, ROSTER_KEY_SEAT_CLASSES);
	for (guint i = 0; classes != NULL && i < json_array_get_length(classes); i++) {
		JsonObject *share = json_array_get_object_element(classes, i);
		RosterItem *seat_class = roster_item_list_find_by_id(
		    self->seat_classes,
		    json_object_get_int_member_with_default(share, ROSTER_KEY_SEAT_CLASS_ID, 0));
		add_share_row(self,
			      seat_class != NULL ? roster_item_get_title(seat_class)
						 : _("A seat class"),
			      share,
			      "coverage-seat-class");
	}
}

static void
load_report(RosterCoverageView *self)
{
	RosterItem *roster = gtk_drop_down_get_selected_item(self->roster_dropdown);
	g_autofree gchar *path = NULL;

	if (roster == NULL || self->client == NULL)
		return;
	path = g_strdup_printf("/reports/coverage?roster=%" G_GINT64_FORMAT,
			       roster_item_get_id(roster));
	hold(self);
	roster_client_call_async(self->client,
				 "GET",
				 path,
				 NULL,
				 self->cancellable,
				 coverage_cb,
				 g_object_ref(self));
}

static void
lists_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterCoverageView) self = ROSTER_COVERAGE_VIEW(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_all_finish(result, &error) &&
	    g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return;
	/* the newest roster first: the list comes oldest first */
	if (g_list_model_get_n_items(G_LIST_MODEL(self->rosters)) > 0)
		gtk_drop_down_set_selected(self->roster_dropdown,
					   g_list_model_get_n_items(G_LIST_MODEL(self->rosters)) -
					       1);
	load_report(self);
	release(self);
}

/**
 * roster_coverage_view_reload:
 * @self: a #RosterCoverageView
 *
 * Loads the rosters and the seat classes, then the report of the newest roster.
 *
 * Since: 0.4
 */
void
roster_coverage_view_reload(RosterCoverageView *self)
{
	RosterItemList *lists[2];

	g_return_if_fail(ROSTER_IS_COVERAGE_VIEW(self));
	if (self->client == NULL)
		return;
	lists[0] = self->seat_classes;
	lists[1] = self->rosters;
	hold(self);
	roster_item_list_reload_all_async(lists,
					  G_N_ELEMENTS(lists),
					  self->cancellable,
					  lists_cb,
					  g_object_ref(self));
}

/**
 * roster_coverage_view_set_client:
 * @self: a #RosterCoverageView
 * @client: (nullable): the client of the session
 *
 * Forgets the previous session's report; calls under way for it are cancelled.
 *
 * Since: 0.4
 */
void
roster_coverage_view_set_client(RosterCoverageView *self, RosterClient *client)
{
	g_return_if_fail(ROSTER_IS_COVERAGE_VIEW(self));
	g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	self->cancellable = g_cancellable_new();
	self->n_pending = 0;
	g_set_object(&self->client, client);
	g_clear_object(&self->rosters);
	g_clear_object(&self->seat_classes);
	self->rosters = roster_item_list_new_for(client, ROSTER_RESOURCE_ROSTERS, 0);
	self->seat_classes = roster_item_list_new_for(client, ROSTER_RESOURCE_SEAT_CLASSES, 500);
	gtk_drop_down_set_model(self->roster_dropdown, G_LIST_MODEL(self->rosters));
	clear_rows(self);
}

static void
roster_changed_cb(RosterCoverageView *self)
{
	if (self->n_pending == 0)
		load_report(self);
}

static void
roster_coverage_view_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	switch (prop_id) {
	case PROP_BUSY:
		g_value_set_boolean(value,
				    roster_coverage_view_get_busy(ROSTER_COVERAGE_VIEW(object)));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_coverage_view_dispose(GObject *object)
{
	RosterCoverageView *self = ROSTER_COVERAGE_VIEW(object);

	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	g_clear_object(&self->client);
	g_clear_object(&self->rosters);
	g_clear_object(&self->seat_classes);
	G_OBJECT_CLASS(roster_coverage_view_parent_class)->dispose(object);
}

static void
roster_coverage_view_class_init(RosterCoverageViewClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->get_property = roster_coverage_view_get_property;
	object_class->dispose = roster_coverage_view_dispose;
	properties[PROP_BUSY] = g_param_spec_boolean("busy",
						     NULL,
						     NULL,
						     FALSE,
						     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
roster_coverage_view_init(RosterCoverageView *self)
{
	AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP(self);
	g_autoptr(GtkExpression) expression =
	    gtk_property_expression_new(ROSTER_TYPE_ITEM, NULL, "title");

	self->total_share = -1;
	self->cancellable = g_cancellable_new();
	adw_preferences_group_set_title(group, _("Seat Coverage"));
	adw_preferences_group_set_description(
	    group,
	    _("How many of the seats a roster's demand asks for are filled, in its last "
	      "published version (or its draft, before the first)."));
	self->roster_dropdown = GTK_DROP_DOWN(gtk_drop_down_new(NULL, NULL));
	gtk_drop_down_set_expression(self->roster_dropdown, expression);
	gtk_widget_set_valign(GTK_WIDGET(self->roster_dropdown), GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(GTK_WIDGET(self->roster_dropdown), "coverage-roster");
	gtk_accessible_update_property(GTK_ACCESSIBLE(self->roster_dropdown),
				       GTK_ACCESSIBLE_PROPERTY_LABEL,
				       _("Roster"),
				       -1);
	g_signal_connect_swapped(self->roster_dropdown,
				 "notify::selected",
				 G_CALLBACK(roster_changed_cb),
				 self);
	adw_preferences_group_set_header_suffix(group, GTK_WIDGET(self->roster_dropdown));
	self->list = roster_form_list_new("coverage-list");
	roster_row_set_placeholder(self->list, _("No roster to report on yet"));
	adw_preferences_group_add(group, GTK_WIDGET(self->list));
}

/**
 * roster_coverage_view_new:
 *
 * Returns: (transfer floating): a new coverage report
 *
 * Since: 0.4
 */
GtkWidget *
roster_coverage_view_new(void)
{
	return g_object_new(ROSTER_TYPE_COVERAGE_VIEW, NULL);
}
