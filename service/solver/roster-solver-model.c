/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-model-private.h"

G_DEFINE_QUARK(roster - solver - error - quark, roster_solver_error)

/**
 * roster_solver_model_new:
 * @n_days: the horizon; day 0 is a Monday
 *
 * Creates an empty model. Add every shift type first, then every person, then the
 * limits, days off, cover and requests.
 *
 * Returns: (transfer full): a new model
 */
RosterSolverModel *
roster_solver_model_new(guint n_days)
{
	RosterSolverModel *self = g_new0(RosterSolverModel, 1);
	g_return_val_if_fail(n_days > 0, NULL);
	self->n_days = n_days;
	self->type_ids = g_ptr_array_new_with_free_func(g_free);
	self->type_start = g_array_new(FALSE, TRUE, sizeof(guint));
	self->type_length = g_array_new(FALSE, TRUE, sizeof(guint));
	self->forbid = g_byte_array_new();
	self->person_ids = g_ptr_array_new_with_free_func(g_free);
	self->people = g_array_new(FALSE, TRUE, sizeof(RosterSolverPerson));
	self->max_shifts = g_array_new(FALSE, TRUE, sizeof(guint));
	return self;
}

/**
 * roster_solver_hotline_free:
 * @self: (nullable): the extras
 *
 * Frees the hotline extras of a model (roster-solver-model-hotline.c sets them).
 */
void
roster_solver_hotline_free(RosterSolverHotline *self)
{
	if (self == NULL)
		return;
	g_free(self->forbid_cell);
	g_free(self->fixed);
	g_free(self->day_week);
	g_free(self->week_max_minutes);
	g_free(self->type_pair_group);
	g_free(self->pair_role);
	g_free(self->type_night);
	g_free(self->day_weekend);
	g_free(self->min_shifts);
	g_free(self->max_nights);
	g_free(self);
}

/**
 * roster_solver_model_free:
 * @self: a model
 *
 * Frees the model.
 */
void
roster_solver_model_free(RosterSolverModel *self)
{
	if (self == NULL)
		return;
	g_ptr_array_unref(self->type_ids);
	g_array_unref(self->type_start);
	g_array_unref(self->type_length);
	g_byte_array_unref(self->forbid);
	g_ptr_array_unref(self->person_ids);
	g_array_unref(self->people);
	g_array_unref(self->max_shifts);
	g_free(self->day_off);
	g_free(self->cover_req);
	g_free(self->cover_under);
	g_free(self->cover_over);
	g_free(self->cover_min);
	g_free(self->cover_min_weight);
	g_free(self->cover_spread);
	g_free(self->req_on_type);
	g_free(self->req_on_weight);
	g_free(self->req_off_weight);
	g_free(self->unary);
	roster_solver_hotline_free(self->hotline);
	g_free(self);
}

/**
 * roster_solver_model_add_shift_type:
 * @self: a model
 * @id: the shift type's name
 * @start_minute: minutes after midnight
 * @length_minutes: the length counted against the minute limits
 *
 * Adds a shift type; all are added before the first person.
 *
 * Returns: the index of the new shift type
 */
guint
roster_solver_model_add_shift_type(RosterSolverModel *self,
				   const gchar *id,
				   guint start_minute,
				   guint length_minutes)
{
	guint n;
	g_autoptr(GByteArray) forbid = g_byte_array_new();

	g_return_val_if_fail(self != NULL, 0);
	g_return_val_if_fail(self->n_people == 0 && !self->sealed, 0);
	g_return_val_if_fail(self->n_types < G_MAXINT16, 0);

	/* grow the square succession matrix by one row and one column */
	n = self->n_types + 1;
	g_byte_array_set_size(forbid, n * n);
	memset(forbid->data, 0, n * n);
	for (guint s = 0; s < self->n_types; s++) {
		for (guint t = 0; t < self->n_types; t++)
			forbid->data[s * n + t] = self->forbid->data[s * self->n_types + t];
	}
	g_byte_array_set_size(self->forbid, n * n);
	memcpy(self->forbid->data, forbid->data, n * n);

	g_ptr_array_add(self->type_ids, g_strdup(id));
	g_array_append_val(self->type_start, start_minute);
	g_array_append_val(self->type_length, length_minutes);
	return self->n_types++;
}

/**
 * roster_solver_model_forbid_succession:
 * @self: a model
 * @shift_type: the shift worked on one day
 * @next_type: the shift that may not be worked on the next day
 *
 * Forbids @next_type on the day after @shift_type, for everybody.
 */
void
roster_solver_model_forbid_succession(RosterSolverModel *self, guint shift_type, guint next_type)
{
	g_return_if_fail(self != NULL);
	g_return_if_fail(shift_type < self->n_types && next_type < self->n_types);
	self->forbid->data[shift_type * self->n_types + next_type] = 1;
}

/**
 * roster_solver_model_add_person:
 * @self: a model
 * @id: the person's name
 *
 * Adds a person with no limits: every shift type allowed up to the horizon, any
 * number of minutes, runs of any length and every weekend.
 *
 * Returns: the index of the new person
 */
guint
roster_solver_model_add_person(RosterSolverModel *self, const gchar *id)
{
	RosterSolverPerson person = {
	    .min_minutes = 0,
	    .max_minutes = ROSTER_SOLVER_UNLIMITED,
	    .min_work = 1,
	    .max_work = ROSTER_SOLVER_UNLIMITED,
	    .min_off = 1,
	    .max_weekends = ROSTER_SOLVER_UNLIMITED,
	};

	g_return_val_if_fail(self != NULL, 0);
	g_return_val_if_fail(!self->sealed, 0);
	g_ptr_array_add(self->person_ids, g_strdup(id));
	g_array_append_val(self->people, person);
	for (guint s = 0; s < self->n_types; s++)
		g_array_append_val(self->max_shifts, self->n_days);
	return self->n_people++;
}

static RosterSolverPerson *
person_mut(RosterSolverModel *self, guint person)
{
	return &g_array_index(self->people, RosterSolverPerson, person);
}

/**
 * roster_solver_model_set_max_shifts:
 * @self: a model
 * @person: a person index
 * @shift_type: a shift type index
 * @max_shifts: the most shifts of that type; 0 means never
 *
 * Sets a per-type maximum.
 */
void
roster_solver_model_set_max_shifts(RosterSolverModel *self,
				   guint person,
				   guint shift_type,
				   guint max_shifts)
{
	g_return_if_fail(self != NULL);
	g_return_if_fail(person < self->n_people && shift_type < self->n_types);
	g_array_index(self->max_shifts, guint, person * self->n_types + shift_type) = max_shifts;
}

/**
 * roster_solver_model_set_minutes:
 * @self: a model
 * @person: a person index
 * @min_minutes: the fewest minutes worked over the horizon
 * @max_minutes: the most minutes worked over the horizon
 *
 * Sets the workload limits.
 */
void
roster_solver_model_set_minutes(RosterSolverModel *self,
				guint person,
				guint min_minutes,
				guint max_minutes)
{
	g_return_if_fail(self != NULL && person < self->n_people);
	person_mut(self, person)->min_minutes = min_minutes;
	person_mut(self, person)->max_minutes = max_minutes;
}

/**
 * roster_solver_model_set_consecutive:
 * @self: a model
 * @person: a person index
 * @min_work: the shortest run of working days not touching the horizon's ends
 * @max_work: the longest run of working days
 * @min_off: the shortest run of days off not touching the horizon's ends
 *
 * Sets the run-length limits.
 */
void
roster_solver_model_set_consecutive(RosterSolverModel *self,
				    guint person,
				    guint min_work,
				    guint max_work,
				    guint min_off)
{
	g_return_if_fail(self != NULL && person < self->n_people);
	person_mut(self, person)->min_work = MAX(min_work, 1);
	person_mut(self, person)->max_work = MAX(max_work, 1);
	person_mut(self, person)->min_off = MAX(min_off, 1);
}

/**
 * roster_solver_model_set_max_weekends:
 * @self: a model
 * @person: a person index
 * @max_weekends: the most weekends with a Saturday or Sunday worked
 *
 * Sets the weekend limit.
 */
void
roster_solver_model_set_max_weekends(RosterSolverModel *self, guint person, guint max_weekends)
{
	g_return_if_fail(self != NULL && person < self->n_people);
	person_mut(self, person)->max_weekends = max_weekends;
}

/**
 * roster_solver_model_seal:
 * @self: a model
 *
 * Allocates the per-day arrays; called by the first day-level setter.
 */
void
roster_solver_model_seal(RosterSolverModel *self)
{
	gsize pd = (gsize)self->n_people * self->n_days;
	gsize dt = (gsize)self->n_days * self->n_types;

	if (self->sealed)
		return;
	self->sealed = TRUE;
	self->day_off = g_new0(guint8, pd);
	self->cover_req = g_new0(guint, dt);
	self->cover_under = g_new0(guint, dt);
	self->cover_over = g_new0(guint, dt);
	self->cover_min = g_new0(guint, dt);
	self->cover_min_weight = g_new0(guint, dt);
	self->cover_spread = g_new0(guint8, dt);
	self->req_on_type = g_new(gint16, pd);
	for (gsize i = 0; i < pd; i++)
		self->req_on_type[i] = -1;
	self->req_on_weight = g_new0(guint, pd);
	self->req_off_weight = g_new0(guint, pd * self->n_types);
	self->unary = g_new0(gint, pd * (self->n_types + 1));
}

/**
 * roster_solver_model_add_day_off:
 * @self: a model
 * @person: a person index
 * @day: a day index
 *
 * Fixes a day off.
 */
void
roster_solver_model_add_day_off(RosterSolverModel *self, guint person, guint day)
{
	g_return_if_fail(self != NULL && person < self->n_people && day < self->n_days);
	roster_solver_model_seal(self);
	self->day_off[person * self->n_days + day] = 1;
}

/**
 * roster_solver_model_set_cover:
 * @self: a model
 * @day: a day index
 * @shift_type: a shift type index
 * @requirement: how many people should work it
 * @weight_under: penalty per missing person
 * @weight_over: penalty per extra person
 *
 * Sets the soft cover requirement of one (day, shift type).
 */
void
roster_solver_model_set_cover(RosterSolverModel *self,
			      guint day,
			      guint shift_type,
			      guint requirement,
			      guint weight_under,
			      guint weight_over)
{
	guint idx;
	g_return_if_fail(self != NULL && day < self->n_days && shift_type < self->n_types);
	roster_solver_model_seal(self);
	idx = day * self->n_types + shift_type;
	self->cover_req[idx] = requirement;
	self->cover_under[idx] = weight_under;
	self->cover_over[idx] = weight_over;
}

/**
 * roster_solver_model_set_cover_shortage:
 * @self: a model
 * @day: a day index
 * @shift_type: a shift type index
 * @min_seats: the seats kept before any other is filled (capped at the requirement)
 * @weight_min: penalty per seat below @min_seats (at least the under-cover weight)
 * @spread: %TRUE to make the k-th missing seat above the minimum cost k times the
 *   under-cover weight (at most @weight_min), so that a shortfall spreads over cells
 *
 * Makes the under-cover penalty of one (day, shift type) convex in the shortfall;
 * call after roster_solver_model_set_cover(). A cell left alone stays linear.
 */
void
roster_solver_model_set_cover_shortage(RosterSolverModel *self,
				       guint day,
				       guint shift_type,
				       guint min_seats,
				       guint weight_min,
				       gboolean spread)
{
	guint idx;
	g_return_if_fail(self != NULL && day < self->n_days && shift_type < self->n_types);
	roster_solver_model_seal(self);
	idx = day * self->n_types + shift_type;
	self->cover_min[idx] = min_seats;
	self->cover_min_weight[idx] = weight_min;
	self->cover_spread[idx] = spread ? 1 : 0;
}

/**
 * roster_solver_model_add_request:
 * @self: a model
 * @person: a person index
 * @day: a day index
 * @shift_type: a shift type index
 * @on: %TRUE to ask for the shift, %FALSE to ask not to work it
 * @weight: the penalty when the request is not met
 *
 * Adds a soft request. An on-request is unmet by a day off or another shift; an
 * off-request only by that shift.
 */
void
roster_solver_model_add_request(RosterSolverModel *self,
				guint person,
				guint day,
				guint shift_type,
				gboolean on,
				guint weight)
{
	gsize pd;
	gint *unary;

	g_return_if_fail(self != NULL && person < self->n_people);
	g_return_if_fail(day < self->n_days && shift_type < self->n_types);
	roster_solver_model_seal(self);
	pd = (gsize)person * self->n_days + day;
	unary = self->unary + pd * (self->n_types + 1);
	if (on) {
		/* a second on-request on the same day adds its own penalty */
		if (self->req_on_type[pd] < 0) {
			self->req_on_type[pd] = (gint16)shift_type;
			self->req_on_weight[pd] = weight;
		}
		for (guint v = 0; v <= self->n_types; v++) {
			if (v != shift_type + 1)
				unary[v] += (gint)weight;
		}
	} else {
		self->req_off_weight[pd * self->n_types + shift_type] += weight;
		unary[shift_type + 1] += (gint)weight;
	}
}

/**
 * roster_solver_model_get_n_days:
 * @self: a model
 *
 * Returns: the horizon in days
 */
guint
roster_solver_model_get_n_days(const RosterSolverModel *self)
{
	return self->n_days;
}

/**
 * roster_solver_model_get_n_shift_types:
 * @self: a model
 *
 * Returns: the number of shift types
 */
guint
roster_solver_model_get_n_shift_types(const RosterSolverModel *self)
{
	return self->n_types;
}

/**
 * roster_solver_model_get_n_people:
 * @self: a model
 *
 * Returns: the number of people
 */
guint
roster_solver_model_get_n_people(const RosterSolverModel *self)
{
	return self->n_people;
}

/**
 * roster_solver_model_get_shift_type_id:
 * @self: a model
 * @shift_type: a shift type index
 *
 * Returns: (transfer none): the shift type's name
 */
const gchar *
roster_solver_model_get_shift_type_id(const RosterSolverModel *self, guint shift_type)
{
	g_return_val_if_fail(shift_type < self->n_types, NULL);
	return g_ptr_array_index(self->type_ids, shift_type);
}

/**
 * roster_solver_model_get_person_id:
 * @self: a model
 * @person: a person index
 *
 * Returns: (transfer none): the person's name
 */
const gchar *
roster_solver_model_get_person_id(const RosterSolverModel *self, guint person)
{
	g_return_val_if_fail(person < self->n_people, NULL);
	return g_ptr_array_index(self->person_ids, person);
}

/**
 * roster_solver_model_find_shift_type:
 * @self: a model
 * @id: a shift type's name
 *
 * Returns: the index, or -1 if there is no such shift type
 */
gint
roster_solver_model_find_shift_type(const RosterSolverModel *self, const gchar *id)
{
	for (guint s = 0; s < self->n_types; s++) {
		if (g_strcmp0(g_ptr_array_index(self->type_ids, s), id) == 0)
			return (gint)s;
	}
	return -1;
}

/**
 * roster_solver_model_find_person:
 * @self: a model
 * @id: a person's name
 *
 * Returns: the index, or -1 if there is no such person
 */
gint
roster_solver_model_find_person(const RosterSolverModel *self, const gchar *id)
{
	for (guint p = 0; p < self->n_people; p++) {
		if (g_strcmp0(g_ptr_array_index(self->person_ids, p), id) == 0)
			return (gint)p;
	}
	return -1;
}

/**
 * roster_solver_roster_new:
 * @n_people: rows
 * @n_days: columns
 *
 * Returns: (transfer full): a roster with every day off
 */
RosterSolverRoster *
roster_solver_roster_new(guint n_people, guint n_days)
{
	RosterSolverRoster *self = g_new0(RosterSolverRoster, 1);
	gsize n = (gsize)n_people * n_days;
	self->n_people = n_people;
	self->n_days = n_days;
	self->cells = g_new(gint16, MAX(n, 1));
	for (gsize i = 0; i < n; i++)
		self->cells[i] = ROSTER_SOLVER_OFF;
	return self;
}

/**
 * roster_solver_roster_copy:
 * @self: a roster
 *
 * Returns: (transfer full): a copy
 */
RosterSolverRoster *
roster_solver_roster_copy(const RosterSolverRoster *self)
{
	RosterSolverRoster *copy = roster_solver_roster_new(self->n_people, self->n_days);
	memcpy(copy->cells, self->cells, sizeof(gint16) * self->n_people * self->n_days);
	return copy;
}

/**
 * roster_solver_roster_free:
 * @self: a roster
 *
 * Frees the roster.
 */
void
roster_solver_roster_free(RosterSolverRoster *self)
{
	if (self == NULL)
		return;
	g_free(self->cells);
	g_free(self);
}

/**
 * roster_solver_roster_get:
 * @self: a roster
 * @person: a row
 * @day: a column
 *
 * Returns: the shift type, or %ROSTER_SOLVER_OFF
 */
gint
roster_solver_roster_get(const RosterSolverRoster *self, guint person, guint day)
{
	g_return_val_if_fail(person < self->n_people && day < self->n_days, ROSTER_SOLVER_OFF);
	return self->cells[person * self->n_days + day];
}

/**
 * roster_solver_roster_set:
 * @self: a roster
 * @person: a row
 * @day: a column
 * @shift_type: a shift type, or %ROSTER_SOLVER_OFF
 *
 * Sets one cell.
 */
void
roster_solver_roster_set(RosterSolverRoster *self, guint person, guint day, gint shift_type)
{
	g_return_if_fail(person < self->n_people && day < self->n_days);
	self->cells[person * self->n_days + day] = (gint16)shift_type;
}
