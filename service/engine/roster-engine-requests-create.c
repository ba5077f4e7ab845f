/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* making a shift request (a volunteer's swap, give-away or pick-up of a published
 * shift), what a volunteer is offered under the hard rules (the colleagues who may take
 * a give-away, the shifts to swap with, the open seats) and the coordinator's rule for
 * approving requests by themselves */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-notify.h"
#include "roster-engine-requests-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-store-hours.h"

static JsonNode *
rules_node(const RosterRequestRules *rules)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_AUTO_APPROVE);
	json_builder_add_boolean_value(b, rules->auto_approve);
	json_builder_set_member_name(b, ROSTER_KEY_MIN_HOURS_AHEAD);
	json_builder_add_int_value(b, rules->min_hours_ahead);
	json_builder_set_member_name(b, ROSTER_KEY_SAME_SEAT_CLASS);
	json_builder_add_boolean_value(b, rules->same_seat_class);
	json_builder_set_member_name(b, ROSTER_KEY_ALLOW_CRISIS);
	json_builder_add_boolean_value(b, rules->allow_crisis);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_engine_get_request_rules:
 * @self: an engine
 * @principal: staff
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the request rules
 **/
JsonNode *
roster_engine_get_request_rules(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	RosterRequestRules rules;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_STAFF,
					    ROSTER_COLLECTION_REQUESTS,
					    "not allowed",
					    error) ||
	    !roster_engine_ensure_open(self, error) ||
	    !roster_requests_load_rules(self, &rules, error))
		return NULL;
	return rules_node(&rules);
}

static gboolean
read_bool(JsonObject *obj, const gchar *key, gboolean *value, GError **error)
{
	JsonNode *node = json_object_get_member(obj, key);

	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_BOOLEAN)
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      key,
					      "must be true or false");
	*value = json_node_get_boolean(node);
	return TRUE;
}

/**
 * roster_engine_set_request_rules:
 * @self: an engine
 * @principal: a planner
 * @body: any of {"auto_approve", "min_hours_ahead", "same_seat_class", "allow_crisis"}
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the rules as stored
 **/
JsonNode *
roster_engine_set_request_rules(RosterEngine *self,
				RosterPrincipal *principal,
				JsonNode *body,
				GError **error)
{
	RosterStore *store;
	RosterRequestRules rules;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *text = NULL;
	JsonObject *obj;
	JsonNode *hours;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(
		principal,
		ROSTER_ROLES_PLANNERS,
		ROSTER_COLLECTION_REQUESTS,
		"only admins and coordinators may set the request rules",
		error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL || !roster_requests_load_rules(self, &rules, error))
		return NULL;
	before = rules_node(&rules);
	hours = json_object_get_member(obj, ROSTER_KEY_MIN_HOURS_AHEAD);
	if (hours != NULL) {
		if (!roster_rosters_is_int(obj, ROSTER_KEY_MIN_HOURS_AHEAD) ||
		    json_node_get_int(hours) < 0 || json_node_get_int(hours) > 24 * 366) {
			roster_requests_refuse(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_MIN_HOURS_AHEAD,
					       "must be whole hours from 0 to 8784");
			return NULL;
		}
		rules.min_hours_ahead = json_node_get_int(hours);
	}
	if (!read_bool(obj, ROSTER_KEY_AUTO_APPROVE, &rules.auto_approve, error) ||
	    !read_bool(obj, ROSTER_KEY_SAME_SEAT_CLASS, &rules.same_seat_class, error) ||
	    !read_bool(obj, ROSTER_KEY_ALLOW_CRISIS, &rules.allow_crisis, error))
		return NULL;
	after = rules_node(&rules);
	text = json_to_string(after, FALSE);
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_set_setting(store, ROSTER_SETTING_REQUEST_RULES, text, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     ROSTER_ACTION_UPDATE,
					     ROSTER_SETTING_REQUEST_RULES,
					     0,
					     before,
					     after,
					     error))
		return NULL;
	return g_steal_pointer(&after);
}

static gboolean
read_id(JsonObject *obj, const gchar *key, gboolean required, gint64 *id, GError **error)
{
	*id = 0;
	if (!json_object_has_member(obj, key) && !required)
		return TRUE;
	if (!roster_rosters_is_int(obj, key) || json_object_get_int_member(obj, key) <= 0)
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      key,
					      "must be the id of a record");
	*id = json_object_get_int_member(obj, key);
	return TRUE;
}

/* the shift's members of @a in @row, with @target for the colleague's */
static void
set_shift(JsonObject *row, const RosterHotlineAssignment *a, gboolean target)
{
	g_autofree gchar *date = roster_datetime_format_date(a->date);
	g_autofree gchar *slot = roster_datetime_format_time(a->slot_start);

	json_object_set_string_member(row, target ? ROSTER_KEY_TARGET_DATE : ROSTER_KEY_DATE, date);
	json_object_set_string_member(row, target ? ROSTER_KEY_TARGET_SLOT : ROSTER_KEY_SLOT, slot);
	json_object_set_int_member(row,
				   target ? ROSTER_KEY_TARGET_SEAT_CLASS_ID
					  : ROSTER_KEY_SEAT_CLASS_ID,
				   a->seat_class_id);
	json_object_set_int_member(row,
				   target ? ROSTER_KEY_TARGET_ASSIGNMENT_ID
					  : ROSTER_KEY_ASSIGNMENT_ID,
				   a->id);
	if (!target)
		json_object_set_int_member(row, ROSTER_KEY_SEAT_NO, a->seat_no);
}

/* the caller's published shift @key of @obj, or a colleague's with @colleague: another's
 * id is not found, like an unknown one */
static const RosterHotlineAssignment *
read_shift(const RosterRosterEdit *edit,
	   JsonObject *obj,
	   const gchar *key,
	   gint64 me,
	   gboolean colleague,
	   GError **error)
{
	const RosterHotlineAssignment *a;
	gint64 id = 0;

	if (!read_id(obj, key, TRUE, &id, error))
		return NULL;
	a = roster_requests_find_published(edit, id);
	if (a == NULL || (!colleague && a->volunteer_id != me)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_NOT_FOUND,
				       key,
				       "requests: no shift %" G_GINT64_FORMAT,
				       id);
		return NULL;
	}
	if (colleague && a->volunteer_id == me) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "must be a colleague's shift");
		return NULL;
	}
	return a;
}

/* the open seat of a pick-up body in @row */
static gboolean
read_open_seat(const RosterRosterEdit *edit, JsonObject *obj, JsonObject *row, GError **error)
{
	guint32 date = 0;
	gint slot = -1;
	gint64 seat_class = 0;
	guint seat_no;

	if (!roster_datetime_parse_date(roster_engine_json_get_string(obj, ROSTER_KEY_DATE), &date))
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      ROSTER_KEY_DATE,
					      "must be a date YYYY-MM-DD");
	if (!roster_datetime_parse_time(roster_engine_json_get_string(obj, ROSTER_KEY_SLOT), &slot))
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      ROSTER_KEY_SLOT,
					      "must be the start HH:MM of a slot");
	if (!read_id(obj, ROSTER_KEY_SEAT_CLASS_ID, TRUE, &seat_class, error))
		return FALSE;
	seat_no = roster_requests_open_seat_no(edit, date, slot, seat_class);
	if (seat_no == 0)
		return roster_requests_refuse(error,
					      ROSTER_ERROR_CONFLICT,
					      ROSTER_REQUEST_REFUSAL_SEAT_TAKEN,
					      "no open seat there");
	json_object_set_string_member(row,
				      ROSTER_KEY_DATE,
				      roster_engine_json_get_string(obj, ROSTER_KEY_DATE));
	json_object_set_string_member(row,
				      ROSTER_KEY_SLOT,
				      roster_engine_json_get_string(obj, ROSTER_KEY_SLOT));
	json_object_set_int_member(row, ROSTER_KEY_SEAT_CLASS_ID, seat_class);
	json_object_set_int_member(row, ROSTER_KEY_SEAT_NO, seat_no);
	return TRUE;
}

/* the members of a new request from its body, checked against the published roster */
static gboolean
read_request(RosterEngine *self,
	     const RosterRosterEdit *edit,
	     JsonObject *obj,
	     const gchar *kind,
	     gint64 me,
	     JsonObject *row,
	     GError **error)
{
	const RosterHotlineAssignment *mine = NULL;
	const RosterHotlineAssignment *theirs = NULL;
	g_autoptr(GTimeZone) tz = NULL;
	g_autofree gchar *starts = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	const gchar *note = roster_engine_json_get_string(obj, ROSTER_KEY_NOTE);
	gint64 colleague = 0;
	guint32 date = 0;
	gint slot = -1;

	if (json_object_has_member(obj, ROSTER_KEY_NOTE) &&
	    (note == NULL || g_utf8_strlen(note, -1) > 500))
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      ROSTER_KEY_NOTE,
					      "must be text of at most 500 characters");
	if (note != NULL)
		json_object_set_string_member(row, ROSTER_KEY_NOTE, note);
	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_PICKUP) == 0) {
		if (!read_open_seat(edit, obj, row, error))
			return FALSE;
		json_object_set_int_member(row, ROSTER_KEY_TAKER_ID, me);
	} else {
		mine = read_shift(edit, obj, ROSTER_KEY_ASSIGNMENT_ID, me, FALSE, error);
		if (mine == NULL)
			return FALSE;
		set_shift(row, mine, FALSE);
	}
	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_SWAP) == 0) {
		theirs = read_shift(edit, obj, ROSTER_KEY_TARGET_ASSIGNMENT_ID, me, TRUE, error);
		if (theirs == NULL)
			return FALSE;
		set_shift(row, theirs, TRUE);
		colleague = theirs->volunteer_id;
	} else if (g_strcmp0(kind, ROSTER_REQUEST_KIND_GIVEAWAY) == 0) {
		if (!read_id(obj, ROSTER_KEY_VOLUNTEER_ID, FALSE, &colleague, error))
			return FALSE;
		if (colleague != 0 &&
		    (colleague == me ||
		     roster_hotline_model_find_person(edit->model, colleague) < 0))
			return roster_requests_refuse(error,
						      ROSTER_ERROR_INVALID_DATA,
						      ROSTER_KEY_VOLUNTEER_ID,
						      "must be a colleague");
	}
	if (colleague != 0)
		json_object_set_int_member(row, ROSTER_KEY_TARGET_VOLUNTEER_ID, colleague);

	/* the request ends when its first shift starts: one already begun is refused */
	tz = roster_requests_dup_time_zone(self, error);
	if (tz == NULL)
		return FALSE;
	roster_datetime_parse_date(json_object_get_string_member(row, ROSTER_KEY_DATE), &date);
	roster_datetime_parse_time(json_object_get_string_member(row, ROSTER_KEY_SLOT), &slot);
	starts = roster_requests_dup_start(edit, tz, date, slot);
	if (theirs != NULL) {
		g_autofree gchar *other =
		    roster_requests_dup_start(edit, tz, theirs->date, theirs->slot_start);
		if (g_strcmp0(other, starts) < 0) {
			g_free(starts);
			starts = g_steal_pointer(&other);
		}
	}
	if (g_strcmp0(starts, now) <= 0)
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      ROSTER_REQUEST_REFUSAL_SHIFT_STARTED,
					      "the shift has already started");
	json_object_set_string_member(row, ROSTER_KEY_STARTS_AT, starts);
	json_object_set_string_member(row, ROSTER_KEY_CREATED, now);
	return TRUE;
}

/* ROSTER_ERROR_CONFLICT when a pending request holds the shift or claims the seat */
static gboolean
check_not_pending(RosterEngine *self, JsonObject *row, GError **error)
{
	gint64 count = 0;
	gint64 assignment = roster_requests_row_int(row, ROSTER_KEY_ASSIGNMENT_ID);
	gint64 target = roster_requests_row_int(row, ROSTER_KEY_TARGET_ASSIGNMENT_ID);

	for (guint i = 0; i < 2; i++) {
		gint64 id = i == 0 ? assignment : target;
		if (i == 1 && id == 0)
			break;
		if (!roster_store_count_active_requests(
			roster_engine_get_store(self),
			roster_requests_row_int(row, ROSTER_KEY_ROSTER_ID),
			id,
			json_object_get_string_member(row, ROSTER_KEY_DATE),
			json_object_get_string_member(row, ROSTER_KEY_SLOT),
			roster_requests_row_int(row, ROSTER_KEY_SEAT_CLASS_ID),
			i == 0 && assignment == 0 ? roster_requests_row_int(row, ROSTER_KEY_SEAT_NO)
						  : 0,
			&count,
			error))
			return FALSE;
		if (count > 0)
			return roster_requests_refuse(
			    error,
			    ROSTER_ERROR_CONFLICT,
			    assignment == 0 ? ROSTER_REQUEST_REFUSAL_SEAT_CLAIMED
					    : ROSTER_REQUEST_REFUSAL_PENDING,
			    assignment == 0 ? "someone else claimed the seat first"
					    : "a request about the shift is pending");
	}
	return TRUE;
}

/* inside the transaction: the new request, audited, and approved at once when it
 * is a pick-up the rules allow */
static JsonObject *
insert_request(RosterEngine *self,
	       RosterPrincipal *principal,
	       RosterRosterEdit *edit,
	       JsonObject *row,
	       GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonObject) stored = NULL;
	g_autoptr(JsonNode) after = NULL;
	RosterRequestRules rules;
	gint64 id;

	if (!check_not_pending(self, row, error))
		return NULL;
	id = roster_store_insert_request(store, row, error);
	if (id == 0)
		return NULL;
	stored = roster_store_get_request(store, id, error);
	if (stored == NULL)
		return NULL;
	after = json_node_new(JSON_NODE_OBJECT);
	json_node_set_object(after, stored);
	if (!roster_engine_add_audit(self,
				     principal,
				     ROSTER_ACTION_CREATE,
				     ROSTER_COLLECTION_REQUESTS,
				     id,
				     NULL,
				     after,
				     error) ||
	    !roster_requests_load_rules(self, &rules, error))
		return NULL;
	if (g_strcmp0(json_object_get_string_member(stored, ROSTER_KEY_STATE),
		      ROSTER_REQUEST_ACCEPTED) != 0 ||
	    !roster_requests_rules_allow(&rules, edit, stored))
		return g_steal_pointer(&stored);
	return roster_requests_approve(self, principal, edit, stored, TRUE, NULL, error);
}

/**
 * roster_engine_create_request:
 * @self: an engine
 * @principal: a volunteer
 * @body: the request
 * @error: (nullable): return location for a #GError
 *
 * A swap or a give-away to a named colleague and a pick-up are checked under every
 * hard rule before anyone sees them; the whole request is one transaction, so of two
 * pick-ups of one seat at once exactly one is made and the other is
 * ROSTER_ERROR_CONFLICT "seat-claimed".
 *
 * Returns: (transfer full): the new request
 **/
JsonNode *
roster_engine_create_request(RosterEngine *self,
			     RosterPrincipal *principal,
			     JsonNode *body,
			     GError **error)
{
	const gchar *const kinds[] = {ROSTER_REQUEST_KIND_SWAP,
				      ROSTER_REQUEST_KIND_GIVEAWAY,
				      ROSTER_REQUEST_KIND_PICKUP,
				      NULL};
	g_autoptr(GHashTable) edits = roster_requests_new_edits();
	g_autoptr(JsonObject) row = json_object_new();
	g_autoptr(JsonObject) made = NULL;
	RosterRosterEdit *edit = NULL;
	JsonObject *obj;
	const gchar *kind;
	gint64 me = roster_principal_get_volunteer_id(principal);
	gint64 roster_id = 0;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_requests_check_caller(self, principal, error))
		return NULL;
	if (roster_requests_is_staff(principal)) {
		roster_requests_refuse(
		    error,
		    ROSTER_ERROR_PERMISSION_DENIED,
		    ROSTER_REQUEST_REFUSAL_NOT_PARTY,
		    "only volunteers make requests; coordinators edit the roster");
		return NULL;
	}
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL || !roster_requests_expire_now(self, error))
		return NULL;
	kind = roster_engine_json_get_string(obj, ROSTER_KEY_KIND);
	if (kind == NULL || !g_strv_contains(kinds, kind)) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_KIND,
				       "must be swap, giveaway or pickup");
		return NULL;
	}
	if (!read_id(obj, ROSTER_KEY_ROSTER_ID, TRUE, &roster_id, error) ||
	    !roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	json_object_set_string_member(row, ROSTER_KEY_KIND, kind);
	json_object_set_string_member(row,
				      ROSTER_KEY_STATE,
				      g_strcmp0(kind, ROSTER_REQUEST_KIND_PICKUP) == 0
					  ? ROSTER_REQUEST_ACCEPTED
					  : ROSTER_REQUEST_OPEN);
	json_object_set_int_member(row, ROSTER_KEY_ROSTER_ID, roster_id);
	json_object_set_int_member(row, ROSTER_KEY_REQUESTER_ID, me);
	edit = roster_requests_edit_for(self, edits, roster_id, error);
	ok = edit != NULL && read_request(self, edit, obj, kind, me, row, error);
	/* a swap, a named give-away and a pick-up must keep the rules before anyone sees
	 * them; a give-away to all is checked for each colleague who may take it */
	if (ok && roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID) != 0)
		ok = roster_requests_check(
		    edit,
		    row,
		    roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID),
		    error);
	else if (ok && g_strcmp0(kind, ROSTER_REQUEST_KIND_PICKUP) == 0)
		ok = roster_requests_check(edit, row, me, error);
	if (ok) {
		made = insert_request(self, principal, edit, row, error);
		/* the request's first messages go in its transaction */
		ok = made != NULL && roster_engine_notify_request(self, made, error);
	}
	if (!roster_engine_end_write(self, ok, error))
		return NULL;
	return roster_requests_node(self, made);
}

/* adds the open seats of one published roster to @items; a volunteer's only when it
 * may take them under every hard rule and nobody claimed them */
static gboolean
add_open_seats(RosterEngine *self,
	       RosterPrincipal *principal,
	       const RosterRosterEdit *edit,
	       GTimeZone *tz,
	       const gchar *now,
	       JsonArray *items,
	       GError **error)
{
	gint64 me = roster_principal_get_volunteer_id(principal);
	gboolean staff = roster_requests_is_staff(principal);

	for (guint d = 0; d < edit->hotline->n_days; d++) {
		guint32 date = edit->hotline->first_day + d;
		g_autofree gchar *date_text = roster_datetime_format_date(date);
		for (guint k = 0; k < edit->model->n_slots; k++) {
			gint start = roster_hotline_model_slot_start(edit->model, k);
			g_autofree gchar *slot_text = roster_datetime_format_time(start);
			g_autofree gchar *starts = roster_requests_dup_start(edit, tz, date, start);
			if (g_strcmp0(starts, now) <= 0)
				continue;
			for (guint c = 0; c < edit->model->n_classes; c++) {
				const RosterHotlineSeatClass *sc =
				    roster_hotline_model_get_seat_class(edit->model, c);
				guint seat =
				    roster_requests_open_seat_no(edit, date, start, sc->id);
				g_autoptr(JsonObject) row = NULL;
				gint64 claims = 0;
				if (seat == 0)
					continue;
				if (!roster_store_count_active_requests(
					roster_engine_get_store(self),
					edit->roster->id,
					0,
					date_text,
					slot_text,
					sc->id,
					seat,
					&claims,
					error))
					return FALSE;
				if (claims > 0)
					continue;
				row = json_object_new();
				json_object_set_int_member(row,
							   ROSTER_KEY_ROSTER_ID,
							   edit->roster->id);
				json_object_set_string_member(row,
							      ROSTER_KEY_NAME,
							      edit->roster->name);
				json_object_set_string_member(row,
							      ROSTER_KEY_KIND,
							      ROSTER_REQUEST_KIND_PICKUP);
				json_object_set_string_member(row, ROSTER_KEY_DATE, date_text);
				json_object_set_string_member(row, ROSTER_KEY_SLOT, slot_text);
				json_object_set_int_member(row, ROSTER_KEY_SEAT_CLASS_ID, sc->id);
				json_object_set_int_member(row, ROSTER_KEY_SEAT_NO, seat);
				json_object_set_boolean_member(row, ROSTER_KEY_CRISIS, sc->crisis);
				json_object_set_string_member(row, ROSTER_KEY_STARTS_AT, starts);
				json_object_set_int_member(row, ROSTER_KEY_REQUESTER_ID, me);
				if (!staff && !roster_requests_check(edit, row, me, NULL))
					continue;
				json_object_remove_member(row, ROSTER_KEY_KIND);
				json_object_remove_member(row, ROSTER_KEY_REQUESTER_ID);
				json_array_add_object_element(items, g_steal_pointer(&row));
			}
		}
	}
	return TRUE;
}

/**
 * roster_engine_list_open_seats:
 * @self: an engine
 * @principal: the caller
 * @params: (nullable): "roster_id": one published roster, else every published roster
 *   whose period has not ended
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [{roster_id, name, date, slot, seat_class_id,
 *   seat_no, crisis, starts_at}], "total"}, in time order per roster
 **/
JsonNode *
roster_engine_list_open_seats(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error)
{
	const gchar *text = params != NULL ? g_hash_table_lookup(params, ROSTER_KEY_ROSTER_ID)
					   : NULL;
	g_autoptr(GHashTable) edits = roster_requests_new_edits();
	g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(JsonArray) items = json_array_new();
	g_autoptr(GTimeZone) tz = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *today = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_requests_check_caller(self, principal, error) ||
	    !roster_requests_expire_now(self, error))
		return NULL;
	tz = roster_requests_dup_time_zone(self, error);
	if (tz == NULL)
		return NULL;
	if (text != NULL) {
		guint64 id = 0;
		if (!g_ascii_string_to_unsigned(text, 10, 1, G_MAXINT64, &id, NULL)) {
			roster_requests_refuse(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_ROSTER_ID,
					       "must be the id of a roster");
			return NULL;
		}
		g_array_append_val(ids, id);
	} else {
		g_autoptr(GPtrArray) rosters =
		    roster_store_list_rosters(roster_engine_get_store(self), error);
		if (rosters == NULL)
			return NULL;
		today = roster_datetime_dup_today(tz);
		for (guint i = 0; i < rosters->len; i++) {
			RosterStoreRoster *r = g_ptr_array_index(rosters, i);
			if (r->n_versions > 0 && g_strcmp0(r->period_end, today) >= 0)
				g_array_append_val(ids, r->id);
		}
	}
	for (guint i = 0; i < ids->len; i++) {
		RosterRosterEdit *edit =
		    roster_requests_edit_for(self, edits, g_array_index(ids, gint64, i), error);
		if (edit == NULL || !add_open_seats(self, principal, edit, tz, now, items, error))
			return NULL;
	}
	return roster_engine_new_list(items, -1);
}

/* the positive id of query parameter @key */
static gboolean
read_param_id(GHashTable *params, const gchar *key, gint64 *id, GError **error)
{
	const gchar *text = params != NULL ? g_hash_table_lookup(params, key) : NULL;
	guint64 value = 0;

	if (text == NULL || !g_ascii_string_to_unsigned(text, 10, 1, G_MAXINT64, &value, NULL))
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      key,
					      "must be the id of a record");
	*id = (gint64)value;
	return TRUE;
}

/**
 * roster_engine_list_swap_options:
 * @self: an engine
 * @principal: a volunteer
 * @params: "roster_id" and "assignment_id", the caller's published shift
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [{assignment_id, volunteer_id, volunteer_name,
 *   volunteer_counsellor_no, date, slot, seat_class_id}], "total"}: the colleagues'
 *   shifts not yet begun whose swap with the caller's keeps every hard rule
 **/
JsonNode *
roster_engine_list_swap_options(RosterEngine *self,
				RosterPrincipal *principal,
				GHashTable *params,
				GError **error)
{
	g_autoptr(GHashTable) edits = roster_requests_new_edits();
	g_autoptr(JsonArray) items = json_array_new();
	g_autoptr(GTimeZone) tz = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	const RosterHotlineAssignment *mine;
	RosterRosterEdit *edit;
	gint64 me = roster_principal_get_volunteer_id(principal);
	gint64 roster_id = 0;
	gint64 assignment_id = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_requests_check_caller(self, principal, error))
		return NULL;
	if (roster_requests_is_staff(principal)) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_PERMISSION_DENIED,
				       ROSTER_REQUEST_REFUSAL_NOT_PARTY,
				       "only volunteers swap their shifts");
		return NULL;
	}
	if (!read_param_id(params, ROSTER_KEY_ROSTER_ID, &roster_id, error) ||
	    !read_param_id(params, ROSTER_KEY_ASSIGNMENT_ID, &assignment_id, error))
		return NULL;
	tz = roster_requests_dup_time_zone(self, error);
	edit = tz != NULL ? roster_requests_edit_for(self, edits, roster_id, error) : NULL;
	if (edit == NULL)
		return NULL;
	mine = roster_requests_find_published(edit, assignment_id);
	if (mine == NULL || mine->volunteer_id != me) {
		roster_error_set_field(error,
				       ROSTER_ERROR_NOT_FOUND,
				       ROSTER_KEY_ASSIGNMENT_ID,
				       "requests: no shift %" G_GINT64_FORMAT,
				       assignment_id);
		return NULL;
	}
	for (guint i = 0; i < edit->hotline->previous->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(edit->hotline->previous, i);
		g_autofree gchar *starts = NULL;
		g_autoptr(JsonObject) row = NULL;
		JsonObject *item;
		if (a->volunteer_id == me)
			continue;
		starts = roster_requests_dup_start(edit, tz, a->date, a->slot_start);
		if (g_strcmp0(starts, now) <= 0)
			continue;
		row = json_object_new();
		json_object_set_string_member(row, ROSTER_KEY_KIND, ROSTER_REQUEST_KIND_SWAP);
		json_object_set_int_member(row, ROSTER_KEY_REQUESTER_ID, me);
		json_object_set_int_member(row, ROSTER_KEY_TARGET_VOLUNTEER_ID, a->volunteer_id);
		set_shift(row, mine, FALSE);
		set_shift(row, a, TRUE);
		if (!roster_requests_check(edit, row, a->volunteer_id, NULL))
			continue;
		item = json_object_new();
		json_object_set_int_member(item, ROSTER_KEY_ASSIGNMENT_ID, a->id);
		json_object_set_int_member(item, ROSTER_KEY_VOLUNTEER_ID, a->volunteer_id);
		roster_requests_add_person(self, item, "volunteer", a->volunteer_id);
		json_object_set_string_member(
		    item,
		    ROSTER_KEY_DATE,
		    json_object_get_string_member(row, ROSTER_KEY_TARGET_DATE));
		json_object_set_string_member(
		    item,
		    ROSTER_KEY_SLOT,
		    json_object_get_string_member(row, ROSTER_KEY_TARGET_SLOT));
		json_object_set_int_member(item, ROSTER_KEY_SEAT_CLASS_ID, a->seat_class_id);
		json_array_add_object_element(items, item);
	}
	return roster_engine_new_list(items, -1);
}

/**
 * roster_engine_list_request_candidates:
 * @self: an engine
 * @principal: the requester or staff
 * @id: an open give-away
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [{volunteer_id, name, counsellor_no, tier,
 *   cost}], "total"}: those who break no hard rule, cheapest for the roster first
 **/
JsonNode *
roster_engine_list_request_candidates(RosterEngine *self,
				      RosterPrincipal *principal,
				      gint64 id,
				      GError **error)
{
	g_autoptr(GHashTable) edits = roster_requests_new_edits();
	g_autoptr(JsonObject) row = NULL;
	g_autoptr(GArray) ranked = NULL;
	g_autoptr(JsonArray) items = json_array_new();
	RosterRosterEdit *edit;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	row = roster_requests_read_visible(self, principal, edits, id, error);
	if (row == NULL)
		return NULL;
	if (!roster_requests_is_staff(principal) &&
	    roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID) !=
		roster_principal_get_volunteer_id(principal)) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_PERMISSION_DENIED,
				       ROSTER_REQUEST_REFUSAL_NOT_PARTY,
				       "only the volunteer who asked sees the candidates");
		return NULL;
	}
	if (g_strcmp0(json_object_get_string_member(row, ROSTER_KEY_KIND),
		      ROSTER_REQUEST_KIND_GIVEAWAY) != 0 ||
	    g_strcmp0(json_object_get_string_member(row, ROSTER_KEY_STATE), ROSTER_REQUEST_OPEN) !=
		0) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_CONFLICT,
				       ROSTER_REQUEST_REFUSAL_STATE,
				       "only an open give-away has candidates");
		return NULL;
	}
	edit = roster_requests_edit_for(self,
					edits,
					roster_requests_row_int(row, ROSTER_KEY_ROSTER_ID),
					error);
	if (edit == NULL)
		return NULL;
	ranked = roster_requests_rank_takers(edit, row);
	for (guint i = 0; i < ranked->len; i++) {
		RosterRosterCandidate *cand = &g_array_index(ranked, RosterRosterCandidate, i);
		const RosterHotlineVolunteer *v =
		    roster_hotline_model_get_volunteer(edit->model, cand->person);
		JsonObject *obj = json_object_new();
		json_object_set_int_member(obj, ROSTER_KEY_VOLUNTEER_ID, v->id);
		roster_requests_add_person(self, obj, "volunteer", v->id);
		json_object_set_string_member(obj,
					      ROSTER_KEY_TIER,
					      roster_hotline_tier_to_string(v->tier));
		json_object_set_int_member(obj, ROSTER_KEY_COST, cand->soft);
		json_array_add_object_element(items, obj);
	}
	return roster_engine_new_list(items, -1);
}
