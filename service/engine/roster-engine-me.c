/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a volunteer's own view of the published rosters: my shifts (never a draft), their
 * confirmations and what changed since I last looked, and my month's commitment, hours
 * and stars */

#include "config.h"

#include <string.h>

#include "roster-datetime.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-engine-web-private.h"
#include "roster-engine-web.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-service-calendar.h"
#include "roster-stars.h"
#include "roster-store-rosters.h"
#include "roster-store-web.h"

/**
 * roster_engine_web_get_volunteer_id:
 * @principal: the caller
 * @error: a #GError, or %NULL
 *
 * Returns: the volunteer the caller's account is linked to, or 0 with
 *   %ROSTER_ERROR_PERMISSION_DENIED
 **/
gint64
roster_engine_web_get_volunteer_id(RosterPrincipal *principal, GError **error)
{
	gint64 id = roster_principal_get_volunteer_id(principal);

	if (id > 0)
		return id;
	g_set_error_literal(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_PERMISSION_DENIED,
			    "me: the account is linked to no volunteer");
	return 0;
}

/**
 * roster_engine_web_dup_today:
 * @calendar: the service calendar
 *
 * Returns: (transfer full): today's date in the hotline's time zone, YYYY-MM-DD
 **/
gchar *
roster_engine_web_dup_today(const RosterServiceCalendar *calendar)
{
	g_autoptr(GTimeZone) tz =
	    calendar->time_zone != NULL ? g_time_zone_new_identifier(calendar->time_zone) : NULL;

	return roster_datetime_dup_today(tz);
}

/**
 * roster_engine_web_is_night:
 * @calendar: the service calendar
 * @slot_start: minutes after midnight
 *
 * Returns: whether a shift starting at @slot_start is a night, by the rule the solver
 *   counts nights with (at least half of it in the night window)
 **/
gboolean
roster_engine_web_is_night(const RosterServiceCalendar *calendar, gint slot_start)
{
	gint64 s = slot_start;
	gint64 e = s + calendar->slot_minutes;
	gint64 inside = 0;

	for (gint date = -1; date <= 1; date++) {
		gint64 from;
		gint64 to;
		roster_hotline_window_on_date(date,
					      calendar->night_start,
					      calendar->night_end,
					      &from,
					      &to);
		inside += MAX(0, MIN(e, to) - MAX(s, from));
	}
	return 2 * inside >= calendar->slot_minutes;
}

static gint
shift_compare_cb(gconstpointer a, gconstpointer b)
{
	return roster_engine_web_shift_compare(*(RosterWebShift *const *)a,
					       *(RosterWebShift *const *)b);
}

/**
 * roster_engine_web_list_published:
 * @self: a #RosterEngine
 * @volunteer_id: a volunteer
 * @from: (nullable): the first date, julian, or 0
 * @to: the last date, julian, or 0 for no end
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type RosterWebShift): the shifts of @volunteer_id
 *   in the last published version of every roster, by date and slot
 **/
GPtrArray *
roster_engine_web_list_published(RosterEngine *self,
				 gint64 volunteer_id,
				 guint32 from,
				 guint32 to,
				 GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(GPtrArray) rosters = roster_store_list_rosters(store, error);
	g_autoptr(GPtrArray) shifts = g_ptr_array_new_with_free_func(g_free);

	if (rosters == NULL)
		return NULL;
	for (guint i = 0; i < rosters->len; i++) {
		RosterStoreRoster *roster = g_ptr_array_index(rosters, i);
		g_autoptr(GPtrArray) rows = NULL;

		if (roster->n_versions == 0)
			continue;
		rows = roster_store_list_version_assignments(store,
							     roster->id,
							     roster->n_versions,
							     error);
		if (rows == NULL)
			return NULL;
		for (guint j = 0; j < rows->len; j++) {
			RosterHotlineAssignment *a = g_ptr_array_index(rows, j);
			RosterWebShift *shift;

			if (a->volunteer_id != volunteer_id || a->date < from ||
			    (to > 0 && a->date > to))
				continue;
			shift = g_new0(RosterWebShift, 1);
			shift->roster_id = roster->id;
			shift->number = roster->n_versions;
			shift->assignment = *a;
			g_strlcpy(shift->roster_name, roster->name, sizeof(shift->roster_name));
			g_ptr_array_add(shifts, shift);
		}
	}
	g_ptr_array_sort(shifts, shift_compare_cb);
	return g_steal_pointer(&shifts);
}

/**
 * roster_engine_web_shift_compare:
 * @a: a shift
 * @b: another
 *
 * Returns: the order of @a and @b by date, slot and roster
 **/
gint
roster_engine_web_shift_compare(const RosterWebShift *a, const RosterWebShift *b)
{
	if (a->assignment.date != b->assignment.date)
		return a->assignment.date < b->assignment.date ? -1 : 1;
	if (a->assignment.slot_start != b->assignment.slot_start)
		return a->assignment.slot_start < b->assignment.slot_start ? -1 : 1;
	return a->roster_id < b->roster_id ? -1 : (a->roster_id > b->roster_id ? 1 : 0);
}

/* the part of a name colleagues see: the given name (the word before a space, or a
 * Chinese name without its one-character surname) */
static gchar *
dup_given_name(const gchar *name)
{
	const gchar *space;

	if (name == NULL)
		return g_strdup("");
	space = strchr(name, ' ');
	if (space != NULL && space != name)
		return g_strndup(name, space - name);
	if (g_utf8_strlen(name, -1) >= 2 && (guchar)name[0] >= 0x80)
		return g_strdup(g_utf8_next_char(name));
	return g_strdup(name);
}

/* a record by collection and id, read once per request */
static RosterRecord *
lookup_record(RosterEngine *self, GHashTable *cache, const gchar *collection, gint64 id)
{
	g_autofree gchar *key = g_strdup_printf("%s/%" G_GINT64_FORMAT, collection, id);
	RosterRecord *record = g_hash_table_lookup(cache, key);

	if (record == NULL) {
		g_autoptr(GError) error = NULL;

		record = roster_store_get_record(roster_engine_get_store(self),
						 roster_kind_lookup(collection),
						 id,
						 &error);
		if (record == NULL)
			g_debug("%s %" G_GINT64_FORMAT ": %s", collection, id, error->message);
		g_hash_table_insert(cache, g_steal_pointer(&key), record);
	}
	return record;
}

/* whether @confirmation is of the shift as it now is */
static gboolean
confirmation_holds(JsonObject *confirmation, const gchar *date, const gchar *slot, gint64 seat)
{
	return g_strcmp0(json_object_get_string_member(confirmation, ROSTER_KEY_DATE), date) == 0 &&
	       g_strcmp0(json_object_get_string_member(confirmation, ROSTER_KEY_SLOT), slot) == 0 &&
	       json_object_get_int_member(confirmation, ROSTER_KEY_SEAT_CLASS_ID) == seat;
}

static gchar *
confirmation_key(gint64 roster_id, gint64 assignment_id, gint64 volunteer_id)
{
	return g_strdup_printf("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
			       roster_id,
			       assignment_id,
			       volunteer_id);
}

/* confirmations by "roster:assignment:volunteer" */
static GHashTable *
index_confirmations(JsonArray *rows)
{
	GHashTable *index = g_hash_table_new_full(g_str_hash,
						  g_str_equal,
						  g_free,
						  (GDestroyNotify)json_object_unref);

	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		g_hash_table_insert(
		    index,
		    confirmation_key(json_object_get_int_member(row, ROSTER_KEY_ROSTER_ID),
				     json_object_get_int_member(row, ROSTER_KEY_ASSIGNMENT_ID),
				     json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID)),
		    json_object_ref(row));
	}
	return index;
}

/* the time @a was confirmed in its present form, or NULL */
static const gchar *
lookup_confirmed_at(GHashTable *index, gint64 roster_id, const RosterHotlineAssignment *a)
{
	g_autofree gchar *key = confirmation_key(roster_id, a->id, a->volunteer_id);
	g_autofree gchar *date = roster_datetime_format_date(a->date);
	g_autofree gchar *slot = roster_datetime_format_time(a->slot_start);
	JsonObject *row = g_hash_table_lookup(index, key);

	if (row == NULL || !confirmation_holds(row, date, slot, a->seat_class_id))
		return NULL;
	return json_object_get_string_member(row, ROSTER_WEB_KEY_CONFIRMED_AT);
}

/* the assignments of a published version, read once per request (borrowed) */
static GPtrArray *
lookup_version(RosterEngine *self,
	       GHashTable *versions,
	       gint64 roster_id,
	       gint64 number,
	       GError **error)
{
	g_autofree gchar *key =
	    g_strdup_printf("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, roster_id, number);
	GPtrArray *rows = g_hash_table_lookup(versions, key);

	if (rows != NULL)
		return rows;
	rows = roster_store_list_version_assignments(roster_engine_get_store(self),
						     roster_id,
						     number,
						     error);
	if (rows != NULL)
		g_hash_table_insert(versions, g_steal_pointer(&key), rows);
	return rows;
}

/* whether the shift differs from the version @seen the volunteer last saw (0: never) */
static gboolean
shift_changed(RosterEngine *self,
	      GHashTable *versions,
	      const RosterWebShift *shift,
	      gint64 seen,
	      GError **error)
{
	GPtrArray *rows;

	if (seen <= 0 || seen >= shift->number)
		return FALSE;
	rows = lookup_version(self, versions, shift->roster_id, seen, error);
	if (rows == NULL)
		return FALSE;
	for (guint i = 0; i < rows->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(rows, i);
		if (a->id == shift->assignment.id &&
		    a->volunteer_id == shift->assignment.volunteer_id)
			return a->date != shift->assignment.date ||
			       a->slot_start != shift->assignment.slot_start ||
			       a->seat_class_id != shift->assignment.seat_class_id;
	}
	return TRUE;
}

/* the colleagues of a shift: 工号 and given name only, never contacts */
static void
add_colleagues(RosterEngine *self,
	       JsonBuilder *b,
	       GHashTable *cache,
	       GHashTable *versions,
	       const RosterWebShift *shift,
	       GError **error)
{
	GPtrArray *rows = lookup_version(self, versions, shift->roster_id, shift->number, error);

	json_builder_set_member_name(b, ROSTER_WEB_KEY_COLLEAGUES);
	json_builder_begin_array(b);
	for (guint i = 0; rows != NULL && i < rows->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(rows, i);
		RosterRecord *v;
		g_autofree gchar *given = NULL;

		if (a->date != shift->assignment.date ||
		    a->slot_start != shift->assignment.slot_start ||
		    a->volunteer_id == shift->assignment.volunteer_id)
			continue;
		v = lookup_record(self, cache, ROSTER_COLLECTION_VOLUNTEERS, a->volunteer_id);
		if (v == NULL)
			continue;
		given = dup_given_name(roster_record_get_string(v, ROSTER_KEY_NAME));
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_COUNSELLOR_NO);
		json_builder_add_string_value(
		    b,
		    roster_record_get_string(v, ROSTER_KEY_COUNSELLOR_NO));
		json_builder_set_member_name(b, ROSTER_WEB_KEY_GIVEN_NAME);
		json_builder_add_string_value(b, given);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

static void
add_string_or_null(JsonBuilder *b, const gchar *key, const gchar *value)
{
	json_builder_set_member_name(b, key);
	if (value != NULL)
		json_builder_add_string_value(b, value);
	else
		json_builder_add_null_value(b);
}

/**
 * roster_engine_web_add_shift:
 * @self: a #RosterEngine
 * @b: a builder inside an array
 * @calendar: the service calendar
 * @cache: records by id, for seat classes
 * @shift: the shift
 *
 * Adds the members every view of a published shift has: roster, assignment, date,
 * start and end, seat class, location and whether it is a night.
 **/
void
roster_engine_web_add_shift(RosterEngine *self,
			    JsonBuilder *b,
			    const RosterServiceCalendar *calendar,
			    GHashTable *cache,
			    const RosterWebShift *shift)
{
	const RosterHotlineAssignment *a = &shift->assignment;
	RosterRecord *seat =
	    lookup_record(self, cache, ROSTER_COLLECTION_SEAT_CLASSES, a->seat_class_id);
	g_autofree gchar *date = roster_datetime_format_date(a->date);
	g_autofree gchar *start = roster_datetime_format_time(a->slot_start);
	g_autofree gchar *end =
	    roster_datetime_format_time((a->slot_start + calendar->slot_minutes) % 1440);

	json_builder_set_member_name(b, ROSTER_KEY_ROSTER_ID);
	json_builder_add_int_value(b, shift->roster_id);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_ROSTER_NAME);
	json_builder_add_string_value(b, shift->roster_name);
	json_builder_set_member_name(b, ROSTER_KEY_NUMBER);
	json_builder_add_int_value(b, shift->number);
	json_builder_set_member_name(b, ROSTER_KEY_ASSIGNMENT_ID);
	json_builder_add_int_value(b, a->id);
	json_builder_set_member_name(b, ROSTER_KEY_DATE);
	json_builder_add_string_value(b, date);
	json_builder_set_member_name(b, ROSTER_KEY_START);
	json_builder_add_string_value(b, start);
	json_builder_set_member_name(b, ROSTER_KEY_END);
	json_builder_add_string_value(b, end);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(b, a->seat_class_id);
	add_string_or_null(b,
			   ROSTER_WEB_KEY_SEAT_CLASS,
			   seat != NULL ? roster_record_get_string(seat, ROSTER_KEY_NAME) : NULL);
	add_string_or_null(b,
			   ROSTER_KEY_LOCATION,
			   seat != NULL ? roster_record_get_string(seat, ROSTER_KEY_LOCATION)
					: NULL);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_NIGHT);
	json_builder_add_boolean_value(b, roster_engine_web_is_night(calendar, a->slot_start));
}

static void
clear_record(gpointer record)
{
	if (record != NULL)
		g_object_unref(record);
}

/**
 * roster_engine_web_new_record_cache:
 *
 * Returns: (transfer full): an empty cache of records by collection and id
 **/
GHashTable *
roster_engine_web_new_record_cache(void)
{
	return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, clear_record);
}

/* the version of each roster the volunteer last saw, by roster id */
static GHashTable *
load_seen(RosterEngine *self, gint64 volunteer_id, GError **error)
{
	g_autoptr(JsonArray) rows =
	    roster_store_list_seen(roster_engine_get_store(self), volunteer_id, error);
	GHashTable *seen;

	if (rows == NULL)
		return NULL;
	seen = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		gint64 *key = g_new(gint64, 1);
		gint64 *number = g_new(gint64, 1);

		*key = json_object_get_int_member(row, ROSTER_KEY_ROSTER_ID);
		*number = json_object_get_int_member(row, ROSTER_KEY_NUMBER);
		g_hash_table_insert(seen, key, number);
	}
	return seen;
}

/**
 * roster_engine_list_my_shifts:
 * @self: a #RosterEngine
 * @principal: a caller linked to a volunteer
 * @today: (nullable): the first date shown, YYYY-MM-DD, or %NULL for today
 * @error: a #GError, or %NULL
 *
 * The caller's shifts from @today on in the last published version of every roster
 * (a draft is never shown), next first, each with its colleagues (工号 and given name),
 * its confirmation and whether it changed since the version the caller last saw.
 *
 * Returns: (transfer full): `{"items": [...], "total", "today"}`
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_list_my_shifts(RosterEngine *self,
			     RosterPrincipal *principal,
			     const gchar *today,
			     GError **error)
{
	gint64 me = roster_engine_web_get_volunteer_id(principal, error);
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	g_autoptr(GPtrArray) shifts = NULL;
	g_autoptr(GHashTable) cache = roster_engine_web_new_record_cache();
	g_autoptr(GHashTable) seen = NULL;
	g_autoptr(GHashTable) confirmations = NULL;
	g_autoptr(GHashTable) versions = g_hash_table_new_full(g_str_hash,
							       g_str_equal,
							       g_free,
							       (GDestroyNotify)g_ptr_array_unref);
	g_autoptr(JsonArray) rows = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autofree gchar *first_text = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) root = NULL;
	guint32 first = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (me == 0 || !roster_engine_ensure_open(self, error))
		return NULL;
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return NULL;
	first_text = today != NULL ? g_strdup(today) : roster_engine_web_dup_today(calendar);
	if (!roster_datetime_parse_date(first_text, &first)) {
		roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, "today", "not a date");
		return NULL;
	}
	shifts = roster_engine_web_list_published(self, me, first, 0, error);
	seen = shifts != NULL ? load_seen(self, me, error) : NULL;
	rows = seen != NULL
		   ? roster_store_list_confirmations(roster_engine_get_store(self), 0, me, error)
		   : NULL;
	if (rows == NULL)
		return NULL;
	confirmations = index_confirmations(rows);
	json_builder_begin_array(b);
	for (guint i = 0; i < shifts->len; i++) {
		RosterWebShift *shift = g_ptr_array_index(shifts, i);
		gint64 *number = g_hash_table_lookup(seen, &shift->roster_id);
		gboolean changed =
		    shift_changed(self, versions, shift, number != NULL ? *number : 0, error);

		if (error != NULL && *error != NULL)
			return NULL;
		json_builder_begin_object(b);
		roster_engine_web_add_shift(self, b, calendar, cache, shift);
		add_string_or_null(
		    b,
		    ROSTER_WEB_KEY_CONFIRMED_AT,
		    lookup_confirmed_at(confirmations, shift->roster_id, &shift->assignment));
		json_builder_set_member_name(b, ROSTER_WEB_KEY_CHANGED);
		json_builder_add_boolean_value(b, changed);
		add_colleagues(self, b, cache, versions, shift, error);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	root = json_builder_get_root(b);
	list = roster_engine_new_list(json_node_get_array(root), -1);
	json_object_set_string_member(json_node_get_object(list), ROSTER_WEB_KEY_TODAY, first_text);
	json_object_set_int_member(json_node_get_object(list), ROSTER_KEY_VOLUNTEER_ID, me);
	return g_steal_pointer(&list);
}

/**
 * roster_engine_mark_shifts_seen:
 * @self: a #RosterEngine
 * @principal: a caller linked to a volunteer
 * @error: a #GError, or %NULL
 *
 * Records that the caller has seen the last published version of every roster, so
 * that only later changes are marked.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.3
 **/
gboolean
roster_engine_mark_shifts_seen(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	gint64 me = roster_engine_web_get_volunteer_id(principal, error);
	RosterStore *store;
	g_autoptr(GPtrArray) rosters = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	gboolean ok = TRUE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	if (me == 0 || !roster_engine_ensure_open(self, error))
		return FALSE;
	store = roster_engine_get_store(self);
	rosters = roster_store_list_rosters(store, error);
	if (rosters == NULL || !roster_store_begin(store, error))
		return FALSE;
	for (guint i = 0; ok && i < rosters->len; i++) {
		RosterStoreRoster *roster = g_ptr_array_index(rosters, i);
		if (roster->n_versions > 0)
			ok = roster_store_set_seen(store,
						   me,
						   roster->id,
						   roster->n_versions,
						   now,
						   error);
	}
	return roster_engine_end_write(self, ok, error);
}

/**
 * roster_engine_confirm_shift:
 * @self: a #RosterEngine
 * @principal: the volunteer holding the shift, or a coordinator or admin confirming
 *   for them (a reminder's link)
 * @roster_id: the roster
 * @assignment_id: the assignment in its last published version
 * @error: a #GError, or %NULL
 *
 * Confirms a shift of the last published version: who and when, kept per assignment;
 * a later version that moves the shift asks for a new confirmation. A shift that is
 * not in the published version, and another volunteer's shift, are both
 * %ROSTER_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full): `{"roster_id", "assignment_id", "volunteer_id", "number",
 *   "confirmed_at"}`
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_confirm_shift(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 roster_id,
			    gint64 assignment_id,
			    GError **error)
{
	RosterStore *store;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(GError) error_local = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) result = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *date = NULL;
	g_autofree gchar *slot = NULL;
	const RosterHotlineAssignment *found = NULL;
	gboolean planner = FALSE;
	gint64 me = roster_principal_get_volunteer_id(principal);

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error))
		return NULL;
	planner =
	    (ROSTER_ROLES_PLANNERS & ROSTER_ROLE_BIT(roster_principal_get_role(principal))) != 0;
	if (!planner && roster_engine_web_get_volunteer_id(principal, error) == 0)
		return NULL;
	store = roster_engine_get_store(self);
	roster = roster_store_get_roster(store, roster_id, &error_local);
	if (roster == NULL && !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	if (roster != NULL && roster->n_versions > 0) {
		rows = roster_store_list_version_assignments(store,
							     roster_id,
							     roster->n_versions,
							     error);
		if (rows == NULL)
			return NULL;
		for (guint i = 0; i < rows->len && found == NULL; i++) {
			RosterHotlineAssignment *a = g_ptr_array_index(rows, i);
			if (a->id == assignment_id && (planner || a->volunteer_id == me))
				found = a;
		}
	}
	if (found == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: no published shift %" G_GINT64_FORMAT " of yours in roster "
			    "%" G_GINT64_FORMAT,
			    assignment_id,
			    roster_id);
		return NULL;
	}
	date = roster_datetime_format_date(found->date);
	slot = roster_datetime_format_time(found->slot_start);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ROSTER_ID);
	json_builder_add_int_value(b, roster_id);
	json_builder_set_member_name(b, ROSTER_KEY_ASSIGNMENT_ID);
	json_builder_add_int_value(b, assignment_id);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, found->volunteer_id);
	json_builder_set_member_name(b, ROSTER_KEY_NUMBER);
	json_builder_add_int_value(b, roster->n_versions);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_CONFIRMED_AT);
	json_builder_add_string_value(b, now);
	json_builder_end_object(b);
	result = json_builder_get_root(b);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_put_confirmation(store,
					   roster_id,
					   assignment_id,
					   found->volunteer_id,
					   roster->n_versions,
					   date,
					   slot,
					   found->seat_class_id,
					   now,
					   roster_principal_get_username(principal),
					   error)) {
		roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     "confirm-shift",
					     ROSTER_COLLECTION_ROSTERS,
					     roster_id,
					     NULL,
					     result,
					     error))
		return NULL;
	return g_steal_pointer(&result);
}

/**
 * roster_engine_add_confirmed_at:
 * @self: a #RosterEngine
 * @roster: a roster as the API answers it, with its assignments
 * @error: a #GError, or %NULL
 *
 * Adds `confirmed_at` (a time, or null) to each assignment: when its volunteer
 * confirmed the shift as it now is.
 *
 * Returns: %FALSE on a database error
 *
 * Since: 0.3
 **/
gboolean
roster_engine_add_confirmed_at(RosterEngine *self, JsonNode *roster, GError **error)
{
	JsonObject *object = json_node_get_object(roster);
	gint64 roster_id = json_object_get_int_member_with_default(object, ROSTER_KEY_ID, 0);
	JsonNode *member = json_object_get_member(object, ROSTER_KEY_ASSIGNMENTS);
	JsonArray *assignments;
	g_autoptr(JsonArray) rows = NULL;
	g_autoptr(GHashTable) index = NULL;

	if (member == NULL || !JSON_NODE_HOLDS_ARRAY(member))
		return TRUE;
	assignments = json_node_get_array(member);
	rows = roster_store_list_confirmations(roster_engine_get_store(self), roster_id, 0, error);
	if (rows == NULL)
		return FALSE;
	index = index_confirmations(rows);
	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		g_autofree gchar *key = confirmation_key(
		    roster_id,
		    json_object_get_int_member_with_default(a, ROSTER_KEY_ID, 0),
		    json_object_get_int_member_with_default(a, ROSTER_KEY_VOLUNTEER_ID, 0));
		JsonObject *row = g_hash_table_lookup(index, key);

		if (row != NULL &&
		    confirmation_holds(
			row,
			json_object_get_string_member_with_default(a, ROSTER_KEY_DATE, NULL),
			json_object_get_string_member_with_default(a, ROSTER_KEY_SLOT, NULL),
			json_object_get_int_member_with_default(a, ROSTER_KEY_SEAT_CLASS_ID, 0)))
			json_object_set_string_member(
			    a,
			    ROSTER_WEB_KEY_CONFIRMED_AT,
			    json_object_get_string_member(row, ROSTER_WEB_KEY_CONFIRMED_AT));
		else
			json_object_set_null_member(a, ROSTER_WEB_KEY_CONFIRMED_AT);
	}
	return TRUE;
}

static gdouble
get_double(JsonNode *node, const gchar *key)
{
	JsonNode *member = json_object_get_member(json_node_get_object(node), key);

	return member != NULL && JSON_NODE_HOLDS_VALUE(member) ? json_node_get_double(member) : 0;
}

static void
add_limit(JsonBuilder *b, const gchar *key, RosterRecord *volunteer)
{
	gint64 value = volunteer != NULL ? roster_record_get_int(volunteer, key, -1) : -1;

	json_builder_set_member_name(b, key);
	if (value >= 0)
		json_builder_add_int_value(b, value);
	else
		json_builder_add_null_value(b);
}

/**
 * roster_engine_get_my_month:
 * @self: a #RosterEngine
 * @principal: a caller linked to a volunteer
 * @month: (nullable): YYYY-MM, or %NULL for this month
 * @error: a #GError, or %NULL
 *
 * The caller's month: published shifts and nights against the volunteer's minimum
 * and limits, service hours this year and the star level with the hours to the next,
 * from the hours engine and the star thresholds.
 *
 * Returns: (transfer full): `{"month", "shifts", "nights", "min_shifts_month",
 *   "max_shifts_month", "max_nights_month", "hours_year", "hours", "stars",
 *   "next_stars", "hours_to_next"}`
 *
 * Since: 0.3
 **/
JsonNode *
roster_engine_get_my_month(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *month,
			   GError **error)
{
	gint64 me = roster_engine_web_get_volunteer_id(principal, error);
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	g_autoptr(RosterRecord) volunteer = NULL;
	g_autoptr(GPtrArray) shifts = NULL;
	g_autoptr(JsonNode) hours = NULL;
	g_autoptr(JsonNode) stars = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autofree gchar *today = NULL;
	g_autofree gchar *first_text = NULL;
	g_autofree gchar *year_start = NULL;
	guint32 first = 0;
	guint32 last = 0;
	guint nights = 0;
	guint level;
	gdouble total;
	GDate date;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (me == 0 || !roster_engine_ensure_open(self, error))
		return NULL;
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return NULL;
	today = roster_engine_web_dup_today(calendar);
	first_text = g_strdup_printf("%.7s-01", month != NULL ? month : today);
	if ((month != NULL && strlen(month) != 7) ||
	    !roster_datetime_parse_date(first_text, &first)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "month",
				       "must be YYYY-MM");
		return NULL;
	}
	g_date_clear(&date, 1);
	g_date_set_julian(&date, first);
	last =
	    first + g_date_get_days_in_month(g_date_get_month(&date), g_date_get_year(&date)) - 1;
	volunteer = roster_store_get_record(roster_engine_get_store(self),
					    roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
					    me,
					    error);
	if (volunteer == NULL)
		return NULL;
	shifts = roster_engine_web_list_published(self, me, first, last, error);
	if (shifts == NULL)
		return NULL;
	for (guint i = 0; i < shifts->len; i++) {
		RosterWebShift *shift = g_ptr_array_index(shifts, i);
		nights += roster_engine_web_is_night(calendar, shift->assignment.slot_start) ? 1
											     : 0;
	}
	year_start = g_strdup_printf("%.4s-01-01", today);
	hours = roster_engine_get_hours(self, principal, me, year_start, today, error);
	stars = hours != NULL ? roster_engine_get_stars(self, principal, me, error) : NULL;
	if (stars == NULL)
		return NULL;
	total = get_double(stars, ROSTER_KEY_HOURS);
	level = (guint)json_object_get_int_member(json_node_get_object(stars), ROSTER_KEY_STARS);

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_MONTH);
	json_builder_add_string_value(b, first_text);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_SHIFTS);
	json_builder_add_int_value(b, shifts->len);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_NIGHTS);
	json_builder_add_int_value(b, nights);
	add_limit(b, ROSTER_KEY_MIN_SHIFTS_MONTH, volunteer);
	add_limit(b, ROSTER_KEY_MAX_SHIFTS_MONTH, volunteer);
	add_limit(b, ROSTER_KEY_MAX_NIGHTS_MONTH, volunteer);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_HOURS_YEAR);
	json_builder_add_double_value(b, get_double(hours, ROSTER_KEY_HOURS));
	json_builder_set_member_name(b, ROSTER_KEY_HOURS);
	json_builder_add_double_value(b, total);
	json_builder_set_member_name(b, ROSTER_KEY_STARS);
	json_builder_add_int_value(b, level);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_NEXT_STARS);
	if (level < ROSTER_STARS_MAX)
		json_builder_add_int_value(b, level + 1);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_WEB_KEY_HOURS_TO_NEXT);
	if (level < ROSTER_STARS_MAX)
		json_builder_add_double_value(
		    b,
		    MAX(0, roster_stars_threshold_hours(level + 1) - total));
	else
		json_builder_add_null_value(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
