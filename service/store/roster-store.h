/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-record.h"

G_BEGIN_DECLS

/*
 * RosterStore owns the one SQLite connection: it opens (creating or migrating) the
 * database, runs transactions and keeps every statement static and prepared. It is
 * the only code that speaks SQL. A store is used from one thread; a worker thread
 * opens its own store on the same file.
 */

#define ROSTER_TYPE_STORE (roster_store_get_type())
G_DECLARE_FINAL_TYPE(RosterStore, roster_store, ROSTER, STORE, GObject)

/* the schema version this program writes; see the list in roster-store-migrate.c */
#define ROSTER_STORE_SCHEMA_VERSION 17

/* list filters; a NULL string or a negative number means no filter */
typedef struct {
	const gchar *q;
	/* tier of volunteers, role of accounts */
	const gchar *choice;
	gint64 team;
	/* 0 or 1 */
	gint active;
	/* only this record (a volunteer reading its own list) */
	gint64 only_id;
	/* only children of this parent */
	gint64 parent_id;
	gint64 offset;
	gint64 limit;
} RosterStoreFilter;

void
roster_store_filter_init(RosterStoreFilter *filter);

typedef struct {
	const gchar *actor;
	gint64 actor_id;
	const gchar *action;
	const gchar *collection;
	gint64 record_id;
	/* nullable */
	JsonNode *before;
	JsonNode *after;
} RosterStoreAudit;

RosterStore *
roster_store_new(const gchar *path);
gboolean
roster_store_open(RosterStore *self, GError **error);
gboolean
roster_store_is_open(RosterStore *self);
const gchar *
roster_store_get_path(RosterStore *self);
gint
roster_store_get_schema_version(RosterStore *self);

/* transactions: begin takes the write lock at once (BEGIN IMMEDIATE) */
gboolean
roster_store_begin(RosterStore *self, GError **error);
gboolean
roster_store_commit(RosterStore *self, GError **error);
void
roster_store_rollback(RosterStore *self);

/* records of any kind */
RosterRecord *
roster_store_get_record(RosterStore *self, const RosterKind *kind, gint64 id, GError **error);
gboolean
roster_store_insert_record(RosterStore *self,
			   RosterRecord *record,
			   const gchar *now,
			   GError **error);
gboolean
roster_store_update_record(RosterStore *self,
			   RosterRecord *record,
			   const gchar *now,
			   GError **error);
gboolean
roster_store_delete_record(RosterStore *self, const RosterKind *kind, gint64 id, GError **error);
GPtrArray *
roster_store_list_records(RosterStore *self,
			  const RosterKind *kind,
			  const RosterStoreFilter *filter,
			  gint64 *total,
			  GError **error);
gboolean
roster_store_record_exists(RosterStore *self,
			   const gchar *collection,
			   gint64 id,
			   gboolean *exists,
			   GError **error);

/* accounts and tokens */
RosterRecord *
roster_store_get_account_by_username(RosterStore *self, const gchar *username, GError **error);
gboolean
roster_store_count_active_admins(RosterStore *self, gint64 *count, GError **error);
gboolean
roster_store_add_token(RosterStore *self,
		       const guint8 *hash,
		       gsize hash_len,
		       gint64 account_id,
		       gint64 created,
		       gint64 expires,
		       GError **error);
gboolean
roster_store_lookup_token(RosterStore *self,
			  const guint8 *hash,
			  gsize hash_len,
			  gint64 *account_id,
			  gint64 *expires,
			  GError **error);
gboolean
roster_store_delete_token(RosterStore *self,
			  const guint8 *hash,
			  gsize hash_len,
			  gboolean *deleted,
			  GError **error);
gboolean
roster_store_delete_expired_tokens(RosterStore *self, gint64 now, GError **error);
gboolean
roster_store_delete_account_tokens(RosterStore *self, gint64 account_id, GError **error);

/* the audit log */
gboolean
roster_store_add_audit(RosterStore *self,
		       const RosterStoreAudit *entry,
		       const gchar *now,
		       GError **error);
GPtrArray *
roster_store_list_audit(RosterStore *self,
			const gchar *collection,
			gint64 record_id,
			const gchar *actor,
			gint64 offset,
			gint64 limit,
			gint64 *total,
			GError **error);
GPtrArray *
roster_store_list_audit_between(RosterStore *self,
				const gchar *collection,
				gint64 record_id,
				const gchar *actor,
				const gchar *from,
				const gchar *to,
				gint64 offset,
				gint64 limit,
				gint64 *total,
				GError **error);
JsonNode *
roster_store_get_audit(RosterStore *self, gint64 id, GError **error);

/* online backup and restore */
gboolean
roster_store_backup(RosterStore *self, const gchar *path, GError **error);
gboolean
roster_store_restore(RosterStore *self, const gchar *path, GError **error);

G_END_DECLS
