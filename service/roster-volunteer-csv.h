/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"

G_BEGIN_DECLS

/* all or nothing: on any bad row returns FALSE with ROSTER_ERROR_INVALID_DATA, fills
 * @line_errors with one "line N: message" string per bad row and imports nothing */
gboolean
roster_volunteer_csv_import(RosterEngine *engine,
			    RosterPrincipal *principal,
			    const gchar *text,
			    gsize length,
			    guint *n_imported,
			    GPtrArray **line_errors,
			    GError **error);
/* the same, and after an import @warnings lists the imported volunteers who fit no
 * seat class (tier, skills, modes) */
gboolean
roster_volunteer_csv_import_full(RosterEngine *engine,
				 RosterPrincipal *principal,
				 const gchar *text,
				 gsize length,
				 guint *n_imported,
				 GPtrArray **line_errors,
				 JsonNode **warnings,
				 GError **error);
/* UTF-8 with a byte-order mark so that spreadsheet programs show Chinese */
gchar *
roster_volunteer_csv_export(RosterEngine *engine,
			    RosterPrincipal *principal,
			    gboolean chinese_headers,
			    GError **error);

G_END_DECLS
