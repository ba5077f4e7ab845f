/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the record settings editor: pre-job training hours and promotion rules */

#pragma once

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_RECORD_SETTINGS_PAGE (roster_record_settings_page_get_type())
G_DECLARE_FINAL_TYPE(RosterRecordSettingsPage,
		     roster_record_settings_page,
		     ROSTER,
		     RECORD_SETTINGS_PAGE,
		     RosterPage)

GtkWidget *
roster_record_settings_page_new(void);
void
roster_record_settings_page_save(RosterRecordSettingsPage *self);

G_END_DECLS
