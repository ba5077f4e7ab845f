/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "roster-demo.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

/*
 * These tests run the real roster-daemon binary (its path comes from meson in
 * ROSTER_DAEMON) on port 0 and read the port back from the readiness line.
 */

#define ADMIN_PASSWORD "Daemon-Tide-Lamp-58"

typedef struct {
	gchar *tmpdir;
	gchar *database_path;
	/* a file holding ADMIN_PASSWORD, for --admin-password-file */
	gchar *password_file;
	GSubprocess *process;
	GDataInputStream *stdout_stream;
	gchar *base_uri;
	GPtrArray *stdout_lines;
	SoupSession *session;
} DaemonFixture;

static void
daemon_fixture_setup(DaemonFixture *fixture, gconstpointer user_data)
{
	fixture->tmpdir = roster_test_make_tmpdir();
	fixture->database_path = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	fixture->password_file = g_build_filename(fixture->tmpdir, "admin-password", NULL);
	g_assert_true(g_file_set_contents(fixture->password_file, ADMIN_PASSWORD "\n", -1, NULL));
	fixture->stdout_lines = g_ptr_array_new_with_free_func(g_free);
	fixture->session =
	    soup_session_new_with_options("timeout", 120, "proxy-resolver", NULL, NULL);
}

static void
daemon_stop_process(DaemonFixture *fixture)
{
	if (fixture->process != NULL) {
		g_subprocess_force_exit(fixture->process);
		g_subprocess_wait(fixture->process, NULL, NULL);
	}
	g_clear_object(&fixture->stdout_stream);
	g_clear_object(&fixture->process);
	g_clear_pointer(&fixture->base_uri, g_free);
}

static void
daemon_fixture_teardown(DaemonFixture *fixture, gconstpointer user_data)
{
	daemon_stop_process(fixture);
	soup_session_abort(fixture->session);
	g_clear_object(&fixture->session);
	g_ptr_array_unref(fixture->stdout_lines);
	roster_test_rmtree(fixture->tmpdir);
	g_free(fixture->tmpdir);
	g_free(fixture->database_path);
	g_free(fixture->password_file);
}

static const gchar *
daemon_path(void)
{
	const gchar *path = g_getenv("ROSTER_DAEMON");

	g_assert_nonnull(path);
	return path;
}

/* a daemon left behind by a failed test would keep meson's pipes open */
static void
child_setup_cb(gpointer user_data)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
}

/* argv: the daemon, then the given arguments, NULL-terminated */
static GSubprocess *
spawn_daemon(GSubprocessFlags flags, const gchar *const *args)
{
	g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new(flags);
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GError) error = NULL;
	GSubprocess *process;

	g_ptr_array_add(argv, (gpointer)daemon_path());
	for (guint i = 0; args[i] != NULL; i++)
		g_ptr_array_add(argv, (gpointer)args[i]);
	g_ptr_array_add(argv, NULL);
	g_subprocess_launcher_set_child_setup(launcher, child_setup_cb, NULL, NULL);
	process = g_subprocess_launcher_spawnv(launcher, (const gchar *const *)argv->pdata, &error);
	g_assert_no_error(error);
	return process;
}

/* starts the daemon on the fixture's database, the first admin's password read from
 * @password_file (or none), writes @stdin_text to its standard input when not NULL,
 * and waits for its readiness line */
static void
daemon_start_full(DaemonFixture *fixture, const gchar *password_file, const gchar *stdin_text)
{
	g_autoptr(GError) error = NULL;
	GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE;
	const gchar *args[] = {"--database",
			       fixture->database_path,
			       "--address",
			       "127.0.0.1",
			       "--port",
			       "0",
			       password_file != NULL ? "--admin-password-file" : NULL,
			       password_file,
			       NULL};

	if (stdin_text != NULL)
		flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
	g_ptr_array_set_size(fixture->stdout_lines, 0);
	fixture->process = spawn_daemon(flags, args);
	if (stdin_text != NULL) {
		GOutputStream *input = g_subprocess_get_stdin_pipe(fixture->process);
		g_assert_true(g_output_stream_write_all(input,
							stdin_text,
							strlen(stdin_text),
							NULL,
							NULL,
							&error));
		g_assert_no_error(error);
		g_assert_true(g_output_stream_close(input, NULL, &error));
		g_assert_no_error(error);
	}
	fixture->stdout_stream =
	    g_data_input_stream_new(g_subprocess_get_stdout_pipe(fixture->process));
	while (fixture->base_uri == NULL) {
		g_autofree gchar *line = NULL;
		const gchar *start;
		const gchar *end;

		line =
		    g_data_input_stream_read_line_utf8(fixture->stdout_stream, NULL, NULL, &error);
		g_assert_no_error(error);
		/* the daemon exited before it was ready */
		g_assert_nonnull(line);
		g_test_message("daemon: %s", line);
		g_ptr_array_add(fixture->stdout_lines, g_strdup(line));
		start = strstr(line, "ready on http://");
		if (start == NULL)
			continue;
		start += strlen("ready on ");
		end = strchr(start, ' ');
		fixture->base_uri = end != NULL ? g_strndup(start, end - start) : g_strdup(start);
	}
	g_assert_true(g_str_has_prefix(fixture->base_uri, "http://127.0.0.1:"));
	g_assert_true(g_str_has_suffix(fixture->base_uri, "/api/v1"));
}

/* with_password: the first admin gets ADMIN_PASSWORD from the fixture's file */
static void
daemon_start(DaemonFixture *fixture, gboolean with_password)
{
	daemon_start_full(fixture, with_password ? fixture->password_file : NULL, NULL);
}

/* the first-start lines come right after the readiness line */
static void
daemon_read_lines(DaemonFixture *fixture, guint n_lines)
{
	for (guint i = 0; i < n_lines; i++) {
		g_autoptr(GError) error = NULL;
		gchar *line =
		    g_data_input_stream_read_line_utf8(fixture->stdout_stream, NULL, NULL, &error);
		g_assert_no_error(error);
		g_assert_nonnull(line);
		g_ptr_array_add(fixture->stdout_lines, line);
	}
}

static void
daemon_terminate(DaemonFixture *fixture, gint signum)
{
	g_autoptr(GError) error = NULL;

	g_subprocess_send_signal(fixture->process, signum);
	g_assert_true(g_subprocess_wait(fixture->process, NULL, &error));
	g_assert_no_error(error);
	g_assert_true(g_subprocess_get_if_exited(fixture->process));
	g_assert_cmpint(g_subprocess_get_exit_status(fixture->process), ==, 0);
	g_clear_object(&fixture->stdout_stream);
	g_clear_object(&fixture->process);
	g_clear_pointer(&fixture->base_uri, g_free);
}

/* sends a request, returning NULL when the connection fails */
static RosterTestResponse *
daemon_request(DaemonFixture *fixture,
	       const gchar *method,
	       const gchar *path,
	       const gchar *token,
	       const gchar *body,
	       GError **error)
{
	g_autofree gchar *uri = g_strconcat(fixture->base_uri, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new(method, uri);
	g_autoptr(GBytes) bytes = NULL;
	RosterTestResponse *response;

	g_assert_nonnull(msg);
	if (token != NULL) {
		g_autofree gchar *value = g_strdup_printf("Bearer %s", token);
		soup_message_headers_replace(soup_message_get_request_headers(msg),
					     "Authorization",
					     value);
	}
	if (body != NULL) {
		bytes = g_bytes_new(body, strlen(body));
		soup_message_set_request_body_from_bytes(msg, "application/json", bytes);
	}
	response = g_new0(RosterTestResponse, 1);
	response->body = soup_session_send_and_read(fixture->session, msg, NULL, error);
	if (response->body == NULL) {
		roster_test_response_free(response);
		return NULL;
	}
	response->status = soup_message_get_status(msg);
	response->headers = soup_message_headers_ref(soup_message_get_response_headers(msg));
	if (g_bytes_get_size(response->body) > 0) {
		g_autoptr(JsonParser) parser = json_parser_new_immutable();
		g_autoptr(GError) error_local = NULL;
		json_parser_load_from_data(parser,
					   g_bytes_get_data(response->body, NULL),
					   (gssize)g_bytes_get_size(response->body),
					   &error_local);
		g_assert_no_error(error_local);
		response->json = json_parser_steal_root(parser);
	}
	return response;
}

static gchar *
daemon_login(DaemonFixture *fixture, const gchar *password)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *body =
	    g_strdup_printf("{\"username\":\"admin\",\"password\":\"%s\"}", password);

	response = daemon_request(fixture, "POST", "/login", NULL, body, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	return g_strdup(roster_test_response_get_string(response, ROSTER_KEY_TOKEN));
}

static void
test_daemon_ready(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(GError) error = NULL;

	daemon_start(fixture, TRUE);
	g_assert_nonnull(
	    strstr(g_ptr_array_index(fixture->stdout_lines, fixture->stdout_lines->len - 1),
		   fixture->database_path));
	response = daemon_request(fixture, "GET", "/health", NULL, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(response, "status"), ==, "ok");
	daemon_terminate(fixture, SIGTERM);
}

static void
test_daemon_sigint(DaemonFixture *fixture, gconstpointer user_data)
{
	daemon_start(fixture, TRUE);
	daemon_terminate(fixture, SIGINT);
}

static void
test_daemon_sigterm_keeps_data(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) response = NULL;
	g_autoptr(RosterTestResponse) check = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *token2 = NULL;
	g_autofree gchar *path = NULL;

	daemon_start(fixture, TRUE);
	token = daemon_login(fixture, ADMIN_PASSWORD);
	response = daemon_request(fixture, "POST", "/teams", token, "{\"name\":\"Night\"}", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_CREATED);
	daemon_terminate(fixture, SIGTERM);

	daemon_start(fixture, FALSE);
	token2 = daemon_login(fixture, ADMIN_PASSWORD);
	path = g_strdup_printf("/teams/%" G_GINT64_FORMAT,
			       roster_test_response_get_int(response, ROSTER_KEY_ID));
	check = daemon_request(fixture, "GET", path, token2, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(check->status, ==, SOUP_STATUS_OK);
	g_assert_cmpstr(roster_test_response_get_string(check, ROSTER_KEY_NAME), ==, "Night");
	daemon_terminate(fixture, SIGTERM);
}

static void
test_daemon_first_start_password(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *password = NULL;
	g_autofree gchar *token = NULL;
	const gchar *line;
	const gchar *start;
	const gchar *end;

	/* no --admin-password-file: a random one is printed once */
	daemon_start(fixture, FALSE);
	daemon_read_lines(fixture, 1);
	line = g_ptr_array_index(fixture->stdout_lines, fixture->stdout_lines->len - 1);
	start = strstr(line, "with password ");
	g_assert_nonnull(start);
	start += strlen("with password ");
	end = strchr(start, ' ');
	g_assert_nonnull(end);
	password = g_strndup(start, end - start);
	g_assert_cmpuint(strlen(password), >=, 8);
	g_assert_nonnull(strstr(line, "shown only once"));
	token = daemon_login(fixture, password);
	g_assert_nonnull(token);
	daemon_terminate(fixture, SIGTERM);

	/* the second start prints no password */
	daemon_start(fixture, FALSE);
	daemon_terminate(fixture, SIGTERM);
	for (guint i = 0; i < fixture->stdout_lines->len; i++) {
		const gchar *text = g_ptr_array_index(fixture->stdout_lines, i);
		g_assert_null(strstr(text, password));
	}
}

/* runs the daemon to its end and returns its exit status and stderr */
static gint
run_daemon_to_exit(const gchar *const *args, gchar **stderr_text)
{
	g_autoptr(GSubprocess) process = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *stdout_text = NULL;

	process =
	    spawn_daemon(G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, args);
	g_assert_true(
	    g_subprocess_communicate_utf8(process, NULL, NULL, &stdout_text, stderr_text, &error));
	g_assert_no_error(error);
	g_test_message("stderr: %s", *stderr_text);
	g_assert_true(g_subprocess_get_if_exited(process));
	/* never ready */
	g_assert_null(strstr(stdout_text, "ready on"));
	return g_subprocess_get_exit_status(process);
}

static void
test_daemon_port_taken(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GSocket) socket = NULL;
	g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback(G_SOCKET_FAMILY_IPV4);
	g_autoptr(GSocketAddress) address = g_inet_socket_address_new(loopback, 0);
	g_autoptr(GSocketAddress) bound = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *port = NULL;
	g_autofree gchar *stderr_text = NULL;
	g_autofree gchar *expected = NULL;

	socket =
	    g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
	g_assert_no_error(error);
	g_assert_true(g_socket_bind(socket, address, FALSE, &error));
	g_assert_no_error(error);
	g_assert_true(g_socket_listen(socket, &error));
	g_assert_no_error(error);
	bound = g_socket_get_local_address(socket, &error);
	g_assert_no_error(error);
	port = g_strdup_printf("%u", g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(bound)));

	{
		const gchar *args[] = {"--database",
				       fixture->database_path,
				       "--address",
				       "127.0.0.1",
				       "--port",
				       port,
				       "--admin-password-file",
				       fixture->password_file,
				       NULL};
		g_assert_cmpint(run_daemon_to_exit(args, &stderr_text), ==, 1);
	}
	expected = g_strdup_printf("cannot listen on 127.0.0.1:%s", port);
	g_assert_nonnull(strstr(stderr_text, expected));
	g_assert_nonnull(strstr(stderr_text, "already in use"));
}

static void
test_daemon_database_unopenable(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *file = g_build_filename(fixture->tmpdir, "not-a-folder", NULL);
	g_autofree gchar *database = g_build_filename(file, "roster.db", NULL);
	g_autofree gchar *stderr_text = NULL;
	g_autoptr(GError) error = NULL;
	const gchar *args[] = {"--database",
			       database,
			       "--port",
			       "0",
			       "--admin-password-file",
			       fixture->password_file,
			       NULL};

	/* the database's folder is a plain file */
	g_assert_true(g_file_set_contents(file, "x", -1, &error));
	g_assert_no_error(error);
	g_assert_cmpint(run_daemon_to_exit(args, &stderr_text), ==, 2);
	g_assert_nonnull(strstr(stderr_text, "cannot open the database"));
	g_assert_nonnull(strstr(stderr_text, database));
}

static void
test_daemon_database_is_folder(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *stderr_text = NULL;
	const gchar *args[] = {"--database",
			       fixture->tmpdir,
			       "--port",
			       "0",
			       "--admin-password-file",
			       fixture->password_file,
			       NULL};

	g_assert_cmpint(run_daemon_to_exit(args, &stderr_text), ==, 2);
	g_assert_nonnull(strstr(stderr_text, "cannot open the database"));
}

/* the first admin's password from a file: the first-start text names the option and
 * never shows the password, and the password logs in */
static void
test_daemon_admin_password_file(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *token = NULL;

	daemon_start(fixture, TRUE);
	daemon_read_lines(fixture, 1);
	g_assert_nonnull(
	    strstr(g_ptr_array_index(fixture->stdout_lines, 1), "read from --admin-password-file"));
	for (guint i = 0; i < fixture->stdout_lines->len; i++)
		g_assert_null(strstr(g_ptr_array_index(fixture->stdout_lines, i), ADMIN_PASSWORD));
	token = daemon_login(fixture, ADMIN_PASSWORD);
	g_assert_cmpuint(strlen(token), ==, 64);
	daemon_terminate(fixture, SIGTERM);
}

/* --admin-password-file - reads the first line of standard input, without its end */
static void
test_daemon_admin_password_stdin(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *token = NULL;

	daemon_start_full(fixture, "-", "Stdin-Harbour-Kite-73\r\nsecond line\n");
	token = daemon_login(fixture, "Stdin-Harbour-Kite-73");
	g_assert_cmpuint(strlen(token), ==, 64);
	daemon_terminate(fixture, SIGTERM);
}

/* the old option, which showed the password in ps, is a usage error naming the new one */
static void
test_daemon_admin_password_option_refused(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *stderr_text = NULL;
	const gchar *args[] = {"--database",
			       fixture->database_path,
			       "--port",
			       "0",
			       "--admin-password",
			       ADMIN_PASSWORD,
			       NULL};

	g_assert_cmpint(run_daemon_to_exit(args, &stderr_text), ==, 3);
	g_assert_nonnull(strstr(stderr_text, "--admin-password-file"));
	g_assert_false(g_file_test(fixture->database_path, G_FILE_TEST_EXISTS));
}

/* a missing password file is a usage error; a weak password makes no admin */
static void
test_daemon_admin_password_file_bad(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *missing = g_build_filename(fixture->tmpdir, "missing", NULL);
	g_autofree gchar *weak = g_build_filename(fixture->tmpdir, "weak", NULL);
	g_autofree gchar *stderr_text = NULL;
	g_autofree gchar *stderr_weak = NULL;
	const gchar *args[] = {"--database",
			       fixture->database_path,
			       "--port",
			       "0",
			       "--admin-password-file",
			       missing,
			       NULL};
	const gchar *args_weak[] = {"--database",
				    fixture->database_path,
				    "--port",
				    "0",
				    "--admin-password-file",
				    weak,
				    NULL};

	g_assert_cmpint(run_daemon_to_exit(args, &stderr_text), ==, 3);
	g_assert_nonnull(strstr(stderr_text, "cannot read the admin password"));
	g_assert_true(g_file_set_contents(weak, "password\n", -1, NULL));
	g_assert_cmpint(run_daemon_to_exit(args_weak, &stderr_weak), ==, 4);
	g_assert_nonnull(strstr(stderr_weak, "password: must be at least 10 characters"));
}

static void
test_daemon_bad_port(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *stderr_text = NULL;
	const gchar *args[] = {"--database", fixture->database_path, "--port", "70000", NULL};

	g_assert_cmpint(run_daemon_to_exit(args, &stderr_text), ==, 3);
	g_assert_nonnull(strstr(stderr_text, "70000"));
	/* nothing was created */
	g_assert_false(g_file_test(fixture->database_path, G_FILE_TEST_EXISTS));
}

static void
test_daemon_version(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GSubprocess) process = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *stdout_text = NULL;
	const gchar *args[] = {"--version", NULL};

	process = spawn_daemon(G_SUBPROCESS_FLAGS_STDOUT_PIPE, args);
	g_assert_true(
	    g_subprocess_communicate_utf8(process, NULL, NULL, &stdout_text, NULL, &error));
	g_assert_no_error(error);
	g_assert_true(g_subprocess_get_if_exited(process));
	g_assert_cmpint(g_subprocess_get_exit_status(process), ==, 0);
	g_assert_nonnull(strstr(stdout_text, PACKAGE_VERSION));
}

/* crash safety: SIGKILL in the middle of a burst of writes */

#define BURST_MAX	 400
#define BURST_KILL_AFTER 25

typedef struct {
	GSubprocess *process;
	gint acknowledged;
	gint stop;
} KillerData;

static gpointer
killer_thread_cb(gpointer user_data)
{
	KillerData *data = user_data;

	while (g_atomic_int_get(&data->acknowledged) < BURST_KILL_AFTER &&
	       !g_atomic_int_get(&data->stop))
		g_usleep(500);
	/* a little later, so the kill lands while a request is in flight */
	g_usleep(2000);
	g_subprocess_send_signal(data->process, SIGKILL);
	return NULL;
}

static void
test_daemon_crash_safety(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GArray) ids = g_array_new(FALSE, FALSE, sizeof(gint64));
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *token2 = NULL;
	KillerData data = {NULL, 0, 0};
	GThread *killer;
	guint attempts = 0;

	daemon_start(fixture, TRUE);
	token = daemon_login(fixture, ADMIN_PASSWORD);
	data.process = fixture->process;
	killer = g_thread_new("killer", killer_thread_cb, &data);
	for (attempts = 0; attempts < BURST_MAX; attempts++) {
		g_autoptr(RosterTestResponse) response = NULL;
		g_autoptr(GError) error_local = NULL;
		g_autofree gchar *body = g_strdup_printf("{\"name\":\"burst %u\"}", attempts);
		gint64 id;

		response = daemon_request(fixture, "POST", "/teams", token, body, &error_local);
		if (response == NULL)
			break;
		/* a write is acknowledged by its whole answer: the kill may cut the body */
		if (response->status != SOUP_STATUS_CREATED || response->json == NULL)
			break;
		id = roster_test_response_get_int(response, ROSTER_KEY_ID);
		g_array_append_val(ids, id);
		g_atomic_int_inc(&data.acknowledged);
	}
	g_atomic_int_set(&data.stop, 1);
	g_thread_join(killer);
	g_test_message("%u writes acknowledged before the kill", ids->len);

	/* the daemon died of the kill, not of anything else, before the burst ended */
	g_assert_true(g_subprocess_wait(fixture->process, NULL, &error));
	g_assert_no_error(error);
	g_assert_true(g_subprocess_get_if_signaled(fixture->process));
	g_assert_cmpint(g_subprocess_get_term_sig(fixture->process), ==, SIGKILL);
	g_assert_cmpuint(attempts, <, BURST_MAX);
	g_assert_cmpuint(ids->len, >=, BURST_KILL_AFTER);
	g_clear_object(&fixture->stdout_stream);
	g_clear_object(&fixture->process);
	g_clear_pointer(&fixture->base_uri, g_free);
	soup_session_abort(fixture->session);

	/* every acknowledged write survived */
	daemon_start(fixture, FALSE);
	token2 = daemon_login(fixture, ADMIN_PASSWORD);
	for (guint i = 0; i < ids->len; i++) {
		g_autoptr(RosterTestResponse) response = NULL;
		g_autofree gchar *path =
		    g_strdup_printf("/teams/%" G_GINT64_FORMAT, g_array_index(ids, gint64, i));
		g_autofree gchar *name = g_strdup_printf("burst %u", i);

		response = daemon_request(fixture, "GET", path, token2, NULL, &error);
		g_assert_no_error(error);
		g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
		g_assert_cmpstr(roster_test_response_get_string(response, ROSTER_KEY_NAME),
				==,
				name);
	}
	daemon_terminate(fixture, SIGTERM);
}

/* a stopping daemon keeps a running solve: SIGTERM in the middle of a long solve */

/* the unit's TimeoutStopSec: systemd kills a daemon that takes longer to stop */
#define STOP_TIMEOUT_S 30

static void
daemon_seed_demo(DaemonFixture *fixture)
{
	g_autoptr(RosterEngine) engine = roster_engine_new(fixture->database_path);
	g_autoptr(GError) error = NULL;

	g_assert_true(roster_engine_open(engine, &error));
	g_assert_no_error(error);
	/* the demo city line: a month of it takes the whole time limit to solve */
	g_assert_true(roster_demo_seed(engine, 12355, &error));
	g_assert_no_error(error);
}

static RosterTestResponse *
daemon_get(DaemonFixture *fixture, const gchar *path, const gchar *token)
{
	g_autoptr(GError) error = NULL;
	RosterTestResponse *response = daemon_request(fixture, "GET", path, token, NULL, &error);

	g_assert_no_error(error);
	g_assert_cmpuint(response->status, ==, SOUP_STATUS_OK);
	return response;
}

static guint
daemon_count_assignments(DaemonFixture *fixture, const gchar *roster_path, const gchar *token)
{
	g_autoptr(RosterTestResponse) roster = daemon_get(fixture, roster_path, token);

	return json_array_get_length(
	    json_object_get_array_member(roster_test_response_get_object(roster),
					 ROSTER_KEY_ASSIGNMENTS));
}

static void
test_daemon_sigterm_keeps_solve(DaemonFixture *fixture, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) created = NULL;
	g_autoptr(RosterTestResponse) started = NULL;
	g_autoptr(RosterTestResponse) audit = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *token2 = NULL;
	g_autofree gchar *roster_path = NULL;
	g_autofree gchar *solve_path = NULL;
	g_autofree gchar *audit_path = NULL;
	gint64 roster_id;
	gint64 job_id;
	gint64 stop_start;
	gdouble stop_s;
	gboolean recorded = FALSE;
	JsonArray *items;

	daemon_seed_demo(fixture);
	daemon_start(fixture, TRUE);
	token = daemon_login(fixture, ADMIN_PASSWORD);
	created = daemon_request(fixture,
				 "POST",
				 "/rosters",
				 token,
				 "{\"name\":\"January\",\"period_start\":\"2027-01-01\","
				 "\"period_end\":\"2027-01-31\"}",
				 &error);
	g_assert_no_error(error);
	g_assert_cmpuint(created->status, ==, SOUP_STATUS_CREATED);
	roster_id = roster_test_response_get_int(created, ROSTER_KEY_ID);
	roster_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT, roster_id);
	solve_path = g_strdup_printf("%s/solve", roster_path);
	started =
	    daemon_request(fixture, "POST", solve_path, token, "{\"time_limit\":300}", &error);
	g_assert_no_error(error);
	g_assert_cmpuint(started->status, ==, SOUP_STATUS_ACCEPTED);
	job_id = roster_test_response_get_int(started, ROSTER_KEY_JOB_ID);

	/* the job has a best roster, which only the end of the job writes */
	for (guint i = 0;; i++) {
		g_autoptr(RosterTestResponse) job = daemon_get(fixture, solve_path, token);
		JsonObject *obj = roster_test_response_get_object(job);
		g_assert_cmpstr(json_object_get_string_member(obj, ROSTER_KEY_STATE),
				==,
				ROSTER_JOB_RUNNING);
		if (!json_object_get_null_member(obj, ROSTER_KEY_BEST_SCORE))
			break;
		g_assert_cmpuint(i, <, 600);
		g_usleep(G_USEC_PER_SEC / 10);
	}
	g_assert_cmpuint(daemon_count_assignments(fixture, roster_path, token), ==, 0);

	stop_start = g_get_monotonic_time();
	daemon_terminate(fixture, SIGTERM);
	stop_s = (gdouble)(g_get_monotonic_time() - stop_start) / G_USEC_PER_SEC;
	g_test_message("the daemon stopped %.2f s after SIGTERM", stop_s);
	g_assert_cmpfloat(stop_s, <, STOP_TIMEOUT_S);

	/* the best roster so far was written, and the audit log says the stop cut it short */
	daemon_start(fixture, TRUE);
	token2 = daemon_login(fixture, ADMIN_PASSWORD);
	g_assert_cmpuint(daemon_count_assignments(fixture, roster_path, token2), >, 0);
	audit_path =
	    g_strdup_printf("/audit?collection=rosters&record_id=%" G_GINT64_FORMAT, roster_id);
	audit = daemon_get(fixture, audit_path, token2);
	items =
	    json_object_get_array_member(roster_test_response_get_object(audit), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *entry = json_array_get_object_element(items, i);
		JsonObject *after;
		JsonObject *ending;
		if (g_strcmp0(json_object_get_string_member(entry, ROSTER_KEY_ACTION), "solve") !=
		    0)
			continue;
		after = json_object_get_object_member(entry, ROSTER_KEY_AFTER);
		ending = json_object_get_object_member(after, ROSTER_KEY_JOB);
		g_assert_nonnull(ending);
		g_assert_cmpint(json_object_get_int_member(ending, ROSTER_KEY_JOB_ID), ==, job_id);
		g_assert_cmpstr(json_object_get_string_member(ending, ROSTER_KEY_STATE),
				==,
				ROSTER_JOB_STOPPED);
		g_assert_cmpfloat(json_object_get_double_member(ending, ROSTER_KEY_ELAPSED),
				  <,
				  300);
		recorded = TRUE;
	}
	g_assert_true(recorded);
	daemon_terminate(fixture, SIGTERM);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);

	g_test_add("/roster/daemon/ready",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_ready,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/sigint",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_sigint,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/sigterm-keeps-data",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_sigterm_keeps_data,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/first-start-password",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_first_start_password,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/port-taken",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_port_taken,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/database-unopenable",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_database_unopenable,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/database-is-folder",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_database_is_folder,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/admin-password-file",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_admin_password_file,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/admin-password-stdin",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_admin_password_stdin,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/admin-password-option-refused",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_admin_password_option_refused,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/admin-password-file-bad",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_admin_password_file_bad,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/bad-port",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_bad_port,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/version",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_version,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/crash-safety",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_crash_safety,
		   daemon_fixture_teardown);
	g_test_add("/roster/daemon/sigterm-keeps-solve",
		   DaemonFixture,
		   NULL,
		   daemon_fixture_setup,
		   test_daemon_sigterm_keeps_solve,
		   daemon_fixture_teardown);
	return g_test_run();
}
