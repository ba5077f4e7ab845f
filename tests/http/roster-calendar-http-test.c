/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-calendar-ical.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/* a published roster of the fixture's volunteer, made through the engine */
typedef struct {
	gint64 seat;
	gint64 roster;
	gint64 first;
	gint64 second;
} Roster;

static gint64
revision_of(RosterTestFixture *fixture, RosterPrincipal *admin, gint64 roster)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = roster_engine_get_roster(fixture->engine, admin, roster, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(json_node_get_object(node), ROSTER_KEY_REVISION);
}

static gint64
assign(RosterTestFixture *fixture,
       RosterPrincipal *admin,
       Roster *r,
       const gchar *date,
       const gchar *slot)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"%s\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT
	    ",\"override\":true}",
	    revision_of(fixture, admin, r->roster),
	    date,
	    slot,
	    r->seat,
	    fixture->volunteer_id);
	g_autoptr(JsonNode) result =
	    roster_engine_assign(fixture->engine, admin, r->roster, body, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(json_node_get_object(result), ROSTER_KEY_ID);
}

static void
publish(RosterTestFixture *fixture, RosterPrincipal *admin, Roster *r)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result =
	    roster_engine_publish_roster(fixture->engine,
					 admin,
					 r->roster,
					 revision_of(fixture, admin, r->roster),
					 &error);

	g_assert_no_error(error);
}

static void
make_roster(RosterTestFixture *fixture, Roster *r)
{
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(fixture->engine);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) seat_body =
	    roster_test_json_printf("{\"code\":\"crisis\",\"name\":\"危机专席\",\"mode\":\"cloud\","
				    "\"min_tier\":\"counsellor\",\"crisis\":true}");
	g_autoptr(JsonNode) seat = NULL;
	g_autoptr(JsonNode) roster_body = roster_test_json_printf(
	    "{\"name\":\"三月\",\"period_start\":\"2026-03-01\",\"period_end\":\"2026-03-31\"}");
	g_autoptr(JsonNode) roster = NULL;

	seat = roster_engine_create(fixture->engine,
				    admin,
				    ROSTER_COLLECTION_SEAT_CLASSES,
				    0,
				    seat_body,
				    &error);
	g_assert_no_error(error);
	r->seat = json_object_get_int_member(json_node_get_object(seat), ROSTER_KEY_ID);
	roster = roster_engine_create_roster(fixture->engine, admin, roster_body, &error);
	g_assert_no_error(error);
	r->roster = json_object_get_int_member(json_node_get_object(roster), ROSTER_KEY_ID);
	r->first = assign(fixture, admin, r, "2026-03-05", "20:00");
	r->second = assign(fixture, admin, r, "2026-03-06", "08:00");
	publish(fixture, admin, r);
}

static RosterTestResponse *
get_with_header(RosterTestFixture *fixture,
		const gchar *path,
		const gchar *header,
		const gchar *value)
{
	g_autofree gchar *uri = g_strconcat(fixture->root_uri, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new(SOUP_METHOD_GET, uri);

	if (header != NULL)
		soup_message_headers_replace(soup_message_get_request_headers(msg), header, value);
	return roster_test_send(fixture->session, msg);
}

static gchar *
rotate(RosterTestFixture *fixture, RosterTestCaller caller)
{
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/calendar-tokens/%" G_GINT64_FORMAT, fixture->volunteer_id);
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, caller, "POST", path, NULL);

	g_assert_cmpuint(response->status, ==, 200);
	return g_strdup(roster_test_response_get_string(response, ROSTER_KEY_URL));
}

/* runs check-ics.py (python3-icalendar) on @text against @expected */
static void
check_with_python(RosterTestFixture *fixture, const gchar *text, const gchar *expected)
{
	const gchar *python = g_getenv("ROSTER_PYTHON3");
	g_autofree gchar *script = g_test_build_filename(G_TEST_DIST, "http", "check-ics.py", NULL);
	g_autofree gchar *ics = g_build_filename(fixture->tmpdir, "feed.ics", NULL);
	g_autofree gchar *json = g_build_filename(fixture->tmpdir, "expected.json", NULL);
	g_autofree gchar *out = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *argv[] = {python, script, ics, json, NULL};
	gint status = 0;

	if (python == NULL) {
		g_test_message("no python3: the independent parser was not run");
		return;
	}
	g_assert_true(g_file_set_contents(ics, text, -1, &error));
	g_assert_true(g_file_set_contents(json, expected, -1, &error));
	g_assert_true(g_spawn_sync(NULL,
				   (gchar **)argv,
				   NULL,
				   G_SPAWN_DEFAULT,
				   NULL,
				   NULL,
				   &out,
				   NULL,
				   &status,
				   &error));
	g_assert_no_error(error);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		g_test_message("python3-icalendar is missing: the independent parser was not run");
		return;
	}
	if (!g_spawn_check_wait_status(status, NULL))
		g_test_message("check-ics.py: %s", out);
	g_assert_true(g_spawn_check_wait_status(status, NULL));
}

/* the SUMMARY and DESCRIPTION of the first event of the feed at @url, parsed with libical */
static void
read_first_event(RosterTestFixture *fixture, const gchar *url, gchar **summary, gchar **description)
{
	g_autoptr(RosterTestResponse) response =
	    roster_test_request(fixture, "GET", url, NULL, NULL);
	g_autofree gchar *text = NULL;
	g_autoptr(ICalComponent) parsed = NULL;
	g_autoptr(ICalComponent) vevent = NULL;

	g_assert_cmpuint(response->status, ==, 200);
	text = g_strndup(g_bytes_get_data(response->body, NULL), g_bytes_get_size(response->body));
	parsed = i_cal_parser_parse_string(text);
	g_assert_nonnull(parsed);
	vevent = i_cal_component_get_first_component(parsed, I_CAL_VEVENT_COMPONENT);
	g_assert_nonnull(vevent);
	*summary = g_strdup(i_cal_component_get_summary(vevent));
	*description = g_strdup(i_cal_component_get_description(vevent));
}

/* the feed of a volunteer who prefers English is worded in English without ?lang=en;
 * with no preference it is Chinese */
static void
test_feed_preferred_language(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};
	g_autofree gchar *url = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *summary = NULL;
	g_autofree gchar *description = NULL;
	g_autofree gchar *summary_en = NULL;
	g_autofree gchar *description_en = NULL;
	g_autoptr(RosterTestResponse) before = NULL;
	g_autoptr(RosterTestResponse) patched = NULL;
	g_autofree gchar *body = NULL;

	make_roster(fixture, &r);
	url = rotate(fixture, ROSTER_TEST_CALLER_VOLUNTEER);
	path = g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT, fixture->volunteer_id);

	/* no preference: the hotline's Chinese */
	before = roster_test_request_as(fixture, ROSTER_TEST_CALLER_VOLUNTEER, "GET", path, NULL);
	g_assert_cmpuint(before->status, ==, 200);
	g_assert_true(json_object_get_null_member(roster_test_response_get_object(before),
						  ROSTER_KEY_PREFERRED_LANGUAGE));
	read_first_event(fixture, url, &summary, &description);
	g_assert_cmpstr(summary, ==, "12355 值班：危机专席（云坐席）");
	g_assert_true(g_str_has_prefix(description, "班组："));

	/* the volunteer sets its own preference, and the API returns it */
	body =
	    g_strdup_printf("{\"revision\": %" G_GINT64_FORMAT ", \"preferred_language\": \"en\"}",
			    roster_test_response_get_int(before, ROSTER_KEY_REVISION));
	patched =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_VOLUNTEER, "PATCH", path, body);
	g_assert_cmpuint(patched->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(patched, ROSTER_KEY_PREFERRED_LANGUAGE),
			==,
			"en");
	read_first_event(fixture, url, &summary_en, &description_en);
	g_assert_cmpstr(summary_en, ==, "12355 duty: 危机专席 (cloud seat)");
	g_assert_true(g_str_has_prefix(description_en, "Team: "));
}

/* a preferred language is a language tag */
static void
test_preferred_language_refused(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT, fixture->volunteer_id);
	g_autoptr(RosterTestResponse) before =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	g_autofree gchar *body = g_strdup_printf(
	    "{\"revision\": %" G_GINT64_FORMAT ", \"preferred_language\": \"english!\"}",
	    roster_test_response_get_int(before, ROSTER_KEY_REVISION));
	g_autoptr(RosterTestResponse) response =
	    roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);

	g_assert_cmpuint(response->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_field(response),
			==,
			ROSTER_KEY_PREFERRED_LANGUAGE);
}

static void
test_feed(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(fixture->engine);
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(RosterTestResponse) again = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autofree gchar *url = NULL;
	g_autofree gchar *url2 = NULL;
	g_autofree gchar *etag = NULL;
	g_autofree gchar *modified = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *expected = NULL;
	g_autofree gchar *english = NULL;
	g_autofree gchar *upper = NULL;
	g_autofree gchar *upper_url = NULL;
	gint64 vid = fixture->volunteer_id;

	make_roster(fixture, &r);
	url = rotate(fixture, ROSTER_TEST_CALLER_VOLUNTEER);
	g_assert_true(g_str_has_prefix(url, "/calendar/"));

	/* no login needed */
	response = roster_test_request(fixture, "GET", url, NULL, NULL);
	g_assert_cmpuint(response->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_header(response, "Content-Type"),
			==,
			"text/calendar; charset=utf-8");
	etag = g_strdup(roster_test_response_get_header(response, "ETag"));
	modified = g_strdup(roster_test_response_get_header(response, "Last-Modified"));
	g_assert_nonnull(etag);
	g_assert_nonnull(modified);
	text = g_strndup(g_bytes_get_data(response->body, NULL), g_bytes_get_size(response->body));
	g_assert_nonnull(strstr(text, "BEGIN:VTIMEZONE"));

	/* the independent parser agrees with the roster */
	expected = g_strdup_printf(
	    "[{\"uid\":\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
	    ".hotline-roster\",\"start\":\"2026-03-05T20:00\",\"tzid\":\"Asia/Shanghai\","
	    "\"summary\":\"12355 "
	    "值班：危机专席（云坐席）\",\"status\":\"CONFIRMED\",\"sequence\":0,"
	    "\"alarms\":2},"
	    "{\"uid\":\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
	    ".hotline-roster\",\"start\":\"2026-03-06T08:00\",\"tzid\":\"Asia/Shanghai\","
	    "\"summary\":\"12355 "
	    "值班：危机专席（云坐席）\",\"status\":\"CONFIRMED\",\"sequence\":0,"
	    "\"alarms\":2}]",
	    r.first,
	    vid,
	    r.roster,
	    r.second,
	    vid,
	    r.roster);
	check_with_python(fixture, text, expected);

	/* conditional requests */
	again = get_with_header(fixture, url, "If-None-Match", etag);
	g_assert_cmpuint(again->status, ==, 304);
	g_clear_pointer(&again, roster_test_response_free);
	again = get_with_header(fixture, url, "If-Modified-Since", modified);
	g_assert_cmpuint(again->status, ==, 304);
	g_clear_pointer(&again, roster_test_response_free);
	again = get_with_header(fixture, url, "If-None-Match", "\"something-else\"");
	g_assert_cmpuint(again->status, ==, 200);
	g_clear_pointer(&again, roster_test_response_free);

	/* English on request */
	english = g_strconcat(url, "?lang=en", NULL);
	again = roster_test_request(fixture, "GET", english, NULL, NULL);
	g_assert_cmpuint(again->status, ==, 200);
	g_assert_nonnull(g_strstr_len(g_bytes_get_data(again->body, NULL),
				      g_bytes_get_size(again->body),
				      "12355 duty: 危机专席 (cloud seat)"));
	g_clear_pointer(&again, roster_test_response_free);

	/* a removed shift, once published, changes the feed: CANCELLED, SEQUENCE 1 */
	result = roster_engine_unassign(fixture->engine,
					admin,
					r.roster,
					r.second,
					revision_of(fixture, admin, r.roster),
					TRUE,
					&error);
	g_assert_no_error(error);
	publish(fixture, admin, &r);
	again = get_with_header(fixture, url, "If-None-Match", etag);
	g_assert_cmpuint(again->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_header(again, "ETag"), !=, etag);
	g_free(text);
	text = g_strndup(g_bytes_get_data(again->body, NULL), g_bytes_get_size(again->body));
	g_free(expected);
	expected = g_strdup_printf(
	    "[{\"uid\":\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
	    ".hotline-roster\",\"start\":\"2026-03-05T20:00\",\"tzid\":\"Asia/Shanghai\","
	    "\"summary\":\"12355 "
	    "值班：危机专席（云坐席）\",\"status\":\"CONFIRMED\",\"sequence\":0,"
	    "\"alarms\":2},"
	    "{\"uid\":\"%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
	    ".hotline-roster\",\"start\":\"2026-03-06T08:00\",\"tzid\":\"Asia/Shanghai\","
	    "\"summary\":\"12355 "
	    "值班：危机专席（云坐席）\",\"status\":\"CANCELLED\",\"sequence\":1,"
	    "\"alarms\":0}]",
	    r.first,
	    vid,
	    r.roster,
	    r.second,
	    vid,
	    r.roster);
	check_with_python(fixture, text, expected);
	g_clear_pointer(&again, roster_test_response_free);

	/* configurable reminders: one, 30 minutes before */
	body = roster_test_json_printf("{\"calendar_alarms\":[30]}");
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_set_record_settings(fixture->engine, admin, body, &error);
	g_assert_no_error(error);
	again = roster_test_request(fixture, "GET", url, NULL, NULL);
	g_assert_nonnull(g_strstr_len(g_bytes_get_data(again->body, NULL),
				      g_bytes_get_size(again->body),
				      "TRIGGER:-PT30M"));
	g_clear_pointer(&again, roster_test_response_free);

	/* a coordinator rotates: the old URL is gone */
	url2 = rotate(fixture, ROSTER_TEST_CALLER_COORDINATOR);
	again = roster_test_request(fixture, "GET", url, NULL, NULL);
	g_assert_cmpuint(again->status, ==, 404);
	g_assert_cmpstr(roster_test_response_get_error_code(again), ==, "not-found");
	g_clear_pointer(&again, roster_test_response_free);
	again = roster_test_request(fixture, "GET", url2, NULL, NULL);
	g_assert_cmpuint(again->status, ==, 200);
	g_clear_pointer(&again, roster_test_response_free);
	again = roster_test_request(fixture, "GET", "/calendar/nothing.ics", NULL, NULL);
	g_assert_cmpuint(again->status, ==, 404);
	g_clear_pointer(&again, roster_test_response_free);
	/* a token is the lower-case hex it was given as, like a session token */
	upper = g_ascii_strup(url2 + strlen("/calendar/"), -1);
	upper[strlen(upper) - strlen(".ICS")] = '\0';
	upper_url = g_strdup_printf("/calendar/%s.ics", upper);
	again = roster_test_request(fixture, "GET", upper_url, NULL, NULL);
	g_assert_cmpuint(again->status, ==, 404);
	g_clear_pointer(&again, roster_test_response_free);
	again = roster_test_request(fixture, "POST", url2, NULL, "{}");
	g_assert_cmpuint(again->status, ==, 405);
}

/* a feed read as a client would: the status, the text and the ETag */
typedef struct {
	guint status;
	gchar *text;
	gchar *etag;
} Fetched;

static void
fetched_clear(Fetched *f)
{
	g_clear_pointer(&f->text, g_free);
	g_clear_pointer(&f->etag, g_free);
}

static void
fetch(RosterTestFixture *fixture, const gchar *url, const gchar *if_none_match, Fetched *f)
{
	g_autoptr(RosterTestResponse) response =
	    get_with_header(fixture,
			    url,
			    if_none_match != NULL ? "If-None-Match" : NULL,
			    if_none_match);

	fetched_clear(f);
	f->status = response->status;
	f->text =
	    g_strndup(g_bytes_get_data(response->body, NULL), g_bytes_get_size(response->body));
	f->etag = g_strdup(roster_test_response_get_header(response, "ETag"));
}

/* the next fetch of @url, with the ETag of @before, is a new text that holds @needle,
 * under a new ETag, into @after */
static void
assert_feed_changed(RosterTestFixture *fixture,
		    const gchar *url,
		    const Fetched *before,
		    const gchar *needle,
		    Fetched *after)
{
	g_assert_null(strstr(before->text, needle));
	fetch(fixture, url, before->etag, after);
	g_assert_cmpuint(after->status, ==, 200);
	g_assert_nonnull(strstr(after->text, needle));
	g_assert_cmpstr(after->etag, !=, before->etag);
}

/* a write the feed does not show (a new team, a draft's change) leaves its text and
 * ETag as they were, and the client's copy is still current */
static void
test_feed_cache_unchanged(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(fixture->engine);
	g_autoptr(RosterTestResponse) team = NULL;
	g_autofree gchar *url = NULL;
	Fetched first = {0};
	Fetched again = {0};

	make_roster(fixture, &r);
	url = rotate(fixture, ROSTER_TEST_CALLER_VOLUNTEER);
	fetch(fixture, url, NULL, &first);
	g_assert_cmpuint(first.status, ==, 200);
	fetch(fixture, url, NULL, &again);
	g_assert_cmpstr(again.text, ==, first.text);
	g_assert_cmpstr(again.etag, ==, first.etag);

	team = roster_test_request_as(fixture,
				      ROSTER_TEST_CALLER_ADMIN,
				      "POST",
				      "/api/v1/teams",
				      "{\"name\":\"Night owls\"}");
	g_assert_cmpuint(team->status, ==, 201);
	/* an assignment in the draft is not published yet */
	assign(fixture, admin, &r, "2026-03-07", "08:00");
	fetch(fixture, url, NULL, &again);
	g_assert_cmpuint(again.status, ==, 200);
	g_assert_cmpstr(again.text, ==, first.text);
	g_assert_cmpstr(again.etag, ==, first.etag);
	fetch(fixture, url, first.etag, &again);
	g_assert_cmpuint(again.status, ==, 304);
	fetched_clear(&first);
	fetched_clear(&again);
}

/* a new published version shows in the next fetch of a feed read before, with a new
 * ETag, and the old copy is no longer current */
static void
test_feed_cache_new_version(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(fixture->engine);
	g_autofree gchar *url = NULL;
	g_autofree gchar *uid = NULL;
	Fetched first = {0};
	Fetched after = {0};
	Fetched again = {0};
	gint64 third;

	make_roster(fixture, &r);
	url = rotate(fixture, ROSTER_TEST_CALLER_VOLUNTEER);
	fetch(fixture, url, NULL, &first);
	g_assert_cmpuint(first.status, ==, 200);
	third = assign(fixture, admin, &r, "2026-03-07", "08:00");
	publish(fixture, admin, &r);
	uid = g_strdup_printf("UID:%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
			      ".hotline-roster",
			      third,
			      fixture->volunteer_id,
			      r.roster);
	assert_feed_changed(fixture, url, &first, uid, &after);
	/* and then it is current again */
	fetch(fixture, url, after.etag, &again);
	g_assert_cmpuint(again.status, ==, 304);
	fetched_clear(&first);
	fetched_clear(&after);
	fetched_clear(&again);
}

/* a volunteer renamed through the API: the feed's name follows at once */
static void
test_feed_cache_rename(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};
	g_autofree gchar *url = NULL;
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT, fixture->volunteer_id);
	g_autofree gchar *body = NULL;
	g_autoptr(RosterTestResponse) before = NULL;
	g_autoptr(RosterTestResponse) patched = NULL;
	Fetched first = {0};
	Fetched after = {0};

	make_roster(fixture, &r);
	url = rotate(fixture, ROSTER_TEST_CALLER_VOLUNTEER);
	fetch(fixture, url, NULL, &first);

	before = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
	body = g_strdup_printf("{\"revision\": %" G_GINT64_FORMAT ", \"name\": \"Wang Fang\"}",
			       roster_test_response_get_int(before, ROSTER_KEY_REVISION));
	patched = roster_test_request_as(fixture, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);
	g_assert_cmpuint(patched->status, ==, 200);

	assert_feed_changed(fixture, url, &first, "X-WR-CALNAME:Wang Fang 值班", &after);
	fetched_clear(&first);
	fetched_clear(&after);
}

/* a version published by the command-line tool, another process on the same database,
 * shows in the next fetch */
static void
test_feed_cache_other_process(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(fixture->engine);
	const gchar *tool = g_getenv("ROSTER_TOOL");
	g_autofree gchar *url = NULL;
	g_autofree gchar *id = NULL;
	g_autofree gchar *uid = NULL;
	g_autoptr(GError) error = NULL;
	gint status = 0;
	gint64 third;
	Fetched first = {0};
	Fetched after = {0};

	if (tool == NULL) {
		g_test_skip("ROSTER_TOOL is not set");
		return;
	}
	make_roster(fixture, &r);
	url = rotate(fixture, ROSTER_TEST_CALLER_VOLUNTEER);
	third = assign(fixture, admin, &r, "2026-03-07", "08:00");
	uid = g_strdup_printf("UID:%" G_GINT64_FORMAT "-", third);
	fetch(fixture, url, NULL, &first);

	id = g_strdup_printf("%" G_GINT64_FORMAT, r.roster);
	{
		const gchar *argv[] =
		    {tool, "publish-roster", "-d", fixture->database_path, "-i", id, NULL};
		g_assert_true(g_spawn_sync(NULL,
					   (gchar **)argv,
					   NULL,
					   G_SPAWN_STDOUT_TO_DEV_NULL,
					   NULL,
					   NULL,
					   NULL,
					   NULL,
					   &status,
					   &error));
	}
	g_assert_no_error(error);
	g_assert_true(g_spawn_check_wait_status(status, NULL));

	assert_feed_changed(fixture, url, &first, uid, &after);
	fetched_clear(&first);
	fetched_clear(&after);
}

/* a restore puts the feed back as it was at the backup, though no row was written
 * through the engine's connection */
static void
test_feed_cache_restore(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(fixture->engine);
	g_autofree gchar *backup = g_build_filename(fixture->tmpdir, "before.db", NULL);
	g_autofree gchar *url = NULL;
	g_autofree gchar *uid = NULL;
	g_autoptr(GError) error = NULL;
	Fetched before = {0};
	Fetched published = {0};
	Fetched restored = {0};
	gint64 third;

	make_roster(fixture, &r);
	url = rotate(fixture, ROSTER_TEST_CALLER_VOLUNTEER);
	fetch(fixture, url, NULL, &before);
	g_assert_true(roster_engine_backup(fixture->engine, backup, &error));
	g_assert_no_error(error);
	third = assign(fixture, admin, &r, "2026-03-07", "08:00");
	publish(fixture, admin, &r);
	uid = g_strdup_printf("UID:%" G_GINT64_FORMAT "-", third);
	assert_feed_changed(fixture, url, &before, uid, &published);

	g_assert_true(roster_engine_restore(fixture->engine, backup, &error));
	g_assert_no_error(error);
	fetch(fixture, url, NULL, &restored);
	g_assert_cmpuint(restored.status, ==, 200);
	g_assert_cmpstr(restored.text, ==, before.text);
	g_assert_cmpstr(restored.etag, ==, before.etag);
	fetched_clear(&before);
	fetched_clear(&published);
	fetched_clear(&restored);
}

typedef struct {
	const gchar *method;
	/* {VID} is the fixture's volunteer, {RID} the roster */
	const gchar *path;
	const gchar *body;
	/* none, admin, coordinator, manager, volunteer, other volunteer */
	guint status[ROSTER_TEST_CALLER_LAST];
} MatrixRow;

static const MatrixRow matrix[] = {
    {"POST", "/api/v1/calendar-tokens/{VID}", NULL, {401, 200, 200, 403, 200, 403}},
    {"GET", "/api/v1/calendar-export.ics?roster={RID}", NULL, {401, 200, 200, 200, 403, 403}},
    {"GET",
     "/api/v1/calendar-export.ics?roster={RID}&volunteer={VID}",
     NULL,
     {401, 200, 200, 200, 200, 403}},
    {"GET",
     "/api/v1/hours/{VID}?from=2026-03-01&to=2026-03-31",
     NULL,
     {401, 200, 200, 200, 200, 403}},
    {"GET", "/api/v1/stars/{VID}", NULL, {401, 200, 200, 200, 200, 403}},
    {"GET", "/api/v1/honour-roll", NULL, {401, 200, 200, 200, 403, 403}},
    {"GET", "/api/v1/attendance", NULL, {401, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/attendance?volunteer={VID}", NULL, {401, 200, 200, 200, 200, 403}},
    {"POST",
     "/api/v1/attendance/confirm-day",
     "{\"roster_id\":{RID},\"date\":\"2026-03-05\"}",
     {401, 200, 200, 200, 403, 403}},
    {"POST",
     "/api/v1/training",
     "{\"volunteer_id\":{VID},\"kind\":\"supervision\",\"hours\":1.5,\"date\":\"2026-03-02\"}",
     {401, 201, 201, 201, 403, 403}},
    {"GET", "/api/v1/training", NULL, {401, 200, 200, 200, 200, 200}},
    {"POST",
     "/api/v1/ratings",
     "{\"volunteer_id\":{VID},\"dimension\":\"quality-review\",\"score\":4,\"date\":\"2026-03-"
     "02\"}",
     {401, 201, 201, 201, 403, 403}},
    {"GET", "/api/v1/ratings?volunteer={VID}", NULL, {401, 200, 200, 200, 200, 403}},
    {"POST",
     "/api/v1/service-logs",
     "{\"volunteer_id\":{VID},\"kind\":\"callback\",\"hours\":1,\"date\":\"2026-03-02\"}",
     {401, 201, 201, 201, 201, 403}},
    {"GET", "/api/v1/service-logs?state=pending", NULL, {401, 200, 200, 200, 200, 200}},
    {"GET", "/api/v1/promotions/candidates", NULL, {401, 200, 200, 200, 403, 403}},
    {"GET", "/api/v1/promotions", NULL, {401, 200, 200, 200, 200, 200}},
    {"POST",
     "/api/v1/promotions",
     "{\"volunteer_id\":{VID},\"to_tier\":\"expert\"}",
     {401, 422, 403, 422, 403, 403}},
    {"GET", "/api/v1/record-settings", NULL, {401, 200, 200, 200, 403, 403}},
    {"PUT",
     "/api/v1/record-settings",
     "{\"pre_job_min_hours\":10}",
     {401, 200, 403, 200, 403, 403}},
    {"GET", "/api/v1/reports/hours?period=year", NULL, {401, 200, 200, 200, 403, 403}},
    {"GET", "/api/v1/reports/hours?format=csv&lang=zh", NULL, {401, 200, 200, 200, 403, 403}},
    {"GET", "/api/v1/reports/coverage?roster={RID}", NULL, {401, 200, 200, 200, 403, 403}},
    {"GET", "/api/v1/reports/coverage", NULL, {401, 422, 422, 422, 422, 422}},
    {"GET",
     "/api/v1/reports/coverage?roster={RID}&format=csv&lang=zh",
     NULL,
     {401, 200, 200, 200, 403, 403}},
    {"GET", "/api/v1/reports/coverage?roster=999", NULL, {401, 404, 404, 404, 403, 403}},
    {"GET", "/api/v1/reports/hours?format=xml", NULL, {401, 422, 422, 422, 422, 422}},
    /* bad inputs: malformed JSON, absurd or negative hours, unknown kinds and ids */
    {"POST", "/api/v1/service-logs", "{bad", {401, 400, 400, 400, 400, 400}},
    {"POST",
     "/api/v1/service-logs",
     "{\"volunteer_id\":{VID},\"kind\":\"callback\",\"hours\":-3,\"date\":\"2026-03-02\"}",
     {401, 422, 422, 422, 422, 403}},
    {"POST",
     "/api/v1/service-logs",
     "{\"volunteer_id\":{VID},\"kind\":\"callback\",\"hours\":1000,\"date\":\"2026-03-02\"}",
     {401, 422, 422, 422, 422, 403}},
    {"POST",
     "/api/v1/training",
     "{\"volunteer_id\":{VID},\"kind\":\"karaoke\",\"hours\":1,\"date\":\"2026-03-02\"}",
     {401, 422, 422, 422, 403, 403}},
    {"POST",
     "/api/v1/ratings",
     "{\"volunteer_id\":{VID},\"dimension\":\"quality-review\",\"score\":9,\"date\":\"2026-03-"
     "02\"}",
     {401, 422, 422, 422, 403, 403}},
    {"POST",
     "/api/v1/attendance",
     "{\"roster_id\":{RID},\"assignment_id\":999,\"status\":\"attended\"}",
     {401, 404, 404, 404, 403, 403}},
    {"POST",
     "/api/v1/attendance",
     "{\"roster_id\":{RID},\"assignment_id\":1,\"status\":\"asleep\"}",
     {401, 422, 422, 422, 403, 403}},
    {"POST",
     "/api/v1/attendance/confirm-day",
     "{\"roster_id\":{RID},\"date\":\"2027-01-01\"}",
     {401, 422, 422, 422, 403, 403}},
    {"POST", "/api/v1/service-logs/999/approve", NULL, {401, 404, 404, 404, 403, 403}},
    {"GET", "/api/v1/hours/999", NULL, {401, 404, 404, 404, 403, 403}},
    {"GET", "/api/v1/hours/{VID}?from=yesterday", NULL, {401, 422, 422, 422, 422, 422}},
    {"GET", "/api/v1/service-logs?state=lost", NULL, {401, 422, 422, 422, 422, 422}},
    {"DELETE", "/api/v1/training", NULL, {405, 405, 405, 405, 405, 405}},
    {"GET", "/api/v1/attendance/nothing", NULL, {404, 404, 404, 404, 404, 404}},
    {"GET", "/api/v1/hours/abc", NULL, {404, 404, 404, 404, 404, 404}},
};

static gchar *
expand(RosterTestFixture *fixture, const gchar *template, gint64 roster)
{
	g_autofree gchar *vid = g_strdup_printf("%" G_GINT64_FORMAT, fixture->volunteer_id);
	g_autofree gchar *rid = g_strdup_printf("%" G_GINT64_FORMAT, roster);
	g_autoptr(GString) text = g_string_new(template);

	g_string_replace(text, "{VID}", vid, 0);
	g_string_replace(text, "{RID}", rid, 0);
	return g_strdup(text->str);
}

static void
test_matrix(RosterTestFixture *fixture, gconstpointer user_data)
{
	Roster r = {0};

	make_roster(fixture, &r);
	for (guint i = 0; i < G_N_ELEMENTS(matrix); i++) {
		for (guint caller = 0; caller < ROSTER_TEST_CALLER_LAST; caller++) {
			g_autofree gchar *path = expand(fixture, matrix[i].path, r.roster);
			g_autofree gchar *body = matrix[i].body != NULL
						     ? expand(fixture, matrix[i].body, r.roster)
						     : NULL;
			g_autofree gchar *before = matrix[i].status[caller] >= 400
						       ? roster_test_fixture_dup_snapshot(fixture)
						       : NULL;
			g_autofree gchar *after = NULL;
			g_autoptr(RosterTestResponse) response =
			    roster_test_request_as(fixture, caller, matrix[i].method, path, body);
			if (response->status != matrix[i].status[caller]) {
				g_test_message("%s %s as %s: %u, expected %u",
					       matrix[i].method,
					       path,
					       roster_test_caller_to_string(caller),
					       response->status,
					       matrix[i].status[caller]);
			}
			g_assert_cmpuint(response->status, ==, matrix[i].status[caller]);
			/* a refused request changes nothing, not even the audit log */
			if (before != NULL) {
				after = roster_test_fixture_dup_snapshot(fixture);
				g_assert_cmpstr(before, ==, after);
			}
			if (response->status == 200 && g_str_has_suffix(path, "lang=zh") &&
			    strstr(path, "/reports/hours") != NULL) {
				g_assert_cmpstr(
				    roster_test_response_get_header(response, "Content-Type"),
				    ==,
				    "text/csv; charset=utf-8");
				g_assert_true(memcmp(g_bytes_get_data(response->body, NULL),
						     "\xEF\xBB\xBF期间",
						     9) == 0);
			}
		}
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/calendar-http/feed",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_feed,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/preferred-language",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_feed_preferred_language,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/preferred-language-refused",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_preferred_language_refused,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/cache-unchanged",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_feed_cache_unchanged,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/cache-new-version",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_feed_cache_new_version,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/cache-rename",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_feed_cache_rename,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/cache-other-process",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_feed_cache_other_process,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/cache-restore",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_feed_cache_restore,
		   roster_test_fixture_teardown);
	g_test_add("/roster/calendar-http/matrix",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_matrix,
		   roster_test_fixture_teardown);
	return g_test_run();
}
