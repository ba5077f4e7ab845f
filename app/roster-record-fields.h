/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* typed members of the records the app's forms edit: each kind is read from a list
 * item (or set to the form's defaults) and written as a request body here, so no
 * page spells a JSON key */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-item.h"

G_BEGIN_DECLS

/**
 * RosterField:
 * @ROSTER_FIELD_UNKNOWN: a member no form shows, or none
 *
 * A member of a record as a form shows it, so that a form marks the row the daemon's
 * 422 is about; the other values name the member of the same name.
 */
typedef enum {
	ROSTER_FIELD_UNKNOWN,
	ROSTER_FIELD_NAME,
	ROSTER_FIELD_CODE,
	ROSTER_FIELD_COUNSELLOR_NO,
	ROSTER_FIELD_TIER,
	ROSTER_FIELD_MODES,
	ROSTER_FIELD_PHONE,
	ROSTER_FIELD_EMAIL,
	ROSTER_FIELD_MAX_SHIFTS_MONTH,
	ROSTER_FIELD_ACTIVE,
	ROSTER_FIELD_TRAINEE_PLACES,
	ROSTER_FIELD_MIN_SEATS,
	ROSTER_FIELD_SEAT_CLASS_ID,
	ROSTER_FIELD_WEEKDAYS,
	ROSTER_FIELD_WEEKDAY,
	ROSTER_FIELD_DATE,
	ROSTER_FIELD_DATE_FROM,
	ROSTER_FIELD_DATE_TO,
	ROSTER_FIELD_START,
	ROSTER_FIELD_END,
	ROSTER_FIELD_SEATS,
	ROSTER_FIELD_NOTE,
	ROSTER_FIELD_KIND,
	ROSTER_FIELD_VOLUNTEER_ID,
	ROSTER_FIELD_HOURS,
	ROSTER_FIELD_VERIFIED_BY,
	ROSTER_FIELD_DIMENSION,
	ROSTER_FIELD_SCORE,
	ROSTER_FIELD_NIGHT_START,
	ROSTER_FIELD_NIGHT_END,
	ROSTER_FIELD_MANNED_WINDOWS,
	ROSTER_FIELD_OVERRIDES,
} RosterField;

RosterField
roster_field_from_key(const gchar *key);

/**
 * RosterChoice:
 * @ROSTER_CHOICE_TIER: trainee, counsellor, senior, expert
 * @ROSTER_CHOICE_MODE: on-site, cloud
 * @ROSTER_CHOICE_AVAILABILITY_KIND: unavailable, preferred, avoid
 * @ROSTER_CHOICE_TRAINING_KIND: pre-job, supervision, continuing
 * @ROSTER_CHOICE_DIMENSION: quality review, caller satisfaction
 *
 * The values a form's combo row offers, in the order of its items.
 */
typedef enum {
	ROSTER_CHOICE_TIER,
	ROSTER_CHOICE_MODE,
	ROSTER_CHOICE_AVAILABILITY_KIND,
	ROSTER_CHOICE_TRAINING_KIND,
	ROSTER_CHOICE_DIMENSION,
} RosterChoice;

guint
roster_choice_get_n_values(RosterChoice choice);
const gchar *
roster_choice_get_value(RosterChoice choice, guint index);
guint
roster_choice_get_index(RosterChoice choice, const gchar *value);

/* the strings below are borrowed: from the item read, or from the form being sent */

/**
 * RosterVolunteerFields:
 *
 * A volunteer as the volunteers form edits it; an empty @phone or @email is left out
 * of the body.
 */
typedef struct {
	const gchar *name;
	const gchar *counsellor_no;
	const gchar *tier;
	gboolean on_site;
	gboolean cloud;
	const gchar *phone;
	const gchar *email;
	gint64 max_shifts_month;
	gboolean active;
	/* -1: no team; for the limits, no limit */
	gint64 team_id;
	gint64 max_hours_week;
	gint64 max_hours_month;
	gint64 max_consecutive_days;
	gint64 max_nights_month;
	gint64 min_shifts_month;
	const gchar *note;
	gboolean honour_roll_consent;
	/* borrowed; NULL leaves the skills out of the body */
	JsonArray *skills;
} RosterVolunteerFields;

void
roster_volunteer_fields_read(RosterVolunteerFields *fields, RosterItem *item);

/* the most shifts a month can hold: 31 days of eight three-hour slots, the bound of the
 * daemon's volunteer table */
#define ROSTER_MAX_SHIFTS_MONTH_LIMIT 248

gboolean
roster_volunteer_fields_parse_max_shifts(const gchar *text, gint64 *value);
gboolean
roster_volunteer_fields_parse_limit(const gchar *text, gint64 limit, gint64 *value);
JsonNode *
roster_volunteer_fields_to_json(const RosterVolunteerFields *fields, gint64 revision);

/**
 * RosterSeatClassFields:
 *
 * A seat class as the seat class form edits it.
 */
typedef struct {
	const gchar *code;
	const gchar *name;
	const gchar *mode;
	const gchar *min_tier;
	gboolean crisis;
	gint64 trainee_places;
	gint64 min_seats;
} RosterSeatClassFields;

void
roster_seat_class_fields_read(RosterSeatClassFields *fields, RosterItem *item);
JsonNode *
roster_seat_class_fields_to_json(const RosterSeatClassFields *fields, gint64 revision);

/**
 * RosterDemandRuleFields:
 * @weekdays: bit `d - 1` set for weekday `d` (1 Monday … 7 Sunday); none means every day
 *
 * A demand rule as the demand rule form edits it; empty dates and note are sent as null.
 */
typedef struct {
	gint64 seat_class_id;
	guint weekdays;
	const gchar *date_from;
	const gchar *date_to;
	const gchar *start;
	const gchar *end;
	gint64 seats;
	const gchar *note;
} RosterDemandRuleFields;

void
roster_demand_rule_fields_read(RosterDemandRuleFields *fields, RosterItem *item);
JsonNode *
roster_demand_rule_fields_to_json(const RosterDemandRuleFields *fields, gint64 revision);

/**
 * RosterAvailabilityFields:
 * @weekday: 1 Monday … 7 Sunday, or 0 for an entry on @date
 *
 * An availability entry as its form edits it; the body clears the one of weekday and
 * date the entry does not use, so an edit may switch between them.
 */
typedef struct {
	const gchar *kind;
	gint64 weekday;
	const gchar *date;
	const gchar *start;
	const gchar *end;
	const gchar *note;
} RosterAvailabilityFields;

void
roster_availability_fields_read(RosterAvailabilityFields *fields, RosterItem *item);
JsonNode *
roster_availability_fields_to_json(const RosterAvailabilityFields *fields, gint64 revision);

/**
 * RosterTrainingFields:
 *
 * A training record, as listed and as the training form adds it.
 */
typedef struct {
	gint64 volunteer_id;
	const gchar *date;
	const gchar *kind;
	gdouble hours;
	const gchar *verified_by;
} RosterTrainingFields;

void
roster_training_fields_read(RosterTrainingFields *fields, RosterItem *item);
JsonNode *
roster_training_fields_to_json(const RosterTrainingFields *fields);

/**
 * RosterRatingFields:
 *
 * A rating, as listed and as the rating form adds it.
 */
typedef struct {
	gint64 volunteer_id;
	const gchar *date;
	const gchar *dimension;
	gint64 score;
	const gchar *note;
} RosterRatingFields;

void
roster_rating_fields_read(RosterRatingFields *fields, RosterItem *item);
JsonNode *
roster_rating_fields_to_json(const RosterRatingFields *fields);

JsonBuilder *
roster_record_body_begin(gint64 revision);
JsonNode *
roster_record_body_end(JsonBuilder *builder);

JsonNode *
roster_attendance_body_new(gint64 roster_id,
			   gint64 assignment_id,
			   const gchar *status,
			   gint64 late_minutes);
JsonNode *
roster_attendance_day_body_new(gint64 roster_id, const gchar *date);
JsonNode *
roster_promotion_body_new(gint64 volunteer_id, const gchar *to_tier);

const gchar *
roster_training_kind_to_label(const gchar *kind);

G_END_DECLS
