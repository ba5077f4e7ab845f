/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* what the coordinator's queues (requests, service hours) share: a row, its buttons and
 * the question before approving or declining, with a reason the volunteer will read */

#include <adwaita.h>

#include "roster-item.h"

G_BEGIN_DECLS

/* called with the reason typed (maybe empty) when the coordinator confirms */
typedef void (*RosterDecideFunc)(GObject *owner, gint64 id, gboolean approve, const gchar *reason);
/* the words that name @item in the question: who and what (owned) */
typedef gchar *(*RosterSummaryFunc)(GObject *owner, RosterItem *item);

/**
 * RosterQueueDecision:
 * @approve_heading: the question before approving
 * @decline_heading: the question before declining
 * @css_prefix: names the buttons: `PREFIX-approve`, `PREFIX-decline`
 * @summary: what the question names
 * @decide: called on confirmation
 *
 * How one queue approves and declines its rows; a static table of the page.
 */
typedef struct {
	const gchar *approve_heading;
	const gchar *decline_heading;
	const gchar *css_prefix;
	RosterSummaryFunc summary;
	RosterDecideFunc decide;
} RosterQueueDecision;

GtkWidget *
roster_queue_row_new(const gchar *title, const gchar *subtitle, const gchar *css_class);

/* adds a button to @row that calls @callback (a "clicked" handler with @owner as its
 * data); the button carries @item, read back with roster_queue_button_get_item() */
GtkWidget *
roster_queue_add_button(AdwActionRow *row,
			GObject *owner,
			RosterItem *item,
			const gchar *label,
			const gchar *css_class,
			GCallback callback);
RosterItem *
roster_queue_button_get_item(GtkButton *button);
void
roster_queue_add_decision(AdwActionRow *row,
			  GObject *owner,
			  RosterItem *item,
			  const RosterQueueDecision *decision,
			  gboolean can_decline,
			  gboolean can_approve);

G_END_DECLS
