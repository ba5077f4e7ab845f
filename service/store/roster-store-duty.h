/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the duty expert's rota in the store: reachability, duty blocks per roster version and
 * activations */

#pragma once

#include "roster-store.h"

G_BEGIN_DECLS

/* schema step 15: reachability per volunteer; blocks of a roster's draft (version 0)
 * and of each published version (copied at publish); activations, kept when the
 * blocks of a draft are solved again */
#define ROSTER_STORE_DUTY_SCHEMA                                                                   \
	"CREATE TABLE duty_reach ("                                                                \
	" volunteer_id INTEGER PRIMARY KEY REFERENCES volunteers(id) ON DELETE CASCADE,"           \
	" phone TEXT, response_minutes INTEGER NOT NULL, max_blocks_month INTEGER,"                \
	" modified TEXT NOT NULL);"                                                                \
	"CREATE TABLE duty_blocks ("                                                               \
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"                                                   \
	" roster_id INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,"                    \
	" version INTEGER NOT NULL DEFAULT 0, starts TEXT NOT NULL, ends TEXT NOT NULL,"           \
	" primary_id INTEGER REFERENCES volunteers(id) ON DELETE SET NULL,"                        \
	" backups TEXT NOT NULL DEFAULT '[]', source TEXT NOT NULL DEFAULT 'solver',"              \
	" reason TEXT);"                                                                           \
	"CREATE INDEX duty_blocks_roster ON duty_blocks(roster_id, version, starts);"              \
	"CREATE INDEX duty_blocks_primary ON duty_blocks(primary_id);"                             \
	"CREATE TABLE duty_activations ("                                                          \
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"                                                   \
	" block_id INTEGER REFERENCES duty_blocks(id) ON DELETE SET NULL,"                         \
	" volunteer_id INTEGER NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,"              \
	" started TEXT NOT NULL, ended TEXT NOT NULL, service_log_id INTEGER,"                     \
	" created TEXT NOT NULL, actor TEXT NOT NULL);"                                            \
	"CREATE INDEX duty_activations_volunteer ON duty_activations(volunteer_id, ended);"

/* a duty block as the store keeps it; times are local "YYYY-MM-DDTHH:MM" */
typedef struct {
	gint64 id;
	gint64 roster_id;
	gint64 version;
	gchar *starts;
	gchar *ends;
	/* 0 for none */
	gint64 primary_id;
	/* gint64 volunteer ids, in order */
	GArray *backups;
	gchar *source;
	/* why nobody holds it, or NULL */
	gchar *reason;
} RosterStoreDutyBlock;

RosterStoreDutyBlock *
roster_store_duty_block_new(void);
void
roster_store_duty_block_free(RosterStoreDutyBlock *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterStoreDutyBlock, roster_store_duty_block_free)

JsonArray *
roster_store_duty_list_reach(RosterStore *self, GError **error);
gboolean
roster_store_duty_set_reach(RosterStore *self,
			    gint64 volunteer_id,
			    const gchar *phone,
			    gint response_minutes,
			    gint max_blocks_month,
			    const gchar *now,
			    GError **error);
JsonArray *
roster_store_duty_list_people(RosterStore *self, GError **error);
gboolean
roster_store_duty_delete_reach(RosterStore *self, gint64 volunteer_id, GError **error);

gboolean
roster_store_duty_delete_draft(RosterStore *self, gint64 roster_id, GError **error);
gint64
roster_store_duty_insert_block(RosterStore *self,
			       const RosterStoreDutyBlock *block,
			       GError **error);
gboolean
roster_store_duty_update_block(RosterStore *self,
			       const RosterStoreDutyBlock *block,
			       GError **error);
GPtrArray *
roster_store_duty_list_blocks(RosterStore *self, gint64 roster_id, gint64 version, GError **error);
RosterStoreDutyBlock *
roster_store_duty_get_block(RosterStore *self, gint64 id, GError **error);
GPtrArray *
roster_store_duty_list_published_at(RosterStore *self, const gchar *at, GError **error);
GPtrArray *
roster_store_duty_list_published_for(RosterStore *self, gint64 volunteer_id, GError **error);
gboolean
roster_store_duty_publish(RosterStore *self, gint64 roster_id, gint64 version, GError **error);

gint64
roster_store_duty_insert_activation(RosterStore *self,
				    gint64 block_id,
				    gint64 volunteer_id,
				    const gchar *started,
				    const gchar *ended,
				    gint64 service_log_id,
				    const gchar *created,
				    const gchar *actor,
				    GError **error);
JsonArray *
roster_store_duty_list_activations(RosterStore *self,
				   const gchar *from,
				   const gchar *to,
				   GError **error);

G_END_DECLS
