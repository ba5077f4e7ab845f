/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* helpers of the engine tests: a volunteer, an account of a role logged in */

#include "config.h"

#include "roster-engine-test-common.h"

JsonObject *
obj(JsonNode *node)
{
	return json_node_get_object(node);
}

gint64
add_volunteer(RosterTestFixture *fixture, const gchar *number)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"志愿者 %s\",\"counsellor_no\":\"%s\",\"tier\":\"senior\","
			    "\"phone\":\"123\",\"email\":\"v%s@example.org\"}",
			    number,
			    number,
			    number);
	return roster_test_create(fixture, ROSTER_COLLECTION_VOLUNTEERS, 0, body);
}

/* an account of @role, logged in */
RosterPrincipal *
login_as(RosterTestFixture *fixture, const gchar *role, gint64 volunteer_id)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *username = g_strdup_printf("%s-%" G_GINT64_FORMAT, role, volunteer_id);
	g_autofree gchar *body = NULL;
	g_autofree gchar *token = NULL;
	RosterPrincipal *principal = NULL;

	if (volunteer_id > 0) {
		body = g_strdup_printf(
		    "{\"username\":\"%s\",\"role\":\"%s\",\"volunteer_id\":%" G_GINT64_FORMAT
		    ",\"password\":\"correct horse\"}",
		    username,
		    role,
		    volunteer_id);
	} else {
		body = g_strdup_printf(
		    "{\"username\":\"%s\",\"role\":\"%s\",\"password\":\"correct horse\"}",
		    username,
		    role);
	}
	roster_test_create(fixture, ROSTER_COLLECTION_ACCOUNTS, 0, body);
	token = roster_engine_login(fixture->engine,
				    username,
				    "correct horse",
				    NULL,
				    &principal,
				    &error);
	g_assert_no_error(error);
	g_assert_nonnull(token);
	return principal;
}
