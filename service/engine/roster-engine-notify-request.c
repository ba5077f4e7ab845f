/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the messages of the steps of a shift request, written in the step's transaction: the
 * colleague asked hears of a new swap or give-away, the coordinators of one that waits
 * for their approval, the requester (and the colleague who took it) of its outcome; a
 * message names the people of the request by name only, never their contacts */

#include "config.h"

#include "roster-engine-notify-private.h"
#include "roster-engine-requests-private.h"

/* what every message of a request says */
typedef struct {
	RosterStore *store;
	RosterNotifySettings *settings;
	JsonObject *row;
	/* the kind as a message names it, a msgid */
	const gchar *kind;
	gchar *seat;
	gchar *roster;
	gchar *requester;
	gint64 now;
	gchar *now_text;
} RequestNote;

static void
request_note_clear(RequestNote *note)
{
	g_clear_pointer(&note->settings, roster_notify_settings_free);
	g_clear_pointer(&note->seat, g_free);
	g_clear_pointer(&note->roster, g_free);
	g_clear_pointer(&note->requester, g_free);
	g_clear_pointer(&note->now_text, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RequestNote, request_note_clear)

static gboolean
request_note_init(RequestNote *note, RosterStore *store, JsonObject *row, GError **error)
{
	const gchar *kind = json_object_get_string_member_with_default(row, ROSTER_KEY_KIND, "");
	g_autoptr(RosterStoreRoster) roster = NULL;
	g_autofree gchar *seat_class = NULL;
	g_autoptr(JsonObject) requester = NULL;
	g_autoptr(GDateTime) now = NULL;

	note->store = store;
	note->row = row;
	note->settings = roster_notify_settings_load(store, error);
	if (note->settings == NULL)
		return FALSE;
	/* TRANSLATORS: the kinds of shift request, named inside the request messages */
	if (g_str_equal(kind, ROSTER_REQUEST_KIND_SWAP))
		note->kind = N_("shift swap");
	else if (g_str_equal(kind, ROSTER_REQUEST_KIND_GIVEAWAY))
		note->kind = N_("shift give-away");
	else
		note->kind = N_("shift pick-up");
	seat_class = roster_store_notify_dup_seat_class_name(
	    store,
	    roster_requests_row_int(row, ROSTER_KEY_SEAT_CLASS_ID),
	    error);
	if (seat_class == NULL)
		return FALSE;
	note->seat =
	    g_strdup_printf("%s %s %s",
			    json_object_get_string_member_with_default(row, ROSTER_KEY_DATE, ""),
			    json_object_get_string_member_with_default(row, ROSTER_KEY_SLOT, ""),
			    seat_class);
	roster = roster_store_get_roster(store,
					 roster_requests_row_int(row, ROSTER_KEY_ROSTER_ID),
					 error);
	if (roster == NULL)
		return FALSE;
	note->roster = roster_notify_dup_roster_label(roster);
	requester = roster_notify_dup_volunteer_contact(
	    store,
	    roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID),
	    error);
	if (requester == NULL)
		return FALSE;
	note->requester =
	    g_strdup(json_object_get_string_member_with_default(requester, "name", ""));
	note->now = roster_notify_now();
	now = g_date_time_new_from_unix_utc(note->now);
	note->now_text = g_date_time_format_iso8601(now);
	return TRUE;
}

/* where a volunteer sees their shifts */
static void
page_footer_cb(GString *subject, GString *body, gconstpointer data)
{
	const RequestNote *note = data;
	g_autofree gchar *next =
	    g_strdup_printf(_("Your shifts: %s/my/"), note->settings->public_url);

	roster_notify_append_footer(body, next);
}

/* writes @text to volunteer @volunteer_id unless it refused request messages */
static gboolean
write_to_volunteer(const RequestNote *note,
		   gint64 volunteer_id,
		   RosterNotifyText *text,
		   GError **error)
{
	g_auto(GStrv) optouts = NULL;
	g_autoptr(JsonObject) contact = NULL;

	if (volunteer_id <= 0)
		return TRUE;
	optouts = roster_store_notify_get_optouts(note->store, volunteer_id, error);
	if (optouts == NULL)
		return FALSE;
	if (g_strv_contains((const gchar *const *)optouts, ROSTER_NOTIFY_KIND_REQUEST))
		return TRUE;
	contact = roster_notify_dup_volunteer_contact(note->store, volunteer_id, error);
	if (contact == NULL)
		return FALSE;
	roster_notify_text_add(text,
			       ROSTER_NOTIFY_BODY_START,
			       N_("Hello %s,\n\n"),
			       json_object_get_string_member_with_default(contact, "name", ""));
	roster_notify_text_render(text, page_footer_cb, note);
	return roster_notify_write_text(
	    note->store,
	    note->settings,
	    contact,
	    ROSTER_NOTIFY_KIND_REQUEST,
	    text,
	    roster_notify_settings_quiet_until(note->settings, note->now),
	    note->now_text,
	    error);
}

/* a new swap or give-away: the colleague asked */
static void
asked_cb(GString *subject, GString *body, gconstpointer data)
{
	const RequestNote *note = data;

	g_string_append_printf(subject, _("Request of a %s: %s"), _(note->kind), note->seat);
	g_string_append_printf(body,
			       _("%s asks you for a %s: %s (roster \"%s\"). Please accept or "
				 "decline it on your page.\n"),
			       note->requester,
			       _(note->kind),
			       note->seat,
			       note->roster);
}

/* accepted and not approved by the rules: the coordinators decide */
static void
to_approve_cb(GString *subject, GString *body, gconstpointer data)
{
	const RequestNote *note = data;

	g_string_append_printf(subject,
			       _("A %s waits for approval: %s"),
			       _(note->kind),
			       note->seat);
	g_string_append_printf(body,
			       _("%s's %s was accepted and waits for your approval: %s "
				 "(roster \"%s\").\n"),
			       note->requester,
			       _(note->kind),
			       note->seat,
			       note->roster);
	roster_notify_append_footer(body, _("Please decide in the desktop app's Approvals."));
}

/* the reason of the outcome, when one was given */
static void
append_reason(const RequestNote *note, GString *body)
{
	const gchar *reason =
	    json_object_get_string_member_with_default(note->row, ROSTER_KEY_REASON, NULL);

	if (reason != NULL)
		g_string_append_printf(body, _("Reason: %s\n"), reason);
}

static void
applied_cb(GString *subject, GString *body, gconstpointer data)
{
	const RequestNote *note = data;

	g_string_append_printf(subject, _("The %s was applied: %s"), _(note->kind), note->seat);
	g_string_append_printf(body,
			       _("The %s was approved and applied: %s (roster \"%s\"); your "
				 "shifts are updated.\n"),
			       _(note->kind),
			       note->seat,
			       note->roster);
	append_reason(note, body);
}

static void
declined_cb(GString *subject, GString *body, gconstpointer data)
{
	const RequestNote *note = data;

	g_string_append_printf(subject, _("The %s was declined: %s"), _(note->kind), note->seat);
	g_string_append_printf(body,
			       _("Your %s was declined: %s (roster \"%s\"); your shift stays "
				 "as it was.\n"),
			       _(note->kind),
			       note->seat,
			       note->roster);
	append_reason(note, body);
}

/* the message @render words, to volunteer @volunteer_id */
static gboolean
note_to_volunteer(const RequestNote *note,
		  RosterNotifyRender render,
		  gint64 volunteer_id,
		  GError **error)
{
	g_auto(RosterNotifyText) text = {0};

	roster_notify_text_init(&text);
	roster_notify_text_render(&text, render, note);
	return write_to_volunteer(note, volunteer_id, &text, error);
}

static gboolean
note_to_approve(const RequestNote *note, GError **error)
{
	g_auto(RosterNotifyText) text = {0};

	roster_notify_text_init(&text);
	roster_notify_text_render(&text, to_approve_cb, note);
	return roster_notify_write_to_coordinators(
	    note->store,
	    note->settings,
	    ROSTER_NOTIFY_KIND_REQUEST,
	    &text,
	    roster_notify_settings_quiet_until(note->settings, note->now),
	    note->now_text,
	    error);
}

/**
 * roster_engine_notify_request:
 * @self: an engine
 * @row: a request as the step left it, inside the step's transaction
 * @error: (nullable): return location for a #GError
 *
 * Writes the messages of the step that left @row in its state: open (the colleague
 * asked), accepted (the coordinators), applied (the requester and the colleague who
 * took it) or declined (the requester). A withdrawn or expired request sends nothing.
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
roster_engine_notify_request(RosterEngine *self, JsonObject *row, GError **error)
{
	g_auto(RequestNote) note = {0};
	const gchar *state;
	gint64 requester;
	gint64 taker;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), FALSE);
	state = json_object_get_string_member_with_default(row, ROSTER_KEY_STATE, "");
	if (!g_str_equal(state, ROSTER_REQUEST_OPEN) &&
	    !g_str_equal(state, ROSTER_REQUEST_ACCEPTED) &&
	    !g_str_equal(state, ROSTER_REQUEST_APPLIED) &&
	    !g_str_equal(state, ROSTER_REQUEST_DECLINED))
		return TRUE;
	if (!request_note_init(&note, roster_engine_get_store(self), row, error))
		return FALSE;
	if (g_str_equal(state, ROSTER_REQUEST_OPEN))
		return note_to_volunteer(
		    &note,
		    asked_cb,
		    roster_requests_row_int(row, ROSTER_KEY_TARGET_VOLUNTEER_ID),
		    error);
	if (g_str_equal(state, ROSTER_REQUEST_ACCEPTED))
		return note_to_approve(&note, error);
	requester = roster_requests_row_int(row, ROSTER_KEY_REQUESTER_ID);
	if (g_str_equal(state, ROSTER_REQUEST_DECLINED))
		return note_to_volunteer(&note, declined_cb, requester, error);
	taker = roster_requests_row_int(row, ROSTER_KEY_TAKER_ID);
	if (!note_to_volunteer(&note, applied_cb, requester, error))
		return FALSE;
	return taker == requester || note_to_volunteer(&note, applied_cb, taker, error);
}
