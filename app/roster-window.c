/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-accounts-page.h"
#include "roster-approvals-page.h"
#include "roster-audit-page.h"
#include "roster-client-links.h"
#include "roster-connect-dialog.h"
#include "roster-data-dirs.h"
#include "roster-error.h"
#include "roster-item.h"
#include "roster-messages-page.h"
#include "roster-publish-page.h"
#include "roster-record-settings-page.h"
#include "roster-records-page.h"
#include "roster-reports-page.h"
#include "roster-requests-page.h"
#include "roster-resources.h"
#include "roster-roster-page.h"
#include "roster-rounds-page.h"
#include "roster-seats-page.h"
#include "roster-sidebar.h"
#include "roster-teams-page.h"
#include "roster-token-store.h"
#include "roster-volunteers-page.h"
#include "roster-window.h"

/*
 * The main window: a sidebar beside a view stack of pages that share one RosterClient.
 * Pages report errors and results through the win.toast action, so they never look up
 * the window.
 */

struct _RosterWindow {
	AdwApplicationWindow parent_instance;
	AdwToastOverlay *toast_overlay;
	/* the toast on screen, or NULL, when it came, and whether a frame has been drawn
	 * since its slide-in ended */
	AdwToast *toast;
	gint64 toast_shown_at;
	gboolean toast_settled;
	AdwViewStack *stack;
	GtkBox *body;
	RosterSidebar *sidebar;
	AdwWindowTitle *window_title;
	GtkLabel *account_label;
	RosterRosterPage *roster_page;
	RosterPublishPage *publish_page;
	RosterVolunteersPage *volunteers_page;
	RosterSeatsPage *seats_page;
	RosterReportsPage *reports_page;
	RosterRecordsPage *records_page;
	RosterPage *rounds_page;
	/* what a volunteer sees instead of the coordinators' views */
	AdwStatusPage *volunteer_page;
	GtkLinkButton *volunteer_link;
	RosterClient *client;
	GSettings *settings;
	/* the daemon given by --server, used instead of the one remembered */
	gchar *server_url;
	/* the window's own calls (the keyring, resuming a session); cancelled as it goes */
	GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE(RosterWindow, roster_window, ADW_TYPE_APPLICATION_WINDOW)

/* the views that need nothing but the client, reached through the RosterPage base */
static const gchar *const queue_views[] =
    {"requests", "approvals", "messages", "teams", "record-settings", "audit", "accounts"};

static void
update_account_label(RosterWindow *self)
{
	g_autofree gchar *text = NULL;

	if (self->client == NULL || !roster_client_get_logged_in(self->client)) {
		gtk_label_set_text(self->account_label, _("Not connected"));
		return;
	}
	/* TRANSLATORS: the user name and role shown in the header bar, e.g. "lin (Coordinator)" */
	text = g_strdup_printf(_("%s (%s)"),
			       roster_client_get_username(self->client),
			       roster_role_to_label(roster_client_get_role(self->client)));
	gtk_label_set_text(self->account_label, text);
}

static void
reload_pages(RosterWindow *self)
{
	roster_roster_page_reload(self->roster_page);
	roster_publish_page_reload(self->publish_page);
	roster_volunteers_page_reload(self->volunteers_page);
	roster_seats_page_reload(self->seats_page);
	roster_records_page_reload(self->records_page);
	roster_reports_page_reload(self->reports_page);
	roster_page_reload(self->rounds_page);
	for (guint i = 0; i < G_N_ELEMENTS(queue_views); i++)
		roster_page_reload(ROSTER_PAGE(roster_window_get_page(self, queue_views[i])));
}

/* a volunteer's account may do nothing in the coordinators' views: it is shown where
 * its own page is instead; every other role gets the views */
static void
show_views_for_role(RosterWindow *self, RosterClient *client)
{
	gboolean volunteer = g_strcmp0(roster_client_get_role(client), "volunteer") == 0;
	/* publishing is for coordinators and admins */
	gboolean publisher = g_strcmp0(roster_client_get_role(client), "admin") == 0 ||
			     g_strcmp0(roster_client_get_role(client), "coordinator") == 0;
	GListModel *pages = G_LIST_MODEL(adw_view_stack_get_pages(self->stack));
	GtkWidget *visible = adw_view_stack_get_visible_child(self->stack);

	for (guint i = 0; i < g_list_model_get_n_items(pages); i++) {
		g_autoptr(AdwViewStackPage) page = g_list_model_get_item(pages, i);
		GtkWidget *child = adw_view_stack_page_get_child(page);
		gboolean is_volunteer_page = child == GTK_WIDGET(self->volunteer_page);
		adw_view_stack_page_set_visible(
		    page,
		    is_volunteer_page == volunteer &&
			(!ROSTER_IS_PAGE(child) ||
			 roster_page_is_shown_to(ROSTER_PAGE(child), client)));
		if (child == GTK_WIDGET(self->publish_page) ||
		    child == roster_window_get_page(self, "messages"))
			adw_view_stack_page_set_visible(page, publisher);
	}
	g_object_unref(pages);
	if (volunteer) {
		g_autofree gchar *url = roster_client_dup_site_url(client, "/my/");
		gtk_link_button_set_uri(self->volunteer_link, url);
		gtk_button_set_label(GTK_BUTTON(self->volunteer_link), url);
		adw_view_stack_set_visible_child_name(self->stack, "volunteer");
	} else if (visible == NULL || !adw_view_stack_page_get_visible(
					  adw_view_stack_get_page(self->stack, visible))) {
		adw_view_stack_set_visible_child_name(self->stack, "roster");
	}
}

/**
 * roster_window_set_client:
 * @self: a #RosterWindow
 * @client: a logged-in client
 *
 * Gives every page the client and loads them.
 *
 * Since: 0.1
 */
void
roster_window_set_client(RosterWindow *self, RosterClient *client)
{
	g_return_if_fail(ROSTER_IS_WINDOW(self));
	g_return_if_fail(ROSTER_IS_CLIENT(client));

	g_set_object(&self->client, client);
	roster_roster_page_set_client(self->roster_page, client);
	roster_publish_page_set_client(self->publish_page, client);
	roster_volunteers_page_set_client(self->volunteers_page, client);
	roster_seats_page_set_client(self->seats_page, client);
	roster_records_page_set_client(self->records_page, client);
	roster_reports_page_set_client(self->reports_page, client);
	roster_page_set_client(self->rounds_page, client);
	for (guint i = 0; i < G_N_ELEMENTS(queue_views); i++)
		roster_page_set_client(ROSTER_PAGE(roster_window_get_page(self, queue_views[i])),
				       client);
	update_account_label(self);
	show_views_for_role(self, client);
	if (g_strcmp0(roster_client_get_role(client), "volunteer") == 0) {
		gtk_widget_action_set_enabled(GTK_WIDGET(self), "win.reload", FALSE);
		return;
	}
	gtk_widget_action_set_enabled(GTK_WIDGET(self),
				      "win.reload",
				      roster_client_get_logged_in(client));
	reload_pages(self);
}

RosterClient *
roster_window_get_client(RosterWindow *self)
{
	g_return_val_if_fail(ROSTER_IS_WINDOW(self), NULL);
	return self->client;
}

static void
token_saved_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GError) error = NULL;

	/* no keyring is no reason to bother the user: the next start asks again */
	if (!roster_token_store_save_finish(result, &error))
		g_debug("token not remembered: %s", error->message);
}

static void
connected_cb(RosterConnectDialog *dialog, RosterClient *client, gpointer user_data)
{
	RosterWindow *self = ROSTER_WINDOW(user_data);
	const gchar *url = roster_connect_dialog_get_server_url(dialog);

	roster_window_set_client(self, client);
	if (self->settings != NULL) {
		g_settings_set_string(self->settings, "server-url", url);
		g_settings_set_string(self->settings,
				      "username",
				      roster_client_get_username(client));
	}
	if (roster_token_store_is_available() && roster_client_get_username(client) != NULL) {
		roster_token_store_save_async(url,
					      roster_client_get_username(client),
					      roster_client_get_token(client),
					      self->cancellable,
					      token_saved_cb,
					      NULL);
	}
}

typedef struct {
	RosterWindow *self;
	RosterClient *client;
	gchar *url;
	gchar *username;
} ResumeData;

static void
resume_data_free(ResumeData *data)
{
	g_object_unref(data->self);
	g_clear_object(&data->client);
	g_free(data->url);
	g_free(data->username);
	g_free(data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(ResumeData, resume_data_free)

static void
token_cleared_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GError) error = NULL;

	if (!roster_token_store_clear_finish(result, &error))
		g_debug("token not forgotten: %s", error->message);
}

static void
resumed_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(ResumeData) data = user_data;
	g_autoptr(GError) error = NULL;

	if (roster_client_resume_finish(ROSTER_CLIENT(source), result, &error)) {
		roster_window_set_client(data->self, data->client);
		return;
	}
	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return;
	/* a token the daemon refuses is of no more use */
	if (g_error_matches(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED))
		roster_token_store_clear_async(data->url,
					       data->username,
					       NULL,
					       token_cleared_cb,
					       NULL);
	roster_window_show_connect(data->self);
}

static void
token_found_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(ResumeData) data = user_data;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = roster_token_store_lookup_finish(result, &error);

	if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
		return;
	if (token == NULL) {
		if (error != NULL)
			g_debug("no keyring: %s", error->message);
		roster_window_show_connect(data->self);
		return;
	}
	data->client = roster_client_new(data->url);
	roster_client_resume_async(data->client,
				   token,
				   data->self->cancellable,
				   resumed_cb,
				   g_steal_pointer(&data));
}

/**
 * roster_window_resume_session:
 * @self: a #RosterWindow
 *
 * Logs in again with the token the keyring remembers for the last server and user,
 * and shows the connect dialog when there is none or the daemon refuses it.
 *
 * Since: 0.1
 */
void
roster_window_resume_session(RosterWindow *self)
{
	ResumeData *data;
	g_autofree gchar *url = NULL;
	g_autofree gchar *username = NULL;

	g_return_if_fail(ROSTER_IS_WINDOW(self));
	if (self->settings != NULL) {
		url = g_settings_get_string(self->settings, "server-url");
		username = g_settings_get_string(self->settings, "username");
	}
	/* another daemon than last time: the remembered token is not for it */
	if (self->server_url != NULL && g_strcmp0(url, self->server_url) != 0) {
		roster_window_show_connect(self);
		return;
	}
	if (!roster_token_store_is_available() || url == NULL || url[0] == '\0' ||
	    username == NULL || username[0] == '\0') {
		roster_window_show_connect(self);
		return;
	}
	data = g_new0(ResumeData, 1);
	data->self = g_object_ref(self);
	data->url = g_steal_pointer(&url);
	data->username = g_steal_pointer(&username);
	roster_token_store_lookup_async(data->url,
					data->username,
					self->cancellable,
					token_found_cb,
					data);
}

/**
 * roster_window_show_connect:
 * @self: a #RosterWindow
 *
 * Shows the connect dialog, filled with the last server and user name.
 *
 * Since: 0.1
 */
void
roster_window_show_connect(RosterWindow *self)
{
	RosterConnectDialog *dialog;
	g_autofree gchar *url = NULL;
	g_autofree gchar *username = NULL;

	g_return_if_fail(ROSTER_IS_WINDOW(self));
	if (self->settings != NULL) {
		url = g_settings_get_string(self->settings, "server-url");
		username = g_settings_get_string(self->settings, "username");
	}
	if (self->server_url != NULL) {
		g_free(url);
		url = g_strdup(self->server_url);
	}
	dialog = roster_connect_dialog_new(GTK_WINDOW(self), url, username);
	g_signal_connect_object(dialog, "connected", G_CALLBACK(connected_cb), self, 0);
	gtk_window_present(GTK_WINDOW(dialog));
}

/**
 * roster_window_set_server_url:
 * @self: a #RosterWindow
 * @url: (nullable): the daemon's address, or %NULL for the one used last
 *
 * Sets the daemon the window connects to, as given by --server.
 *
 * Since: 0.1
 */
void
roster_window_set_server_url(RosterWindow *self, const gchar *url)
{
	g_return_if_fail(ROSTER_IS_WINDOW(self));
	g_free(self->server_url);
	self->server_url = g_strdup(url);
}

void
roster_window_set_view(RosterWindow *self, const gchar *name)
{
	g_return_if_fail(ROSTER_IS_WINDOW(self));
	adw_view_stack_set_visible_child_name(self->stack, name);
}

/* the page widget of a view: roster, publish, volunteers, seats, records or reports */
GtkWidget *
roster_window_get_page(RosterWindow *self, const gchar *name)
{
	g_return_val_if_fail(ROSTER_IS_WINDOW(self), NULL);
	return adw_view_stack_get_child_by_name(self->stack, name);
}

static void
toast_dismissed_cb(AdwToast *toast, gpointer user_data)
{
	RosterWindow *self = ROSTER_WINDOW(user_data);

	if (self->toast == toast)
		g_clear_object(&self->toast);
}

/* the slide-in runs on the frame clock (300 ms, or 500 ms when it replaces a toast): it
 * has ended once a frame a second after the toast came has been drawn, however long the
 * machine took to draw it */
static gboolean
toast_tick_cb(GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
	RosterWindow *self = ROSTER_WINDOW(widget);

	if (self->toast == NULL)
		return G_SOURCE_REMOVE;
	if (gdk_frame_clock_get_frame_time(clock) - self->toast_shown_at < G_TIME_SPAN_SECOND)
		return G_SOURCE_CONTINUE;
	self->toast_settled = TRUE;
	return G_SOURCE_REMOVE;
}

/* one toast at a time: a new message replaces the text of the toast on screen rather
 * than queueing behind it (the overlay shows each queued toast for its whole timeout,
 * so old news stayed up long after the view had moved on) */
void
roster_window_add_toast(RosterWindow *self, const gchar *message)
{
	AdwToast *toast;

	g_return_if_fail(ROSTER_IS_WINDOW(self));
	if (self->toast != NULL) {
		adw_toast_set_title(self->toast, message);
		return;
	}
	toast = adw_toast_new(message);
	adw_toast_set_timeout(toast, 3);
	self->toast = g_object_ref(toast);
	self->toast_shown_at = g_get_monotonic_time();
	self->toast_settled = FALSE;
	gtk_widget_add_tick_callback(GTK_WIDGET(self), toast_tick_cb, NULL, NULL);
	g_signal_connect_object(toast, "dismissed", G_CALLBACK(toast_dismissed_cb), self, 0);
	adw_toast_overlay_add_toast(self->toast_overlay, toast);
}

/**
 * roster_window_dismiss_toast:
 * @self: a #RosterWindow
 *
 * Takes the toast on screen away, e.g. before a screenshot. libadwaita 1.2 crashes
 * when a toast is dismissed while it is still sliding in, so a toast stays until the
 * window has drawn a frame a second after it came: the slide-in runs on the frame
 * clock, and on a busy machine a second of wall time may hold no frame at all.
 *
 * Returns: %TRUE when no toast is left on screen
 *
 * Since: 0.1
 */
gboolean
roster_window_dismiss_toast(RosterWindow *self)
{
	g_autoptr(AdwToast) toast = NULL;

	g_return_val_if_fail(ROSTER_IS_WINDOW(self), FALSE);
	if (self->toast == NULL)
		return TRUE;
	if (!self->toast_settled)
		return FALSE;
	toast = g_steal_pointer(&self->toast);
	adw_toast_dismiss(toast);
	return TRUE;
}

static void
connect_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	roster_window_show_connect(ROSTER_WINDOW(widget));
}

static void
reload_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	reload_pages(ROSTER_WINDOW(widget));
}

static void
toast_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	roster_window_add_toast(ROSTER_WINDOW(widget), g_variant_get_string(parameter, NULL));
}

/* Alt+1 … Alt+9: the views in the sidebar's order, as many as the account sees */
static void
show_nth_view_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterWindow *self = ROSTER_WINDOW(widget);
	const gchar *name =
	    roster_sidebar_get_nth_shown(self->sidebar, g_variant_get_uint32(parameter));

	if (name != NULL)
		roster_window_set_view(self, name);
}

static void
show_view_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	roster_window_set_view(ROSTER_WINDOW(widget), g_variant_get_string(parameter, NULL));
}

/* a volunteer named by the roster's explanations, opened in the volunteers view */
static void
show_volunteer_action_cb(GtkWidget *widget, const gchar *action_name, GVariant *parameter)
{
	RosterWindow *self = ROSTER_WINDOW(widget);

	roster_window_set_view(self, "volunteers");
	roster_volunteers_page_show_volunteer(self->volunteers_page,
					      g_variant_get_int64(parameter));
}

static void
roster_window_close_request_save(RosterWindow *self)
{
	gint width = 0;
	gint height = 0;

	if (self->settings == NULL)
		return;
	gtk_window_get_default_size(GTK_WINDOW(self), &width, &height);
	g_settings_set_int(self->settings, "window-width", width);
	g_settings_set_int(self->settings, "window-height", height);
	g_settings_set_boolean(self->settings,
			       "window-maximized",
			       gtk_window_is_maximized(GTK_WINDOW(self)));
}

static gboolean
roster_window_close_request(GtkWindow *window)
{
	roster_window_close_request_save(ROSTER_WINDOW(window));
	return GTK_WINDOW_CLASS(roster_window_parent_class)->close_request(window);
}

static void
roster_window_dispose(GObject *object)
{
	RosterWindow *self = ROSTER_WINDOW(object);

	g_clear_object(&self->toast);
	if (self->cancellable != NULL)
		g_cancellable_cancel(self->cancellable);
	g_clear_object(&self->cancellable);
	g_clear_object(&self->client);
	g_clear_object(&self->settings);
	g_clear_pointer(&self->server_url, g_free);
	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_WINDOW);
	G_OBJECT_CLASS(roster_window_parent_class)->dispose(object);
}

static void
roster_window_class_init(RosterWindowClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	GtkWindowClass *window_class = GTK_WINDOW_CLASS(klass);

	/* referencing the bundle links its object, whose constructor registers it */
	g_return_if_fail(roster_get_resource() != NULL);
	object_class->dispose = roster_window_dispose;
	window_class->close_request = roster_window_close_request;

	g_type_ensure(ROSTER_TYPE_ROSTER_PAGE);
	g_type_ensure(ROSTER_TYPE_PUBLISH_PAGE);
	g_type_ensure(ROSTER_TYPE_VOLUNTEERS_PAGE);
	g_type_ensure(ROSTER_TYPE_SEATS_PAGE);
	g_type_ensure(ROSTER_TYPE_REPORTS_PAGE);
	g_type_ensure(ROSTER_TYPE_RECORDS_PAGE);
	g_type_ensure(ROSTER_TYPE_REQUESTS_PAGE);
	g_type_ensure(ROSTER_TYPE_APPROVALS_PAGE);
	g_type_ensure(ROSTER_TYPE_MESSAGES_PAGE);
	gtk_widget_class_set_template_from_resource(widget_class,
						    "/cn/hotline/Roster/ui/roster-window.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, toast_overlay);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, stack);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, body);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, window_title);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, account_label);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, roster_page);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, publish_page);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, volunteers_page);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, seats_page);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, reports_page);
	gtk_widget_class_bind_template_child(widget_class, RosterWindow, records_page);

	gtk_widget_class_install_action(widget_class, "win.connect", NULL, connect_action_cb);
	gtk_widget_class_install_action(widget_class, "win.reload", NULL, reload_action_cb);
	gtk_widget_class_install_action(widget_class, "win.toast", "s", toast_action_cb);
	gtk_widget_class_install_action(widget_class, "win.show-view", "s", show_view_action_cb);
	gtk_widget_class_install_action(widget_class,
					"win.show-nth-view",
					"u",
					show_nth_view_action_cb);
	gtk_widget_class_install_action(widget_class,
					"win.show-volunteer",
					"x",
					show_volunteer_action_cb);
	gtk_widget_class_add_binding_action(widget_class,
					    GDK_KEY_l,
					    GDK_CONTROL_MASK,
					    "win.connect",
					    NULL);
	gtk_widget_class_add_binding_action(widget_class,
					    GDK_KEY_r,
					    GDK_CONTROL_MASK,
					    "win.reload",
					    NULL);
	gtk_widget_class_add_binding_action(widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
	for (guint i = 0; i < 9; i++) {
		gtk_widget_class_add_binding_action(widget_class,
						    GDK_KEY_1 + i,
						    GDK_ALT_MASK,
						    "win.show-nth-view",
						    "u",
						    i);
	}
}

/* the header names the view shown, since the sidebar may be scrolled away from it */
static void
visible_child_cb(RosterWindow *self)
{
	GtkWidget *child = adw_view_stack_get_visible_child(self->stack);

	adw_window_title_set_subtitle(
	    self->window_title,
	    child != NULL
		? adw_view_stack_page_get_title(adw_view_stack_get_page(self->stack, child))
		: NULL);
}

/* the style sheet lives under ui/ so that AdwApplication does not load it a second time */
static void
ensure_style(void)
{
	static gboolean loaded = FALSE;
	g_autoptr(GtkCssProvider) provider = NULL;

	if (loaded || gdk_display_get_default() == NULL)
		return;
	provider = gtk_css_provider_new();
	gtk_css_provider_load_from_resource(provider, "/cn/hotline/Roster/ui/style.css");
	gtk_style_context_add_provider_for_display(gdk_display_get_default(),
						   GTK_STYLE_PROVIDER(provider),
						   GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
	loaded = TRUE;
}

static void
roster_window_init(RosterWindow *self)
{
	ensure_style();
	gtk_widget_init_template(GTK_WIDGET(self));
	/* availability rounds: a page made in code, after the template's pages */
	self->rounds_page = ROSTER_PAGE(roster_rounds_page_new());
	adw_view_stack_add_titled_with_icon(self->stack,
					    GTK_WIDGET(self->rounds_page),
					    "rounds",
					    _("Rounds"),
					    "task-due-symbolic");
	adw_view_stack_add_titled_with_icon(self->stack,
					    roster_teams_page_new(),
					    "teams",
					    _("Teams"),
					    "media-playlist-repeat-symbolic");
	adw_view_stack_add_titled_with_icon(self->stack,
					    roster_record_settings_page_new(),
					    "record-settings",
					    _("Record Settings"),
					    "preferences-system-symbolic");
	adw_view_stack_add_titled_with_icon(self->stack,
					    roster_audit_page_new(),
					    "audit",
					    _("Audit Log"),
					    "document-open-recent-symbolic");
	adw_view_stack_add_titled_with_icon(self->stack,
					    roster_accounts_page_new(),
					    "accounts",
					    _("Accounts"),
					    "avatar-default-symbolic");
	/* every page is in the stack now: the sidebar lists them */
	self->sidebar = ROSTER_SIDEBAR(roster_sidebar_new(self->stack));
	gtk_box_prepend(self->body, GTK_WIDGET(self->sidebar));
	g_signal_connect_object(self->stack,
				"notify::visible-child",
				G_CALLBACK(visible_child_cb),
				self,
				G_CONNECT_SWAPPED);
	visible_child_cb(self);
	self->volunteer_link = GTK_LINK_BUTTON(gtk_link_button_new(""));
	gtk_widget_set_halign(GTK_WIDGET(self->volunteer_link), GTK_ALIGN_CENTER);
	self->volunteer_page = ADW_STATUS_PAGE(adw_status_page_new());
	adw_status_page_set_icon_name(self->volunteer_page, "x-office-calendar-symbolic");
	adw_status_page_set_title(self->volunteer_page, _("Your shifts are on your own page"));
	adw_status_page_set_description(
	    self->volunteer_page,
	    _("This app is for coordinators and managers. As a volunteer, you see your "
	      "shifts, give your availability and ask for swaps in the browser, at:"));
	adw_status_page_set_child(self->volunteer_page, GTK_WIDGET(self->volunteer_link));
	adw_view_stack_page_set_visible(
	    adw_view_stack_add_named(self->stack, GTK_WIDGET(self->volunteer_page), "volunteer"),
	    FALSE);
	self->cancellable = g_cancellable_new();
	self->settings = roster_data_dirs_new_settings();
	if (self->settings != NULL) {
		gtk_window_set_default_size(GTK_WINDOW(self),
					    g_settings_get_int(self->settings, "window-width"),
					    g_settings_get_int(self->settings, "window-height"));
		if (g_settings_get_boolean(self->settings, "window-maximized"))
			gtk_window_maximize(GTK_WINDOW(self));
	}
	gtk_widget_action_set_enabled(GTK_WIDGET(self), "win.reload", FALSE);
	update_account_label(self);
}

RosterWindow *
roster_window_new(RosterApplication *application)
{
	return g_object_new(ROSTER_TYPE_WINDOW, "application", application, NULL);
}
