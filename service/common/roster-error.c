/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "roster-error.h"

/* the domain is an extended error: a #GError of it can carry the input field it is
 * about as data, so nobody has to read the field back out of the message */
typedef struct {
	gchar *field;
} RosterErrorPrivate;

static void
roster_error_private_init(RosterErrorPrivate *priv)
{
	priv->field = NULL;
}

static void
roster_error_private_copy(const RosterErrorPrivate *src, RosterErrorPrivate *dest)
{
	dest->field = g_strdup(src->field);
}

static void
roster_error_private_clear(RosterErrorPrivate *priv)
{
	g_clear_pointer(&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR(RosterError, roster_error)

/* the wire names are part of the API: never rename one */
static const gchar *error_names[ROSTER_ERROR_LAST] = {
    [ROSTER_ERROR_INTERNAL] = "internal",
    [ROSTER_ERROR_INVALID_DATA] = "invalid-data",
    [ROSTER_ERROR_NOT_FOUND] = "not-found",
    [ROSTER_ERROR_ALREADY_EXISTS] = "already-exists",
    [ROSTER_ERROR_CONFLICT] = "conflict",
    [ROSTER_ERROR_PERMISSION_DENIED] = "permission-denied",
    [ROSTER_ERROR_AUTH_FAILED] = "auth-failed",
    [ROSTER_ERROR_BUSY] = "busy",
    [ROSTER_ERROR_NOT_SUPPORTED] = "not-supported",
    [ROSTER_ERROR_TIMED_OUT] = "timed-out",
    [ROSTER_ERROR_MALFORMED] = "malformed",
    [ROSTER_ERROR_TOO_LARGE] = "too-large",
    [ROSTER_ERROR_TOO_MANY_REQUESTS] = "too-many-requests",
    [ROSTER_ERROR_CSRF_FAILED] = "csrf-failed",
    [ROSTER_ERROR_LOCKED] = "locked",
};

/**
 * roster_error_to_string:
 * @code: a #RosterError
 *
 * Returns: the stable wire name of @code, e.g. `not-found`
 *
 * Since: 0.1
 **/
const gchar *
roster_error_to_string(RosterError code)
{
	if ((guint)code >= ROSTER_ERROR_LAST)
		return error_names[ROSTER_ERROR_INTERNAL];
	return error_names[code];
}

/**
 * roster_error_from_string:
 * @str: a wire name
 *
 * Returns: the #RosterError for @str, or %ROSTER_ERROR_INTERNAL when unknown
 *
 * Since: 0.1
 **/
RosterError
roster_error_from_string(const gchar *str)
{
	if (str == NULL)
		return ROSTER_ERROR_INTERNAL;
	for (guint i = 0; i < ROSTER_ERROR_LAST; i++) {
		if (g_strcmp0(str, error_names[i]) == 0)
			return (RosterError)i;
	}
	return ROSTER_ERROR_INTERNAL;
}

static RosterError
convert_io_code(gint code)
{
	switch (code) {
	case G_IO_ERROR_NOT_FOUND:
		return ROSTER_ERROR_NOT_FOUND;
	case G_IO_ERROR_EXISTS:
		return ROSTER_ERROR_ALREADY_EXISTS;
	case G_IO_ERROR_PERMISSION_DENIED:
		return ROSTER_ERROR_PERMISSION_DENIED;
	case G_IO_ERROR_INVALID_DATA:
	case G_IO_ERROR_INVALID_ARGUMENT:
	case G_IO_ERROR_PARTIAL_INPUT:
		return ROSTER_ERROR_INVALID_DATA;
	case G_IO_ERROR_TIMED_OUT:
		return ROSTER_ERROR_TIMED_OUT;
	case G_IO_ERROR_BUSY:
	case G_IO_ERROR_ADDRESS_IN_USE:
		return ROSTER_ERROR_BUSY;
	case G_IO_ERROR_NOT_SUPPORTED:
		return ROSTER_ERROR_NOT_SUPPORTED;
	default:
		return ROSTER_ERROR_INTERNAL;
	}
}

static RosterError
convert_file_code(gint code)
{
	switch (code) {
	case G_FILE_ERROR_NOENT:
		return ROSTER_ERROR_NOT_FOUND;
	case G_FILE_ERROR_EXIST:
		return ROSTER_ERROR_ALREADY_EXISTS;
	case G_FILE_ERROR_ACCES:
	case G_FILE_ERROR_PERM:
		return ROSTER_ERROR_PERMISSION_DENIED;
	case G_FILE_ERROR_INVAL:
		return ROSTER_ERROR_INVALID_DATA;
	default:
		return ROSTER_ERROR_INTERNAL;
	}
}

/**
 * roster_error_convert:
 * @error: (inout) (nullable): a #GError, or %NULL
 *
 * Maps errors of foreign domains (GIOError, GFileError, JSON parser) into
 * %ROSTER_ERROR, keeping the message. Errors already in our domain are left alone.
 *
 * Since: 0.1
 **/
void
roster_error_convert(GError **error)
{
	GError *old;
	RosterError code;

	if (error == NULL || *error == NULL)
		return;
	old = *error;
	if (old->domain == ROSTER_ERROR)
		return;
	if (old->domain == G_IO_ERROR) {
		code = convert_io_code(old->code);
	} else if (old->domain == G_FILE_ERROR) {
		code = convert_file_code(old->code);
	} else if (old->domain == JSON_PARSER_ERROR || old->domain == G_MARKUP_ERROR) {
		code = ROSTER_ERROR_MALFORMED;
	} else if (old->domain == JSON_READER_ERROR || old->domain == G_KEY_FILE_ERROR ||
		   old->domain == G_CONVERT_ERROR) {
		code = ROSTER_ERROR_INVALID_DATA;
	} else {
#ifdef ROSTER_DEVELOPMENT
		g_critical("unmapped error domain %s: %s",
			   g_quark_to_string(old->domain),
			   old->message);
#endif
		code = ROSTER_ERROR_INTERNAL;
	}
	*error = g_error_new_literal(ROSTER_ERROR, code, old->message);
	g_error_free(old);
}

/**
 * roster_error_set_field:
 * @error: (nullable): return location for a #GError
 * @code: a #RosterError, usually %ROSTER_ERROR_INVALID_DATA
 * @field: the input field the error is about, e.g. `tier` or `settings.weights`
 * @format: printf()-style format of what is wrong with it
 * @...: arguments for @format
 *
 * Sets a #ROSTER_ERROR about one input field: the message reads `field: what is
 * wrong` for people, and the field is kept as data for roster_error_get_field(),
 * which the HTTP layer reports as the error's `field` member.
 *
 * Since: 0.1
 **/
void
roster_error_set_field(GError **error,
		       RosterError code,
		       const gchar *field,
		       const gchar *format,
		       ...)
{
	va_list args;
	g_autofree gchar *what = NULL;
	GError *new_error;
	RosterErrorPrivate *priv;

	g_return_if_fail(field != NULL);
	g_return_if_fail(format != NULL);
	if (error == NULL)
		return;
	va_start(args, format);
	what = g_strdup_vprintf(format, args);
	va_end(args);
	new_error = g_error_new(ROSTER_ERROR, code, "%s: %s", field, what);
	priv = roster_error_get_private(new_error);
	priv->field = g_strdup(field);
	g_propagate_error(error, new_error);
}

/**
 * roster_error_get_field:
 * @error: a #GError
 *
 * Returns: (nullable): the input field a #ROSTER_ERROR set with
 * roster_error_set_field() is about, or %NULL for any other error
 *
 * Since: 0.1
 **/
const gchar *
roster_error_get_field(const GError *error)
{
	RosterErrorPrivate *priv;

	if (error == NULL || error->domain != ROSTER_ERROR)
		return NULL;
	priv = roster_error_get_private(error);
	return priv != NULL ? priv->field : NULL;
}
