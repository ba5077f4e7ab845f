/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* the solver's random numbers: xorshift64*, fast, and the same sequence on every
 * platform, so that a seeded solve is repeatable */
static inline guint64
roster_solver_rng_next(guint64 *state)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return *state * G_GUINT64_CONSTANT(2685821657736338717);
}

G_END_DECLS
