/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-model-private.h"

/* the lookups of a hotline model: between the hotline's slots, seat classes and
 * volunteers and the solver model's indices of them */

/**
 * roster_hotline_model_slot_start:
 * @self: a model
 * @slot: a slot index
 *
 * Returns: the slot's start in minutes after midnight
 */
gint
roster_hotline_model_slot_start(const RosterHotlineModel *self, guint slot)
{
	const RosterHotline *h = self->hotline;
	return (gint)((h->first_slot_start + slot * h->slot_minutes) % 1440);
}

/**
 * roster_hotline_model_find_slot:
 * @self: a model
 * @slot_start: a start time in minutes after midnight
 *
 * Returns: the slot index, or -1 when no slot starts then
 */
gint
roster_hotline_model_find_slot(const RosterHotlineModel *self, gint slot_start)
{
	for (guint k = 0; k < self->n_slots; k++) {
		if (roster_hotline_model_slot_start(self, k) == slot_start)
			return (gint)k;
	}
	return -1;
}

/**
 * roster_hotline_model_find_class:
 * @self: a model
 * @seat_class_id: a seat class id
 *
 * Returns: its index, or -1
 */
gint
roster_hotline_model_find_class(const RosterHotlineModel *self, gint64 seat_class_id)
{
	for (guint c = 0; c < self->n_classes; c++) {
		const RosterHotlineSeatClass *sc =
		    g_ptr_array_index(self->hotline->seat_classes, c);
		if (sc->id == seat_class_id)
			return (gint)c;
	}
	return -1;
}

/**
 * roster_hotline_model_find_person:
 * @self: a model
 * @volunteer_id: a volunteer id
 *
 * Returns: the solver's person index, or -1
 */
gint
roster_hotline_model_find_person(const RosterHotlineModel *self, gint64 volunteer_id)
{
	GPtrArray *volunteers = self->hotline->volunteers;
	for (guint i = 0; i < volunteers->len; i++) {
		const RosterHotlineVolunteer *v = g_ptr_array_index(volunteers, i);
		if (v->id == volunteer_id)
			return self->volunteer_person[i];
	}
	return -1;
}

/**
 * roster_hotline_model_shift_type:
 * @self: a model
 * @slot: a slot index
 * @seat_class: a seat class index
 *
 * Returns: the solver's shift type, or -1 when the model leaves the pair out
 */
gint
roster_hotline_model_shift_type(const RosterHotlineModel *self, guint slot, guint seat_class)
{
	return self->kind_type[slot * self->n_classes + seat_class];
}

/**
 * roster_hotline_model_type_slot:
 * @self: a model
 * @shift_type: a shift type of the solver
 *
 * Returns: its slot index
 */
guint
roster_hotline_model_type_slot(const RosterHotlineModel *self, gint shift_type)
{
	return self->type_kind[shift_type] / self->n_classes;
}

/**
 * roster_hotline_model_type_class:
 * @self: a model
 * @shift_type: a shift type of the solver
 *
 * Returns: its seat class index
 */
guint
roster_hotline_model_type_class(const RosterHotlineModel *self, gint shift_type)
{
	return self->type_kind[shift_type] % self->n_classes;
}

/**
 * roster_hotline_model_get_requirement:
 * @self: a model
 * @day: a day index
 * @slot: a slot index
 * @seat_class: a seat class index
 *
 * Returns: the seats required
 */
guint
roster_hotline_model_get_requirement(const RosterHotlineModel *self,
				     guint day,
				     guint slot,
				     guint seat_class)
{
	return self
	    ->requirement[((gsize)day * self->n_slots + slot) * self->n_classes + seat_class];
}

/**
 * roster_hotline_model_get_volunteer:
 * @self: a model
 * @person: a person index
 *
 * Returns: (transfer none): the volunteer
 */
const RosterHotlineVolunteer *
roster_hotline_model_get_volunteer(const RosterHotlineModel *self, guint person)
{
	return g_ptr_array_index(self->hotline->volunteers, self->person_volunteer[person]);
}

/**
 * roster_hotline_model_get_seat_class:
 * @self: a model
 * @seat_class: a seat class index
 *
 * Returns: (transfer none): the seat class
 */
const RosterHotlineSeatClass *
roster_hotline_model_get_seat_class(const RosterHotlineModel *self, guint seat_class)
{
	return g_ptr_array_index(self->hotline->seat_classes, seat_class);
}
