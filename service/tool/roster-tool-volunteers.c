/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "roster-demo.h"
#include "roster-engine.h"
#include "roster-json-keys.h"
#include "roster-tool-private.h"
#include "roster-volunteer-csv.h"

static const gchar *
reason_words(const gchar *reason)
{
	/* TRANSLATORS: why a volunteer fits no seat: their tier is below every seat's */
	if (g_strcmp0(reason, "tier") == 0)
		return _("tier");
	/* TRANSLATORS: why a volunteer fits no seat: they lack the skills seats need */
	if (g_strcmp0(reason, "skills") == 0)
		return _("skills");
	/* TRANSLATORS: why a volunteer fits no seat: on-site or cloud */
	if (g_strcmp0(reason, "modes") == 0)
		return _("seat modes");
	return reason;
}

/* the imported people who fit no seat, in the user's language */
static void
print_warnings(JsonArray *warnings)
{
	for (guint i = 0; warnings != NULL && i < json_array_get_length(warnings); i++) {
		JsonObject *w = json_array_get_object_element(warnings, i);
		JsonArray *reasons = json_object_get_array_member(w, ROSTER_KEY_REASONS);
		g_autoptr(GString) words = g_string_new(NULL);
		for (guint k = 0; reasons != NULL && k < json_array_get_length(reasons); k++) {
			if (k > 0)
				/* TRANSLATORS: between the reasons of a list */
				g_string_append(words, _(", "));
			g_string_append(words,
					reason_words(json_array_get_string_element(reasons, k)));
		}
		/* TRANSLATORS: %s is a volunteer's name, then the list of reasons such as
		 * "tier, skills" */
		g_printerr(_("Warning: %s can sit in no seat: no seat class fits their %s"),
			   json_object_get_string_member(w, ROSTER_KEY_VOLUNTEER),
			   words->str);
		g_printerr("\n");
	}
}

int
roster_tool_volunteers_import(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GPtrArray) line_errors = NULL;
	g_autoptr(JsonNode) warnings = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	guint n_imported = 0;

	context = roster_tool_context_new(
	    _("FILE.csv"),
	    _("Import volunteers from a CSV file (UTF-8, with or without BOM; English or Chinese "
	      "column names). Any bad row stops the import and nothing is imported."),
	    &database,
	    NULL);
	engine = roster_tool_parse_and_open(context, &argc, &argv, 1, &database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	if (!g_file_get_contents(argv[1], &contents, &length, &error))
		return roster_tool_fail(error);
	principal = roster_engine_dup_local_principal(engine);
	if (!roster_volunteer_csv_import_full(engine,
					      principal,
					      contents,
					      length,
					      &n_imported,
					      &line_errors,
					      &warnings,
					      &error)) {
		for (guint i = 0; line_errors != NULL && i < line_errors->len; i++)
			g_printerr("%s: %s\n",
				   argv[1],
				   (const gchar *)g_ptr_array_index(line_errors, i));
		return roster_tool_fail(error);
	}
	/* TRANSLATORS: %u is a number of volunteers */
	g_print(g_dngettext(GETTEXT_PACKAGE,
			    "Imported %u volunteer",
			    "Imported %u volunteers",
			    n_imported),
		n_imported);
	g_print("\n");
	/* the count first, then the warnings on stderr */
	fflush(stdout);
	print_warnings(json_node_get_array(warnings));
	return 0;
}

int
roster_tool_volunteers_export(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autofree gchar *csv = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GError) error = NULL;
	gboolean chinese = FALSE;
	const GOptionEntry entries[] = {{"chinese",
					 'c',
					 G_OPTION_FLAG_NONE,
					 G_OPTION_ARG_NONE,
					 &chinese,
					 /* TRANSLATORS: command-line option description */
					 N_("Write Chinese column names and words"),
					 NULL},
					{NULL}};

	context =
	    roster_tool_context_new(_("FILE.csv"),
				    _("Export every volunteer to a CSV file (UTF-8 with BOM); “-” "
				      "writes to standard output."),
				    &database,
				    entries);
	engine = roster_tool_parse_and_open(context, &argc, &argv, 1, &database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	principal = roster_engine_dup_local_principal(engine);
	csv = roster_volunteer_csv_export(engine, principal, chinese, &error);
	if (csv == NULL)
		return roster_tool_fail(error);
	if (g_strcmp0(argv[1], "-") == 0) {
		g_print("%s", csv);
		return 0;
	}
	if (!g_file_set_contents_full(argv[1],
				      csv,
				      -1,
				      G_FILE_SET_CONTENTS_CONSISTENT,
				      0600,
				      &error))
		return roster_tool_fail(error);
	return 0;
}

/* backup and restore: one file argument and one engine call; returns the file, or
 * NULL after printing why it failed */
static gchar *
copy_database(int argc,
	      char **argv,
	      const gchar *summary,
	      gboolean (*copy)(RosterEngine *, const gchar *, GError **))
{
	g_autofree gchar *database = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(GError) error = NULL;

	context = roster_tool_context_new(_("BACKUP-FILE"), summary, &database, NULL);
	if (roster_tool_parse(context, &argc, &argv, 1, &error))
		engine = roster_tool_open_engine(database, &error);
	if (engine == NULL || !copy(engine, argv[1], &error)) {
		roster_tool_fail(error);
		return NULL;
	}
	return g_strdup(argv[1]);
}

int
roster_tool_database_backup(int argc, char **argv)
{
	g_autofree gchar *file = NULL;

	file = copy_database(argc,
			     argv,
			     _("Copy the database to a file with SQLite's online backup; the "
			       "daemon may keep running."),
			     roster_engine_backup);
	if (file == NULL)
		return 1;
	/* TRANSLATORS: %s is a file name */
	g_print(_("Backed up to %s"), file);
	g_print("\n");
	return 0;
}

int
roster_tool_database_restore(int argc, char **argv)
{
	g_autofree gchar *file = NULL;

	file = copy_database(argc,
			     argv,
			     _("Replace the database with the contents of a backup file made by "
			       "“roster-tool backup”. Stop the daemon first."),
			     roster_engine_restore);
	if (file == NULL)
		return 1;
	/* TRANSLATORS: %s is a file name */
	g_print(_("Restored from %s"), file);
	g_print("\n");
	return 0;
}

int
roster_tool_demo_seed(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(GError) error = NULL;
	gint seed = 12355;
	g_autofree gchar *scale = NULL;
	g_autofree gchar *accounts = NULL;
	g_autofree gchar *password = NULL;
	g_autofree gchar *mail_server = NULL;
	g_autofree gchar *public_url = NULL;
	const GOptionEntry entries[] = {
	    {"scale",
	     0,
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_STRING,
	     &scale,
	     /* TRANSLATORS: command-line option description */
	     N_("city (60 volunteers, the default) or province (2,000 volunteers, 4 sites)"),
	     /* TRANSLATORS: placeholder of an option's value */
	     N_("SCALE")},
	    {"seed",
	     's',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_INT,
	     &seed,
	     /* TRANSLATORS: command-line option description */
	     N_("The seed of the generator (the same seed gives the same hotline)"),
	     /* TRANSLATORS: placeholder of an option's value */
	     N_("N")},
	    {"volunteer-password-file",
	     0,
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_FILENAME,
	     &accounts,
	     /* TRANSLATORS: command-line option description */
	     N_("Make demo volunteer accounts c021, c040 and c048 with the password in FILE"),
	     /* TRANSLATORS: placeholder of an option's value */
	     N_("FILE")},
	    {"mail-server",
	     0,
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_STRING,
	     &mail_server,
	     /* TRANSLATORS: command-line option description */
	     N_("Send the demo's messages to the test mail server at HOST:PORT (no TLS)"),
	     /* TRANSLATORS: placeholder of an option's value */
	     N_("HOST:PORT")},
	    {"public-url",
	     0,
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_STRING,
	     &public_url,
	     /* TRANSLATORS: command-line option description */
	     N_("The daemon's address for the links in the demo's messages"),
	     /* TRANSLATORS: placeholder of an option's value */
	     N_("URL")},
	    {NULL}};

	context = roster_tool_context_new("",
					  _("Fill a new database with a demo city hotline: seat "
					    "classes, demand, 4 teams and 60 volunteers."),
					  &database,
					  entries);
	engine = roster_tool_parse_and_open(context, &argc, &argv, 0, &database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	if (!roster_demo_seed_scale(engine, scale, (guint32)seed, &error))
		return roster_tool_fail(error);
	/* before any roster is published, so that its digests are written */
	if (mail_server != NULL && !roster_demo_seed_mail(engine, mail_server, public_url, &error))
		return roster_tool_fail(error);
	/* the demo's volunteer accounts, for the volunteers' page */
	if (accounts != NULL) {
		if (!g_file_get_contents(accounts, &password, NULL, &error))
			return roster_tool_fail(error);
		g_strstrip(password);
		if (!roster_demo_seed_accounts(engine, password, &error))
			return roster_tool_fail(error);
	}
	/* TRANSLATORS: %s is a file name */
	g_print(_("Demo hotline written to %s"), roster_engine_get_database_path(engine));
	g_print("\n");
	return 0;
}
