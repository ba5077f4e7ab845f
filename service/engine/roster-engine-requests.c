/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* shift requests: who may make, see and move a swap, give-away or pick-up through its
 * states, each move a conditional update audited in its own transaction, expiry at the
 * first shift's start and the coordinator's rule for approving without a look */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-notify.h"
#include "roster-engine-requests-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-record.h"
#include "roster-store-hours.h"

#define REQUEST_RULES_COLLECTION "request-rules"

static gboolean
not_found(GError **error, gint64 id)
{
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_NOT_FOUND,
		    "requests: no record %" G_GINT64_FORMAT,
		    id);
	return FALSE;
}

gboolean
roster_requests_is_staff(RosterPrincipal *principal)
{
	return roster_principal_get_role(principal) != ROSTER_ROLE_VOLUNTEER &&
	       roster_principal_get_role(principal) != ROSTER_ROLE_NONE;
}

static gboolean
is_planner(RosterPrincipal *principal)
{
	return roster_principal_get_role(principal) == ROSTER_ROLE_ADMIN ||
	       roster_principal_get_role(principal) == ROSTER_ROLE_COORDINATOR;
}

static gboolean
is_party(JsonObject *row, gint64 volunteer_id)
{
	return volunteer_id > 0 &&
	       (roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID) == volunteer_id ||
		roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID) == volunteer_id ||
		roster_requests_row_int(row, ROSTER_KEY_TAKER_ID) == volunteer_id);
}

static gboolean
is_kind(JsonObject *row, const gchar *kind)
{
	return g_strcmp0(json_object_get_string_member(row, ROSTER_KEY_KIND), kind) == 0;
}

/* a give-away to anyone eligible */
static gboolean
is_to_all(JsonObject *row)
{
	return is_kind(row, ROSTER_REQUEST_KIND_GIVEAWAY) &&
	       roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID) == 0;
}

/* signed in, and a volunteer linked to its volunteer record or staff */
gboolean
roster_requests_check_caller(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_SIGNED_IN,
					    ROSTER_COLLECTION_REQUESTS,
					    "not allowed",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return FALSE;
	if (!roster_requests_is_staff(principal) &&
	    roster_principal_get_volunteer_id(principal) <= 0)
		return roster_requests_refuse(error,
					      ROSTER_ERROR_PERMISSION_DENIED,
					      ROSTER_REQUEST_REFUSAL_NOT_PARTY,
					      "the account is linked to no volunteer");
	return TRUE;
}

/* the rules as stored, or the defaults: nothing approved by itself */
gboolean
roster_requests_load_rules(RosterEngine *self, RosterRequestRules *rules, GError **error)
{
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) node = NULL;
	JsonObject *obj;

	rules->auto_approve = FALSE;
	rules->min_hours_ahead = 48;
	rules->same_seat_class = TRUE;
	rules->allow_crisis = FALSE;
	if (!roster_store_get_setting(roster_engine_get_store(self),
				      ROSTER_SETTING_REQUEST_RULES,
				      &text,
				      error))
		return FALSE;
	node = text != NULL ? json_from_string(text, NULL) : NULL;
	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return TRUE;
	obj = json_node_get_object(node);
	rules->auto_approve =
	    json_object_get_boolean_member_with_default(obj, ROSTER_KEY_AUTO_APPROVE, FALSE);
	rules->min_hours_ahead =
	    json_object_get_int_member_with_default(obj, ROSTER_KEY_MIN_HOURS_AHEAD, 48);
	rules->same_seat_class =
	    json_object_get_boolean_member_with_default(obj, ROSTER_KEY_SAME_SEAT_CLASS, TRUE);
	rules->allow_crisis =
	    json_object_get_boolean_member_with_default(obj, ROSTER_KEY_ALLOW_CRISIS, FALSE);
	return TRUE;
}

static gboolean
is_crisis_class(const RosterRosterEdit *edit, gint64 seat_class_id)
{
	gint c = roster_hotline_model_find_class(edit->model, seat_class_id);
	return c >= 0 && roster_hotline_model_get_seat_class(edit->model, (guint)c)->crisis;
}

/* whether the rules approve @row by themselves: on, the first shift far enough ahead,
 * the seats of one class and no crisis seat unless allowed */
gboolean
roster_requests_rules_allow(const RosterRequestRules *rules,
			    const RosterRosterEdit *edit,
			    JsonObject *row)
{
	g_autoptr(GDateTime) start = NULL;
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	gint64 seat_class = roster_requests_row_int(row, ROSTER_KEY_SEAT_CLASS_ID);
	gint64 target_class = roster_requests_row_int(row, ROSTER_KEY_TARGET_SEAT_CLASS_ID);

	if (!rules->auto_approve)
		return FALSE;
	start =
	    g_date_time_new_from_iso8601(json_object_get_string_member(row, ROSTER_KEY_STARTS_AT),
					 NULL);
	if (start == NULL ||
	    g_date_time_difference(start, now) <= rules->min_hours_ahead * G_TIME_SPAN_HOUR)
		return FALSE;
	if (rules->same_seat_class && target_class != 0 && target_class != seat_class)
		return FALSE;
	if (!rules->allow_crisis &&
	    (is_crisis_class(edit, seat_class) || is_crisis_class(edit, target_class)))
		return FALSE;
	return TRUE;
}

/* adds "<prefix>_name" and "<prefix>_counsellor_no" of volunteer @id: colleagues are
 * shown by name and number only, never by their contacts */
void
roster_requests_add_person(RosterEngine *self, JsonObject *obj, const gchar *prefix, gint64 id)
{
	g_autoptr(RosterRecord) v = NULL;
	g_autofree gchar *name_key = g_strconcat(prefix, "_name", NULL);
	g_autofree gchar *no_key = g_strconcat(prefix, "_" ROSTER_KEY_COUNSELLOR_NO, NULL);

	if (id <= 0)
		return;
	v = roster_store_get_record(roster_engine_get_store(self),
				    roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
				    id,
				    NULL);
	if (v == NULL)
		return;
	json_object_set_string_member(obj, name_key, roster_record_get_string(v, ROSTER_KEY_NAME));
	json_object_set_string_member(obj,
				      no_key,
				      roster_record_get_string(v, ROSTER_KEY_COUNSELLOR_NO));
}

/* adds @key, the name of record @id of @collection (NULL: the roster @id) */
static void
add_name(RosterEngine *self, JsonObject *obj, const gchar *key, const gchar *collection, gint64 id)
{
	RosterStore *store = roster_engine_get_store(self);

	if (id <= 0)
		return;
	if (collection == NULL) {
		g_autoptr(RosterStoreRoster) roster = roster_store_get_roster(store, id, NULL);
		if (roster != NULL)
			json_object_set_string_member(obj, key, roster->name);
	} else {
		g_autoptr(RosterRecord) record =
		    roster_store_get_record(store, roster_kind_lookup(collection), id, NULL);
		if (record != NULL)
			json_object_set_string_member(
			    obj,
			    key,
			    roster_record_get_string(record, ROSTER_KEY_NAME));
	}
}

JsonNode *
roster_requests_node(RosterEngine *self, JsonObject *row)
{
	JsonNode *node = json_node_new(JSON_NODE_OBJECT);
	JsonObject *obj = json_object_new();
	GList *members = json_object_get_members(row);

	for (GList *l = members; l != NULL; l = l->next)
		json_object_set_member(obj,
				       l->data,
				       json_node_copy(json_object_get_member(row, l->data)));
	g_list_free(members);
	json_object_set_boolean_member(obj,
				       ROSTER_KEY_AUTO_APPROVED,
				       roster_requests_row_int(row, ROSTER_KEY_AUTO_APPROVED) != 0);
	add_name(self,
		 obj,
		 "roster_name",
		 NULL,
		 roster_requests_row_int(row, ROSTER_KEY_ROSTER_ID));
	add_name(self,
		 obj,
		 "seat_class_name",
		 ROSTER_COLLECTION_SEAT_CLASSES,
		 roster_requests_row_int(row, ROSTER_KEY_SEAT_CLASS_ID));
	add_name(self,
		 obj,
		 "target_seat_class_name",
		 ROSTER_COLLECTION_SEAT_CLASSES,
		 roster_requests_row_int(row, ROSTER_KEY_TARGET_SEAT_CLASS_ID));
	roster_requests_add_person(self,
				   obj,
				   "requester",
				   roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID));
	roster_requests_add_person(self,
				   obj,
				   "target",
				   roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID));
	roster_requests_add_person(self,
				   obj,
				   "taker",
				   roster_requests_row_int(row, ROSTER_KEY_TAKER_ID));
	json_node_take_object(node, obj);
	return node;
}

static RosterPrincipal *
system_principal(void)
{
	return roster_principal_new(0, ROSTER_ENGINE_SYSTEM_USERNAME, ROSTER_ROLE_ADMIN, 0);
}

/* moves @row from its state to @to inside the caller's transaction with its audit row;
 * a request that moved meanwhile is ROSTER_ERROR_CONFLICT */
static JsonObject *
transition(RosterEngine *self,
	   RosterPrincipal *principal,
	   JsonObject *row,
	   const gchar *to,
	   JsonObject *changes,
	   const gchar *action,
	   GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	gint64 id = roster_requests_row_int(row, ROSTER_KEY_ID);
	g_autofree gchar *now = roster_engine_dup_now();
	g_autoptr(JsonObject) after = NULL;
	g_autoptr(JsonNode) before_node = NULL;
	g_autoptr(JsonNode) after_node = NULL;
	gboolean done = FALSE;

	if (!roster_store_transition_request(store,
					     id,
					     json_object_get_string_member(row, ROSTER_KEY_STATE),
					     to,
					     changes,
					     now,
					     &done,
					     error))
		return NULL;
	if (!done) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_CONFLICT,
				       ROSTER_REQUEST_REFUSAL_STATE,
				       "the request changed meanwhile");
		return NULL;
	}
	after = roster_store_get_request(store, id, error);
	if (after == NULL)
		return NULL;
	before_node = json_node_new(JSON_NODE_OBJECT);
	json_node_set_object(before_node, row);
	after_node = json_node_new(JSON_NODE_OBJECT);
	json_node_set_object(after_node, after);
	if (!roster_engine_add_audit(self,
				     principal,
				     action,
				     ROSTER_COLLECTION_REQUESTS,
				     id,
				     before_node,
				     after_node,
				     error))
		return NULL;
	return g_steal_pointer(&after);
}

/**
 * roster_engine_expire_requests:
 * @self: an engine
 * @now: the time to expire by
 * @error: (nullable): return location for a #GError
 *
 * Returns: how many requests expired, or -1 with @error set
 **/
gint
roster_engine_expire_requests(RosterEngine *self, GDateTime *now, GError **error)
{
	RosterStore *store;
	g_autoptr(GDateTime) utc = NULL;
	g_autofree gchar *iso = NULL;
	g_autoptr(JsonArray) due = NULL;
	g_autoptr(RosterPrincipal) system = system_principal();
	gboolean ok = TRUE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), -1);
	if (!roster_engine_ensure_open(self, error))
		return -1;
	store = roster_engine_get_store(self);
	utc = g_date_time_to_utc(now);
	iso = g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ");
	due = roster_store_list_due_requests(store, iso, error);
	if (due == NULL)
		return -1;
	if (json_array_get_length(due) == 0)
		return 0;
	if (!roster_store_begin(store, error))
		return -1;
	/* the rows again inside the write lock: another writer may have moved them */
	g_clear_pointer(&due, json_array_unref);
	due = roster_store_list_due_requests(store, iso, error);
	ok = due != NULL;
	for (guint i = 0; ok && i < json_array_get_length(due); i++) {
		g_autoptr(JsonObject) after = transition(self,
							 system,
							 json_array_get_object_element(due, i),
							 ROSTER_REQUEST_EXPIRED,
							 NULL,
							 ROSTER_REQUEST_EXPIRED,
							 error);
		ok = after != NULL;
	}
	if (!roster_engine_end_write(self, ok, error))
		return -1;
	return (gint)json_array_get_length(due);
}

gboolean
roster_requests_expire_now(RosterEngine *self, GError **error)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	return roster_engine_expire_requests(self, now, error) >= 0;
}

/**
 * roster_engine_add_request_sweep:
 * @self: an engine
 * @seconds: the interval
 *
 * Returns: the id of the periodic source that expires requests
 **/
guint
roster_engine_add_request_sweep(RosterEngine *self, guint seconds)
{
	return roster_engine_add_pass(self,
				      seconds,
				      roster_requests_expire_now,
				      "expiring requests");
}

/* the published roster of @row, cached per roster in @edits */
RosterRosterEdit *
roster_requests_edit_for(RosterEngine *self, GHashTable *edits, gint64 roster_id, GError **error)
{
	RosterRosterEdit *edit = g_hash_table_lookup(edits, &roster_id);

	if (edit != NULL)
		return edit;
	edit = g_new0(RosterRosterEdit, 1);
	if (!roster_requests_load(self, roster_id, edit, error)) {
		roster_roster_edit_clear(edit);
		g_free(edit);
		return NULL;
	}
	g_hash_table_insert(edits, g_memdup2(&roster_id, sizeof(roster_id)), edit);
	return edit;
}

static void
edit_free(gpointer data)
{
	roster_roster_edit_clear(data);
	g_free(data);
}

GHashTable *
roster_requests_new_edits(void)
{
	return g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, edit_free);
}

/* whether the caller may see @row: staff, a party, or a volunteer who may take a
 * give-away to all (while its shift has not moved: so the one who comes second to take
 * it hears that it was taken, not that it does not exist) */
static gboolean
may_see(RosterEngine *self, RosterPrincipal *principal, GHashTable *edits, JsonObject *row)
{
	gint64 me = roster_principal_get_volunteer_id(principal);
	RosterRosterEdit *edit;

	if (roster_requests_is_staff(principal) || is_party(row, me))
		return TRUE;
	if (!is_to_all(row))
		return FALSE;
	edit = roster_requests_edit_for(self,
					edits,
					roster_requests_row_int(row, ROSTER_KEY_ROSTER_ID),
					NULL);
	return edit != NULL && roster_requests_check(edit, row, me, NULL);
}

/**
 * roster_engine_list_requests:
 * @self: an engine
 * @principal: the caller
 * @params: (nullable): "state"
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [request, …], "total"}, newest first
 **/
JsonNode *
roster_engine_list_requests(RosterEngine *self,
			    RosterPrincipal *principal,
			    GHashTable *params,
			    GError **error)
{
	const gchar *const states[] = {ROSTER_REQUEST_OPEN,
				       ROSTER_REQUEST_ACCEPTED,
				       ROSTER_REQUEST_APPLIED,
				       ROSTER_REQUEST_DECLINED,
				       ROSTER_REQUEST_WITHDRAWN,
				       ROSTER_REQUEST_EXPIRED,
				       NULL};
	const gchar *state = params != NULL ? g_hash_table_lookup(params, ROSTER_KEY_STATE) : NULL;
	g_autoptr(GHashTable) edits = roster_requests_new_edits();
	g_autoptr(JsonArray) rows = NULL;
	g_autoptr(JsonArray) items = json_array_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_requests_check_caller(self, principal, error) ||
	    !roster_requests_expire_now(self, error))
		return NULL;
	if (state != NULL && !g_strv_contains(states, state)) {
		roster_requests_refuse(
		    error,
		    ROSTER_ERROR_INVALID_DATA,
		    ROSTER_KEY_STATE,
		    "state must be open, accepted, applied, declined, withdrawn or expired");
		return NULL;
	}
	rows = roster_store_list_requests(
	    roster_engine_get_store(self),
	    roster_requests_is_staff(principal) ? 0 : roster_principal_get_volunteer_id(principal),
	    state,
	    error);
	if (rows == NULL)
		return NULL;
	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		if (may_see(self, principal, edits, row))
			json_array_add_element(items, roster_requests_node(self, row));
	}
	return roster_engine_new_list(items, -1);
}

/* the request @id as the caller may see it: others' are not found, like unknown ones */
static JsonObject *
roster_requests_get_visible(RosterEngine *self,
			    RosterPrincipal *principal,
			    GHashTable *edits,
			    gint64 id,
			    GError **error)
{
	g_autoptr(JsonObject) row =
	    roster_store_get_request(roster_engine_get_store(self), id, error);

	if (row == NULL)
		return NULL;
	if (!may_see(self, principal, edits, row)) {
		not_found(error, id);
		return NULL;
	}
	return g_steal_pointer(&row);
}

/* a read of request @id: the caller checked, what is due expired, then the request as
 * the caller may see it */
JsonObject *
roster_requests_read_visible(RosterEngine *self,
			     RosterPrincipal *principal,
			     GHashTable *edits,
			     gint64 id,
			     GError **error)
{
	if (!roster_requests_check_caller(self, principal, error) ||
	    !roster_requests_expire_now(self, error))
		return NULL;
	return roster_requests_get_visible(self, principal, edits, id, error);
}

/**
 * roster_engine_get_request:
 * @self: an engine
 * @principal: the caller
 * @id: a request
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the request
 **/
JsonNode *
roster_engine_get_request(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	g_autoptr(GHashTable) edits = roster_requests_new_edits();
	g_autoptr(JsonObject) row = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	row = roster_requests_read_visible(self, principal, edits, id, error);
	if (row == NULL)
		return NULL;
	return roster_requests_node(self, row);
}

/* the reason of an action's body, or NULL */
static gboolean
read_reason(JsonNode *body, const gchar **reason, GError **error)
{
	JsonNode *node;

	*reason = NULL;
	if (body == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_OBJECT(body))
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      "body",
					      "must be a JSON object");
	node = json_object_get_member(json_node_get_object(body), ROSTER_KEY_REASON);
	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return TRUE;
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING ||
	    g_utf8_strlen(json_node_get_string(node), -1) > 500)
		return roster_requests_refuse(error,
					      ROSTER_ERROR_INVALID_DATA,
					      ROSTER_KEY_REASON,
					      "reason must be text of at most 500 characters");
	*reason = json_node_get_string(node);
	return TRUE;
}

/* the state an action needs, refused as ROSTER_ERROR_CONFLICT "request-state" */
static gboolean
check_state(JsonObject *row, const gchar *action, const gchar *const *allowed, GError **error)
{
	const gchar *state = json_object_get_string_member(row, ROSTER_KEY_STATE);

	if (g_strv_contains(allowed, state))
		return TRUE;
	roster_error_set_field(error,
			       ROSTER_ERROR_CONFLICT,
			       ROSTER_REQUEST_REFUSAL_STATE,
			       "requests: a request that is %s cannot be %s",
			       state,
			       action);
	return FALSE;
}

/* approves @row (accepted) and applies it inside the caller's transaction */
JsonObject *
roster_requests_approve(RosterEngine *self,
			RosterPrincipal *principal,
			RosterRosterEdit *edit,
			JsonObject *row,
			gboolean by_rules,
			const gchar *reason,
			GError **error)
{
	g_autoptr(JsonObject) changes = json_object_new();
	g_autofree gchar *now = roster_engine_dup_now();
	/* the rules approve as the daemon itself, not as the volunteer who set them off */
	g_autoptr(RosterPrincipal) approver = by_rules ? system_principal()
						       : roster_principal_ref(principal);
	gint64 version = 0;

	if (!roster_requests_apply(self, approver, edit, row, &version, error))
		return NULL;
	json_object_set_string_member(changes,
				      ROSTER_KEY_DECIDED_BY,
				      roster_principal_get_username(approver));
	json_object_set_string_member(changes, ROSTER_KEY_DECIDED, now);
	json_object_set_int_member(changes, ROSTER_KEY_APPLIED_VERSION, version);
	json_object_set_int_member(changes, ROSTER_KEY_AUTO_APPROVED, by_rules ? 1 : 0);
	if (reason != NULL)
		json_object_set_string_member(changes, ROSTER_KEY_REASON, reason);
	return transition(self,
			  approver,
			  row,
			  ROSTER_REQUEST_APPLIED,
			  changes,
			  ROSTER_REQUEST_ACTION_APPROVE,
			  error);
}

/* accept: the named colleague of a swap or give-away, anyone eligible but the
 * requester for a give-away to all; the rules may approve it at once */
static JsonObject *
accept(RosterEngine *self,
       RosterPrincipal *principal,
       RosterRosterEdit *edit,
       JsonObject *row,
       GError **error)
{
	const gchar *const open[] = {ROSTER_REQUEST_OPEN, NULL};
	gint64 me = roster_principal_get_volunteer_id(principal);
	gint64 target = roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID);
	g_autoptr(JsonObject) changes = json_object_new();
	g_autoptr(JsonObject) accepted = NULL;
	RosterRequestRules rules;

	if (roster_requests_is_staff(principal) || (target != 0 && target != me) ||
	    roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID) == me) {
		roster_requests_refuse(error,
				       ROSTER_ERROR_PERMISSION_DENIED,
				       ROSTER_REQUEST_REFUSAL_NOT_PARTY,
				       "only the colleague asked may accept");
		return NULL;
	}
	if (!check_state(row, "accepted", open, error) ||
	    !roster_requests_check(edit, row, me, error))
		return NULL;
	json_object_set_int_member(changes, ROSTER_KEY_TAKER_ID, me);
	accepted = transition(self,
			      principal,
			      row,
			      ROSTER_REQUEST_ACCEPTED,
			      changes,
			      ROSTER_REQUEST_ACTION_ACCEPT,
			      error);
	if (accepted == NULL || !roster_requests_load_rules(self, &rules, error))
		return NULL;
	if (!roster_requests_rules_allow(&rules, edit, accepted))
		return g_steal_pointer(&accepted);
	return roster_requests_approve(self, principal, edit, accepted, TRUE, NULL, error);
}

/* decline: a coordinator, or the colleague a swap or give-away names while it is open */
static JsonObject *
decline(RosterEngine *self,
	RosterPrincipal *principal,
	JsonObject *row,
	const gchar *reason,
	GError **error)
{
	const gchar *const pending[] = {ROSTER_REQUEST_OPEN, ROSTER_REQUEST_ACCEPTED, NULL};
	const gchar *const open[] = {ROSTER_REQUEST_OPEN, NULL};
	gint64 me = roster_principal_get_volunteer_id(principal);
	g_autoptr(JsonObject) changes = json_object_new();
	g_autofree gchar *now = roster_engine_dup_now();

	if (!is_planner(principal)) {
		if (roster_requests_is_staff(principal) || me == 0 ||
		    roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID) != me) {
			roster_requests_refuse(
			    error,
			    ROSTER_ERROR_PERMISSION_DENIED,
			    ROSTER_REQUEST_REFUSAL_NOT_PARTY,
			    "only a coordinator or the colleague asked may decline");
			return NULL;
		}
		if (!check_state(row, "declined", open, error))
			return NULL;
	} else if (!check_state(row, "declined", pending, error)) {
		return NULL;
	}
	json_object_set_string_member(changes,
				      ROSTER_KEY_DECIDED_BY,
				      roster_principal_get_username(principal));
	json_object_set_string_member(changes, ROSTER_KEY_DECIDED, now);
	if (reason != NULL)
		json_object_set_string_member(changes, ROSTER_KEY_REASON, reason);
	return transition(self,
			  principal,
			  row,
			  ROSTER_REQUEST_DECLINED,
			  changes,
			  ROSTER_REQUEST_ACTION_DECLINE,
			  error);
}

/**
 * roster_engine_act_on_request:
 * @self: an engine
 * @principal: the caller
 * @id: a request
 * @action: accept, decline, withdraw or approve
 * @body: (nullable): {"reason"?}
 * @error: (nullable): return location for a #GError
 *
 * Each action is one transaction: the request is read again inside it and moves only
 * from the state it was read in, so of two callers at once exactly one moves it.
 *
 * Returns: (transfer full): the request as it is now
 **/
JsonNode *
roster_engine_act_on_request(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     const gchar *action,
			     JsonNode *body,
			     GError **error)
{
	const gchar *const pending[] = {ROSTER_REQUEST_OPEN, ROSTER_REQUEST_ACCEPTED, NULL};
	const gchar *const accepted[] = {ROSTER_REQUEST_ACCEPTED, NULL};
	RosterStore *store;
	g_autoptr(GHashTable) edits = roster_requests_new_edits();
	g_autoptr(JsonObject) row = NULL;
	g_autoptr(JsonObject) after = NULL;
	RosterRosterEdit *edit = NULL;
	const gchar *reason = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_requests_check_caller(self, principal, error) ||
	    !read_reason(body, &reason, error) || !roster_requests_expire_now(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	row = roster_requests_get_visible(self, principal, edits, id, error);
	if (row != NULL && (g_strcmp0(action, ROSTER_REQUEST_ACTION_ACCEPT) == 0 ||
			    g_strcmp0(action, ROSTER_REQUEST_ACTION_APPROVE) == 0)) {
		edit = roster_requests_edit_for(self,
						edits,
						roster_requests_row_int(row, ROSTER_KEY_ROSTER_ID),
						error);
		if (edit == NULL)
			g_clear_pointer(&row, json_object_unref);
	}
	if (row == NULL) {
		roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	if (g_strcmp0(action, ROSTER_REQUEST_ACTION_ACCEPT) == 0) {
		after = accept(self, principal, edit, row, error);
	} else if (g_strcmp0(action, ROSTER_REQUEST_ACTION_DECLINE) == 0) {
		after = decline(self, principal, row, reason, error);
	} else if (g_strcmp0(action, ROSTER_REQUEST_ACTION_WITHDRAW) == 0) {
		if (roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID) !=
			roster_principal_get_volunteer_id(principal) ||
		    roster_requests_is_staff(principal))
			roster_requests_refuse(error,
					       ROSTER_ERROR_PERMISSION_DENIED,
					       ROSTER_REQUEST_REFUSAL_NOT_PARTY,
					       "only the volunteer who asked may withdraw");
		else if (check_state(row, "withdrawn", pending, error))
			after = transition(self,
					   principal,
					   row,
					   ROSTER_REQUEST_WITHDRAWN,
					   NULL,
					   ROSTER_REQUEST_ACTION_WITHDRAW,
					   error);
	} else if (g_strcmp0(action, ROSTER_REQUEST_ACTION_APPROVE) == 0) {
		if (roster_engine_check_permission(principal,
						   ROSTER_ROLES_PLANNERS,
						   ROSTER_COLLECTION_REQUESTS,
						   "only admins and coordinators may approve",
						   error) &&
		    check_state(row, "approved", accepted, error))
			after = roster_requests_approve(self,
							principal,
							edit,
							row,
							FALSE,
							reason,
							error);
	} else {
		roster_requests_refuse(error, ROSTER_ERROR_NOT_FOUND, "action", "no such action");
	}
	/* the step's messages go in its transaction */
	if (after != NULL && !roster_engine_notify_request(self, after, error))
		g_clear_pointer(&after, json_object_unref);
	if (!roster_engine_end_write(self, after != NULL, error))
		return NULL;
	return roster_requests_node(self, after);
}
