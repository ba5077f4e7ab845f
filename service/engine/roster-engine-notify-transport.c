/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the transports behind roster_notify_send(): e-mail over SMTP and a webhook (an HTTP POST
 * of the message as JSON, for an SMS gateway or a WeChat template service), both through
 * libcurl; blocking, so only the notifier's worker thread calls them */

#include "config.h"

#include <curl/curl.h>
#include <string.h>

#include "roster-engine-notify.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CURL, curl_easy_cleanup)

typedef struct {
	const gchar *data;
	gsize length;
	gsize offset;
} Upload;

static size_t
read_cb(char *buffer, size_t size, size_t nitems, void *user_data)
{
	Upload *upload = user_data;
	gsize n = MIN(size * nitems, upload->length - upload->offset);

	memcpy(buffer, upload->data + upload->offset, n);
	upload->offset += n;
	return n;
}

static size_t
discard_cb(char *buffer, size_t size, size_t nitems, void *user_data)
{
	return size * nitems;
}

/* the same id on every attempt, so that a receiver drops a repeated message */
static gchar *
dup_message_id(const RosterNotifySettings *settings, const RosterOutboxMessage *m)
{
	const gchar *at = settings->smtp_from != NULL ? strrchr(settings->smtp_from, '@') : NULL;
	g_autofree gchar *stamp = g_compute_checksum_for_string(G_CHECKSUM_SHA1, m->created, -1);

	return g_strdup_printf("<roster-outbox-%" G_GINT64_FORMAT ".%.12s@%s>",
			       m->id,
			       stamp,
			       at != NULL ? at + 1 : "hotline-roster.invalid");
}

static gchar *
encode_header(const gchar *text)
{
	g_autofree gchar *b64 = g_base64_encode((const guchar *)text, strlen(text));
	return g_strdup_printf("=?UTF-8?B?%s?=", b64);
}

static gchar *
build_mail(const RosterNotifySettings *settings, const RosterOutboxMessage *m)
{
	g_autoptr(GString) mail = g_string_new(NULL);
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	g_autofree gchar *date = g_date_time_format(now, "%a, %d %b %Y %H:%M:%S +0000");
	g_autofree gchar *subject = encode_header(m->subject);
	g_autofree gchar *message_id = dup_message_id(settings, m);
	g_autofree gchar *body = g_base64_encode((const guchar *)m->body, strlen(m->body));
	gsize length = strlen(body);

	g_string_append_printf(mail, "Date: %s\r\n", date);
	g_string_append_printf(mail, "From: %s\r\n", settings->smtp_from);
	g_string_append_printf(mail, "To: <%s>\r\n", m->address);
	g_string_append_printf(mail, "Subject: %s\r\n", subject);
	g_string_append_printf(mail, "Message-ID: %s\r\n", message_id);
	g_string_append_printf(mail, "Content-Language: %s\r\n", m->language);
	g_string_append(mail,
			"MIME-Version: 1.0\r\n"
			"Content-Type: text/plain; charset=UTF-8\r\n"
			"Content-Transfer-Encoding: base64\r\n\r\n");
	for (gsize i = 0; i < length; i += 76) {
		g_string_append_len(mail, body + i, MIN(76, length - i));
		g_string_append(mail, "\r\n");
	}
	return g_string_free(g_steal_pointer(&mail), FALSE);
}

static gboolean
curl_failed(CURLcode rc, const gchar *buffer, const gchar *what, GError **error)
{
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_NOT_SUPPORTED,
		    "%s: %s",
		    what,
		    buffer[0] != '\0' ? buffer : curl_easy_strerror(rc));
	return FALSE;
}

static gchar *
dup_password(const RosterNotifySettings *settings, GError **error)
{
	g_autofree gchar *contents = NULL;

	if (settings->smtp_password != NULL)
		return g_strdup(settings->smtp_password);
	if (settings->smtp_password_file == NULL)
		return g_strdup("");
	if (!g_file_get_contents(settings->smtp_password_file, &contents, NULL, error)) {
		g_prefix_error(error, "the SMTP password file: ");
		return NULL;
	}
	contents[strcspn(contents, "\r\n")] = '\0';
	return g_steal_pointer(&contents);
}

static gboolean
send_email(const RosterNotifySettings *settings, const RosterOutboxMessage *m, GError **error)
{
	g_autoptr(CURL) curl = curl_easy_init();
	g_autofree gchar *mail = NULL;
	g_autofree gchar *url = NULL;
	g_autofree gchar *password = NULL;
	g_autofree gchar *from = NULL;
	g_autofree gchar *to = NULL;
	struct curl_slist *recipients = NULL;
	gchar buffer[CURL_ERROR_SIZE] = "";
	gboolean implicit = g_strcmp0(settings->smtp_tls, "tls") == 0;
	Upload upload;
	CURLcode rc;

	if (settings->smtp_server == NULL || settings->smtp_from == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_NOT_SUPPORTED,
				    "no SMTP server or sender is set");
		return FALSE;
	}
	if (curl == NULL)
		return curl_failed(CURLE_FAILED_INIT, buffer, "smtp", error);
	password = dup_password(settings, error);
	if (password == NULL)
		return FALSE;
	mail = build_mail(settings, m);
	upload = (Upload){mail, strlen(mail), 0};
	url = g_strdup_printf("%s://%s:%d",
			      implicit ? "smtps" : "smtp",
			      settings->smtp_server,
			      settings->smtp_port);
	from = g_strdup_printf("<%s>", settings->smtp_from);
	to = g_strdup_printf("<%s>", m->address);
	recipients = curl_slist_append(NULL, to);
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, buffer);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)settings->timeout_seconds);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)settings->timeout_seconds);
	curl_easy_setopt(curl,
			 CURLOPT_USE_SSL,
			 g_strcmp0(settings->smtp_tls, "none") == 0 ? (long)CURLUSESSL_NONE
								    : (long)CURLUSESSL_ALL);
	if (settings->smtp_ca_file != NULL)
		curl_easy_setopt(curl, CURLOPT_CAINFO, settings->smtp_ca_file);
	if (settings->smtp_user != NULL) {
		curl_easy_setopt(curl, CURLOPT_USERNAME, settings->smtp_user);
		curl_easy_setopt(curl, CURLOPT_PASSWORD, password);
	}
	curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
	curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
	curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
	rc = curl_easy_perform(curl);
	curl_slist_free_all(recipients);
	memset(password, 0, strlen(password));
	if (rc != CURLE_OK)
		return curl_failed(rc, buffer, "smtp", error);
	return TRUE;
}

static gboolean
send_webhook(const RosterNotifySettings *settings, const RosterOutboxMessage *m, GError **error)
{
	g_autoptr(CURL) curl = curl_easy_init();
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree gchar *json = NULL;
	g_autofree gchar *message_id = dup_message_id(settings, m);
	g_autofree gchar *auth = NULL;
	struct curl_slist *headers = NULL;
	gchar buffer[CURL_ERROR_SIZE] = "";
	CURLcode rc;

	if (settings->webhook_url == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_NOT_SUPPORTED,
				    "no webhook URL is set");
		return FALSE;
	}
	if (curl == NULL)
		return curl_failed(CURLE_FAILED_INIT, buffer, "webhook", error);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "message_id");
	json_builder_add_string_value(b, message_id);
	json_builder_set_member_name(b, "kind");
	json_builder_add_string_value(b, m->kind);
	json_builder_set_member_name(b, "to");
	json_builder_add_string_value(b, m->address);
	json_builder_set_member_name(b, "language");
	json_builder_add_string_value(b, m->language);
	json_builder_set_member_name(b, "subject");
	json_builder_add_string_value(b, m->subject);
	json_builder_set_member_name(b, "body");
	json_builder_add_string_value(b, m->body);
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	json = json_to_string(root, FALSE);
	headers = curl_slist_append(NULL, "Content-Type: application/json; charset=utf-8");
	if (settings->webhook_token != NULL) {
		auth = g_strdup_printf("Authorization: Bearer %s", settings->webhook_token);
		headers = curl_slist_append(headers, auth);
	}
	curl_easy_setopt(curl, CURLOPT_URL, settings->webhook_url);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, buffer);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)settings->timeout_seconds);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)settings->timeout_seconds);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard_cb);
	rc = curl_easy_perform(curl);
	curl_slist_free_all(headers);
	if (auth != NULL)
		memset(auth, 0, strlen(auth));
	if (rc != CURLE_OK)
		return curl_failed(rc, buffer, "webhook", error);
	return TRUE;
}

/**
 * roster_notify_send:
 * @settings: the notifier's settings
 * @message: the message, with its transport and address
 * @error: (nullable): return location for a #GError
 *
 * Sends @message by its transport; blocks until the server accepted or refused it.
 *
 * Returns: %TRUE when the server accepted the message
 */
gboolean
roster_notify_send(const RosterNotifySettings *settings,
		   const RosterOutboxMessage *message,
		   GError **error)
{
	if (g_strcmp0(message->transport, ROSTER_NOTIFY_TRANSPORT_EMAIL) == 0)
		return send_email(settings, message, error);
	if (g_strcmp0(message->transport, ROSTER_NOTIFY_TRANSPORT_WEBHOOK) == 0)
		return send_webhook(settings, message, error);
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_NOT_SUPPORTED,
		    "unknown transport %s",
		    message->transport);
	return FALSE;
}
