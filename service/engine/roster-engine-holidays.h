/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-engine.h"
#include "roster-hotline.h"

G_BEGIN_DECLS

/*
 * The imported holiday calendars: a year's notice imported from a public JSON file
 * (roster-holiday-file.h), read back, and laid on a hotline's dates; a re-import
 * answers with the days of published rosters whose kind of day it changes.
 */

JsonNode *
roster_engine_import_holidays(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint year,
			      const gchar *data,
			      gsize length,
			      GError **error);
JsonNode *
roster_engine_list_holidays(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint year,
			    GError **error);
gboolean
roster_engine_load_hotline_days(RosterEngine *self, RosterHotline *h, GError **error);

G_END_DECLS
