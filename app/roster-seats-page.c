/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-calendar-form.h"
#include "roster-date.h"
#include "roster-item-list.h"
#include "roster-record-fields.h"
#include "roster-record-rows.h"
#include "roster-row-actions.h"
#include "roster-seats-page.h"

/*
 * Seats and demand: the seat classes and the demand rules, each with a form that adds
 * one or edits the one chosen from its list (PATCH with the revision read, DELETE with
 * ?revision=N), and a preview of the seats each slot of this week needs, as the daemon
 * resolves the rules (GET /reports/demand).
 */

struct _RosterSeatsPage {
	RosterPage parent_instance;
	GtkListBox *classes_list;
	GtkListBox *rules_list;
	AdwPreferencesGroup *class_form_group;
	AdwEntryRow *class_code_row;
	AdwEntryRow *class_name_row;
	AdwComboRow *class_mode_row;
	AdwComboRow *class_tier_row;
	GtkSwitch *class_crisis_switch;
	AdwActionRow *class_places_row;
	GtkSpinButton *class_places_spin;
	AdwActionRow *class_min_seats_row;
	GtkSpinButton *class_min_seats_spin;
	GtkLabel *class_error_label;
	GtkButton *class_save_button;
	GtkButton *class_cancel_button;
	AdwPreferencesGroup *rule_form_group;
	AdwComboRow *class_row;
	GtkBox *weekdays_box;
	GtkToggleButton *weekday_buttons[7];
	AdwEntryRow *date_from_row;
	AdwEntryRow *date_to_row;
	AdwEntryRow *start_row;
	AdwEntryRow *end_row;
	AdwActionRow *seats_row;
	GtkSpinButton *seats_spin;
	AdwEntryRow *note_row;
	GtkLabel *error_label;
	GtkButton *add_button;
	GtkButton *rule_cancel_button;
	GtkGrid *preview_grid;
	AdwPreferencesPage *preferences_page;
	RosterCalendarForm *calendar_form;
	RosterItemList *calendars;
	RosterItemList *classes;
	RosterItemList *rules;
	/* the records in the two forms, or NULL for new ones */
	RosterItem *editing_class;
	RosterItem *editing_rule;
};

G_DEFINE_FINAL_TYPE(RosterSeatsPage, roster_seats_page, ROSTER_TYPE_PAGE)

static void
fill_class_form(RosterSeatsPage *self, RosterItem *seat_class);
static void
fill_rule_form(RosterSeatsPage *self, RosterItem *rule);

static void
class_edit(gpointer page, RosterItem *seat_class)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(page);

	fill_class_form(self, seat_class);
	gtk_widget_grab_focus(GTK_WIDGET(self->class_code_row));
}

static void
rule_edit(gpointer page, RosterItem *rule)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(page);

	fill_rule_form(self, rule);
	gtk_widget_grab_focus(GTK_WIDGET(self->class_row));
}

static void
delete_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSeatsPage) self = ROSTER_SEATS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			roster_page_show_toast(ROSTER_PAGE(self), error->message);
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self), _("Deleted"));
	roster_seats_page_reload(self);
}

static void
delete_item(RosterSeatsPage *self, RosterResource resource, RosterItem *item)
{
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_delete_async(roster_page_get_client(ROSTER_PAGE(self)),
				   resource,
				   roster_item_get_id(item),
				   roster_item_get_revision(item),
				   roster_page_get_cancellable(ROSTER_PAGE(self)),
				   delete_cb,
				   g_object_ref(self));
}

static void
class_delete(gpointer page, RosterItem *seat_class)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(page);

	if (self->editing_class != NULL &&
	    roster_item_get_id(self->editing_class) == roster_item_get_id(seat_class))
		fill_class_form(self, NULL);
	delete_item(self, ROSTER_RESOURCE_SEAT_CLASSES, seat_class);
}

static void
rule_delete(gpointer page, RosterItem *rule)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(page);

	if (self->editing_rule != NULL &&
	    roster_item_get_id(self->editing_rule) == roster_item_get_id(rule))
		fill_rule_form(self, NULL);
	delete_item(self, ROSTER_RESOURCE_DEMAND_RULES, rule);
}

static GtkWidget *
create_class_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *seat_class = ROSTER_ITEM(item);
	GtkWidget *row = adw_action_row_new();
	GtkWidget *swatch = gtk_label_new(roster_item_get_code(seat_class));
	g_autofree gchar *css_class =
	    g_strdup_printf("seat-class-%" G_GINT64_FORMAT, roster_item_get_id(seat_class));

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), roster_item_get_title(seat_class));
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), roster_item_get_subtitle(seat_class));
	gtk_widget_add_css_class(swatch, "seat-chip");
	gtk_widget_add_css_class(swatch, css_class);
	gtk_widget_set_valign(swatch, GTK_ALIGN_CENTER);
	adw_action_row_add_suffix(ADW_ACTION_ROW(row), swatch);
	roster_row_add_edit_delete(ADW_ACTION_ROW(row),
				   seat_class,
				   "seat-class",
				   class_edit,
				   class_delete,
				   user_data);
	return row;
}

static gchar *
describe_rule(RosterSeatsPage *self, const RosterDemandRuleFields *rule)
{
	RosterItem *seat_class = roster_item_list_find_by_id(self->classes, rule->seat_class_id);
	g_autoptr(GString) days = g_string_new(NULL);

	for (guint d = 0; d < 7; d++) {
		GDate date;

		if ((rule->weekdays & (1u << d)) == 0)
			continue;
		/* 2024-01-01 was a Monday */
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, 1, G_DATE_JANUARY, 2024);
		g_date_add_days(&date, d);
		if (days->len > 0)
			g_string_append(days, _(", "));
		g_string_append(days, roster_date_get_weekday_label(&date));
	}
	if (days->len == 0)
		g_string_append(days, _("every day"));
	/* TRANSLATORS: a demand rule: seat class, days, time window and number of seats */
	return g_strdup_printf(ngettext("%s · %s · %s–%s · %d seat",
					"%s · %s · %s–%s · %d seats",
					(gulong)rule->seats),
			       seat_class != NULL ? roster_item_get_title(seat_class) : "?",
			       days->str,
			       rule->start != NULL ? rule->start : "",
			       rule->end != NULL ? rule->end : "",
			       (gint)rule->seats);
}

static GtkWidget *
create_rule_row_cb(gpointer item, gpointer user_data)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(user_data);
	RosterItem *rule = ROSTER_ITEM(item);
	RosterDemandRuleFields fields;
	GtkWidget *row = adw_action_row_new();
	g_autofree gchar *title = NULL;
	g_autofree gchar *subtitle = NULL;

	roster_demand_rule_fields_read(&fields, rule);
	title = describe_rule(self, &fields);
	if (fields.date_from != NULL || fields.date_to != NULL) {
		/* TRANSLATORS: the dates a demand rule applies to, then its note */
		subtitle = g_strdup_printf(_("%s to %s · %s"),
					   fields.date_from != NULL ? fields.date_from : "…",
					   fields.date_to != NULL ? fields.date_to : "…",
					   fields.note != NULL ? fields.note : "");
	} else {
		subtitle = g_strdup(fields.note != NULL ? fields.note : "");
	}
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	roster_row_add_edit_delete(ADW_ACTION_ROW(row),
				   rule,
				   "demand-rule",
				   rule_edit,
				   rule_delete,
				   self);
	return row;
}

static void
build_preview(RosterSeatsPage *self, const RosterDemandWeek *week)
{
	guint n_days = roster_demand_week_get_n_days(week);
	GtkWidget *child;

	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self->preview_grid))) != NULL)
		gtk_grid_remove(self->preview_grid, child);
	for (guint d = 0; d < n_days; d++) {
		GDate date = *roster_demand_week_get_first_day(week);
		g_autofree gchar *heading = NULL;
		GtkWidget *label;

		g_date_add_days(&date, d);
		/* TRANSLATORS: a column of the seats preview: the weekday, then month/day */
		heading = g_strdup_printf(_("%s\n%d/%d"),
					  roster_date_get_weekday_label(&date),
					  (gint)g_date_get_month(&date),
					  (gint)g_date_get_day(&date));
		label = gtk_label_new(heading);
		gtk_label_set_justify(GTK_LABEL(label), GTK_JUSTIFY_CENTER);
		gtk_widget_add_css_class(label, "heading");
		gtk_grid_attach(self->preview_grid, label, (gint)d + 1, 0, 1, 1);
	}
	for (guint k = 0; k < roster_demand_week_get_n_slots(week); k++) {
		GtkWidget *slot_label = gtk_label_new(roster_demand_week_get_slot(week, k));

		gtk_widget_add_css_class(slot_label, "dim-label");
		gtk_grid_attach(self->preview_grid, slot_label, 0, (gint)k + 1, 1, 1);
		for (guint d = 0; d < n_days; d++) {
			gint64 seats = roster_demand_week_get_seats(week, d, k);
			g_autofree gchar *text =
			    seats > 0 ? g_strdup_printf("%" G_GINT64_FORMAT, seats) : g_strdup("–");
			GtkWidget *label = gtk_label_new(text);

			gtk_widget_add_css_class(label, "preview-cell");
			if (seats == 0) {
				gtk_widget_add_css_class(label, "dim-label");
				gtk_widget_set_tooltip_text(label, _("No seat needed"));
			}
			gtk_grid_attach(self->preview_grid, label, (gint)d + 1, (gint)k + 1, 1, 1);
		}
	}
}

static void
demand_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSeatsPage) self = ROSTER_SEATS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);
	g_autoptr(RosterDemandWeek) week = NULL;

	if (node == NULL && g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return;
	roster_page_release(ROSTER_PAGE(self));
	if (node == NULL) {
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
		return;
	}
	week = roster_demand_week_new(node);
	if (week != NULL)
		build_preview(self, week);
}

/* the daemon resolves the week's seats exactly as a solve will: the preview shows
 * its answer, dated rules and calendar overrides included */
static void
load_preview(RosterSeatsPage *self)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autofree gchar *path = NULL;
	GDate today;
	GDate monday;

	g_date_clear(&today, 1);
	g_date_set_dmy(&today,
		       (GDateDay)g_date_time_get_day_of_month(now),
		       (GDateMonth)g_date_time_get_month(now),
		       (GDateYear)g_date_time_get_year(now));
	roster_date_get_week_start(&today, &monday);
	path = roster_client_dup_demand_path(&monday, 7);

	roster_page_hold(ROSTER_PAGE(self));
	roster_client_get_resource_async(roster_page_get_client(ROSTER_PAGE(self)),
					 path,
					 roster_page_get_cancellable(ROSTER_PAGE(self)),
					 demand_cb,
					 g_object_ref(self));
}

static void
lists_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSeatsPage) self = ROSTER_SEATS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_all_finish(result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_toast(ROSTER_PAGE(self), error->message);
	}
	roster_page_release(ROSTER_PAGE(self));
	{
		g_autoptr(RosterItem) calendar =
		    g_list_model_get_item(G_LIST_MODEL(self->calendars), 0);
		roster_calendar_form_set_calendar(self->calendar_form, calendar);
	}
	/* the rule rows name their seat class, so rebuild them once all are here */
	gtk_list_box_bind_model(self->rules_list,
				G_LIST_MODEL(self->rules),
				create_rule_row_cb,
				self,
				NULL);
	load_preview(self);
}

static void
roster_seats_page_real_reload(RosterPage *page)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(page);
	RosterItemList *lists[3];

	lists[0] = self->calendars;
	lists[1] = self->classes;
	lists[2] = self->rules;
	roster_page_hold(ROSTER_PAGE(self));
	roster_item_list_reload_all_async(lists,
					  G_N_ELEMENTS(lists),
					  roster_page_get_cancellable(ROSTER_PAGE(self)),
					  lists_cb,
					  g_object_ref(self));
}

void
roster_seats_page_reload(RosterSeatsPage *self)
{
	roster_page_reload(ROSTER_PAGE(self));
}

/* whether a load or a change is under way */
gboolean
roster_seats_page_get_busy(RosterSeatsPage *self)
{
	return roster_page_get_busy(ROSTER_PAGE(self));
}

/* the service calendar's form */
RosterCalendarForm *
roster_seats_page_get_calendar_form(RosterSeatsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_SEATS_PAGE(self), NULL);
	return self->calendar_form;
}

GListModel *
roster_seats_page_get_rules_model(RosterSeatsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_SEATS_PAGE(self), NULL);
	return self->rules != NULL ? G_LIST_MODEL(self->rules) : NULL;
}

GListModel *
roster_seats_page_get_classes_model(RosterSeatsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_SEATS_PAGE(self), NULL);
	return self->classes != NULL ? G_LIST_MODEL(self->classes) : NULL;
}

/* the seats the preview shows for a day of this week (1 Monday … 7 Sunday) and slot */
const gchar *
roster_seats_page_get_preview_text(RosterSeatsPage *self, guint weekday, guint slot)
{
	GtkWidget *cell;

	g_return_val_if_fail(ROSTER_IS_SEATS_PAGE(self), NULL);
	cell = gtk_grid_get_child_at(self->preview_grid, (gint)weekday, (gint)slot + 1);
	return cell != NULL ? gtk_label_get_text(GTK_LABEL(cell)) : NULL;
}

static void
show_form_error(GtkLabel *label, const gchar *message, GtkWidget *row)
{
	if (row != NULL)
		gtk_widget_add_css_class(row, "error");
	gtk_label_set_text(label, message);
	gtk_widget_set_visible(GTK_WIDGET(label), TRUE);
}

/* the seat class form */

static void
clear_class_errors(RosterSeatsPage *self)
{
	gtk_widget_remove_css_class(GTK_WIDGET(self->class_code_row), "error");
	gtk_widget_remove_css_class(GTK_WIDGET(self->class_name_row), "error");
	gtk_widget_set_visible(GTK_WIDGET(self->class_error_label), FALSE);
}

static void
fill_class_form(RosterSeatsPage *self, RosterItem *seat_class)
{
	RosterSeatClassFields fields;

	roster_seat_class_fields_read(&fields, seat_class);
	g_set_object(&self->editing_class, seat_class);
	clear_class_errors(self);
	gtk_editable_set_text(GTK_EDITABLE(self->class_code_row), fields.code);
	gtk_editable_set_text(GTK_EDITABLE(self->class_name_row), fields.name);
	adw_combo_row_set_selected(self->class_mode_row,
				   roster_choice_get_index(ROSTER_CHOICE_MODE, fields.mode));
	adw_combo_row_set_selected(self->class_tier_row,
				   roster_choice_get_index(ROSTER_CHOICE_TIER, fields.min_tier));
	gtk_switch_set_active(self->class_crisis_switch, fields.crisis);
	gtk_spin_button_set_value(self->class_places_spin, (gdouble)fields.trainee_places);
	gtk_spin_button_set_value(self->class_min_seats_spin, (gdouble)fields.min_seats);
	adw_preferences_group_set_title(self->class_form_group,
					seat_class != NULL ? _("Edit Seat Class")
							   : _("New Seat Class"));
	gtk_button_set_label(self->class_save_button, seat_class != NULL ? _("_Save") : _("_Add"));
	gtk_widget_set_visible(GTK_WIDGET(self->class_cancel_button), seat_class != NULL);
}

static void
class_save_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSeatsPage) self = ROSTER_SEATS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);
	GtkWidget *row = NULL;

	roster_page_release(ROSTER_PAGE(self));
	gtk_widget_set_sensitive(GTK_WIDGET(self->class_save_button), TRUE);
	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		clear_class_errors(self);
		switch (roster_field_from_key(field)) {
		case ROSTER_FIELD_CODE:
			row = GTK_WIDGET(self->class_code_row);
			break;
		case ROSTER_FIELD_NAME:
			row = GTK_WIDGET(self->class_name_row);
			break;
		case ROSTER_FIELD_TRAINEE_PLACES:
			row = GTK_WIDGET(self->class_places_row);
			break;
		case ROSTER_FIELD_MIN_SEATS:
			row = GTK_WIDGET(self->class_min_seats_row);
			break;
		default:
			break;
		}
		show_form_error(self->class_error_label, error->message, row);
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self),
			       self->editing_class != NULL ? _("Seat class saved")
							   : _("Seat class added"));
	fill_class_form(self, NULL);
	roster_seats_page_reload(self);
}

/**
 * roster_seats_page_save_class:
 * @self: a #RosterSeatsPage
 *
 * Adds the seat class in the form, or saves the one being edited, as the form's
 * button does.
 *
 * Since: 0.1
 */
void
roster_seats_page_save_class(RosterSeatsPage *self)
{
	g_autoptr(JsonNode) body = NULL;
	RosterSeatClassFields fields;

	g_return_if_fail(ROSTER_IS_SEATS_PAGE(self));
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	fields.code = gtk_editable_get_text(GTK_EDITABLE(self->class_code_row));
	fields.name = gtk_editable_get_text(GTK_EDITABLE(self->class_name_row));
	fields.mode = roster_choice_get_value(ROSTER_CHOICE_MODE,
					      adw_combo_row_get_selected(self->class_mode_row));
	fields.min_tier = roster_choice_get_value(ROSTER_CHOICE_TIER,
						  adw_combo_row_get_selected(self->class_tier_row));
	fields.crisis = gtk_switch_get_active(self->class_crisis_switch);
	fields.trainee_places = gtk_spin_button_get_value_as_int(self->class_places_spin);
	fields.min_seats = gtk_spin_button_get_value_as_int(self->class_min_seats_spin);
	body = roster_seat_class_fields_to_json(
	    &fields,
	    self->editing_class != NULL ? roster_item_get_revision(self->editing_class) : 0);
	roster_page_hold(ROSTER_PAGE(self));
	gtk_widget_set_sensitive(GTK_WIDGET(self->class_save_button), FALSE);
	roster_client_save_async(
	    roster_page_get_client(ROSTER_PAGE(self)),
	    ROSTER_RESOURCE_SEAT_CLASSES,
	    self->editing_class != NULL ? roster_item_get_id(self->editing_class) : 0,
	    body,
	    roster_page_get_cancellable(ROSTER_PAGE(self)),
	    class_save_cb,
	    g_object_ref(self));
}

static void
class_save_clicked_cb(RosterSeatsPage *self)
{
	roster_seats_page_save_class(self);
}

static void
class_cancel_clicked_cb(RosterSeatsPage *self)
{
	fill_class_form(self, NULL);
	self->calendar_form = roster_calendar_form_new(ROSTER_PAGE(self), self->preferences_page);
}

/* the demand rule form */

static GtkWidget *
rule_row_for_field(RosterSeatsPage *self, RosterField field)
{
	switch (field) {
	case ROSTER_FIELD_SEAT_CLASS_ID:
		return GTK_WIDGET(self->class_row);
	case ROSTER_FIELD_WEEKDAYS:
		return GTK_WIDGET(self->weekdays_box);
	case ROSTER_FIELD_DATE_FROM:
		return GTK_WIDGET(self->date_from_row);
	case ROSTER_FIELD_DATE_TO:
		return GTK_WIDGET(self->date_to_row);
	case ROSTER_FIELD_START:
		return GTK_WIDGET(self->start_row);
	case ROSTER_FIELD_END:
		return GTK_WIDGET(self->end_row);
	case ROSTER_FIELD_SEATS:
		return GTK_WIDGET(self->seats_row);
	case ROSTER_FIELD_NOTE:
		return GTK_WIDGET(self->note_row);
	default:
		return NULL;
	}
}

static void
clear_rule_errors(RosterSeatsPage *self)
{
	for (guint field = 0; field <= ROSTER_FIELD_SCORE; field++) {
		GtkWidget *row = rule_row_for_field(self, (RosterField)field);
		if (row != NULL)
			gtk_widget_remove_css_class(row, "error");
	}
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), FALSE);
}

static void
set_entry_text(AdwEntryRow *row, const gchar *text)
{
	gtk_editable_set_text(GTK_EDITABLE(row), text != NULL ? text : "");
}

static void
fill_rule_form(RosterSeatsPage *self, RosterItem *rule)
{
	RosterDemandRuleFields fields;

	roster_demand_rule_fields_read(&fields, rule);
	g_set_object(&self->editing_rule, rule);
	clear_rule_errors(self);
	for (guint i = 0; rule != NULL && i < g_list_model_get_n_items(G_LIST_MODEL(self->classes));
	     i++) {
		g_autoptr(RosterItem) seat_class =
		    g_list_model_get_item(G_LIST_MODEL(self->classes), i);
		if (roster_item_get_id(seat_class) == fields.seat_class_id)
			adw_combo_row_set_selected(self->class_row, i);
	}
	for (guint d = 0; d < 7; d++)
		gtk_toggle_button_set_active(self->weekday_buttons[d],
					     (fields.weekdays & (1u << d)) != 0);
	set_entry_text(self->date_from_row, fields.date_from);
	set_entry_text(self->date_to_row, fields.date_to);
	set_entry_text(self->start_row, fields.start);
	set_entry_text(self->end_row, fields.end);
	gtk_spin_button_set_value(self->seats_spin, (gdouble)fields.seats);
	set_entry_text(self->note_row, fields.note);
	adw_preferences_group_set_title(self->rule_form_group,
					rule != NULL ? _("Edit Demand Rule")
						     : _("New Demand Rule"));
	gtk_button_set_label(self->add_button, rule != NULL ? _("_Save") : _("_Add Rule"));
	gtk_widget_set_visible(GTK_WIDGET(self->rule_cancel_button), rule != NULL);
}

static void
add_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterSeatsPage) self = ROSTER_SEATS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);

	roster_page_release(ROSTER_PAGE(self));
	gtk_widget_set_sensitive(GTK_WIDGET(self->add_button), TRUE);
	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		clear_rule_errors(self);
		show_form_error(self->error_label,
				error->message,
				rule_row_for_field(self, roster_field_from_key(field)));
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self),
			       self->editing_rule != NULL ? _("Demand rule saved")
							  : _("Demand rule added"));
	fill_rule_form(self, NULL);
	roster_seats_page_reload(self);
}

/**
 * roster_seats_page_save_rule:
 * @self: a #RosterSeatsPage
 *
 * Adds the demand rule in the form, or saves the one being edited, as the form's
 * button does.
 *
 * Since: 0.1
 */
void
roster_seats_page_save_rule(RosterSeatsPage *self)
{
	RosterItem *seat_class;
	g_autoptr(JsonNode) body = NULL;
	RosterDemandRuleFields fields;

	g_return_if_fail(ROSTER_IS_SEATS_PAGE(self));
	seat_class = adw_combo_row_get_selected_item(self->class_row);
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || seat_class == NULL)
		return;
	fields.seat_class_id = roster_item_get_id(seat_class);
	fields.weekdays = 0;
	for (guint d = 0; d < 7; d++) {
		if (gtk_toggle_button_get_active(self->weekday_buttons[d]))
			fields.weekdays |= 1u << d;
	}
	fields.date_from = gtk_editable_get_text(GTK_EDITABLE(self->date_from_row));
	fields.date_to = gtk_editable_get_text(GTK_EDITABLE(self->date_to_row));
	fields.start = gtk_editable_get_text(GTK_EDITABLE(self->start_row));
	fields.end = gtk_editable_get_text(GTK_EDITABLE(self->end_row));
	fields.seats = gtk_spin_button_get_value_as_int(self->seats_spin);
	fields.note = gtk_editable_get_text(GTK_EDITABLE(self->note_row));
	body = roster_demand_rule_fields_to_json(
	    &fields,
	    self->editing_rule != NULL ? roster_item_get_revision(self->editing_rule) : 0);
	roster_page_hold(ROSTER_PAGE(self));
	gtk_widget_set_sensitive(GTK_WIDGET(self->add_button), FALSE);
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_DEMAND_RULES,
				 self->editing_rule != NULL ? roster_item_get_id(self->editing_rule)
							    : 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 add_cb,
				 g_object_ref(self));
}

static void
add_clicked_cb(RosterSeatsPage *self)
{
	roster_seats_page_save_rule(self);
}

static void
rule_cancel_clicked_cb(RosterSeatsPage *self)
{
	fill_rule_form(self, NULL);
}

static void
roster_seats_page_client_changed(RosterPage *page)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);
	g_autoptr(GtkExpression) expression = NULL;

	g_clear_object(&self->calendars);
	g_clear_object(&self->classes);
	g_clear_object(&self->rules);
	self->calendars = roster_item_list_new_for(client, ROSTER_RESOURCE_CALENDARS, 1);
	self->classes = roster_item_list_new_for(client, ROSTER_RESOURCE_SEAT_CLASSES, 500);
	roster_item_list_set_describe_func(self->classes, roster_seat_class_describe);
	self->rules = roster_item_list_new_for(client, ROSTER_RESOURCE_DEMAND_RULES, 500);
	expression = gtk_property_expression_new(ROSTER_TYPE_ITEM, NULL, "title");
	adw_combo_row_set_expression(self->class_row, expression);
	adw_combo_row_set_model(self->class_row, G_LIST_MODEL(self->classes));
	gtk_list_box_bind_model(self->classes_list,
				G_LIST_MODEL(self->classes),
				create_class_row_cb,
				self,
				NULL);
}

void
roster_seats_page_set_client(RosterSeatsPage *self, RosterClient *client)
{
	roster_page_set_client(ROSTER_PAGE(self), client);
}

static void
roster_seats_page_dispose(GObject *object)
{
	RosterSeatsPage *self = ROSTER_SEATS_PAGE(object);

	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_SEATS_PAGE);
	g_clear_object(&self->editing_class);
	g_clear_object(&self->editing_rule);
	g_clear_object(&self->calendar_form);
	g_clear_object(&self->calendars);
	g_clear_object(&self->classes);
	g_clear_object(&self->rules);
	G_OBJECT_CLASS(roster_seats_page_parent_class)->dispose(object);
}

static void
roster_seats_page_class_init(RosterSeatsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_seats_page_dispose;
	page_class->reload = roster_seats_page_real_reload;
	page_class->client_changed = roster_seats_page_client_changed;
	g_type_ensure(ROSTER_TYPE_ITEM);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-seats-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, classes_list);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, rules_list);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_form_group);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_code_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_name_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_mode_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_tier_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_crisis_switch);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_places_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_places_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_min_seats_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_min_seats_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_save_button);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_cancel_button);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, rule_form_group);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, class_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, weekdays_box);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, date_from_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, date_to_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, start_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, end_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, seats_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, seats_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, note_row);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, add_button);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, rule_cancel_button);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, preview_grid);
	gtk_widget_class_bind_template_child(widget_class, RosterSeatsPage, preferences_page);
	gtk_widget_class_bind_template_callback(widget_class, add_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, rule_cancel_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, class_save_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, class_cancel_clicked_cb);
}

static void
roster_seats_page_init(RosterSeatsPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	for (guint d = 0; d < 7; d++) {
		GDate date;
		GtkWidget *button;
		/* 2024-01-01 was a Monday */
		g_date_clear(&date, 1);
		g_date_set_dmy(&date, 1, G_DATE_JANUARY, 2024);
		g_date_add_days(&date, d);
		button = gtk_toggle_button_new_with_label(roster_date_get_weekday_label(&date));
		gtk_widget_add_css_class(button, "weekday-toggle");
		gtk_box_append(self->weekdays_box, button);
		self->weekday_buttons[d] = GTK_TOGGLE_BUTTON(button);
	}
	fill_class_form(self, NULL);
	self->calendar_form = roster_calendar_form_new(ROSTER_PAGE(self), self->preferences_page);
}
