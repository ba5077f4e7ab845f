/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a bounded cache of rendered calendar feeds, emptied when the data changes */

#include "config.h"

#include <string.h>

#include "roster-engine-calendar-cache.h"

struct _RosterCalendarCache {
	/* key -> RosterCalendarFeed */
	GHashTable *feeds;
	gsize n_bytes;
	gsize max_bytes;
	guint64 generation;
	gint64 data_version;
};

/**
 * roster_calendar_cache_new:
 * @max_bytes: the most text the cache holds
 *
 * Returns: (transfer full): an empty cache
 **/
RosterCalendarCache *
roster_calendar_cache_new(gsize max_bytes)
{
	RosterCalendarCache *self = g_new0(RosterCalendarCache, 1);

	self->feeds = g_hash_table_new_full(g_str_hash,
					    g_str_equal,
					    g_free,
					    (GDestroyNotify)roster_calendar_feed_free);
	self->max_bytes = max_bytes;
	return self;
}

/**
 * roster_calendar_cache_free:
 * @self: (nullable): a cache
 **/
void
roster_calendar_cache_free(RosterCalendarCache *self)
{
	if (self == NULL)
		return;
	g_hash_table_unref(self->feeds);
	g_free(self);
}

static gsize
feed_bytes(const RosterCalendarFeed *feed)
{
	return strlen(feed->text) + 1;
}

/**
 * roster_calendar_cache_validate:
 * @self: a cache
 * @generation: the engine's count of its writes
 * @data_version: the store's data version
 *
 * Forgets every feed when @generation or @data_version is not what the feeds were
 * built from; call it before reading what a feed is built from.
 **/
void
roster_calendar_cache_validate(RosterCalendarCache *self, guint64 generation, gint64 data_version)
{
	g_return_if_fail(self != NULL);

	if (generation == self->generation && data_version == self->data_version)
		return;
	g_hash_table_remove_all(self->feeds);
	self->n_bytes = 0;
	self->generation = generation;
	self->data_version = data_version;
}

/**
 * roster_calendar_cache_lookup:
 * @self: a cache
 * @key: which feed
 *
 * Returns: (transfer none) (nullable): the feed, or %NULL when it is not cached
 **/
const RosterCalendarFeed *
roster_calendar_cache_lookup(RosterCalendarCache *self, const gchar *key)
{
	g_return_val_if_fail(self != NULL, NULL);
	g_return_val_if_fail(key != NULL, NULL);
	return g_hash_table_lookup(self->feeds, key);
}

/**
 * roster_calendar_cache_insert:
 * @self: a cache
 * @key: which feed
 * @feed: (transfer full): the feed, built after the last roster_calendar_cache_validate()
 *
 * Keeps @feed under @key; other feeds are dropped while the texts would be more than
 * the cache may hold, and a feed bigger than that is not kept at all.
 **/
void
roster_calendar_cache_insert(RosterCalendarCache *self, const gchar *key, RosterCalendarFeed *feed)
{
	g_autoptr(RosterCalendarFeed) owned = feed;
	RosterCalendarFeed *old;
	GHashTableIter iter;
	gpointer value;
	gsize bytes;

	g_return_if_fail(self != NULL);
	g_return_if_fail(key != NULL);
	g_return_if_fail(feed != NULL);

	bytes = feed_bytes(feed);
	if (bytes > self->max_bytes)
		return;
	old = g_hash_table_lookup(self->feeds, key);
	if (old != NULL) {
		self->n_bytes -= feed_bytes(old);
		g_hash_table_remove(self->feeds, key);
	}
	/* no order is kept: the feeds a program polls come back soon enough */
	g_hash_table_iter_init(&iter, self->feeds);
	while (self->n_bytes + bytes > self->max_bytes &&
	       g_hash_table_iter_next(&iter, NULL, &value)) {
		self->n_bytes -= feed_bytes(value);
		g_hash_table_iter_remove(&iter);
	}
	self->n_bytes += bytes;
	g_hash_table_insert(self->feeds, g_strdup(key), g_steal_pointer(&owned));
}

/**
 * roster_calendar_cache_get_size:
 * @self: a cache
 *
 * Returns: how many feeds the cache holds
 **/
guint
roster_calendar_cache_get_size(RosterCalendarCache *self)
{
	g_return_val_if_fail(self != NULL, 0);
	return g_hash_table_size(self->feeds);
}
