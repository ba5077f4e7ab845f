/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the paths of the API's resources and the calls that create, change and delete their
 * records: the pages name a RosterResource, never a path */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "roster-client-records.h"
#include "roster-date.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"

/* in the order of RosterResource */
static const gchar *resource_paths[] = {
    "/" ROSTER_COLLECTION_ROSTERS,
    "/" ROSTER_COLLECTION_VOLUNTEERS,
    "/" ROSTER_COLLECTION_SEAT_CLASSES,
    "/" ROSTER_COLLECTION_DEMAND_RULES,
    "/" ROSTER_COLLECTION_CALENDARS,
    "/" ROSTER_COLLECTION_ATTENDANCE,
    "/" ROSTER_COLLECTION_ATTENDANCE "/confirm-day",
    "/" ROSTER_COLLECTION_TRAINING,
    "/" ROSTER_COLLECTION_RATINGS,
    "/" ROSTER_COLLECTION_PROMOTIONS,
    "/" ROSTER_COLLECTION_PROMOTIONS "/candidates",
    "/reports/hours",
    "/honour-roll",
    "/reports/demand",
    "/calendar-tokens",
    "/" ROSTER_COLLECTION_TEAMS,
    "/" ROSTER_COLLECTION_ACCOUNTS,
    "/" ROSTER_COLLECTION_AUDIT,
    "/" ROSTER_COLLECTION_SETTINGS,
};

G_STATIC_ASSERT(G_N_ELEMENTS(resource_paths) == ROSTER_RESOURCE_RECORD_SETTINGS + 1);

/**
 * roster_client_dup_resource_path:
 * @resource: a resource
 * @first_key: (nullable): the first query parameter, then its value, and so on, ending
 *   with %NULL; a %NULL or empty value leaves its parameter out
 * @...: the value of @first_key, then more pairs
 *
 * Returns: (transfer full): the path of @resource with an escaped query string, e.g. for
 *   a #RosterItemList
 *
 * Since: 0.1
 */
gchar *
roster_client_dup_resource_path(RosterResource resource, const gchar *first_key, ...)
{
	gchar *path;
	va_list args;

	g_return_val_if_fail((guint)resource < G_N_ELEMENTS(resource_paths), NULL);
	va_start(args, first_key);
	path = roster_client_build_query_valist(resource_paths[resource], first_key, args);
	va_end(args);
	return path;
}

/* the availability entries of a volunteer, a collection of its own */
gchar *
roster_client_dup_availability_path(gint64 volunteer_id)
{
	return g_strdup_printf("/" ROSTER_COLLECTION_VOLUNTEERS "/%" G_GINT64_FORMAT
			       "/" ROSTER_COLLECTION_AVAILABILITY,
			       volunteer_id);
}

static gchar *
dup_date(const GDate *date)
{
	return date != NULL && g_date_valid(date) ? roster_date_to_string(date) : NULL;
}

/**
 * roster_client_dup_hours_path:
 * @period: (nullable): `month`, `quarter` or `year`
 * @from: (nullable): the first day of the range
 * @to: (nullable): the last day of the range
 * @csv_lang: (nullable): `zh` or `en` for the CSV export in that language, %NULL for JSON
 *
 * Returns: (transfer full): the path of the hours report
 *
 * Since: 0.1
 */
gchar *
roster_client_dup_hours_path(const gchar *period,
			     const GDate *from,
			     const GDate *to,
			     const gchar *csv_lang)
{
	g_autofree gchar *from_text = dup_date(from);
	g_autofree gchar *to_text = dup_date(to);

	return roster_client_dup_resource_path(ROSTER_RESOURCE_HOURS,
					       ROSTER_KEY_PERIOD,
					       period,
					       ROSTER_PARAM_FROM,
					       from_text,
					       ROSTER_PARAM_TO,
					       to_text,
					       "format",
					       csv_lang != NULL ? "csv" : NULL,
					       "lang",
					       csv_lang,
					       NULL);
}

/* the path of the honour roll, over a range of days or all time */
gchar *
roster_client_dup_honour_roll_path(const GDate *from, const GDate *to)
{
	g_autofree gchar *from_text = dup_date(from);
	g_autofree gchar *to_text = dup_date(to);

	return roster_client_dup_resource_path(ROSTER_RESOURCE_HONOUR_ROLL,
					       ROSTER_PARAM_FROM,
					       from_text,
					       ROSTER_PARAM_TO,
					       to_text,
					       NULL);
}

/* the attendance recorded for the shifts of one day */
gchar *
roster_client_dup_attendance_path(const GDate *day)
{
	g_autofree gchar *day_text = dup_date(day);

	return roster_client_dup_resource_path(ROSTER_RESOURCE_ATTENDANCE,
					       ROSTER_PARAM_FROM,
					       day_text,
					       ROSTER_PARAM_TO,
					       day_text,
					       NULL);
}

/**
 * roster_client_dup_volunteers_path:
 * @search: (nullable): text the name or counsellor number holds
 * @tier: (nullable): only volunteers of this tier
 * @active_only: whether to leave out those who no longer take shifts
 * @limit: the most volunteers to list, or 0 for the daemon's page size
 *
 * Returns: (transfer full): the path of the volunteers that match
 *
 * Since: 0.1
 */
gchar *
roster_client_dup_volunteers_path(const gchar *search,
				  const gchar *tier,
				  gboolean active_only,
				  guint limit)
{
	g_autofree gchar *limit_text = limit > 0 ? g_strdup_printf("%u", limit) : NULL;

	return roster_client_dup_resource_path(ROSTER_RESOURCE_VOLUNTEERS,
					       ROSTER_PARAM_Q,
					       search,
					       ROSTER_PARAM_TIER,
					       tier,
					       ROSTER_PARAM_ACTIVE,
					       active_only ? "true" : NULL,
					       ROSTER_PARAM_LIMIT,
					       limit_text,
					       NULL);
}

/* the path of the seats each slot of @days days from @from needs */
gchar *
roster_client_dup_demand_path(const GDate *from, guint days)
{
	g_autofree gchar *from_text = dup_date(from);
	g_autofree gchar *days_text = g_strdup_printf("%u", days);

	return roster_client_dup_resource_path(ROSTER_RESOURCE_DEMAND,
					       ROSTER_PARAM_FROM,
					       from_text,
					       "days",
					       days_text,
					       NULL);
}

/**
 * roster_client_save_at_async:
 * @self: a #RosterClient
 * @collection_path: the path of the collection, e.g. a #RosterItemList's
 * @id: the record to change, or 0 to create one
 * @body: the record's members
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish()
 * @user_data: data for @callback
 *
 * Creates a record in a collection (POST) or changes one of its records (PATCH).
 *
 * Since: 0.1
 */
void
roster_client_save_at_async(RosterClient *self,
			    const gchar *collection_path,
			    gint64 id,
			    JsonNode *body,
			    GCancellable *cancellable,
			    GAsyncReadyCallback callback,
			    gpointer user_data)
{
	g_autofree gchar *path = NULL;

	if (id == 0) {
		roster_client_call_async(self,
					 "POST",
					 collection_path,
					 body,
					 cancellable,
					 callback,
					 user_data);
		return;
	}
	path = g_strdup_printf("%s/%" G_GINT64_FORMAT, collection_path, id);
	roster_client_call_async(self, "PATCH", path, body, cancellable, callback, user_data);
}

/**
 * roster_client_save_async:
 * @self: a #RosterClient
 * @resource: the collection
 * @id: the record to change, or 0 to create one; 0 also posts to the resources that
 *   are actions, such as %ROSTER_RESOURCE_ATTENDANCE_DAYS
 * @body: the record's members
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish()
 * @user_data: data for @callback
 *
 * Creates or changes a record of @resource.
 *
 * Since: 0.1
 */
void
roster_client_save_async(RosterClient *self,
			 RosterResource resource,
			 gint64 id,
			 JsonNode *body,
			 GCancellable *cancellable,
			 GAsyncReadyCallback callback,
			 gpointer user_data)
{
	g_return_if_fail((guint)resource < G_N_ELEMENTS(resource_paths));
	roster_client_save_at_async(self,
				    resource_paths[resource],
				    id,
				    body,
				    cancellable,
				    callback,
				    user_data);
}

/**
 * roster_client_delete_at_async:
 * @self: a #RosterClient
 * @collection_path: the path of the collection
 * @id: the record
 * @revision: the revision the user saw, or 0 for a record without one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish()
 * @user_data: data for @callback
 *
 * Deletes a record, unless someone changed it since @revision.
 *
 * Since: 0.1
 */
void
roster_client_delete_at_async(RosterClient *self,
			      const gchar *collection_path,
			      gint64 id,
			      gint64 revision,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data)
{
	g_autofree gchar *path =
	    g_strdup_printf("%s/%" G_GINT64_FORMAT "?" ROSTER_KEY_REVISION "=%" G_GINT64_FORMAT,
			    collection_path,
			    id,
			    revision);
	roster_client_call_async(self, "DELETE", path, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_delete_async:
 * @self: a #RosterClient
 * @resource: the collection
 * @id: the record
 * @revision: the revision the user saw
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish()
 * @user_data: data for @callback
 *
 * Deletes a record of @resource.
 *
 * Since: 0.1
 */
void
roster_client_delete_async(RosterClient *self,
			   RosterResource resource,
			   gint64 id,
			   gint64 revision,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data)
{
	g_return_if_fail((guint)resource < G_N_ELEMENTS(resource_paths));
	roster_client_delete_at_async(self,
				      resource_paths[resource],
				      id,
				      revision,
				      cancellable,
				      callback,
				      user_data);
}

/**
 * roster_client_get_resource_async:
 * @self: a #RosterClient
 * @path: a path from roster_client_dup_resource_path()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish()
 * @user_data: data for @callback
 *
 * Reads a resource that is no list, such as a week's demand.
 *
 * Since: 0.1
 */
void
roster_client_get_resource_async(RosterClient *self,
				 const gchar *path,
				 GCancellable *cancellable,
				 GAsyncReadyCallback callback,
				 gpointer user_data)
{
	roster_client_call_async(self, "GET", path, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_create_calendar_token_async:
 * @self: a #RosterClient
 * @volunteer_id: the volunteer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Makes a new calendar link for a volunteer; the previous one stops working.
 *
 * Since: 0.1
 */
void
roster_client_create_calendar_token_async(RosterClient *self,
					  gint64 volunteer_id,
					  GCancellable *cancellable,
					  GAsyncReadyCallback callback,
					  gpointer user_data)
{
	g_autofree gchar *path = g_strdup_printf("%s/%" G_GINT64_FORMAT,
						 resource_paths[ROSTER_RESOURCE_CALENDAR_TOKENS],
						 volunteer_id);
	roster_client_call_async(self, "POST", path, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_create_calendar_token_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the link of the volunteer's calendar feed, a full
 *   URL (the daemon's path is made absolute against the server), or %NULL with @error
 *   set or when the daemon sent none
 *
 * Since: 0.1
 */
gchar *
roster_client_create_calendar_token_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonObject) object = roster_client_call_finish_object(self, result, error);
	g_autofree gchar *root = NULL;
	const gchar *url;

	if (object == NULL)
		return NULL;
	url = json_object_get_string_member_with_default(object, ROSTER_KEY_URL, NULL);
	if (url == NULL || url[0] != '/')
		return g_strdup(url);
	/* a path is relative to the server, not to the API root */
	root = g_strdup(roster_client_get_base_url(self));
	if (g_str_has_suffix(root, "/api/v1"))
		root[strlen(root) - strlen("/api/v1")] = '\0';
	return g_strconcat(root, url, NULL);
}
