/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the app as the README's first command starts it: from the build folder, with none of
 * the variables the other tests set, it finds its translations and settings schema */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "roster-data-dirs.h"

/* the app's environment: the user's, with a Chinese desktop's language and nothing
 * that points at the build folder */
static gchar **
chinese_desktop_environ(void)
{
	gchar **env = g_get_environ();
	const gchar *unset[] = {"LANGUAGE",
				"LC_ALL",
				"LC_MESSAGES",
				"ROSTER_LOCALEDIR",
				"GSETTINGS_SCHEMA_DIR"};

	for (guint i = 0; i < G_N_ELEMENTS(unset); i++)
		env = g_environ_unsetenv(env, unset[i]);
	return g_environ_setenv(env, "LANG", "zh_CN.UTF-8", TRUE);
}

static gboolean
have_chinese_locale(void)
{
	g_autofree gchar *saved = g_strdup(setlocale(LC_ALL, NULL));
	gboolean found = setlocale(LC_ALL, "zh_CN.UTF-8") != NULL;

	setlocale(LC_ALL, saved);
	return found;
}

static void
run_app(const gchar *const *args, gchar **out, gchar **err, gint *status)
{
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_auto(GStrv) env = chinese_desktop_environ();
	g_autoptr(GError) error = NULL;

	g_ptr_array_add(argv, (gpointer)g_getenv("ROSTER_APP"));
	for (guint i = 0; args[i] != NULL; i++)
		g_ptr_array_add(argv, (gpointer)args[i]);
	g_ptr_array_add(argv, NULL);
	g_assert_true(g_spawn_sync(NULL,
				   (gchar **)argv->pdata,
				   env,
				   G_SPAWN_DEFAULT,
				   NULL,
				   NULL,
				   out,
				   err,
				   status,
				   &error));
	g_assert_no_error(error);
}

/* LANG=zh_CN.UTF-8 alone gets the app's own words in Chinese */
static void
test_chinese_without_variables(void)
{
	const gchar *args[] = {"--help", NULL};
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	gint status = -1;

	if (!have_chinese_locale()) {
		g_test_skip("no zh_CN.UTF-8 locale on this machine (localedef -i zh_CN -f UTF-8 "
			    "zh_CN.UTF-8)");
		return;
	}
	run_app(args, &out, &err, &status);
	g_assert_cmpint(status, ==, 0);
	g_assert_nonnull(strstr(out, "连接到此地址的排班守护进程"));
	g_assert_null(strstr(out, "Connect to the roster daemon at this address"));
}

/* --server takes only a daemon's address, and says so in the user's language */
static void
test_server_refused(void)
{
	const gchar *args[] = {"--server", "127.0.0.1:8355", NULL};
	g_autofree gchar *out = NULL;
	g_autofree gchar *err = NULL;
	gint status = -1;

	if (!have_chinese_locale()) {
		g_test_skip("no zh_CN.UTF-8 locale on this machine");
		return;
	}
	run_app(args, &out, &err, &status);
	g_assert_false(g_spawn_check_wait_status(status, NULL));
	g_assert_nonnull(strstr(err, "不是服务器地址：127.0.0.1:8355"));
}

/* the schema built in the build folder is found without GSETTINGS_SCHEMA_DIR, and what
 * the app sets reaches the settings store, so the next start remembers it */
static void
test_settings_remembered(void)
{
	g_autoptr(GSettings) settings = NULL;
	g_autofree gchar *keyfile = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error = NULL;

	g_assert_null(g_getenv("GSETTINGS_SCHEMA_DIR"));
	g_assert_true(roster_data_dirs_uninstalled());
	settings = roster_data_dirs_new_settings();
	g_assert_nonnull(settings);
	g_settings_set_string(settings, "server-url", "http://192.0.2.7:8355");
	g_settings_set_string(settings, "username", "lin");
	g_settings_sync();
	keyfile =
	    g_build_filename(g_get_user_config_dir(), "glib-2.0", "settings", "keyfile", NULL);
	g_assert_true(g_file_get_contents(keyfile, &contents, NULL, &error));
	g_assert_no_error(error);
	g_assert_nonnull(strstr(contents, "server-url='http://192.0.2.7:8355'"));
	g_assert_nonnull(strstr(contents, "username='lin'"));
}

int
main(int argc, char **argv)
{
	g_autofree gchar *config = NULL;

	/* a settings store on disk, in a folder of the test's own, as a desktop's is */
	config = g_dir_make_tmp("roster-first-start-XXXXXX", NULL);
	g_assert_nonnull(config);
	g_setenv("XDG_CONFIG_HOME", config, TRUE);
	g_setenv("GSETTINGS_BACKEND", "keyfile", TRUE);
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/app-first-start/chinese", test_chinese_without_variables);
	g_test_add_func("/roster/app-first-start/server-refused", test_server_refused);
	g_test_add_func("/roster/app-first-start/settings-remembered", test_settings_remembered);
	return g_test_run();
}
