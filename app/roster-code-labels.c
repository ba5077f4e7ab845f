/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the one table of the daemon's codes (rules, rating dimensions, skills) and their
 * words in the user's language: no code of the API reaches the screen as it came */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-code-labels.h"

/* the rules and notes of a roster's explanation list; the hard rules a manual edit may
 * break also carry the clause that finishes "This change breaks a hard rule: %s" */
static const struct {
	const gchar *code;
	const gchar *label;
	const gchar *sentence;
} rules[] = {
    {"uncovered-seat", N_("Uncovered seat"), NULL},
    {"uncovered-crisis-seat", N_("Uncovered crisis seat"), NULL},
    {"over-cover", N_("More volunteers than seats"), NULL},
    {"avoided-slot", N_("Works hours they asked to avoid"), NULL},
    {"outside-preferred-hours", N_("Works outside their preferred hours"), NULL},
    {"outside-team-slots", N_("Works outside their team's slots"), NULL},
    {"below-commitment", N_("Fewer shifts than committed"), NULL},
    {"idle-volunteer", N_("Volunteer without shifts"), NULL},
    {"not-eligible",
     N_("Not qualified for the seat"),
     N_("the volunteer's tier, skills or seat modes do not fit this seat")},
    {"unavailable", N_("Works while unavailable"), N_("the volunteer is unavailable then")},
    {"min-rest", N_("Too little rest between shifts"), N_("too little rest between two shifts")},
    {"max-shifts-month",
     N_("Over the monthly shift limit"),
     N_("more shifts in the month than the volunteer's limit")},
    {"max-hours-month",
     N_("Over the monthly hour limit"),
     N_("more hours in the month than the volunteer's limit")},
    {"max-hours-week",
     N_("Over the weekly hour limit"),
     N_("more hours in the week than the volunteer's limit")},
    {"max-nights-month",
     N_("Over the monthly night limit"),
     N_("more night shifts in the month than the volunteer's limit")},
    {"max-consecutive-days",
     N_("Too many days in a row"),
     N_("more days in a row than the volunteer's limit")},
    {"trainee-alone",
     N_("Trainee without a senior"),
     N_("a trainee would sit without a senior or expert in the slot")},
    {"one-shift-per-day",
     N_("Two shifts on one day"),
     N_("the volunteer already has a shift that day")},
    {"pinned", N_("Pinned"), N_("the assignment is pinned; unpin it first")},
    {"holiday", N_("Holiday"), NULL},
    {"makeup-working-day", N_("Make-up working day"), NULL},
    {"named-period", N_("Named period"), NULL},
    {"no-holiday-calendar", N_("No holiday calendar for the year"), NULL},
    {"duty-uncovered", N_("No duty expert"), NULL},
    {"duty-conflict", N_("Duty expert barred by a rule"), NULL},
};

/**
 * roster_rule_lookup_label:
 * @code: (nullable): a rule or note as the daemon names it, e.g. `max-shifts-month`
 *
 * Returns: (nullable): its short label in the user's language, or %NULL when the app
 *   does not know @code
 *
 * Since: 0.1
 */
const gchar *
roster_rule_lookup_label(const gchar *code)
{
	for (guint i = 0; code != NULL && i < G_N_ELEMENTS(rules); i++) {
		if (g_strcmp0(rules[i].code, code) == 0)
			return _(rules[i].label);
	}
	return NULL;
}

/**
 * roster_rule_to_label:
 * @code: (nullable): a rule as the daemon names it
 *
 * Returns: its short label in the user's language; a rule the app does not know gets
 *   a generic label, never the code
 *
 * Since: 0.1
 */
const gchar *
roster_rule_to_label(const gchar *code)
{
	const gchar *label = roster_rule_lookup_label(code);

	/* TRANSLATORS: a rule of the roster this version of the app has no name for */
	return label != NULL ? label : _("Another rule of the roster");
}

/**
 * roster_rule_lookup_sentence:
 * @code: (nullable): the field of a 422 answer to a manual edit
 *
 * Returns: (nullable): the clause saying which hard rule the edit breaks, or %NULL
 *   when @code names no hard rule
 *
 * Since: 0.1
 */
const gchar *
roster_rule_lookup_sentence(const gchar *code)
{
	for (guint i = 0; code != NULL && i < G_N_ELEMENTS(rules); i++) {
		if (g_strcmp0(rules[i].code, code) == 0)
			return rules[i].sentence != NULL ? _(rules[i].sentence) : NULL;
	}
	return NULL;
}

/**
 * roster_dimension_to_label:
 * @dimension: (nullable): what a rating rates, e.g. `quality-review`
 *
 * Returns: the dimension in the user's language, or a generic label for one the app
 *   does not know
 *
 * Since: 0.1
 */
const gchar *
roster_dimension_to_label(const gchar *dimension)
{
	if (g_strcmp0(dimension, "quality-review") == 0)
		return C_("rating", "Quality review");
	if (g_strcmp0(dimension, "caller-satisfaction") == 0)
		return C_("rating", "Caller satisfaction");
	/* TRANSLATORS: what a rating rates, when the app has no name for it */
	return C_("rating", "Other rating");
}

/**
 * roster_skill_to_label:
 * @skill: (nullable): a skill of a seat class or a volunteer
 *
 * Returns: the built-in skills in the user's language; any other skill is a name the
 *   coordinator typed, shown as typed
 *
 * Since: 0.1
 */
const gchar *
roster_skill_to_label(const gchar *skill)
{
	if (g_strcmp0(skill, "counselling") == 0)
		return C_("skill", "Counselling");
	if (g_strcmp0(skill, "crisis") == 0)
		return C_("skill", "Crisis intervention");
	return skill != NULL ? skill : "";
}
