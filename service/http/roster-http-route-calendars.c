/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-engine-calendar.h"
#include "roster-http-answer-cache.h"
#include "roster-http-router.h"
#include "roster-json-keys.h"

/*
 * The routes of calendars. The personal feed needs no login, its token is the secret;
 * the others do:
 *
 *   GET, HEAD /calendar/<token>.ics?lang=en     a volunteer's feed (no login)
 *   POST      /api/v1/calendar-tokens/{volunteer}  a new feed URL (the old one stops)
 *   GET       /api/v1/calendar-export.ics?roster=&team=&seat_class=&volunteer=&lang=en
 *
 * A calendar answers with an ETag and Last-Modified, and 304 when the client's copy is
 * current.
 */

#define CALENDAR_CONTENT_TYPE "text/calendar; charset=utf-8"

static gboolean
query_english(RosterHttpRequest *request)
{
	return g_strcmp0(roster_http_request_get_param(request, "lang"), "en") == 0;
}

/* whether the client's copy is current (RFC 9110 §13.1: If-None-Match wins) */
static gboolean
not_modified(SoupMessageHeaders *headers, const gchar *etag, gint64 last_modified)
{
	const gchar *inm = soup_message_headers_get_one(headers, "If-None-Match");
	const gchar *ims = soup_message_headers_get_one(headers, "If-Modified-Since");

	if (inm != NULL)
		return roster_http_etag_listed(inm, etag);
	if (ims != NULL && last_modified > 0) {
		g_autoptr(GDateTime) since = soup_date_time_new_from_http_string(ims);
		return since != NULL && g_date_time_to_unix(since) >= last_modified;
	}
	return FALSE;
}

/* answers a calendar: 200 with validators, or 304 when the client's copy is current */
static void
reply_calendar(RosterHttpRequest *request, RosterCalendarFeed *feed, const gchar *filename)
{
	SoupServerMessage *msg = request->msg;
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);
	const gchar *etag = feed->etag;
	g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc(feed->last_modified);
	g_autofree gchar *http_date = soup_date_time_to_string(modified, SOUP_DATE_HTTP);

	request->answered = TRUE;
	roster_http_set_common_headers(msg);
	soup_message_headers_replace(headers, "ETag", etag);
	soup_message_headers_replace(headers, "Last-Modified", http_date);
	soup_message_headers_replace(headers,
				     "Cache-Control",
				     "private, max-age=0, must-revalidate");
	roster_http_request_set_attachment(request, filename);
	if (not_modified(soup_server_message_get_request_headers(msg), etag, feed->last_modified)) {
		soup_server_message_set_status(msg, SOUP_STATUS_NOT_MODIFIED, NULL);
		return;
	}
	soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
	soup_server_message_set_response(msg,
					 CALENDAR_CONTENT_TYPE,
					 SOUP_MEMORY_COPY,
					 feed->text,
					 strlen(feed->text));
}

static JsonNode *
feed_cb(RosterHttpRequest *request, GError **error)
{
	g_autoptr(RosterCalendarFeed) feed = NULL;

	feed = roster_engine_dup_calendar_feed(request->engine,
					       request->text,
					       query_english(request),
					       error);
	if (feed == NULL)
		return NULL;
	reply_calendar(request, feed, NULL);
	return NULL;
}

static JsonNode *
calendar_token_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_rotate_calendar_token(request->engine,
						   request->principal,
						   request->ids[0],
						   error);
}

static void
export_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterHttpRequest) request = user_data;
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autoptr(GError) error = NULL;

	feed = roster_engine_export_calendar_finish(ROSTER_ENGINE(source), result, &error);
	if (feed == NULL) {
		roster_http_request_answer(request, NULL, error);
		return;
	}
	if (!request->gone)
		reply_calendar(request, feed, "roster.ics");
	roster_http_request_resume(request);
}

static JsonNode *
calendar_export_cb(RosterHttpRequest *request, GError **error)
{
	const gchar *keys[] = {"roster", "team", "seat_class", "volunteer"};
	gint64 ids[G_N_ELEMENTS(keys)] = {0};
	RosterHttpRequest *paused;

	for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
		ids[i] = roster_http_request_get_id_param(request, keys[i]);
		if (ids[i] < 0) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       keys[i],
					       "must be an id");
			return NULL;
		}
	}
	/* a big export runs in a worker thread; the message waits, paused */
	paused = roster_http_request_pause(request);
	roster_engine_export_calendar_async(request->engine,
					    request->principal,
					    ids[0],
					    ids[1],
					    ids[2],
					    ids[3],
					    query_english(request),
					    paused->cancellable,
					    export_done_cb,
					    paused);
	return NULL;
}

static const RosterHttpRoute feed_routes[] = {
    {ROSTER_HTTP_METHOD_GET | ROSTER_HTTP_METHOD_HEAD,
     "/calendar/{text}.ics",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_NONE,
     feed_cb},
};

static const RosterHttpRoute calendar_routes[] = {
    {ROSTER_HTTP_METHOD_POST,
     "/calendar-tokens/{id}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     calendar_token_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/calendar-export.ics",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     calendar_export_cb},
};

/**
 * roster_http_route_calendars_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the calendar feed, the feed tokens and the calendar export.
 *
 * Since: 0.2
 **/
void
roster_http_route_calendars_add(RosterHttpRouter *router)
{
	roster_http_router_add(router, feed_routes, G_N_ELEMENTS(feed_routes), NULL, NULL);
	roster_http_router_add(router,
			       calendar_routes,
			       G_N_ELEMENTS(calendar_routes),
			       ROSTER_HTTP_API_PREFIX,
			       NULL);
}
