/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the store's rosters: roster rows, their assignments and their published versions */

#pragma once

#include "roster-hotline.h"
#include "roster-store.h"

G_BEGIN_DECLS

/* one roster row: a planning period with its state, settings and last score */
typedef struct {
	gint64 id;
	gint64 revision;
	gchar *created;
	gchar *modified;
	gchar *name;
	/* YYYY-MM-DD, both included */
	gchar *period_start;
	gchar *period_end;
	/* draft or published */
	gchar *state;
	/* JSON text */
	gchar *settings;
	/* JSON text or NULL */
	gchar *score;
	gint64 n_versions;
} RosterStoreRoster;

void
roster_store_roster_free(RosterStoreRoster *roster);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterStoreRoster, roster_store_roster_free)

gboolean
roster_store_insert_roster(RosterStore *self,
			   RosterStoreRoster *roster,
			   const gchar *now,
			   GError **error);
RosterStoreRoster *
roster_store_get_roster(RosterStore *self, gint64 id, GError **error);
GPtrArray *
roster_store_list_rosters(RosterStore *self, GError **error);
/* writes name, state, settings, score and n_versions when the stored revision is
 * @roster's, then increments it; a stale revision is ROSTER_ERROR_CONFLICT */
gboolean
roster_store_update_roster(RosterStore *self,
			   RosterStoreRoster *roster,
			   const gchar *now,
			   GError **error);

/* removes the roster, its assignments and versions */
gboolean
roster_store_delete_roster(RosterStore *self, gint64 id, GError **error);

/* assignments of a roster, ordered by date, slot, seat class and seat; @volunteer_id 0
 * for everybody's */
GPtrArray *
roster_store_list_assignments(RosterStore *self,
			      gint64 roster_id,
			      gint64 volunteer_id,
			      GError **error);
RosterHotlineAssignment *
roster_store_get_assignment(RosterStore *self, gint64 roster_id, gint64 id, GError **error);
/* a taken seat is ROSTER_ERROR_CONFLICT */
gboolean
roster_store_insert_assignment(RosterStore *self,
			       gint64 roster_id,
			       RosterHotlineAssignment *assignment,
			       GError **error);
gboolean
roster_store_update_assignment(RosterStore *self,
			       gint64 roster_id,
			       const RosterHotlineAssignment *assignment,
			       GError **error);
gboolean
roster_store_delete_assignment(RosterStore *self, gint64 roster_id, gint64 id, GError **error);
/* removes every assignment of a roster, or only the unpinned ones */
gboolean
roster_store_delete_assignments(RosterStore *self,
				gint64 roster_id,
				gboolean unpinned_only,
				GError **error);

/* published versions: @assignments is the JSON text of the copy */
gboolean
roster_store_insert_version(RosterStore *self,
			    gint64 roster_id,
			    gint64 number,
			    const gchar *now,
			    const gchar *actor,
			    const gchar *score,
			    const gchar *assignments,
			    GError **error);
/* [{number, created, actor, score}] */
JsonNode *
roster_store_list_versions(RosterStore *self, gint64 roster_id, GError **error);
gchar *
roster_store_dup_version_assignments(RosterStore *self,
				     gint64 roster_id,
				     gint64 number,
				     GError **error);

/* the one reader of published versions: the assignments of version @number */
GPtrArray *
roster_store_list_version_assignments(RosterStore *self,
				      gint64 roster_id,
				      gint64 number,
				      GError **error);
/* the assignments of the last published version of @roster, or of its draft when it was
 * never published */
GPtrArray *
roster_store_list_published_assignments(RosterStore *self,
					const RosterStoreRoster *roster,
					gboolean *published,
					GError **error);
/* one assignment of a published version, from the version_shifts index; date and
 * slot are cut to YYYY-MM-DD and HH:MM as the calendar reads them */
typedef struct {
	gint64 roster_id;
	/* the roster's number of published versions */
	gint64 n_versions;
	gint64 number;
	gint64 assignment_id;
	gint64 volunteer_id;
	gint64 seat_class_id;
	gchar date[11];
	gchar slot[6];
} RosterStoreVersionShift;

/* the published history of @roster_id (0: every roster), of one volunteer (0: all) */
GArray *
roster_store_list_version_shifts(RosterStore *self,
				 gint64 roster_id,
				 gint64 volunteer_id,
				 GError **error);
/* the creation times of the versions of @roster_id (0: every roster) */
GPtrArray *
roster_store_list_version_times(RosterStore *self, gint64 roster_id, GError **error);

G_END_DECLS
