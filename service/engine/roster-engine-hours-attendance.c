/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hours engine's attendance: one published shift recorded, a whole day confirmed,
 * and the list; the minutes of a shift come from the service calendar */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-hours-private.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-service-calendar.h"
#include "roster-store-hours.h"
#include "roster-store-rosters.h"

static const gchar *const statuses[] = {ROSTER_STATUS_ATTENDED,
					ROSTER_STATUS_LATE,
					ROSTER_STATUS_LEFT_EARLY,
					ROSTER_STATUS_NO_SHOW,
					NULL};

/* attendance */

/* whether the shift of @a has started by now, in the service's time zone; a slot
 * before the first slot of the day is in the night after its operational day */
static gboolean
has_started(const RosterServiceCalendar *calendar, const RosterHotlineAssignment *a)
{
	g_autoptr(GTimeZone) tz = g_time_zone_new_identifier(calendar->time_zone);
	g_autoptr(GDateTime) start = NULL;
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	gint minutes = a->slot_start < calendar->first_slot_start ? a->slot_start + 24 * 60
								  : a->slot_start;

	if (tz == NULL)
		tz = g_time_zone_new_utc();
	start = roster_datetime_new_local(tz, a->date, minutes);
	return start == NULL || g_date_time_compare(start, now) <= 0;
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
	g_autofree gchar *date = roster_datetime_format_date(a->date);
	g_autofree gchar *slot = roster_datetime_format_time(a->slot_start);
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

/* the assignments of the roster's last published version, through the store's one
 * reader of published versions: attendance is of published shifts */
static GPtrArray *
list_published(RosterEngine *self, gint64 roster_id, RosterStoreRoster **roster, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(GPtrArray) assignments = NULL;
	gboolean published = FALSE;

	*roster = roster_store_get_roster(store, roster_id, error);
	if (*roster == NULL)
		return NULL;
	assignments = roster_store_list_published_assignments(store, *roster, &published, error);
	if (assignments == NULL)
		return NULL;
	if (!published) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_ROSTER_ID,
				       "the roster is not published");
		return NULL;
	}
	return g_steal_pointer(&assignments);
}

static gboolean
put_attendance(RosterEngine *self, RosterPrincipal *principal, JsonObject *row, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	gint64 id = json_object_get_int_member(row, ROSTER_KEY_ASSIGNMENT_ID);
	g_autoptr(JsonObject) existing = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = roster_engine_hours_object_node(row);
	g_autoptr(GError) error_local = NULL;

	existing = roster_store_get_attendance(store, id, &error_local);
	if (existing == NULL &&
	    !g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND)) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
	if (existing != NULL)
		before = roster_engine_hours_object_node(existing);
	return roster_store_put_attendance(store, row, error) &&
	       roster_engine_add_audit(self,
				       principal,
				       existing != NULL ? "update" : "create",
				       ROSTER_COLLECTION_ATTENDANCE,
				       id,
				       before,
				       after,
				       error);
}

/* what every attendance write reads first: may the caller write, the body and its
 * roster_id */
static JsonObject *
open_write(RosterEngine *self,
	   RosterPrincipal *principal,
	   JsonNode *body,
	   gint64 *roster_id,
	   GError **error)
{
	JsonObject *obj;

	if (!roster_engine_hours_check_write(principal,
					     ROSTER_COLLECTION_ATTENDANCE,
					     FALSE,
					     error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	obj = roster_engine_hours_body_object(body, error);
	if (obj == NULL || !roster_engine_hours_read_int(obj,
							 ROSTER_KEY_ROSTER_ID,
							 TRUE,
							 1,
							 G_MAXINT64,
							 roster_id,
							 error))
		return NULL;
	return obj;
}

JsonNode *
roster_engine_record_attendance(RosterEngine *self,
				RosterPrincipal *principal,
				JsonNode *body,
				GError **error)
{
	JsonObject *obj;
	gint64 roster_id = 0;
	gint64 assignment_id = 0;
	gint64 late = 0;
	gint64 early = 0;
	gint64 minutes;
	const gchar *status = NULL;
	gint slot;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	RosterHotlineAssignment *assignment = NULL;
	g_autoptr(GPtrArray) published = NULL;
	g_autoptr(JsonObject) row = NULL;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	obj = open_write(self, principal, body, &roster_id, error);
	if (obj == NULL ||
	    !roster_engine_hours_read_int(obj,
					  ROSTER_KEY_ASSIGNMENT_ID,
					  TRUE,
					  1,
					  G_MAXINT64,
					  &assignment_id,
					  error) ||
	    !roster_engine_hours_read_string(obj,
					     ROSTER_KEY_STATUS,
					     TRUE,
					     statuses,
					     &status,
					     error) ||
	    !roster_engine_hours_read_int(obj,
					  ROSTER_KEY_LATE_MINUTES,
					  FALSE,
					  0,
					  24 * 60,
					  &late,
					  error) ||
	    !roster_engine_hours_read_int(obj,
					  ROSTER_KEY_EARLY_MINUTES,
					  FALSE,
					  0,
					  24 * 60,
					  &early,
					  error))
		return NULL;
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return NULL;
	slot = calendar->slot_minutes;
	if (g_strcmp0(status, ROSTER_STATUS_LATE) == 0 && late <= 0) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_LATE_MINUTES,
					    "is required when late");
		return NULL;
	}
	if (g_strcmp0(status, ROSTER_STATUS_LEFT_EARLY) == 0 && early <= 0) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_EARLY_MINUTES,
					    "is required when leaving early");
		return NULL;
	}
	if (g_strcmp0(status, ROSTER_STATUS_NO_SHOW) == 0) {
		late = 0;
		early = 0;
	}
	if (late + early >= slot) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_LATE_MINUTES,
					    "late and early minutes exceed the shift");
		return NULL;
	}
	minutes = g_strcmp0(status, ROSTER_STATUS_NO_SHOW) == 0 ? 0 : slot - late - early;
	published = list_published(self, roster_id, &roster, error);
	if (published == NULL)
		return NULL;
	for (guint i = 0; i < published->len && assignment == NULL; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(published, i);
		if (a->id == assignment_id)
			assignment = a;
	}
	if (assignment == NULL) {
		roster_error_set_field(error,
				       ROSTER_ERROR_NOT_FOUND,
				       ROSTER_KEY_ASSIGNMENT_ID,
				       "assignment %" G_GINT64_FORMAT
				       " is not in the published roster",
				       assignment_id);
		return NULL;
	}
	if (!has_started(calendar, assignment)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_ATTENDANCE_REFUSAL_NOT_STARTED,
				       "the shift has not started yet");
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
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	json_object_set_double_member(row, ROSTER_KEY_HOURS, minutes / 60.0);
	return roster_engine_hours_object_node(row);
}

JsonNode *
roster_engine_confirm_day(RosterEngine *self,
			  RosterPrincipal *principal,
			  JsonNode *body,
			  GError **error)
{
	RosterStore *store;
	JsonObject *obj;
	gint64 roster_id = 0;
	const gchar *date = NULL;
	guint32 day = 0;
	gint slot;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(JsonArray) confirmed = json_array_new();
	gboolean ok = TRUE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	obj = open_write(self, principal, body, &roster_id, error);
	if (obj == NULL ||
	    !roster_engine_hours_read_string(obj, ROSTER_KEY_DATE, TRUE, NULL, &date, error))
		return NULL;
	if (!roster_datetime_parse_date(date, &day)) {
		roster_engine_hours_invalid(error, ROSTER_KEY_DATE, "must be a date YYYY-MM-DD");
		return NULL;
	}
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return NULL;
	slot = calendar->slot_minutes;
	assignments = list_published(self, roster_id, &roster, error);
	if (assignments == NULL)
		return NULL;
	if (g_strcmp0(date, roster->period_start) < 0 || g_strcmp0(date, roster->period_end) > 0) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_DATE,
					    "is outside the roster's period");
		return NULL;
	}
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	for (guint i = 0; ok && i < assignments->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		g_autoptr(JsonObject) existing = NULL;
		g_autoptr(GError) error_local = NULL;
		g_autoptr(JsonObject) row = NULL;
		/* a shift that has not started is not confirmed */
		if (a->date != day || !has_started(calendar, a))
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
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	return roster_engine_new_list(roster_engine_hours_with_hours(confirmed), -1);
}

JsonNode *
roster_engine_list_attendance(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	return roster_engine_hours_list_rows(self,
					     principal,
					     params,
					     ROSTER_COLLECTION_ATTENDANCE,
					     roster_store_list_attendance,
					     TRUE,
					     error);
}
