/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* the duty expert's on-call rota (值班专家): the line's duty settings, who can be
 * reached how fast, the blocks of each roster, who is on duty now and the activations,
 * which count as service */

#include "roster-engine.h"

G_BEGIN_DECLS

/* staff read, planners write: {"enabled", "block_hours": 12|24, "sla_minutes",
 * "skill", "n_backups", "rest_minutes"} */
JsonNode *
roster_engine_get_duty_settings(RosterEngine *self, RosterPrincipal *principal, GError **error);
JsonNode *
roster_engine_set_duty_settings(RosterEngine *self,
				RosterPrincipal *principal,
				JsonNode *body,
				GError **error);
/* staff read, planners write: {"phone"?, "response_minutes", "max_blocks_month"?} */
JsonNode *
roster_engine_list_duty_reach(RosterEngine *self, RosterPrincipal *principal, GError **error);
JsonNode *
roster_engine_set_duty_reach(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 volunteer_id,
			     JsonNode *body,
			     GError **error);
JsonNode *
roster_engine_delete_duty_reach(RosterEngine *self,
				RosterPrincipal *principal,
				gint64 volunteer_id,
				GError **error);
/* the blocks of a roster's draft (@version 0) or of a published version */
JsonNode *
roster_engine_list_duty_blocks(RosterEngine *self,
			       RosterPrincipal *principal,
			       gint64 roster_id,
			       gint64 version,
			       GError **error);
/* a hand edit of a draft's block: {"primary_id": id|null, "backup_ids"?: [id…]}, under
 * the solver's hard rules, audited */
JsonNode *
roster_engine_edit_duty_block(RosterEngine *self,
			      RosterPrincipal *principal,
			      gint64 roster_id,
			      gint64 block_id,
			      JsonNode *body,
			      GError **error);
/* who is on duty at @now (seconds since the epoch) in the published rosters, with the
 * backups in order and their numbers: for every signed-in account */
JsonNode *
roster_engine_get_duty_now(RosterEngine *self,
			   RosterPrincipal *principal,
			   gint64 now,
			   GError **error);
/* {"block_id", "volunteer_id", "started", "ended"}: an activation of a published block,
 * recorded with an approved on-call service log of its minutes */
JsonNode *
roster_engine_record_duty_activation(RosterEngine *self,
				     RosterPrincipal *principal,
				     JsonNode *body,
				     GError **error);

G_END_DECLS
