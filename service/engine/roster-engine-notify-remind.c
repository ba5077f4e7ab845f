/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* reminders before shifts: a periodic pass of the engine writes each reminder that is due
 * (once per shift, volunteer and offset) into the outbox, the first with a one-tap
 * confirm link; and the notifier's clock, which only a debug build lets a test move */

#include "config.h"

#include "roster-datetime.h"
#include "roster-engine-notify-private.h"
#include "roster-engine-private.h"
#include "roster-store-reminders.h"
#include "roster-store-rosters.h"

/* how often the pass runs; each second under a test clock */
#define REMIND_SECONDS 60

/* the file of a test's clock, or NULL: never in a build other than debug */
static const gchar *
test_clock_path(void)
{
#ifdef ROSTER_TEST_CLOCK
	return g_getenv("ROSTER_TEST_NOW_FILE");
#else
	return NULL;
#endif
}

/* the clock of a test, or -1 when there is none or its file is absent */
static gint64
test_now(void)
{
	const gchar *path = test_clock_path();
	g_autofree gchar *text = NULL;
	gint64 value = 0;

	if (path == NULL || !g_file_get_contents(path, &text, NULL, NULL))
		return -1;
	g_strstrip(text);
	if (g_ascii_string_to_signed(text, 10, 0, G_MAXINT64, &value, NULL))
		return value;
	return -1;
}

/**
 * roster_notify_now:
 *
 * Returns: the notifier's time, seconds since the epoch: the real time, or in a debug
 *   build the number in the file `ROSTER_TEST_NOW_FILE` names when it is set
 */
gint64
roster_notify_now(void)
{
	gint64 now = test_now();

	return now >= 0 ? now : g_get_real_time() / G_USEC_PER_SEC;
}

/**
 * roster_notify_message_set_address:
 * @m: a message
 * @settings: the notifier's settings
 * @email: (inout) (nullable): the e-mail address, taken when used
 * @phone: (inout) (nullable): the phone number, taken when used
 *
 * Picks the transport: e-mail when an SMTP server is set and there is an address, else
 * the webhook when one is set and there is a phone number.
 *
 * Returns: %FALSE when neither fits
 */
gboolean
roster_notify_message_set_address(RosterOutboxMessage *m,
				  const RosterNotifySettings *settings,
				  gchar **email,
				  gchar **phone)
{
	if (settings->smtp_server != NULL && settings->smtp_from != NULL && *email != NULL) {
		m->transport = g_strdup(ROSTER_NOTIFY_TRANSPORT_EMAIL);
		m->address = g_steal_pointer(email);
		return TRUE;
	}
	if (settings->webhook_url != NULL && *phone != NULL) {
		m->transport = g_strdup(ROSTER_NOTIFY_TRANSPORT_WEBHOOK);
		m->address = g_steal_pointer(phone);
		return TRUE;
	}
	return FALSE;
}

/**
 * roster_notify_shift_start:
 * @pass: a pass
 * @date: an operational day, julian
 * @slot_start: the slot's start, minutes after midnight
 *
 * Returns: the shift's start, seconds since the epoch, or -1 for no such time
 */
gint64
roster_notify_shift_start(const RosterNotifyPass *pass, guint32 date, gint slot_start)
{
	g_autoptr(GDateTime) dt = NULL;

	/* a slot before the operational day's first one runs after midnight */
	if (slot_start < pass->calendar->first_slot_start)
		slot_start += 24 * 60;
	dt = roster_datetime_new_local(pass->tz, date, slot_start);
	return dt != NULL ? g_date_time_to_unix(dt) : -1;
}

static gboolean
compose(RosterNotifyPass *pass,
	const RosterStoreRoster *roster,
	const RosterHotlineAssignment *a,
	gint64 start,
	gboolean with_link,
	RosterOutboxMessage *m,
	GError **error)
{
	g_autofree gchar *name = NULL;
	g_autofree gchar *email = NULL;
	g_autofree gchar *phone = NULL;
	g_autofree gchar *language = NULL;
	g_autofree gchar *seat = NULL;
	g_autofree gchar *date = roster_datetime_format_date(a->date);
	g_autofree gchar *slot = roster_datetime_format_time(a->slot_start);
	g_autofree gchar *token = NULL;
	g_autofree gchar *link = NULL;
	g_autofree gchar *roster_name = roster_notify_dup_roster_label(roster);
	g_autoptr(GString) body = g_string_new(NULL);
	g_autofree gchar *next = NULL;
	RosterNotifyLanguage lang;
	locale_t previous;

	if (!roster_store_notify_get_contact(pass->store,
					     a->volunteer_id,
					     &name,
					     &email,
					     &phone,
					     &language,
					     error))
		return FALSE;
	if (!roster_notify_message_set_address(m, pass->settings, &email, &phone))
		return TRUE;
	seat = roster_store_notify_dup_seat_class_name(pass->store, a->seat_class_id, error);
	if (seat == NULL)
		return FALSE;
	lang = roster_notify_language_from_code(language);
	if (with_link) {
		token = roster_notify_confirm_token_new(pass->store,
							roster->id,
							a->id,
							a->volunteer_id,
							roster->n_versions,
							start,
							error);
		if (token == NULL)
			return FALSE;
		link = g_strdup_printf("%s/confirm/%s%s",
				       pass->settings->public_url,
				       token,
				       lang == ROSTER_NOTIFY_LANGUAGE_EN ? "?lang=en" : "");
	}
	previous = roster_notify_language_enter(lang);
	m->subject = g_strdup_printf(_("Reminder: your shift on %s at %s"), date, slot);
	g_string_append_printf(body, _("Hello %s,\n\n"), name);
	g_string_append_printf(body,
			       _("your shift: %s %s %s (roster \"%s\").\n\n"),
			       date,
			       slot,
			       seat,
			       roster_name);
	if (link != NULL)
		g_string_append_printf(
		    body,
		    _("Please confirm that you will come, with one tap:\n%s\n\n"),
		    link);
	next = g_strdup_printf(_("Your shifts: %s/my/"), pass->settings->public_url);
	g_string_truncate(body, body->len - 1);
	roster_notify_append_footer(body, next);
	roster_notify_language_leave(previous);
	m->body = g_string_free(g_steal_pointer(&body), FALSE);
	m->language = g_strdup(roster_notify_language_get_code(lang));
	return TRUE;
}

/* writes the reminder of @a for @offset when it is new and wanted */
static gboolean
remind(RosterNotifyPass *pass,
       const RosterStoreRoster *roster,
       const RosterHotlineAssignment *a,
       gint64 start,
       gint offset,
       gboolean first,
       GError **error)
{
	g_auto(GStrv) optouts = NULL;
	g_autoptr(RosterOutboxMessage) m = g_new0(RosterOutboxMessage, 1);

	optouts = roster_store_notify_get_optouts(pass->store, a->volunteer_id, error);
	if (optouts == NULL)
		return FALSE;
	if (g_strv_contains((const gchar *const *)optouts, ROSTER_NOTIFY_KIND_REMINDER))
		return TRUE;
	if (!compose(pass, roster, a, start, first, m, error))
		return FALSE;
	if (m->address == NULL)
		return TRUE;
	g_debug("reminder %d minutes before shift %" G_GINT64_FORMAT, offset, a->id);
	m->kind = g_strdup(ROSTER_NOTIFY_KIND_REMINDER);
	m->volunteer_id = a->volunteer_id;
	m->next_attempt = roster_notify_settings_quiet_until(pass->settings, pass->now);
	m->created = g_strdup(pass->now_text);
	return roster_store_outbox_insert(pass->store, m, error) > 0;
}

/* the reminders of one shift: each offset whose time has come is recorded once; when
 * several came at once (a late publish, a stopped daemon) only the nearest is sent */
static gboolean
remind_shift(RosterNotifyPass *pass,
	     const RosterStoreRoster *roster,
	     const RosterHotlineAssignment *a,
	     GError **error)
{
	gint64 start;
	gboolean any = FALSE;
	gint send = -1;

	if (a->volunteer_id <= 0)
		return TRUE;
	start = roster_notify_shift_start(pass, a->date, a->slot_start);
	if (start < 0 || start <= pass->now ||
	    start - (gint64)pass->settings->reminder_minutes[0] * 60 > pass->now)
		return TRUE;
	if (!roster_store_reminder_any(pass->store,
				       roster->id,
				       a->id,
				       a->volunteer_id,
				       &any,
				       error))
		return FALSE;
	for (guint i = 0; i < pass->settings->n_reminders; i++) {
		gint offset = pass->settings->reminder_minutes[i];
		gboolean added = FALSE;
		if (start - (gint64)offset * 60 > pass->now)
			continue;
		if (!roster_store_reminder_add(pass->store,
					       roster->id,
					       a->id,
					       a->volunteer_id,
					       offset,
					       pass->now,
					       &added,
					       error))
			return FALSE;
		if (added)
			send = offset;
		else
			any = TRUE;
	}
	if (send < 0)
		return TRUE;
	/* recorded even when opted out or without an address: the pass commits it */
	pass->written++;
	return remind(pass, roster, a, start, send, !any, error);
}

static gboolean
remind_all(RosterNotifyPass *pass, GError **error)
{
	g_autoptr(GPtrArray) rosters = roster_store_list_rosters(pass->store, error);

	if (rosters == NULL)
		return FALSE;
	for (guint i = 0; i < rosters->len; i++) {
		RosterStoreRoster *roster = g_ptr_array_index(rosters, i);
		g_autoptr(GPtrArray) rows = NULL;
		/* a draft never published has no shift to remind of */
		if (roster->n_versions == 0)
			continue;
		rows = roster_store_list_version_assignments(pass->store,
							     roster->id,
							     roster->n_versions,
							     error);
		if (rows == NULL)
			return FALSE;
		for (guint j = 0; j < rows->len; j++) {
			if (!remind_shift(pass, roster, g_ptr_array_index(rows, j), error))
				return FALSE;
		}
	}
	return TRUE;
}

/**
 * roster_engine_notify_remind:
 * @self: an engine
 * @now: the time of the pass, seconds since the epoch
 * @error: (nullable): return location for a #GError
 *
 * Writes into the outbox, in one transaction, every reminder due at @now and not yet
 * written, for the shifts of each roster's last published version, and the alerts to
 * the coordinators due then (roster_notify_escalate()).
 *
 * Returns: the number of reminders and alerts recorded, or -1 with @error set
 */
gint
roster_engine_notify_remind(RosterEngine *self, gint64 now, GError **error)
{
	RosterStore *store = roster_engine_get_store(self);
	g_autoptr(RosterNotifySettings) settings = NULL;
	g_autoptr(RosterServiceCalendar) calendar = NULL;
	g_autoptr(GTimeZone) tz = NULL;
	g_autoptr(GDateTime) now_dt = g_date_time_new_from_unix_utc(now);
	g_autofree gchar *now_text = g_date_time_format_iso8601(now_dt);
	RosterNotifyPass pass = {0};

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), -1);
	if (!roster_engine_ensure_open(self, error))
		return -1;
	settings = roster_notify_settings_load(store, error);
	if (settings == NULL)
		return -1;
	calendar = roster_engine_load_service_calendar(self, error);
	if (calendar == NULL)
		return -1;
	tz = g_time_zone_new_identifier(calendar->time_zone != NULL ? calendar->time_zone
								    : settings->time_zone);
	if (tz == NULL)
		tz = g_time_zone_new_utc();
	pass.engine = self;
	pass.store = store;
	pass.settings = settings;
	pass.calendar = calendar;
	pass.tz = tz;
	pass.now = now;
	pass.now_text = now_text;
	if (!roster_store_begin(store, error))
		return -1;
	if (!remind_all(&pass, error) || !roster_notify_escalate(&pass, error)) {
		roster_engine_end_write(self, FALSE, NULL);
		return -1;
	}
	/* a pass that wrote nothing leaves the database and its caches alone */
	if (pass.written == 0) {
		roster_store_rollback(store);
		return 0;
	}
	if (!roster_engine_end_write(self, TRUE, error))
		return -1;
	return (gint)pass.written;
}

static gboolean
remind_now(RosterEngine *self, GError **error)
{
	return roster_engine_notify_remind(self, roster_notify_now(), error) >= 0;
}

/**
 * roster_engine_add_reminders:
 * @self: an engine
 *
 * Returns: the id of the periodic source that writes the reminders before shifts,
 *   each minute (each second under a test's clock)
 */
guint
roster_engine_add_reminders(RosterEngine *self)
{
	return roster_engine_add_pass(self,
				      test_clock_path() != NULL ? 1 : REMIND_SECONDS,
				      remind_now,
				      "writing reminders");
}
