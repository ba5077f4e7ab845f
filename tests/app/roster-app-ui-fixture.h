/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests' fixture: a daemon with the demo hotline on a free loopback port, a
 * logged-in client and the window, with waits, widget finders and screenshots */

#pragma once

#include "roster-roster-page.h"
#include "roster-window.h"

G_BEGIN_DECLS

#define ADMIN_PASSWORD "Ui-Willow-Beacon-36"
#define WAIT_SECONDS   60

typedef struct {
	gchar *tmpdir;
	GSubprocess *daemon;
	gchar *base_uri;
	RosterClient *client;
	RosterWindow *window;
} UiFixture;

typedef struct {
	GtkWidget *root;
	const gchar *css_class;
} FindData;

/* a test path of the UI test and its function */
typedef struct {
	const gchar *path;
	void (*test)(UiFixture *fixture, gconstpointer user_data);
} UiTestPath;

void
ui_add_test_paths(const UiTestPath *tests, guint n_tests, gboolean have_display);
GtkWidget *
ui_show_view(UiFixture *fixture, const gchar *name);

void
wait_until(gboolean (*done)(gpointer data), gpointer data, const gchar *what);
gboolean
flag_is_set(gpointer data);
void
settle(void);
JsonObject *
api_get(UiFixture *fixture, const gchar *path);
JsonObject *
api_call(UiFixture *fixture, const gchar *method, const gchar *path, const gchar *body);
void
ui_fixture_setup(UiFixture *fixture, gconstpointer user_data);
void
ui_fixture_teardown(UiFixture *fixture, gconstpointer user_data);
void
save_screenshot(GtkWidget *widget, const gchar *view);
gboolean
page_is_idle(gpointer data);
gboolean
roster_page_has_roster(gpointer data);
gboolean
roster_page_solved(gpointer data);
gboolean
calendar_url_is_set(gpointer data);
gboolean
availability_idle(gpointer data);
GtkWidget *
find_last_by_class(GtkWidget *root, const gchar *css_class);
GtkWidget *
find_nth_by_class(GtkWidget *root, const gchar *css_class, guint *n);
GtkWidget *
find_by_class(GtkWidget *root, const gchar *css_class);
gboolean
class_is_shown(gpointer data);
const gchar *
roster_path_for(gint64 roster_id);
gint64
volunteer_of(UiFixture *fixture, gint64 roster_id, gint64 assignment_id);
gint64
count_assignments(UiFixture *fixture, gint64 roster_id);
AdwMessageDialog *
find_message_dialog(void);
gboolean
dialog_is_shown(gpointer data);
gboolean
dialog_is_gone(gpointer data);
gboolean
swap_answered(gpointer data);
RosterRosterPage *
show_new_roster(UiFixture *fixture);
RosterRosterPage *
show_solved_roster(UiFixture *fixture);
void
skip_no_display(void);
RosterClient *
login_as(UiFixture *fixture, const gchar *username, const gchar *role, const gchar *extra);
RosterClient *
login_as_volunteer(UiFixture *fixture, const gchar *username);
gint64
volunteer_session(UiFixture *fixture, UiFixture *volunteer);
gint64
publish_empty_week(UiFixture *fixture);
gint64
pick_up(UiFixture *volunteer, gint64 roster_id, const gchar *not_date);
void
roster_app_ui_add_roster_tests(gboolean have_display);
void
roster_app_ui_add_calendar_tests(gboolean have_display);
void
roster_app_ui_add_duty_tests(gboolean have_display);
void
roster_app_ui_add_rotation_tests(gboolean have_display);
void
roster_app_ui_add_rounds_tests(gboolean have_display);
void
roster_app_ui_add_account_tests(gboolean have_display);
void
roster_app_ui_add_requests_tests(gboolean have_display);
void
roster_app_ui_add_messages_tests(gboolean have_display);
void
roster_app_ui_add_views_tests(gboolean have_display);
void
roster_app_ui_add_live_tests(gboolean have_display);
void
roster_app_ui_add_roles_tests(gboolean have_display);
void
roster_app_ui_add_editors_tests(gboolean have_display);
void
roster_app_ui_add_admin_tests(gboolean have_display);
void
roster_app_ui_add_shell_tests(gboolean have_display);
void
roster_app_ui_add_team_rotation_tests(gboolean have_display);
void
roster_app_ui_add_keys_tests(gboolean have_display);

G_END_DECLS
