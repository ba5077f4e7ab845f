/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* shift requests: a volunteer's swap, give-away or pick-up of a published shift, taken
 * by a colleague, approved by a coordinator (or by the request rules) and applied as
 * the roster's next published version */

#include "roster-engine.h"

G_BEGIN_DECLS

/*
 * States: open → accepted → applied, and declined, withdrawn or expired (at the first
 * shift's start) from open or accepted. A pick-up starts accepted (its taker is the
 * requester). Approval applies at once, in one transaction with the hard-rule check of
 * a hand edit, so "approved" is the moment a request becomes applied, recorded in
 * "decided_by" and "decided". Refusals carry a stable code in the error's "field"
 * (ROSTER_REQUEST_REFUSAL_* of roster-json-keys-requests.h, or the broken rule).
 */

/* body: {"kind": "swap"|"giveaway"|"pickup", "roster_id", "assignment_id"? (swap,
 * give-away: the caller's published shift), "target_assignment_id"? (swap: the
 * colleague's), "volunteer_id"? (a give-away to one colleague), "date", "slot",
 * "seat_class_id" (pick-up: the open seat), "note"?}; volunteers only */
JsonNode *
roster_engine_create_request(RosterEngine *self,
			     RosterPrincipal *principal,
			     JsonNode *body,
			     GError **error);
/* a volunteer's own, those addressed to it and the open give-aways it may take; staff
 * see all; @params: "state" */
JsonNode *
roster_engine_list_requests(RosterEngine *self,
			    RosterPrincipal *principal,
			    GHashTable *params,
			    GError **error);
JsonNode *
roster_engine_get_request(RosterEngine *self,
			  RosterPrincipal *principal,
			  gint64 id,
			  GError **error);
/* @action: accept, decline, withdraw or approve; @body: {"reason"?} or %NULL */
JsonNode *
roster_engine_act_on_request(RosterEngine *self,
			     RosterPrincipal *principal,
			     gint64 id,
			     const gchar *action,
			     JsonNode *body,
			     GError **error);
/* the colleagues who may take an open give-away under every hard rule, ranked as
 * suggestions are: for the requester and staff */
JsonNode *
roster_engine_list_request_candidates(RosterEngine *self,
				      RosterPrincipal *principal,
				      gint64 id,
				      GError **error);
/* the seats of published rosters nobody holds; a volunteer sees those it may take
 * under every hard rule; @params: "roster_id"? */
JsonNode *
roster_engine_list_open_seats(RosterEngine *self,
			      RosterPrincipal *principal,
			      GHashTable *params,
			      GError **error);

/* the colleagues' published shifts the caller's shift @params "assignment_id" of roster
 * "roster_id" may be swapped with under every hard rule; volunteers only */
JsonNode *
roster_engine_list_swap_options(RosterEngine *self,
				RosterPrincipal *principal,
				GHashTable *params,
				GError **error);

/* the request rules: {"auto_approve", "min_hours_ahead", "same_seat_class",
 * "allow_crisis"}; staff read, planners write */
JsonNode *
roster_engine_get_request_rules(RosterEngine *self, RosterPrincipal *principal, GError **error);
JsonNode *
roster_engine_set_request_rules(RosterEngine *self,
				RosterPrincipal *principal,
				JsonNode *body,
				GError **error);

/* expires every pending request whose first shift has started by @now (audited as
 * the system); how many, or -1 with @error set */
gint
roster_engine_expire_requests(RosterEngine *self, GDateTime *now, GError **error);
/* runs roster_engine_expire_requests() every @seconds in the thread-default main
 * context while @self lives; the source's id */
guint
roster_engine_add_request_sweep(RosterEngine *self, guint seconds);

G_END_DECLS
