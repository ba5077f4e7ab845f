/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-holidays.h"
#include "roster-http-router.h"

/*
 * The imported holiday calendars, for signed-in callers; an import is for admins and
 * coordinators, its body the year's file as published (holiday-cn or chinese-days
 * JSON), read raw so that a refusal names the line of the file:
 *
 *   GET       /api/v1/holidays?year=2026
 *   PUT, POST /api/v1/holidays/{year}
 */

static JsonNode *
list_cb(RosterHttpRequest *request, GError **error)
{
	gint64 year = roster_http_request_get_id_param(request, "year");

	return roster_engine_list_holidays(request->engine,
					   request->principal,
					   year > 0 && year <= G_MAXINT ? (gint)year : 0,
					   error);
}

static JsonNode *
import_cb(RosterHttpRequest *request, GError **error)
{
	SoupMessageBody *body = soup_server_message_get_request_body(request->msg);
	g_autoptr(GBytes) bytes = soup_message_body_flatten(body);
	gsize length = 0;
	const gchar *data = g_bytes_get_data(bytes, &length);

	if (request->ids[0] > G_MAXINT) {
		roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, "year", "must be a year");
		return NULL;
	}
	return roster_engine_import_holidays(request->engine,
					     request->principal,
					     (gint)request->ids[0],
					     data != NULL ? data : "",
					     length,
					     error);
}

static const RosterHttpRoute holiday_routes[] = {
    {ROSTER_HTTP_METHOD_GET, "", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, list_cb},
    {ROSTER_HTTP_METHOD_PUT | ROSTER_HTTP_METHOD_POST,
     "/{id}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     import_cb},
};

/**
 * roster_http_route_holidays_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the holiday calendars: the year read back and its import.
 *
 * Since: 0.3
 **/
void
roster_http_route_holidays_add(RosterHttpRouter *router)
{
	roster_http_router_add(router,
			       holiday_routes,
			       G_N_ELEMENTS(holiday_routes),
			       ROSTER_HTTP_API_PREFIX "/holidays",
			       NULL);
}
