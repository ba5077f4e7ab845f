/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar's night window, weekly manned windows and dated overrides, read
 * from a list item and written as a request body: the only place of the app that spells
 * their JSON keys */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-calendar-fields.h"
#include "roster-client.h"
#include "roster-date.h"
#include "roster-json-keys.h"
#include "roster-record-fields.h"

/**
 * roster_calendar_override_new:
 * @date_from: the first date
 * @date_to: the last date
 * @windows: (nullable): the manned hours as windows text; %NULL or empty is closed
 * @note: (nullable): why
 *
 * Returns: (transfer full): a new override
 *
 * Since: 0.1
 */
RosterCalendarOverride *
roster_calendar_override_new(const gchar *date_from,
			     const gchar *date_to,
			     const gchar *windows,
			     const gchar *note)
{
	RosterCalendarOverride *override = g_new0(RosterCalendarOverride, 1);

	override->date_from = g_strdup(date_from != NULL ? date_from : "");
	override->date_to = g_strdup(date_to != NULL ? date_to : "");
	override->windows = g_strstrip(g_strdup(windows != NULL ? windows : ""));
	override->note = note != NULL && note[0] != '\0' ? g_strdup(note) : NULL;
	return override;
}

void
roster_calendar_override_free(RosterCalendarOverride *override)
{
	if (override == NULL)
		return;
	g_free(override->date_from);
	g_free(override->date_to);
	g_free(override->windows);
	g_free(override->note);
	g_free(override->name);
	g_free(override);
}

/* a string member, or @fallback when it is missing or no string */
static const gchar *
object_string(JsonObject *obj, const gchar *key, const gchar *fallback)
{
	JsonNode *node = obj != NULL ? json_object_get_member(obj, key) : NULL;

	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING)
		return fallback;
	return json_node_get_string(node);
}

static JsonArray *
object_array(JsonObject *obj, const gchar *key)
{
	JsonNode *node = obj != NULL ? json_object_get_member(obj, key) : NULL;
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
}

/**
 * roster_calendar_windows_to_text:
 * @windows: (nullable): manned windows, each with `start` and `end`
 * @weekday: 1 Monday … 7 Sunday for the weekly windows of that day only, or 0 for all
 *
 * Returns: (transfer full): the windows as the form shows them, `08:00-22:00, …`
 *
 * Since: 0.1
 */
gchar *
roster_calendar_windows_to_text(JsonArray *windows, gint64 weekday)
{
	GString *text = g_string_new(NULL);

	for (guint i = 0; windows != NULL && i < json_array_get_length(windows); i++) {
		JsonNode *node = json_array_get_element(windows, i);
		JsonObject *window = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node)
								  : NULL;
		if (window == NULL)
			continue;
		if (weekday > 0 &&
		    json_object_get_int_member_with_default(window, ROSTER_KEY_WEEKDAY, 0) !=
			weekday)
			continue;
		if (text->len > 0)
			g_string_append(text, ", ");
		g_string_append_printf(text,
				       "%s-%s",
				       object_string(window, ROSTER_KEY_START, ""),
				       object_string(window, ROSTER_KEY_END, ""));
	}
	return g_string_free(text, FALSE);
}

/**
 * roster_calendar_windows_add:
 * @builder: a builder inside an array
 * @text: windows text, `HH:MM-HH:MM` separated by commas
 * @weekday: the weekday of each window, or 0 for windows without one
 *
 * Adds a window object for each window of @text; a window the text does not spell as
 * start and end is sent as written, so the daemon's 422 names it.
 *
 * Since: 0.1
 */
void
roster_calendar_windows_add(JsonBuilder *builder, const gchar *text, gint64 weekday)
{
	g_autofree gchar *normal = roster_time_normalize(text != NULL ? text : "");
	g_auto(GStrv) parts = g_strsplit(normal, ",", -1);

	for (guint i = 0; parts[i] != NULL; i++) {
		gchar *part = g_strstrip(parts[i]);
		gchar *dash;

		if (part[0] == '\0')
			continue;
		dash = strchr(part, '-');
		if (dash != NULL)
			*dash = '\0';
		json_builder_begin_object(builder);
		if (weekday > 0) {
			json_builder_set_member_name(builder, ROSTER_KEY_WEEKDAY);
			json_builder_add_int_value(builder, weekday);
		}
		json_builder_set_member_name(builder, ROSTER_KEY_START);
		json_builder_add_string_value(builder, g_strstrip(part));
		json_builder_set_member_name(builder, ROSTER_KEY_END);
		json_builder_add_string_value(builder, dash != NULL ? g_strstrip(dash + 1) : "");
		json_builder_end_object(builder);
	}
}

/**
 * roster_calendar_fields_read:
 * @fields: the fields to set; clear them with roster_calendar_fields_clear()
 * @item: (nullable): a calendar, or %NULL for the daemon's defaults (nights from 23:00
 *   to 08:00, open around the clock, no override)
 *
 * Since: 0.1
 */
void
roster_calendar_fields_read(RosterCalendarFields *fields, RosterItem *item)
{
	JsonObject *obj = item != NULL ? roster_item_get_object(item) : NULL;
	JsonArray *weekly = object_array(obj, ROSTER_KEY_MANNED_WINDOWS);
	JsonArray *overrides = object_array(obj, ROSTER_KEY_OVERRIDES);

	fields->night_start = g_strdup(object_string(obj, ROSTER_KEY_NIGHT_START, "23:00"));
	fields->night_end = g_strdup(object_string(obj, ROSTER_KEY_NIGHT_END, "08:00"));
	for (guint d = 0; d < 7; d++)
		fields->weekly[d] = roster_calendar_windows_to_text(weekly, (gint64)d + 1);
	fields->overrides =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_override_free);
	for (guint i = 0; overrides != NULL && i < json_array_get_length(overrides); i++) {
		JsonNode *node = json_array_get_element(overrides, i);
		JsonObject *o = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
		g_autofree gchar *windows = NULL;
		RosterCalendarOverride *override;

		if (o == NULL)
			continue;
		windows = roster_calendar_windows_to_text(object_array(o, ROSTER_KEY_WINDOWS), 0);
		override = roster_calendar_override_new(object_string(o, ROSTER_KEY_DATE_FROM, ""),
							object_string(o, ROSTER_KEY_DATE_TO, ""),
							windows,
							object_string(o, ROSTER_KEY_NOTE, NULL));
		override->name = g_strdup(object_string(o, ROSTER_KEY_NAME, NULL));
		g_ptr_array_add(fields->overrides, override);
	}
	fields->holiday_hours =
	    g_strdup(object_string(obj, ROSTER_KEY_HOLIDAY_HOURS, ROSTER_HOLIDAY_HOURS_SUNDAY));
	fields->holiday_windows =
	    roster_calendar_windows_to_text(object_array(obj, ROSTER_KEY_HOLIDAY_WINDOWS), 0);
}

/* frees what roster_calendar_fields_read() set */
void
roster_calendar_fields_clear(RosterCalendarFields *fields)
{
	g_clear_pointer(&fields->night_start, g_free);
	g_clear_pointer(&fields->night_end, g_free);
	for (guint d = 0; d < 7; d++)
		g_clear_pointer(&fields->weekly[d], g_free);
	g_clear_pointer(&fields->overrides, g_ptr_array_unref);
	g_clear_pointer(&fields->holiday_hours, g_free);
	g_clear_pointer(&fields->holiday_windows, g_free);
}

/**
 * roster_calendar_fields_to_json:
 * @fields: a calendar
 * @revision: the revision the user saw
 *
 * Returns: (transfer full): the body that changes the calendar's night window, weekly
 *   manned windows and (when set) what holidays take, and nothing else
 *
 * Since: 0.1
 */
JsonNode *
roster_calendar_fields_to_json(const RosterCalendarFields *fields, gint64 revision)
{
	JsonBuilder *builder = roster_record_body_begin(revision);
	g_autofree gchar *night_start = roster_time_normalize(fields->night_start);
	g_autofree gchar *night_end = roster_time_normalize(fields->night_end);

	json_builder_set_member_name(builder, ROSTER_KEY_NIGHT_START);
	json_builder_add_string_value(builder, night_start);
	json_builder_set_member_name(builder, ROSTER_KEY_NIGHT_END);
	json_builder_add_string_value(builder, night_end);
	json_builder_set_member_name(builder, ROSTER_KEY_MANNED_WINDOWS);
	json_builder_begin_array(builder);
	for (guint d = 0; d < 7; d++)
		roster_calendar_windows_add(builder, fields->weekly[d], (gint64)d + 1);
	json_builder_end_array(builder);
	if (fields->holiday_hours != NULL) {
		json_builder_set_member_name(builder, ROSTER_KEY_HOLIDAY_HOURS);
		json_builder_add_string_value(builder, fields->holiday_hours);
		json_builder_set_member_name(builder, ROSTER_KEY_HOLIDAY_WINDOWS);
		json_builder_begin_array(builder);
		roster_calendar_windows_add(builder, fields->holiday_windows, 0);
		json_builder_end_array(builder);
	}
	return roster_record_body_end(builder);
}

/**
 * roster_calendar_overrides_to_json:
 * @overrides: (element-type RosterCalendarOverride): the dated overrides
 * @revision: the revision the user saw
 *
 * Returns: (transfer full): the body that sets the calendar's overrides, and nothing
 *   else
 *
 * Since: 0.1
 */
JsonNode *
roster_calendar_overrides_to_json(GPtrArray *overrides, gint64 revision)
{
	JsonBuilder *builder = roster_record_body_begin(revision);

	json_builder_set_member_name(builder, ROSTER_KEY_OVERRIDES);
	json_builder_begin_array(builder);
	for (guint i = 0; overrides != NULL && i < overrides->len; i++) {
		RosterCalendarOverride *o = g_ptr_array_index(overrides, i);

		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, ROSTER_KEY_DATE_FROM);
		json_builder_add_string_value(builder, o->date_from);
		json_builder_set_member_name(builder, ROSTER_KEY_DATE_TO);
		json_builder_add_string_value(builder, o->date_to);
		json_builder_set_member_name(builder, ROSTER_KEY_WINDOWS);
		json_builder_begin_array(builder);
		roster_calendar_windows_add(builder, o->windows, 0);
		json_builder_end_array(builder);
		roster_client_add_nullable_string(builder, ROSTER_KEY_NOTE, o->note);
		if (o->name != NULL && o->name[0] != '\0') {
			json_builder_set_member_name(builder, ROSTER_KEY_NAME);
			json_builder_add_string_value(builder, o->name);
		}
		json_builder_end_object(builder);
	}
	json_builder_end_array(builder);
	return roster_record_body_end(builder);
}

/* the holiday choices in the order the calendar form lists them */
static const gchar *const holiday_choices[] = {ROSTER_HOLIDAY_HOURS_SUNDAY,
					       ROSTER_HOLIDAY_HOURS_CLOSED,
					       ROSTER_HOLIDAY_HOURS_OWN};

/**
 * roster_calendar_holiday_index:
 * @choice: (nullable): what a holiday takes, `sunday`, `closed` or `own`
 *
 * Returns: its place in the calendar form's list, 0 (as a Sunday) for an unknown one
 *
 * Since: 0.3
 */
guint
roster_calendar_holiday_index(const gchar *choice)
{
	for (guint i = 0; i < G_N_ELEMENTS(holiday_choices); i++) {
		if (g_strcmp0(holiday_choices[i], choice) == 0)
			return i;
	}
	return 0;
}

/**
 * roster_calendar_holiday_choice:
 * @index: a place in the calendar form's list
 *
 * Returns: the choice at @index, as a Sunday beyond the list
 *
 * Since: 0.3
 */
const gchar *
roster_calendar_holiday_choice(guint index)
{
	return index < G_N_ELEMENTS(holiday_choices) ? holiday_choices[index] : holiday_choices[0];
}

/**
 * roster_calendar_dup_override_refusal:
 * @message: (nullable): the daemon's message of a refused `overrides` member
 *
 * Says which override the daemon refused and why, in the user's language, for the
 * reasons the app knows; the override's number is its place in the list.
 *
 * Returns: (transfer full) (nullable): the refusal, or %NULL for a reason the app has
 *   no words for
 *
 * Since: 0.3
 */
gchar *
roster_calendar_dup_override_refusal(const gchar *message)
{
	static const struct {
		const gchar *pattern;
		const gchar *text;
	} reasons[] = {
	    /* TRANSLATORS: %1$s and %2$s are override numbers, %3$s and %4$s dates */
	    {"item (\\d+) shares dates with item (\\d+) \\((\\S+) to (\\S+)\\)",
	     N_("Override %1$s shares dates with override %2$s (%3$s to %4$s); a date may have "
		"one override only")},
	    /* TRANSLATORS: %1$s and %2$s are override numbers */
	    {"item (\\d+) repeats item (\\d+)", N_("Override %1$s repeats override %2$s")},
	    /* TRANSLATORS: %1$s is an override's number */
	    {"item (\\d+) date_to must not be before date_from",
	     N_("Override %1$s ends before it starts")},
	    /* TRANSLATORS: %1$s is an override's number */
	    {"item (\\d+) date_(from|to) must be a date",
	     N_("Override %1$s: write its dates as YYYY-MM-DD")},
	    /* TRANSLATORS: %1$s is an override's number */
	    {"item (\\d+) windows",
	     N_("Override %1$s: write its manned hours as 08:00-22:00, separated by commas; "
		"a window may not start where it ends")},
	    /* TRANSLATORS: %1$s is an override's number */
	    {"item (\\d+) name must", N_("Override %1$s: its name may have at most 40 characters")},
	};

	for (guint i = 0; message != NULL && i < G_N_ELEMENTS(reasons); i++) {
		g_autoptr(GRegex) regex = g_regex_new(reasons[i].pattern, 0, 0, NULL);
		g_autoptr(GMatchInfo) match = NULL;
		g_autofree gchar *a = NULL;
		g_autofree gchar *b = NULL;
		g_autofree gchar *c = NULL;
		g_autofree gchar *d = NULL;

		if (regex == NULL || !g_regex_match(regex, message, 0, &match))
			continue;
		a = g_match_info_fetch(match, 1);
		b = g_match_info_fetch(match, 2);
		c = g_match_info_fetch(match, 3);
		d = g_match_info_fetch(match, 4);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		return g_strdup_printf(_(reasons[i].text),
				       a,
				       b != NULL ? b : "",
				       c != NULL ? c : "",
				       d != NULL ? d : "");
#pragma GCC diagnostic pop
	}
	return NULL;
}
