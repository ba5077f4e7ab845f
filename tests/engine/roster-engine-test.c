/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the engine tests over a real SQLite file: records, then access, one file per topic */

#include "config.h"

#include "roster-engine-test-common.h"

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	roster_test_add_engine_records();
	roster_test_add_engine_access();
	return g_test_run();
}
