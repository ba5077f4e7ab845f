/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-rosters.h"
#include "roster-http-router.h"
#include "roster-json-keys.h"

/*
 * /api/v1/rosters and everything below one roster: solve jobs, assignments,
 * explanations, suggestions, publishing, versions and diffs. The router checks the
 * method, authenticates and parses the body; the handlers call the engine, which decides.
 *
 *   GET, POST        /rosters
 *   GET              /rosters/{id}
 *   PATCH            /rosters/{id}   name and settings ({"revision", "name"?, "settings"?})
 *   DELETE           /rosters/{id}   a draft never published (?revision=N)
 *   POST, GET, DELETE /rosters/{id}/solve            (POST answers 202 with the job)
 *   GET              /rosters/{id}/solve/best  the roster with the running job's best
 *     assignments so far (404 not-found before the job has one, 409 conflict once it
 *     has ended: the roster itself is then the result)
 *     (POST answers 429 too-many-requests with Retry-After when the most solves that
 *     may run at once are running)
 *   POST             /rosters/{id}/assignments
 *   PATCH, DELETE    /rosters/{id}/assignments/{aid}  (DELETE ?revision=N&override=true)
 *   POST             /rosters/{id}/swap  (two assignments exchange their volunteers)
 *   GET              /rosters/{id}/explanations
 *   GET              /rosters/{id}/suggestions?date=&slot=&seat_class=
 *   POST             /rosters/{id}/publish
 *   GET              /rosters/{id}/versions
 *   GET              /rosters/{id}/diff?from=N&to=M
 */

static JsonNode *
list_rosters_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_rosters(request->engine, request->principal, error);
}

static JsonNode *
create_roster_cb(RosterHttpRequest *request, GError **error)
{
	roster_http_request_set_created(request,
					ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_ROSTERS);
	return roster_engine_create_roster(request->engine,
					   request->principal,
					   request->body,
					   error);
}

static JsonNode *
get_roster_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_roster(request->engine,
					request->principal,
					request->ids[0],
					error);
}

static JsonNode *
update_roster_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_update_roster(request->engine,
					   request->principal,
					   request->ids[0],
					   request->body,
					   error);
}

/* DELETE takes the revision it read as ?revision=N; absent means no check */
static JsonNode *
delete_roster_cb(RosterHttpRequest *request, GError **error)
{
	gint64 revision = -1;

	if (!roster_http_request_get_uint_param(request,
						ROSTER_KEY_REVISION,
						-1,
						&revision,
						error) ||
	    !roster_engine_delete_roster(request->engine,
					 request->principal,
					 request->ids[0],
					 revision,
					 error))
		return NULL;
	roster_http_request_reply_no_content(request);
	return NULL;
}

/* a solve refused for too many running ones may start when the first of them ends */
static JsonNode *
start_solve_cb(RosterHttpRequest *request, GError **error)
{
	g_autoptr(GError) error_local = NULL;
	JsonNode *job = roster_engine_start_solve(request->engine,
						  request->principal,
						  request->ids[0],
						  request->body,
						  &error_local);

	if (job == NULL) {
		if (g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_TOO_MANY_REQUESTS))
			request->retry_after = roster_engine_get_solve_retry_after(request->engine);
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	request->status = SOUP_STATUS_ACCEPTED;
	return job;
}

static JsonNode *
get_solve_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_solve(request->engine, request->principal, request->ids[0], error);
}

static JsonNode *
get_solve_best_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_get_solve_best(request->engine,
					    request->principal,
					    request->ids[0],
					    error);
}

static JsonNode *
cancel_solve_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_cancel_solve(request->engine,
					  request->principal,
					  request->ids[0],
					  error);
}

static JsonNode *
assign_cb(RosterHttpRequest *request, GError **error)
{
	request->status = SOUP_STATUS_CREATED;
	return roster_engine_assign(request->engine,
				    request->principal,
				    request->ids[0],
				    request->body,
				    error);
}

static JsonNode *
update_assignment_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_update_assignment(request->engine,
					       request->principal,
					       request->ids[0],
					       request->ids[1],
					       request->body,
					       error);
}

/* DELETE ?revision=N&override=true */
static JsonNode *
unassign_cb(RosterHttpRequest *request, GError **error)
{
	const gchar *override = roster_http_request_get_param(request, ROSTER_KEY_OVERRIDE);
	gint64 revision = 0;

	if (!roster_http_request_get_uint_param(request, ROSTER_KEY_REVISION, 0, &revision, error))
		return NULL;
	return roster_engine_unassign(request->engine,
				      request->principal,
				      request->ids[0],
				      request->ids[1],
				      revision,
				      g_strcmp0(override, "true") == 0,
				      error);
}

static JsonNode *
swap_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_swap_assignments(request->engine,
					      request->principal,
					      request->ids[0],
					      request->body,
					      error);
}

static JsonNode *
explanations_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_explain_roster(request->engine,
					    request->principal,
					    request->ids[0],
					    error);
}

static JsonNode *
suggestions_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_suggest(
	    request->engine,
	    request->principal,
	    request->ids[0],
	    roster_http_request_get_param(request, ROSTER_PARAM_DATE),
	    roster_http_request_get_param(request, ROSTER_PARAM_SLOT),
	    roster_http_request_get_param(request, ROSTER_PARAM_SEAT_CLASS),
	    error);
}

/* the body names the revision the publisher saw: {"revision":N} */
static JsonNode *
publish_cb(RosterHttpRequest *request, GError **error)
{
	JsonObject *object = json_node_get_object(request->body);
	gint64 revision = json_object_get_int_member_with_default(object, ROSTER_KEY_REVISION, 0);

	return roster_engine_publish_roster(request->engine,
					    request->principal,
					    request->ids[0],
					    revision,
					    error);
}

static JsonNode *
versions_cb(RosterHttpRequest *request, GError **error)
{
	return roster_engine_list_versions(request->engine,
					   request->principal,
					   request->ids[0],
					   error);
}

static JsonNode *
diff_cb(RosterHttpRequest *request, GError **error)
{
	gint64 from = 0;
	gint64 to = 0;

	if (!roster_http_request_get_uint_param(request, ROSTER_PARAM_FROM, 0, &from, error) ||
	    !roster_http_request_get_uint_param(request, ROSTER_PARAM_TO, 0, &to, error))
		return NULL;
	return roster_engine_diff_versions(request->engine,
					   request->principal,
					   request->ids[0],
					   from,
					   to,
					   error);
}

#define ROUTE(methods, pattern, body, handler)                                                     \
	{                                                                                          \
		methods, pattern, body, ROSTER_HTTP_AUTH_TOKEN, handler, NULL,                     \
		    ROSTER_HTTP_ROUTE_FLAG_RULE_REFUSALS                                           \
	}
#define GET    ROSTER_HTTP_METHOD_GET
#define POST   ROSTER_HTTP_METHOD_POST
#define PATCH  ROSTER_HTTP_METHOD_PATCH
#define DELETE ROSTER_HTTP_METHOD_DELETE
#define NONE   ROSTER_HTTP_BODY_NONE
#define BODY   ROSTER_HTTP_BODY_REQUIRED

static const RosterHttpRoute roster_routes[] = {
    ROUTE(GET, "", NONE, list_rosters_cb),
    ROUTE(POST, "", BODY, create_roster_cb),
    ROUTE(GET, "/{id}", NONE, get_roster_cb),
    ROUTE(PATCH, "/{id}", BODY, update_roster_cb),
    ROUTE(DELETE, "/{id}", NONE, delete_roster_cb),
    /* a solve may start without a body */
    ROUTE(POST, "/{id}/solve", ROSTER_HTTP_BODY_OPTIONAL, start_solve_cb),
    ROUTE(GET, "/{id}/solve", NONE, get_solve_cb),
    ROUTE(GET, "/{id}/solve/best", NONE, get_solve_best_cb),
    ROUTE(DELETE, "/{id}/solve", NONE, cancel_solve_cb),
    ROUTE(POST, "/{id}/" ROSTER_COLLECTION_ASSIGNMENTS, BODY, assign_cb),
    ROUTE(PATCH, "/{id}/" ROSTER_COLLECTION_ASSIGNMENTS "/{id}", BODY, update_assignment_cb),
    ROUTE(DELETE, "/{id}/" ROSTER_COLLECTION_ASSIGNMENTS "/{id}", NONE, unassign_cb),
    ROUTE(POST, "/{id}/swap", BODY, swap_cb),
    ROUTE(GET, "/{id}/explanations", NONE, explanations_cb),
    ROUTE(GET, "/{id}/suggestions", NONE, suggestions_cb),
    ROUTE(POST, "/{id}/publish", BODY, publish_cb),
    ROUTE(GET, "/{id}/versions", NONE, versions_cb),
    ROUTE(GET, "/{id}/diff", NONE, diff_cb),
};

/**
 * roster_http_route_rosters_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the routes under /api/v1/rosters.
 *
 * Since: 0.2
 **/
void
roster_http_route_rosters_add(RosterHttpRouter *router)
{
	roster_http_router_add(router,
			       roster_routes,
			       G_N_ELEMENTS(roster_routes),
			       ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_ROSTERS,
			       NULL);
}
