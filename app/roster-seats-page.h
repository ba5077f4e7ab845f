/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-calendar-form.h"
#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_SEATS_PAGE (roster_seats_page_get_type())
G_DECLARE_FINAL_TYPE(RosterSeatsPage, roster_seats_page, ROSTER, SEATS_PAGE, RosterPage)

void
roster_seats_page_set_client(RosterSeatsPage *self, RosterClient *client);
void
roster_seats_page_reload(RosterSeatsPage *self);
gboolean
roster_seats_page_get_busy(RosterSeatsPage *self);
GListModel *
roster_seats_page_get_classes_model(RosterSeatsPage *self);
GListModel *
roster_seats_page_get_rules_model(RosterSeatsPage *self);
const gchar *
roster_seats_page_get_preview_text(RosterSeatsPage *self, guint weekday, guint slot);
void
roster_seats_page_save_class(RosterSeatsPage *self);
void
roster_seats_page_save_rule(RosterSeatsPage *self);
RosterCalendarForm *
roster_seats_page_get_calendar_form(RosterSeatsPage *self);

G_END_DECLS
