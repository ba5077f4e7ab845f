/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the publish digest: in the publish transaction, one message to each volunteer whose
 * shifts changed, holding only that volunteer's own added, removed and moved shifts */

#include "config.h"

#include "roster-engine-notify-private.h"
#include "roster-engine-rosters-private.h"

/* one shift of a diff as the digest words it */
typedef struct {
	const gchar *date;
	const gchar *slot;
	gint64 seat_class_id;
	gboolean used;
} DigestShift;

/* the first publish: every shift of version 1 is added, in the diff's shape */
static JsonNode *
first_version_items(RosterStore *store, gint64 roster_id, GError **error)
{
	g_autoptr(GPtrArray) assignments =
	    roster_store_list_version_assignments(store, roster_id, 1, error);
	g_autoptr(GHashTable) per_volunteer = NULL;
	g_autoptr(JsonArray) items = json_array_new();
	g_autoptr(GList) ids = NULL;
	JsonNode *root;

	if (assignments == NULL)
		return NULL;
	per_volunteer = g_hash_table_new_full(g_int64_hash,
					      g_int64_equal,
					      g_free,
					      (GDestroyNotify)json_array_unref);
	for (guint i = 0; i < assignments->len; i++) {
		RosterHotlineAssignment *a = g_ptr_array_index(assignments, i);
		JsonArray *added = g_hash_table_lookup(per_volunteer, &a->volunteer_id);
		if (added == NULL) {
			added = json_array_new();
			g_hash_table_insert(per_volunteer,
					    g_memdup2(&a->volunteer_id, sizeof(gint64)),
					    added);
		}
		json_array_add_element(added, roster_rosters_assignment_to_node(a));
	}
	ids = g_hash_table_get_keys(per_volunteer);
	for (GList *l = ids; l != NULL; l = l->next) {
		JsonObject *item = json_object_new();
		json_object_set_int_member(item, "volunteer_id", *(gint64 *)l->data);
		json_object_set_array_member(
		    item,
		    "added",
		    json_array_ref(g_hash_table_lookup(per_volunteer, l->data)));
		json_object_set_array_member(item, "removed", json_array_new());
		json_array_add_object_element(items, item);
	}
	root = json_node_new(JSON_NODE_ARRAY);
	json_node_set_array(root, items);
	return root;
}

static GArray *
read_shifts(JsonObject *item, const gchar *member)
{
	GArray *shifts = g_array_new(FALSE, TRUE, sizeof(DigestShift));
	JsonArray *array = json_object_get_array_member(item, member);

	for (guint i = 0; array != NULL && i < json_array_get_length(array); i++) {
		JsonObject *o = json_array_get_object_element(array, i);
		DigestShift s = {
		    .date = json_object_get_string_member_with_default(o, "date", ""),
		    .slot = json_object_get_string_member_with_default(o, "slot", ""),
		    .seat_class_id = json_object_get_int_member_with_default(o, "seat_class_id", 0),
		};
		g_array_append_val(shifts, s);
	}
	return shifts;
}

static gchar *
shift_text(RosterStore *store, const DigestShift *s, GError **error)
{
	g_autofree gchar *seat =
	    roster_store_notify_dup_seat_class_name(store, s->seat_class_id, error);

	if (seat == NULL)
		return NULL;
	return g_strdup_printf("%s %s %s", s->date, s->slot, seat);
}

/* the lines of one section, or an empty string when it has none */
static gboolean
add_section(GString *body, RosterStore *store, const gchar *heading, GArray *shifts, GError **error)
{
	gboolean any = FALSE;

	for (guint i = 0; i < shifts->len; i++) {
		DigestShift *s = &g_array_index(shifts, DigestShift, i);
		g_autofree gchar *text = NULL;
		if (s->used)
			continue;
		text = shift_text(store, s, error);
		if (text == NULL)
			return FALSE;
		if (!any)
			g_string_append_printf(body, "%s\n", heading);
		any = TRUE;
		g_string_append_printf(body, "  %s\n", text);
	}
	if (any)
		g_string_append_c(body, '\n');
	return TRUE;
}

/* a removed and an added shift of the same day are one moved shift */
static gboolean
add_moved(GString *body,
	  RosterStore *store,
	  const gchar *heading,
	  GArray *added,
	  GArray *removed,
	  GError **error)
{
	gboolean any = FALSE;

	for (guint i = 0; i < removed->len; i++) {
		DigestShift *r = &g_array_index(removed, DigestShift, i);
		for (guint j = 0; j < added->len; j++) {
			DigestShift *a = &g_array_index(added, DigestShift, j);
			g_autofree gchar *from = NULL;
			g_autofree gchar *to = NULL;
			if (a->used || g_strcmp0(a->date, r->date) != 0)
				continue;
			from = shift_text(store, r, error);
			to = from != NULL ? shift_text(store, a, error) : NULL;
			if (to == NULL)
				return FALSE;
			if (!any)
				g_string_append_printf(body, "%s\n", heading);
			any = TRUE;
			g_string_append_printf(body, "  %s → %s\n", from, to);
			a->used = TRUE;
			r->used = TRUE;
			break;
		}
	}
	if (any)
		g_string_append_c(body, '\n');
	return TRUE;
}

/* the digest in the calling thread's language (roster_notify_language_enter()) */
static gboolean
compose_digest(RosterStore *store,
	       const RosterNotifySettings *settings,
	       JsonObject *item,
	       const gchar *name,
	       const gchar *roster_name,
	       gint64 number,
	       gchar **subject,
	       gchar **text,
	       GError **error)
{
	g_autoptr(GArray) added = read_shifts(item, "added");
	g_autoptr(GArray) removed = read_shifts(item, "removed");
	g_autoptr(GString) body = g_string_new(NULL);
	g_autofree gchar *page = g_strdup_printf("%s/my/", settings->public_url);
	g_autofree gchar *next = NULL;

	*subject = g_strdup_printf(_("Roster published: %s, your shifts changed"), roster_name);
	g_string_append_printf(body, _("Hello %s,\n\n"), name);
	g_string_append_printf(body,
			       _("version %d of the roster \"%s\" is published; your shifts "
				 "changed:\n\n"),
			       (gint)number,
			       roster_name);
	if (!add_moved(body, store, _("Moved:"), added, removed, error) ||
	    !add_section(body, store, _("Added:"), added, error) ||
	    !add_section(body, store, _("Removed:"), removed, error))
		return FALSE;
	next =
	    g_strdup_printf(_("Your shifts: %s\nYour calendar feed: the link on %s"), page, page);
	/* the footer opens with an empty line the sections already end with */
	g_string_truncate(body, body->len - 1);
	roster_notify_append_footer(body, next);
	*text = g_string_free(g_steal_pointer(&body), FALSE);
	return TRUE;
}

static gboolean
queue_digest(RosterStore *store,
	     const RosterNotifySettings *settings,
	     JsonObject *item,
	     const gchar *roster_name,
	     gint64 number,
	     const gchar *now_text,
	     gint64 now,
	     GError **error)
{
	gint64 volunteer_id = json_object_get_int_member_with_default(item, "volunteer_id", 0);
	g_autofree gchar *name = NULL;
	g_autofree gchar *email = NULL;
	g_autofree gchar *phone = NULL;
	g_autofree gchar *language = NULL;
	g_auto(GStrv) optouts = NULL;
	g_autoptr(RosterOutboxMessage) m = g_new0(RosterOutboxMessage, 1);
	RosterNotifyLanguage lang;
	locale_t previous;
	gboolean ok;

	optouts = roster_store_notify_get_optouts(store, volunteer_id, error);
	if (optouts == NULL)
		return FALSE;
	if (g_strv_contains((const gchar *const *)optouts, ROSTER_NOTIFY_KIND_PUBLISH))
		return TRUE;
	if (!roster_store_notify_get_contact(store,
					     volunteer_id,
					     &name,
					     &email,
					     &phone,
					     &language,
					     error))
		return FALSE;
	if (!roster_notify_message_set_address(m, settings, &email, &phone)) {
		g_debug("volunteer %" G_GINT64_FORMAT " has no address for a configured transport",
			volunteer_id);
		return TRUE;
	}
	lang = roster_notify_language_from_code(language);
	previous = roster_notify_language_enter(lang);
	ok = compose_digest(store,
			    settings,
			    item,
			    name,
			    roster_name,
			    number,
			    &m->subject,
			    &m->body,
			    error);
	roster_notify_language_leave(previous);
	if (!ok)
		return FALSE;
	m->kind = g_strdup(ROSTER_NOTIFY_KIND_PUBLISH);
	m->volunteer_id = volunteer_id;
	m->language = g_strdup(roster_notify_language_get_code(lang));
	m->next_attempt = roster_notify_settings_quiet_until(settings, now);
	m->created = g_strdup(now_text);
	return roster_store_outbox_insert(store, m, error) > 0;
}

/**
 * roster_engine_notify_published:
 * @self: an engine inside the publish transaction
 * @principal: the publisher
 * @roster_id: the roster
 * @number: the version just written
 * @error: (nullable): return location for a #GError
 *
 * Writes a digest for each volunteer whose shifts differ from the previous version.
 *
 * Returns: %TRUE on success
 */
gboolean
roster_engine_notify_published(RosterEngine *self,
			       RosterPrincipal *principal,
			       gint64 roster_id,
			       gint64 number,
			       GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(RosterStoreRoster) roster = roster_store_get_roster(store, roster_id, error);
	g_autofree gchar *roster_name = NULL;
	g_autoptr(RosterNotifySettings) settings = roster_notify_settings_load(store, error);
	g_autoptr(JsonNode) items = NULL;
	g_autoptr(JsonNode) diff = NULL;
	g_autofree gchar *now_text = roster_engine_dup_now();
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;
	JsonArray *array;

	if (roster == NULL || settings == NULL)
		return FALSE;
	roster_name = roster_notify_dup_roster_label(roster);
	if (number <= 1) {
		items = first_version_items(store, roster_id, error);
	} else {
		diff = roster_engine_diff_versions(self,
						   principal,
						   roster_id,
						   number - 1,
						   number,
						   error);
		if (diff != NULL)
			items = json_node_ref(
			    json_object_get_member(json_node_get_object(diff), "items"));
	}
	if (items == NULL)
		return FALSE;
	array = json_node_get_array(items);
	for (guint i = 0; i < json_array_get_length(array); i++) {
		if (!queue_digest(store,
				  settings,
				  json_array_get_object_element(array, i),
				  roster_name,
				  number,
				  now_text,
				  now,
				  error))
			return FALSE;
	}
	return TRUE;
}
