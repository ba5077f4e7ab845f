/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_REPORTS_PAGE (roster_reports_page_get_type())
G_DECLARE_FINAL_TYPE(RosterReportsPage, roster_reports_page, ROSTER, REPORTS_PAGE, RosterPage)

void
roster_reports_page_set_client(RosterReportsPage *self, RosterClient *client);
void
roster_reports_page_reload(RosterReportsPage *self);
gboolean
roster_reports_page_get_busy(RosterReportsPage *self);
GListModel *
roster_reports_page_get_model(RosterReportsPage *self);

void
roster_reports_page_set_range(RosterReportsPage *self, const gchar *from, const gchar *to);
gchar *
roster_reports_page_dup_stars_text(RosterReportsPage *self, gint64 volunteer_id);

G_END_DECLS
