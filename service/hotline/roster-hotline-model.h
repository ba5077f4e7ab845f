/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "roster-hotline.h"
#include "roster-solver-evaluate.h"
#include "roster-solver-model.h"

G_BEGIN_DECLS

/*
 * The hotline's translation to the general solver model: a shift type is one (slot,
 * seat class) of the operational day; eligibility, availability, rest, limits and
 * pins become the solver's hard rules, cover, preferences, fairness, commitments and
 * closeness to the published version its soft ones. Pure computation: the engine fills
 * the hotline (roster-hotline.h) from the store.
 */

/* the built model and the maps between its indices and the hotline */
typedef struct {
	RosterSolverModel *solver;
	const RosterHotline *hotline;
	guint n_slots;
	guint n_classes;
	gint *person_volunteer; /* person -> index in hotline->volunteers */
	gint *volunteer_person; /* index in hotline->volunteers -> person or -1 */
	guint *requirement;	/* n_days * n_slots * n_classes */
	guint n_types;
	gint *kind_type;  /* slot * n_classes + class -> the solver's shift type, or -1 */
	guint *type_kind; /* shift type -> slot * n_classes + class */
	/* slot * n_classes + class -> the shift type of its trainee places, or -1 */
	gint *kind_trainee_type;
	guint8 *type_trainee;	     /* shift type -> whether it is trainee places */
	RosterSolverRoster *initial; /* the current roster, or NULL */
} RosterHotlineModel;

RosterHotlineModel *
roster_hotline_model_new(const RosterHotline *hotline, GError **error);
void
roster_hotline_model_free(RosterHotlineModel *self);

/* the slot start (minutes after midnight) of slot index k */
gint
roster_hotline_model_slot_start(const RosterHotlineModel *self, guint slot);
/* the slot index of a start time, or -1 */
gint
roster_hotline_model_find_slot(const RosterHotlineModel *self, gint slot_start);
gint
roster_hotline_model_find_class(const RosterHotlineModel *self, gint64 seat_class_id);
gint
roster_hotline_model_find_person(const RosterHotlineModel *self, gint64 volunteer_id);
/* the solver's shift type of (slot, seat class), or -1 when the model leaves it out */
gint
roster_hotline_model_shift_type(const RosterHotlineModel *self, guint slot, guint seat_class);
guint
roster_hotline_model_type_slot(const RosterHotlineModel *self, gint shift_type);
guint
roster_hotline_model_type_class(const RosterHotlineModel *self, gint shift_type);
guint
roster_hotline_model_get_requirement(const RosterHotlineModel *self,
				     guint day,
				     guint slot,
				     guint seat_class);
/* whether a volunteer may ever sit in a seat class (tier, skills, modes, active) */
gboolean
roster_hotline_model_is_eligible(const RosterHotlineModel *self, guint person, guint seat_class);

/* trainee places: a shift type of their own per (slot, seat class), beside the seats */
gint
roster_hotline_model_trainee_type(const RosterHotlineModel *self, guint slot, guint seat_class);
gboolean
roster_hotline_model_type_is_trainee(const RosterHotlineModel *self, gint shift_type);
guint
roster_hotline_model_get_trainee_places(const RosterHotlineModel *self,
					guint day,
					guint slot,
					guint seat_class);
gboolean
roster_hotline_model_is_trainee_eligible(const RosterHotlineModel *self,
					 guint person,
					 guint seat_class);
gboolean
roster_hotline_model_may_take(const RosterHotlineModel *self, guint person, gint shift_type);
gint
roster_hotline_model_seat_type(const RosterHotlineModel *self,
			       guint person,
			       guint day,
			       guint slot,
			       guint seat_class,
			       guint seat_no);
gboolean
roster_hotline_model_is_trainee_place(const RosterHotlineModel *self,
				      const RosterHotlineAssignment *assignment);

/* the slots of a day that the volunteer's entries of one kind cover, a bit per slot */
guint64
roster_hotline_model_get_availability(const RosterHotlineModel *self,
				      guint person,
				      guint day,
				      RosterHotlineAvailabilityKind kind);
/* whether the volunteer's team prefers other slots than this one */
gboolean
roster_hotline_model_is_outside_team_slots(const RosterHotlineModel *self,
					   guint person,
					   guint slot);
/* whether the team rotation binds the cell to teams and none is the volunteer's */
gboolean
roster_hotline_model_is_outside_team_rotation(const RosterHotlineModel *self,
					      guint person,
					      guint day,
					      guint slot);
/* whether an unavailability of the volunteer covers the slot of that day */
gboolean
roster_hotline_model_is_unavailable(const RosterHotlineModel *self,
				    guint person,
				    guint day,
				    guint slot);
/* whether a shift in slot @next the day after one in slot @slot leaves too little rest */
gboolean
roster_hotline_model_rest_too_short(const RosterHotlineModel *self, guint slot, guint next);
/* whether the slot counts as a night: at least half of it in the calendar's night
 * window (23:00-08:00 by default) */
gboolean
roster_hotline_model_is_night(const RosterHotlineModel *self, guint slot);
/* the volunteer of a person index */
const RosterHotlineVolunteer *
roster_hotline_model_get_volunteer(const RosterHotlineModel *self, guint person);
const RosterHotlineSeatClass *
roster_hotline_model_get_seat_class(const RosterHotlineModel *self, guint seat_class);

/* the assignments of a solver roster, seats numbered from 1 per (day, slot, class) */
GPtrArray *
roster_hotline_model_to_assignments(const RosterHotlineModel *self,
				    const RosterSolverRoster *roster);
/* a solver roster of assignments; FALSE when one cannot be placed */
RosterSolverRoster *
roster_hotline_model_from_assignments(const RosterHotlineModel *self,
				      GPtrArray *assignments,
				      GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterHotlineModel, roster_hotline_model_free)

G_END_DECLS
