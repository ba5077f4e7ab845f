/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

/* what the shift request tests share: a published roster in the future with the
 * fixture's two volunteers and a third, and short ways to make and move requests */

#include "roster-json-keys-requests.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

G_BEGIN_DECLS

#define REQUESTS "/api/v1/requests"

/* one seat class (on-site, counsellors) wanted 08:00-14:00 (two slots of three hours)
 * in the first week of March 2027; the fixture's volunteer holds 2 March 08:00 (@mine),
 * the other volunteer 3 March 08:00 (@theirs) and a third volunteer without an account
 * 4 March 08:00 (@third_shift); everything else is open */
typedef struct {
	gint64 seat;
	gint64 roster;
	gint64 third;
	gint64 mine;
	gint64 theirs;
	gint64 third_shift;
} RosterRequestsHotline;

void
roster_requests_make_hotline(RosterTestFixture *f, RosterRequestsHotline *h);
/* a roster of @f never published, with the fixture's volunteer on 2 March 08:00 */
gint64
roster_requests_make_draft(RosterTestFixture *f, gint64 seat);
/* publishes roster @roster again */
void
roster_requests_publish(RosterTestFixture *f, gint64 roster);

/* POST /requests as @caller with @body; the answer */
RosterTestResponse *
roster_requests_create(RosterTestFixture *f, RosterTestCaller caller, const gchar *body);
/* POST /requests/{id}/@action as @caller with @body (nullable) */
RosterTestResponse *
roster_requests_act(RosterTestFixture *f,
		    RosterTestCaller caller,
		    gint64 id,
		    const gchar *action,
		    const gchar *body);
/* GET /requests/{id} as @caller */
RosterTestResponse *
roster_requests_get(RosterTestFixture *f, RosterTestCaller caller, gint64 id);
/* the id of a new request, which must be made (201) in @state */
gint64
roster_requests_make(RosterTestFixture *f,
		     RosterTestCaller caller,
		     const gchar *state,
		     const gchar *format,
		     ...) G_GNUC_PRINTF(4, 5);
/* the request's JSON text as the coordinator reads it, to compare before and after */
gchar *
roster_requests_dup_text(RosterTestFixture *f, gint64 id);
/* asserts @r is the error @status with @code and @field */
void
roster_requests_assert_error(RosterTestResponse *r,
			     guint status,
			     const gchar *code,
			     const gchar *field);

G_END_DECLS
