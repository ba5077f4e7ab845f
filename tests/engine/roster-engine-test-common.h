/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* helpers of the engine tests: a volunteer, an account of a role logged in */

#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-common.h"

G_BEGIN_DECLS

#define VOLUNTEER_BODY                                                                             \
	"{\"name\":\"张伟\",\"counsellor_no\":\"SZ-001\",\"tier\":\"counsellor\","               \
	"\"phone\":\"+86 138-0000-0000\",\"email\":\"zhang@example.org\"}"

JsonObject *
obj(JsonNode *node);

gint64
add_volunteer(RosterTestFixture *fixture, const gchar *number);

/* an account of @role, logged in */
RosterPrincipal *
login_as(RosterTestFixture *fixture, const gchar *role, gint64 volunteer_id);

#define ROSTER_ENGINE_TEST_ADD(path, func)                                                         \
	g_test_add(path,                                                                           \
		   RosterTestFixture,                                                              \
		   NULL,                                                                           \
		   roster_test_fixture_setup,                                                      \
		   func,                                                                           \
		   roster_test_fixture_teardown)

void
roster_test_add_engine_records(void);
void
roster_test_add_engine_access(void);

G_END_DECLS
