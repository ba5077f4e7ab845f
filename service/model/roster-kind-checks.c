/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the value formats of the kinds' fields: times, dates, codes, phone numbers, e-mail
 * addresses, colours, time zones, language tags and the items of array fields, each
 * with a message that names no field (the validator adds it as data) */

#include "config.h"

#include <string.h>

#include "roster-datetime.h"
#include "roster-json-keys.h"
#include "roster-kind-private.h"

/* an error about the value, its field named by the validator; always FALSE */
static gboolean
refuse(GError **error, const gchar *message)
{
	g_set_error_literal(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA, message);
	return FALSE;
}

static gboolean
check_chars(const gchar *text, const gchar *extra, gboolean lower_only)
{
	for (const gchar *p = text; *p != '\0'; p++) {
		if (g_ascii_isdigit(*p) || g_ascii_islower(*p))
			continue;
		if (!lower_only && g_ascii_isupper(*p))
			continue;
		if (strchr(extra, *p) != NULL)
			continue;
		return FALSE;
	}
	return TRUE;
}

gboolean
roster_kind_check_time_cb(JsonNode *value, GError **error)
{
	const gchar *text = json_node_get_string(value);

	if (g_strcmp0(text, "24:00") == 0) {
		return refuse(error, "24:00 may only end a time window; a start is 00:00 to 23:59");
	}
	if (!roster_datetime_parse_time(text, NULL)) {
		return refuse(error, "must be a time HH:MM between 00:00 and 23:59");
	}
	return TRUE;
}

gboolean
roster_kind_check_end_time_cb(JsonNode *value, GError **error)
{
	if (!roster_datetime_parse_end_time(json_node_get_string(value), NULL)) {
		return refuse(error, "must be a time HH:MM between 00:00 and 24:00");
	}
	return TRUE;
}

gboolean
roster_kind_check_date_cb(JsonNode *value, GError **error)
{
	if (!roster_datetime_parse_date(json_node_get_string(value), NULL)) {
		return refuse(error, "must be a date YYYY-MM-DD");
	}
	return TRUE;
}

gboolean
roster_kind_check_code_cb(JsonNode *value, GError **error)
{
	if (!check_chars(json_node_get_string(value), "-", TRUE)) {
		return refuse(error, "may only contain a-z, 0-9 and -");
	}
	return TRUE;
}

gboolean
roster_kind_check_counsellor_no_cb(JsonNode *value, GError **error)
{
	if (!check_chars(json_node_get_string(value), "-", FALSE)) {
		return refuse(error, "may only contain A-Z, a-z, 0-9 and -");
	}
	return TRUE;
}

gboolean
roster_kind_check_username_cb(JsonNode *value, GError **error)
{
	if (!check_chars(json_node_get_string(value), "._-", TRUE)) {
		return refuse(error, "may only contain a-z, 0-9, '.', '_' and '-'");
	}
	return TRUE;
}

gboolean
roster_kind_check_phone_cb(JsonNode *value, GError **error)
{
	const gchar *text = json_node_get_string(value);
	gboolean ok = strpbrk(text, "0123456789") != NULL;

	for (const gchar *p = text; ok && *p != '\0'; p++)
		ok = g_ascii_isdigit(*p) || strchr("+- ", *p) != NULL;
	if (!ok) {
		return refuse(error, "may only contain digits, '+', '-' and spaces");
	}
	return TRUE;
}

gboolean
roster_kind_check_email_cb(JsonNode *value, GError **error)
{
	const gchar *text = json_node_get_string(value);
	const gchar *at = strchr(text, '@');
	const gchar *dot = NULL;

	if (at != NULL && at != text && strchr(at + 1, '@') == NULL)
		dot = strrchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0' ||
	    strpbrk(text, " \t\r\n<>,;") != NULL) {
		return refuse(error, "must be an e-mail address such as name@example.org");
	}
	return TRUE;
}

gboolean
roster_kind_check_colour_cb(JsonNode *value, GError **error)
{
	const gchar *text = json_node_get_string(value);
	gboolean ok = strlen(text) == 7 && text[0] == '#';

	for (guint i = 1; ok && i < 7; i++)
		ok = g_ascii_isxdigit(text[i]);
	if (!ok) {
		return refuse(error, "must be a colour #RRGGBB");
	}
	return TRUE;
}

gboolean
roster_kind_check_time_zone_cb(JsonNode *value, GError **error)
{
	g_autoptr(GTimeZone) tz = g_time_zone_new_identifier(json_node_get_string(value));

	if (tz == NULL) {
		return refuse(error, "must be an IANA time zone such as Asia/Shanghai");
	}
	return TRUE;
}

/* a language tag as BCP 47 writes the common ones: a language of 2 or 3 letters, then
 * subtags of 2 to 8 letters or digits, such as zh-CN, en or zh-Hans-CN */
gboolean
roster_kind_check_language_cb(JsonNode *value, GError **error)
{
	g_auto(GStrv) parts = g_strsplit(json_node_get_string(value), "-", -1);
	gboolean ok = parts[0] != NULL && strlen(parts[0]) >= 2 && strlen(parts[0]) <= 3;

	for (guint i = 0; ok && parts[i] != NULL; i++) {
		gsize len = strlen(parts[i]);
		ok = len >= 2 && len <= 8;
		for (gsize j = 0; ok && j < len; j++)
			ok = i > 0 ? g_ascii_isalnum(parts[i][j]) : g_ascii_isalpha(parts[i][j]);
	}
	if (!ok) {
		return refuse(error, "must be a language tag such as zh-CN or en");
	}
	return TRUE;
}

gboolean
roster_kind_check_weekday_item_cb(JsonNode *value, GError **error)
{
	if (!JSON_NODE_HOLDS_VALUE(value) || json_node_get_value_type(value) != G_TYPE_INT64 ||
	    json_node_get_int(value) < 1 || json_node_get_int(value) > 7) {
		return refuse(error, "must be a weekday 1 (Monday) to 7 (Sunday)");
	}
	return TRUE;
}

/* a demand rule's weekday: 1 to 7, or 8 for the holidays of the imported calendar */
gboolean
roster_kind_check_rule_weekday_item_cb(JsonNode *value, GError **error)
{
	if (!JSON_NODE_HOLDS_VALUE(value) || json_node_get_value_type(value) != G_TYPE_INT64 ||
	    json_node_get_int(value) < 1 || json_node_get_int(value) > ROSTER_WEEKDAY_HOLIDAY) {
		return refuse(error, "must be a weekday 1 (Monday) to 7 (Sunday), or 8 (holidays)");
	}
	return TRUE;
}

gboolean
roster_kind_check_skill_item_cb(JsonNode *value, GError **error)
{
	const gchar *text = NULL;

	if (JSON_NODE_HOLDS_VALUE(value) && json_node_get_value_type(value) == G_TYPE_STRING)
		text = json_node_get_string(value);
	if (text == NULL || text[0] == '\0' || g_utf8_strlen(text, -1) > 40) {
		return refuse(error, "must be a string of 1 to 40 characters");
	}
	return TRUE;
}

gboolean
roster_kind_check_mode_item_cb(JsonNode *value, GError **error)
{
	const gchar *text = NULL;

	if (JSON_NODE_HOLDS_VALUE(value) && json_node_get_value_type(value) == G_TYPE_STRING)
		text = json_node_get_string(value);
	if (g_strcmp0(text, ROSTER_MODE_ON_SITE) != 0 && g_strcmp0(text, ROSTER_MODE_CLOUD) != 0) {
		return refuse(error, "must be one of on-site, cloud");
	}
	return TRUE;
}

/* the start and end of a manned window: clock time on the date it names, an end up to
 * 24:00, never of no length */
static gboolean
check_window_times(JsonObject *obj, GError **error)
{
	const gchar *start =
	    json_object_get_string_member_with_default(obj, ROSTER_KEY_START, NULL);
	const gchar *end = json_object_get_string_member_with_default(obj, ROSTER_KEY_END, NULL);

	if (!roster_datetime_parse_time(start, NULL) ||
	    !roster_datetime_parse_end_time(end, NULL)) {
		return refuse(error,
			      "start must be a time HH:MM from 00:00 to 23:59 and end one "
			      "from 00:00 to 24:00");
	}
	/* a manned window of no length would leave its day unmanned without a word */
	if (g_strcmp0(start, end) == 0) {
		return refuse(error,
			      "end must differ from start: a window of no length is "
			      "refused (a whole day is 00:00 to 24:00)");
	}
	return TRUE;
}

gboolean
roster_kind_check_window_item_cb(JsonNode *value, GError **error)
{
	JsonObject *obj;
	JsonNode *weekday;

	if (!JSON_NODE_HOLDS_OBJECT(value) ||
	    json_object_get_size(json_node_get_object(value)) != 3) {
		return refuse(error, "must be an object with weekday, start and end only");
	}
	obj = json_node_get_object(value);
	weekday = json_object_get_member(obj, ROSTER_KEY_WEEKDAY);
	if (weekday == NULL || !roster_kind_check_weekday_item_cb(weekday, NULL)) {
		return refuse(error, "weekday must be 1 (Monday) to 7 (Sunday)");
	}
	return check_window_times(obj, error);
}

/* the most windows one date of an override may have */
#define OVERRIDE_WINDOWS_MAX 10

static gboolean
node_is_string(JsonNode *node)
{
	return node != NULL && JSON_NODE_HOLDS_VALUE(node) &&
	       json_node_get_value_type(node) == G_TYPE_STRING;
}

/* a manned window without a weekday: an override's, or the line's holiday hours */
gboolean
roster_kind_check_hours_item_cb(JsonNode *value, GError **error)
{
	if (!JSON_NODE_HOLDS_OBJECT(value) ||
	    json_object_get_size(json_node_get_object(value)) != 2) {
		return refuse(error, "must be an object with start and end only");
	}
	return check_window_times(json_node_get_object(value), error);
}

/* the windows of an override: each of them a manned window without a weekday */
static gboolean
check_override_windows(JsonNode *windows, GError **error)
{
	JsonArray *array;

	if (windows == NULL || !JSON_NODE_HOLDS_ARRAY(windows) ||
	    json_array_get_length(json_node_get_array(windows)) > OVERRIDE_WINDOWS_MAX) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "windows must be an array of 0 to %u windows (none: closed)",
			    (guint)OVERRIDE_WINDOWS_MAX);
		return FALSE;
	}
	array = json_node_get_array(windows);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		if (!roster_kind_check_hours_item_cb(json_array_get_element(array, i), error)) {
			g_prefix_error(error, "windows: item %u ", i + 1);
			return FALSE;
		}
	}
	return TRUE;
}

/* one dated override of the manned hours: date_from to date_to (calendar dates, both
 * included), the windows that replace the weekly ones on them, a name (高考, 中考)
 * and a note */
gboolean
roster_kind_check_override_item_cb(JsonNode *value, GError **error)
{
	JsonObject *obj;
	JsonNode *name;
	JsonNode *note;
	const gchar *from;
	const gchar *to;
	guint n_known = 3;

	if (!JSON_NODE_HOLDS_OBJECT(value)) {
		return refuse(error,
			      "must be an object with date_from, date_to, windows and "
			      "optionally name and note");
	}
	obj = json_node_get_object(value);
	name = json_object_get_member(obj, ROSTER_KEY_NAME);
	if (name != NULL) {
		n_known++;
		if (!JSON_NODE_HOLDS_NULL(name) &&
		    (!node_is_string(name) || g_utf8_strlen(json_node_get_string(name), -1) > 40)) {
			return refuse(error, "name must be a string of at most 40 characters");
		}
	}
	note = json_object_get_member(obj, ROSTER_KEY_NOTE);
	if (note != NULL) {
		n_known++;
		if (!JSON_NODE_HOLDS_NULL(note) &&
		    (!node_is_string(note) ||
		     g_utf8_strlen(json_node_get_string(note), -1) > 200)) {
			return refuse(error, "note must be a string of at most 200 characters");
		}
	}
	if (json_object_get_size(obj) != n_known ||
	    !json_object_has_member(obj, ROSTER_KEY_DATE_FROM) ||
	    !json_object_has_member(obj, ROSTER_KEY_DATE_TO) ||
	    !json_object_has_member(obj, ROSTER_KEY_WINDOWS)) {
		return refuse(error,
			      "must be an object with date_from, date_to, windows and "
			      "optionally name and note");
	}
	from = node_is_string(json_object_get_member(obj, ROSTER_KEY_DATE_FROM))
		   ? json_object_get_string_member(obj, ROSTER_KEY_DATE_FROM)
		   : NULL;
	to = node_is_string(json_object_get_member(obj, ROSTER_KEY_DATE_TO))
		 ? json_object_get_string_member(obj, ROSTER_KEY_DATE_TO)
		 : NULL;
	if (!roster_datetime_parse_date(from, NULL)) {
		return refuse(error, "date_from must be a date YYYY-MM-DD");
	}
	if (!roster_datetime_parse_date(to, NULL)) {
		return refuse(error, "date_to must be a date YYYY-MM-DD");
	}
	if (strcmp(from, to) > 0) {
		return refuse(error, "date_to must not be before date_from");
	}
	return check_override_windows(json_object_get_member(obj, ROSTER_KEY_WINDOWS), error);
}
