/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "roster-calendar.h"
#include "roster-engine-calendar.h"
#include "roster-fuzz-common.h"
#include "roster-json-keys.h"
#include "roster-kind.h"

/*
 * What reaches the iCalendar side from outside. The first byte picks one of two:
 *  - bit 7 set: the rest is the token of a feed URL, /calendar/<token>.ics, looked up
 *    as the feed route does (an empty token stands for the volunteer's real one, so
 *    a whole feed is built too);
 *  - otherwise: one shift whose text members (names a user typed: seat class,
 *    location, team, duty contact, volunteer, calendar name and time zone) come from
 *    the input, NUL-separated, rendered twice; the second rendering goes through the
 *    template cache and must give the very same text as libical's first.
 */

static gchar *
dup_text(RosterFuzzInput *input)
{
	g_autofree gchar *field = roster_fuzz_input_dup_field(input);

	/* request bodies are checked to be UTF-8 before anything is stored */
	return field != NULL ? g_utf8_make_valid(field, -1) : NULL;
}

/* whether the calendar's validator takes @time_zone; its answers are kept, since it
 * reads a zone file each time and is fuzzed itself by the json-body target */
static gboolean
time_zone_accepted(const gchar *time_zone)
{
	static GHashTable *answers = NULL;
	const RosterField *field =
	    roster_kind_get_field(roster_kind_lookup(ROSTER_COLLECTION_CALENDARS),
				  ROSTER_KEY_TIME_ZONE);
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(GError) error = NULL;
	gpointer answer = NULL;
	gboolean accepted;

	if (answers == NULL)
		answers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if (g_hash_table_lookup_extended(answers, time_zone, NULL, &answer))
		return GPOINTER_TO_INT(answer);
	node = json_node_init_string(json_node_alloc(), time_zone);
	accepted = roster_field_validate(field, node, &error);
	if (g_hash_table_size(answers) >= 1024)
		g_hash_table_remove_all(answers);
	g_hash_table_insert(answers, g_strdup(time_zone), GINT_TO_POINTER(accepted));
	return accepted;
}

static void
fuzz_feed(RosterFuzzInput *input, gboolean english)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autofree gchar *token = roster_fuzz_input_dup_field(input);
	const gchar *used = token != NULL && token[0] != '\0' ? token
							      : roster_fuzz_get_calendar_token();

	feed = roster_engine_dup_calendar_feed(roster_fuzz_get_engine(), used, english, &error);
	if (feed == NULL && error == NULL) {
		g_printerr("the feed lookup failed without an error\n");
		abort();
	}
	if (feed != NULL && !g_str_has_prefix(feed->text, "BEGIN:VCALENDAR\r\n")) {
		g_printerr("a feed is no calendar\n");
		abort();
	}
}

static gchar *
render(GPtrArray *events, const RosterCalendarOptions *options)
{
	g_autoptr(GError) error = NULL;
	gchar *text = roster_calendar_render(events, options, &error);

	if (text == NULL && error == NULL) {
		g_printerr("rendering failed without an error\n");
		abort();
	}
	return text;
}

static void
fuzz_render(RosterFuzzInput *input, gboolean english)
{
	g_autoptr(GPtrArray) events =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_event_free);
	RosterCalendarEvent *event = roster_calendar_event_new();
	RosterCalendarOptions options = {
	    .english = english,
	    .alarms = roster_calendar_default_alarms,
	    .stamp = 1767225600,
	};
	g_autofree gchar *time_zone = NULL;
	g_autofree gchar *name = NULL;
	g_autofree gchar *first = NULL;
	g_autofree gchar *second = NULL;
	guint8 flags;

	g_ptr_array_add(events, event);
	flags = roster_fuzz_input_read_byte(input);
	options.n_alarms = flags & 0x3;
	if (options.n_alarms > G_N_ELEMENTS(roster_calendar_default_alarms))
		options.n_alarms = G_N_ELEMENTS(roster_calendar_default_alarms);
	event->cancelled = (flags & 0x4) != 0;
	event->sequence = roster_fuzz_input_read_byte(input);
	/* the engine's shifts: a start within the operational day, up to a day long */
	event->start_minutes = (roster_fuzz_input_read_byte(input) * 15) % 2880;
	event->duration_minutes = 15 + (roster_fuzz_input_read_byte(input) * 15) % 1440;
	event->uid = g_strdup("fuzz-1@hotline-roster");
	event->date = g_strdup((flags & 0x8) != 0 ? "2026-02-28" : "2026-03-29");
	event->line = dup_text(input);
	event->seat_class = dup_text(input);
	event->mode = g_strdup((flags & 0x10) != 0 ? "cloud" : "on-site");
	event->location = dup_text(input);
	event->team = dup_text(input);
	event->duty_contact = dup_text(input);
	event->volunteer = dup_text(input);
	name = dup_text(input);
	options.name = name;
	time_zone = dup_text(input);
	/* a zone reaches the renderer only through the calendar's validator */
	if (time_zone != NULL && time_zone_accepted(time_zone))
		options.time_zone = time_zone;
	if (event->line == NULL)
		event->line = g_strdup("12355");
	if (event->seat_class == NULL)
		event->seat_class = g_strdup("crisis");
	if (event->duty_contact == NULL)
		event->duty_contact = g_strdup("");

	first = render(events, &options);
	second = render(events, &options);
	if (g_strcmp0(first, second) != 0) {
		g_printerr("the template cache changed a calendar:\n%s\n---\n%s\n", first, second);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	RosterFuzzInput input = {data, size};
	guint8 mode = roster_fuzz_input_read_byte(&input);
	gboolean english = (mode & 0x1) != 0;

	if ((mode & 0x80) != 0)
		fuzz_feed(&input, english);
	else
		fuzz_render(&input, english);
	return 0;
}
