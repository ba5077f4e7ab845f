/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the app's copy of the daemon's role sets (service/engine/roster-engine-private.h):
 * planners change rosters, volunteers, rounds and requests; managers keep the records
 * settings and promotions; only admins see accounts */

#include "config.h"

#include "roster-client-roles.h"

static gboolean
has_role(RosterClient *client, const gchar *first, const gchar *second)
{
	const gchar *role;

	if (client == NULL)
		return FALSE;
	role = roster_client_get_role(client);
	return g_strcmp0(role, first) == 0 || (second != NULL && g_strcmp0(role, second) == 0);
}

/**
 * roster_client_can_plan:
 * @client: (nullable): a #RosterClient
 *
 * Returns: whether the account is an admin or a coordinator, who change rosters,
 *   volunteers, rounds and requests
 *
 * Since: 0.4
 */
gboolean
roster_client_can_plan(RosterClient *client)
{
	return has_role(client, "admin", "coordinator");
}

/**
 * roster_client_can_keep_records:
 * @client: (nullable): a #RosterClient
 *
 * Returns: whether the account is an admin or a manager, who alone change the record
 *   settings, promote volunteers and read the audit log
 *
 * Since: 0.4
 */
gboolean
roster_client_can_keep_records(RosterClient *client)
{
	return has_role(client, "admin", "manager");
}

/**
 * roster_client_is_admin:
 * @client: (nullable): a #RosterClient
 *
 * Returns: whether the account is an admin, who alone sees and changes accounts
 *
 * Since: 0.4
 */
gboolean
roster_client_is_admin(RosterClient *client)
{
	return has_role(client, "admin", NULL);
}
