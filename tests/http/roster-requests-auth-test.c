/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* who may see and do what with shift requests: others' requests, forged ids and drafts
 * answer as unknown ones do, parties and roles are checked, colleagues show no contacts;
 * the candidates and open seats keep every hard rule; two pick-ups of one seat at once
 * from two connections: exactly one wins; a service log's decision keeps its reason */

#include "config.h"

#include <string.h>

#include "roster-engine-private.h"
#include "roster-engine-requests.h"
#include "roster-requests-test-common.h"

#define GIVEAWAY_BODY                                                                              \
	"{\"kind\":\"giveaway\",\"roster_id\":%" G_GINT64_FORMAT                                   \
	",\"assignment_id\":%" G_GINT64_FORMAT "}"

/* the status, code and field of @r equal those of @expected */
static void
assert_same_answer(RosterTestResponse *r, RosterTestResponse *expected)
{
	g_assert_cmpuint(r->status, ==, expected->status);
	g_assert_cmpstr(roster_test_response_get_error_code(r),
			==,
			roster_test_response_get_error_code(expected));
	g_assert_cmpstr(roster_test_response_get_error_field(r),
			==,
			roster_test_response_get_error_field(expected));
}

static gboolean
body_contains(RosterTestResponse *r, const gchar *text)
{
	return g_strstr_len(g_bytes_get_data(r->body, NULL), g_bytes_get_size(r->body), text) !=
	       NULL;
}

static gboolean
list_holds(RosterTestFixture *f, RosterTestCaller caller, const gchar *path, gint64 id)
{
	g_autoptr(RosterTestResponse) r = roster_test_request_as(f, caller, "GET", path, NULL);
	JsonArray *items;

	g_assert_cmpuint(r->status, ==, 200);
	items = json_object_get_array_member(roster_test_response_get_object(r), "items");
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (json_object_get_int_member(item, ROSTER_KEY_ID) == id)
			return TRUE;
	}
	return FALSE;
}

/* a volunteer neither asked nor asking sees another's request as it sees no request */
static void
test_others_requests(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	const gchar *const actions[] = {ROSTER_REQUEST_ACTION_ACCEPT,
					ROSTER_REQUEST_ACTION_DECLINE,
					ROSTER_REQUEST_ACTION_WITHDRAW,
					ROSTER_REQUEST_ACTION_APPROVE};
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	gint64 id;

	roster_requests_make_hotline(f, &h);
	/* a swap of the volunteer with the third, which the other volunteer has no part in */
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  "{\"kind\":\"swap\",\"roster_id\":%" G_GINT64_FORMAT
				  ",\"assignment_id\":%" G_GINT64_FORMAT
				  ",\"target_assignment_id\":%" G_GINT64_FORMAT "}",
				  h.roster,
				  h.mine,
				  h.third_shift);
	before = roster_requests_dup_text(f, id);
	{
		g_autoptr(RosterTestResponse) theirs =
		    roster_requests_get(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, id);
		g_autoptr(RosterTestResponse) none =
		    roster_requests_get(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, 987654);
		g_assert_cmpuint(theirs->status, ==, 404);
		assert_same_answer(theirs, none);
	}
	for (guint i = 0; i < G_N_ELEMENTS(actions); i++) {
		g_autoptr(RosterTestResponse) theirs =
		    roster_requests_act(f,
					ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
					id,
					actions[i],
					NULL);
		g_autoptr(RosterTestResponse) none =
		    roster_requests_act(f,
					ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
					987654,
					actions[i],
					NULL);
		g_assert_cmpuint(theirs->status, ==, 404);
		assert_same_answer(theirs, none);
	}
	{
		g_autofree gchar *path =
		    g_strdup_printf(REQUESTS "/%" G_GINT64_FORMAT "/candidates", id);
		g_autoptr(RosterTestResponse) theirs =
		    roster_test_request_as(f,
					   ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
					   "GET",
					   path,
					   NULL);
		g_autoptr(RosterTestResponse) none =
		    roster_test_request_as(f,
					   ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
					   "GET",
					   REQUESTS "/987654/candidates",
					   NULL);
		assert_same_answer(theirs, none);
	}
	g_assert_false(list_holds(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, REQUESTS, id));
	g_assert_true(list_holds(f, ROSTER_TEST_CALLER_VOLUNTEER, REQUESTS, id));
	g_assert_true(list_holds(f, ROSTER_TEST_CALLER_COORDINATOR, REQUESTS, id));
	g_assert_true(list_holds(f, ROSTER_TEST_CALLER_MANAGER, REQUESTS, id));
	after = roster_requests_dup_text(f, id);
	g_assert_cmpstr(before, ==, after);
}

/* a colleague's shift as mine, an unknown shift, a draft roster and an unknown one
 * all answer 404 alike, and nothing is made */
static void
test_forged_ids(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autofree gchar *theirs_body = NULL;
	g_autofree gchar *unknown_body = NULL;
	g_autofree gchar *draft_body = NULL;
	g_autofree gchar *no_roster_body = NULL;
	g_autofree gchar *draft_seats = NULL;
	g_autofree gchar *snapshot = NULL;
	g_autofree gchar *snapshot_after = NULL;
	g_autoptr(RosterTestResponse) theirs = NULL;
	g_autoptr(RosterTestResponse) unknown = NULL;
	g_autoptr(RosterTestResponse) draft = NULL;
	g_autoptr(RosterTestResponse) no_roster = NULL;
	g_autoptr(RosterTestResponse) seats = NULL;
	g_autoptr(RosterTestResponse) no_seats = NULL;
	g_autoptr(RosterTestResponse) list = NULL;
	gint64 draft_id;

	roster_requests_make_hotline(f, &h);
	draft_id = roster_requests_make_draft(f, h.seat);
	snapshot = roster_test_fixture_dup_snapshot(f);
	theirs_body = g_strdup_printf(GIVEAWAY_BODY, h.roster, h.theirs);
	unknown_body = g_strdup_printf(GIVEAWAY_BODY, h.roster, (gint64)987654);
	theirs = roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, theirs_body);
	unknown = roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, unknown_body);
	roster_requests_assert_error(theirs, 404, "not-found", ROSTER_KEY_ASSIGNMENT_ID);
	assert_same_answer(theirs, unknown);

	draft_body = g_strdup_printf("{\"kind\":\"pickup\",\"roster_id\":%" G_GINT64_FORMAT
				     ",\"date\":\"2027-04-03\",\"slot\":\"08:00\","
				     "\"seat_class_id\":%" G_GINT64_FORMAT "}",
				     draft_id,
				     h.seat);
	no_roster_body = g_strdup_printf("{\"kind\":\"pickup\",\"roster_id\":987654,"
					 "\"date\":\"2027-04-03\",\"slot\":\"08:00\","
					 "\"seat_class_id\":%" G_GINT64_FORMAT "}",
					 h.seat);
	draft = roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, draft_body);
	no_roster = roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, no_roster_body);
	g_assert_cmpuint(draft->status, ==, 404);
	assert_same_answer(draft, no_roster);

	/* the open seats of a draft are nobody's to see */
	draft_seats = g_strdup_printf(REQUESTS "/open-seats?roster_id=%" G_GINT64_FORMAT, draft_id);
	seats = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", draft_seats, NULL);
	no_seats = roster_test_request_as(f,
					  ROSTER_TEST_CALLER_VOLUNTEER,
					  "GET",
					  REQUESTS "/open-seats?roster_id=987654",
					  NULL);
	g_assert_cmpuint(seats->status, ==, 404);
	assert_same_answer(seats, no_seats);

	snapshot_after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(snapshot, ==, snapshot_after);
	list = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", REQUESTS, NULL);
	g_assert_cmpint(roster_test_response_get_int(list, "total"), ==, 0);
}

/* roles and parties: only volunteers ask, only the colleague accepts, only the asker
 * withdraws, only planners approve */
static void
test_roles(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autofree gchar *body = NULL;
	g_autoptr(RosterTestResponse) r = NULL;
	gint64 giveaway;
	gint64 pickup;

	roster_requests_make_hotline(f, &h);
	body = g_strdup_printf(GIVEAWAY_BODY, h.roster, h.mine);
	r = roster_requests_create(f, ROSTER_TEST_CALLER_COORDINATOR, body);
	roster_requests_assert_error(r, 403, "permission-denied", ROSTER_REQUEST_REFUSAL_NOT_PARTY);
	g_clear_pointer(&r, roster_test_response_free);

	giveaway = roster_requests_make(f,
					ROSTER_TEST_CALLER_VOLUNTEER,
					ROSTER_REQUEST_OPEN,
					"{\"kind\":\"giveaway\",\"roster_id\":%" G_GINT64_FORMAT
					",\"assignment_id\":%" G_GINT64_FORMAT
					",\"volunteer_id\":%" G_GINT64_FORMAT "}",
					h.roster,
					h.mine,
					f->other_volunteer_id);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_VOLUNTEER,
				giveaway,
				ROSTER_REQUEST_ACTION_ACCEPT,
				NULL);
	roster_requests_assert_error(r, 403, "permission-denied", ROSTER_REQUEST_REFUSAL_NOT_PARTY);
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
				giveaway,
				ROSTER_REQUEST_ACTION_WITHDRAW,
				NULL);
	roster_requests_assert_error(r, 403, "permission-denied", ROSTER_REQUEST_REFUSAL_NOT_PARTY);
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_COORDINATOR,
				giveaway,
				ROSTER_REQUEST_ACTION_ACCEPT,
				NULL);
	roster_requests_assert_error(r, 403, "permission-denied", ROSTER_REQUEST_REFUSAL_NOT_PARTY);
	g_clear_pointer(&r, roster_test_response_free);

	/* an accepted pick-up: neither its volunteer nor a manager approves it */
	pickup = roster_requests_make(f,
				      ROSTER_TEST_CALLER_VOLUNTEER,
				      ROSTER_REQUEST_ACCEPTED,
				      "{\"kind\":\"pickup\",\"roster_id\":%" G_GINT64_FORMAT
				      ",\"date\":\"2027-03-05\",\"slot\":\"08:00\","
				      "\"seat_class_id\":%" G_GINT64_FORMAT "}",
				      h.roster,
				      h.seat);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_VOLUNTEER,
				pickup,
				ROSTER_REQUEST_ACTION_APPROVE,
				NULL);
	g_assert_cmpuint(r->status, ==, 403);
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_MANAGER,
				pickup,
				ROSTER_REQUEST_ACTION_APPROVE,
				NULL);
	g_assert_cmpuint(r->status, ==, 403);
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_requests_get(f, ROSTER_TEST_CALLER_VOLUNTEER, pickup);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "accepted");
	g_clear_pointer(&r, roster_test_response_free);

	/* the colleague sees the asker by name and number, never by phone or mail */
	r = roster_requests_get(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, giveaway);
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(r, "requester_name"), ==, "Li Wei");
	g_assert_cmpstr(roster_test_response_get_string(r, "requester_counsellor_no"), ==, "C-001");
	g_assert_false(body_contains(r, "138"));
	g_assert_false(body_contains(r, "example.org"));
}

/* whether the volunteer's list at @path holds assignment @id */
static gboolean
assignment_listed(RosterTestFixture *f, const gchar *path, gint64 id)
{
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", path, NULL);
	JsonArray *items;

	g_assert_cmpuint(r->status, ==, 200);
	g_assert_false(body_contains(r, "138"));
	items = json_object_get_array_member(roster_test_response_get_object(r), "items");
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *item = json_array_get_object_element(items, i);
		if (json_object_get_int_member(item, ROSTER_KEY_ASSIGNMENT_ID) == id)
			return TRUE;
	}
	return FALSE;
}

/* a give-away to all: the candidates and who sees it keep every hard rule (an
 * unavailable colleague is neither), so do the colleagues' shifts offered for a swap,
 * and the open seats a volunteer may pick up leave out its working day */
static void
test_candidates_and_open_seats(RosterTestFixture *f, gconstpointer user_data)
{
	RosterRequestsHotline h;
	g_autofree gchar *path = NULL;
	g_autofree gchar *seats_path = NULL;
	g_autofree gchar *swaps_path = NULL;
	g_autoptr(RosterTestResponse) r = NULL;
	JsonArray *items;
	gboolean other_found = FALSE;
	gboolean third_found = FALSE;
	gboolean own_day = FALSE;
	gboolean open_day = FALSE;
	gint64 id;

	roster_requests_make_hotline(f, &h);
	swaps_path = g_strdup_printf(REQUESTS "/swap-options?roster_id=%" G_GINT64_FORMAT
					      "&assignment_id=%" G_GINT64_FORMAT,
				     h.roster,
				     h.mine);
	g_assert_true(assignment_listed(f, swaps_path, h.theirs));
	g_assert_true(assignment_listed(f, swaps_path, h.third_shift));
	g_assert_false(assignment_listed(f, swaps_path, h.mine));
	id = roster_requests_make(f,
				  ROSTER_TEST_CALLER_VOLUNTEER,
				  ROSTER_REQUEST_OPEN,
				  GIVEAWAY_BODY,
				  h.roster,
				  h.mine);
	path = g_strdup_printf(REQUESTS "/%" G_GINT64_FORMAT "/candidates", id);
	r = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", path, NULL);
	g_assert_cmpuint(r->status, ==, 200);
	items = json_object_get_array_member(roster_test_response_get_object(r), "items");
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *c = json_array_get_object_element(items, i);
		gint64 vid = json_object_get_int_member(c, ROSTER_KEY_VOLUNTEER_ID);
		g_assert_cmpint(vid, !=, f->volunteer_id);
		other_found |= vid == f->other_volunteer_id;
		third_found |= vid == h.third;
	}
	g_assert_true(other_found);
	g_assert_true(third_found);
	g_assert_false(body_contains(r, "138"));
	g_clear_pointer(&r, roster_test_response_free);
	g_assert_true(list_holds(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, REQUESTS, id));

	/* a candidate is not the asker: 403 for the list */
	r = roster_test_request_as(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, "GET", path, NULL);
	roster_requests_assert_error(r, 403, "permission-denied", ROSTER_REQUEST_REFUSAL_NOT_PARTY);
	g_clear_pointer(&r, roster_test_response_free);

	/* the other volunteer cannot work that day: out of the candidates, and the
	 * give-away is no longer shown to it nor can it be taken */
	{
		g_autofree gchar *avail =
		    g_strdup_printf("/api/v1/volunteers/%" G_GINT64_FORMAT "/availability",
				    f->other_volunteer_id);
		roster_test_create(f, avail, "{\"kind\":\"unavailable\",\"date\":\"2027-03-02\"}");
	}
	r = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", path, NULL);
	g_assert_false(body_contains(r, "Wang Fang"));
	g_assert_true(body_contains(r, "Zhao Min"));
	g_clear_pointer(&r, roster_test_response_free);
	g_assert_false(list_holds(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER, REQUESTS, id));
	/* nor may it swap into that day */
	g_assert_false(assignment_listed(f, swaps_path, h.theirs));
	g_assert_true(assignment_listed(f, swaps_path, h.third_shift));
	r = roster_requests_act(f,
				ROSTER_TEST_CALLER_OTHER_VOLUNTEER,
				id,
				ROSTER_REQUEST_ACTION_ACCEPT,
				NULL);
	g_assert_cmpuint(r->status, ==, 404);
	g_clear_pointer(&r, roster_test_response_free);

	seats_path = g_strdup_printf(REQUESTS "/open-seats?roster_id=%" G_GINT64_FORMAT, h.roster);
	r = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "GET", seats_path, NULL);
	g_assert_cmpuint(r->status, ==, 200);
	items = json_object_get_array_member(roster_test_response_get_object(r), "items");
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *s = json_array_get_object_element(items, i);
		const gchar *date = json_object_get_string_member(s, ROSTER_KEY_DATE);
		own_day |= g_strcmp0(date, "2027-03-02") == 0;
		open_day |=
		    g_strcmp0(date, "2027-03-01") == 0 &&
		    g_strcmp0(json_object_get_string_member(s, ROSTER_KEY_SLOT), "08:00") == 0;
	}
	g_assert_false(own_day);
	g_assert_true(open_day);
	/* 7 days of two slots, three held: the coordinator sees all eleven */
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", seats_path, NULL);
	g_assert_cmpint(roster_test_response_get_int(r, "total"), ==, 11);
}

typedef struct {
	RosterEngine *engine;
	RosterPrincipal *principal;
	/* a new request's body, or NULL to accept request @accept */
	gchar *body;
	gint64 accept;
	GMutex *mutex;
	GCond *cond;
	gint *waiting;
	JsonNode *result;
	GError *error;
} Racer;

static gpointer
race_thread(gpointer data)
{
	Racer *racer = data;
	g_autoptr(JsonNode) body = racer->body != NULL ? json_from_string(racer->body, NULL) : NULL;

	/* both go at once */
	g_mutex_lock(racer->mutex);
	(*racer->waiting)--;
	g_cond_broadcast(racer->cond);
	while (*racer->waiting > 0)
		g_cond_wait(racer->cond, racer->mutex);
	g_mutex_unlock(racer->mutex);
	if (racer->body != NULL)
		racer->result = roster_engine_create_request(racer->engine,
							     racer->principal,
							     body,
							     &racer->error);
	else
		racer->result = roster_engine_act_on_request(racer->engine,
							     racer->principal,
							     racer->accept,
							     ROSTER_REQUEST_ACTION_ACCEPT,
							     NULL,
							     &racer->error);
	return NULL;
}

/* runs both racers at once: exactly one wins, the other is 409 with @field */
static void
run_race(Racer *racers, const gchar *field)
{
	gint waiting = 2;
	GThread *threads[2];
	guint winners = 0;

	for (guint i = 0; i < 2; i++) {
		racers[i].waiting = &waiting;
		threads[i] = g_thread_new("racer", race_thread, &racers[i]);
	}
	for (guint i = 0; i < 2; i++)
		g_thread_join(threads[i]);
	for (guint i = 0; i < 2; i++) {
		if (racers[i].result != NULL) {
			winners++;
			g_assert_no_error(racers[i].error);
			json_node_unref(racers[i].result);
		} else {
			g_assert_error(racers[i].error, ROSTER_ERROR, ROSTER_ERROR_CONFLICT);
			g_assert_cmpstr(roster_error_get_field(racers[i].error), ==, field);
			g_clear_error(&racers[i].error);
		}
	}
	g_assert_cmpuint(winners, ==, 1);
}

/* two volunteers take one open seat at once, each through its own connection to the
 * database: exactly one wins, the other gets 409 seat-claimed; the same for two
 * colleagues taking one give-away */
static void
test_race(RosterTestFixture *f, gconstpointer user_data)
{
	const gchar *const dates[] = {"2027-03-01", "2027-03-05", "2027-03-06", "2027-03-07"};
	RosterRequestsHotline h;
	g_autoptr(RosterEngine) one = NULL;
	g_autoptr(RosterEngine) two = NULL;
	g_autoptr(RosterPrincipal) first = NULL;
	g_autoptr(RosterPrincipal) second = NULL;
	g_autoptr(GError) error = NULL;
	GMutex mutex;
	GCond cond;

	roster_requests_make_hotline(f, &h);
	one = roster_engine_new(f->database_path);
	two = roster_engine_new(f->database_path);
	g_assert_true(roster_engine_open(one, &error));
	g_assert_true(roster_engine_open(two, &error));
	first = roster_principal_new(0, "volunteer", ROSTER_ROLE_VOLUNTEER, f->volunteer_id);
	second =
	    roster_principal_new(0, "volunteer2", ROSTER_ROLE_VOLUNTEER, f->other_volunteer_id);
	g_mutex_init(&mutex);
	g_cond_init(&cond);
	for (guint d = 0; d < G_N_ELEMENTS(dates); d++) {
		g_autofree gchar *body = g_strdup_printf(
		    "{\"kind\":\"pickup\",\"roster_id\":%" G_GINT64_FORMAT ",\"date\":\"%s\","
		    "\"slot\":\"11:00\",\"seat_class_id\":%" G_GINT64_FORMAT "}",
		    h.roster,
		    dates[d],
		    h.seat);
		Racer racers[2] = {
		    {one, first, body, 0, &mutex, &cond, NULL, NULL, NULL},
		    {two, second, body, 0, &mutex, &cond, NULL, NULL, NULL},
		};
		run_race(racers, ROSTER_REQUEST_REFUSAL_SEAT_CLAIMED);
	}

	/* two colleagues take one give-away to all at once: exactly one wins, the other
	 * hears it was taken (409 request-state), not that it does not exist */
	{
		g_autoptr(RosterPrincipal) third =
		    roster_principal_new(0, "third", ROSTER_ROLE_VOLUNTEER, h.third);
		g_autofree gchar *giveaway =
		    g_strdup_printf("{\"kind\":\"giveaway\",\"roster_id\":%" G_GINT64_FORMAT
				    ",\"assignment_id\":%" G_GINT64_FORMAT "}",
				    h.roster,
				    h.mine);
		g_autoptr(RosterTestResponse) made =
		    roster_requests_create(f, ROSTER_TEST_CALLER_VOLUNTEER, giveaway);
		gint64 id;
		g_assert_cmpuint(made->status, ==, 201);
		id = roster_test_response_get_int(made, ROSTER_KEY_ID);
		{
			Racer racers[2] = {
			    {one, second, NULL, id, &mutex, &cond, NULL, NULL, NULL},
			    {two, third, NULL, id, &mutex, &cond, NULL, NULL, NULL},
			};
			run_race(racers, ROSTER_REQUEST_REFUSAL_STATE);
		}
	}
	g_mutex_clear(&mutex);
	g_cond_clear(&cond);
	{
		g_autoptr(RosterTestResponse) list =
		    roster_test_request_as(f,
					   ROSTER_TEST_CALLER_COORDINATOR,
					   "GET",
					   REQUESTS,
					   NULL);
		/* the winning pick-ups and the give-away */
		g_assert_cmpint(roster_test_response_get_int(list, "total"),
				==,
				G_N_ELEMENTS(dates) + 1);
	}
}

/* a volunteer's own service log waits; a coordinator declines it with a reason the
 * volunteer reads; the volunteer cannot decide */
static void
test_service_log(RosterTestFixture *f, gconstpointer user_data)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT ",\"date\":\"2026-11-20\","
			    "\"hours\":2,\"kind\":\"outreach\",\"description\":\"校园讲座\"}",
			    f->volunteer_id);
	g_autofree gchar *reject = NULL;
	g_autofree gchar *approve = NULL;
	g_autoptr(RosterTestResponse) r = NULL;
	gint64 id;

	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_VOLUNTEER,
				   "POST",
				   "/api/v1/service-logs",
				   body);
	g_assert_cmpuint(r->status, ==, 201);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "pending");
	id = roster_test_response_get_int(r, ROSTER_KEY_ID);
	g_clear_pointer(&r, roster_test_response_free);
	approve = g_strdup_printf("/api/v1/service-logs/%" G_GINT64_FORMAT "/approve", id);
	reject = g_strdup_printf("/api/v1/service-logs/%" G_GINT64_FORMAT "/reject", id);
	r = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "POST", approve, NULL);
	g_assert_cmpuint(r->status, ==, 403);
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_COORDINATOR,
				   "POST",
				   reject,
				   "{\"reason\":[1]}");
	roster_requests_assert_error(r, 422, "invalid-data", "reason");
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_COORDINATOR,
				   "POST",
				   reject,
				   "{\"reason\":\"缺少证明\"}");
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(r, ROSTER_KEY_STATE), ==, "rejected");
	g_assert_cmpstr(roster_test_response_get_string(r, "reason"), ==, "缺少证明");
	g_clear_pointer(&r, roster_test_response_free);
	r = roster_test_request_as(f,
				   ROSTER_TEST_CALLER_VOLUNTEER,
				   "GET",
				   "/api/v1/service-logs?state=rejected",
				   NULL);
	g_assert_cmpuint(r->status, ==, 200);
	g_assert_true(body_contains(r, "缺少证明"));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add("/requests/others-requests",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_others_requests,
		   roster_test_fixture_teardown);
	g_test_add("/requests/forged-ids",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_forged_ids,
		   roster_test_fixture_teardown);
	g_test_add("/requests/roles",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_roles,
		   roster_test_fixture_teardown);
	g_test_add("/requests/candidates-open-seats",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_candidates_and_open_seats,
		   roster_test_fixture_teardown);
	g_test_add("/requests/race",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_race,
		   roster_test_fixture_teardown);
	g_test_add("/requests/service-log",
		   RosterTestFixture,
		   NULL,
		   roster_test_fixture_setup,
		   test_service_log,
		   roster_test_fixture_teardown);
	return g_test_run();
}
