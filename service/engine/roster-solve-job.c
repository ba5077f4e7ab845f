/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* one solve job: the search of one roster in a worker thread, its progress and end */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "roster-hotline-check.h"
#include "roster-json-keys.h"
#include "roster-solve-job.h"

/* the nice value of the solver's threads: a solve uses every core it may, and the
 * daemon's answers to people come first */
#define SOLVE_THREAD_NICE 10

struct _RosterSolveJob {
	GObject parent_instance;
	gint64 id;
	gint64 roster_id;
	/* guards the members below that the worker thread writes */
	GMutex lock;
	const gchar *state;
	gdouble elapsed;
	gboolean has_best;
	gint64 best_objective;
	guint best_violations;
	/* empty seats of the best roster so far, -1 before the first */
	gint best_uncovered;
	gint best_uncovered_crisis;
	/* the best roster reported so far, in the order (hard violations, objective) */
	RosterSolverRoster *best_roster;
	guint64 iterations;
	/* the search's proven lower bound on the objective of a roster with no hard
	 * violation */
	gboolean has_bound;
	gdouble bound;
	/* a RosterSolveJobCancel, read by the solver */
	gint cancel;
	gdouble time_limit;
	guint32 seed;
	gint64 start_time;
	gchar *message;
	JsonNode *score;
	RosterHotline *hotline;
	RosterHotlineModel *model;
	RosterPrincipal *principal;
};

G_DEFINE_FINAL_TYPE(RosterSolveJob, roster_solve_job, G_TYPE_OBJECT)

static void
roster_solve_job_finalize(GObject *object)
{
	RosterSolveJob *self = ROSTER_SOLVE_JOB(object);

	g_mutex_clear(&self->lock);
	g_free(self->message);
	g_clear_pointer(&self->score, json_node_unref);
	roster_hotline_model_free(self->model);
	roster_hotline_free(self->hotline);
	roster_solver_roster_free(self->best_roster);
	g_clear_pointer(&self->principal, roster_principal_unref);
	G_OBJECT_CLASS(roster_solve_job_parent_class)->finalize(object);
}

static void
roster_solve_job_class_init(RosterSolveJobClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = roster_solve_job_finalize;
}

static void
roster_solve_job_init(RosterSolveJob *self)
{
	g_mutex_init(&self->lock);
	self->state = ROSTER_JOB_RUNNING;
	self->best_uncovered = -1;
	self->best_uncovered_crisis = -1;
	self->start_time = g_get_monotonic_time();
}

/**
 * roster_solve_job_new:
 * @id: the job id
 * @roster_id: the roster solved
 * @time_limit: seconds
 * @seed: the search's seed
 * @principal: who started it, the actor of its write
 * @hotline: (transfer full): the hotline of the roster
 * @model: (transfer full): the solver model of @hotline
 *
 * Returns: (transfer full): a running job whose search has not started yet
 **/
RosterSolveJob *
roster_solve_job_new(gint64 id,
		     gint64 roster_id,
		     gdouble time_limit,
		     guint32 seed,
		     RosterPrincipal *principal,
		     RosterHotline *hotline,
		     RosterHotlineModel *model)
{
	RosterSolveJob *self = g_object_new(ROSTER_TYPE_SOLVE_JOB, NULL);

	self->id = id;
	self->roster_id = roster_id;
	self->time_limit = time_limit;
	self->seed = seed;
	self->principal = roster_principal_ref(principal);
	self->hotline = hotline;
	self->model = model;
	return self;
}

/**
 * roster_solve_job_get_id:
 * @self: a job
 *
 * Returns: the job id
 **/
gint64
roster_solve_job_get_id(RosterSolveJob *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), 0);
	return self->id;
}

/**
 * roster_solve_job_get_roster_id:
 * @self: a job
 *
 * Returns: the roster solved
 **/
gint64
roster_solve_job_get_roster_id(RosterSolveJob *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), 0);
	return self->roster_id;
}

/**
 * roster_solve_job_get_principal:
 * @self: a job
 *
 * Returns: (transfer none): who started the job
 **/
RosterPrincipal *
roster_solve_job_get_principal(RosterSolveJob *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), NULL);
	return self->principal;
}

/**
 * roster_solve_job_get_model:
 * @self: a job
 *
 * Returns: (transfer none) (nullable): the model searched, %NULL once the job ended
 **/
const RosterHotlineModel *
roster_solve_job_get_model(RosterSolveJob *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), NULL);
	return self->model;
}

/**
 * roster_solve_job_get_time_limit:
 * @self: a job
 *
 * Returns: the search's time limit in seconds
 **/
gdouble
roster_solve_job_get_time_limit(RosterSolveJob *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), 0);
	return self->time_limit;
}

/**
 * roster_solve_job_is_running:
 * @self: a job
 *
 * Returns: whether the job has not yet written its roster
 **/
gboolean
roster_solve_job_is_running(RosterSolveJob *self)
{
	gboolean running;

	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), FALSE);
	g_mutex_lock(&self->lock);
	running = g_strcmp0(self->state, ROSTER_JOB_RUNNING) == 0;
	g_mutex_unlock(&self->lock);
	return running;
}

/**
 * roster_solve_job_get_elapsed:
 * @self: a job
 *
 * Returns: seconds since the job started
 **/
gdouble
roster_solve_job_get_elapsed(RosterSolveJob *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), 0);
	return (gdouble)(g_get_monotonic_time() - self->start_time) / G_USEC_PER_SEC;
}

/**
 * roster_solve_job_request_cancel:
 * @self: a job
 * @reason: why it should stop
 *
 * Asks the search to stop; a job already asked keeps its first reason.
 *
 * Returns: whether the job was running uncancelled until now
 **/
gboolean
roster_solve_job_request_cancel(RosterSolveJob *self, RosterSolveJobCancel reason)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), FALSE);
	return g_atomic_int_compare_and_exchange(&self->cancel, ROSTER_SOLVE_JOB_RUN, reason);
}

/**
 * roster_solve_job_get_cancel:
 * @self: a job
 *
 * Returns: why the job was asked to stop, or %ROSTER_SOLVE_JOB_RUN
 **/
RosterSolveJobCancel
roster_solve_job_get_cancel(RosterSolveJob *self)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), ROSTER_SOLVE_JOB_RUN);
	return (RosterSolveJobCancel)g_atomic_int_get(&self->cancel);
}

static void
lower_thread_priority(gpointer user_data)
{
	/* a thread's nice value is per thread on Linux; where it is not allowed (a
	 * sandbox) the solve runs at the normal priority */
	if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), SOLVE_THREAD_NICE) != 0)
		g_debug("cannot lower the priority of a solver thread: %s", g_strerror(errno));
}

/**
 * roster_solve_job_init_options:
 * @options: the options to fill
 * @model: the model searched
 * @time_limit: seconds
 * @seed: the search's seed
 *
 * Fills the solver's options of a roster's search: up to two threads at a lower
 * priority, starting from the model's initial roster.
 **/
void
roster_solve_job_init_options(RosterSolverOptions *options,
			      const RosterHotlineModel *model,
			      gdouble time_limit,
			      guint32 seed)
{
	roster_solver_options_init(options);
	options->time_limit = time_limit;
	options->seed = seed;
	options->n_threads = CLAMP(g_get_num_processors(), 1, 2);
	options->initial = model->initial;
	options->thread_setup = lower_thread_priority;
}

/* whether (@violations, @objective) comes before the job's best: fewer hard
 * violations first, then a lower objective */
static gboolean
is_better(RosterSolveJob *self, guint violations, gint64 objective)
{
	if (!self->has_best)
		return TRUE;
	if (violations != self->best_violations)
		return violations < self->best_violations;
	return objective < self->best_objective;
}

/* keeps a higher bound; called with the lock held */
static void
raise_bound(RosterSolveJob *self, gboolean has_bound, gdouble bound)
{
	if (has_bound && (!self->has_bound || bound > self->bound)) {
		self->has_bound = TRUE;
		self->bound = bound;
	}
}

static void
progress_cb(const RosterSolverProgress *progress, gpointer user_data)
{
	RosterSolveJob *self = user_data;
	g_autoptr(RosterSolverRoster) copy = NULL;
	guint required = 0;
	guint uncovered = 0;
	guint uncovered_crisis = 0;
	gboolean better;

	g_mutex_lock(&self->lock);
	self->iterations = progress->iterations;
	raise_bound(self, progress->has_bound, progress->bound);
	better = is_better(self, progress->n_violations, progress->objective);
	g_mutex_unlock(&self->lock);
	/* the best reported never gets worse: a roster the search prefers for a smaller
	 * hard penalty but with more broken rules is not reported */
	if (!better)
		return;
	/* the model belongs to this worker thread until the job ends */
	if (progress->roster != NULL) {
		roster_hotline_count_uncovered(self->model,
					       progress->roster,
					       &required,
					       &uncovered,
					       &uncovered_crisis);
		copy = roster_solver_roster_copy(progress->roster);
	}
	g_mutex_lock(&self->lock);
	self->has_best = TRUE;
	self->best_objective = progress->objective;
	self->best_violations = progress->n_violations;
	if (progress->roster != NULL) {
		self->best_uncovered = (gint)uncovered;
		self->best_uncovered_crisis = (gint)uncovered_crisis;
		roster_solver_roster_free(self->best_roster);
		self->best_roster = g_steal_pointer(&copy);
	}
	g_mutex_unlock(&self->lock);
}

static void
run_thread_cb(GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
	RosterSolveJob *self = ROSTER_SOLVE_JOB(source);
	RosterSolverOptions options;
	GError *error = NULL;
	RosterSolverResult *result;

	roster_solve_job_init_options(&options, self->model, self->time_limit, self->seed);
	options.cancel = &self->cancel;
	options.progress = progress_cb;
	options.progress_data = self;
	result = roster_solver_solve(self->model->solver, &options, &error);
	if (result == NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_pointer(task, result, (GDestroyNotify)roster_solver_result_free);
}

/**
 * roster_solve_job_run_async:
 * @self: a job
 * @callback: called in the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Runs the search in a worker thread; the job is the source object of the result.
 **/
void
roster_solve_job_run_async(RosterSolveJob *self, GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = NULL;

	g_return_if_fail(ROSTER_IS_SOLVE_JOB(self));
	task = g_task_new(self, NULL, callback, user_data);
	g_task_set_source_tag(task, roster_solve_job_run_async);
	g_task_run_in_thread(task, run_thread_cb);
}

/**
 * roster_solve_job_run_finish:
 * @self: a job
 * @result: the result given to the callback
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the search's result, or %NULL with @error set
 **/
RosterSolverResult *
roster_solve_job_run_finish(RosterSolveJob *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}

/**
 * roster_solve_job_pick_best:
 * @self: a job whose search returned
 * @result: the search's result
 *
 * Returns: (transfer none): the roster to write: the best reported, unless the search
 *   ended on a better one in the order (hard violations, objective)
 **/
const RosterSolverRoster *
roster_solve_job_pick_best(RosterSolveJob *self, const RosterSolverResult *result)
{
	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), NULL);
	if (self->best_roster == NULL)
		return result->roster;
	if (is_better(self, result->n_violations, result->objective)) {
		self->best_objective = result->objective;
		self->best_violations = result->n_violations;
		return result->roster;
	}
	return self->best_roster;
}

/**
 * roster_solve_job_dup_ending:
 * @self: a job
 * @state: how it ended
 * @elapsed: seconds it ran
 * @message: (nullable): why, in words
 *
 * Returns: (transfer full): {"job_id", "state", "elapsed", "time_limit", "seed",
 *   "message"?}, for the audit row of the job's write
 **/
JsonNode *
roster_solve_job_dup_ending(RosterSolveJob *self,
			    const gchar *state,
			    gdouble elapsed,
			    const gchar *message)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), NULL);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_JOB_ID);
	json_builder_add_int_value(b, self->id);
	json_builder_set_member_name(b, ROSTER_KEY_STATE);
	json_builder_add_string_value(b, state);
	json_builder_set_member_name(b, ROSTER_KEY_ELAPSED);
	json_builder_add_double_value(b, elapsed);
	json_builder_set_member_name(b, ROSTER_KEY_TIME_LIMIT);
	json_builder_add_double_value(b, self->time_limit);
	json_builder_set_member_name(b, ROSTER_KEY_SEED);
	json_builder_add_int_value(b, self->seed);
	if (message != NULL) {
		json_builder_set_member_name(b, ROSTER_KEY_MESSAGE);
		json_builder_add_string_value(b, message);
	}
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_solve_job_end:
 * @self: a job
 * @state: how it ended
 * @elapsed: seconds it ran
 * @result: (nullable): the search's result
 * @score: (nullable) (transfer full): the score of the roster written
 * @message: (nullable) (transfer full): why, in words
 *
 * Records the end of the job and frees its model.
 **/
void
roster_solve_job_end(RosterSolveJob *self,
		     const gchar *state,
		     gdouble elapsed,
		     const RosterSolverResult *result,
		     JsonNode *score,
		     gchar *message)
{
	g_return_if_fail(ROSTER_IS_SOLVE_JOB(self));
	g_mutex_lock(&self->lock);
	self->state = state;
	self->elapsed = elapsed;
	if (result != NULL) {
		if (self->best_roster == NULL) {
			self->best_objective = result->objective;
			self->best_violations = result->n_violations;
		}
		/* the written roster's broken rules, each counted once, are never more than
		 * the solver's count of the same roster */
		if (score != NULL)
			self->best_violations =
			    MIN(self->best_violations,
				(guint)json_object_get_int_member(json_node_get_object(score),
								  ROSTER_KEY_HARD_VIOLATIONS));
		self->has_best = TRUE;
		self->iterations = result->iterations;
		raise_bound(self, result->has_bound, result->bound);
	}
	self->score = score;
	self->message = message;
	g_mutex_unlock(&self->lock);
	/* the model is no longer needed once the roster is written */
	g_clear_pointer(&self->model, roster_hotline_model_free);
	g_clear_pointer(&self->hotline, roster_hotline_free);
}

/**
 * roster_solve_job_dup_best_assignments:
 * @self: a job
 * @error: (nullable): return location for a #GError
 *
 * The best roster the search has reported so far, for a view that follows the solve.
 * The roster is copied under the lock and turned into assignments here, so the
 * search pays nothing for a caller that watches it. Called in the main context that
 * ends the job, which is where the model is freed.
 *
 * Returns: (transfer full) (element-type RosterHotlineAssignment): the assignments,
 *   or %NULL with ROSTER_ERROR_CONFLICT once the job has ended (its roster is
 *   written) and ROSTER_ERROR_NOT_FOUND before the search has reported a roster
 **/
GPtrArray *
roster_solve_job_dup_best_assignments(RosterSolveJob *self, GError **error)
{
	g_autoptr(RosterSolverRoster) best = NULL;
	gboolean running;

	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), NULL);
	g_mutex_lock(&self->lock);
	running = g_strcmp0(self->state, ROSTER_JOB_RUNNING) == 0;
	if (running && self->best_roster != NULL)
		best = roster_solver_roster_copy(self->best_roster);
	g_mutex_unlock(&self->lock);
	if (!running) {
		roster_error_set_field(error,
				       ROSTER_ERROR_CONFLICT,
				       ROSTER_KEY_STATE,
				       "rosters: solve job %" G_GINT64_FORMAT
				       " has ended; the roster it wrote is the roster's own",
				       self->id);
		return NULL;
	}
	if (best == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: solve job %" G_GINT64_FORMAT " has found no roster yet",
			    self->id);
		return NULL;
	}
	/* both threads only read the model until the job ends in this one */
	return roster_hotline_model_to_assignments(self->model, best);
}

/* the live count while the job runs, from the final score once it is written */
static void
add_uncovered(JsonBuilder *b, const gchar *key, JsonNode *score, gint live)
{
	json_builder_set_member_name(b, key);
	if (score != NULL)
		json_builder_add_int_value(
		    b,
		    json_object_get_int_member(json_node_get_object(score), key));
	else if (live >= 0)
		json_builder_add_int_value(b, live);
	else
		json_builder_add_null_value(b);
}

/*
 * the bound, rounded up (objectives are whole), and how far the best roster may be
 * from the best possible, in per cent of its objective: only for a roster that keeps
 * every hard rule, since the bound is over those alone
 */
static void
add_bound(RosterSolveJob *self, JsonBuilder *b)
{
	gint64 bound = 0;
	gboolean gap = FALSE;

	if (self->has_bound)
		bound = (gint64)ceil(self->bound - 1e-6);
	if (self->has_bound && self->has_best && self->best_violations == 0) {
		gap = TRUE;
		bound = MIN(bound, self->best_objective);
	}
	json_builder_set_member_name(b, ROSTER_KEY_BOUND);
	if (self->has_bound)
		json_builder_add_int_value(b, bound);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_GAP);
	if (!gap)
		json_builder_add_null_value(b);
	else if (self->best_objective <= 0 || bound >= self->best_objective)
		json_builder_add_double_value(b, 0);
	else
		json_builder_add_double_value(b,
					      100.0 * (gdouble)(self->best_objective - bound) /
						  (gdouble)self->best_objective);
}

/**
 * roster_solve_job_to_node:
 * @self: a job
 *
 * Returns: (transfer full): {"job_id", "roster_id", "state", "elapsed", "time_limit",
 *   "seed", "best_score", "hard_violations", "iterations", "bound", "gap",
 *   "uncovered", "uncovered_crisis", "score", "message"?}: "bound" is a proven lower
 *   bound on the objective (null before one is known), "gap" the per cent by which the
 *   best roster's objective may exceed the best possible (null while it breaks a hard
 *   rule)
 **/
JsonNode *
roster_solve_job_to_node(RosterSolveJob *self)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	gboolean running;

	g_return_val_if_fail(ROSTER_IS_SOLVE_JOB(self), NULL);
	g_mutex_lock(&self->lock);
	running = g_strcmp0(self->state, ROSTER_JOB_RUNNING) == 0;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_JOB_ID);
	json_builder_add_int_value(b, self->id);
	json_builder_set_member_name(b, ROSTER_KEY_ROSTER_ID);
	json_builder_add_int_value(b, self->roster_id);
	json_builder_set_member_name(b, ROSTER_KEY_STATE);
	json_builder_add_string_value(b, self->state);
	json_builder_set_member_name(b, ROSTER_KEY_ELAPSED);
	json_builder_add_double_value(b,
				      running ? roster_solve_job_get_elapsed(self) : self->elapsed);
	json_builder_set_member_name(b, ROSTER_KEY_TIME_LIMIT);
	json_builder_add_double_value(b, self->time_limit);
	json_builder_set_member_name(b, ROSTER_KEY_SEED);
	json_builder_add_int_value(b, self->seed);
	json_builder_set_member_name(b, ROSTER_KEY_BEST_SCORE);
	if (self->has_best)
		json_builder_add_int_value(b, self->best_objective);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_HARD_VIOLATIONS);
	if (self->has_best)
		json_builder_add_int_value(b, self->best_violations);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_ITERATIONS);
	json_builder_add_int_value(b, (gint64)self->iterations);
	add_bound(self, b);
	add_uncovered(b, ROSTER_KEY_UNCOVERED, self->score, self->best_uncovered);
	add_uncovered(b, ROSTER_KEY_UNCOVERED_CRISIS, self->score, self->best_uncovered_crisis);
	json_builder_set_member_name(b, ROSTER_KEY_SCORE);
	if (self->score != NULL)
		json_builder_add_value(b, json_node_copy(self->score));
	else
		json_builder_add_null_value(b);
	if (self->message != NULL) {
		json_builder_set_member_name(b, ROSTER_KEY_MESSAGE);
		json_builder_add_string_value(b, self->message);
	}
	json_builder_end_object(b);
	g_mutex_unlock(&self->lock);
	return json_builder_get_root(b);
}
