/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_RECORDS_PAGE (roster_records_page_get_type())
G_DECLARE_FINAL_TYPE(RosterRecordsPage, roster_records_page, ROSTER, RECORDS_PAGE, RosterPage)

void
roster_records_page_set_client(RosterRecordsPage *self, RosterClient *client);
void
roster_records_page_reload(RosterRecordsPage *self);
void
roster_records_page_set_date(RosterRecordsPage *self, const gchar *date);
gboolean
roster_records_page_get_busy(RosterRecordsPage *self);

void
roster_records_page_add_training(RosterRecordsPage *self);
void
roster_records_page_add_rating(RosterRecordsPage *self);
GListModel *
roster_records_page_get_training_model(RosterRecordsPage *self);
GListModel *
roster_records_page_get_ratings_model(RosterRecordsPage *self);
GListModel *
roster_records_page_get_candidates_model(RosterRecordsPage *self);

G_END_DECLS
