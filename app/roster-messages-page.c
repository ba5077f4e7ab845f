/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the messages view of coordinators and admins: the outbox's newest messages by state,
 * a failed one sent again, and the notifier's settings (an admin changes them; the
 * password is written, never shown) */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-messages.h"
#include "roster-error.h"
#include "roster-item-list.h"
#include "roster-messages-page.h"
#include "roster-queue-actions.h"
#include "roster-row-actions.h"

struct _RosterMessagesPage {
	RosterPage parent_instance;
	GtkDropDown *state_filter;
	GtkListBox *messages_list;
	AdwPreferencesGroup *settings_group;
	AdwEntryRow *smtp_server_row;
	AdwEntryRow *smtp_port_row;
	AdwEntryRow *smtp_user_row;
	AdwEntryRow *smtp_password_row;
	AdwEntryRow *smtp_from_row;
	AdwComboRow *smtp_tls_row;
	AdwEntryRow *smtp_ca_file_row;
	AdwEntryRow *webhook_url_row;
	AdwEntryRow *webhook_token_row;
	AdwEntryRow *public_url_row;
	AdwEntryRow *reminders_row;
	AdwEntryRow *escalation_row;
	AdwEntryRow *quiet_start_row;
	AdwEntryRow *quiet_end_row;
	GtkButton *save_button;
	RosterItemList *messages;
};

G_DEFINE_FINAL_TYPE(RosterMessagesPage, roster_messages_page, ROSTER_TYPE_PAGE)

/* the states of the filter's entries: all, pending, sent, failed */
static const gchar *const filter_states[] = {NULL, "pending", "sent", "failed"};

static gboolean
is_admin(RosterMessagesPage *self)
{
	return g_strcmp0(roster_client_get_role(roster_page_get_client(ROSTER_PAGE(self))),
			 "admin") == 0;
}

/* the messages and the notifier are for coordinators and admins: the view is hidden
 * from the other roles and loads nothing for them */
static gboolean
is_planner(RosterMessagesPage *self)
{
	return is_admin(self) ||
	       g_strcmp0(roster_client_get_role(roster_page_get_client(ROSTER_PAGE(self))),
			 "coordinator") == 0;
}

static void
set_row_text(AdwEntryRow *row, const gchar *text)
{
	gtk_editable_set_text(GTK_EDITABLE(row), text != NULL ? text : "");
}

static void
set_row_int(AdwEntryRow *row, JsonObject *settings, const gchar *key)
{
	g_autofree gchar *text =
	    g_strdup_printf("%" G_GINT64_FORMAT,
			    json_object_get_int_member_with_default(settings, key, 0));

	set_row_text(row, text);
}

/* the TLS modes of the mail server, in the order of the encryption row's choices */
static const gchar *const tls_modes[] = {"starttls", "tls", "none"};

/* a secret's row: always empty (the daemon never sends a secret back), its title saying
 * whether one is set */
static void
show_secret(AdwEntryRow *row, JsonObject *settings, const gchar *key, const gchar *title)
{
	g_autofree gchar *is_set = g_strconcat(key, "_set", NULL);
	g_autofree gchar *full = NULL;

	set_row_text(row, NULL);
	full = g_strdup_printf(json_object_get_boolean_member_with_default(settings, is_set, FALSE)
				   /* TRANSLATORS: the title of a password row, when one is set */
				   ? _("%s (set; leave empty to keep it)")
				   /* TRANSLATORS: the title of a password row, when none is set */
				   : _("%s (not set)"),
			       title);
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), full);
}

static void
show_settings(RosterMessagesPage *self, JsonObject *settings)
{
	const gchar *tls = json_object_get_string_member_with_default(settings, "smtp_tls", NULL);
	guint tls_index = 0;

	g_autofree gchar *reminders = roster_notifier_format_minutes(
	    json_object_get_array_member(settings, "reminder_minutes"));

	set_row_text(self->smtp_server_row,
		     json_object_get_string_member_with_default(settings, "smtp_server", NULL));
	set_row_int(self->smtp_port_row, settings, "smtp_port");
	set_row_text(self->smtp_user_row,
		     json_object_get_string_member_with_default(settings, "smtp_user", NULL));
	show_secret(self->smtp_password_row, settings, "smtp_password", _("Password"));
	set_row_text(self->smtp_from_row,
		     json_object_get_string_member_with_default(settings, "smtp_from", NULL));
	for (guint i = 0; i < G_N_ELEMENTS(tls_modes); i++) {
		if (g_strcmp0(tls, tls_modes[i]) == 0)
			tls_index = i;
	}
	adw_combo_row_set_selected(self->smtp_tls_row, tls_index);
	set_row_text(self->smtp_ca_file_row,
		     json_object_get_string_member_with_default(settings, "smtp_ca_file", NULL));
	set_row_text(self->webhook_url_row,
		     json_object_get_string_member_with_default(settings, "webhook_url", NULL));
	show_secret(self->webhook_token_row, settings, "webhook_token", _("Gateway token"));
	set_row_text(self->public_url_row,
		     json_object_get_string_member_with_default(settings, "public_url", NULL));
	set_row_text(self->reminders_row, reminders);
	set_row_int(self->escalation_row, settings, "escalation_minutes");
	set_row_text(self->quiet_start_row,
		     json_object_get_string_member_with_default(settings, "quiet_start", NULL));
	set_row_text(self->quiet_end_row,
		     json_object_get_string_member_with_default(settings, "quiet_end", NULL));
}

/* the rows' text as the settings' members: an empty row resets its setting (null) */
static void
add_text(JsonObject *changes, const gchar *key, AdwEntryRow *row)
{
	const gchar *text = gtk_editable_get_text(GTK_EDITABLE(row));

	if (text[0] == '\0')
		json_object_set_null_member(changes, key);
	else
		json_object_set_string_member(changes, key, text);
}

static gboolean
add_int(JsonObject *changes, const gchar *key, AdwEntryRow *row, GError **error)
{
	const gchar *text = gtk_editable_get_text(GTK_EDITABLE(row));
	gint64 value = 0;

	if (text[0] == '\0') {
		json_object_set_null_member(changes, key);
		return TRUE;
	}
	if (!g_ascii_string_to_signed(text, 10, 0, G_MAXINT32, &value, NULL)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    /* TRANSLATORS: the title of a settings row that must hold a number */
			    _("%s must be a whole number"),
			    adw_preferences_row_get_title(ADW_PREFERENCES_ROW(row)));
		return FALSE;
	}
	json_object_set_int_member(changes, key, value);
	return TRUE;
}

/* a row that must hold a web address (or nothing) */
static gboolean
add_url(JsonObject *changes, const gchar *key, AdwEntryRow *row, GError **error)
{
	const gchar *text = gtk_editable_get_text(GTK_EDITABLE(row));

	if (text[0] != '\0' && !g_str_has_prefix(text, "http://") &&
	    !g_str_has_prefix(text, "https://")) {
		g_set_error(
		    error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_INVALID_DATA,
		    /* TRANSLATORS: the title of a settings row that must hold a web address */
		    _("%s must be a web address starting with http:// or https://"),
		    adw_preferences_row_get_title(ADW_PREFERENCES_ROW(row)));
		return FALSE;
	}
	add_text(changes, key, row);
	return TRUE;
}

/* the certificate authorities' file: a full path on the daemon's machine, or nothing */
static gboolean
add_ca_file(JsonObject *changes, AdwEntryRow *row, GError **error)
{
	const gchar *text = gtk_editable_get_text(GTK_EDITABLE(row));

	if (text[0] != '\0' && !g_path_is_absolute(text)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    _("The certificate authorities file must be a full path on "
				      "the server, such as /etc/ssl/certs/ca-certificates.crt"));
		return FALSE;
	}
	add_text(changes, "smtp_ca_file", row);
	return TRUE;
}

static JsonObject *
read_changes(RosterMessagesPage *self, GError **error)
{
	const gchar *token = gtk_editable_get_text(GTK_EDITABLE(self->webhook_token_row));
	guint tls = adw_combo_row_get_selected(self->smtp_tls_row);
	g_autoptr(JsonObject) changes = json_object_new();
	const gchar *password = gtk_editable_get_text(GTK_EDITABLE(self->smtp_password_row));
	const gchar *reminders = gtk_editable_get_text(GTK_EDITABLE(self->reminders_row));

	add_text(changes, "smtp_server", self->smtp_server_row);
	add_text(changes, "smtp_user", self->smtp_user_row);
	add_text(changes, "smtp_from", self->smtp_from_row);
	add_text(changes, "quiet_start", self->quiet_start_row);
	add_text(changes, "quiet_end", self->quiet_end_row);
	/* an empty secret row keeps the secret the daemon has */
	if (password[0] != '\0')
		json_object_set_string_member(changes, "smtp_password", password);
	if (token[0] != '\0')
		json_object_set_string_member(changes, "webhook_token", token);
	json_object_set_string_member(changes,
				      "smtp_tls",
				      tls_modes[tls < G_N_ELEMENTS(tls_modes) ? tls : 0]);
	if (!add_int(changes, "smtp_port", self->smtp_port_row, error) ||
	    !add_int(changes, "escalation_minutes", self->escalation_row, error) ||
	    !add_ca_file(changes, self->smtp_ca_file_row, error) ||
	    !add_url(changes, "webhook_url", self->webhook_url_row, error) ||
	    !add_url(changes, "public_url", self->public_url_row, error))
		return NULL;
	if (reminders[0] == '\0') {
		json_object_set_null_member(changes, "reminder_minutes");
	} else {
		JsonArray *minutes = roster_notifier_parse_minutes(reminders, error);
		if (minutes == NULL)
			return NULL;
		json_object_set_array_member(changes, "reminder_minutes", minutes);
	}
	return g_steal_pointer(&changes);
}

/* the settings as the daemon answered them: shown, or the error; whether they were */
static gboolean
finish_settings(RosterMessagesPage *self, GObject *source, GAsyncResult *result)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) settings =
	    roster_client_notifier_settings_finish(ROSTER_CLIENT(source), result, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (settings == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return FALSE;
	}
	show_settings(self, settings);
	return TRUE;
}

static void
settings_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterMessagesPage) self = ROSTER_MESSAGES_PAGE(user_data);

	finish_settings(self, source, result);
}

static void
saved_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterMessagesPage) self = ROSTER_MESSAGES_PAGE(user_data);

	if (finish_settings(self, source, result))
		roster_page_show_toast(ROSTER_PAGE(self), _("Notifier settings saved"));
}

static void
save_clicked_cb(RosterMessagesPage *self)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) changes = read_changes(self, &error);

	if (changes == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_notifier_settings_async(roster_page_get_client(ROSTER_PAGE(self)),
					      changes,
					      roster_page_get_cancellable(ROSTER_PAGE(self)),
					      saved_cb,
					      g_object_ref(self));
}

static void
resent_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterMessagesPage) self = ROSTER_MESSAGES_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	roster_page_release(ROSTER_PAGE(self));
	if (!roster_client_resend_message_finish(ROSTER_CLIENT(source), result, &error)) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	roster_page_show_toast(ROSTER_PAGE(self), _("The message will be sent again"));
	roster_page_reload(ROSTER_PAGE(self));
}

static void
resend_clicked_cb(GtkButton *button, gpointer user_data)
{
	RosterMessagesPage *self = ROSTER_MESSAGES_PAGE(user_data);
	RosterItem *message = roster_queue_button_get_item(button);

	roster_page_hold(ROSTER_PAGE(self));
	roster_client_resend_message_async(roster_page_get_client(ROSTER_PAGE(self)),
					   roster_item_get_id(message),
					   roster_page_get_cancellable(ROSTER_PAGE(self)),
					   resent_cb,
					   g_object_ref(self));
}

static GtkWidget *
create_message_row_cb(gpointer item, gpointer user_data)
{
	RosterMessagesPage *self = ROSTER_MESSAGES_PAGE(user_data);
	RosterItem *message = ROSTER_ITEM(item);
	g_autofree gchar *subtitle = roster_message_dup_subtitle(message);
	GtkWidget *row = adw_action_row_new();

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row),
				      roster_item_get_string(message, "subject"));
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	adw_action_row_set_subtitle_lines(ADW_ACTION_ROW(row), 3);
	gtk_widget_add_css_class(row, "message-row");
	if (g_strcmp0(roster_item_get_string(message, "state"), "failed") == 0)
		roster_queue_add_button(ADW_ACTION_ROW(row),
					G_OBJECT(self),
					message,
					_("_Send Again"),
					"message-resend",
					G_CALLBACK(resend_clicked_cb));
	return row;
}

static void
loaded_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterMessagesPage) self = ROSTER_MESSAGES_PAGE(user_data);
	g_autoptr(GError) error = NULL;

	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error)) {
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		roster_page_show_error(ROSTER_PAGE(self), error);
	}
	/* the settings after the list: one call at a time on the page */
	roster_client_notifier_settings_async(roster_page_get_client(ROSTER_PAGE(self)),
					      NULL,
					      roster_page_get_cancellable(ROSTER_PAGE(self)),
					      settings_cb,
					      g_object_ref(self));
}

static void
roster_messages_page_real_reload(RosterPage *page)
{
	RosterMessagesPage *self = ROSTER_MESSAGES_PAGE(page);
	gboolean admin = is_admin(self);

	if (!is_planner(self))
		return;
	/* a coordinator reads the settings; only an admin changes them */
	gtk_widget_set_sensitive(GTK_WIDGET(self->settings_group), admin);
	gtk_widget_set_visible(GTK_WIDGET(self->save_button), admin);
	adw_preferences_group_set_description(
	    self->settings_group,
	    admin ? _("The mail server the messages go through, or an SMS or WeChat gateway "
		      "for the people with a phone number and no e-mail; the address of the "
		      "volunteers' page the links point to; when the reminders go out, when an "
		      "unconfirmed crisis seat alerts the coordinators, and the quiet hours that "
		      "hold every message but the alerts.")
		  : _("Only an admin can change the notifier's settings."));
	roster_page_hold(page);
	roster_item_list_reload_async(self->messages,
				      roster_page_get_cancellable(page),
				      loaded_cb,
				      g_object_ref(self));
}

static void
filter_changed_cb(RosterMessagesPage *self)
{
	guint selected = gtk_drop_down_get_selected(self->state_filter);
	g_autofree gchar *path = roster_client_dup_messages_path(
	    selected < G_N_ELEMENTS(filter_states) ? filter_states[selected] : NULL);

	if (self->messages == NULL)
		return;
	roster_item_list_set_path(self->messages, path);
	roster_page_reload(ROSTER_PAGE(self));
}

static void
roster_messages_page_client_changed(RosterPage *page)
{
	RosterMessagesPage *self = ROSTER_MESSAGES_PAGE(page);
	g_autofree gchar *path = roster_client_dup_messages_path(NULL);

	g_clear_object(&self->messages);
	gtk_drop_down_set_selected(self->state_filter, 0);
	self->messages = roster_item_list_new(roster_page_get_client(page), path);
	gtk_list_box_bind_model(self->messages_list,
				G_LIST_MODEL(self->messages),
				create_message_row_cb,
				self,
				NULL);
}

static void
roster_messages_page_dispose(GObject *object)
{
	RosterMessagesPage *self = ROSTER_MESSAGES_PAGE(object);

	gtk_widget_dispose_template(GTK_WIDGET(self), ROSTER_TYPE_MESSAGES_PAGE);
	g_clear_object(&self->messages);
	G_OBJECT_CLASS(roster_messages_page_parent_class)->dispose(object);
}

static void
roster_messages_page_class_init(RosterMessagesPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_messages_page_dispose;
	page_class->reload = roster_messages_page_real_reload;
	page_class->client_changed = roster_messages_page_client_changed;
	gtk_widget_class_set_layout_manager_type(widget_class, GTK_TYPE_BIN_LAYOUT);
	gtk_widget_class_set_template_from_resource(
	    widget_class,
	    "/cn/hotline/Roster/ui/roster-messages-page.ui");
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, state_filter);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, messages_list);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, settings_group);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, smtp_server_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, smtp_port_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, smtp_user_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, smtp_password_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, smtp_from_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, smtp_tls_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, smtp_ca_file_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, webhook_url_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, webhook_token_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, public_url_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, reminders_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, escalation_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, quiet_start_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, quiet_end_row);
	gtk_widget_class_bind_template_child(widget_class, RosterMessagesPage, save_button);
	gtk_widget_class_bind_template_callback(widget_class, save_clicked_cb);
}

static void
roster_messages_page_init(RosterMessagesPage *self)
{
	gtk_widget_init_template(GTK_WIDGET(self));
	roster_row_set_placeholder(self->messages_list, _("No messages"));
	g_signal_connect_swapped(self->state_filter,
				 "notify::selected",
				 G_CALLBACK(filter_changed_cb),
				 self);
}
