/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the alerts to the coordinators, written by the notifier's pass: a crisis seat of a
 * published roster still unconfirmed at the set time before it starts (with the ranked
 * replacements), and the seats left uncovered in the next 24 h; each alert is written
 * once (alerts_sent), is never held by quiet hours and cannot be refused */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-notify-private.h"
#include "roster-engine-requests-private.h"
#include "roster-store-alerts.h"
#include "roster-store-web.h"

/* how far ahead an uncovered seat alerts the coordinators */
#define UNCOVERED_AHEAD_SECONDS (24 * 3600)
/* the replacements a message names for one seat */
#define MAX_REPLACEMENTS 5

/* the seat as a message names it: date, time and seat class */
static gchar *
dup_seat_label(RosterNotifyPass *pass,
	       guint32 date,
	       gint slot_start,
	       gint64 seat_class_id,
	       GError **error)
{
	g_autofree gchar *day = roster_datetime_format_date(date);
	g_autofree gchar *slot = roster_datetime_format_time(slot_start);
	g_autofree gchar *seat =
	    roster_store_notify_dup_seat_class_name(pass->store, seat_class_id, error);

	if (seat == NULL)
		return NULL;
	return g_strdup_printf("%s %s %s", day, slot, seat);
}

/* appends the volunteers who could take the seat, free that day and breaking no hard
 * rule, best first (by name only: no one's contact goes into a message) */
static void
append_replacements(RosterNotifyText *text,
		    const RosterRosterEdit *edit,
		    guint32 date,
		    gint slot_start,
		    gint64 seat_class_id,
		    gint64 holder)
{
	g_autoptr(RosterSolverRoster) without = roster_solver_roster_copy(edit->before);
	g_autoptr(GArray) ranked = NULL;
	gint person = roster_hotline_model_find_person(edit->model, holder);
	gint slot = roster_hotline_model_find_slot(edit->model, slot_start);
	gint c = roster_hotline_model_find_class(edit->model, seat_class_id);
	guint day = date - edit->hotline->first_day;
	guint n = 0;

	if (person >= 0)
		roster_solver_roster_set(without, (guint)person, day, ROSTER_SOLVER_OFF);
	if (slot >= 0 && c >= 0)
		ranked = roster_rosters_rank_candidates(edit, without, day, (guint)slot, (guint)c);
	for (guint i = 0; ranked != NULL && i < ranked->len && n < MAX_REPLACEMENTS; i++) {
		RosterRosterCandidate *cand = &g_array_index(ranked, RosterRosterCandidate, i);
		const RosterHotlineVolunteer *v =
		    roster_hotline_model_get_volunteer(edit->model, cand->person);
		if (cand->problems->len > 0 || v->id == holder)
			continue;
		n++;
		roster_notify_text_add(text, ROSTER_NOTIFY_BODY, "  %u. %s\n", n, v->name);
	}
	if (n == 0) {
		roster_notify_text_add(text, ROSTER_NOTIFY_BODY, "  ");
		roster_notify_text_add(text,
				       ROSTER_NOTIFY_BODY,
				       N_("(nobody free who breaks no rule)"));
		roster_notify_text_add(text, ROSTER_NOTIFY_BODY, "\n");
	}
}

static gboolean
is_confirmed(JsonArray *confirmations, const RosterHotlineAssignment *a)
{
	for (guint i = 0; i < json_array_get_length(confirmations); i++) {
		JsonObject *row = json_array_get_object_element(confirmations, i);
		if (json_object_get_int_member_with_default(row, "assignment_id", 0) == a->id &&
		    json_object_get_int_member_with_default(row, "volunteer_id", 0) ==
			a->volunteer_id)
			return TRUE;
	}
	return FALSE;
}

/* the escalation of one crisis seat whose holder has not confirmed */
static gboolean
escalate_seat(RosterNotifyPass *pass,
	      const RosterRosterEdit *edit,
	      const RosterHotlineAssignment *a,
	      GError **error)
{
	g_auto(RosterNotifyText) text = {0};
	g_autofree gchar *key =
	    g_strdup_printf("a%" G_GINT64_FORMAT "-v%" G_GINT64_FORMAT, a->id, a->volunteer_id);
	g_autofree gchar *label = NULL;
	g_autofree gchar *roster = roster_notify_dup_roster_label(edit->roster);
	const gchar *holder = "";
	gint person = roster_hotline_model_find_person(edit->model, a->volunteer_id);
	gboolean added = FALSE;

	if (!roster_store_alert_add(pass->store,
				    edit->roster->id,
				    ROSTER_NOTIFY_KIND_ESCALATION,
				    key,
				    pass->now,
				    &added,
				    error))
		return FALSE;
	if (!added)
		return TRUE;
	label = dup_seat_label(pass, a->date, a->slot_start, a->seat_class_id, error);
	if (label == NULL)
		return FALSE;
	if (person >= 0)
		holder = roster_hotline_model_get_volunteer(edit->model, (guint)person)->name;
	roster_notify_text_init(&text);
	roster_notify_text_add(&text,
			       ROSTER_NOTIFY_SUBJECT,
			       N_("Crisis seat not confirmed: %s"),
			       label);
	roster_notify_text_add(
	    &text,
	    ROSTER_NOTIFY_BODY,
	    N_("The crisis seat %s (roster \"%s\") held by %s is not confirmed, "
	       "and it starts within %d minutes.\n\nReplacements, best first:\n"),
	    label,
	    roster,
	    holder,
	    pass->settings->escalation_minutes);
	append_replacements(&text, edit, a->date, a->slot_start, a->seat_class_id, a->volunteer_id);
	roster_notify_text_append_footer(&text,
					 N_("Please arrange a replacement in the desktop app."));
	g_debug("escalating crisis seat %" G_GINT64_FORMAT, a->id);
	pass->written++;
	/* the responsible people hear of it at once, quiet hours or not */
	return roster_notify_write_to_coordinators(pass->store,
						   pass->settings,
						   ROSTER_NOTIFY_KIND_ESCALATION,
						   &text,
						   pass->now,
						   pass->now_text,
						   error);
}

/* the crisis seats of @edit starting within the escalation time, not confirmed */
static gboolean
escalate_crisis(RosterNotifyPass *pass, const RosterRosterEdit *edit, GError **error)
{
	gint64 ahead = (gint64)pass->settings->escalation_minutes * 60;
	g_autoptr(JsonArray) confirmations =
	    roster_store_list_confirmations(pass->store, edit->roster->id, 0, error);

	if (confirmations == NULL)
		return FALSE;
	for (guint i = 0; i < edit->hotline->previous->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(edit->hotline->previous, i);
		gint c = roster_hotline_model_find_class(edit->model, a->seat_class_id);
		gint64 start;
		if (a->volunteer_id <= 0 || c < 0 ||
		    !roster_hotline_model_get_seat_class(edit->model, (guint)c)->crisis ||
		    roster_hotline_model_is_trainee_place(edit->model, a))
			continue;
		start = roster_notify_shift_start(pass, a->date, a->slot_start);
		if (start <= pass->now || start - ahead > pass->now ||
		    is_confirmed(confirmations, a))
			continue;
		if (!escalate_seat(pass, edit, a, error))
			return FALSE;
	}
	return TRUE;
}

/* whether seat @seat_no of the cell is held in the published version */
static gboolean
seat_is_held(const RosterRosterEdit *edit,
	     guint32 date,
	     gint slot_start,
	     gint64 seat_class_id,
	     guint seat_no)
{
	for (guint i = 0; i < edit->hotline->previous->len; i++) {
		const RosterHotlineAssignment *a = g_ptr_array_index(edit->hotline->previous, i);
		if (a->date == date && a->slot_start == slot_start &&
		    a->seat_class_id == seat_class_id && a->seat_no == seat_no &&
		    a->volunteer_id > 0 && !roster_hotline_model_is_trainee_place(edit->model, a))
			return TRUE;
	}
	return FALSE;
}

/* adds the open seats of one cell not alerted yet to @text; their count */
static guint
alert_cell(RosterNotifyPass *pass,
	   const RosterRosterEdit *edit,
	   guint day,
	   guint slot,
	   guint c,
	   RosterNotifyText *text,
	   GError **error)
{
	guint32 date = edit->hotline->first_day + day;
	gint slot_start = roster_hotline_model_slot_start(edit->model, slot);
	gint64 seat_class_id = roster_hotline_model_get_seat_class(edit->model, c)->id;
	guint required = roster_hotline_model_get_requirement(edit->model, day, slot, c);
	g_autofree gchar *label = NULL;
	guint n = 0;

	for (guint seat = 1; seat <= required; seat++) {
		g_autofree gchar *key = NULL;
		gboolean added = FALSE;
		if (seat_is_held(edit, date, slot_start, seat_class_id, seat))
			continue;
		key = g_strdup_printf("%u-%d-%" G_GINT64_FORMAT "-%u",
				      date,
				      slot_start,
				      seat_class_id,
				      seat);
		if (!roster_store_alert_add(pass->store,
					    edit->roster->id,
					    ROSTER_NOTIFY_KIND_UNCOVERED,
					    key,
					    pass->now,
					    &added,
					    error))
			return G_MAXUINT;
		if (!added)
			continue;
		if (label == NULL)
			label = dup_seat_label(pass, date, slot_start, seat_class_id, error);
		if (label == NULL)
			return G_MAXUINT;
		roster_notify_text_add(text,
				       ROSTER_NOTIFY_BODY,
				       N_("\n%s seat %u, who could take it:\n"),
				       label,
				       seat);
		append_replacements(text, edit, date, slot_start, seat_class_id, 0);
		n++;
	}
	return n;
}

/* one alert per pass and roster with every seat of the next 24 h that is newly seen
 * uncovered */
static gboolean
alert_uncovered(RosterNotifyPass *pass, const RosterRosterEdit *edit, GError **error)
{
	g_auto(RosterNotifyText) text = {0};
	guint n = 0;

	roster_notify_text_init(&text);
	for (guint day = 0; day < edit->hotline->n_days; day++) {
		for (guint slot = 0; slot < edit->model->n_slots; slot++) {
			gint64 start = roster_notify_shift_start(
			    pass,
			    edit->hotline->first_day + day,
			    roster_hotline_model_slot_start(edit->model, slot));
			if (start <= pass->now || start > pass->now + UNCOVERED_AHEAD_SECONDS)
				continue;
			for (guint c = 0; c < edit->model->n_classes; c++) {
				guint added = alert_cell(pass, edit, day, slot, c, &text, error);
				if (added == G_MAXUINT)
					return FALSE;
				n += added;
			}
		}
	}
	if (n == 0)
		return TRUE;
	roster_notify_text_add(&text,
			       ROSTER_NOTIFY_SUBJECT,
			       N_("Seats uncovered in the next 24 hours: %u"),
			       n);
	roster_notify_text_add(
	    &text,
	    ROSTER_NOTIFY_BODY_START,
	    N_("These seats of a published roster have nobody in the next 24 hours:\n"));
	roster_notify_text_append_footer(&text,
					 N_("Please arrange a replacement in the desktop app."));
	pass->written++;
	return roster_notify_write_to_coordinators(pass->store,
						   pass->settings,
						   ROSTER_NOTIFY_KIND_UNCOVERED,
						   &text,
						   pass->now,
						   pass->now_text,
						   error);
}

/* whether the roster's period reaches into the next day or so */
static gboolean
is_current(RosterNotifyPass *pass, const RosterStoreRoster *roster)
{
	g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc(pass->now);
	g_autoptr(GDateTime) local = g_date_time_to_timezone(utc, pass->tz);
	g_autoptr(GDateTime) before = g_date_time_add_days(local, -1);
	g_autoptr(GDateTime) after = g_date_time_add_days(local, 2);
	g_autofree gchar *from = g_date_time_format(before, "%Y-%m-%d");
	g_autofree gchar *to = g_date_time_format(after, "%Y-%m-%d");

	return g_strcmp0(roster->period_end, from) >= 0 && g_strcmp0(roster->period_start, to) <= 0;
}

/**
 * roster_notify_escalate:
 * @pass: the notifier's pass, inside its transaction
 * @error: (nullable): return location for a #GError
 *
 * Writes to the coordinators each alert due at the pass's time and not yet written:
 * the unconfirmed crisis seats starting within the escalation time, and the seats of a
 * published roster uncovered in the next 24 hours.
 *
 * Returns: %FALSE with @error set on a database error
 */
gboolean
roster_notify_escalate(RosterNotifyPass *pass, GError **error)
{
	g_autoptr(GPtrArray) rosters = roster_store_list_rosters(pass->store, error);

	if (rosters == NULL)
		return FALSE;
	for (guint i = 0; i < rosters->len; i++) {
		RosterStoreRoster *roster = g_ptr_array_index(rosters, i);
		g_auto(RosterRosterEdit) edit = {0};
		if (roster->n_versions == 0 || !is_current(pass, roster))
			continue;
		if (!roster_requests_load(pass->engine, roster->id, &edit, error) ||
		    !escalate_crisis(pass, &edit, error) || !alert_uncovered(pass, &edit, error))
			return FALSE;
	}
	return TRUE;
}
