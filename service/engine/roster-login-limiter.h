/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * RosterLoginLimiter counts failed logins per key (an account name, or a client
 * address) in memory and refuses further attempts for growing delays once a key has
 * failed too often. It is only used on the main thread; times are monotonic
 * microseconds (g_get_monotonic_time) passed in by the caller so tests can step them.
 */

#define ROSTER_TYPE_LOGIN_LIMITER (roster_login_limiter_get_type())
G_DECLARE_FINAL_TYPE(RosterLoginLimiter, roster_login_limiter, ROSTER, LOGIN_LIMITER, GObject)

RosterLoginLimiter *
roster_login_limiter_new(guint threshold, gint64 base_delay, gint64 max_delay, gint64 window);
void
roster_login_limiter_set_base_delay(RosterLoginLimiter *self, gint64 base_delay);
gint64
roster_login_limiter_get_base_delay(RosterLoginLimiter *self);
void
roster_login_limiter_set_max_entries(RosterLoginLimiter *self, guint max_entries);
guint
roster_login_limiter_get_n_entries(RosterLoginLimiter *self);
gboolean
roster_login_limiter_begin(RosterLoginLimiter *self,
			   const gchar *key,
			   gint64 now,
			   gint64 *retry_after);
void
roster_login_limiter_cancel(RosterLoginLimiter *self, const gchar *key);
void
roster_login_limiter_succeed(RosterLoginLimiter *self, const gchar *key, gboolean reset);
gint64
roster_login_limiter_fail(RosterLoginLimiter *self, const gchar *key, gint64 now);

G_END_DECLS
