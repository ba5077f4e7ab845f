/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the typed readers and builders of the records the pages show and send: what each
 * reads from a list item, the defaults of an empty form, the body each writes, the
 * paths of the lists the pages filter, and a version's time as the publish view shows
 * it; no display and no daemon needed */

#include "config.h"

#include <locale.h>

#include "roster-calendar-fields.h"
#include "roster-client-records.h"
#include "roster-date.h"
#include "roster-record-fields.h"
#include "roster-record-rows.h"

static RosterItem *
item_new(const gchar *json)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = json_from_string(json, &error);

	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(node));
	return roster_item_new(json_node_get_object(node));
}

/* the members of a body, whatever their order */
static void
assert_body(JsonNode *body, const gchar *expected)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) expected_node = json_from_string(expected, &error);
	g_autofree gchar *text = json_to_string(body, FALSE);

	g_assert_no_error(error);
	if (!json_node_equal(body, expected_node))
		g_error("body %s, expected %s", text, expected);
}

static void
test_volunteer(void)
{
	g_autoptr(RosterItem) item = item_new(
	    "{\"id\":7,\"revision\":3,\"name\":\"Lin\",\"counsellor_no\":\"C-7\",\"tier\":"
	    "\"senior\",\"modes\":[\"cloud\"],\"phone\":\"138\",\"max_shifts_month\":8,"
	    "\"active\":false,\"team_id\":2,\"max_hours_week\":null,\"max_nights_month\":0,"
	    "\"min_shifts_month\":4,\"note\":\"周末\",\"honour_roll_consent\":true,"
	    "\"skills\":[\"crisis\",\"法律援助\"]}");
	RosterVolunteerFields fields;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) new_body = NULL;

	roster_volunteer_fields_read(&fields, item);
	g_assert_cmpstr(fields.name, ==, "Lin");
	g_assert_cmpstr(fields.tier, ==, "senior");
	g_assert_false(fields.on_site);
	g_assert_true(fields.cloud);
	g_assert_cmpstr(fields.email, ==, "");
	g_assert_cmpint(fields.max_shifts_month, ==, 8);
	g_assert_false(fields.active);
	/* a null or missing limit is none (-1); zero nights is a limit */
	g_assert_cmpint(fields.team_id, ==, 2);
	g_assert_cmpint(fields.max_hours_week, ==, -1);
	g_assert_cmpint(fields.max_hours_month, ==, -1);
	g_assert_cmpint(fields.max_nights_month, ==, 0);
	g_assert_cmpint(fields.min_shifts_month, ==, 4);
	g_assert_cmpstr(fields.note, ==, "周末");
	g_assert_true(fields.honour_roll_consent);
	g_assert_cmpuint(json_array_get_length(fields.skills), ==, 2);
	/* a change carries the revision read; an empty e-mail is left out, every limit is
	 * sent, none as null */
	body = roster_volunteer_fields_to_json(&fields, 3);
	assert_body(
	    body,
	    "{\"revision\":3,\"name\":\"Lin\",\"counsellor_no\":\"C-7\",\"tier\":\"senior\","
	    "\"modes\":[\"cloud\"],\"phone\":\"138\",\"max_shifts_month\":8,"
	    "\"active\":false,\"team_id\":2,\"max_hours_week\":null,\"max_hours_month\":null,"
	    "\"max_consecutive_days\":null,\"max_nights_month\":0,\"min_shifts_month\":4,"
	    "\"note\":\"周末\",\"honour_roll_consent\":true,"
	    "\"skills\":[\"crisis\",\"法律援助\"]}");

	/* a new volunteer: a counsellor on site, twelve shifts a month, active */
	roster_volunteer_fields_read(&fields, NULL);
	new_body = roster_volunteer_fields_to_json(&fields, 0);
	assert_body(new_body,
		    "{\"name\":\"\",\"counsellor_no\":\"\",\"tier\":\"counsellor\","
		    "\"modes\":[\"on-site\"],\"max_shifts_month\":12,\"active\":true,"
		    "\"team_id\":null,\"max_hours_week\":null,\"max_hours_month\":null,"
		    "\"max_consecutive_days\":null,\"max_nights_month\":null,"
		    "\"min_shifts_month\":null,\"note\":null,\"honour_roll_consent\":false}");
}

static void
test_seat_class(void)
{
	g_autoptr(RosterItem) item =
	    item_new("{\"id\":2,\"code\":\"crisis\",\"name\":\"Crisis\",\"mode\":\"cloud\","
		     "\"min_tier\":\"senior\",\"crisis\":true,\"trainee_places\":1}");
	RosterSeatClassFields fields;
	g_autoptr(JsonNode) body = NULL;

	roster_seat_class_fields_read(&fields, item);
	g_assert_true(fields.crisis);
	/* no minimum stored is the line's default of one seat */
	g_assert_cmpint(fields.min_seats, ==, 1);
	body = roster_seat_class_fields_to_json(&fields, 5);
	assert_body(body,
		    "{\"revision\":5,\"code\":\"crisis\",\"name\":\"Crisis\",\"mode\":\"cloud\","
		    "\"min_tier\":\"senior\",\"crisis\":true,\"trainee_places\":1,"
		    "\"min_seats\":1}");

	roster_seat_class_fields_read(&fields, NULL);
	g_assert_cmpstr(fields.mode, ==, "on-site");
	g_assert_cmpstr(fields.min_tier, ==, "counsellor");
	g_assert_false(fields.crisis);
}

static void
test_demand_rule(void)
{
	g_autoptr(RosterItem) item = item_new(
	    "{\"id\":4,\"seat_class_id\":2,\"weekdays\":[1,3,7],\"date_from\":\"2026-12-01\","
	    "\"date_to\":null,\"start\":\"08:00\",\"end\":\"12:00\",\"seats\":3}");
	RosterDemandRuleFields fields;
	g_autoptr(JsonNode) body = NULL;

	roster_demand_rule_fields_read(&fields, item);
	g_assert_cmpuint(fields.weekdays, ==, (1u << 0) | (1u << 2) | (1u << 6));
	g_assert_cmpstr(fields.date_from, ==, "2026-12-01");
	g_assert_null(fields.date_to);
	g_assert_null(fields.note);
	/* the weekdays go back as numbers; dates and note left empty are sent as null */
	body = roster_demand_rule_fields_to_json(&fields, 0);
	assert_body(body,
		    "{\"seat_class_id\":2,\"weekdays\":[1,3,7],\"date_from\":\"2026-12-01\","
		    "\"date_to\":null,\"start\":\"08:00\",\"end\":\"12:00\",\"seats\":3,"
		    "\"note\":null}");

	roster_demand_rule_fields_read(&fields, NULL);
	g_assert_cmpuint(fields.weekdays, ==, 0);
	g_assert_cmpstr(fields.start, ==, "19:00");
	g_assert_cmpstr(fields.end, ==, "02:00");
	g_assert_cmpint(fields.seats, ==, 1);
}

static void
test_availability(void)
{
	g_autoptr(RosterItem) dated =
	    item_new("{\"id\":9,\"kind\":\"preferred\",\"weekday\":null,\"date\":\"2026-12-24\"}");
	g_autoptr(RosterItem) weekly =
	    item_new("{\"id\":10,\"kind\":\"avoid\",\"weekday\":5,\"start\":\"19:00\","
		     "\"end\":\"23:00\",\"note\":\"choir\"}");
	RosterAvailabilityFields fields;
	g_autoptr(JsonNode) dated_body = NULL;
	g_autoptr(JsonNode) weekly_body = NULL;

	roster_availability_fields_read(&fields, dated);
	g_assert_cmpint(fields.weekday, ==, 0);
	g_assert_cmpstr(fields.date, ==, "2026-12-24");
	/* the body clears the weekday, so an edit may switch from weekday to date */
	dated_body = roster_availability_fields_to_json(&fields, 2);
	assert_body(dated_body,
		    "{\"revision\":2,\"kind\":\"preferred\",\"weekday\":null,"
		    "\"date\":\"2026-12-24\",\"start\":null,\"end\":null,\"note\":null}");

	roster_availability_fields_read(&fields, weekly);
	g_assert_cmpint(fields.weekday, ==, 5);
	/* a date left in the form is not sent with a weekday */
	fields.date = "2026-12-25";
	weekly_body = roster_availability_fields_to_json(&fields, 0);
	assert_body(weekly_body,
		    "{\"kind\":\"avoid\",\"weekday\":5,\"date\":null,\"start\":\"19:00\","
		    "\"end\":\"23:00\",\"note\":\"choir\"}");

	roster_availability_fields_read(&fields, NULL);
	g_assert_cmpstr(fields.kind, ==, "unavailable");
	g_assert_cmpint(fields.weekday, ==, 1);
}

static void
test_training_and_rating(void)
{
	g_autoptr(RosterItem) training =
	    item_new("{\"id\":1,\"volunteer_id\":7,\"date\":\"2026-11-30\","
		     "\"kind\":\"supervision\",\"hours\":2}");
	g_autoptr(RosterItem) rating =
	    item_new("{\"id\":2,\"volunteer_id\":8,\"date\":\"2026-11-29\","
		     "\"dimension\":\"quality-review\",\"score\":4}");
	RosterTrainingFields record;
	RosterRatingFields score;
	g_autoptr(JsonNode) training_body = NULL;
	g_autoptr(JsonNode) rating_body = NULL;

	/* hours sent as a whole number read as hours all the same */
	roster_training_fields_read(&record, training);
	g_assert_cmpint(record.volunteer_id, ==, 7);
	g_assert_cmpfloat(record.hours, ==, 2.0);
	g_assert_cmpstr(roster_training_kind_to_label(record.kind), ==, "case supervision");
	record.verified_by = "";
	training_body = roster_training_fields_to_json(&record);
	assert_body(training_body,
		    "{\"volunteer_id\":7,\"date\":\"2026-11-30\",\"kind\":\"supervision\","
		    "\"hours\":2.0,\"verified_by\":null}");

	roster_rating_fields_read(&score, rating);
	g_assert_cmpint(score.score, ==, 4);
	rating_body = roster_rating_fields_to_json(&score);
	assert_body(rating_body,
		    "{\"volunteer_id\":8,\"date\":\"2026-11-29\",\"dimension\":\"quality-review\","
		    "\"score\":4,\"note\":null}");
}

static void
test_bodies(void)
{
	g_autoptr(JsonNode) late = roster_attendance_body_new(3, 91, "late", 15);
	g_autoptr(JsonNode) attended = roster_attendance_body_new(3, 92, "attended", 15);
	g_autoptr(JsonNode) day = roster_attendance_day_body_new(3, "2026-12-01");
	g_autoptr(JsonNode) promotion = roster_promotion_body_new(7, "senior");

	/* the minutes go only with a late arrival */
	assert_body(late,
		    "{\"roster_id\":3,\"assignment_id\":91,\"status\":\"late\","
		    "\"late_minutes\":15}");
	assert_body(attended, "{\"roster_id\":3,\"assignment_id\":92,\"status\":\"attended\"}");
	assert_body(day, "{\"roster_id\":3,\"date\":\"2026-12-01\"}");
	assert_body(promotion, "{\"volunteer_id\":7,\"to_tier\":\"senior\"}");
}

static void
test_fields_and_choices(void)
{
	g_assert_cmpint(roster_field_from_key("counsellor_no"), ==, ROSTER_FIELD_COUNSELLOR_NO);
	g_assert_cmpint(roster_field_from_key("min_seats"), ==, ROSTER_FIELD_MIN_SEATS);
	g_assert_cmpint(roster_field_from_key("score"), ==, ROSTER_FIELD_SCORE);
	g_assert_cmpint(roster_field_from_key("night_end"), ==, ROSTER_FIELD_NIGHT_END);
	g_assert_cmpint(roster_field_from_key("overrides"), ==, ROSTER_FIELD_OVERRIDES);
	g_assert_cmpint(roster_field_from_key("skills"), ==, ROSTER_FIELD_UNKNOWN);
	g_assert_cmpint(roster_field_from_key(NULL), ==, ROSTER_FIELD_UNKNOWN);

	g_assert_cmpuint(roster_choice_get_n_values(ROSTER_CHOICE_TIER), ==, 4);
	g_assert_cmpstr(roster_choice_get_value(ROSTER_CHOICE_TIER, 2), ==, "senior");
	g_assert_cmpuint(roster_choice_get_index(ROSTER_CHOICE_TIER, "expert"), ==, 3);
	/* a combo row with nothing chosen, or a value no row offers, falls to the default */
	g_assert_cmpstr(roster_choice_get_value(ROSTER_CHOICE_TIER, G_MAXUINT), ==, "counsellor");
	g_assert_cmpuint(roster_choice_get_index(ROSTER_CHOICE_MODE, "moon"), ==, 0);
	g_assert_cmpstr(roster_choice_get_value(ROSTER_CHOICE_DIMENSION, 1),
			==,
			"caller-satisfaction");
	g_assert_cmpstr(roster_choice_get_value(ROSTER_CHOICE_AVAILABILITY_KIND, 2), ==, "avoid");
}

static void
test_report_rows(void)
{
	g_autoptr(RosterItem) row =
	    item_new("{\"period\":\"2026-12\",\"volunteer_id\":7,\"name\":\"Lin\","
		     "\"service_hours\":12,\"training_hours\":3.5,\"average_rating\":null}");
	g_autoptr(RosterItem) honour = item_new("{\"rank\":2,\"hours\":40.5,\"stars\":1}");
	g_autoptr(RosterItem) candidate = item_new(
	    "{\"volunteer_id\":7,\"from_tier\":\"counsellor\",\"to_tier\":\"senior\","
	    "\"evidence\":{\"service_hours\":120.5,\"ratings_count\":4,\"eligible\":true}}");
	g_autofree gchar *hours = roster_hours_row_dup_text(row, ROSTER_HOURS_COLUMN_SERVICE_HOURS);
	g_autofree gchar *training =
	    roster_hours_row_dup_text(row, ROSTER_HOURS_COLUMN_TRAINING_HOURS);
	g_autofree gchar *rating =
	    roster_hours_row_dup_text(row, ROSTER_HOURS_COLUMN_AVERAGE_RATING);
	g_autofree gchar *no_shows = roster_hours_row_dup_text(row, ROSTER_HOURS_COLUMN_NO_SHOWS);
	g_autofree gchar *honour_hours = roster_honour_row_dup_hours_text(honour);
	g_autofree gchar *evidence = roster_candidate_dup_evidence_text(candidate);

	/* whole numbers as they are, others with one decimal, null or missing a dash */
	g_assert_cmpstr(hours, ==, "12");
	g_assert_cmpstr(training, ==, "3.5");
	g_assert_cmpstr(rating, ==, "–");
	g_assert_cmpstr(no_shows, ==, "–");
	g_assert_cmpfloat(roster_hours_row_get_service_hours(row), ==, 12.0);
	g_assert_cmpstr(roster_hours_row_get_period(row), ==, "2026-12");
	g_assert_cmpint(roster_hours_row_get_volunteer_id(row), ==, 7);
	/* the honour roll's hours may come as "hours"; a hidden name reads as NULL */
	g_assert_cmpstr(honour_hours, ==, "40.5");
	g_assert_null(roster_hours_row_get_name(honour));
	g_assert_cmpint(roster_honour_row_get_rank(honour), ==, 2);
	/* the evidence in the user's language, the yes/no members left out */
	g_assert_cmpstr(evidence, ==, "service hours 120.5, ratings 4");
	g_assert_cmpstr(roster_candidate_get_to_tier(candidate), ==, "senior");
}

static void
test_shifts(void)
{
	g_autoptr(GListStore) attendance = g_list_store_new(ROSTER_TYPE_ITEM);
	g_autoptr(RosterItem) record =
	    item_new("{\"id\":5,\"assignment_id\":91,\"status\":\"no-show\"}");
	RosterAssignment assignment = {.id = 91, .volunteer_id = 7, .pinned = FALSE};
	g_autoptr(RosterItem) shift = NULL;
	g_autoptr(RosterItem) unrecorded = NULL;

	g_list_store_append(attendance, record);
	roster_cell_init(&assignment.cell, "2026-12-01", "19:00", 2);
	shift = roster_shift_new(
	    &assignment,
	    roster_attendance_find_status(G_LIST_MODEL(attendance), assignment.id));
	g_assert_cmpint(roster_item_get_id(shift), ==, 91);
	g_assert_cmpstr(roster_shift_get_slot(shift), ==, "19:00");
	g_assert_cmpint(roster_shift_get_seat_class_id(shift), ==, 2);
	g_assert_cmpint(roster_shift_get_volunteer_id(shift), ==, 7);
	g_assert_cmpstr(roster_shift_get_status(shift), ==, "no-show");

	assignment.id = 92;
	unrecorded = roster_shift_new(
	    &assignment,
	    roster_attendance_find_status(G_LIST_MODEL(attendance), assignment.id));
	g_assert_null(roster_shift_get_status(unrecorded));
}

static void
test_demand_week(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node =
	    json_from_string("{\"from\":\"2026-11-30\",\"days\":2,\"slots\":[\"08:00\",\"19:00\"],"
			     "\"seats\":[[[1,2],[0,0]],[[0,1],[3,0]]]}",
			     &error);
	g_autoptr(JsonNode) broken = json_from_string("{\"from\":\"2026-11-30\"}", NULL);
	g_autoptr(RosterDemandWeek) week = NULL;

	g_assert_no_error(error);
	week = roster_demand_week_new(node);
	g_assert_nonnull(week);
	g_assert_cmpuint(g_date_get_day(roster_demand_week_get_first_day(week)), ==, 30);
	g_assert_cmpuint(roster_demand_week_get_n_days(week), ==, 2);
	g_assert_cmpuint(roster_demand_week_get_n_slots(week), ==, 2);
	g_assert_cmpstr(roster_demand_week_get_slot(week, 1), ==, "19:00");
	/* the seats of a day and slot are summed over the seat classes */
	g_assert_cmpint(roster_demand_week_get_seats(week, 0, 0), ==, 3);
	g_assert_cmpint(roster_demand_week_get_seats(week, 0, 1), ==, 0);
	g_assert_cmpint(roster_demand_week_get_seats(week, 1, 1), ==, 3);
	g_assert_null(roster_demand_week_new(broken));
}

static void
test_paths(void)
{
	GDate day;
	g_autofree gchar *attendance = NULL;
	g_autofree gchar *demand = NULL;
	g_autofree gchar *search = roster_client_dup_volunteers_path("Lin Li", "senior", TRUE, 500);
	g_autofree gchar *all = roster_client_dup_volunteers_path("", NULL, FALSE, 0);

	g_date_clear(&day, 1);
	g_date_set_dmy(&day, 1, G_DATE_DECEMBER, 2026);
	attendance = roster_client_dup_attendance_path(&day);
	demand = roster_client_dup_demand_path(&day, 7);
	/* one day is a range from it to itself */
	g_assert_cmpstr(attendance, ==, "/attendance?from=2026-12-01&to=2026-12-01");
	g_assert_cmpstr(demand, ==, "/reports/demand?from=2026-12-01&days=7");
	/* the search is escaped; an empty search, no tier and all volunteers ask nothing */
	g_assert_cmpstr(search, ==, "/volunteers?q=Lin%20Li&tier=senior&active=true&limit=500");
	g_assert_cmpstr(all, ==, "/volunteers");
}

static void
test_timestamp(void)
{
	g_autofree gchar *shanghai = roster_date_format_timestamp("2026-12-04T16:06:07Z");
	g_autofree gchar *raw = roster_date_format_timestamp("yesterday");

	/* the tests run with TZ at UTC+8: a late UTC afternoon is past midnight there */
	g_assert_cmpstr(shanghai, ==, "2026-12-05 Sat 00:06");
	g_assert_cmpstr(raw, ==, "yesterday");
}

/* a calendar's night window, weekly hours (by weekday, in the order read) and dated
 * overrides, as the calendar form shows them */
static void
test_calendar_read(void)
{
	g_autoptr(RosterItem) item = item_new(
	    "{\"id\":1,\"revision\":4,\"night_start\":\"22:00\",\"night_end\":\"06:00\","
	    "\"manned_windows\":[{\"weekday\":1,\"start\":\"08:00\",\"end\":\"12:00\"},"
	    "{\"weekday\":3,\"start\":\"20:00\",\"end\":\"02:00\"},"
	    "{\"weekday\":1,\"start\":\"14:00\",\"end\":\"24:00\"}],"
	    "\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":\"2027-06-10\","
	    "\"note\":\"exam season\",\"windows\":[{\"start\":\"00:00\",\"end\":\"24:00\"}]},"
	    "{\"date_from\":\"2027-10-01\",\"date_to\":\"2027-10-03\",\"windows\":[]}]}");
	RosterCalendarFields fields = {NULL};
	RosterCalendarOverride *o;

	roster_calendar_fields_read(&fields, item);
	g_assert_cmpstr(fields.night_start, ==, "22:00");
	g_assert_cmpstr(fields.night_end, ==, "06:00");
	g_assert_cmpstr(fields.weekly[0], ==, "08:00-12:00, 14:00-24:00");
	g_assert_cmpstr(fields.weekly[1], ==, "");
	g_assert_cmpstr(fields.weekly[2], ==, "20:00-02:00");
	g_assert_cmpuint(fields.overrides->len, ==, 2);
	o = g_ptr_array_index(fields.overrides, 0);
	g_assert_cmpstr(o->date_from, ==, "2027-06-07");
	g_assert_cmpstr(o->date_to, ==, "2027-06-10");
	g_assert_cmpstr(o->windows, ==, "00:00-24:00");
	g_assert_cmpstr(o->note, ==, "exam season");
	/* a closure: no windows, no note */
	o = g_ptr_array_index(fields.overrides, 1);
	g_assert_cmpstr(o->windows, ==, "");
	g_assert_null(o->note);
	roster_calendar_fields_clear(&fields);

	/* no calendar: the daemon's defaults, open around the clock */
	roster_calendar_fields_read(&fields, NULL);
	g_assert_cmpstr(fields.night_start, ==, "23:00");
	g_assert_cmpstr(fields.night_end, ==, "08:00");
	for (guint d = 0; d < 7; d++)
		g_assert_cmpstr(fields.weekly[d], ==, "");
	g_assert_cmpuint(fields.overrides->len, ==, 0);
	roster_calendar_fields_clear(&fields);
}

/* the hours' body carries the night and the weekly windows only, the overrides' body
 * the overrides only; windows text is split at commas and dashes, spaces dropped, and
 * a window without a dash goes as written for the daemon to refuse */
static void
test_calendar_bodies(void)
{
	RosterCalendarFields fields = {NULL};
	g_autoptr(GPtrArray) overrides =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_override_free);
	g_autoptr(JsonNode) hours = NULL;
	g_autoptr(JsonNode) dated = NULL;
	g_autoptr(JsonNode) bad = NULL;

	fields.night_start = (gchar *)"22:00";
	fields.night_end = (gchar *)"07:00";
	for (guint d = 0; d < 7; d++)
		fields.weekly[d] = (gchar *)"";
	fields.weekly[0] = (gchar *)" 08:00 - 12:00 ,14:00-24:00, ";
	fields.weekly[6] = (gchar *)"20:00-20:00";
	hours = roster_calendar_fields_to_json(&fields, 4);
	assert_body(hours,
		    "{\"revision\":4,\"night_start\":\"22:00\",\"night_end\":\"07:00\","
		    "\"manned_windows\":[{\"weekday\":1,\"start\":\"08:00\",\"end\":\"12:00\"},"
		    "{\"weekday\":1,\"start\":\"14:00\",\"end\":\"24:00\"},"
		    "{\"weekday\":7,\"start\":\"20:00\",\"end\":\"20:00\"}]}");

	g_ptr_array_add(
	    overrides,
	    roster_calendar_override_new("2027-06-07", "2027-06-10", "00:00-24:00", "高考"));
	g_ptr_array_add(overrides,
			roster_calendar_override_new("2027-10-01", "2027-10-03", "", ""));
	dated = roster_calendar_overrides_to_json(overrides, 5);
	assert_body(dated,
		    "{\"revision\":5,\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":"
		    "\"2027-06-10\",\"windows\":[{\"start\":\"00:00\",\"end\":\"24:00\"}],"
		    "\"note\":\"高考\"},{\"date_from\":\"2027-10-01\",\"date_to\":\"2027-10-03\","
		    "\"windows\":[],\"note\":null}]}");

	g_ptr_array_set_size(overrides, 0);
	g_ptr_array_add(overrides,
			roster_calendar_override_new("2027-06-07", "2027-06-07", "9am", NULL));
	bad = roster_calendar_overrides_to_json(overrides, 0);
	assert_body(bad,
		    "{\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":\"2027-06-07\","
		    "\"windows\":[{\"start\":\"9am\",\"end\":\"\"}],\"note\":null}]}");
}

/* a named override carries its name, the hours' body what holidays take; a refused
 * override is said with its number and reason, an unknown reason not at all */
static void
test_calendar_holidays(void)
{
	RosterCalendarFields fields = {NULL};
	g_autoptr(GPtrArray) overrides =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_override_free);
	RosterCalendarOverride *exams =
	    roster_calendar_override_new("2027-06-07", "2027-06-09", "", NULL);
	g_autoptr(JsonNode) hours = NULL;
	g_autoptr(JsonNode) dated = NULL;
	g_autofree gchar *refusal = NULL;
	g_autofree gchar *unknown = NULL;

	fields.night_start = (gchar *)"23:00";
	fields.night_end = (gchar *)"08:00";
	for (guint d = 0; d < 7; d++)
		fields.weekly[d] = (gchar *)"";
	fields.holiday_hours = (gchar *)"own";
	fields.holiday_windows = (gchar *)"09:00-17:00";
	hours = roster_calendar_fields_to_json(&fields, 2);
	assert_body(hours,
		    "{\"revision\":2,\"night_start\":\"23:00\",\"night_end\":\"08:00\","
		    "\"manned_windows\":[],\"holiday_hours\":\"own\","
		    "\"holiday_windows\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}");
	exams->name = g_strdup("高考");
	g_ptr_array_add(overrides, exams);
	dated = roster_calendar_overrides_to_json(overrides, 3);
	assert_body(dated,
		    "{\"revision\":3,\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":"
		    "\"2027-06-09\",\"windows\":[],\"note\":null,\"name\":\"高考\"}]}");
	refusal = roster_calendar_dup_override_refusal(
	    "overrides: item 2 shares dates with item 1 (2027-06-07 to 2027-06-09); a date may "
	    "have one override only");
	g_assert_cmpstr(refusal,
			==,
			"Override 2 shares dates with override 1 (2027-06-07 to 2027-06-09); a "
			"date may have one override only");
	unknown = roster_calendar_dup_override_refusal("overrides: something new");
	g_assert_null(unknown);
}

/* a time typed with a Chinese input method (full-width colon, digits, dash, comma)
 * is sent as the API spells it, in each body that carries a time */
static void
test_full_width_times(void)
{
	RosterDemandRuleFields rule;
	RosterAvailabilityFields availability;
	RosterCalendarFields calendar = {NULL};
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) windows = NULL;
	g_autofree gchar *windows_text = NULL;
	g_autofree gchar *plain = roster_time_normalize("１９：00");

	g_assert_cmpstr(plain, ==, "19:00");
	g_assert_null(roster_time_normalize(NULL));

	roster_demand_rule_fields_read(&rule, NULL);
	rule.start = "19：00";
	rule.end = " 02：00 ";
	body = roster_demand_rule_fields_to_json(&rule, 0);
	assert_body(body,
		    "{\"seat_class_id\":0,\"date_from\":null,\"date_to\":null,\"start\":\"19:00\","
		    "\"end\":\"02:00\",\"seats\":1,\"note\":null,\"weekdays\":[]}");
	g_clear_pointer(&body, json_node_unref);

	roster_availability_fields_read(&availability, NULL);
	availability.start = "08：30";
	availability.end = "";
	body = roster_availability_fields_to_json(&availability, 0);
	assert_body(body,
		    "{\"kind\":\"unavailable\",\"start\":\"08:30\",\"end\":null,\"note\":null,"
		    "\"weekday\":1,\"date\":null}");
	g_clear_pointer(&body, json_node_unref);

	/* a list of hours with a full-width dash and a full-width comma between windows */
	json_builder_begin_array(builder);
	roster_calendar_windows_add(builder, "09：00－12:00，14:00-18：00", 0);
	json_builder_end_array(builder);
	windows = json_builder_get_root(builder);
	windows_text = json_to_string(windows, FALSE);
	g_assert_cmpstr(windows_text,
			==,
			"[{\"start\":\"09:00\",\"end\":\"12:00\"},{\"start\":\"14:00\",\"end\":"
			"\"18:00\"}]");

	calendar.night_start = (gchar *)"23：00";
	calendar.night_end = (gchar *)"０８:00";
	body = roster_calendar_fields_to_json(&calendar, 3);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(body), "night_start"),
			==,
			"23:00");
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(body), "night_end"),
			==,
			"08:00");
}

/* a monthly shift limit above what a month holds is refused, not clamped */
static void
test_max_shifts(void)
{
	gint64 value = -1;

	g_assert_true(roster_volunteer_fields_parse_max_shifts("12", &value));
	g_assert_cmpint(value, ==, 12);
	/* full-width digits, as a Chinese input method may type them */
	g_assert_true(roster_volunteer_fields_parse_max_shifts("２４", &value));
	g_assert_cmpint(value, ==, 24);
	g_assert_true(roster_volunteer_fields_parse_max_shifts("248", &value));
	g_assert_cmpint(value, ==, 248);
	value = -1;
	g_assert_false(roster_volunteer_fields_parse_max_shifts("999", &value));
	g_assert_false(roster_volunteer_fields_parse_max_shifts("249", &value));
	g_assert_false(roster_volunteer_fields_parse_max_shifts("-1", &value));
	g_assert_false(roster_volunteer_fields_parse_max_shifts("12 shifts", &value));
	g_assert_false(roster_volunteer_fields_parse_max_shifts("", &value));
	g_assert_cmpint(value, ==, -1);
}

/* a limit left empty is none; above the daemon's bound it is refused, not clamped */
static void
test_limits(void)
{
	gint64 value = 0;

	g_assert_true(roster_volunteer_fields_parse_limit("", 168, &value));
	g_assert_cmpint(value, ==, -1);
	g_assert_true(roster_volunteer_fields_parse_limit(" ４0 ", 168, &value));
	g_assert_cmpint(value, ==, 40);
	g_assert_true(roster_volunteer_fields_parse_limit("0", 31, &value));
	g_assert_cmpint(value, ==, 0);
	g_assert_false(roster_volunteer_fields_parse_limit("169", 168, &value));
	g_assert_false(roster_volunteer_fields_parse_limit("ten", 168, &value));
	g_assert_cmpint(value, ==, 0);
}

int
main(int argc, char **argv)
{
	/* a fixed zone, so that the local time of a timestamp is known */
	g_setenv("TZ", "Asia/Shanghai", TRUE);
	setlocale(LC_ALL, "C.UTF-8");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/record-fields/volunteer", test_volunteer);
	g_test_add_func("/roster/record-fields/calendar-holidays", test_calendar_holidays);
	g_test_add_func("/roster/record-fields/seat-class", test_seat_class);
	g_test_add_func("/roster/record-fields/demand-rule", test_demand_rule);
	g_test_add_func("/roster/record-fields/availability", test_availability);
	g_test_add_func("/roster/record-fields/training-and-rating", test_training_and_rating);
	g_test_add_func("/roster/record-fields/bodies", test_bodies);
	g_test_add_func("/roster/record-fields/fields-and-choices", test_fields_and_choices);
	g_test_add_func("/roster/record-fields/calendar-read", test_calendar_read);
	g_test_add_func("/roster/record-fields/calendar-bodies", test_calendar_bodies);
	g_test_add_func("/roster/record-fields/full-width-times", test_full_width_times);
	g_test_add_func("/roster/record-fields/max-shifts", test_max_shifts);
	g_test_add_func("/roster/record-fields/limits", test_limits);
	g_test_add_func("/roster/record-rows/report-rows", test_report_rows);
	g_test_add_func("/roster/record-rows/shifts", test_shifts);
	g_test_add_func("/roster/record-rows/demand-week", test_demand_week);
	g_test_add_func("/roster/client/paths", test_paths);
	g_test_add_func("/roster/date/timestamp", test_timestamp);
	return g_test_run();
}
