/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdint.h>

#include "roster-engine.h"

G_BEGIN_DECLS

/* the entry point every target defines, for libFuzzer or for the replay driver */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* an engine on a database in a temporary folder, opened on first use, with one team
 * ("Team A") and one volunteer; removed when the process exits */
RosterEngine *
roster_fuzz_get_engine(void);
/* the admin principal of the command-line tool */
RosterPrincipal *
roster_fuzz_get_principal(void);
/* the first volunteer's calendar token, 64 hex digits */
const gchar *
roster_fuzz_get_calendar_token(void);
/* puts the database back as it was after setup, after an input that changed it */
void
roster_fuzz_reset_engine(void);

/* reads an input piece by piece; reads past the end give zeros and NULL */
typedef struct {
	const guint8 *data;
	gsize size;
} RosterFuzzInput;

guint8
roster_fuzz_input_read_byte(RosterFuzzInput *input);
/* the bytes up to the next NUL (or the end), or NULL at the end of the input */
gchar *
roster_fuzz_input_dup_field(RosterFuzzInput *input);

G_END_DECLS
