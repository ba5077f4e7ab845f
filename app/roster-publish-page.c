/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-rosters.h"
#include "roster-date.h"
#include "roster-item-list.h"
#include "roster-publish-check.h"
#include "roster-publish-page.h"
#include "roster-row-actions.h"

/*
 * The publish view: the roster's state, what to look at before publishing (uncovered
 * crisis seats, hard rules broken by overrides), the per-volunteer diff of the draft
 * against the last published version (for the first version: everyone's shifts),
 * publishing with a confirmation, and the versions.
 */

/* the warnings listed before publishing; a roster cut short may break dozens of rules */
#define MAX_WARNINGS_SHOWN 8

struct _RosterPublishPage {
	RosterPage parent_instance;
	AdwComboRow *roster_row;
	AdwActionRow *state_row;
	AdwPreferencesGroup *diff_group;
	AdwPreferencesGroup *warnings_group;
	GtkButton *publish_button;
	GtkListBox *diff_list;
	GtkListBox *warnings_list;
	GtkListBox *versions_list;
	RosterItemList *rosters;
	RosterItemList *volunteers;
	RosterItemList *seat_classes;
	RosterItemList *versions;
	RosterItemList *diff;
	/* the changes shown: the daemon's diff, or everyone's shifts for a first version */
	GListStore *changes;
	/* RosterExplanation: the uncovered crisis seats and broken rules to warn about */
	GListStore *warnings;
	RosterRoster *roster;
	JsonArray *explanations;
	guint n_crisis_seats;
	guint n_broken_rules;
	gint64 select_roster_id;
	gboolean loading_lists;
};

G_DEFINE_FINAL_TYPE(RosterPublishPage, roster_publish_page, ROSTER_TYPE_PAGE)

gboolean
roster_publish_page_get_busy(RosterPublishPage *self)
{
	return roster_page_get_busy(ROSTER_PAGE(self));
}

static RosterItem *
selected_roster(RosterPublishPage *self)
{
	return adw_combo_row_get_selected_item(self->roster_row);
}

/* the roster chosen, or 0 */
gint64
roster_publish_page_get_roster_id(RosterPublishPage *self)
{
	RosterItem *roster;

	g_return_val_if_fail(ROSTER_IS_PUBLISH_PAGE(self), 0);
	roster = selected_roster(self);
	return roster != NULL ? roster_item_get_id(roster) : 0;
}

/**
 * roster_publish_page_select_roster:
 * @self: a #RosterPublishPage
 * @roster_id: a roster of the list
 *
 * Chooses the roster to publish, as the roster row does.
 *
 * Since: 0.4
 */
void
roster_publish_page_select_roster(RosterPublishPage *self, gint64 roster_id)
{
	GListModel *rosters;

	g_return_if_fail(ROSTER_IS_PUBLISH_PAGE(self));
	rosters = G_LIST_MODEL(self->rosters);
	for (guint i = 0; rosters != NULL && i < g_list_model_get_n_items(rosters); i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(rosters, i);
		if (roster_item_get_id(item) == roster_id)
			adw_combo_row_set_selected(self->roster_row, i);
	}
}

/* the volunteers whose shifts the next version changes, as listed */
guint
roster_publish_page_get_n_changes(RosterPublishPage *self)
{
	g_return_val_if_fail(ROSTER_IS_PUBLISH_PAGE(self), 0);
	return g_list_model_get_n_items(G_LIST_MODEL(self->changes));
}

/* the uncovered crisis seats and broken hard rules the page warns about */
void
roster_publish_page_get_warnings(RosterPublishPage *self,
				 guint *n_crisis_seats,
				 guint *n_broken_rules)
{
	g_return_if_fail(ROSTER_IS_PUBLISH_PAGE(self));
	*n_crisis_seats = self->n_crisis_seats;
	*n_broken_rules = self->n_broken_rules;
}

static GtkWidget *
create_version_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *version = ROSTER_ITEM(item);
	g_autofree gchar *title = NULL;
	g_autofree gchar *subtitle = NULL;
	g_autofree gchar *created =
	    roster_date_format_timestamp(roster_version_get_created(version));
	GtkWidget *row = adw_action_row_new();

	/* TRANSLATORS: a published version of a roster */
	title = g_strdup_printf(_("Version %d"), (gint)roster_version_get_number(version));
	/* TRANSLATORS: when and by whom a version was published */
	subtitle = g_strdup_printf(_("%s by %s"), created, roster_version_get_actor(version));
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	gtk_widget_add_css_class(row, "published-version");
	return row;
}

static gchar *
join_shifts(GArray *shifts)
{
	GString *str = g_string_new(NULL);

	for (guint i = 0; i < shifts->len; i++) {
		const RosterCell *shift = &g_array_index(shifts, RosterCell, i);
		GDate date;
		g_autofree gchar *day = NULL;

		if (i == 6) {
			g_string_append(str, " …");
			break;
		}
		if (roster_date_parse(shift->date, &date, NULL))
			day = roster_date_format_day(&date);
		if (str->len > 0)
			g_string_append(str, _(", "));
		g_string_append_printf(str, "%s %s", day != NULL ? day : "", shift->slot);
	}
	return g_string_free(str, FALSE);
}

static GtkWidget *
create_diff_row_cb(gpointer item, gpointer user_data)
{
	RosterPublishPage *self = ROSTER_PUBLISH_PAGE(user_data);
	RosterItem *change = ROSTER_ITEM(item);
	g_autoptr(GArray) added = roster_change_dup_cells(change, TRUE);
	g_autoptr(GArray) removed = roster_change_dup_cells(change, FALSE);
	RosterItem *volunteer =
	    roster_item_list_find_by_id(self->volunteers, roster_change_get_volunteer_id(change));
	g_autofree gchar *added_text = join_shifts(added);
	g_autofree gchar *removed_text = join_shifts(removed);
	g_autofree gchar *subtitle = NULL;
	GtkWidget *row = adw_action_row_new();
	guint n_added = added->len;
	guint n_removed = removed->len;

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
				      volunteer != NULL ? roster_item_get_title(volunteer) : "?");
	/* TRANSLATORS: the shifts a volunteer gains and loses in the next version */
	subtitle =
	    g_strdup_printf(_("+%u: %s\n−%u: %s"), n_added, added_text, n_removed, removed_text);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	adw_action_row_set_subtitle_lines(ADW_ACTION_ROW(row), 4);
	return row;
}

static GtkWidget *
create_warning_row_cb(gpointer item, gpointer user_data)
{
	RosterExplanation *warning = ROSTER_EXPLANATION(item);
	GtkWidget *row = adw_action_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
				      roster_explanation_get_title(warning));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), roster_explanation_get_subtitle(warning));
	adw_action_row_set_subtitle_lines(ADW_ACTION_ROW(row), 3);
	gtk_widget_add_css_class(row, "publish-warning");
	return row;
}

/* the diff, the roster and its explanations have all arrived */
static void
show_details(RosterPublishPage *self)
{
	RosterItem *roster = selected_roster(self);
	g_autoptr(GPtrArray) changes = NULL;
	g_autoptr(GPtrArray) warnings = NULL;
	g_autofree gchar *warning_text = NULL;

	if (roster != NULL && roster_summary_get_n_versions(roster) == 0 && self->roster != NULL) {
		changes = roster_publish_dup_first_changes(self->roster);
	} else {
		changes = g_ptr_array_new_with_free_func(g_object_unref);
		for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->diff)); i++)
			g_ptr_array_add(changes,
					g_list_model_get_item(G_LIST_MODEL(self->diff), i));
	}
	g_list_store_splice(self->changes,
			    0,
			    g_list_model_get_n_items(G_LIST_MODEL(self->changes)),
			    changes->pdata,
			    changes->len);
	warnings = roster_publish_dup_warnings(self->explanations,
					       self->seat_classes,
					       self->volunteers,
					       &self->n_crisis_seats,
					       &self->n_broken_rules);
	/* the first few: the description counts them all, the roster view lists them */
	g_list_store_splice(self->warnings,
			    0,
			    g_list_model_get_n_items(G_LIST_MODEL(self->warnings)),
			    warnings->pdata,
			    MIN(warnings->len, MAX_WARNINGS_SHOWN));
	warning_text = roster_publish_dup_warning_text(self->n_crisis_seats, self->n_broken_rules);
	if (warnings->len > MAX_WARNINGS_SHOWN) {
		g_autofree gchar *first = g_steal_pointer(&warning_text);
		/* TRANSLATORS: after the warnings before publishing, when only some are listed */
		warning_text = g_strdup_printf(_("%s The first %u are listed; the roster view's "
						 "Conflicts list has them all."),
					       first,
					       (guint)MAX_WARNINGS_SHOWN);
	}
	adw_preferences_group_set_description(self->warnings_group, warning_text);
	/* nothing left to publish: no warning before it */
	gtk_widget_set_visible(
	    GTK_WIDGET(self->warnings_group),
	    warnings->len > 0 &&
		(roster == NULL || !roster_summary_get_published(roster) || changes->len > 0));
}

static void
detail_done(RosterPublishPage *self)
{
	roster_page_release(ROSTER_PAGE(self));
	if (!roster_page_get_busy(ROSTER_PAGE(self)))
		show_details(self);
}

static void
details_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterPublishPage) self = ROSTER_PUBLISH_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_all_finish(result, &error) &&
	    !roster_page_show_error(ROSTER_PAGE(self), error))
		return;
	detail_done(self);
}

static void
roster_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterPublishPage) self = ROSTER_PUBLISH_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRoster) roster =
	    roster_client_get_roster_finish(ROSTER_CLIENT(source), result, &error);

	if (roster == NULL && !roster_page_show_error(ROSTER_PAGE(self), error))
		return;
	g_clear_object(&self->roster);
	self->roster = g_steal_pointer(&roster);
	detail_done(self);
}

static void
explanations_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterPublishPage) self = ROSTER_PUBLISH_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonArray) items =
	    roster_client_list_explanations_finish(ROSTER_CLIENT(source), result, &error);

	if (items == NULL && !roster_page_show_error(ROSTER_PAGE(self), error))
		return;
	g_clear_pointer(&self->explanations, json_array_unref);
	self->explanations = g_steal_pointer(&items);
	detail_done(self);
}

static void
load_roster_details(RosterPublishPage *self)
{
	RosterItem *roster = selected_roster(self);
	RosterItemList *lists[2];
	g_autofree gchar *versions_path = NULL;
	g_autofree gchar *diff_path = NULL;
	gint64 n_versions;
	g_autofree gchar *state_text = NULL;

	gtk_widget_set_sensitive(GTK_WIDGET(self->publish_button), roster != NULL);
	if (roster == NULL) {
		adw_action_row_set_subtitle(self->state_row, _("No roster yet"));
		g_clear_object(&self->roster);
		g_clear_pointer(&self->explanations, json_array_unref);
		g_list_store_remove_all(self->changes);
		g_list_store_remove_all(self->warnings);
		gtk_widget_set_visible(GTK_WIDGET(self->warnings_group), FALSE);
		return;
	}
	n_versions = roster_summary_get_n_versions(roster);
	/* TRANSLATORS: the state of a roster and how many versions were published */
	state_text = g_strdup_printf(
	    ngettext("%s, %d version published", "%s, %d versions published", (gulong)n_versions),
	    roster_summary_get_published(roster) ? _("published") : _("draft"),
	    (gint)n_versions);
	adw_action_row_set_subtitle(self->state_row, state_text);
	adw_preferences_group_set_description(
	    self->diff_group,
	    n_versions == 0 ? _("Nothing is published yet: the first version brings every "
				"volunteer all of their shifts.")
			    : _("What the next version changes against the last published one."));
	versions_path = roster_client_dup_versions_path(roster_item_get_id(roster));
	diff_path = roster_client_dup_diff_path(roster_item_get_id(roster), n_versions);
	roster_item_list_set_path(self->versions, versions_path);
	roster_item_list_set_path(self->diff, diff_path);
	lists[0] = self->versions;
	lists[1] = self->diff;
	roster_page_hold(ROSTER_PAGE(self));
	roster_page_hold(ROSTER_PAGE(self));
	roster_page_hold(ROSTER_PAGE(self));
	roster_item_list_reload_all_async(lists,
					  G_N_ELEMENTS(lists),
					  roster_page_get_cancellable(ROSTER_PAGE(self)),
					  details_cb,
					  g_object_ref(self));
	roster_client_get_roster_async(roster_page_get_client(ROSTER_PAGE(self)),
				       roster_item_get_id(roster),
				       roster_page_get_cancellable(ROSTER_PAGE(self)),
				       roster_cb,
				       g_object_ref(self));
	roster_client_list_explanations_async(roster_page_get_client(ROSTER_PAGE(self)),
					      roster_item_get_id(roster),
					      roster_page_get_cancellable(ROSTER_PAGE(self)),
					      explanations_cb,
					      g_object_ref(self));
}

static void
lists_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterPublishPage) self = ROSTER_PUBLISH_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_all_finish(result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	}
	roster_page_release(ROSTER_PAGE(self));
	/* the roster shown before the reload (just published, say) stays chosen */
	if (self->select_roster_id > 0)
		roster_publish_page_select_roster(self, self->select_roster_id);
	self->select_roster_id = 0;
	self->loading_lists = FALSE;
	load_roster_details(self);
}

static void
roster_publish_page_real_reload(RosterPage *page)
{
	RosterPublishPage *self = ROSTER_PUBLISH_PAGE(page);
	RosterItem *selected = selected_roster(self);
	RosterItemList *lists[3];

	if (selected != NULL)
		self->select_roster_id = roster_item_get_id(selected);
	lists[0] = self->rosters;
	lists[1] = self->volunteers;
	lists[2] = self->seat_classes;
	self->loading_lists = TRUE;
	roster_page_hold(ROSTER_PAGE(self));
	roster_item_list_reload_all_async(lists,
					  G_N_ELEMENTS(lists),
					  roster_page_get_cancellable(ROSTER_PAGE(self)),
					  lists_cb,
					  g_object_ref(self));
}

void
roster_publish_page_reload(RosterPublishPage *self)
{
	roster_page_reload(ROSTER_PAGE(self));
}

static void
roster_selected_cb(RosterPublishPage *self)
{
	if (self->loading_lists || roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	load_roster_details(self);
}

static void
publish_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterPublishPage) self = ROSTER_PUBLISH_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_client_publish_finish(ROSTER_CLIENT(source), result, &error)) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self), _("Roster published"));
	roster_publish_page_reload(self);
}

static void
publish_now(RosterPublishPage *self)
{
	RosterItem *roster = selected_roster(self);

	if (roster == NULL)
		return;
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_publish_async(roster_page_get_client(ROSTER_PAGE(self)),
				    roster_item_get_id(roster),
				    roster_item_get_revision(roster),
				    roster_page_get_cancellable(ROSTER_PAGE(self)),
				    publish_cb,
				    g_object_ref(self));
}

static void
confirm_response_cb(AdwMessageDialog *dialog, const gchar *response, gpointer user_data)
{
	RosterPublishPage *self = ROSTER_PUBLISH_PAGE(user_data);

	if (g_strcmp0(response, "publish") == 0)
		publish_now(self);
}

/**
 * roster_publish_page_publish:
 * @self: a #RosterPublishPage
 * @confirm: whether to ask first, as the Publish button does
 *
 * Publishes the selected roster as a new version.
 *
 * Since: 0.1
 */
void
roster_publish_page_publish(RosterPublishPage *self, gboolean confirm)
{
	RosterItem *roster;
	GtkWidget *dialog;
	g_autofree gchar *body = NULL;
	g_autofree gchar *warning = NULL;

	g_return_if_fail(ROSTER_IS_PUBLISH_PAGE(self));
	roster = selected_roster(self);
	if (roster == NULL)
		return;
	if (!confirm) {
		publish_now(self);
		return;
	}
	/* TRANSLATORS: the confirmation before publishing; %s is the roster's name, %u the
	 * number of volunteers whose shifts change */
	body = g_strdup_printf(_("“%s” becomes version %d. %u volunteers get changed shifts in "
				 "their calendars."),
			       roster_item_get_title(roster),
			       (gint)roster_summary_get_n_versions(roster) + 1,
			       g_list_model_get_n_items(G_LIST_MODEL(self->changes)));
	warning = roster_publish_dup_warning_text(self->n_crisis_seats, self->n_broken_rules);
	if (warning != NULL) {
		g_autofree gchar *plain = g_steal_pointer(&body);
		/* TRANSLATORS: the confirmation before publishing, then what is wrong */
		body = g_strdup_printf(_("%s\n\nBefore you publish: %s"), plain, warning);
	}
	dialog = adw_message_dialog_new(GTK_WINDOW(gtk_widget_get_root(GTK_WIDGET(self))),
					_("Publish the Roster?"),
					body);
	adw_message_dialog_add_responses(ADW_MESSAGE_DIALOG(dialog),
					 "cancel",
					 _("_Cancel"),
					 "publish",
					 warning != NULL ? _("_Publish Anyway") : _("_Publish"),
					 NULL);
	/* a roster with a warning is not published by a hasty Enter */
	adw_message_dialog_set_response_appearance(ADW_MESSAGE_DIALOG(dialog),
						   "publish",
						   warning != NULL ? ADW_RESPONSE_DESTRUCTIVE
								   : ADW_RESPONSE_SUGGESTED);
	adw_message_dialog_set_default_response(ADW_MESSAGE_DIALOG(dialog),
						warning != NULL ? "cancel" : "publish");
	adw_message_dialog_set_close_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
	g_signal_connect_object(dialog, "response", G_CALLBACK(confirm_response_cb), self, 0);
	gtk_window_present(GTK_WINDOW(dialog));
}

static void
publish_clicked_cb(RosterPublishPage *self)
{
	roster_publish_page_publish(self, TRUE);
}

static void
roster_publish_page_client_changed(RosterPage *page)
{
	RosterPublishPage *self = ROSTER_PUBLISH_PAGE(page);
	RosterClient *client = roster_page_get_client(page);
	g_autoptr(GtkExpression) expression = NULL;

	g_clear_object(&self->rosters);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->versions);
	g_clear_object(&self->diff);
	g_clear_object(&self->roster);
	g_clear_pointer(&self->explanations, json_array_unref);
	g_list_store_remove_all(self->changes);
	g_list_store_remove_all(self->warnings);
	self->rosters = roster_item_list_new_for(client, ROSTER_RESOURCE_ROSTERS, 0);
	self->volunteers = roster_item_list_new_for(client, ROSTER_RESOURCE_VOLUNTEERS, 500);
	self->seat_classes = roster_item_list_new_for(client, ROSTER_RESOURCE_SEAT_CLASSES, 500);
	self->versions = roster_item_list_new(client, NULL);
	self->diff = roster_item_list_new(client, NULL);
	expression = gtk_property_expression_new(ROSTER_TYPE_ITEM, NULL, "title");
	adw_combo_row_set_expression(self->roster_row, expression);
	adw_combo_row_set_model(self->roster_row, G_LIST_MODEL(self->rosters));
	gtk_list_box_bind_model(self->versions_list,
				G_LIST_MODEL(self->versions),
				create_version_row_cb,
				self,
				NULL);
}

void
roster_publish_page_set_client(RosterPublishPage *self, RosterClient *client)
{
	roster_page_set_client(ROSTER_PAGE(self), client);
}

static void
roster_publish_page_dispose(GObject *object)
{
	RosterPublishPage *self = ROSTER_PUBLISH_PAGE(object);

	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_PUBLISH_PAGE);
	g_clear_object(&self->rosters);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->versions);
	g_clear_object(&self->diff);
	g_clear_object(&self->changes);
	g_clear_object(&self->warnings);
	g_clear_object(&self->roster);
	g_clear_pointer(&self->explanations, json_array_unref);
	G_OBJECT_CLASS(roster_publish_page_parent_class)->dispose(object);
}

static void
roster_publish_page_class_init(RosterPublishPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_publish_page_dispose;
	page_class->reload = roster_publish_page_real_reload;
	page_class->client_changed = roster_publish_page_client_changed;
	g_type_ensure(ROSTER_TYPE_ITEM);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-publish-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, roster_row);
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, state_row);
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, diff_group);
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, publish_button);
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, diff_list);
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, warnings_group);
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, warnings_list);
	gtk_widget_class_bind_template_child(widget_class, RosterPublishPage, versions_list);
	gtk_widget_class_bind_template_callback(widget_class, publish_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, roster_selected_cb);
}

static void
roster_publish_page_init(RosterPublishPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	self->changes = g_list_store_new(ROSTER_TYPE_ITEM);
	self->warnings = g_list_store_new(ROSTER_TYPE_EXPLANATION);
	gtk_list_box_bind_model(self->diff_list,
				G_LIST_MODEL(self->changes),
				create_diff_row_cb,
				self,
				NULL);
	gtk_list_box_bind_model(self->warnings_list,
				G_LIST_MODEL(self->warnings),
				create_warning_row_cb,
				self,
				NULL);
	roster_row_set_placeholder(self->diff_list,
				   _("No volunteer's shifts change against the last version"));
}
