/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the published roster and the helpers of the shift request tests */

#include "config.h"

#include "roster-requests-test-common.h"

static gint64
roster_revision(RosterTestFixture *f, gint64 roster)
{
	g_autofree gchar *path = g_strdup_printf("/api/v1/rosters/%" G_GINT64_FORMAT, roster);
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);

	g_assert_cmpuint(r->status, ==, 200);
	return roster_test_response_get_int(r, ROSTER_KEY_REVISION);
}

static gint64
assign(RosterTestFixture *f, gint64 roster, gint64 seat, const gchar *date, gint64 volunteer)
{
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/rosters/%" G_GINT64_FORMAT "/assignments", roster);
	g_autofree gchar *body = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"08:00\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    roster_revision(f, roster),
	    date,
	    seat,
	    volunteer);
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", path, body);

	g_assert_cmpuint(r->status, ==, 201);
	return roster_test_response_get_int(r, ROSTER_KEY_ID);
}

void
roster_requests_publish(RosterTestFixture *f, gint64 roster)
{
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/rosters/%" G_GINT64_FORMAT "/publish", roster);
	g_autofree gchar *body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", roster_revision(f, roster));
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", path, body);

	g_assert_cmpuint(r->status, ==, 200);
}

void
roster_requests_make_hotline(RosterTestFixture *f, RosterRequestsHotline *h)
{
	g_autofree gchar *rule = NULL;

	h->seat =
	    roster_test_create(f,
			       "/api/v1/seat-classes",
			       "{\"code\":\"onsite\",\"name\":\"现场坐席\",\"mode\":\"on-site\","
			       "\"min_tier\":\"counsellor\"}");
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"08:00\",\"end\":\"14:00\",\"seats\":1}",
			       h->seat);
	roster_test_create(f, "/api/v1/demand-rules", rule);
	h->third = roster_test_create(
	    f,
	    "/api/v1/volunteers",
	    "{\"name\":\"Zhao Min\",\"counsellor_no\":\"C-003\",\"tier\":\"counsellor\","
	    "\"phone\":\"+86 138 0000 0003\"}");
	h->roster = roster_test_create(f,
				       "/api/v1/rosters",
				       "{\"name\":\"三月第一周\",\"period_start\":\"2027-03-01\","
				       "\"period_end\":\"2027-03-07\"}");
	h->mine = assign(f, h->roster, h->seat, "2027-03-02", f->volunteer_id);
	h->theirs = assign(f, h->roster, h->seat, "2027-03-03", f->other_volunteer_id);
	h->third_shift = assign(f, h->roster, h->seat, "2027-03-04", h->third);
	roster_requests_publish(f, h->roster);
}

gint64
roster_requests_make_draft(RosterTestFixture *f, gint64 seat)
{
	gint64 roster = roster_test_create(f,
					   "/api/v1/rosters",
					   "{\"name\":\"草稿\",\"period_start\":\"2027-04-01\","
					   "\"period_end\":\"2027-04-07\"}");

	assign(f, roster, seat, "2027-04-02", f->volunteer_id);
	return roster;
}

RosterTestResponse *
roster_requests_create(RosterTestFixture *f, RosterTestCaller caller, const gchar *body)
{
	return roster_test_request_as(f, caller, "POST", REQUESTS, body);
}

RosterTestResponse *
roster_requests_act(RosterTestFixture *f,
		    RosterTestCaller caller,
		    gint64 id,
		    const gchar *action,
		    const gchar *body)
{
	g_autofree gchar *path = g_strdup_printf(REQUESTS "/%" G_GINT64_FORMAT "/%s", id, action);
	return roster_test_request_as(f, caller, "POST", path, body);
}

RosterTestResponse *
roster_requests_get(RosterTestFixture *f, RosterTestCaller caller, gint64 id)
{
	g_autofree gchar *path = g_strdup_printf(REQUESTS "/%" G_GINT64_FORMAT, id);
	return roster_test_request_as(f, caller, "GET", path, NULL);
}

gint64
roster_requests_make(RosterTestFixture *f,
		     RosterTestCaller caller,
		     const gchar *state,
		     const gchar *format,
		     ...)
{
	va_list args;
	g_autofree gchar *body = NULL;
	g_autoptr(RosterTestResponse) r = NULL;

	va_start(args, format);
	body = g_strdup_vprintf(format, args);
	va_end(args);
	r = roster_requests_create(f, caller, body);
	if (r->status != 201)
		g_printerr("%.*s\n",
			   (gint)g_bytes_get_size(r->body),
			   (const gchar *)g_bytes_get_data(r->body, NULL));
	g_assert_cmpuint(r->status, ==, 201);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, state);
	return roster_test_response_get_int(r, ROSTER_KEY_ID);
}

gchar *
roster_requests_dup_text(RosterTestFixture *f, gint64 id)
{
	g_autoptr(RosterTestResponse) r =
	    roster_requests_get(f, ROSTER_TEST_CALLER_COORDINATOR, id);

	g_assert_cmpuint(r->status, ==, 200);
	return g_strndup(g_bytes_get_data(r->body, NULL), g_bytes_get_size(r->body));
}

void
roster_requests_assert_error(RosterTestResponse *r,
			     guint status,
			     const gchar *code,
			     const gchar *field)
{
	if (r->status != status)
		g_printerr("%.*s\n",
			   (gint)g_bytes_get_size(r->body),
			   (const gchar *)g_bytes_get_data(r->body, NULL));
	g_assert_cmpuint(r->status, ==, status);
	g_assert_cmpstr(roster_test_response_get_error_code(r), ==, code);
	g_assert_cmpstr(roster_test_response_get_error_field(r), ==, field);
}
