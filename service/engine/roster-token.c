/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the one way the engine makes and recognises a bearer secret — session tokens and
 * calendar feed tokens alike: libsodium's random bytes, its BLAKE2b hash for storage,
 * lower-case hex on the wire */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "roster-token.h"

/**
 * roster_token_new:
 * @hex: (out caller-allocates): the new token for its holder, NUL-terminated
 * @hash: (out caller-allocates): what the store keeps of it
 *
 * Makes a new random token.
 **/
void
roster_token_new(gchar hex[ROSTER_TOKEN_HEX_LEN + 1], guint8 hash[ROSTER_TOKEN_HASH_BYTES])
{
	guint8 raw[ROSTER_TOKEN_BYTES];

	randombytes_buf(raw, sizeof(raw));
	crypto_generichash(hash, ROSTER_TOKEN_HASH_BYTES, raw, sizeof(raw), NULL, 0);
	sodium_bin2hex(hex, ROSTER_TOKEN_HEX_LEN + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

/**
 * roster_token_hash_hex:
 * @hex: (nullable): a token as its holder sent it
 * @hash: (out caller-allocates): its hash, to look up in the store
 *
 * Only the form roster_token_new() gives is a token: 64 lower-case hex digits.
 *
 * Returns: %TRUE when @hex has that form; @hash is then set
 **/
gboolean
roster_token_hash_hex(const gchar *hex, guint8 hash[ROSTER_TOKEN_HASH_BYTES])
{
	guint8 raw[ROSTER_TOKEN_BYTES];
	size_t len = 0;

	if (hex == NULL || strlen(hex) != ROSTER_TOKEN_HEX_LEN ||
	    strspn(hex, "0123456789abcdef") != ROSTER_TOKEN_HEX_LEN ||
	    sodium_hex2bin(raw, sizeof(raw), hex, ROSTER_TOKEN_HEX_LEN, NULL, &len, NULL) != 0 ||
	    len != ROSTER_TOKEN_BYTES)
		return FALSE;
	crypto_generichash(hash, ROSTER_TOKEN_HASH_BYTES, raw, sizeof(raw), NULL, 0);
	sodium_memzero(raw, sizeof(raw));
	return TRUE;
}
