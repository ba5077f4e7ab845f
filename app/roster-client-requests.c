/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the calls and words of shift requests and of service logs waiting for approval */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client-requests.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys-requests.h"
#include "roster-json-keys.h"

/**
 * roster_client_dup_requests_path:
 * @state: (nullable): a request state
 *
 * Returns: (transfer full): the path of the requests, of @state only when not %NULL
 *
 * Since: 0.3
 */
gchar *
roster_client_dup_requests_path(const gchar *state)
{
	if (state == NULL)
		return g_strdup("/" ROSTER_COLLECTION_REQUESTS);
	return roster_client_build_query("/" ROSTER_COLLECTION_REQUESTS,
					 ROSTER_KEY_STATE,
					 state,
					 NULL);
}

/**
 * roster_client_dup_request_candidates_path:
 * @request_id: an open give-away
 *
 * Returns: (transfer full): the path of its candidates
 *
 * Since: 0.3
 */
gchar *
roster_client_dup_request_candidates_path(gint64 request_id)
{
	return g_strdup_printf("/" ROSTER_COLLECTION_REQUESTS "/%" G_GINT64_FORMAT "/candidates",
			       request_id);
}

/**
 * roster_client_dup_pending_logs_path:
 *
 * Returns: (transfer full): the path of the service logs waiting for approval
 *
 * Since: 0.3
 */
gchar *
roster_client_dup_pending_logs_path(void)
{
	return roster_client_build_query("/" ROSTER_COLLECTION_SERVICE_LOGS,
					 ROSTER_KEY_STATE,
					 "pending",
					 NULL);
}

/* POST @path with {"reason"} when there is a reason, else no body */
static void
post_reason(RosterClient *self,
	    const gchar *path,
	    const gchar *reason,
	    GCancellable *cancellable,
	    GAsyncReadyCallback callback,
	    gpointer user_data)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) body = NULL;

	if (reason != NULL && reason[0] != '\0') {
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, ROSTER_KEY_REASON);
		json_builder_add_string_value(builder, reason);
		json_builder_end_object(builder);
		body = json_builder_get_root(builder);
	}
	roster_client_call_async(self, "POST", path, body, cancellable, callback, user_data);
}

/**
 * roster_client_act_on_request_async:
 * @self: a #RosterClient
 * @request_id: a request
 * @action: accept, decline, withdraw or approve
 * @reason: (nullable): why, for the volunteers to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Since: 0.3
 */
void
roster_client_act_on_request_async(RosterClient *self,
				   gint64 request_id,
				   const gchar *action,
				   const gchar *reason,
				   GCancellable *cancellable,
				   GAsyncReadyCallback callback,
				   gpointer user_data)
{
	g_autofree gchar *path =
	    g_strdup_printf("/" ROSTER_COLLECTION_REQUESTS "/%" G_GINT64_FORMAT "/%s",
			    request_id,
			    action);

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	post_reason(self, path, reason, cancellable, callback, user_data);
}

/**
 * roster_client_act_on_request_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: (transfer full): the request as it is now
 *
 * Since: 0.3
 */
JsonObject *
roster_client_act_on_request_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	return roster_client_call_finish_object(self, result, error);
}

/**
 * roster_client_decide_service_log_async:
 * @self: a #RosterClient
 * @log_id: a pending service log
 * @approve: approve, or reject
 * @reason: (nullable): why
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Since: 0.3
 */
void
roster_client_decide_service_log_async(RosterClient *self,
				       gint64 log_id,
				       gboolean approve,
				       const gchar *reason,
				       GCancellable *cancellable,
				       GAsyncReadyCallback callback,
				       gpointer user_data)
{
	g_autofree gchar *path =
	    g_strdup_printf("/" ROSTER_COLLECTION_SERVICE_LOGS "/%" G_GINT64_FORMAT "/%s",
			    log_id,
			    approve ? "approve" : "reject");

	g_return_if_fail(ROSTER_IS_CLIENT(self));
	post_reason(self, path, reason, cancellable, callback, user_data);
}

/**
 * roster_client_decide_service_log_finish:
 * @self: a #RosterClient
 * @result: the result
 * @error: a #GError
 *
 * Returns: whether the log was decided
 *
 * Since: 0.3
 */
gboolean
roster_client_decide_service_log_finish(RosterClient *self, GAsyncResult *result, GError **error)
{
	g_autoptr(JsonObject) log = roster_client_call_finish_object(self, result, error);
	return log != NULL;
}

/**
 * roster_request_kind_to_label:
 * @kind: swap, giveaway or pickup
 *
 * Returns: the kind in the user's language
 *
 * Since: 0.3
 */
const gchar *
roster_request_kind_to_label(const gchar *kind)
{
	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_SWAP) == 0)
		return _("Swap");
	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_GIVEAWAY) == 0)
		return _("Give-away");
	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_PICKUP) == 0)
		return _("Pick-up");
	return kind;
}

/**
 * roster_service_log_kind_to_label:
 * @kind: callback, outreach, on-call or other
 *
 * Returns: the kind of service in the user's language
 *
 * Since: 0.3
 */
const gchar *
roster_service_log_kind_to_label(const gchar *kind)
{
	if (g_strcmp0(kind, "callback") == 0)
		/* TRANSLATORS: a kind of service: calling a caller back */
		return _("Callback");
	if (g_strcmp0(kind, "outreach") == 0)
		/* TRANSLATORS: a kind of service: talks and stands outside the line */
		return _("Outreach");
	if (g_strcmp0(kind, "on-call") == 0)
		/* TRANSLATORS: a kind of service: standing by to be called in */
		return _("On call");
	if (g_strcmp0(kind, "other") == 0)
		/* TRANSLATORS: a kind of service not named otherwise */
		return _("Other");
	return kind;
}

/**
 * roster_request_state_to_label:
 * @state: a request state
 *
 * Returns: the state in the user's language
 *
 * Since: 0.3
 */
const gchar *
roster_request_state_to_label(const gchar *state)
{
	if (g_strcmp0(state, ROSTER_REQUEST_OPEN) == 0)
		return _("Open");
	if (g_strcmp0(state, ROSTER_REQUEST_ACCEPTED) == 0)
		/* TRANSLATORS: a request a colleague took, waiting for a coordinator */
		return _("Waiting for approval");
	if (g_strcmp0(state, ROSTER_REQUEST_APPLIED) == 0)
		return _("Applied");
	if (g_strcmp0(state, ROSTER_REQUEST_DECLINED) == 0)
		return _("Declined");
	if (g_strcmp0(state, ROSTER_REQUEST_WITHDRAWN) == 0)
		return _("Withdrawn");
	if (g_strcmp0(state, ROSTER_REQUEST_EXPIRED) == 0)
		return _("Expired");
	return state;
}

/* "name (number)" of the request's person @prefix, or NULL */
static gchar *
dup_person(RosterItem *request, const gchar *prefix)
{
	g_autofree gchar *name_key = g_strconcat(prefix, "_name", NULL);
	g_autofree gchar *no_key = g_strconcat(prefix, "_" ROSTER_KEY_COUNSELLOR_NO, NULL);
	const gchar *name = roster_item_get_string(request, name_key);
	const gchar *number = roster_item_get_string(request, no_key);

	if (name == NULL)
		return NULL;
	if (number == NULL || number[0] == '\0')
		return g_strdup(name);
	/* TRANSLATORS: a volunteer's name and counsellor number */
	return g_strdup_printf(_("%s (%s)"), name, number);
}

/**
 * roster_request_dup_title:
 * @request: a request
 *
 * Returns: (transfer full): its kind and people, e.g. "Swap: Li Wei ⇄ Wang Fang"
 *
 * Since: 0.3
 */
gchar *
roster_request_dup_title(RosterItem *request)
{
	const gchar *kind = roster_item_get_string(request, ROSTER_KEY_KIND);
	g_autofree gchar *requester = dup_person(request, "requester");
	g_autofree gchar *other = dup_person(request, "taker");

	if (other == NULL)
		other = dup_person(request, "target");
	if (g_strcmp0(kind, ROSTER_REQUEST_KIND_PICKUP) == 0 || other == NULL)
		/* TRANSLATORS: a request's kind and the volunteer who asks */
		return g_strdup_printf(_("%s: %s"),
				       roster_request_kind_to_label(kind),
				       requester != NULL ? requester : "?");
	/* TRANSLATORS: a request's kind, the volunteer who asks and the colleague */
	return g_strdup_printf(_("%s: %s → %s"),
			       roster_request_kind_to_label(kind),
			       requester != NULL ? requester : "?",
			       other);
}

/**
 * roster_request_dup_subtitle:
 * @request: a request
 *
 * Returns: (transfer full): its shifts and state, and the reason it was decided with
 *
 * Since: 0.3
 */
gchar *
roster_request_dup_subtitle(RosterItem *request)
{
	GString *text = g_string_new(NULL);
	const gchar *target_date = roster_item_get_string(request, ROSTER_KEY_TARGET_DATE);
	const gchar *reason = roster_item_get_string(request, ROSTER_KEY_REASON);
	const gchar *roster = roster_item_get_string(request, "roster_name");
	const gchar *seat_class = roster_item_get_string(request, "seat_class_name");
	const gchar *target_class = roster_item_get_string(request, "target_seat_class_name");

	if (roster != NULL)
		g_string_append_printf(text, "%s · ", roster);
	g_string_append_printf(text,
			       "%s %s %s",
			       roster_item_get_string(request, ROSTER_KEY_DATE),
			       roster_item_get_string(request, ROSTER_KEY_SLOT),
			       seat_class != NULL ? seat_class : "");
	if (target_date != NULL)
		g_string_append_printf(text,
				       " ⇄ %s %s %s",
				       target_date,
				       roster_item_get_string(request, ROSTER_KEY_TARGET_SLOT),
				       target_class != NULL ? target_class : "");
	g_string_append_printf(
	    text,
	    " · %s",
	    roster_request_state_to_label(roster_item_get_string(request, ROSTER_KEY_STATE)));
	if (reason != NULL && reason[0] != '\0')
		/* TRANSLATORS: the reason a request was decided with */
		g_string_append_printf(text, _(" · Reason: %s"), reason);
	return g_string_free(text, FALSE);
}

gboolean
roster_request_can_approve(RosterItem *request)
{
	return g_strcmp0(roster_item_get_string(request, ROSTER_KEY_STATE),
			 ROSTER_REQUEST_ACCEPTED) == 0;
}

gboolean
roster_request_can_decline(RosterItem *request)
{
	const gchar *state = roster_item_get_string(request, ROSTER_KEY_STATE);
	return g_strcmp0(state, ROSTER_REQUEST_OPEN) == 0 ||
	       g_strcmp0(state, ROSTER_REQUEST_ACCEPTED) == 0;
}

gboolean
roster_request_has_candidates(RosterItem *request)
{
	return g_strcmp0(roster_item_get_string(request, ROSTER_KEY_KIND),
			 ROSTER_REQUEST_KIND_GIVEAWAY) == 0 &&
	       g_strcmp0(roster_item_get_string(request, ROSTER_KEY_STATE), ROSTER_REQUEST_OPEN) ==
		   0 &&
	       roster_item_get_int(request, ROSTER_KEY_TARGET_VOLUNTEER_ID, 0) == 0;
}
