/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the fixture and helpers of the roster engine tests: each test builds one small
 * hand-made hotline through the engine, in a temporary directory, for the week of
 * Monday 2026-12-07 */

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

#include "roster-demo.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

G_BEGIN_DECLS

#define WEEK_START "2026-12-07"
#define WEEK_END   "2026-12-13"
#define SOLVE_S	   1.0

typedef struct {
	gchar *tmpdir;
	RosterEngine *engine;
	RosterPrincipal *admin;
} Fixture;

void
fixture_setup(Fixture *f, gconstpointer user_data);

void
fixture_teardown(Fixture *f, gconstpointer user_data);

JsonObject *
obj(JsonNode *node);

gint64
create(Fixture *f, const gchar *collection, JsonNode *body_owned);

gint64
add_seat(Fixture *f, const gchar *code, const gchar *mode, const gchar *tier, gboolean crisis);

void
add_rule(Fixture *f, gint64 seat, const gchar *start, const gchar *end, guint seats);

gint64
add_volunteer(Fixture *f, const gchar *number, const gchar *tier, const gchar *extra);

gint64
add_roster(Fixture *f, const gchar *settings);

JsonNode *
solve(Fixture *f, gint64 roster);

JsonNode *
get_roster(Fixture *f, gint64 roster);

JsonArray *
assignments_of(JsonNode *roster);

gint64
revision_of(Fixture *f, gint64 roster);

gint
minutes_of(const gchar *hhmm);

/* the operational day index of a date in the test week */
gint
day_of(const gchar *date);

/* minutes from the start of the test week to the start of an assignment */
gint
start_of(JsonObject *a);

JsonNode *
assign(Fixture *f, gint64 roster, const gchar *fields, GError **error);

/* a small hotline for the edit tests: seat ids in ids[0] (on-site), ids[1] (crisis);
 * volunteers in ids[2..] (expert, senior, counsellor, trainee) */
gint64
edit_hotline(Fixture *f, gint64 *ids);

/* the demo city line (seeded as the command-line tool seeds it) and its December
 * roster, whose solve no roster ends early at a proven bound; a seat class's and a
 * volunteer's id in @seat_class, @volunteer */
gint64
demo_month(Fixture *f, gint64 *seat_class, gint64 *volunteer);

guint
count_assignments(Fixture *f, gint64 roster);

gint64
add_team(Fixture *f, const gchar *name);
/* a counsellor of @team */
gint64
add_team_volunteer(Fixture *f, const gchar *number, gint64 team);

#define ROSTERS_TEST_ADD(path, func)                                                               \
	g_test_add(path, Fixture, NULL, fixture_setup, func, fixture_teardown)

void
roster_test_add_rosters_rules(void);
void
roster_test_add_rosters_edit(void);
void
roster_test_add_rosters_jobs(void);
void
roster_test_add_rosters_read(void);
void
roster_test_add_rosters_shortage(void);
void
roster_test_add_rosters_calendar(void);
void
roster_test_add_rosters_trainees(void);
void
roster_test_add_rosters_teams(void);
void
roster_test_add_rosters_settings(void);

G_END_DECLS
