/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the import of a year's holiday calendar from the command line, with the days of
 * published rosters it changes */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-engine-holidays.h"
#include "roster-json-keys.h"
#include "roster-tool-private.h"

/* the kind of a day in the user's language: off, working or normal */
static const gchar *
kind_label(const gchar *kind)
{
	if (g_strcmp0(kind, "off") == 0)
		/* TRANSLATORS: a day of the holiday calendar */
		return _("holiday");
	if (g_strcmp0(kind, "working") == 0)
		/* TRANSLATORS: a day of the holiday calendar: a weekend day worked (调休) */
		return _("make-up working day");
	/* TRANSLATORS: a day the holiday calendar does not name */
	return _("ordinary day");
}

static void
print_changed_days(JsonArray *changed)
{
	for (guint i = 0; i < json_array_get_length(changed); i++) {
		JsonObject *day = json_array_get_object_element(changed, i);
		g_print(
		    /* TRANSLATORS: a day of a published roster the import changes: the
		     * roster's name, the date, what the day was and what it is now */
		    _("Changed in published roster “%s”: %s, %s → %s"),
		    json_object_get_string_member_with_default(day, "roster_name", ""),
		    json_object_get_string_member_with_default(day, ROSTER_KEY_DATE, ""),
		    kind_label(json_object_get_string_member_with_default(day, "before", NULL)),
		    kind_label(json_object_get_string_member_with_default(day, "after", NULL)));
		g_print("\n");
	}
}

int
roster_tool_holidays_import(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) reply = NULL;
	g_autoptr(GError) error = NULL;
	gsize length = 0;
	gint year = 0;
	JsonObject *obj;
	JsonArray *changed;
	const GOptionEntry entries[] = {
	    /* TRANSLATORS: command-line option description */
	    {"year",
	     'y',
	     0,
	     G_OPTION_ARG_INT,
	     &year,
	     N_("The year to import (a chinese-days file may hold several)"),
	     N_("YEAR")},
	    {NULL}};

	context = roster_tool_context_new(
	    _("FILE.json"),
	    _("Import a year's holiday calendar (holidays and make-up working days) from a "
	      "holiday-cn or chinese-days JSON file. A bad file changes nothing."),
	    &database,
	    entries);
	engine = roster_tool_parse_and_open(context, &argc, &argv, 1, &database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	if (!g_file_get_contents(argv[1], &contents, &length, &error))
		return roster_tool_fail(error);
	principal = roster_engine_dup_local_principal(engine);
	reply = roster_engine_import_holidays(engine, principal, year, contents, length, &error);
	if (reply == NULL) {
		g_printerr("%s: ", argv[1]);
		return roster_tool_fail(error);
	}
	obj = json_node_get_object(reply);
	g_print(
	    /* TRANSLATORS: the holiday calendar imported: the year, its days off and its
	     * make-up working days */
	    _("Imported the holiday calendar of %d: %d days off, %d make-up working days"),
	    (gint)json_object_get_int_member(obj, "year"),
	    (gint)json_object_get_int_member(obj, "off"),
	    (gint)json_object_get_int_member(obj, "working"));
	g_print("\n");
	changed = json_object_get_array_member(obj, "changed_days");
	print_changed_days(changed);
	return 0;
}
