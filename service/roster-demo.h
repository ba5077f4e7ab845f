/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"

G_BEGIN_DECLS

gboolean
roster_demo_seed(RosterEngine *engine, guint32 seed, GError **error);
gboolean
roster_demo_seed_accounts(RosterEngine *engine, const gchar *password, GError **error);
gboolean
roster_demo_seed_scale(RosterEngine *engine, const gchar *scale, guint32 seed, GError **error);

gboolean
roster_demo_seed_mail(RosterEngine *engine,
		      const gchar *server,
		      const gchar *public_url,
		      GError **error);

G_END_DECLS
