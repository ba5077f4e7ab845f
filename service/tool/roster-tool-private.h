/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "roster-engine.h"

G_BEGIN_DECLS

/* what the subcommands share (roster-tool-common.c) */
GOptionContext *
roster_tool_context_new(const gchar *parameters,
			const gchar *summary,
			gchar **database,
			const GOptionEntry *entries);
gboolean
roster_tool_parse(GOptionContext *context, int *argc, char ***argv, guint n_args, GError **error);
RosterEngine *
roster_tool_open_engine(const gchar *database, GError **error);
RosterEngine *
roster_tool_parse_and_open(GOptionContext *context,
			   int *argc,
			   char ***argv,
			   guint n_args,
			   gchar **database,
			   GError **error);
int
roster_tool_fail(const GError *error);

/* one function per subcommand: argv[0] is the subcommand's name; returns the exit code */
typedef int (*RosterToolCommandFunc)(int argc, char **argv);

/* the Curtois & Qu benchmark format (roster-tool-nrp.c) */
int
roster_tool_nrp_solve(int argc, char **argv);
int
roster_tool_nrp_evaluate(int argc, char **argv);

/* volunteers and the database (roster-tool-volunteers.c) */
int
roster_tool_volunteers_import(int argc, char **argv);
int
roster_tool_volunteers_export(int argc, char **argv);
int
roster_tool_database_backup(int argc, char **argv);
int
roster_tool_database_restore(int argc, char **argv);
int
roster_tool_demo_seed(int argc, char **argv);

/* rosters (roster-tool-rosters.c) */
int
roster_tool_rosters_solve(int argc, char **argv);

/* calendars, publishing and reports (roster-tool-calendar.c) */
int
roster_tool_calendar_export(int argc, char **argv);
int
roster_tool_roster_publish(int argc, char **argv);
int
roster_tool_report(int argc, char **argv);

int
roster_tool_holidays_import(int argc, char **argv);

G_END_DECLS
