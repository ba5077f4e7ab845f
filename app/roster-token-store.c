/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-app-config.h"
#include "roster-error.h"
#include "roster-token-store.h"

#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

/*
 * The session's bearer token remembered in the user's keyring through libsecret (the
 * Secret Service: GNOME Keyring, KWallet), one per server and user name, so that the
 * app does not ask for the password at every start. Only the token is kept, never the
 * password; the daemon can revoke it and it expires. Built without libsecret, nothing
 * is remembered and the app asks for the password each time.
 */

#if HAVE_LIBSECRET
static const SecretSchema *
token_schema(void)
{
	static const SecretSchema schema = {
	    .name = "cn.hotline.Roster.Token",
	    .flags = SECRET_SCHEMA_NONE,
	    .attributes =
		{
		    {"server", SECRET_SCHEMA_ATTRIBUTE_STRING},
		    {"username", SECRET_SCHEMA_ATTRIBUTE_STRING},
		    {NULL, 0},
		},
	};
	return &schema;
}

static void
stored_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	GError *error = NULL;

	if (!secret_password_store_finish(result, &error)) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static void
looked_up_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	GError *error = NULL;
	gchar *token = secret_password_lookup_finish(result, &error);

	if (error != NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_pointer(task, token, (GDestroyNotify)secret_password_free);
}

static void
cleared_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	GError *error = NULL;

	secret_password_clear_finish(result, &error);
	if (error != NULL) {
		g_task_return_error(task, error);
		return;
	}
	g_task_return_boolean(task, TRUE);
}
#endif

/* whether the app was built with libsecret and can remember a token */
gboolean
roster_token_store_is_available(void)
{
	return HAVE_LIBSECRET;
}

/**
 * roster_token_store_save_async:
 * @server: the server's address as the user typed it
 * @username: the account
 * @token: the session's bearer token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the keyring has the token
 * @user_data: data for @callback
 *
 * Remembers @token for @server and @username, replacing an older one.
 *
 * Since: 0.1
 */
void
roster_token_store_save_async(const gchar *server,
			      const gchar *username,
			      const gchar *token,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(NULL, cancellable, callback, user_data);

	g_return_if_fail(server != NULL && username != NULL && token != NULL);
	g_task_set_source_tag(task, roster_token_store_save_async);
#if HAVE_LIBSECRET
	{
		/* TRANSLATORS: the label of the token in the keyring; %s is the account */
		g_autofree gchar *label =
		    g_strdup_printf(_("Hotline Roster login of %s"), username);

		secret_password_store(token_schema(),
				      SECRET_COLLECTION_DEFAULT,
				      label,
				      token,
				      cancellable,
				      stored_cb,
				      g_steal_pointer(&task),
				      "server",
				      server,
				      "username",
				      username,
				      NULL);
	}
#else
	g_task_return_new_error(task,
				ROSTER_ERROR,
				ROSTER_ERROR_NOT_SUPPORTED,
				"built without libsecret");
#endif
}

gboolean
roster_token_store_save_finish(GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, NULL), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

/**
 * roster_token_store_lookup_async:
 * @server: the server's address
 * @username: the account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token or nothing
 * @user_data: data for @callback
 *
 * Looks up the token remembered for @server and @username.
 *
 * Since: 0.1
 */
void
roster_token_store_lookup_async(const gchar *server,
				const gchar *username,
				GCancellable *cancellable,
				GAsyncReadyCallback callback,
				gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(NULL, cancellable, callback, user_data);

	g_return_if_fail(server != NULL && username != NULL);
	g_task_set_source_tag(task, roster_token_store_lookup_async);
#if HAVE_LIBSECRET
	secret_password_lookup(token_schema(),
			       cancellable,
			       looked_up_cb,
			       g_steal_pointer(&task),
			       "server",
			       server,
			       "username",
			       username,
			       NULL);
#else
	g_task_return_pointer(task, NULL, NULL);
#endif
}

/**
 * roster_token_store_lookup_finish:
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): the token, or %NULL when none is remembered
 *   (then @error is not set) or the keyring failed
 *
 * Since: 0.1
 */
gchar *
roster_token_store_lookup_finish(GAsyncResult *result, GError **error)
{
	g_autofree gchar *token = NULL;
	gchar *secret;

	g_return_val_if_fail(g_task_is_valid(result, NULL), NULL);
	secret = g_task_propagate_pointer(G_TASK(result), error);
	if (secret == NULL)
		return NULL;
	/* the caller frees with g_free, libsecret wants its own free for a password */
	token = g_strdup(secret);
#if HAVE_LIBSECRET
	secret_password_free(secret);
#else
	g_free(secret);
#endif
	return g_steal_pointer(&token);
}

/**
 * roster_token_store_clear_async:
 * @server: the server's address
 * @username: the account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Forgets the token of @server and @username, e.g. when the daemon refused it.
 *
 * Since: 0.1
 */
void
roster_token_store_clear_async(const gchar *server,
			       const gchar *username,
			       GCancellable *cancellable,
			       GAsyncReadyCallback callback,
			       gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(NULL, cancellable, callback, user_data);

	g_return_if_fail(server != NULL && username != NULL);
	g_task_set_source_tag(task, roster_token_store_clear_async);
#if HAVE_LIBSECRET
	secret_password_clear(token_schema(),
			      cancellable,
			      cleared_cb,
			      g_steal_pointer(&task),
			      "server",
			      server,
			      "username",
			      username,
			      NULL);
#else
	g_task_return_boolean(task, TRUE);
#endif
}

gboolean
roster_token_store_clear_finish(GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, NULL), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}
