/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* accounts and sessions: the first admin, logins rate-limited per account and address
 * with their audit rows, and the tokens of the sessions */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "roster-engine-private.h"
#include "roster-json-keys.h"
#include "roster-login-limiter.h"
#include "roster-token.h"

#define GENERATED_PASSWORD_LEN	20
#define AUTH_FAILED_MESSAGE	"invalid username or password"
#define TOKEN_FAILED_MESSAGE	"invalid or expired token"
#define ADMIN_PASSWORD_ATTEMPTS 10

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
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
	gchar hex[ROSTER_TOKEN_HEX_LEN + 1];
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

	roster_token_new(hex, hash);
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
	if (!roster_token_hash_hex(token, hash)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    TOKEN_FAILED_MESSAGE);
		return FALSE;
	}
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
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
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
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
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
