/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the imported holiday calendars: the import of a year (with the published days it
 * changes), the year read back, and the dates laid on a hotline */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-holidays.h"
#include "roster-engine-private.h"
#include "roster-holiday-file.h"
#include "roster-json-keys.h"
#include "roster-store-holidays.h"
#include "roster-store-rosters.h"

#define ROSTER_COLLECTION_HOLIDAYS "holidays"
#define ROSTER_ACTION_IMPORT	   "import"

/* the dates a year's import may name: its own and the December before */
static void
year_range(gint year, gchar **from, gchar **to)
{
	*from = g_strdup_printf("%04d-12-01", year - 1);
	*to = g_strdup_printf("%04d-12-31", year);
}

/* date -> RosterStoreHoliday of @rows (borrowed); a later year's row wins */
static GHashTable *
index_by_date(GPtrArray *rows)
{
	GHashTable *map = g_hash_table_new(g_str_hash, g_str_equal);

	for (guint i = 0; i < rows->len; i++) {
		RosterStoreHoliday *row = g_ptr_array_index(rows, i);
		RosterStoreHoliday *old = g_hash_table_lookup(map, row->date);
		if (old == NULL || old->year < row->year)
			g_hash_table_insert(map, row->date, row);
	}
	return map;
}

/* "off", "working" or "normal" (a date the calendar does not name) */
static const gchar *
kind_of(GHashTable *map, const gchar *date)
{
	RosterStoreHoliday *row = g_hash_table_lookup(map, date);
	return row != NULL ? roster_store_holiday_kind_to_string(row->kind) : "normal";
}

static const gchar *
name_of(GHashTable *map, const gchar *date)
{
	RosterStoreHoliday *row = g_hash_table_lookup(map, date);
	return row != NULL ? row->name : NULL;
}

/* the days of published rosters whose kind of day differs between @before and
 * @after: their hours and demand follow other rules after the import */
static gboolean
add_changed_days(RosterEngine *self,
		 GHashTable *before,
		 GHashTable *after,
		 const gchar *from,
		 const gchar *to,
		 JsonArray *changed,
		 GError **error)
{
	g_autoptr(GPtrArray) rosters =
	    roster_store_list_rosters(roster_engine_get_store(self), error);

	if (rosters == NULL)
		return FALSE;
	for (guint i = 0; i < rosters->len; i++) {
		RosterStoreRoster *roster = g_ptr_array_index(rosters, i);
		guint32 first = 0;
		guint32 last = 0;
		/* the roster's days in the import's range */
		const gchar *start =
		    g_strcmp0(roster->period_start, from) > 0 ? roster->period_start : from;
		const gchar *end = g_strcmp0(roster->period_end, to) < 0 ? roster->period_end : to;
		if (roster->n_versions == 0 || !roster_datetime_parse_date(start, &first) ||
		    !roster_datetime_parse_date(end, &last))
			continue;
		for (guint32 d = first; d <= last; d++) {
			g_autofree gchar *date = roster_datetime_format_date(d);
			JsonObject *item;
			const gchar *name;
			if (g_strcmp0(kind_of(before, date), kind_of(after, date)) == 0)
				continue;
			item = json_object_new();
			json_object_set_int_member(item, ROSTER_KEY_ROSTER_ID, roster->id);
			json_object_set_string_member(item, "roster_name", roster->name);
			json_object_set_string_member(item, ROSTER_KEY_DATE, date);
			json_object_set_string_member(item, "before", kind_of(before, date));
			json_object_set_string_member(item, "after", kind_of(after, date));
			name = name_of(after, date) != NULL ? name_of(after, date)
							    : name_of(before, date);
			if (name != NULL)
				json_object_set_string_member(item, ROSTER_KEY_NAME, name);
			json_array_add_object_element(changed, item);
		}
	}
	return TRUE;
}

static JsonArray *
dup_papers(GStrv papers)
{
	JsonArray *array = json_array_new();

	for (guint i = 0; papers != NULL && papers[i] != NULL; i++)
		json_array_add_string_element(array, papers[i]);
	return array;
}

/* replaces the year's rows and collects the changed days, inside the caller's
 * transaction */
static gboolean
replace_year(RosterEngine *self, RosterHolidayFile *file, JsonObject *reply, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autofree gchar *from = NULL;
	g_autofree gchar *to = NULL;
	g_autoptr(GPtrArray) old_rows = NULL;
	g_autoptr(GPtrArray) new_rows = NULL;
	g_autoptr(GHashTable) before = NULL;
	g_autoptr(GHashTable) after = NULL;
	g_autoptr(JsonArray) changed = json_array_new();
	gint64 count = 0;

	year_range(file->year, &from, &to);
	if (!roster_store_count_holidays(store, file->year, &count, error))
		return FALSE;
	old_rows = roster_store_list_holidays(store, from, to, error);
	if (old_rows == NULL ||
	    !roster_store_replace_holidays(store, file->year, file->days, error))
		return FALSE;
	new_rows = roster_store_list_holidays(store, from, to, error);
	if (new_rows == NULL)
		return FALSE;
	before = index_by_date(old_rows);
	after = index_by_date(new_rows);
	if (!add_changed_days(self, before, after, from, to, changed, error))
		return FALSE;
	json_object_set_boolean_member(reply, "replaced", count > 0);
	json_object_set_array_member(reply, "changed_days", g_steal_pointer(&changed));
	return TRUE;
}

/**
 * roster_engine_import_holidays:
 * @self: an engine
 * @principal: the caller, an admin or coordinator
 * @year: the year to import, or 0 for the file's own
 * @data: the file, in the holiday-cn or the chinese-days JSON format
 * @length: its length in bytes
 * @error: (nullable): return location for a #GError
 *
 * Replaces the year's holiday calendar by the file's, keeping the notice's URLs as
 * its source. A bad file is refused and nothing changes.
 *
 * Returns: (transfer full): {year, format, papers, days, off, working, replaced,
 *   changed_days: [{roster_id, roster_name, date, before, after, name}]}, the days of
 *   published rosters whose kind of day (off, working, normal) the import changes,
 *   or %NULL with @error set
 **/
JsonNode *
roster_engine_import_holidays(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint year,
			      const gchar *data,
			      gsize length,
			      GError **error)
{
	g_autoptr(RosterHolidayFile) file = NULL;
	g_autoptr(JsonObject) reply = json_object_new();
	g_autoptr(JsonNode) after = json_node_new(JSON_NODE_OBJECT);
	guint off = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_PLANNERS,
					    ROSTER_COLLECTION_HOLIDAYS,
					    "only admins and coordinators import holiday calendars",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	file = roster_holiday_file_parse(data, length, year, error);
	if (file == NULL)
		return NULL;
	for (guint i = 0; i < file->days->len; i++)
		off += ((RosterStoreHoliday *)g_ptr_array_index(file->days, i))->kind ==
		       ROSTER_STORE_HOLIDAY_OFF;
	json_object_set_int_member(reply, "year", file->year);
	json_object_set_string_member(reply, "format", file->format);
	json_object_set_array_member(reply, "papers", dup_papers(file->papers));
	json_object_set_int_member(reply, "days", file->days->len);
	json_object_set_int_member(reply, "off", off);
	json_object_set_int_member(reply, "working", file->days->len - off);
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	if (!replace_year(self, file, reply, error)) {
		roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	json_node_set_object(after, reply);
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     ROSTER_ACTION_IMPORT,
					     ROSTER_COLLECTION_HOLIDAYS,
					     file->year,
					     NULL,
					     after,
					     error))
		return NULL;
	return json_node_ref(after);
}

/**
 * roster_engine_list_holidays:
 * @self: an engine
 * @principal: the caller
 * @year: a year
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {items: [{date, kind, name}], total, year, imported,
 *   format, papers}, the year's calendar as imported (imported false and no items
 *   when it never was), or %NULL with @error set
 **/
JsonNode *
roster_engine_list_holidays(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint year,
			    GError **error)
{
	g_autofree gchar *from = NULL;
	g_autofree gchar *to = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(JsonArray) items = json_array_new();
	g_autoptr(JsonNode) source = NULL;
	JsonNode *node;
	JsonObject *obj;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_SIGNED_IN,
					    ROSTER_COLLECTION_HOLIDAYS,
					    "signing in is needed",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (year < 1900 || year > 2200) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "year",
				       "must be a year from 1900 to 2200");
		return NULL;
	}
	year_range(year, &from, &to);
	rows = roster_store_list_holidays(roster_engine_get_store(self), from, to, error);
	if (rows == NULL)
		return NULL;
	for (guint i = 0; i < rows->len; i++) {
		RosterStoreHoliday *row = g_ptr_array_index(rows, i);
		JsonObject *item;
		if (row->year != year)
			continue;
		item = json_object_new();
		json_object_set_string_member(item, ROSTER_KEY_DATE, row->date);
		json_object_set_string_member(item,
					      ROSTER_KEY_KIND,
					      roster_store_holiday_kind_to_string(row->kind));
		json_object_set_string_member(item, ROSTER_KEY_NAME, row->name);
		json_array_add_object_element(items, item);
		if (source == NULL)
			source = json_from_string(row->source, NULL);
	}
	node = roster_engine_new_list(items, -1);
	obj = json_node_get_object(node);
	json_object_set_int_member(obj, "year", year);
	json_object_set_boolean_member(obj, "imported", json_array_get_length(items) > 0);
	if (source != NULL && JSON_NODE_HOLDS_OBJECT(source)) {
		JsonObject *s = json_node_get_object(source);
		json_object_set_member(obj,
				       "format",
				       json_node_copy(json_object_get_member(s, "format")));
		json_object_set_member(obj,
				       "papers",
				       json_node_copy(json_object_get_member(s, "papers")));
	}
	return node;
}

/**
 * roster_engine_load_hotline_days:
 * @self: an engine
 * @h: a hotline with its period
 * @error: (nullable): return location for a #GError
 *
 * Lays the imported holiday calendar on the hotline's dates (and the day either side,
 * whose hours reach into the period) and notes the years of the period that have no
 * imported calendar.
 *
 * Returns: %TRUE on success
 **/
gboolean
roster_engine_load_hotline_days(RosterEngine *self, RosterHotline *h, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autofree gchar *from = roster_datetime_format_date(h->first_day - 1);
	g_autofree gchar *to = roster_datetime_format_date(h->first_day + h->n_days);
	g_autoptr(GPtrArray) rows = roster_store_list_holidays(store, from, to, error);
	g_autoptr(GHashTable) map = NULL;
	GHashTableIter iter;
	gpointer value;
	GDate date;
	guint first_year;
	guint last_year;

	if (rows == NULL)
		return FALSE;
	map = index_by_date(rows);
	g_hash_table_iter_init(&iter, map);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		RosterStoreHoliday *row = value;
		guint32 julian = 0;
		if (roster_datetime_parse_date(row->date, &julian))
			roster_hotline_add_day(h,
					       julian,
					       row->kind == ROSTER_STORE_HOLIDAY_WORKING
						   ? ROSTER_HOTLINE_DAY_WORKING
						   : ROSTER_HOTLINE_DAY_HOLIDAY,
					       row->name);
	}
	g_date_clear(&date, 1);
	g_date_set_julian(&date, h->first_day);
	first_year = g_date_get_year(&date);
	g_date_set_julian(&date, h->first_day + MAX(h->n_days, 1) - 1);
	last_year = g_date_get_year(&date);
	for (guint year = first_year; year <= last_year; year++) {
		gint64 count = 0;
		if (!roster_store_count_holidays(store, (gint)year, &count, error))
			return FALSE;
		if (count == 0)
			g_array_append_val(h->years_without_calendar, year);
	}
	return TRUE;
}
