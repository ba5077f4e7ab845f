/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean
roster_token_store_is_available(void);

void
roster_token_store_save_async(const gchar *server,
			      const gchar *username,
			      const gchar *token,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data);
gboolean
roster_token_store_save_finish(GAsyncResult *result, GError **error);

void
roster_token_store_lookup_async(const gchar *server,
				const gchar *username,
				GCancellable *cancellable,
				GAsyncReadyCallback callback,
				gpointer user_data);
gchar *
roster_token_store_lookup_finish(GAsyncResult *result, GError **error);

void
roster_token_store_clear_async(const gchar *server,
			       const gchar *username,
			       GCancellable *cancellable,
			       GAsyncReadyCallback callback,
			       gpointer user_data);
gboolean
roster_token_store_clear_finish(GAsyncResult *result, GError **error);

G_END_DECLS
