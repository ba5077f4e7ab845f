/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <adwaita.h>

#include "roster-page.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_PUBLISH_PAGE (roster_publish_page_get_type())
G_DECLARE_FINAL_TYPE(RosterPublishPage, roster_publish_page, ROSTER, PUBLISH_PAGE, RosterPage)

void
roster_publish_page_set_client(RosterPublishPage *self, RosterClient *client);
void
roster_publish_page_reload(RosterPublishPage *self);
void
roster_publish_page_publish(RosterPublishPage *self, gboolean confirm);
gboolean
roster_publish_page_get_busy(RosterPublishPage *self);
gint64
roster_publish_page_get_roster_id(RosterPublishPage *self);
void
roster_publish_page_select_roster(RosterPublishPage *self, gint64 roster_id);
guint
roster_publish_page_get_n_changes(RosterPublishPage *self);
void
roster_publish_page_get_warnings(RosterPublishPage *self,
				 guint *n_crisis_seats,
				 guint *n_broken_rules);

G_END_DECLS
