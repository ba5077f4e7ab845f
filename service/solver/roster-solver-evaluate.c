/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "roster-solver-evaluate-private.h"
#include "roster-solver-evaluate.h"
#include "roster-solver-model-private.h"

/*
 * this file scores a roster from scratch, rule by rule as FORMAT.md states them, and
 * shares no code with the incremental constraints so that each checks the other
 */

static const gchar *
day_name(guint day)
{
	static const gchar *names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	return names[day % 7];
}

static void
add_violation(RosterSolverEvaluation *self, gint64 amount, gchar *text)
{
	self->n_violations++;
	self->hard_penalty += amount;
	g_ptr_array_add(self->violations, text);
}

static void
evaluate_person(RosterSolverEvaluation *self,
		const RosterSolverModel *m,
		const RosterSolverRoster *roster,
		guint p)
{
	const RosterSolverPerson *person = roster_solver_model_person(m, p);
	const gchar *pid = roster_solver_model_get_person_id(m, p);
	const gint16 *line = roster->cells + (gsize)p * m->n_days;
	guint H = m->n_days;
	guint64 minutes = 0;
	guint weekends = 0;
	g_autofree guint *counts = g_new0(guint, MAX(m->n_types, 1));
	guint d = 0;

	for (d = 0; d < H; d++) {
		gint s = line[d];
		if (s < 0)
			continue;
		counts[s]++;
		minutes += roster_solver_model_type_length(m, s);
		if (m->day_off[(gsize)p * H + d]) {
			add_violation(
			    self,
			    1,
			    g_strdup_printf("%s, day %u (%s): works %s on a fixed day off",
					    pid,
					    d,
					    day_name(d),
					    roster_solver_model_get_shift_type_id(m, s)));
		}
		if (d + 1 < H && roster_solver_model_forbidden(m, s, line[d + 1])) {
			add_violation(
			    self,
			    1,
			    g_strdup_printf("%s, days %u–%u: %s may not follow %s on the next day",
					    pid,
					    d,
					    d + 1,
					    roster_solver_model_get_shift_type_id(m, line[d + 1]),
					    roster_solver_model_get_shift_type_id(m, s)));
		}
	}
	for (guint s = 0; s < m->n_types; s++) {
		guint max = roster_solver_model_max_shifts(m, p, s);
		if (counts[s] > max) {
			add_violation(
			    self,
			    counts[s] - max,
			    g_strdup_printf("%s: %u %s shifts, more than the maximum of %u",
					    pid,
					    counts[s],
					    roster_solver_model_get_shift_type_id(m, s),
					    max));
		}
	}
	if (minutes > person->max_minutes) {
		add_violation(self,
			      (gint64)(minutes - person->max_minutes + 59) / 60,
			      g_strdup_printf("%s: %" G_GUINT64_FORMAT
					      " minutes, more than the maximum of %u",
					      pid,
					      minutes,
					      person->max_minutes));
	}
	if (minutes < person->min_minutes) {
		add_violation(self,
			      (gint64)(person->min_minutes - minutes + 59) / 60,
			      g_strdup_printf("%s: %" G_GUINT64_FORMAT
					      " minutes, fewer than the minimum of %u",
					      pid,
					      minutes,
					      person->min_minutes));
	}

	/* maximal runs of working days and of days off */
	d = 0;
	while (d < H) {
		gboolean work = line[d] >= 0;
		guint start = d;
		guint len;
		gboolean interior;
		while (d < H && (line[d] >= 0) == work)
			d++;
		len = d - start;
		/* runs touching either end of the horizon are exempt from the minimums */
		interior = start > 0 && d < H;
		if (work && len > person->max_work) {
			add_violation(
			    self,
			    len - person->max_work,
			    g_strdup_printf("%s, days %u–%u: %u consecutive working days, "
					    "more than the maximum of %u",
					    pid,
					    start,
					    d - 1,
					    len,
					    person->max_work));
		}
		if (work && interior && len < person->min_work) {
			add_violation(
			    self,
			    person->min_work - len,
			    g_strdup_printf("%s, days %u–%u: %u consecutive working days, "
					    "fewer than the minimum of %u",
					    pid,
					    start,
					    d - 1,
					    len,
					    person->min_work));
		}
		if (!work && interior && len < person->min_off) {
			add_violation(self,
				      person->min_off - len,
				      g_strdup_printf("%s, days %u–%u: %u consecutive days off, "
						      "fewer than the minimum of %u",
						      pid,
						      start,
						      d - 1,
						      len,
						      person->min_off));
		}
	}

	/* a weekend counts when the Saturday, the Sunday or both are worked */
	for (guint k = 0; 7 * k + 6 < H; k++) {
		if (line[7 * k + 5] >= 0 || line[7 * k + 6] >= 0)
			weekends++;
	}
	if (weekends > person->max_weekends) {
		add_violation(self,
			      weekends - person->max_weekends,
			      g_strdup_printf("%s: %u weekends worked, more than the maximum of %u",
					      pid,
					      weekends,
					      person->max_weekends));
	}

	/* requests */
	for (d = 0; d < H; d++) {
		gsize pd = (gsize)p * H + d;
		gint s = line[d];
		/* what the on-requests of the day cost: every one but the shift worked,
		 * the second of a day too when the first is met */
		gint on_cost = m->unary[pd * (m->n_types + 1) + (s + 1)] -
			       (s >= 0 ? (gint)m->req_off_weight[pd * m->n_types + s] : 0);
		if (on_cost > 0) {
			self->request_penalty += on_cost;
			if (s == m->req_on_type[pd])
				g_ptr_array_add(self->penalties,
						g_strdup_printf("%s, day %u: asked to work another "
								"shift too (weight %d)",
								pid,
								d,
								on_cost));
			else
				g_ptr_array_add(
				    self->penalties,
				    g_strdup_printf(
					"%s, day %u: asked to work %s (weight %u)",
					pid,
					d,
					roster_solver_model_get_shift_type_id(m,
									      m->req_on_type[pd]),
					m->req_on_weight[pd]));
		}
		if (s >= 0 && m->req_off_weight[pd * m->n_types + s] > 0) {
			self->request_penalty += m->req_off_weight[pd * m->n_types + s];
			g_ptr_array_add(
			    self->penalties,
			    g_strdup_printf("%s, day %u: asked not to work %s (weight %u)",
					    pid,
					    d,
					    roster_solver_model_get_shift_type_id(m, s),
					    m->req_off_weight[pd * m->n_types + s]));
		}
	}
}

/**
 * roster_solver_evaluate:
 * @model: the instance
 * @roster: a complete roster of it
 *
 * Scores a roster from scratch: every hard rule and the soft objective, each
 * violation listed in words.
 *
 * Returns: (transfer full): the evaluation
 */
RosterSolverEvaluation *
roster_solver_evaluate(const RosterSolverModel *model, const RosterSolverRoster *roster)
{
	RosterSolverEvaluation *self = g_new0(RosterSolverEvaluation, 1);
	RosterSolverModel *m = (RosterSolverModel *)model;

	g_return_val_if_fail(model != NULL && roster != NULL, self);
	g_return_val_if_fail(roster->n_people == model->n_people, self);
	g_return_val_if_fail(roster->n_days == model->n_days, self);

	roster_solver_model_seal(m);
	self->violations = g_ptr_array_new_with_free_func(g_free);
	self->penalties = g_ptr_array_new_with_free_func(g_free);
	for (guint p = 0; p < m->n_people; p++)
		evaluate_person(self, m, roster, p);
	for (guint d = 0; d < m->n_days; d++) {
		for (guint s = 0; s < m->n_types; s++) {
			guint idx = d * m->n_types + s;
			guint count = 0;
			gint64 cost;
			for (guint p = 0; p < m->n_people; p++) {
				if (roster->cells[(gsize)p * m->n_days + d] == (gint)s)
					count++;
			}
			cost = roster_solver_model_cover_cost(m, idx, count);
			if (cost == 0)
				continue;
			self->cover_penalty += cost;
			g_ptr_array_add(self->penalties,
					g_strdup_printf("day %u (%s) %s: %u assigned, %u required",
							d,
							day_name(d),
							roster_solver_model_get_shift_type_id(m, s),
							count,
							m->cover_req[idx]));
		}
	}
	roster_solver_evaluate_hotline(self, m, roster);
	self->objective = self->cover_penalty + self->request_penalty + self->hotline_penalty;
	self->feasible = self->n_violations == 0;
	return self;
}

/* the hard amount of person p's own rules (those of the benchmark's model; the
 * hotline's extra ones are scored by roster_solver_evaluate_hotline()) */
gint64
roster_solver_evaluate_person_hard(const RosterSolverModel *m,
				   const RosterSolverRoster *roster,
				   guint p)
{
	RosterSolverEvaluation ev = {0};

	ev.violations = g_ptr_array_new_with_free_func(g_free);
	ev.penalties = g_ptr_array_new_with_free_func(g_free);
	evaluate_person(&ev, m, roster, p);
	g_ptr_array_unref(ev.violations);
	g_ptr_array_unref(ev.penalties);
	return ev.hard_penalty;
}

/**
 * roster_solver_evaluation_free:
 * @self: an evaluation
 *
 * Frees the evaluation.
 */
void
roster_solver_evaluation_free(RosterSolverEvaluation *self)
{
	if (self == NULL)
		return;
	if (self->violations != NULL)
		g_ptr_array_unref(self->violations);
	if (self->penalties != NULL)
		g_ptr_array_unref(self->penalties);
	g_free(self);
}
