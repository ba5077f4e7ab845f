/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"
#include "roster-hotline.h"
#include "roster-store.h"

G_BEGIN_DECLS

/* the actor of writes the daemon makes by itself, such as the first admin */
#define ROSTER_ENGINE_SYSTEM_USERNAME "system"
/* the actor of the command-line tool */
#define ROSTER_ENGINE_LOCAL_USERNAME "roster-tool"

/* audit actions of logins (collection accounts; the actor is the name tried) and the
 * members of their "after" object; a password is never written */
#define ROSTER_ENGINE_AUDIT_LOGIN_FAILED "login-failed"
#define ROSTER_ENGINE_AUDIT_LOGIN_LOCKED "login-locked"
#define ROSTER_KEY_LOGIN_ADDRESS	 "address"
#define ROSTER_KEY_LOGIN_REASON		 "reason"
#define ROSTER_KEY_LOGIN_SCOPE		 "scope"
#define ROSTER_KEY_LOGIN_LOCKED_SECONDS	 "locked_seconds"

RosterStore *
roster_engine_get_store(RosterEngine *self);
gboolean
roster_engine_ensure_open(RosterEngine *self, GError **error);
/* the shortest password accepted, in characters */
#define ROSTER_PASSWORD_MIN_LENGTH 10

/* roster-password.c: thread-safe, so workers can hash and verify */
gboolean
roster_password_check_quality(const gchar *password, const gchar *username, GError **error);
gchar *
roster_password_hash(const gchar *password, gboolean fast, GError **error);
gboolean
roster_password_verify(const gchar *hash, const gchar *password);
void
roster_password_free(gchar *password);

/* a password already checked and hashed in a worker thread */
typedef struct {
	const gchar *password;
	const gchar *hash;
} RosterPasswordHash;

gboolean
roster_engine_get_fast_password_hashing(RosterEngine *self);
/* checks the strength of the write-only password of an account record and hashes it
 * into its stored hash; @prehashed, when it holds that same password, is used
 * instead of hashing on the calling thread */
gboolean
roster_engine_hash_record_password(RosterEngine *self,
				   RosterRecord *record,
				   const RosterPasswordHash *prehashed,
				   GError **error);
/* logs out every session of an account, inside the caller's transaction */
gboolean
roster_engine_revoke_account_tokens(RosterEngine *self, gint64 account_id, GError **error);
RosterPrincipal *
roster_principal_new(gint64 account_id,
		     const gchar *username,
		     RosterRole role,
		     gint64 volunteer_id);
gchar *
roster_engine_dup_now(void);

/* writes @record (new when its id is 0) with its audit row inside the caller's
 * transaction; @before is the stored record for an update */
gboolean
roster_engine_write_record(RosterEngine *self,
			   RosterPrincipal *principal,
			   RosterRecord *record,
			   RosterRecord *before,
			   GError **error);

/* the hotline's calendar, seat classes and demand, read for a solve or a report */
gboolean
roster_engine_load_hotline_calendar(RosterEngine *self, RosterHotline *h, GError **error);
gboolean
roster_engine_load_hotline_seats(RosterEngine *self, RosterHotline *h, GError **error);

G_END_DECLS
