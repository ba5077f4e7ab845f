/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The hotline as plain data: seat classes, demand, volunteers, availability,
 * assignments, the calendar's windows and overrides, the team rotation and the
 * coordinator's weights. No solver in sight: the store and the engine fill and read
 * these, and roster-hotline-model.h maps them to the solver's model.
 */

typedef enum {
	ROSTER_HOTLINE_TIER_TRAINEE,
	ROSTER_HOTLINE_TIER_COUNSELLOR,
	ROSTER_HOTLINE_TIER_SENIOR,
	ROSTER_HOTLINE_TIER_EXPERT,
} RosterHotlineTier;

typedef enum {
	ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE,
	ROSTER_HOTLINE_AVAILABILITY_PREFERRED,
	ROSTER_HOTLINE_AVAILABILITY_AVOID,
} RosterHotlineAvailabilityKind;

/* a limit that is not set */
#define ROSTER_HOTLINE_NO_LIMIT (-1)

typedef struct {
	gint64 id;
	gchar *code;
	gboolean cloud;
	RosterHotlineTier min_tier;
	gchar **skills;
	gboolean crisis;
	/* seats of each slot kept before any slot gets a further one (capped at the
	 * demand); 1 unless the seat class says otherwise */
	guint min_seats;
	/* places beside the seats of each slot that has seats, taken only by trainees
	 * and only beside a senior or expert of the same mode; never on a crisis class */
	guint trainee_places;
} RosterHotlineSeatClass;

typedef struct {
	gint64 seat_class_id;
	/* bit w for weekday w (1 Monday … 7 Sunday); 0 for every day */
	guint weekdays;
	/* julian days, 0 for open */
	guint32 date_from;
	guint32 date_to;
	/* minutes after midnight of each calendar date the rule applies to; @end may be
	 * 1440 (24:00), and an end at or before @start is on the next date */
	gint start;
	gint end;
	guint seats;
} RosterHotlineDemand;

typedef struct {
	gint64 id;
	gchar *name;
	RosterHotlineTier tier;
	gchar **skills;
	gboolean on_site;
	gboolean cloud;
	gboolean active;
	gint64 team_id;
	gint max_hours_week;
	gint max_hours_month;
	gint max_shifts_month;
	gint max_consecutive_days;
	gint max_nights_month;
	gint min_shifts_month;
} RosterHotlineVolunteer;

typedef struct {
	gint64 volunteer_id;
	RosterHotlineAvailabilityKind kind;
	/* a julian day, or 0 when @weekday is set */
	guint32 date;
	guint weekday;
	/* minutes after midnight of the date (or of each date of the weekday), @end up to
	 * 1440 (24:00); both -1 for the whole operational day of the date */
	gint start;
	gint end;
} RosterHotlineAvailability;

/* who made an assignment: the solver, a coordinator, or a coordinator overriding a
 * hard rule */
typedef enum {
	ROSTER_HOTLINE_SOURCE_SOLVER,
	ROSTER_HOTLINE_SOURCE_MANUAL,
	ROSTER_HOTLINE_SOURCE_OVERRIDE,
} RosterHotlineSource;

const gchar *
roster_hotline_source_to_string(RosterHotlineSource source);
RosterHotlineSource
roster_hotline_source_from_string(const gchar *source);

typedef struct {
	gint64 id;
	/* the operational day, julian */
	guint32 date;
	/* minutes after midnight of the slot's start */
	gint slot_start;
	gint64 seat_class_id;
	guint seat_no;
	gint64 volunteer_id;
	gboolean pinned;
	RosterHotlineSource source;
} RosterHotlineAssignment;

/* a manned window: clock time on each date of the weekday, @end up to 1440 (24:00) */
typedef struct {
	guint weekday;
	gint start;
	gint end;
} RosterHotlineWindow;

/* a dated override of the manned hours: on each calendar date from @date_from to
 * @date_to (julian, both included) the line is manned in @windows only, from midnight to
 * midnight (RosterHotlineWindow, clock time on each of those dates, weekday unused);
 * no windows: closed */
typedef struct {
	guint32 date_from;
	guint32 date_to;
	GArray *windows;
	/* the coordinator's name of the period (高考, 中考), or NULL */
	gchar *name;
} RosterHotlineOverride;

/* a date of the imported holiday calendar: a day off (a statutory holiday or a day off
 * in lieu) or a make-up working day (调休) */
typedef enum {
	ROSTER_HOTLINE_DAY_HOLIDAY,
	ROSTER_HOTLINE_DAY_WORKING,
} RosterHotlineDayKind;

typedef struct {
	guint32 date;
	RosterHotlineDayKind kind;
	/* the holiday's name in the notice (国庆节) */
	gchar *name;
} RosterHotlineDay;

/* what the line does on a holiday: its Sunday hours and demand, nothing, or its own
 * holiday windows with the demand rules that name holidays */
typedef enum {
	ROSTER_HOTLINE_HOLIDAY_AS_SUNDAY,
	ROSTER_HOTLINE_HOLIDAY_CLOSED,
	ROSTER_HOTLINE_HOLIDAY_OWN,
} RosterHotlineHolidayHours;

/* the weekday a demand rule names for the holidays (ROSTER_WEEKDAY_HOLIDAY) */
#define ROSTER_HOTLINE_WEEKDAY_HOLIDAY 8

/* the coordinator's weights and the rest rule */
typedef struct {
	guint min_rest_minutes;
	guint w_uncovered;
	guint w_uncovered_crisis;
	guint w_over;
	guint w_avoid;
	guint w_preferred;
	guint w_night;
	guint w_weekend;
	guint w_commitment;
	guint w_stability;
	guint w_team;
	/* an empty trainee place: no gap of the line, a small loss */
	guint w_trainee_place;
} RosterHotlineSettings;

/* a slot a team prefers: its members cost a little on other slots */
typedef struct {
	gint64 team_id;
	gint slot_start;
} RosterHotlineTeamSlot;

/*
 * a team rotation rule: it binds @team_id to the (operational day, slot) cells it
 * matches, those of its weekdays, its slots and the weeks of its cycle (each criterion
 * left out matches every cell); a cell bound to teams may be worked by volunteers of
 * those teams and by volunteers without a team, a cell no rule binds by everyone
 */
typedef struct {
	gint64 team_id;
	/* bit w for weekday w (1 Monday … 7 Sunday) of the operational day; 0 for every day */
	guint weekdays;
	/* slot starts (minutes after midnight, gint); empty for every slot */
	GArray *slots;
	/* the rule holds in week @cycle_week (1 … @cycle_weeks) of an N-week cycle counted
	 * in 7-day weeks from the rotation's cycle start; @cycle_weeks 0 for every week */
	guint cycle_weeks;
	guint cycle_week;
} RosterHotlineTeamRule;

typedef enum {
	ROSTER_HOTLINE_ROTATION_SOFT,
	ROSTER_HOTLINE_ROTATION_HARD,
} RosterHotlineRotationMode;

/* the roster's team rotation: hard (a volunteer of a team never works a cell bound
 * only to other teams) or soft (each such shift costs @weight) */
typedef struct {
	RosterHotlineRotationMode mode;
	guint weight;
	/* julian day week 1 of every cycle starts on; 0 for the period's first day */
	guint32 cycle_start;
	GPtrArray *rules; /* RosterHotlineTeamRule */
} RosterHotlineTeamRotation;

typedef struct {
	/* the period: julian day of the first operational day and its length */
	guint32 first_day;
	guint n_days;
	guint slot_minutes;
	gint first_slot_start;
	GArray *windows;      /* RosterHotlineWindow, empty for 24/7 */
	GPtrArray *overrides; /* RosterHotlineOverride, no two on one date */
	/* the night window, clock time (@night_end up to 1440, at or before @night_start
	 * on the next date): a shift is a night when at least half of it lies in it */
	gint night_start;
	gint night_end;
	RosterHotlineSettings settings;
	GPtrArray *seat_classes; /* RosterHotlineSeatClass */
	GPtrArray *demands;	 /* RosterHotlineDemand */
	GPtrArray *volunteers;	 /* RosterHotlineVolunteer */
	GPtrArray *availability; /* RosterHotlineAvailability */
	GPtrArray *pinned;	 /* RosterHotlineAssignment */
	GPtrArray *previous;	 /* RosterHotlineAssignment, the last published version */
	GPtrArray *current;	 /* RosterHotlineAssignment, the roster to start from */
	GArray *team_slots;	 /* RosterHotlineTeamSlot */
	RosterHotlineTeamRotation rotation;
	/* leave out the (slot, seat class) pairs nobody needs or holds: a smaller model
	 * solves faster, but cannot place new assignments there */
	gboolean only_needed;
	/* the imported holiday calendar's dates (RosterHotlineDay by julian day, the day
	 * before and after the period included), what a holiday does, the line's own
	 * holiday windows (RosterHotlineWindow, weekday unused) and the years of the period
	 * with no imported calendar (guint) */
	GHashTable *days;
	RosterHotlineHolidayHours holiday_hours;
	GArray *holiday_windows;
	GArray *years_without_calendar;
} RosterHotline;

void
roster_hotline_settings_init(RosterHotlineSettings *settings);
RosterHotline *
roster_hotline_new(guint32 first_day, guint n_days);
void
roster_hotline_free(RosterHotline *self);
RosterHotlineSeatClass *
roster_hotline_add_seat_class(RosterHotline *self, gint64 id, const gchar *code);
RosterHotlineDemand *
roster_hotline_add_demand(RosterHotline *self,
			  gint64 seat_class_id,
			  gint start,
			  gint end,
			  guint seats);
RosterHotlineOverride *
roster_hotline_add_override(RosterHotline *self, guint32 date_from, guint32 date_to);
void
roster_hotline_override_add_window(RosterHotlineOverride *self, gint start, gint end);
RosterHotlineVolunteer *
roster_hotline_add_volunteer(RosterHotline *self, gint64 id, const gchar *name);
RosterHotlineTeamRule *
roster_hotline_add_team_rule(RosterHotline *self, gint64 team_id);
void
roster_hotline_team_rule_add_slot(RosterHotlineTeamRule *self, gint slot_start);
RosterHotlineAvailability *
roster_hotline_add_availability(RosterHotline *self,
				gint64 volunteer_id,
				RosterHotlineAvailabilityKind kind);
RosterHotlineAssignment *
roster_hotline_assignment_new(void);
RosterHotlineAssignment *
roster_hotline_assignment_copy(const RosterHotlineAssignment *self);
gint
roster_hotline_tier_from_string(const gchar *tier);
const gchar *
roster_hotline_tier_to_string(RosterHotlineTier tier);

guint
roster_hotline_weekday_of(gint64 julian);

/* roster-hotline-days.c: the imported holiday calendar on the hotline's dates */
RosterHotlineDay *
roster_hotline_add_day(RosterHotline *self,
		       guint32 date,
		       RosterHotlineDayKind kind,
		       const gchar *name);
const RosterHotlineDay *
roster_hotline_get_day(const RosterHotline *self, gint64 julian);
guint
roster_hotline_rule_weekday_of(const RosterHotline *self, gint64 julian);
guint
roster_hotline_life_weekday_of(const RosterHotline *self, gint64 julian);
gboolean
roster_hotline_weekdays_match(const RosterHotline *self, guint weekdays, gint64 julian);
gboolean
roster_hotline_is_weekend(const RosterHotline *self, gint64 julian);
gboolean
roster_hotline_volunteer_has_skills(const RosterHotlineVolunteer *volunteer,
				    const RosterHotlineSeatClass *seat_class);
gboolean
roster_hotline_volunteer_has_mode(const RosterHotlineVolunteer *volunteer,
				  const RosterHotlineSeatClass *seat_class);
gboolean
roster_hotline_seat_class_offers_trainee_places(const RosterHotlineSeatClass *seat_class);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterHotline, roster_hotline_free)

/* time windows: clock time on a calendar date, and when one covers a slot */
void
roster_hotline_window_on_date(gint date, gint start, gint end, gint64 *from, gint64 *to);
gboolean
roster_hotline_window_covers_slot(gint64 from, gint64 to, gint64 slot_start, guint slot_minutes);

G_END_DECLS
