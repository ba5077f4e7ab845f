/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what the parts of the duty rota share: the line's duty settings and the plan of a
 * roster's blocks (their times and who may hold each) */

#pragma once

#include "roster-calendar.h"
#include "roster-engine-private.h"
#include "roster-hotline-model.h"
#include "roster-json-keys-duty.h"
#include "roster-json-keys.h"
#include "roster-solver-duty.h"
#include "roster-store-duty.h"
#include "roster-store-hours.h"

G_BEGIN_DECLS

typedef struct {
	/* whether the line keeps a duty rota at all (its settings were saved) */
	gboolean enabled;
	/* 12 or 24 */
	gint block_hours;
	gint sla_minutes;
	/* a volunteer with this skill is eligible besides the experts */
	gchar *skill;
	gint n_backups;
	/* rest after a block whose duty was activated, before the next block */
	gint rest_minutes;
} RosterDutySettings;

void
roster_duty_settings_clear(RosterDutySettings *settings);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RosterDutySettings, roster_duty_settings_clear)
gboolean
roster_duty_settings_load(RosterStore *store, RosterDutySettings *settings, GError **error);
JsonNode *
roster_duty_settings_to_node(const RosterDutySettings *settings);

/* why people could not hold a block, counted over the eligible experts */
typedef struct {
	guint eligible;
	guint no_reach;
	guint too_slow;
	guint unavailable;
	guint on_seat;
	guint resting;
	guint at_limit;
} RosterDutyWhy;

/* a roster's blocks: model minutes from the midnight of the period's first day, the
 * operational day each lies in, the eligible experts (volunteer indices of the hotline)
 * and the problem the solver gets */
typedef struct {
	const RosterHotlineModel *model;
	RosterDutySettings settings;
	GArray *starts;	 /* gint64 */
	GArray *days;	 /* guint */
	GArray *experts; /* guint, index into hotline->volunteers */
	RosterDutyProblem *problem;
	RosterDutyWhy *why;
	/* n_blocks * n_experts: the first hard rule keeping each expert off each block */
	guint8 *rules;
} RosterDutyPlan;

void
roster_duty_plan_clear(RosterDutyPlan *plan);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RosterDutyPlan, roster_duty_plan_clear)
/* the blocks the hotline needs and who may hold each, with @assignments on the seats */
gboolean
roster_duty_plan_build(RosterDutyPlan *plan,
		       RosterStore *store,
		       const RosterHotlineModel *model,
		       GPtrArray *assignments,
		       GError **error);
/* a local "YYYY-MM-DDTHH:MM" as its julian day and minutes */
gboolean
roster_duty_parse_local(const gchar *text, guint32 *julian, gint *minutes);
/* "YYYY-MM-DDTHH:MM" of a time in model minutes */
gchar *
roster_duty_plan_dup_time(const RosterDutyPlan *plan, gint64 minutes);
/* the block index starting at local time @starts, or -1 */
gint
roster_duty_plan_find_block(const RosterDutyPlan *plan, const gchar *starts);
/* the person index of a volunteer among the experts, or -1 */
gint
roster_duty_plan_find_expert(const RosterDutyPlan *plan, gint64 volunteer_id);
gint64
roster_duty_plan_get_volunteer_id(const RosterDutyPlan *plan, guint person);
/* the code of the hard rule that keeps expert @person off @block ("duty-on-seat"…),
 * or NULL when none does */
const gchar *
roster_duty_plan_get_rule(const RosterDutyPlan *plan, guint block, guint person);
/* the explanation of an uncovered block, as stored in its reason */
gchar *
roster_duty_plan_dup_reason(const RosterDutyPlan *plan, guint block);

/* roster-engine-duty.c: ROSTER_ERROR_INVALID_DATA about @field, always FALSE; and a
 * body's members checked against the @known ones */
gboolean
roster_duty_refuse(GError **error, const gchar *field, const gchar *message);
gboolean
roster_duty_check_members(JsonObject *obj, const gchar *const *known, GError **error);

/* roster-engine-duty-solve.c: the draft's blocks solved again, inside the caller's
 * transaction (the one that writes the solved seats) */
gboolean
roster_engine_duty_write_draft(RosterEngine *self,
			       gint64 roster_id,
			       const RosterHotlineModel *model,
			       GError **error);
/* the blocks of the draft nobody holds, or whose primary a rule now bars, added to the
 * roster's explanation list */
gboolean
roster_engine_duty_add_explanations(RosterEngine *self,
				    gint64 roster_id,
				    const RosterHotlineModel *model,
				    JsonNode *list,
				    GError **error);

/* roster-engine-duty-calendar.c: the published blocks @volunteer_id holds as events of
 * a personal feed (RosterCalendarEvent) */
gboolean
roster_duty_add_feed_events(RosterEngine *self,
			    gint64 volunteer_id,
			    const gchar *line,
			    GPtrArray *events,
			    GError **error);

G_END_DECLS
