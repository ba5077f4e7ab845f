/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the volunteers' page over the real server on loopback: its headers, cookie sessions
 * and their CSRF token, sign-in links, my shifts (published only), confirmations,
 * my month and availability rounds */

#include "config.h"

#include <string.h>

#include "roster-demo.h"
#include "roster-engine-web.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-test-fixture.h"

#define API ROSTER_HTTP_API_PREFIX

/* a browser: the session cookie and the CSRF token its sign-in answered */
typedef struct {
	gchar *cookie;
	gchar *csrf;
} Browser;

static void
browser_clear(Browser *b)
{
	g_clear_pointer(&b->cookie, g_free);
	g_clear_pointer(&b->csrf, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Browser, browser_clear)

/* a request with the headers given as name, value pairs ending with NULL */
static RosterTestResponse *
request_with(RosterTestFixture *f, const gchar *method, const gchar *path, const gchar *body, ...)
{
	g_autofree gchar *uri = g_strconcat(f->root_uri, path, NULL);
	g_autoptr(SoupMessage) msg = soup_message_new(method, uri);
	SoupMessageHeaders *headers = soup_message_get_request_headers(msg);
	const gchar *name;
	va_list args;

	va_start(args, body);
	while ((name = va_arg(args, const gchar *)) != NULL) {
		const gchar *value = va_arg(args, const gchar *);
		if (value != NULL)
			soup_message_headers_replace(headers, name, value);
	}
	va_end(args);
	soup_message_add_flags(msg, SOUP_MESSAGE_NO_REDIRECT);
	if (body != NULL) {
		g_autoptr(GBytes) bytes = g_bytes_new(body, strlen(body));
		soup_message_set_request_body_from_bytes(msg, "application/json", bytes);
	}
	return roster_test_send(f->session, msg);
}

/* a request of the browser's session, with its CSRF token when @csrf */
static RosterTestResponse *
browser_request(RosterTestFixture *f,
		Browser *b,
		const gchar *method,
		const gchar *path,
		const gchar *body,
		gboolean csrf)
{
	return request_with(f,
			    method,
			    path,
			    body,
			    "Cookie",
			    b->cookie,
			    "X-CSRF-Token",
			    csrf ? b->csrf : NULL,
			    NULL);
}

/* "roster_session=<token>" from a Set-Cookie header */
static gchar *
cookie_of(RosterTestResponse *r)
{
	const gchar *set = roster_test_response_get_header(r, "Set-Cookie");
	const gchar *end;

	g_assert_nonnull(set);
	end = strchr(set, ';');
	return g_strndup(set, end != NULL ? (gsize)(end - set) : strlen(set));
}

static void
browser_take(Browser *b, RosterTestResponse *r)
{
	g_assert_cmpuint(r->status, ==, 200);
	b->cookie = cookie_of(r);
	b->csrf = g_strdup(roster_test_response_get_string(r, ROSTER_WEB_KEY_CSRF_TOKEN));
	g_assert_cmpuint(strlen(b->csrf), ==, 64);
}

static void
sign_in(RosterTestFixture *f, Browser *b, const gchar *username)
{
	g_autofree gchar *body = g_strdup_printf("{\"username\":\"%s\",\"password\":\"%s\"}",
						 username,
						 ROSTER_TEST_ACCOUNT_PASSWORD);
	g_autoptr(RosterTestResponse) r = request_with(f, "POST", API "/session", body, NULL);

	browser_take(b, r);
}

static const gchar *
error_code(RosterTestResponse *r)
{
	return roster_test_response_get_error_code(r);
}

/* a published roster in January 2027: the volunteer and the other volunteer share
 * the 08:00 on-site shift of the 5th */
typedef struct {
	gint64 seat;
	gint64 roster;
	gint64 assignment;
	gint64 other_assignment;
} Published;

static gint64
roster_revision(RosterTestFixture *f, gint64 roster)
{
	g_autofree gchar *path = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT, roster);
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);

	g_assert_cmpuint(r->status, ==, 200);
	return roster_test_response_get_int(r, ROSTER_KEY_REVISION);
}

static gint64
assign(RosterTestFixture *f, gint64 roster, gint64 seat, const gchar *date, gint64 volunteer)
{
	g_autofree gchar *path =
	    g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT "/assignments", roster);
	g_autofree gchar *body = g_strdup_printf(
	    "{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"%s\",\"slot\":\"08:00\","
	    "\"seat_class_id\":%" G_GINT64_FORMAT ",\"volunteer_id\":%" G_GINT64_FORMAT "}",
	    roster_revision(f, roster),
	    date,
	    seat,
	    volunteer);
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", path, body);

	g_assert_cmpuint(r->status, ==, 201);
	return roster_test_response_get_int(r, ROSTER_KEY_ID);
}

static void
publish(RosterTestFixture *f, gint64 roster)
{
	g_autofree gchar *path =
	    g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT "/publish", roster);
	g_autofree gchar *body =
	    g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT "}", roster_revision(f, roster));
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "POST", path, body);

	g_assert_cmpuint(r->status, ==, 200);
}

static void
make_roster(RosterTestFixture *f, Published *p)
{
	g_autofree gchar *rule = NULL;

	p->seat =
	    roster_test_create(f,
			       API "/seat-classes",
			       "{\"code\":\"onsite\",\"name\":\"On site\",\"mode\":\"on-site\","
			       "\"min_tier\":\"counsellor\",\"location\":\"Room 3\"}");
	rule = g_strdup_printf("{\"seat_class_id\":%" G_GINT64_FORMAT
			       ",\"start\":\"08:00\",\"end\":\"14:00\",\"seats\":2}",
			       p->seat);
	roster_test_create(f, API "/demand-rules", rule);
	p->roster = roster_test_create(f,
				       API "/rosters",
				       "{\"name\":\"January\",\"period_start\":\"2027-01-04\","
				       "\"period_end\":\"2027-01-10\"}");
	p->assignment = assign(f, p->roster, p->seat, "2027-01-05", f->volunteer_id);
	p->other_assignment = assign(f, p->roster, p->seat, "2027-01-05", f->other_volunteer_id);
}

static RosterTestResponse *
my_shifts(RosterTestFixture *f, RosterTestCaller caller)
{
	return roster_test_request_as(f, caller, "GET", API "/me/shifts?today=2027-01-01", NULL);
}

/* the page and its files: a policy that runs only the page's own scripts */
static void
test_page_headers(RosterTestFixture *f, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) page = request_with(f, "GET", "/my/", NULL, NULL);
	const gchar *policy = roster_test_response_get_header(page, "Content-Security-Policy");

	g_assert_cmpuint(page->status, ==, 200);
	g_assert_nonnull(policy);
	g_assert_nonnull(strstr(policy, "default-src 'self'"));
	g_assert_nonnull(strstr(policy, "script-src 'self'"));
	g_assert_nonnull(strstr(policy, "frame-ancestors 'none'"));
	g_assert_null(strstr(policy, "unsafe-inline"));
	g_assert_cmpstr(roster_test_response_get_header(page, "X-Content-Type-Options"),
			==,
			"nosniff");
	g_assert_cmpstr(roster_test_response_get_header(page, "Referrer-Policy"),
			==,
			"no-referrer");
	/* no inline script: every script element loads a file */
	g_assert_null(strstr(g_bytes_get_data(page->body, NULL), "<script>"));
}

/* Chinese unless English is asked for, by ?lang= or Accept-Language */
static void
test_page_language(RosterTestFixture *f, gconstpointer user_data)
{
	g_autoptr(RosterTestResponse) zh = request_with(f, "GET", "/my/", NULL, NULL);
	g_autoptr(RosterTestResponse) en =
	    request_with(f, "GET", "/my/", NULL, "Accept-Language", "en-GB,en;q=0.8", NULL);
	g_autoptr(RosterTestResponse) query = request_with(f, "GET", "/my/?lang=en", NULL, NULL);
	g_autoptr(RosterTestResponse) root = request_with(f, "GET", "/", NULL, NULL);

	g_assert_nonnull(strstr(g_bytes_get_data(zh->body, NULL), "<html lang=\"zh-CN\">"));
	g_assert_nonnull(strstr(g_bytes_get_data(en->body, NULL), "<html lang=\"en\">"));
	g_assert_nonnull(strstr(g_bytes_get_data(query->body, NULL), "<html lang=\"en\">"));
	g_assert_cmpuint(root->status, ==, 302);
	g_assert_cmpstr(roster_test_response_get_header(root, "Location"), ==, "/my/");
}

/* the first load (page, scripts, style sheet, one string table) stays under 200 KB */
static void
test_page_size(RosterTestFixture *f, gconstpointer user_data)
{
	const gchar *files[] = {"/my/",
				"/my/roster-web.js",
				"/my/roster-requests.js",
				"/my/style.css",
				"/my/strings-zh-CN.json"};
	gsize total = 0;

	for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
		g_autoptr(RosterTestResponse) r = request_with(f, "GET", files[i], NULL, NULL);
		g_assert_cmpuint(r->status, ==, 200);
		total += g_bytes_get_size(r->body);
	}
	g_test_message("first load: %" G_GSIZE_FORMAT " bytes", total);
	g_assert_cmpuint(total, <, 200 * 1024);
}

/* HttpOnly, SameSite=Strict, Path=/ and a lifetime; Secure only behind https */
static void
test_session_cookie_flags(RosterTestFixture *f, gconstpointer user_data)
{
	const gchar *body = "{\"username\":\"" ROSTER_TEST_VOLUNTEER_USER
			    "\",\"password\":\"" ROSTER_TEST_ACCOUNT_PASSWORD "\"}";
	g_autoptr(RosterTestResponse) plain = request_with(f, "POST", API "/session", body, NULL);
	g_autoptr(RosterTestResponse) proxied =
	    request_with(f, "POST", API "/session", body, "X-Forwarded-Proto", "https", NULL);
	const gchar *cookie = roster_test_response_get_header(plain, "Set-Cookie");

	g_assert_cmpuint(plain->status, ==, 200);
	g_assert_nonnull(cookie);
	g_assert_true(g_str_has_prefix(cookie, "roster_session="));
	g_assert_nonnull(strstr(cookie, "; HttpOnly"));
	g_assert_nonnull(strstr(cookie, "; SameSite=Strict"));
	g_assert_nonnull(strstr(cookie, "; Path=/"));
	g_assert_nonnull(strstr(cookie, "; Max-Age="));
	g_assert_null(strstr(cookie, "Secure"));
	g_assert_nonnull(
	    strstr(roster_test_response_get_header(proxied, "Set-Cookie"), "; Secure"));
	/* the answer holds the CSRF token, never the session's token */
	g_assert_false(
	    json_object_has_member(roster_test_response_get_object(plain), ROSTER_KEY_TOKEN));
	g_assert_nonnull(roster_test_response_get_string(plain, ROSTER_WEB_KEY_CSRF_TOKEN));
}

/* the cookie signs in every route, old and new, through the router's authentication */
static void
test_session_cookie_routes(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Browser) b = {NULL};
	g_autoptr(RosterTestResponse) me = NULL;
	g_autoptr(RosterTestResponse) session = NULL;

	sign_in(f, &b, ROSTER_TEST_VOLUNTEER_USER);
	me = browser_request(f, &b, "GET", API "/me", NULL, FALSE);
	g_assert_cmpuint(me->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(me, ROSTER_KEY_VOLUNTEER_ID),
			==,
			f->volunteer_id);
	session = browser_request(f, &b, "GET", API "/session", NULL, FALSE);
	g_assert_cmpuint(session->status, ==, 200);
	g_assert_cmpstr(roster_test_response_get_string(session, ROSTER_WEB_KEY_CSRF_TOKEN),
			==,
			b.csrf);
}

/* a sign-in posted as a form's text/plain (another site's page) is refused */
static void
test_session_form_refused(RosterTestFixture *f, gconstpointer user_data)
{
	g_autofree gchar *uri = g_strconcat(f->root_uri, API "/session", NULL);
	g_autoptr(SoupMessage) msg = soup_message_new("POST", uri);
	g_autoptr(GBytes) body = g_bytes_new_static(
	    "{\"username\":\"" ROSTER_TEST_VOLUNTEER_USER
	    "\",\"password\":\"" ROSTER_TEST_ACCOUNT_PASSWORD "\"}",
	    strlen(ROSTER_TEST_VOLUNTEER_USER) + strlen(ROSTER_TEST_ACCOUNT_PASSWORD) + 29);
	g_autoptr(RosterTestResponse) r = NULL;

	soup_message_set_request_body_from_bytes(msg, "text/plain", body);
	r = roster_test_send(f->session, msg);
	g_assert_cmpuint(r->status, ==, 400);
	g_assert_null(roster_test_response_get_header(r, "Set-Cookie"));
}

/* a change made with a cookie and no CSRF token, or another session's, is refused and
 * changes nothing; a bearer token needs none */
static void
test_csrf_refused(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Browser) b = {NULL};
	g_auto(Browser) other = {NULL};
	g_autofree gchar *before = NULL;
	g_autofree gchar *after = NULL;
	g_autoptr(RosterTestResponse) missing = NULL;
	g_autoptr(RosterTestResponse) wrong = NULL;
	g_autoptr(RosterTestResponse) right = NULL;
	g_autoptr(RosterTestResponse) bearer = NULL;

	sign_in(f, &b, ROSTER_TEST_COORDINATOR_USER);
	sign_in(f, &other, ROSTER_TEST_VOLUNTEER_USER);
	before = roster_test_fixture_dup_snapshot(f);
	missing = browser_request(f, &b, "POST", API "/teams", "{\"name\":\"Forged\"}", FALSE);
	g_assert_cmpuint(missing->status, ==, 403);
	g_assert_cmpstr(error_code(missing), ==, "csrf-failed");
	g_free(b.csrf);
	b.csrf = g_strdup(other.csrf);
	wrong = browser_request(f, &b, "POST", API "/teams", "{\"name\":\"Forged\"}", TRUE);
	g_assert_cmpuint(wrong->status, ==, 403);
	g_assert_cmpstr(error_code(wrong), ==, "csrf-failed");
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
	g_free(b.csrf);
	b.csrf = roster_engine_dup_csrf_token(strchr(b.cookie, '=') + 1);
	right = browser_request(f, &b, "POST", API "/teams", "{\"name\":\"Real\"}", TRUE);
	g_assert_cmpuint(right->status, ==, 201);
	bearer = roster_test_request_as(f,
					ROSTER_TEST_CALLER_COORDINATOR,
					"POST",
					API "/teams",
					"{\"name\":\"Bearer\"}");
	g_assert_cmpuint(bearer->status, ==, 201);
}

/* logging out ends the session on the server and clears the cookie */
static void
test_session_logout(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Browser) b = {NULL};
	g_autoptr(RosterTestResponse) forged = NULL;
	g_autoptr(RosterTestResponse) out = NULL;
	g_autoptr(RosterTestResponse) after = NULL;

	sign_in(f, &b, ROSTER_TEST_VOLUNTEER_USER);
	forged = browser_request(f, &b, "DELETE", API "/session", NULL, FALSE);
	g_assert_cmpuint(forged->status, ==, 403);
	out = browser_request(f, &b, "DELETE", API "/session", NULL, TRUE);
	g_assert_cmpuint(out->status, ==, 204);
	g_assert_nonnull(strstr(roster_test_response_get_header(out, "Set-Cookie"), "Max-Age=0"));
	after = browser_request(f, &b, "GET", API "/session", NULL, FALSE);
	g_assert_cmpuint(after->status, ==, 401);
}

/* a session ends when its lifetime does */
static void
test_session_expiry(RosterTestFixture *f, gconstpointer user_data)
{
	g_auto(Browser) b = {NULL};
	g_autoptr(RosterTestResponse) fresh = NULL;
	g_autoptr(RosterTestResponse) expired = NULL;

	roster_engine_set_token_lifetime(f->engine, 1);
	sign_in(f, &b, ROSTER_TEST_VOLUNTEER_USER);
	fresh = browser_request(f, &b, "GET", API "/session", NULL, FALSE);
	g_assert_cmpuint(fresh->status, ==, 200);
	g_usleep(2100 * G_TIME_SPAN_MILLISECOND);
	expired = browser_request(f, &b, "GET", API "/session", NULL, FALSE);
	g_assert_cmpuint(expired->status, ==, 401);
}

/* failed sign-ins are rate-limited: the sixth wrong password for an account is 429 */
static void
test_session_rate_limit(RosterTestFixture *f, gconstpointer user_data)
{
	const gchar *body = "{\"username\":\"" ROSTER_TEST_VOLUNTEER_USER
			    "\",\"password\":\"wrong\"}";
	guint status = 0;

	for (guint i = 0; i < 8 && status != 429; i++) {
		g_autoptr(RosterTestResponse) r =
		    request_with(f, "POST", API "/session", body, NULL);
		status = r->status;
		g_assert_true(status == 401 || status == 429);
	}
	g_assert_cmpuint(status, ==, 429);
}

static gchar *
make_link(RosterTestFixture *f, gint64 *id)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT "}", f->volunteer_id);
	g_autoptr(RosterTestResponse) r = roster_test_request_as(f,
								 ROSTER_TEST_CALLER_COORDINATOR,
								 "POST",
								 API "/signin-links",
								 body);

	g_assert_cmpuint(r->status, ==, 201);
	*id = roster_test_response_get_int(r, ROSTER_KEY_ID);
	return g_strdup(roster_test_response_get_string(r, ROSTER_KEY_TOKEN));
}

/* a link signs in once; only coordinators make one */
static void
test_link_single_use(RosterTestFixture *f, gconstpointer user_data)
{
	g_autofree gchar *body = NULL;
	g_autofree gchar *token = NULL;
	g_autofree gchar *refused_body =
	    g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT "}", f->volunteer_id);
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) first = NULL;
	g_autoptr(RosterTestResponse) second = NULL;
	g_autoptr(RosterTestResponse) me = NULL;
	g_auto(Browser) b = {NULL};
	gint64 id = 0;

	refused = roster_test_request_as(f,
					 ROSTER_TEST_CALLER_VOLUNTEER,
					 "POST",
					 API "/signin-links",
					 refused_body);
	g_assert_cmpuint(refused->status, ==, 403);
	token = make_link(f, &id);
	body = g_strdup_printf("{\"token\":\"%s\"}", token);
	first = request_with(f, "POST", API "/session/link", body, NULL);
	browser_take(&b, first);
	me = browser_request(f, &b, "GET", API "/me", NULL, FALSE);
	g_assert_cmpint(roster_test_response_get_int(me, ROSTER_KEY_VOLUNTEER_ID),
			==,
			f->volunteer_id);
	second = request_with(f, "POST", API "/session/link", body, NULL);
	g_assert_cmpuint(second->status, ==, 401);
	g_assert_null(roster_test_response_get_header(second, "Set-Cookie"));
}

/* the links handed out are under the daemon's public address once one is set, and plain
 * paths (under whatever address the client used) before */
static void
test_links_public_address(RosterTestFixture *f, gconstpointer user_data)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"volunteer_id\":%" G_GINT64_FORMAT "}", f->volunteer_id);
	g_autofree gchar *feed_path =
	    g_strdup_printf(API "/calendar-tokens/%" G_GINT64_FORMAT, f->volunteer_id);
	g_autoptr(RosterTestResponse) before = NULL;
	g_autoptr(RosterTestResponse) settings = NULL;
	g_autoptr(RosterTestResponse) link = NULL;
	g_autoptr(RosterTestResponse) feed = NULL;

	before = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", feed_path, NULL);
	g_assert_cmpuint(before->status, ==, 200);
	g_assert_true(g_str_has_prefix(roster_test_response_get_string(before, ROSTER_KEY_URL),
				       "/calendar/"));
	settings = roster_test_request_as(f,
					  ROSTER_TEST_CALLER_ADMIN,
					  "PUT",
					  API "/messages/settings",
					  "{\"public_url\":\"https://roster.example.org/\"}");
	g_assert_cmpuint(settings->status, ==, 200);
	feed = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", feed_path, NULL);
	g_assert_cmpuint(feed->status, ==, 200);
	g_assert_true(g_str_has_prefix(roster_test_response_get_string(feed, ROSTER_KEY_URL),
				       "https://roster.example.org/calendar/"));
	link = roster_test_request_as(f,
				      ROSTER_TEST_CALLER_COORDINATOR,
				      "POST",
				      API "/signin-links",
				      body);
	g_assert_cmpuint(link->status, ==, 201);
	g_assert_true(g_str_has_prefix(roster_test_response_get_string(link, ROSTER_KEY_URL),
				       "https://roster.example.org/my/#signin="));
}

/* a revoked link signs in no more; revoking twice is 404 */
static void
test_link_revoked(RosterTestFixture *f, gconstpointer user_data)
{
	gint64 id = 0;
	g_autofree gchar *token = make_link(f, &id);
	g_autofree gchar *path = g_strdup_printf(API "/signin-links/%" G_GINT64_FORMAT, id);
	g_autofree gchar *body = g_strdup_printf("{\"token\":\"%s\"}", token);
	g_autoptr(RosterTestResponse) revoked =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "DELETE", path, NULL);
	g_autoptr(RosterTestResponse) again =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "DELETE", path, NULL);
	g_autoptr(RosterTestResponse) used =
	    request_with(f, "POST", API "/session/link", body, NULL);

	g_assert_cmpuint(revoked->status, ==, 204);
	g_assert_cmpuint(again->status, ==, 404);
	g_assert_cmpuint(used->status, ==, 401);
}

/* links that do not work count against the address: the 21st failure in a row is 429 */
static void
test_link_rate_limit(RosterTestFixture *f, gconstpointer user_data)
{
	guint status = 0;
	guint attempts = 0;

	for (; attempts < 30 && status != 429; attempts++) {
		g_autofree gchar *body = g_strdup_printf("{\"token\":\"%064u\"}", attempts);
		g_autoptr(RosterTestResponse) r =
		    request_with(f, "POST", API "/session/link", body, NULL);
		status = r->status;
		g_assert_true(status == 401 || status == 429);
	}
	g_assert_cmpuint(status, ==, 429);
	g_assert_cmpuint(attempts, >, 20);
}

/* a draft is never shown: nothing before publishing, and a later draft edit neither */
static void
test_shifts_published_only(RosterTestFixture *f, gconstpointer user_data)
{
	Published p;
	g_autoptr(RosterTestResponse) draft = NULL;
	g_autoptr(RosterTestResponse) published = NULL;
	g_autoptr(RosterTestResponse) later = NULL;
	JsonObject *shift;
	JsonObject *colleague;
	const gchar *text;

	make_roster(f, &p);
	draft = my_shifts(f, ROSTER_TEST_CALLER_VOLUNTEER);
	g_assert_cmpuint(draft->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(draft, ROSTER_KEY_TOTAL), ==, 0);
	publish(f, p.roster);
	assign(f, p.roster, p.seat, "2027-01-06", f->volunteer_id);
	published = my_shifts(f, ROSTER_TEST_CALLER_VOLUNTEER);
	g_assert_cmpint(roster_test_response_get_int(published, ROSTER_KEY_TOTAL), ==, 1);
	shift = json_array_get_object_element(
	    json_object_get_array_member(roster_test_response_get_object(published),
					 ROSTER_KEY_ITEMS),
	    0);
	g_assert_cmpstr(json_object_get_string_member(shift, ROSTER_KEY_DATE), ==, "2027-01-05");
	g_assert_cmpstr(json_object_get_string_member(shift, ROSTER_KEY_LOCATION), ==, "Room 3");
	/* a colleague is a 工号 and a given name, never a contact */
	colleague = json_array_get_object_element(
	    json_object_get_array_member(shift, ROSTER_WEB_KEY_COLLEAGUES),
	    0);
	g_assert_cmpstr(json_object_get_string_member(colleague, ROSTER_KEY_COUNSELLOR_NO),
			==,
			"C-002");
	g_assert_cmpstr(json_object_get_string_member(colleague, ROSTER_WEB_KEY_GIVEN_NAME),
			==,
			"Wang");
	g_assert_cmpuint(json_object_get_size(colleague), ==, 2);
	text = g_bytes_get_data(published->body, NULL);
	g_assert_null(strstr(text, "wang.fang@example.org"));
	g_assert_null(strstr(text, "+86 138"));
	/* the other volunteer sees its own shift only */
	later = my_shifts(f, ROSTER_TEST_CALLER_OTHER_VOLUNTEER);
	g_assert_cmpint(roster_test_response_get_int(later, ROSTER_KEY_TOTAL), ==, 1);
}

/* confirming my shift shows in the roster the app reads; another's is 404 like none */
static void
test_shifts_confirm(RosterTestFixture *f, gconstpointer user_data)
{
	Published p;
	g_autofree gchar *mine = NULL;
	g_autofree gchar *theirs = NULL;
	g_autofree gchar *none = NULL;
	g_autofree gchar *roster_path = NULL;
	g_autoptr(RosterTestResponse) ok = NULL;
	g_autoptr(RosterTestResponse) other = NULL;
	g_autoptr(RosterTestResponse) missing = NULL;
	g_autoptr(RosterTestResponse) roster = NULL;
	JsonArray *assignments;
	guint confirmed = 0;

	make_roster(f, &p);
	publish(f, p.roster);
	mine = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
				   "/confirm",
			       p.roster,
			       p.assignment);
	theirs = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT
				     "/confirm",
				 p.roster,
				 p.other_assignment);
	none = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT "/assignments/999999/confirm",
			       p.roster);
	other = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "POST", theirs, NULL);
	missing = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "POST", none, NULL);
	g_assert_cmpuint(other->status, ==, 404);
	g_assert_cmpuint(missing->status, ==, 404);
	g_assert_cmpstr(error_code(other), ==, error_code(missing));
	ok = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "POST", mine, NULL);
	g_assert_cmpuint(ok->status, ==, 200);
	g_assert_nonnull(roster_test_response_get_string(ok, ROSTER_WEB_KEY_CONFIRMED_AT));
	roster_path = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT, p.roster);
	roster =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", roster_path, NULL);
	assignments = json_object_get_array_member(roster_test_response_get_object(roster),
						   ROSTER_KEY_ASSIGNMENTS);
	for (guint i = 0; i < json_array_get_length(assignments); i++) {
		JsonObject *a = json_array_get_object_element(assignments, i);
		if (!json_object_get_null_member(a, ROSTER_WEB_KEY_CONFIRMED_AT)) {
			g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_ID),
					==,
					p.assignment);
			confirmed++;
		}
	}
	g_assert_cmpuint(confirmed, ==, 1);
}

/* a shift that changed since the volunteer last looked is marked */
static void
test_shifts_changed(RosterTestFixture *f, gconstpointer user_data)
{
	Published p;
	g_autofree gchar *path = NULL;
	g_autofree gchar *body = NULL;
	g_autoptr(RosterTestResponse) seen = NULL;
	g_autoptr(RosterTestResponse) moved = NULL;
	g_autoptr(RosterTestResponse) shifts = NULL;
	JsonObject *shift;

	make_roster(f, &p);
	publish(f, p.roster);
	seen = roster_test_request_as(f,
				      ROSTER_TEST_CALLER_VOLUNTEER,
				      "POST",
				      API "/me/shifts/seen",
				      NULL);
	g_assert_cmpuint(seen->status, ==, 204);
	path = g_strdup_printf(API "/rosters/%" G_GINT64_FORMAT "/assignments/%" G_GINT64_FORMAT,
			       p.roster,
			       p.assignment);
	body = g_strdup_printf("{\"revision\":%" G_GINT64_FORMAT ",\"date\":\"2027-01-07\"}",
			       roster_revision(f, p.roster));
	moved = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "PATCH", path, body);
	g_assert_cmpuint(moved->status, ==, 200);
	publish(f, p.roster);
	shifts = my_shifts(f, ROSTER_TEST_CALLER_VOLUNTEER);
	shift = json_array_get_object_element(
	    json_object_get_array_member(roster_test_response_get_object(shifts), ROSTER_KEY_ITEMS),
	    0);
	g_assert_cmpstr(json_object_get_string_member(shift, ROSTER_KEY_DATE), ==, "2027-01-07");
	g_assert_true(json_object_get_boolean_member(shift, ROSTER_WEB_KEY_CHANGED));
}

/* my month: published shifts of the month, stars and hours to the next from the
 * hours engine */
static void
test_month(RosterTestFixture *f, gconstpointer user_data)
{
	Published p;
	g_autoptr(RosterTestResponse) month = NULL;
	g_autoptr(RosterTestResponse) bad = NULL;

	make_roster(f, &p);
	publish(f, p.roster);
	month = roster_test_request_as(f,
				       ROSTER_TEST_CALLER_VOLUNTEER,
				       "GET",
				       API "/me/month?month=2027-01",
				       NULL);
	g_assert_cmpuint(month->status, ==, 200);
	g_assert_cmpint(roster_test_response_get_int(month, ROSTER_WEB_KEY_SHIFTS), ==, 1);
	g_assert_cmpint(roster_test_response_get_int(month, ROSTER_KEY_STARS), ==, 0);
	g_assert_cmpint(roster_test_response_get_int(month, ROSTER_WEB_KEY_NEXT_STARS), ==, 1);
	bad = roster_test_request_as(f,
				     ROSTER_TEST_CALLER_VOLUNTEER,
				     "GET",
				     API "/me/month?month=2027-13",
				     NULL);
	g_assert_cmpuint(bad->status, ==, 422);
}

static gint64
open_round(RosterTestFixture *f, const gchar *deadline)
{
	g_autofree gchar *body =
	    g_strdup_printf("{\"name\":\"January\",\"period_start\":\"2027-01-04\","
			    "\"period_end\":\"2027-01-10\",\"deadline\":\"%s\"}",
			    deadline);
	g_autoptr(RosterTestResponse) r =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "POST", API "/rounds", body);

	g_assert_cmpuint(r->status, ==, 201);
	return roster_test_response_get_int(r, ROSTER_KEY_ID);
}

#define MARKS                                                                                      \
	"{\"marks\":[{\"date\":\"2027-01-05\",\"start\":\"08:00\",\"end\":\"11:00\","              \
	"\"kind\":\"unavailable\"},{\"date\":\"2027-01-09\",\"kind\":\"preferred\"}]}"

/* an answer is the solver's availability: the same rows, with clashes flagged; staff
 * see who answered; a volunteer cannot open a round */
static void
test_round_answer(RosterTestFixture *f, gconstpointer user_data)
{
	Published p;
	gint64 id;
	g_autofree gchar *path = NULL;
	g_autofree gchar *marks = NULL;
	g_autofree gchar *availability = NULL;
	g_autoptr(RosterTestResponse) refused = NULL;
	g_autoptr(RosterTestResponse) answer = NULL;
	g_autoptr(RosterTestResponse) rows = NULL;
	g_autoptr(RosterTestResponse) staff = NULL;
	JsonArray *answers;
	guint answered = 0;

	make_roster(f, &p);
	publish(f, p.roster);
	refused = roster_test_request_as(
	    f,
	    ROSTER_TEST_CALLER_VOLUNTEER,
	    "POST",
	    API "/rounds",
	    "{\"name\":\"x\",\"period_start\":\"2027-01-04\","
	    "\"period_end\":\"2027-01-10\",\"deadline\":\"2030-01-01T00:00\"}");
	g_assert_cmpuint(refused->status, ==, 403);
	id = open_round(f, "2030-01-01T00:00");
	path = g_strdup_printf(API "/rounds/%" G_GINT64_FORMAT, id);
	marks = g_strdup_printf("%s/marks", path);
	answer = roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "PUT", marks, MARKS);
	g_assert_cmpuint(answer->status, ==, 200);
	g_assert_cmpuint(json_array_get_length(
			     json_object_get_array_member(roster_test_response_get_object(answer),
							  ROSTER_WEB_KEY_MARKS)),
			 ==,
			 2);
	g_assert_cmpuint(json_array_get_length(
			     json_object_get_array_member(roster_test_response_get_object(answer),
							  ROSTER_WEB_KEY_CLASHES)),
			 ==,
			 1);
	availability =
	    g_strdup_printf(API "/volunteers/%" G_GINT64_FORMAT "/availability", f->volunteer_id);
	rows = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", availability, NULL);
	g_assert_cmpint(roster_test_response_get_int(rows, ROSTER_KEY_TOTAL), ==, 2);
	staff = roster_test_request_as(f, ROSTER_TEST_CALLER_COORDINATOR, "GET", path, NULL);
	answers = json_object_get_array_member(roster_test_response_get_object(staff),
					       ROSTER_WEB_KEY_ANSWERS);
	for (guint i = 0; i < json_array_get_length(answers); i++) {
		JsonObject *a = json_array_get_object_element(answers, i);
		if (!json_object_get_null_member(a, ROSTER_WEB_KEY_ANSWERED_AT)) {
			g_assert_cmpint(json_object_get_int_member(a, ROSTER_KEY_VOLUNTEER_ID),
					==,
					f->volunteer_id);
			answered++;
		}
	}
	g_assert_cmpuint(answered, ==, 1);
	/* a volunteer sees its own answer, never the others' */
	g_assert_false(json_object_has_member(roster_test_response_get_object(answer),
					      ROSTER_WEB_KEY_ANSWERS));
}

/* after the deadline a round is read-only for volunteers: 423, nothing changed */
static void
test_round_deadline(RosterTestFixture *f, gconstpointer user_data)
{
	gint64 id = open_round(f, "2020-01-01T00:00Z");
	g_autofree gchar *marks = g_strdup_printf(API "/rounds/%" G_GINT64_FORMAT "/marks", id);
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(f);
	g_autofree gchar *after = NULL;
	g_autoptr(RosterTestResponse) locked =
	    roster_test_request_as(f, ROSTER_TEST_CALLER_VOLUNTEER, "PUT", marks, MARKS);

	g_assert_cmpuint(locked->status, ==, 423);
	g_assert_cmpstr(error_code(locked), ==, "locked");
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
}

/* a mark outside the round's period is refused and changes nothing */
static void
test_round_bad_mark(RosterTestFixture *f, gconstpointer user_data)
{
	gint64 id = open_round(f, "2030-01-01T00:00");
	g_autofree gchar *marks = g_strdup_printf(API "/rounds/%" G_GINT64_FORMAT "/marks", id);
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(f);
	g_autofree gchar *after = NULL;
	g_autoptr(RosterTestResponse) bad = roster_test_request_as(
	    f,
	    ROSTER_TEST_CALLER_VOLUNTEER,
	    "PUT",
	    marks,
	    "{\"marks\":[{\"date\":\"2027-02-01\",\"kind\":\"unavailable\"}]}");

	g_assert_cmpuint(bad->status, ==, 422);
	g_assert_cmpstr(roster_test_response_get_error_field(bad), ==, ROSTER_KEY_DATE);
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
}

/* the demo's volunteer accounts sign in to the page as the demo counsellors they name */
static void
test_demo_accounts(RosterTestFixture *f, gconstpointer user_data)
{
	const gchar *numbers[] = {"C021", "C040", "C048"};
	g_autoptr(GError) error = NULL;

	g_assert_true(roster_demo_seed(f->engine, 12355, &error));
	g_assert_no_error(error);
	g_assert_true(roster_demo_seed_accounts(f->engine, "Demo-Volunteer-Pass-77", &error));
	g_assert_no_error(error);
	for (guint i = 0; i < G_N_ELEMENTS(numbers); i++) {
		g_autofree gchar *username = g_ascii_strdown(numbers[i], -1);
		g_autofree gchar *body =
		    g_strdup_printf("{\"username\":\"%s\",\"password\":\"Demo-Volunteer-Pass-77\"}",
				    username);
		g_autoptr(RosterTestResponse) session =
		    request_with(f, "POST", API "/session", body, NULL);
		g_autoptr(RosterTestResponse) volunteer = NULL;
		g_autofree gchar *path = NULL;
		JsonObject *obj;

		g_assert_cmpuint(session->status, ==, 200);
		obj = roster_test_response_get_object(session);
		g_assert_cmpstr(json_object_get_string_member(obj, "role"), ==, "volunteer");
		path = g_strdup_printf(API "/volunteers/%" G_GINT64_FORMAT,
				       json_object_get_int_member(obj, "volunteer_id"));
		volunteer = roster_test_request_as(f, ROSTER_TEST_CALLER_ADMIN, "GET", path, NULL);
		g_assert_cmpuint(volunteer->status, ==, 200);
		g_assert_cmpstr(
		    json_object_get_string_member(roster_test_response_get_object(volunteer),
						  ROSTER_KEY_COUNSELLOR_NO),
		    ==,
		    numbers[i]);
	}
}

/* without the demo's volunteers no account is made */
static void
test_demo_accounts_need_demo(RosterTestFixture *f, gconstpointer user_data)
{
	g_autofree gchar *before = roster_test_fixture_dup_snapshot(f);
	g_autofree gchar *after = NULL;
	g_autoptr(GError) error = NULL;

	g_assert_false(roster_demo_seed_accounts(f->engine, "Demo-Volunteer-Pass-77", &error));
	g_assert_error(error, ROSTER_ERROR, ROSTER_ERROR_NOT_FOUND);
	after = roster_test_fixture_dup_snapshot(f);
	g_assert_cmpstr(before, ==, after);
}

int
main(int argc, char **argv)
{
	struct {
		const gchar *path;
		void (*test)(RosterTestFixture *, gconstpointer);
	} tests[] = {
	    {"/web/page/headers", test_page_headers},
	    {"/web/page/language", test_page_language},
	    {"/web/page/size", test_page_size},
	    {"/web/session/cookie-flags", test_session_cookie_flags},
	    {"/web/session/cookie-routes", test_session_cookie_routes},
	    {"/web/session/csrf-refused", test_csrf_refused},
	    {"/web/session/form-refused", test_session_form_refused},
	    {"/web/session/logout", test_session_logout},
	    {"/web/session/expiry", test_session_expiry},
	    {"/web/session/rate-limit", test_session_rate_limit},
	    {"/web/link/single-use", test_link_single_use},
	    {"/web/link/revoked", test_link_revoked},
	    {"/web/link/public-address", test_links_public_address},
	    {"/web/link/rate-limit", test_link_rate_limit},
	    {"/web/shifts/published-only", test_shifts_published_only},
	    {"/web/shifts/confirm", test_shifts_confirm},
	    {"/web/shifts/changed", test_shifts_changed},
	    {"/web/month", test_month},
	    {"/web/rounds/answer", test_round_answer},
	    {"/web/rounds/deadline", test_round_deadline},
	    {"/web/rounds/bad-mark", test_round_bad_mark},
	    {"/web/demo/accounts", test_demo_accounts},
	    {"/web/demo/accounts-need-demo", test_demo_accounts_need_demo},
	};

	g_test_init(&argc, &argv, NULL);
	for (guint i = 0; i < G_N_ELEMENTS(tests); i++)
		g_test_add(tests[i].path,
			   RosterTestFixture,
			   NULL,
			   roster_test_fixture_setup,
			   tests[i].test,
			   roster_test_fixture_teardown);
	return g_test_run();
}
