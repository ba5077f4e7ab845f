/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-client.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_VOLUNTEER_IMPORT (roster_volunteer_import_get_type())
G_DECLARE_FINAL_TYPE(RosterVolunteerImport,
		     roster_volunteer_import,
		     ROSTER,
		     VOLUNTEER_IMPORT,
		     GObject)

RosterVolunteerImport *
roster_volunteer_import_new(void);
gboolean
roster_volunteer_import_parse(RosterVolunteerImport *self,
			      const gchar *text,
			      gsize length,
			      GError **error);
GPtrArray *
roster_volunteer_import_get_errors(RosterVolunteerImport *self);
void
roster_volunteer_import_run_async(RosterVolunteerImport *self,
				  RosterClient *client,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data);
gboolean
roster_volunteer_import_run_finish(RosterVolunteerImport *self,
				   GAsyncResult *result,
				   guint *n_created,
				   GError **error);

gchar *
roster_volunteer_import_dup_row_error(const gchar *row_error);
gchar *
roster_volunteer_import_dup_title(guint n_created);

G_END_DECLS
