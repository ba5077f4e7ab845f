/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-web.h"
#include "roster-http-router.h"

/*
 * A volunteer's own shifts and month, for the volunteers' page (a bearer token works
 * as well as the page's cookie session):
 *
 *   GET  /api/v1/me/shifts                    my published shifts from today, next first
 *   POST /api/v1/me/shifts/seen               the versions shown are seen: 204
 *   GET  /api/v1/me/month                     ?month=YYYY-MM: commitment, hours, stars
 *   POST /api/v1/rosters/{id}/assignments/{id}/confirm   confirms a published shift
 */

static JsonNode *
shifts_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_my_shifts(request->engine,
					    request->principal,
					    roster_http_request_get_param(request, "today"),
					    error);
}

static JsonNode *
seen_cb(RosterHttpRequest *request, GError **error)
{
	if (!roster_engine_mark_shifts_seen(request->engine, request->principal, error))
		return NULL;
	roster_http_request_reply_no_content(request);
	return NULL;
}

static JsonNode *
month_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_my_month(request->engine,
					  request->principal,
					  roster_http_request_get_param(request, "month"),
					  error);
}

static JsonNode *
confirm_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_confirm_shift(request->engine,
					   request->principal,
					   request->ids[0],
					   request->ids[1],
					   error);
}

static const RosterHttpRoute me_routes[] = {
    {ROSTER_HTTP_METHOD_GET,
     "/me/shifts",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     shifts_cb},
    {ROSTER_HTTP_METHOD_POST,
     "/me/shifts/seen",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     seen_cb},
    {ROSTER_HTTP_METHOD_GET, "/me/month", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, month_cb},
    {ROSTER_HTTP_METHOD_POST,
     "/rosters/{id}/assignments/{id}/confirm",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     confirm_cb},
};

/**
 * roster_http_route_me_add:
 * @router: a #RosterHttpRouter
 *
 * Adds a volunteer's shifts, month and the confirmation of a shift.
 *
 * Since: 0.3
 **/
void
roster_http_route_me_add(RosterHttpRouter *router)
{
	roster_http_router_add(router,
			       me_routes,
			       G_N_ELEMENTS(me_routes),
			       ROSTER_HTTP_API_PREFIX,
			       NULL);
}
