/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "roster-fuzz-common.h"

/*
 * The main() of a target in a build without libFuzzer: runs the target once over
 * every file of the corpus folders (or files) it is given, so the seeds and the
 * regression cases are checked by the ordinary test suite, under the sanitizers
 * when the build has them. An empty corpus is a failure, so a wrong path cannot pass.
 */

static gint
compare_paths_cb(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

static gboolean
run_file(const gchar *path, guint *n_run)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *contents = NULL;
	g_autofree guint8 *copy = NULL;
	gsize length = 0;

	if (!g_file_get_contents(path, &contents, &length, &error)) {
		g_printerr("%s\n", error->message);
		return FALSE;
	}
	/* an exact-size copy, so that the sanitizers see a read past the end; never NULL,
	 * as libFuzzer passes no NULL either */
	copy = g_malloc(MAX(length, 1));
	memcpy(copy, contents, length);
	g_print("running %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
	LLVMFuzzerTestOneInput(copy, length);
	(*n_run)++;
	return TRUE;
}

static gboolean
run_path(const gchar *path, guint *n_run)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GDir) dir = NULL;
	g_autoptr(GPtrArray) names = NULL;
	const gchar *name;

	if (!g_file_test(path, G_FILE_TEST_IS_DIR))
		return run_file(path, n_run);
	dir = g_dir_open(path, 0, &error);
	if (dir == NULL) {
		g_printerr("%s\n", error->message);
		return FALSE;
	}
	names = g_ptr_array_new_with_free_func(g_free);
	while ((name = g_dir_read_name(dir)) != NULL)
		g_ptr_array_add(names, g_build_filename(path, name, NULL));
	g_ptr_array_sort(names, compare_paths_cb);
	for (guint i = 0; i < names->len; i++) {
		if (!run_file(g_ptr_array_index(names, i), n_run))
			return FALSE;
	}
	return TRUE;
}

int
main(int argc, char **argv)
{
	guint n_run = 0;

	if (argc < 2) {
		g_printerr("usage: %s CORPUS-FOLDER-OR-FILE…\n", argv[0]);
		return EXIT_FAILURE;
	}
	for (int i = 1; i < argc; i++) {
		if (!run_path(argv[i], &n_run))
			return EXIT_FAILURE;
	}
	if (n_run == 0) {
		g_printerr("no input was run\n");
		return EXIT_FAILURE;
	}
	g_print("%u inputs ran without a crash\n", n_run);
	return EXIT_SUCCESS;
}
