/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-engine.h"

G_BEGIN_DECLS

/*
 * The records behind recognition: attendance of published shifts, manual service
 * logs, training, ratings, service hours, stars, promotions, the honour roll and
 * reports. Volunteers read only their own records; managers, coordinators and admins
 * read all; coordinators, managers and admins write (promotions and settings: managers
 * and admins); every write is audited in its transaction. Hours travel as numbers of
 * hours and are kept in whole minutes.
 *
 * List parameters (@params, strings): "volunteer" (id), "from" and "to" (dates,
 * both included), "state" (service logs).
 */

/* body: {"roster_id", "assignment_id", "status", "late_minutes"?, "early_minutes"?} */
JsonNode *
roster_engine_record_attendance(RosterEngine *self,
				RosterPrincipal *principal,
				JsonNode *body,
				GError **error);
/* every shift of the day without a record becomes attended; body {"roster_id", "date"} */
JsonNode *
roster_engine_confirm_day(RosterEngine *self,
			  RosterPrincipal *principal,
			  JsonNode *body,
			  GError **error);
JsonNode *
roster_engine_list_attendance(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error);

/* body: {"volunteer_id", "date", "hours", "kind", "description"?}; a volunteer may log
 * its own service, which waits for approval like any other */
JsonNode *
roster_engine_create_service_log(RosterEngine *self,
				 RosterPrincipal *principal,
				 JsonNode *body,
				 GError **error);
/* approves or rejects a pending log; a decided log is ROSTER_ERROR_CONFLICT */
JsonNode *
roster_engine_decide_service_log(RosterEngine *self,
				 RosterPrincipal *principal,
				 gint64 id,
				 gboolean approve,
				 GError **error);
/* the same with the decider's reason (nullable, at most 500 characters), kept with
 * the log for the volunteer to read */
JsonNode *
roster_engine_decide_service_log_with_reason(RosterEngine *self,
					     RosterPrincipal *principal,
					     gint64 id,
					     gboolean approve,
					     const gchar *reason,
					     GError **error);
JsonNode *
roster_engine_list_service_logs(RosterEngine *self,
				RosterPrincipal *principal,
				GHashTable *params,
				GError **error);

/* body: {"volunteer_id", "kind", "hours", "date", "verified_by"?, "note"?} */
JsonNode *
roster_engine_create_training(RosterEngine *self,
			      RosterPrincipal *principal,
			      JsonNode *body,
			      GError **error);
JsonNode *
roster_engine_list_training(RosterEngine *self,
			    RosterPrincipal *principal,
			    GHashTable *params,
			    GError **error);

/* body: {"volunteer_id", "dimension", "score", "date", "note"?} */
JsonNode *
roster_engine_create_rating(RosterEngine *self,
			    RosterPrincipal *principal,
			    JsonNode *body,
			    GError **error);
JsonNode *
roster_engine_list_ratings(RosterEngine *self,
			   RosterPrincipal *principal,
			   GHashTable *params,
			   GError **error);

/* {"volunteer_id", "from", "to", "minutes", "hours", "items": [{source, source_id,
 * date, minutes, …}]}; @from and @to may be NULL */
JsonNode *
roster_engine_get_hours(RosterEngine *self,
			RosterPrincipal *principal,
			gint64 volunteer_id,
			const gchar *from,
			const gchar *to,
			GError **error);
/* {"volunteer_id", "hours", "stars", "levels": [{stars, hours, reached}]} */
JsonNode *
roster_engine_get_stars(RosterEngine *self,
			RosterPrincipal *principal,
			gint64 volunteer_id,
			GError **error);
/* managers, coordinators and admins: volunteers ranked by service hours in the period;
 * names only of those who agreed to be listed */
JsonNode *
roster_engine_get_honour_roll(RosterEngine *self,
			      RosterPrincipal *principal,
			      const gchar *from,
			      const gchar *to,
			      GError **error);

/* settings: pre_job_min_hours, calendar_alarms, promotion_rules */
JsonNode *
roster_engine_get_record_settings(RosterEngine *self, RosterPrincipal *principal, GError **error);
JsonNode *
roster_engine_set_record_settings(RosterEngine *self,
				  RosterPrincipal *principal,
				  JsonNode *body,
				  GError **error);

/* who qualifies for the next tier, with the evidence */
JsonNode *
roster_engine_list_promotion_candidates(RosterEngine *self,
					RosterPrincipal *principal,
					GError **error);
/* body: {"volunteer_id", "to_tier"}: managers and admins; changes the tier */
JsonNode *
roster_engine_promote(RosterEngine *self,
		      RosterPrincipal *principal,
		      JsonNode *body,
		      GError **error);
JsonNode *
roster_engine_list_promotions(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error);

/* the volunteers whose verified pre-job training is below the configured minimum:
 * the rosters may seat them only as paired trainees; returns a set of gint64 ids */
GHashTable *
roster_engine_dup_untrained_volunteers(RosterEngine *self, GError **error);

/* reports: @params "period" (month, quarter or year), "from", "to"; rows per volunteer
 * and period with service hours, training hours, ratings and no-shows */
JsonNode *
roster_engine_report_hours(RosterEngine *self,
			   RosterPrincipal *principal,
			   GHashTable *params,
			   GError **error);
/* the same rows as CSV, UTF-8 with a BOM; Chinese headers when @chinese */
gchar *
roster_engine_report_hours_csv(RosterEngine *self,
			       RosterPrincipal *principal,
			       GHashTable *params,
			       gboolean chinese,
			       GError **error);

/* seat coverage of a roster per seat class, with the crisis seats apart: the share of
 * required seat-slots filled in the last published version (roster-engine-coverage.c) */
JsonNode *
roster_engine_report_coverage(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint64 roster_id,
			      GError **error);
/* the seats the line needs per day, slot and seat class from @from for @n_days, as a
 * solve resolves them (roster-engine-demand.c) */
JsonNode *
roster_engine_report_demand(RosterEngine *self,
			    RosterPrincipal *principal,
			    const gchar *from,
			    guint n_days,
			    GError **error);
/* the same as CSV, UTF-8 with a BOM; Chinese headers when @chinese */
gchar *
roster_engine_report_coverage_csv(RosterEngine *self,
				  RosterPrincipal *principal,
				  gint64 roster_id,
				  gboolean chinese,
				  GError **error);

G_END_DECLS
