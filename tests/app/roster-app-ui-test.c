/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "roster-explanations-panel.h"
#include "roster-item.h"
#include "roster-json-keys.h"
#include "roster-publish-page.h"
#include "roster-records-page.h"
#include "roster-reports-page.h"
#include "roster-roster-page.h"
#include "roster-seats-page.h"
#include "roster-volunteers-page.h"
#include "roster-window.h"

/*
 * The app against a real daemon: a demo city hotline made by roster-tool seed-demo,
 * the daemon on a free loopback port, and the window driven as a coordinator would
 * (create a month, solve it to the end, unassign and assign a seat from the grid,
 * publish through the confirmation dialog). The results are checked through the
 * daemon's API, and every view is saved as a PNG in the build folder, named after
 * the language in ROSTER_SCREENSHOT_LANG.
 */

#define ADMIN_PASSWORD "Ui-Willow-Beacon-36"
#define WAIT_SECONDS   60

typedef struct {
	gchar *tmpdir;
	GSubprocess *daemon;
	gchar *base_uri;
	RosterClient *client;
	RosterWindow *window;
} UiFixture;

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
static void
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

static gboolean
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
static void
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
static JsonObject *
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

/* a call with a body through the client, for setting up */
static JsonObject *
api_call(UiFixture *fixture, const gchar *method, const gchar *path, const gchar *body)
{
	g_autoptr(GAsyncResult) result = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(JsonNode) request = json_from_string(body, &error);
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

static void
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

static void
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

static void
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

static gboolean
roster_page_idle(gpointer data)
{
	return !roster_roster_page_get_busy(ROSTER_ROSTER_PAGE(data));
}

static gboolean
roster_page_has_roster(gpointer data)
{
	return roster_roster_page_get_roster_id(ROSTER_ROSTER_PAGE(data)) > 0 &&
	       !roster_roster_page_get_busy(ROSTER_ROSTER_PAGE(data));
}

static gboolean
roster_page_solved(gpointer data)
{
	return !roster_roster_page_get_solving(ROSTER_ROSTER_PAGE(data)) &&
	       !roster_roster_page_get_busy(ROSTER_ROSTER_PAGE(data));
}

static gboolean
publish_page_idle(gpointer data)
{
	return !roster_publish_page_get_busy(ROSTER_PUBLISH_PAGE(data));
}

static gboolean
calendar_url_is_set(gpointer data)
{
	return roster_volunteers_page_get_calendar_url(ROSTER_VOLUNTEERS_PAGE(data)) != NULL;
}

static gboolean
availability_idle(gpointer data)
{
	return !roster_volunteers_page_get_availability_busy(ROSTER_VOLUNTEERS_PAGE(data));
}

static gboolean
seats_page_idle(gpointer data)
{
	return !roster_seats_page_get_busy(ROSTER_SEATS_PAGE(data));
}

/* the last widget under @root with a CSS class, for the row just added to a list */
static GtkWidget *
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
static GtkWidget *
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

static gboolean
records_page_idle(gpointer data)
{
	return !roster_records_page_get_busy(ROSTER_RECORDS_PAGE(data));
}

static gboolean
reports_page_idle(gpointer data)
{
	return !roster_reports_page_get_busy(ROSTER_REPORTS_PAGE(data));
}

/* the first widget under @root (popovers included) with a CSS class */
static GtkWidget *
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

typedef struct {
	GtkWidget *root;
	const gchar *css_class;
} FindData;

static gboolean
class_is_shown(gpointer data)
{
	FindData *find = data;
	return find_by_class(find->root, find->css_class) != NULL;
}

/* "/rosters/ID", for api_get() */
static const gchar *
roster_path_for(gint64 roster_id)
{
	static gchar path[64];

	g_snprintf(path, sizeof(path), "/rosters/%" G_GINT64_FORMAT, roster_id);
	return path;
}

/* the volunteer of an assignment, through the daemon */
static gint64
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

static gint64
count_assignments(UiFixture *fixture, gint64 roster_id)
{
	g_autofree gchar *path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT, roster_id);
	g_autoptr(JsonObject) roster = api_get(fixture, path);

	return json_array_get_length(json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS));
}

static AdwMessageDialog *
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

static gboolean
dialog_is_shown(gpointer data)
{
	return find_message_dialog() != NULL;
}

static gboolean
dialog_is_gone(gpointer data)
{
	return find_message_dialog() == NULL;
}

/* the swap is done, or waits for the answer to "assign anyway?" */
static gboolean
swap_answered(gpointer data)
{
	return find_message_dialog() != NULL || roster_page_idle(data);
}

static void
test_month_of_work(UiFixture *fixture, gconstpointer user_data)
{
	RosterRosterPage *roster_page;
	RosterPublishPage *publish_page;
	RosterVolunteersPage *volunteers_page;
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *chip;
	GtkWidget *button;
	g_autoptr(JsonObject) roster = NULL;
	g_autofree gchar *roster_path = NULL;
	g_autofree gchar *versions_path = NULL;
	g_autoptr(JsonObject) versions = NULL;
	FindData find = {root, NULL};
	gint64 roster_id;
	gint64 n_before;
	AdwMessageDialog *dialog;

	roster_page = ROSTER_ROSTER_PAGE(roster_window_get_page(fixture->window, "roster"));
	publish_page = ROSTER_PUBLISH_PAGE(roster_window_get_page(fixture->window, "publish"));

	/* log in through the connect dialog's result: the window takes the client */
	roster_window_set_client(fixture->window, fixture->client);
	wait_until(roster_page_idle, roster_page, "the roster view to load");
	save_screenshot(root, "roster-empty");

	/* a coordinator makes December and solves it through the Solve button's action */
	roster_roster_page_create_roster(roster_page, "2026-12-01");
	wait_until(roster_page_has_roster, roster_page, "the new roster");
	roster_id = roster_roster_page_get_roster_id(roster_page);
	roster_roster_page_set_time_limit(roster_page, 2);
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.solve", NULL));
	g_assert_true(roster_roster_page_get_solving(roster_page));
	save_screenshot(root, "solve-progress");
	wait_until(roster_page_solved, roster_page, "the solve to finish");
	n_before = count_assignments(fixture, roster_id);
	g_assert_cmpint(n_before, >, 0);
	save_screenshot(root, "roster-week");

	/* unassign a seat from its popover, then fill the empty seat from the suggestions; a
	 * counsellor's, which no trainee beside it needs and which is no trainee place */
	chip = find_by_class(root, "tier-counsellor");
	g_assert_nonnull(chip);
	g_signal_emit_by_name(chip, "clicked");
	find.css_class = "unassign";
	wait_until(class_is_shown, &find, "the seat popover");
	save_screenshot(gtk_widget_get_ancestor(find_by_class(root, "unassign"), GTK_TYPE_POPOVER),
			"seat-popover");
	g_signal_emit_by_name(find_by_class(root, "unassign"), "clicked");
	wait_until(roster_page_idle, roster_page, "the roster to reload");
	settle();
	g_assert_cmpint(count_assignments(fixture, roster_id), ==, n_before - 1);

	chip = find_by_class(root, "seat-empty");
	g_assert_nonnull(chip);
	g_signal_emit_by_name(chip, "clicked");
	find.css_class = "suggestion";
	wait_until(class_is_shown, &find, "the suggestions");
	button = find_by_class(root, "suggestion");
	/* a popover is a surface of its own, so it gets its own picture */
	save_screenshot(gtk_widget_get_ancestor(button, GTK_TYPE_POPOVER), "suggestions");
	g_signal_emit_by_name(button, "clicked");
	settle();
	wait_until(roster_page_idle, roster_page, "the roster to reload");
	g_assert_cmpint(count_assignments(fixture, roster_id), ==, n_before);

	/* Move… from a seat's popover shows the move bar; the same seat again cancels it */
	chip = find_by_class(root, "seat-filled");
	g_signal_emit_by_name(chip, "clicked");
	find.css_class = "move";
	wait_until(class_is_shown, &find, "the seat popover");
	g_signal_emit_by_name(find_by_class(root, "move"), "clicked");
	settle();
	g_assert_nonnull(find_by_class(root, "move-bar"));
	save_screenshot(root, "roster-move");
	g_signal_emit_by_name(find_by_class(root, "seat-filled"), "clicked");
	settle();
	g_assert_null(find_by_class(root, "move-bar"));

	/* Move… on one seat, then a click on another taken seat swaps the two volunteers */
	{
		guint n = 1;
		GtkWidget *first = find_by_class(root, "seat-filled");
		GtkWidget *second = find_nth_by_class(root, "seat-filled", &n);
		gint64 first_id =
		    (gint64)GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(first), "assignment-id"));
		gint64 second_id =
		    (gint64)GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(second), "assignment-id"));
		gint64 first_volunteer = volunteer_of(fixture, roster_id, first_id);
		gint64 second_volunteer = volunteer_of(fixture, roster_id, second_id);

		g_signal_emit_by_name(first, "clicked");
		find.css_class = "move";
		wait_until(class_is_shown, &find, "the seat popover");
		g_signal_emit_by_name(find_by_class(root, "move"), "clicked");
		settle();
		g_signal_emit_by_name(second, "clicked");
		settle();
		/* two seats of different modes may break a rule: then swap anyway */
		wait_until(swap_answered, roster_page, "the swap");
		dialog = find_message_dialog();
		if (dialog != NULL) {
			adw_message_dialog_response(dialog, "override");
			gtk_window_close(GTK_WINDOW(dialog));
			wait_until(dialog_is_gone, NULL, "the override question to close");
			settle();
			wait_until(roster_page_idle, roster_page, "the overridden swap");
		}
		g_assert_cmpint(volunteer_of(fixture, roster_id, first_id), ==, second_volunteer);
		g_assert_cmpint(volunteer_of(fixture, roster_id, second_id), ==, first_volunteer);
	}

	/* moving a counsellor onto the crisis seat breaks a hard rule: the daemon's 422
	 * becomes the question whether to assign anyway, and yes records an override */
	{
		g_autoptr(JsonObject) counsellors =
		    api_get(fixture, "/volunteers?tier=counsellor&limit=500");
		g_autoptr(JsonObject) crisis = api_get(fixture, "/seat-classes?q=crisis");
		g_autoptr(JsonObject) current = api_get(fixture, roster_path_for(roster_id));
		JsonArray *people = json_object_get_array_member(counsellors, ROSTER_KEY_ITEMS);
		JsonArray *assignments =
		    json_object_get_array_member(current, ROSTER_KEY_ASSIGNMENTS);
		gint64 crisis_id = json_object_get_int_member(
		    json_array_get_object_element(
			json_object_get_array_member(crisis, ROSTER_KEY_ITEMS),
			0),
		    ROSTER_KEY_ID);
		JsonObject *moved = NULL;
		g_autoptr(JsonObject) after = NULL;
		gint64 moved_id;
		const gchar *moved_date;

		for (guint i = 0; moved == NULL && i < json_array_get_length(assignments); i++) {
			JsonObject *a = json_array_get_object_element(assignments, i);
			for (guint j = 0; j < json_array_get_length(people); j++) {
				if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) ==
				    json_object_get_int_member(
					json_array_get_object_element(people, j),
					ROSTER_KEY_ID)) {
					moved = a;
					break;
				}
			}
		}
		g_assert_nonnull(moved);
		moved_id = json_object_get_int_member(moved, ROSTER_KEY_ID);
		moved_date = json_object_get_string_member(moved, ROSTER_KEY_DATE);
		roster_roster_page_move_assignment(roster_page,
						   moved_id,
						   moved_date,
						   "20:00",
						   crisis_id);
		wait_until(dialog_is_shown, NULL, "the override question");
		dialog = find_message_dialog();
		g_assert_true(dialog == roster_roster_page_get_override_dialog(roster_page));
		save_screenshot(GTK_WIDGET(dialog), "override");
		adw_message_dialog_response(dialog, "override");
		gtk_window_close(GTK_WINDOW(dialog));
		wait_until(dialog_is_gone, NULL, "the override question to close");
		settle();
		wait_until(roster_page_idle, roster_page, "the overridden move");
		after = api_get(fixture, roster_path_for(roster_id));
		assignments = json_object_get_array_member(after, ROSTER_KEY_ASSIGNMENTS);
		for (guint i = 0; i < json_array_get_length(assignments); i++) {
			JsonObject *a = json_array_get_object_element(assignments, i);
			if (json_object_get_int_member(a, ROSTER_KEY_ID) != moved_id)
				continue;
			g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_SEAT_CLASS_ID),
					==,
					crisis_id);
			g_assert_cmpstr(json_object_get_string_member(a, ROSTER_KEY_SOURCE),
					==,
					"override");
		}
		/* the summary counts the rule the override broke */
		g_assert_cmpuint(roster_roster_page_get_n_broken_rules(roster_page), >, 0);
	}

	roster_roster_page_set_month_view(roster_page, TRUE);
	save_screenshot(root, "roster-month");
	roster_roster_page_set_month_view(roster_page, FALSE);

	/* the other views */
	roster_window_set_view(fixture->window, "volunteers");
	volunteers_page =
	    ROSTER_VOLUNTEERS_PAGE(roster_window_get_page(fixture->window, "volunteers"));
	roster_volunteers_page_select(volunteers_page, 0);
	g_signal_emit_by_name(find_by_class(root, "calendar-link"), "clicked");
	wait_until(calendar_url_is_set, volunteers_page, "the calendar link");
	g_assert_true(g_str_has_prefix(roster_volunteers_page_get_calendar_url(volunteers_page),
				       "http://127.0.0.1:"));
	save_screenshot(root, "volunteers");

	/* availability of the selected volunteer: add, refuse, edit and delete an entry */
	{
		GListModel *entries;
		guint n_entries;
		g_autoptr(RosterItem) entry = NULL;
		g_autofree gchar *entry_path = NULL;
		g_autoptr(JsonObject) saved = NULL;

		wait_until(availability_idle, volunteers_page, "the availability");
		entries = roster_volunteers_page_get_availability_model(volunteers_page);
		g_assert_nonnull(entries);
		n_entries = g_list_model_get_n_items(entries);
		adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "availability-day")),
					   1);
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "availability-start")),
				      "19:00");
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "availability-end")),
				      "23:00");
		roster_volunteers_page_save_availability(volunteers_page);
		settle();
		wait_until(availability_idle, volunteers_page, "the new availability entry");
		entries = roster_volunteers_page_get_availability_model(volunteers_page);
		g_assert_cmpuint(g_list_model_get_n_items(entries), ==, n_entries + 1);

		/* a start without an end: the daemon's 422 marks the end row */
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "availability-start")),
				      "08:00");
		roster_volunteers_page_save_availability(volunteers_page);
		find.css_class = "availability-end";
		wait_until(availability_idle, volunteers_page, "the refused entry");
		g_assert_true(
		    gtk_widget_has_css_class(find_by_class(root, "availability-end"), "error"));
		gtk_widget_grab_focus(find_by_class(root, "availability-end"));
		save_screenshot(root, "volunteer-availability");

		/* edit the first entry into a preferred one, then delete it */
		entry = g_list_model_get_item(entries, 0);
		g_signal_emit_by_name(find_by_class(root, "availability-edit"), "clicked");
		settle();
		adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "availability-kind")),
					   1);
		roster_volunteers_page_save_availability(volunteers_page);
		settle();
		wait_until(availability_idle, volunteers_page, "the edited entry");
		entry_path = g_strdup_printf("/volunteers/%" G_GINT64_FORMAT
					     "/availability/%" G_GINT64_FORMAT,
					     roster_item_get_int(entry, ROSTER_KEY_VOLUNTEER_ID, 0),
					     roster_item_get_id(entry));
		saved = api_get(fixture, entry_path);
		g_assert_cmpstr(json_object_get_string_member(saved, ROSTER_KEY_KIND),
				==,
				ROSTER_AVAILABILITY_PREFERRED);
		g_signal_emit_by_name(find_by_class(root, "availability-delete"), "clicked");
		settle();
		wait_until(availability_idle, volunteers_page, "the deleted entry");
		entries = roster_volunteers_page_get_availability_model(volunteers_page);
		g_assert_cmpuint(g_list_model_get_n_items(entries), ==, n_entries);
	}

	/* a new volunteer without a name: the daemon's 422 marks the name row */
	roster_volunteers_page_new_volunteer(volunteers_page);
	roster_volunteers_page_save(volunteers_page);
	find.css_class = "error";
	wait_until(class_is_shown, &find, "the validation message");
	save_screenshot(root, "volunteer-invalid");

	/* import two volunteers from CSV */
	{
		const gchar *csv = "工号,姓名,级别,坐席方式\n"
				   "C901,韩梅,咨询师,云坐席\n"
				   "C903,林涛,见习,坐班\n";
		g_autofree gchar *path = g_build_filename(fixture->tmpdir, "volunteers.csv", NULL);
		g_autoptr(GFile) file = g_file_new_for_path(path);
		g_autoptr(JsonObject) found = NULL;

		g_assert_true(g_file_set_contents(path, csv, -1, NULL));
		roster_volunteers_page_import_file(volunteers_page, file);
		wait_until(dialog_is_shown, NULL, "the import result");
		dialog = find_message_dialog();
		save_screenshot(GTK_WIDGET(dialog), "import-result");
		adw_message_dialog_response(dialog, "close");
		/* a response from code does not close the dialog as a click does */
		gtk_window_close(GTK_WINDOW(dialog));
		wait_until(dialog_is_gone, NULL, "the import result to close");
		found = api_get(fixture, "/volunteers?q=C90");
		g_assert_cmpint(json_object_get_int_member(found, ROSTER_KEY_TOTAL), ==, 2);
		g_unlink(path);
	}
	/* seats and demand: edit a rule, add and delete a seat class, refuse a bad rule */
	{
		RosterSeatsPage *seats_page =
		    ROSTER_SEATS_PAGE(roster_window_get_page(fixture->window, "seats"));
		g_autoptr(RosterItem) rule = NULL;
		g_autofree gchar *rule_path = NULL;
		g_autoptr(JsonObject) saved = NULL;
		GtkSpinButton *seats_spin;
		guint n_classes;

		roster_window_set_view(fixture->window, "seats");
		roster_seats_page_reload(seats_page);
		wait_until(seats_page_idle, seats_page, "the seats view");
		settle();
		/* the demo calendar has 3-hour slots from 08:00, every one manned */
		g_assert_nonnull(roster_seats_page_get_preview_text(seats_page, 1, 7));
		g_assert_null(roster_seats_page_get_preview_text(seats_page, 1, 8));
		save_screenshot(root, "seats");
		/* the preview lies below the fold: a picture of its own */
		save_screenshot(find_by_class(root, "seats-preview"), "seats-preview");

		rule = g_list_model_get_item(roster_seats_page_get_rules_model(seats_page), 0);
		g_signal_emit_by_name(find_by_class(root, "demand-rule-edit"), "clicked");
		settle();
		seats_spin = GTK_SPIN_BUTTON(find_by_class(root, "rule-seats-spin"));
		gtk_spin_button_set_value(seats_spin, gtk_spin_button_get_value(seats_spin) + 1);
		roster_seats_page_save_rule(seats_page);
		settle();
		wait_until(seats_page_idle, seats_page, "the edited rule");
		rule_path =
		    g_strdup_printf("/demand-rules/%" G_GINT64_FORMAT, roster_item_get_id(rule));
		saved = api_get(fixture, rule_path);
		g_assert_cmpint(json_object_get_int_member(saved, ROSTER_KEY_SEATS),
				==,
				roster_item_get_int(rule, ROSTER_KEY_SEATS, 0) + 1);
		g_assert_cmpint(json_object_get_int_member(saved, ROSTER_KEY_REVISION),
				==,
				roster_item_get_revision(rule) + 1);

		n_classes =
		    g_list_model_get_n_items(roster_seats_page_get_classes_model(seats_page));
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "class-code")), "legal");
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "class-name")), "法律援助");
		/* trainee places and the seats kept under shortage reach the daemon */
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "class-places-spin")),
					  2);
		gtk_spin_button_set_value(
		    GTK_SPIN_BUTTON(find_by_class(root, "class-min-seats-spin")),
		    0);
		roster_seats_page_save_class(seats_page);
		settle();
		wait_until(seats_page_idle, seats_page, "the new seat class");
		settle();
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_seats_page_get_classes_model(seats_page)),
		    ==,
		    n_classes + 1);
		{
			g_autoptr(RosterItem) added =
			    g_list_model_get_item(roster_seats_page_get_classes_model(seats_page),
						  n_classes);
			g_autofree gchar *class_path =
			    g_strdup_printf("/seat-classes/%" G_GINT64_FORMAT,
					    roster_item_get_id(added));
			g_autoptr(JsonObject) stored = api_get(fixture, class_path);
			g_assert_cmpint(
			    json_object_get_int_member(stored, ROSTER_KEY_TRAINEE_PLACES),
			    ==,
			    2);
			g_assert_cmpint(json_object_get_int_member(stored, ROSTER_KEY_MIN_SEATS),
					==,
					0);
		}
		g_signal_emit_by_name(find_last_by_class(root, "seat-class-delete"), "clicked");
		settle();
		wait_until(seats_page_idle, seats_page, "the deleted seat class");
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_seats_page_get_classes_model(seats_page)),
		    ==,
		    n_classes);

		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "rule-end")), "25:00");
		roster_seats_page_save_rule(seats_page);
		settle();
		wait_until(seats_page_idle, seats_page, "the refused rule");
		g_assert_true(gtk_widget_has_css_class(find_by_class(root, "rule-end"), "error"));
		gtk_widget_grab_focus(find_by_class(root, "rule-end"));
		save_screenshot(root, "seats-rule-invalid");
	}

	/* publish through the confirmation dialog */
	roster_window_set_view(fixture->window, "publish");
	roster_publish_page_reload(publish_page);
	wait_until(publish_page_idle, publish_page, "the publish view");
	save_screenshot(root, "publish");
	roster_publish_page_publish(publish_page, TRUE);
	wait_until(dialog_is_shown, NULL, "the confirmation");
	dialog = find_message_dialog();
	save_screenshot(GTK_WIDGET(dialog), "publish-confirm");
	adw_message_dialog_response(dialog, "publish");
	gtk_window_close(GTK_WINDOW(dialog));
	settle();
	wait_until(publish_page_idle, publish_page, "the publish");
	settle();
	wait_until(publish_page_idle, publish_page, "the publish view to reload");
	save_screenshot(root, "publish-done");

	roster_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT, roster_id);
	roster = api_get(fixture, roster_path);
	g_assert_cmpstr(json_object_get_string_member(roster, ROSTER_KEY_STATE),
			==,
			ROSTER_STATE_PUBLISHED);
	g_assert_cmpint(json_object_get_int_member(roster, ROSTER_KEY_N_VERSIONS), ==, 1);
	versions_path = g_strdup_printf("/rosters/%" G_GINT64_FORMAT "/versions", roster_id);
	versions = api_get(fixture, versions_path);
	g_assert_cmpint(json_object_get_int_member(versions, ROSTER_KEY_TOTAL), ==, 1);

	/* records: the first day's shifts all attended, one of them late */
	{
		RosterRecordsPage *records_page =
		    ROSTER_RECORDS_PAGE(roster_window_get_page(fixture->window, "records"));
		g_autoptr(JsonObject) attendance = NULL;

		roster_window_set_view(fixture->window, "records");
		roster_records_page_set_date(records_page, "2026-12-01");
		roster_records_page_reload(records_page);
		wait_until(records_page_idle, records_page, "the records");
		settle();
		find.css_class = "attendance-status";
		wait_until(class_is_shown, &find, "the day's shifts");
		button = find_by_class(root, "attendance-status");
		g_signal_emit_by_name(button, "clicked");
		settle();
		wait_until(records_page_idle, records_page, "the attendance");
		/* the first shift's Late button, 25 minutes late */
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "late-minutes")), 25);
		{
			guint n = 1;
			button = find_nth_by_class(root, "attendance-status", &n);
		}
		g_signal_emit_by_name(button, "clicked");
		settle();
		wait_until(records_page_idle, records_page, "the late attendance");
		g_signal_emit_by_name(find_by_class(root, "confirm-day"), "clicked");
		settle();
		wait_until(records_page_idle, records_page, "the day's confirmation");
		save_screenshot(root, "records");
		attendance = api_get(fixture, "/attendance?from=2026-12-01&to=2026-12-01");
		g_assert_cmpint(json_object_get_int_member(attendance, ROSTER_KEY_TOTAL), >, 1);
		{
			JsonArray *items =
			    json_object_get_array_member(attendance, ROSTER_KEY_ITEMS);
			gboolean late_found = FALSE;
			for (guint i = 0; i < json_array_get_length(items); i++) {
				JsonObject *record = json_array_get_object_element(items, i);
				late_found |=
				    json_object_get_int_member_with_default(record,
									    "late_minutes",
									    0) == 25;
			}
			g_assert_true(late_found);
		}
	}

	/* records: a training record and a rating through the forms, a refused one, and a
	 * promotion once the rules ask little enough for a trainee to qualify */
	{
		RosterRecordsPage *records_page =
		    ROSTER_RECORDS_PAGE(roster_window_get_page(fixture->window, "records"));
		g_autoptr(JsonObject) settings = NULL;
		g_autoptr(JsonObject) promoted = NULL;
		g_autoptr(RosterItem) candidate = NULL;
		g_autofree gchar *volunteer_path = NULL;
		guint n_training;
		guint n_ratings;

		settings = api_call(fixture,
				    "PUT",
				    "/record-settings",
				    "{\"promotion_rules\":[{\"from\":\"trainee\",\"to\":"
				    "\"counsellor\",\"service_hours\":0,\"supervision_hours\":0,"
				    "\"min_average_rating\":0,\"last_n_ratings\":1,"
				    "\"max_no_shows\":5}]}");
		roster_records_page_reload(records_page);
		wait_until(records_page_idle, records_page, "the records");
		settle();
		n_training =
		    g_list_model_get_n_items(roster_records_page_get_training_model(records_page));
		n_ratings =
		    g_list_model_get_n_items(roster_records_page_get_ratings_model(records_page));
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "training-hours")),
					  3.5);
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "training-verified")),
				      "督导 王老师");
		roster_records_page_add_training(records_page);
		settle();
		wait_until(records_page_idle, records_page, "the training record");
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_records_page_get_training_model(records_page)),
		    ==,
		    n_training + 1);
		gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "rating-score")), 5);
		roster_records_page_add_rating(records_page);
		settle();
		wait_until(records_page_idle, records_page, "the rating");
		g_assert_cmpuint(
		    g_list_model_get_n_items(roster_records_page_get_ratings_model(records_page)),
		    ==,
		    n_ratings + 1);

		/* a training date in the future is refused and its row marked */
		gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "training-date")),
				      "2099-01-01");
		roster_records_page_add_training(records_page);
		settle();
		wait_until(records_page_idle, records_page, "the refused training record");
		g_assert_true(
		    gtk_widget_has_css_class(find_by_class(root, "training-date"), "error"));
		gtk_widget_grab_focus(find_by_class(root, "training-date"));
		save_screenshot(root, "records-forms");

		g_assert_cmpuint(g_list_model_get_n_items(
				     roster_records_page_get_candidates_model(records_page)),
				 >,
				 0);
		candidate =
		    g_list_model_get_item(roster_records_page_get_candidates_model(records_page),
					  0);
		g_signal_emit_by_name(find_by_class(root, "promote"), "clicked");
		settle();
		wait_until(records_page_idle, records_page, "the promotion");
		volunteer_path =
		    g_strdup_printf("/volunteers/%" G_GINT64_FORMAT,
				    roster_item_get_int(candidate, ROSTER_KEY_VOLUNTEER_ID, 0));
		promoted = api_get(fixture, volunteer_path);
		g_assert_cmpstr(json_object_get_string_member(promoted, ROSTER_KEY_TIER),
				==,
				ROSTER_TIER_COUNSELLOR);
	}

	/* the manager's reports */
	roster_window_set_view(fixture->window, "reports");
	roster_reports_page_reload(
	    ROSTER_REPORTS_PAGE(roster_window_get_page(fixture->window, "reports")));
	wait_until(reports_page_idle,
		   roster_window_get_page(fixture->window, "reports"),
		   "the reports");
	save_screenshot(root, "reports");

	/* a date range with no records empties the table; the star column reads all time */
	{
		RosterReportsPage *reports_page =
		    ROSTER_REPORTS_PAGE(roster_window_get_page(fixture->window, "reports"));
		GListModel *rows = roster_reports_page_get_model(reports_page);
		g_autofree gchar *stars = NULL;

		if (g_list_model_get_n_items(rows) > 0) {
			g_autoptr(RosterItem) row = g_list_model_get_item(rows, 0);
			stars = roster_reports_page_dup_stars_text(
			    reports_page,
			    roster_item_get_int(row, ROSTER_KEY_VOLUNTEER_ID, 0));
			g_assert_nonnull(stars);
		}
		roster_reports_page_set_range(reports_page, "2030-02-28", "2030-01-01");
		wait_until(reports_page_idle, reports_page, "the report of an empty range");
		g_assert_cmpuint(g_list_model_get_n_items(rows), ==, 0);
		g_assert_cmpstr(
		    gtk_menu_button_get_label(GTK_MENU_BUTTON(find_by_class(root, "range-from"))),
		    ==,
		    "2030-01-01");
		roster_reports_page_set_range(reports_page, "2026-01-01", NULL);
		wait_until(reports_page_idle, reports_page, "the report of this year");
		settle();
		save_screenshot(root, "reports-range");
	}

	/* the connect dialog */
	roster_window_show_connect(fixture->window);
	settle();
	{
		GListModel *toplevels = gtk_window_get_toplevels();
		for (guint i = 0; i < g_list_model_get_n_items(toplevels); i++) {
			g_autoptr(GtkWidget) window = g_list_model_get_item(toplevels, i);
			if (window != root && gtk_widget_get_mapped(window) &&
			    !ADW_IS_MESSAGE_DIALOG(window)) {
				save_screenshot(window, "connect");
				gtk_window_destroy(GTK_WINDOW(window));
				break;
			}
		}
	}
}

/* a new December roster, solved to the end, shown in the roster view */
static RosterRosterPage *
show_solved_roster(UiFixture *fixture)
{
	RosterRosterPage *roster_page =
	    ROSTER_ROSTER_PAGE(roster_window_get_page(fixture->window, "roster"));

	roster_window_set_client(fixture->window, fixture->client);
	wait_until(roster_page_idle, roster_page, "the roster view to load");
	roster_roster_page_create_roster(roster_page, "2026-12-01");
	wait_until(roster_page_has_roster, roster_page, "the new roster");
	roster_roster_page_set_time_limit(roster_page, 2);
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.solve", NULL));
	wait_until(roster_page_solved, roster_page, "the solve to finish");
	settle();
	return roster_page;
}

/* a seat emptied from its popover shows in the summary at once, and the explanation
 * list takes the coordinator back to it from another week */
static void
test_explanations(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	GtkLabel *summary = GTK_LABEL(find_by_class(root, "roster-summary"));
	RosterExplanationsPanel *panel;
	GListModel *shown;
	g_autoptr(RosterExplanation) gap = NULL;
	g_autofree gchar *summary_before = g_strdup(gtk_label_get_text(summary));
	guint n_uncovered = roster_roster_page_get_n_uncovered(roster_page);
	FindData find = {root, "unassign"};
	GtkWidget *chip;
	GtkWidget *selected;

	/* unassign the first counsellor's seat of the week (a senior's may leave a trainee
	 * alone, a trainee's place is no gap) */
	chip = find_by_class(root, "tier-counsellor");
	g_assert_nonnull(chip);
	g_signal_emit_by_name(chip, "clicked");
	wait_until(class_is_shown, &find, "the seat popover");
	g_signal_emit_by_name(find_by_class(root, "unassign"), "clicked");
	settle();
	wait_until(roster_page_idle, roster_page, "the roster to reload");
	g_assert_cmpuint(roster_roster_page_get_n_uncovered(roster_page), ==, n_uncovered + 1);
	g_assert_cmpstr(gtk_label_get_text(summary), !=, summary_before);

	/* the panel, filtered to the gaps, lists the empty seat */
	gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(find_by_class(root, "explanations-toggle")),
				     TRUE);
	settle();
	/* the panel slides in: slow under the sanitizers */
	find.css_class = "explanations-panel";
	wait_until(class_is_shown, &find, "the explanation panel");
	panel = ROSTER_EXPLANATIONS_PANEL(find_by_class(root, "explanations-panel"));
	g_assert_nonnull(panel);
	gtk_drop_down_set_selected(GTK_DROP_DOWN(find_by_class(root, "explanations-filter")),
				   ROSTER_EXPLANATIONS_FILTER_GAPS);
	shown = roster_explanations_panel_get_shown(panel);
	g_assert_cmpuint(g_list_model_get_n_items(shown), >, 0);
	for (guint i = 0; i < g_list_model_get_n_items(shown); i++) {
		g_autoptr(RosterExplanation) item = g_list_model_get_item(shown, i);
		g_assert_cmpint(roster_explanation_get_category(item), ==, ROSTER_EXPLANATION_GAP);
	}
	gap = g_list_model_get_item(shown, 0);
	save_screenshot(root, "explanations");

	/* from another week, the row brings the seat back and marks it */
	g_assert_true(gtk_widget_activate_action(GTK_WIDGET(roster_page), "roster.next", NULL));
	settle();
	g_assert_null(find_by_class(root, "selected-cell"));
	g_signal_emit_by_name(find_by_class(root, "explanations-list"), "activate", 0);
	settle();
	find.css_class = "selected-cell";
	wait_until(class_is_shown, &find, "the marked seat");
	g_assert_cmpstr(roster_roster_page_get_selected_date(roster_page),
			==,
			roster_explanation_get_date(gap));
	g_assert_cmpstr(roster_roster_page_get_selected_slot(roster_page),
			==,
			roster_explanation_get_slot(gap));
	selected = find_by_class(root, "selected-cell");
	g_assert_nonnull(selected);
	g_assert_nonnull(find_by_class(selected, "seat-empty"));
	save_screenshot(root, "explanations-selected");
}

/* a rule no override can break gets no "assign anyway?": moving a volunteer onto a day
 * they already work is refused once, and nothing changes */
static void
test_not_overridable(UiFixture *fixture, gconstpointer user_data)
{
	RosterRosterPage *roster_page = show_solved_roster(fixture);
	gint64 roster_id = roster_roster_page_get_roster_id(roster_page);
	g_autoptr(JsonObject) roster = api_get(fixture, roster_path_for(roster_id));
	g_autoptr(JsonObject) after = NULL;
	JsonArray *assignments = json_object_get_array_member(roster, ROSTER_KEY_ASSIGNMENTS);
	JsonObject *moved = NULL;
	JsonObject *other = NULL;

	/* one volunteer's shifts on two different days */
	for (guint i = 0; other == NULL && i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		for (guint j = i + 1; j < json_array_get_length(assignments); j++) {
			JsonObject *b = json_array_get_object_element(assignments, j);
			if (json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID) ==
				json_object_get_int_member(b, ROSTER_KEY_VOLUNTEER_ID) &&
			    g_strcmp0(json_object_get_string_member(a, ROSTER_KEY_DATE),
				      json_object_get_string_member(b, ROSTER_KEY_DATE)) != 0) {
				moved = a;
				other = b;
				break;
			}
		}
	}
	g_assert_nonnull(other);
	roster_roster_page_move_assignment(
	    roster_page,
	    json_object_get_int_member(moved, ROSTER_KEY_ID),
	    json_object_get_string_member(other, ROSTER_KEY_DATE),
	    json_object_get_string_member(other, ROSTER_KEY_SLOT),
	    json_object_get_int_member(other, ROSTER_KEY_SEAT_CLASS_ID));
	wait_until(roster_page_idle, roster_page, "the refused move");
	settle();
	g_assert_null(find_message_dialog());
	g_assert_null(roster_roster_page_get_override_dialog(roster_page));
	after = api_get(fixture, roster_path_for(roster_id));
	g_assert_cmpint(json_object_get_int_member(after, ROSTER_KEY_REVISION),
			==,
			json_object_get_int_member(roster, ROSTER_KEY_REVISION));
}

static void
skip_no_display(void)
{
	g_test_skip("no display");
}

int
main(int argc, char **argv)
{
	const gchar *localedir = g_getenv("ROSTER_LOCALEDIR");

	setlocale(LC_ALL, "");
	bindtextdomain(GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	textdomain(GETTEXT_PACKAGE);
	g_test_init(&argc, &argv, NULL);
	if ((g_getenv("DISPLAY") == NULL && g_getenv("WAYLAND_DISPLAY") == NULL) ||
	    !gtk_init_check()) {
		g_test_add_func("/roster/app-ui/month-of-work", skip_no_display);
		g_test_add_func("/roster/app-ui/explanations", skip_no_display);
		g_test_add_func("/roster/app-ui/not-overridable", skip_no_display);
		return g_test_run();
	}
	adw_init();
	g_test_add("/roster/app-ui/month-of-work",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_month_of_work,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/explanations",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_explanations,
		   ui_fixture_teardown);
	g_test_add("/roster/app-ui/not-overridable",
		   UiFixture,
		   NULL,
		   ui_fixture_setup,
		   test_not_overridable,
		   ui_fixture_teardown);
	return g_test_run();
}
