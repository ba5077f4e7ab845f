/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "roster-engine.h"
#include "roster-hotline-model.h"
#include "roster-solver-search.h"

G_BEGIN_DECLS

/*
 * One solve of one roster: the model it searches, the search in a worker thread, its
 * progress and best roster so far under a lock, and how it ended. The engine keeps the
 * last job of each roster (roster-engine-solve.c) and writes the job's roster when the
 * search returns.
 */

#define ROSTER_TYPE_SOLVE_JOB (roster_solve_job_get_type())
G_DECLARE_FINAL_TYPE(RosterSolveJob, roster_solve_job, ROSTER, SOLVE_JOB, GObject)

/* why a job's cancel flag was raised: the solver stops on any of them */
typedef enum {
	ROSTER_SOLVE_JOB_RUN = 0,
	ROSTER_SOLVE_JOB_CANCEL_BY_CALLER = 1,
	ROSTER_SOLVE_JOB_CANCEL_BY_SHUTDOWN = 2,
} RosterSolveJobCancel;

/* takes @hotline and @model */
RosterSolveJob *
roster_solve_job_new(gint64 id,
		     gint64 roster_id,
		     gdouble time_limit,
		     guint32 seed,
		     RosterPrincipal *principal,
		     RosterHotline *hotline,
		     RosterHotlineModel *model);
gint64
roster_solve_job_get_id(RosterSolveJob *self);
gint64
roster_solve_job_get_roster_id(RosterSolveJob *self);
RosterPrincipal *
roster_solve_job_get_principal(RosterSolveJob *self);
const RosterHotlineModel *
roster_solve_job_get_model(RosterSolveJob *self);
gdouble
roster_solve_job_get_time_limit(RosterSolveJob *self);
gboolean
roster_solve_job_is_running(RosterSolveJob *self);
/* seconds since the job started */
gdouble
roster_solve_job_get_elapsed(RosterSolveJob *self);
/* asks the search to stop for @reason unless it was asked already; FALSE then */
gboolean
roster_solve_job_request_cancel(RosterSolveJob *self, RosterSolveJobCancel reason);
RosterSolveJobCancel
roster_solve_job_get_cancel(RosterSolveJob *self);

/* the solver's options of a roster's search, for a job and the command-line tool */
void
roster_solve_job_init_options(RosterSolverOptions *options,
			      const RosterHotlineModel *model,
			      gdouble time_limit,
			      guint32 seed);

/* runs the search in a worker thread */
void
roster_solve_job_run_async(RosterSolveJob *self, GAsyncReadyCallback callback, gpointer user_data);
RosterSolverResult *
roster_solve_job_run_finish(RosterSolveJob *self, GAsyncResult *result, GError **error);
/* the roster to write: the best reported, unless the search ended on a better one in
 * the order (hard violations, objective) */
const RosterSolverRoster *
roster_solve_job_pick_best(RosterSolveJob *self, const RosterSolverResult *result);
/* how the job ended, for the audit row of its write */
JsonNode *
roster_solve_job_dup_ending(RosterSolveJob *self,
			    const gchar *state,
			    gdouble elapsed,
			    const gchar *message);
/* records the end: @state, the search's @result (nullable), the @score written
 * (nullable, taken) and @message (taken); the model is freed */
void
roster_solve_job_end(RosterSolveJob *self,
		     const gchar *state,
		     gdouble elapsed,
		     const RosterSolverResult *result,
		     JsonNode *score,
		     gchar *message);
/* the running job's best roster so far as assignments (RosterHotlineAssignment): a
 * job that has ended is ROSTER_ERROR_CONFLICT, one with no roster yet
 * ROSTER_ERROR_NOT_FOUND; called in the main context that ends the job */
GPtrArray *
roster_solve_job_dup_best_assignments(RosterSolveJob *self, GError **error);
/* state, progress and outcome: the answer of the job API */
JsonNode *
roster_solve_job_to_node(RosterSolveJob *self);

G_END_DECLS
