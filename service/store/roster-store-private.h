/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <sqlite3.h>

#include "roster-store.h"

G_BEGIN_DECLS

/* every statement is finalised on every path */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3_stmt, sqlite3_finalize)

/* a cached statement borrowed from the store: the cleanup resets it for the next use */
typedef sqlite3_stmt RosterStmt;
void
roster_stmt_release(RosterStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterStmt, roster_stmt_release)

/* the columns of version_shifts after roster_id and number, read from one element e of
 * a version's JSON array as the calendar reads it: a missing member is 0 or empty */
#define ROSTER_STORE_VERSION_SHIFT_COLUMNS                                                         \
	"IFNULL(json_extract(e.value, '$.id'), 0),"                                                \
	" IFNULL(json_extract(e.value, '$.volunteer_id'), 0),"                                     \
	" IFNULL(json_extract(e.value, '$.seat_class_id'), 0),"                                    \
	" IFNULL(json_extract(e.value, '$.date'), ''),"                                            \
	" IFNULL(json_extract(e.value, '$.slot'), '')"

sqlite3 *
roster_store_get_db(RosterStore *self);
/* @sql must be a static string: the cache is keyed by its address */
RosterStmt *
roster_store_prepare(RosterStore *self, const gchar *sql, GError **error);
/* returns SQLITE_ROW or SQLITE_DONE, or -1 with @error set */
gint
roster_store_step(RosterStore *self, RosterStmt *stmt, GError **error);
gboolean
roster_store_step_done(RosterStore *self, RosterStmt *stmt, GError **error);
/* FALSE with @error set when a bind's @rc is no SQLITE_OK */
gboolean
roster_store_check_bind(RosterStore *self, gint rc, GError **error);
/* binds @text to ?@index, or null when @text is NULL */
gboolean
roster_store_bind_text(RosterStore *self,
		       RosterStmt *stmt,
		       gint index,
		       const gchar *text,
		       GError **error);
/* runs statements without results */
gboolean
roster_store_exec(RosterStore *self, const gchar *sql, const gchar *what, GError **error);
gboolean
roster_store_query_text(RosterStore *self, const gchar *sql, gchar **value, GError **error);
/* roster-store-migrate.c: the schema version of the open file, checked, and the ladder */
gboolean
roster_store_check_schema(RosterStore *self, gint64 *version, GError **error);
gboolean
roster_store_migrate(RosterStore *self, gint64 version, GError **error);
void
roster_store_set_sqlite_error(RosterStore *self, gint rc, const gchar *what, GError **error);
/* roster-store-hours.c: a static statement with JSON values bound to ?1, ?2, …; the
 * rows come back as objects of their column names */
JsonArray *
roster_store_query_json(RosterStore *self, const gchar *sql, JsonArray *params, GError **error);
gboolean
roster_store_execute_json(RosterStore *self, const gchar *sql, JsonArray *params, GError **error);
/* the next parameter: @text, or null */
void
roster_store_add_text_param(JsonArray *params, const gchar *text);

G_END_DECLS
