/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the records tests' fixture: an engine on a fresh database with one principal per
 * role, two volunteers and a published roster for March 2026, built through the engine */

#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "roster-calendar-ical.h"
#include "roster-engine-calendar.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/* each test builds a small published roster for March 2026 through the engine */
#define PERIOD_START "2026-03-01"
#define PERIOD_END   "2026-03-31"

typedef struct {
	gchar *tmpdir;
	RosterEngine *engine;
	RosterPrincipal *admin;
	RosterPrincipal *coordinator;
	RosterPrincipal *manager;
	RosterPrincipal *vol_a;
	RosterPrincipal *vol_b;
	gint64 team;
	gint64 seat;
	gint64 a;
	gint64 b;
	gint64 roster;
} Fixture;

static inline JsonObject *
obj(JsonNode *node)
{
	return json_node_get_object(node);
}

static inline gint64
create(Fixture *f, const gchar *collection, JsonNode *body_owned)
{
	g_autoptr(JsonNode) body = body_owned;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) record =
	    roster_engine_create(f->engine, f->admin, collection, 0, body, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(obj(record), ROSTER_KEY_ID);
}

static inline gint64
revision_of(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = roster_engine_get_roster(f->engine, f->admin, f->roster, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(obj(node), ROSTER_KEY_REVISION);
}

/* assigns @volunteer and returns the assignment id */
static inline gint64
assign(Fixture *f, gint64 volunteer, const gchar *date, const gchar *slot)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"%s\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT
	    ",\"override\":true}",
	    revision_of(f),
	    date,
	    slot,
	    f->seat,
	    volunteer);
	g_autoptr(JsonNode) result =
	    roster_engine_assign(f->engine, f->admin, f->roster, body, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(obj(result), ROSTER_KEY_ID);
}

static inline void
publish(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result =
	    roster_engine_publish_roster(f->engine, f->admin, f->roster, revision_of(f), &error);

	g_assert_no_error(error);
}

static inline void
fixture_setup(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) roster = NULL;

	f->tmpdir = g_dir_make_tmp("roster-records-XXXXXX", &error);
	g_assert_no_error(error);
	path = g_build_filename(f->tmpdir, "roster.db", NULL);
	f->engine = roster_engine_new(path);
	roster_engine_set_fast_password_hashing(f->engine, TRUE);
	g_assert_true(roster_engine_open(f->engine, &error));
	g_assert_no_error(error);
	f->admin = roster_engine_dup_local_principal(f->engine);
	f->team =
	    create(f, ROSTER_COLLECTION_TEAMS, roster_test_json_printf("{\"name\":\"一组\"}"));
	f->seat = create(
	    f,
	    ROSTER_COLLECTION_SEAT_CLASSES,
	    roster_test_json_printf("{\"code\":\"crisis\",\"name\":\"危机专席\",\"mode\":\"cloud\","
				    "\"min_tier\":\"counsellor\",\"crisis\":true}"));
	f->a = create(f,
		      ROSTER_COLLECTION_VOLUNTEERS,
		      roster_test_json_printf(
			  "{\"name\":\"张三\",\"counsellor_no\":\"A001\",\"tier\":\"counsellor\","
			  "\"team_id\":%" G_GINT64_FORMAT ",\"honour_roll_consent\":true}",
			  f->team));
	f->b = create(f,
		      ROSTER_COLLECTION_VOLUNTEERS,
		      roster_test_json_printf(
			  "{\"name\":\"李四\",\"counsellor_no\":\"B002\",\"tier\":\"trainee\"}"));
	f->coordinator = roster_principal_new(2, "coord", ROSTER_ROLE_COORDINATOR, 0);
	f->manager = roster_principal_new(3, "manager", ROSTER_ROLE_MANAGER, 0);
	f->vol_a = roster_principal_new(4, "vol-a", ROSTER_ROLE_VOLUNTEER, f->a);
	f->vol_b = roster_principal_new(5, "vol-b", ROSTER_ROLE_VOLUNTEER, f->b);
	body = roster_test_json_printf("{\"name\":\"三月\",\"period_start\":\"" PERIOD_START
				       "\",\"period_end\":\"" PERIOD_END "\"}");
	roster = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	f->roster = json_object_get_int_member(obj(roster), ROSTER_KEY_ID);
}

static inline void
fixture_teardown(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GDir) dir = NULL;
	const gchar *name;

	g_clear_pointer(&f->admin, roster_principal_unref);
	g_clear_pointer(&f->coordinator, roster_principal_unref);
	g_clear_pointer(&f->manager, roster_principal_unref);
	g_clear_pointer(&f->vol_a, roster_principal_unref);
	g_clear_pointer(&f->vol_b, roster_principal_unref);
	g_clear_object(&f->engine);
	dir = g_dir_open(f->tmpdir, 0, NULL);
	while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *path = g_build_filename(f->tmpdir, name, NULL);
		g_unlink(path);
	}
	g_rmdir(f->tmpdir);
	g_free(f->tmpdir);
}
