/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_VOLUNTEERS_PAGE (roster_volunteers_page_get_type())
G_DECLARE_FINAL_TYPE(RosterVolunteersPage,
		     roster_volunteers_page,
		     ROSTER,
		     VOLUNTEERS_PAGE,
		     RosterPage)

void
roster_volunteers_page_set_client(RosterVolunteersPage *self, RosterClient *client);
void
roster_volunteers_page_reload(RosterVolunteersPage *self);
GListModel *
roster_volunteers_page_get_model(RosterVolunteersPage *self);
void
roster_volunteers_page_select(RosterVolunteersPage *self, guint position);
void
roster_volunteers_page_new_volunteer(RosterVolunteersPage *self);
void
roster_volunteers_page_save(RosterVolunteersPage *self);
void
roster_volunteers_page_import_file(RosterVolunteersPage *self, GFile *file);
gboolean
roster_volunteers_page_get_importing(RosterVolunteersPage *self);
const gchar *
roster_volunteers_page_get_calendar_url(RosterVolunteersPage *self);
void
roster_volunteers_page_show_volunteer(RosterVolunteersPage *self, gint64 volunteer_id);
void
roster_volunteers_page_set_search(RosterVolunteersPage *self, const gchar *text);
void
roster_volunteers_page_save_availability(RosterVolunteersPage *self);
GListModel *
roster_volunteers_page_get_availability_model(RosterVolunteersPage *self);
gboolean
roster_volunteers_page_get_availability_busy(RosterVolunteersPage *self);

G_END_DECLS
