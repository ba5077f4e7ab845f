/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the store of the volunteers' page: sign-in links, confirmations of shifts, the
 * versions a volunteer last saw and availability rounds (schema step 10) */

#pragma once

#include "roster-store.h"

G_BEGIN_DECLS

/* the tables of schema step 10; only roster-store-migrate.c runs it */
#define ROSTER_STORE_WEB_SCHEMA                                                                    \
	"CREATE TABLE signin_links ("                                                              \
	" id INTEGER PRIMARY KEY AUTOINCREMENT, hash BLOB NOT NULL UNIQUE,"                        \
	" account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"                  \
	" created TEXT NOT NULL, creator TEXT NOT NULL, expires INTEGER NOT NULL,"                 \
	" used TEXT, revoked TEXT);"                                                               \
	"CREATE INDEX signin_links_account ON signin_links(account_id);"                           \
	"CREATE TABLE shift_confirmations ("                                                       \
	" roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,"                    \
	" assignment_id INTEGER NOT NULL,"                                                         \
	" volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"              \
	" number INTEGER NOT NULL, date TEXT NOT NULL, slot TEXT NOT NULL,"                        \
	" seat_class_id INTEGER NOT NULL, confirmed_at TEXT NOT NULL, actor TEXT NOT NULL,"        \
	" PRIMARY KEY (roster_id, assignment_id, volunteer_id)) WITHOUT ROWID;"                    \
	"CREATE TABLE shifts_seen ("                                                               \
	" volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"              \
	" roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,"                    \
	" number INTEGER NOT NULL, seen_at TEXT NOT NULL,"                                         \
	" PRIMARY KEY (volunteer_id, roster_id)) WITHOUT ROWID;"                                   \
	"CREATE TABLE availability_rounds ("                                                       \
	" id INTEGER PRIMARY KEY AUTOINCREMENT, created TEXT NOT NULL, creator TEXT NOT NULL,"     \
	" name TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL,"               \
	" deadline TEXT NOT NULL);"                                                                \
	"CREATE TABLE round_answers ("                                                             \
	" round_id INTEGER NOT NULL REFERENCES availability_rounds(id) ON DELETE CASCADE,"         \
	" volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"              \
	" answered_at TEXT NOT NULL, marks INTEGER NOT NULL,"                                      \
	" PRIMARY KEY (round_id, volunteer_id)) WITHOUT ROWID;"

/* sign-in links: only the hash of the token is kept */
gint64
roster_store_insert_signin_link(RosterStore *self,
				const guint8 *hash,
				gsize hash_len,
				gint64 account_id,
				const gchar *created,
				const gchar *creator,
				gint64 expires,
				GError **error);
/* marks the link of @hash used when it is neither used, revoked nor expired at @now;
 * *@account_id is 0 when there is no such link */
gboolean
roster_store_use_signin_link(RosterStore *self,
			     const guint8 *hash,
			     gsize hash_len,
			     gint64 now,
			     const gchar *now_text,
			     gint64 *account_id,
			     GError **error);
/* *@found is FALSE when no link of @id is unused and not yet revoked */
gboolean
roster_store_revoke_signin_link(RosterStore *self,
				gint64 id,
				const gchar *now_text,
				gboolean *found,
				GError **error);
/* [{id, account_id, created, creator, expires, used, revoked}], newest first; @account_id
 * 0 for all */
JsonArray *
roster_store_list_signin_links(RosterStore *self, gint64 account_id, GError **error);
/* the active volunteer account linked to @volunteer_id, or 0 */
gboolean
roster_store_find_volunteer_account(RosterStore *self,
				    gint64 volunteer_id,
				    gint64 *account_id,
				    GError **error);

/* confirmations: one row per assignment and volunteer, the last one kept */
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
			      GError **error);
/* [{roster_id, assignment_id, volunteer_id, number, date, slot, seat_class_id,
 * confirmed_at}]; 0 for no filter */
JsonArray *
roster_store_list_confirmations(RosterStore *self,
				gint64 roster_id,
				gint64 volunteer_id,
				GError **error);

/* the published version of each roster a volunteer last saw */
gboolean
roster_store_set_seen(RosterStore *self,
		      gint64 volunteer_id,
		      gint64 roster_id,
		      gint64 number,
		      const gchar *now,
		      GError **error);
/* [{roster_id, number}] */
JsonArray *
roster_store_list_seen(RosterStore *self, gint64 volunteer_id, GError **error);

/* availability rounds */
gint64
roster_store_insert_round(RosterStore *self,
			  const gchar *name,
			  const gchar *period_start,
			  const gchar *period_end,
			  const gchar *deadline,
			  const gchar *created,
			  const gchar *creator,
			  GError **error);
/* {id, created, creator, name, period_start, period_end, deadline}, or NULL with
 * ROSTER_ERROR_NOT_FOUND */
JsonObject *
roster_store_get_round(RosterStore *self, gint64 id, GError **error);
/* newest period first */
JsonArray *
roster_store_list_rounds(RosterStore *self, GError **error);
gboolean
roster_store_put_round_answer(RosterStore *self,
			      gint64 round_id,
			      gint64 volunteer_id,
			      const gchar *answered_at,
			      gint64 marks,
			      GError **error);
/* every active volunteer with {volunteer_id, counsellor_no, name, answered_at, marks}
 * (null when not answered), by counsellor number */
JsonArray *
roster_store_list_round_answers(RosterStore *self, gint64 round_id, GError **error);
/* the dated availability rows of @volunteer_id from @from to @to (both included):
 * [{id, date, start, end, kind}] by date and start */
JsonArray *
roster_store_list_dated_availability(RosterStore *self,
				     gint64 volunteer_id,
				     const gchar *from,
				     const gchar *to,
				     GError **error);

G_END_DECLS
