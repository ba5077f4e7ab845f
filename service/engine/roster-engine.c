/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the engine object and what every part shares: principals, opening the store, the one
 * permission check and commit-with-audit, settings and backups; accounts and logins are
 * in roster-engine-login.c */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "roster-engine-private.h"
#include "roster-json-keys.h"
#include "roster-login-limiter.h"
#include "roster-store-changes.h"

#define DEFAULT_TOKEN_LIFETIME (24 * 60 * 60)

/* failed logins: an address is shared by a whole call centre behind one NAT, so it
 * gets more room than one account */
#define LOGIN_ACCOUNT_THRESHOLD	 5
#define LOGIN_ADDRESS_THRESHOLD	 20
#define LOGIN_DEFAULT_DELAY_BASE 1000
#define LOGIN_MAX_DELAY		 ((gint64)15 * 60 * G_USEC_PER_SEC)
#define LOGIN_WINDOW		 ((gint64)60 * 60 * G_USEC_PER_SEC)

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
 * roster_engine_roles_or_own:
 * @principal: the caller
 * @roles: the roles allowed on any volunteer, a mask of ROSTER_ROLE_BIT()
 * @volunteer_id: the volunteer acted on
 *
 * The roles for roster_engine_check_permission() on what a volunteer may do to its
 * own records only.
 *
 * Returns: @roles, and the volunteer role too when @volunteer_id is the caller's own
 *   volunteer
 **/
guint
roster_engine_roles_or_own(RosterPrincipal *principal, guint roles, gint64 volunteer_id)
{
	gint64 own = roster_principal_get_volunteer_id(principal);

	if (own > 0 && own == volunteer_id)
		return roles | ROSTER_ROLE_BIT(ROSTER_ROLE_VOLUNTEER);
	return roles;
}

/**
 * roster_engine_add_audit_at:
 * @self: an engine
 * @principal: the actor
 * @action: create, update, delete or another verb
 * @collection: what was written
 * @record_id: the record written
 * @before: (nullable): the record before
 * @after: (nullable): the record after
 * @now: the time of the write, as the written row has it
 * @error: (nullable): return location for a #GError
 *
 * Adds the audit row of a write inside the caller's transaction.
 *
 * Returns: %TRUE on success
 **/
gboolean
roster_engine_add_audit_at(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *action,
			   const gchar *collection,
			   gint64 record_id,
			   JsonNode *before,
			   JsonNode *after,
			   const gchar *now,
			   GError **error)
{
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
 * Adds the audit row of a write, timed now, inside the caller's transaction.
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

	return roster_engine_add_audit_at(self,
					  principal,
					  action,
					  collection,
					  record_id,
					  before,
					  after,
					  now,
					  error);
}

/**
 * roster_engine_end_write:
 * @self: an engine
 * @ok: whether the steps of the write inside the caller's transaction succeeded
 * @error: (nullable): return location for a #GError, set by the failed step
 *
 * The one end of a write: the commit of the caller's transaction when @ok, else (or
 * when the commit fails) its rollback.
 *
 * Returns: %TRUE when the write is committed
 **/
gboolean
roster_engine_end_write(RosterEngine *self, gboolean ok, GError **error)
{
	if (ok && roster_store_commit(self->store, error)) {
		self->write_generation++;
		return TRUE;
	}
	roster_store_rollback(self->store);
	return FALSE;
}

typedef struct {
	GWeakRef ref;
	RosterEnginePass pass;
	const gchar *what;
} EnginePass;

static gboolean
pass_cb(gpointer user_data)
{
	EnginePass *p = user_data;
	g_autoptr(RosterEngine) self = g_weak_ref_get(&p->ref);
	g_autoptr(GError) error_local = NULL;

	if (self == NULL)
		return G_SOURCE_REMOVE;
	if (!p->pass(self, &error_local))
		g_warning("%s: %s", p->what, error_local->message);
	return G_SOURCE_CONTINUE;
}

static void
pass_free(gpointer data)
{
	EnginePass *p = data;

	g_weak_ref_clear(&p->ref);
	g_free(p);
}

/**
 * roster_engine_add_pass:
 * @self: an engine
 * @seconds: the interval
 * @pass: the work of each pass
 * @what: (not nullable): a static text naming it in the log
 *
 * Returns: the id of a periodic source running @pass while @self lives
 **/
guint
roster_engine_add_pass(RosterEngine *self, guint seconds, RosterEnginePass pass, const gchar *what)
{
	EnginePass *p = g_new0(EnginePass, 1);

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	g_weak_ref_init(&p->ref, self);
	p->pass = pass;
	p->what = what;
	return g_timeout_add_seconds_full(G_PRIORITY_LOW, seconds, pass_cb, p, pass_free);
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
	return roster_engine_end_write(self,
				       roster_engine_add_audit(self,
							       principal,
							       action,
							       collection,
							       record_id,
							       before,
							       after,
							       error),
				       error);
}

/**
 * roster_engine_new_list:
 * @items: the items of the reply
 * @total: how many items there are in all (more than @items holds for a page), or -1
 *   for the length of @items
 *
 * The one list envelope of the engine's replies; a caller adds its own members (the
 * page, the period) to the object.
 *
 * Returns: (transfer full): {"items": @items, "total": @total}
 **/
JsonNode *
roster_engine_new_list(JsonArray *items, gint64 total)
{
	g_autoptr(JsonObject) obj = json_object_new();
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);

	json_object_set_array_member(obj, ROSTER_KEY_ITEMS, json_array_ref(items));
	json_object_set_int_member(obj,
				   ROSTER_KEY_TOTAL,
				   total >= 0 ? total : json_array_get_length(items));
	json_node_set_object(node, obj);
	return node;
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
	/* the caches go before the data they were read from */
	self->write_generation++;
	return roster_store_restore(self->store, path, error);
}

/**
 * roster_engine_get_data_stamp:
 * @self: a #RosterEngine
 * @generation: (out): the count of this engine's writes and restores
 * @data_version: (out): the store's data version
 * @error: a #GError, or %NULL
 *
 * What a cache of answers built from the data is validated by: when either number
 * differs from the one read before an answer was built, the data may have changed in
 * between (written by this engine, by another connection or process, or restored).
 *
 * Returns: %TRUE on success
 *
 * Since: 0.3
 **/
gboolean
roster_engine_get_data_stamp(RosterEngine *self,
			     guint64 *generation,
			     gint64 *data_version,
			     GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	*generation = self->write_generation;
	return roster_store_get_data_version(self->store, data_version, error);
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
