/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* RosterPage, the base class of the window's pages: its busy count, reload that needs a
 * client, the client_changed seam and the cancellable that dies with the page */

#include "config.h"

#include "roster-page.h"

#define TEST_TYPE_PAGE (test_page_get_type())
G_DECLARE_FINAL_TYPE(TestPage, test_page, TEST, PAGE, RosterPage)

struct _TestPage {
	RosterPage parent_instance;
	guint n_reloads;
	guint n_client_changes;
};

G_DEFINE_FINAL_TYPE(TestPage, test_page, ROSTER_TYPE_PAGE)

static void
test_page_reload(RosterPage *page)
{
	TEST_PAGE(page)->n_reloads++;
}

static void
test_page_client_changed(RosterPage *page)
{
	TEST_PAGE(page)->n_client_changes++;
}

static void
test_page_class_init(TestPageClass *klass)
{
	RosterPageClass *page_class = ROSTER_PAGE_CLASS(klass);

	page_class->reload = test_page_reload;
	page_class->client_changed = test_page_client_changed;
}

static void
test_page_init(TestPage *self)
{
}

static void
count_notify_cb(GObject *object, GParamSpec *pspec, gpointer user_data)
{
	(*(guint *)user_data)++;
}

/* busy from the first call held to the last released, with one notify each way */
static void
test_busy(void)
{
	g_autoptr(TestPage) page = g_object_ref_sink(g_object_new(TEST_TYPE_PAGE, NULL));
	RosterPage *base = ROSTER_PAGE(page);
	guint n_notify = 0;

	g_signal_connect(page, "notify::busy", G_CALLBACK(count_notify_cb), &n_notify);
	g_assert_false(roster_page_get_busy(base));
	roster_page_hold(base);
	roster_page_hold(base);
	g_assert_true(roster_page_get_busy(base));
	g_assert_cmpuint(n_notify, ==, 1);
	roster_page_release(base);
	g_assert_true(roster_page_get_busy(base));
	g_assert_cmpuint(n_notify, ==, 1);
	roster_page_release(base);
	g_assert_false(roster_page_get_busy(base));
	g_assert_cmpuint(n_notify, ==, 2);
}

/* a page without a client has nothing to load; a new client is told once */
static void
test_reload_needs_client(void)
{
	g_autoptr(TestPage) page = g_object_ref_sink(g_object_new(TEST_TYPE_PAGE, NULL));
	g_autoptr(RosterClient) client = roster_client_new("http://127.0.0.1:1/api/v1");
	guint n_notify = 0;

	g_signal_connect(page, "notify::client", G_CALLBACK(count_notify_cb), &n_notify);
	roster_page_reload(ROSTER_PAGE(page));
	g_assert_cmpuint(page->n_reloads, ==, 0);
	roster_page_set_client(ROSTER_PAGE(page), client);
	roster_page_set_client(ROSTER_PAGE(page), client);
	g_assert_cmpuint(page->n_client_changes, ==, 1);
	g_assert_cmpuint(n_notify, ==, 1);
	g_assert_true(roster_page_get_client(ROSTER_PAGE(page)) == client);
	roster_page_reload(ROSTER_PAGE(page));
	g_assert_cmpuint(page->n_reloads, ==, 1);
	roster_page_set_client(ROSTER_PAGE(page), NULL);
	g_assert_cmpuint(page->n_client_changes, ==, 2);
	roster_page_reload(ROSTER_PAGE(page));
	g_assert_cmpuint(page->n_reloads, ==, 1);
}

/* the calls of a page that goes are cancelled, so no answer reaches it */
static void
test_cancel_on_dispose(void)
{
	TestPage *page = g_object_ref_sink(g_object_new(TEST_TYPE_PAGE, NULL));
	g_autoptr(GCancellable) cancellable =
	    g_object_ref(roster_page_get_cancellable(ROSTER_PAGE(page)));

	g_assert_false(g_cancellable_is_cancelled(cancellable));
	g_object_unref(page);
	g_assert_true(g_cancellable_is_cancelled(cancellable));
}

static void
skip_no_display(void)
{
	g_test_skip("no display");
}

int
main(int argc, char **argv)
{
	const struct {
		const gchar *path;
		GTestFunc func;
	} tests[] = {
	    {"/roster/page/busy", test_busy},
	    {"/roster/page/reload-needs-client", test_reload_needs_client},
	    {"/roster/page/cancel-on-dispose", test_cancel_on_dispose},
	};
	gboolean have_display;

	g_test_init(&argc, &argv, NULL);
	have_display = (g_getenv("DISPLAY") != NULL || g_getenv("WAYLAND_DISPLAY") != NULL) &&
		       gtk_init_check();
	for (guint i = 0; i < G_N_ELEMENTS(tests); i++)
		g_test_add_func(tests[i].path, have_display ? tests[i].func : skip_no_display);
	return g_test_run();
}
