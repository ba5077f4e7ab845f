/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty rota's settings and the experts' reachability: staff read them, admins and
 * coordinators write them, every write audited */

#include "config.h"

#include <string.h>

#include "roster-engine-duty-private.h"
#include "roster-engine-duty.h"
#include "roster-engine-hours-private.h"
#include "roster-engine-rosters-private.h"
#include "roster-error.h"
#include "roster-json-keys.h"

/**
 * roster_duty_refuse:
 * @error: (nullable): return location for a #GError
 * @field: the input member at fault
 * @message: what is wrong with it
 *
 * Sets %ROSTER_ERROR_INVALID_DATA about @field.
 *
 * Returns: %FALSE
 *
 * Since: 0.1
 */
gboolean
roster_duty_refuse(GError **error, const gchar *field, const gchar *message)
{
	roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, field, "duty: %s", message);
	return FALSE;
}

static gboolean
check_read(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_STAFF,
					      ROSTER_COLLECTION_DUTY,
					      "only staff may read the duty rota's settings",
					      error) &&
	       roster_engine_ensure_open(self, error);
}

static gboolean
check_write(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(
		   principal,
		   ROSTER_ROLES_PLANNERS,
		   ROSTER_COLLECTION_DUTY,
		   "only admins and coordinators may change the duty rota",
		   error) &&
	       roster_engine_ensure_open(self, error);
}

/* an integer member from @min to @max into @value; absent leaves @value */
static gboolean
read_int(JsonObject *obj, const gchar *key, gint min, gint max, gint *value, GError **error)
{
	JsonNode *node = json_object_get_member(obj, key);
	g_autofree gchar *message = NULL;

	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_INT64 ||
	    json_node_get_int(node) < min || json_node_get_int(node) > max) {
		message = g_strdup_printf("must be a whole number from %d to %d", min, max);
		return roster_duty_refuse(error, key, message);
	}
	*value = (gint)json_node_get_int(node);
	return TRUE;
}

/**
 * roster_duty_check_members:
 * @obj: a request body
 * @known: the members it may have
 * @error: (nullable): return location for a #GError
 *
 * Returns: %FALSE with the first unknown member as the error's field
 *
 * Since: 0.1
 */
gboolean
roster_duty_check_members(JsonObject *obj, const gchar *const *known, GError **error)
{
	g_autoptr(GList) members = json_object_get_members(obj);

	for (GList *l = members; l != NULL; l = l->next) {
		if (!g_strv_contains(known, l->data))
			return roster_duty_refuse(error, l->data, "is not a member of this object");
	}
	return TRUE;
}

static gboolean
read_settings(JsonObject *obj, RosterDutySettings *settings, GError **error)
{
	const gchar *const known[] = {ROSTER_KEY_DUTY_ENABLED,
				      ROSTER_KEY_DUTY_BLOCK_HOURS,
				      ROSTER_KEY_DUTY_SLA_MINUTES,
				      ROSTER_KEY_DUTY_SKILL,
				      ROSTER_KEY_DUTY_N_BACKUPS,
				      ROSTER_KEY_DUTY_REST_MINUTES,
				      NULL};
	JsonNode *node;

	if (!roster_duty_check_members(obj, known, error) ||
	    !read_int(obj, ROSTER_KEY_DUTY_BLOCK_HOURS, 12, 24, &settings->block_hours, error) ||
	    !read_int(obj, ROSTER_KEY_DUTY_SLA_MINUTES, 1, 240, &settings->sla_minutes, error) ||
	    !read_int(obj, ROSTER_KEY_DUTY_N_BACKUPS, 0, 5, &settings->n_backups, error) ||
	    !read_int(obj, ROSTER_KEY_DUTY_REST_MINUTES, 0, 2880, &settings->rest_minutes, error))
		return FALSE;
	if (settings->block_hours != 12 && settings->block_hours != 24)
		return roster_duty_refuse(error, ROSTER_KEY_DUTY_BLOCK_HOURS, "must be 12 or 24");
	node = json_object_get_member(obj, ROSTER_KEY_DUTY_ENABLED);
	if (node != NULL) {
		if (!JSON_NODE_HOLDS_VALUE(node) ||
		    json_node_get_value_type(node) != G_TYPE_BOOLEAN)
			return roster_duty_refuse(error,
						  ROSTER_KEY_DUTY_ENABLED,
						  "must be true or false");
		settings->enabled = json_node_get_boolean(node);
	}
	node = json_object_get_member(obj, ROSTER_KEY_DUTY_SKILL);
	if (node != NULL) {
		const gchar *skill =
		    JSON_NODE_HOLDS_VALUE(node) && json_node_get_value_type(node) == G_TYPE_STRING
			? json_node_get_string(node)
			: NULL;
		if (skill == NULL || *skill == '\0' || strlen(skill) > 64 ||
		    !g_utf8_validate(skill, -1, NULL))
			return roster_duty_refuse(error,
						  ROSTER_KEY_DUTY_SKILL,
						  "must be a skill name of 1 to 64 bytes");
		g_free(settings->skill);
		settings->skill = g_strdup(skill);
	}
	return TRUE;
}

/**
 * roster_engine_get_duty_settings:
 * @self: an engine
 * @principal: a staff member
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the line's duty settings, the defaults when none are saved
 *   ("enabled" false)
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_get_duty_settings(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	g_auto(RosterDutySettings) settings = {0};

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_read(self, principal, error) ||
	    !roster_duty_settings_load(roster_engine_get_store(self), &settings, error))
		return NULL;
	return roster_duty_settings_to_node(&settings);
}

/**
 * roster_engine_set_duty_settings:
 * @self: an engine
 * @principal: a planner
 * @body: any of the settings' members; a first save turns the rota on
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the settings as stored
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_set_duty_settings(RosterEngine *self,
				RosterPrincipal *principal,
				JsonNode *body,
				GError **error)
{
	RosterStore *store;
	g_auto(RosterDutySettings) settings = {0};
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *text = NULL;
	JsonObject *obj;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_write(self, principal, error))
		return NULL;
	store = roster_engine_get_store(self);
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL || !roster_duty_settings_load(store, &settings, error))
		return NULL;
	before = roster_duty_settings_to_node(&settings);
	settings.enabled = TRUE;
	if (!read_settings(obj, &settings, error))
		return NULL;
	after = roster_duty_settings_to_node(&settings);
	text = json_to_string(after, FALSE);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_set_setting(store, ROSTER_SETTING_DUTY, text, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     ROSTER_ACTION_UPDATE,
					     ROSTER_COLLECTION_DUTY,
					     0,
					     before,
					     after,
					     error))
		return NULL;
	return g_steal_pointer(&after);
}

/**
 * roster_engine_list_duty_reach:
 * @self: an engine
 * @principal: a staff member
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [{volunteer_id, phone, response_minutes,
 *   max_blocks_month, modified}], "total"}
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_list_duty_reach(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	g_autoptr(JsonArray) rows = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_read(self, principal, error))
		return NULL;
	rows = roster_store_duty_list_reach(roster_engine_get_store(self), error);
	if (rows == NULL)
		return NULL;
	return roster_engine_new_list(rows, -1);
}

static JsonNode *
reach_node(gint64 volunteer_id, const gchar *phone, gint response, gint max_blocks)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, volunteer_id);
	json_builder_set_member_name(b, ROSTER_KEY_PHONE);
	if (phone != NULL)
		json_builder_add_string_value(b, phone);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_RESPONSE_MINUTES);
	json_builder_add_int_value(b, response);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_MAX_BLOCKS);
	if (max_blocks >= 0)
		json_builder_add_int_value(b, max_blocks);
	else
		json_builder_add_null_value(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/* the phone member: absent or null for none, else 3 to 32 digits, spaces, +, - */
static gboolean
read_phone(JsonObject *obj, const gchar **phone, GError **error)
{
	JsonNode *node = json_object_get_member(obj, ROSTER_KEY_PHONE);
	const gchar *text;
	gsize n;

	*phone = NULL;
	if (node == NULL || JSON_NODE_HOLDS_NULL(node))
		return TRUE;
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_STRING)
		return roster_duty_refuse(error,
					  ROSTER_KEY_PHONE,
					  "must be a phone number or null");
	text = json_node_get_string(node);
	n = strlen(text);
	if (n < 3 || n > 32 || strspn(text, "0123456789 +-") != n)
		return roster_duty_refuse(error,
					  ROSTER_KEY_PHONE,
					  "must be 3 to 32 digits, spaces, + or -");
	*phone = text;
	return TRUE;
}

/**
 * roster_engine_set_duty_reach:
 * @self: an engine
 * @principal: a planner
 * @volunteer_id: the volunteer
 * @body: {"response_minutes", "phone"?, "max_blocks_month"?}
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the row as stored
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_set_duty_reach(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 volunteer_id,
			     JsonNode *body,
			     GError **error)
{
	const gchar *const known[] = {ROSTER_KEY_PHONE,
				      ROSTER_KEY_DUTY_RESPONSE_MINUTES,
				      ROSTER_KEY_DUTY_MAX_BLOCKS,
				      NULL};
	RosterStore *store;
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	const gchar *phone = NULL;
	gint response = -1;
	gint max_blocks = -1;
	JsonObject *obj;
	JsonNode *max_node;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_write(self, principal, error))
		return NULL;
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL || !roster_duty_check_members(obj, known, error) ||
	    !read_phone(obj, &phone, error))
		return NULL;
	if (!json_object_has_member(obj, ROSTER_KEY_DUTY_RESPONSE_MINUTES)) {
		roster_duty_refuse(error, ROSTER_KEY_DUTY_RESPONSE_MINUTES, "is required");
		return NULL;
	}
	max_node = json_object_get_member(obj, ROSTER_KEY_DUTY_MAX_BLOCKS);
	if (!read_int(obj, ROSTER_KEY_DUTY_RESPONSE_MINUTES, 1, 1440, &response, error) ||
	    (max_node != NULL && !JSON_NODE_HOLDS_NULL(max_node) &&
	     !read_int(obj, ROSTER_KEY_DUTY_MAX_BLOCKS, 0, 62, &max_blocks, error)))
		return NULL;
	if (!roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	store = roster_engine_get_store(self);
	after = reach_node(volunteer_id, phone, response, max_blocks);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_duty_set_reach(store,
					 volunteer_id,
					 phone,
					 response,
					 max_blocks,
					 now,
					 error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     ROSTER_ACTION_UPDATE,
					     ROSTER_COLLECTION_DUTY,
					     volunteer_id,
					     NULL,
					     after,
					     error))
		return NULL;
	return g_steal_pointer(&after);
}

/**
 * roster_engine_delete_duty_reach:
 * @self: an engine
 * @principal: a planner
 * @volunteer_id: the volunteer
 * @error: (nullable): return location for a #GError
 *
 * The volunteer is no longer reachable for duty: the solver leaves them out.
 *
 * Returns: (transfer full): {"volunteer_id"}
 *
 * Since: 0.1
 */
JsonNode *
roster_engine_delete_duty_reach(RosterEngine *self,
				RosterPrincipal *principal,
				gint64 volunteer_id,
				GError **error)
{
	RosterStore *store;
	g_autoptr(JsonBuilder) b = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!check_write(self, principal, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_duty_delete_reach(store, volunteer_id, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     ROSTER_ACTION_DELETE,
					     ROSTER_COLLECTION_DUTY,
					     volunteer_id,
					     NULL,
					     NULL,
					     error))
		return NULL;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, volunteer_id);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
