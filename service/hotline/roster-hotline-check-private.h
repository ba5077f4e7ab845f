/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-hotline-check.h"

G_BEGIN_DECLS

/* the checks of a person's day that the hard rules and the explanations share */

/* "Mon 2026-03-02" for a day of the period */
gchar *
roster_hotline_check_day_label(const RosterHotlineModel *model, guint day);
/* the limits of a person's line: monthly, weekly and consecutive days */
void
roster_hotline_check_limits(const RosterHotlineModel *model,
			    const RosterSolverRoster *roster,
			    guint person,
			    guint day,
			    GPtrArray *problems);
/* whether @person may not work the cell for a reason of the roster's inputs: their
 * availability, or a hard team rotation that binds the cell to other teams */
gboolean
roster_hotline_check_is_kept_out(const RosterHotlineModel *model,
				 guint person,
				 guint day,
				 guint slot);
/* the rules of the cell @person works on @day: eligibility, availability, rest */
void
roster_hotline_check_cell(const RosterHotlineModel *model,
			  const RosterSolverRoster *roster,
			  guint person,
			  guint day,
			  GPtrArray *problems);

/* roster-hotline-explain.c: the head and sentence of an explanation item */
void
roster_hotline_explain_add_head(JsonBuilder *b,
				const RosterHotlineModel *model,
				const gchar *code,
				const gchar *kind,
				guint day);
void
roster_hotline_explain_add_text(JsonBuilder *b, const gchar *text);
/* roster-hotline-days.c: the calendar's holidays, make-up days and named periods */
void
roster_hotline_explain_days(const RosterHotlineModel *model, JsonBuilder *b, guint *total);

G_END_DECLS
