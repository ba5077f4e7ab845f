/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "roster-hotline-model.h"

G_BEGIN_DECLS

/* a broken hard rule: a stable code, the volunteer and the day, and a sentence */
typedef struct {
	const gchar *rule;
	gint64 volunteer_id;
	guint day;
	gchar *text;
	/* the solver's shift type of the volunteer that day, or -1 */
	gint shift_type;
} RosterHotlineProblem;

void
roster_hotline_problem_free(RosterHotlineProblem *self);

/* the hard rules broken by @person's shift on @day and by the trainees of that day;
 * (element-type RosterHotlineProblem) */
GPtrArray *
roster_hotline_check_day(const RosterHotlineModel *model,
			 const RosterSolverRoster *roster,
			 guint person,
			 guint day);
/* the problems of @after that @before does not have */
GPtrArray *
roster_hotline_new_problems(GPtrArray *before, GPtrArray *after);

/* every broken hard rule of @roster, each counted once: a cell rule per shift (an
 * ineligible seat once per volunteer and seat type), a rest per pair of days, a
 * monthly limit once, a weekly limit per week, a run of days once, a lone trainee per
 * day; (element-type RosterHotlineProblem) */
GPtrArray *
roster_hotline_list_problems(const RosterHotlineModel *model, const RosterSolverRoster *roster);

/* why an active volunteer with no shift in the roster has none: a NULL-terminated
 * array of the codes "tier", "skills", "modes", "unavailable", "limits" or
 * "not-needed" */
gchar **
roster_hotline_dup_idle_reasons(const RosterHotlineModel *model,
				const RosterSolverRoster *roster,
				guint person);

/* the fit of a volunteer to the seat classes, ignoring the roster: NULL when some seat
 * class fits, else the codes "tier", "skills" and "modes" of what stands in the way */
gchar **
roster_hotline_dup_unfit_reasons(const RosterHotlineVolunteer *volunteer, GPtrArray *seat_classes);

/* every uncovered seat and broken rule with a code, the date, slot and seat class, the
 * reason in data and an English sentence: {"items": [...], "total": N} */
JsonNode *
roster_hotline_explain(const RosterHotlineModel *model, const RosterSolverRoster *roster);

/* counts of seats required and left uncovered (all and crisis) */
void
roster_hotline_count_uncovered(const RosterHotlineModel *model,
			       const RosterSolverRoster *roster,
			       guint *required,
			       guint *uncovered,
			       guint *uncovered_crisis);

G_END_DECLS
