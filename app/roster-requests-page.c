/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the requests queue: volunteers' swaps, give-aways and pick-ups with their state, their
 * shifts and their people; a coordinator approves or declines one with a reason, and
 * sees who may take an open give-away */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-requests.h"
#include "roster-item-list.h"
#include "roster-queue-actions.h"
#include "roster-requests-page.h"
#include "roster-row-actions.h"

struct _RosterRequestsPage {
	RosterPage parent_instance;
	GtkListBox *waiting_list;
	GtkListBox *other_list;
	RosterItemList *waiting;
	RosterItemList *others;
};

G_DEFINE_FINAL_TYPE(RosterRequestsPage, roster_requests_page, ROSTER_TYPE_PAGE)

guint
roster_requests_page_get_n_waiting(RosterRequestsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_REQUESTS_PAGE(self), 0);
	if (self->waiting == NULL)
		return 0;
	return g_list_model_get_n_items(G_LIST_MODEL(self->waiting));
}

static void
decided_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRequestsPage) self = ROSTER_REQUESTS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) request =
	    roster_client_act_on_request_finish(ROSTER_CLIENT(source), result, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (request == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	roster_page_show_toast(
	    ROSTER_PAGE(self),
	    g_strcmp0(json_object_get_string_member(request, "state"), "applied") == 0
		? _("Request approved: the roster has a new version")
		: _("Request declined"));
	roster_page_reload(ROSTER_PAGE(self));
}

/**
 * roster_requests_page_decide:
 * @self: a #RosterRequestsPage
 * @id: a request
 * @approve: approve it, or decline it
 * @reason: (nullable): why
 *
 * Since: 0.3
 */
void
roster_requests_page_decide(RosterRequestsPage *self,
			    gint64 id,
			    gboolean approve,
			    const gchar *reason)
{
	g_return_if_fail(ROSTER_IS_REQUESTS_PAGE(self));
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_act_on_request_async(roster_page_get_client(ROSTER_PAGE(self)),
					   id,
					   approve ? "approve" : "decline",
					   reason,
					   roster_page_get_cancellable(ROSTER_PAGE(self)),
					   decided_cb,
					   g_object_ref(self));
}

static void
approve_confirmed_cb(GObject *owner, gint64 id, const gchar *reason)
{
	roster_requests_page_decide(ROSTER_REQUESTS_PAGE(owner), id, TRUE, reason);
}

static void
decline_confirmed_cb(GObject *owner, gint64 id, const gchar *reason)
{
	roster_requests_page_decide(ROSTER_REQUESTS_PAGE(owner), id, FALSE, reason);
}

static void
approve_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterItem *request = roster_queue_button_get_item(button);
	g_autofree gchar *title = roster_request_dup_title(request);
	g_autofree gchar *subtitle = roster_request_dup_subtitle(request);
	g_autofree gchar *body = g_strconcat(title, "\n", subtitle, NULL);

	roster_queue_ask_reason(GTK_WIDGET(user_data),
				_("Approve the Request?"),
				body,
				_("_Approve"),
				FALSE,
				roster_item_get_id(request),
				approve_confirmed_cb);
}

static void
decline_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterItem *request = roster_queue_button_get_item(button);
	g_autofree gchar *title = roster_request_dup_title(request);
	g_autofree gchar *subtitle = roster_request_dup_subtitle(request);
	g_autofree gchar *body = g_strconcat(title, "\n", subtitle, NULL);

	roster_queue_ask_reason(GTK_WIDGET(user_data),
				_("Decline the Request?"),
				body,
				_("_Decline"),
				TRUE,
				roster_item_get_id(request),
				decline_confirmed_cb);
}

static void
candidates_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRequestsPage) self = ROSTER_REQUESTS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonArray) items =
	    roster_client_call_finish_items(ROSTER_CLIENT(source), result, &error);
	g_autoptr(GString) body = g_string_new(NULL);
	GtkWidget *dialog;

	roster_page_release(ROSTER_PAGE(self));
	if (items == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *c = json_array_get_object_element(items, i);
		g_string_append_printf(
		    body,
		    "%u. %s (%s)\n",
		    i + 1,
		    json_object_get_string_member_with_default(c, "volunteer_name", "?"),
		    json_object_get_string_member_with_default(c, "volunteer_counsellor_no", ""));
	}
	if (body->len == 0)
		g_string_append(body, _("Nobody can take this shift under the hard rules."));
	dialog = adw_message_dialog_new(GTK_WINDOW(gtk_widget_get_root(GTK_WIDGET(self))),
					_("Who Could Take It"),
					body->str);
	adw_message_dialog_add_response(ADW_MESSAGE_DIALOG(dialog), "close", _("_Close"));
	gtk_window_present(GTK_WINDOW(dialog));
}

static void
candidates_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterRequestsPage *self = ROSTER_REQUESTS_PAGE(user_data);
	RosterItem *request = roster_queue_button_get_item(button);
	g_autofree gchar *path =
	    roster_client_dup_request_candidates_path(roster_item_get_id(request));

	roster_page_hold(ROSTER_PAGE(self));
	roster_client_call_async(roster_page_get_client(ROSTER_PAGE(self)),
				 "GET",
				 path,
				 NULL,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 candidates_cb,
				 g_object_ref(self));
}

/* a row of a request; the buttons of what a coordinator may do with it */
static GtkWidget *
create_request_row_cb(gpointer item, gpointer user_data)
{
	RosterRequestsPage *self = ROSTER_REQUESTS_PAGE(user_data);
	RosterItem *request = ROSTER_ITEM(item);
	g_autofree gchar *title = roster_request_dup_title(request);
	g_autofree gchar *subtitle = roster_request_dup_subtitle(request);
	g_autofree gchar *state_class =
	    g_strconcat("request-", roster_item_get_string(request, "state"), NULL);
	GtkWidget *row = adw_action_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), title);
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	adw_action_row_set_subtitle_lines(ADW_ACTION_ROW(row), 3);
	gtk_widget_add_css_class(row, "request-row");
	gtk_widget_add_css_class(row, state_class);
	if (roster_request_has_candidates(request))
		roster_queue_add_button(ADW_ACTION_ROW(row),
					G_OBJECT(self),
					request,
					_("_Candidates…"),
					"request-candidates",
					G_CALLBACK(candidates_clicked_cb));
	if (roster_request_can_decline(request))
		roster_queue_add_button(ADW_ACTION_ROW(row),
					G_OBJECT(self),
					request,
					_("_Decline…"),
					"request-decline",
					G_CALLBACK(decline_clicked_cb));
	if (roster_request_can_approve(request))
		roster_queue_add_button(ADW_ACTION_ROW(row),
					G_OBJECT(self),
					request,
					_("_Approve…"),
					"request-approve",
					G_CALLBACK(approve_clicked_cb));
	return row;
}

static void
lists_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterRequestsPage) self = ROSTER_REQUESTS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_all_finish(result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_error(ROSTER_PAGE(self), error);
	}
	roster_page_release(ROSTER_PAGE(self));
}

static void
roster_requests_page_real_reload(RosterPage *page)
{
	RosterRequestsPage *self = ROSTER_REQUESTS_PAGE(page);
	RosterItemList *lists[2] = {self->waiting, self->others};

	roster_page_hold(page);
	roster_item_list_reload_all_async(lists,
					  G_N_ELEMENTS(lists),
					  roster_page_get_cancellable(page),
					  lists_cb,
					  g_object_ref(self));
}

static gboolean
not_waiting_cb(gpointer item, gpointer user_data)
{
	return !roster_request_can_approve(ROSTER_ITEM(item));
}

static void
roster_requests_page_client_changed(RosterPage *page)
{
	RosterRequestsPage *self = ROSTER_REQUESTS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);
	g_autofree gchar *waiting = roster_client_dup_requests_path("accepted");
	g_autofree gchar *others = roster_client_dup_requests_path(NULL);
	g_autoptr(GtkFilterListModel) filtered = NULL;
	GtkCustomFilter *filter;

	g_clear_object(&self->waiting);
	g_clear_object(&self->others);
	self->waiting = roster_item_list_new(client, waiting);
	self->others = roster_item_list_new(client, others);
	gtk_list_box_bind_model(self->waiting_list,
				G_LIST_MODEL(self->waiting),
				create_request_row_cb,
				self,
				NULL);
	/* the waiting ones stand in the first group only */
	filter = gtk_custom_filter_new(not_waiting_cb, NULL, NULL);
	filtered =
	    gtk_filter_list_model_new(G_LIST_MODEL(g_object_ref(self->others)), GTK_FILTER(filter));
	gtk_list_box_bind_model(self->other_list,
				G_LIST_MODEL(filtered),
				create_request_row_cb,
				self,
				NULL);
}

static void
roster_requests_page_dispose(GObject *object)
{
	RosterRequestsPage *self = ROSTER_REQUESTS_PAGE(object);

	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_REQUESTS_PAGE);
	g_clear_object(&self->waiting);
	g_clear_object(&self->others);
	G_OBJECT_CLASS(roster_requests_page_parent_class)->dispose(object);
}

static void
roster_requests_page_class_init(RosterRequestsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_requests_page_dispose;
	page_class->reload = roster_requests_page_real_reload;
	page_class->client_changed = roster_requests_page_client_changed;
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(
	    widget_class,
	    "/cn/hotline/Roster/ui/roster-requests-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterRequestsPage, waiting_list);
	gtk_widget_class_bind_template_child(widget_class, RosterRequestsPage, other_list);
}

static void
roster_requests_page_init(RosterRequestsPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	roster_row_set_placeholder(self->waiting_list, _("No request waits for approval"));
	roster_row_set_placeholder(self->other_list, _("No other requests"));
}
