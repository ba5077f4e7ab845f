/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the store's record of the alerts written to the coordinators (an unconfirmed crisis
 * seat, a seat left uncovered), each once, and the coordinators' addresses */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-store.h"

G_BEGIN_DECLS

/* schema step 16: an account's own e-mail address (a coordinator's account has no
 * volunteer record), and one row per alert written, keyed by roster, kind and seat */
#define ROSTER_STORE_ALERTS_SCHEMA                                                                 \
	"ALTER TABLE accounts ADD COLUMN email TEXT;"                                              \
	"CREATE TABLE alerts_sent ("                                                               \
	" roster_id INTEGER NOT NULL, kind TEXT NOT NULL, seat TEXT NOT NULL,"                     \
	" written_at INTEGER NOT NULL, PRIMARY KEY (roster_id, kind, seat)) WITHOUT ROWID;"
/* schema 17: the language of a coordinator's messages (zh-CN when NULL) */
#define ROSTER_STORE_ACCOUNT_LANGUAGE_SCHEMA                                                       \
	"ALTER TABLE accounts ADD COLUMN preferred_language TEXT;"

/* inside the caller's transaction: records the alert; *@added is FALSE when it was
 * already written */
gboolean
roster_store_alert_add(RosterStore *self,
		       gint64 roster_id,
		       const gchar *kind,
		       const gchar *seat,
		       gint64 at,
		       gboolean *added,
		       GError **error);
/* the active coordinators' accounts with an e-mail address: objects of account_id, name
 * (the user name) and email */
JsonArray *
roster_store_list_coordinators(RosterStore *self, GError **error);

G_END_DECLS
