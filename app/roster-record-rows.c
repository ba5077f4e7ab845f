/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the rows of the reports, the records page's lists and the seats preview, read
 * through typed functions so that the pages spell no JSON key */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-record-rows.h"

/* in the order of RosterHoursColumn; the star column is the page's */
static const gchar *hours_keys[] = {
    ROSTER_KEY_PERIOD,
    ROSTER_KEY_COUNSELLOR_NO,
    ROSTER_KEY_NAME,
    ROSTER_KEY_SERVICE_HOURS,
    ROSTER_KEY_TRAINING_HOURS,
    ROSTER_KEY_AVERAGE_RATING,
    ROSTER_KEY_NO_SHOWS,
    NULL,
};

G_STATIC_ASSERT(G_N_ELEMENTS(hours_keys) == ROSTER_HOURS_COLUMN_STARS + 1);

/* a cell's text: numbers with one decimal when they have one, a dash for null */
static gchar *
dup_member_text(RosterItem *item, const gchar *key)
{
	JsonNode *node = json_object_get_member(roster_item_get_object(item), key);

	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return g_strdup("–");
	if (json_node_get_value_type(node) == G_TYPE_STRING)
		return g_strdup(json_node_get_string(node));
	if (json_node_get_value_type(node) == G_TYPE_INT64)
		return g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(node));
	if (json_node_get_value_type(node) == G_TYPE_DOUBLE)
		return g_strdup_printf("%.1f", json_node_get_double(node));
	return g_strdup("–");
}

/**
 * roster_hours_row_dup_text:
 * @row: a row of the hours report
 * @column: a column other than the stars
 *
 * Returns: (transfer full): the cell's text: numbers with one decimal when they have
 *   one, a dash for a missing or null value
 *
 * Since: 0.1
 */
gchar *
roster_hours_row_dup_text(RosterItem *row, RosterHoursColumn column)
{
	g_return_val_if_fail((guint)column < ROSTER_HOURS_COLUMN_STARS, NULL);
	return dup_member_text(row, hours_keys[column]);
}

/**
 * roster_hours_row_compare:
 * @a: a row of the hours report
 * @b: another
 * @column: a column other than the stars
 *
 * Returns: how @a sorts against @b in @column: numbers by value (a missing one first),
 *   text in the user's collation
 *
 * Since: 0.4
 */
gint
roster_hours_row_compare(RosterItem *a, RosterItem *b, RosterHoursColumn column)
{
	const gchar *key;
	gdouble x;
	gdouble y;

	g_return_val_if_fail((guint)column < ROSTER_HOURS_COLUMN_STARS, 0);
	key = hours_keys[column];
	if (column < ROSTER_HOURS_COLUMN_SERVICE_HOURS) {
		const gchar *s = roster_item_get_string(a, key);
		const gchar *t = roster_item_get_string(b, key);
		return g_utf8_collate(s != NULL ? s : "", t != NULL ? t : "");
	}
	x = roster_item_get_double(a, key, -1);
	y = roster_item_get_double(b, key, -1);
	return x < y ? -1 : x > y ? 1 : 0;
}

/* a row of the hours report: its period, e.g. 2026-12, or NULL */
const gchar *
roster_hours_row_get_period(RosterItem *row)
{
	return roster_item_get_string(row, ROSTER_KEY_PERIOD);
}

/* a row of the hours report or the honour roll: the name, or NULL when hidden */
const gchar *
roster_hours_row_get_name(RosterItem *row)
{
	return roster_item_get_string(row, ROSTER_KEY_NAME);
}

gint64
roster_hours_row_get_volunteer_id(RosterItem *row)
{
	return roster_item_get_int(row, ROSTER_KEY_VOLUNTEER_ID, 0);
}

gdouble
roster_hours_row_get_service_hours(RosterItem *row)
{
	return roster_item_get_double(row, ROSTER_KEY_SERVICE_HOURS, 0);
}

/* a line of the honour roll: its rank, from 1 */
gint64
roster_honour_row_get_rank(RosterItem *row)
{
	return roster_item_get_int(row, ROSTER_KEY_RANK, 0);
}

/* a line of the honour roll: the stars the daemon gave */
gint64
roster_honour_row_get_stars(RosterItem *row)
{
	return roster_item_get_int(row, ROSTER_KEY_STARS, 0);
}

/* a line of the honour roll: its service hours as text */
gchar *
roster_honour_row_dup_hours_text(RosterItem *row)
{
	return dup_member_text(
	    row,
	    json_object_has_member(roster_item_get_object(row), ROSTER_KEY_SERVICE_HOURS)
		? ROSTER_KEY_SERVICE_HOURS
		: ROSTER_KEY_HOURS);
}

gint64
roster_candidate_get_volunteer_id(RosterItem *candidate)
{
	return roster_item_get_int(candidate, ROSTER_KEY_VOLUNTEER_ID, 0);
}

const gchar *
roster_candidate_get_from_tier(RosterItem *candidate)
{
	return roster_item_get_string(candidate, ROSTER_KEY_FROM_TIER);
}

const gchar *
roster_candidate_get_to_tier(RosterItem *candidate)
{
	return roster_item_get_string(candidate, ROSTER_KEY_TO_TIER);
}

static const gchar *
evidence_label(const gchar *key)
{
	if (g_strcmp0(key, ROSTER_KEY_SERVICE_HOURS) == 0)
		return _("service hours");
	if (g_strcmp0(key, ROSTER_KEY_TRAINING_HOURS) == 0)
		return _("training hours");
	if (g_strcmp0(key, ROSTER_KEY_PRE_JOB_HOURS) == 0)
		return _("pre-job training hours");
	if (g_strcmp0(key, ROSTER_KEY_SUPERVISION_HOURS) == 0)
		return _("supervision hours");
	if (g_strcmp0(key, ROSTER_KEY_AVERAGE_RATING) == 0)
		return _("average rating");
	if (g_strcmp0(key, ROSTER_KEY_RATINGS_COUNT) == 0)
		return _("ratings");
	if (g_strcmp0(key, ROSTER_KEY_NO_SHOWS) == 0)
		return _("no-shows");
	return key;
}

/**
 * roster_candidate_dup_evidence_text:
 * @candidate: a promotion candidate
 *
 * Returns: (transfer full): the figures that make the volunteer due, each with its
 *   label in the user's language, e.g. "service hours 120, ratings 4"
 *
 * Since: 0.1
 */
gchar *
roster_candidate_dup_evidence_text(RosterItem *candidate)
{
	JsonNode *node =
	    json_object_get_member(roster_item_get_object(candidate), ROSTER_KEY_EVIDENCE);
	JsonObject *evidence =
	    node != NULL && JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
	g_autoptr(GList) members = evidence != NULL ? json_object_get_members(evidence) : NULL;
	GString *text = g_string_new(NULL);

	for (GList *l = members; l != NULL; l = l->next) {
		JsonNode *value = json_object_get_member(evidence, l->data);
		GType type;

		if (!JSON_NODE_HOLDS_VALUE(value))
			continue;
		type = json_node_get_value_type(value);
		if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
			continue;
		if (text->len > 0)
			g_string_append(text, _(", "));
		if (type == G_TYPE_DOUBLE)
			g_string_append_printf(text,
					       "%s %.1f",
					       evidence_label(l->data),
					       json_node_get_double(value));
		else
			g_string_append_printf(text,
					       "%s %" G_GINT64_FORMAT,
					       evidence_label(l->data),
					       json_node_get_int(value));
	}
	return g_string_free(text, FALSE);
}

/**
 * roster_attendance_find_status:
 * @attendance: a list of #RosterItem attendance records
 * @assignment_id: a shift
 *
 * Returns: (nullable): the status recorded for the shift: attended, late or no-show
 *
 * Since: 0.1
 */
const gchar *
roster_attendance_find_status(GListModel *attendance, gint64 assignment_id)
{
	const gchar *status = NULL;

	for (guint i = 0; attendance != NULL && i < g_list_model_get_n_items(attendance); i++) {
		g_autoptr(RosterItem) record = g_list_model_get_item(attendance, i);
		if (roster_item_get_int(record, ROSTER_KEY_ASSIGNMENT_ID, -1) == assignment_id)
			status = roster_item_get_string(record, ROSTER_KEY_STATUS);
	}
	return status;
}

/**
 * roster_shift_new:
 * @assignment: a filled seat of a roster
 * @status: (nullable): its attendance, if recorded
 *
 * Returns: (transfer full): a shift of the attendance list, whose id is the
 *   assignment's
 *
 * Since: 0.1
 */
RosterItem *
roster_shift_new(const RosterAssignment *assignment, const gchar *status)
{
	g_autoptr(JsonObject) object = json_object_new();

	json_object_set_int_member(object, ROSTER_KEY_ID, assignment->id);
	json_object_set_string_member(object, ROSTER_KEY_SLOT, assignment->cell.slot);
	json_object_set_int_member(object,
				   ROSTER_KEY_SEAT_CLASS_ID,
				   assignment->cell.seat_class_id);
	json_object_set_int_member(object, ROSTER_KEY_VOLUNTEER_ID, assignment->volunteer_id);
	if (status != NULL)
		json_object_set_string_member(object, ROSTER_KEY_STATUS, status);
	return roster_item_new(object);
}

const gchar *
roster_shift_get_slot(RosterItem *shift)
{
	return roster_item_get_string(shift, ROSTER_KEY_SLOT);
}

gint64
roster_shift_get_seat_class_id(RosterItem *shift)
{
	return roster_item_get_int(shift, ROSTER_KEY_SEAT_CLASS_ID, 0);
}

gint64
roster_shift_get_volunteer_id(RosterItem *shift)
{
	return roster_item_get_int(shift, ROSTER_KEY_VOLUNTEER_ID, 0);
}

const gchar *
roster_shift_get_status(RosterItem *shift)
{
	return roster_item_get_string(shift, ROSTER_KEY_STATUS);
}

struct _RosterDemandWeek {
	GDate first_day;
	GStrv slots;
	guint n_days;
	/* n_days × n_slots seats, summed over the seat classes */
	gint64 *seats;
};

static JsonArray *
array_element(JsonArray *array, guint index)
{
	JsonNode *node = array != NULL && index < json_array_get_length(array)
			     ? json_array_get_element(array, index)
			     : NULL;
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
}

static JsonArray *
object_array(JsonObject *object, const gchar *key)
{
	JsonNode *node = json_object_get_member(object, key);
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
}

/**
 * roster_demand_week_new:
 * @node: the answer of GET /reports/demand: `{"from", "slots": ["HH:MM", …], "seats":
 *   [[[n per seat class] per slot] per day], …}` (the engine's demand report)
 *
 * Returns: (transfer full) (nullable): the seats per day and slot, or %NULL when
 *   @node is no such answer
 *
 * Since: 0.1
 */
RosterDemandWeek *
roster_demand_week_new(JsonNode *node)
{
	JsonObject *object;
	JsonArray *slots;
	JsonArray *days;
	RosterDemandWeek *week;
	guint n_slots;

	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return NULL;
	object = json_node_get_object(node);
	slots = object_array(object, "slots");
	days = object_array(object, ROSTER_KEY_SEATS);
	if (slots == NULL || days == NULL)
		return NULL;
	week = g_new0(RosterDemandWeek, 1);
	g_date_clear(&week->first_day, 1);
	g_date_set_parse(&week->first_day,
			 json_object_get_string_member_with_default(object, ROSTER_KEY_FROM, ""));
	if (!g_date_valid(&week->first_day)) {
		roster_demand_week_free(week);
		return NULL;
	}
	n_slots = json_array_get_length(slots);
	week->slots = g_new0(gchar *, n_slots + 1);
	for (guint k = 0; k < n_slots; k++) {
		const gchar *slot = json_array_get_string_element(slots, k);
		week->slots[k] = g_strdup(slot != NULL ? slot : "");
	}
	week->n_days = json_array_get_length(days);
	week->seats = g_new0(gint64, (gsize)week->n_days * n_slots + 1);
	for (guint d = 0; d < week->n_days; d++) {
		JsonArray *per_slot = array_element(days, d);
		for (guint k = 0; k < n_slots; k++) {
			JsonArray *per_class = array_element(per_slot, k);
			for (guint c = 0; per_class != NULL && c < json_array_get_length(per_class);
			     c++)
				week->seats[d * n_slots + k] +=
				    json_array_get_int_element(per_class, c);
		}
	}
	return week;
}

void
roster_demand_week_free(RosterDemandWeek *week)
{
	if (week == NULL)
		return;
	g_strfreev(week->slots);
	g_free(week->seats);
	g_free(week);
}

/* the day the week's first column shows */
const GDate *
roster_demand_week_get_first_day(const RosterDemandWeek *week)
{
	return &week->first_day;
}

guint
roster_demand_week_get_n_days(const RosterDemandWeek *week)
{
	return week->n_days;
}

guint
roster_demand_week_get_n_slots(const RosterDemandWeek *week)
{
	return week->slots != NULL ? g_strv_length(week->slots) : 0;
}

/* a slot's start, `HH:MM` */
const gchar *
roster_demand_week_get_slot(const RosterDemandWeek *week, guint slot)
{
	g_return_val_if_fail(slot < roster_demand_week_get_n_slots(week), NULL);
	return week->slots[slot];
}

/* the seats a day (from 0) and slot need, over all seat classes */
gint64
roster_demand_week_get_seats(const RosterDemandWeek *week, guint day, guint slot)
{
	guint n_slots = roster_demand_week_get_n_slots(week);

	g_return_val_if_fail(day < week->n_days && slot < n_slots, 0);
	return week->seats[day * n_slots + slot];
}
