/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "roster-solver-model-private.h"
#include "roster-solver-test-common.h"

/* each instance has the size of its table row */
static void
test_parser_instance(gconstpointer data)
{
	const RosterTestInstance *instance = data;
	g_autoptr(RosterSolverModel) m = roster_test_load_instance(instance);

	if (m == NULL)
		return;
	g_assert_cmpuint(roster_solver_model_get_n_people(m), ==, instance->staff);
	g_assert_cmpuint(roster_solver_model_get_n_days(m), ==, instance->days);
	g_assert_cmpuint(roster_solver_model_get_n_shift_types(m), ==, instance->types);
}

/* the published folder: whatever other instance it holds parses too */
static void
test_parser_every_instance(void)
{
	g_autofree gchar *dir = roster_test_curtois_dir();
	g_autofree gchar *inst = NULL;
	g_autoptr(GDir) folder = NULL;
	const gchar *name;
	guint n_files = 0;
	guint n_instances = 0;

	if (dir == NULL)
		return;
	roster_test_get_instances(&n_instances);
	inst = g_build_filename(dir, "instances", NULL);
	folder = g_dir_open(inst, 0, NULL);
	g_assert_nonnull(folder);
	while ((name = g_dir_read_name(folder)) != NULL) {
		g_autoptr(RosterSolverModel) m = NULL;
		g_autofree gchar *path = g_build_filename(inst, name, NULL);
		g_autofree gchar *text = NULL;
		if (!g_str_has_suffix(name, ".txt"))
			continue;
		/* held-out instances are present only as a one-line pointer */
		if (!g_file_get_contents(path, &text, NULL, NULL) ||
		    strstr(text, "SECTION_HORIZON") == NULL)
			continue;
		m = roster_test_load_model(path);
		g_assert_cmpuint(roster_solver_model_get_n_people(m), >, 0);
		n_files++;
	}
	g_assert_cmpuint(n_files, >=, n_instances);
}

static void
test_parser_instance1_details(void)
{
	g_autofree gchar *dir = roster_test_curtois_dir();
	g_autofree gchar *path = NULL;
	g_autoptr(RosterSolverModel) m = NULL;
	const RosterSolverPerson *a;

	if (dir == NULL)
		return;
	path = g_build_filename(dir, "instances", "Instance1.txt", NULL);
	m = roster_test_load_model(path);
	a = roster_solver_model_person(m, 0);
	g_assert_cmpstr(roster_solver_model_get_person_id(m, 0), ==, "A");
	g_assert_cmpstr(roster_solver_model_get_shift_type_id(m, 0), ==, "D");
	g_assert_cmpuint(roster_solver_model_max_shifts(m, 0, 0), ==, 14);
	g_assert_cmpuint(a->max_minutes, ==, 4320);
	g_assert_cmpuint(a->min_minutes, ==, 3360);
	g_assert_cmpuint(a->max_work, ==, 5);
	g_assert_cmpuint(a->min_work, ==, 2);
	g_assert_cmpuint(a->min_off, ==, 2);
	g_assert_cmpuint(a->max_weekends, ==, 1);
	g_assert_true(m->day_off[0]);
	g_assert_false(m->day_off[1]);
}

static void
test_parser_successions(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("small.txt");
	gint d = roster_solver_model_find_shift_type(m, "D");
	gint n = roster_solver_model_find_shift_type(m, "N");

	/* the list on N names what may not follow N */
	g_assert_true(roster_solver_model_forbidden(m, n, d));
	g_assert_false(roster_solver_model_forbidden(m, d, n));
	g_assert_false(roster_solver_model_forbidden(m, n, n));
}

static void
test_parser_line_endings(void)
{
	g_autofree gchar *path = g_test_build_filename(G_TEST_DIST, "data", "small.txt", NULL);
	g_autofree gchar *text = NULL;
	g_autoptr(GString) lf = NULL;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) m = NULL;
	gsize len = 0;

	g_assert_true(g_file_get_contents(path, &text, &len, NULL));
	g_assert_nonnull(strstr(text, "\r\n"));
	lf = g_string_new(text);
	g_string_replace(lf, "\r\n", "\n", 0);
	m = roster_nrp_parse_instance(lf->str, lf->len, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(roster_solver_model_get_n_people(m), ==, 2);
}

typedef struct {
	const gchar *path;
	const gchar *text;
	const gchar *message;
} Malformed;

/* a valid file that each case breaks in one place */
#define HEAD                                                                                       \
	"# c\nSECTION_HORIZON\n# h\n7\n\nSECTION_SHIFTS\n# s\nD,480,\nN,600,D\n\n"                 \
	"SECTION_STAFF\n# st\n"
#define STAFF	 "A,D=7|N=7,4000,0,5,1,1,2\n\n"
#define DAYS_OFF "SECTION_DAYS_OFF\n# d\nA,1\n\n"
#define REQS	 "SECTION_SHIFT_ON_REQUESTS\n# on\nA,2,D,1\n\nSECTION_SHIFT_OFF_REQUESTS\n# off\n\n"
#define COVER	 "SECTION_COVER\n# c\n0,D,1,100,1\n"

static const Malformed malformed[] = {
    {"valid", HEAD STAFF DAYS_OFF REQS COVER, NULL},
    {"bad-number", HEAD "A,D=7|N=7,40x0,0,5,1,1,2\n\n" DAYS_OFF REQS COVER, "line 13:"},
    {"unknown-shift", HEAD "A,D=7|X=7,4000,0,5,1,1,2\n\n" DAYS_OFF REQS COVER, "line 13:"},
    {"unknown-successor",
     "SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,Q\nSECTION_STAFF\n" STAFF,
     "line 4:"},
    {"few-fields", HEAD "A,D=7|N=7,4000,0,5,1,1\n\n" DAYS_OFF REQS COVER, "line 13:"},
    {"unknown-staff", HEAD STAFF "SECTION_DAYS_OFF\n# d\nZ,1\n\n" REQS COVER, "line 17:"},
    {"day-out-of-range", HEAD STAFF "SECTION_DAYS_OFF\n# d\nA,7\n\n" REQS COVER, "line 17:"},
    {"missing-cover", HEAD STAFF DAYS_OFF REQS, "before SECTION_COVER"},
    {"out-of-order", HEAD STAFF REQS DAYS_OFF COVER, "out of order"},
    {"unknown-section", HEAD STAFF "SECTION_FOO\n", "line 15:"},
    {"data-before-section", "7\n", "line 1:"},
    {"duplicate-cover", HEAD STAFF DAYS_OFF REQS COVER "0,D,2,100,1\n", "line 29:"},
    {"empty", "", "before SECTION_COVER"},
};

static void
test_parser_malformed(gconstpointer data)
{
	const Malformed *c = data;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) m =
	    roster_nrp_parse_instance(c->text, strlen(c->text), &error);

	if (c->message == NULL) {
		g_assert_no_error(error);
		g_assert_nonnull(m);
		return;
	}
	g_assert_error(error, ROSTER_SOLVER_ERROR, ROSTER_SOLVER_ERROR_INVALID_DATA);
	g_assert_null(m);
	if (strstr(error->message, c->message) == NULL)
		g_error("“%s” does not contain “%s”", error->message, c->message);
}

/* the valid file above, written as the format's readers also accept it: each form
 * must read as the same model, and a negative number other than zero is refused */
typedef struct {
	const gchar *path;
	const gchar *text;
} Accepted;

#define PLAIN HEAD STAFF DAYS_OFF REQS "SECTION_COVER\n# c\n0,D,1,100,1\n1,N,0,100,1\n"

static const Accepted accepted[] = {
    {"signed-zero", HEAD STAFF DAYS_OFF REQS "SECTION_COVER\n# c\n0,D,1,100,1\n1,N,-0,100,1\n"},
    {"plus-sign", HEAD STAFF DAYS_OFF REQS "SECTION_COVER\n# c\n+0,D,+1,100,1\n1,N,0,+100,1\n"},
    {"leading-zeros",
     HEAD STAFF DAYS_OFF REQS "SECTION_COVER\n# c\n00,D,01,0100,1\n1,N,000,100,1\n"},
    {"spaces",
     "# c\nSECTION_HORIZON\n# h\n 7 \n\nSECTION_SHIFTS\n# s\nD, 480 ,\nN,600, D \n\n"
     "SECTION_STAFF\n# st\nA , D = 7 | N=7 ,4000, 0,5,1,1 ,2\n\n"
     "SECTION_DAYS_OFF\n# d\nA, 1\n\n"
     "SECTION_SHIFT_ON_REQUESTS\n# on\n A,2, D,1\n\nSECTION_SHIFT_OFF_REQUESTS\n# off\n\n"
     "SECTION_COVER\n# c\n0 , D , 1 , 100 , 1\n1,N,0,100,1  \n"},
    {"tabs", HEAD STAFF DAYS_OFF REQS "SECTION_COVER\n# c\n0,\tD,1\t,100,1\n1,N,0,100,1\t\n"},
    {"crlf",
     "# c\r\nSECTION_HORIZON\r\n# h\r\n7\r\n\r\nSECTION_SHIFTS\r\n# s\r\nD,480,\r\nN,600,D\r\n\r\n"
     "SECTION_STAFF\r\n# st\r\nA,D=7|N=7,4000,0,5,1,1,2\r\n\r\nSECTION_DAYS_OFF\r\n# "
     "d\r\nA,1\r\n\r\n"
     "SECTION_SHIFT_ON_REQUESTS\r\n# on\r\nA,2,D,1\r\n\r\nSECTION_SHIFT_OFF_REQUESTS\r\n# "
     "off\r\n\r\n"
     "SECTION_COVER\r\n# c\r\n0,D,1,100,1\r\n1,N,0,100,1\r\n"},
    {"cr",
     "# c\rSECTION_HORIZON\r# h\r7\r\rSECTION_SHIFTS\r# s\rD,480,\rN,600,D\r\r"
     "SECTION_STAFF\r# st\rA,D=7|N=7,4000,0,5,1,1,2\r\rSECTION_DAYS_OFF\r# d\rA,1\r\r"
     "SECTION_SHIFT_ON_REQUESTS\r# on\rA,2,D,1\r\rSECTION_SHIFT_OFF_REQUESTS\r# off\r\r"
     "SECTION_COVER\r# c\r0,D,1,100,1\r1,N,0,100,1\r"},
    {"byte-order-mark", "\xEF\xBB\xBF" PLAIN},
    {"no-final-newline", HEAD STAFF DAYS_OFF REQS "SECTION_COVER\n# c\n0,D,1,100,1\n1,N,0,100,1"},
    {"blank-lines",
     "\n  \n" HEAD STAFF " \t\n" DAYS_OFF REQS
     "SECTION_COVER\n# c\n0,D,1,100,1\n\n1,N,0,100,1\n\n\n"},
    {"empty-list-items",
     "# c\nSECTION_HORIZON\n# h\n7\n\nSECTION_SHIFTS\n# s\nD,480,\nN,600,D|\n\n"
     "SECTION_STAFF\n# st\nA,D=7||N=7|,4000,0,5,1,1,2\n\n" DAYS_OFF REQS
     "SECTION_COVER\n# c\n0,D,1,100,1\n1,N,0,100,1\n"},
    {"trailing-comma-days-off",
     HEAD STAFF "SECTION_DAYS_OFF\n# d\nA,1,\n\n" REQS
		"SECTION_COVER\n# c\n0,D,1,100,1\n1,N,0,100,1\n"},
};

/* what a model holds of the small file, as text to compare */
static gchar *
model_summary(const RosterSolverModel *m)
{
	GString *str = g_string_new(NULL);
	g_string_append_printf(str, "%u %u %u|", m->n_days, m->n_types, m->n_people);
	for (guint s = 0; s < m->n_types; s++) {
		g_string_append_printf(str,
				       "%s %u",
				       roster_solver_model_get_shift_type_id(m, s),
				       roster_solver_model_type_length(m, (gint)s));
		for (guint t = 0; t < m->n_types; t++)
			g_string_append_printf(str, " %d", roster_solver_model_forbidden(m, s, t));
		g_string_append_c(str, '|');
	}
	for (guint p = 0; p < m->n_people; p++) {
		const RosterSolverPerson *a = roster_solver_model_person(m, p);
		g_string_append_printf(str,
				       "%s %u %u %u %u %u %u",
				       roster_solver_model_get_person_id(m, p),
				       a->min_minutes,
				       a->max_minutes,
				       a->min_work,
				       a->max_work,
				       a->min_off,
				       a->max_weekends);
		for (guint s = 0; s < m->n_types; s++)
			g_string_append_printf(str, " %u", roster_solver_model_max_shifts(m, p, s));
		for (guint d = 0; d < m->n_days; d++) {
			g_string_append_printf(str,
					       " %u:%d:%u",
					       m->day_off[p * m->n_days + d],
					       m->req_on_type[p * m->n_days + d],
					       m->req_on_weight[p * m->n_days + d]);
		}
		g_string_append_c(str, '|');
	}
	for (guint i = 0; i < m->n_days * m->n_types; i++) {
		g_string_append_printf(str,
				       "%u,%u,%u ",
				       m->cover_req[i],
				       m->cover_under[i],
				       m->cover_over[i]);
	}
	return g_string_free(str, FALSE);
}

static void
test_parser_accepted(gconstpointer data)
{
	const Accepted *c = data;
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) plain = roster_nrp_parse_instance(PLAIN, strlen(PLAIN), NULL);
	g_autoptr(RosterSolverModel) m =
	    roster_nrp_parse_instance(c->text, strlen(c->text), &error);
	g_autofree gchar *want = NULL;
	g_autofree gchar *got = NULL;

	g_assert_no_error(error);
	g_assert_nonnull(plain);
	want = model_summary(plain);
	got = model_summary(m);
	g_assert_cmpstr(got, ==, want);
}

/* a sign is taken on zero only: every number of the format is non-negative */
static void
test_parser_negative(void)
{
	const gchar *text = HEAD STAFF DAYS_OFF REQS "SECTION_COVER\n# c\n0,D,-1,100,1\n";
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverModel) m = roster_nrp_parse_instance(text, strlen(text), &error);

	g_assert_null(m);
	g_assert_error(error, ROSTER_SOLVER_ERROR, ROSTER_SOLVER_ERROR_INVALID_DATA);
	g_assert_true(g_str_has_prefix(error->message, "line 28:"));
}

static void
test_parser_grid_errors(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("small.txt");
	const gchar *short_row = "D\tD\n\t\t\t\t\t\t\t\t\t\t\t\t\t\n";
	const gchar *bad_shift = "\t\t\t\t\t\t\t\t\t\t\t\t\t\nX\t\t\t\t\t\t\t\t\t\t\t\t\t\n";
	const gchar *one_row = "\t\t\t\t\t\t\t\t\t\t\t\t\t\n";
	g_autoptr(GError) e1 = NULL;
	g_autoptr(GError) e2 = NULL;
	g_autoptr(GError) e3 = NULL;
	g_autoptr(RosterSolverRoster) r1 =
	    roster_nrp_parse_grid(m, short_row, strlen(short_row), &e1);
	g_autoptr(RosterSolverRoster) r2 =
	    roster_nrp_parse_grid(m, bad_shift, strlen(bad_shift), &e2);
	g_autoptr(RosterSolverRoster) r3 = roster_nrp_parse_grid(m, one_row, strlen(one_row), &e3);

	g_assert_null(r1);
	g_assert_true(g_str_has_prefix(e1->message, "line 1:"));
	g_assert_null(r2);
	g_assert_true(g_str_has_prefix(e2->message, "line 2:"));
	g_assert_null(r3);
	g_assert_error(e3, ROSTER_SOLVER_ERROR, ROSTER_SOLVER_ERROR_INVALID_DATA);
}

static void
test_parser_grid_roundtrip(void)
{
	g_autoptr(RosterSolverModel) m = roster_test_load_data("small.txt");
	g_autofree gchar *path =
	    g_test_build_filename(G_TEST_DIST, "data", "small-base.grid", NULL);
	g_autoptr(RosterSolverRoster) r = roster_test_load_grid(m, path);
	g_autofree gchar *text = roster_nrp_format_grid(m, r);
	g_autoptr(GError) error = NULL;
	g_autoptr(RosterSolverRoster) again = roster_nrp_parse_grid(m, text, strlen(text), &error);

	g_assert_no_error(error);
	g_assert_cmpmem(r->cells, 2 * 14 * sizeof(gint16), again->cells, 2 * 14 * sizeof(gint16));
}

int
main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	roster_test_add_instances("/roster/solver/parser/instance", 0, test_parser_instance);
	if (roster_test_is_curtois()) {
		g_test_add_func("/roster/solver/parser/every-instance", test_parser_every_instance);
		g_test_add_func("/roster/solver/parser/instance1-details",
				test_parser_instance1_details);
		return roster_test_run();
	}
	g_test_add_func("/roster/solver/parser/successions", test_parser_successions);
	g_test_add_func("/roster/solver/parser/line-endings", test_parser_line_endings);
	for (guint i = 0; i < G_N_ELEMENTS(malformed); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/solver/parser/malformed/%s", malformed[i].path);
		g_test_add_data_func(path, &malformed[i], test_parser_malformed);
	}
	for (guint i = 0; i < G_N_ELEMENTS(accepted); i++) {
		g_autofree gchar *path =
		    g_strdup_printf("/roster/solver/parser/accepted/%s", accepted[i].path);
		g_test_add_data_func(path, &accepted[i], test_parser_accepted);
	}
	g_test_add_func("/roster/solver/parser/negative", test_parser_negative);
	g_test_add_func("/roster/solver/parser/grid-errors", test_parser_grid_errors);
	g_test_add_func("/roster/solver/parser/grid-roundtrip", test_parser_grid_roundtrip);
	return roster_test_run();
}
