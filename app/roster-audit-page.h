/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the audit viewer: who changed what and when, between two days */

#pragma once

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_AUDIT_PAGE (roster_audit_page_get_type())
G_DECLARE_FINAL_TYPE(RosterAuditPage, roster_audit_page, ROSTER, AUDIT_PAGE, RosterPage)

GtkWidget *
roster_audit_page_new(void);
void
roster_audit_page_set_range(RosterAuditPage *self, const GDate *from, const GDate *to);
guint
roster_audit_page_get_n_entries(RosterAuditPage *self);

G_END_DECLS
