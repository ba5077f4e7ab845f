/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-client.h"
#include "roster-roster.h"

G_BEGIN_DECLS

/**
 * RosterEditKind:
 * @ROSTER_EDIT_ASSIGN: put a volunteer in an empty seat
 * @ROSTER_EDIT_UNASSIGN: empty a seat
 * @ROSTER_EDIT_PIN: pin or unpin an assignment
 * @ROSTER_EDIT_MOVE: move an assignment to another seat
 * @ROSTER_EDIT_SWAP: exchange the volunteers of two assignments
 *
 * The manual edits of a roster.
 */
typedef enum {
	ROSTER_EDIT_ASSIGN,
	ROSTER_EDIT_UNASSIGN,
	ROSTER_EDIT_PIN,
	ROSTER_EDIT_MOVE,
	ROSTER_EDIT_SWAP,
} RosterEditKind;

/**
 * RosterEdit:
 * @kind: what the edit does
 * @roster_id: the roster
 * @revision: the revision the edit was made against
 * @assignment_id: the assignment (unassign, pin, move, the first of a swap)
 * @other_id: the second assignment of a swap
 * @cell: the seat (assign, move)
 * @volunteer_id: the volunteer (assign)
 * @pinned: pin or unpin
 * @override: accept it against a hard rule, audited as an override
 *
 * One manual edit, kept whole so that it can be sent again as an override.
 */
typedef struct {
	RosterEditKind kind;
	gint64 roster_id;
	gint64 revision;
	gint64 assignment_id;
	gint64 other_id;
	RosterCell cell;
	gint64 volunteer_id;
	gboolean pinned;
	gboolean override;
} RosterEdit;

/**
 * RosterSuggestion:
 * @volunteer_id: the volunteer
 * @name: their name
 * @tier: their tier
 * @warning: (nullable): the first rule the seat would break for them
 *
 * A volunteer the daemon suggests for an empty seat.
 */
typedef struct {
	gint64 volunteer_id;
	gchar *name;
	gchar *tier;
	gchar *warning;
} RosterSuggestion;

/**
 * RosterSolveState:
 * @ROSTER_SOLVE_RUNNING: the search runs
 * @ROSTER_SOLVE_DONE: it ran to its end
 * @ROSTER_SOLVE_CANCELLED: it was stopped, the best roster found is kept
 * @ROSTER_SOLVE_FAILED: it failed
 *
 * The state of a solve job.
 */
typedef enum {
	ROSTER_SOLVE_RUNNING,
	ROSTER_SOLVE_DONE,
	ROSTER_SOLVE_CANCELLED,
	ROSTER_SOLVE_FAILED,
} RosterSolveState;

/**
 * RosterSolveProgress:
 * @state: the job's state
 * @elapsed: seconds since it started
 * @time_limit: its time limit in seconds
 * @has_best_score: whether a roster was found yet
 * @best_score: the best score found
 * @has_uncovered: whether @uncovered is known
 * @uncovered: the seats the best roster found leaves empty
 * @has_gap: whether @gap is known: a bound was proven and the best roster keeps
 *   every hard rule
 * @gap: the per cent by which the best score may exceed the best possible
 *
 * A solve job as the daemon reports it.
 */
typedef struct {
	RosterSolveState state;
	gdouble elapsed;
	gdouble time_limit;
	gboolean has_best_score;
	gint64 best_score;
	gboolean has_uncovered;
	gint64 uncovered;
	gboolean has_gap;
	gdouble gap;
} RosterSolveProgress;

void
roster_client_get_roster_async(RosterClient *self,
			       gint64 roster_id,
			       GCancellable *cancellable,
			       GAsyncReadyCallback callback,
			       gpointer user_data);
RosterRoster *
roster_client_get_roster_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_client_list_explanations_async(RosterClient *self,
				      gint64 roster_id,
				      GCancellable *cancellable,
				      GAsyncReadyCallback callback,
				      gpointer user_data);
JsonArray *
roster_client_list_explanations_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_client_create_roster_async(RosterClient *self,
				  const gchar *name,
				  const gchar *period_start,
				  const gchar *period_end,
				  JsonObject *settings,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data);
gint64
roster_client_create_roster_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_client_get_roster_object_async(RosterClient *self,
				      gint64 roster_id,
				      GCancellable *cancellable,
				      GAsyncReadyCallback callback,
				      gpointer user_data);
void
roster_client_update_roster_async(RosterClient *self,
				  gint64 roster_id,
				  gint64 revision,
				  gboolean change_name,
				  const gchar *name,
				  JsonObject *settings,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data);
void
roster_client_delete_roster_async(RosterClient *self,
				  gint64 roster_id,
				  gint64 revision,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data);
gchar *
roster_client_dup_teams_path(void);

void
roster_client_edit_async(RosterClient *self,
			 const RosterEdit *edit,
			 GCancellable *cancellable,
			 GAsyncReadyCallback callback,
			 gpointer user_data);
void
roster_client_assign_async(RosterClient *self,
			   gint64 roster_id,
			   gint64 revision,
			   const RosterCell *cell,
			   gint64 volunteer_id,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data);
gboolean
roster_client_edit_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_suggestion_free(RosterSuggestion *suggestion);
void
roster_client_list_suggestions_async(RosterClient *self,
				     gint64 roster_id,
				     const RosterCell *cell,
				     const gchar *seat_class_code,
				     GCancellable *cancellable,
				     GAsyncReadyCallback callback,
				     gpointer user_data);
GPtrArray *
roster_client_list_suggestions_finish(RosterClient *self, GAsyncResult *result, GError **error);

void
roster_client_start_solve_async(RosterClient *self,
				gint64 roster_id,
				gdouble time_limit,
				GCancellable *cancellable,
				GAsyncReadyCallback callback,
				gpointer user_data);
void
roster_client_get_solve_async(RosterClient *self,
			      gint64 roster_id,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data);
/* the roster with the running solve's best assignments so far; finish with
 * roster_client_get_roster_finish() */
void
roster_client_get_solve_best_async(RosterClient *self,
				   gint64 roster_id,
				   GCancellable *cancellable,
				   GAsyncReadyCallback callback,
				   gpointer user_data);
void
roster_client_cancel_solve_async(RosterClient *self,
				 gint64 roster_id,
				 GCancellable *cancellable,
				 GAsyncReadyCallback callback,
				 gpointer user_data);
gboolean
roster_client_solve_finish(RosterClient *self,
			   GAsyncResult *result,
			   RosterSolveProgress *progress,
			   GError **error);

void
roster_client_publish_async(RosterClient *self,
			    gint64 roster_id,
			    gint64 revision,
			    GCancellable *cancellable,
			    GAsyncReadyCallback callback,
			    gpointer user_data);
gboolean
roster_client_publish_finish(RosterClient *self, GAsyncResult *result, GError **error);

gchar *
roster_client_dup_versions_path(gint64 roster_id);
gchar *
roster_client_dup_diff_path(gint64 roster_id, gint64 from_version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterSuggestion, roster_suggestion_free)

G_END_DECLS
