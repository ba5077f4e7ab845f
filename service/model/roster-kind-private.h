/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-kind.h"

G_BEGIN_DECLS

/* the format checks of roster-kind-checks.c that the field tables of roster-kind.c
 * name; each is a RosterFieldCheckFunc */

gboolean
roster_kind_check_code_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_colour_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_counsellor_no_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_date_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_email_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_end_time_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_language_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_mode_item_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_override_item_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_phone_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_skill_item_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_time_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_time_zone_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_username_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_weekday_item_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_window_item_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_hours_item_cb(JsonNode *value, GError **error);
gboolean
roster_kind_check_rule_weekday_item_cb(JsonNode *value, GError **error);

G_END_DECLS
