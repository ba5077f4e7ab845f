/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "roster-date.h"
#include "roster-error.h"
#include "roster-explanations-panel.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-roster-page.h"

/*
 * The roster view: a week grid (slots down, days across) with every seat of every
 * seat class, the volunteer's name and tier, colours by seat class, pins, and the
 * uncovered seats in red with the reason on hover; a month overview with the
 * coverage per day; and the solve job with its live progress.
 */

#define POLL_INTERVAL_MS 300

struct _RosterRosterPage {
	GtkWidget parent_instance;
	GtkDropDown *roster_dropdown;
	GtkLabel *range_label;
	GtkToggleButton *month_toggle;
	GtkSpinButton *time_spin;
	GtkBox *progress_box;
	GtkProgressBar *progress_bar;
	GtkLabel *progress_label;
	GtkLabel *summary_label;
	GtkStack *view_stack;
	GtkGrid *week_grid;
	GtkGrid *month_grid;
	RosterClient *client;
	GCancellable *cancellable;
	RosterItemList *rosters;
	RosterItemList *seat_classes;
	RosterItemList *volunteers;
	RosterItemList *calendars;
	JsonObject *calendar;
	JsonObject *roster;
	/* the explanation list of the roster shown, as RosterExplanation items */
	GListStore *explanations;
	RosterExplanationsPanel *explanations_panel;
	GtkScrolledWindow *week_scroller;
	/* the seat the explanation list took the coordinator to, and its assignment */
	gchar *selected_date;
	gchar *selected_slot;
	gint64 selected_assignment;
	GtkWidget *selected_widget;
	guint n_uncovered;
	guint n_broken_rules;
	GtkCssProvider *css_provider;
	GDate week_start;
	guint n_pending;
	gboolean loading_lists;
	gboolean solving;
	gboolean poll_in_flight;
	guint poll_source;
	gint64 select_roster_id;
	GtkBox *move_bar;
	GtkLabel *move_label;
	/* the assignment being moved to another seat, or 0 */
	gint64 moving_id;
	/* the manual edit waiting for the user's answer to "assign anyway?" */
	AdwMessageDialog *override_dialog;
};

G_DEFINE_FINAL_TYPE(RosterRosterPage, roster_roster_page, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_BUSY, PROP_SOLVING, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
load_roster(RosterRosterPage *self);

static void
show_toast(RosterRosterPage *self, const gchar *message)
{
	gtk_widget_activate_action(GTK_WIDGET(self), "win.toast", "s", message);
}

static void
set_pending(RosterRosterPage *self, guint n_pending)
{
	gboolean was_busy = self->n_pending > 0;

	self->n_pending = n_pending;
	if (was_busy != (self->n_pending > 0))
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_BUSY]);
}

gboolean
roster_roster_page_get_busy(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), FALSE);
	return self->n_pending > 0;
}

gboolean
roster_roster_page_get_solving(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), FALSE);
	return self->solving;
}

gint64
roster_roster_page_get_roster_id(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), 0);
	if (self->roster == NULL)
		return 0;
	return json_object_get_int_member_with_default(self->roster, ROSTER_KEY_ID, 0);
}

static gint64
roster_revision(RosterRosterPage *self)
{
	if (self->roster == NULL)
		return 0;
	return json_object_get_int_member_with_default(self->roster, ROSTER_KEY_REVISION, 0);
}

static void
set_solving(RosterRosterPage *self, gboolean solving)
{
	if (self->solving == solving)
		return;
	self->solving = solving;
	gtk_widget_action_set_enabled(GTK_WIDGET(self), "roster.solve", !solving);
	gtk_widget_action_set_enabled(GTK_WIDGET(self), "roster.cancel-solve", solving);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_SOLVING]);
}

/* slots of the service calendar, as minutes after midnight */
static guint
slot_minutes(RosterRosterPage *self)
{
	gint64 minutes = 180;

	if (self->calendar != NULL)
		minutes = json_object_get_int_member_with_default(self->calendar,
								  ROSTER_KEY_SLOT_MINUTES,
								  180);
	return minutes >= 30 && minutes <= 1440 ? (guint)minutes : 180;
}

static guint
first_slot_start(RosterRosterPage *self)
{
	const gchar *text = NULL;
	guint hours = 8;
	guint minutes = 0;

	if (self->calendar != NULL)
		text = json_object_get_string_member_with_default(self->calendar,
								  ROSTER_KEY_FIRST_SLOT_START,
								  NULL);
	if (text != NULL && sscanf(text, "%2u:%2u", &hours, &minutes) == 2 && hours < 24 &&
	    minutes < 60)
		return hours * 60 + minutes;
	return 8 * 60;
}

static void
update_css(RosterRosterPage *self)
{
	const gchar *palette[] = {"#3584e4", "#33d17a", "#e5a50a", "#9141ac", "#986a44"};
	g_autoptr(GString) css = g_string_new(NULL);

	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->seat_classes)); i++) {
		g_autoptr(RosterItem) item =
		    g_list_model_get_item(G_LIST_MODEL(self->seat_classes), i);
		const gchar *colour = roster_item_get_string(item, ROSTER_KEY_COLOUR);
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

/* a seat's popover is its child, and must leave before the seat does */
static void
drop_popovers(GtkWidget *widget)
{
	GtkWidget *child = gtk_widget_get_first_child(widget);

	while (child != NULL) {
		GtkWidget *next = gtk_widget_get_next_sibling(child);
		if (GTK_IS_POPOVER(child))
			gtk_widget_unparent(child);
		else
			drop_popovers(child);
		child = next;
	}
}

static void
clear_grid(GtkGrid *grid)
{
	GtkWidget *child;

	drop_popovers(GTK_WIDGET(grid));
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(grid))) != NULL)
		gtk_grid_remove(grid, child);
}

static GtkWidget *
new_label(const gchar *text, const gchar *css_class)
{
	GtkWidget *label = gtk_label_new(text);

	gtk_label_set_wrap(GTK_LABEL(label), TRUE);
	gtk_label_set_xalign(GTK_LABEL(label), 0);
	if (css_class != NULL)
		gtk_widget_add_css_class(label, css_class);
	return label;
}

/* a manual edit of the roster, kept so that it can be sent again with the override */
typedef struct {
	RosterRosterPage *self;
	gchar *method;
	gchar *path;
	JsonNode *body;
	/* a dialog may answer twice: the response, then "cancel" as it closes */
	gboolean answered;
} EditRequest;

static void
edit_request_free(EditRequest *request)
{
	g_object_unref(request->self);
	g_free(request->method);
	g_free(request->path);
	if (request->body != NULL)
		json_node_unref(request->body);
	g_free(request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(EditRequest, edit_request_free)

/* an edit already sent as an override is not offered as one again */
static gboolean
edit_request_is_override(EditRequest *request)
{
	if (request->body != NULL && JSON_NODE_HOLDS_OBJECT(request->body))
		return json_object_get_boolean_member_with_default(
		    json_node_get_object(request->body),
		    ROSTER_KEY_OVERRIDE,
		    FALSE);
	return strstr(request->path, ROSTER_KEY_OVERRIDE "=true") != NULL;
}

static void
send_edit(RosterRosterPage *self, const gchar *method, const gchar *path, JsonNode *body);

static void
override_response_cb(AdwMessageDialog *dialog, const gchar *response, gpointer user_data)
{
	EditRequest *request = user_data;
	RosterRosterPage *self = request->self;
	g_autofree gchar *path = NULL;

	if (self->override_dialog == dialog)
		self->override_dialog = NULL;
	if (request->answered)
		return;
	request->answered = TRUE;
	if (g_strcmp0(response, "override") != 0 || self->client == NULL)
		return;
	/* the same edit, now accepted against the rule and audited as an override */
	if (request->body != NULL && JSON_NODE_HOLDS_OBJECT(request->body)) {
		json_object_set_boolean_member(json_node_get_object(request->body),
					       ROSTER_KEY_OVERRIDE,
					       TRUE);
		path = g_strdup(request->path);
	} else {
		path = g_strconcat(request->path,
				   strchr(request->path, '?') != NULL ? "&" : "?",
				   ROSTER_KEY_OVERRIDE,
				   "=true",
				   NULL);
	}
	send_edit(self, request->method, path, request->body);
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

static void
edit_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(EditRequest) request = user_data;
	RosterRosterPage *self = request->self;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;

	set_pending(self, self->n_pending - 1);
	node = roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);
	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		/* a broken hard rule may be accepted on purpose, once, and only when the
		 * daemon would accept the override */
		if (roster_client_call_get_overridable(ROSTER_CLIENT(source), result) &&
		    !edit_request_is_override(request)) {
			ask_override(self, g_steal_pointer(&request), error->message);
			return;
		}
		show_toast(self, error->message);
	}
	load_roster(self);
}

/* sends a manual edit; a 422 for a hard rule offers to send it again as an override */
static void
send_edit(RosterRosterPage *self, const gchar *method, const gchar *path, JsonNode *body)
{
	EditRequest *request = g_new0(EditRequest, 1);

	request->self = g_object_ref(self);
	request->method = g_strdup(method);
	request->path = g_strdup(path);
	request->body = body != NULL ? json_node_ref(body) : NULL;
	set_pending(self, self->n_pending + 1);
	roster_client_call_async(self->client,
				 method,
				 path,
				 body,
				 self->cancellable,
				 edit_cb,
				 request);
}

static void
popdown_for(GtkWidget *button)
{
	GtkWidget *popover = gtk_widget_get_ancestor(button, GTK_TYPE_POPOVER);
	if (popover != NULL)
		gtk_popover_popdown(GTK_POPOVER(popover));
}

static void
unassign_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);
	gint64 aid = GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(button), "assignment-id"));
	g_autofree gchar *path = NULL;

	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
			       "?revision=%" G_GINT64_FORMAT,
			       roster_roster_page_get_roster_id(self),
			       aid,
			       roster_revision(self));
	popdown_for(GTK_WIDGET(button));
	send_edit(self, "DELETE", path, NULL);
}

static void
pin_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);
	gint64 aid = GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(button), "assignment-id"));
	gboolean pinned = GPOINTER_TO_INT(g_object_get_data(G_OBJECT(button), "pinned"));
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, roster_revision(self));
	json_builder_set_member_name(builder, ROSTER_KEY_PINNED);
	json_builder_add_boolean_value(builder, !pinned);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT,
			       roster_roster_page_get_roster_id(self),
			       aid);
	popdown_for(GTK_WIDGET(button));
	send_edit(self, "PATCH", path, body);
}

static void
suggestion_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);
	JsonObject *seat = g_object_get_data(G_OBJECT(button), "seat");
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, roster_revision(self));
	json_builder_set_member_name(builder, ROSTER_KEY_DATE);
	json_builder_add_string_value(builder,
				      json_object_get_string_member(seat, ROSTER_KEY_DATE));
	json_builder_set_member_name(builder, ROSTER_KEY_SLOT);
	json_builder_add_string_value(builder,
				      json_object_get_string_member(seat, ROSTER_KEY_SLOT));
	json_builder_set_member_name(builder, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(builder,
				   json_object_get_int_member(seat, ROSTER_KEY_SEAT_CLASS_ID));
	json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(
	    builder,
	    GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(button), "volunteer-id")));
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/assignments",
			       roster_roster_page_get_roster_id(self));
	popdown_for(GTK_WIDGET(button));
	send_edit(self, "POST", path, body);
}

typedef struct {
	RosterRosterPage *self;
	GtkBox *box;
	JsonObject *seat;
} SuggestData;

static void
suggest_data_free(SuggestData *data)
{
	g_object_unref(data->self);
	g_object_unref(data->box);
	json_object_unref(data->seat);
	g_free(data);
}

static void
suggestions_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	SuggestData *data = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;
	GtkWidget *child;
	JsonArray *items = NULL;

	node = roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(data->box))) != NULL)
		gtk_box_remove(data->box, child);
	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			gtk_box_append(data->box, new_label(error->message, "error"));
		suggest_data_free(data);
		return;
	}
	if (JSON_NODE_HOLDS_OBJECT(node))
		items = json_object_get_array_member(json_node_get_object(node), ROSTER_KEY_ITEMS);
	if (items == NULL || json_array_get_length(items) == 0)
		gtk_box_append(data->box, new_label(_("Nobody can take this seat"), "dim-label"));
	for (guint i = 0; items != NULL && i < json_array_get_length(items) && i < 8; i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		JsonArray *violations = json_object_get_array_member(item, ROSTER_KEY_VIOLATIONS);
		g_autofree gchar *text = NULL;
		GtkWidget *button;

		/* TRANSLATORS: a suggested volunteer: name and tier */
		text = g_strdup_printf(
		    _("%s (%s)"),
		    json_object_get_string_member_with_default(item, ROSTER_KEY_NAME, ""),
		    roster_tier_to_label(
			json_object_get_string_member_with_default(item, ROSTER_KEY_TIER, NULL)));
		button = gtk_button_new_with_label(text);
		gtk_widget_add_css_class(button, "suggestion");
		gtk_widget_add_css_class(button, "flat");
		if (violations != NULL && json_array_get_length(violations) > 0) {
			gtk_widget_add_css_class(button, "warning");
			gtk_widget_set_tooltip_text(button,
						    json_array_get_string_element(violations, 0));
		}
		g_object_set_data(
		    G_OBJECT(button),
		    "volunteer-id",
		    GSIZE_TO_POINTER(
			json_object_get_int_member_with_default(item, ROSTER_KEY_VOLUNTEER_ID, 0)));
		g_object_set_data_full(G_OBJECT(button),
				       "seat",
				       json_object_ref(data->seat),
				       (GDestroyNotify)json_object_unref);
		g_signal_connect_object(button,
					"clicked",
					G_CALLBACK(suggestion_clicked_cb),
					data->self,
					0);
		gtk_box_append(data->box, button);
	}
	suggest_data_free(data);
}

static gchar *
seat_heading(RosterRosterPage *self,
	     const gchar *date_text,
	     const gchar *slot,
	     RosterItem *seat_class)
{
	GDate date;
	g_autofree gchar *day = NULL;

	if (!roster_date_parse(date_text, &date, NULL))
		return g_strdup(date_text);
	day = roster_date_format_day(&date);
	return g_strdup_printf("%s %s · %s",
			       day,
			       slot,
			       seat_class != NULL ? roster_item_get_title(seat_class) : "");
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

static void
set_moving(RosterRosterPage *self, gint64 assignment_id, const gchar *name)
{
	g_autofree gchar *text = NULL;

	self->moving_id = assignment_id;
	gtk_widget_set_visible(GTK_WIDGET(self->move_bar), assignment_id > 0);
	if (assignment_id > 0) {
		/* TRANSLATORS: shown while a volunteer is being moved; %s is the name */
		text = g_strdup_printf(_("Moving %s: click an empty seat to move the shift there, "
					 "or a taken one to swap the two volunteers"),
				       name);
		gtk_label_set_text(self->move_label, text);
	}
}

static void
move_cancel_clicked_cb(RosterRosterPage *self)
{
	set_moving(self, 0, NULL);
}

static void
move_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);

	set_moving(self,
		   (gint64)GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(button), "assignment-id")),
		   g_object_get_data(G_OBJECT(button), "name"));
	popdown_for(GTK_WIDGET(button));
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
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (self->client == NULL || self->roster == NULL)
		return;
	set_moving(self, 0, NULL);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, roster_revision(self));
	json_builder_set_member_name(builder, ROSTER_KEY_DATE);
	json_builder_add_string_value(builder, date);
	json_builder_set_member_name(builder, ROSTER_KEY_SLOT);
	json_builder_add_string_value(builder, slot);
	json_builder_set_member_name(builder, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(builder, seat_class_id);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT,
			       roster_roster_page_get_roster_id(self),
			       assignment_id);
	send_edit(self, "PATCH", path, body);
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
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (self->client == NULL || self->roster == NULL)
		return;
	set_moving(self, 0, NULL);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, roster_revision(self));
	json_builder_set_member_name(builder, ROSTER_KEY_ASSIGNMENTS);
	json_builder_begin_array(builder);
	json_builder_add_int_value(builder, first);
	json_builder_add_int_value(builder, second);
	json_builder_end_array(builder);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/swap",
			       roster_roster_page_get_roster_id(self));
	send_edit(self, "POST", path, body);
}

/* the open "assign anyway?" question, or NULL */
AdwMessageDialog *
roster_roster_page_get_override_dialog(RosterRosterPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER_PAGE(self), NULL);
	return self->override_dialog;
}

static void
seat_clicked_cb(GtkButton *chip, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);
	JsonObject *seat = g_object_get_data(G_OBJECT(chip), "seat");
	gint64 aid = GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(chip), "assignment-id"));
	gint64 class_id = json_object_get_int_member(seat, ROSTER_KEY_SEAT_CLASS_ID);
	RosterItem *seat_class = roster_item_list_find_by_id(self->seat_classes, class_id);
	g_autofree gchar *heading =
	    seat_heading(self,
			 json_object_get_string_member(seat, ROSTER_KEY_DATE),
			 json_object_get_string_member(seat, ROSTER_KEY_SLOT),
			 seat_class);
	g_autofree gchar *path = NULL;
	g_autofree gchar *base = NULL;
	GtkWidget *popover;
	GtkWidget *box;
	GtkWidget *suggestions;
	SuggestData *data;

	/* a move under way: an empty seat takes the shift, the moving one cancels */
	if (self->moving_id > 0) {
		if (aid == 0) {
			roster_roster_page_move_assignment(
			    self,
			    self->moving_id,
			    json_object_get_string_member(seat, ROSTER_KEY_DATE),
			    json_object_get_string_member(seat, ROSTER_KEY_SLOT),
			    class_id);
			return;
		}
		if (aid == self->moving_id) {
			set_moving(self, 0, NULL);
			return;
		}
		roster_roster_page_swap_assignments(self, self->moving_id, aid);
		return;
	}
	popover = gtk_popover_new();
	box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6);
	suggestions = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
	gtk_widget_set_parent(popover, GTK_WIDGET(chip));
	g_signal_connect(popover, "closed", G_CALLBACK(popover_closed_cb), NULL);
	gtk_popover_set_child(GTK_POPOVER(popover), box);
	gtk_box_append(GTK_BOX(box), new_label(heading, "heading"));
	if (aid > 0) {
		gboolean pinned = GPOINTER_TO_INT(g_object_get_data(G_OBJECT(chip), "pinned"));
		GtkWidget *actions = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
		GtkWidget *unassign = gtk_button_new_with_mnemonic(_("_Unassign"));
		GtkWidget *pin = gtk_button_new_with_mnemonic(pinned ? _("Un_pin") : _("_Pin"));
		GtkWidget *move = gtk_button_new_with_mnemonic(_("_Move…"));

		gtk_widget_add_css_class(unassign, "destructive-action");
		gtk_widget_add_css_class(unassign, "unassign");
		gtk_widget_add_css_class(pin, "pin");
		g_object_set_data(G_OBJECT(unassign), "assignment-id", GSIZE_TO_POINTER(aid));
		g_object_set_data(G_OBJECT(pin), "assignment-id", GSIZE_TO_POINTER(aid));
		g_object_set_data(G_OBJECT(pin), "pinned", GINT_TO_POINTER(pinned));
		g_signal_connect_object(unassign,
					"clicked",
					G_CALLBACK(unassign_clicked_cb),
					self,
					0);
		g_signal_connect_object(pin, "clicked", G_CALLBACK(pin_clicked_cb), self, 0);
		gtk_widget_add_css_class(move, "move");
		gtk_widget_set_tooltip_text(
		    move,
		    _("Move this shift to another seat, or swap it with another volunteer's"));
		g_object_set_data(G_OBJECT(move), "assignment-id", GSIZE_TO_POINTER(aid));
		g_object_set_data_full(G_OBJECT(move),
				       "name",
				       g_strdup(g_object_get_data(G_OBJECT(chip), "name")),
				       g_free);
		g_signal_connect_object(move, "clicked", G_CALLBACK(move_clicked_cb), self, 0);
		gtk_box_append(GTK_BOX(actions), move);
		gtk_box_append(GTK_BOX(actions), pin);
		gtk_box_append(GTK_BOX(actions), unassign);
		gtk_box_append(GTK_BOX(box), actions);
	} else {
		const gchar *tooltip = gtk_widget_get_tooltip_text(GTK_WIDGET(chip));
		if (tooltip != NULL)
			gtk_box_append(GTK_BOX(box), new_label(tooltip, "dim-label"));
		gtk_box_append(GTK_BOX(box),
			       new_label(_("Suggested volunteers"), "caption-heading"));
		gtk_box_append(GTK_BOX(suggestions), new_label(_("Loading…"), "dim-label"));
		gtk_box_append(GTK_BOX(box), suggestions);
		data = g_new0(SuggestData, 1);
		data->self = g_object_ref(self);
		data->box = GTK_BOX(g_object_ref(suggestions));
		data->seat = json_object_ref(seat);
		base = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/suggestions",
				       roster_roster_page_get_roster_id(self));
		path = roster_client_build_query(
		    base,
		    ROSTER_PARAM_DATE,
		    json_object_get_string_member(seat, ROSTER_KEY_DATE),
		    ROSTER_PARAM_SLOT,
		    json_object_get_string_member(seat, ROSTER_KEY_SLOT),
		    ROSTER_PARAM_SEAT_CLASS,
		    seat_class != NULL ? roster_item_get_string(seat_class, ROSTER_KEY_CODE) : "",
		    NULL);
		roster_client_call_async(self->client,
					 "GET",
					 path,
					 NULL,
					 self->cancellable,
					 suggestions_cb,
					 data);
	}
	gtk_popover_popup(GTK_POPOVER(popover));
}

static JsonObject *
new_seat(const gchar *date, const gchar *slot, gint64 seat_class_id)
{
	JsonObject *seat = json_object_new();

	json_object_set_string_member(seat, ROSTER_KEY_DATE, date);
	json_object_set_string_member(seat, ROSTER_KEY_SLOT, slot);
	json_object_set_int_member(seat, ROSTER_KEY_SEAT_CLASS_ID, seat_class_id);
	return seat;
}

static GtkWidget *
new_chip(RosterRosterPage *self, JsonObject *seat, const gchar *text, gint64 seat_class_id)
{
	GtkWidget *chip = gtk_button_new();
	GtkWidget *label = gtk_label_new(text);
	g_autofree gchar *css_class =
	    g_strdup_printf("seat-class-%" G_GINT64_FORMAT, seat_class_id);

	gtk_label_set_ellipsize(GTK_LABEL(label), PANGO_ELLIPSIZE_END);
	gtk_label_set_xalign(GTK_LABEL(label), 0);
	gtk_button_set_child(GTK_BUTTON(chip), label);
	gtk_widget_add_css_class(chip, "seat-chip");
	gtk_widget_add_css_class(chip, css_class);
	g_object_set_data_full(G_OBJECT(chip), "seat", seat, (GDestroyNotify)json_object_unref);
	g_signal_connect_object(chip, "clicked", G_CALLBACK(seat_clicked_cb), self, 0);
	return chip;
}

static GtkWidget *
new_assignment_chip(RosterRosterPage *self, JsonObject *assignment)
{
	gint64 volunteer_id =
	    json_object_get_int_member_with_default(assignment, ROSTER_KEY_VOLUNTEER_ID, 0);
	gint64 class_id =
	    json_object_get_int_member_with_default(assignment, ROSTER_KEY_SEAT_CLASS_ID, 0);
	gboolean pinned =
	    json_object_get_boolean_member_with_default(assignment, ROSTER_KEY_PINNED, FALSE);
	RosterItem *volunteer = roster_item_list_find_by_id(self->volunteers, volunteer_id);
	RosterItem *seat_class = roster_item_list_find_by_id(self->seat_classes, class_id);
	g_autofree gchar *text = NULL;
	g_autofree gchar *tooltip = NULL;
	GtkWidget *chip;

	text = g_strdup_printf(
	    "%s%s · %s",
	    pinned ? "📌 " : "",
	    volunteer != NULL ? roster_item_get_title(volunteer) : "?",
	    roster_tier_to_label(
		volunteer != NULL ? roster_item_get_string(volunteer, ROSTER_KEY_TIER) : NULL));
	chip = new_chip(self,
			new_seat(json_object_get_string_member(assignment, ROSTER_KEY_DATE),
				 json_object_get_string_member(assignment, ROSTER_KEY_SLOT),
				 class_id),
			text,
			class_id);
	g_object_set_data(
	    G_OBJECT(chip),
	    "assignment-id",
	    GSIZE_TO_POINTER(
		json_object_get_int_member_with_default(assignment, ROSTER_KEY_ID, 0)));
	g_object_set_data(G_OBJECT(chip), "pinned", GINT_TO_POINTER(pinned));
	g_object_set_data_full(G_OBJECT(chip),
			       "name",
			       g_strdup(volunteer != NULL ? roster_item_get_title(volunteer) : "?"),
			       g_free);
	gtk_widget_add_css_class(chip, "seat-filled");
	/* tier-trainee, tier-counsellor …: for the style sheet and the UI test */
	if (volunteer != NULL && roster_item_get_string(volunteer, ROSTER_KEY_TIER) != NULL) {
		g_autofree gchar *tier_class =
		    g_strdup_printf("tier-%s", roster_item_get_string(volunteer, ROSTER_KEY_TIER));
		gtk_widget_add_css_class(chip, tier_class);
	}
	if (pinned)
		gtk_widget_add_css_class(chip, "pinned");
	/* TRANSLATORS: the tooltip of a filled seat: seat class, then "pinned" or nothing */
	tooltip = g_strdup_printf(_("%s%s"),
				  seat_class != NULL ? roster_item_get_title(seat_class) : "",
				  pinned ? _(" · pinned, the solver keeps it") : "");
	gtk_widget_set_tooltip_text(chip, tooltip);
	return chip;
}

/* uncovered seats per (date, slot), from the explanation list */
static guint
append_gaps(RosterRosterPage *self, GtkBox *cell, const gchar *date, const gchar *slot)
{
	guint n_gaps = 0;

	for (guint i = 0; i < g_list_model_get_n_items(G_LIST_MODEL(self->explanations)); i++) {
		g_autoptr(RosterExplanation) gap =
		    g_list_model_get_item(G_LIST_MODEL(self->explanations), i);
		gint64 class_id = roster_explanation_get_seat_class_id(gap);
		RosterItem *seat_class = roster_item_list_find_by_id(self->seat_classes, class_id);
		guint missing = roster_explanation_get_n_missing(gap);

		if (missing == 0 || g_strcmp0(roster_explanation_get_date(gap), date) != 0 ||
		    (slot != NULL && g_strcmp0(roster_explanation_get_slot(gap), slot) != 0))
			continue;
		n_gaps += missing;
		for (guint k = 0; cell != NULL && k < missing; k++) {
			g_autofree gchar *text = NULL;
			GtkWidget *chip;

			/* TRANSLATORS: an uncovered seat in the grid; %s is the seat class */
			text = g_strdup_printf(
			    _("Empty · %s"),
			    seat_class != NULL ? roster_item_get_title(seat_class) : "");
			chip = new_chip(self, new_seat(date, slot, class_id), text, class_id);
			gtk_widget_add_css_class(chip, "seat-empty");
			gtk_widget_set_tooltip_text(chip, roster_explanation_get_detail(gap));
			gtk_box_append(cell, chip);
		}
	}
	return n_gaps;
}

static JsonArray *
get_assignments(RosterRosterPage *self)
{
	if (self->roster == NULL)
		return NULL;
	return json_object_get_array_member(self->roster, ROSTER_KEY_ASSIGNMENTS);
}

/* marks the seat the explanation list chose, and its assignment's chip if it has one */
static void
mark_selected(RosterRosterPage *self, GtkWidget *cell)
{
	gtk_widget_add_css_class(cell, "selected-cell");
	self->selected_widget = cell;
	for (GtkWidget *chip = gtk_widget_get_first_child(cell); chip != NULL;
	     chip = gtk_widget_get_next_sibling(chip)) {
		gint64 aid = GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(chip), "assignment-id"));
		if (self->selected_assignment > 0 && aid == self->selected_assignment) {
			gtk_widget_add_css_class(chip, "selected-seat");
			self->selected_widget = chip;
		}
	}
}

static void
build_week(RosterRosterPage *self)
{
	JsonArray *assignments = get_assignments(self);
	guint minutes = slot_minutes(self);
	guint first = first_slot_start(self);
	guint n_slots = 1440 / minutes;

	self->selected_widget = NULL;
	clear_grid(self->week_grid);
	for (guint d = 0; d < 7; d++) {
		GDate date = self->week_start;
		g_autofree gchar *text = NULL;

		g_date_add_days(&date, d);
		text = roster_date_format_day(&date);
		gtk_grid_attach(self->week_grid, new_label(text, "heading"), (gint)d + 1, 0, 1, 1);
	}
	for (guint k = 0; k < n_slots; k++) {
		guint start = (first + k * minutes) % 1440;
		guint end = (start + minutes) % 1440;
		g_autofree gchar *slot = g_strdup_printf("%02u:%02u", start / 60, start % 60);
		g_autofree gchar *slot_label =
		    g_strdup_printf("%s–%02u:%02u", slot, end / 60, end % 60);
		GtkWidget *label = new_label(slot_label, "slot-label");

		/* a narrow grid (the explanation panel open) must not break the times */
		gtk_label_set_wrap(GTK_LABEL(label), FALSE);
		gtk_widget_set_valign(label, GTK_ALIGN_START);
		gtk_grid_attach(self->week_grid, label, 0, (gint)k + 1, 1, 1);
		for (guint d = 0; d < 7; d++) {
			GDate date = self->week_start;
			g_autofree gchar *date_text = NULL;
			GtkWidget *cell = gtk_box_new(GTK_ORIENTATION_VERTICAL, 2);

			g_date_add_days(&date, d);
			date_text = roster_date_to_string(&date);
			gtk_widget_add_css_class(cell, "roster-cell");
			gtk_widget_set_hexpand(cell, TRUE);
			gtk_widget_set_size_request(cell, 150, -1);
			for (guint i = 0;
			     assignments != NULL && i < json_array_get_length(assignments);
			     i++) {
				JsonObject *a = json_array_get_object_element(assignments, i);
				if (g_strcmp0(
					json_object_get_string_member_with_default(a,
										   ROSTER_KEY_DATE,
										   NULL),
					date_text) != 0 ||
				    g_strcmp0(
					json_object_get_string_member_with_default(a,
										   ROSTER_KEY_SLOT,
										   NULL),
					slot) != 0)
					continue;
				gtk_box_append(GTK_BOX(cell), new_assignment_chip(self, a));
			}
			append_gaps(self, GTK_BOX(cell), date_text, slot);
			if (g_strcmp0(date_text, self->selected_date) == 0 &&
			    g_strcmp0(slot, self->selected_slot) == 0)
				mark_selected(self, cell);
			/* days around the roster's month are shown but belong to no roster */
			if (g_strcmp0(
				date_text,
				json_object_get_string_member_with_default(self->roster,
									   ROSTER_KEY_PERIOD_START,
									   "")) < 0 ||
			    g_strcmp0(
				date_text,
				json_object_get_string_member_with_default(self->roster,
									   ROSTER_KEY_PERIOD_END,
									   "")) > 0)
				gtk_widget_add_css_class(cell, "outside-period");
			gtk_grid_attach(self->week_grid, cell, (gint)d + 1, (gint)k + 1, 1, 1);
		}
	}
}

static void
day_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);
	GDate date;

	if (!roster_date_parse(g_object_get_data(G_OBJECT(button), "date"), &date, NULL))
		return;
	roster_date_get_week_start(&date, &self->week_start);
	gtk_toggle_button_set_active(self->month_toggle, FALSE);
}

static void
build_month(RosterRosterPage *self)
{
	JsonArray *assignments = get_assignments(self);
	GDate first;
	GDate last;
	GDate week;
	GDate middle = self->week_start;

	self->selected_widget = NULL;
	clear_grid(self->month_grid);
	g_date_add_days(&middle, 3);
	roster_date_get_month_range(&middle, &first, &last);
	roster_date_get_week_start(&first, &week);
	for (guint d = 0; d < 7; d++) {
		GDate date = week;
		g_date_add_days(&date, d);
		gtk_grid_attach(self->month_grid,
				new_label(roster_date_get_weekday_label(&date), "heading"),
				(gint)d,
				0,
				1,
				1);
	}
	for (GDate date = first; g_date_compare(&date, &last) <= 0; g_date_add_days(&date, 1)) {
		g_autofree gchar *date_text = roster_date_to_string(&date);
		g_autofree gchar *coverage = NULL;
		g_autofree gchar *day = g_strdup_printf("%u", g_date_get_day(&date));
		GtkWidget *button = gtk_button_new();
		GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 2);
		guint n_assigned = 0;
		guint n_gaps;
		guint row = (g_date_days_between(&week, &date)) / 7 + 1;

		for (guint i = 0; assignments != NULL && i < json_array_get_length(assignments);
		     i++) {
			JsonObject *a = json_array_get_object_element(assignments, i);
			if (g_strcmp0(json_object_get_string_member_with_default(a,
										 ROSTER_KEY_DATE,
										 NULL),
				      date_text) == 0)
				n_assigned++;
		}
		n_gaps = append_gaps(self, NULL, date_text, NULL);
		/* TRANSLATORS: coverage of a day: filled seats of required seats */
		coverage = g_strdup_printf(_("%u of %u seats"), n_assigned, n_assigned + n_gaps);
		gtk_box_append(GTK_BOX(box), new_label(day, "title-4"));
		gtk_box_append(GTK_BOX(box), new_label(coverage, NULL));
		if (n_gaps > 0) {
			g_autofree gchar *gaps =
			    g_strdup_printf(ngettext("%u uncovered", "%u uncovered", n_gaps),
					    n_gaps);
			gtk_box_append(GTK_BOX(box), new_label(gaps, "error"));
			gtk_widget_add_css_class(button, "day-uncovered");
		}
		gtk_button_set_child(GTK_BUTTON(button), box);
		gtk_widget_add_css_class(button, "month-day");
		gtk_widget_set_size_request(button, -1, 96);
		g_object_set_data_full(G_OBJECT(button), "date", g_strdup(date_text), g_free);
		g_signal_connect_object(button, "clicked", G_CALLBACK(day_clicked_cb), self, 0);
		gtk_grid_attach(self->month_grid,
				button,
				(gint)(g_date_get_weekday(&date) - G_DATE_MONDAY),
				(gint)row,
				1,
				1);
	}
}

/* the gaps and broken rules come from the explanation list, which the daemon builds
 * from the roster as it is now; the score is the last one the daemon wrote */
static void
update_summary(RosterRosterPage *self)
{
	JsonObject *score = NULL;
	const gchar *name;
	const gchar *state;
	g_autofree gchar *text = NULL;

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
	score = json_object_get_object_member(self->roster, ROSTER_KEY_SCORE);
	name = json_object_get_string_member_with_default(self->roster, ROSTER_KEY_NAME, "");
	state =
	    g_strcmp0(
		json_object_get_string_member_with_default(self->roster, ROSTER_KEY_STATE, NULL),
		ROSTER_STATE_PUBLISHED) == 0
		? _("published")
		: _("draft");
	if (score == NULL) {
		/* TRANSLATORS: the summary of a roster that was never solved */
		text = g_strdup_printf(_("%s · %s · %u seats uncovered · %u broken rules"),
				       name,
				       state,
				       self->n_uncovered,
				       self->n_broken_rules);
	} else {
		/* TRANSLATORS: the roster's summary line */
		text = g_strdup_printf(
		    _("%s · %s · %u of %d seats uncovered · %u broken rules · score %d"),
		    name,
		    state,
		    self->n_uncovered,
		    (gint)json_object_get_int_member_with_default(score, "required", 0),
		    self->n_broken_rules,
		    (gint)json_object_get_int_member_with_default(score, ROSTER_KEY_OBJECTIVE, 0));
	}
	gtk_label_set_text(self->summary_label, text);
}

static void
rebuild(RosterRosterPage *self)
{
	gboolean month = gtk_toggle_button_get_active(self->month_toggle);
	g_autofree gchar *range = NULL;

	if (!g_date_valid(&self->week_start)) {
		GDateTime *now = g_date_time_new_now_local();
		GDate today;
		g_date_clear(&today, 1);
		g_date_set_dmy(&today,
			       (GDateDay)g_date_time_get_day_of_month(now),
			       (GDateMonth)g_date_time_get_month(now),
			       (GDateYear)g_date_time_get_year(now));
		g_date_time_unref(now);
		roster_date_get_week_start(&today, &self->week_start);
	}
	if (month) {
		GDate middle = self->week_start;
		g_date_add_days(&middle, 3);
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
		build_month(self);
	else
		build_week(self);
	gtk_stack_set_visible_child_name(self->view_stack, month ? "month" : "week");
}

static void
roster_loaded(RosterRosterPage *self)
{
	const gchar *start;
	const gchar *end;
	GDate start_date;
	GDate end_date;
	GDate week_end;

	set_pending(self, self->n_pending - 1);
	if (self->n_pending > 0)
		return;
	if (self->roster != NULL) {
		start = json_object_get_string_member_with_default(self->roster,
								   ROSTER_KEY_PERIOD_START,
								   NULL);
		end = json_object_get_string_member_with_default(self->roster,
								 ROSTER_KEY_PERIOD_END,
								 NULL);
		week_end = self->week_start;
		if (g_date_valid(&week_end))
			g_date_add_days(&week_end, 6);
		/* show the roster's first week unless the week shown overlaps the roster */
		if (roster_date_parse(start, &start_date, NULL) &&
		    roster_date_parse(end, &end_date, NULL) &&
		    (!g_date_valid(&self->week_start) ||
		     g_date_compare(&week_end, &start_date) < 0 ||
		     g_date_compare(&self->week_start, &end_date) > 0))
			roster_date_get_week_start(&start_date, &self->week_start);
	}
	rebuild(self);
}

static void
roster_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_toast(self, error->message);
	} else if (JSON_NODE_HOLDS_OBJECT(node)) {
		g_clear_pointer(&self->roster, json_object_unref);
		self->roster = json_object_ref(json_node_get_object(node));
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
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_toast(self, error->message);
		/* an old list would show the roster as it was */
		g_list_store_remove_all(self->explanations);
	} else if (JSON_NODE_HOLDS_OBJECT(node)) {
		set_explanations(
		    self,
		    json_object_get_array_member(json_node_get_object(node), ROSTER_KEY_ITEMS));
	}
	roster_loaded(self);
}

static void
load_roster(RosterRosterPage *self)
{
	RosterItem *item = gtk_drop_down_get_selected_item(self->roster_dropdown);
	g_autofree gchar *path = NULL;
	g_autofree gchar *explain_path = NULL;

	if (item == NULL) {
		g_clear_pointer(&self->roster, json_object_unref);
		g_list_store_remove_all(self->explanations);
		rebuild(self);
		return;
	}
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT, roster_item_get_id(item));
	explain_path =
	    g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/explanations", roster_item_get_id(item));
	set_pending(self, self->n_pending + 2);
	roster_client_call_async(self->client,
				 "GET",
				 path,
				 NULL,
				 self->cancellable,
				 roster_cb,
				 g_object_ref(self));
	roster_client_call_async(self->client,
				 "GET",
				 explain_path,
				 NULL,
				 self->cancellable,
				 explanations_cb,
				 g_object_ref(self));
}

static void
lists_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterItem) calendar = NULL;

	if (!roster_item_list_reload_all_finish(result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_toast(self, error->message);
	}
	set_pending(self, self->n_pending - 1);
	self->loading_lists = FALSE;
	/* the first calendar is the service calendar, as for the daemon's solves */
	g_clear_pointer(&self->calendar, json_object_unref);
	if (g_list_model_get_n_items(G_LIST_MODEL(self->calendars)) > 0) {
		calendar = g_list_model_get_item(G_LIST_MODEL(self->calendars), 0);
		self->calendar = json_object_ref(roster_item_get_object(calendar));
	}
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
	load_roster(self);
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
	RosterItemList *lists[4];
	RosterItem *selected;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (self->client == NULL)
		return;
	selected = gtk_drop_down_get_selected_item(self->roster_dropdown);
	if (selected != NULL && self->select_roster_id == 0)
		self->select_roster_id = roster_item_get_id(selected);
	lists[0] = self->calendars;
	lists[1] = self->seat_classes;
	lists[2] = self->volunteers;
	lists[3] = self->rosters;
	self->loading_lists = TRUE;
	set_pending(self, self->n_pending + 1);
	roster_item_list_reload_all_async(lists,
					  G_N_ELEMENTS(lists),
					  self->cancellable,
					  lists_cb,
					  g_object_ref(self));
}

static void
roster_selected_cb(RosterRosterPage *self)
{
	if (self->loading_lists || self->client == NULL)
		return;
	load_roster(self);
}

static void
month_toggled_cb(RosterRosterPage *self)
{
	rebuild(self);
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
	GtkWidget *selected = self->selected_widget;
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
		rebuild(self);
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

/* the assignment of a volunteer in a seat, for an explanation that names no assignment */
static gint64
find_assignment(RosterRosterPage *self, const gchar *date, const gchar *slot, gint64 volunteer_id)
{
	JsonArray *assignments = get_assignments(self);

	for (guint i = 0;
	     volunteer_id > 0 && assignments != NULL && i < json_array_get_length(assignments);
	     i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		if (json_object_get_int_member_with_default(a, ROSTER_KEY_VOLUNTEER_ID, 0) ==
			volunteer_id &&
		    g_strcmp0(json_object_get_string_member_with_default(a, ROSTER_KEY_DATE, NULL),
			      date) == 0 &&
		    (slot == NULL ||
		     g_strcmp0(json_object_get_string_member_with_default(a, ROSTER_KEY_SLOT, NULL),
			       slot) == 0))
			return json_object_get_int_member_with_default(a, ROSTER_KEY_ID, 0);
	}
	return 0;
}

/* a seat item selects its seat (and the assignment it is about); a person item opens
 * the volunteer in the volunteers view */
static void
explanation_activated_cb(RosterRosterPage *self, RosterExplanation *explanation)
{
	const gchar *date = roster_explanation_get_date(explanation);
	const gchar *slot = roster_explanation_get_slot(explanation);
	gint64 volunteer_id = roster_explanation_get_volunteer_id(explanation);
	gint64 assignment_id = roster_explanation_get_assignment_id(explanation);

	if (date != NULL) {
		if (assignment_id == 0)
			assignment_id = find_assignment(self, date, slot, volunteer_id);
		roster_roster_page_select_seat(self, date, slot, assignment_id);
		return;
	}
	if (volunteer_id > 0)
		gtk_widget_activate_action(GTK_WIDGET(self),
					   "win.show-volunteer",
					   "x",
					   volunteer_id);
}

/* the roster may have changed elsewhere (another coordinator, the tool) meanwhile */
static void
roster_roster_page_map(GtkWidget *widget)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);

	GTK_WIDGET_CLASS(roster_roster_page_parent_class)->map(widget);
	if (self->client != NULL && self->roster != NULL && !self->loading_lists &&
	    self->n_pending == 0)
		load_roster(self);
}

static void
create_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	if (node == NULL) {
		if (!g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			show_toast(self, error->message);
		return;
	}
	if (JSON_NODE_HOLDS_OBJECT(node))
		self->select_roster_id =
		    json_object_get_int_member_with_default(json_node_get_object(node),
							    ROSTER_KEY_ID,
							    0);
	show_toast(self, _("Roster created"));
	roster_roster_page_reload(self);
}

/**
 * roster_roster_page_create_roster:
 * @self: a #RosterRosterPage
 * @period_start: (nullable): a day of the month to plan, or %NULL for the month shown
 *
 * Creates a draft roster for a whole month and shows it.
 *
 * Since: 0.1
 */
void
roster_roster_page_create_roster(RosterRosterPage *self, const gchar *period_start)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *first_text = NULL;
	g_autofree gchar *last_text = NULL;
	g_autofree gchar *name = NULL;
	GDate day = self->week_start;
	GDate first;
	GDate last;

	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (period_start != NULL && !roster_date_parse(period_start, &day, NULL))
		return;
	if (period_start == NULL) {
		if (!g_date_valid(&day))
			rebuild(self);
		day = self->week_start;
		g_date_add_days(&day, 3);
	}
	roster_date_get_month_range(&day, &first, &last);
	first_text = roster_date_to_string(&first);
	last_text = roster_date_to_string(&last);
	/* TRANSLATORS: the name of a new roster: year and month */
	name = g_strdup_printf(_("Roster %04u-%02u"),
			       g_date_get_year(&first),
			       g_date_get_month(&first));
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_NAME);
	json_builder_add_string_value(builder, name);
	json_builder_set_member_name(builder, ROSTER_KEY_PERIOD_START);
	json_builder_add_string_value(builder, first_text);
	json_builder_set_member_name(builder, ROSTER_KEY_PERIOD_END);
	json_builder_add_string_value(builder, last_text);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	roster_client_call_async(self->client,
				 "POST",
				 "/" ROSTER_COLLECTION_ROSTERS,
				 body,
				 self->cancellable,
				 create_cb,
				 g_object_ref(self));
}

static void
new_roster_clicked_cb(RosterRosterPage *self)
{
	roster_roster_page_create_roster(self, NULL);
}

static void
move_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
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
	rebuild(self);
}

static void
stop_polling(RosterRosterPage *self)
{
	if (self->poll_source != 0) {
		g_source_remove(self->poll_source);
		self->poll_source = 0;
	}
}

static void
show_job(RosterRosterPage *self, JsonObject *job)
{
	const gchar *state = json_object_get_string_member_with_default(job, ROSTER_KEY_STATE, "");
	gdouble elapsed = json_object_get_double_member_with_default(job, ROSTER_KEY_ELAPSED, 0);
	gdouble limit = json_object_get_double_member_with_default(job, ROSTER_KEY_TIME_LIMIT, 1);
	JsonNode *best = json_object_get_member(job, ROSTER_KEY_BEST_SCORE);
	JsonNode *uncovered = json_object_get_member(job, ROSTER_KEY_UNCOVERED);
	g_autofree gchar *best_text = NULL;
	g_autofree gchar *uncovered_text = NULL;
	g_autofree gchar *text = NULL;

	best_text = best != NULL && JSON_NODE_HOLDS_VALUE(best)
			? g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(best))
			: g_strdup("–");
	uncovered_text = uncovered != NULL && JSON_NODE_HOLDS_VALUE(uncovered)
			     ? g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(uncovered))
			     : g_strdup("–");
	gtk_progress_bar_set_fraction(self->progress_bar,
				      limit > 0 ? MIN(elapsed / limit, 1.0) : 0);
	if (g_strcmp0(state, ROSTER_JOB_RUNNING) == 0) {
		/* TRANSLATORS: live progress of a solve */
		text = g_strdup_printf(_("%.1f s of %.0f s · best score %s · %s seats uncovered"),
				       elapsed,
				       limit,
				       best_text,
				       uncovered_text);
	} else if (g_strcmp0(state, ROSTER_JOB_FAILED) == 0) {
		text = g_strdup(_("The solve failed"));
	} else {
		/* TRANSLATORS: the result of a solve that ran to its end or was stopped */
		text = g_strdup_printf(
		    g_strcmp0(state, ROSTER_JOB_CANCELLED) == 0
			? _("Stopped after %.1f s · best score %s · %s seats uncovered")
			: _("Solved in %.1f s · best score %s · %s seats uncovered"),
		    elapsed,
		    best_text,
		    uncovered_text);
	}
	gtk_label_set_text(self->progress_label, text);
	gtk_widget_set_visible(GTK_WIDGET(self->progress_box), TRUE);
}

static gboolean
poll_cb(gpointer user_data);

static void
poll_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);
	const gchar *state;

	self->poll_in_flight = FALSE;
	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_toast(self, error->message);
		stop_polling(self);
		set_solving(self, FALSE);
		return;
	}
	if (!JSON_NODE_HOLDS_OBJECT(node))
		return;
	show_job(self, json_node_get_object(node));
	state = json_object_get_string_member_with_default(json_node_get_object(node),
							   ROSTER_KEY_STATE,
							   "");
	if (g_strcmp0(state, ROSTER_JOB_RUNNING) != 0) {
		stop_polling(self);
		load_roster(self);
		set_solving(self, FALSE);
	}
}

static gboolean
poll_cb(gpointer user_data)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(user_data);
	g_autofree gchar *path = NULL;

	if (self->poll_in_flight)
		return G_SOURCE_CONTINUE;
	self->poll_in_flight = TRUE;
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/solve",
			       roster_roster_page_get_roster_id(self));
	roster_client_call_async(self->client,
				 "GET",
				 path,
				 NULL,
				 self->cancellable,
				 poll_done_cb,
				 g_object_ref(self));
	return G_SOURCE_CONTINUE;
}

static void
solve_started_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	if (node == NULL) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		show_toast(self, error->message);
		set_solving(self, FALSE);
		return;
	}
	if (JSON_NODE_HOLDS_OBJECT(node))
		show_job(self, json_node_get_object(node));
	stop_polling(self);
	self->poll_source = g_timeout_add(POLL_INTERVAL_MS, poll_cb, self);
}

static void
solve_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;

	if (self->roster == NULL || self->client == NULL) {
		show_toast(self, _("Create a roster first"));
		return;
	}
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_TIME_LIMIT);
	json_builder_add_double_value(builder, gtk_spin_button_get_value(self->time_spin));
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/solve",
			       roster_roster_page_get_roster_id(self));
	set_solving(self, TRUE);
	gtk_progress_bar_set_fraction(self->progress_bar, 0);
	gtk_label_set_text(self->progress_label, _("Starting…"));
	gtk_widget_set_visible(GTK_WIDGET(self->progress_box), TRUE);
	roster_client_call_async(self->client,
				 "POST",
				 path,
				 body,
				 self->cancellable,
				 solve_started_cb,
				 g_object_ref(self));
}

static void
cancel_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRosterPage) self = ROSTER_ROSTER_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);

	if (node == NULL && !g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		show_toast(self, error->message);
}

static void
cancel_solve_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(widget);
	g_autofree gchar *path = NULL;

	if (!self->solving)
		return;
	path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/solve",
			       roster_roster_page_get_roster_id(self));
	roster_client_call_async(self->client,
				 "DELETE",
				 path,
				 NULL,
				 self->cancellable,
				 cancel_cb,
				 g_object_ref(self));
}

void
roster_roster_page_set_client(RosterRosterPage *self, RosterClient *client)
{
	g_return_if_fail(ROSTER_IS_ROSTER_PAGE(self));
	if (!g_set_object(&self->client, client))
		return;
	g_clear_object(&self->rosters);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->calendars);
	self->calendars = roster_item_list_new(client, "/" ROSTER_COLLECTION_CALENDARS "?limit=1");
	self->rosters = roster_item_list_new(client, "/" ROSTER_COLLECTION_ROSTERS);
	self->seat_classes =
	    roster_item_list_new(client, "/" ROSTER_COLLECTION_SEAT_CLASSES "?limit=500");
	self->volunteers =
	    roster_item_list_new(client, "/" ROSTER_COLLECTION_VOLUNTEERS "?limit=500");
	gtk_drop_down_set_model(self->roster_dropdown, G_LIST_MODEL(self->rosters));
}

static void
roster_roster_page_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterRosterPage *self = ROSTER_ROSTER_PAGE(object);

	switch (prop_id) {
	case PROP_BUSY:
		g_value_set_boolean(value, self->n_pending > 0);
		break;
	case PROP_SOLVING:
		g_value_set_boolean(value, self->solving);
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
	GtkWidget *child;

	stop_polling(self);
	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	if (self->css_provider != NULL && gdk_display_get_default() != NULL)
		gtk_style_context_remove_provider_for_display(
		    gdk_display_get_default(),
		    GTK_STYLE_PROVIDER(self->css_provider));
	g_clear_object(&self->css_provider);
	g_clear_pointer(&self->calendar, json_object_unref);
	g_clear_pointer(&self->roster, json_object_unref);
	g_clear_object(&self->explanations);
	g_clear_pointer(&self->selected_date, g_free);
	g_clear_pointer(&self->selected_slot, g_free);
	drop_popovers(GTK_WIDGET(self));
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_ROSTER_PAGE);
	/* the root of the template is not a bound child, so it is not unparented for us */
	while ((child = gtk_widget_get_first_child(GTK_WIDGET(self))) != NULL)
		gtk_widget_unparent(child);
	g_clear_object(&self->rosters);
	g_clear_object(&self->seat_classes);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->calendars);
	g_clear_object(&self->client);
	G_OBJECT_CLASS(roster_roster_page_parent_class)->dispose(object);
}

static void
roster_roster_page_class_init(RosterRosterPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->get_property = roster_roster_page_get_property;
	object_class->dispose = roster_roster_page_dispose;
	widget_class->map = roster_roster_page_map;
	properties[PROP_BUSY] = g_param_spec_boolean("busy",
						     NULL,
						     NULL,
						     FALSE,
						     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_SOLVING] = g_param_spec_boolean("solving",
							NULL,
							NULL,
							FALSE,
							G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);

	g_type_ensure(ROSTER_TYPE_ITEM);
	g_type_ensure(ROSTER_TYPE_EXPLANATIONS_PANEL);
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-roster-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, roster_dropdown);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, range_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, month_toggle);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, time_spin);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, progress_box);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, progress_bar);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, progress_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, summary_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, view_stack);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, week_grid);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, month_grid);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, move_bar);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, move_label);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, explanations_panel);
	gtk_widget_class_bind_template_child(widget_class, RosterRosterPage, week_scroller);
	gtk_widget_class_bind_template_callback(widget_class, explanation_activated_cb);
	gtk_widget_class_bind_template_callback(widget_class, move_cancel_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, roster_selected_cb);
	gtk_widget_class_bind_template_callback(widget_class, new_roster_clicked_cb);
	gtk_widget_class_bind_template_callback(widget_class, month_toggled_cb);
	gtk_widget_class_install_action(widget_class, "roster.previous", NULL, move_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.next", NULL, move_action_cb);
	gtk_widget_class_install_action(widget_class, "roster.solve", NULL, solve_action_cb);
	gtk_widget_class_install_action(widget_class,
					"roster.cancel-solve",
					NULL,
					cancel_solve_action_cb);
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
	g_date_clear(&self->week_start, 1);
	self->cancellable = g_cancellable_new();
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
	rebuild(self);
}
