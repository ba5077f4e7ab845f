/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-solver-model.h"

G_BEGIN_DECLS

/* the per-person hard limits; a hotline volunteer carries the same set */
typedef struct {
	guint min_minutes;
	guint max_minutes;
	guint min_work;
	guint max_work;
	guint min_off;
	guint max_weekends;
} RosterSolverPerson;

/*
 * the hotline extras (roster-solver-model-hotline.c): NULL in a model that uses none;
 * allocated whole by the first hotline setter, after the model is sealed
 */
typedef struct {
	guint8 *forbid_cell; /* n_people * n_days * n_types: hard, may not work it */
	gint16 *fixed;	     /* n_people * n_days: the kept type, or -2 for none */
	guint n_weeks;
	guint *day_week;	 /* n_days: the week index of each day */
	guint *week_max_minutes; /* n_people */
	gint *type_pair_group;	 /* n_types: the group a trainee needs a mentor in, or -1 */
	guint n_pair_groups;
	guint8 *pair_role;	 /* n_people: 0 none, 1 trainee, 2 mentor */
	guint8 *type_night;	 /* n_types */
	guint8 *day_weekend;	 /* n_days */
	guint night_weight;	 /* soft: weight * square of each person's nights */
	guint weekend_weight;	 /* soft: weight * square of each person's weekend shifts */
	guint *min_shifts;	 /* n_people: soft minimum number of shifts */
	guint *max_nights;	 /* n_people: hard maximum of night shifts */
	guint min_shifts_weight; /* per missing shift */
} RosterSolverHotline;

#define ROSTER_SOLVER_FIXED_NONE (-2)

void
roster_solver_hotline_free(RosterSolverHotline *self);

/*
 * the dense layout the constraints and the search read in their inner loops;
 * value index v is 0 for off and 1 + shift type otherwise
 */
struct _RosterSolverModel {
	guint n_days;
	guint n_types;
	guint n_people;
	gboolean sealed;
	GPtrArray *type_ids;
	GArray *type_start;  /* guint */
	GArray *type_length; /* guint, minutes */
	GByteArray *forbid;  /* n_types * n_types, [s * n_types + next] */
	GPtrArray *person_ids;
	GArray *people;		 /* RosterSolverPerson */
	GArray *max_shifts;	 /* guint, n_people * n_types */
	guint8 *day_off;	 /* n_people * n_days */
	guint *cover_req;	 /* n_days * n_types */
	guint *cover_under;	 /* n_days * n_types */
	guint *cover_over;	 /* n_days * n_types */
	guint *cover_min;	 /* n_days * n_types: seats kept before any gets another */
	guint *cover_min_weight; /* n_days * n_types: per seat below cover_min */
	guint8 *cover_spread;	 /* n_days * n_types: the k-th missing seat costs k times */
	gint16 *req_on_type;	 /* n_people * n_days, the requested type or -1 */
	guint *req_on_weight;	 /* n_people * n_days */
	guint *req_off_weight;	 /* n_people * n_days * n_types */
	gint *unary;		 /* n_people * n_days * (n_types + 1): request cost of value v */
	RosterSolverHotline *hotline;
};

static inline const RosterSolverPerson *
roster_solver_model_person(const RosterSolverModel *m, guint p)
{
	return &g_array_index(m->people, RosterSolverPerson, p);
}

static inline guint
roster_solver_model_type_length(const RosterSolverModel *m, gint s)
{
	return s < 0 ? 0 : g_array_index(m->type_length, guint, s);
}

static inline guint
roster_solver_model_max_shifts(const RosterSolverModel *m, guint p, guint s)
{
	return g_array_index(m->max_shifts, guint, p * m->n_types + s);
}

static inline gboolean
roster_solver_model_forbidden(const RosterSolverModel *m, gint s, gint next)
{
	if (s < 0 || next < 0)
		return FALSE;
	return m->forbid->data[s * m->n_types + next] != 0;
}

/*
 * the cover penalty of one (day, shift type) is convex piecewise linear in the
 * shortfall: the j-th missing seat (counted from the requirement down) costs the
 * under-cover weight, or j times it when the cell spreads its gap (capped at the
 * minimum's weight), and each seat below the minimum costs the minimum's weight (at
 * least the under-cover one); a cell with neither is linear, as in the benchmark
 */
static inline gboolean
roster_solver_model_cover_shaped(const RosterSolverModel *m, guint idx)
{
	return m->cover_min[idx] > 0 || m->cover_spread[idx] != 0;
}

/* the cost of the j-th missing seat of (day, shift type) idx, j from 1 */
static inline gint64
roster_solver_model_cover_piece(const RosterSolverModel *m, guint idx, guint j)
{
	guint req = m->cover_req[idx];
	guint above = req - MIN(m->cover_min[idx], req);
	gint64 under = m->cover_under[idx];
	gint64 floor_weight = MAX(under, (gint64)m->cover_min_weight[idx]);
	if (j > above)
		return floor_weight;
	if (m->cover_spread[idx] == 0)
		return under;
	return MIN(under * j, floor_weight);
}

/* the cover penalty of count assigned to (day, shift type) */
static inline gint64
roster_solver_model_cover_cost(const RosterSolverModel *m, guint idx, guint count)
{
	guint req = m->cover_req[idx];
	gint64 cost = 0;
	if (count >= req)
		return (gint64)(count - req) * m->cover_over[idx];
	if (!roster_solver_model_cover_shaped(m, idx))
		return (gint64)(req - count) * m->cover_under[idx];
	for (guint j = 1; j <= req - count; j++)
		cost += roster_solver_model_cover_piece(m, idx, j);
	return cost;
}

/* allocates the dense per-day arrays: no shift type or person may be added after this */
void
roster_solver_model_seal(RosterSolverModel *self);

G_END_DECLS
