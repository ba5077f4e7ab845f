/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "roster-engine-calendar.h"
#include "roster-json-keys.h"
#include "roster-store.h"
#include "roster-test-common.h"

typedef struct {
	gchar *tmpdir;
} StoreFixture;

static void
store_setup(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;

	fixture->tmpdir = g_dir_make_tmp("roster-store-test-XXXXXX", &error);
	g_assert_no_error(error);
}

static void
store_teardown(StoreFixture *fixture, gconstpointer user_data)
{
	roster_test_remove_tree(fixture->tmpdir);
	g_free(fixture->tmpdir);
}

static RosterRecord *
new_team(const gchar *name)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = g_strdup_printf("{\"name\":\"%s\"}", name);
	g_autoptr(JsonNode) body = roster_test_json(text);
	RosterRecord *record = roster_record_from_json(roster_kind_lookup(ROSTER_COLLECTION_TEAMS),
						       body,
						       NULL,
						       &error);

	g_assert_no_error(error);
	return record;
}

static void
test_create_file(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = g_build_filename(fixture->tmpdir, "a", "b", "roster.db", NULL);
	g_autoptr(RosterStore) store = roster_store_new(path);

	g_assert_false(roster_store_is_open(store));
	g_assert_true(roster_store_open(store, &error));
	g_assert_no_error(error);
	g_assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
	g_assert_cmpint(roster_store_get_schema_version(store), ==, ROSTER_STORE_SCHEMA_VERSION);
	/* opening twice is harmless */
	g_assert_true(roster_store_open(store, &error));
}

static void
test_record_round_trip(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	g_autoptr(RosterStore) store = roster_store_new(path);
	g_autoptr(RosterRecord) team = new_team("早班");
	g_autoptr(RosterRecord) got = NULL;
	const RosterKind *kind = roster_kind_lookup(ROSTER_COLLECTION_TEAMS);

	g_assert_true(roster_store_open(store, &error));
	g_assert_true(roster_store_insert_record(store, team, "2026-01-01T00:00:00Z", &error));
	g_assert_no_error(error);
	g_assert_cmpint(roster_record_get_id(team), >, 0);
	got = roster_store_get_record(store, kind, roster_record_get_id(team), &error);
	g_assert_no_error(error);
	g_assert_cmpstr(roster_record_get_string(got, ROSTER_KEY_NAME), ==, "早班");
	g_assert_cmpint(roster_record_get_revision(got), ==, 1);
	g_assert_cmpstr(roster_record_get_created(got), ==, "2026-01-01T00:00:00Z");
	g_assert_true(JSON_NODE_HOLDS_NULL(roster_record_get_value(got, ROSTER_KEY_COLOUR)));

	g_assert_true(roster_store_update_record(store, got, "2026-01-02T00:00:00Z", &error));
	g_assert_cmpint(roster_record_get_revision(got), ==, 2);
	/* the first copy is stale now */
	g_assert_false(roster_store_update_record(store, team, "2026-01-03T00:00:00Z", &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
	g_clear_error(&error);

	g_assert_true(roster_store_delete_record(store, kind, roster_record_get_id(team), &error));
	g_assert_false(roster_store_delete_record(store, kind, roster_record_get_id(team), &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
}

static void
test_unique(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	g_autoptr(RosterStore) store = roster_store_new(path);
	g_autoptr(RosterRecord) first = new_team("同名");
	g_autoptr(RosterRecord) second = new_team("同名");

	g_assert_true(roster_store_open(store, &error));
	g_assert_true(roster_store_insert_record(store, first, "2026-01-01T00:00:00Z", &error));
	g_assert_false(roster_store_insert_record(store, second, "2026-01-01T00:00:00Z", &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_ALREADY_EXISTS);
	g_assert_cmpstr(error->message, ==, "name: already taken by another record");
}

static void
test_transaction_rollback(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	g_autoptr(RosterStore) store = roster_store_new(path);
	g_autoptr(RosterRecord) team = new_team("回滚");
	gboolean exists = TRUE;

	g_assert_true(roster_store_open(store, &error));
	g_assert_true(roster_store_begin(store, &error));
	g_assert_true(roster_store_insert_record(store, team, "2026-01-01T00:00:00Z", &error));
	roster_store_rollback(store);
	g_assert_true(roster_store_record_exists(store,
						 ROSTER_COLLECTION_TEAMS,
						 roster_record_get_id(team),
						 &exists,
						 &error));
	g_assert_false(exists);
}

static void
test_reopen_keeps_data(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	g_autoptr(RosterRecord) team = new_team("持久");
	gboolean exists = FALSE;

	{
		g_autoptr(RosterStore) store = roster_store_new(path);
		g_assert_true(roster_store_open(store, &error));
		g_assert_true(
		    roster_store_insert_record(store, team, "2026-01-01T00:00:00Z", &error));
	}
	{
		g_autoptr(RosterStore) store = roster_store_new(path);
		g_assert_true(roster_store_open(store, &error));
		g_assert_true(roster_store_record_exists(store,
							 ROSTER_COLLECTION_TEAMS,
							 roster_record_get_id(team),
							 &exists,
							 &error));
		g_assert_no_error(error);
		g_assert_true(exists);
	}
}

static void
test_migrate_v1(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = roster_test_copy_data("roster-v1.db", fixture->tmpdir);
	g_autoptr(RosterEngine) engine = roster_engine_new(path);
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(engine);
	g_autoptr(JsonNode) first = NULL;
	g_autoptr(JsonNode) audit = NULL;
	g_autoptr(JsonNode) avail = NULL;
	g_autoptr(JsonNode) patch =
	    roster_test_json("{\"revision\":3,\"honour_roll_consent\":true}");
	g_autoptr(JsonNode) updated = NULL;
	g_autoptr(RosterStore) store = NULL;
	JsonObject *obj;

	roster_engine_set_fast_password_hashing(engine, TRUE);
	g_assert_true(roster_engine_open(engine, &error));
	g_assert_no_error(error);
	first = roster_engine_get(engine, admin, ROSTER_COLLECTION_VOLUNTEERS, 0, 1, &error);
	g_assert_no_error(error);
	obj = json_node_get_object(first);
	g_assert_cmpstr(json_object_get_string_member(obj, ROSTER_KEY_NAME), ==, "王芳");
	g_assert_cmpstr(json_object_get_string_member(obj, ROSTER_KEY_PHONE), ==, "13800000001");
	g_assert_cmpint(json_object_get_int_member(obj, ROSTER_KEY_REVISION), ==, 3);
	g_assert_cmpint(json_object_get_int_member(obj, ROSTER_KEY_MAX_HOURS_MONTH), ==, 40);
	g_assert_cmpint(json_object_get_int_member(obj, ROSTER_KEY_TEAM_ID), ==, 1);
	/* the column version 2 added, with its default */
	g_assert_false(json_object_get_boolean_member(obj, ROSTER_KEY_HONOUR_ROLL_CONSENT));
	g_assert_cmpint(roster_test_count(&(RosterTestFixture){.engine = engine, .admin = admin},
					  ROSTER_COLLECTION_VOLUNTEERS,
					  0),
			==,
			2);
	avail = roster_engine_list(engine, admin, ROSTER_COLLECTION_AVAILABILITY, 1, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(avail), ROSTER_KEY_TOTAL),
			==,
			1);
	audit = roster_engine_list(engine, admin, ROSTER_COLLECTION_AUDIT, 0, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpint(json_object_get_int_member(json_node_get_object(audit), ROSTER_KEY_TOTAL),
			==,
			1);
	updated =
	    roster_engine_update(engine, admin, ROSTER_COLLECTION_VOLUNTEERS, 0, 1, patch, &error);
	g_assert_no_error(error);
	g_assert_true(json_object_get_boolean_member(json_node_get_object(updated),
						     ROSTER_KEY_HONOUR_ROLL_CONSENT));

	g_clear_object(&engine);
	store = roster_store_new(path);
	g_assert_true(roster_store_open(store, &error));
	g_assert_cmpint(roster_store_get_schema_version(store), ==, ROSTER_STORE_SCHEMA_VERSION);
}

static GBytes *
read_bytes(const gchar *path)
{
	g_autoptr(GError) error = NULL;
	gchar *contents = NULL;
	gsize len = 0;

	g_file_get_contents(path, &contents, &len, &error);
	g_assert_no_error(error);
	return g_bytes_new_take(contents, len);
}

static void
test_too_new_refused(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = roster_test_copy_data("roster-v99.db", fixture->tmpdir);
	g_autoptr(GBytes) before = read_bytes(path);
	g_autoptr(GBytes) after = NULL;
	g_autoptr(RosterStore) store = roster_store_new(path);

	g_assert_false(roster_store_open(store, &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_SUPPORTED);
	g_assert_false(roster_store_is_open(store));
	g_clear_object(&store);
	after = read_bytes(path);
	g_assert_true(g_bytes_equal(before, after));
}

static void
test_failed_migration_keeps_file(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = roster_test_copy_data("roster-v1-bad.db", fixture->tmpdir);
	g_autofree gchar *journal = g_strdup_printf("%s-journal", path);
	g_autoptr(GBytes) before = read_bytes(path);
	g_autoptr(GBytes) after = NULL;
	g_autoptr(RosterEngine) engine = roster_engine_new(path);

	g_assert_false(roster_engine_open(engine, &error));
	g_assert_nonnull(error);
	g_assert_nonnull(strstr(error->message, "schema version 2"));
	g_clear_object(&engine);
	g_assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
	g_assert_false(g_file_test(journal, G_FILE_TEST_EXISTS));
	after = read_bytes(path);
	g_assert_true(g_bytes_equal(before, after));
}

/* the VEVENT of @uid in @text, or NULL */
static gchar *
dup_event(const gchar *text, const gchar *uid)
{
	g_autofree gchar *needle = g_strdup_printf("UID:%s\r\n", uid);
	const gchar *at = strstr(text, needle);
	const gchar *begin;
	const gchar *end;

	if (at == NULL)
		return NULL;
	begin = g_strrstr_len(text, at - text, "BEGIN:VEVENT");
	end = strstr(at, "END:VEVENT");
	g_assert_nonnull(begin);
	g_assert_nonnull(end);
	return g_strndup(begin, end - begin);
}

/* a schema version 4 file gets the index of its published history, and the calendar
 * read through it keeps SEQUENCE and STATUS:CANCELLED */
static void
test_migrate_v4(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = roster_test_copy_data("roster-v4.db", fixture->tmpdir);
	g_autoptr(RosterEngine) engine = roster_engine_new(path);
	g_autoptr(RosterPrincipal) admin = roster_engine_dup_local_principal(engine);
	g_autoptr(RosterCalendarFeed) feed = NULL;
	g_autoptr(RosterCalendarFeed) other = NULL;
	g_autoptr(RosterStore) store = NULL;
	g_autofree gchar *moved = NULL;
	g_autofree gchar *removed = NULL;
	g_autofree gchar *kept = NULL;

	g_assert_true(roster_engine_open(engine, &error));
	g_assert_no_error(error);
	feed = roster_engine_export_calendar(engine, admin, 0, 0, 0, 1, FALSE, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(feed->n_events, ==, 2);
	/* moved in version 2: one change */
	moved = dup_event(feed->text, "1-1@1.hotline-roster");
	g_assert_nonnull(moved);
	g_assert_nonnull(strstr(moved, "DTSTART;TZID=Asia/Shanghai:20260307T200000\r\n"));
	g_assert_nonnull(strstr(moved, "SEQUENCE:1\r\n"));
	g_assert_nonnull(strstr(moved, "STATUS:CONFIRMED\r\n"));
	/* dropped by version 2 */
	removed = dup_event(feed->text, "2-1@1.hotline-roster");
	g_assert_nonnull(removed);
	g_assert_nonnull(strstr(removed, "DTSTART;TZID=Asia/Shanghai:20260306T080000\r\n"));
	g_assert_nonnull(strstr(removed, "SEQUENCE:1\r\n"));
	g_assert_nonnull(strstr(removed, "STATUS:CANCELLED\r\n"));
	/* the second publication is the last change */
	g_assert_cmpint(feed->last_modified, ==, 1772006400);
	other = roster_engine_export_calendar(engine, admin, 1, 0, 0, 2, FALSE, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(other->n_events, ==, 1);
	kept = dup_event(other->text, "3-2@1.hotline-roster");
	g_assert_nonnull(kept);
	g_assert_nonnull(strstr(kept, "SEQUENCE:0\r\n"));
	g_assert_nonnull(strstr(kept, "STATUS:CONFIRMED\r\n"));

	g_clear_object(&engine);
	store = roster_store_new(path);
	g_assert_true(roster_store_open(store, &error));
	g_assert_no_error(error);
	g_assert_cmpint(roster_store_get_schema_version(store), ==, ROSTER_STORE_SCHEMA_VERSION);
}

static void
assert_private(const gchar *path)
{
	GStatBuf st;

	g_assert_cmpint(g_stat(path, &st), ==, 0);
	if ((st.st_mode & 077) != 0)
		g_test_message("%s has mode %o", path, (guint)(st.st_mode & 0777));
	g_assert_cmpint(st.st_mode & 077, ==, 0);
}

/* the database, its -wal and -shm files and a backup hold personal data: only the
 * owner may read them, even under the usual umask of 022 */
static void
test_file_modes(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = g_build_filename(fixture->tmpdir, "roster.db", NULL);
	g_autofree gchar *wal = g_strconcat(path, "-wal", NULL);
	g_autofree gchar *shm = g_strconcat(path, "-shm", NULL);
	g_autofree gchar *backup = g_build_filename(fixture->tmpdir, "backup.db", NULL);
	g_autoptr(RosterRecord) team = new_team("私密");
	g_autoptr(RosterStore) store = roster_store_new(path);
	mode_t saved = umask(022);

	g_assert_true(roster_store_open(store, &error));
	g_assert_no_error(error);
	g_assert_true(roster_store_insert_record(store, team, "2026-01-01T00:00:00Z", &error));
	g_assert_no_error(error);
	g_assert_true(roster_store_backup(store, backup, &error));
	g_assert_no_error(error);
	umask(saved);

	assert_private(path);
	assert_private(wal);
	assert_private(shm);
	assert_private(backup);
}

/* schema 7: a calendar of an older file gets no overrides and the night 23:00-08:00 it
 * had before; overrides and a night window of its own are kept as written */
static void
test_migrate_calendar_v7(StoreFixture *fixture, gconstpointer user_data)
{
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = roster_test_copy_data("roster-v4.db", fixture->tmpdir);
	g_autoptr(RosterStore) store = roster_store_new(path);
	const RosterKind *kind = roster_kind_lookup(ROSTER_COLLECTION_CALENDARS);
	g_autoptr(RosterRecord) calendar = NULL;
	g_autoptr(RosterRecord) edited = NULL;
	g_autoptr(RosterRecord) got = NULL;
	g_autoptr(JsonNode) patch = roster_test_json(
	    "{\"revision\":1,\"night_start\":\"22:00\",\"night_end\":\"06:00\",\"overrides\":["
	    "{\"date_from\":\"2027-10-01\",\"date_to\":\"2027-10-03\",\"windows\":[],"
	    "\"note\":\"国庆\"}]}");
	g_autofree gchar *text = NULL;
	JsonNode *overrides;

	g_assert_true(roster_store_open(store, &error));
	g_assert_no_error(error);
	calendar = roster_store_get_record(store, kind, 1, &error);
	g_assert_no_error(error);
	overrides = roster_record_get_value(calendar, ROSTER_KEY_OVERRIDES);
	g_assert_true(JSON_NODE_HOLDS_ARRAY(overrides));
	g_assert_cmpuint(json_array_get_length(json_node_get_array(overrides)), ==, 0);
	g_assert_cmpstr(roster_record_get_string(calendar, ROSTER_KEY_NIGHT_START), ==, "23:00");
	g_assert_cmpstr(roster_record_get_string(calendar, ROSTER_KEY_NIGHT_END), ==, "08:00");

	edited = roster_record_from_json(kind, patch, calendar, &error);
	g_assert_no_error(error);
	g_assert_true(roster_store_update_record(store, edited, "2027-01-01T00:00:00Z", &error));
	g_assert_no_error(error);
	got = roster_store_get_record(store, kind, 1, &error);
	g_assert_no_error(error);
	g_assert_cmpstr(roster_record_get_string(got, ROSTER_KEY_NIGHT_START), ==, "22:00");
	g_assert_cmpstr(roster_record_get_string(got, ROSTER_KEY_NIGHT_END), ==, "06:00");
	text = json_to_string(roster_record_get_value(got, ROSTER_KEY_OVERRIDES), FALSE);
	g_assert_cmpstr(text,
			==,
			"[{\"date_from\":\"2027-10-01\",\"date_to\":\"2027-10-03\",\"windows\":[],"
			"\"note\":\"国庆\"}]");
}

#define ADD(path, func) g_test_add(path, StoreFixture, NULL, store_setup, func, store_teardown)

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	ADD("/roster/store/create-file", test_create_file);
	ADD("/roster/store/record-round-trip", test_record_round_trip);
	ADD("/roster/store/unique", test_unique);
	ADD("/roster/store/transaction-rollback", test_transaction_rollback);
	ADD("/roster/store/reopen-keeps-data", test_reopen_keeps_data);
	ADD("/roster/store/migrate-v1", test_migrate_v1);
	ADD("/roster/store/migrate-v4", test_migrate_v4);
	ADD("/roster/store/migrate-calendar-v7", test_migrate_calendar_v7);
	ADD("/roster/store/too-new-refused", test_too_new_refused);
	ADD("/roster/store/failed-migration-keeps-file", test_failed_migration_keeps_file);
	ADD("/roster/store/file-modes", test_file_modes);
	return g_test_run();
}
