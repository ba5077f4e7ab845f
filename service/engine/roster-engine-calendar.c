/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "roster-calendar.h"
#include "roster-datetime.h"
#include "roster-engine-calendar-cache.h"
#include "roster-engine-calendar.h"
#include "roster-engine-duty-private.h"
#include "roster-engine-hours-private.h"
#include "roster-engine-notify.h"
#include "roster-engine-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-service-calendar.h"
#include "roster-store-hours.h"
#include "roster-store-rosters.h"
#include "roster-token.h"

#define MAX_ALARMS 4

/* the most text of personal feeds the engine keeps: a province's month is a few
 * kilobytes a volunteer */
#define FEED_CACHE_BYTES (32 * 1024 * 1024)
/* where the engine holds its RosterCalendarCache */
#define FEED_CACHE_KEY "roster-calendar-feed-cache"

/**
 * roster_calendar_feed_copy:
 * @feed: a feed
 *
 * Returns: (transfer full): a copy of @feed
 **/
RosterCalendarFeed *
roster_calendar_feed_copy(const RosterCalendarFeed *feed)
{
	RosterCalendarFeed *copy = g_new0(RosterCalendarFeed, 1);

	g_return_val_if_fail(feed != NULL, NULL);
	copy->text = g_strdup(feed->text);
	copy->last_modified = feed->last_modified;
	copy->n_events = feed->n_events;
	copy->etag = g_strdup(feed->etag);
	return copy;
}

/**
 * roster_calendar_feed_free:
 * @feed: (nullable): a feed
 **/
void
roster_calendar_feed_free(RosterCalendarFeed *feed)
{
	if (feed == NULL)
		return;
	g_free(feed->text);
	g_free(feed->etag);
	g_free(feed);
}

/**
 * roster_engine_rotate_calendar_token:
 * @self: an engine
 * @principal: the caller
 * @volunteer_id: whose feed
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"token", "url"}
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_rotate_calendar_token(RosterEngine *self,
				    RosterPrincipal *principal,
				    gint64 volunteer_id,
				    GError **error)
{
	RosterStore *store;
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
	gchar hex[ROSTER_TOKEN_HEX_LEN + 1];
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *path = NULL;
	g_autofree gchar *url = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) after = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_check_permission(
		principal,
		roster_engine_roles_or_own(principal, ROSTER_ROLES_PLANNERS, volunteer_id),
		"calendar",
		"only the volunteer, coordinators and admins may rotate a calendar token",
		error) ||
	    !roster_engine_ensure_open(self, error) ||
	    !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	roster_token_new(hex, hash);
	path = g_strdup_printf("/calendar/%s.ics", hex);
	url = roster_engine_dup_public_link(self, path);

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, volunteer_id);
	json_builder_set_member_name(b, ROSTER_KEY_CREATED);
	json_builder_add_string_value(b, now);
	json_builder_end_object(b);
	after = json_builder_get_root(b);

	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_engine_end_write(self,
				     roster_store_set_calendar_token(store,
								     volunteer_id,
								     hash,
								     sizeof(hash),
								     now,
								     error) &&
					 roster_engine_add_audit_at(self,
								    principal,
								    "rotate-calendar-token",
								    ROSTER_COLLECTION_VOLUNTEERS,
								    volunteer_id,
								    NULL,
								    after,
								    now,
								    error),
				     error))
		return NULL;
	json_builder_reset(b);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_TOKEN);
	json_builder_add_string_value(b, hex);
	json_builder_set_member_name(b, ROSTER_KEY_URL);
	json_builder_add_string_value(b, url);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, volunteer_id);
	json_builder_end_object(b);
	sodium_memzero(hex, sizeof(hex));
	return json_builder_get_root(b);
}

static gint64
parse_iso_time(const gchar *text)
{
	g_autoptr(GDateTime) dt = NULL;

	if (text == NULL)
		return 0;
	dt = g_date_time_new_from_iso8601(text, NULL);
	return dt != NULL ? g_date_time_to_unix(dt) : 0;
}

/* what the events need besides the assignments, loaded once per output */
typedef struct {
	RosterEngine *engine;
	gchar *line;
	gchar *time_zone;
	gchar *duty_contact;
	gint slot_minutes;
	gint first_slot_start;
	/* id -> RosterRecord */
	GHashTable *seat_classes;
	GHashTable *volunteers;
	GHashTable *teams;
	gint64 last_modified;
	/* the service calendar's and the reminders' last change */
	gint64 settings_modified;
} Context;

static void
context_clear(Context *ctx)
{
	g_free(ctx->line);
	g_free(ctx->time_zone);
	g_free(ctx->duty_contact);
	g_clear_pointer(&ctx->seat_classes, g_hash_table_unref);
	g_clear_pointer(&ctx->volunteers, g_hash_table_unref);
	g_clear_pointer(&ctx->teams, g_hash_table_unref);
}

static gboolean
context_init(Context *ctx, RosterEngine *self, GError **error)
{
	g_autoptr(RosterServiceCalendar) calendar = NULL;

	memset(ctx, 0, sizeof(*ctx));
	ctx->engine = self;
	ctx->seat_classes =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_object_unref);
	ctx->volunteers =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_object_unref);
	ctx->teams = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_object_unref);
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return FALSE;
	ctx->line = g_strdup(calendar->line);
	ctx->time_zone = g_strdup(calendar->time_zone);
	ctx->duty_contact = g_strdup(calendar->duty_contact);
	ctx->slot_minutes = calendar->slot_minutes;
	ctx->first_slot_start = calendar->first_slot_start;
	ctx->settings_modified = parse_iso_time(calendar->modified);
	return TRUE;
}

/* a record by id through a cache; NULL (and no error) when it was deleted */
static RosterRecord *
lookup(Context *ctx, GHashTable *cache, const gchar *collection, gint64 id, GError **error)
{
	RosterRecord *record = g_hash_table_lookup(cache, &id);
	g_autoptr(GError) error_local = NULL;

	if (record != NULL || id <= 0)
		return record;
	record = roster_store_get_record(roster_engine_get_store(ctx->engine),
					 roster_kind_lookup(collection),
					 id,
					 &error_local);
	if (record == NULL) {
		if (g_error_matches(error_local, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND))
			return NULL;
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	/* a renamed seat class or team changes the feed too */
	ctx->last_modified =
	    MAX(ctx->last_modified, parse_iso_time(roster_record_get_modified(record)));
	g_hash_table_insert(cache, g_memdup2(&id, sizeof(id)), record);
	return record;
}

/* one shift through the published versions */
typedef struct {
	gchar *uid;
	gint64 volunteer_id;
	gint64 seat_class_id;
	gchar *date;
	gchar *slot;
	guint sequence;
	gint64 last_version;
	/* the roster's number of published versions */
	gint64 n_versions;
} Shift;

static void
shift_free(gpointer data)
{
	Shift *shift = data;
	g_free(shift->uid);
	g_free(shift->date);
	g_free(shift->slot);
	g_free(shift);
}

typedef struct {
	gint64 volunteer_id;
	gint64 team_id;
	gint64 seat_class_id;
	gboolean name_people;
	/* the volunteer's own feed: their duty blocks too */
	gboolean duty;
} Filter;

static gboolean
shift_matches(Context *ctx, const Filter *filter, const RosterStoreVersionShift *vs, GError **error)
{
	RosterRecord *volunteer;

	if (filter->volunteer_id > 0 && vs->volunteer_id != filter->volunteer_id)
		return FALSE;
	if (filter->seat_class_id > 0 && vs->seat_class_id != filter->seat_class_id)
		return FALSE;
	if (filter->team_id > 0) {
		volunteer = lookup(ctx,
				   ctx->volunteers,
				   ROSTER_COLLECTION_VOLUNTEERS,
				   vs->volunteer_id,
				   error);
		if (volunteer == NULL ||
		    roster_record_get_int(volunteer, ROSTER_KEY_TEAM_ID, 0) != filter->team_id)
			return FALSE;
	}
	return TRUE;
}

static void
track_shift(const RosterStoreVersionShift *vs, GHashTable *shifts, GPtrArray *order)
{
	g_autofree gchar *uid = g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
						"@%" G_GINT64_FORMAT ".hotline-roster",
						vs->assignment_id,
						vs->volunteer_id,
						vs->roster_id);
	Shift *shift = g_hash_table_lookup(shifts, uid);

	if (shift == NULL) {
		shift = g_new0(Shift, 1);
		shift->uid = g_steal_pointer(&uid);
		shift->volunteer_id = vs->volunteer_id;
		shift->n_versions = vs->n_versions;
		g_hash_table_insert(shifts, shift->uid, shift);
		g_ptr_array_add(order, shift);
	} else if (g_strcmp0(shift->date, vs->date) != 0 || g_strcmp0(shift->slot, vs->slot) != 0 ||
		   shift->seat_class_id != vs->seat_class_id) {
		shift->sequence++;
	} else if (shift->last_version < vs->number - 1) {
		/* back after being removed: a change too */
		shift->sequence++;
	}
	g_free(shift->date);
	shift->date = g_strdup(vs->date);
	g_free(shift->slot);
	shift->slot = g_strdup(vs->slot);
	shift->seat_class_id = vs->seat_class_id;
	shift->last_version = vs->number;
}

/* reads the published history of the shifts in view, through the store's index of
 * versions rather than their JSON copies, and adds it to @shifts (uid -> Shift, in
 * @order); every publication time counts for Last-Modified */
static gboolean
walk_versions(Context *ctx,
	      gint64 roster_id,
	      const Filter *filter,
	      GHashTable *shifts,
	      GPtrArray *order,
	      GError **error)
{
	RosterStore *store = roster_engine_get_store(ctx->engine);
	g_autoptr(GPtrArray) times = roster_store_list_version_times(store, roster_id, error);
	g_autoptr(GArray) rows = NULL;

	if (times == NULL)
		return FALSE;
	for (guint i = 0; i < times->len; i++)
		ctx->last_modified =
		    MAX(ctx->last_modified, parse_iso_time(g_ptr_array_index(times, i)));
	rows = roster_store_list_version_shifts(store, roster_id, filter->volunteer_id, error);
	if (rows == NULL)
		return FALSE;
	for (guint i = 0; i < rows->len; i++) {
		const RosterStoreVersionShift *vs =
		    &g_array_index(rows, RosterStoreVersionShift, i);
		g_autoptr(GError) error_local = NULL;
		if (shift_matches(ctx, filter, vs, &error_local)) {
			track_shift(vs, shifts, order);
		} else if (error_local != NULL) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			return FALSE;
		}
	}
	return TRUE;
}

static RosterCalendarEvent *
event_from_shift(Context *ctx,
		 const Shift *shift,
		 gboolean cancelled,
		 gboolean name_people,
		 GError **error)
{
	g_autoptr(RosterCalendarEvent) event = roster_calendar_event_new();
	g_autoptr(GError) error_local = NULL;
	RosterRecord *seat;
	RosterRecord *volunteer = NULL;
	RosterRecord *team = NULL;
	gint start = 0;

	seat = lookup(ctx,
		      ctx->seat_classes,
		      ROSTER_COLLECTION_SEAT_CLASSES,
		      shift->seat_class_id,
		      &error_local);
	if (error_local == NULL)
		volunteer = lookup(ctx,
				   ctx->volunteers,
				   ROSTER_COLLECTION_VOLUNTEERS,
				   shift->volunteer_id,
				   &error_local);
	if (error_local == NULL && volunteer != NULL)
		team = lookup(ctx,
			      ctx->teams,
			      ROSTER_COLLECTION_TEAMS,
			      roster_record_get_int(volunteer, ROSTER_KEY_TEAM_ID, 0),
			      &error_local);
	if (error_local != NULL) {
		g_propagate_error(error, g_steal_pointer(&error_local));
		return NULL;
	}
	roster_datetime_parse_time(shift->slot, &start);
	/* the operational day runs from the first slot: earlier slots are after midnight */
	if (start < ctx->first_slot_start)
		start += 24 * 60;
	event->uid = g_strdup(shift->uid);
	event->date = g_strdup(shift->date);
	event->start_minutes = start;
	event->duration_minutes = ctx->slot_minutes;
	event->cancelled = cancelled;
	event->sequence = shift->sequence + (cancelled ? 1 : 0);
	event->line = g_strdup(ctx->line);
	event->duty_contact = g_strdup(ctx->duty_contact);
	if (seat != NULL) {
		event->seat_class = g_strdup(roster_record_get_string(seat, ROSTER_KEY_NAME));
		event->mode = g_strdup(roster_record_get_string(seat, ROSTER_KEY_MODE));
		event->location = g_strdup(roster_record_get_string(seat, ROSTER_KEY_LOCATION));
	}
	if (team != NULL)
		event->team = g_strdup(roster_record_get_string(team, ROSTER_KEY_NAME));
	if (name_people && volunteer != NULL)
		event->volunteer = g_strdup(roster_record_get_string(volunteer, ROSTER_KEY_NAME));
	return g_steal_pointer(&event);
}

static gint
event_compare_cb(gconstpointer a, gconstpointer b)
{
	const RosterCalendarEvent *x = *(const RosterCalendarEvent **)a;
	const RosterCalendarEvent *y = *(const RosterCalendarEvent **)b;
	gint cmp = g_strcmp0(x->date, y->date);

	if (cmp != 0)
		return cmp;
	if (x->start_minutes != y->start_minutes)
		return x->start_minutes < y->start_minutes ? -1 : 1;
	return g_strcmp0(x->uid, y->uid);
}

/* the reminders from the settings, or the default ones */
static guint
load_alarms(RosterEngine *self, gint *alarms, GError **error)
{
	g_autoptr(JsonNode) node = NULL;
	JsonArray *array;
	guint n = 0;

	node = roster_engine_hours_dup_setting(self, ROSTER_KEY_CALENDAR_ALARMS, error);
	if (node == NULL)
		return G_MAXUINT;
	if (!JSON_NODE_HOLDS_ARRAY(node)) {
		for (guint i = 0; i < G_N_ELEMENTS(roster_calendar_default_alarms); i++)
			alarms[i] = roster_calendar_default_alarms[i];
		return G_N_ELEMENTS(roster_calendar_default_alarms);
	}
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array) && n < MAX_ALARMS; i++)
		alarms[n++] = (gint)json_array_get_int_element(array, i);
	return n;
}

static RosterCalendarFeed *
build_feed(RosterEngine *self,
	   gint64 roster_id,
	   const Filter *filter,
	   gboolean english,
	   const gchar *name,
	   gint64 changed,
	   GError **error)
{
	Context ctx;
	g_autoptr(GHashTable) shifts = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func(shift_free);
	g_autoptr(GPtrArray) events =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_calendar_event_free);
	g_autoptr(RosterCalendarFeed) feed = g_new0(RosterCalendarFeed, 1);
	RosterCalendarOptions options = {0};
	g_autoptr(JsonNode) settings_changed = NULL;
	g_autofree gchar *sum = NULL;
	gint alarms[MAX_ALARMS];
	guint n_alarms;
	gboolean ok = TRUE;

	n_alarms = load_alarms(self, alarms, error);
	if (n_alarms == G_MAXUINT)
		return NULL;
	if (!context_init(&ctx, self, error)) {
		context_clear(&ctx);
		return NULL;
	}
	ctx.last_modified = MAX(changed, ctx.settings_modified);
	settings_changed =
	    roster_engine_hours_dup_setting(self, ROSTER_KEY_SETTINGS_MODIFIED, error);
	if (settings_changed == NULL) {
		context_clear(&ctx);
		return NULL;
	}
	if (JSON_NODE_HOLDS_VALUE(settings_changed) &&
	    json_node_get_value_type(settings_changed) == G_TYPE_STRING)
		ctx.last_modified =
		    MAX(ctx.last_modified, parse_iso_time(json_node_get_string(settings_changed)));
	if (roster_id > 0) {
		/* an unknown roster is ROSTER_ERROR_NOT_FOUND */
		g_autoptr(RosterStoreRoster) roster =
		    roster_store_get_roster(roster_engine_get_store(self), roster_id, error);
		ok = roster != NULL;
	}
	if (ok)
		ok = walk_versions(&ctx, roster_id, filter, shifts, order, error);
	for (guint i = 0; ok && i < order->len; i++) {
		Shift *shift = g_ptr_array_index(order, i);
		RosterCalendarEvent *event =
		    event_from_shift(&ctx,
				     shift,
				     shift->last_version < shift->n_versions,
				     filter->name_people,
				     error);
		if (event == NULL)
			ok = FALSE;
		else
			g_ptr_array_add(events, event);
	}
	if (ok && filter->duty)
		ok = roster_duty_add_feed_events(self,
						 filter->volunteer_id,
						 ctx.line,
						 events,
						 error);
	if (!ok) {
		context_clear(&ctx);
		return NULL;
	}
	g_ptr_array_sort(events, event_compare_cb);
	options.time_zone = ctx.time_zone;
	options.english = english;
	options.alarms = alarms;
	options.n_alarms = n_alarms;
	options.name = name;
	options.stamp = ctx.last_modified;
	feed->text = roster_calendar_render(events, &options, error);
	feed->last_modified = ctx.last_modified;
	feed->n_events = events->len;
	context_clear(&ctx);
	if (feed->text == NULL)
		return NULL;
	sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, feed->text, -1);
	feed->etag = g_strdup_printf("\"%.32s\"", sum);
	return g_steal_pointer(&feed);
}

/* the language tag is en or en-… */
static gboolean
prefers_english(RosterRecord *volunteer)
{
	const gchar *language = roster_record_get_string(volunteer, ROSTER_KEY_PREFERRED_LANGUAGE);

	return g_strcmp0(language, "en") == 0 ||
	       g_str_has_prefix(language != NULL ? language : "", "en-");
}

/* an unknown token and a malformed one alike */
static void
set_no_such_calendar(GError **error)
{
	g_set_error_literal(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "calendar: no such calendar");
}

/* the feed of the volunteer whose token has @hash */
static RosterCalendarFeed *
build_personal_feed(RosterEngine *self,
		    const guint8 hash[ROSTER_TOKEN_HASH_BYTES],
		    gboolean english,
		    GError **error)
{
	gint64 volunteer_id = 0;
	g_autofree gchar *created = NULL;
	g_autofree gchar *name = NULL;
	Filter filter = {0};
	g_autoptr(RosterRecord) volunteer = NULL;

	if (!roster_store_lookup_calendar_token(roster_engine_get_store(self),
						hash,
						ROSTER_TOKEN_HASH_BYTES,
						&volunteer_id,
						&created,
						error))
		return NULL;
	if (volunteer_id <= 0) {
		set_no_such_calendar(error);
		return NULL;
	}
	volunteer = roster_store_get_record(roster_engine_get_store(self),
					    roster_kind_lookup(ROSTER_COLLECTION_VOLUNTEERS),
					    volunteer_id,
					    error);
	if (volunteer == NULL)
		return NULL;
	/* a volunteer who prefers English gets it without asking in the URL */
	english = english || prefers_english(volunteer);
	name = g_strdup_printf("%s %s",
			       roster_record_get_string(volunteer, ROSTER_KEY_NAME),
			       english ? "duty" : "值班");
	filter.volunteer_id = volunteer_id;
	filter.duty = TRUE;
	return build_feed(self, 0, &filter, english, name, parse_iso_time(created), error);
}

/**
 * roster_engine_dup_calendar_feed:
 * @self: an engine
 * @token: the token of the URL
 * @english: English summaries; otherwise the volunteer's preferred language
 * @error: (nullable): return location for a #GError
 *
 * The summaries and descriptions are in Chinese unless @english asks for English or
 * the volunteer's preferred_language is English. The feed is built once and kept,
 * with its entity tag, until the database is written by this engine, by another
 * connection or another process, or restored.
 *
 * Returns: (transfer full): the feed of the volunteer holding @token
 *
 * Since: 0.1
 **/
RosterCalendarFeed *
roster_engine_dup_calendar_feed(RosterEngine *self,
				const gchar *token,
				gboolean english,
				GError **error)
{
	guint8 hash[ROSTER_TOKEN_HASH_BYTES];
	gchar key[2 * ROSTER_TOKEN_HASH_BYTES + 4];
	RosterCalendarCache *cache;
	const RosterCalendarFeed *cached;
	RosterCalendarFeed *feed;
	guint64 generation = 0;
	gint64 data_version = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_ensure_open(self, error))
		return NULL;
	if (!roster_token_hash_hex(token, hash)) {
		set_no_such_calendar(error);
		return NULL;
	}
	/* keyed by the token's hash, as the store knows it, and the language asked for */
	for (guint i = 0; i < ROSTER_TOKEN_HASH_BYTES; i++)
		g_snprintf(key + 2 * i, 3, "%02x", hash[i]);
	g_strlcpy(key + 2 * ROSTER_TOKEN_HASH_BYTES, english ? ":en" : ":", 4);

	cache = g_object_get_data(G_OBJECT(self), FEED_CACHE_KEY);
	if (cache == NULL) {
		cache = roster_calendar_cache_new(FEED_CACHE_BYTES);
		g_object_set_data_full(G_OBJECT(self),
				       FEED_CACHE_KEY,
				       cache,
				       (GDestroyNotify)roster_calendar_cache_free);
	}
	/* read before the feed is built: a write in between makes the next request
	 * build it again rather than keep a stale one */
	if (!roster_engine_get_data_stamp(self, &generation, &data_version, error))
		return NULL;
	roster_calendar_cache_validate(cache, generation, data_version);
	cached = roster_calendar_cache_lookup(cache, key);
	if (cached != NULL)
		return roster_calendar_feed_copy(cached);
	feed = build_personal_feed(self, hash, english, error);
	if (feed == NULL)
		return NULL;
	roster_calendar_cache_insert(cache, key, roster_calendar_feed_copy(feed));
	return feed;
}

/**
 * roster_engine_export_calendar:
 * @self: an engine
 * @principal: the caller
 * @roster_id: a roster, or 0 for every roster
 * @team_id: a team, or 0
 * @seat_class_id: a seat class, or 0
 * @volunteer_id: a volunteer, or 0
 * @english: English summaries
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): one calendar of the chosen published shifts
 *
 * Since: 0.1
 **/
RosterCalendarFeed *
roster_engine_export_calendar(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint64 roster_id,
			      gint64 team_id,
			      gint64 seat_class_id,
			      gint64 volunteer_id,
			      gboolean english,
			      GError **error)
{
	Filter filter = {
	    .volunteer_id = volunteer_id,
	    .team_id = team_id,
	    .seat_class_id = seat_class_id,
	    .name_people = volunteer_id == 0,
	};
	gboolean exists = FALSE;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_SIGNED_IN,
					    "calendar",
					    "not allowed",
					    error) ||
	    !roster_engine_check_permission(
		principal,
		roster_engine_roles_or_own(principal, ROSTER_ROLES_STAFF, volunteer_id),
		"calendar",
		"a volunteer may export only its own shifts",
		error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (team_id > 0) {
		if (!roster_store_record_exists(roster_engine_get_store(self),
						ROSTER_COLLECTION_TEAMS,
						team_id,
						&exists,
						error))
			return NULL;
		if (!exists) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_NOT_FOUND,
				    "teams: no record %" G_GINT64_FORMAT,
				    team_id);
			return NULL;
		}
	}
	if (seat_class_id > 0) {
		if (!roster_store_record_exists(roster_engine_get_store(self),
						ROSTER_COLLECTION_SEAT_CLASSES,
						seat_class_id,
						&exists,
						error))
			return NULL;
		if (!exists) {
			g_set_error(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_NOT_FOUND,
				    "seat-classes: no record %" G_GINT64_FORMAT,
				    seat_class_id);
			return NULL;
		}
	}
	if (volunteer_id > 0 && !roster_engine_hours_check_volunteer(self, volunteer_id, error))
		return NULL;
	return build_feed(self, roster_id, &filter, english, NULL, 0, error);
}

typedef struct {
	gchar *database_path;
	RosterPrincipal *principal;
	gint64 roster_id;
	gint64 team_id;
	gint64 seat_class_id;
	gint64 volunteer_id;
	gboolean english;
} ExportData;

static void
export_data_free(gpointer data)
{
	ExportData *d = data;
	g_free(d->database_path);
	roster_principal_unref(d->principal);
	g_free(d);
}

static void
export_thread(GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
	ExportData *d = data;
	g_autoptr(RosterEngine) engine = roster_engine_new(d->database_path);
	g_autoptr(GError) error = NULL;
	RosterCalendarFeed *feed;

	if (!roster_engine_open(engine, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	feed = roster_engine_export_calendar(engine,
					     d->principal,
					     d->roster_id,
					     d->team_id,
					     d->seat_class_id,
					     d->volunteer_id,
					     d->english,
					     &error);
	if (feed == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_pointer(task, feed, (GDestroyNotify)roster_calendar_feed_free);
}

/**
 * roster_engine_export_calendar_async:
 * @self: an engine
 * @principal: the caller
 * @roster_id: a roster, or 0 for every roster
 * @team_id: a team, or 0
 * @seat_class_id: a seat class, or 0
 * @volunteer_id: a volunteer, or 0
 * @english: English summaries
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Runs roster_engine_export_calendar() in a worker thread.
 *
 * Since: 0.1
 **/
void
roster_engine_export_calendar_async(RosterEngine *self,
				    RosterPrincipal *principal,
				    gint64 roster_id,
				    gint64 team_id,
				    gint64 seat_class_id,
				    gint64 volunteer_id,
				    gboolean english,
				    GCancellable *cancellable,
				    GAsyncReadyCallback callback,
				    gpointer user_data)
{
	g_autoptr(GTask) task = NULL;
	ExportData *d;

	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(principal != NULL);

	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_engine_export_calendar_async);
	d = g_new0(ExportData, 1);
	d->database_path = g_strdup(roster_engine_get_database_path(self));
	d->principal = roster_principal_ref(principal);
	d->roster_id = roster_id;
	d->team_id = team_id;
	d->seat_class_id = seat_class_id;
	d->volunteer_id = volunteer_id;
	d->english = english;
	g_task_set_task_data(task, d, export_data_free);
	g_task_run_in_thread(task, export_thread);
}

/**
 * roster_engine_export_calendar_finish:
 * @self: an engine
 * @result: the #GAsyncResult
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the calendar, or %NULL with @error set
 *
 * Since: 0.1
 **/
RosterCalendarFeed *
roster_engine_export_calendar_finish(RosterEngine *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}
