/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterPersonView: one volunteer's month in the roster shown (their shifts, hours and
 * rule breaks), with a searchable picker of the volunteers */

#pragma once

#include <adwaita.h>

#include "roster-week-grid.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_PERSON_VIEW (roster_person_view_get_type())
G_DECLARE_FINAL_TYPE(RosterPersonView, roster_person_view, ROSTER, PERSON_VIEW, AdwWindow)

RosterPersonView *
roster_person_view_new(GtkWindow *parent);
void
roster_person_view_set_data(RosterPersonView *self, const RosterGridData *data);
void
roster_person_view_set_volunteer(RosterPersonView *self, gint64 volunteer_id);
gint64
roster_person_view_get_volunteer(RosterPersonView *self);
guint
roster_person_view_get_n_shifts(RosterPersonView *self);
guint
roster_person_view_get_minutes(RosterPersonView *self);
guint
roster_person_view_get_n_rule_breaks(RosterPersonView *self);

G_END_DECLS
