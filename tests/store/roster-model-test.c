/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-json-keys.h"
#include "roster-record.h"
#include "roster-test-common.h"
#include "roster-volunteer-csv.h"

typedef struct {
	const gchar *name;
	const gchar *collection;
	const gchar *body;
	/* the message must start with "<field>: " */
	const gchar *field;
} BadCase;

#define VOL  "\"name\":\"甲\",\"counsellor_no\":\"A-1\",\"tier\":\"trainee\""
#define SEAT "\"code\":\"c\",\"name\":\"座\",\"mode\":\"cloud\",\"min_tier\":\"senior\""
#define RULE "\"seat_class_id\":1,\"seats\":1"
#define CAL  "\"name\":\"热线\",\"line\":\"12355\""
/* a calendar override of the dates from @from to @to with @windows */
#define OVR(from, to, windows)                                                                     \
	"{\"date_from\":\"" from "\",\"date_to\":\"" to "\",\"windows\":[" windows "]}"

static const BadCase bad_cases[] = {
    {"id-read-only", "volunteers", "{" VOL ",\"id\":3}", "id"},
    {"created-read-only", "volunteers", "{" VOL ",\"created\":\"x\"}", "created"},
    {"revision-on-create", "teams", "{\"name\":\"t\",\"revision\":1}", "revision"},
    {"unknown-field", "teams", "{\"name\":\"t\",\"shape\":\"round\"}", "shape"},
    {"name-missing", "volunteers", "{\"counsellor_no\":\"A-1\",\"tier\":\"trainee\"}", "name"},
    {"name-empty",
     "volunteers",
     "{\"name\":\"  \",\"counsellor_no\":\"A-1\",\"tier\":\"trainee\"}",
     "name"},
    {"name-too-long",
     "teams",
     "{\"name\":"
     "\"0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
     "123456789x\"}",
     "name"},
    {"name-not-string", "teams", "{\"name\":7}", "name"},
    {"name-null", "teams", "{\"name\":null}", "name"},
    {"tier-enum",
     "volunteers",
     "{\"name\":\"甲\",\"counsellor_no\":\"A-1\",\"tier\":\"boss\"}",
     "tier"},
    {"counsellor-no-format",
     "volunteers",
     "{\"name\":\"甲\",\"counsellor_no\":\"A 1\",\"tier\":\"trainee\"}",
     "counsellor_no"},
    {"phone-format", "volunteers", "{" VOL ",\"phone\":\"call me\"}", "phone"},
    {"email-format", "volunteers", "{" VOL ",\"email\":\"nobody\"}", "email"},
    {"email-no-domain-dot", "volunteers", "{" VOL ",\"email\":\"a@b\"}", "email"},
    {"modes-empty", "volunteers", "{" VOL ",\"modes\":[]}", "modes"},
    {"modes-item", "volunteers", "{" VOL ",\"modes\":[\"home\"]}", "modes"},
    {"modes-repeat", "volunteers", "{" VOL ",\"modes\":[\"cloud\",\"cloud\"]}", "modes"},
    {"skills-not-array", "volunteers", "{" VOL ",\"skills\":\"crisis\"}", "skills"},
    {"skills-item-empty", "volunteers", "{" VOL ",\"skills\":[\"\"]}", "skills"},
    {"active-not-bool", "volunteers", "{" VOL ",\"active\":1}", "active"},
    {"limit-negative", "volunteers", "{" VOL ",\"max_hours_week\":-1}", "max_hours_week"},
    {"limit-too-high",
     "volunteers",
     "{" VOL ",\"max_consecutive_days\":32}",
     "max_consecutive_days"},
    {"limit-float", "volunteers", "{" VOL ",\"max_shifts_month\":2.5}", "max_shifts_month"},
    {"team-id-zero", "volunteers", "{" VOL ",\"team_id\":0}", "team_id"},
    {"note-too-long",
     "volunteers",
     "{" VOL ",\"note\":\""
     "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012"
     "3456789"
     "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012"
     "3456789"
     "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012"
     "3456789"
     "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012"
     "3456789"
     "012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012"
     "3456789"
     "x\"}",
     "note"},
    {"code-format",
     "seat-classes",
     "{\"code\":\"Crisis\",\"name\":\"座\",\"mode\":\"cloud\",\"min_tier\":\"senior\"}",
     "code"},
    {"mode-enum",
     "seat-classes",
     "{\"code\":\"c\",\"name\":\"座\",\"mode\":\"phone\",\"min_tier\":\"senior\"}",
     "mode"},
    {"min-tier-missing",
     "seat-classes",
     "{\"code\":\"c\",\"name\":\"座\",\"mode\":\"cloud\"}",
     "min_tier"},
    {"colour-format", "seat-classes", "{" SEAT ",\"colour\":\"red\"}", "colour"},
    {"colour-hex", "teams", "{\"name\":\"t\",\"colour\":\"#12345G\"}", "colour"},
    {"seats-range",
     "demand-rules",
     "{" RULE ",\"start\":\"08:00\",\"end\":\"11:00\",\"seats\":201}",
     "seats"},
    {"start-format", "demand-rules", "{" RULE ",\"start\":\"8:00\",\"end\":\"11:00\"}", "start"},
    {"end-hour", "demand-rules", "{" RULE ",\"start\":\"08:00\",\"end\":\"24:01\"}", "end"},
    {"start-24", "demand-rules", "{" RULE ",\"start\":\"24:00\",\"end\":\"08:00\"}", "start"},
    {"availability-end-hour",
     "availability",
     "{\"kind\":\"avoid\",\"weekday\":1,\"start\":\"20:00\",\"end\":\"25:00\"}",
     "end"},
    {"availability-no-length",
     "availability",
     "{\"kind\":\"avoid\",\"weekday\":1,\"start\":\"20:00\",\"end\":\"20:00\"}",
     "end"},
    {"end-minutes", "demand-rules", "{" RULE ",\"start\":\"08:00\",\"end\":\"08:60\"}", "end"},
    {"weekday-range",
     "demand-rules",
     "{" RULE ",\"start\":\"08:00\",\"end\":\"11:00\",\"weekdays\":[0]}",
     "weekdays"},
    {"date-format",
     "demand-rules",
     "{" RULE ",\"start\":\"08:00\",\"end\":\"11:00\",\"date_from\":\"2026-02-30\"}",
     "date_from"},
    {"date-order",
     "demand-rules",
     "{" RULE ",\"start\":\"08:00\",\"end\":\"11:00\",\"date_from\":\"2026-03-02\",\"date_to\":"
     "\"2026-03-01\"}",
     "date_to"},
    {"seat-class-missing",
     "demand-rules",
     "{\"start\":\"08:00\",\"end\":\"11:00\",\"seats\":1}",
     "seat_class_id"},
    {"time-zone", "calendars", "{" CAL ",\"time_zone\":\"Mars/Olympus\"}", "time_zone"},
    {"slot-range", "calendars", "{" CAL ",\"slot_minutes\":20}", "slot_minutes"},
    {"slot-divides-day", "calendars", "{" CAL ",\"slot_minutes\":100}", "slot_minutes"},
    {"first-slot-format",
     "calendars",
     "{" CAL ",\"first_slot_start\":\"8am\"}",
     "first_slot_start"},
    {"window-shape",
     "calendars",
     "{" CAL ",\"manned_windows\":[{\"weekday\":1}]}",
     "manned_windows"},
    {"window-weekday",
     "calendars",
     "{" CAL ",\"manned_windows\":[{\"weekday\":8,\"start\":\"08:00\",\"end\":\"20:00\"}]}",
     "manned_windows"},
    {"window-no-length",
     "calendars",
     "{" CAL ",\"manned_windows\":[{\"weekday\":1,\"start\":\"08:00\",\"end\":\"08:00\"}]}",
     "manned_windows"},
    {"window-start-24",
     "calendars",
     "{" CAL ",\"manned_windows\":[{\"weekday\":1,\"start\":\"24:00\",\"end\":\"08:00\"}]}",
     "manned_windows"},
    {"line-missing", "calendars", "{\"name\":\"热线\"}", "line"},
    {"override-date-order",
     "calendars",
     "{" CAL ",\"overrides\":[" OVR("2027-06-10", "2027-06-07", "") "]}",
     "overrides"},
    {"override-date-format",
     "calendars",
     "{" CAL ",\"overrides\":[" OVR("2027-02-30", "2027-03-01", "") "]}",
     "overrides"},
    {"override-window-no-length",
     "calendars",
     "{" CAL ",\"overrides\":[" OVR("2027-06-07",
				    "2027-06-10",
				    "{\"start\":\"08:00\",\"end\":\"08:00\"}") "]}",
     "overrides"},
    {"override-window-start-24",
     "calendars",
     "{" CAL ",\"overrides\":[" OVR("2027-06-07",
				    "2027-06-10",
				    "{\"start\":\"24:00\",\"end\":\"08:00\"}") "]}",
     "overrides"},
    {"override-window-weekday",
     "calendars",
     "{" CAL ",\"overrides\":[" OVR("2027-06-07",
				    "2027-06-10",
				    "{\"weekday\":1,\"start\":\"08:00\",\"end\":\"20:00\"}") "]}",
     "overrides"},
    {"override-windows-missing",
     "calendars",
     "{" CAL ",\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":\"2027-06-10\"}]}",
     "overrides"},
    {"override-unknown-member",
     "calendars",
     "{" CAL ",\"overrides\":[{\"date_from\":\"2027-06-07\",\"date_to\":\"2027-06-10\","
     "\"windows\":[],\"seats\":3}]}",
     "overrides"},
    {"override-overlap",
     "calendars",
     "{" CAL ",\"overrides\":[" OVR("2027-06-07", "2027-06-10", "") "," OVR(
	 "2027-10-01",
	 "2027-10-03",
	 "") "," OVR("2027-06-10", "2027-06-12", "") "]}",
     "overrides"},
    {"night-start-24", "calendars", "{" CAL ",\"night_start\":\"24:00\"}", "night_start"},
    {"night-end-format", "calendars", "{" CAL ",\"night_end\":\"8:00\"}", "night_end"},
    {"night-no-length",
     "calendars",
     "{" CAL ",\"night_start\":\"22:00\",\"night_end\":\"22:00\"}",
     "night_end"},
    {"kind-enum", "availability", "{\"kind\":\"maybe\",\"weekday\":1}", "kind"},
    {"date-and-weekday",
     "availability",
     "{\"kind\":\"avoid\",\"weekday\":1,\"date\":\"2026-01-01\"}",
     "weekday"},
    {"neither-date-nor-weekday", "availability", "{\"kind\":\"avoid\"}", "date"},
    {"start-without-end",
     "availability",
     "{\"kind\":\"avoid\",\"weekday\":1,\"start\":\"08:00\"}",
     "end"},
    {"parent-read-only",
     "availability",
     "{\"kind\":\"avoid\",\"weekday\":1,\"volunteer_id\":2}",
     "volunteer_id"},
    {"username-format",
     "accounts",
     "{\"username\":\"Li Lei\",\"role\":\"manager\",\"password\":\"12345678\"}",
     "username"},
    {"username-short",
     "accounts",
     "{\"username\":\"li\",\"role\":\"manager\",\"password\":\"12345678\"}",
     "username"},
    {"role-enum",
     "accounts",
     "{\"username\":\"lilei\",\"role\":\"root\",\"password\":\"12345678\"}",
     "role"},
    {"password-short",
     "accounts",
     "{\"username\":\"lilei\",\"role\":\"manager\",\"password\":\"1234567\"}",
     "password"},
    {"password-missing", "accounts", "{\"username\":\"lilei\",\"role\":\"manager\"}", "password"},
    {"volunteer-role-needs-id",
     "accounts",
     "{\"username\":\"lilei\",\"role\":\"volunteer\",\"password\":\"12345678\"}",
     "volunteer_id"},
    {"volunteer-id-only-for-volunteers",
     "accounts",
     "{\"username\":\"lilei\",\"role\":\"manager\",\"volunteer_id\":1,\"password\":\"12345678\"}",
     "volunteer_id"},
};

static void
test_bad(gconstpointer user_data)
{
	const BadCase *c = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(c->body);
	g_autoptr(RosterRecord) record =
	    roster_record_from_json(roster_kind_lookup(c->collection), body, NULL, &error);
	g_autofree gchar *prefix = g_strdup_printf("%s: ", c->field);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(record);
	if (!g_str_has_prefix(error->message, prefix))
		g_error("expected a message starting with '%s', got '%s'", prefix, error->message);
	/* lower case, no full stop */
	g_assert_false(g_str_has_suffix(error->message, "."));
}

static void
test_not_object(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json("\"volunteer\"");
	g_autoptr(RosterRecord) record =
	    roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_TEAMS),
				    body,
				    NULL,
				    &error);

	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_MALFORMED);
	g_assert_null(record);
}

static void
test_defaults(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json("{" CAL "}");
	g_autoptr(RosterRecord) record =
	    roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_CALENDARS),
				    body,
				    NULL,
				    &error);

	g_assert_no_error(error);
	g_assert_cmpstr(roster_record_get_string(record, ROSTER_KEY_TIME_ZONE),
			==,
			"Asia/Shanghai");
	g_assert_cmpint(roster_record_get_int(record, ROSTER_KEY_SLOT_MINUTES, 0), ==, 180);
	g_assert_cmpstr(roster_record_get_string(record, ROSTER_KEY_FIRST_SLOT_START), ==, "08:00");
	g_assert_true(
	    JSON_NODE_HOLDS_ARRAY(roster_record_get_value(record, ROSTER_KEY_MANNED_WINDOWS)));
	g_assert_true(
	    JSON_NODE_HOLDS_NULL(roster_record_get_value(record, ROSTER_KEY_DUTY_CONTACT)));
}

/* 24:00 ends a window everywhere one is accepted, and a demand rule's end equal to its
 * start is 24 h */
static void
test_end_of_day(void)
{
	const struct {
		const gchar *collection;
		const gchar *body;
	} good[] = {
	    {ROSTER_COLLECTION_DEMAND_RULES, "{" RULE ",\"start\":\"00:00\",\"end\":\"24:00\"}"},
	    {ROSTER_COLLECTION_DEMAND_RULES, "{" RULE ",\"start\":\"20:00\",\"end\":\"20:00\"}"},
	    {ROSTER_COLLECTION_CALENDARS,
	     "{" CAL
	     ",\"manned_windows\":[{\"weekday\":7,\"start\":\"18:00\",\"end\":\"24:00\"}]}"},
	    {ROSTER_COLLECTION_AVAILABILITY,
	     "{\"kind\":\"unavailable\",\"weekday\":5,\"start\":\"00:00\",\"end\":\"24:00\"}"},
	};

	for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(JsonNode) body = roster_test_json(good[i].body);
		g_autoptr(RosterRecord) record =
		    roster_record_from_json(roster_kind_lookup(good[i].collection),
					    body,
					    NULL,
					    &error);
		g_assert_no_error(error);
		g_assert_nonnull(record);
	}
}

/* the overrides of the example (exam season around the clock, a closure), one
 * with a note and shortened hours ending at 24:00, and a night window of its own; the
 * defaults are no override and the night 23:00-08:00 */
static void
test_calendar_overrides(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(
	    "{" CAL ",\"night_start\":\"22:00\",\"night_end\":\"06:00\",\"overrides\":["
	    "{\"date_from\":\"2027-06-07\",\"date_to\":\"2027-06-10\","
	    "\"windows\":[{\"start\":\"00:00\",\"end\":\"24:00\"}]},"
	    "{\"date_from\":\"2027-10-01\",\"date_to\":\"2027-10-03\",\"windows\":[]},"
	    "{\"date_from\":\"2027-10-04\",\"date_to\":\"2027-10-04\",\"note\":\"国庆调休\","
	    "\"windows\":[{\"start\":\"09:00\",\"end\":\"12:00\"},"
	    "{\"start\":\"18:00\",\"end\":\"24:00\"}]}]}");
	g_autoptr(JsonNode) plain = roster_test_json("{" CAL "}");
	g_autoptr(RosterRecord) record =
	    roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_CALENDARS),
				    body,
				    NULL,
				    &error);
	g_autoptr(RosterRecord) defaults = NULL;
	JsonNode *overrides;

	g_assert_no_error(error);
	overrides = roster_record_get_value(record, ROSTER_KEY_OVERRIDES);
	g_assert_true(JSON_NODE_HOLDS_ARRAY(overrides));
	g_assert_cmpuint(json_array_get_length(json_node_get_array(overrides)), ==, 3);
	g_assert_cmpstr(roster_record_get_string(record, ROSTER_KEY_NIGHT_START), ==, "22:00");

	defaults = roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_CALENDARS),
					   plain,
					   NULL,
					   &error);
	g_assert_no_error(error);
	overrides = roster_record_get_value(defaults, ROSTER_KEY_OVERRIDES);
	g_assert_true(JSON_NODE_HOLDS_ARRAY(overrides));
	g_assert_cmpuint(json_array_get_length(json_node_get_array(overrides)), ==, 0);
	g_assert_cmpstr(roster_record_get_string(defaults, ROSTER_KEY_NIGHT_START), ==, "23:00");
	g_assert_cmpstr(roster_record_get_string(defaults, ROSTER_KEY_NIGHT_END), ==, "08:00");
}

static void
test_personal_fields(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body =
	    roster_test_json("{" VOL ",\"phone\":\"12345\",\"email\":\"a@b.cn\"}");
	g_autoptr(RosterRecord) record =
	    roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
				    body,
				    NULL,
				    &error);
	g_autoptr(JsonNode) open = NULL;
	g_autoptr(JsonNode) trusted = NULL;

	g_assert_no_error(error);
	open = roster_record_to_node(record, ROSTER_RECORD_FLAG_NONE);
	trusted = roster_record_to_node(record, ROSTER_RECORD_FLAG_TRUSTED);
	g_assert_false(json_object_has_member(json_node_get_object(open), ROSTER_KEY_PHONE));
	g_assert_false(json_object_has_member(json_node_get_object(open), ROSTER_KEY_EMAIL));
	g_assert_cmpstr(
	    json_object_get_string_member(json_node_get_object(trusted), ROSTER_KEY_PHONE),
	    ==,
	    "12345");
	g_assert_cmpstr(
	    json_object_get_string_member(json_node_get_object(trusted), ROSTER_KEY_EMAIL),
	    ==,
	    "a@b.cn");
	g_assert_true(
	    json_object_get_boolean_member(json_node_get_object(open), ROSTER_KEY_ACTIVE));
}

static void
test_password_write_only(void)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json(
	    "{\"username\":\"lilei\",\"role\":\"manager\",\"password\":\"12345678\"}");
	g_autoptr(RosterRecord) record =
	    roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_ACCOUNTS),
				    body,
				    NULL,
				    &error);
	g_autoptr(JsonNode) out = NULL;

	g_assert_no_error(error);
	out = roster_record_to_node(record, ROSTER_RECORD_FLAG_TRUSTED);
	g_assert_false(json_object_has_member(json_node_get_object(out), ROSTER_KEY_PASSWORD));
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(out), ROSTER_KEY_ROLE),
			==,
			"manager");
}

static void
test_partial_update(void)
{
	g_autoptr(GError) error = NULL;
	const RosterKind *kind = roster_kind_lookup(ROSTER_COLLECTION_AVAILABILITY);
	g_autoptr(JsonNode) body = roster_test_json(
	    "{\"kind\":\"avoid\",\"weekday\":2,\"start\":\"19:00\",\"end\":\"01:00\"}");
	g_autoptr(JsonNode) patch =
	    roster_test_json("{\"revision\":1,\"weekday\":null,\"date\":\"2026-05-01\"}");
	g_autoptr(JsonNode) bad_patch = roster_test_json("{\"revision\":1,\"start\":null}");
	g_autoptr(RosterRecord) record = roster_record_from_json(kind, body, NULL, &error);
	g_autoptr(RosterRecord) merged = NULL;
	g_autoptr(RosterRecord) bad = NULL;

	g_assert_no_error(error);
	roster_record_set_revision(record, 1);
	merged = roster_record_from_json(kind, patch, record, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(roster_record_get_string(merged, ROSTER_KEY_DATE), ==, "2026-05-01");
	g_assert_cmpstr(roster_record_get_string(merged, ROSTER_KEY_START), ==, "19:00");
	/* the stored record is untouched */
	g_assert_cmpint(roster_record_get_int(record, ROSTER_KEY_WEEKDAY, 0), ==, 2);
	/* the merged record is checked as a whole */
	bad = roster_record_from_json(kind, bad_patch, record, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "start: "));
	g_assert_null(bad);
}

static void
test_lookup(void)
{
	g_assert_nonnull(roster_kind_lookup(ROSTER_COLLECTION_DEMAND_RULES));
	g_assert_null(roster_kind_lookup(ROSTER_COLLECTION_AUDIT));
	g_assert_null(roster_kind_lookup("rosters"));
	g_assert_cmpstr(
	    roster_kind_get_unique_field(roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS))->key,
	    ==,
	    ROSTER_KEY_COUNSELLOR_NO);
}

/* the recognition records are kinds too: one field table validates their bodies and
 * names the field of a bad value as data */
static void
test_recognition_kinds(void)
{
	const struct {
		const gchar *collection;
		const gchar *body;
		const gchar *field;
	} rows[] = {
	    {"ratings",
	     "{\"volunteer_id\": 1, \"dimension\": \"quality-review\", \"score\": 9,"
	     " \"date\": \"2024-01-10\"}",
	     "score"},
	    {"ratings",
	     "{\"volunteer_id\": 1, \"score\": 3, \"date\": \"2024-01-10\"}",
	     "dimension"},
	    {"training",
	     "{\"volunteer_id\": 1, \"kind\": \"supervision\", \"hours\": \"2\","
	     " \"date\": \"2024-01-10\"}",
	     "hours"},
	    {"training",
	     "{\"volunteer_id\": 1, \"kind\": \"supervision\", \"hours\": 201,"
	     " \"date\": \"2024-01-10\"}",
	     "hours"},
	    {"service-logs",
	     "{\"volunteer_id\": 1, \"kind\": \"callback\", \"hours\": 1.5,"
	     " \"date\": \"2024-01-10\"}",
	     NULL},
	};

	for (guint i = 0; i < G_N_ELEMENTS(rows); i++) {
		const RosterKind *kind = roster_kind_lookup(rows[i].collection);
		g_autoptr(JsonNode) body = roster_test_json(rows[i].body);
		g_autoptr(GError) error = NULL;
		gboolean ok;

		g_assert_nonnull(kind);
		ok = roster_kind_validate_members(kind, json_node_get_object(body), &error);
		if (rows[i].field == NULL) {
			g_assert_no_error(error);
			g_assert_true(ok);
			continue;
		}
		g_assert_false(ok);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
		g_assert_cmpstr(roster_error_get_field(error), ==, rows[i].field);
	}
}

/* one line in the volunteer kind is enough for a field to be validated, stored,
 * returned and carried by the CSV both ways: preferred_language */
static void
test_volunteer_field_everywhere(RosterTestFixture *fixture, gconstpointer user_data)
{
	const gchar *csv = "counsellor_no,name,tier,preferred_language\nP002,乙,counsellor,en\n";
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) line_errors = NULL;
	g_autofree gchar *exported = NULL;
	g_autoptr(JsonNode) stored = NULL;
	guint n_imported = 0;
	gint64 id =
	    roster_test_create(fixture,
			       "volunteers",
			       0,
			       "{\"name\": \"甲\", \"counsellor_no\": \"P001\","
			       " \"tier\": \"counsellor\", \"preferred_language\": \"zh-CN\"}");

	stored = roster_engine_get(fixture->engine, fixture->admin, "volunteers", 0, id, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(json_node_get_object(stored),
						      ROSTER_KEY_PREFERRED_LANGUAGE),
			==,
			"zh-CN");
	exported = roster_volunteer_csv_export(fixture->engine, fixture->admin, FALSE, &error);
	g_assert_no_error(error);
	g_assert_nonnull(strstr(exported, ",preferred_language"));
	g_assert_nonnull(strstr(exported, ",zh-CN"));
	g_assert_true(roster_volunteer_csv_import(fixture->engine,
						  fixture->admin,
						  csv,
						  strlen(csv),
						  &n_imported,
						  &line_errors,
						  &error));
	g_assert_no_error(error);
	g_assert_cmpuint(n_imported, ==, 1);
	g_clear_pointer(&exported, g_free);
	exported = roster_volunteer_csv_export(fixture->engine, fixture->admin, TRUE, &error);
	g_assert_no_error(error);
	/* the Chinese header is the field's label */
	g_assert_nonnull(strstr(exported, ",首选语言"));
	g_assert_nonnull(strstr(exported, "P002"));
	g_assert_nonnull(strstr(exported, ",en"));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	for (guint i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
		g_autofree gchar *path = g_strdup_printf("/roster/model/invalid/%s/%s",
							 bad_cases[i].collection,
							 bad_cases[i].name);
		g_test_add_data_func(path, &bad_cases[i], test_bad);
	}
	g_test_add_func("/roster/model/not-object", test_not_object);
	g_test_add_func("/roster/model/defaults", test_defaults);
	g_test_add_func("/roster/model/end-of-day", test_end_of_day);
	g_test_add_func("/roster/model/calendar-overrides", test_calendar_overrides);
	g_test_add_func("/roster/model/personal-fields", test_personal_fields);
	g_test_add_func("/roster/model/password-write-only", test_password_write_only);
	g_test_add_func("/roster/model/partial-update", test_partial_update);
	g_test_add_func("/roster/model/lookup", test_lookup);
	g_test_add_func("/roster/model/recognition-kinds", test_recognition_kinds);
	g_test_add("/roster/model/volunteer-field-everywhere",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_volunteer_field_everywhere,
		   roster_test_fixture_teardown);
	return g_test_run();
}
