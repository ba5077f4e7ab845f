/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests' fixture and helpers, shared by the test files of tests/app */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "roster-app-ui-fixture.h"
#include "roster-json-keys.h"
#include "roster-publish-page.h"
#include "roster-records-page.h"
#include "roster-reports-page.h"
#include "roster-roster-page.h"
#include "roster-seats-page.h"
#include "roster-volunteers-page.h"

static void
child_setup_cb(gpointer user_data)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
timeout_cb(gpointer user_data)
{
	gboolean *timed_out = user_data;
	*timed_out = TRUE;
	return G_SOURCE_REMOVE;
}

/* runs the main context until @done(@data) holds */
void
wait_until(gboolean (*done)(gpointer data), gpointer data, const gchar *what)
{
	gboolean timed_out = FALSE;
	guint source = g_timeout_add_seconds(WAIT_SECONDS, timeout_cb, &timed_out);

	while (!done(data) && !timed_out)
		g_main_context_iteration(NULL, TRUE);
	if (timed_out)
		g_error("timed out waiting for %s", what);
	g_source_remove(source);
}

gboolean
flag_is_set(gpointer data)
{
	return *(gboolean *)data;
}

static gboolean
frame_cb(gpointer user_data)
{
	*(gboolean *)user_data = TRUE;
	return G_SOURCE_REMOVE;
}

/* lets the window lay out and draw what changed */
void
settle(void)
{
	gboolean done = FALSE;

	g_timeout_add(250, frame_cb, &done);
	wait_until(flag_is_set, &done, "a frame");
}

static void
ensure_tool_ok(const gchar *const *argv)
{
	g_autoptr(GError) error = NULL;
	g_autoptr(GSubprocess) process =
	    g_subprocess_newv(argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);

	g_assert_no_error(error);
	g_assert_true(g_subprocess_wait_check(process, NULL, &error));
	g_assert_no_error(error);
}

static void
start_daemon(UiFixture *fixture)
{
	g_autofree gchar *database = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	g_autofree gchar *password_file = g_build_filename(fixture->tmpdir, "admin-password", NULL);
	const gchar *seed_argv[] = {g_getenv("ROSTER_TOOL"),
				    "seed-demo",
				    "--database",
				    database,
				    NULL};
	const gchar *argv[] = {g_getenv("ROSTER_DAEMON"),
			       "--database",
			       database,
			       "--address",
			       "127.0.0.1",
			       "--port",
			       "0",
			       "--admin-password-file",
			       password_file,
			       NULL};
	g_autoptr(GSubprocessLauncher) launcher =
	    g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_STDOUT_PIPE);
	g_autoptr(GDataInputStream) stream = NULL;
	g_autoptr(GError) error = NULL;

	g_assert_true(g_file_set_contents(password_file, ADMIN_PASSWORD "\n", -1, &error));
	g_assert_no_error(error);
	ensure_tool_ok(seed_argv);
	g_subprocess_launcher_set_child_setup(launcher, child_setup_cb, NULL, NULL);
	fixture->daemon = g_subprocess_launcher_spawnv(launcher, argv, &error);
	g_assert_no_error(error);
	stream = g_data_input_stream_new(g_subprocess_get_stdout_pipe(fixture->daemon));
	while (fixture->base_uri == NULL) {
		g_autofree gchar *line =
		    g_data_input_stream_read_line_utf8(stream, NULL, NULL, &error);
		const gchar *start;
		const gchar *end;

		g_assert_no_error(error);
		g_assert_nonnull(line);
		start = strstr(line, "ready on http://");
		if (start == NULL)
			continue;
		start += strlen("ready on ");
		end = strchr(start, ' ');
		fixture->base_uri = end != NULL ? g_strndup(start, end - start) : g_strdup(start);
	}
}

static void
store_result_cb(GObject *source, GAsyncResult *result, gpointer user_data)
{
	*(GAsyncResult **)user_data = g_object_ref(result);
}

static gboolean
result_is_set(gpointer data)
{
	return *(GAsyncResult **)data != NULL;
}

/* a synchronous call through the client, for checks */
JsonObject *
api_get(UiFixture *fixture, const gchar *path)
{
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) node = NULL;

	roster_client_call_async(fixture->client,
				 "GET",
				 path,
				 NULL,
				 NULL,
				 store_result_cb,
				 &result);
	wait_until(result_is_set, &result, path);
	node = roster_client_call_finish(fixture->client, result, NULL, &error);
	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(node));
	return json_object_ref(json_node_get_object(node));
}

/* a call with a body (or none: %NULL) through the client, for setting up */
JsonObject *
api_call(UiFixture *fixture, const gchar *method, const gchar *path, const gchar *body)
{
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) request = body != NULL ? json_from_string(body, &error) : NULL;
	g_autoptr(JsonNode) node = NULL;

	g_assert_no_error(error);
	roster_client_call_async(fixture->client,
				 method,
				 path,
				 request,
				 NULL,
				 store_result_cb,
				 &result);
	wait_until(result_is_set, &result, path);
	node = roster_client_call_finish(fixture->client, result, NULL, &error);
	g_assert_no_error(error);
	g_assert_true(JSON_NODE_HOLDS_OBJECT(node));
	return json_object_ref(json_node_get_object(node));
}

void
ui_fixture_setup(UiFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;

	fixture->tmpdir = g_dir_make_tmp("roster-app-ui-XXXXXX", &error);
	g_assert_no_error(error);
	start_daemon(fixture);
	fixture->client = roster_client_new(fixture->base_uri);
	roster_client_login_async(fixture->client,
				  "admin",
				  ADMIN_PASSWORD,
				  NULL,
				  store_result_cb,
				  &result);
	wait_until(result_is_set, &result, "login");
	g_assert_true(roster_client_login_finish(fixture->client, result, &error));
	g_assert_no_error(error);
	fixture->window = roster_window_new(NULL);
	gtk_window_set_default_size(GTK_WINDOW(fixture->window), 1500, 940);
	gtk_window_present(GTK_WINDOW(fixture->window));
}

void
ui_fixture_teardown(UiFixture *fixture, gconstpointer user_data)
{
	if (fixture->window != NULL)
		gtk_window_destroy(GTK_WINDOW(fixture->window));
	g_clear_object(&fixture->client);
	if (fixture->daemon != NULL) {
		g_subprocess_send_signal(fixture->daemon, SIGTERM);
		g_subprocess_wait(fixture->daemon, NULL, NULL);
	}
	g_clear_object(&fixture->daemon);
	g_free(fixture->base_uri);
	if (fixture->tmpdir != NULL) {
		g_autofree gchar *database = g_build_filename(fixture->tmpdir, "roster.db", NULL);
		g_autofree gchar *wal = g_strconcat(database, "-wal", NULL);
		g_autofree gchar *shm = g_strconcat(database, "-shm", NULL);
		g_unlink(database);
		g_unlink(wal);
		g_unlink(shm);
		g_rmdir(fixture->tmpdir);
	}
	g_free(fixture->tmpdir);
}

void
save_screenshot(GtkWidget *widget, const gchar *view)
{
	const gchar *lang = g_getenv("ROSTER_SCREENSHOT_LANG");
	g_autofree gchar *dir = g_build_filename(g_getenv("G_TEST_BUILDDIR"), "screenshots", NULL);
	g_autofree gchar *name =
	    g_strdup_printf("roster-%s-%s.png", view, lang != NULL ? lang : "C");
	g_autofree gchar *path = g_build_filename(dir, name, NULL);
	g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new(widget);
	g_autoptr(GtkSnapshot) snapshot = NULL;
	g_autoptr(GskRenderNode) node = NULL;
	g_autoptr(GdkTexture) texture = NULL;
	GskRenderer *renderer;
	graphene_rect_t bounds;
	gint width = 0;
	gint height = 0;

	/* a toast left from an earlier step would cover the view */
	while (ROSTER_IS_WINDOW(widget) && !roster_window_dismiss_toast(ROSTER_WINDOW(widget)))
		settle();
	/* and give it time to slide out */
	if (ROSTER_IS_WINDOW(widget))
		settle();
	/* a page that was just shown may not have drawn yet (a view-stack transition on a
	 * busy machine): give it a few more frames before calling it empty */
	for (guint attempt = 0; node == NULL && attempt < 20; attempt++) {
		settle();
		width = gtk_widget_get_width(widget);
		height = gtk_widget_get_height(widget);
		if (width <= 0 || height <= 0)
			continue;
		snapshot = gtk_snapshot_new();
		gdk_paintable_snapshot(paintable, GDK_SNAPSHOT(snapshot), width, height);
		node = gtk_snapshot_free_to_node(g_steal_pointer(&snapshot));
	}
	g_assert_cmpint(width, >, 0);
	g_assert_nonnull(node);
	renderer = gtk_native_get_renderer(gtk_widget_get_native(widget));
	graphene_rect_init(&bounds, 0, 0, (gfloat)width, (gfloat)height);
	texture = gsk_renderer_render_texture(renderer, node, &bounds);
	g_assert_nonnull(texture);
	g_mkdir_with_parents(dir, 0755);
	g_assert_true(gdk_texture_save_to_png(texture, path));
	g_test_message("screenshot %s", path);
}

/* any page of the window with no call under way */
gboolean
page_is_idle(gpointer data)
{
	return !roster_page_get_busy(ROSTER_PAGE(data));
}

gboolean
roster_page_has_roster(gpointer data)
{
	return roster_roster_page_get_roster_id(ROSTER_ROSTER_PAGE(data)) > 0 &&
	       !roster_roster_page_get_busy(ROSTER_ROSTER_PAGE(data));
}

gboolean
roster_page_solved(gpointer data)
{
	return !roster_roster_page_get_solving(ROSTER_ROSTER_PAGE(data)) &&
	       !roster_roster_page_get_busy(ROSTER_ROSTER_PAGE(data));
}

gboolean
calendar_url_is_set(gpointer data)
{
	return roster_volunteers_page_get_calendar_url(ROSTER_VOLUNTEERS_PAGE(data)) != NULL;
}

gboolean
availability_idle(gpointer data)
{
	return !roster_volunteers_page_get_availability_busy(ROSTER_VOLUNTEERS_PAGE(data));
}

/* the last widget under @root with a CSS class, for the row just added to a list */
GtkWidget *
find_last_by_class(GtkWidget *root, const gchar *css_class)
{
	GtkWidget *found = NULL;

	if (gtk_widget_has_css_class(root, css_class) && gtk_widget_get_mapped(root))
		found = root;
	for (GtkWidget *child = gtk_widget_get_first_child(root); child != NULL;
	     child = gtk_widget_get_next_sibling(child)) {
		GtkWidget *last = find_last_by_class(child, css_class);
		if (last != NULL)
			found = last;
	}
	return found;
}

/* the @n-th (from 0) widget under @root with a CSS class */
GtkWidget *
find_nth_by_class(GtkWidget *root, const gchar *css_class, guint *n)
{
	if (gtk_widget_has_css_class(root, css_class) && gtk_widget_get_mapped(root)) {
		if (*n == 0)
			return root;
		(*n)--;
	}
	for (GtkWidget *child = gtk_widget_get_first_child(root); child != NULL;
	     child = gtk_widget_get_next_sibling(child)) {
		GtkWidget *found = find_nth_by_class(child, css_class, n);
		if (found != NULL)
			return found;
	}
	return NULL;
}

/* the first widget under @root (popovers included) with a CSS class */
GtkWidget *
find_by_class(GtkWidget *root, const gchar *css_class)
{
	if (gtk_widget_has_css_class(root, css_class) && gtk_widget_get_mapped(root))
		return root;
	for (GtkWidget *child = gtk_widget_get_first_child(root); child != NULL;
	     child = gtk_widget_get_next_sibling(child)) {
		GtkWidget *found = find_by_class(child, css_class);
		if (found != NULL)
			return found;
	}
	return NULL;
}

gboolean
class_is_shown(gpointer data)
{
	FindData *find = data;
	return find_by_class(find->root, find->css_class) != NULL;
}

/* "/rosters/ID", for api_get() */
const gchar *
roster_path_for(gint64 roster_id)
{
	static gchar path[64];

	g_snprintf(path, sizeof(path), "/rosters/%" G_GINT64_FORMAT, roster_id);
	return path;
}

/* the volunteer of an assignment, through the daemon */
gint64
volunteer_of(UiFixture *fixture, gint64 roster_id, gint64 assignment_id)
{
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);

	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		if (json_object_get_int_member(a, ROSTER_KEY_ID) == assignment_id)
			return json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID);
	}
	return 0;
}

gint64
count_assignments(UiFixture *fixture, gint64 roster_id)
{
	g_autofree gchar *path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT, roster_id);
	g_autoptr(JsonObject) roster = api_get(fixture, path);

	return json_array_get_length(json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS));
}

AdwMessageDialog *
find_message_dialog(void)
{
	GListModel *toplevels = gtk_window_get_toplevels();

	for (guint i = 0; i < g_list_model_get_n_items(toplevels); i++) {
		g_autoptr(GObject) window = g_list_model_get_item(toplevels, i);
		if (ADW_IS_MESSAGE_DIALOG(window) && gtk_widget_get_mapped(GTK_WIDGET(window)))
			return ADW_MESSAGE_DIALOG(window);
	}
	return NULL;
}

gboolean
dialog_is_shown(gpointer data)
{
	return find_message_dialog() != NULL;
}

gboolean
dialog_is_gone(gpointer data)
{
	return find_message_dialog() == NULL;
}

/* the swap is done, or waits for the answer to "assign anyway?" */
gboolean
swap_answered(gpointer data)
{
	return find_message_dialog() != NULL || page_is_idle(data);
}

/* a new December roster, not solved, shown in the roster view */
RosterRosterPage *
show_new_roster(UiFixture *fixture)
{
	RosterRosterPage *roster_page =
	    ROSTER_ROSTER_PAGE(roster_window_get_page(fixture->window, "roster"));

	roster_window_set_client(fixture->window, fixture->client);
	wait_until(page_is_idle, roster_page, "the roster view to load");
	roster_roster_page_create_roster(roster_page, "2026-12-01");
	wait_until(roster_page_has_roster, roster_page, "the new roster");
	return roster_page;
}

/* a new December roster, solved to the end, shown in the roster view */
RosterRosterPage *
show_solved_roster(UiFixture *fixture)
{
	RosterRosterPage *roster_page = show_new_roster(fixture);

	roster_roster_page_set_time_limit(roster_page, 2);
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.solve", NULL));
	wait_until(roster_page_solved, roster_page, "the solve to finish");
	settle();
	return roster_page;
}

void
skip_no_display(void)
{
	g_test_skip("no display");
}

/* adds each of @tests with the fixture, or skipped without a display */
void
ui_add_test_paths(const UiTestPath *tests, guint n_tests, gboolean have_display)
{
	for (guint i = 0; i < n_tests; i++) {
		if (!have_display) {
			g_test_add_func(tests[i].path, skip_no_display);
			continue;
		}
		g_test_add(tests[i].path,
			   UiFixture,
			   NULL,
			   ui_fixture_setup,
			   tests[i].test,
			   ui_fixture_teardown);
	}
}

/* shows a view of the window and waits until its page has loaded */
GtkWidget *
ui_show_view(UiFixture *fixture, const gchar *name)
{
	GtkWidget *page = roster_window_get_page(fixture->window, name);

	roster_window_set_view(fixture->window, name);
	settle();
	wait_until(page_is_idle, page, name);
	settle();
	return page;
}
