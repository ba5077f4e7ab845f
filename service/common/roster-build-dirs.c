/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* where a program finds its translations: installed, or the build folder's own when it
 * runs from the build folder (the app, the daemon and the tool alike) */

#include "config.h"

#include "roster-build-dirs.h"

/**
 * roster_build_dirs_uninstalled:
 *
 * Whether the running program lives in the build folder it was built in, as the app
 * and the daemon do when started by the README's first commands and the tests; they
 * then use the translations built there, not an installed (perhaps older, perhaps
 * absent) copy.
 *
 * Returns: %TRUE when run from the build folder
 *
 * Since: 0.1
 */
gboolean
roster_build_dirs_uninstalled(void)
{
	static gsize once = 0;
	static gboolean uninstalled = FALSE;

	if (g_once_init_enter(&once)) {
		g_autofree gchar *exe = g_file_read_link("/proc/self/exe", NULL);
		uninstalled = exe != NULL && g_str_has_prefix(exe, ROSTER_BUILD_ROOT "/");
		g_once_init_leave(&once, 1);
	}
	return uninstalled;
}

/**
 * roster_build_dirs_locale_dir:
 *
 * Returns: the folder to bind the text domain to
 *
 * Since: 0.1
 */
const gchar *
roster_build_dirs_locale_dir(void)
{
	return roster_build_dirs_uninstalled() ? ROSTER_BUILD_ROOT "/po" : LOCALEDIR;
}
