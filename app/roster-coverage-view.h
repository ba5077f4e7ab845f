/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the coverage report of a roster, a group of the reports view */

#pragma once

#include <adwaita.h>

#include "roster-client.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_COVERAGE_VIEW (roster_coverage_view_get_type())
G_DECLARE_FINAL_TYPE(RosterCoverageView,
		     roster_coverage_view,
		     ROSTER,
		     COVERAGE_VIEW,
		     AdwPreferencesGroup)

GtkWidget *
roster_coverage_view_new(void);
void
roster_coverage_view_set_client(RosterCoverageView *self, RosterClient *client);
void
roster_coverage_view_reload(RosterCoverageView *self);
gboolean
roster_coverage_view_get_busy(RosterCoverageView *self);
gdouble
roster_coverage_view_get_total_share(RosterCoverageView *self);

G_END_DECLS
