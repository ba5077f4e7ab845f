/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* record writes that carry a new password: the cheap checks on the main thread, the
 * slow hash in a worker thread, then the write as roster_engine_create() would */

#include "config.h"

#include "roster-engine-records-private.h"
#include "roster-json-keys.h"

/* a create or update waiting for its new password to be checked and hashed */
typedef struct {
	RosterPrincipal *principal;
	gchar *collection;
	gint64 parent_id;
	gint64 id;
	JsonNode *body;
	gchar *password;
	gchar *username;
	gchar *hash;
	gboolean fast;
} WriteJob;

static void
write_job_free(WriteJob *job)
{
	roster_principal_unref(job->principal);
	g_free(job->collection);
	json_node_unref(job->body);
	roster_password_free(job->password);
	g_free(job->username);
	g_free(job->hash);
	g_free(job);
}

/* the cheap checks on the main thread: may the caller write here at all, and does
 * the body set a password; *@password stays NULL when there is nothing to hash */
static gboolean
find_new_password(RosterEngine *self, WriteJob *job, GError **error)
{
	const RosterKind *kind;
	JsonObject *object;
	JsonNode *node;

	if (!roster_engine_ensure_open(self, error))
		return FALSE;
	kind = roster_engine_records_open_kind(self,
					       job->principal,
					       job->collection,
					       job->parent_id,
					       job->id,
					       job->id > 0 ? ROSTER_ENGINE_ACCESS_UPDATE
							   : ROSTER_ENGINE_ACCESS_CREATE,
					       error);
	if (kind == NULL)
		return FALSE;
	if (g_strcmp0(kind->collection, ROSTER_COLLECTION_ACCOUNTS) != 0 || job->body == NULL ||
	    !JSON_NODE_HOLDS_OBJECT(job->body))
		return TRUE;
	object = json_node_get_object(job->body);
	node = json_object_get_member(object, ROSTER_KEY_PASSWORD);
	if (node == NULL || !JSON_NODE_HOLDS_VALUE(node) ||
	    json_node_get_value_type(node) != G_TYPE_STRING)
		return TRUE;
	job->username =
	    g_strdup(json_object_get_string_member_with_default(object, ROSTER_KEY_USERNAME, NULL));
	if (job->username == NULL && job->id > 0) {
		g_autoptr(RosterRecord) existing =
		    roster_engine_records_load_record(self, kind, job->parent_id, job->id, error);
		if (existing == NULL)
			return FALSE;
		job->username = g_strdup(roster_record_get_string(existing, ROSTER_KEY_USERNAME));
	}
	job->password = g_strdup(json_node_get_string(node));
	return TRUE;
}

static void
hash_thread_cb(GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
	WriteJob *job = task_data;
	GError *error = NULL;
	gchar *hash;

	if (!roster_password_check_quality(job->password, job->username, &error)) {
		g_task_return_error(task, error);
		return;
	}
	hash = roster_password_hash(job->password, job->fast, &error);
	if (hash == NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_pointer(task, hash, g_free);
}

static JsonNode *
write_job_run(RosterEngine *self, WriteJob *job, GError **error)
{
	RosterPasswordHash prehashed = {job->password, job->hash};

	if (job->id > 0) {
		return roster_engine_records_update_record(self,
							   job->principal,
							   job->collection,
							   job->parent_id,
							   job->id,
							   job->body,
							   &prehashed,
							   error);
	}
	return roster_engine_records_create_record(self,
						   job->principal,
						   job->collection,
						   job->parent_id,
						   job->body,
						   &prehashed,
						   error);
}

static void
hash_done_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	RosterEngine *self = ROSTER_ENGINE(source);
	WriteJob *job = g_task_get_task_data(task);
	JsonNode *node;
	GError *error = NULL;

	job->hash = g_task_propagate_pointer(G_TASK(result), &error);
	if (job->hash == NULL) {
		g_task_return_error(task, error);
		return;
	}
	/* back on the main thread: the write checks everything again, the hash is reused */
	node = write_job_run(self, job, &error);
	if (node == NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_pointer(task, node, (GDestroyNotify)json_node_unref);
}

static void
write_async(RosterEngine *self,
	    RosterPrincipal *principal,
	    const gchar *collection,
	    gint64 parent_id,
	    gint64 id,
	    JsonNode *body,
	    gpointer source_tag,
	    GCancellable *cancellable,
	    GAsyncReadyCallback callback,
	    gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);
	g_autoptr(GTask) hash_task = NULL;
	WriteJob *job = g_new0(WriteJob, 1);
	JsonNode *node;
	GError *error = NULL;

	g_task_set_source_tag(task, source_tag);
	job->principal = roster_principal_ref(principal);
	job->collection = g_strdup(collection);
	job->parent_id = parent_id;
	job->id = id;
	job->body = body != NULL ? json_node_ref(body) : NULL;
	job->fast = roster_engine_get_fast_password_hashing(self);
	g_task_set_task_data(task, job, (GDestroyNotify)write_job_free);

	if (!find_new_password(self, job, &error)) {
		g_task_return_error(task, error);
		return;
	}
	if (job->password == NULL) {
		node = write_job_run(self, job, &error);
		if (node == NULL)
			g_task_return_error(task, error);
		else
			g_task_return_pointer(task, node, (GDestroyNotify)json_node_unref);
		return;
	}
	/* the strength check and Argon2id take tens of milliseconds: not on the main loop */
	hash_task = g_task_new(self, cancellable, hash_done_cb, g_steal_pointer(&task));
	g_task_set_source_tag(hash_task, hash_thread_cb);
	g_task_set_task_data(hash_task, job, NULL);
	g_task_run_in_thread(hash_task, hash_thread_cb);
}

/* the record of a finished write_async() started by @source_tag */
static JsonNode *
write_finish(RosterEngine *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), NULL);
	g_return_val_if_fail(g_task_get_source_tag(G_TASK(result)) == source_tag, NULL);
	return g_task_propagate_pointer(G_TASK(result), error);
}

/**
 * roster_engine_create_async:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name
 * @parent_id: the parent record of a sub-collection, else 0
 * @body: the new record as a JSON object
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Like roster_engine_create(), but a new password (of an account) is checked and
 * hashed in a worker thread; the record is written on the calling thread.
 *
 * Since: 0.1
 **/
void
roster_engine_create_async(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *collection,
			   gint64 parent_id,
			   JsonNode *body,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data)
{
	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(principal != NULL);
	g_return_if_fail(cancellable == NULL || G_IS_CANCELLABLE(cancellable));
	write_async(self,
		    principal,
		    collection,
		    parent_id,
		    0,
		    body,
		    roster_engine_create_async,
		    cancellable,
		    callback,
		    user_data);
}

/**
 * roster_engine_create_finish:
 * @self: a #RosterEngine
 * @result: the #GAsyncResult
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the stored record, or %NULL
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_create_finish(RosterEngine *self, GAsyncResult *result, GError **error)
{
	return write_finish(self, result, roster_engine_create_async, error);
}

/**
 * roster_engine_update_async:
 * @self: a #RosterEngine
 * @principal: the caller
 * @collection: a collection name
 * @parent_id: the parent record of a sub-collection, else 0
 * @id: the record id
 * @body: the members to change, with the revision the caller read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the calling thread's main context when done
 * @user_data: data for @callback
 *
 * Like roster_engine_update(), but a new password is checked and hashed in a worker
 * thread; a new password also ends every session of the account.
 *
 * Since: 0.1
 **/
void
roster_engine_update_async(RosterEngine *self,
			   RosterPrincipal *principal,
			   const gchar *collection,
			   gint64 parent_id,
			   gint64 id,
			   JsonNode *body,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data)
{
	g_return_if_fail(ROSTER_IS_ENGINE(self));
	g_return_if_fail(principal != NULL);
	g_return_if_fail(id > 0);
	g_return_if_fail(cancellable == NULL || G_IS_CANCELLABLE(cancellable));
	write_async(self,
		    principal,
		    collection,
		    parent_id,
		    id,
		    body,
		    roster_engine_update_async,
		    cancellable,
		    callback,
		    user_data);
}

/**
 * roster_engine_update_finish:
 * @self: a #RosterEngine
 * @result: the #GAsyncResult
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the stored record after the change, or %NULL
 *
 * Since: 0.1
 **/
JsonNode *
roster_engine_update_finish(RosterEngine *self, GAsyncResult *result, GError **error)
{
	return write_finish(self, result, roster_engine_update_async, error);
}
