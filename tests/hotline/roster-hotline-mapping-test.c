/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-error.h"
#include "roster-hotline-model.h"
#include "roster-hotline-test-common.h"
#include "roster-solver-model-private.h"

/*
 * The mapping of a hotline to the solver model, read directly: a small week in memory
 * (phone seats with trainee places, a Saturday evening chat seat, a crisis seat at
 * noon; five volunteers of every tier and mode), mapped, and the solver model's
 * shift types, cover, eligibility and availability checked cell by cell; then a
 * roster mapped back to assignments.
 */

enum { PHONE, CHAT, CRISIS };
enum { ANN, BOB, CAT, DAN, EVE };

/* the slots from 08:00 in 3-hour steps */
static const gint slot_starts[] = {480, 660, 840, 1020, 1200, 1380, 120, 300};

static void
set_skills(gchar ***skills, const gchar *skill)
{
	g_strfreev(*skills);
	*skills = g_new0(gchar *, 2);
	(*skills)[0] = g_strdup(skill);
}

/* the week from Monday 2027-01-04 */
static RosterHotline *
week_hotline(void)
{
	RosterHotline *h = roster_hotline_new(julian_of(2027, 1, 4), 7);
	RosterHotlineSeatClass *c;
	RosterHotlineDemand *r;
	RosterHotlineVolunteer *v;
	RosterHotlineAvailability *a;

	c = roster_hotline_add_seat_class(h, 10, "phone");
	c->cloud = FALSE;
	c->trainee_places = 1;
	c = roster_hotline_add_seat_class(h, 20, "chat");
	c->cloud = TRUE;
	set_skills(&c->skills, "chat");
	c = roster_hotline_add_seat_class(h, 30, "crisis");
	c->cloud = FALSE;
	c->crisis = TRUE;
	c->min_tier = ROSTER_HOTLINE_TIER_SENIOR;

	/* two phone seats by day, the chat on Saturday evening into the night, one
	 * crisis seat at noon */
	roster_hotline_add_demand(h, 10, hhmm(8, 0), hhmm(20, 0), 2);
	r = roster_hotline_add_demand(h, 20, hhmm(20, 0), hhmm(2, 0), 1);
	r->weekdays = 1u << G_DATE_SATURDAY;
	roster_hotline_add_demand(h, 30, hhmm(11, 0), hhmm(14, 0), 1);

	v = roster_hotline_add_volunteer(h, 1, "Ann");
	v->tier = ROSTER_HOTLINE_TIER_SENIOR;
	set_skills(&v->skills, "chat");
	v = roster_hotline_add_volunteer(h, 2, "Bob");
	v->cloud = FALSE;
	v = roster_hotline_add_volunteer(h, 3, "Cat");
	v->tier = ROSTER_HOTLINE_TIER_TRAINEE;
	v->cloud = FALSE;
	v = roster_hotline_add_volunteer(h, 4, "Dan");
	v->on_site = FALSE;
	set_skills(&v->skills, "chat");
	v = roster_hotline_add_volunteer(h, 5, "Eve");
	v->tier = ROSTER_HOTLINE_TIER_EXPERT;
	v->active = FALSE;

	/* Bob is away all Tuesday, Ann on Wednesday 11:00-14:00 */
	a = roster_hotline_add_availability(h, 2, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	a->date = julian_of(2027, 1, 5);
	a = roster_hotline_add_availability(h, 1, ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	a->date = julian_of(2027, 1, 6);
	a->start = hhmm(11, 0);
	a->end = hhmm(14, 0);
	return h;
}

static RosterHotlineModel *
map(const RosterHotline *h)
{
	g_autoptr(GError) error = NULL;
	RosterHotlineModel *model = roster_hotline_model_new(h, &error);
	g_assert_no_error(error);
	g_assert_nonnull(model);
	return model;
}

/* a shift type per (slot, seat class), then one per slot of a class with trainee
 * places, each named by its start and class and mapped back to both */
static void
test_mapping_shift_types(void)
{
	g_autoptr(RosterHotline) h = week_hotline();
	g_autoptr(RosterHotlineModel) model = map(h);
	const RosterSolverModel *m = model->solver;

	g_assert_cmpuint(model->n_slots, ==, G_N_ELEMENTS(slot_starts));
	g_assert_cmpuint(model->n_classes, ==, 3);
	g_assert_cmpuint(roster_solver_model_get_n_days(m), ==, 7);
	g_assert_cmpuint(roster_solver_model_get_n_people(m), ==, 5);
	g_assert_cmpuint(model->n_types, ==, 8 * 3 + 8);
	g_assert_cmpuint(roster_solver_model_get_n_shift_types(m), ==, model->n_types);
	for (guint k = 0; k < model->n_slots; k++) {
		g_assert_cmpint(roster_hotline_model_slot_start(model, k), ==, slot_starts[k]);
		g_assert_cmpint(roster_hotline_model_find_slot(model, slot_starts[k]), ==, k);
		for (guint c = 0; c < model->n_classes; c++) {
			gint s = roster_hotline_model_shift_type(model, k, c);
			gint t = roster_hotline_model_trainee_type(model, k, c);
			g_assert_cmpint(s, >=, 0);
			g_assert_cmpuint(roster_hotline_model_type_slot(model, s), ==, k);
			g_assert_cmpuint(roster_hotline_model_type_class(model, s), ==, c);
			g_assert_false(roster_hotline_model_type_is_trainee(model, s));
			if (c != PHONE) {
				g_assert_cmpint(t, ==, -1);
				continue;
			}
			g_assert_cmpint(t, >=, 0);
			g_assert_true(roster_hotline_model_type_is_trainee(model, t));
			g_assert_cmpuint(roster_hotline_model_type_slot(model, t), ==, k);
			g_assert_cmpuint(roster_hotline_model_type_class(model, t), ==, c);
		}
	}
	g_assert_cmpstr(roster_solver_model_get_shift_type_id(
			    m,
			    (guint)roster_hotline_model_shift_type(model, 0, PHONE)),
			==,
			"08:00 phone");
	g_assert_cmpstr(roster_solver_model_get_shift_type_id(
			    m,
			    (guint)roster_hotline_model_trainee_type(model, 5, PHONE)),
			==,
			"23:00 phone trainee");
	g_assert_cmpint(roster_hotline_model_find_slot(model, hhmm(9, 0)), ==, -1);
	g_assert_cmpint(roster_hotline_model_find_class(model, 20), ==, CHAT);
	g_assert_cmpint(roster_hotline_model_find_class(model, 99), ==, -1);
	g_assert_cmpint(roster_hotline_model_find_person(model, 4), ==, DAN);
}

/* the seats each rule asks of a cell, and the solver's cover of that cell alike; the
 * trainee places beside the phone seats only where there are seats */
static void
test_mapping_demand(void)
{
	g_autoptr(RosterHotline) h = week_hotline();
	g_autoptr(RosterHotlineModel) model = map(h);
	const RosterSolverModel *m = model->solver;

	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < model->n_slots; k++) {
			/* 08:00 to 20:00 is the slots from 08, 11, 14 and 17 */
			guint phone = k <= 3 ? 2 : 0;
			/* Saturday (day 5) 20:00-02:00: the slots from 20 and 23 */
			guint chat = d == 5 && (k == 4 || k == 5) ? 1 : 0;
			guint crisis = k == 1 ? 1 : 0;
			const guint want[] = {phone, chat, crisis};
			gint place = roster_hotline_model_trainee_type(model, k, PHONE);
			for (guint c = 0; c < 3; c++) {
				gint s = roster_hotline_model_shift_type(model, k, c);
				g_assert_cmpuint(
				    roster_hotline_model_get_requirement(model, d, k, c),
				    ==,
				    want[c]);
				g_assert_cmpuint(m->cover_req[d * m->n_types + (guint)s],
						 ==,
						 want[c]);
			}
			g_assert_cmpuint(
			    roster_hotline_model_get_trainee_places(model, d, k, PHONE),
			    ==,
			    phone > 0 ? 1 : 0);
			g_assert_cmpuint(m->cover_req[d * m->n_types + (guint)place],
					 ==,
					 phone > 0 ? 1 : 0);
		}
	}
}

/* who may sit where: tier (a higher tier takes a lower seat), mode, skills, active;
 * a trainee only on a trainee place; the solver caps every other type at 0 shifts */
static void
test_mapping_eligibility(void)
{
	g_autoptr(RosterHotline) h = week_hotline();
	g_autoptr(RosterHotlineModel) model = map(h);
	const RosterSolverModel *m = model->solver;
	/* [person][class]: Ann senior of both modes with the chat skill, Bob an on-site
	 * counsellor, Cat an on-site trainee, Dan a chat counsellor from home, Eve an
	 * inactive expert */
	const gboolean eligible[5][3] = {
	    {TRUE, TRUE, TRUE},
	    {TRUE, FALSE, FALSE},
	    {FALSE, FALSE, FALSE},
	    {FALSE, TRUE, FALSE},
	    {FALSE, FALSE, FALSE},
	};
	const gboolean trainee[5] = {FALSE, FALSE, TRUE, FALSE, FALSE};

	for (guint p = 0; p < 5; p++) {
		for (guint c = 0; c < 3; c++) {
			g_assert_cmpint(roster_hotline_model_is_eligible(model, p, c),
					==,
					eligible[p][c]);
			g_assert_cmpint(roster_hotline_model_is_trainee_eligible(model, p, c),
					==,
					trainee[p] && c == PHONE);
		}
		for (guint s = 0; s < model->n_types; s++) {
			guint c = roster_hotline_model_type_class(model, (gint)s);
			gboolean may = roster_hotline_model_type_is_trainee(model, (gint)s)
					   ? trainee[p]
					   : eligible[p][c];
			g_assert_cmpint(roster_hotline_model_may_take(model, p, (gint)s), ==, may);
			g_assert_cmpuint(roster_solver_model_max_shifts(m, p, s) > 0, ==, may);
		}
	}
}

/* availability: a whole day away is a day off, a window only the slots it covers */
static void
test_mapping_availability(void)
{
	g_autoptr(RosterHotline) h = week_hotline();
	g_autoptr(RosterHotlineModel) model = map(h);
	const RosterSolverModel *m = model->solver;

	for (guint d = 0; d < 7; d++) {
		g_assert_cmpint(m->day_off[BOB * 7 + d], ==, d == 1);
		g_assert_false(m->day_off[ANN * 7 + d]);
		for (guint k = 0; k < model->n_slots; k++) {
			g_assert_cmpint(roster_hotline_model_is_unavailable(model, BOB, d, k),
					==,
					d == 1);
			g_assert_cmpint(roster_hotline_model_is_unavailable(model, ANN, d, k),
					==,
					d == 2 && k == 1);
		}
	}
}

/* the manned hours limit the demand: Monday 08:00-14:00 only, so the phone's
 * afternoon and every other day need nobody */
static void
test_mapping_manned_windows(void)
{
	g_autoptr(RosterHotline) h = week_hotline();
	g_autoptr(RosterHotlineModel) model = NULL;
	RosterHotlineWindow w = {G_DATE_MONDAY, hhmm(8, 0), hhmm(14, 0)};

	g_array_append_val(h->windows, w);
	model = map(h);
	for (guint d = 0; d < 7; d++) {
		for (guint k = 0; k < model->n_slots; k++) {
			guint want = d == 0 && k <= 1 ? 2 : 0;
			g_assert_cmpuint(roster_hotline_model_get_requirement(model, d, k, PHONE),
					 ==,
					 want);
		}
	}
}

static RosterHotlineAssignment *
assignment(gint64 volunteer_id, guint32 date, gint slot_start, gint64 seat_class_id, guint seat)
{
	RosterHotlineAssignment *a = roster_hotline_assignment_new();
	a->volunteer_id = volunteer_id;
	a->date = date;
	a->slot_start = slot_start;
	a->seat_class_id = seat_class_id;
	a->seat_no = seat;
	return a;
}

static const RosterHotlineAssignment *
find_assignment(GPtrArray *assignments, gint64 volunteer_id)
{
	for (guint i = 0; i < assignments->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		if (a->volunteer_id == volunteer_id)
			return a;
	}
	return NULL;
}

/* assignments become a solver roster and come back the same, the trainee on the
 * phone's trainee place beyond its seats */
static void
test_mapping_roundtrip(void)
{
	g_autoptr(RosterHotline) h = week_hotline();
	g_autoptr(RosterHotlineModel) model = map(h);
	g_autoptr(GPtrArray) in = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) out = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(GError) error = NULL;
	guint32 monday = h->first_day;

	g_ptr_array_add(in, assignment(1, monday, hhmm(8, 0), 10, 1));
	g_ptr_array_add(in, assignment(2, monday, hhmm(8, 0), 10, 2));
	g_ptr_array_add(in, assignment(3, monday, hhmm(8, 0), 10, 3));
	g_ptr_array_add(in, assignment(4, monday + 5, hhmm(20, 0), 20, 1));
	roster = roster_hotline_model_from_assignments(model, in, &error);
	g_assert_no_error(error);
	g_assert_cmpint(roster_solver_roster_get(roster, ANN, 0),
			==,
			roster_hotline_model_shift_type(model, 0, PHONE));
	g_assert_cmpint(roster_solver_roster_get(roster, BOB, 0),
			==,
			roster_hotline_model_shift_type(model, 0, PHONE));
	g_assert_cmpint(roster_solver_roster_get(roster, CAT, 0),
			==,
			roster_hotline_model_trainee_type(model, 0, PHONE));
	g_assert_cmpint(roster_solver_roster_get(roster, DAN, 5),
			==,
			roster_hotline_model_shift_type(model, 4, CHAT));
	g_assert_cmpint(roster_solver_roster_get(roster, EVE, 0), ==, -1);
	g_assert_cmpint(roster_solver_roster_get(roster, DAN, 0), ==, -1);

	out = roster_hotline_model_to_assignments(model, roster);
	g_assert_cmpuint(out->len, ==, in->len);
	for (guint i = 0; i < in->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(in, i);
		const RosterHotlineAssignment *b = find_assignment(out, a->volunteer_id);
		g_assert_nonnull(b);
		g_assert_cmpuint(b->date, ==, a->date);
		g_assert_cmpint(b->slot_start, ==, a->slot_start);
		g_assert_cmpint(b->seat_class_id, ==, a->seat_class_id);
		g_assert_cmpuint(b->seat_no, ==, a->seat_no);
		g_assert_cmpint(roster_hotline_model_is_trainee_place(model, b),
				==,
				a->volunteer_id == 3);
	}
}

/* an assignment the model cannot place, or a second shift on one day, is refused */
static void
test_mapping_roundtrip_refused(void)
{
	g_autoptr(RosterHotline) h = week_hotline();
	g_autoptr(RosterHotlineModel) model = map(h);
	g_autoptr(GPtrArray) outside = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) twice = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(GError) error = NULL;

	g_ptr_array_add(outside, assignment(1, h->first_day + 7, hhmm(8, 0), 10, 1));
	roster = roster_hotline_model_from_assignments(model, outside, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(roster);
	g_clear_error(&error);

	g_ptr_array_add(twice, assignment(1, h->first_day, hhmm(8, 0), 10, 1));
	g_ptr_array_add(twice, assignment(1, h->first_day, hhmm(11, 0), 30, 1));
	roster = roster_hotline_model_from_assignments(model, twice, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
	g_assert_null(roster);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/hotline/mapping/shift-types", test_mapping_shift_types);
	g_test_add_func("/hotline/mapping/demand", test_mapping_demand);
	g_test_add_func("/hotline/mapping/eligibility", test_mapping_eligibility);
	g_test_add_func("/hotline/mapping/availability", test_mapping_availability);
	g_test_add_func("/hotline/mapping/manned-windows", test_mapping_manned_windows);
	g_test_add_func("/hotline/mapping/roundtrip", test_mapping_roundtrip);
	g_test_add_func("/hotline/mapping/roundtrip-refused", test_mapping_roundtrip_refused);
	return g_test_run();
}
