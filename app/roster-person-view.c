/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterPersonView: one volunteer's month in the roster shown (their shifts, hours and
 * rule breaks), with a searchable picker of the volunteers; activating a shift is its
 * seat-activated signal, and the roster page takes the coordinator to that seat */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "roster-date.h"
#include "roster-explanation.h"
#include "roster-person-view.h"
#include "roster-row-actions.h"

struct _RosterPersonView {
	AdwWindow parent_instance;
	GtkDropDown *picker;
	GtkLabel *summary_label;
	GtkListBox *shifts_list;
	GtkListBox *rules_list;
	RosterRoster *roster;
	GListModel *explanations;
	RosterItemList *seat_classes;
	RosterItemList *volunteers;
	RosterItem *calendar;
	gint64 volunteer_id;
	guint n_shifts;
	guint minutes;
	guint n_rule_breaks;
	/* the picker's model is being replaced: its selection means nothing yet */
	gboolean setting_model;
};

G_DEFINE_FINAL_TYPE(RosterPersonView, roster_person_view, ADW_TYPE_WINDOW)

enum { SIGNAL_SEAT_ACTIVATED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
clear_list(GtkListBox *list)
{
	GtkListBoxRow *row;

	while ((row = gtk_list_box_get_row_at_index(list, 0)) != NULL)
		gtk_list_box_remove(list, GTK_WIDGET(row));
}

static gint
compare_assignment_cb(gconstpointer a, gconstpointer b)
{
	const RosterAssignment *first = *(const RosterAssignment *const *)a;
	const RosterAssignment *second = *(const RosterAssignment *const *)b;
	gint by_date = g_strcmp0(first->cell.date, second->cell.date);

	return by_date != 0 ? by_date : g_strcmp0(first->cell.slot, second->cell.slot);
}

static GtkWidget *
new_shift_row(RosterPersonView *self, const RosterAssignment *a, guint slot_minutes)
{
	RosterItem *seat_class =
	    self->seat_classes != NULL
		? roster_item_list_find_by_id(self->seat_classes, a->cell.seat_class_id)
		: NULL;
	GtkWidget *row = adw_action_row_new();
	g_autofree gchar *day = NULL;
	g_autofree gchar *title = NULL;
	g_autoptr(GString) subtitle = g_string_new(NULL);
	guint hours = 0;
	guint minutes = 0;
	GDate date;

	if (sscanf(a->cell.slot, "%u:%u", &hours, &minutes) == 2) {
		guint end = (hours * 60 + minutes + slot_minutes) % 1440;
		if (roster_date_parse(a->cell.date, &date, NULL))
			day = roster_date_format_day(&date);
		/* TRANSLATORS: a shift in one volunteer's month: day, start and end */
		title = g_strdup_printf(_("%s %s–%02u:%02u"),
					day != NULL ? day : a->cell.date,
					a->cell.slot,
					end / 60,
					end % 60);
	}
	g_string_append(subtitle, seat_class != NULL ? roster_item_get_title(seat_class) : "");
	if (a->pinned)
		g_string_append_printf(subtitle, " · %s", _("pinned"));
	if (a->confirmed)
		g_string_append_printf(subtitle, " · %s", _("confirmed by the volunteer"));
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
				      title != NULL ? title : a->cell.date);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle->str);
	gtk_list_box_row_set_activatable(GTK_LIST_BOX_ROW(row), TRUE);
	adw_action_row_add_suffix(ADW_ACTION_ROW(row),
				  gtk_image_new_from_icon_name("go-next-symbolic"));
	gtk_widget_add_css_class(row, "person-shift");
	g_object_set_data_full(G_OBJECT(row),
			       "assignment-id",
			       g_memdup2(&a->id, sizeof(a->id)),
			       g_free);
	return row;
}

static void
show_shifts(RosterPersonView *self)
{
	g_autoptr(GPtrArray) shifts = g_ptr_array_new();
	guint slot_minutes = roster_calendar_get_slot_minutes(self->calendar);

	for (guint i = 0; self->roster != NULL && i < roster_roster_get_n_assignments(self->roster);
	     i++) {
		const RosterAssignment *a = roster_roster_get_assignment(self->roster, i);
		if (a->volunteer_id == self->volunteer_id)
			g_ptr_array_add(shifts, (gpointer)a);
	}
	g_ptr_array_sort(shifts, compare_assignment_cb);
	for (guint i = 0; i < shifts->len; i++)
		gtk_list_box_append(
		    self->shifts_list,
		    new_shift_row(self, g_ptr_array_index(shifts, i), slot_minutes));
	self->n_shifts = shifts->len;
	self->minutes = shifts->len * slot_minutes;
}

static void
show_rules(RosterPersonView *self)
{
	self->n_rule_breaks = 0;
	for (guint i = 0;
	     self->explanations != NULL && i < g_list_model_get_n_items(self->explanations);
	     i++) {
		g_autoptr(RosterExplanation) item = g_list_model_get_item(self->explanations, i);
		RosterExplanationCategory category = roster_explanation_get_category(item);
		GtkWidget *row;

		if (roster_explanation_get_volunteer_id(item) != self->volunteer_id ||
		    (category != ROSTER_EXPLANATION_BROKEN_RULE &&
		     category != ROSTER_EXPLANATION_SOFT_RULE))
			continue;
		row = adw_action_row_new();
		adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
					      roster_explanation_get_title(item));
		adw_action_row_set_subtitle(ADW_ACTION_ROW(row),
					    roster_explanation_get_subtitle(item));
		gtk_widget_add_css_class(row,
					 category == ROSTER_EXPLANATION_BROKEN_RULE
					     ? "person-broken-rule"
					     : "person-soft-rule");
		if (category == ROSTER_EXPLANATION_BROKEN_RULE)
			gtk_widget_add_css_class(row, "error");
		gtk_list_box_append(self->rules_list, row);
		self->n_rule_breaks++;
	}
}

static void
rebuild(RosterPersonView *self)
{
	RosterItem *volunteer =
	    self->volunteers != NULL
		? roster_item_list_find_by_id(self->volunteers, self->volunteer_id)
		: NULL;
	g_autofree gchar *shifts = NULL;
	g_autofree gchar *summary = NULL;

	clear_list(self->shifts_list);
	clear_list(self->rules_list);
	show_shifts(self);
	show_rules(self);
	shifts = g_strdup_printf(ngettext("%u shift", "%u shifts", self->n_shifts), self->n_shifts);
	/* TRANSLATORS: one volunteer's month: name, shifts, hours, rule breaks */
	summary =
	    g_strdup_printf(ngettext("%s · %s · %.1f hours · %u rule broken or wish missed",
				     "%s · %s · %.1f hours · %u rules broken or wishes missed",
				     self->n_rule_breaks),
			    volunteer != NULL ? roster_item_get_title(volunteer) : "",
			    shifts,
			    self->minutes / 60.0,
			    self->n_rule_breaks);
	gtk_label_set_text(self->summary_label, summary);
}

static void
picker_selected_cb(RosterPersonView *self)
{
	RosterItem *item = gtk_drop_down_get_selected_item(self->picker);

	if (self->setting_model || item == NULL)
		return;
	self->volunteer_id = roster_item_get_id(item);
	rebuild(self);
}

static void
shift_activated_cb(RosterPersonView *self, GtkListBoxRow *row)
{
	const gint64 *id = g_object_get_data(G_OBJECT(row), "assignment-id");
	const RosterAssignment *a = id != NULL && self->roster != NULL
					? roster_roster_find_assignment(self->roster, *id)
					: NULL;

	if (a == NULL)
		return;
	g_signal_emit(self, signals[SIGNAL_SEAT_ACTIVATED], 0, a->cell.date, a->cell.slot, a->id);
}

/**
 * roster_person_view_set_data:
 * @self: a #RosterPersonView
 * @data: the roster shown, its explanations, seat classes, volunteers and calendar
 *
 * Shows the chosen volunteer's month in @data; the roster page calls it again each
 * time the roster changes.
 *
 * Since: 0.4
 */
void
roster_person_view_set_data(RosterPersonView *self, const RosterGridData *data)
{
	g_return_if_fail(ROSTER_IS_PERSON_VIEW(self));
	g_set_object(&self->roster, data->roster);
	g_set_object(&self->explanations, data->explanations);
	g_set_object(&self->seat_classes, data->seat_classes);
	g_set_object(&self->calendar, data->calendar);
	if (g_set_object(&self->volunteers, data->volunteers)) {
		self->setting_model = TRUE;
		gtk_drop_down_set_model(self->picker, G_LIST_MODEL(self->volunteers));
		self->setting_model = FALSE;
		roster_person_view_set_volunteer(self, self->volunteer_id);
		return;
	}
	rebuild(self);
}

/**
 * roster_person_view_set_volunteer:
 * @self: a #RosterPersonView
 * @volunteer_id: the volunteer to show, or 0 for the first one
 *
 * Since: 0.4
 */
void
roster_person_view_set_volunteer(RosterPersonView *self, gint64 volunteer_id)
{
	GListModel *model;

	g_return_if_fail(ROSTER_IS_PERSON_VIEW(self));
	model = gtk_drop_down_get_model(self->picker);
	self->volunteer_id = volunteer_id;
	for (guint i = 0; model != NULL && i < g_list_model_get_n_items(model); i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(model, i);
		if (volunteer_id == 0 || roster_item_get_id(item) == volunteer_id) {
			self->volunteer_id = roster_item_get_id(item);
			self->setting_model = TRUE;
			gtk_drop_down_set_selected(self->picker, i);
			self->setting_model = FALSE;
			break;
		}
	}
	rebuild(self);
}

gint64
roster_person_view_get_volunteer(RosterPersonView *self)
{
	g_return_val_if_fail(ROSTER_IS_PERSON_VIEW(self), 0);
	return self->volunteer_id;
}

/* the shifts listed */
guint
roster_person_view_get_n_shifts(RosterPersonView *self)
{
	g_return_val_if_fail(ROSTER_IS_PERSON_VIEW(self), 0);
	return self->n_shifts;
}

/* the minutes of the shifts listed */
guint
roster_person_view_get_minutes(RosterPersonView *self)
{
	g_return_val_if_fail(ROSTER_IS_PERSON_VIEW(self), 0);
	return self->minutes;
}

/* the broken rules and missed wishes listed */
guint
roster_person_view_get_n_rule_breaks(RosterPersonView *self)
{
	g_return_val_if_fail(ROSTER_IS_PERSON_VIEW(self), 0);
	return self->n_rule_breaks;
}

static GtkWidget *
new_heading(const gchar *text)
{
	GtkWidget *label = gtk_label_new(text);

	gtk_label_set_xalign(GTK_LABEL(label), 0);
	gtk_widget_add_css_class(label, "heading");
	return label;
}

static GtkListBox *
new_list(const gchar *placeholder)
{
	GtkWidget *list = gtk_list_box_new();

	gtk_list_box_set_selection_mode(GTK_LIST_BOX(list), GTK_SELECTION_NONE);
	gtk_widget_add_css_class(list, "boxed-list");
	roster_row_set_placeholder(GTK_LIST_BOX(list), placeholder);
	return GTK_LIST_BOX(list);
}

static void
roster_person_view_dispose(GObject *object)
{
	RosterPersonView *self = ROSTER_PERSON_VIEW(object);

	g_clear_object(&self->roster);
	g_clear_object(&self->explanations);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->calendar);
	G_OBJECT_CLASS(roster_person_view_parent_class)->dispose(object);
}

static void
roster_person_view_class_init(RosterPersonViewClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->dispose = roster_person_view_dispose;
	/**
	 * RosterPersonView::seat-activated:
	 * @self: the view
	 * @date: the shift's day
	 * @slot: its slot
	 * @assignment_id: the assignment
	 */
	signals[SIGNAL_SEAT_ACTIVATED] = g_signal_new("seat-activated",
						      G_TYPE_FROM_CLASS(klass),
						      G_SIGNAL_RUN_LAST,
						      0,
						      NULL,
						      NULL,
						      NULL,
						      G_TYPE_NONE,
						      3,
						      G_TYPE_STRING,
						      G_TYPE_STRING,
						      G_TYPE_INT64);
}

static void
roster_person_view_init(RosterPersonView *self)
{
	GtkWidget *toolbar = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
	GtkWidget *header = adw_header_bar_new();
	GtkWidget *scroller = gtk_scrolled_window_new();
	GtkWidget *clamp = adw_clamp_new();
	GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 12);
	g_autoptr(GtkExpression) expression =
	    gtk_property_expression_new(ROSTER_TYPE_ITEM, NULL, "title");

	gtk_window_set_title(GTK_WINDOW(self), _("One Volunteer's Month"));
	gtk_window_set_default_size(GTK_WINDOW(self), 560, 680);
	gtk_widget_add_css_class(GTK_WIDGET(self), "person-view");
	/* a searchable picker: type part of a name to find the volunteer */
	self->picker = GTK_DROP_DOWN(gtk_drop_down_new(NULL, g_steal_pointer(&expression)));
	gtk_drop_down_set_enable_search(self->picker, TRUE);
	gtk_widget_set_tooltip_text(GTK_WIDGET(self->picker), _("Choose or search a volunteer"));
	gtk_widget_add_css_class(GTK_WIDGET(self->picker), "person-picker");
	g_signal_connect_swapped(self->picker,
				 "notify::selected",
				 G_CALLBACK(picker_selected_cb),
				 self);
	adw_header_bar_set_title_widget(ADW_HEADER_BAR(header), GTK_WIDGET(self->picker));
	gtk_box_append(GTK_BOX(toolbar), header);

	self->summary_label = GTK_LABEL(gtk_label_new(NULL));
	gtk_label_set_wrap(self->summary_label, TRUE);
	gtk_label_set_xalign(self->summary_label, 0);
	gtk_widget_add_css_class(GTK_WIDGET(self->summary_label), "title-4");
	gtk_widget_add_css_class(GTK_WIDGET(self->summary_label), "person-summary");
	gtk_box_append(GTK_BOX(box), GTK_WIDGET(self->summary_label));
	gtk_box_append(GTK_BOX(box), new_heading(_("Shifts")));
	self->shifts_list = new_list(_("No shift in this roster"));
	g_signal_connect_swapped(self->shifts_list,
				 "row-activated",
				 G_CALLBACK(shift_activated_cb),
				 self);
	gtk_box_append(GTK_BOX(box), GTK_WIDGET(self->shifts_list));
	gtk_box_append(GTK_BOX(box), new_heading(_("Broken Rules and Missed Wishes")));
	self->rules_list = new_list(_("Every rule kept and every wish met"));
	gtk_box_append(GTK_BOX(box), GTK_WIDGET(self->rules_list));

	gtk_widget_set_margin_top(box, 12);
	gtk_widget_set_margin_bottom(box, 12);
	gtk_widget_set_margin_start(box, 12);
	gtk_widget_set_margin_end(box, 12);
	adw_clamp_set_child(ADW_CLAMP(clamp), box);
	gtk_scrolled_window_set_child(GTK_SCROLLED_WINDOW(scroller), clamp);
	gtk_scrolled_window_set_policy(GTK_SCROLLED_WINDOW(scroller),
				       GTK_POLICY_NEVER,
				       GTK_POLICY_AUTOMATIC);
	gtk_widget_set_vexpand(scroller, TRUE);
	gtk_box_append(GTK_BOX(toolbar), scroller);
	adw_window_set_content(ADW_WINDOW(self), toolbar);
}

/**
 * roster_person_view_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new window showing one volunteer's month
 *
 * Since: 0.4
 */
RosterPersonView *
roster_person_view_new(GtkWindow *parent)
{
	return g_object_new(ROSTER_TYPE_PERSON_VIEW,
			    "transient-for",
			    parent,
			    "destroy-with-parent",
			    TRUE,
			    NULL);
}
