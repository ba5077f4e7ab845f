/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "roster-datetime.h"
#include "roster-json-keys.h"
#include "roster-store-private.h"
#include "roster-store-rosters.h"

/* rosters, their assignments and their published versions */

static gchar *
column_dup(sqlite3_stmt *stmt, gint idx)
{
	if (sqlite3_column_type(stmt, idx) == SQLITE_NULL)
		return NULL;
	return g_strdup((const gchar *)sqlite3_column_text(stmt, idx));
}

/**
 * roster_store_roster_free:
 * @roster: (nullable): a roster row
 *
 * Frees the row.
 */
void
roster_store_roster_free(RosterStoreRoster *roster)
{
	if (roster == NULL)
		return;
	g_free(roster->created);
	g_free(roster->modified);
	g_free(roster->name);
	g_free(roster->period_start);
	g_free(roster->period_end);
	g_free(roster->state);
	g_free(roster->settings);
	g_free(roster->score);
	g_free(roster);
}

/* what an insert and an update of a roster write alike: ?1 the time stamp, ?2 to ?5
 * the name, state, settings and score */
static gboolean
bind_roster(RosterStore *self,
	    sqlite3_stmt *stmt,
	    const RosterStoreRoster *roster,
	    const gchar *now,
	    GError **error)
{
	return roster_store_bind_text(self, stmt, 1, now, error) &&
	       roster_store_bind_text(self, stmt, 2, roster->name, error) &&
	       roster_store_bind_text(self, stmt, 3, roster->state, error) &&
	       roster_store_bind_text(self, stmt, 4, roster->settings, error) &&
	       roster_store_bind_text(self, stmt, 5, roster->score, error);
}

/**
 * roster_store_insert_roster:
 * @self: a #RosterStore
 * @roster: the row; its id, revision, created and modified are set
 * @now: the time stamp
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_insert_roster(RosterStore *self,
			   RosterStoreRoster *roster,
			   const gchar *now,
			   GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(
	    self,
	    "INSERT INTO rosters (created, modified, name, state, settings, score, period_start,"
	    " period_end, n_versions) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (!bind_roster(self, stmt, roster, now, error) ||
	    !roster_store_bind_text(self, stmt, 6, roster->period_start, error) ||
	    !roster_store_bind_text(self, stmt, 7, roster->period_end, error))
		return FALSE;
	if (!roster_store_step_done(self, stmt, error))
		return FALSE;
	roster->id = sqlite3_last_insert_rowid(roster_store_get_db(self));
	roster->revision = 1;
	g_free(roster->created);
	g_free(roster->modified);
	roster->created = g_strdup(now);
	roster->modified = g_strdup(now);
	return TRUE;
}

static RosterStoreRoster *
roster_from_row(sqlite3_stmt *stmt)
{
	RosterStoreRoster *r = g_new0(RosterStoreRoster, 1);
	r->id = sqlite3_column_int64(stmt, 0);
	r->revision = sqlite3_column_int64(stmt, 1);
	r->created = column_dup(stmt, 2);
	r->modified = column_dup(stmt, 3);
	r->name = column_dup(stmt, 4);
	r->period_start = column_dup(stmt, 5);
	r->period_end = column_dup(stmt, 6);
	r->state = column_dup(stmt, 7);
	r->settings = column_dup(stmt, 8);
	r->score = column_dup(stmt, 9);
	r->n_versions = sqlite3_column_int64(stmt, 10);
	return r;
}

#define ROSTER_COLUMNS                                                                             \
	"id, revision, created, modified, name, period_start, period_end, state, settings,"        \
	" score, n_versions"

/**
 * roster_store_get_roster:
 * @self: a #RosterStore
 * @id: the roster's id
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the row, or %NULL; an unknown id is ROSTER_ERROR_NOT_FOUND
 */
RosterStoreRoster *
roster_store_get_roster(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT " ROSTER_COLUMNS " FROM rosters WHERE id = ?1",
				    error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, id), error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: no record %" G_GINT64_FORMAT,
			    id);
		return NULL;
	}
	return roster_from_row(stmt);
}

/**
 * roster_store_list_rosters:
 * @self: a #RosterStore
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type RosterStoreRoster): every roster, newest
 * period first
 */
GPtrArray *
roster_store_list_rosters(RosterStore *self, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	g_autoptr(GPtrArray) rows =
	    g_ptr_array_new_with_free_func((GDestroyNotify)roster_store_roster_free);
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT " ROSTER_COLUMNS
				    " FROM rosters ORDER BY period_start DESC, id DESC",
				    error);
	if (stmt == NULL)
		return NULL;
	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW)
		g_ptr_array_add(rows, roster_from_row(stmt));
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&rows);
}

/**
 * roster_store_update_roster:
 * @self: a #RosterStore
 * @roster: the row with the revision the caller read; incremented on success
 * @now: the time stamp
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success; a stale revision is ROSTER_ERROR_CONFLICT
 */
gboolean
roster_store_update_roster(RosterStore *self,
			   RosterStoreRoster *roster,
			   const gchar *now,
			   GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(
	    self,
	    "UPDATE rosters SET revision = revision + 1, modified = ?1, name = ?2, state = ?3,"
	    " settings = ?4, score = ?5, n_versions = ?6 WHERE id = ?7 AND revision = ?8",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (!bind_roster(self, stmt, roster, now, error) ||
	    !roster_store_check_bind(self,
				     sqlite3_bind_int64(stmt, 6, roster->n_versions),
				     error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 7, roster->id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 8, roster->revision), error))
		return FALSE;
	if (!roster_store_step_done(self, stmt, error))
		return FALSE;
	if (sqlite3_changes(roster_store_get_db(self)) == 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "rosters: record %" G_GINT64_FORMAT
			    " was changed by someone else (revision %" G_GINT64_FORMAT
			    " is not current)",
			    roster->id,
			    roster->revision);
		return FALSE;
	}
	roster->revision++;
	g_free(roster->modified);
	roster->modified = g_strdup(now);
	return TRUE;
}

/**
 * roster_store_delete_roster:
 * @self: a #RosterStore
 * @id: the roster's id
 * @error: a #GError, or %NULL
 *
 * Removes a roster with its assignments and versions (the foreign keys cascade).
 *
 * Returns: %TRUE on success; an unknown id is ROSTER_ERROR_NOT_FOUND
 */
gboolean
roster_store_delete_roster(RosterStore *self, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(self, "DELETE FROM rosters WHERE id = ?1", error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, id), error) ||
	    !roster_store_step_done(self, stmt, error))
		return FALSE;
	if (sqlite3_changes(roster_store_get_db(self)) == 0) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "rosters: no record %" G_GINT64_FORMAT,
			    id);
		return FALSE;
	}
	return TRUE;
}

#define ASSIGNMENT_COLUMNS                                                                         \
	"id, date, slot_start, seat_class_id, seat_no, volunteer_id, pinned, source"

static RosterHotlineAssignment *
assignment_from_row(sqlite3_stmt *stmt)
{
	RosterHotlineAssignment *a = roster_hotline_assignment_new();

	a->id = sqlite3_column_int64(stmt, 0);
	roster_datetime_parse_date((const gchar *)sqlite3_column_text(stmt, 1), &a->date);
	roster_datetime_parse_time((const gchar *)sqlite3_column_text(stmt, 2), &a->slot_start);
	a->seat_class_id = sqlite3_column_int64(stmt, 3);
	a->seat_no = (guint)sqlite3_column_int64(stmt, 4);
	a->volunteer_id = sqlite3_column_int64(stmt, 5);
	a->pinned = sqlite3_column_int64(stmt, 6) != 0;
	a->source = roster_hotline_source_from_string((const gchar *)sqlite3_column_text(stmt, 7));
	return a;
}

/* every row of @stmt, which selects ASSIGNMENT_COLUMNS */
static GPtrArray *
read_assignments(RosterStore *self, sqlite3_stmt *stmt, GError **error)
{
	g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func(g_free);
	gint rc;

	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW)
		g_ptr_array_add(rows, assignment_from_row(stmt));
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&rows);
}

/**
 * roster_store_list_assignments:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @volunteer_id: one volunteer, or 0 for all
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type RosterHotlineAssignment): the assignments
 */
GPtrArray *
roster_store_list_assignments(RosterStore *self,
			      gint64 roster_id,
			      gint64 volunteer_id,
			      GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT " ASSIGNMENT_COLUMNS " FROM assignments"
				    " WHERE roster_id = ?1 AND (?2 = 0 OR volunteer_id = ?2)"
				    " ORDER BY date, slot_start, seat_class_id, seat_no",
				    error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, volunteer_id), error))
		return NULL;
	return read_assignments(self, stmt, error);
}

/**
 * roster_store_get_assignment:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @id: the assignment
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the assignment; an unknown one is ROSTER_ERROR_NOT_FOUND
 */
RosterHotlineAssignment *
roster_store_get_assignment(RosterStore *self, gint64 roster_id, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT " ASSIGNMENT_COLUMNS
				    " FROM assignments WHERE roster_id = ?1 AND id = ?2",
				    error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, id), error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "assignments: no record %" G_GINT64_FORMAT,
			    id);
		return NULL;
	}
	return assignment_from_row(stmt);
}

static gboolean
bind_assignment(RosterStore *self,
		sqlite3_stmt *stmt,
		gint64 roster_id,
		const RosterHotlineAssignment *a,
		GError **error)
{
	g_autofree gchar *date = roster_datetime_format_date(a->date);
	g_autofree gchar *slot = roster_datetime_format_time(a->slot_start);

	return roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) &&
	       roster_store_bind_text(self, stmt, 2, date, error) &&
	       roster_store_bind_text(self, stmt, 3, slot, error) &&
	       roster_store_check_bind(self,
				       sqlite3_bind_int64(stmt, 4, a->seat_class_id),
				       error) &&
	       roster_store_check_bind(self, sqlite3_bind_int64(stmt, 5, a->seat_no), error) &&
	       roster_store_check_bind(self, sqlite3_bind_int64(stmt, 6, a->volunteer_id), error) &&
	       roster_store_check_bind(self, sqlite3_bind_int(stmt, 7, a->pinned ? 1 : 0), error) &&
	       roster_store_bind_text(self,
				      stmt,
				      8,
				      roster_hotline_source_to_string(a->source),
				      error);
}

static gboolean
step_write(RosterStore *self, sqlite3_stmt *stmt, GError **error)
{
	gint rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE)
		return TRUE;
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		g_set_error(error,
			    ROSTER_ERROR,
			    rc == SQLITE_CONSTRAINT_FOREIGNKEY ? ROSTER_ERROR_INVALID_DATA
							       : ROSTER_ERROR_CONFLICT,
			    "assignments: %s",
			    rc == SQLITE_CONSTRAINT_FOREIGNKEY
				? "the volunteer or seat class does not exist"
				: "the seat is already taken");
		return FALSE;
	}
	roster_store_set_sqlite_error(self, rc, "writing an assignment", error);
	return FALSE;
}

/**
 * roster_store_insert_assignment:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @assignment: the assignment; its id is set
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success; a taken seat is ROSTER_ERROR_CONFLICT
 */
gboolean
roster_store_insert_assignment(RosterStore *self,
			       gint64 roster_id,
			       RosterHotlineAssignment *assignment,
			       GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(
	    self,
	    "INSERT INTO assignments (roster_id, date, slot_start, seat_class_id, seat_no,"
	    " volunteer_id, pinned, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (!bind_assignment(self, stmt, roster_id, assignment, error))
		return FALSE;
	if (!step_write(self, stmt, error))
		return FALSE;
	assignment->id = sqlite3_last_insert_rowid(roster_store_get_db(self));
	return TRUE;
}

/**
 * roster_store_update_assignment:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @assignment: the assignment with its id
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_update_assignment(RosterStore *self,
			       gint64 roster_id,
			       const RosterHotlineAssignment *assignment,
			       GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(self,
				    "UPDATE assignments SET date = ?2, slot_start = ?3,"
				    " seat_class_id = ?4, seat_no = ?5, volunteer_id = ?6,"
				    " pinned = ?7, source = ?8 WHERE roster_id = ?1 AND id = ?9",
				    error);
	if (stmt == NULL)
		return FALSE;
	if (!bind_assignment(self, stmt, roster_id, assignment, error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 9, assignment->id), error))
		return FALSE;
	return step_write(self, stmt, error);
}

/**
 * roster_store_delete_assignment:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @id: the assignment
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_delete_assignment(RosterStore *self, gint64 roster_id, gint64 id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(self,
				    "DELETE FROM assignments WHERE roster_id = ?1 AND id = ?2",
				    error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, id), error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_delete_assignments:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @unpinned_only: keep the pinned ones
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success
 */
gboolean
roster_store_delete_assignments(RosterStore *self,
				gint64 roster_id,
				gboolean unpinned_only,
				GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt = roster_store_prepare(
	    self,
	    "DELETE FROM assignments WHERE roster_id = ?1 AND (?2 = 0 OR pinned = 0)",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int(stmt, 2, unpinned_only ? 1 : 0), error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

/* the rows of version_shifts for one version, from the same JSON text */
static gboolean
insert_version_shifts(RosterStore *self,
		      gint64 roster_id,
		      gint64 number,
		      const gchar *assignments,
		      GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;

	stmt = roster_store_prepare(
	    self,
	    "INSERT INTO version_shifts (roster_id, number, assignment_id, volunteer_id,"
	    " seat_class_id, date, slot)"
	    " SELECT ?1, ?2, " ROSTER_STORE_VERSION_SHIFT_COLUMNS
	    " FROM json_each(CASE WHEN json_valid(?3) THEN ?3 ELSE '[]' END) e"
	    " WHERE e.type = 'object' ORDER BY e.key",
	    error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, number), error) ||
	    !roster_store_bind_text(self, stmt, 3, assignments, error))
		return FALSE;
	return roster_store_step_done(self, stmt, error);
}

/**
 * roster_store_insert_version:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @number: the version number, one more than the last
 * @now: the time stamp
 * @actor: who published
 * @score: (nullable): the score as JSON text
 * @assignments: the assignments as JSON text
 * @error: a #GError, or %NULL
 *
 * Returns: %TRUE on success; an existing number is ROSTER_ERROR_CONFLICT
 */
gboolean
roster_store_insert_version(RosterStore *self,
			    gint64 roster_id,
			    gint64 number,
			    const gchar *now,
			    const gchar *actor,
			    const gchar *score,
			    const gchar *assignments,
			    GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), FALSE);
	stmt =
	    roster_store_prepare(self,
				 "INSERT INTO roster_versions (roster_id, number, created, actor,"
				 " score, assignments) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
				 error);
	if (stmt == NULL)
		return FALSE;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, number), error) ||
	    !roster_store_bind_text(self, stmt, 3, now, error) ||
	    !roster_store_bind_text(self, stmt, 4, actor, error) ||
	    !roster_store_bind_text(self, stmt, 5, score, error) ||
	    !roster_store_bind_text(self, stmt, 6, assignments, error))
		return FALSE;
	rc = sqlite3_step(stmt);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_CONFLICT,
			    "versions: version %" G_GINT64_FORMAT " already exists",
			    number);
		return FALSE;
	}
	if (rc != SQLITE_DONE) {
		roster_store_set_sqlite_error(self, rc, "writing a version", error);
		return FALSE;
	}
	return insert_version_shifts(self, roster_id, number, assignments, error);
}

/**
 * roster_store_list_versions:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): an array of {number, created, actor, score}, oldest first
 */
JsonNode *
roster_store_list_versions(RosterStore *self, gint64 roster_id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	g_autoptr(JsonBuilder) builder = json_builder_new();
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT number, created, actor, score FROM roster_versions"
				    " WHERE roster_id = ?1 ORDER BY number",
				    error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error))
		return NULL;
	json_builder_begin_array(builder);
	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW) {
		const gchar *score = (const gchar *)sqlite3_column_text(stmt, 3);
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, ROSTER_KEY_NUMBER);
		json_builder_add_int_value(builder, sqlite3_column_int64(stmt, 0));
		json_builder_set_member_name(builder, ROSTER_KEY_CREATED);
		json_builder_add_string_value(builder, (const gchar *)sqlite3_column_text(stmt, 1));
		json_builder_set_member_name(builder, ROSTER_KEY_ACTOR);
		json_builder_add_string_value(builder, (const gchar *)sqlite3_column_text(stmt, 2));
		json_builder_set_member_name(builder, ROSTER_KEY_SCORE);
		if (score != NULL)
			json_builder_add_value(builder, json_from_string(score, NULL));
		else
			json_builder_add_null_value(builder);
		json_builder_end_object(builder);
	}
	if (rc < 0)
		return NULL;
	json_builder_end_array(builder);
	return json_builder_get_root(builder);
}

/**
 * roster_store_dup_version_assignments:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @number: the version number
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full): the assignments of the version as JSON text; an unknown
 * version is ROSTER_ERROR_NOT_FOUND
 */
gchar *
roster_store_dup_version_assignments(RosterStore *self,
				     gint64 roster_id,
				     gint64 number,
				     GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT assignments FROM roster_versions"
				    " WHERE roster_id = ?1 AND number = ?2",
				    error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, number), error))
		return NULL;
	rc = roster_store_step(self, stmt, error);
	if (rc < 0)
		return NULL;
	if (rc != SQLITE_ROW) {
		g_set_error(error,
			    ROSTER_ERROR,
			    ROSTER_ERROR_NOT_FOUND,
			    "versions: no version %" G_GINT64_FORMAT,
			    number);
		return NULL;
	}
	return g_strdup((const gchar *)sqlite3_column_text(stmt, 0));
}

/**
 * roster_store_list_version_assignments:
 * @self: a #RosterStore
 * @roster_id: the roster
 * @number: the version number
 * @error: a #GError, or %NULL
 *
 * The one reader of a published version's assignments: the JSON text stored with the
 * version is read here, in the order it was written, so that no caller parses it.
 *
 * Returns: (transfer full) (element-type RosterHotlineAssignment): the assignments of
 *   the version; an unknown version is ROSTER_ERROR_NOT_FOUND
 */
GPtrArray *
roster_store_list_version_assignments(RosterStore *self,
				      gint64 roster_id,
				      gint64 number,
				      GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	g_autofree gchar *text = NULL;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	text = roster_store_dup_version_assignments(self, roster_id, number, error);
	if (text == NULL)
		return NULL;
	/* the columns of ASSIGNMENT_COLUMNS, from the members of each stored object */
	stmt = roster_store_prepare(
	    self,
	    "SELECT IFNULL(json_extract(e.value, '$.id'), 0),"
	    " IFNULL(json_extract(e.value, '$.date'), ''),"
	    " IFNULL(json_extract(e.value, '$.slot'), ''),"
	    " IFNULL(json_extract(e.value, '$.seat_class_id'), 0),"
	    " IFNULL(json_extract(e.value, '$.seat_no'), 0),"
	    " IFNULL(json_extract(e.value, '$.volunteer_id'), 0),"
	    " IFNULL(json_extract(e.value, '$.pinned'), 0),"
	    " json_extract(e.value, '$.source')"
	    " FROM json_each(CASE WHEN json_valid(?1) THEN"
	    " (CASE WHEN json_type(?1) = 'array' THEN ?1 ELSE '[]' END) ELSE '[]' END) e"
	    " WHERE e.type = 'object' ORDER BY e.key",
	    error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_bind_text(self, stmt, 1, text, error))
		return NULL;
	return read_assignments(self, stmt, error);
}

/**
 * roster_store_list_published_assignments:
 * @self: a #RosterStore
 * @roster: the roster
 * @published: (out): whether the roster has a published version
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type RosterHotlineAssignment): the assignments of
 *   the last published version, or of the draft of a roster never published
 */
GPtrArray *
roster_store_list_published_assignments(RosterStore *self,
					const RosterStoreRoster *roster,
					gboolean *published,
					GError **error)
{
	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	g_return_val_if_fail(roster != NULL, NULL);
	if (published != NULL)
		*published = roster->n_versions > 0;
	if (roster->n_versions == 0)
		return roster_store_list_assignments(self, roster->id, 0, error);
	return roster_store_list_version_assignments(self, roster->id, roster->n_versions, error);
}

/* the published rows of version_shifts; the callers add their filter and order */
#define VERSION_SHIFTS_SELECT                                                                      \
	"SELECT s.roster_id, r.n_versions, s.number, s.assignment_id, s.volunteer_id,"             \
	" s.seat_class_id, s.date, s.slot FROM version_shifts s"                                   \
	" JOIN rosters r ON r.id = s.roster_id WHERE s.number BETWEEN 1 AND r.n_versions"

/**
 * roster_store_list_version_shifts:
 * @self: a #RosterStore
 * @roster_id: a roster, or 0 for every roster
 * @volunteer_id: a volunteer, or 0 for everybody
 * @error: a #GError, or %NULL
 *
 * The assignments of the published versions (numbers 1 to the roster's n_versions)
 * through the version_shifts index, ordered by roster and version number.
 *
 * Returns: (transfer full) (element-type RosterStoreVersionShift): the rows
 */
GArray *
roster_store_list_version_shifts(RosterStore *self,
				 gint64 roster_id,
				 gint64 volunteer_id,
				 GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	g_autoptr(GArray) shifts = g_array_new(FALSE, TRUE, sizeof(RosterStoreVersionShift));
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	/* one statement per filter, so that each uses its index */
	if (volunteer_id > 0) {
		stmt =
		    roster_store_prepare(self,
					 VERSION_SHIFTS_SELECT
					 " AND s.volunteer_id = ?2 AND (?1 = 0 OR s.roster_id = ?1)"
					 " ORDER BY s.roster_id, s.number, s.rowid",
					 error);
	} else if (roster_id > 0) {
		stmt = roster_store_prepare(self,
					    VERSION_SHIFTS_SELECT " AND s.roster_id = ?1 AND ?2 = 0"
								  " ORDER BY s.number, s.rowid",
					    error);
	} else {
		stmt = roster_store_prepare(self,
					    VERSION_SHIFTS_SELECT
					    " AND ?1 = 0 AND ?2 = 0"
					    " ORDER BY s.roster_id, s.number, s.rowid",
					    error);
	}
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error) ||
	    !roster_store_check_bind(self, sqlite3_bind_int64(stmt, 2, volunteer_id), error))
		return NULL;
	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW) {
		RosterStoreVersionShift shift = {0};
		const gchar *date = (const gchar *)sqlite3_column_text(stmt, 6);
		const gchar *slot = (const gchar *)sqlite3_column_text(stmt, 7);
		shift.roster_id = sqlite3_column_int64(stmt, 0);
		shift.n_versions = sqlite3_column_int64(stmt, 1);
		shift.number = sqlite3_column_int64(stmt, 2);
		shift.assignment_id = sqlite3_column_int64(stmt, 3);
		shift.volunteer_id = sqlite3_column_int64(stmt, 4);
		shift.seat_class_id = sqlite3_column_int64(stmt, 5);
		g_strlcpy(shift.date, date != NULL ? date : "", sizeof(shift.date));
		g_strlcpy(shift.slot, slot != NULL ? slot : "", sizeof(shift.slot));
		g_array_append_val(shifts, shift);
	}
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&shifts);
}

/**
 * roster_store_list_version_times:
 * @self: a #RosterStore
 * @roster_id: a roster, or 0 for every roster
 * @error: a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type utf8): the publication times of every
 * version of the published rosters (those with n_versions above 0)
 */
GPtrArray *
roster_store_list_version_times(RosterStore *self, gint64 roster_id, GError **error)
{
	g_autoptr(RosterStmt) stmt = NULL;
	g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func(g_free);
	gint rc;

	g_return_val_if_fail(ROSTER_IS_STORE(self), NULL);
	stmt = roster_store_prepare(self,
				    "SELECT v.created FROM roster_versions v"
				    " JOIN rosters r ON r.id = v.roster_id"
				    " WHERE r.n_versions > 0 AND (?1 = 0 OR r.id = ?1)",
				    error);
	if (stmt == NULL)
		return NULL;
	if (!roster_store_check_bind(self, sqlite3_bind_int64(stmt, 1, roster_id), error))
		return NULL;
	while ((rc = roster_store_step(self, stmt, error)) == SQLITE_ROW)
		g_ptr_array_add(times, g_strdup((const gchar *)sqlite3_column_text(stmt, 0)));
	if (rc < 0)
		return NULL;
	return g_steal_pointer(&times);
}
