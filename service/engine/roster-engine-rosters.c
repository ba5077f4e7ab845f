/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* rosters themselves: created with validated settings, listed and read with a fresh
 * score, the checks every part of the rosters engine makes, and the warning of
 * volunteers no seat fits */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-rosters-private.h"
#include "roster-engine-web.h"
#include "roster-json-keys.h"
#include "roster-kind.h"

/*
 * Rosters in the engine, in parts: roster-engine-loading.c reads a roster's hotline
 * from the store and translates it into the solver model on the calling thread;
 * roster-engine-solve.c runs solve jobs (RosterSolveJob) whose search runs in a worker
 * thread and whose best roster is written back in the caller's main context;
 * roster-engine-editing.c assigns, moves, swaps and removes under the hard rules;
 * roster-engine-explain.c and roster-engine-suggest.c answer why and who; and
 * roster-engine-versions.c publishes immutable versions and compares them. Every write
 * and its audit row share one transaction.
 */

#define MAX_PERIOD_DAYS 62
/* below the solver's weight of one broken hard rule (100,000) */
#define MAX_SETTING 50000
/* a cycle longer than a year is no rotation a coordinator keeps in mind */
#define MAX_CYCLE_WEEKS 52
/* rules of one rotation, far above a real line's teams */
#define MAX_ROTATION_RULES 200

/* {"team id": ["HH:MM", …], …} */
static gboolean
validate_team_slots(JsonNode *node, GError **error)
{
	JsonObject *teams;
	g_autoptr(GList) members = NULL;

	if (!JSON_NODE_HOLDS_OBJECT(node))
		return roster_rosters_invalid(error,
					      ROSTER_KEY_SETTINGS,
					      "team_slots must map team ids to lists of HH:MM");
	teams = json_node_get_object(node);
	members = json_object_get_members(teams);
	for (GList *l = members; l != NULL; l = l->next) {
		JsonNode *slots = json_object_get_member(teams, l->data);
		guint64 id = 0;
		if (!g_ascii_string_to_unsigned(l->data, 10, 1, G_MAXINT64, &id, NULL) ||
		    !JSON_NODE_HOLDS_ARRAY(slots))
			return roster_rosters_invalid(
			    error,
			    ROSTER_KEY_SETTINGS,
			    "team_slots must map team ids to lists of HH:MM");
		for (guint i = 0; i < json_array_get_length(json_node_get_array(slots)); i++) {
			JsonNode *item = json_array_get_element(json_node_get_array(slots), i);
			if (!JSON_NODE_HOLDS_VALUE(item) ||
			    json_node_get_value_type(item) != G_TYPE_STRING ||
			    !roster_datetime_parse_time(json_node_get_string(item), NULL))
				return roster_rosters_invalid(error,
							      ROSTER_KEY_SETTINGS,
							      "team_slots: each slot is HH:MM");
		}
	}
	return TRUE;
}

static gboolean
rule_invalid(GError **error, guint index, const gchar *member, const gchar *message)
{
	roster_error_set_field(error,
			       ROSTER_ERROR_INVALID_DATA,
			       ROSTER_KEY_SETTINGS,
			       "team_rotation.rules[%u].%s: %s",
			       index,
			       member,
			       message);
	return FALSE;
}

/* a non-empty array whose every element passes @check */
static gboolean
is_array_of(JsonNode *node, gboolean (*check)(JsonNode *item))
{
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return FALSE;
	array = json_node_get_array(node);
	if (json_array_get_length(array) == 0)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(array); i++) {
		if (!check(json_array_get_element(array, i)))
			return FALSE;
	}
	return TRUE;
}

static gboolean
is_weekday(JsonNode *item)
{
	return JSON_NODE_HOLDS_VALUE(item) && json_node_get_value_type(item) == G_TYPE_INT64 &&
	       json_node_get_int(item) >= 1 && json_node_get_int(item) <= 7;
}

static gboolean
is_slot(JsonNode *item)
{
	return JSON_NODE_HOLDS_VALUE(item) && json_node_get_value_type(item) == G_TYPE_STRING &&
	       roster_datetime_parse_time(json_node_get_string(item), NULL);
}

/* one rule: a team that exists, and weekdays, slots or a cycle week that narrow it */
static gboolean
validate_team_rule(RosterEngine *self, JsonNode *node, guint index, GError **error)
{
	JsonObject *r;
	g_autoptr(GList) members = NULL;
	gboolean exists = FALSE;
	gint64 team_id;
	gint64 cycle_weeks;
	gint64 cycle_week;

	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_SETTINGS,
				       "team_rotation.rules[%u]: must be an object",
				       index);
		return FALSE;
	}
	r = json_node_get_object(node);
	members = json_object_get_members(r);
	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		if (g_strcmp0(key, ROSTER_KEY_TEAM_ID) != 0 &&
		    g_strcmp0(key, ROSTER_RULE_WEEKDAYS) != 0 &&
		    g_strcmp0(key, ROSTER_RULE_SLOTS) != 0 &&
		    g_strcmp0(key, ROSTER_RULE_CYCLE_WEEKS) != 0 &&
		    g_strcmp0(key, ROSTER_RULE_CYCLE_WEEK) != 0)
			return rule_invalid(error, index, key, "unknown member");
	}
	team_id = roster_engine_json_get_int(r, ROSTER_KEY_TEAM_ID, 0);
	if (team_id <= 0)
		return rule_invalid(error, index, ROSTER_KEY_TEAM_ID, "required, a team id");
	if (!roster_store_record_exists(roster_engine_get_store(self),
					ROSTER_COLLECTION_TEAMS,
					team_id,
					&exists,
					error))
		return FALSE;
	if (!exists)
		return rule_invalid(error, index, ROSTER_KEY_TEAM_ID, "no such team");
	if (json_object_has_member(r, ROSTER_RULE_WEEKDAYS) &&
	    !is_array_of(json_object_get_member(r, ROSTER_RULE_WEEKDAYS), is_weekday))
		return rule_invalid(error,
				    index,
				    ROSTER_RULE_WEEKDAYS,
				    "a list of weekdays from 1 to 7");
	if (json_object_has_member(r, ROSTER_RULE_SLOTS) &&
	    !is_array_of(json_object_get_member(r, ROSTER_RULE_SLOTS), is_slot))
		return rule_invalid(error, index, ROSTER_RULE_SLOTS, "a list of slot starts HH:MM");
	cycle_weeks = roster_engine_json_get_int(r, ROSTER_RULE_CYCLE_WEEKS, -1);
	cycle_week = roster_engine_json_get_int(r, ROSTER_RULE_CYCLE_WEEK, -1);
	if (json_object_has_member(r, ROSTER_RULE_CYCLE_WEEKS) &&
	    (cycle_weeks < 1 || cycle_weeks > MAX_CYCLE_WEEKS)) {
		g_autofree gchar *message =
		    g_strdup_printf("an integer from 1 to %d", MAX_CYCLE_WEEKS);
		return rule_invalid(error, index, ROSTER_RULE_CYCLE_WEEKS, message);
	}
	if (json_object_has_member(r, ROSTER_RULE_CYCLE_WEEKS) !=
	    json_object_has_member(r, ROSTER_RULE_CYCLE_WEEK))
		return rule_invalid(error,
				    index,
				    ROSTER_RULE_CYCLE_WEEK,
				    "cycle_weeks and cycle_week go together");
	if (json_object_has_member(r, ROSTER_RULE_CYCLE_WEEK) &&
	    (cycle_week < 1 || cycle_week > cycle_weeks))
		return rule_invalid(error, index, ROSTER_RULE_CYCLE_WEEK, "from 1 to cycle_weeks");
	/* a rule with no criterion would hand every cell to one team */
	if (!json_object_has_member(r, ROSTER_RULE_WEEKDAYS) &&
	    !json_object_has_member(r, ROSTER_RULE_SLOTS) &&
	    !json_object_has_member(r, ROSTER_RULE_CYCLE_WEEKS))
		return rule_invalid(error,
				    index,
				    ROSTER_RULE_WEEKDAYS,
				    "weekdays, slots or cycle_weeks");
	return TRUE;
}

/* {"mode", "weight", "cycle_start", "rules"}: only known members, every rule valid */
static gboolean
validate_team_rotation(RosterEngine *self, JsonNode *node, GError **error)
{
	JsonObject *rotation;
	JsonNode *rules;
	const gchar *mode;
	g_autoptr(GList) members = NULL;

	if (!JSON_NODE_HOLDS_OBJECT(node))
		return roster_rosters_invalid(error,
					      ROSTER_KEY_SETTINGS,
					      "team_rotation: must be an object");
	rotation = json_node_get_object(node);
	members = json_object_get_members(rotation);
	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		if (g_strcmp0(key, ROSTER_ROTATION_MODE) != 0 &&
		    g_strcmp0(key, ROSTER_ROTATION_WEIGHT) != 0 &&
		    g_strcmp0(key, ROSTER_ROTATION_CYCLE_START) != 0 &&
		    g_strcmp0(key, ROSTER_ROTATION_RULES) != 0) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_SETTINGS,
					       "team_rotation.%s: unknown member",
					       key);
			return FALSE;
		}
	}
	mode = roster_engine_json_get_string(rotation, ROSTER_ROTATION_MODE);
	if (json_object_has_member(rotation, ROSTER_ROTATION_MODE) &&
	    g_strcmp0(mode, "hard") != 0 && g_strcmp0(mode, "soft") != 0)
		return roster_rosters_invalid(error,
					      ROSTER_KEY_SETTINGS,
					      "team_rotation.mode: hard or soft");
	if (json_object_has_member(rotation, ROSTER_ROTATION_WEIGHT) &&
	    (!roster_rosters_is_int(rotation, ROSTER_ROTATION_WEIGHT) ||
	     roster_engine_json_get_int(rotation, ROSTER_ROTATION_WEIGHT, -1) < 0 ||
	     roster_engine_json_get_int(rotation, ROSTER_ROTATION_WEIGHT, -1) > MAX_SETTING)) {
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       ROSTER_KEY_SETTINGS,
				       "team_rotation.weight: an integer from 0 to %d",
				       MAX_SETTING);
		return FALSE;
	}
	if (json_object_has_member(rotation, ROSTER_ROTATION_CYCLE_START) &&
	    !roster_datetime_parse_date(
		roster_engine_json_get_string(rotation, ROSTER_ROTATION_CYCLE_START),
		NULL))
		return roster_rosters_invalid(error,
					      ROSTER_KEY_SETTINGS,
					      "team_rotation.cycle_start: a date YYYY-MM-DD");
	rules = json_object_get_member(rotation, ROSTER_ROTATION_RULES);
	if (rules == NULL || !JSON_NODE_HOLDS_ARRAY(rules) ||
	    json_array_get_length(json_node_get_array(rules)) > MAX_ROTATION_RULES)
		return roster_rosters_invalid(error,
					      ROSTER_KEY_SETTINGS,
					      "team_rotation.rules: required, a list of rules");
	for (guint i = 0; i < json_array_get_length(json_node_get_array(rules)); i++) {
		if (!validate_team_rule(self,
					json_array_get_element(json_node_get_array(rules), i),
					i,
					error))
			return FALSE;
	}
	return TRUE;
}

/* the settings a coordinator may change: known members, non-negative integers, the
 * slots teams prefer and the team rotation */
static gchar *
validate_settings(RosterEngine *self, JsonNode *node, GError **error)
{
	JsonObject *obj;
	g_autoptr(GList) members = NULL;

	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return g_strdup("{}");
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		roster_rosters_invalid(error, ROSTER_KEY_SETTINGS, "must be an object");
		return NULL;
	}
	obj = json_node_get_object(node);
	members = json_object_get_members(obj);
	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		gint64 value;
		if (g_strcmp0(key, ROSTER_SETTING_TEAM_SLOTS) == 0) {
			if (!validate_team_slots(json_object_get_member(obj, key), error))
				return NULL;
			continue;
		}
		if (g_strcmp0(key, ROSTER_SETTING_TEAM_ROTATION) == 0) {
			if (!validate_team_rotation(self, json_object_get_member(obj, key), error))
				return NULL;
			continue;
		}
		if (!roster_rosters_is_setting(key)) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_SETTINGS,
					       "unknown member %s",
					       key);
			return NULL;
		}
		value = roster_engine_json_get_int(obj, key, -1);
		if (!roster_rosters_is_int(obj, key) || value < 0 || value > MAX_SETTING) {
			roster_error_set_field(error,
					       ROSTER_ERROR_INVALID_DATA,
					       ROSTER_KEY_SETTINGS,
					       "%s must be an integer from 0 to %d",
					       key,
					       MAX_SETTING);
			return NULL;
		}
	}
	return json_to_string(node, FALSE);
}

/**
 * roster_engine_create_roster:
 * @self: an engine
 * @principal: the caller
 * @body: {"name", "period_start", "period_end", "settings"?}
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the new roster, or %NULL with @error set
 */
JsonNode *
roster_engine_create_roster(RosterEngine *self,
			    RosterPrincipal *principal,
			    JsonNode *body,
			    GError **error)
{
	RosterStore *store;
	JsonObject *obj;
	const gchar *name;
	const gchar *start;
	const gchar *end;
	guint32 first = 0;
	guint32 last = 0;
	g_autofree gchar *settings = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autoptr(RosterStoreRoster) roster = g_new0(RosterStoreRoster, 1);

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_rosters_check_write(self, principal, error))
		return NULL;
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL)
		return NULL;
	name = roster_engine_json_get_string(obj, ROSTER_KEY_NAME);
	start = roster_engine_json_get_string(obj, ROSTER_KEY_PERIOD_START);
	end = roster_engine_json_get_string(obj, ROSTER_KEY_PERIOD_END);
	if (name == NULL || g_utf8_strlen(name, -1) < 1 || g_utf8_strlen(name, -1) > 100) {
		roster_rosters_invalid(error, ROSTER_KEY_NAME, "required, 1 to 100 characters");
		return NULL;
	}
	if (!roster_datetime_parse_date(start, &first) || !roster_datetime_parse_date(end, &last)) {
		roster_rosters_invalid(error,
				       first == 0 ? ROSTER_KEY_PERIOD_START : ROSTER_KEY_PERIOD_END,
				       "required, a date YYYY-MM-DD");
		return NULL;
	}
	if (last < first || last - first + 1 > MAX_PERIOD_DAYS) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_PERIOD_END,
				       "must be on or after period_start, at most 62 days");
		return NULL;
	}
	settings = validate_settings(self, json_object_get_member(obj, ROSTER_KEY_SETTINGS), error);
	if (settings == NULL)
		return NULL;
	store = roster_engine_get_store(self);
	roster->name = g_strdup(name);
	roster->period_start = g_strdup(start);
	roster->period_end = g_strdup(end);
	roster->state = g_strdup(ROSTER_STATE_DRAFT);
	roster->settings = g_steal_pointer(&settings);
	if (!roster_store_begin(store, error))
		return NULL;
	return roster_rosters_end_roster_write(
	    self,
	    principal,
	    ROSTER_ACTION_CREATE,
	    roster,
	    roster_store_insert_roster(store, roster, now, error),
	    error);
}

/**
 * roster_engine_list_rosters:
 * @self: an engine
 * @principal: the caller
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [...], "total": N}, without assignments
 */
JsonNode *
roster_engine_list_rosters(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	g_autoptr(GPtrArray) rows = NULL;
	g_autoptr(JsonArray) items = json_array_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_rosters_check_read(self, principal, error))
		return NULL;
	rows = roster_store_list_rosters(roster_engine_get_store(self), error);
	if (rows == NULL)
		return NULL;
	for (guint i = 0; i < rows->len; i++) {
		if (!roster_rosters_ensure_score(self, g_ptr_array_index(rows, i), error))
			return NULL;
	}
	for (guint i = 0; i < rows->len; i++)
		json_array_add_element(
		    items,
		    roster_rosters_roster_to_node(g_ptr_array_index(rows, i), NULL));
	return roster_engine_new_list(items, -1);
}

/**
 * roster_engine_get_roster:
 * @self: an engine
 * @principal: the caller; a volunteer sees only its own assignments
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the roster with its assignments and score
 */
JsonNode *
roster_engine_get_roster(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	RosterStore *store;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(JsonNode) node = NULL;
	gint64 only = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER)
		only = roster_principal_get_volunteer_id(principal);
	if (!roster_rosters_check_read(self, principal, error) ||
	    !roster_engine_check_permission(
		principal,
		roster_engine_roles_or_own(principal, ROSTER_ROLES_STAFF, only),
		ROSTER_COLLECTION_ROSTERS,
		"the account is linked to no volunteer",
		error))
		return NULL;
	store = roster_engine_get_store(self);
	roster = roster_store_get_roster(store, id, error);
	if (roster == NULL || !roster_rosters_ensure_score(self, roster, error))
		return NULL;
	assignments = roster_store_list_assignments(store, id, only, error);
	if (assignments == NULL)
		return NULL;
	node = roster_rosters_roster_to_node(roster, assignments);
	/* each assignment says when its volunteer confirmed it (roster-engine-me.c) */
	if (!roster_engine_add_confirmed_at(self, node, error))
		return NULL;
	return g_steal_pointer(&node);
}

/**
 * roster_engine_check_seatable:
 * @self: an engine
 * @volunteers: volunteers as JSON objects
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): an array of warnings, one per active volunteer who fits
 *   no seat class, or %NULL with @error set
 */
JsonNode *
roster_engine_check_seatable(RosterEngine *self, JsonArray *volunteers, GError **error)
{
	g_autoptr(RosterHotline) h = roster_hotline_new(1, 1);
	g_autoptr(JsonBuilder) b = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_ensure_open(self, error) ||
	    !roster_engine_load_hotline_seats(self, h, error))
		return NULL;
	json_builder_begin_array(b);
	for (guint i = 0; i < json_array_get_length(volunteers); i++) {
		JsonObject *obj = json_array_get_object_element(volunteers, i);
		RosterHotlineVolunteer *v;
		g_auto(GStrv) reasons = NULL;
		g_autofree gchar *joined = NULL;
		g_autofree gchar *message = NULL;
		if (obj == NULL ||
		    !json_object_get_boolean_member_with_default(obj, ROSTER_KEY_ACTIVE, TRUE))
			continue;
		v = roster_engine_add_hotline_volunteer(
		    h,
		    roster_engine_json_get_int(obj, ROSTER_KEY_ID, 0),
		    obj);
		reasons = roster_hotline_dup_unfit_reasons(v, h->seat_classes);
		if (reasons == NULL)
			continue;
		joined = g_strjoinv(", ", reasons);
		message = g_strdup_printf("%s can sit in no seat: no seat class fits their %s",
					  v->name,
					  joined);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_CODE);
		json_builder_add_string_value(b, "unseatable-volunteer");
		if (v->id > 0) {
			json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
			json_builder_add_int_value(b, v->id);
		}
		json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER);
		json_builder_add_string_value(b, v->name);
		json_builder_set_member_name(b, ROSTER_KEY_REASONS);
		json_builder_begin_array(b);
		for (guint k = 0; reasons[k] != NULL; k++)
			json_builder_add_string_value(b, reasons[k]);
		json_builder_end_array(b);
		json_builder_set_member_name(b, ROSTER_KEY_MESSAGE);
		json_builder_add_string_value(b, message);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	return json_builder_get_root(b);
}
