/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what the publish view checks before a version goes out: the first version's changes
 * for everyone, and the uncovered crisis seats and broken rules to warn about */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-json-keys.h"
#include "roster-publish-check.h"

static gint
compare_volunteer_cb(gconstpointer a, gconstpointer b)
{
	gint64 first = json_object_get_int_member(*(JsonObject *const *)a, ROSTER_KEY_VOLUNTEER_ID);
	gint64 second =
	    json_object_get_int_member(*(JsonObject *const *)b, ROSTER_KEY_VOLUNTEER_ID);

	return first < second ? -1 : first > second;
}

/**
 * roster_publish_dup_first_changes:
 * @roster: a draft never published, with its assignments
 *
 * The first version brings every volunteer all of their shifts, which the daemon's diff
 * of the draft against itself cannot say: one change per volunteer, worded as the diff
 * words it (`volunteer_id`, `added`, an empty `removed`), by volunteer id.
 *
 * Returns: (transfer full) (element-type RosterItem): the changes
 *
 * Since: 0.4
 */
GPtrArray *
roster_publish_dup_first_changes(RosterRoster *roster)
{
	g_autoptr(GHashTable) by_volunteer =
	    g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	g_autoptr(GPtrArray) objects =
	    g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
	GPtrArray *changes = g_ptr_array_new_with_free_func(g_object_unref);

	g_return_val_if_fail(ROSTER_IS_ROSTER(roster), changes);
	for (guint i = 0; i < roster_roster_get_n_assignments(roster); i++) {
		const RosterAssignment *a = roster_roster_get_assignment(roster, i);
		JsonObject *change = g_hash_table_lookup(by_volunteer, &a->volunteer_id);
		JsonObject *shift = json_object_new();

		if (change == NULL) {
			change = json_object_new();
			json_object_set_int_member(change,
						   ROSTER_KEY_VOLUNTEER_ID,
						   a->volunteer_id);
			json_object_set_array_member(change, ROSTER_KEY_ADDED, json_array_new());
			json_object_set_array_member(change, ROSTER_KEY_REMOVED, json_array_new());
			g_hash_table_insert(by_volunteer,
					    g_memdup2(&a->volunteer_id, sizeof(gint64)),
					    change);
			g_ptr_array_add(objects, change);
		}
		json_object_set_string_member(shift, ROSTER_KEY_DATE, a->cell.date);
		json_object_set_string_member(shift, ROSTER_KEY_SLOT, a->cell.slot);
		json_object_set_int_member(shift, ROSTER_KEY_SEAT_CLASS_ID, a->cell.seat_class_id);
		json_array_add_object_element(
		    json_object_get_array_member(change, ROSTER_KEY_ADDED),
		    shift);
	}
	g_ptr_array_sort(objects, compare_volunteer_cb);
	for (guint i = 0; i < objects->len; i++)
		g_ptr_array_add(changes, roster_item_new(g_ptr_array_index(objects, i)));
	return changes;
}

/**
 * roster_publish_dup_warnings:
 * @explanations: the roster's explanation list, as the daemon sends it
 * @seat_classes: (nullable): the seat classes, for the words
 * @volunteers: (nullable): the volunteers, for the words
 * @n_crisis_seats: (out): the crisis seats nobody fills
 * @n_broken_rules: (out): the hard rules broken (by overrides, or left by a solve cut
 *   short)
 *
 * Returns: (transfer full) (element-type RosterExplanation): the explanations to warn
 *   about before publishing: uncovered crisis seats first, then broken rules
 *
 * Since: 0.4
 */
GPtrArray *
roster_publish_dup_warnings(JsonArray *explanations,
			    RosterItemList *seat_classes,
			    RosterItemList *volunteers,
			    guint *n_crisis_seats,
			    guint *n_broken_rules)
{
	GPtrArray *warnings = g_ptr_array_new_with_free_func(g_object_unref);
	g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func(g_object_unref);

	*n_crisis_seats = 0;
	*n_broken_rules = 0;
	for (guint i = 0; explanations != NULL && i < json_array_get_length(explanations); i++) {
		JsonObject *object = json_array_get_object_element(explanations, i);
		g_autoptr(RosterExplanation) item = NULL;

		if (object == NULL)
			continue;
		item = roster_explanation_new(object, seat_classes, volunteers);
		if (g_strcmp0(
			json_object_get_string_member_with_default(object, ROSTER_KEY_CODE, NULL),
			"uncovered-crisis-seat") == 0 &&
		    roster_explanation_get_n_missing(item) > 0) {
			*n_crisis_seats += roster_explanation_get_n_missing(item);
			g_ptr_array_add(warnings, g_steal_pointer(&item));
		} else if (roster_explanation_get_category(item) ==
			   ROSTER_EXPLANATION_BROKEN_RULE) {
			(*n_broken_rules)++;
			g_ptr_array_add(broken, g_steal_pointer(&item));
		}
	}
	for (guint i = 0; i < broken->len; i++)
		g_ptr_array_add(warnings, g_object_ref(g_ptr_array_index(broken, i)));
	return warnings;
}

/**
 * roster_publish_dup_warning_text:
 * @n_crisis_seats: the crisis seats nobody fills
 * @n_broken_rules: the hard rules broken
 *
 * Returns: (transfer full) (nullable): the warning before publishing in the user's
 *   language, or %NULL when there is nothing to warn about
 *
 * Since: 0.4
 */
gchar *
roster_publish_dup_warning_text(guint n_crisis_seats, guint n_broken_rules)
{
	g_autofree gchar *crisis = NULL;
	g_autofree gchar *broken = NULL;

	if (n_crisis_seats == 0 && n_broken_rules == 0)
		return NULL;
	if (n_crisis_seats > 0)
		crisis = g_strdup_printf(ngettext("%u crisis seat has nobody in it.",
						  "%u crisis seats have nobody in them.",
						  n_crisis_seats),
					 n_crisis_seats);
	if (n_broken_rules > 0)
		broken = g_strdup_printf(ngettext("%u hard rule is broken.",
						  "%u hard rules are broken.",
						  n_broken_rules),
					 n_broken_rules);
	if (crisis != NULL && broken != NULL)
		/* TRANSLATORS: the two warnings before publishing, one after the other */
		return g_strdup_printf(_("%s %s"), crisis, broken);
	return g_strdup(crisis != NULL ? crisis : broken);
}
