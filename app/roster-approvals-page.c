/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the approval queue of service logs: the hours volunteers logged themselves wait here
 * until a coordinator approves or declines them with a reason */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-approvals-page.h"
#include "roster-client-records.h"
#include "roster-client-requests.h"
#include "roster-item-list.h"
#include "roster-queue-actions.h"
#include "roster-row-actions.h"

struct _RosterApprovalsPage {
	RosterPage parent_instance;
	GtkListBox *logs_list;
	RosterItemList *logs;
	RosterItemList *volunteers;
};

G_DEFINE_FINAL_TYPE(RosterApprovalsPage, roster_approvals_page, ROSTER_TYPE_PAGE)

guint
roster_approvals_page_get_n_pending(RosterApprovalsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_APPROVALS_PAGE(self), 0);
	if (self->logs == NULL)
		return 0;
	return g_list_model_get_n_items(G_LIST_MODEL(self->logs));
}

static void
decided_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterApprovalsPage) self = ROSTER_APPROVALS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_client_decide_service_log_finish(ROSTER_CLIENT(source), result, &error)) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self), _("Service log decided"));
	roster_page_reload(ROSTER_PAGE(self));
}

static void
decide_cb(GObject *owner, gint64 id, gboolean approve, const gchar *reason)
{
	RosterApprovalsPage *self = ROSTER_APPROVALS_PAGE(owner);

	roster_page_hold(ROSTER_PAGE(self));
	roster_client_decide_service_log_async(roster_page_get_client(ROSTER_PAGE(self)),
					       id,
					       approve,
					       reason,
					       roster_page_get_cancellable(ROSTER_PAGE(self)),
					       decided_cb,
					       g_object_ref(self));
}

static const gchar *
volunteer_name(RosterApprovalsPage *self, RosterItem *log)
{
	RosterItem *volunteer =
	    roster_item_list_find_by_id(self->volunteers,
					roster_item_get_int(log, "volunteer_id", 0));

	return volunteer != NULL ? roster_item_get_title(volunteer) : "?";
}

/* the volunteer and the hours of @log, for the question */
static gchar *
dup_log_summary_cb(GObject *owner, RosterItem *log)
{
	/* TRANSLATORS: who logged how many hours of service */
	return g_strdup_printf(_("%s: %.1f h"),
			       volunteer_name(ROSTER_APPROVALS_PAGE(owner), log),
			       roster_item_get_double(log, "hours", 0.0));
}

static const RosterQueueDecision log_decision = {
    N_("Approve the Service Hours?"),
    N_("Decline the Service Hours?"),
    "log",
    dup_log_summary_cb,
    decide_cb,
};

static GtkWidget *
create_log_row_cb(gpointer item, gpointer user_data)
{
	RosterApprovalsPage *self = ROSTER_APPROVALS_PAGE(user_data);
	RosterItem *log = ROSTER_ITEM(item);
	const gchar *description = roster_item_get_string(log, "description");
	g_autofree gchar *subtitle = NULL;
	GtkWidget *row;

	/* TRANSLATORS: a service log: its date, hours, kind and description */
	subtitle =
	    g_strdup_printf(_("%s · %.1f h · %s · %s"),
			    roster_item_get_string(log, "date"),
			    roster_item_get_double(log, "hours", 0.0),
			    roster_service_log_kind_to_label(roster_item_get_string(log, "kind")),
			    description != NULL ? description : "");
	row = roster_queue_row_new(volunteer_name(self, log), subtitle, "service-log-row");
	/* coordinators, managers and admins all decide service hours */
	roster_queue_add_decision(ADW_ACTION_ROW(row),
				  G_OBJECT(self),
				  log,
				  &log_decision,
				  TRUE,
				  TRUE);
	return row;
}

/* the volunteers first, for the rows of the logs name them, then the logs */
static void
loaded_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterApprovalsPage) self = ROSTER_APPROVALS_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_error(ROSTER_PAGE(self), error);
	}
	if (ROSTER_ITEM_LIST(source) == self->volunteers) {
		roster_item_list_reload_async(self->logs,
					      roster_page_get_cancellable(ROSTER_PAGE(self)),
					      loaded_cb,
					      g_object_ref(self));
		return;
	}
	roster_page_release(ROSTER_PAGE(self));
}

static void
roster_approvals_page_real_reload(RosterPage *page)
{
	RosterApprovalsPage *self = ROSTER_APPROVALS_PAGE(page);

	roster_page_hold(page);
	roster_item_list_reload_async(self->volunteers,
				      roster_page_get_cancellable(page),
				      loaded_cb,
				      g_object_ref(self));
}

static void
roster_approvals_page_client_changed(RosterPage *page)
{
	RosterApprovalsPage *self = ROSTER_APPROVALS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);
	g_autofree gchar *path = roster_client_dup_pending_logs_path();

	g_clear_object(&self->logs);
	g_clear_object(&self->volunteers);
	self->logs = roster_item_list_new(client, path);
	self->volunteers = roster_item_list_new_for(client, ROSTER_RESOURCE_VOLUNTEERS, 500);
	gtk_list_box_bind_model(self->logs_list,
				G_LIST_MODEL(self->logs),
				create_log_row_cb,
				self,
				NULL);
}

static void
roster_approvals_page_dispose(GObject *object)
{
	RosterApprovalsPage *self = ROSTER_APPROVALS_PAGE(object);

	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_APPROVALS_PAGE);
	g_clear_object(&self->logs);
	g_clear_object(&self->volunteers);
	G_OBJECT_CLASS(roster_approvals_page_parent_class)->dispose(object);
}

static void
roster_approvals_page_class_init(RosterApprovalsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_approvals_page_dispose;
	page_class->reload = roster_approvals_page_real_reload;
	page_class->client_changed = roster_approvals_page_client_changed;
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(
	    widget_class,
	    "/cn/hotline/Roster/ui/roster-approvals-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterApprovalsPage, logs_list);
}

static void
roster_approvals_page_init(RosterApprovalsPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	roster_row_set_placeholder(self->logs_list, _("No service hours wait for approval"));
}
