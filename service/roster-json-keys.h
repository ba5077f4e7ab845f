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
