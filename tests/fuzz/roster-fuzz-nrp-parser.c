/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "roster-fuzz-common.h"
#include "roster-nrp-parser.h"

/*
 * A Curtois benchmark instance, then (after a NUL byte) a roster grid for it. A grid
 * that parses is written out and read back, and must come back the same.
 */

static void
check_grid(const RosterSolverModel *model, const gchar *text, gsize length)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(RosterSolverRoster) again = NULL;
	g_autofree gchar *written = NULL;

	roster = roster_nrp_parse_grid(model, text, length, &error);
	if (roster == NULL) {
		if (error == NULL) {
			g_printerr("the grid parser failed without an error\n");
			abort();
		}
		return;
	}
	written = roster_nrp_format_grid(model, roster);
	again = roster_nrp_parse_grid(model, written, strlen(written), &error);
	if (again == NULL) {
		g_printerr("a written grid does not parse: %s\n", error->message);
		abort();
	}
	if (again->n_people != roster->n_people || again->n_days != roster->n_days ||
	    memcmp(again->cells,
		   roster->cells,
		   sizeof(gint16) * roster->n_people * roster->n_days) != 0) {
		g_printerr("a grid changed when written and read back\n");
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) model = NULL;
	const guint8 *separator = memchr(data, '\0', size);
	gsize instance_length = separator != NULL ? (gsize)(separator - data) : size;

	model = roster_nrp_parse_instance((const gchar *)data, instance_length, &error);
	if (model == NULL) {
		if (error == NULL) {
			g_printerr("the instance parser failed without an error\n");
			abort();
		}
		return 0;
	}
	if (separator != NULL)
		check_grid(model, (const gchar *)separator + 1, size - instance_length - 1);
	return 0;
}
