/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* member names of calendars, attendance, service hours, training, ratings, promotions,
 * recognition and reports (included by roster-json-keys.h users that need them) */

#define ROSTER_COLLECTION_ATTENDANCE   "attendance"
#define ROSTER_COLLECTION_SERVICE_LOGS "service-logs"
#define ROSTER_COLLECTION_TRAINING     "training"
#define ROSTER_COLLECTION_RATINGS      "ratings"
#define ROSTER_COLLECTION_PROMOTIONS   "promotions"
#define ROSTER_COLLECTION_SETTINGS     "record-settings"

#define ROSTER_KEY_URL		     "url"
#define ROSTER_KEY_ASSIGNMENT_ID     "assignment_id"
#define ROSTER_KEY_STATUS	     "status"
#define ROSTER_KEY_LATE_MINUTES	     "late_minutes"
#define ROSTER_KEY_EARLY_MINUTES     "early_minutes"
#define ROSTER_KEY_MINUTES	     "minutes"
#define ROSTER_KEY_HOURS	     "hours"
#define ROSTER_KEY_RECORDED_BY	     "recorded_by"
#define ROSTER_KEY_DESCRIPTION	     "description"
#define ROSTER_KEY_APPROVER	     "approver"
#define ROSTER_KEY_DECIDED	     "decided"
#define ROSTER_KEY_VERIFIED_BY	     "verified_by"
#define ROSTER_KEY_DIMENSION	     "dimension"
#define ROSTER_KEY_RATER	     "rater"
#define ROSTER_KEY_SOURCE_ID	     "source_id"
#define ROSTER_KEY_STARS	     "stars"
#define ROSTER_KEY_LEVELS	     "levels"
#define ROSTER_KEY_REACHED	     "reached"
#define ROSTER_KEY_RANK		     "rank"
#define ROSTER_KEY_PERIOD	     "period"
#define ROSTER_KEY_NO_SHOWS	     "no_shows"
#define ROSTER_KEY_TRAINING_HOURS    "training_hours"
#define ROSTER_KEY_SUPERVISION_HOURS "supervision_hours"
#define ROSTER_KEY_PRE_JOB_HOURS     "pre_job_hours"
#define ROSTER_KEY_SERVICE_HOURS     "service_hours"
#define ROSTER_KEY_AVERAGE_RATING    "average_rating"
#define ROSTER_KEY_RATINGS_COUNT     "ratings_count"
#define ROSTER_KEY_FROM_TIER	     "from_tier"
#define ROSTER_KEY_TO_TIER	     "to_tier"
#define ROSTER_KEY_EVIDENCE	     "evidence"
#define ROSTER_KEY_QUALIFIES	     "qualifies"
#define ROSTER_KEY_REQUIRED	     "required"
#define ROSTER_KEY_FILLED	     "filled"
#define ROSTER_KEY_SHARE	     "share"
#define ROSTER_KEY_SEAT_CLASSES	     "seat_classes"

/* settings */
#define ROSTER_KEY_CALENDAR_ALARMS   "calendar_alarms"
#define ROSTER_KEY_PRE_JOB_MIN_HOURS "pre_job_min_hours"
#define ROSTER_KEY_PROMOTION_RULES   "promotion_rules"
#define ROSTER_KEY_LAST_N_RATINGS    "last_n_ratings"
#define ROSTER_KEY_MIN_AVERAGE	     "min_average_rating"
#define ROSTER_KEY_MAX_NO_SHOWS	     "max_no_shows"
/* stored with the settings: the time of their last change */
#define ROSTER_KEY_SETTINGS_MODIFIED "modified"

/* values */
#define ROSTER_STATUS_ATTENDED	    "attended"
#define ROSTER_STATUS_LATE	    "late"
#define ROSTER_STATUS_LEFT_EARLY    "left-early"
#define ROSTER_STATUS_NO_SHOW	    "no-show"
#define ROSTER_LOG_PENDING	    "pending"
#define ROSTER_LOG_APPROVED	    "approved"
#define ROSTER_LOG_REJECTED	    "rejected"
#define ROSTER_TRAINING_PRE_JOB	    "pre-job"
#define ROSTER_TRAINING_SUPERVISION "supervision"
#define ROSTER_TRAINING_CONTINUING  "continuing"

/* the field of the 422 that refuses attendance for a shift that has not started */
#define ROSTER_ATTENDANCE_REFUSAL_NOT_STARTED "shift-not-started"
