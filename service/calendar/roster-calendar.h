/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * iCalendar (RFC 5545) output with libical-glib. The code takes plain data, one
 * RosterCalendarEvent per published shift, and returns the text of a VCALENDAR with
 * the VTIMEZONE of the service calendar; it knows nothing of the store or the engine.
 */

typedef struct {
	/* stable per assignment, see roster-engine-calendar.c */
	gchar *uid;
	/* the operational day YYYY-MM-DD and the start in minutes after its midnight; a
	 * value of 1440 or more falls on the next calendar day */
	gchar *date;
	gint start_minutes;
	gint duration_minutes;
	/* how often the published shift changed */
	guint sequence;
	/* removed in a later published version */
	gboolean cancelled;
	gchar *line;
	gchar *seat_class;
	/* on-site or cloud */
	gchar *mode;
	/* nullable: the place of an on-site seat */
	gchar *location;
	/* nullable */
	gchar *team;
	gchar *duty_contact;
	/* nullable: the person, named in whole-roster exports */
	gchar *volunteer;
	/* a block of the duty expert's on-call rota rather than a seat */
	gboolean on_call;
} RosterCalendarEvent;

RosterCalendarEvent *
roster_calendar_event_new(void);
void
roster_calendar_event_free(RosterCalendarEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterCalendarEvent, roster_calendar_event_free)

typedef struct {
	/* an IANA zone such as Asia/Shanghai */
	const gchar *time_zone;
	/* English summaries instead of Chinese */
	gboolean english;
	/* reminders, in minutes before the start; none when @n_alarms is 0 */
	const gint *alarms;
	guint n_alarms;
	/* nullable: X-WR-CALNAME */
	const gchar *name;
	/* DTSTAMP of every event, seconds since 1970 (UTC) */
	gint64 stamp;
} RosterCalendarOptions;

/* the default reminders: one day and one hour before */
extern const gint roster_calendar_default_alarms[2];

gchar *
roster_calendar_dup_summary(const RosterCalendarEvent *event, gboolean english);
gchar *
roster_calendar_render(GPtrArray *events, const RosterCalendarOptions *options, GError **error);

G_END_DECLS
