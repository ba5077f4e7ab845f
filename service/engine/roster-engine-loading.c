/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* loading a roster: its settings, the hotline read from the store (calendar, seats,
 * people, pins, the current and the last published assignments), the solver model of
 * it, its score and its JSON */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-hours.h"
#include "roster-engine-rosters-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"

typedef struct {
	const gchar *key;
	gsize offset;
} SettingField;

static const SettingField setting_fields[] = {
    {ROSTER_SETTING_MIN_REST, G_STRUCT_OFFSET(RosterHotlineSettings, min_rest_minutes)},
    {ROSTER_SETTING_UNCOVERED, G_STRUCT_OFFSET(RosterHotlineSettings, w_uncovered)},
    {ROSTER_SETTING_UNCOVERED_CRISIS, G_STRUCT_OFFSET(RosterHotlineSettings, w_uncovered_crisis)},
    {ROSTER_SETTING_OVER, G_STRUCT_OFFSET(RosterHotlineSettings, w_over)},
    {ROSTER_SETTING_AVOID, G_STRUCT_OFFSET(RosterHotlineSettings, w_avoid)},
    {ROSTER_SETTING_PREFERRED, G_STRUCT_OFFSET(RosterHotlineSettings, w_preferred)},
    {ROSTER_SETTING_NIGHT, G_STRUCT_OFFSET(RosterHotlineSettings, w_night)},
    {ROSTER_SETTING_WEEKEND, G_STRUCT_OFFSET(RosterHotlineSettings, w_weekend)},
    {ROSTER_SETTING_COMMITMENT, G_STRUCT_OFFSET(RosterHotlineSettings, w_commitment)},
    {ROSTER_SETTING_STABILITY, G_STRUCT_OFFSET(RosterHotlineSettings, w_stability)},
    {ROSTER_SETTING_TEAM, G_STRUCT_OFFSET(RosterHotlineSettings, w_team)},
    {ROSTER_SETTING_TRAINEE_PLACE, G_STRUCT_OFFSET(RosterHotlineSettings, w_trainee_place)},
};

/**
 * roster_rosters_is_setting:
 * @key: a member of a roster's settings
 *
 * Returns: whether @key is one of the number settings
 **/
gboolean
roster_rosters_is_setting(const gchar *key)
{
	for (guint i = 0; i < G_N_ELEMENTS(setting_fields); i++) {
		if (g_strcmp0(key, setting_fields[i].key) == 0)
			return TRUE;
	}
	return FALSE;
}

/* settings: defaults overridden by the roster's stored members */
static void
load_settings(JsonObject *obj, RosterHotlineSettings *settings)
{
	roster_hotline_settings_init(settings);
	for (guint i = 0; i < G_N_ELEMENTS(setting_fields); i++) {
		guint *field = G_STRUCT_MEMBER_P(settings, setting_fields[i].offset);
		*field = (guint)roster_engine_json_get_int(obj, setting_fields[i].key, *field);
	}
}

static void
load_team_slots(JsonObject *obj, GArray *team_slots)
{
	JsonObject *teams = NULL;
	g_autoptr(GList) members = NULL;

	if (obj != NULL && json_object_has_member(obj, ROSTER_SETTING_TEAM_SLOTS))
		teams = json_object_get_object_member(obj, ROSTER_SETTING_TEAM_SLOTS);
	if (teams == NULL)
		return;
	members = json_object_get_members(teams);
	for (GList *l = members; l != NULL; l = l->next) {
		JsonArray *slots = json_object_get_array_member(teams, l->data);
		for (guint i = 0; slots != NULL && i < json_array_get_length(slots); i++) {
			RosterHotlineTeamSlot t = {g_ascii_strtoll(l->data, NULL, 10), 0};
			if (roster_datetime_parse_time(json_array_get_string_element(slots, i),
						       &t.slot_start))
				g_array_append_val(team_slots, t);
		}
	}
}

/* the team rotation, validated when the roster was created or its settings changed; the
 * weight defaults to the team weight */
static void
load_team_rotation(JsonObject *obj, RosterHotline *h)
{
	JsonObject *rotation = NULL;
	JsonArray *rules = NULL;

	if (obj != NULL && json_object_has_member(obj, ROSTER_SETTING_TEAM_ROTATION))
		rotation = json_object_get_object_member(obj, ROSTER_SETTING_TEAM_ROTATION);
	if (rotation == NULL)
		return;
	h->rotation.mode =
	    g_strcmp0(
		json_object_get_string_member_with_default(rotation, ROSTER_ROTATION_MODE, NULL),
		ROSTER_ROTATION_HARD) == 0
		? ROSTER_HOTLINE_ROTATION_HARD
		: ROSTER_HOTLINE_ROTATION_SOFT;
	h->rotation.weight =
	    (guint)roster_engine_json_get_int(rotation, ROSTER_ROTATION_WEIGHT, h->settings.w_team);
	roster_datetime_parse_date(
	    json_object_get_string_member_with_default(rotation, ROSTER_ROTATION_CYCLE_START, NULL),
	    &h->rotation.cycle_start);
	if (json_object_has_member(rotation, ROSTER_ROTATION_RULES))
		rules = json_object_get_array_member(rotation, ROSTER_ROTATION_RULES);
	for (guint i = 0; rules != NULL && i < json_array_get_length(rules); i++) {
		JsonObject *r = json_array_get_object_element(rules, i);
		RosterHotlineTeamRule *rule = roster_hotline_add_team_rule(
		    h,
		    roster_engine_json_get_int(r, ROSTER_KEY_TEAM_ID, 0));
		JsonArray *weekdays = json_object_has_member(r, ROSTER_RULE_WEEKDAYS)
					  ? json_object_get_array_member(r, ROSTER_RULE_WEEKDAYS)
					  : NULL;
		JsonArray *slots = json_object_has_member(r, ROSTER_RULE_SLOTS)
				       ? json_object_get_array_member(r, ROSTER_RULE_SLOTS)
				       : NULL;
		for (guint j = 0; weekdays != NULL && j < json_array_get_length(weekdays); j++)
			rule->weekdays |= 1u << json_array_get_int_element(weekdays, j);
		for (guint j = 0; slots != NULL && j < json_array_get_length(slots); j++) {
			gint start = 0;
			if (roster_datetime_parse_time(json_array_get_string_element(slots, j),
						       &start))
				roster_hotline_team_rule_add_slot(rule, start);
		}
		rule->cycle_weeks =
		    (guint)roster_engine_json_get_int(r, ROSTER_RULE_CYCLE_WEEKS, 0);
		rule->cycle_week = (guint)roster_engine_json_get_int(r, ROSTER_RULE_CYCLE_WEEK, 1);
	}
}

static gint
limit_of(RosterRecord *r, const gchar *key)
{
	return (gint)roster_record_get_int(r, key, ROSTER_HOTLINE_NO_LIMIT);
}

static gboolean
load_people(RosterEngine *self, RosterHotline *h, GError **error)
{
	g_autoptr(GPtrArray) volunteers =
	    roster_engine_list_all_records(self, ROSTER_COLLECTION_VOLUNTEERS, error);
	g_autoptr(GPtrArray) availability = NULL;
	g_autoptr(GHashTable) untrained = NULL;

	if (volunteers == NULL)
		return FALSE;
	untrained = roster_engine_dup_untrained_volunteers(self, error);
	if (untrained == NULL)
		return FALSE;
	for (guint i = 0; i < volunteers->len; i++) {
		RosterRecord *r = g_ptr_array_index(volunteers, i);
		RosterHotlineVolunteer *v =
		    roster_engine_add_hotline_volunteer(h,
							roster_record_get_id(r),
							roster_record_get_values(r));
		/* below the minimum of verified pre-job training: only a paired trainee */
		if (g_hash_table_contains(untrained, &v->id))
			v->tier = ROSTER_HOTLINE_TIER_TRAINEE;
		v->active = roster_record_get_bool(r, ROSTER_KEY_ACTIVE, TRUE);
		v->team_id = roster_record_get_int(r, ROSTER_KEY_TEAM_ID, 0);
		v->max_hours_week = limit_of(r, ROSTER_KEY_MAX_HOURS_WEEK);
		v->max_hours_month = limit_of(r, ROSTER_KEY_MAX_HOURS_MONTH);
		v->max_shifts_month = limit_of(r, ROSTER_KEY_MAX_SHIFTS_MONTH);
		v->max_consecutive_days = limit_of(r, ROSTER_KEY_MAX_CONSECUTIVE_DAYS);
		v->max_nights_month = limit_of(r, ROSTER_KEY_MAX_NIGHTS_MONTH);
		v->min_shifts_month = limit_of(r, ROSTER_KEY_MIN_SHIFTS_MONTH);
	}
	availability = roster_engine_list_all_records(self, ROSTER_COLLECTION_AVAILABILITY, error);
	if (availability == NULL)
		return FALSE;
	for (guint i = 0; i < availability->len; i++) {
		RosterRecord *r = g_ptr_array_index(availability, i);
		const gchar *kind = roster_record_get_string(r, ROSTER_KEY_KIND);
		RosterHotlineAvailability *a = roster_hotline_add_availability(
		    h,
		    roster_record_get_int(r, ROSTER_KEY_VOLUNTEER_ID, 0),
		    g_strcmp0(kind, ROSTER_AVAILABILITY_AVOID) == 0
			? ROSTER_HOTLINE_AVAILABILITY_AVOID
		    : g_strcmp0(kind, ROSTER_AVAILABILITY_PREFERRED) == 0
			? ROSTER_HOTLINE_AVAILABILITY_PREFERRED
			: ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE);
		roster_datetime_parse_date(roster_record_get_string(r, ROSTER_KEY_DATE), &a->date);
		a->weekday = (guint)roster_record_get_int(r, ROSTER_KEY_WEEKDAY, 0);
		if (!roster_datetime_parse_time(roster_record_get_string(r, ROSTER_KEY_START),
						&a->start) ||
		    !roster_datetime_parse_end_time(roster_record_get_string(r, ROSTER_KEY_END),
						    &a->end)) {
			a->start = -1;
			a->end = -1;
		}
	}
	return TRUE;
}

/**
 * roster_rosters_add_shift_members:
 * @b: a builder inside an object
 * @a: an assignment
 *
 * Adds the members of the shift of @a: "date", "slot" and "seat_class_id".
 **/
void
roster_rosters_add_shift_members(JsonBuilder *b, const RosterHotlineAssignment *a)
{
	g_autofree gchar *date = roster_datetime_format_date(a->date);
	g_autofree gchar *slot = roster_datetime_format_time(a->slot_start);

	json_builder_set_member_name(b, ROSTER_KEY_DATE);
	json_builder_add_string_value(b, date);
	json_builder_set_member_name(b, ROSTER_KEY_SLOT);
	json_builder_add_string_value(b, slot);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(b, a->seat_class_id);
}

static void
add_assignment_json(JsonBuilder *b, const RosterHotlineAssignment *a)
{
	json_builder_begin_object(b);
	if (a->id > 0) {
		json_builder_set_member_name(b, ROSTER_KEY_ID);
		json_builder_add_int_value(b, a->id);
	}
	roster_rosters_add_shift_members(b, a);
	json_builder_set_member_name(b, ROSTER_KEY_SEAT_NO);
	json_builder_add_int_value(b, a->seat_no);
	json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
	json_builder_add_int_value(b, a->volunteer_id);
	json_builder_set_member_name(b, ROSTER_KEY_PINNED);
	json_builder_add_boolean_value(b, a->pinned);
	json_builder_set_member_name(b, ROSTER_KEY_SOURCE);
	json_builder_add_string_value(b, roster_hotline_source_to_string(a->source));
	json_builder_end_object(b);
}

JsonNode *
roster_rosters_assignment_to_node(const RosterHotlineAssignment *a)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	add_assignment_json(b, a);
	return json_builder_get_root(b);
}

JsonNode *
roster_rosters_assignments_to_node(GPtrArray *assignments)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	json_builder_begin_array(b);
	for (guint i = 0; i < assignments->len; i++)
		add_assignment_json(b, g_ptr_array_index(assignments, i));
	json_builder_end_array(b);
	return json_builder_get_root(b);
}

/* the whole hotline of a roster: calendar, seats, demand, people, pins, the current
 * assignments and the last published version */
static RosterHotline *
load_hotline(RosterEngine *self, RosterStoreRoster *roster, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	guint32 first = 0;
	guint32 last = 0;
	g_autoptr(RosterHotline) h = NULL;
	g_autoptr(JsonNode) settings = NULL;
	JsonObject *obj;
	g_autoptr(GPtrArray) current = NULL;
	g_autoptr(GPtrArray) previous = NULL;
	gboolean published = FALSE;

	roster_datetime_parse_date(roster->period_start, &first);
	roster_datetime_parse_date(roster->period_end, &last);
	h = roster_engine_new_hotline(self, first, last - first + 1, error);
	if (h == NULL || !load_people(self, h, error))
		return NULL;
	settings = roster->settings != NULL ? json_from_string(roster->settings, NULL) : NULL;
	obj = settings != NULL && JSON_NODE_HOLDS_OBJECT(settings) ? json_node_get_object(settings)
								   : NULL;
	load_settings(obj, &h->settings);
	load_team_slots(obj, h->team_slots);
	load_team_rotation(obj, h);
	current = roster_store_list_assignments(store, roster->id, 0, error);
	if (current == NULL)
		return NULL;
	for (guint i = 0; i < current->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(current, i);
		if (a->pinned)
			g_ptr_array_add(h->pinned, roster_hotline_assignment_copy(a));
		g_ptr_array_add(h->current, roster_hotline_assignment_copy(a));
	}
	previous = roster_store_list_published_assignments(store, roster, &published, error);
	if (previous == NULL)
		return NULL;
	/* a roster never published has no previous version to keep stable */
	for (guint i = 0; published && i < previous->len; i++)
		g_ptr_array_add(h->previous,
				roster_hotline_assignment_copy(g_ptr_array_index(previous, i)));
	return g_steal_pointer(&h);
}

/*
 * The score stored with a roster carries the number of audit rows when it was
 * computed: every write of the daemon (volunteers, availability, training, seats,
 * demand, the roster itself) adds an audit row in its own transaction, so a count that
 * moved on says that an input may have changed and the score is computed again on read
 */
#define SCORE_INPUTS_STAMP "inputs_stamp"

/* the score of a roster: the solver's objective and the hard rules it breaks, each
 * counted once as the explanations list them */
JsonNode *
roster_rosters_score_node(const RosterHotlineModel *model, const RosterSolverRoster *roster)
{
	g_autoptr(RosterSolverEvaluation) ev = roster_solver_evaluate(model->solver, roster);
	g_autoptr(GPtrArray) problems = roster_hotline_list_problems(model, roster);
	g_autoptr(JsonBuilder) b = json_builder_new();
	guint required = 0;
	guint uncovered = 0;
	guint uncovered_crisis = 0;

	roster_hotline_count_uncovered(model, roster, &required, &uncovered, &uncovered_crisis);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_FEASIBLE);
	json_builder_add_boolean_value(b, problems->len == 0);
	json_builder_set_member_name(b, ROSTER_KEY_OBJECTIVE);
	json_builder_add_int_value(b, ev->objective);
	json_builder_set_member_name(b, ROSTER_KEY_HARD_VIOLATIONS);
	json_builder_add_int_value(b, problems->len);
	json_builder_set_member_name(b, "required");
	json_builder_add_int_value(b, required);
	json_builder_set_member_name(b, ROSTER_KEY_UNCOVERED);
	json_builder_add_int_value(b, uncovered);
	json_builder_set_member_name(b, ROSTER_KEY_UNCOVERED_CRISIS);
	json_builder_add_int_value(b, uncovered_crisis);
	json_builder_set_member_name(b, ROSTER_KEY_VIOLATIONS);
	json_builder_begin_array(b);
	for (guint i = 0; i < problems->len && i < 50; i++) {
		RosterHotlineProblem *p = g_ptr_array_index(problems, i);
		g_autofree gchar *text = g_strdup_printf("%s: %s", p->rule, p->text);
		json_builder_add_string_value(b, text);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/* the number of audit rows: the stamp of the inputs a score was computed from */
static gboolean
get_inputs_stamp(RosterEngine *self, gint64 *stamp, GError **error)
{
	g_autoptr(GPtrArray) rows = roster_store_list_audit(roster_engine_get_store(self),
							    NULL,
							    0,
							    NULL,
							    0,
							    0,
							    stamp,
							    error);
	return rows != NULL;
}

/* the score as stored: with the stamp of its inputs, one more than the audit rows so
 * far for the audit row that the write about to store it adds */
gchar *
roster_rosters_dup_stored_score(RosterEngine *self, JsonNode *score, GError **error)
{
	g_autofree gchar *text = json_to_string(score, FALSE);
	/* a deep copy: json_node_copy() shares the object, and the caller's score shows
	 * no stamp */
	g_autoptr(JsonNode) copy = json_from_string(text, NULL);
	gint64 stamp = 0;

	if (!get_inputs_stamp(self, &stamp, error))
		return NULL;
	json_object_set_int_member(json_node_get_object(copy), SCORE_INPUTS_STAMP, stamp + 1);
	return json_to_string(copy, FALSE);
}

JsonNode *
roster_rosters_roster_to_node(RosterStoreRoster *r, GPtrArray *assignments)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) settings = json_from_string(r->settings, NULL);
	g_autoptr(JsonNode) score = r->score != NULL ? json_from_string(r->score, NULL) : NULL;

	if (score != NULL && JSON_NODE_HOLDS_OBJECT(score))
		json_object_remove_member(json_node_get_object(score), SCORE_INPUTS_STAMP);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_ID);
	json_builder_add_int_value(b, r->id);
	json_builder_set_member_name(b, ROSTER_KEY_REVISION);
	json_builder_add_int_value(b, r->revision);
	json_builder_set_member_name(b, ROSTER_KEY_CREATED);
	json_builder_add_string_value(b, r->created);
	json_builder_set_member_name(b, ROSTER_KEY_MODIFIED);
	json_builder_add_string_value(b, r->modified);
	/* a roster the coordinator did not name has none: each client words its period
	 * in its own language */
	json_builder_set_member_name(b, ROSTER_KEY_NAME);
	if (r->name != NULL && r->name[0] != '\0')
		json_builder_add_string_value(b, r->name);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_PERIOD_START);
	json_builder_add_string_value(b, r->period_start);
	json_builder_set_member_name(b, ROSTER_KEY_PERIOD_END);
	json_builder_add_string_value(b, r->period_end);
	json_builder_set_member_name(b, ROSTER_KEY_STATE);
	json_builder_add_string_value(b, r->state);
	json_builder_set_member_name(b, ROSTER_KEY_N_VERSIONS);
	json_builder_add_int_value(b, r->n_versions);
	json_builder_set_member_name(b, ROSTER_KEY_SETTINGS);
	if (settings != NULL)
		json_builder_add_value(b, g_steal_pointer(&settings));
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, ROSTER_KEY_SCORE);
	if (score != NULL)
		json_builder_add_value(b, g_steal_pointer(&score));
	else
		json_builder_add_null_value(b);
	if (assignments != NULL) {
		json_builder_set_member_name(b, ROSTER_KEY_ASSIGNMENTS);
		json_builder_add_value(b, roster_rosters_assignments_to_node(assignments));
	}
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_rosters_end_roster_write:
 * @self: an engine
 * @principal: the actor
 * @action: the audit action, such as create or publish
 * @roster: the roster as written
 * @ok: whether the write's steps inside the caller's transaction succeeded
 * @error: (nullable): return location for a #GError, set by the failed step
 *
 * Ends a write of a roster row: its audit row with the roster as it now is, then the
 * commit; the transaction is rolled back when @ok is %FALSE or either fails.
 *
 * Returns: (transfer full): the roster as written, or %NULL with @error set
 **/
JsonNode *
roster_rosters_end_roster_write(RosterEngine *self,
				RosterPrincipal *principal,
				const gchar *action,
				RosterStoreRoster *roster,
				gboolean ok,
				GError **error)
{
	g_autoptr(JsonNode) result = NULL;

	if (!ok) {
		roster_engine_end_write(self, FALSE, error);
		return NULL;
	}
	result = roster_rosters_roster_to_node(roster, NULL);
	if (!roster_engine_commit_with_audit(self,
					     principal,
					     action,
					     ROSTER_COLLECTION_ROSTERS,
					     roster->id,
					     NULL,
					     result,
					     error))
		return NULL;
	return g_steal_pointer(&result);
}

/**
 * roster_rosters_dup_row_score:
 * @self: an engine
 * @roster: a roster row as it is about to be written (its settings may not be stored yet)
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): the score of the roster's assignments under the row's
 *   settings, stamped for the write about to store it, or %NULL with @error set when
 *   the model cannot hold the roster
 **/
gchar *
roster_rosters_dup_row_score(RosterEngine *self, RosterStoreRoster *roster, GError **error)
{
	g_autoptr(RosterHotline) hotline = load_hotline(self, roster, error);
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverRoster) current = NULL;
	g_autoptr(JsonNode) score = NULL;

	if (hotline == NULL)
		return NULL;
	model = roster_hotline_model_new(hotline, error);
	if (model == NULL)
		return NULL;
	current = roster_hotline_model_from_assignments(model, hotline->current, error);
	if (current == NULL)
		return NULL;
	score = roster_rosters_score_node(model, current);
	return roster_rosters_dup_stored_score(self, score, error);
}

/* the roster row, its hotline and the solver model of it */
gboolean
roster_rosters_prepare(RosterEngine *self,
		       gint64 id,
		       gboolean for_solve,
		       RosterStoreRoster **roster_out,
		       RosterHotline **hotline_out,
		       RosterHotlineModel **model_out,
		       GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(RosterHotline) hotline = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;

	roster = roster_store_get_roster(roster_engine_get_store(self), id, error);
	if (roster == NULL)
		return FALSE;
	hotline = load_hotline(self, roster, error);
	if (hotline == NULL)
		return FALSE;
	/* a solve needs no (slot, seat class) that nobody needs or holds: a smaller model */
	hotline->only_needed = for_solve;
	model = roster_hotline_model_new(hotline, error);
	if (model == NULL)
		return FALSE;
	*roster_out = g_steal_pointer(&roster);
	*hotline_out = g_steal_pointer(&hotline);
	*model_out = g_steal_pointer(&model);
	return TRUE;
}

/*
 * the score of @roster as it is now: the stored one while no input changed since it
 * was computed, else computed again from the stored assignments (not written back, so
 * that a read changes no revision); a roster the model cannot hold keeps its stored
 * score
 */
gboolean
roster_rosters_ensure_score(RosterEngine *self, RosterStoreRoster *roster, GError **error)
{
	g_autoptr(JsonNode) stored = NULL;
	g_autoptr(RosterStoreRoster) fresh = NULL;
	g_autoptr(RosterHotline) hotline = NULL;
	g_autoptr(RosterHotlineModel) model = NULL;
	g_autoptr(RosterSolverRoster) current = NULL;
	g_autoptr(JsonNode) score = NULL;
	g_autoptr(GError) error_local = NULL;
	gint64 stamp = 0;

	if (!get_inputs_stamp(self, &stamp, error))
		return FALSE;
	stored = roster->score != NULL ? json_from_string(roster->score, NULL) : NULL;
	if (stored != NULL && JSON_NODE_HOLDS_OBJECT(stored) &&
	    json_object_get_int_member_with_default(json_node_get_object(stored),
						    SCORE_INPUTS_STAMP,
						    -1) == stamp)
		return TRUE;
	if (!roster_rosters_prepare(self,
				    roster->id,
				    FALSE,
				    &fresh,
				    &hotline,
				    &model,
				    &error_local)) {
		g_debug("scoring roster %" G_GINT64_FORMAT ": %s",
			roster->id,
			error_local->message);
		return TRUE;
	}
	current = roster_hotline_model_from_assignments(model, hotline->current, &error_local);
	if (current == NULL) {
		g_debug("scoring roster %" G_GINT64_FORMAT ": %s",
			roster->id,
			error_local->message);
		return TRUE;
	}
	score = roster_rosters_score_node(model, current);
	json_object_set_int_member(json_node_get_object(score), SCORE_INPUTS_STAMP, stamp);
	g_free(roster->score);
	roster->score = json_to_string(score, FALSE);
	return TRUE;
}

gchar *
roster_rosters_dup_score_without_stamp(const gchar *score)
{
	g_autoptr(JsonNode) node = score != NULL ? json_from_string(score, NULL) : NULL;

	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return g_strdup(score);
	json_object_remove_member(json_node_get_object(node), SCORE_INPUTS_STAMP);
	return json_to_string(node, FALSE);
}

/**
 * roster_roster_edit_clear:
 * @edit: a roster read for an edit
 *
 * Frees what @edit holds.
 **/
void
roster_roster_edit_clear(RosterRosterEdit *edit)
{
	roster_solver_roster_free(edit->before);
	roster_hotline_model_free(edit->model);
	roster_hotline_free(edit->hotline);
	roster_store_roster_free(edit->roster);
}

/**
 * roster_rosters_load_before:
 * @edit: a roster read with its model
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether the current assignments of @edit fit its model, now in @edit->before
 **/
gboolean
roster_rosters_load_before(RosterRosterEdit *edit, GError **error)
{
	edit->before =
	    roster_hotline_model_from_assignments(edit->model, edit->hotline->current, error);
	return edit->before != NULL;
}

/**
 * roster_rosters_load_current:
 * @self: an engine
 * @principal: the caller: not a volunteer
 * @id: the roster
 * @edit: where the roster goes
 * @error: (nullable): return location for a #GError
 *
 * Returns: whether the roster, its model and the current roster in it were read
 **/
gboolean
roster_rosters_load_current(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    RosterRosterEdit *edit,
			    GError **error)
{
	if (!roster_rosters_check_read(self, principal, error))
		return FALSE;
	if (roster_principal_get_role(principal) == ROSTER_ROLE_VOLUNTEER)
		return roster_rosters_check_write(self, principal, error);
	if (!roster_rosters_prepare(self,
				    id,
				    FALSE,
				    &edit->roster,
				    &edit->hotline,
				    &edit->model,
				    error))
		return FALSE;
	return roster_rosters_load_before(edit, error);
}
