/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-engine-rosters.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/*
 * nobody idle without a reason, nothing broken without a word: idle volunteers in the
 * explanations, the import's warnings, a score that follows every change, a solve whose
 * best never gets worse, and overrides that work for every rule that takes one
 */

#define API	ROSTER_HTTP_API_PREFIX
#define ROSTERS API "/rosters"

/* a week, Monday 2026-12-07 to Sunday 2026-12-13, of three-hour slots from 08:00 */
typedef struct {
	gint64 onsite;
	gint64 cloud;
	gint64 crisis;
	gint64 practice;
	gint64 roster;
} Week;

static gint64
add_class(RosterTestFixture *f,
	  const gchar *code,
	  const gchar *mode,
	  const gchar *tier,
	  const gchar *extra)
{
	g_autofree gchar *body = g_strdup_printf(
	    "{\"code\":\"%s\",\"name\":\"%s\",\"mode\":\"%s\",\"min_tier\":\"%s\"%s%s}",
	    code,
	    code,
	    mode,
	    tier,
	    extra != NULL ? "," : "",
	    extra != NULL ? extra : "");
	return roster_test_create(f, API "/seat-classes", body);
}

static void
add_demand(RosterTestFixture *f, gint64 seat_class, const gchar *extra)
{
	g_autofree gchar *body = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
						 ",\"start\":\"08:00\",\"end\":\"14:00\","
						 "\"seats\":1%s%s}",
						 seat_class,
						 extra != NULL ? "," : "",
						 extra != NULL ? extra : "");
	roster_test_create(f, API "/demand-rules", body);
}

static gint64
add_volunteer(RosterTestFixture *f, const gchar *name, const gchar *tier, const gchar *extra)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"%s\",\"counsellor_no\":\"%s\",\"tier\":\"%s\"%s%s}",
			    name,
			    name,
			    tier,
			    extra != NULL ? "," : "",
			    extra != NULL ? extra : "");
	return roster_test_create(f, API "/volunteers", body);
}

static void
add_availability(RosterTestFixture *f, gint64 volunteer, const gchar *body)
{
	g_autofree gchar *path =
	    g_strdup_printf(API "/volunteers/%" G_GINT64_FORMAT "/availability", volunteer);
	roster_test_create(f, path, body);
}

static gint64
add_roster(RosterTestFixture *f, const gchar *settings)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"week\",\"period_start\":\"2026-12-07\","
			    "\"period_end\":\"2026-12-13\",\"settings\":%s}",
			    settings != NULL ? settings : "{}");
	return roster_test_create(f, ROSTERS, body);
}

/* on-site seats need a counsellor, crisis seats an expert, practice seats anybody;
 * only the on-site seat has demand: one seat 08:00-14:00 each day */
static void
make_week(RosterTestFixture *f, Week *w, const gchar *settings)
{
	w->onsite = add_class(f, "onsite", "on-site", "counsellor", NULL);
	w->cloud = add_class(f, "cloud", "cloud", "counsellor", NULL);
	w->crisis = add_class(f, "crisis", "on-site", "expert", "\"crisis\":true");
	w->practice = add_class(f, "practice", "on-site", "trainee", NULL);
	add_demand(f, w->onsite, NULL);
	w->roster = add_roster(f, settings);
}

/* GET /rosters/{id}, or one of its parts ("explanations") */
static RosterTestResponse *
get_roster_part(RosterTestFixture *f, gint64 roster, const gchar *part)
{
	g_autofree gchar *path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "%s%s",
						 roster,
						 part != NULL ? "/" : "",
						 part != NULL ? part : "");
	return roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
}

static gint64
revision_of(RosterTestFixture *f, gint64 roster)
{
	g_autoptr(RosterTestResponse) r = get_roster_part(f, roster, NULL);
	g_assert_cmpuint(r->status, ==, 200);
	return roster_test_response_get_int(r, ROSTER_KEY_REVISION);
}

/* the roster's score as GET /rosters/{id} shows it */
static JsonObject *
dup_score(RosterTestFixture *f, gint64 roster)
{
	g_autoptr(RosterTestResponse) r = get_roster_part(f, roster, NULL);
	JsonNode *score;
	g_assert_cmpuint(r->status, ==, 200);
	score = json_object_get_member(roster_test_response_get_object(r), ROSTER_KEY_SCORE);
	g_assert_nonnull(score);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(score));
	return json_object_ref(json_node_get_object(score));
}

static JsonArray *
dup_explanations(RosterTestFixture *f, gint64 roster)
{
	g_autoptr(RosterTestResponse) r = get_roster_part(f, roster, "explanations");
	g_assert_cmpuint(r->status, ==, 200);
	return json_array_ref(
	    json_object_get_array_member(roster_test_response_get_object(r), ROSTER_KEY_ITEMS));
}

static guint
count_kind(JsonArray *items, const gchar *kind, const gchar *code)
{
	guint n = 0;
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (kind != NULL &&
		    g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_KIND), kind) != 0)
			continue;
		if (code != NULL &&
		    g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE), code) != 0)
			continue;
		n++;
	}
	return n;
}

/* the item of a code about a volunteer, or NULL */
static JsonObject *
find_item(JsonArray *items, const gchar *code, gint64 volunteer)
{
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE), code) == 0 &&
		    json_object_get_int_member_with_default(item, ROSTER_KEY_VOLUNTEER_ID, 0) ==
			volunteer)
			return item;
	}
	return NULL;
}

static RosterTestResponse *
assign(RosterTestFixture *f,
       gint64 roster,
       const gchar *date,
       const gchar *slot,
       gint64 seat_class,
       gint64 volunteer,
       gboolean override)
{
	g_autofree gchar *path =
	    g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/assignments", roster);
	g_autofree gchar *body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"%s\","
			    "\"seat_class_id\":%" G_GINT64_FORMAT
			    ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":%s}",
			    revision_of(f, roster),
			    date,
			    slot,
			    seat_class,
			    volunteer,
			    override ? "true" : "false");
	return roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", path, body);
}

static gint64
assign_ok(RosterTestFixture *f,
	  gint64 roster,
	  const gchar *date,
	  const gchar *slot,
	  gint64 seat_class,
	  gint64 volunteer)
{
	g_autoptr(RosterTestResponse) r =
	    assign(f, roster, date, slot, seat_class, volunteer, FALSE);
	g_assert_cmpuint(r->status, ==, 201);
	return roster_test_response_get_int(r, ROSTER_KEY_ID);
}

static JsonObject *
error_of(RosterTestResponse *r)
{
	return json_object_get_object_member(roster_test_response_get_object(r), ROSTER_KEY_ERROR);
}

/* a 422 for @rule that says "override" would accept it */
static void
assert_overridable_refusal(RosterTestResponse *r, const gchar *rule)
{
	g_autofree gchar *prefix = g_strconcat(rule, ": ", NULL);
	JsonObject *error;

	g_assert_cmpuint(r->status, ==, 422);
	error = error_of(r);
	g_assert_cmpstr(json_object_get_string_member(error, ROSTER_KEY_CODE), ==, "invalid-data");
	g_assert_true(
	    g_str_has_prefix(json_object_get_string_member(error, ROSTER_KEY_MESSAGE), prefix));
	g_assert_true(json_object_has_member(error, ROSTER_KEY_OVERRIDABLE));
	g_assert_true(json_object_get_boolean_member(error, ROSTER_KEY_OVERRIDABLE));
}

static void
assert_reasons(JsonArray *items, gint64 volunteer, const gchar *const *reasons)
{
	JsonObject *item = find_item(items, "idle-volunteer", volunteer);
	JsonArray *got;

	g_assert_nonnull(item);
	g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_KIND), ==, "info");
	g_assert_nonnull(json_object_get_string_member(item, ROSTER_KEY_VOLUNTEER));
	g_assert_nonnull(json_object_get_string_member(item, ROSTER_KEY_MESSAGE));
	got = json_object_get_array_member(item, ROSTER_KEY_REASONS);
	g_assert_cmpuint(json_array_get_length(got), ==, g_strv_length((gchar **)reasons));
	for (guint i = 0; reasons[i] != NULL; i++)
		g_assert_cmpstr(json_array_get_string_element(got, i), ==, reasons[i]);
}

/* each active volunteer without a shift is named with the reason; one with a shift or
 * an inactive one is not */
static void
test_idle_reasons(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autoptr(JsonArray) items = NULL;
	gint64 trainee;
	gint64 unskilled;
	gint64 remote;
	gint64 away;
	gint64 capped;
	gint64 spare;
	gint64 busy;
	gint64 retired;

	/* the demanded on-site seat needs the listening skill */
	w.onsite = add_class(f, "onsite", "on-site", "counsellor", "\"skills\":[\"listening\"]");
	add_class(f, "cloud", "cloud", "counsellor", "\"skills\":[\"listening\"]");
	add_demand(f, w.onsite, NULL);
	w.roster = add_roster(f, NULL);
	trainee =
	    add_volunteer(f, "I1", "trainee", "\"skills\":[\"listening\"],\"modes\":[\"on-site\"]");
	unskilled = add_volunteer(f, "I2", "counsellor", "\"modes\":[\"on-site\"]");
	remote = add_volunteer(f,
			       "I3",
			       "counsellor",
			       "\"skills\":[\"listening\"],\"modes\":[\"cloud\"]");
	away = add_volunteer(f,
			     "I4",
			     "counsellor",
			     "\"skills\":[\"listening\"],\"modes\":[\"on-site\"]");
	for (guint wd = 1; wd <= 7; wd++) {
		g_autofree gchar *body =
		    g_strdup_printf("{\"kind\":\"unavailable\",\"weekday\":%u}", wd);
		add_availability(f, away, body);
	}
	capped = add_volunteer(f,
			       "I5",
			       "counsellor",
			       "\"skills\":[\"listening\"],\"modes\":[\"on-site\"],"
			       "\"max_shifts_month\":0");
	spare = add_volunteer(f,
			      "I6",
			      "counsellor",
			      "\"skills\":[\"listening\"],\"modes\":[\"on-site\"]");
	busy = add_volunteer(f,
			     "I7",
			     "counsellor",
			     "\"skills\":[\"listening\"],\"modes\":[\"on-site\"]");
	retired = add_volunteer(f,
				"I8",
				"counsellor",
				"\"skills\":[\"listening\"],\"modes\":[\"on-site\"],"
				"\"active\":false");
	assign_ok(f, w.roster, "2026-12-08", "08:00", w.onsite, busy);

	items = dup_explanations(f, w.roster);
	assert_reasons(items, trainee, (const gchar *const[]){"tier", NULL});
	assert_reasons(items, unskilled, (const gchar *const[]){"skills", NULL});
	assert_reasons(items, remote, (const gchar *const[]){"modes", NULL});
	assert_reasons(items, away, (const gchar *const[]){"unavailable", NULL});
	assert_reasons(items, capped, (const gchar *const[]){"limits", NULL});
	assert_reasons(items, spare, (const gchar *const[]){"not-needed", NULL});
	g_assert_null(find_item(items, "idle-volunteer", busy));
	g_assert_null(find_item(items, "idle-volunteer", retired));
}

/* an import without a skills column, while every seat class needs a skill, is written
 * and names each imported volunteer with the reason */
static void
test_import_warns(RosterTestFixture *f, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) r = NULL;
	JsonArray *warnings;

	add_class(f, "onsite", "on-site", "counsellor", "\"skills\":[\"listening\"]");
	add_class(f, "crisis", "on-site", "expert", "\"skills\":[\"crisis\"],\"crisis\":true");
	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_ADMIN,
				   "POST",
				   API "/volunteers/import",
				   "counsellor_no,name,tier,modes\n"
				   "W1,Wang Fang,counsellor,on-site\n"
				   "W2,Li Lei,expert,on-site\n");
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(r, ROSTER_KEY_IMPORTED), ==, 2);
	warnings =
	    json_object_get_array_member(roster_test_response_get_object(r), ROSTER_KEY_WARNINGS);
	g_assert_nonnull(warnings);
	g_assert_cmpuint(json_array_get_length(warnings), ==, 2);
	for (guint i = 0; i < 2; i++) {
		JsonObject *w = json_array_get_object_element(warnings, i);
		JsonArray *reasons = json_object_get_array_member(w, ROSTER_KEY_REASONS);
		const gchar *name = json_object_get_string_member(w, ROSTER_KEY_VOLUNTEER);
		g_assert_true(g_strcmp0(name, "Wang Fang") == 0 || g_strcmp0(name, "Li Lei") == 0);
		g_assert_cmpint(json_object_get_int_member(w, ROSTER_KEY_VOLUNTEER_ID), >, 0);
		g_assert_cmpuint(json_array_get_length(reasons), ==, 1);
		g_assert_cmpstr(json_array_get_string_element(reasons, 0), ==, "skills");
	}
}

/* the hard violations of the score are the hard items of the explanations */
static void
assert_score_agrees(RosterTestFixture *f, gint64 roster)
{
	g_autoptr(JsonObject) score = dup_score(f, roster);
	g_autoptr(JsonArray) items = dup_explanations(f, roster);

	g_assert_cmpint(json_object_get_int_member(score, ROSTER_KEY_HARD_VIOLATIONS),
			==,
			count_kind(items, "hard", NULL));
	g_assert_cmpint(json_object_get_int_member(score, ROSTER_KEY_UNCOVERED),
			==,
			count_kind(items, NULL, "uncovered-seat"));
}

/* a hand edit, an override and an availability change each show in the score and the
 * explanations at once */
static void
test_score_follows_changes(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autoptr(JsonObject) first = NULL;
	g_autoptr(JsonObject) edited = NULL;
	g_autoptr(JsonObject) overridden = NULL;
	g_autoptr(JsonObject) unavailable = NULL;
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(RosterTestResponse) forced = NULL;
	JsonObject *item;
	gint64 counsellor;
	gint64 expert;
	gint64 held;

	make_week(f, &w, NULL);
	counsellor = add_volunteer(f, "S1", "counsellor", NULL);
	expert = add_volunteer(f, "S2", "expert", NULL);

	/* hand edit: one of the fourteen seats is filled */
	held = assign_ok(f, w.roster, "2026-12-08", "08:00", w.onsite, counsellor);
	first = dup_score(f, w.roster);
	g_assert_cmpint(json_object_get_int_member(first, ROSTER_KEY_UNCOVERED), ==, 13);
	g_assert_cmpint(json_object_get_int_member(first, ROSTER_KEY_HARD_VIOLATIONS), ==, 0);
	assign_ok(f, w.roster, "2026-12-09", "08:00", w.onsite, expert);
	edited = dup_score(f, w.roster);
	g_assert_cmpint(json_object_get_int_member(edited, ROSTER_KEY_UNCOVERED), ==, 12);
	assert_score_agrees(f, w.roster);

	/* an override: a counsellor on the crisis seat breaks one rule */
	forced = assign(f, w.roster, "2026-12-10", "20:00", w.crisis, counsellor, TRUE);
	g_assert_cmpuint(forced->status, ==, 201);
	overridden = dup_score(f, w.roster);
	g_assert_cmpint(json_object_get_int_member(overridden, ROSTER_KEY_HARD_VIOLATIONS), ==, 1);
	g_assert_false(json_object_get_boolean_member(overridden, ROSTER_KEY_FEASIBLE));
	assert_score_agrees(f, w.roster);

	/* an availability change: the counsellor is away on a day they hold a seat */
	add_availability(f, counsellor, "{\"kind\":\"unavailable\",\"date\":\"2026-12-08\"}");
	unavailable = dup_score(f, w.roster);
	g_assert_cmpint(json_object_get_int_member(unavailable, ROSTER_KEY_HARD_VIOLATIONS), ==, 2);
	assert_score_agrees(f, w.roster);
	items = dup_explanations(f, w.roster);
	item = find_item(items, "unavailable", counsellor);
	g_assert_nonnull(item);
	g_assert_cmpint(json_object_get_int_member(item, ROSTER_KEY_ASSIGNMENT_ID), ==, held);
	g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_DATE), ==, "2026-12-08");
	g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_SLOT), ==, "08:00");
	g_assert_cmpint(json_object_get_int_member(item, ROSTER_KEY_SEAT_CLASS_ID), ==, w.onsite);
}

/* a monthly limit broken by three shifts is one broken rule, in the score and in the
 * explanations */
static void
test_rule_counted_once(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autoptr(JsonObject) score = NULL;
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(RosterTestResponse) second = NULL;
	g_autoptr(RosterTestResponse) third = NULL;
	gint64 v;

	make_week(f, &w, NULL);
	v = add_volunteer(f, "C1", "counsellor", "\"max_shifts_month\":1");
	assign_ok(f, w.roster, "2026-12-08", "08:00", w.onsite, v);
	second = assign(f, w.roster, "2026-12-10", "08:00", w.onsite, v, TRUE);
	g_assert_cmpuint(second->status, ==, 201);
	third = assign(f, w.roster, "2026-12-12", "08:00", w.onsite, v, TRUE);
	g_assert_cmpuint(third->status, ==, 201);
	score = dup_score(f, w.roster);
	items = dup_explanations(f, w.roster);
	g_assert_cmpuint(count_kind(items, "hard", "max-shifts-month"), ==, 1);
	g_assert_cmpint(json_object_get_int_member(score, ROSTER_KEY_HARD_VIOLATIONS), ==, 1);
}

/* a solve where heavy soft weights would pay for a second day in a row beyond the
 * volunteer's limit: the job's best stays ordered by hard violations first, and it
 * ends without a broken rule */
static void
test_solve_best_ordered(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autofree gchar *solve = NULL;
	g_autofree gchar *publish = NULL;
	g_autofree gchar *publish_body = NULL;
	g_autofree gchar *unassign = NULL;
	g_autoptr(RosterTestResponse) second = NULL;
	g_autoptr(RosterTestResponse) started = NULL;
	g_autoptr(RosterTestResponse) published = NULL;
	g_autoptr(RosterTestResponse) removed = NULL;
	g_autoptr(JsonObject) score = NULL;
	gint64 last_hard = G_MAXINT64;
	gint64 last_objective = G_MAXINT64;
	gint64 v;
	gint64 held;
	gboolean running = TRUE;

	/* only B1 has the skill of the seat, needed on two days in a row */
	w.onsite = add_class(f, "onsite", "on-site", "counsellor", "\"skills\":[\"listening\"]");
	add_demand(f, w.onsite, "\"date_from\":\"2026-12-08\",\"date_to\":\"2026-12-09\"");
	w.roster = add_roster(f, "{\"uncovered\":50000,\"commitment\":50000,\"stability\":50000}");
	v = add_volunteer(f,
			  "B1",
			  "counsellor",
			  "\"min_shifts_month\":2,\"max_consecutive_days\":1,"
			  "\"skills\":[\"listening\"]");
	/* published with B1 on both days (overriding the limit), then the second day is
	 * taken back: the roster the solve starts from breaks no rule */
	assign_ok(f, w.roster, "2026-12-08", "08:00", w.onsite, v);
	second = assign(f, w.roster, "2026-12-09", "08:00", w.onsite, v, TRUE);
	g_assert_cmpuint(second->status, ==, 201);
	held = roster_test_response_get_int(second, ROSTER_KEY_ID);
	publish = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/publish", w.roster);
	publish_body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", revision_of(f, w.roster));
	published =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", publish, publish_body);
	g_assert_cmpuint(published->status, ==, 200);
	unassign = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
					   "?revision=%" G_GINT64_FORMAT,
				   w.roster,
				   held,
				   revision_of(f, w.roster));
	removed = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "DELETE", unassign, NULL);
	g_assert_cmpuint(removed->status, ==, 200);

	solve = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/solve", w.roster);
	started = roster_test_request_as(f,
					 ROSTER_TEST_CALLER_ADMIN,
					 "POST",
					 solve,
					 "{\"time_limit\":2,\"seed\":7}");
	g_assert_cmpuint(started->status, ==, 202);
	while (running) {
		g_autoptr(RosterTestResponse) r =
		    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", solve, NULL);
		JsonObject *job = roster_test_response_get_object(r);
		g_assert_cmpuint(r->status, ==, 200);
		running = g_strcmp0(json_object_get_string_member(job, ROSTER_KEY_STATE),
				    ROSTER_JOB_RUNNING) == 0;
		if (!json_object_get_null_member(job, ROSTER_KEY_HARD_VIOLATIONS)) {
			gint64 hard = json_object_get_int_member(job, ROSTER_KEY_HARD_VIOLATIONS);
			gint64 objective = json_object_get_int_member(job, ROSTER_KEY_BEST_SCORE);
			/* never worse in the order (hard violations, objective) */
			g_assert_true(hard < last_hard ||
				      (hard == last_hard && objective <= last_objective));
			last_hard = hard;
			last_objective = objective;
		}
		if (running)
			g_usleep(G_USEC_PER_SEC / 50);
	}
	g_assert_cmpint(last_hard, ==, 0);
	score = dup_score(f, w.roster);
	g_assert_cmpint(json_object_get_int_member(score, ROSTER_KEY_HARD_VIOLATIONS), ==, 0);
	/* B1 sits one of the four seats (two slots on two days) */
	g_assert_cmpint(json_object_get_int_member(score, ROSTER_KEY_UNCOVERED), ==, 3);
}

/* one shift per person and day cannot be overridden: 422 overridable false, nothing
 * changed */
static void
test_override_refused(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autoptr(RosterTestResponse) r = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	JsonObject *error;
	gint64 v;

	make_week(f, &w, NULL);
	v = add_volunteer(f, "O1", "counsellor", NULL);
	assign_ok(f, w.roster, "2026-12-08", "08:00", w.onsite, v);
	before = roster_test_fixture_dup_snapshot(f);
	r = assign(f, w.roster, "2026-12-08", "11:00", w.onsite, v, TRUE);
	g_assert_cmpuint(r->status, ==, 422);
	error = error_of(r);
	g_assert_true(g_str_has_prefix(json_object_get_string_member(error, ROSTER_KEY_MESSAGE),
				       "one-shift-per-day: "));
	g_assert_true(json_object_has_member(error, ROSTER_KEY_OVERRIDABLE));
	g_assert_false(json_object_get_boolean_member(error, ROSTER_KEY_OVERRIDABLE));
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
}

/* a rule broken by a new assignment: refused as overridable, then accepted with it */
static void
check_assign_override(RosterTestFixture *f,
		      Week *w,
		      const gchar *rule,
		      const gchar *date,
		      const gchar *slot,
		      gint64 seat_class,
		      gint64 volunteer)
{
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) accepted = NULL;
	g_autoptr(JsonArray) items = NULL;

	refused = assign(f, w->roster, date, slot, seat_class, volunteer, FALSE);
	assert_overridable_refusal(refused, rule);
	accepted = assign(f, w->roster, date, slot, seat_class, volunteer, TRUE);
	g_assert_cmpuint(accepted->status, ==, 201);
	items = dup_explanations(f, w->roster);
	g_assert_nonnull(find_item(items, rule, volunteer));
}

static void
test_override_not_eligible(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	gint64 v;

	make_week(f, &w, NULL);
	v = add_volunteer(f, "E1", "counsellor", NULL);
	check_assign_override(f, &w, "not-eligible", "2026-12-08", "20:00", w.crisis, v);
}

static void
test_override_unavailable(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	gint64 v;

	make_week(f, &w, NULL);
	v = add_volunteer(f, "U1", "counsellor", NULL);
	add_availability(f, v, "{\"kind\":\"unavailable\",\"date\":\"2026-12-08\"}");
	check_assign_override(f, &w, "unavailable", "2026-12-08", "08:00", w.onsite, v);
}

/* with a move: the later shift of a day before an early one */
static void
test_override_min_rest(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) accepted = NULL;
	gint64 v;
	gint64 late;

	make_week(f, &w, "{\"min_rest_minutes\":720}");
	v = add_volunteer(f, "R1", "counsellor", NULL);
	assign_ok(f, w.roster, "2026-12-09", "08:00", w.onsite, v);
	late = assign_ok(f, w.roster, "2026-12-08", "11:00", w.onsite, v);
	path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT,
			       w.roster,
			       late);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"slot\":\"20:00\"}",
			       revision_of(f, w.roster));
	refused = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);
	assert_overridable_refusal(refused, "min-rest");
	g_free(body);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT
			       ",\"slot\":\"20:00\",\"override\":true}",
			       revision_of(f, w.roster));
	accepted = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);
	g_assert_cmpuint(accepted->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(accepted, ROSTER_KEY_SOURCE),
			==,
			"override");
}

/* a limit of one shift, one shift's hours, a night or a day in a row: the second
 * shift breaks it */
static void
check_limit_override(RosterTestFixture *f,
		     const gchar *rule,
		     const gchar *limit,
		     const gchar *second_slot)
{
	Week w;
	gint64 v;

	make_week(f, &w, NULL);
	v = add_volunteer(f, "L1", "counsellor", limit);
	assign_ok(f, w.roster, "2026-12-08", "08:00", w.onsite, v);
	check_assign_override(f, &w, rule, "2026-12-09", second_slot, w.onsite, v);
}

static void
test_override_max_shifts_month(RosterTestFixture *f, gconstpointer user_data)
{
	check_limit_override(f, "max-shifts-month", "\"max_shifts_month\":1", "08:00");
}

static void
test_override_max_hours_month(RosterTestFixture *f, gconstpointer user_data)
{
	check_limit_override(f, "max-hours-month", "\"max_hours_month\":3", "08:00");
}

static void
test_override_max_hours_week(RosterTestFixture *f, gconstpointer user_data)
{
	check_limit_override(f, "max-hours-week", "\"max_hours_week\":3", "08:00");
}

static void
test_override_max_nights_month(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	gint64 v;

	make_week(f, &w, NULL);
	v = add_volunteer(f, "N1", "counsellor", "\"max_nights_month\":0");
	check_assign_override(f, &w, "max-nights-month", "2026-12-08", "23:00", w.onsite, v);
}

static void
test_override_max_consecutive_days(RosterTestFixture *f, gconstpointer user_data)
{
	check_limit_override(f, "max-consecutive-days", "\"max_consecutive_days\":1", "11:00");
}

/* with an assignment and with a delete: the trainee's senior leaves */
static void
test_override_trainee_alone(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autofree gchar *path = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) accepted = NULL;
	gint64 trainee;
	gint64 senior;
	gint64 mentor;

	make_week(f, &w, NULL);
	trainee = add_volunteer(f, "T1", "trainee", NULL);
	senior = add_volunteer(f, "T2", "senior", NULL);
	check_assign_override(f, &w, "trainee-alone", "2026-12-08", "08:00", w.practice, trainee);

	/* paired on another day, then the senior is taken away */
	mentor = assign_ok(f, w.roster, "2026-12-09", "08:00", w.onsite, senior);
	assign_ok(f, w.roster, "2026-12-09", "08:00", w.practice, trainee);
	g_free(path);
	path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
				       "?revision=%" G_GINT64_FORMAT,
			       w.roster,
			       mentor,
			       revision_of(f, w.roster));
	refused = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "DELETE", path, NULL);
	assert_overridable_refusal(refused, "trainee-alone");
	g_free(path);
	path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
				       "?revision=%" G_GINT64_FORMAT "&override=true",
			       w.roster,
			       mentor,
			       revision_of(f, w.roster));
	accepted = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "DELETE", path, NULL);
	g_assert_cmpuint(accepted->status, ==, 200);
}

/* with a swap of a pinned assignment */
static void
test_override_pinned(RosterTestFixture *f, gconstpointer user_data)
{
	Week w;
	g_autofree gchar *swap = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *pin = NULL;
	g_autofree gchar *pin_body = NULL;
	g_autoptr(RosterTestResponse) pinned = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) accepted = NULL;
	gint64 a;
	gint64 b;

	make_week(f, &w, NULL);
	a = assign_ok(f,
		      w.roster,
		      "2026-12-08",
		      "08:00",
		      w.onsite,
		      add_volunteer(f, "P1", "counsellor", NULL));
	b = assign_ok(f,
		      w.roster,
		      "2026-12-09",
		      "08:00",
		      w.onsite,
		      add_volunteer(f, "P2", "counsellor", NULL));
	pin = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT,
			      w.roster,
			      a);
	pin_body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"pinned\":true}",
				   revision_of(f, w.roster));
	pinned = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "PATCH", pin, pin_body);
	g_assert_cmpuint(pinned->status, ==, 200);
	swap = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/swap", w.roster);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT
			       ",\"assignments\":[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]}",
			       revision_of(f, w.roster),
			       a,
			       b);
	refused = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", swap, body);
	assert_overridable_refusal(refused, "pinned");
	g_free(body);
	body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"assignments\":[%" G_GINT64_FORMAT
			    ",%" G_GINT64_FORMAT "],\"override\":true}",
			    revision_of(f, w.roster),
			    a,
			    b);
	accepted = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", swap, body);
	g_assert_cmpuint(accepted->status, ==, 200);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
#define ADD(path, func)                                                                            \
	g_test_add(path,                                                                           \
		   RosterTestFixture,                                                              \
		   NULL,                                                                           \
		   roster_test_fixture_setup,                                                      \
		   func,                                                                           \
		   roster_test_fixture_teardown)
	ADD("/roster/rosters/truth/idle-reasons", test_idle_reasons);
	ADD("/roster/rosters/truth/import-warns", test_import_warns);
	ADD("/roster/rosters/truth/score-follows-changes", test_score_follows_changes);
	ADD("/roster/rosters/truth/rule-counted-once", test_rule_counted_once);
	ADD("/roster/rosters/truth/solve-best-ordered", test_solve_best_ordered);
	ADD("/roster/rosters/truth/override-refused", test_override_refused);
	ADD("/roster/rosters/truth/override/not-eligible", test_override_not_eligible);
	ADD("/roster/rosters/truth/override/unavailable", test_override_unavailable);
	ADD("/roster/rosters/truth/override/min-rest", test_override_min_rest);
	ADD("/roster/rosters/truth/override/max-shifts-month", test_override_max_shifts_month);
	ADD("/roster/rosters/truth/override/max-hours-month", test_override_max_hours_month);
	ADD("/roster/rosters/truth/override/max-hours-week", test_override_max_hours_week);
	ADD("/roster/rosters/truth/override/max-nights-month", test_override_max_nights_month);
	ADD("/roster/rosters/truth/override/max-consecutive-days",
	    test_override_max_consecutive_days);
	ADD("/roster/rosters/truth/override/trainee-alone", test_override_trainee_alone);
	ADD("/roster/rosters/truth/override/pinned", test_override_pinned);
#undef ADD
	return g_test_run();
}
