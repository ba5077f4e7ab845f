/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "roster-tool-private.h"

typedef struct {
	const gchar *name;
	RosterToolCommandFunc func;
	const gchar *summary;
} RosterToolCommand;

static const RosterToolCommand commands[] = {
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"nrp-solve", roster_tool_nrp_solve, N_("Solve a nurse-rostering benchmark instance")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"nrp-evaluate", roster_tool_nrp_evaluate, N_("Score a roster grid against an instance")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"import-volunteers", roster_tool_volunteers_import, N_("Import volunteers from a CSV file")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"export-volunteers", roster_tool_volunteers_export, N_("Export volunteers to a CSV file")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"backup", roster_tool_database_backup, N_("Back up the database while the daemon runs")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"restore", roster_tool_database_restore, N_("Restore the database from a backup file")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"seed-demo", roster_tool_demo_seed, N_("Fill a new database with a demo hotline")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"solve-roster", roster_tool_rosters_solve, N_("Solve a hotline roster and print its score")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"publish-roster", roster_tool_roster_publish, N_("Publish a roster as its next version")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"calendar", roster_tool_calendar_export, N_("Write published shifts as an iCalendar file")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"report", roster_tool_report, N_("Write an hours report as CSV or JSON")},
    /* TRANSLATORS: summary of a roster-tool subcommand */
    {"import-holidays",
     roster_tool_holidays_import,
     N_("Import a year's holiday calendar from a JSON file")},
};

static void
print_usage(void)
{
	/* TRANSLATORS: the first line of roster-tool's help */
	g_print("%s\n\n", _("Usage: roster-tool COMMAND [OPTION…]"));
	/* TRANSLATORS: heading of the list of subcommands */
	g_print("%s\n", _("Commands:"));
	for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
		g_print("  %-20s %s\n", commands[i].name, _(commands[i].summary));
	g_print("\n%s\n",
		/* TRANSLATORS: the last line of roster-tool's help */
		_("Run “roster-tool COMMAND --help” for the options of a command."));
}

int
main(int argc, char *argv[])
{
	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);

	if (argc < 2 || g_strcmp0(argv[1], "--help") == 0 || g_strcmp0(argv[1], "-h") == 0) {
		print_usage();
		return argc < 2 ? 1 : 0;
	}
	for (guint i = 0; i < G_N_ELEMENTS(commands); i++) {
		if (g_strcmp0(argv[1], commands[i].name) == 0)
			return commands[i].func(argc - 1, argv + 1);
	}
	/* TRANSLATORS: %s is what the user typed as a subcommand */
	g_printerr(_("Unknown command “%s”"), argv[1]);
	g_printerr("\n\n");
	print_usage();
	return 1;
}
