/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a roster's settings as the app edits them: the team rotation read from and written to
 * the settings JSON, the weights' words, the members a PATCH changes, and the name a
 * roster without one is shown by, made from its period in the language of the moment */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-date.h"
#include "roster-json-keys.h"
#include "roster-roster-settings.h"

static void
rule_free(gpointer data)
{
	RosterRotationRule *rule = data;
	g_free(rule->slots);
	g_free(rule);
}

/**
 * roster_rotation_new:
 *
 * Returns: (transfer full): no rotation: hard, the default weight, a 2-week cycle
 */
RosterRotation *
roster_rotation_new(void)
{
	RosterRotation *rotation = g_new0(RosterRotation, 1);

	rotation->kind = ROSTER_ROTATION_NONE;
	rotation->hard = TRUE;
	rotation->weight = -1;
	rotation->cycle_weeks = 2;
	rotation->rules = g_ptr_array_new_with_free_func(rule_free);
	return rotation;
}

void
roster_rotation_free(RosterRotation *rotation)
{
	if (rotation == NULL)
		return;
	g_ptr_array_unref(rotation->rules);
	g_free(rotation);
}

/**
 * roster_rotation_add_rule:
 * @rotation: a rotation
 * @team_id: a team
 *
 * Returns: (transfer none): a new empty rule of @team_id
 */
RosterRotationRule *
roster_rotation_add_rule(RosterRotation *rotation, gint64 team_id)
{
	RosterRotationRule *rule = g_new0(RosterRotationRule, 1);

	rule->team_id = team_id;
	g_ptr_array_add(rotation->rules, rule);
	return rule;
}

/**
 * roster_rotation_find_rule:
 * @rotation: a rotation
 * @team_id: a team
 *
 * Returns: (transfer none) (nullable): the first rule of @team_id
 */
RosterRotationRule *
roster_rotation_find_rule(RosterRotation *rotation, gint64 team_id)
{
	for (guint i = 0; i < rotation->rules->len; i++) {
		RosterRotationRule *rule = g_ptr_array_index(rotation->rules, i);
		if (rule->team_id == team_id)
			return rule;
	}
	return NULL;
}

static gint64
get_int(JsonObject *obj, const gchar *key, gint64 default_value)
{
	JsonNode *node = json_object_get_member(obj, key);

	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_INT64)
		return default_value;
	return json_node_get_int(node);
}

static JsonArray *
get_array(JsonObject *obj, const gchar *key)
{
	JsonNode *node = json_object_get_member(obj, key);
	return node != NULL && JSON_NODE_HOLDS_ARRAY(node) ? json_node_get_array(node) : NULL;
}

static void
read_rule(RosterRotation *rotation, JsonObject *r)
{
	RosterRotationRule *rule =
	    roster_rotation_add_rule(rotation, get_int(r, ROSTER_KEY_TEAM_ID, 0));
	JsonArray *weekdays = get_array(r, ROSTER_RULE_WEEKDAYS);
	JsonArray *slots = get_array(r, ROSTER_RULE_SLOTS);

	for (guint i = 0; weekdays != NULL && i < json_array_get_length(weekdays); i++) {
		gint64 day = json_array_get_int_element(weekdays, i);
		if (day >= 1 && day <= 7)
			rule->weekdays |= 1u << day;
	}
	if (slots != NULL) {
		g_autoptr(GString) text = g_string_new(NULL);
		for (guint i = 0; i < json_array_get_length(slots); i++) {
			const gchar *slot = json_array_get_string_element(slots, i);
			if (slot == NULL)
				continue;
			if (text->len > 0)
				g_string_append(text, ", ");
			g_string_append(text, slot);
		}
		rule->slots = g_string_free(g_steal_pointer(&text), FALSE);
	}
	if (json_object_has_member(r, ROSTER_RULE_CYCLE_WEEKS)) {
		rotation->cycle_weeks = (guint)get_int(r, ROSTER_RULE_CYCLE_WEEKS, 2);
		rule->cycle_week = (guint)get_int(r, ROSTER_RULE_CYCLE_WEEK, 0);
	}
}

/**
 * roster_rotation_new_from_settings:
 * @settings: (nullable): a roster's settings
 *
 * The kind is the cycle when a rule names a cycle, else weekdays when a rule names
 * weekdays, else slots.
 *
 * Returns: (transfer full): the rotation the settings hold
 */
RosterRotation *
roster_rotation_new_from_settings(JsonObject *settings)
{
	RosterRotation *rotation = roster_rotation_new();
	JsonNode *node = settings != NULL
			     ? json_object_get_member(settings, ROSTER_SETTING_TEAM_ROTATION)
			     : NULL;
	JsonObject *obj;
	JsonArray *rules;
	gboolean cycle = FALSE;
	gboolean weekdays = FALSE;

	if (node == NULL || !JSON_NODE_HOLDS_OBJECT(node))
		return rotation;
	obj = json_node_get_object(node);
	rotation->hard =
	    g_strcmp0(json_object_get_string_member_with_default(obj, ROSTER_ROTATION_MODE, ""),
		      ROSTER_ROTATION_HARD) == 0;
	rotation->weight = get_int(obj, ROSTER_ROTATION_WEIGHT, -1);
	rules = get_array(obj, ROSTER_ROTATION_RULES);
	for (guint i = 0; rules != NULL && i < json_array_get_length(rules); i++) {
		JsonObject *r = json_array_get_object_element(rules, i);
		if (r == NULL)
			continue;
		cycle |= json_object_has_member(r, ROSTER_RULE_CYCLE_WEEKS);
		weekdays |= json_object_has_member(r, ROSTER_RULE_WEEKDAYS);
		read_rule(rotation, r);
	}
	rotation->kind = cycle	    ? ROSTER_ROTATION_CYCLE
			 : weekdays ? ROSTER_ROTATION_WEEKDAYS
				    : ROSTER_ROTATION_SLOTS;
	return rotation;
}

/* "08:00, 20:00" as typed (full-width commas and colons too, as Chinese input methods
 * type them): the pieces, for the daemon to check */
static void
add_slots(JsonBuilder *b, const gchar *text)
{
	g_autoptr(GString) normal = g_string_new(text);
	g_auto(GStrv) parts = NULL;

	g_string_replace(normal, "\xef\xbc\x8c", ",", 0);
	g_string_replace(normal, "\xef\xbc\x9a", ":", 0);
	parts = g_strsplit_set(normal->str, ",; ", -1);
	json_builder_set_member_name(b, ROSTER_RULE_SLOTS);
	json_builder_begin_array(b);
	for (guint i = 0; parts[i] != NULL; i++) {
		if (parts[i][0] != '\0')
			json_builder_add_string_value(b, parts[i]);
	}
	json_builder_end_array(b);
}

static gboolean
has_text(const gchar *text)
{
	g_autofree gchar *stripped = text != NULL ? g_strstrip(g_strdup(text)) : NULL;
	return stripped != NULL && stripped[0] != '\0';
}

/* a rule of the kind, or FALSE when the team holds nothing in it */
static gboolean
add_rule(JsonBuilder *b, const RosterRotation *rotation, const RosterRotationRule *rule)
{
	switch (rotation->kind) {
	case ROSTER_ROTATION_WEEKDAYS:
		if (rule->weekdays == 0)
			return FALSE;
		break;
	case ROSTER_ROTATION_SLOTS:
		if (!has_text(rule->slots))
			return FALSE;
		break;
	case ROSTER_ROTATION_CYCLE:
		if (rule->cycle_week == 0)
			return FALSE;
		break;
	case ROSTER_ROTATION_NONE:
	default:
		return FALSE;
	}
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_KEY_TEAM_ID);
	json_builder_add_int_value(b, rule->team_id);
	if (rotation->kind == ROSTER_ROTATION_WEEKDAYS) {
		json_builder_set_member_name(b, ROSTER_RULE_WEEKDAYS);
		json_builder_begin_array(b);
		for (guint day = 1; day <= 7; day++) {
			if (rule->weekdays & (1u << day))
				json_builder_add_int_value(b, day);
		}
		json_builder_end_array(b);
	}
	if (rotation->kind == ROSTER_ROTATION_CYCLE) {
		json_builder_set_member_name(b, ROSTER_RULE_CYCLE_WEEKS);
		json_builder_add_int_value(b, rotation->cycle_weeks);
		json_builder_set_member_name(b, ROSTER_RULE_CYCLE_WEEK);
		json_builder_add_int_value(b, rule->cycle_week);
	}
	if (rotation->kind != ROSTER_ROTATION_WEEKDAYS && has_text(rule->slots))
		add_slots(b, rule->slots);
	json_builder_end_object(b);
	return TRUE;
}

/**
 * roster_rotation_to_node:
 * @rotation: a rotation
 *
 * Teams that hold nothing in the rotation's kind are left out.
 *
 * Returns: (transfer full): the "team_rotation" member, a JSON null for none
 */
JsonNode *
roster_rotation_to_node(const RosterRotation *rotation)
{
	g_autoptr(JsonBuilder) b = json_builder_new();

	if (rotation->kind == ROSTER_ROTATION_NONE)
		return json_node_init_null(json_node_alloc());
	json_builder_begin_object(b);
	json_builder_set_member_name(b, ROSTER_ROTATION_MODE);
	json_builder_add_string_value(b,
				      rotation->hard ? ROSTER_ROTATION_HARD : ROSTER_ROTATION_SOFT);
	if (!rotation->hard && rotation->weight >= 0) {
		json_builder_set_member_name(b, ROSTER_ROTATION_WEIGHT);
		json_builder_add_int_value(b, rotation->weight);
	}
	json_builder_set_member_name(b, ROSTER_ROTATION_RULES);
	json_builder_begin_array(b);
	for (guint i = 0; i < rotation->rules->len; i++)
		add_rule(b, rotation, g_ptr_array_index(rotation->rules, i));
	json_builder_end_array(b);
	json_builder_end_object(b);
	return json_builder_get_root(b);
}

static const RosterSettingField setting_fields[] = {
    {ROSTER_SETTING_UNCOVERED,
     N_("Empty seat"),
     N_("What each seat left empty costs: the higher, the more a solve fills seats before "
	"anything else.")},
    {ROSTER_SETTING_UNCOVERED_CRISIS,
     N_("Empty crisis seat"),
     N_("What each crisis seat left empty costs on top of an ordinary one; keep it well "
	"above it.")},
    {ROSTER_SETTING_OVER,
     N_("Extra person in a slot"),
     N_("What each person beyond the seats a slot needs costs.")},
    {ROSTER_SETTING_AVOID,
     N_("Hours a volunteer avoids"),
     N_("What a shift in hours a volunteer asked to avoid costs.")},
    {ROSTER_SETTING_PREFERRED,
     N_("Hours a volunteer prefers"),
     N_("What a shift outside the hours a volunteer prefers costs.")},
    {ROSTER_SETTING_NIGHT,
     N_("Fair share of nights"),
     N_("What each night above or below a fair share costs, so nights are spread evenly.")},
    {ROSTER_SETTING_WEEKEND,
     N_("Fair share of weekends"),
     N_("What each weekend shift above or below a fair share costs.")},
    {ROSTER_SETTING_COMMITMENT,
     N_("Monthly commitment"),
     N_("What each shift below the shifts a volunteer committed to costs.")},
    {ROSTER_SETTING_STABILITY,
     N_("Published shifts kept"),
     N_("What moving a shift of the published roster costs when the month is solved again.")},
    {ROSTER_SETTING_TEAM,
     N_("Team's usual slots"),
     N_("What a shift outside the slots a volunteer's team prefers costs; also a soft "
	"rotation's cost when it has none of its own.")},
    {ROSTER_SETTING_TRAINEE_PLACE,
     N_("Empty trainee place"),
     N_("What a trainee place left empty costs; small, so seats always come first.")},
    {ROSTER_SETTING_MIN_REST,
     N_("Rest between shifts (minutes)"),
     N_("The least time a volunteer has between the end of one shift and the start of "
	"the next; a hard rule, not a cost.")},
};

/**
 * roster_roster_settings_get_fields:
 * @n_fields: (out): how many there are
 *
 * Returns: (transfer none): the number settings the app edits, with their words
 */
const RosterSettingField *
roster_roster_settings_get_fields(guint *n_fields)
{
	*n_fields = G_N_ELEMENTS(setting_fields);
	return setting_fields;
}

static gboolean
same_member(JsonObject *a, JsonObject *b, const gchar *key)
{
	JsonNode *x = a != NULL ? json_object_get_member(a, key) : NULL;
	JsonNode *y = b != NULL ? json_object_get_member(b, key) : NULL;

	if (x != NULL && JSON_NODE_HOLDS_NULL(x))
		x = NULL;
	if (y != NULL && JSON_NODE_HOLDS_NULL(y))
		y = NULL;
	if (x == NULL || y == NULL)
		return x == y;
	return json_node_equal(x, y);
}

/**
 * roster_roster_settings_dup_changes:
 * @stored: (nullable): the settings as the daemon has them
 * @wanted: the members the coordinator set; a null member for a default
 *
 * Returns: (transfer full): the members of @wanted that differ from @stored (a null
 *   one where a stored member goes back to its default), empty when nothing changed
 */
JsonObject *
roster_roster_settings_dup_changes(JsonObject *stored, JsonObject *wanted)
{
	JsonObject *changes = json_object_new();
	g_autoptr(GList) members = json_object_get_members(wanted);

	for (GList *l = members; l != NULL; l = l->next) {
		if (same_member(stored, wanted, l->data))
			continue;
		json_object_set_member(changes,
				       l->data,
				       json_node_copy(json_object_get_member(wanted, l->data)));
	}
	return changes;
}

/**
 * roster_roster_dup_period_text:
 * @period_start: the first day, `YYYY-MM-DD`
 * @period_end: the last day
 *
 * Returns: (transfer full): a whole month as its year and month, another period as its
 *   two days, in the user's language
 */
gchar *
roster_roster_dup_period_text(const gchar *period_start, const gchar *period_end)
{
	GDate start;
	GDate end;
	GDate first;
	GDate last;

	if (!roster_date_parse(period_start, &start, NULL) ||
	    !roster_date_parse(period_end, &end, NULL))
		return g_strdup("");
	roster_date_get_month_range(&start, &first, &last);
	if (g_date_compare(&start, &first) == 0 && g_date_compare(&end, &last) == 0)
		/* TRANSLATORS: the month shown in the month overview: year and month */
		return g_strdup_printf(_("%04u-%02u"),
				       g_date_get_year(&start),
				       g_date_get_month(&start));
	/* TRANSLATORS: a roster's period that is no whole month: its first and last day */
	return g_strdup_printf(_("%s to %s"), period_start, period_end);
}

/**
 * roster_roster_dup_display_name:
 * @name: (nullable): the name the coordinator gave, if any
 * @period_start: the first day, `YYYY-MM-DD`
 * @period_end: the last day
 *
 * A roster keeps a name only when the coordinator typed one; without it the app words
 * the period in the language it runs in now, so the name follows the language.
 *
 * Returns: (transfer full): the name to show
 */
gchar *
roster_roster_dup_display_name(const gchar *name,
			       const gchar *period_start,
			       const gchar *period_end)
{
	GDate start;
	GDate end;
	GDate first;
	GDate last;

	if (name != NULL && name[0] != '\0')
		return g_strdup(name);
	if (roster_date_parse(period_start, &start, NULL) &&
	    roster_date_parse(period_end, &end, NULL)) {
		roster_date_get_month_range(&start, &first, &last);
		if (g_date_compare(&start, &first) == 0 && g_date_compare(&end, &last) == 0)
			/* TRANSLATORS: the name of a new roster: year and month */
			return g_strdup_printf(_("Roster %04u-%02u"),
					       g_date_get_year(&start),
					       g_date_get_month(&start));
	}
	/* TRANSLATORS: the name of a roster without one whose period is no whole month */
	return g_strdup_printf(_("Roster %s to %s"),
			       period_start != NULL ? period_start : "",
			       period_end != NULL ? period_end : "");
}
