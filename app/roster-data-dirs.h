/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean
roster_data_dirs_uninstalled(void);
const gchar *
roster_data_dirs_locale_dir(void);
GSettings *
roster_data_dirs_new_settings(void);

G_END_DECLS
