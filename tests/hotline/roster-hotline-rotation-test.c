/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-model.h"
#include "roster-hotline-test-common.h"

/* the team rotation in the hotline model: which cells a rule binds to a team, and how
 * the solver sees a volunteer outside them */

/* a hotline of four weeks from Monday 2027-01-04 with a night seat and three
 * volunteers: team 10, team 20 and no team; team 10 holds the 23:00 slot in week 1 of a
 * 2-week cycle and all of Sunday, team 20 the 23:00 slot in week 2 */
static RosterHotline *
rotation_hotline(guint32 cycle_start, RosterHotlineRotationMode mode)
{
	RosterHotline *h = roster_hotline_new(julian_of(2027, 1, 4), 28);
	RosterHotlineTeamRule *r;

	roster_hotline_add_seat_class(h, 1, "phone");
	roster_hotline_add_demand(h, 1, hhmm(23, 0), hhmm(8, 0), 1);
	roster_hotline_add_volunteer(h, 1, "A")->team_id = 10;
	roster_hotline_add_volunteer(h, 2, "B")->team_id = 20;
	roster_hotline_add_volunteer(h, 3, "free");
	h->rotation.mode = mode;
	h->rotation.weight = 7;
	h->rotation.cycle_start = cycle_start;
	r = roster_hotline_add_team_rule(h, 10);
	r->cycle_weeks = 2;
	r->cycle_week = 1;
	roster_hotline_team_rule_add_slot(r, hhmm(23, 0));
	r = roster_hotline_add_team_rule(h, 20);
	r->cycle_weeks = 2;
	r->cycle_week = 2;
	roster_hotline_team_rule_add_slot(r, hhmm(23, 0));
	r = roster_hotline_add_team_rule(h, 10);
	r->weekdays = 1u << 7;
	return h;
}

static gboolean
outside(const RosterHotlineModel *model, gint64 volunteer, guint day, guint hours)
{
	gint slot = roster_hotline_model_find_slot(model, hhmm(hours, 0));
	g_assert_cmpint(slot, >=, 0);
	return roster_hotline_model_is_outside_team_rotation(
	    model,
	    (guint)roster_hotline_model_find_person(model, volunteer),
	    day,
	    (guint)slot);
}

/* the cycle counts whole weeks from its start, before or after the period alike: a
 * start a week before or a week after the period's Monday both make that week the
 * cycle's second; a cell two rules bind takes both teams, and other cells are open */
static void
test_team_rotation_cells(void)
{
	const guint32 starts[] = {julian_of(2026, 12, 28), julian_of(2027, 1, 11)};

	for (guint i = 0; i < G_N_ELEMENTS(starts); i++) {
		g_autoptr(RosterHotline) h =
		    rotation_hotline(starts[i], ROSTER_HOTLINE_ROTATION_HARD);
		g_autoptr(RosterHotlineModel) model = NULL;
		g_autoptr(GError) error = NULL;

		model = roster_hotline_model_new(h, &error);
		g_assert_no_error(error);
		for (guint week = 0; week < 4; week++) {
			/* Monday 23:00: team 20 in the cycle's week 2 (the period's 1 and 3) */
			g_assert_cmpint(outside(model, 1, week * 7, 23), ==, week % 2 == 0);
			g_assert_cmpint(outside(model, 2, week * 7, 23), ==, week % 2 == 1);
			g_assert_false(outside(model, 3, week * 7, 23));
			/* Monday 02:00: no rule binds it */
			g_assert_false(outside(model, 1, week * 7, 2));
			g_assert_false(outside(model, 2, week * 7, 2));
			/* Sunday: team 10's, and at 23:00 also the week's night team's */
			g_assert_false(outside(model, 1, week * 7 + 6, 23));
			g_assert_cmpint(outside(model, 2, week * 7 + 6, 23), ==, week % 2 == 1);
			g_assert_true(outside(model, 2, week * 7 + 6, 2));
		}
	}
}

/* the solver sees a hard rotation as a broken hard rule, a soft one as its weight */
static void
test_team_rotation_solver_model(void)
{
	const RosterHotlineRotationMode modes[] = {ROSTER_HOTLINE_ROTATION_HARD,
						   ROSTER_HOTLINE_ROTATION_SOFT};

	for (guint i = 0; i < G_N_ELEMENTS(modes); i++) {
		g_autoptr(RosterHotline) h = rotation_hotline(julian_of(2027, 1, 4), modes[i]);
		g_autoptr(RosterHotlineModel) model = NULL;
		g_autoptr(RosterSolverRoster) roster = NULL;
		g_autoptr(RosterSolverEvaluation) inside = NULL;
		g_autoptr(RosterSolverEvaluation) ev = NULL;
		g_autoptr(GError) error = NULL;
		gint type;

		model = roster_hotline_model_new(h, &error);
		g_assert_no_error(error);
		type = roster_hotline_model_shift_type(
		    model,
		    (guint)roster_hotline_model_find_slot(model, hhmm(23, 0)),
		    0);
		g_assert_cmpint(type, >=, 0);
		roster = roster_solver_roster_new(3, 28);
		/* team 10 on its own Monday night of the cycle's week 1 */
		roster_solver_roster_set(roster,
					 (guint)roster_hotline_model_find_person(model, 1),
					 0,
					 type);
		inside = roster_solver_evaluate(model->solver, roster);
		/* team 20 on team 10's Monday night */
		roster_solver_roster_set(roster,
					 (guint)roster_hotline_model_find_person(model, 2),
					 0,
					 type);
		ev = roster_solver_evaluate(model->solver, roster);
		if (modes[i] == ROSTER_HOTLINE_ROTATION_HARD) {
			g_assert_cmpuint(inside->n_violations, ==, 0);
			g_assert_cmpuint(ev->n_violations, ==, 1);
		} else {
			g_assert_cmpuint(ev->n_violations, ==, 0);
			g_assert_cmpint(ev->request_penalty - inside->request_penalty, ==, 7);
		}
	}
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/hotline/rotation/cells", test_team_rotation_cells);
	g_test_add_func("/hotline/rotation/solver-model", test_team_rotation_solver_model);
	return g_test_run();
}
