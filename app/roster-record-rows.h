/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* typed readers of the rows the pages list but do not edit: the hours report, the
 * honour roll, promotion candidates, attendance, a day's shifts and a week's demand */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-item.h"
#include "roster-roster.h"

G_BEGIN_DECLS

/**
 * RosterHoursColumn:
 * @ROSTER_HOURS_COLUMN_PERIOD: the period, e.g. `2026-12`
 * @ROSTER_HOURS_COLUMN_COUNSELLOR_NO: the volunteer's counsellor number
 * @ROSTER_HOURS_COLUMN_NAME: the volunteer's name
 * @ROSTER_HOURS_COLUMN_SERVICE_HOURS: service hours in the period
 * @ROSTER_HOURS_COLUMN_TRAINING_HOURS: training hours in the period
 * @ROSTER_HOURS_COLUMN_AVERAGE_RATING: the average rating, if any
 * @ROSTER_HOURS_COLUMN_NO_SHOWS: shifts not turned up for
 * @ROSTER_HOURS_COLUMN_STARS: the star level, which the page works out over all periods
 *
 * The columns of the hours report.
 */
typedef enum {
	ROSTER_HOURS_COLUMN_PERIOD,
	ROSTER_HOURS_COLUMN_COUNSELLOR_NO,
	ROSTER_HOURS_COLUMN_NAME,
	ROSTER_HOURS_COLUMN_SERVICE_HOURS,
	ROSTER_HOURS_COLUMN_TRAINING_HOURS,
	ROSTER_HOURS_COLUMN_AVERAGE_RATING,
	ROSTER_HOURS_COLUMN_NO_SHOWS,
	ROSTER_HOURS_COLUMN_STARS,
} RosterHoursColumn;

gchar *
roster_hours_row_dup_text(RosterItem *row, RosterHoursColumn column);
gint
roster_hours_row_compare(RosterItem *a, RosterItem *b, RosterHoursColumn column);
const gchar *
roster_hours_row_get_period(RosterItem *row);
const gchar *
roster_hours_row_get_name(RosterItem *row);
gint64
roster_hours_row_get_volunteer_id(RosterItem *row);
gdouble
roster_hours_row_get_service_hours(RosterItem *row);

gint64
roster_honour_row_get_rank(RosterItem *row);
gint64
roster_honour_row_get_stars(RosterItem *row);
gchar *
roster_honour_row_dup_hours_text(RosterItem *row);

gint64
roster_candidate_get_volunteer_id(RosterItem *candidate);
const gchar *
roster_candidate_get_from_tier(RosterItem *candidate);
const gchar *
roster_candidate_get_to_tier(RosterItem *candidate);
gchar *
roster_candidate_dup_evidence_text(RosterItem *candidate);

const gchar *
roster_attendance_find_status(GListModel *attendance, gint64 assignment_id);

RosterItem *
roster_shift_new(const RosterAssignment *assignment, const gchar *status);
const gchar *
roster_shift_get_slot(RosterItem *shift);
gint64
roster_shift_get_seat_class_id(RosterItem *shift);
gint64
roster_shift_get_volunteer_id(RosterItem *shift);
const gchar *
roster_shift_get_status(RosterItem *shift);

/**
 * RosterDemandWeek:
 *
 * The seats each slot of some days needs, as the daemon resolves its demand rules.
 */
typedef struct _RosterDemandWeek RosterDemandWeek;

RosterDemandWeek *
roster_demand_week_new(JsonNode *node);
void
roster_demand_week_free(RosterDemandWeek *week);
const GDate *
roster_demand_week_get_first_day(const RosterDemandWeek *week);
guint
roster_demand_week_get_n_days(const RosterDemandWeek *week);
guint
roster_demand_week_get_n_slots(const RosterDemandWeek *week);
const gchar *
roster_demand_week_get_slot(const RosterDemandWeek *week, guint slot);
gint64
roster_demand_week_get_seats(const RosterDemandWeek *week, guint day, guint slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterDemandWeek, roster_demand_week_free)

G_END_DECLS
