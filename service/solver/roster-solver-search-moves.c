/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "roster-solver-search-private.h"

/* the moves of the search: a line built or re-optimised by the DP, ruin and recreate
 * of a few people, and the small moves of one day, a swap or a block of days */

/* how many people hold each (day, type) in w->counts, leaving out person @except
 * (G_MAXUINT: nobody): a copy of the counts the cover's scoring keeps */
static void
count_cover(Worker *w, guint except)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint T = m->n_types;

	memcpy(w->counts, roster_search_state_cover_counts(w->st), sizeof(guint) * H * T);
	if (except < m->n_people) {
		const gint16 *line = w->st->cells + (gsize)except * H;
		for (guint d = 0; d < H; d++) {
			if (line[d] >= 0)
				w->counts[d * T + line[d]]--;
		}
	}
}

/* how long a window of a large move is: 7 to 42 days, at most the horizon */
static guint
draw_window_len(Worker *w)
{
	guint H = w->shared->m->n_days;
	/* MIN() evaluates its arguments twice: draw first */
	guint len = 7 + rng_below(w, MIN(H, 36));
	return MIN(len, H);
}

/* the price of each (day, value) for person p: requests plus the change in cover */
void
roster_search_build_prices(Worker *w, guint p, gint noise)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint T = m->n_types;
	const gint16 *cells = w->st->cells;

	count_cover(w, p);
	for (guint d = 0; d < H; d++) {
		gint *pr = w->price + (gsize)d * (T + 1);
		const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
		pr[0] = un[0];
		for (guint s = 0; s < T; s++) {
			guint idx = d * T + s;
			guint c = w->counts[idx];
			pr[s + 1] =
			    un[s + 1] + (gint)(roster_solver_model_cover_cost(m, idx, c + 1) -
					       roster_solver_model_cover_cost(m, idx, c));
		}
		if (noise > 0) {
			for (guint v = 0; v <= T; v++)
				pr[v] += (gint)rng_below(w, (guint)noise + 1);
		}
		if (roster_search_is_held(w, p, d)) {
			for (guint v = 0; v <= T; v++) {
				if ((gint)v - 1 != cells[(gsize)p * H + d])
					pr[v] = ROSTER_LINE_FORBIDDEN;
			}
		}
	}
}

/* a window of days for a large move: the whole horizon when it is short */
void
roster_search_pick_window(Worker *w, guint *first, guint *last)
{
	guint H = w->shared->m->n_days;
	guint len;
	/* short horizons re-plan whole lines; long ones mostly windows, which cost less */
	if (H <= 28 || (H <= 56 && rng_below(w, 4) == 0)) {
		*first = 0;
		*last = H - 1;
		return;
	}
	len = draw_window_len(w);
	*first = rng_below(w, H - len + 1);
	*last = *first + len - 1;
}

/* what days first..last of a line cost at the prices built for it */
static gint64
window_price(Worker *w, const gint16 *line, guint first, guint last)
{
	guint T = w->shared->m->n_types;
	gint64 sum = 0;
	for (guint d = first; d <= last; d++) {
		gint pr = w->price[(gsize)d * (T + 1) + line[d] + 1];
		if (pr == ROSTER_LINE_FORBIDDEN)
			return G_MAXINT64;
		sum += pr;
	}
	return sum;
}

/* re-optimise days first..last of one person's line; TRUE when it changed */
gboolean
roster_search_move_line(Worker *w,
			guint p,
			guint first,
			guint last,
			gint noise,
			gdouble temperature,
			gboolean force)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	gint64 dp_cost = 0;
	const gint16 *current = w->st->cells + (gsize)p * H;
	RosterMove move = {1, {p, 0}, first, last, {w->line + first, NULL}};
	RosterCost delta;
	gint64 ds;

	roster_search_build_prices(w, p, noise);
	/* a line dearer than the current one is seldom taken: look for one at most as dear
	 * first (far fewer labels), and for any only when the current line breaks a rule */
	roster_line_dp_set_upper(w->dp, window_price(w, current, first, last));
	if (!roster_line_dp_solve_window(w->dp,
					 p,
					 current,
					 first,
					 last,
					 w->price,
					 w->line,
					 &dp_cost) &&
	    !roster_line_dp_solve_window(w->dp,
					 p,
					 current,
					 first,
					 last,
					 w->price,
					 w->line,
					 &dp_cost))
		return FALSE;
	if (memcmp(w->line + first, current + first, sizeof(gint16) * (last - first + 1)) == 0)
		return FALSE;
	delta = roster_search_state_delta(w->st, &move);
	ds = scalar(delta);
	if (!force && ds > 0 &&
	    (temperature <= 0 || rng_double(w) >= exp(-(gdouble)ds / temperature)))
		return FALSE;
	roster_search_apply_move(w, &move, delta);
	return TRUE;
}

/*
 * a line move aimed at a seat that wants somebody (a (day, type) whose cover costs less
 * with one more person): a person who may take it, drawn at random, gets a window
 * around its day re-planned. A line move at random seldom meets such a seat: on a
 * tight half-year of 150 people and 32 types, where a seat left empty costs 100 and a
 * request 1 to 3, the first minute went mostly on filling the 170 empty seats of the
 * first roster, and one line move in 50 lowered the cost (README "Session 27"). FALSE
 * when no seat wants anybody or nobody may take the seat drawn.
 */
gboolean
roster_search_move_to_seat(Worker *w, gdouble temperature)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint T = m->n_types;
	guint P = m->n_people;
	const gint16 *cells = w->st->cells;
	guint n_seats = 0;
	guint seat = 0;
	guint n_takers = 0;
	guint p = 0;
	guint d;
	guint s;
	guint len;
	guint lo;
	guint hi;

	count_cover(w, G_MAXUINT);
	for (guint idx = 0; idx < H * T; idx++) {
		guint c = w->counts[idx];
		if (roster_solver_model_cover_cost(m, idx, c + 1) <
			roster_solver_model_cover_cost(m, idx, c) &&
		    rng_below(w, ++n_seats) == 0)
			seat = idx;
	}
	if (n_seats == 0)
		return FALSE;
	d = seat / T;
	s = seat % T;
	for (guint q = 0; q < P; q++) {
		if (cells[(gsize)q * H + d] == (gint)s || !w->allowed[q * (T + 1) + s + 1] ||
		    m->day_off[(gsize)q * H + d] || roster_search_is_held(w, q, d))
			continue;
		if (rng_below(w, ++n_takers) == 0)
			p = q;
	}
	if (n_takers == 0)
		return FALSE;
	/* a window as long as roster_search_pick_window()'s, anywhere around the day */
	len = draw_window_len(w);
	lo = d + 1 >= len ? d + 1 - len : 0;
	hi = MIN(d, H - len);
	lo += rng_below(w, hi - lo + 1);
	roster_search_move_line(w, p, lo, lo + len - 1, 0, temperature, FALSE);
	return TRUE;
}

/*
 * plans person p's line from day 0 a few weeks at a time, each part against the
 * cover of everybody else. A @fresh line is planned part after part, each reaching
 * its share of the minimum minutes where it can (and the last all of it); otherwise
 * each part only replaces the given one when that is better, and joins the days
 * after it.
 */
static void
construct_chunks(Worker *w, guint p, gboolean fresh)
{
	guint H = w->shared->m->n_days;
	/* the threads after the first want a roster soon more than a good one */
	guint chunk = w->index > 0 ? CONSTRUCT_QUICK_CHUNK_DAYS : CONSTRUCT_CHUNK_DAYS;
	for (guint first = 0; first < H; first += chunk) {
		guint last = MIN(first + chunk, H) - 1;
		roster_line_dp_set_partial(w->dp,
					   fresh && last + 1 < H ? ROSTER_LINE_PRO_RATA
								 : ROSTER_LINE_WHOLE);
		if (!roster_search_move_line(w, p, first, last, 0, 0, fresh) && fresh &&
		    last + 1 < H) {
			roster_line_dp_set_partial(w->dp, ROSTER_LINE_OPEN);
			roster_search_move_line(w, p, first, last, 0, 0, fresh);
		}
	}
	roster_line_dp_set_partial(w->dp, ROSTER_LINE_WHOLE);
}

/* whether some thread has shared a roster already (one that breaks no hard rule, when
 * @feasible) */
static gboolean
roster_shared(Worker *w, gboolean feasible)
{
	SolveShared *shared = w->shared;
	gboolean has;

	g_mutex_lock(&shared->lock);
	has = shared->has_best && (!feasible || shared->best_cost.hard == 0);
	g_mutex_unlock(&shared->lock);
	return has;
}

gboolean
roster_search_construct(Worker *w)
{
	const RosterSolverModel *m = w->shared->m;
	const RosterSolverOptions *opts = w->shared->opts;
	g_autofree guint *order = g_new(guint, m->n_people + 1);
	/* on a long horizon the other threads build by parts, a few times faster, so that
	 * a roster (repaired at once if it breaks a rule) is there early while the
	 * first thread still plans whole lines */
	gboolean chunks = roster_line_dp_whole_work(w->dp) > CONSTRUCT_WHOLE_WORK ||
			  (w->index > 0 && m->n_days > COLGEN_WHOLE_DAYS);
	/* the first thread re-plans a long horizon by windows from the best roster of
	 * all threads: once another thread has a feasible one, its own slow construction
	 * (and the repair after it) only delays the windows (a year of 150 people and 32
	 * types on a busy machine: 24.5 s to construct and 16.6 s to repair, while the
	 * other thread's roster was feasible at 17.7 s and far better by then) */
	gboolean may_leave = chunks && w->index == 0 && w->shared->n_threads > 1 &&
			     m->n_days > COLGEN_WHOLE_DAYS && opts->initial == NULL;
	gboolean cut_short = FALSE;

	if (opts->initial != NULL) {
		memcpy(w->st->cells,
		       opts->initial->cells,
		       sizeof(gint16) * m->n_people * m->n_days);
		roster_search_state_reset(w->st);
	}
	for (guint p = 0; p < m->n_people; p++)
		order[p] = p;
	for (guint round = 0; round < (m->n_days <= 56 ? 3 : 1); round++) {
		/* a random order per round, so that threads start from different rosters */
		for (guint p = m->n_people; p > 1; p--) {
			guint j = rng_below(w, p);
			guint t = order[p - 1];
			order[p - 1] = order[j];
			order[j] = t;
		}
		for (guint i = 0; i < m->n_people; i++) {
			/* the first round must complete so that every line is planned,
			 * unless another thread's roster is there to return: a year of 150
			 * people on a busy machine took the first thread 35 s to plan,
			 * while the others' quicker one was there at 17 s */
			if (roster_search_should_stop(w) && (round > 0 || roster_shared(w, FALSE)))
				break;
			if (may_leave && roster_shared(w, TRUE)) {
				cut_short = TRUE;
				break;
			}
			if (chunks) {
				construct_chunks(w, order[i], opts->initial == NULL);
				continue;
			}
			roster_search_move_line(w,
						order[i],
						0,
						m->n_days - 1,
						0,
						0,
						round == 0 && opts->initial == NULL);
		}
	}
	w->best_cost.hard = G_MAXINT32;
	w->best_cost.soft = 0;
	roster_search_note_best(w);
	roster_search_publish(w);
	g_debug("construction%s%s: %.2f s, whole-line work %" G_GUINT64_FORMAT
		", roster %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
		chunks ? " by parts" : "",
		cut_short ? ", left for another thread's feasible roster" : "",
		roster_search_elapsed(w->shared),
		roster_line_dp_whole_work(w->dp),
		w->st->cost.hard,
		w->st->cost.soft);
	return !cut_short;
}

static void
set_line(Worker *w, guint p, guint first, guint last, const gint16 *vals)
{
	RosterMove move = {1, {p, 0}, first, last, {vals, NULL}};
	RosterCost delta = roster_search_state_delta(w->st, &move);
	roster_search_apply_move(w, &move, delta);
}

/*
 * ruin and recreate: k people lose their lines, then each in turn gets the best line
 * the DP finds against everybody else; accepted like any other move
 */
void
roster_search_move_ruin(Worker *w, guint k, gdouble temperature)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint P = m->n_people;
	RosterCost before = w->st->cost;
	gint64 ds;
	guint first = 0;
	guint last = 0;
	guint len;

	roster_search_pick_window(w, &first, &last);
	len = last - first + 1;
	k = MIN(k, MIN(P, RUIN_MAX));
	{
		/* one time in four the people are related: half work on a random day and
		 * half are off on it, so that shifts can move between them */
		guint d = first + rng_below(w, len);
		gboolean related = rng_below(w, 4) == 0;
		for (guint i = 0; i < k; i++) {
			gboolean dup = TRUE;
			for (guint tries = 0; dup && tries < 4 * P; tries++) {
				guint p = rng_below(w, P);
				gboolean works = w->st->cells[(gsize)p * H + d] >= 0;
				if (related && tries < 2 * P && works != (i % 2 == 0))
					continue;
				w->chosen[i] = p;
				dup = FALSE;
				for (guint j = 0; j < i; j++)
					dup |= w->chosen[j] == p;
			}
			if (dup) {
				k = i;
				break;
			}
			memcpy(w->saved + (gsize)i * H,
			       w->st->cells + (gsize)w->chosen[i] * H + first,
			       sizeof(gint16) * len);
		}
	}
	for (guint i = 0; i < H; i++)
		w->line[i] = ROSTER_SOLVER_OFF;
	for (guint i = 0; i < k; i++)
		set_line(w, w->chosen[i], first, last, w->line);
	for (guint i = 0; i < k; i++) {
		guint p = w->chosen[i];
		gint64 dp_cost = 0;
		roster_search_build_prices(w, p, 0);
		if (roster_line_dp_solve_window(w->dp,
						p,
						w->st->cells + (gsize)p * H,
						first,
						last,
						w->price,
						w->line,
						&dp_cost))
			set_line(w, p, first, last, w->line + first);
	}
	ds = scalar(w->st->cost) - scalar(before);
	/* a line the DP could not plan again stays off, held cells too */
	for (guint i = 0; i < k && w->held != NULL; i++) {
		for (guint d = first; d <= last; d++) {
			if (roster_search_is_held(w, w->chosen[i], d) &&
			    w->st->cells[(gsize)w->chosen[i] * H + d] !=
				w->saved[(gsize)i * H + d - first])
				ds = G_MAXINT64;
		}
	}
	if (ds <= 0 || (ds < G_MAXINT64 && temperature > 0 &&
			rng_double(w) < exp(-(gdouble)ds / temperature))) {
		roster_search_note_best(w);
		return;
	}
	for (guint i = 0; i < k; i++)
		set_line(w, w->chosen[i], first, last, w->saved + (gsize)i * H);
}

static gint
random_value(Worker *w, guint p, gint not_this)
{
	const RosterSolverModel *m = w->shared->m;
	guint T = m->n_types;
	const guint8 *allowed = w->allowed + (gsize)p * (T + 1);
	for (guint tries = 0; tries < 8; tries++) {
		guint v = rng_below(w, T + 1);
		if (allowed[v] && (gint)v - 1 != not_this)
			return (gint)v - 1;
	}
	/* off is always allowed */
	return ROSTER_SOLVER_OFF;
}

/*
 * a swap of one day d between p1 and p2 (w->vals hold it) made with the swap back of a
 * day near it where the two hold the same values the other way round: each keeps the
 * number of shifts of every type and the minutes, which a single swap seldom does where
 * a type's maximum or the minutes are tight. Widens *d and *len to the two days, the
 * days between unchanged; FALSE when no day near has the values reversed
 */
static gboolean
swap_back(Worker *w, guint p1, guint p2, guint *d, guint *len)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	const gint16 *l1 = w->st->cells + (gsize)p1 * H;
	const gint16 *l2 = w->st->cells + (gsize)p2 * H;
	gint16 a = l1[*d];
	gint16 b = l2[*d];
	guint lo = *d >= SWAP_BACK_DAYS ? *d - SWAP_BACK_DAYS : 0;
	guint hi = MIN(*d + SWAP_BACK_DAYS, H - 1);
	guint n_found = 0;
	guint other = 0;

	for (guint e = lo; e <= hi; e++) {
		if (l1[e] == b && l2[e] == a && (a < 0 || !m->day_off[(gsize)p1 * H + e]) &&
		    (b < 0 || !m->day_off[(gsize)p2 * H + e]) && !roster_search_is_held(w, p1, e) &&
		    !roster_search_is_held(w, p2, e) && rng_below(w, ++n_found) == 0)
			other = e;
	}
	if (n_found == 0)
		return FALSE;
	lo = MIN(*d, other);
	hi = MAX(*d, other);
	for (guint e = lo; e <= hi; e++) {
		gboolean swapped = e == *d || e == other;
		w->vals[0][e - lo] = swapped ? l2[e] : l1[e];
		w->vals[1][e - lo] = swapped ? l1[e] : l2[e];
	}
	*d = lo;
	*len = hi - lo + 1;
	return TRUE;
}

/*
 * two people swap days d..d+len-1; one day is swapped with its swap back where there is
 * one (swap_back()), else alone, or with @back_only not at all. FALSE when the draw
 * would change nothing or is not allowed
 */
static gboolean
make_swap(Worker *w, RosterMove *move, guint p1, guint p2, guint d, guint len, gboolean back_only)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	const gint16 *cells = w->st->cells;
	gboolean differs = FALSE;

	for (guint k = 0; k < len; k++) {
		gint a = cells[(gsize)p1 * H + d + k];
		gint b = cells[(gsize)p2 * H + d + k];
		if ((b >= 0 && m->day_off[(gsize)p1 * H + d + k]) ||
		    (a >= 0 && m->day_off[(gsize)p2 * H + d + k]))
			return FALSE;
		w->vals[0][k] = (gint16)b;
		w->vals[1][k] = (gint16)a;
		differs |= a != b;
	}
	if (!differs)
		return FALSE;
	if (len == 1 && !swap_back(w, p1, p2, &d, &len) && back_only)
		return FALSE;
	move->n_lines = 2;
	move->person[0] = p1;
	move->person[1] = p2;
	move->lo = d;
	move->hi = d + len - 1;
	move->vals[0] = w->vals[0];
	move->vals[1] = w->vals[1];
	return TRUE;
}

/*
 * the value each person asked for on each day: the one their requests make cheapest,
 * or off where that is among the cheapest (a request not to work a shift), or
 * ROSTER_SEARCH_NO_WISH where every value costs the same or the one asked for is not
 * allowed. Free with g_free()
 */
gint16 *
roster_search_wishes(const RosterSolverModel *m)
{
	guint H = m->n_days;
	guint T = m->n_types;
	gint16 *wish = g_new(gint16, (gsize)m->n_people * H + 1);

	for (guint p = 0; p < m->n_people; p++) {
		for (guint d = 0; d < H; d++) {
			const gint *un = m->unary + ((gsize)p * H + d) * (T + 1);
			guint n_least = 0;
			guint least = 0;
			gint v;
			for (guint i = 0; i <= T; i++) {
				if (i == 0 || un[i] < un[least]) {
					least = i;
					n_least = 1;
				} else if (un[i] == un[least]) {
					n_least++;
				}
			}
			if (n_least == T + 1)
				v = ROSTER_SEARCH_NO_WISH;
			else if (un[0] == un[least])
				v = ROSTER_SOLVER_OFF;
			else if (n_least == 1 &&
				 roster_solver_model_max_shifts(m, p, least - 1) > 0)
				v = (gint)least - 1;
			else
				v = ROSTER_SEARCH_NO_WISH;
			wish[(gsize)p * H + d] = (gint16)v;
		}
	}
	return wish;
}

/* two people drawn at random swap @len days drawn at random (make_swap()) */
static gboolean
pick_swap(Worker *w, RosterMove *move, guint len, gboolean back_only)
{
	guint H = w->shared->m->n_days;
	guint P = w->shared->m->n_people;
	guint p1 = rng_below(w, P);
	guint p2 = rng_below(w, P - 1);
	guint d;

	if (p2 >= p1)
		p2++;
	len = MIN(len, H);
	d = rng_below(w, H - len + 1);
	if (w->held != NULL) {
		if (!roster_search_draw_free(w, &p1, &d))
			return FALSE;
		d = MIN(d, H - len);
		if (p1 == p2 || roster_search_held_block(w, p1, d, len) ||
		    roster_search_held_block(w, p2, d, len))
			return FALSE;
	}
	return make_swap(w, move, p1, p2, d, len, back_only);
}

/*
 * a one-day swap aimed at a request: a person drawn among those whose value on a day
 * drawn is not the one they asked for swaps with somebody who holds that value on
 * that day, drawn among up to AIMED_SWAP_SCAN people from a random one on
 * (make_swap()). FALSE when the draws find no such person
 */
static gboolean
pick_aimed_swap(Worker *w, RosterMove *move)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint P = m->n_people;
	const gint16 *cells = w->st->cells;
	guint p1 = 0;
	guint p2 = 0;
	guint d = 0;
	guint q0;
	gint want = ROSTER_SEARCH_NO_WISH;
	guint n_found = 0;

	for (guint tries = 0; tries < AIMED_SWAP_TRIES && want == ROSTER_SEARCH_NO_WISH; tries++) {
		p1 = rng_below(w, P);
		d = rng_below(w, H);
		want = w->shared->wish[(gsize)p1 * H + d];
		if (want == cells[(gsize)p1 * H + d] || roster_search_is_held(w, p1, d))
			want = ROSTER_SEARCH_NO_WISH;
	}
	if (want == ROSTER_SEARCH_NO_WISH)
		return FALSE;
	q0 = P > AIMED_SWAP_SCAN ? rng_below(w, P) : 0;
	for (guint i = 0; i < MIN(P, AIMED_SWAP_SCAN); i++) {
		guint q = (q0 + i) % P;
		if (cells[(gsize)q * H + d] == want && q != p1 && !roster_search_is_held(w, q, d) &&
		    rng_below(w, ++n_found) == 0)
			p2 = q;
	}
	if (n_found == 0)
		return FALSE;
	return make_swap(w, move, p1, p2, d, 1, FALSE);
}

/* one small move: fills move and the value buffers; FALSE when it would change nothing.
 * Of 100: 35 one day of one person, 15 a block of days of one person, AIMED_SWAPS a
 * one-day swap aimed at a request, the rest up to 85 a one-day swap at random (each
 * swap with its swap back where there is one), 15 a block swap */
gboolean
roster_search_pick_small_move(Worker *w, RosterMove *move)
{
	const RosterSolverModel *m = w->shared->m;
	guint H = m->n_days;
	guint P = m->n_people;
	const gint16 *cells = w->st->cells;
	guint kind = rng_below(w, 100);

	if (kind < 35 || P < 2) {
		/* one person, one day, another value */
		guint p = rng_below(w, P);
		guint d = rng_below(w, H);
		gint o;
		gint v;
		if (w->held != NULL && !roster_search_draw_free(w, &p, &d))
			return FALSE;
		o = cells[(gsize)p * H + d];
		v = random_value(w, p, o);
		if (v == o || (v >= 0 && m->day_off[(gsize)p * H + d]))
			return FALSE;
		move->n_lines = 1;
		move->person[0] = p;
		move->lo = move->hi = d;
		w->vals[0][0] = (gint16)v;
		move->vals[0] = w->vals[0];
		return TRUE;
	}
	if (kind < 50) {
		/* one person, a short block set to days off or to one shift type */
		guint p = rng_below(w, P);
		guint len = 2 + rng_below(w, 3);
		guint d;
		gint v;
		gboolean differs = FALSE;
		if (len > H)
			return FALSE;
		d = rng_below(w, H - len + 1);
		if (w->held != NULL) {
			if (!roster_search_draw_free(w, &p, &d))
				return FALSE;
			d = MIN(d, H - len);
			if (roster_search_held_block(w, p, d, len))
				return FALSE;
		}
		v = random_value(w, p, -2);
		for (guint k = 0; k < len; k++) {
			if (v >= 0 && m->day_off[(gsize)p * H + d + k])
				return FALSE;
			w->vals[0][k] = (gint16)v;
			differs |= cells[(gsize)p * H + d + k] != v;
		}
		if (!differs)
			return FALSE;
		move->n_lines = 1;
		move->person[0] = p;
		move->lo = d;
		move->hi = d + len - 1;
		move->vals[0] = w->vals[0];
		return TRUE;
	}
	/* two people swap one day or a block of days */
	if (kind < 50 + AIMED_SWAPS)
		return pick_aimed_swap(w, move);
	return pick_swap(w, move, kind < 85 || H < 2 ? 1 : 2 + rng_below(w, MIN(H, 14) - 1), FALSE);
}

/*
 * the swaps as the tests see them, up to @n_draws drawn at random: with @aimed, one-day
 * swaps aimed at a request, applied where they lower the cost; else one-day swaps with
 * their swap back, applied whatever they cost. Returns the moves made
 */
guint
roster_search_swap_draws(Worker *w, guint n_draws, gboolean aimed)
{
	guint made = 0;

	for (guint i = 0; i < n_draws; i++) {
		RosterMove move = {0};
		RosterCost delta;
		if (aimed ? !pick_aimed_swap(w, &move) : !pick_swap(w, &move, 1, TRUE))
			continue;
		delta = roster_search_state_delta(w->st, &move);
		if (aimed && scalar(delta) >= 0)
			continue;
		roster_search_apply_move(w, &move, delta);
		made++;
	}
	return made;
}
