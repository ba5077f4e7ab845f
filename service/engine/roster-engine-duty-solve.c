/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty rota solved with the roster: after the seats are written, in the same
 * transaction, the draft's blocks are laid again and their primaries and backups
 * assigned by the solver's exact method; blocks a coordinator set by hand keep their
 * people */

#include "config.h"

#include "roster-engine-duty-private.h"
#include "roster-store-rosters.h"

#define SOURCE_MANUAL "manual"

/* the blocks set by hand: their primary is the only one the solver may choose, their
 * backups are kept; returns the manual block of each block index, or NULL */
static GPtrArray *
fix_manual(RosterDutyPlan *plan, GPtrArray *old)
{
	GPtrArray *manual = g_ptr_array_new();

	g_ptr_array_set_size(manual, (gint)plan->starts->len);
	for (guint i = 0; i < old->len; i++) {
		RosterStoreDutyBlock *block = g_ptr_array_index(old, i);
		gint b;
		gint p;
		if (g_strcmp0(block->source, SOURCE_MANUAL) != 0)
			continue;
		b = roster_duty_plan_find_block(plan, block->starts);
		p = roster_duty_plan_find_expert(plan, block->primary_id);
		if (b < 0 || p < 0)
			continue;
		for (guint q = 0; q < plan->experts->len; q++)
			roster_duty_problem_allow(plan->problem, (guint)b, q, q == (guint)p);
		g_ptr_array_index(manual, b) = block;
	}
	return manual;
}

static RosterStoreDutyBlock *
solved_block(const RosterDutyPlan *plan,
	     const RosterDutySolution *solution,
	     gint64 roster_id,
	     guint b)
{
	g_autoptr(RosterStoreDutyBlock) block = roster_store_duty_block_new();
	gint64 start = g_array_index(plan->starts, gint64, b);
	gint primary = solution->primary[b];

	block->roster_id = roster_id;
	block->starts = roster_duty_plan_dup_time(plan, start);
	block->ends =
	    roster_duty_plan_dup_time(plan, start + (gint64)plan->settings.block_hours * 60);
	if (primary >= 0)
		block->primary_id = roster_duty_plan_get_volunteer_id(plan, (guint)primary);
	else
		block->reason = roster_duty_plan_dup_reason(plan, b);
	for (guint r = 0; r < solution->n_backups; r++) {
		gint p = roster_duty_solution_get_backup(solution, b, r);
		gint64 id;
		if (p < 0)
			break;
		id = roster_duty_plan_get_volunteer_id(plan, (guint)p);
		g_array_append_val(block->backups, id);
	}
	return g_steal_pointer(&block);
}

/**
 * roster_engine_duty_write_draft:
 * @self: an engine
 * @roster_id: the roster
 * @model: the roster's model
 * @error: (nullable): return location for a #GError
 *
 * Inside the caller's transaction, after its seats are written: replaces the blocks of
 * the roster's draft by the solved ones (none when the line keeps no duty rota).
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_engine_duty_write_draft(RosterEngine *self,
			       gint64 roster_id,
			       const RosterHotlineModel *model,
			       GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(GPtrArray) assignments =
	    roster_store_list_assignments(store, roster_id, 0, error);
	g_autoptr(GPtrArray) old = NULL;
	g_autoptr(GPtrArray) manual = NULL;
	g_autoptr(RosterDutySolution) solution = NULL;
	g_auto(RosterDutyPlan) plan = {0};

	if (assignments == NULL || !roster_duty_plan_build(&plan, store, model, assignments, error))
		return FALSE;
	old = roster_store_duty_list_blocks(store, roster_id, 0, error);
	if (old == NULL || !roster_store_duty_delete_draft(store, roster_id, error))
		return FALSE;
	manual = fix_manual(&plan, old);
	solution = roster_duty_solve(plan.problem);
	for (guint b = 0; b < plan.starts->len; b++) {
		g_autoptr(RosterStoreDutyBlock) block = solved_block(&plan, solution, roster_id, b);
		RosterStoreDutyBlock *kept = g_ptr_array_index(manual, b);
		if (kept != NULL && kept->primary_id == block->primary_id) {
			g_array_set_size(block->backups, 0);
			g_array_append_vals(block->backups,
					    kept->backups->data,
					    kept->backups->len);
			g_free(block->source);
			block->source = g_strdup(SOURCE_MANUAL);
		}
		if (roster_store_duty_insert_block(store, block, error) == 0)
			return FALSE;
	}
	g_debug("roster %" G_GINT64_FORMAT ": %u duty blocks, %u without a primary",
		roster_id,
		plan.starts->len,
		solution->n_uncovered);
	return TRUE;
}

static guint
reason_count(JsonObject *reason, const gchar *key)
{
	return reason != NULL ? (guint)json_object_get_int_member_with_default(reason, key, 0) : 0;
}

/* an explanation item of a block without a primary, as the seats' items are made */
static JsonObject *
uncovered_item(const RosterStoreDutyBlock *block)
{
	JsonObject *item = json_object_new();
	g_autoptr(JsonNode) reason_node =
	    block->reason != NULL ? json_from_string(block->reason, NULL) : NULL;
	JsonObject *reason = reason_node != NULL && JSON_NODE_HOLDS_OBJECT(reason_node)
				 ? json_node_get_object(reason_node)
				 : NULL;
	g_autofree gchar *date = g_strndup(block->starts, 10);
	g_autofree gchar *text = g_strdup_printf(
	    "no duty expert for the block from %s to %s: %u eligible, %u without a recorded "
	    "response time, %u too slow for the SLA, %u unavailable, %u on a seat then, "
	    "%u resting after an activation, %u at their limit",
	    block->starts,
	    block->ends,
	    reason_count(reason, ROSTER_KEY_DUTY_ELIGIBLE),
	    reason_count(reason, ROSTER_KEY_DUTY_NO_REACH),
	    reason_count(reason, ROSTER_KEY_DUTY_TOO_SLOW),
	    reason_count(reason, ROSTER_KEY_DUTY_UNAVAILABLE),
	    reason_count(reason, ROSTER_KEY_DUTY_ON_SEAT),
	    reason_count(reason, ROSTER_KEY_DUTY_RESTING),
	    reason_count(reason, ROSTER_KEY_DUTY_AT_LIMIT));

	json_object_set_string_member(item, ROSTER_KEY_CODE, ROSTER_DUTY_UNCOVERED);
	json_object_set_string_member(item, ROSTER_KEY_KIND, "hard");
	json_object_set_string_member(item, ROSTER_KEY_DATE, date);
	json_object_set_string_member(item, ROSTER_KEY_SLOT, block->starts + 11);
	json_object_set_null_member(item, ROSTER_KEY_SEAT_CLASS);
	json_object_set_int_member(item, ROSTER_KEY_DUTY_BLOCK_ID, block->id);
	if (reason != NULL)
		json_object_set_object_member(item, ROSTER_KEY_REASON, json_object_ref(reason));
	json_object_set_string_member(item, ROSTER_KEY_TEXT, text);
	json_object_set_string_member(item, ROSTER_KEY_MESSAGE, text);
	return item;
}

/* an explanation item of a block whose primary a later change (a seat set by hand,
 * new unavailability, a slower response time) now bars by rule @rule */
static JsonObject *
conflict_item(const RosterStoreDutyBlock *block, const gchar *rule)
{
	JsonObject *item = json_object_new();
	JsonObject *reason = json_object_new();
	g_autofree gchar *date = g_strndup(block->starts, 10);
	g_autofree gchar *text =
	    g_strdup_printf("the duty expert of the block from %s to %s may not hold it: %s",
			    block->starts,
			    block->ends,
			    rule);

	json_object_set_string_member(item, ROSTER_KEY_CODE, ROSTER_DUTY_CONFLICT);
	json_object_set_string_member(item, ROSTER_KEY_KIND, "hard");
	json_object_set_string_member(item, ROSTER_KEY_DATE, date);
	json_object_set_string_member(item, ROSTER_KEY_SLOT, block->starts + 11);
	json_object_set_null_member(item, ROSTER_KEY_SEAT_CLASS);
	json_object_set_int_member(item, ROSTER_KEY_DUTY_BLOCK_ID, block->id);
	json_object_set_int_member(item, ROSTER_KEY_VOLUNTEER_ID, block->primary_id);
	json_object_set_string_member(reason, ROSTER_KEY_DUTY_RULE, rule);
	json_object_set_object_member(item, ROSTER_KEY_REASON, reason);
	json_object_set_string_member(item, ROSTER_KEY_TEXT, text);
	json_object_set_string_member(item, ROSTER_KEY_MESSAGE, text);
	return item;
}

/* the rule that now bars a block's primary, or NULL */
static const gchar *
primary_rule(const RosterDutyPlan *plan, const RosterStoreDutyBlock *block)
{
	gint b = roster_duty_plan_find_block(plan, block->starts);
	gint p = roster_duty_plan_find_expert(plan, block->primary_id);

	if (b < 0)
		return NULL;
	if (p < 0)
		return ROSTER_DUTY_NOT_ELIGIBLE;
	return roster_duty_plan_get_rule(plan, (guint)b, (guint)p);
}

/**
 * roster_engine_duty_add_explanations:
 * @self: an engine
 * @roster_id: the roster
 * @list: the roster's explanation list, {"items", "total"}
 * @error: (nullable): return location for a #GError
 *
 * Adds an item "duty-uncovered" for each block of the draft nobody holds, with the
 * counts of why in its reason, and an item "duty-conflict" for each block whose primary
 * a hard rule bars now (a seat given by hand that overlaps the block, new
 * unavailability), with the rule in its reason.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_engine_duty_add_explanations(RosterEngine *self,
				    gint64 roster_id,
				    const RosterHotlineModel *model,
				    JsonNode *list,
				    GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(GPtrArray) blocks = roster_store_duty_list_blocks(store, roster_id, 0, error);
	g_autoptr(GPtrArray) assignments = NULL;
	g_auto(RosterDutyPlan) plan = {0};
	JsonObject *obj = json_node_get_object(list);
	JsonArray *items = json_object_get_array_member(obj, ROSTER_KEY_ITEMS);
	gint64 total = json_object_get_int_member(obj, ROSTER_KEY_TOTAL);

	if (blocks == NULL)
		return FALSE;
	if (blocks->len == 0)
		return TRUE;
	assignments = roster_store_list_assignments(store, roster_id, 0, error);
	if (assignments == NULL || !roster_duty_plan_build(&plan, store, model, assignments, error))
		return FALSE;
	for (guint i = 0; i < blocks->len; i++) {
		const RosterStoreDutyBlock *block = g_ptr_array_index(blocks, i);
		const gchar *rule = block->primary_id > 0 ? primary_rule(&plan, block) : NULL;
		if (block->primary_id > 0 && rule == NULL)
			continue;
		json_array_add_object_element(items,
					      block->primary_id > 0 ? conflict_item(block, rule)
								    : uncovered_item(block));
		total++;
	}
	json_object_set_int_member(obj, ROSTER_KEY_TOTAL, total);
	return TRUE;
}
