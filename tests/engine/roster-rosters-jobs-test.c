/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* solve jobs: cancel, done, the priority of their threads and the stop of the daemon */

#include "config.h"

#include "roster-rosters-test-common.h"

static const gchar *
job_state(Fixture *f, gint64 id)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) job = roster_engine_get_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	return g_intern_string(json_object_get_string_member(obj(job), ROSTER_KEY_STATE));
}

static void
wait_job(Fixture *f, gint64 id)
{
	while (g_strcmp0(job_state(f, id), ROSTER_JOB_RUNNING) == 0)
		g_main_context_iteration(NULL, TRUE);
}

/* start, progress, a second start refused, edits refused, cancel keeps the best: on
 * the demo city's month, whose roster no solve proves optimal in a second */
static void
test_job_cancel(Fixture *f, gconstpointer user_data)
{
	gint64 seat_class;
	gint64 volunteer;
	gint64 id = demo_month(f, &seat_class, &volunteer);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf("{\"time_limit\":60,\"seed\":3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	g_autoptr(JsonNode) again = NULL;
	g_autoptr(JsonNode) cancelled = NULL;
	g_autoptr(JsonNode) edit = NULL;
	g_autoptr(JsonNode) progress = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autofree gchar *fields = NULL;

	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(job), ROSTER_KEY_STATE), ==, "running");
	again = roster_engine_start_solve(f->engine, f->admin, id, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	fields = g_strdup_printf(
	    "\"date\":\"2026-12-08\",\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT
	    ",\"volunteer_id\":%" G_GINT64_FORMAT,
	    seat_class,
	    volunteer);
	edit = assign(f, id, fields, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	/* reads stay possible while the job runs, and show the best roster's empty seats
	 * as soon as there is one */
	for (guint i = 0; i < 100; i++) {
		g_usleep(G_USEC_PER_SEC / 20);
		g_clear_pointer(&progress, json_node_unref);
		progress = roster_engine_get_solve(f->engine, f->admin, id, &error);
		g_assert_no_error(error);
		if (!json_object_get_null_member(obj(progress), ROSTER_KEY_BEST_SCORE))
			break;
	}
	g_assert_cmpstr(json_object_get_string_member(obj(progress), ROSTER_KEY_STATE),
			==,
			ROSTER_JOB_RUNNING);
	g_assert_cmpfloat(json_object_get_double_member(obj(progress), ROSTER_KEY_ELAPSED), >, 0);
	g_assert_false(json_object_get_null_member(obj(progress), ROSTER_KEY_BEST_SCORE));
	g_assert_false(json_object_get_null_member(obj(progress), ROSTER_KEY_UNCOVERED));
	g_assert_cmpint(json_object_get_int_member(obj(progress), ROSTER_KEY_UNCOVERED), >=, 0);
	g_assert_false(json_object_get_null_member(obj(progress), ROSTER_KEY_UNCOVERED_CRISIS));
	cancelled = roster_engine_cancel_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	wait_job(f, id);
	g_assert_cmpstr(job_state(f, id), ==, ROSTER_JOB_CANCELLED);
	roster = get_roster(f, id);
	/* the best roster so far was written */
	g_assert_cmpint(json_array_get_length(assignments_of(roster)), >, 0);
	g_assert_false(json_object_get_null_member(obj(roster), ROSTER_KEY_SCORE));
}

static void
test_job_done(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf("{\"time_limit\":0.3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	g_autoptr(JsonNode) done = NULL;
	g_autoptr(JsonNode) bad_body = roster_test_json_printf("{\"time_limit\":-1}");
	g_autoptr(JsonNode) bad = NULL;

	g_assert_no_error(error);
	wait_job(f, id);
	done = roster_engine_get_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(done), ROSTER_KEY_STATE), ==, "done");
	g_assert_cmpint(json_object_get_int_member(obj(done), ROSTER_KEY_UNCOVERED), ==, 0);
	g_assert_cmpint(json_object_get_int_member(obj(done), ROSTER_KEY_HARD_VIOLATIONS), ==, 0);
	bad = roster_engine_start_solve(f->engine, f->admin, id, bad_body, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA);
}

/* a done job reports the search's proven bound and the gap of its roster to it: the
 * bound is never above the best score, the gap its distance in per cent of it */
static void
test_job_bound(Fixture *f, gconstpointer user_data)
{
	gint64 ids[6];
	gint64 id = edit_hotline(f, ids);
	g_autoptr(GError) error = NULL;
	/* the bound has part of the time after the first roster (a fifth alone, more
	 * beside other threads): room for a busy machine and a sanitizer build */
	g_autoptr(JsonNode) body = roster_test_json_printf("{\"time_limit\":6}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	g_autoptr(JsonNode) done = NULL;
	gint64 best;
	gint64 bound;

	g_assert_no_error(error);
	wait_job(f, id);
	done = roster_engine_get_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(obj(done), ROSTER_KEY_HARD_VIOLATIONS), ==, 0);
	g_assert_false(json_object_get_null_member(obj(done), ROSTER_KEY_BOUND));
	g_assert_false(json_object_get_null_member(obj(done), ROSTER_KEY_GAP));
	best = json_object_get_int_member(obj(done), ROSTER_KEY_BEST_SCORE);
	bound = json_object_get_int_member(obj(done), ROSTER_KEY_BOUND);
	g_assert_cmpint(bound, <=, best);
	if (best > 0)
		g_assert_cmpfloat_with_epsilon(
		    json_object_get_double_member(obj(done), ROSTER_KEY_GAP),
		    100.0 * (gdouble)(best - bound) / (gdouble)best,
		    1e-9);
	else
		g_assert_cmpfloat(json_object_get_double_member(obj(done), ROSTER_KEY_GAP), ==, 0);
}

/* the nice values of this process's solver threads that run now, -1 for none */
static gint
solver_thread_nice(void)
{
	g_autoptr(GDir) dir = g_dir_open("/proc/self/task", 0, NULL);
	const gchar *tid;
	gint nice = -1;

	g_assert_nonnull(dir);
	while ((tid = g_dir_read_name(dir)) != NULL) {
		g_autofree gchar *comm_path =
		    g_build_filename("/proc/self/task", tid, "comm", NULL);
		g_autofree gchar *stat_path =
		    g_build_filename("/proc/self/task", tid, "stat", NULL);
		g_autofree gchar *comm = NULL;
		g_autofree gchar *stat = NULL;
		g_auto(GStrv) fields = NULL;
		const gchar *after_name;
		if (!g_file_get_contents(comm_path, &comm, NULL, NULL) ||
		    !g_str_has_prefix(comm, "roster-solver") ||
		    !g_file_get_contents(stat_path, &stat, NULL, NULL))
			continue;
		/* the fields after the command's closing parenthesis; nice is field 19 */
		after_name = strrchr(stat, ')');
		g_assert_nonnull(after_name);
		fields = g_strsplit(after_name + 2, " ", -1);
		g_assert_cmpuint(g_strv_length(fields), >, 16);
		nice = (gint)g_ascii_strtoll(fields[16], NULL, 10);
	}
	return nice;
}

/* a solve's search threads run below the request handling (nice 10), so that the
 * daemon answers people first while a solve uses every core */
static void
test_job_threads_niced(Fixture *f, gconstpointer user_data)
{
	gint64 seat_class;
	gint64 volunteer;
	gint64 id = demo_month(f, &seat_class, &volunteer);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf("{\"time_limit\":3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	gint nice = -1;
	/* the test may itself run niced (nice meson test …): the process keeps its own */
	gint process_nice = getpriority(PRIO_PROCESS, 0);

	g_assert_no_error(error);
	for (guint i = 0; i < 100 && nice < 0; i++) {
		g_usleep(G_USEC_PER_SEC / 50);
		nice = solver_thread_nice();
	}
	g_assert_cmpint(nice, >=, 0);
	if (process_nice <= 10)
		g_assert_cmpint(nice, ==, 10);
	g_assert_cmpint(getpriority(PRIO_PROCESS, 0), ==, process_nice);
	wait_job(f, id);
}

/* the job's best score, after waiting up to 5 s for the first one */
static void
wait_best_score(Fixture *f, gint64 id)
{
	for (guint i = 0; i < 100; i++) {
		g_autoptr(GError) error = NULL;
		g_autoptr(JsonNode) progress =
		    roster_engine_get_solve(f->engine, f->admin, id, &error);
		g_assert_no_error(error);
		if (!json_object_get_null_member(obj(progress), ROSTER_KEY_BEST_SCORE))
			return;
		g_usleep(G_USEC_PER_SEC / 20);
	}
	g_assert_not_reached();
}

/* the audit rows of the roster's solves, newest first */
static JsonArray *
solve_audits(Fixture *f, gint64 id, JsonNode **list_out)
{
	g_autoptr(GHashTable) params = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	g_autoptr(GError) error = NULL;
	JsonArray *items;
	JsonArray *solves = json_array_new();

	g_hash_table_insert(params,
			    (gpointer)ROSTER_PARAM_COLLECTION,
			    g_strdup(ROSTER_COLLECTION_ROSTERS));
	g_hash_table_insert(params,
			    (gpointer)ROSTER_PARAM_RECORD_ID,
			    g_strdup_printf("%" G_GINT64_FORMAT, id));
	*list_out =
	    roster_engine_list(f->engine, f->admin, ROSTER_COLLECTION_AUDIT, 0, params, &error);
	g_assert_no_error(error);
	items = json_object_get_array_member(obj(*list_out), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *e = json_array_get_object_element(items, i);
		if (g_strcmp0(json_object_get_string_member(e, ROSTER_KEY_ACTION), "solve") == 0)
			json_array_add_object_element(solves, json_object_ref(e));
	}
	return solves;
}

/* a stopping daemon: running jobs stop, write their best roster and say so; no new job */
static void
test_job_stop_solves(Fixture *f, gconstpointer user_data)
{
	gint64 seat_class;
	gint64 volunteer;
	gint64 id = demo_month(f, &seat_class, &volunteer);
	gint64 other = add_roster(f, NULL);
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = roster_test_json_printf("{\"time_limit\":60,\"seed\":3}");
	g_autoptr(JsonNode) job = roster_engine_start_solve(f->engine, f->admin, id, body, &error);
	g_autoptr(JsonNode) refused = NULL;
	g_autoptr(JsonNode) stopped = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) audit = NULL;
	g_autoptr(JsonArray) solves = NULL;
	JsonObject *after;
	JsonObject *ending;

	g_assert_no_error(error);
	wait_best_score(f, id);
	g_assert_cmpuint(roster_engine_get_n_solves(f->engine), ==, 1);
	g_assert_cmpuint(roster_engine_stop_solves(f->engine), ==, 1);
	refused = roster_engine_start_solve(f->engine, f->admin, other, NULL, &error);
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_BUSY);
	g_assert_null(refused);
	g_clear_error(&error);
	while (roster_engine_get_n_solves(f->engine) > 0)
		g_main_context_iteration(NULL, TRUE);

	stopped = roster_engine_get_solve(f->engine, f->admin, id, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(json_object_get_string_member(obj(stopped), ROSTER_KEY_STATE),
			==,
			ROSTER_JOB_STOPPED);
	g_assert_nonnull(
	    strstr(json_object_get_string_member(obj(stopped), ROSTER_KEY_MESSAGE), "stopped"));
	roster = get_roster(f, id);
	g_assert_cmpint(json_array_get_length(assignments_of(roster)), >, 0);
	g_assert_false(json_object_get_null_member(obj(roster), ROSTER_KEY_SCORE));
	/* the write is audited with how the job ended */
	solves = solve_audits(f, id, &audit);
	g_assert_cmpuint(json_array_get_length(solves), ==, 1);
	after = json_object_get_object_member(json_array_get_object_element(solves, 0),
					      ROSTER_KEY_AFTER);
	g_assert_true(json_object_has_member(after, ROSTER_KEY_OBJECTIVE));
	ending = json_object_get_object_member(after, ROSTER_KEY_JOB);
	g_assert_nonnull(ending);
	g_assert_cmpstr(json_object_get_string_member(ending, ROSTER_KEY_STATE),
			==,
			ROSTER_JOB_STOPPED);
	g_assert_cmpint(json_object_get_int_member(ending, ROSTER_KEY_JOB_ID),
			==,
			json_object_get_int_member(obj(job), ROSTER_KEY_JOB_ID));
}

void
roster_test_add_rosters_jobs(void)
{
	ROSTERS_TEST_ADD("/roster/rosters/job/cancel", test_job_cancel);
	ROSTERS_TEST_ADD("/roster/rosters/job/done", test_job_done);
	ROSTERS_TEST_ADD("/roster/rosters/job/bound", test_job_bound);
	ROSTERS_TEST_ADD("/roster/rosters/job/threads-niced", test_job_threads_niced);
	ROSTERS_TEST_ADD("/roster/rosters/job/stop-solves", test_job_stop_solves);
}
