/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-nrp-parser.h"
#include "roster-solver-model-private.h"

/* the seven sections, in the order the files must have them */
typedef enum {
	SECTION_NONE,
	SECTION_HORIZON,
	SECTION_SHIFTS,
	SECTION_STAFF,
	SECTION_DAYS_OFF,
	SECTION_ON_REQUESTS,
	SECTION_OFF_REQUESTS,
	SECTION_COVER,
} Section;

static const gchar *section_names[] = {
    "",
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
};

/* a forbidden succession waits until every shift ID of the section is known */
typedef struct {
	guint lineno;
	guint shift;
	gchar *next_id;
} PendingForbid;

typedef struct {
	RosterSolverModel *model;
	guint n_days;
	GArray *shift_lengths;	 /* guint, while SECTION_SHIFTS is read */
	GPtrArray *shift_ids;	 /* gchar* */
	GArray *pending;	 /* PendingForbid */
	GPtrArray *staff_fields; /* GStrv per staff line */
	GArray *staff_lines;	 /* guint */
	guint8 *cover_seen;
	gboolean *days_off_seen;
} Parser;

static void
pending_forbid_clear(PendingForbid *pf)
{
	g_free(pf->next_id);
}

/* a number as the format's readers take it (int() in Python, stream extraction in
 * C++): surrounding blanks, leading zeros and a sign are accepted; a minus sign only
 * on zero, since every number of the format is non-negative ("-0" is written for a
 * requirement of nothing in a published file) */
static gboolean
parse_uint(const gchar *str, guint lineno, const gchar *what, guint max, guint *out, GError **error)
{
	guint64 v = 0;
	gboolean negative = FALSE;
	g_autofree gchar *text = g_strstrip(g_strdup(str));
	const gchar *digits = text;

	if (digits[0] == '+' || digits[0] == '-') {
		negative = digits[0] == '-';
		digits++;
	}
	if (!g_ascii_isdigit(digits[0]) ||
	    !g_ascii_string_to_unsigned(digits, 10, 0, max, &v, NULL) || (negative && v != 0)) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: %s “%s” is not a number from 0 to %u",
			    lineno,
			    what,
			    str,
			    max);
		return FALSE;
	}
	*out = (guint)v;
	return TRUE;
}

/* splits at @sep and strips the blanks around every field, which the readers of the
 * format ignore around IDs and numbers alike */
static gchar **
split_fields(const gchar *line, const gchar *sep)
{
	gchar **fields = g_strsplit(line, sep, -1);
	for (guint i = 0; fields[i] != NULL; i++)
		g_strstrip(fields[i]);
	return fields;
}

static gboolean
check_fields(gchar **fields, guint want, gboolean at_least, guint lineno, GError **error)
{
	guint n = g_strv_length(fields);
	if (n == want || (at_least && n > want))
		return TRUE;
	g_set_error(error,
		    ROSTER_SOLVER_ERROR,
		    ROSTER_SOLVER_ERROR_INVALID_DATA,
		    "line %u: expected %s%u comma-separated fields, found %u",
		    lineno,
		    at_least ? "at least " : "",
		    want,
		    n);
	return FALSE;
}

static gint
find_shift(Parser *self, const gchar *id)
{
	for (guint s = 0; s < self->shift_ids->len; s++) {
		if (g_strcmp0(g_ptr_array_index(self->shift_ids, s), id) == 0)
			return (gint)s;
	}
	return -1;
}

static gboolean
lookup_shift(Parser *self, const gchar *id, guint lineno, gint *out, GError **error)
{
	*out = find_shift(self, id);
	if (*out >= 0)
		return TRUE;
	g_set_error(error,
		    ROSTER_SOLVER_ERROR,
		    ROSTER_SOLVER_ERROR_INVALID_DATA,
		    "line %u: unknown shift ID “%s”",
		    lineno,
		    id);
	return FALSE;
}

static gboolean
lookup_person(Parser *self, const gchar *id, guint lineno, gint *out, GError **error)
{
	*out = roster_solver_model_find_person(self->model, id);
	if (*out >= 0)
		return TRUE;
	g_set_error(error,
		    ROSTER_SOLVER_ERROR,
		    ROSTER_SOLVER_ERROR_INVALID_DATA,
		    "line %u: unknown staff ID “%s”",
		    lineno,
		    id);
	return FALSE;
}

static gboolean
parse_day(Parser *self, const gchar *str, guint lineno, guint *day, GError **error)
{
	return parse_uint(str, lineno, "day", self->n_days - 1, day, error);
}

static gboolean
parse_horizon(Parser *self, const gchar *line, guint lineno, GError **error)
{
	if (self->n_days > 0) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: the horizon is given twice",
			    lineno);
		return FALSE;
	}
	if (!parse_uint(line, lineno, "horizon", 10000, &self->n_days, error))
		return FALSE;
	if (self->n_days == 0) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: the horizon must be at least one day",
			    lineno);
		return FALSE;
	}
	return TRUE;
}

static gboolean
parse_shift(Parser *self, const gchar *line, guint lineno, GError **error)
{
	guint length = 0;
	g_auto(GStrv) fields = split_fields(line, ",");

	/* the succession field may be missing altogether, or empty */
	if (g_strv_length(fields) != 2 && !check_fields(fields, 3, FALSE, lineno, error))
		return FALSE;
	if (fields[0][0] == '\0') {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: empty shift ID",
			    lineno);
		return FALSE;
	}
	if (find_shift(self, fields[0]) >= 0) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: shift ID “%s” is defined twice",
			    lineno,
			    fields[0]);
		return FALSE;
	}
	if (!parse_uint(fields[1], lineno, "shift length", 24 * 60, &length, error))
		return FALSE;
	if (length == 0) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: shift “%s” has zero length",
			    lineno,
			    fields[0]);
		return FALSE;
	}
	if (fields[1] != NULL && fields[2] != NULL && fields[2][0] != '\0') {
		g_auto(GStrv) nexts = split_fields(fields[2], "|");
		for (guint i = 0; nexts[i] != NULL; i++) {
			PendingForbid pf;
			/* "E|" or "E||L" name nobody in the gap */
			if (nexts[i][0] == '\0')
				continue;
			pf = (PendingForbid){lineno, self->shift_ids->len, g_strdup(nexts[i])};
			g_array_append_val(self->pending, pf);
		}
	}
	g_ptr_array_add(self->shift_ids, g_strdup(fields[0]));
	g_array_append_val(self->shift_lengths, length);
	return TRUE;
}

static gboolean
parse_staff(Parser *self, const gchar *line, guint lineno, GError **error)
{
	g_auto(GStrv) fields = split_fields(line, ",");

	if (!check_fields(fields, 8, FALSE, lineno, error))
		return FALSE;
	if (fields[0][0] == '\0') {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: empty staff ID",
			    lineno);
		return FALSE;
	}
	for (guint i = 0; i < self->staff_fields->len; i++) {
		gchar **other = g_ptr_array_index(self->staff_fields, i);
		if (g_strcmp0(other[0], fields[0]) == 0) {
			g_set_error(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_DATA,
				    "line %u: staff ID “%s” is defined twice",
				    lineno,
				    fields[0]);
			return FALSE;
		}
	}
	g_ptr_array_add(self->staff_fields, g_steal_pointer(&fields));
	g_array_append_val(self->staff_lines, lineno);
	return TRUE;
}

/* the shift section is complete: resolve successions and create the model */
static gboolean
finish_shifts(Parser *self, GError **error)
{
	if (self->model != NULL)
		return TRUE;
	if (self->n_days == 0) {
		g_set_error_literal(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_DATA,
				    "line 1: missing SECTION_HORIZON");
		return FALSE;
	}
	self->model = roster_solver_model_new(self->n_days);
	for (guint s = 0; s < self->shift_ids->len; s++) {
		roster_solver_model_add_shift_type(self->model,
						   g_ptr_array_index(self->shift_ids, s),
						   0,
						   g_array_index(self->shift_lengths, guint, s));
	}
	for (guint i = 0; i < self->pending->len; i++) {
		PendingForbid *pf = &g_array_index(self->pending, PendingForbid, i);
		gint next = 0;
		if (!lookup_shift(self, pf->next_id, pf->lineno, &next, error))
			return FALSE;
		roster_solver_model_forbid_succession(self->model, pf->shift, (guint)next);
	}
	return TRUE;
}

static gboolean
finish_staff_line(Parser *self, gchar **fields, guint lineno, GError **error)
{
	guint p = roster_solver_model_add_person(self->model, fields[0]);
	guint vals[6] = {0};
	const gchar *names[] = {
	    "MaxTotalMinutes",
	    "MinTotalMinutes",
	    "MaxConsecutiveShifts",
	    "MinConsecutiveShifts",
	    "MinConsecutiveDaysOff",
	    "MaxWeekends",
	};
	g_auto(GStrv) maxes = split_fields(fields[1], "|");

	for (guint i = 0; maxes[i] != NULL; i++) {
		g_auto(GStrv) kv = NULL;
		gint s = 0;
		guint max = 0;
		if (maxes[i][0] == '\0')
			continue;
		kv = split_fields(maxes[i], "=");
		if (g_strv_length(kv) != 2) {
			g_set_error(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_DATA,
				    "line %u: “%s” is not ShiftID=max",
				    lineno,
				    maxes[i]);
			return FALSE;
		}
		if (!lookup_shift(self, kv[0], lineno, &s, error))
			return FALSE;
		if (!parse_uint(kv[1], lineno, "MaxShifts", G_MAXINT32, &max, error))
			return FALSE;
		roster_solver_model_set_max_shifts(self->model, p, (guint)s, max);
	}
	for (guint i = 0; i < 6; i++) {
		if (!parse_uint(fields[2 + i], lineno, names[i], G_MAXINT32, &vals[i], error))
			return FALSE;
	}
	roster_solver_model_set_minutes(self->model, p, vals[1], vals[0]);
	roster_solver_model_set_consecutive(self->model, p, vals[3], vals[2], vals[4]);
	roster_solver_model_set_max_weekends(self->model, p, vals[5]);
	return TRUE;
}

static gboolean
finish_staff(Parser *self, GError **error)
{
	if (!finish_shifts(self, error))
		return FALSE;
	if (self->model->sealed)
		return TRUE;
	for (guint i = 0; i < self->staff_fields->len; i++) {
		if (!finish_staff_line(self,
				       g_ptr_array_index(self->staff_fields, i),
				       g_array_index(self->staff_lines, guint, i),
				       error))
			return FALSE;
	}
	roster_solver_model_seal(self->model);
	self->cover_seen = g_new0(guint8, (gsize)self->n_days * MAX(self->model->n_types, 1));
	self->days_off_seen = g_new0(gboolean, MAX(self->model->n_people, 1));
	return TRUE;
}

static gboolean
parse_days_off(Parser *self, const gchar *line, guint lineno, GError **error)
{
	gint p = 0;
	g_auto(GStrv) fields = split_fields(line, ",");

	if (!check_fields(fields, 1, TRUE, lineno, error))
		return FALSE;
	if (!lookup_person(self, fields[0], lineno, &p, error))
		return FALSE;
	if (self->days_off_seen[p]) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: staff ID “%s” has a second days-off line",
			    lineno,
			    fields[0]);
		return FALSE;
	}
	self->days_off_seen[p] = TRUE;
	for (guint i = 1; fields[i] != NULL; i++) {
		guint day = 0;
		/* a trailing comma leaves an empty field */
		if (fields[i][0] == '\0' && fields[i + 1] == NULL)
			continue;
		if (!parse_day(self, fields[i], lineno, &day, error))
			return FALSE;
		roster_solver_model_add_day_off(self->model, (guint)p, day);
	}
	return TRUE;
}

static gboolean
parse_request(Parser *self, const gchar *line, guint lineno, gboolean on, GError **error)
{
	gint p = 0;
	gint s = 0;
	guint day = 0;
	guint weight = 0;
	g_auto(GStrv) fields = split_fields(line, ",");

	if (!check_fields(fields, 4, FALSE, lineno, error))
		return FALSE;
	if (!lookup_person(self, fields[0], lineno, &p, error))
		return FALSE;
	if (!parse_day(self, fields[1], lineno, &day, error))
		return FALSE;
	if (!lookup_shift(self, fields[2], lineno, &s, error))
		return FALSE;
	if (!parse_uint(fields[3], lineno, "weight", G_MAXINT16, &weight, error))
		return FALSE;
	roster_solver_model_add_request(self->model, (guint)p, day, (guint)s, on, weight);
	return TRUE;
}

static gboolean
parse_cover(Parser *self, const gchar *line, guint lineno, GError **error)
{
	gint s = 0;
	guint day = 0;
	guint vals[3] = {0};
	g_auto(GStrv) fields = split_fields(line, ",");

	if (!check_fields(fields, 5, FALSE, lineno, error))
		return FALSE;
	if (!parse_day(self, fields[0], lineno, &day, error))
		return FALSE;
	if (!lookup_shift(self, fields[1], lineno, &s, error))
		return FALSE;
	if (!parse_uint(fields[2], lineno, "requirement", 100000, &vals[0], error))
		return FALSE;
	if (!parse_uint(fields[3], lineno, "under-cover weight", G_MAXINT16, &vals[1], error))
		return FALSE;
	if (!parse_uint(fields[4], lineno, "over-cover weight", G_MAXINT16, &vals[2], error))
		return FALSE;
	if (self->cover_seen[day * self->model->n_types + (guint)s]) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: second cover line for day %u shift “%s”",
			    lineno,
			    day,
			    fields[1]);
		return FALSE;
	}
	self->cover_seen[day * self->model->n_types + (guint)s] = 1;
	roster_solver_model_set_cover(self->model, day, (guint)s, vals[0], vals[1], vals[2]);
	return TRUE;
}

static gboolean
parse_data_line(Parser *self, Section section, const gchar *line, guint lineno, GError **error)
{
	switch (section) {
	case SECTION_HORIZON:
		return parse_horizon(self, line, lineno, error);
	case SECTION_SHIFTS:
		return parse_shift(self, line, lineno, error);
	case SECTION_STAFF:
		return parse_staff(self, line, lineno, error);
	case SECTION_DAYS_OFF:
		return parse_days_off(self, line, lineno, error);
	case SECTION_ON_REQUESTS:
		return parse_request(self, line, lineno, TRUE, error);
	case SECTION_OFF_REQUESTS:
		return parse_request(self, line, lineno, FALSE, error);
	case SECTION_COVER:
		return parse_cover(self, line, lineno, error);
	case SECTION_NONE:
	default:
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: data before the first section",
			    lineno);
		return FALSE;
	}
}

/* called when a section header is met: the earlier sections must be complete */
static gboolean
enter_section(Parser *self, Section section, guint lineno, GError **error)
{
	if (section >= SECTION_STAFF && self->shift_ids->len == 0) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: no shift types before %s",
			    lineno,
			    section_names[section]);
		return FALSE;
	}
	if (section >= SECTION_STAFF && !finish_shifts(self, error))
		return FALSE;
	if (section >= SECTION_DAYS_OFF) {
		if (self->staff_fields->len == 0) {
			g_set_error(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_DATA,
				    "line %u: no staff before %s",
				    lineno,
				    section_names[section]);
			return FALSE;
		}
		if (!finish_staff(self, error))
			return FALSE;
	}
	return TRUE;
}

/**
 * roster_nrp_parse_instance:
 * @text: the file's contents, CRLF or LF line endings
 * @len: the length of @text in bytes
 * @error: return location for a #GError naming the line of the first problem
 *
 * Reads a Curtois & Qu instance (see the benchmark's FORMAT.md) into a model.
 *
 * Returns: (transfer full): the model, or %NULL on error
 */
RosterSolverModel *
roster_nrp_parse_instance(const gchar *text, gsize len, GError **error)
{
	Parser parser = {0};
	Section section = SECTION_NONE;
	Section seen_max = SECTION_NONE;
	guint lineno = 0;
	gsize pos = 0;
	gboolean ok = TRUE;
	g_autoptr(RosterSolverModel) model = NULL;

	g_return_val_if_fail(text != NULL || len == 0, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	parser.shift_lengths = g_array_new(FALSE, FALSE, sizeof(guint));
	parser.shift_ids = g_ptr_array_new_with_free_func(g_free);
	parser.pending = g_array_new(FALSE, FALSE, sizeof(PendingForbid));
	g_array_set_clear_func(parser.pending, (GDestroyNotify)pending_forbid_clear);
	parser.staff_fields = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
	parser.staff_lines = g_array_new(FALSE, FALSE, sizeof(guint));

	/* a UTF-8 byte order mark, as some editors write, is not part of the first line */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (ok && pos < len) {
		const gchar *start = text + pos;
		gsize line_len = 0;
		g_autofree gchar *line = NULL;

		/* a line ends at LF, CRLF or a lone CR */
		while (pos + line_len < len && start[line_len] != '\n' && start[line_len] != '\r')
			line_len++;
		pos += line_len;
		if (pos < len && text[pos] == '\r')
			pos++;
		if (pos < len && text[pos] == '\n')
			pos++;
		lineno++;
		if (memchr(start, '\0', line_len) != NULL) {
			g_set_error(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_DATA,
				    "line %u: contains a NUL byte",
				    lineno);
			ok = FALSE;
			break;
		}
		line = g_strndup(start, line_len);
		g_strstrip(line);
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (g_str_has_prefix(line, "SECTION_")) {
			Section next = SECTION_NONE;
			for (guint i = 1; i < G_N_ELEMENTS(section_names); i++) {
				if (g_strcmp0(line, section_names[i]) == 0)
					next = (Section)i;
			}
			if (next == SECTION_NONE) {
				g_set_error(error,
					    ROSTER_SOLVER_ERROR,
					    ROSTER_SOLVER_ERROR_INVALID_DATA,
					    "line %u: unknown section “%s”",
					    lineno,
					    line);
				ok = FALSE;
				break;
			}
			if (next <= seen_max) {
				g_set_error(error,
					    ROSTER_SOLVER_ERROR,
					    ROSTER_SOLVER_ERROR_INVALID_DATA,
					    "line %u: %s is out of order or repeated",
					    lineno,
					    line);
				ok = FALSE;
				break;
			}
			seen_max = next;
			section = next;
			ok = enter_section(&parser, section, lineno, error);
			continue;
		}
		ok = parse_data_line(&parser, section, line, lineno, error);
	}
	if (ok && seen_max < SECTION_COVER) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: the file ends before SECTION_COVER",
			    lineno);
		ok = FALSE;
	}
	if (ok)
		model = g_steal_pointer(&parser.model);

	roster_solver_model_free(parser.model);
	g_array_unref(parser.shift_lengths);
	g_ptr_array_unref(parser.shift_ids);
	g_array_unref(parser.pending);
	g_ptr_array_unref(parser.staff_fields);
	g_array_unref(parser.staff_lines);
	g_free(parser.cover_seen);
	g_free(parser.days_off_seen);
	return g_steal_pointer(&model);
}

/**
 * roster_nrp_parse_grid:
 * @model: the instance the grid belongs to
 * @text: the grid: one line per person in file order, one tab-separated cell per day
 * @len: the length of @text in bytes
 * @error: return location for a #GError naming the line of the first problem
 *
 * Reads a roster grid; an empty cell or a single space is a day off.
 *
 * Returns: (transfer full): the roster, or %NULL on error
 */
RosterSolverRoster *
roster_nrp_parse_grid(const RosterSolverModel *model, const gchar *text, gsize len, GError **error)
{
	guint lineno = 0;
	guint row = 0;
	gsize pos = 0;
	g_autoptr(RosterSolverRoster) roster = NULL;

	g_return_val_if_fail(model != NULL, NULL);
	g_return_val_if_fail(error == NULL || *error == NULL, NULL);

	roster = roster_solver_roster_new(model->n_people, model->n_days);
	while (pos < len) {
		const gchar *start = text + pos;
		const gchar *nl = memchr(start, '\n', len - pos);
		gsize line_len = nl != NULL ? (gsize)(nl - start) : len - pos;
		g_autofree gchar *line = NULL;
		g_auto(GStrv) cells = NULL;
		guint n_cells;

		pos += line_len + (nl != NULL ? 1 : 0);
		lineno++;
		if (line_len > 0 && start[line_len - 1] == '\r')
			line_len--;
		line = g_strndup(start, line_len);
		/* blank lines after the last row are harmless */
		if (row >= model->n_people && line[strspn(line, " \t")] == '\0')
			continue;
		if (row >= model->n_people) {
			g_set_error(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_DATA,
				    "line %u: more rows than the %u staff of the instance",
				    lineno,
				    model->n_people);
			return NULL;
		}
		/* g_strsplit() gives no cell for an empty line, which is one empty cell: the
		 * row of a one-day instance with the day off */
		cells = g_strsplit(line[0] != '\0' ? line : " ", "\t", -1);
		n_cells = g_strv_length(cells);
		/* a trailing tab is tolerated */
		if (n_cells == model->n_days + 1 && g_strstrip(cells[n_cells - 1])[0] == '\0')
			n_cells--;
		if (n_cells != model->n_days) {
			g_set_error(error,
				    ROSTER_SOLVER_ERROR,
				    ROSTER_SOLVER_ERROR_INVALID_DATA,
				    "line %u: expected %u tab-separated cells, found %u",
				    lineno,
				    model->n_days,
				    n_cells);
			return NULL;
		}
		for (guint d = 0; d < model->n_days; d++) {
			const gchar *cell = g_strstrip(cells[d]);
			gint s;
			if (cell[0] == '\0')
				continue;
			s = roster_solver_model_find_shift_type(model, cell);
			if (s < 0) {
				g_set_error(error,
					    ROSTER_SOLVER_ERROR,
					    ROSTER_SOLVER_ERROR_INVALID_DATA,
					    "line %u: day %u: unknown shift ID “%s”",
					    lineno,
					    d,
					    cell);
				return NULL;
			}
			roster->cells[row * model->n_days + d] = (gint16)s;
		}
		row++;
	}
	if (row != model->n_people) {
		g_set_error(error,
			    ROSTER_SOLVER_ERROR,
			    ROSTER_SOLVER_ERROR_INVALID_DATA,
			    "line %u: expected %u rows, found %u",
			    lineno,
			    model->n_people,
			    row);
		return NULL;
	}
	return g_steal_pointer(&roster);
}

/**
 * roster_nrp_format_grid:
 * @model: the instance
 * @roster: a roster of that instance
 *
 * Writes a roster as the benchmark's tab-separated grid, an empty cell for a day off.
 *
 * Returns: (transfer full): the text, each row ending in a newline
 */
gchar *
roster_nrp_format_grid(const RosterSolverModel *model, const RosterSolverRoster *roster)
{
	GString *str = g_string_new(NULL);
	for (guint p = 0; p < roster->n_people; p++) {
		for (guint d = 0; d < roster->n_days; d++) {
			gint s = roster->cells[p * roster->n_days + d];
			if (d > 0)
				g_string_append_c(str, '\t');
			if (s >= 0)
				g_string_append(str,
						roster_solver_model_get_shift_type_id(model, s));
		}
		g_string_append_c(str, '\n');
	}
	return g_string_free(str, FALSE);
}
