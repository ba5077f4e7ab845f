/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* a volunteer chosen from a drop-down that searches as the user types */

#include <adwaita.h>

#include "roster-item.h"

G_BEGIN_DECLS

GtkWidget *
roster_volunteer_picker_new(const gchar *css_class);
void
roster_volunteer_picker_set_model(GtkDropDown *picker, GListModel *volunteers);
gint64
roster_volunteer_picker_get_id(GtkDropDown *picker);
AdwActionRow *
roster_volunteer_picker_row_new(const gchar *title, const gchar *css_class, GtkDropDown **picker);

G_END_DECLS
