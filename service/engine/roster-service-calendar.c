/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the one loader of the hotline's service calendar: the record read once into a
 * typed value (with what holidays take and the overrides' names), with the calendar
 * kind's defaults where there is no record */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-private.h"
#include "roster-json-keys.h"
#include "roster-service-calendar.h"

static void
override_free(gpointer data)
{
	RosterServiceOverride *override = data;

	g_array_unref(override->windows);
	g_free(override->name);
	g_free(override);
}

/**
 * roster_service_calendar_free:
 * @calendar: (nullable): a #RosterServiceCalendar
 *
 * Frees the value.
 *
 * Since: 0.1
 **/
void
roster_service_calendar_free(RosterServiceCalendar *calendar)
{
	if (calendar == NULL)
		return;
	g_free(calendar->name);
	g_free(calendar->line);
	g_free(calendar->time_zone);
	g_free(calendar->duty_contact);
	g_free(calendar->modified);
	g_array_unref(calendar->windows);
	g_ptr_array_unref(calendar->overrides);
	g_free(calendar->holiday_hours);
	g_array_unref(calendar->holiday_windows);
	g_free(calendar);
}

/* the default of a calendar field, as JSON text in the kind's field table */
static JsonNode *
dup_default(const gchar *key)
{
	const RosterField *field =
	    roster_kind_get_field(roster_kind_lookup(ROSTER_COLLECTION_CALENDARS), key);

	if (field == NULL || field->default_json == NULL)
		return json_node_new(JSON_NODE_NULL);
	return json_from_string(field->default_json, NULL);
}

/* a member of the record, or the kind's default without a record */
static JsonNode *
dup_value(RosterRecord *record, const gchar *key)
{
	JsonNode *value = record != NULL ? roster_record_get_value(record, key) : NULL;

	if (value != NULL)
		return json_node_copy(value);
	return dup_default(key);
}

static gchar *
dup_string(RosterRecord *record, const gchar *key)
{
	g_autoptr(JsonNode) value = dup_value(record, key);

	if (value == NULL || !JSON_NODE_HOLDS_VALUE(value) ||
	    json_node_get_value_type(value) != G_TYPE_STRING)
		return NULL;
	return json_node_dup_string(value);
}

static gint
get_minutes(RosterRecord *record, const gchar *key, gboolean end)
{
	g_autofree gchar *text = dup_string(record, key);
	gint minutes = 0;

	if (end)
		roster_datetime_parse_end_time(text, &minutes);
	else
		roster_datetime_parse_time(text, &minutes);
	return minutes;
}

/* the windows of @node, as validated by the kind: the weekly ones with a weekday */
static GArray *
read_windows(JsonNode *node)
{
	GArray *windows = g_array_new(FALSE, TRUE, sizeof(RosterServiceWindow));
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return windows;
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *w = json_array_get_object_element(array, i);
		RosterServiceWindow window = {0};
		if (w == NULL)
			continue;
		window.weekday =
		    (guint)json_object_get_int_member_with_default(w, ROSTER_KEY_WEEKDAY, 0);
		if (!roster_datetime_parse_time(
			json_object_get_string_member_with_default(w, ROSTER_KEY_START, NULL),
			&window.start) ||
		    !roster_datetime_parse_end_time(
			json_object_get_string_member_with_default(w, ROSTER_KEY_END, NULL),
			&window.end))
			continue;
		g_array_append_val(windows, window);
	}
	return windows;
}

static GPtrArray *
read_overrides(JsonNode *node)
{
	GPtrArray *overrides = g_ptr_array_new_with_free_func(override_free);
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return overrides;
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		JsonObject *o = json_array_get_object_element(array, i);
		RosterServiceOverride *override;
		guint32 from = 0;
		guint32 to = 0;
		if (o == NULL || !json_object_has_member(o, ROSTER_KEY_WINDOWS) ||
		    !roster_datetime_parse_date(
			json_object_get_string_member_with_default(o, ROSTER_KEY_DATE_FROM, NULL),
			&from) ||
		    !roster_datetime_parse_date(
			json_object_get_string_member_with_default(o, ROSTER_KEY_DATE_TO, NULL),
			&to) ||
		    to < from)
			continue;
		override = g_new0(RosterServiceOverride, 1);
		override->date_from = from;
		override->date_to = to;
		override->windows = read_windows(json_object_get_member(o, ROSTER_KEY_WINDOWS));
		override->name =
		    g_strdup(json_object_get_string_member_with_default(o, ROSTER_KEY_NAME, NULL));
		g_ptr_array_add(overrides, override);
	}
	return overrides;
}

/**
 * roster_engine_load_service_calendar:
 * @self: a #RosterEngine
 * @error: a #GError, or %NULL
 *
 * Reads the hotline's service calendar, the first calendar record; a hotline
 * without one gets the calendar kind's defaults and an id of 0.
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 *
 * Since: 0.1
 **/
RosterServiceCalendar *
roster_engine_load_service_calendar(RosterEngine *self, GError **error)
{
	RosterStoreFilter filter;
	gint64 total = 0;
	g_autoptr(GPtrArray) records = NULL;
	g_autoptr(JsonNode) slot = NULL;
	g_autoptr(JsonNode) windows = NULL;
	g_autoptr(JsonNode) overrides = NULL;
	g_autoptr(JsonNode) holiday_windows = NULL;
	RosterServiceCalendar *calendar;
	RosterRecord *record = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	roster_store_filter_init(&filter);
	filter.limit = 1;
	records = roster_store_list_records(roster_engine_get_store(self),
					    roster_kind_lookup(ROSTER_COLLECTION_CALENDARS),
					    &filter,
					    &total,
					    error);
	if (records == NULL)
		return NULL;
	if (records->len > 0)
		record = g_ptr_array_index(records, 0);
	calendar = g_new0(RosterServiceCalendar, 1);
	if (record != NULL) {
		calendar->id = roster_record_get_id(record);
		calendar->modified = g_strdup(roster_record_get_modified(record));
	}
	calendar->name = dup_string(record, ROSTER_KEY_NAME);
	calendar->line = dup_string(record, ROSTER_KEY_LINE);
	calendar->time_zone = dup_string(record, ROSTER_KEY_TIME_ZONE);
	calendar->duty_contact = dup_string(record, ROSTER_KEY_DUTY_CONTACT);
	slot = dup_value(record, ROSTER_KEY_SLOT_MINUTES);
	calendar->slot_minutes = (gint)json_node_get_int(slot);
	calendar->first_slot_start = get_minutes(record, ROSTER_KEY_FIRST_SLOT_START, FALSE);
	calendar->night_start = get_minutes(record, ROSTER_KEY_NIGHT_START, FALSE);
	calendar->night_end = get_minutes(record, ROSTER_KEY_NIGHT_END, TRUE);
	windows = dup_value(record, ROSTER_KEY_MANNED_WINDOWS);
	calendar->windows = read_windows(windows);
	overrides = dup_value(record, ROSTER_KEY_OVERRIDES);
	calendar->overrides = read_overrides(overrides);
	calendar->holiday_hours = dup_string(record, ROSTER_KEY_HOLIDAY_HOURS);
	holiday_windows = dup_value(record, ROSTER_KEY_HOLIDAY_WINDOWS);
	calendar->holiday_windows = read_windows(holiday_windows);
	return calendar;
}
