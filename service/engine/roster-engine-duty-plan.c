/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty rota's plan of a roster: the line's duty settings, the blocks the hotline
 * needs (every unmanned slot and every crisis seat's slot lies in one) and the hard
 * rules that decide who may hold each block */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-duty-private.h"

#define DEFAULT_BLOCK_HOURS  12
#define DEFAULT_SLA_MINUTES  30
#define DEFAULT_SKILL	     "supervision"
#define DEFAULT_N_BACKUPS    2
#define DEFAULT_REST_MINUTES 720
/* the cost of a block over a time the person would rather avoid */
#define AVOID_COST 500

/**
 * roster_duty_settings_clear:
 * @settings: settings
 *
 * Since: 0.1
 */
void
roster_duty_settings_clear(RosterDutySettings *settings)
{
	g_clear_pointer(&settings->skill, g_free);
}

/**
 * roster_duty_settings_load:
 * @store: a store
 * @settings: (out caller-allocates): the settings, the defaults where none are stored
 * @error: (nullable): return location for a #GError
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_duty_settings_load(RosterStore *store, RosterDutySettings *settings, GError **error)
{
	g_autofree gchar *text = NULL;
	g_autoptr(JsonNode) node = NULL;
	JsonObject *obj;

	settings->enabled = FALSE;
	settings->block_hours = DEFAULT_BLOCK_HOURS;
	settings->sla_minutes = DEFAULT_SLA_MINUTES;
	settings->skill = g_strdup(DEFAULT_SKILL);
	settings->n_backups = DEFAULT_N_BACKUPS;
	settings->rest_minutes = DEFAULT_REST_MINUTES;
	if (!roster_store_get_setting(store, ROSTER_SETTING_DUTY, &text, error))
		return FALSE;
	node = text != NULL ? json_from_string(text, NULL) : NULL;
	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return TRUE;
	obj = json_node_get_object(node);
	settings->enabled =
	    json_object_get_boolean_member_with_default(obj, ROSTER_KEY_DUTY_ENABLED, TRUE);
	settings->block_hours = json_object_get_int_member_with_default(obj,
									ROSTER_KEY_DUTY_BLOCK_HOURS,
									DEFAULT_BLOCK_HOURS);
	settings->sla_minutes = json_object_get_int_member_with_default(obj,
									ROSTER_KEY_DUTY_SLA_MINUTES,
									DEFAULT_SLA_MINUTES);
	g_free(settings->skill);
	settings->skill = g_strdup(
	    json_object_get_string_member_with_default(obj, ROSTER_KEY_DUTY_SKILL, DEFAULT_SKILL));
	settings->n_backups = json_object_get_int_member_with_default(obj,
								      ROSTER_KEY_DUTY_N_BACKUPS,
								      DEFAULT_N_BACKUPS);
	settings->rest_minutes =
	    json_object_get_int_member_with_default(obj,
						    ROSTER_KEY_DUTY_REST_MINUTES,
						    DEFAULT_REST_MINUTES);
	return TRUE;
}

/**
 * roster_duty_settings_to_node:
 * @settings: settings
 *
 * Returns: (transfer full): the settings as the API shows and stores them
 *
 * Since: 0.1
 */
JsonNode *
roster_duty_settings_to_node(const RosterDutySettings *settings)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_ENABLED);
	json_builder_add_boolean_value(b, settings->enabled);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_BLOCK_HOURS);
	json_builder_add_int_value(b, settings->block_hours);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_SLA_MINUTES);
	json_builder_add_int_value(b, settings->sla_minutes);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_SKILL);
	json_builder_add_string_value(b, settings->skill);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_N_BACKUPS);
	json_builder_add_int_value(b, settings->n_backups);
	json_builder_set_member_name(b, ROSTER_KEY_DUTY_REST_MINUTES);
	json_builder_add_int_value(b, settings->rest_minutes);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

/**
 * roster_duty_plan_clear:
 * @plan: a plan
 *
 * Since: 0.1
 */
void
roster_duty_plan_clear(RosterDutyPlan *plan)
{
	roster_duty_settings_clear(&plan->settings);
	g_clear_pointer(&plan->starts, g_array_unref);
	g_clear_pointer(&plan->days, g_array_unref);
	g_clear_pointer(&plan->experts, g_array_unref);
	g_clear_pointer(&plan->problem, roster_duty_problem_free);
	g_clear_pointer(&plan->why, g_free);
	g_clear_pointer(&plan->rules, g_free);
}

static gboolean
is_eligible(const RosterHotlineVolunteer *v, const RosterDutySettings *settings)
{
	if (!v->active)
		return FALSE;
	if (v->tier == ROSTER_HOTLINE_TIER_EXPERT)
		return TRUE;
	return settings->skill != NULL && v->skills != NULL &&
	       g_strv_contains((const gchar *const *)v->skills, settings->skill);
}

/* the start of slot k of operational day d in model minutes */
static gint64
slot_at(const RosterHotlineModel *model, gint64 d, guint k)
{
	const RosterHotline *h = model->hotline;

	return d * 1440 + h->first_slot_start + (gint64)k * h->slot_minutes;
}

/* whether slot k of day d needs a duty expert: nobody sits it, or a crisis seat is open */
static gboolean
slot_needs_duty(const RosterHotlineModel *model, guint d, guint k)
{
	guint seats = 0;

	for (guint c = 0; c < model->n_classes; c++) {
		guint r = roster_hotline_model_get_requirement(model, d, k, c);
		if (r > 0 && roster_hotline_model_get_seat_class(model, c)->crisis)
			return TRUE;
		seats += r;
	}
	return seats == 0;
}

/* the slots of day @d whose start lies in [@start, @start + @length), a bit per slot */
static guint64
slots_in(const RosterHotlineModel *model, guint d, gint64 start, gint64 length)
{
	guint64 mask = 0;

	for (guint k = 0; k < model->n_slots && k < 64; k++) {
		gint64 t = slot_at(model, d, k);
		if (t >= start && t < start + length)
			mask |= G_GUINT64_CONSTANT(1) << k;
	}
	return mask;
}

static void
add_blocks(RosterDutyPlan *plan)
{
	const RosterHotlineModel *model = plan->model;
	const RosterHotline *h = model->hotline;
	gint64 length = (gint64)plan->settings.block_hours * 60;

	for (guint d = 0; d < h->n_days; d++) {
		for (gint64 start = (gint64)d * 1440 + h->first_slot_start;
		     start < (gint64)(d + 1) * 1440 + h->first_slot_start;
		     start += length) {
			guint64 mask = slots_in(model, d, start, length);
			gboolean needed = FALSE;
			for (guint k = 0; k < model->n_slots && k < 64 && !needed; k++)
				needed = (mask >> k & 1) != 0 && slot_needs_duty(model, d, k);
			if (!needed)
				continue;
			g_array_append_val(plan->starts, start);
			g_array_append_val(plan->days, d);
		}
	}
}

/**
 * roster_duty_parse_local:
 * @text: (nullable): a local time "YYYY-MM-DDTHH:MM"
 * @julian: (out): its date, a julian day
 * @minutes: (out): its minutes after midnight
 *
 * Returns: whether @text is such a time
 *
 * Since: 0.1
 */
gboolean
roster_duty_parse_local(const gchar *text, guint32 *julian, gint *minutes)
{
	g_auto(GStrv) parts = text != NULL ? g_strsplit(text, "T", 2) : NULL;

	return parts != NULL && g_strv_length(parts) == 2 &&
	       roster_datetime_parse_date(parts[0], julian) &&
	       roster_datetime_parse_time(parts[1], minutes);
}

/* a local "YYYY-MM-DDTHH:MM" in model minutes, or G_MININT64 */
static gint64
parse_local(const RosterHotline *h, const gchar *text)
{
	guint32 julian = 0;
	gint minutes = 0;

	if (!roster_duty_parse_local(text, &julian, &minutes))
		return G_MININT64;
	return ((gint64)julian - (gint64)h->first_day) * 1440 + minutes;
}

/**
 * roster_duty_plan_dup_time:
 * @plan: a plan
 * @minutes: minutes after the midnight of the period's first day
 *
 * Returns: (transfer full): the local time as "YYYY-MM-DDTHH:MM"
 *
 * Since: 0.1
 */
gchar *
roster_duty_plan_dup_time(const RosterDutyPlan *plan, gint64 minutes)
{
	const RosterHotline *h = plan->model->hotline;
	gint64 day = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
	g_autofree gchar *date = roster_datetime_format_date((guint32)(h->first_day + day));
	g_autofree gchar *time = roster_datetime_format_time((gint)(minutes - day * 1440));

	return g_strdup_printf("%sT%s", date, time);
}

/* the hard rules of one expert on one block, in the order the explanation counts them */
typedef enum {
	RULE_OK,
	RULE_NO_REACH,
	RULE_TOO_SLOW,
	RULE_UNAVAILABLE,
	RULE_ON_SEAT,
	RULE_RESTING,
	RULE_AT_LIMIT,
} Rule;

typedef struct {
	RosterDutyPlan *plan;
	GHashTable *reach;     /* volunteer id -> JsonObject */
	GHashTable *on_seat;   /* "block|volunteer" keys */
	GArray *rest_from;     /* gint64 pairs: volunteer id, end of an activation */
	JsonArray *reach_rows; /* owns the objects */
} PlanInputs;

static Rule
check_rule(PlanInputs *in, guint block, guint person, guint64 block_mask, guint *cost)
{
	RosterDutyPlan *plan = in->plan;
	const RosterHotlineModel *model = plan->model;
	guint vi = g_array_index(plan->experts, guint, person);
	const RosterHotlineVolunteer *v = g_ptr_array_index(model->hotline->volunteers, vi);
	JsonObject *reach = g_hash_table_lookup(in->reach, &v->id);
	gint model_person = model->volunteer_person[vi];
	guint day = g_array_index(plan->days, guint, block);
	gint64 start = g_array_index(plan->starts, gint64, block);
	g_autofree gchar *key = g_strdup_printf("%u|%" G_GINT64_FORMAT, block, v->id);

	if (reach == NULL)
		return RULE_NO_REACH;
	if (json_object_get_int_member(reach, ROSTER_KEY_DUTY_RESPONSE_MINUTES) >
	    plan->settings.sla_minutes)
		return RULE_TOO_SLOW;
	if (model_person < 0 ||
	    (roster_hotline_model_get_availability(model,
						   (guint)model_person,
						   day,
						   ROSTER_HOTLINE_AVAILABILITY_UNAVAILABLE) &
	     block_mask) != 0)
		return RULE_UNAVAILABLE;
	if (g_hash_table_contains(in->on_seat, key))
		return RULE_ON_SEAT;
	for (guint i = 0; i + 1 < in->rest_from->len; i += 2) {
		gint64 end = g_array_index(in->rest_from, gint64, i + 1);
		if (g_array_index(in->rest_from, gint64, i) == v->id && start >= end &&
		    start < end + plan->settings.rest_minutes)
			return RULE_RESTING;
	}
	if (json_object_get_int_member_with_default(reach, ROSTER_KEY_DUTY_MAX_BLOCKS, -1) == 0)
		return RULE_AT_LIMIT;
	if ((roster_hotline_model_get_availability(model,
						   (guint)model_person,
						   day,
						   ROSTER_HOTLINE_AVAILABILITY_AVOID) &
	     block_mask) != 0)
		*cost = AVOID_COST;
	return RULE_OK;
}

static void
count_why(RosterDutyWhy *why, Rule rule)
{
	switch (rule) {
	case RULE_NO_REACH:
		why->no_reach++;
		break;
	case RULE_TOO_SLOW:
		why->too_slow++;
		break;
	case RULE_UNAVAILABLE:
		why->unavailable++;
		break;
	case RULE_ON_SEAT:
		why->on_seat++;
		break;
	case RULE_RESTING:
		why->resting++;
		break;
	case RULE_AT_LIMIT:
		why->at_limit++;
		break;
	case RULE_OK:
	default:
		break;
	}
}

/* the seats of @assignments that overlap a block bar their volunteer from it */
static void
mark_seats(PlanInputs *in, GPtrArray *assignments)
{
	RosterDutyPlan *plan = in->plan;
	const RosterHotlineModel *model = plan->model;
	gint64 length = (gint64)plan->settings.block_hours * 60;

	for (guint i = 0; assignments != NULL && i < assignments->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		gint k = roster_hotline_model_find_slot(model, a->slot_start);
		gint64 d = (gint64)a->date - (gint64)model->hotline->first_day;
		gint64 t;
		if (a->volunteer_id <= 0 || k < 0)
			continue;
		t = slot_at(model, d, (guint)k);
		for (guint b = 0; b < plan->starts->len; b++) {
			gint64 s = g_array_index(plan->starts, gint64, b);
			if (t < s + length && s < t + model->hotline->slot_minutes)
				g_hash_table_add(
				    in->on_seat,
				    g_strdup_printf("%u|%" G_GINT64_FORMAT, b, a->volunteer_id));
		}
	}
}

static gboolean
load_inputs(PlanInputs *in, RosterStore *store, GError **error)
{
	const RosterHotline *h = in->plan->model->hotline;
	g_autofree gchar *from = roster_duty_plan_dup_time(in->plan, -2 * 1440);
	g_autoptr(JsonArray) activations = NULL;

	in->reach_rows = roster_store_duty_list_reach(store, error);
	if (in->reach_rows == NULL)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(in->reach_rows); i++) {
		JsonObject *row = json_array_get_object_element(in->reach_rows, i);
		gint64 *id = g_new(gint64, 1);
		*id = json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID);
		g_hash_table_insert(in->reach, id, row);
	}
	activations = roster_store_duty_list_activations(store, from, NULL, error);
	if (activations == NULL)
		return FALSE;
	for (guint i = 0; i < json_array_get_length(activations); i++) {
		JsonObject *row = json_array_get_object_element(activations, i);
		gint64 id = json_object_get_int_member(row, ROSTER_KEY_VOLUNTEER_ID);
		gint64 end =
		    parse_local(h, json_object_get_string_member(row, ROSTER_KEY_DUTY_ENDED));
		if (end == G_MININT64)
			continue;
		g_array_append_val(in->rest_from, id);
		g_array_append_val(in->rest_from, end);
	}
	return TRUE;
}

/**
 * roster_duty_plan_build:
 * @plan: (out caller-allocates): a zeroed plan
 * @store: a store
 * @model: the roster's model
 * @assignments: (nullable): the seats of the roster
 * @error: (nullable): return location for a #GError
 *
 * Lays the blocks of the line's length from the operational day's start and keeps
 * those holding an unmanned slot or a crisis seat's slot; then decides for every
 * eligible expert and block whether the hard rules allow it.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 */
gboolean
roster_duty_plan_build(RosterDutyPlan *plan,
		       RosterStore *store,
		       const RosterHotlineModel *model,
		       GPtrArray *assignments,
		       GError **error)
{
	const RosterHotline *h = model->hotline;
	g_autoptr(GHashTable) reach =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autoptr(GHashTable) on_seat =
	    g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GArray) rest_from = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(JsonArray) reach_rows = NULL;
	PlanInputs in = {plan, reach, on_seat, rest_from, NULL};
	gint64 length;
	gboolean ok;

	plan->model = model;
	plan->starts = g_array_new(FALSE, FALSE, sizeof(gint64));
	plan->days = g_array_new(FALSE, FALSE, sizeof(guint));
	plan->experts = g_array_new(FALSE, FALSE, sizeof(guint));
	if (!roster_duty_settings_load(store, &plan->settings, error))
		return FALSE;
	length = (gint64)plan->settings.block_hours * 60;
	for (guint i = 0; i < h->volunteers->len; i++) {
		if (is_eligible(g_ptr_array_index(h->volunteers, i), &plan->settings))
			g_array_append_val(plan->experts, i);
	}
	if (plan->settings.enabled)
		add_blocks(plan);
	plan->problem = roster_duty_problem_new(plan->starts->len,
						plan->experts->len,
						(guint)MAX(plan->settings.n_backups, 0));
	plan->why = g_new0(RosterDutyWhy, plan->starts->len + 1);
	plan->rules = g_new0(guint8, (gsize)plan->starts->len * plan->experts->len + 1);
	ok = load_inputs(&in, store, error);
	reach_rows = in.reach_rows;
	if (!ok)
		return FALSE;
	mark_seats(&in, assignments);
	for (guint p = 0; p < plan->experts->len; p++) {
		const RosterHotlineVolunteer *v =
		    g_ptr_array_index(h->volunteers, g_array_index(plan->experts, guint, p));
		JsonObject *row = g_hash_table_lookup(reach, &v->id);
		gint max =
		    row != NULL
			? (gint)json_object_get_int_member_with_default(row,
									ROSTER_KEY_DUTY_MAX_BLOCKS,
									ROSTER_DUTY_NO_LIMIT)
			: ROSTER_DUTY_NO_LIMIT;
		plan->problem->max_blocks[p] = max;
		plan->problem->response_minutes[p] =
		    row != NULL
			? (gint)json_object_get_int_member(row, ROSTER_KEY_DUTY_RESPONSE_MINUTES)
			: 0;
	}
	for (guint b = 0; b < plan->starts->len; b++) {
		guint day = g_array_index(plan->days, guint, b);
		guint64 mask = slots_in(model, day, g_array_index(plan->starts, gint64, b), length);
		plan->why[b].eligible = plan->experts->len;
		for (guint p = 0; p < plan->experts->len; p++) {
			guint cost = 0;
			Rule rule = check_rule(&in, b, p, mask, &cost);
			count_why(&plan->why[b], rule);
			plan->rules[(gsize)b * plan->experts->len + p] = (guint8)rule;
			roster_duty_problem_allow(plan->problem, b, p, rule == RULE_OK);
			plan->problem->cost[(gsize)b * plan->experts->len + p] = cost;
		}
	}
	return TRUE;
}

/**
 * roster_duty_plan_find_block:
 * @plan: a plan
 * @starts: a local time "YYYY-MM-DDTHH:MM"
 *
 * Returns: the index of the block starting then, or -1
 *
 * Since: 0.1
 */
gint
roster_duty_plan_find_block(const RosterDutyPlan *plan, const gchar *starts)
{
	gint64 t = parse_local(plan->model->hotline, starts);

	for (guint b = 0; b < plan->starts->len; b++) {
		if (g_array_index(plan->starts, gint64, b) == t)
			return (gint)b;
	}
	return -1;
}

/**
 * roster_duty_plan_find_expert:
 * @plan: a plan
 * @volunteer_id: a volunteer
 *
 * Returns: the person index of the volunteer among the eligible experts, or -1
 *
 * Since: 0.1
 */
gint
roster_duty_plan_find_expert(const RosterDutyPlan *plan, gint64 volunteer_id)
{
	for (guint p = 0; p < plan->experts->len; p++) {
		if (roster_duty_plan_get_volunteer_id(plan, p) == volunteer_id)
			return (gint)p;
	}
	return -1;
}

/**
 * roster_duty_plan_get_volunteer_id:
 * @plan: a plan
 * @person: a person index
 *
 * Returns: the expert's volunteer id
 *
 * Since: 0.1
 */
gint64
roster_duty_plan_get_volunteer_id(const RosterDutyPlan *plan, guint person)
{
	const RosterHotlineVolunteer *v =
	    g_ptr_array_index(plan->model->hotline->volunteers,
			      g_array_index(plan->experts, guint, person));
	return v->id;
}

/**
 * roster_duty_plan_get_rule:
 * @plan: a plan
 * @block: a block index
 * @person: an expert's index
 *
 * Returns: (nullable): the code of the first hard rule that keeps the expert off the
 *   block, or %NULL
 *
 * Since: 0.1
 */
const gchar *
roster_duty_plan_get_rule(const RosterDutyPlan *plan, guint block, guint person)
{
	const gchar *const codes[] = {NULL,
				      "duty-no-reach",
				      "duty-too-slow",
				      "duty-unavailable",
				      "duty-on-seat",
				      "duty-resting",
				      "duty-at-limit"};
	guint rule;

	g_return_val_if_fail(block < plan->starts->len && person < plan->experts->len, NULL);
	rule = plan->rules[(gsize)block * plan->experts->len + person];
	return rule < G_N_ELEMENTS(codes) ? codes[rule] : NULL;
}

/**
 * roster_duty_plan_dup_reason:
 * @plan: a plan
 * @block: a block index
 *
 * Returns: (transfer full): the explanation of a block nobody may hold, as JSON text:
 *   the code and how many eligible experts each rule kept off
 *
 * Since: 0.1
 */
gchar *
roster_duty_plan_dup_reason(const RosterDutyPlan *plan, guint block)
{
	const RosterDutyWhy *why = &plan->why[block];
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) node = NULL;
	const struct {
		const gchar *key;
		guint value;
	} counts[] = {
	    {ROSTER_KEY_DUTY_ELIGIBLE, why->eligible},
	    {ROSTER_KEY_DUTY_NO_REACH, why->no_reach},
	    {ROSTER_KEY_DUTY_TOO_SLOW, why->too_slow},
	    {ROSTER_KEY_DUTY_UNAVAILABLE, why->unavailable},
	    {ROSTER_KEY_DUTY_ON_SEAT, why->on_seat},
	    {ROSTER_KEY_DUTY_RESTING, why->resting},
	    {ROSTER_KEY_DUTY_AT_LIMIT, why->at_limit},
	};

	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_CODE);
	json_builder_add_string_value(b, ROSTER_DUTY_UNCOVERED);
	for (guint i = 0; i < G_N_ELEMENTS(counts); i++) {
		json_builder_set_member_name(b, counts[i].key);
		json_builder_add_int_value(b, counts[i].value);
	}
	json_builder_end_object(b);
	node = json_builder_get_root(b);
	return json_to_string(node, FALSE);
}
