/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-connect-dialog.h"

/*
 * The connect dialog logs in with a new RosterClient and hands it over through the
 * connected signal; the token lives in that client for the session.
 */

struct _RosterConnectDialog {
	AdwWindow parent_instance;
	AdwEntryRow *url_row;
	AdwEntryRow *username_row;
	AdwPasswordEntryRow *password_row;
	GtkLabel *error_label;
	GtkSpinner *spinner;
	GtkButton *connect_button;
	GCancellable *cancellable;
	RosterClient *client;
};

G_DEFINE_FINAL_TYPE(RosterConnectDialog, roster_connect_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_CONNECTED, N_SIGNALS };

static guint signals[N_SIGNALS];

static void
set_busy(RosterConnectDialog *self, gboolean busy)
{
	gtk_spinner_set_spinning(self->spinner, busy);
	gtk_widget_set_sensitive(GTK_WIDGET(self->connect_button), !busy);
}

static void
login_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterConnectDialog) self = ROSTER_CONNECT_DIALOG(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_client_login_finish(ROSTER_CLIENT(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		set_busy(self, FALSE);
		gtk_label_set_text(self->error_label, error->message);
		gtk_widget_set_visible(GTK_WIDGET(self->error_label), TRUE);
		return;
	}
	set_busy(self, FALSE);
	g_signal_emit(self, signals[SIGNAL_CONNECTED], 0, self->client);
	gtk_window_close(GTK_WINDOW(self));
}

/**
 * roster_connect_dialog_connect:
 * @self: a #RosterConnectDialog
 *
 * Logs in with what the fields hold, as the Connect button does.
 *
 * Since: 0.1
 */
void
roster_connect_dialog_connect(RosterConnectDialog *self)
{
	const gchar *url = gtk_editable_get_text(GTK_EDITABLE(self->url_row));

	g_return_if_fail(ROSTER_IS_CONNECT_DIALOG(self));
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), FALSE);
	if (url[0] == '\0') {
		gtk_label_set_text(self->error_label, _("Enter the address of the server"));
		gtk_widget_set_visible(GTK_WIDGET(self->error_label), TRUE);
		return;
	}
	g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	self->cancellable = g_cancellable_new();
	g_clear_object(&self->client);
	self->client = roster_client_new(url);
	set_busy(self, TRUE);
	roster_client_login_async(self->client,
				  gtk_editable_get_text(GTK_EDITABLE(self->username_row)),
				  gtk_editable_get_text(GTK_EDITABLE(self->password_row)),
				  self->cancellable,
				  login_cb,
				  g_object_ref(self));
}

static void
connect_clicked_cb(RosterConnectDialog *self)
{
	roster_connect_dialog_connect(self);
}

const gchar *
roster_connect_dialog_get_server_url(RosterConnectDialog *self)
{
	g_return_val_if_fail(ROSTER_IS_CONNECT_DIALOG(self), NULL);
	return gtk_editable_get_text(GTK_EDITABLE(self->url_row));
}

void
roster_connect_dialog_set_password(RosterConnectDialog *self, const gchar *password)
{
	g_return_if_fail(ROSTER_IS_CONNECT_DIALOG(self));
	gtk_editable_set_text(GTK_EDITABLE(self->password_row), password);
}

static void
roster_connect_dialog_dispose(GObject *object)
{
	RosterConnectDialog *self = ROSTER_CONNECT_DIALOG(object);

	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	g_clear_object(&self->client);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_CONNECT_DIALOG);
	G_OBJECT_CLASS(roster_connect_dialog_parent_class)->dispose(object);
}

static void
roster_connect_dialog_class_init(RosterConnectDialogClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

	object_class->dispose = roster_connect_dialog_dispose;
	signals[SIGNAL_CONNECTED] = g_signal_new("connected",
						 G_TYPE_FROM_CLASS(klass),
						 G_SIGNAL_RUN_LAST,
						 0,
						 NULL,
						 NULL,
						 NULL,
						 G_TYPE_NONE,
						 1,
						 ROSTER_TYPE_CLIENT);
	gtk_widget_class_set_template_from_resource(
	    widget_class,
	    "/cn/hotline/Roster/ui/roster-connect-dialog.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterConnectDialog, url_row);
	gtk_widget_class_bind_template_child(widget_class, RosterConnectDialog, username_row);
	gtk_widget_class_bind_template_child(widget_class, RosterConnectDialog, password_row);
	gtk_widget_class_bind_template_child(widget_class, RosterConnectDialog, error_label);
	gtk_widget_class_bind_template_child(widget_class, RosterConnectDialog, spinner);
	gtk_widget_class_bind_template_child(widget_class, RosterConnectDialog, connect_button);
	gtk_widget_class_bind_template_callback(widget_class, connect_clicked_cb);
	gtk_widget_class_add_binding_action(widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
roster_connect_dialog_init(RosterConnectDialog *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
}

RosterConnectDialog *
roster_connect_dialog_new(GtkWindow *parent, const gchar *server_url, const gchar *username)
{
	RosterConnectDialog *self =
	    g_object_new(ROSTER_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);

	gtk_editable_set_text(GTK_EDITABLE(self->url_row),
			      server_url != NULL ? server_url : "http://127.0.0.1:8355");
	gtk_editable_set_text(GTK_EDITABLE(self->username_row), username != NULL ? username : "");
	if (username != NULL && username[0] != '\0')
		gtk_widget_grab_focus(GTK_WIDGET(self->password_row));
	return self;
}
