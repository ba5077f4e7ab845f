/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the store's outbox of notifications and the volunteers' opt-outs of each kind */

#pragma once

#include "roster-store.h"

G_BEGIN_DECLS

#define ROSTER_OUTBOX_STATE_PENDING "pending"
#define ROSTER_OUTBOX_STATE_SENDING "sending"
#define ROSTER_OUTBOX_STATE_SENT    "sent"
#define ROSTER_OUTBOX_STATE_FAILED  "failed"

/* one message; times are seconds since the epoch except @created and @sent (ISO 8601) */
typedef struct {
	gint64 id;
	gchar *kind;
	/* 0 when the message is for an account without a volunteer */
	gint64 volunteer_id;
	gint64 account_id;
	gchar *address;
	gchar *transport;
	gchar *subject;
	gchar *body;
	gchar *language;
	gchar *state;
	gint64 attempts;
	gint64 next_attempt;
	gchar *last_error;
	gchar *created;
	gchar *sent;
} RosterOutboxMessage;

void
roster_outbox_message_free(RosterOutboxMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterOutboxMessage, roster_outbox_message_free)
JsonNode *
roster_outbox_message_to_node(const RosterOutboxMessage *message);

/* inside the caller's transaction; returns the new id or 0 with @error set */
gint64
roster_store_outbox_insert(RosterStore *self, const RosterOutboxMessage *message, GError **error);
/* takes the first message due at @now (pending, or sending after a crash), marks it
 * sending and counts the attempt, in its own transaction; %NULL without error when none */
RosterOutboxMessage *
roster_store_outbox_claim(RosterStore *self, gint64 now, GError **error);
/* the end of an attempt: @state with @attempts, the next attempt, the error and the time
 * sent (both nullable) */
gboolean
roster_store_outbox_finish(RosterStore *self,
			   gint64 id,
			   const gchar *state,
			   gint64 attempts,
			   gint64 next_attempt,
			   const gchar *last_error,
			   const gchar *sent,
			   GError **error);
/* the earliest next attempt of a waiting message, or G_MAXINT64 */
gboolean
roster_store_outbox_next_due(RosterStore *self, gint64 *when, GError **error);
/* newest first; @state and @kind nullable, @volunteer_id 0 for every one */
GPtrArray *
roster_store_outbox_list(RosterStore *self,
			 const gchar *state,
			 const gchar *kind,
			 gint64 volunteer_id,
			 gint64 offset,
			 gint64 limit,
			 gint64 *total,
			 GError **error);
RosterOutboxMessage *
roster_store_outbox_get(RosterStore *self, gint64 id, GError **error);
/* pending again from @now with no attempt counted; a message being sent is refused */
gboolean
roster_store_outbox_resend(RosterStore *self, gint64 id, gint64 now, GError **error);

/* opt-outs: the kinds @volunteer_id does not want, and their replacement */
GStrv
roster_store_notify_get_optouts(RosterStore *self, gint64 volunteer_id, GError **error);
gboolean
roster_store_notify_set_optouts(RosterStore *self,
				gint64 volunteer_id,
				const gchar *const *kinds,
				GError **error);

/* what a message to a volunteer needs: each out value newly allocated, NULL when unset */
gboolean
roster_store_notify_get_contact(RosterStore *self,
				gint64 volunteer_id,
				gchar **name,
				gchar **email,
				gchar **phone,
				gchar **language,
				GError **error);
gchar *
roster_store_notify_dup_seat_class_name(RosterStore *self, gint64 id, GError **error);

G_END_DECLS
