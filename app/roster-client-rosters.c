/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the typed calls of the rosters API: a roster, its explanations, edits, suggestions,
 * solve jobs and publishing; the paths and JSON members are spelled only here */

#include "config.h"

#include <string.h>

#include "roster-client-rosters.h"
#include "roster-json-keys.h"

static gchar *
roster_path(gint64 roster_id, const gchar *tail)
{
	return g_strdup_printf("/" ROSTER_COLLECTION_ROSTERS "/%" G_GINT64_FORMAT "%s",
			       roster_id,
			       tail != NULL ? tail : "");
}

/* a call on a roster, or a part of it, that sends no body */
static void
call_without_body(RosterClient *self,
		  const gchar *method,
		  gint64 roster_id,
		  const gchar *tail,
		  GCancellable *cancellable,
		  GAsyncReadyCallback callback,
		  gpointer user_data)
{
	g_autofree gchar *path = roster_path(roster_id, tail);
	roster_client_call_async(self, method, path, NULL, cancellable, callback, user_data);
}

/* a POST whose body is an object of one member */
static void
post_member(RosterClient *self,
	    const gchar *path,
	    const gchar *key,
	    JsonNode *value,
	    GCancellable *cancellable,
	    GAsyncReadyCallback callback,
	    gpointer user_data)
{
	g_autoptr(JsonObject) object = json_object_new();
	g_autoptr(JsonNode) body = json_node_new(JSON_NODE_OBJECT);

	json_object_set_member(object, key, json_node_ref(value));
	json_node_set_object(body, object);
	roster_client_call_async(self, "POST", path, body, cancellable, callback, user_data);
}

/**
 * roster_client_get_roster_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Loads a roster with its assignments.
 *
 * Since: 0.1
 */
void
roster_client_get_roster_async(RosterClient *self,
			       gint64 roster_id,
			       GCancellable *cancellable,
			       GAsyncReadyCallback callback,
			       gpointer user_data)
{
	call_without_body(self, "GET", roster_id, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_get_roster_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the roster, or %NULL with @error set
 *
 * Since: 0.1
 */
RosterRoster *
roster_client_get_roster_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonObject) object = roster_client_call_finish_object(self, result, error);

	if (object == NULL)
		return NULL;
	return roster_roster_new(object);
}

/**
 * roster_client_list_explanations_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Loads the explanation list of a roster as it is now.
 *
 * Since: 0.1
 */
void
roster_client_list_explanations_async(RosterClient *self,
				      gint64 roster_id,
				      GCancellable *cancellable,
				      GAsyncReadyCallback callback,
				      gpointer user_data)
{
	call_without_body(self,
			  "GET",
			  roster_id,
			  "/explanations",
			  cancellable,
			  callback,
			  user_data);
}

/**
 * roster_client_list_explanations_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the explanation objects, or %NULL with @error set
 *
 * Since: 0.1
 */
JsonArray *
roster_client_list_explanations_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	return roster_client_call_finish_items(self, result, error);
}

/* "settings" in a body being built, unless @settings is %NULL or empty */
static void
add_settings(JsonBuilder *builder, JsonObject *settings)
{
	if (settings == NULL || json_object_get_size(settings) == 0)
		return;
	json_builder_set_member_name(builder, ROSTER_KEY_SETTINGS);
	json_builder_add_value(builder, json_node_init_object(json_node_alloc(), settings));
}

/**
 * roster_client_create_roster_async:
 * @self: a #RosterClient
 * @name: (nullable): the name the coordinator typed; %NULL or empty for none (the app
 *   then words the period in the language it runs in)
 * @period_start: its first day
 * @period_end: its last day
 * @settings: (nullable): its settings, e.g. a team rotation
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Creates a draft roster.
 *
 * Since: 0.1
 */
void
roster_client_create_roster_async(RosterClient *self,
				  const gchar *name,
				  const gchar *period_start,
				  const gchar *period_end,
				  JsonObject *settings,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;

	json_builder_begin_object(builder);
	if (name != NULL && name[0] != '\0') {
		json_builder_set_member_name(builder, ROSTER_KEY_NAME);
		json_builder_add_string_value(builder, name);
	}
	json_builder_set_member_name(builder, ROSTER_KEY_PERIOD_START);
	json_builder_add_string_value(builder, period_start);
	json_builder_set_member_name(builder, ROSTER_KEY_PERIOD_END);
	json_builder_add_string_value(builder, period_end);
	add_settings(builder, settings);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	roster_client_call_async(self,
				 "POST",
				 "/" ROSTER_COLLECTION_ROSTERS,
				 body,
				 cancellable,
				 callback,
				 user_data);
}

/**
 * roster_client_create_roster_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: the new roster's id, or 0 with @error set
 *
 * Since: 0.1
 */
gint64
roster_client_create_roster_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonObject) object = roster_client_call_finish_object(self, result, error);

	if (object == NULL)
		return 0;
	return json_object_get_int_member_with_default(object, ROSTER_KEY_ID, 0);
}

/**
 * roster_client_get_roster_object_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_call_finish_object()
 * @user_data: data for @callback
 *
 * Loads a roster as the daemon answers it, settings included, for its settings editor.
 *
 * Since: 0.2
 */
void
roster_client_get_roster_object_async(RosterClient *self,
				      gint64 roster_id,
				      GCancellable *cancellable,
				      GAsyncReadyCallback callback,
				      gpointer user_data)
{
	call_without_body(self, "GET", roster_id, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_update_roster_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @revision: the revision the coordinator saw
 * @change_name: whether to send @name
 * @name: (nullable): the new name; %NULL or empty for none
 * @settings: (nullable): the settings members to change (a null member goes back to its
 *   default); %NULL or empty to leave them
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_edit_finish()
 * @user_data: data for @callback
 *
 * Renames a roster or changes its settings.
 *
 * Since: 0.2
 */
void
roster_client_update_roster_async(RosterClient *self,
				  gint64 roster_id,
				  gint64 revision,
				  gboolean change_name,
				  const gchar *name,
				  JsonObject *settings,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = roster_path(roster_id, NULL);

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, revision);
	if (change_name)
		roster_client_add_nullable_string(builder, ROSTER_KEY_NAME, name);
	add_settings(builder, settings);
	json_builder_end_object(builder);
	body = json_builder_get_root(builder);
	roster_client_call_async(self, "PATCH", path, body, cancellable, callback, user_data);
}

/**
 * roster_client_delete_roster_async:
 * @self: a #RosterClient
 * @roster_id: a draft roster never published
 * @revision: the revision the coordinator saw
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_edit_finish()
 * @user_data: data for @callback
 *
 * Deletes a draft with its assignments.
 *
 * Since: 0.2
 */
void
roster_client_delete_roster_async(RosterClient *self,
				  gint64 roster_id,
				  gint64 revision,
				  GCancellable *cancellable,
				  GAsyncReadyCallback callback,
				  gpointer user_data)
{
	g_autofree gchar *tail =
	    g_strdup_printf("?" ROSTER_KEY_REVISION "=%" G_GINT64_FORMAT, revision);
	call_without_body(self, "DELETE", roster_id, tail, cancellable, callback, user_data);
}

/**
 * roster_client_dup_teams_path:
 *
 * Returns: (transfer full): the path of the teams, all of them
 *
 * Since: 0.2
 */
gchar *
roster_client_dup_teams_path(void)
{
	return g_strdup("/" ROSTER_COLLECTION_TEAMS "?" ROSTER_PARAM_LIMIT "=500");
}

static void
add_cell(JsonBuilder *builder, const RosterCell *cell)
{
	json_builder_set_member_name(builder, ROSTER_KEY_DATE);
	json_builder_add_string_value(builder, cell->date);
	json_builder_set_member_name(builder, ROSTER_KEY_SLOT);
	json_builder_add_string_value(builder, cell->slot);
	json_builder_set_member_name(builder, ROSTER_KEY_SEAT_CLASS_ID);
	json_builder_add_int_value(builder, cell->seat_class_id);
}

/**
 * roster_client_edit_async:
 * @self: a #RosterClient
 * @edit: the edit
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; roster_client_call_get_overridable() tells whether
 *   a refused edit may be sent again with @override
 * @user_data: data for @callback
 *
 * Sends one manual edit of a roster.
 *
 * Since: 0.1
 */
void
roster_client_edit_async(RosterClient *self,
			 const RosterEdit *edit,
			 GCancellable *cancellable,
			 GAsyncReadyCallback callback,
			 gpointer user_data)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *tail = NULL;
	const gchar *method = "PATCH";

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, ROSTER_KEY_REVISION);
	json_builder_add_int_value(builder, edit->revision);
	switch (edit->kind) {
	case ROSTER_EDIT_ASSIGN:
		method = "POST";
		tail = g_strdup("/" ROSTER_KEY_ASSIGNMENTS);
		add_cell(builder, &edit->cell);
		json_builder_set_member_name(builder, ROSTER_KEY_VOLUNTEER_ID);
		json_builder_add_int_value(builder, edit->volunteer_id);
		break;
	case ROSTER_EDIT_UNASSIGN:
		/* a DELETE has no body: the revision and the override go in the query */
		method = "DELETE";
		tail = g_strdup_printf("/" ROSTER_KEY_ASSIGNMENTS "/%" G_GINT64_FORMAT
				       "?" ROSTER_KEY_REVISION "=%" G_GINT64_FORMAT "%s",
				       edit->assignment_id,
				       edit->revision,
				       edit->override ? "&" ROSTER_KEY_OVERRIDE "=true" : "");
		break;
	case ROSTER_EDIT_PIN:
		tail = g_strdup_printf("/" ROSTER_KEY_ASSIGNMENTS "/%" G_GINT64_FORMAT,
				       edit->assignment_id);
		json_builder_set_member_name(builder, ROSTER_KEY_PINNED);
		json_builder_add_boolean_value(builder, edit->pinned);
		break;
	case ROSTER_EDIT_MOVE:
		tail = g_strdup_printf("/" ROSTER_KEY_ASSIGNMENTS "/%" G_GINT64_FORMAT,
				       edit->assignment_id);
		add_cell(builder, &edit->cell);
		break;
	case ROSTER_EDIT_SWAP:
	default:
		method = "POST";
		tail = g_strdup("/swap");
		json_builder_set_member_name(builder, ROSTER_KEY_ASSIGNMENTS);
		json_builder_begin_array(builder);
		json_builder_add_int_value(builder, edit->assignment_id);
		json_builder_add_int_value(builder, edit->other_id);
		json_builder_end_array(builder);
		break;
	}
	if (edit->override) {
		json_builder_set_member_name(builder, ROSTER_KEY_OVERRIDE);
		json_builder_add_boolean_value(builder, TRUE);
	}
	json_builder_end_object(builder);
	if (edit->kind != ROSTER_EDIT_UNASSIGN)
		body = json_builder_get_root(builder);
	path = roster_path(edit->roster_id, tail);
	roster_client_call_async(self, method, path, body, cancellable, callback, user_data);
}

/**
 * roster_client_assign_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @revision: the revision the edit was made against
 * @cell: the empty seat
 * @volunteer_id: who takes it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_edit_finish()
 * @user_data: data for @callback
 *
 * Puts a volunteer in an empty seat, as a #RosterEdit of %ROSTER_EDIT_ASSIGN does.
 *
 * Since: 0.1
 */
void
roster_client_assign_async(RosterClient *self,
			   gint64 roster_id,
			   gint64 revision,
			   const RosterCell *cell,
			   gint64 volunteer_id,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data)
{
	RosterEdit edit = {
	    .kind = ROSTER_EDIT_ASSIGN,
	    .roster_id = roster_id,
	    .revision = revision,
	    .cell = *cell,
	    .volunteer_id = volunteer_id,
	};
	roster_client_edit_async(self, &edit, cancellable, callback, user_data);
}

/**
 * roster_client_edit_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: %TRUE when the daemon took the edit
 *
 * Since: 0.1
 */
gboolean
roster_client_edit_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonNode) node = roster_client_call_finish(self, result, NULL, error);
	return node != NULL;
}

void
roster_suggestion_free(RosterSuggestion *suggestion)
{
	g_free(suggestion->name);
	g_free(suggestion->tier);
	g_free(suggestion->warning);
	g_free(suggestion);
}

/**
 * roster_client_list_suggestions_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cell: the empty seat
 * @seat_class_code: the seat class's code
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Asks the daemon who could take an empty seat, best first.
 *
 * Since: 0.1
 */
void
roster_client_list_suggestions_async(RosterClient *self,
				     gint64 roster_id,
				     const RosterCell *cell,
				     const gchar *seat_class_code,
				     GCancellable *cancellable,
				     GAsyncReadyCallback callback,
				     gpointer user_data)
{
	g_autofree gchar *base = roster_path(roster_id, "/suggestions");
	g_autofree gchar *path = roster_client_build_query(base,
							   ROSTER_PARAM_DATE,
							   cell->date,
							   ROSTER_PARAM_SLOT,
							   cell->slot,
							   ROSTER_PARAM_SEAT_CLASS,
							   seat_class_code,
							   NULL);
	roster_client_call_async(self, "GET", path, NULL, cancellable, callback, user_data);
}

/**
 * roster_client_list_suggestions_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type RosterSuggestion): the suggestions, or %NULL
 *   with @error set
 *
 * Since: 0.1
 */
GPtrArray *
roster_client_list_suggestions_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonArray) items = roster_client_call_finish_items(self, result, error);
	GPtrArray *suggestions;

	if (items == NULL)
		return NULL;
	suggestions = g_ptr_array_new_with_free_func((GDestroyNotify)roster_suggestion_free);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		JsonArray *violations;
		RosterSuggestion *suggestion;

		if (item == NULL)
			continue;
		violations = (json_object_has_member(item, ROSTER_KEY_VIOLATIONS)
				  ? json_object_get_array_member(item, ROSTER_KEY_VIOLATIONS)
				  : NULL);
		suggestion = g_new0(RosterSuggestion, 1);
		suggestion->volunteer_id =
		    json_object_get_int_member_with_default(item, ROSTER_KEY_VOLUNTEER_ID, 0);
		suggestion->name =
		    g_strdup(json_object_get_string_member_with_default(item, ROSTER_KEY_NAME, ""));
		suggestion->tier = g_strdup(
		    json_object_get_string_member_with_default(item, ROSTER_KEY_TIER, NULL));
		if (violations != NULL && json_array_get_length(violations) > 0)
			suggestion->warning =
			    g_strdup(json_array_get_string_element(violations, 0));
		g_ptr_array_add(suggestions, suggestion);
	}
	return suggestions;
}

/**
 * roster_client_start_solve_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @time_limit: the solve's time limit in seconds
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_solve_finish()
 * @user_data: data for @callback
 *
 * Starts a solve job.
 *
 * Since: 0.1
 */
void
roster_client_start_solve_async(RosterClient *self,
				gint64 roster_id,
				gdouble time_limit,
				GCancellable *cancellable,
				GAsyncReadyCallback callback,
				gpointer user_data)
{
	g_autofree gchar *path = roster_path(roster_id, "/solve");
	g_autoptr(JsonNode) value = json_node_init_double(json_node_alloc(), time_limit);

	post_member(self, path, ROSTER_KEY_TIME_LIMIT, value, cancellable, callback, user_data);
}

/**
 * roster_client_get_solve_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_solve_finish()
 * @user_data: data for @callback
 *
 * Asks how the roster's solve job is going.
 *
 * Since: 0.1
 */
void
roster_client_get_solve_async(RosterClient *self,
			      gint64 roster_id,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data)
{
	call_without_body(self, "GET", roster_id, "/solve", cancellable, callback, user_data);
}

/**
 * roster_client_get_solve_best_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_get_roster_finish()
 * @user_data: data for @callback
 *
 * Loads the roster with the best assignments its running solve has found so far
 * (unsaved: they have no id); a solve with none yet answers not-found, one that has
 * ended conflict.
 *
 * Since: 0.5
 */
void
roster_client_get_solve_best_async(RosterClient *self,
				   gint64 roster_id,
				   GCancellable *cancellable,
				   GAsyncReadyCallback callback,
				   gpointer user_data)
{
	call_without_body(self, "GET", roster_id, "/solve/best", cancellable, callback, user_data);
}

/**
 * roster_client_cancel_solve_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer; finish with roster_client_solve_finish()
 * @user_data: data for @callback
 *
 * Stops the roster's solve job; the best roster found is kept.
 *
 * Since: 0.1
 */
void
roster_client_cancel_solve_async(RosterClient *self,
				 gint64 roster_id,
				 GCancellable *cancellable,
				 GAsyncReadyCallback callback,
				 gpointer user_data)
{
	call_without_body(self, "DELETE", roster_id, "/solve", cancellable, callback, user_data);
}

static gboolean
read_int(JsonObject *object, const gchar *key, gint64 *value)
{
	JsonNode *node = json_object_get_member(object, key);

	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node))
		return FALSE;
	*value = json_node_get_int(node);
	return TRUE;
}

/**
 * roster_client_solve_finish:
 * @self: a #RosterClient
 * @result: the result of a solve call
 * @progress: (out caller-allocates) (optional): the job as the daemon reports it
 * @error: a #GError
 *
 * Returns: %TRUE when the daemon answered
 *
 * Since: 0.1
 */
gboolean
roster_client_solve_finish(RosterClient *self,
			   GAsyncResult *result,
			   RosterSolveProgress *progress,
			   GError **error)
{
	g_autoptr(JsonNode) node = roster_client_call_finish(self, result, NULL, error);
	JsonObject *job;
	const gchar *state;

	if (node == NULL)
		return FALSE;
	if (progress == NULL)
		return TRUE;
	memset(progress, 0, sizeof(*progress));
	progress->time_limit = 1;
	if (!JSON_NODE_HOLDS_OBJECT(node)) {
		progress->state = ROSTER_SOLVE_CANCELLED;
		return TRUE;
	}
	job = json_node_get_object(node);
	state = json_object_get_string_member_with_default(job, ROSTER_KEY_STATE, "");
	if (g_strcmp0(state, ROSTER_JOB_RUNNING) == 0)
		progress->state = ROSTER_SOLVE_RUNNING;
	else if (g_strcmp0(state, ROSTER_JOB_FAILED) == 0)
		progress->state = ROSTER_SOLVE_FAILED;
	else if (g_strcmp0(state, ROSTER_JOB_CANCELLED) == 0)
		progress->state = ROSTER_SOLVE_CANCELLED;
	else
		progress->state = ROSTER_SOLVE_DONE;
	progress->elapsed = json_object_get_double_member_with_default(job, ROSTER_KEY_ELAPSED, 0);
	progress->time_limit =
	    json_object_get_double_member_with_default(job, ROSTER_KEY_TIME_LIMIT, 1);
	progress->has_best_score = read_int(job, ROSTER_KEY_BEST_SCORE, &progress->best_score);
	progress->has_uncovered = read_int(job, ROSTER_KEY_UNCOVERED, &progress->uncovered);
	{
		JsonNode *gap = json_object_get_member(job, ROSTER_KEY_GAP);
		progress->has_gap = gap != NULL && JSON_NODE_HOLDS_VALUE(gap);
		if (progress->has_gap)
			progress->gap = json_node_get_double(gap);
	}
	return TRUE;
}

/**
 * roster_client_publish_async:
 * @self: a #RosterClient
 * @roster_id: the roster
 * @revision: the revision the coordinator saw
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Publishes the roster as its next version.
 *
 * Since: 0.1
 */
void
roster_client_publish_async(RosterClient *self,
			    gint64 roster_id,
			    gint64 revision,
			    GCancellable *cancellable,
			    GAsyncReadyCallback callback,
			    gpointer user_data)
{
	g_autofree gchar *path = roster_path(roster_id, "/publish");
	g_autoptr(JsonNode) value = json_node_init_int(json_node_alloc(), revision);

	post_member(self, path, ROSTER_KEY_REVISION, value, cancellable, callback, user_data);
}

/**
 * roster_client_publish_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: %TRUE when the version was published
 *
 * Since: 0.1
 */
gboolean
roster_client_publish_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	return roster_client_edit_finish(self, result, error);
}

/* the path of a roster's published versions, for a #RosterItemList */
gchar *
roster_client_dup_versions_path(gint64 roster_id)
{
	return roster_path(roster_id, "/versions");
}

/* the path of what the next version changes against version @from_version */
gchar *
roster_client_dup_diff_path(gint64 roster_id, gint64 from_version)
{
	g_autofree gchar *tail = g_strdup_printf("/diff?" ROSTER_PARAM_FROM "=%" G_GINT64_FORMAT
						 "&" ROSTER_PARAM_TO "=0",
						 from_version);
	return roster_path(roster_id, tail);
}
