/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* member names and codes of the duty expert's rota (值班专家), shared by the engine, the
 * HTTP routes and the app */

#define ROSTER_COLLECTION_DUTY "duty"

/* the line's duty settings (GET/PUT /api/v1/duty/settings) and their settings row */
#define ROSTER_SETTING_DUTY	     "duty"
#define ROSTER_KEY_DUTY_BLOCK_HOURS  "block_hours"
#define ROSTER_KEY_DUTY_SLA_MINUTES  "sla_minutes"
#define ROSTER_KEY_DUTY_SKILL	     "skill"
#define ROSTER_KEY_DUTY_N_BACKUPS    "n_backups"
#define ROSTER_KEY_DUTY_REST_MINUTES "rest_minutes"
#define ROSTER_KEY_DUTY_ENABLED	     "enabled"
/* a person's reachability (GET /api/v1/duty/reach, PUT …/reach/{volunteer}) */
#define ROSTER_KEY_DUTY_RESPONSE_MINUTES "response_minutes"
#define ROSTER_KEY_DUTY_MAX_BLOCKS	 "max_blocks_month"
/* a duty block */
#define ROSTER_KEY_DUTY_STARTS	   "starts"
#define ROSTER_KEY_DUTY_ENDS	   "ends"
#define ROSTER_KEY_DUTY_PRIMARY_ID "primary_id"
#define ROSTER_KEY_DUTY_PRIMARY	   "primary"
#define ROSTER_KEY_DUTY_BACKUPS	   "backups"
#define ROSTER_KEY_DUTY_BACKUP_IDS "backup_ids"
#define ROSTER_KEY_DUTY_BLOCK_ID   "block_id"
#define ROSTER_KEY_DUTY_AT	   "at"
#define ROSTER_KEY_DUTY_BLOCKS	   "blocks"
/* an activation (POST /api/v1/duty/activations) */
#define ROSTER_KEY_DUTY_STARTED	       "started"
#define ROSTER_KEY_DUTY_ENDED	       "ended"
#define ROSTER_KEY_DUTY_SERVICE_LOG_ID "service_log_id"

/* why a block has no primary: the explanation's code and its counts */
#define ROSTER_DUTY_UNCOVERED	    "duty-uncovered"
#define ROSTER_KEY_DUTY_ELIGIBLE    "eligible"
#define ROSTER_KEY_DUTY_NO_REACH    "no_reach"
#define ROSTER_KEY_DUTY_TOO_SLOW    "too_slow"
#define ROSTER_KEY_DUTY_UNAVAILABLE "unavailable"
#define ROSTER_KEY_DUTY_ON_SEAT	    "on_seat"
#define ROSTER_KEY_DUTY_RESTING	    "resting"
#define ROSTER_KEY_DUTY_AT_LIMIT    "at_limit"

/* a block whose primary a hard rule bars now, and the rule in its reason */
#define ROSTER_DUTY_CONFLICT "duty-conflict"
#define ROSTER_KEY_DUTY_RULE "rule"

/* refusals of a hand edit of a block, as the error's field */
#define ROSTER_DUTY_NOT_ELIGIBLE "duty-not-eligible"
