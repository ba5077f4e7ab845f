/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* reading a roster: versions and their diff, explanations, suggestions and who may read what */

#include "config.h"

#include "roster-rosters-test-common.h"

static void
test_publish_and_diff(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = solve(f, id);
	g_autoptr(JsonNode) v1 =
	    roster_engine_publish_roster(f->engine, f->admin, id, revision_of(f, id), &error);
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) gone = NULL;
	g_autoptr(JsonNode) added = NULL;
	g_autoptr(JsonNode) v2 = NULL;
	g_autoptr(JsonNode) stale = NULL;
	g_autoptr(JsonNode) versions = NULL;
	g_autoptr(JsonNode) diff = NULL;
	g_autofree gchar *fields = NULL;
	JsonObject *first;
	JsonArray *items;
	gint64 removed_volunteer;
	gboolean saw_removed = FALSE;

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(v1), ROSTER_KEY_STATE), ==, "published");
	g_assert_cmpint(json_object_get_int_member(obj(v1), ROSTER_KEY_N_VERSIONS), ==, 1);
	roster = get_roster(f, id);
	first = json_array_get_object_element(assignments_of(roster), 0);
	removed_volunteer = json_object_get_int_member(first, ROSTER_KEY_VOLUNTEER_ID);
	gone = roster_engine_unassign(f->engine,
				      f->admin,
				      id,
				      json_object_get_int_member(first, ROSTER_KEY_ID),
				      revision_of(f, id),
				      TRUE,
				      &error);
	g_assert_no_error(error);
	/* the expert takes a crisis seat on a day free of other shifts */
	for (guint day = 7; day <= 13 && added == NULL; day++) {
		g_free(fields);
		fields = g_strdup_printf("\"date\":\"2026-12-%02u\",\"slot\":\"20:00\","
					 "\"seat_class_id\":%" G_GINT64_FORMAT
					 ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":true",
					 day,
					 ids[1],
					 ids[2]);
		added = assign(f, id, fields, &error);
		if (added == NULL)
			g_clear_error(&error);
	}
	g_assert_nonnull(added);
	stale = roster_engine_publish_roster(f->engine, f->admin, id, 1, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	v2 = roster_engine_publish_roster(f->engine, f->admin, id, revision_of(f, id), &error);
	g_assert_no_error(error);
	versions = roster_engine_list_versions(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(versions), ROSTER_KEY_TOTAL), ==, 2);
	diff = roster_engine_diff_versions(f->engine, f->admin, id, 1, 2, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(diff), ROSTER_KEY_ITEMS);
	g_assert_cmpint(json_array_get_length(items), >=, 1);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(item, ROSTER_KEY_VOLUNTEER_ID);
		guint n_added =
		    json_array_get_length(json_object_get_array_member(item, ROSTER_KEY_ADDED));
		guint n_removed =
		    json_array_get_length(json_object_get_array_member(item, ROSTER_KEY_REMOVED));
		if (v == removed_volunteer && n_removed == 1)
			saw_removed = TRUE;
		if (v == ids[2])
			g_assert_cmpuint(n_added, >=, 1);
	}
	g_assert_true(saw_removed);
}

/* too few experts for the crisis seat: every gap explained with its reasons */
static void
test_explanations(Fixture *f, gconstpointer user_data)
{
	gint64 crisis = add_seat(f, "crisis", "on-site", "expert", TRUE);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) explained = NULL;
	JsonArray *items;
	gint64 id;
	guint crisis_gaps = 0;

	add_rule(f, crisis, "19:00", "02:00", 1);
	add_volunteer(f, "E0", "expert", "\"max_shifts_month\":3");
	add_volunteer(f, "E1", "expert", NULL);
	add_volunteer(f, "C0", "counsellor", NULL);
	id = add_roster(f, NULL);
	score = solve(f, id);
	/* 21 crisis seats, two experts, one of them at most 3 shifts: 10 at most */
	g_assert_cmpint(json_object_get_int_member(obj(score), "uncovered_crisis"), >=, 11);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		JsonObject *reason = json_object_get_object_member(item, ROSTER_KEY_REASON);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE),
			      "uncovered-crisis-seat") != 0)
			continue;
		crisis_gaps++;
		g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_SEAT_CLASS),
				==,
				"crisis");
		g_assert_cmpint(json_object_get_int_member(reason, "eligible"), ==, 2);
		g_assert_true(g_str_has_prefix(json_object_get_string_member(item, ROSTER_KEY_TEXT),
					       "Mon ") ||
			      strstr(json_object_get_string_member(item, ROSTER_KEY_TEXT),
				     "eligible volunteers: 2") != NULL);
	}
	g_assert_cmpuint(crisis_gaps,
			 ==,
			 json_object_get_int_member(obj(score), "uncovered_crisis"));
}

/* the only volunteer covers a seat in hours they asked to avoid: explained as soft */
static void
test_explanations_avoided(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 v;
	gint64 id;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) avoid = roster_test_json_printf(
	    "{\"kind\":\"avoid\",\"date\":\"2026-12-08\",\"start\":\"08:00\","
	    "\"end\":\"11:00\"}");
	g_autoptr(JsonNode) entry = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) explained = NULL;
	JsonArray *items;
	gboolean found = FALSE;

	add_rule(f, seat, "08:00", "11:00", 1);
	v = add_volunteer(f, "A0", "counsellor", NULL);
	entry = roster_engine_create(f->engine,
				     f->admin,
				     ROSTER_COLLECTION_AVAILABILITY,
				     v,
				     avoid,
				     &error);
	g_assert_no_error(error);
	id = add_roster(f, NULL);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	explained = roster_engine_explain_roster(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(explained), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(item, ROSTER_KEY_CODE),
			      "avoided-slot") != 0)
			continue;
		found = TRUE;
		g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_DATE),
				==,
				"2026-12-08");
		g_assert_cmpstr(json_object_get_string_member(item, ROSTER_KEY_SLOT), ==, "08:00");
	}
	g_assert_true(found);
}

static void
test_suggestions(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list =
	    roster_engine_suggest(f->engine, f->admin, id, "2026-12-08", "08:00", "onsite", &error);
	g_autoptr(JsonNode) crisis = NULL;
	JsonArray *items;

	g_assert_no_error(error);
	items = json_object_get_array_member(obj(list), ROSTER_KEY_ITEMS);
	/* everybody may take the on-site seat; the trainee alone breaks a rule: last */
	g_assert_cmpint(json_array_get_length(items), ==, 4);
	g_assert_cmpint(json_object_get_int_member(json_array_get_object_element(items, 3),
						   ROSTER_KEY_VOLUNTEER_ID),
			==,
			ids[5]);
	crisis =
	    roster_engine_suggest(f->engine, f->admin, id, "2026-12-08", "20:00", "crisis", &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(crisis), ROSTER_KEY_TOTAL), ==, 1);
}

static void
test_permissions(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(RosterPrincipal) manager =
	    roster_principal_new(99, "manager", ROSTER_ROLE_MANAGER, 0);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) read = roster_engine_get_roster(f->engine, manager, id, &error);
	g_autoptr(JsonNode) solved = NULL;

	g_assert_no_error(error);
	g_assert_nonnull(read);
	solved = roster_engine_solve_roster(f->engine, manager, id, 0.1, 1, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

/* a volunteer reads its own assignments and nobody else's */
static void
test_volunteer_sees_own(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(RosterPrincipal) volunteer =
	    roster_principal_new(98, "volunteer", ROSTER_ROLE_VOLUNTEER, ids[4]);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = solve(f, id);
	g_autoptr(JsonNode) own = roster_engine_get_roster(f->engine, volunteer, id, &error);
	g_autoptr(JsonNode) diff = NULL;
	JsonArray *items;

	g_assert_no_error(error);
	items = assignments_of(own);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID), ==, ids[4]);
	}
	diff = roster_engine_diff_versions(f->engine, volunteer, id, 0, 0, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_PERMISSION_DENIED);
}

void
roster_test_add_rosters_read(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/publish-and-diff", test_publish_and_diff);
	ROSTERS_TEST_ADD("/roster/rosters/explanations", test_explanations);
	ROSTERS_TEST_ADD("/roster/rosters/explanations-avoided", test_explanations_avoided);
	ROSTERS_TEST_ADD("/roster/rosters/suggestions", test_suggestions);
	ROSTERS_TEST_ADD("/roster/rosters/permissions", test_permissions);
	ROSTERS_TEST_ADD("/roster/rosters/volunteer-sees-own", test_volunteer_sees_own);
}
