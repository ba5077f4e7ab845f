/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-item.h"

G_BEGIN_DECLS

/* called with the row's item when its edit or delete button is clicked */
typedef void (*RosterRowActionFunc)(gpointer self, RosterItem *item);

void
roster_row_add_edit_delete(AdwActionRow *row,
			   RosterItem *item,
			   const gchar *css_prefix,
			   RosterRowActionFunc edit_func,
			   RosterRowActionFunc delete_func,
			   gpointer self);

void
roster_row_set_placeholder(GtkListBox *list, const gchar *text);

G_END_DECLS
