/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the daemon's error codes and field names in the user's words: what a failed call says */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-client.h"
#include "roster-code-labels.h"
#include "roster-error.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"

static const gchar *
field_label(const gchar *field)
{
	struct {
		const gchar *key;
		const gchar *label;
	} labels[] = {
	    {ROSTER_KEY_NAME, N_("Name")},
	    {ROSTER_KEY_COUNSELLOR_NO, N_("Counsellor number")},
	    {ROSTER_KEY_TIER, N_("Tier")},
	    {ROSTER_KEY_MODES, N_("Seat modes")},
	    {ROSTER_KEY_PHONE, N_("Phone")},
	    {ROSTER_KEY_EMAIL, N_("E-mail")},
	    {ROSTER_KEY_SKILLS, N_("Skills")},
	    {ROSTER_KEY_TEAM_ID, N_("Team")},
	    {ROSTER_KEY_MAX_HOURS_WEEK, N_("Maximum hours a week")},
	    {ROSTER_KEY_MAX_HOURS_MONTH, N_("Maximum hours a month")},
	    {ROSTER_KEY_MAX_SHIFTS_MONTH, N_("Maximum shifts a month")},
	    {ROSTER_KEY_MIN_SHIFTS_MONTH, N_("Minimum shifts a month")},
	    {ROSTER_KEY_MAX_CONSECUTIVE_DAYS, N_("Maximum consecutive days")},
	    {ROSTER_KEY_MAX_NIGHTS_MONTH, N_("Maximum nights a month")},
	    {ROSTER_KEY_USERNAME, N_("User name")},
	    {ROSTER_KEY_PASSWORD, N_("Password")},
	    {ROSTER_KEY_REVISION, N_("Revision")},
	    {ROSTER_KEY_CODE, N_("Code")},
	    {ROSTER_KEY_MODE, N_("Mode")},
	    {ROSTER_KEY_MIN_TIER, N_("Minimum tier")},
	    {ROSTER_KEY_SEATS, N_("Seats")},
	    {ROSTER_KEY_SEAT_CLASS_ID, N_("Seat class")},
	    {ROSTER_KEY_WEEKDAYS, N_("Weekdays")},
	    {ROSTER_KEY_START, N_("Start")},
	    {ROSTER_KEY_END, N_("End")},
	    {ROSTER_KEY_DATE, N_("Date")},
	    {ROSTER_KEY_SLOT, N_("Slot")},
	    {ROSTER_KEY_VOLUNTEER_ID, N_("Volunteer")},
	    {ROSTER_KEY_PERIOD_START, N_("Period start")},
	    {ROSTER_KEY_PERIOD_END, N_("Period end")},
	    {ROSTER_KEY_KIND, N_("Kind")},
	    {ROSTER_KEY_WEEKDAY, N_("Day")},
	    {ROSTER_KEY_NOTE, N_("Note")},
	    {ROSTER_KEY_DATE_FROM, N_("First date")},
	    {ROSTER_KEY_DATE_TO, N_("Last date")},
	    {ROSTER_KEY_ACTIVE, N_("Takes shifts")},
	    {"team", N_("Team")},
	    {ROSTER_KEY_HONOUR_ROLL_CONSENT, N_("Honour roll consent")},
	    {ROSTER_KEY_HOURS, N_("Hours")},
	    {ROSTER_KEY_DIMENSION, N_("Dimension")},
	    {ROSTER_KEY_SCORE, N_("Score")},
	    {ROSTER_KEY_VERIFIED_BY, N_("Verified by")},
	    {ROSTER_KEY_LATE_MINUTES, N_("Minutes late")},
	    {ROSTER_KEY_STATUS, N_("Attendance")},
	    {ROSTER_KEY_CRISIS, N_("Crisis seat")},
	    {ROSTER_KEY_SEAT_NO, N_("Seat number")},
	    {ROSTER_KEY_TO_TIER, N_("New tier")},
	    {ROSTER_KEY_NIGHT_START, N_("Night starts")},
	    {ROSTER_KEY_NIGHT_END, N_("Night ends")},
	    {ROSTER_KEY_MANNED_WINDOWS, N_("Weekly manned hours")},
	    {ROSTER_KEY_OVERRIDES, N_("Dated Overrides")},
	};

	for (guint i = 0; i < G_N_ELEMENTS(labels); i++) {
		if (g_strcmp0(labels[i].key, field) == 0)
			return _(labels[i].label);
	}
	return field;
}

/**
 * roster_client_get_field_label:
 * @field: (nullable): a member of a record as the API names it, e.g. `max_shifts_month`
 *
 * Returns: the member's name in the user's language, or @field itself when it is not
 *   one the app knows
 *
 * Since: 0.1
 */
const gchar *
roster_client_get_field_label(const gchar *field)
{
	return field_label(field);
}

/* the hard rules a manual roster edit may break, as the daemon names them in the
 * field of its 422 */
static const gchar *
hard_rule_label(const gchar *field)
{
	return roster_rule_lookup_sentence(field);
}

/**
 * roster_client_field_is_hard_rule:
 * @field: (nullable): the field of a 422 answer
 *
 * Returns: whether @field names a hard rule of the roster, which a coordinator may
 *   override on purpose
 *
 * Since: 0.1
 */
gboolean
roster_client_field_is_hard_rule(const gchar *field)
{
	return hard_rule_label(field) != NULL;
}

/**
 * roster_client_dup_error_message:
 * @code: an error code from the daemon, e.g. `invalid-data`
 * @field: (nullable): the member the error is about
 *
 * Returns: (transfer full): a message in the user's language
 *
 * Since: 0.1
 */
gchar *
roster_client_dup_error_message(const gchar *code, const gchar *field)
{
	RosterError error_code = roster_error_from_string(code);

	switch (error_code) {
	case ROSTER_ERROR_INVALID_DATA:
		if (hard_rule_label(field) != NULL) {
			/* TRANSLATORS: %s says which rule, e.g. "too little rest between two
			 * shifts" */
			return g_strdup_printf(_("This change breaks a hard rule: %s"),
					       hard_rule_label(field));
		}
		if (g_strcmp0(field, ROSTER_ATTENDANCE_REFUSAL_NOT_STARTED) == 0)
			return g_strdup(_("This shift has not started yet; record its attendance "
					  "once it has"));
		/* a member the app has no words for is not shown by its API name */
		if (field != NULL && field[0] != '\0' && field_label(field) != field) {
			/* TRANSLATORS: %s is the name of a form field */
			return g_strdup_printf(_("The value of “%s” is not valid"),
					       field_label(field));
		}
		return g_strdup(_("Some of the values are not valid"));
	case ROSTER_ERROR_MALFORMED:
		return g_strdup(_("The server could not read the request"));
	case ROSTER_ERROR_NOT_FOUND:
		return g_strdup(_("The record no longer exists"));
	case ROSTER_ERROR_ALREADY_EXISTS:
		if (field != NULL && field[0] != '\0' && field_label(field) != field) {
			/* TRANSLATORS: %s is the name of a form field */
			return g_strdup_printf(_("Another record already has this “%s”"),
					       field_label(field));
		}
		return g_strdup(_("The record already exists"));
	case ROSTER_ERROR_CONFLICT:
		return g_strdup(_("Someone else changed this record; reload and try again"));
	case ROSTER_ERROR_PERMISSION_DENIED:
		return g_strdup(_("Your account may not do this"));
	case ROSTER_ERROR_AUTH_FAILED:
		return g_strdup(_("Wrong user name or password, or the session has expired"));
	case ROSTER_ERROR_BUSY:
		return g_strdup(_("The server is busy; try again in a moment"));
	case ROSTER_ERROR_NOT_SUPPORTED:
		return g_strdup(_("The server does not support this"));
	case ROSTER_ERROR_TIMED_OUT:
		return g_strdup(_("The server took too long to answer"));
	case ROSTER_ERROR_TOO_LARGE:
		return g_strdup(_("The request is too large"));
	case ROSTER_ERROR_TOO_MANY_REQUESTS:
		/* the solve route refuses a solve beyond the cap on the rosters collection */
		if (g_strcmp0(field, ROSTER_COLLECTION_ROSTERS) == 0)
			return g_strdup(_("As many solves as the server allows are running; try "
					  "again when one has ended"));
		return g_strdup(_("Too many failed attempts; wait a moment and try again"));
	case ROSTER_ERROR_INTERNAL:
	case ROSTER_ERROR_LAST:
	default:
		return g_strdup(_("The server met an internal error"));
	}
}
