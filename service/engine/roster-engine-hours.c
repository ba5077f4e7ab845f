/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-csv.h"
#include "roster-engine-hours-private.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-service-calendar.h"
#include "roster-stars.h"
#include "roster-store-hours.h"
#include "roster-store-rosters.h"

#define RECORDS_MAX 1000000
/* the most one service log or training record may claim */
#define MAX_LOG_HOURS	   24.0
#define MAX_TRAINING_HOURS 200.0

static const gchar *const log_kinds[] = {"callback", "outreach", "on-call", "other", NULL};
static const gchar *const training_kinds[] = {ROSTER_TRAINING_PRE_JOB,
					      ROSTER_TRAINING_SUPERVISION,
					      ROSTER_TRAINING_CONTINUING,
					      NULL};
static const gchar *const dimensions[] = {"quality-review", "caller-satisfaction", NULL};
static const gchar *const statuses[] = {ROSTER_STATUS_ATTENDED,
					ROSTER_STATUS_LATE,
					ROSTER_STATUS_LEFT_EARLY,
					ROSTER_STATUS_NO_SHOW,
					NULL};
static const gchar *const tier_order[] = {"trainee", "counsellor", "senior", "expert", NULL};

static const gchar default_settings[] =
    "{\"modified\": null, \"pre_job_min_hours\": 0, \"calendar_alarms\": [1440, 60],"
    " \"promotion_rules\": ["
    "{\"from\": \"trainee\", \"to\": \"counsellor\", \"service_hours\": 50,"
    " \"supervision_hours\": 4, \"min_average_rating\": 3.5, \"last_n_ratings\": 5,"
    " \"max_no_shows\": 2},"
    "{\"from\": \"counsellor\", \"to\": \"senior\", \"service_hours\": 300,"
    " \"supervision_hours\": 20, \"min_average_rating\": 4.0, \"last_n_ratings\": 10,"
    " \"max_no_shows\": 1},"
    "{\"from\": \"senior\", \"to\": \"expert\", \"service_hours\": 1000,"
    " \"supervision_hours\": 60, \"min_average_rating\": 4.5, \"last_n_ratings\": 20,"
    " \"max_no_shows\": 0}]}";

/* permissions */

static gboolean
deny(const gchar *collection, const gchar *why, GError **error)
{
	g_set_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED, "%s: %s", collection, why);
	return FALSE;
}

/* readers: a volunteer reads only its own records (*@volunteer_id becomes its own) */
static gboolean
check_read(RosterPrincipal *principal,
	   const gchar *collection,
	   gint64 *volunteer_id,
	   GError **error)
{
	RosterRole role = roster_principal_get_role(principal);

	if (role == ROSTER_ROLE_VOLUNTEER) {
		gint64 own = roster_principal_get_volunteer_id(principal);
		if (own <= 0 || (*volunteer_id > 0 && *volunteer_id != own))
			return deny(collection, "a volunteer reads only its own records", error);
		*volunteer_id = own;
		return TRUE;
	}
	if (role == ROSTER_ROLE_NONE)
		return deny(collection, "not allowed", error);
	return TRUE;
}

static gboolean
check_write(RosterPrincipal *principal,
	    const gchar *collection,
	    gboolean managers_only,
	    GError **error)
{
	RosterRole role = roster_principal_get_role(principal);

	if (role == ROSTER_ROLE_ADMIN || role == ROSTER_ROLE_MANAGER)
		return TRUE;
	if (role == ROSTER_ROLE_COORDINATOR && !managers_only)
		return TRUE;
	return deny(collection,
		    managers_only
			? "only managers and admins may write these records"
			: "only coordinators, managers and admins may write these records",
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

gboolean
roster_engine_hours_audit(RosterEngine *self,
			  RosterPrincipal *principal,
			  const gchar *action,
			  const gchar *collection,
			  gint64 record_id,
			  JsonNode *before,
			  JsonNode *after,
			  GError **error)
{
	g_autofree gchar *now = roster_engine_dup_now();
	RosterStoreAudit entry = {
	    .actor = roster_principal_get_username(principal),
	    .actor_id = roster_principal_get_account_id(principal),
	    .action = action,
	    .collection = collection,
	    .record_id = record_id,
	    .before = before,
	    .after = after,
	};

	return roster_store_add_audit(roster_engine_get_store(self), &entry, now, error);
}

static gboolean
commit_or_rollback(RosterEngine *self, gboolean ok, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);

	if (ok && roster_store_commit(store, error))
		return TRUE;
	roster_store_rollback(store);
	return FALSE;
}

/* settings */

static JsonObject *
default_settings_object(void)
{
	g_autoptr(JsonNode) node = json_from_string(default_settings, NULL);
	return json_object_ref(json_node_get_object(node));
}

JsonNode *
roster_engine_hours_dup_setting(RosterEngine *self, const gchar *key, GError **error)
{
	g_autofree gchar *text = NULL;
	g_autoptr(JsonObject) defaults = NULL;

	if (!roster_store_get_setting(roster_engine_get_store(self), key, &text, error))
		return NULL;
	if (text != NULL) {
		JsonNode *node = json_from_string(text, NULL);
		if (node != NULL)
			return node;
	}
	defaults = default_settings_object();
	return json_node_copy(json_object_get_member(defaults, key));
}

static JsonNode *
settings_node(RosterEngine *self, GError **error)
{
	const gchar *const keys[] = {ROSTER_KEY_PRE_JOB_MIN_HOURS,
				     ROSTER_KEY_CALENDAR_ALARMS,
				     ROSTER_KEY_PROMOTION_RULES,
				     NULL};
	g_autoptr(JsonObject) obj = json_object_new();
	JsonNode *root;

	for (guint i = 0; keys[i] != NULL; i++) {
		JsonNode *value = roster_engine_hours_dup_setting(self, keys[i], error);
		if (value == NULL)
			return NULL;
		json_object_set_member(obj, keys[i], value);
	}
	root = json_node_new(JSON_NODE_OBJECT);
	json_node_set_object(root, obj);
	return root;
}

JsonNode *
roster_engine_get_record_settings(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	gint64 any = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER) {
		deny(ROSTER_COLLECTION_SETTINGS, "not allowed", error);
		return NULL;
	}
	if (!check_read(principal, ROSTER_COLLECTION_SETTINGS, &any, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	return settings_node(self, error);
}

/* an error about one input field, the field carried as data */
static gboolean
invalid(GError **error, const gchar *field, const gchar *why)
{
	roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, field, "%s", why);
	return FALSE;
}

static gboolean
tier_index(const gchar *tier, guint *index)
{
	for (guint i = 0; tier_order[i] != NULL; i++) {
		if (g_strcmp0(tier_order[i], tier) == 0) {
			*index = i;
			return TRUE;
		}
	}
	return FALSE;
}

static gboolean
check_rules(JsonNode *rules, GError **error)
{
	JsonArray *array;

	if (!JSON_NODE_HOLDS_ARRAY(rules))
		return invalid(error, ROSTER_KEY_PROMOTION_RULES, "must be an array");
	array = json_node_get_array(rules);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *item = json_array_get_element(array, i);
		JsonObject *rule;
		guint from = 0;
		guint to = 0;
		if (!JSON_NODE_HOLDS_OBJECT(item))
			return invalid(error, ROSTER_KEY_PROMOTION_RULES, "items must be objects");
		rule = json_node_get_object(item);
		if (!tier_index(json_object_get_string_member_with_default(rule, "from", NULL),
				&from) ||
		    !tier_index(json_object_get_string_member_with_default(rule, "to", NULL),
				&to) ||
		    to != from + 1)
			return invalid(error,
				       ROSTER_KEY_PROMOTION_RULES,
				       "each rule goes from one tier to the next");
		if (json_object_get_double_member_with_default(rule, ROSTER_KEY_SERVICE_HOURS, 0) <
			0 ||
		    json_object_get_double_member_with_default(rule,
							       ROSTER_KEY_SUPERVISION_HOURS,
							       0) < 0 ||
		    json_object_get_int_member_with_default(rule, ROSTER_KEY_LAST_N_RATINGS, 0) <
			0 ||
		    json_object_get_int_member_with_default(rule, ROSTER_KEY_MAX_NO_SHOWS, 0) < 0 ||
		    json_object_get_double_member_with_default(rule, ROSTER_KEY_MIN_AVERAGE, 0) > 5)
			return invalid(error,
				       ROSTER_KEY_PROMOTION_RULES,
				       "a limit is out of range");
	}
	return TRUE;
}

static gboolean
check_setting(const gchar *key, JsonNode *value, GError **error)
{
	if (g_strcmp0(key, ROSTER_KEY_PRE_JOB_MIN_HOURS) == 0) {
		GType type = JSON_NODE_HOLDS_VALUE(value) ? json_node_get_value_type(value) : 0;
		gdouble hours;
		if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
			return invalid(error, key, "must be a number");
		hours = json_node_get_double(value);
		if (hours < 0 || hours > 1000)
			return invalid(error, key, "must be between 0 and 1000");
		return TRUE;
	}
	if (g_strcmp0(key, ROSTER_KEY_CALENDAR_ALARMS) == 0) {
		JsonArray *array;
		if (!JSON_NODE_HOLDS_ARRAY(value))
			return invalid(error, key, "must be an array of minutes");
		array = json_node_get_array(value);
		if (json_array_get_length(array) > 4)
			return invalid(error, key, "at most 4 reminders");
		for (guint i = 0; i < json_array_get_length(array); i++) {
			JsonNode *item = json_array_get_element(array, i);
			if (!JSON_NODE_HOLDS_VALUE(item) ||
			    json_node_get_value_type(item) != G_TYPE_INT64 ||
			    json_node_get_int(item) < 0 || json_node_get_int(item) > 7 * 24 * 60)
				return invalid(error,
					       key,
					       "each reminder is 0 to 10080 minutes before");
		}
		return TRUE;
	}
	if (g_strcmp0(key, ROSTER_KEY_PROMOTION_RULES) == 0)
		return check_rules(value, error);
	return invalid(error, key, "unknown setting");
}

JsonNode *
roster_engine_set_record_settings(RosterEngine *self,
				  RosterPrincipal *principal,
				  JsonNode *body,
				  GError **error)
{
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(GList) members = NULL;
	RosterStore *store;
	gboolean ok = TRUE;
	JsonObject *obj;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!check_write(principal, ROSTER_COLLECTION_SETTINGS, TRUE, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		invalid(error, "body", "must be an object");
		return NULL;
	}
	obj = json_node_get_object(body);
	members = json_object_get_members(obj);
	for (GList *l = members; l != NULL; l = l->next) {
		if (!check_setting(l->data, json_object_get_member(obj, l->data), error))
			return NULL;
	}
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	before = settings_node(self, error);
	ok = before != NULL;
	for (GList *l = members; ok && l != NULL; l = l->next) {
		g_autofree gchar *text =
		    json_to_string(json_object_get_member(obj, l->data), FALSE);
		ok = roster_store_set_setting(store, l->data, text, error);
	}
	if (ok) {
		g_autofree gchar *now = roster_engine_dup_now();
		g_autofree gchar *stamp = g_strdup_printf("\"%s\"", now);
		ok = roster_store_set_setting(store, ROSTER_KEY_SETTINGS_MODIFIED, stamp, error);
	}
	if (ok) {
		g_autoptr(JsonNode) after = settings_node(self, error);
		ok = after != NULL && roster_engine_hours_audit(self,
								principal,
								"update",
								ROSTER_COLLECTION_SETTINGS,
								0,
								before,
								after,
								error);
	}
	if (!commit_or_rollback(self, ok, error))
		return NULL;
	return settings_node(self, error);
}

/* bodies */

static JsonObject *
body_object(JsonNode *body, GError **error)
{
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		invalid(error, "body", "must be an object");
		return NULL;
	}
	return json_node_get_object(body);
}

static gboolean
read_int(JsonObject *obj,
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
			return invalid(error, key, "is required");
		return TRUE;
	}
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_INT64)
		return invalid(error, key, "must be an integer");
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

static gboolean
read_string(JsonObject *obj,
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
			return invalid(error, key, "is required");
		return TRUE;
	}
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
		return invalid(error, key, "must be a string");
	*value = json_node_get_string(node);
	if (g_utf8_strlen(*value, -1) > 1000)
		return invalid(error, key, "is too long");
	if (required && (*value)[0] == '\0')
		return invalid(error, key, "must not be empty");
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

static gchar *
dup_today(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	return g_date_time_format(now, "%Y-%m-%d");
}

/* a past or present date */
static gboolean
read_date(JsonObject *obj, const gchar *key, const gchar **value, GError **error)
{
	g_autofree gchar *today = dup_today();

	if (!read_string(obj, key, TRUE, NULL, value, error))
		return FALSE;
	if (!roster_check_date(*value))
		return invalid(error, key, "must be a date YYYY-MM-DD");
	if (g_strcmp0(*value, "2000-01-01") < 0 || g_strcmp0(*value, today) > 0)
		return invalid(error, key, "must be between 2000-01-01 and today");
	return TRUE;
}

/* hours as a positive number up to @max, in whole minutes */
static gboolean
read_hours(JsonObject *obj, gdouble max, gint64 *minutes, GError **error)
{
	JsonNode *node = json_object_get_member(obj, ROSTER_KEY_HOURS);
	GType type;
	gdouble hours;

	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return invalid(error, ROSTER_KEY_HOURS, "is required");
	type = JSON_NODE_HOLDS_VALUE(node) ? json_node_get_value_type(node) : 0;
	if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
		return invalid(error, ROSTER_KEY_HOURS, "must be a number");
	hours = json_node_get_double(node);
	if (!isfinite(hours) || hours <= 0 || hours > max) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_HOURS,
				       "must be more than 0 and at most %g",
				       max);
		return FALSE;
	}
	*minutes = (gint64)llround(hours * 60);
	if (*minutes <= 0)
		return invalid(error, ROSTER_KEY_HOURS, "must be at least one minute");
	return TRUE;
}

static gint64
param_int(GHashTable *params, const gchar *key)
{
	const gchar *text = params != NULL ? g_hash_table_lookup(params, key) : NULL;
	gint64 value = 0;

	if (text == NULL || !g_ascii_string_to_signed(text, 10, 1, G_MAXINT64, &value, NULL))
		return text == NULL ? 0 : -1;
	return value;
}

/* the list params volunteer, from and to, checked */
static gboolean
read_params(GHashTable *params,
	    gint64 *volunteer_id,
	    const gchar **from,
	    const gchar **to,
	    GError **error)
{
	*volunteer_id = param_int(params, "volunteer");
	*from = params != NULL ? g_hash_table_lookup(params, ROSTER_PARAM_FROM) : NULL;
	*to = params != NULL ? g_hash_table_lookup(params, ROSTER_PARAM_TO) : NULL;
	if (*volunteer_id < 0)
		return invalid(error, "volunteer", "must be a volunteer id");
	if (*from != NULL && !roster_check_date(*from))
		return invalid(error, ROSTER_PARAM_FROM, "must be a date YYYY-MM-DD");
	if (*to != NULL && !roster_check_date(*to))
		return invalid(error, ROSTER_PARAM_TO, "must be a date YYYY-MM-DD");
	if (*from != NULL && *to != NULL && g_strcmp0(*from, *to) > 0)
		return invalid(error, ROSTER_PARAM_FROM, "must not be after to");
	return TRUE;
}

static JsonNode *
object_node(JsonObject *obj)
{
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);
	json_node_set_object(node, obj);
	return node;
}

/* {"items": [...], "total": N} */
static JsonNode *
envelope(JsonArray *items)
{
	JsonObject *obj = json_object_new();
	JsonNode *node;

	json_object_set_int_member(obj, ROSTER_KEY_TOTAL, json_array_get_length(items));
	json_object_set_array_member(obj, ROSTER_KEY_ITEMS, json_array_ref(items));
	node = object_node(obj);
	json_object_unref(obj);
	return node;
}

/* adds "hours" next to "minutes" in each row */
static JsonArray *
with_hours(JsonArray *rows)
{
	for (guint i = 0; rows != NULL && i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		gint64 minutes =
		    json_object_get_int_member_with_default(row, ROSTER_KEY_MINUTES, 0);
		json_object_set_double_member(row, ROSTER_KEY_HOURS, minutes / 60.0);
	}
	return rows;
}

/* attendance */

/* the length of a shift, -1 with @error set */
static gint
slot_minutes(RosterEngine *self, GError **error)
{
	g_autoptr(RosterServiceCalendar) calendar =
	    roster_engine_load_service_calendar(self, error);

	return calendar != NULL ? calendar->slot_minutes : -1;
}

static JsonObject *
attendance_row(RosterHotlineAssignment *a,
	       gint64 roster_id,
	       const gchar *status,
	       gint64 late,
	       gint64 early,
	       gint64 minutes,
	       const gchar *actor)
{
	JsonObject *row = json_object_new();
	g_autofree gchar *date = roster_store_date_to_string(a->date);
	g_autofree gchar *slot =
	    g_strdup_printf("%02d:%02d", a->slot_start / 60, a->slot_start % 60);
	g_autofree gchar *now = roster_engine_dup_now();

	json_object_set_int_member(row, ROSTER_KEY_ASSIGNMENT_ID, a->id);
	json_object_set_int_member(row, ROSTER_KEY_ROSTER_ID, roster_id);
	json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, a->volunteer_id);
	json_object_set_string_member(row, ROSTER_KEY_DATE, date);
	json_object_set_string_member(row, ROSTER_KEY_SLOT, slot);
	json_object_set_int_member(row, ROSTER_KEY_SEAT_CLASS_ID, a->seat_class_id);
	json_object_set_string_member(row, ROSTER_KEY_STATUS, status);
	json_object_set_int_member(row, ROSTER_KEY_LATE_MINUTES, late);
	json_object_set_int_member(row, ROSTER_KEY_EARLY_MINUTES, early);
	json_object_set_int_member(row, ROSTER_KEY_MINUTES, minutes);
	json_object_set_string_member(row, ROSTER_KEY_RECORDED_BY, actor);
	json_object_set_string_member(row, "modified", now);
	return row;
}

/* the roster must be published: attendance is of published shifts */
static RosterStoreRoster *
load_published_roster(RosterEngine *self, gint64 roster_id, GError **error)
{
	g_autoptr(RosterStoreRoster) roster =
	    roster_store_get_roster(roster_engine_get_store(self), roster_id, error);

	if (roster == NULL)
		return NULL;
	if (roster->n_versions == 0) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_ROSTER_ID,
				       "the roster is not published");
		return NULL;
	}
	return g_steal_pointer(&roster);
}

static gboolean
put_attendance(RosterEngine *self, RosterPrincipal *principal, JsonObject *row, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	gint64 id = json_object_get_int_member(row, ROSTER_KEY_ASSIGNMENT_ID);
	g_autoptr(JsonObject) existing = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = object_node(row);
	g_autoptr(GError) error_local = NULL;

	existing = roster_store_get_attendance(store, id, &error_local);
	if (existing == NULL &&
	    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	if (existing != NULL)
		before = object_node(existing);
	return roster_store_put_attendance(store, row, error) &&
	       roster_engine_hours_audit(self,
					 principal,
					 existing != NULL ? "update" : "create",
					 ROSTER_COLLECTION_ATTENDANCE,
					 id,
					 before,
					 after,
					 error);
}

JsonNode *
roster_engine_record_attendance(RosterEngine *self,
				RosterPrincipal *principal,
				JsonNode *body,
				GError **error)
{
	const gchar *c = ROSTER_COLLECTION_ATTENDANCE;
	JsonObject *obj;
	gint64 roster_id = 0;
	gint64 assignment_id = 0;
	gint64 late = 0;
	gint64 early = 0;
	gint64 minutes;
	const gchar *status = NULL;
	gint slot;
	g_autoptr(RosterStoreRoster) roster = NULL;
	RosterHotlineAssignment *assignment = NULL;
	g_autoptr(GPtrArray) published = NULL;
	g_autoptr(JsonObject) row = NULL;
	gboolean is_published = FALSE;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!check_write(principal, c, FALSE, error) || !roster_engine_ensure_open(self, error))
		return NULL;
	obj = body_object(body, error);
	if (obj == NULL ||
	    !read_int(obj, ROSTER_KEY_ROSTER_ID, TRUE, 1, G_MAXINT64, &roster_id, error) ||
	    !read_int(obj, ROSTER_KEY_ASSIGNMENT_ID, TRUE, 1, G_MAXINT64, &assignment_id, error) ||
	    !read_string(obj, ROSTER_KEY_STATUS, TRUE, statuses, &status, error) ||
	    !read_int(obj, ROSTER_KEY_LATE_MINUTES, FALSE, 0, 24 * 60, &late, error) ||
	    !read_int(obj, ROSTER_KEY_EARLY_MINUTES, FALSE, 0, 24 * 60, &early, error))
		return NULL;
	slot = slot_minutes(self, error);
	if (slot < 0)
		return NULL;
	if (g_strcmp0(status, ROSTER_STATUS_LATE) == 0 && late <= 0) {
		invalid(error, ROSTER_KEY_LATE_MINUTES, "is required when late");
		return NULL;
	}
	if (g_strcmp0(status, ROSTER_STATUS_LEFT_EARLY) == 0 && early <= 0) {
		invalid(error, ROSTER_KEY_EARLY_MINUTES, "is required when leaving early");
		return NULL;
	}
	if (g_strcmp0(status, ROSTER_STATUS_NO_SHOW) == 0) {
		late = 0;
		early = 0;
	}
	if (late + early >= slot) {
		invalid(error, ROSTER_KEY_LATE_MINUTES, "late and early minutes exceed the shift");
		return NULL;
	}
	minutes = g_strcmp0(status, ROSTER_STATUS_NO_SHOW) == 0 ? 0 : slot - late - early;
	roster = load_published_roster(self, roster_id, error);
	if (roster == NULL)
		return NULL;
	published =
	    roster_engine_hours_dup_published_assignments(self, roster, &is_published, error);
	if (published == NULL)
		return NULL;
	for (guint i = 0; i < published->len && assignment == NULL; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(published, i);
		if (a->id == assignment_id)
			assignment = a;
	}
	if (assignment == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "attendance: assignment %" G_GINT64_FORMAT
			    " is not in the published roster",
			    assignment_id);
		return NULL;
	}
	row = attendance_row(assignment,
			     roster_id,
			     status,
			     late,
			     early,
			     minutes,
			     roster_principal_get_username(principal));
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	ok = put_attendance(self, principal, row, error);
	if (!commit_or_rollback(self, ok, error))
		return NULL;
	json_object_set_double_member(row, ROSTER_KEY_HOURS, minutes / 60.0);
	return object_node(row);
}

JsonNode *
roster_engine_confirm_day(RosterEngine *self,
			  RosterPrincipal *principal,
			  JsonNode *body,
			  GError **error)
{
	const gchar *c = ROSTER_COLLECTION_ATTENDANCE;
	RosterStore *store;
	JsonObject *obj;
	gint64 roster_id = 0;
	const gchar *date = NULL;
	guint32 day;
	gint slot;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(JsonArray) confirmed = json_array_new();
	gboolean is_published = FALSE;
	gboolean ok = TRUE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!check_write(principal, c, FALSE, error) || !roster_engine_ensure_open(self, error))
		return NULL;
	obj = body_object(body, error);
	if (obj == NULL ||
	    !read_int(obj, ROSTER_KEY_ROSTER_ID, TRUE, 1, G_MAXINT64, &roster_id, error) ||
	    !read_string(obj, ROSTER_KEY_DATE, TRUE, NULL, &date, error))
		return NULL;
	if (!roster_check_date(date)) {
		invalid(error, ROSTER_KEY_DATE, "must be a date YYYY-MM-DD");
		return NULL;
	}
	slot = slot_minutes(self, error);
	if (slot < 0)
		return NULL;
	roster = load_published_roster(self, roster_id, error);
	if (roster == NULL)
		return NULL;
	if (g_strcmp0(date, roster->period_start) < 0 || g_strcmp0(date, roster->period_end) > 0) {
		invalid(error, ROSTER_KEY_DATE, "is outside the roster's period");
		return NULL;
	}
	store = roster_engine_get_store(self);
	assignments =
	    roster_engine_hours_dup_published_assignments(self, roster, &is_published, error);
	if (assignments == NULL || !roster_store_begin(store, error))
		return NULL;
	day = roster_store_date_from_string(date);
	for (guint i = 0; ok && i < assignments->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		g_autoptr(JsonObject) existing = NULL;
		g_autoptr(GError) error_local = NULL;
		g_autoptr(JsonObject) row = NULL;
		if (a->date != day)
			continue;
		existing = roster_store_get_attendance(store, a->id, &error_local);
		if (existing != NULL)
			continue;
		if (!g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			ok = FALSE;
			break;
		}
		row = attendance_row(a,
				     roster_id,
				     ROSTER_STATUS_ATTENDED,
				     0,
				     0,
				     slot,
				     roster_principal_get_username(principal));
		ok = put_attendance(self, principal, row, error);
		if (ok)
			json_array_add_object_element(confirmed, g_steal_pointer(&row));
	}
	if (!commit_or_rollback(self, ok, error))
		return NULL;
	return envelope(with_hours(confirmed));
}

/* what every records list reads first: the period and the volunteer of @params, only
 * the caller's own rows for a volunteer */
static gboolean
open_list(RosterEngine *self,
	  RosterPrincipal *principal,
	  GHashTable *params,
	  const gchar *collection,
	  gint64 *volunteer_id,
	  const gchar **from,
	  const gchar **to,
	  GError **error)
{
	return read_params(params, volunteer_id, from, to, error) &&
	       check_read(principal, collection, volunteer_id, error) &&
	       roster_engine_ensure_open(self, error);
}

typedef JsonArray *(*ListFunc)(RosterStore *store,
			       gint64 volunteer_id,
			       const gchar *from,
			       const gchar *to,
			       GError **error);

/* a records list: {"items", "total"}, with hours beside the minutes when @hours */
static JsonNode *
list_rows(RosterEngine *self,
	  RosterPrincipal *principal,
	  GHashTable *params,
	  const gchar *collection,
	  ListFunc list_func,
	  gboolean hours,
	  GError **error)
{
	gint64 volunteer_id = 0;
	const gchar *from = NULL;
	const gchar *to = NULL;
	g_autoptr(JsonArray) rows = NULL;

	if (!open_list(self, principal, params, collection, &volunteer_id, &from, &to, error))
		return NULL;
	rows = list_func(roster_engine_get_store(self), volunteer_id, from, to, error);
	if (rows == NULL)
		return NULL;
	return envelope(hours ? with_hours(rows) : rows);
}

JsonNode *
roster_engine_list_attendance(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return list_rows(self,
			 principal,
			 params,
			 ROSTER_COLLECTION_ATTENDANCE,
			 roster_store_list_attendance,
			 TRUE,
			 error);
}

/* service logs, training and ratings */

/* the body of a new service log, training record or rating, with its volunteer_id
 * read and set as the first member of @row; @own lets a volunteer write its own
 * (checked once the volunteer is known), otherwise only writers pass, checked first */
static JsonObject *
read_new_row(RosterPrincipal *principal,
	     JsonNode *body,
	     const gchar *collection,
	     gboolean own,
	     JsonObject *row,
	     gint64 *volunteer_id,
	     GError **error)
{
	RosterRole role = roster_principal_get_role(principal);
	JsonObject *obj;

	if (!own && !check_write(principal, collection, FALSE, error))
		return NULL;
	obj = body_object(body, error);
	if (obj == NULL ||
	    !read_int(obj, ROSTER_KEY_VOLUNTEER_ID, TRUE, 1, G_MAXINT64, volunteer_id, error))
		return NULL;
	if (own &&
	    !(role == ROSTER_ROLE_VOLUNTEER &&
	      roster_principal_get_volunteer_id(principal) == *volunteer_id) &&
	    !check_write(principal, collection, FALSE, error))
		return NULL;
	json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, *volunteer_id);
	return obj;
}

/* writes a new row of @volunteer_id (which must exist) with its audit row */
static JsonNode *
insert_with_audit(RosterEngine *self,
		  RosterPrincipal *principal,
		  const gchar *collection,
		  gint64 volunteer_id,
		  JsonObject *row,
		  gint64 (*insert_func)(RosterStore *, JsonObject *, GError **),
		  GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonNode) after = NULL;
	gint64 id;
	gboolean ok;

	if (!roster_engine_ensure_open(self, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	if (!roster_store_begin(store, error))
		return NULL;
	id = insert_func(store, row, error);
	ok = id > 0;
	if (ok) {
		json_object_set_int_member(row, ROSTER_KEY_ID, id);
		after = object_node(row);
		ok = roster_engine_hours_audit(self,
					       principal,
					       "create",
					       collection,
					       id,
					       NULL,
					       after,
					       error);
	}
	if (!commit_or_rollback(self, ok, error))
		return NULL;
	if (json_object_has_member(row, ROSTER_KEY_MINUTES)) {
		json_object_set_double_member(row,
					      ROSTER_KEY_HOURS,
					      json_object_get_int_member(row, ROSTER_KEY_MINUTES) /
						  60.0);
	}
	return g_steal_pointer(&after);
}

/* a text member of a new row, or null when it was not given */
static void
set_text(JsonObject *row, const gchar *key, const gchar *value)
{
	if (value != NULL)
		json_object_set_string_member(row, key, value);
	else
		json_object_set_null_member(row, key);
}

JsonNode *
roster_engine_create_service_log(RosterEngine *self,
				 RosterPrincipal *principal,
				 JsonNode *body,
				 GError **error)
{
	const gchar *c = ROSTER_COLLECTION_SERVICE_LOGS;
	JsonObject *obj;
	gint64 volunteer_id = 0;
	gint64 minutes = 0;
	const gchar *date = NULL;
	const gchar *kind = NULL;
	const gchar *description = NULL;
	g_autoptr(JsonObject) row = json_object_new();
	g_autofree gchar *now = roster_engine_dup_now();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	/* a volunteer logs its own service; approval is still someone else's */
	obj = read_new_row(principal, body, c, TRUE, row, &volunteer_id, error);
	if (obj == NULL || !read_date(obj, ROSTER_KEY_DATE, &date, error) ||
	    !read_hours(obj, MAX_LOG_HOURS, &minutes, error) ||
	    !read_string(obj, ROSTER_KEY_KIND, TRUE, log_kinds, &kind, error) ||
	    !read_string(obj, ROSTER_KEY_DESCRIPTION, FALSE, NULL, &description, error))
		return NULL;
	json_object_set_string_member(row, ROSTER_KEY_DATE, date);
	json_object_set_int_member(row, ROSTER_KEY_MINUTES, minutes);
	json_object_set_string_member(row, ROSTER_KEY_KIND, kind);
	set_text(row, ROSTER_KEY_DESCRIPTION, description);
	json_object_set_string_member(row, ROSTER_KEY_CREATED, now);
	json_object_set_string_member(row, ROSTER_KEY_STATE, ROSTER_LOG_PENDING);
	return insert_with_audit(self,
				 principal,
				 c,
				 volunteer_id,
				 row,
				 roster_store_insert_service_log,
				 error);
}

JsonNode *
roster_engine_decide_service_log(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 id,
				 gboolean approve,
				 GError **error)
{
	const gchar *c = ROSTER_COLLECTION_SERVICE_LOGS;
	RosterStore *store;
	g_autoptr(JsonObject) log = NULL;
	g_autoptr(JsonObject) decided = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!check_write(principal, c, FALSE, error) || !roster_engine_ensure_open(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	log = roster_store_get_service_log(store, id, error);
	ok = log != NULL;
	if (ok && g_strcmp0(json_object_get_string_member(log, ROSTER_KEY_STATE),
			    ROSTER_LOG_PENDING) != 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "%s: record %" G_GINT64_FORMAT " was already %s",
			    c,
			    id,
			    json_object_get_string_member(log, ROSTER_KEY_STATE));
		ok = FALSE;
	}
	if (ok) {
		before = object_node(log);
		ok = roster_store_decide_service_log(store,
						     id,
						     approve ? ROSTER_LOG_APPROVED
							     : ROSTER_LOG_REJECTED,
						     roster_principal_get_username(principal),
						     now,
						     error);
	}
	if (ok) {
		decided = roster_store_get_service_log(store, id, error);
		ok = decided != NULL;
	}
	if (ok) {
		after = object_node(decided);
		ok = roster_engine_hours_audit(self,
					       principal,
					       approve ? "approve" : "reject",
					       c,
					       id,
					       before,
					       after,
					       error);
	}
	if (!commit_or_rollback(self, ok, error))
		return NULL;
	json_object_set_double_member(decided,
				      ROSTER_KEY_HOURS,
				      json_object_get_int_member(decided, ROSTER_KEY_MINUTES) /
					  60.0);
	return g_steal_pointer(&after);
}

JsonNode *
roster_engine_list_service_logs(RosterEngine *self,
				RosterPrincipal *principal,
				GHashTable *params,
				GError **error)
{
	const gchar *c = ROSTER_COLLECTION_SERVICE_LOGS;
	const gchar *const states[] = {ROSTER_LOG_PENDING,
				       ROSTER_LOG_APPROVED,
				       ROSTER_LOG_REJECTED,
				       NULL};
	gint64 volunteer_id = 0;
	const gchar *from = NULL;
	const gchar *to = NULL;
	const gchar *state = params != NULL ? g_hash_table_lookup(params, ROSTER_KEY_STATE) : NULL;
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!open_list(self, principal, params, c, &volunteer_id, &from, &to, error))
		return NULL;
	if (state != NULL && !g_strv_contains(states, state)) {
		invalid(error, ROSTER_KEY_STATE, "must be one of pending, approved, rejected");
		return NULL;
	}
	rows = roster_store_list_service_logs(roster_engine_get_store(self),
					      volunteer_id,
					      from,
					      to,
					      state,
					      error);
	if (rows == NULL)
		return NULL;
	return envelope(with_hours(rows));
}

JsonNode *
roster_engine_create_training(RosterEngine *self,
			      RosterPrincipal *principal,
			      JsonNode *body,
			      GError **error)
{
	const gchar *c = ROSTER_COLLECTION_TRAINING;
	JsonObject *obj;
	gint64 volunteer_id = 0;
	gint64 minutes = 0;
	const gchar *date = NULL;
	const gchar *kind = NULL;
	const gchar *verified_by = NULL;
	const gchar *note = NULL;
	g_autoptr(JsonObject) row = json_object_new();
	g_autofree gchar *now = roster_engine_dup_now();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	obj = read_new_row(principal, body, c, FALSE, row, &volunteer_id, error);
	if (obj == NULL || !read_string(obj, ROSTER_KEY_KIND, TRUE, training_kinds, &kind, error) ||
	    !read_hours(obj, MAX_TRAINING_HOURS, &minutes, error) ||
	    !read_date(obj, ROSTER_KEY_DATE, &date, error) ||
	    !read_string(obj, ROSTER_KEY_VERIFIED_BY, FALSE, NULL, &verified_by, error) ||
	    !read_string(obj, ROSTER_KEY_NOTE, FALSE, NULL, &note, error))
		return NULL;
	json_object_set_string_member(row, ROSTER_KEY_KIND, kind);
	json_object_set_int_member(row, ROSTER_KEY_MINUTES, minutes);
	json_object_set_string_member(row, ROSTER_KEY_DATE, date);
	/* an empty verifier is no verification */
	set_text(row,
		 ROSTER_KEY_VERIFIED_BY,
		 verified_by != NULL && verified_by[0] != '\0' ? verified_by : NULL);
	set_text(row, ROSTER_KEY_NOTE, note);
	json_object_set_string_member(row, ROSTER_KEY_CREATED, now);
	return insert_with_audit(self,
				 principal,
				 c,
				 volunteer_id,
				 row,
				 roster_store_insert_training,
				 error);
}

JsonNode *
roster_engine_list_training(RosterEngine *self,
			    RosterPrincipal *principal,
			    GHashTable *params,
			    GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return list_rows(self,
			 principal,
			 params,
			 ROSTER_COLLECTION_TRAINING,
			 roster_store_list_training,
			 TRUE,
			 error);
}

JsonNode *
roster_engine_create_rating(RosterEngine *self,
			    RosterPrincipal *principal,
			    JsonNode *body,
			    GError **error)
{
	const gchar *c = ROSTER_COLLECTION_RATINGS;
	JsonObject *obj;
	gint64 volunteer_id = 0;
	gint64 score = 0;
	const gchar *date = NULL;
	const gchar *dimension = NULL;
	const gchar *note = NULL;
	g_autoptr(JsonObject) row = json_object_new();
	g_autofree gchar *now = roster_engine_dup_now();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	obj = read_new_row(principal, body, c, FALSE, row, &volunteer_id, error);
	if (obj == NULL ||
	    !read_string(obj, ROSTER_KEY_DIMENSION, TRUE, dimensions, &dimension, error) ||
	    !read_int(obj, ROSTER_KEY_SCORE, TRUE, 1, 5, &score, error) ||
	    !read_date(obj, ROSTER_KEY_DATE, &date, error) ||
	    !read_string(obj, ROSTER_KEY_NOTE, FALSE, NULL, &note, error))
		return NULL;
	json_object_set_string_member(row, ROSTER_KEY_DIMENSION, dimension);
	json_object_set_int_member(row, ROSTER_KEY_SCORE, score);
	json_object_set_string_member(row,
				      ROSTER_KEY_RATER,
				      roster_principal_get_username(principal));
	json_object_set_string_member(row, ROSTER_KEY_DATE, date);
	set_text(row, ROSTER_KEY_NOTE, note);
	json_object_set_string_member(row, ROSTER_KEY_CREATED, now);
	return insert_with_audit(self,
				 principal,
				 c,
				 volunteer_id,
				 row,
				 roster_store_insert_rating,
				 error);
}

JsonNode *
roster_engine_list_ratings(RosterEngine *self,
			   RosterPrincipal *principal,
			   GHashTable *params,
			   GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return list_rows(self,
			 principal,
			 params,
			 ROSTER_COLLECTION_RATINGS,
			 roster_store_list_ratings,
			 FALSE,
			 error);
}

/* service hours */

/* every item that counts, ordered by date: attended minutes of rostered shifts and
 * approved service logs; @volunteer_id 0 for everybody */
static JsonArray *
collect_items(RosterEngine *self,
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
		invalid(error, ROSTER_KEY_VOLUNTEER_ID, "must be a volunteer id");
		return NULL;
	}
	if ((from != NULL && !roster_check_date(from)) || (to != NULL && !roster_check_date(to))) {
		invalid(error, ROSTER_PARAM_FROM, "from and to must be dates YYYY-MM-DD");
		return NULL;
	}
	if (from != NULL && to != NULL && g_strcmp0(from, to) > 0) {
		invalid(error, ROSTER_PARAM_FROM, "must not be after to");
		return NULL;
	}
	if (!check_read(principal, c, &volunteer_id, error) ||
	    !roster_engine_ensure_open(self, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	items = collect_items(self, volunteer_id, from, to, error);
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
	return object_node(obj);
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
	if (!check_read(principal, ROSTER_KEY_STARS, &volunteer_id, error) ||
	    !roster_engine_ensure_open(self, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	items = collect_items(self, volunteer_id, NULL, NULL, error);
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
	return object_node(obj);
}

static GPtrArray *
list_volunteers(RosterEngine *self, GError **error)
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
static GHashTable *
minutes_by_volunteer(JsonArray *items)
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
	RosterRole role = roster_principal_get_role(principal);
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(GHashTable) sums = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;
	g_autoptr(GArray) ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
	g_autoptr(JsonArray) rows = json_array_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (role != ROSTER_ROLE_ADMIN && role != ROSTER_ROLE_MANAGER &&
	    role != ROSTER_ROLE_COORDINATOR) {
		deny(c, "only managers, coordinators and admins read the honour roll", error);
		return NULL;
	}
	if ((from != NULL && !roster_check_date(from)) || (to != NULL && !roster_check_date(to))) {
		invalid(error, ROSTER_PARAM_FROM, "from and to must be dates YYYY-MM-DD");
		return NULL;
	}
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	items = collect_items(self, 0, from, to, error);
	if (items == NULL)
		return NULL;
	volunteers = list_volunteers(self, error);
	if (volunteers == NULL)
		return NULL;
	sums = minutes_by_volunteer(items);
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
	return envelope(rows);
}

/* training hours, the pre-job rule and promotions */

/* volunteer id -> verified minutes of @kind */
static GHashTable *
verified_training(RosterEngine *self, const gchar *kind, GError **error)
{
	g_autoptr(JsonArray) rows =
	    roster_store_list_training(roster_engine_get_store(self), 0, NULL, NULL, error);
	g_autoptr(JsonArray) items = json_array_new();

	if (rows == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		if (g_strcmp0(json_object_get_string_member(row, ROSTER_KEY_KIND), kind) != 0 ||
		    json_object_get_null_member(row, ROSTER_KEY_VERIFIED_BY))
			continue;
		json_array_add_object_element(items, json_object_ref(row));
	}
	return minutes_by_volunteer(items);
}

static gdouble
setting_double(RosterEngine *self, const gchar *key, gboolean *ok, GError **error)
{
	g_autoptr(JsonNode) node = roster_engine_hours_dup_setting(self, key, error);

	*ok = node != NULL;
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return 0;
	return json_node_get_double(node);
}

GHashTable *
roster_engine_dup_untrained_volunteers(RosterEngine *self, GError **error)
{
	g_autoptr(GHashTable) trained = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;
	GHashTable *result;
	gboolean ok = FALSE;
	gdouble min_hours;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	min_hours = setting_double(self, ROSTER_KEY_PRE_JOB_MIN_HOURS, &ok, error);
	if (!ok)
		return NULL;
	trained = verified_training(self, ROSTER_TRAINING_PRE_JOB, error);
	if (trained == NULL)
		return NULL;
	volunteers = list_volunteers(self, error);
	if (volunteers == NULL)
		return NULL;
	result = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	for (guint i = 0; i < volunteers->len; i++) {
		gint64 id = roster_record_get_id(g_ptr_array_index(volunteers, i));
		gint64 *minutes = g_hash_table_lookup(trained, &id);
		if ((minutes != NULL ? *minutes : 0) < llround(min_hours * 60))
			g_hash_table_add(result, g_memdup2(&id, sizeof(id)));
	}
	return result;
}

typedef struct {
	GHashTable *service;
	GHashTable *supervision;
	GHashTable *no_shows;
	/* volunteer id -> JsonArray of scores, newest first */
	GHashTable *ratings;
} Evidence;

static void
evidence_clear(Evidence *e)
{
	g_clear_pointer(&e->service, g_hash_table_unref);
	g_clear_pointer(&e->supervision, g_hash_table_unref);
	g_clear_pointer(&e->no_shows, g_hash_table_unref);
	g_clear_pointer(&e->ratings, g_hash_table_unref);
}

static gboolean
evidence_load(RosterEngine *self, Evidence *e, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonArray) items = collect_items(self, 0, NULL, NULL, error);
	g_autoptr(JsonArray) attendance = NULL;
	g_autoptr(JsonArray) ratings = NULL;
	g_autoptr(JsonArray) no_shows = json_array_new();

	if (items == NULL)
		return FALSE;
	e->service = minutes_by_volunteer(items);
	e->supervision = verified_training(self, ROSTER_TRAINING_SUPERVISION, error);
	if (e->supervision == NULL)
		return FALSE;
	attendance = roster_store_list_attendance(store, 0, NULL, NULL, error);
	if (attendance == NULL)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(attendance); i++) {
		JsonObject *row = json_array_get_object_element(attendance, i);
		JsonObject *one;
		if (g_strcmp0(json_object_get_string_member(row, ROSTER_KEY_STATUS),
			      ROSTER_STATUS_NO_SHOW) != 0)
			continue;
		/* counted as "minutes" 1 each so the same sum serves */
		one = json_object_new();
		json_object_set_int_member(
		    one,
		    ROSTER_KEY_VOLUNTEER_ID,
		    json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID));
		json_object_set_int_member(one, ROSTER_KEY_MINUTES, 1);
		json_array_add_object_element(no_shows, one);
	}
	e->no_shows = minutes_by_volunteer(no_shows);
	ratings = roster_store_list_ratings(store, 0, NULL, NULL, error);
	if (ratings == NULL)
		return FALSE;
	e->ratings = g_hash_table_new_full(g_int64_hash,
					   g_int64_equal,
					   g_free,
					   (GDestroyNotify)json_array_unref);
	for (guint i = 0; i < json_array_get_length(ratings); i++) {
		JsonObject *row = json_array_get_object_element(ratings, i);
		gint64 id = json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID);
		JsonArray *scores = g_hash_table_lookup(e->ratings, &id);
		if (scores == NULL) {
			scores = json_array_new();
			g_hash_table_insert(e->ratings, g_memdup2(&id, sizeof(id)), scores);
		}
		json_array_add_int_element(scores,
					   json_object_get_int_member(row, ROSTER_KEY_SCORE));
	}
	return TRUE;
}

static gint64
lookup_sum(GHashTable *table, gint64 id)
{
	gint64 *sum = g_hash_table_lookup(table, &id);
	return sum != NULL ? *sum : 0;
}

/* the evidence of one volunteer against @rule; returns whether it qualifies */
static gboolean
evaluate_rule(Evidence *e, gint64 id, JsonObject *rule, JsonObject *evidence)
{
	gdouble service = lookup_sum(e->service, id) / 60.0;
	gdouble supervision = lookup_sum(e->supervision, id) / 60.0;
	gint64 no_shows = lookup_sum(e->no_shows, id);
	gint64 last_n = json_object_get_int_member_with_default(rule, ROSTER_KEY_LAST_N_RATINGS, 0);
	gdouble min_average =
	    json_object_get_double_member_with_default(rule, ROSTER_KEY_MIN_AVERAGE, 0);
	JsonArray *scores = g_hash_table_lookup(e->ratings, &id);
	guint n = 0;
	gdouble total = 0;
	gdouble average = 0;
	gboolean ok = TRUE;

	for (guint i = 0; scores != NULL && i < json_array_get_length(scores) &&
			  (last_n <= 0 || i < (guint)last_n);
	     i++) {
		total += json_array_get_int_element(scores, i);
		n++;
	}
	if (n > 0)
		average = total / n;
	json_object_set_double_member(evidence, ROSTER_KEY_SERVICE_HOURS, service);
	json_object_set_double_member(evidence, ROSTER_KEY_SUPERVISION_HOURS, supervision);
	json_object_set_int_member(evidence, ROSTER_KEY_NO_SHOWS, no_shows);
	json_object_set_int_member(evidence, ROSTER_KEY_RATINGS_COUNT, n);
	if (n > 0)
		json_object_set_double_member(evidence, ROSTER_KEY_AVERAGE_RATING, average);
	else
		json_object_set_null_member(evidence, ROSTER_KEY_AVERAGE_RATING);
	if (service < json_object_get_double_member_with_default(rule, ROSTER_KEY_SERVICE_HOURS, 0))
		ok = FALSE;
	if (supervision <
	    json_object_get_double_member_with_default(rule, ROSTER_KEY_SUPERVISION_HOURS, 0))
		ok = FALSE;
	if (no_shows >
	    json_object_get_int_member_with_default(rule, ROSTER_KEY_MAX_NO_SHOWS, G_MAXINT))
		ok = FALSE;
	if (min_average > 0 && (n == 0 || average < min_average))
		ok = FALSE;
	return ok;
}

/* the rule that promotes from @tier, or NULL */
static JsonObject *
find_rule(JsonNode *rules, const gchar *tier)
{
	JsonArray *array = JSON_NODE_HOLDS_ARRAY(rules) ? json_node_get_array(rules) : NULL;

	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		JsonObject *rule = json_array_get_object_element(array, i);
		if (rule != NULL &&
		    g_strcmp0(json_object_get_string_member_with_default(rule, "from", NULL),
			      tier) == 0)
			return rule;
	}
	return NULL;
}

JsonNode *
roster_engine_list_promotion_candidates(RosterEngine *self,
					RosterPrincipal *principal,
					GError **error)
{
	const gchar *c = "promotion-candidates";
	RosterRole role = roster_principal_get_role(principal);
	Evidence e = {0};
	g_autoptr(JsonNode) rules = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;
	g_autoptr(JsonArray) rows = json_array_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (role != ROSTER_ROLE_ADMIN && role != ROSTER_ROLE_MANAGER &&
	    role != ROSTER_ROLE_COORDINATOR) {
		deny(c, "only managers, coordinators and admins", error);
		return NULL;
	}
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	rules = roster_engine_hours_dup_setting(self, ROSTER_KEY_PROMOTION_RULES, error);
	if (rules == NULL)
		return NULL;
	volunteers = list_volunteers(self, error);
	if (volunteers == NULL || !evidence_load(self, &e, error)) {
		evidence_clear(&e);
		return NULL;
	}
	for (guint i = 0; i < volunteers->len; i++) {
		RosterRecord *v = g_ptr_array_index(volunteers, i);
		const gchar *tier = roster_record_get_string(v, ROSTER_KEY_TIER);
		JsonObject *rule = find_rule(rules, tier);
		JsonObject *evidence;
		JsonObject *row;
		if (rule == NULL || !roster_record_get_bool(v, ROSTER_KEY_ACTIVE, TRUE))
			continue;
		evidence = json_object_new();
		if (!evaluate_rule(&e, roster_record_get_id(v), rule, evidence)) {
			json_object_unref(evidence);
			continue;
		}
		row = json_object_new();
		json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, roster_record_get_id(v));
		json_object_set_string_member(row,
					      ROSTER_KEY_NAME,
					      roster_record_get_string(v, ROSTER_KEY_NAME));
		json_object_set_string_member(
		    row,
		    ROSTER_KEY_COUNSELLOR_NO,
		    roster_record_get_string(v, ROSTER_KEY_COUNSELLOR_NO));
		json_object_set_string_member(row, ROSTER_KEY_FROM_TIER, tier);
		json_object_set_string_member(row,
					      ROSTER_KEY_TO_TIER,
					      json_object_get_string_member(rule, "to"));
		json_object_set_object_member(row, ROSTER_KEY_EVIDENCE, evidence);
		json_array_add_object_element(rows, row);
	}
	evidence_clear(&e);
	return envelope(rows);
}

JsonNode *
roster_engine_promote(RosterEngine *self,
		      RosterPrincipal *principal,
		      JsonNode *body,
		      GError **error)
{
	const gchar *c = ROSTER_COLLECTION_PROMOTIONS;
	RosterStore *store;
	JsonObject *obj;
	gint64 volunteer_id = 0;
	const gchar *to_tier = NULL;
	g_autofree gchar *from_tier = NULL;
	g_autoptr(JsonNode) rules = NULL;
	g_autoptr(RosterRecord) before = NULL;
	g_autoptr(RosterRecord) after = NULL;
	g_autoptr(JsonObject) evidence = json_object_new();
	g_autoptr(JsonObject) row = json_object_new();
	g_autoptr(JsonObject) change = json_object_new();
	g_autoptr(JsonNode) change_node = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *evidence_text = NULL;
	g_autoptr(JsonNode) evidence_node = NULL;
	Evidence e = {0};
	JsonObject *rule;
	gboolean qualifies;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!check_write(principal, c, TRUE, error))
		return NULL;
	obj = body_object(body, error);
	if (obj == NULL ||
	    !read_int(obj, ROSTER_KEY_VOLUNTEER_ID, TRUE, 1, G_MAXINT64, &volunteer_id, error) ||
	    !read_string(obj, ROSTER_KEY_TO_TIER, TRUE, tier_order, &to_tier, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	before = roster_store_get_record(store,
					 roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
					 volunteer_id,
					 error);
	if (before == NULL)
		return NULL;
	from_tier = g_strdup(roster_record_get_string(before, ROSTER_KEY_TIER));
	rules = roster_engine_hours_dup_setting(self, ROSTER_KEY_PROMOTION_RULES, error);
	if (rules == NULL)
		return NULL;
	rule = find_rule(rules, from_tier);
	if (rule == NULL || g_strcmp0(json_object_get_string_member(rule, "to"), to_tier) != 0) {
		invalid(error, ROSTER_KEY_TO_TIER, "is not the next tier of a promotion rule");
		return NULL;
	}
	if (!evidence_load(self, &e, error)) {
		evidence_clear(&e);
		return NULL;
	}
	qualifies = evaluate_rule(&e, volunteer_id, rule, evidence);
	evidence_clear(&e);
	if (!qualifies) {
		invalid(error, ROSTER_KEY_VOLUNTEER_ID, "does not meet the promotion rule");
		return NULL;
	}
	evidence_node = object_node(evidence);
	evidence_text = json_to_string(evidence_node, FALSE);
	json_object_set_string_member(change, ROSTER_KEY_TIER, to_tier);
	json_object_set_int_member(change, ROSTER_KEY_REVISION, roster_record_get_revision(before));
	change_node = object_node(json_object_ref(change));
	after = roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
					change_node,
					before,
					error);
	if (after == NULL)
		return NULL;
	json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, volunteer_id);
	json_object_set_string_member(row, ROSTER_KEY_FROM_TIER, from_tier);
	json_object_set_string_member(row, ROSTER_KEY_TO_TIER, to_tier);
	json_object_set_string_member(row,
				      ROSTER_KEY_ACTOR,
				      roster_principal_get_username(principal));
	json_object_set_string_member(row, ROSTER_KEY_AT, now);
	json_object_set_string_member(row, ROSTER_KEY_EVIDENCE, evidence_text);
	if (!roster_store_begin(store, error))
		return NULL;
	ok = roster_engine_write_record(self, principal, after, before, error);
	if (ok) {
		g_autoptr(JsonNode) row_node = NULL;
		gint64 id = roster_store_insert_promotion(store, row, error);
		ok = id > 0;
		if (ok) {
			json_object_set_int_member(row, ROSTER_KEY_ID, id);
			row_node = object_node(row);
			ok = roster_engine_hours_audit(self,
						       principal,
						       "create",
						       c,
						       id,
						       NULL,
						       row_node,
						       error);
		}
	}
	if (!commit_or_rollback(self, ok, error))
		return NULL;
	json_object_set_object_member(row, ROSTER_KEY_EVIDENCE, json_object_ref(evidence));
	return object_node(row);
}

JsonNode *
roster_engine_list_promotions(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error)
{
	const gchar *c = ROSTER_COLLECTION_PROMOTIONS;
	gint64 volunteer_id = param_int(params, "volunteer");
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (volunteer_id < 0) {
		invalid(error, "volunteer", "must be a volunteer id");
		return NULL;
	}
	if (!check_read(principal, c, &volunteer_id, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	rows = roster_store_list_promotions(roster_engine_get_store(self), volunteer_id, error);
	if (rows == NULL)
		return NULL;
	return envelope(rows);
}

/* reports */

static gchar *
period_label(const gchar *date, const gchar *period)
{
	gint month = (gint)g_ascii_strtoll(date + 5, NULL, 10);

	if (g_strcmp0(period, "year") == 0)
		return g_strndup(date, 4);
	if (g_strcmp0(period, "quarter") == 0)
		return g_strdup_printf("%.4s-Q%d", date, (month - 1) / 3 + 1);
	return g_strndup(date, 7);
}

typedef struct {
	gint64 volunteer_id;
	gchar *period;
	gint64 service_minutes;
	gint64 training_minutes;
	gint64 rating_total;
	gint64 rating_count;
	gint64 no_shows;
} ReportRow;

static void
report_row_free(gpointer data)
{
	ReportRow *row = data;
	g_free(row->period);
	g_free(row);
}

static ReportRow *
report_row(GHashTable *rows, gint64 volunteer_id, const gchar *date, const gchar *period)
{
	g_autofree gchar *label = period_label(date, period);
	g_autofree gchar *key = g_strdup_printf("%s|%020" G_GINT64_FORMAT, label, volunteer_id);
	ReportRow *row = g_hash_table_lookup(rows, key);

	if (row == NULL) {
		row = g_new0(ReportRow, 1);
		row->volunteer_id = volunteer_id;
		row->period = g_steal_pointer(&label);
		g_hash_table_insert(rows, g_steal_pointer(&key), row);
	}
	return row;
}

/* the report's rows sorted by period and volunteer */
static GPtrArray *
build_report(RosterEngine *self,
	     RosterPrincipal *principal,
	     GHashTable *params,
	     GHashTable **rows_out,
	     GError **error)
{
	const gchar *c = "reports";
	const gchar *const periods[] = {"month", "quarter", "year", NULL};
	RosterStore *store;
	RosterRole role = roster_principal_get_role(principal);
	const gchar *period = params != NULL ? g_hash_table_lookup(params, ROSTER_KEY_PERIOD)
					     : NULL;
	gint64 volunteer_id = 0;
	const gchar *from = NULL;
	const gchar *to = NULL;
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(JsonArray) training = NULL;
	g_autoptr(JsonArray) ratings = NULL;
	g_autoptr(JsonArray) attendance = NULL;
	g_autoptr(GHashTable) rows = NULL;
	g_autoptr(GList) keys = NULL;
	GPtrArray *sorted;

	if (role != ROSTER_ROLE_ADMIN && role != ROSTER_ROLE_MANAGER &&
	    role != ROSTER_ROLE_COORDINATOR) {
		deny(c, "only managers, coordinators and admins read reports", error);
		return NULL;
	}
	if (period == NULL)
		period = "month";
	if (!g_strv_contains(periods, period)) {
		invalid(error, ROSTER_KEY_PERIOD, "must be month, quarter or year");
		return NULL;
	}
	if (!read_params(params, &volunteer_id, &from, &to, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	items = collect_items(self, volunteer_id, from, to, error);
	if (items == NULL)
		return NULL;
	training = roster_store_list_training(store, volunteer_id, from, to, error);
	if (training == NULL)
		return NULL;
	ratings = roster_store_list_ratings(store, volunteer_id, from, to, error);
	if (ratings == NULL)
		return NULL;
	attendance = roster_store_list_attendance(store, volunteer_id, from, to, error);
	if (attendance == NULL)
		return NULL;
	rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, report_row_free);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *o = json_array_get_object_element(items, i);
		report_row(rows,
			   json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
			   json_object_get_string_member(o, ROSTER_KEY_DATE),
			   period)
		    ->service_minutes += json_object_get_int_member(o, ROSTER_KEY_MINUTES);
	}
	for (guint i = 0; i < json_array_get_length(training); i++) {
		JsonObject *o = json_array_get_object_element(training, i);
		if (json_object_get_null_member(o, ROSTER_KEY_VERIFIED_BY))
			continue;
		report_row(rows,
			   json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
			   json_object_get_string_member(o, ROSTER_KEY_DATE),
			   period)
		    ->training_minutes += json_object_get_int_member(o, ROSTER_KEY_MINUTES);
	}
	for (guint i = 0; i < json_array_get_length(ratings); i++) {
		JsonObject *o = json_array_get_object_element(ratings, i);
		ReportRow *r = report_row(rows,
					  json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
					  json_object_get_string_member(o, ROSTER_KEY_DATE),
					  period);
		r->rating_total += json_object_get_int_member(o, ROSTER_KEY_SCORE);
		r->rating_count++;
	}
	for (guint i = 0; i < json_array_get_length(attendance); i++) {
		JsonObject *o = json_array_get_object_element(attendance, i);
		if (g_strcmp0(json_object_get_string_member(o, ROSTER_KEY_STATUS),
			      ROSTER_STATUS_NO_SHOW) != 0)
			continue;
		report_row(rows,
			   json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
			   json_object_get_string_member(o, ROSTER_KEY_DATE),
			   period)
		    ->no_shows++;
	}
	keys = g_hash_table_get_keys(rows);
	keys = g_list_sort(keys, (GCompareFunc)g_strcmp0);
	sorted = g_ptr_array_new();
	for (GList *l = keys; l != NULL; l = l->next)
		g_ptr_array_add(sorted, g_hash_table_lookup(rows, l->data));
	*rows_out = g_steal_pointer(&rows);
	return sorted;
}

JsonNode *
roster_engine_report_hours(RosterEngine *self,
			   RosterPrincipal *principal,
			   GHashTable *params,
			   GError **error)
{
	g_autoptr(GHashTable) rows = NULL;
	g_autoptr(GPtrArray) sorted = NULL;
	g_autoptr(JsonArray) items = json_array_new();
	g_autoptr(GHashTable) names = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	sorted = build_report(self, principal, params, &rows, error);
	if (sorted == NULL)
		return NULL;
	volunteers = list_volunteers(self, error);
	if (volunteers == NULL)
		return NULL;
	names = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	for (guint i = 0; i < volunteers->len; i++) {
		RosterRecord *v = g_ptr_array_index(volunteers, i);
		gint64 id = roster_record_get_id(v);
		g_hash_table_insert(names, g_memdup2(&id, sizeof(id)), v);
	}
	for (guint i = 0; i < sorted->len; i++) {
		ReportRow *r = g_ptr_array_index(sorted, i);
		RosterRecord *v = g_hash_table_lookup(names, &r->volunteer_id);
		JsonObject *o = json_object_new();
		json_object_set_string_member(o, ROSTER_KEY_PERIOD, r->period);
		json_object_set_int_member(o, ROSTER_KEY_VOLUNTEER_ID, r->volunteer_id);
		json_object_set_string_member(
		    o,
		    ROSTER_KEY_COUNSELLOR_NO,
		    v != NULL ? roster_record_get_string(v, ROSTER_KEY_COUNSELLOR_NO) : NULL);
		json_object_set_string_member(
		    o,
		    ROSTER_KEY_NAME,
		    v != NULL ? roster_record_get_string(v, ROSTER_KEY_NAME) : NULL);
		json_object_set_double_member(o,
					      ROSTER_KEY_SERVICE_HOURS,
					      r->service_minutes / 60.0);
		json_object_set_double_member(o,
					      ROSTER_KEY_TRAINING_HOURS,
					      r->training_minutes / 60.0);
		json_object_set_int_member(o, ROSTER_KEY_RATINGS_COUNT, r->rating_count);
		if (r->rating_count > 0)
			json_object_set_double_member(o,
						      ROSTER_KEY_AVERAGE_RATING,
						      (gdouble)r->rating_total / r->rating_count);
		else
			json_object_set_null_member(o, ROSTER_KEY_AVERAGE_RATING);
		json_object_set_int_member(o, ROSTER_KEY_NO_SHOWS, r->no_shows);
		json_array_add_object_element(items, o);
	}
	return envelope(items);
}

static gchar *
format_number(gdouble value)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
	return g_strdup(g_ascii_formatd(buf, sizeof(buf), "%.2f", value));
}

gchar *
roster_engine_report_hours_csv(RosterEngine *self,
			       RosterPrincipal *principal,
			       GHashTable *params,
			       gboolean chinese,
			       GError **error)
{
	const gchar *const en[] = {"period",
				   "volunteer_id",
				   "counsellor_no",
				   "name",
				   "service_hours",
				   "training_hours",
				   "ratings_count",
				   "average_rating",
				   "no_shows"};
	const gchar *const zh[] = {"期间",
				   "志愿者编号",
				   "工号",
				   "姓名",
				   "服务时长（小时）",
				   "培训时长（小时）",
				   "评价次数",
				   "平均评分",
				   "缺勤次数"};
	/* the period, the counsellor number and the name are text people typed */
	const RosterCsvCell cells[] = {ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER};
	g_autoptr(JsonNode) report = roster_engine_report_hours(self, principal, params, error);
	GString *out;
	JsonArray *items;

	if (report == NULL)
		return NULL;
	out = g_string_new("\xEF\xBB\xBF");
	roster_csv_append_row(out, chinese ? zh : en, NULL, G_N_ELEMENTS(en));
	items = json_object_get_array_member(json_node_get_object(report), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *o = json_array_get_object_element(items, i);
		g_autofree gchar *id =
		    g_strdup_printf("%" G_GINT64_FORMAT,
				    json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID));
		g_autofree gchar *service =
		    format_number(json_object_get_double_member(o, ROSTER_KEY_SERVICE_HOURS));
		g_autofree gchar *training =
		    format_number(json_object_get_double_member(o, ROSTER_KEY_TRAINING_HOURS));
		g_autofree gchar *count =
		    g_strdup_printf("%" G_GINT64_FORMAT,
				    json_object_get_int_member(o, ROSTER_KEY_RATINGS_COUNT));
		g_autofree gchar *average =
		    json_object_get_null_member(o, ROSTER_KEY_AVERAGE_RATING)
			? g_strdup("")
			: format_number(
			      json_object_get_double_member(o, ROSTER_KEY_AVERAGE_RATING));
		g_autofree gchar *no_shows =
		    g_strdup_printf("%" G_GINT64_FORMAT,
				    json_object_get_int_member(o, ROSTER_KEY_NO_SHOWS));
		const gchar *fields[] = {
		    json_object_get_string_member(o, ROSTER_KEY_PERIOD),
		    id,
		    json_object_get_string_member_with_default(o, ROSTER_KEY_COUNSELLOR_NO, ""),
		    json_object_get_string_member_with_default(o, ROSTER_KEY_NAME, ""),
		    service,
		    training,
		    count,
		    average,
		    no_shows,
		};
		roster_csv_append_row(out, fields, cells, G_N_ELEMENTS(fields));
	}
	return g_string_free(out, FALSE);
}
