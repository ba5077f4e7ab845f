/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"
#include "roster-store-rosters.h"
#include "roster-store.h"

G_BEGIN_DECLS

/* shared by roster-engine-calendar.c and roster-engine-hours.c */

/* ROSTER_ERROR_NOT_FOUND unless the volunteer exists */
gboolean
roster_engine_hours_check_volunteer(RosterEngine *self, gint64 volunteer_id, GError **error);
/* the value of a setting, or its default; never NULL without @error set */
JsonNode *
roster_engine_hours_dup_setting(RosterEngine *self, const gchar *key, GError **error);

/* shared by the parts of the hours engine: roster-engine-hours.c (readers, permissions,
 * service hours), -attendance.c, -recognition.c, -settings.c and -reports.c */

/* the tiers in order of promotion */
extern const gchar *const roster_engine_hours_tier_order[];

typedef JsonArray *(*RosterEngineHoursListFunc)(RosterStore *store,
						gint64 volunteer_id,
						const gchar *from,
						const gchar *to,
						GError **error);

/* readers: a volunteer reads only its own records (*@volunteer_id becomes its own) */
gboolean
roster_engine_hours_check_read(RosterPrincipal *principal,
			       const gchar *collection,
			       gint64 *volunteer_id,
			       GError **error);
gboolean
roster_engine_hours_check_write(RosterPrincipal *principal,
				const gchar *collection,
				gboolean managers_only,
				GError **error);
/* an error about one input field, the field carried as data */
gboolean
roster_engine_hours_invalid(GError **error, const gchar *field, const gchar *why);
JsonObject *
roster_engine_hours_body_object(JsonNode *body, GError **error);
gboolean
roster_engine_hours_read_int(JsonObject *obj,
			     const gchar *key,
			     gboolean required,
			     gint64 min,
			     gint64 max,
			     gint64 *value,
			     GError **error);
gboolean
roster_engine_hours_read_string(JsonObject *obj,
				const gchar *key,
				gboolean required,
				const gchar *const *choices,
				const gchar **value,
				GError **error);
/* a past or present date */
gboolean
roster_engine_hours_read_date(JsonObject *obj,
			      const gchar *key,
			      const gchar **value,
			      GError **error);
gint64
roster_engine_hours_param_int(GHashTable *params, const gchar *key);
/* the list params volunteer, from and to, checked */
gboolean
roster_engine_hours_read_params(GHashTable *params,
				gint64 *volunteer_id,
				const gchar **from,
				const gchar **to,
				GError **error);
JsonNode *
roster_engine_hours_object_node(JsonObject *obj);
/* adds "hours" next to "minutes" in each row */
JsonArray *
roster_engine_hours_with_hours(JsonArray *rows);
/* what every records list reads first: the period and the volunteer of @params, only
 * the caller's own rows for a volunteer */
gboolean
roster_engine_hours_open_list(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      const gchar *collection,
			      gint64 *volunteer_id,
			      const gchar **from,
			      const gchar **to,
			      GError **error);
/* a records list: {"items", "total"}, with hours beside the minutes when @hours */
JsonNode *
roster_engine_hours_list_rows(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      const gchar *collection,
			      RosterEngineHoursListFunc list_func,
			      gboolean hours,
			      GError **error);
/* every item that counts, ordered by date: attended minutes of rostered shifts and
 * approved service logs; @volunteer_id 0 for everybody */
JsonArray *
roster_engine_hours_collect_items(RosterEngine *self,
				  gint64 volunteer_id,
				  const gchar *from,
				  const gchar *to,
				  GError **error);
GPtrArray *
roster_engine_hours_list_volunteers(RosterEngine *self, GError **error);
/* volunteer id -> minutes of @items */
GHashTable *
roster_engine_hours_minutes_by_volunteer(JsonArray *items);

G_END_DECLS
