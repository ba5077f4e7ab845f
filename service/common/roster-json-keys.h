/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/*
 * JSON member names and collection names shared by the daemon and the app, so
 * the two sides cannot drift apart. Add new names here, never as literals.
 */

/* collections under /api/v1 */
#define ROSTER_COLLECTION_CALENDARS    "calendars"
#define ROSTER_COLLECTION_SEAT_CLASSES "seat-classes"
#define ROSTER_COLLECTION_DEMAND_RULES "demand-rules"
#define ROSTER_COLLECTION_TEAMS	       "teams"
#define ROSTER_COLLECTION_VOLUNTEERS   "volunteers"
/* a sub-collection: /api/v1/volunteers/{id}/availability */
#define ROSTER_COLLECTION_AVAILABILITY "availability"
#define ROSTER_COLLECTION_ACCOUNTS     "accounts"
#define ROSTER_COLLECTION_AUDIT	       "audit"

/* members every record has */
#define ROSTER_KEY_ID	    "id"
#define ROSTER_KEY_REVISION "revision"
#define ROSTER_KEY_CREATED  "created"
#define ROSTER_KEY_MODIFIED "modified"

/* list envelopes */
#define ROSTER_KEY_ITEMS  "items"
#define ROSTER_KEY_TOTAL  "total"
#define ROSTER_KEY_OFFSET "offset"
#define ROSTER_KEY_LIMIT  "limit"

/* errors: {"error":{"code":"…","message":"…","field":"…"}} */
#define ROSTER_KEY_ERROR   "error"
#define ROSTER_KEY_CODE	   "code"
#define ROSTER_KEY_MESSAGE "message"
#define ROSTER_KEY_FIELD   "field"

/* login */
#define ROSTER_KEY_USERNAME   "username"
#define ROSTER_KEY_PASSWORD   "password"
#define ROSTER_KEY_TOKEN      "token"
#define ROSTER_KEY_EXPIRES_AT "expires_at"
#define ROSTER_KEY_ROLE	      "role"

/* service calendars */
#define ROSTER_KEY_NAME		    "name"
#define ROSTER_KEY_LINE		    "line"
#define ROSTER_KEY_TIME_ZONE	    "time_zone"
#define ROSTER_KEY_SLOT_MINUTES	    "slot_minutes"
#define ROSTER_KEY_FIRST_SLOT_START "first_slot_start"
#define ROSTER_KEY_MANNED_WINDOWS   "manned_windows"
#define ROSTER_KEY_OVERRIDES	    "overrides"
#define ROSTER_KEY_NIGHT_START	    "night_start"
#define ROSTER_KEY_NIGHT_END	    "night_end"
#define ROSTER_KEY_DUTY_CONTACT	    "duty_contact"
/* what a holiday of the imported calendar takes: the hours and demand of a Sunday, the
 * line closed, or the line's own holiday windows (and demand rules naming holidays) */
#define ROSTER_KEY_HOLIDAY_HOURS    "holiday_hours"
#define ROSTER_KEY_HOLIDAY_WINDOWS  "holiday_windows"
#define ROSTER_HOLIDAY_HOURS_SUNDAY "sunday"
#define ROSTER_HOLIDAY_HOURS_CLOSED "closed"
#define ROSTER_HOLIDAY_HOURS_OWN    "own"
/* the weekday a demand rule names for the holidays of the imported calendar */
#define ROSTER_WEEKDAY_HOLIDAY 8
/* members of one manned window, and of demand rules and availability */
#define ROSTER_KEY_WEEKDAY "weekday"
#define ROSTER_KEY_START   "start"
#define ROSTER_KEY_END	   "end"
/* the manned windows of one calendar override (and ROSTER_KEY_DATE_FROM, _DATE_TO) */
#define ROSTER_KEY_WINDOWS "windows"

/* seat classes (and ROSTER_KEY_CODE) */
#define ROSTER_KEY_MODE	     "mode"
#define ROSTER_KEY_MIN_TIER  "min_tier"
#define ROSTER_KEY_MIN_SEATS "min_seats"
#define ROSTER_KEY_SKILLS    "skills"
#define ROSTER_KEY_CRISIS    "crisis"
#define ROSTER_KEY_LOCATION  "location"
#define ROSTER_KEY_COLOUR    "colour"
/* places for trainees beside the seats of each slot of a seat class (issue 15) */
#define ROSTER_KEY_TRAINEE_PLACES "trainee_places"

/* demand rules */
#define ROSTER_KEY_SEAT_CLASS_ID "seat_class_id"
#define ROSTER_KEY_WEEKDAYS	 "weekdays"
#define ROSTER_KEY_DATE_FROM	 "date_from"
#define ROSTER_KEY_DATE_TO	 "date_to"
#define ROSTER_KEY_SEATS	 "seats"
#define ROSTER_KEY_NOTE		 "note"

/* volunteers */
#define ROSTER_KEY_COUNSELLOR_NO	"counsellor_no"
#define ROSTER_KEY_PHONE		"phone"
#define ROSTER_KEY_EMAIL		"email"
#define ROSTER_KEY_TIER			"tier"
#define ROSTER_KEY_MODES		"modes"
#define ROSTER_KEY_TEAM_ID		"team_id"
#define ROSTER_KEY_ACTIVE		"active"
#define ROSTER_KEY_MAX_HOURS_WEEK	"max_hours_week"
#define ROSTER_KEY_MAX_HOURS_MONTH	"max_hours_month"
#define ROSTER_KEY_MAX_SHIFTS_MONTH	"max_shifts_month"
#define ROSTER_KEY_MAX_CONSECUTIVE_DAYS "max_consecutive_days"
#define ROSTER_KEY_MAX_NIGHTS_MONTH	"max_nights_month"
#define ROSTER_KEY_MIN_SHIFTS_MONTH	"min_shifts_month"
#define ROSTER_KEY_HONOUR_ROLL_CONSENT	"honour_roll_consent"
#define ROSTER_KEY_PREFERRED_LANGUAGE	"preferred_language"

/* availability of a volunteer */
#define ROSTER_KEY_VOLUNTEER_ID "volunteer_id"
#define ROSTER_KEY_KIND		"kind"
#define ROSTER_KEY_DATE		"date"

/* accounts (also ROSTER_KEY_USERNAME, ROSTER_KEY_PASSWORD, ROSTER_KEY_ROLE,
 * ROSTER_KEY_VOLUNTEER_ID and ROSTER_KEY_ACTIVE) */
#define ROSTER_KEY_ACCOUNT_ID "account_id"

/* audit entries */
#define ROSTER_KEY_AT	      "at"
#define ROSTER_KEY_ACTOR      "actor"
#define ROSTER_KEY_ACTOR_ID   "actor_id"
#define ROSTER_KEY_ACTION     "action"
#define ROSTER_KEY_COLLECTION "collection"
#define ROSTER_KEY_RECORD_ID  "record_id"
#define ROSTER_KEY_BEFORE     "before"
#define ROSTER_KEY_AFTER      "after"

/* list parameters (query strings) */
#define ROSTER_PARAM_Q		"q"
#define ROSTER_PARAM_TIER	"tier"
#define ROSTER_PARAM_TEAM	"team"
#define ROSTER_PARAM_ACTIVE	"active"
#define ROSTER_PARAM_ROLE	"role"
#define ROSTER_PARAM_OFFSET	"offset"
#define ROSTER_PARAM_LIMIT	"limit"
#define ROSTER_PARAM_COLLECTION "collection"
#define ROSTER_PARAM_RECORD_ID	"record_id"
#define ROSTER_PARAM_ACTOR	"actor"

/* enum values */
#define ROSTER_TIER_TRAINEE		"trainee"
#define ROSTER_TIER_COUNSELLOR		"counsellor"
#define ROSTER_TIER_SENIOR		"senior"
#define ROSTER_TIER_EXPERT		"expert"
#define ROSTER_MODE_ON_SITE		"on-site"
#define ROSTER_MODE_CLOUD		"cloud"
#define ROSTER_AVAILABILITY_UNAVAILABLE "unavailable"
#define ROSTER_AVAILABILITY_PREFERRED	"preferred"
#define ROSTER_AVAILABILITY_AVOID	"avoid"
#define ROSTER_ACTION_CREATE		"create"
#define ROSTER_ACTION_UPDATE		"update"
#define ROSTER_ACTION_DELETE		"delete"

/* the members of a roster's settings: the number settings, the slots teams prefer
 * ({"team id": ["HH:MM", …]}) and the team rotation ({"mode": "hard"|"soft", "weight",
 * "cycle_start": "YYYY-MM-DD", "rules": [{"team_id", "weekdays"?, "slots"?,
 * "cycle_weeks"?, "cycle_week"?}, …]}) */
#define ROSTER_SETTING_MIN_REST		"min_rest_minutes"
#define ROSTER_SETTING_UNCOVERED	"uncovered"
#define ROSTER_SETTING_UNCOVERED_CRISIS "uncovered_crisis"
#define ROSTER_SETTING_OVER		"over"
#define ROSTER_SETTING_AVOID		"avoid"
#define ROSTER_SETTING_PREFERRED	"preferred"
#define ROSTER_SETTING_NIGHT		"night"
#define ROSTER_SETTING_WEEKEND		"weekend"
#define ROSTER_SETTING_COMMITMENT	"commitment"
#define ROSTER_SETTING_STABILITY	"stability"
#define ROSTER_SETTING_TEAM		"team"
#define ROSTER_SETTING_TRAINEE_PLACE	"trainee_place"
#define ROSTER_SETTING_TEAM_SLOTS	"team_slots"
#define ROSTER_SETTING_TEAM_ROTATION	"team_rotation"
#define ROSTER_ROTATION_MODE		"mode"
#define ROSTER_ROTATION_HARD		"hard"
#define ROSTER_ROTATION_SOFT		"soft"
#define ROSTER_ROTATION_WEIGHT		"weight"
#define ROSTER_ROTATION_CYCLE_START	"cycle_start"
#define ROSTER_ROTATION_RULES		"rules"
#define ROSTER_RULE_WEEKDAYS		"weekdays"
#define ROSTER_RULE_SLOTS		"slots"
#define ROSTER_RULE_CYCLE_WEEKS		"cycle_weeks"
#define ROSTER_RULE_CYCLE_WEEK		"cycle_week"

/* rosters, assignments, solve jobs, explanations and versions (issue 4) */
#define ROSTER_COLLECTION_ROSTERS     "rosters"
#define ROSTER_COLLECTION_ASSIGNMENTS "assignments"
#define ROSTER_KEY_PERIOD_START	      "period_start"
#define ROSTER_KEY_PERIOD_END	      "period_end"
#define ROSTER_KEY_STATE	      "state"
#define ROSTER_KEY_SETTINGS	      "settings"
#define ROSTER_KEY_SCORE	      "score"
#define ROSTER_KEY_VERSION	      "version"
#define ROSTER_KEY_N_VERSIONS	      "n_versions"
#define ROSTER_KEY_NUMBER	      "number"
#define ROSTER_KEY_ASSIGNMENTS	      "assignments"
#define ROSTER_KEY_ROSTER_ID	      "roster_id"
#define ROSTER_KEY_SLOT		      "slot"
#define ROSTER_KEY_SEAT_NO	      "seat_no"
#define ROSTER_KEY_PINNED	      "pinned"
#define ROSTER_KEY_CONFIRMED_AT	      "confirmed_at"
#define ROSTER_KEY_SOURCE	      "source"
#define ROSTER_KEY_OVERRIDE	      "override"
#define ROSTER_KEY_SEAT_CLASS	      "seat_class"
#define ROSTER_KEY_FEASIBLE	      "feasible"
#define ROSTER_KEY_OBJECTIVE	      "objective"
#define ROSTER_KEY_UNCOVERED	      "uncovered"
#define ROSTER_KEY_UNCOVERED_CRISIS   "uncovered_crisis"
#define ROSTER_KEY_HARD_VIOLATIONS    "hard_violations"
#define ROSTER_KEY_VIOLATIONS	      "violations"
#define ROSTER_KEY_JOB_ID	      "job_id"
#define ROSTER_KEY_JOB		      "job"
#define ROSTER_KEY_ELAPSED	      "elapsed"
#define ROSTER_KEY_BEST_SCORE	      "best_score"
#define ROSTER_KEY_ITERATIONS	      "iterations"
#define ROSTER_KEY_BOUND	      "bound"
#define ROSTER_KEY_GAP		      "gap"
#define ROSTER_KEY_TIME_LIMIT	      "time_limit"
#define ROSTER_KEY_SEED		      "seed"
#define ROSTER_KEY_EXPLANATIONS	      "explanations"
#define ROSTER_KEY_REASON	      "reason"
#define ROSTER_KEY_TEXT		      "text"
#define ROSTER_KEY_SUGGESTIONS	      "suggestions"
#define ROSTER_KEY_COST		      "cost"
#define ROSTER_KEY_FROM		      "from"
#define ROSTER_KEY_TO		      "to"
#define ROSTER_KEY_ADDED	      "added"
#define ROSTER_KEY_REMOVED	      "removed"
#define ROSTER_KEY_PEOPLE	      "people"
#define ROSTER_KEY_RULE		      "rule"
#define ROSTER_PARAM_SLOT	      "slot"
#define ROSTER_PARAM_SEAT_CLASS	      "seat_class"
#define ROSTER_PARAM_DATE	      "date"
#define ROSTER_PARAM_FROM	      "from"
#define ROSTER_PARAM_TO		      "to"
#define ROSTER_STATE_DRAFT	      "draft"
#define ROSTER_STATE_PUBLISHED	      "published"
#define ROSTER_JOB_RUNNING	      "running"
#define ROSTER_JOB_DONE		      "done"
#define ROSTER_JOB_CANCELLED	      "cancelled"
#define ROSTER_JOB_FAILED	      "failed"
#define ROSTER_JOB_STOPPED	      "stopped"

/* the CSV import of volunteers: {"imported": N}, or an error with every bad "rows" */
#define ROSTER_KEY_IMPORTED "imported"
#define ROSTER_KEY_ROWS	    "rows"

/* explanation items that concern a person or an assignment, the import's warnings
 * about people who fit no seat, and whether an edit's 422 would pass with "override" */
#define ROSTER_KEY_VOLUNTEER	 "volunteer"
#define ROSTER_KEY_REASONS	 "reasons"
#define ROSTER_KEY_ASSIGNMENT_ID "assignment_id"
#define ROSTER_KEY_WARNINGS	 "warnings"
#define ROSTER_KEY_OVERRIDABLE	 "overridable"

/* calendars, attendance, hours, training, ratings, promotions and reports */
#include "roster-json-keys-records.h"
