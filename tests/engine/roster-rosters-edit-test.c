/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* edits by hand: refused for a rule, a stale revision, move, pin and swap */

#include "config.h"

#include "roster-rosters-test-common.h"

static void
test_edit_refused(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) r1 = NULL;
	g_autoptr(JsonNode) r2 = NULL;
	g_autoptr(JsonNode) r3 = NULL;
	g_autoptr(JsonNode) r4 = NULL;
	g_autoptr(JsonNode) r5 = NULL;
	g_autoptr(JsonNode) audit = NULL;
	g_autofree gchar *crisis_by_counsellor = NULL;
	g_autofree gchar *trainee_alone = NULL;
	g_autofree gchar *late = NULL;
	g_autofree gchar *early = NULL;
	gint64 before;

	crisis_by_counsellor = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"20:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[1],
	    ids[4]);
	before = revision_of(f, id);
	r1 = assign(f, id, crisis_by_counsellor, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "not-eligible: "));
	g_assert_nonnull(strstr(error->message, "VX2"));
	g_assert_null(r1);
	g_clear_error(&error);
	g_assert_cmpint(revision_of(f, id), ==, before);
	g_assert_cmpuint(count_assignments(f, id), ==, 0);

	trainee_alone = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[5]);
	r2 = assign(f, id, trainee_alone, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "trainee-alone: "));
	g_clear_error(&error);
	g_assert_cmpuint(count_assignments(f, id), ==, 0);

	/* 23:00 on Tuesday then 08:00 on Wednesday leaves 6 hours of rest */
	late = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"23:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[4]);
	r3 = assign(f, id, late, &error);
	g_assert_no_error(error);
	early = g_strdup_printf(
	    "\"date\":\"2026-12-09\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[4]);
	r4 = assign(f, id, early, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "min-rest: "));
	g_clear_error(&error);
	g_assert_cmpuint(count_assignments(f, id), ==, 1);

	/* the coordinator overrides: accepted, marked and audited */
	{
		g_autofree gchar *forced = g_strdup_printf(
		    "\"date\":\"2026-12-10\",\"slot\":\"20:00\",\"seat_class_id\":%" G_GINT64_FORMAT
		    ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"override\":true",
		    ids[1],
		    ids[4]);
		g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
		JsonArray *items;
		gboolean audited = FALSE;
		r5 = assign(f, id, forced, &error);
		g_assert_no_error(error);
		g_assert_cmpstr(json_object_get_string_member(obj(r5), ROSTER_KEY_SOURCE),
				==,
				"override");
		g_hash_table_insert(params, (gpointer)ROSTER_PARAM_LIMIT, (gpointer) "500");
		audit = roster_engine_list(f->engine,
					   f->admin,
					   ROSTER_COLLECTION_AUDIT,
					   0,
					   params,
					   &error);
		g_assert_no_error(error);
		items = json_object_get_array_member(obj(audit), ROSTER_KEY_ITEMS);
		for (guint i = 0; i < json_array_get_length(items); i++) {
			JsonObject *e = json_array_get_object_element(items, i);
			audited |= g_strcmp0(json_object_get_string_member(e, ROSTER_KEY_ACTION),
					     "override") == 0;
		}
		g_assert_true(audited);
	}
}

static JsonNode *
swap(Fixture *f, gint64 roster, gint64 first, gint64 second, gboolean override, GError **error)
{
	g_autoptr(JsonNode) body = roster_test_json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"assignments\":[%" G_GINT64_FORMAT
	    ",%" G_GINT64_FORMAT "],\"override\":%s}",
	    revision_of(f, roster),
	    first,
	    second,
	    override ? "true" : "false");
	return roster_engine_swap_assignments(f->engine, f->admin, roster, body, error);
}

/* the volunteer of an assignment as the roster has it now */
static gint64
volunteer_of(Fixture *f, gint64 roster, gint64 assignment)
{
	g_autoptr(JsonNode) node = get_roster(f, roster);
	JsonArray *items = assignments_of(node);

	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		if (json_object_get_int_member(a, ROSTER_KEY_ID) == assignment)
			return json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
	}
	return 0;
}

/* two people exchange their seats in one step, even on the same day, where two moves
 * one after the other would each break one-shift-per-day */
static void
test_edit_swap(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) ra = NULL;
	g_autoptr(JsonNode) rb = NULL;
	g_autoptr(JsonNode) rc = NULL;
	g_autoptr(JsonNode) swapped = NULL;
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) forced = NULL;
	g_autoptr(JsonNode) pinned = NULL;
	g_autoptr(JsonNode) pin = NULL;
	g_autoptr(JsonNode) same = NULL;
	g_autofree gchar *morning = NULL;
	g_autofree gchar *noon = NULL;
	g_autofree gchar *crisis = NULL;
	gint64 a;
	gint64 b;
	gint64 c;
	gint64 before;

	morning = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[3]);
	noon = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"11:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[0],
	    ids[4]);
	crisis = g_strdup_printf(
	    "\"date\":\"2026-12-09\",\"slot\":\"20:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    ids[1],
	    ids[2]);
	ra = assign(f, id, morning, &error);
	g_assert_no_error(error);
	rb = assign(f, id, noon, &error);
	g_assert_no_error(error);
	rc = assign(f, id, crisis, &error);
	g_assert_no_error(error);
	a = json_object_get_int_member(obj(ra), ROSTER_KEY_ID);
	b = json_object_get_int_member(obj(rb), ROSTER_KEY_ID);
	c = json_object_get_int_member(obj(rc), ROSTER_KEY_ID);

	/* the senior and the counsellor, same day: exchanged, one revision */
	before = revision_of(f, id);
	swapped = swap(f, id, a, b, FALSE, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(swapped), ROSTER_KEY_REVISION),
			==,
			before + 1);
	g_assert_cmpint(volunteer_of(f, id, a), ==, ids[4]);
	g_assert_cmpint(volunteer_of(f, id, b), ==, ids[3]);

	/* the senior onto the crisis seat breaks a hard rule: refused, nothing changes */
	before = revision_of(f, id);
	refused = swap(f, id, b, c, FALSE, &error);
	g_assert_null(refused);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "not-eligible: "));
	g_clear_error(&error);
	g_assert_cmpint(revision_of(f, id), ==, before);
	g_assert_cmpint(volunteer_of(f, id, c), ==, ids[2]);

	/* with the override it is made and marked */
	forced = swap(f, id, b, c, TRUE, &error);
	g_assert_no_error(error);
	g_assert_cmpint(volunteer_of(f, id, c), ==, ids[3]);
	g_assert_cmpstr(json_object_get_string_member(
			    json_array_get_object_element(
				json_object_get_array_member(obj(forced), ROSTER_KEY_ASSIGNMENTS),
				1),
			    ROSTER_KEY_SOURCE),
			==,
			"override");

	/* a pinned seat is not swapped, nor a seat with itself */
	{
		g_autoptr(JsonNode) body =
		    roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"pinned\":true}",
					    revision_of(f, id));
		pin = roster_engine_update_assignment(f->engine, f->admin, id, a, body, &error);
		g_assert_no_error(error);
	}
	pinned = swap(f, id, a, b, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "pinned: "));
	g_clear_error(&error);
	same = swap(f, id, a, a, FALSE, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "assignments: "));
}

/* two coordinators edit from the same revision: the second gets a conflict */
static void
test_edit_conflict(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	gint64 read = revision_of(f, id);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) first_body = roster_test_json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"2026-12-08\",\"slot\":\"08:00\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    read,
	    ids[0],
	    ids[3]);
	g_autoptr(JsonNode) second_body = roster_test_json_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"2026-12-08\",\"slot\":\"11:00\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    read,
	    ids[0],
	    ids[4]);
	g_autoptr(JsonNode) first =
	    roster_engine_assign(f->engine, f->admin, id, first_body, &error);
	g_autoptr(JsonNode) second = NULL;
	g_autoptr(JsonNode) unpin = NULL;
	g_autoptr(JsonNode) gone = NULL;

	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(first), ROSTER_KEY_REVISION), ==, read + 1);
	second = roster_engine_assign(f->engine, f->admin, id, second_body, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_null(second);
	g_clear_error(&error);
	g_assert_cmpuint(count_assignments(f, id), ==, 1);
	/* a stale delete is refused too; a current one works */
	gone = roster_engine_unassign(f->engine,
				      f->admin,
				      id,
				      json_object_get_int_member(obj(first), ROSTER_KEY_ID),
				      read,
				      FALSE,
				      &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	unpin = roster_engine_unassign(f->engine,
				       f->admin,
				       id,
				       json_object_get_int_member(obj(first), ROSTER_KEY_ID),
				       read + 1,
				       FALSE,
				       &error);
	g_assert_no_error(error);
	g_assert_cmpuint(count_assignments(f, id), ==, 0);
}

/* a move of a pinned assignment needs an unpin first; a move keeps the hard rules */
static void
test_edit_move_and_pin(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *fields = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT ",\"pinned\":true",
	    ids[0],
	    ids[4]);
	g_autoptr(JsonNode) a = assign(f, id, fields, &error);
	gint64 aid = json_object_get_int_member(obj(a), ROSTER_KEY_ID);
	g_autoptr(JsonNode) move1 = NULL;
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) unpin = NULL;
	g_autoptr(JsonNode) moved = NULL;
	g_autoptr(JsonNode) body = NULL;

	g_assert_no_error(error);
	move1 = roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"slot\":\"11:00\"}",
					revision_of(f, id));
	refused = roster_engine_update_assignment(f->engine, f->admin, id, aid, move1, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "pinned: "));
	g_clear_error(&error);
	body = roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"pinned\":false}",
				       revision_of(f, id));
	unpin = roster_engine_update_assignment(f->engine, f->admin, id, aid, body, &error);
	g_assert_no_error(error);
	g_assert_false(json_object_get_boolean_member(obj(unpin), ROSTER_KEY_PINNED));
	g_clear_pointer(&body, json_node_unref);
	body = roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT ",\"slot\":\"11:00\"}",
				       revision_of(f, id));
	moved = roster_engine_update_assignment(f->engine, f->admin, id, aid, body, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(moved), ROSTER_KEY_SLOT), ==, "11:00");
}

void
roster_test_add_rosters_edit(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/edit/refused", test_edit_refused);
	ROSTERS_TEST_ADD("/roster/rosters/edit/conflict", test_edit_conflict);
	ROSTERS_TEST_ADD("/roster/rosters/edit/move-and-pin", test_edit_move_and_pin);
	ROSTERS_TEST_ADD("/roster/rosters/edit/swap", test_edit_swap);
}
