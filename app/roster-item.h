/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-stars.h"

G_BEGIN_DECLS

#define ROSTER_TYPE_ITEM (roster_item_get_type())
G_DECLARE_FINAL_TYPE(RosterItem, roster_item, ROSTER, ITEM, GObject)

RosterItem *
roster_item_new(JsonObject *object);
JsonObject *
roster_item_get_object(RosterItem *self);
gint64
roster_item_get_id(RosterItem *self);
gint64
roster_item_get_revision(RosterItem *self);
const gchar *
roster_item_get_string(RosterItem *self, const gchar *key);
gint64
roster_item_get_int(RosterItem *self, const gchar *key, gint64 default_value);
gdouble
roster_item_get_double(RosterItem *self, const gchar *key, gdouble default_value);
gboolean
roster_item_get_boolean(RosterItem *self, const gchar *key, gboolean default_value);
const gchar *
roster_item_get_title(RosterItem *self);
const gchar *
roster_item_get_code(RosterItem *self);
const gchar *
roster_item_get_tier(RosterItem *self);
const gchar *
roster_item_get_colour(RosterItem *self);
const gchar *
roster_item_get_subtitle(RosterItem *self);
void
roster_item_set_subtitle(RosterItem *self, const gchar *subtitle);

const gchar *
roster_tier_to_label(const gchar *tier);
const gchar *
roster_mode_to_label(const gchar *mode);
const gchar *
roster_role_to_label(const gchar *role);
const gchar *
roster_availability_kind_to_label(const gchar *kind);
const gchar *
roster_weekday_to_label(gint64 weekday);

gchar *
roster_stars_dup_label(guint stars);

G_END_DECLS
