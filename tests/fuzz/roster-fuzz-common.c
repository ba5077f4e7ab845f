/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "roster-engine-calendar.h"
#include "roster-fuzz-common.h"
#include "roster-json-keys.h"

static gchar *tmpdir = NULL;
static gchar *backup_path = NULL;
static gchar *calendar_token = NULL;
static RosterEngine *engine = NULL;
static RosterPrincipal *principal = NULL;

static void
remove_tmpdir(void)
{
	g_autoptr(GDir) dir = NULL;
	const gchar *name;

	g_clear_pointer(&principal, roster_principal_unref);
	g_clear_object(&engine);
	if (tmpdir == NULL)
		return;
	dir = g_dir_open(tmpdir, 0, NULL);
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *path = g_build_filename(tmpdir, name, NULL);
		g_unlink(path);
	}
	g_rmdir(tmpdir);
	g_clear_pointer(&tmpdir, g_free);
	g_clear_pointer(&backup_path, g_free);
	g_clear_pointer(&calendar_token, g_free);
}

static gint64
create_record(const gchar *collection, const gchar *json)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = json_from_string(json, &error);
	g_autoptr(JsonNode) record = NULL;

	if (body != NULL)
		record = roster_engine_create(engine, principal, collection, 0, body, &error);
	if (record == NULL) {
		g_printerr("fuzz setup: creating %s: %s\n", collection, error->message);
		abort();
	}
	return json_object_get_int_member(json_node_get_object(record), ROSTER_KEY_ID);
}

static void
ensure_engine(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) token = NULL;
	g_autofree gchar *database_path = NULL;
	g_autofree gchar *volunteer = NULL;
	gint64 team_id;
	gint64 volunteer_id;

	if (engine != NULL)
		return;
	tmpdir = g_dir_make_tmp("roster-fuzz-XXXXXX", &error);
	if (tmpdir == NULL) {
		g_printerr("fuzz setup: %s\n", error->message);
		abort();
	}
	atexit(remove_tmpdir);
	database_path = g_build_filename(tmpdir, "roster.db", NULL);
	backup_path = g_build_filename(tmpdir, "pristine.db", NULL);
	engine = roster_engine_new(database_path);
	roster_engine_set_fast_password_hashing(engine, TRUE);
	if (!roster_engine_open(engine, &error)) {
		g_printerr("fuzz setup: opening the engine: %s\n", error->message);
		abort();
	}
	principal = roster_engine_dup_local_principal(engine);
	team_id = create_record(ROSTER_COLLECTION_TEAMS, "{\"name\":\"Team A\"}");
	volunteer = g_strdup_printf(
	    "{\"name\":\"Li Lei\",\"counsellor_no\":\"A001\",\"tier\":\"counsellor\","
	    "\"modes\":[\"on-site\"],\"team_id\":%" G_GINT64_FORMAT "}",
	    team_id);
	volunteer_id = create_record(ROSTER_COLLECTION_VOLUNTEERS, volunteer);
	token = roster_engine_rotate_calendar_token(engine, principal, volunteer_id, &error);
	if (token == NULL) {
		g_printerr("fuzz setup: rotating a calendar token: %s\n", error->message);
		abort();
	}
	calendar_token =
	    g_strdup(json_object_get_string_member(json_node_get_object(token), ROSTER_KEY_TOKEN));
	if (!roster_engine_backup(engine, backup_path, &error)) {
		g_printerr("fuzz setup: backing up: %s\n", error->message);
		abort();
	}
}

RosterEngine *
roster_fuzz_get_engine(void)
{
	ensure_engine();
	return engine;
}

RosterPrincipal *
roster_fuzz_get_principal(void)
{
	ensure_engine();
	return principal;
}

const gchar *
roster_fuzz_get_calendar_token(void)
{
	ensure_engine();
	return calendar_token;
}

void
roster_fuzz_reset_engine(void)
{
	g_autoptr(GError) error = NULL;

	ensure_engine();
	if (!roster_engine_restore(engine, backup_path, &error)) {
		g_printerr("fuzz: restoring the database: %s\n", error->message);
		abort();
	}
}

guint8
roster_fuzz_input_read_byte(RosterFuzzInput *input)
{
	guint8 value;

	if (input->size == 0)
		return 0;
	value = input->data[0];
	input->data++;
	input->size--;
	return value;
}

gchar *
roster_fuzz_input_dup_field(RosterFuzzInput *input)
{
	const guint8 *end;
	gsize length;
	gchar *field;

	if (input->size == 0)
		return NULL;
	end = memchr(input->data, '\0', input->size);
	length = end != NULL ? (gsize)(end - input->data) : input->size;
	field = g_strndup((const gchar *)input->data, length);
	input->data += length;
	input->size -= length;
	if (input->size > 0) {
		input->data++;
		input->size--;
	}
	return field;
}
