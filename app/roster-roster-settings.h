/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a roster's settings as the app edits them: the team rotation, the weights with their
 * words, the changes a PATCH sends, and the name a roster is shown by */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * RosterRotationKind:
 * @ROSTER_ROTATION_NONE: no team rotation
 * @ROSTER_ROTATION_WEEKDAYS: teams bound to weekdays
 * @ROSTER_ROTATION_SLOTS: teams bound to slots of every day
 * @ROSTER_ROTATION_CYCLE: teams take turns by the week of an N-week cycle
 *
 * How a rotation binds teams, one kind per roster as the app edits it.
 */
typedef enum {
	ROSTER_ROTATION_NONE,
	ROSTER_ROTATION_WEEKDAYS,
	ROSTER_ROTATION_SLOTS,
	ROSTER_ROTATION_CYCLE,
} RosterRotationKind;

/**
 * RosterRotationRule:
 * @team_id: the team
 * @weekdays: bit w for weekday w (1 Monday … 7 Sunday)
 * @slots: (nullable): slot starts as typed, "HH:MM, HH:MM"; for a cycle, the slots of
 *   the team's week (none: every slot)
 * @cycle_week: the team's week of the cycle, 1 … cycle_weeks; 0 for none
 *
 * What one team holds.
 */
typedef struct {
	gint64 team_id;
	guint weekdays;
	gchar *slots;
	guint cycle_week;
} RosterRotationRule;

/**
 * RosterRotation:
 * @kind: how teams are bound
 * @hard: a hard rule (never broken by a solve) or a soft one
 * @weight: what each shift outside a soft rotation costs; -1 for the default
 * @cycle_weeks: the length of the cycle in weeks
 * @rules: (element-type RosterRotationRule): the teams' rules
 *
 * A roster's team rotation.
 */
typedef struct {
	RosterRotationKind kind;
	gboolean hard;
	gint64 weight;
	guint cycle_weeks;
	GPtrArray *rules;
} RosterRotation;

RosterRotation *
roster_rotation_new(void);
void
roster_rotation_free(RosterRotation *rotation);
RosterRotationRule *
roster_rotation_add_rule(RosterRotation *rotation, gint64 team_id);
RosterRotationRule *
roster_rotation_find_rule(RosterRotation *rotation, gint64 team_id);
RosterRotation *
roster_rotation_new_from_settings(JsonObject *settings);
JsonNode *
roster_rotation_to_node(const RosterRotation *rotation);

/**
 * RosterSettingField:
 * @key: the member of the settings
 * @label: its name for the coordinator (untranslated, pass through gettext)
 * @description: one sentence on what it does (untranslated)
 *
 * A number setting of a roster as the app shows it.
 */
typedef struct {
	const gchar *key;
	const gchar *label;
	const gchar *description;
} RosterSettingField;

const RosterSettingField *
roster_roster_settings_get_fields(guint *n_fields);
JsonObject *
roster_roster_settings_dup_changes(JsonObject *stored, JsonObject *wanted);

gchar *
roster_roster_dup_period_text(const gchar *period_start, const gchar *period_end);
gchar *
roster_roster_dup_display_name(const gchar *name,
			       const gchar *period_start,
			       const gchar *period_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterRotation, roster_rotation_free)

G_END_DECLS
