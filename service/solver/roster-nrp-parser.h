/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model.h"

G_BEGIN_DECLS

RosterSolverModel *
roster_nrp_parse_instance(const gchar *text, gsize len, GError **error);
RosterSolverRoster *
roster_nrp_parse_grid(const RosterSolverModel *model, const gchar *text, gsize len, GError **error);
gchar *
roster_nrp_format_grid(const RosterSolverModel *model, const RosterSolverRoster *roster);

G_END_DECLS
