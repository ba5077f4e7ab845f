/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* calendar history through the engine: UIDs and SEQUENCE across published versions,
 * reassigned and cancelled shifts, and the feed token */

#include "config.h"

#include "roster-records-fixture.h"

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
	body = roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT
				       ",\"slot\":\"23:00\",\"override\":true}",
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
	body = roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT
				       ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":true}",
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
	return g_test_run();
}
