/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "roster-nrp-parser.h"

G_BEGIN_DECLS

/* the Curtois & Qu folder from ROSTER_CURTOIS_DIR; NULL (and the test skipped) if missing */
static inline gchar *
roster_test_curtois_dir(void)
{
	const gchar *dir = g_getenv("ROSTER_CURTOIS_DIR");
	if (dir == NULL || !g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_test_skip("the Curtois & Qu benchmark folder is missing: set ROSTER_CURTOIS_DIR");
		return NULL;
	}
	return g_strdup(dir);
}

static inline RosterSolverModel *
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

static inline RosterSolverModel *
roster_test_load_curtois(const gchar *name)
{
	g_autofree gchar *dir = roster_test_curtois_dir();
	g_autofree gchar *path = NULL;
	if (dir == NULL)
		return NULL;
	path = g_build_filename(dir, "instances", name, NULL);
	return roster_test_load_model(path);
}

static inline RosterSolverModel *
roster_test_load_data(const gchar *name)
{
	g_autofree gchar *path = g_test_build_filename(G_TEST_DIST, "data", name, NULL);
	return roster_test_load_model(path);
}

static inline RosterSolverRoster *
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

G_END_DECLS
