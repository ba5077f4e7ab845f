/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-line-private.h"
#include "roster-solver-line.h"

/*
 * the best line for one person given a price per (day, value): a shortest path over
 * days whose labels carry the person's resources. A label is keyed by (run state,
 * minutes worked, weekends worked); the run state is the length of the current run of
 * days off (capped at the minimum) or of working days with the last shift type and
 * whether the run began on day 0. Per-type counts matter only for the types whose
 * maximum can bind (below what the person's minutes allow): per key a few labels
 * survive, none dominated by another in cost and in those counts, so the search is
 * exact unless more than that many labels are needed at one key. Every line it
 * returns keeps all the person's hard rules.
 */

#define SLOT_NONE G_MAXUINT32

/* the most memory the labels' entries may take */
#define MAX_ENTRY_BYTES (64u << 20)

struct _RosterLineDp {
	const RosterSolverModel *m;
	guint g; /* the gcd of the shift lengths */
	gsize cap_keys;
	gsize cap_entries;
	gint32 *cost[2];    /* entries: key * per_key + k */
	guint16 *counts[2]; /* entries * nt: the counts of the tracked types */
	guint32 *slot[2];   /* entry -> index in the day's label list */
	guint8 *used[2];    /* keys: entries in use while a day is built */
	gint16 *tmap;	    /* n_people * n_types: a type's index among the person's
			       tracked types, or -1 */
	guint8 *ttype;	    /* n_people * nt: the type of each tracked index */
	guint8 *n_tracked;  /* n_people */
	guint nt;	    /* the most tracked types of anybody */
	guint16 *scratch;   /* nt */
	guint n_classes;    /* shift types that no succession rule tells apart */
	guint8 *cls;	    /* n_types: the class of each type */
	guint8 *rep;	    /* n_classes: one type of each class */
	guint8 *twin;	    /* n_types: the first type forbidden alike both before and
			       after it (the same class, and the same types it may not
			       follow) */
	guint labels_per_key;
	gboolean relax_counts; /* per-type maxima below the minutes' reach are not kept */
	gboolean relax_runs;   /* and the lengths of runs of work, on a whole line */
	gint16 *untracked;     /* n_types: -1 each, the tmap of a relaxed solve */
	gboolean dropped;      /* the last solve dropped a label no other dominated */
	guint64 n_labels;      /* labels placed by every solve so far */
	guint64 min_slack;     /* minutes the line may stay below the person's minimum */
	const gint *terminal;  /* n_terminal: added to a whole line by its minutes */
	guint n_terminal;
	RosterLinePartial partial;
	GArray *labels;	  /* LabelRef, every day's labels one after another */
	guint64 *rem_max; /* n_days + 1: the most minutes still reachable after day d */
	guint *rem_days;  /* n_days + 1: the most working days after day d */
	gint32 upper;	  /* the next solve wants no line above this price, or COST_NONE */
	gint32 *rest;	  /* (window days + 1) * M: the least price of the days after a
			     day within so many units of minutes */
	gsize cap_rest;
};

typedef struct {
	guint32 entry;
	guint32 pred; /* index of the predecessor in labels */
	gint16 value; /* of the label's day */
} LabelRef;

static guint
gcd(guint a, guint b)
{
	while (b != 0) {
		guint t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/**
 * roster_line_dp_new:
 * @m: a sealed model
 *
 * Returns: (transfer full): a workspace for one thread
 */
RosterLineDp *
roster_line_dp_new(const RosterSolverModel *m)
{
	RosterLineDp *self = g_new0(RosterLineDp, 1);
	self->m = m;
	for (guint s = 0; s < m->n_types; s++)
		self->g = gcd(self->g, roster_solver_model_type_length(m, (gint)s));
	if (self->g == 0)
		self->g = 1;
	self->rem_max = g_new0(guint64, m->n_days + 1);
	self->rem_days = g_new0(guint, m->n_days + 1);
	self->labels = g_array_new(FALSE, FALSE, sizeof(LabelRef));
	self->labels_per_key = 1;
	self->upper = COST_NONE;
	/* the run state remembers the class of the last shift, not its type: types
	 * whose successions are forbidden alike behave alike as the day before */
	self->cls = g_new0(guint8, MAX(m->n_types, 1));
	self->rep = g_new0(guint8, MAX(m->n_types, 1));
	for (guint s = 0; s < m->n_types; s++) {
		guint c;
		for (c = 0; c < self->n_classes; c++) {
			gboolean same = TRUE;
			for (guint t = 0; t < m->n_types && same; t++)
				same = roster_solver_model_forbidden(m, (gint)s, (gint)t) ==
				       roster_solver_model_forbidden(m, self->rep[c], (gint)t);
			if (same)
				break;
		}
		if (c == self->n_classes)
			self->rep[self->n_classes++] = (guint8)s;
		self->cls[s] = (guint8)c;
	}
	self->twin = g_new0(guint8, MAX(m->n_types, 1));
	for (guint s = 0; s < m->n_types; s++) {
		guint u;
		for (u = 0; u < s; u++) {
			gboolean same = self->cls[u] == self->cls[s];
			for (guint t = 0; t < m->n_types && same; t++)
				same = roster_solver_model_forbidden(m, (gint)t, (gint)s) ==
				       roster_solver_model_forbidden(m, (gint)t, (gint)u);
			if (same)
				break;
		}
		self->twin[s] = (guint8)u;
	}
	self->tmap = g_new(gint16, (gsize)m->n_people * MAX(m->n_types, 1));
	self->ttype = g_new0(guint8, (gsize)m->n_people * MAX(m->n_types, 1));
	self->n_tracked = g_new0(guint8, m->n_people);
	/* a type's count needs tracking when its maximum is below what the person could
	 * otherwise work of it */
	for (guint p = 0; p < m->n_people; p++) {
		const RosterSolverPerson *pp = roster_solver_model_person(m, p);
		for (guint s = 0; s < m->n_types; s++) {
			guint max = roster_solver_model_max_shifts(m, p, s);
			guint len = roster_solver_model_type_length(m, (gint)s);
			guint reach = MIN(m->n_days, len > 0 ? pp->max_minutes / len : m->n_days);
			if (max > 0 && max < reach) {
				self->tmap[p * m->n_types + s] = self->n_tracked[p];
				self->ttype[p * m->n_types + self->n_tracked[p]] = (guint8)s;
				self->n_tracked[p]++;
			} else {
				self->tmap[p * m->n_types + s] = -1;
			}
		}
		self->nt = MAX(self->nt, self->n_tracked[p]);
	}
	self->scratch = g_new0(guint16, MAX(self->nt, 1));
	self->untracked = g_new(gint16, MAX(m->n_types, 1));
	for (guint s = 0; s < m->n_types; s++)
		self->untracked[s] = -1;
	return self;
}

/**
 * roster_line_dp_set_relax_counts:
 * @self: a workspace
 * @relax: whether to drop the per-type maxima that the minutes do not imply
 *
 * For a lower bound: a relaxed solve keeps every other rule of the person and is
 * always exact, and its least cost is never above that of the full rules.
 */
void
roster_line_dp_set_relax_counts(RosterLineDp *self, gboolean relax)
{
	self->relax_counts = relax;
}

/**
 * roster_line_dp_set_upper:
 * @self: a workspace
 * @upper: a price no line of the next solve needs to beat, %G_MAXINT64 for none
 *
 * For the local search, which only wants a line at most as dear as the one it has:
 * the next solve of a window drops every label that, even with the cheapest values
 * the minutes left allow on each later day, would cost more than @upper. The search
 * stays exact among the lines of price @upper or less; when there is none it finds
 * nothing. The solve after the next has no upper price again.
 */
void
roster_line_dp_set_upper(RosterLineDp *self, gint64 upper)
{
	self->upper = upper >= COST_NONE ? COST_NONE : (gint32)MAX(upper, G_MININT32 / 2);
}

/**
 * roster_line_dp_set_relax_runs:
 * @self: a workspace
 * @relax: whether a whole line may break the person's least and most consecutive
 *   working days
 *
 * For a lower bound that many rounds of pricing must reach quickly: a whole line's
 * DP then forgets how long its run of work is, which makes it as many times smaller
 * as the most consecutive days; rest runs between work runs still keep their minimum.
 */
void
roster_line_dp_set_relax_runs(RosterLineDp *self, gboolean relax)
{
	self->relax_runs = relax;
}

/**
 * roster_line_dp_set_labels_per_key:
 * @self: a workspace
 * @n: labels kept per key, 1 to %ROSTER_LINE_MAX_LABELS
 *
 * Trades speed for exactness in the per-type counts: with 1 (the default) only the
 * cheapest label of a key survives.
 */
void
roster_line_dp_set_labels_per_key(RosterLineDp *self, guint n)
{
	self->labels_per_key = CLAMP(n, 1, ROSTER_LINE_MAX_LABELS);
}

/**
 * roster_line_dp_was_exact:
 * @self: a workspace
 *
 * Whether the last solve kept every label that no other dominated, so that the line
 * it returned is the cheapest of all (with one label per key, or too many labels for
 * a key, it may not be).
 *
 * Returns: %TRUE when the last solve was exact
 */
gboolean
roster_line_dp_was_exact(RosterLineDp *self)
{
	return !self->dropped;
}

/**
 * roster_line_dp_set_min_slack:
 * @self: a workspace
 * @minutes: how far below the person's minimum minutes a line may stay
 *
 * For a repair that lifts a line towards its minimum a window at a time; 0, the
 * default, asks for the minimum itself.
 */
void
roster_line_dp_set_min_slack(RosterLineDp *self, guint64 minutes)
{
	self->min_slack = minutes;
}

/**
 * roster_line_dp_set_terminal:
 * @self: a workspace
 * @terminal: (nullable) (array length=n): the price added to a whole line of k units
 *   of roster_line_dp_get_unit() minutes at @terminal[k], the last for more; %NULL
 *   for none
 * @n: the length of @terminal
 *
 * Prices a term of the person's whole line that only its minutes decide, such as a
 * shortfall under a commitment: the minutes are part of every label's key, so the
 * line found stays the cheapest with the term added. @terminal is not copied; it
 * counts on whole-line solves (roster_line_dp_solve()) only.
 */
void
roster_line_dp_set_terminal(RosterLineDp *self, const gint *terminal, guint n)
{
	self->terminal = n > 0 ? terminal : NULL;
	self->n_terminal = n;
}

/**
 * roster_line_dp_get_unit:
 * @self: a workspace
 *
 * Returns: the minutes of one unit of a label's minutes: the greatest common divisor
 *   of the shift lengths
 */
guint
roster_line_dp_get_unit(RosterLineDp *self)
{
	return self->g;
}

/**
 * roster_line_dp_get_n_labels:
 * @self: a workspace
 *
 * Returns: the labels every solve of this workspace has placed, a measure of its work
 */
guint64
roster_line_dp_get_n_labels(RosterLineDp *self)
{
	return self->n_labels;
}

/**
 * roster_line_dp_set_partial:
 * @self: a workspace
 * @partial: how windows end
 *
 * For planning a line a window at a time from the first day: with anything but
 * %ROSTER_LINE_WHOLE a window need not join the (not yet planned) days after it, and
 * reaches less than the person's minimum minutes. The next window starts from this
 * one's last run, so the line stays legal across.
 */
void
roster_line_dp_set_partial(RosterLineDp *self, RosterLinePartial partial)
{
	self->partial = partial;
}

/**
 * roster_line_dp_whole_work:
 * @self: a workspace
 *
 * Returns: the most labels DPs over each person's whole horizon may hold, summed
 *   over all people: what planning every whole line once costs
 */
guint64
roster_line_dp_whole_work(RosterLineDp *self)
{
	const RosterSolverModel *m = self->m;
	guint H = m->n_days;
	guint64 total = 0;
	for (guint p = 0; p < m->n_people; p++) {
		const RosterSolverPerson *pp = roster_solver_model_person(m, p);
		guint64 states =
		    MIN(pp->min_off, H) + 2 * (guint64)MIN(pp->max_work, H) * self->n_classes;
		guint64 minutes = 0;
		guint64 weekends = pp->max_weekends < H / 7 ? pp->max_weekends + 1 : 1;
		for (guint s = 0; s < m->n_types; s++)
			minutes = MAX(minutes, roster_solver_model_type_length(m, (gint)s));
		minutes = MIN(minutes * H, pp->max_minutes) / self->g + 1;
		total += states * minutes * weekends * H;
	}
	return total;
}

/**
 * roster_line_dp_free:
 * @self: a workspace
 *
 * Frees the workspace.
 */
void
roster_line_dp_free(RosterLineDp *self)
{
	if (self == NULL)
		return;
	for (guint i = 0; i < 2; i++) {
		g_free(self->cost[i]);
		g_free(self->counts[i]);
		g_free(self->slot[i]);
		g_free(self->used[i]);
	}
	g_array_unref(self->labels);
	g_free(self->rem_max);
	g_free(self->rem_days);
	g_free(self->rest);
	g_free(self->scratch);
	g_free(self->untracked);
	g_free(self->tmap);
	g_free(self->ttype);
	g_free(self->cls);
	g_free(self->rep);
	g_free(self->twin);
	g_free(self->n_tracked);
	g_free(self);
}

static void
ensure_capacity(RosterLineDp *self, gsize keys, gsize entries)
{
	if (keys > self->cap_keys) {
		for (guint i = 0; i < 2; i++) {
			g_free(self->used[i]);
			self->used[i] = g_new0(guint8, keys);
		}
		self->cap_keys = keys;
	}
	if (entries <= self->cap_entries)
		return;
	for (guint i = 0; i < 2; i++) {
		g_free(self->cost[i]);
		g_free(self->counts[i]);
		g_free(self->slot[i]);
		self->cost[i] = g_new(gint32, entries);
		self->slot[i] = g_new(guint32, entries);
		for (gsize k = 0; k < entries; k++) {
			self->cost[i][k] = COST_NONE;
			self->slot[i][k] = SLOT_NONE;
		}
		self->counts[i] = g_new0(guint16, entries * MAX(self->nt, 1));
	}
	self->cap_entries = entries;
}

/* TRUE when counts a are at most counts b in each of the n tracked types */
static inline gboolean
counts_leq(const guint16 *a, const guint16 *b, guint n)
{
	for (guint k = 0; k < n; k++) {
		if (a[k] > b[k])
			return FALSE;
	}
	return TRUE;
}

/*
 * a count of type s that the rest of the window cannot lift above its maximum any
 * more (at most @rem_days working days, @rem_units minutes in units of the gcd) no
 * longer matters: such counts are raised to the highest value with that property, so
 * that labels differing only in them compare equal and dominate each other
 */
static inline void
normalise_counts(guint16 *counts,
		 const guint8 *ttype,
		 guint n,
		 const guint16 *max_shifts,
		 const guint *lens,
		 guint rem_days,
		 guint rem_units)
{
	for (guint k = 0; k < n; k++) {
		guint s = ttype[k];
		guint reach;
		if (lens[s] == 0)
			continue;
		reach = MIN(rem_days, rem_units / lens[s]);
		if (max_shifts[s] > reach && counts[k] < max_shifts[s] - reach)
			counts[k] = (guint16)(max_shifts[s] - reach);
	}
}

/*
 * where a new label (cost, counts) goes among the entries of key in buffer buf: an
 * entry index, or SLOT_NONE when a kept label dominates it or it is worse than every
 * label of a full key; *fresh says the entry was not in use. A full key that loses a
 * label no other dominates (the new one or the one it replaces) marks the solve as
 * not exact.
 */
static guint32
place_label(RosterLineDp *self,
	    guint buf,
	    guint32 key,
	    guint per_key,
	    gint32 cost,
	    const guint16 *counts,
	    guint nt,
	    gboolean *fresh)
{
	guint32 base = key * per_key;
	guint n = self->used[buf][key];
	guint32 worst = SLOT_NONE;
	gint32 worst_cost = G_MININT32;
	const guint16 *ecnt;

	*fresh = FALSE;
	/* one label per key: the cheaper stays, or on a tie the one with lower counts */
	if (per_key == 1) {
		gint32 ec;
		if (n == 0) {
			self->used[buf][key] = 1;
			*fresh = TRUE;
			return base;
		}
		ec = self->cost[buf][base];
		ecnt = self->counts[buf] + (gsize)base * self->nt;
		if (cost < ec ||
		    (cost == ec && counts_leq(counts, ecnt, nt) && !counts_leq(ecnt, counts, nt))) {
			self->dropped |= !counts_leq(counts, ecnt, nt);
			return base;
		}
		self->dropped |= !counts_leq(ecnt, counts, nt);
		return SLOT_NONE;
	}
	for (guint k = 0; k < n; k++) {
		guint32 e = base + k;
		gint32 ec = self->cost[buf][e];
		ecnt = self->counts[buf] + (gsize)e * self->nt;
		if (ec <= cost && counts_leq(ecnt, counts, nt))
			return SLOT_NONE;
		if (cost <= ec && counts_leq(counts, ecnt, nt))
			return e;
		if (ec > worst_cost) {
			worst_cost = ec;
			worst = e;
		}
	}
	if (n < per_key) {
		self->used[buf][key] = (guint8)(n + 1);
		*fresh = TRUE;
		return base + n;
	}
	self->dropped = TRUE;
	return cost < worst_cost ? worst : SLOT_NONE;
}

/* the most minutes days d+1..H-1 can add: no more working days than runs of max_work
 * separated by min_off days off allow, none on a fixed day off */
static void
compute_rem_max(RosterLineDp *self,
		const guint8 *day_off,
		guint max_work,
		guint min_off,
		guint longest,
		guint last)
{
	guint free_days = 0;
	for (guint d = last + 1; d-- > 0;) {
		guint r = last - d;
		guint period = max_work + min_off;
		guint64 pattern = (guint64)(r / period) * max_work + MIN(r % period, max_work);
		self->rem_days[d] = (guint)MIN(pattern, free_days);
		self->rem_max[d] = self->rem_days[d] * longest;
		if (!day_off[d])
			free_days++;
	}
}

/* how a label at the window's last day joins the fixed days after it */
typedef struct {
	gboolean open_end; /* the window reaches the last day */
	gint next;	   /* the value of the day after the window */
	guint run_after;   /* the length of the run of that value from there on */
	gboolean run_to_end;
	gboolean saturday_end; /* the window ends on a Saturday whose Sunday is outside */
} WindowEnd;

static gboolean
end_ok(const RosterSolverModel *m,
       const RosterSolverPerson *pp,
       const WindowEnd *we,
       gboolean work,
       guint run,
       gboolean from0,
       gint last,
       guint wk,
       guint max_wk)
{
	gboolean next_work;
	if (we->open_end)
		return TRUE;
	next_work = we->next >= 0;
	if (we->saturday_end && (work || next_work) && wk + 1 > max_wk)
		return FALSE;
	if (work && roster_solver_model_forbidden(m, last, we->next))
		return FALSE;
	if (work && next_work) {
		guint total = run + we->run_after;
		if (total > pp->max_work)
			return FALSE;
		return from0 || we->run_to_end || total >= pp->min_work;
	}
	if (work)
		return (from0 || run >= pp->min_work) &&
		       (we->run_to_end || we->run_after >= pp->min_off);
	if (next_work) {
		return run >= pp->min_off && we->run_after <= pp->max_work &&
		       (we->run_to_end || we->run_after >= pp->min_work);
	}
	return we->run_to_end || run + we->run_after >= pp->min_off;
}

/**
 * roster_line_dp_solve_window:
 * @self: a workspace
 * @person: the person
 * @current: the person's current line; days outside @first..@last stay as they are
 * @first: the first day to re-plan
 * @last: the last day to re-plan
 * @price: n_days * (n_types + 1) prices, value 0 is off and 1 + s shift type s;
 *   %ROSTER_LINE_FORBIDDEN rules the value out
 * @line: (out caller-allocates): n_days cells, of which @first..@last are written
 * @cost: (out): the sum of the prices of @line over @first..@last
 *
 * Re-plans days @first..@last of @person's line at the lowest price, keeping all of
 * the person's hard rules together with the fixed days around the window.
 *
 * Returns: %FALSE if no such plan was found
 */
gboolean
roster_line_dp_solve_window(RosterLineDp *self,
			    guint person,
			    const gint16 *current,
			    guint first,
			    guint last,
			    const gint *price,
			    gint16 *line,
			    gint64 *cost)
{
	const RosterSolverModel *m = self->m;
	const RosterSolverPerson *pp = roster_solver_model_person(m, person);
	guint H = m->n_days;
	guint T = m->n_types;
	guint g = self->g;
	/* a relaxed whole line forgets the length of its runs of work */
	gboolean relax_runs = self->relax_runs && first == 0 && last == H - 1;
	const gint *terminal = first == 0 && last == H - 1 ? self->terminal : NULL;
	guint min_off = MIN(pp->min_off, H);
	guint max_work = relax_runs ? 1 : MIN(pp->max_work, H);
	guint min_work = relax_runs ? 0 : pp->min_work;
	guint longest = 0;
	guint64 out_minutes = 0;
	guint out_weekends = 0;
	guint max_wk;
	guint W;
	guint64 max_minutes;
	guint64 min_minutes;
	guint M;
	guint C = self->n_classes;
	guint n_states = min_off + 2 * max_work * C;
	gsize keys;
	guint per_key;
	const gint16 *tmap = self->relax_counts ? self->untracked : self->tmap + (gsize)person * T;
	const guint8 *ttype = self->ttype + (gsize)person * T;
	guint nt = self->relax_counts ? 0 : self->n_tracked[person];
	guint NT = self->nt;
	guint cur = 0;
	gint32 best = COST_NONE;
	guint32 best_label = SLOT_NONE;
	guint day_begin = 0;
	guint day_end;
	const guint8 *day_off = m->day_off + (gsize)person * H;
	guint16 max_shifts[256];
	guint lens[256];
	guint out_counts[256] = {0};
	WindowEnd we = {0};
	guint32 start_key;
	gint32 upper;

	g_return_val_if_fail(T < 256 && first <= last && last < H, FALSE);

	self->dropped = FALSE;
	upper = self->upper;
	self->upper = COST_NONE;
	/* the resources the fixed days already use */
	for (guint d = 0; d < H; d++) {
		if (d >= first && d <= last)
			continue;
		if (current[d] >= 0) {
			out_counts[current[d]]++;
			out_minutes += roster_solver_model_type_length(m, current[d]);
		}
	}
	for (guint sat = 5; sat + 1 < H; sat += 7) {
		gboolean in =
		    (sat >= first && sat <= last) || (sat + 1 >= first && sat + 1 <= last);
		if (!in && (current[sat] >= 0 || current[sat + 1] >= 0))
			out_weekends++;
	}
	if (out_weekends > pp->max_weekends || out_minutes > pp->max_minutes)
		return FALSE;
	max_wk = pp->max_weekends - out_weekends;
	{
		/* weekends count only when the window holds more than may be worked: its
		 * Sundays, and a last Saturday whose Sunday comes after it */
		guint reach = (last + 1) / 7 - first / 7;
		if (last % 7 == 5 && last + 1 < H && self->partial == ROSTER_LINE_WHOLE)
			reach++;
		W = max_wk < reach ? max_wk + 1 : 1;
	}
	for (guint s = 0; s < T; s++) {
		guint max = roster_solver_model_max_shifts(m, person, s);
		max_shifts[s] =
		    (guint16)MIN(max > out_counts[s] ? max - out_counts[s] : 0, G_MAXUINT16);
		lens[s] = roster_solver_model_type_length(m, (gint)s) / g;
		if (max > 0)
			longest = MAX(longest, roster_solver_model_type_length(m, (gint)s));
	}
	max_minutes =
	    MIN((guint64)pp->max_minutes - out_minutes, (guint64)(last - first + 1) * longest);
	min_minutes = pp->min_minutes;
	if (self->partial == ROSTER_LINE_PRO_RATA)
		min_minutes = min_minutes * (last + 1) / H;
	else if (self->partial == ROSTER_LINE_OPEN)
		min_minutes = 0;
	min_minutes = min_minutes > self->min_slack ? min_minutes - self->min_slack : 0;
	min_minutes = min_minutes > out_minutes ? min_minutes - out_minutes : 0;
	M = (guint)(max_minutes / g) + 1;
	keys = (gsize)n_states * M * W;
	per_key = nt == 0 ? 1
			  : (guint)CLAMP(MAX_ENTRY_BYTES / (2 * (8 + 2 * NT)) / keys,
					 1,
					 self->labels_per_key);
	ensure_capacity(self, keys, keys * per_key);
	compute_rem_max(self, day_off, relax_runs ? H : max_work, min_off, longest, last);
	if (terminal != NULL)
		upper = COST_NONE;
	if (upper != COST_NONE)
		roster_line_rest_compute(&self->rest,
					 &self->cap_rest,
					 m->n_types,
					 price,
					 day_off,
					 max_shifts,
					 lens,
					 first,
					 last,
					 M);

	/* the run state on the day before the window */
	if (first == 0) {
		start_key = (guint32)((gsize)(min_off - 1) * M * W);
	} else {
		gint prev = current[first - 1];
		guint run = 0;
		gboolean from_start;
		guint state;
		while (run < first && (current[first - 1 - run] >= 0) == (prev >= 0))
			run++;
		from_start = run == first;
		if (prev < 0) {
			state = from_start ? min_off - 1 : MIN(run, min_off) - 1;
		} else {
			if (run > max_work)
				return FALSE;
			state = min_off +
				(((from_start ? 1 : 0) * max_work + run - 1) * C + self->cls[prev]);
		}
		start_key = (guint32)(((gsize)state * M) * W);
	}
	start_key *= per_key;
	if (last + 1 < H && self->partial == ROSTER_LINE_WHOLE) {
		guint run = 0;
		we.next = current[last + 1];
		while (last + 1 + run < H && (current[last + 1 + run] >= 0) == (we.next >= 0))
			run++;
		we.run_after = run;
		we.run_to_end = last + run == H - 1;
		we.saturday_end = last % 7 == 5;
	} else {
		we.open_end = TRUE;
	}

	{
		LabelRef start = {start_key, SLOT_NONE, ROSTER_SOLVER_OFF};
		g_array_set_size(self->labels, 0);
		g_array_append_val(self->labels, start);
		self->cost[0][start.entry] = 0;
		memset(self->counts[0] + (gsize)start.entry * NT, 0, sizeof(guint16) * NT);
		day_end = 1;
	}

	for (guint d = first; d <= last; d++) {
		guint nxt = cur ^ 1;
		const gint *pr = price + (gsize)d * (T + 1);
		gboolean sunday = d % 7 == 6;
		guint64 remaining = self->rem_max[d];
		guint next_begin = day_end;
		guint8 skip[256] = {0};
		/* the least the days after this one can add, by the minutes left */
		const gint32 *rest = upper != COST_NONE ? self->rest + (gsize)(d + 1 - first) * M
							: NULL;

		/* of the types whose maximum cannot bind, twins (forbidden alike before and
		 * after) of one length lead from every label to the same key: only the cheapest of
		 * them can be on a best line, which keeps the labels few with many types */
		for (guint s = 0; s < T; s++) {
			if (tmap[s] >= 0 || pr[s + 1] == ROSTER_LINE_FORBIDDEN)
				continue;
			for (guint u = 0; u < T; u++) {
				if (u == s || tmap[u] >= 0 || max_shifts[u] == 0 ||
				    self->twin[u] != self->twin[s] || lens[u] != lens[s] ||
				    pr[u + 1] == ROSTER_LINE_FORBIDDEN)
					continue;
				if (pr[u + 1] < pr[s + 1] || (pr[u + 1] == pr[s + 1] && u < s)) {
					skip[s + 1] = 1;
					break;
				}
			}
		}

		for (guint a = day_begin; a < day_end; a++) {
			guint32 entry = g_array_index(self->labels, LabelRef, a).entry;
			guint32 key = entry / per_key;
			guint wk = key % W;
			guint mi = (key / W) % M;
			guint state = key / W / M;
			gint32 c = self->cost[cur][entry];
			const guint16 *cnt = self->counts[cur] + (gsize)entry * NT;
			gboolean prev_work = state >= min_off;
			guint w = 0;
			guint lastv = 0;
			guint from0 = 0;

			if (prev_work) {
				guint ws = state - min_off;
				lastv = self->rep[ws % C];
				w = (ws / C) % max_work + 1;
				from0 = ws / C / max_work;
			}
			for (guint v = 0; v <= T; v++) {
				guint nstate;
				guint nmi = mi;
				guint nwk = wk;
				guint32 nkey;
				gint32 nc;
				guint32 slot;
				guint32 ne;
				gboolean fresh;

				if (pr[v] == ROSTER_LINE_FORBIDDEN || skip[v])
					continue;
				if (v == 0) {
					/* a short interior run of work may not end here */
					if (prev_work && from0 == 0 && w < min_work)
						continue;
					nstate = prev_work ? 0 : MIN(state + 1, min_off - 1);
				} else {
					guint s = v - 1;
					if (day_off[d] || max_shifts[s] == 0 ||
					    (tmap[s] >= 0 && cnt[tmap[s]] >= max_shifts[s]))
						continue;
					nmi = mi + lens[s];
					if (nmi >= M)
						continue;
					if (prev_work) {
						if ((!relax_runs && w >= max_work) ||
						    roster_solver_model_forbidden(m,
										  (gint)lastv,
										  (gint)s))
							continue;
						nstate =
						    min_off +
						    ((from0 * max_work + (relax_runs ? 0 : w)) * C +
						     self->cls[s]);
					} else {
						/* an interior rest run must be long enough */
						if (state + 1 < min_off)
							continue;
						nstate =
						    min_off + (((d == 0 ? 1 : 0) * max_work) * C +
							       self->cls[s]);
					}
				}
				if ((guint64)nmi * g + remaining < min_minutes)
					continue;
				if (sunday && (prev_work || v > 0)) {
					nwk++;
					if (nwk > max_wk)
						continue;
					if (nwk >= W)
						nwk = W - 1;
				}
				nc = c + pr[v];
				/* no line through here can be at most the upper price */
				if (rest != NULL && (gint64)nc + rest[M - 1 - nmi] > upper)
					continue;
				nkey = ((guint32)nstate * M + nmi) * W + nwk;
				memcpy(self->scratch, cnt, sizeof(guint16) * nt);
				if (v > 0 && tmap[v - 1] >= 0)
					self->scratch[tmap[v - 1]]++;
				if (per_key > 1)
					normalise_counts(self->scratch,
							 ttype,
							 nt,
							 max_shifts,
							 lens,
							 self->rem_days[d],
							 M - 1 - nmi);
				ne = place_label(self,
						 nxt,
						 nkey,
						 per_key,
						 nc,
						 self->scratch,
						 nt,
						 &fresh);
				if (ne == SLOT_NONE)
					continue;
				if (fresh) {
					LabelRef ref = {ne, a, (gint16)((gint)v - 1)};
					slot = self->labels->len;
					g_array_append_val(self->labels, ref);
					self->slot[nxt][ne] = slot;
				} else {
					slot = self->slot[nxt][ne];
				}
				self->cost[nxt][ne] = nc;
				g_array_index(self->labels, LabelRef, slot).pred = a;
				g_array_index(self->labels, LabelRef, slot).value =
				    (gint16)((gint)v - 1);
				memcpy(self->counts[nxt] + (gsize)ne * NT,
				       self->scratch,
				       sizeof(guint16) * nt);
			}
		}
		/* clear the day just read so the buffers are clean for reuse */
		for (guint a = day_begin; a < day_end; a++)
			self->cost[cur][g_array_index(self->labels, LabelRef, a).entry] = COST_NONE;
		day_begin = next_begin;
		day_end = self->labels->len;
		for (guint a = day_begin; a < day_end; a++) {
			guint32 e = g_array_index(self->labels, LabelRef, a).entry;
			self->slot[nxt][e] = SLOT_NONE;
			self->used[nxt][e / per_key] = 0;
		}
		cur = nxt;
	}

	for (guint a = day_begin; a < day_end; a++) {
		guint32 entry = g_array_index(self->labels, LabelRef, a).entry;
		guint32 key = entry / per_key;
		guint wk = key % W;
		guint mi = (key / W) % M;
		guint state = key / W / M;
		gboolean work = state >= min_off;
		guint run;
		gboolean from0 = FALSE;
		gint lastv = -1;
		gint32 total = self->cost[cur][entry];
		if (terminal != NULL)
			total += terminal[MIN(mi, self->n_terminal - 1)];
		if (work) {
			guint ws = state - min_off;
			lastv = self->rep[ws % C];
			run = (ws / C) % max_work + 1;
			from0 = ws / C / max_work == 1;
		} else {
			run = state + 1;
			/* a capped run of days off is long enough for any rule */
			if (state == min_off - 1)
				run = H;
		}
		if ((guint64)mi * g < min_minutes || total >= best)
			continue;
		if (!end_ok(m, pp, &we, work, run, from0, lastv, wk, max_wk))
			continue;
		best = total;
		best_label = a;
	}
	for (guint a = day_begin; a < day_end; a++)
		self->cost[cur][g_array_index(self->labels, LabelRef, a).entry] = COST_NONE;
	self->n_labels += self->labels->len;
	if (best_label == SLOT_NONE)
		return FALSE;

	/* walk back along the predecessors */
	{
		guint32 a = best_label;
		for (guint d = last + 1; d-- > first;) {
			const LabelRef *ref = &g_array_index(self->labels, LabelRef, a);
			line[d] = ref->value;
			a = ref->pred;
		}
	}
	*cost = best;
	return TRUE;
}

/**
 * roster_line_dp_solve:
 * @self: a workspace
 * @person: the person
 * @price: n_days * (n_types + 1) prices, value 0 is off and 1 + s shift type s
 * @line: (out caller-allocates): n_days cells for the best line
 * @cost: (out): the sum of the prices of @line
 *
 * Finds the cheapest line for @person that keeps all of the person's hard rules.
 *
 * Returns: %FALSE if no such line was found
 */
gboolean
roster_line_dp_solve(RosterLineDp *self,
		     guint person,
		     const gint *price,
		     gint16 *line,
		     gint64 *cost)
{
	return roster_line_dp_solve_window(self,
					   person,
					   line,
					   0,
					   self->m->n_days - 1,
					   price,
					   line,
					   cost);
}
