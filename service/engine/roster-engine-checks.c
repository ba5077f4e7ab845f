/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what every part of the rosters engine checks first: the caller's role, the body of a
 * request and the revision the caller read; it uses no other part, so that loading,
 * solving and editing all build on it */

#include "config.h"

#include "roster-engine-rosters-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"

/**
 * roster_rosters_check_read:
 * @self: an engine
 * @principal: the caller
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether @principal may read rosters, with the database open
 **/
gboolean
roster_rosters_check_read(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_SIGNED_IN,
					      ROSTER_COLLECTION_ROSTERS,
					      "not allowed",
					      error) &&
	       roster_engine_ensure_open(self, error);
}

/**
 * roster_rosters_check_write:
 * @self: an engine
 * @principal: the caller
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether @principal may change rosters, with the database open
 **/
gboolean
roster_rosters_check_write(RosterEngine *self, RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_PLANNERS,
					      ROSTER_COLLECTION_ROSTERS,
					      "only admins and coordinators may change rosters",
					      error) &&
	       roster_engine_ensure_open(self, error);
}

/**
 * roster_rosters_check_staff:
 * @principal: the caller
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether @principal may read everybody's shifts: not a volunteer
 **/
gboolean
roster_rosters_check_staff(RosterPrincipal *principal, GError **error)
{
	return roster_engine_check_permission(principal,
					      ROSTER_ROLES_SIGNED_IN,
					      ROSTER_COLLECTION_ROSTERS,
					      "not allowed",
					      error) &&
	       roster_engine_check_permission(principal,
					      ROSTER_ROLES_STAFF,
					      ROSTER_COLLECTION_ROSTERS,
					      "a volunteer sees only its own assignments",
					      error);
}

/**
 * roster_rosters_check_revision:
 * @roster: a roster as stored
 * @revision: the revision the caller read
 * @error: (nullable): return location for a #GError
 *
 * Returns: %FALSE with ROSTER_ERROR_CONFLICT when @roster changed since
 **/
gboolean
roster_rosters_check_revision(const RosterStoreRoster *roster, gint64 revision, GError **error)
{
	if (roster->revision == revision)
		return TRUE;
	g_set_error(error,
		    ROSTER_ERROR,
		    ROSTER_ERROR_CONFLICT,
		    "rosters: record %" G_GINT64_FORMAT
		    " was changed by someone else (revision %" G_GINT64_FORMAT " is not current)",
		    roster->id,
		    revision);
	return FALSE;
}

/**
 * roster_rosters_invalid:
 * @error: (nullable): return location for a #GError
 * @field: the input field
 * @message: what is wrong with it
 *
 * Returns: %FALSE, with ROSTER_ERROR_INVALID_DATA about @field
 **/
gboolean
roster_rosters_invalid(GError **error, const gchar *field, const gchar *message)
{
	roster_error_set_field(error, ROSTER_ERROR_INVALID_DATA, field, "%s", message);
	return FALSE;
}

/**
 * roster_rosters_body_object:
 * @body: (nullable): a request body
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer none): the object of @body, or %NULL when it is none
 **/
JsonObject *
roster_rosters_body_object(JsonNode *body, GError **error)
{
	if (body == NULL || !JSON_NODE_HOLDS_OBJECT(body)) {
		roster_rosters_invalid(error, "body", "must be a JSON object");
		return NULL;
	}
	return json_node_get_object(body);
}

/**
 * roster_rosters_is_int:
 * @obj: a JSON object
 * @key: a member
 *
 * Returns: whether member @key of @obj is an integer
 **/
gboolean
roster_rosters_is_int(JsonObject *obj, const gchar *key)
{
	JsonNode *node = json_object_get_member(obj, key);
	return node != NULL && JSON_NODE_HOLDS_VALUE(node) &&
	       json_node_get_value_type(node) == G_TYPE_INT64;
}
