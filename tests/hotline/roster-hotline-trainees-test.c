/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-check.h"
#include "roster-hotline-model.h"
#include "roster-solver-search.h"

/*
 * Trainee places in the hotline model: a shift type of their own beside the seats of
 * a (slot, seat class), for trainees only, taken only beside a senior or expert of
 * the same mode, and never a gap of the line.
 */

/* two days of one on-site seat 08:00-11:00 with a trainee place; the senior is away
 * on the second day, when a counsellor takes the seat */
static RosterHotline *
make_hotline(void)
{
	g_autoptr(GDate) date = g_date_new_dmy(7, G_DATE_DECEMBER, 2026);
	RosterHotline *h = roster_hotline_new(g_date_get_julian(date), 2);
	RosterHotlineSeatClass *c = roster_hotline_add_seat_class(h, 1, "onsite");
	RosterHotlineVolunteer *v;
	RosterHotlineAvailability *a;

	c->trainee_places = 1;
	roster_hotline_add_demand(h, 1, 480, 660, 1);
	v = roster_hotline_add_volunteer(h, 1, "senior");
	v->tier = ROSTER_HOTLINE_TIER_SENIOR;
	v = roster_hotline_add_volunteer(h, 2, "counsellor");
	v->max_shifts_month = 1;
	v = roster_hotline_add_volunteer(h, 3, "trainee");
	v->tier = ROSTER_HOTLINE_TIER_TRAINEE;
	v->min_shifts_month = 2;
	a = roster_hotline_add_availability(h, 1, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	a->date = h->first_day + 1;
	return h;
}

/* the trainee sits beside the senior on the first day, in the place numbered after the
 * seat, and stays home on the second, commitment or not: the counsellor there is no
 * mentor */
static void
test_trainees_paired(void)
{
	g_autoptr(RosterHotline) h = make_hotline();
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverResult) result = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(GError) error = NULL;
	RosterSolverOptions options;
	gint place;
	guint trainee_shifts = 0;

	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	place = roster_hotline_model_trainee_type(model, 0, 0);
	g_assert_cmpint(place, >=, 0);
	g_assert_true(roster_hotline_model_type_is_trainee(model, place));
	/* only the trainee may take the place, and the trainee no seat */
	g_assert_false(roster_hotline_model_may_take(model, 0, place));
	g_assert_false(roster_hotline_model_may_take(model, 1, place));
	g_assert_true(roster_hotline_model_may_take(model, 2, place));
	g_assert_false(
	    roster_hotline_model_may_take(model, 2, roster_hotline_model_shift_type(model, 0, 0)));

	roster_solver_options_init(&options);
	options.time_limit = 1.0;
	options.n_threads = 1;
	options.seed = 1;
	result = roster_solver_solve(model->solver, &options, &error);
	g_assert_no_error(error);
	g_assert_true(result->feasible);
	g_assert_cmpint(roster_solver_roster_get(result->roster, 2, 0), ==, place);
	g_assert_cmpint(roster_solver_roster_get(result->roster, 2, 1), ==, ROSTER_SOLVER_OFF);
	assignments = roster_hotline_model_to_assignments(model, result->roster);
	for (guint i = 0; i < assignments->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		if (a->volunteer_id != 3)
			continue;
		trainee_shifts++;
		g_assert_cmpuint(a->seat_no, ==, 2);
		g_assert_true(roster_hotline_model_is_trainee_place(model, a));
	}
	g_assert_cmpuint(trainee_shifts, ==, 1);
}

/* a trainee place nobody takes is no uncovered seat, and a trainee in it fills none */
static void
test_trainees_no_gap(void)
{
	g_autoptr(RosterHotline) h = make_hotline();
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(GError) error = NULL;
	guint required = 0;
	guint uncovered = 0;
	guint uncovered_crisis = 0;

	model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(roster_hotline_model_get_trainee_places(model, 0, 0, 0), ==, 1);
	/* a slot without seats offers no place */
	g_assert_cmpuint(roster_hotline_model_get_trainee_places(model, 0, 1, 0), ==, 0);
	roster = roster_solver_roster_new(3, 2);
	roster_solver_roster_set(roster, 0, 0, roster_hotline_model_shift_type(model, 0, 0));
	roster_solver_roster_set(roster, 1, 1, roster_hotline_model_shift_type(model, 0, 0));
	roster_hotline_count_uncovered(model, roster, &required, &uncovered, &uncovered_crisis);
	g_assert_cmpuint(required, ==, 2);
	g_assert_cmpuint(uncovered, ==, 0);
	/* the counsellor off, the trainee in the place on day 1: the seat is a gap */
	roster_solver_roster_set(roster, 1, 1, ROSTER_SOLVER_OFF);
	roster_solver_roster_set(roster, 2, 1, roster_hotline_model_trainee_type(model, 0, 0));
	roster_hotline_count_uncovered(model, roster, &required, &uncovered, &uncovered_crisis);
	g_assert_cmpuint(uncovered, ==, 1);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/hotline/trainees/paired", test_trainees_paired);
	g_test_add_func("/hotline/trainees/no-gap", test_trainees_no_gap);
	return g_test_run();
}
