/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-code-labels.h"
#include "roster-explanation.h"

/*
 * The items of a roster's explanation list as the app words and groups them: the
 * items today's daemon sends and the ones it adds (idle volunteers, ids at the top),
 * each worded from its data and never by its code. The tests run in C.UTF-8, so the
 * words are the English ones.
 */

static RosterExplanation *
explanation_new(const gchar *json)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = json_from_string(json, &error);

	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(node));
	return roster_explanation_new(json_node_get_object(node), NULL, NULL);
}

static void
test_gap(void)
{
	g_autoptr(RosterExplanation) gap = explanation_new(
	    "{\"code\":\"uncovered-crisis-seat\",\"kind\":\"soft\",\"date\":\"2026-12-01\","
	    "\"slot\":\"08:00\",\"seat_class\":\"crisis\",\"seat_class_id\":4,"
	    "\"reason\":{\"required\":3,\"assigned\":1,\"eligible\":5,\"unavailable\":2,"
	    "\"working_that_day\":3},\"text\":\"2026-12-01 08:00 crisis seat: 2 of 3\"}");

	g_assert_cmpint(roster_explanation_get_category(gap), ==, ROSTER_EXPLANATION_GAP);
	g_assert_cmpuint(roster_explanation_get_n_missing(gap), ==, 2);
	g_assert_cmpstr(roster_explanation_get_date(gap), ==, "2026-12-01");
	g_assert_cmpstr(roster_explanation_get_slot(gap), ==, "08:00");
	g_assert_cmpint(roster_explanation_get_seat_class_id(gap), ==, 4);
	g_assert_cmpstr(roster_explanation_get_title(gap), ==, "Uncovered crisis seat");
	g_assert_cmpstr(roster_explanation_get_detail(gap),
			==,
			"1 of 3 seats filled. 5 volunteers are eligible: 2 are unavailable, 3 "
			"already work that day.");
}

static void
test_broken_rule(void)
{
	/* today's daemon names the person in the reason; the assignment may come too */
	g_autoptr(RosterExplanation) broken = explanation_new(
	    "{\"code\":\"min-rest\",\"kind\":\"hard\",\"date\":\"2026-12-02\","
	    "\"slot\":\"23:00\",\"seat_class\":\"hotline\",\"reason\":{\"volunteer_id\":7},"
	    "\"assignment_id\":91,\"text\":\"Lin would rest less than 11 hours\"}");

	g_assert_cmpint(roster_explanation_get_category(broken),
			==,
			ROSTER_EXPLANATION_BROKEN_RULE);
	g_assert_cmpint(roster_explanation_get_volunteer_id(broken), ==, 7);
	g_assert_cmpint(roster_explanation_get_assignment_id(broken), ==, 91);
	g_assert_cmpuint(roster_explanation_get_n_missing(broken), ==, 0);
	g_assert_cmpstr(roster_explanation_get_title(broken), ==, "Too little rest between shifts");
	g_assert_null(roster_explanation_get_detail(broken));
}

/* a duty block nobody may hold: its title and why, in words, never its code */
static void
test_duty_uncovered(void)
{
	g_autoptr(RosterExplanation) duty = explanation_new(
	    "{\"code\":\"duty-uncovered\",\"kind\":\"hard\",\"date\":\"2026-12-07\","
	    "\"slot\":\"20:00\",\"seat_class\":null,\"block_id\":3,"
	    "\"reason\":{\"code\":\"duty-uncovered\",\"eligible\":4,\"no_reach\":1,"
	    "\"too_slow\":1,\"unavailable\":0,\"on_seat\":2,\"resting\":0,\"at_limit\":0},"
	    "\"text\":\"no duty expert for the block\"}");

	g_assert_cmpint(roster_explanation_get_category(duty), ==, ROSTER_EXPLANATION_BROKEN_RULE);
	g_assert_cmpstr(roster_explanation_get_title(duty), ==, "No duty expert");
	g_assert_cmpstr(roster_explanation_get_detail(duty),
			==,
			"4 eligible: 1 without a response time, 1 too slow, 0 unavailable, 2 on a "
			"seat, 0 resting, 0 at their limit");
}

static void
test_idle_volunteer(void)
{
	g_autoptr(RosterExplanation) idle =
	    explanation_new("{\"code\":\"idle-volunteer\",\"kind\":\"info\",\"volunteer_id\":12,"
			    "\"volunteer\":\"王芳\",\"reasons\":[\"tier\",\"modes\",\"whatever\"],"
			    "\"message\":\"王芳 has no shift: tier, modes\"}");

	g_assert_cmpint(roster_explanation_get_category(idle),
			==,
			ROSTER_EXPLANATION_IDLE_VOLUNTEER);
	g_assert_cmpint(roster_explanation_get_volunteer_id(idle), ==, 12);
	g_assert_null(roster_explanation_get_date(idle));
	g_assert_cmpstr(roster_explanation_get_title(idle), ==, "Volunteer without shifts");
	g_assert_cmpstr(roster_explanation_get_subtitle(idle), ==, "王芳");
	g_assert_cmpstr(roster_explanation_get_detail(idle),
			==,
			"Why: tier too low for the seats, seat mode does not fit, other reason");
}

static void
test_unknown_code(void)
{
	/* a rule a newer daemon adds is named by its kind, never by its code */
	g_autoptr(RosterExplanation) hard =
	    explanation_new("{\"code\":\"max-weekends-month\",\"kind\":\"hard\","
			    "\"date\":null,\"slot\":null,\"volunteer_id\":3}");
	g_autoptr(RosterExplanation) soft =
	    explanation_new("{\"code\":\"fair-nights\",\"kind\":\"soft\"}");

	g_assert_cmpint(roster_explanation_get_category(hard), ==, ROSTER_EXPLANATION_BROKEN_RULE);
	g_assert_cmpstr(roster_explanation_get_title(hard), ==, "Broken rule");
	g_assert_null(roster_explanation_get_date(hard));
	g_assert_cmpint(roster_explanation_get_category(soft), ==, ROSTER_EXPLANATION_SOFT_RULE);
	g_assert_cmpstr(roster_explanation_get_title(soft), ==, "Soft rule");
	g_assert_cmpstr(roster_explanation_get_subtitle(soft), ==, "");
}

/* the codes a tooltip or a list row shows: each in words, an unknown one in generic
 * words and never as the code */
static void
test_code_labels(void)
{
	g_assert_cmpstr(roster_rule_to_label("max-shifts-month"),
			==,
			"Over the monthly shift limit");
	g_assert_cmpstr(roster_rule_to_label("rule-of-tomorrow"), ==, "Another rule of the roster");
	g_assert_cmpstr(roster_rule_to_label(NULL), ==, "Another rule of the roster");
	g_assert_cmpstr(roster_rule_lookup_sentence("min-rest"),
			==,
			"too little rest between two shifts");
	g_assert_null(roster_rule_lookup_sentence("uncovered-seat"));
	g_assert_cmpstr(roster_dimension_to_label("quality-review"), ==, "Quality review");
	g_assert_cmpstr(roster_dimension_to_label("punctuality"), ==, "Other rating");
	g_assert_cmpstr(roster_skill_to_label("crisis"), ==, "Crisis intervention");
	/* a skill the coordinator named is their own word */
	g_assert_cmpstr(roster_skill_to_label("粤语"), ==, "粤语");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/explanation/gap", test_gap);
	g_test_add_func("/roster/explanation/broken-rule", test_broken_rule);
	g_test_add_func("/roster/explanation/duty-uncovered", test_duty_uncovered);
	g_test_add_func("/roster/explanation/idle-volunteer", test_idle_volunteer);
	g_test_add_func("/roster/explanation/unknown-code", test_unknown_code);
	g_test_add_func("/roster/explanation/code-labels", test_code_labels);
	return g_test_run();
}
