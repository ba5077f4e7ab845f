/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty expert's rota: who holds each on-call block and who backs them up */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* a person the blocks may take without limit */
#define ROSTER_DUTY_NO_LIMIT (-1)

/*
 * The duty problem as plain data, filled by the caller: which person may hold which
 * block (every hard rule already applied: eligible, available, fast enough, on no
 * conflicting seat, rested), each person's response time, limit and the blocks the
 * person already holds in the month, and a cost for blocks a person would rather not
 * have.
 */
typedef struct {
	guint n_blocks;
	guint n_people;
	/* backups wanted per block */
	guint n_backups;
	/* n_blocks * n_people: whether person p may hold block b (b * n_people + p) */
	guint8 *allowed;
	/* n_blocks * n_people: extra cost of person p on block b (an avoided time), or NULL */
	guint *cost;
	/* per person: response time in minutes, the most blocks, blocks already held */
	gint *response_minutes;
	gint *max_blocks;
	guint *held;
} RosterDutyProblem;

/* per block the primary (person index or -1 when nobody may hold it) and the ordered
 * backups (n_backups per block, -1 where there are fewer candidates) */
typedef struct {
	guint n_blocks;
	guint n_backups;
	gint *primary;
	gint *backups;
	/* blocks without a primary */
	guint n_uncovered;
	/* the sum of the fairness and preference costs of the primaries */
	gint64 cost;
} RosterDutySolution;

RosterDutyProblem *
roster_duty_problem_new(guint n_blocks, guint n_people, guint n_backups);
void
roster_duty_problem_free(RosterDutyProblem *self);
void
roster_duty_problem_allow(RosterDutyProblem *self, guint block, guint person, gboolean allowed);
gboolean
roster_duty_problem_is_allowed(const RosterDutyProblem *self, guint block, guint person);
RosterDutySolution *
roster_duty_solve(const RosterDutyProblem *problem);
void
roster_duty_solution_free(RosterDutySolution *self);
gint
roster_duty_solution_get_backup(const RosterDutySolution *self, guint block, guint rank);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterDutyProblem, roster_duty_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterDutySolution, roster_duty_solution_free)

G_END_DECLS
