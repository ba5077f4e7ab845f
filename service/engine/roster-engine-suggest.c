/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* suggestions for one seat: the volunteers who could fill it, those who break no hard
 * rule first, then by what they cost the roster, scored through the hotline mapping */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-rosters-private.h"
#include "roster-hotline-score.h"
#include "roster-json-keys.h"

static gint
candidate_compare(gconstpointer a, gconstpointer b)
{
	const RosterRosterCandidate *x = a;
	const RosterRosterCandidate *y = b;
	if ((x->problems->len > 0) != (y->problems->len > 0))
		return x->problems->len > 0 ? 1 : -1;
	if (x->hard != y->hard)
		return x->hard < y->hard ? -1 : 1;
	if (x->soft != y->soft)
		return x->soft < y->soft ? -1 : 1;
	return (gint)x->person - (gint)y->person;
}

static void
candidate_clear(gpointer data)
{
	RosterRosterCandidate *cand = data;
	g_clear_pointer(&cand->problems, g_ptr_array_unref);
}

/**
 * roster_rosters_rank_candidates:
 * @edit: a roster read
 * @base: the roster the seat is filled in
 * @day: the seat's day in the period
 * @slot: its slot index
 * @seat_class: its seat class index
 *
 * Returns: (transfer full): the volunteers free that day in @base who may sit the seat
 *   class, those who break no hard rule first, then by the change of the score
 **/
GArray *
roster_rosters_rank_candidates(const RosterRosterEdit *edit,
			       const RosterSolverRoster *base,
			       guint day,
			       guint slot,
			       guint seat_class)
{
	GArray *candidates = g_array_new(FALSE, TRUE, sizeof(RosterRosterCandidate));
	g_autoptr(RosterHotlineScorer) scorer = roster_hotline_scorer_new(edit->model, base);
	gint16 value = (gint16)roster_hotline_model_shift_type(edit->model, slot, seat_class);

	g_array_set_clear_func(candidates, candidate_clear);
	for (guint p = 0; p < base->n_people; p++) {
		g_autoptr(RosterSolverRoster) after = NULL;
		RosterHotlineCost delta;
		RosterRosterCandidate cand = {0};
		if (!roster_hotline_model_is_eligible(edit->model, p, seat_class) ||
		    roster_solver_roster_get(base, p, day) >= 0)
			continue;
		after = roster_solver_roster_copy(base);
		roster_solver_roster_set(after, p, day, value);
		delta = roster_hotline_scorer_price_shift(scorer, p, day, value);
		cand.person = p;
		cand.hard = delta.hard;
		cand.soft = delta.soft;
		cand.problems = roster_hotline_check_day(edit->model, after, p, day);
		g_array_append_val(candidates, cand);
	}
	g_array_sort(candidates, candidate_compare);
	return candidates;
}

/**
 * roster_engine_suggest:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @date: the date YYYY-MM-DD of the seat
 * @slot: its slot start HH:MM
 * @seat_class: its seat class, by id or code
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the eligible volunteers free that day, those who break no
 * hard rule first, then by the change of the roster's score
 */
JsonNode *
roster_engine_suggest(RosterEngine *self,
		      RosterPrincipal *principal,
		      gint64 id,
		      const gchar *date,
		      const gchar *slot,
		      const gchar *seat_class,
		      GError **error)
{
	g_auto(RosterRosterEdit) edit = {0};
	g_autoptr(GArray) candidates = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) items = NULL;
	guint32 julian = 0;
	gint start = -1;
	gint k;
	gint c = -1;
	guint day;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_rosters_load_current(self, principal, id, &edit, error))
		return NULL;
	if (!roster_datetime_parse_date(date, &julian) || julian < edit.hotline->first_day ||
	    julian >= edit.hotline->first_day + edit.hotline->n_days) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_DATE,
				       "must be a date YYYY-MM-DD in the roster's period");
		return NULL;
	}
	k = roster_datetime_parse_time(slot, &start)
		? roster_hotline_model_find_slot(edit.model, start)
		: -1;
	if (k < 0) {
		roster_rosters_invalid(error, ROSTER_KEY_SLOT, "must be the start HH:MM of a slot");
		return NULL;
	}
	for (guint i = 0; seat_class != NULL && i < edit.model->n_classes; i++) {
		const RosterHotlineSeatClass *sc =
		    roster_hotline_model_get_seat_class(edit.model, i);
		g_autofree gchar *id_text = g_strdup_printf("%" G_GINT64_FORMAT, sc->id);
		if (g_strcmp0(sc->code, seat_class) == 0 || g_strcmp0(id_text, seat_class) == 0)
			c = (gint)i;
	}
	if (c < 0) {
		roster_rosters_invalid(error, ROSTER_PARAM_SEAT_CLASS, "no such seat class");
		return NULL;
	}
	day = julian - edit.hotline->first_day;
	candidates = roster_rosters_rank_candidates(&edit, edit.before, day, (guint)k, (guint)c);
	json_builder_begin_array(b);
	for (guint i = 0; i < candidates->len; i++) {
		RosterRosterCandidate *cand = &g_array_index(candidates, RosterRosterCandidate, i);
		const RosterHotlineVolunteer *v =
		    roster_hotline_model_get_volunteer(edit.model, cand->person);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
		json_builder_add_int_value(b, v->id);
		json_builder_set_member_name(b, ROSTER_KEY_NAME);
		json_builder_add_string_value(b, v->name);
		json_builder_set_member_name(b, ROSTER_KEY_TIER);
		json_builder_add_string_value(b, roster_hotline_tier_to_string(v->tier));
		json_builder_set_member_name(b, ROSTER_KEY_COST);
		json_builder_add_int_value(b, cand->soft);
		json_builder_set_member_name(b, ROSTER_KEY_VIOLATIONS);
		json_builder_begin_array(b);
		for (guint j = 0; j < cand->problems->len; j++) {
			RosterHotlineProblem *pr = g_ptr_array_index(cand->problems, j);
			json_builder_add_string_value(b, pr->rule);
		}
		json_builder_end_array(b);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	items = json_builder_get_root(b);
	return roster_engine_new_list(json_node_get_array(items), -1);
}
