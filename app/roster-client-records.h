/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-client.h"

G_BEGIN_DECLS

/**
 * RosterResource:
 * @ROSTER_RESOURCE_ROSTERS: the rosters
 * @ROSTER_RESOURCE_VOLUNTEERS: the volunteers
 * @ROSTER_RESOURCE_SEAT_CLASSES: the seat classes
 * @ROSTER_RESOURCE_DEMAND_RULES: the demand rules
 * @ROSTER_RESOURCE_CALENDARS: the service calendars
 * @ROSTER_RESOURCE_ATTENDANCE: attendance records
 * @ROSTER_RESOURCE_ATTENDANCE_DAYS: a day's attendance confirmed at once
 * @ROSTER_RESOURCE_TRAINING: training records
 * @ROSTER_RESOURCE_RATINGS: ratings
 * @ROSTER_RESOURCE_PROMOTIONS: promotions
 * @ROSTER_RESOURCE_PROMOTION_CANDIDATES: the volunteers due for a promotion
 * @ROSTER_RESOURCE_HOURS: the hours report
 * @ROSTER_RESOURCE_HONOUR_ROLL: the honour roll
 * @ROSTER_RESOURCE_DEMAND: the seats a week needs
 * @ROSTER_RESOURCE_CALENDAR_TOKENS: the calendar links of volunteers
 * @ROSTER_RESOURCE_TEAMS: the rotating teams
 * @ROSTER_RESOURCE_ACCOUNTS: the accounts (admins only)
 * @ROSTER_RESOURCE_AUDIT: the audit log (admins and managers)
 * @ROSTER_RESOURCE_RECORD_SETTINGS: the record settings (pre-job hours, promotion rules)
 *
 * The resources of the API the pages list, create, change and delete; only
 * roster-client-records.c knows their paths.
 */
typedef enum {
	ROSTER_RESOURCE_ROSTERS,
	ROSTER_RESOURCE_VOLUNTEERS,
	ROSTER_RESOURCE_SEAT_CLASSES,
	ROSTER_RESOURCE_DEMAND_RULES,
	ROSTER_RESOURCE_CALENDARS,
	ROSTER_RESOURCE_ATTENDANCE,
	ROSTER_RESOURCE_ATTENDANCE_DAYS,
	ROSTER_RESOURCE_TRAINING,
	ROSTER_RESOURCE_RATINGS,
	ROSTER_RESOURCE_PROMOTIONS,
	ROSTER_RESOURCE_PROMOTION_CANDIDATES,
	ROSTER_RESOURCE_HOURS,
	ROSTER_RESOURCE_HONOUR_ROLL,
	ROSTER_RESOURCE_DEMAND,
	ROSTER_RESOURCE_CALENDAR_TOKENS,
	ROSTER_RESOURCE_TEAMS,
	ROSTER_RESOURCE_ACCOUNTS,
	ROSTER_RESOURCE_AUDIT,
	ROSTER_RESOURCE_RECORD_SETTINGS,
} RosterResource;

gchar *
roster_client_dup_resource_path(RosterResource resource,
				const gchar *first_key,
				...) G_GNUC_NULL_TERMINATED;
gchar *
roster_client_dup_availability_path(gint64 volunteer_id);
gchar *
roster_client_dup_hours_path(const gchar *period,
			     const GDate *from,
			     const GDate *to,
			     const gchar *csv_lang);
gchar *
roster_client_dup_honour_roll_path(const GDate *from, const GDate *to);
gchar *
roster_client_dup_demand_path(const GDate *from, guint days);
gchar *
roster_client_dup_attendance_path(const GDate *day);
gchar *
roster_client_dup_volunteers_path(const gchar *search,
				  const gchar *tier,
				  gboolean active_only,
				  guint limit);

void
roster_client_save_at_async(RosterClient *self,
			    const gchar *collection_path,
			    gint64 id,
			    JsonNode *body,
			    GCancellable *cancellable,
			    GAsyncReadyCallback callback,
			    gpointer user_data);
void
roster_client_save_async(RosterClient *self,
			 RosterResource resource,
			 gint64 id,
			 JsonNode *body,
			 GCancellable *cancellable,
			 GAsyncReadyCallback callback,
			 gpointer user_data);
void
roster_client_delete_at_async(RosterClient *self,
			      const gchar *collection_path,
			      gint64 id,
			      gint64 revision,
			      GCancellable *cancellable,
			      GAsyncReadyCallback callback,
			      gpointer user_data);
void
roster_client_delete_async(RosterClient *self,
			   RosterResource resource,
			   gint64 id,
			   gint64 revision,
			   GCancellable *cancellable,
			   GAsyncReadyCallback callback,
			   gpointer user_data);
void
roster_client_get_resource_async(RosterClient *self,
				 const gchar *path,
				 GCancellable *cancellable,
				 GAsyncReadyCallback callback,
				 gpointer user_data);

void
roster_client_create_calendar_token_async(RosterClient *self,
					  gint64 volunteer_id,
					  GCancellable *cancellable,
					  GAsyncReadyCallback callback,
					  gpointer user_data);
gchar *
roster_client_create_calendar_token_finish(RosterClient *self,
					   GAsyncResult *result,
					   GError **error);

G_END_DECLS
