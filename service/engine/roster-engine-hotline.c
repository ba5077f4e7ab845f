/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hotline's service calendar, seat classes and demand rules, read from the store for
 * a solve or a report; no other part of the engine is used, so the reports and the
 * rosters both build on it */

#include "config.h"

#include "roster-engine-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-store-rosters.h"

/* records read at once, far above a real line's */
#define RECORDS_MAX 1000000

/**
 * roster_engine_list_all_records:
 * @self: an engine
 * @collection: a collection of the record kinds
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full) (element-type RosterRecord): every record of @collection
 **/
GPtrArray *
roster_engine_list_all_records(RosterEngine *self, const gchar *collection, GError **error)
{
	RosterStoreFilter filter;
	gint64 total = 0;

	roster_store_filter_init(&filter);
	filter.limit = RECORDS_MAX;
	return roster_store_list_records(roster_engine_get_store(self),
					 roster_kind_lookup(collection),
					 &filter,
					 &total,
					 error);
}

/**
 * roster_engine_json_get_int:
 * @obj: (nullable): a JSON object
 * @key: a member
 * @default_value: the value of a missing member, or of one that is no integer
 *
 * Returns: the integer member @key of @obj, or @default_value
 **/
gint64
roster_engine_json_get_int(JsonObject *obj, const gchar *key, gint64 default_value)
{
	JsonNode *node = obj != NULL ? json_object_get_member(obj, key) : NULL;
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_INT64)
		return default_value;
	return json_node_get_int(node);
}

/**
 * roster_engine_dup_json_strv:
 * @node: (nullable): a JSON array
 *
 * Returns: (transfer full): the strings of @node, other items left out
 **/
gchar **
roster_engine_dup_json_strv(JsonNode *node)
{
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();

	if (node != NULL && JSON_NODE_HOLDS_ARRAY(node)) {
		JsonArray *array = json_node_get_array(node);
		for (guint i = 0; i < json_array_get_length(array); i++) {
			JsonNode *item = json_array_get_element(array, i);
			if (JSON_NODE_HOLDS_VALUE(item) &&
			    json_node_get_value_type(item) == G_TYPE_STRING)
				g_strv_builder_add(builder, json_node_get_string(item));
		}
	}
	return g_strv_builder_end(builder);
}

/* the calendar's dated overrides of its manned hours, as validated by its kind */
static void
load_overrides(RosterHotline *h, JsonNode *overrides)
{
	JsonArray *array;

	if (overrides == NULL || !JSON_NODE_HOLDS_ARRAY(overrides))
		return;
	array = json_node_get_array(overrides);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *o = json_array_get_object_element(array, i);
		guint32 from = 0;
		guint32 to = 0;
		JsonArray *windows;
		RosterHotlineOverride *override;
		if (o == NULL || !json_object_has_member(o, ROSTER_KEY_WINDOWS))
			continue;
		from = roster_store_date_from_string(
		    json_object_get_string_member_with_default(o, ROSTER_KEY_DATE_FROM, NULL));
		to = roster_store_date_from_string(
		    json_object_get_string_member_with_default(o, ROSTER_KEY_DATE_TO, NULL));
		if (from == 0 || to < from)
			continue;
		override = roster_hotline_add_override(h, from, to);
		windows = json_object_get_array_member(o, ROSTER_KEY_WINDOWS);
		for (guint j = 0; windows != NULL && j < json_array_get_length(windows); j++) {
			JsonObject *w = json_array_get_object_element(windows, j);
			gint start = 0;
			gint end = 0;
			if (w != NULL &&
			    roster_check_time(
				json_object_get_string_member_with_default(w,
									   ROSTER_KEY_START,
									   NULL),
				&start) &&
			    roster_check_end_time(
				json_object_get_string_member_with_default(w, ROSTER_KEY_END, NULL),
				&end))
				roster_hotline_override_add_window(override, start, end);
		}
	}
}

/* the service calendar's slots, manned windows and their overrides, and its night (also
 * the coverage report's) */
gboolean
roster_engine_load_hotline_calendar(RosterEngine *self, RosterHotline *h, GError **error)
{
	g_autoptr(GPtrArray) calendars =
	    roster_engine_list_all_records(self, ROSTER_COLLECTION_CALENDARS, error);
	RosterRecord *cal;
	JsonNode *windows;
	gint first = 480;
	gint night = 0;

	if (calendars == NULL)
		return FALSE;
	if (calendars->len == 0)
		return TRUE;
	cal = g_ptr_array_index(calendars, 0);
	h->slot_minutes = (guint)roster_record_get_int(cal, ROSTER_KEY_SLOT_MINUTES, 180);
	if (roster_check_time(roster_record_get_string(cal, ROSTER_KEY_FIRST_SLOT_START), &first))
		h->first_slot_start = first;
	if (roster_check_time(roster_record_get_string(cal, ROSTER_KEY_NIGHT_START), &night))
		h->night_start = night;
	if (roster_check_end_time(roster_record_get_string(cal, ROSTER_KEY_NIGHT_END), &night))
		h->night_end = night;
	load_overrides(h, roster_record_get_value(cal, ROSTER_KEY_OVERRIDES));
	windows = roster_record_get_value(cal, ROSTER_KEY_MANNED_WINDOWS);
	if (windows != NULL && JSON_NODE_HOLDS_ARRAY(windows)) {
		JsonArray *array = json_node_get_array(windows);
		for (guint i = 0; i < json_array_get_length(array); i++) {
			JsonObject *w = json_array_get_object_element(array, i);
			RosterHotlineWindow window = {0};
			if (w == NULL)
				continue;
			window.weekday =
			    (guint)roster_engine_json_get_int(w, ROSTER_KEY_WEEKDAY, 0);
			if (!roster_check_time(
				json_object_get_string_member_with_default(w,
									   ROSTER_KEY_START,
									   NULL),
				&window.start) ||
			    !roster_check_end_time(
				json_object_get_string_member_with_default(w, ROSTER_KEY_END, NULL),
				&window.end))
				continue;
			g_array_append_val(h->windows, window);
		}
	}
	return TRUE;
}

/* the seat classes and the demand rules (also the coverage report's) */
gboolean
roster_engine_load_hotline_seats(RosterEngine *self, RosterHotline *h, GError **error)
{
	g_autoptr(GPtrArray) classes =
	    roster_engine_list_all_records(self, ROSTER_COLLECTION_SEAT_CLASSES, error);
	g_autoptr(GPtrArray) rules = NULL;

	if (classes == NULL)
		return FALSE;
	for (guint i = 0; i < classes->len; i++) {
		RosterRecord *r = g_ptr_array_index(classes, i);
		RosterHotlineSeatClass *c =
		    roster_hotline_add_seat_class(h,
						  roster_record_get_id(r),
						  roster_record_get_string(r, ROSTER_KEY_CODE));
		c->cloud =
		    g_strcmp0(roster_record_get_string(r, ROSTER_KEY_MODE), ROSTER_MODE_CLOUD) == 0;
		c->min_tier =
		    (RosterHotlineTier)MAX(0,
					   roster_hotline_tier_from_string(
					       roster_record_get_string(r, ROSTER_KEY_MIN_TIER)));
		g_strfreev(c->skills);
		c->skills =
		    roster_engine_dup_json_strv(roster_record_get_value(r, ROSTER_KEY_SKILLS));
		c->crisis = roster_record_get_bool(r, ROSTER_KEY_CRISIS, FALSE);
		c->min_seats = (guint)roster_record_get_int(r, ROSTER_KEY_MIN_SEATS, 1);
		c->trainee_places = (guint)roster_record_get_int(r, ROSTER_KEY_TRAINEE_PLACES, 0);
	}
	rules = roster_engine_list_all_records(self, ROSTER_COLLECTION_DEMAND_RULES, error);
	if (rules == NULL)
		return FALSE;
	for (guint i = 0; i < rules->len; i++) {
		RosterRecord *r = g_ptr_array_index(rules, i);
		JsonNode *weekdays = roster_record_get_value(r, ROSTER_KEY_WEEKDAYS);
		RosterHotlineDemand *d;
		gint start = 0;
		gint end = 0;
		if (!roster_check_time(roster_record_get_string(r, ROSTER_KEY_START), &start) ||
		    !roster_check_end_time(roster_record_get_string(r, ROSTER_KEY_END), &end))
			continue;
		d = roster_hotline_add_demand(h,
					      roster_record_get_int(r, ROSTER_KEY_SEAT_CLASS_ID, 0),
					      start,
					      end,
					      (guint)roster_record_get_int(r, ROSTER_KEY_SEATS, 0));
		d->date_from = roster_store_date_from_string(
		    roster_record_get_string(r, ROSTER_KEY_DATE_FROM));
		d->date_to =
		    roster_store_date_from_string(roster_record_get_string(r, ROSTER_KEY_DATE_TO));
		if (weekdays != NULL && JSON_NODE_HOLDS_ARRAY(weekdays)) {
			JsonArray *array = json_node_get_array(weekdays);
			for (guint j = 0; j < json_array_get_length(array); j++) {
				gint64 wd = json_array_get_int_element(array, j);
				if (wd >= 1 && wd <= 7)
					d->weekdays |= 1u << wd;
			}
		}
	}
	return TRUE;
}
