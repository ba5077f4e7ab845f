/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-code-labels.h"
#include "roster-item-list.h"
#include "roster-json-keys.h"
#include "roster-record-fields.h"

/*
 * RosterItemList is a GListModel of the records one GET returns (a list envelope
 * {items,total} or a bare array), reloaded on demand. A reload replaces the items in
 * one items-changed signal, so list views keep their scroll position cheaply.
 */

struct _RosterItemList {
	GObject parent_instance;
	RosterClient *client;
	gchar *path;
	GPtrArray *items;
	guint total;
	guint n_loading;
	RosterItemDescribeFunc describe;
};

static void
roster_item_list_model_init(GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE(RosterItemList,
			      roster_item_list,
			      G_TYPE_OBJECT,
			      G_IMPLEMENT_INTERFACE(G_TYPE_LIST_MODEL, roster_item_list_model_init))

enum { PROP_0, PROP_CLIENT, PROP_PATH, PROP_LOADING, PROP_TOTAL, PROP_N_ITEMS, N_PROPS };

static GParamSpec *properties[N_PROPS];

static GType
get_item_type(GListModel *model)
{
	return ROSTER_TYPE_ITEM;
}

static guint
get_n_items(GListModel *model)
{
	return ROSTER_ITEM_LIST(model)->items->len;
}

static gpointer
get_item(GListModel *model, guint position)
{
	RosterItemList *self = ROSTER_ITEM_LIST(model);

	if (position >= self->items->len)
		return NULL;
	return g_object_ref(g_ptr_array_index(self->items, position));
}

static void
roster_item_list_model_init(GListModelInterface *iface)
{
	iface->get_item_type = get_item_type;
	iface->get_n_items = get_n_items;
	iface->get_item = get_item;
}

static void
roster_item_list_get_property(GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
	RosterItemList *self = ROSTER_ITEM_LIST(object);

	switch (prop_id) {
	case PROP_CLIENT:
		g_value_set_object(value, self->client);
		break;
	case PROP_PATH:
		g_value_set_string(value, self->path);
		break;
	case PROP_LOADING:
		g_value_set_boolean(value, self->n_loading > 0);
		break;
	case PROP_TOTAL:
		g_value_set_uint(value, self->total);
		break;
	case PROP_N_ITEMS:
		g_value_set_uint(value, self->items->len);
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_item_list_set_property(GObject *object,
			      guint prop_id,
			      const GValue *value,
			      GParamSpec *pspec)
{
	RosterItemList *self = ROSTER_ITEM_LIST(object);

	switch (prop_id) {
	case PROP_CLIENT:
		g_set_object(&self->client, g_value_get_object(value));
		break;
	case PROP_PATH:
		roster_item_list_set_path(self, g_value_get_string(value));
		break;
	default:
		G_OBJECT_WARN_INVALID_PROPERTY_ID(object, prop_id, pspec);
		break;
	}
}

static void
roster_item_list_dispose(GObject *object)
{
	RosterItemList *self = ROSTER_ITEM_LIST(object);

	g_clear_object(&self->client);
	G_OBJECT_CLASS(roster_item_list_parent_class)->dispose(object);
}

static void
roster_item_list_finalize(GObject *object)
{
	RosterItemList *self = ROSTER_ITEM_LIST(object);

	g_ptr_array_unref(self->items);
	g_free(self->path);
	G_OBJECT_CLASS(roster_item_list_parent_class)->finalize(object);
}

static void
roster_item_list_class_init(RosterItemListClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->get_property = roster_item_list_get_property;
	object_class->set_property = roster_item_list_set_property;
	object_class->dispose = roster_item_list_dispose;
	object_class->finalize = roster_item_list_finalize;

	properties[PROP_CLIENT] = g_param_spec_object("client",
						      NULL,
						      NULL,
						      ROSTER_TYPE_CLIENT,
						      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
							  G_PARAM_STATIC_STRINGS);
	properties[PROP_PATH] = g_param_spec_string("path",
						    NULL,
						    NULL,
						    NULL,
						    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
							G_PARAM_STATIC_STRINGS);
	properties[PROP_LOADING] = g_param_spec_boolean("loading",
							NULL,
							NULL,
							FALSE,
							G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_TOTAL] = g_param_spec_uint("total",
						   NULL,
						   NULL,
						   0,
						   G_MAXUINT,
						   0,
						   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	properties[PROP_N_ITEMS] = g_param_spec_uint("n-items",
						     NULL,
						     NULL,
						     0,
						     G_MAXUINT,
						     0,
						     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
	g_object_class_install_properties(object_class, N_PROPS, properties);
}

static void
roster_item_list_init(RosterItemList *self)
{
	self->items = g_ptr_array_new_with_free_func(g_object_unref);
}

/**
 * roster_item_list_new:
 * @client: the client to load with
 * @path: the path under the API root, with its query string
 *
 * Returns: (transfer full): an empty list; call roster_item_list_reload_async()
 *
 * Since: 0.1
 */
RosterItemList *
roster_item_list_new(RosterClient *client, const gchar *path)
{
	g_return_val_if_fail(ROSTER_IS_CLIENT(client), NULL);
	return g_object_new(ROSTER_TYPE_ITEM_LIST, "client", client, "path", path, NULL);
}

/**
 * roster_item_list_new_for:
 * @client: a #RosterClient
 * @resource: the collection to list
 * @limit: the most items to ask for, or 0 for the daemon's page size
 *
 * Returns: (transfer full): a list of @resource, empty until reloaded
 *
 * Since: 0.1
 */
RosterItemList *
roster_item_list_new_for(RosterClient *client, RosterResource resource, guint limit)
{
	g_autofree gchar *limit_text = limit > 0 ? g_strdup_printf("%u", limit) : NULL;
	g_autofree gchar *path =
	    roster_client_dup_resource_path(resource, ROSTER_PARAM_LIMIT, limit_text, NULL);

	return roster_item_list_new(client, path);
}

void
roster_item_list_set_path(RosterItemList *self, const gchar *path)
{
	g_return_if_fail(ROSTER_IS_ITEM_LIST(self));
	if (g_strcmp0(self->path, path) == 0)
		return;
	g_free(self->path);
	self->path = g_strdup(path);
	g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_PATH]);
}

const gchar *
roster_item_list_get_path(RosterItemList *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM_LIST(self), NULL);
	return self->path;
}

void
roster_item_list_set_describe_func(RosterItemList *self, RosterItemDescribeFunc func)
{
	g_return_if_fail(ROSTER_IS_ITEM_LIST(self));
	self->describe = func;
}

gboolean
roster_item_list_get_loading(RosterItemList *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM_LIST(self), FALSE);
	return self->n_loading > 0;
}

guint
roster_item_list_get_total(RosterItemList *self)
{
	g_return_val_if_fail(ROSTER_IS_ITEM_LIST(self), 0);
	return self->total;
}

/* a borrowed item, or NULL */
RosterItem *
roster_item_list_find_by_id(RosterItemList *self, gint64 id)
{
	g_return_val_if_fail(ROSTER_IS_ITEM_LIST(self), NULL);
	for (guint i = 0; i < self->items->len; i++) {
		RosterItem *item = g_ptr_array_index(self->items, i);
		if (roster_item_get_id(item) == id)
			return item;
	}
	return NULL;
}

static void
set_loading(RosterItemList *self, gboolean loading)
{
	gboolean was_loading = self->n_loading > 0;

	if (loading)
		self->n_loading++;
	else if (self->n_loading > 0)
		self->n_loading--;
	if (was_loading != (self->n_loading > 0))
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_LOADING]);
}

static void
replace_items(RosterItemList *self, JsonArray *array, guint total)
{
	guint n_removed = self->items->len;
	guint n_added;

	g_ptr_array_set_size(self->items, 0);
	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		JsonNode *node = json_array_get_element(array, i);
		RosterItem *item;

		if (!JSON_NODE_HOLDS_OBJECT(node))
			continue;
		item = roster_item_new(json_node_get_object(node));
		if (self->describe != NULL) {
			g_autofree gchar *subtitle = self->describe(item);
			roster_item_set_subtitle(item, subtitle);
		}
		g_ptr_array_add(self->items, item);
	}
	n_added = self->items->len;
	if (self->total != total) {
		self->total = total;
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_TOTAL]);
	}
	g_list_model_items_changed(G_LIST_MODEL(self), 0, n_removed, n_added);
	if (n_removed != n_added)
		g_object_notify_by_pspec(G_OBJECT(self), properties[PROP_N_ITEMS]);
}

static void
reload_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterItemList *self = g_task_get_source_object(task);
	g_autoptr(JsonNode) node = NULL;
	g_autoptr(GError) error = NULL;
	JsonArray *array = NULL;
	guint total = 0;

	set_loading(self, FALSE);
	node = roster_client_call_finish(ROSTER_CLIENT(source), result, NULL, &error);
	if (node == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	if (JSON_NODE_HOLDS_ARRAY(node)) {
		array = json_node_get_array(node);
		total = json_array_get_length(array);
	} else if (JSON_NODE_HOLDS_OBJECT(node)) {
		JsonObject *object = json_node_get_object(node);
		JsonNode *items = json_object_get_member(object, ROSTER_KEY_ITEMS);

		if (items != NULL && JSON_NODE_HOLDS_ARRAY(items))
			array = json_node_get_array(items);
		total = (guint)json_object_get_int_member_with_default(
		    object,
		    ROSTER_KEY_TOTAL,
		    array != NULL ? json_array_get_length(array) : 0);
	}
	if (array == NULL) {
		g_task_return_new_error(task,
					G_IO_ERROR,
					G_IO_ERROR_INVALID_DATA,
					"%s",
					_("The server sent an answer that cannot be read"));
		return;
	}
	replace_items(self, array, total);
	g_task_return_boolean(task, TRUE);
}

/**
 * roster_item_list_reload_async:
 * @self: a #RosterItemList
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the items have been replaced, or on error
 * @user_data: data for @callback
 *
 * Fetches the path again and replaces the items.
 *
 * Since: 0.1
 */
void
roster_item_list_reload_async(RosterItemList *self,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data)
{
	g_autoptr(GTask) task = NULL;

	g_return_if_fail(ROSTER_IS_ITEM_LIST(self));
	task = g_task_new(self, cancellable, callback, user_data);
	g_task_set_source_tag(task, roster_item_list_reload_async);
	if (self->path == NULL) {
		g_task_return_new_error(task,
					G_IO_ERROR,
					G_IO_ERROR_INVALID_ARGUMENT,
					"no path to load");
		return;
	}
	set_loading(self, TRUE);
	roster_client_call_async(self->client,
				 "GET",
				 self->path,
				 NULL,
				 cancellable,
				 reload_cb,
				 g_steal_pointer(&task));
}

gboolean
roster_item_list_reload_finish(RosterItemList *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_ITEM_LIST(self), FALSE);
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

typedef struct {
	guint n_pending;
	GError *error;
} ReloadAll;

static void
reload_all_free(ReloadAll *data)
{
	g_clear_error(&data->error);
	g_free(data);
}

static void
reload_one_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	ReloadAll *data = g_task_get_task_data(task);
	g_autoptr(GError) error = NULL;

	/* the first error is the one the caller hears of; the other lists still load */
	if (!roster_item_list_reload_finish(ROSTER_ITEM_LIST(source), result, &error) &&
	    data->error == NULL)
		data->error = g_steal_pointer(&error);
	if (--data->n_pending > 0)
		return;
	if (data->error != NULL)
		g_task_return_error(task, g_steal_pointer(&data->error));
	else
		g_task_return_boolean(task, TRUE);
}

/**
 * roster_item_list_reload_all_async:
 * @lists: (array length=n_lists): the lists to reload
 * @n_lists: how many
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once, when every list has its answer
 * @user_data: data for @callback
 *
 * Reloads several lists at once, as a page does when it is shown: one callback when
 * all are back instead of a count of answers kept by each page.
 *
 * Since: 0.1
 */
void
roster_item_list_reload_all_async(RosterItemList *const *lists,
				  guint n_lists,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(NULL, cancellable, callback, user_data);
	ReloadAll *data = g_new0(ReloadAll, 1);

	g_task_set_source_tag(task, roster_item_list_reload_all_async);
	g_task_set_task_data(task, data, (GDestroyNotify)reload_all_free);
	if (n_lists == 0) {
		g_task_return_boolean(task, TRUE);
		return;
	}
	data->n_pending = n_lists;
	for (guint i = 0; i < n_lists; i++) {
		roster_item_list_reload_async(lists[i],
					      cancellable,
					      reload_one_cb,
					      g_object_ref(task));
	}
}

/**
 * roster_item_list_reload_all_finish:
 * @result: the result
 * @error: a #GError
 *
 * Returns: %TRUE when every list reloaded, else %FALSE with the first error
 *
 * Since: 0.1
 */
gboolean
roster_item_list_reload_all_finish(GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, NULL), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static gchar *
join_array_labels(JsonObject *object, const gchar *key, const gchar *(*label)(const gchar *))
{
	JsonNode *node = json_object_get_member(object, key);
	g_autoptr(GString) str = g_string_new(NULL);
	JsonArray *array;

	if (node == NULL || !JSON_NODE_HOLDS_ARRAY(node))
		return g_strdup("");
	array = json_node_get_array(node);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		const gchar *value = json_array_get_string_element(array, i);
		if (value == NULL)
			continue;
		if (str->len > 0)
			/* TRANSLATORS: separates the items of a short list */
			g_string_append(str, _(", "));
		g_string_append(str, label != NULL ? label(value) : value);
	}
	return g_string_free(g_steal_pointer(&str), FALSE);
}

/* "C101 · Counsellor · On-site, Cloud seat" */
gchar *
roster_volunteer_describe(RosterItem *item)
{
	g_autofree gchar *modes =
	    join_array_labels(roster_item_get_object(item), ROSTER_KEY_MODES, roster_mode_to_label);
	const gchar *number = roster_item_get_string(item, ROSTER_KEY_COUNSELLOR_NO);
	const gchar *tier = roster_tier_to_label(roster_item_get_string(item, ROSTER_KEY_TIER));
	g_autofree gchar *text =
	    g_strdup_printf("%s · %s · %s", number != NULL ? number : "", tier, modes);

	if (!roster_item_get_boolean(item, ROSTER_KEY_ACTIVE, TRUE)) {
		/* TRANSLATORS: appended to a volunteer who no longer takes shifts */
		return g_strdup_printf(_("%s · inactive"), text);
	}
	return g_steal_pointer(&text);
}

/* "On-site · from Senior · crisis" */
gchar *
roster_seat_class_describe(RosterItem *item)
{
	RosterSeatClassFields fields;
	g_autofree gchar *skills = join_array_labels(roster_item_get_object(item),
						     ROSTER_KEY_SKILLS,
						     roster_skill_to_label);
	g_autofree gchar *from_tier = NULL;
	GString *str;

	roster_seat_class_fields_read(&fields, item);
	/* TRANSLATORS: %s is the lowest tier allowed on a seat */
	from_tier = g_strdup_printf(_("from %s"), roster_tier_to_label(fields.min_tier));
	str = g_string_new(roster_mode_to_label(fields.mode));
	g_string_append_printf(str, " · %s", from_tier);
	if (skills[0] != '\0')
		g_string_append_printf(str, " · %s", skills);
	if (fields.crisis)
		g_string_append_printf(str, " · %s", _("crisis seat"));
	return g_string_free(str, FALSE);
}

/* "Unavailable · Every Monday · 19:00–23:00" or "Preferred · 2026-12-24 · all day" */
gchar *
roster_availability_describe(RosterItem *item)
{
	RosterAvailabilityFields fields;
	g_autofree gchar *hours = NULL;

	roster_availability_fields_read(&fields, item);
	if (fields.start != NULL && fields.end != NULL) {
		/* TRANSLATORS: a time window, e.g. 19:00–23:00 */
		hours = g_strdup_printf(_("%s–%s"), fields.start, fields.end);
	} else {
		hours = g_strdup(_("all day"));
	}
	return g_strdup_printf("%s · %s · %s",
			       roster_availability_kind_to_label(fields.kind),
			       fields.date != NULL ? fields.date
						   : roster_weekday_to_label(fields.weekday),
			       hours);
}
