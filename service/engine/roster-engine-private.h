/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what the parts of the engine share: its state, the roles of a permission check, the
 * audit of a write, passwords and the hotline's calendar and seats */

#pragma once

#include "roster-engine.h"
#include "roster-hotline.h"
#include "roster-login-limiter.h"
#include "roster-store.h"

G_BEGIN_DECLS

/* the engine's state, shared by its parts (the roster-engine-*.c files) */
struct _RosterEngine {
	GObject parent_instance;
	gchar *database_path;
	RosterStore *store;
	gboolean fast_hashing;
	gint64 token_lifetime;
	/* a hash to verify against when the username is unknown, so that both failures
	 * cost the same time */
	gchar *dummy_hash;
	/* failed logins per account name and per client address (main thread only) */
	RosterLoginLimiter *account_limiter;
	RosterLoginLimiter *address_limiter;
	guint login_delay_base;
	/* solve jobs (roster-engine-solve.c): the last RosterSolveJob of each roster by
	 * roster id, how many may run at once, whether the daemon stops and the id of the
	 * last job started */
	GHashTable *solve_jobs;
	gint max_solves;
	gboolean solves_stopping;
	gint64 last_solve_job_id;
	/* bumped by every write committed through roster_engine_end_write() and by a
	 * restore: the caches of what was read (the calendar feeds) are stale when it moved */
	guint64 write_generation;
};

/* sets of roles for roster_engine_check_permission() */
#define ROSTER_ROLE_BIT(role) (1u << (role))
/* admins and coordinators: they plan and change rosters */
#define ROSTER_ROLES_PLANNERS                                                                      \
	(ROSTER_ROLE_BIT(ROSTER_ROLE_ADMIN) | ROSTER_ROLE_BIT(ROSTER_ROLE_COORDINATOR))
/* planners and managers: they read everybody's records and the reports */
#define ROSTER_ROLES_STAFF (ROSTER_ROLES_PLANNERS | ROSTER_ROLE_BIT(ROSTER_ROLE_MANAGER))
/* every account with a role */
#define ROSTER_ROLES_SIGNED_IN (ROSTER_ROLES_STAFF | ROSTER_ROLE_BIT(ROSTER_ROLE_VOLUNTEER))

/* the one permission check of the engine: ROSTER_ERROR_PERMISSION_DENIED "@area: @why"
 * unless the role of @principal is in @roles */
gboolean
roster_engine_check_permission(RosterPrincipal *principal,
			       guint roles,
			       const gchar *area,
			       const gchar *why,
			       GError **error);
/* admins and managers: they alone write the records a manager keeps */
#define ROSTER_ROLES_MANAGERS                                                                      \
	(ROSTER_ROLE_BIT(ROSTER_ROLE_ADMIN) | ROSTER_ROLE_BIT(ROSTER_ROLE_MANAGER))
/* @roles, and volunteers when @volunteer_id is the caller's own volunteer: for what a
 * volunteer may do to its own records only */
guint
roster_engine_roles_or_own(RosterPrincipal *principal, guint roles, gint64 volunteer_id);
/* one audit row inside the caller's transaction, timed @now (the write's own time) */
gboolean
roster_engine_add_audit_at(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *action,
			   const gchar *collection,
			   gint64 record_id,
			   JsonNode *before,
			   JsonNode *after,
			   const gchar *now,
			   GError **error);
/* one audit row inside the caller's transaction, timed now */
gboolean
roster_engine_add_audit(RosterEngine *self,
			RosterPrincipal *principal,
			const gchar *action,
			const gchar *collection,
			gint64 record_id,
			JsonNode *before,
			JsonNode *after,
			GError **error);
/* a periodic pass of the daemon's engine, kept while the engine lives; a failure is
 * logged after @what */
typedef gboolean (*RosterEnginePass)(RosterEngine *self, GError **error);
guint
roster_engine_add_pass(RosterEngine *self, guint seconds, RosterEnginePass pass, const gchar *what);
/* the one end of a write: the commit of the caller's transaction when @ok, else (or
 * when the commit fails) its rollback */
gboolean
roster_engine_end_write(RosterEngine *self, gboolean ok, GError **error);
/* the one commit of a write: its audit row, then the commit of the caller's
 * transaction; rolls the transaction back when either fails */
gboolean
roster_engine_commit_with_audit(RosterEngine *self,
				RosterPrincipal *principal,
				const gchar *action,
				const gchar *collection,
				gint64 record_id,
				JsonNode *before,
				JsonNode *after,
				GError **error);

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

/* the one list envelope: {"items": @items, "total": @total} (-1: the length of
 * @items), to which a caller may add members */
JsonNode *
roster_engine_new_list(JsonArray *items, gint64 total);

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

/* roster-engine-hotline.c: the hotline of a period with the service calendar, seat
 * classes and demand, read for a solve or a report; they use the store only */
RosterHotline *
roster_engine_new_hotline(RosterEngine *self, guint32 first_day, guint n_days, GError **error);
gboolean
roster_engine_load_hotline_seats(RosterEngine *self, RosterHotline *h, GError **error);
/* every record of @collection */
GPtrArray *
roster_engine_list_all_records(RosterEngine *self, const gchar *collection, GError **error);
/* the integer member @key of @obj, or @default_value when it is missing or no integer */
gint64
roster_engine_json_get_int(JsonObject *obj, const gchar *key, gint64 default_value);
/* the string member @key of @obj, or NULL when it is missing or no string */
const gchar *
roster_engine_json_get_string(JsonObject *obj, const gchar *key);
/* adds a volunteer to @h from its members (a record's values or a body): name, tier,
 * skills and modes */
RosterHotlineVolunteer *
roster_engine_add_hotline_volunteer(RosterHotline *h, gint64 id, JsonObject *values);
/* the strings of a JSON array, other items left out */
gchar **
roster_engine_dup_json_strv(JsonNode *node);

G_END_DECLS
