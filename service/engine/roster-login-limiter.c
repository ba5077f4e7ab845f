/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-login-limiter.h"

/* a key longer than this cannot be an account name or an address; cut it so an
 * attacker cannot make entries big */
#define MAX_KEY_LENGTH	    128
#define DEFAULT_MAX_ENTRIES 4096

typedef struct {
	/* failures since the counter was last reset */
	guint failures;
	/* attempts started and not finished yet */
	guint pending;
	gint64 last_failure;
	gint64 locked_until;
} Entry;

struct _RosterLoginLimiter {
	GObject parent_instance;
	GHashTable *entries; /* (owned) gchar* key -> (owned) Entry* */
	guint threshold;
	gint64 base_delay;
	gint64 max_delay;
	gint64 window;
	guint max_entries;
};

G_DEFINE_FINAL_TYPE(RosterLoginLimiter, roster_login_limiter, G_TYPE_OBJECT)

static gchar *
dup_key(const gchar *key)
{
	return g_strndup(key, MAX_KEY_LENGTH);
}

static Entry *
lookup(RosterLoginLimiter *self, const gchar *key)
{
	g_autofree gchar *cut = dup_key(key);
	return g_hash_table_lookup(self->entries, cut);
}

/* an entry that no longer holds anything back: forgotten failures, no lock, nobody
 * waiting on it */
static gboolean
entry_is_stale(RosterLoginLimiter *self, Entry *entry, gint64 now)
{
	return entry->pending == 0 && entry->locked_until <= now &&
	       (entry->failures == 0 || now - entry->last_failure > self->window);
}

/* when the table is full: drop stale entries, then the unlocked entry whose last
 * failure is oldest, then the entry whose lock ends first; never one in flight */
static void
prune(RosterLoginLimiter *self, gint64 now)
{
	GHashTableIter iter;
	gpointer key;
	gpointer value;
	const gchar *victim = NULL;
	Entry *victim_entry = NULL;

	g_hash_table_iter_init(&iter, self->entries);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		if (entry_is_stale(self, value, now))
			g_hash_table_iter_remove(&iter);
	}
	if (g_hash_table_size(self->entries) < self->max_entries)
		return;
	g_hash_table_iter_init(&iter, self->entries);
	while (g_hash_table_iter_next(&iter, &key, &value)) {
		Entry *entry = value;
		gboolean locked = entry->locked_until > now;
		gboolean victim_locked;

		if (entry->pending > 0)
			continue;
		if (victim_entry == NULL) {
			victim = key;
			victim_entry = entry;
			continue;
		}
		victim_locked = victim_entry->locked_until > now;
		if ((!locked && victim_locked) ||
		    (!locked && !victim_locked &&
		     entry->last_failure < victim_entry->last_failure) ||
		    (locked && victim_locked && entry->locked_until < victim_entry->locked_until)) {
			victim = key;
			victim_entry = entry;
		}
	}
	if (victim != NULL)
		g_hash_table_remove(self->entries, victim);
}

static Entry *
ensure_entry(RosterLoginLimiter *self, const gchar *key, gint64 now)
{
	Entry *entry = lookup(self, key);

	if (entry != NULL)
		return entry;
	if (g_hash_table_size(self->entries) >= self->max_entries)
		prune(self, now);
	entry = g_new0(Entry, 1);
	g_hash_table_insert(self->entries, dup_key(key), entry);
	return entry;
}

/* whole seconds, rounded up, so a client that waits that long is let in */
static gint64
seconds_until(gint64 now, gint64 until)
{
	return MAX((until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 1);
}

/**
 * roster_login_limiter_new:
 * @threshold: failures in a row after which a key is locked
 * @base_delay: the first lock, in microseconds; each further failure doubles it
 * @max_delay: the longest lock, in microseconds
 * @window: how long without a failure before a key's failures are forgotten,
 *   in microseconds
 *
 * Returns: (transfer full): a limiter
 *
 * Since: 0.1
 **/
RosterLoginLimiter *
roster_login_limiter_new(guint threshold, gint64 base_delay, gint64 max_delay, gint64 window)
{
	RosterLoginLimiter *self = g_object_new(ROSTER_TYPE_LOGIN_LIMITER, NULL);

	self->threshold = MAX(threshold, 1);
	self->base_delay = MAX(base_delay, 1);
	self->max_delay = MAX(max_delay, self->base_delay);
	self->window = MAX(window, 1);
	return self;
}

/**
 * roster_login_limiter_set_base_delay:
 * @self: a #RosterLoginLimiter
 * @base_delay: the first lock, in microseconds
 *
 * Since: 0.1
 **/
void
roster_login_limiter_set_base_delay(RosterLoginLimiter *self, gint64 base_delay)
{
	g_return_if_fail(ROSTER_IS_LOGIN_LIMITER(self));
	self->base_delay = MAX(base_delay, 1);
	self->max_delay = MAX(self->max_delay, self->base_delay);
}

gint64
roster_login_limiter_get_base_delay(RosterLoginLimiter *self)
{
	g_return_val_if_fail(ROSTER_IS_LOGIN_LIMITER(self), 0);
	return self->base_delay;
}

/**
 * roster_login_limiter_set_max_entries:
 * @self: a #RosterLoginLimiter
 * @max_entries: how many keys to remember at most (default 4096)
 *
 * Since: 0.1
 **/
void
roster_login_limiter_set_max_entries(RosterLoginLimiter *self, guint max_entries)
{
	g_return_if_fail(ROSTER_IS_LOGIN_LIMITER(self));
	self->max_entries = MAX(max_entries, 1);
}

/**
 * roster_login_limiter_get_n_entries:
 * @self: a #RosterLoginLimiter
 *
 * Returns: how many keys are remembered now
 *
 * Since: 0.1
 **/
guint
roster_login_limiter_get_n_entries(RosterLoginLimiter *self)
{
	g_return_val_if_fail(ROSTER_IS_LOGIN_LIMITER(self), 0);
	return g_hash_table_size(self->entries);
}

/**
 * roster_login_limiter_begin:
 * @self: a #RosterLoginLimiter
 * @key: an account name or a client address
 * @now: the monotonic time in microseconds
 * @retry_after: (out): when refused, the seconds to wait
 *
 * Starts an attempt for @key. It is refused while @key is locked, and also while
 * the attempts in flight could take @key past the threshold (or, past it, while
 * one is in flight), so that parallel requests cannot try more passwords than
 * sequential ones. An allowed attempt must
 * be ended with roster_login_limiter_succeed(), roster_login_limiter_fail() or
 * roster_login_limiter_cancel().
 *
 * Returns: %TRUE when the attempt may go on
 *
 * Since: 0.1
 **/
gboolean
roster_login_limiter_begin(RosterLoginLimiter *self,
			   const gchar *key,
			   gint64 now,
			   gint64 *retry_after)
{
	Entry *entry;

	g_return_val_if_fail(ROSTER_IS_LOGIN_LIMITER(self), FALSE);
	g_return_val_if_fail(key != NULL, FALSE);
	g_return_val_if_fail(retry_after != NULL, FALSE);

	*retry_after = 0;
	entry = ensure_entry(self, key, now);
	if (entry->locked_until <= now && entry->failures > 0 &&
	    now - entry->last_failure > self->window)
		entry->failures = 0;
	if (entry->locked_until > now) {
		*retry_after = seconds_until(now, entry->locked_until);
		return FALSE;
	}
	/* below the threshold, only as many attempts in flight as failures are left;
	 * past it (a lock has run out), one at a time */
	if (entry->pending >= MAX(self->threshold - MIN(entry->failures, self->threshold), 1)) {
		*retry_after = 1;
		return FALSE;
	}
	entry->pending++;
	return TRUE;
}

static Entry *
end_attempt(RosterLoginLimiter *self, const gchar *key)
{
	Entry *entry = lookup(self, key);

	if (entry != NULL && entry->pending > 0)
		entry->pending--;
	return entry;
}

/* a key with nothing to remember takes no room */
static void
drop_if_empty(RosterLoginLimiter *self, const gchar *key, Entry *entry)
{
	g_autofree gchar *cut = NULL;

	if (entry == NULL || entry->pending > 0 || entry->failures > 0)
		return;
	cut = dup_key(key);
	g_hash_table_remove(self->entries, cut);
}

/**
 * roster_login_limiter_cancel:
 * @self: a #RosterLoginLimiter
 * @key: the key of an allowed attempt
 *
 * Ends an attempt that neither failed nor succeeded (an internal error).
 *
 * Since: 0.1
 **/
void
roster_login_limiter_cancel(RosterLoginLimiter *self, const gchar *key)
{
	g_return_if_fail(ROSTER_IS_LOGIN_LIMITER(self));
	g_return_if_fail(key != NULL);
	drop_if_empty(self, key, end_attempt(self, key));
}

/**
 * roster_login_limiter_succeed:
 * @self: a #RosterLoginLimiter
 * @key: the key of an allowed attempt
 * @reset: whether a success forgets the key's failures (an account) or not (an
 *   address, where one valid account must not clear the way for guessing others)
 *
 * Since: 0.1
 **/
void
roster_login_limiter_succeed(RosterLoginLimiter *self, const gchar *key, gboolean reset)
{
	Entry *entry;

	g_return_if_fail(ROSTER_IS_LOGIN_LIMITER(self));
	g_return_if_fail(key != NULL);

	entry = end_attempt(self, key);
	if (entry == NULL)
		return;
	if (reset) {
		entry->failures = 0;
		entry->locked_until = 0;
	}
	drop_if_empty(self, key, entry);
}

/**
 * roster_login_limiter_fail:
 * @self: a #RosterLoginLimiter
 * @key: the key of an allowed attempt
 * @now: the monotonic time in microseconds
 *
 * Counts a failure. From the threshold on, each failure locks @key for the base
 * delay doubled once per failure past the threshold, up to the longest delay.
 *
 * Returns: the lock this failure started, in microseconds, or 0 when @key is not
 *   locked
 *
 * Since: 0.1
 **/
gint64
roster_login_limiter_fail(RosterLoginLimiter *self, const gchar *key, gint64 now)
{
	Entry *entry;
	gint64 delay;
	guint doublings;

	g_return_val_if_fail(ROSTER_IS_LOGIN_LIMITER(self), 0);
	g_return_val_if_fail(key != NULL, 0);

	entry = end_attempt(self, key);
	if (entry == NULL)
		entry = ensure_entry(self, key, now);
	if (entry->failures > 0 && now - entry->last_failure > self->window)
		entry->failures = 0;
	entry->failures++;
	entry->last_failure = now;
	if (entry->failures < self->threshold)
		return 0;
	doublings = MIN(entry->failures - self->threshold, 40);
	delay = self->base_delay;
	while (doublings-- > 0 && delay < self->max_delay)
		delay *= 2;
	delay = MIN(delay, self->max_delay);
	entry->locked_until = now + delay;
	return delay;
}

static void
roster_login_limiter_finalize(GObject *object)
{
	RosterLoginLimiter *self = ROSTER_LOGIN_LIMITER(object);

	g_hash_table_unref(self->entries);
	G_OBJECT_CLASS(roster_login_limiter_parent_class)->finalize(object);
}

static void
roster_login_limiter_class_init(RosterLoginLimiterClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->finalize = roster_login_limiter_finalize;
}

static void
roster_login_limiter_init(RosterLoginLimiter *self)
{
	self->entries = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	self->max_entries = DEFAULT_MAX_ENTRIES;
	self->threshold = 5;
	self->base_delay = G_USEC_PER_SEC;
	self->max_delay = (gint64)15 * 60 * G_USEC_PER_SEC;
	self->window = (gint64)60 * 60 * G_USEC_PER_SEC;
}
