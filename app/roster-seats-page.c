/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "roster-date.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-seats-page.h"

/*
 * Seats and demand: the seat classes, the demand rules with a form to add one, and a
 * preview of the seats each slot of a typical week needs.
 */

struct _RosterSeatsPage {
	GtkWidget parent_instance;
	GtkListBox *classes_list;
	GtkListBox *rules_list;
	AdwComboRow *class_row;
	AdwEntryRow *start_row;
	AdwEntryRow *end_row;
	GtkSpinButton *seats_spin;
	AdwEntryRow *note_row;
	GtkLabel *error_label;
	GtkGrid *preview_grid;
	RosterClient *client;
	GCancellable *cancellable;
	RosterItemList *classes;
	RosterItemList *rules;
	guint n_pending;
};

G_DEFINE_FINAL_TYPE(RosterSeatsPage, roster_seats_page, GTK_TYPE_WIDGET)

static void
show_toast(RosterSeatsPage *self, const gchar *message)
{
	gtk_widget_activate_action(GTK_WIDGET(self), "win.toast", "s", message);
}

static gint
parse_minutes(const gchar *text)
{
	guint hours = 0;
	guint minutes = 0;

	if (text == NULL || sscanf(text, "%2u:%2u", &hours, &minutes) != 2 || hours > 23 ||
	    minutes > 59)
		return -1;
	return (gint)(hours * 60 + minutes);
}

static GtkWidget *
create_class_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *seat_class = ROSTER_ITEM(item);
	GtkWidget *row = adw_action_row_new();
	GtkWidget *swatch = gtk_label_new(roster_item_get_string(seat_class, ROSTER_KEY_CODE));
	g_autofree gchar *css_class =
	    g_strdup_printf("seat-class-%" G_GINT64_FORMAT, roster_item_get_id(seat_class));

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), roster_item_get_title(seat_class));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), roster_item_get_subtitle(seat_class));
	gtk_widget_add_css_class(swatch, "seat-chip");
	gtk_widget_add_css_class(swatch, css_class);
	gtk_widget_set_valign(swatch, GTK_ALIGN_CENTER);
	adw_action_row_add_suffix(ADW_ACTION_ROW(row), swatch);
	return row;
}

static gchar *
describe_rule(RosterSeatsPage *self, RosterItem *rule)
{
	RosterItem *seat_class =
	    roster_item_list_find_by_id(self->classes,
					roster_item_get_int(rule, ROSTER_KEY_SEAT_CLASS_ID, 0));
	JsonArray *weekdays =
	    json_object_get_array_member(roster_item_get_object(rule), ROSTER_KEY_WEEKDAYS);
	g_autoptr(GString) days = g_string_new(NULL);
	const gchar *start = roster_item_get_string(rule, ROSTER_KEY_START);
	const gchar *end = roster_item_get_string(rule, ROSTER_KEY_END);

	for (guint i = 0; weekdays != NULL && i < json_array_get_length(weekdays); i++) {
		GDate date;
		/* 2024-01-01 was a Monday */
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, 1, G_DATE_JANUARY, 2024);
		g_date_add_days(&date, (guint)json_array_get_int_element(weekdays, i) - 1);
		if (days->len > 0)
			g_string_append(days, _(", "));
		g_string_append(days, roster_date_get_weekday_label(&date));
	}
	if (days->len == 0)
		g_string_append(days, _("every day"));
	/* TRANSLATORS: a demand rule: seat class, days, time window and number of seats */
	return g_strdup_printf(_("%s · %s · %s–%s · %d seats"),
			       seat_class != NULL ? roster_item_get_title(seat_class) : "?",
			       days->str,
			       start != NULL ? start : "",
			       end != NULL ? end : "",
			       (gint)roster_item_get_int(rule, ROSTER_KEY_SEATS, 0));
}

static GtkWidget *
create_rule_row_cb(gpointer item, gpointer user_data)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(user_data);
	RosterItem *rule = ROSTER_ITEM(item);
	GtkWidget *row = adw_action_row_new();
	g_autofree gchar *title = describe_rule(self, rule);
	const gchar *note = roster_item_get_string(rule, ROSTER_KEY_NOTE);
	const gchar *from = roster_item_get_string(rule, ROSTER_KEY_DATE_FROM);
	const gchar *to = roster_item_get_string(rule, ROSTER_KEY_DATE_TO);
	g_autofree gchar *subtitle = NULL;

	if (from != NULL || to != NULL) {
		/* TRANSLATORS: the dates a demand rule applies to, then its note */
		subtitle = g_strdup_printf(_("%s to %s · %s"),
					   from != NULL ? from : "…",
					   to != NULL ? to : "…",
					   note != NULL ? note : "");
	} else {
		subtitle = g_strdup(note != NULL ? note : "");
	}
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	return row;
}

/* whether a slot starting at @slot (minutes) lies in the window [start, end) */
static gboolean
slot_in_window(gint slot, gint start, gint end)
{
	if (start == end)
		return TRUE;
	if (start < end)
		return slot >= start && slot < end;
	return slot >= start || slot < end;
}

static void
build_preview(RosterSeatsPage *self)
{
	GtkWidget *child;
	const guint n_slots = 8;
	const gint first = 8 * 60;

	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->preview_grid))) != NULL)
		gtk_grid_remove(self->preview_grid, child);
	for (guint d = 0; d < 7; d++) {
		GDate date;
		GtkWidget *label;
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, 1, G_DATE_JANUARY, 2024);
		g_date_add_days(&date, d);
		label = gtk_label_new(roster_date_get_weekday_label(&date));
		gtk_widget_add_css_class(label, "heading");
		gtk_grid_attach(self->preview_grid, label, (gint)d + 1, 0, 1, 1);
	}
	for (guint k = 0; k < n_slots; k++) {
		gint slot = (first + (gint)k * 180) % 1440;
		g_autofree gchar *slot_text = g_strdup_printf("%02d:%02d", slot / 60, slot % 60);
		GtkWidget *slot_label = gtk_label_new(slot_text);

		gtk_widget_add_css_class(slot_label, "dim-label");
		gtk_grid_attach(self->preview_grid, slot_label, 0, (gint)k + 1, 1, 1);
		for (guint d = 0; d < 7; d++) {
			gint total = 0;
			g_autofree gchar *text = NULL;
			GtkWidget *label;

			for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->rules));
			     i++) {
				g_autoptr(RosterItem) rule =
				    g_list_model_get_item(G_LIST_MODEL(self->rules), i);
				JsonArray *weekdays =
				    json_object_get_array_member(roster_item_get_object(rule),
								 ROSTER_KEY_WEEKDAYS);
				gboolean day_ok =
				    weekdays == NULL || json_array_get_length(weekdays) == 0;

				if (roster_item_get_string(rule, ROSTER_KEY_DATE_FROM) != NULL ||
				    roster_item_get_string(rule, ROSTER_KEY_DATE_TO) != NULL)
					continue;
				for (guint w = 0;
				     weekdays != NULL && w < json_array_get_length(weekdays);
				     w++)
					day_ok |= json_array_get_int_element(weekdays, w) ==
						  (gint64)d + 1;
				if (day_ok &&
				    slot_in_window(
					slot,
					parse_minutes(
					    roster_item_get_string(rule, ROSTER_KEY_START)),
					parse_minutes(
					    roster_item_get_string(rule, ROSTER_KEY_END))))
					total +=
					    (gint)roster_item_get_int(rule, ROSTER_KEY_SEATS, 0);
			}
			text = g_strdup_printf("%d", total);
			label = gtk_label_new(text);
			gtk_widget_add_css_class(label, "preview-cell");
			gtk_grid_attach(self->preview_grid, label, (gint)d + 1, (gint)k + 1, 1, 1);
		}
	}
}

static void
list_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSeatsPage) self = ROSTER_SEATS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_toast(self, error->message);
	}
	self->n_pending--;
	if (self->n_pending == 0) {
		/* the rule rows name their seat class, so rebuild them once both are here */
		gtk_list_box_bind_model(self->rules_list,
					G_LIST_MODEL(self->rules),
					create_rule_row_cb,
					self,
					NULL);
		build_preview(self);
	}
}

void
roster_seats_page_reload(RosterSeatsPage *self)
{
	g_return_if_fail(ROSTER_IS_SEATS_PAGE(self));
	if (self->client == NULL)
		return;
	self->n_pending += 2;
	roster_item_list_reload_async(self->classes,
				      self->cancellable,
				      list_cb,
				      g_object_ref(self));
	roster_item_list_reload_async(self->rules, self->cancellable, list_cb, g_object_ref(self));
}

static void
add_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSeatsPage) self = ROSTER_SEATS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);

	gtk_widget_remove_css_class(GTK_WIDGET(self->start_row), "error");
	gtk_widget_remove_css_class(GTK_WIDGET(self->end_row), "error");
	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		if (g_strcmp0(field, ROSTER_KEY_START) == 0)
			gtk_widget_add_css_class(GTK_WIDGET(self->start_row), "error");
		if (g_strcmp0(field, ROSTER_KEY_END) == 0)
			gtk_widget_add_css_class(GTK_WIDGET(self->end_row), "error");
		gtk_label_set_text(self->error_label, error->message);
		gtk_widget_set_visible(GTK_WIDGET(self->error_label), TRUE);
		return;
	}
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), FALSE);
	show_toast(self, _("Demand rule added"));
	roster_seats_page_reload(self);
}

static void
add_clicked_cb(RosterSeatsPage *self)
{
	RosterItem *seat_class = adw_combo_row_get_selected_item(self->class_row);
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	const gchar *note = gtk_editable_get_text(GTK_EDITABLE(self->note_row));

	if (self->client == NULL || seat_class == NULL)
		return;
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(builder, roster_item_get_id(seat_class));
	json_builder_set_member_name(builder, ROSTER_KEY_START);
	json_builder_add_string_value(builder,
				      gtk_editable_get_text(GTK_EDITABLE(self->start_row)));
	json_builder_set_member_name(builder, ROSTER_KEY_END);
	json_builder_add_string_value(builder, gtk_editable_get_text(GTK_EDITABLE(self->end_row)));
	json_builder_set_member_name(builder, ROSTER_KEY_SEATS);
	json_builder_add_int_value(builder, gtk_spin_button_get_value_as_int(self->seats_spin));
	if (note[0] != '\0') {
		json_builder_set_member_name(builder, ROSTER_KEY_NOTE);
		json_builder_add_string_value(builder, note);
	}
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	roster_client_call_async(self->client,
				 "POST",
				 "/" ROSTER_COLLECTION_DEMAND_RULES,
				 body,
				 self->cancellable,
				 add_cb,
				 g_object_ref(self));
}

void
roster_seats_page_set_client(RosterSeatsPage *self, RosterClient *client)
{
	g_autoptr(GtkExpression) expression = NULL;

	g_return_if_fail(ROSTER_IS_SEATS_PAGE(self));
	if (!g_set_object(&self->client, client))
		return;
	g_clear_object(&self->classes);
	g_clear_object(&self->rules);
	self->classes =
	    roster_item_list_new(client, "/" ROSTER_COLLECTION_SEAT_CLASSES "?limit=500");
	roster_item_list_set_describe_func(self->classes, roster_seat_class_describe);
	self->rules = roster_item_list_new(client, "/" ROSTER_COLLECTION_DEMAND_RULES "?limit=500");
	expression = gtk_property_expression_new(ROSTER_TYPE_ITEM, NULL, "title");
	adw_combo_row_set_expression(self->class_row, expression);
	adw_combo_row_set_model(self->class_row, G_LIST_MODEL(self->classes));
	gtk_list_box_bind_model(self->classes_list,
				G_LIST_MODEL(self->classes),
				create_class_row_cb,
				self,
				NULL);
}

static void
roster_seats_page_dispose(GObject *object)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(object);
	GtkWidget *child;

	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_SEATS_PAGE);
	/* the root of the template is not a bound child, so it is not unparented for us */
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self))) != NULL)
		gtk_widget_unparent(child);
	g_clear_object(&self->classes);
	g_clear_object(&self->rules);
	g_clear_object(&self->client);
	G_OBJECT_CLASS(roster_seats_page_parent_class)->dispose(object);
}

static void
roster_seats_page_class_init(RosterSeatsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->dispose = roster_seats_page_dispose;
	g_type_ensure(ROSTER_TYPE_ITEM);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-seats-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, classes_list);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, rules_list);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, start_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, end_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, seats_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, note_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, preview_grid);
	gtk_widget_class_bind_template_callback(widget_class, add_clicked_cb);
}

static void
roster_seats_page_init(RosterSeatsPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	self->cancellable = g_cancellable_new();
}
