/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the one-tap confirm link of a reminder, without a login:
 *   GET /confirm/<token>?lang=en     confirms the shift; an HTML page in Chinese or English
 */

#include "config.h"

#include "roster-engine-notify.h"
#include "roster-http-private.h"
#include "roster-http-router.h"

#define PAGE_POLICY "default-src 'none'; style-src 'unsafe-inline'"

static const struct {
	RosterConfirmOutcome outcome;
	guint status;
	const gchar *zh;
	const gchar *en;
} answers[] = {
    {ROSTER_CONFIRM_DONE, SOUP_STATUS_OK, "已确认，谢谢！", "Confirmed, thank you!"},
    {ROSTER_CONFIRM_ALREADY,
     SOUP_STATUS_OK,
     "此班次已经确认过了。",
     "This shift is already confirmed."},
    {ROSTER_CONFIRM_EXPIRED,
     SOUP_STATUS_GONE,
     "此确认链接已过期。",
     "This confirm link has expired."},
    {ROSTER_CONFIRM_CHANGED,
     SOUP_STATUS_CONFLICT,
     "排班已更新，此链接不再有效，请在“我的排班”页面确认。",
     "The roster changed since; please confirm on your shifts page."},
    {ROSTER_CONFIRM_INVALID,
     SOUP_STATUS_NOT_FOUND,
     "此确认链接无效。",
     "This confirm link is not valid."},
};

static JsonNode *
confirm_cb(RosterHttpRequest *request, GError **error)
{
	gboolean english = g_strcmp0(roster_http_request_get_param(request, "lang"), "en") == 0;
	RosterConfirmOutcome outcome = ROSTER_CONFIRM_INVALID;
	SoupMessageHeaders *headers;
	g_autofree gchar *page = NULL;

	if (!roster_engine_confirm_by_token(request->engine, request->text, &outcome, error))
		return NULL;
	for (guint i = 0; i < G_N_ELEMENTS(answers); i++) {
		if (answers[i].outcome != outcome)
			continue;
		page = g_strdup_printf("<!DOCTYPE html>\n<html lang=\"%s\"><head><meta "
				       "charset=\"utf-8\"><meta name=\"viewport\" "
				       "content=\"width=device-width\"><title>%s</title></head>"
				       "<body><p style=\"font-size:1.3em\">%s</p></body></html>\n",
				       english ? "en" : "zh-CN",
				       english ? "Shift confirmation" : "班次确认",
				       english ? answers[i].en : answers[i].zh);
		request->answered = TRUE;
		roster_http_set_common_headers(request->msg);
		headers = soup_server_message_get_response_headers(request->msg);
		soup_message_headers_replace(headers, "Content-Security-Policy", PAGE_POLICY);
		soup_message_headers_replace(headers, "Cache-Control", "no-store");
		soup_message_headers_replace(headers, "Referrer-Policy", "no-referrer");
		soup_server_message_set_status(request->msg, answers[i].status, NULL);
		soup_server_message_set_response(request->msg,
						 "text/html; charset=utf-8",
						 SOUP_MEMORY_COPY,
						 page,
						 strlen(page));
	}
	return NULL;
}

static const RosterHttpRoute confirm_routes[] = {
    {ROSTER_HTTP_METHOD_GET,
     "/confirm/{text}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_NONE,
     confirm_cb},
};

/**
 * roster_http_route_confirm_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the confirm links of the reminders.
 **/
void
roster_http_route_confirm_add(RosterHttpRouter *router)
{
	roster_http_router_add(router, confirm_routes, G_N_ELEMENTS(confirm_routes), NULL, NULL);
}
