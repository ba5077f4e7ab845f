/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-engine-calendar.h"
#include "roster-engine-hours.h"
#include "roster-http-private.h"
#include "roster-http-records.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"

/*
 * The routes of calendars and of the records behind recognition. The personal feed
 * /calendar/<token>.ics needs no login; everything under /api/v1 does:
 *
 *   POST /api/v1/calendar-tokens/{volunteer}      a new feed URL (the old one stops)
 *   GET  /api/v1/calendar-export.ics?roster=&team=&seat_class=&volunteer=&lang=en
 *   GET|POST /api/v1/attendance, POST /api/v1/attendance/confirm-day
 *   GET|POST /api/v1/service-logs, POST /api/v1/service-logs/{id}/approve|reject
 *   GET|POST /api/v1/training, GET|POST /api/v1/ratings
 *   GET  /api/v1/hours/{volunteer}?from=&to=, GET /api/v1/stars/{volunteer}
 *   GET  /api/v1/honour-roll?from=&to=
 *   GET|POST /api/v1/promotions, GET /api/v1/promotions/candidates
 *   GET|PUT /api/v1/record-settings
 *   GET  /api/v1/reports/hours?period=&from=&to=&format=csv&lang=zh
 *   GET  /api/v1/reports/coverage?roster=
 *   GET  /api/v1/reports/demand?from=&days=
 */

#define CALENDAR_PREFIX	      "/calendar"
#define CALENDAR_CONTENT_TYPE "text/calendar; charset=utf-8"
#define CSV_CONTENT_TYPE      "text/csv; charset=utf-8"

typedef JsonNode *(*ListFunc)(RosterEngine *, RosterPrincipal *, GHashTable *, GError **);
typedef JsonNode *(*CreateFunc)(RosterEngine *, RosterPrincipal *, JsonNode *, GError **);

typedef struct {
	const gchar *name;
	ListFunc list;
	CreateFunc create;
	/* the status of a successful POST */
	guint created_status;
} SimpleRoute;

static const SimpleRoute simple_routes[] = {
    {ROSTER_COLLECTION_ATTENDANCE,
     roster_engine_list_attendance,
     roster_engine_record_attendance,
     SOUP_STATUS_OK},
    {ROSTER_COLLECTION_SERVICE_LOGS,
     roster_engine_list_service_logs,
     roster_engine_create_service_log,
     SOUP_STATUS_CREATED},
    {ROSTER_COLLECTION_TRAINING,
     roster_engine_list_training,
     roster_engine_create_training,
     SOUP_STATUS_CREATED},
    {ROSTER_COLLECTION_RATINGS,
     roster_engine_list_ratings,
     roster_engine_create_rating,
     SOUP_STATUS_CREATED},
    {ROSTER_COLLECTION_PROMOTIONS,
     roster_engine_list_promotions,
     roster_engine_promote,
     SOUP_STATUS_CREATED},
};

static void
reply_not_found(SoupServerMessage *msg)
{
	g_autofree gchar *message =
	    g_strdup_printf("no route for %s %s",
			    soup_server_message_get_method(msg),
			    g_uri_get_path(soup_server_message_get_uri(msg)));

	roster_http_reply_error_literal(msg, ROSTER_ERROR_NOT_FOUND, message);
}

static gboolean
method_is(SoupServerMessage *msg, const gchar *method)
{
	return g_strcmp0(soup_server_message_get_method(msg), method) == 0;
}

static gint64
parse_id(const gchar *text)
{
	guint64 value = 0;

	if (text == NULL || text[0] == '\0' || strlen(text) > 18)
		return 0;
	for (const gchar *p = text; *p != '\0'; p++) {
		if (!g_ascii_isdigit(*p))
			return 0;
	}
	if (!g_ascii_string_to_unsigned(text, 10, 1, G_MAXINT64, &value, NULL))
		return 0;
	return (gint64)value;
}

/* an optional id in the query: 0 when absent, -1 when malformed */
static gint64
query_id(GHashTable *query, const gchar *key)
{
	const gchar *text = query != NULL ? g_hash_table_lookup(query, key) : NULL;
	gint64 id;

	if (text == NULL)
		return 0;
	id = parse_id(text);
	return id > 0 ? id : -1;
}

static const gchar *
query_get(GHashTable *query, const gchar *key)
{
	return query != NULL ? g_hash_table_lookup(query, key) : NULL;
}

static gboolean
query_english(GHashTable *query)
{
	return g_strcmp0(query_get(query, "lang"), "en") == 0;
}

static GHashTable *
dup_params(GHashTable *query)
{
	if (query != NULL)
		return g_hash_table_ref(query);
	return g_hash_table_new(g_str_hash, g_str_equal);
}

static gchar *
dup_etag(const gchar *text)
{
	g_autofree gchar *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
	return g_strdup_printf("\"%.32s\"", sum);
}

/* whether the client's copy is current (RFC 9110 §13.1: If-None-Match wins) */
static gboolean
not_modified(SoupMessageHeaders *headers, const gchar *etag, gint64 last_modified)
{
	const gchar *inm = soup_message_headers_get_one(headers, "If-None-Match");
	const gchar *ims = soup_message_headers_get_one(headers, "If-Modified-Since");

	if (inm != NULL) {
		g_auto(GStrv) tags = g_strsplit(inm, ",", -1);
		for (guint i = 0; tags[i] != NULL; i++) {
			g_autofree gchar *tag = g_strstrip(g_strdup(tags[i]));
			if (g_strcmp0(tag, etag) == 0 || g_strcmp0(tag, "*") == 0 ||
			    (g_str_has_prefix(tag, "W/") && g_strcmp0(tag + 2, etag) == 0))
				return TRUE;
		}
		return FALSE;
	}
	if (ims != NULL && last_modified > 0) {
		g_autoptr(GDateTime) since = soup_date_time_new_from_http_string(ims);
		return since != NULL && g_date_time_to_unix(since) >= last_modified;
	}
	return FALSE;
}

/* answers a calendar: 200 with validators, or 304 when the client's copy is current */
static void
reply_calendar(SoupServerMessage *msg, RosterCalendarFeed *feed, const gchar *filename)
{
	SoupMessageHeaders *headers = soup_server_message_get_response_headers(msg);
	g_autofree gchar *etag = dup_etag(feed->text);
	g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc(feed->last_modified);
	g_autofree gchar *http_date = soup_date_time_to_string(modified, SOUP_DATE_HTTP);

	roster_http_set_common_headers(msg);
	soup_message_headers_replace(headers, "ETag", etag);
	soup_message_headers_replace(headers, "Last-Modified", http_date);
	soup_message_headers_replace(headers,
				     "Cache-Control",
				     "private, max-age=0, must-revalidate");
	if (filename != NULL) {
		g_autofree gchar *disposition =
		    g_strdup_printf("attachment; filename=\"%s\"", filename);
		soup_message_headers_replace(headers, "Content-Disposition", disposition);
	}
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

static void
feed_cb(SoupServer *soup_server,
	SoupServerMessage *msg,
	const char *path,
	GHashTable *query,
	gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	const gchar *name;

	if (!g_str_has_prefix(path, CALENDAR_PREFIX "/") || !g_str_has_suffix(path, ".ics")) {
		reply_not_found(msg);
		return;
	}
	name = path + strlen(CALENDAR_PREFIX "/");
	if (strchr(name, '/') != NULL) {
		reply_not_found(msg);
		return;
	}
	if (!method_is(msg, SOUP_METHOD_GET) && !method_is(msg, SOUP_METHOD_HEAD)) {
		roster_http_reply_method_not_allowed(msg, "GET, HEAD");
		return;
	}
	token = g_strndup(name, strlen(name) - strlen(".ics"));
	feed = roster_engine_dup_calendar_feed(roster_http_server_get_engine(self),
					       token,
					       query_english(query),
					       &error);
	if (feed == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	reply_calendar(msg, feed, NULL);
}

static gchar **
split_path(const gchar *path)
{
	const gchar *prefix = ROSTER_HTTP_API_PREFIX "/";

	if (path == NULL || !g_str_has_prefix(path, prefix))
		return NULL;
	return g_strsplit(path + strlen(prefix), "/", -1);
}

static RosterPrincipal *
authenticate(RosterHttpServer *self, SoupServerMessage *msg)
{
	g_autoptr(GError) error = NULL;
	RosterPrincipal *principal =
	    roster_http_authenticate(roster_http_server_get_engine(self), msg, &error);

	if (principal == NULL)
		roster_http_reply_error(msg, error);
	return principal;
}

/* the steps a handler starts with: a known path (else 404), a method that @allow lists
 * (else 405 with that Allow header), then a signed-in caller; NULL when the request has
 * been answered */
static RosterPrincipal *
begin_request(RosterHttpServer *self, SoupServerMessage *msg, gboolean found, const gchar *allow)
{
	g_auto(GStrv) methods = NULL;

	if (!found) {
		reply_not_found(msg);
		return NULL;
	}
	methods = g_strsplit(allow, ", ", -1);
	if (!g_strv_contains((const gchar *const *)methods, soup_server_message_get_method(msg))) {
		roster_http_reply_method_not_allowed(msg, allow);
		return NULL;
	}
	return authenticate(self, msg);
}

static void
reply_result(SoupServerMessage *msg, guint status, JsonNode *result, GError *error)
{
	if (result == NULL) {
		roster_http_reply_error(msg, error);
		return;
	}
	roster_http_reply_json(msg, status, result);
}

static void
calendar_tokens_cb(SoupServer *soup_server,
		   SoupServerMessage *msg,
		   const char *path,
		   GHashTable *query,
		   gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_auto(GStrv) segments = split_path(path);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;
	gint64 id = 0;

	if (segments != NULL && g_strv_length(segments) == 2)
		id = parse_id(segments[1]);
	principal = begin_request(self, msg, id > 0, ROSTER_HTTP_ALLOW_POST);
	if (principal == NULL)
		return;
	result = roster_engine_rotate_calendar_token(roster_http_server_get_engine(self),
						     principal,
						     id,
						     &error);
	reply_result(msg, SOUP_STATUS_OK, result, error);
}

static void
export_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(SoupServerMessage) msg = user_data;
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autoptr(GError) error = NULL;

	feed = roster_engine_export_calendar_finish(ROSTER_ENGINE(source), result, &error);
	if (feed == NULL)
		roster_http_reply_error(msg, error);
	else
		reply_calendar(msg, feed, "roster.ics");
	soup_server_message_unpause(msg);
}

static void
calendar_export_cb(SoupServer *soup_server,
		   SoupServerMessage *msg,
		   const char *path,
		   GHashTable *query,
		   gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_autoptr(RosterPrincipal) principal = NULL;
	gint64 roster = query_id(query, "roster");
	gint64 team = query_id(query, "team");
	gint64 seat_class = query_id(query, "seat_class");
	gint64 volunteer = query_id(query, "volunteer");

	principal =
	    begin_request(self,
			  msg,
			  g_strcmp0(path, ROSTER_HTTP_API_PREFIX "/calendar-export.ics") == 0,
			  ROSTER_HTTP_ALLOW_GET);
	if (principal == NULL)
		return;
	if (roster < 0 || team < 0 || seat_class < 0 || volunteer < 0) {
		roster_http_reply_error_literal(msg,
						ROSTER_ERROR_INVALID_DATA,
						"calendar: roster, team, seat_class and volunteer "
						"must be ids");
		return;
	}
	/* a big export runs in a worker thread; the message waits, paused */
	soup_server_message_pause(msg);
	roster_engine_export_calendar_async(roster_http_server_get_engine(self),
					    principal,
					    roster,
					    team,
					    seat_class,
					    volunteer,
					    query_english(query),
					    NULL,
					    export_done_cb,
					    g_object_ref(msg));
}

static const SimpleRoute *
find_simple_route(const gchar *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(simple_routes); i++) {
		if (g_strcmp0(simple_routes[i].name, name) == 0)
			return &simple_routes[i];
	}
	return NULL;
}

/* POST bodies: a parse error is answered here */
static JsonNode *
parse_body(SoupServerMessage *msg)
{
	g_autoptr(GError) error = NULL;
	JsonNode *body = roster_http_parse_body(msg, &error);

	if (body == NULL)
		roster_http_reply_error(msg, error);
	return body;
}

/* the collection routes: list and create, plus their actions */
static void
records_cb(SoupServer *soup_server,
	   SoupServerMessage *msg,
	   const char *path,
	   GHashTable *query,
	   gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	RosterEngine *engine = roster_http_server_get_engine(self);
	g_auto(GStrv) segments = split_path(path);
	guint n = segments != NULL ? g_strv_length(segments) : 0;
	const SimpleRoute *route = n > 0 ? find_simple_route(segments[0]) : NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GHashTable) params = NULL;
	g_autoptr(GError) error = NULL;
	gboolean confirm_day = FALSE;
	gboolean candidates = FALSE;
	gint64 log_id = 0;
	gboolean approve = FALSE;

	if (route == NULL) {
		reply_not_found(msg);
		return;
	}
	if (n == 2 && g_strcmp0(route->name, ROSTER_COLLECTION_ATTENDANCE) == 0 &&
	    g_strcmp0(segments[1], "confirm-day") == 0) {
		confirm_day = TRUE;
	} else if (n == 2 && g_strcmp0(route->name, ROSTER_COLLECTION_PROMOTIONS) == 0 &&
		   g_strcmp0(segments[1], "candidates") == 0) {
		candidates = TRUE;
	} else if (n == 3 && g_strcmp0(route->name, ROSTER_COLLECTION_SERVICE_LOGS) == 0 &&
		   (g_strcmp0(segments[2], "approve") == 0 ||
		    g_strcmp0(segments[2], "reject") == 0)) {
		log_id = parse_id(segments[1]);
		approve = g_strcmp0(segments[2], "approve") == 0;
		if (log_id <= 0) {
			reply_not_found(msg);
			return;
		}
	} else if (n != 1) {
		reply_not_found(msg);
		return;
	}
	if (candidates && !method_is(msg, SOUP_METHOD_GET)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_GET);
		return;
	}
	if ((confirm_day || log_id > 0) && !method_is(msg, SOUP_METHOD_POST)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_POST);
		return;
	}
	if (n == 1 && !method_is(msg, SOUP_METHOD_GET) && !method_is(msg, SOUP_METHOD_POST)) {
		roster_http_reply_method_not_allowed(msg, ROSTER_HTTP_ALLOW_COLLECTION);
		return;
	}
	principal = authenticate(self, msg);
	if (principal == NULL)
		return;
	if (candidates) {
		result = roster_engine_list_promotion_candidates(engine, principal, &error);
		reply_result(msg, SOUP_STATUS_OK, result, error);
		return;
	}
	if (log_id > 0) {
		result =
		    roster_engine_decide_service_log(engine, principal, log_id, approve, &error);
		reply_result(msg, SOUP_STATUS_OK, result, error);
		return;
	}
	if (method_is(msg, SOUP_METHOD_GET)) {
		params = dup_params(query);
		result = route->list(engine, principal, params, &error);
		reply_result(msg, SOUP_STATUS_OK, result, error);
		return;
	}
	body = parse_body(msg);
	if (body == NULL)
		return;
	if (confirm_day) {
		result = roster_engine_confirm_day(engine, principal, body, &error);
		reply_result(msg, SOUP_STATUS_OK, result, error);
		return;
	}
	result = route->create(engine, principal, body, &error);
	reply_result(msg, route->created_status, result, error);
}

/* GET /api/v1/hours/{volunteer} and /api/v1/stars/{volunteer} */
static void
volunteer_records_cb(SoupServer *soup_server,
		     SoupServerMessage *msg,
		     const char *path,
		     GHashTable *query,
		     gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	RosterEngine *engine = roster_http_server_get_engine(self);
	g_auto(GStrv) segments = split_path(path);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;
	gint64 id = 0;

	if (segments != NULL && g_strv_length(segments) == 2)
		id = parse_id(segments[1]);
	principal = begin_request(self, msg, id > 0, ROSTER_HTTP_ALLOW_GET);
	if (principal == NULL)
		return;
	if (g_strcmp0(segments[0], ROSTER_KEY_HOURS) == 0) {
		result = roster_engine_get_hours(engine,
						 principal,
						 id,
						 query_get(query, ROSTER_PARAM_FROM),
						 query_get(query, ROSTER_PARAM_TO),
						 &error);
	} else {
		result = roster_engine_get_stars(engine, principal, id, &error);
	}
	reply_result(msg, SOUP_STATUS_OK, result, error);
}

static void
honour_roll_cb(SoupServer *soup_server,
	       SoupServerMessage *msg,
	       const char *path,
	       GHashTable *query,
	       gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;

	principal = begin_request(self,
				  msg,
				  g_strcmp0(path, ROSTER_HTTP_API_PREFIX "/honour-roll") == 0,
				  ROSTER_HTTP_ALLOW_GET);
	if (principal == NULL)
		return;
	result = roster_engine_get_honour_roll(roster_http_server_get_engine(self),
					       principal,
					       query_get(query, ROSTER_PARAM_FROM),
					       query_get(query, ROSTER_PARAM_TO),
					       &error);
	reply_result(msg, SOUP_STATUS_OK, result, error);
}

static void
settings_cb(SoupServer *soup_server,
	    SoupServerMessage *msg,
	    const char *path,
	    GHashTable *query,
	    gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	RosterEngine *engine = roster_http_server_get_engine(self);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GError) error = NULL;

	principal = begin_request(
	    self,
	    msg,
	    g_strcmp0(path, ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_SETTINGS) == 0,
	    "GET, PUT");
	if (principal == NULL)
		return;
	if (method_is(msg, SOUP_METHOD_GET)) {
		result = roster_engine_get_record_settings(engine, principal, &error);
	} else {
		body = parse_body(msg);
		if (body == NULL)
			return;
		result = roster_engine_set_record_settings(engine, principal, body, &error);
	}
	reply_result(msg, SOUP_STATUS_OK, result, error);
}

static void
reports_cb(SoupServer *soup_server,
	   SoupServerMessage *msg,
	   const char *path,
	   GHashTable *query,
	   gpointer user_data)
{
	RosterHttpServer *self = ROSTER_HTTP_SERVER(user_data);
	RosterEngine *engine = roster_http_server_get_engine(self);
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(GHashTable) params = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *format = query_get(query, "format");
	g_autofree gchar *csv = NULL;

	principal =
	    begin_request(self,
			  msg,
			  g_strcmp0(path, ROSTER_HTTP_API_PREFIX "/reports/hours") == 0 ||
			      g_strcmp0(path, ROSTER_HTTP_API_PREFIX "/reports/coverage") == 0 ||
			      g_strcmp0(path, ROSTER_HTTP_API_PREFIX "/reports/demand") == 0,
			  ROSTER_HTTP_ALLOW_GET);
	if (principal == NULL)
		return;
	if (format != NULL && g_strcmp0(format, "csv") != 0 && g_strcmp0(format, "json") != 0) {
		roster_http_reply_error_literal(msg,
						ROSTER_ERROR_INVALID_DATA,
						"reports: format: must be json or csv");
		return;
	}
	if (g_str_has_suffix(path, "/demand")) {
		gint64 days = query_get(query, "days") != NULL ? query_id(query, "days") : 7;
		if (format != NULL && g_strcmp0(format, "json") != 0) {
			roster_http_reply_error_literal(msg,
							ROSTER_ERROR_INVALID_DATA,
							"reports: format: the demand is json only");
			return;
		}
		result =
		    roster_engine_report_demand(engine,
						principal,
						query_get(query, ROSTER_PARAM_FROM),
						days > 0 && days <= G_MAXUINT16 ? (guint)days : 0,
						&error);
		reply_result(msg, SOUP_STATUS_OK, result, error);
		return;
	}
	if (g_str_has_suffix(path, "/coverage")) {
		gint64 roster = query_id(query, "roster");
		if (roster <= 0) {
			roster_http_reply_error_literal(msg,
							ROSTER_ERROR_INVALID_DATA,
							"reports: roster: must be a roster id");
			return;
		}
		if (g_strcmp0(format, "csv") != 0) {
			result = roster_engine_report_coverage(engine, principal, roster, &error);
			reply_result(msg, SOUP_STATUS_OK, result, error);
			return;
		}
	}
	params = dup_params(query);
	if (g_strcmp0(format, "csv") == 0) {
		if (g_str_has_suffix(path, "/coverage")) {
			csv = roster_engine_report_coverage_csv(
			    engine,
			    principal,
			    query_id(query, "roster"),
			    g_strcmp0(query_get(query, "lang"), "zh") == 0,
			    &error);
		} else {
			csv = roster_engine_report_hours_csv(
			    engine,
			    principal,
			    params,
			    g_strcmp0(query_get(query, "lang"), "zh") == 0,
			    &error);
		}
		if (csv == NULL) {
			roster_http_reply_error(msg, error);
			return;
		}
		roster_http_set_common_headers(msg);
		soup_message_headers_replace(soup_server_message_get_response_headers(msg),
					     "Content-Disposition",
					     g_str_has_suffix(path, "/coverage")
						 ? "attachment; filename=\"coverage.csv\""
						 : "attachment; filename=\"hours.csv\"");
		soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
		soup_server_message_set_response(msg,
						 CSV_CONTENT_TYPE,
						 SOUP_MEMORY_COPY,
						 csv,
						 strlen(csv));
		return;
	}
	result = roster_engine_report_hours(engine, principal, params, &error);
	reply_result(msg, SOUP_STATUS_OK, result, error);
}

static void
add_handler(RosterHttpServer *self,
	    SoupServer *soup_server,
	    const gchar *path,
	    SoupServerCallback callback)
{
	soup_server_add_early_handler(soup_server,
				      path,
				      roster_http_limit_body_early_cb,
				      NULL,
				      NULL);
	soup_server_add_handler(soup_server, path, callback, self, NULL);
}

/**
 * roster_http_records_register:
 * @self: the #RosterHttpServer handlers get as user data
 * @soup_server: the #SoupServer
 *
 * Adds the calendar feed and the routes of attendance, hours, training, ratings,
 * promotions, recognition and reports.
 *
 * Since: 0.1
 **/
void
roster_http_records_register(RosterHttpServer *self, SoupServer *soup_server)
{
	add_handler(self, soup_server, CALENDAR_PREFIX, feed_cb);
	add_handler(self,
		    soup_server,
		    ROSTER_HTTP_API_PREFIX "/calendar-tokens",
		    calendar_tokens_cb);
	add_handler(self,
		    soup_server,
		    ROSTER_HTTP_API_PREFIX "/calendar-export.ics",
		    calendar_export_cb);
	for (guint i = 0; i < G_N_ELEMENTS(simple_routes); i++) {
		g_autofree gchar *path =
		    g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s", simple_routes[i].name);
		add_handler(self, soup_server, path, records_cb);
	}
	add_handler(self, soup_server, ROSTER_HTTP_API_PREFIX "/hours", volunteer_records_cb);
	add_handler(self, soup_server, ROSTER_HTTP_API_PREFIX "/stars", volunteer_records_cb);
	add_handler(self, soup_server, ROSTER_HTTP_API_PREFIX "/honour-roll", honour_roll_cb);
	add_handler(self,
		    soup_server,
		    ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_SETTINGS,
		    settings_cb);
	add_handler(self, soup_server, ROSTER_HTTP_API_PREFIX "/reports", reports_cb);
}
