/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-http-private.h"

G_BEGIN_DECLS

/*
 * The route table and its one dispatcher. A route is a set of methods, a path pattern,
 * what it takes as a body, whether it needs a signed-in caller and a handler. The
 * dispatcher splits the path, matches it against every pattern (404 when none does),
 * checks the method (405 with an Allow header listing every method of the path),
 * authenticates, parses the body and answers with what the handler returns.
 *
 * A pattern is a path whose segments are literal text, `{id}` (a positive decimal id:
 * anything else does not match, so a bad id is the 404 of an unknown path) or `{text}`
 * (any text, with an optional literal suffix such as `{text}.ics`).
 */

/* the most {id} segments one pattern holds */
#define ROSTER_HTTP_MAX_IDS 2

typedef enum {
	ROSTER_HTTP_METHOD_GET = 1 << 0,
	ROSTER_HTTP_METHOD_HEAD = 1 << 1,
	ROSTER_HTTP_METHOD_POST = 1 << 2,
	ROSTER_HTTP_METHOD_PUT = 1 << 3,
	ROSTER_HTTP_METHOD_PATCH = 1 << 4,
	ROSTER_HTTP_METHOD_DELETE = 1 << 5,
} RosterHttpMethod;

typedef enum {
	/* not read by the router: a body sent is ignored, or read raw by the handler */
	ROSTER_HTTP_BODY_NONE,
	/* a JSON object; a missing, empty or malformed body is refused */
	ROSTER_HTTP_BODY_REQUIRED,
	/* a JSON object when there is a body at all */
	ROSTER_HTTP_BODY_OPTIONAL,
} RosterHttpBody;

typedef enum {
	/* anyone may call: the health check, logging in and the calendar feed */
	ROSTER_HTTP_AUTH_NONE,
	/* a bearer token of a session; what the caller may do is the engine's to decide */
	ROSTER_HTTP_AUTH_TOKEN,
} RosterHttpAuth;

typedef enum {
	ROSTER_HTTP_ROUTE_FLAG_NONE = 0,
	/* an error that refuses an edit for a hard rule says whether "override" would
	 * accept it (roster_engine_is_rule_refusal) */
	ROSTER_HTTP_ROUTE_FLAG_RULE_REFUSALS = 1 << 0,
	/* a GET whose answer is the data as the caller may see it, nothing else (no
	 * clock, no job in memory): kept per token and URL until the data changes
	 * (roster-http-answer-cache.c) */
	ROSTER_HTTP_ROUTE_FLAG_CACHED = 1 << 1,
} RosterHttpRouteFlags;

typedef struct _RosterHttpRequest RosterHttpRequest;

/* returns the JSON answer, or %NULL with @error set; a handler that answers by itself
 * (a body that is not JSON) or later (roster_http_request_pause()) returns %NULL with
 * no error after setting @answered */
typedef JsonNode *(*RosterHttpHandler)(RosterHttpRequest *request, GError **error);

/* a check that runs after authentication and before the body is read */
typedef gboolean (*RosterHttpGuard)(RosterHttpRequest *request, GError **error);

typedef struct {
	RosterHttpMethod methods;
	const gchar *pattern;
	RosterHttpBody body;
	RosterHttpAuth auth;
	RosterHttpHandler handler;
	RosterHttpGuard guard;
	RosterHttpRouteFlags flags;
} RosterHttpRoute;

/* what a handler gets, and what it sets on the answer */
struct _RosterHttpRequest {
	RosterEngine *engine;
	SoupServerMessage *msg;
	const RosterHttpRoute *route;
	/* the data the route was added with */
	gconstpointer data;
	/* the signed-in caller, NULL on a route with %ROSTER_HTTP_AUTH_NONE */
	RosterPrincipal *principal;
	/* the {id} segments in order, and how many there are */
	gint64 ids[ROSTER_HTTP_MAX_IDS];
	guint n_ids;
	/* the {text} segment without its suffix, or NULL */
	gchar *text;
	/* the parsed body, NULL when the route takes none or an optional one is absent */
	JsonNode *body;
	/* the query parameters, never NULL */
	GHashTable *query;
	/* the answer: its status (200 unless set), the collection whose path and the new
	 * record's id make the Location header (roster_http_request_set_created()), and the
	 * seconds of a Retry-After header on an error */
	guint status;
	gchar *location;
	guint retry_after;
	/* the handler answered by itself or paused the message */
	gboolean answered;
	/* a paused request: the client went away, and the work to cancel when it does */
	gboolean paused;
	gboolean gone;
	GCancellable *cancellable;
	gulong finished_id;
};

/* roster-http-router.c */
typedef struct _RosterHttpRouter RosterHttpRouter;

RosterHttpRouter *
roster_http_router_new(RosterEngine *engine);
void
roster_http_router_free(RosterHttpRouter *router);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterHttpRouter, roster_http_router_free)
void
roster_http_router_add(RosterHttpRouter *router,
		       const RosterHttpRoute *routes,
		       guint n_routes,
		       const gchar *prefix,
		       gconstpointer data);
void
roster_http_router_add_collection(RosterHttpRouter *router,
				  const RosterHttpRoute *routes,
				  guint n_routes,
				  const gchar *name,
				  gconstpointer data);
void
roster_http_router_attach(RosterHttpRouter *router, SoupServer *soup_server);
gchar *
roster_http_router_dup_allow(RosterHttpMethod methods);

RosterHttpRequest *
roster_http_request_pause(RosterHttpRequest *request);
void
roster_http_request_unref(RosterHttpRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterHttpRequest, roster_http_request_unref)
void
roster_http_request_answer(RosterHttpRequest *request, JsonNode *result, const GError *error);
void
roster_http_request_resume(RosterHttpRequest *request);
const gchar *
roster_http_request_get_param(RosterHttpRequest *request, const gchar *key);
gboolean
roster_http_request_get_uint_param(RosterHttpRequest *request,
				   const gchar *key,
				   gint64 absent,
				   gint64 *value,
				   GError **error);
gint64
roster_http_request_get_id_param(RosterHttpRequest *request, const gchar *key);
void
roster_http_request_set_created(RosterHttpRequest *request, const gchar *collection_path);
void
roster_http_request_set_attachment(RosterHttpRequest *request, const gchar *filename);
void
roster_http_request_reply_no_content(RosterHttpRequest *request);
void
roster_http_request_reply_text(RosterHttpRequest *request,
			       const gchar *content_type,
			       const gchar *filename,
			       const gchar *text);

/* the route files, each adding the routes of one resource */
void
roster_http_route_auth_add(RosterHttpRouter *router);
void
roster_http_route_collections_add(RosterHttpRouter *router);
void
roster_http_route_rosters_add(RosterHttpRouter *router);
void
roster_http_route_records_add(RosterHttpRouter *router);
void
roster_http_route_reports_add(RosterHttpRouter *router);
void
roster_http_route_calendars_add(RosterHttpRouter *router);
void
roster_http_route_confirm_add(RosterHttpRouter *router);
void
roster_http_route_web_add(RosterHttpRouter *router);
void
roster_http_route_me_add(RosterHttpRouter *router);
void
roster_http_route_rounds_add(RosterHttpRouter *router);
void
roster_http_route_requests_add(RosterHttpRouter *router);
void
roster_http_route_holidays_add(RosterHttpRouter *router);
void
roster_http_route_messages_add(RosterHttpRouter *router);
void
roster_http_route_duty_add(RosterHttpRouter *router);

G_END_DECLS
