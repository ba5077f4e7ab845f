/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-item.h"
#include "roster-json-keys.h"
#include "roster-roster-settings.h"

/*
 * RosterItem is one item of the API (a volunteer, a seat class, a version…) as an
 * item of a GListModel: the JSON object as the daemon sent it, with a title and a
 * subtitle for list rows to bind.
 */

struct _RosterItem {
	GObject parent_instance;
	JsonObject *object;
	gchar *subtitle;
	/* a roster without a name: its period in the language the app runs in */
	gchar *period_title;
};

G_DEFINE_FINAL_TYPE(RosterItem, roster_item, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_TITLE, PROP_SUBTITLE, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
roster_item_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterItem *self = ROSTER_ITEM(object);

	switch (prop_id) {
	case PROP_ID:
		g_value_set_int64(value, roster_item_get_id(self));
		break;
	case PROP_TITLE:
		g_value_set_string(value, roster_item_get_title(self));
		break;
	case PROP_SUBTITLE:
		g_value_set_string(value, self->subtitle);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_item_finalize(GObject *object)
{
	RosterItem *self = ROSTER_ITEM(object);

	g_clear_pointer(&self->object, json_object_unref);
	g_free(self->subtitle);
	g_free(self->period_title);
	G_OBJECT_CLASS(roster_item_parent_class)->finalize(object);
}

static void
roster_item_class_init(RosterItemClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->get_property = roster_item_get_property;
	object_class->finalize = roster_item_finalize;
	properties[PROP_ID] = g_param_spec_int64("id",
						 NULL,
						 NULL,
						 0,
						 G_MAXINT64,
						 0,
						 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
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
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
roster_item_init(RosterItem *self)
{
}

/**
 * roster_item_new:
 * @object: a JSON object from the daemon
 *
 * Returns: (transfer full): a item holding a reference to @object
 *
 * Since: 0.1
 */
RosterItem *
roster_item_new(JsonObject *object)
{
	RosterItem *self;

	g_return_val_if_fail(object != NULL, NULL);
	self = g_object_new(ROSTER_TYPE_ITEM, NULL);
	self->object = json_object_ref(object);
	return self;
}

JsonObject *
roster_item_get_object(RosterItem *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM(self), NULL);
	return self->object;
}

gint64
roster_item_get_int(RosterItem *self, const gchar *key, gint64 default_value)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_ITEM(self), default_value);
	node = json_object_get_member(self->object, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return default_value;
	if (json_node_get_value_type(node) == G_TYPE_DOUBLE)
		return (gint64)json_node_get_double(node);
	if (json_node_get_value_type(node) != G_TYPE_INT64)
		return default_value;
	return json_node_get_int(node);
}

/* a number member as a double, whether the daemon wrote it with a fraction or not */
gdouble
roster_item_get_double(RosterItem *self, const gchar *key, gdouble default_value)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_ITEM(self), default_value);
	node = json_object_get_member(self->object, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return default_value;
	if (json_node_get_value_type(node) == G_TYPE_INT64)
		return (gdouble)json_node_get_int(node);
	if (json_node_get_value_type(node) == G_TYPE_DOUBLE)
		return json_node_get_double(node);
	return default_value;
}

gboolean
roster_item_get_boolean(RosterItem *self, const gchar *key, gboolean default_value)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_ITEM(self), default_value);
	node = json_object_get_member(self->object, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_BOOLEAN)
		return default_value;
	return json_node_get_boolean(node);
}

gint64
roster_item_get_id(RosterItem *self)
{
	return roster_item_get_int(self, ROSTER_KEY_ID, 0);
}

gint64
roster_item_get_revision(RosterItem *self)
{
	return roster_item_get_int(self, ROSTER_KEY_REVISION, 0);
}

/* a string member, or NULL when it is missing or not a string */
const gchar *
roster_item_get_string(RosterItem *self, const gchar *key)
{
	JsonNode *node;

	g_return_val_if_fail(ROSTER_IS_ITEM(self), NULL);
	node = json_object_get_member(self->object, key);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING)
		return NULL;
	return json_node_get_string(node);
}

/* the name, or the code for records without one; a roster without a name is shown by
 * its period */
const gchar *
roster_item_get_title(RosterItem *self)
{
	const gchar *title;

	g_return_val_if_fail(ROSTER_IS_ITEM(self), NULL);
	title = roster_item_get_string(self, ROSTER_KEY_NAME);
	if (title == NULL)
		title = roster_item_get_string(self, ROSTER_KEY_CODE);
	if (title == NULL)
		title = roster_item_get_string(self, ROSTER_KEY_USERNAME);
	if (title == NULL && roster_item_get_string(self, ROSTER_KEY_PERIOD_START) != NULL) {
		if (self->period_title == NULL)
			self->period_title = roster_roster_dup_display_name(
			    NULL,
			    roster_item_get_string(self, ROSTER_KEY_PERIOD_START),
			    roster_item_get_string(self, ROSTER_KEY_PERIOD_END));
		title = self->period_title;
	}
	return title != NULL ? title : "";
}

/* a seat class's code, as the suggestions ask for it */
const gchar *
roster_item_get_code(RosterItem *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM(self), NULL);
	return roster_item_get_string(self, ROSTER_KEY_CODE);
}

/* a volunteer's tier, e.g. `trainee` */
const gchar *
roster_item_get_tier(RosterItem *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM(self), NULL);
	return roster_item_get_string(self, ROSTER_KEY_TIER);
}

/* a seat class's colour as the daemon stores it, e.g. `#3584e4`, or %NULL */
const gchar *
roster_item_get_colour(RosterItem *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM(self), NULL);
	return roster_item_get_string(self, ROSTER_KEY_COLOUR);
}

const gchar *
roster_item_get_subtitle(RosterItem *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM(self), NULL);
	return self->subtitle != NULL ? self->subtitle : "";
}

void
roster_item_set_subtitle(RosterItem *self, const gchar *subtitle)
{
	g_return_if_fail(ROSTER_IS_ITEM(self));
	if (g_strcmp0(self->subtitle, subtitle) == 0)
		return;
	g_free(self->subtitle);
	self->subtitle = g_strdup(subtitle);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_SUBTITLE]);
}

/**
 * roster_tier_to_label:
 * @tier: a tier as the API spells it
 *
 * Returns: the tier in the user's language
 *
 * Since: 0.1
 */
const gchar *
roster_tier_to_label(const gchar *tier)
{
	if (g_strcmp0(tier, ROSTER_TIER_TRAINEE) == 0)
		return C_("tier", "Trainee");
	if (g_strcmp0(tier, ROSTER_TIER_COUNSELLOR) == 0)
		return C_("tier", "Counsellor");
	if (g_strcmp0(tier, ROSTER_TIER_SENIOR) == 0)
		return C_("tier", "Senior");
	if (g_strcmp0(tier, ROSTER_TIER_EXPERT) == 0)
		return C_("tier", "Expert");
	return tier != NULL ? tier : "";
}

const gchar *
roster_mode_to_label(const gchar *mode)
{
	if (g_strcmp0(mode, ROSTER_MODE_ON_SITE) == 0)
		return C_("seat mode", "On-site");
	if (g_strcmp0(mode, ROSTER_MODE_CLOUD) == 0)
		return C_("seat mode", "Cloud seat");
	return mode != NULL ? mode : "";
}

const gchar *
roster_role_to_label(const gchar *role)
{
	if (g_strcmp0(role, "admin") == 0)
		return C_("role", "Administrator");
	if (g_strcmp0(role, "coordinator") == 0)
		return C_("role", "Coordinator");
	if (g_strcmp0(role, "manager") == 0)
		return C_("role", "Manager");
	if (g_strcmp0(role, "volunteer") == 0)
		return C_("role", "Volunteer");
	return role != NULL ? role : "";
}

/* "Unavailable", "Preferred" or "Avoid" for an availability entry's kind */
const gchar *
roster_availability_kind_to_label(const gchar *kind)
{
	if (g_strcmp0(kind, ROSTER_AVAILABILITY_UNAVAILABLE) == 0)
		return C_("availability", "Unavailable");
	if (g_strcmp0(kind, ROSTER_AVAILABILITY_PREFERRED) == 0)
		return C_("availability", "Preferred");
	if (g_strcmp0(kind, ROSTER_AVAILABILITY_AVOID) == 0)
		return C_("availability", "Rather not");
	return kind != NULL ? kind : "";
}

/* the full name of a weekday as the API numbers them, 1 Monday … 7 Sunday */
const gchar *
roster_weekday_to_label(gint64 weekday)
{
	switch (weekday) {
	case 1:
		return C_("every weekday", "Every Monday");
	case 2:
		return C_("every weekday", "Every Tuesday");
	case 3:
		return C_("every weekday", "Every Wednesday");
	case 4:
		return C_("every weekday", "Every Thursday");
	case 5:
		return C_("every weekday", "Every Friday");
	case 6:
		return C_("every weekday", "Every Saturday");
	case 7:
		return C_("every weekday", "Every Sunday");
	default:
		return "";
	}
}

/* "★★★" for three stars, a dash for none */
gchar *
roster_stars_dup_label(guint stars)
{
	GString *str;

	if (stars == 0)
		return g_strdup("–");
	str = g_string_new(NULL);
	for (guint i = 0; i < stars && i < 5; i++)
		g_string_append(str, "★");
	return g_string_free(str, FALSE);
}
