/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-test-common.h"

/* the instances the solver tests load, shipped or published, and how they load */

/* tests/solver/data: the optima proven by the column generation (nrp-solve says
 * "optimal"), their rosters written by nrp-solve --output */
static const RosterTestInstance shipped[] = {
    {"nrp-8x14",
     8,
     14,
     2,
     205,
     TRUE,
     ROSTER_TEST_ROLE_SEARCH | ROSTER_TEST_ROLE_STATE | ROSTER_TEST_ROLE_COLGEN},
    {"nrp-10x28",
     10,
     28,
     3,
     1648,
     TRUE,
     ROSTER_TEST_ROLE_SEARCH | ROSTER_TEST_ROLE_DETERMINISTIC | ROSTER_TEST_ROLE_STATE |
	 ROSTER_TEST_ROLE_COLGEN},
    {"nrp-12x28", 12, 28, 4, -1, FALSE, ROSTER_TEST_ROLE_SEARCH | ROSTER_TEST_ROLE_WINDOW},
    {"nrp-14x42", 14, 42, 4, -1, FALSE, ROSTER_TEST_ROLE_STATE},
    {"nrp-12x28x8", 12, 28, 8, 8212, FALSE, ROSTER_TEST_ROLE_LEAST},
};

/* the table of the benchmark's README.md, with the optima of its solutions/ */
static const RosterTestInstance curtois[] = {
    {"Instance1", 8, 14, 1, 607, TRUE, ROSTER_TEST_ROLE_SEARCH | ROSTER_TEST_ROLE_COLGEN},
    {"Instance2", 14, 14, 2, 828, TRUE, ROSTER_TEST_ROLE_SEARCH | ROSTER_TEST_ROLE_DETERMINISTIC},
    {"Instance3", 20, 14, 3, 1001, TRUE, ROSTER_TEST_ROLE_SEARCH | ROSTER_TEST_ROLE_STATE},
    {"Instance4", 10, 28, 2, 1716, TRUE, ROSTER_TEST_ROLE_COLGEN},
    {"Instance5", 16, 28, 2, 1143, TRUE, ROSTER_TEST_ROLE_WINDOW | ROSTER_TEST_ROLE_BRANCH},
    {"Instance6", 18, 28, 3, 1950, TRUE, 0},
    {"Instance7", 20, 28, 3, 1056, TRUE, 0},
    {"Instance8", 30, 28, 4, -1, FALSE, 0},
    {"Instance9", 36, 28, 4, -1, FALSE, 0},
    {"Instance10", 40, 28, 5, -1, FALSE, 0},
    {"Instance11", 50, 28, 6, -1, FALSE, 0},
    {"Instance12", 60, 28, 10, -1, FALSE, ROSTER_TEST_ROLE_STATE},
    {"Instance14", 32, 42, 4, -1, FALSE, ROSTER_TEST_ROLE_STATE},
    {"Instance16", 20, 56, 3, -1, FALSE, 0},
    {"Instance20", 50, 182, 6, -1, FALSE, 0},
};

/**
 * roster_test_is_curtois:
 *
 * Returns: whether the tests run on the published benchmark (the curtois suite)
 */
gboolean
roster_test_is_curtois(void)
{
	return g_strcmp0(g_getenv("ROSTER_TEST_CURTOIS"), "1") == 0;
}

/* ROSTER_CURTOIS_DIR, else the folder meson found next to the repository */
static const gchar *
curtois_path(void)
{
	const gchar *dir = g_getenv("ROSTER_CURTOIS_DIR");
	if (dir == NULL || dir[0] == '\0')
		dir = g_getenv("ROSTER_CURTOIS_DEFAULT_DIR");
	return dir;
}

/**
 * roster_test_curtois_dir:
 *
 * The folder of the published benchmark: ROSTER_CURTOIS_DIR, else the one meson
 * found next to the repository (ROSTER_CURTOIS_DEFAULT_DIR).
 *
 * Returns: (transfer full) (nullable): the folder, or %NULL with the test skipped and
 *   the reason given when it is missing
 */
gchar *
roster_test_curtois_dir(void)
{
	const gchar *dir = curtois_path();
	g_autofree gchar *reason = NULL;

	if (dir != NULL && g_file_test(dir, G_FILE_TEST_IS_DIR))
		return g_strdup(dir);
	reason = g_strdup_printf("skipped: the Curtois & Qu benchmark folder %s is missing; "
				 "set ROSTER_CURTOIS_DIR to run the curtois suite",
				 dir != NULL ? dir : "(none)");
	g_test_skip(reason);
	return NULL;
}

/**
 * roster_test_run:
 *
 * Runs the tests; in the curtois suite without the benchmark folder every test has
 * skipped, and the exit code 77 tells meson so.
 *
 * Returns: the exit code of the test program
 */
gint
roster_test_run(void)
{
	const gchar *dir = curtois_path();
	gint rc = g_test_run();

	if (rc == 0 && roster_test_is_curtois() &&
	    (dir == NULL || !g_file_test(dir, G_FILE_TEST_IS_DIR)))
		return 77;
	return rc;
}

/**
 * roster_test_get_instances:
 * @n_instances: (out): the length of the table
 *
 * Returns: (transfer none): the shipped instances, or the published ones in the
 *   curtois suite
 */
const RosterTestInstance *
roster_test_get_instances(guint *n_instances)
{
	if (roster_test_is_curtois()) {
		*n_instances = G_N_ELEMENTS(curtois);
		return curtois;
	}
	*n_instances = G_N_ELEMENTS(shipped);
	return shipped;
}

/**
 * roster_test_add_instances:
 * @prefix: the test path before the instance's name
 * @role: a #RosterTestRole, or 0 for every instance
 * @func: the test, given the #RosterTestInstance
 *
 * Adds a test path per instance of the role.
 */
void
roster_test_add_instances(const gchar *prefix, guint role, GTestDataFunc func)
{
	guint n = 0;
	const RosterTestInstance *instances = roster_test_get_instances(&n);

	for (guint i = 0; i < n; i++) {
		g_autofree gchar *name = NULL;
		g_autofree gchar *path = NULL;
		guint roles = instances[i].roles;
		if (instances[i].solution)
			roles |= ROSTER_TEST_ROLE_SOLUTION;
		if (role != 0 && (roles & role) == 0)
			continue;
		name = g_ascii_strdown(instances[i].name, -1);
		path = g_strdup_printf("%s/%s", prefix, name);
		g_test_add_data_func(path, &instances[i], func);
	}
}

/**
 * roster_test_load_model:
 * @path: an instance file
 *
 * Returns: (transfer full): the parsed model; the test fails when it does not parse
 */
RosterSolverModel *
roster_test_load_model(const gchar *path)
{
	g_autofree gchar *text = NULL;
	gsize len = 0;
	g_autoptr(GError) error = NULL;
	RosterSolverModel *model;

	g_assert_true(g_file_get_contents(path, &text, &len, &error));
	g_assert_no_error(error);
	model = roster_nrp_parse_instance(text, len, &error);
	g_assert_no_error(error);
	g_assert_nonnull(model);
	return model;
}

/**
 * roster_test_load_data:
 * @name: a file of tests/solver/data
 *
 * Returns: (transfer full): the parsed model
 */
RosterSolverModel *
roster_test_load_data(const gchar *name)
{
	g_autofree gchar *path = g_test_build_filename(G_TEST_DIST, "data", name, NULL);
	return roster_test_load_model(path);
}

/* the folder of the instance's files, NULL (and the test skipped) when missing */
static gchar *
instance_dir(void)
{
	if (roster_test_is_curtois())
		return roster_test_curtois_dir();
	return g_test_build_filename(G_TEST_DIST, "data", NULL);
}

/**
 * roster_test_load_instance:
 * @instance: an instance of roster_test_get_instances()
 *
 * Returns: (transfer full) (nullable): the parsed model, or %NULL with the test
 *   skipped when the benchmark folder is missing
 */
RosterSolverModel *
roster_test_load_instance(const RosterTestInstance *instance)
{
	g_autofree gchar *dir = instance_dir();
	g_autofree gchar *file = NULL;
	g_autofree gchar *path = NULL;

	if (dir == NULL)
		return NULL;
	file = g_strdup_printf("%s.txt", instance->name);
	path = roster_test_is_curtois() ? g_build_filename(dir, "instances", file, NULL)
					: g_build_filename(dir, file, NULL);
	return roster_test_load_model(path);
}

/**
 * roster_test_load_solution:
 * @instance: an instance with a solution
 * @model: its model
 *
 * Returns: (transfer full): the roster of the instance's optimum
 */
RosterSolverRoster *
roster_test_load_solution(const RosterTestInstance *instance, const RosterSolverModel *model)
{
	g_autofree gchar *dir = instance_dir();
	g_autofree gchar *file = g_strdup_printf("%s.grid", instance->name);
	g_autofree gchar *path = NULL;

	g_assert_nonnull(dir);
	g_assert_true(instance->solution);
	path = roster_test_is_curtois() ? g_build_filename(dir, "solutions", file, NULL)
					: g_build_filename(dir, file, NULL);
	return roster_test_load_grid(model, path);
}

/**
 * roster_test_load_grid:
 * @model: a model
 * @path: a roster grid for it
 *
 * Returns: (transfer full): the parsed roster
 */
RosterSolverRoster *
roster_test_load_grid(const RosterSolverModel *model, const gchar *path)
{
	g_autofree gchar *text = NULL;
	gsize len = 0;
	g_autoptr(GError) error = NULL;
	RosterSolverRoster *roster;

	g_assert_true(g_file_get_contents(path, &text, &len, &error));
	roster = roster_nrp_parse_grid(model, text, len, &error);
	g_assert_no_error(error);
	g_assert_nonnull(roster);
	return roster;
}
