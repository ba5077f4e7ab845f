/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the roster engine tests: the hotline rules, solve jobs, edits and publishing, one file
 * per topic */

#include "config.h"

#include "roster-rosters-test-common.h"

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	roster_test_add_rosters_rules();
	roster_test_add_rosters_edit();
	roster_test_add_rosters_jobs();
	roster_test_add_rosters_read();
	roster_test_add_rosters_shortage();
	roster_test_add_rosters_calendar();
	roster_test_add_rosters_trainees();
	roster_test_add_rosters_teams();
	roster_test_add_rosters_settings();
	return g_test_run();
}
