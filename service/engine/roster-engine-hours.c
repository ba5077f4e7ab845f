/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hours engine's shared part: who may read and write records, the body and list
 * readers, the audit, and the service hours with stars and the honour roll built on them */

#include "config.h"

#include <string.h>

#include "roster-datetime.h"
#include "roster-engine-hours-private.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-stars.h"
#include "roster-store-hours.h"

#define RECORDS_MAX 1000000

const gchar *const roster_engine_hours_tier_order[] = {"trainee",
						       "counsellor",
						       "senior",
						       "expert",
						       NULL};

/* permissions, through the engine's one check */

/* readers: a volunteer reads only its own records (*@volunteer_id becomes its own) */
gboolean
roster_engine_hours_check_read(RosterPrincipal *principal,
			       const gchar *collection,
			       gint64 *volunteer_id,
			       GError **error)
{
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_SIGNED_IN,
					    collection,
					    "not allowed",
					    error))
		return FALSE;
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER && *volunteer_id <= 0)
		*volunteer_id = roster_principal_get_volunteer_id(principal);
	return roster_engine_check_permission(
	    principal,
	    roster_engine_roles_or_own(principal, ROSTER_ROLES_STAFF, *volunteer_id),
	    collection,
	    "a volunteer reads only its own records",
	    error);
}

gboolean
roster_engine_hours_check_write(RosterPrincipal *principal,
				const gchar *collection,
				gboolean managers_only,
				GError **error)
{
	if (managers_only)
		return roster_engine_check_permission(
		    principal,
		    ROSTER_ROLES_MANAGERS,
		    collection,
		    "only managers and admins may write these records",
		    error);
	return roster_engine_check_permission(
	    principal,
	    ROSTER_ROLES_STAFF,
	    collection,
	    "only coordinators, managers and admins may write these records",
	    error);
}

gboolean
roster_engine_hours_check_volunteer(RosterEngine *self, gint64 volunteer_id, GError **error)
{
	gboolean exists = FALSE;

	if (volunteer_id > 0 && !roster_store_record_exists(roster_engine_get_store(self),
							    ROSTER_COLLECTION_VOLUNTEERS,
							    volunteer_id,
							    &exists,
							    error))
		return FALSE;
	if (!exists) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "volunteers: no record %" G_GINT64_FORMAT,
			    volunteer_id);
		return FALSE;
	}
	return TRUE;
}

/* an error about one input field, the field carried as data */
gboolean
roster_engine_hours_invalid(GError **error, const gchar *field, const gchar *why)
{
	roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, field, "%s", why);
	return FALSE;
}

/* bodies */

JsonObject *
roster_engine_hours_body_object(JsonNode *body, GError **error)
{
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		roster_engine_hours_invalid(error, "body", "must be an object");
		return NULL;
	}
	return json_node_get_object(body);
}

gboolean
roster_engine_hours_read_int(JsonObject *obj,
			     const gchar *key,
			     gboolean required,
			     gint64 min,
			     gint64 max,
			     gint64 *value,
			     GError **error)
{
	JsonNode *node = json_object_get_member(obj, key);

	if (node == NULL || JSON_NODE_HOLDS_NULL(node)) {
		if (required)
			return roster_engine_hours_invalid(error, key, "is required");
		return TRUE;
	}
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_INT64)
		return roster_engine_hours_invalid(error, key, "must be an integer");
	*value = json_node_get_int(node);
	if (*value < min || *value > max) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
				       min,
				       max);
		return FALSE;
	}
	return TRUE;
}

gboolean
roster_engine_hours_read_string(JsonObject *obj,
				const gchar *key,
				gboolean required,
				const gchar *const *choices,
				const gchar **value,
				GError **error)
{
	JsonNode *node = json_object_get_member(obj, key);

	*value = NULL;
	if (node == NULL || JSON_NODE_HOLDS_NULL(node)) {
		if (required)
			return roster_engine_hours_invalid(error, key, "is required");
		return TRUE;
	}
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
		return roster_engine_hours_invalid(error, key, "must be a string");
	*value = json_node_get_string(node);
	if (g_utf8_strlen(*value, -1) > 1000)
		return roster_engine_hours_invalid(error, key, "is too long");
	if (required && (*value)[0] == '\0')
		return roster_engine_hours_invalid(error, key, "must not be empty");
	if (choices != NULL && !g_strv_contains(choices, *value)) {
		g_autofree gchar *list = g_strjoinv(", ", (gchar **)choices);
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "must be one of %s",
				       list);
		return FALSE;
	}
	return TRUE;
}

/* a past or present date */
gboolean
roster_engine_hours_read_date(JsonObject *obj,
			      const gchar *key,
			      const gchar **value,
			      GError **error)
{
	g_autofree gchar *today = roster_datetime_dup_today(NULL);

	if (!roster_engine_hours_read_string(obj, key, TRUE, NULL, value, error))
		return FALSE;
	if (!roster_datetime_parse_date(*value, NULL))
		return roster_engine_hours_invalid(error, key, "must be a date YYYY-MM-DD");
	if (g_strcmp0(*value, "2000-01-01") < 0 || g_strcmp0(*value, today) > 0)
		return roster_engine_hours_invalid(error,
						   key,
						   "must be between 2000-01-01 and today");
	return TRUE;
}

gint64
roster_engine_hours_param_int(GHashTable *params, const gchar *key)
{
	const gchar *text = params != NULL ? g_hash_table_lookup(params, key) : NULL;
	gint64 value = 0;

	if (text == NULL || !g_ascii_string_to_signed(text, 10, 1, G_MAXINT64, &value, NULL))
		return text == NULL ? 0 : -1;
	return value;
}

/* the list params volunteer, from and to, checked */
gboolean
roster_engine_hours_read_params(GHashTable *params,
				gint64 *volunteer_id,
				const gchar **from,
				const gchar **to,
				GError **error)
{
	*volunteer_id = roster_engine_hours_param_int(params, "volunteer");
	*from = params != NULL ? g_hash_table_lookup(params, ROSTER_PARAM_FROM) : NULL;
	*to = params != NULL ? g_hash_table_lookup(params, ROSTER_PARAM_TO) : NULL;
	if (*volunteer_id < 0)
		return roster_engine_hours_invalid(error, "volunteer", "must be a volunteer id");
	if (*from != NULL && !roster_datetime_parse_date(*from, NULL))
		return roster_engine_hours_invalid(error,
						   ROSTER_PARAM_FROM,
						   "must be a date YYYY-MM-DD");
	if (*to != NULL && !roster_datetime_parse_date(*to, NULL))
		return roster_engine_hours_invalid(error,
						   ROSTER_PARAM_TO,
						   "must be a date YYYY-MM-DD");
	if (*from != NULL && *to != NULL && g_strcmp0(*from, *to) > 0)
		return roster_engine_hours_invalid(error,
						   ROSTER_PARAM_FROM,
						   "must not be after to");
	return TRUE;
}

JsonNode *
roster_engine_hours_object_node(JsonObject *obj)
{
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);
	json_node_set_object(node, obj);
	return node;
}

/* adds "hours" next to "minutes" in each row */
JsonArray *
roster_engine_hours_with_hours(JsonArray *rows)
{
	for (guint i = 0; rows != NULL && i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		gint64 minutes =
		    json_object_get_int_member_with_default(row, ROSTER_KEY_MINUTES, 0);
		json_object_set_double_member(row, ROSTER_KEY_HOURS, minutes / 60.0);
	}
	return rows;
}

/* what every records list reads first: the period and the volunteer of @params, only
 * the caller's own rows for a volunteer */
gboolean
roster_engine_hours_open_list(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      const gchar *collection,
			      gint64 *volunteer_id,
			      const gchar **from,
			      const gchar **to,
			      GError **error)
{
	return roster_engine_hours_read_params(params, volunteer_id, from, to, error) &&
	       roster_engine_hours_check_read(principal, collection, volunteer_id, error) &&
	       roster_engine_ensure_open(self, error);
}

/* a records list: {"items", "total"}, with hours beside the minutes when @hours */
JsonNode *
roster_engine_hours_list_rows(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      const gchar *collection,
			      RosterEngineHoursListFunc list_func,
			      gboolean hours,
			      GError **error)
{
	gint64 volunteer_id = 0;
	const gchar *from = NULL;
	const gchar *to = NULL;
	g_autoptr(JsonArray) rows = NULL;

	if (!roster_engine_hours_open_list(self,
					   principal,
					   params,
					   collection,
					   &volunteer_id,
					   &from,
					   &to,
					   error))
		return NULL;
	rows = list_func(roster_engine_get_store(self), volunteer_id, from, to, error);
	if (rows == NULL)
		return NULL;
	return roster_engine_new_list(hours ? roster_engine_hours_with_hours(rows) : rows, -1);
}

/* service hours */

/* every item that counts, ordered by date: attended minutes of rostered shifts and
 * approved service logs; @volunteer_id 0 for everybody */
JsonArray *
roster_engine_hours_collect_items(RosterEngine *self,
				  gint64 volunteer_id,
				  const gchar *from,
				  const gchar *to,
				  GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonArray) attendance = NULL;
	g_autoptr(JsonArray) logs = NULL;
	g_autoptr(JsonArray) items = json_array_new();
	guint i = 0;
	guint j = 0;

	attendance = roster_store_list_attendance(store, volunteer_id, from, to, error);
	if (attendance == NULL)
		return NULL;
	logs = roster_store_list_service_logs(store,
					      volunteer_id,
					      from,
					      to,
					      ROSTER_LOG_APPROVED,
					      error);
	if (logs == NULL)
		return NULL;
	/* both lists are ordered by date: merge them */
	while (i < json_array_get_length(attendance) || j < json_array_get_length(logs)) {
		JsonObject *a = i < json_array_get_length(attendance)
				    ? json_array_get_object_element(attendance, i)
				    : NULL;
		JsonObject *l =
		    j < json_array_get_length(logs) ? json_array_get_object_element(logs, j) : NULL;
		JsonObject *item = json_object_new();
		gboolean take_a =
		    l == NULL ||
		    (a != NULL && g_strcmp0(json_object_get_string_member(a, "date"),
					    json_object_get_string_member(l, "date")) <= 0);
		JsonObject *src = take_a ? a : l;
		gint64 minutes = json_object_get_int_member(src, ROSTER_KEY_MINUTES);

		json_object_set_string_member(item,
					      ROSTER_KEY_SOURCE,
					      take_a ? ROSTER_COLLECTION_ATTENDANCE
						     : ROSTER_COLLECTION_SERVICE_LOGS);
		json_object_set_int_member(
		    item,
		    ROSTER_KEY_SOURCE_ID,
		    json_object_get_int_member(src,
					       take_a ? ROSTER_KEY_ASSIGNMENT_ID : ROSTER_KEY_ID));
		json_object_set_int_member(
		    item,
		    ROSTER_KEY_VOLUNTEER_ID,
		    json_object_get_int_member(src, ROSTER_KEY_VOLUNTEER_ID));
		json_object_set_string_member(item,
					      ROSTER_KEY_DATE,
					      json_object_get_string_member(src, ROSTER_KEY_DATE));
		if (take_a) {
			json_object_set_int_member(
			    item,
			    ROSTER_KEY_ROSTER_ID,
			    json_object_get_int_member(a, ROSTER_KEY_ROSTER_ID));
			json_object_set_string_member(
			    item,
			    ROSTER_KEY_SLOT,
			    json_object_get_string_member(a, ROSTER_KEY_SLOT));
			json_object_set_string_member(
			    item,
			    ROSTER_KEY_STATUS,
			    json_object_get_string_member(a, ROSTER_KEY_STATUS));
			i++;
		} else {
			json_object_set_string_member(
			    item,
			    ROSTER_KEY_KIND,
			    json_object_get_string_member(l, ROSTER_KEY_KIND));
			json_object_set_string_member(
			    item,
			    ROSTER_KEY_APPROVER,
			    json_object_get_string_member(l, ROSTER_KEY_APPROVER));
			j++;
		}
		json_object_set_int_member(item, ROSTER_KEY_MINUTES, minutes);
		json_object_set_double_member(item, ROSTER_KEY_HOURS, minutes / 60.0);
		if (minutes > 0)
			json_array_add_object_element(items, item);
		else
			json_object_unref(item);
	}
	return g_steal_pointer(&items);
}

static gint64
sum_minutes(JsonArray *items)
{
	gint64 total = 0;

	for (guint i = 0; i < json_array_get_length(items); i++)
		total += json_object_get_int_member(json_array_get_object_element(items, i),
						    ROSTER_KEY_MINUTES);
	return total;
}

JsonNode *
roster_engine_get_hours(RosterEngine *self,
			RosterPrincipal *principal,
			gint64 volunteer_id,
			const gchar *from,
			const gchar *to,
			GError **error)
{
	const gchar *c = "hours";
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(JsonArray) attendance = NULL;
	g_autoptr(JsonObject) obj = json_object_new();
	gint64 no_shows = 0;
	gint64 minutes;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (volunteer_id <= 0) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_VOLUNTEER_ID,
					    "must be a volunteer id");
		return NULL;
	}
	if ((from != NULL && !roster_datetime_parse_date(from, NULL)) ||
	    (to != NULL && !roster_datetime_parse_date(to, NULL))) {
		roster_engine_hours_invalid(error,
					    ROSTER_PARAM_FROM,
					    "from and to must be dates YYYY-MM-DD");
		return NULL;
	}
	if (from != NULL && to != NULL && g_strcmp0(from, to) > 0) {
		roster_engine_hours_invalid(error, ROSTER_PARAM_FROM, "must not be after to");
		return NULL;
	}
	if (!roster_engine_hours_check_read(principal, c, &volunteer_id, error) ||
	    !roster_engine_ensure_open(self, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	items = roster_engine_hours_collect_items(self, volunteer_id, from, to, error);
	if (items == NULL)
		return NULL;
	minutes = sum_minutes(items);
	attendance = roster_store_list_attendance(roster_engine_get_store(self),
						  volunteer_id,
						  from,
						  to,
						  error);
	if (attendance == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(attendance); i++) {
		if (g_strcmp0(
			json_object_get_string_member(json_array_get_object_element(attendance, i),
						      ROSTER_KEY_STATUS),
			ROSTER_STATUS_NO_SHOW) == 0)
			no_shows++;
	}
	json_object_set_int_member(obj, ROSTER_KEY_VOLUNTEER_ID, volunteer_id);
	json_object_set_int_member(obj, ROSTER_KEY_NO_SHOWS, no_shows);
	if (from != NULL)
		json_object_set_string_member(obj, ROSTER_KEY_FROM, from);
	else
		json_object_set_null_member(obj, ROSTER_KEY_FROM);
	if (to != NULL)
		json_object_set_string_member(obj, ROSTER_KEY_TO, to);
	else
		json_object_set_null_member(obj, ROSTER_KEY_TO);
	json_object_set_int_member(obj, ROSTER_KEY_MINUTES, minutes);
	json_object_set_double_member(obj, ROSTER_KEY_HOURS, minutes / 60.0);
	json_object_set_array_member(obj, ROSTER_KEY_ITEMS, json_array_ref(items));
	return roster_engine_hours_object_node(obj);
}

JsonNode *
roster_engine_get_stars(RosterEngine *self,
			RosterPrincipal *principal,
			gint64 volunteer_id,
			GError **error)
{
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(JsonArray) levels = json_array_new();
	g_autoptr(JsonObject) obj = json_object_new();
	gint64 running = 0;
	guint stars = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_hours_check_read(principal, ROSTER_KEY_STARS, &volunteer_id, error) ||
	    !roster_engine_ensure_open(self, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	items = roster_engine_hours_collect_items(self, volunteer_id, NULL, NULL, error);
	if (items == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		running += json_object_get_int_member(item, ROSTER_KEY_MINUTES);
		while (stars < ROSTER_STARS_MAX &&
		       running >= (gint64)roster_stars_threshold_hours(stars + 1) * 60) {
			JsonObject *level = json_object_new();
			json_object_set_int_member(level, ROSTER_KEY_STARS, stars + 1);
			json_object_set_int_member(level,
						   ROSTER_KEY_HOURS,
						   roster_stars_threshold_hours(stars + 1));
			json_object_set_string_member(
			    level,
			    ROSTER_KEY_REACHED,
			    json_object_get_string_member(item, ROSTER_KEY_DATE));
			json_array_add_object_element(levels, level);
			stars++;
		}
	}
	json_object_set_int_member(obj, ROSTER_KEY_VOLUNTEER_ID, volunteer_id);
	json_object_set_double_member(obj, ROSTER_KEY_HOURS, running / 60.0);
	json_object_set_int_member(obj, ROSTER_KEY_STARS, stars);
	json_object_set_array_member(obj, ROSTER_KEY_LEVELS, json_array_ref(levels));
	return roster_engine_hours_object_node(obj);
}

GPtrArray *
roster_engine_hours_list_volunteers(RosterEngine *self, GError **error)
{
	RosterStoreFilter filter;
	gint64 total = 0;

	roster_store_filter_init(&filter);
	filter.limit = RECORDS_MAX;
	return roster_store_list_records(roster_engine_get_store(self),
					 roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
					 &filter,
					 &total,
					 error);
}

/* volunteer id -> minutes of @items */
GHashTable *
roster_engine_hours_minutes_by_volunteer(JsonArray *items)
{
	GHashTable *table = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		gint64 id = json_object_get_int_member(item, ROSTER_KEY_VOLUNTEER_ID);
		gint64 *sum = g_hash_table_lookup(table, &id);
		if (sum == NULL) {
			sum = g_new0(gint64, 1);
			g_hash_table_insert(table, g_memdup2(&id, sizeof(id)), sum);
		}
		*sum += json_object_get_int_member(item, ROSTER_KEY_MINUTES);
	}
	return table;
}

typedef struct {
	RosterRecord *volunteer;
	gint64 minutes;
} Ranked;

static gint
ranked_compare_cb(gconstpointer a, gconstpointer b)
{
	const Ranked *x = a;
	const Ranked *y = b;

	if (x->minutes != y->minutes)
		return x->minutes > y->minutes ? -1 : 1;
	return g_strcmp0(roster_record_get_string(x->volunteer, ROSTER_KEY_COUNSELLOR_NO),
			 roster_record_get_string(y->volunteer, ROSTER_KEY_COUNSELLOR_NO));
}

JsonNode *
roster_engine_get_honour_roll(RosterEngine *self,
			      RosterPrincipal *principal,
			      const gchar *from,
			      const gchar *to,
			      GError **error)
{
	const gchar *c = "honour-roll";
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(GHashTable) sums = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;
	g_autoptr(GArray) ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
	g_autoptr(JsonArray) rows = json_array_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(
		principal,
		ROSTER_ROLES_STAFF,
		c,
		"only managers, coordinators and admins read the honour roll",
		error))
		return NULL;
	if ((from != NULL && !roster_datetime_parse_date(from, NULL)) ||
	    (to != NULL && !roster_datetime_parse_date(to, NULL))) {
		roster_engine_hours_invalid(error,
					    ROSTER_PARAM_FROM,
					    "from and to must be dates YYYY-MM-DD");
		return NULL;
	}
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	items = roster_engine_hours_collect_items(self, 0, from, to, error);
	if (items == NULL)
		return NULL;
	volunteers = roster_engine_hours_list_volunteers(self, error);
	if (volunteers == NULL)
		return NULL;
	sums = roster_engine_hours_minutes_by_volunteer(items);
	for (guint i = 0; i < volunteers->len; i++) {
		RosterRecord *v = g_ptr_array_index(volunteers, i);
		gint64 id = roster_record_get_id(v);
		gint64 *sum = g_hash_table_lookup(sums, &id);
		Ranked r = {v, sum != NULL ? *sum : 0};
		if (r.minutes > 0)
			g_array_append_val(ranked, r);
	}
	g_array_sort(ranked, ranked_compare_cb);
	for (guint i = 0; i < ranked->len; i++) {
		Ranked *r = &g_array_index(ranked, Ranked, i);
		JsonObject *row = json_object_new();
		gboolean consent =
		    roster_record_get_bool(r->volunteer, ROSTER_KEY_HONOUR_ROLL_CONSENT, FALSE);
		json_object_set_int_member(row, ROSTER_KEY_RANK, i + 1);
		json_object_set_string_member(
		    row,
		    ROSTER_KEY_COUNSELLOR_NO,
		    roster_record_get_string(r->volunteer, ROSTER_KEY_COUNSELLOR_NO));
		if (consent)
			json_object_set_string_member(
			    row,
			    ROSTER_KEY_NAME,
			    roster_record_get_string(r->volunteer, ROSTER_KEY_NAME));
		else
			json_object_set_null_member(row, ROSTER_KEY_NAME);
		json_object_set_double_member(row, ROSTER_KEY_HOURS, r->minutes / 60.0);
		json_array_add_object_element(rows, row);
	}
	return roster_engine_new_list(rows, -1);
}
