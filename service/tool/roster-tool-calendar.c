/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "roster-engine-calendar.h"
#include "roster-engine-hours.h"
#include "roster-engine-rosters.h"
#include "roster-json-keys.h"
#include "roster-tool-private.h"

/* calendars, publishing and hour reports from the command line; the timing line of
 * --repeat is a machine-read format and stays untranslated */

/* writes @text to @output, or to standard output for NULL or "-"; the file names
 * volunteers, so only its owner may read it, as for the volunteer export */
static gboolean
write_output(const gchar *output, const gchar *text, GError **error)
{
	if (output == NULL || g_strcmp0(output, "-") == 0) {
		fputs(text, stdout);
		return TRUE;
	}
	return g_file_set_contents_full(output,
					text,
					-1,
					G_FILE_SET_CONTENTS_CONSISTENT,
					0600,
					error);
}

static gint
compare_double_cb(gconstpointer a, gconstpointer b)
{
	gdouble x = *(const gdouble *)a;
	gdouble y = *(const gdouble *)b;

	return x < y ? -1 : (x > y ? 1 : 0);
}

int
roster_tool_calendar_export(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autofree gchar *output = NULL;
	g_autofree gchar *lang = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autoptr(GArray) times = g_array_new(FALSE, FALSE, sizeof(gdouble));
	g_autoptr(GError) error = NULL;
	gint64 volunteer = 0;
	gint64 roster = 0;
	gint64 team = 0;
	gint64 seat_class = 0;
	gint repeat = 1;
	const GOptionEntry entries[] = {
	    /* TRANSLATORS: command-line option description */
	    {"volunteer",
	     'v',
	     0,
	     G_OPTION_ARG_INT64,
	     &volunteer,
	     N_("Only the shifts of this volunteer"),
	     N_("ID")},
	    /* TRANSLATORS: command-line option description */
	    {"roster", 'r', 0, G_OPTION_ARG_INT64, &roster, N_("Only this roster"), N_("ID")},
	    /* TRANSLATORS: command-line option description */
	    {"team", 't', 0, G_OPTION_ARG_INT64, &team, N_("Only this team"), N_("ID")},
	    /* TRANSLATORS: command-line option description */
	    {"seat-class",
	     's',
	     0,
	     G_OPTION_ARG_INT64,
	     &seat_class,
	     N_("Only this seat class"),
	     N_("ID")},
	    /* TRANSLATORS: command-line option description */
	    {"lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("zh (the default) or en"), N_("LANG")},
	    /* TRANSLATORS: command-line option description */
	    {"output",
	     'o',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &output,
	     N_("Write to this file instead of standard output"),
	     N_("FILE")},
	    /* TRANSLATORS: command-line option description */
	    {"repeat",
	     0,
	     0,
	     G_OPTION_ARG_INT,
	     &repeat,
	     N_("Generate N times and print the median time"),
	     N_("N")},
	    {NULL}};

	context =
	    roster_tool_context_new("",
				    _("Write the published shifts of a volunteer, a roster, a "
				      "team or a seat class as one iCalendar file."),
				    &database,
				    entries);
	if (!roster_tool_parse(context, &argc, &argv, 0, &error))
		return roster_tool_fail(error);
	if (repeat < 1 || repeat > 1000 ||
	    (lang != NULL && g_strcmp0(lang, "en") != 0 && g_strcmp0(lang, "zh") != 0)) {
		/* TRANSLATORS: the user gave a bad --repeat or --lang */
		g_printerr("%s\n", _("--repeat takes 1 to 1000 and --lang zh or en"));
		return 1;
	}
	engine = roster_tool_open_engine(database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	principal = roster_engine_dup_local_principal(engine);
	for (gint i = 0; i < repeat; i++) {
		gint64 start = g_get_monotonic_time();
		g_clear_pointer(&feed, roster_calendar_feed_free);
		feed = roster_engine_export_calendar(engine,
						     principal,
						     roster,
						     team,
						     seat_class,
						     volunteer,
						     g_strcmp0(lang, "en") == 0,
						     &error);
		if (feed == NULL)
			return roster_tool_fail(error);
		g_array_append_val(times, (gdouble){(g_get_monotonic_time() - start) / 1000.0});
	}
	if (!write_output(output, feed->text, &error))
		return roster_tool_fail(error);
	if (repeat > 1) {
		gdouble first = g_array_index(times, gdouble, 0);
		g_array_sort(times, compare_double_cb);
		g_printerr("events %u bytes %zu first-ms %.3f median-ms %.3f runs %d\n",
			   feed->n_events,
			   strlen(feed->text),
			   first,
			   g_array_index(times, gdouble, times->len / 2),
			   repeat);
	}
	return 0;
}

int
roster_tool_roster_publish(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(JsonNode) roster = NULL;
	g_autoptr(JsonNode) published = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *number = NULL;
	gint64 id = 0;
	const GOptionEntry entries[] = {
	    /* TRANSLATORS: command-line option description */
	    {"id", 'i', 0, G_OPTION_ARG_INT64, &id, N_("The roster to publish"), N_("ID")},
	    {NULL}};

	context =
	    roster_tool_context_new("",
				    _("Publish a roster as its next version, as a coordinator "
				      "would."),
				    &database,
				    entries);
	engine = roster_tool_parse_and_open(context, &argc, &argv, 0, &database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	principal = roster_engine_dup_local_principal(engine);
	roster = roster_engine_get_roster(engine, principal, id, &error);
	if (roster == NULL)
		return roster_tool_fail(error);
	published = roster_engine_publish_roster(
	    engine,
	    principal,
	    id,
	    json_object_get_int_member(json_node_get_object(roster), ROSTER_KEY_REVISION),
	    &error);
	if (published == NULL)
		return roster_tool_fail(error);
	number =
	    g_strdup_printf("%" G_GINT64_FORMAT,
			    json_object_get_int_member_with_default(json_node_get_object(published),
								    "n_versions",
								    0));
	/* TRANSLATORS: %s is the number of the new version */
	g_print(_("Published version %s"), number);
	g_print("\n");
	return 0;
}

int
roster_tool_report(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autofree gchar *output = NULL;
	g_autofree gchar *period = NULL;
	g_autofree gchar *from = NULL;
	g_autofree gchar *to = NULL;
	g_autofree gchar *format = NULL;
	g_autofree gchar *lang = NULL;
	g_autofree gchar *text = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GHashTable) params = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(GError) error = NULL;
	const GOptionEntry entries[] = {
	    /* TRANSLATORS: command-line option description */
	    {"period",
	     'p',
	     0,
	     G_OPTION_ARG_STRING,
	     &period,
	     N_("month (the default), quarter or year"),
	     N_("PERIOD")},
	    /* TRANSLATORS: command-line option description */
	    {"from", 'f', 0, G_OPTION_ARG_STRING, &from, N_("First day"), N_("DATE")},
	    /* TRANSLATORS: command-line option description */
	    {"to", 't', 0, G_OPTION_ARG_STRING, &to, N_("Last day"), N_("DATE")},
	    /* TRANSLATORS: command-line option description */
	    {"format",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &format,
	     N_("csv (the default) or json"),
	     N_("FORMAT")},
	    /* TRANSLATORS: command-line option description */
	    {"lang",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &lang,
	     N_("Chinese CSV headers with zh"),
	     N_("LANG")},
	    /* TRANSLATORS: command-line option description */
	    {"output",
	     'o',
	     0,
	     G_OPTION_ARG_FILENAME,
	     &output,
	     N_("Write to this file instead of standard output"),
	     N_("FILE")},
	    {NULL}};

	context =
	    roster_tool_context_new("",
				    _("Write service hours, training hours, ratings and no-shows "
				      "per volunteer and period."),
				    &database,
				    entries);
	engine = roster_tool_parse_and_open(context, &argc, &argv, 0, &database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	principal = roster_engine_dup_local_principal(engine);
	if (period != NULL)
		g_hash_table_insert(params, (gpointer) "period", period);
	if (from != NULL)
		g_hash_table_insert(params, (gpointer)ROSTER_PARAM_FROM, from);
	if (to != NULL)
		g_hash_table_insert(params, (gpointer)ROSTER_PARAM_TO, to);
	if (g_strcmp0(format, "json") == 0) {
		g_autoptr(JsonNode) report =
		    roster_engine_report_hours(engine, principal, params, &error);
		if (report == NULL)
			return roster_tool_fail(error);
		text = json_to_string(report, TRUE);
	} else if (format == NULL || g_strcmp0(format, "csv") == 0) {
		text = roster_engine_report_hours_csv(engine,
						      principal,
						      params,
						      g_strcmp0(lang, "zh") == 0,
						      &error);
		if (text == NULL)
			return roster_tool_fail(error);
	} else {
		/* TRANSLATORS: the user gave a bad --format */
		g_printerr("%s\n", _("--format takes csv or json"));
		return 1;
	}
	if (!write_output(output, text, &error))
		return roster_tool_fail(error);
	return 0;
}
