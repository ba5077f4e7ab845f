/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a roster's settings as the app edits them: the rotation's JSON both ways, the members a
 * PATCH sends, and the name of a roster without one */

#include "config.h"

#include "roster-item.h"
#include "roster-json-keys.h"
#include "roster-roster-settings.h"

static JsonObject *
parse_object(const gchar *text)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = json_from_string(text, &error);

	g_assert_no_error(error);
	return json_object_ref(json_node_get_object(node));
}

static gchar *
dup_text(JsonNode *node)
{
	return json_to_string(node, FALSE);
}

/* a cycle read from the settings comes back as it was; slots typed with full-width
 * commas and colons (as Chinese input methods type them) are split and mended */
static void
test_cycle_round_trip(void)
{
	g_autoptr(JsonObject) settings =
	    parse_object("{\"team_rotation\":{\"mode\":\"soft\",\"weight\":40,\"rules\":["
			 "{\"team_id\":3,\"cycle_weeks\":3,\"cycle_week\":2,\"slots\":[\"23:00\","
			 "\"02:00\"]}]}}");
	g_autoptr(RosterRotation) rotation = roster_rotation_new_from_settings(settings);
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *text = NULL;
	RosterRotationRule *rule;

	g_assert_cmpint(rotation->kind, ==, ROSTER_ROTATION_CYCLE);
	g_assert_false(rotation->hard);
	g_assert_cmpint(rotation->weight, ==, 40);
	g_assert_cmpuint(rotation->cycle_weeks, ==, 3);
	rule = roster_rotation_find_rule(rotation, 3);
	g_assert_nonnull(rule);
	g_assert_cmpuint(rule->cycle_week, ==, 2);
	g_assert_cmpstr(rule->slots, ==, "23:00, 02:00");
	g_free(rule->slots);
	rule->slots = g_strdup("23\xef\xbc\x9a"
			       "00\xef\xbc\x8c 02:00");
	node = roster_rotation_to_node(rotation);
	text = dup_text(node);
	g_assert_cmpstr(
	    text,
	    ==,
	    "{\"mode\":\"soft\",\"weight\":40,\"rules\":[{\"team_id\":3,\"cycle_weeks\":3,"
	    "\"cycle_week\":2,\"slots\":[\"23:00\",\"02:00\"]}]}");
}

/* a team that holds nothing in the kind chosen is left out; no rotation is a null */
static void
test_empty_rules(void)
{
	g_autoptr(RosterRotation) rotation = roster_rotation_new();
	g_autoptr(JsonNode) none = roster_rotation_to_node(rotation);
	g_autoptr(JsonNode) node = NULL;
	g_autofree gchar *text = NULL;
	RosterRotationRule *rule;

	g_assert_true(JSON_NODE_HOLDS_NULL(none));
	rotation->kind = ROSTER_ROTATION_WEEKDAYS;
	rule = roster_rotation_add_rule(rotation, 1);
	rule->weekdays = 1u << 7;
	roster_rotation_add_rule(rotation, 2)->slots = g_strdup("08:00");
	node = roster_rotation_to_node(rotation);
	text = dup_text(node);
	g_assert_cmpstr(text,
			==,
			"{\"mode\":\"hard\",\"rules\":[{\"team_id\":1,\"weekdays\":[7]}]}");
}

/* only what differs is sent: a default set again is no change, a stored member cleared
 * is a null */
static void
test_changes(void)
{
	g_autoptr(JsonObject) stored = parse_object("{\"night\":5,\"weekend\":3}");
	g_autoptr(JsonObject) wanted =
	    parse_object("{\"night\":5,\"weekend\":null,\"avoid\":null,\"over\":9}");
	g_autoptr(JsonObject) changes = roster_roster_settings_dup_changes(stored, wanted);
	g_autoptr(JsonNode) node = json_node_init_object(json_node_alloc(), changes);
	g_autofree gchar *text = dup_text(node);

	g_assert_cmpstr(text, ==, "{\"weekend\":null,\"over\":9}");
}

/* a typed name is kept; without one, the period in the language of the moment */
static void
test_display_name(void)
{
	g_autofree gchar *named =
	    roster_roster_dup_display_name("Exams", "2027-01-01", "2027-01-31");
	g_autofree gchar *month = roster_roster_dup_display_name(NULL, "2027-01-01", "2027-01-31");
	g_autofree gchar *other = roster_roster_dup_display_name("", "2027-01-05", "2027-01-20");
	g_autofree gchar *period = roster_roster_dup_period_text("2027-01-01", "2027-01-31");
	guint n_fields = 0;
	const RosterSettingField *fields = roster_roster_settings_get_fields(&n_fields);

	g_assert_cmpstr(named, ==, "Exams");
	g_assert_cmpstr(month, ==, "Roster 2027-01");
	g_assert_cmpstr(other, ==, "Roster 2027-01-05 to 2027-01-20");
	g_assert_cmpstr(period, ==, "2027-01");
	/* every weight has its words */
	g_assert_cmpuint(n_fields, >, 10);
	for (guint i = 0; i < n_fields; i++) {
		g_assert_cmpstr(fields[i].label, !=, "");
		g_assert_true(g_str_has_suffix(fields[i].description, "."));
	}
}

/* every list that shows rosters (publish, records, the roster view) titles one without
 * a name by its period */
static void
test_item_title(void)
{
	g_autoptr(JsonObject) unnamed =
	    parse_object("{\"id\":1,\"name\":null,\"period_start\":\"2027-02-01\",\"period_end\":"
			 "\"2027-02-28\"}");
	g_autoptr(JsonObject) named = parse_object("{\"id\":2,\"name\":\"Exams\",\"period_start\":"
						   "\"2027-02-01\",\"period_end\":\"2027-02-28\"}");
	g_autoptr(RosterItem) first = roster_item_new(unnamed);
	g_autoptr(RosterItem) second = roster_item_new(named);

	g_assert_cmpstr(roster_item_get_title(first), ==, "Roster 2027-02");
	g_assert_cmpstr(roster_item_get_title(second), ==, "Exams");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/roster-settings/cycle-round-trip", test_cycle_round_trip);
	g_test_add_func("/roster/roster-settings/empty-rules", test_empty_rules);
	g_test_add_func("/roster/roster-settings/changes", test_changes);
	g_test_add_func("/roster/roster-settings/display-name", test_display_name);
	g_test_add_func("/roster/roster-settings/item-title", test_item_title);
	return g_test_run();
}
