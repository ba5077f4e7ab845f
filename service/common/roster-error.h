/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROSTER_ERROR roster_error_quark()

/**
 * RosterError:
 * @ROSTER_ERROR_INTERNAL: something went wrong inside the service
 * @ROSTER_ERROR_INVALID_DATA: the input is malformed or a value is out of range
 * @ROSTER_ERROR_NOT_FOUND: the record does not exist
 * @ROSTER_ERROR_ALREADY_EXISTS: a record with the same unique key exists
 * @ROSTER_ERROR_CONFLICT: the record changed since the caller read it
 * @ROSTER_ERROR_PERMISSION_DENIED: the caller may not do this
 * @ROSTER_ERROR_AUTH_FAILED: the caller is not authenticated
 * @ROSTER_ERROR_BUSY: the resource is busy, try again later
 * @ROSTER_ERROR_NOT_SUPPORTED: the operation is not supported
 * @ROSTER_ERROR_TIMED_OUT: the operation took too long
 * @ROSTER_ERROR_MALFORMED: the request cannot be parsed at all
 * @ROSTER_ERROR_TOO_LARGE: the request is too large
 * @ROSTER_ERROR_TOO_MANY_REQUESTS: the caller tried too often (failed logins); wait and retry
 * @ROSTER_ERROR_CSRF_FAILED: a browser session's request that changes something lacks
 *   the session's CSRF token
 * @ROSTER_ERROR_LOCKED: the resource is closed for changes (a round past its deadline)
 *
 * The one error domain of the project; codes are stable and have wire names.
 */
typedef enum {
	ROSTER_ERROR_INTERNAL,
	ROSTER_ERROR_INVALID_DATA,
	ROSTER_ERROR_NOT_FOUND,
	ROSTER_ERROR_ALREADY_EXISTS,
	ROSTER_ERROR_CONFLICT,
	ROSTER_ERROR_PERMISSION_DENIED,
	ROSTER_ERROR_AUTH_FAILED,
	ROSTER_ERROR_BUSY,
	ROSTER_ERROR_NOT_SUPPORTED,
	ROSTER_ERROR_TIMED_OUT,
	ROSTER_ERROR_MALFORMED,
	ROSTER_ERROR_TOO_LARGE,
	ROSTER_ERROR_TOO_MANY_REQUESTS,
	ROSTER_ERROR_CSRF_FAILED,
	ROSTER_ERROR_LOCKED,
	ROSTER_ERROR_LAST
} RosterError;

GQuark
roster_error_quark(void);
const gchar *
roster_error_to_string(RosterError code);
RosterError
roster_error_from_string(const gchar *str);
void
roster_error_convert(GError **error);
void
roster_error_set_field(GError **error,
		       RosterError code,
		       const gchar *field,
		       const gchar *format,
		       ...) G_GNUC_PRINTF(4, 5);
const gchar *
roster_error_get_field(const GError *error);

G_END_DECLS
