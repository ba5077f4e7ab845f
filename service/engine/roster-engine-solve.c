/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* solving rosters: the solve jobs of the engine (one RosterSolveJob per roster, the
 * per-core cap, the daemon's stop) and the write of a solved roster */

#include "config.h"

#include <math.h>

#include "roster-engine-duty-private.h"
#include "roster-engine-rosters-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-solve-job.h"

/*
 * A job's search runs in a worker thread and its best roster is written back in the
 * caller's main context. A daemon that stops asks every running job to stop and
 * waits: each writes its best roster so far, as a cancel does, and its audit row says
 * the stop cut it short.
 */

#define DEFAULT_SOLVE_S 10.0
#define MAX_SOLVE_S	600.0

static RosterSolveJob *
lookup_job(RosterEngine *self, gint64 roster_id)
{
	return g_hash_table_lookup(self->solve_jobs, &roster_id);
}

/**
 * roster_engine_is_solving:
 * @self: an engine
 * @id: a roster id
 *
 * Returns: whether a solve job of the roster is running
 */
gboolean
roster_engine_is_solving(RosterEngine *self, gint64 id)
{
	RosterSolveJob *job = lookup_job(self, id);

	return job != NULL && roster_solve_job_is_running(job);
}

/**
 * roster_rosters_check_not_solving:
 * @self: an engine
 * @id: a roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: %FALSE with ROSTER_ERROR_CONFLICT while a solve of the roster runs
 **/
gboolean
roster_rosters_check_not_solving(RosterEngine *self, gint64 id, GError **error)
{
	if (!roster_engine_is_solving(self, id))
		return TRUE;
	g_set_error_literal(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "rosters: a solve of this roster is running");
	return FALSE;
}

/**
 * roster_engine_get_n_solves:
 * @self: an engine
 *
 * A job counts until its thread has returned and its roster is written, so that a
 * cancelled job still counts while it winds down.
 *
 * Returns: the number of running solve jobs
 */
guint
roster_engine_get_n_solves(RosterEngine *self)
{
	GHashTableIter iter;
	gpointer value;
	guint n = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	g_hash_table_iter_init(&iter, self->solve_jobs);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		if (roster_solve_job_is_running(value))
			n++;
	}
	return n;
}

/**
 * roster_engine_get_max_solves:
 * @self: an engine
 *
 * Returns: how many solve jobs may run at once
 */
guint
roster_engine_get_max_solves(RosterEngine *self)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	return (guint)g_atomic_int_get(&self->max_solves);
}

/**
 * roster_engine_set_max_solves:
 * @self: an engine
 * @max_solves: at least 1
 *
 * Sets how many solve jobs may run at once; jobs already running are left alone.
 */
void
roster_engine_set_max_solves(RosterEngine *self, guint max_solves)
{
	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(max_solves > 0 && max_solves <= G_MAXINT);
	g_atomic_int_set(&self->max_solves, (gint)max_solves);
}

/**
 * roster_engine_get_solve_retry_after:
 * @self: an engine
 *
 * Returns: whole seconds until the first running job reaches its time limit, at
 *   least 1: when a caller refused for too many jobs may try again
 */
guint
roster_engine_get_solve_retry_after(RosterEngine *self)
{
	GHashTableIter iter;
	gpointer value;
	gdouble soonest = G_MAXDOUBLE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 1);
	g_hash_table_iter_init(&iter, self->solve_jobs);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		RosterSolveJob *job = value;
		if (!roster_solve_job_is_running(job))
			continue;
		soonest =
		    MIN(soonest,
			roster_solve_job_get_time_limit(job) - roster_solve_job_get_elapsed(job));
	}
	if (soonest == G_MAXDOUBLE || soonest < 1)
		return 1;
	return (guint)ceil(MIN(soonest, MAX_SOLVE_S));
}

/**
 * roster_engine_stop_solves:
 * @self: an engine
 *
 * For a daemon that stops: refuses new jobs and asks every running one to stop. Each
 * writes its best roster so far when its thread returns, as a cancel does, and is
 * recorded (job state and audit row) as stopped. The caller keeps the main context of
 * the jobs running until roster_engine_get_n_solves() is 0.
 *
 * Returns: the number of running jobs
 */
guint
roster_engine_stop_solves(RosterEngine *self)
{
	GHashTableIter iter;
	gpointer value;
	guint n = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), 0);
	self->solves_stopping = TRUE;
	g_hash_table_iter_init(&iter, self->solve_jobs);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		RosterSolveJob *job = value;
		if (!roster_solve_job_is_running(job))
			continue;
		/* a job its caller cancelled already stays cancelled */
		roster_solve_job_request_cancel(job, ROSTER_SOLVE_JOB_CANCEL_BY_SHUTDOWN);
		n++;
	}
	if (n > 0)
		g_message("stopping %u running solve(s); each writes its best roster first", n);
	return n;
}

static gchar *
seat_key(const RosterHotlineAssignment *a, guint seat_no)
{
	return g_strdup_printf("%u|%d|%" G_GINT64_FORMAT "|%u",
			       a->date,
			       a->slot_start,
			       a->seat_class_id,
			       seat_no);
}

static gchar *
person_day_key(gint64 volunteer_id, guint32 date)
{
	return g_strdup_printf("%" G_GINT64_FORMAT "|%u", volunteer_id, date);
}

/* replaces the unpinned assignments by the solver's roster, in one transaction; the
 * audit row's "after" is the score, with the ending of the job that solved it, if any */
static JsonNode *
write_result(RosterEngine *self,
	     RosterPrincipal *principal,
	     gint64 roster_id,
	     const RosterHotlineModel *model,
	     const RosterSolverRoster *solved,
	     JsonNode *job_node,
	     guint *n_written,
	     GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	const RosterHotline *h = model->hotline;
	g_autoptr(GPtrArray) assignments = roster_hotline_model_to_assignments(model, solved);
	g_autoptr(GHashTable) pinned_days =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GHashTable) seats = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(JsonNode) score = roster_rosters_score_node(model, solved);
	g_autoptr(JsonNode) audit_after = json_node_copy(score);
	g_autofree gchar *now = roster_engine_dup_now();
	guint written = 0;

	if (job_node != NULL)
		json_object_set_member(json_node_get_object(audit_after),
				       ROSTER_KEY_JOB,
				       json_node_copy(job_node));
	for (guint i = 0; i < h->pinned->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(h->pinned, i);
		g_hash_table_add(pinned_days, person_day_key(a->volunteer_id, a->date));
		g_hash_table_add(seats, seat_key(a, a->seat_no));
	}
	if (!roster_store_begin(store, error))
		return NULL;
	roster = roster_store_get_roster(store, roster_id, error);
	if (roster == NULL || !roster_store_delete_assignments(store, roster_id, TRUE, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	for (guint i = 0; i < assignments->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		g_autofree gchar *pd = person_day_key(a->volunteer_id, a->date);
		/* from the model's number: trainee places come after the seats */
		guint seat = MAX(a->seat_no, 1);
		if (g_hash_table_contains(pinned_days, pd))
			continue;
		for (;; seat++) {
			g_autofree gchar *key = seat_key(a, seat);
			if (!g_hash_table_contains(seats, key)) {
				g_hash_table_add(seats, g_steal_pointer(&key));
				break;
			}
		}
		a->seat_no = seat;
		a->pinned = FALSE;
		a->source = ROSTER_HOTLINE_SOURCE_SOLVER;
		if (!roster_store_insert_assignment(store, roster_id, a, error)) {
			roster_store_rollback(store);
			return NULL;
		}
		written++;
	}
	if (!roster_engine_duty_write_draft(self, roster_id, model, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	g_free(roster->score);
	roster->score = roster_rosters_dup_stored_score(self, score, error);
	g_free(roster->state);
	roster->state = g_strdup(ROSTER_STATE_DRAFT);
	if (!roster_engine_end_write(self,
				     roster->score != NULL &&
					 roster_store_update_roster(store, roster, now, error) &&
					 roster_engine_add_audit_at(self,
								    principal,
								    "solve",
								    ROSTER_COLLECTION_ROSTERS,
								    roster_id,
								    NULL,
								    audit_after,
								    now,
								    error),
				     error))
		return NULL;
	if (n_written != NULL)
		*n_written = written;
	return g_steal_pointer(&score);
}

/**
 * roster_engine_solve_roster:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @time_limit: seconds
 * @seed: the search's seed
 * @error: (nullable): return location for a #GError
 *
 * Solves in the calling thread and writes the best roster found.
 *
 * Returns: (transfer full): the score, or %NULL with @error set
 */
JsonNode *
roster_engine_solve_roster(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   gdouble time_limit,
			   guint32 seed,
			   GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterHotline) hotline = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverResult) result = NULL;
	RosterSolverOptions options;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_rosters_check_write(self, principal, error))
		return NULL;
	if (!roster_rosters_check_not_solving(self, id, error))
		return NULL;
	if (!roster_rosters_prepare(self, id, TRUE, &roster, &hotline, &model, error))
		return NULL;
	roster_solve_job_init_options(&options, model, time_limit, seed);
	result = roster_solver_solve(model->solver, &options, error);
	if (result == NULL) {
		roster_error_convert(error);
		return NULL;
	}
	return write_result(self, principal, id, model, result->roster, NULL, NULL, error);
}

/* the end of a job's search, in the main context that started it: writes the best
 * roster and records how the job ended */
static void
solve_done_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	RosterSolveJob *job = ROSTER_SOLVE_JOB(source);
	g_autoptr(RosterEngine) self = user_data;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverResult) result = roster_solve_job_run_finish(job, res, &error);
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(JsonNode) ending = NULL;
	g_autofree gchar *message = NULL;
	const gchar *state = ROSTER_JOB_FAILED;
	RosterSolveJobCancel cancel = roster_solve_job_get_cancel(job);
	gdouble elapsed = roster_solve_job_get_elapsed(job);
	gdouble time_limit = roster_solve_job_get_time_limit(job);
	gint64 roster_id = roster_solve_job_get_roster_id(job);
	guint n_written = 0;

	if (result != NULL) {
		const gchar *written_state;
		const RosterSolverRoster *best = roster_solve_job_pick_best(job, result);
		if (cancel == ROSTER_SOLVE_JOB_CANCEL_BY_SHUTDOWN) {
			written_state = ROSTER_JOB_STOPPED;
			message = g_strdup_printf("the daemon stopped after %.1f of %.1f s; the "
						  "best roster so far was written",
						  elapsed,
						  time_limit);
		} else if (result->cancelled || cancel != ROSTER_SOLVE_JOB_RUN) {
			written_state = ROSTER_JOB_CANCELLED;
		} else {
			written_state = ROSTER_JOB_DONE;
		}
		ending = roster_solve_job_dup_ending(job, written_state, elapsed, message);
		score = write_result(self,
				     roster_solve_job_get_principal(job),
				     roster_id,
				     roster_solve_job_get_model(job),
				     best,
				     ending,
				     &n_written,
				     &error);
		if (score != NULL)
			state = written_state;
	}
	if (error != NULL) {
		g_warning("solving roster %" G_GINT64_FORMAT ": %s%s",
			  roster_id,
			  error->message,
			  cancel == ROSTER_SOLVE_JOB_CANCEL_BY_SHUTDOWN
			      ? "; the stopped solve's roster is lost"
			      : "");
		g_clear_pointer(&message, g_free);
		message = g_strdup(error->message);
	} else if (cancel == ROSTER_SOLVE_JOB_CANCEL_BY_SHUTDOWN) {
		JsonObject *obj = json_node_get_object(score);
		g_message("roster %" G_GINT64_FORMAT ": solve job %" G_GINT64_FORMAT
			  " stopped by the daemon stop after %.1f of %.1f s; wrote its best "
			  "roster: %u assignments, objective %" G_GINT64_FORMAT
			  ", %" G_GINT64_FORMAT " hard violations, %" G_GINT64_FORMAT
			  " seats uncovered",
			  roster_id,
			  roster_solve_job_get_id(job),
			  elapsed,
			  time_limit,
			  n_written,
			  json_object_get_int_member(obj, ROSTER_KEY_OBJECTIVE),
			  json_object_get_int_member(obj, ROSTER_KEY_HARD_VIOLATIONS),
			  json_object_get_int_member(obj, ROSTER_KEY_UNCOVERED));
	}
	roster_solve_job_end(job,
			     state,
			     elapsed,
			     result,
			     g_steal_pointer(&score),
			     g_steal_pointer(&message));
}

/**
 * roster_engine_start_solve:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @body: (nullable): {"time_limit"?: seconds, "seed"?: integer}
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the job, or %NULL with @error set
 */
JsonNode *
roster_engine_start_solve(RosterEngine *self,
			  RosterPrincipal *principal,
			  gint64 id,
			  JsonNode *body,
			  GError **error)
{
	JsonObject *obj = NULL;
	gdouble time_limit = DEFAULT_SOLVE_S;
	gint64 seed = 1;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterHotline) hotline = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolveJob) job = NULL;
	guint n_running;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_rosters_check_write(self, principal, error))
		return NULL;
	if (body != NULL && !JSON_NODE_HOLDS_NULL(body)) {
		JsonNode *limit;
		obj = roster_rosters_body_object(body, error);
		if (obj == NULL)
			return NULL;
		limit = json_object_get_member(obj, ROSTER_KEY_TIME_LIMIT);
		if (limit != NULL) {
			if (!JSON_NODE_HOLDS_VALUE(limit) ||
			    (json_node_get_value_type(limit) != G_TYPE_INT64 &&
			     json_node_get_value_type(limit) != G_TYPE_DOUBLE)) {
				roster_rosters_invalid(error,
						       ROSTER_KEY_TIME_LIMIT,
						       "must be a number of seconds");
				return NULL;
			}
			time_limit = json_node_get_double(limit);
			if (time_limit <= 0 || time_limit > MAX_SOLVE_S) {
				roster_rosters_invalid(error,
						       ROSTER_KEY_TIME_LIMIT,
						       "must be more than 0 and at most 600");
				return NULL;
			}
		}
		seed = roster_engine_json_get_int(obj, ROSTER_KEY_SEED, 1);
		if (json_object_has_member(obj, ROSTER_KEY_SEED) &&
		    (!roster_rosters_is_int(obj, ROSTER_KEY_SEED) || seed < 0 ||
		     seed > G_MAXUINT32)) {
			roster_rosters_invalid(error,
					       ROSTER_KEY_SEED,
					       "must be an integer from 0 to 4294967295");
			return NULL;
		}
	}
	if (self->solves_stopping) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_BUSY,
				    "rosters: the daemon is stopping");
		return NULL;
	}
	if (!roster_rosters_check_not_solving(self, id, error))
		return NULL;
	n_running = roster_engine_get_n_solves(self);
	if (n_running >= roster_engine_get_max_solves(self)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_TOO_MANY_REQUESTS,
			    "rosters: %u solves are running, as many as may run at once; try again "
			    "when one has ended",
			    n_running);
		return NULL;
	}
	if (!roster_rosters_prepare(self, id, TRUE, &roster, &hotline, &model, error))
		return NULL;
	job = roster_solve_job_new(++self->last_solve_job_id,
				   id,
				   time_limit,
				   (guint32)seed,
				   principal,
				   g_steal_pointer(&hotline),
				   g_steal_pointer(&model));
	g_hash_table_replace(self->solve_jobs, g_memdup2(&id, sizeof(id)), g_object_ref(job));
	roster_solve_job_run_async(job, solve_done_cb, g_object_ref(self));
	return roster_solve_job_to_node(job);
}

/* the last job of roster @id: ROSTER_ERROR_NOT_FOUND when it had none */
static RosterSolveJob *
find_job(RosterEngine *self, gint64 id, GError **error)
{
	RosterSolveJob *job = lookup_job(self, id);

	if (job == NULL)
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: no solve of roster %" G_GINT64_FORMAT,
			    id);
	return job;
}

/* the last job of roster @id for a caller who may read it */
static RosterSolveJob *
find_job_for_staff(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	if (!roster_rosters_check_staff(principal, error))
		return NULL;
	return find_job(self, id, error);
}

/**
 * roster_engine_get_solve:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the roster's last job; none is ROSTER_ERROR_NOT_FOUND
 */
JsonNode *
roster_engine_get_solve(RosterEngine *self, RosterPrincipal *principal, gint64 id, GError **error)
{
	RosterSolveJob *job;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	job = find_job_for_staff(self, principal, id, error);
	if (job == NULL)
		return NULL;
	return roster_solve_job_to_node(job);
}

/**
 * roster_engine_get_solve_best:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * The roster as a view follows a solve: its stored fields, the best assignments the
 * running job has found so far instead of its own (unsaved: they have no id), no
 * score (the job's "best_score" and "uncovered" say how good they are) and the job
 * under "job". Readable by whoever may read the job.
 *
 * Returns: (transfer full): the roster; no job is ROSTER_ERROR_NOT_FOUND, as is a
 *   job that has found no roster yet, and a job that has ended ROSTER_ERROR_CONFLICT
 */
JsonNode *
roster_engine_get_solve_best(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     GError **error)
{
	RosterSolveJob *job;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(RosterStoreRoster) roster = NULL;
	JsonNode *node;
	JsonObject *obj;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	job = find_job_for_staff(self, principal, id, error);
	if (job == NULL)
		return NULL;
	assignments = roster_solve_job_dup_best_assignments(job, error);
	if (assignments == NULL)
		return NULL;
	roster = roster_store_get_roster(roster_engine_get_store(self), id, error);
	if (roster == NULL)
		return NULL;
	node = roster_rosters_roster_to_node(roster, assignments);
	obj = json_node_get_object(node);
	json_object_set_null_member(obj, ROSTER_KEY_SCORE);
	json_object_set_member(obj, ROSTER_KEY_JOB, roster_solve_job_to_node(job));
	return node;
}

/**
 * roster_engine_cancel_solve:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Asks the running job to stop; the best roster so far is written when it has.
 *
 * Returns: (transfer full): the job
 */
JsonNode *
roster_engine_cancel_solve(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 id,
			   GError **error)
{
	RosterSolveJob *job;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_PLANNERS,
					    ROSTER_COLLECTION_ROSTERS,
					    "only admins and coordinators may change rosters",
					    error))
		return NULL;
	job = find_job(self, id, error);
	if (job == NULL)
		return NULL;
	roster_solve_job_request_cancel(job, ROSTER_SOLVE_JOB_CANCEL_BY_CALLER);
	return roster_solve_job_to_node(job);
}
