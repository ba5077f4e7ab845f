/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>

#include "roster-demand.h"
#include "roster-item.h"
#include "roster-json-keys.h"

/*
 * RosterDemandWeek resolves the weekly demand rules to seats per (weekday, slot) of a
 * typical week for the preview on the Seats and demand page. It follows the daemon's
 * own resolution (service/hotline): slots come from the service calendar's slot length
 * and first slot start, a rule's window covers every slot it overlaps, a window that
 * ends at or before its start runs into the next day, and a slot outside every manned
 * window of its weekday needs nobody. Rules with dates are left out: they replace the
 * weekly rules only on their own dates.
 */

struct _RosterDemandWeek {
	gint first;
	guint slot_minutes;
	guint n_slots;
	/* [weekday - 1][slot] */
	guint *seats;
	gboolean *manned;
};

/**
 * roster_demand_parse_time:
 * @text: (nullable): a time `HH:MM`
 *
 * Returns: the minutes after midnight, or -1 when @text is not a time
 *
 * Since: 0.1
 */
gint
roster_demand_parse_time(const gchar *text)
{
	guint hours = 0;
	guint minutes = 0;
	gchar end = '\0';

	if (text == NULL || sscanf(text, "%2u:%2u%c", &hours, &minutes, &end) != 2 || hours > 23 ||
	    minutes > 59)
		return -1;
	return (gint)(hours * 60 + minutes);
}

/* a window as minutes from the day's start, as roster-hotline-model.c reads it */
static void
window_range(gint first, gint start, gint end, gint *a, gint *b)
{
	*a = start < first ? start + 1440 : start;
	*b = end < first ? end + 1440 : end;
	if (*b <= *a)
		*b += 1440;
}

static gboolean
overlaps(gint a, gint b, gint c, gint d)
{
	return a < d && c < b;
}

static gboolean
rule_has_weekday(JsonObject *rule, guint weekday)
{
	JsonArray *weekdays = NULL;

	if (json_object_has_member(rule, ROSTER_KEY_WEEKDAYS) &&
	    JSON_NODE_HOLDS_ARRAY(json_object_get_member(rule, ROSTER_KEY_WEEKDAYS)))
		weekdays = json_object_get_array_member(rule, ROSTER_KEY_WEEKDAYS);
	if (weekdays == NULL || json_array_get_length(weekdays) == 0)
		return TRUE;
	for (guint i = 0; i < json_array_get_length(weekdays); i++) {
		if (json_array_get_int_element(weekdays, i) == (gint64)weekday)
			return TRUE;
	}
	return FALSE;
}

static void
mark_manned(RosterDemandWeek *self, JsonObject *calendar)
{
	JsonArray *windows = NULL;

	if (calendar != NULL && json_object_has_member(calendar, ROSTER_KEY_MANNED_WINDOWS) &&
	    JSON_NODE_HOLDS_ARRAY(json_object_get_member(calendar, ROSTER_KEY_MANNED_WINDOWS)))
		windows = json_object_get_array_member(calendar, ROSTER_KEY_MANNED_WINDOWS);
	/* no windows at all: the line is manned around the clock */
	for (guint i = 0; i < 7 * self->n_slots; i++)
		self->manned[i] = windows == NULL || json_array_get_length(windows) == 0;
	for (guint i = 0; windows != NULL && i < json_array_get_length(windows); i++) {
		JsonObject *window = json_array_get_object_element(windows, i);
		gint64 weekday;
		gint a;
		gint b;

		if (window == NULL)
			continue;
		weekday = json_object_get_int_member_with_default(window, ROSTER_KEY_WEEKDAY, 0);
		if (weekday < 1 || weekday > 7)
			continue;
		window_range(
		    self->first,
		    roster_demand_parse_time(
			json_object_get_string_member_with_default(window, ROSTER_KEY_START, NULL)),
		    roster_demand_parse_time(
			json_object_get_string_member_with_default(window, ROSTER_KEY_END, NULL)),
		    &a,
		    &b);
		for (guint k = 0; k < self->n_slots; k++) {
			gint s = self->first + (gint)(k * self->slot_minutes);
			if (overlaps(s, s + (gint)self->slot_minutes, a, b))
				self->manned[(weekday - 1) * self->n_slots + k] = TRUE;
		}
	}
}

/**
 * roster_demand_week_new:
 * @calendar: (nullable): the service calendar; %NULL for 3-hour slots from 08:00,
 *   manned around the clock
 * @rules: the demand rules, a list of #RosterItem
 *
 * Returns: (transfer full): the seats per weekday and slot of a typical week
 *
 * Since: 0.1
 */
RosterDemandWeek *
roster_demand_week_new(JsonObject *calendar, GListModel *rules)
{
	RosterDemandWeek *self = g_new0(RosterDemandWeek, 1);
	gint64 slot_minutes = 180;
	gint first = 8 * 60;

	if (calendar != NULL) {
		slot_minutes =
		    json_object_get_int_member_with_default(calendar, ROSTER_KEY_SLOT_MINUTES, 180);
		first = roster_demand_parse_time(
		    json_object_get_string_member_with_default(calendar,
							       ROSTER_KEY_FIRST_SLOT_START,
							       "08:00"));
	}
	if (slot_minutes < 30 || slot_minutes > 720 || 1440 % slot_minutes != 0)
		slot_minutes = 180;
	if (first < 0)
		first = 8 * 60;
	self->first = first;
	self->slot_minutes = (guint)slot_minutes;
	self->n_slots = 1440 / self->slot_minutes;
	self->seats = g_new0(guint, 7 * self->n_slots);
	self->manned = g_new0(gboolean, 7 * self->n_slots);
	mark_manned(self, calendar);

	for (guint i = 0; rules != NULL && i < g_list_model_get_n_items(rules); i++) {
		g_autoptr(RosterItem) rule = g_list_model_get_item(rules, i);
		JsonObject *object = roster_item_get_object(rule);
		gint64 seats = roster_item_get_int(rule, ROSTER_KEY_SEATS, 0);
		gint start =
		    roster_demand_parse_time(roster_item_get_string(rule, ROSTER_KEY_START));
		gint end = roster_demand_parse_time(roster_item_get_string(rule, ROSTER_KEY_END));
		gint a;
		gint b;

		if (roster_item_get_string(rule, ROSTER_KEY_DATE_FROM) != NULL ||
		    roster_item_get_string(rule, ROSTER_KEY_DATE_TO) != NULL || start < 0 ||
		    end < 0 || seats <= 0)
			continue;
		window_range(first, start, end, &a, &b);
		for (guint weekday = 1; weekday <= 7; weekday++) {
			if (!rule_has_weekday(object, weekday))
				continue;
			for (guint k = 0; k < self->n_slots; k++) {
				gint s = first + (gint)(k * self->slot_minutes);
				if (overlaps(s, s + (gint)self->slot_minutes, a, b))
					self->seats[(weekday - 1) * self->n_slots + k] +=
					    (guint)seats;
			}
		}
	}
	/* as in the daemon, a slot nobody mans needs no seats */
	for (guint i = 0; i < 7 * self->n_slots; i++) {
		if (!self->manned[i])
			self->seats[i] = 0;
	}
	return self;
}

void
roster_demand_week_free(RosterDemandWeek *self)
{
	if (self == NULL)
		return;
	g_free(self->seats);
	g_free(self->manned);
	g_free(self);
}

guint
roster_demand_week_get_n_slots(const RosterDemandWeek *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return self->n_slots;
}

/* the start of a slot, "08:00" */
gchar *
roster_demand_week_dup_slot_label(const RosterDemandWeek *self, guint slot)
{
	gint minutes;

	g_return_val_if_fail(self != NULL, NULL);
	minutes = (self->first + (gint)(slot * self->slot_minutes)) % 1440;
	return g_strdup_printf("%02d:%02d", minutes / 60, minutes % 60);
}

/* whether a slot of a weekday (1 Monday … 7 Sunday) lies in a manned window */
gboolean
roster_demand_week_get_manned(const RosterDemandWeek *self, guint weekday, guint slot)
{
	g_return_val_if_fail(self != NULL, FALSE);
	g_return_val_if_fail(weekday >= 1 && weekday <= 7 && slot < self->n_slots, FALSE);
	return self->manned[(weekday - 1) * self->n_slots + slot];
}

guint
roster_demand_week_get_seats(const RosterDemandWeek *self, guint weekday, guint slot)
{
	g_return_val_if_fail(self != NULL, 0);
	g_return_val_if_fail(weekday >= 1 && weekday <= 7 && slot < self->n_slots, 0);
	return self->seats[(weekday - 1) * self->n_slots + slot];
}
