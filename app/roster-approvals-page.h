/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_APPROVALS_PAGE (roster_approvals_page_get_type())
G_DECLARE_FINAL_TYPE(RosterApprovalsPage, roster_approvals_page, ROSTER, APPROVALS_PAGE, RosterPage)

/* how many service logs wait for approval in the list shown */
guint
roster_approvals_page_get_n_pending(RosterApprovalsPage *self);

G_END_DECLS
