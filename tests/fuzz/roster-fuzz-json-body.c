/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "roster-engine-hours.h"
#include "roster-fuzz-common.h"
#include "roster-http-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-record.h"

/*
 * A request body as the HTTP layer reads it (roster_http_parse_json: size, UTF-8,
 * depth, json-glib), then through every validator a body meets: the record kinds'
 * field tables for a create and for a patch, and the engine's own bodies for the
 * service records, which are stored when valid (the database is reset afterwards).
 */

static const gchar *const collections[] = {
    ROSTER_COLLECTION_CALENDARS,
    ROSTER_COLLECTION_SEAT_CLASSES,
    ROSTER_COLLECTION_DEMAND_RULES,
    ROSTER_COLLECTION_TEAMS,
    ROSTER_COLLECTION_VOLUNTEERS,
    ROSTER_COLLECTION_AVAILABILITY,
    ROSTER_COLLECTION_ACCOUNTS,
};

typedef JsonNode *(*BodyFunc)(RosterEngine *engine,
			      RosterPrincipal *principal,
			      JsonNode *body,
			      GError **error);

static const BodyFunc engine_bodies[] = {
    roster_engine_record_attendance,
    roster_engine_confirm_day,
    roster_engine_create_service_log,
    roster_engine_create_training,
    roster_engine_create_rating,
    roster_engine_set_record_settings,
    roster_engine_promote,
};

/* every failure names its reason: a NULL result without an error is a bug */
static void
check_failure(const gchar *what, const GError *error)
{
	if (error == NULL || error->message == NULL) {
		g_printerr("%s failed without an error\n", what);
		abort();
	}
}

static void
validate_kind(const RosterKind *kind, JsonNode *body)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterRecord) created = NULL;
	g_autoptr(RosterRecord) patched = NULL;
	g_autoptr(JsonNode) output = NULL;

	created = roster_record_from_json(kind, body, NULL, &error);
	if (created == NULL) {
		check_failure(kind->collection, error);
		return;
	}
	output = roster_record_to_node(created, ROSTER_RECORD_FLAG_TRUSTED);
	if (output == NULL || !JSON_NODE_HOLDS_OBJECT(output)) {
		g_printerr("%s: a valid record gave no JSON object\n", kind->collection);
		abort();
	}
	patched = roster_record_from_json(kind, body, created, &error);
	if (patched == NULL)
		check_failure(kind->collection, error);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = NULL;
	RosterEngine *engine;
	RosterPrincipal *principal;
	gboolean changed = FALSE;

	body = roster_http_parse_json((const gchar *)data, size, &error);
	if (body == NULL) {
		check_failure("parsing the body", error);
		return 0;
	}
	for (guint i = 0; i < G_N_ELEMENTS(collections); i++)
		validate_kind(roster_kind_lookup(collections[i]), body);

	engine = roster_fuzz_get_engine();
	principal = roster_fuzz_get_principal();
	for (guint i = 0; i < G_N_ELEMENTS(engine_bodies); i++) {
		g_autoptr(GError) error_local = NULL;
		g_autoptr(JsonNode) result =
		    engine_bodies[i](engine, principal, body, &error_local);
		if (result == NULL)
			check_failure("an engine body", error_local);
		else
			changed = TRUE;
	}
	if (changed)
		roster_fuzz_reset_engine();
	return 0;
}
