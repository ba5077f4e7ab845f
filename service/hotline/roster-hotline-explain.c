/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-hotline-check-private.h"
#include "roster-json-keys.h"

/* the explanation of a roster in words and data: its gaps, unmet wishes, broken rules
 * and idle volunteers, and why a volunteer fits no seat */

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
			     roster_hotline_seat_class_offers_trainee_places(c));
		fails[1] = !roster_hotline_volunteer_has_skills(volunteer, c);
		fails[2] = !roster_hotline_volunteer_has_mode(volunteer, c);
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
				    roster_hotline_check_is_kept_out(model, person, d, k))
					continue;
				available = TRUE;
				problems = g_ptr_array_new_with_free_func(
				    (GDestroyNotify)roster_hotline_problem_free);
				roster_solver_roster_set(trial, person, d, s);
				roster_hotline_check_limits(model, trial, person, d, problems);
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
		if (roster_hotline_check_is_kept_out(model, p, day, slot)) {
			r->unavailable++;
			continue;
		}
		if (roster_solver_roster_get(roster, p, day) >= 0) {
			r->working++;
			continue;
		}
		roster_solver_roster_set(trial, p, day, (gint)s);
		roster_hotline_check_cell(model, trial, p, day, problems);
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

/* for the items of roster-hotline-days.c: a head without a slot or seat class */
void
roster_hotline_explain_add_head(JsonBuilder *b,
				const RosterHotlineModel *model,
				const gchar *code,
				const gchar *kind,
				guint day)
{
	add_item_head(b, model, code, kind, day, -1, -1);
}

void
roster_hotline_explain_add_text(JsonBuilder *b, const gchar *text)
{
	add_item_text(b, text);
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

/* opens the reason of a cell's cover: the seats it requires and those assigned */
static void
begin_cover_reason(JsonBuilder *b, guint required, guint assigned)
{
	json_builder_set_member_name(b, ROSTER_KEY_REASON);
	json_builder_begin_object(b);
	add_reason(b, "required", required);
	add_reason(b, "assigned", assigned);
}

static void
explain_gaps(const RosterHotlineModel *model,
	     const RosterSolverRoster *roster,
	     JsonBuilder *b,
	     guint *total)
{
	for (guint d = 0; d < model->hotline->n_days; d++) {
		g_autofree gchar *label = roster_hotline_check_day_label(model, d);
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
					begin_cover_reason(b, req, n);
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
				begin_cover_reason(b, req, n);
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
		label = roster_hotline_check_day_label(model, d);
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
	roster_hotline_explain_days(model, b, &total);
	json_builder_end_array(b);
	json_builder_set_member_name(b, ROSTER_KEY_TOTAL);
	json_builder_add_int_value(b, total);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
