/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the SQL of the volunteers' page: sign-in links, confirmations of published shifts,
 * the versions a volunteer last saw, availability rounds and their answers */

#include "config.h"

#include <sqlite3.h>

#include "roster-store-private.h"
#include "roster-store-web.h"

/*
 * binds the arguments after @types to ?1, ?2, …: one letter each, `i` a gint64, `s` a
 * string (NULL binds null) and `b` a blob given as a pointer and a gsize
 */
static RosterStmt *
prepare_bound(RosterStore *self, const gchar *sql, GError **error, const gchar *types, ...)
{
	g_autoptr(RosterStmt) stmt = roster_store_prepare(self, sql, error);
	va_list args;
	gint rc = SQLITE_OK;

	if (stmt == NULL)
		return NULL;
	va_start(args, types);
	for (gint i = 0; types[i] != '\0' && rc == SQLITE_OK; i++) {
		if (types[i] == 'i') {
			rc = sqlite3_bind_int64(stmt, i + 1, va_arg(args, gint64));
		} else if (types[i] == 's') {
			const gchar *text = va_arg(args, const gchar *);
			rc = text != NULL
				 ? sqlite3_bind_text(stmt, i + 1, text, -1, SQLITE_TRANSIENT)
				 : sqlite3_bind_null(stmt, i + 1);
		} else {
			const guint8 *blob = va_arg(args, const guint8 *);
			gsize length = va_arg(args, gsize);
			rc = sqlite3_bind_blob(stmt, i + 1, blob, (gint)length, SQLITE_TRANSIENT);
		}
	}
	va_end(args);
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "binding a value", error);
		return NULL;
	}
	return g_steal_pointer(&stmt);
}

/* every row of @stmt as an object of its columns: integers, text or null */
static JsonArray *
collect_rows(RosterStore *self, RosterStmt *stmt, GError **error)
{
	g_autoptr(JsonArray) rows = json_array_new();
	gint rc;

	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW) {
		JsonObject *row = json_object_new();
		for (gint i = 0; i < sqlite3_column_count(stmt); i++) {
			const gchar *name = sqlite3_column_name(stmt, i);
			gint type = sqlite3_column_type(stmt, i);
			if (type == SQLITE_NULL)
				json_object_set_null_member(row, name);
			else if (type == SQLITE_INTEGER)
				json_object_set_int_member(row,
							   name,
							   sqlite3_column_int64(stmt, i));
			else
				json_object_set_string_member(
				    row,
				    name,
				    (const gchar *)sqlite3_column_text(stmt, i));
		}
		json_array_add_object_element(rows, row);
	}
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&rows);
}

/**
 * roster_store_insert_signin_link:
 * @self: a #RosterStore
 * @hash: the hash of the link's token
 * @hash_len: its length
 * @account_id: the account the link signs in
 * @created: when it was made, ISO 8601
 * @creator: who made it
 * @expires: when it stops working, seconds since 1970
 * @error: a #GError, or %NULL
 *
 * Returns: the id of the new link, or 0 with @error set
 **/
gint64
roster_store_insert_signin_link(RosterStore *self,
				const guint8 *hash,
				gsize hash_len,
				gint64 account_id,
				const gchar *created,
				const gchar *creator,
				gint64 expires,
				GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	stmt =
	    prepare_bound(self,
			  "INSERT INTO signin_links (hash, account_id, created, creator, expires)"
			  " VALUES (?1, ?2, ?3, ?4, ?5)",
			  error,
			  "bissi",
			  hash,
			  hash_len,
			  account_id,
			  created,
			  creator,
			  expires);
	if (stmt == NULL || !roster_store_step_done(self, stmt, error))
		return 0;
	return sqlite3_last_insert_rowid(roster_store_get_db(self));
}

/**
 * roster_store_use_signin_link:
 * @self: a #RosterStore
 * @hash: the hash of the token presented
 * @hash_len: its length
 * @now: the time, seconds since 1970
 * @now_text: the same time, ISO 8601, written as the time of use
 * @account_id: (out): the account signed in, or 0 when no usable link has @hash
 * @error: a #GError, or %NULL
 *
 * Uses a link once: of two requests with the same token only one finds it unused.
 *
 * Returns: %FALSE on a database error
 **/
gboolean
roster_store_use_signin_link(RosterStore *self,
			     const guint8 *hash,
			     gsize hash_len,
			     gint64 now,
			     const gchar *now_text,
			     gint64 *account_id,
			     GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	*account_id = 0;
	stmt = prepare_bound(self,
			     "UPDATE signin_links SET used = ?3 WHERE hash = ?1 AND used IS NULL"
			     " AND revoked IS NULL AND expires > ?2 RETURNING account_id",
			     error,
			     "bis",
			     hash,
			     hash_len,
			     now,
			     now_text);
	if (stmt == NULL)
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return FALSE;
	if (rc == SQLITE_ROW) {
		*account_id = sqlite3_column_int64(stmt, 0);
		return roster_store_step_done(self, stmt, error);
	}
	return TRUE;
}

/**
 * roster_store_revoke_signin_link:
 * @self: a #RosterStore
 * @id: the link
 * @now_text: the time of the revocation, ISO 8601
 * @found: (out): whether an unused link that was not yet revoked had @id
 * @error: a #GError, or %NULL
 *
 * Returns: %FALSE on a database error
 **/
gboolean
roster_store_revoke_signin_link(RosterStore *self,
				gint64 id,
				const gchar *now_text,
				gboolean *found,
				GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	*found = FALSE;
	stmt =
	    prepare_bound(self,
			  "UPDATE signin_links SET revoked = ?2 WHERE id = ?1 AND revoked IS NULL"
			  " AND used IS NULL",
			  error,
			  "is",
			  id,
			  now_text);
	if (stmt == NULL || !roster_store_step_done(self, stmt, error))
		return FALSE;
	*found = sqlite3_changes(roster_store_get_db(self)) > 0;
	return TRUE;
}

/**
 * roster_store_list_signin_links:
 * @self: a #RosterStore
 * @account_id: an account, or 0 for every account
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the links, newest first, without their hashes
 **/
JsonArray *
roster_store_list_signin_links(RosterStore *self, gint64 account_id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = prepare_bound(self,
			     "SELECT id, account_id, created, creator, expires, used, revoked"
			     " FROM signin_links WHERE ?1 = 0 OR account_id = ?1 ORDER BY id DESC",
			     error,
			     "i",
			     account_id);
	return stmt != NULL ? collect_rows(self, stmt, error) : NULL;
}

/**
 * roster_store_find_volunteer_account:
 * @self: a #RosterStore
 * @volunteer_id: a volunteer
 * @account_id: (out): the active account of role volunteer linked to it, or 0
 * @error: a #GError, or %NULL
 *
 * Returns: %FALSE on a database error
 **/
gboolean
roster_store_find_volunteer_account(RosterStore *self,
				    gint64 volunteer_id,
				    gint64 *account_id,
				    GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	*account_id = 0;
	stmt = prepare_bound(self,
			     "SELECT id FROM accounts WHERE volunteer_id = ?1 AND active = 1"
			     " AND role = 'volunteer' ORDER BY id LIMIT 1",
			     error,
			     "i",
			     volunteer_id);
	if (stmt == NULL)
		return FALSE;
	rc = roster_store_step(self, stmt, error);
	if (rc == SQLITE_ROW)
		*account_id = sqlite3_column_int64(stmt, 0);
	return rc >= 0;
}

/**
 * roster_store_put_confirmation:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @assignment_id: the assignment
 * @volunteer_id: who holds it
 * @number: the published version confirmed
 * @date: the shift's date in that version
 * @slot: its slot start
 * @seat_class_id: its seat class
 * @confirmed_at: when, ISO 8601
 * @actor: who confirmed
 * @error: a #GError, or %NULL
 *
 * Replaces the confirmation of the assignment by the volunteer.
 *
 * Returns: %FALSE on a database error
 **/
gboolean
roster_store_put_confirmation(RosterStore *self,
			      gint64 roster_id,
			      gint64 assignment_id,
			      gint64 volunteer_id,
			      gint64 number,
			      const gchar *date,
			      const gchar *slot,
			      gint64 seat_class_id,
			      const gchar *confirmed_at,
			      const gchar *actor,
			      GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt =
	    prepare_bound(self,
			  "INSERT OR REPLACE INTO shift_confirmations (roster_id, assignment_id,"
			  " volunteer_id, number, date, slot, seat_class_id, confirmed_at, actor)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			  error,
			  "iiiississ",
			  roster_id,
			  assignment_id,
			  volunteer_id,
			  number,
			  date,
			  slot,
			  seat_class_id,
			  confirmed_at,
			  actor);
	return stmt != NULL && roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_list_confirmations:
 * @self: a #RosterStore
 * @roster_id: a roster, or 0 for all
 * @volunteer_id: a volunteer, or 0 for all
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the confirmations
 **/
JsonArray *
roster_store_list_confirmations(RosterStore *self,
				gint64 roster_id,
				gint64 volunteer_id,
				GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = prepare_bound(self,
			     "SELECT roster_id, assignment_id, volunteer_id, number, date, slot,"
			     " seat_class_id, confirmed_at FROM shift_confirmations"
			     " WHERE (?1 = 0 OR roster_id = ?1) AND (?2 = 0 OR volunteer_id = ?2)",
			     error,
			     "ii",
			     roster_id,
			     volunteer_id);
	return stmt != NULL ? collect_rows(self, stmt, error) : NULL;
}

/**
 * roster_store_set_seen:
 * @self: a #RosterStore
 * @volunteer_id: the volunteer
 * @roster_id: the roster
 * @number: the published version seen
 * @now: when, ISO 8601
 * @error: a #GError, or %NULL
 *
 * Returns: %FALSE on a database error
 **/
gboolean
roster_store_set_seen(RosterStore *self,
		      gint64 volunteer_id,
		      gint64 roster_id,
		      gint64 number,
		      const gchar *now,
		      GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = prepare_bound(self,
			     "INSERT OR REPLACE INTO shifts_seen (volunteer_id, roster_id, number,"
			     " seen_at) VALUES (?1, ?2, ?3, ?4)",
			     error,
			     "iiis",
			     volunteer_id,
			     roster_id,
			     number,
			     now);
	return stmt != NULL && roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_list_seen:
 * @self: a #RosterStore
 * @volunteer_id: the volunteer
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): [{roster_id, number}]
 **/
JsonArray *
roster_store_list_seen(RosterStore *self, gint64 volunteer_id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = prepare_bound(self,
			     "SELECT roster_id, number FROM shifts_seen WHERE volunteer_id = ?1",
			     error,
			     "i",
			     volunteer_id);
	return stmt != NULL ? collect_rows(self, stmt, error) : NULL;
}

/**
 * roster_store_insert_round:
 * @self: a #RosterStore
 * @name: the round's name
 * @period_start: the first date asked about, YYYY-MM-DD
 * @period_end: the last one
 * @deadline: when answers close, ISO 8601 UTC
 * @created: now, ISO 8601
 * @creator: who opened it
 * @error: a #GError, or %NULL
 *
 * Returns: the new round's id, or 0 with @error set
 **/
gint64
roster_store_insert_round(RosterStore *self,
			  const gchar *name,
			  const gchar *period_start,
			  const gchar *period_end,
			  const gchar *deadline,
			  const gchar *created,
			  const gchar *creator,
			  GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	stmt = prepare_bound(self,
			     "INSERT INTO availability_rounds (name, period_start, period_end,"
			     " deadline, created, creator) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			     error,
			     "ssssss",
			     name,
			     period_start,
			     period_end,
			     deadline,
			     created,
			     creator);
	if (stmt == NULL || !roster_store_step_done(self, stmt, error))
		return 0;
	return sqlite3_last_insert_rowid(roster_store_get_db(self));
}

#define ROUND_COLUMNS "SELECT id, created, creator, name, period_start, period_end, deadline"

/**
 * roster_store_get_round:
 * @self: a #RosterStore
 * @id: a round
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the round, or %NULL with %ROSTER_ERROR_NOT_FOUND
 **/
JsonObject *
roster_store_get_round(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = prepare_bound(self,
			     ROUND_COLUMNS " FROM availability_rounds WHERE id = ?1",
			     error,
			     "i",
			     id);
	if (stmt == NULL)
		return NULL;
	rows = collect_rows(self, stmt, error);
	if (rows == NULL)
		return NULL;
	if (json_array_get_length(rows) == 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rounds: no record with id %" G_GINT64_FORMAT,
			    id);
		return NULL;
	}
	return json_object_ref(json_array_get_object_element(rows, 0));
}

/**
 * roster_store_list_rounds:
 * @self: a #RosterStore
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): every round, the latest period first
 **/
JsonArray *
roster_store_list_rounds(RosterStore *self, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = prepare_bound(self,
			     ROUND_COLUMNS
			     " FROM availability_rounds ORDER BY period_start DESC, id DESC",
			     error,
			     "");
	return stmt != NULL ? collect_rows(self, stmt, error) : NULL;
}

/**
 * roster_store_put_round_answer:
 * @self: a #RosterStore
 * @round_id: the round
 * @volunteer_id: who answered
 * @answered_at: when, ISO 8601
 * @marks: how many marks the answer holds
 * @error: a #GError, or %NULL
 *
 * Returns: %FALSE on a database error
 **/
gboolean
roster_store_put_round_answer(RosterStore *self,
			      gint64 round_id,
			      gint64 volunteer_id,
			      const gchar *answered_at,
			      gint64 marks,
			      GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = prepare_bound(self,
			     "INSERT OR REPLACE INTO round_answers (round_id, volunteer_id,"
			     " answered_at, marks) VALUES (?1, ?2, ?3, ?4)",
			     error,
			     "iisi",
			     round_id,
			     volunteer_id,
			     answered_at,
			     marks);
	return stmt != NULL && roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_list_round_answers:
 * @self: a #RosterStore
 * @round_id: the round
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): every active volunteer and its answer, if any
 **/
JsonArray *
roster_store_list_round_answers(RosterStore *self, gint64 round_id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = prepare_bound(self,
			     "SELECT v.id AS volunteer_id, v.counsellor_no, v.name, a.answered_at,"
			     " a.marks FROM volunteers v LEFT JOIN round_answers a"
			     " ON a.volunteer_id = v.id AND a.round_id = ?1"
			     " WHERE v.active = 1 ORDER BY v.counsellor_no",
			     error,
			     "i",
			     round_id);
	return stmt != NULL ? collect_rows(self, stmt, error) : NULL;
}

/**
 * roster_store_list_dated_availability:
 * @self: a #RosterStore
 * @volunteer_id: the volunteer
 * @from: the first date, YYYY-MM-DD
 * @to: the last date
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the availability rows of those dates
 **/
JsonArray *
roster_store_list_dated_availability(RosterStore *self,
				     gint64 volunteer_id,
				     const gchar *from,
				     const gchar *to,
				     GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = prepare_bound(self,
			     "SELECT id, date, start_time AS start, end_time AS end, kind"
			     " FROM availability WHERE volunteer_id = ?1 AND date BETWEEN ?2 AND ?3"
			     " ORDER BY date, start_time",
			     error,
			     "iss",
			     volunteer_id,
			     from,
			     to);
	return stmt != NULL ? collect_rows(self, stmt, error) : NULL;
}
