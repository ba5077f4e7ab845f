/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hours engine's settings: pre-job hours, calendar reminders and promotion rules,
 * stored as JSON per key, validated and audited here */

#include "config.h"

#include "roster-engine-hours-private.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-store-hours.h"

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
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_STAFF,
					    ROSTER_COLLECTION_SETTINGS,
					    "not allowed",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	return settings_node(self, error);
}

static gboolean
tier_index(const gchar *tier, guint *index)
{
	for (guint i = 0; roster_engine_hours_tier_order[i] != NULL; i++) {
		if (g_strcmp0(roster_engine_hours_tier_order[i], tier) == 0) {
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
		return roster_engine_hours_invalid(error,
						   ROSTER_KEY_PROMOTION_RULES,
						   "must be an array");
	array = json_node_get_array(rules);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonNode *item = json_array_get_element(array, i);
		JsonObject *rule;
		guint from = 0;
		guint to = 0;
		if (!JSON_NODE_HOLDS_OBJECT(item))
			return roster_engine_hours_invalid(error,
							   ROSTER_KEY_PROMOTION_RULES,
							   "items must be objects");
		rule = json_node_get_object(item);
		if (!tier_index(json_object_get_string_member_with_default(rule, "from", NULL),
				&from) ||
		    !tier_index(json_object_get_string_member_with_default(rule, "to", NULL),
				&to) ||
		    to != from + 1)
			return roster_engine_hours_invalid(
			    error,
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
			return roster_engine_hours_invalid(error,
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
			return roster_engine_hours_invalid(error, key, "must be a number");
		hours = json_node_get_double(value);
		if (hours < 0 || hours > 1000)
			return roster_engine_hours_invalid(error,
							   key,
							   "must be between 0 and 1000");
		return TRUE;
	}
	if (g_strcmp0(key, ROSTER_KEY_CALENDAR_ALARMS) == 0) {
		JsonArray *array;
		if (!JSON_NODE_HOLDS_ARRAY(value))
			return roster_engine_hours_invalid(error,
							   key,
							   "must be an array of minutes");
		array = json_node_get_array(value);
		if (json_array_get_length(array) > 4)
			return roster_engine_hours_invalid(error, key, "at most 4 reminders");
		for (guint i = 0; i < json_array_get_length(array); i++) {
			JsonNode *item = json_array_get_element(array, i);
			if (!JSON_NODE_HOLDS_VALUE(item) ||
			    json_node_get_value_type(item) != G_TYPE_INT64 ||
			    json_node_get_int(item) < 0 || json_node_get_int(item) > 7 * 24 * 60)
				return roster_engine_hours_invalid(
				    error,
				    key,
				    "each reminder is 0 to 10080 minutes before");
		}
		return TRUE;
	}
	if (g_strcmp0(key, ROSTER_KEY_PROMOTION_RULES) == 0)
		return check_rules(value, error);
	return roster_engine_hours_invalid(error, key, "unknown setting");
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
	if (!roster_engine_hours_check_write(principal, ROSTER_COLLECTION_SETTINGS, TRUE, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		roster_engine_hours_invalid(error, "body", "must be an object");
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
		ok = after != NULL && roster_engine_add_audit(self,
							      principal,
							      "update",
							      ROSTER_COLLECTION_SETTINGS,
							      0,
							      before,
							      after,
							      error);
	}
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	return settings_node(self, error);
}
