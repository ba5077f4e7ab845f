/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-code-labels.h"
#include "roster-date.h"
#include "roster-explanation.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"

/*
 * RosterExplanation is one item of a roster's explanation list (an uncovered seat, a
 * hard rule broken by an override, a soft rule, an idle volunteer) as an item of a
 * GListModel: where it points to (a seat, a person, an assignment) and its wording in
 * the user's language, built from the item's data rather than the daemon's English
 * text, so that no code or message of the API reaches the screen as it came.
 */

struct _RosterExplanation {
	GObject parent_instance;
	JsonObject *object;
	RosterExplanationCategory category;
	gint64 seat_class_id;
	gint64 volunteer_id;
	gchar *title;
	gchar *subtitle;
	gchar *detail;
};

G_DEFINE_FINAL_TYPE(RosterExplanation, roster_explanation, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, PROP_SUBTITLE, PROP_DETAIL, PROP_HAS_DETAIL, PROP_ICON_NAME, N_PROPS };

static GParamSpec *properties[N_PROPS];

/**
 * roster_explanation_code_to_label:
 * @code: (nullable): the code of an explanation item, e.g. `min-rest`
 * @kind: (nullable): its kind, `hard`, `soft` or `info`
 *
 * Returns: a short label in the user's language; a code the app does not know gets
 *   the label of its kind, never the code itself
 *
 * Since: 0.1
 */
const gchar *
roster_explanation_code_to_label(const gchar *code, const gchar *kind)
{
	const gchar *label = roster_rule_lookup_label(code);

	if (label != NULL)
		return label;
	if (g_strcmp0(kind, "hard") == 0)
		return _("Broken rule");
	if (g_strcmp0(kind, "info") == 0)
		return _("Good to know");
	return _("Soft rule");
}

/**
 * roster_explanation_reason_to_label:
 * @reason: (nullable): why a volunteer has no shift, e.g. `tier`
 *
 * Returns: the reason in the user's language
 *
 * Since: 0.1
 */
const gchar *
roster_explanation_reason_to_label(const gchar *reason)
{
	static const struct {
		const gchar *reason;
		const gchar *label;
	} labels[] = {
	    /* TRANSLATORS: why a volunteer has no shift */
	    {"tier", N_("tier too low for the seats")},
	    {"skills", N_("lacks the skills the seats need")},
	    {"modes", N_("seat mode does not fit")},
	    {"unavailable", N_("unavailable when seats are open")},
	    {"limits", N_("at their limits")},
	    {"not-needed", N_("not needed: the seats are filled")},
	};

	for (guint i = 0; reason != NULL && i < G_N_ELEMENTS(labels); i++) {
		if (g_strcmp0(labels[i].reason, reason) == 0)
			return _(labels[i].label);
	}
	return _("other reason");
}

static gint64
get_reason_int(JsonObject *object, const gchar *key)
{
	JsonObject *reason = NULL;

	if (json_object_has_member(object, ROSTER_KEY_REASON) &&
	    JSON_NODE_HOLDS_OBJECT(json_object_get_member(object, ROSTER_KEY_REASON)))
		reason = json_object_get_object_member(object, ROSTER_KEY_REASON);
	if (reason == NULL)
		return 0;
	return json_object_get_int_member_with_default(reason, key, 0);
}

static const gchar *
get_string(JsonObject *object, const gchar *key)
{
	JsonNode *node = json_object_get_member(object, key);

	if (node == NULL || json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
}

static gint64
get_int(JsonObject *object, const gchar *key)
{
	JsonNode *node = json_object_get_member(object, key);

	if (node == NULL || json_node_get_value_type(node) != G_TYPE_INT64)
		return 0;
	return json_node_get_int(node);
}

/* the wording of an uncovered seat's reason, from the explanation's numbers */
static gchar *
dup_gap_text(JsonObject *object)
{
	/* TRANSLATORS: the tooltip of an uncovered seat; the numbers are people or seats */
	return g_strdup_printf(_("%d of %d seats filled. %d volunteers are eligible: %d are "
				 "unavailable, %d already work that day."),
			       (gint)get_reason_int(object, "assigned"),
			       (gint)get_reason_int(object, "required"),
			       (gint)get_reason_int(object, "eligible"),
			       (gint)get_reason_int(object, "unavailable"),
			       (gint)get_reason_int(object, "working_that_day"));
}

static gchar *
dup_reasons_text(JsonObject *object)
{
	JsonNode *node = json_object_get_member(object, ROSTER_KEY_REASONS);
	JsonArray *reasons;
	g_autoptr(GString) text = g_string_new(NULL);

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return NULL;
	reasons = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(reasons); i++) {
		JsonNode *reason = json_array_get_element(reasons, i);
		if (text->len > 0) {
			/* TRANSLATORS: between two reasons in a list */
			g_string_append(text, _(", "));
		}
		g_string_append(text,
				roster_explanation_reason_to_label(
				    json_node_get_value_type(reason) == G_TYPE_STRING
					? json_node_get_string(reason)
					: NULL));
	}
	if (text->len == 0)
		return NULL;
	/* TRANSLATORS: why a volunteer has no shift; %s is a list of reasons */
	return g_strdup_printf(_("Why: %s"), text->str);
}

static RosterExplanationCategory
category_for(const gchar *code, const gchar *kind)
{
	if (g_str_has_prefix(code != NULL ? code : "", "uncovered-"))
		return ROSTER_EXPLANATION_GAP;
	if (g_strcmp0(code, "idle-volunteer") == 0)
		return ROSTER_EXPLANATION_IDLE_VOLUNTEER;
	if (g_strcmp0(kind, "hard") == 0)
		return ROSTER_EXPLANATION_BROKEN_RULE;
	return ROSTER_EXPLANATION_SOFT_RULE;
}

static RosterItem *
find_seat_class(RosterItemList *seat_classes, gint64 id, const gchar *code)
{
	if (seat_classes == NULL)
		return NULL;
	if (id > 0)
		return roster_item_list_find_by_id(seat_classes, id);
	for (guint i = 0; code != NULL && i < g_list_model_get_n_items(G_LIST_MODEL(seat_classes));
	     i++) {
		g_autoptr(RosterItem) item = g_list_model_get_item(G_LIST_MODEL(seat_classes), i);
		if (g_strcmp0(roster_item_get_string(item, ROSTER_KEY_CODE), code) == 0)
			return roster_item_list_find_by_id(seat_classes, roster_item_get_id(item));
	}
	return NULL;
}

static void
build_texts(RosterExplanation *self, RosterItemList *seat_classes, RosterItemList *volunteers)
{
	JsonObject *object = self->object;
	const gchar *code = get_string(object, ROSTER_KEY_CODE);
	const gchar *date_text = get_string(object, ROSTER_KEY_DATE);
	const gchar *slot = get_string(object, ROSTER_KEY_SLOT);
	const gchar *name = get_string(object, ROSTER_KEY_VOLUNTEER);
	RosterItem *seat_class = find_seat_class(seat_classes,
						 get_int(object, ROSTER_KEY_SEAT_CLASS_ID),
						 get_string(object, ROSTER_KEY_SEAT_CLASS));
	g_autoptr(GString) subtitle = g_string_new(NULL);
	GDate date;

	self->seat_class_id = seat_class != NULL ? roster_item_get_id(seat_class)
						 : get_int(object, ROSTER_KEY_SEAT_CLASS_ID);
	if (name == NULL && volunteers != NULL && self->volunteer_id > 0) {
		RosterItem *volunteer = roster_item_list_find_by_id(volunteers, self->volunteer_id);
		if (volunteer != NULL)
			name = roster_item_get_title(volunteer);
	}
	if (date_text != NULL && roster_date_parse(date_text, &date, NULL)) {
		g_autofree gchar *day = roster_date_format_day(&date);
		g_string_append(subtitle, day);
		if (slot != NULL)
			g_string_append_printf(subtitle, " %s", slot);
		if (seat_class != NULL)
			g_string_append_printf(subtitle,
					       " · %s",
					       roster_item_get_title(seat_class));
	}
	if (name != NULL && name[0] != '\0')
		g_string_append_printf(subtitle, "%s%s", subtitle->len > 0 ? " · " : "", name);
	self->title =
	    g_strdup(roster_explanation_code_to_label(code, get_string(object, ROSTER_KEY_KIND)));
	self->subtitle = g_string_free(g_steal_pointer(&subtitle), FALSE);
	if (self->category == ROSTER_EXPLANATION_GAP) {
		self->detail = dup_gap_text(object);
	} else if (self->category == ROSTER_EXPLANATION_IDLE_VOLUNTEER) {
		self->detail = dup_reasons_text(object);
	} else if (g_strcmp0(code, "over-cover") == 0) {
		/* TRANSLATORS: a seat with more volunteers than it needs */
		self->detail = g_strdup_printf(_("%d assigned, %d needed"),
					       (gint)get_reason_int(object, "assigned"),
					       (gint)get_reason_int(object, "required"));
	} else if (g_strcmp0(code, "duty-uncovered") == 0) {
		/* TRANSLATORS: why a duty block has no duty expert; every number is people */
		self->detail = g_strdup_printf(_("%d eligible: %d without a response time, %d "
						 "too slow, %d unavailable, %d on a seat, %d "
						 "resting, %d at their limit"),
					       (gint)get_reason_int(object, "eligible"),
					       (gint)get_reason_int(object, "no_reach"),
					       (gint)get_reason_int(object, "too_slow"),
					       (gint)get_reason_int(object, "unavailable"),
					       (gint)get_reason_int(object, "on_seat"),
					       (gint)get_reason_int(object, "resting"),
					       (gint)get_reason_int(object, "at_limit"));
	} else if (g_strcmp0(code, "below-commitment") == 0) {
		/* TRANSLATORS: a volunteer's shifts this month, and the number they promised */
		self->detail = g_strdup_printf(_("%d shifts, %d committed"),
					       (gint)get_reason_int(object, "shifts"),
					       (gint)get_reason_int(object, "commitment"));
	}
}

/**
 * roster_explanation_new:
 * @item: an item of `GET /rosters/{id}/explanations`
 * @seat_classes: (nullable): the seat classes, for their names
 * @volunteers: (nullable): the volunteers, for names the item does not carry
 *
 * Returns: (transfer full): the explanation, its wording built from @item's data
 *
 * Since: 0.1
 */
RosterExplanation *
roster_explanation_new(JsonObject *item, RosterItemList *seat_classes, RosterItemList *volunteers)
{
	RosterExplanation *self;

	g_return_val_if_fail(item != NULL, NULL);
	self = g_object_new(ROSTER_TYPE_EXPLANATION, NULL);
	self->object = json_object_ref(item);
	self->category =
	    category_for(get_string(item, ROSTER_KEY_CODE), get_string(item, ROSTER_KEY_KIND));
	/* new items name the person at the top; older ones in the reason */
	self->volunteer_id = get_int(item, ROSTER_KEY_VOLUNTEER_ID);
	if (self->volunteer_id == 0)
		self->volunteer_id = get_reason_int(item, ROSTER_KEY_VOLUNTEER_ID);
	build_texts(self, seat_classes, volunteers);
	return self;
}

JsonObject *
roster_explanation_get_object(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), NULL);
	return self->object;
}

RosterExplanationCategory
roster_explanation_get_category(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), ROSTER_EXPLANATION_SOFT_RULE);
	return self->category;
}

/* the day it is about, `YYYY-MM-DD`, or %NULL for a rule of the whole period */
const gchar *
roster_explanation_get_date(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), NULL);
	return get_string(self->object, ROSTER_KEY_DATE);
}

/* the slot's start, `HH:MM`, or %NULL */
const gchar *
roster_explanation_get_slot(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), NULL);
	return get_string(self->object, ROSTER_KEY_SLOT);
}

/* the seat class, by its id or its code, or 0 when it is about no seat */
gint64
roster_explanation_get_seat_class_id(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), 0);
	return self->seat_class_id;
}

gint64
roster_explanation_get_volunteer_id(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), 0);
	return self->volunteer_id;
}

/* the assignment that broke the rule, when the daemon names it, or 0 */
gint64
roster_explanation_get_assignment_id(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), 0);
	return get_int(self->object, ROSTER_KEY_ASSIGNMENT_ID);
}

/* the seats an uncovered-seat item leaves empty; 0 for other items */
guint
roster_explanation_get_n_missing(RosterExplanation *self)
{
	gint64 missing;

	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), 0);
	if (self->category != ROSTER_EXPLANATION_GAP)
		return 0;
	if (!json_object_has_member(self->object, ROSTER_KEY_REASON))
		return 1;
	missing =
	    get_reason_int(self->object, "required") - get_reason_int(self->object, "assigned");
	return missing > 0 ? (guint)missing : 0;
}

const gchar *
roster_explanation_get_title(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), NULL);
	return self->title;
}

const gchar *
roster_explanation_get_subtitle(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), NULL);
	return self->subtitle;
}

/* the why of it (the numbers of a gap, the reasons of an idle volunteer), or %NULL */
const gchar *
roster_explanation_get_detail(RosterExplanation *self)
{
	g_return_val_if_fail(ROSTER_IS_EXPLANATION(self), NULL);
	return self->detail;
}

static const gchar *
icon_name_for(RosterExplanationCategory category)
{
	switch (category) {
	case ROSTER_EXPLANATION_GAP:
		return "dialog-warning-symbolic";
	case ROSTER_EXPLANATION_BROKEN_RULE:
		return "dialog-error-symbolic";
	case ROSTER_EXPLANATION_IDLE_VOLUNTEER:
		return "avatar-default-symbolic";
	case ROSTER_EXPLANATION_SOFT_RULE:
	default:
		return "dialog-information-symbolic";
	}
}

static void
roster_explanation_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterExplanation *self = ROSTER_EXPLANATION(object);

	switch (prop_id) {
	case PROP_TITLE:
		g_value_set_string(value, self->title);
		break;
	case PROP_SUBTITLE:
		g_value_set_string(value, self->subtitle);
		break;
	case PROP_DETAIL:
		g_value_set_string(value, self->detail != NULL ? self->detail : "");
		break;
	case PROP_HAS_DETAIL:
		g_value_set_boolean(value, self->detail != NULL);
		break;
	case PROP_ICON_NAME:
		g_value_set_string(value, icon_name_for(self->category));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_explanation_finalize(GObject *object)
{
	RosterExplanation *self = ROSTER_EXPLANATION(object);

	g_clear_pointer(&self->object, json_object_unref);
	g_free(self->title);
	g_free(self->subtitle);
	g_free(self->detail);
	G_OBJECT_CLASS(roster_explanation_parent_class)->finalize(object);
}

static void
roster_explanation_class_init(RosterExplanationClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->get_property = roster_explanation_get_property;
	object_class->finalize = roster_explanation_finalize;
	properties[PROP_TITLE] = g_param_spec_string("title",
						     NULL,
						     NULL,
						     NULL,
						     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_SUBTITLE] = g_param_spec_string("subtitle",
							NULL,
							NULL,
							NULL,
							G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_DETAIL] = g_param_spec_string("detail",
						      NULL,
						      NULL,
						      NULL,
						      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_HAS_DETAIL] =
	    g_param_spec_boolean("has-detail",
				 NULL,
				 NULL,
				 FALSE,
				 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_ICON_NAME] = g_param_spec_string("icon-name",
							 NULL,
							 NULL,
							 NULL,
							 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
roster_explanation_init(RosterExplanation *self)
{
}
