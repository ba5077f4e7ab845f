/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* versions of a roster: publishing the draft as the next immutable version, the list of
 * versions and what changed for each volunteer between two of them */

#include "config.h"

#include "roster-engine-notify.h"
#include "roster-engine-rosters-private.h"
#include "roster-json-keys.h"
#include "roster-kind.h"
#include "roster-store-duty.h"

/**
 * roster_engine_publish_roster:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @revision: the roster revision read
 * @error: (nullable): return location for a #GError
 *
 * Copies the assignments into the next immutable version.
 *
 * Returns: (transfer full): the roster, now published
 */
JsonNode *
roster_engine_publish_roster(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     gint64 revision,
			     GError **error)
{
	RosterStore *store;
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) assignments = NULL;
	g_autoptr(JsonNode) copy = NULL;
	g_autofree gchar *text = NULL;
	g_autofree gchar *now = roster_engine_dup_now();
	g_autofree gchar *version_score = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);
	if (!roster_rosters_check_write(self, principal, error))
		return NULL;
	if (!roster_rosters_check_not_solving(self, id, error))
		return NULL;
	store = roster_engine_get_store(self);
	if (!roster_store_begin(store, error))
		return NULL;
	roster = roster_store_get_roster(store, id, error);
	if (roster != NULL && !roster_rosters_check_revision(roster, revision, error))
		g_clear_pointer(&roster, roster_store_roster_free);
	/* the version keeps the score of the roster as it is published */
	if (roster != NULL && roster_rosters_ensure_score(self, roster, error))
		assignments = roster_store_list_assignments(store, id, 0, error);
	if (assignments == NULL) {
		roster_store_rollback(store);
		return NULL;
	}
	copy = roster_rosters_assignments_to_node(assignments);
	text = json_to_string(copy, FALSE);
	version_score = roster_rosters_dup_score_without_stamp(roster->score);
	roster->n_versions++;
	g_free(roster->state);
	roster->state = g_strdup(ROSTER_STATE_PUBLISHED);
	return roster_rosters_end_roster_write(
	    self,
	    principal,
	    "publish",
	    roster,
	    roster_store_insert_version(store,
					id,
					roster->n_versions,
					now,
					roster_principal_get_username(principal),
					version_score,
					text,
					error) &&
		roster_store_duty_publish(store, id, roster->n_versions, error) &&
		roster_store_update_roster(store, roster, now, error) &&
		roster_engine_notify_published(self, principal, id, roster->n_versions, error),
	    error);
}

/**
 * roster_engine_list_versions:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"items": [{number, created, actor, score}], "total": N}
 */
JsonNode *
roster_engine_list_versions(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(JsonNode) items = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_rosters_check_staff(principal, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	roster = roster_store_get_roster(roster_engine_get_store(self), id, error);
	if (roster == NULL)
		return NULL;
	items = roster_store_list_versions(roster_engine_get_store(self), id, error);
	if (items == NULL)
		return NULL;
	return roster_engine_new_list(json_node_get_array(items), -1);
}

/* the assignments of version @number, or of the draft for 0 */
static GPtrArray *
version_assignments(RosterEngine *self, gint64 id, gint64 number, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);

	if (number == 0)
		return roster_store_list_assignments(store, id, 0, error);
	return roster_store_list_version_assignments(store, id, number, error);
}

static gchar *
shift_key(const RosterHotlineAssignment *a)
{
	return g_strdup_printf("%" G_GINT64_FORMAT "|%u|%d|%" G_GINT64_FORMAT,
			       a->volunteer_id,
			       a->date,
			       a->slot_start,
			       a->seat_class_id);
}

static void
add_shift(JsonBuilder *b, const RosterHotlineAssignment *a)
{
	json_builder_begin_object(b);
	roster_rosters_add_shift_members(b, a);
	json_builder_end_object(b);
}

/* the shifts of @a whose key @b lacks, per volunteer */
static void
collect_missing(GPtrArray *a, GHashTable *b_keys, GHashTable *per_volunteer, guint which)
{
	for (guint i = 0; i < a->len; i++) {
		RosterHotlineAssignment *x = g_ptr_array_index(a, i);
		g_autofree gchar *key = shift_key(x);
		GPtrArray **lists;
		if (g_hash_table_contains(b_keys, key))
			continue;
		lists = g_hash_table_lookup(per_volunteer, &x->volunteer_id);
		if (lists == NULL) {
			lists = g_new0(GPtrArray *, 2);
			lists[0] = g_ptr_array_new();
			lists[1] = g_ptr_array_new();
			g_hash_table_insert(per_volunteer,
					    g_memdup2(&x->volunteer_id, sizeof(gint64)),
					    lists);
		}
		g_ptr_array_add(lists[which], x);
	}
}

static void
lists_free(gpointer data)
{
	GPtrArray **lists = data;
	g_ptr_array_unref(lists[0]);
	g_ptr_array_unref(lists[1]);
	g_free(lists);
}

static GHashTable *
key_set(GPtrArray *assignments)
{
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (guint i = 0; i < assignments->len; i++)
		g_hash_table_add(set, shift_key(g_ptr_array_index(assignments, i)));
	return set;
}

static void
collect_key_cb(gpointer key, gpointer value, gpointer user_data)
{
	g_ptr_array_add(user_data, key);
}

static gint
compare_int64(gconstpointer a, gconstpointer b)
{
	gint64 x = **(gint64 **)a;
	gint64 y = **(gint64 **)b;
	return x < y ? -1 : x > y;
}

/**
 * roster_engine_diff_versions:
 * @self: an engine
 * @principal: the caller
 * @id: the roster
 * @from: a version number, or 0 for the draft
 * @to: a version number, or 0 for the draft
 * @error: (nullable): return location for a #GError
 *
 * Returns: (transfer full): {"from", "to", "items": [{volunteer_id, added, removed}],
 * "total"}
 */
JsonNode *
roster_engine_diff_versions(RosterEngine *self,
			    RosterPrincipal *principal,
			    gint64 id,
			    gint64 from,
			    gint64 to,
			    GError **error)
{
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autoptr(GPtrArray) a = NULL;
	g_autoptr(GPtrArray) b_list = NULL;
	g_autoptr(GHashTable) a_keys = NULL;
	g_autoptr(GHashTable) b_keys = NULL;
	g_autoptr(GHashTable) per_volunteer =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, lists_free);
	g_autoptr(GPtrArray) ids = NULL;
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonNode) items = NULL;
	JsonNode *result;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	if (!roster_rosters_check_staff(principal, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	if (from < 0 || to < 0) {
		roster_rosters_invalid(error,
				       ROSTER_KEY_FROM,
				       "version numbers are 0 (the draft) or more");
		return NULL;
	}
	roster = roster_store_get_roster(roster_engine_get_store(self), id, error);
	if (roster == NULL)
		return NULL;
	a = version_assignments(self, id, from, error);
	if (a == NULL)
		return NULL;
	b_list = version_assignments(self, id, to, error);
	if (b_list == NULL)
		return NULL;
	a_keys = key_set(a);
	b_keys = key_set(b_list);
	collect_missing(b_list, a_keys, per_volunteer, 0);
	collect_missing(a, b_keys, per_volunteer, 1);
	ids = g_ptr_array_new();
	g_hash_table_foreach(per_volunteer, collect_key_cb, ids);
	g_ptr_array_sort(ids, compare_int64);
	json_builder_begin_array(b);
	for (guint i = 0; i < ids->len; i++) {
		gint64 *vid = g_ptr_array_index(ids, i);
		GPtrArray **lists = g_hash_table_lookup(per_volunteer, vid);
		json_builder_begin_object(b);
		json_builder_set_member_name(b, ROSTER_KEY_VOLUNTEER_ID);
		json_builder_add_int_value(b, *vid);
		for (guint w = 0; w < 2; w++) {
			json_builder_set_member_name(b,
						     w == 0 ? ROSTER_KEY_ADDED
							    : ROSTER_KEY_REMOVED);
			json_builder_begin_array(b);
			for (guint j = 0; j < lists[w]->len; j++)
				add_shift(b, g_ptr_array_index(lists[w], j));
			json_builder_end_array(b);
		}
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	items = json_builder_get_root(b);
	result = roster_engine_new_list(json_node_get_array(items), -1);
	json_object_set_int_member(json_node_get_object(result), ROSTER_KEY_FROM, from);
	json_object_set_int_member(json_node_get_object(result), ROSTER_KEY_TO, to);
	return result;
}
