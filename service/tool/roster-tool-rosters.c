/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-engine-rosters.h"
#include "roster-json-keys.h"
#include "roster-tool-private.h"

/* solve a roster from the command line, through the same job as the daemon; the
 * progress and result lines are a machine-read format and stay untranslated */

static gint64
create_roster(RosterEngine *engine,
	      RosterPrincipal *principal,
	      const gchar *start,
	      const gchar *end,
	      const gchar *settings,
	      GError **error)
{
	g_autofree gchar *text = g_strdup_printf("{\"name\":\"%s – %s\",\"period_start\":\"%s\","
						 "\"period_end\":\"%s\",\"settings\":%s}",
						 start,
						 end,
						 start,
						 end,
						 settings != NULL ? settings : "{}");
	g_autoptr(JsonNode) body = json_from_string(text, error);
	g_autoptr(JsonNode) roster = NULL;

	if (body == NULL)
		return 0;
	roster = roster_engine_create_roster(engine, principal, body, error);
	if (roster == NULL)
		return 0;
	return json_object_get_int_member(json_node_get_object(roster), ROSTER_KEY_ID);
}

/* the job's proven bound and the best roster's gap to it, in per cent; "none" while
 * unknown */
static void
print_bound(JsonObject *job)
{
	if (json_object_get_null_member(job, ROSTER_KEY_BOUND))
		g_print("bound none\n");
	else
		g_print("bound %" G_GINT64_FORMAT "\n",
			json_object_get_int_member(job, ROSTER_KEY_BOUND));
	if (json_object_get_null_member(job, ROSTER_KEY_GAP))
		g_print("gap none\n");
	else
		g_print("gap %.2f\n", json_object_get_double_member(job, ROSTER_KEY_GAP));
}

static gint64
crisis_weight(RosterEngine *engine, RosterPrincipal *principal, gint64 id)
{
	g_autoptr(JsonNode) roster = roster_engine_get_roster(engine, principal, id, NULL);
	JsonObject *settings;

	if (roster == NULL)
		return 1000;
	settings = json_object_get_object_member(json_node_get_object(roster), ROSTER_KEY_SETTINGS);
	if (settings == NULL)
		return 1000;
	return json_object_get_int_member_with_default(settings, "uncovered_crisis", 1000);
}

int
roster_tool_rosters_solve(int argc, char **argv)
{
	g_autofree gchar *database = NULL;
	g_autofree gchar *start = NULL;
	g_autofree gchar *end = NULL;
	g_autofree gchar *settings = NULL;
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterEngine) engine = NULL;
	g_autoptr(RosterPrincipal) principal = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) body = NULL;
	g_autoptr(JsonNode) job = NULL;
	g_autoptr(JsonNode) last = NULL;
	g_autofree gchar *body_text = NULL;
	g_autofree gchar *score_text = NULL;
	gint64 id = 0;
	gdouble time_limit = 5.0;
	gint seed = 1;
	gint64 weight;
	gdouble feasible_at = -1;
	gdouble covered_at = -1;
	gint64 last_best = G_MININT64;
	const GOptionEntry entries[] = {
	    /* TRANSLATORS: command-line option description */
	    {"id",
	     'i',
	     0,
	     G_OPTION_ARG_INT64,
	     &id,
	     N_("Solve this roster instead of a new one"),
	     N_("ID")},
	    /* TRANSLATORS: command-line option description */
	    {"from",
	     'f',
	     0,
	     G_OPTION_ARG_STRING,
	     &start,
	     N_("First day of a new roster"),
	     N_("DATE")},
	    /* TRANSLATORS: command-line option description */
	    {"to", 't', 0, G_OPTION_ARG_STRING, &end, N_("Last day of a new roster"), N_("DATE")},
	    /* TRANSLATORS: command-line option description */
	    {"settings",
	     0,
	     0,
	     G_OPTION_ARG_STRING,
	     &settings,
	     N_("Weights of a new roster, as JSON"),
	     N_("JSON")},
	    /* TRANSLATORS: command-line option description */
	    {"time-limit",
	     'l',
	     0,
	     G_OPTION_ARG_DOUBLE,
	     &time_limit,
	     N_("Seconds to search"),
	     N_("S")},
	    /* TRANSLATORS: command-line option description */
	    {"seed", 's', 0, G_OPTION_ARG_INT, &seed, N_("The seed of the search"), N_("N")},
	    {NULL}};

	context =
	    roster_tool_context_new("",
				    _("Solve a roster (a new one for the period by default) in a "
				      "worker thread and print its progress and score."),
				    &database,
				    entries);
	engine = roster_tool_parse_and_open(context, &argc, &argv, 0, &database, &error);
	if (engine == NULL)
		return roster_tool_fail(error);
	principal = roster_engine_dup_local_principal(engine);
	if (id == 0) {
		/* by default the next calendar month, the period a coordinator plans */
		if (start == NULL || end == NULL) {
			g_autoptr(GDateTime) now = g_date_time_new_now_local();
			g_autoptr(GDateTime) first =
			    g_date_time_new_local(g_date_time_get_year(now),
						  g_date_time_get_month(now),
						  1,
						  0,
						  0,
						  0);
			g_autoptr(GDateTime) next = g_date_time_add_months(first, 1);
			g_autoptr(GDateTime) after = g_date_time_add_months(first, 2);
			g_autoptr(GDateTime) last_day = g_date_time_add_days(after, -1);
			if (start == NULL)
				start = g_date_time_format(next, "%Y-%m-%d");
			if (end == NULL)
				end = g_date_time_format(last_day, "%Y-%m-%d");
		}
		id = create_roster(engine, principal, start, end, settings, &error);
		if (id == 0)
			return roster_tool_fail(error);
	}
	weight = crisis_weight(engine, principal, id);
	body_text = g_strdup_printf("{\"time_limit\":%g,\"seed\":%d}", time_limit, seed);
	body = json_from_string(body_text, &error);
	job = roster_engine_start_solve(engine, principal, id, body, &error);
	if (job == NULL)
		return roster_tool_fail(error);
	g_print("roster %" G_GINT64_FORMAT "\n", id);
	for (;;) {
		JsonObject *o;
		const gchar *state;
		gdouble elapsed;
		while (g_main_context_iteration(NULL, FALSE))
			;
		g_clear_pointer(&last, json_node_unref);
		last = roster_engine_get_solve(engine, principal, id, &error);
		if (last == NULL)
			return roster_tool_fail(error);
		o = json_node_get_object(last);
		state = json_object_get_string_member(o, ROSTER_KEY_STATE);
		elapsed = json_object_get_double_member(o, ROSTER_KEY_ELAPSED);
		if (!json_object_get_null_member(o, ROSTER_KEY_BEST_SCORE)) {
			gint64 best = json_object_get_int_member(o, ROSTER_KEY_BEST_SCORE);
			gint64 hard = json_object_get_int_member(o, ROSTER_KEY_HARD_VIOLATIONS);
			if (best != last_best) {
				g_print("progress %.2f hard=%" G_GINT64_FORMAT
					" objective=%" G_GINT64_FORMAT "\n",
					elapsed,
					hard,
					best);
				last_best = best;
			}
			if (hard == 0 && feasible_at < 0)
				feasible_at = elapsed;
			/* below one crisis seat's weight, no crisis seat is uncovered */
			if (hard == 0 && best < weight && covered_at < 0)
				covered_at = elapsed;
		}
		if (g_strcmp0(state, ROSTER_JOB_RUNNING) != 0)
			break;
		g_usleep(G_USEC_PER_SEC / 50);
	}
	score_text =
	    json_to_string(json_object_get_member(json_node_get_object(last), ROSTER_KEY_SCORE),
			   FALSE);
	g_print("feasible-at %.2f\n", feasible_at);
	g_print("crisis-covered-at %.2f\n", covered_at);
	g_print("state %s\n",
		json_object_get_string_member(json_node_get_object(last), ROSTER_KEY_STATE));
	g_print("score %s\n", score_text);
	print_bound(json_node_get_object(last));
	return 0;
}
