/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* what the notifier's periodic pass shares between its parts: the reminders before
 * shifts and the escalations to the coordinators */

#pragma once

#include <libintl.h>
#include <locale.h>

#include "roster-engine-notify.h"
#include "roster-service-calendar.h"
#include "roster-store-rosters.h"

G_BEGIN_DECLS

/* what one pass knows; it runs in one transaction */
typedef struct {
	RosterEngine *engine;
	RosterStore *store;
	RosterNotifySettings *settings;
	RosterServiceCalendar *calendar;
	GTimeZone *tz;
	gint64 now;
	gchar *now_text;
	guint written;
} RosterNotifyPass;

/* the languages of the messages; Chinese is the default */
typedef enum {
	ROSTER_NOTIFY_LANGUAGE_ZH_CN,
	ROSTER_NOTIFY_LANGUAGE_EN,
	ROSTER_NOTIFY_N_LANGUAGES,
} RosterNotifyLanguage;

/* a message text in the language the calling thread renders in
 * (roster_notify_language_enter()); not g_dgettext(), which decides once per process
 * whether to translate at all */
#undef _
#define _(String) dgettext(GETTEXT_PACKAGE, String)
#undef N_
#define N_(String) (String)

/* one message for several people, in every language: each gets theirs */
typedef struct {
	GString *subject[ROSTER_NOTIFY_N_LANGUAGES];
	GString *body[ROSTER_NOTIFY_N_LANGUAGES];
} RosterNotifyText;

/* where roster_notify_text_add() puts a text */
typedef enum {
	ROSTER_NOTIFY_SUBJECT,
	ROSTER_NOTIFY_BODY,
	ROSTER_NOTIFY_BODY_START,
} RosterNotifyPart;

/* roster-engine-notify-language.c */
RosterNotifyLanguage
roster_notify_language_from_code(const gchar *code);
const gchar *
roster_notify_language_get_code(RosterNotifyLanguage language);
locale_t
roster_notify_language_enter(RosterNotifyLanguage language);
void
roster_notify_language_leave(locale_t previous);
void
roster_notify_text_init(RosterNotifyText *text);
void
roster_notify_text_clear(RosterNotifyText *text);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RosterNotifyText, roster_notify_text_clear)
void
roster_notify_text_add(RosterNotifyText *text, RosterNotifyPart where, const gchar *format, ...)
    G_GNUC_PRINTF(3, 4);
/* ends @body (in the thread's language) with @next, translated, and that it was sent
 * automatically */
void
roster_notify_append_footer(GString *body, const gchar *next);
/* adds to one language's @subject and @body, in the thread's language */
typedef void (*RosterNotifyRender)(GString *subject, GString *body, gconstpointer data);
void
roster_notify_text_render(RosterNotifyText *text, RosterNotifyRender render, gconstpointer data);
/* the same in every language of @text; @next is a msgid */
void
roster_notify_text_append_footer(RosterNotifyText *text, const gchar *next);

/* roster-engine-notify-write.c */
/* inside the caller's transaction: @text to @contact (an object of account_id,
 * volunteer_id, email, phone and language, each optional) in the contact's language,
 * first tried at @next_attempt; nothing when the contact has no address the
 * transports can reach */
gboolean
roster_notify_write_text(RosterStore *store,
			 const RosterNotifySettings *settings,
			 JsonObject *contact,
			 const gchar *kind,
			 const RosterNotifyText *text,
			 gint64 next_attempt,
			 const gchar *created,
			 GError **error);
/* @text to every active coordinator with an address */
gboolean
roster_notify_write_to_coordinators(RosterStore *store,
				    const RosterNotifySettings *settings,
				    const gchar *kind,
				    const RosterNotifyText *text,
				    gint64 next_attempt,
				    const gchar *created,
				    GError **error);
/* the roster as a message names it: its name, or its period when it has none */
gchar *
roster_notify_dup_roster_label(const RosterStoreRoster *roster);
/* the contact object of volunteer @volunteer_id, as roster_notify_write_text() takes it */
JsonObject *
roster_notify_dup_volunteer_contact(RosterStore *store, gint64 volunteer_id, GError **error);

/* roster-engine-notify-remind.c: the start of the shift in slot @slot_start of the
 * operational day @date, seconds since the epoch, or -1 */
gint64
roster_notify_shift_start(const RosterNotifyPass *pass, guint32 date, gint slot_start);

/* roster-engine-notify-escalate.c: the escalations due at the pass's time */
gboolean
roster_notify_escalate(RosterNotifyPass *pass, GError **error);

G_END_DECLS
