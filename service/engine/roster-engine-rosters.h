/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"

G_BEGIN_DECLS

/*
 * Rosters: a planning period solved into assignments, edited by hand under the hard
 * rules, explained and published as immutable numbered versions. Admins and
 * coordinators write, managers read, a volunteer reads only its own assignments.
 *
 * A refused edit is ROSTER_ERROR_INVALID_DATA whose message starts with the code of
 * the first broken rule ("min-rest: …") and names the people; "override": true in the
 * body skips the check and is audited. A stale revision is ROSTER_ERROR_CONFLICT.
 */

/* body: {"name"?, "period_start", "period_end", "settings"?}; a roster without a name
 * (absent or null) is shown by its period in the client's language */
JsonNode *
roster_engine_create_roster(RosterEngine *self,
			    RosterPrincipal *principal,
			    JsonNode *body,
			    GError **error);
/* body: {"revision", "name"?, "settings"?}: a rename (null for no name) or settings
 * members to change (null: back to the default); the settings of a published roster
 * are ROSTER_ERROR_CONFLICT about "state" */
JsonNode *
roster_engine_update_roster(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    JsonNode *body,
			    GError **error);
/* a draft never published; a published one is ROSTER_ERROR_CONFLICT about "state";
 * @revision -1 skips the check */
gboolean
roster_engine_delete_roster(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    gint64 revision,
			    GError **error);
JsonNode *
roster_engine_list_rosters(RosterEngine *self, RosterPrincipal *principal, GError **error);
/* the roster with its assignments and score */
JsonNode *
roster_engine_get_roster(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error);

/* solves in the calling thread and writes the result: for the command-line tool */
JsonNode *
roster_engine_solve_roster(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   gdouble time_limit,
			   guint32 seed,
			   GError **error);
/* starts a solve job in a worker thread; the result is written back in the thread-default
 * main context of the caller, which must run; @body: {"time_limit"?, "seed"?}; a job
 * already running on the roster is ROSTER_ERROR_CONFLICT, as many jobs running as
 * roster_engine_get_max_solves() is ROSTER_ERROR_TOO_MANY_REQUESTS, and once
 * roster_engine_stop_solves() was called ROSTER_ERROR_BUSY */
JsonNode *
roster_engine_start_solve(RosterEngine *self,
			  RosterPrincipal *principal,
			  gint64 id,
			  JsonNode *body,
			  GError **error);
/* the last job of the roster: state, progress and outcome */
JsonNode *
roster_engine_get_solve(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error);
/* the roster with the running job's best assignments so far instead of its own */
JsonNode *
roster_engine_get_solve_best(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     GError **error);
/* asks the running job to stop; it keeps the best roster found so far */
JsonNode *
roster_engine_cancel_solve(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   GError **error);
/* whether a job of the roster is running */
gboolean
roster_engine_is_solving(RosterEngine *self, gint64 id);

/* how many solve jobs may run at once; the default is the number of processors */
guint
roster_engine_get_max_solves(RosterEngine *self);
void
roster_engine_set_max_solves(RosterEngine *self, guint max_solves);
/* the solve jobs whose threads have not yet returned and written their roster */
guint
roster_engine_get_n_solves(RosterEngine *self);
/* seconds until the first running job reaches its time limit, at least 1 */
guint
roster_engine_get_solve_retry_after(RosterEngine *self);
/* for a stopping daemon: refuses new jobs and stops every running one, which writes
 * its best roster like a cancel and is recorded as stopped; returns how many run */
guint
roster_engine_stop_solves(RosterEngine *self);

/* whether @error is an edit refused for a hard rule (its message starts with the
 * rule's code), and then in @overridable whether "override" would accept it: every rule
 * would but one-shift-per-day, since a roster holds one shift per person and day */
gboolean
roster_engine_is_rule_refusal(const GError *error, gboolean *overridable);

/* the volunteers among @volunteers (objects with "name", "tier", "skills", "modes",
 * "active" and, when stored, "id") who fit no seat class by tier, skills or modes:
 * [{"code": "unseatable-volunteer", "volunteer_id"?, "volunteer", "reasons": [...],
 * "message"}, …]; none when there are no seat classes yet */
JsonNode *
roster_engine_check_seatable(RosterEngine *self, JsonArray *volunteers, GError **error);

/* body: {"revision", "date", "slot", "seat_class_id", "volunteer_id", "seat_no"?,
 * "pinned"?, "override"?} */
JsonNode *
roster_engine_assign(RosterEngine *self,
		     RosterPrincipal *principal,
		     gint64 roster_id,
		     JsonNode *body,
		     GError **error);
/* moves, pins or unpins: body {"revision", and any of "date", "slot", "seat_class_id",
 * "volunteer_id", "seat_no", "pinned", "override"} */
JsonNode *
roster_engine_update_assignment(RosterEngine *self,
				RosterPrincipal *principal,
				gint64 roster_id,
				gint64 assignment_id,
				JsonNode *body,
				GError **error);
/* exchanges the volunteers of two assignments: body {"revision", "assignments": [A, B],
 * "override"?} */
JsonNode *
roster_engine_swap_assignments(RosterEngine *self,
			       RosterPrincipal *principal,
			       gint64 roster_id,
			       JsonNode *body,
			       GError **error);
JsonNode *
roster_engine_unassign(RosterEngine *self,
		       RosterPrincipal *principal,
		       gint64 roster_id,
		       gint64 assignment_id,
		       gint64 revision,
		       gboolean override,
		       GError **error);

JsonNode *
roster_engine_explain_roster(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     GError **error);
/* the volunteers who could fill one seat, least disturbing first; @seat_class is an
 * id or a code */
JsonNode *
roster_engine_suggest(RosterEngine *self,
		      RosterPrincipal *principal,
		      gint64 id,
		      const gchar *date,
		      const gchar *slot,
		      const gchar *seat_class,
		      GError **error);

JsonNode *
roster_engine_publish_roster(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     gint64 revision,
			     GError **error);
JsonNode *
roster_engine_list_versions(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    GError **error);
/* per volunteer, the shifts added and removed from version @from to @to (0: the draft) */
JsonNode *
roster_engine_diff_versions(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    gint64 from,
			    gint64 to,
			    GError **error);

G_END_DECLS
