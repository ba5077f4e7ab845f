/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* what the two parts of shift requests share: the published roster a request is about,
 * the change it makes, its check under the hard rules and its application */

#include "roster-engine-requests.h"
#include "roster-engine-rosters-private.h"
#include "roster-json-keys-requests.h"
#include "roster-store-requests.h"

G_BEGIN_DECLS

/* the published roster @roster_id in @edit, whose @before is its last published
 * version; a roster never published is ROSTER_ERROR_NOT_FOUND like an unknown one */
gboolean
roster_requests_load(RosterEngine *self, gint64 roster_id, RosterRosterEdit *edit, GError **error);
/* the assignment @id of the last published version, or %NULL */
const RosterHotlineAssignment *
roster_requests_find_published(const RosterRosterEdit *edit, gint64 id);
/* the start of a shift of @edit's roster as UTC ISO 8601 text */
gchar *
roster_requests_dup_start(const RosterRosterEdit *edit,
			  GTimeZone *tz,
			  guint32 date,
			  gint slot_start);
/* the time zone of the service */
GTimeZone *
roster_requests_dup_time_zone(RosterEngine *self, GError **error);

/* whether the request @row, taken by @taker, keeps every hard rule of the published
 * roster; a shift that moved since is ROSTER_ERROR_CONFLICT "shift-changed", an open
 * seat filled since "seat-taken" */
gboolean
roster_requests_check(const RosterRosterEdit *edit, JsonObject *row, gint64 taker, GError **error);
/* inside the caller's transaction: writes the change of @row (taken by its taker) into
 * the draft and as the roster's next published version; that version's number */
gboolean
roster_requests_apply(RosterEngine *self,
		      RosterPrincipal *principal,
		      RosterRosterEdit *edit,
		      JsonObject *row,
		      gint64 *version,
		      GError **error);
/* the volunteers who may take the give-away @row under every hard rule, ranked: an
 * array of RosterRosterCandidate */
GArray *
roster_requests_rank_takers(const RosterRosterEdit *edit, JsonObject *row);
/* the first seat number of (@date, @slot_start, @seat_class_id) nobody holds in the
 * published version, when the demand leaves one open; 0 when none is */
guint
roster_requests_open_seat_no(const RosterRosterEdit *edit,
			     guint32 date,
			     gint slot_start,
			     gint64 seat_class_id);

/* the coordinator's rule for approving an accepted request by itself */
typedef struct {
	gboolean auto_approve;
	gint64 min_hours_ahead;
	gboolean same_seat_class;
	gboolean allow_crisis;
} RosterRequestRules;

/* roster-engine-requests-apply.c: ROSTER_ERROR @code with the stable code @field */
gboolean
roster_requests_refuse(GError **error, RosterError code, const gchar *field, const gchar *message);

/* the integer member @key of a request's row, 0 when it is null */
gint64
roster_requests_row_int(JsonObject *row, const gchar *key);

/* roster-engine-requests.c */
gboolean
roster_requests_is_staff(RosterPrincipal *principal);
/* signed in, and a volunteer linked to its record or staff, with the database open */
gboolean
roster_requests_check_caller(RosterEngine *self, RosterPrincipal *principal, GError **error);
/* expires what is due now: the lazy half of expiry, before every read and action */
gboolean
roster_requests_expire_now(RosterEngine *self, GError **error);
/* adds "<prefix>_name" and "<prefix>_counsellor_no" of volunteer @id: colleagues are
 * shown by name and number only, never by their contacts */
void
roster_requests_add_person(RosterEngine *self, JsonObject *obj, const gchar *prefix, gint64 id);
/* the request as the API shows it, with the names and numbers of its people */
JsonNode *
roster_requests_node(RosterEngine *self, JsonObject *row);
gboolean
roster_requests_load_rules(RosterEngine *self, RosterRequestRules *rules, GError **error);
gboolean
roster_requests_rules_allow(const RosterRequestRules *rules,
			    const RosterRosterEdit *edit,
			    JsonObject *row);
/* a read of request @id: the caller checked, what is due expired, then the request as
 * the caller may see it (another's is not found, like an unknown one) */
JsonObject *
roster_requests_read_visible(RosterEngine *self,
			     RosterPrincipal *principal,
			     GHashTable *edits,
			     gint64 id,
			     GError **error);
/* published rosters read once per call: roster id -> RosterRosterEdit */
GHashTable *
roster_requests_new_edits(void);
RosterRosterEdit *
roster_requests_edit_for(RosterEngine *self, GHashTable *edits, gint64 roster_id, GError **error);
/* approves the accepted request @row and applies it inside the caller's transaction
 * (@by_rules: the rules approved it); the request as it is now */
JsonObject *
roster_requests_approve(RosterEngine *self,
			RosterPrincipal *principal,
			RosterRosterEdit *edit,
			JsonObject *row,
			gboolean by_rules,
			const gchar *reason,
			GError **error);

G_END_DECLS
