/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the outbox's states on a real SQLite file: claim, a restart after a kill, sent, resend;
 * and the alerts to the coordinators, each recorded once across a reopen */

#include "config.h"

#include "roster-store-alerts.h"
#include "roster-store-outbox.h"
#include "roster-test-common.h"

static RosterStore *
open_store(const gchar *path)
{
	g_autoptr(GError) error = NULL;
	RosterStore *store = roster_store_new(path);

	g_assert_true(roster_store_open(store, &error));
	g_assert_no_error(error);
	return store;
}

static gint64
insert(RosterStore *store, gint64 due)
{
	g_autoptr(GError) error = NULL;
	RosterOutboxMessage m = {
	    .kind = (gchar *)"publish",
	    .address = (gchar *)"a@example.org",
	    .transport = (gchar *)"email",
	    .subject = (gchar *)"s",
	    .body = (gchar *)"b",
	    .language = (gchar *)"zh-CN",
	    .next_attempt = due,
	    .created = (gchar *)"2026-12-04T00:00:00Z",
	};
	gint64 id = roster_store_outbox_insert(store, &m, &error);

	g_assert_no_error(error);
	g_assert_cmpint(id, >, 0);
	return id;
}

static void
test_outbox_claim_restart(void)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *tmpdir = g_dir_make_tmp("roster-outbox-test-XXXXXX", NULL);
	g_autofree gchar *path = g_build_filename(tmpdir, "roster.db", NULL);
	g_autoptr(RosterStore) store = open_store(path);
	g_autoptr(RosterOutboxMessage) m = NULL;
	g_autoptr(RosterOutboxMessage) again = NULL;
	g_autoptr(RosterOutboxMessage) none = NULL;
	gint64 first = insert(store, 1000);
	gint64 later = insert(store, 2000);
	gint64 due = 0;

	/* the due one is claimed: sending, its attempt counted */
	m = roster_store_outbox_claim(store, 1500, &error);
	g_assert_no_error(error);
	g_assert_nonnull(m);
	g_assert_cmpint(m->id, ==, first);
	g_assert_cmpstr(m->state, ==, ROSTER_OUTBOX_STATE_SENDING);
	g_assert_cmpint(m->attempts, ==, 1);

	/* killed mid-send: a new store on the file finds it again */
	g_clear_object(&store);
	store = open_store(path);
	again = roster_store_outbox_claim(store, 1500, &error);
	g_assert_no_error(error);
	g_assert_nonnull(again);
	g_assert_cmpint(again->id, ==, first);
	g_assert_cmpint(again->attempts, ==, 2);

	/* marked sent, it is never claimed again; the other is not due yet */
	g_assert_true(roster_store_outbox_finish(store,
						 first,
						 ROSTER_OUTBOX_STATE_SENT,
						 2,
						 1500,
						 NULL,
						 "2026-12-04T00:25:00Z",
						 &error));
	g_assert_no_error(error);
	none = roster_store_outbox_claim(store, 1999, &error);
	g_assert_no_error(error);
	g_assert_null(none);
	g_assert_true(roster_store_outbox_next_due(store, &due, &error));
	g_assert_cmpint(due, ==, 2000);
	g_clear_pointer(&m, roster_outbox_message_free);
	m = roster_store_outbox_claim(store, 2000, &error);
	g_assert_no_error(error);
	g_assert_cmpint(m->id, ==, later);

	/* a message being sent is not resent; a sent one is, from scratch */
	g_assert_false(roster_store_outbox_resend(store, later, 2100, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);
	g_assert_true(roster_store_outbox_resend(store, first, 2100, &error));
	g_assert_no_error(error);
	g_clear_pointer(&again, roster_outbox_message_free);
	again = roster_store_outbox_get(store, first, &error);
	g_assert_cmpstr(again->state, ==, ROSTER_OUTBOX_STATE_PENDING);
	g_assert_cmpint(again->attempts, ==, 0);
	g_assert_cmpint(again->next_attempt, ==, 2100);

	g_clear_object(&store);
	roster_test_remove_tree(tmpdir);
}

static gboolean
add_alert(RosterStore *store, const gchar *kind, const gchar *seat)
{
	g_autoptr(GError) error = NULL;
	gboolean added = FALSE;

	g_assert_true(roster_store_alert_add(store, 1, kind, seat, 1000, &added, &error));
	g_assert_no_error(error);
	return added;
}

static void
test_alerts_once(void)
{
	g_autofree gchar *tmpdir = g_dir_make_tmp("roster-outbox-test-XXXXXX", NULL);
	g_autofree gchar *path = g_build_filename(tmpdir, "roster.db", NULL);
	g_autoptr(RosterStore) store = open_store(path);

	g_assert_true(add_alert(store, "escalation", "a7-v3"));
	g_assert_false(add_alert(store, "escalation", "a7-v3"));
	/* another kind or another seat is another alert */
	g_assert_true(add_alert(store, "uncovered", "a7-v3"));
	g_assert_true(add_alert(store, "escalation", "a7-v4"));
	/* the record outlives the connection: a restarted daemon does not alert again */
	g_clear_object(&store);
	store = open_store(path);
	g_assert_false(add_alert(store, "escalation", "a7-v3"));
	g_assert_false(add_alert(store, "uncovered", "a7-v3"));

	g_clear_object(&store);
	roster_test_remove_tree(tmpdir);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/roster/store/outbox/claim-restart", test_outbox_claim_restart);
	g_test_add_func("/roster/store/outbox/alerts-once", test_alerts_once);
	return g_test_run();
}
