/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* activations of the duty rota: the expert of a published block took a crisis call;
 * the minutes become an on-call service log (the records engine counts them towards
 * the stars) and the next block gives the expert rest */

#include "config.h"

#include "roster-engine-duty-private.h"
#include "roster-engine-duty.h"
#include "roster-engine-rosters-private.h"
#include "roster-error.h"
#include "roster-json-keys-records.h"
#include "roster-store-hours.h"

#define AUDIT_ACTIVATION "duty-activation"
#define LOG_KIND_ON_CALL "on-call"
/* one activation claims a day at most, as one service log does */
#define MAX_ACTIVATION_MINUTES (24 * 60)

/* "YYYY-MM-DDTHH:MM" as minutes since the julian day 0, or -1 */
static gint64
parse_local(const gchar *text)
{
	guint32 julian = 0;
	gint minutes = 0;

	if (!roster_duty_parse_local(text, &julian, &minutes))
		return -1;
	return (gint64)julian * 1440 + minutes;
}

static const gchar *
read_time(JsonObject *obj, const gchar *key, gint64 *minutes, GError **error)
{
	const gchar *text = json_object_get_string_member_with_default(obj, key, NULL);

	*minutes = parse_local(text);
	if (*minutes < 0) {
		roster_duty_refuse(error, key, "must be a local time YYYY-MM-DDTHH:MM");
		return NULL;
	}
	return text;
}

static gboolean
holds_block(const RosterStoreDutyBlock *block, gint64 volunteer_id)
{
	if (block->primary_id == volunteer_id)
		return TRUE;
	for (guint i = 0; i < block->backups->len; i++) {
		if (g_array_index(block->backups, gint64, i) == volunteer_id)
			return TRUE;
	}
	return FALSE;
}

/* the service log of an activation, pending until decided */
static JsonObject *
log_row(gint64 volunteer_id, const gchar *started, gint64 minutes, const gchar *now)
{
	JsonObject *row = json_object_new();
	g_autofree gchar *date = g_strndup(started, 10);
	g_autofree gchar *description = g_strdup_printf("duty activation %s", started);

	json_object_set_int_member(row, ROSTER_KEY_VOLUNTEER_ID, volunteer_id);
	json_object_set_string_member(row, ROSTER_KEY_DATE, date);
	json_object_set_int_member(row, ROSTER_KEY_MINUTES, minutes);
	json_object_set_string_member(row, ROSTER_KEY_KIND, LOG_KIND_ON_CALL);
	json_object_set_string_member(row, ROSTER_KEY_DESCRIPTION, description);
	json_object_set_string_member(row, ROSTER_KEY_CREATED, now);
	json_object_set_string_member(row, ROSTER_KEY_STATE, ROSTER_LOG_PENDING);
	return row;
}

static JsonNode *
activation_node(gint64 id,
		gint64 block_id,
		gint64 volunteer_id,
		const gchar *started,
		const gchar *ended,
		gint64 log_id)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ID);
	json_builder_add_int_value(b, id);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_BLOCK_ID);
	json_builder_add_int_value(b, block_id);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, volunteer_id);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_STARTED);
	json_builder_add_string_value(b, started);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_ENDED);
	json_builder_add_string_value(b, ended);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_SERVICE_LOG_ID);
	json_builder_add_int_value(b, log_id);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_engine_record_duty_activation:
 * @self: an engine
 * @principal: a planner, or the expert who was called
 * @body: {"block_id", "volunteer_id", "started", "ended"} (local times)
 * @error: (nullable): return location for a #GError
 *
 * The block must be of a published version and the volunteer its primary or a
 * backup; the activation starts within the block and lasts at most a day. Its minutes
 * are an on-call service log, approved when a planner records it and pending (for a
 * manager's approval) when the expert does.
 *
 * Returns: (transfer full): the activation with its service log's id
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_record_duty_activation(RosterEngine *self,
				     RosterPrincipal *principal,
				     JsonNode *body,
				     GError **error)
{
	const gchar *const known[] = {ROSTER_KEY_DUTY_BLOCK_ID,
				      ROSTER_KEY_VOLUNTEER_ID,
				      ROSTER_KEY_DUTY_STARTED,
				      ROSTER_KEY_DUTY_ENDED,
				      NULL};
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(RosterStoreDutyBlock) block = NULL;
	g_autoptr(JsonObject) row = NULL;
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	const gchar *started;
	const gchar *ended;
	gint64 block_id;
	gint64 volunteer_id;
	gint64 start = 0;
	gint64 end = 0;
	gint64 log_id;
	gint64 id;
	gboolean planner;
	JsonObject *obj;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL || !roster_duty_check_members(obj, known, error))
		return NULL;
	if (!roster_rosters_is_int(obj, ROSTER_KEY_DUTY_BLOCK_ID)) {
		roster_duty_refuse(error, ROSTER_KEY_DUTY_BLOCK_ID, "must be a block id");
		return NULL;
	}
	if (!roster_rosters_is_int(obj, ROSTER_KEY_VOLUNTEER_ID)) {
		roster_duty_refuse(error, ROSTER_KEY_VOLUNTEER_ID, "must be a volunteer id");
		return NULL;
	}
	block_id = json_object_get_int_member(obj, ROSTER_KEY_DUTY_BLOCK_ID);
	volunteer_id = json_object_get_int_member(obj, ROSTER_KEY_VOLUNTEER_ID);
	planner = roster_engine_check_permission(principal,
						 ROSTER_ROLES_PLANNERS,
						 ROSTER_COLLECTION_DUTY,
						 "",
						 NULL);
	if (!roster_engine_check_permission(
		principal,
		roster_engine_roles_or_own(principal, ROSTER_ROLES_PLANNERS, volunteer_id),
		ROSTER_COLLECTION_DUTY,
		"only admins, coordinators and the expert called may record an activation",
		error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	started = read_time(obj, ROSTER_KEY_DUTY_STARTED, &start, error);
	ended = started != NULL ? read_time(obj, ROSTER_KEY_DUTY_ENDED, &end, error) : NULL;
	if (ended == NULL)
		return NULL;
	if (end <= start || end - start > MAX_ACTIVATION_MINUTES) {
		roster_duty_refuse(error,
				   ROSTER_KEY_DUTY_ENDED,
				   "must be after the start and at most 24 hours later");
		return NULL;
	}
	block = roster_store_duty_get_block(store, block_id, error);
	if (block == NULL)
		return NULL;
	if (block->version == 0) {
		roster_duty_refuse(error,
				   ROSTER_KEY_DUTY_BLOCK_ID,
				   "must be a block of a published version");
		return NULL;
	}
	if (!holds_block(block, volunteer_id)) {
		roster_duty_refuse(error,
				   ROSTER_KEY_VOLUNTEER_ID,
				   "is neither the block's primary nor one of its backups");
		return NULL;
	}
	if (start < parse_local(block->starts) || start >= parse_local(block->ends)) {
		roster_duty_refuse(error, ROSTER_KEY_DUTY_STARTED, "must lie within the block");
		return NULL;
	}
	row = log_row(volunteer_id, started, end - start, now);
	if (!roster_store_begin(store, error))
		return NULL;
	log_id = roster_store_insert_service_log(store, row, error);
	id = log_id > 0 && (!planner || roster_store_decide_service_log(
					    store,
					    log_id,
					    ROSTER_LOG_APPROVED,
					    roster_principal_get_username(principal),
					    now,
					    error))
		 ? roster_store_duty_insert_activation(store,
						       block_id,
						       volunteer_id,
						       started,
						       ended,
						       log_id,
						       now,
						       roster_principal_get_username(principal),
						       error)
		 : 0;
	if (id <= 0) {
		roster_store_rollback(store);
		return NULL;
	}
	after = activation_node(id, block_id, volunteer_id, started, ended, log_id);
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     AUDIT_ACTIVATION,
					     ROSTER_COLLECTION_DUTY,
					     id,
					     NULL,
					     after,
					     error))
		return NULL;
	return g_steal_pointer(&after);
}
