/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a roster changed after its creation: PATCH of its name and settings (the team rotation
 * the next solve uses, weights, partial changes, every refusal) and DELETE of a draft */

#include "config.h"

#include "roster-rosters-test-common.h"

/* PATCH /rosters/{id} with @members (JSON members without braces) at the roster's
 * current revision */
static JsonNode *
patch(Fixture *f, gint64 id, const gchar *members, GError **error)
{
	g_autoptr(JsonNode) body =
	    roster_test_json_printf("{\"revision\":%" G_GINT64_FORMAT "%s%s}",
				    revision_of(f, id),
				    members[0] != '\0' ? "," : "",
				    members);
	return roster_engine_update_roster(f->engine, f->admin, id, body, error);
}

static gchar *
dup_settings_of(Fixture *f, gint64 id)
{
	g_autoptr(JsonNode) roster = get_roster(f, id);
	return json_to_string(json_object_get_member(obj(roster), ROSTER_KEY_SETTINGS), FALSE);
}

/*
 * a roster made without a rotation gets a hard weekday one by PATCH: team A holds Monday
 * and Tuesday, team B the rest, and the next solve follows it on every assignment
 */
static void
test_patch_rotation_solve(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 team_a = add_team(f, "A");
	gint64 team_b = add_team(f, "B");
	g_autoptr(GHashTable) in_a =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autofree gchar *members = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) patched = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonArray *items;
	guint early = 0;
	gint64 id;

	add_rule(f, seat, "08:00", "14:00", 1);
	for (guint i = 0; i < 3; i++) {
		g_autofree gchar *na = g_strdup_printf("A%u", i);
		g_autofree gchar *nb = g_strdup_printf("B%u", i);
		gint64 v = add_team_volunteer(f, na, team_a);
		g_hash_table_add(in_a, g_memdup2(&v, sizeof(v)));
		add_team_volunteer(f, nb, team_b);
	}
	id = add_roster(f, NULL);
	members = g_strdup_printf("\"settings\":{\"team_rotation\":{\"mode\":\"hard\",\"rules\":["
				  "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[1,2]},"
				  "{\"team_id\":%" G_GINT64_FORMAT ",\"weekdays\":[3,4,5,6,7]}]}}",
				  team_a,
				  team_b);
	patched = patch(f, id, members, &error);
	g_assert_no_error(error);
	g_assert_nonnull(patched);
	score = solve(f, id);
	g_assert_cmpint(json_object_get_int_member(obj(score), ROSTER_KEY_UNCOVERED), ==, 0);
	roster = get_roster(f, id);
	items = assignments_of(roster);
	g_assert_cmpint(json_array_get_length(items), ==, 14);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *a = json_array_get_object_element(items, i);
		gint64 v = json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
		gint day = day_of(json_object_get_string_member(a, ROSTER_KEY_DATE));
		g_assert_cmpint(g_hash_table_contains(in_a, &v), ==, day < 2);
		if (day < 2)
			early++;
	}
	g_assert_cmpuint(early, ==, 4);
}

/* only the members sent change: a weight leaves the rotation as it was, a null member
 * goes back to its default, and a rename leaves the settings alone */
static void
test_patch_partial(Fixture *f, gconstpointer user_data)
{
	gint64 team = add_team(f, "A");
	g_autofree gchar *settings =
	    g_strdup_printf("{\"night\":5,\"team_rotation\":{\"mode\":\"soft\",\"rules\":["
			    "{\"team_id\":%" G_GINT64_FORMAT ",\"slots\":[\"08:00\"]}]}}",
			    team);
	gint64 id = add_roster(f, settings);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) r1 = NULL;
	g_autoptr(JsonNode) r2 = NULL;
	g_autoptr(JsonNode) r3 = NULL;
	g_autoptr(JsonNode) roster = NULL;
	JsonObject *stored;
	g_autofree gchar *before_rename = NULL;
	g_autofree gchar *after_rename = NULL;

	r1 = patch(f, id, "\"settings\":{\"weekend\":40}", &error);
	g_assert_no_error(error);
	roster = get_roster(f, id);
	stored = json_object_get_object_member(obj(roster), ROSTER_KEY_SETTINGS);
	g_assert_cmpint(json_object_get_int_member(stored, "weekend"), ==, 40);
	g_assert_cmpint(json_object_get_int_member(stored, "night"), ==, 5);
	g_assert_true(json_object_has_member(stored, "team_rotation"));
	g_clear_pointer(&roster, json_node_unref);

	r2 = patch(f, id, "\"settings\":{\"team_rotation\":null,\"night\":null}", &error);
	g_assert_no_error(error);
	roster = get_roster(f, id);
	stored = json_object_get_object_member(obj(roster), ROSTER_KEY_SETTINGS);
	g_assert_false(json_object_has_member(stored, "team_rotation"));
	g_assert_false(json_object_has_member(stored, "night"));
	g_assert_cmpint(json_object_get_int_member(stored, "weekend"), ==, 40);

	before_rename = dup_settings_of(f, id);
	r3 = patch(f, id, "\"name\":\"January, cities\"", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(r3), ROSTER_KEY_NAME),
			==,
			"January, cities");
	after_rename = dup_settings_of(f, id);
	g_assert_cmpstr(after_rename, ==, before_rename);
}

/* a roster made without a name has none (each client words its period), a name can be
 * given later and taken away with null */
static void
test_patch_name(Fixture *f, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf("{\"period_start\":\"" WEEK_START
							   "\",\"period_end\":\"" WEEK_END "\"}");
	g_autoptr(JsonNode) created =
	    roster_engine_create_roster(f->engine, f->admin, body, &error);
	g_autoptr(JsonNode) named = NULL;
	g_autoptr(JsonNode) unnamed = NULL;
	gint64 id;

	g_assert_no_error(error);
	id = json_object_get_int_member(obj(created), ROSTER_KEY_ID);
	g_assert_true(json_object_has_member(obj(created), ROSTER_KEY_NAME));
	g_assert_true(JSON_NODE_HOLDS_NULL(json_object_get_member(obj(created), ROSTER_KEY_NAME)));
	named = patch(f, id, "\"name\":\"Exam season\"", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(named), ROSTER_KEY_NAME),
			==,
			"Exam season");
	unnamed = patch(f, id, "\"name\":null", &error);
	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_NULL(json_object_get_member(obj(unnamed), ROSTER_KEY_NAME)));
}

/* a changed weight changes the score at once, without a solve: the soft rotation's
 * one shift outside it costs the new weight */
static void
test_patch_weight_score(Fixture *f, gconstpointer user_data)
{
	gint64 seat = add_seat(f, "onsite", "on-site", "counsellor", FALSE);
	gint64 team_a = add_team(f, "A");
	gint64 team_b = add_team(f, "B");
	gint64 b;
	g_autofree gchar *settings = NULL;
	g_autofree gchar *fields = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) assigned = NULL;
	g_autoptr(JsonNode) before = NULL;
	g_autoptr(JsonNode) patched = NULL;
	g_autoptr(JsonNode) after = NULL;
	gint64 objective_before;
	gint64 id;

	add_rule(f, seat, "08:00", "11:00", 1);
	add_team_volunteer(f, "WA", team_a);
	b = add_team_volunteer(f, "WB", team_b);
	settings = g_strdup_printf("{\"team_rotation\":{\"mode\":\"soft\",\"weight\":60,\"rules\":["
				   "{\"team_id\":%" G_GINT64_FORMAT ",\"slots\":[\"08:00\"]}]}}",
				   team_a);
	id = add_roster(f, settings);
	fields = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    seat,
	    b);
	assigned = assign(f, id, fields, &error);
	g_assert_no_error(error);
	before = get_roster(f, id);
	objective_before =
	    json_object_get_int_member(json_object_get_object_member(obj(before), ROSTER_KEY_SCORE),
				       ROSTER_KEY_OBJECTIVE);
	patched = patch(f,
			id,
			"\"settings\":{\"team_rotation\":{\"mode\":\"soft\",\"weight\":500,"
			"\"rules\":[]}}",
			&error);
	g_assert_no_error(error);
	/* no rules: nothing is outside the rotation any more */
	after = get_roster(f, id);
	g_assert_cmpint(
	    json_object_get_int_member(json_object_get_object_member(obj(after), ROSTER_KEY_SCORE),
				       ROSTER_KEY_OBJECTIVE),
	    ==,
	    objective_before - 60);
	g_assert_cmpint(json_object_get_int_member(
			    json_object_get_object_member(obj(patched), ROSTER_KEY_SCORE),
			    ROSTER_KEY_OBJECTIVE),
			==,
			objective_before - 60);
}

/* every bad PATCH has its stable code and names its field, and changes nothing */
static void
test_patch_invalid(Fixture *f, gconstpointer user_data)
{
	gint64 team = add_team(f, "A");
	gint64 id = add_roster(f, "{\"night\":5}");
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = NULL;
	g_autoptr(JsonNode) before = get_roster(f, id);
	g_autofree gchar *before_text = json_to_string(before, FALSE);
	g_autofree gchar *team_text = g_strdup_printf("%" G_GINT64_FORMAT, team);
	const struct {
		const gchar *body;
		gint code;
		const gchar *field;
	} cases[] = {
	    {"{\"revision\":%R,\"name\":\"\"}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_NAME},
	    {"{\"revision\":%R,\"name\":\"   \"}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_NAME},
	    {"{\"revision\":%R,\"name\":7}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_NAME},
	    {"{\"revision\":%R,\"name\":\"%L\"}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_NAME},
	    {"{\"revision\":%R,\"settings\":[]}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":null}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":{\"nights\":1}}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":{\"night\":-1}}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":{\"night\":50001}}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":{\"team_rotation\":{\"mode\":\"firm\",\"rules\":[]}}}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":{\"team_rotation\":{\"rules\":[{\"team_id\":%T,"
	     "\"weekdays\":[8]}]}}}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":{\"team_rotation\":{\"rules\":[{\"team_id\":999,"
	     "\"weekdays\":[1]}]}}}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"settings\":{\"team_slots\":{\"x\":[\"08:00\"]}}}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_SETTINGS},
	    {"{\"revision\":%R,\"period_start\":\"2026-12-01\"}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_PERIOD_START},
	    {"{\"revision\":%R,\"state\":\"published\"}",
	     ROSTER_ERROR_INVALID_DATA,
	     ROSTER_KEY_STATE},
	    {"{\"name\":\"x\"}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_REVISION},
	    {"{\"revision\":\"1\",\"name\":\"x\"}", ROSTER_ERROR_INVALID_DATA, ROSTER_KEY_REVISION},
	    {"{\"revision\":%S,\"name\":\"x\"}", ROSTER_ERROR_CONFLICT, NULL},
	    {"[1]", ROSTER_ERROR_INVALID_DATA, NULL},
	};
	g_autofree gchar *long_name = g_strnfill(101, 'n');
	g_autofree gchar *revision = g_strdup_printf("%" G_GINT64_FORMAT, revision_of(f, id));
	g_autofree gchar *stale = g_strdup_printf("%" G_GINT64_FORMAT, revision_of(f, id) + 1);
	g_autoptr(JsonNode) after = NULL;
	g_autofree gchar *after_text = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		const gchar *from[] = {"%R", "%T", "%L", "%S"};
		const gchar *to[] = {revision, team_text, long_name, stale};
		g_autofree gchar *text = g_strdup(cases[i].body);
		g_autoptr(JsonNode) body = NULL;
		g_autoptr(JsonNode) refused = NULL;
		for (guint k = 0; k < G_N_ELEMENTS(from); k++) {
			g_auto(GStrv) parts = g_strsplit(text, from[k], -1);
			g_free(text);
			text = g_strjoinv(to[k], parts);
		}
		body = json_from_string(text, NULL);
		g_assert_nonnull(body);
		refused = roster_engine_update_roster(f->engine, f->admin, id, body, &error);
		g_assert_null(refused);
		if (!g_error_matches(error, ROSTER_ERROR, cases[i].code))
			g_error("case %u: %s", i, error != NULL ? error->message : "accepted");
		if (cases[i].field != NULL)
			g_assert_cmpstr(roster_error_get_field(error), ==, cases[i].field);
		g_clear_error(&error);
	}
	after = get_roster(f, id);
	after_text = json_to_string(after, FALSE);
	g_assert_cmpstr(after_text, ==, before_text);
	/* and no other roster came of it */
	list = roster_engine_list_rosters(f->engine, f->admin, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL), ==, 1);
	/* a roster that does not exist */
	{
		g_autoptr(JsonNode) body =
		    roster_test_json_printf("{\"revision\":1,\"name\":\"x\"}");
		g_autoptr(JsonNode) missing =
		    roster_engine_update_roster(f->engine, f->admin, id + 100, body, &error);
		g_assert_null(missing);
		g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	}
}

static void
publish(Fixture *f, gint64 id)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) published =
	    roster_engine_publish_roster(f->engine, f->admin, id, revision_of(f, id), &error);
	g_assert_no_error(error);
}

/* a published roster keeps the settings it was solved under (409 about its state, nothing
 * changes) but takes a new name */
static void
test_patch_published(Fixture *f, gconstpointer user_data)
{
	gint64 id = add_roster(f, "{\"night\":5}");
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) renamed = NULL;
	g_autofree gchar *settings = NULL;
	gint64 revision;

	publish(f, id);
	revision = revision_of(f, id);
	refused = patch(f, id, "\"name\":\"x\",\"settings\":{\"night\":9}", &error);
	g_assert_null(refused);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_cmpstr(roster_error_get_field(error), ==, ROSTER_KEY_STATE);
	g_clear_error(&error);
	g_assert_cmpint(revision_of(f, id), ==, revision);
	settings = dup_settings_of(f, id);
	g_assert_cmpstr(settings, ==, "{\"night\":5}");

	renamed = patch(f, id, "\"name\":\"December, published\"", &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(renamed), ROSTER_KEY_STATE),
			==,
			ROSTER_STATE_PUBLISHED);
}

static gint64
count_rosters(Fixture *f)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = roster_engine_list_rosters(f->engine, f->admin, &error);
	g_assert_no_error(error);
	return json_object_get_int_member(obj(list), ROSTER_KEY_TOTAL);
}

/* a draft goes with its assignments, audited; a stale revision and a missing roster are
 * refused */
static void
test_delete_draft(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = solve(f, id);
	g_autoptr(JsonNode) gone = NULL;
	g_autoptr(GPtrArray) audit = NULL;
	gint64 revision = revision_of(f, id);
	gboolean deleted_logged = FALSE;

	g_assert_cmpuint(count_assignments(f, id), >, 0);
	g_assert_false(roster_engine_delete_roster(f->engine, f->admin, id, revision + 1, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	g_assert_cmpint(count_rosters(f), ==, 1);
	g_assert_true(roster_engine_delete_roster(f->engine, f->admin, id, revision, &error));
	g_assert_no_error(error);
	g_assert_cmpint(count_rosters(f), ==, 0);
	gone = roster_engine_get_roster(f->engine, f->admin, id, &error);
	g_assert_null(gone);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	g_assert_false(roster_engine_delete_roster(f->engine, f->admin, id, -1, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	g_clear_error(&error);
	audit = roster_store_list_audit(roster_engine_get_store(f->engine),
					ROSTER_COLLECTION_ROSTERS,
					id,
					NULL,
					0,
					1000,
					NULL,
					&error);
	g_assert_no_error(error);
	for (guint i = 0; i < audit->len; i++) {
		JsonObject *row = json_node_get_object(g_ptr_array_index(audit, i));
		if (g_strcmp0(json_object_get_string_member(row, "action"), ROSTER_ACTION_DELETE) ==
		    0)
			deleted_logged = TRUE;
	}
	g_assert_true(deleted_logged);
}

/* a roster once published is kept: refused while published and after an edit made it a
 * draft again, 409 about its state */
static void
test_delete_published(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) score = solve(f, id);
	g_autoptr(JsonNode) again = NULL;

	publish(f, id);
	g_assert_false(roster_engine_delete_roster(f->engine, f->admin, id, -1, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_cmpstr(roster_error_get_field(error), ==, ROSTER_KEY_STATE);
	g_clear_error(&error);
	/* a solve makes it a draft with a published version behind it */
	again = solve(f, id);
	g_assert_false(roster_engine_delete_roster(f->engine, f->admin, id, -1, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_assert_cmpstr(roster_error_get_field(error), ==, ROSTER_KEY_STATE);
	g_assert_cmpint(count_rosters(f), ==, 1);
}

void
roster_test_add_rosters_settings(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/settings/patch-rotation-solve",
			 test_patch_rotation_solve);
	ROSTERS_TEST_ADD("/roster/rosters/settings/patch-partial", test_patch_partial);
	ROSTERS_TEST_ADD("/roster/rosters/settings/patch-name", test_patch_name);
	ROSTERS_TEST_ADD("/roster/rosters/settings/patch-weight-score", test_patch_weight_score);
	ROSTERS_TEST_ADD("/roster/rosters/settings/patch-invalid", test_patch_invalid);
	ROSTERS_TEST_ADD("/roster/rosters/settings/patch-published", test_patch_published);
	ROSTERS_TEST_ADD("/roster/rosters/settings/delete-draft", test_delete_draft);
	ROSTERS_TEST_ADD("/roster/rosters/settings/delete-published", test_delete_published);
}
