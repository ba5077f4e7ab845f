/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "roster-calendar-ical.h"
#include "roster-engine-calendar.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"

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

static JsonNode *
json_printf(const gchar *format, ...) G_GNUC_PRINTF(1, 2);

static JsonNode *
json_printf(const gchar *format, ...)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	JsonNode *node;
	va_list args;

	va_start(args, format);
	text = g_strdup_vprintf(format, args);
	va_end(args);
	node = json_from_string(text, &error);
	g_assert_no_error(error);
	return node;
}

static JsonObject *
obj(JsonNode *node)
{
	return json_node_get_object(node);
}

static gint64
create(Fixture *f, const gchar *collection, JsonNode *body_owned)
{
	g_autoptr(JsonNode) body = body_owned;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) record =
	    roster_engine_create(f->engine, f->admin, collection, 0, body, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(obj(record), ROSTER_KEY_ID);
}

static gint64
revision_of(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = roster_engine_get_roster(f->engine, f->admin, f->roster, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(obj(node), ROSTER_KEY_REVISION);
}

/* assigns @volunteer and returns the assignment id */
static gint64
assign(Fixture *f, gint64 volunteer, const gchar *date, const gchar *slot)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body =
	    json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"%s\","
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

static void
publish(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result =
	    roster_engine_publish_roster(f->engine, f->admin, f->roster, revision_of(f), &error);

	g_assert_no_error(error);
}

static void
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
	f->team = create(f, ROSTER_COLLECTION_TEAMS, json_printf("{\"name\":\"一组\"}"));
	f->seat =
	    create(f,
		   ROSTER_COLLECTION_SEAT_CLASSES,
		   json_printf("{\"code\":\"crisis\",\"name\":\"危机专席\",\"mode\":\"cloud\","
			       "\"min_tier\":\"counsellor\",\"crisis\":true}"));
	f->a = create(
	    f,
	    ROSTER_COLLECTION_VOLUNTEERS,
	    json_printf("{\"name\":\"张三\",\"counsellor_no\":\"A001\",\"tier\":\"counsellor\","
			"\"team_id\":%" G_GINT64_FORMAT ",\"honour_roll_consent\":true}",
			f->team));
	f->b = create(
	    f,
	    ROSTER_COLLECTION_VOLUNTEERS,
	    json_printf("{\"name\":\"李四\",\"counsellor_no\":\"B002\",\"tier\":\"trainee\"}"));
	f->coordinator = roster_principal_new(2, "coord", ROSTER_ROLE_COORDINATOR, 0);
	f->manager = roster_principal_new(3, "manager", ROSTER_ROLE_MANAGER, 0);
	f->vol_a = roster_principal_new(4, "vol-a", ROSTER_ROLE_VOLUNTEER, f->a);
	f->vol_b = roster_principal_new(5, "vol-b", ROSTER_ROLE_VOLUNTEER, f->b);
	body = json_printf("{\"name\":\"三月\",\"period_start\":\"" PERIOD_START
			   "\",\"period_end\":\"" PERIOD_END "\"}");
	roster = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	f->roster = json_object_get_int_member(obj(roster), ROSTER_KEY_ID);
}

static void
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

/* the VEVENT with @uid, or NULL */
static ICalComponent *
find_event(ICalComponent *vcalendar, const gchar *uid)
{
	ICalComponent *vevent =
	    i_cal_component_get_first_component(vcalendar, I_CAL_VEVENT_COMPONENT);

	while (vevent != NULL) {
		if (g_strcmp0(i_cal_component_get_uid(vevent), uid) == 0)
			return vevent;
		g_object_unref(vevent);
		vevent = i_cal_component_get_next_component(vcalendar, I_CAL_VEVENT_COMPONENT);
	}
	return NULL;
}

static gchar *
uid_of(Fixture *f, gint64 assignment, gint64 volunteer)
{
	return g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
			       ".hotline-roster",
			       assignment,
			       volunteer,
			       f->roster);
}

/* a shift moved after publishing keeps its UID with SEQUENCE 1; a removed one is
 * CANCELLED; a draft change shows nowhere until published */
static void
test_calendar_history(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autoptr(ICalComponent) parsed = NULL;
	g_autoptr(ICalComponent) moved = NULL;
	g_autoptr(ICalComponent) removed = NULL;
	g_autoptr(ICalComponent) kept = NULL;
	g_autoptr(ICalTime) start = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autofree gchar *uid1 = NULL;
	g_autofree gchar *uid2 = NULL;
	g_autofree gchar *uid3 = NULL;
	gint64 a1 = assign(f, f->a, "2026-03-05", "20:00");
	gint64 a2 = assign(f, f->a, "2026-03-06", "20:00");
	gint64 a3 = assign(f, f->a, "2026-03-07", "02:00");

	/* nothing is published yet */
	feed = roster_engine_export_calendar(f->engine,
					     f->admin,
					     f->roster,
					     0,
					     0,
					     f->a,
					     FALSE,
					     &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 0);
	g_clear_pointer(&feed, roster_calendar_feed_free);

	publish(f);
	body =
	    json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"slot\":\"23:00\",\"override\":true}",
			revision_of(f));
	result = roster_engine_update_assignment(f->engine, f->admin, f->roster, a1, body, &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_unassign(f->engine,
					f->admin,
					f->roster,
					a2,
					revision_of(f),
					TRUE,
					&error);
	g_assert_no_error(error);
	publish(f);

	feed = roster_engine_export_calendar(f->engine,
					     f->admin,
					     f->roster,
					     0,
					     0,
					     f->a,
					     FALSE,
					     &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 3);
	g_assert_cmpint(feed->last_modified, >, 0);
	parsed = i_cal_parser_parse_string(feed->text);
	g_assert_nonnull(parsed);

	uid1 = uid_of(f, a1, f->a);
	uid2 = uid_of(f, a2, f->a);
	uid3 = uid_of(f, a3, f->a);
	moved = find_event(parsed, uid1);
	g_assert_nonnull(moved);
	g_assert_cmpint(i_cal_component_get_sequence(moved), ==, 1);
	g_assert_cmpint(i_cal_component_get_status(moved), ==, I_CAL_STATUS_CONFIRMED);
	start = i_cal_component_get_dtstart(moved);
	g_assert_cmpint(i_cal_time_get_hour(start), ==, 23);
	g_clear_object(&start);
	g_assert_cmpstr(i_cal_component_get_summary(moved), ==, "12355 值班：危机专席（云坐席）");
	g_assert_nonnull(strstr(i_cal_component_get_description(moved), "一组"));

	removed = find_event(parsed, uid2);
	g_assert_nonnull(removed);
	g_assert_cmpint(i_cal_component_get_status(removed), ==, I_CAL_STATUS_CANCELLED);
	g_assert_cmpint(i_cal_component_get_sequence(removed), ==, 1);

	/* 02:00 belongs to the operational day of the 7th, so it is the 8th at 02:00 */
	kept = find_event(parsed, uid3);
	g_assert_nonnull(kept);
	g_assert_cmpint(i_cal_component_get_sequence(kept), ==, 0);
	start = i_cal_component_get_dtstart(kept);
	g_assert_cmpint(i_cal_time_get_day(start), ==, 8);
	g_assert_cmpint(i_cal_time_get_hour(start), ==, 2);

	/* the other volunteer has nothing; English on request */
	g_clear_pointer(&feed, roster_calendar_feed_free);
	feed =
	    roster_engine_export_calendar(f->engine, f->admin, f->roster, 0, 0, f->b, TRUE, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 0);
	g_clear_pointer(&feed, roster_calendar_feed_free);
	feed = roster_engine_export_calendar(f->engine,
					     f->admin,
					     f->roster,
					     f->team,
					     0,
					     0,
					     TRUE,
					     &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 3);
	g_assert_nonnull(strstr(feed->text, "12355 duty: 危机专席 (cloud seat) - 张三"));
	/* by seat class; unknown seat classes and teams are not found */
	g_clear_pointer(&feed, roster_calendar_feed_free);
	feed = roster_engine_export_calendar(f->engine,
					     f->coordinator,
					     f->roster,
					     0,
					     f->seat,
					     0,
					     FALSE,
					     &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 3);
	g_clear_pointer(&feed, roster_calendar_feed_free);
	feed = roster_engine_export_calendar(f->engine,
					     f->manager,
					     f->roster,
					     0,
					     999,
					     0,
					     FALSE,
					     &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	feed = roster_engine_export_calendar(f->engine,
					     f->manager,
					     f->roster,
					     999,
					     0,
					     0,
					     FALSE,
					     &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	feed = roster_engine_export_calendar(f->engine, f->manager, 999, 0, 0, 0, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	feed = roster_engine_export_calendar(f->engine,
					     f->manager,
					     f->roster,
					     f->team,
					     0,
					     0,
					     TRUE,
					     &error);
	g_assert_no_error(error);

	/* when asked, keep the files for the independent parser */
	if (g_getenv("ROSTER_TEST_ICS_DIR") != NULL) {
		g_autofree gchar *file =
		    g_build_filename(g_getenv("ROSTER_TEST_ICS_DIR"), "history.ics", NULL);
		g_assert_true(g_file_set_contents(file, feed->text, -1, &error));
	}
}

/* a shift given to someone else is cancelled in the first feed and new in the second */
static void
test_calendar_reassigned(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterCalendarFeed) feed_a = NULL;
	g_autoptr(RosterCalendarFeed) feed_b = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(ICalComponent) parsed = NULL;
	g_autoptr(ICalComponent) event = NULL;
	g_autofree gchar *uid_a = NULL;
	g_autofree gchar *uid_b = NULL;
	gint64 a1 = assign(f, f->a, "2026-03-05", "20:00");

	publish(f);
	body = json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT
			   ",\"override\":true}",
			   revision_of(f),
			   f->b);
	result = roster_engine_update_assignment(f->engine, f->admin, f->roster, a1, body, &error);
	g_assert_no_error(error);
	publish(f);
	uid_a = uid_of(f, a1, f->a);
	uid_b = uid_of(f, a1, f->b);
	feed_a = roster_engine_export_calendar(f->engine, f->vol_a, 0, 0, 0, f->a, FALSE, &error);
	g_assert_no_error(error);
	parsed = i_cal_parser_parse_string(feed_a->text);
	event = find_event(parsed, uid_a);
	g_assert_nonnull(event);
	g_assert_cmpint(i_cal_component_get_status(event), ==, I_CAL_STATUS_CANCELLED);
	g_clear_object(&event);
	g_clear_object(&parsed);
	feed_b = roster_engine_export_calendar(f->engine, f->vol_b, 0, 0, 0, f->b, FALSE, &error);
	g_assert_no_error(error);
	parsed = i_cal_parser_parse_string(feed_b->text);
	event = find_event(parsed, uid_b);
	g_assert_nonnull(event);
	g_assert_cmpint(i_cal_component_get_status(event), ==, I_CAL_STATUS_CONFIRMED);
	g_assert_cmpint(i_cal_component_get_sequence(event), ==, 0);
}

static void
test_calendar_token(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) first = NULL;
	g_autoptr(JsonNode) second = NULL;
	g_autoptr(JsonNode) denied = NULL;
	g_autoptr(RosterCalendarFeed) feed = NULL;
	const gchar *token1;
	const gchar *token2;

	assign(f, f->a, "2026-03-05", "20:00");
	publish(f);
	first = roster_engine_rotate_calendar_token(f->engine, f->vol_a, f->a, &error);
	g_assert_no_error(error);
	token1 = json_object_get_string_member(obj(first), ROSTER_KEY_TOKEN);
	g_assert_cmpuint(strlen(token1), ==, 64);
	g_assert_true(
	    g_str_has_suffix(json_object_get_string_member(obj(first), ROSTER_KEY_URL), ".ics"));
	feed = roster_engine_dup_calendar_feed(f->engine, token1, FALSE, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 1);
	g_clear_pointer(&feed, roster_calendar_feed_free);

	/* a coordinator rotates: the old URL stops working */
	second = roster_engine_rotate_calendar_token(f->engine, f->coordinator, f->a, &error);
	g_assert_no_error(error);
	token2 = json_object_get_string_member(obj(second), ROSTER_KEY_TOKEN);
	g_assert_cmpstr(token1, !=, token2);
	feed = roster_engine_dup_calendar_feed(f->engine, token1, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_assert_null(feed);
	g_clear_error(&error);
	feed = roster_engine_dup_calendar_feed(f->engine, token2, FALSE, &error);
	g_assert_no_error(error);
	g_assert_nonnull(feed);
	g_clear_pointer(&feed, roster_calendar_feed_free);

	/* malformed tokens, other people's tokens, managers */
	feed = roster_engine_dup_calendar_feed(f->engine, "../etc/passwd", FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	denied = roster_engine_rotate_calendar_token(f->engine, f->vol_b, f->a, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_clear_error(&error);
	denied = roster_engine_rotate_calendar_token(f->engine, f->manager, f->a, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_clear_error(&error);
	denied = roster_engine_rotate_calendar_token(f->engine, f->admin, 999, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	feed = roster_engine_export_calendar(f->engine,
					     f->vol_b,
					     f->roster,
					     0,
					     0,
					     f->a,
					     FALSE,
					     &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

static JsonNode *
call_create(Fixture *f,
	    JsonNode *(*func)(RosterEngine *, RosterPrincipal *, JsonNode *, GError **),
	    RosterPrincipal *principal,
	    const gchar *json,
	    GError **error)
{
	g_autoptr(JsonNode) body = json_printf("%s", json);
	return func(f->engine, principal, body, error);
}

static gint64
create_ok(Fixture *f,
	  JsonNode *(*func)(RosterEngine *, RosterPrincipal *, JsonNode *, GError **),
	  RosterPrincipal *principal,
	  const gchar *json)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result = call_create(f, func, principal, json, &error);

	g_assert_no_error(error);
	g_assert_nonnull(result);
	return json_object_get_int_member_with_default(obj(result), ROSTER_KEY_ID, 0);
}

static gdouble
hours_of(Fixture *f,
	 RosterPrincipal *principal,
	 gint64 volunteer,
	 const gchar *from,
	 const gchar *to)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) hours =
	    roster_engine_get_hours(f->engine, principal, volunteer, from, to, &error);

	g_assert_no_error(error);
	return json_object_get_double_member(obj(hours), ROSTER_KEY_HOURS);
}

/* attended minutes + approved logs; late and early shorten a shift, a no-show counts
 * nothing, rejected and pending logs count nothing */
static void
test_attendance_hours(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(JsonNode) hours = NULL;
	g_autofree gchar *json = NULL;
	gint64 a1 = assign(f, f->a, "2026-03-05", "20:00");
	gint64 a2 = assign(f, f->a, "2026-03-06", "20:00");
	gint64 b1 = assign(f, f->b, "2026-03-06", "08:00");
	gint64 draft;
	gint64 log1;
	gint64 log2;
	JsonArray *items;

	/* the roster is not published yet */
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT
			       ",\"assignment_id\":%" G_GINT64_FORMAT
			       ",\"status\":\"late\",\"late_minutes\":30}",
			       f->roster,
			       a1);
	result = call_create(f, roster_engine_record_attendance, f->coordinator, json, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_clear_error(&error);
	publish(f);
	result = call_create(f, roster_engine_record_attendance, f->coordinator, json, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(result), ROSTER_KEY_MINUTES), ==, 150);
	g_clear_pointer(&result, json_node_unref);

	/* a shift added after publishing is not on the published roster yet */
	draft = assign(f, f->a, "2026-03-08", "14:00");
	g_free(json);
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT
			       ",\"assignment_id\":%" G_GINT64_FORMAT ",\"status\":\"attended\"}",
			       f->roster,
			       draft);
	result = call_create(f, roster_engine_record_attendance, f->coordinator, json, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	g_free(json);
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT
			       ",\"assignment_id\":%" G_GINT64_FORMAT
			       ",\"status\":\"late\",\"late_minutes\":30}",
			       f->roster,
			       a1);

	/* volunteers do not record attendance */
	result = call_create(f, roster_engine_record_attendance, f->vol_a, json, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_clear_error(&error);

	/* a whole day at once: only shifts without a record */
	g_free(json);
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT ",\"date\":\"2026-03-06\"}",
			       f->roster);
	result = call_create(f, roster_engine_confirm_day, f->coordinator, json, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(result), ROSTER_KEY_TOTAL), ==, 2);
	g_clear_pointer(&result, json_node_unref);
	/* outside the roster */
	g_free(json);
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT ",\"date\":\"2026-04-01\"}",
			       f->roster);
	result = call_create(f, roster_engine_confirm_day, f->coordinator, json, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_clear_error(&error);

	/* b did not come after all */
	g_free(json);
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT
			       ",\"assignment_id\":%" G_GINT64_FORMAT ",\"status\":\"no-show\"}",
			       f->roster,
			       b1);
	result = call_create(f, roster_engine_record_attendance, f->manager, json, &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	g_assert_cmpfloat(hours_of(f, f->manager, f->b, NULL, NULL), ==, 0);
	hours = roster_engine_get_hours(f->engine, f->manager, f->b, NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(hours), ROSTER_KEY_NO_SHOWS), ==, 1);
	g_clear_pointer(&hours, json_node_unref);

	/* logs: one approved, one rejected, one pending */
	log1 = create_ok(f,
			 roster_engine_create_service_log,
			 f->vol_a,
			 "{\"volunteer_id\":1,\"date\":\"2026-03-10\",\"hours\":2.5,"
			 "\"kind\":\"outreach\",\"description\":\"school visit\"}");
	log2 = create_ok(f,
			 roster_engine_create_service_log,
			 f->coordinator,
			 "{\"volunteer_id\":1,\"date\":\"2026-03-11\",\"hours\":4,"
			 "\"kind\":\"callback\"}");
	create_ok(f,
		  roster_engine_create_service_log,
		  f->coordinator,
		  "{\"volunteer_id\":1,\"date\":\"2026-03-12\",\"hours\":1,\"kind\":\"callback\"}");
	result = roster_engine_decide_service_log(f->engine, f->manager, log1, TRUE, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(result), ROSTER_KEY_STATE),
			==,
			"approved");
	g_assert_cmpstr(json_object_get_string_member(obj(result), ROSTER_KEY_APPROVER),
			==,
			"manager");
	g_clear_pointer(&result, json_node_unref);
	result = roster_engine_decide_service_log(f->engine, f->coordinator, log2, FALSE, &error);
	g_assert_no_error(error);
	g_clear_pointer(&result, json_node_unref);
	/* decided once */
	result = roster_engine_decide_service_log(f->engine, f->manager, log2, TRUE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	result = roster_engine_decide_service_log(f->engine, f->vol_a, log1, TRUE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_clear_error(&error);

	/* 150 + 180 minutes of shifts and 2.5 h of approved log */
	hours = roster_engine_get_hours(f->engine, f->vol_a, f->a, NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpfloat(json_object_get_double_member(obj(hours), ROSTER_KEY_HOURS), ==, 8.0);
	items = json_object_get_array_member(obj(hours), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 3);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 0),
						      ROSTER_KEY_SOURCE),
			==,
			"attendance");
	g_assert_cmpint(json_object_get_int_member(json_array_get_object_element(items, 0),
						   ROSTER_KEY_SOURCE_ID),
			==,
			a1);
	g_assert_cmpint(json_object_get_int_member(json_array_get_object_element(items, 1),
						   ROSTER_KEY_SOURCE_ID),
			==,
			a2);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 2),
						      ROSTER_KEY_SOURCE),
			==,
			"service-logs");
	/* a period */
	g_assert_cmpfloat(hours_of(f, f->manager, f->a, "2026-03-06", "2026-03-09"), ==, 3.0);
	/* volunteers read only their own */
	g_clear_pointer(&hours, json_node_unref);
	hours = roster_engine_get_hours(f->engine, f->vol_b, f->a, NULL, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_clear_error(&error);
	hours = roster_engine_get_hours(f->engine,
					f->manager,
					f->a,
					"2026-03-09",
					"2026-03-01",
					&error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
}

static void
test_bad_inputs(Fixture *f, gconstpointer user_data)
{
	const gchar *const logs[] = {
	    "{\"volunteer_id\":1,\"date\":\"2026-03-10\",\"hours\":-2,\"kind\":\"outreach\"}",
	    "{\"volunteer_id\":1,\"date\":\"2026-03-10\",\"hours\":0,\"kind\":\"outreach\"}",
	    "{\"volunteer_id\":1,\"date\":\"2026-03-10\",\"hours\":25,\"kind\":\"outreach\"}",
	    "{\"volunteer_id\":1,\"date\":\"2026-03-10\",\"hours\":\"2\",\"kind\":\"outreach\"}",
	    "{\"volunteer_id\":1,\"date\":\"2026-03-10\",\"hours\":2,\"kind\":\"party\"}",
	    "{\"volunteer_id\":1,\"date\":\"2099-03-10\",\"hours\":2,\"kind\":\"outreach\"}",
	    "{\"volunteer_id\":1,\"date\":\"2026-02-30\",\"hours\":2,\"kind\":\"outreach\"}",
	    "{\"date\":\"2026-03-10\",\"hours\":2,\"kind\":\"outreach\"}",
	    "[1,2]",
	};
	const gchar *const training[] = {
	    "{\"volunteer_id\":1,\"kind\":\"yoga\",\"hours\":2,\"date\":\"2026-03-10\"}",
	    "{\"volunteer_id\":1,\"kind\":\"pre-job\",\"hours\":5000,\"date\":\"2026-03-10\"}",
	    "{\"volunteer_id\":1,\"kind\":\"pre-job\",\"hours\":-1,\"date\":\"2026-03-10\"}",
	};
	const gchar *const ratings[] = {
	    "{\"volunteer_id\":1,\"dimension\":\"quality-review\",\"score\":6,\"date\":\"2026-03-"
	    "10\"}",
	    "{\"volunteer_id\":1,\"dimension\":\"quality-review\",\"score\":0,\"date\":\"2026-03-"
	    "10\"}",
	    "{\"volunteer_id\":1,\"dimension\":\"looks\",\"score\":3,\"date\":\"2026-03-10\"}",
	};
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autoptr(JsonNode) missing = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(logs); i++) {
		result = call_create(f,
				     roster_engine_create_service_log,
				     f->coordinator,
				     logs[i],
				     &error);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		g_assert_null(result);
		g_clear_error(&error);
	}
	for (guint i = 0; i < G_N_ELEMENTS(training); i++) {
		result = call_create(f,
				     roster_engine_create_training,
				     f->coordinator,
				     training[i],
				     &error);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		g_clear_error(&error);
	}
	for (guint i = 0; i < G_N_ELEMENTS(ratings); i++) {
		result =
		    call_create(f, roster_engine_create_rating, f->manager, ratings[i], &error);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		g_clear_error(&error);
	}
	missing = call_create(f,
			      roster_engine_create_rating,
			      f->manager,
			      "{\"volunteer_id\":99,\"dimension\":\"quality-review\",\"score\":3,"
			      "\"date\":\"2026-03-10\"}",
			      &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	/* a volunteer logs only its own service */
	result = call_create(
	    f,
	    roster_engine_create_service_log,
	    f->vol_b,
	    "{\"volunteer_id\":1,\"date\":\"2026-03-10\",\"hours\":2,\"kind\":\"outreach\"}",
	    &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

static void
approved_log(Fixture *f, gint64 volunteer, const gchar *date, gdouble hours)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) result = NULL;
	g_autofree gchar *json =
	    g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT
			    ",\"date\":\"%s\",\"hours\":%g,\"kind\":\"on-call\"}",
			    volunteer,
			    date,
			    hours);
	gint64 id = create_ok(f, roster_engine_create_service_log, f->coordinator, json);

	result = roster_engine_decide_service_log(f->engine, f->manager, id, TRUE, &error);
	g_assert_no_error(error);
}

/* 100 h makes one star on the day it is crossed; the honour roll names only those
 * who agreed */
static void
test_stars_honour_roll(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) stars = NULL;
	g_autoptr(JsonNode) roll = NULL;
	JsonArray *levels;
	JsonArray *items;

	for (guint i = 0; i < 4; i++) {
		g_autofree gchar *date = g_strdup_printf("2026-03-%02u", i + 10);
		approved_log(f, f->a, date, 24);
	}
	approved_log(f, f->a, "2026-04-02", 6);
	approved_log(f, f->b, "2026-04-03", 2);
	stars = roster_engine_get_stars(f->engine, f->vol_a, f->a, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(stars), ROSTER_KEY_STARS), ==, 1);
	levels = json_object_get_array_member(obj(stars), ROSTER_KEY_LEVELS);
	g_assert_cmpuint(json_array_get_length(levels), ==, 1);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(levels, 0),
						      ROSTER_KEY_REACHED),
			==,
			"2026-04-02");
	/* the hours within April only are 6 */
	g_assert_cmpfloat(hours_of(f, f->manager, f->a, "2026-04-01", "2026-04-30"), ==, 6.0);

	roll = roster_engine_get_honour_roll(f->engine,
					     f->manager,
					     "2026-04-01",
					     "2026-04-30",
					     &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(roll), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 2);
	g_assert_cmpstr(
	    json_object_get_string_member(json_array_get_object_element(items, 0), ROSTER_KEY_NAME),
	    ==,
	    "张三");
	g_assert_true(
	    json_object_get_null_member(json_array_get_object_element(items, 1), ROSTER_KEY_NAME));
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 1),
						      ROSTER_KEY_COUNSELLOR_NO),
			==,
			"B002");
	g_clear_pointer(&roll, json_node_unref);
	roll = roster_engine_get_honour_roll(f->engine, f->vol_a, NULL, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

/* pre-job training below the minimum: only as a paired trainee; promotion rules
 * with evidence; a confirmed promotion changes the tier and is audited */
static void
test_training_promotion(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GHashTable) untrained = NULL;
	g_autoptr(JsonNode) candidates = NULL;
	g_autoptr(JsonNode) promoted = NULL;
	g_autoptr(JsonNode) volunteer = NULL;
	g_autoptr(JsonNode) settings = NULL;
	g_autoptr(JsonNode) audit = NULL;
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	JsonArray *items;
	JsonObject *evidence;

	/* unverified training does not count */
	create_ok(f,
		  roster_engine_create_training,
		  f->coordinator,
		  "{\"volunteer_id\":2,\"kind\":\"pre-job\",\"hours\":30,\"date\":\"2026-02-01\"}");
	create_ok(f,
		  roster_engine_create_training,
		  f->coordinator,
		  "{\"volunteer_id\":1,\"kind\":\"pre-job\",\"hours\":20,\"date\":\"2026-02-01\","
		  "\"verified_by\":\"督导 王老师\"}");
	/* the rule is off until a minimum is configured */
	untrained = roster_engine_dup_untrained_volunteers(f->engine, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(g_hash_table_size(untrained), ==, 0);
	g_clear_pointer(&untrained, g_hash_table_unref);
	settings = call_create(f,
			       roster_engine_set_record_settings,
			       f->manager,
			       "{\"pre_job_min_hours\":20}",
			       &error);
	g_assert_no_error(error);
	g_clear_pointer(&settings, json_node_unref);
	untrained = roster_engine_dup_untrained_volunteers(f->engine, &error);
	g_assert_no_error(error);
	g_assert_true(g_hash_table_contains(untrained, &f->b));
	g_assert_false(g_hash_table_contains(untrained, &f->a));

	/* b: trainee -> counsellor needs 50 h, 4 h supervision, 3.5 over the last 5 ratings */
	settings =
	    call_create(f,
			roster_engine_set_record_settings,
			f->manager,
			"{\"promotion_rules\":[{\"from\":\"trainee\",\"to\":\"counsellor\","
			"\"service_hours\":10,\"supervision_hours\":2,\"min_average_rating\":4,"
			"\"last_n_ratings\":2,\"max_no_shows\":0}]}",
			&error);
	g_assert_no_error(error);
	g_clear_pointer(&settings, json_node_unref);
	settings = call_create(f,
			       roster_engine_set_record_settings,
			       f->coordinator,
			       "{\"pre_job_min_hours\":1}",
			       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_clear_error(&error);
	settings = call_create(f,
			       roster_engine_set_record_settings,
			       f->manager,
			       "{\"promotion_rules\":[{\"from\":\"trainee\",\"to\":\"expert\"}]}",
			       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_clear_error(&error);

	approved_log(f, f->b, "2026-03-01", 12);
	create_ok(
	    f,
	    roster_engine_create_training,
	    f->manager,
	    "{\"volunteer_id\":2,\"kind\":\"supervision\",\"hours\":2,\"date\":\"2026-03-02\","
	    "\"verified_by\":\"督导\"}");
	/* an old bad rating falls out of the last two */
	create_ok(f,
		  roster_engine_create_rating,
		  f->manager,
		  "{\"volunteer_id\":2,\"dimension\":\"quality-review\",\"score\":1,\"date\":"
		  "\"2026-03-01\"}");
	create_ok(f,
		  roster_engine_create_rating,
		  f->manager,
		  "{\"volunteer_id\":2,\"dimension\":\"caller-satisfaction\",\"score\":4,"
		  "\"date\":\"2026-03-02\"}");
	create_ok(f,
		  roster_engine_create_rating,
		  f->coordinator,
		  "{\"volunteer_id\":2,\"dimension\":\"quality-review\",\"score\":5,\"date\":"
		  "\"2026-03-03\","
		  "\"note\":\"清晰\"}");

	candidates = roster_engine_list_promotion_candidates(f->engine, f->manager, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(candidates), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 1);
	evidence = json_object_get_object_member(json_array_get_object_element(items, 0),
						 ROSTER_KEY_EVIDENCE);
	g_assert_cmpfloat(json_object_get_double_member(evidence, ROSTER_KEY_AVERAGE_RATING),
			  ==,
			  4.5);
	g_assert_cmpfloat(json_object_get_double_member(evidence, ROSTER_KEY_SERVICE_HOURS),
			  ==,
			  12);

	/* coordinators do not promote; managers do */
	promoted = call_create(f,
			       roster_engine_promote,
			       f->coordinator,
			       "{\"volunteer_id\":2,\"to_tier\":\"counsellor\"}",
			       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
	g_clear_error(&error);
	promoted = call_create(f,
			       roster_engine_promote,
			       f->manager,
			       "{\"volunteer_id\":2,\"to_tier\":\"senior\"}",
			       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_clear_error(&error);
	promoted = call_create(f,
			       roster_engine_promote,
			       f->manager,
			       "{\"volunteer_id\":2,\"to_tier\":\"counsellor\"}",
			       &error);
	g_assert_no_error(error);
	volunteer =
	    roster_engine_get(f->engine, f->admin, ROSTER_COLLECTION_VOLUNTEERS, 0, f->b, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(volunteer), ROSTER_KEY_TIER),
			==,
			"counsellor");
	g_hash_table_insert(params,
			    (gpointer) "collection",
			    (gpointer)ROSTER_COLLECTION_PROMOTIONS);
	audit = roster_engine_list(f->engine, f->admin, ROSTER_COLLECTION_AUDIT, 0, params, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(audit), ROSTER_KEY_TOTAL), ==, 1);
	/* not a candidate any more */
	g_clear_pointer(&candidates, json_node_unref);
	candidates = roster_engine_list_promotion_candidates(f->engine, f->manager, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(candidates), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 0);
}

static void
test_report_csv(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	g_autofree gchar *csv = NULL;
	g_autoptr(JsonNode) report = NULL;
	JsonArray *items;

	approved_log(f, f->a, "2026-01-10", 3);
	approved_log(f, f->a, "2026-02-10", 2);
	approved_log(f, f->b, "2026-04-10", 1);
	g_hash_table_insert(params, (gpointer) "period", (gpointer) "quarter");
	report = roster_engine_report_hours(f->engine, f->manager, params, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(report), ROSTER_KEY_ITEMS);
	g_assert_cmpuint(json_array_get_length(items), ==, 2);
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(items, 0),
						      ROSTER_KEY_PERIOD),
			==,
			"2026-Q1");
	g_assert_cmpfloat(json_object_get_double_member(json_array_get_object_element(items, 0),
							ROSTER_KEY_SERVICE_HOURS),
			  ==,
			  5.0);
	csv = roster_engine_report_hours_csv(f->engine, f->manager, params, TRUE, &error);
	g_assert_no_error(error);
	g_assert_true(g_str_has_prefix(csv, "\xEF\xBB\xBF期间,"));
	g_assert_nonnull(strstr(csv, "2026-Q1,1,A001,张三,5.00"));
	g_clear_pointer(&csv, g_free);
	g_hash_table_insert(params, (gpointer) "period", (gpointer) "week");
	csv = roster_engine_report_hours_csv(f->engine, f->manager, params, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_hash_table_insert(params, (gpointer) "period", (gpointer) "month");
	csv = roster_engine_report_hours_csv(f->engine, f->vol_a, params, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

/* text people typed that a spreadsheet would run as a formula is written with a quote
 * in front; the hours and counts stay numbers */
static void
test_report_csv_formula(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	g_autofree gchar *csv = NULL;
	g_autofree gchar *row = NULL;
	gint64 c = create(f,
			  ROSTER_COLLECTION_VOLUNTEERS,
			  json_printf("{\"name\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\","
				      "\"counsellor_no\":\"-5\",\"tier\":\"counsellor\"}"));

	approved_log(f, c, "2026-03-10", 3);
	g_hash_table_insert(params, (gpointer) "period", (gpointer) "month");
	csv = roster_engine_report_hours_csv(f->engine, f->manager, params, FALSE, &error);
	g_assert_no_error(error);
	row = g_strdup_printf(
	    "\r\n2026-03,%" G_GINT64_FORMAT
	    ",\"'-5\",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",3.00,0.00,0,,0\r\n",
	    c);
	if (strstr(csv, row) == NULL)
		g_test_message("%s", csv);
	g_assert_nonnull(strstr(csv, row));
}

/* a seat class code starting with - is text in the coverage report */
static void
test_coverage_csv_formula(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *csv = NULL;
	g_autofree gchar *row = NULL;
	gint64 seat = create(f,
			     ROSTER_COLLECTION_SEAT_CLASSES,
			     json_printf("{\"code\":\"-1\",\"name\":\"夜间\",\"mode\":\"cloud\","
					 "\"min_tier\":\"counsellor\"}"));

	create(f,
	       ROSTER_COLLECTION_DEMAND_RULES,
	       json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			   ",\"start\":\"20:00\",\"end\":\"23:00\",\"seats\":1}",
			   seat));
	publish(f);
	csv =
	    roster_engine_report_coverage_csv(f->engine, f->coordinator, f->roster, FALSE, &error);
	g_assert_no_error(error);
	row = g_strdup_printf("\r\n%" G_GINT64_FORMAT ",\"'-1\",0,", seat);
	if (strstr(csv, row) == NULL)
		g_test_message("%s", csv);
	g_assert_nonnull(strstr(csv, row));
}

/* two crisis seat-slots a day from 20:00 to 23:00, one filled of the 2 * 31 */
static void
test_coverage(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) coverage = NULL;
	g_autofree gchar *csv = NULL;
	JsonObject *crisis;
	JsonArray *classes;

	create(f,
	       ROSTER_COLLECTION_DEMAND_RULES,
	       json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			   ",\"start\":\"20:00\",\"end\":\"23:00\",\"seats\":2}",
			   f->seat));
	assign(f, f->a, "2026-03-05", "20:00");
	assign(f, f->b, "2026-03-05", "20:00");
	assign(f, f->a, "2026-03-06", "20:00");
	publish(f);
	/* a draft change does not count until published */
	assign(f, f->a, "2026-03-07", "20:00");
	coverage = roster_engine_report_coverage(f->engine, f->manager, f->roster, &error);
	g_assert_no_error(error);
	crisis = json_object_get_object_member(obj(coverage), ROSTER_KEY_CRISIS);
	g_assert_cmpint(json_object_get_int_member(crisis, ROSTER_KEY_REQUIRED), ==, 62);
	g_assert_cmpint(json_object_get_int_member(crisis, ROSTER_KEY_FILLED), ==, 3);
	classes = json_object_get_array_member(obj(coverage), ROSTER_KEY_SEAT_CLASSES);
	g_assert_cmpuint(json_array_get_length(classes), ==, 1);
	csv = roster_engine_report_coverage_csv(f->engine, f->coordinator, f->roster, TRUE, &error);
	g_assert_no_error(error);
	g_assert_true(g_str_has_prefix(csv, "\xEF\xBB\xBF席位类别编号,"));
	g_assert_nonnull(strstr(csv, ",危机专席合计,1,62,3,0.0484"));
	g_clear_pointer(&coverage, json_node_unref);
	coverage = roster_engine_report_coverage(f->engine, f->vol_a, f->roster, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

/* a schema version 3 file opens through the migration and keeps its published roster,
 * which the calendar then shows */
static void
test_migrate_v3(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *tmpdir = g_dir_make_tmp("roster-records-XXXXXX", &error);
	g_autofree gchar *source = g_test_build_filename(G_TEST_DIST, "data", "roster-v3.db", NULL);
	g_autofree gchar *path = NULL;
	g_autofree gchar *contents = NULL;
	g_autofree gchar *wal = NULL;
	g_autofree gchar *shm = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) admin = NULL;
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) attendance = NULL;
	gsize length = 0;

	g_assert_no_error(error);
	path = g_build_filename(tmpdir, "roster.db", NULL);
	g_assert_true(g_file_get_contents(source, &contents, &length, &error));
	g_assert_true(g_file_set_contents(path, contents, (gssize)length, &error));
	engine = roster_engine_new(path);
	g_assert_true(roster_engine_open(engine, &error));
	g_assert_no_error(error);
	admin = roster_engine_dup_local_principal(engine);
	feed = roster_engine_export_calendar(engine, admin, 1, 0, 0, 1, FALSE, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 1);
	g_assert_nonnull(strstr(feed->text, "UID:1-1@1.hotline-roster"));
	body = json_printf("{\"roster_id\":1,\"assignment_id\":1,\"status\":\"attended\"}");
	attendance = roster_engine_record_attendance(engine, admin, body, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(attendance), ROSTER_KEY_MINUTES), ==, 180);
	g_clear_object(&engine);
	wal = g_strconcat(path, "-wal", NULL);
	shm = g_strconcat(path, "-shm", NULL);
	g_unlink(wal);
	g_unlink(shm);
	g_unlink(path);
	g_rmdir(tmpdir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/records/calendar-history",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_calendar_history,
		   fixture_teardown);
	g_test_add("/roster/records/calendar-reassigned",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_calendar_reassigned,
		   fixture_teardown);
	g_test_add("/roster/records/calendar-token",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_calendar_token,
		   fixture_teardown);
	g_test_add("/roster/records/attendance-hours",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_attendance_hours,
		   fixture_teardown);
	g_test_add("/roster/records/bad-inputs",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_bad_inputs,
		   fixture_teardown);
	g_test_add("/roster/records/stars-honour-roll",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_stars_honour_roll,
		   fixture_teardown);
	g_test_add("/roster/records/training-promotion",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_training_promotion,
		   fixture_teardown);
	g_test_add("/roster/records/report-csv",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_report_csv,
		   fixture_teardown);
	g_test_add("/roster/records/report-csv-formula",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_report_csv_formula,
		   fixture_teardown);
	g_test_add("/roster/records/coverage-csv-formula",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_coverage_csv_formula,
		   fixture_teardown);
	g_test_add("/roster/records/coverage",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_coverage,
		   fixture_teardown);
	g_test_add_func("/roster/records/migrate-v3", test_migrate_v3);
	return g_test_run();
}
