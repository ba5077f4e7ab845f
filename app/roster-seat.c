/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterSeat: one seat of the roster grid, filled or empty, and its popover; the
 * popover's buttons name the roster page's actions (roster.unassign, roster.pin,
 * roster.move, roster.assign), so the seat knows nothing of the page; a filled seat can
 * be dragged onto another seat, which asks the page for the same move or swap
 * (roster.drop-seat) */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-rosters.h"
#include "roster-code-labels.h"
#include "roster-date.h"
#include "roster-seat.h"

struct _RosterSeat {
	GtkButton parent_instance;
	RosterCell cell;
	gint64 assignment_id;
	gint64 volunteer_id;
	gboolean pinned;
	gchar *seat_class_title;
	gchar *seat_class_code;
};

G_DEFINE_FINAL_TYPE(RosterSeat, roster_seat, GTK_TYPE_BUTTON)

/**
 * roster_seat_new_label:
 * @text: the text
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping label aligned to the start, as the grids and
 *   the seat popover use
 *
 * Since: 0.1
 */
GtkWidget *
roster_seat_new_label(const gchar *text, const gchar *css_class)
{
	GtkWidget *label = gtk_label_new(text);

	gtk_label_set_wrap(GTK_LABEL(label), TRUE);
	gtk_label_set_xalign(GTK_LABEL(label), 0);
	if (css_class != NULL)
		gtk_widget_add_css_class(label, css_class);
	return label;
}

/**
 * roster_seat_drop_popovers:
 * @widget: a grid or any widget holding seats
 *
 * Unparents the popovers of the seats under @widget: a seat's popover is its child, and
 * must leave before the seat does.
 *
 * Since: 0.1
 */
void
roster_seat_drop_popovers(GtkWidget *widget)
{
	GtkWidget *child = gtk_widget_get_first_child(widget);

	while (child != NULL) {
		GtkWidget *next = gtk_widget_get_next_sibling(child);
		if (GTK_IS_POPOVER(child))
			gtk_widget_unparent(child);
		else
			roster_seat_drop_popovers(child);
		child = next;
	}
}

static void
roster_seat_dispose(GObject *object)
{
	roster_seat_drop_popovers(GTK_WIDGET(object));
	G_OBJECT_CLASS(roster_seat_parent_class)->dispose(object);
}

static void
roster_seat_finalize(GObject *object)
{
	RosterSeat *self = ROSTER_SEAT(object);

	g_free(self->seat_class_title);
	g_free(self->seat_class_code);
	G_OBJECT_CLASS(roster_seat_parent_class)->finalize(object);
}

static void
roster_seat_class_init(RosterSeatClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->dispose = roster_seat_dispose;
	object_class->finalize = roster_seat_finalize;
}

static void
roster_seat_init(RosterSeat *self)
{
	gtk_widget_add_css_class(GTK_WIDGET(self), "seat-chip");
}

static GdkContentProvider *
drag_prepare_cb(GtkDragSource *source, gdouble x, gdouble y, RosterSeat *self)
{
	return gdk_content_provider_new_typed(G_TYPE_INT64, self->assignment_id);
}

/* a volunteer dragged here: the page moves them to this seat (empty) or swaps the two
 * (taken), through the same edit and rule checks as Move… */
static gboolean
drop_cb(GtkDropTarget *target, const GValue *value, gdouble x, gdouble y, RosterSeat *self)
{
	gint64 dragged = g_value_get_int64(value);

	if (dragged <= 0 || dragged == self->assignment_id)
		return FALSE;
	return gtk_widget_activate_action(GTK_WIDGET(self),
					  "roster.drop-seat",
					  "(xssxx)",
					  dragged,
					  self->cell.date,
					  self->cell.slot,
					  self->cell.seat_class_id,
					  self->assignment_id);
}

static RosterSeat *
seat_new(const RosterCell *cell, RosterItem *seat_class, const gchar *text)
{
	RosterSeat *self = g_object_new(ROSTER_TYPE_SEAT, NULL);
	GtkWidget *label = gtk_label_new(text);
	g_autofree gchar *css_class =
	    g_strdup_printf("seat-class-%" G_GINT64_FORMAT, cell->seat_class_id);
	GtkDropTarget *target;

	self->cell = *cell;
	if (seat_class != NULL) {
		self->seat_class_title = g_strdup(roster_item_get_title(seat_class));
		self->seat_class_code = g_strdup(roster_item_get_code(seat_class));
	}
	gtk_label_set_ellipsize(GTK_LABEL(label), PANGO_ELLIPSIZE_END);
	gtk_label_set_xalign(GTK_LABEL(label), 0);
	gtk_button_set_child(GTK_BUTTON(self), label);
	gtk_widget_add_css_class(GTK_WIDGET(self), css_class);
	target = gtk_drop_target_new(G_TYPE_INT64, GDK_ACTION_MOVE);
	g_signal_connect(target, "drop", G_CALLBACK(drop_cb), self);
	gtk_widget_add_controller(GTK_WIDGET(self), GTK_EVENT_CONTROLLER(target));
	return self;
}

/**
 * roster_seat_new_assignment:
 * @assignment: a filled seat
 * @volunteer: (nullable): who sits there
 * @seat_class: (nullable): the seat's class
 *
 * Returns: (transfer floating): a seat showing the volunteer's name and tier, with the
 *   tier as a style class (`tier-trainee`, `tier-counsellor` …) and `pinned`
 *
 * Since: 0.1
 */
RosterSeat *
roster_seat_new_assignment(const RosterAssignment *assignment,
			   RosterItem *volunteer,
			   RosterItem *seat_class)
{
	const gchar *tier = volunteer != NULL ? roster_item_get_tier(volunteer) : NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *tooltip = NULL;
	GtkDragSource *source;
	RosterSeat *self;

	/* ✓: the volunteer confirmed the published shift (page or reminder link) */
	text = g_strdup_printf("%s%s%s · %s",
			       assignment->confirmed ? "✓ " : "",
			       assignment->pinned ? "📌 " : "",
			       volunteer != NULL ? roster_item_get_title(volunteer) : "?",
			       roster_tier_to_label(tier));
	self = seat_new(&assignment->cell, seat_class, text);
	self->assignment_id = assignment->id;
	self->volunteer_id = assignment->volunteer_id;
	self->pinned = assignment->pinned;
	gtk_widget_add_css_class(GTK_WIDGET(self), "seat-filled");
	/* tier-trainee, tier-counsellor …: for the style sheet and the UI test */
	if (tier != NULL) {
		g_autofree gchar *tier_class = g_strdup_printf("tier-%s", tier);
		gtk_widget_add_css_class(GTK_WIDGET(self), tier_class);
	}
	if (assignment->pinned)
		gtk_widget_add_css_class(GTK_WIDGET(self), "pinned");
	if (assignment->confirmed)
		gtk_widget_add_css_class(GTK_WIDGET(self), "seat-confirmed");
	source = gtk_drag_source_new();
	gtk_drag_source_set_actions(source, GDK_ACTION_MOVE);
	g_signal_connect(source, "prepare", G_CALLBACK(drag_prepare_cb), self);
	gtk_widget_add_controller(GTK_WIDGET(self), GTK_EVENT_CONTROLLER(source));
	/* TRANSLATORS: the tooltip of a filled seat: seat class, then "pinned" or nothing,
	 * then "confirmed" or nothing */
	tooltip = g_strdup_printf(_("%s%s%s"),
				  seat_class != NULL ? roster_item_get_title(seat_class) : "",
				  assignment->pinned ? _(" · pinned, the solver keeps it") : "",
				  assignment->confirmed ? _(" · confirmed by the volunteer") : "");
	gtk_widget_set_tooltip_text(GTK_WIDGET(self), tooltip);
	return self;
}

/**
 * roster_seat_new_gap:
 * @cell: the seat nobody fills
 * @seat_class: (nullable): its class
 * @reason: (nullable): why it is empty
 *
 * Returns: (transfer floating): an empty seat, styled `seat-empty`, with the reason on
 *   hover
 *
 * Since: 0.1
 */
RosterSeat *
roster_seat_new_gap(const RosterCell *cell, RosterItem *seat_class, const gchar *reason)
{
	g_autofree gchar *text = NULL;
	RosterSeat *self;

	/* TRANSLATORS: an uncovered seat in the grid; %s is the seat class */
	text = g_strdup_printf(_("Empty · %s"),
			       seat_class != NULL ? roster_item_get_title(seat_class) : "");
	self = seat_new(cell, seat_class, text);
	gtk_widget_add_css_class(GTK_WIDGET(self), "seat-empty");
	gtk_widget_set_tooltip_text(GTK_WIDGET(self), reason);
	return self;
}

const RosterCell *
roster_seat_get_cell(RosterSeat *self)
{
	g_return_val_if_fail(ROSTER_IS_SEAT(self), NULL);
	return &self->cell;
}

/* the assignment of a filled seat, or 0 for an empty one */
gint64
roster_seat_get_assignment_id(RosterSeat *self)
{
	g_return_val_if_fail(ROSTER_IS_SEAT(self), 0);
	return self->assignment_id;
}

static void
popdown_cb(GtkWidget *button)
{
	GtkWidget *popover = gtk_widget_get_ancestor(button, GTK_TYPE_POPOVER);
	if (popover != NULL)
		gtk_popover_popdown(GTK_POPOVER(popover));
}

static GtkWidget *
new_action_button(const gchar *mnemonic,
		  const gchar *css_class,
		  const gchar *action_name,
		  GVariant *target)
{
	GtkWidget *button = mnemonic != NULL ? gtk_button_new_with_mnemonic(mnemonic)
					     : gtk_button_new();

	if (css_class != NULL)
		gtk_widget_add_css_class(button, css_class);
	gtk_actionable_set_action_name(GTK_ACTIONABLE(button), action_name);
	gtk_actionable_set_action_target_value(GTK_ACTIONABLE(button), target);
	g_signal_connect(button, "clicked", G_CALLBACK(popdown_cb), NULL);
	return button;
}

typedef struct {
	RosterSeat *self;
	GtkBox *box;
} SuggestData;

static void
suggest_data_free(SuggestData *data)
{
	g_object_unref(data->self);
	g_object_unref(data->box);
	g_free(data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(SuggestData, suggest_data_free)

static void
suggestions_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(SuggestData) data = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) suggestions = NULL;
	const RosterCell *cell = &data->self->cell;
	GtkWidget *child;

	suggestions = roster_client_list_suggestions_finish(ROSTER_CLIENT(source), result, &error);
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(data->box))) != NULL)
		gtk_box_remove(data->box, child);
	if (suggestions == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			gtk_box_append(data->box, roster_seat_new_label(error->message, "error"));
		return;
	}
	if (suggestions->len == 0)
		gtk_box_append(data->box,
			       roster_seat_new_label(_("Nobody can take this seat"), "dim-label"));
	for (guint i = 0; i < suggestions->len && i < 8; i++) {
		RosterSuggestion *suggestion = g_ptr_array_index(suggestions, i);
		g_autofree gchar *text = NULL;
		GtkWidget *button;

		/* TRANSLATORS: a suggested volunteer: name and tier */
		text = g_strdup_printf(_("%s (%s)"),
				       suggestion->name,
				       roster_tier_to_label(suggestion->tier));
		button = new_action_button(NULL,
					   "suggestion",
					   "roster.assign",
					   g_variant_new("(ssxx)",
							 cell->date,
							 cell->slot,
							 cell->seat_class_id,
							 suggestion->volunteer_id));
		gtk_button_set_label(GTK_BUTTON(button), text);
		gtk_button_set_use_underline(GTK_BUTTON(button), FALSE);
		gtk_widget_add_css_class(button, "flat");
		if (suggestion->warning != NULL) {
			gtk_widget_add_css_class(button, "warning");
			gtk_widget_set_tooltip_text(button,
						    roster_rule_to_label(suggestion->warning));
		}
		gtk_box_append(data->box, button);
	}
}

static gchar *
dup_heading(RosterSeat *self)
{
	GDate date;
	g_autofree gchar *day = NULL;

	if (!roster_date_parse(self->cell.date, &date, NULL))
		return g_strdup(self->cell.date);
	day = roster_date_format_day(&date);
	return g_strdup_printf("%s %s · %s",
			       day,
			       self->cell.slot,
			       self->seat_class_title != NULL ? self->seat_class_title : "");
}

static gboolean
unparent_idle_cb(gpointer user_data)
{
	g_autoptr(GtkWidget) popover = GTK_WIDGET(user_data);

	if (gtk_widget_get_parent(popover) != NULL)
		gtk_widget_unparent(popover);
	return G_SOURCE_REMOVE;
}

/* the popover may not go away inside its own popdown */
static void
popover_closed_cb(GtkPopover *popover, gpointer user_data)
{
	g_idle_add(unparent_idle_cb, g_object_ref(popover));
}

/* the popover's buttons; returns Move…, which takes the keyboard focus, so that Enter
 * on a seat and Enter again starts a move */
static GtkWidget *
append_filled_actions(RosterSeat *self, GtkBox *box)
{
	GtkWidget *actions = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
	GtkWidget *move;

	move = new_action_button(_("_Move…"),
				 "move",
				 "roster.move",
				 g_variant_new_int64(self->assignment_id));
	gtk_widget_set_tooltip_text(
	    move,
	    _("Move this shift to another seat, or swap it with another volunteer's"));
	gtk_box_append(GTK_BOX(actions), move);
	gtk_box_append(GTK_BOX(actions),
		       new_action_button(self->pinned ? _("Un_pin") : _("_Pin"),
					 "pin",
					 "roster.pin",
					 g_variant_new_int64(self->assignment_id)));
	gtk_box_append(GTK_BOX(actions),
		       new_action_button(_("_Unassign"),
					 "unassign",
					 "roster.unassign",
					 g_variant_new_int64(self->assignment_id)));
	gtk_widget_add_css_class(gtk_widget_get_last_child(actions), "destructive-action");
	gtk_box_append(box, actions);
	gtk_box_append(box,
		       new_action_button(_("Their _Month…"),
					 "show-person",
					 "roster.show-person",
					 g_variant_new_int64(self->volunteer_id)));
	gtk_widget_add_css_class(gtk_widget_get_last_child(GTK_WIDGET(box)), "flat");
	return move;
}

/**
 * roster_seat_popup:
 * @self: a #RosterSeat
 * @client: the client, to ask who could take an empty seat
 * @roster_id: the roster the seat belongs to
 * @cancellable: (nullable): a #GCancellable
 *
 * Shows the seat's popover: Move, Pin and Unassign for a filled seat; the reason and
 * the suggested volunteers for an empty one.
 *
 * Since: 0.1
 */
void
roster_seat_popup(RosterSeat *self,
		  RosterClient *client,
		  gint64 roster_id,
		  GCancellable *cancellable)
{
	g_autofree gchar *heading = NULL;
	GtkWidget *popover;
	GtkWidget *box;
	GtkWidget *suggestions;
	GtkWidget *focus = NULL;
	SuggestData *data;

	g_return_if_fail(ROSTER_IS_SEAT(self));
	g_return_if_fail(ROSTER_IS_CLIENT(client));

	heading = dup_heading(self);
	popover = gtk_popover_new();
	box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6);
	gtk_widget_set_parent(popover, GTK_WIDGET(self));
	g_signal_connect(popover, "closed", G_CALLBACK(popover_closed_cb), NULL);
	gtk_popover_set_child(GTK_POPOVER(popover), box);
	gtk_box_append(GTK_BOX(box), roster_seat_new_label(heading, "heading"));
	if (self->assignment_id > 0) {
		focus = append_filled_actions(self, GTK_BOX(box));
	} else {
		const gchar *tooltip = gtk_widget_get_tooltip_text(GTK_WIDGET(self));
		if (tooltip != NULL)
			gtk_box_append(GTK_BOX(box), roster_seat_new_label(tooltip, "dim-label"));
		gtk_box_append(GTK_BOX(box),
			       roster_seat_new_label(_("Suggested volunteers"), "caption-heading"));
		suggestions = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
		gtk_box_append(GTK_BOX(suggestions),
			       roster_seat_new_label(_("Loading…"), "dim-label"));
		gtk_box_append(GTK_BOX(box), suggestions);
		data = g_new0(SuggestData, 1);
		data->self = g_object_ref(self);
		data->box = GTK_BOX(g_object_ref(suggestions));
		roster_client_list_suggestions_async(client,
						     roster_id,
						     &self->cell,
						     self->seat_class_code,
						     cancellable,
						     suggestions_cb,
						     data);
	}
	gtk_popover_popup(GTK_POPOVER(popover));
	if (focus != NULL)
		gtk_widget_grab_focus(focus);
}
