/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the messages view against a real daemon: a digest the mail server
 * refused is sent again from its row, and the notifier's settings are changed from the
 * form without the password ever coming back */

#include "config.h"

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"

/* nothing listens on port 1 of the loopback: every attempt fails at once */
#define CLOSED_SMTP                                                                                \
	"{\"smtp_server\":\"127.0.0.1\",\"smtp_port\":1,\"smtp_tls\":\"none\","                    \
	"\"smtp_from\":\"roster@hotline.example\",\"smtp_password\":\"Mail-Secret-Ui-61\","        \
	"\"max_attempts\":1,\"backoff_seconds\":1,\"timeout_seconds\":2}"

static gint64
count_messages(UiFixture *fixture, const gchar *state)
{
	g_autofree gchar *path = g_strdup_printf("/messages?state=%s&limit=1", state);
	g_autoptr(JsonObject) messages = api_get(fixture, path);

	return json_object_get_int_member(messages, ROSTER_KEY_TOTAL);
}

static void
wait_for_count(UiFixture *fixture, const gchar *state, gint64 n)
{
	for (guint i = 0; i < 120 && count_messages(fixture, state) != n; i++)
		settle();
	g_assert_cmpint(count_messages(fixture, state), ==, n);
}

static gint64
first_id(UiFixture *fixture, const gchar *path)
{
	g_autoptr(JsonObject) list = api_get(fixture, path);
	JsonArray *items = json_object_get_array_member(list, ROSTER_KEY_ITEMS);

	g_assert_cmpuint(json_array_get_length(items), >, 0);
	return json_object_get_int_member(json_array_get_object_element(items, 0), ROSTER_KEY_ID);
}

/* a published week whose one shift is a volunteer's with an e-mail address: the
 * publish writes that volunteer's digest */
static void
publish_one_shift(UiFixture *fixture)
{
	gint64 volunteer_id = first_id(fixture, "/volunteers?limit=1");
	gint64 seat_class_id = first_id(fixture, "/seat-classes?limit=1");
	g_autofree gchar *volunteer_path =
	    g_strdup_printf("/volunteers/%" G_GINT64_FORMAT, volunteer_id);
	g_autoptr(JsonObject) volunteer = api_get(fixture, volunteer_path);
	g_autofree gchar *patch = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"email\":\"ui-volunteer@people.example\"}",
	    json_object_get_int_member(volunteer, ROSTER_KEY_REVISION));
	g_autoptr(JsonObject) patched = api_call(fixture, "PATCH", volunteer_path, patch);
	g_autoptr(JsonObject) roster =
	    api_call(fixture,
		     "POST",
		     "/rosters",
		     "{\"name\":\"四月一周\",\"period_start\":\"2027-04-05\","
		     "\"period_end\":\"2027-04-11\"}");
	gint64 roster_id = json_object_get_int_member(roster, ROSTER_KEY_ID);
	g_autofree gchar *roster_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT, roster_id);
	g_autofree gchar *assign_path = g_strconcat(roster_path, "/assignments", NULL);
	g_autofree gchar *publish_path = g_strconcat(roster_path, "/publish", NULL);
	g_autofree gchar *assign = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"2027-04-06\",\"slot\":\"08:00\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT
	    ",\"override\":true}",
	    json_object_get_int_member(roster, ROSTER_KEY_REVISION),
	    seat_class_id,
	    volunteer_id);
	g_autoptr(JsonObject) assigned = api_call(fixture, "POST", assign_path, assign);
	g_autoptr(JsonObject) current = api_get(fixture, roster_path);
	g_autofree gchar *publish =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}",
			    json_object_get_int_member(current, ROSTER_KEY_REVISION));
	g_autoptr(JsonObject) published = api_call(fixture, "POST", publish_path, publish);
}

/* the window on the messages view, loaded */
static GtkWidget *
show_messages(UiFixture *fixture)
{
	GtkWidget *page = roster_window_get_page(fixture->window, "messages");

	roster_window_set_client(fixture->window, fixture->client);
	roster_window_set_view(fixture->window, "messages");
	settle();
	wait_until(page_is_idle, page, "the messages view to load");
	return page;
}

/* the digest fails against a closed port; from its row it is pending again */
static void
test_messages_resend(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *page;
	g_autoptr(JsonObject) settings =
	    api_call(fixture, "PUT", "/messages/settings", CLOSED_SMTP);
	g_autoptr(JsonObject) retry = NULL;
	FindData resend = {root, "message-resend"};

	publish_one_shift(fixture);
	wait_for_count(fixture, "failed", 1);
	/* the next attempt is an hour after a failure: the message resent stays pending */
	retry = api_call(fixture,
			 "PUT",
			 "/messages/settings",
			 "{\"max_attempts\":3,\"backoff_seconds\":3600}");

	page = show_messages(fixture);
	wait_until(class_is_shown, &resend, "the failed message's button");
	save_screenshot(root, "messages");
	g_signal_emit_by_name(find_by_class(root, "message-resend"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the messages to reload");
	wait_for_count(fixture, "pending", 1);
	g_assert_cmpint(count_messages(fixture, "failed"), ==, 0);
}

/* the form shows the daemon's settings, never a secret; a bad reminder or gateway address
 * is refused and changes nothing; a good change of every field (the TLS mode, the CA file,
 * the gateway's address and token, the public address) is saved and keeps the password */
static void
test_notifier_settings(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *page;
	g_autoptr(JsonObject) settings =
	    api_call(fixture, "PUT", "/messages/settings", CLOSED_SMTP);
	g_autoptr(JsonObject) unchanged = NULL;
	g_autoptr(JsonObject) saved = NULL;
	JsonArray *minutes;
	GtkWidget *server;
	GtkWidget *tls;
	GtkWidget *token;

	page = show_messages(fixture);
	server = find_by_class(root, "notifier-smtp-server");
	g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(server)), ==, "127.0.0.1");
	g_assert_cmpstr(
	    gtk_editable_get_text(GTK_EDITABLE(find_by_class(root, "notifier-reminders"))),
	    ==,
	    "1440, 120");
	tls = find_by_class(root, "notifier-smtp-tls");
	g_assert_cmpuint(adw_combo_row_get_selected(ADW_COMBO_ROW(tls)), ==, 2);
	token = find_by_class(root, "notifier-webhook-token");
	g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(token)), ==, "");

	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "notifier-escalation")), "90");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "notifier-reminders")), "一天");
	g_signal_emit_by_name(find_by_class(root, "notifier-save"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the refusal");
	unchanged = api_get(fixture, "/messages/settings");
	g_assert_cmpint(json_object_get_int_member(unchanged, "escalation_minutes"), ==, 120);

	/* a gateway address without its scheme is refused in the app, before any call */
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "notifier-reminders")), "1440, 60");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "notifier-webhook-url")),
			      "sms.example/send");
	g_signal_emit_by_name(find_by_class(root, "notifier-save"), "clicked");
	settle();
	g_clear_pointer(&unchanged, json_object_unref);
	unchanged = api_get(fixture, "/messages/settings");
	g_assert_cmpint(json_object_get_int_member(unchanged, "escalation_minutes"), ==, 120);
	g_assert_null(json_object_get_string_member_with_default(unchanged, "webhook_url", NULL));

	adw_combo_row_set_selected(ADW_COMBO_ROW(tls), 0);
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "notifier-smtp-ca-file")),
			      "/etc/ssl/certs/ca-certificates.crt");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "notifier-webhook-url")),
			      "https://sms.example/send");
	gtk_editable_set_text(GTK_EDITABLE(token), "Gateway-Secret-Ui-7");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "notifier-public-url")),
			      "https://roster.example.org");
	g_signal_emit_by_name(find_by_class(root, "notifier-save"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the settings to save");
	saved = api_get(fixture, "/messages/settings");
	g_assert_cmpstr(json_object_get_string_member(saved, "smtp_tls"), ==, "starttls");
	g_assert_cmpstr(json_object_get_string_member(saved, "smtp_ca_file"),
			==,
			"/etc/ssl/certs/ca-certificates.crt");
	g_assert_cmpstr(json_object_get_string_member(saved, "webhook_url"),
			==,
			"https://sms.example/send");
	g_assert_cmpstr(json_object_get_string_member(saved, "public_url"),
			==,
			"https://roster.example.org");
	g_assert_true(json_object_get_boolean_member(saved, "webhook_token_set"));
	g_assert_false(json_object_has_member(saved, "webhook_token"));
	/* the form shows what the daemon answered: the fields back, the token not */
	g_assert_cmpuint(adw_combo_row_get_selected(ADW_COMBO_ROW(tls)), ==, 0);
	g_assert_cmpstr(
	    gtk_editable_get_text(GTK_EDITABLE(find_by_class(root, "notifier-public-url"))),
	    ==,
	    "https://roster.example.org");
	g_assert_cmpstr(gtk_editable_get_text(GTK_EDITABLE(token)), ==, "");
	save_screenshot(root, "notifier-settings");
	g_assert_cmpint(json_object_get_int_member(saved, "escalation_minutes"), ==, 90);
	minutes = json_object_get_array_member(saved, "reminder_minutes");
	g_assert_cmpuint(json_array_get_length(minutes), ==, 2);
	g_assert_cmpint(json_array_get_int_element(minutes, 1), ==, 60);
	g_assert_true(json_object_get_boolean_member(saved, "smtp_password_set"));
	g_assert_false(json_object_has_member(saved, "smtp_password"));
}

/**
 * roster_app_ui_add_messages_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the test paths of the messages view, skipped without a display.
 */
void
roster_app_ui_add_messages_tests(gboolean have_display)
{
	if (!have_display) {
		g_test_add_func("/roster/app-ui/messages-resend", skip_no_display);
		g_test_add_func("/roster/app-ui/notifier-settings", skip_no_display);
		return;
	}
	g_test_add("/roster/app-ui/messages-resend",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_messages_resend,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/notifier-settings",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_notifier_settings,
		   ui_fixture_teardown);
}
