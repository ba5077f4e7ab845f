/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the imported holiday calendar on the hotline's dates: which weekday's hours and
 * demand a date takes, whether it counts as a weekend, and the explanation items that
 * say so */

#include "config.h"

#include "roster-hotline-check-private.h"
#include "roster-json-keys.h"

/**
 * roster_hotline_add_day:
 * @self: a hotline
 * @date: a julian day
 * @kind: a holiday or a make-up working day
 * @name: (nullable): the holiday's name in the notice
 *
 * Returns: (transfer none): the date, replacing an earlier one of the same day
 */
RosterHotlineDay *
roster_hotline_add_day(RosterHotline *self,
		       guint32 date,
		       RosterHotlineDayKind kind,
		       const gchar *name)
{
	RosterHotlineDay *day = g_new0(RosterHotlineDay, 1);

	day->date = date;
	day->kind = kind;
	day->name = g_strdup(name);
	g_hash_table_replace(self->days, GUINT_TO_POINTER(date), day);
	return day;
}

/**
 * roster_hotline_get_day:
 * @self: a hotline
 * @julian: a julian day
 *
 * Returns: (transfer none) (nullable): the imported calendar's date, or %NULL for an
 *   ordinary one
 */
const RosterHotlineDay *
roster_hotline_get_day(const RosterHotline *self, gint64 julian)
{
	if (julian <= 0 || julian > G_MAXUINT32)
		return NULL;
	return g_hash_table_lookup(self->days, GUINT_TO_POINTER((guint32)julian));
}

/**
 * roster_hotline_rule_weekday_of:
 * @self: a hotline
 * @julian: a julian day
 *
 * The weekday whose weekly manned windows and demand rules a date takes. A make-up
 * working day (调休, "上班" in the notice) is worked as the weekday next to its
 * weekend: a Saturday as a Friday, a Sunday as a Monday (the notice does not say
 * which day off it stands for, and those are the weekdays it adjoins). A holiday is
 * a Sunday when the line takes holidays as Sundays, and otherwise
 * %ROSTER_HOTLINE_WEEKDAY_HOLIDAY, which only the rules naming holidays match.
 *
 * Returns: 1 (Monday) to 7 (Sunday), or %ROSTER_HOTLINE_WEEKDAY_HOLIDAY
 */
guint
roster_hotline_rule_weekday_of(const RosterHotline *self, gint64 julian)
{
	const RosterHotlineDay *day = roster_hotline_get_day(self, julian);
	guint weekday = roster_hotline_weekday_of(julian);

	if (day == NULL)
		return weekday;
	if (day->kind == ROSTER_HOTLINE_DAY_WORKING)
		return weekday == 6 ? 5 : (weekday == 7 ? 1 : weekday);
	if (self->holiday_hours == ROSTER_HOTLINE_HOLIDAY_AS_SUNDAY)
		return 7;
	return ROSTER_HOTLINE_WEEKDAY_HOLIDAY;
}

/**
 * roster_hotline_life_weekday_of:
 * @self: a hotline
 * @julian: a julian day
 *
 * The weekday people live a date as, for their weekly availability and the teams'
 * weekday rotation: a make-up working day is a working day for everyone, so it is the
 * weekday it is worked as (as roster_hotline_rule_weekday_of() gives it); every other
 * date, holidays included, is its own weekday (a holiday's weekly availability is the
 * volunteer's to change by a dated entry).
 *
 * Returns: 1 (Monday) to 7 (Sunday)
 */
guint
roster_hotline_life_weekday_of(const RosterHotline *self, gint64 julian)
{
	const RosterHotlineDay *day = roster_hotline_get_day(self, julian);

	if (day != NULL && day->kind == ROSTER_HOTLINE_DAY_WORKING)
		return roster_hotline_rule_weekday_of(self, julian);
	return roster_hotline_weekday_of(julian);
}

/**
 * roster_hotline_weekdays_match:
 * @self: a hotline
 * @weekdays: a rule's weekdays, bit w for weekday w; 0 for every day
 * @julian: a julian day
 *
 * Whether a demand rule holds on a date: on its weekday as
 * roster_hotline_rule_weekday_of() gives it, so that a holiday taken as a Sunday
 * takes the Sunday rules and one with hours of its own the rules naming holidays.
 *
 * Returns: %TRUE when the rule holds on @julian
 */
gboolean
roster_hotline_weekdays_match(const RosterHotline *self, guint weekdays, gint64 julian)
{
	return weekdays == 0 ||
	       (weekdays & (1u << roster_hotline_rule_weekday_of(self, julian))) != 0;
}

/**
 * roster_hotline_is_weekend:
 * @self: a hotline
 * @julian: a julian day
 *
 * Whether a shift on the date counts for the weekend fairness: a Saturday or Sunday
 * that is no make-up working day, and every holiday.
 *
 * Returns: %TRUE for a weekend or holiday
 */
gboolean
roster_hotline_is_weekend(const RosterHotline *self, gint64 julian)
{
	const RosterHotlineDay *day = roster_hotline_get_day(self, julian);

	if (day != NULL)
		return day->kind == ROSTER_HOTLINE_DAY_HOLIDAY;
	return roster_hotline_weekday_of(julian) >= 6;
}

static const gchar *
weekday_name(guint weekday)
{
	static const gchar *const names[] =
	    {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
	return weekday >= 1 && weekday <= 7 ? names[weekday] : "holiday";
}

/* an item with its reason in data: the year without a calendar, or the weekday whose
 * rules a date takes (0 for none) */
static void
add_day_item(JsonBuilder *b,
	     const RosterHotlineModel *model,
	     const gchar *code,
	     const gchar *kind,
	     guint day,
	     const gchar *name,
	     const gchar *reason_key,
	     guint reason_value,
	     const gchar *text)
{
	json_builder_begin_object(b);
	roster_hotline_explain_add_head(b, model, code, kind, day);
	json_builder_set_member_name(b, ROSTER_KEY_REASON);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, reason_key);
	json_builder_add_int_value(b, reason_value);
	json_builder_end_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_NAME);
	if (name != NULL)
		json_builder_add_string_value(b, name);
	else
		json_builder_add_null_value(b);
	roster_hotline_explain_add_text(b, text);
	json_builder_end_object(b);
}

static const gchar *
holiday_hours_text(const RosterHotline *h)
{
	switch (h->holiday_hours) {
	case ROSTER_HOTLINE_HOLIDAY_CLOSED:
		return "the line is closed";
	case ROSTER_HOTLINE_HOLIDAY_OWN:
		return "the line keeps its holiday hours";
	case ROSTER_HOTLINE_HOLIDAY_AS_SUNDAY:
	default:
		return "staffed as a Sunday";
	}
}

/**
 * roster_hotline_explain_days:
 * @model: a model
 * @b: a builder inside the items array
 * @total: the items counted so far
 *
 * Adds what the calendar does to the period's dates: a warning for each year without
 * an imported holiday calendar, each holiday and make-up working day with the hours it
 * takes, and each named dated period (高考) the period meets.
 */
void
roster_hotline_explain_days(const RosterHotlineModel *model, JsonBuilder *b, guint *total)
{
	const RosterHotline *h = model->hotline;

	for (guint i = 0; i < h->years_without_calendar->len; i++) {
		guint year = g_array_index(h->years_without_calendar, guint, i);
		g_autofree gchar *text =
		    g_strdup_printf("no holiday calendar is imported for %u: its holidays and "
				    "make-up working days are not known",
				    year);
		g_autofree gchar *name = g_strdup_printf("%u", year);
		add_day_item(b,
			     model,
			     "no-holiday-calendar",
			     "soft",
			     G_MAXUINT,
			     name,
			     "year",
			     year,
			     text);
		(*total)++;
	}
	for (guint d = 0; d < h->n_days; d++) {
		const RosterHotlineDay *day = roster_hotline_get_day(h, h->first_day + d);
		g_autofree gchar *label = NULL;
		g_autofree gchar *text = NULL;
		if (day == NULL)
			continue;
		label = roster_hotline_check_day_label(model, d);
		if (day->kind == ROSTER_HOTLINE_DAY_WORKING)
			text = g_strdup_printf(
			    "%s is a make-up working day (%s): worked as a %s",
			    label,
			    day->name,
			    weekday_name(roster_hotline_rule_weekday_of(h, h->first_day + d)));
		else
			text = g_strdup_printf("%s is a holiday (%s): %s",
					       label,
					       day->name,
					       holiday_hours_text(h));
		add_day_item(b,
			     model,
			     day->kind == ROSTER_HOTLINE_DAY_WORKING ? "makeup-working-day"
								     : "holiday",
			     "info",
			     d,
			     day->name,
			     "weekday",
			     roster_hotline_rule_weekday_of(h, h->first_day + d),
			     text);
		(*total)++;
	}
	for (guint i = 0; i < h->overrides->len; i++) {
		const RosterHotlineOverride *o = g_ptr_array_index(h->overrides, i);
		guint32 last = h->first_day + h->n_days - 1;
		guint first;
		g_autofree gchar *text = NULL;
		if (o->name == NULL || o->date_to < h->first_day || o->date_from > last)
			continue;
		first = MAX(o->date_from, h->first_day) - h->first_day;
		text = g_strdup_printf("%s: the calendar's dated hours hold (%s)",
				       o->name,
				       o->windows->len > 0 ? "its own windows" : "closed");
		add_day_item(b,
			     model,
			     "named-period",
			     "info",
			     first,
			     o->name,
			     "windows",
			     o->windows->len,
			     text);
		(*total)++;
	}
}
