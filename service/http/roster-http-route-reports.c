/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-hours.h"
#include "roster-http-router.h"
#include "roster-json-keys.h"

/*
 * The reports, all read-only and for signed-in callers; hours and coverage come as
 * JSON or as a CSV file, with column headings in Chinese for lang=zh:
 *
 *   GET /api/v1/reports/hours?period=&from=&to=&format=csv&lang=zh
 *   GET /api/v1/reports/coverage?roster=&format=csv&lang=zh
 *   GET /api/v1/reports/demand?from=&days=
 */

#define CSV_CONTENT_TYPE "text/csv; charset=utf-8"

/* the format asked for: TRUE for csv; json or nothing is FALSE, anything else an error */
static gboolean
read_format(RosterHttpRequest *request, gboolean *csv, GError **error)
{
	const gchar *format = roster_http_request_get_param(request, "format");

	*csv = g_strcmp0(format, "csv") == 0;
	if (format != NULL && !*csv && g_strcmp0(format, "json") != 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "format",
				       "must be json or csv");
		return FALSE;
	}
	return TRUE;
}

static gboolean
query_chinese(RosterHttpRequest *request)
{
	return g_strcmp0(roster_http_request_get_param(request, "lang"), "zh") == 0;
}

/* answers with @csv as a file, or NULL when there is none (the error is set) */
static JsonNode *
reply_csv(RosterHttpRequest *request, gchar *csv, const gchar *filename)
{
	g_autofree gchar *text = csv;

	if (text != NULL)
		roster_http_request_reply_text(request, CSV_CONTENT_TYPE, filename, text);
	return NULL;
}

static JsonNode *
hours_cb(RosterHttpRequest *request, GError **error)
{
	gboolean as_csv = FALSE;

	if (!read_format(request, &as_csv, error))
		return NULL;
	if (!as_csv)
		return roster_engine_report_hours(request->engine,
						  request->principal,
						  request->query,
						  error);
	return reply_csv(request,
			 roster_engine_report_hours_csv(request->engine,
							request->principal,
							request->query,
							query_chinese(request),
							error),
			 "hours.csv");
}

static JsonNode *
coverage_cb(RosterHttpRequest *request, GError **error)
{
	gint64 roster = roster_http_request_get_id_param(request, "roster");
	gboolean as_csv = FALSE;

	if (!read_format(request, &as_csv, error))
		return NULL;
	if (roster <= 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "roster",
				       "must be a roster id");
		return NULL;
	}
	if (!as_csv)
		return roster_engine_report_coverage(request->engine,
						     request->principal,
						     roster,
						     error);
	return reply_csv(request,
			 roster_engine_report_coverage_csv(request->engine,
							   request->principal,
							   roster,
							   query_chinese(request),
							   error),
			 "coverage.csv");
}

/* the demand of the next days, 7 unless ?days= says otherwise */
static JsonNode *
demand_cb(RosterHttpRequest *request, GError **error)
{
	gint64 days = roster_http_request_get_param(request, "days") != NULL
			  ? roster_http_request_get_id_param(request, "days")
			  : 7;
	gboolean as_csv = FALSE;

	if (!read_format(request, &as_csv, error))
		return NULL;
	if (as_csv) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "format",
				       "the demand is json only");
		return NULL;
	}
	return roster_engine_report_demand(
	    request->engine,
	    request->principal,
	    roster_http_request_get_param(request, ROSTER_PARAM_FROM),
	    days > 0 && days <= G_MAXUINT16 ? (guint)days : 0,
	    error);
}

static const RosterHttpRoute report_routes[] = {
    {ROSTER_HTTP_METHOD_GET, "/hours", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, hours_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/coverage",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     coverage_cb},
    {ROSTER_HTTP_METHOD_GET, "/demand", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, demand_cb},
};

/**
 * roster_http_route_reports_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the reports of hours, coverage and demand.
 *
 * Since: 0.2
 **/
void
roster_http_route_reports_add(RosterHttpRouter *router)
{
	roster_http_router_add(router,
			       report_routes,
			       G_N_ELEMENTS(report_routes),
			       ROSTER_HTTP_API_PREFIX "/reports",
			       NULL);
}
