/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* trainee places: paired with a counsellor, never on a crisis seat, and the demo trainees get
 * shifts */

#include "config.h"

#include "roster-rosters-test-common.h"

/* a seat class of one mode for counsellors with trainee places beside its seats */
static gint64
add_seat_with_places(Fixture *f, const gchar *code, const gchar *mode, guint places)
{
	return create(f,
		      ROSTER_COLLECTION_SEAT_CLASSES,
		      roster_test_json_printf("{\"code\":\"%s\",\"name\":\"%s\",\"mode\":\"%s\","
					      "\"min_tier\":\"counsellor\",\"trainee_places\":%u}",
					      code,
					      code,
					      mode,
					      places));
}

/* how many assignments of the roster a volunteer holds */
static guint
count_shifts(JsonArray *items, gint64 volunteer)
{
	guint n = 0;
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		n += json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) == volunteer;
	}
	return n;
}

/* trainee places are taken only beside a senior of the same mode: the on-site place
 * beside the on-site senior every day, the cloud place never (only a counsellor works
 * the cloud seat); the places are no seats: none is required, none uncovered, and a
 * trainee's seat number comes after the class's one seat */
static void
test_trainee_places_paired(Fixture *f, gconstpointer user_data)
{
	gint64 onsite = add_seat_with_places(f, "onsite", "on-site", 1);
	gint64 cloud = add_seat_with_places(f, "cloud", "cloud", 1);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	gint64 senior;
	gint64 near;
	gint64 far;
	gint64 id;

	add_rule(f, onsite, "08:00", "11:00", 1);
	add_rule(f, cloud, "08:00", "11:00", 1);
	senior = add_volunteer(f, "S1", "senior", "\"modes\":[\"on-site\"]");
	add_volunteer(f, "C1", "counsellor", "\"modes\":[\"cloud\"]");
	near = add_volunteer(f, "T1", "trainee", "\"modes\":[\"on-site\"]");
	far = add_volunteer(f, "T2", "trainee", "\"modes\":[\"cloud\"],\"min_shifts_month\":4");
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), "required"), ==, 14);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	/* with no senior or expert in the cloud the cloud trainee stays home, commitment
	 * or not; the on-site trainee sits beside the senior on each of the 7 days */
	g_assert_cmpuint(count_shifts(items, far), ==, 0);
	g_assert_cmpuint(count_shifts(items, senior), ==, 7);
	g_assert_cmpuint(count_shifts(items, near), ==, 7);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gboolean paired = FALSE;
		if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) != near)
			continue;
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID),
				==,
				onsite);
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_NO), ==, 2);
		for (guint j = 0; j < json_array_get_length(items); j++) {
			JsonObject *b = json_array_get_object_element(items, j);
			paired |=
			    json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID) == senior &&
			    start_of(a) == start_of(b);
		}
		g_assert_true(paired);
	}
}

/* a trainee never sits on a crisis seat, not even one whose minimum tier is trainee
 * and beside an expert: the second crisis seat of each day stays empty */
static void
test_trainee_never_crisis(Fixture *f, gconstpointer user_data)
{
	gint64 crisis = add_seat(f, "crisis", "on-site", "trainee", TRUE);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	gint64 trainee;
	gint64 id;

	add_rule(f, crisis, "08:00", "11:00", 2);
	add_volunteer(f, "E1", "expert", NULL);
	trainee = add_volunteer(f, "T1", "trainee", "\"min_shifts_month\":7");
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED_CRISIS), ==, 7);
	roster = get_roster(f, id);
	g_assert_cmpuint(count_shifts(assignments_of(roster), trainee), ==, 0);
}

/* a crisis seat class offers no trainee places: refused when created so, and when a
 * class with places is made a crisis class; nothing changes */
static void
test_trainee_places_crisis_refused(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) bad =
	    roster_test_json_printf("{\"code\":\"crisis\",\"name\":\"crisis\","
				    "\"mode\":\"on-site\",\"min_tier\":\"expert\","
				    "\"crisis\":true,\"trainee_places\":1}");
	g_autoptr(JsonNode) to_crisis = roster_test_json_printf("{\"revision\":1,\"crisis\":true}");
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(JsonNode) kept = NULL;
	g_autoptr(JsonNode) list = NULL;
	gint64 onsite = add_seat_with_places(f, "onsite", "on-site", 2);

	refused = roster_engine_create(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_SEAT_CLASSES,
				       0,
				       bad,
				       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(refused);
	g_assert_true(g_str_has_prefix(error->message, "trainee_places: "));
	g_assert_nonnull(strstr(error->message, "crisis"));
	g_clear_error(&error);
	updated = roster_engine_update(f->engine,
				       f->admin,
				       ROSTER_COLLECTION_SEAT_CLASSES,
				       0,
				       onsite,
				       to_crisis,
				       &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(updated);
	g_clear_error(&error);
	kept = roster_engine_get(f->engine,
				 f->admin,
				 ROSTER_COLLECTION_SEAT_CLASSES,
				 0,
				 onsite,
				 &error);
	g_assert_no_error(error);
	g_assert_false(json_object_get_boolean_member(obj(kept), ROSTER_KEY_CRISIS));
	g_assert_cmpint(json_object_get_int_member(obj(kept), ROSTER_KEY_TRAINEE_PLACES), ==, 2);
	g_assert_cmpint(json_object_get_int_member(obj(kept), ROSTER_KEY_REVISION), ==, 1);
}

/* trainee places nobody takes are no gap: the score counts no uncovered seat, the
 * explanations list none and the coverage report has every seat filled */
static void
test_trainee_places_no_gap(Fixture *f, gconstpointer user_data)
{
	gint64 onsite = add_seat_with_places(f, "onsite", "on-site", 2);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) explained = NULL;
	g_autoptr(JsonNode) coverage = NULL;
	JsonObject *total;
	JsonArray *items;
	gint64 id;

	add_rule(f, onsite, "08:00", "11:00", 1);
	add_volunteer(f, "S1", "senior", NULL);
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	g_assert_cmpint(json_object_get_int_member(obj(score), "required"), ==, 7);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		g_assert_false(
		    g_str_has_prefix(json_object_get_string_member(item, ROSTER_KEY_CODE),
				     "uncovered-"));
	}
	coverage = roster_engine_report_coverage(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	total = json_object_get_object_member(obj(coverage), ROSTER_KEY_TOTAL);
	g_assert_cmpint(json_object_get_int_member(total, ROSTER_KEY_REQUIRED), ==, 7);
	g_assert_cmpint(json_object_get_int_member(total, ROSTER_KEY_FILLED), ==, 7);
}

/* the demo city line, seeded as the command-line tool seeds it: in a solved month
 * each of its 8 trainees works, and each trainee shift has a senior or expert of the
 * same mode in its slot */
static void
test_demo_trainees_get_shifts(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body =
	    roster_test_json_printf("{\"name\":\"December\",\"period_start\":"
				    "\"2026-12-01\",\"period_end\":\"2026-12-31\"}");
	g_autoptr(JsonNode) created = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) volunteers = NULL;
	g_autoptr(JsonNode) classes = NULL;
	g_autoptr(GHashTable) tiers =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
	g_autoptr(GHashTable) modes =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
	g_autoptr(GHashTable) shifts =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	JsonArray *list;
	JsonArray *items;
	guint n_trainees = 0;

	g_assert_true(roster_demo_seed_scale(f->engine, "city", 1, &error));
	g_assert_no_error(error);
	g_hash_table_insert(params, (gpointer)ROSTER_PARAM_LIMIT, (gpointer) "100");
	volunteers = roster_engine_list(f->engine,
					f->admin,
					ROSTER_COLLECTION_VOLUNTEERS,
					0,
					params,
					&error);
	g_assert_no_error(error);
	list = json_object_get_array_member(obj(volunteers), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(list); i++) {
		JsonObject *v = json_array_get_object_element(list, i);
		gint64 vid = json_object_get_int_member(v, ROSTER_KEY_ID);
		g_hash_table_insert(tiers,
				    g_memdup2(&vid, sizeof(vid)),
				    g_strdup(json_object_get_string_member(v, ROSTER_KEY_TIER)));
	}
	classes = roster_engine_list(f->engine,
				     f->admin,
				     ROSTER_COLLECTION_SEAT_CLASSES,
				     0,
				     params,
				     &error);
	g_assert_no_error(error);
	list = json_object_get_array_member(obj(classes), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(list); i++) {
		JsonObject *c = json_array_get_object_element(list, i);
		gint64 cid = json_object_get_int_member(c, ROSTER_KEY_ID);
		g_hash_table_insert(modes,
				    g_memdup2(&cid, sizeof(cid)),
				    g_strdup(json_object_get_string_member(c, ROSTER_KEY_MODE)));
	}

	created = roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_assert_no_error(error);
	score = roster_engine_solve_roster(f->engine,
					   f->admin,
					   json_object_get_int_member(obj(created), ROSTER_KEY_ID),
					   /* the demo month's construction alone took 3 s on a
					    * machine at load 20 */
					   8.0,
					   1,
					   &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_boolean_member(obj(score), ROSTER_KEY_FEASIBLE));
	roster = get_roster(f, json_object_get_int_member(obj(created), ROSTER_KEY_ID));
	items = assignments_of(roster);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gint64 c = json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID);
		gboolean paired = FALSE;
		if (g_strcmp0(g_hash_table_lookup(tiers, &v), "trainee") != 0)
			continue;
		g_hash_table_add(shifts, g_memdup2(&v, sizeof(v)));
		for (guint j = 0; j < json_array_get_length(items) && !paired; j++) {
			JsonObject *b = json_array_get_object_element(items, j);
			gint64 w = json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID);
			gint64 e = json_object_get_int_member(b, ROSTER_KEY_SEAT_CLASS_ID);
			const gchar *tier = g_hash_table_lookup(tiers, &w);
			paired =
			    (g_strcmp0(tier, "senior") == 0 || g_strcmp0(tier, "expert") == 0) &&
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_DATE),
				      json_object_get_string_member(b, ROSTER_KEY_DATE)) == 0 &&
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_SLOT),
				      json_object_get_string_member(b, ROSTER_KEY_SLOT)) == 0 &&
			    g_strcmp0(g_hash_table_lookup(modes, &c),
				      g_hash_table_lookup(modes, &e)) == 0;
		}
		g_assert_true(paired);
	}
	for (GList *l = g_hash_table_get_values(tiers); l != NULL; l = g_list_delete_link(l, l))
		n_trainees += g_strcmp0(l->data, "trainee") == 0;
	g_assert_cmpuint(n_trainees, ==, 8);
	g_assert_cmpuint(g_hash_table_size(shifts), ==, 8);
}

void
roster_test_add_rosters_trainees(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/trainees/places-paired", test_trainee_places_paired);
	ROSTERS_TEST_ADD("/roster/rosters/trainees/never-crisis", test_trainee_never_crisis);
	ROSTERS_TEST_ADD("/roster/rosters/trainees/places-crisis-refused",
			 test_trainee_places_crisis_refused);
	ROSTERS_TEST_ADD("/roster/rosters/trainees/places-no-gap", test_trainee_places_no_gap);
	ROSTERS_TEST_ADD("/roster/rosters/trainees/demo-get-shifts", test_demo_trainees_get_shifts);
}
