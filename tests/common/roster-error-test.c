/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the common error domain: wire names both ways and the field carried as data */

#include "config.h"

#include <gio/gio.h>

#include "roster-error.h"

static void
test_error_names_round_trip(void)
{
	for (guint i = 0; i < ROSTER_ERROR_LAST; i++) {
		const gchar *name = roster_error_to_string((RosterError)i);
		g_assert_cmpint(roster_error_from_string(name), ==, i);
	}
	g_assert_cmpstr(roster_error_to_string(ROSTER_ERROR_INVALID_DATA), ==, "invalid-data");
	g_assert_cmpint(roster_error_from_string("no-such-code"), ==, ROSTER_ERROR_INTERNAL);
}

static void
test_error_field_is_data(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) copy = NULL;

	roster_error_set_field(&error, ROSTER_ERROR_INVALID_DATA, "tier", "must be one of %d", 3);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpstr(error->message, ==, "tier: must be one of 3");
	g_assert_cmpstr(roster_error_get_field(error), ==, "tier");

	/* a prefix for context keeps the field; a copy carries it too */
	g_prefix_error(&error, "row 3: ");
	g_assert_cmpstr(roster_error_get_field(error), ==, "tier");
	copy = g_error_copy(error);
	g_assert_cmpstr(roster_error_get_field(copy), ==, "tier");
}

static void
test_error_without_field(void)
{
	g_autoptr(GError) plain = NULL;
	g_autoptr(GError) other = NULL;

	/* a message that merely looks like "field: …" carries no field */
	g_set_error(&plain, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA, "tier: bad");
	g_assert_null(roster_error_get_field(plain));
	other = g_error_new(G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "tier: bad");
	g_assert_null(roster_error_get_field(other));
	roster_error_convert(&other);
	g_assert_error(other, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(roster_error_get_field(other));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/common/error/names-round-trip", test_error_names_round_trip);
	g_test_add_func("/common/error/field-is-data", test_error_field_is_data);
	g_test_add_func("/common/error/without-field", test_error_without_field);
	return g_test_run();
}
