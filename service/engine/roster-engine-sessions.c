/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the sessions of the volunteers' page: the CSRF token bound to a session, and the
 * personal sign-in links a coordinator makes for a volunteer (single use, time-limited,
 * revocable, only their hash stored) */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "roster-engine-notify.h"
#include "roster-engine-private.h"
#include "roster-engine-web.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-store-web.h"
#include "roster-token.h"

/* the message hashed with the session token as key: the CSRF token names its use */
#define CSRF_CONTEXT		"hotline-roster csrf"
#define LINK_FAILED_MESSAGE	"the sign-in link is unknown, used, revoked or expired"
#define ROSTER_WEB_KEY_LIFETIME "lifetime"
#define ROSTER_WEB_KEY_PATH	"path"

/**
 * roster_engine_dup_csrf_token:
 * @session_token: the token of a session, as its holder has it
 *
 * The CSRF token of a session is BLAKE2b keyed with the session's token: it can be
 * checked without storing anything, and it does not reveal the session's token.
 *
 * Returns: (transfer full) (nullable): 64 lower-case hex digits, or %NULL when
 *   @session_token is not a token
 *
 * Since: 0.3
 **/
gchar *
roster_engine_dup_csrf_token(const gchar *session_token)
{
	guint8 raw[ROSTER_TOKEN_BYTES];
	guint8 mac[ROSTER_TOKEN_BYTES];
	gchar hex[ROSTER_TOKEN_HEX_LEN + 1];
	size_t len = 0;

	if (session_token == NULL || strlen(session_token) != ROSTER_TOKEN_HEX_LEN ||
	    sodium_hex2bin(raw,
			   sizeof(raw),
			   session_token,
			   ROSTER_TOKEN_HEX_LEN,
			   NULL,
			   &len,
			   NULL) != 0 ||
	    len != sizeof(raw))
		return NULL;
	crypto_generichash(mac,
			   sizeof(mac),
			   (const guint8 *)CSRF_CONTEXT,
			   strlen(CSRF_CONTEXT),
			   raw,
			   sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
	return g_strdup(hex);
}

/**
 * roster_engine_check_csrf:
 * @session_token: the token of the session of a request
 * @csrf_token: (nullable): the CSRF token the request carries
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE when @csrf_token is the session's, else %FALSE with
 *   %ROSTER_ERROR_CSRF_FAILED
 *
 * Since: 0.3
 **/
gboolean
roster_engine_check_csrf(const gchar *session_token, const gchar *csrf_token, GError **error)
{
	g_autofree gchar *expected = roster_engine_dup_csrf_token(session_token);

	if (expected != NULL && csrf_token != NULL && strlen(csrf_token) == strlen(expected) &&
	    sodium_memcmp(expected, csrf_token, strlen(expected)) == 0)
		return TRUE;
	g_set_error_literal(
	    error,
	    ROSTER_ERROR,
	    ROSTER_ERROR_CSRF_FAILED,
	    csrf_token == NULL ? "a request of a browser session that changes something must carry "
				 "the session's X-CSRF-Token header"
			       : "the X-CSRF-Token header is not the session's");
	return FALSE;
}

static gboolean
check_planner(RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_PLANNERS,
					      "signin-links",
					      "only coordinators and admins make sign-in links",
					      error);
}

static gchar *
format_unix(gint64 unix_time)
{
	g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc(unix_time);

	return datetime != NULL ? g_date_time_format(datetime, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

/* the body of a new link: {"volunteer_id": N, "lifetime": seconds (optional)} */
static gboolean
read_link_body(JsonNode *body, gint64 *volunteer_id, gint64 *lifetime, GError **error)
{
	JsonObject *object = json_node_get_object(body);
	g_autoptr(GList) members = json_object_get_members(object);
	JsonNode *node;

	for (GList *l = members; l != NULL; l = l->next) {
		if (g_strcmp0(l->data, ROSTER_KEY_VOLUNTEER_ID) != 0 &&
		    g_strcmp0(l->data, ROSTER_WEB_KEY_LIFETIME) != 0) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       l->data,
					       "unknown field");
			return FALSE;
		}
	}
	node = json_object_get_member(object, ROSTER_KEY_VOLUNTEER_ID);
	if (node == NULL || json_node_get_value_type(node) != G_TYPE_INT64 ||
	    json_node_get_int(node) <= 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_VOLUNTEER_ID,
				       "a volunteer id is required");
		return FALSE;
	}
	*volunteer_id = json_node_get_int(node);
	*lifetime = ROSTER_SIGNIN_LINK_LIFETIME;
	node = json_object_get_member(object, ROSTER_WEB_KEY_LIFETIME);
	if (node == NULL)
		return TRUE;
	if (json_node_get_value_type(node) != G_TYPE_INT64 || json_node_get_int(node) < 60 ||
	    json_node_get_int(node) > ROSTER_SIGNIN_LINK_MAX_LIFETIME) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_WEB_KEY_LIFETIME,
				       "must be whole seconds from 60 to %d (30 days)",
				       ROSTER_SIGNIN_LINK_MAX_LIFETIME);
		return FALSE;
	}
	*lifetime = json_node_get_int(node);
	return TRUE;
}

/**
 * roster_engine_create_signin_link:
 * @self: a #RosterEngine
 * @principal: a coordinator or an admin
 * @body: `{"volunteer_id": N, "lifetime": seconds}`; the lifetime is optional (7 days)
 * @error: a #GError, or %NULL
 *
 * Makes a personal sign-in link for the account of a volunteer. It signs in once, and
 * only until it expires or is revoked; only its hash is stored, and the token is shown
 * in this answer only.
 *
 * Returns: (transfer full): `{"id", "volunteer_id", "account_id", "token", "path", "url",
 *   "expires_at"}`; a volunteer without an active account is %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_create_signin_link(RosterEngine *self,
				 RosterPrincipal *principal,
				 JsonNode *body,
				 GError **error)
{
	RosterStore *store;
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
	gchar hex[ROSTER_TOKEN_HEX_LEN + 1];
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *path = NULL;
	g_autofree gchar *url = NULL;
	g_autofree gchar *expires_text = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) result = NULL;
	gint64 volunteer_id = 0;
	gint64 lifetime = 0;
	gint64 account_id = 0;
	gint64 expires;
	gint64 id;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error) || !check_planner(principal, error) ||
	    !read_link_body(body, &volunteer_id, &lifetime, error))
		return NULL;
	store = roster_engine_get_store(self);
	if (!roster_store_find_volunteer_account(store, volunteer_id, &account_id, error))
		return NULL;
	if (account_id == 0) {
		roster_error_set_field(
		    error,
		    ROSTER_ERROR_NOT_FOUND,
		    ROSTER_KEY_VOLUNTEER_ID,
		    "the volunteer has no active volunteer account to sign in to");
		return NULL;
	}
	roster_token_new(hex, hash);
	expires = g_get_real_time() / G_USEC_PER_SEC + lifetime;
	expires_text = format_unix(expires);
	path = g_strdup_printf("/my/#signin=%s", hex);
	if (!roster_store_begin(store, error))
		return NULL;
	id = roster_store_insert_signin_link(store,
					     hash,
					     sizeof(hash),
					     account_id,
					     now,
					     roster_principal_get_username(principal),
					     expires,
					     error);
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_ID);
	json_builder_add_int_value(builder, id);
	json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(builder, volunteer_id);
	json_builder_set_member_name(builder, ROSTER_KEY_ACCOUNT_ID);
	json_builder_add_int_value(builder, account_id);
	json_builder_set_member_name(builder, ROSTER_KEY_EXPIRES_AT);
	json_builder_add_string_value(builder, expires_text);
	json_builder_end_object(builder);
	result = json_builder_get_root(builder);
	/* the audit row holds the link without its token */
	if (id == 0 || !roster_engine_commit_with_audit(self,
							principal,
							"create",
							"signin-links",
							id,
							NULL,
							result,
							error)) {
		if (id == 0)
			roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	json_object_set_string_member(json_node_get_object(result), ROSTER_KEY_TOKEN, hex);
	json_object_set_string_member(json_node_get_object(result), ROSTER_WEB_KEY_PATH, path);
	url = roster_engine_dup_public_link(self, path);
	json_object_set_string_member(json_node_get_object(result), ROSTER_KEY_URL, url);
	sodium_memzero(hex, sizeof(hex));
	return g_steal_pointer(&result);
}

/**
 * roster_engine_list_signin_links:
 * @self: a #RosterEngine
 * @principal: a coordinator or an admin
 * @volunteer_id: a volunteer, or 0 for every link
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): `{"items": [{id, account_id, created, creator, expires,
 *   used, revoked}]}`, without tokens
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_list_signin_links(RosterEngine *self,
				RosterPrincipal *principal,
				gint64 volunteer_id,
				GError **error)
{
	RosterStore *store;
	g_autoptr(JsonArray) rows = NULL;
	gint64 account_id = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error) || !check_planner(principal, error))
		return NULL;
	store = roster_engine_get_store(self);
	if (volunteer_id > 0) {
		if (!roster_store_find_volunteer_account(store, volunteer_id, &account_id, error))
			return NULL;
		if (account_id == 0) {
			g_autoptr(JsonArray) none = json_array_new();
			return roster_engine_new_list(none, 0);
		}
	}
	rows = roster_store_list_signin_links(store, account_id, error);
	if (rows == NULL)
		return NULL;
	return roster_engine_new_list(rows, -1);
}

/**
 * roster_engine_revoke_signin_link:
 * @self: a #RosterEngine
 * @principal: a coordinator or an admin
 * @id: the link
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE when the link will no longer sign in; a link that is unknown, used or
 *   already revoked is %ROSTER_ERROR_NOT_FOUND
 *
 * Since: 0.3
 **/
gboolean
roster_engine_revoke_signin_link(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 id,
				 GError **error)
{
	RosterStore *store;
	g_autofree gchar *now = roster_engine_dup_now();
	gboolean found = FALSE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	if (!roster_engine_ensure_open(self, error) || !check_planner(principal, error))
		return FALSE;
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return FALSE;
	if (!roster_store_revoke_signin_link(store, id, now, &found, error))
		return roster_engine_end_write(self, FALSE, NULL);
	if (!found) {
		roster_engine_end_write(self, FALSE, NULL);
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "signin-links: no unused link with id %" G_GINT64_FORMAT,
			    id);
		return FALSE;
	}
	return roster_engine_commit_with_audit(self,
					       principal,
					       "revoke",
					       "signin-links",
					       id,
					       NULL,
					       NULL,
					       error);
}

/* a new session token for @account_id, valid for the engine's token lifetime */
static gchar *
open_session(RosterEngine *self, gint64 account_id, gint64 *expires_at, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
	gchar hex[ROSTER_TOKEN_HEX_LEN + 1];
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	*expires_at = now + roster_engine_get_token_lifetime(self);
	roster_token_new(hex, hash);
	if (!roster_store_delete_expired_tokens(store, now, error) ||
	    !roster_store_add_token(store, hash, sizeof(hash), account_id, now, *expires_at, error))
		return NULL;
	return g_strdup(hex);
}

/* uses the link of @hash in one transaction with the session it opens; NULL without
 * @error when no usable link has @hash */
static gchar *
use_link(RosterEngine *self,
	 const guint8 *hash,
	 gint64 now,
	 const gchar *now_text,
	 gint64 *expires_at,
	 GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autofree gchar *session = NULL;
	gint64 account_id = 0;

	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_use_signin_link(store,
					  hash,
					  ROSTER_TOKEN_HASH_BYTES,
					  now,
					  now_text,
					  &account_id,
					  error) ||
	    account_id == 0) {
		roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	session = open_session(self, account_id, expires_at, error);
	if (!roster_engine_end_write(self, session != NULL, error))
		return NULL;
	return g_steal_pointer(&session);
}

/**
 * roster_engine_redeem_signin_link:
 * @self: a #RosterEngine
 * @token: the token of the link
 * @address: (nullable): the client's address; a link that does not work counts as a
 *   failed login of that address
 * @expires_at: (out): when the new session expires, seconds since 1970
 * @principal: (out) (transfer full): who signed in
 * @retry_after: (out): with %ROSTER_ERROR_TOO_MANY_REQUESTS, the seconds to wait
 * @error: a #GError, or %NULL
 *
 * Uses a sign-in link: the link stops working and a session starts for its account.
 *
 * Returns: (transfer full): the session's token, or %NULL with
 *   %ROSTER_ERROR_AUTH_FAILED (unknown, used, revoked or expired link, or a disabled
 *   account) or %ROSTER_ERROR_TOO_MANY_REQUESTS
 *
 * Since: 0.3
 **/
gchar *
roster_engine_redeem_signin_link(RosterEngine *self,
				 const gchar *token,
				 const gchar *address,
				 gint64 *expires_at,
				 RosterPrincipal **principal,
				 gint64 *retry_after,
				 GError **error)
{
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
	g_autofree gchar *now_text = roster_engine_dup_now();
	g_autofree gchar *session = NULL;
	g_autoptr(GError) error_local = NULL;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	*retry_after = 0;
	*principal = NULL;
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	if (address != NULL && !roster_login_limiter_begin(self->address_limiter,
							   address,
							   g_get_monotonic_time(),
							   retry_after)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_TOO_MANY_REQUESTS,
			    "too many failed sign-ins: try again in %" G_GINT64_FORMAT " s",
			    *retry_after);
		return NULL;
	}
	if (roster_token_hash_hex(token, hash))
		session = use_link(self, hash, now, now_text, expires_at, &error_local);
	if (session != NULL)
		*principal = roster_engine_authenticate(self, session, &error_local);
	if (*principal != NULL) {
		if (address != NULL)
			roster_login_limiter_succeed(self->address_limiter, address, FALSE);
		g_info("%s signed in with a link", roster_principal_get_username(*principal));
		return g_steal_pointer(&session);
	}
	if (error_local != NULL &&
	    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED)) {
		if (address != NULL)
			roster_login_limiter_cancel(self->address_limiter, address);
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	if (address != NULL)
		roster_login_limiter_fail(self->address_limiter, address, g_get_monotonic_time());
	g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_AUTH_FAILED, LINK_FAILED_MESSAGE);
	return NULL;
}
