/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-web.h"
#include "roster-http-router.h"

/*
 * Availability rounds:
 *
 *   POST /api/v1/rounds            {"name","period_start","period_end","deadline"}
 *                                  (coordinators, admins) → 201
 *   GET  /api/v1/rounds            every round, with mine or the count of answers
 *   GET  /api/v1/rounds/{id}       the round, its slots; a volunteer's marks, shifts
 *                                  and clashes; staff's answers
 *   PUT  /api/v1/rounds/{id}/marks {"marks":[{"date","kind","start"?,"end"?}]}
 *                                  (a volunteer) → the round; 423 after the deadline
 */

static JsonNode *
create_cb(RosterHttpRequest *request, GError **error)
{
	JsonNode *round =
	    roster_engine_create_round(request->engine, request->principal, request->body, error);

	if (round != NULL)
		roster_http_request_set_created(request, ROSTER_HTTP_API_PREFIX "/rounds");
	return round;
}

static JsonNode *
list_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_rounds(request->engine, request->principal, error);
}

static JsonNode *
get_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_round(request->engine, request->principal, request->ids[0], error);
}

static JsonNode *
answer_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_answer_round(request->engine,
					  request->principal,
					  request->ids[0],
					  request->body,
					  error);
}

static const RosterHttpRoute round_routes[] = {
    {ROSTER_HTTP_METHOD_POST, "", ROSTER_HTTP_BODY_REQUIRED, ROSTER_HTTP_AUTH_TOKEN, create_cb},
    {ROSTER_HTTP_METHOD_GET, "", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, list_cb},
    {ROSTER_HTTP_METHOD_GET, "/{id}", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, get_cb},
    {ROSTER_HTTP_METHOD_PUT,
     "/{id}/marks",
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_TOKEN,
     answer_cb},
};

/**
 * roster_http_route_rounds_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the availability rounds.
 *
 * Since: 0.3
 **/
void
roster_http_route_rounds_add(RosterHttpRouter *router)
{
	roster_http_router_add_collection(router,
					  round_routes,
					  G_N_ELEMENTS(round_routes),
					  "rounds",
					  NULL);
}
