/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-demo.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/* the roster routes through the real server on loopback */

#define ROSTERS ROSTER_HTTP_API_PREFIX "/rosters"

typedef struct {
	gint64 onsite;
	gint64 crisis;
	gint64 counsellor;
	gint64 roster;
} Hotline;

/* a week with one on-site seat 08:00-14:00, a crisis seat and five volunteers */
static void
make_hotline(RosterTestFixture *f, Hotline *h)
{
	g_autofree gchar *rule = NULL;
	g_autofree gchar *path = NULL;

	h->onsite =
	    roster_test_create(f,
			       ROSTER_HTTP_API_PREFIX "/seat-classes",
			       "{\"code\":\"onsite\",\"name\":\"onsite\",\"mode\":\"on-site\","
			       "\"min_tier\":\"counsellor\"}");
	h->crisis =
	    roster_test_create(f,
			       ROSTER_HTTP_API_PREFIX "/seat-classes",
			       "{\"code\":\"crisis\",\"name\":\"crisis\",\"mode\":\"on-site\","
			       "\"min_tier\":\"expert\",\"crisis\":true}");
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"08:00\",\"end\":\"14:00\",\"seats\":1}",
			       h->onsite);
	roster_test_create(f, ROSTER_HTTP_API_PREFIX "/demand-rules", rule);
	h->counsellor = roster_test_create(
	    f,
	    ROSTER_HTTP_API_PREFIX "/volunteers",
	    "{\"name\":\"H1\",\"counsellor_no\":\"H1\",\"tier\":\"counsellor\"}");
	for (guint i = 2; i <= 5; i++) {
		g_autofree gchar *body =
		    g_strdup_printf("{\"name\":\"H%u\",\"counsellor_no\":\"H%u\",\"tier\":\"%s\"}",
				    i,
				    i,
				    i == 2 ? "expert" : "senior");
		roster_test_create(f, ROSTER_HTTP_API_PREFIX "/volunteers", body);
	}
	h->roster = roster_test_create(f,
				       ROSTERS,
				       "{\"name\":\"week\",\"period_start\":\"2026-12-07\","
				       "\"period_end\":\"2026-12-13\"}");
}

/* the demo city line (seeded as the command-line tool seeds it) and its December
 * roster: a solve that no roster ends early at a proven bound, so that a test meets
 * it running */
static gint64
make_demo_month(RosterTestFixture *f)
{
	g_autoptr(GError) error = NULL;

	g_assert_true(roster_demo_seed_scale(f->engine, "city", 1, &error));
	g_assert_no_error(error);
	return roster_test_create(f,
				  ROSTERS,
				  "{\"name\":\"December\",\"period_start\":\"2026-12-01\","
				  "\"period_end\":\"2026-12-31\"}");
}

static gint64
roster_revision(RosterTestFixture *f, gint64 roster)
{
	g_autofree gchar *path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT, roster);
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(r->status, ==, 200);
	return roster_test_response_get_int(r, ROSTER_KEY_REVISION);
}

static gchar *
wait_job(RosterTestFixture *f, const gchar *path)
{
	for (;;) {
		g_autoptr(RosterTestResponse) r =
		    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
		const gchar *state;
		g_assert_cmpuint(r->status, ==, 200);
		state = roster_test_response_get_string(r, ROSTER_KEY_STATE);
		if (g_strcmp0(state, ROSTER_JOB_RUNNING) != 0)
			return g_strdup(state);
		g_usleep(G_USEC_PER_SEC / 20);
	}
}

/* DELETE on a running job: 200, and the job ends cancelled */
static void
cancel_job(RosterTestFixture *f, const gchar *path)
{
	g_autoptr(RosterTestResponse) cancel =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "DELETE", path, NULL);
	g_autofree gchar *state = NULL;

	g_assert_cmpuint(cancel->status, ==, 200);
	state = wait_job(f, path);
	g_assert_cmpstr(state, ==, ROSTER_JOB_CANCELLED);
}

static guint
count_assignments(RosterTestResponse *r)
{
	return json_array_get_length(
	    json_object_get_array_member(roster_test_response_get_object(r),
					 ROSTER_KEY_ASSIGNMENTS));
}

/* a coordinator's POST of a solve of a minute: 202 */
static RosterTestResponse *
start_minute_solve(RosterTestFixture *f, const gchar *solve)
{
	RosterTestResponse *started = roster_test_request_as(f,
							     ROSTER_TEST_CALLER_COORDINATOR,
							     "POST",
							     solve,
							     "{\"time_limit\":60}");
	g_assert_cmpuint(started->status, ==, 202);
	return started;
}

/* a solve whose roster reaches its proven bound ends there, long before its time: the
 * small week's fairness bound is met by an even share of its seats */
static void
test_http_solve_optimal(RosterTestFixture *f, gconstpointer user_data)
{
	Hotline h;
	g_autofree gchar *solve = NULL;
	g_autofree gchar *state = NULL;
	g_autoptr(RosterTestResponse) started = NULL;
	g_autoptr(RosterTestResponse) ended = NULL;
	JsonObject *job;

	make_hotline(f, &h);
	solve = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/solve", h.roster);
	started = start_minute_solve(f, solve);
	state = wait_job(f, solve);
	g_assert_cmpstr(state, ==, ROSTER_JOB_DONE);
	ended = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", solve, NULL);
	g_assert_cmpuint(ended->status, ==, 200);
	job = roster_test_response_get_object(ended);
	g_assert_cmpfloat(json_object_get_double_member(job, ROSTER_KEY_ELAPSED), <, 30);
	g_assert_cmpint(roster_test_response_get_int(ended, ROSTER_KEY_HARD_VIOLATIONS), ==, 0);
	g_assert_cmpint(roster_test_response_get_int(ended, ROSTER_KEY_BOUND),
			==,
			roster_test_response_get_int(ended, ROSTER_KEY_BEST_SCORE));
	g_assert_cmpfloat(json_object_get_double_member(job, ROSTER_KEY_GAP), ==, 0);
}

/* 202 with a job, 409 for a second, reads stay answered, DELETE cancels and keeps */
static void
test_http_solve_cancel(RosterTestFixture *f, gconstpointer user_data)
{
	gint64 roster_id;
	g_autofree gchar *solve = NULL;
	g_autofree gchar *roster_path = NULL;
	g_autoptr(RosterTestResponse) started = NULL;
	g_autoptr(RosterTestResponse) again = NULL;
	g_autoptr(RosterTestResponse) read = NULL;
	g_autoptr(RosterTestResponse) roster = NULL;
	g_autoptr(RosterTestResponse) bad = NULL;

	roster_id = make_demo_month(f);
	solve = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/solve", roster_id);
	roster_path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT, roster_id);
	started = start_minute_solve(f, solve);
	g_assert_cmpint(roster_test_response_get_int(started, ROSTER_KEY_JOB_ID), >, 0);
	again = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", solve, NULL);
	g_assert_cmpuint(again->status, ==, 409);
	read = roster_test_request_as(f,
				      ROSTER_TEST_CALLER_MANAGER,
				      "GET",
				      ROSTER_HTTP_API_PREFIX "/volunteers",
				      NULL);
	g_assert_cmpuint(read->status, ==, 200);
	g_usleep(G_USEC_PER_SEC / 5);
	cancel_job(f, solve);
	roster = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", roster_path, NULL);
	g_assert_cmpuint(roster->status, ==, 200);
	/* the best roster so far was written */
	g_assert_cmpuint(count_assignments(roster), >, 0);
	bad = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "PUT", solve, NULL);
	g_assert_cmpuint(bad->status, ==, 405);
}

/* the running job's best roster so far: 404 before any job, then the assignments of
 * the search while the stored roster is still empty, broken rules that never rise
 * from one read to the next and a best score that never rises among rosters that
 * break as many, readable by a manager and not by a volunteer, and 409 once the job
 * has ended */
static void
test_http_solve_best(RosterTestFixture *f, gconstpointer user_data)
{
	gint64 roster_id;
	g_autofree gchar *solve = NULL;
	g_autofree gchar *best_path = NULL;
	g_autofree gchar *roster_path = NULL;
	g_autoptr(RosterTestResponse) none = NULL;
	g_autoptr(RosterTestResponse) started = NULL;
	g_autoptr(RosterTestResponse) stored = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) ended = NULL;
	gint64 last_score = G_MAXINT64;
	gint64 last_violations = G_MAXINT64;
	guint n_seen = 0;

	roster_id = make_demo_month(f);
	solve = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/solve", roster_id);
	best_path = g_strdup_printf("%s/best", solve);
	roster_path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT, roster_id);
	none = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", best_path, NULL);
	g_assert_cmpuint(none->status, ==, 404);
	g_assert_cmpstr(roster_test_response_get_error_code(none), ==, "not-found");

	started = start_minute_solve(f, solve);
	/* a few reads of the live roster: a 404 only until the search reports one */
	for (guint i = 0; i < 400 && n_seen < 3; i++) {
		g_autoptr(RosterTestResponse) best =
		    roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", best_path, NULL);
		JsonObject *job;
		gint64 score;
		gint64 violations;

		if (best->status == 404) {
			g_assert_cmpuint(n_seen, ==, 0);
			g_assert_cmpstr(roster_test_response_get_error_code(best), ==, "not-found");
			g_usleep(G_USEC_PER_SEC / 20);
			continue;
		}
		g_assert_cmpuint(best->status, ==, 200);
		g_assert_cmpint(roster_test_response_get_int(best, ROSTER_KEY_ID), ==, roster_id);
		g_assert_true(json_object_get_null_member(roster_test_response_get_object(best),
							  ROSTER_KEY_SCORE));
		job = json_object_get_object_member(roster_test_response_get_object(best),
						    ROSTER_KEY_JOB);
		g_assert_cmpstr(json_object_get_string_member(job, ROSTER_KEY_STATE),
				==,
				ROSTER_JOB_RUNNING);
		/* the search fills some of the month's seats */
		g_assert_cmpuint(count_assignments(best), >, 0);
		/* fewer broken rules first: the score may rise as the last of them is mended */
		score = json_object_get_int_member(job, ROSTER_KEY_BEST_SCORE);
		violations = json_object_get_int_member(job, ROSTER_KEY_HARD_VIOLATIONS);
		g_assert_cmpint(violations, <=, last_violations);
		if (violations == last_violations)
			g_assert_cmpint(score, <=, last_score);
		last_score = score;
		last_violations = violations;
		n_seen++;
		g_usleep(G_USEC_PER_SEC / 10);
	}
	g_assert_cmpuint(n_seen, ==, 3);
	/* nothing is written before the job ends */
	stored = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", roster_path, NULL);
	g_assert_cmpuint(stored->status, ==, 200);
	g_assert_cmpuint(count_assignments(stored), ==, 0);
	refused = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", best_path, NULL);
	g_assert_cmpuint(refused->status, ==, 403);

	cancel_job(f, solve);
	ended = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", best_path, NULL);
	g_assert_cmpuint(ended->status, ==, 409);
	g_assert_cmpstr(roster_test_response_get_error_code(ended), ==, "conflict");
	g_assert_cmpstr(roster_test_response_get_error_field(ended), ==, ROSTER_KEY_STATE);
}

/* 422 names the rule and changes nothing; a stale revision is 409; a manager 403 */
static void
test_http_edits(RosterTestFixture *f, gconstpointer user_data)
{
	Hotline h;
	g_autofree gchar *assignments = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *stale = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) ok = NULL;
	g_autoptr(RosterTestResponse) conflict = NULL;
	g_autoptr(RosterTestResponse) forbidden = NULL;
	gint64 revision;

	make_hotline(f, &h);
	assignments = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/assignments", h.roster);
	revision = roster_revision(f, h.roster);
	body = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT
	    ",\"date\":\"2026-12-08\",\"slot\":\"20:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    revision,
	    h.crisis,
	    h.counsellor);
	before = roster_test_fixture_dup_snapshot(f);
	refused = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", assignments, body);
	g_assert_cmpuint(refused->status, ==, 422);
	g_assert_true(g_str_has_prefix(
	    json_object_get_string_member(
		json_object_get_object_member(roster_test_response_get_object(refused),
					      ROSTER_KEY_ERROR),
		ROSTER_KEY_MESSAGE),
	    "not-eligible: "));
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
	g_assert_cmpint(roster_revision(f, h.roster), ==, revision);

	g_free(body);
	body = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT
	    ",\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    revision,
	    h.onsite,
	    h.counsellor);
	ok = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", assignments, body);
	g_assert_cmpuint(ok->status, ==, 201);
	stale = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT
	    ",\"date\":\"2026-12-09\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    revision,
	    h.onsite,
	    h.counsellor);
	conflict = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", assignments, stale);
	g_assert_cmpuint(conflict->status, ==, 409);
	forbidden =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "POST", assignments, stale);
	g_assert_cmpuint(forbidden->status, ==, 403);
}

/* solve, explain, suggest, publish twice, list versions and diff them */
static void
test_http_publish(RosterTestFixture *f, gconstpointer user_data)
{
	Hotline h;
	g_autofree gchar *base = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *state = NULL;
	g_autofree gchar *body = NULL;
	g_autoptr(RosterTestResponse) started = NULL;
	g_autoptr(RosterTestResponse) explained = NULL;
	g_autoptr(RosterTestResponse) suggested = NULL;
	g_autoptr(RosterTestResponse) v1 = NULL;
	g_autoptr(RosterTestResponse) v2 = NULL;
	g_autoptr(RosterTestResponse) versions = NULL;
	g_autoptr(RosterTestResponse) diff = NULL;

	make_hotline(f, &h);
	base = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT, h.roster);
	path = g_strdup_printf("%s/solve", base);
	started = roster_test_request_as(f,
					 ROSTER_TEST_CALLER_ADMIN,
					 "POST",
					 path,
					 "{\"time_limit\":0.3}");
	g_assert_cmpuint(started->status, ==, 202);
	state = wait_job(f, path);
	g_assert_cmpstr(state, ==, ROSTER_JOB_DONE);
	g_free(path);
	path = g_strdup_printf("%s/explanations", base);
	explained = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", path, NULL);
	g_assert_cmpuint(explained->status, ==, 200);
	g_free(path);
	path = g_strdup_printf("%s/suggestions?date=2026-12-08&slot=20:00&seat_class=crisis", base);
	suggested = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", path, NULL);
	g_assert_cmpuint(suggested->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(suggested, ROSTER_KEY_TOTAL), >=, 0);
	g_free(path);
	path = g_strdup_printf("%s/publish", base);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", roster_revision(f, h.roster));
	v1 = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", path, body);
	g_assert_cmpuint(v1->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(v1, ROSTER_KEY_STATE), ==, "published");
	g_free(body);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", roster_revision(f, h.roster));
	v2 = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", path, body);
	g_assert_cmpuint(v2->status, ==, 200);
	g_free(path);
	path = g_strdup_printf("%s/versions", base);
	versions = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", path, NULL);
	g_assert_cmpuint(versions->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(versions, ROSTER_KEY_TOTAL), ==, 2);
	g_free(path);
	path = g_strdup_printf("%s/diff?from=1&to=2", base);
	diff = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", path, NULL);
	g_assert_cmpuint(diff->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(diff, ROSTER_KEY_TOTAL), ==, 0);
}

/* a PATCH answers the roster as written, or the stable code and field of what it
 * refuses with nothing changed */
static void
expect_refused(RosterTestFixture *f,
	       RosterTestCaller caller,
	       const gchar *method,
	       const gchar *path,
	       const gchar *body,
	       guint status,
	       const gchar *code,
	       const gchar *field)
{
	g_autoptr(RosterTestResponse) r = roster_test_request_as(f, caller, method, path, body);

	g_assert_cmpuint(r->status, ==, status);
	g_assert_cmpstr(roster_test_response_get_error_code(r), ==, code);
	if (field != NULL)
		g_assert_cmpstr(roster_test_response_get_error_field(r), ==, field);
}

/* PATCH renames and changes settings; bad input, a stale revision, a manager and the
 * settings of a published roster are refused with their codes and change nothing; a
 * published roster is not deleted, a draft is (204, then 404) */
static void
test_http_roster_settings(RosterTestFixture *f, gconstpointer user_data)
{
	Hotline h;
	g_autofree gchar *base = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *stale = NULL;
	g_autofree gchar *publish = NULL;
	g_autofree gchar *other_path = NULL;
	g_autofree gchar *delete_stale = NULL;
	g_autofree gchar *delete_path = NULL;
	g_autoptr(RosterTestResponse) patched = NULL;
	g_autoptr(RosterTestResponse) published = NULL;
	g_autoptr(RosterTestResponse) deleted = NULL;
	g_autoptr(RosterTestResponse) gone = NULL;
	JsonObject *settings;
	gint64 revision;
	gint64 other;

	make_hotline(f, &h);
	base = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT, h.roster);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT
			       ",\"name\":\"Week, renamed\",\"settings\":{\"night\":7}}",
			       roster_revision(f, h.roster));
	patched = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "PATCH", base, body);
	g_assert_cmpuint(patched->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(patched, ROSTER_KEY_NAME),
			==,
			"Week, renamed");
	settings = json_object_get_object_member(roster_test_response_get_object(patched),
						 ROSTER_KEY_SETTINGS);
	g_assert_cmpint(json_object_get_int_member(settings, "night"), ==, 7);

	revision = roster_revision(f, h.roster);
	g_free(body);
	body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"settings\":{\"night\":\"high\"}}",
			    revision);
	expect_refused(f,
		       ROSTER_TEST_CALLER_ADMIN,
		       "PATCH",
		       base,
		       body,
		       422,
		       "invalid-data",
		       ROSTER_KEY_SETTINGS);
	expect_refused(f,
		       ROSTER_TEST_CALLER_MANAGER,
		       "PATCH",
		       base,
		       "{\"revision\":1,\"name\":\"x\"}",
		       403,
		       "permission-denied",
		       NULL);
	stale = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"name\":\"x\"}", revision - 1);
	expect_refused(f, ROSTER_TEST_CALLER_ADMIN, "PATCH", base, stale, 409, "conflict", NULL);
	expect_refused(f,
		       ROSTER_TEST_CALLER_ADMIN,
		       "PATCH",
		       ROSTERS "/999",
		       "{\"revision\":1,\"name\":\"x\"}",
		       404,
		       "not-found",
		       NULL);
	g_assert_cmpint(roster_revision(f, h.roster), ==, revision);

	/* published: no settings, no delete */
	publish = g_strdup_printf("%s/publish", base);
	g_free(body);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", revision);
	published = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", publish, body);
	g_assert_cmpuint(published->status, ==, 200);
	revision = roster_revision(f, h.roster);
	g_free(body);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"settings\":{\"night\":9}}",
			       revision);
	expect_refused(f,
		       ROSTER_TEST_CALLER_ADMIN,
		       "PATCH",
		       base,
		       body,
		       409,
		       "conflict",
		       ROSTER_KEY_STATE);
	expect_refused(f, ROSTER_TEST_CALLER_ADMIN, "DELETE", base, NULL, 409, "conflict", "state");
	g_assert_cmpint(roster_revision(f, h.roster), ==, revision);

	/* a draft goes: not for a manager, not at a stale revision */
	other =
	    roster_test_create(f,
			       ROSTERS,
			       "{\"period_start\":\"2027-01-01\",\"period_end\":\"2027-01-31\"}");
	other_path = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT, other);
	expect_refused(f,
		       ROSTER_TEST_CALLER_MANAGER,
		       "DELETE",
		       other_path,
		       NULL,
		       403,
		       "permission-denied",
		       NULL);
	delete_stale = g_strdup_printf("%s?revision=%" G_GINT64_FORMAT,
				       other_path,
				       roster_revision(f, other) + 1);
	expect_refused(f,
		       ROSTER_TEST_CALLER_ADMIN,
		       "DELETE",
		       delete_stale,
		       NULL,
		       409,
		       "conflict",
		       NULL);
	delete_path =
	    g_strdup_printf("%s?revision=%" G_GINT64_FORMAT, other_path, roster_revision(f, other));
	deleted =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "DELETE", delete_path, NULL);
	g_assert_cmpuint(deleted->status, ==, 204);
	gone = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", other_path, NULL);
	g_assert_cmpuint(gone->status, ==, 404);
}

/* with at most one solve at once, a second is 429 with Retry-After and starts nothing;
 * once the first has ended, a new one is accepted */
static void
test_http_solve_cap(RosterTestFixture *f, gconstpointer user_data)
{
	gint64 first;
	gint64 second;
	g_autofree gchar *first_solve = NULL;
	g_autofree gchar *second_solve = NULL;
	g_autofree gchar *second_state = NULL;
	g_autoptr(RosterTestResponse) started = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) no_job = NULL;
	g_autoptr(RosterTestResponse) accepted = NULL;
	const gchar *retry_after;
	gchar *end = NULL;
	guint64 seconds;

	first = make_demo_month(f);
	second = roster_test_create(f,
				    ROSTERS,
				    "{\"name\":\"next week\",\"period_start\":\"2027-01-04\","
				    "\"period_end\":\"2027-01-10\"}");
	first_solve = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/solve", first);
	second_solve = g_strdup_printf(ROSTERS "/%" G_GINT64_FORMAT "/solve", second);
	roster_engine_set_max_solves(f->engine, 1);
	started = start_minute_solve(f, first_solve);

	refused = roster_test_request_as(f,
					 ROSTER_TEST_CALLER_COORDINATOR,
					 "POST",
					 second_solve,
					 "{\"time_limit\":0.3}");
	g_assert_cmpuint(refused->status, ==, 429);
	g_assert_cmpstr(roster_test_response_get_error_code(refused), ==, "too-many-requests");
	retry_after = roster_test_response_get_header(refused, "Retry-After");
	g_assert_nonnull(retry_after);
	seconds = g_ascii_strtoull(retry_after, &end, 10);
	g_assert_true(end != retry_after && *end == '\0');
	/* the first job's time limit is what is left of its 60 s */
	g_assert_cmpuint(seconds, >=, 1);
	g_assert_cmpuint(seconds, <=, 60);
	no_job = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", second_solve, NULL);
	g_assert_cmpuint(no_job->status, ==, 404);

	cancel_job(f, first_solve);
	accepted = roster_test_request_as(f,
					  ROSTER_TEST_CALLER_COORDINATOR,
					  "POST",
					  second_solve,
					  "{\"time_limit\":0.3}");
	g_assert_cmpuint(accepted->status, ==, 202);
	second_state = wait_job(f, second_solve);
	g_assert_cmpstr(second_state, ==, ROSTER_JOB_DONE);
}

/* the calendar's overrides and night through the API: the example is stored as
 * sent, overlapping overrides and a night of no length are 422 naming the field and
 * change nothing */
static void
test_http_calendar_overrides(RosterTestFixture *f, gconstpointer user_data)
{
	const gchar *path = ROSTER_HTTP_API_PREFIX "/calendars/1";
	const gchar *bad[][2] = {
	    {"{\"revision\":2,\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":"
	     "\"2027-06-10\",\"windows\":[]},{\"date_from\":\"2027-06-10\",\"date_to\":"
	     "\"2027-06-11\",\"windows\":[]}]}",
	     "overrides"},
	    {"{\"revision\":2,\"overrides\":[{\"date_from\":\"2027-06-10\",\"date_to\":"
	     "\"2027-06-07\",\"windows\":[]}]}",
	     "overrides"},
	    {"{\"revision\":2,\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":"
	     "\"2027-06-10\",\"windows\":[{\"start\":\"20:00\",\"end\":\"20:00\"}]}]}",
	     "overrides"},
	    {"{\"revision\":2,\"night_start\":\"22:00\",\"night_end\":\"22:00\"}", "night_end"},
	};
	g_autoptr(RosterTestResponse) ok = NULL;
	g_autoptr(RosterTestResponse) got = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	JsonArray *overrides;

	ok = roster_test_request_as(
	    f,
	    ROSTER_TEST_CALLER_COORDINATOR,
	    "PATCH",
	    path,
	    "{\"revision\":1,\"night_start\":\"22:00\",\"night_end\":\"07:00\",\"overrides\":["
	    "{\"date_from\":\"2027-06-07\",\"date_to\":\"2027-06-10\","
	    "\"windows\":[{\"start\":\"00:00\",\"end\":\"24:00\"}]},"
	    "{\"date_from\":\"2027-10-01\",\"date_to\":\"2027-10-03\",\"windows\":[]}]}");
	g_assert_cmpuint(ok->status, ==, 200);
	before = roster_test_fixture_dup_snapshot(f);
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
		g_autoptr(RosterTestResponse) refused =
		    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, bad[i][0]);
		g_assert_cmpuint(refused->status, ==, 422);
		g_assert_cmpstr(roster_test_response_get_error_code(refused), ==, "invalid-data");
		g_assert_cmpstr(roster_test_response_get_error_field(refused), ==, bad[i][1]);
	}
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
	got = roster_test_request_as(f, ROSTER_TEST_CALLER_MANAGER, "GET", path, NULL);
	g_assert_cmpuint(got->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(got, ROSTER_KEY_REVISION), ==, 2);
	g_assert_cmpstr(roster_test_response_get_string(got, ROSTER_KEY_NIGHT_END), ==, "07:00");
	overrides = json_object_get_array_member(roster_test_response_get_object(got),
						 ROSTER_KEY_OVERRIDES);
	g_assert_cmpuint(json_array_get_length(overrides), ==, 2);
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(
			     json_array_get_object_element(overrides, 1),
			     ROSTER_KEY_WINDOWS)),
			 ==,
			 0);
}

/* trainee places through the API: a seat class offers them and reads them back; a
 * crisis class that would offer them is 422 naming the field and changes nothing */
static void
test_http_trainee_places(RosterTestFixture *f, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) read = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autofree gchar *path = NULL;
	gint64 onsite;

	onsite = roster_test_create(f,
				    ROSTER_HTTP_API_PREFIX "/seat-classes",
				    "{\"code\":\"onsite\",\"name\":\"onsite\",\"mode\":\"on-site\","
				    "\"min_tier\":\"counsellor\",\"trainee_places\":2}");
	path = g_strdup_printf(ROSTER_HTTP_API_PREFIX "/seat-classes/%" G_GINT64_FORMAT, onsite);
	read = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_assert_cmpuint(read->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(read, ROSTER_KEY_TRAINEE_PLACES), ==, 2);

	before = roster_test_fixture_dup_snapshot(f);
	refused =
	    roster_test_request_as(f,
				   ROSTER_TEST_CALLER_ADMIN,
				   "POST",
				   ROSTER_HTTP_API_PREFIX "/seat-classes",
				   "{\"code\":\"crisis\",\"name\":\"crisis\",\"mode\":\"on-site\","
				   "\"min_tier\":\"expert\",\"crisis\":true,\"trainee_places\":1}");
	g_assert_cmpuint(refused->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_field(refused), ==, "trainee_places");
	g_assert_nonnull(
	    strstr(json_object_get_string_member(
		       json_object_get_object_member(roster_test_response_get_object(refused),
						     ROSTER_KEY_ERROR),
		       ROSTER_KEY_MESSAGE),
		   "crisis"));
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/rosters/http/solve-cancel",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_solve_cancel,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/solve-optimal",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_solve_optimal,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/solve-best",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_solve_best,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/solve-cap",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_solve_cap,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/edits",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_edits,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/settings",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_roster_settings,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/publish",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_publish,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/calendar-overrides",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_calendar_overrides,
		   roster_test_fixture_teardown);
	g_test_add("/roster/rosters/http/trainee-places",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_http_trainee_places,
		   roster_test_fixture_teardown);
	return g_test_run();
}
