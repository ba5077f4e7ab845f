/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the engine object and what every part shares: principals, opening the store, the one
 * permission check and commit-with-audit, logins, tokens and backups */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "roster-engine-private.h"
#include "roster-json-keys.h"
#include "roster-login-limiter.h"

#define TOKEN_BYTES	       32
#define TOKEN_HASH_BYTES       32
#define DEFAULT_TOKEN_LIFETIME (24 * 60 * 60)
#define GENERATED_PASSWORD_LEN 20
#define AUTH_FAILED_MESSAGE    "invalid username or password"
#define TOKEN_FAILED_MESSAGE   "invalid or expired token"

/* failed logins: an address is shared by a whole call centre behind one NAT, so it
 * gets more room than one account */
#define LOGIN_ACCOUNT_THRESHOLD	 5
#define LOGIN_ADDRESS_THRESHOLD	 20
#define LOGIN_DEFAULT_DELAY_BASE 1000
#define LOGIN_MAX_DELAY		 ((gint64)15 * 60 * G_USEC_PER_SEC)
#define LOGIN_WINDOW		 ((gint64)60 * 60 * G_USEC_PER_SEC)
#define ADMIN_PASSWORD_ATTEMPTS	 10

struct _RosterPrincipal {
	gatomicrefcount refcount;
	gint64 account_id;
	gchar *username;
	RosterRole role;
	gint64 volunteer_id;
};

G_DEFINE_FINAL_TYPE(RosterEngine, roster_engine, G_TYPE_OBJECT)

enum { PROP_0, PROP_DATABASE_PATH, PROP_TOKEN_LIFETIME, PROP_LOGIN_DELAY_BASE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const gchar *role_names[] = {
    [ROSTER_ROLE_NONE] = "none",
    [ROSTER_ROLE_VOLUNTEER] = "volunteer",
    [ROSTER_ROLE_MANAGER] = "manager",
    [ROSTER_ROLE_COORDINATOR] = "coordinator",
    [ROSTER_ROLE_ADMIN] = "admin",
};

/**
 * roster_role_to_string:
 * @role: a #RosterRole
 *
 * Returns: the role's wire name, e.g. `coordinator`
 *
 * Since: 0.1
 **/
const gchar *
roster_role_to_string(RosterRole role)
{
	if ((guint)role >= G_N_ELEMENTS(role_names))
		return role_names[ROSTER_ROLE_NONE];
	return role_names[role];
}

/**
 * roster_role_from_string:
 * @str: (nullable): a wire name
 *
 * Returns: the role, or %ROSTER_ROLE_NONE when unknown
 *
 * Since: 0.1
 **/
RosterRole
roster_role_from_string(const gchar *str)
{
	for (guint i = ROSTER_ROLE_VOLUNTEER; i < G_N_ELEMENTS(role_names); i++) {
		if (g_strcmp0(str, role_names[i]) == 0)
			return (RosterRole)i;
	}
	return ROSTER_ROLE_NONE;
}

RosterPrincipal *
roster_principal_new(gint64 account_id, const gchar *username, RosterRole role, gint64 volunteer_id)
{
	RosterPrincipal *principal = g_new0(RosterPrincipal, 1);

	g_atomic_ref_count_init(&principal->refcount);
	principal->account_id = account_id;
	principal->username = g_strdup(username);
	principal->role = role;
	principal->volunteer_id = volunteer_id;
	return principal;
}

RosterPrincipal *
roster_principal_ref(RosterPrincipal *principal)
{
	g_return_val_if_fail(principal != NULL, NULL);
	g_atomic_ref_count_inc(&principal->refcount);
	return principal;
}

void
roster_principal_unref(RosterPrincipal *principal)
{
	g_return_if_fail(principal != NULL);
	if (!g_atomic_ref_count_dec(&principal->refcount))
		return;
	g_free(principal->username);
	g_free(principal);
}

gint64
roster_principal_get_account_id(RosterPrincipal *principal)
{
	g_return_val_if_fail(principal != NULL, 0);
	return principal->account_id;
}

const gchar *
roster_principal_get_username(RosterPrincipal *principal)
{
	g_return_val_if_fail(principal != NULL, NULL);
	return principal->username;
}

RosterRole
roster_principal_get_role(RosterPrincipal *principal)
{
	g_return_val_if_fail(principal != NULL, ROSTER_ROLE_NONE);
	return principal->role;
}

gint64
roster_principal_get_volunteer_id(RosterPrincipal *principal)
{
	g_return_val_if_fail(principal != NULL, 0);
	return principal->volunteer_id;
}

gchar *
roster_engine_dup_now(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	return g_date_time_format(now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * roster_engine_check_permission:
 * @principal: the caller
 * @roles: the roles allowed, a mask of ROSTER_ROLE_BIT()
 * @area: what the error is about, such as a collection or `rosters`
 * @why: the sentence of the refusal
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE when the role of @principal is among @roles, else %FALSE with
 *   ROSTER_ERROR_PERMISSION_DENIED "@area: @why"
 **/
gboolean
roster_engine_check_permission(RosterPrincipal *principal,
			       guint roles,
			       const gchar *area,
			       const gchar *why,
			       GError **error)
{
	RosterRole role = principal != NULL ? principal->role : ROSTER_ROLE_NONE;

	if ((roles & ROSTER_ROLE_BIT(role)) != 0)
		return TRUE;
	g_set_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED, "%s: %s", area, why);
	return FALSE;
}

/**
 * roster_engine_add_audit:
 * @self: an engine
 * @principal: the actor
 * @action: create, update, delete or another verb
 * @collection: what was written
 * @record_id: the record written
 * @before: (nullable): the record before
 * @after: (nullable): the record after
 * @error: (nullable): return location for a #GError
 *
 * Adds the audit row of a write inside the caller's transaction.
 *
 * Returns: %TRUE on success
 **/
gboolean
roster_engine_add_audit(RosterEngine *self,
			RosterPrincipal *principal,
			const gchar *action,
			const gchar *collection,
			gint64 record_id,
			JsonNode *before,
			JsonNode *after,
			GError **error)
{
	g_autofree gchar *now = roster_engine_dup_now();
	RosterStoreAudit entry = {
	    .actor = roster_principal_get_username(principal),
	    .actor_id = roster_principal_get_account_id(principal),
	    .action = action,
	    .collection = collection,
	    .record_id = record_id,
	    .before = before,
	    .after = after,
	};
	return roster_store_add_audit(self->store, &entry, now, error);
}

/**
 * roster_engine_commit_with_audit:
 * @self: an engine
 * @principal: the actor
 * @action: create, update, delete or another verb
 * @collection: what was written
 * @record_id: the record written
 * @before: (nullable): the record before
 * @after: (nullable): the record after
 * @error: (nullable): return location for a #GError
 *
 * Ends a write: its audit row, then the commit of the caller's transaction, which is
 * rolled back when either fails.
 *
 * Returns: %TRUE on success
 **/
gboolean
roster_engine_commit_with_audit(RosterEngine *self,
				RosterPrincipal *principal,
				const gchar *action,
				const gchar *collection,
				gint64 record_id,
				JsonNode *before,
				JsonNode *after,
				GError **error)
{
	if (!roster_engine_add_audit(self,
				     principal,
				     action,
				     collection,
				     record_id,
				     before,
				     after,
				     error) ||
	    !roster_store_commit(self->store, error)) {
		roster_store_rollback(self->store);
		return FALSE;
	}
	return TRUE;
}

RosterStore *
roster_engine_get_store(RosterEngine *self)
{
	return self->store;
}

gboolean
roster_engine_ensure_open(RosterEngine *self, GError **error)
{
	if (sodium_init() < 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "cannot initialise libsodium");
		return FALSE;
	}
	return roster_store_open(self->store, error);
}

/**
 * roster_engine_open:
 * @self: a #RosterEngine
 * @error: a #GError, or %NULL
 *
 * Opens the database, creating it or migrating an older schema.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_engine_open(RosterEngine *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	return roster_engine_ensure_open(self, error);
}

const gchar *
roster_engine_get_database_path(RosterEngine *self)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return self->database_path;
}

void
roster_engine_set_fast_password_hashing(RosterEngine *self, gboolean fast)
{
	g_return_if_fail(ROSTER_IS_ENGINE(self));
	self->fast_hashing = fast;
	g_clear_pointer(&self->dummy_hash, g_free);
}

/**
 * roster_engine_set_token_lifetime:
 * @self: a #RosterEngine
 * @seconds: how long a new token stays valid
 *
 * Since: 0.1
 **/
void
roster_engine_set_token_lifetime(RosterEngine *self, gint64 seconds)
{
	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(seconds >= 0);
	if (self->token_lifetime == seconds)
		return;
	self->token_lifetime = seconds;
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_TOKEN_LIFETIME]);
}

gint64
roster_engine_get_token_lifetime(RosterEngine *self)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	return self->token_lifetime;
}

gboolean
roster_engine_get_fast_password_hashing(RosterEngine *self)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	return self->fast_hashing;
}

/**
 * roster_engine_set_login_delay_base:
 * @self: a #RosterEngine
 * @milliseconds: the first lock after too many failed logins
 *
 * Since: 0.1
 **/
void
roster_engine_set_login_delay_base(RosterEngine *self, guint milliseconds)
{
	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(milliseconds > 0);
	if (self->login_delay_base == milliseconds)
		return;
	self->login_delay_base = milliseconds;
	roster_login_limiter_set_base_delay(self->account_limiter, (gint64)milliseconds * 1000);
	roster_login_limiter_set_base_delay(self->address_limiter, (gint64)milliseconds * 1000);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_LOGIN_DELAY_BASE]);
}

guint
roster_engine_get_login_delay_base(RosterEngine *self)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	return self->login_delay_base;
}

gboolean
roster_engine_hash_record_password(RosterEngine *self,
				   RosterRecord *record,
				   const RosterPasswordHash *prehashed,
				   GError **error)
{
	const gchar *password = roster_record_get_string(record, ROSTER_KEY_PASSWORD);
	g_autofree gchar *hash = NULL;

	if (password == NULL)
		return TRUE;
	if (prehashed != NULL && prehashed->hash != NULL &&
	    g_strcmp0(prehashed->password, password) == 0) {
		hash = g_strdup(prehashed->hash);
	} else {
		if (!roster_password_check_quality(
			password,
			roster_record_get_string(record, ROSTER_KEY_USERNAME),
			error))
			return FALSE;
		hash = roster_password_hash(password, self->fast_hashing, error);
	}
	if (hash == NULL)
		return FALSE;
	roster_record_set_value(record,
				ROSTER_RECORD_KEY_PASSWORD_HASH,
				json_node_init_string(json_node_alloc(), hash));
	roster_record_set_value(record, ROSTER_KEY_PASSWORD, NULL);
	return TRUE;
}

gboolean
roster_engine_revoke_account_tokens(RosterEngine *self, gint64 account_id, GError **error)
{
	if (!roster_store_delete_account_tokens(self->store, account_id, error))
		return FALSE;
	g_info("ended every session of account %" G_GINT64_FORMAT, account_id);
	return TRUE;
}

static gchar *
generate_password(void)
{
	static const gchar alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	GString *str = g_string_new(NULL);

	for (guint i = 0; i < GENERATED_PASSWORD_LEN; i++)
		g_string_append_c(str, alphabet[randombytes_uniform(sizeof(alphabet) - 1)]);
	return g_string_free(str, FALSE);
}

static JsonNode *
admin_body(const gchar *username, const gchar *password, gboolean with_revision, gint64 revision)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();

	json_builder_begin_object(builder);
	if (with_revision) {
		json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
		json_builder_add_int_value(builder, revision);
		json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
		json_builder_add_null_value(builder);
	} else {
		json_builder_set_member_name(builder, ROSTER_KEY_USERNAME);
		json_builder_add_string_value(builder, username);
	}
	json_builder_set_member_name(builder, ROSTER_KEY_ROLE);
	json_builder_add_string_value(builder, "admin");
	json_builder_set_member_name(builder, ROSTER_KEY_PASSWORD);
	json_builder_add_string_value(builder, password);
	json_builder_set_member_name(builder, ROSTER_KEY_ACTIVE);
	json_builder_add_boolean_value(builder, TRUE);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

static gboolean
write_admin(RosterEngine *self, const gchar *username, const gchar *password, GError **error)
{
	const RosterKind *kind = roster_kind_lookup(ROSTER_COLLECTION_ACCOUNTS);
	g_autoptr(RosterPrincipal) system =
	    roster_principal_new(0, ROSTER_ENGINE_SYSTEM_USERNAME, ROSTER_ROLE_ADMIN, 0);
	g_autoptr(RosterRecord) existing = NULL;
	g_autoptr(RosterRecord) record = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(GError) error_local = NULL;

	existing = roster_store_get_account_by_username(self->store, username, &error_local);
	if (existing == NULL &&
	    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	/* an existing account of that name is made an active admin again: the way back in
	 * when every admin was disabled */
	body = admin_body(username,
			  password,
			  existing != NULL,
			  existing != NULL ? roster_record_get_revision(existing) : 0);
	record = roster_record_from_json(kind, body, existing, error);
	if (record == NULL)
		return FALSE;
	if (!roster_engine_hash_record_password(self, record, NULL, error))
		return FALSE;
	if (!roster_engine_write_record(self, system, record, existing, error))
		return FALSE;
	/* a reset password ends the sessions made with the old one */
	if (existing != NULL &&
	    !roster_engine_revoke_account_tokens(self, roster_record_get_id(existing), error))
		return FALSE;
	return TRUE;
}

/**
 * roster_engine_ensure_admin:
 * @self: a #RosterEngine
 * @username: (nullable): the admin's username, or %NULL for `admin`
 * @password: (nullable): the password, or %NULL to generate one
 * @new_password: (out) (optional) (transfer full): the password to print once, or
 *   %NULL when an admin already existed
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_engine_ensure_admin(RosterEngine *self,
			   const gchar *username,
			   const gchar *password,
			   gchar **new_password,
			   GError **error)
{
	gint64 count = 0;
	g_autofree gchar *generated = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (new_password != NULL)
		*new_password = NULL;
	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	if (!roster_store_count_active_admins(self->store, &count, error))
		return FALSE;
	if (count > 0)
		return TRUE;
	if (username == NULL)
		username = "admin";
	/* a random password passes the strength check all but never; try again if not */
	for (guint i = 0; password == NULL && i < ADMIN_PASSWORD_ATTEMPTS; i++) {
		g_clear_pointer(&generated, roster_password_free);
		generated = generate_password();
		if (roster_password_check_quality(generated, username, NULL))
			password = generated;
	}
	if (password == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "cannot generate a strong enough admin password");
		return FALSE;
	}
	if (!roster_store_begin(self->store, error))
		return FALSE;
	if (!write_admin(self, username, password, error) ||
	    !roster_store_commit(self->store, error)) {
		roster_store_rollback(self->store);
		g_prefix_error(error, "creating the first admin: ");
		return FALSE;
	}
	g_message("created admin account %s", username);
	if (new_password != NULL)
		*new_password = g_strdup(password);
	return TRUE;
}

static void
hash_token(const guint8 *token, guint8 *hash)
{
	crypto_generichash(hash, TOKEN_HASH_BYTES, token, TOKEN_BYTES, NULL, 0);
}

static RosterPrincipal *
principal_from_account(RosterRecord *account)
{
	return roster_principal_new(
	    roster_record_get_id(account),
	    roster_record_get_string(account, ROSTER_KEY_USERNAME),
	    roster_role_from_string(roster_record_get_string(account, ROSTER_KEY_ROLE)),
	    roster_record_get_int(account, ROSTER_KEY_VOLUNTEER_ID, 0));
}

static gboolean
check_login_input(const gchar *username, const gchar *password, GError **error)
{
	if (username != NULL && password != NULL)
		return TRUE;
	g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED, AUTH_FAILED_MESSAGE);
	return FALSE;
}

/* one login attempt, from the limiter's check to the token */
typedef struct {
	gchar *username;
	gchar *password;
	gchar *address;
	/* the account's hash when it was looked up, else NULL (verify a dummy) */
	gchar *hash;
	gint64 account_id;
	gboolean fast;
	gboolean verified;
	/* a dummy hash a worker had to make, for the engine to keep */
	gchar *dummy_hash;
	gint64 retry_after;
	gint64 expires_at;
	RosterPrincipal *principal;
} LoginJob;

static void
login_job_free(LoginJob *job)
{
	g_free(job->username);
	roster_password_free(job->password);
	g_free(job->address);
	g_free(job->hash);
	g_free(job->dummy_hash);
	g_clear_pointer(&job->principal, roster_principal_unref);
	g_free(job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(LoginJob, login_job_free)

static LoginJob *
login_job_new(RosterEngine *self,
	      const gchar *username,
	      const gchar *password,
	      const gchar *address)
{
	LoginJob *job = g_new0(LoginJob, 1);

	job->username = g_strdup(username);
	job->password = g_strdup(password);
	job->address = g_strdup(address);
	job->fast = self->fast_hashing;
	return job;
}

static gboolean
refuse_attempt(gint64 retry_after, GError **error)
{
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_TOO_MANY_REQUESTS,
		    "too many failed logins: try again in %" G_GINT64_FORMAT " s",
		    retry_after);
	return FALSE;
}

static void
login_cancel_limits(RosterEngine *self, LoginJob *job)
{
	roster_login_limiter_cancel(self->account_limiter, job->username);
	if (job->address != NULL)
		roster_login_limiter_cancel(self->address_limiter, job->address);
}

/* main thread: the limits, then the account's hash; refused attempts never reach
 * the (costly) verification */
static gboolean
login_begin(RosterEngine *self, LoginJob *job, GError **error)
{
	g_autoptr(RosterRecord) account = NULL;
	g_autoptr(GError) error_local = NULL;
	gint64 now = g_get_monotonic_time();
	const gchar *hash;

	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	if (!roster_login_limiter_begin(self->account_limiter,
					job->username,
					now,
					&job->retry_after))
		return refuse_attempt(job->retry_after, error);
	if (job->address != NULL && !roster_login_limiter_begin(self->address_limiter,
								job->address,
								now,
								&job->retry_after)) {
		roster_login_limiter_cancel(self->account_limiter, job->username);
		return refuse_attempt(job->retry_after, error);
	}
	account = roster_store_get_account_by_username(self->store, job->username, &error_local);
	if (account == NULL &&
	    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		login_cancel_limits(self, job);
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	hash = account != NULL ? roster_record_get_string(account, ROSTER_RECORD_KEY_PASSWORD_HASH)
			       : NULL;
	job->account_id = account != NULL ? roster_record_get_id(account) : 0;
	/* an unknown user is verified against a dummy hash, so both failures cost the same
	 * time */
	job->hash = g_strdup(hash != NULL ? hash : self->dummy_hash);
	return TRUE;
}

/* any thread: the Argon2id verification, about 40 ms */
static void
login_verify(LoginJob *job)
{
	if (job->hash == NULL) {
		job->dummy_hash = roster_password_hash("not a password", job->fast, NULL);
		if (job->dummy_hash == NULL)
			return;
		job->hash = g_strdup(job->dummy_hash);
	}
	job->verified = roster_password_verify(job->hash, job->password);
}

static JsonNode *
login_audit_details(LoginJob *job, const gchar *reason, const gchar *scope, gint64 delay)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_LOGIN_ADDRESS);
	if (job->address != NULL)
		json_builder_add_string_value(builder, job->address);
	else
		json_builder_add_null_value(builder);
	if (reason != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_LOGIN_REASON);
		json_builder_add_string_value(builder, reason);
	}
	if (scope != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_LOGIN_SCOPE);
		json_builder_add_string_value(builder, scope);
		json_builder_set_member_name(builder, ROSTER_KEY_LOGIN_LOCKED_SECONDS);
		json_builder_add_int_value(builder, (delay + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
	}
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/* the audit row of a failed login or a lock-out; the password is never written */
static void
login_audit(RosterEngine *self, LoginJob *job, const gchar *action, JsonNode *details)
{
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *valid = g_utf8_make_valid(job->username, -1);
	g_autofree gchar *actor = g_utf8_substring(valid, 0, MIN(g_utf8_strlen(valid, -1), 64));
	g_autoptr(GError) error = NULL;
	RosterStoreAudit entry = {
	    .actor = actor,
	    .actor_id = job->account_id,
	    .action = action,
	    .collection = ROSTER_COLLECTION_ACCOUNTS,
	    .record_id = job->account_id,
	    .after = details,
	};

	if (!roster_store_add_audit(self->store, &entry, now, &error))
		g_warning("cannot write the audit of a failed login: %s", error->message);
}

static void
login_fail(RosterEngine *self, LoginJob *job, const gchar *reason)
{
	gint64 now = g_get_monotonic_time();
	gint64 account_lock = roster_login_limiter_fail(self->account_limiter, job->username, now);
	gint64 address_lock = 0;
	g_autoptr(JsonNode) details = login_audit_details(job, reason, NULL, 0);

	if (job->address != NULL)
		address_lock = roster_login_limiter_fail(self->address_limiter, job->address, now);
	g_info("failed login for %s from %s",
	       job->username,
	       job->address != NULL ? job->address : "this host");
	login_audit(self, job, ROSTER_ENGINE_AUDIT_LOGIN_FAILED, details);
	if (account_lock > 0) {
		g_autoptr(JsonNode) lock = login_audit_details(job, NULL, "account", account_lock);
		g_message("logins for %s locked for %" G_GINT64_FORMAT " ms",
			  job->username,
			  account_lock / 1000);
		login_audit(self, job, ROSTER_ENGINE_AUDIT_LOGIN_LOCKED, lock);
	}
	if (address_lock > 0) {
		g_autoptr(JsonNode) lock = login_audit_details(job, NULL, "address", address_lock);
		g_message("logins from %s locked for %" G_GINT64_FORMAT " ms",
			  job->address,
			  address_lock / 1000);
		login_audit(self, job, ROSTER_ENGINE_AUDIT_LOGIN_LOCKED, lock);
	}
}

/* main thread: count the outcome and make the token */
static gchar *
login_end(RosterEngine *self, LoginJob *job, GError **error)
{
	g_autoptr(RosterRecord) account = NULL;
	g_autoptr(GError) error_local = NULL;
	guint8 token[TOKEN_BYTES];
	guint8 hash[TOKEN_HASH_BYTES];
	gchar hex[TOKEN_BYTES * 2 + 1];
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;
	const gchar *reason = NULL;

	if (job->dummy_hash != NULL && self->dummy_hash == NULL)
		self->dummy_hash = g_strdup(job->dummy_hash);
	if (job->hash == NULL) {
		login_cancel_limits(self, job);
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "hashing the password ran out of memory");
		return NULL;
	}
	/* read again: the account may have changed while the worker verified */
	account = roster_store_get_account_by_username(self->store, job->username, &error_local);
	if (account == NULL &&
	    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		login_cancel_limits(self, job);
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	if (account == NULL)
		reason = "unknown-user";
	else if (!job->verified ||
		 g_strcmp0(roster_record_get_string(account, ROSTER_RECORD_KEY_PASSWORD_HASH),
			   job->hash) != 0)
		reason = "wrong-password";
	else if (!roster_record_get_bool(account, ROSTER_KEY_ACTIVE, FALSE))
		reason = "disabled";
	if (reason != NULL) {
		login_fail(self, job, reason);
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    AUTH_FAILED_MESSAGE);
		return NULL;
	}
	roster_login_limiter_succeed(self->account_limiter, job->username, TRUE);
	if (job->address != NULL)
		roster_login_limiter_succeed(self->address_limiter, job->address, FALSE);

	randombytes_buf(token, sizeof(token));
	hash_token(token, hash);
	if (!roster_store_delete_expired_tokens(self->store, now, error))
		return NULL;
	job->expires_at = now + self->token_lifetime;
	if (!roster_store_add_token(self->store,
				    hash,
				    sizeof(hash),
				    roster_record_get_id(account),
				    now,
				    job->expires_at,
				    error))
		return NULL;
	sodium_bin2hex(hex, sizeof(hex), token, sizeof(token));
	sodium_memzero(token, sizeof(token));
	job->principal = principal_from_account(account);
	return g_strdup(hex);
}

/**
 * roster_engine_login:
 * @self: a #RosterEngine
 * @username: the username
 * @password: the password
 * @expires_at: (out) (optional): when the token expires, in seconds since 1970 (UTC)
 * @principal: (out) (optional) (transfer full): who logged in
 * @error: a #GError, or %NULL
 *
 * Logs in on the calling thread, for the command-line tool and tests; the daemon
 * uses roster_engine_login_async(). A wrong username, a wrong password and a
 * disabled account all fail alike with %ROSTER_ERROR_AUTH_FAILED; failures are
 * audited and counted per account, and too many give
 * %ROSTER_ERROR_TOO_MANY_REQUESTS.
 *
 * Returns: (transfer full): a new token of 64 lower-case hex digits, or %NULL
 *
 * Since: 0.1
 **/
gchar *
roster_engine_login(RosterEngine *self,
		    const gchar *username,
		    const gchar *password,
		    gint64 *expires_at,
		    RosterPrincipal **principal,
		    GError **error)
{
	g_autoptr(LoginJob) job = NULL;
	g_autofree gchar *token = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!check_login_input(username, password, error))
		return NULL;
	job = login_job_new(self, username, password, NULL);
	if (!login_begin(self, job, error))
		return NULL;
	login_verify(job);
	token = login_end(self, job, error);
	if (token == NULL)
		return NULL;
	if (expires_at != NULL)
		*expires_at = job->expires_at;
	if (principal != NULL)
		*principal = g_steal_pointer(&job->principal);
	return g_steal_pointer(&token);
}

static void
login_thread_cb(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
	login_verify(task_data);
	g_task_return_boolean(task, TRUE);
}

static void
login_verified_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterEngine *self = ROSTER_ENGINE(source);
	LoginJob *job = g_task_get_task_data(task);
	GError *error = NULL;
	gchar *token;

	/* the verification ran whatever happened to the client: its outcome is counted */
	token = login_end(self, job, &error);
	if (token == NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_pointer(task, token, g_free);
}

/**
 * roster_engine_login_async:
 * @self: a #RosterEngine
 * @username: the username
 * @password: the password
 * @address: (nullable): the client's address, for the per-address limit
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Logs in without blocking the main loop: the limits and the account are checked
 * here, the password is verified in a worker thread, and the outcome is counted,
 * audited and turned into a token back on the calling thread. After 5 failures in a
 * row for an account, or 20 from an address, each further failure locks it for the
 * base delay, doubled each time up to 15 minutes; a locked account or address is
 * refused with %ROSTER_ERROR_TOO_MANY_REQUESTS without verifying anything, and a
 * success unlocks the account. Failures are forgotten after an hour without one.
 *
 * Since: 0.1
 **/
void
roster_engine_login_async(RosterEngine *self,
			  const gchar *username,
			  const gchar *password,
			  const gchar *address,
			  GCancellable *cancellable,
			  GAsyncReadyCallback callback,
			  gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	g_autoptr(GTask) verify_task = NULL;
	LoginJob *job;
	GError *error = NULL;

	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(cancellable == NULL || G_IS_CANCELLABLE(cancellable));

	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_engine_login_async);
	if (!check_login_input(username, password, &error)) {
		g_task_return_error(task, error);
		return;
	}
	job = login_job_new(self, username, password, address);
	g_task_set_task_data(task, job, (GDestroyNotify)login_job_free);
	if (!login_begin(self, job, &error)) {
		g_task_return_error(task, error);
		return;
	}
	/* no cancellable: a client that hangs up must not escape the count */
	verify_task = g_task_new(self, NULL, login_verified_cb, g_steal_pointer(&task));
	g_task_set_source_tag(verify_task, login_thread_cb);
	g_task_set_task_data(verify_task, job, NULL);
	g_task_run_in_thread(verify_task, login_thread_cb);
}

/**
 * roster_engine_login_finish:
 * @self: a #RosterEngine
 * @result: the #GAsyncResult
 * @expires_at: (out) (optional): when the token expires, in seconds since 1970 (UTC)
 * @principal: (out) (optional) (transfer full): who logged in
 * @retry_after: (out) (optional): with %ROSTER_ERROR_TOO_MANY_REQUESTS, the seconds
 *   to wait before trying again, else 0
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): a new token of 64 lower-case hex digits, or %NULL
 *
 * Since: 0.1
 **/
gchar *
roster_engine_login_finish(RosterEngine *self,
			   GAsyncResult *result,
			   gint64 *expires_at,
			   RosterPrincipal **principal,
			   gint64 *retry_after,
			   GError **error)
{
	LoginJob *job;
	g_autofree gchar *token = NULL;

	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	g_return_val_if_fail(g_task_get_source_tag(G_TASK(result)) == roster_engine_login_async,
			     NULL);

	job = g_task_get_task_data(G_TASK(result));
	if (retry_after != NULL)
		*retry_after = job != NULL ? job->retry_after : 0;
	token = g_task_propagate_pointer(G_TASK(result), error);
	if (token == NULL)
		return NULL;
	if (expires_at != NULL)
		*expires_at = job->expires_at;
	if (principal != NULL)
		*principal = roster_principal_ref(job->principal);
	return g_steal_pointer(&token);
}

static gboolean
token_hash_from_hex(const gchar *token, guint8 *hash, GError **error)
{
	guint8 raw[TOKEN_BYTES];
	size_t len = 0;

	if (token == NULL || strlen(token) != TOKEN_BYTES * 2 ||
	    strspn(token, "0123456789abcdef") != TOKEN_BYTES * 2 ||
	    sodium_hex2bin(raw, sizeof(raw), token, strlen(token), NULL, &len, NULL) != 0 ||
	    len != TOKEN_BYTES) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    TOKEN_FAILED_MESSAGE);
		return FALSE;
	}
	hash_token(raw, hash);
	return TRUE;
}

/**
 * roster_engine_authenticate:
 * @self: a #RosterEngine
 * @token: a token from roster_engine_login()
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): who holds @token, or %NULL with
 * %ROSTER_ERROR_AUTH_FAILED when it is unknown, expired, logged out or its account
 * was disabled
 *
 * Since: 0.1
 **/
RosterPrincipal *
roster_engine_authenticate(RosterEngine *self, const gchar *token, GError **error)
{
	guint8 hash[TOKEN_HASH_BYTES];
	gint64 account_id = 0;
	gint64 expires = 0;
	g_autoptr(GError) error_local = NULL;
	g_autoptr(RosterRecord) account = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_ensure_open(self, error))
		return NULL;
	if (!token_hash_from_hex(token, hash, error))
		return NULL;
	if (!roster_store_lookup_token(self->store,
				       hash,
				       sizeof(hash),
				       &account_id,
				       &expires,
				       &error_local)) {
		if (!g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			return NULL;
		}
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    TOKEN_FAILED_MESSAGE);
		return NULL;
	}
	if (expires <= g_get_real_time() / G_USEC_PER_SEC) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    TOKEN_FAILED_MESSAGE);
		return NULL;
	}
	account = roster_store_get_record(self->store,
					  roster_kind_lookup(ROSTER_COLLECTION_ACCOUNTS),
					  account_id,
					  error);
	if (account == NULL)
		return NULL;
	if (!roster_record_get_bool(account, ROSTER_KEY_ACTIVE, FALSE)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    "the account is disabled");
		return NULL;
	}
	return principal_from_account(account);
}

/**
 * roster_engine_logout:
 * @self: a #RosterEngine
 * @token: a token from roster_engine_login()
 * @error: a #GError, or %NULL
 *
 * Revokes @token.
 *
 * Returns: %TRUE on success; an unknown token is %ROSTER_ERROR_AUTH_FAILED
 *
 * Since: 0.1
 **/
gboolean
roster_engine_logout(RosterEngine *self, const gchar *token, GError **error)
{
	guint8 hash[TOKEN_HASH_BYTES];
	gboolean deleted = FALSE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	if (!token_hash_from_hex(token, hash, error))
		return FALSE;
	if (!roster_store_delete_token(self->store, hash, sizeof(hash), &deleted, error))
		return FALSE;
	if (!deleted) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    TOKEN_FAILED_MESSAGE);
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_engine_dup_local_principal:
 * @self: a #RosterEngine
 *
 * Returns: (transfer full): the command-line tool's principal, an admin called
 * `roster-tool` with account id 0
 *
 * Since: 0.1
 **/
RosterPrincipal *
roster_engine_dup_local_principal(RosterEngine *self)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return roster_principal_new(0, ROSTER_ENGINE_LOCAL_USERNAME, ROSTER_ROLE_ADMIN, 0);
}

/**
 * roster_engine_backup:
 * @self: a #RosterEngine
 * @path: the backup file
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_engine_backup(RosterEngine *self, const gchar *path, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(path != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	return roster_store_backup(self->store, path, error);
}

/**
 * roster_engine_restore:
 * @self: a #RosterEngine
 * @path: a backup file
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success; on failure the live data is unchanged
 *
 * Since: 0.1
 **/
gboolean
roster_engine_restore(RosterEngine *self, const gchar *path, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(path != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	return roster_store_restore(self->store, path, error);
}

static void
roster_engine_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterEngine *self = ROSTER_ENGINE(object);

	switch (prop_id) {
	case PROP_DATABASE_PATH:
		g_value_set_string(value, self->database_path);
		break;
	case PROP_TOKEN_LIFETIME:
		g_value_set_int64(value, self->token_lifetime);
		break;
	case PROP_LOGIN_DELAY_BASE:
		g_value_set_uint(value, self->login_delay_base);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_engine_set_property(GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
	RosterEngine *self = ROSTER_ENGINE(object);

	switch (prop_id) {
	case PROP_DATABASE_PATH:
		self->database_path = g_value_dup_string(value);
		break;
	case PROP_TOKEN_LIFETIME:
		roster_engine_set_token_lifetime(self, g_value_get_int64(value));
		break;
	case PROP_LOGIN_DELAY_BASE:
		roster_engine_set_login_delay_base(self, g_value_get_uint(value));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_engine_constructed(GObject *object)
{
	RosterEngine *self = ROSTER_ENGINE(object);

	G_OBJECT_CLASS(roster_engine_parent_class)->constructed(object);
	self->store =
	    roster_store_new(self->database_path != NULL ? self->database_path : "roster.db");
}

static void
roster_engine_dispose(GObject *object)
{
	RosterEngine *self = ROSTER_ENGINE(object);

	g_clear_pointer(&self->solve_jobs, g_hash_table_unref);
	g_clear_object(&self->store);
	g_clear_object(&self->account_limiter);
	g_clear_object(&self->address_limiter);
	G_OBJECT_CLASS(roster_engine_parent_class)->dispose(object);
}

static void
roster_engine_finalize(GObject *object)
{
	RosterEngine *self = ROSTER_ENGINE(object);

	g_free(self->database_path);
	g_free(self->dummy_hash);
	G_OBJECT_CLASS(roster_engine_parent_class)->finalize(object);
}

static void
roster_engine_class_init(RosterEngineClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->get_property = roster_engine_get_property;
	object_class->set_property = roster_engine_set_property;
	object_class->constructed = roster_engine_constructed;
	object_class->dispose = roster_engine_dispose;
	object_class->finalize = roster_engine_finalize;

	properties[PROP_DATABASE_PATH] = g_param_spec_string(
	    "database-path",
	    NULL,
	    NULL,
	    NULL,
	    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
	properties[PROP_TOKEN_LIFETIME] = g_param_spec_int64(
	    "token-lifetime",
	    NULL,
	    NULL,
	    0,
	    G_MAXINT64 / 2,
	    DEFAULT_TOKEN_LIFETIME,
	    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
	/* tests shorten it so a lock-out passes quickly */
	properties[PROP_LOGIN_DELAY_BASE] =
	    g_param_spec_uint("login-delay-base",
			      NULL,
			      NULL,
			      1,
			      G_MAXUINT / 2,
			      LOGIN_DEFAULT_DELAY_BASE,
			      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
roster_engine_init(RosterEngine *self)
{
	self->token_lifetime = DEFAULT_TOKEN_LIFETIME;
	self->login_delay_base = LOGIN_DEFAULT_DELAY_BASE;
	self->solve_jobs =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_object_unref);
	/* each job's search runs on up to two threads; more jobs than cores only share the
	 * cores and add a model's memory each */
	self->max_solves = (gint)MAX(g_get_num_processors(), 1);
	self->account_limiter = roster_login_limiter_new(LOGIN_ACCOUNT_THRESHOLD,
							 LOGIN_DEFAULT_DELAY_BASE * 1000,
							 LOGIN_MAX_DELAY,
							 LOGIN_WINDOW);
	self->address_limiter = roster_login_limiter_new(LOGIN_ADDRESS_THRESHOLD,
							 LOGIN_DEFAULT_DELAY_BASE * 1000,
							 LOGIN_MAX_DELAY,
							 LOGIN_WINDOW);
}

/**
 * roster_engine_new:
 * @database_path: the SQLite file
 *
 * Returns: (transfer full): an engine; nothing is opened until roster_engine_open()
 *
 * Since: 0.1
 **/
RosterEngine *
roster_engine_new(const gchar *database_path)
{
	g_return_val_if_fail(database_path != NULL, NULL);
	return g_object_new(ROSTER_TYPE_ENGINE, "database-path", database_path, NULL);
}
