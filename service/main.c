/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "roster-daemon.h"

/* the exit codes, also listed in --help */
typedef enum {
	ROSTER_EXIT_OK = 0,
	ROSTER_EXIT_LISTEN = 1,
	ROSTER_EXIT_DATABASE = 2,
	ROSTER_EXIT_USAGE = 3,
	ROSTER_EXIT_ADMIN = 4,
	ROSTER_EXIT_ACCEPT = 5,
} RosterExitCode;

static gboolean
quit_cb(gpointer user_data)
{
	RosterDaemon *daemon = ROSTER_DAEMON(user_data);

	g_message("stopping on signal");
	roster_daemon_quit(daemon);
	return G_SOURCE_CONTINUE;
}

/* each connection takes a descriptor: use all the system allows this process, so
 * that the usual soft limit of 1024 does not cap the connections served at once */
static void
raise_descriptor_limit(void)
{
	struct rlimit limit;

	if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
		g_warning("cannot read the descriptor limit: %s", g_strerror(errno));
		return;
	}
	if (limit.rlim_cur == limit.rlim_max) {
		g_info("descriptor limit %lu", (gulong)limit.rlim_cur);
		return;
	}
	limit.rlim_cur = limit.rlim_max;
	if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
		g_warning("cannot raise the descriptor limit to %lu: %s",
			  (gulong)limit.rlim_max,
			  g_strerror(errno));
		return;
	}
	g_info("descriptor limit raised to %lu", (gulong)limit.rlim_cur);
}

/* a password is one line; anything longer is not a password file */
#define ADMIN_PASSWORD_MAX_BYTES 1024

/* the first line of @path, or of standard input for `-`, without its line end */
static gchar *
read_password_file(const gchar *path, GError **error)
{
	g_autofree gchar *contents = NULL;
	gsize length = 0;
	gchar *end;

	if (g_strcmp0(path, "-") == 0) {
		contents = g_malloc0(ADMIN_PASSWORD_MAX_BYTES + 2);
		if (fgets(contents, ADMIN_PASSWORD_MAX_BYTES + 2, stdin) == NULL)
			contents[0] = '\0';
		length = strlen(contents);
	} else if (!g_file_get_contents(path, &contents, &length, error)) {
		return NULL;
	}
	end = strpbrk(contents, "\r\n");
	if (end != NULL)
		*end = '\0';
	if (strlen(contents) > ADMIN_PASSWORD_MAX_BYTES) {
		g_set_error_literal(
		    error,
		    G_FILE_ERROR,
		    G_FILE_ERROR_INVAL,
		    /* TRANSLATORS: the admin password file's first line is too long */
		    _("the first line is too long for a password"));
		return NULL;
	}
	if (contents[0] == '\0') {
		g_set_error_literal(error,
				    G_FILE_ERROR,
				    G_FILE_ERROR_INVAL,
				    /* TRANSLATORS: the admin password file has no password */
				    _("the first line is empty"));
		return NULL;
	}
	/* the password must not linger in freed memory */
	return g_strdup(contents);
}

static void
free_password(gchar *password)
{
	if (password == NULL)
		return;
	memset(password, 0, strlen(password));
	g_free(password);
}

static gchar *
dup_default_database_path(void)
{
	return g_build_filename(g_get_user_data_dir(), "hotline-roster", "roster.db", NULL);
}

static void
print_first_login(const gchar *base_uri,
		  const gchar *username,
		  const gchar *new_password,
		  gboolean password_given)
{
	if (password_given) {
		/* TRANSLATORS: first start; %s is the admin's user name */
		g_print(_("first start: created the admin account %s with the password read from "
			  "--admin-password-file"),
			username);
		g_print("\n");
	} else {
		/* TRANSLATORS: first start; the first %s is the user name, the second the
		 * generated password, shown only this once */
		g_print(_("first start: log in as %s with password %s (shown only once)"),
			username,
			new_password);
		g_print("\n");
	}
	/* TRANSLATORS: followed by an example command */
	g_print("%s\n", _("for example:"));
	g_print("  curl -s -X POST %s/login -H 'Content-Type: application/json' "
		"-d '{\"username\":\"%s\",\"password\":\"…\"}'\n",
		base_uri,
		username);
}

int
main(int argc, char *argv[])
{
	g_autoptr(GOptionContext) context = NULL;
	g_autoptr(RosterDaemon) daemon = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *database = NULL;
	g_autofree gchar *address = NULL;
	g_autofree gchar *admin_user = NULL;
	g_autofree gchar *admin_password_file = NULL;
	g_autofree gchar *old_admin_password = NULL;
	gchar *admin_password = NULL;
	gboolean admin_password_given = FALSE;
	g_autofree gchar *new_password = NULL;
	g_autofree gchar *base_uri = NULL;
	g_autofree gchar *description = NULL;
	gint port = ROSTER_DEFAULT_PORT;
	gint idle_timeout = 0;
	gboolean verbose = FALSE;
	gboolean version = FALSE;
	gboolean ok;
	guint sigint_id;
	guint sigterm_id;
	const GOptionEntry entries[] = {
	    {"database",
	     'd',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_FILENAME,
	     &database,
	     /* TRANSLATORS: --database option */
	     N_("Database file (default: the user's data folder/hotline-roster/roster.db)"),
	     N_("PATH")},
	    {"address",
	     'a',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_STRING,
	     &address,
	     /* TRANSLATORS: --address option */
	     N_("Numeric address to listen on (default: 127.0.0.1)"),
	     N_("ADDRESS")},
	    {"port",
	     'p',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_INT,
	     &port,
	     /* TRANSLATORS: --port option */
	     N_("Port to listen on, 0 for any free port (default: 8355)"),
	     N_("PORT")},
	    {"admin-user",
	     '\0',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_STRING,
	     &admin_user,
	     /* TRANSLATORS: --admin-user option */
	     N_("Name of the first admin account, made when no admin exists (default: admin)"),
	     N_("NAME")},
	    {"admin-password-file",
	     '\0',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_FILENAME,
	     &admin_password_file,
	     /* TRANSLATORS: --admin-password-file option */
	     N_("Read the password of the first admin account from the first line of PATH, "
		"or of standard input when PATH is - (default: a random one, printed once)"),
	     N_("PATH")},
	    /* the old option put the password where ps shows it: refused, with a hint */
	    {"admin-password",
	     '\0',
	     G_OPTION_FLAG_HIDDEN,
	     G_OPTION_ARG_STRING,
	     &old_admin_password,
	     NULL,
	     NULL},
	    {"idle-timeout",
	     '\0',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_INT,
	     &idle_timeout,
	     /* TRANSLATORS: --idle-timeout option */
	     N_("Seconds a connection may wait before its request, or stall in it (default: "
		"30)"),
	     N_("SECONDS")},
	    {"verbose",
	     'v',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_NONE,
	     &verbose,
	     /* TRANSLATORS: --verbose option */
	     N_("Show informational and debug messages"),
	     NULL},
	    {"version",
	     '\0',
	     G_OPTION_FLAG_NONE,
	     G_OPTION_ARG_NONE,
	     &version,
	     /* TRANSLATORS: --version option */
	     N_("Show the version and exit"),
	     NULL},
	    {NULL}};

	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, LOCALEDIR);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);

	/* log lines go to stderr so that stdout carries only what the user must read */
	g_log_writer_default_set_use_stderr(TRUE);

	context = g_option_context_new(NULL);
	g_option_context_set_summary(context,
				     /* TRANSLATORS: the summary line of --help */
				     _("Hotline Roster daemon: serves the roster API over HTTP"));
	description = g_strdup_printf("%s\n  0  %s\n  1  %s\n  2  %s\n  3  %s\n  4  %s\n  5  %s",
				      /* TRANSLATORS: heading of the exit code list in --help */
				      _("Exit status:"),
				      _("stopped by SIGINT or SIGTERM"),
				      _("cannot listen on the address and port"),
				      _("cannot open or create the database"),
				      _("invalid command line"),
				      _("cannot create the first admin account"),
				      _("cannot accept connections any more"));
	g_option_context_set_description(context, description);
	g_option_context_add_main_entries(context, entries, GETTEXT_PACKAGE);
	g_option_context_set_translation_domain(context, GETTEXT_PACKAGE);
	if (!g_option_context_parse(context, &argc, &argv, &error)) {
		/* TRANSLATORS: the command line could not be parsed; %s is why */
		g_printerr(_("roster-daemon: %s"), error->message);
		g_printerr("\n");
		return ROSTER_EXIT_USAGE;
	}
	if (old_admin_password != NULL) {
		memset(old_admin_password, 0, strlen(old_admin_password));
		g_printerr("%s\n",
			   /* TRANSLATORS: the removed option was used */
			   _("roster-daemon: --admin-password is no longer accepted, because other "
			     "users can read it in the process list; put the password in a file "
			     "and use --admin-password-file PATH, or pipe it in with "
			     "--admin-password-file -"));
		return ROSTER_EXIT_USAGE;
	}
	if (version) {
		g_print("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
		return ROSTER_EXIT_OK;
	}
	if (port < 0 || port > G_MAXUINT16) {
		/* TRANSLATORS: %d is the port given */
		g_printerr(_("roster-daemon: the port must be between 0 and 65535, not %d"), port);
		g_printerr("\n");
		return ROSTER_EXIT_USAGE;
	}
	if (idle_timeout < 0 || idle_timeout > G_MAXUINT16) {
		/* TRANSLATORS: %d is the number of seconds given */
		g_printerr(_("roster-daemon: the idle timeout must be between 1 and 65535 "
			     "seconds, not %d"),
			   idle_timeout);
		g_printerr("\n");
		return ROSTER_EXIT_USAGE;
	}
	if (verbose)
		g_log_set_debug_enabled(TRUE);
	if (database == NULL)
		database = dup_default_database_path();
	if (address == NULL)
		address = g_strdup("127.0.0.1");
	if (admin_user == NULL)
		admin_user = g_strdup("admin");
	if (admin_password_file != NULL) {
		admin_password = read_password_file(admin_password_file, &error);
		if (admin_password == NULL) {
			/* TRANSLATORS: the first %s is the path given to --admin-password-file,
			 * the second the reason */
			g_printerr(_("roster-daemon: cannot read the admin password from %s: %s"),
				   admin_password_file,
				   error->message);
			g_printerr("\n");
			return ROSTER_EXIT_USAGE;
		}
	}

	raise_descriptor_limit();
	daemon = roster_daemon_new(database, address, (guint)port);
	roster_daemon_set_idle_timeout(daemon, (guint)idle_timeout);
	if (!roster_daemon_open_database(daemon, &error)) {
		/* TRANSLATORS: the first %s is the database path, the second the reason */
		g_printerr(_("roster-daemon: cannot open the database %s: %s"),
			   database,
			   error->message);
		g_printerr("\n");
		free_password(admin_password);
		return ROSTER_EXIT_DATABASE;
	}
	admin_password_given = admin_password != NULL;
	ok = roster_daemon_ensure_admin(daemon, admin_user, admin_password, &new_password, &error);
	free_password(admin_password);
	if (!ok) {
		/* TRANSLATORS: %s is the reason */
		g_printerr(_("roster-daemon: cannot create the first admin account: %s"),
			   error->message);
		g_printerr("\n");
		return ROSTER_EXIT_ADMIN;
	}
	if (!roster_daemon_start(daemon, &error)) {
		/* TRANSLATORS: %s is the reason, e.g. the address is already in use */
		g_printerr(_("roster-daemon: %s"), error->message);
		g_printerr("\n");
		if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE)) {
			g_printerr("%s\n",
				   /* TRANSLATORS: a hint after "address already in use" */
				   _("is another roster-daemon running? choose another port with "
				     "--port"));
		}
		return ROSTER_EXIT_LISTEN;
	}

	sigint_id = g_unix_signal_add(SIGINT, quit_cb, daemon);
	sigterm_id = g_unix_signal_add(SIGTERM, quit_cb, daemon);

	base_uri = roster_daemon_dup_base_uri(daemon);
	/* TRANSLATORS: the readiness line; the first %s is the API's URL, the second the
	 * database path */
	g_print(_("roster-daemon: ready on %s (database %s)"), base_uri, database);
	g_print("\n");
	if (new_password != NULL)
		print_first_login(base_uri, admin_user, new_password, admin_password_given);
	fflush(stdout);
	g_message("ready on %s", base_uri);

	if (!roster_daemon_run(daemon, &error)) {
		/* TRANSLATORS: %s is the reason, e.g. too many open files */
		g_printerr(_("roster-daemon: %s"), error->message);
		g_printerr("\n");
		g_source_remove(sigint_id);
		g_source_remove(sigterm_id);
		roster_daemon_stop(daemon);
		return ROSTER_EXIT_ACCEPT;
	}

	g_source_remove(sigint_id);
	g_source_remove(sigterm_id);
	roster_daemon_stop(daemon);
	g_message("stopped");
	return ROSTER_EXIT_OK;
}
