/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "roster-engine.h"

G_BEGIN_DECLS

/* helpers shared by the store, engine and model tests */

typedef struct {
	gchar *tmpdir;
	gchar *path;
	RosterEngine *engine;
	RosterPrincipal *admin;
} RosterTestFixture;

static inline JsonNode *
roster_test_json(const gchar *text)
{
	g_autoptr(GError) error = NULL;
	JsonNode *node = json_from_string(text, &error);
	g_assert_no_error(error);
	g_assert_nonnull(node);
	return node;
}

static inline void
roster_test_remove_tree(const gchar *dir)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
	const gchar *name;

	if (d == NULL)
		return;
	while ((name = g_dir_read_name(d)) != NULL) {
		g_autofree gchar *path = g_build_filename(dir, name, NULL);
		if (g_file_test(path, G_FILE_TEST_IS_DIR))
			roster_test_remove_tree(path);
		else
			g_unlink(path);
	}
	g_rmdir(dir);
}

static inline void
roster_test_fixture_setup(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;

	fixture->tmpdir = g_dir_make_tmp("roster-test-XXXXXX", &error);
	g_assert_no_error(error);
	fixture->path = g_build_filename(fixture->tmpdir, "db", "roster.db", NULL);
	fixture->engine = roster_engine_new(fixture->path);
	roster_engine_set_fast_password_hashing(fixture->engine, TRUE);
	g_assert_true(roster_engine_open(fixture->engine, &error));
	g_assert_no_error(error);
	fixture->admin = roster_engine_dup_local_principal(fixture->engine);
}

static inline void
roster_test_fixture_teardown(RosterTestFixture *fixture, gconstpointer user_data)
{
	g_clear_pointer(&fixture->admin, roster_principal_unref);
	g_clear_object(&fixture->engine);
	roster_test_remove_tree(fixture->tmpdir);
	g_free(fixture->tmpdir);
	g_free(fixture->path);
}

/* creates a record as the local admin and returns its id */
static inline gint64
roster_test_create(RosterTestFixture *fixture,
		   const gchar *collection,
		   gint64 parent_id,
		   const gchar *body)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = roster_test_json(body);
	g_autoptr(JsonNode) result = roster_engine_create(fixture->engine,
							  fixture->admin,
							  collection,
							  parent_id,
							  node,
							  &error);
	g_assert_no_error(error);
	g_assert_nonnull(result);
	return json_object_get_int_member(json_node_get_object(result), "id");
}

static inline gint64
roster_test_count(RosterTestFixture *fixture, const gchar *collection, gint64 parent_id)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) list = roster_engine_list(fixture->engine,
						      fixture->admin,
						      collection,
						      parent_id,
						      NULL,
						      &error);
	g_assert_no_error(error);
	return json_object_get_int_member(json_node_get_object(list), "total");
}

/* copies a file of tests/data into @dir */
static inline gchar *
roster_test_copy_data(const gchar *name, const gchar *dir)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *contents = NULL;
	gsize len = 0;
	gchar *dest = g_build_filename(dir, name, NULL);

	g_file_get_contents(g_test_get_filename(G_TEST_DIST, "data", name, NULL),
			    &contents,
			    &len,
			    &error);
	g_assert_no_error(error);
	g_file_set_contents(dest, contents, (gssize)len, &error);
	g_assert_no_error(error);
	return dest;
}

G_END_DECLS
