/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-calendar-ical.h"
#include "roster-calendar.h"
#include "roster-datetime.h"
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
	const gchar *seat_class = event->seat_class != NULL ? event->seat_class : "";
	GString *text = g_string_new(NULL);
	/* the words are data for the calendar program, not messages of this program */
	const gchar *mode = english ? (cloud ? "cloud seat" : "on-site")
				    : (cloud ? "云坐席" : "坐班");

	if (event->on_call) {
		g_string_append_printf(text,
				       english ? "%s on-call duty expert"
					       : "%s 值班专家（电话待命）",
				       event->line != NULL ? event->line : "");
	} else {
		g_string_append_printf(text,
				       english ? "%s duty: %s" : "%s 值班：%s",
				       event->line != NULL ? event->line : "",
				       seat_class);
		/* a seat class named with its mode ("咨询专席（坐班）") does not get it twice */
		if (strstr(seat_class, english ? (cloud ? "cloud" : "on-site") : mode) == NULL)
			g_string_append_printf(text, english ? " (%s)" : "（%s）", mode);
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
	guint32 julian = 0;
	ICalTime *t;

	if (roster_datetime_parse_date(event->date, &julian))
		g_date_set_julian(date, julian);
	if (!g_date_valid(date) || event->start_minutes < 0 || event->duration_minutes <= 0) {
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

/*
 * Feeds are polled again and again while little changes, and one calendar holds many
 * shifts of the same kind, so libical writes each kind of event once: the text of an
 * event depends on its UID, DTSTART, DTEND and SEQUENCE lines and on its shape (all
 * the rest), and the events of one shape share the text around those four lines. The
 * texts are kept, keyed by everything they depend on, as is the VTIMEZONE of a zone.
 */
#define CACHE_MAX_ENTRIES 50000
/* libical folds longer lines; a shorter varying line is written as libical would */
#define MAX_PLAIN_LINE 70

/* the lines of an event that vary inside its shape */
enum { LINE_UID, LINE_DTSTART, LINE_DTEND, LINE_SEQUENCE, N_LINES };

/* the text of a shape around its N_LINES varying lines; immutable once cached */
typedef struct {
	/* FALSE: libical writes every event of this shape */
	gboolean valid;
	gchar *segments[N_LINES + 1];
} Template;

static void
template_clear(gpointer data)
{
	Template *template = data;
	for (guint i = 0; i < G_N_ELEMENTS(template->segments); i++)
		g_free(template->segments[i]);
}

static void
template_unref(gpointer data)
{
	g_atomic_rc_box_release_full(data, template_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC(Template, template_unref)

static GMutex cache_mutex;
/* key -> text */
static GHashTable *cache;
/* shape key -> Template */
static GHashTable *templates;

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

/* a reference to the cached template of @key, or NULL */
static Template *
template_lookup(const gchar *key)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&cache_mutex);
	Template *template;

	if (templates == NULL)
		return NULL;
	template = g_hash_table_lookup(templates, key);
	return template != NULL ? g_atomic_rc_box_acquire(template) : NULL;
}

static void
template_add(const gchar *key, Template *template)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&cache_mutex);

	if (templates == NULL)
		templates = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, template_unref);
	if (g_hash_table_size(templates) >= CACHE_MAX_ENTRIES)
		g_hash_table_remove_all(templates);
	g_hash_table_insert(templates, g_strdup(key), g_atomic_rc_box_acquire(template));
}

static void
append_key_part(GString *key, const gchar *part)
{
	g_string_append(key, part != NULL ? part : "\x02");
	g_string_append_c(key, '\x1f');
}

/* everything the text of @event depends on but its varying lines */
static gchar *
dup_shape_key(const RosterCalendarEvent *event,
	      const RosterCalendarOptions *options,
	      const gchar *tzid)
{
	GString *key = g_string_new("S");

	g_string_append_printf(key,
			       "%d|%d|%d|%" G_GINT64_FORMAT "|",
			       event->duration_minutes,
			       event->cancelled,
			       options->english,
			       options->stamp);
	for (guint i = 0; i < options->n_alarms; i++)
		g_string_append_printf(key, "%d,", options->alarms[i]);
	append_key_part(key, tzid);
	append_key_part(key, event->line);
	append_key_part(key, event->seat_class);
	append_key_part(key, event->mode);
	append_key_part(key, event->location);
	append_key_part(key, event->team);
	append_key_part(key, event->duty_contact);
	append_key_part(key, event->volunteer);
	return g_string_free(key, FALSE);
}

/* the varying lines of one event, each with its CRLF; written often, so with no
 * allocation and no printf */
typedef struct {
	gchar text[N_LINES][MAX_PLAIN_LINE + 3];
	gsize len[N_LINES];
} Lines;

/* appends @text to line @i, or FALSE when the line gets too long to stay unfolded */
static gboolean
line_append(Lines *lines, guint i, const gchar *text)
{
	gsize n = strlen(text);

	if (lines->len[i] + n > MAX_PLAIN_LINE)
		return FALSE;
	memcpy(lines->text[i] + lines->len[i], text, n + 1);
	lines->len[i] += n;
	return TRUE;
}

/* appends @value in decimal, with leading zeros to @width digits */
static gboolean
line_append_number(Lines *lines, guint i, guint value, guint width)
{
	gchar digits[16];
	guint n = 0;

	do {
		digits[sizeof(digits) - 1 - n++] = (gchar)('0' + value % 10);
		value /= 10;
	} while (value > 0 && n < sizeof(digits) - 1);
	while (n < width && n < sizeof(digits) - 1)
		digits[sizeof(digits) - 1 - n++] = '0';
	if (lines->len[i] + n > MAX_PLAIN_LINE)
		return FALSE;
	memcpy(lines->text[i] + lines->len[i], digits + sizeof(digits) - n, n);
	lines->len[i] += n;
	lines->text[i][lines->len[i]] = '\0';
	return TRUE;
}

/* line @i: @name, the TZID parameter, and the DATE-TIME value @minutes after the
 * midnight of @date, as i_cal_time_adjust() normalises it */
static gboolean
line_append_time(Lines *lines,
		 guint i,
		 const gchar *name,
		 const gchar *tzid,
		 const GDate *date,
		 gint minutes)
{
	GDate day = *date;

	g_date_add_days(&day, (guint)(minutes / (24 * 60)));
	minutes %= 24 * 60;
	if (!line_append(lines, i, name) ||
	    (tzid != NULL && (!line_append(lines, i, ";TZID=") || !line_append(lines, i, tzid))) ||
	    !line_append(lines, i, ":") ||
	    !line_append_number(lines, i, g_date_get_year(&day), 4) ||
	    !line_append_number(lines, i, g_date_get_month(&day), 2) ||
	    !line_append_number(lines, i, g_date_get_day(&day), 2) || !line_append(lines, i, "T") ||
	    !line_append_number(lines, i, (guint)minutes / 60, 2) ||
	    !line_append_number(lines, i, (guint)minutes % 60, 2) ||
	    !line_append(lines, i, tzid != NULL ? "00" : "00Z"))
		return FALSE;
	return TRUE;
}

/* the varying lines of @event as libical writes them (see render_event), or FALSE for
 * an event that libical would write otherwise: a value it escapes or quotes, a line it
 * folds, a date it refuses */
static gboolean
format_lines(const RosterCalendarEvent *event, const gchar *tzid, Lines *lines)
{
	GDate date;
	guint32 julian = 0;

	memset(lines, 0, sizeof(*lines));
	if (event->uid == NULL || event->date == NULL || event->start_minutes < 0 ||
	    event->duration_minutes <= 0 || event->sequence > G_MAXINT ||
	    event->start_minutes > G_MAXINT - event->duration_minutes)
		return FALSE;
	if (tzid != NULL && strpbrk(tzid, ",;:\\\"") != NULL)
		return FALSE;
	for (const gchar *c = event->uid; *c != '\0'; c++) {
		if (!g_ascii_isgraph(*c) || strchr(",;\\\"", *c) != NULL)
			return FALSE;
	}
	/* as event_start() reads it */
	g_date_clear(&date, 1);
	if (!roster_datetime_parse_date(event->date, &julian))
		return FALSE;
	g_date_set_julian(&date, julian);
	if (!line_append(lines, LINE_UID, "UID:") || !line_append(lines, LINE_UID, event->uid) ||
	    !line_append_time(lines, LINE_DTSTART, "DTSTART", tzid, &date, event->start_minutes) ||
	    !line_append_time(lines,
			      LINE_DTEND,
			      "DTEND",
			      tzid,
			      &date,
			      event->start_minutes + event->duration_minutes) ||
	    !line_append(lines, LINE_SEQUENCE, "SEQUENCE:") ||
	    !line_append_number(lines, LINE_SEQUENCE, event->sequence, 1))
		return FALSE;
	/* the CRLF does not count for the length */
	for (guint i = 0; i < N_LINES; i++) {
		memcpy(lines->text[i] + lines->len[i], "\r\n", 3);
		lines->len[i] += 2;
	}
	return TRUE;
}

/* the template of the shape of @event, from the text libical wrote for it: valid only
 * when each varying line stands once, in order, exactly as format_lines() writes it */
static Template *
template_new(const gchar *text, const Lines *lines)
{
	Template *template = g_atomic_rc_box_new0(Template);
	const gchar *at[N_LINES];
	const gchar *from = text;

	for (guint i = 0; i < N_LINES; i++) {
		g_autofree gchar *needle = g_strconcat("\r\n", lines->text[i], NULL);
		const gchar *found = strstr(from, needle);
		if (found == NULL || strstr(found + 1, needle) != NULL)
			return template;
		at[i] = found + 2;
		/* the next line may follow at once: search from this line's CRLF */
		from = at[i] + lines->len[i] - 2;
		/* a folded line goes on with a space */
		if (from[2] == ' ' || from[2] == '\t')
			return template;
	}
	template->segments[0] = g_strndup(text, at[0] - text);
	for (guint i = 1; i < N_LINES; i++) {
		const gchar *end = at[i - 1] + lines->len[i - 1];
		template->segments[i] = g_strndup(end, at[i] - end);
	}
	template->segments[N_LINES] = g_strdup(at[N_LINES - 1] + lines->len[N_LINES - 1]);
	template->valid = TRUE;
	return template;
}

/* appends the text of @event to @out, through the template of its shape */
static gboolean
append_event(GString *out,
	     const RosterCalendarEvent *event,
	     const RosterCalendarOptions *options,
	     const gchar *tzid,
	     ICalTime *stamp,
	     GError **error)
{
	g_autofree gchar *key = dup_shape_key(event, options, tzid);
	g_autoptr(Template) template = template_lookup(key);
	g_autofree gchar *text = NULL;
	Lines lines;
	gboolean plain = format_lines(event, tzid, &lines);

	if (plain && template != NULL && template->valid) {
		for (guint i = 0; i < N_LINES; i++) {
			g_string_append(out, template->segments[i]);
			g_string_append_len(out, lines.text[i], (gssize)lines.len[i]);
		}
		g_string_append(out, template->segments[N_LINES]);
		return TRUE;
	}
	text = render_event(event, options, tzid, stamp, error);
	if (text == NULL)
		return FALSE;
	if (plain && template == NULL) {
		template = template_new(text, &lines);
		template_add(key, template);
	}
	g_string_append(out, text);
	return TRUE;
}

/* the VTIMEZONE of @time_zone as text, made once per zone */
static gchar *
dup_vtimezone_text(const gchar *time_zone, GError **error)
{
	g_autoptr(GString) key = g_string_new("Z");
	g_autoptr(ICalComponent) vtimezone = NULL;
	g_autofree gchar *text = NULL;

	append_key_part(key, time_zone);
	text = cache_dup(key->str);
	if (text != NULL)
		return g_steal_pointer(&text);
	vtimezone = dup_vtimezone(time_zone, error);
	if (vtimezone == NULL)
		return NULL;
	text = i_cal_component_as_ical_string(vtimezone);
	cache_add(key->str, text);
	return g_steal_pointer(&text);
}

/* BEGIN:VCALENDAR, its properties and the VTIMEZONE, without the END line */
static gchar *
dup_header(const gchar *time_zone, gboolean utc, const gchar *name, GError **error)
{
	g_autoptr(ICalComponent) vcalendar = NULL;
	g_autoptr(GString) key = g_string_new("H");
	g_autofree gchar *text = NULL;
	g_autofree gchar *vtimezone = NULL;
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
		ICalProperty *wr = i_cal_property_new_x(time_zone);
		i_cal_property_set_x_name(wr, "X-WR-TIMEZONE");
		i_cal_component_take_property(vcalendar, wr);
		vtimezone = dup_vtimezone_text(time_zone, error);
		if (vtimezone == NULL)
			return NULL;
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
	/* libical writes the properties first, then the components */
	text[end - text] = '\0';
	if (vtimezone != NULL) {
		gchar *joined = g_strconcat(text, vtimezone, NULL);
		g_free(text);
		text = joined;
	}
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
		if (!append_event(out,
				  g_ptr_array_index(events, i),
				  options,
				  utc ? NULL : time_zone,
				  stamp,
				  error)) {
			g_string_free(out, TRUE);
			return NULL;
		}
	}
	g_string_append(out, "END:VCALENDAR\r\n");
	return g_string_free(out, FALSE);
}
