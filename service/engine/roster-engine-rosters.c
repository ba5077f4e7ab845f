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
	    g_strcmp0(mode, ROSTER_ROTATION_HARD) != 0 &&
	    g_strcmp0(mode, ROSTER_ROTATION_SOFT) != 0)
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

/* "name": absent or null for none (a client words the period in its own language), else
 * 1 to 100 characters that are not all blank */
static gboolean
read_name(JsonObject *obj, const gchar **name, GError **error)
{
	JsonNode *node = json_object_get_member(obj, ROSTER_KEY_NAME);
	const gchar *text;
	g_autofree gchar *stripped = NULL;

	*name = NULL;
	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return TRUE;
	text = roster_engine_json_get_string(obj, ROSTER_KEY_NAME);
	if (text != NULL)
		stripped = g_strstrip(g_strdup(text));
	if (text == NULL || stripped[0] == '\0' || g_utf8_strlen(text, -1) > 100)
		return roster_rosters_invalid(error,
					      ROSTER_KEY_NAME,
					      "null for none, or 1 to 100 characters");
	*name = text;
	return TRUE;
}

/**
 * roster_engine_create_roster:
 * @self: an engine
 * @principal: the caller
 * @body: {"name"?, "period_start", "period_end", "settings"?}
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
	start = roster_engine_json_get_string(obj, ROSTER_KEY_PERIOD_START);
	end = roster_engine_json_get_string(obj, ROSTER_KEY_PERIOD_END);
	if (!read_name(obj, &name, error))
		return NULL;
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
	roster->name = g_strdup(name != NULL ? name : "");
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

/* ROSTER_ERROR_CONFLICT about the roster's state: what @message says cannot be done */
static gboolean
state_conflict(GError **error, const RosterStoreRoster *roster, const gchar *message)
{
	roster_error_set_field(error,
			       ROSTER_ERROR_CONFLICT,
			       ROSTER_KEY_STATE,
			       "rosters: record %" G_GINT64_FORMAT " is %s: %s",
			       roster->id,
			       roster->state,
			       message);
	return FALSE;
}

/* the stored settings with the members of @patch: a null member goes back to its
 * default, any other replaces the stored one; validated whole as at creation */
static gchar *
merge_settings(RosterEngine *self, const gchar *stored, JsonNode *patch, GError **error)
{
	g_autoptr(JsonNode) merged = json_from_string(stored != NULL ? stored : "{}", NULL);
	g_autoptr(GList) members = NULL;
	JsonObject *obj;

	if (patch == NULL || !JSON_NODE_HOLDS_OBJECT(patch)) {
		roster_rosters_invalid(error, ROSTER_KEY_SETTINGS, "must be an object");
		return NULL;
	}
	if (merged == NULL || !JSON_NODE_HOLDS_OBJECT(merged)) {
		g_clear_pointer(&merged, json_node_unref);
		merged = json_node_init_object(json_node_alloc(), json_object_new());
	}
	obj = json_node_get_object(merged);
	members = json_object_get_members(json_node_get_object(patch));
	for (GList *l = members; l != NULL; l = l->next) {
		JsonNode *value = json_object_get_member(json_node_get_object(patch), l->data);
		if (JSON_NODE_HOLDS_NULL(value))
			json_object_remove_member(obj, l->data);
		else
			json_object_set_member(obj, l->data, json_node_copy(value));
	}
	return validate_settings(self, merged, error);
}

/* the members a PATCH may send; anything else would be accepted and ignored */
static gboolean
check_patch_members(JsonObject *obj, GError **error)
{
	g_autoptr(GList) members = json_object_get_members(obj);

	for (GList *l = members; l != NULL; l = l->next) {
		const gchar *key = l->data;
		if (g_strcmp0(key, ROSTER_KEY_REVISION) == 0 ||
		    g_strcmp0(key, ROSTER_KEY_NAME) == 0 ||
		    g_strcmp0(key, ROSTER_KEY_SETTINGS) == 0)
			continue;
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       key,
				       "%s cannot be changed: only name and settings can",
				       key);
		return FALSE;
	}
	return TRUE;
}

/* the roster as @obj changes it, in the caller's transaction; its row before in @before */
static RosterStoreRoster *
update_in_transaction(RosterEngine *self,
		      gint64 id,
		      JsonObject *obj,
		      JsonNode **before,
		      GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *score = NULL;
	g_autoptr(GError) error_local = NULL;
	const gchar *name = NULL;

	roster = roster_store_get_roster(store, id, error);
	if (roster == NULL ||
	    !roster_rosters_check_revision(roster,
					   roster_engine_json_get_int(obj, ROSTER_KEY_REVISION, 0),
					   error))
		return NULL;
	*before = roster_rosters_roster_to_node(roster, NULL);
	if (json_object_has_member(obj, ROSTER_KEY_NAME)) {
		if (!read_name(obj, &name, error))
			return NULL;
		g_free(roster->name);
		roster->name = g_strdup(name != NULL ? name : "");
	}
	if (json_object_has_member(obj, ROSTER_KEY_SETTINGS)) {
		g_autofree gchar *settings = NULL;
		/* the published version was solved under the settings it has; a new rule
		 * for the month is a new draft's */
		if (g_strcmp0(roster->state, ROSTER_STATE_PUBLISHED) == 0) {
			state_conflict(error,
				       roster,
				       "its settings do not change; edit or solve it again "
				       "as a draft first");
			return NULL;
		}
		settings = merge_settings(self,
					  roster->settings,
					  json_object_get_member(obj, ROSTER_KEY_SETTINGS),
					  error);
		if (settings == NULL)
			return NULL;
		g_free(roster->settings);
		roster->settings = g_steal_pointer(&settings);
	}
	/* the score under the new settings; one the model cannot compute is computed on
	 * read, as after any other change */
	score = roster_rosters_dup_row_score(self, roster, &error_local);
	if (score == NULL) {
		g_debug("scoring roster %" G_GINT64_FORMAT ": %s", id, error_local->message);
	} else {
		g_free(roster->score);
		roster->score = g_steal_pointer(&score);
	}
	if (!roster_store_update_roster(store, roster, now, error))
		return NULL;
	return g_steal_pointer(&roster);
}

/**
 * roster_engine_update_roster:
 * @self: an engine
 * @principal: the caller: an admin or a coordinator
 * @id: the roster
 * @body: {"revision", "name"?, "settings"?}: the revision the caller read; a name
 *   (null for none); the settings members to change, validated as at creation (a null
 *   member goes back to its default)
 * @error: (nullable): return location for a #GError
 *
 * Renames a roster or changes its settings, which the next solve uses. The settings of
 * a published roster are ROSTER_ERROR_CONFLICT about "state"; so is a running solve.
 *
 * Returns: (transfer full): the roster as written, or %NULL with @error set
 **/
JsonNode *
roster_engine_update_roster(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    JsonNode *body,
			    GError **error)
{
	JsonObject *obj;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_rosters_check_write(self, principal, error))
		return NULL;
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL || !check_patch_members(obj, error))
		return NULL;
	if (!roster_rosters_is_int(obj, ROSTER_KEY_REVISION) ||
	    roster_engine_json_get_int(obj, ROSTER_KEY_REVISION, 0) <= 0) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_REVISION,
				       "required, the roster revision that was read");
		return NULL;
	}
	if (!roster_rosters_check_not_solving(self, id, error) ||
	    !roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	roster = update_in_transaction(self, id, obj, &before, error);
	if (roster == NULL) {
		roster_engine_end_write(self, FALSE, NULL);
		return NULL;
	}
	after = roster_rosters_roster_to_node(roster, NULL);
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     ROSTER_ACTION_UPDATE,
					     ROSTER_COLLECTION_ROSTERS,
					     id,
					     before,
					     after,
					     error))
		return NULL;
	return g_steal_pointer(&after);
}

/* the roster removed in the caller's transaction; its row before in @before */
static gboolean
delete_in_transaction(RosterEngine *self,
		      gint64 id,
		      gint64 revision,
		      JsonNode **before,
		      GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(RosterStoreRoster) roster = roster_store_get_roster(store, id, error);

	if (roster == NULL)
		return FALSE;
	if (revision >= 0 && !roster_rosters_check_revision(roster, revision, error))
		return FALSE;
	/* volunteers have seen a published version; its history and attendance stay */
	if (g_strcmp0(roster->state, ROSTER_STATE_PUBLISHED) == 0 || roster->n_versions > 0)
		return state_conflict(error,
				      roster,
				      "a roster that was published is kept with its versions");
	*before = roster_rosters_roster_to_node(roster, NULL);
	return roster_store_delete_roster(store, id, error);
}

/**
 * roster_engine_delete_roster:
 * @self: an engine
 * @principal: the caller: an admin or a coordinator
 * @id: the roster
 * @revision: the revision the caller read, or -1 to skip the check
 * @error: (nullable): return location for a #GError
 *
 * Deletes a draft that was never published, with its assignments. A roster that was
 * published is ROSTER_ERROR_CONFLICT about "state"; so is a running solve.
 *
 * Returns: %TRUE when the roster is gone
 **/
gboolean
roster_engine_delete_roster(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    gint64 revision,
			    GError **error)
{
	g_autoptr(JsonNode) before = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	if (!roster_rosters_check_write(self, principal, error) ||
	    !roster_rosters_check_not_solving(self, id, error) ||
	    !roster_store_begin(roster_engine_get_store(self), error))
		return FALSE;
	if (!delete_in_transaction(self, id, revision, &before, error)) {
		roster_engine_end_write(self, FALSE, NULL);
		return FALSE;
	}
	return roster_engine_commit_with_audit(self,
					       principal,
					       ROSTER_ACTION_DELETE,
					       ROSTER_COLLECTION_ROSTERS,
					       id,
					       before,
					       NULL,
					       error);
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
