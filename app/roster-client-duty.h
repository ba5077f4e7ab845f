/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the typed calls of the duty rota API the app reads: a roster's duty blocks */

#pragma once

#include "roster-client.h"

G_BEGIN_DECLS

void
roster_client_list_duty_blocks_async(RosterClient *self,
				     gint64 roster_id,
				     GCancellable *cancellable,
				     GAsyncReadyCallback callback,
				     gpointer user_data);
JsonArray *
roster_client_list_duty_blocks_finish(RosterClient *self, GAsyncResult *result, GError **error);
void
roster_client_set_duty_primary_async(RosterClient *self,
				     gint64 roster_id,
				     gint64 block_id,
				     gint64 primary_id,
				     GArray *backup_ids,
				     GCancellable *cancellable,
				     GAsyncReadyCallback callback,
				     gpointer user_data);

G_END_DECLS
