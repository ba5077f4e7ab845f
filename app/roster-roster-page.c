/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-duty.h"
#include "roster-client-roles.h"
#include "roster-client-rosters.h"
#include "roster-date.h"
#include "roster-edit-undo.h"
#include "roster-json-keys.h"
#include "roster-roster-page-private.h"
#include "roster-roster-settings.h"
#include "roster-solve-words.h"

/*
 * The roster view: the week grid (RosterWeekGrid) or the month overview
 * (RosterMonthGrid) of the roster chosen, its summary and explanation list, the solve
 * bar (RosterSolveBar), and the manual edits a seat's popover (RosterSeat) asks for
 * through the page's actions: roster.assign, roster.unassign, roster.pin, roster.move.
 */

G_DEFINE_FINAL_TYPE(RosterRosterPage, roster_roster_page, ROSTER_TYPE_PAGE)

enum { PROP_0, PROP_SOLVING, N_PROPS };

static GParamSpec *properties[N_PROPS];

gboolean
roster_roster_page_get_busy(RosterRosterPage *self)
{
	return roster_page_get_busy(ROSTER_PAGE(self));
}

gboolean
roster_roster_page_get_solving(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), FALSE);
	return roster_solve_bar_get_solving(self->solve_bar);
}

gint64
roster_roster_page_get_roster_id(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), 0);
	return self->roster != NULL ? roster_roster_get_id(self->roster) : 0;
}

static RosterClient *
get_client(RosterRosterPage *self)
{
	return roster_page_get_client(ROSTER_PAGE(self));
}

static GCancellable *
get_cancellable(RosterRosterPage *self)
{
	return roster_page_get_cancellable(ROSTER_PAGE(self));
}

static void
update_css(RosterRosterPage *self)
{
	const gchar *palette[] = {"#3584e4", "#33d17a", "#e5a50a", "#9141ac", "#986a44"};
	g_autoptr(GString) css = g_string_new(NULL);

	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->seat_classes)); i++) {
		g_autoptr(RosterItem) item =
		    g_list_model_get_item(G_LIST_MODEL(self->seat_classes), i);
		const gchar *colour = roster_item_get_colour(item);
		GdkRGBA rgba;

		if (colour == NULL || !gdk_rgba_parse(&rgba, colour))
			colour = palette[i % G_N_ELEMENTS(palette)];
		g_string_append_printf(
		    css,
		    ".seat-class-%" G_GINT64_FORMAT
		    " { background: alpha(%s, 0.18); border-left: 4px solid %s; }\n",
		    roster_item_get_id(item),
		    colour,
		    colour);
	}
	gtk_css_provider_load_from_data(self->css_provider, css->str, (gssize)css->len);
}

static void
day_clicked_cb(RosterRosterPage *self, const gchar *date_text)
{
	GDate date;

	if (!roster_date_parse(date_text, &date, NULL))
		return;
	roster_date_get_week_start(&date, &self->week_start);
	gtk_toggle_button_set_active(self->month_toggle, FALSE);
}

/* the gaps and broken rules come from the explanation list, which the daemon builds
 * from the roster as it is now; the score is the last one the daemon wrote */
static void
update_summary(RosterRosterPage *self)
{
	const gchar *state;
	g_autofree gchar *name = NULL;
	g_autofree gchar *text = NULL;
	gint64 required = 0;
	gint64 objective = 0;

	self->n_uncovered = 0;
	self->n_broken_rules = 0;
	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->explanations)); i++) {
		g_autoptr(RosterExplanation) item =
		    g_list_model_get_item(G_LIST_MODEL(self->explanations), i);
		self->n_uncovered += roster_explanation_get_n_missing(item);
		if (roster_explanation_get_category(item) == ROSTER_EXPLANATION_BROKEN_RULE)
			self->n_broken_rules++;
	}
	if (self->roster == NULL) {
		gtk_label_set_text(self->summary_label, "");
		return;
	}
	state = roster_roster_get_published(self->roster) ? _("published") : _("draft");
	name = roster_roster_dup_display_name(roster_roster_get_name(self->roster),
					      roster_roster_get_period_start(self->roster),
					      roster_roster_get_period_end(self->roster));
	text = roster_roster_page_live_dup_summary(self, name);
	if (text != NULL) {
		/* the solve's roster: the stored figures do not hold for it */
	} else {
		gboolean scored = roster_roster_get_score(self->roster, &required, &objective);
		g_autofree gchar *broken = roster_dup_broken_rules_text(self->n_broken_rules);
		g_autofree gchar *uncovered =
		    roster_dup_uncovered_text(self->n_uncovered, scored, required);

		if (!scored)
			/* TRANSLATORS: the summary of a roster that was never solved: its
			 * name, draft or published, the seats empty, the rules broken */
			text =
			    g_strdup_printf(_("%s · %s · %s · %s"), name, state, uncovered, broken);
		else
			/* TRANSLATORS: the roster's summary line: its name, draft or
			 * published, the seats empty, the rules broken, then the score */
			text = g_strdup_printf(_("%s · %s · %s · %s · score %d"),
					       name,
					       state,
					       uncovered,
					       broken,
					       (gint)objective);
	}
	gtk_label_set_text(self->summary_label, text);
}

/* what the grids, the per-person view and the print show */
void
roster_roster_page_get_grid_data(RosterRosterPage *self, RosterGridData *data)
{
	data->roster = self->roster;
	data->explanations = G_LIST_MODEL(self->explanations);
	data->seat_classes = self->seat_classes;
	data->volunteers = self->volunteers;
	data->calendar = self->calendar;
	data->duty_blocks = self->duty_blocks;
	/* a solve under way: the best roster it has found so far */
	roster_roster_page_live_grid_data(self, data);
}

void
roster_roster_page_rebuild(RosterRosterPage *self)
{
	gboolean month = gtk_toggle_button_get_active(self->month_toggle);
	g_autofree gchar *range = NULL;
	GDate middle;
	RosterGridData data;

	roster_roster_page_get_grid_data(self, &data);

	if (!g_date_valid(&self->week_start)) {
		g_autoptr(GDateTime) now = g_date_time_new_now_local();
		GDate today;
		g_date_clear(&today, 1);
		g_date_set_dmy(&today,
			       (GDateDay)g_date_time_get_day_of_month(now),
			       (GDateMonth)g_date_time_get_month(now),
			       (GDateYear)g_date_time_get_year(now));
		roster_date_get_week_start(&today, &self->week_start);
	}
	middle = self->week_start;
	g_date_add_days(&middle, 3);
	if (month) {
		/* TRANSLATORS: the month shown in the month overview: year and month */
		range = g_strdup_printf(_("%04u-%02u"),
					g_date_get_year(&middle),
					g_date_get_month(&middle));
	} else {
		range = roster_date_format_week(&self->week_start);
	}
	gtk_label_set_text(self->range_label, range);
	update_summary(self);
	if (self->roster == NULL) {
		gtk_stack_set_visible_child_name(self->view_stack, "empty");
		return;
	}
	if (month)
		roster_month_grid_show(self->month_grid, &data, &middle);
	else
		roster_week_grid_show(self->week_grid,
				      &data,
				      &self->week_start,
				      self->selected_date,
				      self->selected_slot,
				      self->selected_assignment);
	gtk_stack_set_visible_child_name(self->view_stack, month ? "month" : "week");
	roster_roster_page_update_person(self, &data);
}

/* both the roster and its explanations have arrived (or failed) */
static void
roster_loaded(RosterRosterPage *self)
{
	GDate start_date;
	GDate end_date;
	GDate week_end;

	roster_page_release(ROSTER_PAGE(self));
	if (roster_page_get_busy(ROSTER_PAGE(self)))
		return;
	if (self->roster != NULL) {
		week_end = self->week_start;
		if (g_date_valid(&week_end))
			g_date_add_days(&week_end, 6);
		/* show the roster's first week unless the week shown overlaps the roster */
		if (roster_date_parse(roster_roster_get_period_start(self->roster),
				      &start_date,
				      NULL) &&
		    roster_date_parse(roster_roster_get_period_end(self->roster),
				      &end_date,
				      NULL) &&
		    (!g_date_valid(&self->week_start) ||
		     g_date_compare(&week_end, &start_date) < 0 ||
		     g_date_compare(&self->week_start, &end_date) > 0))
			roster_date_get_week_start(&start_date, &self->week_start);
	}
	roster_roster_page_rebuild(self);
	if (self->roster != NULL)
		roster_solve_bar_set_uncovered_now(self->solve_bar,
						   roster_roster_get_id(self->roster),
						   self->n_uncovered);
}

static void
roster_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRoster) roster =
	    roster_client_get_roster_finish(ROSTER_CLIENT(source), result, &error);

	if (roster == NULL) {
		if (!roster_page_show_error(ROSTER_PAGE(self), error))
			return;
	} else {
		/* the edits to undo belong to the roster they were made on */
		if (self->roster == NULL ||
		    roster_roster_get_id(self->roster) != roster_roster_get_id(roster))
			roster_roster_page_clear_undo(self);
		g_set_object(&self->roster, roster);
	}
	roster_loaded(self);
}

static void
set_explanations(RosterRosterPage *self, JsonArray *items)
{
	g_autoptr(GPtrArray) explanations = g_ptr_array_new_with_free_func(g_object_unref);

	for (guint i = 0; items != NULL && i < json_array_get_length(items); i++) {
		JsonNode *item = json_array_get_element(items, i);
		if (JSON_NODE_HOLDS_OBJECT(item))
			g_ptr_array_add(explanations,
					roster_explanation_new(json_node_get_object(item),
							       self->seat_classes,
							       self->volunteers));
	}
	g_list_store_splice(self->explanations,
			    0,
			    g_list_model_get_n_items(G_LIST_MODEL(self->explanations)),
			    explanations->pdata,
			    explanations->len);
}

static void
explanations_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonArray) items =
	    roster_client_list_explanations_finish(ROSTER_CLIENT(source), result, &error);

	if (items == NULL) {
		if (!roster_page_show_error(ROSTER_PAGE(self), error))
			return;
		/* an old list would show the roster as it was */
		g_list_store_remove_all(self->explanations);
	} else {
		set_explanations(self, items);
	}
	roster_loaded(self);
}

/* the duty blocks: a caller who may not read them sees the grid without them */
static void
duty_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);

	g_clear_pointer(&self->duty_blocks, json_array_unref);
	self->duty_blocks =
	    roster_client_list_duty_blocks_finish(ROSTER_CLIENT(source), result, NULL);
	roster_loaded(self);
}

/* the roster chosen, its explanations and its duty blocks, all at once */
void
roster_roster_page_load_roster(RosterRosterPage *self)
{
	RosterItem *item = gtk_drop_down_get_selected_item(self->roster_dropdown);

	if (item == NULL) {
		g_clear_object(&self->roster);
		g_list_store_remove_all(self->explanations);
		g_clear_pointer(&self->duty_blocks, json_array_unref);
		roster_roster_page_rebuild(self);
		return;
	}
	roster_page_hold(ROSTER_PAGE(self));
	roster_page_hold(ROSTER_PAGE(self));
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_list_duty_blocks_async(get_client(self),
					     roster_item_get_id(item),
					     get_cancellable(self),
					     duty_cb,
					     g_object_ref(self));
	roster_client_get_roster_async(get_client(self),
				       roster_item_get_id(item),
				       get_cancellable(self),
				       roster_cb,
				       g_object_ref(self));
	roster_client_list_explanations_async(get_client(self),
					      roster_item_get_id(item),
					      get_cancellable(self),
					      explanations_cb,
					      g_object_ref(self));
}

static void
lists_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_all_finish(result, &error) &&
	    !roster_page_show_error(ROSTER_PAGE(self), error))
		return;
	roster_page_release(ROSTER_PAGE(self));
	self->loading_lists = FALSE;
	/* the first calendar is the service calendar, as for the daemon's solves */
	g_clear_object(&self->calendar);
	if (g_list_model_get_n_items(G_LIST_MODEL(self->calendars)) > 0)
		self->calendar = g_list_model_get_item(G_LIST_MODEL(self->calendars), 0);
	update_css(self);
	if (self->select_roster_id > 0) {
		for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->rosters)); i++) {
			g_autoptr(RosterItem) item =
			    g_list_model_get_item(G_LIST_MODEL(self->rosters), i);
			if (roster_item_get_id(item) == self->select_roster_id)
				gtk_drop_down_set_selected(self->roster_dropdown, i);
		}
		self->select_roster_id = 0;
	}
	roster_roster_page_load_roster(self);
}

/* the calendar, seat classes, volunteers and rosters, then the roster shown */
static void
roster_roster_page_real_reload(RosterPage *page)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(page);
	RosterItemList *lists[4];
	RosterItem *selected;

	selected = gtk_drop_down_get_selected_item(self->roster_dropdown);
	if (selected != NULL && self->select_roster_id == 0)
		self->select_roster_id = roster_item_get_id(selected);
	lists[0] = self->calendars;
	lists[1] = self->seat_classes;
	lists[2] = self->volunteers;
	lists[3] = self->rosters;
	self->loading_lists = TRUE;
	roster_page_hold(page);
	roster_item_list_reload_all_async(lists,
					  G_N_ELEMENTS(lists),
					  get_cancellable(self),
					  lists_cb,
					  g_object_ref(self));
}

/**
 * roster_roster_page_reload:
 * @self: a #RosterRosterPage
 *
 * Reloads the calendar, seat classes, volunteers and rosters, then the roster shown.
 *
 * Since: 0.1
 */
void
roster_roster_page_reload(RosterRosterPage *self)
{
	roster_page_reload(ROSTER_PAGE(self));
}

static void
roster_selected_cb(RosterRosterPage *self)
{
	if (self->loading_lists || get_client(self) == NULL)
		return;
	roster_roster_page_load_roster(self);
}

static void
month_toggled_cb(RosterRosterPage *self)
{
	roster_roster_page_rebuild(self);
}

void
roster_roster_page_set_time_limit(RosterRosterPage *self, gdouble seconds)
{
	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	gtk_spin_button_set_value(self->time_spin, seconds);
}

void
roster_roster_page_set_month_view(RosterRosterPage *self, gboolean month)
{
	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	gtk_toggle_button_set_active(self->month_toggle, month);
}

/* brings the selected seat into view once the grid has been laid out */
static gboolean
scroll_to_selected_cb(GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	GtkWidget *selected = roster_week_grid_get_selected(self->week_grid);
	graphene_point_t point;
	guint *attempts = user_data;

	if (selected == NULL || ++(*attempts) > 30)
		return G_SOURCE_REMOVE;
	if (gtk_widget_get_height(selected) == 0 ||
	    !gtk_widget_compute_point(selected,
				      GTK_WIDGET(self->week_grid),
				      &GRAPHENE_POINT_INIT(0, 0),
				      &point))
		return G_SOURCE_CONTINUE;
	gtk_adjustment_clamp_page(gtk_scrolled_window_get_vadjustment(self->week_scroller),
				  point.y,
				  point.y + gtk_widget_get_height(selected));
	gtk_adjustment_clamp_page(gtk_scrolled_window_get_hadjustment(self->week_scroller),
				  point.x,
				  point.x + gtk_widget_get_width(selected));
	if (gtk_widget_get_focusable(selected))
		gtk_widget_grab_focus(selected);
	return G_SOURCE_REMOVE;
}

/**
 * roster_roster_page_select_seat:
 * @self: a #RosterRosterPage
 * @date: the day, `YYYY-MM-DD`
 * @slot: (nullable): the slot, `HH:MM`
 * @assignment_id: an assignment in that seat to mark, or 0
 *
 * Shows the week of @date, marks the seat and scrolls it into view.
 *
 * Since: 0.1
 */
void
roster_roster_page_select_seat(RosterRosterPage *self,
			       const gchar *date,
			       const gchar *slot,
			       gint64 assignment_id)
{
	GDate day;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (!roster_date_parse(date, &day, NULL))
		return;
	g_free(self->selected_date);
	g_free(self->selected_slot);
	self->selected_date = g_strdup(date);
	self->selected_slot = g_strdup(slot);
	self->selected_assignment = assignment_id;
	roster_date_get_week_start(&day, &self->week_start);
	if (gtk_toggle_button_get_active(self->month_toggle))
		gtk_toggle_button_set_active(self->month_toggle, FALSE);
	else
		roster_roster_page_rebuild(self);
	gtk_widget_add_tick_callback(GTK_WIDGET(self),
				     scroll_to_selected_cb,
				     g_new0(guint, 1),
				     g_free);
}

const gchar *
roster_roster_page_get_selected_date(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), NULL);
	return self->selected_date;
}

const gchar *
roster_roster_page_get_selected_slot(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), NULL);
	return self->selected_slot;
}

/* the seats the roster leaves empty, as the summary says */
guint
roster_roster_page_get_n_uncovered(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), 0);
	return self->n_uncovered;
}

/* the hard rules the roster breaks, as the summary says */
guint
roster_roster_page_get_n_broken_rules(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), 0);
	return self->n_broken_rules;
}

/* what the solve bar says, for the UI test */
const gchar *
roster_roster_page_get_solve_text(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), NULL);
	return roster_solve_bar_get_text(self->solve_bar);
}

/* a seat item selects its seat (and the assignment it is about); a person item opens
 * the volunteer's month */
static void
explanation_activated_cb(RosterRosterPage *self, RosterExplanation *explanation)
{
	const gchar *date = roster_explanation_get_date(explanation);
	const gchar *slot = roster_explanation_get_slot(explanation);
	gint64 volunteer_id = roster_explanation_get_volunteer_id(explanation);
	gint64 assignment_id = roster_explanation_get_assignment_id(explanation);

	if (date != NULL) {
		if (assignment_id == 0 && self->roster != NULL)
			assignment_id = roster_roster_find_assignment_of(self->roster,
									 date,
									 slot,
									 volunteer_id);
		roster_roster_page_select_seat(self, date, slot, assignment_id);
		return;
	}
	/* a rule of the whole month (a limit, a commitment): the person's month */
	if (volunteer_id > 0)
		roster_roster_page_show_person(self, volunteer_id);
}

/* the roster may have changed elsewhere (another coordinator, the tool) meanwhile */
static void
roster_roster_page_map(GtkWidget *widget)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);

	GTK_WIDGET_CLASS(roster_roster_page_parent_class)->map(widget);
	if (get_client(self) != NULL && self->roster != NULL && !self->loading_lists &&
	    !roster_page_get_busy(ROSTER_PAGE(self)))
		roster_roster_page_load_roster(self);
}

static void
create_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	gint64 roster_id =
	    roster_client_create_roster_finish(ROSTER_CLIENT(source), result, &error);

	if (roster_id == 0) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	self->select_roster_id = roster_id;
	roster_page_show_toast(ROSTER_PAGE(self), _("Roster created"));
	roster_page_reload(ROSTER_PAGE(self));
}

/**
 * roster_roster_page_create_roster:
 * @self: a #RosterRosterPage
 * @period_start: (nullable): a day of the month to plan, or %NULL for the month shown
 *
 * Creates a draft roster for a whole month, without a name (the app shows its period
 * in the language it runs in), and shows it.
 *
 * Since: 0.1
 */
void
roster_roster_page_create_roster(RosterRosterPage *self, const gchar *period_start)
{
	g_autofree gchar *first_text = NULL;
	g_autofree gchar *last_text = NULL;
	GDate day = self->week_start;
	GDate first;
	GDate last;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (period_start != NULL && !roster_date_parse(period_start, &day, NULL))
		return;
	if (period_start == NULL) {
		if (!g_date_valid(&day))
			roster_roster_page_rebuild(self);
		day = self->week_start;
		g_date_add_days(&day, 3);
	}
	roster_date_get_month_range(&day, &first, &last);
	first_text = roster_date_to_string(&first);
	last_text = roster_date_to_string(&last);
	roster_client_create_roster_async(get_client(self),
					  NULL,
					  first_text,
					  last_text,
					  NULL,
					  get_cancellable(self),
					  create_cb,
					  g_object_ref(self));
}

static void
week_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	gboolean next = g_strcmp0(action_name, "roster.next") == 0;

	if (!g_date_valid(&self->week_start))
		return;
	if (gtk_toggle_button_get_active(self->month_toggle)) {
		GDate middle = self->week_start;
		g_date_add_days(&middle, 3);
		if (next)
			g_date_add_months(&middle, 1);
		else
			g_date_subtract_months(&middle, 1);
		g_date_set_day(&middle, 1);
		roster_date_get_week_start(&middle, &self->week_start);
		if (g_date_get_month(&self->week_start) != g_date_get_month(&middle))
			g_date_add_days(&self->week_start, 7);
	} else if (next) {
		g_date_add_days(&self->week_start, 7);
	} else {
		g_date_subtract_days(&self->week_start, 7);
	}
	roster_roster_page_rebuild(self);
}

static void
solve_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);

	if (self->roster == NULL || get_client(self) == NULL) {
		roster_page_show_toast(ROSTER_PAGE(self), _("Create a roster first"));
		return;
	}
	roster_solve_bar_start(self->solve_bar,
			       get_client(self),
			       roster_roster_get_id(self->roster),
			       gtk_spin_button_get_value(self->time_spin));
}

static void
cancel_solve_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	roster_solve_bar_stop(ROSTER_ROSTER_PAGE(widget)->solve_bar);
}

static void
solving_changed_cb(RosterRosterPage *self)
{
	gboolean solving = roster_solve_bar_get_solving(self->solve_bar);
	gboolean can_plan = roster_roster_page_get_can_plan(self);

	gtk_widget_action_set_enabled(GTK_WIDGET(self), "roster.solve", !solving && can_plan);
	gtk_widget_action_set_enabled(GTK_WIDGET(self), "roster.cancel-solve", solving && can_plan);
	roster_roster_page_live_solving_changed(self, solving);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_SOLVING]);
}

static void
solve_finished_cb(RosterRosterPage *self)
{
	/* the solve rewrote the roster: the seats the edits left are gone */
	roster_roster_page_clear_undo(self);
	roster_roster_page_load_roster(self);
}

/* a manager sees no control whose call the daemon would refuse: no new roster, no
 * settings, no solve, no undo, and the seats' edits disabled */
static void
update_planner_controls(RosterRosterPage *self)
{
	GtkWidget *controls[] = {self->new_button,
				 self->settings_button,
				 self->undo_button,
				 self->seconds_label,
				 GTK_WIDGET(self->time_spin),
				 self->solve_button,
				 self->cancel_button};
	gboolean can_plan = roster_roster_page_get_can_plan(self);

	for (guint i = 0; i < G_N_ELEMENTS(controls); i++)
		gtk_widget_set_visible(controls[i], can_plan);
	adw_status_page_set_description(
	    self->status_page,
	    can_plan ? _("Create a roster for a month with the + button, then solve it.")
		     : _("The rosters the coordinators make are shown here."));
	solving_changed_cb(self);
}

static void
roster_roster_page_client_changed(RosterPage *page)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(page);
	RosterClient *client = roster_page_get_client(page);

	g_clear_object(&self->rosters);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->calendars);
	roster_roster_page_clear_undo(self);
	self->calendars = roster_item_list_new_for(client, ROSTER_RESOURCE_CALENDARS, 1);
	self->rosters = roster_item_list_new_for(client, ROSTER_RESOURCE_ROSTERS, 0);
	self->seat_classes = roster_item_list_new_for(client, ROSTER_RESOURCE_SEAT_CLASSES, 500);
	self->volunteers = roster_item_list_new_for(client, ROSTER_RESOURCE_VOLUNTEERS, 500);
	gtk_drop_down_set_model(self->roster_dropdown, G_LIST_MODEL(self->rosters));
	update_planner_controls(self);
}

/**
 * roster_roster_page_get_can_plan:
 * @self: a #RosterRosterPage
 *
 * Returns: whether the account may change rosters (an admin or a coordinator); a
 *   manager reads them
 */
gboolean
roster_roster_page_get_can_plan(RosterRosterPage *self)
{
	RosterClient *client = roster_page_get_client(ROSTER_PAGE(self));

	return client != NULL && roster_client_can_plan(client);
}

void
roster_roster_page_set_client(RosterRosterPage *self, RosterClient *client)
{
	roster_page_set_client(ROSTER_PAGE(self), client);
}

static void
roster_roster_page_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(object);

	switch (prop_id) {
	case PROP_SOLVING:
		g_value_set_boolean(value, roster_roster_page_get_solving(self));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_roster_page_dispose(GObject *object)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(object);

	if (self->css_provider != NULL && gdk_display_get_default() != NULL)
		gtk_style_context_remove_provider_for_display(
		    gdk_display_get_default(),
		    GTK_STYLE_PROVIDER(self->css_provider));
	g_clear_object(&self->css_provider);
	roster_roster_page_rosters_dispose(self);
	roster_roster_page_person_dispose(self);
	roster_roster_page_live_dispose(self);
	g_clear_object(&self->calendar);
	g_clear_object(&self->roster);
	g_clear_object(&self->explanations);
	g_clear_pointer(&self->duty_blocks, json_array_unref);
	g_clear_pointer(&self->selected_date, g_free);
	g_clear_pointer(&self->selected_slot, g_free);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_ROSTER_PAGE);
	g_clear_object(&self->rosters);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->calendars);
	g_clear_pointer(&self->undo_stack, g_array_unref);
	G_OBJECT_CLASS(roster_roster_page_parent_class)->dispose(object);
}

static void
roster_roster_page_class_init(RosterRosterPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->get_property = roster_roster_page_get_property;
	object_class->dispose = roster_roster_page_dispose;
	widget_class->map = roster_roster_page_map;
	page_class->reload = roster_roster_page_real_reload;
	page_class->client_changed = roster_roster_page_client_changed;
	properties[PROP_SOLVING] = g_param_spec_boolean("solving",
							NULL,
							NULL,
							FALSE,
							G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);

	g_type_ensure(ROSTER_TYPE_ITEM);
	g_type_ensure(ROSTER_TYPE_EXPLANATIONS_PANEL);
	g_type_ensure(ROSTER_TYPE_WEEK_GRID);
	g_type_ensure(ROSTER_TYPE_MONTH_GRID);
	g_type_ensure(ROSTER_TYPE_SOLVE_BAR);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-roster-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, roster_dropdown);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, range_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, month_toggle);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, time_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, new_button);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, settings_button);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, undo_button);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, seconds_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, solve_button);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, cancel_button);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, status_page);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, solve_bar);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, summary_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, view_stack);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, week_grid);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, month_grid);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, move_bar);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, move_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, explanations_panel);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, week_scroller);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, week_header_scroller);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, week_header);
	gtk_widget_class_bind_template_callback(widget_class, explanation_activated_cb);
	gtk_widget_class_bind_template_callback(widget_class, roster_selected_cb);
	gtk_widget_class_bind_template_callback(widget_class, month_toggled_cb);
	gtk_widget_class_bind_template_callback(widget_class, day_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, solving_changed_cb);
	gtk_widget_class_bind_template_callback(widget_class, solve_finished_cb);
	gtk_widget_class_install_action(widget_class, "roster.previous", NULL, week_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.next", NULL, week_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.solve", NULL, solve_action_cb);
	gtk_widget_class_install_action(widget_class,
					"roster.cancel-solve",
					NULL,
					cancel_solve_action_cb);
	roster_roster_page_edits_class_init(widget_class);
	roster_roster_page_rosters_class_init(widget_class);
	roster_roster_page_export_class_init(widget_class);
	roster_roster_page_person_class_init(widget_class);
	roster_roster_page_live_class_init(widget_class);
	gtk_widget_class_add_binding_action(widget_class,
					    GDK_KEY_Page_Up,
					    GDK_CONTROL_MASK,
					    "roster.previous",
					    NULL);
	gtk_widget_class_add_binding_action(widget_class,
					    GDK_KEY_Page_Down,
					    GDK_CONTROL_MASK,
					    "roster.next",
					    NULL);
}

static void
roster_roster_page_init(RosterRosterPage *self)
{
	g_autoptr(GtkExpression) expression = NULL;

	gtk_widget_init_template(GTK_WIDGET(self));
	/* the day headings scroll sideways with the grid, not down */
	roster_week_grid_set_header(self->week_grid, self->week_header);
	gtk_scrolled_window_set_hadjustment(
	    self->week_header_scroller,
	    gtk_scrolled_window_get_hadjustment(self->week_scroller));
	g_date_clear(&self->week_start, 1);
	self->undo_stack = g_array_new(FALSE, TRUE, sizeof(RosterUndo));
	roster_roster_page_update_undo(self);
	self->explanations = g_list_store_new(ROSTER_TYPE_EXPLANATION);
	roster_explanations_panel_set_model(self->explanations_panel,
					    G_LIST_MODEL(self->explanations));
	self->css_provider = gtk_css_provider_new();
	if (gdk_display_get_default() != NULL)
		gtk_style_context_add_provider_for_display(gdk_display_get_default(),
							   GTK_STYLE_PROVIDER(self->css_provider),
							   GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
	expression = gtk_property_expression_new(ROSTER_TYPE_ITEM, NULL, "title");
	gtk_drop_down_set_expression(self->roster_dropdown, expression);
	gtk_widget_action_set_enabled(GTK_WIDGET(self), "roster.cancel-solve", FALSE);
	roster_roster_page_rosters_init(self);
	roster_roster_page_live_init(self);
	roster_roster_page_rebuild(self);
}
