/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what every subcommand of roster-tool does the same way: its option context with
 * --database, the parse with its count of arguments, opening the engine, and
 * printing a failure */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-paths.h"
#include "roster-tool-private.h"

/**
 * roster_tool_context_new:
 * @parameters: the subcommand's arguments for the usage line, e.g. `FILE.csv`
 * @summary: what the subcommand does, translated
 * @database: (out): where --database goes
 * @entries: (nullable): the subcommand's own options
 *
 * Returns: (transfer full): an option context with --database and @entries
 **/
GOptionContext *
roster_tool_context_new(const gchar *parameters,
			const gchar *summary,
			gchar **database,
			const GOptionEntry *entries)
{
	GOptionContext *context = g_option_context_new(parameters);
	const GOptionEntry common[] = {
	    {"database",
	     'd',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_FILENAME,
	     database,
	     /* TRANSLATORS: command-line option description */
	     N_("The database file (default: under the user's data directory)"),
	     /* TRANSLATORS: placeholder of an option's value */
	     N_("FILE")},
	    {NULL}};

	g_option_context_set_translation_domain(context, GETTEXT_PACKAGE);
	g_option_context_set_summary(context, summary);
	g_option_context_add_main_entries(context, common, GETTEXT_PACKAGE);
	if (entries != NULL)
		g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
	return context;
}

/**
 * roster_tool_parse:
 * @context: the subcommand's context
 * @argc: (inout): the argument count
 * @argv: (inout): the arguments, the subcommand's name first
 * @n_args: how many arguments must remain after the options
 * @error: return location for a #GError
 *
 * Parses the options and checks the count of arguments; on a wrong count prints
 * the help.
 *
 * Returns: %TRUE when the command line is well formed
 **/
gboolean
roster_tool_parse(GOptionContext *context, int *argc, char ***argv, guint n_args, GError **error)
{
	if (!g_option_context_parse(context, argc, argv, error))
		return FALSE;
	if ((guint)*argc != n_args + 1) {
		g_autofree gchar *help = g_option_context_get_help(context, TRUE, NULL);
		g_set_error(error,
			    G_OPTION_ERROR,
			    G_OPTION_ERROR_FAILED,
			    /* TRANSLATORS: %u is a number of arguments */
			    g_dngettext(GETTEXT_PACKAGE,
					"expected %u argument",
					"expected %u arguments",
					n_args),
			    n_args);
		g_printerr("%s", help);
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_tool_open_engine:
 * @database: (nullable): the --database value; %NULL for the default path
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the engine, open on the database
 **/
RosterEngine *
roster_tool_open_engine(const gchar *database, GError **error)
{
	g_autofree gchar *path = database != NULL ? g_strdup(database)
						  : roster_dup_default_database_path();
	g_autoptr(RosterEngine) engine = roster_engine_new(path);

	if (!roster_engine_open(engine, error))
		return NULL;
	return g_steal_pointer(&engine);
}

/**
 * roster_tool_parse_and_open:
 * @context: the subcommand's context, from roster_tool_context_new()
 * @argc: (inout): the argument count
 * @argv: (inout): the arguments, the subcommand's name first
 * @n_args: how many arguments must remain after the options
 * @database: the --database value roster_tool_context_new() was given
 * @error: return location for a #GError
 *
 * roster_tool_parse(), then roster_tool_open_engine() on the database it named.
 *
 * Returns: (transfer full) (nullable): the engine
 **/
RosterEngine *
roster_tool_parse_and_open(GOptionContext *context,
			   int *argc,
			   char ***argv,
			   guint n_args,
			   gchar **database,
			   GError **error)
{
	if (!roster_tool_parse(context, argc, argv, n_args, error))
		return NULL;
	return roster_tool_open_engine(*database, error);
}

/**
 * roster_tool_fail:
 * @error: what went wrong
 *
 * Prints @error for the user.
 *
 * Returns: the exit code of a failed subcommand, 1
 **/
int
roster_tool_fail(const GError *error)
{
	/* TRANSLATORS: %s is an error message */
	g_printerr(_("Failed: %s"), error->message);
	g_printerr("\n");
	return 1;
}
