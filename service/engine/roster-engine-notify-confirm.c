/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the one-tap confirm link of a reminder: a token signed with a key of the daemon's
 * settings (keyed BLAKE2b over roster, assignment, volunteer, version and expiry), good
 * for confirming that one shift of that one version until the shift starts */

#include "config.h"

#include <sodium.h>

#include "roster-datetime.h"
#include "roster-engine-notify.h"
#include "roster-engine-private.h"
#include "roster-engine-web.h"
#include "roster-json-keys.h"
#include "roster-store-hours.h"
#include "roster-store-rosters.h"
#include "roster-store-web.h"

#define KEY_SETTING "confirm_key"
/* what the signature covers besides the fields: the token's one purpose */
#define PURPOSE	  "confirm-shift:"
#define MAC_BYTES 16
#define N_FIELDS  5
/* the actor of the audit row of a confirmation by link */
#define ACTOR "confirm-link"

/* the key; a new one is made and stored when @create and there is none */
static gboolean
load_key(RosterStore *store,
	 gboolean create,
	 guint8 key[crypto_generichash_KEYBYTES],
	 GError **error)
{
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) node = NULL;
	gchar hex[crypto_generichash_KEYBYTES * 2 + 1];
	g_autofree gchar *json = NULL;

	if (!roster_store_get_setting(store, KEY_SETTING, &text, error))
		return FALSE;
	if (text != NULL)
		node = json_from_string(text, NULL);
	if (node != NULL && JSON_NODE_HOLDS_VALUE(node) &&
	    json_node_get_value_type(node) == G_TYPE_STRING &&
	    sodium_hex2bin(key,
			   crypto_generichash_KEYBYTES,
			   json_node_get_string(node),
			   strlen(json_node_get_string(node)),
			   NULL,
			   NULL,
			   NULL) == 0)
		return TRUE;
	if (!create) {
		g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND, "no confirm key");
		return FALSE;
	}
	randombytes_buf(key, crypto_generichash_KEYBYTES);
	sodium_bin2hex(hex, sizeof(hex), key, crypto_generichash_KEYBYTES);
	json = g_strdup_printf("\"%s\"", hex);
	sodium_memzero(hex, sizeof(hex));
	return roster_store_set_setting(store, KEY_SETTING, json, error);
}

static gchar *
payload_text(const gint64 fields[N_FIELDS])
{
	return g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
			       "-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
			       fields[0],
			       fields[1],
			       fields[2],
			       fields[3],
			       fields[4]);
}

static void
sign(const guint8 key[crypto_generichash_KEYBYTES], const gchar *payload, guint8 mac[MAC_BYTES])
{
	crypto_generichash_state state;

	crypto_generichash_init(&state, key, crypto_generichash_KEYBYTES, MAC_BYTES);
	crypto_generichash_update(&state, (const guint8 *)PURPOSE, strlen(PURPOSE));
	crypto_generichash_update(&state, (const guint8 *)payload, strlen(payload));
	crypto_generichash_final(&state, mac, MAC_BYTES);
}

/**
 * roster_notify_confirm_token_new:
 * @store: a store inside a transaction
 * @roster_id: the roster
 * @assignment_id: the shift's assignment
 * @volunteer_id: its volunteer
 * @number: the published version
 * @expires: the shift's start, seconds since the epoch
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the token, digits, dashes and hex digits only
 */
gchar *
roster_notify_confirm_token_new(RosterStore *store,
				gint64 roster_id,
				gint64 assignment_id,
				gint64 volunteer_id,
				gint64 number,
				gint64 expires,
				GError **error)
{
	guint8 key[crypto_generichash_KEYBYTES];
	guint8 mac[MAC_BYTES];
	gchar mac_hex[MAC_BYTES * 2 + 1];
	const gint64 fields[N_FIELDS] = {roster_id, assignment_id, volunteer_id, number, expires};
	g_autofree gchar *payload = payload_text(fields);

	if (!load_key(store, TRUE, key, error))
		return NULL;
	sign(key, payload, mac);
	sodium_memzero(key, sizeof(key));
	sodium_bin2hex(mac_hex, sizeof(mac_hex), mac, MAC_BYTES);
	return g_strdup_printf("%s-%s", payload, mac_hex);
}

/* the fields of a well-formed token with a good signature */
static gboolean
verify(RosterStore *store, const gchar *token, gint64 fields[N_FIELDS], GError **error)
{
	g_auto(GStrv) parts = g_strsplit(token != NULL ? token : "", "-", -1);
	guint8 key[crypto_generichash_KEYBYTES];
	guint8 mac[MAC_BYTES];
	guint8 given[MAC_BYTES];
	g_autofree gchar *payload = NULL;
	gboolean good;
	g_autoptr(GError) error_local = NULL;

	if (g_strv_length(parts) != N_FIELDS + 1)
		return FALSE;
	for (guint i = 0; i < N_FIELDS; i++) {
		guint64 value = 0;
		if (!g_ascii_string_to_unsigned(parts[i], 10, 0, G_MAXINT64, &value, NULL))
			return FALSE;
		fields[i] = (gint64)value;
	}
	if (strlen(parts[N_FIELDS]) != MAC_BYTES * 2 ||
	    sodium_hex2bin(given, MAC_BYTES, parts[N_FIELDS], MAC_BYTES * 2, NULL, NULL, NULL) != 0)
		return FALSE;
	if (!load_key(store, FALSE, key, &error_local)) {
		if (g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND))
			return FALSE;
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	payload = payload_text(fields);
	/* the canonical text: a field written with a leading zero is another token */
	if (strncmp(token, payload, strlen(payload)) != 0)
		return FALSE;
	sign(key, payload, mac);
	sodium_memzero(key, sizeof(key));
	good = sodium_memcmp(mac, given, MAC_BYTES) == 0;
	return good;
}

/* whether the volunteer already confirmed the shift in version @number */
static gboolean
is_confirmed(RosterStore *store, const gint64 fields[N_FIELDS], gboolean *confirmed, GError **error)
{
	g_autoptr(JsonArray) rows =
	    roster_store_list_confirmations(store, fields[0], fields[2], error);

	if (rows == NULL)
		return FALSE;
	*confirmed = FALSE;
	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		if (json_object_get_int_member_with_default(row, ROSTER_KEY_ASSIGNMENT_ID, 0) ==
			fields[1] &&
		    json_object_get_int_member_with_default(row, ROSTER_KEY_NUMBER, 0) == fields[3])
			*confirmed = TRUE;
	}
	return TRUE;
}

/**
 * roster_engine_confirm_by_token:
 * @self: an engine
 * @token: the token of a confirm link
 * @outcome: (out): what happened
 * @error: (nullable): return location for a #GError
 *
 * Confirms the shift the token names, without a login: once; a token altered, for a
 * shift that began or for an older version of the roster is refused.
 *
 * Returns: %FALSE only on an internal error
 */
gboolean
roster_engine_confirm_by_token(RosterEngine *self,
			       const gchar *token,
			       RosterConfirmOutcome *outcome,
			       GError **error)
{
	RosterStore *store;
	gint64 fields[N_FIELDS] = {0};
	g_autoptr(GError) error_local = NULL;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) done = NULL;
	gboolean confirmed = FALSE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	*outcome = ROSTER_CONFIRM_INVALID;
	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	store = roster_engine_get_store(self);
	if (!verify(store, token, fields, &error_local)) {
		if (error_local != NULL) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			return FALSE;
		}
		return TRUE;
	}
	if (roster_notify_now() >= fields[4]) {
		*outcome = ROSTER_CONFIRM_EXPIRED;
		return TRUE;
	}
	roster = roster_store_get_roster(store, fields[0], &error_local);
	if (roster == NULL && !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	if (roster == NULL || roster->n_versions != fields[3]) {
		*outcome = ROSTER_CONFIRM_CHANGED;
		return TRUE;
	}
	if (!is_confirmed(store, fields, &confirmed, error))
		return FALSE;
	if (confirmed) {
		*outcome = ROSTER_CONFIRM_ALREADY;
		return TRUE;
	}
	principal = roster_principal_new(0, ACTOR, ROSTER_ROLE_VOLUNTEER, fields[2]);
	g_clear_error(&error_local);
	done = roster_engine_confirm_shift(self, principal, fields[0], fields[1], &error_local);
	if (done == NULL) {
		/* the shift left the volunteer in the published version */
		if (g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
			*outcome = ROSTER_CONFIRM_CHANGED;
			return TRUE;
		}
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	*outcome = ROSTER_CONFIRM_DONE;
	return TRUE;
}
