/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the record kinds the app's forms edit, read from list items and written as request
 * bodies: the only place of the app that spells their JSON keys */

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "roster-client.h"
#include "roster-date.h"
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
    ROSTER_KEY_NIGHT_START,
    ROSTER_KEY_NIGHT_END,
    ROSTER_KEY_MANNED_WINDOWS,
    ROSTER_KEY_OVERRIDES,
};

G_STATIC_ASSERT(G_N_ELEMENTS(field_keys) == ROSTER_FIELD_OVERRIDES + 1);

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

/* how a member of a record kind is read and sent */
typedef enum {
	MEMBER_STRING,	 /* text, "" when missing */
	MEMBER_NULLABLE, /* text or %NULL; sent as null when empty */
	MEMBER_OPTIONAL, /* text, "" when missing; left out of the body when empty */
	MEMBER_INT,
	MEMBER_DOUBLE,
	MEMBER_BOOLEAN,
	MEMBER_NULLABLE_INT, /* a number, or -1 for null */
} MemberType;

/* one member of a record kind: its key, its type, where its struct keeps it and the
 * value of a new record (a string, or a number for the other types) */
typedef struct {
	const gchar *key;
	MemberType type;
	gsize offset;
	const gchar *default_string;
	gint64 default_number;
} Member;

#define MEMBER(type_name, field, key, type, string, number)                                        \
	{                                                                                          \
		key, type, G_STRUCT_OFFSET(type_name, field), string, number                       \
	}

static const Member volunteer_members[] = {
    MEMBER(RosterVolunteerFields, name, ROSTER_KEY_NAME, MEMBER_STRING, NULL, 0),
    MEMBER(RosterVolunteerFields, counsellor_no, ROSTER_KEY_COUNSELLOR_NO, MEMBER_STRING, NULL, 0),
    MEMBER(RosterVolunteerFields, tier, ROSTER_KEY_TIER, MEMBER_STRING, ROSTER_TIER_COUNSELLOR, 0),
    MEMBER(RosterVolunteerFields, phone, ROSTER_KEY_PHONE, MEMBER_OPTIONAL, NULL, 0),
    MEMBER(RosterVolunteerFields, email, ROSTER_KEY_EMAIL, MEMBER_OPTIONAL, NULL, 0),
    MEMBER(RosterVolunteerFields,
	   max_shifts_month,
	   ROSTER_KEY_MAX_SHIFTS_MONTH,
	   MEMBER_INT,
	   NULL,
	   12),
    MEMBER(RosterVolunteerFields, active, ROSTER_KEY_ACTIVE, MEMBER_BOOLEAN, NULL, TRUE),
    MEMBER(RosterVolunteerFields, team_id, ROSTER_KEY_TEAM_ID, MEMBER_NULLABLE_INT, NULL, -1),
    MEMBER(RosterVolunteerFields,
	   max_hours_week,
	   ROSTER_KEY_MAX_HOURS_WEEK,
	   MEMBER_NULLABLE_INT,
	   NULL,
	   -1),
    MEMBER(RosterVolunteerFields,
	   max_hours_month,
	   ROSTER_KEY_MAX_HOURS_MONTH,
	   MEMBER_NULLABLE_INT,
	   NULL,
	   -1),
    MEMBER(RosterVolunteerFields,
	   max_consecutive_days,
	   ROSTER_KEY_MAX_CONSECUTIVE_DAYS,
	   MEMBER_NULLABLE_INT,
	   NULL,
	   -1),
    MEMBER(RosterVolunteerFields,
	   max_nights_month,
	   ROSTER_KEY_MAX_NIGHTS_MONTH,
	   MEMBER_NULLABLE_INT,
	   NULL,
	   -1),
    MEMBER(RosterVolunteerFields,
	   min_shifts_month,
	   ROSTER_KEY_MIN_SHIFTS_MONTH,
	   MEMBER_NULLABLE_INT,
	   NULL,
	   -1),
    MEMBER(RosterVolunteerFields, note, ROSTER_KEY_NOTE, MEMBER_NULLABLE, NULL, 0),
    MEMBER(RosterVolunteerFields,
	   honour_roll_consent,
	   ROSTER_KEY_HONOUR_ROLL_CONSENT,
	   MEMBER_BOOLEAN,
	   NULL,
	   FALSE),
};

static const Member seat_class_members[] = {
    MEMBER(RosterSeatClassFields, code, ROSTER_KEY_CODE, MEMBER_STRING, NULL, 0),
    MEMBER(RosterSeatClassFields, name, ROSTER_KEY_NAME, MEMBER_STRING, NULL, 0),
    MEMBER(RosterSeatClassFields, mode, ROSTER_KEY_MODE, MEMBER_STRING, ROSTER_MODE_ON_SITE, 0),
    MEMBER(RosterSeatClassFields,
	   min_tier,
	   ROSTER_KEY_MIN_TIER,
	   MEMBER_STRING,
	   ROSTER_TIER_COUNSELLOR,
	   0),
    MEMBER(RosterSeatClassFields, crisis, ROSTER_KEY_CRISIS, MEMBER_BOOLEAN, NULL, FALSE),
    MEMBER(RosterSeatClassFields, trainee_places, ROSTER_KEY_TRAINEE_PLACES, MEMBER_INT, NULL, 0),
    /* no minimum stored means the line's default of one seat */
    MEMBER(RosterSeatClassFields, min_seats, ROSTER_KEY_MIN_SEATS, MEMBER_INT, NULL, 1),
};

static const Member demand_rule_members[] = {
    MEMBER(RosterDemandRuleFields, seat_class_id, ROSTER_KEY_SEAT_CLASS_ID, MEMBER_INT, NULL, 0),
    MEMBER(RosterDemandRuleFields, date_from, ROSTER_KEY_DATE_FROM, MEMBER_NULLABLE, NULL, 0),
    MEMBER(RosterDemandRuleFields, date_to, ROSTER_KEY_DATE_TO, MEMBER_NULLABLE, NULL, 0),
    MEMBER(RosterDemandRuleFields, start, ROSTER_KEY_START, MEMBER_STRING, "19:00", 0),
    MEMBER(RosterDemandRuleFields, end, ROSTER_KEY_END, MEMBER_STRING, "02:00", 0),
    MEMBER(RosterDemandRuleFields, seats, ROSTER_KEY_SEATS, MEMBER_INT, NULL, 1),
    MEMBER(RosterDemandRuleFields, note, ROSTER_KEY_NOTE, MEMBER_NULLABLE, NULL, 0),
};

/* the weekday and the date are the kind's own: one of them is cleared */
static const Member availability_members[] = {
    MEMBER(RosterAvailabilityFields,
	   kind,
	   ROSTER_KEY_KIND,
	   MEMBER_STRING,
	   ROSTER_AVAILABILITY_UNAVAILABLE,
	   0),
    MEMBER(RosterAvailabilityFields, start, ROSTER_KEY_START, MEMBER_NULLABLE, NULL, 0),
    MEMBER(RosterAvailabilityFields, end, ROSTER_KEY_END, MEMBER_NULLABLE, NULL, 0),
    MEMBER(RosterAvailabilityFields, note, ROSTER_KEY_NOTE, MEMBER_NULLABLE, NULL, 0),
};

static const Member training_members[] = {
    MEMBER(RosterTrainingFields, volunteer_id, ROSTER_KEY_VOLUNTEER_ID, MEMBER_INT, NULL, 0),
    MEMBER(RosterTrainingFields, date, ROSTER_KEY_DATE, MEMBER_STRING, NULL, 0),
    MEMBER(RosterTrainingFields, kind, ROSTER_KEY_KIND, MEMBER_STRING, NULL, 0),
    MEMBER(RosterTrainingFields, hours, ROSTER_KEY_HOURS, MEMBER_DOUBLE, NULL, 0),
    MEMBER(RosterTrainingFields, verified_by, ROSTER_KEY_VERIFIED_BY, MEMBER_NULLABLE, NULL, 0),
};

static const Member rating_members[] = {
    MEMBER(RosterRatingFields, volunteer_id, ROSTER_KEY_VOLUNTEER_ID, MEMBER_INT, NULL, 0),
    MEMBER(RosterRatingFields, date, ROSTER_KEY_DATE, MEMBER_STRING, NULL, 0),
    MEMBER(RosterRatingFields, dimension, ROSTER_KEY_DIMENSION, MEMBER_STRING, NULL, 0),
    MEMBER(RosterRatingFields, score, ROSTER_KEY_SCORE, MEMBER_INT, NULL, 0),
    MEMBER(RosterRatingFields, note, ROSTER_KEY_NOTE, MEMBER_NULLABLE, NULL, 0),
};

/* sets each member of @fields from @item, or to a new record's value without one */
static void
read_members(const Member *members, guint n_members, gpointer fields, RosterItem *item)
{
	for (guint i = 0; i < n_members; i++) {
		const Member *m = &members[i];
		gpointer field = G_STRUCT_MEMBER_P(fields, m->offset);
		const gchar *text = NULL;

		switch (m->type) {
		case MEMBER_STRING:
		case MEMBER_OPTIONAL:
		case MEMBER_NULLABLE:
			if (item != NULL)
				text = roster_item_get_string(item, m->key);
			if (text == NULL && m->type != MEMBER_NULLABLE)
				text = m->default_string != NULL ? m->default_string : "";
			*(const gchar **)field = text;
			break;
		case MEMBER_INT:
		case MEMBER_NULLABLE_INT:
			*(gint64 *)field =
			    item != NULL ? roster_item_get_int(item, m->key, m->default_number)
					 : m->default_number;
			break;
		case MEMBER_DOUBLE:
			*(gdouble *)field =
			    item != NULL
				? roster_item_get_double(item, m->key, (gdouble)m->default_number)
				: (gdouble)m->default_number;
			break;
		case MEMBER_BOOLEAN:
			*(gboolean *)field =
			    item != NULL
				? roster_item_get_boolean(item, m->key, (gboolean)m->default_number)
				: (gboolean)m->default_number;
			break;
		default:
			g_assert_not_reached();
		}
	}
}

/* opens a body with the members of @fields, and the revision the user saw when it
 * changes a record */
static JsonBuilder *
begin_body(const Member *members, guint n_members, gconstpointer fields, gint64 revision)
{
	JsonBuilder *builder = roster_record_body_begin(revision);

	for (guint i = 0; i < n_members; i++) {
		const Member *m = &members[i];
		gconstpointer field = G_STRUCT_MEMBER_P(fields, m->offset);
		const gchar *text = NULL;
		g_autofree gchar *plain = NULL;

		if (m->type == MEMBER_STRING || m->type == MEMBER_OPTIONAL ||
		    m->type == MEMBER_NULLABLE)
			text = *(const gchar *const *)field;
		/* a time as a Chinese input method types it, `19：00`, is sent as `19:00` */
		if (g_strcmp0(m->key, ROSTER_KEY_START) == 0 ||
		    g_strcmp0(m->key, ROSTER_KEY_END) == 0) {
			plain = roster_time_normalize(text);
			text = plain;
		}
		if (m->type == MEMBER_OPTIONAL && (text == NULL || text[0] == '\0'))
			continue;
		if (m->type == MEMBER_NULLABLE) {
			roster_client_add_nullable_string(builder, m->key, text);
			continue;
		}
		json_builder_set_member_name(builder, m->key);
		if (m->type == MEMBER_NULLABLE_INT && *(const gint64 *)field < 0)
			json_builder_add_null_value(builder);
		else if (m->type == MEMBER_INT || m->type == MEMBER_NULLABLE_INT)
			json_builder_add_int_value(builder, *(const gint64 *)field);
		else if (m->type == MEMBER_DOUBLE)
			json_builder_add_double_value(builder, *(const gdouble *)field);
		else if (m->type == MEMBER_BOOLEAN)
			json_builder_add_boolean_value(builder, *(const gboolean *)field);
		else
			json_builder_add_string_value(builder, text != NULL ? text : "");
	}
	return builder;
}

/**
 * roster_record_body_begin:
 * @revision: the revision the user saw, or 0 for a new record
 *
 * Returns: (transfer full): a builder inside a request body's object, with the
 *   revision when it changes a record; close it with roster_record_body_end()
 *
 * Since: 0.1
 */
JsonBuilder *
roster_record_body_begin(gint64 revision)
{
	JsonBuilder *builder = json_builder_new();

	json_builder_begin_object(builder);
	if (revision > 0) {
		json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
		json_builder_add_int_value(builder, revision);
	}
	return builder;
}

/**
 * roster_record_body_end:
 * @builder: (transfer full): a builder from roster_record_body_begin()
 *
 * Returns: (transfer full): the body
 *
 * Since: 0.1
 */
JsonNode *
roster_record_body_end(JsonBuilder *builder)
{
	g_autoptr(JsonBuilder) owned = builder;

	json_builder_end_object(owned);
	return json_builder_get_root(owned);
}

/* an array member, or NULL when it is missing, null or no array */
static JsonArray *
item_array(RosterItem *item, const gchar *key)
{
	JsonNode *node = item != NULL ? json_object_get_member(roster_item_get_object(item), key)
				      : NULL;
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
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

	read_members(volunteer_members, G_N_ELEMENTS(volunteer_members), fields, item);
	fields->skills = item_array(item, ROSTER_KEY_SKILLS);
	fields->on_site = item == NULL;
	fields->cloud = FALSE;
	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		const gchar *mode = json_array_get_string_element(array, i);
		fields->on_site |= g_strcmp0(mode, ROSTER_MODE_ON_SITE) == 0;
		fields->cloud |= g_strcmp0(mode, ROSTER_MODE_CLOUD) == 0;
	}
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
	JsonBuilder *builder =
	    begin_body(volunteer_members, G_N_ELEMENTS(volunteer_members), fields, revision);

	json_builder_set_member_name(builder, ROSTER_KEY_MODES);
	json_builder_begin_array(builder);
	if (fields->on_site)
		json_builder_add_string_value(builder, ROSTER_MODE_ON_SITE);
	if (fields->cloud)
		json_builder_add_string_value(builder, ROSTER_MODE_CLOUD);
	json_builder_end_array(builder);
	if (fields->skills != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_SKILLS);
		json_builder_begin_array(builder);
		for (guint i = 0; i < json_array_get_length(fields->skills); i++)
			json_builder_add_string_value(
			    builder,
			    json_array_get_string_element(fields->skills, i));
		json_builder_end_array(builder);
	}
	return roster_record_body_end(builder);
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
	read_members(seat_class_members, G_N_ELEMENTS(seat_class_members), fields, item);
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
	return roster_record_body_end(
	    begin_body(seat_class_members, G_N_ELEMENTS(seat_class_members), fields, revision));
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

	read_members(demand_rule_members, G_N_ELEMENTS(demand_rule_members), fields, item);
	fields->weekdays = 0;
	for (guint i = 0; weekdays != NULL && i < json_array_get_length(weekdays); i++) {
		gint64 day = json_array_get_int_element(weekdays, i);
		if (day >= 1 && day <= 7)
			fields->weekdays |= 1u << (day - 1);
	}
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
	JsonBuilder *builder =
	    begin_body(demand_rule_members, G_N_ELEMENTS(demand_rule_members), fields, revision);

	json_builder_set_member_name(builder, ROSTER_KEY_WEEKDAYS);
	json_builder_begin_array(builder);
	for (guint d = 0; d < 7; d++) {
		if (fields->weekdays & (1u << d))
			json_builder_add_int_value(builder, (gint64)d + 1);
	}
	json_builder_end_array(builder);
	return roster_record_body_end(builder);
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
	read_members(availability_members, G_N_ELEMENTS(availability_members), fields, item);
	fields->date = item != NULL ? roster_item_get_string(item, ROSTER_KEY_DATE) : NULL;
	fields->weekday = fields->date != NULL ? 0
			  : item != NULL       ? roster_item_get_int(item, ROSTER_KEY_WEEKDAY, 1)
					       : 1;
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
	JsonBuilder *builder =
	    begin_body(availability_members, G_N_ELEMENTS(availability_members), fields, revision);

	json_builder_set_member_name(builder, ROSTER_KEY_WEEKDAY);
	if (fields->weekday > 0)
		json_builder_add_int_value(builder, fields->weekday);
	else
		json_builder_add_null_value(builder);
	roster_client_add_nullable_string(builder,
					  ROSTER_KEY_DATE,
					  fields->weekday > 0 ? NULL : fields->date);
	return roster_record_body_end(builder);
}

/**
 * roster_training_fields_read:
 * @fields: the fields to set
 * @item: (nullable): a training record, or %NULL for a new one
 *
 * Since: 0.1
 */
void
roster_training_fields_read(RosterTrainingFields *fields, RosterItem *item)
{
	read_members(training_members, G_N_ELEMENTS(training_members), fields, item);
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
	return roster_record_body_end(
	    begin_body(training_members, G_N_ELEMENTS(training_members), fields, 0));
}

/**
 * roster_rating_fields_read:
 * @fields: the fields to set
 * @item: (nullable): a rating, or %NULL for a new one
 *
 * Since: 0.1
 */
void
roster_rating_fields_read(RosterRatingFields *fields, RosterItem *item)
{
	read_members(rating_members, G_N_ELEMENTS(rating_members), fields, item);
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
	return roster_record_body_end(
	    begin_body(rating_members, G_N_ELEMENTS(rating_members), fields, 0));
}

/* a body of plain members: pairs of key and value, each value a string where @types
 * has an `s` and a #gint64 where it has an `i` */
static JsonNode *
new_body(const gchar *types, ...)
{
	JsonBuilder *builder = json_builder_new();
	va_list args;

	json_builder_begin_object(builder);
	va_start(args, types);
	for (const gchar *t = types; *t != '\0'; t++) {
		json_builder_set_member_name(builder, va_arg(args, const gchar *));
		if (*t == 's')
			json_builder_add_string_value(builder, va_arg(args, const gchar *));
		else
			json_builder_add_int_value(builder, va_arg(args, gint64));
	}
	va_end(args);
	return roster_record_body_end(builder);
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
	if (g_strcmp0(status, ROSTER_STATUS_LATE) == 0)
		return new_body("iisi",
				ROSTER_KEY_ROSTER_ID,
				roster_id,
				ROSTER_KEY_ASSIGNMENT_ID,
				assignment_id,
				ROSTER_KEY_STATUS,
				status,
				ROSTER_KEY_LATE_MINUTES,
				late_minutes);
	return new_body("iis",
			ROSTER_KEY_ROSTER_ID,
			roster_id,
			ROSTER_KEY_ASSIGNMENT_ID,
			assignment_id,
			ROSTER_KEY_STATUS,
			status);
}

/* the body that confirms every shift of a day of a roster as attended */
JsonNode *
roster_attendance_day_body_new(gint64 roster_id, const gchar *date)
{
	return new_body("is", ROSTER_KEY_ROSTER_ID, roster_id, ROSTER_KEY_DATE, date);
}

/* the body that promotes a volunteer to a tier */
JsonNode *
roster_promotion_body_new(gint64 volunteer_id, const gchar *to_tier)
{
	return new_body("is", ROSTER_KEY_VOLUNTEER_ID, volunteer_id, ROSTER_KEY_TO_TIER, to_tier);
}

/**
 * roster_volunteer_fields_parse_max_shifts:
 * @text: the number as typed, before any spin button clamps it; full-width digits are
 *   read as digits
 * @value: (out): the number
 *
 * Reads a volunteer's monthly shift limit; a number above what a month can hold
 * (%ROSTER_MAX_SHIFTS_MONTH_LIMIT, the daemon's own bound) is refused, not clamped.
 *
 * Returns: %TRUE when @text is a whole number from 0 to the limit
 *
 * Since: 0.1
 */
gboolean
roster_volunteer_fields_parse_max_shifts(const gchar *text, gint64 *value)
{
	g_return_val_if_fail(value != NULL, FALSE);
	if (text == NULL || text[0] == '\0')
		return FALSE;
	return roster_volunteer_fields_parse_limit(text, ROSTER_MAX_SHIFTS_MONTH_LIMIT, value);
}

/**
 * roster_volunteer_fields_parse_limit:
 * @text: (nullable): the number as typed; full-width digits are read as digits
 * @limit: the largest number the daemon takes
 * @value: (out): the number, or -1 for an empty @text (no limit)
 *
 * Reads one of a volunteer's limits; a number above @limit is refused, not clamped.
 *
 * Returns: %TRUE when @text is empty or a whole number from 0 to @limit
 *
 * Since: 0.4
 */
gboolean
roster_volunteer_fields_parse_limit(const gchar *text, gint64 limit, gint64 *value)
{
	g_autofree gchar *plain = roster_time_normalize(text);
	g_autofree gchar *stripped = NULL;
	gint64 number = 0;

	g_return_val_if_fail(value != NULL, FALSE);
	stripped = g_strstrip(g_strdup(plain != NULL ? plain : ""));
	if (stripped[0] == '\0') {
		*value = -1;
		return TRUE;
	}
	if (!g_ascii_string_to_signed(stripped, 10, 0, limit, &number, NULL))
		return FALSE;
	*value = number;
	return TRUE;
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
