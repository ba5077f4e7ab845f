/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* editing a roster by hand: assign, move, pin, swap and remove under the hard rules,
 * each edit at the revision the caller read and audited in its own transaction */

#include "config.h"

#include <string.h>

#include "roster-datetime.h"
#include "roster-engine-rosters-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"

/* the rules an edit may break, and whether "override" accepts them */
static const struct {
	const gchar *rule;
	gboolean overridable;
} edit_rules[] = {
    {"not-eligible", TRUE},
    {"unavailable", TRUE},
    {"min-rest", TRUE},
    {"max-shifts-month", TRUE},
    {"max-hours-month", TRUE},
    {"max-hours-week", TRUE},
    {"max-nights-month", TRUE},
    {"max-consecutive-days", TRUE},
    {"trainee-alone", TRUE},
    {"pinned", TRUE},
    /* the roster holds one shift per person and operational day */
    {"one-shift-per-day", FALSE},
};

/**
 * roster_engine_is_rule_refusal:
 * @error: (nullable): the error of an edit
 * @overridable: (out) (optional): whether "override" would accept the edit
 *
 * Returns: whether @error refuses an edit for a hard rule
 */
gboolean
roster_engine_is_rule_refusal(const GError *error, gboolean *overridable)
{
	const gchar *rule;

	if (error == NULL || !g_error_matches(error, ROSTER_ERROR, ROSTER_ERROR_INVALID_DATA))
		return FALSE;
	rule = roster_error_get_field(error);
	for (guint i = 0; rule != NULL && i < G_N_ELEMENTS(edit_rules); i++) {
		if (g_strcmp0(rule, edit_rules[i].rule) == 0) {
			if (overridable != NULL)
				*overridable = edit_rules[i].overridable;
			return TRUE;
		}
	}
	return FALSE;
}

static gboolean
begin_edit(RosterEngine *self,
	   RosterPrincipal *principal,
	   gint64 roster_id,
	   gint64 revision,
	   RosterRosterEdit *edit,
	   GError **error)
{
	if (!roster_rosters_check_write(self, principal, error))
		return FALSE;
	if (revision <= 0)
		return roster_rosters_invalid(error,
					      ROSTER_KEY_REVISION,
					      "required, the roster revision that was read");
	if (!roster_rosters_check_not_solving(self, roster_id, error) ||
	    !roster_rosters_prepare(self,
				    roster_id,
				    FALSE,
				    &edit->roster,
				    &edit->hotline,
				    &edit->model,
				    error) ||
	    !roster_rosters_check_revision(edit->roster, revision, error))
		return FALSE;
	return roster_rosters_load_before(edit, error);
}

/* the edit of a request @body at the revision it carries; its object, or %NULL */
static JsonObject *
begin_body_edit(RosterEngine *self,
		RosterPrincipal *principal,
		gint64 roster_id,
		JsonNode *body,
		RosterRosterEdit *edit,
		GError **error)
{
	JsonObject *obj = roster_rosters_body_object(body, error);

	if (obj == NULL || !begin_edit(self,
				       principal,
				       roster_id,
				       roster_engine_json_get_int(obj, ROSTER_KEY_REVISION, 0),
				       edit,
				       error))
		return NULL;
	return obj;
}

/* writes the roster's new revision and the audit row, then commits */
static gboolean
finish_edit(RosterEngine *self,
	    RosterPrincipal *principal,
	    RosterRosterEdit *edit,
	    const gchar *action,
	    gint64 record_id,
	    JsonNode *before,
	    JsonNode *after,
	    GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autofree gchar *now = roster_engine_dup_now();
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(RosterSolverRoster) after_roster = NULL;
	g_autoptr(JsonNode) score = NULL;

	/* the score of the roster as the edit leaves it, inside the edit's transaction */
	assignments = roster_store_list_assignments(store, edit->roster->id, 0, error);
	if (assignments != NULL)
		after_roster =
		    roster_hotline_model_from_assignments(edit->model, assignments, error);
	if (after_roster == NULL) {
		roster_store_rollback(store);
		return FALSE;
	}
	score = roster_rosters_score_node(edit->model, after_roster);
	g_free(edit->roster->score);
	edit->roster->score = roster_rosters_dup_stored_score(self, score, error);
	if (edit->roster->score == NULL) {
		roster_store_rollback(store);
		return FALSE;
	}
	g_free(edit->roster->state);
	edit->roster->state = g_strdup(ROSTER_STATE_DRAFT);
	return roster_engine_end_write(
	    self,
	    roster_store_update_roster(store, edit->roster, now, error) &&
		roster_engine_add_audit_at(self,
					   principal,
					   action,
					   ROSTER_COLLECTION_ASSIGNMENTS,
					   record_id,
					   before,
					   after,
					   now,
					   error),
	    error);
}

static void
clear_cell(const RosterRosterEdit *edit,
	   RosterSolverRoster *roster,
	   const RosterHotlineAssignment *a);

/* the problems that a change of (person, day) cells brings, as one refusal */
static gboolean
check_change(const RosterRosterEdit *edit,
	     const RosterSolverRoster *after,
	     const guint *people,
	     const guint *days,
	     guint n,
	     GError **error)
{
	g_autoptr(GPtrArray) before_problems =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_hotline_problem_free);
	g_autoptr(GPtrArray) after_problems =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_hotline_problem_free);
	g_autoptr(GPtrArray) fresh = NULL;
	g_autoptr(GString) message = NULL;

	for (guint i = 0; i < n; i++) {
		g_autoptr(GPtrArray) b =
		    roster_hotline_check_day(edit->model, edit->before, people[i], days[i]);
		g_autoptr(GPtrArray) a =
		    roster_hotline_check_day(edit->model, after, people[i], days[i]);
		g_ptr_array_extend_and_steal(before_problems, g_steal_pointer(&b));
		g_ptr_array_extend_and_steal(after_problems, g_steal_pointer(&a));
	}
	fresh = roster_hotline_new_problems(before_problems, after_problems);
	if (fresh->len == 0)
		return TRUE;
	/* the first broken rule is the error's field; the message names them all */
	message = g_string_new(NULL);
	for (guint i = 0; i < fresh->len; i++) {
		RosterHotlineProblem *p = g_ptr_array_index(fresh, i);
		if (i == 0)
			g_string_append(message, p->text);
		else
			g_string_append_printf(message, "; %s: %s", p->rule, p->text);
	}
	roster_error_set_field(error,
			       ROSTER_ERROR_INVALID_DATA,
			       ((RosterHotlineProblem *)g_ptr_array_index(fresh, 0))->rule,
			       "%s",
			       message->str);
	return FALSE;
}

/* reads date, slot, seat class and volunteer of @obj into @a, each optional */
static gboolean
read_placement(const RosterRosterEdit *edit,
	       JsonObject *obj,
	       RosterHotlineAssignment *a,
	       GError **error)
{
	const RosterHotline *h = edit->hotline;
	JsonNode *node;

	if (json_object_has_member(obj, ROSTER_KEY_DATE)) {
		guint32 date = 0;
		if (!roster_datetime_parse_date(roster_engine_json_get_string(obj, ROSTER_KEY_DATE),
						&date) ||
		    date < h->first_day || date >= h->first_day + h->n_days)
			return roster_rosters_invalid(
			    error,
			    ROSTER_KEY_DATE,
			    "must be a date YYYY-MM-DD in the roster's period");
		a->date = date;
	}
	if (json_object_has_member(obj, ROSTER_KEY_SLOT)) {
		gint start = -1;
		if (!roster_datetime_parse_time(roster_engine_json_get_string(obj, ROSTER_KEY_SLOT),
						&start) ||
		    roster_hotline_model_find_slot(edit->model, start) < 0)
			return roster_rosters_invalid(error,
						      ROSTER_KEY_SLOT,
						      "must be the start HH:MM of a slot");
		a->slot_start = start;
	}
	if (json_object_has_member(obj, ROSTER_KEY_SEAT_CLASS_ID)) {
		a->seat_class_id = roster_engine_json_get_int(obj, ROSTER_KEY_SEAT_CLASS_ID, 0);
		if (roster_hotline_model_find_class(edit->model, a->seat_class_id) < 0)
			return roster_rosters_invalid(error,
						      ROSTER_KEY_SEAT_CLASS_ID,
						      "no such seat class");
	}
	if (json_object_has_member(obj, ROSTER_KEY_VOLUNTEER_ID)) {
		a->volunteer_id = roster_engine_json_get_int(obj, ROSTER_KEY_VOLUNTEER_ID, 0);
		if (roster_hotline_model_find_person(edit->model, a->volunteer_id) < 0)
			return roster_rosters_invalid(error,
						      ROSTER_KEY_VOLUNTEER_ID,
						      "no such volunteer");
	}
	if (json_object_has_member(obj, ROSTER_KEY_SEAT_NO)) {
		gint64 seat = roster_engine_json_get_int(obj, ROSTER_KEY_SEAT_NO, 0);
		if (seat < 1 || seat > 1000)
			return roster_rosters_invalid(error,
						      ROSTER_KEY_SEAT_NO,
						      "must be an integer from 1 to 1000");
		a->seat_no = (guint)seat;
	}
	node = json_object_get_member(obj, ROSTER_KEY_PINNED);
	if (node != NULL) {
		if (!JSON_NODE_HOLDS_VALUE(node) ||
		    json_node_get_value_type(node) != G_TYPE_BOOLEAN)
			return roster_rosters_invalid(error,
						      ROSTER_KEY_PINNED,
						      "must be true or false");
		a->pinned = json_node_get_boolean(node);
	}
	return TRUE;
}

static gboolean
read_override(JsonObject *obj, gboolean *override, GError **error)
{
	JsonNode *node = json_object_get_member(obj, ROSTER_KEY_OVERRIDE);
	*override = FALSE;
	if (node == NULL)
		return TRUE;
	if (!JSON_NODE_HOLDS_VALUE(node) || json_node_get_value_type(node) != G_TYPE_BOOLEAN)
		return roster_rosters_invalid(error, ROSTER_KEY_OVERRIDE, "must be true or false");
	*override = json_node_get_boolean(node);
	return TRUE;
}

/* the first seat number of the cell nobody else holds */
static guint
free_seat(const RosterRosterEdit *edit, const RosterHotlineAssignment *a)
{
	guint seat = 1;
	gboolean taken = TRUE;
	while (taken) {
		taken = FALSE;
		for (guint i = 0; i < edit->hotline->current->len; i++) {
			const RosterHotlineAssignment *b =
			    g_ptr_array_index(edit->hotline->current, i);
			taken |= b->id != a->id && b->date == a->date &&
				 b->slot_start == a->slot_start &&
				 b->seat_class_id == a->seat_class_id && b->seat_no == seat;
		}
		if (taken)
			seat++;
	}
	return seat;
}

/* places @a in a copy of the roster: FALSE when its volunteer already works that day */
static RosterSolverRoster *
place_in(const RosterRosterEdit *edit,
	 const RosterSolverRoster *base,
	 const RosterHotlineAssignment *a,
	 guint *person,
	 guint *day,
	 GError **error)
{
	g_autoptr(RosterSolverRoster) after = roster_solver_roster_copy(base);
	gint p = roster_hotline_model_find_person(edit->model, a->volunteer_id);
	gint slot = roster_hotline_model_find_slot(edit->model, a->slot_start);
	gint c = roster_hotline_model_find_class(edit->model, a->seat_class_id);
	guint d = a->date - edit->hotline->first_day;

	if (roster_solver_roster_get(after, (guint)p, d) >= 0) {
		const RosterHotlineVolunteer *v =
		    roster_hotline_model_get_volunteer(edit->model, (guint)p);
		g_autofree gchar *date = roster_datetime_format_date(a->date);
		roster_error_set_field(error,
				       ROSTER_ERROR_INVALID_DATA,
				       "one-shift-per-day",
				       "%s already works on the operational day %s",
				       v->name,
				       date);
		return NULL;
	}
	roster_solver_roster_set(after,
				 (guint)p,
				 d,
				 roster_hotline_model_seat_type(edit->model,
								(guint)p,
								d,
								(guint)slot,
								(guint)c,
								a->seat_no));
	*person = (guint)p;
	*day = d;
	return g_steal_pointer(&after);
}

/**
 * roster_rosters_check_reassign:
 * @edit: a roster read, whose @before is the roster the change starts from
 * @old: (array length=n) (nullable): the assignments as they are, or %NULL for a seat
 *   nobody held
 * @changed: (array length=n): the same seats with their new volunteers
 * @n: how many
 * @error: (nullable): return location for a #GError
 *
 * The hard-rule check of a hand edit, for a change of the volunteers of seats: every
 * old volunteer leaves, every new one takes the seat, and the result as a whole may
 * bring no problem that @edit->before did not have. A refusal is as a hand edit's.
 *
 * Returns: whether the change keeps the hard rules
 **/
gboolean
roster_rosters_check_reassign(const RosterRosterEdit *edit,
			      const RosterHotlineAssignment *const *old,
			      const RosterHotlineAssignment *const *changed,
			      guint n,
			      GError **error)
{
	g_autoptr(RosterSolverRoster) after = roster_solver_roster_copy(edit->before);
	g_autofree guint *people = g_new0(guint, 2 * n);
	g_autofree guint *days = g_new0(guint, 2 * n);
	guint n_cells = 0;

	for (guint i = 0; i < n; i++) {
		gint p;
		if (old == NULL || old[i] == NULL)
			continue;
		clear_cell(edit, after, old[i]);
		p = roster_hotline_model_find_person(edit->model, old[i]->volunteer_id);
		if (p >= 0 && old[i]->date >= edit->hotline->first_day) {
			people[n_cells] = (guint)p;
			days[n_cells++] = old[i]->date - edit->hotline->first_day;
		}
	}
	for (guint i = 0; i < n; i++) {
		RosterSolverRoster *placed;
		if (roster_hotline_model_find_person(edit->model, changed[i]->volunteer_id) < 0)
			return roster_rosters_invalid(error,
						      ROSTER_KEY_VOLUNTEER_ID,
						      "no such volunteer");
		placed = place_in(edit, after, changed[i], &people[n_cells], &days[n_cells], error);
		if (placed == NULL)
			return FALSE;
		n_cells++;
		roster_solver_roster_free(after);
		after = placed;
	}
	return check_change(edit, after, people, days, n_cells, error);
}

static JsonNode *
edit_answer(RosterHotlineAssignment *a, gint64 roster_revision)
{
	JsonNode *node = roster_rosters_assignment_to_node(a);
	/* the revision of an edit's answer is the roster's, for the next edit */
	json_object_set_int_member(json_node_get_object(node),
				   ROSTER_KEY_REVISION,
				   roster_revision);
	return node;
}

/* writes @a (a new row when @old is %NULL, else over @old), audits the edit and
 * commits it with the roster's new revision */
static JsonNode *
write_assignment(RosterEngine *self,
		 RosterPrincipal *principal,
		 RosterRosterEdit *edit,
		 const RosterHotlineAssignment *old,
		 RosterHotlineAssignment *a,
		 const gchar *action,
		 GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(JsonNode) before_node = NULL;
	g_autoptr(JsonNode) after_node = NULL;
	gboolean written;

	if (!roster_store_begin(store, error))
		return NULL;
	written = old == NULL ? roster_store_insert_assignment(store, edit->roster->id, a, error)
			      : roster_store_update_assignment(store, edit->roster->id, a, error);
	if (!written) {
		roster_store_rollback(store);
		return NULL;
	}
	if (old != NULL)
		before_node = roster_rosters_assignment_to_node(old);
	after_node = roster_rosters_assignment_to_node(a);
	if (!finish_edit(self, principal, edit, action, a->id, before_node, after_node, error))
		return NULL;
	return edit_answer(a, edit->roster->revision);
}

/**
 * roster_engine_assign:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @body: the assignment with the roster revision read
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the assignment with the roster's new revision
 */
JsonNode *
roster_engine_assign(RosterEngine *self,
		     RosterPrincipal *principal,
		     gint64 roster_id,
		     JsonNode *body,
		     GError **error)
{
	g_auto(RosterRosterEdit) edit = {0};
	g_autofree RosterHotlineAssignment *a = roster_hotline_assignment_new();
	g_autoptr(RosterSolverRoster) after = NULL;
	JsonObject *obj;
	gboolean override = FALSE;
	guint person = 0;
	guint day = 0;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	obj = begin_body_edit(self, principal, roster_id, body, &edit, error);
	if (obj == NULL)
		return NULL;
	for (guint i = 0; i < 4; i++) {
		const gchar *required[] = {ROSTER_KEY_DATE,
					   ROSTER_KEY_SLOT,
					   ROSTER_KEY_SEAT_CLASS_ID,
					   ROSTER_KEY_VOLUNTEER_ID};
		if (!json_object_has_member(obj, required[i])) {
			roster_rosters_invalid(error, required[i], "required");
			return NULL;
		}
	}
	if (!read_placement(&edit, obj, a, error) || !read_override(obj, &override, error))
		return NULL;
	a->source = override ? ROSTER_HOTLINE_SOURCE_OVERRIDE : ROSTER_HOTLINE_SOURCE_MANUAL;
	if (a->seat_no == 0)
		a->seat_no = free_seat(&edit, a);
	after = place_in(&edit, edit.before, a, &person, &day, error);
	if (after == NULL)
		return NULL;
	if (!override && !check_change(&edit, after, &person, &day, 1, error))
		return NULL;
	return write_assignment(self,
				principal,
				&edit,
				NULL,
				a,
				override ? "override" : ROSTER_ACTION_CREATE,
				error);
}

/**
 * roster_engine_update_assignment:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @assignment_id: the assignment
 * @body: the members to change with the roster revision read
 * @error: (nullable): return location for a #GError
 *
 * Moves (another date, slot, seat class, seat or volunteer), pins or unpins.
 *
 * Returns: (transfer full): the assignment with the roster's new revision
 */
JsonNode *
roster_engine_update_assignment(RosterEngine *self,
				RosterPrincipal *principal,
				gint64 roster_id,
				gint64 assignment_id,
				JsonNode *body,
				GError **error)
{
	g_auto(RosterRosterEdit) edit = {0};
	g_autofree RosterHotlineAssignment *old = NULL;
	g_autofree RosterHotlineAssignment *a = NULL;
	JsonObject *obj;
	gboolean override = FALSE;
	gboolean moved;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	obj = begin_body_edit(self, principal, roster_id, body, &edit, error);
	if (obj == NULL)
		return NULL;
	old = roster_store_get_assignment(roster_engine_get_store(self),
					  roster_id,
					  assignment_id,
					  error);
	if (old == NULL)
		return NULL;
	a = roster_hotline_assignment_copy(old);
	if (!read_placement(&edit, obj, a, error) || !read_override(obj, &override, error))
		return NULL;
	moved = a->date != old->date || a->slot_start != old->slot_start ||
		a->seat_class_id != old->seat_class_id || a->volunteer_id != old->volunteer_id;
	if (moved && old->pinned && a->pinned && !override) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_PINNED,
				       "the assignment is pinned; unpin it first");
		return NULL;
	}
	if (moved) {
		g_autoptr(RosterSolverRoster) without = roster_solver_roster_copy(edit.before);
		g_autoptr(RosterSolverRoster) after = NULL;
		gint p_old = roster_hotline_model_find_person(edit.model, old->volunteer_id);
		guint people[2];
		guint days[2];
		if (p_old >= 0 && old->date >= edit.hotline->first_day &&
		    old->date < edit.hotline->first_day + edit.hotline->n_days) {
			roster_solver_roster_set(without,
						 (guint)p_old,
						 old->date - edit.hotline->first_day,
						 ROSTER_SOLVER_OFF);
		}
		after = place_in(&edit, without, a, &people[0], &days[0], error);
		if (after == NULL)
			return NULL;
		people[1] = (guint)MAX(p_old, 0);
		days[1] = old->date - edit.hotline->first_day;
		if (!override && !check_change(&edit, after, people, days, 2, error))
			return NULL;
		if (!json_object_has_member(obj, ROSTER_KEY_SEAT_NO))
			a->seat_no = free_seat(&edit, a);
		a->source = override ? ROSTER_HOTLINE_SOURCE_OVERRIDE
				     : ROSTER_HOTLINE_SOURCE_MANUAL;
	}
	return write_assignment(self,
				principal,
				&edit,
				old,
				a,
				override ? "override" : ROSTER_ACTION_UPDATE,
				error);
}

/* the two assignment ids of a swap: {"assignments": [A, B]}, distinct */
static gboolean
read_swap_ids(JsonObject *obj, gint64 *first, gint64 *second, GError **error)
{
	JsonNode *node = json_object_get_member(obj, ROSTER_KEY_ASSIGNMENTS);
	JsonArray *ids;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node) ||
	    json_array_get_length(json_node_get_array(node)) != 2)
		return roster_rosters_invalid(error,
					      ROSTER_KEY_ASSIGNMENTS,
					      "must be the ids of two assignments");
	ids = json_node_get_array(node);
	for (guint i = 0; i < 2; i++) {
		JsonNode *id = json_array_get_element(ids, i);
		if (!JSON_NODE_HOLDS_VALUE(id) || json_node_get_value_type(id) != G_TYPE_INT64 ||
		    json_node_get_int(id) <= 0)
			return roster_rosters_invalid(error,
						      ROSTER_KEY_ASSIGNMENTS,
						      "must be the ids of two assignments");
	}
	*first = json_array_get_int_element(ids, 0);
	*second = json_array_get_int_element(ids, 1);
	if (*first == *second)
		return roster_rosters_invalid(error,
					      ROSTER_KEY_ASSIGNMENTS,
					      "must be two different assignments");
	return TRUE;
}

/* the roster without the volunteer of @a on its day, when that day is in the period */
static void
clear_cell(const RosterRosterEdit *edit,
	   RosterSolverRoster *roster,
	   const RosterHotlineAssignment *a)
{
	gint p = roster_hotline_model_find_person(edit->model, a->volunteer_id);

	if (p >= 0 && a->date >= edit->hotline->first_day &&
	    a->date < edit->hotline->first_day + edit->hotline->n_days)
		roster_solver_roster_set(roster,
					 (guint)p,
					 a->date - edit->hotline->first_day,
					 ROSTER_SOLVER_OFF);
}

/**
 * roster_engine_swap_assignments:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @body: {"revision", "assignments": [A, B], "override"?}
 * @error: (nullable): return location for a #GError
 *
 * Exchanges the volunteers of two assignments in one transaction: each seat keeps its
 * date, slot, seat class and number and takes the other's volunteer. The hard rules
 * are checked on the result as a whole, so a swap of two people on the same day is
 * not refused for the moment in between; "override" accepts a broken rule and is
 * audited as such. Pinned assignments are not swapped without it.
 *
 * Returns: (transfer full): {"revision": the roster's new revision, "assignments":
 *   [A, B] as they are now}
 */
JsonNode *
roster_engine_swap_assignments(RosterEngine *self,
			       RosterPrincipal *principal,
			       gint64 roster_id,
			       JsonNode *body,
			       GError **error)
{
	g_auto(RosterRosterEdit) edit = {0};
	RosterStore *store;
	g_autofree RosterHotlineAssignment *old_a = NULL;
	g_autofree RosterHotlineAssignment *old_b = NULL;
	g_autofree RosterHotlineAssignment *a = NULL;
	g_autofree RosterHotlineAssignment *b = NULL;
	g_autoptr(RosterSolverRoster) without = NULL;
	g_autoptr(RosterSolverRoster) half = NULL;
	g_autoptr(RosterSolverRoster) after = NULL;
	g_autoptr(JsonNode) before_a = NULL;
	g_autoptr(JsonNode) after_a = NULL;
	g_autoptr(JsonNode) before_b = NULL;
	g_autoptr(JsonNode) after_b = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	const gchar *action;
	JsonObject *obj;
	gboolean override = FALSE;
	gint64 id_a = 0;
	gint64 id_b = 0;
	guint people[4];
	guint days[4];

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	obj = roster_rosters_body_object(body, error);
	if (obj == NULL)
		return NULL;
	if (!read_swap_ids(obj, &id_a, &id_b, error) || !read_override(obj, &override, error))
		return NULL;
	if (!begin_edit(self,
			principal,
			roster_id,
			roster_engine_json_get_int(obj, ROSTER_KEY_REVISION, 0),
			&edit,
			error))
		return NULL;
	store = roster_engine_get_store(self);
	old_a = roster_store_get_assignment(store, roster_id, id_a, error);
	if (old_a == NULL)
		return NULL;
	old_b = roster_store_get_assignment(store, roster_id, id_b, error);
	if (old_b == NULL)
		return NULL;
	if (old_a->volunteer_id == old_b->volunteer_id) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_ASSIGNMENTS,
				       "both have the same volunteer");
		return NULL;
	}
	if ((old_a->pinned || old_b->pinned) && !override) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_PINNED,
				       "an assignment of the swap is pinned; unpin it first");
		return NULL;
	}
	a = roster_hotline_assignment_copy(old_a);
	b = roster_hotline_assignment_copy(old_b);
	a->volunteer_id = old_b->volunteer_id;
	b->volunteer_id = old_a->volunteer_id;
	a->source = b->source = override ? ROSTER_HOTLINE_SOURCE_OVERRIDE
					 : ROSTER_HOTLINE_SOURCE_MANUAL;

	/* both people leave their shifts, then each takes the other's */
	without = roster_solver_roster_copy(edit.before);
	clear_cell(&edit, without, old_a);
	clear_cell(&edit, without, old_b);
	half = place_in(&edit, without, a, &people[0], &days[0], error);
	if (half == NULL)
		return NULL;
	after = place_in(&edit, half, b, &people[1], &days[1], error);
	if (after == NULL)
		return NULL;
	people[2] = people[1];
	days[2] = days[0];
	people[3] = people[0];
	days[3] = days[1];
	if (!override && !check_change(&edit, after, people, days, 4, error))
		return NULL;

	action = override ? "override" : ROSTER_ACTION_UPDATE;
	if (!roster_store_begin(store, error))
		return NULL;
	if (!roster_store_update_assignment(store, roster_id, a, error) ||
	    !roster_store_update_assignment(store, roster_id, b, error)) {
		roster_store_rollback(store);
		return NULL;
	}
	before_a = roster_rosters_assignment_to_node(old_a);
	after_a = roster_rosters_assignment_to_node(a);
	before_b = roster_rosters_assignment_to_node(old_b);
	after_b = roster_rosters_assignment_to_node(b);
	if (!roster_engine_add_audit(self,
				     principal,
				     action,
				     ROSTER_COLLECTION_ASSIGNMENTS,
				     a->id,
				     before_a,
				     after_a,
				     error)) {
		roster_store_rollback(store);
		return NULL;
	}
	if (!finish_edit(self, principal, &edit, action, b->id, before_b, after_b, error))
		return NULL;
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, edit.roster->revision);
	json_builder_set_member_name(builder, ROSTER_KEY_ASSIGNMENTS);
	json_builder_begin_array(builder);
	json_builder_add_value(builder, g_steal_pointer(&after_a));
	json_builder_add_value(builder, g_steal_pointer(&after_b));
	json_builder_end_array(builder);
	json_builder_end_object(builder);
	return json_builder_get_root(builder);
}

/**
 * roster_engine_unassign:
 * @self: an engine
 * @principal: the caller
 * @roster_id: the roster
 * @assignment_id: the assignment
 * @revision: the roster revision read
 * @override: remove even when a hard rule breaks (a trainee left alone) or it is pinned
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"revision": the roster's new revision}
 */
JsonNode *
roster_engine_unassign(RosterEngine *self,
		       RosterPrincipal *principal,
		       gint64 roster_id,
		       gint64 assignment_id,
		       gint64 revision,
		       gboolean override,
		       GError **error)
{
	g_auto(RosterRosterEdit) edit = {0};
	g_autofree RosterHotlineAssignment *old = NULL;
	g_autoptr(JsonNode) before_node = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	gint p;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!begin_edit(self, principal, roster_id, revision, &edit, error))
		return NULL;
	old = roster_store_get_assignment(roster_engine_get_store(self),
					  roster_id,
					  assignment_id,
					  error);
	if (old == NULL)
		return NULL;
	if (old->pinned && !override) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_PINNED,
				       "the assignment is pinned; unpin it first");
		return NULL;
	}
	p = roster_hotline_model_find_person(edit.model, old->volunteer_id);
	if (p >= 0 && !override) {
		g_autoptr(RosterSolverRoster) after = roster_solver_roster_copy(edit.before);
		guint person = (guint)p;
		guint day = old->date - edit.hotline->first_day;
		roster_solver_roster_set(after, person, day, ROSTER_SOLVER_OFF);
		if (!check_change(&edit, after, &person, &day, 1, error))
			return NULL;
	}
	if (!roster_store_begin(roster_engine_get_store(self), error))
		return NULL;
	if (!roster_store_delete_assignment(roster_engine_get_store(self),
					    roster_id,
					    assignment_id,
					    error)) {
		roster_store_rollback(roster_engine_get_store(self));
		return NULL;
	}
	before_node = roster_rosters_assignment_to_node(old);
	if (!finish_edit(self,
			 principal,
			 &edit,
			 override ? "override" : ROSTER_ACTION_DELETE,
			 assignment_id,
			 before_node,
			 NULL,
			 error))
		return NULL;
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_REVISION);
	json_builder_add_int_value(b, edit.roster->revision);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}
