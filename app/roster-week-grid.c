/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterWeekGrid: a week of the roster, slots down and days across, with every seat of
 * every seat class and the uncovered seats in red; a click on a seat is its
 * seat-clicked signal; the arrow keys move from seat to seat across the grid. The day
 * headings may go to a header grid of their own, outside the scrolled area, whose
 * columns keep the widths of the grid's (a size group per column) */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-date.h"
#include "roster-duty-marks.h"
#include "roster-explanation.h"
#include "roster-week-grid.h"

struct _RosterWeekGrid {
	GtkGrid parent_instance;
	/* the seat (or its cell) the explanation list chose, or NULL */
	GtkWidget *selected;
	/* (nullable): where the day headings go, else the grid's first row */
	GtkGrid *header;
	/* a column of the header and the same column of the grid request one width */
	GtkSizeGroup *columns[8];
};

G_DEFINE_FINAL_TYPE(RosterWeekGrid, roster_week_grid, GTK_TYPE_GRID)

enum { SIGNAL_SEAT_CLICKED, N_SIGNALS };

static guint signals[N_SIGNALS];

/**
 * roster_grid_clear:
 * @grid: a week or month grid
 *
 * Removes every child, the seats' popovers first.
 *
 * Since: 0.1
 */
void
roster_grid_clear(GtkGrid *grid)
{
	GtkWidget *child;

	roster_seat_drop_popovers(GTK_WIDGET(grid));
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(grid))) != NULL)
		gtk_grid_remove(grid, child);
}

static void
seat_clicked_cb(RosterSeat *seat, RosterWeekGrid *self)
{
	g_signal_emit(self, signals[SIGNAL_SEAT_CLICKED], 0, seat);
}

/**
 * roster_grid_data_count_gaps:
 * @data: the roster shown
 * @date: the day
 * @slot: (nullable): the slot, or %NULL for the whole day
 * @cell: (nullable): a week grid's cell to add an empty seat to for each gap
 *
 * Counts the uncovered seats of a day or a slot, from the explanation list.
 *
 * Returns: the number of seats nobody fills
 *
 * Since: 0.1
 */
guint
roster_grid_data_count_gaps(const RosterGridData *data,
			    const gchar *date,
			    const gchar *slot,
			    GtkBox *cell)
{
	guint n_gaps = 0;

	for (guint i = 0; i < g_list_model_get_n_items(data->explanations); i++) {
		g_autoptr(RosterExplanation) gap = g_list_model_get_item(data->explanations, i);
		gint64 class_id = roster_explanation_get_seat_class_id(gap);
		guint missing = roster_explanation_get_n_missing(gap);
		RosterCell seat;

		if (missing == 0 || g_strcmp0(roster_explanation_get_date(gap), date) != 0 ||
		    (slot != NULL && g_strcmp0(roster_explanation_get_slot(gap), slot) != 0))
			continue;
		n_gaps += missing;
		roster_cell_init(&seat, date, slot, class_id);
		for (guint k = 0; cell != NULL && k < missing; k++) {
			RosterSeat *chip = roster_seat_new_gap(
			    &seat,
			    roster_item_list_find_by_id(data->seat_classes, class_id),
			    roster_explanation_get_detail(gap));
			g_signal_connect_object(
			    chip,
			    "clicked",
			    G_CALLBACK(seat_clicked_cb),
			    gtk_widget_get_ancestor(GTK_WIDGET(cell), ROSTER_TYPE_WEEK_GRID),
			    0);
			gtk_box_append(cell, GTK_WIDGET(chip));
		}
	}
	return n_gaps;
}

/**
 * roster_grid_data_dup_day_mark:
 * @data: the roster shown
 * @date: the day
 * @css_class: (out) (optional) (nullable): the style of the mark, `day-holiday` or
 *   `day-makeup`
 *
 * What the imported holiday calendar makes of a day, from the explanation list: a
 * holiday (with its name) or a make-up working day (调休).
 *
 * Returns: (transfer full) (nullable): the mark in the user's language, or %NULL for
 *   an ordinary day
 *
 * Since: 0.3
 */
gchar *
roster_grid_data_dup_day_mark(const RosterGridData *data,
			      const gchar *date,
			      const gchar **css_class)
{
	for (guint i = 0; i < g_list_model_get_n_items(data->explanations); i++) {
		g_autoptr(RosterExplanation) item = g_list_model_get_item(data->explanations, i);
		JsonObject *object = roster_explanation_get_object(item);
		const gchar *code =
		    json_object_get_string_member_with_default(object, "code", NULL);
		const gchar *name = json_object_get_string_member_with_default(object, "name", "");
		gboolean holiday = g_strcmp0(code, "holiday") == 0;

		if ((!holiday && g_strcmp0(code, "makeup-working-day") != 0) ||
		    g_strcmp0(roster_explanation_get_date(item), date) != 0)
			continue;
		if (css_class != NULL)
			*css_class = holiday ? "day-holiday" : "day-makeup";
		if (holiday)
			/* TRANSLATORS: a day of the holiday calendar; %s is the holiday's name */
			return g_strdup_printf(_("%s · holiday"), name);
		/* TRANSLATORS: a weekend day worked as a weekday (调休); %s is the holiday's
		 * name */
		return g_strdup_printf(_("%s · make-up working day"), name);
	}
	if (css_class != NULL)
		*css_class = NULL;
	return NULL;
}

/* marks the seat the explanation list chose, and its assignment's chip if it has one */
static void
mark_selected(RosterWeekGrid *self, GtkWidget *cell, gint64 selected_assignment)
{
	gtk_widget_add_css_class(cell, "selected-cell");
	self->selected = cell;
	for (GtkWidget *chip = gtk_widget_get_first_child(cell); chip != NULL;
	     chip = gtk_widget_get_next_sibling(chip)) {
		if (selected_assignment > 0 && ROSTER_IS_SEAT(chip) &&
		    roster_seat_get_assignment_id(ROSTER_SEAT(chip)) == selected_assignment) {
			gtk_widget_add_css_class(chip, "selected-seat");
			self->selected = chip;
		}
	}
}

/* @widget in column @column of the header or the grid, its width that of the column */
static void
attach(RosterWeekGrid *self, GtkGrid *grid, GtkWidget *widget, guint column, guint row)
{
	gtk_grid_attach(grid, widget, (gint)column, (gint)row, 1, 1);
	if (self->header != NULL)
		gtk_size_group_add_widget(self->columns[column], widget);
}

static void
attach_heading(RosterWeekGrid *self, const RosterGridData *data, const GDate *week_start)
{
	GtkGrid *grid = self->header != NULL ? self->header : GTK_GRID(self);

	/* the corner above the slot times */
	attach(self, grid, gtk_box_new(GTK_ORIENTATION_VERTICAL, 0), 0, 0);
	for (guint d = 0; d < 7; d++) {
		GDate date = *week_start;
		g_autofree gchar *text = NULL;
		g_autofree gchar *date_text = NULL;
		g_autofree gchar *mark = NULL;
		const gchar *css_class = NULL;
		GtkWidget *heading = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);

		g_date_add_days(&date, d);
		text = roster_date_format_day(&date);
		date_text = roster_date_to_string(&date);
		gtk_box_append(GTK_BOX(heading), roster_seat_new_label(text, "heading"));
		/* a holiday or make-up working day of the imported calendar */
		mark = roster_grid_data_dup_day_mark(data, date_text, &css_class);
		if (mark != NULL) {
			gtk_box_append(GTK_BOX(heading), roster_seat_new_label(mark, css_class));
			gtk_widget_add_css_class(heading, css_class);
		}
		roster_duty_marks_add(GTK_BOX(heading), data->duty_blocks, date_text);
		/* the header's columns stretch as the grid's do */
		gtk_widget_set_hexpand(heading, TRUE);
		attach(self, grid, heading, d + 1, 0);
	}
}

static GtkWidget *
new_cell(RosterWeekGrid *self, const RosterGridData *data, const gchar *date, const gchar *slot)
{
	GtkWidget *cell = gtk_box_new(GTK_ORIENTATION_VERTICAL, 2);

	gtk_widget_add_css_class(cell, "roster-cell");
	gtk_widget_set_hexpand(cell, TRUE);
	gtk_widget_set_size_request(cell, 150, -1);
	for (guint i = 0; i < roster_roster_get_n_assignments(data->roster); i++) {
		const RosterAssignment *a = roster_roster_get_assignment(data->roster, i);
		RosterSeat *seat;

		if (g_strcmp0(a->cell.date, date) != 0 || g_strcmp0(a->cell.slot, slot) != 0)
			continue;
		seat = roster_seat_new_assignment(
		    a,
		    roster_item_list_find_by_id(data->volunteers, a->volunteer_id),
		    roster_item_list_find_by_id(data->seat_classes, a->cell.seat_class_id));
		g_signal_connect_object(seat, "clicked", G_CALLBACK(seat_clicked_cb), self, 0);
		gtk_box_append(GTK_BOX(cell), GTK_WIDGET(seat));
	}
	return cell;
}

/**
 * roster_week_grid_show:
 * @self: a #RosterWeekGrid
 * @data: the roster shown
 * @week_start: the Monday of the week
 * @selected_date: (nullable): the day of a seat to mark
 * @selected_slot: (nullable): its slot
 * @selected_assignment: an assignment in that seat to mark, or 0
 *
 * Builds the week: a column per day, a row per slot of the service calendar.
 *
 * Since: 0.1
 */
void
roster_week_grid_show(RosterWeekGrid *self,
		      const RosterGridData *data,
		      const GDate *week_start,
		      const gchar *selected_date,
		      const gchar *selected_slot,
		      gint64 selected_assignment)
{
	guint minutes = roster_calendar_get_slot_minutes(data->calendar);
	guint first = roster_calendar_get_first_slot_start(data->calendar);
	guint n_slots = 1440 / minutes;

	g_return_if_fail(ROSTER_IS_WEEK_GRID(self));
	self->selected = NULL;
	roster_grid_clear(GTK_GRID(self));
	if (self->header != NULL)
		roster_grid_clear(self->header);
	attach_heading(self, data, week_start);
	for (guint k = 0; k < n_slots; k++) {
		guint start = (first + k * minutes) % 1440;
		guint end = (start + minutes) % 1440;
		g_autofree gchar *slot = g_strdup_printf("%02u:%02u", start / 60, start % 60);
		g_autofree gchar *slot_label =
		    g_strdup_printf("%s–%02u:%02u", slot, end / 60, end % 60);
		GtkWidget *label = roster_seat_new_label(slot_label, "slot-label");

		/* a narrow grid (the explanation panel open) must not break the times */
		gtk_label_set_wrap(GTK_LABEL(label), FALSE);
		gtk_widget_set_valign(label, GTK_ALIGN_START);
		attach(self, GTK_GRID(self), label, 0, k + 1);
		for (guint d = 0; d < 7; d++) {
			GDate date = *week_start;
			g_autofree gchar *date_text = NULL;
			GtkWidget *cell;

			g_date_add_days(&date, d);
			date_text = roster_date_to_string(&date);
			cell = new_cell(self, data, date_text, slot);
			attach(self, GTK_GRID(self), cell, d + 1, k + 1);
			roster_grid_data_count_gaps(data, date_text, slot, GTK_BOX(cell));
			if (g_strcmp0(date_text, selected_date) == 0 &&
			    g_strcmp0(slot, selected_slot) == 0)
				mark_selected(self, cell, selected_assignment);
			if (!roster_roster_contains_date(data->roster, date_text))
				gtk_widget_add_css_class(cell, "outside-period");
		}
	}
}

/**
 * roster_week_grid_set_header:
 * @self: a #RosterWeekGrid
 * @header: (nullable): a grid outside the scrolled area, for the day headings
 *
 * Puts the day headings in @header from the next roster_week_grid_show() on, column
 * for column above the grid's, so that they stay in view when the grid scrolls down.
 * @header should have the grid's column spacing and side margins.
 *
 * Since: 0.5
 */
void
roster_week_grid_set_header(RosterWeekGrid *self, GtkGrid *header)
{
	g_return_if_fail(ROSTER_IS_WEEK_GRID(self));
	g_return_if_fail(header == NULL || GTK_IS_GRID(header));
	g_set_weak_pointer(&self->header, header);
}

/* the header the day headings go to, or NULL for the grid's first row */
GtkGrid *
roster_week_grid_get_header(RosterWeekGrid *self)
{
	g_return_val_if_fail(ROSTER_IS_WEEK_GRID(self), NULL);
	return self->header;
}

/* the marked seat or cell, to scroll into view, or NULL */
GtkWidget *
roster_week_grid_get_selected(RosterWeekGrid *self)
{
	g_return_val_if_fail(ROSTER_IS_WEEK_GRID(self), NULL);
	return self->selected;
}

/* the @index-th seat of a cell (the last one if it has fewer), or NULL for none */
static GtkWidget *
cell_seat(GtkWidget *cell, gint index)
{
	GtkWidget *found = NULL;

	for (GtkWidget *child = cell != NULL ? gtk_widget_get_first_child(cell) : NULL;
	     child != NULL;
	     child = gtk_widget_get_next_sibling(child)) {
		if (!ROSTER_IS_SEAT(child))
			continue;
		found = child;
		if (index-- <= 0)
			break;
	}
	return found;
}

/**
 * roster_week_grid_move_focus:
 * @self: a #RosterWeekGrid
 * @direction: %GTK_DIR_UP, %GTK_DIR_DOWN, %GTK_DIR_LEFT or %GTK_DIR_RIGHT
 *
 * Moves the keyboard focus from the seat that has it to the next seat that way: up
 * and down through a cell's seats and on to the slot above or below, left and right
 * to the seat at the same place of the day before or after; cells without a seat are
 * passed over.
 *
 * Returns: %TRUE when the focus moved
 *
 * Since: 0.4
 */
gboolean
roster_week_grid_move_focus(RosterWeekGrid *self, GtkDirectionType direction)
{
	GtkRoot *root = gtk_widget_get_root(GTK_WIDGET(self));
	GtkWidget *seat = root != NULL ? gtk_root_get_focus(root) : NULL;
	GtkWidget *cell;
	GtkWidget *target = NULL;
	gint index = 0;
	gint column = 0;
	gint row = 0;
	gint step_column = direction == GTK_DIR_LEFT ? -1 : direction == GTK_DIR_RIGHT ? 1 : 0;
	gint step_row = direction == GTK_DIR_UP ? -1 : direction == GTK_DIR_DOWN ? 1 : 0;

	g_return_val_if_fail(ROSTER_IS_WEEK_GRID(self), FALSE);
	if (seat == NULL || !ROSTER_IS_SEAT(seat))
		return FALSE;
	cell = gtk_widget_get_parent(seat);
	if (cell == NULL || gtk_widget_get_parent(cell) != GTK_WIDGET(self))
		return FALSE;
	for (GtkWidget *child = gtk_widget_get_prev_sibling(seat); child != NULL;
	     child = gtk_widget_get_prev_sibling(child))
		index++;
	/* up and down stay in the cell while it has seats that way */
	if (step_row < 0 && index > 0)
		target = cell_seat(cell, index - 1);
	else if (step_row > 0 && gtk_widget_get_next_sibling(seat) != NULL)
		target = gtk_widget_get_next_sibling(seat);
	gtk_grid_query_child(GTK_GRID(self), cell, &column, &row, NULL, NULL);
	while (target == NULL && (step_row != 0 || step_column != 0)) {
		GtkWidget *next;

		column += step_column;
		row += step_row;
		/* row 0 and column 0 hold the headings */
		if (column < 1 || column > 7 || row < 1)
			break;
		next = gtk_grid_get_child_at(GTK_GRID(self), column, row);
		if (next == NULL)
			break;
		target = cell_seat(next, step_row < 0 ? G_MAXINT : step_row > 0 ? 0 : index);
	}
	return target != NULL && gtk_widget_grab_focus(target);
}

static gboolean
key_pressed_cb(GtkEventControllerKey *controller,
	       guint keyval,
	       guint keycode,
	       GdkModifierType state,
	       RosterWeekGrid *self)
{
	if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
		return FALSE;
	switch (keyval) {
	case GDK_KEY_Up:
	case GDK_KEY_KP_Up:
		return roster_week_grid_move_focus(self, GTK_DIR_UP);
	case GDK_KEY_Down:
	case GDK_KEY_KP_Down:
		return roster_week_grid_move_focus(self, GTK_DIR_DOWN);
	case GDK_KEY_Left:
	case GDK_KEY_KP_Left:
		return roster_week_grid_move_focus(self, GTK_DIR_LEFT);
	case GDK_KEY_Right:
	case GDK_KEY_KP_Right:
		return roster_week_grid_move_focus(self, GTK_DIR_RIGHT);
	default:
		return FALSE;
	}
}

static void
roster_week_grid_dispose(GObject *object)
{
	RosterWeekGrid *self = ROSTER_WEEK_GRID(object);

	roster_grid_clear(GTK_GRID(object));
	g_clear_weak_pointer(&self->header);
	for (guint i = 0; i < G_N_ELEMENTS(self->columns); i++)
		g_clear_object(&self->columns[i]);
	G_OBJECT_CLASS(roster_week_grid_parent_class)->dispose(object);
}

static void
roster_week_grid_class_init(RosterWeekGridClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->dispose = roster_week_grid_dispose;
	/**
	 * RosterWeekGrid::seat-clicked:
	 * @self: the grid
	 * @seat: the #RosterSeat clicked
	 */
	signals[SIGNAL_SEAT_CLICKED] = g_signal_new("seat-clicked",
						    G_TYPE_FROM_CLASS(klass),
						    G_SIGNAL_RUN_LAST,
						    0,
						    NULL,
						    NULL,
						    NULL,
						    G_TYPE_NONE,
						    1,
						    ROSTER_TYPE_SEAT);
}

static void
roster_week_grid_init(RosterWeekGrid *self)
{
	GtkEventController *keys = gtk_event_controller_key_new();

	gtk_widget_add_css_class(GTK_WIDGET(self), "week-grid");
	for (guint i = 0; i < G_N_ELEMENTS(self->columns); i++)
		self->columns[i] = gtk_size_group_new(GTK_SIZE_GROUP_HORIZONTAL);
	g_signal_connect(keys, "key-pressed", G_CALLBACK(key_pressed_cb), self);
	gtk_widget_add_controller(GTK_WIDGET(self), keys);
}
