/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* attendance, service hours, training, ratings, promotions, stars, the honour roll and
 * reports through the engine */

#include "config.h"

#include "roster-records-fixture.h"

static JsonNode *
call_create(Fixture *f,
	    JsonNode *(*func)(RosterEngine *, RosterPrincipal *, JsonNode *, GError **),
	    RosterPrincipal *principal,
	    const gchar *json,
	    GError **error)
{
	g_autoptr(JsonNode) body = roster_test_json_printf("%s", json);
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
	gint64 c =
	    create(f,
		   ROSTER_COLLECTION_VOLUNTEERS,
		   roster_test_json_printf("{\"name\":\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\","
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
	gint64 seat =
	    create(f,
		   ROSTER_COLLECTION_SEAT_CLASSES,
		   roster_test_json_printf("{\"code\":\"-1\",\"name\":\"夜间\",\"mode\":\"cloud\","
					   "\"min_tier\":\"counsellor\"}"));

	create(f,
	       ROSTER_COLLECTION_DEMAND_RULES,
	       roster_test_json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
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
	       roster_test_json_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
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
	body = roster_test_json_printf(
	    "{\"roster_id\":1,\"assignment_id\":1,\"status\":\"attended\"}");
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

/* attendance is not recorded for a shift that has not started: refused with its own
 * field, and a day's confirmation leaves such shifts alone */
static void
test_attendance_not_started(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf(
	    "{\"name\":\"未来\",\"period_start\":\"2099-03-01\",\"period_end\":\"2099-03-31\"}");
	g_autoptr(JsonNode) roster = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_autoptr(JsonNode) result = NULL;
	g_autofree gchar *json = NULL;
	gint64 future;

	g_assert_no_error(error);
	f->roster = json_object_get_int_member(obj(roster), ROSTER_KEY_ID);
	future = assign(f, f->a, "2099-03-05", "20:00");
	publish(f);
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT
			       ",\"assignment_id\":%" G_GINT64_FORMAT ",\"status\":\"attended\"}",
			       f->roster,
			       future);
	result = call_create(f, roster_engine_record_attendance, f->coordinator, json, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_cmpstr(roster_error_get_field(error), ==, ROSTER_ATTENDANCE_REFUSAL_NOT_STARTED);
	g_assert_null(result);
	g_clear_error(&error);

	g_free(json);
	json = g_strdup_printf("{\"roster_id\":%" G_GINT64_FORMAT ",\"date\":\"2099-03-05\"}",
			       f->roster);
	result = call_create(f, roster_engine_confirm_day, f->coordinator, json, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(result), ROSTER_KEY_TOTAL), ==, 0);
	g_assert_cmpfloat(hours_of(f, f->manager, f->a, NULL, NULL), ==, 0);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/roster/records/attendance-hours",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_attendance_hours,
		   fixture_teardown);
	g_test_add("/roster/records/attendance-not-started",
		   Fixture,
		   NULL,
		   fixture_setup,
		   test_attendance_not_started,
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
