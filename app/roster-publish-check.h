/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what the publish view checks before a version goes out: the first version's changes
 * for everyone, and the uncovered crisis seats and broken rules to warn about */

#pragma once

#include "roster-explanation.h"
#include "roster-roster.h"

G_BEGIN_DECLS

GPtrArray *
roster_publish_dup_first_changes(RosterRoster *roster);
GPtrArray *
roster_publish_dup_warnings(JsonArray *explanations,
			    RosterItemList *seat_classes,
			    RosterItemList *volunteers,
			    guint *n_crisis_seats,
			    guint *n_broken_rules);
gchar *
roster_publish_dup_warning_text(guint n_crisis_seats, guint n_broken_rules);

G_END_DECLS
