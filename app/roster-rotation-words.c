/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a team's part of a roster's rotation in words ("every Mon, Thu", "week 2 of a 3-week
 * cycle") and the days it holds, by the rules the solver applies: a cycle's weeks count
 * from its origin (the roster's first day unless the settings name another) */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-date.h"
#include "roster-rotation-words.h"

static gboolean
has_slots(const RosterRotationRule *rule)
{
	g_autofree gchar *slots = rule->slots != NULL ? g_strstrip(g_strdup(rule->slots)) : NULL;

	return slots != NULL && slots[0] != '\0';
}

/* the rule of @team_id that holds something in the rotation's kind, or NULL */
static RosterRotationRule *
find_holding_rule(RosterRotation *rotation, gint64 team_id)
{
	RosterRotationRule *rule = roster_rotation_find_rule(rotation, team_id);

	if (rule == NULL)
		return NULL;
	switch (rotation->kind) {
	case ROSTER_ROTATION_WEEKDAYS:
		return rule->weekdays != 0 ? rule : NULL;
	case ROSTER_ROTATION_SLOTS:
		return has_slots(rule) ? rule : NULL;
	case ROSTER_ROTATION_CYCLE:
		return rule->cycle_week > 0 ? rule : NULL;
	case ROSTER_ROTATION_NONE:
	default:
		return NULL;
	}
}

/* "Mon, Thu" for the weekdays set in @weekdays (bit 1 Monday … bit 7 Sunday) */
static gchar *
dup_weekdays_text(guint weekdays)
{
	g_autoptr(GString) text = g_string_new(NULL);
	/* 2026-01-05 is a Monday */
	g_autoptr(GDate) day = g_date_new_dmy(5, G_DATE_JANUARY, 2026);

	for (guint weekday = 1; weekday <= 7; weekday++) {
		if (weekdays & (1u << weekday)) {
			if (text->len > 0)
				g_string_append(text, _(", "));
			g_string_append(text, roster_date_get_weekday_label(day));
		}
		g_date_add_days(day, 1);
	}
	return g_string_free(g_steal_pointer(&text), FALSE);
}

/**
 * roster_rotation_dup_rule_text:
 * @rotation: a roster's rotation
 * @team_id: a team
 *
 * Returns: (transfer full): what the team holds in the rotation, in words
 *
 * Since: 0.4
 */
gchar *
roster_rotation_dup_rule_text(RosterRotation *rotation, gint64 team_id)
{
	RosterRotationRule *rule;
	g_autofree gchar *days = NULL;
	g_autofree gchar *text = NULL;

	g_return_val_if_fail(rotation != NULL, NULL);
	rule = find_holding_rule(rotation, team_id);
	if (rule == NULL)
		return g_strdup(_("Not in this roster's rotation: the team holds no days"));
	switch (rotation->kind) {
	case ROSTER_ROTATION_WEEKDAYS:
		days = dup_weekdays_text(rule->weekdays);
		/* TRANSLATORS: a team's rotation: the weekdays it holds, e.g. "Every Mon, Thu" */
		return g_strdup_printf(_("Every %s"), days);
	case ROSTER_ROTATION_SLOTS:
		/* TRANSLATORS: a team's rotation: the slots it holds every day, e.g. "08:00, 20:00"
		 */
		return g_strdup_printf(_("Every day, the slots starting %s"), rule->slots);
	case ROSTER_ROTATION_CYCLE:
	default:
		/* TRANSLATORS: a team's rotation: its week, then the cycle's length in weeks */
		text = g_strdup_printf(_("Week %u of a %u-week cycle"),
				       rule->cycle_week,
				       rotation->cycle_weeks);
		if (!has_slots(rule))
			return g_steal_pointer(&text);
		/* TRANSLATORS: a team's cycle week, then the slots it holds in it */
		return g_strdup_printf(_("%s, the slots starting %s"), text, rule->slots);
	}
}

/**
 * roster_rotation_holds_day:
 * @rotation: a roster's rotation
 * @team_id: a team
 * @day: a day
 * @cycle_origin: the first day of the cycle's first week
 *
 * Returns: whether the team holds @day, or some of its slots
 *
 * Since: 0.4
 */
gboolean
roster_rotation_holds_day(RosterRotation *rotation,
			  gint64 team_id,
			  const GDate *day,
			  const GDate *cycle_origin)
{
	RosterRotationRule *rule;
	gint64 diff;
	gint64 week;
	gint64 n;

	g_return_val_if_fail(rotation != NULL, FALSE);
	g_return_val_if_fail(day != NULL && cycle_origin != NULL, FALSE);
	rule = find_holding_rule(rotation, team_id);
	if (rule == NULL)
		return FALSE;
	if (rotation->kind == ROSTER_ROTATION_WEEKDAYS)
		return (rule->weekdays & (1u << g_date_get_weekday(day))) != 0;
	if (rotation->kind == ROSTER_ROTATION_SLOTS)
		return TRUE;
	/* weeks before the origin count backwards, as the solver counts them */
	diff = (gint64)g_date_get_julian(day) - (gint64)g_date_get_julian(cycle_origin);
	week = diff >= 0 ? diff / 7 : -((-diff + 6) / 7);
	n = MAX(rotation->cycle_weeks, 1);
	return (guint)((week % n + n) % n + 1) == rule->cycle_week;
}

/**
 * roster_rotation_dup_week_text:
 * @rotation: a roster's rotation
 * @team_id: a team
 * @week_start: the Monday of a week
 * @cycle_origin: the first day of the cycle's first week
 * @first: the roster's first day
 * @last: the roster's last day
 *
 * Returns: (transfer full): the days of the week within the roster the team holds, e.g.
 *   "Mon, Thu", or words saying it holds none
 *
 * Since: 0.4
 */
gchar *
roster_rotation_dup_week_text(RosterRotation *rotation,
			      gint64 team_id,
			      const GDate *week_start,
			      const GDate *cycle_origin,
			      const GDate *first,
			      const GDate *last)
{
	g_autoptr(GString) text = g_string_new(NULL);
	GDate day = *week_start;

	g_return_val_if_fail(rotation != NULL, NULL);
	for (guint i = 0; i < 7; i++) {
		if (g_date_compare(&day, first) >= 0 && g_date_compare(&day, last) <= 0 &&
		    roster_rotation_holds_day(rotation, team_id, &day, cycle_origin)) {
			if (text->len > 0)
				g_string_append(text, _(", "));
			g_string_append(text, roster_date_get_weekday_label(&day));
		}
		g_date_add_days(&day, 1);
	}
	if (text->len == 0)
		return g_strdup(_("No day held"));
	return g_string_free(g_steal_pointer(&text), FALSE);
}
