/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the store: opening the database file (migrated by roster-store-migrate.c), the
 * statement cache, transactions, backups and restores */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "roster-store-private.h"

#define BUSY_TIMEOUT_MS 5000

struct _RosterStore {
	GObject parent_instance;
	gchar *path;
	sqlite3 *db;
	/* static SQL text (by address) -> sqlite3_stmt */
	GHashTable *stmts;
	gint schema_version;
};

G_DEFINE_FINAL_TYPE(RosterStore, roster_store, G_TYPE_OBJECT)

void
roster_stmt_release(RosterStmt *stmt)
{
	/* the step's own result was already checked; this only readies the next use */
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

static void
stmt_finalize_cb(gpointer data)
{
	sqlite3_finalize(data);
}

void
roster_store_set_sqlite_error(RosterStore *self, gint rc, const gchar *what, GError **error)
{
	gint code = ROSTER_ERROR_INTERNAL;

	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		code = ROSTER_ERROR_BUSY;
	g_set_error(error,
		    ROSTER_ERROR,
		    code,
		    "%s: %s",
		    what,
		    self->db != NULL ? sqlite3_errmsg(self->db) : sqlite3_errstr(rc));
}

sqlite3 *
roster_store_get_db(RosterStore *self)
{
	return self->db;
}

RosterStmt *
roster_store_prepare(RosterStore *self, const gchar *sql, GError **error)
{
	sqlite3_stmt *stmt;
	gint rc;

	if (self->db == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "the database is not open");
		return NULL;
	}
	stmt = g_hash_table_lookup(self->stmts, sql);
	if (stmt != NULL)
		return stmt;
	rc = sqlite3_prepare_v3(self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "preparing a statement", error);
		return NULL;
	}
	g_hash_table_insert(self->stmts, (gpointer)sql, stmt);
	return stmt;
}

gboolean
roster_store_check_bind(RosterStore *self, gint rc, GError **error)
{
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "binding a value", error);
		return FALSE;
	}
	return TRUE;
}

gboolean
roster_store_bind_text(RosterStore *self,
		       RosterStmt *stmt,
		       gint index,
		       const gchar *text,
		       GError **error)
{
	if (text == NULL)
		return roster_store_check_bind(self, sqlite3_bind_null(stmt, index), error);
	return roster_store_check_bind(self,
				       sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT),
				       error);
}

gint
roster_store_step(RosterStore *self, RosterStmt *stmt, GError **error)
{
	gint rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	roster_store_set_sqlite_error(self, rc, "running a statement", error);
	return -1;
}

gboolean
roster_store_step_done(RosterStore *self, RosterStmt *stmt, GError **error)
{
	gint rc = roster_store_step(self, stmt, error);

	if (rc < 0)
		return FALSE;
	if (rc != SQLITE_DONE) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "a statement returned rows where none were expected");
		return FALSE;
	}
	return TRUE;
}

static void
close_db(RosterStore *self)
{
	g_hash_table_remove_all(self->stmts);
	if (self->db != NULL) {
		sqlite3_close(self->db);
		self->db = NULL;
	}
}

/* the database holds personal data: a file we create is the owner's only, whatever the
 * umask, and SQLite gives the -wal, -shm and -journal files it creates beside it the
 * same mode; a file that already exists is left as it is */
static gboolean
create_private_file(const gchar *path, GError **error)
{
	gint fd = g_open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		gint saved_errno = errno;
		if (saved_errno == EEXIST)
			return TRUE;
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "cannot create %s: %s",
			    path,
			    g_strerror(saved_errno));
		return FALSE;
	}
	return g_close(fd, error);
}

static gboolean
open_db(RosterStore *self, GError **error)
{
	gint64 version = 0;
	g_autofree gchar *mode = NULL;
	gint rc;

	if (!create_private_file(self->path, error))
		return FALSE;
	rc = sqlite3_open_v2(self->path,
			     &self->db,
			     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			     NULL);
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "opening the database", error);
		return FALSE;
	}
	sqlite3_extended_result_codes(self->db, 1);
	rc = sqlite3_busy_timeout(self->db, BUSY_TIMEOUT_MS);
	if (rc != SQLITE_OK) {
		roster_store_set_sqlite_error(self, rc, "setting the busy timeout", error);
		return FALSE;
	}
	if (!roster_store_exec(self, "PRAGMA foreign_keys = ON", "enabling foreign keys", error))
		return FALSE;
	/* read before writing anything, so that a file we cannot use stays untouched */
	if (!roster_store_check_schema(self, &version, error))
		return FALSE;
	if (!roster_store_migrate(self, version, error))
		return FALSE;
	if (!roster_store_query_text(self, "PRAGMA journal_mode = WAL", &mode, error))
		return FALSE;
	if (g_ascii_strcasecmp(mode, "wal") != 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "cannot use write-ahead logging, the journal mode is %s",
			    mode);
		return FALSE;
	}
	if (!roster_store_exec(self,
			       "PRAGMA synchronous = NORMAL",
			       "setting synchronous mode",
			       error))
		return FALSE;
	self->schema_version = ROSTER_STORE_SCHEMA_VERSION;
	return TRUE;
}

/**
 * roster_store_open:
 * @self: a #RosterStore
 * @error: a #GError, or %NULL
 *
 * Opens the database, creating the file and its folder when missing and migrating
 * an older schema. Opening an open store does nothing.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_store_open(RosterStore *self, GError **error)
{
	g_autofree gchar *dir = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(error == NULL || *error == NULL, FALSE);

	if (self->db != NULL)
		return TRUE;
	dir = g_path_get_dirname(self->path);
	if (g_mkdir_with_parents(dir, 0700) != 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "cannot create %s: %s",
			    dir,
			    g_strerror(errno));
		return FALSE;
	}
	if (!open_db(self, error)) {
		close_db(self);
		return FALSE;
	}
	return TRUE;
}

gboolean
roster_store_is_open(RosterStore *self)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	return self->db != NULL;
}

const gchar *
roster_store_get_path(RosterStore *self)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	return self->path;
}

/**
 * roster_store_get_schema_version:
 * @self: a #RosterStore
 *
 * Returns: the schema version of the open database, or 0 when closed
 *
 * Since: 0.1
 **/
gint
roster_store_get_schema_version(RosterStore *self)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), 0);
	return self->db != NULL ? self->schema_version : 0;
}

gboolean
roster_store_begin(RosterStore *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	if (self->db == NULL) {
		g_set_error_literal(error,
				    ROSTER_ERROR,
				    ROSTER_ERROR_INTERNAL,
				    "the database is not open");
		return FALSE;
	}
	return roster_store_exec(self, "BEGIN IMMEDIATE", "starting a transaction", error);
}

gboolean
roster_store_commit(RosterStore *self, GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	if (!roster_store_exec(self, "COMMIT", "committing a transaction", error)) {
		roster_store_rollback(self);
		return FALSE;
	}
	return TRUE;
}

void
roster_store_rollback(RosterStore *self)
{
	g_return_if_fail(ROSTER_IS_STORE(self));
	if (self->db == NULL || sqlite3_get_autocommit(self->db))
		return;
	if (sqlite3_exec(self->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		g_warning("rolling back failed: %s", sqlite3_errmsg(self->db));
}

static gboolean
copy_database(sqlite3 *dest, sqlite3 *src, GError **error)
{
	sqlite3_backup *backup = sqlite3_backup_init(dest, "main", src, "main");
	gint rc;

	if (backup == NULL) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "starting the copy: %s",
			    sqlite3_errmsg(dest));
		return FALSE;
	}
	do {
		rc = sqlite3_backup_step(backup, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(10);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "copying the database: %s",
			    sqlite3_errstr(rc));
		return FALSE;
	}
	return TRUE;
}

/**
 * roster_store_backup:
 * @self: a #RosterStore
 * @path: the backup file to write
 * @error: a #GError, or %NULL
 *
 * Copies the live database into @path with SQLite's online backup, through a
 * temporary file renamed into place, so that @path is always a whole database. A new
 * backup file may be read by its owner only.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_store_backup(RosterStore *self, const gchar *path, GError **error)
{
	g_autofree gchar *tmp = NULL;
	sqlite3 *dest = NULL;
	gboolean ok;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(path != NULL, FALSE);

	if (!roster_store_open(self, error))
		return FALSE;
	tmp = g_strdup_printf("%s.tmp-%08x", path, g_random_int());
	if (!create_private_file(tmp, error))
		return FALSE;
	rc = sqlite3_open_v2(tmp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "cannot create %s: %s",
			    tmp,
			    dest != NULL ? sqlite3_errmsg(dest) : sqlite3_errstr(rc));
		sqlite3_close(dest);
		return FALSE;
	}
	ok = copy_database(dest, self->db, error);
	/* a backup is one self-contained file */
	if (ok &&
	    sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "finishing the backup: %s",
			    sqlite3_errmsg(dest));
		ok = FALSE;
	}
	sqlite3_close(dest);
	if (ok && g_rename(tmp, path) != 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "cannot write %s: %s",
			    path,
			    g_strerror(errno));
		ok = FALSE;
	}
	if (!ok)
		g_unlink(tmp);
	return ok;
}

/* copies @src to the new file @dest, which only its owner may read, as the database */
static gboolean
copy_file_private(GFile *src, GFile *dest, GError **error)
{
	g_autoptr(GFileInputStream) input = NULL;
	g_autoptr(GFileOutputStream) output = NULL;

	input = g_file_read(src, NULL, error);
	if (input == NULL)
		return FALSE;
	output = g_file_create(dest, G_FILE_CREATE_PRIVATE, NULL, error);
	if (output == NULL)
		return FALSE;
	return g_output_stream_splice(G_OUTPUT_STREAM(output),
				      G_INPUT_STREAM(input),
				      G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
					  G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
				      NULL,
				      error) >= 0;
}

static gboolean
restore_from_copy(RosterStore *self, const gchar *copy_path, GError **error)
{
	g_autoptr(RosterStore) source = roster_store_new(copy_path);

	/* opening checks the file is a roster database and migrates it */
	if (!roster_store_open(source, error))
		return FALSE;
	if (sqlite3_exec(source->db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		roster_store_set_sqlite_error(source, SQLITE_ERROR, "reading the backup", error);
		return FALSE;
	}
	/* cached statements may refer to the old schema */
	g_hash_table_remove_all(self->stmts);
	return copy_database(self->db, source->db, error);
}

/**
 * roster_store_restore:
 * @self: a #RosterStore
 * @path: a backup file made by roster_store_backup()
 * @error: a #GError, or %NULL
 *
 * Replaces the live database with the backup in @path. The file is checked and
 * migrated on a private copy first, so @path itself is never changed; a file that is
 * not a usable roster database is refused and the live data stays as it was.
 *
 * Returns: %TRUE on success
 *
 * Since: 0.1
 **/
gboolean
roster_store_restore(RosterStore *self, const gchar *path, GError **error)
{
	g_autoptr(GFile) src = NULL;
	g_autoptr(GFile) dest = NULL;
	g_autofree gchar *copy_path = NULL;
	g_autofree gchar *wal = NULL;
	g_autofree gchar *shm = NULL;
	g_autoptr(GError) error_local = NULL;
	gboolean ok;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	g_return_val_if_fail(path != NULL, FALSE);

	if (!roster_store_open(self, error))
		return FALSE;
	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
		g_set_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND, "%s: no such file", path);
		return FALSE;
	}
	copy_path = g_strdup_printf("%s.restore-%08x", self->path, g_random_int());
	src = g_file_new_for_path(path);
	dest = g_file_new_for_path(copy_path);
	if (!copy_file_private(src, dest, &error_local)) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_INTERNAL,
			    "copying %s: %s",
			    path,
			    error_local->message);
		return FALSE;
	}
	ok = restore_from_copy(self, copy_path, error);
	if (!ok)
		g_prefix_error(error, "restoring %s: ", path);
	wal = g_strdup_printf("%s-wal", copy_path);
	shm = g_strdup_printf("%s-shm", copy_path);
	g_unlink(copy_path);
	g_unlink(wal);
	g_unlink(shm);
	return ok;
}

static void
roster_store_finalize(GObject *object)
{
	RosterStore *self = ROSTER_STORE(object);

	close_db(self);
	g_hash_table_unref(self->stmts);
	g_free(self->path);
	G_OBJECT_CLASS(roster_store_parent_class)->finalize(object);
}

static void
roster_store_class_init(RosterStoreClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = roster_store_finalize;
}

static void
roster_store_init(RosterStore *self)
{
	self->stmts = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, stmt_finalize_cb);
}

/**
 * roster_store_new:
 * @path: the database file
 *
 * Returns: (transfer full): a store; nothing is opened until roster_store_open()
 *
 * Since: 0.1
 **/
RosterStore *
roster_store_new(const gchar *path)
{
	RosterStore *self;

	g_return_val_if_fail(path != NULL, NULL);
	self = g_object_new(ROSTER_TYPE_STORE, NULL);
	self->path = g_strdup(path);
	return self;
}
