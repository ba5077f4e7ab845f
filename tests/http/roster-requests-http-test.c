/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* shift requests over the real HTTP server: every legal move of the state machine,
 * every illegal one refused with nothing changed, expiry, the rule of approval by
 * itself, and an applied swap moving the shift in both volunteers' calendar feeds */

#include "config.h"

#include <string.h>

#include "roster-engine-requests.h"
#include "roster-requests-test-common.h"

#define SWAP_BODY                                                                                  \
	"{\"kind\":\"swap\",\"roster_id\":%" G_GINT64_FORMAT                                       \
	",\"assignment_id\":%" G_GINT64_FORMAT ",\"target_assignment_id\":%" G_GINT64_FORMAT "}"
#define GIVEAWAY_BODY                                                                              \
	"{\"kind\":\"giveaway\",\"roster_id\":%" G_GINT64_FORMAT                                   \
	",\"assignment_id\":%" G_GINT64_FORMAT "}"
#define NAMED_GIVEAWAY_BODY                                                                        \
	"{\"kind\":\"giveaway\",\"roster_id\":%" G_GINT64_FORMAT                                   \
	",\"assignment_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}"
#define PICKUP_BODY                                                                                \
	"{\"kind\":\"pickup\",\"roster_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","                 \
	"\"slot\":\"08:00\",\"seat_class_id\":%" G_GINT64_FORMAT "}"

static gint64
make_swap(RosterTestFixture *f, const RosterRequestsHotline *h)
{
	return roster_requests_make(f,
				    ROSTER_TEST_CALLER_VOLUNTEER,
				    ROSTER_REQUEST_OPEN,
				    SWAP_BODY,
				    h->roster,
				    h->mine,
				    h->theirs);
}

/* moves request @id with @action as @caller and checks the state it reaches */
static void
move(RosterTestFixture *f,
     RosterTestCaller caller,
     gint64 id,
     const gchar *action,
     const gchar *state)
{
	g_autoptr(RosterTestResponse) r = roster_requests_act(f, caller, id, action, NULL);

	if (r->status != 200)
		g_printerr("%.*s\n",
			   (gint)g_bytes_get_size(r->body),
			   (const gchar *)g_bytes_get_data(r->body, NULL));
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, state);
}

static gint64
n_versions(RosterTestFixture *f, gint64 roster)
{
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/rosters/%" G_GINT64_FORMAT "/versions", roster);
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", path, NULL);

	g_assert_cmpuint(r->status, ==, 200);
	return roster_test_response_get_int(r, "total");
}

/* the legal moves: open → accepted → applied (a new published version), and declined,
 * withdrawn from open and from accepted; a pick-up starts accepted */
static void
test_legal_transitions(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autoptr(RosterTestResponse) r = NULL;
	gint64 id;

	roster_requests_make_hotline(f, &h);

	/* open → accepted → applied, with the approver's reason */
	id = make_swap(f, &h);
	move(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_ACCEPT, "accepted");
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_COORDINATOR,
				id,
				ROSTER_REQUEST_ACTION_APPROVE,
				"{\"reason\":\"同级坐席\"}");
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "applied");
	g_assert_cmpint(roster_test_response_get_int(r, ROSTER_KEY_APPLIED_VERSION), ==, 2);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_REASON), ==, "同级坐席");
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_DECIDED_BY),
			==,
			ROSTER_TEST_COORDINATOR_USER);
	g_assert_cmpint(n_versions(f, h.roster), ==, 2);
	g_clear_pointer(&r, roster_test_response_free);

	/* open → withdrawn, by the volunteer who asked: the swapped shifts are its now */
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  GIVEAWAY_BODY,
				  h.roster,
				  h.theirs);
	move(f, ROSTER_TEST_CALLER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_WITHDRAW, "withdrawn");

	/* open → accepted → withdrawn */
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  GIVEAWAY_BODY,
				  h.roster,
				  h.theirs);
	move(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_ACCEPT, "accepted");
	move(f, ROSTER_TEST_CALLER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_WITHDRAW, "withdrawn");

	/* open → accepted → declined by a coordinator, with a reason */
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  GIVEAWAY_BODY,
				  h.roster,
				  h.theirs);
	move(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_ACCEPT, "accepted");
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_COORDINATOR,
				id,
				ROSTER_REQUEST_ACTION_DECLINE,
				"{\"reason\":\"人手不足\"}");
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "declined");
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_REASON), ==, "人手不足");
	g_clear_pointer(&r, roster_test_response_free);

	/* open → declined by the colleague a give-away names */
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  "{\"kind\":\"giveaway\",\"roster_id\":%" G_GINT64_FORMAT
				  ",\"assignment_id\":%" G_GINT64_FORMAT
				  ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
				  h.roster,
				  h.theirs,
				  f->other_volunteer_id);
	move(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_DECLINE, "declined");

	/* a pick-up starts accepted and is applied on approval */
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_ACCEPTED,
				  PICKUP_BODY,
				  h.roster,
				  "2027-03-05",
				  h.seat);
	move(f, ROSTER_TEST_CALLER_COORDINATOR, id, ROSTER_REQUEST_ACTION_APPROVE, "applied");
	g_assert_cmpint(n_versions(f, h.roster), ==, 3);
}

typedef struct {
	const gchar *action;
	/* 0: the asker, 1: the colleague, 2: a coordinator */
	guint party;
} Attempt;

/* every action by the party who could take it in another state */
static const Attempt attempts[] = {
    {ROSTER_REQUEST_ACTION_ACCEPT, 1},
    {ROSTER_REQUEST_ACTION_DECLINE, 2},
    {ROSTER_REQUEST_ACTION_WITHDRAW, 0},
    {ROSTER_REQUEST_ACTION_APPROVE, 2},
};

/* tries every action on @id but those in @legal: each is 409 request-state and
 * changes neither the request, nor the roster's versions, nor the audit log */
static void
refuse_all_but(RosterTestFixture *f,
	       gint64 id,
	       gint64 roster,
	       const gchar *const *legal,
	       RosterTestCaller asker,
	       RosterTestCaller colleague)
{
	const RosterTestCaller parties[] = {asker, colleague, ROSTER_TEST_CALLER_COORDINATOR};

	for (guint i = 0; i < G_N_ELEMENTS(attempts); i++) {
		g_autofree gchar *before = NULL;
		g_autofree gchar *after = NULL;
		g_autofree gchar *snapshot = NULL;
		g_autofree gchar *snapshot_after = NULL;
		g_autoptr(RosterTestResponse) r = NULL;
		gint64 versions;

		if (legal != NULL && g_strv_contains(legal, attempts[i].action))
			continue;
		before = roster_requests_dup_text(f, id);
		snapshot = roster_test_fixture_dup_snapshot(f);
		versions = n_versions(f, roster);
		r = roster_requests_act(f,
					parties[attempts[i].party],
					id,
					attempts[i].action,
					NULL);
		roster_requests_assert_error(r, 409, "conflict", ROSTER_REQUEST_REFUSAL_STATE);
		after = roster_requests_dup_text(f, id);
		snapshot_after = roster_test_fixture_dup_snapshot(f);
		g_assert_cmpstr(before, ==, after);
		g_assert_cmpstr(snapshot, ==, snapshot_after);
		g_assert_cmpint(versions, ==, n_versions(f, roster));
	}
}

/* the illegal moves from each state, and bad bodies, change nothing */
static void
test_illegal_transitions(RosterTestFixture *f, gconstpointer user_data)
{
	const gchar *const from_open[] = {ROSTER_REQUEST_ACTION_ACCEPT,
					  ROSTER_REQUEST_ACTION_DECLINE,
					  ROSTER_REQUEST_ACTION_WITHDRAW,
					  NULL};
	const gchar *const from_accepted[] = {ROSTER_REQUEST_ACTION_DECLINE,
					      ROSTER_REQUEST_ACTION_WITHDRAW,
					      ROSTER_REQUEST_ACTION_APPROVE,
					      NULL};
	RosterRequestsHotline h;
	g_autoptr(RosterTestResponse) r = NULL;
	g_autofree gchar *long_reason = NULL;
	g_autofree gchar *body = NULL;
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	gint64 id;

	roster_requests_make_hotline(f, &h);
	id = make_swap(f, &h);
	refuse_all_but(f,
		       id,
		       h.roster,
		       from_open,
		       ROSTER_TEST_CALLER_VOLUNTEER,
		       ROSTER_TEST_CALLER_OTHER_VOLUNTEER);

	move(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_ACCEPT, "accepted");
	refuse_all_but(f,
		       id,
		       h.roster,
		       from_accepted,
		       ROSTER_TEST_CALLER_VOLUNTEER,
		       ROSTER_TEST_CALLER_OTHER_VOLUNTEER);

	/* a reason that is not text is 422 and leaves it accepted */
	before = roster_requests_dup_text(f, id);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_COORDINATOR,
				id,
				ROSTER_REQUEST_ACTION_APPROVE,
				"{\"reason\":42}");
	roster_requests_assert_error(r, 422, "invalid-data", ROSTER_KEY_REASON);
	g_clear_pointer(&r, roster_test_response_free);
	long_reason = g_strnfill(501, 'x');
	body = g_strdup_printf("{\"reason\":\"%s\"}", long_reason);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_COORDINATOR,
				id,
				ROSTER_REQUEST_ACTION_DECLINE,
				body);
	roster_requests_assert_error(r, 422, "invalid-data", ROSTER_KEY_REASON);
	g_clear_pointer(&r, roster_test_response_free);
	after = roster_requests_dup_text(f, id);
	g_assert_cmpstr(before, ==, after);

	/* the ends: applied, declined, withdrawn */
	move(f, ROSTER_TEST_CALLER_COORDINATOR, id, ROSTER_REQUEST_ACTION_APPROVE, "applied");
	refuse_all_but(f,
		       id,
		       h.roster,
		       NULL,
		       ROSTER_TEST_CALLER_VOLUNTEER,
		       ROSTER_TEST_CALLER_OTHER_VOLUNTEER);
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  NAMED_GIVEAWAY_BODY,
				  h.roster,
				  h.mine,
				  f->volunteer_id);
	move(f, ROSTER_TEST_CALLER_COORDINATOR, id, ROSTER_REQUEST_ACTION_DECLINE, "declined");
	refuse_all_but(f,
		       id,
		       h.roster,
		       NULL,
		       ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
		       ROSTER_TEST_CALLER_VOLUNTEER);
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  NAMED_GIVEAWAY_BODY,
				  h.roster,
				  h.mine,
				  f->volunteer_id);
	move(f,
	     ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
	     id,
	     ROSTER_REQUEST_ACTION_WITHDRAW,
	     "withdrawn");
	refuse_all_but(f,
		       id,
		       h.roster,
		       NULL,
		       ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
		       ROSTER_TEST_CALLER_VOLUNTEER);
}

/* bad bodies of a new request: each 422 (or 409) with its stable field, none made */
static void
test_bad_requests(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autofree gchar *snapshot = NULL;
	g_autofree gchar *pending = NULL;
	struct {
		gchar *body;
		guint status;
		const gchar *field;
	} cases[8];
	g_autoptr(RosterTestResponse) list = NULL;

	roster_requests_make_hotline(f, &h);
	cases[0].body = g_strdup("{\"kind\":\"trade\"}");
	cases[0].status = 422;
	cases[0].field = ROSTER_KEY_KIND;
	cases[1].body = g_strdup("{\"kind\":\"swap\",\"roster_id\":\"x\"}");
	cases[1].status = 422;
	cases[1].field = ROSTER_KEY_ROSTER_ID;
	/* my own shift as the colleague's */
	cases[2].body = g_strdup_printf(SWAP_BODY, h.roster, h.mine, h.mine);
	cases[2].status = 422;
	cases[2].field = ROSTER_KEY_TARGET_ASSIGNMENT_ID;
	/* a give-away to myself */
	cases[3].body = g_strdup_printf("{\"kind\":\"giveaway\",\"roster_id\":%" G_GINT64_FORMAT
					",\"assignment_id\":%" G_GINT64_FORMAT
					",\"volunteer_id\":%" G_GINT64_FORMAT "}",
					h.roster,
					h.mine,
					f->volunteer_id);
	cases[3].status = 422;
	cases[3].field = ROSTER_KEY_VOLUNTEER_ID;
	/* a seat that is held is no open seat */
	cases[4].body = g_strdup_printf(PICKUP_BODY, h.roster, "2027-03-03", h.seat);
	cases[4].status = 409;
	cases[4].field = ROSTER_REQUEST_REFUSAL_SEAT_TAKEN;
	cases[5].body = g_strdup_printf("{\"kind\":\"pickup\",\"roster_id\":%" G_GINT64_FORMAT
					",\"date\":\"March\",\"slot\":\"08:00\","
					"\"seat_class_id\":%" G_GINT64_FORMAT "}",
					h.roster,
					h.seat);
	cases[5].status = 422;
	cases[5].field = ROSTER_KEY_DATE;
	/* a pick-up on a day I already work: the hard rule refuses it */
	cases[6].body = g_strdup_printf("{\"kind\":\"pickup\",\"roster_id\":%" G_GINT64_FORMAT
					",\"date\":\"2027-03-02\",\"slot\":\"11:00\","
					"\"seat_class_id\":%" G_GINT64_FORMAT "}",
					h.roster,
					h.seat);
	cases[6].status = 422;
	cases[6].field = "one-shift-per-day";
	cases[7].body = g_strdup_printf(GIVEAWAY_BODY ",", h.roster, h.mine);
	cases[7].status = 400;
	cases[7].field = NULL;

	snapshot = roster_test_fixture_dup_snapshot(f);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autoptr(RosterTestResponse) r =
		    roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, cases[i].body);
		g_autofree gchar *now = NULL;
		if (r->status != cases[i].status)
			g_printerr("case %u: %.*s\n",
				   i,
				   (gint)g_bytes_get_size(r->body),
				   (const gchar *)g_bytes_get_data(r->body, NULL));
		g_assert_cmpuint(r->status, ==, cases[i].status);
		if (cases[i].field != NULL)
			g_assert_cmpstr(roster_test_response_get_error_field(r),
					==,
					cases[i].field);
		now = roster_test_fixture_dup_snapshot(f);
		g_assert_cmpstr(snapshot, ==, now);
		g_free(cases[i].body);
	}
	list = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", REQUESTS, NULL);
	g_assert_cmpint(roster_test_response_get_int(list, "total"), ==, 0);

	/* a second request about a shift with one pending is 409 request-pending */
	make_swap(f, &h);
	pending = g_strdup_printf(GIVEAWAY_BODY, h.roster, h.mine);
	{
		g_autoptr(RosterTestResponse) r =
		    roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, pending);
		roster_requests_assert_error(r, 409, "conflict", ROSTER_REQUEST_REFUSAL_PENDING);
	}
}

/* at the first shift's start a pending request expires, by the sweep or lazily */
static void
test_expiry(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autoptr(RosterTestResponse) r = NULL;
	g_autoptr(GDateTime) before = g_date_time_new_utc(2027, 3, 1, 23, 59, 0);
	g_autoptr(GDateTime) at = g_date_time_new_utc(2027, 3, 2, 0, 0, 0);
	g_autoptr(GError) error = NULL;
	gint64 swap;
	gint64 later;
	gint64 past_roster;
	gint64 past_shift;
	g_autofree gchar *body = NULL;

	roster_requests_make_hotline(f, &h);
	swap = make_swap(f, &h);
	later = roster_requests_make(f,
				     ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
				     ROSTER_REQUEST_ACCEPTED,
				     PICKUP_BODY,
				     h.roster,
				     "2027-03-05",
				     h.seat);

	/* 2 March 08:00 in Shanghai is 00:00 UTC: not a minute before */
	g_assert_cmpint(roster_engine_expire_requests(f->engine, before, &error), ==, 0);
	g_assert_no_error(error);
	g_assert_cmpint(roster_engine_expire_requests(f->engine, at, &error), ==, 1);
	g_assert_no_error(error);
	r = roster_requests_get(f, ROSTER_TEST_CALLER_VOLUNTEER, swap);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "expired");
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
				swap,
				ROSTER_REQUEST_ACTION_ACCEPT,
				NULL);
	roster_requests_assert_error(r, 409, "conflict", ROSTER_REQUEST_REFUSAL_STATE);
	g_clear_pointer(&r, roster_test_response_free);
	refuse_all_but(f,
		       swap,
		       h.roster,
		       NULL,
		       ROSTER_TEST_CALLER_VOLUNTEER,
		       ROSTER_TEST_CALLER_OTHER_VOLUNTEER);
	/* the pick-up of a later shift is still pending */
	r = roster_requests_get(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, later);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "accepted");
	g_clear_pointer(&r, roster_test_response_free);

	/* a shift that has begun takes no request at all */
	past_roster = roster_test_create(f,
					 "/api/v1/rosters",
					 "{\"name\":\"上月\",\"period_start\":\"2026-11-01\","
					 "\"period_end\":\"2026-11-07\"}");
	{
		g_autofree gchar *path =
		    g_strdup_printf("/api/v1/rosters/%" G_GINT64_FORMAT "/assignments",
				    past_roster);
		g_autofree gchar *assign = g_strdup_printf(
		    "{\"revision\":1,\"date\":\"2026-11-02\",\"slot\":\"08:00\","
		    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
		    h.seat,
		    f->volunteer_id);
		g_autoptr(RosterTestResponse) a =
		    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", path, assign);
		g_assert_cmpuint(a->status, ==, 201);
		past_shift = roster_test_response_get_int(a, ROSTER_KEY_ID);
	}
	roster_requests_publish(f, past_roster);
	body = g_strdup_printf(GIVEAWAY_BODY, past_roster, past_shift);
	r = roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, body);
	roster_requests_assert_error(r, 422, "invalid-data", ROSTER_REQUEST_REFUSAL_SHIFT_STARTED);
	g_clear_pointer(&r, roster_test_response_free);

	/* the periodic sweep is a source of the calling context */
	g_assert_cmpuint(roster_engine_add_request_sweep(f->engine, 3600), >, 0);
}

/* the rule of approval by itself: a pick-up more than 48 h ahead is applied at once;
 * with the rule off it waits, accepted */
static void
test_auto_approve(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autoptr(RosterTestResponse) r = NULL;
	g_autofree gchar *pickup = NULL;
	gint64 id;

	roster_requests_make_hotline(f, &h);
	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_COORDINATOR,
				   "GET",
				   REQUESTS "/settings",
				   NULL);
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_false(json_object_get_boolean_member(roster_test_response_get_object(r),
						      ROSTER_KEY_AUTO_APPROVE));
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_VOLUNTEER,
				   "PUT",
				   REQUESTS "/settings",
				   "{\"auto_approve\":true}");
	g_assert_cmpuint(r->status, ==, 403);
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_COORDINATOR,
				   "PUT",
				   REQUESTS "/settings",
				   "{\"min_hours_ahead\":-1}");
	roster_requests_assert_error(r, 422, "invalid-data", ROSTER_KEY_MIN_HOURS_AHEAD);
	g_clear_pointer(&r, roster_test_response_free);

	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_ACCEPTED,
				  PICKUP_BODY,
				  h.roster,
				  "2027-03-05",
				  h.seat);
	move(f, ROSTER_TEST_CALLER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_WITHDRAW, "withdrawn");

	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_COORDINATOR,
				   "PUT",
				   REQUESTS "/settings",
				   "{\"auto_approve\":true,\"min_hours_ahead\":48}");
	g_assert_cmpuint(r->status, ==, 200);
	g_clear_pointer(&r, roster_test_response_free);
	pickup = g_strdup_printf(PICKUP_BODY, h.roster, "2027-03-05", h.seat);
	r = roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, pickup);
	g_assert_cmpuint(r->status, ==, 201);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "applied");
	g_assert_true(json_object_get_boolean_member(roster_test_response_get_object(r),
						     ROSTER_KEY_AUTO_APPROVED));
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_DECIDED_BY), ==, "system");
	g_assert_cmpint(n_versions(f, h.roster), ==, 2);
	g_clear_pointer(&r, roster_test_response_free);

	/* a swap accepted by the colleague is applied at once as well */
	id = make_swap(f, &h);
	move(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_ACCEPT, "applied");
	g_assert_cmpint(n_versions(f, h.roster), ==, 3);
}

static gchar *
read_feed(RosterTestFixture *f, RosterTestCaller caller, gint64 volunteer)
{
	g_autofree gchar *path =
	    g_strdup_printf("/api/v1/calendar-tokens/%" G_GINT64_FORMAT, volunteer);
	g_autoptr(RosterTestResponse) token = roster_test_request_as(f, caller, "POST", path, NULL);
	g_autoptr(RosterTestResponse) feed = NULL;

	g_assert_cmpuint(token->status, ==, 200);
	feed = roster_test_request(f,
				   "GET",
				   roster_test_response_get_string(token, ROSTER_KEY_URL),
				   NULL,
				   NULL);
	g_assert_cmpuint(feed->status, ==, 200);
	return g_strndup(g_bytes_get_data(feed->body, NULL), g_bytes_get_size(feed->body));
}

/* asserts the one event @uid of @feed has @status and @sequence */
static void
assert_event(const gchar *feed, const gchar *uid, const gchar *status, guint sequence)
{
	g_auto(GStrv) events = g_strsplit(feed, "BEGIN:VEVENT", -1);
	g_autofree gchar *uid_line = g_strdup_printf("UID:%s\r\n", uid);
	const gchar *block = NULL;
	g_autofree gchar *status_line = g_strdup_printf("STATUS:%s\r\n", status);
	g_autofree gchar *sequence_line = g_strdup_printf("SEQUENCE:%u\r\n", sequence);

	/* the first part is the calendar's head, each other one an event */
	for (guint i = 1; events[i] != NULL; i++) {
		if (strstr(events[i], uid_line) == NULL)
			continue;
		g_assert_null(block);
		block = events[i];
	}
	g_assert_nonnull(block);
	g_assert_nonnull(strstr(block, status_line));
	g_assert_nonnull(strstr(block, sequence_line));
}

/* an applied swap moves the shifts in both feeds: each volunteer's old event is
 * cancelled with its SEQUENCE raised and the colleague's shift appears; the version
 * diff names the change */
static void
test_calendar_feeds(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autofree gchar *mine_before = NULL;
	g_autofree gchar *mine_after = NULL;
	g_autofree gchar *theirs_after = NULL;
	g_autofree gchar *uid_mine = NULL;
	g_autofree gchar *uid_theirs = NULL;
	g_autofree gchar *uid_mine_taken = NULL;
	g_autofree gchar *uid_theirs_taken = NULL;
	g_autofree gchar *diff_path = NULL;
	g_autoptr(RosterTestResponse) diff = NULL;
	gint64 id;

	roster_requests_make_hotline(f, &h);
	uid_mine = g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
				   ".hotline-roster",
				   h.mine,
				   f->volunteer_id,
				   h.roster);
	uid_theirs = g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "@%" G_GINT64_FORMAT
				     ".hotline-roster",
				     h.theirs,
				     f->other_volunteer_id,
				     h.roster);
	uid_mine_taken = g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
					 "@%" G_GINT64_FORMAT ".hotline-roster",
					 h.theirs,
					 f->volunteer_id,
					 h.roster);
	uid_theirs_taken = g_strdup_printf("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT
					   "@%" G_GINT64_FORMAT ".hotline-roster",
					   h.mine,
					   f->other_volunteer_id,
					   h.roster);
	mine_before = read_feed(f, ROSTER_TEST_CALLER_VOLUNTEER, f->volunteer_id);
	assert_event(mine_before, uid_mine, "CONFIRMED", 0);
	g_assert_null(strstr(mine_before, uid_mine_taken));

	/* the original volunteer holds the shift until the request is applied */
	id = make_swap(f, &h);
	move(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id, ROSTER_REQUEST_ACTION_ACCEPT, "accepted");
	g_free(mine_before);
	mine_before = read_feed(f, ROSTER_TEST_CALLER_VOLUNTEER, f->volunteer_id);
	assert_event(mine_before, uid_mine, "CONFIRMED", 0);
	move(f, ROSTER_TEST_CALLER_COORDINATOR, id, ROSTER_REQUEST_ACTION_APPROVE, "applied");

	mine_after = read_feed(f, ROSTER_TEST_CALLER_VOLUNTEER, f->volunteer_id);
	assert_event(mine_after, uid_mine, "CANCELLED", 1);
	assert_event(mine_after, uid_mine_taken, "CONFIRMED", 0);
	theirs_after = read_feed(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, f->other_volunteer_id);
	assert_event(theirs_after, uid_theirs, "CANCELLED", 1);
	assert_event(theirs_after, uid_theirs_taken, "CONFIRMED", 0);

	/* the diff of versions 1 and 2 holds the swap and nothing else */
	diff_path =
	    g_strdup_printf("/api/v1/rosters/%" G_GINT64_FORMAT "/diff?from=1&to=2", h.roster);
	diff = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", diff_path, NULL);
	g_assert_cmpuint(diff->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(diff, "total"), ==, 2);
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/requests/legal-transitions",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_legal_transitions,
		   roster_test_fixture_teardown);
	g_test_add("/requests/illegal-transitions",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_illegal_transitions,
		   roster_test_fixture_teardown);
	g_test_add("/requests/bad-requests",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_bad_requests,
		   roster_test_fixture_teardown);
	g_test_add("/requests/expiry",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_expiry,
		   roster_test_fixture_teardown);
	g_test_add("/requests/auto-approve",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_auto_approve,
		   roster_test_fixture_teardown);
	g_test_add("/requests/calendar-feeds",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_calendar_feeds,
		   roster_test_fixture_teardown);
	return g_test_run();
}
