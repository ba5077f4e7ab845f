/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "roster-error.h"

G_BEGIN_DECLS

/*
 * RosterEngine is the business layer: validation, permissions, audit, login.
 * It never includes libsoup; the HTTP layer only translates requests into these
 * calls and GErrors into statuses. Resources are addressed by a collection name
 * (see ROSTER_COLLECTION_*), an optional parent id (for sub-resources such as a
 * volunteer's availability) and an optional record id. Records travel as JSON
 * objects whose member names are the ROSTER_KEY_* defines of roster-json-keys.h.
 */

#define ROSTER_TYPE_ENGINE (roster_engine_get_type())
G_DECLARE_FINAL_TYPE(RosterEngine, roster_engine, ROSTER, ENGINE, GObject)

typedef enum {
	ROSTER_ROLE_NONE,
	ROSTER_ROLE_VOLUNTEER,
	ROSTER_ROLE_MANAGER,
	ROSTER_ROLE_COORDINATOR,
	ROSTER_ROLE_ADMIN,
} RosterRole;

const gchar *
roster_role_to_string(RosterRole role);
RosterRole
roster_role_from_string(const gchar *str);

/* who is calling: made by roster_engine_authenticate(), immutable, refcounted */
typedef struct _RosterPrincipal RosterPrincipal;

RosterPrincipal *
roster_principal_ref(RosterPrincipal *principal);
void
roster_principal_unref(RosterPrincipal *principal);
gint64
roster_principal_get_account_id(RosterPrincipal *principal);
const gchar *
roster_principal_get_username(RosterPrincipal *principal);
RosterRole
roster_principal_get_role(RosterPrincipal *principal);
/* the volunteer record an account of role volunteer is linked to, or 0 */
gint64
roster_principal_get_volunteer_id(RosterPrincipal *principal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterPrincipal, roster_principal_unref)

RosterEngine *
roster_engine_new(const gchar *database_path);
/* opens (creating or migrating) the database; must be called before anything else */
gboolean
roster_engine_open(RosterEngine *self, GError **error);
const gchar *
roster_engine_get_database_path(RosterEngine *self);

/* accounts and sessions */

/* when no active admin account exists, creates @username with @password, or with a
 * random password when @password is NULL; *@new_password then gets the password to
 * print once; when an admin already exists it changes nothing and sets *@new_password
 * to NULL */
gboolean
roster_engine_ensure_admin(RosterEngine *self,
			   const gchar *username,
			   const gchar *password,
			   gchar **new_password,
			   GError **error);
/* tests only: hash passwords with libsodium's minimum Argon2id cost so suites stay fast;
 * production always uses the interactive cost */
void
roster_engine_set_fast_password_hashing(RosterEngine *self, gboolean fast);
/* how long a token from roster_engine_login() stays valid, in seconds (default 24 h;
 * also the "token-lifetime" property) */
void
roster_engine_set_token_lifetime(RosterEngine *self, gint64 seconds);
gint64
roster_engine_get_token_lifetime(RosterEngine *self);
/* the first lock of an account or address after too many failed logins, in
 * milliseconds (default 1000; also the "login-delay-base" property); each further
 * failure doubles it up to 15 minutes */
void
roster_engine_set_login_delay_base(RosterEngine *self, guint milliseconds);
guint
roster_engine_get_login_delay_base(RosterEngine *self);
gchar *
roster_engine_login(RosterEngine *self,
		    const gchar *username,
		    const gchar *password,
		    gint64 *expires_at,
		    RosterPrincipal **principal,
		    GError **error);
/* the login of the daemon: rate-limited per account and per @address, the password
 * verified in a worker thread */
void
roster_engine_login_async(RosterEngine *self,
			  const gchar *username,
			  const gchar *password,
			  const gchar *address,
			  GCancellable *cancellable,
			  GAsyncReadyCallback callback,
			  gpointer user_data);
gchar *
roster_engine_login_finish(RosterEngine *self,
			   GAsyncResult *result,
			   gint64 *expires_at,
			   RosterPrincipal **principal,
			   gint64 *retry_after,
			   GError **error);
RosterPrincipal *
roster_engine_authenticate(RosterEngine *self, const gchar *token, GError **error);
gboolean
roster_engine_logout(RosterEngine *self, const gchar *token, GError **error);

/* generic record access; @params holds list filters (q, tier, team, active,
 * offset, limit) as strings; a list returns {"items":[...],"total":N,"offset":N,"limit":N} */
JsonNode *
roster_engine_list(RosterEngine *self,
		   RosterPrincipal *principal,
		   const gchar *collection,
		   gint64 parent_id,
		   GHashTable *params,
		   GError **error);
JsonNode *
roster_engine_get(RosterEngine *self,
		  RosterPrincipal *principal,
		  const gchar *collection,
		  gint64 parent_id,
		  gint64 id,
		  GError **error);
JsonNode *
roster_engine_create(RosterEngine *self,
		     RosterPrincipal *principal,
		     const gchar *collection,
		     gint64 parent_id,
		     JsonNode *body,
		     GError **error);
/* @body must carry the revision the caller read; a stale one is ROSTER_ERROR_CONFLICT */
JsonNode *
roster_engine_update(RosterEngine *self,
		     RosterPrincipal *principal,
		     const gchar *collection,
		     gint64 parent_id,
		     gint64 id,
		     JsonNode *body,
		     GError **error);
/* the same, with a new password hashed in a worker thread (accounts) */
void
roster_engine_create_async(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *collection,
			   gint64 parent_id,
			   JsonNode *body,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data);
JsonNode *
roster_engine_create_finish(RosterEngine *self, GAsyncResult *result, GError **error);
void
roster_engine_update_async(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *collection,
			   gint64 parent_id,
			   gint64 id,
			   JsonNode *body,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data);
JsonNode *
roster_engine_update_finish(RosterEngine *self, GAsyncResult *result, GError **error);
/* @revision of -1 skips the check */
gboolean
roster_engine_delete(RosterEngine *self,
		     RosterPrincipal *principal,
		     const gchar *collection,
		     gint64 parent_id,
		     gint64 id,
		     gint64 revision,
		     GError **error);

/* all or nothing: validates every item first; when any is bad, returns FALSE with
 * ROSTER_ERROR_INVALID_DATA and fills @item_errors with one "index<TAB>message"
 * string per bad item (index counts from 0) and writes nothing */
gboolean
roster_engine_create_many(RosterEngine *self,
			  RosterPrincipal *principal,
			  const gchar *collection,
			  JsonArray *items,
			  GPtrArray **item_errors,
			  GError **error);

/* the principal used by the command-line tool, which acts with admin rights */
RosterPrincipal *
roster_engine_dup_local_principal(RosterEngine *self);

/* online backup of the open database to @path, and restore from such a file */
gboolean
roster_engine_backup(RosterEngine *self, const gchar *path, GError **error);
gboolean
roster_engine_restore(RosterEngine *self, const gchar *path, GError **error);
/* what caches of answers are validated by: changes whenever the data may have */
gboolean
roster_engine_get_data_stamp(RosterEngine *self,
			     guint64 *generation,
			     gint64 *data_version,
			     GError **error);

G_END_DECLS
