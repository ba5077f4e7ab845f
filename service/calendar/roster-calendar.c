/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-calendar-ical.h"
#include "roster-calendar.h"
#include "roster-error.h"

#define PRODID "-//Hotline Roster//Hotline Roster " PACKAGE_VERSION "//ZH"

const gint roster_calendar_default_alarms[2] = {24 * 60, 60};

RosterCalendarEvent *
roster_calendar_event_new(void)
{
	return g_new0(RosterCalendarEvent, 1);
}

void
roster_calendar_event_free(RosterCalendarEvent *event)
{
	if (event == NULL)
		return;
	g_free(event->uid);
	g_free(event->date);
	g_free(event->line);
	g_free(event->seat_class);
	g_free(event->mode);
	g_free(event->location);
	g_free(event->team);
	g_free(event->duty_contact);
	g_free(event->volunteer);
	g_free(event);
}

/**
 * roster_calendar_dup_summary:
 * @event: a shift
 * @english: English words instead of Chinese
 *
 * Returns: (transfer full): e.g. "12355 值班：危机专席（云坐席）"
 *
 * Since: 0.1
 **/
gchar *
roster_calendar_dup_summary(const RosterCalendarEvent *event, gboolean english)
{
	gboolean cloud = g_strcmp0(event->mode, "cloud") == 0;
	GString *text = g_string_new(NULL);

	/* the words are data for the calendar program, not messages of this program */
	if (english) {
		g_string_append_printf(text,
				       "%s duty: %s (%s)",
				       event->line != NULL ? event->line : "",
				       event->seat_class != NULL ? event->seat_class : "",
				       cloud ? "cloud seat" : "on-site");
	} else {
		g_string_append_printf(text,
				       "%s 值班：%s（%s）",
				       event->line != NULL ? event->line : "",
				       event->seat_class != NULL ? event->seat_class : "",
				       cloud ? "云坐席" : "坐班");
	}
	if (event->volunteer != NULL)
		g_string_append_printf(text, english ? " - %s" : "—%s", event->volunteer);
	return g_string_free(text, FALSE);
}

static gchar *
dup_description(const RosterCalendarEvent *event, gboolean english)
{
	GString *text = g_string_new(NULL);

	if (event->team != NULL)
		g_string_append_printf(text, english ? "Team: %s\n" : "班组：%s\n", event->team);
	if (event->duty_contact != NULL) {
		g_string_append_printf(text,
				       english ? "Duty contact: %s\n" : "值班联系人：%s\n",
				       event->duty_contact);
	}
	if (event->volunteer != NULL) {
		g_string_append_printf(text,
				       english ? "Volunteer: %s\n" : "志愿者：%s\n",
				       event->volunteer);
	}
	if (text->len > 0)
		g_string_truncate(text, text->len - 1);
	return g_string_free(text, FALSE);
}

/* the local start of @event as a floating time, or NULL for a bad date */
static ICalTime *
event_start(const RosterCalendarEvent *event, GError **error)
{
	g_autoptr(GDate) date = g_date_new();
	ICalTime *t;

	if (event->date != NULL)
		g_date_set_parse(date, event->date);
	if (event->date == NULL || !g_date_valid(date) || event->start_minutes < 0 ||
	    event->duration_minutes <= 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "calendar: event %s has no valid date and time",
			    event->uid != NULL ? event->uid : "(no uid)");
		return NULL;
	}
	t = i_cal_time_new_null_time();
	i_cal_time_set_date(t, g_date_get_year(date), g_date_get_month(date), g_date_get_day(date));
	i_cal_time_set_time(t, 0, 0, 0);
	i_cal_time_set_is_date(t, FALSE);
	/* normalises minutes past midnight into the next day */
	i_cal_time_adjust(t, 0, 0, event->start_minutes, 0);
	return t;
}

/* DTSTART/DTEND with the TZID of the service calendar */
static ICalProperty *
zoned_property(ICalProperty *prop, const gchar *tzid)
{
	if (tzid != NULL)
		i_cal_property_take_parameter(prop, i_cal_parameter_new_tzid(tzid));
	return prop;
}

static void
add_alarm(ICalComponent *vevent, gint minutes, const gchar *summary)
{
	ICalComponent *valarm = i_cal_component_new_valarm();
	g_autoptr(ICalTrigger) trigger = i_cal_trigger_new_from_int(-minutes * 60);

	i_cal_component_take_property(valarm, i_cal_property_new_action(I_CAL_ACTION_DISPLAY));
	i_cal_component_take_property(valarm, i_cal_property_new_trigger(trigger));
	i_cal_component_take_property(valarm, i_cal_property_new_description(summary));
	i_cal_component_take_component(vevent, valarm);
}

static gchar *
render_event(const RosterCalendarEvent *event,
	     const RosterCalendarOptions *options,
	     const gchar *tzid,
	     ICalTime *stamp,
	     GError **error)
{
	g_autoptr(ICalTime) start = event_start(event, error);
	g_autoptr(ICalTime) end = NULL;
	g_autofree gchar *summary = NULL;
	g_autofree gchar *description = NULL;
	g_autoptr(ICalComponent) vevent = NULL;

	if (start == NULL)
		return NULL;
	if (tzid == NULL)
		i_cal_time_set_timezone(start, i_cal_timezone_get_utc_timezone());
	end = i_cal_time_clone(start);
	i_cal_time_adjust(end, 0, 0, event->duration_minutes, 0);
	summary = roster_calendar_dup_summary(event, options->english);
	description = dup_description(event, options->english);

	vevent = i_cal_component_new_vevent();
	i_cal_component_take_property(vevent, i_cal_property_new_uid(event->uid));
	i_cal_component_take_property(vevent, i_cal_property_new_dtstamp(stamp));
	i_cal_component_take_property(vevent,
				      zoned_property(i_cal_property_new_dtstart(start), tzid));
	i_cal_component_take_property(vevent, zoned_property(i_cal_property_new_dtend(end), tzid));
	i_cal_component_take_property(vevent, i_cal_property_new_sequence((gint)event->sequence));
	i_cal_component_take_property(vevent,
				      i_cal_property_new_status(event->cancelled
								    ? I_CAL_STATUS_CANCELLED
								    : I_CAL_STATUS_CONFIRMED));
	i_cal_component_take_property(vevent, i_cal_property_new_summary(summary));
	if (description[0] != '\0')
		i_cal_component_take_property(vevent, i_cal_property_new_description(description));
	if (event->location != NULL && g_strcmp0(event->mode, "cloud") != 0)
		i_cal_component_take_property(vevent, i_cal_property_new_location(event->location));
	i_cal_component_take_property(vevent, i_cal_property_new_transp(I_CAL_TRANSP_OPAQUE));
	if (!event->cancelled) {
		for (guint i = 0; i < options->n_alarms; i++)
			add_alarm(vevent, options->alarms[i], summary);
	}
	return i_cal_component_as_ical_string(vevent);
}

/* the VTIMEZONE of @time_zone from libical's built-in zone data, with the IANA name as
 * its TZID so that calendar programs match it to their own zone */
static ICalComponent *
dup_vtimezone(const gchar *time_zone, GError **error)
{
	ICalTimezone *zone = i_cal_timezone_get_builtin_timezone(time_zone);
	g_autoptr(ICalComponent) component = NULL;
	g_autoptr(ICalProperty) tzid = NULL;
	ICalComponent *copy;

	if (zone == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INVALID_DATA,
			    "calendar: unknown time zone %s",
			    time_zone);
		return NULL;
	}
	component = i_cal_timezone_get_component(zone);
	if (component == NULL || i_cal_component_isa(component) != I_CAL_VTIMEZONE_COMPONENT) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "calendar: no VTIMEZONE for %s",
			    time_zone);
		return NULL;
	}
	copy = i_cal_component_clone(component);
	tzid = i_cal_component_get_first_property(copy, I_CAL_TZID_PROPERTY);
	if (tzid != NULL)
		i_cal_property_set_tzid(tzid, time_zone);
	return copy;
}

/**
 * roster_calendar_render:
 * @events: (element-type RosterCalendarEvent): the shifts
 * @options: zone, language, reminders and stamp
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the text of one VCALENDAR, CRLF line ends, UTF-8
 *
 * Since: 0.1
 **/
/*
 * Feeds are polled again and again while little changes, so the text libical makes for
 * a calendar header and for each event is kept, keyed by everything it depends on.
 */
#define CACHE_MAX_ENTRIES 50000

static GMutex cache_mutex;
static GHashTable *cache;

/* the cached text of @key, or NULL */
static gchar *
cache_dup(const gchar *key)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&cache_mutex);

	if (cache == NULL)
		return NULL;
	return g_strdup(g_hash_table_lookup(cache, key));
}

static void
cache_add(const gchar *key, const gchar *text)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&cache_mutex);

	if (cache == NULL)
		cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	if (g_hash_table_size(cache) >= CACHE_MAX_ENTRIES)
		g_hash_table_remove_all(cache);
	g_hash_table_insert(cache, g_strdup(key), g_strdup(text));
}

static void
append_key_part(GString *key, const gchar *part)
{
	g_string_append(key, part != NULL ? part : "\x02");
	g_string_append_c(key, '\x1f');
}

static gchar *
dup_event_key(const RosterCalendarEvent *event,
	      const RosterCalendarOptions *options,
	      const gchar *tzid)
{
	GString *key = g_string_new("E");

	g_string_append_printf(key,
			       "%d|%d|%u|%d|%d|%" G_GINT64_FORMAT "|",
			       event->start_minutes,
			       event->duration_minutes,
			       event->sequence,
			       event->cancelled,
			       options->english,
			       options->stamp);
	for (guint i = 0; i < options->n_alarms; i++)
		g_string_append_printf(key, "%d,", options->alarms[i]);
	append_key_part(key, tzid);
	append_key_part(key, event->uid);
	append_key_part(key, event->date);
	append_key_part(key, event->line);
	append_key_part(key, event->seat_class);
	append_key_part(key, event->mode);
	append_key_part(key, event->location);
	append_key_part(key, event->team);
	append_key_part(key, event->duty_contact);
	append_key_part(key, event->volunteer);
	return g_string_free(key, FALSE);
}

/* BEGIN:VCALENDAR, its properties and the VTIMEZONE, without the END line */
static gchar *
dup_header(const gchar *time_zone, gboolean utc, const gchar *name, GError **error)
{
	g_autoptr(ICalComponent) vcalendar = NULL;
	g_autoptr(GString) key = g_string_new("H");
	g_autofree gchar *text = NULL;
	const gchar *end;

	append_key_part(key, time_zone);
	append_key_part(key, name);
	text = cache_dup(key->str);
	if (text != NULL)
		return g_steal_pointer(&text);
	vcalendar = i_cal_component_new_vcalendar();
	i_cal_component_take_property(vcalendar, i_cal_property_new_version("2.0"));
	i_cal_component_take_property(vcalendar, i_cal_property_new_prodid(PRODID));
	i_cal_component_take_property(vcalendar, i_cal_property_new_calscale("GREGORIAN"));
	i_cal_component_take_property(vcalendar, i_cal_property_new_method(I_CAL_METHOD_PUBLISH));
	if (name != NULL) {
		ICalProperty *prop = i_cal_property_new_x(name);
		i_cal_property_set_x_name(prop, "X-WR-CALNAME");
		i_cal_component_take_property(vcalendar, prop);
	}
	if (!utc) {
		ICalComponent *vtimezone = dup_vtimezone(time_zone, error);
		ICalProperty *wr = i_cal_property_new_x(time_zone);
		if (vtimezone == NULL) {
			g_object_unref(wr);
			return NULL;
		}
		i_cal_property_set_x_name(wr, "X-WR-TIMEZONE");
		i_cal_component_take_property(vcalendar, wr);
		i_cal_component_take_component(vcalendar, vtimezone);
	}
	text = i_cal_component_as_ical_string(vcalendar);
	end = g_strrstr(text, "END:VCALENDAR");
	if (end == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "calendar: libical wrote no END:VCALENDAR");
		return NULL;
	}
	text[end - text] = '\0';
	cache_add(key->str, text);
	return g_steal_pointer(&text);
}

/**
 * roster_calendar_render:
 * @events: (element-type RosterCalendarEvent): the shifts
 * @options: zone, language, reminders and stamp
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the text of one VCALENDAR, CRLF line ends, UTF-8
 *
 * Since: 0.1
 **/
gchar *
roster_calendar_render(GPtrArray *events, const RosterCalendarOptions *options, GError **error)
{
	g_autoptr(ICalTime) stamp = NULL;
	g_autofree gchar *header = NULL;
	GString *out;
	const gchar *time_zone;
	gboolean utc;

	g_return_val_if_fail(events != NULL, NULL);
	g_return_val_if_fail(options != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	time_zone = options->time_zone != NULL ? options->time_zone : "Asia/Shanghai";
	utc = g_strcmp0(time_zone, "UTC") == 0 || g_strcmp0(time_zone, "Etc/UTC") == 0;
	header = dup_header(time_zone, utc, options->name, error);
	if (header == NULL)
		return NULL;
	stamp = i_cal_time_new_from_timet_with_zone((time_t)options->stamp,
						    FALSE,
						    i_cal_timezone_get_utc_timezone());
	out = g_string_new(header);
	for (guint i = 0; i < events->len; i++) {
		const RosterCalendarEvent *event = g_ptr_array_index(events, i);
		g_autofree gchar *key = dup_event_key(event, options, utc ? NULL : time_zone);
		g_autofree gchar *text = cache_dup(key);
		if (text == NULL) {
			text = render_event(event, options, utc ? NULL : time_zone, stamp, error);
			if (text == NULL) {
				g_string_free(out, TRUE);
				return NULL;
			}
			cache_add(key, text);
		}
		g_string_append(out, text);
	}
	g_string_append(out, "END:VCALENDAR\r\n");
	return g_string_free(out, FALSE);
}
