/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the words and days of a team's rotation, read from settings as the daemon stores them */

#include "config.h"

#include "roster-rotation-words.h"

static RosterRotation *
rotation_from(const gchar *json)
{
	g_autoptr(JsonNode) node = json_from_string(json, NULL);

	g_assert_nonnull(node);
	return roster_rotation_new_from_settings(json_node_get_object(node));
}

/* a weekday rule in words, and the days it holds: Monday and Thursday, not Tuesday */
static void
test_weekdays(void)
{
	g_autoptr(RosterRotation) rotation =
	    rotation_from("{\"team_rotation\":{\"mode\":\"hard\",\"rules\":["
			  "{\"team_id\":3,\"weekdays\":[1,4]},{\"team_id\":4,\"weekdays\":[2]}]}}");
	g_autofree gchar *words = roster_rotation_dup_rule_text(rotation, 3);
	g_autoptr(GDate) monday = g_date_new_dmy(7, G_DATE_DECEMBER, 2026);
	g_autoptr(GDate) tuesday = g_date_new_dmy(8, G_DATE_DECEMBER, 2026);
	g_autoptr(GDate) thursday = g_date_new_dmy(10, G_DATE_DECEMBER, 2026);

	g_assert_cmpstr(words, ==, "Every Mon, Thu");
	g_assert_true(roster_rotation_holds_day(rotation, 3, monday, monday));
	g_assert_false(roster_rotation_holds_day(rotation, 3, tuesday, monday));
	g_assert_true(roster_rotation_holds_day(rotation, 3, thursday, monday));
	g_assert_true(roster_rotation_holds_day(rotation, 4, tuesday, monday));
}

/* a cycle's weeks count from the origin, backwards before it, as the solver counts */
static void
test_cycle(void)
{
	g_autoptr(RosterRotation) rotation = rotation_from(
	    "{\"team_rotation\":{\"rules\":[{\"team_id\":3,\"cycle_weeks\":3,\"cycle_week\":2}]}}");
	g_autofree gchar *words = roster_rotation_dup_rule_text(rotation, 3);
	g_autoptr(GDate) origin = g_date_new_dmy(1, G_DATE_DECEMBER, 2026);
	g_autoptr(GDate) day = g_date_new_dmy(1, G_DATE_DECEMBER, 2026);

	g_assert_cmpstr(words, ==, "Week 2 of a 3-week cycle");
	g_assert_false(roster_rotation_holds_day(rotation, 3, day, origin));
	g_date_add_days(day, 7);
	g_assert_true(roster_rotation_holds_day(rotation, 3, day, origin));
	g_date_add_days(day, 6);
	g_assert_true(roster_rotation_holds_day(rotation, 3, day, origin));
	g_date_add_days(day, 1);
	g_assert_false(roster_rotation_holds_day(rotation, 3, day, origin));
	/* the week before the origin is the cycle's last */
	g_date_subtract_days(day, 15);
	g_assert_false(roster_rotation_holds_day(rotation, 3, day, origin));
	g_date_subtract_days(day, 7);
	g_assert_true(roster_rotation_holds_day(rotation, 3, day, origin));
}

/* a week's days are those within the roster; a team with no rule holds none */
static void
test_week_text(void)
{
	g_autoptr(RosterRotation) rotation =
	    rotation_from("{\"team_rotation\":{\"rules\":[{\"team_id\":3,\"weekdays\":[1,4]}]}}");
	g_autoptr(GDate) week = g_date_new_dmy(30, G_DATE_NOVEMBER, 2026);
	g_autoptr(GDate) first = g_date_new_dmy(1, G_DATE_DECEMBER, 2026);
	g_autoptr(GDate) last = g_date_new_dmy(31, G_DATE_DECEMBER, 2026);
	g_autofree gchar *clipped =
	    roster_rotation_dup_week_text(rotation, 3, week, first, first, last);
	g_autofree gchar *whole = NULL;
	g_autofree gchar *other = NULL;
	g_autofree gchar *other_words = roster_rotation_dup_rule_text(rotation, 9);

	g_assert_cmpstr(clipped, ==, "Thu");
	g_date_add_days(week, 7);
	whole = roster_rotation_dup_week_text(rotation, 3, week, first, first, last);
	g_assert_cmpstr(whole, ==, "Mon, Thu");
	other = roster_rotation_dup_week_text(rotation, 9, week, first, first, last);
	g_assert_cmpstr(other, ==, "No day held");
	g_assert_cmpstr(other_words, ==, "Not in this roster's rotation: the team holds no days");
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/rotation-words/weekdays", test_weekdays);
	g_test_add_func("/roster/rotation-words/cycle", test_cycle);
	g_test_add_func("/roster/rotation-words/week-text", test_week_text);
	return g_test_run();
}
