/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* a roster's and a solve's counts in words: each count is its own ngettext message,
 * put into the whole line by a %s, so that "1 seat" and "2 seats" both read right */

#include "config.h"

#include <glib/gi18n.h>

#include "roster-solve-words.h"

/**
 * roster_solve_dup_uncovered_text:
 * @progress: the solve job as the daemon last reported it
 * @has_uncovered_now: whether @uncovered_now is known
 * @uncovered_now: the seats the roster leaves empty now
 *
 * The seats the solve left empty; once the solve has ended, a hand edit since makes
 * its count history, so the count now is said beside it.
 *
 * Returns: (transfer full): the words
 */
gchar *
roster_solve_dup_uncovered_text(const RosterSolveProgress *progress,
				gboolean has_uncovered_now,
				guint uncovered_now)
{
	gulong n;

	if (!progress->has_uncovered)
		/* TRANSLATORS: a solve that has found no roster yet */
		return g_strdup(_("– seats uncovered"));
	n = (gulong)MAX(progress->uncovered, 0);
	if (progress->state != ROSTER_SOLVE_RUNNING && has_uncovered_now &&
	    progress->uncovered != (gint64)uncovered_now) {
		/* TRANSLATORS: a solve's result after the roster was edited by hand: the
		 * seats empty when the solve ended, and now */
		return g_strdup_printf(ngettext("%lu seat uncovered when it ended, %u now",
						"%lu seats uncovered when it ended, %u now",
						n),
				       n,
				       uncovered_now);
	}
	return g_strdup_printf(ngettext("%lu seat uncovered", "%lu seats uncovered", n), n);
}

/**
 * roster_solve_dup_gap_text:
 * @gap: the per cent by which the best roster may be above the best possible
 *
 * Returns: (transfer full): "within 2.5 % of the best possible", or, at a gap that
 *   shows as 0.0, that the roster is proven the best possible
 */
gchar *
roster_solve_dup_gap_text(gdouble gap)
{
	if (gap < 0.05)
		/* TRANSLATORS: beside a solve's score: the solver proved that no roster
		 * keeping every hard rule scores better */
		return g_strdup(_("proven the best possible"));
	/* TRANSLATORS: beside a solve's score: the solver proved that no roster keeping
	 * every hard rule scores more than this share better */
	return g_strdup_printf(_("within %.1f %% of the best possible"), gap);
}

/**
 * roster_dup_broken_rules_text:
 * @n_broken: the hard rules a roster breaks
 *
 * Returns: (transfer full): "1 broken rule", "2 broken rules"
 */
gchar *
roster_dup_broken_rules_text(guint n_broken)
{
	return g_strdup_printf(ngettext("%u broken rule", "%u broken rules", n_broken), n_broken);
}

/**
 * roster_dup_uncovered_text:
 * @n_uncovered: the seats a roster leaves empty
 * @has_required: whether @required is known (a roster the solver scored)
 * @required: the seats the roster has
 *
 * Returns: (transfer full): "1 seat uncovered", or "1 of 30 seats uncovered" when
 * the seats are known; the plural follows the seats there
 */
gchar *
roster_dup_uncovered_text(guint n_uncovered, gboolean has_required, gint64 required)
{
	if (!has_required)
		return g_strdup_printf(
		    ngettext("%u seat uncovered", "%u seats uncovered", n_uncovered),
		    n_uncovered);
	return g_strdup_printf(
	    ngettext("%u of %d seat uncovered", "%u of %d seats uncovered", (gulong)required),
	    n_uncovered,
	    (gint)required);
}
