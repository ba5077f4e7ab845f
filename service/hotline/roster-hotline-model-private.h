/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "roster-hotline-model.h"

G_BEGIN_DECLS

/* what the files of the hotline mapping share and nobody else calls */

/* the start of slot @k of operational day @d, in minutes after midnight of the
 * period's first day */
gint64
roster_hotline_model_slot_at(const RosterHotlineModel *self, gint d, guint k);
/* fills the requirement of every (day, slot, seat class) from the demand rules */
void
roster_hotline_model_resolve_demand(RosterHotlineModel *self);
/* the slots of operational day @d an availability entry covers, as a mask over slots */
guint64
roster_hotline_model_availability_slots(const RosterHotlineModel *self,
					const RosterHotlineAvailability *a,
					guint d);
/* finds (person, day, type) of an assignment; FALSE when it is outside the model */
gboolean
roster_hotline_model_locate(const RosterHotlineModel *self,
			    const RosterHotlineAssignment *a,
			    guint *p,
			    guint *d,
			    guint *s);
/* a solver roster of the assignments; @strict fails on one that cannot be placed,
 * else it is left out */
RosterSolverRoster *
roster_hotline_model_place(const RosterHotlineModel *self,
			   GPtrArray *assignments,
			   gboolean strict,
			   GError **error);
/* marks the (slot, seat class) pairs the assignments hold */
void
roster_hotline_model_mark_needed(const RosterHotlineModel *self,
				 GPtrArray *assignments,
				 gboolean *needed);

G_END_DECLS
