/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-evaluate-private.h"
#include "roster-solver-search-private.h"

/*
 * feasible first: a roster that breaks a hard rule is repaired by exact means. Every
 * hard rule of the benchmark belongs to one person, and a line the DP returns keeps
 * all of that person's rules, so each person who breaks one gets their line re-planned
 * by the DP against everybody else's cover: the whole line when its DP is small
 * enough, else windows of days swept over the horizon (each exact given the days
 * around it), first of four weeks, then longer. Counts the days outside a window
 * already exceed (weekends, minutes, shifts of a type, work on a fixed day off) are
 * first shed by taking days off, so that the windows can put the line right.
 */

static gint64
person_hard(Worker *w, guint p)
{
	const RosterSolverModel *m = w->shared->m;
	RosterSolverRoster roster = {m->n_people, m->n_days, w->st->cells};
	return roster_solver_evaluate_person_hard(m, &roster, p);
}

/* sets p's line to vals, whatever it costs */
static void
put_line(Worker *w, guint p, const gint16 *vals)
{
	guint H = w->shared->m->n_days;
	RosterMove move = {1, {p, 0}, 0, H - 1, {vals, NULL}};
	RosterCost delta = roster_search_state_delta(w->st, &move);
	roster_search_apply_move(w, &move, delta);
}

/* the minutes p's line lacks of the person's minimum */
static guint64
minutes_short(Worker *w, guint p)
{
	const RosterSolverModel *m = w->shared->m;
	const RosterSolverPerson *pp = roster_solver_model_person(m, p);
	const gint16 *line = w->st->cells + (gsize)p * m->n_days;
	guint64 minutes = 0;
	for (guint d = 0; d < m->n_days; d++)
		minutes += roster_solver_model_type_length(m, line[d]);
	return minutes < pp->min_minutes ? pp->min_minutes - minutes : 0;
}

/* days first..last of p's line re-planned by the DP, the line allowed to stay slack
 * minutes below the minimum; kept when fewer hard rules break */
static gboolean
repair_window_slack(Worker *w, guint p, guint first, guint last, guint64 slack)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	const gint16 *current = w->st->cells + (gsize)p * H;
	RosterMove move = {1, {p, 0}, first, last, {w->line + first, NULL}};
	RosterCost delta;
	gint64 dp_cost = 0;
	gboolean found;

	w->repair_dps++;
	roster_search_build_prices(w, p, 0);
	roster_line_dp_set_partial(w->dp, ROSTER_LINE_WHOLE);
	roster_line_dp_set_min_slack(w->dp, slack);
	found = roster_line_dp_solve_window(w->dp,
					    p,
					    current,
					    first,
					    last,
					    w->price,
					    w->line,
					    &dp_cost);
	roster_line_dp_set_min_slack(w->dp, 0);
	if (!found)
		return FALSE;
	delta = roster_search_state_delta(w->st, &move);
	if (delta.hard >= 0)
		return FALSE;
	roster_search_apply_move(w, &move, delta);
	return TRUE;
}

/* a window re-planned to keep all of p's rules, or failing that to lift the line by
 * up to half a shift per day of the window towards its minimum minutes (with
 * @fractions, failing that by a half or a quarter of that, where the rest of the line
 * leaves the window less room), or failing that to mend the other rules alone: a line
 * far below its minimum gets there window after window */
static gboolean
repair_window(Worker *w, guint p, guint first, guint last, gboolean fractions)
{
	guint64 lacking = minutes_short(w, p);
	guint64 gain = (guint64)(last - first + 1) * 240;

	/* a window cannot make up much more than it lifts: the exact re-plan would
	 * only fail (a line short by many hours took two DPs a window, not one) */
	if (lacking <= gain && repair_window_slack(w, p, first, last, 0))
		return TRUE;
	if (lacking == 0)
		return FALSE;
	if (lacking > gain && repair_window_slack(w, p, first, last, lacking - gain))
		return TRUE;
	for (guint64 lift = MIN(lacking, gain) / 2; fractions && lift >= gain / 4; lift /= 2) {
		if (repair_window_slack(w, p, first, last, lacking - lift))
			return TRUE;
	}
	return repair_window_slack(w, p, first, last, lacking);
}

/* takes days off where the line exceeds a count no window can lower alone */
static void
shed_excess(Worker *w, guint p)
{
	const RosterSolverModel *m = w->shared->m;
	const RosterSolverPerson *pp = roster_solver_model_person(m, p);
	guint H = m->n_days;
	guint T = m->n_types;
	gint16 *line = w->vals[0];
	g_autofree guint *counts = g_new0(guint, T + 1);
	guint64 minutes = 0;
	guint weekends = 0;
	gboolean changed = FALSE;

	memcpy(line, w->st->cells + (gsize)p * H, sizeof(gint16) * H);
	for (guint d = 0; d < H; d++) {
		if (line[d] >= 0 && m->day_off[(gsize)p * H + d]) {
			line[d] = ROSTER_SOLVER_OFF;
			changed = TRUE;
		}
	}
	for (guint sat = 5; sat + 1 < H; sat += 7)
		weekends += line[sat] >= 0 || line[sat + 1] >= 0;
	while (weekends > pp->max_weekends) {
		guint k = rng_below(w, H / 7);
		guint sat = 7 * k + 5;
		if (line[sat] < 0 && line[sat + 1] < 0)
			continue;
		line[sat] = line[sat + 1] = ROSTER_SOLVER_OFF;
		weekends--;
		changed = TRUE;
	}
	for (guint d = 0; d < H; d++) {
		if (line[d] >= 0) {
			counts[line[d]]++;
			minutes += roster_solver_model_type_length(m, line[d]);
		}
	}
	for (guint tries = 0; tries < 64 * H; tries++) {
		guint d = rng_below(w, H);
		gint s = line[d];
		if (s < 0)
			continue;
		if (minutes <= pp->max_minutes &&
		    counts[s] <= roster_solver_model_max_shifts(m, p, (guint)s))
			continue;
		line[d] = ROSTER_SOLVER_OFF;
		counts[s]--;
		minutes -= roster_solver_model_type_length(m, s);
		changed = TRUE;
	}
	if (changed)
		put_line(w, p, line);
}

/* whether a small change in days first..last of p's line breaks fewer hard rules:
 * one cell set to the shift of a day beside it, or one to three days off from a day
 * on (a run of work too short goes, and one of days off grows). A window where none
 * does seldom holds a broken rule; the incremental scores make the test cheap, a DP
 * is not */
static gboolean
window_promising(Worker *w, guint p, guint first, guint last)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	const gint16 *line = w->st->cells + (gsize)p * H;
	static const gint16 off[3] = {ROSTER_SOLVER_OFF, ROSTER_SOLVER_OFF, ROSTER_SOLVER_OFF};

	for (guint d = first; d <= last; d++) {
		gint16 beside[2] = {d > 0 ? line[d - 1] : ROSTER_SOLVER_OFF,
				    d + 1 < H ? line[d + 1] : ROSTER_SOLVER_OFF};
		for (guint i = 0; i < G_N_ELEMENTS(beside); i++) {
			RosterMove move = {1, {p, 0}, d, d, {beside + i, NULL}};
			if (beside[i] < 0 || beside[i] == line[d] || m->day_off[(gsize)p * H + d])
				continue;
			if (roster_search_state_delta(w->st, &move).hard < 0)
				return TRUE;
		}
		for (guint len = 1; len <= G_N_ELEMENTS(off) && d + len - 1 <= last; len++) {
			RosterMove move = {1, {p, 0}, d, d + len - 1, {off, NULL}};
			if (line[d + len - 1] < 0)
				break;
			if (roster_search_state_delta(w->st, &move).hard < 0)
				return TRUE;
		}
	}
	return FALSE;
}

/* one sweep of windows of len days, overlapping by half, over p's line until it
 * keeps the person's rules; only the promising windows when @targeted, lifts by
 * fractions of half a shift a day when @fractions */
static void
repair_sweep(Worker *w, guint p, guint len, gboolean targeted, gboolean fractions)
{
	guint H = w->shared->m->n_days;
	guint step = MAX(len / 2, 1);

	for (guint first = 0; first < H && !roster_search_should_stop(w); first += step) {
		guint last = MIN(first + len, H) - 1;
		/* the last window is as long as the others */
		if (!targeted || window_promising(w, p, last + 1 - len, last))
			repair_window(w, p, last + 1 - len, last, fractions);
		if (last == H - 1 || person_hard(w, p) == 0)
			break;
	}
}

/* re-plans p's line until it keeps the person's rules; TRUE when it does */
static gboolean
repair_person(Worker *w, guint p, gboolean whole)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	g_autofree gint16 *saved = g_memdup2(w->st->cells + (gsize)p * H, sizeof(gint16) * H);
	gint64 before = person_hard(w, p);

	if (whole && repair_window_slack(w, p, 0, H - 1, 0))
		return TRUE;
	shed_excess(w, p);
	/* first the windows where the broken rules are: a sweep over all of a year
	 * took 20 DPs for a single broken rule (150 people and 32 types: 38 people
	 * broke one after the construction, and their repair took 4.7 s) */
	if (person_hard(w, p) > 0)
		repair_sweep(w, p, MIN(REPAIR_WINDOW, H), TRUE, FALSE);
	for (guint len = MIN(REPAIR_WINDOW, H); person_hard(w, p) > 0;) {
		repair_sweep(w, p, len, FALSE, FALSE);
		/* a line still short after lifts of half a shift a day, where the rest
		 * of the line left no window that much room, is lifted by less (lines
		 * of a tight year stayed 300 hours short through every length) */
		if (len == MIN(REPAIR_WINDOW, H) && person_hard(w, p) > 0 &&
		    minutes_short(w, p) > 0)
			repair_sweep(w, p, len, FALSE, TRUE);
		/* a window as long as the horizon costs as much as the whole line */
		if (roster_search_should_stop(w) || len == H || (!whole && len >= REPAIR_LONGEST))
			break;
		len = MIN(2 * len, H);
	}
	if (person_hard(w, p) > before) {
		put_line(w, p, saved);
		return FALSE;
	}
	return person_hard(w, p) == 0;
}

/**
 * roster_search_repair:
 * @w: a search thread
 *
 * Re-plans the line of every person who breaks one of their hard rules, and notes
 * the roster as the thread's best when it is.
 *
 * Returns: the people still breaking a rule of their own
 */
guint
roster_search_repair(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	guint P = m->n_people;
	guint offset = rng_below(w, P);
	guint left = 0;
	guint n_broken = 0;
	/* a DP over one whole line, on average */
	gboolean whole =
	    !w->repair_by_windows && roster_line_dp_whole_work(w->dp) / P <= REPAIR_WHOLE_WORK;
	gint64 begin = g_get_monotonic_time();
	guint dps = w->repair_dps;

	if (w->st->cost.hard == 0)
		return 0;
	for (guint i = 0; i < P; i++) {
		guint p = (offset + i) % P;
		if (roster_search_should_stop(w)) {
			left++;
			continue;
		}
		if (person_hard(w, p) == 0)
			continue;
		n_broken++;
		if (!repair_person(w, p, whole))
			left++;
	}
	roster_search_note_best(w);
	g_debug("repair: %u of %u people broke a rule of their own, %u still do, %u DPs, "
		"%.2f s, roster %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
		n_broken,
		P,
		left,
		w->repair_dps - dps,
		(gdouble)(g_get_monotonic_time() - begin) / G_USEC_PER_SEC,
		w->st->cost.hard,
		w->st->cost.soft);
	return left;
}
