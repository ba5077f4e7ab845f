/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* a page's lists loaded together, counted as one call of the page */

#include "roster-item-list.h"
#include "roster-page.h"

G_BEGIN_DECLS

/* called when the lists have loaded (or failed, which the page has shown) */
typedef void (*RosterPageLoadedFunc)(RosterPage *self);

void
roster_page_load_lists(RosterPage *self,
		       RosterItemList *const *lists,
		       guint n_lists,
		       RosterPageLoadedFunc loaded);

G_END_DECLS
