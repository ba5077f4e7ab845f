/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* what the coordinator's queues (requests, service hours) share: the buttons of a
 * row and the question before approving or declining, with a reason the volunteer
 * will read */

#include <adwaita.h>

#include "roster-item.h"

G_BEGIN_DECLS

/* called with the reason typed (maybe empty) when the coordinator confirms */
typedef void (*RosterReasonFunc)(GObject *owner, gint64 id, const gchar *reason);

void
roster_queue_ask_reason(GtkWidget *owner,
			const gchar *heading,
			const gchar *body,
			const gchar *confirm_label,
			gboolean destructive,
			gint64 id,
			RosterReasonFunc func);

/* adds a button to @row that calls @callback (a "clicked" handler with @owner as its
 * data); the button carries @item, read back with roster_queue_button_get_item() */
void
roster_queue_add_button(AdwActionRow *row,
			GObject *owner,
			RosterItem *item,
			const gchar *label,
			const gchar *css_class,
			GCallback callback);
RosterItem *
roster_queue_button_get_item(GtkButton *button);

G_END_DECLS
