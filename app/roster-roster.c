/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterRoster: a roster as the daemon sends it, read once into typed fields */

#include "config.h"

#include <stdio.h>

#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-roster.h"

struct _RosterRoster {
	GObject parent_instance;
	gint64 id;
	gint64 revision;
	gchar *name;
	gchar *period_start;
	gchar *period_end;
	gboolean published;
	gboolean has_score;
	gint64 score_required;
	gint64 score_objective;
	GArray *assignments;
};

G_DEFINE_FINAL_TYPE(RosterRoster, roster_roster, G_TYPE_OBJECT)

/**
 * roster_cell_init:
 * @cell: a #RosterCell
 * @date: (nullable): the day, `YYYY-MM-DD`
 * @slot: (nullable): the slot, `HH:MM`
 * @seat_class_id: the seat class
 *
 * Fills @cell; a longer text than a day or a slot is cut.
 *
 * Since: 0.1
 */
void
roster_cell_init(RosterCell *cell, const gchar *date, const gchar *slot, gint64 seat_class_id)
{
	g_strlcpy(cell->date, date != NULL ? date : "", sizeof(cell->date));
	g_strlcpy(cell->slot, slot != NULL ? slot : "", sizeof(cell->slot));
	cell->seat_class_id = seat_class_id;
}

static void
roster_roster_finalize(GObject *object)
{
	RosterRoster *self = ROSTER_ROSTER(object);

	g_free(self->name);
	g_free(self->period_start);
	g_free(self->period_end);
	g_array_unref(self->assignments);
	G_OBJECT_CLASS(roster_roster_parent_class)->finalize(object);
}

static void
roster_roster_class_init(RosterRosterClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = roster_roster_finalize;
}

static void
roster_roster_init(RosterRoster *self)
{
	self->assignments = g_array_new(FALSE, TRUE, sizeof(RosterAssignment));
}

/**
 * roster_roster_new:
 * @object: a roster as `GET /rosters/{id}` answers it
 *
 * Returns: (transfer full): the roster, read into typed fields
 *
 * Since: 0.1
 */
RosterRoster *
roster_roster_new(JsonObject *object)
{
	RosterRoster *self = g_object_new(ROSTER_TYPE_ROSTER, NULL);
	JsonArray *assignments = (json_object_has_member(object, ROSTER_KEY_ASSIGNMENTS)
				      ? json_object_get_array_member(object, ROSTER_KEY_ASSIGNMENTS)
				      : NULL);
	JsonObject *score = (json_object_has_member(object, ROSTER_KEY_SCORE)
				 ? json_object_get_object_member(object, ROSTER_KEY_SCORE)
				 : NULL);

	self->id = json_object_get_int_member_with_default(object, ROSTER_KEY_ID, 0);
	self->revision = json_object_get_int_member_with_default(object, ROSTER_KEY_REVISION, 0);
	self->name =
	    g_strdup(json_object_get_string_member_with_default(object, ROSTER_KEY_NAME, ""));
	self->period_start = g_strdup(
	    json_object_get_string_member_with_default(object, ROSTER_KEY_PERIOD_START, ""));
	self->period_end =
	    g_strdup(json_object_get_string_member_with_default(object, ROSTER_KEY_PERIOD_END, ""));
	self->published =
	    g_strcmp0(json_object_get_string_member_with_default(object, ROSTER_KEY_STATE, NULL),
		      ROSTER_STATE_PUBLISHED) == 0;
	if (score != NULL) {
		self->has_score = TRUE;
		self->score_required =
		    json_object_get_int_member_with_default(score, ROSTER_KEY_REQUIRED, 0);
		self->score_objective =
		    json_object_get_int_member_with_default(score, ROSTER_KEY_OBJECTIVE, 0);
	}
	for (guint i = 0; assignments != NULL && i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		RosterAssignment assignment = {0};

		if (a == NULL)
			continue;
		assignment.id = json_object_get_int_member_with_default(a, ROSTER_KEY_ID, 0);
		assignment.volunteer_id =
		    json_object_get_int_member_with_default(a, ROSTER_KEY_VOLUNTEER_ID, 0);
		assignment.pinned =
		    json_object_get_boolean_member_with_default(a, ROSTER_KEY_PINNED, FALSE);
		/* a time, or null while unconfirmed */
		assignment.confirmed =
		    json_object_get_string_member_with_default(a, ROSTER_KEY_CONFIRMED_AT, NULL) !=
		    NULL;
		roster_cell_init(
		    &assignment.cell,
		    json_object_get_string_member_with_default(a, ROSTER_KEY_DATE, NULL),
		    json_object_get_string_member_with_default(a, ROSTER_KEY_SLOT, NULL),
		    json_object_get_int_member_with_default(a, ROSTER_KEY_SEAT_CLASS_ID, 0));
		g_array_append_val(self->assignments, assignment);
	}
	return self;
}

gint64
roster_roster_get_id(RosterRoster *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), 0);
	return self->id;
}

/* the revision an edit must name, so that it cannot undo someone else's */
gint64
roster_roster_get_revision(RosterRoster *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), 0);
	return self->revision;
}

const gchar *
roster_roster_get_name(RosterRoster *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), NULL);
	return self->name;
}

gboolean
roster_roster_get_published(RosterRoster *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), FALSE);
	return self->published;
}

const gchar *
roster_roster_get_period_start(RosterRoster *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), NULL);
	return self->period_start;
}

const gchar *
roster_roster_get_period_end(RosterRoster *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), NULL);
	return self->period_end;
}

/* days around the roster's month are shown in the grid but belong to no roster */
gboolean
roster_roster_contains_date(RosterRoster *self, const gchar *date)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), FALSE);
	return g_strcmp0(date, self->period_start) >= 0 && g_strcmp0(date, self->period_end) <= 0;
}

/**
 * roster_roster_get_score:
 * @self: a #RosterRoster
 * @required: (out) (optional): the seats the roster must fill
 * @objective: (out) (optional): the score the daemon last wrote
 *
 * Returns: %FALSE when the roster was never scored
 *
 * Since: 0.1
 */
gboolean
roster_roster_get_score(RosterRoster *self, gint64 *required, gint64 *objective)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), FALSE);
	if (required != NULL)
		*required = self->score_required;
	if (objective != NULL)
		*objective = self->score_objective;
	return self->has_score;
}

guint
roster_roster_get_n_assignments(RosterRoster *self)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), 0);
	return self->assignments->len;
}

const RosterAssignment *
roster_roster_get_assignment(RosterRoster *self, guint index)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), NULL);
	g_return_val_if_fail(index < self->assignments->len, NULL);
	return &g_array_index(self->assignments, RosterAssignment, index);
}

const RosterAssignment *
roster_roster_find_assignment(RosterRoster *self, gint64 assignment_id)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), NULL);
	for (guint i = 0; i < self->assignments->len; i++) {
		const RosterAssignment *a = &g_array_index(self->assignments, RosterAssignment, i);
		if (a->id == assignment_id)
			return a;
	}
	return NULL;
}

/**
 * roster_roster_find_assignment_of:
 * @self: a #RosterRoster
 * @date: the day
 * @slot: (nullable): the slot, or %NULL for any slot of the day
 * @volunteer_id: the volunteer
 *
 * Returns: the volunteer's assignment in that seat, or 0
 *
 * Since: 0.1
 */
gint64
roster_roster_find_assignment_of(RosterRoster *self,
				 const gchar *date,
				 const gchar *slot,
				 gint64 volunteer_id)
{
	g_return_val_if_fail(ROSTER_IS_ROSTER(self), 0);
	for (guint i = 0; volunteer_id > 0 && i < self->assignments->len; i++) {
		const RosterAssignment *a = &g_array_index(self->assignments, RosterAssignment, i);
		if (a->volunteer_id == volunteer_id && g_strcmp0(a->cell.date, date) == 0 &&
		    (slot == NULL || g_strcmp0(a->cell.slot, slot) == 0))
			return a->id;
	}
	return 0;
}

/* a roster of the rosters list: the versions published of it */
gint64
roster_summary_get_n_versions(RosterItem *roster)
{
	return roster_item_get_int(roster, ROSTER_KEY_N_VERSIONS, 0);
}

/* a roster of the rosters list: whether its last change is published */
gboolean
roster_summary_get_published(RosterItem *roster)
{
	return g_strcmp0(roster_item_get_string(roster, ROSTER_KEY_STATE),
			 ROSTER_STATE_PUBLISHED) == 0;
}

/* a roster of the rosters list: whether its period holds @date, `YYYY-MM-DD` */
gboolean
roster_summary_contains_date(RosterItem *roster, const gchar *date)
{
	return g_strcmp0(roster_item_get_string(roster, ROSTER_KEY_PERIOD_START), date) <= 0 &&
	       g_strcmp0(roster_item_get_string(roster, ROSTER_KEY_PERIOD_END), date) >= 0;
}

/* a published version: its number, from 1 */
gint64
roster_version_get_number(RosterItem *version)
{
	return roster_item_get_int(version, ROSTER_KEY_NUMBER, 0);
}

/* a published version: when, as the daemon wrote it, or "" */
const gchar *
roster_version_get_created(RosterItem *version)
{
	const gchar *created = roster_item_get_string(version, ROSTER_KEY_CREATED);
	return created != NULL ? created : "";
}

/* a published version: who published it, or "" */
const gchar *
roster_version_get_actor(RosterItem *version)
{
	const gchar *actor = roster_item_get_string(version, ROSTER_KEY_ACTOR);
	return actor != NULL ? actor : "";
}

/* a change of the next version: whose shifts change */
gint64
roster_change_get_volunteer_id(RosterItem *change)
{
	return roster_item_get_int(change, ROSTER_KEY_VOLUNTEER_ID, 0);
}

/**
 * roster_change_dup_cells:
 * @change: a change of the next version, from the roster's diff
 * @added: %TRUE for the shifts the volunteer gains, %FALSE for those they lose
 *
 * Returns: (transfer full) (element-type RosterCell): the shifts, as cells
 *
 * Since: 0.1
 */
GArray *
roster_change_dup_cells(RosterItem *change, gboolean added)
{
	JsonObject *object = roster_item_get_object(change);
	const gchar *key = added ? ROSTER_KEY_ADDED : ROSTER_KEY_REMOVED;
	JsonArray *shifts =
	    json_object_has_member(object, key) ? json_object_get_array_member(object, key) : NULL;
	GArray *cells = g_array_new(FALSE, TRUE, sizeof(RosterCell));

	for (guint i = 0; shifts != NULL && i < json_array_get_length(shifts); i++) {
		JsonObject *shift = json_array_get_object_element(shifts, i);
		RosterCell cell;

		if (shift == NULL)
			continue;
		roster_cell_init(
		    &cell,
		    json_object_get_string_member_with_default(shift, ROSTER_KEY_DATE, NULL),
		    json_object_get_string_member_with_default(shift, ROSTER_KEY_SLOT, NULL),
		    json_object_get_int_member_with_default(shift, ROSTER_KEY_SEAT_CLASS_ID, 0));
		g_array_append_val(cells, cell);
	}
	return cells;
}

/* the slot length of a service calendar in minutes; 3 hours when it says nothing sane */
guint
roster_calendar_get_slot_minutes(RosterItem *calendar)
{
	gint64 minutes = 180;

	if (calendar != NULL)
		minutes = roster_item_get_int(calendar, ROSTER_KEY_SLOT_MINUTES, 180);
	return minutes >= 30 && minutes <= 1440 ? (guint)minutes : 180;
}

/* the start of a service calendar's first slot, as minutes after midnight; 08:00 */
guint
roster_calendar_get_first_slot_start(RosterItem *calendar)
{
	const gchar *text = NULL;
	guint hours = 8;
	guint minutes = 0;

	if (calendar != NULL)
		text = roster_item_get_string(calendar, ROSTER_KEY_FIRST_SLOT_START);
	if (text != NULL && sscanf(text, "%2u:%2u", &hours, &minutes) == 2 && hours < 24 &&
	    minutes < 60)
		return hours * 60 + minutes;
	return 8 * 60;
}
