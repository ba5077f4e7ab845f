/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the accounts editor (admins only) with the volunteers' sign-in links */

#pragma once

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_ACCOUNTS_PAGE (roster_accounts_page_get_type())
G_DECLARE_FINAL_TYPE(RosterAccountsPage, roster_accounts_page, ROSTER, ACCOUNTS_PAGE, RosterPage)

GtkWidget *
roster_accounts_page_new(void);
void
roster_accounts_page_save(RosterAccountsPage *self);
const gchar *
roster_accounts_page_get_link(RosterAccountsPage *self);

G_END_DECLS
