/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the notifier's worker: a thread of the daemon with its own store on the database file;
 * it claims the next due message (marked sending), sends it, and marks it sent, pending
 * again after an exponential backoff, or failed after the last attempt */

#include "config.h"

#include <curl/curl.h>

#include "roster-engine-notify.h"

/* how often the worker looks for new messages when nobody wakes it */
#define POLL_SECONDS 1

struct _RosterNotifier {
	gchar *database_path;
	/* the worker's own connection, opened before the thread starts so that a daemon
	 * that answers requests holds every descriptor it will hold */
	RosterStore *store;
	GThread *thread;
	GMutex mutex;
	GCond cond;
	gboolean stopping;
	gboolean woken;
};

/**
 * roster_notifier_new:
 * @database_path: the daemon's database file
 *
 * Returns: (transfer full): a notifier, not started
 */
RosterNotifier *
roster_notifier_new(const gchar *database_path)
{
	RosterNotifier *self = g_new0(RosterNotifier, 1);

	self->database_path = g_strdup(database_path);
	g_mutex_init(&self->mutex);
	g_cond_init(&self->cond);
	return self;
}

/* sleeps until @deadline (monotonic), a wake-up or the stop; returns FALSE when stopping */
static gboolean
wait_until(RosterNotifier *self, gint64 deadline)
{
	gboolean stopping;

	g_mutex_lock(&self->mutex);
	while (!self->stopping && !self->woken) {
		if (!g_cond_wait_until(&self->cond, &self->mutex, deadline))
			break;
	}
	self->woken = FALSE;
	stopping = self->stopping;
	g_mutex_unlock(&self->mutex);
	return !stopping;
}

static gboolean
is_stopping(RosterNotifier *self)
{
	gboolean stopping;

	g_mutex_lock(&self->mutex);
	stopping = self->stopping;
	g_mutex_unlock(&self->mutex);
	return stopping;
}

static gint64
backoff(const RosterNotifySettings *settings, gint64 attempts)
{
	gint64 wait = settings->backoff_seconds;

	for (gint64 i = 1; i < attempts && wait < 86400; i++)
		wait *= 2;
	return MIN(wait, 86400);
}

/* one attempt at @m, claimed and marked sending */
static void
attempt(RosterStore *store, const RosterNotifySettings *settings, RosterOutboxMessage *m)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GError) send_error = NULL;
	g_autofree gchar *sent = NULL;
	gint64 now = roster_notify_now();
	gint64 until = roster_notify_settings_quiet_until(settings, now);
	gboolean ok;

	/* quiet hours hold everything but the alerts; the attempt is not counted */
	if (until > now && !roster_notify_kind_is_alert(m->kind)) {
		ok = roster_store_outbox_finish(store,
						m->id,
						ROSTER_OUTBOX_STATE_PENDING,
						m->attempts - 1,
						until,
						m->last_error,
						NULL,
						&error);
	} else if (roster_notify_send(settings, m, &send_error)) {
		g_autoptr(GDateTime) dt = g_date_time_new_now_utc();
		sent = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%SZ");
		g_info("message %" G_GINT64_FORMAT " sent by %s", m->id, m->transport);
		ok = roster_store_outbox_finish(store,
						m->id,
						ROSTER_OUTBOX_STATE_SENT,
						m->attempts,
						now,
						NULL,
						sent,
						&error);
	} else {
		gboolean last = m->attempts >= settings->max_attempts;
		/* the reason names the server's answer, never a secret */
		g_message("message %" G_GINT64_FORMAT " attempt %" G_GINT64_FORMAT " failed: %s",
			  m->id,
			  m->attempts,
			  send_error->message);
		ok = roster_store_outbox_finish(store,
						m->id,
						last ? ROSTER_OUTBOX_STATE_FAILED
						     : ROSTER_OUTBOX_STATE_PENDING,
						m->attempts,
						now + backoff(settings, m->attempts),
						send_error->message,
						NULL,
						&error);
	}
	if (!ok)
		g_warning("cannot record message %" G_GINT64_FORMAT ": %s", m->id, error->message);
}

/* sends every due message; returns FALSE when stopping */
static gboolean
send_due(RosterNotifier *self, RosterStore *store)
{
	while (!is_stopping(self)) {
		g_autoptr(GError) error = NULL;
		g_autoptr(RosterNotifySettings) settings =
		    roster_notify_settings_load(store, &error);
		g_autoptr(RosterOutboxMessage) m = NULL;
		gint64 now = roster_notify_now();
		gint64 due = G_MAXINT64;

		/* a read first: the claim takes the write lock only when a message is due */
		if (settings != NULL && roster_store_outbox_next_due(store, &due, &error) &&
		    due <= now)
			m = roster_store_outbox_claim(store, now, &error);
		if (error != NULL) {
			g_warning("the notifier cannot read the outbox: %s", error->message);
			return TRUE;
		}
		if (m == NULL)
			return TRUE;
		attempt(store, settings, m);
	}
	return FALSE;
}

static gpointer
worker_cb(gpointer user_data)
{
	RosterNotifier *self = user_data;

	do {
		if (!send_due(self, self->store))
			break;
	} while (wait_until(self, g_get_monotonic_time() + POLL_SECONDS * G_USEC_PER_SEC));
	return NULL;
}

/**
 * roster_notifier_start:
 * @self: a notifier
 * @error: (nullable): return location for a #GError
 *
 * Starts the worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
roster_notifier_start(RosterNotifier *self, GError **error)
{
	if (self->thread != NULL)
		return TRUE;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "cannot initialise libcurl");
		return FALSE;
	}
	self->store = roster_store_new(self->database_path);
	if (!roster_store_open(self->store, error)) {
		g_prefix_error(error, "the notifier cannot open %s: ", self->database_path);
		g_clear_object(&self->store);
		curl_global_cleanup();
		return FALSE;
	}
	self->thread = g_thread_try_new("roster-notifier", worker_cb, self, error);
	if (self->thread == NULL) {
		g_clear_object(&self->store);
		curl_global_cleanup();
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_notifier_wake:
 * @self: a notifier
 *
 * Makes the worker look for due messages now.
 */
void
roster_notifier_wake(RosterNotifier *self)
{
	g_mutex_lock(&self->mutex);
	self->woken = TRUE;
	g_cond_signal(&self->cond);
	g_mutex_unlock(&self->mutex);
}

/**
 * roster_notifier_free:
 * @self: (nullable): a notifier
 *
 * Stops the worker after the message it is sending, if any, and frees @self; a message
 * it did not reach stays in the outbox for the next start.
 */
void
roster_notifier_free(RosterNotifier *self)
{
	if (self == NULL)
		return;
	if (self->thread != NULL) {
		g_mutex_lock(&self->mutex);
		self->stopping = TRUE;
		g_cond_signal(&self->cond);
		g_mutex_unlock(&self->mutex);
		g_thread_join(self->thread);
		curl_global_cleanup();
	}
	g_clear_object(&self->store);
	g_mutex_clear(&self->mutex);
	g_cond_clear(&self->cond);
	g_free(self->database_path);
	g_free(self);
}
