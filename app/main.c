/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "roster-application.h"
#include "roster-data-dirs.h"

int
main(int argc, char **argv)
{
	g_autoptr(RosterApplication) app = NULL;

	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, roster_data_dirs_locale_dir());
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);

	app = roster_application_new();
	return g_application_run(G_APPLICATION(app), argc, argv);
}
