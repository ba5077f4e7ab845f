/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-error.h"
#include "roster-hotline-model-private.h"

/* assignments and solver rosters of the mapped hotline, each way: where an assignment
 * sits in the model, and the seats numbered per cell of a roster */

/* finds (person, day, type) of an assignment; FALSE when it is outside the model */
gboolean
roster_hotline_model_locate(const RosterHotlineModel *self,
			    const RosterHotlineAssignment *a,
			    guint *p,
			    guint *d,
			    guint *s)
{
	gint person = roster_hotline_model_find_person(self, a->volunteer_id);
	gint slot = roster_hotline_model_find_slot(self, a->slot_start);
	gint c = roster_hotline_model_find_class(self, a->seat_class_id);
	gint type;

	if (person < 0 || slot < 0 || c < 0 || a->date < self->hotline->first_day ||
	    a->date >= self->hotline->first_day + self->hotline->n_days)
		return FALSE;
	type = roster_hotline_model_seat_type(self,
					      (guint)person,
					      a->date - self->hotline->first_day,
					      (guint)slot,
					      (guint)c,
					      a->seat_no);
	if (type < 0)
		return FALSE;
	*p = (guint)person;
	*d = a->date - self->hotline->first_day;
	*s = (guint)type;
	return TRUE;
}

/**
 * roster_hotline_model_is_trainee_place:
 * @self: a model
 * @assignment: an assignment of the period
 *
 * Tells a trainee place from a seat as roster_hotline_model_seat_type() does; a model
 * without volunteers (the coverage report's) goes by the seat number alone.
 *
 * Returns: whether the assignment holds a trainee place rather than a seat
 */
gboolean
roster_hotline_model_is_trainee_place(const RosterHotlineModel *self,
				      const RosterHotlineAssignment *assignment)
{
	const RosterHotline *h = self->hotline;
	gint slot = roster_hotline_model_find_slot(self, assignment->slot_start);
	gint c = roster_hotline_model_find_class(self, assignment->seat_class_id);
	gint person = roster_hotline_model_find_person(self, assignment->volunteer_id);
	guint day;

	if (slot < 0 || c < 0 || assignment->date < h->first_day ||
	    assignment->date >= h->first_day + h->n_days)
		return FALSE;
	day = assignment->date - h->first_day;
	if (person >= 0)
		return roster_hotline_model_type_is_trainee(
		    self,
		    roster_hotline_model_seat_type(self,
						   (guint)person,
						   day,
						   (guint)slot,
						   (guint)c,
						   assignment->seat_no));
	return roster_hotline_model_trainee_type(self, (guint)slot, (guint)c) >= 0 &&
	       assignment->seat_no >
		   roster_hotline_model_get_requirement(self, day, (guint)slot, (guint)c);
}

RosterSolverRoster *
roster_hotline_model_place(const RosterHotlineModel *self,
			   GPtrArray *assignments,
			   gboolean strict,
			   GError **error)
{
	g_autoptr(RosterSolverRoster) roster =
	    roster_solver_roster_new(roster_solver_model_get_n_people(self->solver),
				     self->hotline->n_days);

	for (guint i = 0; i < assignments->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		guint p;
		guint d;
		guint s;
		if (!roster_hotline_model_locate(self, a, &p, &d, &s)) {
			if (!strict)
				continue;
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "assignment of volunteer %" G_GINT64_FORMAT
				    " is outside the period, the slots or the seat classes",
				    a->volunteer_id);
			return NULL;
		}
		if (roster_solver_roster_get(roster, p, d) >= 0 && strict) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "volunteer %" G_GINT64_FORMAT " has two shifts on one day",
				    a->volunteer_id);
			return NULL;
		}
		roster_solver_roster_set(roster, p, d, (gint)s);
	}
	return g_steal_pointer(&roster);
}

/* the (slot, seat class) pairs that assignments hold */
void
roster_hotline_model_mark_needed(const RosterHotlineModel *self,
				 GPtrArray *assignments,
				 gboolean *needed)
{
	for (guint i = 0; i < assignments->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		gint slot = roster_hotline_model_find_slot(self, a->slot_start);
		gint c = roster_hotline_model_find_class(self, a->seat_class_id);
		if (slot >= 0 && c >= 0)
			needed[(guint)slot * self->n_classes + (guint)c] = TRUE;
	}
}

static gboolean
is_pinned(const RosterHotlineModel *self, guint p, guint d, guint s, guint *seat_no)
{
	for (guint i = 0; i < self->hotline->pinned->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(self->hotline->pinned, i);
		guint pp;
		guint dd;
		guint ss;
		if (roster_hotline_model_locate(self, a, &pp, &dd, &ss) && pp == p && dd == d &&
		    ss == s) {
			*seat_no = a->seat_no;
			return TRUE;
		}
	}
	return FALSE;
}

static gboolean
seat_taken(GPtrArray *cell, guint seat_no)
{
	for (guint j = 0; cell != NULL && j < cell->len; j++) {
		const RosterHotlineAssignment *b = g_ptr_array_index(cell, j);
		if (b->seat_no == seat_no)
			return TRUE;
	}
	return FALSE;
}

/* numbers the unpinned assignments of one (day, shift type) with the lowest numbers
 * free in its (slot, seat class): the seats from 1, the trainee places after the
 * seats of the slot and after every number a seat holds */
static void
number_cell(const RosterHotlineModel *self, GPtrArray **cells, guint d, guint s)
{
	guint kind = self->type_kind[s];
	gint seat_type = self->kind_type[kind];
	gint place_type = self->kind_trainee_type[kind];
	GPtrArray *seats = seat_type >= 0 ? cells[seat_type] : NULL;
	GPtrArray *places = place_type >= 0 ? cells[place_type] : NULL;
	GPtrArray *cell = cells[s];
	guint next = 1;

	if (cell == NULL)
		return;
	if (roster_hotline_model_type_is_trainee(self, (gint)s)) {
		next = roster_hotline_model_get_requirement(self,
							    d,
							    kind / self->n_classes,
							    kind % self->n_classes) +
		       1;
		for (guint j = 0; seats != NULL && j < seats->len; j++) {
			const RosterHotlineAssignment *b = g_ptr_array_index(seats, j);
			next = MAX(next, b->seat_no + 1);
		}
	}
	for (guint i = 0; i < cell->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(cell, i);
		if (a->seat_no != 0)
			continue;
		while (seat_taken(seats, next) || seat_taken(places, next))
			next++;
		a->seat_no = next++;
	}
}

/**
 * roster_hotline_model_to_assignments:
 * @self: a model
 * @roster: a roster of its solver model
 *
 * Pinned assignments keep their seat numbers, the others take the lowest free ones;
 * trainee places are numbered after the seats of their slot and seat class.
 *
 * Returns: (transfer full) (element-type RosterHotlineAssignment): the assignments
 */
GPtrArray *
roster_hotline_model_to_assignments(const RosterHotlineModel *self,
				    const RosterSolverRoster *roster)
{
	const RosterHotline *h = self->hotline;
	GPtrArray *result = g_ptr_array_new_with_free_func(g_free);
	guint T = self->n_types;
	g_autofree GPtrArray **cells = g_new0(GPtrArray *, T + 1);

	for (guint d = 0; d < h->n_days; d++) {
		for (guint s = 0; s < T; s++)
			cells[s] = NULL;
		for (guint p = 0; p < roster->n_people; p++) {
			gint s = roster_solver_roster_get(roster, p, d);
			RosterHotlineAssignment *a;
			const RosterHotlineVolunteer *v;
			guint seat = 0;
			if (s < 0)
				continue;
			v = g_ptr_array_index(h->volunteers, self->person_volunteer[p]);
			a = roster_hotline_assignment_new();
			a->date = h->first_day + d;
			a->slot_start = roster_hotline_model_slot_start(
			    self,
			    roster_hotline_model_type_slot(self, s));
			a->seat_class_id = ((RosterHotlineSeatClass *)g_ptr_array_index(
						h->seat_classes,
						roster_hotline_model_type_class(self, s)))
					       ->id;
			a->volunteer_id = v->id;
			a->pinned = is_pinned(self, p, d, (guint)s, &seat);
			a->seat_no = a->pinned ? seat : 0;
			if (cells[s] == NULL)
				cells[s] = g_ptr_array_new();
			g_ptr_array_add(cells[s], a);
			g_ptr_array_add(result, a);
		}
		/* number the unpinned seats around the pinned ones, the seats before the
		 * trainee places (the trainee types come after every seat type) */
		for (guint s = 0; s < T; s++)
			number_cell(self, cells, d, s);
		for (guint s = 0; s < T; s++)
			g_clear_pointer(&cells[s], g_ptr_array_unref);
	}
	return result;
}

/**
 * roster_hotline_model_from_assignments:
 * @self: a model
 * @assignments: (element-type RosterHotlineAssignment): assignments of the period
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the solver roster, or %NULL when an assignment lies
 * outside the model or a volunteer has two on one day
 */
RosterSolverRoster *
roster_hotline_model_from_assignments(const RosterHotlineModel *self,
				      GPtrArray *assignments,
				      GError **error)
{
	return roster_hotline_model_place(self, assignments, TRUE, error);
}
