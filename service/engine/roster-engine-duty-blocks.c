/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty blocks of a roster: read by staff, edited by hand under the solver's hard
 * rules, who is on duty now for the call system and the wallboard, and activations
 * recorded as on-call service */

#include "config.h"

#include "roster-engine-duty-private.h"
#include "roster-engine-duty.h"
#include "roster-engine-requests-private.h"
#include "roster-engine-rosters-private.h"
#include "roster-error.h"

#define AUDIT_EDIT    "duty-edit"
#define SOURCE_MANUAL "manual"
#define MAX_BACKUPS   5

/* volunteer id -> JsonObject of roster_store_duty_list_people(), borrowed from @rows */
static GHashTable *
people_by_id(JsonArray *rows)
{
	GHashTable *people = g_hash_table_new(g_direct_hash, g_direct_equal);

	for (guint i = 0; i < json_array_get_length(rows); i++) {
		JsonObject *row = json_array_get_object_element(rows, i);
		gint64 id = json_object_get_int_member(row, ROSTER_KEY_ID);
		g_hash_table_insert(people, GSIZE_TO_POINTER((gsize)id), row);
	}
	return people;
}

static void
add_person(JsonBuilder *b, GHashTable *people, gint64 id)
{
	JsonObject *row = g_hash_table_lookup(people, GSIZE_TO_POINTER((gsize)id));

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ID);
	json_builder_add_int_value(b, id);
	json_builder_set_member_name(b, ROSTER_KEY_NAME);
	json_builder_add_string_value(
	    b,
	    row != NULL ? json_object_get_string_member_with_default(row, ROSTER_KEY_NAME, "")
			: "");
	json_builder_set_member_name(b, ROSTER_KEY_PHONE);
	if (row != NULL &&
	    json_object_get_string_member_with_default(row, ROSTER_KEY_PHONE, NULL) != NULL)
		json_builder_add_string_value(b,
					      json_object_get_string_member(row, ROSTER_KEY_PHONE));
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_RESPONSE_MINUTES);
	if (row != NULL)
		json_builder_add_int_value(
		    b,
		    json_object_get_int_member_with_default(row,
							    ROSTER_KEY_DUTY_RESPONSE_MINUTES,
							    0));
	else
		json_builder_add_null_value(b);
	json_builder_end_object(b);
}

/* a block as the API shows it: its people with name, number and response time */
static JsonNode *
block_node(const RosterStoreDutyBlock *block, GHashTable *people)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) reason = block->reason != NULL ? json_from_string(block->reason, NULL)
							   : NULL;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ID);
	json_builder_add_int_value(b, block->id);
	json_builder_set_member_name(b, ROSTER_KEY_ROSTER_ID);
	json_builder_add_int_value(b, block->roster_id);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_STARTS);
	json_builder_add_string_value(b, block->starts);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_ENDS);
	json_builder_add_string_value(b, block->ends);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_PRIMARY);
	if (block->primary_id > 0)
		add_person(b, people, block->primary_id);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_BACKUPS);
	json_builder_begin_array(b);
	for (guint i = 0; i < block->backups->len; i++)
		add_person(b, people, g_array_index(block->backups, gint64, i));
	json_builder_end_array(b);
	json_builder_set_member_name(b, ROSTER_KEY_SOURCE);
	json_builder_add_string_value(b, block->source);
	json_builder_set_member_name(b, ROSTER_KEY_REASON);
	if (reason != NULL)
		json_builder_add_value(b, g_steal_pointer(&reason));
	else
		json_builder_add_null_value(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

static JsonArray *
blocks_array(GPtrArray *blocks, JsonArray *people_rows)
{
	g_autoptr(GHashTable) people = people_by_id(people_rows);
	JsonArray *items = json_array_new();

	for (guint i = 0; i < blocks->len; i++)
		json_array_add_element(items, block_node(g_ptr_array_index(blocks, i), people));
	return items;
}

static JsonNode *
array_node(JsonArray *array)
{
	JsonNode *node = json_node_new(JSON_NODE_ARRAY);

	json_node_take_array(node, array);
	return node;
}

/**
 * roster_engine_list_duty_blocks:
 * @self: an engine
 * @principal: a staff member
 * @roster_id: the roster
 * @version: 0 for the draft, else a published version's number
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [blocks by start], "total"}
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_list_duty_blocks(RosterEngine *self,
			       RosterPrincipal *principal,
			       gint64 roster_id,
			       gint64 version,
			       GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) blocks = NULL;
	g_autoptr(JsonArray) people = NULL;
	g_autoptr(JsonArray) items = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_rosters_check_staff(principal, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	roster = roster_store_get_roster(store, roster_id, error);
	if (roster == NULL)
		return NULL;
	if (version < 0 || version > roster->n_versions) {
		roster_error_set_field(error,
				       ROSTER_ERROR_NOT_FOUND,
				       "version",
				       "roster %" G_GINT64_FORMAT
				       " has no version %" G_GINT64_FORMAT,
				       roster_id,
				       version);
		return NULL;
	}
	blocks = roster_store_duty_list_blocks(store, roster_id, version, error);
	people = blocks != NULL ? roster_store_duty_list_people(store, error) : NULL;
	if (people == NULL)
		return NULL;
	items = blocks_array(blocks, people);
	return roster_engine_new_list(items, -1);
}

/* an expert's id from the body: eligible and under every hard rule of the block */
static gboolean
check_expert(const RosterDutyPlan *plan, guint b, gint64 id, const gchar *field, GError **error)
{
	gint p = roster_duty_plan_find_expert(plan, id);
	const gchar *rule;
	g_autofree gchar *message = NULL;

	if (p < 0)
		return roster_duty_refuse(error,
					  field,
					  ROSTER_DUTY_NOT_ELIGIBLE
					  ": not an active expert nor of the duty skill");
	rule = roster_duty_plan_get_rule(plan, b, (guint)p);
	if (rule == NULL)
		return TRUE;
	message =
	    g_strdup_printf("%s: volunteer %" G_GINT64_FORMAT " may not hold this block", rule, id);
	return roster_duty_refuse(error, field, message);
}

static gboolean
read_id(JsonNode *node, gint64 *id)
{
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_INT64 || json_node_get_int(node) <= 0)
		return FALSE;
	*id = json_node_get_int(node);
	return TRUE;
}

/* the body of an edit into @block, every person checked against @plan's block @b */
static gboolean
read_edit(const RosterDutyPlan *plan,
	  guint b,
	  JsonObject *obj,
	  RosterStoreDutyBlock *block,
	  GError **error)
{
	const gchar *const known[] = {ROSTER_KEY_DUTY_PRIMARY_ID, ROSTER_KEY_DUTY_BACKUP_IDS, NULL};
	JsonNode *primary = json_object_get_member(obj, ROSTER_KEY_DUTY_PRIMARY_ID);
	JsonNode *backups = json_object_get_member(obj, ROSTER_KEY_DUTY_BACKUP_IDS);

	if (!roster_duty_check_members(obj, known, error))
		return FALSE;
	if (primary == NULL)
		return roster_duty_refuse(error, ROSTER_KEY_DUTY_PRIMARY_ID, "is required");
	block->primary_id = 0;
	if (!JSON_NODE_HOLDS_NULL(primary)) {
		if (!read_id(primary, &block->primary_id))
			return roster_duty_refuse(error,
						  ROSTER_KEY_DUTY_PRIMARY_ID,
						  "must be a volunteer id or null");
		if (!check_expert(plan, b, block->primary_id, ROSTER_KEY_DUTY_PRIMARY_ID, error))
			return FALSE;
	}
	if (backups == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_ARRAY(backups) ||
	    json_array_get_length(json_node_get_array(backups)) > MAX_BACKUPS)
		return roster_duty_refuse(error,
					  ROSTER_KEY_DUTY_BACKUP_IDS,
					  "must be a list of at most 5 volunteer ids");
	g_array_set_size(block->backups, 0);
	for (guint i = 0; i < json_array_get_length(json_node_get_array(backups)); i++) {
		gint64 id = 0;
		if (!read_id(json_array_get_element(json_node_get_array(backups), i), &id))
			return roster_duty_refuse(error,
						  ROSTER_KEY_DUTY_BACKUP_IDS,
						  "must be a list of volunteer ids");
		for (guint j = 0; j < block->backups->len; j++) {
			if (g_array_index(block->backups, gint64, j) == id)
				return roster_duty_refuse(error,
							  ROSTER_KEY_DUTY_BACKUP_IDS,
							  "names a volunteer twice");
		}
		if (id == block->primary_id)
			return roster_duty_refuse(error,
						  ROSTER_KEY_DUTY_BACKUP_IDS,
						  "names the primary");
		if (!check_expert(plan, b, id, ROSTER_KEY_DUTY_BACKUP_IDS, error))
			return FALSE;
		g_array_append_val(block->backups, id);
	}
	return TRUE;
}

/* the draft block @block_id of roster @roster_id, in the plan of the roster as it is */
static RosterStoreDutyBlock *
load_draft_block(RosterEngine *self,
		 gint64 roster_id,
		 gint64 block_id,
		 RosterRosterEdit *edit,
		 RosterDutyPlan *plan,
		 gint *index,
		 GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(RosterStoreDutyBlock) block = roster_store_duty_get_block(store, block_id, error);
	g_autoptr(GPtrArray) assignments = NULL;

	if (block == NULL)
		return NULL;
	if (block->roster_id != roster_id) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "duty block %" G_GINT64_FORMAT " not found",
			    block_id);
		return NULL;
	}
	if (block->version != 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_CONFLICT,
				    "a published version's blocks do not change: edit the draft");
		return NULL;
	}
	if (!roster_rosters_prepare(self,
				    roster_id,
				    FALSE,
				    &edit->roster,
				    &edit->hotline,
				    &edit->model,
				    error))
		return NULL;
	assignments = roster_store_list_assignments(store, roster_id, 0, error);
	if (assignments == NULL ||
	    !roster_duty_plan_build(plan, store, edit->model, assignments, error))
		return NULL;
	*index = roster_duty_plan_find_block(plan, block->starts);
	if (*index < 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_CONFLICT,
				    "the line no longer needs this block: solve the roster again");
		return NULL;
	}
	return g_steal_pointer(&block);
}

/**
 * roster_engine_edit_duty_block:
 * @self: an engine
 * @principal: a planner
 * @roster_id: the roster
 * @block_id: a block of its draft
 * @body: {"primary_id": id|null, "backup_ids"?: [id…]}
 * @error: (nullable): return location for a #GError
 *
 * Every person must be an eligible expert the block's hard rules allow (reachable
 * within the line's time, available, on no overlapping seat, rested); the block is
 * then the coordinator's and a new solve keeps its primary.
 *
 * Returns: (transfer full): the block as written
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_edit_duty_block(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint64 roster_id,
			      gint64 block_id,
			      JsonNode *body,
			      GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_auto(RosterRosterEdit) edit = {0};
	g_auto(RosterDutyPlan) plan = {0};
	g_autoptr(RosterStoreDutyBlock) block = NULL;
	g_autoptr(JsonArray) people = NULL;
	g_autoptr(GHashTable) by_id = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = NULL;
	JsonObject *obj;
	gint b = -1;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_rosters_check_write(self, principal, error) ||
	    !roster_rosters_check_not_solving(self, roster_id, error))
		return NULL;
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL)
		return NULL;
	block = load_draft_block(self, roster_id, block_id, &edit, &plan, &b, error);
	people = block != NULL ? roster_store_duty_list_people(store, error) : NULL;
	if (people == NULL)
		return NULL;
	by_id = people_by_id(people);
	before = block_node(block, by_id);
	if (!read_edit(&plan, (guint)b, obj, block, error))
		return NULL;
	g_clear_pointer(&block->reason, g_free);
	if (block->primary_id == 0)
		block->reason = roster_duty_plan_dup_reason(&plan, (guint)b);
	g_free(block->source);
	block->source = g_strdup(SOURCE_MANUAL);
	after = block_node(block, by_id);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_duty_update_block(store, block, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     AUDIT_EDIT,
					     ROSTER_COLLECTION_DUTY,
					     block_id,
					     before,
					     after,
					     error))
		return NULL;
	return g_steal_pointer(&after);
}

/**
 * roster_engine_get_duty_now:
 * @self: an engine
 * @principal: any signed-in account (a counsellor escalating needs the number too)
 * @now: the time asked about, seconds since the epoch
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"at": local time, "sla_minutes", "blocks": [the blocks of
 *   the published rosters that hold @at, each with its primary and ordered backups]}
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_get_duty_now(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 now,
			   GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(GTimeZone) tz = NULL;
	g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(now);
	g_autoptr(GDateTime) local = NULL;
	g_autofree gchar *at = NULL;
	g_autoptr(GPtrArray) blocks = NULL;
	g_autoptr(JsonArray) people = NULL;
	g_auto(RosterDutySettings) settings = {0};
	g_autoptr(JsonBuilder) b = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_SIGNED_IN,
					    ROSTER_COLLECTION_DUTY,
					    "sign in to see who is on duty",
					    error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	tz = roster_requests_dup_time_zone(self, error);
	if (tz == NULL || utc == NULL || !roster_duty_settings_load(store, &settings, error))
		return NULL;
	local = g_date_time_to_timezone(utc, tz);
	at = g_date_time_format(local, "%Y-%m-%dT%H:%M");
	blocks = roster_store_duty_list_published_at(store, at, error);
	people = blocks != NULL ? roster_store_duty_list_people(store, error) : NULL;
	if (people == NULL)
		return NULL;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_AT);
	json_builder_add_string_value(b, at);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_SLA_MINUTES);
	json_builder_add_int_value(b, settings.sla_minutes);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_BLOCKS);
	json_builder_add_value(b, array_node(blocks_array(blocks, people)));
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
