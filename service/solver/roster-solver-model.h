/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROSTER_SOLVER_ERROR (roster_solver_error_quark())

/**
 * RosterSolverError:
 * @ROSTER_SOLVER_ERROR_INVALID_DATA: the instance or roster text is malformed
 * @ROSTER_SOLVER_ERROR_INVALID_MODEL: the model is inconsistent
 *
 * Error codes of the solver library.
 */
typedef enum {
	ROSTER_SOLVER_ERROR_INVALID_DATA,
	ROSTER_SOLVER_ERROR_INVALID_MODEL,
} RosterSolverError;

GQuark
roster_solver_error_quark(void);

/* the value of a roster cell for a day off */
#define ROSTER_SOLVER_OFF (-1)

/* a limit that is never reached */
#define ROSTER_SOLVER_UNLIMITED G_MAXUINT

typedef struct _RosterSolverModel RosterSolverModel;

RosterSolverModel *
roster_solver_model_new(guint n_days);
void
roster_solver_model_free(RosterSolverModel *self);

guint
roster_solver_model_add_shift_type(RosterSolverModel *self,
				   const gchar *id,
				   guint start_minute,
				   guint length_minutes);
void
roster_solver_model_forbid_succession(RosterSolverModel *self, guint shift_type, guint next_type);
guint
roster_solver_model_add_person(RosterSolverModel *self, const gchar *id);
void
roster_solver_model_set_max_shifts(RosterSolverModel *self,
				   guint person,
				   guint shift_type,
				   guint max_shifts);
void
roster_solver_model_set_minutes(RosterSolverModel *self,
				guint person,
				guint min_minutes,
				guint max_minutes);
void
roster_solver_model_set_consecutive(RosterSolverModel *self,
				    guint person,
				    guint min_work,
				    guint max_work,
				    guint min_off);
void
roster_solver_model_set_max_weekends(RosterSolverModel *self, guint person, guint max_weekends);
void
roster_solver_model_add_day_off(RosterSolverModel *self, guint person, guint day);
void
roster_solver_model_set_cover(RosterSolverModel *self,
			      guint day,
			      guint shift_type,
			      guint requirement,
			      guint weight_under,
			      guint weight_over);
void
roster_solver_model_set_cover_shortage(RosterSolverModel *self,
				       guint day,
				       guint shift_type,
				       guint min_seats,
				       guint weight_min,
				       gboolean spread);
void
roster_solver_model_add_request(RosterSolverModel *self,
				guint person,
				guint day,
				guint shift_type,
				gboolean on,
				guint weight);

/* hotline extras (roster-solver-model-hotline.c) */
void
roster_solver_model_forbid_cell(RosterSolverModel *self, guint person, guint day, guint shift_type);
void
roster_solver_model_fix_cell(RosterSolverModel *self, guint person, guint day, guint shift_type);
void
roster_solver_model_set_day_week(RosterSolverModel *self, guint day, guint week);
void
roster_solver_model_set_week_max_minutes(RosterSolverModel *self, guint person, guint max_minutes);
void
roster_solver_model_set_pair_group(RosterSolverModel *self, guint shift_type, gint group);
void
roster_solver_model_set_pair_role(RosterSolverModel *self, guint person, guint role);
void
roster_solver_model_set_night(RosterSolverModel *self, guint shift_type, gboolean night);
void
roster_solver_model_set_weekend(RosterSolverModel *self, guint day, gboolean weekend);
void
roster_solver_model_set_fairness(RosterSolverModel *self, guint night_weight, guint weekend_weight);
void
roster_solver_model_set_min_shifts(RosterSolverModel *self, guint person, guint min_shifts);
void
roster_solver_model_set_min_shifts_weight(RosterSolverModel *self, guint weight);
void
roster_solver_model_set_max_nights(RosterSolverModel *self, guint person, guint max_nights);

/* the roles of roster_solver_model_set_pair_role() */
#define ROSTER_SOLVER_PAIR_NONE	   0
#define ROSTER_SOLVER_PAIR_TRAINEE 1
#define ROSTER_SOLVER_PAIR_MENTOR  2

guint
roster_solver_model_get_n_days(const RosterSolverModel *self);
guint
roster_solver_model_get_n_shift_types(const RosterSolverModel *self);
guint
roster_solver_model_get_n_people(const RosterSolverModel *self);
const gchar *
roster_solver_model_get_shift_type_id(const RosterSolverModel *self, guint shift_type);
const gchar *
roster_solver_model_get_person_id(const RosterSolverModel *self, guint person);
gint
roster_solver_model_find_shift_type(const RosterSolverModel *self, const gchar *id);
gint
roster_solver_model_find_person(const RosterSolverModel *self, const gchar *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterSolverModel, roster_solver_model_free)

/**
 * RosterSolverRoster:
 * @n_people: rows
 * @n_days: columns
 * @cells: row-major, the shift type index or %ROSTER_SOLVER_OFF
 *
 * One complete roster: for each person and day, a shift type or a day off.
 */
typedef struct {
	guint n_people;
	guint n_days;
	gint16 *cells;
} RosterSolverRoster;

RosterSolverRoster *
roster_solver_roster_new(guint n_people, guint n_days);
RosterSolverRoster *
roster_solver_roster_copy(const RosterSolverRoster *self);
void
roster_solver_roster_free(RosterSolverRoster *self);
gint
roster_solver_roster_get(const RosterSolverRoster *self, guint person, guint day);
void
roster_solver_roster_set(RosterSolverRoster *self, guint person, guint day, gint shift_type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(RosterSolverRoster, roster_solver_roster_free)

G_END_DECLS
