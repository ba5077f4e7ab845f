/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-item-list.h"

G_BEGIN_DECLS

/**
 * RosterExplanationCategory:
 * @ROSTER_EXPLANATION_GAP: a seat nobody fills
 * @ROSTER_EXPLANATION_BROKEN_RULE: a hard rule broken, by an override or a hand edit
 * @ROSTER_EXPLANATION_SOFT_RULE: a wish or a soft rule the roster does not keep
 * @ROSTER_EXPLANATION_IDLE_VOLUNTEER: a volunteer with no shift, and why
 *
 * The groups the explanation list can be filtered by.
 */
typedef enum {
	ROSTER_EXPLANATION_GAP,
	ROSTER_EXPLANATION_BROKEN_RULE,
	ROSTER_EXPLANATION_SOFT_RULE,
	ROSTER_EXPLANATION_IDLE_VOLUNTEER,
} RosterExplanationCategory;

#define ROSTER_TYPE_EXPLANATION (roster_explanation_get_type())
G_DECLARE_FINAL_TYPE(RosterExplanation, roster_explanation, ROSTER, EXPLANATION, GObject)

RosterExplanation *
roster_explanation_new(JsonObject *item, RosterItemList *seat_classes, RosterItemList *volunteers);
JsonObject *
roster_explanation_get_object(RosterExplanation *self);
RosterExplanationCategory
roster_explanation_get_category(RosterExplanation *self);
const gchar *
roster_explanation_get_date(RosterExplanation *self);
const gchar *
roster_explanation_get_slot(RosterExplanation *self);
gint64
roster_explanation_get_seat_class_id(RosterExplanation *self);
gint64
roster_explanation_get_volunteer_id(RosterExplanation *self);
gint64
roster_explanation_get_assignment_id(RosterExplanation *self);
guint
roster_explanation_get_n_missing(RosterExplanation *self);
const gchar *
roster_explanation_get_title(RosterExplanation *self);
const gchar *
roster_explanation_get_subtitle(RosterExplanation *self);
const gchar *
roster_explanation_get_detail(RosterExplanation *self);

const gchar *
roster_explanation_code_to_label(const gchar *code, const gchar *kind);
const gchar *
roster_explanation_reason_to_label(const gchar *reason);

G_END_DECLS
