/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the notifications' routes: the outbox's messages, resend, the notifier's settings and
 * each volunteer's opt-outs */

#include "config.h"

#include "roster-engine-notify.h"
#include "roster-http-router.h"

/*
 *   GET  /api/v1/messages?state=&kind=&volunteer=&offset=&limit=
 *   POST /api/v1/messages/{id}/resend
 *   GET, PUT /api/v1/messages/settings
 *   GET, PUT /api/v1/messages/opt-outs/{id}      (a volunteer's id)
 */

static JsonNode *
list_cb(RosterHttpRequest *request, GError **error)
{
	gint64 volunteer = 0;
	gint64 offset = 0;
	gint64 limit = 50;

	if (!roster_http_request_get_uint_param(request, "volunteer", 0, &volunteer, error) ||
	    !roster_http_request_get_uint_param(request, "offset", 0, &offset, error) ||
	    !roster_http_request_get_uint_param(request, "limit", 50, &limit, error))
		return NULL;
	return roster_engine_list_messages(request->engine,
					   request->principal,
					   roster_http_request_get_param(request, "state"),
					   roster_http_request_get_param(request, "kind"),
					   volunteer,
					   offset,
					   limit,
					   error);
}

static JsonNode *
resend_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_resend_message(request->engine,
					    request->principal,
					    request->ids[0],
					    error);
}

static JsonNode *
get_settings_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_notifier_settings(request->engine, request->principal, error);
}

static JsonNode *
put_settings_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_update_notifier_settings(request->engine,
						      request->principal,
						      request->body,
						      error);
}

static JsonNode *
get_optouts_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_notify_optouts(request->engine,
						request->principal,
						request->ids[0],
						error);
}

static JsonNode *
put_optouts_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_set_notify_optouts(request->engine,
						request->principal,
						request->ids[0],
						request->body,
						error);
}

#define GET  ROSTER_HTTP_METHOD_GET
#define POST ROSTER_HTTP_METHOD_POST
#define PUT  ROSTER_HTTP_METHOD_PUT
#define NONE ROSTER_HTTP_BODY_NONE
#define BODY ROSTER_HTTP_BODY_REQUIRED
#define AUTH ROSTER_HTTP_AUTH_TOKEN

static const RosterHttpRoute message_routes[] = {
    {GET, "", NONE, AUTH, list_cb},
    {POST, "/{id}/resend", NONE, AUTH, resend_cb},
    {GET, "/settings", NONE, AUTH, get_settings_cb},
    {PUT, "/settings", BODY, AUTH, put_settings_cb},
    {GET, "/opt-outs/{id}", NONE, AUTH, get_optouts_cb},
    {PUT, "/opt-outs/{id}", BODY, AUTH, put_optouts_cb},
};

/**
 * roster_http_route_messages_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the routes under /api/v1/messages.
 *
 * Since: 0.3
 **/
void
roster_http_route_messages_add(RosterHttpRouter *router)
{
	roster_http_router_add(router,
			       message_routes,
			       G_N_ELEMENTS(message_routes),
			       ROSTER_HTTP_API_PREFIX "/messages",
			       NULL);
}
