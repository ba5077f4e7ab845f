/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-hotline-check-private.h"
#include "roster-json-keys.h"

/* the hard rules a roster breaks: of one edit (a person's day) and of the whole roster */

static const gchar *const weekday_names[] = {"", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/**
 * roster_hotline_problem_free:
 * @self: (nullable): a problem
 *
 * Frees the problem.
 */
void
roster_hotline_problem_free(RosterHotlineProblem *self)
{
	if (self == NULL)
		return;
	g_free(self->text);
	g_free(self);
}

gchar *
roster_hotline_check_day_label(const RosterHotlineModel *model, guint day)
{
	GDate date;
	g_date_clear(&date, 1);
	g_date_set_julian(&date, model->hotline->first_day + day);
	return g_strdup_printf("%s %04u-%02u-%02u",
			       weekday_names[g_date_get_weekday(&date)],
			       g_date_get_year(&date),
			       (guint)g_date_get_month(&date),
			       g_date_get_day(&date));
}

static void
add_problem(GPtrArray *problems,
	    const gchar *rule,
	    const RosterHotlineVolunteer *v,
	    guint day,
	    gchar *text)
{
	RosterHotlineProblem *p = g_new0(RosterHotlineProblem, 1);
	p->rule = rule;
	p->volunteer_id = v->id;
	p->day = day;
	p->text = text;
	p->shift_type = -1;
	g_ptr_array_add(problems, p);
}

/* the limits of a person's line: monthly, weekly and consecutive days */
void
roster_hotline_check_limits(const RosterHotlineModel *model,
			    const RosterSolverRoster *roster,
			    guint person,
			    guint day,
			    GPtrArray *problems)
{
	const RosterHotline *h = model->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	guint shifts = 0;
	guint nights = 0;
	guint week_shifts = 0;
	guint run = 1;
	guint wd0 = roster_hotline_weekday_of(model->hotline->first_day);
	guint wk = (day + wd0 - 1) / 7;

	for (guint d = 0; d < h->n_days; d++) {
		if (roster_solver_roster_get(roster, person, d) < 0)
			continue;
		shifts++;
		if (roster_hotline_model_is_night(model,
						  roster_hotline_model_type_slot(
						      model,
						      roster_solver_roster_get(roster, person, d))))
			nights++;
		if ((d + wd0 - 1) / 7 == wk)
			week_shifts++;
	}
	if (v->max_shifts_month >= 0 && shifts > (guint)v->max_shifts_month)
		add_problem(problems,
			    "max-shifts-month",
			    v,
			    day,
			    g_strdup_printf("%s would work %u shifts this month, more than the "
					    "maximum of %d",
					    v->name,
					    shifts,
					    v->max_shifts_month));
	if (v->max_hours_month >= 0 && shifts * h->slot_minutes > (guint)v->max_hours_month * 60)
		add_problem(problems,
			    "max-hours-month",
			    v,
			    day,
			    g_strdup_printf("%s would work %u hours this month, more than the "
					    "maximum of %d",
					    v->name,
					    shifts * h->slot_minutes / 60,
					    v->max_hours_month));
	if (v->max_nights_month >= 0 && nights > (guint)v->max_nights_month)
		add_problem(problems,
			    "max-nights-month",
			    v,
			    day,
			    g_strdup_printf("%s would work %u nights this month, more than the "
					    "maximum of %d",
					    v->name,
					    nights,
					    v->max_nights_month));
	if (v->max_hours_week >= 0 && week_shifts * h->slot_minutes > (guint)v->max_hours_week * 60)
		add_problem(problems,
			    "max-hours-week",
			    v,
			    day,
			    g_strdup_printf("%s would work %u hours that week, more than the "
					    "maximum of %d",
					    v->name,
					    week_shifts * h->slot_minutes / 60,
					    v->max_hours_week));
	for (guint d = day; d > 0 && roster_solver_roster_get(roster, person, d - 1) >= 0; d--)
		run++;
	for (guint d = day + 1; d < h->n_days && roster_solver_roster_get(roster, person, d) >= 0;
	     d++)
		run++;
	if (v->max_consecutive_days >= 0 && run > (guint)v->max_consecutive_days)
		add_problem(problems,
			    "max-consecutive-days",
			    v,
			    day,
			    g_strdup_printf("%s would work %u days in a row, more than the "
					    "maximum of %d",
					    v->name,
					    run,
					    v->max_consecutive_days));
}

/* @person holds shift type @s on @day, which is not theirs to take */
static void
add_not_eligible(const RosterHotlineModel *model,
		 guint person,
		 guint day,
		 gint s,
		 GPtrArray *problems)
{
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	const RosterHotlineSeatClass *sc =
	    roster_hotline_model_get_seat_class(model, roster_hotline_model_type_class(model, s));
	const gchar *mode = sc->cloud ? "cloud" : "on-site";

	if (roster_hotline_model_type_is_trainee(model, s)) {
		add_problem(problems,
			    "not-eligible",
			    v,
			    day,
			    g_strdup_printf("%s may not take a trainee place of %s: it is for "
					    "trainees with its skills and the %s mode",
					    v->name,
					    sc->code,
					    mode));
		return;
	}
	add_problem(problems,
		    "not-eligible",
		    v,
		    day,
		    g_strdup_printf("%s may not take a %s seat: it needs tier %s or higher, its "
				    "skills and the %s mode",
				    v->name,
				    sc->code,
				    roster_hotline_tier_to_string(sc->min_tier),
				    mode));
}

/* whether @person may not work the cell for a reason of the roster's inputs: their
 * availability, or a hard team rotation that binds the cell to other teams */
gboolean
roster_hotline_check_is_kept_out(const RosterHotlineModel *model,
				 guint person,
				 guint day,
				 guint slot)
{
	return roster_hotline_model_is_unavailable(model, person, day, slot) ||
	       (model->hotline->rotation.mode == ROSTER_HOTLINE_ROTATION_HARD &&
		roster_hotline_model_is_outside_team_rotation(model, person, day, slot));
}

/* the rules of the roster's inputs that keep @person out of the cell: their availability
 * and a hard team rotation that binds it to other teams; one problem each, for an edit's
 * check and the score alike */
static void
add_kept_out(const RosterHotlineModel *model,
	     guint person,
	     guint day,
	     guint slot,
	     const gchar *label,
	     GPtrArray *problems)
{
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	gint start = roster_hotline_model_slot_start(model, slot);

	if (roster_hotline_model_is_unavailable(model, person, day, slot))
		add_problem(problems,
			    "unavailable",
			    v,
			    day,
			    g_strdup_printf("%s is unavailable on %s at %02d:%02d",
					    v->name,
					    label,
					    start / 60,
					    start % 60));
	if (model->hotline->rotation.mode == ROSTER_HOTLINE_ROTATION_HARD &&
	    roster_hotline_model_is_outside_team_rotation(model, person, day, slot))
		add_problem(problems,
			    "team-rotation",
			    v,
			    day,
			    g_strdup_printf("%s's team is not on the rotation on %s at %02d:%02d",
					    v->name,
					    label,
					    start / 60,
					    start % 60));
}

void
roster_hotline_check_cell(const RosterHotlineModel *model,
			  const RosterSolverRoster *roster,
			  guint person,
			  guint day,
			  GPtrArray *problems)
{
	const RosterHotline *h = model->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	gint s = roster_solver_roster_get(roster, person, day);
	g_autofree gchar *label = roster_hotline_check_day_label(model, day);
	guint slot;
	gint before;
	gint after;

	if (s < 0)
		return;
	slot = roster_hotline_model_type_slot(model, s);
	if (!roster_hotline_model_may_take(model, person, s))
		add_not_eligible(model, person, day, s, problems);
	add_kept_out(model, person, day, slot, label, problems);
	before = day > 0 ? roster_solver_roster_get(roster, person, day - 1) : -1;
	after = day + 1 < h->n_days ? roster_solver_roster_get(roster, person, day + 1) : -1;
	if ((before >= 0 &&
	     roster_hotline_model_rest_too_short(model,
						 roster_hotline_model_type_slot(model, before),
						 slot)) ||
	    (after >= 0 &&
	     roster_hotline_model_rest_too_short(model,
						 slot,
						 roster_hotline_model_type_slot(model, after)))) {
		add_problem(problems,
			    "min-rest",
			    v,
			    day,
			    g_strdup_printf("%s would rest less than %u hours around %s",
					    v->name,
					    h->settings.min_rest_minutes / 60,
					    label));
	}
	roster_hotline_check_limits(model, roster, person, day, problems);
}

/* a trainee with no senior or expert in the same slot and seat mode */
static void
check_pairing(const RosterHotlineModel *model,
	      const RosterSolverRoster *roster,
	      guint day,
	      GPtrArray *problems)
{
	guint P = roster->n_people;
	g_autofree gchar *label = roster_hotline_check_day_label(model, day);

	for (guint p = 0; p < P; p++) {
		const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, p);
		gint s = roster_solver_roster_get(roster, p, day);
		gboolean paired = FALSE;
		guint slot;
		gboolean cloud;
		gint start;
		if (s < 0 || v->tier != ROSTER_HOTLINE_TIER_TRAINEE)
			continue;
		slot = roster_hotline_model_type_slot(model, s);
		cloud =
		    roster_hotline_model_get_seat_class(model,
							roster_hotline_model_type_class(model, s))
			->cloud;
		for (guint q = 0; q < P && !paired; q++) {
			const RosterHotlineVolunteer *w =
			    roster_hotline_model_get_volunteer(model, q);
			gint t = roster_solver_roster_get(roster, q, day);
			paired = t >= 0 && w->tier >= ROSTER_HOTLINE_TIER_SENIOR &&
				 roster_hotline_model_type_slot(model, t) == slot &&
				 roster_hotline_model_get_seat_class(
				     model,
				     roster_hotline_model_type_class(model, t))
					 ->cloud == cloud;
		}
		if (paired)
			continue;
		start = roster_hotline_model_slot_start(model, slot);
		add_problem(
		    problems,
		    "trainee-alone",
		    v,
		    day,
		    g_strdup_printf("trainee %s would work %s %02d:%02d without a senior or "
				    "expert on a seat of the same mode",
				    v->name,
				    label,
				    start / 60,
				    start % 60));
	}
}

/**
 * roster_hotline_check_day:
 * @model: a model
 * @roster: a roster of it
 * @person: the person whose shift changed
 * @day: the day that changed
 *
 * Returns: (transfer full) (element-type RosterHotlineProblem): the broken rules
 */
GPtrArray *
roster_hotline_check_day(const RosterHotlineModel *model,
			 const RosterSolverRoster *roster,
			 guint person,
			 guint day)
{
	GPtrArray *problems =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_hotline_problem_free);
	roster_hotline_check_cell(model, roster, person, day, problems);
	check_pairing(model, roster, day, problems);
	return problems;
}

/**
 * roster_hotline_new_problems:
 * @before: (element-type RosterHotlineProblem): problems before an edit
 * @after: (element-type RosterHotlineProblem): problems after it
 *
 * Returns: (transfer container) (element-type RosterHotlineProblem): the problems of
 * @after (still owned by it) that @before lacks
 */
GPtrArray *
roster_hotline_new_problems(GPtrArray *before, GPtrArray *after)
{
	GPtrArray *result = g_ptr_array_new();
	for (guint i = 0; i < after->len; i++) {
		RosterHotlineProblem *a = g_ptr_array_index(after, i);
		gboolean known = FALSE;
		for (guint j = 0; j < before->len && !known; j++) {
			RosterHotlineProblem *b = g_ptr_array_index(before, j);
			known = g_strcmp0(a->rule, b->rule) == 0 &&
				a->volunteer_id == b->volunteer_id && a->day == b->day;
		}
		if (!known)
			g_ptr_array_add(result, a);
	}
	return result;
}

/* the monthly limits of a line, once: the shift count where it is the tighter rule,
 * else the hours, and the nights */
static void
list_monthly(const RosterHotlineModel *model,
	     const RosterSolverRoster *roster,
	     guint person,
	     GPtrArray *problems)
{
	const RosterHotline *h = model->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	guint shifts = 0;
	guint nights = 0;
	gint shifts_day = -1;
	gint hours_day = -1;
	gint nights_day = -1;

	for (guint d = 0; d < h->n_days; d++) {
		gint s = roster_solver_roster_get(roster, person, d);
		if (s < 0)
			continue;
		shifts++;
		if (roster_hotline_model_is_night(model, roster_hotline_model_type_slot(model, s)))
			nights++;
		if (v->max_shifts_month >= 0 && shifts == (guint)v->max_shifts_month + 1)
			shifts_day = (gint)d;
		if (v->max_hours_month >= 0 && hours_day < 0 &&
		    shifts * h->slot_minutes > (guint)v->max_hours_month * 60)
			hours_day = (gint)d;
		if (v->max_nights_month >= 0 && nights == (guint)v->max_nights_month + 1 &&
		    nights_day < 0)
			nights_day = (gint)d;
	}
	if (shifts_day >= 0 && (hours_day < 0 || shifts_day <= hours_day))
		add_problem(problems,
			    "max-shifts-month",
			    v,
			    (guint)shifts_day,
			    g_strdup_printf("%s works %u shifts this month, more than the maximum "
					    "of %d",
					    v->name,
					    shifts,
					    v->max_shifts_month));
	else if (hours_day >= 0)
		add_problem(problems,
			    "max-hours-month",
			    v,
			    (guint)hours_day,
			    g_strdup_printf("%s works %u hours this month, more than the maximum "
					    "of %d",
					    v->name,
					    shifts * h->slot_minutes / 60,
					    v->max_hours_month));
	if (nights_day >= 0)
		add_problem(problems,
			    "max-nights-month",
			    v,
			    (guint)nights_day,
			    g_strdup_printf("%s works %u nights this month, more than the maximum "
					    "of %d",
					    v->name,
					    nights,
					    v->max_nights_month));
}

/* the weekly hours, once per week, and each run of days longer than allowed, once */
static void
list_weeks_and_runs(const RosterHotlineModel *model,
		    const RosterSolverRoster *roster,
		    guint person,
		    GPtrArray *problems)
{
	const RosterHotline *h = model->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	guint wd0 = roster_hotline_weekday_of(model->hotline->first_day);
	guint d = 0;

	if (v->max_hours_week >= 0) {
		guint week = G_MAXUINT;
		guint shifts = 0;
		gboolean reported = FALSE;
		for (d = 0; d < h->n_days; d++) {
			guint w = (d + wd0 - 1) / 7;
			if (w != week) {
				week = w;
				shifts = 0;
				reported = FALSE;
			}
			if (roster_solver_roster_get(roster, person, d) < 0)
				continue;
			shifts++;
			if (reported || shifts * h->slot_minutes <= (guint)v->max_hours_week * 60)
				continue;
			reported = TRUE;
			/* the week's total, counted on to its end */
			for (guint e = d + 1; e < h->n_days && (e + wd0 - 1) / 7 == w; e++)
				shifts += roster_solver_roster_get(roster, person, e) >= 0;
			add_problem(problems,
				    "max-hours-week",
				    v,
				    d,
				    g_strdup_printf("%s works %u hours that week, more than the "
						    "maximum of %d",
						    v->name,
						    shifts * h->slot_minutes / 60,
						    v->max_hours_week));
			shifts = 0;
		}
	}
	if (v->max_consecutive_days < 0)
		return;
	d = 0;
	while (d < h->n_days) {
		guint start = d;
		if (roster_solver_roster_get(roster, person, d) < 0) {
			d++;
			continue;
		}
		while (d < h->n_days && roster_solver_roster_get(roster, person, d) >= 0)
			d++;
		if (d - start > (guint)v->max_consecutive_days)
			add_problem(problems,
				    "max-consecutive-days",
				    v,
				    start + (guint)v->max_consecutive_days,
				    g_strdup_printf("%s works %u days in a row, more than the "
						    "maximum of %d",
						    v->name,
						    d - start,
						    v->max_consecutive_days));
	}
}

/* the rules of each shift: eligibility once per seat type, availability and a hard team
 * rotation, rest after the day before */
static void
list_cells(const RosterHotlineModel *model,
	   const RosterSolverRoster *roster,
	   guint person,
	   GPtrArray *problems)
{
	const RosterHotline *h = model->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	g_autofree gboolean *seen = g_new0(gboolean, model->n_types + 1);

	for (guint d = 0; d < h->n_days; d++) {
		gint s = roster_solver_roster_get(roster, person, d);
		gint before = d > 0 ? roster_solver_roster_get(roster, person, d - 1) : -1;
		g_autofree gchar *label = NULL;
		guint slot;
		if (s < 0)
			continue;
		label = roster_hotline_check_day_label(model, d);
		slot = roster_hotline_model_type_slot(model, s);
		if (!roster_hotline_model_may_take(model, person, s) && !seen[s]) {
			seen[s] = TRUE;
			add_not_eligible(model, person, d, s, problems);
		}
		add_kept_out(model, person, d, slot, label, problems);
		if (before >= 0 && roster_hotline_model_rest_too_short(
				       model,
				       roster_hotline_model_type_slot(model, before),
				       slot))
			add_problem(problems,
				    "min-rest",
				    v,
				    d,
				    g_strdup_printf("%s rests less than %u hours before %s",
						    v->name,
						    h->settings.min_rest_minutes / 60,
						    label));
	}
}

/**
 * roster_hotline_list_problems:
 * @model: a model
 * @roster: a roster of it
 *
 * Lists each broken hard rule once, as the roster's score counts it.
 *
 * Returns: (transfer full) (element-type RosterHotlineProblem): the broken rules
 */
GPtrArray *
roster_hotline_list_problems(const RosterHotlineModel *model, const RosterSolverRoster *roster)
{
	GPtrArray *problems =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_hotline_problem_free);

	for (guint p = 0; p < roster->n_people; p++) {
		list_cells(model, roster, p, problems);
		list_monthly(model, roster, p, problems);
		list_weeks_and_runs(model, roster, p, problems);
	}
	for (guint d = 0; d < model->hotline->n_days; d++)
		check_pairing(model, roster, d, problems);
	for (guint i = 0; i < problems->len; i++) {
		RosterHotlineProblem *pr = g_ptr_array_index(problems, i);
		gint p = roster_hotline_model_find_person(model, pr->volunteer_id);
		if (p >= 0)
			pr->shift_type = roster_solver_roster_get(roster, (guint)p, pr->day);
	}
	return problems;
}
