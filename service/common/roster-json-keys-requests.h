/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* member names, kinds, states and refusal codes of shift requests (swap, give-away,
 * pick-up), shared by the engine, the HTTP routes and the app */

#define ROSTER_COLLECTION_REQUESTS "requests"

#define ROSTER_KEY_REQUESTER_ID		"requester_id"
#define ROSTER_KEY_TARGET_VOLUNTEER_ID	"target_volunteer_id"
#define ROSTER_KEY_TARGET_ASSIGNMENT_ID "target_assignment_id"
#define ROSTER_KEY_TARGET_DATE		"target_date"
#define ROSTER_KEY_TARGET_SLOT		"target_slot"
#define ROSTER_KEY_TARGET_SEAT_CLASS_ID "target_seat_class_id"
#define ROSTER_KEY_TAKER_ID		"taker_id"
#define ROSTER_KEY_STARTS_AT		"starts_at"
#define ROSTER_KEY_DECIDED_BY		"decided_by"
#define ROSTER_KEY_APPLIED_VERSION	"applied_version"
#define ROSTER_KEY_AUTO_APPROVED	"auto_approved"

/* the request rules (GET/PUT /api/v1/requests/settings) */
#define ROSTER_KEY_AUTO_APPROVE	   "auto_approve"
#define ROSTER_KEY_MIN_HOURS_AHEAD "min_hours_ahead"
#define ROSTER_KEY_SAME_SEAT_CLASS "same_seat_class"
#define ROSTER_KEY_ALLOW_CRISIS	   "allow_crisis"
/* the settings row the rules are stored in */
#define ROSTER_SETTING_REQUEST_RULES "request_rules"

#define ROSTER_REQUEST_KIND_SWAP     "swap"
#define ROSTER_REQUEST_KIND_GIVEAWAY "giveaway"
#define ROSTER_REQUEST_KIND_PICKUP   "pickup"

#define ROSTER_REQUEST_OPEN	 "open"
#define ROSTER_REQUEST_ACCEPTED	 "accepted"
#define ROSTER_REQUEST_APPLIED	 "applied"
#define ROSTER_REQUEST_DECLINED	 "declined"
#define ROSTER_REQUEST_WITHDRAWN "withdrawn"
#define ROSTER_REQUEST_EXPIRED	 "expired"

/* the actions: POST /api/v1/requests/{id}/<action> */
#define ROSTER_REQUEST_ACTION_ACCEPT   "accept"
#define ROSTER_REQUEST_ACTION_DECLINE  "decline"
#define ROSTER_REQUEST_ACTION_WITHDRAW "withdraw"
#define ROSTER_REQUEST_ACTION_APPROVE  "approve"

/* the "field" of a refusal, a stable code beside the error code: an action the state
 * does not allow (409), a seat someone else claimed first (409), a shift the caller
 * already asked about (409), a shift that has begun (422), a party that may not act
 * (403) */
#define ROSTER_REQUEST_REFUSAL_STATE	     "request-state"
#define ROSTER_REQUEST_REFUSAL_SEAT_CLAIMED  "seat-claimed"
#define ROSTER_REQUEST_REFUSAL_SEAT_TAKEN    "seat-taken"
#define ROSTER_REQUEST_REFUSAL_PENDING	     "request-pending"
#define ROSTER_REQUEST_REFUSAL_SHIFT_STARTED "shift-started"
#define ROSTER_REQUEST_REFUSAL_SHIFT_CHANGED "shift-changed"
#define ROSTER_REQUEST_REFUSAL_NOT_PARTY     "not-party"
