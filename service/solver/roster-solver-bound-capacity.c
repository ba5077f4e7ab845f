/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>

#include "roster-solver-bound-private.h"
#include "roster-solver-bound.h"
#include "roster-solver-lp.h"

/*
 * a lower bound on the cover penalty from what the staff can work at all, for a model
 * without hotline extras. A linear program over counts: x[p, s, k], how many shifts of
 * type s person p works on days of kind k (weekdays, days of a weekend), at most the
 * days of that kind on which p may work s; per person, at most the type's maximum, at
 * most as many days as the runs allow (work runs of at most max_work days, each but
 * the last followed by at least min_off days off: max_work (H + min_off) / (max_work +
 * min_off)), weekend days at most twice the weekends allowed, minutes between the
 * person's least and most. The seats of each (type, kind) are pooled: a pool's empty
 * seats cost at least its cheapest cell's first empty seat each, its extra ones its
 * cheapest extra seat each, which no roster undercuts (each cell's penalty is convex,
 * and a pool's empty seats are at least its seats less its shifts worked). Requests
 * cost at least zero. A roster gives a solution of the program of the same or lower
 * cost, so its optimum bounds every roster's objective.
 *
 * On a long horizon whose staff cannot cover every seat (the benchmark's loose year of
 * 50 people: 885 of 10,561 seats), this proves most of the objective at once, where the
 * relaxation over whole lines is too slow to price; on a tight one it is zero.
 */

/* the two kinds of day: a weekday, and a day of a whole weekend (day 0 is a Monday) */
#define N_KINDS 2

static guint
day_kind(const RosterSolverModel *m, guint d)
{
	guint sat = d - d % 7 + 5;
	return d % 7 >= 5 && sat + 1 < m->n_days ? 1 : 0;
}

/* the most days p can work: runs of at most max_work days, min_off days off between */
static guint
run_days(const RosterSolverModel *m, guint p)
{
	const RosterSolverPerson *pp = roster_solver_model_person(m, p);
	guint64 work = MIN(pp->max_work, m->n_days);
	guint64 off = MAX(pp->min_off, 1);

	if (work == 0)
		return 0;
	return (guint)MIN(work * (m->n_days + off) / (work + off), m->n_days);
}

/* the rows: per person its days, its weekend days, its minutes and each type's
 * maximum, from row 1; then a row per pool */
#define ROW_DAYS    0
#define ROW_WEEKEND 1
#define ROW_MINUTES 2
#define ROW_TYPES   3

typedef struct {
	RosterLp *lp;
	guint per;   /* rows a person */
	guint pools; /* the first pool's row */
} Program;

static gint
person_row(const Program *prog, guint p, guint which)
{
	return (gint)(1 + p * prog->per + which);
}

/* row i reads "at most" its value: a slack of [0, hi] at no cost */
static void
at_most(Program *prog, gint row, gdouble value, gdouble hi)
{
	gint ind[2] = {0, row};
	gdouble val[2] = {0, 1};
	roster_lp_set_row(prog->lp, row, value);
	roster_lp_add_col(prog->lp, 1, ind, val, 0, hi, 0);
}

static void
add_person(Program *prog, const RosterSolverModel *m, guint p)
{
	const RosterSolverPerson *pp = roster_solver_model_person(m, p);
	guint weekend_days = 0;
	guint longest = 0;
	gdouble most;

	for (guint s = 0; s < m->n_types; s++) {
		guint len = roster_solver_model_type_length(m, (gint)s);
		guint open[N_KINDS] = {0, 0};
		guint max = MIN(roster_solver_model_max_shifts(m, p, s), m->n_days);
		for (guint d = 0; d < m->n_days; d++) {
			if (!roster_solver_bound_cell_forbidden(m, p, d, s + 1))
				open[day_kind(m, d)]++;
		}
		for (guint k = 0; k < N_KINDS; k++) {
			gint ind[6] = {0,
				       person_row(prog, p, ROW_DAYS),
				       person_row(prog, p, ROW_MINUTES),
				       person_row(prog, p, ROW_TYPES + s),
				       (gint)(prog->pools + s * N_KINDS + k),
				       person_row(prog, p, ROW_WEEKEND)};
			gdouble val[6] = {0, 1, len, 1, 1, 1};
			if (open[k] > 0)
				roster_lp_add_col(prog->lp,
						  k == 1 ? 5 : 4,
						  ind,
						  val,
						  0,
						  open[k],
						  0);
		}
		at_most(prog, person_row(prog, p, ROW_TYPES + s), max, max);
		if (open[0] + open[1] > 0)
			longest = MAX(longest, len);
	}
	for (guint d = 0; d < m->n_days; d++)
		weekend_days += day_kind(m, d);
	if (pp->max_weekends != ROSTER_SOLVER_UNLIMITED)
		weekend_days = MIN(weekend_days, 2 * pp->max_weekends);
	at_most(prog, person_row(prog, p, ROW_WEEKEND), weekend_days, weekend_days);
	at_most(prog, person_row(prog, p, ROW_DAYS), run_days(m, p), run_days(m, p));
	/* the minutes between the least and the most: the slack at most their difference */
	most = MIN((gdouble)pp->max_minutes, (gdouble)longest * m->n_days);
	at_most(prog,
		person_row(prog, p, ROW_MINUTES),
		most,
		MAX(0, most - (gdouble)pp->min_minutes));
}

/* a pool's seats, and what its cheapest empty and extra seat cost */
static void
add_pool(Program *prog, const RosterSolverModel *m, guint s, guint k)
{
	guint row = prog->pools + s * N_KINDS + k;
	guint64 seats = 0;
	gdouble under = G_MAXDOUBLE;
	gdouble over = G_MAXDOUBLE;
	gint ind[2] = {0, (gint)row};
	gdouble plus[2] = {0, 1};
	gdouble minus[2] = {0, -1};

	for (guint d = 0; d < m->n_days; d++) {
		guint i = d * m->n_types + s;
		if (day_kind(m, d) != k)
			continue;
		seats += m->cover_req[i];
		over = MIN(over, (gdouble)m->cover_over[i]);
		if (m->cover_req[i] > 0)
			under = MIN(under, (gdouble)roster_solver_model_cover_piece(m, i, 1));
	}
	roster_lp_set_row(prog->lp, (gint)row, (gdouble)seats);
	if (seats > 0)
		roster_lp_add_col(prog->lp, 1, ind, plus, 0, (gdouble)seats, under);
	roster_lp_add_col(prog->lp, 1, ind, minus, 0, G_MAXDOUBLE, over == G_MAXDOUBLE ? 0 : over);
}

/**
 * roster_solver_bound_capacity:
 * @model: a model, sealed by this call
 * @deadline: when to give up (monotonic µs)
 *
 * Returns: a lower bound on the objective of every roster of @model that keeps its
 *   hard rules, from the staff's capacity against the seats (see above); 0 when it
 *   proves nothing, for a model with hotline extras, or when the program was not solved
 *   by @deadline
 */
gdouble
roster_solver_bound_capacity(const RosterSolverModel *model, gint64 deadline)
{
	Program prog = {0};
	gdouble bound = 0;
	guint n_rows;

	g_return_val_if_fail(model != NULL, 0);

	roster_solver_model_seal((RosterSolverModel *)model);
	if (model->hotline != NULL || model->n_people == 0 || model->n_types == 0)
		return 0;
	prog.per = ROW_TYPES + model->n_types;
	prog.pools = 1 + model->n_people * prog.per;
	n_rows = prog.pools - 1 + model->n_types * N_KINDS;
	prog.lp = roster_lp_new(n_rows, FALSE);
	for (guint p = 0; p < model->n_people; p++)
		add_person(&prog, model, p);
	for (guint s = 0; s < model->n_types; s++) {
		for (guint k = 0; k < N_KINDS; k++)
			add_pool(&prog, model, s, k);
	}
	/* the objective is whole: rounded up, but not past what the simplex's tolerance
	 * may have left above a whole number */
	if (roster_lp_solve(prog.lp, FALSE, deadline)) {
		gdouble value = roster_lp_get_objective(prog.lp);
		bound = ceil(value - 1e-6 * MAX(1, fabs(value)));
	}
	/* every term of the objective is at least zero */
	if (!(bound > 0))
		bound = 0;
	roster_lp_free(prog.lp);
	return bound;
}

/**
 * roster_solver_minutes_ratio:
 * @model: a model, sealed by this call
 *
 * Returns: the most minutes the whole staff may work (each person's most, or their
 *   longest allowed shift on every day where that is less) over the minutes of all the
 *   seats; 0 for a model with hotline extras or without seats
 */
gdouble
roster_solver_minutes_ratio(const RosterSolverModel *model)
{
	gdouble most = 0;
	gdouble seats = 0;

	g_return_val_if_fail(model != NULL, 0);

	roster_solver_model_seal((RosterSolverModel *)model);
	if (model->hotline != NULL)
		return 0;
	for (guint p = 0; p < model->n_people; p++) {
		const RosterSolverPerson *pp = roster_solver_model_person(model, p);
		guint longest = 0;
		for (guint s = 0; s < model->n_types; s++) {
			if (roster_solver_model_max_shifts(model, p, s) > 0)
				longest =
				    MAX(longest, roster_solver_model_type_length(model, (gint)s));
		}
		most += MIN((gdouble)pp->max_minutes, (gdouble)longest * model->n_days);
	}
	for (guint i = 0; i < model->n_days * model->n_types; i++)
		seats += (gdouble)model->cover_req[i] *
			 roster_solver_model_type_length(model, (gint)(i % model->n_types));
	return seats > 0 ? most / seats : 0;
}
