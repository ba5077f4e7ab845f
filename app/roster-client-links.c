/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the daemon's own pages as a browser opens them: its address without the API's path */

#include "config.h"

#include <string.h>

#include "roster-client-links.h"

/**
 * roster_client_dup_site_url:
 * @client: a #RosterClient
 * @path: a path on the daemon, starting with `/`, e.g. `/my/`
 *
 * Returns: (transfer full): the address of @path on the daemon @client talks to
 *
 * Since: 0.4
 */
gchar *
roster_client_dup_site_url(RosterClient *client, const gchar *path)
{
	g_autofree gchar *base = NULL;
	gsize len;

	g_return_val_if_fail(ROSTER_IS_CLIENT(client), NULL);
	base = g_strdup(roster_client_get_base_url(client));
	len = strlen(base);
	while (len > 0 && base[len - 1] == '/')
		base[--len] = '\0';
	if (g_str_has_suffix(base, "/api/v1"))
		base[len - strlen("/api/v1")] = '\0';
	return g_strconcat(base, path, NULL);
}
