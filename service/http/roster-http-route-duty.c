/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-duty.h"
#include "roster-engine-notify.h"
#include "roster-http-router.h"

/*
 * The duty expert's on-call rota (值班专家). Settings and reachability are read by
 * staff and written by admins and coordinators; the blocks of a roster are read by
 * staff and edited by planners; who is on duty now is for every signed-in account
 * (the call system and the wallboard sign in as an account of their own, and a
 * counsellor escalating a crisis call needs the number); an activation is recorded by
 * a planner or by the expert called:
 *
 *   GET, PUT  /api/v1/duty/settings
 *   GET       /api/v1/duty/reach
 *   PUT, DELETE /api/v1/duty/reach/{volunteer}
 *   GET       /api/v1/duty/rosters/{id}/blocks?version=N   (0 or none: the draft)
 *   PATCH     /api/v1/duty/rosters/{id}/blocks/{block}
 *   GET       /api/v1/duty/now
 *   POST      /api/v1/duty/activations
 */

static JsonNode *
get_settings_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_duty_settings(request->engine, request->principal, error);
}

static JsonNode *
set_settings_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_set_duty_settings(request->engine,
					       request->principal,
					       request->body,
					       error);
}

static JsonNode *
list_reach_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_duty_reach(request->engine, request->principal, error);
}

static JsonNode *
set_reach_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_set_duty_reach(request->engine,
					    request->principal,
					    request->ids[0],
					    request->body,
					    error);
}

static JsonNode *
delete_reach_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_delete_duty_reach(request->engine,
					       request->principal,
					       request->ids[0],
					       error);
}

static JsonNode *
list_blocks_cb(RosterHttpRequest *request, GError **error)
{
	gint64 version = roster_http_request_get_id_param(request, "version");

	return roster_engine_list_duty_blocks(request->engine,
					      request->principal,
					      request->ids[0],
					      MAX(version, 0),
					      error);
}

static JsonNode *
edit_block_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_edit_duty_block(request->engine,
					     request->principal,
					     request->ids[0],
					     request->ids[1],
					     request->body,
					     error);
}

static JsonNode *
now_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_duty_now(request->engine,
					  request->principal,
					  roster_notify_now(),
					  error);
}

static JsonNode *
activation_cb(RosterHttpRequest *request, GError **error)
{
	JsonNode *node = roster_engine_record_duty_activation(request->engine,
							      request->principal,
							      request->body,
							      error);

	if (node != NULL)
		request->status = SOUP_STATUS_CREATED;
	return node;
}

#define ROUTE(method, pattern, body, handler)                                                      \
	{                                                                                          \
		ROSTER_HTTP_METHOD_##method, pattern, ROSTER_HTTP_BODY_##body,                     \
		    ROSTER_HTTP_AUTH_TOKEN, handler                                                \
	}

static const RosterHttpRoute duty_routes[] = {
    ROUTE(GET, "/settings", NONE, get_settings_cb),
    ROUTE(PUT, "/settings", REQUIRED, set_settings_cb),
    ROUTE(GET, "/reach", NONE, list_reach_cb),
    ROUTE(PUT, "/reach/{id}", REQUIRED, set_reach_cb),
    ROUTE(DELETE, "/reach/{id}", NONE, delete_reach_cb),
    ROUTE(GET, "/rosters/{id}/blocks", NONE, list_blocks_cb),
    ROUTE(PATCH, "/rosters/{id}/blocks/{id}", REQUIRED, edit_block_cb),
    ROUTE(GET, "/now", NONE, now_cb),
    ROUTE(POST, "/activations", REQUIRED, activation_cb),
};

/**
 * roster_http_route_duty_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the duty rota's routes.
 *
 * Since: 0.1
 **/
void
roster_http_route_duty_add(RosterHttpRouter *router)
{
	roster_http_router_add(router,
			       duty_routes,
			       G_N_ELEMENTS(duty_routes),
			       ROSTER_HTTP_API_PREFIX "/duty",
			       NULL);
}
