/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

#include "roster-engine.h"

G_BEGIN_DECLS

/*
 * Calendars of published shifts. A volunteer's personal feed is read with an
 * unguessable token and no login; only the hash of the token is stored. Events come
 * from the published versions of every roster: the UID of a shift is
 * "<assignment id>-<volunteer id>@<roster id>.hotline-roster" (an edit keeps the
 * assignment's id, so a moved shift keeps its UID and its SEQUENCE counts the
 * published versions in which its date, slot or seat class changed; a shift that a
 * later version no longer holds, or that went to someone else, is CANCELLED; a
 * re-solve makes new assignments, so its old shifts are cancelled and new ones appear).
 */

/* what a calendar holds: the whole output and the time it last changed */
typedef struct {
	gchar *text;
	/* seconds since 1970 */
	gint64 last_modified;
	guint n_events;
	/* a strong entity tag of @text, quoted: the first 128 bits of its SHA-256 in hex */
	gchar *etag;
} RosterCalendarFeed;

RosterCalendarFeed *
roster_calendar_feed_copy(const RosterCalendarFeed *feed);
void
roster_calendar_feed_free(RosterCalendarFeed *feed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterCalendarFeed, roster_calendar_feed_free)

/* a new token for @volunteer_id (the volunteer itself, a coordinator or an admin);
 * the old one stops working; returns {"token", "url"} where url is the path
 * /calendar/<token>.ics */
JsonNode *
roster_engine_rotate_calendar_token(RosterEngine *self,
				    RosterPrincipal *principal,
				    gint64 volunteer_id,
				    GError **error);
/* the feed of the volunteer holding @token, in English when @english asks or the
 * volunteer prefers it; an unknown token is ROSTER_ERROR_NOT_FOUND. A feed is built
 * once and kept until the database is written (by this engine, another connection or
 * another process) or restored */
RosterCalendarFeed *
roster_engine_dup_calendar_feed(RosterEngine *self,
				const gchar *token,
				gboolean english,
				GError **error);
/* one file for coordinators, managers and admins: every published shift of
 * @roster_id (0: all rosters), optionally only of a team, a seat class or a volunteer
 * (0: no filter); a volunteer may export only its own shifts */
RosterCalendarFeed *
roster_engine_export_calendar(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint64 roster_id,
			      gint64 team_id,
			      gint64 seat_class_id,
			      gint64 volunteer_id,
			      gboolean english,
			      GError **error);

/* the same in a worker thread with its own connection to the database, for the daemon:
 * a province's month takes long enough to hold up other requests */
void
roster_engine_export_calendar_async(RosterEngine *self,
				    RosterPrincipal *principal,
				    gint64 roster_id,
				    gint64 team_id,
				    gint64 seat_class_id,
				    gint64 volunteer_id,
				    gboolean english,
				    GCancellable *cancellable,
				    GAsyncReadyCallback callback,
				    gpointer user_data);
RosterCalendarFeed *
roster_engine_export_calendar_finish(RosterEngine *self, GAsyncResult *result, GError **error);

G_END_DECLS
