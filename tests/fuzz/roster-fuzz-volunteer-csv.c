/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "roster-fuzz-common.h"
#include "roster-volunteer-csv.h"

/*
 * A volunteer CSV import as the API and the command-line tool take it: the CSV
 * reader, the column and cell parsing, the records' validators and, when every row
 * is good, the store (the database is reset afterwards). The import reads the input
 * with the CSV reader first, so a reader that failed without an error shows as an
 * import that did.
 */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) line_errors = NULL;
	guint n_imported = 0;

	if (roster_volunteer_csv_import(roster_fuzz_get_engine(),
					roster_fuzz_get_principal(),
					(const gchar *)data,
					size,
					&n_imported,
					&line_errors,
					&error)) {
		if (n_imported > 0)
			roster_fuzz_reset_engine();
		return 0;
	}
	if (error == NULL) {
		g_printerr("the import failed without an error\n");
		abort();
	}
	return 0;
}
