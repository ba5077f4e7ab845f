/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model-private.h"

G_BEGIN_DECLS

/* hard amounts (days, shifts, hours) and the soft objective of a roster or a change */
typedef struct {
	gint64 hard;
	gint64 soft;
} RosterCost;

/*
 * a candidate change: new values for days lo..hi of one or two people; the moves of the
 * search (one day, a swap, a block swap, a whole line) are all of this shape
 */
typedef struct {
	guint n_lines;
	guint person[2];
	guint lo;
	guint hi;
	const gint16 *vals[2];
} RosterMove;

/*
 * one kind of constraint with its own incremental scoring; a new kind is a new file
 * with one of these plus a line in roster-solver-constraint.c
 *
 * state_new: private caches (counts) for one search, or NULL when none are needed
 * reset: recompute the caches and the full cost from cells
 * delta: the change of cost if move were applied; cells still hold the old roster
 * apply: update the caches for move; called before cells change
 */
typedef struct {
	const gchar *name;
	gpointer (*state_new)(const RosterSolverModel *m);
	void (*state_free)(gpointer state);
	void (*reset)(gpointer state,
		      const RosterSolverModel *m,
		      const gint16 *cells,
		      RosterCost *cost);
	void (*delta)(gpointer state,
		      const RosterSolverModel *m,
		      const gint16 *cells,
		      const RosterMove *move,
		      RosterCost *delta);
	void (*apply)(gpointer state,
		      const RosterSolverModel *m,
		      const gint16 *cells,
		      const RosterMove *move);
} RosterConstraintClass;

/* the value of (line i of move, day d) after the move */
static inline gint
roster_move_value(const RosterMove *move, const gint16 *cells, guint n_days, guint i, guint d)
{
	if (d >= move->lo && d <= move->hi)
		return move->vals[i][d - move->lo];
	return cells[(gsize)move->person[i] * n_days + d];
}

extern const RosterConstraintClass roster_constraint_cover;
const guint *
roster_constraint_cover_counts(gconstpointer state);
extern const RosterConstraintClass roster_constraint_requests;
extern const RosterConstraintClass roster_constraint_shift_limits;
extern const RosterConstraintClass roster_constraint_minutes;
extern const RosterConstraintClass roster_constraint_consecutive;
extern const RosterConstraintClass roster_constraint_weekends;
extern const RosterConstraintClass roster_constraint_days_off;
extern const RosterConstraintClass roster_constraint_successions;
/* hotline extras: no-ops in a model without them */
extern const RosterConstraintClass roster_constraint_forbidden;
extern const RosterConstraintClass roster_constraint_weekly;
extern const RosterConstraintClass roster_constraint_pairing;
extern const RosterConstraintClass roster_constraint_fairness;
extern const RosterConstraintClass roster_constraint_min_shifts;
extern const RosterConstraintClass roster_constraint_nights;

/* 1 when shift type @s (or -1 for a day off) is a night shift of a hotline model */
static inline gint
roster_type_is_night(const RosterSolverModel *m, gint s)
{
	return s >= 0 && m->hotline->type_night[s] ? 1 : 0;
}

/* the state of a hotline constraint that keeps counts per person: up to two arrays of
 * n_people counters (one spare), or NULL in a model without hotline extras */
typedef struct {
	gint64 *counts[2];
} RosterPersonCounts;

gpointer
roster_person_counts_new(const RosterSolverModel *m, guint n_counts);
void
roster_person_counts_free(gpointer state);

/* every constraint kind the search scores, NULL-terminated */
const RosterConstraintClass *const *
roster_constraint_get_all(void);

G_END_DECLS
