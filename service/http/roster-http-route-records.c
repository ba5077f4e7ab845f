/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-hours.h"
#include "roster-http-router.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys-requests.h"
#include "roster-json-keys.h"

/*
 * The routes of the records behind recognition, all under /api/v1 and for signed-in
 * callers:
 *
 *   GET|POST /api/v1/attendance, POST /api/v1/attendance/confirm-day
 *   GET|POST /api/v1/service-logs, POST /api/v1/service-logs/{id}/approve|reject
 *     ({"reason"?}: kept with the log)
 *   GET|POST /api/v1/training, GET|POST /api/v1/ratings
 *   GET  /api/v1/hours/{volunteer}?from=&to=, GET /api/v1/stars/{volunteer}
 *   GET  /api/v1/honour-roll?from=&to=
 *   GET|POST /api/v1/promotions, GET /api/v1/promotions/candidates
 *   GET|PUT /api/v1/record-settings
 */

typedef JsonNode *(*ListFunc)(RosterEngine *, RosterPrincipal *, GHashTable *, GError **);
typedef JsonNode *(*CreateFunc)(RosterEngine *, RosterPrincipal *, JsonNode *, GError **);

/* a collection of records: list and create */
typedef struct {
	const gchar *name;
	ListFunc list;
	CreateFunc create;
	/* the status of a successful POST */
	guint created_status;
} RecordCollection;

static const RecordCollection record_collections[] = {
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

static JsonNode *
list_cb(RosterHttpRequest *request, GError **error)
{
	const RecordCollection *collection = request->data;

	return collection->list(request->engine, request->principal, request->query, error);
}

static JsonNode *
create_cb(RosterHttpRequest *request, GError **error)
{
	const RecordCollection *collection = request->data;

	request->status = collection->created_status;
	return collection->create(request->engine, request->principal, request->body, error);
}

static const RosterHttpRoute collection_routes[] = {
    {ROSTER_HTTP_METHOD_GET, "", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, list_cb},
    {ROSTER_HTTP_METHOD_POST, "", ROSTER_HTTP_BODY_REQUIRED, ROSTER_HTTP_AUTH_TOKEN, create_cb},
};

static JsonNode *
confirm_day_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_confirm_day(request->engine, request->principal, request->body, error);
}

static JsonNode *
candidates_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_promotion_candidates(request->engine, request->principal, error);
}

/* the data of the approve and reject routes: whether it approves */
static const gboolean approves = TRUE;
static const gboolean rejects = FALSE;

static JsonNode *
decide_service_log_cb(RosterHttpRequest *request, GError **error)
{
	const gboolean *approve = request->data;
	JsonNode *reason =
	    request->body != NULL && JSON_NODE_HOLDS_OBJECT(request->body)
		? json_object_get_member(json_node_get_object(request->body), ROSTER_KEY_REASON)
		: NULL;

	if (reason != NULL && !JSON_NODE_HOLDS_NULL(reason) &&
	    (!JSON_NODE_HOLDS_VALUE(reason) || json_node_get_value_type(reason) != G_TYPE_STRING)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_REASON,
				       "must be text");
		return NULL;
	}
	return roster_engine_decide_service_log_with_reason(
	    request->engine,
	    request->principal,
	    request->ids[0],
	    *approve,
	    reason != NULL && !JSON_NODE_HOLDS_NULL(reason) ? json_node_get_string(reason) : NULL,
	    error);
}

static JsonNode *
hours_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_hours(request->engine,
				       request->principal,
				       request->ids[0],
				       roster_http_request_get_param(request, ROSTER_PARAM_FROM),
				       roster_http_request_get_param(request, ROSTER_PARAM_TO),
				       error);
}

static JsonNode *
stars_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_stars(request->engine, request->principal, request->ids[0], error);
}

static JsonNode *
honour_roll_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_honour_roll(
	    request->engine,
	    request->principal,
	    roster_http_request_get_param(request, ROSTER_PARAM_FROM),
	    roster_http_request_get_param(request, ROSTER_PARAM_TO),
	    error);
}

static JsonNode *
get_settings_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_record_settings(request->engine, request->principal, error);
}

static JsonNode *
set_settings_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_set_record_settings(request->engine,
						 request->principal,
						 request->body,
						 error);
}

static const RosterHttpRoute record_routes[] = {
    {ROSTER_HTTP_METHOD_POST,
     "/" ROSTER_COLLECTION_ATTENDANCE "/confirm-day",
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_TOKEN,
     confirm_day_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/" ROSTER_COLLECTION_PROMOTIONS "/candidates",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     candidates_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/" ROSTER_KEY_HOURS "/{id}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     hours_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/stars/{id}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     stars_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/honour-roll",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     honour_roll_cb},
    {ROSTER_HTTP_METHOD_GET,
     "/" ROSTER_COLLECTION_SETTINGS,
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     get_settings_cb},
    {ROSTER_HTTP_METHOD_PUT,
     "/" ROSTER_COLLECTION_SETTINGS,
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_TOKEN,
     set_settings_cb},
};

/* approve or reject, with the decision as the route's data */
static const RosterHttpRoute decide_routes[] = {
    {ROSTER_HTTP_METHOD_POST,
     "",
     ROSTER_HTTP_BODY_OPTIONAL,
     ROSTER_HTTP_AUTH_TOKEN,
     decide_service_log_cb},
};

/**
 * roster_http_route_records_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the routes of attendance, service logs, training, ratings, promotions, hours,
 * stars, the honour roll and the record settings.
 *
 * Since: 0.2
 **/
void
roster_http_route_records_add(RosterHttpRouter *router)
{
	const gchar *logs = ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_SERVICE_LOGS "/{id}";
	g_autofree gchar *approve = g_strconcat(logs, "/approve", NULL);
	g_autofree gchar *reject = g_strconcat(logs, "/reject", NULL);

	for (guint i = 0; i < G_N_ELEMENTS(record_collections); i++)
		roster_http_router_add_collection(router,
						  collection_routes,
						  G_N_ELEMENTS(collection_routes),
						  record_collections[i].name,
						  &record_collections[i]);
	roster_http_router_add(router,
			       record_routes,
			       G_N_ELEMENTS(record_routes),
			       ROSTER_HTTP_API_PREFIX,
			       NULL);
	roster_http_router_add(router, decide_routes, 1, approve, &approves);
	roster_http_router_add(router, decide_routes, 1, reject, &rejects);
}
