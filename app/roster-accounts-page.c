/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the accounts editor (admins only): create an account, change its role, reset its
 * password (a refused one is told in words), disable it; and a one-time sign-in link
 * to a volunteer's own page, with a button that copies it */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "roster-accounts-page.h"
#include "roster-client-links.h"
#include "roster-client-records.h"
#include "roster-client-roles.h"
#include "roster-form-widgets.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-page-lists.h"
#include "roster-row-actions.h"
#include "roster-volunteer-picker.h"

/* the roles in the order of the role row */
static const gchar *const roles[] = {"volunteer", "coordinator", "manager", "admin"};

struct _RosterAccountsPage {
	RosterPage parent_instance;
	GtkListBox *accounts_list;
	AdwPreferencesGroup *form_group;
	AdwEntryRow *username_row;
	AdwComboRow *role_row;
	AdwComboRow *language_row;
	AdwEntryRow *email_row;
	AdwActionRow *volunteer_row;
	GtkDropDown *picker;
	AdwPasswordEntryRow *password_row;
	AdwActionRow *active_row;
	GtkSwitch *active_switch;
	GtkLabel *error_label;
	AdwActionRow *link_row;
	GtkWidget *link_button;
	GtkWidget *copy_button;
	gchar *link;
	RosterItemList *accounts;
	RosterItemList *volunteers;
	/* the account in the form, or NULL for a new one */
	RosterItem *editing;
};

G_DEFINE_FINAL_TYPE(RosterAccountsPage, roster_accounts_page, ROSTER_TYPE_PAGE)

/* the daemon's refusals of a password (service/engine/roster-password.c), in words */
static const struct {
	const gchar *refusal;
	const gchar *words;
} password_refusals[] = {
    {"at least", N_("The password is too short: use at least 10 characters")},
    {"shorter than", N_("The password is too short: use at least 10 characters")},
    {"longer than", N_("The password is too long: use at most 128 characters")},
    {"dictionary",
     N_("The password is a common one or a dictionary word: use a phrase of "
	"unrelated words")},
    {"user name", N_("The password must not contain the user name")},
    {"palindrome", N_("The password must not read the same backwards")},
    {"too simple", N_("The password is too simple: use a longer phrase of unrelated words")},
    {"required", N_("A new account needs a password")},
};

/* a password refusal in words, or NULL for another refusal */
static const gchar *
password_words(const gchar *message)
{
	for (guint i = 0; message != NULL && i < G_N_ELEMENTS(password_refusals); i++) {
		if (strstr(message, password_refusals[i].refusal) != NULL)
			return _(password_refusals[i].words);
	}
	return NULL;
}

/* the languages an account's messages are written in, in the language row's order */
static const gchar *const languages[] = {"zh-CN", "en"};

static const gchar *
selected_role(RosterAccountsPage *self)
{
	guint selected = adw_combo_row_get_selected(self->role_row);

	return selected < G_N_ELEMENTS(roles) ? roles[selected] : roles[0];
}

static void
show_form_error(RosterAccountsPage *self, const gchar *message, const gchar *field)
{
	GtkWidget *rows[] = {GTK_WIDGET(self->username_row),
			     GTK_WIDGET(self->password_row),
			     GTK_WIDGET(self->volunteer_row),
			     GTK_WIDGET(self->email_row)};
	const gchar *fields[] = {ROSTER_KEY_USERNAME,
				 ROSTER_KEY_PASSWORD,
				 ROSTER_KEY_VOLUNTEER_ID,
				 ROSTER_KEY_EMAIL};

	for (guint i = 0; i < G_N_ELEMENTS(rows); i++) {
		if (g_strcmp0(fields[i], field) == 0)
			gtk_widget_add_css_class(rows[i], "error");
		else
			gtk_widget_remove_css_class(rows[i], "error");
	}
	gtk_label_set_text(self->error_label, message != NULL ? message : "");
	gtk_widget_set_visible(GTK_WIDGET(self->error_label), message != NULL);
}

static void
role_changed_cb(RosterAccountsPage *self)
{
	gboolean volunteer = g_strcmp0(selected_role(self), "volunteer") == 0;

	gtk_widget_set_visible(GTK_WIDGET(self->volunteer_row), volunteer);
	gtk_widget_set_visible(GTK_WIDGET(self->link_row), volunteer && self->editing != NULL);
	/* a volunteer's messages follow the language of their volunteer record */
	gtk_widget_set_visible(GTK_WIDGET(self->language_row), !volunteer);
	/* and reach them at the volunteer's own address */
	gtk_widget_set_visible(GTK_WIDGET(self->email_row), !volunteer);
}

static void
fill_form(RosterAccountsPage *self, RosterItem *account)
{
	const gchar *role = account != NULL ? roster_item_get_string(account, ROSTER_KEY_ROLE)
					    : NULL;
	gint64 volunteer_id =
	    account != NULL ? roster_item_get_int(account, ROSTER_KEY_VOLUNTEER_ID, 0) : 0;
	const gchar *language =
	    account != NULL ? roster_item_get_string(account, ROSTER_KEY_PREFERRED_LANGUAGE) : NULL;
	const gchar *email = account != NULL ? roster_item_get_string(account, ROSTER_KEY_EMAIL)
					     : NULL;
	guint role_index = 1;

	g_set_object(&self->editing, account);
	show_form_error(self, NULL, NULL);
	g_clear_pointer(&self->link, g_free);
	adw_action_row_set_subtitle(self->link_row,
				    _("A link that signs the volunteer in to their own page once, "
				      "for a week"));
	gtk_widget_set_sensitive(self->copy_button, FALSE);
	adw_preferences_group_set_title(self->form_group,
					account != NULL ? roster_item_get_title(account)
							: _("New Account"));
	gtk_editable_set_text(GTK_EDITABLE(self->username_row),
			      account != NULL ? roster_item_get_title(account) : "");
	gtk_editable_set_editable(GTK_EDITABLE(self->username_row), account == NULL);
	gtk_editable_set_text(GTK_EDITABLE(self->password_row), "");
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->password_row),
				      account != NULL ? _("New password (empty: keep it)")
						      : _("Password"));
	for (guint i = 0; role != NULL && i < G_N_ELEMENTS(roles); i++) {
		if (g_strcmp0(roles[i], role) == 0)
			role_index = i;
	}
	adw_combo_row_set_selected(self->role_row, role_index);
	adw_combo_row_set_selected(self->language_row, g_strcmp0(language, languages[1]) == 0);
	gtk_editable_set_text(GTK_EDITABLE(self->email_row), email != NULL ? email : "");
	for (guint i = 0; self->volunteers != NULL &&
			  i < g_list_model_get_n_items(G_LIST_MODEL(self->volunteers));
	     i++) {
		g_autoptr(RosterItem) volunteer =
		    g_list_model_get_item(G_LIST_MODEL(self->volunteers), i);
		if (roster_item_get_id(volunteer) == volunteer_id)
			gtk_drop_down_set_selected(self->picker, i);
	}
	gtk_switch_set_active(self->active_switch,
			      account == NULL ||
				  roster_item_get_boolean(account, ROSTER_KEY_ACTIVE, TRUE));
	role_changed_cb(self);
}

static void
edit_account_cb(gpointer page, RosterItem *account)
{
	fill_form(ROSTER_ACCOUNTS_PAGE(page), account);
}

static GtkWidget *
create_account_row_cb(gpointer item, gpointer user_data)
{
	RosterItem *account = ROSTER_ITEM(item);
	GtkWidget *row = adw_action_row_new();
	gboolean active = roster_item_get_boolean(account, ROSTER_KEY_ACTIVE, TRUE);
	const gchar *role_label =
	    roster_role_to_label(roster_item_get_string(account, ROSTER_KEY_ROLE));
	g_autofree gchar *subtitle =
	    /* TRANSLATORS: an account's role, and that it can no longer sign in */
	    active ? g_strdup(role_label) : g_strdup_printf(_("%s · disabled"), role_label);

	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(row), roster_item_get_title(account));
	adw_preferences_row_set_use_markup(ADW_PREFERENCES_ROW(row), FALSE);
	adw_action_row_set_subtitle(ADW_ACTION_ROW(row), subtitle);
	gtk_widget_add_css_class(row, "account-row");
	if (!active)
		gtk_widget_add_css_class(row, "dim-label");
	adw_action_row_add_suffix(ADW_ACTION_ROW(row),
				  gtk_image_new_from_icon_name("document-edit-symbolic"));
	gtk_list_box_row_set_activatable(GTK_LIST_BOX_ROW(row), TRUE);
	g_object_set_data_full(G_OBJECT(row), "account", g_object_ref(account), g_object_unref);
	return row;
}

static void
account_activated_cb(RosterAccountsPage *self, GtkListBoxRow *row)
{
	edit_account_cb(self, g_object_get_data(G_OBJECT(row), "account"));
}

static void
saved_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterAccountsPage) self = ROSTER_ACCOUNTS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *field = NULL;
	g_autoptr(JsonNode) node =
	    roster_client_call_finish(ROSTER_CLIENT(source), result, &field, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (node == NULL) {
		JsonObject *refusal =
		    roster_client_call_get_error_object(ROSTER_CLIENT(source), result);
		const gchar *words = NULL;

		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
			return;
		if (g_strcmp0(field, ROSTER_KEY_PASSWORD) == 0 && refusal != NULL)
			words = password_words(
			    json_object_get_string_member_with_default(refusal, "message", NULL));
		show_form_error(self, words != NULL ? words : error->message, field);
		return;
	}
	if (JSON_NODE_HOLDS_OBJECT(node)) {
		g_autoptr(RosterItem) account = roster_item_new(json_node_get_object(node));
		fill_form(self, account);
	}
	roster_page_show_toast(ROSTER_PAGE(self), _("Account saved"));
	roster_page_reload(ROSTER_PAGE(self));
}

/**
 * roster_accounts_page_save:
 * @self: a #RosterAccountsPage
 *
 * Creates the account in the form, or changes its role, password and state, as the
 * Save button does.
 *
 * Since: 0.4
 */
void
roster_accounts_page_save(RosterAccountsPage *self)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	const gchar *password = gtk_editable_get_text(GTK_EDITABLE(self->password_row));
	gboolean volunteer = g_strcmp0(selected_role(self), "volunteer") == 0;

	g_return_if_fail(ROSTER_IS_ACCOUNTS_PAGE(self));
	json_builder_begin_object(builder);
	if (self->editing != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
		json_builder_add_int_value(builder, roster_item_get_revision(self->editing));
	} else {
		json_builder_set_member_name(builder, ROSTER_KEY_USERNAME);
		json_builder_add_string_value(
		    builder,
		    gtk_editable_get_text(GTK_EDITABLE(self->username_row)));
	}
	json_builder_set_member_name(builder, ROSTER_KEY_ROLE);
	json_builder_add_string_value(builder, selected_role(self));
	json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
	if (volunteer && roster_volunteer_picker_get_id(self->picker) > 0)
		json_builder_add_int_value(builder, roster_volunteer_picker_get_id(self->picker));
	else
		json_builder_add_null_value(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_ACTIVE);
	json_builder_add_boolean_value(builder, gtk_switch_get_active(self->active_switch));
	if (!volunteer) {
		guint language = adw_combo_row_get_selected(self->language_row);
		g_autofree gchar *email =
		    g_strstrip(g_strdup(gtk_editable_get_text(GTK_EDITABLE(self->email_row))));

		json_builder_set_member_name(builder, ROSTER_KEY_PREFERRED_LANGUAGE);
		json_builder_add_string_value(
		    builder,
		    languages[language < G_N_ELEMENTS(languages) ? language : 0]);
		json_builder_set_member_name(builder, ROSTER_KEY_EMAIL);
		if (email[0] != '\0')
			json_builder_add_string_value(builder, email);
		else
			json_builder_add_null_value(builder);
	}
	/* an existing account keeps its password unless a new one is typed */
	if (self->editing == NULL || password[0] != '\0') {
		json_builder_set_member_name(builder, ROSTER_KEY_PASSWORD);
		json_builder_add_string_value(builder, password);
	}
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	roster_page_hold(ROSTER_PAGE(self));
	roster_client_save_async(roster_page_get_client(ROSTER_PAGE(self)),
				 ROSTER_RESOURCE_ACCOUNTS,
				 self->editing != NULL ? roster_item_get_id(self->editing) : 0,
				 body,
				 roster_page_get_cancellable(ROSTER_PAGE(self)),
				 saved_cb,
				 g_object_ref(self));
}

static void
link_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterAccountsPage) self = ROSTER_ACCOUNTS_PAGE(user_data);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonObject) link =
	    roster_client_call_finish_object(ROSTER_CLIENT(source), result, &error);

	roster_page_release(ROSTER_PAGE(self));
	if (link == NULL) {
		roster_page_show_error(ROSTER_PAGE(self), error);
		return;
	}
	g_free(self->link);
	self->link = roster_client_dup_site_url(
	    ROSTER_CLIENT(source),
	    json_object_get_string_member_with_default(link, "path", "/my/"));
	adw_action_row_set_subtitle(self->link_row, self->link);
	gtk_widget_set_sensitive(self->copy_button, TRUE);
}

static void
link_clicked_cb(RosterAccountsPage *self)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;

	if (self->editing == NULL)
		return;
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(builder,
				   roster_item_get_int(self->editing, ROSTER_KEY_VOLUNTEER_ID, 0));
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	roster_page_call(ROSTER_PAGE(self), "POST", "/signin-links", body, link_cb);
}

static void
copy_clicked_cb(RosterAccountsPage *self)
{
	if (self->link == NULL)
		return;
	gdk_clipboard_set_text(gtk_widget_get_clipboard(GTK_WIDGET(self)), self->link);
	roster_page_show_toast(ROSTER_PAGE(self), _("Sign-in link copied"));
}

/* the sign-in link shown, or NULL */
const gchar *
roster_accounts_page_get_link(RosterAccountsPage *self)
{
	g_return_val_if_fail(ROSTER_IS_ACCOUNTS_PAGE(self), NULL);
	return self->link;
}

static void
new_clicked_cb(RosterAccountsPage *self)
{
	fill_form(self, NULL);
	gtk_widget_grab_focus(GTK_WIDGET(self->username_row));
}

static void
roster_accounts_page_real_reload(RosterPage *page)
{
	RosterAccountsPage *self = ROSTER_ACCOUNTS_PAGE(page);
	RosterItemList *lists[2] = {self->volunteers, self->accounts};

	roster_page_load_lists(page, lists, G_N_ELEMENTS(lists), NULL);
}

static void
roster_accounts_page_client_changed(RosterPage *page)
{
	RosterAccountsPage *self = ROSTER_ACCOUNTS_PAGE(page);
	RosterClient *client = roster_page_get_client(page);

	g_clear_object(&self->accounts);
	g_clear_object(&self->volunteers);
	self->accounts = roster_item_list_new_for(client, ROSTER_RESOURCE_ACCOUNTS, 500);
	self->volunteers = roster_item_list_new_for(client, ROSTER_RESOURCE_VOLUNTEERS, 500);
	gtk_list_box_bind_model(self->accounts_list,
				G_LIST_MODEL(self->accounts),
				create_account_row_cb,
				self,
				NULL);
	roster_volunteer_picker_set_model(self->picker, G_LIST_MODEL(self->volunteers));
	fill_form(self, NULL);
}

static gboolean
roster_accounts_page_shown_to(RosterPage *page, RosterClient *client)
{
	return roster_client_is_admin(client);
}

static void
roster_accounts_page_dispose(GObject *object)
{
	RosterAccountsPage *self = ROSTER_ACCOUNTS_PAGE(object);

	g_clear_object(&self->accounts);
	g_clear_object(&self->volunteers);
	g_clear_object(&self->editing);
	g_clear_pointer(&self->link, g_free);
	G_OBJECT_CLASS(roster_accounts_page_parent_class)->dispose(object);
}

static void
roster_accounts_page_class_init(RosterAccountsPageClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	object_class->dispose = roster_accounts_page_dispose;
	page_class->reload = roster_accounts_page_real_reload;
	page_class->client_changed = roster_accounts_page_client_changed;
	page_class->shown_to = roster_accounts_page_shown_to;
}

static void
add_form_rows(RosterAccountsPage *self)
{
	g_autoptr(GtkStringList) role_names = gtk_string_list_new(NULL);
	g_autoptr(GtkStringList) language_names = gtk_string_list_new(NULL);
	GtkWidget *header = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
	GtkWidget *save = roster_form_button_new(_("_Save"),
						 "account-save",
						 G_CALLBACK(roster_accounts_page_save),
						 self);

	gtk_widget_add_css_class(save, "suggested-action");
	gtk_box_append(
	    GTK_BOX(header),
	    roster_form_button_new(_("_New"), "account-new", G_CALLBACK(new_clicked_cb), self));
	gtk_box_append(GTK_BOX(header), save);
	adw_preferences_group_set_header_suffix(self->form_group, header);
	self->username_row = ADW_ENTRY_ROW(adw_entry_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->username_row), _("User name"));
	gtk_widget_add_css_class(GTK_WIDGET(self->username_row), "account-username");
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->username_row));
	for (guint i = 0; i < G_N_ELEMENTS(roles); i++)
		gtk_string_list_append(role_names, roster_role_to_label(roles[i]));
	self->role_row = ADW_COMBO_ROW(adw_combo_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->role_row), _("Role"));
	adw_combo_row_set_model(self->role_row, G_LIST_MODEL(role_names));
	gtk_widget_add_css_class(GTK_WIDGET(self->role_row), "account-role");
	g_signal_connect_swapped(self->role_row,
				 "notify::selected",
				 G_CALLBACK(role_changed_cb),
				 self);
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->role_row));
	self->volunteer_row =
	    roster_volunteer_picker_row_new(_("Volunteer"), "account-volunteer", &self->picker);
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->volunteer_row));
	self->language_row = ADW_COMBO_ROW(adw_combo_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->language_row),
				      _("Language of the messages"));
	/* TRANSLATORS: the languages an account's messages can be written in */
	gtk_string_list_append(language_names, _("Chinese"));
	gtk_string_list_append(language_names, _("English"));
	adw_combo_row_set_model(self->language_row, G_LIST_MODEL(language_names));
	gtk_widget_add_css_class(GTK_WIDGET(self->language_row), "account-language");
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->language_row));
	self->email_row = ADW_ENTRY_ROW(adw_entry_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->email_row),
				      _("E-mail for alerts and approvals"));
	gtk_widget_add_css_class(GTK_WIDGET(self->email_row), "account-email");
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->email_row));
	self->password_row = ADW_PASSWORD_ENTRY_ROW(adw_password_entry_row_new());
	gtk_widget_add_css_class(GTK_WIDGET(self->password_row), "account-password");
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->password_row));
	self->active_row = ADW_ACTION_ROW(adw_action_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->active_row), _("Can sign in"));
	adw_action_row_set_subtitle(self->active_row,
				    _("Off disables the account and ends its sessions"));
	self->active_switch = GTK_SWITCH(gtk_switch_new());
	gtk_widget_set_valign(GTK_WIDGET(self->active_switch), GTK_ALIGN_CENTER);
	gtk_widget_add_css_class(GTK_WIDGET(self->active_switch), "account-active");
	adw_action_row_add_suffix(self->active_row, GTK_WIDGET(self->active_switch));
	adw_action_row_set_activatable_widget(self->active_row, GTK_WIDGET(self->active_switch));
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->active_row));
	self->link_row = ADW_ACTION_ROW(adw_action_row_new());
	adw_preferences_row_set_title(ADW_PREFERENCES_ROW(self->link_row), _("Sign-in link"));
	self->link_button = roster_form_button_new(_("New _Link"),
						   "account-link",
						   G_CALLBACK(link_clicked_cb),
						   self);
	self->copy_button = roster_form_button_new(_("_Copy"),
						   "account-link-copy",
						   G_CALLBACK(copy_clicked_cb),
						   self);
	adw_action_row_add_suffix(self->link_row, self->link_button);
	adw_action_row_add_suffix(self->link_row, self->copy_button);
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->link_row));
	self->error_label = roster_form_error_label_new("account-error");
	adw_preferences_group_add(self->form_group, GTK_WIDGET(self->error_label));
}

static void
roster_accounts_page_init(RosterAccountsPage *self)
{
	GtkWidget *page = adw_preferences_page_new();
	GtkWidget *accounts = adw_preferences_group_new();

	adw_preferences_group_set_title(ADW_PREFERENCES_GROUP(accounts), _("Accounts"));
	adw_preferences_group_set_description(
	    ADW_PREFERENCES_GROUP(accounts),
	    _("Who may sign in, and as what: coordinators plan, managers keep the records, "
	      "volunteers see their own page."));
	self->accounts_list = roster_form_list_new("accounts-list");
	g_signal_connect_swapped(self->accounts_list,
				 "row-activated",
				 G_CALLBACK(account_activated_cb),
				 self);
	roster_row_set_placeholder(self->accounts_list, _("No accounts"));
	adw_preferences_group_add(ADW_PREFERENCES_GROUP(accounts), GTK_WIDGET(self->accounts_list));
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), ADW_PREFERENCES_GROUP(accounts));
	self->form_group = ADW_PREFERENCES_GROUP(adw_preferences_group_new());
	add_form_rows(self);
	adw_preferences_page_add(ADW_PREFERENCES_PAGE(page), self->form_group);
	gtk_widget_set_parent(page, GTK_WIDGET(self));
	fill_form(self, NULL);
}

/**
 * roster_accounts_page_new:
 *
 * Returns: (transfer floating): a new accounts editor
 *
 * Since: 0.4
 */
GtkWidget *
roster_accounts_page_new(void)
{
	return g_object_new(ROSTER_TYPE_ACCOUNTS_PAGE, NULL);
}
