/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster page's manual edits: the actions a seat's popover names (roster.assign,
 * roster.unassign, roster.pin, roster.move), moving and swapping seats, the "assign
 * anyway?" question when an edit breaks a hard rule, a seat dragged onto another
 * (roster.drop-seat), and the undo of the last edits (roster.undo, Ctrl+Z) */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "roster-client-duty.h"
#include "roster-client-rosters.h"
#include "roster-duty-marks.h"
#include "roster-edit-undo.h"
#include "roster-roster-page-private.h"

/* the edits that can be undone, the oldest dropped first */
#define MAX_UNDO 20

/* a manual edit of the roster, kept so that it can be sent again with the override */
typedef struct {
	RosterRosterPage *self;
	RosterEdit edit;
	/* what undoes the edit once taken; an undo itself is not undone */
	RosterUndo undo;
	gboolean undoable;
	/* a dialog may answer twice: the response, then "cancel" as it closes */
	gboolean answered;
} EditRequest;

static void
edit_request_free(EditRequest *request)
{
	g_object_unref(request->self);
	g_free(request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(EditRequest, edit_request_free)

static void
send_edit(RosterRosterPage *self, const RosterEdit *edit, gboolean undoable);

static void
override_response_cb(AdwMessageDialog *dialog, const gchar *response, gpointer user_data)
{
	EditRequest *request = user_data;
	RosterRosterPage *self = request->self;
	RosterEdit edit = request->edit;

	if (self->override_dialog == dialog)
		self->override_dialog = NULL;
	if (request->answered)
		return;
	request->answered = TRUE;
	if (g_strcmp0(response, "override") != 0 ||
	    roster_page_get_client(ROSTER_PAGE(self)) == NULL)
		return;
	/* the same edit, now accepted against the rule and audited as an override */
	edit.override = TRUE;
	send_edit(self, &edit, request->undoable);
}

static void
ask_override(RosterRosterPage *self, EditRequest *request, const gchar *message)
{
	GtkWidget *dialog;
	g_autofree gchar *body = NULL;

	/* TRANSLATORS: %s says which hard rule the change breaks */
	body = g_strdup_printf(_("%s\n\nMake the change anyway? The override is recorded in the "
				 "audit log with your name."),
			       message);
	dialog = adw_message_dialog_new(GTK_WINDOW(gtk_widget_get_root(GTK_WIDGET(self))),
					_("This Breaks a Hard Rule"),
					body);
	adw_message_dialog_add_responses(ADW_MESSAGE_DIALOG(dialog),
					 "cancel",
					 _("_Cancel"),
					 "override",
					 _("_Assign Anyway"),
					 NULL);
	adw_message_dialog_set_response_appearance(ADW_MESSAGE_DIALOG(dialog),
						   "override",
						   ADW_RESPONSE_DESTRUCTIVE);
	adw_message_dialog_set_default_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
	adw_message_dialog_set_close_response(ADW_MESSAGE_DIALOG(dialog), "cancel");
	gtk_widget_add_css_class(dialog, "override-dialog");
	/* the dialog owns the request until it goes */
	g_object_set_data_full(G_OBJECT(dialog),
			       "edit-request",
			       request,
			       (GDestroyNotify)edit_request_free);
	g_signal_connect(dialog, "response", G_CALLBACK(override_response_cb), request);
	self->override_dialog = ADW_MESSAGE_DIALOG(dialog);
	gtk_window_present(GTK_WINDOW(dialog));
}

/* a refusal names the volunteer the edit was about: "王芳：…" */
static gchar *
dup_refusal(RosterRosterPage *self, const RosterEdit *edit, const gchar *message)
{
	gint64 volunteer_id = edit->volunteer_id;
	RosterItem *volunteer = NULL;

	if (volunteer_id <= 0 && edit->assignment_id > 0 && self->roster != NULL) {
		const RosterAssignment *assignment =
		    roster_roster_find_assignment(self->roster, edit->assignment_id);
		if (assignment != NULL)
			volunteer_id = assignment->volunteer_id;
	}
	if (volunteer_id > 0)
		volunteer = roster_item_list_find_by_id(self->volunteers, volunteer_id);
	if (volunteer == NULL)
		return g_strdup(message);
	/* TRANSLATORS: a refused roster edit: the volunteer's name, then why */
	return g_strdup_printf(_("%s: %s"), roster_item_get_title(volunteer), message);
}

static void
edit_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(EditRequest) request = user_data;
	RosterRosterPage *self = request->self;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *refusal = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_client_edit_finish(ROSTER_CLIENT(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		/* a broken hard rule may be accepted on purpose, once, and only when the
		 * daemon would accept the override */
		refusal = dup_refusal(self, &request->edit, error->message);
		if (roster_client_call_get_overridable(ROSTER_CLIENT(source), result) &&
		    !request->edit.override) {
			ask_override(self, g_steal_pointer(&request), refusal);
			return;
		}
		roster_page_show_toast(ROSTER_PAGE(self), refusal);
	} else if (request->undoable) {
		if (self->undo_stack->len == MAX_UNDO)
			g_array_remove_index(self->undo_stack, 0);
		g_array_append_val(self->undo_stack, request->undo);
		roster_roster_page_update_undo(self);
	}
	roster_roster_page_load_roster(self);
}

/* sends a manual edit; a 422 for a hard rule offers to send it again as an override */
static void
send_edit(RosterRosterPage *self, const RosterEdit *edit, gboolean undoable)
{
	EditRequest *request = g_new0(EditRequest, 1);

	request->self = g_object_ref(self);
	request->edit = *edit;
	request->undoable = undoable && self->roster != NULL &&
			    roster_undo_init(&request->undo, edit, self->roster);
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_edit_async(roster_page_get_client(ROSTER_PAGE(self)),
				 edit,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 edit_cb,
				 request);
}

/* a new edit of the roster shown, against the revision the coordinator sees */
static gboolean
init_edit(RosterRosterPage *self, RosterEdit *edit, RosterEditKind kind)
{
	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || self->roster == NULL)
		return FALSE;
	memset(edit, 0, sizeof(*edit));
	edit->kind = kind;
	edit->roster_id = roster_roster_get_id(self->roster);
	edit->revision = roster_roster_get_revision(self->roster);
	return TRUE;
}

static void
set_moving(RosterRosterPage *self, gint64 assignment_id)
{
	const RosterAssignment *assignment = NULL;
	RosterItem *volunteer = NULL;
	g_autofree gchar *text = NULL;

	self->moving_id = assignment_id;
	gtk_widget_set_visible(GTK_WIDGET(self->move_bar), assignment_id > 0);
	if (assignment_id == 0 || self->roster == NULL)
		return;
	assignment = roster_roster_find_assignment(self->roster, assignment_id);
	if (assignment != NULL)
		volunteer = roster_item_list_find_by_id(self->volunteers, assignment->volunteer_id);
	/* TRANSLATORS: shown while a volunteer is being moved; %s is the name */
	text = g_strdup_printf(_("Moving %s: click an empty seat to move the shift there, "
				 "or a taken one to swap the two volunteers"),
			       volunteer != NULL ? roster_item_get_title(volunteer) : "?");
	gtk_label_set_text(self->move_label, text);
}

static void
move_cancel_clicked_cb(RosterRosterPage *self)
{
	set_moving(self, 0);
}

static void
unassign_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	RosterEdit edit;

	if (!init_edit(self, &edit, ROSTER_EDIT_UNASSIGN))
		return;
	edit.assignment_id = g_variant_get_int64(parameter);
	send_edit(self, &edit, TRUE);
}

static void
pin_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	const RosterAssignment *assignment;
	RosterEdit edit;

	if (!init_edit(self, &edit, ROSTER_EDIT_PIN))
		return;
	edit.assignment_id = g_variant_get_int64(parameter);
	assignment = roster_roster_find_assignment(self->roster, edit.assignment_id);
	edit.pinned = assignment == NULL || !assignment->pinned;
	send_edit(self, &edit, TRUE);
}

static void
move_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	set_moving(ROSTER_ROSTER_PAGE(widget), g_variant_get_int64(parameter));
}

static void
assign_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	const gchar *date = NULL;
	const gchar *slot = NULL;
	gint64 seat_class_id = 0;
	RosterEdit edit;

	if (!init_edit(self, &edit, ROSTER_EDIT_ASSIGN))
		return;
	g_variant_get(parameter, "(&s&sxx)", &date, &slot, &seat_class_id, &edit.volunteer_id);
	roster_cell_init(&edit.cell, date, slot, seat_class_id);
	send_edit(self, &edit, TRUE);
}

/**
 * roster_roster_page_move_assignment:
 * @self: a #RosterRosterPage
 * @assignment_id: an assignment of the roster shown
 * @date: the day to move it to
 * @slot: the slot, `HH:MM`
 * @seat_class_id: the seat class
 *
 * Moves a volunteer's shift to another seat, as choosing Move and then an empty seat
 * does; a broken hard rule asks whether to move it anyway.
 *
 * Since: 0.1
 */
void
roster_roster_page_move_assignment(RosterRosterPage *self,
				   gint64 assignment_id,
				   const gchar *date,
				   const gchar *slot,
				   gint64 seat_class_id)
{
	RosterEdit edit;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (!init_edit(self, &edit, ROSTER_EDIT_MOVE))
		return;
	set_moving(self, 0);
	edit.assignment_id = assignment_id;
	roster_cell_init(&edit.cell, date, slot, seat_class_id);
	send_edit(self, &edit, TRUE);
}

/**
 * roster_roster_page_swap_assignments:
 * @self: a #RosterRosterPage
 * @first: an assignment of the roster shown
 * @second: another one
 *
 * Exchanges the volunteers of two seats in one step, as choosing Move on one and then
 * clicking the other does; a broken hard rule asks whether to swap anyway.
 *
 * Since: 0.1
 */
void
roster_roster_page_swap_assignments(RosterRosterPage *self, gint64 first, gint64 second)
{
	RosterEdit edit;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (!init_edit(self, &edit, ROSTER_EDIT_SWAP))
		return;
	set_moving(self, 0);
	edit.assignment_id = first;
	edit.other_id = second;
	send_edit(self, &edit, TRUE);
}

/* a seat dragged onto another: moved to an empty one, swapped with a taken one */
static void
drop_seat_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	gint64 dragged = 0;
	const gchar *date = NULL;
	const gchar *slot = NULL;
	gint64 seat_class_id = 0;
	gint64 target = 0;

	g_variant_get(parameter, "(x&s&sxx)", &dragged, &date, &slot, &seat_class_id, &target);
	if (target == 0)
		roster_roster_page_move_assignment(self, dragged, date, slot, seat_class_id);
	else
		roster_roster_page_swap_assignments(self, dragged, target);
}

/* the open "assign anyway?" question, or NULL */
AdwMessageDialog *
roster_roster_page_get_override_dialog(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), NULL);
	return self->override_dialog;
}

/**
 * roster_roster_page_clear_undo:
 * @self: a #RosterRosterPage
 *
 * Forgets the edits to undo: another roster is shown, or a solve rewrote this one.
 *
 * Since: 0.4
 */
void
roster_roster_page_clear_undo(RosterRosterPage *self)
{
	g_array_set_size(self->undo_stack, 0);
	roster_roster_page_update_undo(self);
}

/* the undo button and Ctrl+Z work while there is an edit to undo and no solve runs */
void
roster_roster_page_update_undo(RosterRosterPage *self)
{
	gtk_widget_action_set_enabled(GTK_WIDGET(self),
				      "roster.undo",
				      self->undo_stack->len > 0 &&
					  !roster_roster_page_get_solving(self) &&
					  roster_roster_page_get_can_plan(self));
}

/* the edits that can be undone now */
guint
roster_roster_page_get_n_undo(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), 0);
	return self->undo_stack->len;
}

/* the last edit, sent back through the same call and the same rule checks */
static void
undo_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	RosterUndo undo;
	RosterEdit edit;

	if (self->undo_stack->len == 0 || self->roster == NULL ||
	    roster_page_get_client(ROSTER_PAGE(self)) == NULL ||
	    roster_page_get_busy(ROSTER_PAGE(self)))
		return;
	undo = g_array_index(self->undo_stack, RosterUndo, self->undo_stack->len - 1);
	g_array_set_size(self->undo_stack, self->undo_stack->len - 1);
	roster_roster_page_update_undo(self);
	set_moving(self, 0);
	if (!roster_undo_to_edit(&undo, self->roster, &edit)) {
		roster_page_show_toast(ROSTER_PAGE(self),
				       _("The last edit cannot be undone: the seat has changed "
					 "since"));
		return;
	}
	send_edit(self, &edit, FALSE);
}

/* a move under way: an empty seat takes the shift, a taken one swaps, the moving one
 * cancels; otherwise the seat's popover */
static void
seat_clicked_cb(RosterRosterPage *self, RosterSeat *seat)
{
	gint64 aid = roster_seat_get_assignment_id(seat);
	const RosterCell *cell = roster_seat_get_cell(seat);

	if (roster_roster_page_get_solving(self)) {
		roster_page_show_toast(ROSTER_PAGE(self),
				       _("Edits wait until the solve has ended"));
		return;
	}
	if (self->moving_id == 0) {
		roster_seat_popup(seat,
				  roster_page_get_client(ROSTER_PAGE(self)),
				  roster_roster_page_get_roster_id(self),
				  roster_page_get_cancellable(ROSTER_PAGE(self)));
	} else if (aid == 0) {
		roster_roster_page_move_assignment(self,
						   self->moving_id,
						   cell->date,
						   cell->slot,
						   cell->seat_class_id);
	} else if (aid == self->moving_id) {
		set_moving(self, 0);
	} else {
		roster_roster_page_swap_assignments(self, self->moving_id, aid);
	}
}

static void
duty_primary_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) block =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (block == NULL) {
		if (!roster_page_show_error(ROSTER_PAGE(self), error))
			return;
	}
	roster_roster_page_load_roster(self);
}

/* a duty block handed by hand to one of its backups: the expert who had it becomes the
 * first backup; the daemon checks the new one as the solve does */
static void
duty_primary_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	g_autoptr(GArray) backups = NULL;
	gint64 block_id = 0;
	gint64 primary_id = 0;

	if (roster_page_get_client(ROSTER_PAGE(self)) == NULL || self->roster == NULL)
		return;
	g_variant_get(parameter, "(xx)", &block_id, &primary_id);
	backups = roster_duty_marks_backups_after(self->duty_blocks, block_id, primary_id);
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_set_duty_primary_async(roster_page_get_client(ROSTER_PAGE(self)),
					     roster_roster_get_id(self->roster),
					     block_id,
					     primary_id,
					     backups,
					     roster_page_get_cancellable(ROSTER_PAGE(self)),
					     duty_primary_cb,
					     g_object_ref(self));
}

/**
 * roster_roster_page_edits_class_init:
 * @widget_class: the roster page's class, its template set
 *
 * Installs the edit actions and binds the edit callbacks of the template.
 *
 * Since: 0.1
 */
void
roster_roster_page_edits_class_init(GtkWidgetClass *widget_class)
{
	gtk_widget_class_bind_template_callback(widget_class, move_cancel_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, seat_clicked_cb);
	gtk_widget_class_install_action(widget_class, "roster.unassign", "x", unassign_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.pin", "x", pin_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.move", "x", move_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.assign", "(ssxx)", assign_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.undo", NULL, undo_action_cb);
	gtk_widget_class_install_action(widget_class,
					"roster.duty-primary",
					"(xx)",
					duty_primary_action_cb);
	gtk_widget_class_install_action(widget_class,
					"roster.drop-seat",
					"(xssxx)",
					drop_seat_action_cb);
	gtk_widget_class_add_binding_action(widget_class,
					    GDK_KEY_z,
					    GDK_CONTROL_MASK,
					    "roster.undo",
					    NULL);
}
