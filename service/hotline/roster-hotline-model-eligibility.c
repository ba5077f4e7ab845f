/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline-model-private.h"

/* who may take which seat of the mapped hotline: tiers, modes, skills, trainee places,
 * availability and the team rotation */

/**
 * roster_hotline_model_is_eligible:
 * @self: a model
 * @person: a person index
 * @seat_class: a seat class index
 *
 * A higher tier may take a lower seat, never the reverse; a trainee never takes a
 * crisis seat, whatever the class's minimum tier.
 *
 * Returns: whether the person may ever sit in the seat class
 */
gboolean
roster_hotline_model_is_eligible(const RosterHotlineModel *self, guint person, guint seat_class)
{
	const RosterHotlineVolunteer *v =
	    g_ptr_array_index(self->hotline->volunteers, self->person_volunteer[person]);
	const RosterHotlineSeatClass *c =
	    g_ptr_array_index(self->hotline->seat_classes, seat_class);

	if (!v->active || v->tier < c->min_tier)
		return FALSE;
	if (v->tier == ROSTER_HOTLINE_TIER_TRAINEE && c->crisis)
		return FALSE;
	if (!roster_hotline_volunteer_has_mode(v, c))
		return FALSE;
	return roster_hotline_volunteer_has_skills(v, c);
}

/**
 * roster_hotline_model_trainee_type:
 * @self: a model
 * @slot: a slot index
 * @seat_class: a seat class index
 *
 * Returns: the solver's shift type of the trainee places of (slot, seat class), or -1
 * when the class offers none or the model leaves the pair out
 */
gint
roster_hotline_model_trainee_type(const RosterHotlineModel *self, guint slot, guint seat_class)
{
	return self->kind_trainee_type[slot * self->n_classes + seat_class];
}

/**
 * roster_hotline_model_type_is_trainee:
 * @self: a model
 * @shift_type: a shift type of the solver
 *
 * Returns: whether the shift type is the trainee places of its slot and seat class
 * rather than its seats
 */
gboolean
roster_hotline_model_type_is_trainee(const RosterHotlineModel *self, gint shift_type)
{
	return shift_type >= 0 && self->type_trainee[shift_type] != 0;
}

/**
 * roster_hotline_model_get_trainee_places:
 * @self: a model
 * @day: a day index
 * @slot: a slot index
 * @seat_class: a seat class index
 *
 * Returns: the trainee places offered: the class's, in a slot that has seats of it
 */
guint
roster_hotline_model_get_trainee_places(const RosterHotlineModel *self,
					guint day,
					guint slot,
					guint seat_class)
{
	const RosterHotlineSeatClass *c =
	    g_ptr_array_index(self->hotline->seat_classes, seat_class);

	if (!roster_hotline_seat_class_offers_trainee_places(c) ||
	    roster_hotline_model_get_requirement(self, day, slot, seat_class) == 0)
		return 0;
	return c->trainee_places;
}

/**
 * roster_hotline_model_is_trainee_eligible:
 * @self: a model
 * @person: a person index
 * @seat_class: a seat class index
 *
 * A trainee place of a class is for an active trainee with the class's mode and
 * skills; its pairing with a senior or expert is a rule of the roster, not of the
 * person.
 *
 * Returns: whether the person may ever take a trainee place of the seat class
 */
gboolean
roster_hotline_model_is_trainee_eligible(const RosterHotlineModel *self,
					 guint person,
					 guint seat_class)
{
	const RosterHotlineVolunteer *v =
	    g_ptr_array_index(self->hotline->volunteers, self->person_volunteer[person]);
	const RosterHotlineSeatClass *c =
	    g_ptr_array_index(self->hotline->seat_classes, seat_class);

	if (!v->active || v->tier != ROSTER_HOTLINE_TIER_TRAINEE ||
	    !roster_hotline_seat_class_offers_trainee_places(c))
		return FALSE;
	if (!roster_hotline_volunteer_has_mode(v, c))
		return FALSE;
	return roster_hotline_volunteer_has_skills(v, c);
}

/**
 * roster_hotline_model_may_take:
 * @self: a model
 * @person: a person index
 * @shift_type: a shift type of the solver
 *
 * Returns: whether the person may ever work the shift type: a seat or a trainee place
 */
gboolean
roster_hotline_model_may_take(const RosterHotlineModel *self, guint person, gint shift_type)
{
	guint c = roster_hotline_model_type_class(self, shift_type);

	if (roster_hotline_model_type_is_trainee(self, shift_type))
		return roster_hotline_model_is_trainee_eligible(self, person, c);
	return roster_hotline_model_is_eligible(self, person, c);
}

/**
 * roster_hotline_model_seat_type:
 * @self: a model
 * @person: a person index
 * @day: a day index
 * @slot: a slot index
 * @seat_class: a seat class index
 * @seat_no: the seat number of the assignment
 *
 * An assignment names a slot, a seat class and a seat number, not whether it is a
 * seat or a trainee place: a trainee in a class that offers trainee places holds one
 * of them when the class's seats are above the trainee's tier, and otherwise when
 * the seat number is past the seats of that slot (trainee places are numbered after
 * the seats); anyone else holds a seat.
 *
 * Returns: the solver's shift type the assignment holds, or -1 when the model leaves
 * it out
 */
gint
roster_hotline_model_seat_type(const RosterHotlineModel *self,
			       guint person,
			       guint day,
			       guint slot,
			       guint seat_class,
			       guint seat_no)
{
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(self, person);
	const RosterHotlineSeatClass *c =
	    g_ptr_array_index(self->hotline->seat_classes, seat_class);
	gint seat = roster_hotline_model_shift_type(self, slot, seat_class);
	gint place = roster_hotline_model_trainee_type(self, slot, seat_class);

	if (place < 0 || v->tier != ROSTER_HOTLINE_TIER_TRAINEE)
		return seat;
	if (v->tier < c->min_tier)
		return place;
	return seat_no > roster_hotline_model_get_requirement(self, day, slot, seat_class) ? place
											   : seat;
}

/* the slots of operational day d an availability entry covers, as a mask over slots; 0
 * when it does not apply, all ones for the whole day; an entry with times is clock
 * time on its date (or on each date of its weekday), whichever operational day that
 * falls in; an entry without times is the whole operational day of its date */
guint64
roster_hotline_model_availability_slots(const RosterHotlineModel *self,
					const RosterHotlineAvailability *a,
					guint d)
{
	const RosterHotline *h = self->hotline;
	guint64 mask = 0;

	if (a->start < 0) {
		guint32 julian = h->first_day + d;
		if (a->date != 0 ? a->date != julian
				 : a->weekday != roster_hotline_life_weekday_of(h, julian))
			return 0;
		return G_MAXUINT64;
	}
	for (gint date = (gint)d - 1; date <= (gint)d + 1; date++) {
		gint64 julian = (gint64)h->first_day + date;
		gint64 from;
		gint64 to;
		if (a->date != 0 ? a->date != julian
				 : a->weekday != roster_hotline_life_weekday_of(h, julian))
			continue;
		roster_hotline_window_on_date(date, a->start, a->end, &from, &to);
		for (guint k = 0; k < self->n_slots && k < 64; k++) {
			if (roster_hotline_window_covers_slot(
				from,
				to,
				roster_hotline_model_slot_at(self, (gint)d, k),
				h->slot_minutes))
				mask |= G_GUINT64_CONSTANT(1) << k;
		}
	}
	return mask;
}

/**
 * roster_hotline_model_get_availability:
 * @self: a model
 * @person: a person index
 * @day: a day index
 * @kind: unavailable, preferred or avoid
 *
 * Returns: the slots of that day the volunteer's entries of @kind cover, one bit per
 * slot; 0 when none applies
 */
guint64
roster_hotline_model_get_availability(const RosterHotlineModel *self,
				      guint person,
				      guint day,
				      RosterHotlineAvailabilityKind kind)
{
	const RosterHotline *h = self->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(self, person);
	guint64 mask = 0;

	for (guint i = 0; i < h->availability->len; i++) {
		const RosterHotlineAvailability *a = g_ptr_array_index(h->availability, i);
		if (a->volunteer_id == v->id && a->kind == kind)
			mask |= roster_hotline_model_availability_slots(self, a, day);
	}
	return mask;
}

/**
 * roster_hotline_model_is_outside_team_slots:
 * @self: a model
 * @person: a person index
 * @slot: a slot index
 *
 * Returns: whether the volunteer's team has preferred slots and this is none of them
 */
gboolean
roster_hotline_model_is_outside_team_slots(const RosterHotlineModel *self, guint person, guint slot)
{
	const RosterHotline *h = self->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(self, person);
	gint start = roster_hotline_model_slot_start(self, slot);
	gboolean has_slots = FALSE;

	if (v->team_id <= 0)
		return FALSE;
	for (guint i = 0; i < h->team_slots->len; i++) {
		RosterHotlineTeamSlot *t = &g_array_index(h->team_slots, RosterHotlineTeamSlot, i);
		if (t->team_id != v->team_id)
			continue;
		if (t->slot_start == start)
			return FALSE;
		has_slots = TRUE;
	}
	return has_slots;
}

/* whether a rule matches the cell: its weekdays, slots and cycle week, each when set */
static gboolean
team_rule_matches(const RosterHotlineModel *self,
		  const RosterHotlineTeamRule *r,
		  guint day,
		  gint slot_start)
{
	const RosterHotline *h = self->hotline;
	gint64 julian = (gint64)h->first_day + day;
	gboolean in_slots = r->slots->len == 0;

	if (r->weekdays != 0 &&
	    (r->weekdays & (1u << roster_hotline_life_weekday_of(h, julian))) == 0)
		return FALSE;
	for (guint i = 0; i < r->slots->len && !in_slots; i++)
		in_slots = g_array_index(r->slots, gint, i) == slot_start;
	if (!in_slots)
		return FALSE;
	if (r->cycle_weeks > 0) {
		gint64 origin = h->rotation.cycle_start != 0 ? h->rotation.cycle_start
							     : h->first_day;
		gint64 diff = julian - origin;
		/* weeks before the cycle start count backwards: floor division */
		gint64 week = diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
		gint64 n = r->cycle_weeks;
		if ((week % n + n) % n + 1 != r->cycle_week)
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_hotline_model_is_outside_team_rotation:
 * @self: a model
 * @person: a person index
 * @day: a day index
 * @slot: a slot index
 *
 * A cell bound by the rotation's rules to some teams belongs to them; a cell no rule
 * binds is open to all, and volunteers without a team are never outside.
 *
 * Returns: whether the volunteer has a team and the cell is bound to other teams only
 */
gboolean
roster_hotline_model_is_outside_team_rotation(const RosterHotlineModel *self,
					      guint person,
					      guint day,
					      guint slot)
{
	const RosterHotline *h = self->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(self, person);
	gint start = roster_hotline_model_slot_start(self, slot);
	gboolean bound = FALSE;

	if (v->team_id <= 0)
		return FALSE;
	for (guint i = 0; i < h->rotation.rules->len; i++) {
		const RosterHotlineTeamRule *r = g_ptr_array_index(h->rotation.rules, i);
		if (!team_rule_matches(self, r, day, start))
			continue;
		if (r->team_id == v->team_id)
			return FALSE;
		bound = TRUE;
	}
	return bound;
}

/**
 * roster_hotline_model_is_unavailable:
 * @self: a model
 * @person: a person index
 * @day: a day index
 * @slot: a slot index
 *
 * Returns: whether the volunteer said they cannot work that slot
 */
gboolean
roster_hotline_model_is_unavailable(const RosterHotlineModel *self,
				    guint person,
				    guint day,
				    guint slot)
{
	guint64 mask =
	    roster_hotline_model_get_availability(self,
						  person,
						  day,
						  ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
	return (mask & (G_GUINT64_CONSTANT(1) << MIN(slot, 63))) != 0;
}
