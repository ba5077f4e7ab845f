/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "roster-daemon.h"
#include "roster-engine-notify.h"
#include "roster-engine-requests.h"
#include "roster-engine-rosters.h"
#include "roster-http-server.h"

/*
 * RosterDaemon owns the engine, the HTTP server and the main loop. main.c calls
 * the steps one by one (open the database, make the first admin, start listening,
 * run) so that each failure gets its own message and exit code.
 */

struct _RosterDaemon {
	GObject parent_instance;
	gchar *database_path;
	gchar *address;
	guint port;
	guint idle_timeout;
	RosterEngine *engine;
	RosterHttpServer *server;
	/* sends the outbox's messages from its own thread */
	RosterNotifier *notifier;
	GMainLoop *loop;
	GError *failure;
};

G_DEFINE_FINAL_TYPE(RosterDaemon, roster_daemon, G_TYPE_OBJECT)

static void
roster_daemon_dispose(GObject *object)
{
	RosterDaemon *self = ROSTER_DAEMON(object);

	roster_daemon_stop(self);
	g_clear_pointer(&self->loop, g_main_loop_unref);
	G_OBJECT_CLASS(roster_daemon_parent_class)->dispose(object);
}

static void
roster_daemon_finalize(GObject *object)
{
	RosterDaemon *self = ROSTER_DAEMON(object);

	g_free(self->database_path);
	g_free(self->address);
	g_clear_error(&self->failure);
	G_OBJECT_CLASS(roster_daemon_parent_class)->finalize(object);
}

static void
roster_daemon_class_init(RosterDaemonClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);

	object_class->dispose = roster_daemon_dispose;
	object_class->finalize = roster_daemon_finalize;
}

static void
roster_daemon_init(RosterDaemon *self)
{
	self->loop = g_main_loop_new(NULL, FALSE);
}

/**
 * roster_daemon_new:
 * @database_path: the SQLite file, created when missing
 * @address: a numeric address to listen on
 * @port: the port, or 0 for any free one
 *
 * Returns: (transfer full): a new #RosterDaemon
 *
 * Since: 0.1
 **/
RosterDaemon *
roster_daemon_new(const gchar *database_path, const gchar *address, guint port)
{
	RosterDaemon *self;

	g_return_val_if_fail(database_path != NULL, NULL);
	g_return_val_if_fail(address != NULL, NULL);

	self = g_object_new(ROSTER_TYPE_DAEMON, NULL);
	self->database_path = g_strdup(database_path);
	self->address = g_strdup(address);
	self->port = port;
	return self;
}

/**
 * roster_daemon_set_idle_timeout:
 * @self: a #RosterDaemon that has not started
 * @seconds: how long a connection may wait for its request or stall, 0 for the default
 *
 * Since: 0.2
 **/
void
roster_daemon_set_idle_timeout(RosterDaemon *self, guint seconds)
{
	g_return_if_fail(ROSTER_IS_DAEMON(self));
	self->idle_timeout = seconds;
}

static void
server_failed_cb(RosterHttpServer *server, GError *error, gpointer user_data)
{
	RosterDaemon *self = ROSTER_DAEMON(user_data);

	g_warning("giving up: %s", error->message);
	if (self->failure == NULL)
		self->failure = g_error_copy(error);
	g_main_loop_quit(self->loop);
}

/**
 * roster_daemon_open_database:
 * @self: a #RosterDaemon
 * @error: a #GError or %NULL
 *
 * Creates the database folder when missing (private to the user) and opens,
 * creates or migrates the database.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_daemon_open_database(RosterDaemon *self, GError **error)
{
	g_autoptr(RosterEngine) engine = NULL;
	g_autofree gchar *folder = NULL;

	g_return_val_if_fail(ROSTER_IS_DAEMON(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	folder = g_path_get_dirname(self->database_path);
	if (g_mkdir_with_parents(folder, 0700) != 0) {
		gint saved_errno = errno;
		g_set_error(error,
			    G_FILE_ERROR,
			    g_file_error_from_errno(saved_errno),
			    "cannot create the folder %s: %s",
			    folder,
			    g_strerror(saved_errno));
		return FALSE;
	}
	engine = roster_engine_new(self->database_path);
	if (!roster_engine_open(engine, error))
		return FALSE;
	g_set_object(&self->engine, engine);
	/* requests expire at their shift's start even when nobody reads them */
	roster_engine_add_request_sweep(engine, 60);
	/* reminders before shifts go into the outbox when their time comes */
	roster_engine_add_reminders(engine);
	g_info("opened database %s", self->database_path);
	return TRUE;
}

/**
 * roster_daemon_ensure_admin:
 * @self: a #RosterDaemon whose database is open
 * @username: the name of the first admin
 * @password: (nullable): its password, or %NULL to generate one
 * @new_password: (out) (transfer full) (nullable): the password of a new admin
 * @error: a #GError or %NULL
 *
 * Creates the first admin account when there is no admin yet.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_daemon_ensure_admin(RosterDaemon *self,
			   const gchar *username,
			   const gchar *password,
			   gchar **new_password,
			   GError **error)
{
	g_return_val_if_fail(ROSTER_IS_DAEMON(self), FALSE);
	g_return_val_if_fail(username != NULL, FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (self->engine == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "the database is not open");
		return FALSE;
	}
	return roster_engine_ensure_admin(self->engine, username, password, new_password, error);
}

/**
 * roster_daemon_start:
 * @self: a #RosterDaemon whose database is open
 * @error: a #GError or %NULL
 *
 * Starts listening on the address and port of @self, and the notifier's worker.
 *
 * Returns: %TRUE on success; a taken port is %G_IO_ERROR_ADDRESS_IN_USE
 *
 * Since: 0.1
 **/
gboolean
roster_daemon_start(RosterDaemon *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_DAEMON(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (self->engine == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "the database is not open");
		return FALSE;
	}
	if (self->server != NULL)
		return TRUE;
	self->server = roster_http_server_new(self->engine,
					      self->address,
					      self->port,
					      self->idle_timeout,
					      NULL,
					      error);
	if (self->server == NULL)
		return FALSE;
	g_signal_connect(self->server, "failed", G_CALLBACK(server_failed_cb), self);
	self->port = roster_http_server_get_port(self->server);
	/* messages left by a stopped or killed daemon go out now */
	self->notifier = roster_notifier_new(self->database_path);
	return roster_notifier_start(self->notifier, error);
}

/**
 * roster_daemon_run:
 * @self: a started #RosterDaemon
 * @error: a #GError or %NULL
 *
 * Serves requests until roster_daemon_quit() is called, or until the server can
 * no longer accept connections.
 *
 * Returns: %TRUE when stopped by roster_daemon_quit(), %FALSE with @error set when
 *   the server failed
 *
 * Since: 0.1
 **/
gboolean
roster_daemon_run(RosterDaemon *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_DAEMON(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
	g_main_loop_run(self->loop);
	if (self->failure != NULL) {
		g_propagate_error(error, g_steal_pointer(&self->failure));
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_daemon_quit:
 * @self: a #RosterDaemon
 *
 * Makes roster_daemon_run() return.
 *
 * Since: 0.1
 **/
void
roster_daemon_quit(RosterDaemon *self)
{
	g_return_if_fail(ROSTER_IS_DAEMON(self));
	g_main_loop_quit(self->loop);
}

static gboolean
stopping_signal_cb(gpointer user_data)
{
	RosterDaemon *self = ROSTER_DAEMON(user_data);

	g_message("already stopping: waiting for %u solve(s) to write their rosters",
		  roster_engine_get_n_solves(self->engine));
	return G_SOURCE_CONTINUE;
}

/* a running solve must not be lost: each stops, and its thread returns its best roster,
 * which the job writes in this main context before the database is closed */
static void
wait_for_solves(RosterDaemon *self)
{
	GMainContext *context = g_main_loop_get_context(self->loop);
	gint64 start = g_get_monotonic_time();
	guint n_solves = roster_engine_stop_solves(self->engine);
	guint sigint_id;
	guint sigterm_id;

	if (n_solves == 0)
		return;
	/* a second signal must not kill the daemon half-way; SIGKILL still does */
	sigint_id = g_unix_signal_add(SIGINT, stopping_signal_cb, self);
	sigterm_id = g_unix_signal_add(SIGTERM, stopping_signal_cb, self);
	while (roster_engine_get_n_solves(self->engine) > 0)
		g_main_context_iteration(context, TRUE);
	g_source_remove(sigint_id);
	g_source_remove(sigterm_id);
	g_message("%u stopped solve(s) wrote their rosters in %.1f s",
		  n_solves,
		  (gdouble)(g_get_monotonic_time() - start) / G_USEC_PER_SEC);
}

/**
 * roster_daemon_stop:
 * @self: a #RosterDaemon
 *
 * Stops listening and drops open connections, then stops every running solve job and
 * waits until each has written its best roster so far, and closes the database. Safe
 * to call more than once.
 *
 * Since: 0.1
 **/
void
roster_daemon_stop(RosterDaemon *self)
{
	g_return_if_fail(ROSTER_IS_DAEMON(self));
	if (self->server != NULL) {
		g_signal_handlers_disconnect_by_data(self->server, self);
		roster_http_server_stop(self->server);
		g_clear_object(&self->server);
		g_info("stopped listening");
	}
	g_clear_pointer(&self->notifier, roster_notifier_free);
	if (self->engine != NULL) {
		wait_for_solves(self);
		g_clear_object(&self->engine);
		g_info("closed database %s", self->database_path);
	}
}

/**
 * roster_daemon_get_engine:
 * @self: a #RosterDaemon
 *
 * Returns: (transfer none) (nullable): the engine, once the database is open
 *
 * Since: 0.1
 **/
RosterEngine *
roster_daemon_get_engine(RosterDaemon *self)
{
	g_return_val_if_fail(ROSTER_IS_DAEMON(self), NULL);
	return self->engine;
}

/**
 * roster_daemon_get_database_path:
 * @self: a #RosterDaemon
 *
 * Returns: the database path
 *
 * Since: 0.1
 **/
const gchar *
roster_daemon_get_database_path(RosterDaemon *self)
{
	g_return_val_if_fail(ROSTER_IS_DAEMON(self), NULL);
	return self->database_path;
}

/**
 * roster_daemon_dup_base_uri:
 * @self: a started #RosterDaemon
 *
 * Returns: (transfer full) (nullable): the API's URI, e.g. `http://127.0.0.1:8355/api/v1`
 *
 * Since: 0.1
 **/
gchar *
roster_daemon_dup_base_uri(RosterDaemon *self)
{
	g_return_val_if_fail(ROSTER_IS_DAEMON(self), NULL);
	if (self->server == NULL)
		return NULL;
	return roster_http_server_dup_base_uri(self->server);
}
