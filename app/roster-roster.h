/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-item.h"

G_BEGIN_DECLS

/**
 * RosterCell:
 * @date: the day, `YYYY-MM-DD`
 * @slot: the slot's start, `HH:MM`
 * @seat_class_id: the seat class
 *
 * One seat of the roster grid: a day, a slot and a seat class.
 */
typedef struct {
	gchar date[11];
	gchar slot[6];
	gint64 seat_class_id;
} RosterCell;

void
roster_cell_init(RosterCell *cell, const gchar *date, const gchar *slot, gint64 seat_class_id);

/**
 * RosterAssignment:
 * @id: the assignment
 * @volunteer_id: who sits there
 * @cell: the seat
 * @pinned: whether the solver keeps it
 * @confirmed: whether its volunteer confirmed the published shift as it now is
 *
 * One filled seat of a roster.
 */
typedef struct {
	gint64 id;
	gint64 volunteer_id;
	RosterCell cell;
	gboolean pinned;
	gboolean confirmed;
} RosterAssignment;

#define ROSTER_TYPE_ROSTER (roster_roster_get_type())
G_DECLARE_FINAL_TYPE(RosterRoster, roster_roster, ROSTER, ROSTER, GObject)

RosterRoster *
roster_roster_new(JsonObject *object);
gint64
roster_roster_get_id(RosterRoster *self);
gint64
roster_roster_get_revision(RosterRoster *self);
const gchar *
roster_roster_get_name(RosterRoster *self);
gboolean
roster_roster_get_published(RosterRoster *self);
const gchar *
roster_roster_get_period_start(RosterRoster *self);
const gchar *
roster_roster_get_period_end(RosterRoster *self);
gboolean
roster_roster_contains_date(RosterRoster *self, const gchar *date);
gboolean
roster_roster_get_score(RosterRoster *self, gint64 *required, gint64 *objective);
guint
roster_roster_get_n_assignments(RosterRoster *self);
const RosterAssignment *
roster_roster_get_assignment(RosterRoster *self, guint index);
const RosterAssignment *
roster_roster_find_assignment(RosterRoster *self, gint64 assignment_id);
gint64
roster_roster_find_assignment_of(RosterRoster *self,
				 const gchar *date,
				 const gchar *slot,
				 gint64 volunteer_id);

gint64
roster_summary_get_n_versions(RosterItem *roster);
gboolean
roster_summary_get_published(RosterItem *roster);
gboolean
roster_summary_contains_date(RosterItem *roster, const gchar *date);
gint64
roster_version_get_number(RosterItem *version);
const gchar *
roster_version_get_created(RosterItem *version);
const gchar *
roster_version_get_actor(RosterItem *version);
gint64
roster_change_get_volunteer_id(RosterItem *change);
GArray *
roster_change_dup_cells(RosterItem *change, gboolean added);

guint
roster_calendar_get_slot_minutes(RosterItem *calendar);
guint
roster_calendar_get_first_slot_start(RosterItem *calendar);

G_END_DECLS
