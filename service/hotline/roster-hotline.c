/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-hotline.h"

/* the hotline as plain data: names of tiers and sources, constructors, and the rules of
 * weekdays, skills and time windows every reader of the hotline shares */

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
	g_free(o->name);
	g_free(o);
}

static void
day_free(gpointer data)
{
	RosterHotlineDay *day = data;
	g_free(day->name);
	g_free(day);
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
	self->days = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, day_free);
	self->holiday_windows = g_array_new(FALSE, TRUE, sizeof(RosterHotlineWindow));
	self->years_without_calendar = g_array_new(FALSE, TRUE, sizeof(guint));
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
	g_hash_table_unref(self->days);
	g_array_unref(self->holiday_windows);
	g_array_unref(self->years_without_calendar);
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
guint
roster_hotline_weekday_of(gint64 julian)
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

/**
 * roster_hotline_volunteer_has_skills:
 * @volunteer: a volunteer
 * @seat_class: a seat class
 *
 * Returns: whether the volunteer has every skill the seat class asks for
 */
gboolean
roster_hotline_volunteer_has_skills(const RosterHotlineVolunteer *volunteer,
				    const RosterHotlineSeatClass *seat_class)
{
	gchar **have = volunteer->skills;
	gchar **need = seat_class->skills;
	for (guint i = 0; need != NULL && need[i] != NULL; i++) {
		if (have == NULL || !g_strv_contains((const gchar *const *)have, need[i]))
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_hotline_volunteer_has_mode:
 * @volunteer: a volunteer
 * @seat_class: a seat class
 *
 * Returns: whether the volunteer works in the seat class's mode, on site or from home
 *   (cloud)
 */
gboolean
roster_hotline_volunteer_has_mode(const RosterHotlineVolunteer *volunteer,
				  const RosterHotlineSeatClass *seat_class)
{
	return seat_class->cloud ? volunteer->cloud : volunteer->on_site;
}

/**
 * roster_hotline_seat_class_offers_trainee_places:
 * @seat_class: a seat class
 *
 * Returns: whether the seat class offers trainee places at all
 */
gboolean
roster_hotline_seat_class_offers_trainee_places(const RosterHotlineSeatClass *seat_class)
{
	return seat_class->trainee_places > 0 && !seat_class->crisis;
}
