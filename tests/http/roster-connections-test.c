/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the daemon's connection handling, tried on the real binary with plain sockets */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "roster-test-fixture.h"

/*
 * The daemon's connection handling, tried on the real binary (ROSTER_DAEMON) with
 * plain sockets, as calendar programs, load balancers and attackers use it: closed
 * and idle connections give their descriptors back, a full descriptor table is
 * survived, bursts fit in the listen queue, and requests whose framing two parts of a
 * chain could read differently are refused. The descriptor tests lower the limit so
 * that they run in a second.
 */

/* the limit the descriptor tests run the daemon under */
#define LOW_DESCRIPTOR_LIMIT 64

typedef struct {
	gchar *tmpdir;
	GSubprocess *process;
	GDataInputStream *output;
	guint port;
	GString *log;
} ConnFixture;

typedef struct {
	rlim_t soft;
	rlim_t hard;
} ConnLimit;

static void
child_setup_cb(gpointer user_data)
{
	ConnLimit *limit = user_data;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (limit != NULL) {
		struct rlimit rlimit = {.rlim_cur = limit->soft, .rlim_max = limit->hard};
		setrlimit(RLIMIT_NOFILE, &rlimit);
	}
}

/* starts the daemon with the given limit (or none) and extra arguments, and waits for
 * its readiness line; its log is merged into the output read here */
static void
conn_start(ConnFixture *fixture, ConnLimit *limit, const gchar *idle_timeout)
{
	g_autoptr(GSubprocessLauncher) launcher = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *database = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	const gchar *daemon = g_getenv("ROSTER_DAEMON");

	g_assert_nonnull(daemon);
	launcher = g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_STDOUT_PIPE |
					     G_SUBPROCESS_FLAGS_STDERR_MERGE);
	g_subprocess_launcher_set_child_setup(launcher, child_setup_cb, limit, NULL);
	fixture->process = g_subprocess_launcher_spawn(launcher,
						       &error,
						       daemon,
						       "--database",
						       database,
						       "--port",
						       "0",
						       "--idle-timeout",
						       idle_timeout,
						       NULL);
	g_assert_no_error(error);
	fixture->output = g_data_input_stream_new(g_subprocess_get_stdout_pipe(fixture->process));
	while (fixture->port == 0) {
		g_autofree gchar *line =
		    g_data_input_stream_read_line_utf8(fixture->output, NULL, NULL, &error);
		const gchar *at;

		g_assert_no_error(error);
		g_assert_nonnull(line);
		g_string_append_printf(fixture->log, "%s\n", line);
		at = strstr(line, "ready on http://127.0.0.1:");
		if (at != NULL)
			fixture->port =
			    (guint)g_ascii_strtoull(at + strlen("ready on http://127.0.0.1:"),
						    NULL,
						    10);
	}
}

/* stops the daemon and reads the rest of its log */
static void
conn_stop(ConnFixture *fixture)
{
	if (fixture->process == NULL)
		return;
	g_subprocess_send_signal(fixture->process, SIGTERM);
	g_subprocess_wait(fixture->process, NULL, NULL);
	while (TRUE) {
		g_autofree gchar *line =
		    g_data_input_stream_read_line_utf8(fixture->output, NULL, NULL, NULL);
		if (line == NULL)
			break;
		g_string_append_printf(fixture->log, "%s\n", line);
	}
	g_clear_object(&fixture->output);
	g_clear_object(&fixture->process);
}

static void
conn_setup(ConnFixture *fixture, gconstpointer user_data)
{
	fixture->tmpdir = roster_test_make_tmpdir();
	fixture->log = g_string_new(NULL);
}

static void
conn_teardown(ConnFixture *fixture, gconstpointer user_data)
{
	conn_stop(fixture);
	roster_test_rmtree(fixture->tmpdir);
	g_free(fixture->tmpdir);
	g_string_free(fixture->log, TRUE);
}

static guint
count_descriptors(ConnFixture *fixture)
{
	g_autofree gchar *path =
	    g_strdup_printf("/proc/%s/fd", g_subprocess_get_identifier(fixture->process));
	g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
	guint count = 0;

	g_assert_nonnull(dir);
	while (g_dir_read_name(dir) != NULL)
		count++;
	return count;
}

static gint
open_connection(ConnFixture *fixture)
{
	struct sockaddr_in address = {.sin_family = AF_INET,
				      .sin_port = htons((guint16)fixture->port),
				      .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	struct timeval timeout = {.tv_sec = 10};
	gint fd = socket(AF_INET, SOCK_STREAM, 0);

	g_assert_cmpint(fd, >=, 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
	g_assert_cmpint(connect(fd, (struct sockaddr *)&address, sizeof(address)), ==, 0);
	return fd;
}

/* reads until the peer closes; NULL when the read timed out instead */
static gchar *
read_to_end(gint fd)
{
	g_autoptr(GString) text = g_string_new(NULL);

	while (TRUE) {
		gchar buffer[4096];
		gssize n = recv(fd, buffer, sizeof(buffer), 0);
		if (n == 0)
			break;
		if (n < 0)
			return NULL;
		g_string_append_len(text, buffer, n);
	}
	return g_string_free(g_steal_pointer(&text), FALSE);
}

/* reads a response's head, to its blank line; FALSE when a read timed out or the peer
 * closed early */
static gboolean
read_head(gint fd, GString *text)
{
	while (strstr(text->str, "\r\n\r\n") == NULL) {
		gchar byte;
		if (recv(fd, &byte, 1, 0) != 1)
			return FALSE;
		g_string_append_c(text, byte);
	}
	return TRUE;
}

/* reads one response: its head, then as many bytes as its Content-Length says, or up
 * to the end when it has none; NULL when a read timed out or the peer closed early */
static gchar *
read_response(gint fd)
{
	g_autoptr(GString) text = g_string_new(NULL);
	g_autofree gchar *head = NULL;
	const gchar *length;
	gsize wanted;

	if (!read_head(fd, text))
		return NULL;
	head = g_ascii_strdown(text->str, -1);
	length = strstr(head, "\r\ncontent-length:");
	if (length == NULL) {
		g_autofree gchar *rest = read_to_end(fd);
		if (rest == NULL)
			return NULL;
		g_string_append(text, rest);
		return g_string_free(g_steal_pointer(&text), FALSE);
	}
	wanted = text->len + g_ascii_strtoull(length + strlen("\r\ncontent-length:"), NULL, 10);
	while (text->len < wanted) {
		gchar buffer[4096];
		gssize n = recv(fd, buffer, MIN(sizeof(buffer), wanted - text->len), 0);
		if (n <= 0)
			return NULL;
		g_string_append_len(text, buffer, n);
	}
	return g_string_free(g_steal_pointer(&text), FALSE);
}

static void
send_all(gint fd, const gchar *request)
{
	g_assert_cmpint(send(fd, request, strlen(request), MSG_NOSIGNAL),
			==,
			(gssize)strlen(request));
}

/* sends @request on a new connection and returns its response; the client closes */
static gchar *
exchange(ConnFixture *fixture, const gchar *request)
{
	gint fd = open_connection(fixture);
	gchar *response;

	send_all(fd, request);
	response = read_response(fd);
	close(fd);
	return response;
}

#define HEALTH "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

static void
assert_kept_alive(const gchar *response)
{
	g_assert_nonnull(response);
	g_assert_true(g_str_has_prefix(response, "HTTP/1.1 200 "));
	g_assert_null(strstr(response, "Connection: close"));
}

static void
assert_health_answers(ConnFixture *fixture)
{
	g_autofree gchar *response = exchange(fixture, HEALTH);

	g_assert_nonnull(response);
	g_assert_true(g_str_has_prefix(response, "HTTP/1.1 200 "));
}

/* waits up to 5 s for the daemon's descriptors to come down to @limit */
static guint
wait_descriptors_at_most(ConnFixture *fixture, guint limit)
{
	guint count = count_descriptors(fixture);

	for (guint i = 0; i < 50 && count > limit; i++) {
		g_usleep(100 * 1000);
		count = count_descriptors(fixture);
	}
	return count;
}

static void
test_closed_connections(ConnFixture *fixture, gconstpointer user_data)
{
	ConnLimit limit = {LOW_DESCRIPTOR_LIMIT, LOW_DESCRIPTOR_LIMIT};
	guint before;

	conn_start(fixture, &limit, "30");
	assert_health_answers(fixture);
	before = count_descriptors(fixture);

	/* many times the limit: whole requests on connections kept alive that their client
	 * closes (the leak of libsoup 3.2's own keep-alive), every other one after half a
	 * second request; then connections closed before a request */
	for (guint i = 0; i < 4 * LOW_DESCRIPTOR_LIMIT; i++) {
		gint fd = open_connection(fixture);
		g_autofree gchar *response = NULL;

		send_all(fd, HEALTH);
		response = read_response(fd);
		assert_kept_alive(response);
		if (i % 2 == 0)
			send_all(fd, "GET /api/v1/he");
		close(fd);
	}
	for (guint i = 0; i < 4 * LOW_DESCRIPTOR_LIMIT; i++)
		close(open_connection(fixture));
	/* half a request, then gone */
	for (guint i = 0; i < 4 * LOW_DESCRIPTOR_LIMIT; i++) {
		gint fd = open_connection(fixture);
		g_assert_cmpint(send(fd, "GET /api/v1/he", 14, MSG_NOSIGNAL), ==, 14);
		close(fd);
	}
	assert_health_answers(fixture);
	g_assert_cmpuint(wait_descriptors_at_most(fixture, before), <=, before);
}

static void
test_idle_timeout(ConnFixture *fixture, gconstpointer user_data)
{
	gint fds[20];
	gint stalled;
	guint before;

	conn_start(fixture, NULL, "1");
	before = count_descriptors(fixture);
	for (guint i = 0; i < G_N_ELEMENTS(fds); i++)
		fds[i] = open_connection(fixture);
	/* a request that stops half-way is cut too */
	stalled = open_connection(fixture);
	g_assert_cmpint(send(stalled, "GET /api/v1/health HTTP/1.1\r\n", 29, MSG_NOSIGNAL), ==, 29);

	/* the daemon closes them: each read ends (no request: no answer) */
	for (guint i = 0; i < G_N_ELEMENTS(fds); i++) {
		g_autofree gchar *rest = read_to_end(fds[i]);
		g_assert_nonnull(rest);
		g_assert_cmpstr(rest, ==, "");
		close(fds[i]);
	}
	g_free(read_to_end(stalled));
	close(stalled);
	g_assert_cmpuint(wait_descriptors_at_most(fixture, before), <=, before);
	assert_health_answers(fixture);
}

static void
test_descriptors_exhausted(ConnFixture *fixture, gconstpointer user_data)
{
	ConnLimit limit = {LOW_DESCRIPTOR_LIMIT, LOW_DESCRIPTOR_LIMIT};
	gint fds[2 * LOW_DESCRIPTOR_LIMIT];

	conn_start(fixture, &limit, "30");

	/* twice the limit of connections held open without a request */
	for (guint i = 0; i < G_N_ELEMENTS(fds); i++)
		fds[i] = open_connection(fixture);
	g_usleep(300 * 1000);

	/* the daemon gives up the oldest silent ones and serves a real request */
	assert_health_answers(fixture);
	for (guint i = 0; i < G_N_ELEMENTS(fds); i++)
		close(fds[i]);
	assert_health_answers(fixture);
	conn_stop(fixture);
	g_test_message("%s", fixture->log->str);
	g_assert_nonnull(strstr(fixture->log->str, "cannot accept a connection"));
}

static void
test_limit_raised(ConnFixture *fixture, gconstpointer user_data)
{
	ConnLimit limit = {256, 2048};
	g_autofree gchar *path = NULL;
	g_autofree gchar *limits = NULL;
	g_auto(GStrv) lines = NULL;
	gboolean seen = FALSE;

	conn_start(fixture, &limit, "30");
	path = g_strdup_printf("/proc/%s/limits", g_subprocess_get_identifier(fixture->process));
	g_assert_true(g_file_get_contents(path, &limits, NULL, NULL));
	lines = g_strsplit(limits, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		g_auto(GStrv) words = NULL;
		if (!g_str_has_prefix(lines[i], "Max open files"))
			continue;
		words = g_strsplit_set(lines[i] + strlen("Max open files"), " ", -1);
		for (guint j = 0; words[j] != NULL; j++) {
			if (words[j][0] == '\0')
				continue;
			/* the first number is the soft limit */
			g_assert_cmpstr(words[j], ==, "2048");
			seen = TRUE;
			break;
		}
	}
	g_assert_true(seen);
}

static void
test_listen_backlog(ConnFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *somaxconn = NULL;
	guint burst = 200;
	gint fds[200];
	struct pollfd polls[200];
	guint connected = 0;
	gint64 deadline;

	if (g_file_get_contents("/proc/sys/net/core/somaxconn", &somaxconn, NULL, NULL) &&
	    g_ascii_strtoull(somaxconn, NULL, 10) < burst + 1) {
		g_test_skip("the system's largest listen backlog is below the burst tried");
		return;
	}
	conn_start(fixture, NULL, "30");

	/* a daemon that accepts nothing for a moment: the kernel's queue holds the burst */
	g_assert_true(kill(atoi(g_subprocess_get_identifier(fixture->process)), SIGSTOP) == 0);
	for (guint i = 0; i < burst; i++) {
		struct sockaddr_in address = {.sin_family = AF_INET,
					      .sin_port = htons((guint16)fixture->port),
					      .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
		fds[i] = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
		g_assert_cmpint(fds[i], >=, 0);
		connect(fds[i], (struct sockaddr *)&address, sizeof(address));
		polls[i].fd = fds[i];
		polls[i].events = POLLOUT;
	}
	/* a dropped handshake would be retried only after a second */
	deadline = g_get_monotonic_time() + 500 * 1000;
	while (g_get_monotonic_time() < deadline && connected < burst) {
		poll(polls, burst, 50);
		connected = 0;
		for (guint i = 0; i < burst; i++) {
			gint so_error = -1;
			socklen_t length = sizeof(so_error);
			if ((polls[i].revents & POLLOUT) != 0 &&
			    getsockopt(fds[i], SOL_SOCKET, SO_ERROR, &so_error, &length) == 0 &&
			    so_error == 0)
				connected++;
		}
	}
	g_assert_true(kill(atoi(g_subprocess_get_identifier(fixture->process)), SIGCONT) == 0);
	g_assert_cmpuint(connected, ==, burst);

	/* and every one of them is served */
	for (guint i = 0; i < burst; i++) {
		const gchar *request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
		g_autofree gchar *response = NULL;
		struct timeval timeout = {.tv_sec = 10};

		g_assert_cmpint(fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) & ~O_NONBLOCK),
				==,
				0);
		setsockopt(fds[i], SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
		g_assert_cmpint(send(fds[i], request, strlen(request), MSG_NOSIGNAL),
				==,
				(gssize)strlen(request));
		response = read_response(fds[i]);
		g_assert_nonnull(response);
		g_assert_true(g_str_has_prefix(response, "HTTP/1.1 200 "));
		close(fds[i]);
	}
}

static void
test_framing(ConnFixture *fixture, gconstpointer user_data)
{
	const gchar *requests[] = {
	    /* both lengths: a proxy and the daemon could split the stream differently */
	    "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
	    "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
	    "2\r\n{}\r\n0\r\n\r\n",
	    /* two lengths */
	    "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
	    "Content-Length: 2\r\nContent-Type: application/json\r\n\r\n{}",
	    /* two hosts */
	    "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.com\r\n\r\n",
	};

	conn_start(fixture, NULL, "30");
	for (guint i = 0; i < G_N_ELEMENTS(requests); i++) {
		g_autofree gchar *response = exchange(fixture, requests[i]);
		g_test_message("%s", response);
		g_assert_nonnull(response);
		g_assert_true(g_str_has_prefix(response, "HTTP/1.1 400 "));
		g_assert_nonnull(strstr(response, "\"malformed\""));
	}
	assert_health_answers(fixture);
}

/* an HTTP/1.1 request without Host is refused by libsoup before any route: a 400,
 * and the daemon logs no critical warning about the URI it could not make */
static void
test_no_host(ConnFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *response = NULL;

	conn_start(fixture, NULL, "30");
	response = exchange(fixture, "GET /api/v1/health HTTP/1.1\r\n\r\n");
	g_assert_nonnull(response);
	g_assert_true(g_str_has_prefix(response, "HTTP/1.1 400 "));
	assert_health_answers(fixture);
	conn_stop(fixture);
	g_assert_null(strstr(fixture->log->str, "CRITICAL"));
}

static void
test_keep_alive(ConnFixture *fixture, gconstpointer user_data)
{
	gint fd;

	conn_start(fixture, NULL, "30");
	fd = open_connection(fixture);

	/* one request after the other on one connection */
	for (guint i = 0; i < 3; i++) {
		g_autofree gchar *response = NULL;
		send_all(fd, HEALTH);
		response = read_response(fd);
		assert_kept_alive(response);
	}

	/* and sent in one go (pipelined): each answered, in order */
	send_all(fd, HEALTH "GET /api/v1/nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" HEALTH);
	for (guint i = 0; i < 3; i++) {
		g_autofree gchar *response = read_response(fd);
		g_assert_nonnull(response);
		g_assert_true(
		    g_str_has_prefix(response, i == 1 ? "HTTP/1.1 404 " : "HTTP/1.1 200 "));
	}
	close(fd);
}

/* a kept-alive connection that stays idle is closed after the idle timeout */
static void
test_kept_alive_idle_timeout(ConnFixture *fixture, gconstpointer user_data)
{
	g_autofree gchar *response = NULL;
	g_autofree gchar *rest = NULL;
	gint64 start;
	gint fd;

	conn_start(fixture, NULL, "1");
	fd = open_connection(fixture);
	send_all(fd, HEALTH);
	response = read_response(fd);
	assert_kept_alive(response);
	start = g_get_monotonic_time();
	rest = read_to_end(fd);
	g_assert_cmpstr(rest, ==, "");
	g_assert_cmpint(g_get_monotonic_time() - start, <, 5 * G_USEC_PER_SEC);
	close(fd);
}

/* a request that names a body is the last on its connection: what follows it is never
 * read as a request, whether the body was read or not */
static void
test_body_ends_connection(ConnFixture *fixture, gconstpointer user_data)
{
	const gchar *requests[] = {
	    /* a body on a GET, that is itself a request */
	    "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 40\r\n\r\n"
	    "GET /api/v1/nowhere HTTP/1.1\r\nHost: y\r\n\r\n" HEALTH,
	    /* a body read by the handler, then a request */
	    "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
	    "Content-Type: application/json\r\n\r\n{}" HEALTH,
	    /* a length on a folded line, that a proxy could take for one */
	    "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\r\n"
	    " Content-Length: 40\r\n\r\nGET /api/v1/nowhere HTTP/1.1\r\nHost: y\r\n\r\n",
	};

	conn_start(fixture, NULL, "30");
	for (guint i = 0; i < G_N_ELEMENTS(requests); i++) {
		gint fd = open_connection(fixture);
		g_autofree gchar *response = NULL;
		gchar byte;
		gssize n;

		send_all(fd, requests[i]);
		response = read_response(fd);
		g_test_message("%s", response);
		g_assert_nonnull(response);
		g_assert_nonnull(strstr(response, "Connection: close"));
		/* nothing more: the connection ends (closed, or reset for the unread rest) */
		n = recv(fd, &byte, 1, 0);
		g_assert_true(n == 0 || (n < 0 && errno == ECONNRESET));
		close(fd);
	}
	assert_health_answers(fixture);
}

/* a client that waits for 100 Continue before it sends its body gets it at once (the
 * listener holds a response's head back to send it with the body, but not this one),
 * then the final response */
static void
test_expect_continue(ConnFixture *fixture, gconstpointer user_data)
{
	struct timeval timeout = {.tv_sec = 2};
	g_autoptr(GString) interim = g_string_new(NULL);
	g_autofree gchar *response = NULL;
	gint fd;

	conn_start(fixture, NULL, "30");
	fd = open_connection(fixture);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
	send_all(fd,
		 "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\n"
		 "Content-Type: application/json\r\nExpect: 100-continue\r\n\r\n");
	g_assert_true(read_head(fd, interim));
	g_assert_true(g_str_has_prefix(interim->str, "HTTP/1.1 100 "));
	send_all(fd, "{}");
	response = read_response(fd);
	g_assert_nonnull(response);
	g_assert_true(g_str_has_prefix(response, "HTTP/1.1 4"));
	close(fd);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/connections/closed",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_closed_connections,
		   conn_teardown);
	g_test_add("/connections/idle-timeout",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_idle_timeout,
		   conn_teardown);
	g_test_add("/connections/descriptors-exhausted",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_descriptors_exhausted,
		   conn_teardown);
	g_test_add("/connections/limit-raised",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_limit_raised,
		   conn_teardown);
	g_test_add("/connections/listen-backlog",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_listen_backlog,
		   conn_teardown);
	g_test_add("/connections/framing",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_framing,
		   conn_teardown);
	g_test_add("/connections/no-host",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_no_host,
		   conn_teardown);
	g_test_add("/connections/keep-alive",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_keep_alive,
		   conn_teardown);
	g_test_add("/connections/kept-alive-idle-timeout",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_kept_alive_idle_timeout,
		   conn_teardown);
	g_test_add("/connections/expect-continue",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_expect_continue,
		   conn_teardown);
	g_test_add("/connections/body-ends-connection",
		   ConnFixture,
		   NULL,
		   conn_setup,
		   test_body_ends_connection,
		   conn_teardown);
	return g_test_run();
}
