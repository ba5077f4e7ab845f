/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the UI tests of the administration views against a real daemon: the record settings
 * a manager changes, the audit log between two days, the accounts an admin keeps and a
 * volunteer's sign-in link */

#include "config.h"

#include <string.h>

#include "roster-accounts-page.h"
#include "roster-app-ui-fixture.h"
#include "roster-audit-page.h"
#include "roster-coverage-view.h"
#include "roster-item.h"
#include "roster-json-keys.h"
#include "roster-record-settings-page.h"

static gboolean
view_shown(RosterWindow *window, const gchar *name)
{
	GtkWidget *page = roster_window_get_page(window, name);
	AdwViewStack *stack = ADW_VIEW_STACK(gtk_widget_get_parent(page));

	return adw_view_stack_page_get_visible(adw_view_stack_get_page(stack, page));
}

/* a manager changes the pre-job hours and a promotion rule; a coordinator reads them
 * without a Save button */
static void
test_record_settings(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	g_autoptr(RosterClient) manager = login_as(fixture, "wang", "manager", "");
	g_autoptr(RosterClient) coordinator = login_as(fixture, "lin", "coordinator", "");
	g_autoptr(JsonObject) settings = NULL;
	GtkWidget *page;
	JsonObject *rule;

	roster_window_set_client(fixture->window, manager);
	page = ui_show_view(fixture, "record-settings");
	gtk_spin_button_set_value(GTK_SPIN_BUTTON(find_by_class(root, "pre-job-hours")), 12);
	adw_expander_row_set_expanded(ADW_EXPANDER_ROW(find_by_class(root, "rule-trainee")), TRUE);
	settle();
	gtk_spin_button_set_value(
	    GTK_SPIN_BUTTON(find_by_class(root, "rule-trainee-service_hours")),
	    60);
	gtk_spin_button_set_value(
	    GTK_SPIN_BUTTON(find_by_class(root, "rule-trainee-min_average_rating")),
	    3.8);
	save_screenshot(root, "record-settings");
	g_signal_emit_by_name(find_by_class(root, "record-settings-save"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the saved settings");
	settings = api_get(fixture, "/record-settings");
	g_assert_cmpfloat(json_object_get_double_member(settings, "pre_job_min_hours"), ==, 12);
	rule =
	    json_array_get_object_element(json_object_get_array_member(settings, "promotion_rules"),
					  0);
	g_assert_cmpstr(json_object_get_string_member(rule, "from"), ==, "trainee");
	g_assert_cmpfloat(json_object_get_double_member(rule, "service_hours"), ==, 60);
	g_assert_cmpfloat_with_epsilon(json_object_get_double_member(rule, "min_average_rating"),
				       3.8,
				       0.001);

	roster_window_set_client(fixture->window, coordinator);
	ui_show_view(fixture, "record-settings");
	g_assert_true(view_shown(fixture->window, "record-settings"));
	g_assert_null(find_by_class(root, "record-settings-save"));
	g_assert_false(gtk_widget_get_sensitive(find_by_class(root, "pre-job-hours")));
}

static gboolean
audit_shows(GtkWidget *list, const gchar *text)
{
	for (GtkWidget *row = gtk_widget_get_first_child(list); row != NULL;
	     row = gtk_widget_get_next_sibling(row)) {
		if (ADW_IS_PREFERENCES_ROW(row) &&
		    strstr(adw_preferences_row_get_title(ADW_PREFERENCES_ROW(row)), text) != NULL)
			return TRUE;
	}
	return FALSE;
}

/* a team made today is in the last week's log, named, and not in next year's; a
 * coordinator gets no audit view */
static void
test_audit_viewer(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	g_autoptr(JsonObject) team =
	    api_call(fixture, "POST", "/teams", "{\"name\":\"审计组\",\"colour\":\"#22AA66\"}");
	g_autoptr(RosterClient) coordinator = login_as(fixture, "lin", "coordinator", "");
	RosterAuditPage *page;
	GDate from;
	GDate to;

	roster_window_set_client(fixture->window, fixture->client);
	page = ROSTER_AUDIT_PAGE(ui_show_view(fixture, "audit"));
	g_assert_cmpuint(roster_audit_page_get_n_entries(page), >, 0);
	g_assert_true(audit_shows(find_by_class(root, "audit-list"), "审计组"));
	save_screenshot(root, "audit");

	g_date_clear(&from, 1);
	g_date_set_dmy(&from, 1, G_DATE_JANUARY, 2099);
	to = from;
	g_date_add_days(&to, 30);
	roster_audit_page_set_range(page, &from, &to);
	settle();
	wait_until(page_is_idle, page, "the log of an empty range");
	g_assert_cmpuint(roster_audit_page_get_n_entries(page), ==, 0);
	g_assert_false(audit_shows(find_by_class(root, "audit-list"), "审计组"));

	roster_window_set_client(fixture->window, coordinator);
	settle();
	g_assert_false(view_shown(fixture->window, "audit"));
	g_assert_false(view_shown(fixture->window, "accounts"));
}

static void
activate_account(GtkWidget *root, const gchar *username)
{
	GtkWidget *list = find_by_class(root, "accounts-list");

	for (GtkWidget *row = gtk_widget_get_first_child(list); row != NULL;
	     row = gtk_widget_get_next_sibling(row)) {
		if (ADW_IS_PREFERENCES_ROW(row) &&
		    g_strcmp0(adw_preferences_row_get_title(ADW_PREFERENCES_ROW(row)), username) ==
			0) {
			g_signal_emit_by_name(list, "row-activated", row);
			return;
		}
	}
	g_error("no row of account %s", username);
}

static void
save_account(UiFixture *fixture, GtkWidget *page)
{
	roster_accounts_page_save(ROSTER_ACCOUNTS_PAGE(page));
	settle();
	wait_until(page_is_idle, page, "the saved account");
	settle();
}

/* an admin makes a manager's account with English messages: a short password is refused
 * in words, a good one is taken with the language; the account is disabled; a volunteer's
 * account gets a sign-in link */
static void
test_accounts_editor(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	g_autoptr(JsonObject) volunteers = api_get(fixture, "/volunteers?limit=1");
	g_autoptr(JsonObject) volunteer_account = NULL;
	g_autoptr(JsonObject) accounts = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *site = NULL;
	GtkWidget *page;
	GtkWidget *error;
	JsonObject *account;

	body = g_strdup_printf("{\"username\":\"c777\",\"password\":\"%s\",\"role\":\"volunteer\","
			       "\"volunteer_id\":%" G_GINT64_FORMAT "}",
			       ADMIN_PASSWORD,
			       json_object_get_int_member(
				   json_array_get_object_element(
				       json_object_get_array_member(volunteers, ROSTER_KEY_ITEMS),
				       0),
				   ROSTER_KEY_ID));
	volunteer_account = api_call(fixture, "POST", "/accounts", body);
	roster_window_set_client(fixture->window, fixture->client);
	page = ui_show_view(fixture, "accounts");
	g_assert_true(view_shown(fixture->window, "accounts"));

	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "account-username")), "zhou");
	adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "account-role")), 2);
	/* the language of the account's messages: English */
	adw_combo_row_set_selected(ADW_COMBO_ROW(find_by_class(root, "account-language")), 1);
	/* an address the daemon refuses marks its row and keeps the form */
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "account-email")), "zhou at line");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "account-password")),
			      "Ui-Copper-Meadow-71");
	save_account(fixture, page);
	g_assert_true(gtk_widget_has_css_class(find_by_class(root, "account-email"), "error"));
	g_assert_true(gtk_widget_get_visible(find_by_class(root, "account-error")));
	accounts = api_get(fixture, "/accounts?q=zhou");
	g_assert_cmpuint(
	    json_array_get_length(json_object_get_array_member(accounts, ROSTER_KEY_ITEMS)),
	    ==,
	    0);
	g_clear_pointer(&accounts, json_object_unref);
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "account-email")),
			      " zhou@line.example ");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "account-password")), "abc");
	save_account(fixture, page);
	error = find_by_class(root, "account-error");
	g_assert_nonnull(error);
	g_assert_true(gtk_widget_has_css_class(find_by_class(root, "account-password"), "error"));
	g_assert_nonnull(strstr(gtk_label_get_text(GTK_LABEL(error)), "10"));
	save_screenshot(root, "account-password-refused");
	gtk_editable_set_text(GTK_EDITABLE(find_by_class(root, "account-password")),
			      "Ui-Copper-Meadow-71");
	save_account(fixture, page);
	accounts = api_get(fixture, "/accounts?q=zhou");
	account =
	    json_array_get_object_element(json_object_get_array_member(accounts, ROSTER_KEY_ITEMS),
					  0);
	g_assert_cmpstr(json_object_get_string_member(account, ROSTER_KEY_ROLE), ==, "manager");
	g_assert_true(json_object_get_boolean_member(account, ROSTER_KEY_ACTIVE));
	g_assert_cmpstr(json_object_get_string_member(account, ROSTER_KEY_PREFERRED_LANGUAGE),
			==,
			"en");
	g_assert_cmpstr(json_object_get_string_member(account, ROSTER_KEY_EMAIL),
			==,
			"zhou@line.example");

	gtk_switch_set_active(GTK_SWITCH(find_by_class(root, "account-active")), FALSE);
	save_account(fixture, page);
	g_clear_pointer(&accounts, json_object_unref);
	accounts = api_get(fixture, "/accounts?q=zhou");
	account =
	    json_array_get_object_element(json_object_get_array_member(accounts, ROSTER_KEY_ITEMS),
					  0);
	g_assert_false(json_object_get_boolean_member(account, ROSTER_KEY_ACTIVE));

	activate_account(root, "c777");
	settle();
	g_signal_emit_by_name(find_by_class(root, "account-link"), "clicked");
	settle();
	wait_until(page_is_idle, page, "the sign-in link");
	site = g_strndup(fixture->base_uri, strlen(fixture->base_uri) - strlen("/api/v1"));
	g_assert_true(
	    g_str_has_prefix(roster_accounts_page_get_link(ROSTER_ACCOUNTS_PAGE(page)), site));
	g_assert_nonnull(
	    strstr(roster_accounts_page_get_link(ROSTER_ACCOUNTS_PAGE(page)), "/my/#signin="));
	g_assert_true(gtk_widget_get_sensitive(find_by_class(root, "account-link-copy")));
	save_screenshot(root, "accounts");
}

/* approved service hours for the @n-th volunteer on @date */
static void
log_hours(UiFixture *fixture, guint n, const gchar *date, gdouble hours)
{
	g_autoptr(JsonObject) volunteers = api_get(fixture, "/volunteers?limit=5");
	g_autofree gchar *body =
	    g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"hours\":%.1f,"
			    "\"kind\":\"outreach\",\"description\":\"社区宣讲\"}",
			    json_object_get_int_member(
				json_array_get_object_element(
				    json_object_get_array_member(volunteers, ROSTER_KEY_ITEMS),
				    n),
				ROSTER_KEY_ID),
			    date,
			    hours);
	g_autoptr(JsonObject) log = api_call(fixture, "POST", "/service-logs", body);

	if (g_strcmp0(json_object_get_string_member(log, ROSTER_KEY_STATE), "pending") == 0) {
		g_autofree gchar *path =
		    g_strdup_printf("/service-logs/%" G_GINT64_FORMAT "/approve",
				    json_object_get_int_member(log, ROSTER_KEY_ID));
		g_autoptr(JsonObject) approved = api_call(fixture, "POST", path, "{}");
	}
}

static gboolean
coverage_idle(gpointer data)
{
	return !roster_coverage_view_get_busy(ROSTER_COVERAGE_VIEW(data));
}

/* whether the table's rows go by service hours, high to low (@descending) or low to
 * high */
static gboolean
sorted_by_hours(GtkColumnView *table, gboolean descending)
{
	GListModel *rows = G_LIST_MODEL(gtk_column_view_get_model(table));

	for (guint i = 1; i < g_list_model_get_n_items(rows); i++) {
		g_autoptr(RosterItem) a = g_list_model_get_item(rows, i - 1);
		g_autoptr(RosterItem) b = g_list_model_get_item(rows, i);
		gdouble x = roster_item_get_double(a, "service_hours", -1);
		gdouble y = roster_item_get_double(b, "service_hours", -1);
		if (descending ? x < y : x > y)
			return FALSE;
	}
	return TRUE;
}

static guint
count_rows(GListModel *rows)
{
	return g_list_model_get_n_items(rows);
}

/* the hours table sorts by a clicked column both ways; hours logged on another view
 * are there when the reports are shown again; an empty week's coverage is nil, on
 * every seat class */
static void
test_reports(UiFixture *fixture, gconstpointer user_data)
{
	GtkWidget *root = GTK_WIDGET(fixture->window);
	GtkWidget *coverage;
	GtkColumnView *table;
	g_autoptr(GtkColumnViewColumn) hours_column = NULL;
	GtkWidget *page;
	guint n_before;

	publish_empty_week(fixture);
	log_hours(fixture, 0, "2026-11-20", 3);
	log_hours(fixture, 1, "2026-11-21", 7);
	roster_window_set_client(fixture->window, fixture->client);
	page = ui_show_view(fixture, "reports");
	coverage = find_by_class(root, "coverage-list");
	g_assert_nonnull(coverage);
	coverage = gtk_widget_get_ancestor(coverage, ROSTER_TYPE_COVERAGE_VIEW);
	wait_until(coverage_idle, coverage, "the coverage report");
	settle();
	g_assert_nonnull(find_by_class(root, "coverage-total"));
	g_assert_nonnull(find_by_class(root, "coverage-seat-class"));
	g_assert_cmpfloat(roster_coverage_view_get_total_share(ROSTER_COVERAGE_VIEW(coverage)),
			  ==,
			  0);

	table = GTK_COLUMN_VIEW(find_by_class(root, "data-table"));
	n_before = count_rows(G_LIST_MODEL(gtk_column_view_get_model(table)));
	g_assert_cmpuint(n_before, >=, 2);
	hours_column = g_list_model_get_item(gtk_column_view_get_columns(table), 3);
	gtk_column_view_sort_by_column(table, hours_column, GTK_SORT_DESCENDING);
	g_assert_true(sorted_by_hours(table, TRUE));
	save_screenshot(root, "reports-sorted");
	gtk_column_view_sort_by_column(table, hours_column, GTK_SORT_ASCENDING);
	g_assert_true(sorted_by_hours(table, FALSE));

	ui_show_view(fixture, "records");
	/* a month with no hours yet: a row of its own */
	log_hours(fixture, 2, "2025-06-15", 5);
	ui_show_view(fixture, "reports");
	wait_until(page_is_idle, page, "the reports again");
	g_assert_cmpuint(count_rows(G_LIST_MODEL(gtk_column_view_get_model(table))), >, n_before);
}

/**
 * roster_app_ui_add_admin_tests:
 * @have_display: whether the tests can show a window
 *
 * Adds the test paths of the record settings, the audit log and the accounts, skipped
 * without a display.
 */
void
roster_app_ui_add_admin_tests(gboolean have_display)
{
	const UiTestPath tests[] = {
	    {"/roster/app-ui/record-settings", test_record_settings},
	    {"/roster/app-ui/audit-viewer", test_audit_viewer},
	    {"/roster/app-ui/accounts-editor", test_accounts_editor},
	    {"/roster/app-ui/reports-sort-coverage", test_reports},
	};

	ui_add_test_paths(tests, G_N_ELEMENTS(tests), have_display);
}
