/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-nrp-parser.h"
#include "roster-solver-search.h"
#include "roster-tool-private.h"

static RosterSolverModel *
load_instance(const gchar *path, GError **error)
{
	g_autofree gchar *text = NULL;
	gsize len = 0;
	RosterSolverModel *model;

	if (!g_file_get_contents(path, &text, &len, error))
		return NULL;
	model = roster_nrp_parse_instance(text, len, error);
	if (model == NULL)
		g_prefix_error(error, "%s: ", path);
	return model;
}

static void
print_violations(GPtrArray *violations)
{
	for (guint i = 0; i < violations->len; i++)
		g_print("  %s\n", (const gchar *)g_ptr_array_index(violations, i));
}

static void
progress_cb(const RosterSolverProgress *progress, gpointer user_data)
{
	/* progress and result lines are a machine-read format (tests/bench parses them), so
	 * they stay untranslated */
	g_print("%8.2f s  objective %" G_GINT64_FORMAT "  hard violations %u",
		progress->elapsed,
		progress->objective,
		progress->n_violations);
	g_print("\n");
}

int
roster_tool_nrp_solve(int argc, char **argv)
{
	gdouble time_limit = 60;
	gint seed = 1;
	gint threads = 2;
	gint64 target = -1;
	gboolean quiet = FALSE;
	g_autofree gchar *output = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) model = NULL;
	g_autoptr(RosterSolverResult) result = NULL;
	RosterSolverOptions options;
	const GOptionEntry entries[] = {
	    {"time-limit",
	     't',
	     0,
	     G_OPTION_ARG_DOUBLE,
	     &time_limit,
	     /* TRANSLATORS: help of the --time-limit option */
	     N_("Stop after this many seconds (default 60)"),
	     N_("SECONDS")},
	    {"seed",
	     's',
	     0,
	     G_OPTION_ARG_INT,
	     &seed,
	     /* TRANSLATORS: help of the --seed option */
	     N_("Seed of the random choices (default 1)"),
	     N_("N")},
	    {"threads",
	     'j',
	     0,
	     G_OPTION_ARG_INT,
	     &threads,
	     /* TRANSLATORS: help of the --threads option */
	     N_("Number of parallel searches (default 2)"),
	     N_("N")},
	    {"output",
	     'o',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &output,
	     /* TRANSLATORS: help of the --output option */
	     N_("Write the roster grid to this file"),
	     N_("GRID")},
	    {"target",
	     0,
	     0,
	     G_OPTION_ARG_INT64,
	     &target,
	     /* TRANSLATORS: help of the --target option */
	     N_("Stop as soon as a feasible roster reaches this objective"),
	     N_("OBJ")},
	    {"quiet",
	     'q',
	     0,
	     G_OPTION_ARG_NONE,
	     &quiet,
	     /* TRANSLATORS: help of the --quiet option */
	     N_("Print only the final line"),
	     NULL},
	    {NULL},
	};

	/* TRANSLATORS: the arguments of roster-tool nrp-solve */
	context = g_option_context_new(_("INSTANCE — solve a nurse-rostering instance"));
	g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
	if (!g_option_context_parse(context, &argc, &argv, &error)) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	if (argc != 2) {
		/* TRANSLATORS: nrp-solve was called without exactly one instance file */
		g_printerr("%s\n", _("Expected one instance file"));
		return 1;
	}
	if (threads < 1 || seed < 0 || time_limit <= 0) {
		/* TRANSLATORS: a numeric option of nrp-solve is out of range */
		g_printerr("%s\n",
			   _("Threads must be at least 1, seed not negative, time limit positive"));
		return 1;
	}
	model = load_instance(argv[1], &error);
	if (model == NULL) {
		g_printerr("%s\n", error->message);
		return 1;
	}

	roster_solver_options_init(&options);
	options.time_limit = time_limit;
	options.seed = (guint32)seed;
	options.n_threads = (guint)threads;
	options.has_target = target >= 0;
	options.target = target;
	if (!quiet)
		options.progress = progress_cb;
	result = roster_solver_solve(model, &options, &error);
	if (result == NULL) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	if (output != NULL) {
		g_autofree gchar *grid = roster_nrp_format_grid(model, result->roster);
		if (!g_file_set_contents(output, grid, -1, &error)) {
			g_printerr("%s\n", error->message);
			return 1;
		}
	}
	if (!result->feasible) {
		/* TRANSLATORS: heading of the hard rules the final roster breaks */
		g_print("%s\n", _("Hard rules the best roster breaks:"));
		print_violations(result->violations);
	}
	g_print("result: %s objective %" G_GINT64_FORMAT
		" seconds %.2f best-at %.2f moves %" G_GUINT64_FORMAT,
		result->feasible ? "feasible" : "infeasible",
		result->objective,
		result->seconds,
		result->seconds_to_best,
		result->iterations);
	/* machine-read like the rest of the line: not translated */
	if (result->has_bound)
		g_print(" bound %.1f", result->bound);
	if (result->optimal)
		g_print(" optimal");
	g_print("\n");
	return result->feasible ? 0 : 2;
}

int
roster_tool_nrp_evaluate(int argc, char **argv)
{
	gboolean verbose = FALSE;
	g_autofree gchar *text = NULL;
	gsize len = 0;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) model = NULL;
	g_autoptr(RosterSolverRoster) roster = NULL;
	g_autoptr(RosterSolverEvaluation) ev = NULL;
	const GOptionEntry entries[] = {
	    {"verbose",
	     'v',
	     0,
	     G_OPTION_ARG_NONE,
	     &verbose,
	     /* TRANSLATORS: help of the --verbose option of nrp-evaluate */
	     N_("Also list every soft penalty"),
	     NULL},
	    {NULL},
	};

	/* TRANSLATORS: the arguments of roster-tool nrp-evaluate */
	context = g_option_context_new(_("INSTANCE GRID — score a roster grid"));
	g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
	if (!g_option_context_parse(context, &argc, &argv, &error)) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	if (argc != 3) {
		/* TRANSLATORS: nrp-evaluate needs two files */
		g_printerr("%s\n", _("Expected an instance file and a grid file"));
		return 1;
	}
	model = load_instance(argv[1], &error);
	if (model == NULL) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	if (!g_file_get_contents(argv[2], &text, &len, &error)) {
		g_printerr("%s\n", error->message);
		return 1;
	}
	roster = roster_nrp_parse_grid(model, text, len, &error);
	if (roster == NULL) {
		g_printerr("%s: %s\n", argv[2], error->message);
		return 1;
	}
	ev = roster_solver_evaluate(model, roster);
	print_violations(ev->violations);
	if (verbose)
		print_violations(ev->penalties);
	g_print("result: %s objective %" G_GINT64_FORMAT " violations %u",
		ev->feasible ? "feasible" : "infeasible",
		ev->objective,
		ev->n_violations);
	g_print("\n");
	return ev->feasible ? 0 : 2;
}
