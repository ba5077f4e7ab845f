/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-tool-private.h"

/* placeholders until the solver lands */
int
roster_tool_nrp_solve(int argc, char **argv)
{
	g_printerr("not implemented yet\n");
	return 1;
}

int
roster_tool_nrp_evaluate(int argc, char **argv)
{
	g_printerr("not implemented yet\n");
	return 1;
}
