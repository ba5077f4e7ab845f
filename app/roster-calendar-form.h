/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the service calendar's form in the seats view: the night window, the weekly manned
 * windows and the dated overrides (add, edit, remove), saved with PATCH */

#pragma once

#include <adwaita.h>

#include "roster-item.h"
#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_CALENDAR_FORM (roster_calendar_form_get_type())
G_DECLARE_FINAL_TYPE(RosterCalendarForm, roster_calendar_form, ROSTER, CALENDAR_FORM, GObject)

RosterCalendarForm *
roster_calendar_form_new(RosterPage *page, AdwPreferencesPage *preferences);
void
roster_calendar_form_set_calendar(RosterCalendarForm *self, RosterItem *calendar);
void
roster_calendar_form_save(RosterCalendarForm *self);
void
roster_calendar_form_save_override(RosterCalendarForm *self);
void
roster_calendar_form_remove_override(RosterCalendarForm *self, guint index);
guint
roster_calendar_form_get_n_overrides(RosterCalendarForm *self);
const gchar *
roster_calendar_form_get_error(RosterCalendarForm *self);

G_END_DECLS
