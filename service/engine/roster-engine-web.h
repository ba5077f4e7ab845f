/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what the volunteers' page asks of the engine: browser sessions and sign-in links
 * (roster-engine-sessions.c), my shifts and my month (roster-engine-me.c) and
 * availability rounds (roster-engine-rounds.c) */

#pragma once

#include "roster-engine.h"

G_BEGIN_DECLS

/* the members of the page's answers that no other part of the API has */
#define ROSTER_WEB_KEY_CSRF_TOKEN    "csrf_token"
#define ROSTER_WEB_KEY_CONFIRMED_AT  "confirmed_at"
#define ROSTER_WEB_KEY_CHANGED	     "changed"
#define ROSTER_WEB_KEY_COLLEAGUES    "colleagues"
#define ROSTER_WEB_KEY_GIVEN_NAME    "given_name"
#define ROSTER_WEB_KEY_ROSTER_NAME   "roster_name"
#define ROSTER_WEB_KEY_SEAT_CLASS    "seat_class"
#define ROSTER_WEB_KEY_NIGHT	     "night"
#define ROSTER_WEB_KEY_TODAY	     "today"
#define ROSTER_WEB_KEY_MONTH	     "month"
#define ROSTER_WEB_KEY_SHIFTS	     "shifts"
#define ROSTER_WEB_KEY_NIGHTS	     "nights"
#define ROSTER_WEB_KEY_HOURS_YEAR    "hours_year"
#define ROSTER_WEB_KEY_NEXT_STARS    "next_stars"
#define ROSTER_WEB_KEY_HOURS_TO_NEXT "hours_to_next"
#define ROSTER_WEB_KEY_DEADLINE	     "deadline"
#define ROSTER_WEB_KEY_OPEN	     "open"
#define ROSTER_WEB_KEY_MARKS	     "marks"
#define ROSTER_WEB_KEY_CLASHES	     "clashes"
#define ROSTER_WEB_KEY_ANSWERED_AT   "answered_at"
#define ROSTER_WEB_KEY_ANSWERS	     "answers"
#define ROSTER_WEB_KEY_SLOTS	     "slots"

/* how long a sign-in link works unless its maker says otherwise: 7 days */
#define ROSTER_SIGNIN_LINK_LIFETIME (7 * 24 * 3600)
/* the longest lifetime a link may be given: 30 days */
#define ROSTER_SIGNIN_LINK_MAX_LIFETIME (30 * 24 * 3600)

/* sessions: a browser's session is a session token in a cookie; its CSRF token is a
 * keyed hash of it, so it is bound to the session and nothing more is stored */
gchar *
roster_engine_dup_csrf_token(const gchar *session_token);
gboolean
roster_engine_check_csrf(const gchar *session_token, const gchar *csrf_token, GError **error);
JsonNode *
roster_engine_create_signin_link(RosterEngine *self,
				 RosterPrincipal *principal,
				 JsonNode *body,
				 GError **error);
JsonNode *
roster_engine_list_signin_links(RosterEngine *self,
				RosterPrincipal *principal,
				gint64 volunteer_id,
				GError **error);
gboolean
roster_engine_revoke_signin_link(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 id,
				 GError **error);
gchar *
roster_engine_redeem_signin_link(RosterEngine *self,
				 const gchar *token,
				 const gchar *address,
				 gint64 *expires_at,
				 RosterPrincipal **principal,
				 gint64 *retry_after,
				 GError **error);

/* my shifts and my month */
JsonNode *
roster_engine_list_my_shifts(RosterEngine *self,
			     RosterPrincipal *principal,
			     const gchar *today,
			     GError **error);
gboolean
roster_engine_mark_shifts_seen(RosterEngine *self, RosterPrincipal *principal, GError **error);
JsonNode *
roster_engine_confirm_shift(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 roster_id,
			    gint64 assignment_id,
			    GError **error);
JsonNode *
roster_engine_get_my_month(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *month,
			   GError **error);
gboolean
roster_engine_add_confirmed_at(RosterEngine *self, JsonNode *roster, GError **error);

/* availability rounds */
JsonNode *
roster_engine_create_round(RosterEngine *self,
			   RosterPrincipal *principal,
			   JsonNode *body,
			   GError **error);
JsonNode *
roster_engine_list_rounds(RosterEngine *self, RosterPrincipal *principal, GError **error);
JsonNode *
roster_engine_get_round(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error);
JsonNode *
roster_engine_answer_round(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   JsonNode *body,
			   GError **error);

G_END_DECLS
