/*
 * Copyright 2026 Hotline Roster developers
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* the hours engine's reports: service and training hours, ratings and no-shows per
 * volunteer and period, as JSON and as CSV */

#include "config.h"

#include "roster-csv.h"
#include "roster-engine-hours-private.h"
#include "roster-engine-hours.h"
#include "roster-engine-private.h"
#include "roster-json-keys-records.h"
#include "roster-json-keys.h"
#include "roster-store-hours.h"

/* reports */

static gchar *
period_label(const gchar *date, const gchar *period)
{
	gint month = (gint)g_ascii_strtoll(date + 5, NULL, 10);

	if (g_strcmp0(period, "year") == 0)
		return g_strndup(date, 4);
	if (g_strcmp0(period, "quarter") == 0)
		return g_strdup_printf("%.4s-Q%d", date, (month - 1) / 3 + 1);
	return g_strndup(date, 7);
}

typedef struct {
	gint64 volunteer_id;
	gchar *period;
	gint64 service_minutes;
	gint64 training_minutes;
	gint64 rating_total;
	gint64 rating_count;
	gint64 no_shows;
} ReportRow;

static void
report_row_free(gpointer data)
{
	ReportRow *row = data;
	g_free(row->period);
	g_free(row);
}

static ReportRow *
report_row(GHashTable *rows, gint64 volunteer_id, const gchar *date, const gchar *period)
{
	g_autofree gchar *label = period_label(date, period);
	g_autofree gchar *key = g_strdup_printf("%s|%020" G_GINT64_FORMAT, label, volunteer_id);
	ReportRow *row = g_hash_table_lookup(rows, key);

	if (row == NULL) {
		row = g_new0(ReportRow, 1);
		row->volunteer_id = volunteer_id;
		row->period = g_steal_pointer(&label);
		g_hash_table_insert(rows, g_steal_pointer(&key), row);
	}
	return row;
}

/* the report's rows sorted by period and volunteer */
static GPtrArray *
build_report(RosterEngine *self,
	     RosterPrincipal *principal,
	     GHashTable *params,
	     GHashTable **rows_out,
	     GError **error)
{
	const gchar *c = "reports";
	const gchar *const periods[] = {"month", "quarter", "year", NULL};
	RosterStore *store;
	const gchar *period = params != NULL ? g_hash_table_lookup(params, ROSTER_KEY_PERIOD)
					     : NULL;
	gint64 volunteer_id = 0;
	const gchar *from = NULL;
	const gchar *to = NULL;
	g_autoptr(JsonArray) items = NULL;
	g_autoptr(JsonArray) training = NULL;
	g_autoptr(JsonArray) ratings = NULL;
	g_autoptr(JsonArray) attendance = NULL;
	g_autoptr(GHashTable) rows = NULL;
	g_autoptr(GList) keys = NULL;
	GPtrArray *sorted;

	if (!roster_engine_check_permission(principal,
					    ROSTER_ROLES_STAFF,
					    c,
					    "only managers, coordinators and admins read reports",
					    error))
		return NULL;
	if (period == NULL)
		period = "month";
	if (!g_strv_contains(periods, period)) {
		roster_engine_hours_invalid(error,
					    ROSTER_KEY_PERIOD,
					    "must be month, quarter or year");
		return NULL;
	}
	if (!roster_engine_hours_read_params(params, &volunteer_id, &from, &to, error) ||
	    !roster_engine_ensure_open(self, error))
		return NULL;
	store = roster_engine_get_store(self);
	items = roster_engine_hours_collect_items(self, volunteer_id, from, to, error);
	if (items == NULL)
		return NULL;
	training = roster_store_list_training(store, volunteer_id, from, to, error);
	if (training == NULL)
		return NULL;
	ratings = roster_store_list_ratings(store, volunteer_id, from, to, error);
	if (ratings == NULL)
		return NULL;
	attendance = roster_store_list_attendance(store, volunteer_id, from, to, error);
	if (attendance == NULL)
		return NULL;
	rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, report_row_free);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *o = json_array_get_object_element(items, i);
		report_row(rows,
			   json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
			   json_object_get_string_member(o, ROSTER_KEY_DATE),
			   period)
		    ->service_minutes += json_object_get_int_member(o, ROSTER_KEY_MINUTES);
	}
	for (guint i = 0; i < json_array_get_length(training); i++) {
		JsonObject *o = json_array_get_object_element(training, i);
		if (json_object_get_null_member(o, ROSTER_KEY_VERIFIED_BY))
			continue;
		report_row(rows,
			   json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
			   json_object_get_string_member(o, ROSTER_KEY_DATE),
			   period)
		    ->training_minutes += json_object_get_int_member(o, ROSTER_KEY_MINUTES);
	}
	for (guint i = 0; i < json_array_get_length(ratings); i++) {
		JsonObject *o = json_array_get_object_element(ratings, i);
		ReportRow *r = report_row(rows,
					  json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
					  json_object_get_string_member(o, ROSTER_KEY_DATE),
					  period);
		r->rating_total += json_object_get_int_member(o, ROSTER_KEY_SCORE);
		r->rating_count++;
	}
	for (guint i = 0; i < json_array_get_length(attendance); i++) {
		JsonObject *o = json_array_get_object_element(attendance, i);
		if (g_strcmp0(json_object_get_string_member(o, ROSTER_KEY_STATUS),
			      ROSTER_STATUS_NO_SHOW) != 0)
			continue;
		report_row(rows,
			   json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID),
			   json_object_get_string_member(o, ROSTER_KEY_DATE),
			   period)
		    ->no_shows++;
	}
	keys = g_hash_table_get_keys(rows);
	keys = g_list_sort(keys, (GCompareFunc)g_strcmp0);
	sorted = g_ptr_array_new();
	for (GList *l = keys; l != NULL; l = l->next)
		g_ptr_array_add(sorted, g_hash_table_lookup(rows, l->data));
	*rows_out = g_steal_pointer(&rows);
	return sorted;
}

JsonNode *
roster_engine_report_hours(RosterEngine *self,
			   RosterPrincipal *principal,
			   GHashTable *params,
			   GError **error)
{
	g_autoptr(GHashTable) rows = NULL;
	g_autoptr(GPtrArray) sorted = NULL;
	g_autoptr(JsonArray) items = json_array_new();
	g_autoptr(GHashTable) names = NULL;
	g_autoptr(GPtrArray) volunteers = NULL;

	g_return_val_if_fail(ROSTER_IS_ENGINE(self), NULL);
	sorted = build_report(self, principal, params, &rows, error);
	if (sorted == NULL)
		return NULL;
	volunteers = roster_engine_hours_list_volunteers(self, error);
	if (volunteers == NULL)
		return NULL;
	names = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
	for (guint i = 0; i < volunteers->len; i++) {
		RosterRecord *v = g_ptr_array_index(volunteers, i);
		gint64 id = roster_record_get_id(v);
		g_hash_table_insert(names, g_memdup2(&id, sizeof(id)), v);
	}
	for (guint i = 0; i < sorted->len; i++) {
		ReportRow *r = g_ptr_array_index(sorted, i);
		RosterRecord *v = g_hash_table_lookup(names, &r->volunteer_id);
		JsonObject *o = json_object_new();
		json_object_set_string_member(o, ROSTER_KEY_PERIOD, r->period);
		json_object_set_int_member(o, ROSTER_KEY_VOLUNTEER_ID, r->volunteer_id);
		json_object_set_string_member(
		    o,
		    ROSTER_KEY_COUNSELLOR_NO,
		    v != NULL ? roster_record_get_string(v, ROSTER_KEY_COUNSELLOR_NO) : NULL);
		json_object_set_string_member(
		    o,
		    ROSTER_KEY_NAME,
		    v != NULL ? roster_record_get_string(v, ROSTER_KEY_NAME) : NULL);
		json_object_set_double_member(o,
					      ROSTER_KEY_SERVICE_HOURS,
					      r->service_minutes / 60.0);
		json_object_set_double_member(o,
					      ROSTER_KEY_TRAINING_HOURS,
					      r->training_minutes / 60.0);
		json_object_set_int_member(o, ROSTER_KEY_RATINGS_COUNT, r->rating_count);
		if (r->rating_count > 0)
			json_object_set_double_member(o,
						      ROSTER_KEY_AVERAGE_RATING,
						      (gdouble)r->rating_total / r->rating_count);
		else
			json_object_set_null_member(o, ROSTER_KEY_AVERAGE_RATING);
		json_object_set_int_member(o, ROSTER_KEY_NO_SHOWS, r->no_shows);
		json_array_add_object_element(items, o);
	}
	return roster_engine_new_list(items, -1);
}

static gchar *
format_number(gdouble value)
{
	gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
	return g_strdup(g_ascii_formatd(buf, sizeof(buf), "%.2f", value));
}

gchar *
roster_engine_report_hours_csv(RosterEngine *self,
			       RosterPrincipal *principal,
			       GHashTable *params,
			       gboolean chinese,
			       GError **error)
{
	const gchar *const en[] = {"period",
				   "volunteer_id",
				   "counsellor_no",
				   "name",
				   "service_hours",
				   "training_hours",
				   "ratings_count",
				   "average_rating",
				   "no_shows"};
	const gchar *const zh[] = {"期间",
				   "志愿者编号",
				   "工号",
				   "姓名",
				   "服务时长（小时）",
				   "培训时长（小时）",
				   "评价次数",
				   "平均评分",
				   "缺勤次数"};
	/* the period, the counsellor number and the name are text people typed */
	const RosterCsvCell cells[] = {ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_TEXT,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER,
				       ROSTER_CSV_CELL_NUMBER};
	g_autoptr(JsonNode) report = roster_engine_report_hours(self, principal, params, error);
	GString *out;
	JsonArray *items;

	if (report == NULL)
		return NULL;
	out = g_string_new("\xEF\xBB\xBF");
	roster_csv_append_row(out, chinese ? zh : en, NULL, G_N_ELEMENTS(en));
	items = json_object_get_array_member(json_node_get_object(report), ROSTER_KEY_ITEMS);
	for (guint i = 0; i < json_array_get_length(items); i++) {
		JsonObject *o = json_array_get_object_element(items, i);
		g_autofree gchar *id =
		    g_strdup_printf("%" G_GINT64_FORMAT,
				    json_object_get_int_member(o, ROSTER_KEY_VOLUNTEER_ID));
		g_autofree gchar *service =
		    format_number(json_object_get_double_member(o, ROSTER_KEY_SERVICE_HOURS));
		g_autofree gchar *training =
		    format_number(json_object_get_double_member(o, ROSTER_KEY_TRAINING_HOURS));
		g_autofree gchar *count =
		    g_strdup_printf("%" G_GINT64_FORMAT,
				    json_object_get_int_member(o, ROSTER_KEY_RATINGS_COUNT));
		g_autofree gchar *average =
		    json_object_get_null_member(o, ROSTER_KEY_AVERAGE_RATING)
			? g_strdup("")
			: format_number(
			      json_object_get_double_member(o, ROSTER_KEY_AVERAGE_RATING));
		g_autofree gchar *no_shows =
		    g_strdup_printf("%" G_GINT64_FORMAT,
				    json_object_get_int_member(o, ROSTER_KEY_NO_SHOWS));
		const gchar *fields[] = {
		    json_object_get_string_member(o, ROSTER_KEY_PERIOD),
		    id,
		    json_object_get_string_member_with_default(o, ROSTER_KEY_COUNSELLOR_NO, ""),
		    json_object_get_string_member_with_default(o, ROSTER_KEY_NAME, ""),
		    service,
		    training,
		    count,
		    average,
		    no_shows,
		};
		roster_csv_append_row(out, fields, cells, G_N_ELEMENTS(fields));
	}
	return g_string_free(out, FALSE);
}
