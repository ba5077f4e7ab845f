/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* what the parts of the rosters engine share: loading a roster's hotline, its score and
 * its JSON, the checks every write makes */

#include "roster-engine-private.h"
#include "roster-engine-rosters.h"
#include "roster-hotline-check.h"
#include "roster-json-keys.h"
#include "roster-store-rosters.h"

G_BEGIN_DECLS

/* the members of a roster's settings are in roster-json-keys.h, shared with the app */

/* ROSTER_ERROR_INVALID_DATA about the input @field; always FALSE */
gboolean
roster_rosters_invalid(GError **error, const gchar *field, const gchar *message);

/* roster-engine-checks.c: reads open to every role, and writes for admins and
 * coordinators */
gboolean
roster_rosters_check_read(RosterEngine *self, RosterPrincipal *principal, GError **error);
gboolean
roster_rosters_check_write(RosterEngine *self, RosterPrincipal *principal, GError **error);
/* reads that show everybody's shifts: not for volunteers */
gboolean
roster_rosters_check_staff(RosterPrincipal *principal, GError **error);
/* roster-engine-solve.c: ROSTER_ERROR_CONFLICT while a solve of the roster runs */
gboolean
roster_rosters_check_not_solving(RosterEngine *self, gint64 id, GError **error);
/* ROSTER_ERROR_CONFLICT unless @roster is at the @revision the caller read */
gboolean
roster_rosters_check_revision(const RosterStoreRoster *roster, gint64 revision, GError **error);

/* a request body, whether a member is an integer, a string member or NULL */
JsonObject *
roster_rosters_body_object(JsonNode *body, GError **error);
gboolean
roster_rosters_is_int(JsonObject *obj, const gchar *key);

/* roster-engine-loading.c: the settings of a roster, the whole hotline and its model */
gboolean
roster_rosters_is_setting(const gchar *key);
gboolean
roster_rosters_prepare(RosterEngine *self,
		       gint64 id,
		       gboolean for_solve,
		       RosterStoreRoster **roster_out,
		       RosterHotline **hotline_out,
		       RosterHotlineModel **model_out,
		       GError **error);

/* a roster read for an edit or an answer: the row at the caller's revision, its hotline,
 * the model of it and the current assignments in the model */
typedef struct {
	RosterStoreRoster *roster;
	RosterHotline *hotline;
	RosterHotlineModel *model;
	RosterSolverRoster *before;
} RosterRosterEdit;

void
roster_roster_edit_clear(RosterRosterEdit *edit);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RosterRosterEdit, roster_roster_edit_clear)

/* the model and the current roster, for reading (explanations, suggestions) */
gboolean
roster_rosters_load_current(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    RosterRosterEdit *edit,
			    GError **error);
/* the current roster of @edit in its model */
gboolean
roster_rosters_load_before(RosterRosterEdit *edit, GError **error);

/* the score of a roster row as it is about to be written, stamped for that write */
gchar *
roster_rosters_dup_row_score(RosterEngine *self, RosterStoreRoster *roster, GError **error);
/* roster-engine-editing.c: the hard-rule check of a hand edit for seats that change
 * volunteers (@old[i] NULL: a seat nobody held) */
gboolean
roster_rosters_check_reassign(const RosterRosterEdit *edit,
			      const RosterHotlineAssignment *const *old,
			      const RosterHotlineAssignment *const *changed,
			      guint n,
			      GError **error);

/* roster-engine-suggest.c: a volunteer who could fill a seat, as suggestions rank them */
typedef struct {
	guint person;
	gint64 hard;
	gint64 soft;
	/* RosterHotlineProblem: the hard rules the volunteer's day would break */
	GPtrArray *problems;
} RosterRosterCandidate;

/* the volunteers free on @day in @base who may sit seat class @seat_class, those who
 * break no hard rule first, then by what they cost the roster (RosterRosterCandidate;
 * the array frees their problems) */
GArray *
roster_rosters_rank_candidates(const RosterRosterEdit *edit,
			       const RosterSolverRoster *base,
			       guint day,
			       guint slot,
			       guint seat_class);

/* the score: the solver's objective and the hard rules broken, each counted once */
JsonNode *
roster_rosters_score_node(const RosterHotlineModel *model, const RosterSolverRoster *roster);
/* the score as stored, with the stamp of its inputs */
gchar *
roster_rosters_dup_stored_score(RosterEngine *self, JsonNode *score, GError **error);
/* the stored score without its stamp, for a version */
gchar *
roster_rosters_dup_score_without_stamp(const gchar *score);
/* computes the score of @roster again when an input changed since it was stored */
gboolean
roster_rosters_ensure_score(RosterEngine *self, RosterStoreRoster *roster, GError **error);

/* "date", "slot" and "seat_class_id" of @a, in the builder's object */
void
roster_rosters_add_shift_members(JsonBuilder *b, const RosterHotlineAssignment *a);
JsonNode *
roster_rosters_assignment_to_node(const RosterHotlineAssignment *a);
JsonNode *
roster_rosters_assignments_to_node(GPtrArray *assignments);
/* the roster, with @assignments when not %NULL */
JsonNode *
roster_rosters_roster_to_node(RosterStoreRoster *r, GPtrArray *assignments);
/* the end of a write of a roster row: when @ok, its audit row (after: the roster)
 * and the commit, else the rollback; the roster as written */
JsonNode *
roster_rosters_end_roster_write(RosterEngine *self,
				RosterPrincipal *principal,
				const gchar *action,
				RosterStoreRoster *roster,
				gboolean ok,
				GError **error);

G_END_DECLS
