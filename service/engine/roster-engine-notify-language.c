/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the languages a message is written in: the English text is the msgid of the
 * project's catalog, and a message is rendered in its recipient's language by switching
 * the calling thread's locale (uselocale) around it, never the process's; a message to
 * several people holds its text in every language and each gets theirs */

#include "config.h"

#include "roster-build-dirs.h"
#include "roster-engine-notify-private.h"

/* the locale each language renders in; "C" makes gettext return the msgid, English */
static locale_t locales[ROSTER_NOTIFY_N_LANGUAGES];

static gpointer
init_locales_cb(gpointer data)
{
	const gchar *language = g_getenv("LANGUAGE");

	/* the daemon's and the tool's main bind the domain too, but only to the installed
	 * folder; a program run from the build folder reads the catalog built there */
	bindtextdomain(GETTEXT_PACKAGE, roster_build_dirs_locale_dir());
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	locales[ROSTER_NOTIFY_LANGUAGE_EN] = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	locales[ROSTER_NOTIFY_LANGUAGE_ZH_CN] =
	    newlocale(LC_MESSAGES_MASK | LC_CTYPE_MASK, "zh_CN.UTF-8", (locale_t)0);
	if (locales[ROSTER_NOTIFY_LANGUAGE_ZH_CN] == (locale_t)0) {
		g_warning("the locale zh_CN.UTF-8 is not installed: messages are written in "
			  "English (build-aux/install-deps.sh generates it)");
		locales[ROSTER_NOTIFY_LANGUAGE_ZH_CN] = locales[ROSTER_NOTIFY_LANGUAGE_EN];
	}
	/* gettext prefers LANGUAGE to any locale but "C": it would override the Chinese */
	if (language != NULL && language[0] != '\0')
		g_warning("LANGUAGE is set (%s): messages in Chinese follow it instead", language);
	return NULL;
}

/**
 * roster_notify_language_from_code:
 * @code: (nullable): a language as the records hold it: `zh-CN` or `en`
 *
 * Returns: the language of @code; Chinese, the default, for anything but English
 */
RosterNotifyLanguage
roster_notify_language_from_code(const gchar *code)
{
	if (code != NULL && g_str_has_prefix(code, "en"))
		return ROSTER_NOTIFY_LANGUAGE_EN;
	return ROSTER_NOTIFY_LANGUAGE_ZH_CN;
}

/**
 * roster_notify_language_get_code:
 * @language: a language
 *
 * Returns: its code as an outbox message records it
 */
const gchar *
roster_notify_language_get_code(RosterNotifyLanguage language)
{
	return language == ROSTER_NOTIFY_LANGUAGE_EN ? "en" : "zh-CN";
}

/**
 * roster_notify_language_enter:
 * @language: a language
 *
 * Makes the calling thread's `_()` render in @language until
 * roster_notify_language_leave(); other threads are not affected.
 *
 * Returns: the thread's previous locale, for roster_notify_language_leave()
 */
locale_t
roster_notify_language_enter(RosterNotifyLanguage language)
{
	static GOnce once = G_ONCE_INIT;

	g_once(&once, init_locales_cb, NULL);
	return uselocale(locales[language]);
}

/**
 * roster_notify_language_leave:
 * @previous: what roster_notify_language_enter() returned
 *
 * Gives the calling thread its previous locale back.
 */
void
roster_notify_language_leave(locale_t previous)
{
	uselocale(previous);
}

/**
 * roster_notify_text_init:
 * @text: a message to fill
 *
 * Makes the empty strings of @text, a subject and a body per language.
 */
void
roster_notify_text_init(RosterNotifyText *text)
{
	for (guint i = 0; i < ROSTER_NOTIFY_N_LANGUAGES; i++) {
		text->subject[i] = g_string_new(NULL);
		text->body[i] = g_string_new(NULL);
	}
}

/**
 * roster_notify_text_clear:
 * @text: a message
 *
 * Frees the strings of @text.
 */
void
roster_notify_text_clear(RosterNotifyText *text)
{
	for (guint i = 0; i < ROSTER_NOTIFY_N_LANGUAGES; i++) {
		if (text->subject[i] != NULL)
			g_string_free(g_steal_pointer(&text->subject[i]), TRUE);
		if (text->body[i] != NULL)
			g_string_free(g_steal_pointer(&text->body[i]), TRUE);
	}
}

/**
 * roster_notify_text_add:
 * @text: a message
 * @where: the part of the message and whether at its start or its end
 * @format: the English text, a msgid marked with N_(), with printf directives
 * @...: its arguments, the same in every language
 *
 * Adds @format, translated into each language of @text, to that language's part.
 */
void
roster_notify_text_add(RosterNotifyText *text, RosterNotifyPart where, const gchar *format, ...)
{
	for (guint i = 0; i < ROSTER_NOTIFY_N_LANGUAGES; i++) {
		locale_t previous = roster_notify_language_enter(i);
		GString *part = where == ROSTER_NOTIFY_SUBJECT ? text->subject[i] : text->body[i];
		g_autofree gchar *line = NULL;
		va_list args;

		va_start(args, format);
		line = g_strdup_vprintf(_(format), args);
		va_end(args);
		roster_notify_language_leave(previous);
		if (where == ROSTER_NOTIFY_BODY_START)
			g_string_prepend(part, line);
		else
			g_string_append(part, line);
	}
}

/**
 * roster_notify_append_footer:
 * @body: the body of a message, rendered in the calling thread's language
 * @next: what to do next, translated
 *
 * Ends @body with @next and that the message was sent automatically.
 */
void
roster_notify_append_footer(GString *body, const gchar *next)
{
	g_string_append_printf(body,
			       "\n%s\n\n%s\n",
			       next,
			       _("This message was sent automatically; please do not reply."));
}

/**
 * roster_notify_text_render:
 * @text: a message
 * @render: adds to the subject and the body given, with `_()` in their language
 * @data: the data of @render
 *
 * Calls @render once for each language of @text, in that language.
 */
void
roster_notify_text_render(RosterNotifyText *text, RosterNotifyRender render, gconstpointer data)
{
	for (guint i = 0; i < ROSTER_NOTIFY_N_LANGUAGES; i++) {
		locale_t previous = roster_notify_language_enter(i);
		render(text->subject[i], text->body[i], data);
		roster_notify_language_leave(previous);
	}
}

static void
footer_cb(GString *subject, GString *body, gconstpointer data)
{
	roster_notify_append_footer(body, _(data));
}

/**
 * roster_notify_text_append_footer:
 * @text: a message
 * @next: what to do next, a msgid marked with N_()
 *
 * Ends @text with @next and that the message was sent automatically, in each language.
 */
void
roster_notify_text_append_footer(RosterNotifyText *text, const gchar *next)
{
	roster_notify_text_render(text, footer_cb, next);
}
