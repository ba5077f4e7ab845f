/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the outbox of notifications (schema 13): messages written in the transaction of the
 * event that causes them, claimed one at a time by the notifier's worker, and the
 * volunteers' opt-outs per kind */

#include "config.h"

#include "roster-store-outbox.h"
#include "roster-store-private.h"

#define OUTBOX_COLUMNS                                                                             \
	"id, kind, IFNULL(volunteer_id, 0), IFNULL(account_id, 0), address, transport,"            \
	" subject, body, language, state, attempts, next_attempt, last_error, created, sent"

/* waiting: pending, or left sending by a daemon that stopped mid-send */
#define OUTBOX_WAITING "state IN ('pending', 'sending')"

void
roster_outbox_message_free(RosterOutboxMessage *message)
{
	if (message == NULL)
		return;
	g_free(message->kind);
	g_free(message->address);
	g_free(message->transport);
	g_free(message->subject);
	g_free(message->body);
	g_free(message->language);
	g_free(message->state);
	g_free(message->last_error);
	g_free(message->created);
	g_free(message->sent);
	g_free(message);
}

static gchar *
column_text(sqlite3_stmt *stmt, gint column)
{
	return g_strdup((const gchar *)sqlite3_column_text(stmt, column));
}

static RosterOutboxMessage *
read_message(sqlite3_stmt *stmt)
{
	RosterOutboxMessage *m = g_new0(RosterOutboxMessage, 1);

	m->id = sqlite3_column_int64(stmt, 0);
	m->kind = column_text(stmt, 1);
	m->volunteer_id = sqlite3_column_int64(stmt, 2);
	m->account_id = sqlite3_column_int64(stmt, 3);
	m->address = column_text(stmt, 4);
	m->transport = column_text(stmt, 5);
	m->subject = column_text(stmt, 6);
	m->body = column_text(stmt, 7);
	m->language = column_text(stmt, 8);
	m->state = column_text(stmt, 9);
	m->attempts = sqlite3_column_int64(stmt, 10);
	m->next_attempt = sqlite3_column_int64(stmt, 11);
	m->last_error = column_text(stmt, 12);
	m->created = column_text(stmt, 13);
	m->sent = column_text(stmt, 14);
	return m;
}

/**
 * roster_outbox_message_to_node:
 * @message: a message
 *
 * Returns: (transfer full): the message as the API shows it
 */
JsonNode *
roster_outbox_message_to_node(const RosterOutboxMessage *message)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(GDateTime) next = g_date_time_new_from_unix_utc(message->next_attempt);
	g_autofree gchar *next_text = next != NULL ? g_date_time_format_iso8601(next) : NULL;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "id");
	json_builder_add_int_value(b, message->id);
	json_builder_set_member_name(b, "kind");
	json_builder_add_string_value(b, message->kind);
	json_builder_set_member_name(b, "volunteer_id");
	if (message->volunteer_id > 0)
		json_builder_add_int_value(b, message->volunteer_id);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, "address");
	json_builder_add_string_value(b, message->address);
	json_builder_set_member_name(b, "transport");
	json_builder_add_string_value(b, message->transport);
	json_builder_set_member_name(b, "subject");
	json_builder_add_string_value(b, message->subject);
	json_builder_set_member_name(b, "body");
	json_builder_add_string_value(b, message->body);
	json_builder_set_member_name(b, "language");
	json_builder_add_string_value(b, message->language);
	json_builder_set_member_name(b, "state");
	json_builder_add_string_value(b, message->state);
	json_builder_set_member_name(b, "attempts");
	json_builder_add_int_value(b, message->attempts);
	json_builder_set_member_name(b, "next_attempt");
	json_builder_add_string_value(b, next_text);
	json_builder_set_member_name(b, "last_error");
	json_builder_add_string_value(b, message->last_error);
	json_builder_set_member_name(b, "created");
	json_builder_add_string_value(b, message->created);
	json_builder_set_member_name(b, "sent");
	json_builder_add_string_value(b, message->sent);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

static gboolean
bind_id(RosterStore *self, sqlite3_stmt *stmt, gint column, gint64 id, GError **error)
{
	if (id <= 0)
		return roster_store_check_bind(self, sqlite3_bind_null(stmt, column), error);
	return roster_store_check_bind(self, sqlite3_bind_int64(stmt, column, id), error);
}

/**
 * roster_store_outbox_insert:
 * @self: a store inside a transaction
 * @message: the message; its id, state, attempts and sent time are not read
 * @error: (nullable): return location for a #GError
 *
 * Returns: the new message's id, or 0 with @error set
 */
gint64
roster_store_outbox_insert(RosterStore *self, const RosterOutboxMessage *message, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	stmt = roster_store_prepare(
	    self,
	    "INSERT INTO outbox (kind, volunteer_id, account_id, address, transport, subject,"
	    " body, language, state, attempts, next_attempt, created)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', 0, ?9, ?10)",
	    error);
	if (stmt == NULL || !roster_store_bind_text(self, stmt, 1, message->kind, error) ||
	    !bind_id(self, stmt, 2, message->volunteer_id, error) ||
	    !bind_id(self, stmt, 3, message->account_id, error) ||
	    !roster_store_bind_text(self, stmt, 4, message->address, error) ||
	    !roster_store_bind_text(self, stmt, 5, message->transport, error) ||
	    !roster_store_bind_text(self, stmt, 6, message->subject, error) ||
	    !roster_store_bind_text(self, stmt, 7, message->body, error) ||
	    !roster_store_bind_text(self, stmt, 8, message->language, error) ||
	    !roster_store_check_bind(self,
				     sqlite3_bind_int64(stmt, 9, message->next_attempt),
				     error) ||
	    !roster_store_bind_text(self, stmt, 10, message->created, error))
		return 0;
	if (!roster_store_step_done(self, stmt, error))
		return 0;
	return sqlite3_last_insert_rowid(roster_store_get_db(self));
}

static RosterOutboxMessage *
get_message(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt =
	    roster_store_prepare(self,
				 "SELECT " OUTBOX_COLUMNS " FROM outbox WHERE id = ?1",
				 error);
	gint rc;

	if (stmt == NULL || !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, id), error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "message %" G_GINT64_FORMAT " not found",
			    id);
		return NULL;
	}
	return read_message(stmt);
}

/**
 * roster_store_outbox_get:
 * @self: a store
 * @id: a message id
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the message, or %NULL with %ROSTER_ERROR_NOT_FOUND
 */
RosterOutboxMessage *
roster_store_outbox_get(RosterStore *self, gint64 id, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return get_message(self, id, error);
}

static gboolean
claim_due(RosterStore *self, gint64 now, RosterOutboxMessage **claimed, GError **error)
{
	g_autoptr(RosterStmt) stmt = roster_store_prepare(
	    self,
	    "SELECT id FROM outbox WHERE " OUTBOX_WAITING " AND next_attempt <= ?1"
	    " ORDER BY next_attempt, id LIMIT 1",
	    error);
	g_autoptr(RosterStmt) mark = NULL;
	gint64 id;
	gint rc;

	if (stmt == NULL || !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, now), error))
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return FALSE;
	if (rc != SQLITE_ROW)
		return TRUE;
	id = sqlite3_column_int64(stmt, 0);
	mark = roster_store_prepare(
	    self,
	    "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?1",
	    error);
	if (mark == NULL ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(mark, 1, id), error) ||
	    !roster_store_step_done(self, mark, error))
		return FALSE;
	*claimed = get_message(self, id, error);
	return *claimed != NULL;
}

/**
 * roster_store_outbox_claim:
 * @self: a store outside a transaction
 * @now: seconds since the epoch
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full) (nullable): the message claimed, marked sending, or %NULL
 */
RosterOutboxMessage *
roster_store_outbox_claim(RosterStore *self, gint64 now, GError **error)
{
	RosterOutboxMessage *claimed = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	if (!roster_store_begin(self, error))
		return NULL;
	if (!claim_due(self, now, &claimed, error) || !roster_store_commit(self, error)) {
		roster_store_rollback(self);
		g_clear_pointer(&claimed, roster_outbox_message_free);
		return NULL;
	}
	return claimed;
}

/**
 * roster_store_outbox_finish:
 * @self: a store
 * @id: the message
 * @state: its new state
 * @attempts: the attempts made
 * @next_attempt: when to try again
 * @last_error: (nullable): why the last attempt failed
 * @sent: (nullable): when it was sent
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_outbox_finish(RosterStore *self,
			   gint64 id,
			   const gchar *state,
			   gint64 attempts,
			   gint64 next_attempt,
			   const gchar *last_error,
			   const gchar *sent,
			   GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt =
	    roster_store_prepare(self,
				 "UPDATE outbox SET state = ?2, attempts = ?3, next_attempt = ?4,"
				 " last_error = ?5, sent = ?6 WHERE id = ?1",
				 error);
	return stmt != NULL &&
	       roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, id), error) &&
	       roster_store_bind_text(self, stmt, 2, state, error) &&
	       roster_store_check_bind(self, sqlite3_bind_int64(stmt, 3, attempts), error) &&
	       roster_store_check_bind(self, sqlite3_bind_int64(stmt, 4, next_attempt), error) &&
	       roster_store_bind_text(self, stmt, 5, last_error, error) &&
	       roster_store_bind_text(self, stmt, 6, sent, error) &&
	       roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_outbox_next_due:
 * @self: a store
 * @when: (out): the earliest next attempt of a waiting message, or %G_MAXINT64
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_outbox_next_due(RosterStore *self, gint64 *when, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(self,
				    "SELECT IFNULL(MIN(next_attempt), -1) FROM outbox"
				    " WHERE " OUTBOX_WAITING,
				    error);
	if (stmt == NULL || roster_store_step(self, stmt, error) != SQLITE_ROW)
		return FALSE;
	*when = sqlite3_column_int64(stmt, 0);
	if (*when < 0)
		*when = G_MAXINT64;
	return TRUE;
}

#define OUTBOX_FILTER                                                                              \
	" WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR kind = ?2)"                          \
	" AND (?3 IS NULL OR volunteer_id = ?3)"

static gboolean
bind_filter(RosterStore *self,
	    sqlite3_stmt *stmt,
	    const gchar *state,
	    const gchar *kind,
	    gint64 volunteer_id,
	    GError **error)
{
	return roster_store_bind_text(self, stmt, 1, state, error) &&
	       roster_store_bind_text(self, stmt, 2, kind, error) &&
	       bind_id(self, stmt, 3, volunteer_id, error);
}

/**
 * roster_store_outbox_list:
 * @self: a store
 * @state: (nullable): only messages in this state
 * @kind: (nullable): only messages of this kind
 * @volunteer_id: only this volunteer's messages, or 0
 * @offset: rows to skip
 * @limit: most rows
 * @total: (out) (optional): the number of matching messages
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full) (element-type RosterOutboxMessage): newest first
 */
GPtrArray *
roster_store_outbox_list(RosterStore *self,
			 const gchar *state,
			 const gchar *kind,
			 gint64 volunteer_id,
			 gint64 offset,
			 gint64 limit,
			 gint64 *total,
			 GError **error)
{
	g_autoptr(GPtrArray) rows =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_outbox_message_free);
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	if (total != NULL) {
		g_autoptr(RosterStmt) count =
		    roster_store_prepare(self, "SELECT COUNT(*) FROM outbox" OUTBOX_FILTER, error);
		if (count == NULL || !bind_filter(self, count, state, kind, volunteer_id, error) ||
		    roster_store_step(self, count, error) != SQLITE_ROW)
			return NULL;
		*total = sqlite3_column_int64(count, 0);
	}
	{
		g_autoptr(RosterStmt) stmt =
		    roster_store_prepare(self,
					 "SELECT " OUTBOX_COLUMNS " FROM outbox" OUTBOX_FILTER
					 " ORDER BY id DESC LIMIT ?4 OFFSET ?5",
					 error);
		if (stmt == NULL || !bind_filter(self, stmt, state, kind, volunteer_id, error) ||
		    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 4, limit), error) ||
		    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 5, offset), error))
			return NULL;
		while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW)
			g_ptr_array_add(rows, read_message(stmt));
		if (rc < 0)
			return NULL;
	}
	return g_steal_pointer(&rows);
}

/**
 * roster_store_outbox_resend:
 * @self: a store
 * @id: the message
 * @now: seconds since the epoch
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success; %ROSTER_ERROR_CONFLICT while the message is being sent
 */
gboolean
roster_store_outbox_resend(RosterStore *self, gint64 id, gint64 now, GError **error)
{
	g_autoptr(RosterOutboxMessage) message = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	message = get_message(self, id, error);
	if (message == NULL)
		return FALSE;
	if (g_strcmp0(message->state, ROSTER_OUTBOX_STATE_SENDING) == 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_CONFLICT,
				       "state",
				       "the message is being sent");
		return FALSE;
	}
	return roster_store_outbox_finish(self,
					  id,
					  ROSTER_OUTBOX_STATE_PENDING,
					  0,
					  now,
					  NULL,
					  NULL,
					  error);
}

/**
 * roster_store_notify_get_optouts:
 * @self: a store
 * @volunteer_id: a volunteer
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the kinds the volunteer opted out of, sorted
 */
GStrv
roster_store_notify_get_optouts(RosterStore *self, gint64 volunteer_id, GError **error)
{
	g_autoptr(GStrvBuilder) kinds = g_strv_builder_new();
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT kind FROM notify_optouts WHERE volunteer_id = ?1"
				    " ORDER BY kind",
				    error);
	if (stmt == NULL ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, volunteer_id), error))
		return NULL;
	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW)
		g_strv_builder_add(kinds, (const gchar *)sqlite3_column_text(stmt, 0));
	if (rc < 0)
		return NULL;
	return g_strv_builder_end(kinds);
}

/**
 * roster_store_notify_set_optouts:
 * @self: a store inside a transaction
 * @volunteer_id: a volunteer
 * @kinds: the kinds it opts out of; the others are opted in
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_notify_set_optouts(RosterStore *self,
				gint64 volunteer_id,
				const gchar *const *kinds,
				GError **error)
{
	g_autoptr(RosterStmt) clear = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	clear =
	    roster_store_prepare(self, "DELETE FROM notify_optouts WHERE volunteer_id = ?1", error);
	if (clear == NULL ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(clear, 1, volunteer_id), error) ||
	    !roster_store_step_done(self, clear, error))
		return FALSE;
	for (guint i = 0; kinds[i] != NULL; i++) {
		g_autoptr(RosterStmt) add = roster_store_prepare(
		    self,
		    "INSERT OR IGNORE INTO notify_optouts (volunteer_id, kind) VALUES (?1, ?2)",
		    error);
		if (add == NULL ||
		    !roster_store_check_bind(self,
					     sqlite3_bind_int64(add, 1, volunteer_id),
					     error) ||
		    !roster_store_bind_text(self, add, 2, kinds[i], error) ||
		    !roster_store_step_done(self, add, error))
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_store_notify_get_contact:
 * @self: a store
 * @volunteer_id: a volunteer
 * @name: (out): the name
 * @email: (out) (nullable): the e-mail address
 * @phone: (out) (nullable): the phone number
 * @language: (out) (nullable): the preferred language
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success; %ROSTER_ERROR_NOT_FOUND for an unknown volunteer
 */
gboolean
roster_store_notify_get_contact(RosterStore *self,
				gint64 volunteer_id,
				gchar **name,
				gchar **email,
				gchar **phone,
				gchar **language,
				GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(self,
				    "SELECT name, email, phone, preferred_language FROM volunteers"
				    " WHERE id = ?1",
				    error);
	if (stmt == NULL ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, volunteer_id), error))
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return FALSE;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "volunteer %" G_GINT64_FORMAT " not found",
			    volunteer_id);
		return FALSE;
	}
	*name = column_text(stmt, 0);
	*email = column_text(stmt, 1);
	*phone = column_text(stmt, 2);
	*language = column_text(stmt, 3);
	return TRUE;
}

/**
 * roster_store_notify_dup_seat_class_name:
 * @self: a store
 * @id: a seat class
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): its name, or its id as text when it is gone
 */
gchar *
roster_store_notify_dup_seat_class_name(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self, "SELECT name FROM seat_classes WHERE id = ?1", error);
	if (stmt == NULL || !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, id), error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW)
		return g_strdup_printf("#%" G_GINT64_FORMAT, id);
	return column_text(stmt, 0);
}
