/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

/* placeholder so the library is never empty; the solver replaces it */
int roster_solver_version_placeholder(void);

int
roster_solver_version_placeholder(void)
{
	return 1;
}
