/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty expert's rota through the real server on loopback: solved with the roster,
 * every unmanned night covered, a crisis window without an expert explained, backups
 * ordered, never a seat and a duty block at once, rest after an activated night, who
 * is on duty at a controlled time, hand edits under the same rules, roles and bad
 * input */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "roster-json-keys.h"
#include "roster-test-fixture.h"

#define API   ROSTER_HTTP_API_PREFIX
#define DUTY  ROSTER_HTTP_API_PREFIX "/duty"
#define N_EXP 4

typedef struct {
	gint64 seat_class;
	gint64 experts[N_EXP];
	gint64 counsellors[2];
	gint64 roster;
	gchar *base;
} Line;

static void
line_clear(Line *line)
{
	g_free(line->base);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Line, line_clear)

static const gchar *
error_message(RosterTestResponse *r)
{
	JsonObject *error =
	    json_object_get_object_member(roster_test_response_get_object(r), "error");

	return json_object_get_string_member(error, "message");
}

static void
put_ok(RosterTestFixture *f, const gchar *path, const gchar *body)
{
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "PUT", path, body);
	g_assert_cmpuint(r->status, ==, 200);
}

static gint64
add_volunteer(RosterTestFixture *f, const gchar *name, const gchar *tier)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"%s\",\"counsellor_no\":\"%s\",\"tier\":\"%s\"}",
			    name,
			    name,
			    tier);
	return roster_test_create(f, API "/volunteers", body);
}

/* one on-site seat from @start to @end each day (nights unmanned when they leave it),
 * four experts answering within 10, 20, 25 and 45 minutes, two counsellors and a week's
 * roster; the duty rota on with 12-hour blocks and two backups */
static void
make_line_of(RosterTestFixture *f,
	     Line *line,
	     const gchar *start,
	     const gchar *end,
	     const gchar *min_tier)
{
	const gint response[N_EXP] = {10, 20, 25, 45};
	g_autofree gchar *rule = NULL;
	g_autofree gchar *seat_class =
	    g_strdup_printf("{\"code\":\"onsite\",\"name\":\"onsite\",\"mode\":\"on-site\","
			    "\"min_tier\":\"%s\"}",
			    min_tier);

	line->seat_class = roster_test_create(f, API "/seat-classes", seat_class);
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"%s\",\"end\":\"%s\",\"seats\":1}",
			       line->seat_class,
			       start,
			       end);
	roster_test_create(f, API "/demand-rules", rule);
	for (guint i = 0; i < N_EXP; i++) {
		g_autofree gchar *name = g_strdup_printf("E%u", i + 1);
		g_autofree gchar *path = NULL;
		g_autofree gchar *body = NULL;
		line->experts[i] = add_volunteer(f, name, "expert");
		path = g_strdup_printf(DUTY "/reach/%" G_GINT64_FORMAT, line->experts[i]);
		body =
		    g_strdup_printf("{\"phone\":\"+86 139 0000 00%02u\",\"response_minutes\":%d}",
				    i + 1,
				    response[i]);
		put_ok(f, path, body);
	}
	line->counsellors[0] = add_volunteer(f, "C1", "counsellor");
	line->counsellors[1] = add_volunteer(f, "C2", "counsellor");
	put_ok(f, DUTY "/settings", "{\"block_hours\":12,\"sla_minutes\":30,\"n_backups\":2}");
	line->roster = roster_test_create(f,
					  API "/rosters",
					  "{\"name\":\"week\",\"period_start\":\"2026-12-07\","
					  "\"period_end\":\"2026-12-13\"}");
	line->base = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT, line->roster);
}

static void
make_line(RosterTestFixture *f, Line *line, const gchar *start, const gchar *end)
{
	make_line_of(f, line, start, end, "counsellor");
}

static void
solve(RosterTestFixture *f, Line *line)
{
	g_autofree gchar *path = g_strdup_printf("%s/solve", line->base);
	g_autoptr(RosterTestResponse) started =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", path, "{\"time_limit\":1}");

	g_assert_cmpuint(started->status, ==, 202);
	for (;;) {
		g_autoptr(RosterTestResponse) r =
		    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
		const gchar *state = roster_test_response_get_string(r, ROSTER_KEY_STATE);
		g_assert_cmpuint(r->status, ==, 200);
		if (g_strcmp0(state, ROSTER_JOB_RUNNING) != 0) {
			g_assert_cmpstr(state, ==, ROSTER_JOB_DONE);
			return;
		}
		g_usleep(G_USEC_PER_SEC / 20);
	}
}

static gint64
revision_of(RosterTestFixture *f, Line *line)
{
	g_autoptr(RosterTestResponse) roster =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", line->base, NULL);

	return roster_test_response_get_int(roster, ROSTER_KEY_REVISION);
}

static void
publish(RosterTestFixture *f, Line *line)
{
	g_autofree gchar *path = g_strdup_printf("%s/publish", line->base);
	g_autofree gchar *body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", revision_of(f, line));
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", path, body);

	g_assert_cmpuint(r->status, ==, 200);
}

/* the draft's blocks (version 0) or a version's, as the coordinator reads them */
static RosterTestResponse *
get_blocks(RosterTestFixture *f, Line *line, gint version)
{
	g_autofree gchar *path =
	    g_strdup_printf(DUTY "/rosters/%" G_GINT64_FORMAT "/blocks?version=%d",
			    line->roster,
			    version);
	RosterTestResponse *r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", path, NULL);

	g_assert_cmpuint(r->status, ==, 200);
	return r;
}

static JsonArray *
items_of(RosterTestResponse *r)
{
	return json_object_get_array_member(roster_test_response_get_object(r), ROSTER_KEY_ITEMS);
}

static gint64
primary_of(JsonObject *block)
{
	JsonNode *node = json_object_get_member(block, "primary");

	if (JSON_NODE_HOLDS_NULL(node))
		return 0;
	return json_object_get_int_member(json_node_get_object(node), ROSTER_KEY_ID);
}

static gint
expert_index(const Line *line, gint64 id)
{
	for (guint i = 0; i < N_EXP; i++) {
		if (line->experts[i] == id)
			return (gint)i;
	}
	return -1;
}

/* a line manned 08:00-20:00: each of the seven nights has a primary, the nights are
 * shared 3/2/2 among the three fast experts, the slow one (45 min against a 30-minute
 * SLA) never appears, and the backups are the others, fastest first */
static void
test_duty_every_night(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) blocks = NULL;
	guint count[N_EXP] = {0};
	JsonArray *items;

	make_line(f, &line, "08:00", "20:00");
	solve(f, &line);
	blocks = get_blocks(f, &line, 0);
	items = items_of(blocks);
	g_assert_cmpuint(json_array_get_length(items), ==, 7);
	for (guint i = 0; i < 7; i++) {
		JsonObject *block = json_array_get_object_element(items, i);
		JsonArray *backups = json_object_get_array_member(block, "backups");
		g_autofree gchar *starts = g_strdup_printf("2026-12-%02uT20:00", 7 + i);
		g_autofree gchar *ends = g_strdup_printf("2026-12-%02uT08:00", 8 + i);
		gint p = expert_index(&line, primary_of(block));
		gint last = 0;
		g_assert_cmpstr(json_object_get_string_member(block, "starts"), ==, starts);
		g_assert_cmpstr(json_object_get_string_member(block, "ends"), ==, ends);
		g_assert_cmpint(p, >=, 0);
		g_assert_cmpint(p, <, 3);
		count[p]++;
		g_assert_cmpuint(json_array_get_length(backups), ==, 2);
		for (guint j = 0; j < 2; j++) {
			JsonObject *backup = json_array_get_object_element(backups, j);
			gint b = expert_index(&line, json_object_get_int_member(backup, "id"));
			gint minutes = json_object_get_int_member(backup, "response_minutes");
			g_assert_cmpint(b, >=, 0);
			g_assert_cmpint(b, <, 3);
			g_assert_cmpint(b, !=, p);
			g_assert_cmpint(minutes, >=, last);
			last = minutes;
		}
	}
	g_assert_cmpuint(count[3], ==, 0);
	for (guint i = 0; i < 3; i++) {
		g_assert_cmpuint(count[i], >=, 2);
		g_assert_cmpuint(count[i], <=, 3);
	}
}

/* the one seat runs 20:00-23:00 and only experts may sit it: nobody sitting it is
 * primary or backup of that night's block (the days, unmanned, get blocks too) */
static void
test_duty_no_seat_overlap(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) roster = NULL;
	g_autoptr(RosterTestResponse) blocks = NULL;
	g_autoptr(GHashTable) evening =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	JsonArray *assignments;
	JsonArray *items;
	guint experts_on_evening = 0;

	make_line_of(f, &line, "20:00", "23:00", "expert");
	solve(f, &line);
	roster = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", line.base, NULL);
	assignments = json_object_get_array_member(roster_test_response_get_object(roster),
						   ROSTER_KEY_ASSIGNMENTS);
	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		if (g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_SLOT), "20:00") != 0)
			continue;
		if (expert_index(&line, v) >= 0)
			experts_on_evening++;
		g_hash_table_add(evening,
				 g_strdup_printf("%sT20:00|%" G_GINT64_FORMAT,
						 json_object_get_string_member(a, ROSTER_KEY_DATE),
						 v));
	}
	/* the check means something only when experts sit evening seats */
	g_assert_cmpuint(experts_on_evening, >, 0);
	blocks = get_blocks(f, &line, 0);
	items = items_of(blocks);
	g_assert_cmpuint(json_array_get_length(items), ==, 14);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *block = json_array_get_object_element(items, i);
		const gchar *starts = json_object_get_string_member(block, "starts");
		JsonArray *backups = json_object_get_array_member(block, "backups");
		g_autofree gchar *key =
		    g_strdup_printf("%s|%" G_GINT64_FORMAT, starts, primary_of(block));
		g_assert_false(g_hash_table_contains(evening, key));
		for (guint j = 0; j < json_array_get_length(backups); j++) {
			g_autofree gchar *bkey = g_strdup_printf(
			    "%s|%" G_GINT64_FORMAT,
			    starts,
			    json_object_get_int_member(json_array_get_object_element(backups, j),
						       "id"));
			g_assert_false(g_hash_table_contains(evening, bkey));
		}
	}
}

/* a 24-hour line with a crisis seat 08:00-14:00 and no expert reachable: each day's
 * block holding the crisis window is uncovered, with the explanation's code and counts;
 * the nights, manned and without a crisis seat, need no block */
static void
test_duty_crisis_explained(RosterTestFixture *f, gconstpointer user_data)
{
	g_autofree gchar *rule = NULL;
	g_autofree gchar *crisis_rule = NULL;
	g_autoptr(RosterTestResponse) blocks = NULL;
	g_autoptr(RosterTestResponse) explained = NULL;
	g_autofree gchar *path = NULL;
	guint n_duty = 0;
	gint64 onsite;
	gint64 crisis;
	Line line = {0};
	JsonArray *items;

	onsite = roster_test_create(f,
				    API "/seat-classes",
				    "{\"code\":\"onsite\",\"name\":\"onsite\",\"mode\":\"on-site\","
				    "\"min_tier\":\"counsellor\"}");
	crisis = roster_test_create(f,
				    API "/seat-classes",
				    "{\"code\":\"crisis\",\"name\":\"crisis\",\"mode\":\"on-site\","
				    "\"min_tier\":\"expert\",\"crisis\":true}");
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"08:00\",\"end\":\"08:00\",\"seats\":1}",
			       onsite);
	roster_test_create(f, API "/demand-rules", rule);
	crisis_rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
				      ",\"start\":\"08:00\",\"end\":\"14:00\",\"seats\":1}",
				      crisis);
	roster_test_create(f, API "/demand-rules", crisis_rule);
	add_volunteer(f, "X1", "expert");
	add_volunteer(f, "C1", "counsellor");
	put_ok(f, DUTY "/settings", "{\"block_hours\":12}");
	line.roster = roster_test_create(f,
					 API "/rosters",
					 "{\"name\":\"week\",\"period_start\":\"2026-12-07\","
					 "\"period_end\":\"2026-12-13\"}");
	line.base = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT, line.roster);
	solve(f, &line);
	blocks = get_blocks(f, &line, 0);
	items = items_of(blocks);
	g_assert_cmpuint(json_array_get_length(items), ==, 7);
	for (guint i = 0; i < 7; i++) {
		JsonObject *block = json_array_get_object_element(items, i);
		JsonObject *reason = json_object_get_object_member(block, "reason");
		g_autofree gchar *starts = g_strdup_printf("2026-12-%02uT08:00", 7 + i);
		g_assert_cmpstr(json_object_get_string_member(block, "starts"), ==, starts);
		g_assert_cmpint(primary_of(block), ==, 0);
		g_assert_nonnull(reason);
		g_assert_cmpstr(json_object_get_string_member(reason, "code"),
				==,
				"duty-uncovered");
		g_assert_cmpint(json_object_get_int_member(reason, "eligible"), ==, 1);
		g_assert_cmpint(json_object_get_int_member(reason, "no_reach"), ==, 1);
	}
	/* the roster's explanation list carries them as the seats' gaps are carried */
	path = g_strdup_printf("%s/explanations", line.base);
	explained = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", path, NULL);
	g_assert_cmpuint(explained->status, ==, 200);
	items = items_of(explained);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, "code"), "duty-uncovered") != 0)
			continue;
		g_assert_cmpstr(json_object_get_string_member(item, "slot"), ==, "08:00");
		g_assert_nonnull(strstr(json_object_get_string_member(item, "text"), "1 eligible"));
		n_duty++;
	}
	g_assert_cmpuint(n_duty, ==, 7);
	line_clear(&line);
}

/* the expert's seat of 7 December, if any, is emptied (one shift a day), then the expert
 * gets the 23:00 seat by hand, overlapping their night block: the block becomes a
 * duty-conflict item of the explanation list naming the expert and the rule */
static void
test_duty_conflict_explained(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) blocks = NULL;
	g_autoptr(RosterTestResponse) roster = NULL;
	g_autoptr(RosterTestResponse) assigned = NULL;
	g_autoptr(RosterTestResponse) explained = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;
	JsonArray *assignments;
	JsonArray *items;
	gint64 expert;
	guint n_conflicts = 0;

	make_line(f, &line, "08:00", "20:00");
	solve(f, &line);
	blocks = get_blocks(f, &line, 0);
	expert = primary_of(json_array_get_object_element(items_of(blocks), 0));
	roster = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", line.base, NULL);
	assignments = json_object_get_array_member(roster_test_response_get_object(roster),
						   ROSTER_KEY_ASSIGNMENTS);
	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		g_autofree gchar *one = NULL;
		g_autoptr(RosterTestResponse) removed = NULL;
		const gchar *date = json_object_get_string_member(a, ROSTER_KEY_DATE);
		/* the days around too, so that no rest rule refuses the seat below */
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != expert ||
		    (g_strcmp0(date, "2026-12-06") != 0 && g_strcmp0(date, "2026-12-07") != 0 &&
		     g_strcmp0(date, "2026-12-08") != 0))
			continue;
		one = g_strdup_printf("%s/assignments/%" G_GINT64_FORMAT
				      "?revision=%" G_GINT64_FORMAT,
				      line.base,
				      json_object_get_int_member(a, ROSTER_KEY_ID),
				      revision_of(f, &line));
		removed =
		    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "DELETE", one, NULL);
		g_assert_cmpuint(removed->status, ==, 200);
	}
	path = g_strdup_printf("%s/assignments", line.base);
	body = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT
	    ",\"date\":\"2026-12-07\",\"slot\":\"23:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    revision_of(f, &line),
	    line.seat_class,
	    expert);
	assigned = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", path, body);
	if (assigned->status != 201)
		g_test_message("%.*s",
			       (gint)g_bytes_get_size(assigned->body),
			       (const gchar *)g_bytes_get_data(assigned->body, NULL));
	g_assert_cmpuint(assigned->status, ==, 201);
	g_free(path);
	path = g_strdup_printf("%s/explanations", line.base);
	explained = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", path, NULL);
	g_assert_cmpuint(explained->status, ==, 200);
	items = items_of(explained);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, "code"), "duty-conflict") != 0)
			continue;
		g_assert_cmpstr(json_object_get_string_member(item, "date"), ==, "2026-12-07");
		g_assert_cmpint(json_object_get_int_member(item, ROSTER_KEY_VOLUNTEER_ID),
				==,
				expert);
		g_assert_cmpstr(
		    json_object_get_string_member(json_object_get_object_member(item, "reason"),
						  "rule"),
		    ==,
		    "duty-on-seat");
		n_conflicts++;
	}
	g_assert_cmpuint(n_conflicts, ==, 1);
}

static void
set_clock(RosterTestFixture *f, const gchar *local)
{
	g_autoptr(GTimeZone) tz = g_time_zone_new_identifier("Asia/Shanghai");
	g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601(local, tz);
	g_autofree gchar *path = g_build_filename(f->tmpdir, "now", NULL);
	g_autofree gchar *text = g_strdup_printf("%" G_GINT64_FORMAT, g_date_time_to_unix(dt));

	g_assert_true(g_file_set_contents(path, text, -1, NULL));
	g_setenv("ROSTER_TEST_NOW_FILE", path, TRUE);
}

static RosterTestResponse *
get_now(RosterTestFixture *f, RosterTestCaller caller)
{
	return roster_test_request_as(f, caller, "GET", DUTY "/now", NULL);
}

/* after publish, at 23:30 on 8 December the night block of the 8th answers with its
 * primary and ordered backups, for a volunteer's account too; at noon the line is
 * manned and nobody is on duty; without a token the answer is 401 */
static void
test_duty_now(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) draft = NULL;
	g_autoptr(RosterTestResponse) night = NULL;
	g_autoptr(RosterTestResponse) noon = NULL;
	g_autoptr(RosterTestResponse) anonymous = NULL;
	JsonObject *expected;
	JsonObject *block;
	JsonArray *blocks;

	make_line(f, &line, "08:00", "20:00");
	solve(f, &line);
	publish(f, &line);
	draft = get_blocks(f, &line, 1);
	expected = json_array_get_object_element(items_of(draft), 1);
	set_clock(f, "2026-12-08T23:30:00");
	night = get_now(f, ROSTER_TEST_CALLER_VOLUNTEER);
	g_assert_cmpuint(night->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(night, "at"), ==, "2026-12-08T23:30");
	g_assert_cmpint(roster_test_response_get_int(night, "sla_minutes"), ==, 30);
	blocks = json_object_get_array_member(roster_test_response_get_object(night), "blocks");
	g_assert_cmpuint(json_array_get_length(blocks), ==, 1);
	block = json_array_get_object_element(blocks, 0);
	g_assert_cmpstr(json_object_get_string_member(block, "starts"), ==, "2026-12-08T20:00");
	g_assert_cmpint(primary_of(block), ==, primary_of(expected));
	g_assert_nonnull(
	    json_object_get_string_member(json_object_get_object_member(block, "primary"),
					  ROSTER_KEY_PHONE));
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(block, "backups")),
			 ==,
			 2);
	set_clock(f, "2026-12-09T12:00:00");
	noon = get_now(f, ROSTER_TEST_CALLER_MANAGER);
	g_assert_cmpuint(noon->status, ==, 200);
	blocks = json_object_get_array_member(roster_test_response_get_object(noon), "blocks");
	g_assert_cmpuint(json_array_get_length(blocks), ==, 0);
	anonymous = get_now(f, ROSTER_TEST_CALLER_NONE);
	g_assert_cmpuint(anonymous->status, ==, 401);
	g_unsetenv("ROSTER_TEST_NOW_FILE");
}

static gint64
primary_on(RosterTestFixture *f, Line *line, gint version, guint night)
{
	g_autoptr(RosterTestResponse) r = get_blocks(f, line, version);
	return primary_of(json_array_get_object_element(items_of(r), night));
}

/* an activation in the night of the 8th is an approved on-call service log of its
 * minutes; with 24 hours of rest the expert is off the next night's block, primary and
 * backups, when the roster is solved again (without the rule the three fast experts
 * would fill the primary and both backups of every night) */
static void
test_duty_rest_after_activation(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) published = NULL;
	g_autoptr(RosterTestResponse) recorded = NULL;
	g_autoptr(RosterTestResponse) logs = NULL;
	g_autoptr(RosterTestResponse) after = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *logs_path = NULL;
	JsonObject *night;
	JsonObject *log;
	JsonArray *backups;
	gint64 expert;

	make_line(f, &line, "08:00", "20:00");
	put_ok(f, DUTY "/settings", "{\"rest_minutes\":1440}");
	solve(f, &line);
	publish(f, &line);
	published = get_blocks(f, &line, 1);
	night = json_array_get_object_element(items_of(published), 1);
	expert = primary_of(night);
	body =
	    g_strdup_printf("{\"block_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT
			    ",\"started\":\"2026-12-08T23:00\",\"ended\":\"2026-12-09T01:30\"}",
			    json_object_get_int_member(night, ROSTER_KEY_ID),
			    expert);
	recorded = roster_test_request_as(f,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "POST",
					  DUTY "/activations",
					  body);
	g_assert_cmpuint(recorded->status, ==, 201);
	logs_path = g_strdup_printf(API "/service-logs?volunteer=%" G_GINT64_FORMAT, expert);
	logs = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", logs_path, NULL);
	g_assert_cmpuint(logs->status, ==, 200);
	g_assert_cmpuint(json_array_get_length(items_of(logs)), ==, 1);
	log = json_array_get_object_element(items_of(logs), 0);
	g_assert_cmpint(json_object_get_int_member(log, ROSTER_KEY_ID),
			==,
			roster_test_response_get_int(recorded, "service_log_id"));
	g_assert_cmpstr(json_object_get_string_member(log, "kind"), ==, "on-call");
	g_assert_cmpstr(json_object_get_string_member(log, ROSTER_KEY_STATE), ==, "approved");
	g_assert_cmpfloat(json_object_get_double_member(log, "hours"), ==, 2.5);
	solve(f, &line);
	after = get_blocks(f, &line, 0);
	night = json_array_get_object_element(items_of(after), 2);
	g_assert_cmpstr(json_object_get_string_member(night, "starts"), ==, "2026-12-09T20:00");
	g_assert_cmpint(primary_of(night), !=, 0);
	g_assert_cmpint(primary_of(night), !=, expert);
	backups = json_object_get_array_member(night, "backups");
	for (guint j = 0; j < json_array_get_length(backups); j++)
		g_assert_cmpint(
		    json_object_get_int_member(json_array_get_object_element(backups, j), "id"),
		    !=,
		    expert);
	/* the night before the activation is not touched by the rule */
	g_assert_cmpint(primary_on(f, &line, 0, 0), !=, 0);
}

static guint
count_text(const gchar *text, const gchar *needle)
{
	guint n = 0;

	for (const gchar *p = strstr(text, needle); p != NULL; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* the expert's personal feed holds one event per block they are primary of in the
 * published version, from 20:00 to 08:00 the next morning */
static void
test_duty_feed(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) published = NULL;
	g_autoptr(RosterTestResponse) rotated = NULL;
	g_autoptr(RosterTestResponse) feed = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *text = NULL;
	JsonArray *items;
	gint64 expert;
	guint held = 0;

	make_line(f, &line, "08:00", "20:00");
	solve(f, &line);
	publish(f, &line);
	published = get_blocks(f, &line, 1);
	items = items_of(published);
	expert = primary_of(json_array_get_object_element(items, 0));
	for (guint i = 0; i < json_array_get_length(items); i++)
		held += primary_of(json_array_get_object_element(items, i)) == expert ? 1 : 0;
	path = g_strdup_printf(API "/calendar-tokens/%" G_GINT64_FORMAT, expert);
	rotated = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", path, NULL);
	g_assert_cmpuint(rotated->status, ==, 200);
	feed = roster_test_request(f,
				   "GET",
				   roster_test_response_get_string(rotated, "url"),
				   NULL,
				   NULL);
	g_assert_cmpuint(feed->status, ==, 200);
	text = g_strndup(g_bytes_get_data(feed->body, NULL), g_bytes_get_size(feed->body));
	g_assert_nonnull(strstr(text, "值班专家"));
	g_assert_cmpuint(count_text(text, "UID:duty-"), ==, held);
	g_assert_nonnull(strstr(text, "DTSTART;TZID=Asia/Shanghai:20261207T200000"));
	g_assert_nonnull(strstr(text, "DTEND;TZID=Asia/Shanghai:20261208T080000"));
}

static RosterTestResponse *
patch_block(RosterTestFixture *f,
	    Line *line,
	    RosterTestCaller caller,
	    gint64 block,
	    const gchar *body)
{
	g_autofree gchar *path =
	    g_strdup_printf(DUTY "/rosters/%" G_GINT64_FORMAT "/blocks/%" G_GINT64_FORMAT,
			    line->roster,
			    block);
	return roster_test_request_as(f, caller, "PATCH", path, body);
}

/* a hand edit: the slow expert and a counsellor are refused with the rule that bars
 * them and nothing changes; a fast expert is taken, marked manual, and a new solve
 * keeps them */
static void
test_duty_edit(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) before = NULL;
	g_autoptr(RosterTestResponse) slow = NULL;
	g_autoptr(RosterTestResponse) counsellor = NULL;
	g_autoptr(RosterTestResponse) volunteer = NULL;
	g_autoptr(RosterTestResponse) done = NULL;
	g_autoptr(RosterTestResponse) unchanged = NULL;
	g_autofree gchar *body = NULL;
	JsonObject *block;
	gint64 id;
	gint64 primary;
	gint64 other;

	make_line(f, &line, "08:00", "20:00");
	solve(f, &line);
	before = get_blocks(f, &line, 0);
	block = json_array_get_object_element(items_of(before), 3);
	id = json_object_get_int_member(block, ROSTER_KEY_ID);
	primary = primary_of(block);
	other = line.experts[expert_index(&line, primary) == 0 ? 1 : 0];
	body = g_strdup_printf("{\"primary_id\":%" G_GINT64_FORMAT "}", line.experts[3]);
	slow = patch_block(f, &line, ROSTER_TEST_CALLER_COORDINATOR, id, body);
	g_assert_cmpuint(slow->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_field(slow), ==, "primary_id");
	g_assert_nonnull(strstr(error_message(slow), "duty-too-slow"));
	g_free(body);
	body = g_strdup_printf("{\"primary_id\":%" G_GINT64_FORMAT "}", line.counsellors[0]);
	counsellor = patch_block(f, &line, ROSTER_TEST_CALLER_COORDINATOR, id, body);
	g_assert_cmpuint(counsellor->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_field(counsellor), ==, "primary_id");
	g_assert_nonnull(strstr(error_message(counsellor), "duty-not-eligible"));
	g_free(body);
	body = g_strdup_printf("{\"primary_id\":%" G_GINT64_FORMAT
			       ",\"backup_ids\":[%" G_GINT64_FORMAT "]}",
			       other,
			       primary);
	volunteer = patch_block(f, &line, ROSTER_TEST_CALLER_VOLUNTEER, id, body);
	g_assert_cmpuint(volunteer->status, ==, 403);
	unchanged = get_blocks(f, &line, 0);
	g_assert_cmpint(primary_of(json_array_get_object_element(items_of(unchanged), 3)),
			==,
			primary);
	done = patch_block(f, &line, ROSTER_TEST_CALLER_COORDINATOR, id, body);
	g_assert_cmpuint(done->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(done, ROSTER_KEY_SOURCE), ==, "manual");
	solve(f, &line);
	g_assert_cmpint(primary_on(f, &line, 0, 3), ==, other);
}

static void
expect_status(RosterTestFixture *f,
	      RosterTestCaller caller,
	      const gchar *method,
	      const gchar *path,
	      const gchar *body,
	      guint status,
	      const gchar *field)
{
	g_autoptr(RosterTestResponse) r = roster_test_request_as(f, caller, method, path, body);

	if (r->status != status)
		g_test_message("%s %s -> %u", method, path, r->status);
	g_assert_cmpuint(r->status, ==, status);
	if (field != NULL)
		g_assert_cmpstr(roster_test_response_get_error_field(r), ==, field);
}

/* who may do what: settings and reachability read by staff, written by planners;
 * blocks read by staff; who is on duty for every signed-in account */
static void
test_duty_roles(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autofree gchar *reach = NULL;
	g_autofree gchar *blocks = NULL;

	make_line(f, &line, "08:00", "20:00");
	reach = g_strdup_printf(DUTY "/reach/%" G_GINT64_FORMAT, line.experts[0]);
	blocks = g_strdup_printf(DUTY "/rosters/%" G_GINT64_FORMAT "/blocks", line.roster);
	expect_status(f, ROSTER_TEST_CALLER_MANAGER, "GET", DUTY "/settings", NULL, 200, NULL);
	expect_status(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", DUTY "/settings", NULL, 403, NULL);
	expect_status(f, ROSTER_TEST_CALLER_NONE, "GET", DUTY "/settings", NULL, 401, NULL);
	expect_status(f,
		      ROSTER_TEST_CALLER_MANAGER,
		      "PUT",
		      DUTY "/settings",
		      "{\"sla_minutes\":20}",
		      403,
		      NULL);
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      DUTY "/settings",
		      "{\"sla_minutes\":30}",
		      200,
		      NULL);
	expect_status(f, ROSTER_TEST_CALLER_MANAGER, "GET", DUTY "/reach", NULL, 200, NULL);
	expect_status(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", DUTY "/reach", NULL, 403, NULL);
	expect_status(f,
		      ROSTER_TEST_CALLER_VOLUNTEER,
		      "PUT",
		      reach,
		      "{\"response_minutes\":5}",
		      403,
		      NULL);
	expect_status(f, ROSTER_TEST_CALLER_MANAGER, "DELETE", reach, NULL, 403, NULL);
	expect_status(f, ROSTER_TEST_CALLER_MANAGER, "GET", blocks, NULL, 200, NULL);
	expect_status(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", blocks, NULL, 403, NULL);
	expect_status(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, "GET", DUTY "/now", NULL, 200, NULL);
	expect_status(f,
		      ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
		      "POST",
		      DUTY "/activations",
		      "{\"block_id\":1,\"volunteer_id\":1,\"started\":\"2026-12-08T23:00\","
		      "\"ended\":\"2026-12-09T01:00\"}",
		      403,
		      NULL);
	expect_status(f, ROSTER_TEST_CALLER_COORDINATOR, "DELETE", reach, NULL, 200, NULL);
}

/* bad input: the stable code and field, and the settings left as they were */
static void
test_duty_bad_input(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Line) line = {0};
	g_autoptr(RosterTestResponse) settings = NULL;
	g_autofree gchar *reach = NULL;

	make_line(f, &line, "08:00", "20:00");
	reach = g_strdup_printf(DUTY "/reach/%" G_GINT64_FORMAT, line.experts[0]);
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      DUTY "/settings",
		      "{\"block_hours\":8}",
		      422,
		      "block_hours");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      DUTY "/settings",
		      "{\"block_hours\":18}",
		      422,
		      "block_hours");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      DUTY "/settings",
		      "{\"sla_minutes\":0}",
		      422,
		      "sla_minutes");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      DUTY "/settings",
		      "{\"sla\":30}",
		      422,
		      "sla");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      DUTY "/settings",
		      "{\"skill\":\"\"}",
		      422,
		      "skill");
	expect_status(f, ROSTER_TEST_CALLER_ADMIN, "PUT", DUTY "/settings", "[1]", 400, NULL);
	settings =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", DUTY "/settings", NULL);
	g_assert_cmpint(roster_test_response_get_int(settings, "block_hours"), ==, 12);
	g_assert_cmpint(roster_test_response_get_int(settings, "sla_minutes"), ==, 30);
	expect_status(f, ROSTER_TEST_CALLER_ADMIN, "PUT", reach, "{}", 422, "response_minutes");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      reach,
		      "{\"response_minutes\":10,\"phone\":\"call me\"}",
		      422,
		      "phone");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      reach,
		      "{\"response_minutes\":10,\"max_blocks_month\":100}",
		      422,
		      "max_blocks_month");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "PUT",
		      DUTY "/reach/999999",
		      "{\"response_minutes\":10}",
		      404,
		      NULL);
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "POST",
		      DUTY "/activations",
		      "{\"block_id\":1,\"volunteer_id\":1,\"started\":\"yesterday\","
		      "\"ended\":\"2026-12-09T01:00\"}",
		      422,
		      "started");
	expect_status(f,
		      ROSTER_TEST_CALLER_ADMIN,
		      "GET",
		      DUTY "/rosters/999999/blocks",
		      NULL,
		      404,
		      NULL);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
#define ADD(path, func)                                                                            \
	g_test_add("/roster/duty-http/" path,                                                      \
		   RosterTestFixture,                                                              \
		   NULL,                                                                           \
		   roster_test_fixture_setup,                                                      \
		   func,                                                                           \
		   roster_test_fixture_teardown)
	ADD("every-night", test_duty_every_night);
	ADD("no-seat-overlap", test_duty_no_seat_overlap);
	ADD("crisis-explained", test_duty_crisis_explained);
	ADD("conflict-explained", test_duty_conflict_explained);
	ADD("now", test_duty_now);
	ADD("rest-after-activation", test_duty_rest_after_activation);
	ADD("edit", test_duty_edit);
	ADD("feed", test_duty_feed);
	ADD("roles", test_duty_roles);
	ADD("bad-input", test_duty_bad_input);
#undef ADD
	return g_test_run();
}
