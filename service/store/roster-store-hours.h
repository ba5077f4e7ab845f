/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-store.h"

G_BEGIN_DECLS

/*
 * The records behind recognition (schema version 4): calendar feed tokens, attendance
 * of assignments, manual service logs, training records, ratings, settings and
 * promotions. Lists come back as JSON arrays of objects whose members are the column
 * names; durations are stored in whole minutes.
 */

/* calendar feed tokens: one per volunteer, stored as a hash */
gboolean
roster_store_set_calendar_token(RosterStore *self,
				gint64 volunteer_id,
				const guint8 *hash,
				gsize hash_len,
				const gchar *now,
				GError **error);
/* *@volunteer_id is 0 when no volunteer has the token; *@created is its rotation time */
gboolean
roster_store_lookup_calendar_token(RosterStore *self,
				   const guint8 *hash,
				   gsize hash_len,
				   gint64 *volunteer_id,
				   gchar **created,
				   GError **error);

/* attendance of one assignment: {assignment_id, roster_id, volunteer_id, date, slot,
 * seat_class_id, status, late_minutes, early_minutes, minutes, recorded_by, modified};
 * replaces an earlier record of the same assignment */
gboolean
roster_store_put_attendance(RosterStore *self, JsonObject *row, GError **error);
JsonObject *
roster_store_get_attendance(RosterStore *self, gint64 assignment_id, GError **error);
/* @volunteer_id 0 for everybody; @from and @to are dates (both included) or NULL */
JsonArray *
roster_store_list_attendance(RosterStore *self,
			     gint64 volunteer_id,
			     const gchar *from,
			     const gchar *to,
			     GError **error);

/* service logs: {volunteer_id, date, minutes, kind, description, created}; the new
 * log is pending */
gint64
roster_store_insert_service_log(RosterStore *self, JsonObject *row, GError **error);
JsonObject *
roster_store_get_service_log(RosterStore *self, gint64 id, GError **error);
gboolean
roster_store_decide_service_log(RosterStore *self,
				gint64 id,
				const gchar *state,
				const gchar *approver,
				const gchar *now,
				GError **error);
/* @state NULL for every state */
JsonArray *
roster_store_list_service_logs(RosterStore *self,
			       gint64 volunteer_id,
			       const gchar *from,
			       const gchar *to,
			       const gchar *state,
			       GError **error);

/* training: {volunteer_id, kind, minutes, date, verified_by, note, created} */
gint64
roster_store_insert_training(RosterStore *self, JsonObject *row, GError **error);
JsonArray *
roster_store_list_training(RosterStore *self,
			   gint64 volunteer_id,
			   const gchar *from,
			   const gchar *to,
			   GError **error);

/* ratings: {volunteer_id, dimension, score, rater, date, note, created} */
gint64
roster_store_insert_rating(RosterStore *self, JsonObject *row, GError **error);
/* newest first */
JsonArray *
roster_store_list_ratings(RosterStore *self,
			  gint64 volunteer_id,
			  const gchar *from,
			  const gchar *to,
			  GError **error);

/* settings: JSON text per key; *@value is NULL for an unset key */
gboolean
roster_store_get_setting(RosterStore *self, const gchar *key, gchar **value, GError **error);
gboolean
roster_store_set_setting(RosterStore *self, const gchar *key, const gchar *value, GError **error);

/* promotions: {volunteer_id, from_tier, to_tier, actor, at, evidence} */
gint64
roster_store_insert_promotion(RosterStore *self, JsonObject *row, GError **error);
JsonArray *
roster_store_list_promotions(RosterStore *self, gint64 volunteer_id, GError **error);

G_END_DECLS
