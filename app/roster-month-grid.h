/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-week-grid.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_MONTH_GRID (roster_month_grid_get_type())
G_DECLARE_FINAL_TYPE(RosterMonthGrid, roster_month_grid, ROSTER, MONTH_GRID, GtkGrid)

void
roster_month_grid_show(RosterMonthGrid *self, const RosterGridData *data, const GDate *day);

G_END_DECLS
