/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the record kinds: one field table per collection, which drives validation, the
 * store's columns, the JSON and the volunteer CSV, and the validator that reads it */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-datetime.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind-private.h"
#include "roster-kind.h"

/* the kinds */

static const gchar *const tiers[] = {ROSTER_TIER_TRAINEE,
				     ROSTER_TIER_COUNSELLOR,
				     ROSTER_TIER_SENIOR,
				     ROSTER_TIER_EXPERT,
				     NULL};
static const gchar *const modes[] = {ROSTER_MODE_ON_SITE, ROSTER_MODE_CLOUD, NULL};
static const gchar *const availability_kinds[] = {ROSTER_AVAILABILITY_UNAVAILABLE,
						  ROSTER_AVAILABILITY_PREFERRED,
						  ROSTER_AVAILABILITY_AVOID,
						  NULL};
static const gchar *const roles[] = {"admin", "coordinator", "manager", "volunteer", NULL};

#define F_REQ	   ROSTER_FIELD_FLAG_REQUIRED
#define F_NULL	   ROSTER_FIELD_FLAG_NULLABLE
#define F_PERSONAL ROSTER_FIELD_FLAG_PERSONAL
#define F_SELF	   ROSTER_FIELD_FLAG_SELF_EDIT
#define F_UNIQUE   ROSTER_FIELD_FLAG_UNIQUE
#define T_STR	   ROSTER_FIELD_TYPE_STRING
#define T_INT	   ROSTER_FIELD_TYPE_INT
#define T_BOOL	   ROSTER_FIELD_TYPE_BOOL
#define T_ARRAY	   ROSTER_FIELD_TYPE_ARRAY

/* no calendar date in two overrides: which one's hours would hold there is anybody's
 * guess (the items are valid already) */
static gboolean
check_overrides_apart(JsonObject *values, GError **error)
{
	JsonNode *node = json_object_get_member(values, ROSTER_KEY_OVERRIDES);
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return TRUE;
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *a = json_array_get_object_element(array, i);
		for (guint j = 0; j < i; j++) {
			JsonObject *b = json_array_get_object_element(array, j);
			if (strcmp(json_object_get_string_member(a, ROSTER_KEY_DATE_FROM),
				   json_object_get_string_member(b, ROSTER_KEY_DATE_TO)) <= 0 &&
			    strcmp(json_object_get_string_member(b, ROSTER_KEY_DATE_FROM),
				   json_object_get_string_member(a, ROSTER_KEY_DATE_TO)) <= 0) {
				roster_error_set_field(
				    error,
				    ROSTER_ERROR_INVALID_DATA,
				    ROSTER_KEY_OVERRIDES,
				    "item %u shares dates with item %u (%s to %s); "
				    "a date may have one override only",
				    i + 1,
				    j + 1,
				    json_object_get_string_member(b, ROSTER_KEY_DATE_FROM),
				    json_object_get_string_member(b, ROSTER_KEY_DATE_TO));
				return FALSE;
			}
		}
	}
	return TRUE;
}

static gboolean
calendar_check_cb(JsonObject *values, GError **error)
{
	gint64 slot = json_object_get_int_member_with_default(values, ROSTER_KEY_SLOT_MINUTES, 180);

	if (1440 % slot != 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "slot_minutes",
				       "must divide a day of 1440 minutes");
		return FALSE;
	}
	/* the night has a length, as a manned window does */
	if (g_strcmp0(
		json_object_get_string_member_with_default(values, ROSTER_KEY_NIGHT_START, NULL),
		json_object_get_string_member_with_default(values, ROSTER_KEY_NIGHT_END, NULL)) ==
	    0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "night_end",
				       "must differ from night_start: a night of no length is "
				       "refused");
		return FALSE;
	}
	return check_overrides_apart(values, error);
}

static const gchar *const holiday_hours[] = {ROSTER_HOLIDAY_HOURS_SUNDAY,
					     ROSTER_HOLIDAY_HOURS_CLOSED,
					     ROSTER_HOLIDAY_HOURS_OWN,
					     NULL};

static const RosterField calendar_fields[] = {
    {ROSTER_KEY_NAME, T_STR, F_REQ, 1, 100},
    {ROSTER_KEY_LINE, T_STR, F_REQ, 1, 20, NULL, roster_kind_check_phone_cb},
    {ROSTER_KEY_TIME_ZONE,
     T_STR,
     0,
     1,
     64,
     NULL,
     roster_kind_check_time_zone_cb,
     "\"Asia/Shanghai\""},
    {ROSTER_KEY_SLOT_MINUTES, T_INT, 0, 30, 720, NULL, NULL, "180"},
    {ROSTER_KEY_FIRST_SLOT_START, T_STR, 0, 5, 5, NULL, roster_kind_check_time_cb, "\"08:00\""},
    {ROSTER_KEY_MANNED_WINDOWS, T_ARRAY, 0, 0, 70, NULL, roster_kind_check_window_item_cb, "[]"},
    /* dated manned hours that replace the weekly windows on their dates */
    {ROSTER_KEY_OVERRIDES, T_ARRAY, 0, 0, 100, NULL, roster_kind_check_override_item_cb, "[]"},
    /* a shift is a night when at least half of it lies in this window */
    {ROSTER_KEY_NIGHT_START, T_STR, 0, 5, 5, NULL, roster_kind_check_time_cb, "\"23:00\""},
    {ROSTER_KEY_NIGHT_END, T_STR, 0, 5, 5, NULL, roster_kind_check_end_time_cb, "\"08:00\""},
    {ROSTER_KEY_DUTY_CONTACT, T_STR, F_NULL, 0, 200},
    /* a holiday of the imported calendar: as a Sunday, closed or its own hours */
    {ROSTER_KEY_HOLIDAY_HOURS, T_STR, 0, 0, 0, holiday_hours, NULL, "\"sunday\""},
    {ROSTER_KEY_HOLIDAY_WINDOWS, T_ARRAY, 0, 0, 10, NULL, roster_kind_check_hours_item_cb, "[]"},
};
static const gchar *const calendar_filters[] = {ROSTER_PARAM_Q, NULL};

static const RosterField seat_class_fields[] = {
    {ROSTER_KEY_CODE, T_STR, F_REQ | F_UNIQUE, 1, 40, NULL, roster_kind_check_code_cb},
    {ROSTER_KEY_NAME, T_STR, F_REQ, 1, 100},
    {ROSTER_KEY_MODE, T_STR, F_REQ, 0, 0, modes},
    {ROSTER_KEY_MIN_TIER, T_STR, F_REQ, 0, 0, tiers},
    {ROSTER_KEY_SKILLS, T_ARRAY, 0, 0, 20, NULL, roster_kind_check_skill_item_cb, "[]"},
    {ROSTER_KEY_CRISIS, T_BOOL, 0, 0, 0, NULL, NULL, "false"},
    {ROSTER_KEY_LOCATION, T_STR, F_NULL, 0, 200},
    {ROSTER_KEY_COLOUR, T_STR, F_NULL, 0, 7, NULL, roster_kind_check_colour_cb},
    /* seats of each slot kept under shortage before any slot gets another; null is 1 */
    {ROSTER_KEY_MIN_SEATS, T_INT, F_NULL, 0, 200},
    /* places for trainees beside the seats of each slot that has seats: each is taken
     * only by a trainee, and only beside a senior or expert of the same mode */
    {ROSTER_KEY_TRAINEE_PLACES, T_INT, 0, 0, 20, NULL, NULL, "0"},
};
static const gchar *const name_filters[] = {ROSTER_PARAM_Q, NULL};

static gboolean
seat_class_check_cb(JsonObject *values, GError **error)
{
	/* a trainee never takes a crisis seat, not even beside a mentor */
	if (json_object_get_boolean_member_with_default(values, ROSTER_KEY_CRISIS, FALSE) &&
	    json_object_get_int_member_with_default(values, ROSTER_KEY_TRAINEE_PLACES, 0) > 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "trainee_places",
				       "a crisis seat class offers no trainee places");
		return FALSE;
	}
	return TRUE;
}

static gboolean
demand_rule_check_cb(JsonObject *values, GError **error)
{
	const gchar *from =
	    json_object_get_string_member_with_default(values, ROSTER_KEY_DATE_FROM, NULL);
	const gchar *to =
	    json_object_get_string_member_with_default(values, ROSTER_KEY_DATE_TO, NULL);

	/* times are clock time on each date the rule applies to: an end equal to the start
	 * is 24 h from the start (00:00-00:00 is the whole date, as 00:00-24:00), an end
	 * before it crosses midnight */
	if (from != NULL && to != NULL && strcmp(from, to) > 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "date_to",
				       "must not be before date_from");
		return FALSE;
	}
	return TRUE;
}

static const RosterField demand_rule_fields[] = {
    {ROSTER_KEY_SEAT_CLASS_ID, T_INT, F_REQ, 1, G_MAXINT64, NULL, NULL, NULL, "seat-classes"},
    {ROSTER_KEY_WEEKDAYS, T_ARRAY, 0, 0, 8, NULL, roster_kind_check_rule_weekday_item_cb, "[]"},
    {ROSTER_KEY_DATE_FROM, T_STR, F_NULL, 10, 10, NULL, roster_kind_check_date_cb},
    {ROSTER_KEY_DATE_TO, T_STR, F_NULL, 10, 10, NULL, roster_kind_check_date_cb},
    {ROSTER_KEY_START, T_STR, F_REQ, 5, 5, NULL, roster_kind_check_time_cb},
    {ROSTER_KEY_END, T_STR, F_REQ, 5, 5, NULL, roster_kind_check_end_time_cb},
    {ROSTER_KEY_SEATS, T_INT, F_REQ, 0, 200},
    {ROSTER_KEY_NOTE, T_STR, F_NULL, 0, 500},
};
static const gchar *const no_filters[] = {NULL};

static const RosterField team_fields[] = {
    {ROSTER_KEY_NAME, T_STR, F_REQ | F_UNIQUE, 1, 100},
    {ROSTER_KEY_COLOUR, T_STR, F_NULL, 0, 7, NULL, roster_kind_check_colour_cb},
    {ROSTER_KEY_NOTE, T_STR, F_NULL, 0, 500},
};

static const RosterField volunteer_fields[] = {
    {ROSTER_KEY_NAME, T_STR, F_REQ, 1, 100},
    {ROSTER_KEY_COUNSELLOR_NO,
     T_STR,
     F_REQ | F_UNIQUE,
     1,
     32,
     NULL,
     roster_kind_check_counsellor_no_cb},
    {ROSTER_KEY_PHONE,
     T_STR,
     F_NULL | F_PERSONAL | F_SELF,
     0,
     32,
     NULL,
     roster_kind_check_phone_cb},
    {ROSTER_KEY_EMAIL,
     T_STR,
     F_NULL | F_PERSONAL | F_SELF,
     0,
     254,
     NULL,
     roster_kind_check_email_cb},
    {ROSTER_KEY_TIER, T_STR, F_REQ, 0, 0, tiers},
    {ROSTER_KEY_SKILLS, T_ARRAY, 0, 0, 20, NULL, roster_kind_check_skill_item_cb, "[]"},
    {ROSTER_KEY_MODES,
     T_ARRAY,
     0,
     1,
     2,
     NULL,
     roster_kind_check_mode_item_cb,
     "[\"on-site\",\"cloud\"]"},
    {ROSTER_KEY_TEAM_ID, T_INT, F_NULL, 1, G_MAXINT64, NULL, NULL, NULL, "teams"},
    {ROSTER_KEY_ACTIVE, T_BOOL, 0, 0, 0, NULL, NULL, "true"},
    {ROSTER_KEY_MAX_HOURS_WEEK, T_INT, F_NULL, 0, 168},
    {ROSTER_KEY_MAX_HOURS_MONTH, T_INT, F_NULL, 0, 744},
    {ROSTER_KEY_MAX_SHIFTS_MONTH, T_INT, F_NULL, 0, 248},
    {ROSTER_KEY_MAX_CONSECUTIVE_DAYS, T_INT, F_NULL, 0, 31},
    {ROSTER_KEY_MAX_NIGHTS_MONTH, T_INT, F_NULL, 0, 31},
    {ROSTER_KEY_MIN_SHIFTS_MONTH, T_INT, F_NULL, 0, 248},
    {ROSTER_KEY_HONOUR_ROLL_CONSENT, T_BOOL, F_SELF, 0, 0, NULL, NULL, "false"},
    {ROSTER_KEY_NOTE, T_STR, F_NULL | F_SELF, 0, 500},
    /* the language of the volunteer's calendar feed; null is the hotline's, Chinese */
    {ROSTER_KEY_PREFERRED_LANGUAGE,
     T_STR,
     F_NULL | F_SELF,
     2,
     35,
     NULL,
     roster_kind_check_language_cb,
     NULL,
     NULL,
     "首选语言"},
};
static const gchar *const volunteer_filters[] = {ROSTER_PARAM_Q,
						 ROSTER_PARAM_TIER,
						 ROSTER_PARAM_TEAM,
						 ROSTER_PARAM_ACTIVE,
						 NULL};

static gboolean
availability_check_cb(JsonObject *values, GError **error)
{
	gboolean has_date = !json_object_get_null_member(values, ROSTER_KEY_DATE);
	gboolean has_weekday = !json_object_get_null_member(values, ROSTER_KEY_WEEKDAY);
	gboolean has_start = !json_object_get_null_member(values, ROSTER_KEY_START);
	gboolean has_end = !json_object_get_null_member(values, ROSTER_KEY_END);

	if (has_date == has_weekday) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       has_date ? ROSTER_KEY_WEEKDAY : ROSTER_KEY_DATE,
				       "%s",
				       has_date ? "give either date or weekday, not both"
						: "either date or weekday is required");
		return FALSE;
	}
	if (has_start != has_end) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       has_start ? ROSTER_KEY_END : ROSTER_KEY_START,
				       "%s",
				       has_start ? "required when start is given"
						 : "required when end is given");
		return FALSE;
	}
	if (has_start && g_strcmp0(json_object_get_string_member(values, ROSTER_KEY_START),
				   json_object_get_string_member(values, ROSTER_KEY_END)) == 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "end",
				       "must differ from start: a range of no length is "
				       "refused (a whole day is 00:00 to 24:00, or no times)");
		return FALSE;
	}
	return TRUE;
}

static const RosterField availability_fields[] = {
    {ROSTER_KEY_VOLUNTEER_ID,
     T_INT,
     ROSTER_FIELD_FLAG_READ_ONLY,
     1,
     G_MAXINT64,
     NULL,
     NULL,
     NULL,
     ROSTER_COLLECTION_VOLUNTEERS},
    {ROSTER_KEY_KIND, T_STR, F_REQ, 0, 0, availability_kinds},
    {ROSTER_KEY_DATE, T_STR, F_NULL, 10, 10, NULL, roster_kind_check_date_cb},
    {ROSTER_KEY_WEEKDAY, T_INT, F_NULL, 1, 7},
    {ROSTER_KEY_START, T_STR, F_NULL, 5, 5, NULL, roster_kind_check_time_cb},
    {ROSTER_KEY_END, T_STR, F_NULL, 5, 5, NULL, roster_kind_check_end_time_cb},
    {ROSTER_KEY_NOTE, T_STR, F_NULL, 0, 500},
};

static gboolean
account_check_cb(JsonObject *values, GError **error)
{
	const gchar *role =
	    json_object_get_string_member_with_default(values, ROSTER_KEY_ROLE, NULL);
	gboolean has_volunteer = !json_object_get_null_member(values, ROSTER_KEY_VOLUNTEER_ID);

	if (g_strcmp0(role, "volunteer") == 0 && !has_volunteer) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "volunteer_id",
				       "required for role volunteer");
		return FALSE;
	}
	if (g_strcmp0(role, "volunteer") != 0 && has_volunteer) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "volunteer_id",
				       "only allowed for role volunteer");
		return FALSE;
	}
	if (!json_object_has_member(values, ROSTER_KEY_PASSWORD) &&
	    !json_object_has_member(values, ROSTER_RECORD_KEY_PASSWORD_HASH)) {
		roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, "password", "required");
		return FALSE;
	}
	return TRUE;
}

static const gchar *const message_languages[] = {"zh-CN", "en", NULL};
static const RosterField account_fields[] = {
    {ROSTER_KEY_USERNAME, T_STR, F_REQ | F_UNIQUE, 3, 64, NULL, roster_kind_check_username_cb},
    {ROSTER_KEY_ROLE, T_STR, F_REQ, 0, 0, roles},
    {ROSTER_KEY_VOLUNTEER_ID, T_INT, F_NULL, 1, G_MAXINT64, NULL, NULL, NULL, "volunteers"},
    {ROSTER_KEY_PASSWORD, T_STR, ROSTER_FIELD_FLAG_WRITE_ONLY, 8, 128},
    {ROSTER_KEY_ACTIVE, T_BOOL, 0, 0, 0, NULL, NULL, "true"},
    /* where a coordinator's alerts go when the account has no volunteer's address */
    {ROSTER_KEY_EMAIL, T_STR, F_NULL, 0, 254, NULL, roster_kind_check_email_cb},
    /* the language of the account's messages: the two the messages are written in */
    {ROSTER_KEY_PREFERRED_LANGUAGE, T_STR, F_NULL, 0, 0, message_languages},
};
static const gchar *const account_filters[] = {ROSTER_PARAM_Q,
					       ROSTER_PARAM_ROLE,
					       ROSTER_PARAM_ACTIVE,
					       NULL};

/* the recognition records: what a request may give of a service log, a training
 * record and a rating; the engine adds who wrote it and when, and keeps hours as
 * minutes */
static const gchar *const log_kinds[] = {"callback", "outreach", "on-call", "other", NULL};
static const gchar *const training_kinds[] = {ROSTER_TRAINING_PRE_JOB,
					      ROSTER_TRAINING_SUPERVISION,
					      ROSTER_TRAINING_CONTINUING,
					      NULL};
static const gchar *const dimensions[] = {"quality-review", "caller-satisfaction", NULL};

#define VOLUNTEER_REF                                                                              \
	{                                                                                          \
		ROSTER_KEY_VOLUNTEER_ID, T_INT, F_REQ, 1, G_MAXINT64, NULL, NULL, NULL,            \
		    ROSTER_COLLECTION_VOLUNTEERS                                                   \
	}

static const RosterField service_log_fields[] = {
    VOLUNTEER_REF,
    {ROSTER_KEY_DATE, T_STR, F_REQ, 10, 10, NULL, roster_kind_check_date_cb},
    /* the most one service log may claim */
    {ROSTER_KEY_HOURS, ROSTER_FIELD_TYPE_NUMBER, F_REQ, 0, 24},
    {ROSTER_KEY_KIND, T_STR, F_REQ, 0, 0, log_kinds},
    {ROSTER_KEY_DESCRIPTION, T_STR, F_NULL, 0, 1000},
};

static const RosterField training_fields[] = {
    VOLUNTEER_REF,
    {ROSTER_KEY_KIND, T_STR, F_REQ, 0, 0, training_kinds},
    {ROSTER_KEY_HOURS, ROSTER_FIELD_TYPE_NUMBER, F_REQ, 0, 200},
    {ROSTER_KEY_DATE, T_STR, F_REQ, 10, 10, NULL, roster_kind_check_date_cb},
    {ROSTER_KEY_VERIFIED_BY, T_STR, F_NULL, 0, 1000},
    {ROSTER_KEY_NOTE, T_STR, F_NULL, 0, 1000},
};

static const RosterField rating_fields[] = {
    VOLUNTEER_REF,
    {ROSTER_KEY_DIMENSION, T_STR, F_REQ, 0, 0, dimensions},
    {ROSTER_KEY_SCORE, T_INT, F_REQ, 1, 5},
    {ROSTER_KEY_DATE, T_STR, F_REQ, 10, 10, NULL, roster_kind_check_date_cb},
    {ROSTER_KEY_NOTE, T_STR, F_NULL, 0, 1000},
};

static const RosterKind kinds[] = {
    {ROSTER_COLLECTION_CALENDARS,
     NULL,
     calendar_fields,
     G_N_ELEMENTS(calendar_fields),
     calendar_filters,
     calendar_check_cb},
    {ROSTER_COLLECTION_SEAT_CLASSES,
     NULL,
     seat_class_fields,
     G_N_ELEMENTS(seat_class_fields),
     name_filters,
     seat_class_check_cb},
    {ROSTER_COLLECTION_DEMAND_RULES,
     NULL,
     demand_rule_fields,
     G_N_ELEMENTS(demand_rule_fields),
     no_filters,
     demand_rule_check_cb},
    {ROSTER_COLLECTION_TEAMS, NULL, team_fields, G_N_ELEMENTS(team_fields), name_filters, NULL},
    {ROSTER_COLLECTION_VOLUNTEERS,
     NULL,
     volunteer_fields,
     G_N_ELEMENTS(volunteer_fields),
     volunteer_filters,
     NULL},
    {ROSTER_COLLECTION_AVAILABILITY,
     ROSTER_KEY_VOLUNTEER_ID,
     availability_fields,
     G_N_ELEMENTS(availability_fields),
     no_filters,
     availability_check_cb},
    {ROSTER_COLLECTION_ACCOUNTS,
     NULL,
     account_fields,
     G_N_ELEMENTS(account_fields),
     account_filters,
     account_check_cb},
    {ROSTER_COLLECTION_SERVICE_LOGS,
     NULL,
     service_log_fields,
     G_N_ELEMENTS(service_log_fields),
     no_filters,
     NULL},
    {ROSTER_COLLECTION_TRAINING,
     NULL,
     training_fields,
     G_N_ELEMENTS(training_fields),
     no_filters,
     NULL},
    {ROSTER_COLLECTION_RATINGS, NULL, rating_fields, G_N_ELEMENTS(rating_fields), no_filters, NULL},
};

/**
 * roster_kind_lookup:
 * @collection: a collection name such as `volunteers`
 *
 * Returns: (nullable): the kind of @collection, or %NULL when there is no such
 * collection of records
 *
 * Since: 0.1
 **/
const RosterKind *
roster_kind_lookup(const gchar *collection)
{
	for (guint i = 0; i < G_N_ELEMENTS(kinds); i++) {
		if (g_strcmp0(kinds[i].collection, collection) == 0)
			return &kinds[i];
	}
	return NULL;
}

/**
 * roster_kind_get_field:
 * @kind: a #RosterKind
 * @key: a member name
 *
 * Returns: (nullable): the field called @key
 *
 * Since: 0.1
 **/
const RosterField *
roster_kind_get_field(const RosterKind *kind, const gchar *key)
{
	for (guint i = 0; i < kind->n_fields; i++) {
		if (g_strcmp0(kind->fields[i].key, key) == 0)
			return &kind->fields[i];
	}
	return NULL;
}

/**
 * roster_kind_get_unique_field:
 * @kind: a #RosterKind
 *
 * Returns: (nullable): the field whose value is unique in the collection
 *
 * Since: 0.1
 **/
const RosterField *
roster_kind_get_unique_field(const RosterKind *kind)
{
	for (guint i = 0; i < kind->n_fields; i++) {
		if (kind->fields[i].flags & ROSTER_FIELD_FLAG_UNIQUE)
			return &kind->fields[i];
	}
	return NULL;
}

/**
 * roster_kind_has_filter:
 * @kind: a #RosterKind
 * @name: a list parameter
 *
 * Returns: %TRUE when lists of @kind accept the parameter @name
 *
 * Since: 0.1
 **/
gboolean
roster_kind_has_filter(const RosterKind *kind, const gchar *name)
{
	return g_strv_contains((const gchar *const *)kind->filters, name);
}

static gboolean
validate_string(const RosterField *field, JsonNode *value, GError **error)
{
	const gchar *text = json_node_get_string(value);
	glong len = g_utf8_strlen(text, -1);
	g_autofree gchar *stripped = g_strstrip(g_strdup(text));
	g_autoptr(GError) error_local = NULL;

	if (field->min > 0 && stripped[0] == '\0') {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field->key,
				       "must not be empty");
		return FALSE;
	}
	if (field->choices != NULL) {
		if (!g_strv_contains((const gchar *const *)field->choices, text)) {
			g_autofree gchar *list = g_strjoinv(", ", (gchar **)field->choices);
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       field->key,
					       "must be one of %s",
					       list);
			return FALSE;
		}
		return TRUE;
	}
	if (len > field->max) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field->key,
				       "longer than %" G_GINT64_FORMAT " characters",
				       field->max);
		return FALSE;
	}
	if (len < field->min) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field->key,
				       "shorter than %" G_GINT64_FORMAT " characters",
				       field->min);
		return FALSE;
	}
	if (field->check != NULL && !field->check(value, &error_local)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field->key,
				       "%s",
				       error_local->message);
		return FALSE;
	}
	return TRUE;
}

static gboolean
validate_array(const RosterField *field, JsonNode *value, GError **error)
{
	JsonArray *array = json_node_get_array(value);
	guint len = json_array_get_length(array);

	if (len < field->min || len > field->max) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field->key,
				       "must have %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
				       " items",
				       field->min,
				       field->max);
		return FALSE;
	}
	for (guint i = 0; i < len; i++) {
		JsonNode *item = json_array_get_element(array, i);
		g_autoptr(GError) error_local = NULL;
		if (field->check != NULL && !field->check(item, &error_local)) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       field->key,
					       "item %u %s",
					       i + 1,
					       error_local->message);
			return FALSE;
		}
		for (guint j = 0; j < i; j++) {
			if (json_node_equal(item, json_array_get_element(array, j))) {
				roster_error_set_field(error,
						       ROSTER_ERROR_INVALID_DATA,
						       field->key,
						       "item %u repeats item %u",
						       i + 1,
						       j + 1);
				return FALSE;
			}
		}
	}
	return TRUE;
}

static gboolean
node_holds(JsonNode *value, GType type)
{
	return JSON_NODE_HOLDS_VALUE(value) && json_node_get_value_type(value) == type;
}

/**
 * roster_field_validate:
 * @field: a #RosterField
 * @value: the member's value
 * @error: a #GError, or %NULL
 *
 * Checks type, range and format of one member; the error message starts with the
 * field name and ": ".
 *
 * Returns: %TRUE when @value is valid
 *
 * Since: 0.1
 **/
gboolean
roster_field_validate(const RosterField *field, JsonNode *value, GError **error)
{
	static const gchar *type_names[] = {
	    [ROSTER_FIELD_TYPE_STRING] = "a string",
	    [ROSTER_FIELD_TYPE_INT] = "an integer",
	    [ROSTER_FIELD_TYPE_BOOL] = "true or false",
	    [ROSTER_FIELD_TYPE_ARRAY] = "an array",
	    [ROSTER_FIELD_TYPE_NUMBER] = "a number",
	};
	gboolean ok = FALSE;

	if (JSON_NODE_HOLDS_NULL(value)) {
		if (field->flags & ROSTER_FIELD_FLAG_NULLABLE)
			return TRUE;
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field->key,
				       "must not be null");
		return FALSE;
	}
	switch (field->type) {
	case ROSTER_FIELD_TYPE_STRING:
		ok = node_holds(value, G_TYPE_STRING);
		break;
	case ROSTER_FIELD_TYPE_INT:
		ok = node_holds(value, G_TYPE_INT64);
		break;
	case ROSTER_FIELD_TYPE_BOOL:
		ok = node_holds(value, G_TYPE_BOOLEAN);
		break;
	case ROSTER_FIELD_TYPE_ARRAY:
		ok = JSON_NODE_HOLDS_ARRAY(value);
		break;
	case ROSTER_FIELD_TYPE_NUMBER:
		ok = node_holds(value, G_TYPE_INT64) || node_holds(value, G_TYPE_DOUBLE);
		break;
	default:
		break;
	}
	if (!ok) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       field->key,
				       "must be %s",
				       type_names[field->type]);
		return FALSE;
	}
	if (field->type == ROSTER_FIELD_TYPE_INT) {
		gint64 v = json_node_get_int(value);
		if (v < field->min || v > field->max) {
			if (field->max == G_MAXINT64) {
				roster_error_set_field(error,
						       ROSTER_ERROR_INVALID_DATA,
						       field->key,
						       "must be a positive id");
			} else {
				roster_error_set_field(error,
						       ROSTER_ERROR_INVALID_DATA,
						       field->key,
						       "must be between %" G_GINT64_FORMAT
						       " and %" G_GINT64_FORMAT,
						       field->min,
						       field->max);
			}
			return FALSE;
		}
	}
	if (field->type == ROSTER_FIELD_TYPE_NUMBER) {
		gdouble v = json_node_get_double(value);
		if (!isfinite(v) || v <= field->min || v > field->max) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       field->key,
					       "must be more than %" G_GINT64_FORMAT
					       " and at most %" G_GINT64_FORMAT,
					       field->min,
					       field->max);
			return FALSE;
		}
	}
	if (field->type == ROSTER_FIELD_TYPE_STRING)
		return validate_string(field, value, error);
	if (field->type == ROSTER_FIELD_TYPE_ARRAY)
		return validate_array(field, value, error);
	return TRUE;
}

/**
 * roster_kind_validate_members:
 * @kind: a #RosterKind
 * @obj: a request's members
 * @error: a #GError, or %NULL
 *
 * Checks that every required field of @kind is present and every present field is
 * valid, in the order of the kind's fields; members that are no field are left to the
 * caller. The error carries the field as data.
 *
 * Returns: %TRUE when @obj is valid
 *
 * Since: 0.1
 **/
gboolean
roster_kind_validate_members(const RosterKind *kind, JsonObject *obj, GError **error)
{
	for (guint i = 0; i < kind->n_fields; i++) {
		const RosterField *field = &kind->fields[i];
		JsonNode *value = json_object_get_member(obj, field->key);
		if (value == NULL || JSON_NODE_HOLDS_NULL(value)) {
			if (field->flags & ROSTER_FIELD_FLAG_REQUIRED) {
				roster_error_set_field(error,
						       ROSTER_ERROR_INVALID_DATA,
						       field->key,
						       "required");
				return FALSE;
			}
			continue;
		}
		if (!roster_field_validate(field, value, error))
			return FALSE;
	}
	return TRUE;
}
