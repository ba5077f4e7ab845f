/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "roster-client.h"
#include "roster-roster.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_SEAT (roster_seat_get_type())
G_DECLARE_FINAL_TYPE(RosterSeat, roster_seat, ROSTER, SEAT, GtkButton)

RosterSeat *
roster_seat_new_assignment(const RosterAssignment *assignment,
			   RosterItem *volunteer,
			   RosterItem *seat_class);
RosterSeat *
roster_seat_new_gap(const RosterCell *cell, RosterItem *seat_class, const gchar *reason);
const RosterCell *
roster_seat_get_cell(RosterSeat *self);
gint64
roster_seat_get_assignment_id(RosterSeat *self);
void
roster_seat_popup(RosterSeat *self,
		  RosterClient *client,
		  gint64 roster_id,
		  GCancellable *cancellable);

void
roster_seat_drop_popovers(GtkWidget *widget);
GtkWidget *
roster_seat_new_label(const gchar *text, const gchar *css_class);

G_END_DECLS
