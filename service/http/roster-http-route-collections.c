/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-http-router.h"
#include "roster-json-keys.h"
#include "roster-volunteer-csv.h"

/*
 * The collections with the generic create/read/update/delete routes, the audit log and
 * the volunteer import:
 *
 *   GET, POST           /api/v1/C, /api/v1/volunteers/{id}/availability
 *   GET, PATCH, DELETE  /api/v1/C/{id}, /api/v1/volunteers/{id}/availability/{id}
 *                       (DELETE takes ?revision=N)
 *   GET                 /api/v1/audit, /api/v1/audit/{id}
 *   POST                /api/v1/volunteers/import  (a CSV file, all or nothing)
 *
 * for C each of calendars, seat-classes, demand-rules, teams, volunteers and accounts.
 */

/* one collection: its name and whether the first {id} of its paths is a volunteer */
typedef struct {
	const gchar *name;
	gboolean has_parent;
} Collection;

static const Collection collections[] = {
    {ROSTER_COLLECTION_CALENDARS, FALSE},
    {ROSTER_COLLECTION_SEAT_CLASSES, FALSE},
    {ROSTER_COLLECTION_DEMAND_RULES, FALSE},
    {ROSTER_COLLECTION_TEAMS, FALSE},
    {ROSTER_COLLECTION_VOLUNTEERS, FALSE},
    {ROSTER_COLLECTION_ACCOUNTS, FALSE},
};

static const Collection availability = {ROSTER_COLLECTION_AVAILABILITY, TRUE};
static const Collection audit = {ROSTER_COLLECTION_AUDIT, FALSE};

static gint64
parent_id(RosterHttpRequest *request)
{
	const Collection *collection = request->data;

	return collection->has_parent ? request->ids[0] : 0;
}

/* the id of the record, the last {id} of the path */
static gint64
record_id(RosterHttpRequest *request)
{
	return request->ids[request->n_ids - 1];
}

/* /volunteers/{id}/availability: a caller who may not see volunteer {id} is refused by
 * the engine's check for that volunteer's record, which does not look the id up, so the
 * answer is the same 403 whether the volunteer exists or not, as on every other
 * per-volunteer route; only a caller who may see volunteers learns that one is missing */
static gboolean
check_parent_visible(RosterHttpRequest *request, GError **error)
{
	g_autoptr(JsonNode) parent = NULL;
	g_autoptr(GError) error_local = NULL;

	if (parent_id(request) <= 0)
		return TRUE;
	parent = roster_engine_get(request->engine,
				   request->principal,
				   ROSTER_COLLECTION_VOLUNTEERS,
				   0,
				   parent_id(request),
				   &error_local);
	if (parent == NULL &&
	    g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	return TRUE;
}

/* the path of the collection a new record goes into, for its Location */
static void
set_created(RosterHttpRequest *request)
{
	const Collection *collection = request->data;
	g_autofree gchar *path = NULL;

	if (collection->has_parent) {
		path = g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s/%" G_GINT64_FORMAT "/%s",
				       ROSTER_COLLECTION_VOLUNTEERS,
				       parent_id(request),
				       collection->name);
	} else {
		path = g_strdup_printf(ROSTER_HTTP_API_PREFIX "/%s", collection->name);
	}
	roster_http_request_set_created(request, path);
}

static gboolean
is_accounts(RosterHttpRequest *request)
{
	const Collection *collection = request->data;

	return g_strcmp0(collection->name, ROSTER_COLLECTION_ACCOUNTS) == 0;
}

static void
account_write_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(RosterHttpRequest) request = user_data;
	RosterEngine *engine = ROSTER_ENGINE(source);
	g_autoptr(JsonNode) record = NULL;
	g_autoptr(GError) error = NULL;

	if (request->status == SOUP_STATUS_CREATED)
		record = roster_engine_create_finish(engine, result, &error);
	else
		record = roster_engine_update_finish(engine, result, &error);
	roster_http_request_answer(request, record, error);
}

static JsonNode *
list_cb(RosterHttpRequest *request, GError **error)
{
	const Collection *collection = request->data;

	return roster_engine_list(request->engine,
				  request->principal,
				  collection->name,
				  parent_id(request),
				  request->query,
				  error);
}

/* POST /accounts: the new password is checked and hashed in a worker thread while the
 * message waits */
static JsonNode *
create_cb(RosterHttpRequest *request, GError **error)
{
	const Collection *collection = request->data;
	RosterHttpRequest *paused;

	set_created(request);
	if (!is_accounts(request)) {
		return roster_engine_create(request->engine,
					    request->principal,
					    collection->name,
					    parent_id(request),
					    request->body,
					    error);
	}
	paused = roster_http_request_pause(request);
	roster_engine_create_async(request->engine,
				   request->principal,
				   collection->name,
				   parent_id(request),
				   request->body,
				   paused->cancellable,
				   account_write_done_cb,
				   paused);
	return NULL;
}

static JsonNode *
get_cb(RosterHttpRequest *request, GError **error)
{
	const Collection *collection = request->data;

	return roster_engine_get(request->engine,
				 request->principal,
				 collection->name,
				 parent_id(request),
				 record_id(request),
				 error);
}

/* PATCH /accounts/{id}: a new password is hashed in a worker thread, as for a create */
static JsonNode *
update_cb(RosterHttpRequest *request, GError **error)
{
	const Collection *collection = request->data;
	RosterHttpRequest *paused;

	if (!is_accounts(request)) {
		return roster_engine_update(request->engine,
					    request->principal,
					    collection->name,
					    parent_id(request),
					    record_id(request),
					    request->body,
					    error);
	}
	paused = roster_http_request_pause(request);
	roster_engine_update_async(request->engine,
				   request->principal,
				   collection->name,
				   parent_id(request),
				   record_id(request),
				   request->body,
				   paused->cancellable,
				   account_write_done_cb,
				   paused);
	return NULL;
}

/* DELETE takes the revision it read as ?revision=N; absent means no check */
static JsonNode *
delete_cb(RosterHttpRequest *request, GError **error)
{
	const Collection *collection = request->data;
	gint64 revision = -1;

	if (!roster_http_request_get_uint_param(request,
						ROSTER_KEY_REVISION,
						-1,
						&revision,
						error) ||
	    !roster_engine_delete(request->engine,
				  request->principal,
				  collection->name,
				  parent_id(request),
				  record_id(request),
				  revision,
				  error))
		return NULL;
	roster_http_request_reply_no_content(request);
	return NULL;
}

/* the routes of one collection, under its path */
static const RosterHttpRoute collection_routes[] = {
    {ROSTER_HTTP_METHOD_GET,
     "",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     list_cb,
     check_parent_visible},
    {ROSTER_HTTP_METHOD_POST,
     "",
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_TOKEN,
     create_cb,
     check_parent_visible},
    {ROSTER_HTTP_METHOD_GET,
     "/{id}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     get_cb,
     check_parent_visible,
     ROSTER_HTTP_ROUTE_FLAG_CACHED},
    {ROSTER_HTTP_METHOD_PATCH,
     "/{id}",
     ROSTER_HTTP_BODY_REQUIRED,
     ROSTER_HTTP_AUTH_TOKEN,
     update_cb,
     check_parent_visible},
    {ROSTER_HTTP_METHOD_DELETE,
     "/{id}",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     delete_cb,
     check_parent_visible},
};

/* POST /api/v1/volunteers/import: a CSV file, all or nothing (roster-volunteer-csv.c) */
static JsonNode *
import_cb(RosterHttpRequest *request, GError **error)
{
	g_autoptr(GPtrArray) line_errors = NULL;
	g_autoptr(JsonNode) warnings = NULL;
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(GError) error_local = NULL;
	const gchar *data;
	gsize length = 0;
	guint n_imported = 0;

	bytes = soup_message_body_flatten(soup_server_message_get_request_body(request->msg));
	data = g_bytes_get_data(bytes, &length);
	if (!roster_volunteer_csv_import_full(request->engine,
					      request->principal,
					      data != NULL ? data : "",
					      length,
					      &n_imported,
					      &line_errors,
					      &warnings,
					      &error_local)) {
		g_autoptr(JsonNode) rows = json_node_new(JSON_NODE_ARRAY);
		g_autoptr(JsonArray) array = json_array_new();
		for (guint i = 0; line_errors != NULL && i < line_errors->len; i++)
			json_array_add_string_element(array, g_ptr_array_index(line_errors, i));
		json_node_set_array(rows, array);
		roster_http_reply_error_with_details(request->msg,
						     error_local,
						     ROSTER_KEY_ROWS,
						     rows);
		request->answered = TRUE;
		return NULL;
	}
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_IMPORTED);
	json_builder_add_int_value(builder, n_imported);
	/* the imported people who fit no seat class */
	json_builder_set_member_name(builder, ROSTER_KEY_WARNINGS);
	json_builder_add_value(builder, g_steal_pointer(&warnings));
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

static const RosterHttpRoute import_routes[] = {
    {ROSTER_HTTP_METHOD_POST,
     "/" ROSTER_COLLECTION_VOLUNTEERS "/import",
     ROSTER_HTTP_BODY_NONE,
     ROSTER_HTTP_AUTH_TOKEN,
     import_cb},
};

static const RosterHttpRoute audit_routes[] = {
    {ROSTER_HTTP_METHOD_GET, "", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, list_cb},
    {ROSTER_HTTP_METHOD_GET, "/{id}", ROSTER_HTTP_BODY_NONE, ROSTER_HTTP_AUTH_TOKEN, get_cb},
};

/**
 * roster_http_route_collections_add:
 * @router: a #RosterHttpRouter
 *
 * Adds the routes of the generic collections, the audit log and the volunteer import.
 *
 * Since: 0.2
 **/
void
roster_http_route_collections_add(RosterHttpRouter *router)
{
	for (guint i = 0; i < G_N_ELEMENTS(collections); i++)
		roster_http_router_add_collection(router,
						  collection_routes,
						  G_N_ELEMENTS(collection_routes),
						  collections[i].name,
						  &collections[i]);
	roster_http_router_add(router,
			       collection_routes,
			       G_N_ELEMENTS(collection_routes),
			       ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_VOLUNTEERS
						      "/{id}/" ROSTER_COLLECTION_AVAILABILITY,
			       &availability);
	roster_http_router_add(router,
			       audit_routes,
			       G_N_ELEMENTS(audit_routes),
			       ROSTER_HTTP_API_PREFIX "/" ROSTER_COLLECTION_AUDIT,
			       &audit);
	roster_http_router_add(router,
			       import_routes,
			       G_N_ELEMENTS(import_routes),
			       ROSTER_HTTP_API_PREFIX,
			       NULL);
}
