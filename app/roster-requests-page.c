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
#include "roster-client-roles.h"
#include "roster-item-list.h"
#include "roster-page-lists.h"
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
decide_cb(GObject *owner, gint64 id, gboolean approve, const gchar *reason)
{
	roster_requests_page_decide(ROSTER_REQUESTS_PAGE(owner), id, approve, reason);
}

/* the request's people and shift, for the question */
static gchar *
dup_request_summary_cb(GObject *owner, RosterItem *request)
{
	g_autofree gchar *title = roster_request_dup_title(request);
	g_autofree gchar *subtitle = roster_request_dup_subtitle(request);

	return g_strconcat(title, "\n", subtitle, NULL);
}

static const RosterQueueDecision request_decision = {
    N_("Approve the Request?"),
    N_("Decline the Request?"),
    "request",
    dup_request_summary_cb,
    decide_cb,
};

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

	roster_page_call(ROSTER_PAGE(self), "GET", path, NULL, candidates_cb);
}

/* a row of a request; the buttons of what the account may do with it: only planners
 * approve or decline, every staff role sees who could take a give-away */
static GtkWidget *
create_request_row_cb(gpointer item, gpointer user_data)
{
	RosterRequestsPage *self = ROSTER_REQUESTS_PAGE(user_data);
	RosterItem *request = ROSTER_ITEM(item);
	gboolean planner = roster_client_can_plan(roster_page_get_client(ROSTER_PAGE(self)));
	g_autofree gchar *title = roster_request_dup_title(request);
	g_autofree gchar *subtitle = roster_request_dup_subtitle(request);
	g_autofree gchar *state_class =
	    g_strconcat("request-", roster_item_get_string(request, "state"), NULL);
	GtkWidget *row = roster_queue_row_new(title, subtitle, "request-row");

	gtk_widget_add_css_class(row, state_class);
	if (roster_request_has_candidates(request))
		roster_queue_add_button(ADW_ACTION_ROW(row),
					G_OBJECT(self),
					request,
					_("_Candidates…"),
					"request-candidates",
					G_CALLBACK(candidates_clicked_cb));
	roster_queue_add_decision(ADW_ACTION_ROW(row),
				  G_OBJECT(self),
				  request,
				  &request_decision,
				  planner && roster_request_can_decline(request),
				  planner && roster_request_can_approve(request));
	return row;
}

static void
roster_requests_page_real_reload(RosterPage *page)
{
	RosterRequestsPage *self = ROSTER_REQUESTS_PAGE(page);
	RosterItemList *lists[2] = {self->waiting, self->others};

	roster_page_load_lists(page, lists, G_N_ELEMENTS(lists), NULL);
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
