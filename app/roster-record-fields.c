/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the record kinds the app's forms edit, read from list items and written as request
 * bodies: the only place of the app that spells their JSON keys */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-record-fields.h"

/* in the order of RosterField */
static const gchar *field_keys[] = {
    NULL,
    ROSTER_KEY_NAME,
    ROSTER_KEY_CODE,
    ROSTER_KEY_COUNSELLOR_NO,
    ROSTER_KEY_TIER,
    ROSTER_KEY_MODES,
    ROSTER_KEY_PHONE,
    ROSTER_KEY_EMAIL,
    ROSTER_KEY_MAX_SHIFTS_MONTH,
    ROSTER_KEY_ACTIVE,
    ROSTER_KEY_TRAINEE_PLACES,
    ROSTER_KEY_MIN_SEATS,
    ROSTER_KEY_SEAT_CLASS_ID,
    ROSTER_KEY_WEEKDAYS,
    ROSTER_KEY_WEEKDAY,
    ROSTER_KEY_DATE,
    ROSTER_KEY_DATE_FROM,
    ROSTER_KEY_DATE_TO,
    ROSTER_KEY_START,
    ROSTER_KEY_END,
    ROSTER_KEY_SEATS,
    ROSTER_KEY_NOTE,
    ROSTER_KEY_KIND,
    ROSTER_KEY_VOLUNTEER_ID,
    ROSTER_KEY_HOURS,
    ROSTER_KEY_VERIFIED_BY,
    ROSTER_KEY_DIMENSION,
    ROSTER_KEY_SCORE,
};

G_STATIC_ASSERT(G_N_ELEMENTS(field_keys) == ROSTER_FIELD_SCORE + 1);

/**
 * roster_field_from_key:
 * @key: (nullable): a member as the daemon names it, e.g. the field of a 422
 *
 * Returns: the form's field, or %ROSTER_FIELD_UNKNOWN
 *
 * Since: 0.1
 */
RosterField
roster_field_from_key(const gchar *key)
{
	for (guint i = 1; key != NULL && i < G_N_ELEMENTS(field_keys); i++) {
		if (g_strcmp0(field_keys[i], key) == 0)
			return (RosterField)i;
	}
	return ROSTER_FIELD_UNKNOWN;
}

static const gchar *tiers[] = {ROSTER_TIER_TRAINEE,
			       ROSTER_TIER_COUNSELLOR,
			       ROSTER_TIER_SENIOR,
			       ROSTER_TIER_EXPERT,
			       NULL};
static const gchar *modes[] = {ROSTER_MODE_ON_SITE, ROSTER_MODE_CLOUD, NULL};
static const gchar *availability_kinds[] = {ROSTER_AVAILABILITY_UNAVAILABLE,
					    ROSTER_AVAILABILITY_PREFERRED,
					    ROSTER_AVAILABILITY_AVOID,
					    NULL};
static const gchar *training_kinds[] = {ROSTER_TRAINING_PRE_JOB,
					ROSTER_TRAINING_SUPERVISION,
					ROSTER_TRAINING_CONTINUING,
					NULL};
static const gchar *dimensions[] = {"quality-review", "caller-satisfaction", NULL};

/* in the order of RosterChoice, each with the item a form starts at */
static const struct {
	const gchar *const *values;
	guint fallback;
} choices[] = {
    {tiers, 1},
    {modes, 0},
    {availability_kinds, 0},
    {training_kinds, 0},
    {dimensions, 0},
};

/* how many values a combo row of @choice offers */
guint
roster_choice_get_n_values(RosterChoice choice)
{
	g_return_val_if_fail((guint)choice < G_N_ELEMENTS(choices), 0);
	return g_strv_length((gchar **)choices[choice].values);
}

/**
 * roster_choice_get_value:
 * @choice: a list of values
 * @index: the item a combo row shows
 *
 * Returns: the value of @index, or the choice's default one when @index is out of range
 *
 * Since: 0.1
 */
const gchar *
roster_choice_get_value(RosterChoice choice, guint index)
{
	g_return_val_if_fail((guint)choice < G_N_ELEMENTS(choices), NULL);
	if (index >= roster_choice_get_n_values(choice))
		index = choices[choice].fallback;
	return choices[choice].values[index];
}

/**
 * roster_choice_get_index:
 * @choice: a list of values
 * @value: (nullable): a value as the API spells it
 *
 * Returns: the item of @value, or the choice's default one for an unknown value
 *
 * Since: 0.1
 */
guint
roster_choice_get_index(RosterChoice choice, const gchar *value)
{
	const gchar *const *values;

	g_return_val_if_fail((guint)choice < G_N_ELEMENTS(choices), 0);
	values = choices[choice].values;
	for (guint i = 0; value != NULL && values[i] != NULL; i++) {
		if (g_strcmp0(values[i], value) == 0)
			return i;
	}
	return choices[choice].fallback;
}

static const gchar *
item_string(RosterItem *item, const gchar *key, const gchar *fallback)
{
	const gchar *value = item != NULL ? roster_item_get_string(item, key) : NULL;
	return value != NULL ? value : fallback;
}

static gint64
item_int(RosterItem *item, const gchar *key, gint64 fallback)
{
	return item != NULL ? roster_item_get_int(item, key, fallback) : fallback;
}

/* an array member, or NULL when it is missing, null or no array */
static JsonArray *
item_array(RosterItem *item, const gchar *key)
{
	JsonNode *node = item != NULL ? json_object_get_member(roster_item_get_object(item), key)
				      : NULL;
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
}

static void
add_string(JsonBuilder *builder, const gchar *key, const gchar *value)
{
	json_builder_set_member_name(builder, key);
	json_builder_add_string_value(builder, value != NULL ? value : "");
}

static void
add_int(JsonBuilder *builder, const gchar *key, gint64 value)
{
	json_builder_set_member_name(builder, key);
	json_builder_add_int_value(builder, value);
}

static void
add_boolean(JsonBuilder *builder, const gchar *key, gboolean value)
{
	json_builder_set_member_name(builder, key);
	json_builder_add_boolean_value(builder, value);
}

/* opens a body, with the revision the user saw when it changes a record */
static JsonBuilder *
begin_body(gint64 revision)
{
	JsonBuilder *builder = json_builder_new();

	json_builder_begin_object(builder);
	if (revision > 0)
		add_int(builder, ROSTER_KEY_REVISION, revision);
	return builder;
}

static JsonNode *
end_body(JsonBuilder *builder)
{
	g_autoptr(JsonBuilder) owned = builder;

	json_builder_end_object(owned);
	return json_builder_get_root(owned);
}

/**
 * roster_volunteer_fields_read:
 * @fields: the fields to set
 * @item: (nullable): a volunteer, or %NULL for the defaults of a new one (a counsellor
 *   on site, twelve shifts a month, active)
 *
 * Since: 0.1
 */
void
roster_volunteer_fields_read(RosterVolunteerFields *fields, RosterItem *item)
{
	JsonArray *array = item_array(item, ROSTER_KEY_MODES);

	fields->name = item_string(item, ROSTER_KEY_NAME, "");
	fields->counsellor_no = item_string(item, ROSTER_KEY_COUNSELLOR_NO, "");
	fields->tier = item_string(item, ROSTER_KEY_TIER, ROSTER_TIER_COUNSELLOR);
	fields->on_site = item == NULL;
	fields->cloud = FALSE;
	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		const gchar *mode = json_array_get_string_element(array, i);
		fields->on_site |= g_strcmp0(mode, ROSTER_MODE_ON_SITE) == 0;
		fields->cloud |= g_strcmp0(mode, ROSTER_MODE_CLOUD) == 0;
	}
	fields->phone = item_string(item, ROSTER_KEY_PHONE, "");
	fields->email = item_string(item, ROSTER_KEY_EMAIL, "");
	fields->max_shifts_month = item_int(item, ROSTER_KEY_MAX_SHIFTS_MONTH, 12);
	fields->active = item != NULL ? roster_item_get_boolean(item, ROSTER_KEY_ACTIVE, TRUE)
				      : TRUE;
}

/**
 * roster_volunteer_fields_to_json:
 * @fields: a volunteer
 * @revision: the revision the user saw, or 0 for a new volunteer
 *
 * Returns: (transfer full): the body that creates or changes the volunteer
 *
 * Since: 0.1
 */
JsonNode *
roster_volunteer_fields_to_json(const RosterVolunteerFields *fields, gint64 revision)
{
	JsonBuilder *builder = begin_body(revision);

	add_string(builder, ROSTER_KEY_NAME, fields->name);
	add_string(builder, ROSTER_KEY_COUNSELLOR_NO, fields->counsellor_no);
	add_string(builder, ROSTER_KEY_TIER, fields->tier);
	json_builder_set_member_name(builder, ROSTER_KEY_MODES);
	json_builder_begin_array(builder);
	if (fields->on_site)
		json_builder_add_string_value(builder, ROSTER_MODE_ON_SITE);
	if (fields->cloud)
		json_builder_add_string_value(builder, ROSTER_MODE_CLOUD);
	json_builder_end_array(builder);
	if (fields->phone != NULL && fields->phone[0] != '\0')
		add_string(builder, ROSTER_KEY_PHONE, fields->phone);
	if (fields->email != NULL && fields->email[0] != '\0')
		add_string(builder, ROSTER_KEY_EMAIL, fields->email);
	add_int(builder, ROSTER_KEY_MAX_SHIFTS_MONTH, fields->max_shifts_month);
	add_boolean(builder, ROSTER_KEY_ACTIVE, fields->active);
	return end_body(builder);
}

/**
 * roster_seat_class_fields_read:
 * @fields: the fields to set
 * @item: (nullable): a seat class, or %NULL for the defaults of a new one (on site,
 *   from counsellor, no trainee place, one seat kept under shortage)
 *
 * Since: 0.1
 */
void
roster_seat_class_fields_read(RosterSeatClassFields *fields, RosterItem *item)
{
	fields->code = item_string(item, ROSTER_KEY_CODE, "");
	fields->name = item_string(item, ROSTER_KEY_NAME, "");
	fields->mode = item_string(item, ROSTER_KEY_MODE, ROSTER_MODE_ON_SITE);
	fields->min_tier = item_string(item, ROSTER_KEY_MIN_TIER, ROSTER_TIER_COUNSELLOR);
	fields->crisis = item != NULL && roster_item_get_boolean(item, ROSTER_KEY_CRISIS, FALSE);
	fields->trainee_places = item_int(item, ROSTER_KEY_TRAINEE_PLACES, 0);
	/* no minimum stored means the line's default of one seat */
	fields->min_seats = item_int(item, ROSTER_KEY_MIN_SEATS, 1);
}

/**
 * roster_seat_class_fields_to_json:
 * @fields: a seat class
 * @revision: the revision the user saw, or 0 for a new seat class
 *
 * Returns: (transfer full): the body that creates or changes the seat class
 *
 * Since: 0.1
 */
JsonNode *
roster_seat_class_fields_to_json(const RosterSeatClassFields *fields, gint64 revision)
{
	JsonBuilder *builder = begin_body(revision);

	add_string(builder, ROSTER_KEY_CODE, fields->code);
	add_string(builder, ROSTER_KEY_NAME, fields->name);
	add_string(builder, ROSTER_KEY_MODE, fields->mode);
	add_string(builder, ROSTER_KEY_MIN_TIER, fields->min_tier);
	add_boolean(builder, ROSTER_KEY_CRISIS, fields->crisis);
	add_int(builder, ROSTER_KEY_TRAINEE_PLACES, fields->trainee_places);
	add_int(builder, ROSTER_KEY_MIN_SEATS, fields->min_seats);
	return end_body(builder);
}

/**
 * roster_demand_rule_fields_read:
 * @fields: the fields to set
 * @item: (nullable): a demand rule, or %NULL for the defaults of a new one (every
 *   day, 19:00 to 02:00, one seat)
 *
 * Since: 0.1
 */
void
roster_demand_rule_fields_read(RosterDemandRuleFields *fields, RosterItem *item)
{
	JsonArray *weekdays = item_array(item, ROSTER_KEY_WEEKDAYS);

	fields->seat_class_id = item_int(item, ROSTER_KEY_SEAT_CLASS_ID, 0);
	fields->weekdays = 0;
	for (guint i = 0; weekdays != NULL && i < json_array_get_length(weekdays); i++) {
		gint64 day = json_array_get_int_element(weekdays, i);
		if (day >= 1 && day <= 7)
			fields->weekdays |= 1u << (day - 1);
	}
	fields->date_from = item_string(item, ROSTER_KEY_DATE_FROM, NULL);
	fields->date_to = item_string(item, ROSTER_KEY_DATE_TO, NULL);
	fields->start = item_string(item, ROSTER_KEY_START, item != NULL ? NULL : "19:00");
	fields->end = item_string(item, ROSTER_KEY_END, item != NULL ? NULL : "02:00");
	fields->seats = item_int(item, ROSTER_KEY_SEATS, 1);
	fields->note = item_string(item, ROSTER_KEY_NOTE, NULL);
}

/**
 * roster_demand_rule_fields_to_json:
 * @fields: a demand rule
 * @revision: the revision the user saw, or 0 for a new rule
 *
 * Returns: (transfer full): the body that creates or changes the rule
 *
 * Since: 0.1
 */
JsonNode *
roster_demand_rule_fields_to_json(const RosterDemandRuleFields *fields, gint64 revision)
{
	JsonBuilder *builder = begin_body(revision);

	add_int(builder, ROSTER_KEY_SEAT_CLASS_ID, fields->seat_class_id);
	json_builder_set_member_name(builder, ROSTER_KEY_WEEKDAYS);
	json_builder_begin_array(builder);
	for (guint d = 0; d < 7; d++) {
		if (fields->weekdays & (1u << d))
			json_builder_add_int_value(builder, (gint64)d + 1);
	}
	json_builder_end_array(builder);
	roster_client_add_nullable_string(builder, ROSTER_KEY_DATE_FROM, fields->date_from);
	roster_client_add_nullable_string(builder, ROSTER_KEY_DATE_TO, fields->date_to);
	add_string(builder, ROSTER_KEY_START, fields->start);
	add_string(builder, ROSTER_KEY_END, fields->end);
	add_int(builder, ROSTER_KEY_SEATS, fields->seats);
	roster_client_add_nullable_string(builder, ROSTER_KEY_NOTE, fields->note);
	return end_body(builder);
}

/**
 * roster_availability_fields_read:
 * @fields: the fields to set
 * @item: (nullable): an availability entry, or %NULL for the defaults of a new one
 *   (unavailable every Monday, all day)
 *
 * Since: 0.1
 */
void
roster_availability_fields_read(RosterAvailabilityFields *fields, RosterItem *item)
{
	fields->kind = item_string(item, ROSTER_KEY_KIND, ROSTER_AVAILABILITY_UNAVAILABLE);
	fields->date = item_string(item, ROSTER_KEY_DATE, NULL);
	fields->weekday = fields->date != NULL ? 0 : item_int(item, ROSTER_KEY_WEEKDAY, 1);
	fields->start = item_string(item, ROSTER_KEY_START, NULL);
	fields->end = item_string(item, ROSTER_KEY_END, NULL);
	fields->note = item_string(item, ROSTER_KEY_NOTE, NULL);
}

/**
 * roster_availability_fields_to_json:
 * @fields: an availability entry
 * @revision: the revision the user saw, or 0 for a new entry
 *
 * Returns: (transfer full): the body that creates or changes the entry
 *
 * Since: 0.1
 */
JsonNode *
roster_availability_fields_to_json(const RosterAvailabilityFields *fields, gint64 revision)
{
	JsonBuilder *builder = begin_body(revision);

	add_string(builder, ROSTER_KEY_KIND, fields->kind);
	json_builder_set_member_name(builder, ROSTER_KEY_WEEKDAY);
	if (fields->weekday > 0)
		json_builder_add_int_value(builder, fields->weekday);
	else
		json_builder_add_null_value(builder);
	roster_client_add_nullable_string(builder,
					  ROSTER_KEY_DATE,
					  fields->weekday > 0 ? NULL : fields->date);
	roster_client_add_nullable_string(builder, ROSTER_KEY_START, fields->start);
	roster_client_add_nullable_string(builder, ROSTER_KEY_END, fields->end);
	roster_client_add_nullable_string(builder, ROSTER_KEY_NOTE, fields->note);
	return end_body(builder);
}

/**
 * roster_training_fields_read:
 * @fields: the fields to set
 * @item: a training record
 *
 * Since: 0.1
 */
void
roster_training_fields_read(RosterTrainingFields *fields, RosterItem *item)
{
	JsonNode *hours = json_object_get_member(roster_item_get_object(item), ROSTER_KEY_HOURS);

	fields->volunteer_id = roster_item_get_int(item, ROSTER_KEY_VOLUNTEER_ID, 0);
	fields->date = item_string(item, ROSTER_KEY_DATE, "");
	fields->kind = item_string(item, ROSTER_KEY_KIND, NULL);
	fields->hours = hours != NULL && JSON_NODE_HOLDS_VALUE(hours) ? json_node_get_double(hours)
								      : 0.0;
	fields->verified_by = item_string(item, ROSTER_KEY_VERIFIED_BY, NULL);
}

/**
 * roster_training_fields_to_json:
 * @fields: a training record
 *
 * Returns: (transfer full): the body that adds the record
 *
 * Since: 0.1
 */
JsonNode *
roster_training_fields_to_json(const RosterTrainingFields *fields)
{
	JsonBuilder *builder = begin_body(0);

	add_int(builder, ROSTER_KEY_VOLUNTEER_ID, fields->volunteer_id);
	add_string(builder, ROSTER_KEY_DATE, fields->date);
	add_string(builder, ROSTER_KEY_KIND, fields->kind);
	json_builder_set_member_name(builder, ROSTER_KEY_HOURS);
	json_builder_add_double_value(builder, fields->hours);
	roster_client_add_nullable_string(builder, ROSTER_KEY_VERIFIED_BY, fields->verified_by);
	return end_body(builder);
}

/**
 * roster_rating_fields_read:
 * @fields: the fields to set
 * @item: a rating
 *
 * Since: 0.1
 */
void
roster_rating_fields_read(RosterRatingFields *fields, RosterItem *item)
{
	fields->volunteer_id = roster_item_get_int(item, ROSTER_KEY_VOLUNTEER_ID, 0);
	fields->date = item_string(item, ROSTER_KEY_DATE, "");
	fields->dimension = item_string(item, ROSTER_KEY_DIMENSION, "");
	fields->score = roster_item_get_int(item, ROSTER_KEY_SCORE, 0);
	fields->note = item_string(item, ROSTER_KEY_NOTE, NULL);
}

/**
 * roster_rating_fields_to_json:
 * @fields: a rating
 *
 * Returns: (transfer full): the body that adds the rating
 *
 * Since: 0.1
 */
JsonNode *
roster_rating_fields_to_json(const RosterRatingFields *fields)
{
	JsonBuilder *builder = begin_body(0);

	add_int(builder, ROSTER_KEY_VOLUNTEER_ID, fields->volunteer_id);
	add_string(builder, ROSTER_KEY_DATE, fields->date);
	add_string(builder, ROSTER_KEY_DIMENSION, fields->dimension);
	add_int(builder, ROSTER_KEY_SCORE, fields->score);
	roster_client_add_nullable_string(builder, ROSTER_KEY_NOTE, fields->note);
	return end_body(builder);
}

/**
 * roster_attendance_body_new:
 * @roster_id: the roster
 * @assignment_id: the shift
 * @status: attended, late or no-show
 * @late_minutes: how late, sent only with the late status
 *
 * Returns: (transfer full): the body that records a shift's attendance
 *
 * Since: 0.1
 */
JsonNode *
roster_attendance_body_new(gint64 roster_id,
			   gint64 assignment_id,
			   const gchar *status,
			   gint64 late_minutes)
{
	JsonBuilder *builder = begin_body(0);

	add_int(builder, ROSTER_KEY_ROSTER_ID, roster_id);
	add_int(builder, ROSTER_KEY_ASSIGNMENT_ID, assignment_id);
	add_string(builder, ROSTER_KEY_STATUS, status);
	if (g_strcmp0(status, ROSTER_STATUS_LATE) == 0)
		add_int(builder, ROSTER_KEY_LATE_MINUTES, late_minutes);
	return end_body(builder);
}

/* the body that confirms every shift of a day of a roster as attended */
JsonNode *
roster_attendance_day_body_new(gint64 roster_id, const gchar *date)
{
	JsonBuilder *builder = begin_body(0);

	add_int(builder, ROSTER_KEY_ROSTER_ID, roster_id);
	add_string(builder, ROSTER_KEY_DATE, date);
	return end_body(builder);
}

/* the body that promotes a volunteer to a tier */
JsonNode *
roster_promotion_body_new(gint64 volunteer_id, const gchar *to_tier)
{
	JsonBuilder *builder = begin_body(0);

	add_int(builder, ROSTER_KEY_VOLUNTEER_ID, volunteer_id);
	add_string(builder, ROSTER_KEY_TO_TIER, to_tier);
	return end_body(builder);
}

/* a training record's kind in the user's language */
const gchar *
roster_training_kind_to_label(const gchar *kind)
{
	if (g_strcmp0(kind, ROSTER_TRAINING_PRE_JOB) == 0)
		return _("pre-job training");
	if (g_strcmp0(kind, ROSTER_TRAINING_SUPERVISION) == 0)
		return _("case supervision");
	if (g_strcmp0(kind, ROSTER_TRAINING_CONTINUING) == 0)
		return _("continuing training");
	return kind != NULL ? kind : "";
}
