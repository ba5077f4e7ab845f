/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* notifications: the notifier's settings, the messages an event writes to the outbox, the
 * worker that sends them and the transports (SMTP e-mail, a webhook) behind one call */

#pragma once

#include "roster-engine.h"
#include "roster-store-outbox.h"

G_BEGIN_DECLS

#define ROSTER_NOTIFY_KIND_PUBLISH    "publish"
#define ROSTER_NOTIFY_KIND_REMINDER   "reminder"
#define ROSTER_NOTIFY_KIND_REQUEST    "request"
#define ROSTER_NOTIFY_KIND_ESCALATION "escalation"
#define ROSTER_NOTIFY_KIND_UNCOVERED  "uncovered"

#define ROSTER_NOTIFY_TRANSPORT_EMAIL	"email"
#define ROSTER_NOTIFY_TRANSPORT_WEBHOOK "webhook"

#define ROSTER_NOTIFY_MAX_REMINDERS 4

/* the notifier's settings (the setting "notifier"): secrets are never shown by the API */
typedef struct {
	gchar *smtp_server;
	gint smtp_port;
	gchar *smtp_user;
	gchar *smtp_password;
	gchar *smtp_password_file;
	gchar *smtp_from;
	/* starttls (required), tls (implicit, smtps) or none */
	gchar *smtp_tls;
	/* a PEM file of the certificate authorities to trust instead of the system's */
	gchar *smtp_ca_file;
	gchar *webhook_url;
	gchar *webhook_token;
	/* where /my/ is, e.g. https://roster.example.org */
	gchar *public_url;
	/* minutes after midnight in @time_zone; equal: no quiet hours */
	gint quiet_start;
	gint quiet_end;
	gchar *time_zone;
	gint max_attempts;
	/* the wait after the first failed attempt; doubled after each further one */
	gint backoff_seconds;
	gint timeout_seconds;
	/* minutes before a crisis seat's start when an unconfirmed one is escalated */
	gint escalation_minutes;
	/* the reminders before a shift, minutes before its start, largest first */
	gint reminder_minutes[ROSTER_NOTIFY_MAX_REMINDERS];
	guint n_reminders;
} RosterNotifySettings;

RosterNotifySettings *
roster_notify_settings_load(RosterStore *store, GError **error);
/* an alert to the coordinators: never held by quiet hours, never refused */
gboolean
roster_notify_kind_is_alert(const gchar *kind);
void
roster_notify_settings_free(RosterNotifySettings *settings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterNotifySettings, roster_notify_settings_free)
/* @now, or the end of the quiet hours when @now falls in them */
gint64
roster_notify_settings_quiet_until(const RosterNotifySettings *settings, gint64 now);

/* roster-engine-notify-transport.c: sends @message by its transport (blocking) */
gboolean
roster_notify_send(const RosterNotifySettings *settings,
		   const RosterOutboxMessage *message,
		   GError **error);

/* roster-engine-notify-worker.c: the worker thread of the daemon */
typedef struct _RosterNotifier RosterNotifier;
RosterNotifier *
roster_notifier_new(const gchar *database_path);
gboolean
roster_notifier_start(RosterNotifier *self, GError **error);
void
roster_notifier_wake(RosterNotifier *self);
void
roster_notifier_free(RosterNotifier *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterNotifier, roster_notifier_free)

/* roster-engine-notify-publish.c: inside the publish transaction, the digest of each
 * volunteer whose shifts changed between version @number - 1 and @number */
gboolean
roster_engine_notify_published(RosterEngine *self,
			       RosterPrincipal *principal,
			       gint64 roster_id,
			       gint64 number,
			       GError **error);

/* roster-engine-notify-request.c: inside a request step's transaction, the messages of
 * the state it left the request @row in */
gboolean
roster_engine_notify_request(RosterEngine *self, JsonObject *row, GError **error);

/* roster-engine-notify-remind.c: the reminders before shifts and the notifier's clock */
gint64
roster_notify_now(void);
gboolean
roster_notify_message_set_address(RosterOutboxMessage *m,
				  const RosterNotifySettings *settings,
				  gchar **email,
				  gchar **phone);
gint
roster_engine_notify_remind(RosterEngine *self, gint64 now, GError **error);
guint
roster_engine_add_reminders(RosterEngine *self);

/* roster-engine-notify-confirm.c: the one-tap confirm link of a reminder */
typedef enum {
	ROSTER_CONFIRM_DONE,
	ROSTER_CONFIRM_ALREADY,
	ROSTER_CONFIRM_EXPIRED,
	ROSTER_CONFIRM_CHANGED,
	ROSTER_CONFIRM_INVALID,
} RosterConfirmOutcome;

/* inside the caller's transaction: makes the signing key on first use */
gchar *
roster_notify_confirm_token_new(RosterStore *store,
				gint64 roster_id,
				gint64 assignment_id,
				gint64 volunteer_id,
				gint64 number,
				gint64 expires,
				GError **error);
gboolean
roster_engine_confirm_by_token(RosterEngine *self,
			       const gchar *token,
			       RosterConfirmOutcome *outcome,
			       GError **error);

/* roster-engine-notify.c: the API */
gchar *
roster_engine_dup_public_link(RosterEngine *self, const gchar *path);
JsonNode *
roster_engine_get_notifier_settings(RosterEngine *self, RosterPrincipal *principal, GError **error);
JsonNode *
roster_engine_update_notifier_settings(RosterEngine *self,
				       RosterPrincipal *principal,
				       JsonNode *body,
				       GError **error);
JsonNode *
roster_engine_list_messages(RosterEngine *self,
			    RosterPrincipal *principal,
			    const gchar *state,
			    const gchar *kind,
			    gint64 volunteer_id,
			    gint64 offset,
			    gint64 limit,
			    GError **error);
JsonNode *
roster_engine_resend_message(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     GError **error);
JsonNode *
roster_engine_get_notify_optouts(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 volunteer_id,
				 GError **error);
JsonNode *
roster_engine_set_notify_optouts(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 volunteer_id,
				 JsonNode *body,
				 GError **error);

G_END_DECLS
