/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <pwquality.h>
#include <sodium.h>
#include <string.h>

#include "roster-engine-private.h"
#include "roster-json-keys.h"

/*
 * Password rules, hashing and verification. Everything here is safe to call from a
 * worker thread: libsodium is, and cracklib (behind libpwquality) keeps its open
 * dictionary in static variables, so the strength check holds a lock.
 */

static GMutex quality_mutex;

/* the policy is the project's, not the machine's: /etc/security/pwquality.conf is
 * not read, so every install refuses the same passwords */
static pwquality_settings_t *
new_settings(GError **error)
{
	pwquality_settings_t *settings = pwquality_default_settings();
	void *auxerror = NULL;

	if (settings == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "cannot set up the password check (libpwquality)");
		return NULL;
	}
	pwquality_set_int_value(settings, PWQ_SETTING_MIN_LENGTH, ROSTER_PASSWORD_MIN_LENGTH);
	pwquality_set_int_value(settings, PWQ_SETTING_DICT_CHECK, 1);
	pwquality_set_int_value(settings, PWQ_SETTING_USER_CHECK, 1);

	/* cracklib refuses every password when its dictionary cannot be opened, with
	 * the same error code as for a dictionary word: a strong password tells them
	 * apart, and the check must never silently pass or refuse everything */
	if (pwquality_check(settings, "vT7#qe-Lumo-9zrw", NULL, NULL, &auxerror) ==
	    PWQ_ERROR_CRACKLIB_CHECK) {
		pwquality_free_settings(settings);
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "the password dictionary cannot be read (%s): install cracklib-runtime",
			    auxerror != NULL ? (const gchar *)auxerror : "no reason given");
		return NULL;
	}
	return settings;
}

static const gchar *
quality_message(gint rc)
{
	switch (rc) {
	case PWQ_ERROR_MIN_LENGTH:
		return "must be at least 10 characters long";
	case PWQ_ERROR_CRACKLIB_CHECK:
		return "is a common password or based on a dictionary word";
	case PWQ_ERROR_USER_CHECK:
	case PWQ_ERROR_GECOS_CHECK:
		return "must not contain the user name";
	case PWQ_ERROR_PALINDROME:
		return "must not be a palindrome";
	case PWQ_ERROR_MIN_CLASSES:
	case PWQ_ERROR_MAX_CONSECUTIVE:
	case PWQ_ERROR_MAX_CLASS_REPEAT:
	case PWQ_ERROR_MAX_SEQUENCE:
	case PWQ_ERROR_MIN_DIGITS:
	case PWQ_ERROR_MIN_UPPERS:
	case PWQ_ERROR_MIN_LOWERS:
	case PWQ_ERROR_MIN_OTHERS:
	default:
		return "is too simple; use a longer phrase of unrelated words";
	}
}

/**
 * roster_password_check_quality:
 * @password: a new password
 * @username: (nullable): the account's user name, which the password must not contain
 * @error: a #GError, or %NULL
 *
 * Refuses a password shorter than %ROSTER_PASSWORD_MIN_LENGTH characters, one
 * found in (or derived from) cracklib's dictionary of words and common passwords,
 * one that contains the user name, and other trivial ones (libpwquality's checks).
 * A dictionary that cannot be read is %ROSTER_ERROR_INTERNAL.
 *
 * Returns: %TRUE when @password is good enough, else %ROSTER_ERROR_INVALID_DATA
 *   whose field is `password`
 *
 * Since: 0.1
 **/
gboolean
roster_password_check_quality(const gchar *password, const gchar *username, GError **error)
{
	static pwquality_settings_t *settings = NULL;
	g_autoptr(GMutexLocker) locker = NULL;
	void *auxerror = NULL;
	gint rc;

	g_return_val_if_fail(password != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	/* count characters, not bytes, so a Chinese phrase is measured fairly */
	if (!g_utf8_validate(password, -1, NULL) ||
	    g_utf8_strlen(password, -1) < ROSTER_PASSWORD_MIN_LENGTH) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_PASSWORD,
				       "%s",
				       quality_message(PWQ_ERROR_MIN_LENGTH));
		return FALSE;
	}
	locker = g_mutex_locker_new(&quality_mutex);
	if (settings == NULL)
		settings = new_settings(error);
	if (settings == NULL)
		return FALSE;
	rc = pwquality_check(settings, password, NULL, username, &auxerror);
	if (rc < 0) {
		gchar buf[PWQ_MAX_ERROR_MESSAGE_LEN];
		g_debug("password refused: %s", pwquality_strerror(buf, sizeof(buf), rc, auxerror));
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_PASSWORD,
				       "%s",
				       quality_message(rc));
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_password_hash:
 * @password: a password
 * @fast: %TRUE for libsodium's minimum Argon2id cost (tests only)
 * @error: a #GError, or %NULL
 *
 * Takes about 40 ms at the interactive cost: call it from a worker thread when a
 * request waits.
 *
 * Returns: (transfer full): the encoded Argon2id hash, or %NULL
 *
 * Since: 0.1
 **/
gchar *
roster_password_hash(const gchar *password, gboolean fast, GError **error)
{
	gchar hash[crypto_pwhash_STRBYTES];
	unsigned long long ops = fast ? crypto_pwhash_OPSLIMIT_MIN
				      : crypto_pwhash_OPSLIMIT_INTERACTIVE;
	size_t mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;

	g_return_val_if_fail(password != NULL, NULL);

	if (crypto_pwhash_str(hash, password, strlen(password), ops, mem) != 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "hashing the password ran out of memory");
		return NULL;
	}
	return g_strdup(hash);
}

/**
 * roster_password_verify:
 * @hash: an encoded hash from roster_password_hash()
 * @password: the password to check
 *
 * Takes as long as hashing; call it from a worker thread when a request waits.
 *
 * Returns: %TRUE when @password matches @hash
 *
 * Since: 0.1
 **/
gboolean
roster_password_verify(const gchar *hash, const gchar *password)
{
	g_return_val_if_fail(hash != NULL, FALSE);
	g_return_val_if_fail(password != NULL, FALSE);
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

/**
 * roster_password_free:
 * @password: (nullable) (transfer full): a password copy
 *
 * Wipes and frees a copy of a password so it does not linger in freed memory.
 *
 * Since: 0.1
 **/
void
roster_password_free(gchar *password)
{
	if (password == NULL)
		return;
	sodium_memzero(password, strlen(password));
	g_free(password);
}
