/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _RosterDemandWeek RosterDemandWeek;

RosterDemandWeek *
roster_demand_week_new(JsonObject *calendar, GListModel *rules);
void
roster_demand_week_free(RosterDemandWeek *self);
guint
roster_demand_week_get_n_slots(const RosterDemandWeek *self);
gchar *
roster_demand_week_dup_slot_label(const RosterDemandWeek *self, guint slot);
gboolean
roster_demand_week_get_manned(const RosterDemandWeek *self, guint weekday, guint slot);
guint
roster_demand_week_get_seats(const RosterDemandWeek *self, guint weekday, guint slot);
gint
roster_demand_parse_time(const gchar *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterDemandWeek, roster_demand_week_free)

G_END_DECLS
