/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hotline of a period as a solve or a report starts from it: the service calendar
 * (its one loader), the seat classes and the demand rules; no other part of the engine
 * is used, so the reports and the rosters both build on it */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-holidays.h"
#include "roster-engine-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-service-calendar.h"
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
 * roster_engine_json_get_string:
 * @obj: a JSON object
 * @key: a member
 *
 * Returns: (nullable): the string member @key of @obj, or %NULL when it is missing or
 *   no string
 **/
const gchar *
roster_engine_json_get_string(JsonObject *obj, const gchar *key)
{
	JsonNode *node = json_object_get_member(obj, key);

	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
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

/* the tier named @tier, trainee for none */
static RosterHotlineTier
tier_of(const gchar *tier)
{
	return (RosterHotlineTier)MAX(0, roster_hotline_tier_from_string(tier));
}

/**
 * roster_engine_add_hotline_volunteer:
 * @h: a hotline
 * @id: the volunteer's id
 * @values: the volunteer's members, a record's values or a request body
 *
 * Adds the volunteer to @h with what every reader of it needs: name, tier, skills
 * and modes.
 *
 * Returns: (transfer none): the volunteer added
 **/
RosterHotlineVolunteer *
roster_engine_add_hotline_volunteer(RosterHotline *h, gint64 id, JsonObject *values)
{
	RosterHotlineVolunteer *v =
	    roster_hotline_add_volunteer(h,
					 id,
					 roster_engine_json_get_string(values, ROSTER_KEY_NAME));
	g_auto(GStrv) modes =
	    roster_engine_dup_json_strv(json_object_get_member(values, ROSTER_KEY_MODES));

	v->tier = tier_of(roster_engine_json_get_string(values, ROSTER_KEY_TIER));
	g_strfreev(v->skills);
	v->skills = roster_engine_dup_json_strv(json_object_get_member(values, ROSTER_KEY_SKILLS));
	v->on_site = g_strv_contains((const gchar *const *)modes, ROSTER_MODE_ON_SITE);
	v->cloud = g_strv_contains((const gchar *const *)modes, ROSTER_MODE_CLOUD);
	return v;
}

/* the hotline's hours from the one typed service calendar: slots, manned windows,
 * their dated overrides (with their names), what holidays take and the night */
static void
set_calendar(RosterHotline *h, const RosterServiceCalendar *calendar)
{
	h->slot_minutes = (guint)calendar->slot_minutes;
	h->first_slot_start = calendar->first_slot_start;
	h->night_start = calendar->night_start;
	h->night_end = calendar->night_end;
	for (guint i = 0; i < calendar->windows->len; i++) {
		const RosterServiceWindow *w =
		    &g_array_index(calendar->windows, RosterServiceWindow, i);
		RosterHotlineWindow window = {w->weekday, w->start, w->end};
		g_array_append_val(h->windows, window);
	}
	for (guint i = 0; i < calendar->overrides->len; i++) {
		const RosterServiceOverride *o = g_ptr_array_index(calendar->overrides, i);
		RosterHotlineOverride *override =
		    roster_hotline_add_override(h, o->date_from, o->date_to);
		for (guint j = 0; j < o->windows->len; j++) {
			const RosterServiceWindow *w =
			    &g_array_index(o->windows, RosterServiceWindow, j);
			roster_hotline_override_add_window(override, w->start, w->end);
		}
		override->name = g_strdup(o->name);
	}
	if (g_strcmp0(calendar->holiday_hours, ROSTER_HOLIDAY_HOURS_CLOSED) == 0)
		h->holiday_hours = ROSTER_HOTLINE_HOLIDAY_CLOSED;
	else if (g_strcmp0(calendar->holiday_hours, ROSTER_HOLIDAY_HOURS_OWN) == 0)
		h->holiday_hours = ROSTER_HOTLINE_HOLIDAY_OWN;
	for (guint i = 0; i < calendar->holiday_windows->len; i++) {
		const RosterServiceWindow *w =
		    &g_array_index(calendar->holiday_windows, RosterServiceWindow, i);
		RosterHotlineWindow window = {0, w->start, w->end};
		g_array_append_val(h->holiday_windows, window);
	}
}

/**
 * roster_engine_new_hotline:
 * @self: an engine
 * @first_day: the julian day of the period's first operational day
 * @n_days: the period's length
 * @error: (nullable): return location for a #GError
 *
 * The hotline of a period as every solve and report starts from it: the service
 * calendar (through roster_engine_load_service_calendar()), the seat classes and the
 * demand rules.
 *
 * Returns: (transfer full): the hotline, or %NULL with @error set
 **/
RosterHotline *
roster_engine_new_hotline(RosterEngine *self, guint32 first_day, guint n_days, GError **error)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(first_day, n_days);
	g_autoptr(RosterServiceCalendar) calendar =
	    roster_engine_load_service_calendar(self, error);

	if (calendar == NULL)
		return NULL;
	set_calendar(h, calendar);
	if (!roster_engine_load_hotline_days(self, h, error) ||
	    !roster_engine_load_hotline_seats(self, h, error))
		return NULL;
	return g_steal_pointer(&h);
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
		c->min_tier = tier_of(roster_record_get_string(r, ROSTER_KEY_MIN_TIER));
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
		if (!roster_datetime_parse_time(roster_record_get_string(r, ROSTER_KEY_START),
						&start) ||
		    !roster_datetime_parse_end_time(roster_record_get_string(r, ROSTER_KEY_END),
						    &end))
			continue;
		d = roster_hotline_add_demand(h,
					      roster_record_get_int(r, ROSTER_KEY_SEAT_CLASS_ID, 0),
					      start,
					      end,
					      (guint)roster_record_get_int(r, ROSTER_KEY_SEATS, 0));
		roster_datetime_parse_date(roster_record_get_string(r, ROSTER_KEY_DATE_FROM),
					   &d->date_from);
		roster_datetime_parse_date(roster_record_get_string(r, ROSTER_KEY_DATE_TO),
					   &d->date_to);
		if (weekdays != NULL && JSON_NODE_HOLDS_ARRAY(weekdays)) {
			JsonArray *array = json_node_get_array(weekdays);
			for (guint j = 0; j < json_array_get_length(array); j++) {
				gint64 wd = json_array_get_int_element(array, j);
				/* 8: the holidays of the imported calendar */
				if (wd >= 1 && wd <= ROSTER_WEEKDAY_HOLIDAY)
					d->weekdays |= 1u << wd;
			}
		}
	}
	return TRUE;
}
