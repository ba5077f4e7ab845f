/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what a shift request changes in a published roster: the seats that change hands,
 * their check under the hard rules of a hand edit, the colleagues who may take a
 * give-away, the open seats, and the application as the roster's next published
 * version (so that the calendar feeds, the version diff and the hours follow it) */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-requests-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-service-calendar.h"

/* the integer member @key of a request's row, 0 when it is null */
gint64
roster_requests_row_int(JsonObject *row, const gchar *key)
{
	JsonNode *node = json_object_get_member(row, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_INT64)
		return 0;
	return json_node_get_int(node);
}

/**
 * roster_requests_load:
 * @self: an engine
 * @roster_id: a roster
 * @edit: where the roster goes
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether the published roster was read, its last version in @edit->before
 **/
gboolean
roster_requests_load(RosterEngine *self, gint64 roster_id, RosterRosterEdit *edit, GError **error)
{
	if (!roster_rosters_prepare(self,
				    roster_id,
				    FALSE,
				    &edit->roster,
				    &edit->hotline,
				    &edit->model,
				    error))
		return FALSE;
	/* a draft is nobody's business but the planners': not found, like no roster */
	if (edit->roster->n_versions == 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: no record %" G_GINT64_FORMAT,
			    roster_id);
		return FALSE;
	}
	edit->before =
	    roster_hotline_model_from_assignments(edit->model, edit->hotline->previous, error);
	return edit->before != NULL;
}

/**
 * roster_requests_find_published:
 * @edit: a published roster read
 * @id: an assignment
 *
 * Returns: (transfer none) (nullable): the assignment in the last published version
 **/
const RosterHotlineAssignment *
roster_requests_find_published(const RosterRosterEdit *edit, gint64 id)
{
	for (guint i = 0; id > 0 && i < edit->hotline->previous->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(edit->hotline->previous, i);
		if (a->id == id)
			return a;
	}
	return NULL;
}

/**
 * roster_requests_dup_time_zone:
 * @self: an engine
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the service's time zone
 **/
GTimeZone *
roster_requests_dup_time_zone(RosterEngine *self, GError **error)
{
	g_autoptr(RosterServiceCalendar) calendar =
	    roster_engine_load_service_calendar(self, error);
	GTimeZone *tz;

	if (calendar == NULL)
		return NULL;
	tz = g_time_zone_new_identifier(calendar->time_zone);
	return tz != NULL ? tz : g_time_zone_new_utc();
}

/**
 * roster_requests_dup_start:
 * @edit: a roster read
 * @tz: the service's time zone
 * @date: an operational day
 * @slot_start: a slot's start, minutes after midnight
 *
 * Returns: (transfer full): when the shift starts, UTC ISO 8601
 **/
gchar *
roster_requests_dup_start(const RosterRosterEdit *edit,
			  GTimeZone *tz,
			  guint32 date,
			  gint slot_start)
{
	g_autoptr(GDateTime) local = NULL;
	g_autoptr(GDateTime) utc = NULL;
	/* the operational day runs from the first slot: earlier slots are after midnight */
	gint minutes = slot_start < edit->hotline->first_slot_start ? slot_start + 24 * 60
								    : slot_start;

	local = roster_datetime_new_local(tz, date, minutes);
	if (local == NULL)
		return g_strdup("0000-00-00T00:00:00Z");
	utc = g_date_time_to_utc(local);
	return g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * roster_requests_refuse:
 * @error: (nullable): return location for a #GError
 * @code: the error code
 * @field: the stable code of the refusal
 * @message: what is wrong
 *
 * Returns: %FALSE, with @error set
 **/
gboolean
roster_requests_refuse(GError **error, RosterError code, const gchar *field, const gchar *message)
{
	roster_error_set_field(error, code, field, "requests: %s", message);
	return FALSE;
}

/* whether published assignment @a still is the shift of @row's members with @prefix
 * ("" or "target_") held by @volunteer_id */
static gboolean
still_holds(const RosterHotlineAssignment *a, JsonObject *row, gboolean target, gint64 volunteer_id)
{
	guint32 date = 0;
	gint slot = -1;

	if (a == NULL || a->volunteer_id != volunteer_id)
		return FALSE;
	roster_datetime_parse_date(
	    json_object_get_string_member(row, target ? ROSTER_KEY_TARGET_DATE : ROSTER_KEY_DATE),
	    &date);
	roster_datetime_parse_time(
	    json_object_get_string_member(row, target ? ROSTER_KEY_TARGET_SLOT : ROSTER_KEY_SLOT),
	    &slot);
	return a->date == date && a->slot_start == slot &&
	       a->seat_class_id == json_object_get_int_member(row,
							      target
								  ? ROSTER_KEY_TARGET_SEAT_CLASS_ID
								  : ROSTER_KEY_SEAT_CLASS_ID);
}

/* the seats @row changes: @old[i] held now (NULL for an open seat), @changed[i] the
 * same seat with its new volunteer; how many, or 0 with @error set */
static guint
row_changes(const RosterRosterEdit *edit,
	    JsonObject *row,
	    gint64 taker,
	    const RosterHotlineAssignment **old,
	    RosterHotlineAssignment **changed,
	    GError **error)
{
	const gchar *kind = json_object_get_string_member(row, ROSTER_KEY_KIND);
	gint64 requester = roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID);
	guint32 date = 0;
	gint slot = -1;

	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_PICKUP) == 0) {
		gint64 seat_class = roster_requests_row_int(row, ROSTER_KEY_SEAT_CLASS_ID);
		roster_datetime_parse_date(json_object_get_string_member(row, ROSTER_KEY_DATE),
					   &date);
		roster_datetime_parse_time(json_object_get_string_member(row, ROSTER_KEY_SLOT),
					   &slot);
		old[0] = NULL;
		changed[0] = roster_hotline_assignment_new();
		changed[0]->date = date;
		changed[0]->slot_start = slot;
		changed[0]->seat_class_id = seat_class;
		changed[0]->seat_no = roster_requests_open_seat_no(edit, date, slot, seat_class);
		changed[0]->volunteer_id = taker;
		changed[0]->source = ROSTER_HOTLINE_SOURCE_MANUAL;
		if (changed[0]->seat_no == 0) {
			roster_requests_refuse(error,
					       ROSTER_ERROR_CONFLICT,
					       ROSTER_REQUEST_REFUSAL_SEAT_TAKEN,
					       "the seat is no longer open");
			return 0;
		}
		return 1;
	}
	old[0] =
	    roster_requests_find_published(edit,
					   roster_requests_row_int(row, ROSTER_KEY_ASSIGNMENT_ID));
	if (!still_holds(old[0], row, FALSE, requester)) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_CONFLICT,
				       ROSTER_REQUEST_REFUSAL_SHIFT_CHANGED,
				       "the shift changed since the request was made");
		return 0;
	}
	changed[0] = roster_hotline_assignment_copy(old[0]);
	changed[0]->volunteer_id = taker;
	changed[0]->source = ROSTER_HOTLINE_SOURCE_MANUAL;
	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_SWAP) != 0)
		return 1;
	old[1] = roster_requests_find_published(
	    edit,
	    roster_requests_row_int(row, ROSTER_KEY_TARGET_ASSIGNMENT_ID));
	if (!still_holds(old[1],
			 row,
			 TRUE,
			 roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID))) {
		g_clear_pointer(&changed[0], g_free);
		roster_requests_refuse(error,
				       ROSTER_ERROR_CONFLICT,
				       ROSTER_REQUEST_REFUSAL_SHIFT_CHANGED,
				       "the colleague's shift changed since the request was made");
		return 0;
	}
	changed[1] = roster_hotline_assignment_copy(old[1]);
	changed[1]->volunteer_id = requester;
	changed[1]->source = ROSTER_HOTLINE_SOURCE_MANUAL;
	return 2;
}

/**
 * roster_requests_check:
 * @edit: the published roster
 * @row: a request
 * @taker: who takes it
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether the change keeps every hard rule, checked as a hand edit is
 **/
gboolean
roster_requests_check(const RosterRosterEdit *edit, JsonObject *row, gint64 taker, GError **error)
{
	const RosterHotlineAssignment *old[2] = {NULL, NULL};
	RosterHotlineAssignment *changed[2] = {NULL, NULL};
	guint n = row_changes(edit, row, taker, old, changed, error);
	gboolean ok;

	if (n == 0)
		return FALSE;
	ok = roster_rosters_check_reassign(edit,
					   old,
					   (const RosterHotlineAssignment *const *)changed,
					   n,
					   error);
	g_free(changed[0]);
	g_free(changed[1]);
	return ok;
}

/* the first seat number from 1 to @max of the cell that no assignment of @list holds */
static guint
free_seat_in(GPtrArray *list, GPtrArray *also, const RosterHotlineAssignment *cell, guint max)
{
	for (guint seat = 1; seat <= max; seat++) {
		gboolean taken = FALSE;
		for (guint l = 0; l < 2; l++) {
			GPtrArray *items = l == 0 ? list : also;
			for (guint i = 0; items != NULL && i < items->len; i++) {
				const RosterHotlineAssignment *b = g_ptr_array_index(items, i);
				taken |=
				    b->date == cell->date && b->slot_start == cell->slot_start &&
				    b->seat_class_id == cell->seat_class_id && b->seat_no == seat;
			}
		}
		if (!taken)
			return seat;
	}
	return 0;
}

/* the seats the demand asks for in the cell of @a */
static guint
cell_requirement(const RosterRosterEdit *edit, const RosterHotlineAssignment *a)
{
	const RosterHotline *h = edit->hotline;
	gint k = roster_hotline_model_find_slot(edit->model, a->slot_start);
	gint c = roster_hotline_model_find_class(edit->model, a->seat_class_id);

	if (k < 0 || c < 0 || a->date < h->first_day || a->date >= h->first_day + h->n_days)
		return 0;
	return roster_hotline_model_get_requirement(edit->model,
						    a->date - h->first_day,
						    (guint)k,
						    (guint)c);
}

/**
 * roster_requests_open_seat_no:
 * @edit: the published roster
 * @date: an operational day
 * @slot_start: a slot start
 * @seat_class_id: a seat class
 *
 * Returns: the first open seat's number, or 0 when the demand is met
 **/
guint
roster_requests_open_seat_no(const RosterRosterEdit *edit,
			     guint32 date,
			     gint slot_start,
			     gint64 seat_class_id)
{
	const RosterHotline *h = edit->hotline;
	RosterHotlineAssignment cell = {0};
	guint required;
	guint filled = 0;

	cell.date = date;
	cell.slot_start = slot_start;
	cell.seat_class_id = seat_class_id;
	required = cell_requirement(edit, &cell);
	for (guint i = 0; i < h->previous->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(h->previous, i);
		if (a->date == date && a->slot_start == slot_start &&
		    a->seat_class_id == seat_class_id &&
		    !roster_hotline_model_is_trainee_place(edit->model, a))
			filled++;
	}
	if (filled >= required)
		return 0;
	return free_seat_in(h->previous, NULL, &cell, required);
}

/**
 * roster_requests_rank_takers:
 * @edit: the published roster
 * @row: an open give-away
 *
 * Returns: (transfer full): the colleagues who may take it, as suggestions rank them
 **/
GArray *
roster_requests_rank_takers(const RosterRosterEdit *edit, JsonObject *row)
{
	const RosterHotlineAssignment *a =
	    roster_requests_find_published(edit,
					   roster_requests_row_int(row, ROSTER_KEY_ASSIGNMENT_ID));
	g_autoptr(RosterSolverRoster) without = NULL;
	GArray *ranked;
	gint person;
	gint slot;
	gint c;

	if (a == NULL)
		return g_array_new(FALSE, TRUE, sizeof(RosterRosterCandidate));
	person = roster_hotline_model_find_person(edit->model, a->volunteer_id);
	slot = roster_hotline_model_find_slot(edit->model, a->slot_start);
	c = roster_hotline_model_find_class(edit->model, a->seat_class_id);
	without = roster_solver_roster_copy(edit->before);
	if (person >= 0)
		roster_solver_roster_set(without,
					 (guint)person,
					 a->date - edit->hotline->first_day,
					 ROSTER_SOLVER_OFF);
	ranked = roster_rosters_rank_candidates(edit,
						without,
						a->date - edit->hotline->first_day,
						(guint)MAX(slot, 0),
						(guint)MAX(c, 0));
	/* only those the whole check of a hand edit accepts */
	for (guint i = ranked->len; i > 0; i--) {
		RosterRosterCandidate *cand = &g_array_index(ranked, RosterRosterCandidate, i - 1);
		const RosterHotlineVolunteer *v =
		    roster_hotline_model_get_volunteer(edit->model, cand->person);
		if (cand->problems->len > 0 || v->id == a->volunteer_id ||
		    !roster_requests_check(edit, row, v->id, NULL))
			g_array_remove_index(ranked, i - 1);
	}
	return ranked;
}

/* the draft's row of published @old, when the draft still holds that same shift */
static RosterHotlineAssignment *
draft_twin(RosterStore *store, gint64 roster_id, const RosterHotlineAssignment *old)
{
	g_autofree RosterHotlineAssignment *draft =
	    roster_store_get_assignment(store, roster_id, old->id, NULL);

	if (draft == NULL || draft->volunteer_id != old->volunteer_id || draft->date != old->date ||
	    draft->slot_start != old->slot_start || draft->seat_class_id != old->seat_class_id)
		return NULL;
	return g_steal_pointer(&draft);
}

/* writes the change into the draft where the draft still holds the shifts, with an
 * audit row per seat; a new seat of a pick-up gets its id here */
static gboolean
write_draft(RosterEngine *self,
	    RosterPrincipal *principal,
	    RosterRosterEdit *edit,
	    const RosterHotlineAssignment **old,
	    RosterHotlineAssignment **changed,
	    guint n,
	    GError **error)
{
	RosterStore *store = roster_engine_get_store(self);

	for (guint i = 0; i < n; i++) {
		g_autoptr(JsonNode) before = NULL;
		g_autoptr(JsonNode) after = NULL;
		if (old[i] == NULL) {
			g_autoptr(GPtrArray) draft =
			    roster_store_list_assignments(store, edit->roster->id, 0, error);
			if (draft == NULL)
				return FALSE;
			changed[i]->seat_no = free_seat_in(edit->hotline->previous,
							   draft,
							   changed[i],
							   cell_requirement(edit, changed[i]));
			if (changed[i]->seat_no == 0)
				return roster_requests_refuse(error,
							      ROSTER_ERROR_CONFLICT,
							      ROSTER_REQUEST_REFUSAL_SEAT_TAKEN,
							      "the draft holds the seat");
			if (!roster_store_insert_assignment(store,
							    edit->roster->id,
							    changed[i],
							    error))
				return FALSE;
		} else {
			g_autofree RosterHotlineAssignment *twin =
			    draft_twin(store, edit->roster->id, old[i]);
			if (twin == NULL)
				continue;
			twin->volunteer_id = changed[i]->volunteer_id;
			twin->source = ROSTER_HOTLINE_SOURCE_MANUAL;
			if (!roster_store_update_assignment(store, edit->roster->id, twin, error))
				return FALSE;
			before = roster_rosters_assignment_to_node(old[i]);
		}
		after = roster_rosters_assignment_to_node(changed[i]);
		if (!roster_engine_add_audit(self,
					     principal,
					     ROSTER_ACTION_UPDATE,
					     ROSTER_COLLECTION_ASSIGNMENTS,
					     changed[i]->id,
					     before,
					     after,
					     error))
			return FALSE;
	}
	return TRUE;
}

/* the draft's score again, as a hand edit leaves it */
static gboolean
rescore_draft(RosterEngine *self, RosterRosterEdit *edit, GError **error)
{
	g_autoptr(GPtrArray) draft = roster_store_list_assignments(roster_engine_get_store(self),
								   edit->roster->id,
								   0,
								   error);
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(JsonNode) score = NULL;

	if (draft == NULL)
		return FALSE;
	roster = roster_hotline_model_from_assignments(edit->model, draft, NULL);
	/* a draft the model cannot hold keeps its stored score */
	if (roster == NULL)
		return TRUE;
	score = roster_rosters_score_node(edit->model, roster);
	g_free(edit->roster->score);
	edit->roster->score = roster_rosters_dup_stored_score(self, score, error);
	return edit->roster->score != NULL;
}

/**
 * roster_requests_apply:
 * @self: an engine
 * @principal: who approves
 * @edit: the published roster, read inside the caller's transaction
 * @row: an accepted request
 * @version: (out): the number of the version that carries the change
 * @error: (nullable): return location for a #GError
 *
 * The published versions are immutable: the change becomes the roster's next version
 * (the last one with the seats changed), so the feeds raise the events' SEQUENCE, the
 * diff names the change and the hours read it. The draft takes the same change where
 * it still holds the shifts, so that the next publication keeps it.
 *
 * Returns: whether it was written
 **/
gboolean
roster_requests_apply(RosterEngine *self,
		      RosterPrincipal *principal,
		      RosterRosterEdit *edit,
		      JsonObject *row,
		      gint64 *version,
		      GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	const RosterHotlineAssignment *old[2] = {NULL, NULL};
	RosterHotlineAssignment *changed[2] = {NULL, NULL};
	g_autoptr(GPtrArray) published = g_ptr_array_new();
	g_autoptr(RosterSolverRoster) after = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) copy = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *score_text = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	gboolean ok;
	guint n;

	if (!roster_rosters_check_not_solving(self, edit->roster->id, error))
		return FALSE;
	n = row_changes(edit,
			row,
			roster_requests_row_int(row, ROSTER_KEY_TAKER_ID),
			old,
			changed,
			error);
	if (n == 0)
		return FALSE;
	ok = roster_rosters_check_reassign(edit,
					   old,
					   (const RosterHotlineAssignment *const *)changed,
					   n,
					   error) &&
	     write_draft(self, principal, edit, old, changed, n, error);
	if (ok) {
		/* the last version with the changed seats in place of the old ones */
		for (guint i = 0; i < edit->hotline->previous->len; i++) {
			RosterHotlineAssignment *a = g_ptr_array_index(edit->hotline->previous, i);
			for (guint j = 0; j < n; j++) {
				if (old[j] != NULL && old[j]->id == a->id)
					a = changed[j];
			}
			g_ptr_array_add(published, a);
		}
		for (guint j = 0; j < n; j++) {
			if (old[j] == NULL)
				g_ptr_array_add(published, changed[j]);
		}
		after = roster_hotline_model_from_assignments(edit->model, published, error);
		ok = after != NULL;
	}
	if (ok) {
		score = roster_rosters_score_node(edit->model, after);
		score_text = json_to_string(score, FALSE);
		copy = roster_rosters_assignments_to_node(published);
		text = json_to_string(copy, FALSE);
		ok = rescore_draft(self, edit, error);
	}
	if (ok) {
		edit->roster->n_versions++;
		ok = roster_store_insert_version(store,
						 edit->roster->id,
						 edit->roster->n_versions,
						 now,
						 roster_principal_get_username(principal),
						 score_text,
						 text,
						 error) &&
		     roster_store_update_roster(store, edit->roster, now, error);
	}
	g_free(changed[0]);
	g_free(changed[1]);
	*version = edit->roster->n_versions;
	return ok;
}
