/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* where a program finds its translations: installed, or the build folder's own when it
 * runs from the build folder it was built in */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean
roster_build_dirs_uninstalled(void);
const gchar *
roster_build_dirs_locale_dir(void);

G_END_DECLS
