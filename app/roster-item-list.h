/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-client-records.h"
#include "roster-item.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_ITEM_LIST (roster_item_list_get_type())
G_DECLARE_FINAL_TYPE(RosterItemList, roster_item_list, ROSTER, ITEM_LIST, GObject)

/* makes the subtitle of a item when the list loads it */
typedef gchar *(*RosterItemDescribeFunc)(RosterItem *item);

RosterItemList *
roster_item_list_new(RosterClient *client, const gchar *path);
RosterItemList *
roster_item_list_new_for(RosterClient *client, RosterResource resource, guint limit);
void
roster_item_list_set_path(RosterItemList *self, const gchar *path);
const gchar *
roster_item_list_get_path(RosterItemList *self);
void
roster_item_list_set_describe_func(RosterItemList *self, RosterItemDescribeFunc func);
gboolean
roster_item_list_get_loading(RosterItemList *self);
guint
roster_item_list_get_total(RosterItemList *self);
RosterItem *
roster_item_list_find_by_id(RosterItemList *self, gint64 id);

void
roster_item_list_reload_async(RosterItemList *self,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data);
gboolean
roster_item_list_reload_finish(RosterItemList *self, GAsyncResult *result, GError **error);

void
roster_item_list_reload_all_async(RosterItemList *const *lists,
				  guint n_lists,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data);
gboolean
roster_item_list_reload_all_finish(GAsyncResult *result, GError **error);

gchar *
roster_volunteer_describe(RosterItem *item);
gchar *
roster_seat_class_describe(RosterItem *item);
gchar *
roster_availability_describe(RosterItem *item);

G_END_DECLS
