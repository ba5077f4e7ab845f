/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the daemon's codes (rules, rating dimensions, skills) in the user's words */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const gchar *
roster_rule_lookup_label(const gchar *code);
const gchar *
roster_rule_to_label(const gchar *code);
const gchar *
roster_rule_lookup_sentence(const gchar *code);
const gchar *
roster_dimension_to_label(const gchar *dimension);
const gchar *
roster_skill_to_label(const gchar *skill);

G_END_DECLS
