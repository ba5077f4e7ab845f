/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-error.h"
#include "roster-hotline-model.h"

/* the default night of the fairness rule and the nights per month: 23:00 to 08:00 */
#define NIGHT_START 1380
#define NIGHT_END   480

static const gchar *const tier_names[] = {"trainee", "counsellor", "senior", "expert"};

/**
 * roster_hotline_tier_from_string:
 * @tier: a tier name
 *
 * Returns: the tier, or -1 for an unknown name
 */
gint
roster_hotline_tier_from_string(const gchar *tier)
{
	for (guint i = 0; i < G_N_ELEMENTS(tier_names); i++) {
		if (g_strcmp0(tier, tier_names[i]) == 0)
			return (gint)i;
	}
	return -1;
}

/**
 * roster_hotline_tier_to_string:
 * @tier: a tier
 *
 * Returns: its name
 */
const gchar *
roster_hotline_tier_to_string(RosterHotlineTier tier)
{
	return tier <= ROSTER_HOTLINE_TIER_EXPERT ? tier_names[tier] : NULL;
}

static const gchar *const source_names[] = {"solver", "manual", "override"};

/**
 * roster_hotline_source_to_string:
 * @source: a source
 *
 * Returns: its name
 */
const gchar *
roster_hotline_source_to_string(RosterHotlineSource source)
{
	return source <= ROSTER_HOTLINE_SOURCE_OVERRIDE ? source_names[source] : "manual";
}

/**
 * roster_hotline_source_from_string:
 * @source: a name
 *
 * Returns: the source; unknown names are manual
 */
RosterHotlineSource
roster_hotline_source_from_string(const gchar *source)
{
	for (guint i = 0; i < G_N_ELEMENTS(source_names); i++) {
		if (g_strcmp0(source, source_names[i]) == 0)
			return (RosterHotlineSource)i;
	}
	return ROSTER_HOTLINE_SOURCE_MANUAL;
}

/**
 * roster_hotline_settings_init:
 * @settings: the settings to fill
 *
 * Fills the default rest rule (11 h) and weights: an uncovered crisis seat costs far
 * more than an ordinary one, and an extra person on a seat more than either; a
 * changed shift costs more than any other soft rule gains from it at these weights
 * (avoid 20, team 5, a night more or less for one volunteer in a month), less than
 * a seat; an empty trainee place costs a little, so that trainees get the places
 * their limits and the mentors on duty allow, never at a seat's expense.
 */
void
roster_hotline_settings_init(RosterHotlineSettings *settings)
{
	settings->min_rest_minutes = 660;
	settings->w_uncovered = 100;
	settings->w_uncovered_crisis = 1000;
	settings->w_over = 2000;
	settings->w_avoid = 20;
	settings->w_preferred = 5;
	settings->w_night = 2;
	settings->w_weekend = 1;
	settings->w_commitment = 10;
	/* above every other soft weight's gain from moving one shift, below a seat */
	settings->w_stability = 50;
	settings->w_team = 5;
	settings->w_trainee_place = 10;
}

static void
seat_class_free(gpointer data)
{
	RosterHotlineSeatClass *c = data;
	g_free(c->code);
	g_strfreev(c->skills);
	g_free(c);
}

static void
volunteer_free(gpointer data)
{
	RosterHotlineVolunteer *v = data;
	g_free(v->name);
	g_strfreev(v->skills);
	g_free(v);
}

static void
team_rule_free(gpointer data)
{
	RosterHotlineTeamRule *r = data;
	g_array_unref(r->slots);
	g_free(r);
}

static void
override_free(gpointer data)
{
	RosterHotlineOverride *o = data;
	g_array_unref(o->windows);
	g_free(o);
}

/**
 * roster_hotline_new:
 * @first_day: the julian day of the first operational day
 * @n_days: the length of the period
 *
 * Returns: (transfer full): an empty 24/7 hotline with 3-hour slots from 08:00 and
 *   nights from 23:00 to 08:00
 */
RosterHotline *
roster_hotline_new(guint32 first_day, guint n_days)
{
	RosterHotline *self = g_new0(RosterHotline, 1);
	self->first_day = first_day;
	self->n_days = n_days;
	self->slot_minutes = 180;
	self->first_slot_start = 480;
	self->windows = g_array_new(FALSE, TRUE, sizeof(RosterHotlineWindow));
	self->overrides = g_ptr_array_new_with_free_func(override_free);
	self->night_start = NIGHT_START;
	self->night_end = NIGHT_END;
	roster_hotline_settings_init(&self->settings);
	self->seat_classes = g_ptr_array_new_with_free_func(seat_class_free);
	self->demands = g_ptr_array_new_with_free_func(g_free);
	self->volunteers = g_ptr_array_new_with_free_func(volunteer_free);
	self->availability = g_ptr_array_new_with_free_func(g_free);
	self->pinned = g_ptr_array_new_with_free_func(g_free);
	self->previous = g_ptr_array_new_with_free_func(g_free);
	self->current = g_ptr_array_new_with_free_func(g_free);
	self->team_slots = g_array_new(FALSE, TRUE, sizeof(RosterHotlineTeamSlot));
	self->rotation.mode = ROSTER_HOTLINE_ROTATION_SOFT;
	self->rotation.weight = self->settings.w_team;
	self->rotation.rules = g_ptr_array_new_with_free_func(team_rule_free);
	return self;
}

/**
 * roster_hotline_free:
 * @self: (nullable): a hotline
 *
 * Frees the hotline.
 */
void
roster_hotline_free(RosterHotline *self)
{
	if (self == NULL)
		return;
	g_array_unref(self->windows);
	g_ptr_array_unref(self->overrides);
	g_ptr_array_unref(self->seat_classes);
	g_ptr_array_unref(self->demands);
	g_ptr_array_unref(self->volunteers);
	g_ptr_array_unref(self->availability);
	g_ptr_array_unref(self->pinned);
	g_ptr_array_unref(self->previous);
	g_ptr_array_unref(self->current);
	g_array_unref(self->team_slots);
	g_ptr_array_unref(self->rotation.rules);
	g_free(self);
}

/**
 * roster_hotline_add_team_rule:
 * @self: a hotline
 * @team_id: the team the rule binds
 *
 * Returns: (transfer none): a new rule of the team rotation that binds the team to
 *   every cell until weekdays, slots or a cycle week narrow it
 */
RosterHotlineTeamRule *
roster_hotline_add_team_rule(RosterHotline *self, gint64 team_id)
{
	RosterHotlineTeamRule *r = g_new0(RosterHotlineTeamRule, 1);
	r->team_id = team_id;
	r->slots = g_array_new(FALSE, TRUE, sizeof(gint));
	g_ptr_array_add(self->rotation.rules, r);
	return r;
}

/**
 * roster_hotline_team_rule_add_slot:
 * @self: a team rule
 * @slot_start: a slot start, minutes after midnight
 *
 * Narrows the rule to its slots: once it has one, it matches only those.
 */
void
roster_hotline_team_rule_add_slot(RosterHotlineTeamRule *self, gint slot_start)
{
	g_array_append_val(self->slots, slot_start);
}

/**
 * roster_hotline_add_seat_class:
 * @self: a hotline
 * @id: the seat class's id
 * @code: its code
 *
 * Returns: (transfer none): the new seat class: on-site, for counsellors, no skills,
 *   one seat of each slot kept under shortage, no trainee places
 */
RosterHotlineSeatClass *
roster_hotline_add_seat_class(RosterHotline *self, gint64 id, const gchar *code)
{
	RosterHotlineSeatClass *c = g_new0(RosterHotlineSeatClass, 1);
	c->id = id;
	c->code = g_strdup(code);
	c->min_tier = ROSTER_HOTLINE_TIER_COUNSELLOR;
	c->skills = g_new0(gchar *, 1);
	c->min_seats = 1;
	g_ptr_array_add(self->seat_classes, c);
	return c;
}

/**
 * roster_hotline_add_demand:
 * @self: a hotline
 * @seat_class_id: the seat class
 * @start: the window's start, minutes after midnight
 * @end: its end, up to 1440 (24:00); at or before @start it ends the next day
 * @seats: seats required in every minute of the window, on each date it applies to
 *
 * Returns: (transfer none): the new rule, for every day
 */
RosterHotlineDemand *
roster_hotline_add_demand(RosterHotline *self,
			  gint64 seat_class_id,
			  gint start,
			  gint end,
			  guint seats)
{
	RosterHotlineDemand *r = g_new0(RosterHotlineDemand, 1);
	r->seat_class_id = seat_class_id;
	r->start = start;
	r->end = end;
	r->seats = seats;
	g_ptr_array_add(self->demands, r);
	return r;
}

/**
 * roster_hotline_add_override:
 * @self: a hotline
 * @date_from: the first calendar date, julian
 * @date_to: the last one, julian, not before @date_from
 *
 * The caller keeps the overrides of a hotline apart: no date in two of them.
 *
 * Returns: (transfer none): the new override, closed until it is given windows
 */
RosterHotlineOverride *
roster_hotline_add_override(RosterHotline *self, guint32 date_from, guint32 date_to)
{
	RosterHotlineOverride *o = g_new0(RosterHotlineOverride, 1);
	o->date_from = date_from;
	o->date_to = date_to;
	o->windows = g_array_new(FALSE, TRUE, sizeof(RosterHotlineWindow));
	g_ptr_array_add(self->overrides, o);
	return o;
}

/**
 * roster_hotline_override_add_window:
 * @self: an override
 * @start: the window's start, minutes after midnight (0 to 1439)
 * @end: its end, up to 1440 (24:00); before @start it ends the next day
 *
 * Mans the window on each date of the override.
 */
void
roster_hotline_override_add_window(RosterHotlineOverride *self, gint start, gint end)
{
	RosterHotlineWindow w = {0, start, end};
	g_array_append_val(self->windows, w);
}

/**
 * roster_hotline_add_volunteer:
 * @self: a hotline
 * @id: the volunteer's id
 * @name: the name
 *
 * Returns: (transfer none): the new volunteer: an active counsellor for both modes
 * without limits
 */
RosterHotlineVolunteer *
roster_hotline_add_volunteer(RosterHotline *self, gint64 id, const gchar *name)
{
	RosterHotlineVolunteer *v = g_new0(RosterHotlineVolunteer, 1);
	v->id = id;
	v->name = g_strdup(name);
	v->tier = ROSTER_HOTLINE_TIER_COUNSELLOR;
	v->skills = g_new0(gchar *, 1);
	v->on_site = TRUE;
	v->cloud = TRUE;
	v->active = TRUE;
	v->max_hours_week = ROSTER_HOTLINE_NO_LIMIT;
	v->max_hours_month = ROSTER_HOTLINE_NO_LIMIT;
	v->max_shifts_month = ROSTER_HOTLINE_NO_LIMIT;
	v->max_consecutive_days = ROSTER_HOTLINE_NO_LIMIT;
	v->max_nights_month = ROSTER_HOTLINE_NO_LIMIT;
	v->min_shifts_month = ROSTER_HOTLINE_NO_LIMIT;
	g_ptr_array_add(self->volunteers, v);
	return v;
}

/**
 * roster_hotline_add_availability:
 * @self: a hotline
 * @volunteer_id: the volunteer
 * @kind: unavailable, preferred or avoid
 *
 * Returns: (transfer none): the new entry, for no day yet and the whole day
 */
RosterHotlineAvailability *
roster_hotline_add_availability(RosterHotline *self,
				gint64 volunteer_id,
				RosterHotlineAvailabilityKind kind)
{
	RosterHotlineAvailability *a = g_new0(RosterHotlineAvailability, 1);
	a->volunteer_id = volunteer_id;
	a->kind = kind;
	a->start = -1;
	a->end = -1;
	g_ptr_array_add(self->availability, a);
	return a;
}

/**
 * roster_hotline_assignment_new:
 *
 * Returns: (transfer full): an empty assignment
 */
RosterHotlineAssignment *
roster_hotline_assignment_new(void)
{
	return g_new0(RosterHotlineAssignment, 1);
}

/**
 * roster_hotline_assignment_copy:
 * @self: an assignment
 *
 * Returns: (transfer full): a copy
 */
RosterHotlineAssignment *
roster_hotline_assignment_copy(const RosterHotlineAssignment *self)
{
	return g_memdup2(self, sizeof(*self));
}

/* the weekday (1 Monday … 7 Sunday) of a julian day, as GDate counts them (day 1, the
 * first of January of year 1, is a Monday); any integer, so that the day before a
 * period that starts on julian day 1 has one too */
static guint
weekday_of(gint64 julian)
{
	return (guint)(((julian - 1) % 7 + 7) % 7) + 1;
}

/**
 * roster_hotline_window_covers_slot:
 * @from: a time window's start, in minutes on some time line
 * @to: its end on the same line, after @from
 * @slot_start: a slot's start on that line
 * @slot_minutes: the slot's length
 *
 * The one rule for when a time window covers a slot, for demand rules, manned windows
 * and availability alike: when they share at least one minute. A window that only
 * touches the slot (ends as the slot starts, or starts as it ends) does not cover it;
 * a window of a few minutes inside a slot does.
 *
 * Returns: whether the window covers the slot
 */
gboolean
roster_hotline_window_covers_slot(gint64 from, gint64 to, gint64 slot_start, guint slot_minutes)
{
	return from < slot_start + (gint64)slot_minutes && slot_start < to;
}

/**
 * roster_hotline_window_on_date:
 * @date: a calendar date, as days after the period's first day (negative before it)
 * @start: the window's start, minutes after midnight (0 to 1439)
 * @end: its end, minutes after midnight (0 to 1440, 1440 being 24:00)
 * @from: (out): the start in minutes after midnight of the period's first day
 * @to: (out): the end on the same line
 *
 * A window means clock time on the date it is applied to, whatever the operational
 * day's start: an end after the start is on the same date (00:00-24:00 is that whole
 * date), an end at or before the start is on the next date (20:00-20:00 is 24 h from
 * 20:00, 22:00-06:00 ends the next morning).
 */
void
roster_hotline_window_on_date(gint date, gint start, gint end, gint64 *from, gint64 *to)
{
	*from = (gint64)date * 1440 + start;
	*to = (gint64)date * 1440 + (end <= start ? end + 1440 : end);
}

static gboolean
has_skills(gchar **have, gchar **need)
{
	for (guint i = 0; need != NULL && need[i] != NULL; i++) {
		if (have == NULL || !g_strv_contains((const gchar *const *)have, need[i]))
			return FALSE;
	}
	return TRUE;
}

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
	if (c->cloud ? !v->cloud : !v->on_site)
		return FALSE;
	return has_skills(v->skills, c->skills);
}

/* whether a seat class offers trainee places at all */
static gboolean
offers_trainee_places(const RosterHotlineSeatClass *c)
{
	return c->trainee_places > 0 && !c->crisis;
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

	if (!offers_trainee_places(c) ||
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

	if (!v->active || v->tier != ROSTER_HOTLINE_TIER_TRAINEE || !offers_trainee_places(c))
		return FALSE;
	if (c->cloud ? !v->cloud : !v->on_site)
		return FALSE;
	return has_skills(v->skills, c->skills);
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

/* the start of slot k of operational day d, in minutes after midnight of the period's
 * first day */
static gint64
slot_at(const RosterHotlineModel *self, gint d, guint k)
{
	const RosterHotline *h = self->hotline;
	return (gint64)d * 1440 + h->first_slot_start + (gint64)k * h->slot_minutes;
}

static gboolean
demand_has_dates(const RosterHotlineDemand *r)
{
	return r->date_from != 0 || r->date_to != 0;
}

static gboolean
demand_in_dates(const RosterHotlineDemand *r, gint64 julian)
{
	return (r->date_from == 0 || julian >= r->date_from) &&
	       (r->date_to == 0 || julian <= r->date_to);
}

/* whether a rule with dates of the seat class covers the calendar date: then that
 * date's clock hours follow the class's dated rules only */
static gboolean
is_dated(const RosterHotline *h, gint64 seat_class_id, gint64 julian)
{
	for (guint i = 0; i < h->demands->len; i++) {
		const RosterHotlineDemand *r = g_ptr_array_index(h->demands, i);
		if (r->seat_class_id == seat_class_id && demand_has_dates(r) &&
		    demand_in_dates(r, julian))
			return TRUE;
	}
	return FALSE;
}

/* a demand rule applied on one calendar date: the minutes it holds and its seats; a
 * dated rule's minutes up to @free_to count whether or not the line is manned then */
typedef struct {
	gint64 from;
	gint64 to;
	gint64 free_to;
	guint seats;
} DemandSpan;

/* the override of a calendar date, or NULL when its weekly manned windows hold */
static const RosterHotlineOverride *
override_of(const RosterHotline *h, gint64 julian)
{
	for (guint i = 0; i < h->overrides->len; i++) {
		const RosterHotlineOverride *o = g_ptr_array_index(h->overrides, i);
		if (julian >= o->date_from && julian <= o->date_to)
			return o;
	}
	return NULL;
}

/* the spans of a seat class's rules on the calendar dates around operational day d
 * (the day before, the day itself and the next: no other date's window reaches its
 * slots); a weekly rule's window stops where a date of dated rules begins; a dated
 * rule is its own manned hours up to a date the calendar overrides (an override is
 * the last word on the hours of its dates) */
static void
collect_demand_spans(const RosterHotlineModel *self, gint d, gint64 seat_class_id, GArray *spans)
{
	const RosterHotline *h = self->hotline;

	g_array_set_size(spans, 0);
	for (gint date = d - 1; date <= d + 1; date++) {
		gint64 julian = (gint64)h->first_day + date;
		gboolean dated = is_dated(h, seat_class_id, julian);
		gboolean next_dated = is_dated(h, seat_class_id, julian + 1);
		gboolean overridden = override_of(h, julian) != NULL;
		gboolean next_overridden = override_of(h, julian + 1) != NULL;
		guint wd = weekday_of(julian);
		for (guint i = 0; i < h->demands->len; i++) {
			const RosterHotlineDemand *r = g_ptr_array_index(h->demands, i);
			DemandSpan span = {0};
			if (r->seat_class_id != seat_class_id || r->seats == 0 ||
			    demand_has_dates(r) != dated)
				continue;
			if (dated && !demand_in_dates(r, julian))
				continue;
			if (r->weekdays != 0 && (r->weekdays & (1u << wd)) == 0)
				continue;
			roster_hotline_window_on_date(date, r->start, r->end, &span.from, &span.to);
			if (!dated && next_dated)
				span.to = MIN(span.to, (gint64)(date + 1) * 1440);
			span.free_to = span.from;
			if (dated && !overridden)
				span.free_to = next_overridden
						   ? MIN(span.to, (gint64)(date + 1) * 1440)
						   : span.to;
			span.seats = r->seats;
			g_array_append_val(spans, span);
		}
	}
}

/* the seats a slot needs: those of its busiest minute, the sum of the spans that hold
 * that minute (only their free minutes when @free_only: the slot is not manned); the
 * busiest minute of a slot is the start of some span in it (or the slot's start) */
static guint
busiest_minute(GArray *spans, gint64 slot_start, guint slot_minutes, gboolean free_only)
{
	guint best = 0;

	for (guint i = 0; i < spans->len; i++) {
		const DemandSpan *a = &g_array_index(spans, DemandSpan, i);
		gint64 a_to = free_only ? a->free_to : a->to;
		gint64 t = MAX(a->from, slot_start);
		guint seats = 0;
		if (!roster_hotline_window_covers_slot(a->from, a_to, slot_start, slot_minutes))
			continue;
		for (guint j = 0; j < spans->len; j++) {
			const DemandSpan *b = &g_array_index(spans, DemandSpan, j);
			if (b->from <= t && t < (free_only ? b->free_to : b->to))
				seats += b->seats;
		}
		best = MAX(best, seats);
	}
	return best;
}

/* whether a window placed on a date covers the slot starting at @s; @clip is where the
 * window must stop (the midnight of an overridden date), G_MAXINT64 for nowhere */
static gboolean
window_covers(const RosterHotline *h, gint date, gint start, gint end, gint64 clip, gint64 s)
{
	gint64 from;
	gint64 to;

	roster_hotline_window_on_date(date, start, end, &from, &to);
	to = MIN(to, clip);
	return from < to && roster_hotline_window_covers_slot(from, to, s, h->slot_minutes);
}

/* whether the line is manned in any minute of slot k of operational day d: on a date
 * the calendar overrides, in the override's windows only (they keep a night past its
 * last midnight, as a dated demand rule does); on other dates, in the weekly windows
 * of its weekday (the whole date when the calendar has none), up to the midnight of
 * an overridden date */
static gboolean
is_manned(const RosterHotlineModel *self, gint d, guint k)
{
	const RosterHotline *h = self->hotline;
	gint64 s = slot_at(self, d, k);

	for (gint date = d - 1; date <= d + 1; date++) {
		gint64 julian = (gint64)h->first_day + date;
		const RosterHotlineOverride *o = override_of(h, julian);
		gint64 clip = override_of(h, julian + 1) != NULL ? (gint64)(date + 1) * 1440
								 : G_MAXINT64;
		guint wd = weekday_of(julian);
		if (o != NULL) {
			for (guint i = 0; i < o->windows->len; i++) {
				const RosterHotlineWindow *w =
				    &g_array_index(o->windows, RosterHotlineWindow, i);
				if (window_covers(h, date, w->start, w->end, G_MAXINT64, s))
					return TRUE;
			}
			continue;
		}
		if (h->windows->len == 0 && window_covers(h, date, 0, 1440, G_MAXINT64, s))
			return TRUE;
		for (guint i = 0; i < h->windows->len; i++) {
			const RosterHotlineWindow *w =
			    &g_array_index(h->windows, RosterHotlineWindow, i);
			if (w->weekday == wd && window_covers(h, date, w->start, w->end, clip, s))
				return TRUE;
		}
	}
	return FALSE;
}

/* seats per (operational day, slot, seat class): every window is clock time on the
 * calendar date it is applied to, and a slot takes the seats of its busiest minute
 * among the windows that cover it; a slot outside the manned hours needs only the
 * seats of dated rules on dates the calendar does not override */
static void
resolve_demand(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	g_autoptr(GArray) spans = g_array_new(FALSE, TRUE, sizeof(DemandSpan));
	g_autofree gboolean *manned = g_new0(gboolean, self->n_slots + 1);

	self->requirement = g_new0(guint, (gsize)h->n_days * self->n_slots * self->n_classes + 1);
	for (guint d = 0; d < h->n_days; d++) {
		for (guint k = 0; k < self->n_slots; k++)
			manned[k] = is_manned(self, (gint)d, k);
		for (guint c = 0; c < self->n_classes; c++) {
			const RosterHotlineSeatClass *sc = g_ptr_array_index(h->seat_classes, c);
			collect_demand_spans(self, (gint)d, sc->id, spans);
			for (guint k = 0; k < self->n_slots; k++) {
				self->requirement[((gsize)d * self->n_slots + k) * self->n_classes +
						  c] = busiest_minute(spans,
								      slot_at(self, (gint)d, k),
								      h->slot_minutes,
								      !manned[k]);
			}
		}
	}
}

/* the slots of operational day d an availability entry covers, as a mask over slots; 0
 * when it does not apply, all ones for the whole day; an entry with times is clock
 * time on its date (or on each date of its weekday), whichever operational day that
 * falls in; an entry without times is the whole operational day of its date */
static guint64
availability_slots(const RosterHotlineModel *self, const RosterHotlineAvailability *a, guint d)
{
	const RosterHotline *h = self->hotline;
	guint64 mask = 0;

	if (a->start < 0) {
		guint32 julian = h->first_day + d;
		if (a->date != 0 ? a->date != julian : a->weekday != weekday_of(julian))
			return 0;
		return G_MAXUINT64;
	}
	for (gint date = (gint)d - 1; date <= (gint)d + 1; date++) {
		gint64 julian = (gint64)h->first_day + date;
		gint64 from;
		gint64 to;
		if (a->date != 0 ? a->date != julian : a->weekday != weekday_of(julian))
			continue;
		roster_hotline_window_on_date(date, a->start, a->end, &from, &to);
		for (guint k = 0; k < self->n_slots && k < 64; k++) {
			if (roster_hotline_window_covers_slot(from,
							      to,
							      slot_at(self, (gint)d, k),
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
			mask |= availability_slots(self, a, day);
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

	if (r->weekdays != 0 && (r->weekdays & (1u << weekday_of(julian))) == 0)
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

/**
 * roster_hotline_model_rest_too_short:
 * @self: a model
 * @slot: the slot of a shift
 * @next: the slot of a shift the next day
 *
 * Returns: whether the rest between them is shorter than the minimum
 */
gboolean
roster_hotline_model_rest_too_short(const RosterHotlineModel *self, guint slot, guint next)
{
	const RosterHotline *h = self->hotline;
	gint gap = 1440 + (gint)(next * h->slot_minutes) - (gint)((slot + 1) * h->slot_minutes);
	return gap < (gint)h->settings.min_rest_minutes;
}

/**
 * roster_hotline_model_is_night:
 * @self: a model
 * @slot: a slot index
 *
 * A shift is a night when at least half of it lies in the calendar's night window
 * (23:00 to 08:00 by default), clock time on every date: with 8-hour slots from 08:00,
 * 00:00-08:00 is a night and 16:00-24:00 is not; with 3-hour slots, 23:00, 02:00 and
 * 05:00 are.
 *
 * Returns: whether the slot counts as a night, for the night fairness and the nights
 *   per month
 */
gboolean
roster_hotline_model_is_night(const RosterHotlineModel *self, guint slot)
{
	const RosterHotline *h = self->hotline;
	gint64 s = h->first_slot_start + (gint64)slot * h->slot_minutes;
	gint64 e = s + h->slot_minutes;
	gint64 inside = 0;

	/* the slot starts on date 0 and ends by date 1; the night of date -1 may reach it */
	for (gint date = -1; date <= 1; date++) {
		gint64 from;
		gint64 to;
		roster_hotline_window_on_date(date, h->night_start, h->night_end, &from, &to);
		inside += MAX(0, MIN(e, to) - MAX(s, from));
	}
	return 2 * inside >= (gint64)h->slot_minutes;
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

static void
add_availability(RosterHotlineModel *self, guint p, const RosterHotlineAvailability *a)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	guint64 all = self->n_slots >= 64 ? G_MAXUINT64
					  : (G_GUINT64_CONSTANT(1) << self->n_slots) - 1;

	for (guint d = 0; d < h->n_days; d++) {
		guint64 mask = availability_slots(self, a, d);
		if (mask == 0)
			continue;
		mask &= all;
		if (a->kind == ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE && mask == all) {
			roster_solver_model_add_day_off(m, p, d);
			continue;
		}
		for (guint k = 0; k < self->n_slots; k++) {
			gboolean in = (mask & (G_GUINT64_CONSTANT(1) << k)) != 0;
			/* the seats of each class, then its trainee places */
			for (guint i = 0; i < 2 * self->n_classes; i++) {
				guint c = i % self->n_classes;
				gint s = i < self->n_classes
					     ? roster_hotline_model_shift_type(self, k, c)
					     : roster_hotline_model_trainee_type(self, k, c);
				if (s < 0)
					continue;
				if (a->kind == ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE && in)
					roster_solver_model_forbid_cell(m, p, d, (guint)s);
				else if (a->kind == ROSTER_HOTLINE_AVAILABILITY_AVOID && in &&
					 h->settings.w_avoid > 0)
					roster_solver_model_add_request(m,
									p,
									d,
									(guint)s,
									FALSE,
									h->settings.w_avoid);
				else if (a->kind == ROSTER_HOTLINE_AVAILABILITY_PREFERRED && !in &&
					 h->settings.w_preferred > 0)
					/* preferred hours: other hours of that day cost a little */
					roster_solver_model_add_request(m,
									p,
									d,
									(guint)s,
									FALSE,
									h->settings.w_preferred);
			}
		}
	}
}

static void
set_person_limits(RosterHotlineModel *self, guint p)
{
	const RosterHotline *h = self->hotline;
	const RosterHotlineVolunteer *v =
	    g_ptr_array_index(h->volunteers, self->person_volunteer[p]);
	RosterSolverModel *m = self->solver;
	guint max_minutes = ROSTER_SOLVER_UNLIMITED;
	guint max_shifts = h->n_days;

	if (v->max_hours_month >= 0)
		max_minutes = (guint)v->max_hours_month * 60;
	if (v->max_shifts_month >= 0) {
		max_shifts = MIN(max_shifts, (guint)v->max_shifts_month);
		max_minutes = MIN(max_minutes, (guint)v->max_shifts_month * h->slot_minutes);
	}
	for (guint s = 0; s < self->n_types; s++)
		roster_solver_model_set_max_shifts(
		    m,
		    p,
		    s,
		    roster_hotline_model_may_take(self, p, (gint)s) ? max_shifts : 0);
	roster_solver_model_set_minutes(m, p, 0, max_minutes);
	roster_solver_model_set_consecutive(
	    m,
	    p,
	    1,
	    v->max_consecutive_days >= 0 ? (guint)v->max_consecutive_days : h->n_days,
	    1);
	roster_solver_model_set_max_weekends(m, p, ROSTER_SOLVER_UNLIMITED);
}

/* the team rotation: a hard one takes the cells bound to other teams away from the
 * volunteer, as an unavailability does; a soft one makes each of them cost its weight */
static void
add_team_rotation(RosterHotlineModel *self, guint p)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	gboolean hard = h->rotation.mode == ROSTER_HOTLINE_ROTATION_HARD;

	if (h->rotation.rules->len == 0 || (!hard && h->rotation.weight == 0))
		return;
	for (guint d = 0; d < h->n_days; d++) {
		for (guint s = 0; s < self->n_types; s++) {
			guint slot = roster_hotline_model_type_slot(self, (gint)s);
			if (!roster_hotline_model_is_outside_team_rotation(self, p, d, slot))
				continue;
			if (hard)
				roster_solver_model_forbid_cell(m, p, d, s);
			else
				roster_solver_model_add_request(m,
								p,
								d,
								s,
								FALSE,
								h->rotation.weight);
		}
	}
}

static void
set_person_extras(RosterHotlineModel *self, guint p)
{
	const RosterHotline *h = self->hotline;
	const RosterHotlineVolunteer *v =
	    g_ptr_array_index(h->volunteers, self->person_volunteer[p]);
	RosterSolverModel *m = self->solver;

	if (v->max_hours_week >= 0)
		roster_solver_model_set_week_max_minutes(m, p, (guint)v->max_hours_week * 60);
	if (v->max_nights_month >= 0)
		roster_solver_model_set_max_nights(m, p, (guint)v->max_nights_month);
	if (v->min_shifts_month > 0 && v->active)
		roster_solver_model_set_min_shifts(m, p, (guint)v->min_shifts_month);
	if (h->settings.w_team > 0 && h->team_slots->len > 0) {
		for (guint s = 0; s < self->n_types; s++) {
			guint slot = roster_hotline_model_type_slot(self, (gint)s);
			if (!roster_hotline_model_is_outside_team_slots(self, p, slot))
				continue;
			for (guint d = 0; d < h->n_days; d++)
				roster_solver_model_add_request(m,
								p,
								d,
								s,
								FALSE,
								h->settings.w_team);
		}
	}
	add_team_rotation(self, p);
	if (v->tier == ROSTER_HOTLINE_TIER_TRAINEE)
		roster_solver_model_set_pair_role(m, p, ROSTER_SOLVER_PAIR_TRAINEE);
	else if (v->tier >= ROSTER_HOTLINE_TIER_SENIOR)
		roster_solver_model_set_pair_role(m, p, ROSTER_SOLVER_PAIR_MENTOR);
	for (guint i = 0; i < h->availability->len; i++) {
		const RosterHotlineAvailability *a = g_ptr_array_index(h->availability, i);
		if (a->volunteer_id == v->id)
			add_availability(self, p, a);
	}
}

/* finds (person, day, type) of an assignment; FALSE when it is outside the model */
static gboolean
locate(const RosterHotlineModel *self,
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

static void
add_people(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;

	self->person_volunteer = g_new0(gint, h->volunteers->len + 1);
	self->volunteer_person = g_new0(gint, h->volunteers->len + 1);
	for (guint i = 0; i < h->volunteers->len; i++) {
		const RosterHotlineVolunteer *v = g_ptr_array_index(h->volunteers, i);
		g_autofree gchar *id = g_strdup_printf("%s (%" G_GINT64_FORMAT ")", v->name, v->id);
		guint p = roster_solver_model_add_person(m, id);
		self->person_volunteer[p] = (gint)i;
		self->volunteer_person[i] = (gint)p;
	}
}

static void
add_shift_types(RosterHotlineModel *self, const gboolean *needed)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;

	for (guint kind = 0; kind < self->n_slots * self->n_classes; kind++) {
		guint k = kind / self->n_classes;
		gint start = roster_hotline_model_slot_start(self, k);
		const RosterHotlineSeatClass *sc =
		    g_ptr_array_index(h->seat_classes, kind % self->n_classes);
		g_autofree gchar *id = NULL;
		if (needed != NULL && !needed[kind]) {
			self->kind_type[kind] = -1;
			continue;
		}
		id = g_strdup_printf("%02d:%02d %s", start / 60, start % 60, sc->code);
		self->kind_type[kind] =
		    (gint)roster_solver_model_add_shift_type(m, id, (guint)start, h->slot_minutes);
		self->type_kind[self->n_types++] = kind;
	}
	/* the trainee places of each (slot, seat class) that offers them, after the seats:
	 * a shift type of its own, so that only trainees take it and its cover is apart */
	for (guint kind = 0; kind < self->n_slots * self->n_classes; kind++) {
		gint start = roster_hotline_model_slot_start(self, kind / self->n_classes);
		const RosterHotlineSeatClass *sc =
		    g_ptr_array_index(h->seat_classes, kind % self->n_classes);
		g_autofree gchar *id = NULL;
		self->kind_trainee_type[kind] = -1;
		if (self->kind_type[kind] < 0 || !offers_trainee_places(sc))
			continue;
		id = g_strdup_printf("%02d:%02d %s trainee", start / 60, start % 60, sc->code);
		self->kind_trainee_type[kind] =
		    (gint)roster_solver_model_add_shift_type(m, id, (guint)start, h->slot_minutes);
		self->type_trainee[self->n_types] = 1;
		self->type_kind[self->n_types++] = kind;
	}
	/* rest: a shift may not follow one of the day before when the gap is too short */
	for (guint s = 0; s < self->n_types; s++) {
		for (guint t = 0; t < self->n_types; t++) {
			guint k = roster_hotline_model_type_slot(self, (gint)s);
			guint j = roster_hotline_model_type_slot(self, (gint)t);
			if (roster_hotline_model_rest_too_short(self, k, j))
				roster_solver_model_forbid_succession(m, s, t);
		}
	}
}

/*
 * under shortage: the seats of a slot up to its seat class's minimum cost this many
 * times the under-cover weight (at most ROSTER_HOTLINE_MIN_SEAT_WEIGHT_MAX), and each
 * further missing seat of the same slot costs one under-cover weight more than the
 * one before, so that the gap spreads over the slots instead of piling up where the
 * other soft rules (night fairness) make seats dearest
 */
#define ROSTER_HOTLINE_MIN_SEAT_FACTOR	   10
#define ROSTER_HOTLINE_MIN_SEAT_WEIGHT_MAX 50000

static void
add_cover_and_days(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	guint wd0 = weekday_of(h->first_day);

	for (guint d = 0; d < h->n_days; d++) {
		guint wd = weekday_of(h->first_day + d);
		roster_solver_model_set_day_week(m, d, (d + wd0 - 1) / 7);
		roster_solver_model_set_weekend(m, d, wd >= 6);
		for (guint s = 0; s < self->n_types; s++) {
			guint k = roster_hotline_model_type_slot(self, (gint)s);
			guint c = roster_hotline_model_type_class(self, (gint)s);
			const RosterHotlineSeatClass *sc = g_ptr_array_index(h->seat_classes, c);
			guint req = roster_hotline_model_get_requirement(self, d, k, c);
			guint under = sc->crisis ? h->settings.w_uncovered_crisis
						 : h->settings.w_uncovered;
			guint64 min_weight = (guint64)under * ROSTER_HOTLINE_MIN_SEAT_FACTOR;
			if (roster_hotline_model_type_is_trainee(self, (gint)s)) {
				/* an empty trainee place is no gap: linear and cheap */
				roster_solver_model_set_cover(
				    m,
				    d,
				    s,
				    roster_hotline_model_get_trainee_places(self, d, k, c),
				    h->settings.w_trainee_place,
				    h->settings.w_over);
				continue;
			}
			roster_solver_model_set_cover(m, d, s, req, under, h->settings.w_over);
			roster_solver_model_set_cover_shortage(
			    m,
			    d,
			    s,
			    MIN(req, sc->min_seats),
			    (guint)MAX(MIN(min_weight, ROSTER_HOTLINE_MIN_SEAT_WEIGHT_MAX), under),
			    TRUE);
		}
	}
	for (guint s = 0; s < self->n_types; s++) {
		guint k = roster_hotline_model_type_slot(self, (gint)s);
		const RosterHotlineSeatClass *sc =
		    g_ptr_array_index(h->seat_classes,
				      roster_hotline_model_type_class(self, (gint)s));
		roster_solver_model_set_night(m, s, roster_hotline_model_is_night(self, k));
		/* a trainee needs a senior or expert in the same slot and seat mode */
		roster_solver_model_set_pair_group(m, s, (gint)(k * 2 + (sc->cloud ? 1 : 0)));
	}
	roster_solver_model_set_fairness(m, h->settings.w_night, h->settings.w_weekend);
	roster_solver_model_set_min_shifts_weight(m, h->settings.w_commitment);
}

static RosterSolverRoster *
place(const RosterHotlineModel *self, GPtrArray *assignments, gboolean strict, GError **error)
{
	g_autoptr(RosterSolverRoster) roster =
	    roster_solver_roster_new(roster_solver_model_get_n_people(self->solver),
				     self->hotline->n_days);

	for (guint i = 0; i < assignments->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		guint p;
		guint d;
		guint s;
		if (!locate(self, a, &p, &d, &s)) {
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
static void
mark_needed(const RosterHotlineModel *self, GPtrArray *assignments, gboolean *needed)
{
	for (guint i = 0; i < assignments->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		gint slot = roster_hotline_model_find_slot(self, a->slot_start);
		gint c = roster_hotline_model_find_class(self, a->seat_class_id);
		if (slot >= 0 && c >= 0)
			needed[(guint)slot * self->n_classes + (guint)c] = TRUE;
	}
}

/*
 * stability: every shift that differs from the last published version, or from the
 * roster the solve starts from when nothing is published yet, costs w_stability: a
 * shift dropped or moved, and a shift on a day the volunteer was off
 */
static void
add_stability(RosterHotlineModel *self)
{
	const RosterHotline *h = self->hotline;
	RosterSolverModel *m = self->solver;
	GPtrArray *reference = h->previous->len > 0 ? h->previous : h->current;
	guint n_people = roster_solver_model_get_n_people(m);
	g_autofree guint8 *working = NULL;

	if (h->settings.w_stability == 0 || reference->len == 0)
		return;
	working = g_new0(guint8, (gsize)n_people * h->n_days + 1);
	for (guint i = 0; i < reference->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(reference, i);
		guint p;
		guint d;
		guint s;
		if (!locate(self, a, &p, &d, &s))
			continue;
		working[(gsize)p * h->n_days + d] = 1;
		roster_solver_model_add_request(m, p, d, s, TRUE, h->settings.w_stability);
	}
	for (guint p = 0; p < n_people; p++) {
		for (guint d = 0; d < h->n_days; d++) {
			if (working[(gsize)p * h->n_days + d])
				continue;
			for (guint s = 0; s < self->n_types; s++)
				roster_solver_model_add_request(m,
								p,
								d,
								s,
								FALSE,
								h->settings.w_stability);
		}
	}
}

/**
 * roster_hotline_model_new:
 * @hotline: the hotline data; must outlive the model
 * @error: (nullable): return location for a #GError
 *
 * Builds the solver model of @hotline.
 *
 * Returns: (transfer full): the model, or %NULL with @error set
 */
RosterHotlineModel *
roster_hotline_model_new(const RosterHotline *hotline, GError **error)
{
	g_autoptr(RosterHotlineModel) self = g_new0(RosterHotlineModel, 1);
	g_autofree gboolean *needed = NULL;
	RosterSolverModel *m;

	if (hotline->n_days == 0 || hotline->slot_minutes == 0 ||
	    1440 % hotline->slot_minutes != 0 || hotline->seat_classes->len == 0) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "a roster needs days, a slot length that divides a day and "
				    "seat classes");
		return NULL;
	}
	self->hotline = hotline;
	self->n_slots = 1440 / hotline->slot_minutes;
	self->n_classes = hotline->seat_classes->len;
	/* a shift type per (slot, seat class), and one more for its trainee places */
	if (2 * self->n_slots * self->n_classes > G_MAXINT16) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INVALID_DATA,
				    "too many slots and seat classes");
		return NULL;
	}
	self->solver = roster_solver_model_new(hotline->n_days);
	m = self->solver;
	self->kind_type = g_new0(gint, self->n_slots * self->n_classes + 1);
	self->type_kind = g_new0(guint, 2 * self->n_slots * self->n_classes + 1);
	self->kind_trainee_type = g_new0(gint, self->n_slots * self->n_classes + 1);
	self->type_trainee = g_new0(guint8, 2 * self->n_slots * self->n_classes + 1);
	resolve_demand(self);
	if (hotline->only_needed) {
		needed = g_new0(gboolean, self->n_slots * self->n_classes + 1);
		for (gsize i = 0; i < (gsize)hotline->n_days * self->n_slots * self->n_classes;
		     i++) {
			if (self->requirement[i] > 0)
				needed[i % (self->n_slots * self->n_classes)] = TRUE;
		}
		mark_needed(self, hotline->pinned, needed);
		mark_needed(self, hotline->current, needed);
		mark_needed(self, hotline->previous, needed);
	}
	add_shift_types(self, needed);
	add_people(self);
	add_cover_and_days(self);
	for (guint p = 0; p < hotline->volunteers->len; p++) {
		set_person_limits(self, p);
		set_person_extras(self, p);
	}
	add_stability(self);
	for (guint i = 0; i < hotline->pinned->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(hotline->pinned, i);
		guint p;
		guint d;
		guint s;
		if (locate(self, a, &p, &d, &s))
			roster_solver_model_fix_cell(m, p, d, s);
	}
	if (hotline->current->len > 0)
		self->initial = place(self, hotline->current, FALSE, NULL);
	return g_steal_pointer(&self);
}

/**
 * roster_hotline_model_free:
 * @self: (nullable): a model
 *
 * Frees the model.
 */
void
roster_hotline_model_free(RosterHotlineModel *self)
{
	if (self == NULL)
		return;
	roster_solver_model_free(self->solver);
	roster_solver_roster_free(self->initial);
	g_free(self->person_volunteer);
	g_free(self->volunteer_person);
	g_free(self->requirement);
	g_free(self->kind_type);
	g_free(self->type_kind);
	g_free(self->kind_trainee_type);
	g_free(self->type_trainee);
	g_free(self);
}

static gboolean
is_pinned(const RosterHotlineModel *self, guint p, guint d, guint s, guint *seat_no)
{
	for (guint i = 0; i < self->hotline->pinned->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(self->hotline->pinned, i);
		guint pp;
		guint dd;
		guint ss;
		if (locate(self, a, &pp, &dd, &ss) && pp == p && dd == d && ss == s) {
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
	return place(self, assignments, TRUE, error);
}
