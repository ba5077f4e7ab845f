/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_REQUESTS_PAGE (roster_requests_page_get_type())
G_DECLARE_FINAL_TYPE(RosterRequestsPage, roster_requests_page, ROSTER, REQUESTS_PAGE, RosterPage)

/* how many requests wait for a coordinator (accepted) in the list shown */
guint
roster_requests_page_get_n_waiting(RosterRequestsPage *self);
/* approves or declines request @id with @reason, as the dialog's confirmation does */
void
roster_requests_page_decide(RosterRequestsPage *self,
			    gint64 id,
			    gboolean approve,
			    const gchar *reason);

G_END_DECLS
