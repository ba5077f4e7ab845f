/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the imported holiday calendar: the 2026 notice of tests/data turns a Sunday into a
 * working day and the National Day week into holidays, holidays count as weekends, a
 * year without a calendar warns, a re-import lists the published days it changes and
 * a bad file changes nothing */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-holidays.h"
#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-hotline-model.h"
#include "roster-service-calendar.h"
#include "roster-solver-evaluate.h"
#include "roster-test-common.h"

static gchar *
dup_notice(gsize *length)
{
	g_autoptr(GError) error = NULL;
	gchar *contents = NULL;

	g_file_get_contents(g_test_get_filename(G_TEST_DIST, "data", "holidays-2026.json", NULL),
			    &contents,
			    length,
			    &error);
	g_assert_no_error(error);
	return contents;
}

static JsonNode *
import_text(RosterTestFixture *fixture, const gchar *text, GError **error)
{
	return roster_engine_import_holidays(fixture->engine,
					     fixture->admin,
					     2026,
					     text,
					     strlen(text),
					     error);
}

static void
import_notice(RosterTestFixture *fixture)
{
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	g_autofree gchar *text = dup_notice(&length);
	g_autoptr(JsonNode) reply = import_text(fixture, text, &error);

	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(reply), "days"), ==, 16);
}

static guint32
julian(const gchar *date)
{
	guint32 day = 0;
	g_assert_true(roster_datetime_parse_date(date, &day));
	return day;
}

/* the seats slot 0 (08:00) of @date needs in the first seat class */
static guint
seats_on(RosterTestFixture *fixture, const gchar *date)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterHotline) h =
	    roster_engine_new_hotline(fixture->engine, julian(date), 1, &error);
	g_autoptr(RosterHotlineModel) model = NULL;

	g_assert_no_error(error);
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	return roster_hotline_model_get_requirement(model, 0, 0, 0);
}

/* one seat class: 2 seats on weekdays, 1 on Sundays, 3 on the days naming holidays,
 * 08:00 to 14:00 */
static void
add_demand(RosterTestFixture *fixture)
{
	gint64 seat =
	    roster_test_create(fixture,
			       "seat-classes",
			       0,
			       "{\"code\":\"phone\",\"name\":\"Phone\",\"mode\":\"on-site\","
			       "\"min_tier\":\"counsellor\"}");
	const gchar *rules[] = {"[1,2,3,4,5]", "[7]", "[8]"};
	const guint seats[] = {2, 1, 3};

	for (guint i = 0; i < G_N_ELEMENTS(rules); i++) {
		g_autofree gchar *body =
		    g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT ",\"weekdays\":%s,"
				    "\"start\":\"08:00\",\"end\":\"14:00\",\"seats\":%u}",
				    seat,
				    rules[i],
				    seats[i]);
		roster_test_create(fixture, "demand-rules", 0, body);
	}
}

static void
set_holiday_hours(RosterTestFixture *fixture, const gchar *members)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterServiceCalendar) calendar =
	    roster_engine_load_service_calendar(fixture->engine, &error);
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(JsonNode) record = NULL;

	g_assert_no_error(error);
	record = roster_engine_get(fixture->engine,
				   fixture->admin,
				   "calendars",
				   0,
				   calendar->id,
				   &error);
	g_assert_no_error(error);
	text = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",%s}",
			       json_object_get_int_member(json_node_get_object(record), "revision"),
			       members);
	body = roster_test_json(text);
	updated = roster_engine_update(fixture->engine,
				       fixture->admin,
				       "calendars",
				       0,
				       calendar->id,
				       body,
				       &error);
	g_assert_no_error(error);
}

/* 2026-01-04 is a Sunday the notice works: the weekday demand, as a Monday */
static void
test_holidays_makeup_day(RosterTestFixture *fixture, gconstpointer user_data)
{
	add_demand(fixture);
	g_assert_cmpuint(seats_on(fixture, "2026-01-04"), ==, 1);
	import_notice(fixture);
	g_assert_cmpuint(seats_on(fixture, "2026-01-04"), ==, 2);
	/* the Sunday after is a Sunday again */
	g_assert_cmpuint(seats_on(fixture, "2026-01-11"), ==, 1);
}

/* whether a volunteer unavailable every weekday @weekday is unavailable at 08:00 on @date */
static gboolean
unavailable_on(RosterTestFixture *fixture, const gchar *date, guint weekday)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterHotline) h =
	    roster_engine_new_hotline(fixture->engine, julian(date), 1, &error);
	g_autoptr(RosterHotlineModel) model = NULL;
	RosterHotlineAvailability *a;

	g_assert_no_error(error);
	roster_engine_add_hotline_volunteer(
	    h,
	    1,
	    json_node_get_object(roster_test_json("{\"name\":\"A\",\"tier\":\"expert\"}")));
	a = roster_hotline_add_availability(h, 1, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	a->weekday = weekday;
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	return roster_hotline_model_is_unavailable(model, 0, 0, 0);
}

/* a make-up Sunday is a working day for everyone: a volunteer's weekly availability
 * follows the Monday it is worked as, not the Sunday */
static void
test_holidays_makeup_availability(RosterTestFixture *fixture, gconstpointer user_data)
{
	add_demand(fixture);
	g_assert_false(unavailable_on(fixture, "2026-01-04", 1));
	g_assert_true(unavailable_on(fixture, "2026-01-04", 7));
	import_notice(fixture);
	g_assert_true(unavailable_on(fixture, "2026-01-04", 1));
	g_assert_false(unavailable_on(fixture, "2026-01-04", 7));
	/* a holiday stays its own weekday: Thursday 2026-10-01 */
	g_assert_true(unavailable_on(fixture, "2026-10-01", 4));
}

/* 2026-10-01..07 are holidays: as a Sunday, closed, or with the line's own hours and
 * the rules naming holidays */
static void
test_holidays_national_day(RosterTestFixture *fixture, gconstpointer user_data)
{
	const gchar *week[] = {"2026-10-01",
			       "2026-10-02",
			       "2026-10-05",
			       "2026-10-06",
			       "2026-10-07"};

	add_demand(fixture);
	import_notice(fixture);
	for (guint i = 0; i < G_N_ELEMENTS(week); i++)
		g_assert_cmpuint(seats_on(fixture, week[i]), ==, 1);
	g_assert_cmpuint(seats_on(fixture, "2026-10-08"), ==, 2);
	set_holiday_hours(fixture, "\"holiday_hours\":\"closed\"");
	for (guint i = 0; i < G_N_ELEMENTS(week); i++)
		g_assert_cmpuint(seats_on(fixture, week[i]), ==, 0);
	g_assert_cmpuint(seats_on(fixture, "2026-10-08"), ==, 2);
	set_holiday_hours(fixture,
			  "\"holiday_hours\":\"own\","
			  "\"holiday_windows\":[{\"start\":\"08:00\",\"end\":\"12:00\"}]");
	for (guint i = 0; i < G_N_ELEMENTS(week); i++)
		g_assert_cmpuint(seats_on(fixture, week[i]), ==, 3);
	g_assert_cmpuint(seats_on(fixture, "2026-10-08"), ==, 2);
}

/* the hotline penalty of one person working day 1 of a three-day period from @first */
static gint64
fairness_of_day_one(RosterTestFixture *fixture, const gchar *first)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterHotline) h =
	    roster_engine_new_hotline(fixture->engine, julian(first), 3, &error);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(RosterSolverEvaluation) evaluation = NULL;

	g_assert_no_error(error);
	h->settings.w_night = 0;
	h->settings.w_weekend = 1000;
	h->settings.w_commitment = 0;
	roster_engine_add_hotline_volunteer(
	    h,
	    1,
	    json_node_get_object(roster_test_json("{\"name\":\"A\",\"tier\":\"expert\"}")));
	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	roster = roster_solver_roster_new(1, 3);
	roster_solver_roster_set(roster, 0, 1, 0);
	evaluation = roster_solver_evaluate(model->solver, roster);
	return evaluation->hotline_penalty;
}

/* a shift on a holiday counts for the weekend fairness, one on a make-up day does not */
static void
test_holidays_weekend_fairness(RosterTestFixture *fixture, gconstpointer user_data)
{
	gint64 thursday_before;
	gint64 sunday_before;

	add_demand(fixture);
	thursday_before = fairness_of_day_one(fixture, "2026-09-30");
	sunday_before = fairness_of_day_one(fixture, "2026-01-03");
	g_assert_cmpint(sunday_before, >=, thursday_before + 1000);
	import_notice(fixture);
	/* Thursday 2026-10-01 is a holiday now, Sunday 2026-01-04 a working day */
	g_assert_cmpint(fairness_of_day_one(fixture, "2026-09-30"), ==, thursday_before + 1000);
	g_assert_cmpint(fairness_of_day_one(fixture, "2026-01-03"), ==, sunday_before - 1000);
}

static gint64
add_roster_over(RosterTestFixture *fixture, const gchar *from, const gchar *to)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text =
	    g_strdup_printf("{\"name\":\"r\",\"period_start\":\"%s\",\"period_end\":\"%s\"}",
			    from,
			    to);
	g_autoptr(JsonNode) body = roster_test_json(text);
	g_autoptr(JsonNode) roster =
	    roster_engine_create_roster(fixture->engine, fixture->admin, body, &error);

	g_assert_no_error(error);
	return json_object_get_int_member(json_node_get_object(roster), "id");
}

/* the explanation items of a roster with @code */
static guint
count_items(RosterTestFixture *fixture, gint64 roster, const gchar *code, const gchar *name)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) explained =
	    roster_engine_explain_roster(fixture->engine, fixture->admin, roster, &error);
	JsonArray *items;
	guint n = 0;

	g_assert_no_error(error);
	items = json_object_get_array_member(json_node_get_object(explained), "items");
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, "code"), code) == 0 &&
		    (name == NULL ||
		     g_strcmp0(json_object_get_string_member_with_default(item, "name", NULL),
			       name) == 0))
			n++;
	}
	return n;
}

/* a roster in a year without an imported calendar warns; one with it does not */
static void
test_holidays_missing_year(RosterTestFixture *fixture, gconstpointer user_data)
{
	gint64 january;
	gint64 october;

	add_demand(fixture);
	import_notice(fixture);
	january = add_roster_over(fixture, "2027-01-01", "2027-01-07");
	october = add_roster_over(fixture, "2026-10-01", "2026-10-07");
	g_assert_cmpuint(count_items(fixture, january, "no-holiday-calendar", "2027"), ==, 1);
	g_assert_cmpuint(count_items(fixture, october, "no-holiday-calendar", NULL), ==, 0);
	/* and the week's holidays are explained with their name */
	g_assert_cmpuint(count_items(fixture, october, "holiday", "国庆节"), ==, 7);
}

/* a named dated override (高考) is explained with its name */
static void
test_holidays_named_override(RosterTestFixture *fixture, gconstpointer user_data)
{
	gint64 june;

	add_demand(fixture);
	import_notice(fixture);
	set_holiday_hours(
	    fixture,
	    "\"overrides\":[{\"date_from\":\"2026-06-07\",\"date_to\":\"2026-06-09\","
	    "\"name\":\"高考\",\"windows\":[{\"start\":\"08:00\",\"end\":\"24:00\"}]}]");
	june = add_roster_over(fixture, "2026-06-01", "2026-06-14");
	g_assert_cmpuint(count_items(fixture, june, "named-period", "高考"), ==, 1);
}

/* a re-import after a roster is published lists its days whose kind changes */
static void
test_holidays_reimport(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) published = NULL;
	g_autoptr(JsonNode) reply = NULL;
	gsize length = 0;
	g_autofree gchar *text = dup_notice(&length);
	g_autofree gchar *changed_text = NULL;
	g_auto(GStrv) parts = NULL;
	JsonArray *changed;
	JsonObject *day;
	gint64 id;

	add_demand(fixture);
	import_notice(fixture);
	id = add_roster_over(fixture, "2026-10-05", "2026-10-11");
	add_roster_over(fixture, "2026-10-01", "2026-10-31");
	roster = roster_engine_get_roster(fixture->engine, fixture->admin, id, &error);
	g_assert_no_error(error);
	published = roster_engine_publish_roster(
	    fixture->engine,
	    fixture->admin,
	    id,
	    json_object_get_int_member(json_node_get_object(roster), "revision"),
	    &error);
	g_assert_no_error(error);
	/* the week made 8 days long, its Saturday no longer worked */
	parts = g_strsplit(text, "\"2026-10-10\",\n            \"isOffDay\": false", -1);
	g_assert_cmpuint(g_strv_length(parts), ==, 2);
	changed_text = g_strjoinv("\"2026-10-08\",\n            \"isOffDay\": true", parts);
	reply = import_text(fixture, changed_text, &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_boolean_member(json_node_get_object(reply), "replaced"));
	changed = json_object_get_array_member(json_node_get_object(reply), "changed_days");
	/* the draft roster over the whole month is not listed */
	g_assert_cmpuint(json_array_get_length(changed), ==, 2);
	day = json_array_get_object_element(changed, 0);
	g_assert_cmpint(json_object_get_int_member(day, "roster_id"), ==, id);
	g_assert_cmpstr(json_object_get_string_member(day, "date"), ==, "2026-10-08");
	g_assert_cmpstr(json_object_get_string_member(day, "before"), ==, "normal");
	g_assert_cmpstr(json_object_get_string_member(day, "after"), ==, "off");
	day = json_array_get_object_element(changed, 1);
	g_assert_cmpstr(json_object_get_string_member(day, "date"), ==, "2026-10-10");
	g_assert_cmpstr(json_object_get_string_member(day, "before"), ==, "working");
	g_assert_cmpstr(json_object_get_string_member(day, "after"), ==, "normal");
}

static gchar *
dup_year(RosterTestFixture *fixture)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) year =
	    roster_engine_list_holidays(fixture->engine, fixture->admin, 2026, &error);

	g_assert_no_error(error);
	return json_to_string(year, FALSE);
}

/* a bad date is refused with its line and member, a file that is no JSON with its
 * line, and the imported year is kept as it was */
static void
test_holidays_bad_file(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) reply = NULL;
	gsize length = 0;
	g_autofree gchar *text = dup_notice(&length);
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_auto(GStrv) parts = NULL;
	g_autofree gchar *bad = NULL;

	import_notice(fixture);
	before = dup_year(fixture);
	g_assert_nonnull(strstr(before, "content_7047091.htm"));
	parts = g_strsplit(text, "\"2026-10-03\"", -1);
	bad = g_strjoinv("\"2026-10-32\"", parts);
	reply = import_text(fixture, bad, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(reply);
	g_assert_cmpstr(roster_error_get_field(error), ==, "days[10]");
	g_assert_nonnull(strstr(error->message, "line 59: "));
	g_clear_error(&error);
	reply = import_text(fixture, "{\"year\": 2026,\n \"days\": [\n {]}", &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_MALFORMED);
	g_assert_true(g_str_has_prefix(error->message, "line 3: "));
	g_clear_error(&error);
	reply = import_text(fixture, "{\"year\": 2027, \"papers\": [], \"days\": []}", &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	after = dup_year(fixture);
	g_assert_cmpstr(after, ==, before);
}

/* the chinese-days format: the year's dates of a file of several years */
static void
test_holidays_chinese_days(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) reply = import_text(
	    fixture,
	    "{\"holidays\": {\"2025-01-01\": \"New Year's Day,元旦,1\","
	    " \"2026-01-01\": \"New Year's Day,元旦,1\", \"2026-01-02\": \"New Year's "
	    "Day,元旦,1\"},"
	    " \"workdays\": {\"2026-01-04\": \"New Year's Day,元旦,1\"}, \"inLieuDays\": {}}",
	    &error);
	g_autoptr(JsonNode) year = NULL;
	JsonArray *items;

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(reply), "format"),
			==,
			"chinese-days");
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(reply), "off"), ==, 2);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(reply), "working"), ==, 1);
	year = roster_engine_list_holidays(fixture->engine, fixture->admin, 2026, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(json_node_get_object(year), "items");
	g_assert_cmpuint(json_array_get_length(items), ==, 3);
	g_assert_cmpstr(
	    json_object_get_string_member(json_array_get_object_element(items, 2), "kind"),
	    ==,
	    "working");
	g_assert_cmpstr(
	    json_object_get_string_member(json_array_get_object_element(items, 0), "name"),
	    ==,
	    "元旦");
}

int
main(int argc, char **argv)
{
	const struct {
		const gchar *path;
		void (*func)(RosterTestFixture *, gconstpointer);
	} tests[] = {
	    {"/roster/holidays/makeup-day", test_holidays_makeup_day},
	    {"/roster/holidays/makeup-availability", test_holidays_makeup_availability},
	    {"/roster/holidays/national-day", test_holidays_national_day},
	    {"/roster/holidays/weekend-fairness", test_holidays_weekend_fairness},
	    {"/roster/holidays/missing-year", test_holidays_missing_year},
	    {"/roster/holidays/named-override", test_holidays_named_override},
	    {"/roster/holidays/reimport", test_holidays_reimport},
	    {"/roster/holidays/bad-file", test_holidays_bad_file},
	    {"/roster/holidays/chinese-days", test_holidays_chinese_days},
	};

	g_test_init(&argc, &argv, NULL);
	for (guint i = 0; i < G_N_ELEMENTS(tests); i++)
		g_test_add(tests[i].path,
			   RosterTestFixture,
			   NULL,
			   roster_test_fixture_setup,
			   tests[i].func,
			   roster_test_fixture_teardown);
	return g_test_run();
}
