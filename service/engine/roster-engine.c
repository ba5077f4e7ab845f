/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "roster-engine-private.h"
#include "roster-json-keys.h"

#define TOKEN_BYTES	       32
#define TOKEN_HASH_BYTES       32
#define DEFAULT_TOKEN_LIFETIME (24 * 60 * 60)
#define GENERATED_PASSWORD_LEN 20
#define AUTH_FAILED_MESSAGE    "invalid username or password"
#define TOKEN_FAILED_MESSAGE   "invalid or expired token"

struct _RosterPrincipal {
	gatomicrefcount refcount;
	gint64 account_id;
	gchar *username;
	RosterRole role;
	gint64 volunteer_id;
};

struct _RosterEngine {
	GObject parent_instance;
	gchar *database_path;
	RosterStore *store;
	gboolean fast_hashing;
	gint64 token_lifetime;
	/* a hash to verify against when the username is unknown, so that both failures
	 * cost the same time */
	gchar *dummy_hash;
};

G_DEFINE_FINAL_TYPE(RosterEngine, roster_engine, G_TYPE_OBJECT)

enum { PROP_0, PROP_DATABASE_PATH, PROP_TOKEN_LIFETIME, N_PROPS };
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

static gchar *
hash_password(RosterEngine *self, const gchar *password, GError **error)
{
	gchar hash[crypto_pwhash_STRBYTES];
	unsigned long long ops = self->fast_hashing ? crypto_pwhash_OPSLIMIT_MIN
						    : crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t mem = self->fast_hashing ? crypto_pwhash_MEMLIMIT_MIN
					: crypto_pwhash_MEMLIMIT_INTERACTIVE;

	if (crypto_pwhash_str(hash, password, strlen(password), ops, mem) != 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "hashing the password ran out of memory");
		return NULL;
	}
	return g_strdup(hash);
}

gboolean
roster_engine_hash_record_password(RosterEngine *self, RosterRecord *record, GError **error)
{
	const gchar *password = roster_record_get_string(record, ROSTER_KEY_PASSWORD);
	g_autofree gchar *hash = NULL;

	if (password == NULL)
		return TRUE;
	hash = hash_password(self, password, error);
	if (hash == NULL)
		return FALSE;
	roster_record_set_value(record,
				ROSTER_RECORD_KEY_PASSWORD_HASH,
				json_node_init_string(json_node_alloc(), hash));
	roster_record_set_value(record, ROSTER_KEY_PASSWORD, NULL);
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
	if (!roster_engine_hash_record_password(self, record, error))
		return FALSE;
	return roster_engine_write_record(self, system, record, existing, error);
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
	if (password == NULL) {
		generated = generate_password();
		password = generated;
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
verify_password(RosterEngine *self, RosterRecord *account, const gchar *password, GError **error)
{
	const gchar *hash = account != NULL
				? roster_record_get_string(account, ROSTER_RECORD_KEY_PASSWORD_HASH)
				: NULL;
	gboolean ok;

	if (hash == NULL) {
		if (self->dummy_hash == NULL) {
			self->dummy_hash = hash_password(self, "not a password", error);
			if (self->dummy_hash == NULL)
				return FALSE;
		}
		hash = self->dummy_hash;
	}
	ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	if (!ok || account == NULL || !roster_record_get_bool(account, ROSTER_KEY_ACTIVE, FALSE)) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    AUTH_FAILED_MESSAGE);
		return FALSE;
	}
	return TRUE;
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
 * A wrong username, a wrong password and a disabled account all fail alike with
 * %ROSTER_ERROR_AUTH_FAILED.
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
	g_autoptr(RosterRecord) account = NULL;
	g_autoptr(GError) error_local = NULL;
	guint8 token[TOKEN_BYTES];
	guint8 hash[TOKEN_HASH_BYTES];
	gchar hex[TOKEN_BYTES * 2 + 1];
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;
	gint64 expires = now + self->token_lifetime;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_ensure_open(self, error))
		return NULL;
	if (username == NULL || password == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_AUTH_FAILED,
				    AUTH_FAILED_MESSAGE);
		return NULL;
	}
	account = roster_store_get_account_by_username(self->store, username, &error_local);
	if (account == NULL &&
	    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	if (!verify_password(self, account, password, error))
		return NULL;
	randombytes_buf(token, sizeof(token));
	hash_token(token, hash);
	if (!roster_store_delete_expired_tokens(self->store, now, error))
		return NULL;
	if (!roster_store_add_token(self->store,
				    hash,
				    sizeof(hash),
				    roster_record_get_id(account),
				    now,
				    expires,
				    error))
		return NULL;
	sodium_bin2hex(hex, sizeof(hex), token, sizeof(token));
	sodium_memzero(token, sizeof(token));
	if (expires_at != NULL)
		*expires_at = expires;
	if (principal != NULL)
		*principal = principal_from_account(account);
	return g_strdup(hex);
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

	g_clear_object(&self->store);
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
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
roster_engine_init(RosterEngine *self)
{
	self->token_lifetime = DEFAULT_TOKEN_LIFETIME;
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
