/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-constraint.h"

static const RosterConstraintClass *const all_classes[] = {
    &roster_constraint_cover,
    &roster_constraint_requests,
    &roster_constraint_shift_limits,
    &roster_constraint_minutes,
    &roster_constraint_consecutive,
    &roster_constraint_weekends,
    &roster_constraint_days_off,
    &roster_constraint_successions,
    &roster_constraint_forbidden,
    &roster_constraint_weekly,
    &roster_constraint_pairing,
    &roster_constraint_fairness,
    &roster_constraint_min_shifts,
    &roster_constraint_nights,
    NULL,
};

/**
 * roster_constraint_get_all:
 *
 * Returns: (transfer none): the constraint kinds, NULL-terminated
 */
const RosterConstraintClass *const *
roster_constraint_get_all(void)
{
	return all_classes;
}
