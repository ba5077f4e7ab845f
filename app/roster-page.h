/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "roster-client.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_PAGE (roster_page_get_type())
G_DECLARE_DERIVABLE_TYPE(RosterPage, roster_page, ROSTER, PAGE, GtkWidget)

/**
 * RosterPageClass:
 * @parent_class: the parent class
 * @reload: loads what the page shows; called only with a client
 * @client_changed: the page's client was replaced (its lists point at the old one)
 * @shown_to: whether the window shows the page to the account of a client; a page
 *   without it is shown to every role but volunteers
 *
 * The seams of a page of the window.
 */
struct _RosterPageClass {
	GtkWidgetClass parent_class;
	void (*reload)(RosterPage *self);
	void (*client_changed)(RosterPage *self);
	gboolean (*shown_to)(RosterPage *self, RosterClient *client);
	gpointer padding[5];
};

void
roster_page_set_client(RosterPage *self, RosterClient *client);
RosterClient *
roster_page_get_client(RosterPage *self);
GCancellable *
roster_page_get_cancellable(RosterPage *self);
void
roster_page_reload(RosterPage *self);
void
roster_page_call(RosterPage *self,
		 const gchar *method,
		 const gchar *path,
		 JsonNode *body,
		 GAsyncReadyCallback callback);
gboolean
roster_page_get_busy(RosterPage *self);
void
roster_page_hold(RosterPage *self);
void
roster_page_release(RosterPage *self);
void
roster_page_show_toast(RosterPage *self, const gchar *message);
gboolean
roster_page_show_error(RosterPage *self, const GError *error);
gboolean
roster_page_is_shown_to(RosterPage *self, RosterClient *client);

G_END_DECLS
