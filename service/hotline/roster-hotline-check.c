/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-hotline-check.h"
#include "roster-json-keys.h"

/* the hard rules of one edit, and the explanation of a roster's gaps, in words and data */

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

static gchar *
day_label(const RosterHotlineModel *model, guint day)
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

/* the weekday (1 Monday … 7 Sunday) of the period's first day */
static guint
first_weekday(const RosterHotlineModel *model)
{
	GDate date;
	g_date_clear(&date, 1);
	g_date_set_julian(&date, model->hotline->first_day);
	return g_date_get_weekday(&date);
}

/* the limits of a person's line: monthly, weekly and consecutive days */
static void
check_limits(const RosterHotlineModel *model,
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
	guint wd0 = first_weekday(model);
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
static gboolean
is_kept_out(const RosterHotlineModel *model, guint person, guint day, guint slot)
{
	return roster_hotline_model_is_unavailable(model, person, day, slot) ||
	       (model->hotline->rotation.mode == ROSTER_HOTLINE_ROTATION_HARD &&
		roster_hotline_model_is_outside_team_rotation(model, person, day, slot));
}

static void
check_cell(const RosterHotlineModel *model,
	   const RosterSolverRoster *roster,
	   guint person,
	   guint day,
	   GPtrArray *problems)
{
	const RosterHotline *h = model->hotline;
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, person);
	gint s = roster_solver_roster_get(roster, person, day);
	g_autofree gchar *label = day_label(model, day);
	guint slot;
	gint before;
	gint after;

	if (s < 0)
		return;
	slot = roster_hotline_model_type_slot(model, s);
	if (!roster_hotline_model_may_take(model, person, s))
		add_not_eligible(model, person, day, s, problems);
	if (roster_hotline_model_is_unavailable(model, person, day, slot)) {
		gint start = roster_hotline_model_slot_start(model, slot);
		add_problem(problems,
			    "unavailable",
			    v,
			    day,
			    g_strdup_printf("%s is unavailable on %s at %02d:%02d",
					    v->name,
					    label,
					    start / 60,
					    start % 60));
	}
	if (h->rotation.mode == ROSTER_HOTLINE_ROTATION_HARD &&
	    roster_hotline_model_is_outside_team_rotation(model, person, day, slot)) {
		gint start = roster_hotline_model_slot_start(model, slot);
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
	check_limits(model, roster, person, day, problems);
}

/* a trainee with no senior or expert in the same slot and seat mode */
static void
check_pairing(const RosterHotlineModel *model,
	      const RosterSolverRoster *roster,
	      guint day,
	      GPtrArray *problems)
{
	guint P = roster->n_people;
	g_autofree gchar *label = day_label(model, day);

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
	check_cell(model, roster, person, day, problems);
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
	guint wd0 = first_weekday(model);
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

/* the rules of each shift: eligibility once per seat type, availability, rest after
 * the day before */
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
		label = day_label(model, d);
		slot = roster_hotline_model_type_slot(model, s);
		if (!roster_hotline_model_may_take(model, person, s) && !seen[s]) {
			seen[s] = TRUE;
			add_not_eligible(model, person, d, s, problems);
		}
		if (roster_hotline_model_is_unavailable(model, person, d, slot)) {
			gint start = roster_hotline_model_slot_start(model, slot);
			add_problem(problems,
				    "unavailable",
				    v,
				    d,
				    g_strdup_printf("%s is unavailable on %s at %02d:%02d",
						    v->name,
						    label,
						    start / 60,
						    start % 60));
		}
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

static gboolean
has_skills(gchar **have, gchar **need)
{
	for (guint i = 0; need != NULL && need[i] != NULL; i++) {
		if (have == NULL || !g_strv_contains((const gchar *const *)have, need[i]))
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_hotline_dup_unfit_reasons:
 * @volunteer: a volunteer
 * @seat_classes: (element-type RosterHotlineSeatClass): the seat classes to sit in
 *
 * What keeps a volunteer out of every seat class: the aspects that fail in every class
 * when there are such (no skills at all fails everywhere), else each aspect that
 * fails somewhere.
 *
 * Returns: (transfer full) (nullable): the codes, or %NULL when some class fits
 */
gchar **
roster_hotline_dup_unfit_reasons(const RosterHotlineVolunteer *volunteer, GPtrArray *seat_classes)
{
	const gchar *codes[] = {"tier", "skills", "modes"};
	guint every[3] = {0, 0, 0};
	guint some[3] = {0, 0, 0};
	g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
	gboolean common = FALSE;

	for (guint i = 0; i < seat_classes->len; i++) {
		const RosterHotlineSeatClass *c = g_ptr_array_index(seat_classes, i);
		gboolean fails[3];
		/* a trainee fits a class that offers trainee places beside its seats */
		fails[0] = volunteer->tier < c->min_tier &&
			   !(volunteer->tier == ROSTER_HOTLINE_TIER_TRAINEE &&
			     c->trainee_places > 0 && !c->crisis);
		fails[1] = !has_skills(volunteer->skills, c->skills);
		fails[2] = c->cloud ? !volunteer->cloud : !volunteer->on_site;
		if (!fails[0] && !fails[1] && !fails[2])
			return NULL;
		for (guint k = 0; k < 3; k++) {
			every[k] += fails[k];
			some[k] += fails[k];
		}
	}
	if (seat_classes->len == 0)
		return NULL;
	for (guint k = 0; k < 3; k++)
		common |= every[k] == seat_classes->len;
	for (guint k = 0; k < 3; k++) {
		if (common ? every[k] == seat_classes->len : some[k] > 0)
			g_strv_builder_add(builder, codes[k]);
	}
	return g_strv_builder_end(builder);
}

/* the seat classes with a seat required somewhere in the period */
static GPtrArray *
demanded_classes(const RosterHotlineModel *model, guint8 *demanded)
{
	GPtrArray *classes = g_ptr_array_new();

	for (guint c = 0; c < model->n_classes; c++) {
		for (guint d = 0; d < model->hotline->n_days && !demanded[c]; d++) {
			for (guint k = 0; k < model->n_slots && !demanded[c]; k++)
				demanded[c] =
				    roster_hotline_model_get_requirement(model, d, k, c) > 0;
		}
		if (demanded[c])
			g_ptr_array_add(classes,
					(gpointer)roster_hotline_model_get_seat_class(model, c));
	}
	return classes;
}

/**
 * roster_hotline_dup_idle_reasons:
 * @model: a model
 * @roster: a roster of it
 * @person: a person with no shift in @roster
 *
 * Returns: (transfer full): the reason codes, at least one
 */
gchar **
roster_hotline_dup_idle_reasons(const RosterHotlineModel *model,
				const RosterSolverRoster *roster,
				guint person)
{
	const RosterHotline *h = model->hotline;
	g_autofree guint8 *demanded = g_new0(guint8, model->n_classes + 1);
	g_autoptr(GPtrArray) classes = demanded_classes(model, demanded);
	g_autoptr(RosterSolverRoster) trial = NULL;
	gchar **unfit = NULL;
	gboolean available = FALSE;
	gboolean within_limits = FALSE;
	const gchar *reason;

	unfit = roster_hotline_dup_unfit_reasons(roster_hotline_model_get_volunteer(model, person),
						 classes);
	if (unfit != NULL)
		return unfit;
	/* a seat they fit and are free for: is there one their limits allow on its own? */
	trial = roster_solver_roster_copy(roster);
	for (guint c = 0; c < model->n_classes && !within_limits; c++) {
		gboolean seat = roster_hotline_model_is_eligible(model, person, c);
		if (!demanded[c] ||
		    (!seat && !roster_hotline_model_is_trainee_eligible(model, person, c)))
			continue;
		for (guint k = 0; k < model->n_slots && !within_limits; k++) {
			gint s = seat ? roster_hotline_model_shift_type(model, k, c)
				      : roster_hotline_model_trainee_type(model, k, c);
			if (s < 0)
				continue;
			for (guint d = 0; d < h->n_days && !within_limits; d++) {
				g_autoptr(GPtrArray) problems = NULL;
				if (roster_hotline_model_get_requirement(model, d, k, c) == 0 ||
				    is_kept_out(model, person, d, k))
					continue;
				available = TRUE;
				problems = g_ptr_array_new_with_free_func(
				    (GDestroyNotify)roster_hotline_problem_free);
				roster_solver_roster_set(trial, person, d, s);
				check_limits(model, trial, person, d, problems);
				roster_solver_roster_set(trial, person, d, ROSTER_SOLVER_OFF);
				within_limits = problems->len == 0;
			}
		}
	}
	reason = !available ? "unavailable" : !within_limits ? "limits" : "not-needed";
	return g_strdupv((gchar **)(const gchar *const[]){reason, NULL});
}

static guint
count_cell(const RosterSolverRoster *roster, guint day, gint s)
{
	guint n = 0;
	for (guint p = 0; p < roster->n_people; p++)
		n += roster_solver_roster_get(roster, p, day) == s;
	return n;
}

/**
 * roster_hotline_count_uncovered:
 * @model: a model
 * @roster: a roster of it
 * @required: (out): seats required over the period
 * @uncovered: (out): seats left empty
 * @uncovered_crisis: (out): crisis seats left empty
 *
 * Counts the gaps of a roster.
 */
void
roster_hotline_count_uncovered(const RosterHotlineModel *model,
			       const RosterSolverRoster *roster,
			       guint *required,
			       guint *uncovered,
			       guint *uncovered_crisis)
{
	guint T = model->n_types;
	g_autofree guint *counts = g_new0(guint, T + 1);

	*required = 0;
	*uncovered = 0;
	*uncovered_crisis = 0;
	for (guint d = 0; d < model->hotline->n_days; d++) {
		for (guint s = 0; s < T; s++)
			counts[s] = 0;
		for (guint p = 0; p < roster->n_people; p++) {
			gint s = roster_solver_roster_get(roster, p, d);
			if (s >= 0)
				counts[s]++;
		}
		for (guint s = 0; s < T; s++) {
			guint c = roster_hotline_model_type_class(model, (gint)s);
			guint req;
			guint gap;
			/* an empty trainee place is no gap of the line */
			if (roster_hotline_model_type_is_trainee(model, (gint)s))
				continue;
			req = roster_hotline_model_get_requirement(
			    model,
			    d,
			    roster_hotline_model_type_slot(model, (gint)s),
			    c);
			gap = req > counts[s] ? req - counts[s] : 0;
			*required += req;
			*uncovered += gap;
			if (roster_hotline_model_get_seat_class(model, c)->crisis)
				*uncovered_crisis += gap;
		}
	}
}

/* why nobody fills a seat: each eligible volunteer counted under the first reason */
typedef struct {
	guint eligible;
	guint unavailable;
	guint working;
	guint monthly_limit;
	guint weekly_limit;
	guint rest;
	guint consecutive;
	guint free;
} Reasons;

static void
classify(const RosterHotlineModel *model,
	 const RosterSolverRoster *roster,
	 guint day,
	 guint slot,
	 guint c,
	 Reasons *r)
{
	g_autoptr(RosterSolverRoster) trial = roster_solver_roster_copy(roster);
	gint s = roster_hotline_model_shift_type(model, slot, c);

	memset(r, 0, sizeof(*r));
	for (guint p = 0; p < roster->n_people; p++) {
		g_autoptr(GPtrArray) problems =
		    g_ptr_array_new_with_free_func((GDestroyNotify)roster_hotline_problem_free);
		gboolean monthly = FALSE;
		gboolean weekly = FALSE;
		gboolean rest = FALSE;
		gboolean consecutive = FALSE;
		if (!roster_hotline_model_is_eligible(model, p, c))
			continue;
		r->eligible++;
		/* a hard team rotation keeps a volunteer out of the cell as unavailability does */
		if (is_kept_out(model, p, day, slot)) {
			r->unavailable++;
			continue;
		}
		if (roster_solver_roster_get(roster, p, day) >= 0) {
			r->working++;
			continue;
		}
		roster_solver_roster_set(trial, p, day, (gint)s);
		check_cell(model, trial, p, day, problems);
		roster_solver_roster_set(trial, p, day, ROSTER_SOLVER_OFF);
		for (guint i = 0; i < problems->len; i++) {
			RosterHotlineProblem *pr = g_ptr_array_index(problems, i);
			monthly |= g_str_has_suffix(pr->rule, "-month");
			weekly |= g_str_has_suffix(pr->rule, "-week");
			rest |= g_strcmp0(pr->rule, "min-rest") == 0;
			consecutive |= g_strcmp0(pr->rule, "max-consecutive-days") == 0;
		}
		if (monthly)
			r->monthly_limit++;
		else if (weekly)
			r->weekly_limit++;
		else if (rest)
			r->rest++;
		else if (consecutive)
			r->consecutive++;
		else
			r->free++;
	}
}

static void
add_item_head(JsonBuilder *b,
	      const RosterHotlineModel *model,
	      const gchar *code,
	      const gchar *kind,
	      guint day,
	      gint slot,
	      gint c)
{
	g_autofree gchar *date = NULL;
	GDate gd;

	/* a rule of the whole period has no date */
	if (day != G_MAXUINT) {
		g_date_clear(&gd, 1);
		g_date_set_julian(&gd, model->hotline->first_day + day);
		date = g_strdup_printf("%04u-%02u-%02u",
				       g_date_get_year(&gd),
				       (guint)g_date_get_month(&gd),
				       g_date_get_day(&gd));
	}
	json_builder_set_member_name(b, ROSTER_KEY_CODE);
	json_builder_add_string_value(b, code);
	json_builder_set_member_name(b, ROSTER_KEY_KIND);
	json_builder_add_string_value(b, kind);
	json_builder_set_member_name(b, ROSTER_KEY_DATE);
	if (date != NULL)
		json_builder_add_string_value(b, date);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_SLOT);
	if (slot >= 0) {
		gint start = roster_hotline_model_slot_start(model, (guint)slot);
		g_autofree gchar *text = g_strdup_printf("%02d:%02d", start / 60, start % 60);
		json_builder_add_string_value(b, text);
	} else {
		json_builder_add_null_value(b);
	}
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASS);
	if (c >= 0)
		json_builder_add_string_value(
		    b,
		    roster_hotline_model_get_seat_class(model, (guint)c)->code);
	else
		json_builder_add_null_value(b);
	/* the app takes the coordinator to the seat by its id */
	if (c >= 0) {
		json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASS_ID);
		json_builder_add_int_value(
		    b,
		    roster_hotline_model_get_seat_class(model, (guint)c)->id);
	}
}

/* the sentence of an item, as "text" and as "message" */
static void
add_item_text(JsonBuilder *b, const gchar *text)
{
	json_builder_set_member_name(b, ROSTER_KEY_TEXT);
	json_builder_add_string_value(b, text);
	json_builder_set_member_name(b, ROSTER_KEY_MESSAGE);
	json_builder_add_string_value(b, text);
}

/* the volunteer an item concerns */
static void
add_item_volunteer(JsonBuilder *b, const RosterHotlineVolunteer *v)
{
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, v->id);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER);
	json_builder_add_string_value(b, v->name);
}

/* the stored assignment of a volunteer on a day of the roster, or 0 */
static gint64
find_assignment(const RosterHotlineModel *model, gint64 volunteer_id, guint day)
{
	const RosterHotline *h = model->hotline;

	for (guint i = 0; i < h->current->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(h->current, i);
		if (a->volunteer_id == volunteer_id && a->date == h->first_day + day)
			return a->id;
	}
	return 0;
}

static void
add_reason(JsonBuilder *b, const gchar *key, guint value)
{
	json_builder_set_member_name(b, key);
	json_builder_add_int_value(b, value);
}

static void
explain_gaps(const RosterHotlineModel *model,
	     const RosterSolverRoster *roster,
	     JsonBuilder *b,
	     guint *total)
{
	for (guint d = 0; d < model->hotline->n_days; d++) {
		g_autofree gchar *label = day_label(model, d);
		for (guint k = 0; k < model->n_slots; k++) {
			for (guint c = 0; c < model->n_classes; c++) {
				const RosterHotlineSeatClass *sc =
				    roster_hotline_model_get_seat_class(model, c);
				guint req = roster_hotline_model_get_requirement(model, d, k, c);
				gint s = roster_hotline_model_shift_type(model, k, c);
				guint n = s >= 0 ? count_cell(roster, d, s) : 0;
				gint start = roster_hotline_model_slot_start(model, k);
				Reasons r;
				g_autofree gchar *text = NULL;
				if (n > req) {
					json_builder_begin_object(b);
					add_item_head(b,
						      model,
						      "over-cover",
						      "soft",
						      d,
						      (gint)k,
						      (gint)c);
					json_builder_set_member_name(b, ROSTER_KEY_REASON);
					json_builder_begin_object(b);
					add_reason(b, "required", req);
					add_reason(b, "assigned", n);
					json_builder_end_object(b);
					text = g_strdup_printf(
					    "%s %02d:%02d %s: %u assigned, %u required",
					    label,
					    start / 60,
					    start % 60,
					    sc->code,
					    n,
					    req);
					add_item_text(b, text);
					json_builder_end_object(b);
					(*total)++;
					continue;
				}
				if (n == req)
					continue;
				classify(model, roster, d, k, c, &r);
				json_builder_begin_object(b);
				add_item_head(b,
					      model,
					      sc->crisis ? "uncovered-crisis-seat"
							 : "uncovered-seat",
					      "soft",
					      d,
					      (gint)k,
					      (gint)c);
				json_builder_set_member_name(b, ROSTER_KEY_REASON);
				json_builder_begin_object(b);
				add_reason(b, "required", req);
				add_reason(b, "assigned", n);
				add_reason(b, "eligible", r.eligible);
				add_reason(b, "unavailable", r.unavailable);
				add_reason(b, "working_that_day", r.working);
				add_reason(b, "at_monthly_limit", r.monthly_limit);
				add_reason(b, "at_weekly_limit", r.weekly_limit);
				add_reason(b, "rest", r.rest);
				add_reason(b, "consecutive_days", r.consecutive);
				add_reason(b, "free", r.free);
				json_builder_end_object(b);
				text = g_strdup_printf(
				    "%s %02d:%02d %s seat: %u of %u uncovered — eligible "
				    "volunteers: "
				    "%u; unavailable: %u; on another shift that day: %u; at "
				    "monthly "
				    "limit: %u; at weekly limit: %u; too little rest: %u; too many "
				    "days in a row: %u; free: %u",
				    label,
				    start / 60,
				    start % 60,
				    sc->code,
				    req - n,
				    req,
				    r.eligible,
				    r.unavailable,
				    r.working,
				    r.monthly_limit,
				    r.weekly_limit,
				    r.rest,
				    r.consecutive,
				    r.free);
				add_item_text(b, text);
				json_builder_end_object(b);
				(*total)++;
			}
		}
	}
}

/* shifts in hours the volunteer asked to avoid, or outside the hours they preferred */
static void
explain_wishes(const RosterHotlineModel *model,
	       const RosterSolverRoster *roster,
	       guint p,
	       JsonBuilder *b,
	       guint *total)
{
	const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, p);

	for (guint d = 0; d < model->hotline->n_days; d++) {
		gint s = roster_solver_roster_get(roster, p, d);
		guint slot;
		guint64 bit;
		guint64 avoid;
		guint64 preferred;
		const gchar *code = NULL;
		g_autofree gchar *label = NULL;
		g_autofree gchar *text = NULL;
		gint start;
		if (s < 0)
			continue;
		slot = roster_hotline_model_type_slot(model, s);
		bit = G_GUINT64_CONSTANT(1) << MIN(slot, 63);
		avoid = roster_hotline_model_get_availability(model,
							      p,
							      d,
							      ROSTER_HOTLINE_AVAILABILITY_AVOID);
		preferred =
		    roster_hotline_model_get_availability(model,
							  p,
							  d,
							  ROSTER_HOTLINE_AVAILABILITY_PREFERRED);
		if ((avoid & bit) != 0)
			code = "avoided-slot";
		else if (preferred != 0 && (preferred & bit) == 0)
			code = "outside-preferred-hours";
		else if (roster_hotline_model_is_outside_team_slots(model, p, slot))
			code = "outside-team-slots";
		if (code == NULL)
			continue;
		label = day_label(model, d);
		start = roster_hotline_model_slot_start(model, slot);
		text = g_strdup_printf("%s works %s %02d:%02d, %s",
				       v->name,
				       label,
				       start / 60,
				       start % 60,
				       (avoid & bit) != 0 ? "hours they asked to avoid"
				       : preferred != 0	  ? "outside the hours they preferred"
							  : "outside the slots their team prefers");
		json_builder_begin_object(b);
		add_item_head(b,
			      model,
			      code,
			      "soft",
			      d,
			      (gint)slot,
			      (gint)roster_hotline_model_type_class(model, s));
		json_builder_set_member_name(b, ROSTER_KEY_REASON);
		json_builder_begin_object(b);
		add_reason(b, ROSTER_KEY_VOLUNTEER_ID, (guint)v->id);
		json_builder_end_object(b);
		add_item_volunteer(b, v);
		add_item_text(b, text);
		json_builder_end_object(b);
		(*total)++;
	}
}

/* each broken hard rule once, with the assignment that breaks it */
static void
explain_problems(const RosterHotlineModel *model,
		 const RosterSolverRoster *roster,
		 JsonBuilder *b,
		 guint *total)
{
	g_autoptr(GPtrArray) problems = roster_hotline_list_problems(model, roster);

	for (guint i = 0; i < problems->len; i++) {
		RosterHotlineProblem *pr = g_ptr_array_index(problems, i);
		gint p = roster_hotline_model_find_person(model, pr->volunteer_id);
		gint64 assignment_id = find_assignment(model, pr->volunteer_id, pr->day);
		gint s = pr->shift_type;
		json_builder_begin_object(b);
		add_item_head(b,
			      model,
			      pr->rule,
			      "hard",
			      pr->day,
			      s >= 0 ? (gint)roster_hotline_model_type_slot(model, s) : -1,
			      s >= 0 ? (gint)roster_hotline_model_type_class(model, s) : -1);
		json_builder_set_member_name(b, ROSTER_KEY_REASON);
		json_builder_begin_object(b);
		add_reason(b, ROSTER_KEY_VOLUNTEER_ID, (guint)pr->volunteer_id);
		json_builder_end_object(b);
		if (p >= 0)
			add_item_volunteer(b, roster_hotline_model_get_volunteer(model, (guint)p));
		if (assignment_id > 0) {
			json_builder_set_member_name(b, ROSTER_KEY_ASSIGNMENT_ID);
			json_builder_add_int_value(b, assignment_id);
		}
		add_item_text(b, pr->text);
		json_builder_end_object(b);
		(*total)++;
	}
}

static gchar *
idle_message(const RosterHotlineVolunteer *v, gchar **reasons)
{
	g_autofree gchar *joined = g_strjoinv(", ", reasons);

	if (g_strv_contains((const gchar *const *)reasons, "not-needed"))
		return g_strdup_printf("%s could sit in a seat but has no shift in this roster",
				       v->name);
	if (g_strv_contains((const gchar *const *)reasons, "unavailable"))
		return g_strdup_printf("%s has no shift: unavailable for every seat they fit",
				       v->name);
	if (g_strv_contains((const gchar *const *)reasons, "limits"))
		return g_strdup_printf("%s has no shift: their limits allow none", v->name);
	return g_strdup_printf("%s can sit in no seat: no seat class fits their %s",
			       v->name,
			       joined);
}

/* every active volunteer without a shift, and why */
static void
explain_idle(const RosterHotlineModel *model,
	     const RosterSolverRoster *roster,
	     JsonBuilder *b,
	     guint *total)
{
	for (guint p = 0; p < roster->n_people; p++) {
		const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, p);
		g_auto(GStrv) reasons = NULL;
		g_autofree gchar *text = NULL;
		gboolean works = FALSE;
		for (guint d = 0; d < model->hotline->n_days && !works; d++)
			works = roster_solver_roster_get(roster, p, d) >= 0;
		if (works || !v->active)
			continue;
		reasons = roster_hotline_dup_idle_reasons(model, roster, p);
		text = idle_message(v, reasons);
		json_builder_begin_object(b);
		add_item_head(b, model, "idle-volunteer", "info", G_MAXUINT, -1, -1);
		add_item_volunteer(b, v);
		json_builder_set_member_name(b, ROSTER_KEY_REASONS);
		json_builder_begin_array(b);
		for (guint i = 0; reasons[i] != NULL; i++)
			json_builder_add_string_value(b, reasons[i]);
		json_builder_end_array(b);
		json_builder_set_member_name(b, ROSTER_KEY_REASON);
		json_builder_begin_object(b);
		add_reason(b, ROSTER_KEY_VOLUNTEER_ID, (guint)v->id);
		json_builder_end_object(b);
		add_item_text(b, text);
		json_builder_end_object(b);
		(*total)++;
	}
}

/* requests and commitments, per person */
static void
explain_people(const RosterHotlineModel *model,
	       const RosterSolverRoster *roster,
	       JsonBuilder *b,
	       guint *total)
{
	for (guint p = 0; p < roster->n_people; p++) {
		const RosterHotlineVolunteer *v = roster_hotline_model_get_volunteer(model, p);
		guint shifts = 0;
		for (guint d = 0; d < model->hotline->n_days; d++)
			shifts += roster_solver_roster_get(roster, p, d) >= 0;
		explain_wishes(model, roster, p, b, total);
		if (v->active && v->min_shifts_month > 0 && shifts < (guint)v->min_shifts_month) {
			g_autofree gchar *text =
			    g_strdup_printf("%s has %u shifts, fewer than the commitment of %d",
					    v->name,
					    shifts,
					    v->min_shifts_month);
			json_builder_begin_object(b);
			add_item_head(b, model, "below-commitment", "soft", G_MAXUINT, -1, -1);
			json_builder_set_member_name(b, ROSTER_KEY_REASON);
			json_builder_begin_object(b);
			add_reason(b, ROSTER_KEY_VOLUNTEER_ID, (guint)v->id);
			add_reason(b, "shifts", shifts);
			add_reason(b, "commitment", (guint)v->min_shifts_month);
			json_builder_end_object(b);
			add_item_volunteer(b, v);
			add_item_text(b, text);
			json_builder_end_object(b);
			(*total)++;
		}
	}
}

/**
 * roster_hotline_explain:
 * @model: a model
 * @roster: a roster of it
 *
 * Returns: (transfer full): {"items": [...], "total": N}
 */
JsonNode *
roster_hotline_explain(const RosterHotlineModel *model, const RosterSolverRoster *roster)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	guint total = 0;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ITEMS);
	json_builder_begin_array(b);
	explain_gaps(model, roster, b, &total);
	explain_problems(model, roster, b, &total);
	explain_people(model, roster, b, &total);
	explain_idle(model, roster, b, &total);
	json_builder_end_array(b);
	json_builder_set_member_name(b, ROSTER_KEY_TOTAL);
	json_builder_add_int_value(b, total);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
