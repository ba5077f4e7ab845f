/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the routes of shift requests (swap, give-away, pick-up) under /api/v1/requests */

#include "config.h"

#include "roster-engine-requests.h"
#include "roster-http-router.h"
#include "roster-json-keys-requests.h"
#include "roster-json-keys.h"

/*
 *   GET, POST  /requests                    (?state=; POST answers 201)
 *   GET        /requests/{id}
 *   POST       /requests/{id}/accept|decline|withdraw|approve   ({"reason"?})
 *   GET        /requests/{id}/candidates    (an open give-away's possible takers)
 *   GET        /requests/open-seats         (?roster_id=)
 *   GET        /requests/swap-options       (?roster_id=&assignment_id=: my shift)
 *   GET, PUT   /requests/settings           (the rules of approval by themselves)
 */

static JsonNode *
list_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_requests(request->engine,
					   request->principal,
					   request->query,
					   error);
}

static JsonNode *
create_cb(RosterHttpRequest *request, GError **error)
{
	roster_http_request_set_created(request,
					ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_REQUESTS);
	return roster_engine_create_request(request->engine,
					    request->principal,
					    request->body,
					    error);
}

static JsonNode *
get_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_request(request->engine,
					 request->principal,
					 request->ids[0],
					 error);
}

static JsonNode *
act_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_act_on_request(request->engine,
					    request->principal,
					    request->ids[0],
					    request->data,
					    request->body,
					    error);
}

static JsonNode *
candidates_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_request_candidates(request->engine,
						     request->principal,
						     request->ids[0],
						     error);
}

static JsonNode *
open_seats_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_open_seats(request->engine,
					     request->principal,
					     request->query,
					     error);
}

static JsonNode *
swap_options_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_swap_options(request->engine,
					       request->principal,
					       request->query,
					       error);
}

static JsonNode *
get_rules_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_request_rules(request->engine, request->principal, error);
}

static JsonNode *
set_rules_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_set_request_rules(request->engine,
					       request->principal,
					       request->body,
					       error);
}

#define ROUTE(methods, pattern, body, handler)                                                     \
	{                                                                                          \
		methods, pattern, body, ROSTER_HTTP_AUTH_TOKEN, handler, NULL,                     \
		    ROSTER_HTTP_ROUTE_FLAG_NONE                                                    \
	}

static const RosterHttpRoute request_routes[] = {
    ROUTE(ROSTER_HTTP_METHOD_GET, "", ROSTER_HTTP_BODY_NONE, list_cb),
    ROUTE(ROSTER_HTTP_METHOD_POST, "", ROSTER_HTTP_BODY_REQUIRED, create_cb),
    ROUTE(ROSTER_HTTP_METHOD_GET, "/{id}", ROSTER_HTTP_BODY_NONE, get_cb),
    ROUTE(ROSTER_HTTP_METHOD_GET, "/{id}/candidates", ROSTER_HTTP_BODY_NONE, candidates_cb),
    ROUTE(ROSTER_HTTP_METHOD_GET, "/open-seats", ROSTER_HTTP_BODY_NONE, open_seats_cb),
    ROUTE(ROSTER_HTTP_METHOD_GET, "/swap-options", ROSTER_HTTP_BODY_NONE, swap_options_cb),
    ROUTE(ROSTER_HTTP_METHOD_GET, "/settings", ROSTER_HTTP_BODY_NONE, get_rules_cb),
    ROUTE(ROSTER_HTTP_METHOD_PUT, "/settings", ROSTER_HTTP_BODY_REQUIRED, set_rules_cb),
};

/* one action, with its name as the route's data */
static const RosterHttpRoute action_routes[] = {
    ROUTE(ROSTER_HTTP_METHOD_POST, "", ROSTER_HTTP_BODY_OPTIONAL, act_cb),
};

/**
 * roster_http_route_requests_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the routes under /api/v1/requests.
 *
 * Since: 0.3
 **/
void
roster_http_route_requests_add(RosterHttpRouter *router)
{
	static const gchar *const actions[] = {ROSTER_REQUEST_ACTION_ACCEPT,
					       ROSTER_REQUEST_ACTION_DECLINE,
					       ROSTER_REQUEST_ACTION_WITHDRAW,
					       ROSTER_REQUEST_ACTION_APPROVE};
	const gchar *prefix = ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_REQUESTS;

	roster_http_router_add(router, request_routes, G_N_ELEMENTS(request_routes), prefix, NULL);
	for (guint i = 0; i < G_N_ELEMENTS(actions); i++) {
		g_autofree gchar *path = g_strconcat(prefix, "/{id}/", actions[i], NULL);
		roster_http_router_add(router, action_routes, 1, path, actions[i]);
	}
}
